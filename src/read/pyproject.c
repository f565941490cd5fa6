/*
 * pyproject.c: the reader of pyproject.toml ([project], its optional
 * dependencies and license, [dependency-groups], [build-system],
 * [tool.poetry], setuptools' dynamic dependency files, pytest's
 * testpaths) into the model of pymeta.h.
 */
#include "config.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "read/pep440.h"
#include "pymeta.h"
#include "read/pymodel.h"
#include "read/reader.h"
#include "strbuf.h"
#include "read/toml.h"

static int	 poetry_clause(const char *, size_t, struct strbuf *);
static void	 toml_reqs(struct pymeta *, const struct toml_value *,
		    const char *, enum pydep_kind, const char *);
static void	 poetry_deps(struct pymeta *, const struct toml_value *,
		    const char *, enum pydep_kind, const char *);
static void	 toml_decls(struct pydecls *, const struct toml_value *,
		    const char *, const char *);
static void	 pyproject_license(struct pymeta *, const struct toml_value *,
		    const char *);
static void	 read_poetry(struct pymeta *, const struct toml_value *,
		    const char *);
static void	 read_pyproject(struct pymeta *, const char *, const char *,
		    size_t);
static void	*pyproject_parse(const struct reader_input *);
static void	 pyproject_maintainers(struct pymeta *,
		    const struct toml_value *, const char *);

/* How many pyproject.toml files this process parsed, for tests. */
static unsigned long	 parses;

const struct reader reader_pyproject = {
	.name = "pyproject.toml",
	.flags = READER_TEXT,
	.parse = pyproject_parse,
	.free = pymeta_free,
};

/* Poetry: one clause, "^1.2", "~1.2", "1.2.*", ">=1.2", "1.2". */
static int
poetry_clause(const char *s, size_t n, struct strbuf *out)
{
	long part[3];
	int np = 0, i, first;
	char op = s[0];
	const char *p;
	char *end;

	if (n == 0)
		return -1;
	if (n == 1 && op == '*')
		return 0;
	if (op != '^' && op != '~' && op != '=' && op != '<' && op != '>' &&
	    op != '!' && !isdigit((unsigned char)op))
		return -1;
	if (op == '~' && n > 1 && s[1] == '=') {
		strbuf_add(out, s, n);
		return 0;
	}
	if (op != '^' && op != '~') {
		if (isdigit((unsigned char)op))
			strbuf_addstr(out, "==");
		else if (op == '=' && (n < 2 || s[1] != '='))
			strbuf_addch(out, '=');
		strbuf_add(out, s, n);
		return 0;
	}
	p = s + 1;
	while (p < s + n && *p == ' ')
		p++;
	while (np < 3 && p < s + n && isdigit((unsigned char)*p)) {
		part[np++] = strtol(p, &end, 10);
		/* A part strtol() clamped cannot be bumped: not Poetry's. */
		if (part[np - 1] == LONG_MAX)
			return -1;
		p = end;
		if (p < s + n && *p == '.')
			p++;
		else
			break;
	}
	if (np == 0 || p != s + n)
		return -1;
	strbuf_addstr(out, ">=");
	strbuf_add(out, s + 1, n - 1);
	strbuf_addstr(out, ",<");
	if (op == '~')
		first = np == 1 ? 0 : 1;
	else {
		/* The first nonzero part goes up; ^0.0 bumps the last. */
		for (first = 0; first < np - 1 && part[first] == 0; first++)
			;
	}
	for (i = 0; i <= first; i++)
		strbuf_addf(out, "%s%ld", i ? "." : "",
		    i == first ? part[i] + 1 : part[i]);
	return 0;
}

int
pymeta_poetry_spec(const char *s, struct strbuf *out)
{
	const char *p, *q, *e;

	if (strstr(s, "||") != NULL || strchr(s, '|') != NULL)
		return -1;
	for (p = s; *p != '\0'; p = *q == ',' ? q + 1 : q) {
		while (*p == ' ')
			p++;
		for (q = p; *q != '\0' && *q != ','; q++)
			;
		e = q;
		while (e > p && e[-1] == ' ')
			e--;
		if (out->len > 0 && e > p && !(e - p == 1 && *p == '*'))
			strbuf_addch(out, ',');
		if (poetry_clause(p, (size_t)(e - p), out) != 0)
			return -1;
		if (*q == '\0')
			break;
	}
	return 0;
}


