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
static int	 py_named(struct pysrc *, struct pysrc *);
static size_t	 py_ident_len(const char *, size_t);
static int	 py_changes(const struct pysrc *, const char *, size_t);
static size_t	 py_skip_string(const char *, size_t, size_t);
static int	 py_keyword(struct pysrc *, const char *);
static void	 py_requires(struct pysrc *, struct pyctx *, size_t, int);
static void	 py_too_many(struct pyctx *, const char *, int);
static void	 py_argument(struct pysrc *, struct pyctx *, int, int, int,
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
	size_t		 bad_end;	/* where the last unended literal stopped */
	int		 named;		/* names followed (py_named), capped */
	size_t		 last_name, last_n;	/* the last one followed, */
	size_t		 last_at;		/* and its value */
};

/*
 * Each name followed scans the whole file twice: a cap keeps the work
 * linear in the file's size whatever setup() repeats.
 */
#define PY_MAX_NAMED	32

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
 * -1 for an f-string or one that does not end; then bad_end is where
 * the scan stopped, so that the caller skips it whole: a line of
 * unended literals is read once, not once from each quote.
 */
static int
py_string(struct pysrc *p, struct strbuf *out)
{
	size_t i = p->pos, q;
	int raw = 0, triple;
	char c;

	p->bad_end = p->pos;
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
	p->bad_end = p->len;
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
		if (p->s[q] == '\n' && !triple) {
			p->bad_end = q;
			return -1;
		}
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
		if (p->pos >= p->len) {
			strbuf_release(&s);
			return -1;
		}
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

/* The length of the Python identifier at s (of at most n bytes), or 0. */
static size_t
py_ident_len(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || !(isalpha((unsigned char)s[0]) || s[0] == '_'))
		return 0;
	for (i = 1; i < n && (isalnum((unsigned char)s[i]) || s[i] == '_');
	    i++)
		;
	return i;
}

/* Past the string literal opening at i (its quote): where it ends. */
static size_t
py_skip_string(const char *s, size_t len, size_t i)
{
	char c = s[i];
	int triple;

	triple = i + 2 < len && s[i + 1] == c && s[i + 2] == c;
	for (i += triple ? 3 : 1; i < len; i++) {
		if (s[i] == '\\') {
			i++;
			continue;
		}
		if (s[i] == c && (!triple || (i + 2 < len && s[i + 1] == c &&
		    s[i + 2] == c)))
			return i + (triple ? 3 : 1);
		if (s[i] == '\n' && !triple)
			return i;
	}
	return len;
}

/*
 * Whether the name (of n bytes) is changed anywhere in the file other
 * than by one assignment at the top of a statement (outside brackets:
 * inside, "name=" is a keyword argument): name.append(...), name += ...,
 * name[k] = ..., name.update(...), or a second assignment.
 */
static int
py_changes(const struct pysrc *p, const char *name, size_t n)
{
	static const char *const ops[] = { ".append", ".extend", ".insert",
	    ".update", ".setdefault", ".pop", ".remove", "+=", "|=", "[",
	    NULL };
	const char *s = p->s, *t;
	size_t i, k, id, assigned = 0;
	int depth = 0;

	for (i = 0; i < p->len; i++) {
		if (s[i] == '#')
			while (i + 1 < p->len && s[i + 1] != '\n')
				i++;
		else if (s[i] == '"' || s[i] == '\'')
			i = py_skip_string(s, p->len, i) - 1;
		else if (strchr("([{", s[i]) != NULL)
			depth++;
		else if (strchr(")]}", s[i]) != NULL && depth > 0)
			depth--;
		if (i >= p->len || (id = py_ident_len(s + i, p->len - i)) == 0 ||
		    (i > 0 && (isalnum((unsigned char)s[i - 1]) ||
		    s[i - 1] == '_' || s[i - 1] == '.')))
			continue;
		if (id == n && memcmp(s + i, name, n) == 0) {
			for (t = s + i + n; t < s + p->len && (*t == ' ' ||
			    *t == '\t'); t++)
				;
			for (k = 0; ops[k] != NULL; k++)
				if ((size_t)(s + p->len - t) >= strlen(ops[k]) &&
				    memcmp(t, ops[k], strlen(ops[k])) == 0)
					return 1;
			if (depth == 0 && t < s + p->len && *t == '=' &&
			    (t + 1 >= s + p->len || t[1] != '='))
				assigned++;
		}
		i += id - 1;
	}
	return assigned != 1;
}

/*
 * install_requires=requirements, a name: the value of its one top-level
 * assignment ("requirements = [...]" at the start of a line), in q, when
 * the file never changes it after; 1 then, 0 when pos holds no bare
 * name, -1 when the name cannot be followed (it stays computed).
 */
