/*
 * jobs.h: checking several repositories at once, in a pool of worker
 * processes (fork, no exec: the checks share nothing that could race,
 * and one that crashes takes no other down).
 *
 * The workers are forked once, after this process has loaded what every
 * check shares (the license corpus), and each checks one repository
 * after another as this process hands them out, in the order of the
 * repositories. A worker renders a repository's report into memory and
 * sends it back with its held diagnostics and its result
 * (result-wire.h); this process prints each repository's errors, then
 * its report, exactly as a run of one process prints them, as soon as
 * every repository before it has been printed: output never interleaves
 * and never depends on which check ends first, and a worker never waits
 * for its turn.
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
