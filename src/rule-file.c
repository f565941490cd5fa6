/*
 * rule-file.c: the "file" rule type: a file exists.
 *
 * The first name of `path` found in one of `dirs` passes; a name of
 * `accept` found instead fails at level warning with a fix to rename it
 * (the Working Group's "LICENSE is a Caution"). A symbolic link never
 * satisfies the rule and is never followed.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "rule-file.h"
#include "rules.h"
#include "strbuf.h"
#include "tree.h"
#include "xalloc.h"

static int	 file_parse(struct rule *);
static void	 file_check(const struct rule *, struct check_ctx *,
		    struct finding *);

static const struct rule_key_spec file_keys[] = {
	{ "path", KEY_WORDS, .flags = KEYF_REQUIRED,
	    .doc = "names that pass, first found wins" },
	{ "accept", KEY_WORDS, .doc = "names accepted with a warning" },
	{ "dirs", KEY_WORDS, .doc = "directories to look in (default .)" },
	{ "case", KEY_ENUM, .choices = "sensitive|insensitive",
	    .doc = "how names compare" },
	{ "min_bytes", KEY_INT, .flags = KEYF_REPO,
	    .doc = "smallest size that counts" },
	{ .name = NULL }
};

const struct rule_type rule_file = {
	.name = "file",
	.summary = "a file exists",
	.keys = file_keys,
	.parse = file_parse,
	.check = file_check,
};

/* Directories stay inside the repository. */
static int
file_parse(struct rule *r)
{
	const struct rule_key *k;
	size_t i;

	k = rule_key(r, "dirs");
	for (i = 0; k != NULL && i < k->n; i++)
		if (k->v[i].value[0] == '/' ||
		    strstr(k->v[i].value, "..") != NULL)
			return rule_error(r, "dirs", "'%s' is not a directory "
			    "inside the repository", k->v[i].value);
	return 0;
}

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

static int
has_glob(const struct rule_key *k)
{
	size_t i;

	for (i = 0; k != NULL && i < k->n; i++)
		if (strpbrk(k->v[i].value, "*?[") != NULL)
			return 1;
	return 0;
}

/* How candidates are looked up and which of them count. */
struct search {
	const struct tree	*t;
	int			 icase;
	long long		 min;	/* smallest size that counts */
};

/*
 * Whether an entry counts: a tracked file deleted from the working tree
 * does not, nor a submodule, nor a file smaller than the minimum. A link
 * counts here, to be reported as a link.
 */
static int
usable(const struct search *s, const struct tree_entry *e)
{
	struct strbuf sb = STRBUF_INIT;
	size_t len;
	int trunc, rc;

	if (e->mode == TREE_MODE_SUBMODULE)
		return 0;
	if (e->mode == TREE_MODE_LINK ||
	    (s->t->kind != TREE_WORKTREE && s->min <= 0))
		return 1;
	rc = tree_read(s->t, e, s->min > 0 ? (size_t)s->min : 0, &sb, &trunc);
	len = sb.len;
	strbuf_release(&sb);
	if (rc == TREE_EMISSING)
		return 0;
	if (s->min <= 0)
		return 1;
	/* A file of exactly min_bytes is enough. */
	return rc == 0 && ((long long)len >= s->min || trunc);
}

struct first_match {
	const struct search		*s;
	const struct tree_entry		*e;
};

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

static const struct tree_entry *
find_min(const struct rule_key *names, const struct rule_key *accept,
    const struct rule_key *dirs, const struct search *s, int *accepted,
    struct strbuf *looked)
{
	const struct tree_entry *e;

	*accepted = 0;
	e = locate_list(s, names, dirs, looked);
	if (e != NULL)
		return e;
	e = locate_list(s, accept, dirs, looked);
	if (e != NULL)
		*accepted = 1;
	else if (looked != NULL && dirs != NULL && dirs->n > 0) {
		size_t i;

		strbuf_addstr(looked, " in ");
		for (i = 0; i < dirs->n; i++)
			strbuf_addf(looked, "%s%s%s", i ? ", " : "",
			    dirs->v[i].value, strcmp(dirs->v[i].value, ".") ?
			    "/" : "");
	}
	return e;
}