/* Each string of an array of requirement strings. */
static void
toml_reqs(struct pymeta *m, const struct toml_value *a, const char *path,
    enum pydep_kind kind, const char *group)
{
	size_t i;
	const struct toml_value *it;

	if (toml_kind(a) != TOML_ARRAY) {
		if (a != NULL)
			pymeta_problem(m, path, toml_line(a), "%s is not an "
			    "array of requirement strings", group != NULL ?
			    group : "dependencies");
		return;
	}
	for (i = 0; i < toml_len(a); i++) {
		it = toml_at(a, i);
		if (toml_kind(it) == TOML_STRING)
			pymeta_dep_req(m, toml_string(it, NULL), path,
			    toml_line(it), kind, group, 1);
		/* {include-group = "x"} in [dependency-groups]: its own */
	}
}

/* [tool.poetry.dependencies] and its groups. */
static void
poetry_deps(struct pymeta *m, const struct toml_value *t, const char *path,
    enum pydep_kind kind, const char *group)
{
	struct strbuf spec = STRBUF_INIT;
	const struct toml_value *v, *ver;
	const char *key, *s;
	enum pydep_kind k;
	size_t i;

	/* Poetry's are a table; an array there (PEP 621's form) names none. */
	if (toml_kind(t) != TOML_TABLE)
		return;
	for (i = 0; i < toml_len(t); i++) {
		key = toml_key_at(t, i, NULL);
		v = toml_at(t, i);
		if (strcmp(key, "python") == 0)
			continue;
		k = kind;
		ver = v;
		if (toml_kind(v) == TOML_TABLE) {
			ver = toml_get(v, "version");
			if (toml_boolean(toml_get(v, "optional")))
				k = PYDEP_OPTIONAL;
		} else if (toml_kind(v) == TOML_ARRAY) {
			pymeta_dep_spec(m, key, NULL, "(several constraints)",
			    "several constraints by marker",
			    path, toml_line(v), k, group);
			continue;
		}
		strbuf_reset(&spec);
		if (toml_kind(ver) != TOML_STRING) {
			pymeta_dep_spec(m, key, NULL, "", toml_get(v, "git") !=
			    NULL || toml_get(v, "path") != NULL ||
			    toml_get(v, "url") != NULL ? "a git, path or URL "
			    "source" : "no version", path, toml_line(v), k,
			    group);
			continue;
		}
		s = toml_string(ver, NULL);
		if (pymeta_poetry_spec(s, &spec) != 0)
			pymeta_dep_spec(m, key, NULL, s, "a Poetry constraint "
			    "with no PEP 440 form", path, toml_line(v), k,
			    group);
		else
			pymeta_dep_spec(m, key, spec.buf, s, NULL, path,
			    toml_line(v), k, group);
	}
	strbuf_release(&spec);
}

/* A string or array of strings as declarations. */
static void
toml_decls(struct pydecls *d, const struct toml_value *v, const char *what,
    const char *path)
{
	size_t i;
	const char *s;

	if (toml_kind(v) == TOML_STRING) {
		s = toml_string(v, NULL);
		pymeta_decl_add(d, s, strlen(s), what, path, toml_line(v));
	} else if (toml_kind(v) == TOML_ARRAY)
		for (i = 0; i < toml_len(v); i++)
			toml_decls(d, toml_at(v, i), what, path);
}

static void
pyproject_license(struct pymeta *m, const struct toml_value *proj,
    const char *path)
{
	const struct toml_value *l, *c;
	const char *s;
	size_t i;

	l = toml_get(proj, "license");
	if (toml_kind(l) == TOML_STRING)
		toml_decls(&m->licenses, l, "license expression", path);
	else if (toml_kind(l) == TOML_TABLE) {
		toml_decls(&m->licenses, toml_get(l, "text"), "license text",
		    path);
		toml_decls(&m->licenses, toml_get(l, "file"), "license file",
		    path);
	}
	toml_decls(&m->licenses, toml_get(proj, "license-files"),
	    "license-files", path);
	c = toml_get(proj, "classifiers");
	for (i = 0; i < toml_len(c); i++) {
		s = toml_string(toml_at(c, i), NULL);
		if (s != NULL && pymeta_license_classifier(s))
			pymeta_decl_add(&m->licenses, s, strlen(s),
			    "classifier", path, toml_line(toml_at(c, i)));
	}
}

