/* rules.c: the table of rule types and the keys every rule has */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "rules.h"

extern const struct rule_type rule_commits;
extern const struct rule_type rule_contains;
extern const struct rule_type rule_contributors;
extern const struct rule_type rule_fact;
extern const struct rule_type rule_file;
extern const struct rule_type rule_sections;

/* Every rule type, alphabetical; unknown-type messages list this. */
const struct rule_type *const rule_types[] = {
	&rule_commits,
	&rule_contains,
	&rule_contributors,
	&rule_fact,
	&rule_file,
	&rule_sections,
	NULL
};

/* Keys every rule takes, whatever its type. */
const struct rule_key_spec rule_common_keys[] = {
	{ "type", KEY_STRING, NULL, "the rule type" },
	{ "level", KEY_ENUM, "error|warning|info|off",
	    "how much a failure matters" },
	{ "title", KEY_TEXT, NULL, "one line saying what is checked" },
	{ "help", KEY_TEXT, NULL, "how to fix a failure" },
	{ "requirement", KEY_WORDS, NULL, "requirement numbers" },
	{ "alternative", KEY_WORDS, NULL, "rules whose pass makes this one pass" },
	{ "report", KEY_BOOL, NULL, "no: only an alternative, not reported" },
	{ "hint", KEY_WORDS, NULL, "rules whose pass is named in a failure" },
	{ NULL, 0, NULL, NULL }
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

	for (s = rule_common_keys; s->name != NULL; s++)
		if (strcmp(s->name, name) == 0)
			return s;
	for (s = t->keys; s != NULL && s->name != NULL; s++)
		if (strcmp(s->name, name) == 0)
			return s;
	return NULL;
}
