/*
 * command.c: what --help says of the commands, from the table of main.c
 * (command.h), so that a command added to the table is in every help.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "command.h"
#include "strbuf.h"
#include "utf8.h"

const struct command *command_table;

void
commands_usage(FILE *fp)
{
	const struct command *c;

	for (c = command_table; c != NULL && c->name != NULL; c++)
		/* The first is the default: its name may be left out. */
		fprintf(fp, "%s ecocheck %s%s%s %s\n", c == command_table ?
		    "usage:" : "      ", c == command_table ? "[" : "",
		    c->name, c == command_table ? "]" : "",
		    c->args != NULL ? c->args : "...");
}

void
commands_list(FILE *fp)
{
	const struct command *c;

	if (command_table == NULL)
		return;
	fputs("\nCommands (ecocheck COMMAND --help for a command's own "
	    "options):\n", fp);
	for (c = command_table; c->name != NULL; c++)
		fprintf(fp, "  %-10s %s%s\n", c->name, c->summary,
		    c->run == NULL ? " (not in this version yet)" : "");
}

void
command_options(FILE *fp, const struct option_doc *docs)
{
	const struct option_doc *o;
	char left[64];

	for (o = docs; o->name != NULL; o++) {
		snprintf(left, sizeof(left), "%c%c%c --%s%s%s",
		    o->shortopt ? '-' : ' ', o->shortopt ? o->shortopt : ' ',
		    o->shortopt ? ',' : ' ', o->name, o->arg ? " " : "",
		    o->arg ? o->arg : "");
		fprintf(fp, "  %-26s %s\n", left, o->help);
	}
}

int
command_usage_error(const char *cmd, const char *what, const char *arg)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_add_printable(&sb, arg, strlen(arg));
	fprintf(stderr, "ecocheck: %s: %s%s (see ecocheck %s --help)\n", cmd,
	    what, sb.buf, cmd);
	strbuf_release(&sb);
	return -1;
}
