/* toml.c: a strict TOML 1.0 reader: text in, a tree or an error out */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "read/toml.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

/* How a table or array came to be, for the redefinition rules. */
#define T_EXPLICIT	0x01	/* a table defined by a [header] */
#define T_DOTTED	0x02	/* a table created by a dotted key */
#define T_FROZEN	0x04	/* an inline table and what it holds: closed */
#define T_AOT		0x08	/* an array of tables, made by [[header]] */

/* Below this many keys a table is searched in order, above it hashed. */
#define HASH_MIN	8

struct tkey {
	char		*s;
	size_t		 len;
	uint64_t	 hash;
};

struct toml_value {
	enum toml_kind	 kind;
	int		 line;
	int		 depth;
	unsigned	 flags;
	unsigned	 section;	/* T_DOTTED: the section that made it */
	union {
		struct {
			char	*s;
			size_t	 len;
		} str;
		int64_t	 i;
		double	 f;
		int	 b;
		struct {
			struct toml_value **v;
			size_t	 n, alloc;
		} arr;
		struct {
			struct tkey *keys;
			struct toml_value **v;
			size_t	 n, alloc;
			size_t	*slots;		/* index + 1; 0 is empty */
			size_t	 nslots;	/* a power of two, or 0 */
		} tab;
	} u;
};

/* A dotted key: its segments, and where it starts. */
struct keypath {
	struct strbuf	 seg[TOML_MAX_DEPTH];
	size_t		 n;
	size_t		 pos;
};

struct parser {
	const char		*s;
	size_t			 len, pos;
	int			 line;
	size_t			 linestart;
	unsigned		 section;	/* counts [headers] */
	struct toml_value	*root, *cur;
	struct toml_error	*err;
};

