/* pep440.c: PEP 440 versions, their order, and specifier sets */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "read/pep440.h"
#include "strbuf.h"
#include "xalloc.h"

static size_t	 uspace_at(const char *, size_t);
static size_t	 uspace_before(const char *, size_t);
static void	 trim(const char **, size_t *);
static void	 quote(struct strbuf *, const char *, size_t);
static size_t	 digits(const char *, size_t, size_t);
static struct pep440_seg number(const char *, size_t, size_t);
static size_t	 keyword(const char *, size_t, size_t, const char *const *);
static int	 is_sep(int);
static size_t	 suffix(const char *, size_t, size_t, const char *const *,
		    struct pep440_seg *, const char **);
static int	 parse_local(struct pep440_version *, size_t, size_t);
static int	 parse_release(struct pep440_version *, size_t, size_t *,
		    const char **);
static size_t	 parse_suffixes(struct pep440_version *, size_t, size_t);
static void	 version_error(struct strbuf *, const char *, size_t, size_t,
		    const char *);
static int	 cmp_num(const struct pep440_version *, struct pep440_seg,
		    const struct pep440_version *, struct pep440_seg);
static int	 cmp_release(const struct pep440_version *,
		    const struct pep440_version *, size_t);
static int	 cmp_public(const struct pep440_version *,
		    const struct pep440_version *);
static int	 cmp_local(const struct pep440_version *,
		    const struct pep440_version *);
static int	 pre_rank(const struct pep440_version *);
static const struct spec_op *clause_op(const char *, size_t);
static const char *clause_arbitrary(struct pep440_clause *, const char *,
		    size_t);
static const char *clause_version(struct pep440_clause *, const char *,
		    size_t);
static int	 clause_parse(const char *, size_t, struct pep440_clause *,
		    struct strbuf *, struct strbuf *);
static int	 clause_matches(const struct pep440_clause *,
		    const struct pep440_version *);
static void	 add_num(struct strbuf *, const struct pep440_version *,
		    struct pep440_seg);
static int	 prefix_matches(const struct pep440_version *,
		    const struct pep440_version *, size_t);

static const char *const pre_words[] = {
	"alpha", "beta", "preview", "pre", "rc", "a", "b", "c", NULL
};
static const char *const post_words[] = { "post", "rev", "r", NULL };
static const char *const dev_words[] = { "dev", NULL };

/* The operators of a clause, longest first where one starts another. */
static const struct spec_op {
	const char	*text;
	enum pep440_op	 op;
} spec_ops[] = {
	{ "===",	PEP440_ARBITRARY },
	{ "~=",		PEP440_COMPAT },
	{ "==",		PEP440_EQ },
	{ "!=",		PEP440_NE },
	{ "<=",		PEP440_LE },
	{ ">=",		PEP440_GE },
	{ "<",		PEP440_LT },
	{ ">",		PEP440_GT },
	{ NULL,		0 }
};

/*
 * The length of the white space character at s (n bytes left), as
 * Python's str.isspace() has them, in UTF-8; 0 if none.
 */
static size_t
uspace_at(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;

	if (n == 0)
		return 0;
	if ((u[0] >= 0x09 && u[0] <= 0x0d) || u[0] == ' ' ||
	    (u[0] >= 0x1c && u[0] <= 0x1f))
		return 1;
	if (n >= 2 && u[0] == 0xc2 && (u[1] == 0x85 || u[1] == 0xa0))
		return 2;
	if (n < 3)
		return 0;
	if (u[0] == 0xe1 && u[1] == 0x9a && u[2] == 0x80)
		return 3;
	if (u[0] == 0xe2 && u[1] == 0x80 && (u[2] <= 0x8a || u[2] == 0xa8 ||
	    u[2] == 0xa9 || u[2] == 0xaf) && u[2] >= 0x80)
		return 3;
	if (u[0] == 0xe2 && u[1] == 0x81 && u[2] == 0x9f)
		return 3;
	if (u[0] == 0xe3 && u[1] == 0x80 && u[2] == 0x80)
		return 3;
	return 0;
}

/* The length of a white space character ending at s[n - 1]; 0 if none. */
static size_t
uspace_before(const char *s, size_t n)
{
	size_t k;

	for (k = 1; k <= 3 && k <= n; k++)
		if (uspace_at(s + n - k, k) == k)
			return k;
	return 0;
}

