/*
 * pymeta.c: the Python packaging metadata of a tree (see pymeta.h):
 * dependencies, names, build backends, licenses and test paths from
 * pyproject.toml, setup.cfg, setup.py, requirements files and conda
 * files. The torch versions CI names are the CI model's (ci.h).
 */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <ini.h>
#include <yaml.h>

#include "ctx.h"
#include "pep440.h"
#include "pep508.h"
#include "license.h"
#include "pymeta.h"
#include "strbuf.h"
#include "toml.h"
#include "tree.h"
#include "xalloc.h"

#define PYMETA_MAX_BYTES	(4 * 1024 * 1024)	/* read of one file */
#define PYMETA_MAX_FILES	200	/* requirement files followed */
#define JINJA_MARK		"__jinja__"

struct py_reader {
	struct check_ctx	*ctx;	/* NULL: no includes followed */
	struct pymeta		*m;
};

static void	 decl_add(struct pydecls *, const char *, size_t,
		    const char *, const char *, int);
static void	 decls_clear(struct pydecls *);
static struct pydep *dep_new(struct pymeta *, const char *, int,
		    enum pydep_kind, const char *);
static void	 dep_req(struct pymeta *, const char *, const char *, int,
		    enum pydep_kind, const char *, int);
static void	 problem(struct pymeta *, const char *, int, const char *,
		    ...) __attribute__((format(printf, 4, 5)));
static void	 read_file(struct py_reader *, const char *, const char *,
		    size_t);
static void	 read_pyproject(struct py_reader *, const char *, const char *,
		    size_t);
static void	 read_setup_cfg(struct py_reader *, const char *, const char *,
		    size_t);
static void	 read_setup_py(struct pymeta *, const char *, const char *,
		    size_t);
static void	 read_requirements(struct py_reader *, const char *,
		    const char *, int, enum pydep_kind, const char *, int);
static void	 read_yaml(struct pymeta *, const char *, const char *,
		    size_t, int);
static int	 license_classifier(const char *);

const char *
pydep_kind_name(enum pydep_kind k)
{
	switch (k) {
	case PYDEP_REQUIRED:
		return "required";
	case PYDEP_OPTIONAL:
		return "optional extra";
	case PYDEP_GROUP:
		return "dependency group";
	case PYDEP_BUILD:
		return "build requirement";
	case PYDEP_REQFILE:
		return "requirements file";
	case PYDEP_CONDA:
		return "conda";
	}
	return "?";
}

void
pymeta_init(struct pymeta *m)
{
	memset(m, 0, sizeof(*m));
}

static void
decls_clear(struct pydecls *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->v[i].text);
		free(d->v[i].what);
		free(d->v[i].path);
	}
	free(d->v);
	memset(d, 0, sizeof(*d));
}

void
pymeta_release(struct pymeta *m)
{
	size_t i;

	for (i = 0; i < m->ndeps; i++) {
		free(m->deps[i].key);
		free(m->deps[i].spec_text);
		pep440_spec_free(m->deps[i].spec);
		free(m->deps[i].note);
		free(m->deps[i].group);
		free(m->deps[i].path);
	}
	free(m->deps);
	decls_clear(&m->names);
	decls_clear(&m->backends);
	decls_clear(&m->licenses);
	decls_clear(&m->testpaths);
	decls_clear(&m->recipes);
	strvec_clear(&m->problems);
	strvec_clear(&m->files);
	memset(m, 0, sizeof(*m));
}

static void
decl_add(struct pydecls *d, const char *text, size_t len, const char *what,
    const char *path, int line)
{
	struct pydecl *x;

	if (d->n == d->alloc) {
		d->alloc = d->alloc ? d->alloc * 2 : 4;
		d->v = xreallocarray(d->v, d->alloc, sizeof(*d->v));
	}
	x = &d->v[d->n++];
	x->text = xstrndup(text, len);
	x->what = xstrdup(what);
	x->path = xstrdup(path);
	x->line = line;
}

static void
problem(struct pymeta *m, const char *path, int line, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	if (line > 0)
		strbuf_addf(&sb, "%s:%d: ", path, line);
	else
		strbuf_addf(&sb, "%s: ", path);
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	strvec_push_nodup(&m->problems, strbuf_detach(&sb, NULL));
}

static struct pydep *
dep_new(struct pymeta *m, const char *path, int line, enum pydep_kind kind,
    const char *group)
{
	struct pydep *d;

	if (m->ndeps == m->alloc) {
		m->alloc = m->alloc ? m->alloc * 2 : 8;
		m->deps = xreallocarray(m->deps, m->alloc, sizeof(*m->deps));
	}
	d = &m->deps[m->ndeps++];
	memset(d, 0, sizeof(*d));
	d->kind = kind;
	d->group = group != NULL ? xstrdup(group) : NULL;
	d->path = xstrdup(path);
	d->line = line;
	d->metadata = kind != PYDEP_REQFILE && kind != PYDEP_CONDA;
	return d;
}

/*
 * A PEP 508 requirement string declared at path:line. One that cannot be
 * read is a problem; one that names an extra in its marker only is
 * optional even in a required list.
 */
static void
dep_req(struct pymeta *m, const char *s, const char *path, int line,
    enum pydep_kind kind, const char *group, int metadata)
{
	struct pep508_req req;
	struct strbuf err = STRBUF_INIT;
	struct pydep *d;

	if (pep508_parse(s, &req, &err) != 0) {
		problem(m, path, line, "cannot read requirement '%s': %s", s,
		    err.buf);
		strbuf_release(&err);
		return;
	}
	if ((req.flags & PEP508_EXTRA_ONLY) && kind == PYDEP_REQUIRED) {
		kind = PYDEP_OPTIONAL;
		group = req.marker_extras.n > 0 ? req.marker_extras.v[0] : NULL;
	}
	d = dep_new(m, path, line, kind, group);
	d->metadata = metadata;
	d->key = xstrdup(req.key);
	if (req.url != NULL) {
		d->spec_text = xasprintf("@ %s", req.url);
		d->note = xstrdup("a URL: its version cannot be known");
	} else {
		d->spec_text = xstrdup(req.spec_text);
		d->spec = req.spec;
		req.spec = NULL;
	}
	pep508_release(&req);
	strbuf_release(&err);
}

