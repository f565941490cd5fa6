/* trailer.c: the trailers of a commit message, as git's trailer.c finds them */
#include "config.h"

#include <string.h>

#include "ascii.h"
#include "text.h"
#include "trailer.h"

#define COMMENT_CHAR	'#'

static int	 blank_line(const char *, const char *);
static long	 last_line(const char *, long);
static long	 find_separator(const char *, const char *);
static size_t	 locate_cut(const char *, size_t);
static size_t	 block_end(const char *, size_t);
static size_t	 block_start(const char *, size_t);
static const char *message_start(const char *, size_t, const char **);
static int	 emit(const char *, const char *, trailer_fn, void *);

/* Only whitespace up to the end of the line? */
static int
blank_line(const char *s, const char *end)
{
	while (s < end && *s != '\n' && ascii_isspace((unsigned char)*s))
		s++;
	return s == end || *s == '\n';
}

/* The start of the last line of buf[0, len), -1 when len is 0. */
static long
last_line(const char *buf, long len)
{
	long i;

	if (len <= 0)
		return -1;
	if (len == 1)
		return 0;
	for (i = len - 2; i >= 0; i--)
		if (buf[i] == '\n')
			return i + 1;
	return 0;
}

/*
 * trailer.c's find_separator() with ":" as the only separator: the
 * offset of ':' after a token of letters, digits and '-', optionally
 * followed by spaces; -1 when the line is no such thing.
 */
static long
find_separator(const char *line, const char *end)
{
	const char *c;
	int ws;

	ws = 0;
	for (c = line; c < end && *c != '\0'; c++) {
		if (*c == ':')
			return c - line;
		if (!ws && (ascii_isalnum((unsigned char)*c) || *c == '-'))
			continue;
		if (c != line && (*c == ' ' || *c == '\t')) {
			ws = 1;
			continue;
		}
		break;
	}
	return -1;
}

/* wt_status_locate_end(): where a "# --- >8 ---" cut line starts. */
static size_t
locate_cut(const char *s, size_t len)
{
	static const char cut[] =
	    "\n# ------------------------ >8 ------------------------\n";
	size_t n, i;

	n = sizeof(cut) - 1;
	if (len >= n - 1 && memcmp(s, cut + 1, n - 1) == 0)
		return 0;
	for (i = 0; i + n <= len; i++)
		if (s[i] == '\n' && memcmp(s + i, cut, n) == 0)
			return i + 1;
	return len;
}

/*
 * commit.c's ignore_non_trailer(): the end of the message without the
 * trailing comments, blank lines and an old "Conflicts:" block.
 */
static size_t
block_end(const char *buf, size_t len)
{
	const char *nl;
	size_t boc, bol, cutoff, next;
	int conflicts;

	boc = bol = 0;
	conflicts = 0;
	cutoff = locate_cut(buf, len);
	while (bol < cutoff) {
		nl = memchr(buf + bol, '\n', len - bol);
		next = nl == NULL ? len : (size_t)(nl - buf) + 1;
		if (buf[bol] == COMMENT_CHAR || buf[bol] == '\n') {
			if (boc == 0)
				boc = bol;
		} else if (span_has_prefix(buf + bol, buf + len, "Conflicts:\n")) {
			conflicts = 1;
			if (boc == 0)
				boc = bol;
		} else if (conflicts && buf[bol] == '\t') {
			;
		} else if (boc != 0) {
			boc = 0;
			conflicts = 0;
		}
		bol = next;
	}
	return boc != 0 ? boc : cutoff;
}

/*
 * trailer.c's find_trailer_start(): the last paragraph after the title
 * is the trailer block if it is all trailers, or holds a git-generated
 * one and at least 25% trailers. Returns len when there is none.
 */
