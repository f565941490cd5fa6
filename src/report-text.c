/*
 * report-text.c: the default report, for people: rules grouped by
 * requirement, one entry each with status, message, evidence and fix,
 * and a summary line naming the rules that failed. Laid out for the
 * width report_opts gives (the terminal's, 80 in a pipe): wrapped at
 * spaces under the message, long lists in messages cut (the JSON keeps
 * them whole). Colour only on a terminal (or --color=always).
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
#include "wrap.h"

struct style;

static void	 text_repo(FILE *, const struct repo_result *,
		    const struct report_opts *, size_t);
static void	 text_end(FILE *, const struct report_opts *,
		    const struct repo_result *, size_t);
static void	 repo_header(FILE *, struct style *, const struct repo_result *);
static void	 repo_outside(FILE *, struct style *,
		    const struct repo_result *);
static void	 group_header(FILE *, struct style *,
		    const struct repo_result *, int, int);
static void	 summary_line(FILE *, struct style *, const struct repo_result *,
		    const struct report_opts *);
static size_t	 detail_hang(const char *);
static void	 put_wrapped(FILE *, struct style *, size_t, size_t,
		    const char *);

const struct report_format report_text = {
	.name = "text",
	.repo = text_repo,
	.end = text_end,
};

#define C_RESET		"\033[0m"
#define C_GREEN		"\033[32m"
#define C_RED		"\033[1;31m"
#define C_YELLOW	"\033[33m"
#define C_CYAN		"\033[36m"
#define C_DIM		"\033[2m"
#define C_BOLD		"\033[1m"

/*
 * The columns of an entry: "  FAIL  rule-id" (the id padded to 22), the
 * message from column 31, what follows it (details, evidence, the fix)
 * from column 30. Below 60 columns that leaves too little room: the
 * message goes on the line below the id, at column 8 like the rest.
 */
#define ID_WIDTH	22
#define MSG_COL		31
#define SUB_COL		30
#define NARROW_COL	8
#define NARROW_BELOW	60

/* Lists of more items than LIST_MAX keep LIST_KEEP: "... and N more". */
#define LIST_MAX	6
#define LIST_KEEP	4
/* The evidence lines of one finding, at most. */
#define EVIDENCE_MAX	5

struct style {
	int		color;
	size_t		width;		/* 0: no wrapping, no cutting */
	size_t		msg_col;
	size_t		sub_col;
	struct strbuf	clean[4];	/* sanitised copies, one per slot */
	struct strbuf	out;		/* the lines being laid out */
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

/*
 * The word scripts may grep for, and its colour: UNKN (unknown) in
 * another colour than WARN, so that "cannot be known here" is never
 * read as "a Caution found".
 */
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
		*color = C_CYAN;
		return "UNKN";
	case RESULT_SKIP:
	default:
		*color = C_DIM;
		return "SKIP";
	}
}

/* Text already clean, from column col, further lines at indent. */
static void
put_wrapped(FILE *fp, struct style *st, size_t col, size_t indent,
    const char *text)
{
	strbuf_reset(&st->out);
	wrap_text(&st->out, text, col, indent, st->width);
	strbuf_addch(&st->out, '\n');
	fwrite(st->out.buf, 1, st->out.len, fp);
}

/* "  FAIL  rule-id  message", the message's lists cut, wrapped. */
static void
finding_line(FILE *fp, const struct finding *f, struct style *st)
{
	struct strbuf msg = STRBUF_INIT;
	const char *word, *color, *id;
	size_t col;

	word = status_word(f, &color);
	id = clean(st, 0, f->rule->id);
	fprintf(fp, "  %s%s%s  %s", st->color ? color : "", word,
	    st->color ? C_RESET : "", id);
	col = 8 + utf8_width(id, strlen(id));
	if (st->msg_col == NARROW_COL) {
		fputc('\n', fp);
		fprintf(fp, "%*s", NARROW_COL, "");
		col = NARROW_COL;
	} else
		do
			fputc(' ', fp);
		while (++col < MSG_COL);
	if (st->width > 0)
		wrap_cut_lists(&msg, clean(st, 1, f->message), LIST_MAX,
		    LIST_KEEP);
	else
		strbuf_addstr(&msg, clean(st, 1, f->message));
	put_wrapped(fp, st, col, st->msg_col, msg.buf);
	strbuf_release(&msg);
}

/*
 * One line under the message, "PREFIX TEXT[:LINE]": indented, wrapped
 * under its own start plus hang.
 */
