/*
 * rule-tests.c: the "tests" rule type: test files exist, how many, and
 * whether a CI service runs tests (ci.h; none: a warning; a line that
 * runs tests in the configuration of a CI service ecocheck does not
 * read: a pass naming it).
 *
 * Test files are what pytest would collect: Python files whose name
 * matches its python_files patterns (test_*.py and *_test.py unless the
 * project's pytest configuration declares others) and files a testpaths
 * entry names; helpers beside them (conftest.py, __init__.py, utils.py,
 * basetest_*.py, fixture generators) and other languages' scripts are not
 * counted, but a conftest.py is evidence.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1		/* memmem */
#endif
#include "config.h"

#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/ci.h"
#include "read/toml.h"
#include "ctx.h"
#include "finding.h"
#include "glob.h"
#include "pymeta.h"
#include "rules.h"
#include "ruleset.h"
#include "strbuf.h"
#include "tree.h"
#include "xalloc.h"

#define CONFIG_CAP	(1024 * 1024)	/* bytes of a config file read */
#define SHOWN		3		/* test files named as evidence */

struct count_arg {
	struct strvec	 files;		/* counted, in path order */
	const struct strvec *testpaths;	/* pytest's, or NULL */
	const struct strvec *patterns;	/* python_files, or NULL */
	const char	*conftest;	/* the first conftest.py, or NULL */
	int		 any;		/* count any file (the rule's globs) */
};

static int	 tests_check(const struct rule *, struct check_ctx *,
		    struct finding *);
static int	 count_cb(const struct tree_entry *, void *);
static int	 is_test_file(const char *, const char *, size_t,
		    const struct count_arg *);
static const char *testpath_norm(const char *, size_t *);
static int	 under_testpath(const char *, const struct strvec *, int);
static void	 testpaths_ini(const char *, size_t, const char *,
		    const char *, struct strvec *);
static void	 testpaths_pyproject(struct check_ctx *, struct strvec *,
		    struct strvec *);
static void	 python_files_pyproject(struct check_ctx *, struct strvec *);
static void	 read_testpaths(struct check_ctx *, struct strvec *,
		    struct strvec *, struct strvec *);
static void	 report_ci(struct check_ctx *, const struct ci_scan *,
		    const char *, struct finding *);
static void	 count_tests(const struct rule *, struct check_ctx *,
		    const struct strvec *, struct count_arg *);
static void	 report_few(const struct count_arg *, long long,
		    const struct strvec *, const struct strvec *,
		    struct finding *);

static const struct rule_key_spec tests_keys[] = {
	{ "path", KEY_WORDS,
	    .doc = "globs of test files (default: Python and tests/ files)" },
	{ "min", KEY_INT, .flags = KEYF_REPO, .max = 1000000000,
	    .doc = "test files needed (default 1)" },
	{ "ci", KEY_BOOL, .flags = KEYF_REPO,
	    .doc = "a CI service must run tests, else a warning (default yes)" },
	{ .name = NULL }
};

const struct rule_type rule_tests = {
	.name = "tests",
	.summary = "test files exist, and CI runs tests",
	.keys = tests_keys,
	.check = tests_check,
};

/*
 * A testpaths entry as a path of the tree: without its leading "./" and
 * its trailing '/'; *n is its length.
 */
static const char *
testpath_norm(const char *v, size_t *n)
{
	while (strncmp(v, "./", 2) == 0)
		v += 2;
	for (*n = strlen(v); *n > 0 && v[*n - 1] == '/'; (*n)--)
		;
	return v;
}

/*
 * Whether a Python file is one a pytest testpaths entry names (dir 0),
 * or is under one (dir 1).
 */