/* A dependency with a name and a PEP 440 spec text (maybe translated). */
static void
dep_spec(struct pymeta *m, const char *key, const char *spec,
    const char *written, const char *note, const char *path, int line,
    enum pydep_kind kind, const char *group)
{
	struct strbuf name = STRBUF_INIT, err = STRBUF_INIT;
	struct pydep *d;

	pep503_normalize(key, strlen(key), &name);
	d = dep_new(m, path, line, kind, group);
	d->key = strbuf_detach(&name, NULL);
	d->spec_text = xstrdup(written);
	if (spec == NULL)
		d->note = xstrdup(note != NULL ? note : "no PEP 440 form");
	else if (pep440_spec_parse(spec, &d->spec, &err) != 0) {
		d->spec = NULL;
		d->note = xasprintf("not a version constraint: %s", err.buf);
	}
	strbuf_release(&err);
}

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

int
pymeta_conda_spec(const char *s, struct strbuf *name, struct strbuf *spec)
{
	const char *p, *v, *c;
	struct strbuf ver = STRBUF_INIT;
	size_t n;
	int rc = 0;

	while (*s == ' ')
		s++;
	if ((c = strstr(s, "::")) != NULL)	/* channel::name */
		s = c + 2;
	for (p = s; *p != '\0' && strchr(" =<>!~[", *p) == NULL; p++)
		;
	pep503_normalize(s, (size_t)(p - s), name);
	while (*p == ' ')
		p++;
	if (*p == '[' || strchr(p, '|') != NULL)
		return -1;
	/* The version part ends at a space (a build string follows). */
	v = p;
	for (n = 0; v[n] != '\0' && v[n] != ' '; n++)
		;
	strbuf_add(&ver, v, n);
	if (ver.len == 0)
		;
	else if (ver.buf[0] == '=' && (ver.len < 2 || ver.buf[1] != '=')) {
		strbuf_addf(spec, "==%s", ver.buf + 1);
		if (ver.buf[ver.len - 1] != '*')
			strbuf_addstr(spec, ".*");
	} else if (isdigit((unsigned char)ver.buf[0])) {
		strbuf_addf(spec, "==%s", ver.buf);
		if (ver.buf[ver.len - 1] != '*')
			strbuf_addstr(spec, ".*");
	} else if (strchr("<>!~=", ver.buf[0]) != NULL)
		strbuf_addstr(spec, ver.buf);
	else
		rc = -1;
	/* conda writes 1.8* for 1.8.*. */
	if (rc == 0 && spec->len > 1 && spec->buf[spec->len - 1] == '*' &&
	    spec->buf[spec->len - 2] != '.') {
		strbuf_setlen(spec, spec->len - 1);
		strbuf_addstr(spec, ".*");
	}
	if (strstr(ver.buf, JINJA_MARK) != NULL)
		rc = -1;
	strbuf_release(&ver);
	return rc;
}

/* --- pyproject.toml ------------------------------------------------ */

/* Each string of an array of requirement strings. */
static void
toml_reqs(struct pymeta *m, const struct toml_value *a, const char *path,
    enum pydep_kind kind, const char *group)
{
	size_t i;
	const struct toml_value *it;

	if (toml_kind(a) != TOML_ARRAY) {
		if (a != NULL)
			problem(m, path, toml_line(a), "%s is not an array of "
			    "requirement strings", group != NULL ? group :
			    "dependencies");
		return;
	}
	for (i = 0; i < toml_len(a); i++) {
		it = toml_at(a, i);
		if (toml_kind(it) == TOML_STRING)
			dep_req(m, toml_string(it, NULL), path, toml_line(it),
			    kind, group, 1);
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
			dep_spec(m, key, NULL, "(several constraints)",
			    "several constraints by marker",
			    path, toml_line(v), k, group);
			continue;
		}
		strbuf_reset(&spec);
		if (toml_kind(ver) != TOML_STRING) {
			dep_spec(m, key, NULL, "", toml_get(v, "git") != NULL ||
			    toml_get(v, "path") != NULL || toml_get(v, "url") !=
			    NULL ? "a git, path or URL source" : "no version",
			    path, toml_line(v), k, group);
			continue;
		}
		s = toml_string(ver, NULL);
		if (pymeta_poetry_spec(s, &spec) != 0)
			dep_spec(m, key, NULL, s, "a Poetry constraint with no "
			    "PEP 440 form", path, toml_line(v), k, group);
		else
			dep_spec(m, key, spec.buf, s, NULL, path, toml_line(v),
			    k, group);
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
		decl_add(d, s, strlen(s), what, path, toml_line(v));
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
		if (s != NULL && license_classifier(s))
			decl_add(&m->licenses, s, strlen(s), "classifier",
			    path, toml_line(toml_at(c, i)));
	}
}

