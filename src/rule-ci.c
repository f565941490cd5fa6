/*
 * rule-ci.c: the "ci" rule type: a CI configuration that runs the tests.
 *
 * Every CI file ecocheck knows (ci.h) is read through the check context.
 * A pass names the step that runs tests; that its runs are green cannot
 * be seen offline, and the message says so. CI that runs no tests fails
 * naming what it does; no CI fails, and when the repository once had
 * GitHub workflows, says when the last change to .github/workflows (their
 * removal) was made. When only an outside service (CircleCI, Travis...)
 * runs the tests and its file has not changed for stale_days, the rule
 * fails as a warning: the service may no longer run it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ci.h"
#include "ctx.h"
#include "finding.h"
#include "rules.h"
#include "ruleset.h"
#include "strbuf.h"
#include "timeutil.h"
#include "tree.h"
#include "xalloc.h"

#define CI_READ_CAP	(1024 * 1024)	/* bytes of a CI file read */
#define CI_EVIDENCE	5		/* test steps given as evidence */
#define DAY		86400

struct scan_arg {
	struct check_ctx	*ctx;
	struct ci_scan		*scan;
	int			 any_yaml;	/* the rule's own globs */
	int			 rc;
};

static int	 ci_check(const struct rule *, struct check_ctx *,
		    struct finding *);
static int	 scan_cb(const struct tree_entry *, void *);
static int	 hit_rank(const struct ci_hit *);
static void	 describe_services(const struct ci_scan *, struct strbuf *);
static void	 report_torch(const struct ci_scan *, struct finding *);
static int	 report_stale(const struct rule *, struct check_ctx *,
		    const struct ci_scan *, struct finding *);
static int	 report_none(struct check_ctx *, const struct ci_scan *,
		    struct finding *);

/* Where CI services and test runners keep their configuration. */
static const char *const ci_paths[] = {
	".github/workflows/*.yml", ".github/workflows/*.yaml",
	".gitlab-ci.yml", ".circleci/config.yml", ".circleci/config.yaml",
	"azure-pipelines.yml", "azure-pipelines.yaml", ".azure-pipelines.yml",
	".azure-pipelines/**/*.yml", ".azure-pipelines/**/*.yaml",
	".buildkite/*.yml", ".buildkite/*.yaml", ".travis.yml",
	"Jenkinsfile", "tox.ini", "noxfile.py", NULL
};

static const struct rule_key_spec ci_keys[] = {
	{ "path", KEY_WORDS,
	    .doc = "globs of CI files (default: every CI ecocheck knows)" },
	{ "runs_tests", KEY_BOOL, .flags = KEYF_REPO,
	    .doc = "the CI must run tests (default yes)" },
	{ "stale_days", KEY_INT, .flags = KEYF_REPO, .max = 36500,
	    .doc = "an outside service's file unchanged this long: a "
	    "warning (0: never)" },
	{ .name = NULL }
};

const struct rule_type rule_ci = {
	.name = "ci",
	.summary = "a CI configuration that runs the tests",
	.keys = ci_keys,
	.check = ci_check,
};

/* Read one CI file into the scan; files that cannot be read are counted. */
static int
scan_cb(const struct tree_entry *e, void *arg)
{
	struct scan_arg *a = arg;
	struct ci_seen *s;
	const char *buf;
	size_t len;
	size_t i;
	int kind, trunc, rc;

	for (i = 0; i < a->scan->n; i++)
		if (strcmp(a->scan->v[i].path, e->path) == 0)
			return 0;
	if ((kind = ci_kind_of_path(e->path)) == -1) {
		if (!a->any_yaml)
			return 0;
		kind = CI_YAML;
	}
	rc = ctx_read(a->ctx, e, CI_READ_CAP, CTX_READ_TEXT, NULL, &buf, &len,
	    &trunc);
	if (rc == -1) {
		a->rc = -1;
		return 1;
	}
	if (rc != 0) {
		a->scan->unreadable++;
		return 0;
	}
	XGROW(a->scan->v, a->scan->n + 1, a->scan->alloc);
	s = &a->scan->v[a->scan->n++];
	s->path = xstrdup(e->path);
	(void)ci_read((enum ci_kind)kind, buf, len, &s->f);
	if (trunc && s->f.error == NULL) {
		s->f.error = xasprintf("larger than %d bytes: only the first "
		    "part was read", CI_READ_CAP);
		s->f.error_line = 0;
	}
	return 0;
}

