/* pep508.c: PEP 508 requirements, their markers, and requirements.txt lines */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "read/pep440.h"
#include "read/pep508.h"
#include "strbuf.h"
#include "xalloc.h"

/* Three-valued truth of a marker when no extra is requested. */
enum tv { TV_FALSE, TV_TRUE, TV_UNKNOWN };

/* A marker being read: the text, where we are, what we found. */
struct mk {
	const char		*s;
	size_t			 n;
	size_t			 i;
	int			 depth;
	struct pep508_req	*req;
	struct strbuf		*err;
	int			 failed;
};

static const struct {
	const char	*name;
	unsigned	 flag;
} marker_vars[] = {
	{ "dependency_groups",			0 },
	{ "extra",				0 },
	{ "extras",				0 },
	{ "implementation_name",		PEP508_PYTHON },
	{ "implementation_version",		PEP508_PYTHON },
	{ "os.name",				PEP508_PLATFORM },
	{ "os_name",				PEP508_PLATFORM },
	{ "platform.machine",			PEP508_PLATFORM },
	{ "platform.python_implementation",	PEP508_PYTHON },
	{ "platform.version",			PEP508_PLATFORM },
	{ "platform_machine",			PEP508_PLATFORM },
	{ "platform_python_implementation",	PEP508_PYTHON },
	{ "platform_release",			PEP508_PLATFORM },
	{ "platform_system",			PEP508_PLATFORM },
	{ "platform_version",			PEP508_PLATFORM },
	{ "python_full_version",		PEP508_PYTHON },
	{ "python_implementation",		PEP508_PYTHON },
	{ "python_version",			PEP508_PYTHON },
	{ "sys.platform",			PEP508_PLATFORM },
	{ "sys_platform",			PEP508_PLATFORM },
};

static int	 name_char(int);
static void	 skip_ws(struct mk *);
static int	 mk_fail(struct mk *, const char *);
static int	 word_at(struct mk *, const char *);
static int	 mk_value(struct mk *, struct strbuf *, int *);
static int	 mk_op(struct mk *, char *);
static enum tv	 mk_item(struct mk *);
static enum tv	 mk_and(struct mk *);
static enum tv	 mk_or(struct mk *);
static int	 parse_name(const char *, size_t *, size_t, struct strbuf *);
static int	 parse_extras(const char *, size_t *, size_t,
		    struct pep508_req *, struct strbuf *);
static int	 parse_marker(const char *, size_t, struct pep508_req *,
		    struct strbuf *);
static int	 req_fail(struct pep508_req *, struct strbuf *, const char *,
		    const char *);
static size_t	 skip_space(const char *, size_t, size_t);
static char	*req_url(const char *, size_t *, size_t, struct pep508_req *,
		    struct strbuf *);
static char	*req_paren_spec(const char *, size_t *, size_t,
		    struct pep508_req *, struct strbuf *);
static char	*req_spec_text(const char *, size_t *, size_t,
		    struct pep508_req *, struct strbuf *);
static int	 req_marker(const char *, size_t, size_t, struct pep508_req *,
		    struct strbuf *);
static int	 is_path_or_url(const char *);
static void	 read_logical(struct reqline_reader *, struct strbuf *);
static void	 strip_comment(struct strbuf *);
static size_t	 next_token(const char *, size_t *, size_t *);
static int	 req_options(struct reqline *, const char *, size_t,
		    struct strbuf *);
static int	 next_line(struct reqline_reader *, struct reqline *,
		    struct strbuf *);
static int	 option_line(struct reqline *, const char *, struct strbuf *);
static int	 requirement_line(struct reqline *, const char *, size_t,
		    struct strbuf *);

static int
name_char(int c)
{
	return ascii_isalnum(c) || c == '.' || c == '-' || c == '_';
}

void
pep503_normalize(const char *s, size_t n, struct strbuf *sb)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '-' || s[i] == '_' || s[i] == '.') {
			while (i + 1 < n && (s[i + 1] == '-' ||
			    s[i + 1] == '_' || s[i + 1] == '.'))
				i++;
			strbuf_addch(sb, '-');
		} else
			strbuf_addch(sb, ascii_tolower((unsigned char)s[i]));
	}
}

int
pep503_name_eq(const char *a, const char *b)
{
	struct strbuf x = STRBUF_INIT, y = STRBUF_INIT;
	int eq;

	pep503_normalize(a, strlen(a), &x);
	pep503_normalize(b, strlen(b), &y);
	eq = strcmp(x.buf, y.buf) == 0;
	strbuf_release(&x);
	strbuf_release(&y);
	return eq;
}