static size_t
block_start(const char *buf, size_t len)
{
	const char *s, *bol, *end;
	long l, eot, sep;
	int only_spaces, recognized, trailers, others, cont;

	end = buf + len;
	for (s = buf; s < end; s = text_next_line(s, end)) {
		if (s[0] == COMMENT_CHAR)
			continue;
		if (blank_line(s, end))
			break;
	}
	eot = s - buf;
	only_spaces = 1;
	recognized = trailers = others = cont = 0;
	for (l = last_line(buf, (long)len); l >= eot; l = last_line(buf, l)) {
		bol = buf + l;
		if (bol[0] == COMMENT_CHAR) {
			others += cont;
			cont = 0;
			continue;
		}
		if (blank_line(bol, end)) {
			if (only_spaces)
				continue;
			others += cont;
			if (recognized && trailers * 3 >= others)
				return (size_t)(text_next_line(bol, end) - buf);
			if (trailers && !others)
				return (size_t)(text_next_line(bol, end) - buf);
			return len;
		}
		only_spaces = 0;
		if (span_has_prefix(bol, end, "Signed-off-by: ") ||
		    span_has_prefix(bol, end, "(cherry picked from commit ")) {
			trailers++;
			cont = 0;
			recognized = 1;
			continue;
		}
		sep = find_separator(bol, end);
		if (sep >= 1 && !ascii_isspace((unsigned char)bol[0])) {
			trailers++;
			cont = 0;
		} else if (ascii_isspace((unsigned char)bol[0]))
			cont++;
		else {
			others += 1 + cont;
			cont = 0;
		}
	}
	return len;
}

/*
 * Where the message proper starts: after leading blank lines; *end is
 * cut at the first NUL.
 */
static const char *
message_start(const char *msg, size_t len, const char **end)
{
	const char *p, *nul;

	*end = msg + len;
	if ((nul = memchr(msg, '\0', len)) != NULL)
		*end = nul;
	p = msg;
	while (p < *end && blank_line(p, *end))
		p = text_next_line(p, *end);
	return p;
}

void
trailer_block(const char *msg, size_t len, size_t *start, size_t *end)
{
	const char *p, *e;
	size_t te;

	p = message_start(msg, len, &e);
	te = block_end(p, (size_t)(e - p));
	*start = (size_t)(p - msg) + block_start(p, te);
	*end = (size_t)(p - msg) + te;
}

/* Hand one trailer [s, e) (continuation lines included) to fn. */
static int
emit(const char *s, const char *e, trailer_fn fn, void *arg)
{
	struct trailer t;
	const char *te, *v, *ve;
	long sep;

	sep = find_separator(s, e);
	te = s + sep;
	while (te > s && ascii_isspace((unsigned char)te[-1]))
		te--;
	v = s + sep + 1;
	ve = e;
	while (v < ve && ascii_isspace((unsigned char)*v))
		v++;
	while (ve > v && ascii_isspace((unsigned char)ve[-1]))
		ve--;
	t.key = s;
	t.keylen = (size_t)(te - s);
	t.value = v;
	t.valuelen = (size_t)(ve - v);
	return fn(&t, arg);
}

int
trailer_each(const char *msg, size_t len, trailer_fn fn, void *arg)
{
	const char *s, *e, *cur, *curend, *tend;
	size_t ts, te;
	int rc;

	trailer_block(msg, len, &ts, &te);
	tend = msg + te;
	cur = curend = NULL;
	for (s = msg + ts; s < tend; s = e) {
		e = text_next_line(s, tend);
		if (cur != NULL && ascii_isspace((unsigned char)s[0])) {
			curend = e;
			continue;
		}
		if (cur != NULL && (rc = emit(cur, curend, fn, arg)) != 0)
			return rc;
		cur = find_separator(s, e) >= 1 ? s : NULL;
		curend = e;
	}
	if (cur != NULL)
		return emit(cur, curend, fn, arg);
	return 0;
}

int
trailer_coauthor(const struct trailer *t, struct trailer_ident *id)
{
	if (t->keylen != 14 || !ascii_eq_lower(t->key, "co-authored-by", 14))
		return 0;
	return trailer_split_ident(t->value, t->valuelen, id) == 0;
}

int
trailer_split_ident(const char *s, size_t n, struct trailer_ident *id)
{
	const char *lt, *gt, *ne;

	if ((lt = memchr(s, '<', n)) == NULL)
		return -1;
	for (ne = lt; ne > s && ascii_isspace((unsigned char)ne[-1]); ne--)
		;
	if ((gt = memchr(lt + 1, '>', n - (size_t)(lt + 1 - s))) == NULL)
		return -1;
	id->name = s;
	id->namelen = (size_t)(ne - s);
	id->email = lt + 1;
	id->emaillen = (size_t)(gt - (lt + 1));
	return 0;
}
