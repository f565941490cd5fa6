/* rules.c: the table of rule types and the keys every rule has */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "keyspec.h"
#include "rules.h"

extern const struct rule_type rule_binary_artifacts;
extern const struct rule_type rule_ci;
extern const struct rule_type rule_codeowners;
extern const struct rule_type rule_commits;
extern const struct rule_type rule_contains;
extern const struct rule_type rule_contributors;
extern const struct rule_type rule_fact;
extern const struct rule_type rule_file;
extern const struct rule_type rule_license;
extern const struct rule_type rule_links;
extern const struct rule_type rule_maintainers;
extern const struct rule_type rule_python_dependency;
extern const struct rule_type rule_python_package;
extern const struct rule_type rule_release;
extern const struct rule_type rule_sections;
extern const struct rule_type rule_tests;
extern const struct rule_type rule_workflows;

/* Every rule type, alphabetical; unknown-type messages list this. */
const struct rule_type *const rule_types[] = {
	&rule_binary_artifacts,
	&rule_ci,
	&rule_codeowners,
	&rule_commits,
	&rule_contains,
	&rule_contributors,
	&rule_fact,
	&rule_file,
	&rule_license,
	&rule_links,
	&rule_maintainers,
	&rule_python_dependency,
	&rule_python_package,
	&rule_release,
	&rule_sections,
	&rule_tests,
	&rule_workflows,
	NULL
};

/*
 * Keys every rule takes, whatever its type. A repository's config may
 * change only the level of a rule of an earlier layer, and exempt it
 * (with a reason, until a date); alternative, hint and veto name other
 * rules of the set.
 */
const struct rule_key_spec rule_common_keys[] = {
	{ "type", KEY_STRING, .flags = KEYF_REQUIRED, .doc = "the rule type" },
	{ "level", KEY_ENUM, .flags = KEYF_REPO,
	    .choices = "error|warning|info|off",
	    .doc = "how much a failure matters" },
	{ "title", KEY_TEXT, .doc = "one line saying what is checked" },
	{ "help", KEY_TEXT, .doc = "how to fix a failure" },
	{ "requirement", KEY_INTS, .min = 1, .max = 999,
	    .doc = "requirement numbers" },
	{ RULE_KEY_ALTERNATIVE, KEY_WORDS, .flags = KEYF_RULE,
	    .doc = "rules whose pass makes this one pass" },
	{ "report", KEY_BOOL, .doc = "no: only an alternative, not reported" },
	{ RULE_KEY_HINT, KEY_WORDS, .flags = KEYF_RULE,
	    .doc = "rules whose pass is named in a failure" },
	{ RULE_KEY_VETO, KEY_WORDS, .flags = KEYF_RULE,
	    .doc = "rules whose failure makes this one fail" },
	{ RULE_KEY_NOTE, KEY_WORDS, .flags = KEYF_RULE,
	    .doc = "rules whose finding this one's message also tells" },
	{ RULE_KEY_EXEMPT, KEY_TEXT, .flags = KEYF_REPO,
	    .doc = "why the rule is not judged: it is skipped" },
	{ RULE_KEY_UNTIL, KEY_STRING, .flags = KEYF_REPO,
	    .doc = "YYYY-MM-DD: the last day the exemption holds" },
	{ .name = NULL }
};

const struct rule_type *
rule_type_find(const char *name)
{
	size_t i;

	for (i = 0; rule_types[i] != NULL; i++)
		if (strcmp(rule_types[i]->name, name) == 0)
			return rule_types[i];
	return NULL;
}

const struct rule_key_spec *
rule_key_spec_find(const struct rule_type *t, const char *name)
{
	const struct rule_key_spec *s;

	if ((s = keyspec_find(rule_common_keys, name)) != NULL)
		return s;
	return t != NULL ? keyspec_find(t->keys, name) : NULL;
}
