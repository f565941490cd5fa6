/*
 * check.h: checking one repository: open it, choose the tree source,
 * assemble the rule set with its overrides, run every rule.
 */
#ifndef EC_CHECK_H
#define EC_CHECK_H

#include <stdint.h>

#include "options.h"
#include "rules.h"
#include "ruleset.h"

struct repo_result {
	char		*path;		/* as given */
	char		*abspath;	/* the repository's root (or git dir) */
	const char	*source;	/* worktree, index, commit */
	int		 has_head;
	char		 head[GIT_OID_HEXSZ + 1];
	int		 bare;
	int		 shallow;
	int		 empty;
	struct ruleset	 rs;
	int64_t		 as_of;
	int64_t		 start;
	int		 days;
	struct finding	*findings;
	size_t		 nfindings;
	int		 counts[4];	/* by enum result */
	int		 errors_failed;
	int		 unknown_failed;	/* unknown, counted by --strict */
};

/* 0 when judged; -1 when nothing could be judged (error printed). */
int	 check_repository(const struct options *, const char *,
	    struct repo_result *);
void	 repo_result_release(struct repo_result *);

#endif
