/* unit-rules.c: the file, contains and fact rule types on a real checkout */
#define _GNU_SOURCE
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <git2.h>

#include "ctx.h"
#include "finding.h"
#include "rulecheck.h"
#include "rules.h"
#include "ruleset.h"
#include "strbuf.h"
#include "tap.h"
#include "tree.h"
#include "unit-lib.h"
#include "unit-check.h"

static git_repository *repo;
static struct tree *tree;

/* The checkout "r" the rules are run on, and its working tree. */
static void
setup(void)
{

	ut_setup("unit-rules");
	ut_libgit2_init();
	ut_sh("git init -q r && cd r && mkdir -p .github docs && "
	    "printf 'MIT License\\n' > LICENSE && "
	    "printf 'x' > tiny.md && "
	    "printf '* @a\\n' > .github/CODEOWNERS && "
	    "printf 'We follow the Contributor Covenant, version 2.1.\\n' "
	    "> docs/CODE_OF_CONDUCT.md && "
	    "printf 'line one\\nsee https://lfprojects.org/policies/"
	    "code-of-conduct/ here\\n' > CONDUCT-LF.md && "
	    "printf 'bin\\0ary lfprojects.org/policies/code-of-conduct' "
	    "> binary.md && "
	    "awk 'BEGIN { for (i = 0; i < 20000; i++) printf \"a\"; "
	    "printf \"b\" }' > aaaa.txt && "
	    "printf 'Readme\\n' > ReadMe.MD && "
	    "ln -s /etc/passwd NOTICE && "
	    "git add -A && git commit -qm init");
	ut_open_worktree("r", &repo, &tree);
}

/* Load one rule from INI text, run it, return its finding. */
static int
run(const char *ini, struct finding *f, struct ruleset *rs)
{
	struct check_ctx *ctx;
	const struct rule *r;

	ruleset_init(rs);
	if (ruleset_add_buffer(rs, "test.ini", ini, strlen(ini)) == -1 ||
	    ruleset_fact(rs, "stars", "250", "--fact") == -1 ||
	    rulecheck_finish(rs) == -1)
		return -1;
	ctx = ctx_new(repo, tree, rs, NULL, 0);
	r = rs->rules[rs->nrules - 1];
	finding_init(f, r);
	r->type->check(r, ctx, f);
	finding_judge(f, NULL, NULL);
	ctx_free(ctx);
	return 0;
}

#define CHECK(ini, res, lvl, msg, what) do {				\
	struct ruleset rs_;						\
	struct finding f_;						\
	if (!ok(run(ini, &f_, &rs_) == 0, "%s: loads", what)) break;	\
	is_str(result_name(f_.result), result_name(res), "%s: result", what); \
	is_str(level_name(f_.level), level_name(lvl), "%s: level", what); \
	ok(f_.message != NULL && strstr(f_.message, msg) != NULL,	\
	    "%s: message has '%s'", what, msg);				\
	if (f_.message != NULL && strstr(f_.message, msg) == NULL)	\
		printf("#   message: %s\n", f_.message);		\
	finding_release(&f_);						\
	ruleset_release(&rs_);						\
} while (0)

static void
test_file(void)
{
	CHECK("[a]\ntype = file\npath = LICENSE\n", RESULT_PASS, LEVEL_ERROR,
	    "found LICENSE", "file present");
	CHECK("[a]\ntype = file\npath = LICENSE.md\naccept = LICENSE\n",
	    RESULT_FAIL, LEVEL_WARNING, "LICENSE found, but LICENSE.md",
	    "accepted name is a warning");
	CHECK("[a]\ntype = file\nlevel = info\npath = LICENSE.md\n"
	    "accept = LICENSE\n", RESULT_FAIL, LEVEL_INFO, "LICENSE found",
	    "accept never raises a lower level");
	CHECK("[a]\ntype = file\npath = MISSING.md\naccept = ALSO-MISSING\n",
	    RESULT_FAIL, LEVEL_ERROR, "no MISSING.md", "missing file");
	CHECK("[a]\ntype = file\npath = CODEOWNERS\ndirs = . .github docs\n",
	    RESULT_PASS, LEVEL_ERROR, ".github/CODEOWNERS",
	    "found in .github/");
	CHECK("[a]\ntype = file\npath = CODEOWNERS\n", RESULT_FAIL,
	    LEVEL_ERROR, "no CODEOWNERS", "root only: .github/ not searched");
	CHECK("[a]\ntype = file\npath = README.md\ncase = insensitive\n",
	    RESULT_PASS, LEVEL_ERROR, "ReadMe.MD", "case-insensitive name");
	CHECK("[a]\ntype = file\npath = README.md\n", RESULT_FAIL,
	    LEVEL_ERROR, "no README.md", "case-sensitive by default");
	CHECK("[a]\ntype = file\npath = tiny.md\nmin_bytes = 10\n",
	    RESULT_FAIL, LEVEL_ERROR, "fewer than 10", "below min_bytes");
	CHECK("[a]\ntype = file\npath = LICENSE\nmin_bytes = 12\n",
	    RESULT_PASS, LEVEL_ERROR, "found LICENSE",
	    "a file of exactly min_bytes passes");
	CHECK("[a]\ntype = file\npath = NOTICE\n", RESULT_FAIL, LEVEL_ERROR,
	    "symbolic link to /etc/passwd", "a link is reported, not read");
}