static void
skip_ws(struct mk *m)
{
	while (m->i < m->n && ascii_isspace((unsigned char)m->s[m->i]))
		m->i++;
}

static int
mk_fail(struct mk *m, const char *why)
{
	if (!m->failed && m->err != NULL)
		strbuf_addf(m->err, "marker: %s at offset %zu", why, m->i);
	m->failed = 1;
	return -1;
}

/* Whether the word w (a keyword) is at the cursor, not part of a name. */
static int
word_at(struct mk *m, const char *w)
{
	size_t k;

	k = strlen(w);
	return m->n - m->i >= k && memcmp(m->s + m->i, w, k) == 0 &&
	    (m->i + k == m->n || !name_char((unsigned char)m->s[m->i + k]));
}

/*
 * A quoted string (into sb, *var = 0) or a marker variable (its name
 * into sb, *var = 1).
 */
static int
mk_value(struct mk *m, struct strbuf *sb, int *var)
{
	size_t j, k;
	char q;

	skip_ws(m);
	if (m->i < m->n && (m->s[m->i] == '"' || m->s[m->i] == '\'')) {
		q = m->s[m->i];
		for (j = m->i + 1; j < m->n && m->s[j] != q; j++)
			;
		if (j == m->n)
			return mk_fail(m, "unterminated string");
		strbuf_add(sb, m->s + m->i + 1, j - m->i - 1);
		m->i = j + 1;
		*var = 0;
		return 0;
	}
	for (j = m->i; j < m->n && name_char((unsigned char)m->s[j]); j++)
		;
	if (j == m->i)
		return mk_fail(m, "expected a marker variable or a quoted string");
	for (k = 0; k < sizeof(marker_vars) / sizeof(marker_vars[0]); k++)
		if (strlen(marker_vars[k].name) == j - m->i &&
		    memcmp(marker_vars[k].name, m->s + m->i, j - m->i) == 0)
			break;
	if (k == sizeof(marker_vars) / sizeof(marker_vars[0]))
		return mk_fail(m, "unknown marker variable");
	m->req->flags |= marker_vars[k].flag;
	strbuf_addstr(sb, marker_vars[k].name);
	m->i = j;
	*var = 1;
	return 0;
}

/* A comparison operator into op: "==", "in", "not in"... */
static int
mk_op(struct mk *m, char *op)
{
	static const char *const ops[] = {
		"===", "==", "!=", "<=", ">=", "~=", "<", ">", NULL
	};
	size_t k;
	int i;

	skip_ws(m);
	for (i = 0; ops[i] != NULL; i++) {
		k = strlen(ops[i]);
		if (m->n - m->i >= k && memcmp(m->s + m->i, ops[i], k) == 0) {
			strcpy(op, ops[i]);
			m->i += k;
			return 0;
		}
	}
	if (word_at(m, "in")) {
		strcpy(op, "in");
		m->i += 2;
		return 0;
	}
	if (word_at(m, "not")) {
		m->i += 3;
		skip_ws(m);
		if (word_at(m, "in")) {
			strcpy(op, "not in");
			m->i += 2;
			return 0;
		}
	}
	return mk_fail(m, "expected a comparison operator");
}

/* One "left op right" or a parenthesised marker. */
static enum tv
mk_item(struct mk *m)
{
	struct strbuf l = STRBUF_INIT, r = STRBUF_INIT, x = STRBUF_INIT;
	enum tv v = TV_UNKNOWN;
	int lvar, rvar;
	char op[8];

	skip_ws(m);
	if (m->i < m->n && m->s[m->i] == '(') {
		if (++m->depth > PEP508_MAX_DEPTH) {
			mk_fail(m, "parentheses nested too deep");
			return TV_UNKNOWN;
		}
		m->i++;
		v = mk_or(m);
		skip_ws(m);
		if (!m->failed && (m->i == m->n || m->s[m->i] != ')'))
			mk_fail(m, "expected ')'");
		m->i++;
		m->depth--;
		return v;
	}
	if (mk_value(m, &l, &lvar) == -1 || mk_op(m, op) == -1 ||
	    mk_value(m, &r, &rvar) == -1)
		goto out;
	if (lvar && rvar)
		goto out;
	/* With no extra requested, extra is "". */
	if (lvar && strcmp(l.buf, "extra") == 0) {
		pep503_normalize(r.buf, r.len, &x);
		if (strcmp(op, "==") == 0 || strcmp(op, "===") == 0 ||
		    strcmp(op, "!=") == 0) {
			if (!strvec_has(&m->req->marker_extras, x.buf))
				strvec_push(&m->req->marker_extras, x.buf);
			v = (r.len == 0) == (op[0] == '=') ? TV_TRUE :
			    TV_FALSE;
		}
	} else if (rvar && strcmp(r.buf, "extra") == 0 &&
	    strcmp(op, "in") == 0)
		v = l.len == 0 ? TV_TRUE : TV_FALSE;
	else if (rvar && strcmp(r.buf, "extra") == 0 &&
	    strcmp(op, "not in") == 0)
		v = l.len == 0 ? TV_FALSE : TV_TRUE;
out:
	strbuf_release(&l);
	strbuf_release(&r);
	strbuf_release(&x);
	return v;
}

