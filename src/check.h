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

#include <stdint.h>

#include "error.h"
#include "finding.h"
#include "strbuf.h"

struct check;
struct git_oid;
struct git_repository;
struct tree;

/*
 * What a check is asked for, filled by the command that runs it (the
 * check command from its options); check.c reads nothing else of it.
 * The vectors are borrowed, and must outlive the check.
 */
struct check_opts {
	const struct strvec	*rules;		/* names and files, in order */
	const struct strvec	*sets;		/* RULE.KEY=VAL */
	const struct strvec	*facts;		/* NAME=VAL */
	const char		*rev;		/* the commit to read, or NULL */
	int			 staged;	/* the index, not the worktree */
	/*
	 * With staged: 0 judges HEAD's tree too and decides by what the
	 * index makes worse (baseline.h; res->baseline); 1 judges the index
	 * alone. With baseline_all every rule is judged at HEAD, else only
	 * those the index does not pass (all a text report shows).
	 */
	int			 absolute;
	int			 baseline_all;
	int			 no_repo_config; /* no .ecocheck.ini */
	/*
	 * Refuse a git directory or alternates outside the folder given
	 * (--each, --no-repo-config: a reviewer's folder of submissions).
	 */
	const char		*confine;	/* the option, or NULL */
	const char		*confine_to;	/* --each's folder, or NULL */
	int			 strict;	/* unknown counts as failure */
	int			 as_of_head;	/* as of HEAD's date */
	int			 has_as_of;	/* as of as_of */
	int64_t			 as_of;
	/*
	 * Where the check's diagnostics go (error.h), its arg; NULL:
	 * stderr. Each check has a sink of its own on it, with its own cap.
	 */
	ec_emit_fn		*emit;
	void			*emit_arg;
};

/*
 * Once per process, after git_libgit2_init(): libgit2's search paths for
 * the global and system configuration (one that cannot be read is
 * skipped with a warning, as git skips it).
 */
void	 check_setup(void);

/*
 * Fill res (its path, head, rule set, window) and *out; 0, or -1 when
 * nothing can be judged (an error was printed, res->status is
 * EXIT_TROUBLE). Free *out with check_close() whatever the result.
 */
int	 check_open(const struct check_opts *, const char *, struct check **,
	    struct repo_result *);
/* Run and judge every rule; 0, or -1 when the repository could not be
 * read (res->status is EXIT_TROUBLE). */
int	 check_run(struct check *, struct repo_result *);
/*
 * The check's sink: current while check_open(), check_run() and
 * check_close() work, so every error of its repository goes there; a
 * command may cap it or tell its own errors of that repository to it.
 */
struct ec_sink	*check_sink(struct check *);
/*
 * What check_open() opened, for a command that reads more of the
 * repository than the rules do (ecocheck suggest): the repository, the
 * tree source, and the commit whose history counts (NULL: none). They
 * live until check_close().
 */
struct git_repository	*check_repository(const struct check *);
const struct tree	*check_tree(const struct check *);
const struct git_oid	*check_head(const struct check *);
void	 check_close(struct check *);

#endif
