/*
 * ctx.c: the check context: what a rule type sees of the repository,
 * and the services computed once per check (files read and parsed, the
 * history of a window, the outcome of reading a rule's file).
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "read/codeowners.h"
#include "ctx.h"
#include "finding.h"
#include "history.h"
#include "read/markdown.h"
#include "read/reader.h"
#include "read/rst.h"
#include "ruleset.h"
#include "strbuf.h"
#include "tags.h"
#include "tree.h"
#include "utf8.h"
#include "xalloc.h"

/* Bytes looked at for a NUL to call a file binary, as git does. */
#define BINARY_PROBE	8000
/* A document with more than one control byte in this many is binary. */
#define DOC_BINARY_SHARE	32

struct cache_item {
	const char		*kind;		/* a static string */
	const struct tree_entry	*e;
	size_t			 cap;
	void			*data;
	void			(*free_fn)(void *);
	struct cache_item	*next;
	struct cache_item	*hnext;		/* in its bucket */
	/* What computing it asked of the tree (tree.h), when recorded. */
	struct tree_queries	 asked;
	int			 recorded;	/* asked is all it asked */
	int			 open;		/* ctx_cache_add_open() */
	int			 pure;		/* ctx_cache_add_pure() */
};

/*
 * A computed item not yet added (ctx_cache_find() missed): where the
 * tree's log stood, so that ctx_cache_add() keeps what was asked since
 * and a later hit can log it for the rule it serves.
 */
#define CTX_MARKS	16
struct cache_mark {
	const char		*kind;
	size_t			 cap;
	struct tree_queries	*rec;
	size_t			 at;
};

/* Commits history_last_change() looks at before it gives up. */
#define CTX_CHANGE_LIMIT	200000

struct history_item {
	struct history_opts	 opts;
	struct history		 h;
	int			 rc;
	struct history_item	*next;
};

struct check_ctx {
	git_repository		*repo;
	struct tree		*tree;
	const struct ruleset	*rs;
	int			 has_head;
	git_oid			 head;		/* the commit whose history counts */
	int64_t			 as_of;		/* seconds since the epoch */
	git_mailmap		*mailmap;
	const char		*mailmap_why;	/* why there is none */
	int			 mailmap_loaded;
	struct history_item	*histories;
	struct cache_item	*cache;		/* every item, newest first */
	struct cache_item	**buckets;	/* by entry and cap */
	size_t			 nbuckets;	/* a power of two, or 0 */
	size_t			 nitems;
	struct cache_mark	 marks[CTX_MARKS];
	size_t			 nmarks;
	/* Another tree's context, and what differs (ctx_twin()). */
	struct check_ctx	*twin;
	const struct tree_delta	*twin_delta;
};

/*
 * A file read or sized: what the tree source said (one failure, printed
 * once, serves every later question), the bytes, the size.
 */
struct text_item {
	int		 rc;
	int		 have_text;	/* text, cap and truncated are set */
	size_t		 cap;		/* bytes asked for */
	int		 truncated;	/* the file has more than cap */
	struct strbuf	 text;
	int		 have_size;
	uint64_t	 size;
};

static struct text_item *text_item(struct check_ctx *,
		    const struct tree_entry *);
static size_t	 cache_hash(const struct tree_entry *, size_t);
static void	 cache_insert(struct check_ctx *, struct cache_item *);
static struct cache_item *twin_item(const struct check_ctx *, const char *,
		    size_t);

struct check_ctx *
ctx_new(git_repository *repo, struct tree *t, const struct ruleset *rs,
    const git_oid *head, int64_t as_of)
{
	struct check_ctx *ctx;

	ctx = xcalloc(1, sizeof(*ctx));
	ctx->repo = repo;
	ctx->tree = t;
	ctx->rs = rs;
	if (head != NULL) {
		ctx->has_head = 1;
		git_oid_cpy(&ctx->head, head);
	}
	ctx->as_of = as_of;
	return ctx;
}

void
ctx_free(struct check_ctx *ctx)
{
	struct history_item *h, *hn;
	struct cache_item *c, *cn;

	if (ctx == NULL)
		return;
	for (h = ctx->histories; h != NULL; h = hn) {
		hn = h->next;
		history_release(&h->h);
		free(h);
	}
	for (c = ctx->cache; c != NULL; c = cn) {
		cn = c->next;
		c->free_fn(c->data);
		tree_queries_release(&c->asked);
		free(c);
	}
	free(ctx->buckets);
	if (ctx->mailmap != NULL)
		git_mailmap_free(ctx->mailmap);
	free(ctx);
}

