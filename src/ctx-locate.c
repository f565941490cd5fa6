/*
 * ctx-locate.c: where a rule finds its file: the first name of a list
 * found in one of a list of directories, names before accepted names,
 * globs allowed. A listed entry that is gone from the working tree, a
 * submodule, or a file smaller than the query's minimum does not count;
 * a symbolic link does, to be reported as a link.
 */
#include "config.h"

#include <string.h>

#include "ctx.h"
#include "ruleset.h"
#include "strbuf.h"
#include "tree.h"

/* How candidates are looked up and which of them count. */
struct search {
	struct check_ctx	*ctx;
	const struct tree	*t;
	int			 icase;
	long long		 min;	/* smallest size that counts */
};

struct first_match {
	const struct search		*s;
	const struct tree_entry		*e;
};

static void
candidate(struct strbuf *sb, const char *dir, const char *name)
{
	strbuf_reset(sb);
	if (strcmp(dir, ".") != 0 && *dir != '\0') {
		strbuf_addstr(sb, dir);
		if (sb->buf[sb->len - 1] != '/')
			strbuf_addch(sb, '/');
	}
	strbuf_addstr(sb, name);
}

/* Whether an entry counts (see the top of the file). */
static int
usable(const struct search *s, const struct tree_entry *e)
{
	const char *buf;
	size_t len;
	int trunc, rc;

	if (e->mode == TREE_MODE_SUBMODULE)
		return 0;
	if (e->mode == TREE_MODE_LINK ||
	    (s->t->kind != TREE_WORKTREE && s->min <= 0))
		return 1;
	rc = ctx_read(s->ctx, e, s->min > 0 ? (size_t)s->min : 0, 0, NULL,
	    &buf, &len, &trunc);
	if (rc == TREE_EMISSING)
		return 0;
	if (s->min <= 0)
		return 1;
	/* A file of exactly min bytes is enough. */
	return rc == 0 && ((long long)len >= s->min || trunc);
}

static int
first_match_cb(const struct tree_entry *e, void *arg)
{
	struct first_match *fm = arg;

	if (!usable(fm->s, e))
		return 0;
	fm->e = e;
	return 1;
}

/* An exact name, or the first path that a glob pattern matches. */
static const struct tree_entry *
lookup_name(const struct search *s, const char *name)
{
	const struct tree_entry *e;
	struct first_match fm;

	if (strpbrk(name, "*?[") == NULL) {
		e = tree_lookup(s->t, name, s->icase);
		return e != NULL && usable(s, e) ? e : NULL;
	}
	fm.s = s;
	fm.e = NULL;
	tree_glob(s->t, name, s->icase, first_match_cb, &fm);
	return fm.e;
}

static const struct tree_entry *
locate_list(const struct search *s, const struct rule_key *names,
    const struct rule_key *dirs, struct strbuf *looked)
{
	const struct tree_entry *e;
	struct strbuf sb = STRBUF_INIT;
	size_t i, j, nd;

	nd = dirs != NULL && dirs->n > 0 ? dirs->n : 1;
	for (i = 0; looked != NULL && names != NULL && i < names->n; i++)
		strbuf_addf(looked, "%s%s", looked->len ? ", " : "",
		    names->v[i].value);
	for (i = 0; names != NULL && i < names->n; i++)
		for (j = 0; j < nd; j++) {
			candidate(&sb, dirs != NULL && dirs->n > 0 ?
			    dirs->v[j].value : ".", names->v[i].value);
			e = lookup_name(s, sb.buf);
			if (e != NULL) {
				strbuf_release(&sb);
				return e;
			}
		}
	strbuf_release(&sb);
	return NULL;
}

const struct tree_entry *
ctx_locate(struct check_ctx *ctx, const struct file_query *q, int *accepted,
    struct strbuf *looked)
{
	const struct tree_entry *e;
	struct search s;
	size_t i;

	s.ctx = ctx;
	s.t = ctx_tree(ctx);
	s.icase = q->icase;
	s.min = q->min;
	*accepted = 0;
	e = locate_list(&s, q->names, q->dirs, looked);
	if (e != NULL)
		return e;
	e = locate_list(&s, q->accept, q->dirs, looked);
	if (e != NULL)
		*accepted = 1;
	else if (looked != NULL && q->dirs != NULL && q->dirs->n > 0) {
		strbuf_addstr(looked, " in ");
		for (i = 0; i < q->dirs->n; i++)
			strbuf_addf(looked, "%s%s%s", i ? ", " : "",
			    q->dirs->v[i].value,
			    strcmp(q->dirs->v[i].value, ".") ? "/" : "");
	}
	return e;
}

void
ctx_file_query(const struct rule *r, struct file_query *q)
{
	memset(q, 0, sizeof(*q));
	q->names = rule_key(r, "path");
	q->accept = rule_key(r, "accept");
	q->dirs = rule_key(r, "dirs");
	q->icase = strcmp(rule_str(r, "case", "sensitive"),
	    "insensitive") == 0;
}
