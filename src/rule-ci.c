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
 * fails as a warning: the service may no longer run it. CI that names
 * only torch versions the project's own constraint excludes is a warning
 * too. When no CI ecocheck reads runs tests but the configuration of a
 * service it does not read is there (ctx_ci_outside()), a warning names
 * it, never "runs no tests".
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/ci.h"
#include "read/pep440.h"
#include "ctx.h"
#include "finding.h"
#include "pymeta.h"
#include "rules.h"
#include "ruleset.h"
#include "strbuf.h"
#include "timeutil.h"
#include "tree.h"
#include "xalloc.h"

#define CI_EVIDENCE	5		/* test steps given as evidence */
#define CI_DOES_MAX	200		/* bytes of what a CI does, listed */
#define DAY		86400
#define CI_REMOVED_LOOKBACK 2000	/* commits looked at for removed workflows */

static int	 ci_check(const struct rule *, struct check_ctx *,
		    struct finding *);
static void	 describe_services(const struct ci_scan *, struct strbuf *);
static const char *torch_shown(const char *);
static void	 report_torch(const struct ci_scan *, struct finding *);
static void	 report_tests(const struct ci_scan *, const struct ci_seen *,
		    const struct ci_hit *, const char *, struct finding *);
static void	 report_no_tests(const struct rule *, struct check_ctx *,
		    const struct ci_scan *, const char *, struct finding *);
static void	 report_named(const struct ci_seen *, size_t, const char *,
		    const struct ci_scan *, struct finding *);
static int	 report_stale(const struct rule *, struct check_ctx *,
		    const struct ci_scan *, struct finding *);
static int	 report_none(struct check_ctx *, const struct ci_scan *,
		    struct finding *);
static int	 version_admitted(const struct pymeta *, const char *,
		    const struct pydep **);
static void	 report_unsupported(struct check_ctx *,
		    const struct ci_scan *, struct finding *);
static int	 report_outside(struct check_ctx *, const struct ci_outside *,
		    const char *, const struct ci_scan *, struct finding *);

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

/* "GitHub Actions (2 files), CircleCI" */
static void
describe_services(const struct ci_scan *scan, struct strbuf *sb)
{
	size_t i, j, n;
	int seen;

	for (i = 0; i < scan->n; i++) {
		if (!ci_kind_is_service(scan->v[i].f->kind))
			continue;
		seen = 0;
		for (j = 0; j < i; j++)
			if (scan->v[j].f->kind == scan->v[i].f->kind)
				seen = 1;
		if (seen)
			continue;
		for (j = i, n = 0; j < scan->n; j++)
			if (scan->v[j].f->kind == scan->v[i].f->kind)
				n++;
		if (sb->len > 0)
			strbuf_addstr(sb, ", ");
		strbuf_addstr(sb, ci_kind_name(scan->v[i].f->kind));
		if (n > 1)
			strbuf_addf(sb, " (%zu files)", n);
	}
}

/* A torch hit as the message shows it: "2.0.1" for "==2.0.1". */
static const char *
torch_shown(const char *what)
{
	if (strncmp(what, "==", 2) == 0 && strchr(what, ',') == NULL)
		return what + 2;
	return what;
}

/*
 * The torch versions and specifiers CI names, as a detail; one alone, in
 * the message.
 */