const struct tree *
ctx_tree(const struct check_ctx *ctx)
{
	return ctx->tree;
}

char *
ctx_repo_name(const struct check_ctx *ctx)
{
	const char *dir, *end, *start;

	dir = git_repository_workdir(ctx->repo);
	if (dir == NULL)
		dir = git_repository_path(ctx->repo);
	if (dir == NULL)
		return NULL;
	end = dir + strlen(dir);
	while (end > dir && end[-1] == '/')
		end--;
	/* a checkout's own .git directory names nothing: its parent does */
	if (end - dir >= 5 && memcmp(end - 5, "/.git", 5) == 0)
		for (end -= 5; end > dir && end[-1] == '/'; end--)
			;
	for (start = end; start > dir && start[-1] != '/'; start--)
		;
	if (end - start > 4 && memcmp(end - 4, ".git", 4) == 0)
		end -= 4;
	return end > start ? xstrndup(start, (size_t)(end - start)) : NULL;
}

const struct ruleset *
ctx_ruleset(const struct check_ctx *ctx)
{
	return ctx->rs;
}

const char *
ctx_fact(const struct check_ctx *ctx, const char *name, const char **source)
{
	if (source != NULL)
		*source = ruleset_get_fact_source(ctx->rs, name);
	return ruleset_get_fact(ctx->rs, name);
}

int64_t
ctx_as_of(const struct check_ctx *ctx)
{
	return ctx->as_of;
}

int
ctx_has_head(const struct check_ctx *ctx)
{
	return ctx->has_head;
}

/*
 * An entry's item depends on its bytes; an item of the whole tree (e
 * NULL) on what computing it asked, logged again on every hit.
 */
void
ctx_twin(struct check_ctx *ctx, struct check_ctx *twin,
    const struct tree_delta *d)
{
	ctx->twin = twin;
	ctx->twin_delta = d;
}

/*
 * The twin's aggregate item of this kind, when what computing it asked
 * of the twin's tree is all recorded and the two trees differ in none of
 * it: computed here, it would be the same.
 */
static struct cache_item *
twin_item(const struct check_ctx *ctx, const char *kind, size_t cap)
{
	struct cache_item *c;

	if (ctx->twin == NULL)
		return NULL;
	for (c = ctx->twin->cache; c != NULL; c = c->next)
		if (c->e == NULL && c->cap == cap &&
		    strcmp(c->kind, kind) == 0)
			return c->recorded && c->pure && !tree_delta_touches(
			    ctx->twin_delta, &c->asked) ? c : NULL;
	return NULL;
}

/* A cache item's bucket: by its entry (an address) and cap. */
static size_t
cache_hash(const struct tree_entry *e, size_t cap)
{
	uint64_t h;

	h = (uint64_t)(uintptr_t)e >> 4;
	h ^= (uint64_t)cap * 0x9e3779b97f4a7c15ULL;
	h ^= h >> 29;
	return (size_t)(h * 0xbf58476d1ce4e5b9ULL >> 17);
}

/*
 * Put c in its bucket, the table doubled when it holds more items than
 * buckets: a check reads thousands of files, and a list of them made
 * every lookup a walk of all.
 */
static void
cache_insert(struct check_ctx *ctx, struct cache_item *c)
{
	struct cache_item *x;
	size_t i;

	if (ctx->nitems + 1 > ctx->nbuckets) {
		free(ctx->buckets);
		ctx->nbuckets = ctx->nbuckets == 0 ? 64 : ctx->nbuckets * 2;
		ctx->buckets = xcalloc(ctx->nbuckets, sizeof(*ctx->buckets));
		/* every item but c, from the list of all */
		for (x = ctx->cache; x != NULL; x = x->next) {
			if (x == c)
				continue;
			i = cache_hash(x->e, x->cap) & (ctx->nbuckets - 1);
			x->hnext = ctx->buckets[i];
			ctx->buckets[i] = x;
		}
	}
	i = cache_hash(c->e, c->cap) & (ctx->nbuckets - 1);
	c->hnext = ctx->buckets[i];
	ctx->buckets[i] = c;
	ctx->nitems++;
}