static int
under_testpath(const char *path, const struct strvec *tp, int dir)
{
	const char *p;
	size_t i, n, plen;

	if (tp == NULL || tp->n == 0)
		return 0;
	plen = strlen(path);
	if (plen < 3 || memcmp(path + plen - 3, ".py", 3) != 0)
		return 0;
	for (i = 0; i < tp->n; i++) {
		p = testpath_norm(tp->v[i], &n);
		if (dir && (n == 0 || (n == 1 && p[0] == '.')))
			return 1;
		if (strncmp(path, p, n) == 0 && (path[n] == '\0' ||
		    (dir && path[n] == '/')))
			return 1;
	}
	return 0;
}

/*
 * Whether a path, whose last component is b[0, n), is a test file: a
 * Python file named test_*.py or *_test.py (pytest's default
 * python_files) anywhere, or one matching the python_files patterns the
 * project declares under a testpaths entry (or tests/, test/ without
 * one); any file with any. count_cb() has left out __init__.py and
 * conftest.py.
 */
static int
is_test_file(const char *path, const char *b, size_t n,
    const struct count_arg *a)
{
	const struct strvec *pat = a->patterns;
	size_t i;

	if (a->any)
		return 1;
	if (n <= 3 || memcmp(b + n - 3, ".py", 3) != 0)
		return 0;
	/* pytest's test_*.py and *_test.py, without fnmatch() per file */
	if ((n >= 8 && strncmp(b, "test_", 5) == 0) ||
	    (n >= 8 && memcmp(b + n - 8, "_test.py", 8) == 0))
		return 1;
	if (pat == NULL)
		return 0;
	for (i = 0; i < pat->n; i++)
		if (fnmatch(pat->v[i], b, 0) == 0)
			break;
	if (i == pat->n)
		return 0;
	if (a->testpaths != NULL && a->testpaths->n > 0)
		return under_testpath(path, a->testpaths, 1);
	return strncmp(path, "tests/", 6) == 0 || strncmp(path, "test/", 5) ==
	    0 || strstr(path, "/tests/") != NULL || strstr(path, "/test/") !=
	    NULL;
}

/*
 * Count a test file (or note the first conftest.py). Called for each of
 * up to every entry of the tree: the name is measured once and compared
 * by its length first.
 */
static int
count_cb(const struct tree_entry *e, void *arg)
{
	struct count_arg *a = arg;
	const char *b;
	size_t n;

	if (e->mode == TREE_MODE_LINK || e->mode == TREE_MODE_SUBMODULE)
		return 0;
	b = strrchr(e->path, '/');
	b = b != NULL ? b + 1 : e->path;
	n = strlen(b);
	if (n == 11 && memcmp(b, "conftest.py", 11) == 0) {
		if (a->conftest == NULL)
			a->conftest = e->path;
		return 0;
	}
	if (n == 11 && memcmp(b, "__init__.py", 11) == 0)
		return 0;
	if (!is_test_file(e->path, b, n, a) &&
	    !under_testpath(e->path, a->testpaths, 0))
		return 0;
	/* the rule's globs may overlap: count_tests() drops the repeats */
	strvec_push(&a->files, e->path);
	return 0;
}

/*
 * The words of a key (testpaths, python_files) of an INI file's section
 * (setup.cfg [tool:pytest], pytest.ini and tox.ini [pytest]),
 * continuation lines too.
 */
static void
testpaths_ini(const char *buf, size_t len, const char *section,
    const char *key, struct strvec *out)
{
	const char *p, *end, *nl, *v, *w;
	int in, on;
	size_t slen, klen;

	end = buf + len;
	slen = strlen(section);
	klen = strlen(key);
	in = on = 0;
	for (p = buf; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		v = NULL;
		if (*p == '[') {
			in = (size_t)(nl - p) >= slen && memcmp(p, section,
			    slen) == 0;
			on = 0;
		} else if (in && on && (*p == ' ' || *p == '\t'))
			v = p;
		else if (in && (size_t)(nl - p) > klen &&
		    memcmp(p, key, klen) == 0) {
			for (v = p + klen; v < nl && (*v == ' ' || *v == '\t');
			    v++)
				;
			on = v < nl && (*v == '=' || *v == ':');
			v = on ? v + 1 : NULL;
		} else
			on = 0;
		for (; v != NULL && v < nl && out->n < 64; v = w) {
			while (v < nl && (*v == ' ' || *v == '\t' ||
			    *v == '\r'))
				v++;
			for (w = v; w < nl && *w != ' ' && *w != '\t' &&
			    *w != '\r'; w++)
				;
			if (w > v && *v != '#' && *v != ';') {
				char *s = xstrndup(v, (size_t)(w - v));

				strvec_push_nodup(out, s);
			}
			if (w == v)
				break;
		}
		if (nl == end)
			break;
	}
}