static void
read_pyproject(struct py_reader *rd, const char *path, const char *text,
    size_t len)
{
	struct pymeta *m = rd->m;
	struct toml_value *root;
	struct toml_error err;
	const struct toml_value *proj, *t, *g, *dyn;
	const char *key;
	size_t i;

	if (toml_parse(text, len, &root, &err) != 0) {
		problem(m, path, err.line, "not TOML 1.0 (column %d): %s",
		    err.col, err.msg);
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
	for (i = 0; rd->ctx != NULL && i < toml_len(dyn) + (toml_kind(dyn) ==
	    TOML_STRING); i++) {
		g = toml_kind(dyn) == TOML_STRING ? dyn : toml_at(dyn, i);
		if (toml_kind(g) == TOML_STRING)
			read_requirements(rd, toml_string(g, NULL), path,
			    toml_line(g), PYDEP_REQUIRED, NULL, 1);
	}
	t = toml_get(root, "tool.poetry");
	toml_decls(&m->names, toml_get(t, "name"), "pyproject.toml", path);
	toml_decls(&m->licenses, toml_get(t, "license"), "license", path);
	g = toml_get(t, "classifiers");
	for (i = 0; i < toml_len(g); i++) {
		key = toml_string(toml_at(g, i), NULL);
		if (key != NULL && license_classifier(key))
			decl_add(&m->licenses, key, strlen(key), "classifier",
			    path, toml_line(toml_at(g, i)));
	}
	poetry_deps(m, toml_get(t, "dependencies"), path, PYDEP_REQUIRED,
	    NULL);
	poetry_deps(m, toml_get(t, "dev-dependencies"), path, PYDEP_GROUP,
	    "dev");
	g = toml_get(t, "group");
	for (i = 0; i < toml_len(g); i++)
		poetry_deps(m, toml_get(toml_at(g, i), "dependencies"), path,
		    PYDEP_GROUP, toml_key_at(g, i, NULL));
	t = toml_get(root, "tool.pytest.ini_options.testpaths");
	toml_decls(&m->testpaths, t, "testpaths", path);
	toml_free(root);
}

/* --- setup.cfg ------------------------------------------------------ */

struct cfg_state {
	struct pymeta	*m;
	struct py_reader	*rd;
	const char	*path;
	const char	*text;
	size_t		 len, pos;
	int		 line;
};

/* inih's reader: one line at a time, so that lines are counted. */
static char *
cfg_line(char *buf, int num, void *arg)
{
	struct cfg_state *st = arg;
	size_t n = 0;

	if (st->pos >= st->len || num < 2)
		return NULL;
	while (st->pos < st->len && n < (size_t)num - 2) {
		buf[n++] = st->text[st->pos++];
		if (buf[n - 1] == '\n')
			break;
	}
	/* A longer line is cut: its rest is skipped. */
	if (n > 0 && buf[n - 1] != '\n')
		while (st->pos < st->len && st->text[st->pos++] != '\n')
			;
	buf[n] = '\0';
	st->line++;
	return buf;
}

/*
 * "install_requires = file: requirements.txt base.txt": setuptools reads
 * the files (relative to the root), which are read here as well.
 */
static void
cfg_files(struct cfg_state *st, const char *list)
{
	const char *p = list;
	size_t n;
	char *name;

	for (;;) {
		p += strspn(p, " ,\t");
		if ((n = strcspn(p, " ,\t")) == 0)
			break;
		name = xstrndup(p, n);
		read_requirements(st->rd, name, st->path, st->line,
		    PYDEP_REQUIRED, NULL, 1);
		free(name);
		p += n;
	}
}

/* Values of the multi-line keys come a line at a time. */
static int
cfg_value(void *arg, const char *section, const char *name,
    const char *value)
{
	struct cfg_state *st = arg;
	struct pymeta *m = st->m;

	if (value == NULL || *value == '\0')
		return 1;
	if (strcmp(section, "metadata") == 0) {
		if (strcmp(name, "name") == 0)
			decl_add(&m->names, value, strlen(value), "setup.cfg",
			    st->path, st->line);
		else if (strcmp(name, "license") == 0)
			decl_add(&m->licenses, value, strlen(value), "license",
			    st->path, st->line);
		else if (strcmp(name, "license_files") == 0 ||
		    strcmp(name, "license_file") == 0)
			decl_add(&m->licenses, value, strlen(value),
			    "license-files", st->path, st->line);
		else if (strcmp(name, "classifiers") == 0 &&
		    license_classifier(value))
			decl_add(&m->licenses, value, strlen(value),
			    "classifier", st->path, st->line);
	} else if (strcmp(section, "options") == 0) {
		if (strcmp(name, "install_requires") == 0 &&
		    strncmp(value, "file:", 5) == 0)
			cfg_files(st, value + 5);
		else if (strcmp(name, "install_requires") == 0)
			dep_req(m, value, st->path, st->line, PYDEP_REQUIRED,
			    NULL, 1);
		else if (strcmp(name, "setup_requires") == 0)
			dep_req(m, value, st->path, st->line, PYDEP_BUILD,
			    NULL, 1);
	} else if (strcmp(section, "options.extras_require") == 0)
		dep_req(m, value, st->path, st->line, PYDEP_OPTIONAL, name, 1);
	else if (strcmp(section, "tool:pytest") == 0 &&
	    strcmp(name, "testpaths") == 0)
		decl_add(&m->testpaths, value, strlen(value), "testpaths",
		    st->path, st->line);
	return 1;
}

static void
read_setup_cfg(struct py_reader *rd, const char *path, const char *text,
    size_t len)
{
	struct cfg_state st = { rd->m, rd, path, text, len, 0, 0 };
	int rc;

	rc = ini_parse_stream(cfg_line, &st, cfg_value, &st);
	if (rc > 0)
		problem(rd->m, path, rc, "cannot read this line as INI");
}

/* --- setup.py: literals only ---------------------------------------- */

struct pysrc {
	const char	*s;
	size_t		 len, pos;
	size_t		 line_off;	/* a cached offset and its line */
	int		 line_no;
};

/* The line of off; asked in increasing order, the work is linear. */
static int
py_line(struct pysrc *p, size_t off)
{
	if (off < p->line_off) {
		p->line_off = 0;
		p->line_no = 1;
	}
	for (; p->line_off < off && p->line_off < p->len; p->line_off++)
		if (p->s[p->line_off] == '\n')
			p->line_no++;
	return p->line_no;
}

/* Skip white space, line continuations and comments. */
static void
py_space(struct pysrc *p)
{
	while (p->pos < p->len) {
		if (isspace((unsigned char)p->s[p->pos]) || p->s[p->pos] ==
		    '\\')
			p->pos++;
		else if (p->s[p->pos] == '#')
			while (p->pos < p->len && p->s[p->pos] != '\n')
				p->pos++;
		else
			break;
	}
}

/*
 * A string literal at pos (with an r/u/b prefix; f-strings are
 * computed): 1 with its value appended to out, 0 when there is none,
 * -1 for an f-string or one that does not end.
 */
static int
py_string(struct pysrc *p, struct strbuf *out)
{
	size_t i = p->pos, q;
	int raw = 0, triple;
	char c;

	while (i < p->len && strchr("rRuUbBfF", p->s[i]) != NULL && i -
	    p->pos < 2) {
		if (p->s[i] == 'f' || p->s[i] == 'F')
			return -1;
		if (p->s[i] == 'r' || p->s[i] == 'R')
			raw = 1;
		i++;
	}
	if (i >= p->len || (p->s[i] != '"' && p->s[i] != '\''))
		return 0;
	c = p->s[i];
	triple = i + 2 < p->len && p->s[i + 1] == c && p->s[i + 2] == c;
	i += triple ? 3 : 1;
	for (q = i; q < p->len; q++) {
		if (p->s[q] == '\\' && !raw && q + 1 < p->len) {
			q++;
			strbuf_addch(out, p->s[q] == 'n' ? '\n' : p->s[q]);
			continue;
		}
		if (p->s[q] == c && (!triple || (q + 2 < p->len &&
		    p->s[q + 1] == c && p->s[q + 2] == c))) {
			p->pos = q + (triple ? 3 : 1);
			return 1;
		}
		if (p->s[q] == '\n' && !triple)
			return -1;
		strbuf_addch(out, p->s[q]);
	}
	return -1;
}

/*
 * A list literal of strings at pos: calls back for each. 0, or -1 when
 * the value is anything else (computed); *what says what was found.
 */
static int
py_list(struct pysrc *p, void (*cb)(struct pysrc *, const char *, int,
    void *), void *arg)
{
	struct strbuf s = STRBUF_INIT;
	char open, close;
	size_t at;
	int rc;

	py_space(p);
	if (p->pos >= p->len || (p->s[p->pos] != '[' && p->s[p->pos] != '('))
		return -1;
	open = p->s[p->pos++];
	close = open == '[' ? ']' : ')';
	for (;;) {
		py_space(p);
		if (p->pos >= p->len)
			return -1;
		if (p->s[p->pos] == close) {
			p->pos++;
			break;
		}
		at = p->pos;
		strbuf_reset(&s);
		/* Adjacent literals join, as in Python. */
		while ((rc = py_string(p, &s)) == 1)
			py_space(p);
		if (rc < 0 || p->pos == at) {
			strbuf_release(&s);
			return -1;
		}
		cb(p, s.buf, py_line(p, at), arg);
		py_space(p);
		if (p->pos < p->len && p->s[p->pos] == ',')
			p->pos++;
		else if (p->pos >= p->len || p->s[p->pos] != close) {
			strbuf_release(&s);
			return -1;
		}
	}
	strbuf_release(&s);
	return 0;
}

struct pyctx {
	struct pymeta	*m;
	const char	*path;
	enum pydep_kind	 kind;
	const char	*group;
	int		 classifiers;
};

static void
py_item(struct pysrc *p, const char *s, int line, void *arg)
{
	struct pyctx *c = arg;

	(void)p;
	if (c->classifiers) {
		if (license_classifier(s))
			decl_add(&c->m->licenses, s, strlen(s), "classifier",
			    c->path, line);
	} else if (*s != '\0')
		dep_req(c->m, s, c->path, line, c->kind, c->group, 1);
}

/* extras_require={"x": [...], ...}: 0, or -1 when computed. */
static int
py_extras(struct pysrc *p, struct pyctx *c)
{
	struct strbuf key = STRBUF_INIT;

	py_space(p);
	if (p->pos >= p->len || p->s[p->pos] != '{')
		return -1;
	p->pos++;
	for (;;) {
		py_space(p);
		if (p->pos < p->len && p->s[p->pos] == '}') {
			p->pos++;
			break;
		}
		strbuf_reset(&key);
		if (py_string(p, &key) != 1)
			goto computed;
		py_space(p);
		if (p->pos >= p->len || p->s[p->pos] != ':')
			goto computed;
		p->pos++;
		c->group = key.buf;
		if (py_list(p, py_item, c) != 0)
			goto computed;
		py_space(p);
		if (p->pos < p->len && p->s[p->pos] == ',')
			p->pos++;
		else if (p->pos >= p->len || p->s[p->pos] != '}')
			goto computed;
	}
	strbuf_release(&key);
	return 0;
computed:
	strbuf_release(&key);
	return -1;
}

/* The keyword argument or dict key at pos, if it is one: its name. */
static int
py_keyword(struct pysrc *p, const char *name)
{
	size_t n, at = p->pos;
	const char *s = p->s + p->pos;
	int quoted = 0;

	n = strlen(name);

	if (*s == '"' || *s == '\'') {
		quoted = 1;
		if (p->len - p->pos < n + 2 || memcmp(s + 1, name, n) != 0 ||
		    s[n + 1] != s[0])
			return 0;
		p->pos += n + 2;
	} else {
		if (p->len - p->pos < n || memcmp(s, name, n) != 0 ||
		    (p->pos > 0 && (isalnum((unsigned char)s[-1]) ||
		    s[-1] == '_' || s[-1] == '.')) ||
		    (p->pos + n < p->len && (isalnum((unsigned char)s[n]) ||
		    s[n] == '_')))
			return 0;
		p->pos += n;
	}
	py_space(p);
	if (p->pos < p->len && (p->s[p->pos] == (quoted ? ':' : '=')) &&
	    (p->pos + 1 >= p->len || p->s[p->pos + 1] != '=')) {
		p->pos++;
		return 1;
	}
	p->pos = at;
	return 0;
}

static void
read_setup_py(struct pymeta *m, const char *path, const char *text,
    size_t len)
{
	struct pysrc p = { text, len, 0, 0, 1 };
	struct pyctx c = { m, path, PYDEP_REQUIRED, NULL, 0 };
	struct strbuf s = STRBUF_INIT;
	size_t at;
	long last_setup = -1, last_ext = -1;
	int line;

	while (p.pos < len) {
		at = p.pos;
		line = py_line(&p, at);
		/*
		 * A name inside setup(), not in an Extension(name=...)
		 * before it: the nearest of the two calls opened last.
		 */
		if (len - at >= 6 && memcmp(text + at, "setup(", 6) == 0)
			last_setup = (long)at;
		if (len - at >= 10 && memcmp(text + at, "Extension(", 10) == 0)
			last_ext = (long)at;
		if (text[p.pos] == '#') {
			while (p.pos < len && text[p.pos] != '\n')
				p.pos++;
			continue;
		}
		if (py_keyword(&p, "install_requires") ||
		    py_keyword(&p, "setup_requires")) {
			c.kind = text[at] == 's' || text[at + 1] == 's' ?
			    PYDEP_BUILD : PYDEP_REQUIRED;
			c.group = NULL;
			c.classifiers = 0;
			if (py_list(&p, py_item, &c) != 0) {
				problem(m, path, line, "%s is computed, not a "
				    "list of strings: not read",
				    c.kind == PYDEP_BUILD ? "setup_requires" :
				    "install_requires");
				m->computed++;
			}
		} else if (py_keyword(&p, "extras_require")) {
			c.kind = PYDEP_OPTIONAL;
			c.classifiers = 0;
			if (py_extras(&p, &c) != 0)
				problem(m, path, line, "extras_require is "
				    "computed, not a dict of lists: not read");
		} else if (py_keyword(&p, "classifiers")) {
			c.classifiers = 1;
			(void)py_list(&p, py_item, &c);
		} else if ((py_keyword(&p, "name") && last_setup >= 0 &&
		    last_setup > last_ext) || py_keyword(&p, "license")) {
			py_space(&p);
			strbuf_reset(&s);
			if (py_string(&p, &s) == 1)
				decl_add(text[at] == 'n' || text[at + 1] ==
				    'n' ? &m->names : &m->licenses, s.buf,
				    s.len, text[at] == 'n' || text[at + 1] ==
				    'n' ? "setup.py" : "license", path, line);
		} else if (text[p.pos] == '"' || text[p.pos] == '\'') {
			strbuf_reset(&s);
			if (py_string(&p, &s) != 1)
				p.pos++;
		}
		if (p.pos == at)
			p.pos++;
	}
	strbuf_release(&s);
}

/* --- requirements files -------------------------------------------- */

/* The directory part of path with name joined, normalised; NULL: out. */
static char *
join_path(const char *from, const char *name)
{
	struct strbuf sb = STRBUF_INIT;
	const char *slash, *p, *q;
	char *r;

	if (name[0] == '/')
		return NULL;
	slash = strrchr(from, '/');
	if (slash != NULL)
		strbuf_add(&sb, from, (size_t)(slash - from + 1));
	for (p = name; *p != '\0'; p = *q ? q + 1 : q) {
		for (q = p; *q != '\0' && *q != '/'; q++)
			;
		if (q - p == 1 && *p == '.')
			continue;
		if (q - p == 2 && p[0] == '.' && p[1] == '.') {
			if (sb.len == 0) {
				strbuf_release(&sb);
				return NULL;
			}
			strbuf_setlen(&sb, sb.len - 1);
			while (sb.len > 0 && sb.buf[sb.len - 1] != '/')
				strbuf_setlen(&sb, sb.len - 1);
			continue;
		}
		strbuf_add(&sb, p, (size_t)(q - p));
		if (*q == '/')
			strbuf_addch(&sb, '/');
	}
	r = strbuf_detach(&sb, NULL);
	return r;
}

/*
 * Read a file of the tree named relative to the file from (requirement
 * includes, setuptools' dynamic files) and hand it to the reader.
 */
static void
read_requirements(struct py_reader *rd, const char *name, const char *from,
    int line, enum pydep_kind kind, const char *group, int metadata)
{
	const struct tree_entry *e;
	const char *buf;
	size_t len;
	int trunc;
	char *path;
	struct reqline_reader rr;
	struct reqline rl;
	struct strbuf err = STRBUF_INIT;
	int rc;

	if (rd->ctx == NULL)
		return;
	if ((path = join_path(from, name)) == NULL) {
		problem(rd->m, from, line, "'%s' is outside the repository",
		    name);
		return;
	}
	if (strvec_has(&rd->m->files, path) || rd->m->files.n >=
	    PYMETA_MAX_FILES) {
		free(path);
		return;
	}
	if ((e = tree_lookup(ctx_tree(rd->ctx), path, 0)) == NULL ||
	    ctx_read(rd->ctx, e, PYMETA_MAX_BYTES, CTX_READ_TEXT, NULL, &buf,
	    &len, &trunc) != 0) {
		problem(rd->m, from, line, "'%s' cannot be read", path);
		free(path);
		return;
	}
	strvec_push(&rd->m->files, path);
	reqline_init(&rr, buf, len);
	while ((rc = reqline_next(&rr, &rl, &err)) != 0) {
		if (rc < 0) {
			problem(rd->m, path, rl.lineno, "%s", err.buf);
			strbuf_reset(&err);
			continue;
		}
		if (rl.kind == REQLINE_REQ)
			dep_req(rd->m, rl.text, path, rl.lineno, kind, group,
			    metadata);
		else if (rl.kind == REQLINE_INCLUDE)
			read_requirements(rd, rl.text, path, rl.lineno, kind,
			    group, metadata);
		reqline_release(&rl);
	}
	strbuf_release(&err);
	free(path);
}

/* --- YAML: environment files, conda recipes -------------------------- */

/* The text of a scalar node, or NULL. */
static const char *
ynode_str(yaml_node_t *n)
{
	if (n == NULL || n->type != YAML_SCALAR_NODE)
		return NULL;
	return (const char *)n->data.scalar.value;
}

/* The value of key in a mapping node, or NULL. */
static yaml_node_t *
ymap_get(yaml_document_t *doc, yaml_node_t *n, const char *key)
{
	yaml_node_pair_t *p;
	const char *k;

	if (n == NULL || n->type != YAML_MAPPING_NODE)
		return NULL;
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top;
	    p++) {
		k = ynode_str(yaml_document_get_node(doc, p->key));
		if (k != NULL && strcmp(k, key) == 0)
			return yaml_document_get_node(doc, p->value);
	}
	return NULL;
}