void *
ctx_cache_find(struct check_ctx *ctx, const char *kind,
    const struct tree_entry *e, size_t cap)
{
	struct tree_queries *rec = tree_recording(ctx->tree);
	struct cache_item *c;
	struct cache_mark *m;

	if (e != NULL)
		tree_queries_note(rec, TREE_ASK_BYTES, 0, e->path);
	c = ctx->nbuckets == 0 ? NULL :
	    ctx->buckets[cache_hash(e, cap) & (ctx->nbuckets - 1)];
	for (; c != NULL; c = c->hnext)
		if (c->e == e && c->cap == cap && strcmp(c->kind, kind) == 0) {
			if (e == NULL && !c->open)
				tree_queries_copy(rec, &c->asked, 0);
			return c->data;
		}
	if (e == NULL && (c = twin_item(ctx, kind, cap)) != NULL) {
		tree_queries_copy(rec, &c->asked, 0);
		return c->data;
	}
	if (e == NULL && rec != NULL && ctx->nmarks < CTX_MARKS) {
		m = &ctx->marks[ctx->nmarks++];
		m->kind = kind;
		m->cap = cap;
		m->rec = rec;
		m->at = rec->n;
	}
	return NULL;
}

void
ctx_cache_add(struct check_ctx *ctx, const char *kind,
    const struct tree_entry *e, size_t cap, void *data,
    void (*free_fn)(void *))
{
	struct cache_item *c;
	const struct cache_mark *m;
	size_t i;

	c = xcalloc(1, sizeof(*c));
	c->kind = kind;
	c->e = e;
	c->cap = cap;
	c->data = data;
	c->free_fn = free_fn;
	c->next = ctx->cache;
	ctx->cache = c;
	cache_insert(ctx, c);
	/* the innermost mark of this item; marks above it were abandoned */
	for (i = ctx->nmarks; e == NULL && i > 0; i--) {
		m = &ctx->marks[i - 1];
		if (m->cap != cap || strcmp(m->kind, kind) != 0)
			continue;
		if (m->rec == tree_recording(ctx->tree)) {
			tree_queries_copy(&c->asked, m->rec, m->at);
			c->recorded = 1;
		}
		ctx->nmarks = i - 1;
		break;
	}
}

void
ctx_cache_add_open(struct check_ctx *ctx, const char *kind, void *data,
    void (*free_fn)(void *))
{
	ctx_cache_add(ctx, kind, NULL, 0, data, free_fn);
	ctx->cache->open = 1;
	ctx->cache->recorded = 0;
	tree_queries_release(&ctx->cache->asked);
}

void
ctx_cache_add_pure(struct check_ctx *ctx, const char *kind, size_t cap,
    void *data, void (*free_fn)(void *))
{
	ctx_cache_add(ctx, kind, NULL, cap, data, free_fn);
	ctx->cache->pure = 1;
}

size_t
ctx_asked_mark(const struct check_ctx *ctx)
{
	const struct tree_queries *rec = tree_recording(ctx->tree);

	return rec != NULL ? rec->n : 0;
}

void
ctx_asked_keep(const struct check_ctx *ctx, size_t mark,
    struct tree_queries *into)
{
	const struct tree_queries *rec = tree_recording(ctx->tree);

	if (rec != NULL)
		tree_queries_copy(into, rec, mark);
}

void
ctx_asked_replay(const struct check_ctx *ctx, const struct tree_queries *q)
{
	tree_queries_copy(tree_recording(ctx->tree), q, 0);
}

/* Say what a link points at; it is never followed. */
static void
judge_link(struct check_ctx *ctx, const struct tree_entry *e,
    struct finding *f)
{
	struct strbuf target = STRBUF_INIT;

	if (tree_readlink(ctx->tree, e, &target) != 0)
		strbuf_addstr(&target, "?");
	finding_result(f, RESULT_FAIL, "%s is a symbolic link to %s; links "
	    "are not followed", e->path, target.buf);
	finding_evidence(f, e->path, 0, "symbolic link");
	finding_fix(f, "replace the link %s with the file itself", e->path);
	strbuf_release(&target);
}

int
ctx_usable(struct check_ctx *ctx, const struct tree_entry *e,
    struct finding *f)
{
	if (e->mode == TREE_MODE_LINK) {
		judge_link(ctx, e, f);
		return -1;
	}
	if (e->mode == TREE_MODE_SUBMODULE) {
		finding_result(f, RESULT_FAIL, "%s is a submodule, not a file",
		    e->path);
		finding_evidence(f, e->path, 0, "submodule");
		return -1;
	}
	return 0;
}

