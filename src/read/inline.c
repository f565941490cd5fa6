/* inline.c: the one recogniser of Markdown inline markup (see inline.h). */
#include "config.h"

#include <string.h>

#include "ascii.h"
#include "read/inline.h"

#define LABEL_MAX	999	/* bytes of a link label, as CommonMark */
#define SCHEME_MAX	32	/* characters of an autolink's scheme */
#define ENTITY_NAME_MAX	32	/* characters of an entity's name */

static int	 is_punct(int);
static int	 is_ws(int);
static int	 is_xdigit(int);
static size_t	 ahead(size_t, size_t, size_t);
static int	 blank_line(const char *, size_t, size_t);
static size_t	 skip_ws(const char *, size_t, size_t, size_t);
static int	 escape_at(const char *, size_t, size_t, struct inline_piece *);
static int	 emph_at(const char *, size_t, size_t, struct inline_piece *);
static int	 code_at(const char *, size_t, size_t, struct inline_piece *);
static size_t	 bracket_close(const char *, size_t, size_t, size_t);
static size_t	 dest_end(const char *, size_t, size_t, size_t *);
static size_t	 title_end(const char *, size_t, size_t, size_t);
static size_t	 paren_end(const char *, size_t, size_t, struct inline_piece *);
static size_t	 tail_end(const char *, size_t, size_t, struct inline_piece *);
static int	 link_at(const char *, size_t, size_t, struct inline_piece *);
static size_t	 autolink_end(const char *, size_t, size_t);
static size_t	 email_end(const char *, size_t, size_t);
static size_t	 attrs_end(const char *, size_t, size_t, size_t);
static size_t	 tag_end(const char *, size_t, size_t, size_t *);
static size_t	 special_end(const char *, size_t, size_t);
static int	 angle_at(const char *, size_t, size_t, struct inline_piece *);
static int	 entity_at(const char *, size_t, size_t, struct inline_piece *);

