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
#include "config.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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
	else if (accepted) {
		finding_evidence(f, e->path, 0, NULL);
		finding_result(f, RESULT_PASS, "%s found, but %s is asked for",
		    e->path, want);
		ctx_accepted_name(f, e->path, want);
	} else {
		finding_evidence(f, e->path, 0, NULL);
		finding_result(f, RESULT_PASS, "found %s", e->path);
	}
	strbuf_release(&looked);
	return 0;
}
