/*
 * check.h: the driver: open a repository and load its rules, then run
 * them on its tree and judge every finding.
 *
 * check_open() opens the repository a path names, chooses the tree
 * source (--staged, --rev, or the working tree; a bare repository's
 * HEAD), assembles the rule set with its overrides and sets the history
 * window. check_run() runs the rules on that tree into the repository's
 * result. The two are apart so that a command can check two trees of
 * one repository.
 */
#ifndef EC_CHECK_H
#define EC_CHECK_H

#include "finding.h"
#include "options.h"

struct check;

/*
 * Fill res (its path, head, rule set, window) and *out; 0, or -1 when
 * nothing can be judged (an error was printed, res->status is
 * EXIT_TROUBLE). Free *out with check_close() whatever the result.
 */
int	 check_open(const struct options *, const char *, struct check **,
	    struct repo_result *);
/* Run and judge every rule; 0, or -1 when the repository could not be
 * read (res->status is EXIT_TROUBLE). */
int	 check_run(struct check *, struct repo_result *);
void	 check_close(struct check *);

#endif