/* A conda dependency string as a dependency. */
static void
conda_dep(struct pymeta *m, const char *s, const char *path, int line,
    const char *group)
{
	struct strbuf name = STRBUF_INIT, spec = STRBUF_INIT;
	const char *written;
	struct pydep *d;
	struct strbuf err = STRBUF_INIT;
	int rc;

	rc = pymeta_conda_spec(s, &name, &spec);
	if (name.len == 0 || strstr(name.buf, "jinja") != NULL) {
		strbuf_release(&name);
		strbuf_release(&spec);
		return;
	}
	d = dep_new(m, path, line, PYDEP_CONDA, group);
	d->key = strbuf_detach(&name, NULL);
	written = s + strcspn(s, " =<>!~[");
	while (*written == ' ')
		written++;
	d->spec_text = xstrdup(written);
	if (rc != 0)
		d->note = xstrdup(strstr(s, JINJA_MARK) != NULL ? "set by a "
		    "Jinja expression" : "a conda constraint with no PEP 440 "
		    "form");
	else if (pep440_spec_parse(spec.buf, &d->spec, &err) != 0) {
		d->spec = NULL;
		d->note = xasprintf("not a version constraint: %s", err.buf);
	}
	strbuf_release(&spec);
	strbuf_release(&err);
}

/* Each string of a sequence node as a conda (or pip) dependency. */
static void
yaml_deps(struct pymeta *m, yaml_document_t *doc, yaml_node_t *n,
    const char *path, const char *group)
{
	yaml_node_item_t *it;
	yaml_node_t *x, *pip;
	const char *s;

	if (n == NULL || n->type != YAML_SEQUENCE_NODE)
		return;
	for (it = n->data.sequence.items.start; it < n->data.sequence.items.top;
	    it++) {
		x = yaml_document_get_node(doc, *it);
		if ((s = ynode_str(x)) != NULL)
			conda_dep(m, s, path, (int)x->start_mark.line + 1,
			    group);
		else if ((pip = ymap_get(doc, x, "pip")) != NULL &&
		    pip->type == YAML_SEQUENCE_NODE) {
			yaml_node_item_t *j;
			yaml_node_t *y;

			for (j = pip->data.sequence.items.start;
			    j < pip->data.sequence.items.top; j++) {
				y = yaml_document_get_node(doc, *j);
				if ((s = ynode_str(y)) != NULL)
					dep_req(m, s, path,
					    (int)y->start_mark.line + 1,
					    PYDEP_CONDA, "pip", 0);
			}
		}
	}
}

