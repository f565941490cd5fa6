/*
 * setuppy.c: the reader of setup.py into the model of pymeta.h, by its
 * literals only (Python is never run): setup()'s name, license,
 * classifiers and requirement lists; a value computed by code is a
 * problem, not a guess.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "pymeta.h"
#include "read/pymodel.h"
#include "read/reader.h"
#include "strbuf.h"

struct pysrc;
struct pyctx;

static int	 py_line(struct pysrc *, size_t);
static void	 py_space(struct pysrc *);
static int	 py_string(struct pysrc *, struct strbuf *);
static int	 py_list(struct pysrc *, void (*)(struct pysrc *, const char *,
		    int, void *), void *);
static void	 py_item(struct pysrc *, const char *, int, void *);
static int	 py_extras(struct pysrc *, struct pyctx *);
static int	 py_keyword(struct pysrc *, const char *);
static void	 py_requires(struct pysrc *, struct pyctx *, size_t, int);
static void	 py_argument(struct pysrc *, struct pyctx *, int, int,
		    struct strbuf *);
static void	*setuppy_parse(const struct reader_input *);

const struct reader reader_setuppy = {
	.name = "setup.py",
	.flags = READER_TEXT,
	.parse = setuppy_parse,
	.free = pymeta_free,
};

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
		if (pymeta_license_classifier(s))
			pymeta_decl_add(&c->m->licenses, s, strlen(s),
			    "classifier", c->path, line);
	} else if (*s != '\0')
		pymeta_dep_req(c->m, s, c->path, line, c->kind, c->group, 1);
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

/* install_requires=[...] or setup_requires=[...] at pos. */
static void
py_requires(struct pysrc *p, struct pyctx *c, size_t at, int line)
{
	c->kind = p->s[at] == 's' || p->s[at + 1] == 's' ? PYDEP_BUILD :
	    PYDEP_REQUIRED;
	c->group = NULL;
	c->classifiers = 0;
	if (py_list(p, py_item, c) != 0) {
		pymeta_problem(c->m, c->path, line, "%s is computed, not a "
		    "list of strings: not read", c->kind == PYDEP_BUILD ?
		    "setup_requires" : "install_requires");
		c->m->computed++;
	}
}

/*
 * What the keyword argument at pos declares, if it is one setup.py
 * names; in_setup: a name there is the project's. A string literal that
 * is no argument is skipped whole, so that its text is never read as
 * code.
 */
static void
py_argument(struct pysrc *p, struct pyctx *c, int line, int in_setup,
    struct strbuf *s)
{
	size_t at = p->pos;
	int name;

	if (py_keyword(p, "install_requires") ||
	    py_keyword(p, "setup_requires"))
		py_requires(p, c, at, line);
	else if (py_keyword(p, "extras_require")) {
		c->kind = PYDEP_OPTIONAL;
		c->classifiers = 0;
		if (py_extras(p, c) != 0)
			pymeta_problem(c->m, c->path, line, "extras_require is "
			    "computed, not a dict of lists: not read");
	} else if (py_keyword(p, "classifiers")) {
		c->classifiers = 1;
		(void)py_list(p, py_item, c);
	} else if ((py_keyword(p, "name") && in_setup) ||
	    py_keyword(p, "license")) {
		py_space(p);
		strbuf_reset(s);
		name = p->s[at] == 'n' || p->s[at + 1] == 'n';
		if (py_string(p, s) == 1)
			pymeta_decl_add(name ? &c->m->names : &c->m->licenses,
			    s->buf, s->len, name ? "setup.py" : "license",
			    c->path, line);
	} else if (p->s[p->pos] == '"' || p->s[p->pos] == '\'') {
		strbuf_reset(s);
		if (py_string(p, s) != 1)
			p->pos++;
	}
}

/* A file too large is not read: the collector says so. */
static void *
setuppy_parse(const struct reader_input *in)
{
	struct pysrc p = { in->buf, in->len, 0, 0, 1 };
	struct pyctx c = { NULL, in->path, PYDEP_REQUIRED, NULL, 0 };
	struct strbuf s = STRBUF_INIT;
	size_t at;
	long last_setup = -1, last_ext = -1;

	c.m = pymeta_new(in);
	while (!c.m->truncated && p.pos < p.len) {
		at = p.pos;
		/*
		 * A name inside setup(), not in an Extension(name=...)
		 * before it: the nearest of the two calls opened last.
		 */
		if (p.len - at >= 6 && memcmp(p.s + at, "setup(", 6) == 0)
			last_setup = (long)at;
		if (p.len - at >= 10 && memcmp(p.s + at, "Extension(", 10) ==
		    0)
			last_ext = (long)at;
		if (p.s[p.pos] == '#') {
			while (p.pos < p.len && p.s[p.pos] != '\n')
				p.pos++;
			continue;
		}
		py_argument(&p, &c, py_line(&p, at), last_setup >= 0 &&
		    last_setup > last_ext, &s);
		if (p.pos == at)
			p.pos++;
	}
	strbuf_release(&s);
	return c.m;
}