static int	 perr_at(struct parser *, size_t, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
static int	 perr(struct parser *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
static int	 peek(const struct parser *, size_t);
static int	 newline(struct parser *);
static int	 skip_comment(struct parser *);
static void	 skip_ws(struct parser *);
static int	 skip_ws_nl(struct parser *);
static int	 end_of_line(struct parser *);
static int	 unexpected(struct parser *, const char *);
static int	 check_utf8(struct parser *);
static struct toml_value *new_value(enum toml_kind, int, int);
static uint64_t	 key_hash(const char *, size_t);
static void	 reindex(struct toml_value *);
static struct toml_value *table_find(const struct toml_value *, const char *,
		    size_t);
static void	 table_add(struct toml_value *, const char *, size_t,
		    struct toml_value *);
static void	 array_push(struct toml_value *, struct toml_value *);
static void	 freeze(struct toml_value *);
static const char *what(const struct toml_value *);
static void	 keyname(char *, size_t, const struct keypath *, size_t);
static int	 is_bare(int);
static int	 line_end_backslash(struct parser *);
static int	 parse_escape(struct parser *, struct strbuf *);
static int	 parse_basic(struct parser *, struct strbuf *);
static int	 parse_literal(struct parser *, struct strbuf *);
static int	 parse_multiline(struct parser *, struct strbuf *, int);
static int	 parse_simple_key(struct parser *, struct strbuf *);
static int	 parse_key(struct parser *, struct keypath *);
static void	 keypath_release(struct keypath *);
static int	 digits(const char *, size_t, size_t *, int);
static size_t	 number_span(const struct parser *);
static int	 special_float(struct parser *, struct toml_value *, int, int,
		    size_t);
static int	 parse_float(struct parser *, struct toml_value *, size_t,
		    size_t);
static int	 parse_integer(struct parser *, struct toml_value *, size_t,
		    size_t, int, int);
static int	 parse_number(struct parser *, struct toml_value *);
static int	 two(const char *, int *);
static int	 parse_time(struct parser *, struct strbuf *);
static int	 parse_datetime(struct parser *, struct toml_value *);
static struct toml_value *parse_string_value(struct parser *, int, int);
static struct toml_value *parse_array(struct parser *, int);
static struct toml_value *parse_inline(struct parser *, int);
static struct toml_value *parse_value(struct parser *, int);
static int	 keyval(struct parser *, struct toml_value *);
static int	 too_deep(struct parser *, const struct keypath *, int);
static struct toml_value *header_new(struct parser *, const struct keypath *,
		    size_t, struct toml_value *, enum toml_kind, unsigned, int);
static struct toml_value *header_walk(struct parser *, const struct keypath *,
		    size_t, struct toml_value *, int);
static struct toml_value *header_aot(struct parser *, const struct keypath *,
		    struct toml_value *, int);
static struct toml_value *header_define(struct parser *,
		    const struct keypath *, struct toml_value *, int);
static int	 header(struct parser *);

/*
 * Record an error at byte pos (on the current line, or the current
 * position when pos is before it); only the first error is kept.
 */
static int
perr_at(struct parser *p, size_t pos, const char *fmt, ...)
{
	va_list ap;

	if (p->err->line != 0)
		return -1;
	if (pos < p->linestart || pos > p->len)
		pos = p->pos < p->len ? p->pos : p->len;
	if (pos < p->linestart)
		pos = p->linestart;
	p->err->line = p->line;
	p->err->col = (int)(pos - p->linestart) + 1;
	va_start(ap, fmt);
	vsnprintf(p->err->msg, sizeof(p->err->msg), fmt, ap);
	va_end(ap);
	return -1;
}

static int
perr(struct parser *p, const char *fmt, ...)
{
	va_list ap;

	if (p->err->line != 0)
		return -1;
	p->err->line = p->line;
	p->err->col = (int)((p->pos < p->len ? p->pos : p->len) -
	    p->linestart) + 1;
	va_start(ap, fmt);
	vsnprintf(p->err->msg, sizeof(p->err->msg), fmt, ap);
	va_end(ap);
	return -1;
}

/* The byte k after the position, or -1 past the end. */
static int
peek(const struct parser *p, size_t k)
{
	if (p->pos + k >= p->len)
		return -1;
	return (unsigned char)p->s[p->pos + k];
}

/* Consume a newline (LF or CR LF) if one is here; 1 if it was. */
static int
newline(struct parser *p)
{
	if (peek(p, 0) == '\n')
		p->pos++;
	else if (peek(p, 0) == '\r' && peek(p, 1) == '\n')
		p->pos += 2;
	else
		return 0;
	p->line++;
	p->linestart = p->pos;
	return 1;
}

/* Skip a comment up to (not over) its newline; -1 on a control character. */
static int
skip_comment(struct parser *p)
{
	int c;

	if (peek(p, 0) != '#')
		return 0;
	p->pos++;
	while ((c = peek(p, 0)) != -1 && c != '\n') {
		if (c == '\r' && peek(p, 1) == '\n')
			break;
		if ((c < 0x20 && c != '\t') || c == 0x7f)
			return perr(p, "control character 0x%02x in a comment",
			    c);
		p->pos++;
	}
	return 0;
}

static void
skip_ws(struct parser *p)
{
	while (peek(p, 0) == ' ' || peek(p, 0) == '\t')
		p->pos++;
}

/* Skip white space, newlines and comments (inside arrays). */
static int
skip_ws_nl(struct parser *p)
{
	for (;;) {
		skip_ws(p);
		if (skip_comment(p) == -1)
			return -1;
		if (!newline(p))
			return 0;
	}
}

/* After a header or a key/value pair: a comment, then a newline or the end. */
static int
end_of_line(struct parser *p)
{
	skip_ws(p);
	if (skip_comment(p) == -1)
		return -1;
	if (peek(p, 0) == -1 || newline(p))
		return 0;
	return unexpected(p, "expected a newline");
}

/* An error naming the byte at the position. */
static int
unexpected(struct parser *p, const char *want)
{
	int c;

	c = peek(p, 0);
	if (c == -1)
		return perr(p, "%s, found the end of the file", want);
	if (c == '\r')
		return perr(p, "%s, found a carriage return without a line "
		    "feed", want);
	if (c == '\n')
		return perr(p, "%s, found a newline", want);
	if (c > 0x20 && c < 0x7f)
		return perr(p, "%s, found '%c'", want, c);
	return perr(p, "%s, found byte 0x%02x", want, c);
}

/* The whole document must be UTF-8; the parser then checks bytes only. */
static int
check_utf8(struct parser *p)
{
	size_t i, n;

	for (i = 0; i < p->len; i += n) {
		n = 1;
		if (p->s[i] == '\n') {
			p->line++;
			p->linestart = i + 1;
		} else if ((unsigned char)p->s[i] >= 0x80 &&
		    (n = utf8_len(p->s + i, p->len - i)) == 0) {
			p->pos = i;
			return perr(p, "invalid UTF-8");
		}
	}
	p->line = 1;
	p->linestart = 0;
	return 0;
}

static struct toml_value *
new_value(enum toml_kind kind, int line, int depth)
{
	struct toml_value *v;

	v = xcalloc(1, sizeof(*v));
	v->kind = kind;
	v->line = line;
	v->depth = depth;
	return v;
}

/* FNV-1a. */
static uint64_t
key_hash(const char *s, size_t len)
{
	uint64_t h = 14695981039346656037ULL;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

/* Rebuild a table's hash index, at most half full. */
static void
reindex(struct toml_value *t)
{
	size_t i, j, n = 16;

	while (n < t->u.tab.n * 2)
		n *= 2;
	free(t->u.tab.slots);
	t->u.tab.slots = xcalloc(n, sizeof(*t->u.tab.slots));
	t->u.tab.nslots = n;
	for (i = 0; i < t->u.tab.n; i++) {
		j = t->u.tab.keys[i].hash & (n - 1);
		while (t->u.tab.slots[j] != 0)
			j = (j + 1) & (n - 1);
		t->u.tab.slots[j] = i + 1;
	}
}

static struct toml_value *
table_find(const struct toml_value *t, const char *k, size_t len)
{
	const struct tkey *key;
	uint64_t h;
	size_t i, j;

	if (t->u.tab.nslots == 0) {
		for (i = 0; i < t->u.tab.n; i++) {
			key = &t->u.tab.keys[i];
			if (key->len == len && memcmp(key->s, k, len) == 0)
				return t->u.tab.v[i];
		}
		return NULL;
	}
	h = key_hash(k, len);
	for (j = h & (t->u.tab.nslots - 1); t->u.tab.slots[j] != 0;
	    j = (j + 1) & (t->u.tab.nslots - 1)) {
		key = &t->u.tab.keys[t->u.tab.slots[j] - 1];
		if (key->hash == h && key->len == len &&
		    memcmp(key->s, k, len) == 0)
			return t->u.tab.v[t->u.tab.slots[j] - 1];
	}
	return NULL;
}

/* Add a key the caller knows is new; the table takes v. */
static void
table_add(struct toml_value *t, const char *k, size_t len,
    struct toml_value *v)
{
	struct tkey *key;
	size_t n = t->u.tab.n, alloc = t->u.tab.alloc, j;

	XGROW(t->u.tab.keys, n + 1, alloc);
	alloc = t->u.tab.alloc;
	XGROW(t->u.tab.v, n + 1, alloc);
	t->u.tab.alloc = alloc;
	key = &t->u.tab.keys[n];
	key->s = xmalloc(len + 1);
	memcpy(key->s, k, len);
	key->s[len] = '\0';
	key->len = len;
	key->hash = key_hash(k, len);
	t->u.tab.v[n] = v;
	t->u.tab.n = n + 1;
	if (t->u.tab.n < HASH_MIN)
		return;
	if (t->u.tab.nslots == 0 || t->u.tab.n * 2 > t->u.tab.nslots) {
		reindex(t);
		return;
	}
	j = key->hash & (t->u.tab.nslots - 1);
	while (t->u.tab.slots[j] != 0)
		j = (j + 1) & (t->u.tab.nslots - 1);
	t->u.tab.slots[j] = n + 1;
}

static void
array_push(struct toml_value *a, struct toml_value *v)
{
	XGROW(a->u.arr.v, a->u.arr.n + 1, a->u.arr.alloc);
	a->u.arr.v[a->u.arr.n++] = v;
}

/* Close an inline table and the tables its dotted keys made. */
static void
freeze(struct toml_value *t)
{
	size_t i;

	t->flags |= T_FROZEN;
	for (i = 0; i < t->u.tab.n; i++)
		if (t->u.tab.v[i]->kind == TOML_TABLE &&
		    (t->u.tab.v[i]->flags & T_FROZEN) == 0)
			freeze(t->u.tab.v[i]);
}

/* What a defined value is, for messages. */
static const char *
what(const struct toml_value *v)
{
	if (v->kind == TOML_ARRAY)
		return (v->flags & T_AOT) ? "an array of tables" : "an array";
	if (v->kind != TOML_TABLE)
		return "a value";
	if (v->flags & T_FROZEN)
		return "an inline table";
	return "a table";
}

/* The first n segments of a key, printable and cut short, for messages. */
static void
keyname(char *buf, size_t size, const struct keypath *kp, size_t n)
{
	size_t i, j = 0, o = 0;
	int c;

	for (i = 0; i < n && o + 4 < size; i++) {
		if (i > 0)
			buf[o++] = '.';
		for (j = 0; j < kp->seg[i].len && o + 4 < size; j++) {
			c = (unsigned char)kp->seg[i].buf[j];
			buf[o++] = (c >= 0x20 && c < 0x7f) ? (char)c : '?';
		}
	}
	if (i < n || (n > 0 && j < kp->seg[n - 1].len)) {
		buf[o++] = '.';
		buf[o++] = '.';
		buf[o++] = '.';
	}
	buf[o] = '\0';
}

static int
is_bare(int c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	    (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/*
 * A backslash at the end of a line in a multi-line basic string: skip it,
 * the newlines and the white space up to the next text; 0 if the
 * backslash is not at the end of a line (it starts an escape).
 */
static int
line_end_backslash(struct parser *p)
{
	size_t n;

	for (n = 1; peek(p, n) == ' ' || peek(p, n) == '\t'; n++)
		;
	if (peek(p, n) != '\n' &&
	    (peek(p, n) != '\r' || peek(p, n + 1) != '\n'))
		return 0;
	p->pos += n;
	for (;;) {
		if (peek(p, 0) == ' ' || peek(p, 0) == '\t')
			p->pos++;
		else if (!newline(p))
			return 1;
	}
}

/* An escape after a backslash in a basic string. */
static int
parse_escape(struct parser *p, struct strbuf *out)
{
	uint32_t cp = 0;
	int c, d, i, n;

	p->pos++;
	switch ((c = peek(p, 0))) {
	case 'b': strbuf_addch(out, '\b'); break;
	case 't': strbuf_addch(out, '\t'); break;
	case 'n': strbuf_addch(out, '\n'); break;
	case 'f': strbuf_addch(out, '\f'); break;
	case 'r': strbuf_addch(out, '\r'); break;
	case '"': strbuf_addch(out, '"'); break;
	case '\\': strbuf_addch(out, '\\'); break;
	case 'u':
	case 'U':
		n = c == 'u' ? 4 : 8;
		for (i = 1; i <= n; i++) {
			if ((d = ascii_hexval(peek(p, (size_t)i))) == -1)
				return perr_at(p, p->pos - 1, "\\%c needs %d "
				    "hex digits", n == 4 ? 'u' : 'U', n);
			cp = cp << 4 | (uint32_t)d;
		}
		if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return perr_at(p, p->pos - 1, "escape of U+%04X, "
			    "which is not a Unicode scalar value", cp);
		utf8_put(out, cp);
		p->pos += (size_t)n;
		break;
	default:
		if (c > 0x20 && c < 0x7f)
			return perr_at(p, p->pos - 1, "invalid escape '\\%c'",
			    c);
		return perr_at(p, p->pos - 1, "invalid escape");
	}
	p->pos++;
	return 0;
}

/* A control character in a string: everything below space but tab, and DEL. */
#define IS_CTRL(c)	(((c) < 0x20 && (c) != '\t') || (c) == 0x7f)

/* "..." (the position is at the quote). */
static int
parse_basic(struct parser *p, struct strbuf *out)
{
	int c;

	p->pos++;
	for (;;) {
		c = peek(p, 0);
		if (c == '"') {
			p->pos++;
			return 0;
		}
		if (c == -1 || c == '\n' || c == '\r')
			return unexpected(p, "unterminated string");
		if (c == '\\') {
			if (parse_escape(p, out) == -1)
				return -1;
			continue;
		}
		if (IS_CTRL(c))
			return perr(p, "control character 0x%02x in a string",
			    c);
		strbuf_addch(out, c);
		p->pos++;
	}
}

/* '...' (the position is at the quote). */
static int
parse_literal(struct parser *p, struct strbuf *out)
{
	int c;

	p->pos++;
	for (;;) {
		c = peek(p, 0);
		if (c == '\'') {
			p->pos++;
			return 0;
		}
		if (c == -1 || c == '\n' || c == '\r')
			return unexpected(p, "unterminated literal string");
		if (IS_CTRL(c))
			return perr(p, "control character 0x%02x in a string",
			    c);
		strbuf_addch(out, c);
		p->pos++;
	}
}

/*
 * """...""" or '''...''' (q is the quote; the position is at the first).
 * A newline right after the opening is dropped, CR LF reads as LF, and up
 * to two quotes may sit just inside the closing ones.
 */
static int
parse_multiline(struct parser *p, struct strbuf *out, int q)
{
	size_t n, k;
	int c;

	p->pos += 3;
	newline(p);
	for (;;) {
		c = peek(p, 0);
		if (c == q) {
			for (n = 0; peek(p, n) == q; n++)
				;
			if (n >= 3 && n <= 5) {
				for (k = 3; k < n; k++)
					strbuf_addch(out, q);
				p->pos += n;
				return 0;
			}
			if (n > 5)
				return perr(p, "too many quotes at the end of "
				    "a multi-line string");
			for (k = 0; k < n; k++)
				strbuf_addch(out, q);
			p->pos += n;
			continue;
		}
		if (c == -1)
			return perr(p, "unterminated multi-line string");
		if (newline(p)) {
			strbuf_addch(out, '\n');
			continue;
		}
		if (c == '\\' && q == '"') {
			if (!line_end_backslash(p) &&
			    parse_escape(p, out) == -1)
				return -1;
			continue;
		}
		if (IS_CTRL(c))
			return perr(p, "control character 0x%02x in a string",
			    c);
		strbuf_addch(out, c);
		p->pos++;
	}
}

/* One part of a key: bare, or a basic or literal string on one line. */
static int
parse_simple_key(struct parser *p, struct strbuf *out)
{
	int c;

	c = peek(p, 0);
	if (c == '"')
		return parse_basic(p, out);
	if (c == '\'')
		return parse_literal(p, out);
	if (!is_bare(c))
		return unexpected(p, "expected a key");
	while (is_bare(c = peek(p, 0))) {
		strbuf_addch(out, c);
		p->pos++;
	}
	return 0;
}

/* A dotted key, white space allowed around the dots. */
static int
parse_key(struct parser *p, struct keypath *kp)
{
	kp->n = 0;
	kp->pos = p->pos;
	for (;;) {
		if (kp->n == TOML_MAX_DEPTH)
			return perr(p, "a key of more than %d parts",
			    TOML_MAX_DEPTH);
		strbuf_init(&kp->seg[kp->n]);
		kp->n++;
		if (parse_simple_key(p, &kp->seg[kp->n - 1]) == -1)
			return -1;
		skip_ws(p);
		if (peek(p, 0) != '.')
			return 0;
		p->pos++;
		skip_ws(p);
	}
}

static void
keypath_release(struct keypath *kp)
{
	size_t i;

	for (i = 0; i < kp->n; i++)
		strbuf_release(&kp->seg[i]);
	kp->n = 0;
}

/*
 * Digits of a base at s[*i] (n bytes), underscores only between digits;
 * at least one digit. 0 and *i past them, or -1.
 */
static int
digits(const char *s, size_t n, size_t *i, int base)
{
	size_t j = *i;
	int c, d, prev = 0;

	for (; j < n; j++) {
		c = (unsigned char)s[j];
		if (c >= '0' && c <= '9')
			d = c - '0';
		else if (c >= 'a' && c <= 'f')
			d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			d = c - 'A' + 10;
		else if (c == '_') {
			if (!prev || j + 1 >= n)
				return -1;
			prev = 0;
			continue;
		} else
			break;
		if (d >= base)
			break;
		prev = 1;
	}
	if (!prev)
		return -1;
	*i = j;
	return 0;
}

/* The length of the number-like token at the position. */
static size_t
number_span(const struct parser *p)
{
	const char *s = p->s + p->pos;
	size_t n = 0;
	int c;

	while (p->pos + n < p->len && (is_bare(c = s[n]) || c == '+' ||
	    c == '.'))
		n++;
	return n;
}

/* inf (or nan when !inf), negative when neg, the n bytes at the position. */
static int
special_float(struct parser *p, struct toml_value *v, int inf, int neg,
    size_t n)
{
	v->kind = TOML_FLOAT;
	v->u.f = inf ? INFINITY : NAN;
	if (neg)
		v->u.f = -v->u.f;
	p->pos += n;
	return 0;
}

/*
 * The decimal float of n bytes at the position whose integer part ends
 * at byte j (at a '.', 'e' or 'E'), into v.
 */
static int
parse_float(struct parser *p, struct toml_value *v, size_t n, size_t j)
{
	const char *s = p->s + p->pos;
	struct strbuf sb = STRBUF_INIT;
	int range;

	if (s[j] == '.') {
		j++;
		if (digits(s, n, &j, 10) == -1)
			return perr(p, "a decimal point needs digits on both "
			    "sides");
	}
	if (j < n && (s[j] == 'e' || s[j] == 'E')) {
		j++;
		if (j < n && (s[j] == '+' || s[j] == '-'))
			j++;
		if (digits(s, n, &j, 10) == -1)
			return perr(p, "invalid exponent");
	}
	if (j != n)
		return perr(p, "invalid float");
	for (j = 0; j < n; j++)
		if (s[j] != '_')
			strbuf_addch(&sb, s[j]);
	errno = 0;
	v->kind = TOML_FLOAT;
	v->u.f = strtod(sb.buf, NULL);
	range = errno == ERANGE && isinf(v->u.f);
	strbuf_release(&sb);
	if (range)
		return perr(p, "float out of range");
	p->pos += n;
	return 0;
}

/*
 * The integer of n bytes at the position, its digits (checked) from
 * byte i in base, negative when neg, into v; out of range is an error.
 */
static int
parse_integer(struct parser *p, struct toml_value *v, size_t n, size_t i,
    int base, int neg)
{
	const char *s = p->s + p->pos;
	uint64_t u = 0, lim;
	size_t j;
	int c;

	lim = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	for (j = i; j < n; j++) {
		if (s[j] == '_')
			continue;
		c = s[j] <= '9' ? s[j] - '0' : (s[j] | 0x20) - 'a' + 10;
		if (u > (lim - (uint64_t)c) / (uint64_t)base)
			return perr(p, "integer out of range");
		u = u * (uint64_t)base + (uint64_t)c;
	}
	v->kind = TOML_INTEGER;
	if (neg)
		v->u.i = u == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)u;
	else
		v->u.i = (int64_t)u;
	p->pos += n;
	return 0;
}

/* An integer or a float (inf and nan too) at the position, into v. */
static int
parse_number(struct parser *p, struct toml_value *v)
{
	const char *s = p->s + p->pos;
	size_t n, i = 0, j;
	int base = 10, neg = 0;

	n = number_span(p);
	if (n == 0)
		return unexpected(p, "expected a value");
	if (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-';
		i = 1;
	}
	if (n - i == 3 && (memcmp(s + i, "inf", 3) == 0 ||
	    memcmp(s + i, "nan", 3) == 0))
		return special_float(p, v, s[i] == 'i', neg, n);
	if (i == 0 && (s[0] < '0' || s[0] > '9'))
		return unexpected(p, "expected a value");
	if (n - i > 2 && s[i] == '0' &&
	    (s[i + 1] == 'x' || s[i + 1] == 'o' || s[i + 1] == 'b')) {
		if (i > 0)
			return perr(p, "a sign before a hex, octal or binary "
			    "integer");
		base = s[1] == 'x' ? 16 : s[1] == 'o' ? 8 : 2;
		i = 2;
	}
	j = i;
	if (digits(s, n, &j, base) == -1)
		return perr(p, "invalid number");
	if (base == 10 && s[i] == '0' && j > i + 1)
		return perr(p, "a leading zero in a number");
	if (base == 10 && j < n && (s[j] == '.' || s[j] == 'e' ||
	    s[j] == 'E'))
		return parse_float(p, v, n, j);
	if (j != n)
		return perr(p, "invalid number");
	return parse_integer(p, v, n, i, base, neg);
}

/* Two decimal digits. */
static int
two(const char *s, int *out)
{
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return -1;
	*out = (s[0] - '0') * 10 + s[1] - '0';
	return 0;
}

/* HH:MM:SS[.frac] at the position, appended to out as written. */
static int
parse_time(struct parser *p, struct strbuf *out)
{
	const char *s = p->s + p->pos;
	int h, m, sec;
	size_t n;

	if (p->len - p->pos < 8 || two(s, &h) == -1 || s[2] != ':' ||
	    two(s + 3, &m) == -1 || s[5] != ':' || two(s + 6, &sec) == -1)
		return perr(p, "invalid time (TOML 1.0 wants HH:MM:SS)");
	if (h > 23 || m > 59 || sec > 59)
		return perr(p, "time out of range");
	strbuf_add(out, s, 8);
	p->pos += 8;
	if (peek(p, 0) == '.') {
		for (n = 1; peek(p, n) >= '0' && peek(p, n) <= '9'; n++)
			;
		if (n == 1)
			return perr(p, "a fraction of a second needs digits");
		strbuf_add(out, s + 8, n);
		p->pos += n;
	}
	return 0;
}

/* A date, a date-time (offset or local) or a local time, into v. */
static int
parse_datetime(struct parser *p, struct toml_value *v)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30,
	    31, 30, 31 };
	struct strbuf sb = STRBUF_INIT;
	const char *s = p->s + p->pos;
	int y1, y2, y, mo, d, h, m, c;

	if (peek(p, 2) == ':') {
		v->kind = TOML_TIME_LOCAL;
		goto time;
	}
	if (p->len - p->pos < 10 || two(s, &y1) == -1 ||
	    two(s + 2, &y2) == -1 || s[4] != '-' || two(s + 5, &mo) == -1 ||
	    s[7] != '-' || two(s + 8, &d) == -1)
		return perr(p, "invalid date (TOML wants YYYY-MM-DD)");
	y = y1 * 100 + y2;
	if (mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] ||
	    (mo == 2 && d == 29 &&
	    (y % 4 != 0 || (y % 100 == 0 && y % 400 != 0))))
		return perr(p, "date out of range");
	strbuf_add(&sb, s, 10);
	p->pos += 10;
	c = peek(p, 0);
	if (!(c == 'T' || c == 't' || (c == ' ' && peek(p, 1) >= '0' &&
	    peek(p, 1) <= '9' && peek(p, 2) >= '0' && peek(p, 2) <= '9' &&
	    peek(p, 3) == ':'))) {
		v->kind = TOML_DATE_LOCAL;
		goto done;
	}
	p->pos++;
	strbuf_addch(&sb, 'T');
	v->kind = TOML_DATETIME_LOCAL;
time:
	if (parse_time(p, &sb) == -1) {
		strbuf_release(&sb);
		return -1;
	}
	if (v->kind == TOML_TIME_LOCAL)
		goto done;
	c = peek(p, 0);
	if (c == 'Z' || c == 'z') {
		strbuf_addch(&sb, 'Z');
		p->pos++;
		v->kind = TOML_DATETIME;
	} else if (c == '+' || c == '-') {
		s = p->s + p->pos;
		if (p->len - p->pos < 6 || two(s + 1, &h) == -1 ||
		    s[3] != ':' || two(s + 4, &m) == -1 || h > 23 || m > 59) {
			strbuf_release(&sb);
			return perr(p, "invalid offset (TOML wants +HH:MM)");
		}
		strbuf_add(&sb, s, 6);
		p->pos += 6;
		v->kind = TOML_DATETIME;
	}
done:
	v->u.str.s = strbuf_detach(&sb, &v->u.str.len);
	return 0;
}

/* A string value of any of the four kinds; q is the quote. */
static struct toml_value *
parse_string_value(struct parser *p, int q, int depth)
{
	struct toml_value *v;
	struct strbuf sb = STRBUF_INIT;
	int r;

	if (peek(p, 1) == q && peek(p, 2) == q)
		r = parse_multiline(p, &sb, q);
	else if (q == '"')
		r = parse_basic(p, &sb);
	else
		r = parse_literal(p, &sb);
	if (r == -1) {
		strbuf_release(&sb);
		return NULL;
	}
	v = new_value(TOML_STRING, p->line, depth);
	v->u.str.s = strbuf_detach(&sb, &v->u.str.len);
	return v;
}

/* [ values ] across lines, with comments and a trailing comma. */
static struct toml_value *
parse_array(struct parser *p, int depth)
{
	struct toml_value *a, *item;

	a = new_value(TOML_ARRAY, p->line, depth);
	p->pos++;
	for (;;) {
		if (skip_ws_nl(p) == -1)
			goto fail;
		if (peek(p, 0) == ']')
			break;
		if ((item = parse_value(p, depth + 1)) == NULL)
			goto fail;
		array_push(a, item);
		if (skip_ws_nl(p) == -1)
			goto fail;
		if (peek(p, 0) == ']')
			break;
		if (peek(p, 0) != ',') {
			unexpected(p, "expected ',' or ']' in an array");
			goto fail;
		}
		p->pos++;
	}
	p->pos++;
	return a;
fail:
	toml_free(a);
	return NULL;
}

/* { key = value, ... } on one line, no trailing comma; closed after. */
static struct toml_value *
parse_inline(struct parser *p, int depth)
{
	struct toml_value *t;

	t = new_value(TOML_TABLE, p->line, depth);
	p->pos++;
	skip_ws(p);
	if (peek(p, 0) == '}')
		goto done;
	for (;;) {
		if (peek(p, 0) == '\n' || peek(p, 0) == '\r') {
			perr(p, "a newline inside an inline table");
			goto fail;
		}
		if (keyval(p, t) == -1)
			goto fail;
		skip_ws(p);
		if (peek(p, 0) == '}')
			break;
		if (peek(p, 0) == '\n' || peek(p, 0) == '\r') {
			perr(p, "a newline inside an inline table");
			goto fail;
		}
		if (peek(p, 0) != ',') {
			unexpected(p, "expected ',' or '}' in an inline table");
			goto fail;
		}
		p->pos++;
		skip_ws(p);
		if (peek(p, 0) == '}') {
			perr(p, "a trailing comma in an inline table");
			goto fail;
		}
	}
done:
	p->pos++;
	freeze(t);
	return t;
fail:
	toml_free(t);
	return NULL;
}

static struct toml_value *
parse_value(struct parser *p, int depth)
{
	struct toml_value *v;
	int c, line = p->line;

	c = peek(p, 0);
	if (depth > TOML_MAX_DEPTH) {
		perr(p, "nested more than %d deep", TOML_MAX_DEPTH);
		return NULL;
	}
	switch (c) {
	case '"':
	case '\'':
		v = parse_string_value(p, c, depth);
		if (v != NULL)
			v->line = line;
		return v;
	case '[':
		return parse_array(p, depth);
	case '{':
		return parse_inline(p, depth);
	}
	v = new_value(TOML_BOOLEAN, p->line, depth);
	if (p->len - p->pos >= 4 && memcmp(p->s + p->pos, "true", 4) == 0) {
		v->u.b = 1;
		p->pos += 4;
	} else if (p->len - p->pos >= 5 &&
	    memcmp(p->s + p->pos, "false", 5) == 0)
		p->pos += 5;
	else if (c >= '0' && c <= '9' && peek(p, 1) >= '0' &&
	    peek(p, 1) <= '9' && (peek(p, 2) == ':' || (peek(p, 2) >= '0' &&
	    peek(p, 2) <= '9' && peek(p, 3) >= '0' && peek(p, 3) <= '9' &&
	    peek(p, 4) == '-'))) {
		if (parse_datetime(p, v) == -1)
			goto fail;
	} else if (parse_number(p, v) == -1)
		goto fail;
	return v;
fail:
	free(v);
	return NULL;
}

/*
 * key = value into table t: the dotted key's tables are made or reused
 * (never a table defined by a header, nor one a dotted key of an earlier
 * section made, nor an inline table), and the last key must be new.
 */
static int
keyval(struct parser *p, struct toml_value *t)
{
	struct keypath kp;
	struct toml_value *v, *next;
	char name[96];
	size_t i;
	int line = p->line;

	if (parse_key(p, &kp) == -1)
		goto fail;
	if (peek(p, 0) != '=') {
		unexpected(p, "expected '=' after a key");
		goto fail;
	}
	p->pos++;
	skip_ws(p);
	for (i = 0; i + 1 < kp.n; i++) {
		next = table_find(t, kp.seg[i].buf, kp.seg[i].len);
		if (next == NULL) {
			if (t->depth + 1 > TOML_MAX_DEPTH) {
				perr_at(p, kp.pos, "nested more than %d deep",
				    TOML_MAX_DEPTH);
				goto fail;
			}
			next = new_value(TOML_TABLE, line, t->depth + 1);
			next->flags = T_DOTTED;
			next->section = p->section;
			table_add(t, kp.seg[i].buf, kp.seg[i].len, next);
		} else if (next->kind != TOML_TABLE ||
		    (next->flags & (T_FROZEN | T_EXPLICIT)) != 0 ||
		    ((next->flags & T_DOTTED) && next->section != p->section)) {
			keyname(name, sizeof(name), &kp, i + 1);
			perr_at(p, kp.pos, "cannot add keys to '%s' here: it "
			    "is %s defined on line %d", name, what(next),
			    next->line);
			goto fail;
		}
		t = next;
	}
	if ((v = table_find(t, kp.seg[i].buf, kp.seg[i].len)) != NULL) {
		keyname(name, sizeof(name), &kp, kp.n);
		perr_at(p, kp.pos, "key '%s' defined twice (first on line %d)",
		    name, v->line);
		goto fail;
	}
	if ((v = parse_value(p, t->depth + 1)) == NULL)
		goto fail;
	v->line = line;
	table_add(t, kp.seg[i].buf, kp.seg[i].len, v);
	keypath_release(&kp);
	return 0;
fail:
	keypath_release(&kp);
	return -1;
}

/* Whether depth is past TOML_MAX_DEPTH: then an error at the key. */
static int
too_deep(struct parser *p, const struct keypath *kp, int depth)
{
	if (depth <= TOML_MAX_DEPTH)
		return 0;
	perr_at(p, kp->pos, "nested more than %d deep", TOML_MAX_DEPTH);
	return 1;
}

/*
 * A new table or array (kind, flags) in t under segment i of kp, made
 * on line; NULL when it would be nested too deep.
 */
static struct toml_value *
header_new(struct parser *p, const struct keypath *kp, size_t i,
    struct toml_value *t, enum toml_kind kind, unsigned flags, int line)
{
	struct toml_value *v;

	if (too_deep(p, kp, t->depth + 1))
		return NULL;
	v = new_value(kind, line, t->depth + 1);
	v->flags = flags;
	table_add(t, kp->seg[i].buf, kp->seg[i].len, v);
	return v;
}

/*
 * The table segment i (not the last) of a header names in t: made
 * implicitly, an existing table, or the last table of an array of
 * tables; NULL when it is something else.
 */
static struct toml_value *
header_walk(struct parser *p, const struct keypath *kp, size_t i,
    struct toml_value *t, int line)
{
	struct toml_value *v;
	char name[96];

	v = table_find(t, kp->seg[i].buf, kp->seg[i].len);
	if (v == NULL)
		return header_new(p, kp, i, t, TOML_TABLE, 0, line);
	if (v->kind == TOML_ARRAY && (v->flags & T_AOT))
		return v->u.arr.v[v->u.arr.n - 1];
	if (v->kind == TOML_TABLE && !(v->flags & T_FROZEN))
		return v;
	keyname(name, sizeof(name), kp, i + 1);
	perr_at(p, kp->pos, "cannot add a table under '%s': it is %s "
	    "defined on line %d", name, what(v), v->line);
	return NULL;
}

/*
 * [[a.b]]: a new table appended to the array of tables the last
 * segment of kp names in t (made if new); NULL when that is not one.
 */
static struct toml_value *
header_aot(struct parser *p, const struct keypath *kp,
    struct toml_value *t, int line)
{
	struct toml_value *v;
	char name[96];
	size_t i = kp->n - 1;

	v = table_find(t, kp->seg[i].buf, kp->seg[i].len);
	if (v == NULL) {
		v = header_new(p, kp, i, t, TOML_ARRAY, T_AOT, line);
		if (v == NULL)
			return NULL;
	} else if (v->kind != TOML_ARRAY || !(v->flags & T_AOT)) {
		keyname(name, sizeof(name), kp, kp->n);
		perr_at(p, kp->pos, "cannot make '%s' an array of tables: it "
		    "is %s defined on line %d", name, what(v), v->line);
		return NULL;
	}
	if (too_deep(p, kp, v->depth + 1))
		return NULL;
	t = new_value(TOML_TABLE, line, v->depth + 1);
	t->flags = T_EXPLICIT;
	array_push(v, t);
	return t;
}

/*
 * [a.b]: the table the last segment of kp names in t, defined now: new,
 * or made only implicitly so far; NULL when it cannot be.
 */
static struct toml_value *
header_define(struct parser *p, const struct keypath *kp,
    struct toml_value *t, int line)
{
	struct toml_value *v;
	char name[96];
	size_t i = kp->n - 1;

	v = table_find(t, kp->seg[i].buf, kp->seg[i].len);
	if (v == NULL)
		return header_new(p, kp, i, t, TOML_TABLE, T_EXPLICIT, line);
	keyname(name, sizeof(name), kp, kp->n);
	if (v->kind == TOML_TABLE && (v->flags & (T_EXPLICIT | T_DOTTED)) &&
	    !(v->flags & T_FROZEN)) {
		perr_at(p, kp->pos, "table '%s' defined twice (first on line "
		    "%d)", name, v->line);
		return NULL;
	}
	if (v->kind != TOML_TABLE || (v->flags & T_FROZEN)) {
		perr_at(p, kp->pos, "cannot define table '%s': it is %s "
		    "defined on line %d", name, what(v), v->line);
		return NULL;
	}
	v->flags |= T_EXPLICIT;
	v->line = line;
	return v;
}

/*
 * [a.b] or [[a.b]]: walk or make the tables on the way (through the last
 * table of an array of tables), then define the last one, which must be
 * new or only implicitly made so far, or append to an array of tables.
 */
static int
header(struct parser *p)
{
	struct keypath kp;
	struct toml_value *t = p->root;
	size_t i;
	int aot, line = p->line;

	aot = peek(p, 1) == '[';
	p->pos += aot ? 2 : 1;
	skip_ws(p);
	if (parse_key(p, &kp) == -1)
		goto fail;
	if (peek(p, 0) != ']' || (aot && peek(p, 1) != ']')) {
		unexpected(p, aot ? "expected ']]' after a table name" :
		    "expected ']' after a table name");
		goto fail;
	}
	p->pos += aot ? 2 : 1;
	p->section++;
	for (i = 0; i < kp.n && t != NULL; i++) {
		if (i + 1 < kp.n)
			t = header_walk(p, &kp, i, t, line);
		else if (aot)
			t = header_aot(p, &kp, t, line);
		else
			t = header_define(p, &kp, t, line);
	}
	if (t == NULL)
		goto fail;
	p->cur = t;
	keypath_release(&kp);
	return end_of_line(p);
fail:
	keypath_release(&kp);
	return -1;
}

int
toml_parse(const char *text, size_t len, struct toml_value **root,
    struct toml_error *err)
{
	struct parser p;
	int c;

	memset(err, 0, sizeof(*err));
	memset(&p, 0, sizeof(p));
	*root = NULL;
	p.s = text;
	p.len = len;
	p.line = 1;
	p.err = err;
	if (len > TOML_MAX_LEN)
		return perr(&p, "longer than %d bytes", TOML_MAX_LEN);
	if (check_utf8(&p) == -1)
		return -1;
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		p.pos = 3;
	p.root = p.cur = new_value(TOML_TABLE, 1, 0);
	p.root->flags = T_EXPLICIT;
	for (;;) {
		skip_ws(&p);
		if (skip_comment(&p) == -1)
			goto fail;
		if ((c = peek(&p, 0)) == -1)
			break;
		if (newline(&p))
			continue;
		if (c == '[') {
			if (header(&p) == -1)
				goto fail;
		} else if (keyval(&p, p.cur) == -1 || end_of_line(&p) == -1)
			goto fail;
	}
	*root = p.root;
	return 0;
fail:
	toml_free(p.root);
	return -1;
}

void
toml_free(struct toml_value *v)
{
	size_t i;

	if (v == NULL)
		return;
	switch (v->kind) {
	case TOML_ARRAY:
		for (i = 0; i < v->u.arr.n; i++)
			toml_free(v->u.arr.v[i]);
		free(v->u.arr.v);
		break;
	case TOML_TABLE:
		for (i = 0; i < v->u.tab.n; i++) {
			free(v->u.tab.keys[i].s);
			toml_free(v->u.tab.v[i]);
		}
		free(v->u.tab.keys);
		free(v->u.tab.v);
		free(v->u.tab.slots);
		break;
	case TOML_STRING:
	case TOML_DATETIME:
	case TOML_DATETIME_LOCAL:
	case TOML_DATE_LOCAL:
	case TOML_TIME_LOCAL:
		free(v->u.str.s);
		break;
	default:
		break;
	}
	free(v);
}

const struct toml_value *
toml_get(const struct toml_value *t, const char *key)
{
	const char *dot;

	for (;;) {
		if (t == NULL || t->kind != TOML_TABLE)
			return NULL;
		if ((dot = strchr(key, '.')) == NULL)
			return table_find(t, key, strlen(key));
		t = table_find(t, key, (size_t)(dot - key));
		key = dot + 1;
	}
}

enum toml_kind
toml_kind(const struct toml_value *v)
{
	return v == NULL ? TOML_NONE : v->kind;
}

const char *
toml_kind_name(enum toml_kind k)
{
	static const char *const names[] = {
		[TOML_NONE] = "none",
		[TOML_STRING] = "string",
		[TOML_INTEGER] = "integer",
		[TOML_FLOAT] = "float",
		[TOML_BOOLEAN] = "bool",
		[TOML_DATETIME] = "datetime",
		[TOML_DATETIME_LOCAL] = "datetime-local",
		[TOML_DATE_LOCAL] = "date-local",
		[TOML_TIME_LOCAL] = "time-local",
		[TOML_ARRAY] = "array",
		[TOML_TABLE] = "table",
	};

	if ((unsigned)k >= sizeof(names) / sizeof(names[0]))
		return "none";
	return names[k];
}

const char *
toml_string(const struct toml_value *v, size_t *len)
{
	switch (toml_kind(v)) {
	case TOML_STRING:
	case TOML_DATETIME:
	case TOML_DATETIME_LOCAL:
	case TOML_DATE_LOCAL:
	case TOML_TIME_LOCAL:
		if (len != NULL)
			*len = v->u.str.len;
		return v->u.str.s;
	default:
		if (len != NULL)
			*len = 0;
		return NULL;
	}
}

int64_t
toml_integer(const struct toml_value *v)
{
	return toml_kind(v) == TOML_INTEGER ? v->u.i : 0;
}

double
toml_float(const struct toml_value *v)
{
	return toml_kind(v) == TOML_FLOAT ? v->u.f : 0;
}

int
toml_boolean(const struct toml_value *v)
{
	return toml_kind(v) == TOML_BOOLEAN ? v->u.b : 0;
}

size_t
toml_len(const struct toml_value *v)
{
	if (toml_kind(v) == TOML_ARRAY)
		return v->u.arr.n;
	if (toml_kind(v) == TOML_TABLE)
		return v->u.tab.n;
	return 0;
}

const struct toml_value *
toml_at(const struct toml_value *v, size_t i)
{
	if (toml_kind(v) == TOML_ARRAY && i < v->u.arr.n)
		return v->u.arr.v[i];
	if (toml_kind(v) == TOML_TABLE && i < v->u.tab.n)
		return v->u.tab.v[i];
	return NULL;
}

const char *
toml_key_at(const struct toml_value *t, size_t i, size_t *len)
{
	if (toml_kind(t) != TOML_TABLE || i >= t->u.tab.n) {
		if (len != NULL)
			*len = 0;
		return NULL;
	}
	if (len != NULL)
		*len = t->u.tab.keys[i].len;
	return t->u.tab.keys[i].s;
}

int
toml_line(const struct toml_value *v)
{
	return v == NULL ? 0 : v->line;
}
