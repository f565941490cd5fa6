/*
 * report.h: findings to a format. Each format is one file report-<fmt>.c
 * walking the same repo_result; report.c holds the table and the exit
 * code, decided in one place.
 */
#ifndef EC_REPORT_H
#define EC_REPORT_H

#include <stdio.h>

#include "check.h"
#include "options.h"

struct report_format {
	const char	*name;
	void		(*repo)(FILE *, const struct repo_result *,
			    const struct options *);
};

extern const struct report_format report_text;
extern const struct report_format report_json;

const struct report_format *report_find(enum format);
void	 report_repo(FILE *, const struct repo_result *,
	    const struct options *);
/* 0, 1 or 2 for one repository's result (rc is check_repository's). */
int	 report_exit_code(int, const struct repo_result *,
	    const struct options *);
/* Rules and the file:line each key came from (--list-rules). */
void	 report_list_rules(FILE *, const struct repo_result *);
/* Whether to colour output on fp. */
int	 report_use_color(FILE *, const struct options *);

#endif
