/*
 * conda.c: the YAML readers of Python packaging into the model of
 * pymeta.h: conda environment files and recipes (meta.yaml without its
 * Jinja, recipe.yaml). The torch versions CI names are the CI model's
 * (ci.h).
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <yaml.h>

#include "read/pep440.h"
#include "read/pep508.h"
#include "pymeta.h"
#include "read/pymodel.h"
#include "read/reader.h"
#include "read/yamlcap.h"
#include "strbuf.h"
#include "xalloc.h"

#define JINJA_MARK		"__jinja__"

/* The model's builders (read/pymodel.h) by the names this file uses. */
#define decl_add(...)	pymeta_decl_add(__VA_ARGS__)
#define dep_new(...)	pymeta_dep_new(__VA_ARGS__)
#define dep_req(...)	pymeta_dep_req(__VA_ARGS__)
#define problem(...)	pymeta_problem(__VA_ARGS__)

static void	 read_yaml(struct pymeta *, const char *, const char *,
		    size_t, int);
static void	 recipe_doc(struct pymeta *, yaml_document_t *, yaml_node_t *,
		    const char *);
static void	*conda_parse(const struct reader_input *);

const struct reader reader_conda = {
	.name = "conda YAML",
	.flags = READER_TEXT,
	.parse = conda_parse,
	.free = pymeta_free,
};

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


/* --- YAML: environment files and conda recipes ---------------------- */

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

/* A conda recipe's package name and requirements, from its document. */
static void
recipe_doc(struct pymeta *m, yaml_document_t *doc, yaml_node_t *root,
    const char *path)
{
	yaml_node_t *req, *pkg;
	const char *name, *sec[] = { "build", "host", "run", NULL };
	size_t i, j, first;

	pkg = ymap_get(doc, root, "package");
	if ((name = ynode_str(ymap_get(doc, pkg, "name"))) != NULL &&
	    strstr(name, JINJA_MARK) == NULL)
		decl_add(&m->names, name, strlen(name), "conda recipe", path,
		    (int)ymap_get(doc, pkg, "name")->start_mark.line + 1);
	req = ymap_get(doc, root, "requirements");
	for (i = 0; sec[i] != NULL; i++) {
		first = m->ndeps;
		yaml_deps(m, doc, ymap_get(doc, req, sec[i]), path, sec[i]);
		/* What a recipe needs to build is not what users get. */
		for (j = first; strcmp(sec[i], "run") != 0 && j < m->ndeps;
		    j++)
			m->deps[j].kind = PYDEP_GROUP;
	}
}

static void
read_yaml(struct pymeta *m, const char *path, const char *text, size_t len,
    int what)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	yaml_node_t *root;
	char *stripped = NULL;
	struct strbuf why = STRBUF_INIT;
	int line = 0;

	if (what == YAML_RECIPE) {
		stripped = strip_jinja(text, len, &len);
		text = stripped;
	}
	/* walked within the YAML budget before libyaml loads it */
	if (ycap_text(text, len, &why, &line) != 0) {
		problem(m, path, line, "not read: %s (a limit)", why.buf);
		strbuf_release(&why);
		free(stripped);
		return;
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
	recipe_doc(m, &doc, root, path);
done:
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	free(stripped);
}


/* A file too large is not read: the collector says so. */
static void *
conda_parse(const struct reader_input *in)
{
	struct pymeta *m;
	const char *base;

	m = pymeta_new(in);
	if (m->truncated)
		return m;
	base = strrchr(in->path, '/');
	base = base != NULL ? base + 1 : in->path;
	read_yaml(m, in->path, in->buf, in->len, strncmp(base, "environment",
	    11) == 0 ? YAML_ENV : YAML_RECIPE);
	return m;
}