int
ci_scan(struct check_ctx *ctx, const struct rule_key *globs,
    struct ci_scan *scan)
{
	struct scan_arg a;
	size_t i;

	memset(scan, 0, sizeof(*scan));
	a.ctx = ctx;
	a.scan = scan;
	a.rc = 0;
	a.any_yaml = globs != NULL && globs->n > 0;
	if (a.any_yaml) {
		for (i = 0; i < globs->n && a.rc == 0; i++) {
			const char *p, *q;
			char *g;

			/* a KEY_WORDS value: globs separated by spaces */
			for (p = globs->v[i].value; *p != '\0'; p = q) {
				while (*p == ' ' || *p == '\t')
					p++;
				for (q = p; *q != '\0' && *q != ' ' &&
				    *q != '\t'; q++)
					;
				if (q == p)
					break;
				g = xstrndup(p, (size_t)(q - p));
				tree_glob(ctx_tree(ctx), g, 0, scan_cb, &a);
				free(g);
			}
		}
	} else
		for (i = 0; ci_paths[i] != NULL && a.rc == 0; i++)
			tree_glob(ctx_tree(ctx), ci_paths[i], 0, scan_cb, &a);
	return a.rc;
}

void
ci_scan_release(struct ci_scan *scan)
{
	size_t i;

	for (i = 0; i < scan->n; i++) {
		free(scan->v[i].path);
		ci_file_release(&scan->v[i].f);
	}
	free(scan->v);
	memset(scan, 0, sizeof(*scan));
}

/* How plainly a step runs tests: 0 a runner named, 1 make, 2 a script. */
static int
hit_rank(const struct ci_hit *h)
{
	if (strcmp(h->what, "a test script") == 0 ||
	    strcmp(h->what, "a test task") == 0)
		return 2;
	if (strcmp(h->what, "make test") == 0 ||
	    strcmp(h->what, "ninja test") == 0 ||
	    strcmp(h->what, "setup.py test") == 0)
		return 1;
	return 0;
}

const struct ci_seen *
ci_scan_tests(const struct ci_scan *scan, size_t *hit)
{
	const struct ci_seen *best;
	size_t i, j, bj;
	int rank, br;

	best = NULL;
	bj = 0;
	br = 3;
	for (i = 0; i < scan->n; i++) {
		if (!ci_kind_is_service(scan->v[i].f.kind))
			continue;
		for (j = 0; j < scan->v[i].f.tests.n; j++)
			if ((rank = hit_rank(&scan->v[i].f.tests.v[j])) < br) {
				best = &scan->v[i];
				bj = j;
				br = rank;
			}
	}
	if (hit != NULL)
		*hit = bj;
	return best;
}

/* "GitHub Actions (2 files), CircleCI" */
static void
describe_services(const struct ci_scan *scan, struct strbuf *sb)
{
	size_t i, j, n;
	int seen;

	for (i = 0; i < scan->n; i++) {
		if (!ci_kind_is_service(scan->v[i].f.kind))
			continue;
		seen = 0;
		for (j = 0; j < i; j++)
			if (scan->v[j].f.kind == scan->v[i].f.kind)
				seen = 1;
		if (seen)
			continue;
		for (j = i, n = 0; j < scan->n; j++)
			if (scan->v[j].f.kind == scan->v[i].f.kind)
				n++;
		if (sb->len > 0)
			strbuf_addstr(sb, ", ");
		strbuf_addstr(sb, ci_kind_name(scan->v[i].f.kind));
		if (n > 1)
			strbuf_addf(sb, " (%zu files)", n);
	}
}

