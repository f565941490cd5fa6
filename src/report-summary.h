/*
 * report-summary.h: the table that ends a text report of several
 * repositories: one row a repository, one column a requirement, one
 * mark a cell (the Working Group status of the requirement's worst
 * rule), and each repository's exit status.
 */
#ifndef EC_REPORT_SUMMARY_H
#define EC_REPORT_SUMMARY_H

#include <stddef.h>
#include <stdio.h>

#include "finding.h"
#include "report.h"

void	 report_summary(FILE *, const struct report_opts *,
	    const struct repo_result *, size_t);

#endif
