/*
 * rule-file.c: the "file" rule type: a file exists.
 *
 * The first name of `path` found in one of `dirs` passes; a name of
 * `accept` found instead fails at level warning with a fix to rename it
 * (the Working Group's "LICENSE is a Caution"). A symbolic link never
 * satisfies the rule and is never followed. Where to look is the check
 * context's (ctx-locate.c): the contains and sections types look the
 * same way.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1		/* strcasestr */
#endif
#include "config.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ctx.h"
#include "finding.h"
#include "rulecheck.h"
#include "rules.h"
#include "strbuf.h"
#include "tree.h"

static int	 file_parse(struct rule *);
static int	 file_check(const struct rule *, struct check_ctx *,
		    struct finding *);
static int	 has_glob(const struct rule_key *);
static void	 judge_missing(const struct rule *, struct check_ctx *,
		    const struct file_query *, const char *, struct finding *);
static void	 judge_accepted(const struct check_ctx *,
		    const struct file_query *, const struct tree_entry *,
		    const char *, struct finding *);
static int	 too_small(const struct rule *, struct check_ctx *,
		    const struct tree_entry *, long long, struct finding *);

static const struct rule_key_spec file_keys[] = {
	{ "path", KEY_WORDS, .flags = KEYF_REQUIRED,
	    .doc = "names that pass, first found wins" },
	{ "accept", KEY_WORDS, .doc = "names accepted with a warning" },
	{ "dirs", KEY_WORDS, .doc = "directories to look in (default .)" },
	{ "case", KEY_ENUM, .choices = "sensitive|insensitive",
	    .doc = "how names compare" },
	{ "min_bytes", KEY_INT, .flags = KEYF_REPO, .max = 1073741824,
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
	return rule_dirs_inside(r, "dirs");
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

/* No file is found: fail, naming what was looked for. */
static void
judge_missing(const struct rule *r, struct check_ctx *ctx,
    const struct file_query *q, const char *looked, struct finding *f)
{
	if (ctx_not_found(ctx, f, looked))
		return;
	if (has_glob(q->names))
		finding_result(f, RESULT_FAIL, "nothing found (looked for %s)",
		    looked);
	else
		finding_result(f, RESULT_FAIL, "no %s (looked for %s)",
		    q->names->v[0].value, looked);
	if (r->help == NULL)
		finding_fix(f, "add the file");
}

static const char *const notices[] = { "third", "3rd", "notice", NULL };

/* Whether a file's name says it is a notice of third-party code. */
static int
is_notice(const char *base)
{
	size_t i;

	for (i = 0; notices[i] != NULL; i++)
		if (strcasestr(base, notices[i]) != NULL)
			return 1;
	return 0;
}

/* The files beside the one found that a glob of accept names. */
struct beside {
	const char	*path;		/* the file found */
	size_t		 dlen;		/* its directory part, with '/' */
	struct strvec	 found;		/* it first */
};

static int
beside_cb(const struct tree_entry *e, void *arg)
{
	struct beside *b = arg;

	if ((e->mode != TREE_MODE_FILE && e->mode != TREE_MODE_EXEC) ||
	    strncmp(e->path, b->path, b->dlen) != 0 ||
	    strchr(e->path + b->dlen, '/') != NULL)
		return 0;
	/* a notice of third-party code is not one of the project's files */
	if (is_notice(e->path + b->dlen))
		return 0;
	if (!strvec_has(&b->found, e->path))
		strvec_push(&b->found, e->path);
	return 0;
}

/* Collect into b the files beside b->path that accept's globs name. */
static void
beside_find(const struct check_ctx *ctx, const struct file_query *q,
    struct beside *b)
{
	struct strbuf pat = STRBUF_INIT;
	const char *dir, *v;
	size_t i, j, nd;

	nd = q->dirs != NULL && q->dirs->n > 0 ? q->dirs->n : 1;
	for (j = 0; j < nd; j++) {
		dir = q->dirs != NULL && q->dirs->n > 0 ? q->dirs->v[j].value :
		    ".";
		for (i = 0; q->accept != NULL && i < q->accept->n; i++) {
			v = q->accept->v[i].value;
			if (strpbrk(v, "*?[") == NULL || *v == '!')
				continue;
			strbuf_reset(&pat);
			if (strcmp(dir, ".") != 0 && dir[0] != '\0')
				strbuf_addf(&pat, "%s/", dir);
			strbuf_addstr(&pat, v);
			tree_glob(ctx_tree(ctx), pat.buf, q->icase, beside_cb, b);
		}
	}
	strbuf_release(&pat);
}

/*
 * A name of accept found instead of the file asked for: the fix renames
 * it, unless it is one of several license files (LICENSE-MIT beside
 * LICENSE-APACHE, COPYING and COPYING.LESSER, a REUSE LICENSES/ folder):
 * those stay, and the file asked for names them.
 */
static void
judge_accepted(const struct check_ctx *ctx, const struct file_query *q,
    const struct tree_entry *e, const char *want, struct finding *f)
{
	struct beside b;
	struct strbuf names = STRBUF_INIT;
	const char *s;
	size_t i;

	finding_evidence(f, e->path, 0, NULL);
	finding_result(f, RESULT_PASS, "%s found, but %s is asked for",
	    e->path, want);
	ctx_accepted_name(f, e->path, want);
	memset(&b, 0, sizeof(b));
	b.path = e->path;
	b.dlen = (s = strrchr(e->path, '/')) != NULL ?
	    (size_t)(s - e->path) + 1 : 0;
	if (!is_notice(e->path + b.dlen))
		strvec_push(&b.found, e->path);
	beside_find(ctx, q, &b);
	for (i = 0; i < b.found.n; i++) {
		strbuf_addf(&names, "%s%s", i == 0 ? "" : i + 1 == b.found.n ?
		    " and " : ", ", b.found.v[i]);
		if (strcmp(b.found.v[i], e->path) != 0)
			finding_evidence(f, b.found.v[i], 0, NULL);
	}
	/* the file found is a notice: the one beside it is the license */
	if (b.found.n == 1 && strcmp(b.found.v[0], e->path) != 0)
		finding_fix(f, "rename %s to %s", b.found.v[0], want);
	if (b.found.n > 1) {
		finding_result(f, RESULT_FAIL, "%zu files found (%s), but %s "
		    "is asked for", b.found.n, names.buf, want);
		finding_fix(f, "keep %s, and add %s that names the licenses "
		    "they hold (an SPDX expression such as \"MIT OR "
		    "Apache-2.0\") and points to each; there is nothing to "
		    "rename", names.buf, want);
	} else if (b.dlen > 0 && strncasecmp(e->path, "LICENSES/", 9) == 0)
		finding_fix(f, "keep %.*s (the REUSE layout), and add %s that "
		    "names its license and points to %s", (int)b.dlen,
		    e->path, want, e->path);
	strbuf_release(&names);
	strvec_clear(&b.found);
}

/*
 * Whether e, the first file found when none is min bytes, is too small
 * (failing f) or cannot be sized (f says why); 0 when it is big enough.
 */
static int
too_small(const struct rule *r, struct check_ctx *ctx,
    const struct tree_entry *e, long long min, struct finding *f)
{
	uint64_t size;

	if (ctx_size(ctx, e, f, &size) != 0)
		return 1;
	if (size >= (uint64_t)min)
		return 0;
	finding_result(f, RESULT_FAIL, "%s has %" PRIu64 " bytes, fewer "
	    "than %lld", e->path, size, min);
	finding_evidence(f, e->path, 0, NULL);
	if (r->help == NULL)
		finding_fix(f, "fill in the file");
	return 1;
}

static int
file_check(const struct rule *r, struct check_ctx *ctx, struct finding *f)
{
	const struct tree_entry *e;
	struct file_query q;
	struct strbuf looked = STRBUF_INIT;
	const char *want;
	int accepted, small;

	/* Sizes are the tree source's metadata: no file is read. */
	ctx_file_query(r, &q);
	q.min = rule_int(r, "min_bytes", 0);
	e = ctx_locate(ctx, &q, &accepted, &looked);
	small = 0;
	if (e == NULL && q.min > 0) {
		/* Only files too small or unreadable: name the first. */
		strbuf_reset(&looked);
		q.min = 0;
		e = ctx_locate(ctx, &q, &accepted, &looked);
		q.min = rule_int(r, "min_bytes", 0);
		small = e != NULL;
	}
	want = q.names->v[0].value;
	if (e == NULL)
		judge_missing(r, ctx, &q, looked.buf, f);
	else if (ctx_usable(ctx, e, f) == -1 || (small && too_small(r, ctx,
	    e, q.min, f)))
		;	/* f says why */
	else if (accepted)
		judge_accepted(ctx, &q, e, want, f);
	else {
		finding_evidence(f, e->path, 0, NULL);
		finding_result(f, RESULT_PASS, "found %s", e->path);
	}
	strbuf_release(&looked);
	return 0;
}