/* The torch versions CI names, as a detail; one alone, in the message. */
static void
report_torch(const struct ci_scan *scan, struct finding *f)
{
	struct strvec vers = STRVEC_INIT;
	struct strbuf sb = STRBUF_INIT;
	const char *where;
	int line;
	size_t i, j;

	where = NULL;
	line = 0;
	for (i = 0; i < scan->n; i++)
		for (j = 0; j < scan->v[i].f.torch.n; j++) {
			if (strvec_has(&vers, scan->v[i].f.torch.v[j].what))
				continue;
			strvec_push(&vers, scan->v[i].f.torch.v[j].what);
			if (where == NULL) {
				where = scan->v[i].path;
				line = scan->v[i].f.torch.v[j].line;
			}
		}
	for (i = 0; i < vers.n; i++)
		strbuf_addf(&sb, "%s%s", i > 0 ? ", " : "", vers.v[i]);
	if (vers.n == 1)
		finding_append(f, "; the only torch version it names is %s "
		    "(%s:%d)", vers.v[0], where, line);
	else if (vers.n > 1)
		finding_detail(f, "torch versions the CI names: %s", sb.buf);
	strbuf_release(&sb);
	strvec_clear(&vers);
}

/*
 * When no GitHub workflow runs tests, the newest change of the outside
 * service's files that do: older than stale_days, a warning. 0 or -1.
 */
static int
report_stale(const struct rule *r, struct check_ctx *ctx,
    const struct ci_scan *scan, struct finding *f)
{
	const struct ci_seen *s;
	char hex[41], date[16];
	int64_t when, newest;
	long long days, stale;
	enum ci_kind kind;
	const char *path;
	size_t i;
	int rc, undecided;

	newest = 0;
	kind = CI_YAML;
	path = NULL;
	undecided = 0;
	for (i = 0; i < scan->n; i++) {
		s = &scan->v[i];
		if (!ci_kind_is_service(s->f.kind) || s->f.tests.n == 0)
			continue;
		if (s->f.kind == CI_GITHUB)
			return 0;
	}
	for (i = 0; i < scan->n; i++) {
		s = &scan->v[i];
		if (!ci_kind_is_service(s->f.kind) || s->f.tests.n == 0)
			continue;
		rc = ctx_last_change(ctx, s->path, &when, hex, sizeof(hex));
		if (rc == -1)
			return -1;
		if (rc == 2)
			undecided = 1;
		if (rc == 1 && (path == NULL || when > newest)) {
			newest = when;
			path = s->path;
			kind = s->f.kind;
		}
	}
	if (path == NULL || undecided)
		return 0;
	time_format_date(newest, date, sizeof(date));
	days = (ctx_as_of(ctx) - newest) / DAY;
	stale = rule_int(r, "stale_days", 365);
	if (stale > 0 && days > stale) {
		f->result = RESULT_FAIL;
		finding_cap_level(f, LEVEL_WARNING);
		finding_append(f, "; but %s was last changed on %s, %lld days "
		    "ago: check that %s still runs it", path, date, days,
		    ci_kind_name(kind));
		finding_fix(f, "run the tests in a CI the project uses today "
		    "(GitHub Actions reads .github/workflows/)");
	} else
		finding_append(f, "; %s was last changed on %s", path, date);
	return 0;
}

/*
 * No CI service: say what runners exist and, when GitHub workflows were
 * once here, when .github/workflows last changed (their removal).
 */
static int
report_none(struct check_ctx *ctx, const struct ci_scan *scan,
    struct finding *f)
{
	char hex[41], date[16];
	int64_t when;
	size_t i;
	int rc;

