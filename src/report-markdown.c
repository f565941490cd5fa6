/*
 * report-markdown.c: the Working Group's review of a repository in
 * GitHub-flavoured Markdown, to paste into the application issue or to
 * append to $GITHUB_STEP_SUMMARY: a heading (repository, commit, date), a
 * table with one row per requirement (Criterion | Status | Notes), then
 * the evidence of every row, rule by rule. Statuses come from the one
 * mapping (finding.h); text from the repository is escaped so that it
 * renders as itself and can never break the table.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ascii.h"
#include "finding.h"
#include "report-markdown.h"
#include "report.h"
#include "rules.h"
#include "strbuf.h"
#include "timeutil.h"
#include "utf8.h"

#define NOTE_EVIDENCE	3	/* evidence a note names; the rest below */

static void	 md_repo(FILE *, const struct repo_result *,
		    const struct report_opts *, size_t);
static int	 needs_escape(const char *, size_t, size_t);
static int	 has_req(const struct rule *, int);
static enum wg_status row_status(const struct repo_result *, int, int *);
static int	 names(const char *, const char *);
static void	 finding_note(struct strbuf *, const struct finding *);
static void	 row_note(struct strbuf *, const struct repo_result *, int);
static void	 window_of(struct strbuf *, const struct finding *);
static void	 put_escaped(FILE *, const char *);
static void	 md_header(FILE *, const struct repo_result *);
static int	 said_in_details(const struct finding *, const char *);
static void	 md_entry(FILE *, const struct finding *);
static void	 md_evidence(FILE *, const struct repo_result *);
static void	 review_table(FILE *, const struct repo_result *,
		    const struct repo_result *);
static void	 rule_rows(FILE *, const struct repo_result *,
		    const struct repo_result *);

const struct report_format report_markdown = {
	.name = "markdown",
	.repo = md_repo,
};

/*
 * Characters GFM gives a meaning anywhere in a line or a table cell; a
 * line starting with "-", "+", "=" or "1." would open a block besides.
 */
static int
md_special(int c)
{
	return c != '\0' && strchr("\\`*_[]<>|~#!&", c) != NULL;
}

/* Whether s[i] needs a backslash; digits: the digits s starts with. */
static int
needs_escape(const char *s, size_t i, size_t digits)
{
	/* an underscore inside a word can neither open nor close */
	if (s[i] == '_')
		return i == 0 || !ascii_isalnum((unsigned char)s[i - 1]) ||
		    !ascii_isalnum((unsigned char)s[i + 1]);
	if (md_special(s[i]))
		return 1;
	if (i == 0 && strchr("-+=", s[0]) != NULL)
		return 1;
	return i == digits && digits > 0 && (s[i] == '.' || s[i] == ')');
}

void
md_escape(struct strbuf *out, const char *s)
{
	struct strbuf flat = STRBUF_INIT, clean = STRBUF_INIT;
	size_t i, digits;
	int space;

	/* White space (newlines too) as one space, trimmed. */
	space = 0;
	for (i = 0; s != NULL && s[i] != '\0'; i++) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
		    s[i] == '\r') {
			space = flat.len > 0;
			continue;
		}
		if (space)
			strbuf_addch(&flat, ' ');
		space = 0;
		strbuf_addch(&flat, s[i]);
	}
	strbuf_add_printable(&clean, flat.buf, flat.len);
	/* "-", "+", "=" or "1." at the start would open a block. */
	for (digits = 0; clean.buf[digits] >= '0' && clean.buf[digits] <= '9';
	    digits++)
		;
	for (i = 0; i < clean.len; i++) {
		if (needs_escape(clean.buf, i, digits))
			strbuf_addch(out, '\\');
		strbuf_addch(out, clean.buf[i]);
	}
	strbuf_release(&flat);
	strbuf_release(&clean);
}

static void
put_escaped(FILE *fp, const char *s)
{
	struct strbuf sb = STRBUF_INIT;

	md_escape(&sb, s);
	fwrite(sb.buf, 1, sb.len, fp);
	strbuf_release(&sb);
}

