/*
 * command.c: what --help says of the commands, from the table of main.c
 * (command.h), so that a command added to the table is in every help;
 * and the usage errors of a mistyped command or option.
 */
#define _POSIX_C_SOURCE 200809L
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "nearest.h"
#include "strbuf.h"
#include "utf8.h"
#include "wrap.h"
#include "xalloc.h"

/* The width --help is laid out for. */
#define HELP_WIDTH	80

static void	 help_line(FILE *, const char *, size_t, const char *);
static void	 option_hint(const char *, const struct option_doc *,
		    const char *, struct strbuf *);

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
	char *text;

	if (command_table == NULL)
		return;
	fputs("\nCommands (ecocheck COMMAND --help for a command's own "
	    "options):\n", fp);
	for (c = command_table; c->name != NULL; c++) {
		text = xasprintf("%s%s", c->summary, c->run == NULL ?
		    " (not in this version yet)" : "");
		help_line(fp, c->name, 10, text);
		free(text);
	}
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
		help_line(fp, left, 26, o->help);
	}
}

/*
 * "  LEFT  TEXT" with LEFT padded to pad columns and TEXT wrapped under
 * itself at HELP_WIDTH: --help fits a terminal of 80 columns, whatever
 * the one it is printed on.
 */
static void
help_line(FILE *fp, const char *left, size_t pad, const char *text)
{
	struct strbuf sb = STRBUF_INIT;
	size_t col;

	strbuf_addf(&sb, "  %-*s ", (int)pad, left);
	col = sb.len;
	if (col > HELP_WIDTH / 2) {
		/* a left column too wide: the text on a line of its own */
		strbuf_addch(&sb, '\n');
		strbuf_addf(&sb, "%*s", (int)(pad + 3), "");
		col = pad + 3;
	}
	wrap_text(&sb, text, col, pad + 3, HELP_WIDTH);
	strbuf_addch(&sb, '\n');
	fputs(sb.buf, fp);
	strbuf_release(&sb);
}

int
command_mistyped(const char *arg)
{
	const struct command *c;
	struct strbuf sb = STRBUF_INIT, clean = STRBUF_INIT;
	struct nearest ne;
	struct stat st;
	int rc;

	/* An option, or a path there is (even one named "dif"), is no typo. */
	if (command_table == NULL || arg[0] == '-' || lstat(arg, &st) == 0 ||
	    errno != ENOENT)
		return 0;
	nearest_init(&ne, arg);
	for (c = command_table; c->name != NULL; c++)
		nearest_try(&ne, c->name);
	rc = nearest_add(&ne, &sb, "ecocheck ", "");
	if (rc) {
		strbuf_add_printable(&clean, arg, strlen(arg));
		fprintf(stderr, "ecocheck: %s: no such command or path, did "
		    "you mean %s? (see ecocheck --help)\n", clean.buf, sb.buf);
	}
	strbuf_release(&sb);
	strbuf_release(&clean);
	return rc;
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

/*
 * What to say of the unknown long option name (without its "--" and
 * "=VALUE"): the options it is a prefix of, when several (getopt_long()
 * takes a prefix of one), else the nearest, else that it is an option
 * of check alone when cmd is another command.
 */
static void
option_hint(const char *cmd, const struct option_doc *docs,
    const char *name, struct strbuf *sb)
{
	const struct option_doc *o;
	struct nearest ne;
	size_t len, n;

	len = strlen(name);
	for (n = 0, o = docs; len > 0 && o->name != NULL; o++)
		if (strncmp(o->name, name, len) == 0)
			strbuf_addf(sb, "%s--%s", n++ == 0 ?
			    ": ambiguous option, one of " : ", ", o->name);
	if (n > 1)
		return;
	strbuf_reset(sb);
	strbuf_addstr(sb, ": unknown option");
	nearest_init(&ne, name);
	for (o = docs; o->name != NULL; o++)
		nearest_try(&ne, o->name);
	strbuf_addstr(sb, ", did you mean ");
	if (nearest_add(&ne, sb, "--", "")) {
		strbuf_addch(sb, '?');
		return;
	}
	strbuf_setlen(sb, strlen(": unknown option"));
	for (o = option_docs; cmd != NULL && o->name != NULL; o++)
		if (strcmp(o->name, name) == 0) {
			strbuf_addstr(sb, ", an option of check only");
			return;
		}
}

int
command_bad_option(const char *cmd, const struct option_doc *docs, int c,
    char **argv)
{
	struct strbuf name = STRBUF_INIT, what = STRBUF_INIT;
	struct strbuf clean = STRBUF_INIT;
	const char *arg;

	/*
	 * getopt_long() names a short option in optopt and leaves optind
	 * on its cluster; a long one is the argument before optind.
	 */
	arg = optind > 0 ? argv[optind - 1] : "";
	if (strncmp(arg, "--", 2) == 0 && (c == ':' || optopt == 0))
		strbuf_add(&name, arg, strcspn(arg, "="));
	else if (optopt > 0 && optopt < 256)
		strbuf_addf(&name, "-%c", optopt);
	else
		strbuf_addstr(&name, arg);
	if (c == ':')
		strbuf_addstr(&what, ": needs a value");
	else if (strncmp(name.buf, "--", 2) == 0)
		option_hint(cmd, docs, name.buf + 2, &what);
	else
		strbuf_addstr(&what, ": unknown option");
	strbuf_add_printable(&clean, name.buf, name.len);
	fprintf(stderr, "ecocheck: %s%s%s%s (see ecocheck %s%s--help)\n",
	    cmd != NULL ? cmd : "", cmd != NULL ? ": " : "", clean.buf,
	    what.buf, cmd != NULL ? cmd : "", cmd != NULL ? " " : "");
	strbuf_release(&name);
	strbuf_release(&what);
	strbuf_release(&clean);
	return -1;
}