	finding_result(f, RESULT_FAIL, "no CI configuration (GitHub Actions, "
	    "GitLab CI, CircleCI, Azure Pipelines, Buildkite, Jenkins, "
	    "Travis)");
	for (i = 0; i < scan->n; i++)
		if (!ci_kind_is_service(scan->v[i].f.kind)) {
			finding_append(f, "; %s %s, but no CI runs it",
			    scan->v[i].path, scan->v[i].f.tests.n > 0 ?
			    "runs tests" : "is there");
			finding_evidence(f, scan->v[i].path, 0, NULL);
		}
	if (ctx_tree(ctx) != NULL && tree_count_under(ctx_tree(ctx),
	    ".github/workflows") > 0)
		finding_append(f, "; .github/workflows holds no .yml or .yaml "
		    "file GitHub runs");
	rc = ctx_last_change(ctx, ".github/workflows", &when, hex, sizeof(hex));
	if (rc == -1)
		return -1;
	if (rc == 1) {
		time_format_date(when, date, sizeof(date));
		hex[12] = '\0';
		finding_append(f, "; the last workflow change under "
		    ".github/workflows was on %s (commit %s)", date, hex);
		finding_evidence(f, ".github/workflows", 0, "in the history");
	} else if (rc == 2)
		finding_append(f, "; whether workflows were removed cannot be "
		    "seen on this clone");
	finding_fix(f, "add a workflow that runs the tests, e.g. "
	    ".github/workflows/tests.yml with a step 'run: pytest'");
	return 0;
}

static int
ci_check(const struct rule *r, struct check_ctx *ctx, struct finding *f)
{
	struct strbuf sb = STRBUF_INIT;
	struct ci_scan scan;
	const struct ci_seen *t;
	size_t i, j, h, nev, services;
	int rc;

	if (ci_scan(ctx, rule_key(r, "path"), &scan) == -1) {
		ci_scan_release(&scan);
		return -1;
	}
	rc = 0;
	describe_services(&scan, &sb);
	for (i = 0, services = 0; i < scan.n; i++)
		if (ci_kind_is_service(scan.v[i].f.kind))
			services++;
	if ((t = ci_scan_tests(&scan, &h)) != NULL) {
		finding_result(f, RESULT_PASS, "%s runs tests: %s at %s:%d "
		    "(whether its runs pass cannot be seen offline)", sb.buf,
		    t->f.tests.v[h].what, t->path, t->f.tests.v[h].line);
		finding_evidence(f, t->path, t->f.tests.v[h].line,
		    t->f.tests.v[h].text);
		for (i = 0, nev = 1; i < scan.n && nev < CI_EVIDENCE; i++)
			for (j = 0; j < scan.v[i].f.tests.n &&
			    nev < CI_EVIDENCE; j++, nev++)
				if (ci_kind_is_service(scan.v[i].f.kind) &&
				    (&scan.v[i] != t || j != h))
					finding_evidence(f, scan.v[i].path,
					    scan.v[i].f.tests.v[j].line,
					    scan.v[i].f.tests.v[j].text);
		report_torch(&scan, f);
		rc = report_stale(r, ctx, &scan, f);
	} else if (services > 0) {
		finding_result(f, rule_bool(r, "runs_tests", 1) ? RESULT_FAIL :
		    RESULT_PASS, "%s runs no tests", sb.buf);
		strbuf_reset(&sb);
		for (i = 0; i < scan.n; i++) {
			if (!ci_kind_is_service(scan.v[i].f.kind))
				continue;
			finding_evidence(f, scan.v[i].path,
			    scan.v[i].f.error_line, scan.v[i].f.error);
			for (j = 0; j < scan.v[i].f.does.n; j++)
				if (strstr(sb.buf, scan.v[i].f.does.v[j]) ==
				    NULL && sb.len < 200)
					strbuf_addf(&sb, "%s%s", sb.len > 0 ?
					    ", " : "", scan.v[i].f.does.v[j]);
		}
		if (sb.len > 0)
			finding_append(f, ": it does %s", sb.buf);
		for (i = 0; i < scan.n; i++)
			if (scan.v[i].f.error != NULL) {
				finding_append(f, "; %s:%d cannot be read: %s",
				    scan.v[i].path, scan.v[i].f.error_line,
				    scan.v[i].f.error);
				if (f->result == RESULT_FAIL)
					f->result = RESULT_UNKNOWN;
				break;
			}
		report_torch(&scan, f);
		finding_fix(f, "add a step that runs the tests (pytest, tox, "
		    "make check...) to the CI");
	} else
		rc = report_none(ctx, &scan, f);
	strbuf_release(&sb);
	ci_scan_release(&scan);
	return rc;
}
