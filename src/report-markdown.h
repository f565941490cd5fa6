/*
 * report-markdown.h: the Working Group's review table in GitHub-flavoured
 * Markdown, shared by the markdown and application formats, and the one
 * escaper of text from a repository into Markdown.
 */
#ifndef EC_REPORT_MARKDOWN_H
#define EC_REPORT_MARKDOWN_H

#include <stdio.h>

#include "finding.h"

struct strbuf;

/*
 * Append s as Markdown text that renders as itself: white space runs as
 * one space, control characters through the sanitiser (utf8.h), every
 * character Markdown or a table gives a meaning (| ` * _ [ ] < > ~ # ! &
 * \) escaped, and a start that would open a block (a list, a heading, a
 * quote) escaped too.
 */
void	 md_escape(struct strbuf *, const char *);
/* "3. Governance" (or "Requirement 3" when the rule set titles none). */
void	 md_criterion(struct strbuf *, const struct repo_result *, int);
/* The highest requirement number of the rule set or its rules. */
int	 md_max_requirement(const struct repo_result *);
/*
 * A rule's note, escaped: its message, the window of a count, and the
 * files and lines of its evidence the message does not name.
 */
void	 md_finding_note(struct strbuf *, const struct finding *);
/* The table "| Criterion | Status | Notes |", a row per requirement. */
void	 md_review_table(FILE *, const struct repo_result *);
/*
 * The same table with a column "Was" before Status, each row's status in
 * was (ecocheck diff): "| Criterion | Was | Status | Notes |"; the
 * notes are res's.
 */
void	 md_diff_table(FILE *, const struct repo_result *,
	    const struct repo_result *);

#endif