void
md_criterion(struct strbuf *sb, const struct repo_result *res, int req)
{
	const char *title;

	title = ruleset_requirement_title(&res->rs, req);
	if (title == NULL) {
		strbuf_addf(sb, "Requirement %d", req);
		return;
	}
	strbuf_addf(sb, "%d. ", req);
	md_escape(sb, title);
}

int
md_max_requirement(const struct repo_result *res)
{
	size_t i, j;
	int max;

	max = 0;
	for (i = 1; i < res->rs.nreq_title; i++)
		if (ruleset_requirement_title(&res->rs, (int)i) != NULL)
			max = (int)i;
	for (i = 0; i < res->nfindings; i++)
		for (j = 0; j < res->findings[i].rule->nreq; j++)
			if (res->findings[i].rule->req[j] > max)
				max = res->findings[i].rule->req[j];
	return max;
}

static int
has_req(const struct rule *r, int req)
{
	size_t i;

	for (i = 0; i < r->nreq; i++)
		if (r->req[i] == req)
			return 1;
	return 0;
}

/*
 * The worst status of the rules of requirement req (WG_SKIP when every
 * one was skipped); *nrules gets how many rules it has.
 */
static enum wg_status
row_status(const struct repo_result *res, int req, int *nrules)
{
	enum wg_status st;
	size_t i;

	st = WG_SKIP;
	*nrules = 0;
	for (i = 0; i < res->nfindings; i++) {
		if (!has_req(res->findings[i].rule, req))
			continue;
		(*nrules)++;
		st = wg_status_worse(st, finding_wg_status(&res->findings[i]));
	}
	return st;
}

/*
 * "window 2026-09-08 to 2026-12-07" from the detail a history rule gives
 * of its window ("window: A to B (N days, ...)").
 */
static void
window_of(struct strbuf *sb, const struct finding *f)
{
	const char *d, *end;
	size_t i;

	for (i = 0; i < f->details.n; i++) {
		d = f->details.v[i];
		if (strncmp(d, "window: ", 8) != 0)
			continue;
		if ((end = strstr(d, " (")) == NULL)
			end = d + strlen(d);
		strbuf_addstr(sb, " (window ");
		strbuf_add(sb, d + 8, (size_t)(end - d - 8));
		strbuf_addch(sb, ')');
		return;
	}
}

/* Whether text names at ("README.md:1" is not named by "README.md:12"). */
static int
names(const char *text, const char *at)
{
	const char *p;
	size_t n;

	n = strlen(at);
	for (p = text; (p = strstr(p, at)) != NULL; p++)
		if (!ascii_isdigit((unsigned char)p[n]))
			return 1;
	return 0;
}

/*
 * A rule's note, unescaped: its message, the window of a count, and the
 * files and lines of its evidence that the message does not name.
 */
static void
finding_note(struct strbuf *sb, const struct finding *f)
{
	struct strbuf at = STRBUF_INIT;
	const char *msg;
	size_t i, shown, start;

	msg = f->message != NULL ? f->message : "";
	start = sb->len;
	strbuf_addstr(sb, msg);
	window_of(sb, f);
	for (i = 0; i < f->nchanges; i++) {
		strbuf_addstr(sb, "; ");
		finding_change_say(sb, &f->changes[i]);
	}
	if (f->rule->type->flags & RULE_HISTORY)
		return;	/* its evidence is people and commits, not files */
	for (i = shown = 0; i < f->nev; i++) {
		strbuf_reset(&at);
		strbuf_addstr(&at, f->ev[i].path);
		if (f->ev[i].line > 0)
			strbuf_addf(&at, ":%d", f->ev[i].line);
		if (names(sb->buf + start, at.buf))
			continue;	/* the message or the note has it */
		if (shown == NOTE_EVIDENCE) {
			strbuf_addstr(sb, ", ...");
			break;
		}
		strbuf_addstr(sb, shown++ == 0 ? "; at " : ", ");
		strbuf_addstr(sb, at.buf);
	}
	strbuf_release(&at);
}

void
md_finding_note(struct strbuf *sb, const struct finding *f)
{
	struct strbuf note = STRBUF_INIT;

	finding_note(&note, f);
	md_escape(sb, note.buf);
	strbuf_release(&note);
}

