/*
 * jobs.h: checking several repositories at once, each in a process of
 * its own (fork, no exec: the checks share nothing that could race, and
 * one that crashes takes no other down).
 *
 * The first repository is checked in this process, beside the first
 * children, so that what a check loads once (the license corpus) is
 * loaded already in every child started after it.
 *
 * Every child checks its repository with its diagnostics held back, then
 * waits for its turn: the parent lets the children print one after the
 * other in the order of the repositories (each one's errors, then its
 * report, exactly as a run of one process prints them), so output never
 * interleaves and never depends on which check ends first. After
 * printing, a child sends its result back (result-wire.h) for the
 * format's end hook.
 */
#ifndef EC_JOBS_H
#define EC_JOBS_H

#include <stddef.h>

#include "check.h"
#include "finding.h"
#include "progress.h"
#include "report.h"
#include "strbuf.h"

struct jobs_run {
	const struct report_format	*format;
	const struct report_opts	*ro;
	const struct check_opts		*co;
	const struct strvec		*paths;
	struct repo_result		*res;	/* paths->n, filled here */
	int				 jobs;	/* checks at a time, > 1 */
	struct progress			*progress;
};

/*
 * Check and report every path, with at most run->jobs checks at a time;
 * the worst exit status. The caller calls the format's begin and end.
 */
int	 jobs_check(const struct jobs_run *);

#endif