static void
sub_line(FILE *fp, struct style *st, size_t hang, const char *prefix,
    const char *s, int line)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "%*s%s%s", (int)st->sub_col, "", prefix, s);
	if (line > 0)
		strbuf_addf(&sb, ":%d", line);
	put_wrapped(fp, st, 0, hang, sb.buf);
	strbuf_release(&sb);
}

/*
 * Where the lines a detail wraps onto start, past its own indent: under
 * its second word when the first is a short label or count ("window:",
 * "    33  Name <email>"), else two columns in.
 */
static size_t
detail_hang(const char *d)
{
	size_t lead, w, gap;

	lead = strspn(d, " ");
	w = strcspn(d + lead, " ");
	gap = strspn(d + lead + w, " ");
	if (w > 0 && w <= 8 && gap > 0 && d[lead + w + gap] != '\0')
		return w + gap;
	return 2;
}

static void
text_finding(FILE *fp, const struct finding *f, struct style *st)
{
	struct strbuf say = STRBUF_INIT;
	const char *d;
	int open;
	size_t i;

	finding_line(fp, f, st);
	open = f->result != RESULT_PASS && f->result != RESULT_SKIP;
	for (i = 0; i < f->details.n; i++) {
		d = clean(st, 0, f->details.v[i]);
		sub_line(fp, st, detail_hang(d), "", d, 0);
	}
	/* "min 1, set by .ecocheck.ini:3; the rule set asks 30" */
	for (i = 0; i < f->nchanges; i++) {
		strbuf_reset(&say);
		finding_change_say(&say, &f->changes[i]);
		sub_line(fp, st, 0, "", clean(st, 0, say.buf), 0);
	}
	/* Details (a window, top authors) already say what evidence would. */
	for (i = 0; open && f->details.n == 0 && i < f->nev; i++) {
		if (i == EVIDENCE_MAX) {
			fprintf(fp, "%*s... and %zu more (--format json lists "
			    "them all)\n", (int)st->sub_col, "", f->nev - i);
			break;
		}
		sub_line(fp, st, 3, "at ", clean(st, 0, f->ev[i].path),
		    f->ev[i].line);
	}
	if (f->fix != NULL && open)
		sub_line(fp, st, 5, "fix: ", clean(st, 0, f->fix), 0);
	strbuf_release(&say);
}

/*
 * With -q, only what fails the check: a failure at level error, or an
 * unknown result under --strict. A warning is not a failure of the run.
 */
static int
fails(const struct finding *f, const struct report_opts *o)
{
	return (f->result == RESULT_FAIL && f->level == LEVEL_ERROR) ||
	    (o->strict && f->result == RESULT_UNKNOWN);
}

static int
shown(const struct finding *f, const struct report_opts *o)
{
	return !o->quiet || fails(f, o);
}

/*
 * "PATH: worktree at HEAD, rule set NAME, as of DATE" on one line when
 * it fits; else the rule set and date on the next line, so that the
 * first line still begins "PATH: worktree" and where the line breaks
 * never depends on how long the path is.
 */
static void
repo_header(FILE *fp, struct style *st, const struct repo_result *res)
{
	struct strbuf rest = STRBUF_INIT;
	const char *path;
	char date[16];
	size_t w;

	time_format_date(res->as_of, date, sizeof(date));
	path = clean(st, 0, res->abspath);
	fprintf(fp, "%s%s%s: %s%s%.12s,", st->color ? C_BOLD : "", path,
	    st->color ? C_RESET : "", res->source,
	    res->has_head ? " at " : ", no commits",
	    res->has_head ? res->head : "");
	strbuf_addf(&rest, "rule set %s, as of %s", clean(st, 1, res->rs.name),
	    date);
	w = utf8_width(path, strlen(path)) + strlen(res->source) +
	    (res->has_head ? 19 : 15) + 1 + utf8_width(rest.buf, rest.len);
	if (st->width == 0 || w <= st->width)
		fprintf(fp, " %s\n", rest.buf);
	else {
		fputs("\n  ", fp);
		put_wrapped(fp, st, 2, 2, rest.buf);
	}
	strbuf_release(&rest);
	repo_outside(fp, st, res);
}

/*
 * What was read outside the folder given, a line each: the git directory
 * a .git file names, the alternate object directories.
 */