/* Remove white space from both ends of the n bytes at *s. */
static void
trim(const char **s, size_t *n)
{
	size_t k;

	while ((k = uspace_at(*s, *n)) > 0) {
		*s += k;
		*n -= k;
	}
	while ((k = uspace_before(*s, *n)) > 0)
		*n -= k;
}

/* Append 'text' to sb, cut at 60 bytes. */
static void
quote(struct strbuf *sb, const char *s, size_t n)
{
	strbuf_addch(sb, '\'');
	strbuf_add(sb, s, n > 60 ? 60 : n);
	if (n > 60)
		strbuf_addstr(sb, "...");
	strbuf_addch(sb, '\'');
}

/* How many ASCII digits start at s[i]. */
static size_t
digits(const char *s, size_t n, size_t i)
{
	size_t j;

	for (j = i; j < n && ascii_isdigit((unsigned char)s[j]); j++)
		;
	return j - i;
}

/* The number of the k digits at s[i], leading zeros dropped. */
static struct pep440_seg
number(const char *s, size_t i, size_t k)
{
	struct pep440_seg g;

	while (k > 0 && s[i] == '0') {
		i++;
		k--;
	}
	g.off = i;
	g.len = k;
	g.num = 1;
	return g;
}

static int
is_sep(int c)
{
	return c == '-' || c == '_' || c == '.';
}

/* The length of the first of words found at s[i] (lowercase), 0 if none. */
static size_t
keyword(const char *s, size_t n, size_t i, const char *const *words)
{
	size_t k;

	for (; *words != NULL; words++) {
		k = strlen(*words);
		if (n - i >= k && memcmp(s + i, *words, k) == 0)
			return k;
	}
	return 0;
}

/*
 * A suffix at s[i]: [sep] word [sep] [digits]. Returns the bytes it
 * takes (0: none here), its number in *num and the word in *word.
 */
static size_t
suffix(const char *s, size_t n, size_t i, const char *const *words,
    struct pep440_seg *num, const char **word)
{
	size_t j = i, k;

	if (j < n && is_sep((unsigned char)s[j]))
		j++;
	if ((k = keyword(s, n, j, words)) == 0)
		return 0;
	*word = s + j;
	j += k;
	if (j < n && is_sep((unsigned char)s[j]))
		j++;
	k = digits(s, n, j);
	*num = number(s, j, k);
	return j + k - i;
}

/* The local label at v->s[i..n): segments of [a-z0-9]+ split by -_. */
static int
parse_local(struct pep440_version *v, size_t i, size_t n)
{
	size_t alloc = 0, start;
	struct pep440_seg g;

	for (;;) {
		start = i;
		while (i < n && ascii_isalnum((unsigned char)v->s[i]))
			i++;
		if (i == start)
			return -1;
		g.off = start;
		g.len = i - start;
		g.num = digits(v->s, n, start) == g.len;
		if (g.num)
			g = number(v->s, start, g.len);
		XGROW(v->local, v->nlocal + 1, alloc);
		v->local[v->nlocal++] = g;
		if (i == n)
			return 0;
		if (!is_sep((unsigned char)v->s[i]))
			return -1;
		i++;
	}
}

/*
 * The release of v->s (n bytes) from *ip: an optional "v", an epoch and
 * the release numbers, *ip past them. -1 with *why when there are none.
 */
static int
parse_release(struct pep440_version *v, size_t n, size_t *ip,
    const char **why)
{
	size_t i = *ip, k, alloc = 0;

	if (i < n && v->s[i] == 'v')
		i++;
	if ((k = digits(v->s, n, i)) == 0) {
		*why = "no release number";
		return -1;
	}
	if (i + k < n && v->s[i + k] == '!') {
		v->epoch = number(v->s, i, k);
		i += k + 1;
		if ((k = digits(v->s, n, i)) == 0) {
			*why = "no release number after the epoch";
			return -1;
		}
	}
	for (;;) {
		XGROW(v->release, v->nrelease + 1, alloc);
		v->release[v->nrelease++] = number(v->s, i, k);
		i += k;
		if (i + 1 < n && v->s[i] == '.' &&
		    (k = digits(v->s, n, i + 1)) > 0)
			i++;
		else
			break;
	}
	*ip = i;
	return 0;
}

