/*
 * ctx-people.c: the people a project names, collected once per check
 * for each set of sources (ctx-people.h), from the documents and the
 * CODEOWNERS file the context has already parsed or will parse once.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "ctx-people.h"
#include "ctx.h"
#include "finding.h"
#include "read/codeowners.h"
#include "read/doclink.h"
#include "read/markdown.h"
#include "read/people.h"
#include "read/rst.h"
#include "ruleset.h"
#include "strbuf.h"
#include "tree.h"
#include "xalloc.h"

#define FOLLOW_MAX	64	/* pages a document's links lead to, read */

/* A document to read and how. */
struct doc {
	const struct tree_entry	*e;
	unsigned		 flags;		/* PEOPLE_* */
};

struct docs {
	struct doc	*v;
	size_t		 n;
	size_t		 alloc;
};

/* One collection, and the sources it was collected from. */
struct people_set {
	char			*key;
	struct ctx_people	 cp;
	struct tree_queries	 asked;	/* what collect() asked */
};

/* Every collection of a check. */
struct people_sets {
	struct people_set	**v;
	size_t			  n;
	size_t			  alloc;
};

static void	 sets_free(void *);
static struct people_sets *sets_of(struct check_ctx *);
static void	 sources_key(const struct rule *, struct strbuf *);
static void	 stem(const char *, struct strbuf *);
static void	 find_docs(const struct rule *, struct check_ctx *,
		    const char *, unsigned, struct docs *, struct strbuf *,
		    struct strbuf *);
static void	 list_add(struct strbuf *, const char *);
static void	 place_name(const char *, struct strbuf *);
static void	 say_missing(const struct rule_value *, size_t, struct strbuf *,
		    struct strbuf *);
static int	 docs_add(struct docs *, const struct tree_entry *, unsigned);
static int	 is_page(const struct tree_entry *);
static void	 follow_links(const struct rule *, struct check_ctx *,
		    struct docs *, struct strbuf *);
static void	 read_docs(const struct rule *, struct check_ctx *,
		    const struct docs *, struct ctx_people *);
static void	 owners_of(const struct rule *, struct check_ctx *,
		    struct ctx_people *);
static void	 collect(const struct rule *, struct check_ctx *,
		    struct ctx_people *);

/* The keys of a rule that say where its people are. */
static const char *const source_keys[] = {
	"file", "section_file", "follow", "codeowners", "dirs", "case", NULL
};

static void
sets_free(void *p)
{
	struct people_sets *ss = p;
	size_t i;

	for (i = 0; i < ss->n; i++) {
		free(ss->v[i]->key);
		tree_queries_release(&ss->v[i]->asked);
		people_release(&ss->v[i]->cp.pp);
		strbuf_release(&ss->v[i]->cp.looked);
		strbuf_release(&ss->v[i]->cp.missing);
		strbuf_release(&ss->v[i]->cp.unread);
		free(ss->v[i]);
	}
	free(ss->v);
	free(ss);
}

/* The collections of a check, made empty on first use. */
static struct people_sets *
sets_of(struct check_ctx *ctx)
{
	struct people_sets *ss;

	if ((ss = ctx_cache_find(ctx, "people", NULL, 0)) == NULL) {
		ss = xcalloc(1, sizeof(*ss));
		ctx_cache_add_open(ctx, "people", ss, sets_free);
	}
	return ss;
}

/* The values of r's source keys as one string: equal sources, equal. */
static void
sources_key(const struct rule *r, struct strbuf *key)
{
	const struct rule_key *k;
	size_t i, j;

	strbuf_reset(key);
	for (i = 0; source_keys[i] != NULL; i++) {
		strbuf_addf(key, "%s%c", source_keys[i], 0x1e);
		if ((k = rule_key(r, source_keys[i])) == NULL)
			continue;
		for (j = 0; j < k->n; j++)
			strbuf_addf(key, "%s%c", k->v[j].value, 0x1f);
	}
}

