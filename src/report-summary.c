/*
 * report-summary.c: the summary table of a text report of several
 * repositories (report-summary.h). The marks are letters, not the
 * Working Group's emoji, so that the columns line up on any terminal;
 * the repository comes last, so that a long path never moves them.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "finding.h"
#include "report-summary.h"
#include "report.h"
#include "ruleset.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

#define C_RESET		"\033[0m"
#define C_GREEN		"\033[32m"
#define C_RED		"\033[1;31m"
#define C_YELLOW	"\033[33m"
#define C_CYAN		"\033[36m"
#define C_DIM		"\033[2m"

/* A cell no rule of the requirement judged in that repository. */
#define NO_RULE		(-1)

static int	 max_requirement(const struct repo_result *, size_t, int *);
static void	 row_statuses(const struct repo_result *, int, int *);
static void	 put_mark(FILE *, const struct report_opts *, int);
static void	 put_row(FILE *, const struct report_opts *,
		    const struct repo_result *, int, int, int *);

/*
 * The highest requirement any rule of any checked repository names;
 * *other is set when some judged rule names none.
 */
static int
max_requirement(const struct repo_result *res, size_t n, int *other)
{
	const struct rule *r;
	size_t i, k, q;
	int max = 0;

	*other = 0;
	for (i = 0; i < n; i++)
		for (k = 0; k < res[i].nfindings; k++) {
			r = res[i].findings[k].rule;
			if (r->nreq == 0 &&
			    res[i].findings[k].result != RESULT_SKIP)
				*other = 1;
			for (q = 0; q < r->nreq; q++)
				if (r->req[q] > max)
					max = r->req[q];
		}
	return max;
}

/*
 * The status of each requirement 1..max of one repository, in st[1..max],
 * and of the rules that name none in st[0]: the worst of the rules that
 * name it (a rule naming two counts in both), NO_RULE when none judged.
 */
static void
row_statuses(const struct repo_result *res, int max, int *st)
{
	const struct finding *f;
	enum wg_status s;
	size_t k, q;
	int i;

	for (i = 0; i <= max; i++)
		st[i] = NO_RULE;
	for (k = 0; k < res->nfindings; k++) {
		f = &res->findings[k];
		s = finding_wg_status(f);
		if (s == WG_SKIP)
			continue;
		for (q = 0; q < f->rule->nreq; q++)
			if (f->rule->req[q] >= 1 && f->rule->req[q] <= max)
				st[f->rule->req[q]] = st[f->rule->req[q]] ==
				    NO_RULE ? (int)s : (int)wg_status_worse(
				    (enum wg_status)st[f->rule->req[q]], s);
		if (f->rule->nreq == 0)
			st[0] = st[0] == NO_RULE ? (int)s :
			    (int)wg_status_worse((enum wg_status)st[0], s);
	}
}

/* One cell, three columns wide. */
static void
put_mark(FILE *fp, const struct report_opts *ro, int st)
{
	static const struct {
		char		 mark;
		const char	*color;
	} marks[] = {
		[WG_PASS] = { 'P', C_GREEN },
		[WG_CAUTION] = { 'C', C_YELLOW },
		[WG_FAIL] = { 'F', C_RED },
		[WG_JUDGMENT] = { 'J', C_CYAN },
	};

	if (st == NO_RULE || st < 0 || st > WG_JUDGMENT)
		fprintf(fp, "  %s.%s", ro->color ? C_DIM : "",
		    ro->color ? C_RESET : "");
	else
		fprintf(fp, "  %s%c%s", ro->color ? marks[st].color : "",
		    marks[st].mark, ro->color ? C_RESET : "");
}

/* The row of one repository: its marks, or one line saying it failed. */
static void
put_row(FILE *fp, const struct report_opts *ro, const struct repo_result *res,
    int max, int other, int *st)
{
	struct strbuf clean = STRBUF_INIT;
	const char *what;
	int i, width;

	strbuf_add_printable(&clean, res->path, strlen(res->path));
	if (res->status == EXIT_TROUBLE) {
		/* Across the marks (3 columns each), as wide as they are. */
		width = 3 * (max + (other ? 1 : 0)) - 2;
		what = width >= 27 ? "error: could not be checked" : "error";
		fprintf(fp, "  %-*s", width, what);
	} else {
		row_statuses(res, max, st);
		for (i = 1; i <= max; i++)
			put_mark(fp, ro, st[i]);
		if (other)
			put_mark(fp, ro, st[0]);
	}
	fprintf(fp, "%6d  %s\n", res->status, clean.buf);
	strbuf_release(&clean);
}

void
report_summary(FILE *fp, const struct report_opts *ro,
    const struct repo_result *res, size_t n)
{
	size_t i, bad;
	int max, other, q, *st;

	max = max_requirement(res, n, &other);
	st = xcalloc((size_t)max + 1, sizeof(*st));
	for (i = bad = 0; i < n; i++)
		if (res[i].status == EXIT_TROUBLE)
			bad++;
	fprintf(fp, "\nsummary of %zu repositories", n);
	if (bad > 0)
		fprintf(fp, " (%zu could not be checked)", bad);
	fputs(": one column a requirement\n", fp);
	for (q = 1; q <= max; q++)
		fprintf(fp, "%3d", q);
	if (other)
		fputs("  o", fp);
	fputs("  exit  repository\n", fp);
	for (i = 0; i < n; i++)
		put_row(fp, ro, &res[i], max, other, st);
	fputs("P pass, C caution, F fail, J needs human judgment, . no rule "
	    "judged", fp);
	fputs(other ? "; o other checks\n" : "\n", fp);
	free(st);
}
