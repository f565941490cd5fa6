/*
 * rule-fact.c: the "fact" rule type: something no checkout holds (GitHub
 * stars, a maintenance commitment). Unknown, and for a person to judge,
 * unless given with --fact NAME=VALUE or in a [facts] section.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctx.h"
#include "finding.h"
#include "rules.h"
#include "ruleset.h"
#include "timeutil.h"

static int	 fact_check(const struct rule *, struct check_ctx *,
		    struct finding *);
static int	 fact_judge(const struct rule *, struct check_ctx *,
		    struct finding *);

static const struct rule_key_spec fact_keys[] = {
	{ "fact", KEY_STRING, .flags = KEYF_REQUIRED,
	    .doc = "the fact's name, as in --fact NAME=VALUE" },
	{ "min", KEY_INT, .flags = KEYF_REPO, .max = 1000000000000,
	    .doc = "a number the fact must reach" },
	{ "last_commit", KEY_BOOL,
	    .doc = "the message gives the date of the last commit" },
	{ .name = NULL }
};

const struct rule_type rule_fact = {
	.name = "fact",
	.summary = "a fact given on the command line or in config",
	.keys = fact_keys,
	.check = fact_check,
};

/* The fact judged; with last_commit, the date of the commit checked. */
static int
fact_check(const struct rule *r, struct check_ctx *ctx, struct finding *f)
{
	char date[16];
	int64_t when;

	if (fact_judge(r, ctx, f) == -1)
		return -1;
	if (!rule_bool(r, "last_commit", 0))
		return 0;
	if (!ctx_has_head(ctx))
		finding_append(f, "; no commit yet");
	else if (ctx_head_time(ctx, &when) == 0) {
		time_format_date(when, date, sizeof(date));
		finding_append(f, "; last commit on %s", date);
	} else
		/* printed; the fact is judged all the same */
		finding_append(f, "; the date of the last commit cannot be "
		    "read");
	return 0;
}

static int
fact_judge(const struct rule *r, struct check_ctx *ctx, struct finding *f)
{
	const char *name, *val, *src;
	char *end, given[512];
	long long n, min;

	name = rule_str(r, "fact", NULL);
	val = ctx_fact(ctx, name, &src);
	if (src != NULL && strcmp(src, "--fact") != 0)
		snprintf(given, sizeof(given), "given in %s", src);
	else
		snprintf(given, sizeof(given), "given");
	min = rule_int(r, "min", -1);
	if (min >= 0)
		finding_min(f, min);
	if (val == NULL) {
		f->judgment = 1;
		finding_result(f, RESULT_UNKNOWN, "%s cannot be seen offline",
		    name);
		finding_fix(f, "give it with --fact %s=%s%s%s", name,
		    min >= 0 ? "N" : "yes", r->help ? "; " : "",
		    r->help ? r->help : "");
		return 0;
	}
	if (min < 0) {
		if (strcmp(val, "yes") == 0 || strcmp(val, "true") == 0)
			finding_result(f, RESULT_PASS, "%s: yes (%s)",
			    name, given);
		else
			finding_result(f, RESULT_FAIL, "%s: %s (%s)", name,
			    val, given);
		return 0;
	}
	errno = 0;
	n = strtoll(val, &end, 10);
	if (*val == '\0' || *end != '\0' || errno != 0 || n < 0) {
		finding_result(f, RESULT_UNKNOWN, "%s: '%s' is not a number",
		    name, val);
		return 0;
	}
	finding_value(f, n);
	if (n >= min) {
		if (n == min)
			finding_result(f, RESULT_PASS, "%s: %lld (%s), "
			    "exactly the minimum of %lld", name, n, given, min);
		else
			finding_result(f, RESULT_PASS, "%s: %lld (%s), at "
			    "least %lld", name, n, given, min);
	} else
		finding_result(f, RESULT_FAIL, "%s: %lld (%s), fewer than "
		    "%lld", name, n, given, min);
	return 0;
}
