/*
 * unit-report-sarif.c: the sarif and github formats on findings built by
 * hand: locations only from evidence that names a file, each related
 * location once, fingerprints that ignore numbers and plurals.
 */
#define _POSIX_C_SOURCE 200809L
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "finding.h"
#include "report.h"
#include "rules.h"
#include "ruleset.h"
#include "tap.h"

static const struct rule_type fake_type = { .name = "file" };

/* A repository result of one rule whose finding says msg. */
static void
make_result(struct repo_result *res, struct rule *r, const char *msg)
{
	repo_result_init(res, "repo");
	res->abspath = strdup("/nowhere/repo");
	res->source = "worktree";
	res->rs.name = strdup("unit");
	memset(r, 0, sizeof(*r));
	r->id = (char *)"some-rule";
	r->type = &fake_type;
	r->level = LEVEL_ERROR;
	r->title = "a title";
	res->findings = calloc(1, sizeof(*res->findings));
	res->nfindings = 1;
	finding_init(&res->findings[0], r);
	finding_result(&res->findings[0], RESULT_FAIL, "%s", msg);
	finding_judge(&res->findings[0], res, NULL);
}

/* What format fmt writes for res, in a malloc'd string. */
static char *
output(const char *fmt, const struct repo_result *res)
{
	const struct report_format *rf;
	struct report_opts ro;
	char *buf;
	size_t len;
	FILE *fp;

	memset(&ro, 0, sizeof(ro));
	rf = report_format_find(fmt);
	fp = open_memstream(&buf, &len);
	if (rf->begin != NULL)
		rf->begin(fp, &ro);
	rf->repo(fp, res, &ro, 0);
	if (rf->end != NULL)
		rf->end(fp, &ro, res, 1);
	fclose(fp);
	return buf;
}

static int
count(const char *s, const char *what)
{
	int n;

	for (n = 0; (s = strstr(s, what)) != NULL; s += strlen(what))
		n++;
	return n;
}

/* The ecocheck/v1 fingerprint in a log, copied to out. */
static void
print_of(const char *log, char out[17])
{
	const char *p;

	out[0] = '\0';
	if ((p = strstr(log, "\"ecocheck/v1\": \"")) != NULL)
		snprintf(out, 17, "%s", p + strlen("\"ecocheck/v1\": \""));
}

static void
test_locations(void)
{
	struct repo_result res;
	struct rule r;
	struct finding *f;
	char *s;

	make_result(&res, &r, "m");
	f = &res.findings[0];
	finding_evidence_other(f, "0123456789abcdef0123456789abcdef01234567",
	    "newest commit in the window");
	finding_evidence_other(f, "A U Thor <author@example.com>", "1 commit");
	finding_evidence(f, "README.md", 3, NULL);
	finding_evidence(f, "README.md", 3, NULL);
	finding_evidence(f, "docs/x.md", 0, NULL);
	finding_evidence(f, "docs/x.md", 1, NULL);
	finding_evidence(f, "docs/x.md", 2, NULL);
	s = output("sarif", &res);
	is_int(count(s, "\"uri\": \"README.md\""), 1,
	    "the first file of the evidence is the location, once");
	is_int(count(s, "\"startLine\": 3"), 1, "with its line");
	is_int(count(s, "\"uri\": \"docs/x.md\""), 2,
	    "a line not known and line 1 are one related location");
	ok(strstr(s, "author@example.com") == NULL,
	    "an author is no location");
	ok(strstr(s, "\"uri\": \"0123456789") == NULL,
	    "nor is a commit");
	free(s);
	s = output("github", &res);
	ok(strncmp(s, "::error file=README.md,line=3,title=some-rule%3A a title::m\n",
	    strlen("::error file=README.md,line=3,title=some-rule%3A a title::m\n")) == 0,
	    "github: the file and line of the first file of the evidence");
	free(s);
	repo_result_release(&res);
}

static void
test_fingerprints(void)
{
	struct repo_result res;
	struct rule r;
	char a[17], b[17], c[17];
	char *s;

	make_result(&res, &r, "1 commit in the 90 days before 2026-01-01");
	s = output("sarif", &res);
	print_of(s, a);
	free(s);
	repo_result_release(&res);
	make_result(&res, &r, "12 commits in the 90 days before 2026-03-04");
	s = output("sarif", &res);
	print_of(s, b);
	free(s);
	repo_result_release(&res);
	make_result(&res, &r, "no commit at all");
	s = output("sarif", &res);
	print_of(s, c);
	free(s);
	repo_result_release(&res);
	is_int((int)strlen(a), 16, "a fingerprint is 16 hex digits");
	is_str(a, b, "counts, dates and plurals do not change it");
	ok(strcmp(a, c) != 0, "another message does");
}

int
main(void)
{
	test_locations();
	test_fingerprints();
	return done_testing();
}
