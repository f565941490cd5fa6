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
#include "read/testrun.h"
#include "ctx.h"
#include "finding.h"
#include "ruleset.h"
#include "strbuf.h"
#include "tree.h"
#include "xalloc.h"

#define CI_TASK_DEPTH	4		/* tasks calling tasks followed */

/* Every scan of a check: one per set of globs. */
struct ci_scans {
	struct ci_scan		*v;
	struct tree_queries	*asked;		/* what building v[i] asked */
	size_t			 n;
	size_t			 alloc;
	size_t			 askalloc;
};

struct scan_arg {
	struct check_ctx	*ctx;
	struct ci_scan		*scan;
	int			 any_yaml;	/* the rule's own globs */
	int			 rc;
};

/* What following a call of tox or nox found. */
enum run_found {
	RUN_UNDEFINED,		/* no definition here: the call stands */
	RUN_TESTS,
	RUN_NONE,		/* every env or session read runs none */
	RUN_OPAQUE		/* one cannot be followed */
};

static void	 scans_free(void *);
static void	 hit_copy(struct ci_hits *, int, const char *, const char *);
static const struct run_defs *runner_defs(struct check_ctx *, int,
		    const char **);
static int	 runner_lines(struct check_ctx *, const char *,
		    struct run_lines *, const char **);
static enum run_found runner_follow(struct check_ctx *, const char *,
		    struct strbuf *, struct strbuf *);
static void	 runner_hit(struct check_ctx *, struct ci_seen *,
		    const struct ci_hit *);
static void	 effective_hits(struct check_ctx *, struct ci_seen *);
static int	 scan_has(const struct ci_scan *, const char *);
static int	 scan_cb(const struct tree_entry *, void *);
static int	 scan_build(struct check_ctx *, struct ci_scan *);
static int	 hit_rank(const struct ci_hit *);
static int	 side_name(const struct ci_seen *);
static const char *call_tests(struct check_ctx *, const char *, int,
		    struct strvec *);
static size_t	 task_lines(struct check_ctx *, const char *,
		    struct strvec *);
static void	 resolve_calls(struct check_ctx *, struct ci_seen *);
static size_t	 recipe_lines(struct check_ctx *, const char *,
		    struct strvec *);
static int	 read_text(struct check_ctx *, const char *, const char **,
		    size_t *);

/* Where each task runner keeps its tasks. */
static const struct {
	const char	*runner;
	const char	*path;
} task_files[] = {
	{ "make", "Makefile" }, { "make", "makefile" },
	{ "make", "GNUmakefile" }, { "gmake", "Makefile" },
	{ "just", "justfile" }, { "just", "Justfile" },
	{ "just", ".justfile" }, { "poe", "pyproject.toml" },
	{ "pixi", "pixi.toml" }, { "pixi", "pyproject.toml" },
	{ "hatch", "hatch.toml" }, { "hatch", "pyproject.toml" },
	{ "invoke", "tasks.py" }, { "inv", "tasks.py" },
	{ NULL, NULL }
};
static void	 refused_judged(struct check_ctx *, const struct ci_scan *,
		    struct finding *, struct strbuf *);
static void	 outside_free(void *);
static int	 over_budget(struct check_ctx *, const struct tree_entry *,
		    size_t *);
static void	 over_judged(const struct tree_entry *, struct finding *);
static int	 outside_cb(const struct tree_entry *, void *);

/*
 * Where CI services ecocheck does not read keep their configuration:
 * the files are a sign by being there. Scripts under ci/ are one when
 * named for the tests (run_tests.sh) or when they run them.
 */
static const char *const outside_paths[] = {
	".pfnci/**", "Jenkinsfile?*", "**/Jenkinsfile", "**/Jenkinsfile.*",
	"**/*.jenkinsfile", ".jenkins/**", ".drone.yml", ".drone.yaml",
	".woodpecker.yml", ".woodpecker.yaml", ".woodpecker/**",
	".cirrus.yml", ".cirrus.star", "appveyor.yml", ".appveyor.yml",
	".semaphore/**", "bitbucket-pipelines.yml", ".teamcity/**", NULL
};
static const char *const outside_scripts[] = { "ci/**", NULL };

#define OUTSIDE_MAX	200		/* files of outside CI read */