/* The Notes cell of requirement req, escaped. */
static void
row_note(struct strbuf *sb, const struct repo_result *res, int req)
{
	struct strbuf note = STRBUF_INIT;
	const struct finding *f;
	size_t i;
	int n, many;

	(void)row_status(res, req, &n);
	if (n == 0) {
		strbuf_addstr(sb, "no rule of the rule set checks it");
		return;
	}
	many = n > 1;
	n = 0;
	for (i = 0; i < res->nfindings; i++) {
		f = &res->findings[i];
		if (!has_req(f->rule, req) || (many &&
		    f->result == RESULT_SKIP && f->exempt == NULL))
			continue;
		if (n++ > 0)
			strbuf_addstr(sb, " · ");
		if (many) {
			md_escape(sb, f->rule->id);
			strbuf_addstr(sb, ": ");
		}
		strbuf_reset(&note);
		finding_note(&note, f);
		md_escape(sb, note.buf);
	}
	strbuf_release(&note);
}

void
md_review_table(FILE *fp, const struct repo_result *res)
{
	review_table(fp, NULL, res);
}

void
md_diff_table(FILE *fp, const struct repo_result *was,
    const struct repo_result *res)
{
	review_table(fp, was, res);
}

/*
 * A rule set without requirements (a checklist of its own): a row for
 * each rule, its title the criterion, with what was makes of it.
 */
static void
rule_rows(FILE *fp, const struct repo_result *was,
    const struct repo_result *res)
{
	struct strbuf sb = STRBUF_INIT;
	const struct finding *f, *w;
	size_t i;

	for (i = 0; i < res->nfindings; i++) {
		f = &res->findings[i];
		strbuf_reset(&sb);
		strbuf_addstr(&sb, "| ");
		md_escape(&sb, f->rule->title != NULL ? f->rule->title :
		    f->rule->id);
		if (was != NULL) {
			w = repo_result_finding(was, f->rule->id);
			strbuf_addf(&sb, " | %s", w != NULL ?
			    wg_status_label(finding_wg_status(w)) : "");
		}
		strbuf_addf(&sb, " | %s | ",
		    wg_status_label(finding_wg_status(f)));
		md_finding_note(&sb, f);
		strbuf_addstr(&sb, " |\n");
		fwrite(sb.buf, 1, sb.len, fp);
	}
	strbuf_release(&sb);
}

/*
 * The review table of res, with a column "Was" of the rows' statuses in
 * was before its Status when was is not NULL; the rows run to the
 * highest requirement of either.
 */
static void
review_table(FILE *fp, const struct repo_result *was,
    const struct repo_result *res)
{
	struct strbuf sb = STRBUF_INIT;
	int req, max, n;

	max = md_max_requirement(res);
	if (was != NULL && md_max_requirement(was) > max)
		max = md_max_requirement(was);
	fputs(was != NULL ? "| Criterion | Was | Status | Notes |\n"
	    "| --- | --- | --- | --- |\n" :
	    "| Criterion | Status | Notes |\n| --- | --- | --- |\n", fp);
	if (max == 0)
		rule_rows(fp, was, res);
	for (req = 1; req <= max; req++) {
		strbuf_reset(&sb);
		strbuf_addstr(&sb, "| ");
		md_criterion(&sb, ruleset_requirement_title(&res->rs, req) ==
		    NULL && was != NULL ? was : res, req);
		if (was != NULL)
			strbuf_addf(&sb, " | %s",
			    wg_status_label(row_status(was, req, &n)));
		strbuf_addf(&sb, " | %s | ",
		    wg_status_label(row_status(res, req, &n)));
		row_note(&sb, res, req);
		strbuf_addstr(&sb, " |\n");
		fwrite(sb.buf, 1, sb.len, fp);
	}
	strbuf_release(&sb);
}

