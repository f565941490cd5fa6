/*
 * report-json.c: the JSON document of a repository, schema 1 (see
 * ecocheck(1)); the json format prints it, or an array of them when
 * several repositories are checked.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "baseline.h"
#include "finding.h"
#include "json.h"
#include "report-json.h"
#include "report.h"
#include "rules.h"
#include "strbuf.h"
#include "timeutil.h"

#define JSON_SCHEMA	1

static void	 json_changes(struct json *, const struct finding *);
static void	 json_exempt(struct json *, const struct finding_exempt *);
static void	 json_repository(struct json *, const struct repo_result *);
static void	 json_begin(FILE *, const struct report_opts *);
static void	 json_repo(FILE *, const struct repo_result *,
		    const struct report_opts *, size_t);
static void	 json_end(FILE *, const struct report_opts *,
		    const struct repo_result *, size_t);

const struct report_format report_json = {
	.name = "json",
	.begin = json_begin,
	.repo = json_repo,
	.end = json_end,
};

static void
json_finding(struct json *j, const struct finding *f)
{
	const struct rule *r = f->rule;
	size_t i;

	json_object_begin(j, NULL);
	json_string(j, "rule", r->id);
	json_array_begin(j, "requirement");
	for (i = 0; i < r->nreq; i++)
		json_int(j, NULL, r->req[i]);
	json_array_end(j);
	json_string(j, "type", r->type->name);
	json_string(j, "level", level_name(f->level));
	json_string(j, "result", result_name(f->result));
	json_string(j, "status", wg_status_name(finding_wg_status(f)));
	if (f->value_str != NULL)
		json_string(j, "value", f->value_str);
	else if (f->has_value)
		json_int(j, "value", f->value);
	if (f->has_min)
		json_int(j, "min", f->min);
	json_string(j, "message", f->message != NULL ? f->message : "");
	json_array_begin(j, "evidence");
	for (i = 0; i < f->nev; i++) {
		json_object_begin(j, NULL);
		json_string(j, "path", f->ev[i].path);
		if (f->ev[i].line > 0)
			json_int(j, "line", f->ev[i].line);
		if (f->ev[i].note != NULL)
			json_string(j, "note", f->ev[i].note);
		json_object_end(j);
	}
	json_array_end(j);
	/* The lines the text report prints under the message, unindented. */
	if (f->details.n > 0) {
		json_array_begin(j, "details");
		for (i = 0; i < f->details.n; i++)
			json_string(j, NULL, f->details.v[i] +
			    strspn(f->details.v[i], " "));
		json_array_end(j);
	}
	if (f->fix != NULL)
		json_string(j, "fix", f->fix);
	if (f->judgment && f->result != RESULT_PASS)
		json_bool(j, "judgment", 1);
	json_changes(j, f);
	if (f->exempt != NULL)
		json_exempt(j, f->exempt);
	json_object_end(j);
}

/* What the repository's .ecocheck.ini changed of the rule, when anything. */
static void
json_changes(struct json *j, const struct finding *f)
{
	const struct finding_change *c;
	size_t i;

	if (f->nchanges == 0)
		return;
	json_array_begin(j, "changed_by_repo");
	for (i = 0; i < f->nchanges; i++) {
		c = &f->changes[i];
		json_object_begin(j, NULL);
		json_string(j, "key", c->key);
		json_string(j, "value", c->value);
		json_string(j, "file", c->file);
		if (c->line > 0)
			json_int(j, "line", c->line);
		if (c->base != NULL)
			json_string(j, "ruleset_value", c->base);
		else
			json_null(j, "ruleset_value");
		json_object_end(j);
	}
	json_array_end(j);
}

static void
json_exempt(struct json *j, const struct finding_exempt *ex)
{
	json_object_begin(j, "exempt");
	json_string(j, "reason", ex->reason);
	if (ex->until != NULL)
		json_string(j, "until", ex->until);
	else
		json_null(j, "until");
	json_string(j, "file", ex->file);
	if (ex->line > 0)
		json_int(j, "line", ex->line);
	json_bool(j, "needed", ex->needed);
	json_string(j, "found", result_name(ex->found));
	json_object_end(j);
}

