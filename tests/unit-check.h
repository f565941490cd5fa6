/*
 * unit-check.h: what the C unit tests that run rules share, after
 * unit-lib.h: a checkout opened as the working-tree source, a rule set
 * from INI text, and every rule of it run once on a check context.
 *
 * ut_open_worktree(name, &repo, &tree)
 *				the repository ut_dir/name and its working
 *				tree as ecocheck reads it; bails if it cannot
 * ut_load_rules(&rs, ini)	a rule set from INI text, checked as
 *				rulecheck_finish() checks it; bails if not
 * ut_run_rules(&rs, ctx)	each rule's check once: "ok" when it runs and
 *				says something, its result and message as a
 *				TAP comment
 *
 * Every helper is static and marked unused, as in unit-lib.h.
 */
#ifndef EC_UNIT_CHECK_H
#define EC_UNIT_CHECK_H

#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "ctx.h"
#include "finding.h"
#include "rulecheck.h"
#include "rules.h"
#include "ruleset.h"
#include "tree.h"

static void	 ut_open_worktree(const char *, git_repository **,
		    struct tree **) UT_UNUSED;
static void	 ut_load_rules(struct ruleset *, const char *) UT_UNUSED;
static void	 ut_run_rules(const struct ruleset *, struct check_ctx *)
		    UT_UNUSED;

static void
ut_open_worktree(const char *name, git_repository **repo, struct tree **tree)
{
	char *path;

	path = ut_path(name);
	if (git_repository_open(repo, path) < 0 ||
	    tree_open_worktree(tree, *repo) < 0)
		ut_bail("cannot open %s", path);
	free(path);
}

static void
ut_load_rules(struct ruleset *rs, const char *ini)
{
	ruleset_init(rs);
	if (ruleset_add_buffer(rs, "test.ini", ini, strlen(ini)) == -1 ||
	    rulecheck_finish(rs) == -1)
		ut_bail("cannot load the rules");
}

static void
ut_run_rules(const struct ruleset *rs, struct check_ctx *ctx)
{
	struct finding f;
	size_t i;

	for (i = 0; i < rs->nrules; i++) {
		finding_init(&f, rs->rules[i]);
		ok(rs->rules[i]->type->check(rs->rules[i], ctx, &f) == 0 &&
		    f.message != NULL, "%s runs", rs->rules[i]->id);
		printf("# %s: %s: %s\n", rs->rules[i]->id,
		    result_name(f.result), f.message);
		finding_release(&f);
	}
}

#endif