/*
 * The one place a tree source's answer becomes a result: every rule type
 * that reads a file says the same of a file it cannot read.
 */
static void
judge_read(struct check_ctx *ctx, const struct tree_entry *e, int rc,
    struct finding *f)
{
	if (f == NULL)
		return;
	switch (rc) {
	case TREE_ELINK:
		judge_link(ctx, e, f);
		break;
	case TREE_EMISSING:
		finding_result(f, RESULT_FAIL, "%s is missing from the working "
		    "tree", e->path);
		finding_evidence(f, e->path, 0, "missing");
		break;
	case TREE_ENOTFILE:
		if (ctx_usable(ctx, e, f) == 0) {
			finding_result(f, RESULT_FAIL, "%s is not a regular "
			    "file", e->path);
			finding_evidence(f, e->path, 0, "not a regular file");
		}
		break;
	case CTX_EBINARY:
		finding_result(f, RESULT_FAIL, "%s is a binary file", e->path);
		finding_evidence(f, e->path, 0, "binary");
		break;
	default:
		/* Unreadable: this checkout cannot decide. */
		finding_result(f, RESULT_UNKNOWN, "%s cannot be read",
		    e->path);
		finding_evidence(f, e->path, 0, "unreadable");
		finding_fix(f, "make %s readable and check again", e->path);
		break;
	}
}

static void
text_item_free(void *p)
{
	struct text_item *t = p;

	strbuf_release(&t->text);
	free(t);
}

/*
 * The bytes of an entry, read once per check: a later read of more bytes
 * replaces the first, a read of fewer is served from it, and a file that
 * could not be read is not tried again (its error is printed once).
 */
static const struct text_item *
read_cached(struct check_ctx *ctx, const struct tree_entry *e, size_t cap)
{
	struct text_item *t;

	t = text_item(ctx, e);
	if (t->rc != 0 || (t->have_text && (t->cap >= cap || !t->truncated)))
		return t;
	t->cap = cap;
	t->rc = tree_read(ctx->tree, e, cap, &t->text, &t->truncated);
	t->have_text = t->rc == 0;
	return t;
}

/* The cache item of an entry's bytes and size, made empty if new. */
static struct text_item *
text_item(struct check_ctx *ctx, const struct tree_entry *e)
{
	struct text_item *t;

	if ((t = ctx_cache_find(ctx, "text", e, 0)) != NULL)
		return t;
	t = xcalloc(1, sizeof(*t));
	strbuf_init(&t->text);
	ctx_cache_add(ctx, "text", e, 0, t, text_item_free);
	return t;
}

int
ctx_size(struct check_ctx *ctx, const struct tree_entry *e,
    struct finding *f, uint64_t *size)
{
	struct text_item *t;

	t = text_item(ctx, e);
	if (t->rc == 0 && !t->have_size && t->have_text && !t->truncated) {
		t->size = t->text.len;	/* read whole already */
		t->have_size = 1;
	}
	if (t->rc == 0 && !t->have_size) {
		t->rc = tree_size(ctx->tree, e, &t->size);
		t->have_size = t->rc == 0;
	}
	if (t->rc != 0) {
		judge_read(ctx, e, t->rc, f);
		return t->rc;
	}
	*size = t->size;
	return 0;
}

int
ctx_read(struct check_ctx *ctx, const struct tree_entry *e, size_t cap,
    unsigned flags, struct finding *f, const char **buf, size_t *len,
    int *truncated)
{
	const struct text_item *t;
	size_t probe;

	t = read_cached(ctx, e, cap);
	if (t->rc != 0) {
		judge_read(ctx, e, t->rc, f);
		return t->rc;
	}
	*buf = t->text.buf;
	*len = t->text.len < cap ? t->text.len : cap;
	*truncated = t->truncated || t->text.len > cap;
	if (flags & CTX_READ_TEXT) {
		probe = *len < BINARY_PROBE ? *len : BINARY_PROBE;
		if (memchr(*buf, '\0', probe) != NULL) {
			judge_read(ctx, e, CTX_EBINARY, f);
			return CTX_EBINARY;
		}
	}
	return 0;
}

/*
 * A model of an entry: ctx_read()'s code or CTX_EPARSE, the model, and
 * the UTF-16 text decoded for a document.
 */