/* The stem of a name: "Governance.rst" -> "governance". */
static void
stem(const char *name, struct strbuf *out)
{
	const char *base, *dot;
	size_t i, n;

	base = strrchr(name, '/');
	base = base != NULL ? base + 1 : name;
	dot = strchr(base, '.');
	n = dot != NULL ? (size_t)(dot - base) : strlen(base);
	strbuf_reset(out);
	for (i = 0; i < n; i++)
		strbuf_addch(out, ascii_tolower((unsigned char)base[i]));
}

/* Append s to a list of ", " between, unless there. */
static void
list_add(struct strbuf *sb, const char *s)
{
	const char *p;
	size_t n;

	n = strlen(s);
	for (p = sb->buf; sb->len > 0 && (p = strstr(p, s)) != NULL; p++)
		if ((p == sb->buf || p[-1] == ' ') && (p[n] == '\0' ||
		    p[n] == ','))
			return;
	strbuf_addf(sb, "%s%s", sb->len > 0 ? ", " : "", s);
}

/*
 * How a name looked for is said when not found: without the root's '/'
 * and the extension of its last part: "MAINTAINERS.md" is "MAINTAINERS",
 * a glob under docs/ the glob without ".rst".
 */
static void
place_name(const char *name, struct strbuf *out)
{
	const char *base, *dot;

	if (*name == '/')
		name++;
	base = strrchr(name, '/');
	base = base != NULL ? base + 1 : name;
	dot = strchr(base, '.');
	strbuf_reset(out);
	strbuf_add(out, name, dot != NULL ? (size_t)(dot - name) :
	    strlen(name));
}

/*
 * Say the n names of one stem not found: the first in the directories
 * looked in and the first with a path of its own ("GOVERNANCE",
 * "docs/(glob)/governance").
 */
static void
say_missing(const struct rule_value *vals, size_t n, struct strbuf *tmp,
    struct strbuf *missing)
{
	size_t i;
	int plain, path;

	for (i = 0, plain = path = 0; i < n; i++) {
		if (strchr(vals[i].value, '/') != NULL ? path++ : plain++)
			continue;
		place_name(vals[i].value, tmp);
		list_add(missing, tmp->buf);
	}
}

/* Add e to ds unless there: 1 if added. */
static int
docs_add(struct docs *ds, const struct tree_entry *e, unsigned flags)
{
	size_t j;

	for (j = 0; j < ds->n && ds->v[j].e != e; j++)
		;
	if (j < ds->n)
		return 0;
	XGROW(ds->v, ds->n + 1, ds->alloc);
	ds->v[ds->n].e = e;
	ds->v[ds->n++].flags = flags;
	return 1;
}

/*
 * The documents the names of key find: of the names of one stem
 * (README.md README.rst), the first found as GitHub looks (directory by
 * directory); each added to ds unless already there. The names of a
 * stem none of which is found are said in missing.
 */
static void
find_docs(const struct rule *r, struct check_ctx *ctx, const char *key,
    unsigned flags, struct docs *ds, struct strbuf *looked,
    struct strbuf *missing)
{
	const struct rule_key *k;
	const struct tree_entry *e;
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	struct rule_value *vals;
	struct rule_key group;
	struct file_query q;
	size_t i, j, n;
	int accepted;
	char *done;

	if ((k = rule_key(r, key)) == NULL || k->n == 0)
		return;
	ctx_file_query(r, &q);
	vals = xcalloc(k->n, sizeof(*vals));
	done = xcalloc(k->n, 1);
	for (i = 0; i < k->n; i++) {
		if (done[i])
			continue;
		stem(k->v[i].value, &a);
		for (j = i, n = 0; j < k->n; j++) {
			stem(k->v[j].value, &b);
			if (done[j] || strcmp(a.buf, b.buf) != 0)
				continue;
			vals[n++] = k->v[j];
			done[j] = 1;
		}
		memset(&group, 0, sizeof(group));
		group.name = k->name;
		group.v = vals;
		group.n = n;
		q.names = &group;
		q.accept = NULL;
		if ((e = ctx_locate(ctx, &q, &accepted, NULL)) == NULL) {
			say_missing(vals, n, &b, missing);
			continue;
		}
		if (docs_add(ds, e, flags))
			list_add(looked, e->path);
	}
	free(vals);
	free(done);
	strbuf_release(&a);
	strbuf_release(&b);
}

