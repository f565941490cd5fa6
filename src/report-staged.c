/*
 * report-staged.c: the text report of the pre-commit check (--staged
 * without --absolute): only the rules the index makes worse than HEAD,
 * each with its message, evidence and fix, then one line naming the
 * rules that were already failing at HEAD, which do not block. Not in
 * the table of formats: the check command uses it for --format text.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "baseline.h"
#include "finding.h"
#include "report.h"
#include "strbuf.h"
#include "utf8.h"

#define C_RESET		"\033[0m"
#define C_RED		"\033[1;31m"
#define C_YELLOW	"\033[33m"
#define C_BOLD		"\033[1m"

static void	 staged_repo(FILE *, const struct repo_result *,
		    const struct report_opts *, size_t);

const struct report_format report_staged = {
	.name = "text",
	.repo = staged_repo,
};

/* Text from the repository, made safe for a terminal. */
static void
put_clean(FILE *fp, const char *s)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_add_printable(&sb, s, strlen(s));
	fputs(sb.buf, fp);
	strbuf_release(&sb);
}

/* One rule made worse: status, id, message, where, fix, HEAD's status. */
static void
worse_finding(FILE *fp, const struct finding *f,
    const struct baseline_rule *br, int color)
{
	struct strbuf id = STRBUF_INIT;
	enum wg_status s;
	size_t i;

	s = finding_wg_status(f);
	strbuf_add_printable(&id, f->rule->id, strlen(f->rule->id));
	fprintf(fp, "  %s%s%s  %-22s ", color ? (s == WG_FAIL ? C_RED :
	    C_YELLOW) : "", s == WG_FAIL ? "FAIL" : s == WG_CAUTION ? "WARN" :
	    "????", color ? C_RESET : "", id.buf);
	strbuf_release(&id);
	put_clean(fp, f->message != NULL ? f->message : "");
	if (br->change == CHANGE_REGRESSED)
		fprintf(fp, " (at HEAD: %s)", wg_status_name(br->was));
	if (!br->blocks)
		fputs(" (does not block)", fp);
	fputc('\n', fp);
	for (i = 0; i < f->nev && i < 5; i++) {
		fprintf(fp, "%30sat ", "");
		put_clean(fp, f->ev[i].path);
		if (f->ev[i].line > 0)
			fprintf(fp, ":%d", f->ev[i].line);
		fputc('\n', fp);
	}
	if (f->fix != NULL) {
		fprintf(fp, "%30sfix: ", "");
		put_clean(fp, f->fix);
		fputc('\n', fp);
	}
}

static void
staged_repo(FILE *fp, const struct repo_result *res,
    const struct report_opts *o, size_t n)
{
	const struct baseline *b = res->baseline;
	const struct baseline_rule *br;
	size_t i;

	(void)n;
	if (b == NULL)
		return;
	/* With several repositories each says which it is. */
	if (!o->quiet || o->many || b->nregressed > 0 || b->nblocks > 0) {
		fputs(o->color ? C_BOLD : "", fp);
		put_clean(fp, res->abspath);
		fputs(o->color ? C_RESET : "", fp);
		if (b->has_head)
			fprintf(fp, ": the index against HEAD %.12s: ", b->head);
		else
			fputs(": the index, no commit yet: ", fp);
		if (b->nblocks > 0)
			fprintf(fp, "%zu rule%s refuse%s the commit\n",
			    b->nblocks, b->nblocks == 1 ? "" : "s",
			    b->nblocks == 1 ? "s" : "");
		else
			fprintf(fp, "nothing made worse%s\n", b->nregressed > 0 ?
			    " at level error" : "");
	}
	for (i = 0; i < b->n && i < res->nfindings; i++) {
		br = &b->v[i];
		if (br->blocks || br->change == CHANGE_REGRESSED)
			worse_finding(fp, &res->findings[i], br, o->color);
	}
	if (b->nalready == 0)
		return;
	fputs("already failing at HEAD:", fp);
	for (i = 0; i < b->n; i++)
		if (b->v[i].already) {
			fputc(' ', fp);
			put_clean(fp, b->v[i].rule);
		}
	fputc('\n', fp);
}
