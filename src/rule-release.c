/*
 * rule-release.c: the "release" rule type: the project tagged a release
 * in the days before the date checked, as CLOMonitor's recent_release
 * asks (it reads GitHub's releases; a checkout has their tags). The
 * newest tag whose name holds a digit counts (tags.h). A clone without
 * tags (a shallow CI checkout) cannot tell: no tag at all is unknown,
 * never a failure.
 */
#include "config.h"

#include <stdint.h>

#include "ctx.h"
#include "finding.h"
#include "rules.h"
#include "ruleset.h"
#include "tags.h"
#include "timeutil.h"

static int	 release_check(const struct rule *, struct check_ctx *,
		    struct finding *);

static const struct rule_key_spec release_keys[] = {
	{ "max_days", KEY_INT, .flags = KEYF_REPO, .min = 1, .max = 36500,
	    .doc = "days before the date checked the newest release tag may "
	    "be (default 365)" },
	{ .name = NULL }
};

const struct rule_type rule_release = {
	.name = "release",
	.summary = "a release was tagged recently",
	.keys = release_keys,
	.flags = RULE_HISTORY,
	.check = release_check,
};

static int
release_check(const struct rule *r, struct check_ctx *ctx, struct finding *f)
{
	struct tags_newest tn;
	char date[32], asof[32];
	long long max_days;
	int64_t age;

	if (ctx_newest_tag(ctx, &tn) == -1)
		return -1;
	max_days = rule_int(r, "max_days", 365);
	time_format_date(ctx_as_of(ctx), asof, sizeof(asof));
	if (tn.name == NULL) {
		finding_result(f, RESULT_UNKNOWN, "no release tag%s in this "
		    "clone before %s (a clone made without its tags cannot "
		    "tell): a person should look at the project's releases",
		    tn.nunread > 0 ? " that can be read" : "", asof);
		finding_fix(f, "tag each release (git tag -a v1.2.0) and push "
		    "the tags, or fetch them (git fetch --tags)");
		tags_newest_release(&tn);
		return 0;
	}
	time_format_date(tn.when, date, sizeof(date));
	age = (ctx_as_of(ctx) - tn.when) / 86400;
	finding_value(f, (long long)age);
	finding_evidence_other(f, tn.name, "the newest release tag");
	if (age <= max_days)
		finding_result(f, RESULT_PASS, "%s, tagged on %s, %lld day%s "
		    "before %s (%zu release tag%s)", tn.name, date,
		    (long long)age, age == 1 ? "" : "s", asof, tn.ntags,
		    tn.ntags == 1 ? "" : "s");
	else {
		finding_result(f, RESULT_FAIL, "the newest release tag, %s, "
		    "was made on %s, %lld days before %s: more than %lld",
		    tn.name, date, (long long)age, asof, max_days);
		finding_fix(f, "release at least once every %lld days, and tag "
		    "the release", max_days);
	}
	if (tn.capped)
		finding_detail(f, "only the first %d tags were read", TAGS_MAX);
	tags_newest_release(&tn);
	return 0;
}