static enum tv
mk_and(struct mk *m)
{
	enum tv v, w;

	v = mk_item(m);
	for (;;) {
		skip_ws(m);
		if (m->failed || !word_at(m, "and"))
			return v;
		m->i += 3;
		w = mk_item(m);
		if (v == TV_FALSE || w == TV_FALSE)
			v = TV_FALSE;
		else if (v == TV_UNKNOWN || w == TV_UNKNOWN)
			v = TV_UNKNOWN;
	}
}

static enum tv
mk_or(struct mk *m)
{
	enum tv v, w;

	v = mk_and(m);
	for (;;) {
		skip_ws(m);
		if (m->failed || !word_at(m, "or"))
			return v;
		m->i += 2;
		w = mk_and(m);
		if (v == TV_TRUE || w == TV_TRUE)
			v = TV_TRUE;
		else if (v == TV_UNKNOWN || w == TV_UNKNOWN)
			v = TV_UNKNOWN;
	}
}

static int
parse_marker(const char *s, size_t n, struct pep508_req *req,
    struct strbuf *err)
{
	struct mk m = { s, n, 0, 0, req, err, 0 };
	enum tv v;

	v = mk_or(&m);
	skip_ws(&m);
	if (!m.failed && m.i < m.n)
		mk_fail(&m, "unexpected text");
	if (m.failed)
		return -1;
	if (v == TV_FALSE)
		req->flags |= PEP508_EXTRA_ONLY;
	return 0;
}

/* A project name at s[*i]: alphanumeric at both ends, ._- inside. */
static int
parse_name(const char *s, size_t *i, size_t n, struct strbuf *name)
{
	size_t j;

	for (j = *i; j < n && name_char((unsigned char)s[j]); j++)
		;
	if (j == *i || !ascii_isalnum((unsigned char)s[*i]) ||
	    !ascii_isalnum((unsigned char)s[j - 1]))
		return -1;
	strbuf_add(name, s + *i, j - *i);
	*i = j;
	return 0;
}

/* "[a, b]" at s[*i] into req->extras. */
static int
parse_extras(const char *s, size_t *i, size_t n, struct pep508_req *req,
    struct strbuf *err)
{
	struct strbuf name = STRBUF_INIT, key = STRBUF_INIT;
	size_t j = *i + 1;

	for (;;) {
		while (j < n && ascii_isspace((unsigned char)s[j]))
			j++;
		if (j < n && s[j] == ']' && req->extras.n == 0)
			break;
		strbuf_reset(&name);
		if (parse_name(s, &j, n, &name) == -1) {
			strbuf_release(&name);
			strbuf_release(&key);
			return req_fail(req, err, s, "expected an extra name");
		}
		strbuf_reset(&key);
		pep503_normalize(name.buf, name.len, &key);
		strvec_push(&req->extras, key.buf);
		while (j < n && ascii_isspace((unsigned char)s[j]))
			j++;
		if (j < n && s[j] == ',') {
			j++;
			continue;
		}
		if (j < n && s[j] == ']')
			break;
		strbuf_release(&name);
		strbuf_release(&key);
		return req_fail(req, err, s, "expected ',' or ']' after an "
		    "extra");
	}
	strbuf_release(&name);
	strbuf_release(&key);
	*i = j + 1;
	return 0;
}