static void
report_torch(const struct ci_scan *scan, struct finding *f)
{
	struct strvec vers = STRVEC_INIT;
	struct strbuf sb = STRBUF_INIT;
	const struct ci_hit *h;
	const char *where, *v;
	int line;
	size_t i, j;

	where = NULL;
	line = 0;
	for (i = 0; i < scan->n; i++)
		for (j = 0; j < scan->v[i].f->torch.n; j++) {
			h = &scan->v[i].f->torch.v[j];
			if (strvec_has(&vers, torch_shown(h->what)))
				continue;
			strvec_push(&vers, torch_shown(h->what));
			if (where == NULL) {
				where = scan->v[i].path;
				line = h->line;
			}
		}
	for (i = 0; i < vers.n; i++)
		strbuf_addf(&sb, "%s%s", i > 0 ? ", " : "", vers.v[i]);
	v = vers.n == 1 ? vers.v[0] : NULL;
	if (v != NULL)
		finding_append(f, "; the only torch %s it names is %s (%s:%d)",
		    strchr("<>=~!", *v) != NULL ? "constraint" : "version", v,
		    where, line);
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
		if (!ci_kind_is_service(s->f->kind) ||
		    s->tests.n + s->via.n == 0)
			continue;
		if (s->f->kind == CI_GITHUB)
			return 0;
	}
	for (i = 0; i < scan->n; i++) {
		s = &scan->v[i];
		if (!ci_kind_is_service(s->f->kind) ||
		    s->tests.n + s->via.n == 0)
			continue;
		rc = ctx_last_change(ctx, s->path, 0, &when, hex, sizeof(hex));
		if (rc == -1)
			return -1;
		if (rc >= 2)
			undecided = 1;
		if (rc == 1 && (path == NULL || when > newest)) {
			newest = when;
			path = s->path;
			kind = s->f->kind;
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
		if (!ci_kind_is_service(scan->v[i].f->kind)) {
			finding_append(f, "; %s %s, but no CI runs it",
			    scan->v[i].path, scan->v[i].f->tests.n > 0 ?
			    "runs tests" : "is there");
			finding_evidence(f, scan->v[i].path, 0, NULL);
		}
	if (ctx_tree(ctx) != NULL && tree_count_under(ctx_tree(ctx),
	    ".github/workflows") > 0)
		finding_append(f, "; .github/workflows holds no .yml or .yaml "
		    "file GitHub runs");
	/*
	 * When workflows were last there: a hint for the reader of a failure
	 * already decided, so the walk is short (a repository with no CI
	 * would otherwise have its whole history read).
	 */
	rc = ctx_last_change(ctx, ".github/workflows", CI_REMOVED_LOOKBACK,
	    &when, hex, sizeof(hex));
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
	else if (rc == 3)
		finding_append(f, "; no workflow change under .github/workflows "
		    "in the last %d commits (not looked further)",
		    CI_REMOVED_LOOKBACK);
	finding_fix(f, "add a workflow that runs the tests, e.g. "
	    ".github/workflows/tests.yml with a step 'run: pytest'");
	return 0;
}

/* A CI service runs tests: the best step, others as evidence. */
static void
report_tests(const struct ci_scan *scan, const struct ci_seen *t,
    const struct ci_hit *h, const char *services, struct finding *f)
{
	const struct ci_hits *tests;
	size_t i, j, nev;

	finding_result(f, RESULT_PASS, "%s runs tests: %s at %s:%d (whether "
	    "its runs pass cannot be seen offline)", services,
	    h->what, t->path, h->line);
	finding_evidence(f, t->path, h->line, h->text);
	for (i = 0, nev = 1; i < scan->n && nev < CI_EVIDENCE; i++) {
		tests = &scan->v[i].tests;
		for (j = 0; j < tests->n && nev < CI_EVIDENCE; j++, nev++)
			if (ci_kind_is_service(scan->v[i].f->kind) &&
			    &tests->v[j] != h)
				finding_evidence(f, scan->v[i].path,
				    tests->v[j].line, tests->v[j].text);
	}
	report_torch(scan, f);
}

/*
 * Whether a torch version CI names ("1.8.0", "==2.1.0+cpu", a series
 * "2.1": any of its releases) is admitted by one of the project's own
 * required torch declarations: 1, 0 (*by the first that rejects it), or
 * -1 when that cannot be said (a specifier, no declaration, one not read).
 */
static int
version_admitted(const struct pymeta *m, const char *what,
    const struct pydep **by)
{
	char v[64], hi[72];
	size_t i, n, decl;
	int dots;

	if (strncmp(what, "==", 2) == 0)
		what += 2;
	n = strcspn(what, "+");
	if (n == 0 || n >= sizeof(v) || strchr(what, ',') != NULL ||
	    !isdigit((unsigned char)*what) || strcspn(what, "<>=~!*") < n)
		return -1;
	memcpy(v, what, n);
	v[n] = '\0';
	for (i = 0, dots = 0; v[i] != '\0'; i++)
		dots += v[i] == '.';
	(void)snprintf(hi, sizeof(hi), "%s.9999", v);
	for (i = 0, decl = 0; i < m->ndeps; i++) {
		if (strcmp(m->deps[i].key, "torch") != 0 ||
		    m->deps[i].kind != PYDEP_REQUIRED || m->deps[i].extra_only)
			continue;
		if (m->deps[i].spec == NULL)
			return -1;
		decl++;
		if (pep440_spec_admits_str(m->deps[i].spec, v,
		    PEP440_PRE_DEFAULT) || (dots == 1 &&
		    pep440_spec_admits_str(m->deps[i].spec, hi,
		    PEP440_PRE_DEFAULT)))
			return 1;
		if (*by == NULL)
			*by = &m->deps[i];
	}
	return decl > 0 ? 0 : -1;
}

/*
 * CI that runs tests, but every torch version it names is one the
 * project's own torch constraint excludes: it tests versions the package
 * does not support, a warning.
 */
static void
report_unsupported(struct check_ctx *ctx, const struct ci_scan *scan,
    struct finding *f)
{
	struct strbuf sb = STRBUF_INIT;
	const struct pymeta *m;
	const struct pydep *by;
	const struct ci_hit *h;
	size_t i, j, n;
	int rc;

	if ((m = pymeta_get(ctx)) == NULL)
		return;
	by = NULL;
	for (i = 0, n = 0; i < scan->n; i++)
		for (j = 0; j < scan->v[i].f->torch.n; j++, n++) {
			h = &scan->v[i].f->torch.v[j];
			if ((rc = version_admitted(m, h->what, &by)) != 0) {
				strbuf_release(&sb);
				return;
			}
			if (strstr(sb.buf, torch_shown(h->what)) == NULL)
				strbuf_addf(&sb, "%s%s", sb.len > 0 ? ", " : "",
				    torch_shown(h->what));
		}
	if (n > 0 && by != NULL) {
		f->result = RESULT_FAIL;
		finding_cap_level(f, LEVEL_WARNING);
		finding_append(f, "; but every torch version it names (%s) is "
		    "excluded by %s's torch%s (%s:%d): the CI tests versions "
		    "the package does not support", sb.buf, by->path,
		    by->spec_text, by->path, by->line);
		finding_evidence(f, by->path, by->line, by->spec_text);
		finding_fix(f, "test the torch versions the package supports "
		    "in CI");
	}
	strbuf_release(&sb);
}

/*
 * No step ecocheck can follow runs tests, but a step named as a test runs
 * what it cannot follow: a Caution naming the step.
 */
static void
report_named(const struct ci_seen *s, size_t h, const char *services,
    const struct ci_scan *scan, struct finding *f)
{
	const struct ci_hit *n;

	n = &s->named.v[h];
	finding_result(f, RESULT_FAIL, "%s: step '%s' (%s:%d) runs %s, which "
	    "ecocheck cannot follow; no other step runs tests: a person "
	    "should look at whether it runs the tests", services, n->what,
	    s->path, n->line, n->text);
	finding_cap_level(f, LEVEL_WARNING);
	finding_evidence(f, s->path, n->line, n->what);
	report_torch(scan, f);
	finding_fix(f, "run the test runner in the step itself (pytest, "
	    "tox...), or a task the repository defines");
}

/*
 * CI services that run no tests: fail naming what they do; unknown when
 * a file could not be read (it may be the one that runs them).
 */
static void
report_no_tests(const struct rule *r, struct check_ctx *ctx,
    const struct ci_scan *scan, const char *services, struct finding *f)
{
	struct strbuf sb = STRBUF_INIT;
	const struct ci_file *cf;
	size_t i, j;

	finding_result(f, rule_bool(r, "runs_tests", 1) ? RESULT_FAIL :
	    RESULT_PASS, "%s runs no tests", services);
	for (i = 0; i < scan->n; i++) {
		cf = scan->v[i].f;
		if (!ci_kind_is_service(cf->kind))
			continue;
		finding_evidence(f, scan->v[i].path, cf->error_line,
		    cf->error);
		for (j = 0; j < cf->does.n; j++)
			if (strstr(sb.buf, cf->does.v[j]) == NULL &&
			    sb.len < CI_DOES_MAX)
				strbuf_addf(&sb, "%s%s", sb.len > 0 ? ", " :
				    "", cf->does.v[j]);
	}
	if (sb.len > 0)
		finding_append(f, ": it does %s", sb.buf);
	for (i = 0; i < scan->n; i++)
		if (scan->v[i].f->error != NULL) {
			finding_append(f, "; %s:%d cannot be read: %s",
			    scan->v[i].path, scan->v[i].f->error_line,
			    scan->v[i].f->error);
			if (f->result == RESULT_FAIL)
				f->result = RESULT_UNKNOWN;
			break;
		}
	strbuf_reset(&sb);
	if (ci_scan_refused(ctx, scan, f, &sb) > 0) {
		finding_append(f, "; %s", sb.buf);
		if (f->result == RESULT_FAIL)
			f->result = RESULT_UNKNOWN;
	}
	report_torch(scan, f);
	finding_fix(f, "add a step that runs the tests (pytest, tox, "
	    "make check...) to the CI");
	strbuf_release(&sb);
}

/*
 * The CI files not read (links, unreadable, past the limit) beside a
 * pass: they cannot undo it, but a reader is told they were not read.
 */
static void
report_unread(struct check_ctx *ctx, const struct ci_scan *scan,
    struct finding *f)
{
	struct finding judged;
	struct strbuf sb = STRBUF_INIT;

	if (scan->nrefused == 0)
		return;
	finding_init(&judged, f->rule);
	(void)ci_scan_refused(ctx, scan, &judged, &sb);
	if (scan->nrefused > 1)
		strbuf_addf(&sb, " (and %zu more CI files not read)",
		    scan->nrefused - 1);
	finding_detail(f, "%s", sb.buf);
	finding_release(&judged);
	strbuf_release(&sb);
}

/*
 * No CI ecocheck reads runs tests, but the repository holds the
 * configuration of a service it does not read: a Caution naming it (and
 * the line that runs tests there), never "runs no tests". 0 or -1.
 */
static int
report_outside(struct check_ctx *ctx, const struct ci_outside *o,
    const char *services, const struct ci_scan *scan, struct finding *f)
{
	char hex[41], date[16];
	const char *path;
	int64_t when;
	size_t i;
	int rc;

	if (o->hit != NULL)
		finding_result(f, RESULT_FAIL, "%s%stests appear to run on an "
		    "outside CI service (%s:%d runs %s); whether it runs them "
		    "a person decides", services, *services != '\0' ?
		    " runs no tests, but " : "", o->hit_path, o->hit->line,
		    o->hit->what);
	else
		finding_result(f, RESULT_FAIL, "%s%sthe repository holds the "
		    "configuration of a CI service ecocheck does not read "
		    "(%s%s); whether it runs the tests a person decides",
		    services, *services != '\0' ? " runs no tests, but " : "",
		    o->paths.v[0], o->paths.n > 1 ? ", ..." : "");
	finding_cap_level(f, LEVEL_WARNING);
	if (o->hit != NULL)
		finding_evidence(f, o->hit_path, o->hit->line, o->hit->text);
	for (i = 0; i < o->paths.n && i < CI_EVIDENCE; i++)
		if (o->hit == NULL || strcmp(o->paths.v[i], o->hit_path) != 0)
			finding_evidence(f, o->paths.v[i], 0, NULL);
	path = o->hit != NULL ? o->hit_path : o->paths.v[0];
	if ((rc = ctx_last_change(ctx, path, 0, &when, hex, sizeof(hex))) ==
	    -1)
		return -1;
	if (rc == 1) {
		time_format_date(when, date, sizeof(date));
		finding_append(f, "; %s was last changed on %s, %lld days ago",
		    path, date, (long long)((ctx_as_of(ctx) - when) / DAY));
	}
	report_torch(scan, f);
	finding_fix(f, "run the tests in a CI ecocheck reads (GitHub Actions "
	    "reads .github/workflows/), or check that the outside service "
	    "still runs them");
	return 0;
}

static int
ci_check(const struct rule *r, struct check_ctx *ctx, struct finding *f)
{
	struct strbuf sb = STRBUF_INIT;
	const struct ci_scan *scan;
	const struct ci_seen *t, *n;
	const struct ci_outside *o;
	const struct ci_hit *hit;
	size_t i, h, services;
	int rc;

	if ((scan = ctx_ci(ctx, rule_key(r, "path"))) == NULL)
		return -1;
	rc = 0;
	describe_services(scan, &sb);
	for (i = 0, services = 0; i < scan->n; i++)
		if (ci_kind_is_service(scan->v[i].f->kind))
			services++;
	/* a CI file that cannot be read may be the one: it is said first */
	o = NULL;
	if ((t = ci_scan_tests(scan, &hit)) == NULL && scan->nrefused == 0 &&
	    (o = ctx_ci_outside(ctx, scan)) == NULL)
		rc = -1;
	else if (t != NULL) {
		report_tests(scan, t, hit, sb.buf, f);
		report_unsupported(ctx, scan, f);
		report_unread(ctx, scan, f);
		rc = report_stale(r, ctx, scan, f);
	} else if (o != NULL && o->hit != NULL)
		rc = report_outside(ctx, o, sb.buf, scan, f);
	else if ((n = ci_scan_named(scan, &h)) != NULL)
		report_named(n, h, sb.buf, scan, f);
	else if (o != NULL && o->paths.n > 0)
		rc = report_outside(ctx, o, sb.buf, scan, f);
	else if (services > 0)
		report_no_tests(r, ctx, scan, sb.buf, f);
	else if (scan->nrefused > 0) {
		/* a link or a file that cannot be read: a sign of CI */
		strbuf_reset(&sb);
		(void)ci_scan_refused(ctx, scan, f, &sb);
		finding_result(f, RESULT_UNKNOWN, "%s", sb.buf);
	} else
		rc = report_none(ctx, scan, f);
	strbuf_release(&sb);
	return rc;
}
