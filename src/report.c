/* report.c: the table of report formats, --list-rules, colour */
#define _POSIX_C_SOURCE 200809L
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "report.h"
#include "rules.h"
#include "ruleset.h"
#include "strbuf.h"
#include "utf8.h"

extern const struct report_format report_application;
extern const struct report_format report_json;
extern const struct report_format report_jsonl;
extern const struct report_format report_markdown;
extern const struct report_format report_text;
extern const struct report_format report_sarif;
extern const struct report_format report_github;

static void	 put_clean(FILE *, const char *);

const struct report_format *const report_formats[] = {
	&report_text,
	&report_json,
	&report_jsonl,
	&report_sarif,
	&report_markdown,
	&report_github,
	&report_application,
	NULL
};

const struct report_format *
report_format_find(const char *name)
{
	size_t i;

	for (i = 0; report_formats[i] != NULL; i++)
		if (strcmp(report_formats[i]->name, name) == 0)
			return report_formats[i];
	return NULL;
}

size_t
report_reported(const struct repo_result *res, size_t n)
{
	size_t i, k;

	k = 0;
	for (i = 0; i < n; i++)
		if (res[i].status != EXIT_TROUBLE)
			k++;
	return k;
}

int
report_evidence_is_file(const struct evidence *e)
{
	return e->file && e->path[0] != '\0';
}

int
report_use_color(FILE *fp, enum color when)
{
	const char *nc, *term;

	if (when == COLOR_ALWAYS)
		return 1;
	if (when == COLOR_NEVER)
		return 0;
	nc = getenv("NO_COLOR");
	if (nc != NULL && *nc != '\0')
		return 0;
	term = getenv("TERM");
	if (term != NULL && strcmp(term, "dumb") == 0)
		return 0;
	return isatty(fileno(fp));
}

/*
 * A pipe or a file gets 80 columns whatever the environment says, so
 * that saved reports and CI logs are the same everywhere; COLUMNS only
 * stands in for a terminal that does not give its size.
 */
int
report_width(FILE *fp)
{
	struct winsize ws;
	const char *env;
	char *end;
	long n;

	if (!isatty(fileno(fp)))
		return REPORT_WIDTH_PIPE;
	if (ioctl(fileno(fp), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		n = ws.ws_col;
	else if ((env = getenv("COLUMNS")) != NULL &&
	    (n = strtol(env, &end, 10)) > 0 && *end == '\0')
		;
	else
		n = REPORT_WIDTH_PIPE;
	if (n < REPORT_WIDTH_MIN)
		n = REPORT_WIDTH_MIN;
	return n > REPORT_WIDTH_MAX ? REPORT_WIDTH_MAX : (int)n;
}

/*
 * Print text that may come from a repository (its .ecocheck.ini: ids,
 * keys, values, file names) through the one sanitiser, utf8.c's.
 */
static void
put_clean(FILE *fp, const char *s)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_add_printable(&sb, s, strlen(s));
	fwrite(sb.buf, 1, sb.len, fp);
	strbuf_release(&sb);
}

void
report_list_rules(FILE *fp, const struct repo_result *res)
{
	const struct rule *r;
	const struct rule_key *k;
	size_t i, j, m;

	fputs("# rule set ", fp);
	put_clean(fp, res->rs.name);
	fputs(", from:", fp);
	for (i = 0; i < res->rs.files.n; i++) {
		fputc(' ', fp);
		put_clean(fp, res->rs.files.v[i]);
	}
	fprintf(fp, "\n# window_days = %d\n", res->rs.window_days);
	for (i = 0; i < res->rs.nrules; i++) {
		r = res->rs.rules[i];
		fputs("\n[", fp);
		put_clean(fp, r->id);
		fprintf(fp, "]\t; %s, level %s", r->type->name,
		    level_name(r->level));
		if (r->nreq > 0) {
			fputs(", requirement", fp);
			for (j = 0; j < r->nreq; j++)
				fprintf(fp, " %d", r->req[j]);
		}
		fputc('\n', fp);
		for (j = 0; j < r->nkeys; j++) {
			k = &r->keys[j];
			if (k->n == 0) {
				put_clean(fp, k->name);
				fputs(" =\t; (emptied)\n", fp);
			}
			for (m = 0; m < k->n; m++) {
				put_clean(fp, k->name);
				fputs(" = ", fp);
				put_clean(fp, k->v[m].value);
				fputs("\t; ", fp);
				put_clean(fp, k->v[m].file);
				if (k->v[m].line > 0)
					fprintf(fp, ":%d", k->v[m].line);
				fputc('\n', fp);
			}
		}
	}
	for (i = 0; i < res->rs.fact_names.n; i++) {
		fputs(i == 0 ? "\n[facts] " : "[facts] ", fp);
		put_clean(fp, res->rs.fact_names.v[i]);
		fputs(" = ", fp);
		put_clean(fp, res->rs.fact_values.v[i]);
		fputs("\t; ", fp);
		put_clean(fp, res->rs.fact_sources.v[i]);
		fputc('\n', fp);
	}
}