/*
 * Jinja in a conda recipe: "{% ... %}" lines dropped, "{{ ... }}"
 * replaced by a marker, "{#...#}" comments blanked; line numbers kept.
 */
static char *
strip_jinja(const char *text, size_t len, size_t *outlen)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p = text, *end = text + len, *nl, *q, *c;

	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		q = nl != NULL ? nl : end;
		for (c = p; c < q && (*c == ' ' || *c == '\t'); c++)
			;
		if (q - c >= 2 && (memcmp(c, "{%", 2) == 0 || memcmp(c, "{#",
		    2) == 0)) {
			/* dropped */
		} else {
			for (c = p; c < q; c++) {
				if (c + 1 < q && c[0] == '{' && c[1] == '{') {
					const char *e = c;

					while (e + 1 < q && !(e[0] == '}' &&
					    e[1] == '}'))
						e++;
					strbuf_addstr(&sb, JINJA_MARK);
					c = e + 1 < q ? e + 1 : q - 1;
				} else
					strbuf_addch(&sb, *c);
			}
		}
		if (nl != NULL)
			strbuf_addch(&sb, '\n');
		p = q + 1;
	}
	return strbuf_detach(&sb, outlen);
}

#define YAML_ENV	1
#define YAML_RECIPE	2

static void
read_yaml(struct pymeta *m, const char *path, const char *text, size_t len,
    int what)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	yaml_node_t *root, *req, *pkg;
	char *stripped = NULL;
	const char *name, *sec[] = { "build", "host", "run", NULL };
	size_t i, j, first;

	if (what == YAML_RECIPE) {
		stripped = strip_jinja(text, len, &len);
		text = stripped;
	}
	if (!yaml_parser_initialize(&parser)) {
		free(stripped);
		problem(m, path, 0, "out of memory reading YAML");
		return;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	if (!yaml_parser_load(&parser, &doc)) {
		problem(m, path, (int)parser.problem_mark.line + 1,
		    "not YAML: %s", parser.problem != NULL ? parser.problem :
		    "cannot be read");
		yaml_parser_delete(&parser);
		free(stripped);
		return;
	}
	if ((root = yaml_document_get_root_node(&doc)) == NULL)
		goto done;
	decl_add(&m->recipes, path, strlen(path), what == YAML_ENV ?
	    "environment" : "recipe", path, 1);
	if (what == YAML_ENV) {
		yaml_deps(m, &doc, ymap_get(&doc, root, "dependencies"), path,
		    NULL);
		goto done;
	}
	pkg = ymap_get(&doc, root, "package");
	if ((name = ynode_str(ymap_get(&doc, pkg, "name"))) != NULL &&
	    strstr(name, JINJA_MARK) == NULL)
		decl_add(&m->names, name, strlen(name), "conda recipe", path,
		    (int)ymap_get(&doc, pkg, "name")->start_mark.line + 1);
	req = ymap_get(&doc, root, "requirements");
	for (i = 0; sec[i] != NULL; i++) {
		first = m->ndeps;
		yaml_deps(m, &doc, ymap_get(&doc, req, sec[i]), path, sec[i]);
		/* What a recipe needs to build is not what users get. */
		for (j = first; strcmp(sec[i], "run") != 0 && j < m->ndeps;
		    j++)
			m->deps[j].kind = PYDEP_GROUP;
	}
done:
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	free(stripped);
}