struct model_item {
	int		 rc;
	void		*model;
	const struct reader *rd;
};

static void
model_item_free(void *p)
{
	struct model_item *m = p;

	if (m->model != NULL)
		m->rd->free(m->model);
	free(m);
}

/*
 * Whether a document is binary rather than text with a stray byte: git's
 * text heuristic (convert.c) counts control characters other than tab,
 * newline, carriage return, form feed, backspace and escape (NUL and DEL
 * included) in the first BINARY_PROBE bytes; more than one in
 * DOC_BINARY_SHARE is binary. Random bytes have one in ten.
 */
static int
doc_binary(const char *buf, size_t len)
{
	size_t i, n, bad;
	unsigned char c;

	n = len < BINARY_PROBE ? len : BINARY_PROBE;
	for (i = bad = 0; i < n; i++) {
		c = (unsigned char)buf[i];
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' &&
		    c != '\f' && c != '\b' && c != 0x1b) || c == 0x7f)
			bad++;
	}
	return bad * DOC_BINARY_SHARE > n;
}

/*
 * The UTF-8 of a UTF-16 text that starts with its byte order mark (the
 * mark dropped), as GitHub renders it; 0 if buf has no such mark.
 */
static int
utf16_decode(const char *buf, size_t len, struct strbuf *out)
{
	const unsigned char *b = (const unsigned char *)buf;
	uint32_t u, lo;
	size_t i;
	int be;

	if (len < 2 || !((b[0] == 0xff && b[1] == 0xfe) ||
	    (b[0] == 0xfe && b[1] == 0xff)))
		return 0;
	be = b[0] == 0xfe;
	strbuf_reset(out);
	for (i = 2; i + 1 < len; i += 2) {
		u = be ? (uint32_t)b[i] << 8 | b[i + 1] :
		    (uint32_t)b[i + 1] << 8 | b[i];
		if (u >= 0xd800 && u < 0xdc00 && i + 3 < len) {
			lo = be ? (uint32_t)b[i + 2] << 8 | b[i + 3] :
			    (uint32_t)b[i + 3] << 8 | b[i + 2];
			if (lo >= 0xdc00 && lo < 0xe000) {
				u = 0x10000 + ((u - 0xd800) << 10) +
				    (lo - 0xdc00);
				i += 2;
			} else
				u = 0xfffd;
		} else if (u >= 0xd800 && u < 0xe000)
			u = 0xfffd;
		utf8_put(out, u);
	}
	return 1;
}

/* Read an entry and hand it to a reader: the item's code and model. */
static void
model_build(struct check_ctx *ctx, struct model_item *m,
    const struct tree_entry *e, size_t cap)
{
	const struct reader *rd = m->rd;
	struct strbuf decoded = STRBUF_INIT;
	struct reader_input in;

	m->rc = ctx_read(ctx, e, cap, 0, NULL, &in.buf, &in.len,
	    &in.truncated);
	if (m->rc == 0 && (rd->flags & (READER_DOC | READER_BOM)) &&
	    utf16_decode(in.buf, in.len, &decoded)) {
		in.buf = decoded.buf;
		in.len = decoded.len;
	} else if (m->rc == 0 && (rd->flags & READER_DOC) &&
	    doc_binary(in.buf, in.len))
		m->rc = CTX_EBINARY;
	else if (m->rc == 0 && (rd->flags & READER_TEXT))
		m->rc = ctx_read(ctx, e, cap, CTX_READ_TEXT, NULL, &in.buf,
		    &in.len, &in.truncated);
	in.path = e->path;
	if (m->rc == 0 && (m->model = rd->parse(&in)) == NULL)
		m->rc = CTX_EPARSE;
	strbuf_release(&decoded);
}

const void *
ctx_model(struct check_ctx *ctx, const struct reader *rd,
    const struct tree_entry *e, size_t cap, struct finding *f, int *rc)
{
	struct model_item *m;
	const char *buf;
	size_t len;
	int trunc;

	if ((m = ctx_cache_find(ctx, rd->name, e, cap)) == NULL) {
		m = xcalloc(1, sizeof(*m));
		m->rd = rd;
		model_build(ctx, m, e, cap);
		ctx_cache_add(ctx, rd->name, e, cap, m, model_item_free);
	}
	if (rc != NULL)
		*rc = m->rc;
	if (m->rc == 0)
		return m->model;
	if (f != NULL && m->rc == CTX_EPARSE) {
		finding_result(f, RESULT_UNKNOWN, "%s cannot be read as %s",
		    e->path, rd->name);
		finding_evidence(f, e->path, 0, "unreadable");
	} else if (f != NULL && m->rc == CTX_EBINARY)
		judge_read(ctx, e, CTX_EBINARY, f);
	else if (f != NULL)
		(void)ctx_read(ctx, e, cap, 0, f, &buf, &len, &trunc);
	return NULL;
}