static int
req_fail(struct pep508_req *req, struct strbuf *err, const char *s,
    const char *why)
{
	if (err != NULL && why != NULL) {
		strbuf_addch(err, '\'');
		strbuf_add(err, s, strlen(s) > 60 ? 60 : strlen(s));
		strbuf_addf(err, "%s' is not a PEP 508 requirement: %s",
		    strlen(s) > 60 ? "..." : "", why);
	}
	pep508_release(req);
	return -1;
}

/* Past the white space at s[i] (n bytes in all). */
static size_t
skip_space(const char *s, size_t i, size_t n)
{
	while (i < n && ascii_isspace((unsigned char)s[i]))
		i++;
	return i;
}

/*
 * "@ url" at s[*ip] into req->url, *ip past it and the white space after;
 * the spec text ("": none), NULL with req released on error.
 */
static char *
req_url(const char *s, size_t *ip, size_t n, struct pep508_req *req,
    struct strbuf *err)
{
	size_t i, j;

	i = skip_space(s, *ip + 1, n);
	for (j = i; j < n && !ascii_isspace((unsigned char)s[j]); j++)
		;
	if (j == i) {
		req_fail(req, err, s, "no URL after '@'");
		return NULL;
	}
	req->url = xstrndup(s + i, j - i);
	req->flags |= PEP508_URL;
	i = skip_space(s, j, n);
	if (i < n && s[i] != ';') {
		req_fail(req, err, s, "unexpected text after the URL");
		return NULL;
	}
	*ip = i;
	return xstrdup("");
}

/*
 * "(spec)" at s[*ip], *ip past it and the white space after: the spec
 * text, NULL with req released on error.
 */
static char *
req_paren_spec(const char *s, size_t *ip, size_t n, struct pep508_req *req,
    struct strbuf *err)
{
	const char *paren;
	char *spec;
	size_t i = *ip;

	paren = memchr(s + i, ')', n - i);
	if (paren == NULL) {
		req_fail(req, err, s, "no ')' after the version specifier");
		return NULL;
	}
	spec = xstrndup(s + i + 1, paren - s - i - 1);
	i = skip_space(s, (size_t)(paren - s) + 1, n);
	if (i < n && s[i] != ';') {
		free(spec);
		req_fail(req, err, s, "unexpected text after the version "
		    "specifier");
		return NULL;
	}
	*ip = i;
	return spec;
}

/*
 * What follows the name and extras at s[*ip]: "@ url", "(spec)" or a
 * bare spec up to ';' or the end; *ip past it. The spec text, NULL with
 * req released on error.
 */
static char *
req_spec_text(const char *s, size_t *ip, size_t n, struct pep508_req *req,
    struct strbuf *err)
{
	const char *semi;
	char *spec;
	size_t j;

	if (*ip < n && s[*ip] == '@')
		return req_url(s, ip, n, req, err);
	if (*ip < n && s[*ip] == '(')
		return req_paren_spec(s, ip, n, req, err);
	semi = memchr(s + *ip, ';', n - *ip);
	j = semi == NULL ? n : (size_t)(semi - s);
	spec = xstrndup(s + *ip, j - *ip);
	*ip = j;
	return spec;
}

/*
 * The marker at s[i..n) of the requirement s into req; -1 with req
 * released on error.
 */
static int
req_marker(const char *s, size_t i, size_t n, struct pep508_req *req,
    struct strbuf *err)
{
	struct strbuf sb = STRBUF_INIT, e2 = STRBUF_INIT;

	if (parse_marker(s + i, n - i, req, &e2) == -1) {
		req_fail(req, err, s, e2.buf);
		strbuf_release(&e2);
		return -1;
	}
	strbuf_addstr(&sb, s + i);
	strbuf_trim(&sb);
	req->marker = strbuf_detach(&sb, NULL);
	strbuf_release(&e2);
	return 0;
}

int
pep508_parse(const char *s, struct pep508_req *req, struct strbuf *err)
{
	struct strbuf sb = STRBUF_INIT, e2 = STRBUF_INIT;
	size_t n, i;
	char *spec;

	memset(req, 0, sizeof(*req));
	n = strlen(s);
	if (n > PEP440_MAX_LEN)
		return req_fail(req, err, s, "too long");
	i = skip_space(s, 0, n);
	if (parse_name(s, &i, n, &sb) == -1)
		return req_fail(req, err, s, "expected a project name");
	req->name = strbuf_detach(&sb, NULL);
	pep503_normalize(req->name, strlen(req->name), &sb);
	req->key = strbuf_detach(&sb, NULL);
	i = skip_space(s, i, n);
	if (i < n && s[i] == '[' && parse_extras(s, &i, n, req, err) == -1)
		return -1;
	i = skip_space(s, i, n);
	if ((spec = req_spec_text(s, &i, n, req, err)) == NULL)
		return -1;
	if (pep440_spec_parse(spec, &req->spec, &e2) == -1) {
		free(spec);
		req_fail(req, err, s, e2.buf);
		strbuf_release(&e2);
		return -1;
	}
	free(spec);
	strbuf_release(&e2);
	req->spec_text = xstrdup(req->spec->text);
	if (i < n && s[i] == ';')
		return req_marker(s, i + 1, n, req, err);
	return 0;
}