/* --- the tree ------------------------------------------------------- */

/* Whether a Trove classifier names a license. */
static int
license_classifier(const char *s)
{
	while (*s == ' ')
		s++;
	return strncmp(s, "License ::", 10) == 0;
}

/*
 * License names as setup.py, setup.cfg, Poetry and Trove classifiers
 * write them, and the SPDX ids they stand for: an id ending in '*' is a
 * family (any id with that prefix).
 */
static const struct {
	const char	*name;
	const char	*spdx;
} license_names[] = {
	{ "MIT", "MIT" },
	{ "MIT License", "MIT" },
	{ "MIT No Attribution License (MIT-0)", "MIT-0" },
	{ "Apache", "Apache-*" },
	{ "Apache 2", "Apache-2.0" },
	{ "Apache 2.0", "Apache-2.0" },
	{ "Apache License 2.0", "Apache-2.0" },
	{ "Apache License, Version 2.0", "Apache-2.0" },
	{ "Apache Software License", "Apache-*" },
	{ "Apache Software License 2.0", "Apache-2.0" },
	{ "Apache-2", "Apache-2.0" },
	{ "BSD", "BSD-*" },
	{ "BSD License", "BSD-*" },
	{ "BSD 3-Clause", "BSD-3-Clause" },
	{ "BSD-3", "BSD-3-Clause" },
	{ "3-Clause BSD", "BSD-3-Clause" },
	{ "BSD 2-Clause", "BSD-2-Clause" },
	{ "ISC License (ISCL)", "ISC" },
	{ "GNU General Public License (GPL)", "GPL-*" },
	{ "GNU General Public License v2 (GPLv2)", "GPL-2.0*" },
	{ "GNU General Public License v3 (GPLv3)", "GPL-3.0*" },
	{ "GNU General Public License v3 or later (GPLv3+)", "GPL-3.0*" },
	{ "GNU Lesser General Public License v3 (LGPLv3)", "LGPL-3.0*" },
	{ "GNU Lesser General Public License v2 (LGPLv2)", "LGPL-2*" },
	{ "GNU Affero General Public License v3", "AGPL-3.0*" },
	{ "GPL", "GPL-*" },
	{ "GPLv3", "GPL-3.0*" },
	{ "GPLv2", "GPL-2.0*" },
	{ "LGPL", "LGPL-*" },
	{ "Mozilla Public License 2.0 (MPL 2.0)", "MPL-2.0" },
	{ "Eclipse Public License 2.0 (EPL-2.0)", "EPL-2.0" },
	{ "Boost Software License 1.0 (BSL-1.0)", "BSL-1.0" },
	{ "The Unlicense (Unlicense)", "Unlicense" },
	{ "Python Software Foundation License", "PSF-2.0" },
	{ "zlib/libpng License", "Zlib" },
	{ "CC0 1.0 Universal (CC0 1.0) Public Domain Dedication", "CC0-1.0" },
	{ "Universal Permissive License (UPL)", "UPL-1.0" },
	{ NULL, NULL }
};

