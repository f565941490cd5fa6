/*
 * ctx.c: the check context: what a rule type sees of the repository,
 * and the services computed once per check (files read and parsed, the
 * history of a window, the outcome of reading a rule's file).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "ctx.h"
#include "finding.h"
#include "history.h"
#include "markdown.h"
#include "rst.h"
#include "ruleset.h"
#include "strbuf.h"
#include "tree.h"
#include "xalloc.h"

/* Bytes looked at for a NUL to call a file binary, as git does. */
#define BINARY_PROBE	8000

struct cache_item {
	const char		*kind;		/* a static string */
	const struct tree_entry	*e;
	size_t			 cap;
	void			*data;
	void			(*free_fn)(void *);
	struct cache_item	*next;
};

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
	struct cache_item	*cache;
};

/* A file read: what tree_read() said, and the bytes. */
struct text_item {
	int		 rc;
	size_t		 cap;		/* bytes asked for */
	int		 truncated;	/* the file has more than cap */
	struct strbuf	 text;
};

struct md_item {
	int		 rc;		/* ctx_read()'s, or -1 unparsable */
	struct md_file	 m;
};

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
		free(c);
	}
	if (ctx->mailmap != NULL)
		git_mailmap_free(ctx->mailmap);
	free(ctx);
}

const struct tree *
ctx_tree(const struct check_ctx *ctx)
{
	return ctx->tree;
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

void *
ctx_cache_find(struct check_ctx *ctx, const char *kind,
    const struct tree_entry *e, size_t cap)
{
	struct cache_item *c;

	for (c = ctx->cache; c != NULL; c = c->next)
		if (c->e == e && c->cap == cap && strcmp(c->kind, kind) == 0)
			return c->data;
	return NULL;
}

void
ctx_cache_add(struct check_ctx *ctx, const char *kind,
    const struct tree_entry *e, size_t cap, void *data,
    void (*free_fn)(void *))
{
	struct cache_item *c;

	c = xcalloc(1, sizeof(*c));
	c->kind = kind;
	c->e = e;
	c->cap = cap;
	c->data = data;
	c->free_fn = free_fn;
	c->next = ctx->cache;
	ctx->cache = c;
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

	t = ctx_cache_find(ctx, "text", e, 0);
	if (t != NULL && (t->rc != 0 || t->cap >= cap || !t->truncated))
		return t;
	if (t == NULL) {
		t = xcalloc(1, sizeof(*t));
		strbuf_init(&t->text);
		ctx_cache_add(ctx, "text", e, 0, t, text_item_free);
	}
	t->cap = cap;
	t->rc = tree_read(ctx->tree, e, cap, &t->text, &t->truncated);
	return t;
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

static void
md_item_free(void *p)
{
	struct md_item *m = p;

	md_doc_free(&m->m.doc);
	free(m);
}

/* A document reader: its cache kind, its name in messages, its parser. */
struct doc_reader {
	const char	*kind;
	const char	*name;
	int		(*parse)(const char *, size_t, struct md_doc *);
};

static const struct doc_reader reader_markdown = {
	"markdown", "Markdown", md_parse
};
static const struct doc_reader reader_rst = {
	"rst", "reStructuredText", rst_parse
};

const struct md_file *
ctx_document(struct check_ctx *ctx, const struct tree_entry *e, size_t cap,
    struct finding *f)
{
	const struct doc_reader *rd;
	struct md_item *m;
	const char *buf;
	size_t len;

	rd = rst_is_path(e->path) ? &reader_rst : &reader_markdown;
	m = ctx_cache_find(ctx, rd->kind, e, cap);
	if (m == NULL) {
		m = xcalloc(1, sizeof(*m));
		m->m.e = e;
		m->rc = ctx_read(ctx, e, cap, 0, NULL, &buf, &len,
		    &m->m.truncated);
		if (m->rc == 0 && rd->parse(buf, len, &m->m.doc) == -1)
			m->rc = CTX_EPARSE;
		ctx_cache_add(ctx, rd->kind, e, cap, m, md_item_free);
	}
	if (m->rc == 0)
		return &m->m;
	if (f != NULL && m->rc == CTX_EPARSE) {
		finding_result(f, RESULT_UNKNOWN, "%s cannot be read as %s",
		    e->path, rd->name);
		finding_evidence(f, e->path, 0, "unreadable");
	} else if (f != NULL)
		(void)ctx_read(ctx, e, cap, 0, f, &buf, &len,
		    &m->m.truncated);
	return NULL;
}

const struct history *
ctx_history(struct check_ctx *ctx, const struct history_opts *ho)
{
	struct history_item *hi;

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
