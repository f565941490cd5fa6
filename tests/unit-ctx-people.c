/* unit-ctx-people.c: the people of a check, collected once (ctx-people.c) */
#define _GNU_SOURCE
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "ctx-people.h"
#include "ctx.h"
#include "finding.h"
#include "read/markdown.h"
#include "read/reader.h"
#include "rulecheck.h"
#include "rules.h"
#include "ruleset.h"
#include "strbuf.h"
#include "tap.h"
#include "tree.h"
#include "unit-lib.h"
#include "unit-check.h"

/*
 * Two maintainers rules with the same sources (one asks for more), one
 * with other sources, and a codeowners rule reading the same MAINTAINERS
 * file for retired committers.
 */
static const char ini[] =
    "[core-maintainers]\ntype = maintainers\nmin = 2\n"
    "file = MAINTAINERS.md\nsection_file = README.md\n"
    "codeowners = .github/CODEOWNERS\n"
    "[more-maintainers]\ntype = maintainers\nmin = 5\n"
    "file = MAINTAINERS.md\nsection_file = README.md\n"
    "codeowners = .github/CODEOWNERS\n"
    "[readme-maintainers]\ntype = maintainers\nsection_file = README.md\n"
    "[codeowners]\ntype = codeowners\nretired = yes\n";

static git_repository *repo;
static struct tree *tree;

static void	 setup(void);
static void	 test_once(void);

/* A checkout naming maintainers in MAINTAINERS.md, README and CODEOWNERS. */
static void
setup(void)
{

	ut_setup("unit-ctx-people");
	ut_libgit2_init();
	ut_sh("git init -q r && cd r && mkdir -p .github && "
	    "printf '# Maintainers\\n\\n- Jane Doe (@jane)\\n- @john\\n\\n"
	    "## Emeritus\\n\\n- @old\\n' > MAINTAINERS.md && "
	    "printf '# X\\n\\n## Maintainers\\n\\n- Ann Lee (@ann)\\n' "
	    "> README.md && "
	    "printf '* @jane @ann\\n' > .github/CODEOWNERS && "
	    "git add -A && git commit -qm init");
	ut_open_worktree("r", &repo, &tree);
}

static void
test_once(void)
{
	struct check_ctx *ctx;
	struct ruleset rs;
	const struct ctx_people *a, *b;

	ut_load_rules(&rs, ini);
	ctx = ctx_new(repo, tree, &rs, NULL, 0);
	ut_run_rules(&rs, ctx);
	is_int(ctx_people_builds(ctx), 2, "two sets of sources, two "
	    "collections, with three maintainers rules and codeowners run");
	ok(ctx_model_count(ctx, &reader_markdown) == 2, "MAINTAINERS.md and "
	    "README.md each parsed once, for maintainers and codeowners");
	a = ctx_people(ctx, rs.rules[0]);
	b = ctx_people(ctx, rs.rules[1]);
	ok(a == b && a != ctx_people(ctx, rs.rules[2]),
	    "the same sources give the same collection");
	is_int(ctx_people_builds(ctx), 2, "asking again collects none");
	ok(a->pp.n == 4 && people_current(&a->pp) == 3 && a->ndocs == 2,
	    "jane, john and ann current (CODEOWNERS merged), old retired");
	is_str(a->looked.buf, "MAINTAINERS.md, README.md, .github/CODEOWNERS",
	    "where the people were looked for");
	ctx_free(ctx);
	ruleset_release(&rs);
}

int
main(void)
{
	setup();
	test_once();
	tree_free(tree);
	git_repository_free(repo);
	git_libgit2_shutdown();
	ok(ut_cleanup() == 0, "clean up");
	return done_testing();
}