/* ASCII punctuation, as CommonMark defines it. */
static int
is_punct(int c)
{
	return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') ||
	    (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}

static int
is_ws(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

static int
is_xdigit(int c)
{
	return ascii_isdigit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

/* The bound of a scan from i: INLINE_AHEAD or max bytes, within n. */
static size_t
ahead(size_t n, size_t i, size_t max)
{
	return n - i > max ? i + max : n;
}

/* Whether a line end at s[j] is followed by a blank line. */
static int
blank_line(const char *s, size_t n, size_t j)
{
	if (s[j] != '\n' && s[j] != '\r')
		return 0;
	if (s[j] == '\r' && j + 1 < n && s[j + 1] == '\n')
		j++;
	for (j++; j < n && (s[j] == ' ' || s[j] == '\t'); j++)
		;
	return j == n || s[j] == '\n' || s[j] == '\r';
}

/* Skip white space from i up to lim, never past a blank line. */
static size_t
skip_ws(const char *s, size_t n, size_t i, size_t lim)
{
	while (i < lim && is_ws((unsigned char)s[i]) && !blank_line(s, n, i))
		i++;
	return i;
}

static int
escape_at(const char *s, size_t n, size_t i, struct inline_piece *p)
{
	if (i + 1 >= n || !is_punct((unsigned char)s[i + 1]))
		return 0;
	p->kind = INLINE_ESCAPE;
	p->end = i + 2;
	p->text = i + 1;
	p->text_end = i + 2;
	return 1;
}

/* A run of * or _ that is left- or right-flanking (for _, may open or close). */
static int
emph_at(const char *s, size_t n, size_t i, struct inline_piece *p)
{
	size_t j;
	int before, after, left, right;

	if (i > 0 && s[i - 1] == s[i])
		return 0;	/* the run started before */
	for (j = i; j < n && s[j] == s[i]; j++)
		;
	before = i > 0 ? (unsigned char)s[i - 1] : ' ';
	after = j < n ? (unsigned char)s[j] : ' ';
	left = !is_ws(after) && (!is_punct(after) || is_ws(before) ||
	    is_punct(before));
	right = !is_ws(before) && (!is_punct(before) || is_ws(after) ||
	    is_punct(after));
	if (s[i] == '_') {
		left = left && (!right || is_punct(before));
		right = right && (!left || is_punct(after));
	}
	if (!left && !right)
		return 0;
	p->kind = INLINE_EMPH;
	p->end = j;
	p->text = p->text_end = j;
	return 1;
}

/* A code span: a run of backticks closed by the next run as long. */
static int
code_at(const char *s, size_t n, size_t i, struct inline_piece *p)
{
	size_t run, k, r, lim;

	if (i > 0 && s[i - 1] == '`')
		return 0;
	for (run = 0; i + run < n && s[i + run] == '`'; run++)
		;
	lim = ahead(n, i, INLINE_AHEAD);
	for (k = i + run; k < lim; k += r > 0 ? r : 1) {
		if (blank_line(s, n, k))
			return 0;
		for (r = 0; k + r < n && s[k + r] == '`'; r++)
			;
		if (r == run)
			break;
	}
	if (k >= lim)
		return 0;
	p->kind = INLINE_CODE;
	p->end = k + run;
	p->text = i + run;
	p->text_end = k;
	if (p->text_end - p->text >= 2 && s[p->text] == ' ' &&
	    s[p->text_end - 1] == ' ') {
		p->text++;
		p->text_end--;
	}
	return 1;
}

/* The offset of the ']' closing the '[' at s[i], or 0. */
static size_t
bracket_close(const char *s, size_t n, size_t i, size_t max)
{
	size_t k, lim;
	int depth;

	lim = ahead(n, i, max);
	for (depth = 0, k = i; k < lim; k++) {
		if (s[k] == '\\' && k + 1 < lim) {
			k++;
			continue;
		}
		if (blank_line(s, n, k))
			return 0;
		if (s[k] == '[')
			depth++;
		else if (s[k] == ']' && --depth == 0)
			return k;
	}
	return 0;
}

/*
 * The end of a destination starting at s[i] (<...> or a run with
 * balanced parentheses) up to lim, setting *de to where its text ends;
 * 0 when there is none.
 */
static size_t
dest_end(const char *s, size_t i, size_t lim, size_t *de)
{
	size_t k, depth;

	if (i < lim && s[i] == '<') {
		for (k = i + 1; k < lim && s[k] != '>'; k++)
			if (s[k] == '\n' || s[k] == '\r' || s[k] == '<')
				return 0;
			else if (s[k] == '\\' && k + 1 < lim)
				k++;
		*de = k;
		return k < lim ? k + 1 : 0;
	}
	for (k = i, depth = 0; k < lim; k++) {
		if ((unsigned char)s[k] <= ' ' || s[k] == 0x7f)
			break;
		if (s[k] == '\\' && k + 1 < lim && is_punct((unsigned char)s[k + 1]))
			k++;
		else if (s[k] == '(' && ++depth > INLINE_DEST_DEPTH)
			return 0;
		else if (s[k] == ')' && depth == 0)
			break;
		else if (s[k] == ')')
			depth--;
	}
	*de = k;
	return k < lim && depth == 0 ? k : 0;
}

/* The end of a link title ("t", 't' or (t)) starting at s[i], or 0. */
static size_t
title_end(const char *s, size_t n, size_t i, size_t lim)
{
	size_t k;
	char close;

	if (i >= lim || (s[i] != '"' && s[i] != '\'' && s[i] != '('))
		return 0;
	close = s[i] == '(' ? ')' : s[i];
	for (k = i + 1; k < lim && s[k] != close; k++) {
		if (s[k] == '\\' && k + 1 < lim)
			k++;
		else if ((s[i] == '(' && s[k] == '(') || blank_line(s, n, k))
			return 0;
	}
	return k < lim ? k + 1 : 0;
}

/*
 * The end of an inline destination "(dest "title")" after the ']' at
 * s[j], setting p's destination; 0 when there is none.
 */
static size_t
paren_end(const char *s, size_t n, size_t j, struct inline_piece *p)
{
	size_t k, t, d, de, lim;

	lim = ahead(n, j, INLINE_AHEAD);
	if (j + 1 >= n || s[j + 1] != '(')
		return 0;
	k = skip_ws(s, n, j + 2, lim);
	d = de = k;
	if (k < lim && s[k] != ')') {
		if ((t = dest_end(s, k, lim, &de)) == 0)
			return 0;
		d = k + (s[k] == '<');
		k = t;
	}
	t = skip_ws(s, n, k, lim);
	if (t > k && (k = title_end(s, n, t, lim)) > 0)
		t = skip_ws(s, n, k, lim);
	if (t >= lim || s[t] != ')')
		return 0;
	p->dest = d;
	p->dest_end = de;
	return t + 1;
}

/*
 * What follows the ']' at s[j] closing a link's text: "(dest title)"
 * or a label "[x]"; set p's destination and return the end of the
 * link, or j + 1 for a shortcut "[text]".
 */
static size_t
tail_end(const char *s, size_t n, size_t j, struct inline_piece *p)
{
	size_t t;

	if ((t = paren_end(s, n, j, p)) > 0)
		return t;
	p->ref = 1;
	p->dest = p->dest_end = j + 1;
	if (j + 1 < n && s[j + 1] == '[' && (t = bracket_close(s, n, j + 1,
	    LABEL_MAX + 2)) > 0 && memchr(s + j + 2, '[', t - j - 2) == NULL) {
		p->dest = j + 2;
		p->dest_end = t;
		return t + 1;
	}
	return j + 1;
}

/* A link [text](dest) or image ![alt](dest), or one with a label. */
static int
link_at(const char *s, size_t n, size_t i, struct inline_piece *p)
{
	size_t b, j;

	b = i + (s[i] == '!');
	if (b >= n || s[b] != '[' || (j = bracket_close(s, n, b,
	    INLINE_TEXT_MAX)) == 0)
		return 0;
	p->kind = s[i] == '!' ? INLINE_IMAGE : INLINE_LINK;
	p->text = b + 1;
	p->text_end = j;
	p->end = tail_end(s, n, j, p);
	return 1;
}

/* The end of an autolink "<scheme:...>" whose scheme starts at s[i], or 0. */
static size_t
autolink_end(const char *s, size_t n, size_t i)
{
	size_t k, lim;

	lim = ahead(n, i, INLINE_AHEAD);
	if (i >= lim || !ascii_isalpha((unsigned char)s[i]))
		return 0;
	for (k = i + 1; k < lim && k - i <= SCHEME_MAX && (ascii_isalnum(
	    (unsigned char)s[k]) || s[k] == '+' || s[k] == '.' ||
	    s[k] == '-'); k++)
		;
	if (k - i < 2 || k - i > SCHEME_MAX || k >= lim || s[k] != ':')
		return 0;
	for (k++; k < lim && s[k] != '>'; k++)
		if ((unsigned char)s[k] <= ' ' || s[k] == '<')
			return 0;
	return k < lim ? k + 1 : 0;
}

/* The end of an email autolink "<a@b.c>" starting at s[i], or 0. */
static size_t
email_end(const char *s, size_t n, size_t i)
{
	size_t k, lim, label;

	lim = ahead(n, i, INLINE_AHEAD);
	for (k = i; k < lim && (ascii_isalnum((unsigned char)s[k]) ||
	    (s[k] != '@' && s[k] != '<' && s[k] != '>' && s[k] != '[' &&
	    s[k] != ']' && s[k] != '\\' && s[k] != '"' && s[k] != ',' &&
	    s[k] != ';' && s[k] != ':' && s[k] != '(' && s[k] != ')' &&
	    is_punct((unsigned char)s[k]))); k++)
		;
	if (k == i || k >= lim || s[k] != '@')
		return 0;
	for (k++, label = 0; k < lim && s[k] != '>'; k++) {
		if (s[k] == '.' && label > 0 && s[k - 1] != '-')
			label = 0;
		else if ((ascii_isalnum((unsigned char)s[k]) || (s[k] == '-' &&
		    label > 0)) && ++label <= 63)
			continue;
		else
			return 0;
	}
	return k < lim && label > 0 && s[k - 1] != '-' ? k + 1 : 0;
}

/* The end of a tag's attributes (and of the tag) from s[i], or 0. */
static size_t
attrs_end(const char *s, size_t n, size_t i, size_t lim)
{
	size_t k, v;

	for (k = i;;) {
		v = skip_ws(s, n, k, lim);
		if (v < lim && s[v] == '/' && v + 1 < lim && s[v + 1] == '>')
			return v + 2;
		if (v < lim && s[v] == '>')
			return v + 1;
		if (v == k || v >= lim || !(ascii_isalpha((unsigned char)s[v]) ||
		    s[v] == '_' || s[v] == ':'))
			return 0;
		for (k = v + 1; k < lim && (ascii_isalnum((unsigned char)s[k]) ||
		    s[k] == '_' || s[k] == '.' || s[k] == ':' || s[k] == '-'); k++)
			;
		v = skip_ws(s, n, k, lim);
		if (v >= lim || s[v] != '=')
			continue;
		v = skip_ws(s, n, v + 1, lim);
		if (v < lim && (s[v] == '"' || s[v] == '\'')) {
			for (k = v + 1; k < lim && s[k] != s[v]; k++)
				if (blank_line(s, n, k))
					return 0;
			if (k++ >= lim)
				return 0;
			continue;
		}
		for (k = v; k < lim && !is_ws((unsigned char)s[k]) &&
		    strchr("\"'=<>`", s[k]) == NULL; k++)
			;
		if (k == v)
			return 0;
	}
}

/*
 * The end of an open or closing tag whose name starts at s[i] (after
 * "<" or "</"), setting *ne to the end of the name; 0 when none.
 */
static size_t
tag_end(const char *s, size_t n, size_t i, size_t *ne)
{
	size_t k, lim;

	lim = ahead(n, i, INLINE_AHEAD);
	if (i >= lim || !ascii_isalpha((unsigned char)s[i]))
		return 0;
	for (k = i + 1; k < lim && (ascii_isalnum((unsigned char)s[k]) ||
	    s[k] == '-'); k++)
		;
	*ne = k;
	if (s[i - 1] != '/')
		return attrs_end(s, n, k, lim);
	k = skip_ws(s, n, k, lim);
	return k < lim && s[k] == '>' ? k + 1 : 0;
}

/* The end of a comment, processing instruction, declaration or CDATA at s[i]. */
static size_t
special_end(const char *s, size_t n, size_t i)
{
	const char *close;
	size_t k, lim;

	lim = ahead(n, i, INLINE_AHEAD);
	if (lim - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
		/* CommonMark 0.30: no text starting > or ->, no "--" in it */
		if ((i + 4 < lim && s[i + 4] == '>') || (i + 5 < lim &&
		    s[i + 4] == '-' && s[i + 5] == '>'))
			return 0;
		for (k = i + 4; k + 1 < lim; k++)
			if (s[k] == '-' && s[k + 1] == '-')
				return k + 2 < lim && s[k + 2] == '>' ? k + 3 : 0;
		return 0;
	}
	if (lim - i >= 9 && memcmp(s + i, "<![CDATA[", 9) == 0)
		close = "]]>";
	else if (lim - i >= 2 && s[i + 1] == '?')
		close = "?>";
	else if (lim - i >= 3 && s[i + 1] == '!' &&
	    ascii_isalpha((unsigned char)s[i + 2]))
		close = ">";
	else
		return 0;
	for (k = i + 2; k + strlen(close) <= lim; k++) {
		if (blank_line(s, n, k))
			return 0;
		if (memcmp(s + k, close, strlen(close)) == 0)
			return k + strlen(close);
	}
	return 0;
}

size_t
inline_comment_end(const char *s, size_t n, size_t i)
{
	size_t k;

	for (k = i; k + 2 < n; k++)
		if (s[k] == '-' && s[k + 1] == '-' && s[k + 2] == '>')
			return k + 3;
	return 0;
}

/* An autolink or an HTML tag at s[i], '<'. */
static int
angle_at(const char *s, size_t n, size_t i, struct inline_piece *p)
{
	size_t e, ne;

	p->text = p->text_end = i + 1;
	if ((e = autolink_end(s, n, i + 1)) > 0 || (e = email_end(s, n,
	    i + 1)) > 0) {
		p->kind = INLINE_AUTOLINK;
		p->text_end = e - 1;
		p->end = e;
		return 1;
	}
	ne = i + 1;
	e = i + 1 < n && s[i + 1] == '/' ? tag_end(s, n, i + 2, &ne) :
	    tag_end(s, n, i + 1, &ne);
	if (e == 0)
		e = special_end(s, n, i);
	if (e == 0)
		return 0;
	p->kind = INLINE_TAG;
	p->dest = i + 1 + (s[i + 1] == '/');
	p->dest_end = ne;
	p->end = e;
	p->text = p->text_end = e;
	return 1;
}

/* An entity: &name;, &#digits; or &#xhex;. */
static int
entity_at(const char *s, size_t n, size_t i, struct inline_piece *p)
{
	size_t k, lim, max;
	int hex;

	hex = i + 2 < n && s[i + 1] == '#' && (s[i + 2] == 'x' ||
	    s[i + 2] == 'X');
	k = i + 1 + (i + 1 < n && s[i + 1] == '#') + hex;
	max = hex ? 6 : k > i + 1 ? 7 : ENTITY_NAME_MAX;
	lim = ahead(n, k, max);
	if (k == i + 1 && (k >= n || !ascii_isalpha((unsigned char)s[k])))
		return 0;
	while (k < lim && (k == i + 1 ? ascii_isalpha((unsigned char)s[k]) :
	    hex ? is_xdigit((unsigned char)s[k]) : s[i + 1] == '#' ?
	    ascii_isdigit((unsigned char)s[k]) :
	    ascii_isalnum((unsigned char)s[k])))
		k++;
	if (k >= n || s[k] != ';' || s[k - 1] == '#' || (hex &&
	    s[k - 1] == s[i + 2]) || (s[i + 1] != '#' && k - i - 1 < 2))
		return 0;
	p->kind = INLINE_ENTITY;
	p->end = k + 1;
	p->text = i;
	p->text_end = k + 1;
	return 1;
}

int
inline_at(const char *s, size_t n, size_t i, struct inline_piece *p)
{
	if (i >= n)
		return 0;
	memset(p, 0, sizeof(*p));
	p->start = i;
	switch (s[i]) {
	case '\\':
		return escape_at(s, n, i, p);
	case '*':
	case '_':
		return emph_at(s, n, i, p);
	case '`':
		return code_at(s, n, i, p);
	case '[':
	case '!':
		return link_at(s, n, i, p);
	case '<':
		return angle_at(s, n, i, p);
	case '&':
		return entity_at(s, n, i, p);
	default:
		return 0;
	}
}
