/* unit-ctx-ci.c: the CI files of a check, each parsed once (ctx-ci.c) */
#define _GNU_SOURCE
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "read/ci.h"
#include "ctx.h"
#include "finding.h"
#include "read/reader.h"
#include "rulecheck.h"
#include "rules.h"
#include "ruleset.h"
#include "strbuf.h"
#include "tap.h"
#include "tree.h"
#include "unit-lib.h"
#include "unit-check.h"

/* The three rules that read CI files, as the shipped set has them. */
static const char ini[] =
    "[ci]\ntype = ci\n"
    "[tests]\ntype = tests\n"
    "[pytorch-support]\ntype = python-dependency\npackage = torch\n"
    "admit = 2.15 2.14\n";

static git_repository *repo;
static struct tree *tree;

static void	 setup(void);
static void	 test_one_parse(void);

/*
 * A checkout with three CI files (a workflow naming torch, GitLab CI,
 * tox.ini), a workflow that is a link, a test and an undeclared torch
 * import, so that pytorch-support asks the CI for torch versions.
 */
static void
setup(void)
{

	ut_setup("unit-ctx-ci");
	ut_libgit2_init();
	ut_sh("git init -q r && cd r && mkdir -p .github/workflows tests ci && "
	    "printf 'jobs:\\n  t:\\n    strategy:\\n      matrix:\\n"
	    "        torch: [\"2.14\"]\\n    steps:\\n      - run: pytest\\n' "
	    "> .github/workflows/t.yml && "
	    "printf 'test:\\n  script:\\n    - pip install torch>=2.15\\n' "
	    "> .gitlab-ci.yml && "
	    "printf '[testenv]\\ncommands = pytest\\n' > tox.ini && "
	    "printf 'jobs: {}\\n' > ci/linked.yml && "
	    "ln -s ../../ci/linked.yml .github/workflows/linked.yml && "
	    "printf 'def test_a():\\n    pass\\n' > tests/test_a.py && "
	    "printf 'import torch\\n' > model.py && "
	    "git add -A && git commit -qm init");
	ut_open_worktree("r", &repo, &tree);
}

static void
test_one_parse(void)
{
	struct check_ctx *ctx;
	struct ruleset rs;
	const struct ci_scan *scan;

	ut_load_rules(&rs, ini);
	ctx = ctx_new(repo, tree, &rs, NULL, 0);
	ut_run_rules(&rs, ctx);
	ok(ctx_model_count(ctx, &reader_ci) == 3,
	    "three CI files read, each parsed once, with ci, tests and "
	    "pytorch-support all run");
	printf("# CI files parsed: %zu\n", ctx_model_count(ctx, &reader_ci));
	scan = ctx_ci(ctx, NULL);
	ok(scan != NULL && scan->n == 3 && scan->nrefused == 1 &&
	    strcmp(scan->refused[0]->path, ".github/workflows/linked.yml") ==
	    0, "three files read, the link refused by the read judge");
	ok(scan == ctx_ci(ctx, NULL), "the scan is collected once");
	ok(ctx_model_count(ctx, &reader_ci) == 3, "asking again parses none");
	ctx_free(ctx);
	ruleset_release(&rs);
}

int
main(void)
{
	setup();
	test_one_parse();
	tree_free(tree);
	git_repository_free(repo);
	git_libgit2_shutdown();
	ok(ut_cleanup() == 0, "clean up");
	return done_testing();
}
