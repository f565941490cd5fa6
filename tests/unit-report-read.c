/* unit-report-read.c: saved JSON reports read back (report-read.h) */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "finding.h"
#include "report-json.h"
#include "report-read.h"
#include "rules.h"
#include "ruleset.h"
#include "strbuf.h"
#include "tap.h"
#include "xalloc.h"

#define NRULES	4

static struct rule rules[NRULES];
static const char *const ids[NRULES] = { "license", "governance", "stars",
	"old-rule" };
static int reqs[NRULES] = { 7, 3, 14, 2 };

/* A result as a check makes it: every kind of finding the JSON holds. */
static void
make_result(struct repo_result *res)
{
	struct finding *f;
	size_t i;

	repo_result_init(res, "saved.json");
	res->abspath = xstrdup("/src/demo");
	res->source = "commit";
	res->has_head = 1;
	memcpy(res->head, "0123456789abcdef0123456789abcdef01234567", 41);
	res->as_of = 1767225600;
	res->start = 1767225600 - 90 * 86400;
	res->days = 90;
	res->rs.name = xstrdup("pytorch-ecosystem");
	res->rs.req_title = calloc(15, sizeof(*res->rs.req_title));
	res->rs.nreq_title = 15;
	res->rs.req_title[3] = xstrdup("Governance");
	res->rs.req_title[7] = xstrdup("Permissive licensing");
	res->findings = calloc(NRULES + 1, sizeof(*res->findings));
	for (i = 0; i < NRULES; i++) {
		rules[i].id = (char *)ids[i];
		rules[i].type = rule_type_find(i == 2 ? "fact" : "file");
		rules[i].level = i == 3 ? LEVEL_WARNING : LEVEL_ERROR;
		rules[i].req = &reqs[i];
		rules[i].nreq = 1;
		f = &res->findings[res->nfindings++];
		finding_init(f, &rules[i]);
	}
	f = &res->findings[0];
	finding_result(f, RESULT_PASS, "LICENSE.md is MIT");
	finding_evidence(f, "LICENSE.md", 1, "MIT License");
	finding_value_str(f, "MIT");
	f = &res->findings[1];
	finding_result(f, RESULT_FAIL, "nothing found");
	finding_fix(f, "add GOVERNANCE.md");
	finding_add_change(f, "level", "error", ".ecocheck.ini", 3, NULL);
	f = &res->findings[2];
	finding_result(f, RESULT_UNKNOWN, "stars cannot be seen offline");
	f->judgment = 1;
	finding_value(f, 12);
	finding_min(f, 100);
	finding_detail(f, "window: 2025-10-03 to 2026-01-01 (90 days)");
	f = &res->findings[3];
	finding_result(f, RESULT_FAIL, "an old rule");
	finding_set_exempt(f, "moved away", "2027-01-01", ".ecocheck.ini", 9);
	f->result = RESULT_SKIP;
	for (i = 0; i < NRULES; i++)
		finding_judge(&res->findings[i], res, NULL);
}

static void
release_made(struct repo_result *res)
{
	res->rs.nrules = 0;	/* the rules are static */
	repo_result_release(res);
}

/* Read text as a report named x.json; the one error, when any, in err. */
static int
read_text(struct repo_result *res, const char *text, struct strbuf *err)
{
	struct ec_sink sink;
	struct ec_sink *prev;
	int rc;

	strbuf_reset(err);
	ec_sink_init(&sink, ec_emit_strbuf, err);
	prev = ec_sink_enter(&sink);
	repo_result_init(res, "x.json");
	rc = report_read_buffer(res, "x.json", text, strlen(text));
	ec_sink_leave(prev);
	return rc;
}

static void
test_round_trip(void)
{
	struct repo_result made, back;
	struct strbuf doc = STRBUF_INIT, again = STRBUF_INIT;
	struct strbuf err = STRBUF_INIT;
	const struct finding *f;

	make_result(&made);
	report_json_document(&doc, &made, 1);
	ok(read_text(&back, doc.buf, &err) == 0, "a report reads back");
	is_str(err.buf, "", "with no error");
	report_json_document(&again, &back, 1);
	is_str(again.buf, doc.buf, "and writes the same document again");
	is_int(back.nfindings, NRULES, "every result");
	is_str(back.abspath, "/src/demo", "the repository's path");
	is_str(back.head, made.head, "its head");
	is_int(back.as_of, made.as_of, "the window's end");
	is_str(ruleset_requirement_title(&back.rs, 3), "Governance",
	    "the requirements' titles");
	f = &back.findings[1];
	is_str(f->rule->id, "governance", "a rule by id");
	is_int(f->rule->req[0], 3, "with its requirement");
	is_int(finding_wg_status(f), WG_FAIL, "a failure at error is Fail");
	is_int(finding_wg_status(&back.findings[2]), WG_JUDGMENT,
	    "judgment kept");
	is_int(finding_wg_status(&back.findings[3]), WG_SKIP,
	    "an exempt rule is skipped");
	ok(back.findings[3].exempt != NULL &&
	    strcmp(back.findings[3].exempt->reason, "moved away") == 0,
	    "with its exemption");
	is_int(back.errors_failed, 1, "failures at error counted");
	is_int(back.status, EXIT_FAILED, "and the exit status they give");
	release_made(&made);
	repo_result_release(&back);
	strbuf_release(&doc);
	strbuf_release(&again);
	strbuf_release(&err);
}

