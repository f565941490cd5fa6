/*
 * report-application.c: a draft of the PyTorch Ecosystem application
 * issue: the form's fields, filled from what the findings hold (the
 * README's title and introduction, the license id, the maintainers'
 * handles, the documentation, the CI, the torch constraint), then the
 * Working Group's review table (report-markdown.c). What a checkout
 * cannot know is left as a marked blank, "_(to fill in: ...)_". Like
 * every format it reads only the findings, never the files.
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

static void	 app_repo(FILE *, const struct repo_result *,
		    const struct report_opts *, size_t);
static const struct finding *by_type(const struct repo_result *,
		    const char *);
static const char *detail(const struct finding *, const char *);
static void	 field(FILE *, const char *, const char *, const char *);
static void	 blank(struct strbuf *, const char *);
static void	 said(struct strbuf *, const struct finding *);
static size_t	 handle_len(const char *);
static void	 handles(struct strbuf *, const struct repo_result *);
static const char *base_name(const char *);
static void	 app_about(FILE *, const struct repo_result *);
static void	 app_project(FILE *, const struct repo_result *);
static void	 app_practice(FILE *, const struct repo_result *);

const struct report_format report_application = {
	.name = "application",
	.repo = app_repo,
};

/* The first finding of a rule type that was not skipped. */
static const struct finding *
by_type(const struct repo_result *res, const char *type)
{
	size_t i;

	for (i = 0; i < res->nfindings; i++)
		if (strcmp(res->findings[i].rule->type->name, type) == 0 &&
		    res->findings[i].result != RESULT_SKIP)
			return &res->findings[i];
	return NULL;
}

/*
 * The text of f's detail "NAME: TEXT", or of the note of its evidence
 * "NAME: TEXT" (the README's title and summary), or NULL.
 */
static const char *
detail(const struct finding *f, const char *name)
{
	size_t i, n;

	n = strlen(name);
	for (i = 0; f != NULL && i < f->details.n; i++)
		if (strncmp(f->details.v[i], name, n) == 0 &&
		    strncmp(f->details.v[i] + n, ": ", 2) == 0)
			return f->details.v[i] + n + 2;
	for (i = 0; f != NULL && i < f->nev; i++)
		if (f->ev[i].note != NULL && strncmp(f->ev[i].note, name,
		    n) == 0 && strncmp(f->ev[i].note + n, ": ", 2) == 0)
			return f->ev[i].note + n + 2;
	return NULL;
}

static void
blank(struct strbuf *sb, const char *what)
{
	strbuf_addf(sb, "_(to fill in: %s)_", what);
}

/* "NOTE (ecocheck rule ID: STATUS)", escaped; nothing for NULL or a skip. */
static void
said(struct strbuf *sb, const struct finding *f)
{
	if (f == NULL || f->result == RESULT_SKIP)
		return;
	md_finding_note(sb, f);
	strbuf_addstr(sb, " (ecocheck rule ");
	md_escape(sb, f->rule->id);
	strbuf_addf(sb, ": %s)", wg_status_label(finding_wg_status(f)));
}

/* A field of the form: its label, then its text or a marked blank. */
static void
field(FILE *fp, const char *label, const char *text, const char *what)
{
	fprintf(fp, "### %s\n\n", label);
	if (text != NULL && *text != '\0')
		fprintf(fp, "%s\n\n", text);
	else
		fprintf(fp, "_(to fill in: %s)_\n\n", what);
}

/* The length of the GitHub handle "@name" or "@org/team" at p, or 0. */
static size_t
handle_len(const char *p)
{
	const char *q;

	for (q = p + 1; *q != '\0' && (strchr("-_/.", *q) != NULL ||
	    ascii_isalnum((unsigned char)*q)); q++)
		;
	while (q > p + 1 && strchr("-_/.", q[-1]) != NULL)
		q--;	/* "@x." ends a sentence */
	return q - p > 1 ? (size_t)(q - p) : 0;
}

/*
 * The maintainers' handles: every "@name" the maintainers rule's
 * evidence names (a CODEOWNERS owner, a MAINTAINERS.md row), once each.
 */
static void
handles(struct strbuf *sb, const struct repo_result *res)
{
	const struct finding *f;
	struct strvec seen = STRVEC_INIT;
	struct strbuf h = STRBUF_INIT;
	const char *p;
	size_t i, n;

	if ((f = by_type(res, "maintainers")) == NULL)
		return;
	for (i = 0; i < f->nev; i++) {
		for (p = f->ev[i].note; p != NULL &&
		    (p = strchr(p, '@')) != NULL; p += n > 0 ? n : 1) {
			/* an address (a@b.org) names no handle */
			if ((p > f->ev[i].note && ascii_isalnum(
			    (unsigned char)p[-1])) || (n = handle_len(p)) == 0) {
				n = 0;
				continue;
			}
			strbuf_reset(&h);
			strbuf_add(&h, p, n);
			if (strvec_has(&seen, h.buf))
				continue;
			if (seen.n > 0)
				strbuf_addstr(sb, ", ");
			md_escape(sb, h.buf);
			strvec_push(&seen, h.buf);
		}
	}
	strbuf_release(&h);
	strvec_clear(&seen);
}