/*
 * The pre, post and dev suffixes of v->s (n bytes) at i, each optional;
 * returns where they end.
 */
static size_t
parse_suffixes(struct pep440_version *v, size_t n, size_t i)
{
	const char *word;
	size_t k;

	if ((k = suffix(v->s, n, i, pre_words, &v->pre_n, &word)) > 0) {
		/* alpha: a, beta: b, c, rc, pre, preview: c (rc) */
		v->pre = *word == 'a' || *word == 'b' ? *word : 'c';
		i += k;
	}
	if (i + 1 < n && v->s[i] == '-' && (k = digits(v->s, n, i + 1)) > 0) {
		v->post = 1;
		v->post_n = number(v->s, i + 1, k);
		i += k + 1;
	} else if ((k = suffix(v->s, n, i, post_words, &v->post_n,
	    &word)) > 0) {
		v->post = 1;
		i += k;
	}
	if ((k = suffix(v->s, n, i, dev_words, &v->dev_n, &word)) > 0) {
		v->dev = 1;
		i += k;
	}
	return i;
}

/*
 * Why the n bytes at t are not a version, into err: why, or else the
 * unexpected text from byte i.
 */
static void
version_error(struct strbuf *err, const char *t, size_t n, size_t i,
    const char *why)
{
	quote(err, t, n);
	strbuf_addstr(err, " is not a PEP 440 version");
	if (why != NULL)
		strbuf_addf(err, " (%s)", why);
	else if (i < n) {
		strbuf_addstr(err, ": unexpected ");
		quote(err, t + i, n - i);
	}
}

int
pep440_parse(const char *str, struct pep440_version *v, struct strbuf *err)
{
	const char *t = str;
	size_t n, i = 0, k;
	struct pep440_version z = PEP440_VERSION_INIT;
	const char *why = NULL;

	*v = z;
	n = strlen(str);
	if (n > PEP440_MAX_LEN) {
		if (err != NULL)
			strbuf_addf(err, "version longer than %d bytes",
			    PEP440_MAX_LEN);
		return -1;
	}
	trim(&t, &n);
	v->raw = xstrdup(str);
	v->s = xmalloc(n + 1);
	for (k = 0; k < n; k++)
		v->s[k] = ascii_tolower((unsigned char)t[k]);
	v->s[n] = '\0';
	if (parse_release(v, n, &i, &why) == -1)
		goto bad;
	i = parse_suffixes(v, n, i);
	if (i < n && v->s[i] == '+') {
		if (parse_local(v, i + 1, n) == -1) {
			why = "a local version label is [a-z0-9]+ segments "
			    "separated by '.', '-' or '_'";
			goto bad;
		}
		i = n;
	}
	if (i < n)
		goto bad;
	return 0;
bad:
	if (err != NULL)
		version_error(err, t, n, i, why);
	pep440_version_clear(v);
	return -1;
}

void
pep440_version_clear(struct pep440_version *v)
{
	struct pep440_version z = PEP440_VERSION_INIT;

	free(v->raw);
	free(v->s);
	free(v->release);
	free(v->local);
	*v = z;
}

/* Append the number g of v ("0" for zero). */
static void
add_num(struct strbuf *sb, const struct pep440_version *v,
    struct pep440_seg g)
{
	if (g.len == 0)
		strbuf_addch(sb, '0');
	else
		strbuf_add(sb, v->s + g.off, g.len);
}

void
pep440_str(const struct pep440_version *v, struct strbuf *sb)
{
	size_t i;

	if (v->epoch.len > 0) {
		add_num(sb, v, v->epoch);
		strbuf_addch(sb, '!');
	}
	for (i = 0; i < v->nrelease; i++) {
		if (i > 0)
			strbuf_addch(sb, '.');
		add_num(sb, v, v->release[i]);
	}
	if (v->pre != 0) {
		strbuf_addstr(sb, v->pre == 'c' ? "rc" : v->pre == 'a' ? "a" :
		    "b");
		add_num(sb, v, v->pre_n);
	}
	if (v->post) {
		strbuf_addstr(sb, ".post");
		add_num(sb, v, v->post_n);
	}
	if (v->dev) {
		strbuf_addstr(sb, ".dev");
		add_num(sb, v, v->dev_n);
	}
	for (i = 0; i < v->nlocal; i++) {
		strbuf_addch(sb, i == 0 ? '+' : '.');
		if (v->local[i].num)
			add_num(sb, v, v->local[i]);
		else
			strbuf_add(sb, v->s + v->local[i].off, v->local[i].len);
	}
}