struct outside_arg {
	struct check_ctx	*ctx;
	const struct ci_scan	*scan;
	struct ci_outside	*o;
	int			 scripts;	/* a sign only when for tests */
	size_t			 read;
	size_t			 bytes;		/* of the files read */
};

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
	size_t i, j;

	for (i = 0; i < ss->n; i++) {
		strvec_clear(&ss->v[i].globs);
		for (j = 0; j < ss->v[i].n; j++) {
			ci_hits_release(&ss->v[i].v[j].tests);
			ci_hits_release(&ss->v[i].v[j].named);
			ci_hits_release(&ss->v[i].v[j].via);
		}
		free(ss->v[i].v);
		free(ss->v[i].refused);
		free(ss->v[i].over);
		tree_queries_release(&ss->asked[i]);
	}
	free(ss->v);
	free(ss->asked);
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
	int over;

	if (scan_has(scan, e->path) ||
	    (!a->any_yaml && ci_kind_of_path(e->path) == -1))
		return 0;
	/*
	 * A blob that cannot be read (printed once) is refused like a link:
	 * the rules say it cannot be read, unknown, as for any other file.
	 */
	over = over_budget(a->ctx, e, &scan->bytes);
	f = over ? NULL : ctx_model(a->ctx, &reader_ci, e, CI_READ_CAP, NULL,
	    NULL);
	if (f == NULL) {
		XGROW(scan->refused, scan->nrefused + 1, scan->refalloc);
		XGROW(scan->over, scan->nrefused + 1, scan->overalloc);
		scan->over[scan->nrefused] = (unsigned char)over;
		scan->refused[scan->nrefused++] = e;
		return 0;
	}
	XGROW(scan->v, scan->n + 1, scan->alloc);
	memset(&scan->v[scan->n], 0, sizeof(scan->v[scan->n]));
	scan->v[scan->n].path = e->path;
	scan->v[scan->n].f = f;
	effective_hits(a->ctx, &scan->v[scan->n]);
	if (ci_kind_is_service(f->kind))
		resolve_calls(a->ctx, &scan->v[scan->n]);
	scan->n++;
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
	size_t i, j, n, mark;

	if ((ss = ctx_cache_find(ctx, "ci-scans", NULL, 0)) == NULL) {
		ss = xcalloc(1, sizeof(*ss));
		ctx_cache_add_open(ctx, "ci-scans", ss, scans_free);
	}
	n = globs != NULL ? globs->n : 0;
	for (i = 0; i < ss->n; i++) {
		if (ss->v[i].globs.n != n)
			continue;
		for (j = 0; j < n; j++)
			if (strcmp(ss->v[i].globs.v[j], globs->v[j].value) != 0)
				break;
		if (j == n) {
			ctx_asked_replay(ctx, &ss->asked[i]);
			return &ss->v[i];
		}
	}
	XGROW(ss->v, ss->n + 1, ss->alloc);
	XGROW(ss->asked, ss->n + 1, ss->askalloc);
	memset(&ss->asked[ss->n], 0, sizeof(ss->asked[ss->n]));
	scan = &ss->v[ss->n++];
	memset(scan, 0, sizeof(*scan));
	for (j = 0; j < n; j++)
		strvec_push(&scan->globs, globs->v[j].value);
	mark = ctx_asked_mark(ctx);
	if (scan_build(ctx, scan) == -1) {
		strvec_clear(&scan->globs);
		free(scan->v);
		free(scan->refused);
		free(scan->over);
		ss->n--;
		return NULL;
	}
	ctx_asked_keep(ctx, mark, &ss->asked[ss->n - 1]);
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

/*
 * 1 for a GitHub workflow whose file is not named for the tests or the
 * CI ("test.yml", "unit-tests.yml", "ci.yml", "main.yml"): a side one.
 */
static int
side_name(const struct ci_seen *s)
{
	const char *b;

	if (s->f->kind != CI_GITHUB)
		return 0;
	b = strrchr(s->path, '/') != NULL ? strrchr(s->path, '/') + 1 :
	    s->path;
	return strstr(b, "test") == NULL && strncmp(b, "ci.", 3) != 0 &&
	    strncmp(b, "main.", 5) != 0 && strncmp(b, "build.", 6) != 0;
}

