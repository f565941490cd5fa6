/*
 * ctx-locate.c: where a rule finds its file. Directories are searched in
 * their listed order (GitHub's is .github/, the root, docs/), and within
 * a directory the names decide: every name before every accepted name,
 * each list in its order; globs allowed. A name with a leading '/' is a
 * path from the root, looked for in the root's turn (or after the listed
 * directories when the root is not one of them); a name with a leading
 * '!' excludes the paths it matches (gitignore style) from every other.
 * A listed entry that is gone from the working tree (or replaced there
 * by a directory, a FIFO or another thing that is no regular file), a
 * submodule, or a file smaller than the query's minimum does not count; a symbolic link
 * does, to be reported as a link.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "ctx.h"
#include "finding.h"
#include "glob.h"
#include "ruleset.h"
#include "strbuf.h"
#include "tree.h"

/* How candidates are looked up and which of them count. */
struct search {
	struct check_ctx	*ctx;
	const struct tree	*t;
	const struct file_query	*q;
	int			 icase;
	long long		 min;	/* smallest size that counts */
};

struct first_match {
	const struct search		*s;
	const struct tree_entry		*e;
};

static void	 candidate(struct strbuf *, const char *, const char *);
static int	 is_root(const char *);
static int	 excluded_by(const struct search *, const struct rule_key *,
		    const char *);
static int	 usable(const struct search *, const struct tree_entry *);
static int	 first_match_cb(const struct tree_entry *, void *);
static const struct tree_entry *lookup_name(const struct search *,
		    const char *);
static const struct tree_entry *locate_in(const struct search *,
		    const struct rule_key *, const char *, struct strbuf *);
static const struct tree_entry *locate_turn(const struct search *,
		    const char *, int *, struct strbuf *);
static void	 describe(const struct file_query *, struct strbuf *);

/* The path of name in dir (NULL or the root: name itself). */
static void
candidate(struct strbuf *sb, const char *dir, const char *name)
{
	strbuf_reset(sb);
	if (dir != NULL && !is_root(dir)) {
		strbuf_addstr(sb, dir);
		if (sb->buf[sb->len - 1] != '/')
			strbuf_addch(sb, '/');
	}
	strbuf_addstr(sb, name);
}

static int
is_root(const char *dir)
{
	return *dir == '\0' || strcmp(dir, ".") == 0 || strcmp(dir, "./") == 0;
}

/* Whether a '!' name of list k matches path. */
static int
excluded_by(const struct search *s, const struct rule_key *k,
    const char *path)
{
	size_t i;

	for (i = 0; k != NULL && i < k->n; i++)
		if (k->v[i].value[0] == '!' && glob_match_path(k->v[i].value +
		    1, path, 0, s->icase ? GLOB_CASEFOLD : 0))
			return 1;
	return 0;
}