const struct tree_entry *
file_find(const struct rule_key *names, const struct rule_key *accept,
    const struct rule_key *dirs, const struct tree *t, int icase,
    int *accepted, struct strbuf *looked)
{
	struct search s;

	s.t = t;
	s.icase = icase;
	s.min = 0;
	return find_min(names, accept, dirs, &s, accepted, looked);
}

/* The first candidate of a file rule of at least min bytes. */
static const struct tree_entry *
file_locate_min(const struct rule *r, const struct tree *t, long long min,
    int *accepted, struct strbuf *looked)
{
	struct search s;

	s.t = t;
	s.icase = strcmp(rule_str(r, "case", "sensitive"),
	    "insensitive") == 0;
	s.min = min;
	return find_min(rule_key(r, "path"), rule_key(r, "accept"),
	    rule_key(r, "dirs"), &s, accepted, looked);
}

const struct tree_entry *
file_locate(const struct rule *r, const struct tree *t, int *accepted,
    struct strbuf *looked)
{
	return file_locate_min(r, t, 0, accepted, looked);
}

/* Say what a link points at; it is never followed. */
static void
report_link(const struct rule *r, struct check_ctx *ctx, struct finding *f,
    const struct tree_entry *e)
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

static void
file_check(const struct rule *r, struct check_ctx *ctx, struct finding *f)
{
	const struct tree_entry *e;
	const char *want;
	struct strbuf looked = STRBUF_INIT, sb = STRBUF_INIT;
	long long min;
	int accepted, trunc, rc, small;

	/* A file found with min_bytes was read as far as that already. */
	min = rule_int(r, "min_bytes", 0);
	e = file_locate_min(r, ctx->tree, min, &accepted, &looked);
	small = 0;
	if (e == NULL && min > 0) {
		/* Only files too small or unreadable: name the first. */
		strbuf_reset(&looked);
		e = file_locate(r, ctx->tree, &accepted, &looked);
		small = e != NULL;
	}
	want = rule_key(r, "path")->v[0].value;
	if (e == NULL) {
		if (has_glob(rule_key(r, "path")))
			finding_result(f, RESULT_FAIL, "nothing found (looked "
			    "for %s)", looked.buf);
		else
			finding_result(f, RESULT_FAIL, "no %s (looked for %s)",
			    want, looked.buf);
		finding_fix(f, "%s", r->help != NULL ? r->help :
		    "add the file");
		goto out;
	}
	if (e->mode == TREE_MODE_LINK) {
		report_link(r, ctx, f, e);
		goto out;
	}
	if (e->mode == TREE_MODE_SUBMODULE) {
		finding_result(f, RESULT_FAIL, "%s is a submodule, not a file",
		    e->path);
		finding_evidence(f, e->path, 0, "submodule");
		goto out;
	}
	if (small) {
		rc = tree_read(ctx->tree, e, (size_t)min, &sb, &trunc);
		if (rc == 0 && (long long)sb.len < min) {
			finding_result(f, RESULT_FAIL, "%s has %zu bytes, "
			    "fewer than %lld", e->path, sb.len, min);
			finding_evidence(f, e->path, 0, NULL);
			finding_fix(f, "%s", r->help != NULL ? r->help :
			    "fill in the file");
			goto out;
		}
		if (rc != 0) {
			finding_result(f, RESULT_FAIL, "%s cannot be read",
			    e->path);
			finding_evidence(f, e->path, 0, NULL);
			goto out;
		}
	}
	finding_evidence(f, e->path, 0, NULL);
	if (accepted) {
		finding_result(f, RESULT_FAIL, "%s found, but %s is asked for",
		    e->path, want);
		if (f->level > LEVEL_WARNING)
			f->level = LEVEL_WARNING;
		finding_fix(f, "rename %s to %s", e->path, want);
	} else
		finding_result(f, RESULT_PASS, "found %s", e->path);
out:
	strbuf_release(&looked);
	strbuf_release(&sb);
}
