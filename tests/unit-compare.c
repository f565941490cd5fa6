/* unit-compare.c: two judged results compared rule by rule */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "finding.h"
#include "ruleset.h"
#include "tap.h"

#define NRULES	6

static struct rule rules[NRULES];
static const char *const ids[NRULES] = { "a", "b", "c", "d", "e", "f" };

/*
 * A result of the rules named by the letters of which, each judged as
 * spec says: 'p' pass, 'f' fail at error, 'w' fail at warning, 'u'
 * unknown, 'j' unknown a person decides, 's' skip.
 */
static void
make_result(struct repo_result *res, const char *which, const char *spec)
{
	struct finding *f;
	size_t i, k;

	repo_result_init(res, "x");
	res->findings = calloc(strlen(which) + 1, sizeof(*res->findings));
	for (i = 0; which[i] != '\0'; i++) {
		k = (size_t)(which[i] - 'a');
		rules[k].id = (char *)ids[k];
		rules[k].level = spec[i] == 'w' ? LEVEL_WARNING : LEVEL_ERROR;
		f = &res->findings[res->nfindings++];
		finding_init(f, &rules[k]);
		finding_result(f, spec[i] == 'p' ? RESULT_PASS : spec[i] ==
		    's' ? RESULT_SKIP : spec[i] == 'u' || spec[i] == 'j' ?
		    RESULT_UNKNOWN : RESULT_FAIL, "m");
		f->judgment = spec[i] == 'j';
		finding_judge(f, res, NULL);
	}
}

static const struct rule_change *
change_for(const struct comparison *c, const char *id)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (strcmp(c->v[i].rule, id) == 0)
			return &c->v[i];
	return NULL;
}

static void
test_kinds(void)
{
	struct repo_result was, now;
	struct comparison c;
	const struct rule_change *rc;

	/* a: pass -> fail, b: fail -> pass, c: warn -> warn, d: gone, e: new */
	make_result(&was, "abcd", "pfwp");
	make_result(&now, "abce", "fpwf");
	compare_results(&was, &now, &c);
	is_int(c.n, 5, "five rules compared");
	rc = change_for(&c, "a");
	is_str(change_name(rc->change), "regressed", "pass to fail regresses");
	rc = change_for(&c, "b");
	is_str(change_name(rc->change), "fixed", "fail to pass is fixed");
	rc = change_for(&c, "c");
	is_str(change_name(rc->change), "unchanged", "caution stays caution");
	rc = change_for(&c, "d");
	ok(rc != NULL && rc->change == CHANGE_GONE && rc->now == NULL &&
	    rc->now_status == WG_SKIP, "a rule only before is gone");
	rc = change_for(&c, "e");
	ok(rc != NULL && rc->change == CHANGE_NEW && rc->was == NULL &&
	    rc->now_status == WG_FAIL, "a rule only now is new, with status");
	is_str(c.v[4].rule, "d", "the gone come after now's rules");
	is_int(c.counts[CHANGE_REGRESSED], 1, "counts: one regression");
	is_int(c.counts[CHANGE_FIXED], 1, "counts: one fix");
	comparison_release(&c);
	repo_result_release(&was);
	repo_result_release(&now);
}

static void
test_order(void)
{
	struct repo_result was, now;
	struct comparison c;

	/* pass < caution < judgment < fail; a skip is a pass */
	make_result(&was, "abcdef", "pwujsp");
	make_result(&now, "abcdef", "wjfupf");
	compare_results(&was, &now, &c);
	is_str(change_name(change_for(&c, "a")->change), "regressed",
	    "pass to caution regresses");
	is_str(change_name(change_for(&c, "b")->change), "regressed",
	    "caution to judgment regresses");
	is_str(change_name(change_for(&c, "c")->change), "regressed",
	    "unknown (caution) to fail regresses");
	is_str(change_name(change_for(&c, "d")->change), "fixed",
	    "judgment to caution is better");
	is_str(change_name(change_for(&c, "e")->change), "unchanged",
	    "skip to pass is no change");
	is_str(change_name(change_for(&c, "f")->change), "regressed",
	    "pass to fail regresses");
	comparison_release(&c);
	repo_result_release(&was);
	repo_result_release(&now);

	make_result(&was, "a", "s");
	make_result(&now, "a", "f");
	compare_results(&was, &now, &c);
	is_str(change_name(c.v[0].change), "regressed",
	    "a rule that starts to apply and fails regresses");
	comparison_release(&c);
	repo_result_release(&was);
	repo_result_release(&now);
	ok(!wg_status_is_worse(WG_SKIP, WG_PASS) &&
	    !wg_status_is_worse(WG_PASS, WG_SKIP), "skip and pass are equal");
}

int
main(void)
{
	test_kinds();
	test_order();
	return done_testing();
}