void
pep508_release(struct pep508_req *req)
{
	free(req->name);
	free(req->key);
	strvec_clear(&req->extras);
	free(req->spec_text);
	pep440_spec_free(req->spec);
	free(req->url);
	free(req->marker);
	strvec_clear(&req->marker_extras);
	memset(req, 0, sizeof(*req));
}

void
reqline_init(struct reqline_reader *r, const char *buf, size_t len)
{
	r->buf = buf;
	r->len = len;
	r->pos = 0;
	r->lineno = 0;
}

/*
 * The next logical line into sb: physical lines ending in "\" joined
 * (not comment lines), CR LF taken as LF.
 */
static void
read_logical(struct reqline_reader *r, struct strbuf *sb)
{
	const char *e;
	size_t n, k;

	while (r->pos < r->len) {
		e = memchr(r->buf + r->pos, '\n', r->len - r->pos);
		n = e == NULL ? r->len - r->pos : (size_t)(e - r->buf - r->pos);
		k = n;
		if (k > 0 && r->buf[r->pos + k - 1] == '\r')
			k--;
		strbuf_add(sb, r->buf + r->pos, k);
		r->pos += n + (e != NULL);
		r->lineno++;
		for (k = 0; k < sb->len && ascii_isspace((unsigned char)sb->buf[k]); k++)
			;
		if (sb->len == 0 || sb->buf[sb->len - 1] != '\\' ||
		    (k < sb->len && sb->buf[k] == '#'))
			return;
		strbuf_setlen(sb, sb->len - 1);
	}
}

/* Cut a "#" comment (at the start or after white space) and trim. */
static void
strip_comment(struct strbuf *sb)
{
	size_t i;

	for (i = 0; i < sb->len; i++)
		if (sb->buf[i] == '#' && (i == 0 ||
		    ascii_isspace((unsigned char)sb->buf[i - 1]))) {
			strbuf_setlen(sb, i);
			break;
		}
	strbuf_trim(sb);
}

/* The next white-space separated token at s[*i]: start in *start, length returned. */
static size_t
next_token(const char *s, size_t *i, size_t *start)
{
	while (s[*i] != '\0' && ascii_isspace((unsigned char)s[*i]))
		(*i)++;
	*start = *i;
	while (s[*i] != '\0' && !ascii_isspace((unsigned char)s[*i]))
		(*i)++;
	return *i - *start;
}

/* Whether a requirement line is a path or URL rather than PEP 508. */
static int
is_path_or_url(const char *s)
{
	size_t n;

	n = strlen(s);
	return strstr(s, "://") != NULL || s[0] == '.' || s[0] == '/' ||
	    s[0] == '~' || strchr(s, '/') != NULL || strchr(s, '\\') != NULL ||
	    (n > 4 && strcmp(s + n - 4, ".whl") == 0) ||
	    (n > 4 && strcmp(s + n - 4, ".zip") == 0) ||
	    (n > 7 && strcmp(s + n - 7, ".tar.gz") == 0);
}

/* The options at s[i..] after a requirement: --hash and the others. */
static int
req_options(struct reqline *line, const char *s, size_t i, struct strbuf *err)
{
	struct strbuf opt = STRBUF_INIT;
	size_t k, st, j;

	while ((k = next_token(s, &i, &st)) > 0) {
		strbuf_reset(&opt);
		strbuf_add(&opt, s + st, k);
		if (strcmp(opt.buf, "--hash") == 0) {
			if (next_token(s, &i, &st) == 0) {
				strbuf_release(&opt);
				if (err != NULL)
					strbuf_addstr(err, "--hash needs a "
					    "value");
				return -1;
			}
			strvec_push_nodup(&line->hashes,
			    xstrndup(s + st, i - st));
		} else if (strncmp(opt.buf, "--hash=", 7) == 0)
			strvec_push(&line->hashes, opt.buf + 7);
		else {
			/* An option's separate value goes with it. */
			j = i;
			if (strchr(opt.buf, '=') == NULL &&
			    next_token(s, &j, &st) > 0 && s[st] != '-') {
				strbuf_addch(&opt, ' ');
				strbuf_add(&opt, s + st, j - st);
				i = j;
			}
			strvec_push(&line->options, opt.buf);
		}
	}
	strbuf_release(&opt);
	return 0;
}