/* The heading: the repository, the commit, the date as of. */
static void
md_header(FILE *fp, const struct repo_result *res)
{
	const char *base;
	char date[16], start[16];

	base = strrchr(res->abspath, '/');
	base = base != NULL && base[1] != '\0' ? base + 1 : res->abspath;
	fputs("## ecocheck review: ", fp);
	put_escaped(fp, base);
	fputs("\n\n- Repository: ", fp);
	put_escaped(fp, res->abspath);
	fprintf(fp, " (%s)\n", res->source);
	if (res->has_head)
		fprintf(fp, "- Commit: %.12s (%s)\n", res->head, res->head);
	else
		fputs("- Commit: none (no commits yet)\n", fp);
	time_format_date(res->as_of, date, sizeof(date));
	time_format_date(res->start, start, sizeof(start));
	fprintf(fp, "- As of: %s (history window %s to %s, %d days)\n", date,
	    start, date, res->days);
	fputs("- Rule set: ", fp);
	put_escaped(fp, res->rs.name);
	fprintf(fp, "\n- Results: %d pass, %d fail, %d unknown, %d skip "
	    "(%d failed at level error)\n\n", res->counts[RESULT_PASS],
	    res->counts[RESULT_FAIL], res->counts[RESULT_UNKNOWN],
	    res->counts[RESULT_SKIP], res->errors_failed);
}

/*
 * Whether a detail of a history rule already names s (its top authors
 * are both details and evidence): printed once.
 */
static int
said_in_details(const struct finding *f, const char *s)
{
	size_t i;

	if (!(f->rule->type->flags & RULE_HISTORY))
		return 0;
	for (i = 0; i < f->details.n; i++)
		if (strstr(f->details.v[i], s) != NULL)
			return 1;
	return 0;
}

/* One rule's evidence: status, message, details, evidence, fix. */
static void
md_entry(FILE *fp, const struct finding *f)
{
	enum wg_status st;
	size_t i;

	st = finding_wg_status(f);
	fputs("- **", fp);
	put_escaped(fp, f->rule->id);
	fprintf(fp, "**: %s (%s, level %s): ", wg_status_label(st),
	    result_name(f->result), level_name(f->level));
	put_escaped(fp, f->message != NULL ? f->message : "");
	fputc('\n', fp);
	for (i = 0; i < f->details.n; i++) {
		fputs("  - ", fp);
		put_escaped(fp, f->details.v[i]);
		fputc('\n', fp);
	}
	for (i = 0; i < f->nev; i++) {
		if (said_in_details(f, f->ev[i].path))
			continue;
		fputs((f->rule->type->flags & RULE_HISTORY) ? "  - " :
		    "  - at ", fp);
		put_escaped(fp, f->ev[i].path);
		if (f->ev[i].line > 0)
			fprintf(fp, ":%d", f->ev[i].line);
		if (f->ev[i].note != NULL) {
			fputs(" (", fp);
			put_escaped(fp, f->ev[i].note);
			fputc(')', fp);
		}
		fputc('\n', fp);
	}
	if (f->fix != NULL && st != WG_PASS && st != WG_SKIP) {
		fputs("  - fix: ", fp);
		put_escaped(fp, f->fix);
		fputc('\n', fp);
	}
}

/* An entry per row, each rule of it; then the rules of no requirement. */
static void
md_evidence(FILE *fp, const struct repo_result *res)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;
	int req, max, other;

	max = md_max_requirement(res);
	fputs("\n### Evidence\n", fp);
	for (req = 1; req <= max; req++) {
		strbuf_reset(&sb);
		md_criterion(&sb, res, req);
		fprintf(fp, "\n#### %s\n\n", sb.buf);
		other = 0;
		for (i = 0; i < res->nfindings; i++)
			if (has_req(res->findings[i].rule, req)) {
				md_entry(fp, &res->findings[i]);
				other = 1;
			}
		if (!other)
			fputs("No rule of the rule set checks it.\n", fp);
	}
	for (i = other = 0; i < res->nfindings; i++) {
		if (res->findings[i].rule->nreq > 0)
			continue;
		if (!other++)
			fputs(max > 0 ? "\n#### Other checks\n\n" :
			    "\n#### Checks\n\n", fp);
		md_entry(fp, &res->findings[i]);
	}
	strbuf_release(&sb);
}

static void
md_repo(FILE *fp, const struct repo_result *res,
    const struct report_opts *ro, size_t n)
{
	(void)ro;
	if (n > 0)
		fputs("\n---\n\n", fp);
	md_header(fp, res);
	md_review_table(fp, res);
	md_evidence(fp, res);
}