/* [tool.poetry]: its name, license, classifiers and dependencies. */
static void
read_poetry(struct pymeta *m, const struct toml_value *t, const char *path)
{
	const struct toml_value *g;
	const char *key;
	size_t i;

	toml_decls(&m->names, toml_get(t, "name"), "pyproject.toml", path);
	toml_decls(&m->licenses, toml_get(t, "license"), "license", path);
	g = toml_get(t, "classifiers");
	for (i = 0; i < toml_len(g); i++) {
		key = toml_string(toml_at(g, i), NULL);
		if (key != NULL && pymeta_license_classifier(key))
			pymeta_decl_add(&m->licenses, key, strlen(key),
			    "classifier", path, toml_line(toml_at(g, i)));
	}
	poetry_deps(m, toml_get(t, "dependencies"), path, PYDEP_REQUIRED,
	    NULL);
	poetry_deps(m, toml_get(t, "dev-dependencies"), path, PYDEP_GROUP,
	    "dev");
	g = toml_get(t, "group");
	for (i = 0; i < toml_len(g); i++)
		poetry_deps(m, toml_get(toml_at(g, i), "dependencies"), path,
		    PYDEP_GROUP, toml_key_at(g, i, NULL));
}

/* The names of PEP 621's [project] maintainers = [{name = ...}, ...]. */
static void
pyproject_maintainers(struct pymeta *m, const struct toml_value *list,
    const char *path)
{
	const struct toml_value *name;
	const char *s;
	size_t i;

	for (i = 0; i < toml_len(list) && m->maintainers.n < 64; i++) {
		name = toml_get(toml_at(list, i), "name");
		if (toml_kind(name) == TOML_STRING &&
		    (s = toml_string(name, NULL)) != NULL && *s != '\0')
			pymeta_decl_add(&m->maintainers, s, strlen(s),
			    "maintainer", path, toml_line(name));
	}
}

static void
read_pyproject(struct pymeta *m, const char *path, const char *text,
    size_t len)
{
	struct toml_value *root;
	struct toml_error err;
	const struct toml_value *proj, *t, *g, *dyn;
	size_t i;

	if (toml_parse(text, len, &root, &err) != 0) {
		pymeta_problem(m, path, err.line, "not TOML 1.0 (column %d): "
		    "%s", err.col, err.msg);
		return;
	}
	proj = toml_get(root, "project");
	toml_decls(&m->names, toml_get(proj, "name"), "pyproject.toml", path);
	toml_reqs(m, toml_get(proj, "dependencies"), path, PYDEP_REQUIRED,
	    NULL);
	t = toml_get(proj, "optional-dependencies");
	for (i = 0; i < toml_len(t); i++)
		toml_reqs(m, toml_at(t, i), path, PYDEP_OPTIONAL,
		    toml_key_at(t, i, NULL));
	pyproject_license(m, proj, path);
	t = toml_get(root, "dependency-groups");
	for (i = 0; i < toml_len(t); i++)
		toml_reqs(m, toml_at(t, i), path, PYDEP_GROUP,
		    toml_key_at(t, i, NULL));
	t = toml_get(root, "build-system");
	toml_reqs(m, toml_get(t, "requires"), path, PYDEP_BUILD, NULL);
	toml_decls(&m->backends, toml_get(t, "build-backend"),
	    "build-backend", path);
	/* setuptools reads dynamic dependencies from files. */
	dyn = toml_get(root, "tool.setuptools.dynamic.dependencies.file");
	for (i = 0; i < toml_len(dyn) + (toml_kind(dyn) == TOML_STRING);
	    i++) {
		g = toml_kind(dyn) == TOML_STRING ? dyn : toml_at(dyn, i);
		if (toml_kind(g) == TOML_STRING)
			(void)pymeta_include(m, toml_string(g, NULL), path,
			    toml_line(g), PYDEP_REQUIRED, NULL, 1);
	}
	read_poetry(m, toml_get(root, "tool.poetry"), path);
	t = toml_get(root, "tool.pytest.ini_options.testpaths");
	toml_decls(&m->testpaths, t, "testpaths", path);
	pyproject_maintainers(m, toml_get(proj, "maintainers"), path);
	toml_free(root);
}


/* A file too large is not read: the collector says so. */
static void *
pyproject_parse(const struct reader_input *in)
{
	struct pymeta *m;

	m = pymeta_new(in);
	if (!m->truncated) {
		parses++;
		read_pyproject(m, in->path, in->buf, in->len);
	}
	return m;
}

unsigned long
pymeta_pyproject_parses(void)
{
	return parses;
}