static void
repo_outside(FILE *fp, struct style *st, const struct repo_result *res)
{
	size_t i;

	if (res->outside_gitdir != NULL)
		fprintf(fp, "  git directory outside the folder: %s\n",
		    clean(st, 0, res->outside_gitdir));
	for (i = 0; i < res->outside_alternates.n; i++)
		fprintf(fp, "  alternate objects outside the folder: %s\n",
		    clean(st, 0, res->outside_alternates.v[i]));
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
	int n;

	if (req > maxreq) {
		if (maxreq > 0)
			fputs("other checks\n", fp);
		return;
	}
	title = ruleset_requirement_title(&res->rs, req);
	if (title == NULL) {
		fprintf(fp, "requirement %d\n", req);
		return;
	}
	n = fprintf(fp, "%s%d%s ", st->color ? C_BOLD : "", req,
	    st->color ? C_RESET : "");
	n -= st->color ? (int)(strlen(C_BOLD) + strlen(C_RESET)) : 0;
	put_wrapped(fp, st, (size_t)n, (size_t)n, clean(st, 0, title));
}

/*
 * The counts, then the rules that fail the check by id: "(11 at level
 * error: ci, governance, ...)", and with --strict the unknown ones.
 * Never cut: it is the list of what to fix.
 */
static void
summary_line(FILE *fp, struct style *st, const struct repo_result *res,
    const struct report_opts *o)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;
	int pass;

	strbuf_addf(&sb, "%d pass, %d fail, %d unknown, %d skip",
	    res->counts[RESULT_PASS], res->counts[RESULT_FAIL],
	    res->counts[RESULT_UNKNOWN], res->counts[RESULT_SKIP]);
	for (pass = 0; pass < 2; pass++) {
		const char *sep = ": ";

		if (pass == 0 && res->errors_failed > 0)
			strbuf_addf(&sb, " (%d at level error",
			    res->errors_failed);
		else if (pass == 1 && o->strict && res->unknown_failed > 0)
			strbuf_addf(&sb, "%s%d unknown, failing with --strict",
			    res->errors_failed > 0 ? "; " : " (",
			    res->unknown_failed);
		else
			continue;
		for (i = 0; i < res->nfindings; i++) {
			const struct finding *f = &res->findings[i];

			if (pass == 0 ? f->result != RESULT_FAIL ||
			    f->level != LEVEL_ERROR : f->result !=
			    RESULT_UNKNOWN)
				continue;
			strbuf_addf(&sb, "%s%s", sep, clean(st, 0, f->rule->id));
			sep = ", ";
		}
	}
	if (res->errors_failed > 0 || (o->strict && res->unknown_failed > 0))
		strbuf_addch(&sb, ')');
	put_wrapped(fp, st, 0, 2, sb.buf);
	strbuf_release(&sb);
}

static int
first_req(const struct finding *f)
{
	return f->rule->nreq > 0 ? f->rule->req[0] : 0;
}

static void
style_init(struct style *st, const struct report_opts *o)
{
	size_t i;

	memset(st, 0, sizeof(*st));
	for (i = 0; i < sizeof(st->clean) / sizeof(st->clean[0]); i++)
		strbuf_init(&st->clean[i]);
	strbuf_init(&st->out);
	st->color = o->color;
	st->width = o->width > 0 ? (size_t)o->width : 0;
	if (st->width > 0 && st->width < NARROW_BELOW) {
		st->msg_col = NARROW_COL;
		st->sub_col = NARROW_COL;
	} else {
		st->msg_col = MSG_COL;
		st->sub_col = SUB_COL;
	}
}

static void
style_release(struct style *st)
{
	size_t i;

	for (i = 0; i < sizeof(st->clean) / sizeof(st->clean[0]); i++)
		strbuf_release(&st->clean[i]);
	strbuf_release(&st->out);
}

static void
text_repo(FILE *fp, const struct repo_result *res,
    const struct report_opts *o, size_t n)
{
	struct style st;
	const struct finding *f;
	size_t i;
	int req, maxreq, printed;

	/* -q: a repository where nothing fails prints nothing. */
	if (o->quiet && res->errors_failed == 0 &&
	    (!o->strict || res->unknown_failed == 0))
		return;
	style_init(&st, o);
	repo_header(fp, &st, res);
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
	summary_line(fp, &st, res, o);
	style_release(&st);
}

/* Several repositories end with the table of them all (report-summary.c). */
static void
text_end(FILE *fp, const struct report_opts *o,
    const struct repo_result *res, size_t n)
{
	if (o->many && n > 0)
		report_summary(fp, o, res, n);
}