/* Whether an SPDX id is the pattern's license (or in its family). */
static int
spdx_is(const char *pat, const char *id)
{
	size_t n;

	n = strlen(pat);

	if (n > 0 && pat[n - 1] == '*')
		return strncasecmp(pat, id, n - 1) == 0;
	return strcasecmp(pat, id) == 0;
}

/* Whether one id of an SPDX expression (n bytes at t) is id. */
static int
expression_names(const char *t, size_t n, const char *id)
{
	const char *x;
	size_t pos, k;

	pos = 0;
	while ((k = license_expr_next(t, n, &pos, &x)) > 0)
		if (license_same_id(x, k, id))
			return 1;
	return 0;
}

int
pymeta_license_agrees(const struct pydecl *d, const char *id)
{
	const char *t = d->text, *last;
	size_t i, n;

	if (strcmp(d->what, "license-files") == 0 || strcmp(d->what,
	    "license file") == 0)
		return -1;
	if (strcmp(d->what, "classifier") == 0) {
		/* "License :: OSI Approved :: MIT License": the last part */
		last = strrchr(t, ':');
		t = last != NULL ? last + 1 : t;
		while (*t == ' ')
			t++;
	}
	n = strlen(t);
	while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\n'))
		n--;
	if (n == 0 || n > 100)
		return -1;
	/* An SPDX id or simple expression as written. */
	if (license_same_id(t, n, id))
		return 1;
	for (i = 0; license_names[i].name != NULL; i++)
		if (strlen(license_names[i].name) == n &&
		    strncasecmp(license_names[i].name, t, n) == 0)
			return spdx_is(license_names[i].spdx, id);
	/* An expression agrees when one of its ids is the file's. */
	if (strcmp(d->what, "license expression") == 0)
		return expression_names(t, n, id);
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)t[i]) && strchr("-.+", t[i]) ==
		    NULL)
			return -1;
	return 0;
}

/* Which reader a path calls for: by its name. */
static void
read_file(struct py_reader *rd, const char *path, const char *text, size_t len)
{
	const char *base;

	base = strrchr(path, '/');
	base = base != NULL ? base + 1 : path;
	if (strcmp(base, "pyproject.toml") == 0)
		read_pyproject(rd, path, text, len);
	else if (strcmp(base, "setup.cfg") == 0)
		read_setup_cfg(rd, path, text, len);
	else if (strcmp(base, "setup.py") == 0)
		read_setup_py(rd->m, path, text, len);
	else if (strcmp(base, "meta.yaml") == 0 || strcmp(base, "meta.yml") ==
	    0 || strcmp(base, "recipe.yaml") == 0)
		read_yaml(rd->m, path, text, len, YAML_RECIPE);
	else if (strncmp(base, "environment", 11) == 0)
		read_yaml(rd->m, path, text, len, YAML_ENV);
}