/*
 * [tool.pytest.ini_options] testpaths of pyproject.toml, as the Python
 * project (pymeta.h) read it: the file is parsed once per check.
 */
static void
testpaths_pyproject(struct check_ctx *ctx, struct strvec *out,
    struct strvec *from)
{
	const struct pymeta *m;
	size_t i, before = out->n;

	if ((m = pymeta_get(ctx)) == NULL)
		return;
	for (i = 0; i < m->testpaths.n && out->n < 64; i++)
		if (strcmp(m->testpaths.v[i].path, "pyproject.toml") == 0)
			strvec_push_nodup(out, xstrdup(m->testpaths.v[i].text));
	if (out->n > before)
		strvec_push(from, "pyproject.toml");
}

/*
 * [tool.pytest.ini_options] python_files of pyproject.toml: a string of
 * patterns or an array of them.
 */
static void
python_files_pyproject(struct check_ctx *ctx, struct strvec *out)
{
	const struct tree_entry *e;
	struct toml_value *root;
	struct toml_error err;
	const struct toml_value *t, *g;
	const char *buf, *s, *w;
	size_t len, i, n;
	int trunc;

	if ((e = tree_lookup(ctx_tree(ctx), "pyproject.toml", 0)) == NULL ||
	    ctx_read(ctx, e, CONFIG_CAP, CTX_READ_TEXT, NULL, &buf, &len,
	    &trunc) != 0 || memmem(buf, len, "python_files", 12) == NULL ||
	    toml_parse(buf, len, &root, &err) != 0)
		return;
	t = toml_get(root, "tool.pytest.ini_options.python_files");
	n = toml_kind(t) == TOML_STRING ? 1 : toml_len(t);
	for (i = 0; i < n && out->n < 64; i++) {
		g = toml_kind(t) == TOML_STRING ? t : toml_at(t, i);
		if ((s = toml_string(g, NULL)) == NULL)
			continue;
		for (; *s != '\0'; s = w) {
			while (*s == ' ')
				s++;
			for (w = s; *w != '\0' && *w != ' '; w++)
				;
			if (w > s)
				strvec_push_nodup(out, xstrndup(s,
				    (size_t)(w - s)));
		}
	}
	toml_free(root);
}

/*
 * The pytest testpaths and python_files configured, and the files that
 * configure testpaths (for evidence). A file that cannot be read
 * configures none: what the read judge says of it is for the rules that
 * need it.
 */
static void
read_testpaths(struct check_ctx *ctx, struct strvec *paths,
    struct strvec *from, struct strvec *patterns)
{
	static const char *const files[] = { "setup.cfg", "pytest.ini",
	    "tox.ini", NULL };
	static const char *const sections[] = { "[tool:pytest]",
	    "[pytest]", "[pytest]" };
	const struct tree_entry *e;
	const char *buf;
	size_t len, before, i;
	int trunc;

	testpaths_pyproject(ctx, paths, from);
	python_files_pyproject(ctx, patterns);
	for (i = 0; files[i] != NULL; i++) {
		if ((e = tree_lookup(ctx_tree(ctx), files[i], 0)) == NULL ||
		    ctx_read(ctx, e, CONFIG_CAP, CTX_READ_TEXT, NULL, &buf,
		    &len, &trunc) != 0)
			continue;
		before = paths->n;
		testpaths_ini(buf, len, sections[i], "python_files", patterns);
		testpaths_ini(buf, len, sections[i], "testpaths", paths);
		if (paths->n > before)
			strvec_push(from, files[i]);
	}
}

