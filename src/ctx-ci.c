/*
 * ctx-ci.c: the CI files of a check, collected once per set of globs.
 * Each file is read through ctx_model() (reader_ci), so it is parsed
 * once for every rule that reads CI (ci, tests, pytorch-support) and the
 * read judge decides what a link, a binary or an unreadable file is.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "read/ci.h"
#include "ctx.h"
#include "finding.h"
#include "ruleset.h"
#include "strbuf.h"
#include "tree.h"
#include "xalloc.h"

/* Every scan of a check: one per set of globs. */
struct ci_scans {
	struct ci_scan	*v;
	size_t		 n;
	size_t		 alloc;
};

struct scan_arg {
	struct check_ctx	*ctx;
	struct ci_scan		*scan;
	int			 any_yaml;	/* the rule's own globs */
	int			 rc;
};

static void	 scans_free(void *);
static int	 scan_has(const struct ci_scan *, const char *);
static int	 scan_cb(const struct tree_entry *, void *);
static int	 scan_build(struct check_ctx *, struct ci_scan *);
static int	 hit_rank(const struct ci_hit *);
static void	 refused_judged(struct check_ctx *, const struct ci_scan *,
		    struct finding *, struct strbuf *);

/* Where CI services and test runners keep their configuration. */
static const char *const ci_paths[] = {
	".github/workflows/*.yml", ".github/workflows/*.yaml",
	".gitlab-ci.yml", ".circleci/config.yml", ".circleci/config.yaml",
	"azure-pipelines.yml", "azure-pipelines.yaml", ".azure-pipelines.yml",
	".azure-pipelines/**/*.yml", ".azure-pipelines/**/*.yaml",
	".buildkite/*.yml", ".buildkite/*.yaml", ".travis.yml",
	"Jenkinsfile", "tox.ini", "noxfile.py", NULL
};

static void
scans_free(void *p)
{
	struct ci_scans *ss = p;
	size_t i;

	for (i = 0; i < ss->n; i++) {
		strvec_clear(&ss->v[i].globs);
		free(ss->v[i].v);
		free(ss->v[i].refused);
	}
	free(ss->v);
	free(ss);
}

/* Whether the scan has met path already (another glob named it). */
static int
scan_has(const struct ci_scan *scan, const char *path)
{
	size_t i;

	for (i = 0; i < scan->n; i++)
		if (strcmp(scan->v[i].path, path) == 0)
			return 1;
	for (i = 0; i < scan->nrefused; i++)
		if (strcmp(scan->refused[i]->path, path) == 0)
			return 1;
	return 0;
}

/* Add one CI file: its model, or the entry the read judge refused. */
static int
scan_cb(const struct tree_entry *e, void *arg)
{
	struct scan_arg *a = arg;
	struct ci_scan *scan = a->scan;
	const struct ci_file *f;

	if (scan_has(scan, e->path) ||
	    (!a->any_yaml && ci_kind_of_path(e->path) == -1))
		return 0;
	/*
	 * A blob that cannot be read (printed once) is refused like a link:
	 * the rules say it cannot be read, unknown, as for any other file.
	 */
	f = ctx_model(a->ctx, &reader_ci, e, CI_READ_CAP, NULL, NULL);
	if (f == NULL) {
		XGROW(scan->refused, scan->nrefused + 1, scan->refalloc);
		scan->refused[scan->nrefused++] = e;
		return 0;
	}
	XGROW(scan->v, scan->n + 1, scan->alloc);
	scan->v[scan->n].path = e->path;
	scan->v[scan->n++].f = f;
	return 0;
}

/* Read every file the scan's globs (or ecocheck's list) name: 0 or -1. */
static int
scan_build(struct check_ctx *ctx, struct ci_scan *scan)
{
	struct scan_arg a;
	size_t i;

	a.ctx = ctx;
	a.scan = scan;
	a.rc = 0;
	a.any_yaml = scan->globs.n > 0;
	for (i = 0; i < scan->globs.n && a.rc == 0; i++)
		tree_glob(ctx_tree(ctx), scan->globs.v[i], 0, scan_cb, &a);
	for (i = 0; !a.any_yaml && ci_paths[i] != NULL && a.rc == 0; i++)
		tree_glob(ctx_tree(ctx), ci_paths[i], 0, scan_cb, &a);
	return a.rc;
}