int
pep440_is_prerelease(const struct pep440_version *v)
{
	return v->pre != 0 || v->dev;
}

static int
cmp_num(const struct pep440_version *a, struct pep440_seg x,
    const struct pep440_version *b, struct pep440_seg y)
{
	int c;

	if (x.len != y.len)
		return x.len < y.len ? -1 : 1;
	if (x.len == 0)
		return 0;
	c = memcmp(a->s + x.off, b->s + y.off, x.len);
	return c < 0 ? -1 : c > 0;
}

/* Compare the first upto release segments (all: upto = SIZE_MAX), zero-padded. */
static int
cmp_release(const struct pep440_version *a, const struct pep440_version *b,
    size_t upto)
{
	struct pep440_seg zero = { 0, 0, 1 }, x, y;
	size_t i, n;
	int c;

	n = a->nrelease > b->nrelease ? a->nrelease : b->nrelease;
	if (upto < n)
		n = upto;
	for (i = 0; i < n; i++) {
		x = i < a->nrelease ? a->release[i] : zero;
		y = i < b->nrelease ? b->release[i] : zero;
		if ((c = cmp_num(a, x, b, y)) != 0)
			return c;
	}
	return 0;
}

/* 0: a dev release with no pre or post; 1: a pre-release; 2: neither. */
static int
pre_rank(const struct pep440_version *v)
{
	if (v->pre == 0 && !v->post && v->dev)
		return 0;
	return v->pre != 0 ? 1 : 2;
}

/* Compare all but the local labels. */
static int
cmp_public(const struct pep440_version *a, const struct pep440_version *b)
{
	int c, ra, rb;

	if ((c = cmp_num(a, a->epoch, b, b->epoch)) != 0)
		return c;
	if ((c = cmp_release(a, b, (size_t)-1)) != 0)
		return c;
	ra = pre_rank(a);
	rb = pre_rank(b);
	if (ra != rb)
		return ra < rb ? -1 : 1;
	if (ra == 1) {
		/* 'a' < 'b' < 'c' (rc) */
		if (a->pre != b->pre)
			return a->pre < b->pre ? -1 : 1;
		if ((c = cmp_num(a, a->pre_n, b, b->pre_n)) != 0)
			return c;
	}
	if (a->post != b->post)
		return a->post ? 1 : -1;
	if (a->post && (c = cmp_num(a, a->post_n, b, b->post_n)) != 0)
		return c;
	if (a->dev != b->dev)
		return a->dev ? -1 : 1;
	if (a->dev && (c = cmp_num(a, a->dev_n, b, b->dev_n)) != 0)
		return c;
	return 0;
}

/* No label first; alphanumeric segments before numeric ones. */
static int
cmp_local(const struct pep440_version *a, const struct pep440_version *b)
{
	struct pep440_seg x, y;
	size_t i, n;
	int c;

	n = a->nlocal < b->nlocal ? a->nlocal : b->nlocal;
	for (i = 0; i < n; i++) {
		x = a->local[i];
		y = b->local[i];
		if (x.num != y.num)
			return x.num ? 1 : -1;
		if (x.num)
			c = cmp_num(a, x, b, y);
		else {
			c = memcmp(a->s + x.off, b->s + y.off,
			    x.len < y.len ? x.len : y.len);
			if (c == 0 && x.len != y.len)
				c = x.len < y.len ? -1 : 1;
		}
		if (c != 0)
			return c < 0 ? -1 : 1;
	}
	if (a->nlocal != b->nlocal)
		return a->nlocal < b->nlocal ? -1 : 1;
	return 0;
}

int
pep440_cmp(const struct pep440_version *a, const struct pep440_version *b)
{
	int c;

	if ((c = cmp_public(a, b)) != 0)
		return c;
	return cmp_local(a, b);
}

/* The operator a clause of n bytes at s starts with; NULL if none. */
static const struct spec_op *
clause_op(const char *s, size_t n)
{
	const struct spec_op *o;

	for (o = spec_ops; o->text != NULL; o++)
		if (n >= strlen(o->text) &&
		    memcmp(s, o->text, strlen(o->text)) == 0)
			return o;
	return NULL;
}