/* A page a link may lead to: a Markdown, reST or text file. */
static int
is_page(const struct tree_entry *e)
{
	static const char *const ext[] = {
		".md", ".markdown", ".rst", ".txt", NULL
	};
	size_t i, n, k;

	if (e->mode != TREE_MODE_FILE && e->mode != TREE_MODE_EXEC)
		return 0;
	n = strlen(e->path);
	for (i = 0; ext[i] != NULL; i++) {
		k = strlen(ext[i]);
		if (n > k && ascii_eq_lower(e->path + n - k, ext[i], k))
			return 1;
	}
	return 0;
}

/*
 * The pages of the repository the documents of `follow` link to whose
 * headings are of maintainers or a team (people_page()), added to ds to
 * be read in those sections; at most FOLLOW_MAX pages are looked at.
 */
static void
follow_links(const struct rule *r, struct check_ctx *ctx, struct docs *ds,
    struct strbuf *looked)
{
	struct docs from = { NULL, 0, 0 };
	struct strbuf none = STRBUF_INIT;
	struct strvec cand = STRVEC_INIT, seen = STRVEC_INIT;
	const struct md_file *m, *lm;
	const struct tree_entry *e;
	size_t i, j, k;

	find_docs(r, ctx, "follow", 0, &from, &none, &none);
	for (i = 0; i < from.n; i++) {
		m = ctx_document(ctx, from.v[i].e, CTX_PEOPLE_MAX_BYTES, NULL);
		for (j = 0; m != NULL && j < m->doc.nlinks &&
		    seen.n < FOLLOW_MAX; j++) {
			strvec_clear(&cand);
			doclink_candidates(from.v[i].e->path, m->doc.links[j],
			    &cand);
			for (e = NULL, k = 0; k < cand.n && e == NULL; k++)
				e = tree_lookup(ctx_tree(ctx), cand.v[k], 0);
			if (e == NULL || !is_page(e) || strvec_has(&seen,
			    e->path))
				continue;
			strvec_push(&seen, e->path);
			lm = ctx_document(ctx, e, CTX_PEOPLE_MAX_BYTES, NULL);
			if (lm != NULL && people_page(&lm->doc) &&
			    docs_add(ds, e, 0))
				list_add(looked, e->path);
		}
	}
	strvec_clear(&cand);
	strvec_clear(&seen);
	strbuf_release(&none);
	free(from.v);
}

/*
 * Read the people of each document found; say in cp->unread, in the
 * read judge's words, why those that could not be read could not.
 */
static void
read_docs(const struct rule *r, struct check_ctx *ctx, const struct docs *ds,
    struct ctx_people *cp)
{
	const struct md_file *m;
	struct finding judged;
	const char *buf;
	size_t i, len;
	int trunc;

	for (i = 0; i < ds->n; i++) {
		m = ctx_document(ctx, ds->v[i].e, CTX_PEOPLE_MAX_BYTES, NULL);
		if (m != NULL && ctx_read(ctx, ds->v[i].e,
		    CTX_PEOPLE_MAX_BYTES, 0, NULL, &buf, &len, &trunc) == 0) {
			people_from_doc(&cp->pp, buf, len, &m->doc,
			    ds->v[i].e->path, ds->v[i].flags |
			    (rst_is_path(ds->v[i].e->path) ? PEOPLE_RST : 0));
			continue;
		}
		/* What the read judge says of it: a link, binary, ... */
		finding_init(&judged, r);
		(void)ctx_document(ctx, ds->v[i].e, CTX_PEOPLE_MAX_BYTES,
		    &judged);
		strbuf_addf(&cp->unread, "%s%s", cp->unread.len > 0 ? "; " :
		    "", judged.message != NULL ? judged.message :
		    ds->v[i].e->path);
		finding_release(&judged);
	}
}

