/*
 * doc-tables.c: print, one name a line, what the man pages must document,
 * from the tables the program itself uses (for t0008; not installed):
 *
 *	doc-tables options	the long options of the check command
 *	doc-tables diff-options	the long options of the diff command
 *	doc-tables suggest-options	those of the suggest command
 *	doc-tables types	the rule types
 *	doc-tables keys		every key a rule may take (common and typed)
 *	doc-tables formats	the report formats, planned ones included
 *	doc-tables ids FILE...	the rule ids of rule set files, as read
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "command.h"
#include "keyspec.h"
#include "options.h"
#include "report.h"
#include "rules.h"
#include "ruleset.h"

static void	print_keys(const struct rule_key_spec *);
static int	print_ids(int, char **);

static void
print_keys(const struct rule_key_spec *k)
{
	for (; k->name != NULL; k++)
		printf("%s\n", k->name);
}

/* The ids of the rules of each file, read alone. */
static int
print_ids(int argc, char **argv)
{
	struct ruleset rs;
	size_t i;
	int a, rc;

	rc = 0;
	for (a = 0; a < argc; a++) {
		ruleset_init(&rs);
		if (ruleset_add_file(&rs, argv[a]) < 0)
			rc = 1;
		else
			for (i = 0; i < rs.nrules; i++)
				printf("%s\n", rs.rules[i]->id);
		ruleset_release(&rs);
	}
	return rc;
}

int
main(int argc, char **argv)
{
	const struct option_doc *o;
	const struct rule_type *const *t;
	const struct report_format *const *f;

	if (argc >= 2 && strcmp(argv[1], "ids") == 0)
		return print_ids(argc - 2, argv + 2);
	if (argc != 2)
		goto usage;
	if (strcmp(argv[1], "options") == 0) {
		for (o = option_docs; o->name != NULL; o++)
			printf("%s\n", o->name);
	} else if (strcmp(argv[1], "diff-options") == 0) {
		for (o = diff_option_docs; o->name != NULL; o++)
			printf("%s\n", o->name);
	} else if (strcmp(argv[1], "suggest-options") == 0) {
		for (o = suggest_option_docs; o->name != NULL; o++)
			printf("%s\n", o->name);
	} else if (strcmp(argv[1], "types") == 0) {
		for (t = rule_types; *t != NULL; t++)
			printf("%s\n", (*t)->name);
	} else if (strcmp(argv[1], "keys") == 0) {
		print_keys(rule_common_keys);
		for (t = rule_types; *t != NULL; t++)
			if ((*t)->keys != NULL)
				print_keys((*t)->keys);
	} else if (strcmp(argv[1], "formats") == 0) {
		for (f = report_formats; *f != NULL; f++)
			printf("%s\n", (*f)->name);
	} else
		goto usage;
	return 0;
usage:
	fprintf(stderr, "usage: doc-tables options|diff-options|suggest-options|types|keys|formats|ids FILE...\n");
	return 2;
}