/* The string of m bytes at t of a === clause into c; NULL, or why not. */
static const char *
clause_arbitrary(struct pep440_clause *c, const char *t, size_t m)
{
	size_t i;

	for (i = 0; i < m; i++)
		if (t[i] == ';' || t[i] == ')' || uspace_at(t + i, m - i))
			break;
	if (i < m)
		return "=== takes one string without white space, ';' or ')'";
	c->arbitrary = xstrndup(t, m);
	/* Only to know whether it names a pre-release. */
	(void)pep440_parse(c->arbitrary, &c->v, NULL);
	return NULL;
}

/*
 * The version of m bytes at t of a clause (c->op set) into c, with
 * ".*" for == and !=; NULL, or why it is not one c->op takes.
 */
static const char *
clause_version(struct pep440_clause *c, const char *t, size_t m)
{
	char *ver;
	size_t i;
	int bad;

	if ((c->op == PEP440_EQ || c->op == PEP440_NE) && m >= 2 &&
	    t[m - 2] == '.' && t[m - 1] == '*') {
		c->wildcard = 1;
		m -= 2;
		if (m == 0 || !ascii_isdigit((unsigned char)t[m - 1]))
			return "'.*' follows a release number only";
	}
	for (i = 0; i < m; i++)
		if (uspace_at(t + i, m - i))
			break;
	ver = xstrndup(t, m);
	bad = i < m || pep440_parse(ver, &c->v, NULL) == -1;
	free(ver);
	if (bad)
		return "not a PEP 440 version";
	if (c->wildcard && (c->v.pre || c->v.post || c->v.dev ||
	    c->v.nlocal > 0))
		return "'.*' follows a release number only";
	if (c->v.nlocal > 0 && c->op != PEP440_EQ && c->op != PEP440_NE)
		return "only == and != take a local version label";
	if (c->op == PEP440_COMPAT && c->v.nrelease < 2)
		return "~= needs at least two release numbers (~=2.0, not ~=2)";
	return NULL;
}

/*
 * One clause of n bytes at s (not NUL-terminated) into *c; its text is
 * appended to norm. -1 with err set when it is not a specifier.
 */
static int
clause_parse(const char *s, size_t n, struct pep440_clause *c,
    struct strbuf *norm, struct strbuf *err)
{
	const struct spec_op *o;
	const char *t, *why;
	size_t k, m;

	memset(c, 0, sizeof(*c));
	trim(&s, &n);
	if ((o = clause_op(s, n)) == NULL) {
		why = "no operator (one of ==, !=, <=, >=, <, >, ~=, ===)";
		goto bad;
	}
	c->op = o->op;
	k = strlen(o->text);
	t = s + k;
	m = n - k;
	trim(&t, &m);
	if (m == 0) {
		why = "no version after the operator";
		goto bad;
	}
	strbuf_addstr(norm, o->text);
	strbuf_add(norm, t, m);
	if (c->op == PEP440_ARBITRARY)
		why = clause_arbitrary(c, t, m);
	else
		why = clause_version(c, t, m);
	if (why == NULL)
		return 0;
bad:
	if (err != NULL) {
		quote(err, s, n);
		strbuf_addf(err, " is not a version specifier: %s", why);
	}
	free(c->arbitrary);
	pep440_version_clear(&c->v);
	memset(c, 0, sizeof(*c));
	return -1;
}

int
pep440_spec_parse(const char *s, struct pep440_spec **specp,
    struct strbuf *err)
{
	struct pep440_spec *spec;
	struct strbuf norm = STRBUF_INIT;
	const char *p, *e, *t = s;
	size_t alloc = 0, n;

	*specp = NULL;
	n = strlen(s);
	if (n > PEP440_MAX_LEN) {
		if (err != NULL)
			strbuf_addf(err, "specifier longer than %d bytes",
			    PEP440_MAX_LEN);
		return -1;
	}
	spec = xcalloc(1, sizeof(*spec));
	trim(&t, &n);
	for (p = t; n > 0 && p <= t + n; p = e + 1) {
		e = memchr(p, ',', t + n - p);
		if (e == NULL)
			e = t + n;
		XGROW(spec->clause, spec->n + 1, alloc);
		if (spec->n > 0)
			strbuf_addch(&norm, ',');
		if (clause_parse(p, e - p, &spec->clause[spec->n], &norm,
		    err) == -1) {
			strbuf_release(&norm);
			pep440_spec_free(spec);
			return -1;
		}
		spec->n++;
	}
	spec->text = strbuf_detach(&norm, NULL);
	*specp = spec;
	return 0;
}

