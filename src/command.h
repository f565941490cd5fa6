/*
 * command.h: the commands of ecocheck(1). Each is one file cmd-<name>.c
 * with a function taking the command's own arguments (argv[0] is the
 * command) and returning the exit status; main.c lists them.
 */
#ifndef EC_COMMAND_H
#define EC_COMMAND_H

struct command {
	const char	*name;
	const char	*summary;
	int		(*run)(int, char **);	/* NULL: planned, refused */
};

extern const struct command commands[];

int	 cmd_check(int, char **);
int	 cmd_suggest(int, char **);

#endif