/* The "repository" object: what was checked, and what lay outside it. */
static void
json_repository(struct json *j, const struct repo_result *res)
{
	size_t i;

	json_object_begin(j, "repository");
	json_string(j, "path", res->abspath);
	json_string(j, "source", res->source);
	if (res->has_head)
		json_string(j, "head", res->head);
	else
		json_null(j, "head");
	json_bool(j, "shallow", res->shallow);
	json_bool(j, "bare", res->bare);
	if (res->outside_gitdir != NULL)
		json_string(j, "outside_git_dir", res->outside_gitdir);
	else
		json_null(j, "outside_git_dir");
	json_array_begin(j, "outside_alternates");
	for (i = 0; i < res->outside_alternates.n; i++)
		json_string(j, NULL, res->outside_alternates.v[i]);
	json_array_end(j);
	json_object_end(j);
}

/* The titles of the rule set's requirements, by number. */
static void
json_requirements(struct json *j, const struct ruleset *rs)
{
	const char *title;
	size_t n;

	json_array_begin(j, "requirements");
	for (n = 1; n < rs->nreq_title; n++) {
		if ((title = ruleset_requirement_title(rs, (int)n)) == NULL)
			continue;
		json_object_begin(j, NULL);
		json_int(j, "number", (long long)n);
		json_string(j, "title", title);
		json_object_end(j);
	}
	json_array_end(j);
}

void
report_json_document(struct strbuf *sb, const struct repo_result *res,
    int pretty)
{
	struct json j;
	char tbuf[32];
	size_t i;

	json_init(&j, sb, pretty);
	json_object_begin(&j, NULL);
	json_int(&j, "schema", JSON_SCHEMA);
	json_object_begin(&j, "tool");
	json_string(&j, "name", PACKAGE_NAME);
	json_string(&j, "version", PACKAGE_VERSION);
	json_object_end(&j);
	json_repository(&j, res);
	json_object_begin(&j, "ruleset");
	json_string(&j, "name", res->rs.name);
	json_array_begin(&j, "files");
	for (i = 0; i < res->rs.files.n; i++)
		if (strcmp(res->rs.files.v[i], "--set") != 0)
			json_string(&j, NULL, res->rs.files.v[i]);
	json_array_end(&j);
	json_requirements(&j, &res->rs);
	json_object_end(&j);
	json_object_begin(&j, "window");
	time_format_iso(res->as_of, tbuf, sizeof(tbuf));
	json_string(&j, "as_of", tbuf);
	time_format_iso(res->start, tbuf, sizeof(tbuf));
	json_string(&j, "start", tbuf);
	json_int(&j, "days", res->days);
	json_object_end(&j);
	json_array_begin(&j, "results");
	for (i = 0; i < res->nfindings; i++)
		json_finding(&j, &res->findings[i]);
	json_array_end(&j);
	if (res->baseline != NULL)
		baseline_json(&j, res->baseline);
	json_object_begin(&j, "summary");
	json_int(&j, "pass", res->counts[RESULT_PASS]);
	json_int(&j, "fail", res->counts[RESULT_FAIL]);
	json_int(&j, "unknown", res->counts[RESULT_UNKNOWN]);
	json_int(&j, "skip", res->counts[RESULT_SKIP]);
	json_int(&j, "errors_failed", res->errors_failed);
	json_object_end(&j);
	json_object_end(&j);
}

/* Several repositories make one array: "[", documents, "]". */
static void
json_begin(FILE *fp, const struct report_opts *ro)
{
	if (ro->many)
		fputs("[\n", fp);
}

static void
json_repo(FILE *fp, const struct repo_result *res,
    const struct report_opts *ro, size_t n)
{
	struct strbuf sb = STRBUF_INIT;

	if (ro->many && n > 0)
		fputs(",\n", fp);
	report_json_document(&sb, res, 1);
	if (!ro->many)
		strbuf_addch(&sb, '\n');
	fwrite(sb.buf, 1, sb.len, fp);
	strbuf_release(&sb);
}

static void
json_end(FILE *fp, const struct report_opts *ro,
    const struct repo_result *res, size_t n)
{
	if (ro->many)
		fputs(report_reported(res, n) > 0 ? "\n]\n" : "]\n", fp);
}