/* Text that must be refused with the error want (a prefix of it). */
static void
refused(const char *text, const char *want, const char *what)
{
	struct repo_result res;
	struct strbuf err = STRBUF_INIT;
	int rc;

	rc = read_text(&res, text, &err);
	ok(rc == -1 && strncmp(err.buf, want, strlen(want)) == 0 &&
	    strchr(err.buf, '\n') == err.buf + err.len - 1, "%s", what);
	if (strncmp(err.buf, want, strlen(want)) != 0)
		printf("#   got \"%s\"\n#  want \"%s...\"\n", err.buf, want);
	is_int(res.nfindings + res.rs.nrules, 0, "%s: nothing kept", what);
	repo_result_release(&res);
	strbuf_release(&err);
}

#define HEAD_OK	"{\"schema\": 1, \"repository\": {\"path\": \"/r\", " \
	"\"source\": \"commit\", \"head\": null}, \"ruleset\": " \
	"{\"name\": \"s\"}, \"window\": {\"as_of\": \"2026-01-01T00:00:00Z\", " \
	"\"start\": \"2025-10-03T00:00:00Z\", \"days\": 90}, \"results\": "
#define RESULT(id, type, level, result) "{\"rule\": \"" id "\", " \
	"\"requirement\": [1], \"type\": \"" type "\", \"level\": " level \
	", \"result\": \"" result "\", \"message\": \"m\"}"

static void
test_refused(void)
{
	refused("{\"schema\": 2, \"results\": []}",
	    "ecocheck: x.json: a report of schema 2; this ecocheck reads "
	    "schema 1", "another schema");
	refused("{\n  \"schema\": 1,\n  oops\n}",
	    "ecocheck: x.json:3:", "malformed JSON: file, line and column");
	refused("[{\"schema\": 1}, {\"schema\": 1}]",
	    "ecocheck: x.json: an array of 2 reports", "an array of reports");
	refused("{\"results\": []}",
	    "ecocheck: x.json: not an ecocheck report: no \"schema\"",
	    "no schema");
	refused(HEAD_OK "[" RESULT("a", "file", "3", "pass") "]}",
	    "ecocheck: x.json: results[0]: \"level\" is not a string",
	    "a member of the wrong type, named by its place");
	refused(HEAD_OK "[" RESULT("a", "file", "\"loud\"", "pass") "]}",
	    "ecocheck: x.json: results[0]: \"level\" is not a level: 'loud'",
	    "a level that is none");
	refused(HEAD_OK "[" RESULT("a", "file", "\"error\"", "maybe") "]}",
	    "ecocheck: x.json: results[0]: \"result\" is not a result",
	    "a result that is none");
	refused(HEAD_OK "[" RESULT("a", "file", "\"error\"", "pass") ", "
	    RESULT("a", "file", "\"error\"", "fail") "]}",
	    "ecocheck: x.json: results[1]: rule 'a' a second time",
	    "a rule twice");
	refused("{\"schema\": 1, \"schema\": 1}", "ecocheck: x.json:1:",
	    "a duplicate key");
}

static void
test_other_type(void)
{
	struct repo_result res;
	struct strbuf err = STRBUF_INIT;

	ok(read_text(&res, HEAD_OK "[" RESULT("a", "from-the-future",
	    "\"warning\"", "fail") "]}", &err) == 0,
	    "a rule type of a later version is read");
	ok(res.nfindings == 1 && strcmp(res.findings[0].rule->type->name,
	    "from-the-future") == 0 && res.findings[0].rule->type->flags == 0,
	    "named, with no flags");
	ok(res.nfindings == 1 &&
	    finding_wg_status(&res.findings[0]) == WG_CAUTION,
	    "judged by its level");
	is_int(res.has_head, 0, "a null head is none");
	repo_result_release(&res);
	strbuf_release(&err);
}

int
main(void)
{
	test_round_trip();
	test_refused();
	test_other_type();
	return done_testing();
}
