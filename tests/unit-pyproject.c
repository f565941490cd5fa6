/*
 * unit-pyproject.c: the Python project collected once per check: every
 * rule that reads Python packaging shares one parse of pyproject.toml
 */
#define _GNU_SOURCE
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "ctx.h"
#include "finding.h"
#include "pymeta.h"
#include "rulecheck.h"
#include "rules.h"
#include "ruleset.h"
#include "tap.h"
#include "tree.h"
#include "unit-lib.h"
#include "unit-check.h"

static const char rules_ini[] =
    "[pytorch-support]\ntype = python-dependency\npackage = torch\n"
    "admit = 2.15 2.14\n"
    "[packages]\ntype = python-package\n";

static void	 check_once(git_repository *, struct tree *, unsigned long);

/* One check: both rules, then the license rule's metadata read. */
static void
check_once(git_repository *repo, struct tree *tree, unsigned long want)
{
	struct ruleset rs;
	struct check_ctx *ctx;
	struct finding f;
	const struct pymeta *m;
	size_t i;

	ut_load_rules(&rs, rules_ini);
	ctx = ctx_new(repo, tree, &rs, NULL, 0);
	for (i = 0; i < rs.nrules; i++) {
		finding_init(&f, rs.rules[i]);
		rs.rules[i]->type->check(rs.rules[i], ctx, &f);
		is_str(result_name(f.result), "pass", "%s passes",
		    rs.rules[i]->id);
		finding_release(&f);
	}
	/* What license-permissive's metadata check reads. */
	m = pymeta_get(ctx);
	ok(m->licenses.n == 1 && strcmp(m->licenses.v[0].text, "MIT") == 0,
	    "the license declaration is read");
	ok(pymeta_get(ctx) == m, "one model per check");
	is_int((long long)pymeta_pyproject_parses(), (long long)want,
	    "pyproject.toml parsed %lu times in all", want);
	ctx_free(ctx);
	ruleset_release(&rs);
}

int
main(void)
{
	git_repository *repo;
	struct tree *tree;

	ut_setup("unit-pyproject");
	ut_libgit2_init();
	ut_sh("git init -q r && cd r && "
	    "printf '[build-system]\\nrequires = [\"setuptools\"]\\n"
	    "build-backend = \"setuptools.build_meta\"\\n[project]\\n"
	    "name = \"demo\"\\nlicense = \"MIT\"\\n"
	    "dependencies = [\"torch>=2.14\"]\\n' > pyproject.toml && "
	    "git add -A && git commit -qm init");
	ut_open_worktree("r", &repo, &tree);
	is_int((long long)pymeta_pyproject_parses(), 0, "nothing parsed yet");
	check_once(repo, tree, 1);
	check_once(repo, tree, 2);
	tree_free(tree);
	git_repository_free(repo);
	git_libgit2_shutdown();
	ok(ut_cleanup() == 0, "clean up");
	return done_testing();
}
