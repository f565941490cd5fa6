/*
 * report-read.h: a saved JSON report (ecocheck --format json, schema 1)
 * read back into a repo_result, so that ecocheck diff can compare a
 * review saved months ago with today's. The document is parsed by
 * jansson; what is read is what the comparison and the formats of diff
 * need: the repository (path, source, head), the rule set's name and
 * requirement titles, the window, and every result (rule id, type,
 * requirements, level, result, judgment, message, evidence, details,
 * fix, value, minimum, what the repository changed, the exemption). Each result gets
 * a rule of its own holding only id, type, level and requirements, as
 * result-wire.c rebuilds them for -j; a type this version does not know
 * is kept as a type of that name with no flags.
 */
#ifndef EC_REPORT_READ_H
#define EC_REPORT_READ_H

#include <stddef.h>

#include "finding.h"

/*
 * Fill res, made with repo_result_init(), from the report in file: 0, or
 * -1 with one error printed ("FILE:LINE:COLUMN: ..." for JSON that does
 * not parse, "FILE: a report of schema 2; ..." for another schema) and
 * res released and made anew.
 */
int	 report_read_file(struct repo_result *, const char *);
/* The same from len bytes at buf, name naming them in errors. */
int	 report_read_buffer(struct repo_result *, const char *, const char *,
	    size_t);

#endif