static void
test_contains(void)
{
	const char *coc =
	    "[a]\ntype = contains\nfile = CODE_OF_CONDUCT.md\n"
	    "dirs = . docs\npattern = lfprojects\\.org/policies\n"
	    "miss_level = warning\n"
	    "label = Contributor Covenant: contributor\\s+covenant\n";

	CHECK("[a]\ntype = contains\nfile = CONDUCT-LF.md\n"
	    "pattern = LFPROJECTS\\.org\n", RESULT_PASS, LEVEL_ERROR,
	    "CONDUCT-LF.md matches", "case-insensitive match by default");
	CHECK("[a]\ntype = contains\nfile = CONDUCT-LF.md\n"
	    "case = sensitive\npattern = LFPROJECTS\n", RESULT_FAIL,
	    LEVEL_ERROR, "does not match pattern 1", "case = sensitive");
	CHECK(coc, RESULT_FAIL, LEVEL_WARNING, "is the Contributor Covenant",
	    "a label names what the file is, at miss_level");
	CHECK("[a]\ntype = contains\nfile = CONDUCT-LF.md\npattern = one\n"
	    "pattern = nothing-like-this\nmatch = any\n", RESULT_PASS,
	    LEVEL_ERROR, "matches", "match = any");
	CHECK("[a]\ntype = contains\nfile = CONDUCT-LF.md\npattern = one\n"
	    "pattern = nothing-like-this\n", RESULT_FAIL, LEVEL_ERROR,
	    "does not match pattern 2", "match = all names the missing "
	    "pattern, by number");
	CHECK("[a]\ntype = contains\nfile = CONDUCT-LF.md\n"
	    "pattern = TODO\nmatch = none\n", RESULT_PASS, LEVEL_ERROR,
	    "matches", "match = none passes without a match");
	CHECK("[a]\ntype = contains\nfile = CONDUCT-LF.md\n"
	    "pattern = here\nmatch = none\n", RESULT_FAIL, LEVEL_ERROR,
	    "must not", "match = none fails on a match");
	CHECK("[a]\ntype = contains\nfile = binary.md\npattern = lfprojects\n",
	    RESULT_FAIL, LEVEL_ERROR, "binary", "a binary file is not matched");
	CHECK("[a]\ntype = contains\nfile = aaaa.txt\npattern = ^(a+)+$\n",
	    RESULT_UNKNOWN, LEVEL_ERROR, "could not be matched",
	    "a catastrophic pattern hits the limit, no hang");
	CHECK("[a]\ntype = contains\nfile = NOTICE\npattern = root\n",
	    RESULT_FAIL, LEVEL_ERROR, "symbolic link",
	    "contains never reads through a link");
	CHECK("[lic]\ntype = file\npath = LICENSE.md\naccept = LICENSE\n"
	    "[a]\ntype = contains\nof = lic\npattern = MIT\n", RESULT_PASS,
	    LEVEL_ERROR, "LICENSE matches", "of = reads a file rule's file");
	{
		struct ruleset rs;
		struct finding f;

		if (run("[a]\ntype = contains\nfile = CONDUCT-LF.md\n"
		    "pattern = here\n", &f, &rs) == 0) {
			ok(f.nev == 1 && f.ev[0].line == 2,
			    "evidence gives the line of the match");
			finding_release(&f);
			ruleset_release(&rs);
		}
	}
}

static void
test_fact(void)
{
	CHECK("[a]\ntype = fact\nfact = stars\nmin = 200\n", RESULT_PASS,
	    LEVEL_ERROR, "250 (given), at least 200", "a fact over the minimum");
	CHECK("[a]\ntype = fact\nfact = stars\nmin = 250\n", RESULT_PASS,
	    LEVEL_ERROR, "exactly the minimum", "a fact at the floor passes");
	CHECK("[a]\ntype = fact\nfact = stars\nmin = 300\n", RESULT_FAIL,
	    LEVEL_ERROR, "fewer than 300", "a fact under the minimum");
	CHECK("[a]\ntype = fact\nfact = downloads\nmin = 1\n", RESULT_UNKNOWN,
	    LEVEL_ERROR, "cannot be seen offline", "a fact not given");
}

int
main(void)
{
	setup();
	test_file();
	test_contains();
	test_fact();
	tree_free(tree);
	git_repository_free(repo);
	git_libgit2_shutdown();
	ok(ut_cleanup() == 0, "clean up");
	return done_testing();
}
