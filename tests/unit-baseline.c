/* unit-baseline.c: the pre-commit check's decision, the index against HEAD */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "baseline.h"
#include "finding.h"
#include "json.h"
#include "ruleset.h"
#include "strbuf.h"
#include "tap.h"

#define NRULES	6

static struct rule rules[NRULES];
static const char *const ids[NRULES] = { "a", "b", "c", "d", "e", "f" };

/*
 * A result of the rules a..f, each judged as spec says: 'p' pass, 'f'
 * fail at error, 'w' fail at warning, 'u' unknown, 'j' unknown a person
 * decides, 's' skip.
 */
static void
make_result(struct repo_result *res, const char *spec)
{
	struct finding *f;
	size_t i;

	repo_result_init(res, "x");
	res->findings = calloc(strlen(spec) + 1, sizeof(*res->findings));
	for (i = 0; spec[i] != '\0'; i++) {
		rules[i].id = (char *)ids[i];
		rules[i].level = spec[i] == 'w' ? LEVEL_WARNING : LEVEL_ERROR;
		f = &res->findings[res->nfindings++];
		finding_init(f, &rules[i]);
		finding_result(f, spec[i] == 'p' ? RESULT_PASS : spec[i] ==
		    's' ? RESULT_SKIP : spec[i] == 'u' || spec[i] == 'j' ?
		    RESULT_UNKNOWN : RESULT_FAIL, "m");
		f->judgment = spec[i] == 'j';
		finding_judge(f, res, NULL);
	}
}

/* The letters of the rules with a flag set, as "ab". */
static void
rules_with(const struct baseline *b, int already, char *out)
{
	size_t i;

	for (i = 0; i < b->n; i++)
		if (already ? b->v[i].already : b->v[i].blocks)
			*out++ = b->v[i].rule[0];
	*out = '\0';
}

static void
test_blocks(void)
{
	struct repo_result was, now;
	struct baseline *b;
	char got[NRULES + 1];

	/*
	 * a: pass -> fail blocks; b: fail -> fail is already failing;
	 * c: pass -> warn regresses, no block; d: fail -> pass fixed;
	 * e: skip -> fail blocks; f: warn -> fail blocks.
	 */
	make_result(&was, "pfpfsw");
	make_result(&now, "ffwpff");
	b = baseline_new(&was, &now, "0123", 0);
	rules_with(b, 0, got);
	is_str(got, "aef", "a rule failing now that was better blocks");
	rules_with(b, 1, got);
	is_str(got, "b", "one failing at HEAD as now is already failing");
	is_int(b->nblocks, 3, "three block");
	is_int(b->nregressed, 4, "four regressed, one only to a caution");
	is_int(b->nalready, 1, "one already failing");
	ok(b->v[2].change == CHANGE_REGRESSED && !b->v[2].blocks,
	    "pass to caution regresses and does not block");
	ok(b->v[3].change == CHANGE_FIXED && !b->v[3].already,
	    "a fixed rule is neither");
	ok(b->has_head && strcmp(b->head, "0123") == 0, "HEAD is kept");
	baseline_free(b);
	repo_result_release(&was);
	repo_result_release(&now);
}

static void
test_strict(void)
{
	struct repo_result was, now;
	struct baseline *b;
	char got[NRULES + 1];

	/* a: pass -> unknown; b: unknown -> unknown; c: pass -> judgment */
	make_result(&was, "pup");
	make_result(&now, "uuj");
	b = baseline_new(&was, &now, "0123", 0);
	is_int(b->nblocks, 0, "an unknown result blocks nothing by itself");
	is_int(b->nalready, 0, "nor is it failing");
	baseline_free(b);
	b = baseline_new(&was, &now, "0123", 1);
	rules_with(b, 0, got);
	is_str(got, "ac", "with --strict an unknown that was better blocks");
	rules_with(b, 1, got);
	is_str(got, "b", "and one unknown at HEAD too is already failing");
	baseline_free(b);
	repo_result_release(&was);
	repo_result_release(&now);
}

static void
test_no_head(void)
{
	struct repo_result now;
	struct baseline *b;
	struct strbuf sb = STRBUF_INIT;
	struct json j;
	char got[NRULES + 1];

	/* No commit yet: every rule is new, judged by itself. */
	make_result(&now, "pfwus");
	b = baseline_new(NULL, &now, NULL, 0);
	ok(!b->has_head, "no HEAD");
	rules_with(b, 0, got);
	is_str(got, "b", "only the failure at level error blocks");
	is_int(b->nalready, 0, "nothing was failing before");
	ok(b->v[0].change == CHANGE_NEW && b->v[4].change == CHANGE_NEW,
	    "every rule is new");
	json_init(&j, &sb, 0);
	json_object_begin(&j, NULL);
	baseline_json(&j, b);
	json_object_end(&j);
	ok(strstr(sb.buf, "\"head\":null") != NULL &&
	    strstr(sb.buf, "{\"rule\":\"b\",\"head_status\":null,"
	    "\"change\":\"new\",\"blocks\":true}") != NULL,
	    "JSON: head and head_status null, b blocks");
	strbuf_release(&sb);
	baseline_free(b);
	repo_result_release(&now);
}

int
main(void)
{
	test_blocks();
	test_strict();
	test_no_head();
	return done_testing();
}
