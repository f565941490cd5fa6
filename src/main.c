/*
 * main.c: ecocheck's entry point: the table of commands. A first
 * argument that names a command runs it with the arguments after it;
 * anything else runs the default command, check.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "command.h"
#include "finding.h"

/* Every command; the first is the default. */
const struct command commands[] = {
	{ "check", "check repositories against rules (the default)",
	    cmd_check, "[OPTION]... [PATH]..." },
	{ "suggest", "print a draft CODEOWNERS, GOVERNANCE.md or "
	    "MAINTAINERS.md", cmd_suggest,
	    "[OPTION]... codeowners|governance|maintainers [PATH]" },
	{ "diff", "what changed status between two reports or revisions",
	    cmd_diff, "[OPTION]... OLD NEW [PATH]" },
	{ NULL, NULL, NULL, NULL }
};

int
main(int argc, char **argv)
{
	const struct command *c;

	command_table = commands;
	for (c = commands; argc > 1 && c->name != NULL; c++)
		if (strcmp(argv[1], c->name) == 0)
			break;
	if (argc > 1 && c->name != NULL) {
		argc--;
		argv++;
	} else if (argc > 1 && command_mistyped(argv[1]))
		return EXIT_TROUBLE;
	else
		c = commands;
	if (c->run == NULL) {
		fprintf(stderr, "ecocheck: ecocheck %s is not available in "
		    "this version yet (see ecocheck --help)\n", c->name);
		return EXIT_TROUBLE;
	}
	return c->run(argc, argv);
}