void
pymeta_read_text(struct pymeta *m, const char *path, const char *text,
    size_t len)
{
	struct py_reader rd = { NULL, m };
	struct reqline_reader rr;
	struct reqline rl;
	struct strbuf err = STRBUF_INIT;
	const char *base;
	int rc;

	base = strrchr(path, '/');
	base = base != NULL ? base + 1 : path;
	if (strstr(base, ".txt") != NULL) {
		reqline_init(&rr, text, len);
		while ((rc = reqline_next(&rr, &rl, &err)) != 0) {
			if (rc < 0) {
				problem(m, path, rl.lineno, "%s", err.buf);
				strbuf_reset(&err);
				continue;
			}
			if (rl.kind == REQLINE_REQ)
				dep_req(m, rl.text, path, rl.lineno,
				    PYDEP_REQFILE, NULL, 0);
			reqline_release(&rl);
		}
		strbuf_release(&err);
		return;
	}
	read_file(&rd, path, text, len);
}

struct scan {
	struct py_reader	*rd;
	struct strvec	 paths;
	struct strvec	 reqs;
};

static int
scan_cb(const struct tree_entry *e, void *arg)
{
	struct scan *s = arg;

	if (e->mode == TREE_MODE_FILE || e->mode == TREE_MODE_EXEC)
		strvec_push(&s->paths, e->path);
	return 0;
}

static int
req_cb(const struct tree_entry *e, void *arg)
{
	struct scan *s = arg;

	if (e->mode == TREE_MODE_FILE || e->mode == TREE_MODE_EXEC)
		strvec_push(&s->reqs, e->path);
	return 0;
}

static int
py_cb(const struct tree_entry *e, void *arg)
{
	struct pymeta *m = arg;

	(void)e;
	m->pyfiles++;
	return 0;
}

/* Where metadata and recipes are looked for. */
static const char *const meta_globs[] = {
	"pyproject.toml", "setup.cfg", "setup.py",
	"environment.yml", "environment.yaml",
	"environment-*.yml", "environment-*.yaml",
	"meta.yaml", "recipe.yaml",
	"conda*/meta.yaml", "conda*/recipe.yaml", "recipe*/meta.yaml",
	"recipe*/recipe.yaml", ".conda/meta.yaml", ".conda/recipe.yaml",
	"conda*/*/meta.yaml", "conda*/*/recipe.yaml",
	"conda*/environment*.yml", "conda*/environment*.yaml",
	NULL
};

/*
 * Whether a requirements file is for developers, not users:
 * requirements-dev.txt, requirements/test.txt, requirements-docs.txt.
 */
static int
dev_file(const char *path)
{
	static const char *const words[] = { "dev", "test", "doc", "lint",
	    "bench", "ci", "build", "example", "style", "type", NULL };
	const char *base;
	size_t i;

	base = strrchr(path, '/');
	base = base != NULL ? base + 1 : path;
	if (strncmp(base, "requirements", 12) == 0)
		base += 12;
	for (i = 0; words[i] != NULL; i++)
		if (strstr(base, words[i]) != NULL)
			return 1;
	return 0;
}

static void
pymeta_scan(struct check_ctx *ctx, struct pymeta *m)
{
	struct py_reader rd = { ctx, m };
	struct scan s = { &rd, STRVEC_INIT, STRVEC_INIT };
	const struct tree *t;
	const struct tree_entry *e;
	const char *buf;
	size_t i, len;
	int trunc;

	t = ctx_tree(ctx);
	for (i = 0; meta_globs[i] != NULL; i++)
		tree_glob(t, meta_globs[i], 0, scan_cb, &s);
	tree_glob(t, "requirements*.txt", 0, req_cb, &s);
	tree_glob(t, "requirements/*.txt", 0, req_cb, &s);
	tree_glob(t, "**/*.py", 0, py_cb, m);
	for (i = 0; i < s.paths.n; i++) {
		if (strvec_has(&m->files, s.paths.v[i]))
			continue;
		if ((e = tree_lookup(t, s.paths.v[i], 0)) == NULL)
			continue;
		if (ctx_read(ctx, e, PYMETA_MAX_BYTES, CTX_READ_TEXT, NULL,
		    &buf, &len, &trunc) != 0) {
			problem(m, s.paths.v[i], 0, "cannot be read");
			continue;
		}
		if (trunc) {
			problem(m, s.paths.v[i], 0, "larger than %d bytes: not "
			    "read", PYMETA_MAX_BYTES);
			continue;
		}
		strvec_push(&m->files, s.paths.v[i]);
		read_file(&rd, s.paths.v[i], buf, len);
	}
	/* Users' files first: a developers' file may include them. */
	for (i = 0; i < s.reqs.n; i++)
		if (!dev_file(s.reqs.v[i]))
			read_requirements(&rd, s.reqs.v[i], "", 0,
			    PYDEP_REQFILE, NULL, 0);
	for (i = 0; i < s.reqs.n; i++)
		if (dev_file(s.reqs.v[i]))
			read_requirements(&rd, s.reqs.v[i], "", 0, PYDEP_GROUP,
			    s.reqs.v[i], 0);
	m->python = m->files.n > 0 || m->pyfiles > 0;
	strvec_clear(&s.paths);
	strvec_clear(&s.reqs);
}

static void
pymeta_free(void *p)
{
	pymeta_release(p);
	free(p);
}

const struct pymeta *
pymeta_get(struct check_ctx *ctx)
{
	struct pymeta *m;

	if ((m = ctx_cache_find(ctx, "pymeta", NULL, 0)) != NULL)
		return m;
	m = xmalloc(sizeof(*m));
	pymeta_init(m);
	pymeta_scan(ctx, m);
	ctx_cache_add(ctx, "pymeta", NULL, 0, m, pymeta_free);
	return m;
}
