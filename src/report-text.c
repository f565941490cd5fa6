/*
 * report-text.c: the default report, for people: rules grouped by
 * requirement, one line each with status, message, evidence and fix,
 * and a summary line. Colour only on a terminal (or --color=always).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "finding.h"
#include "report-summary.h"
#include "report.h"
#include "rules.h"
#include "strbuf.h"
#include "timeutil.h"
#include "utf8.h"

struct style;

static void	 text_repo(FILE *, const struct repo_result *,
		    const struct report_opts *, size_t);
static void	 text_end(FILE *, const struct report_opts *,
		    const struct repo_result *, size_t);
static void	 group_header(FILE *, struct style *,
		    const struct repo_result *, int, int);

const struct report_format report_text = {
	.name = "text",
	.repo = text_repo,
	.end = text_end,
};

#define C_RESET		"\033[0m"
#define C_GREEN		"\033[32m"
#define C_RED		"\033[1;31m"
#define C_YELLOW	"\033[33m"
#define C_DIM		"\033[2m"
#define C_BOLD		"\033[1m"

struct style {
	int		color;
	struct strbuf	clean[4];	/* sanitised copies, one per slot */
};

/*
 * Text from the repository (file names, author names, headings) must not
 * drive the terminal: control characters become '?', invalid UTF-8
 * becomes U+FFFD. Returns the cleaned copy held in slot i of st.
 */
static const char *
clean(struct style *st, int i, const char *s)
{
	strbuf_reset(&st->clean[i]);
	if (s != NULL)
		strbuf_add_printable(&st->clean[i], s, strlen(s));
	return st->clean[i].buf;
}

static const char *
status_word(const struct finding *f, const char **color)
{
	switch (f->result) {
	case RESULT_PASS:
		*color = C_GREEN;
		return "PASS";
	case RESULT_FAIL:
		if (f->level == LEVEL_ERROR) {
			*color = C_RED;
			return "FAIL";
		}
		*color = C_YELLOW;
		return f->level == LEVEL_WARNING ? "WARN" : "INFO";
	case RESULT_UNKNOWN:
		*color = C_YELLOW;
		return "????";
	case RESULT_SKIP:
	default:
		*color = C_DIM;
		return "SKIP";
	}
}

static void
text_finding(FILE *fp, const struct finding *f, struct style *st)
{
	const char *word, *color;
	size_t i;

	word = status_word(f, &color);
	if (st->color)
		fprintf(fp, "  %s%s%s  %-22s %s\n", color, word, C_RESET,
		    clean(st, 0, f->rule->id), clean(st, 1, f->message));
	else
		fprintf(fp, "  %s  %-22s %s\n", word,
		    clean(st, 0, f->rule->id), clean(st, 1, f->message));
	for (i = 0; i < f->details.n; i++)
		fprintf(fp, "%30s%s\n", "", clean(st, 0, f->details.v[i]));
	for (i = 0; i < f->nchanges; i++) {
		strbuf_reset(&st->clean[2]);
		finding_change_say(&st->clean[2], &f->changes[i]);
		fprintf(fp, "%30s%s\n", "", clean(st, 0, st->clean[2].buf));
	}
	/* Details (a window, top authors) already say what evidence would. */
	if (f->result != RESULT_PASS && f->result != RESULT_SKIP &&
	    f->details.n == 0)
		for (i = 0; i < f->nev && i < 5; i++) {
			if (f->ev[i].line > 0)
				fprintf(fp, "%30sat %s:%d\n", "",
				    clean(st, 0, f->ev[i].path), f->ev[i].line);
			else
				fprintf(fp, "%30sat %s\n", "",
				    clean(st, 0, f->ev[i].path));
		}
	if (f->fix != NULL && f->result != RESULT_PASS &&
	    f->result != RESULT_SKIP)
		fprintf(fp, "%30sfix: %s\n", "", clean(st, 0, f->fix));
}

static int
shown(const struct finding *f, const struct report_opts *o)
{
	if (!o->quiet)
		return 1;
	return f->result == RESULT_FAIL ||
	    (o->strict && f->result == RESULT_UNKNOWN);
}

/*
 * A group's header: "3 Governance" when the rule set titles requirement
 * req, "requirement 3" when it does not; "other checks" after them.
 */
static void
group_header(FILE *fp, struct style *st, const struct repo_result *res,
    int req, int maxreq)
{
	const char *title;

	if (req > maxreq) {
		if (maxreq > 0)
			fputs("other checks\n", fp);
		return;
	}
	title = ruleset_requirement_title(&res->rs, req);
	if (title != NULL)
		fprintf(fp, "%s%d %s%s\n", st->color ? C_BOLD : "", req,
		    clean(st, 0, title), st->color ? C_RESET : "");
	else
		fprintf(fp, "requirement %d\n", req);
}

static int
first_req(const struct finding *f)
{
	return f->rule->nreq > 0 ? f->rule->req[0] : 0;
}

static void
text_repo(FILE *fp, const struct repo_result *res,
    const struct report_opts *o, size_t n)
{
	struct style st;
	const struct finding *f;
	char date[16];
	size_t i;
	int req, maxreq, printed;

	memset(&st, 0, sizeof(st));
	for (i = 0; i < sizeof(st.clean) / sizeof(st.clean[0]); i++)
		strbuf_init(&st.clean[i]);
	st.color = o->color;
	time_format_date(res->as_of, date, sizeof(date));
	fprintf(fp, "%s%s%s: %s%s%.12s, rule set %s, as of %s\n",
	    st.color ? C_BOLD : "", clean(&st, 0, res->abspath),
	    st.color ? C_RESET : "", res->source,
	    res->has_head ? " at " : ", no commits",
	    res->has_head ? res->head : "", clean(&st, 1, res->rs.name), date);
	maxreq = 0;
	for (i = 0; i < res->nfindings; i++)
		if (first_req(&res->findings[i]) > maxreq)
			maxreq = first_req(&res->findings[i]);
	/* Requirements in order, then the rules that have none. */
	for (req = 1; req <= maxreq + 1; req++) {
		printed = 0;
		for (i = 0; i < res->nfindings; i++) {
			f = &res->findings[i];
			if ((req <= maxreq ? first_req(f) != req :
			    first_req(f) != 0) || !shown(f, o))
				continue;
			if (!printed) {
				group_header(fp, &st, res, req, maxreq);
				printed = 1;
			}
			text_finding(fp, f, &st);
		}
	}
	fprintf(fp, "%d pass, %d fail, %d unknown, %d skip",
	    res->counts[RESULT_PASS], res->counts[RESULT_FAIL],
	    res->counts[RESULT_UNKNOWN], res->counts[RESULT_SKIP]);
	if (res->errors_failed > 0)
		fprintf(fp, " (%d at level error)", res->errors_failed);
	fputc('\n', fp);
	for (i = 0; i < sizeof(st.clean) / sizeof(st.clean[0]); i++)
		strbuf_release(&st.clean[i]);
}

/* Several repositories end with the table of them all (report-summary.c). */
static void
text_end(FILE *fp, const struct report_opts *o,
    const struct repo_result *res, size_t n)
{
	if (o->many && n > 0)
		report_summary(fp, o, res, n);
}