/* Whether an entry counts (see the top of the file). */
static int
usable(const struct search *s, const struct tree_entry *e)
{
	uint64_t size;
	int rc;

	if (e->mode == TREE_MODE_SUBMODULE ||
	    excluded_by(s, s->q->names, e->path) ||
	    excluded_by(s, s->q->accept, e->path))
		return 0;
	if (e->mode == TREE_MODE_LINK ||
	    (!tree_may_miss(s->t) && s->min <= 0))
		return 1;
	/* Sizes come from metadata: nothing is read to compare them. */
	rc = ctx_size(s->ctx, e, NULL, &size);
	if (rc == TREE_EMISSING || rc == TREE_ENOTFILE)
		return 0;
	if (s->min <= 0)
		return 1;
	/* A file of exactly min bytes is enough. */
	return rc == 0 && size >= (uint64_t)s->min;
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

/*
 * The first name of a list found in dir: its names relative to dir, and
 * in the root's turn (dir is NULL or the root) its names from the root
 * too; with dir NULL, those alone.
 */
static const struct tree_entry *
locate_in(const struct search *s, const struct rule_key *names,
    const char *dir, struct strbuf *sb)
{
	const struct tree_entry *e;
	const char *v;
	size_t i;

	for (i = 0; names != NULL && i < names->n; i++) {
		v = names->v[i].value;
		if (*v == '!')
			continue;
		if (*v == '/') {
			if (dir != NULL && !is_root(dir))
				continue;
			candidate(sb, NULL, v + 1);
		} else if (dir == NULL)
			continue;
		else
			candidate(sb, dir, v);
		if ((e = lookup_name(s, sb->buf)) != NULL)
			return e;
	}
	return NULL;
}

/* One directory's turn: the names, then the accepted names. */
static const struct tree_entry *
locate_turn(const struct search *s, const char *dir, int *accepted,
    struct strbuf *sb)
{
	const struct tree_entry *e;

	if ((e = locate_in(s, s->q->names, dir, sb)) != NULL)
		return e;
	if ((e = locate_in(s, s->q->accept, dir, sb)) != NULL)
		*accepted = 1;
	return e;
}

/*
 * The names tried: those looked for in every directory, then where (when
 * directories were listed), then those from the root.
 */
static void
describe(const struct file_query *q, struct strbuf *looked)
{
	const struct rule_key *lists[2];
	const char *v, *sep;
	size_t i, j, pass, start;

	lists[0] = q->names;
	lists[1] = q->accept;
	start = looked->len;
	sep = ", ";
	for (pass = 0; pass < 2; pass++) {
		if (pass == 1 && q->dirs != NULL && q->dirs->n > 0) {
			sep = "; ";
			strbuf_addstr(looked, " in ");
			for (i = 0; i < q->dirs->n; i++)
				strbuf_addf(looked, "%s%s%s", i ? ", " : "",
				    q->dirs->v[i].value,
				    is_root(q->dirs->v[i].value) ? "" : "/");
		}
		for (j = 0; j < 2; j++)
			for (i = 0; lists[j] != NULL && i < lists[j]->n; i++) {
				v = lists[j]->v[i].value;
				if (*v == '!' || (*v == '/') != (pass == 1))
					continue;
				strbuf_addf(looked, "%s%s",
				    looked->len == start ? "" : sep, v);
				sep = ", ";
			}
	}
}

void
ctx_accepted_name(struct finding *f, const char *path, const char *want)
{
	finding_cap_level(f, LEVEL_WARNING);
	if (f->result != RESULT_PASS)
		return;
	f->result = RESULT_FAIL;
	finding_fix(f, "rename %s to %s", path, want);
}

const struct tree_entry *
ctx_locate(struct check_ctx *ctx, const struct file_query *q, int *accepted,
    struct strbuf *looked)
{
	const struct tree_entry *e;
	struct strbuf sb = STRBUF_INIT;
	struct search s;
	const char *dir;
	size_t i, nd;
	int root;

	s.ctx = ctx;
	s.t = ctx_tree(ctx);
	s.q = q;
	s.icase = q->icase;
	s.min = q->min;
	*accepted = 0;
	nd = q->dirs != NULL && q->dirs->n > 0 ? q->dirs->n : 1;
	root = 0;
	e = NULL;
	for (i = 0; e == NULL && i < nd; i++) {
		dir = q->dirs != NULL && q->dirs->n > 0 ?
		    q->dirs->v[i].value : ".";
		root |= is_root(dir);
		e = locate_turn(&s, dir, accepted, &sb);
	}
	if (e == NULL && !root)
		e = locate_turn(&s, NULL, accepted, &sb);
	strbuf_release(&sb);
	if (looked != NULL)
		describe(q, looked);
	return e;
}

int
ctx_not_found(struct check_ctx *ctx, struct finding *f, const char *looked)
{
	const struct tree *t;
	const char *d;
	size_t n;

	t = ctx_tree(ctx);
	if ((d = tree_unreadable(t, 0)) == NULL)
		return 0;
	for (n = 1; tree_unreadable(t, n) != NULL; n++)
		;
	if (n == 1)
		finding_result(f, RESULT_UNKNOWN, "could not read %s, which "
		    "may hold it (looked for %s)", *d != '\0' ? d : ".", looked);
	else
		finding_result(f, RESULT_UNKNOWN, "could not read %s and %zu "
		    "more directories, which may hold it (looked for %s)",
		    *d != '\0' ? d : ".", n - 1, looked);
	return 1;
}

void
ctx_file_query(const struct rule *r, struct file_query *q)
{
	memset(q, 0, sizeof(*q));
	q->names = rule_key(r, "path");
	q->accept = rule_key(r, "accept");
	q->dirs = rule_key(r, "dirs");
	q->icase = r->icase;
}