/*
 * The next logical line that is not empty once its comment is cut, into
 * sb, line->lineno where it starts; 0 at the end.
 */
static int
next_line(struct reqline_reader *r, struct reqline *line, struct strbuf *sb)
{
	do {
		strbuf_reset(sb);
		if (r->pos >= r->len)
			return 0;
		line->lineno = r->lineno + 1;
		read_logical(r, sb);
		strip_comment(sb);
	} while (sb->len == 0);
	return 1;
}

/*
 * The option line s into line: -r, -c or -e with its value and
 * per-requirement options, or any other option as written. 1, or -1
 * with err.
 */
static int
option_line(struct reqline *line, const char *s, struct strbuf *err)
{
	static const struct {
		const char		*s, *l;
		enum reqline_kind	 kind;
	} fileopts[] = {
		{ "-r", "--requirement", REQLINE_INCLUDE },
		{ "-c", "--constraint", REQLINE_CONSTRAINT },
		{ "-e", "--editable", REQLINE_EDITABLE },
	};
	size_t i, k, st, o, ol;

	line->kind = REQLINE_OPTION;
	for (o = 0; o < sizeof(fileopts) / sizeof(fileopts[0]); o++) {
		ol = strlen(fileopts[o].l);
		if (strncmp(s, fileopts[o].l, ol) == 0 &&
		    (s[ol] == '=' || ascii_isspace((unsigned char)s[ol])))
			i = ol + 1;
		else if (strncmp(s, fileopts[o].s, 2) == 0 && s[2] != '-')
			i = 2;
		else
			continue;
		line->kind = fileopts[o].kind;
		if ((k = next_token(s, &i, &st)) == 0) {
			if (err != NULL)
				strbuf_addf(err, "%s needs a value",
				    fileopts[o].l);
			return -1;
		}
		line->text = xstrndup(s + st, k);
		return req_options(line, s, i, err) == -1 ? -1 : 1;
	}
	line->text = xstrdup(s);
	return 1;
}

/*
 * The requirement line s (len bytes) into line: a PEP 508 requirement
 * or a path or URL, then its options. 1, or -1 with err.
 */
static int
requirement_line(struct reqline *line, const char *s, size_t len,
    struct strbuf *err)
{
	struct strbuf e2 = STRBUF_INIT;
	size_t i, k, st;
	int ret = 1;

	/* The requirement runs up to the first token that is an option. */
	for (i = 0; (k = next_token(s, &i, &st)) > 0; )
		if (s[st] == '-')
			break;
	if (k == 0)
		st = len;
	line->text = xstrndup(s, st);
	for (k = strlen(line->text); k > 0 &&
	    ascii_isspace((unsigned char)line->text[k - 1]); k--)
		line->text[k - 1] = '\0';
	if (req_options(line, s, st, err) == -1)
		return -1;
	if (pep508_parse(line->text, &line->req, &e2) == 0)
		line->kind = REQLINE_REQ;
	else if (is_path_or_url(line->text))
		line->kind = REQLINE_PATH;
	else {
		if (err != NULL)
			strbuf_addstr(err, e2.buf);
		ret = -1;
	}
	strbuf_release(&e2);
	return ret;
}

int
reqline_next(struct reqline_reader *r, struct reqline *line,
    struct strbuf *err)
{
	struct strbuf sb = STRBUF_INIT;
	int ret;

	memset(line, 0, sizeof(*line));
	if (next_line(r, line, &sb) == 0)
		ret = 0;
	else if (sb.buf[0] == '-')
		ret = option_line(line, sb.buf, err);
	else
		ret = requirement_line(line, sb.buf, sb.len, err);
	strbuf_release(&sb);
	return ret;
}

void
reqline_release(struct reqline *line)
{
	free(line->text);
	strvec_clear(&line->hashes);
	strvec_clear(&line->options);
	pep508_release(&line->req);
	memset(line, 0, sizeof(*line));
}
