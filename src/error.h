/*
 * error.h: one way to say where and what.
 *
 * Every diagnostic goes to stderr as "ecocheck: [file[:line]: ]text".
 * Library code prints with ec_error() and returns -1; only the command
 * layer decides the exit code.
 */
#ifndef EC_ERROR_H
#define EC_ERROR_H

int	 ec_error(const char *, ...) __attribute__((format(printf, 1, 2)));
int	 ec_error_at(const char *, int, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
void	 ec_warn(const char *, ...) __attribute__((format(printf, 1, 2)));
/*
 * From now on print at most max errors (max < 0: all) and count the
 * others; returns how many the previous cap held back.
 */
int	 ec_error_cap(int);
/* The message of the last libgit2 error, never NULL. */
const char *ec_git_error(void);

#endif