size_t
ctx_model_count(const struct check_ctx *ctx, const struct reader *rd)
{
	const struct cache_item *c;
	const struct model_item *m;
	size_t n;

	for (c = ctx->cache, n = 0; c != NULL; c = c->next) {
		if (strcmp(c->kind, rd->name) != 0)
			continue;
		m = c->data;
		if (m->model != NULL || m->rc == CTX_EPARSE)
			n++;
	}
	return n;
}

const struct md_file *
ctx_document(struct check_ctx *ctx, const struct tree_entry *e, size_t cap,
    struct finding *f)
{
	struct md_file *m;

	m = (struct md_file *)ctx_model(ctx, rst_is_path(e->path) ?
	    &reader_rst : &reader_markdown, e, cap, f, NULL);
	if (m != NULL)
		m->e = e;
	return m;
}

const struct co_file *
ctx_codeowners(struct check_ctx *ctx, const struct tree_entry *e,
    struct finding *f)
{
	return ctx_model(ctx, &reader_codeowners, e, CODEOWNERS_MAX, f, NULL);
}

const struct history *
ctx_history(struct check_ctx *ctx, const struct history_opts *ho)
{
	struct history_item *hi;

	/* what history_mailmap() reads, whichever rule read it first */
	tree_queries_note(tree_recording(ctx->tree), TREE_ASK_LOOKUP, 0,
	    ".mailmap");
	tree_queries_note(tree_recording(ctx->tree), TREE_ASK_BYTES, 0,
	    ".mailmap");
	for (hi = ctx->histories; hi != NULL; hi = hi->next)
		if (memcmp(&hi->opts, ho, sizeof(*ho)) == 0)
			return hi->rc == 0 ? &hi->h : NULL;
	if (!ctx->mailmap_loaded) {
		ctx->mailmap_loaded = 1;
		if (history_mailmap(ctx->tree, &ctx->mailmap,
		    &ctx->mailmap_why) == -1) {
			ctx->mailmap = NULL;
			ctx->mailmap_why = ".mailmap cannot be read";
		}
	}
	hi = xcalloc(1, sizeof(*hi));
	hi->opts = *ho;
	hi->next = ctx->histories;
	ctx->histories = hi;
	hi->rc = history_walk(ctx->repo, &ctx->head, ctx->mailmap, ho, &hi->h);
	/* no count of authors at all rather than one without the mailmap */
	if (hi->rc == 0)
		hi->h.no_authors = ctx->mailmap_why;
	return hi->rc == 0 ? &hi->h : NULL;
}

void
ctx_history_newest(const struct history *h, char *buf, size_t sz)
{
	if (sz == 0)
		return;
	*buf = '\0';
	if (h->has_first)
		git_oid_tostr(buf, sz, &h->first_oid);
}

int
ctx_last_change(struct check_ctx *ctx, const char *path, size_t limit,
    int64_t *when, char *hex, size_t sz)
{
	struct history_change hc;

	*when = 0;
	if (sz > 0)
		*hex = '\0';
	if (!ctx->has_head)
		return 0;
	if (history_last_change(ctx->repo, &ctx->head, path,
	    limit > 0 ? limit : CTX_CHANGE_LIMIT, &hc) == -1)
		return -1;
	if (hc.found && !hc.truncated) {
		*when = hc.when;
		git_oid_tostr(hex, sz, &hc.oid);
		return 1;
	}
	return hc.truncated ? 2 : hc.limited ? 3 : 0;
}

int
ctx_newest_tag(struct check_ctx *ctx, struct tags_newest *tn)
{
	return tags_newest(ctx->repo, ctx_as_of(ctx), tn);
}

int
ctx_head_time(struct check_ctx *ctx, int64_t *when)
{
	*when = 0;
	if (!ctx->has_head)
		return -1;
	return history_commit_time(ctx->repo, &ctx->head, "HEAD", when);
}