/*
 * Whether a CI service runs tests, after what the test files are: none
 * is a warning; a CI file the read judge refused leaves it unknown.
 */
static void
report_ci(struct check_ctx *ctx, const struct ci_scan *scan,
    const char *files, struct finding *f)
{
	struct strbuf why = STRBUF_INIT;
	const struct ci_outside *o;
	const struct ci_seen *t;
	const struct ci_hit *hit;
	size_t i, h;

	o = ci_scan_tests(scan, NULL) == NULL && scan->nrefused == 0 ?
	    ctx_ci_outside(ctx, scan) : NULL;
	if (o != NULL && o->hit != NULL) {
		finding_result(f, RESULT_PASS, "%s; tests appear to run on an "
		    "outside CI service (%s:%d runs %s)", files, o->hit_path,
		    o->hit->line, o->hit->what);
		finding_evidence(f, o->hit_path, o->hit->line, o->hit->text);
		return;
	}
	if ((t = ci_scan_named(scan, &h)) != NULL &&
	    ci_scan_tests(scan, NULL) == NULL) {
		finding_result(f, RESULT_FAIL, "%s; step '%s' (%s:%d) may run "
		    "them, but runs %s, which ecocheck cannot follow: a person "
		    "should look", files, t->named.v[h].what, t->path,
		    t->named.v[h].line, t->named.v[h].text);
		finding_cap_level(f, LEVEL_WARNING);
		finding_evidence(f, t->path, t->named.v[h].line,
		    t->named.v[h].what);
		return;
	}
	if ((t = ci_scan_tests(scan, &hit)) != NULL) {
		finding_result(f, RESULT_PASS, "%s; %s runs tests: %s at %s:%d",
		    files, ci_kind_name(t->f->kind), hit->what, t->path,
		    hit->line);
		finding_evidence(f, t->path, hit->line, hit->text);
		return;
	}
	if (ci_scan_refused(ctx, scan, f, &why) > 0) {
		finding_result(f, RESULT_UNKNOWN, "%s; whether a CI service "
		    "runs tests cannot be seen: %s", files, why.buf);
		strbuf_release(&why);
		return;
	}
	finding_result(f, RESULT_FAIL, "%s, but no CI service runs tests",
	    files);
	if (o != NULL && o->paths.n > 0) {
		finding_append(f, " that ecocheck reads; the repository holds "
		    "the configuration of one it does not read (%s%s): a "
		    "person should look", o->paths.v[0], o->paths.n > 1 ?
		    ", ..." : "");
		finding_evidence(f, o->paths.v[0], 0, NULL);
	}
	for (i = 0; i < scan->n; i++)
		if (scan->v[i].tests.n > 0)
			finding_append(f, " (%s:%d runs %s)", scan->v[i].path,
			    scan->v[i].tests.v[0].line,
			    scan->v[i].tests.v[0].what);
	finding_cap_level(f, LEVEL_WARNING);
	finding_fix(f, "run the tests in CI, e.g. a workflow step "
	    "'run: pytest'");
}

/*
 * Count what count_cb() takes without globs: a Python file anywhere (the
 * only kind is_test_file() knows) or a file a testpaths entry names, in
 * one query of the tree's name indexes.
 */
static void
count_default(struct check_ctx *ctx, const struct strvec *testpaths,
    struct count_arg *a)
{
	struct strvec pats = STRVEC_INIT;
	const char *p;
	size_t i, n;

	strvec_push(&pats, "**/*.py");
	for (i = 0; testpaths != NULL && i < testpaths->n; i++) {
		p = testpath_norm(testpaths->v[i], &n);
		if (n > 0)
			strvec_push_nodup(&pats, glob_quote(p, n));
	}
	tree_glob_union(ctx_tree(ctx), (const char *const *)pats.v, pats.n,
	    0, count_cb, a);
	strvec_clear(&pats);
}