void
pep440_spec_free(struct pep440_spec *spec)
{
	size_t i;

	if (spec == NULL)
		return;
	for (i = 0; i < spec->n; i++) {
		pep440_version_clear(&spec->clause[i].v);
		free(spec->clause[i].arbitrary);
	}
	free(spec->clause);
	free(spec->text);
	free(spec);
}

int
pep440_spec_names_prerelease(const struct pep440_spec *spec)
{
	const struct pep440_clause *c;
	size_t i;

	for (i = 0; i < spec->n; i++) {
		c = &spec->clause[i];
		if (c->op == PEP440_NE || c->wildcard)
			continue;
		if (c->v.nrelease > 0 && pep440_is_prerelease(&c->v))
			return 1;
	}
	return 0;
}

/* Whether v's release starts with the first k numbers of p's (zero-padded). */
static int
prefix_matches(const struct pep440_version *v, const struct pep440_version *p,
    size_t k)
{
	return cmp_num(v, v->epoch, p, p->epoch) == 0 &&
	    cmp_release(v, p, k) == 0;
}

static int
clause_matches(const struct pep440_clause *c, const struct pep440_version *v)
{
	struct pep440_version bound;
	int eq;

	switch (c->op) {
	case PEP440_ARBITRARY:
		return ascii_streq_nocase(v->raw, c->arbitrary);
	case PEP440_EQ:
	case PEP440_NE:
		if (c->wildcard)
			eq = prefix_matches(v, &c->v, c->v.nrelease);
		else if (c->v.nlocal > 0)
			eq = pep440_cmp(v, &c->v) == 0;
		else
			eq = cmp_public(v, &c->v) == 0;
		return c->op == PEP440_EQ ? eq : !eq;
	case PEP440_LE:
		return cmp_public(v, &c->v) <= 0;
	case PEP440_GE:
		return cmp_public(v, &c->v) >= 0;
	case PEP440_LT:
		/* Below V.dev0 when V is final: no pre-release of V. */
		bound = c->v;
		if (!pep440_is_prerelease(&bound)) {
			bound.dev = 1;
			bound.dev_n.len = 0;
		}
		return cmp_public(v, &bound) < 0;
	case PEP440_GT:
		if (cmp_public(v, &c->v) <= 0)
			return 0;
		/* No post-release of V (or of V's pre-release) unless V is one. */
		if (!c->v.dev && !c->v.post && v->post &&
		    cmp_num(v, v->epoch, &c->v, c->v.epoch) == 0 &&
		    cmp_release(v, &c->v, (size_t)-1) == 0 &&
		    v->pre == c->v.pre &&
		    cmp_num(v, v->pre_n, &c->v, c->v.pre_n) == 0)
			return 0;
		return 1;
	case PEP440_COMPAT:
		return cmp_public(v, &c->v) >= 0 &&
		    prefix_matches(v, &c->v, c->v.nrelease - 1);
	}
	return 0;
}

int
pep440_spec_admits(const struct pep440_spec *spec,
    const struct pep440_version *v, int pre)
{
	size_t i;

	if (pep440_is_prerelease(v)) {
		if (pre == PEP440_PRE_NEVER)
			return 0;
		if (pre == PEP440_PRE_DEFAULT &&
		    !pep440_spec_names_prerelease(spec))
			return 0;
	}
	for (i = 0; i < spec->n; i++)
		if (!clause_matches(&spec->clause[i], v))
			return 0;
	return 1;
}

int
pep440_spec_admits_str(const struct pep440_spec *spec, const char *s, int pre)
{
	struct pep440_version v;
	size_t i;
	int r;

	if (pep440_parse(s, &v, NULL) == 0) {
		r = pep440_spec_admits(spec, &v, pre);
		pep440_version_clear(&v);
		return r;
	}
	for (i = 0; i < spec->n; i++)
		if (spec->clause[i].op != PEP440_ARBITRARY ||
		    !ascii_streq_nocase(s, spec->clause[i].arbitrary))
			return 0;
	return 1;
}
