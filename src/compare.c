/* compare.c: two judged results of the same rules, rule by rule */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "ruleset.h"
#include "xalloc.h"

static enum change change_of(const struct rule_change *);

static const char *const change_names[CHANGE_KINDS] = {
	[CHANGE_UNCHANGED] = "unchanged",
	[CHANGE_FIXED] = "fixed",
	[CHANGE_REGRESSED] = "regressed",
	[CHANGE_NEW] = "new",
	[CHANGE_GONE] = "gone",
};

const char *
change_name(enum change c)
{
	return change_names[c];
}

/* The rank a status has when judging change: a skip is a pass. */
static int
rank(enum wg_status s)
{
	switch (s) {
	case WG_FAIL:
		return 3;
	case WG_JUDGMENT:
		return 2;
	case WG_CAUTION:
		return 1;
	case WG_PASS:
	case WG_SKIP:
	default:
		return 0;
	}
}

int
wg_status_is_worse(enum wg_status now, enum wg_status was)
{
	return rank(now) > rank(was);
}

/*
 * A rule new to now is "new" whatever its status (the pre-commit check
 * judges a new failing rule as a regression itself); one only in was is
 * "gone".
 */
static enum change
change_of(const struct rule_change *c)
{
	if (c->was == NULL)
		return CHANGE_NEW;
	if (c->now == NULL)
		return CHANGE_GONE;
	if (wg_status_is_worse(c->now_status, c->was_status))
		return CHANGE_REGRESSED;
	if (wg_status_is_worse(c->was_status, c->now_status))
		return CHANGE_FIXED;
	return CHANGE_UNCHANGED;
}

void
compare_results(const struct repo_result *was, const struct repo_result *now,
    struct comparison *out)
{
	struct rule_change *c;
	size_t i;

	memset(out, 0, sizeof(*out));
	out->v = xcalloc(was->nfindings + now->nfindings + 1,
	    sizeof(*out->v));
	for (i = 0; i < now->nfindings; i++) {
		c = &out->v[out->n++];
		c->now = &now->findings[i];
		c->rule = c->now->rule->id;
		c->was = repo_result_finding(was, c->rule);
	}
	for (i = 0; i < was->nfindings; i++)
		if (repo_result_finding(now, was->findings[i].rule->id) ==
		    NULL) {
			c = &out->v[out->n++];
			c->was = &was->findings[i];
			c->rule = c->was->rule->id;
		}
	for (i = 0; i < out->n; i++) {
		c = &out->v[i];
		c->was_status = c->was != NULL ? finding_wg_status(c->was) :
		    WG_SKIP;
		c->now_status = c->now != NULL ? finding_wg_status(c->now) :
		    WG_SKIP;
		c->change = change_of(c);
		out->counts[c->change]++;
	}
}

void
comparison_release(struct comparison *cmp)
{
	free(cmp->v);
	memset(cmp, 0, sizeof(*cmp));
}