/* Count the test files: the rule's globs, else one query of the tree. */
static void
count_tests(const struct rule *r, struct check_ctx *ctx,
    const struct strvec *testpaths, struct count_arg *a)
{
	const struct rule_key *globs;
	size_t i;

	globs = rule_key(r, "path");
	/* a KEY_WORDS key: the rule set split its values into words */
	for (i = 0; globs != NULL && i < globs->n; i++) {
		a->any = 1;
		tree_glob(ctx_tree(ctx), globs->v[i].value, 0, count_cb, a);
	}
	if (globs != NULL && globs->n > 1)
		strvec_sort_uniq(&a->files);
	if (globs == NULL || globs->n == 0) {
		/* in path order */
		a->testpaths = testpaths;
		count_default(ctx, testpaths, a);
	}
}

/* Fewer test files than min: fail, saying where ecocheck looked. */
static void
report_few(const struct count_arg *a, long long min,
    const struct strvec *testpaths, const struct strvec *patterns,
    struct finding *f)
{
	size_t i;

	finding_result(f, RESULT_FAIL, "%zu test files%s (looked for %s",
	    a->files.n, a->files.n < (size_t)min && a->files.n > 0 ?
	    ", fewer than the minimum" : "", patterns->n > 0 ? "" :
	    "test_*.py, *_test.py");
	for (i = 0; i < patterns->n; i++)
		finding_append(f, "%s%s", i > 0 ? ", " : "", patterns->v[i]);
	for (i = 0; i < testpaths->n; i++)
		finding_append(f, ", %s", testpaths->v[i]);
	finding_append(f, ")");
	if (a->conftest != NULL)
		finding_evidence(f, a->conftest, 0, "conftest.py");
	finding_fix(f, "add tests (pytest finds tests/test_*.py) and "
	    "run them in CI");
}

static int
tests_check(const struct rule *r, struct check_ctx *ctx, struct finding *f)
{
	struct strvec paths = STRVEC_INIT, from = STRVEC_INIT;
	struct strvec patterns = STRVEC_INIT;
	struct strbuf sb = STRBUF_INIT;
	const struct ci_scan *scan;
	struct count_arg a;
	long long min;
	size_t i;
	int rc;

	memset(&a, 0, sizeof(a));
	rc = -1;
	read_testpaths(ctx, &paths, &from, &patterns);
	a.patterns = &patterns;
	count_tests(r, ctx, &paths, &a);
	min = rule_int(r, "min", 1);
	finding_min(f, min);
	finding_value(f, (long long)a.files.n);
	rc = 0;
	if ((long long)a.files.n < min) {
		report_few(&a, min, &paths, &patterns, f);
		goto out;
	}
	strbuf_addf(&sb, "%zu test file%s", a.files.n,
	    a.files.n == 1 ? "" : "s");
	if (a.files.n > 0)
		strbuf_addf(&sb, " (%s%s)", a.files.v[0],
		    a.files.n > 1 ? ", ..." : "");
	for (i = 0; i < from.n; i++)
		strbuf_addf(&sb, "%s%s", i == 0 ? "; testpaths in " : ", ",
		    from.v[i]);
	for (i = 0; i < a.files.n && i < SHOWN; i++)
		finding_evidence(f, a.files.v[i], 0, NULL);
	if (a.conftest != NULL)
		finding_evidence(f, a.conftest, 0, "conftest.py");
	if (!rule_bool(r, "ci", 1))
		finding_result(f, RESULT_PASS, "%s", sb.buf);
	else if ((scan = ctx_ci(ctx, NULL)) != NULL)
		report_ci(ctx, scan, sb.buf, f);
	else
		rc = -1;
out:
	strvec_clear(&a.files);
	strvec_clear(&paths);
	strvec_clear(&from);
	strvec_clear(&patterns);
	strbuf_release(&sb);
	return rc;
}