/* The last part of a path. */
static const char *
base_name(const char *path)
{
	const char *b;

	b = strrchr(path, '/');
	return b != NULL && b[1] != '\0' ? b + 1 : path;
}

/* Title, contacts, summary, description, similar projects. */
static void
app_about(FILE *fp, const struct repo_result *res)
{
	struct strbuf sb = STRBUF_INIT;
	const struct finding *f;
	const char *title, *intro;

	f = repo_result_finding(res, "readme-value");
	title = detail(f, "title");
	intro = detail(f, "summary");
	fputs("## Ecosystem application draft: ", fp);
	md_escape(&sb, title);
	if (title == NULL) {
		strbuf_addstr(&sb, "_(to fill in: the project's name; the "
		    "README has no title, the directory is ");
		md_escape(&sb, base_name(res->abspath));
		strbuf_addstr(&sb, ")_");
	}
	fprintf(fp, "%s\n\n", sb.buf);
	fputs("> Drafted by ecocheck from a checkout: copy each field into the "
	    "application form and fill in the blanks.\n\n", fp);
	field(fp, "Contact emails", NULL, "the addresses to contact "
	    "about this application, comma-separated");
	strbuf_reset(&sb);
	md_escape(&sb, intro);
	field(fp, "Project summary", sb.buf, "a one-line summary; the "
	    "README's introduction gave none");
	field(fp, "Project description", NULL, "100 to 300 words on what "
	    "the project does, why it is needed and the gap it fills");
	field(fp, "Similar projects in the PyTorch Ecosystem", NULL,
	    "similar projects, or \"not applicable\"");
	strbuf_release(&sb);
}

/* Repository, license, maintainers, backing, website, documentation. */
static void
app_project(FILE *fp, const struct repo_result *res)
{
	struct strbuf sb = STRBUF_INIT;
	const struct finding *f;

	blank(&sb, "the repository's URL");
	strbuf_addstr(&sb, " (checked: ");
	md_escape(&sb, res->abspath);
	if (res->has_head)
		strbuf_addf(&sb, " at %.12s", res->head);
	strbuf_addch(&sb, ')');
	field(fp, "Project repo URL", sb.buf, "the repository's URL");
	field(fp, "Additional repos in scope", NULL, "other repositories "
	    "of the project, if any");
	strbuf_reset(&sb);
	f = by_type(res, "license");
	if (f != NULL && f->value_str != NULL && f->result == RESULT_PASS)
		md_escape(&sb, f->value_str);
	if (sb.len > 0)
		strbuf_addstr(&sb, " (SPDX)\n\n");
	said(&sb, f);
	field(fp, "Project license", sb.buf, "the license");
	strbuf_reset(&sb);
	handles(&sb, res);
	if (sb.len == 0)
		blank(&sb, "the maintainers' GitHub handles");
	strbuf_addstr(&sb, sb.len > 0 ? "\n\n" : "");
	said(&sb, by_type(res, "maintainers"));
	field(fp, "GitHub handles of the maintainers", sb.buf,
	    "the maintainers' GitHub handles");
	field(fp, "Backing entity", NULL, "the company or institution "
	    "backing the project and its URL, if any");
	field(fp, "Website URL", NULL, "the project's website, or the "
	    "repository's URL again");
	strbuf_reset(&sb);
	said(&sb, repo_result_finding(res, "documentation"));
	field(fp, "Documentation", sb.buf, "where the tutorials and "
	    "documentation are");
	strbuf_release(&sb);
}

/* CI, PyTorch versions, components, maintenance, more. */
static void
app_practice(FILE *fp, const struct repo_result *res)
{
	struct strbuf sb = STRBUF_INIT;
	const struct finding *f;
	const char *v;

	said(&sb, by_type(res, "ci"));
	if (sb.len > 0)
		strbuf_addstr(&sb, "\n\n");
	said(&sb, by_type(res, "tests"));
	field(fp, "How the project is built and tested (CI)", sb.buf,
	    "how the project is built and tested");
	strbuf_reset(&sb);
	said(&sb, (f = by_type(res, "python-dependency")));
	if ((v = detail(by_type(res, "ci"), "torch versions the CI names"))
	    != NULL) {
		strbuf_addstr(&sb, "\n\nThe CI names torch ");
		md_escape(&sb, v);
	}
	field(fp, "Version of PyTorch", sb.buf, "the PyTorch versions "
	    "built and tested with");
	field(fp, "Components of PyTorch", NULL, "the parts of PyTorch the "
	    "project uses, or NA");
	strbuf_reset(&sb);
	f = repo_result_finding(res, "maintenance");
	if (f != NULL && f->result == RESULT_PASS)
		said(&sb, f);
	field(fp, "How long the project will be maintained", sb.buf,
	    "how long you will maintain it; the ecosystem asks for 12 "
	    "months at least");
	field(fp, "Additional information", NULL, "anything else for the "
	    "reviewers, if any");
	strbuf_release(&sb);
}

static void
app_repo(FILE *fp, const struct repo_result *res,
    const struct report_opts *ro, size_t n)
{
	(void)ro;
	if (n > 0)
		fputs("\n---\n\n", fp);
	app_about(fp, res);
	app_project(fp, res);
	app_practice(fp, res);
	fputs("### Requirements, as ecocheck sees them\n\n", fp);
	md_review_table(fp, res);
}
