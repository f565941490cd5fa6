/*
 * pymodel.c: the one model of Python packaging (pymeta.h): building it,
 * copying it, the reader a file calls for, and license declarations.
 */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "read/license.h"
#include "read/pep440.h"
#include "read/pep508.h"
#include "pymeta.h"
#include "read/pymodel.h"
#include "strbuf.h"
#include "xalloc.h"

static void	 decls_clear(struct pydecls *);
static void	 decls_copy(struct pydecls *, const struct pydecls *);
static int	 spdx_is(const char *, const char *);
static int	 expression_names(const char *, size_t, const char *);

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
		free(m->deps[i].marker_extra);
	}
	free(m->deps);
	for (i = 0; i < m->nincludes; i++) {
		free(m->includes[i].name);
		free(m->includes[i].from);
		free(m->includes[i].group);
	}
	free(m->includes);
	free(m->unread);
	decls_clear(&m->names);
	decls_clear(&m->backends);
	decls_clear(&m->licenses);
	decls_clear(&m->testpaths);
	decls_clear(&m->maintainers);
	decls_clear(&m->recipes);
	strvec_clear(&m->problems);
	strvec_clear(&m->files);
	memset(m, 0, sizeof(*m));
}


void
pymeta_decl_add(struct pydecls *d, const char *text, size_t len,
    const char *what, const char *path, int line)
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

void
pymeta_problem(struct pymeta *m, const char *path, int line,
    const char *fmt, ...)
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


struct pydep *
pymeta_dep_new(struct pymeta *m, const char *path, int line,
    enum pydep_kind kind, const char *group)
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
void
pymeta_dep_req(struct pymeta *m, const char *s, const char *path, int line,
    enum pydep_kind kind, const char *group, int metadata)
{
	struct pep508_req req;
	struct strbuf err = STRBUF_INIT;
	struct pydep *d;

	if (pep508_parse(s, &req, &err) != 0) {
		pymeta_problem(m, path, line, "cannot read requirement "
		    "'%s': %s", s, err.buf);
		strbuf_release(&err);
		return;
	}
	if ((req.flags & PEP508_EXTRA_ONLY) && kind == PYDEP_REQUIRED) {
		kind = PYDEP_OPTIONAL;
		group = req.marker_extras.n > 0 ? req.marker_extras.v[0] : NULL;
	}
	d = pymeta_dep_new(m, path, line, kind, group);
	d->metadata = metadata;
	d->key = xstrdup(req.key);
	d->extra_only = (req.flags & PEP508_EXTRA_ONLY) != 0;
	if (req.marker_extras.n > 0)
		d->marker_extra = xstrdup(req.marker_extras.v[0]);
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
void
pymeta_dep_spec(struct pymeta *m, const char *key, const char *spec,
    const char *written, const char *note, const char *path, int line,
    enum pydep_kind kind, const char *group)
{
	struct strbuf name = STRBUF_INIT, err = STRBUF_INIT;
	struct pydep *d;

	pep503_normalize(key, strlen(key), &name);
	d = pymeta_dep_new(m, path, line, kind, group);
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


struct pyinclude *
pymeta_include(struct pymeta *m, const char *name, const char *from,
    int line, enum pydep_kind kind, const char *group, int metadata)
{
	struct pyinclude *inc;

	if (m->nincludes == m->inc_alloc) {
		m->inc_alloc = m->inc_alloc ? m->inc_alloc * 2 : 4;
		m->includes = xreallocarray(m->includes, m->inc_alloc,
		    sizeof(*m->includes));
	}
	inc = &m->includes[m->nincludes++];
	memset(inc, 0, sizeof(*inc));
	inc->name = xstrdup(name);
	inc->from = xstrdup(from);
	inc->line = line;
	inc->kind = kind;
	inc->group = group != NULL ? xstrdup(group) : NULL;
	inc->metadata = metadata;
	inc->ndeps = m->ndeps;
	inc->nproblems = m->problems.n;
	return inc;
}

struct pydep *
pymeta_copy_dep(struct pymeta *m, const struct pydep *from)
{
	struct pydep *d;
	struct strbuf err = STRBUF_INIT;

	d = pymeta_dep_new(m, from->path, from->line, from->kind, from->group);
	d->key = xstrdup(from->key);
	d->spec_text = xstrdup(from->spec_text);
	d->note = from->note != NULL ? xstrdup(from->note) : NULL;
	d->metadata = from->metadata;
	d->extra_only = from->extra_only;
	d->marker_extra = from->marker_extra != NULL ?
	    xstrdup(from->marker_extra) : NULL;
	/* Its normalised text parses again into the same spec. */
	if (from->spec != NULL && pep440_spec_parse(from->spec->text,
	    &d->spec, &err) != 0)
		d->spec = NULL;
	strbuf_release(&err);
	return d;
}

static void
decls_copy(struct pydecls *to, const struct pydecls *from)
{
	size_t i;
	const struct pydecl *x;

	for (i = 0; i < from->n; i++) {
		x = &from->v[i];
		pymeta_decl_add(to, x->text, strlen(x->text), x->what, x->path,
		    x->line);
	}
}

void
pymeta_merge_decls(struct pymeta *m, const struct pymeta *src)
{
	decls_copy(&m->names, &src->names);
	decls_copy(&m->backends, &src->backends);
	decls_copy(&m->licenses, &src->licenses);
	decls_copy(&m->testpaths, &src->testpaths);
	decls_copy(&m->maintainers, &src->maintainers);
	decls_copy(&m->recipes, &src->recipes);
	m->computed += src->computed;
}

struct pymeta *
pymeta_new(const struct reader_input *in)
{
	struct pymeta *m;

	m = xmalloc(sizeof(*m));
	pymeta_init(m);
	m->truncated = in->truncated;
	return m;
}

void
pymeta_free(void *p)
{
	pymeta_release(p);
	free(p);
}

const struct reader *
pymeta_reader_for(const char *path, unsigned *kind)
{
	const char *base;

	base = strrchr(path, '/');
	base = base != NULL ? base + 1 : path;
	*kind = PYFILE_REQS;
	if (strstr(base, ".txt") != NULL)
		return &reader_requirements;
	*kind = PYFILE_METADATA;
	if (strcmp(base, "pyproject.toml") == 0)
		return &reader_pyproject;
	if (strcmp(base, "setup.cfg") == 0)
		return &reader_setupcfg;
	if (strcmp(base, "setup.py") == 0)
		return &reader_setuppy;
	*kind = PYFILE_RECIPE;
	if (strcmp(base, "meta.yaml") == 0 || strcmp(base, "meta.yml") == 0 ||
	    strcmp(base, "recipe.yaml") == 0)
		return &reader_conda;
	*kind = PYFILE_ENV;
	if (strncmp(base, "environment", 11) == 0)
		return &reader_conda;
	return NULL;
}

void
pymeta_read_text(struct pymeta *m, const char *path, const char *text,
    size_t len)
{
	const struct reader *rd;
	const struct reader_input in = { text, len, path, 0 };
	struct pymeta *fm;
	unsigned kind;
	size_t i;

	if ((rd = pymeta_reader_for(path, &kind)) == NULL)
		return;
	fm = rd->parse(&in);
	for (i = 0; i < fm->ndeps; i++)
		(void)pymeta_copy_dep(m, &fm->deps[i]);
	for (i = 0; i < fm->problems.n; i++)
		strvec_push(&m->problems, fm->problems.v[i]);
	pymeta_merge_decls(m, fm);
	pymeta_free(fm);
}

int
pymeta_license_classifier(const char *s)
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