const struct ci_scan *
ctx_ci(struct check_ctx *ctx, const struct rule_key *globs)
{
	struct ci_scans *ss;
	struct ci_scan *scan;
	size_t i, j, n;

	if ((ss = ctx_cache_find(ctx, "ci-scans", NULL, 0)) == NULL) {
		ss = xcalloc(1, sizeof(*ss));
		ctx_cache_add(ctx, "ci-scans", NULL, 0, ss, scans_free);
	}
	n = globs != NULL ? globs->n : 0;
	for (i = 0; i < ss->n; i++) {
		if (ss->v[i].globs.n != n)
			continue;
		for (j = 0; j < n; j++)
			if (strcmp(ss->v[i].globs.v[j], globs->v[j].value) != 0)
				break;
		if (j == n)
			return &ss->v[i];
	}
	XGROW(ss->v, ss->n + 1, ss->alloc);
	scan = &ss->v[ss->n++];
	memset(scan, 0, sizeof(*scan));
	for (j = 0; j < n; j++)
		strvec_push(&scan->globs, globs->v[j].value);
	if (scan_build(ctx, scan) == -1) {
		strvec_clear(&scan->globs);
		free(scan->v);
		free(scan->refused);
		ss->n--;
		return NULL;
	}
	return scan;
}

size_t
ci_scan_refused(struct check_ctx *ctx, const struct ci_scan *scan,
    struct finding *f, struct strbuf *msg)
{
	refused_judged(ctx, scan, f, msg);
	return scan->nrefused;
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
	br = 9;
	for (i = 0; i < scan->n; i++) {
		if (!ci_kind_is_service(scan->v[i].f->kind))
			continue;
		/* a workflow run on every push before a side one */
		for (j = 0; j < scan->v[i].f->tests.n; j++)
			if ((rank = hit_rank(&scan->v[i].f->tests.v[j]) +
			    3 * (2 - scan->v[i].f->trigger)) < br) {
				best = &scan->v[i];
				bj = j;
				br = rank;
			}
	}
	if (hit != NULL)
		*hit = bj;
	return best;
}

void
ci_scan_refused_details(struct check_ctx *ctx, const struct ci_scan *scan,
    struct finding *f)
{
	refused_judged(ctx, scan, f, NULL);
}

/*
 * What the read judge says of each refused file: with msg, the first
 * one's message appended to it and every evidence and the first fix
 * given to f; without, each message a detail of f.
 */
static void
refused_judged(struct check_ctx *ctx, const struct ci_scan *scan,
    struct finding *f, struct strbuf *msg)
{
	struct finding judged;
	size_t i;

	for (i = 0; i < scan->nrefused; i++) {
		finding_init(&judged, f->rule);
		(void)ctx_model(ctx, &reader_ci, scan->refused[i], CI_READ_CAP,
		    &judged, NULL);
		if (msg == NULL && judged.message != NULL)
			finding_detail(f, "%s", judged.message);
		if (msg != NULL && i == 0 && judged.message != NULL)
			strbuf_addstr(msg, judged.message);
		if (msg != NULL)
			finding_copy_evidence(f, &judged);
		if (msg != NULL && f->fix == NULL && judged.fix != NULL)
			finding_fix(f, "%s", judged.fix);
		finding_release(&judged);
	}
}

const struct ci_seen *
ci_scan_named(const struct ci_scan *scan, size_t *hit)
{
	size_t i;

	for (i = 0; i < scan->n; i++)
		if (ci_kind_is_service(scan->v[i].f->kind) &&
		    scan->v[i].f->named.n > 0) {
			if (hit != NULL)
				*hit = 0;
			return &scan->v[i];
		}
	return NULL;
}
