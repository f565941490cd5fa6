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
	char *path;

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
	path = ut_path("r");
	if (git_repository_open(&repo, path) < 0 ||
	    tree_open_worktree(&tree, repo) < 0)
		ut_bail("cannot open %s", path);
	free(path);
}

static void
test_one_parse(void)
{
	struct check_ctx *ctx;
	struct ruleset rs;
	struct finding f;
	const struct ci_scan *scan;
	size_t i;

	ruleset_init(&rs);
	if (ruleset_add_buffer(&rs, "test.ini", ini, strlen(ini)) == -1 ||
	    rulecheck_finish(&rs) == -1)
		ut_bail("cannot load the rules");
	ctx = ctx_new(repo, tree, &rs, NULL, 0);
	for (i = 0; i < rs.nrules; i++) {
		finding_init(&f, rs.rules[i]);
		ok(rs.rules[i]->type->check(rs.rules[i], ctx, &f) == 0 &&
		    f.message != NULL, "%s runs", rs.rules[i]->id);
		printf("# %s: %s: %s\n", rs.rules[i]->id,
		    result_name(f.result), f.message);
		finding_release(&f);
	}
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
