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
#include "error.h"
#include "finding.h"
#include "nearest.h"
#include "rules.h"
#include "ruleset.h"
#include "strbuf.h"
#include "timeutil.h"

static int	 fact_check(const struct rule *, struct check_ctx *,
		    struct finding *);
static int	 fact_judge(const struct rule *, struct check_ctx *,
		    struct finding *);
static int	 fact_number(const char *, long long *);
static int	 asked_before(const struct ruleset *, size_t, const char *);
static int	 unknown_fact(const struct ruleset *, const char *,
		    const char *);

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
	char given[512];
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
	if (fact_number(val, &n) == -1) {
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

/* A count, as --fact stars=N gives it: 0, or -1 when val is none. */
static int
fact_number(const char *val, long long *n)
{
	char *end;

	errno = 0;
	*n = strtoll(val, &end, 10);
	if (*val == '\0' || *end != '\0' || errno != 0 || *n < 0)
		return -1;
	return 0;
}

int
fact_given(const struct ruleset *rs, const char *name, const char *val)
{
	const struct rule *r;
	const char *asked;
	long long n;
	size_t i;

	for (i = 0; i < rs->nrules; i++) {
		r = rs->rules[i];
		asked = r->type == &rule_fact ? rule_str(r, "fact", NULL) :
		    NULL;
		if (asked == NULL || strcmp(asked, name) != 0)
			continue;
		if (rule_int(r, "min", -1) >= 0 && fact_number(val, &n) == -1)
			return ec_error("--fact %s=%s: not a number (rule %s "
			    "wants %s=N, at least %lld) (see ecocheck --help)",
			    name, val, r->id, name, rule_int(r, "min", -1));
		return 0;
	}
	return unknown_fact(rs, name, val);
}

/* Whether a rule before the i-th of rs asks for the fact too. */
static int
asked_before(const struct ruleset *rs, size_t i, const char *fact)
{
	const char *asked;

	while (i-- > 0) {
		asked = rs->rules[i]->type == &rule_fact ?
		    rule_str(rs->rules[i], "fact", NULL) : NULL;
		if (asked != NULL && strcmp(asked, fact) == 0)
			return 1;
	}
	return 0;
}

/* The error of --fact NAME=VAL that no rule asks: the nearest, or all. */
static int
unknown_fact(const struct ruleset *rs, const char *name, const char *val)
{
	struct strbuf hint = STRBUF_INIT, near = STRBUF_INIT;
	struct nearest ne;
	const char *asked;
	size_t i, n;
	int rc;

	nearest_init(&ne, name);
	for (i = n = 0; i < rs->nrules; i++) {
		asked = rs->rules[i]->type == &rule_fact ?
		    rule_str(rs->rules[i], "fact", NULL) : NULL;
		if (asked == NULL)
			continue;
		nearest_try(&ne, asked);
		if (!asked_before(rs, i, asked))
			strbuf_addf(&hint, "%s%s", n++ == 0 ? "" : ", ",
			    asked);
	}
	if (nearest_add(&ne, &near, "'", "'"))
		rc = ec_error("--fact %s=%s: no rule asks for the fact '%s': "
		    "did you mean %s? (see ecocheck --help)", name, val, name,
		    near.buf);
	else if (n > 0)
		rc = ec_error("--fact %s=%s: no rule asks for the fact '%s' "
		    "(the rules ask for %s) (see ecocheck --help)", name, val,
		    name, hint.buf);
	else
		rc = ec_error("--fact %s=%s: no rule of the rule sets asks for "
		    "a fact (see ecocheck --help)", name, val);
	strbuf_release(&near);
	strbuf_release(&hint);
	return rc;
}
