/* prose.c: the prose of a document, and passages of clues in it. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "read/markdown.h"
#include "read/prose.h"
#include "read/inline.h"
#include "strbuf.h"
#include "xalloc.h"

static size_t	 line_end(const char *, size_t, size_t);
static size_t	 blank_inline(char *, size_t, size_t, int *);
static size_t	 blank_piece(char *, const struct inline_piece *);
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
 * *comment when one runs past the line), code spans, tags, autolinks,
 * link destinations and URLs; the pieces of inline markup are
 * inline_at()'s. Returns e.
 */
static size_t
blank_inline(char *s, size_t i, size_t e, int *comment)
{
	struct inline_piece p;
	size_t k;

	while (i < e) {
		if (*comment) {
			k = inline_comment_end(s, e, i);
			memset(s + i, ' ', (k == 0 ? e : k) - i);
			*comment = k == 0;
			i = k == 0 ? e : k;
		} else if (inline_at(s, e, i, &p))
			i = blank_piece(s, &p);
		else if (e - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
			*comment = 1;
			memset(s + i, ' ', 4);
			i += 4;
		} else if ((e - i >= 7 && memcmp(s + i, "http://", 7) == 0) ||
		    (e - i >= 8 && memcmp(s + i, "https://", 8) == 0)) {
			for (k = i; k < e && s[k] != ' ' && s[k] != '\t' &&
			    s[k] != ')' && s[k] != '>' && s[k] != '"' &&
			    s[k] != '\''; k++)
				;
			memset(s + i, ' ', k - i);
			i = k;
		} else
			i++;
	}
	return e;
}

/*
 * Blank what of a piece of inline markup is not prose: all of a code
 * span, tag or autolink, the destination of a link or image (whose
 * text is read on). Returns where to read on.
 */
static size_t
blank_piece(char *s, const struct inline_piece *p)
{
	switch (p->kind) {
	case INLINE_CODE:
	case INLINE_TAG:
	case INLINE_AUTOLINK:
		memset(s + p->start, ' ', p->end - p->start);
		return p->end;
	case INLINE_LINK:
	case INLINE_IMAGE:
		if (!p->ref)
			memset(s + p->text_end + 1, ' ', p->end -
			    p->text_end - 1);
		return p->text;
	default:
		return p->end;
	}
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
