/*
 * error.h: one way to say where and what.
 *
 * Every diagnostic is one line "ecocheck: [file[:line]: ]text". Library
 * code prints with ec_error() and returns -1; only the command layer
 * decides the exit code.
 *
 * Lines go to the current sink (as git fsck's error_func, mandoc's
 * mandoc_msg_setoutfile): a place to put them and its own cap on the
 * errors told. Before any check exists (options, the command's own
 * errors) that is the process's sink, on stderr; a check enters its own
 * while it works (check.h), so that two checks, of two repositories or
 * two revisions, never share a cap nor interleave their lines.
 */
#ifndef EC_ERROR_H
#define EC_ERROR_H

#include <stddef.h>

/* Take one whole line, its newline included, for arg. */
typedef void	 ec_emit_fn(void *, const char *, size_t);

struct ec_sink {
	ec_emit_fn	*emit;
	void		*arg;
	int		 cap_left;	/* errors that may still be told; -1: any */
	int		 cap_held;	/* errors the cap held back */
};

int	 ec_error(const char *, ...) __attribute__((format(printf, 1, 2)));
int	 ec_error_at(const char *, int, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
void	 ec_warn(const char *, ...) __attribute__((format(printf, 1, 2)));
/*
 * From now on let the current sink tell at most max errors (max < 0:
 * all) and count the others; returns how many its previous cap held
 * back. Warnings are never held.
 */
int	 ec_error_cap(int);
/*
 * Tell lines another sink took (each with its newline, as ec_emit_fn
 * gets them) again to the current sink, each counted as an error.
 */
void	 ec_error_lines(const char *, size_t);
/* The message of the last libgit2 error, never NULL. */
const char *ec_git_error(void);

/*
 * A sink with no cap that hands each line to emit(arg, ...); emit NULL
 * writes to stderr, as the process's sink does.
 */
void	 ec_sink_init(struct ec_sink *, ec_emit_fn *, void *);
/* An emit_fn appending to the struct strbuf its arg points at. */
void	 ec_emit_strbuf(void *, const char *, size_t);
/* ec_error_cap() on a sink that need not be current. */
int	 ec_sink_cap(struct ec_sink *, int);
/*
 * Make sink current in this thread until ec_sink_leave() is given what
 * ec_sink_enter() returned (the sink it replaced). Enters nest.
 */
struct ec_sink *ec_sink_enter(struct ec_sink *);
void	 ec_sink_leave(struct ec_sink *);

#endif
