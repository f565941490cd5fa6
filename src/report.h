/*
 * report.h: findings to a format. Each format is one file report-<fmt>.c
 * defining a const struct report_format; report.c lists them once, and
 * the option parser and --help take the names from that table. Reports
 * read repo_result (finding.h) and know nothing of git.
 */
#ifndef EC_REPORT_H
#define EC_REPORT_H

#include <stddef.h>
#include <stdio.h>

#include "finding.h"

enum color {
	COLOR_AUTO,
	COLOR_ALWAYS,
	COLOR_NEVER
};

/* Widths of the text report: in a pipe, and the range of --width N. */
#define REPORT_WIDTH_PIPE	80
#define REPORT_WIDTH_MIN	20
#define REPORT_WIDTH_MAX	1000

/* What a report needs of the command line. */
struct report_opts {
	int	 quiet;		/* only failures */
	int	 strict;	/* unknown counts as a failure */
	int	 color;		/* colour the output (decided already) */
	int	 many;		/* several repositories may follow */
	int	 width;		/* columns of the text report, 0: no wrapping */
};

/*
 * A format: begin before the first repository, repo for each one (n is
 * its number, from 0; a repository that could not be checked is never
 * passed), end after the last with the results of every repository
 * checked, in order, those never passed to repo too (their status is
 * EXIT_TROUBLE; report_reported() counts the others), so that a report
 * across repositories can be a format. begin and end may be NULL; a
 * format with no repo function is planned and refused. With -j, repo
 * runs in the worker process that checked the repository, into memory
 * that the parent prints (so a hook decides nothing from its FILE: the
 * colour and the width come decided in report_opts), and end in the parent,
 * on results carried back as result-wire.h says: findings whole, but of
 * the rules only id, type, title, help, level and requirements.
 */
struct report_format {
	const char	*name;
	void		(*begin)(FILE *, const struct report_opts *);
	void		(*repo)(FILE *, const struct repo_result *,
			    const struct report_opts *, size_t);
	void		(*end)(FILE *, const struct report_opts *,
			    const struct repo_result *, size_t);
};

/* Every format, NULL-terminated, in the order --help lists them. */
extern const struct report_format *const report_formats[];

const struct report_format *report_format_find(const char *);
/* How many of n results were given to a format's repo function. */
size_t	 report_reported(const struct repo_result *, size_t);
/* Rules and the file:line each key came from (--list-rules). */
void	 report_list_rules(FILE *, const struct repo_result *);
/*
 * Whether evidence names a file of the repository, a place a report can
 * point at: history rules name commits and authors instead
 * (finding_evidence_other()).
 */
int	 report_evidence_is_file(const struct evidence *);
/* Whether to colour output on fp. */
int	 report_use_color(FILE *, enum color);
/*
 * The width of the text report on fp: the terminal's when fp is one
 * (COLUMNS when the terminal does not say), else 80.
 */
int	 report_width(FILE *);

#endif