static int
py_named(struct pysrc *p, struct pysrc *q)
{
	const char *s = p->s + p->pos, *t;
	size_t n, i;

	py_space(p);
	s = p->s + p->pos;
	n = py_ident_len(s, p->len - p->pos);
	if (n == 0)
		return 0;
	for (t = s + n; t < p->s + p->len && (*t == ' ' || *t == '\t'); t++)
		;
	if (t < p->s + p->len && *t != ',' && *t != ')' && *t != '\n')
		return 0;
	if (p->named > 0 && p->last_n == n && memcmp(p->s + p->last_name, s,
	    n) == 0) {
		*q = *p;
		q->pos = p->last_at;
		p->pos += n;
		return 1;
	}
	if (p->named++ >= PY_MAX_NAMED)
		return -2;
	if (py_changes(p, s, n))
		return -1;
	for (i = 0; i + n < p->len; i++) {
		if ((i > 0 && p->s[i - 1] != '\n') ||
		    memcmp(p->s + i, s, n) != 0 ||
		    py_ident_len(p->s + i, p->len - i) != n)
			continue;
		*q = *p;
		q->pos = i + n;
		py_space(q);
		if (q->pos < q->len && q->s[q->pos] == '=') {
			q->pos++;
			p->last_name = p->pos;
			p->last_n = n;
			p->last_at = q->pos;
			p->pos += n;
			return 1;
		}
	}
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
	if (p->pos >= p->len)
		return 0;	/* at the end: no byte to look at */
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
	struct pysrc q;
	const char *what;
	int rc;

	c->kind = p->s[at] == 's' || p->s[at + 1] == 's' ? PYDEP_BUILD :
	    PYDEP_REQUIRED;
	what = c->kind == PYDEP_BUILD ? "setup_requires" : "install_requires";
	c->group = NULL;
	c->classifiers = 0;
	if ((rc = py_named(p, &q)) == -2)
		py_too_many(c, what, line);
	else if (rc == 1 ? py_list(&q, py_item, c) != 0 :
	    py_list(p, py_item, c) != 0) {
		pymeta_problem(c->m, c->path, line, "%s is computed, not a "
		    "list of strings: not read", what);
		c->m->computed++;
	}
}

/* Past PY_MAX_NAMED names followed: said, and counted as computed. */
static void
py_too_many(struct pyctx *c, const char *what, int line)
{
	pymeta_problem(c->m, c->path, line, "%s names a list after %d "
	    "others were followed: not read (a limit)", what, PY_MAX_NAMED);
	c->m->computed++;
}

/*
 * What the keyword argument at pos declares, if it is one setup.py
 * names; in_setup: a name there is the project's. A string literal that
 * is no argument is skipped whole, so that its text is never read as
 * code. in_call: pos is inside brackets; outside, "install_requires =
 * [...]" is a variable, read when setup() names it (py_named), not twice.
 */
static void
py_argument(struct pysrc *p, struct pyctx *c, int line, int in_setup,
    int in_call, struct strbuf *s)
{
	struct pysrc q;
	size_t at = p->pos;
	int name, rc;

	if (in_call && (py_keyword(p, "install_requires") ||
	    py_keyword(p, "setup_requires")))
		py_requires(p, c, at, line);
	else if (in_call && py_keyword(p, "extras_require")) {
		c->kind = PYDEP_OPTIONAL;
		c->classifiers = 0;
		if ((rc = py_named(p, &q)) == -2)
			py_too_many(c, "extras_require", line);
		else if (rc == 1 ? py_extras(&q, c) != 0 :
		    py_extras(p, c) != 0)
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
	} else if (p->pos < p->len &&
	    (p->s[p->pos] == '"' || p->s[p->pos] == '\'')) {
		strbuf_reset(s);
		if (py_string(p, s) != 1)
			p->pos = p->bad_end > p->pos ? p->bad_end : p->pos + 1;
	}
}

/* A file too large is not read: the collector says so. */
static void *
setuppy_parse(const struct reader_input *in)
{
	struct pysrc p = { in->buf, in->len, 0, 0, 1, 0, 0, 0, 0, 0 };
	struct pyctx c = { NULL, in->path, PYDEP_REQUIRED, NULL, 0 };
	struct strbuf s = STRBUF_INIT;
	size_t at;
	long last_setup = -1, last_ext = -1;
	int depth = 0;

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
		if (strchr("([{", p.s[p.pos]) != NULL)
			depth++;
		else if (strchr(")]}", p.s[p.pos]) != NULL && depth > 0)
			depth--;
		py_argument(&p, &c, py_line(&p, at), last_setup >= 0 &&
		    last_setup > last_ext, depth > 0, &s);
		if (p.pos == at)
			p.pos++;
	}
	strbuf_release(&s);
	return c.m;
}
