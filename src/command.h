/*
 * command.h: the commands of ecocheck(1). Each is one file cmd-<name>.c
 * with a function taking the command's own arguments (argv[0] is the
 * command) and returning the exit status; main.c lists them.
 */
#ifndef EC_COMMAND_H
#define EC_COMMAND_H

#include <stdio.h>

#include "options.h"

struct command {
	const char	*name;
	const char	*summary;
	int		(*run)(int, char **);	/* NULL: planned, refused */
	const char	*args;		/* its synopsis after the name */
};

extern const struct command commands[];
/*
 * The table every command's --help prints: main() hands commands[] over,
 * since main.c is outside the library (a unit test has none).
 */
extern const struct command *command_table;

/* "usage: ecocheck ..." a line per command, from the table. */
void	 commands_usage(FILE *);
/* "Commands:" and a line per command with its summary. */
void	 commands_list(FILE *);
/* A command's options, a line each: "  -f, --format FMT   what it does". */
void	 command_options(FILE *, const struct option_doc *);
/*
 * "ecocheck: CMD: WHAT ARG (see ecocheck CMD --help)" on stderr, ARG
 * sanitised; returns -1.
 */
int	 command_usage_error(const char *, const char *, const char *);
/*
 * Whether arg, the first argument, is a command mistyped: no option, no
 * path there is, and near a command's name. Then the usage error is
 * printed ("ecocheck: dif: no such command or path, did you mean
 * ecocheck diff?") and 1 returned, else 0.
 */
int	 command_mistyped(const char *);
/*
 * The usage error of the option getopt_long() refused with c ('?' or
 * ':'), one line: "ecocheck: CMD: --frmat: unknown option, did you mean
 * --format? (see ecocheck CMD --help)", the command's options docs the
 * names to suggest; CMD NULL for check. Returns -1.
 */
int	 command_bad_option(const char *, const struct option_doc *, int,
	    char **);

int	 cmd_check(int, char **);
int	 cmd_suggest(int, char **);
/* The options of suggest, for its --help and the man page test. */
extern const struct option_doc suggest_option_docs[];
int	 cmd_diff(int, char **);
/* The options of diff, for its --help and the man page test. */
extern const struct option_doc diff_option_docs[];

#endif