const struct ci_seen *
ci_scan_tests(const struct ci_scan *scan, const struct ci_hit **hit)
{
	const struct ci_seen *best;
	const struct ci_hits *hs;
	size_t i, j, pass;
	int rank, br;

	best = NULL;
	br = 99;
	if (hit != NULL)
		*hit = NULL;
	for (i = 0; i < scan->n; i++) {
		if (!ci_kind_is_service(scan->v[i].f->kind))
			continue;
		/* a workflow run on every push before a side one */
		for (pass = 0; pass < 2; pass++) {
			hs = pass == 0 ? &scan->v[i].tests : &scan->v[i].via;
			for (j = 0; j < hs->n; j++) {
				rank = (pass == 0 ? hit_rank(&hs->v[j]) : 2) +
				    3 * side_name(&scan->v[i]) +
				    6 * (2 - scan->v[i].f->trigger);
				if (rank >= br)
					continue;
				best = &scan->v[i];
				br = rank;
				if (hit != NULL)
					*hit = &hs->v[j];
			}
		}
	}
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
		if (scan->over[i])
			over_judged(scan->refused[i], &judged);
		else
			(void)ctx_model(ctx, &reader_ci, scan->refused[i],
			    CI_READ_CAP, &judged, NULL);
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

/*
 * Whether e is past the bytes of CI files a check reads (CI_TOTAL_CAP),
 * counting it in *bytes when not: its size, up to CI_READ_CAP, from
 * its metadata. A size that cannot be had is left to the read judge.
 */
static int
over_budget(struct check_ctx *ctx, const struct tree_entry *e,
    size_t *bytes)
{
	uint64_t size;

	if (ctx_size(ctx, e, NULL, &size) != 0)
		return 0;
	if (size > CI_READ_CAP)
		size = CI_READ_CAP;
	if (*bytes + size > CI_TOTAL_CAP)
		return 1;
	*bytes += (size_t)size;
	return 0;
}

/* What is said of a file past CI_TOTAL_CAP. */
static void
over_judged(const struct tree_entry *e, struct finding *f)
{
	finding_result(f, RESULT_UNKNOWN, "%s is not read: the CI files "
	    "before it reach %d MiB (a limit of a check)", e->path,
	    CI_TOTAL_CAP / (1024 * 1024));
	finding_evidence(f, e->path, 0, "not read: past the CI files' limit");
}

const struct ci_seen *
ci_scan_named(const struct ci_scan *scan, size_t *hit)
{
	size_t i;

	for (i = 0; i < scan->n; i++)
		if (ci_kind_is_service(scan->v[i].f->kind) &&
		    scan->v[i].named.n > 0) {
			if (hit != NULL)
				*hit = 0;
			return &scan->v[i];
		}
	return NULL;
}

/*
 * The command lines of a task "RUNNER [run] TASK" from the first file of
 * the runner the repository holds: how many.
 */
static size_t
task_lines(struct check_ctx *ctx, const char *call, struct strvec *lines)
{
	char runner[32], task[128];
	struct run_lines rl;
	const char *p, *q, *buf;
	size_t i, len;

	if ((p = strchr(call, ' ')) == NULL || (size_t)(p - call) >=
	    sizeof(runner) || ctx_tree(ctx) == NULL)
		return 0;
	if (strncmp(call, "conda ", 6) == 0 || strncmp(call, "mamba ", 6) ==
	    0 || strncmp(call, "rattler-build ", 14) == 0)
		return recipe_lines(ctx, call, lines);
	memcpy(runner, call, (size_t)(p - call));
	runner[p - call] = '\0';
	for (;;) {
		while (*p == ' ')
			p++;
		if ((q = strchr(p, ' ')) == NULL)
			q = p + strlen(p);
		if (*p != '-' && memchr(p, '=', (size_t)(q - p)) == NULL &&
		    (q - p != 3 || strncmp(p, "run", 3) != 0))
			break;
		if (*q == '\0')
			return 0;
		p = q;
	}
	if (q == p || (size_t)(q - p) >= sizeof(task))
		return 0;
	memcpy(task, p, (size_t)(q - p));
	task[q - p] = '\0';
	if (strcmp(runner, "tox") == 0 || strcmp(runner, "nox") == 0) {
		memset(&rl, 0, sizeof(rl));
		if (runner_lines(ctx, call, &rl, NULL) == 0)
			for (i = 0; i < rl.cmds.n; i++)
				strvec_push(lines, rl.cmds.v[i]);
		run_lines_release(&rl);
		return lines->n;
	}
	for (i = 0; task_files[i].runner != NULL && lines->n == 0; i++)
		if (strcmp(task_files[i].runner, runner) == 0 &&
		    read_text(ctx, task_files[i].path, &buf, &len) == 0)
			(void)ci_task_lines(runner, buf, len, task, lines);
	return lines->n;
}

/*
 * Whether a call runs tests through the tasks the repository defines:
 * the runner's name, or NULL. Tasks calling tasks are followed while
 * depth lasts, each once (seen).
 */
static const char *
call_tests(struct check_ctx *ctx, const char *call, int depth,
    struct strvec *seen)
{
	struct strvec lines = STRVEC_INIT;
	struct strbuf op = STRBUF_INIT;
	const char *t;
	size_t i;

	t = NULL;
	if (depth <= 0 || strvec_has(seen, call))
		return NULL;
	strvec_push(seen, call);
	(void)task_lines(ctx, call, &lines);
	for (i = 0; i < lines.n && t == NULL; i++) {
		strbuf_reset(&op);
		t = ci_command_look(lines.v[i], strlen(lines.v[i]), &op);
		if (t == NULL && op.len > 0)
			t = call_tests(ctx, op.buf, depth - 1, seen);
	}
	strbuf_release(&op);
	strvec_clear(&lines);
	return t;
}

/* The calls of a CI file that run tests through the repository's tasks. */
static void
resolve_calls(struct check_ctx *ctx, struct ci_seen *s)
{
	struct strvec seen = STRVEC_INIT;
	const struct ci_hit *c;
	struct ci_hit *x;
	const char *t;
	size_t i;

	for (i = 0; i < s->f->calls.n && s->via.n < 50; i++) {
		c = &s->f->calls.v[i];
		/* tox and nox: followed in place of the test they are */
		if (strncmp(c->what, "tox", 3) == 0 ||
		    strncmp(c->what, "nox", 3) == 0)
			continue;
		strvec_clear(&seen);
		if ((t = call_tests(ctx, c->what, CI_TASK_DEPTH, &seen)) ==
		    NULL)
			continue;
		XGROW(s->via.v, s->via.n + 1, s->via.alloc);
		x = &s->via.v[s->via.n++];
		x->line = c->line;
		x->what = xasprintf("%s, through %s", t, c->what);
		x->text = xstrdup(c->text);
	}
	strvec_clear(&seen);
}

/* The text of a file of the tree: 0, or -1 when there is none to read. */
static int
read_text(struct check_ctx *ctx, const char *path, const char **buf,
    size_t *len)
{
	const struct tree_entry *e;
	int trunc;

	if ((e = tree_lookup(ctx_tree(ctx), path, 0)) == NULL ||
	    ctx_read(ctx, e, CI_READ_CAP, CTX_READ_TEXT, NULL, buf, len,
	    &trunc) != 0)
		return -1;
	return 0;
}

/*
 * "conda build DIR", "conda mambabuild DIR", "rattler-build build
 * --recipe DIR": the test commands of the recipe the repository holds
 * there (meta.yaml, recipe.yaml).
 */
static size_t
recipe_lines(struct check_ctx *ctx, const char *call, struct strvec *lines)
{
	static const char *const names[] = { "meta.yaml", "recipe.yaml",
	    NULL };
	struct strbuf dir = STRBUF_INIT, path = STRBUF_INIT;
	const char *p, *q, *buf;
	size_t i, len;
	int valued;

	valued = 0;
	for (p = strchr(call, ' '); *p == ' '; p++)
		;
	if (strncmp(p, "build", 5) == 0)
		p += 5;
	else if (strncmp(p, "mambabuild", 10) == 0)
		p += 10;
	else
		return 0;
	for (; *p != '\0'; p = q) {
		while (*p == ' ')
			p++;
		if ((q = strchr(p, ' ')) == NULL)
			q = p + strlen(p);
		if (*p != '-' && !valued) {
			if (q - p > 2 && strncmp(p, "./", 2) == 0)
				p += 2;
			strbuf_add(&dir, p, (size_t)(q - p));
			break;
		}
		/* "-c conda-forge", "--output-folder out": a value next */
		valued = *p == '-' && (q - p == 2 || (memchr(p, '=',
		    (size_t)(q - p)) == NULL && strncmp(p, "--no-", 5) != 0 &&
		    (strncmp(p, "--channel", 9) == 0 || strncmp(p, "--output",
		    8) == 0 || strncmp(p, "--variant", 9) == 0 ||
		    strncmp(p, "--croot", 7) == 0 || strncmp(p, "--python", 8) ==
		    0)));
		if ((q - p == 8 && strncmp(p, "--recipe", 8) == 0) ||
		    (q - p == 2 && p[1] == 'r'))
			valued = 0;
	}
	while (dir.len > 0 && dir.buf[dir.len - 1] == '/')
		strbuf_setlen(&dir, dir.len - 1);
	for (i = 0; names[i] != NULL && lines->n == 0 && dir.len > 0; i++) {
		strbuf_reset(&path);
		if (strstr(dir.buf, ".yaml") != NULL)
			strbuf_addstr(&path, dir.buf);
		else
			strbuf_addf(&path, "%s/%s", dir.buf, names[i]);
		if (read_text(ctx, path.buf, &buf, &len) == 0)
			(void)ci_recipe_tests(buf, len, lines);
	}
	strbuf_release(&dir);
	strbuf_release(&path);
	return lines->n;
}

static void
outside_free(void *p)
{
	struct ci_outside *o = p;

	strvec_clear(&o->paths);
	free(o);
}

/* One file of an outside CI: a sign, and the first that runs tests. */
static int
outside_cb(const struct tree_entry *e, void *arg)
{
	struct outside_arg *a = arg;
	const struct ci_file *f;
	const char *b;
	size_t i;

	if (e->mode == TREE_MODE_LINK || e->mode == TREE_MODE_SUBMODULE ||
	    scan_has(a->scan, e->path) || strvec_has(&a->o->paths, e->path) ||
	    a->read >= OUTSIDE_MAX)
		return 0;
	a->read++;
	/* past the bytes budget a file is a sign, not read */
	f = over_budget(a->ctx, e, &a->bytes) ? NULL : ctx_model(a->ctx,
	    &reader_ci, e, CI_READ_CAP, NULL, NULL);
	b = strrchr(e->path, '/') != NULL ? strrchr(e->path, '/') + 1 :
	    e->path;
	if (a->scripts && (f == NULL || f->tests.n == 0) &&
	    strncmp(b, "run_tests", 9) != 0 && strncmp(b, "run-tests", 9) != 0)
		return 0;
	strvec_push(&a->o->paths, e->path);
	/* a runner named before a script, then the first */
	for (i = 0; f != NULL && i < f->tests.n; i++)
		if (a->o->hit == NULL || hit_rank(&f->tests.v[i]) <
		    hit_rank(a->o->hit)) {
			a->o->hit_path = e->path;
			a->o->hit = &f->tests.v[i];
		}
	return 0;
}

const struct ci_outside *
ctx_ci_outside(struct check_ctx *ctx, const struct ci_scan *scan)
{
	struct outside_arg a;
	struct ci_outside *o;
	size_t i;

	if ((o = ctx_cache_find(ctx, "ci-outside", NULL, 0)) != NULL)
		return o;
	if (ctx_tree(ctx) == NULL)
		return NULL;
	o = xcalloc(1, sizeof(*o));
	memset(&a, 0, sizeof(a));
	a.ctx = ctx;
	a.scan = scan;
	a.o = o;
	for (i = 0; outside_paths[i] != NULL; i++)
		tree_glob(ctx_tree(ctx), outside_paths[i], 0, outside_cb, &a);
	a.scripts = 1;
	for (i = 0; outside_scripts[i] != NULL; i++)
		tree_glob(ctx_tree(ctx), outside_scripts[i], 0, outside_cb, &a);
	/* added whole: what it asked is recorded from the find on */
	ctx_cache_add(ctx, "ci-outside", NULL, 0, o, outside_free);
	return o;
}

static void
hit_copy(struct ci_hits *h, int line, const char *what, const char *text)
{
	struct ci_hit *x;

	XGROW(h->v, h->n + 1, h->alloc);
	x = &h->v[h->n++];
	x->line = line;
	x->what = xstrdup(what);
	x->text = xstrdup(text);
}

/*
 * The definitions of tox (tox.ini, tox.toml, setup.cfg, pyproject.toml:
 * the first that holds any) or of nox (noxfile.py), and their path; NULL
 * when the repository holds none.
 */
static const struct run_defs *
runner_defs(struct check_ctx *ctx, int nox, const char **path)
{
	static const char *const tox[] = { "tox.ini", "tox.toml",
	    "setup.cfg", "pyproject.toml", NULL };
	static const char *const noxf[] = { "noxfile.py", NULL };
	const char *const *files = nox ? noxf : tox;
	const struct tree_entry *e;
	const struct run_defs *d;
	size_t i;

	for (i = 0; files[i] != NULL; i++) {
		if ((e = tree_lookup(ctx_tree(ctx), files[i], 0)) == NULL)
			continue;
		d = ctx_model(ctx, nox ? &reader_nox : &reader_tox, e,
		    CI_READ_CAP, NULL, NULL);
		if (d != NULL && d->found) {
			if (path != NULL)
				*path = files[i];
			return d;
		}
	}
	return NULL;
}

/*
 * The command lines a call of tox or nox runs, into rl: 0, or -1 when
 * the repository holds no definition it can follow.
 */
static int
runner_lines(struct check_ctx *ctx, const char *call, struct run_lines *rl,
    const char **path)
{
	const struct run_defs *d;

	if (ctx_tree(ctx) == NULL ||
	    (d = runner_defs(ctx, call[0] == 'n', path)) == NULL)
		return -1;
	return run_select(d, call, rl);
}

/*
 * Follow a call of tox or nox to the commands of its envs or sessions:
 * what runs tests in what, where an env that cannot be followed is
 * defined in where.
 */
static enum run_found
runner_follow(struct check_ctx *ctx, const char *call, struct strbuf *what,
    struct strbuf *where)
{
	struct strvec seen = STRVEC_INIT;
	struct strbuf op = STRBUF_INIT;
	struct run_lines rl;
	const char *path, *t;
	enum run_found found;
	size_t i;
	int unread;

	memset(&rl, 0, sizeof(rl));
	if (runner_lines(ctx, call, &rl, &path) == -1) {
		run_lines_release(&rl);
		return RUN_UNDEFINED;
	}
	for (i = 0, t = NULL, unread = 0; i < rl.cmds.n && t == NULL; i++) {
		strbuf_reset(&op);
		t = ci_command_look(rl.cmds.v[i], strlen(rl.cmds.v[i]), &op);
		strvec_clear(&seen);
		if (t == NULL && op.len > 0 && (t = call_tests(ctx, op.buf,
		    CI_TASK_DEPTH, &seen)) == NULL)
			unread = 1;
	}
	found = t != NULL ? RUN_TESTS : rl.opaque || rl.missing || unread ?
	    RUN_OPAQUE : RUN_NONE;
	if (t != NULL)
		strbuf_addstr(what, t);
	if (rl.env != NULL)
		strbuf_addf(where, "%s '%s' (%s:%d)", call[0] == 'n' ?
		    "session" : "env", rl.env->name[0] != '\0' ?
		    rl.env->name : "testenv", path, rl.env->line);
	else
		strbuf_addf(where, "what %s does not define", path);
	strbuf_release(&op);
	strvec_clear(&seen);
	run_lines_release(&rl);
	return found;
}

/*
 * A test hit of tox or nox, followed: its envs or sessions run tests (a
 * hit saying through what), none (dropped), or cannot be followed (a
 * sign, when named for tests or left to the defaults).
 */
static void
runner_hit(struct check_ctx *ctx, struct ci_seen *s, const struct ci_hit *h)
{
	struct strbuf what = STRBUF_INIT, where = STRBUF_INIT;
	const struct ci_hit *c;
	size_t i;

	for (i = 0, c = NULL; i < s->f->calls.n && c == NULL; i++)
		if (s->f->calls.v[i].line == h->line &&
		    strncmp(s->f->calls.v[i].what, h->what, 3) == 0)
			c = &s->f->calls.v[i];
	switch (c != NULL ? runner_follow(ctx, c->what, &what, &where) :
	    RUN_UNDEFINED) {
	case RUN_UNDEFINED:
		hit_copy(&s->tests, h->line, h->what, h->text);
		break;
	case RUN_TESTS:
		strbuf_addf(&what, ", through %s", c->what);
		hit_copy(&s->tests, h->line, what.buf, h->text);
		break;
	case RUN_OPAQUE:
		if (strstr(c->what, "test") != NULL ||
		    strchr(c->what, ' ') == NULL ||
		    strstr(where.buf, "test") != NULL)
			hit_copy(&s->named, h->line, c->what, where.buf);
		break;
	case RUN_NONE:
		break;
	}
	strbuf_release(&what);
	strbuf_release(&where);
}

/* The tests and named steps of a file, calls of tox and nox followed. */
static void
effective_hits(struct check_ctx *ctx, struct ci_seen *s)
{
	const struct ci_hit *h;
	size_t i;

	for (i = 0; i < s->f->named.n; i++)
		hit_copy(&s->named, s->f->named.v[i].line, s->f->named.v[i].what,
		    s->f->named.v[i].text);
	for (i = 0; i < s->f->tests.n; i++) {
		h = &s->f->tests.v[i];
		if (ci_kind_is_service(s->f->kind) && (strcmp(h->what, "tox") ==
		    0 || strcmp(h->what, "nox") == 0))
			runner_hit(ctx, s, h);
		else
			hit_copy(&s->tests, h->line, h->what, h->text);
	}
}
