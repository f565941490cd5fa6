/* prose.c: the prose of a document, and passages of clues in it. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "markdown.h"
#include "prose.h"
#include "strbuf.h"
#include "xalloc.h"

#define LINK_PAREN_DEPTH 32	/* nested parentheses in a destination */
#define SPAN_AHEAD	4096	/* bytes searched for the end of a span */

static size_t	 line_end(const char *, size_t, size_t);
static size_t	 blank_inline(char *, size_t, size_t, int *);
static int	 hit_cmp(const void *, const void *);

/* The offset of the end of the line starting at i (its terminator). */
static size_t
line_end(const char *s, size_t len, size_t i)
{
	while (i < len && s[i] != '\n' && s[i] != '\r')
		i++;
	return i;
}

/*
 * Blank what is not prose in the line [i, e) of s: comments (setting
 * *comment when one runs past the line), code spans, tags, link
 * destinations and URLs. Returns e.
 */
static size_t
blank_inline(char *s, size_t i, size_t e, int *comment)
{
	const char *p;
	size_t k, run, lim, depth;

	while (i < e) {
		if (*comment) {
			p = NULL;
			for (k = i; k + 2 < e + 0 && p == NULL; k++)
				if (s[k] == '-' && s[k + 1] == '-' &&
				    s[k + 2] == '>')
					p = s + k;
			if (p == NULL) {
				memset(s + i, ' ', e - i);
				return e;
			}
			k = (size_t)(p - s) + 3;
			memset(s + i, ' ', k - i);
			*comment = 0;
			i = k;
			continue;
		}
		if (e - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
			*comment = 1;
			memset(s + i, ' ', 4);
			i += 4;
			continue;
		}
		if (s[i] == '`') {
			for (run = 0; i + run < e && s[i + run] == '`'; run++)
				;
			lim = e - i > SPAN_AHEAD ? i + SPAN_AHEAD : e;
			for (k = i + run; k < lim; k++) {
				if (s[k] != '`')
					continue;
				if (k + run <= e && memcmp(s + k, s + i, run) == 0 &&
				    (k + run == e || s[k + run] != '`'))
					break;
				while (k < lim && s[k] == '`')
					k++;
			}
			if (k < lim) {
				memset(s + i, ' ', k + run - i);
				i = k + run;
			} else
				i += run;
			continue;
		}
		if (s[i] == ']' && i + 1 < e && s[i + 1] == '(') {
			/*
			 * Parentheses nest at most LINK_PAREN_DEPTH deep in a
			 * destination (as cmark has it): deeper is no link. So
			 * a scan passes at most that many later starts, and a
			 * line of "](" runs is blanked in linear time.
			 */
			depth = 0;
			for (k = i + 1; k < e; k++) {
				if (s[k] == '(' && ++depth > LINK_PAREN_DEPTH) {
					k = e;
					break;
				}
				if (s[k] == ')' && --depth == 0)
					break;
			}
			if (k < e) {
				memset(s + i + 1, ' ', k + 1 - (i + 1));
				i = k + 1;
				continue;
			}
		}
		if (s[i] == '<' && i + 1 < e && (s[i + 1] == '/' ||
		    (s[i + 1] >= 'a' && s[i + 1] <= 'z') ||
		    (s[i + 1] >= 'A' && s[i + 1] <= 'Z'))) {
			lim = e - i > SPAN_AHEAD ? i + SPAN_AHEAD : e;
			for (k = i + 1; k < lim && s[k] != '>' && s[k] != '<';
			    k++)
				;
			if (k < lim && s[k] == '>') {
				memset(s + i, ' ', k + 1 - i);
				i = k + 1;
				continue;
			}
		}
		if ((e - i >= 7 && memcmp(s + i, "http://", 7) == 0) ||
		    (e - i >= 8 && memcmp(s + i, "https://", 8) == 0)) {
			for (k = i; k < e && s[k] != ' ' && s[k] != '\t' &&
			    s[k] != ')' && s[k] != '>' && s[k] != '"' &&
			    s[k] != '\''; k++)
				;
			memset(s + i, ' ', k - i);
			i = k;
			continue;
		}
		i++;
	}
	return e;
}

void
prose_blank(const char *buf, size_t len, const struct md_doc *doc,
    struct strbuf *out)
{
	size_t i, e;
	int comment, line, *kind;
	char *s;

	strbuf_reset(out);
	strbuf_add(out, buf, len);
	s = out->buf;
	for (i = 0, line = 1; i < len; i++)
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == len ||
		    s[i + 1] != '\n')))
			line++;
	kind = md_line_blocks(doc, line);
	comment = 0;
	for (i = 0, line = 1; i < len; line++) {
		e = line_end(s, len, i);
		if (kind[line] != 0)
			memset(s + i, ' ', e - i);
		else
			blank_inline(s, i, e, &comment);
		i = e + (e + 1 < len && s[e] == '\r' && s[e + 1] == '\n' ?
		    2 : 1);
	}
	free(kind);
}

size_t *
prose_line_starts(const char *s, size_t len, size_t *n)
{
	size_t *v, alloc, i;

	alloc = 64;
	v = xcalloc(alloc, sizeof(*v));
	*n = 1;
	v[0] = 0;
	for (i = 0; i < len; i++) {
		if (s[i] != '\n' && s[i] != '\r')
			continue;
		if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
			i++;
		if (*n == alloc) {
			alloc *= 2;
			v = xreallocarray(v, alloc, sizeof(*v));
		}
		v[(*n)++] = i + 1;
	}
	return v;
}

int
prose_line_of(const size_t *starts, size_t n, size_t off)
{
	size_t lo, hi, mid;

	lo = 0;
	hi = n;
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (starts[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return (int)lo + 1;
}

static int
hit_cmp(const void *a, const void *b)
{
	const struct prose_hit *x = a, *y = b;

	if (x->chunk != y->chunk)
		return x->chunk < y->chunk ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	return 0;
}

size_t
prose_best(struct prose_hit *h, size_t n, int span, size_t *first,
    size_t *count)
{
	uint64_t seen;
	size_t i, j, d, best;

	*first = 0;
	*count = 0;
	if (n == 0)
		return 0;
	qsort(h, n, sizeof(*h), hit_cmp);
	best = 0;
	for (i = 0; i < n; i++) {
		seen = 0;
		d = 0;
		for (j = i; j < n && h[j].chunk == h[i].chunk &&
		    h[j].line - h[i].line < span; j++) {
			if (h[j].clue >= PROSE_MAX_CLUES)
				continue;
			if (!(seen & ((uint64_t)1 << h[j].clue)))
				d++;
			seen |= (uint64_t)1 << h[j].clue;
		}
		if (d > best) {
			best = d;
			*first = i;
			*count = j - i;
		}
	}
	return best;
}
