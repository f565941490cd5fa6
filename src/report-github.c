/*
 * report-github.c: workflow commands for a GitHub Actions step
 * (ecocheck(1), "GitHub"): one ::error, ::warning or ::notice line per
 * result a person should look at, then a summary line. GitHub turns each
 * command into an annotation on the file and line it names.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "finding.h"
#include "report.h"
#include "rules.h"
#include "strbuf.h"
#include "utf8.h"

static void	 github_repo(FILE *, const struct repo_result *,
		    const struct report_opts *, size_t);
static void	 github_finding(struct strbuf *, const struct finding *,
		    const char *);
static void	 escape(struct strbuf *, const char *, int);

const struct report_format report_github = {
	.name = "github",
	.repo = github_repo,
};

/*
 * The command of a status, as the SARIF format's levels: Fail an error,
 * Caution a warning, Needs human judgment a notice; a pass or a skipped
 * rule needs no annotation.
 */
static const char *
command_of(enum wg_status st)
{
	switch (st) {
	case WG_FAIL:
		return "error";
	case WG_CAUTION:
		return "warning";
	case WG_JUDGMENT:
		return "notice";
	case WG_PASS:
	case WG_SKIP:
	default:
		return NULL;
	}
}

static void
github_repo(FILE *fp, const struct repo_result *res,
    const struct report_opts *ro, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	int count[WG_SKIP + 1];
	const char *cmd;
	size_t i;

	(void)ro;
	(void)n;
	memset(count, 0, sizeof(count));
	for (i = 0; i < res->nfindings; i++) {
		count[finding_wg_status(&res->findings[i])]++;
		cmd = command_of(finding_wg_status(&res->findings[i]));
		if (cmd != NULL)
			github_finding(&sb, &res->findings[i], cmd);
	}
	/* Plain text, not a command: it starts with the program's name. */
	strbuf_addstr(&sb, "ecocheck: ");
	strbuf_add_printable(&sb, res->abspath, strlen(res->abspath));
	strbuf_addf(&sb, ": %d fail, %d caution, %d judgment, %d pass, "
	    "%d skip (rule set ", count[WG_FAIL], count[WG_CAUTION],
	    count[WG_JUDGMENT], count[WG_PASS], count[WG_SKIP]);
	strbuf_add_printable(&sb, res->rs.name, strlen(res->rs.name));
	strbuf_addstr(&sb, ")\n");
	fwrite(sb.buf, 1, sb.len, fp);
	strbuf_release(&sb);
}

/*
 * "::error file=PATH,line=N,title=RULE: TITLE::MESSAGE; fix: FIX", the
 * file and line those of the first evidence that names a file (none when
 * none does: GitHub then shows the annotation on the run).
 */
static void
github_finding(struct strbuf *sb, const struct finding *f, const char *cmd)
{
	const struct rule *r = f->rule;
	const struct evidence *e;
	size_t i;

	strbuf_addf(sb, "::%s ", cmd);
	for (i = 0; i < f->nev; i++) {
		e = &f->ev[i];
		if (!report_evidence_is_file(e))
			continue;
		strbuf_addstr(sb, "file=");
		escape(sb, e->path, 1);
		if (e->line > 0)
			strbuf_addf(sb, ",line=%d", e->line);
		strbuf_addch(sb, ',');
		break;
	}
	/* "id: title", unless the title already starts with the id. */
	strbuf_addstr(sb, "title=");
	if (r->title == NULL || strncmp(r->title, r->id, strlen(r->id)) != 0 ||
	    r->title[strlen(r->id)] != ':') {
		escape(sb, r->id, 1);
		if (r->title != NULL)
			escape(sb, ": ", 1);
	}
	if (r->title != NULL)
		escape(sb, r->title, 1);
	strbuf_addstr(sb, "::");
	escape(sb, f->message != NULL ? f->message : "", 0);
	if (f->fix != NULL) {
		escape(sb, "; fix: ", 0);
		escape(sb, f->fix, 0);
	}
	strbuf_addch(sb, '\n');
}

/*
 * Escape as GitHub's workflow commands are escaped: '%' as %25, CR as
 * %0D, LF as %0A, and in a property (prop) ':' as %3A and ',' as %2C, so
 * that no text from the repository can end the command or start another.
 * What remains goes through the sanitiser: other control characters
 * become '?'.
 */
static void
escape(struct strbuf *sb, const char *s, int prop)
{
	const char *run;

	for (run = s; *s != '\0'; s++) {
		if (*s != '%' && *s != '\r' && *s != '\n' &&
		    (!prop || (*s != ':' && *s != ',')))
			continue;
		strbuf_add_printable(sb, run, (size_t)(s - run));
		strbuf_addf(sb, "%%%02X", (unsigned char)*s);
		run = s + 1;
	}
	strbuf_add_printable(sb, run, (size_t)(s - run));
}