/*
 * The owners of the first CODEOWNERS of the codeowners key that GitHub
 * would load: each person once, each team counted as a team (its
 * members cannot be seen offline).
 */
static void
owners_of(const struct rule *r, struct check_ctx *ctx, struct ctx_people *cp)
{
	const struct rule_key *k;
	const struct tree_entry *e;
	const struct co_file *co;
	const struct co_owner *o;
	uint64_t size;
	size_t i, j;

	k = rule_key(r, "codeowners");
	for (i = 0, e = NULL; k != NULL && i < k->n && e == NULL; i++)
		e = tree_lookup(ctx_tree(ctx), k->v[i].value, 0);
	if (e == NULL && k != NULL && k->n > 0)
		list_add(&cp->missing, "CODEOWNERS");
	if (e == NULL || (e->mode != TREE_MODE_FILE &&
	    e->mode != TREE_MODE_EXEC) ||
	    ctx_size(ctx, e, NULL, &size) != 0 || size >= CODEOWNERS_MAX ||
	    (co = ctx_codeowners(ctx, e, NULL)) == NULL)
		return;
	list_add(&cp->looked, e->path);
	for (i = 0; i < co->nrules; i++) {
		for (j = 0; j < co->rules[i].nowners; j++) {
			o = &co->rules[i].owners[j];
			if (o->kind == CO_EMAIL)
				people_add(&cp->pp, NULL, NULL, o->name, 0,
				    e->path, o->line, "CODEOWNERS");
			else
				people_add(&cp->pp, NULL, o->name, NULL, 0,
				    e->path, o->line, "CODEOWNERS");
		}
	}
	/* Owners the reader did not keep are names not read. */
	if (co->owners_dropped > 0 && cp->pp.dropped == 0) {
		cp->pp.drop_path = xstrdup(e->path);
		cp->pp.drop_line = co->owners_line;
	}
	cp->pp.dropped += co->owners_dropped;
}

/* Collect the people of r's sources into cp. */
static void
collect(const struct rule *r, struct check_ctx *ctx, struct ctx_people *cp)
{
	struct docs ds = { NULL, 0, 0 };

	find_docs(r, ctx, "file", PEOPLE_WHOLE, &ds, &cp->looked,
	    &cp->missing);
	find_docs(r, ctx, "section_file", 0, &ds, &cp->looked, &cp->missing);
	follow_links(r, ctx, &ds, &cp->looked);
	read_docs(r, ctx, &ds, cp);
	owners_of(r, ctx, cp);
	cp->ndocs = ds.n;
	free(ds.v);
}

const struct ctx_people *
ctx_people(struct check_ctx *ctx, const struct rule *r)
{
	struct people_sets *ss;
	struct people_set *s;
	struct strbuf key = STRBUF_INIT;
	size_t i, mark;

	ss = sets_of(ctx);
	sources_key(r, &key);
	for (i = 0; i < ss->n; i++)
		if (strcmp(ss->v[i]->key, key.buf) == 0) {
			strbuf_release(&key);
			ctx_asked_replay(ctx, &ss->v[i]->asked);
			return &ss->v[i]->cp;
		}
	s = xcalloc(1, sizeof(*s));
	s->key = strbuf_detach(&key, NULL);
	strbuf_init(&s->cp.looked);
	strbuf_init(&s->cp.unread);
	strbuf_init(&s->cp.missing);
	mark = ctx_asked_mark(ctx);
	collect(r, ctx, &s->cp);
	ctx_asked_keep(ctx, mark, &s->asked);
	XGROW(ss->v, ss->n + 1, ss->alloc);
	ss->v[ss->n++] = s;
	return &s->cp;
}

size_t
ctx_people_builds(struct check_ctx *ctx)
{
	return sets_of(ctx)->n;
}
