/* unit-finding.c: the one judge: levels, caps, the default fix, counts, exit status */
#include "config.h"

#include <string.h>

#include "finding.h"
#include "ruleset.h"
#include "tap.h"

/* A rule at a level, with or without help, built by hand. */
static void
make_rule(struct rule *r, enum level lv, const char *help)
{
	memset(r, 0, sizeof(*r));
	r->id = (char *)"r";
	r->level = lv;
	r->help = help;
}

static void
test_levels(void)
{
	struct rule r;
	struct finding f;

	make_rule(&r, LEVEL_ERROR, NULL);
	finding_init(&f, &r);
	finding_result(&f, RESULT_FAIL, "x");
	finding_cap_level(&f, LEVEL_WARNING);
	finding_judge(&f, NULL, NULL);
	is_str(level_name(f.level), "warning", "a cap lowers an error");
	finding_release(&f);

	make_rule(&r, LEVEL_INFO, NULL);
	finding_init(&f, &r);
	finding_result(&f, RESULT_FAIL, "x");
	finding_cap_level(&f, LEVEL_WARNING);
	finding_judge(&f, NULL, NULL);
	is_str(level_name(f.level), "info", "a cap never raises a level");
	finding_release(&f);

	make_rule(&r, LEVEL_ERROR, NULL);
	finding_init(&f, &r);
	finding_cap_level(&f, LEVEL_INFO);
	finding_cap_level(&f, LEVEL_WARNING);
	finding_result(&f, RESULT_FAIL, "x");
	finding_judge(&f, NULL, NULL);
	is_str(level_name(f.level), "info", "the lowest cap asked for wins");
	finding_release(&f);

	make_rule(&r, LEVEL_OFF, NULL);
	ok(finding_begin(&f, &r) == 0, "a rule at level off is not run");
	is_str(result_name(f.result), "skip", "and is a skip");
	is_str(f.message, "disabled (level off)", "saying why");
	finding_release(&f);
}

static void
test_fix(void)
{
	struct rule r;
	struct finding f;

	make_rule(&r, LEVEL_ERROR, "add it");
	finding_init(&f, &r);
	finding_result(&f, RESULT_FAIL, "x");
	finding_judge(&f, NULL, NULL);
	is_str(f.fix, "add it", "a failure without a fix gets the help");
	finding_release(&f);

	finding_init(&f, &r);
	finding_result(&f, RESULT_FAIL, "x");
	finding_fix(&f, "rename it");
	finding_judge(&f, NULL, NULL);
	is_str(f.fix, "rename it", "a fix of the type's own is kept");
	finding_release(&f);

	finding_init(&f, &r);
	finding_result(&f, RESULT_PASS, "x");
	finding_judge(&f, NULL, NULL);
	ok(f.fix == NULL, "a pass has no fix");
	finding_release(&f);

	finding_init(&f, &r);
	finding_result(&f, RESULT_UNKNOWN, "x");
	finding_judge(&f, NULL, NULL);
	ok(f.fix == NULL, "an unknown gets no help as its fix");
	finding_release(&f);
}

/* Judge one finding of result res at level lv into rr. */
static void
judge_one(struct repo_result *rr, enum level lv, enum result res, int strict)
{
	struct judge_opts jo;
	struct rule r;
	struct finding f;

	make_rule(&r, lv, NULL);
	memset(&jo, 0, sizeof(jo));
	jo.strict = strict;
	finding_init(&f, &r);
	finding_result(&f, res, "x");
	finding_judge(&f, rr, &jo);
	finding_release(&f);
}

static void
test_counts(void)
{
	struct repo_result rr;

	repo_result_init(&rr, "p");
	judge_one(&rr, LEVEL_ERROR, RESULT_PASS, 0);
	judge_one(&rr, LEVEL_WARNING, RESULT_FAIL, 0);
	judge_one(&rr, LEVEL_ERROR, RESULT_UNKNOWN, 0);
	is_int(rr.status, EXIT_OK, "a warning and an unknown do not fail");
	judge_one(&rr, LEVEL_ERROR, RESULT_FAIL, 0);
	is_int(rr.status, EXIT_FAILED, "an error fails");
	judge_one(&rr, LEVEL_ERROR, RESULT_PASS, 0);
	is_int(rr.status, EXIT_FAILED, "a later pass does not lower it");
	is_int(rr.counts[RESULT_PASS], 2, "passes counted");
	is_int(rr.counts[RESULT_FAIL], 2, "failures counted");
	is_int(rr.counts[RESULT_UNKNOWN], 1, "unknowns counted");
	is_int(rr.errors_failed, 1, "errors failed counted");
	status_raise(&rr.status, EXIT_TROUBLE);
	status_raise(&rr.status, EXIT_OK);
	is_int(rr.status, EXIT_TROUBLE, "the status only ever rises");
	repo_result_release(&rr);

	repo_result_init(&rr, "p");
	judge_one(&rr, LEVEL_ERROR, RESULT_UNKNOWN, 1);
	is_int(rr.status, EXIT_FAILED, "--strict: an unknown fails");
	is_int(rr.unknown_failed, 1, "and is counted for --strict");
	repo_result_release(&rr);
}

int
main(void)
{
	test_levels();
	test_fix();
	test_counts();
	return done_testing();
}
