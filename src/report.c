/* report.c: the table of report formats, --list-rules and the exit code */
#define _POSIX_C_SOURCE 200809L
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "report.h"
#include "rules.h"
#include "ruleset.h"

static const struct report_format *const formats[] = {
	[FORMAT_TEXT] = &report_text,
	[FORMAT_JSON] = &report_json,
};

const struct report_format *
report_find(enum format f)
{
	if ((size_t)f >= sizeof(formats) / sizeof(formats[0]))
		return NULL;
	return formats[f];
}

void
report_repo(FILE *fp, const struct repo_result *res, const struct options *o)
{
	const struct report_format *rf;

	rf = report_find(o->format);
	if (rf != NULL)
		rf->repo(fp, res, o);
}

int
report_exit_code(int rc, const struct repo_result *res,
    const struct options *o)
{
	if (rc != 0)
		return 2;
	if (res->errors_failed > 0)
		return 1;
	if (o->strict && res->unknown_failed > 0)
		return 1;
	return 0;
}

int
report_use_color(FILE *fp, const struct options *o)
{
	const char *nc, *term;

	if (o->color == COLOR_ALWAYS)
		return 1;
	if (o->color == COLOR_NEVER)
		return 0;
	nc = getenv("NO_COLOR");
	if (nc != NULL && *nc != '\0')
		return 0;
	term = getenv("TERM");
	if (term != NULL && strcmp(term, "dumb") == 0)
		return 0;
	return isatty(fileno(fp));
}

void
report_list_rules(FILE *fp, const struct repo_result *res)
{
	const struct rule *r;
	const struct rule_key *k;
	size_t i, j, m;

	fprintf(fp, "# rule set %s, from:", res->rs.name);
	for (i = 0; i < res->rs.files.n; i++)
		fprintf(fp, " %s", res->rs.files.v[i]);
	fprintf(fp, "\n# window_days = %d\n", res->rs.window_days);
	for (i = 0; i < res->rs.nrules; i++) {
		r = res->rs.rules[i];
		fprintf(fp, "\n[%s]\t; %s, level %s", r->id, r->type->name,
		    level_name(r->level));
		if (r->nreq > 0) {
			fputs(", requirement", fp);
			for (j = 0; j < r->nreq; j++)
				fprintf(fp, " %d", r->req[j]);
		}
		fputc('\n', fp);
		for (j = 0; j < r->nkeys; j++) {
			k = &r->keys[j];
			if (k->n == 0)
				fprintf(fp, "%s =\t; (emptied)\n", k->name);
			for (m = 0; m < k->n; m++) {
				fprintf(fp, "%s = %s\t; ", k->name,
				    k->v[m].value);
				if (k->v[m].line > 0)
					fprintf(fp, "%s:%d\n", k->v[m].file,
					    k->v[m].line);
				else
					fprintf(fp, "%s\n", k->v[m].file);
			}
		}
	}
	for (i = 0; i < res->rs.fact_names.n; i++)
		fprintf(fp, "%s[facts] %s = %s\t; %s\n", i == 0 ? "\n" : "",
		    res->rs.fact_names.v[i], res->rs.fact_values.v[i],
		    res->rs.fact_sources.v[i]);
}
