/*
 * prose.h: the prose of a Markdown (or reST) text, for rules that look
 * for what a document says in its sentences rather than in its headings.
 *
 * prose_blank() copies a text with everything that is not prose turned
 * into spaces: the code blocks its reader found (cmark for Markdown),
 * HTML comments and tags, inline code spans, link destinations and bare
 * URLs. The copy has the same length and
 * keeps every line end, so offsets and line numbers are those of the
 * original.
 *
 * prose_best() judges "clues" found in that copy: a clue is one of the
 * patterns a rule gives for a subject, a hit is where one matched. A
 * passage is a run of lines under one heading (a chunk) spanning at most
 * span lines; the best passage is the one with the most distinct clues.
 */
#ifndef EC_PROSE_H
#define EC_PROSE_H

#include <stddef.h>

struct md_doc;
struct strbuf;

#define PROSE_MAX_CLUES	64	/* distinct clues a subject may have */

struct prose_hit {
	int	 line;		/* 1-based */
	size_t	 chunk;		/* headings at or before the line */
	size_t	 clue;		/* < PROSE_MAX_CLUES */
	size_t	 off;		/* the match: [off, end) of the text */
	size_t	 end;
};

/*
 * Copy len bytes of buf, parsed into doc, with everything not prose
 * blanked: lines of the code blocks and hidden blocks the reader found
 * (md_doc.blocks), and inline what prose_blank() names above.
 */
void	 prose_blank(const char *, size_t, const struct md_doc *,
	    struct strbuf *);
/*
 * The offsets at which the lines of a text start (LF, CRLF and CR end a
 * line, as CommonMark counts them); *n gets their number. Free it.
 */
size_t	*prose_line_starts(const char *, size_t, size_t *);
/* The 1-based line of offset off, by those starts. */
int	 prose_line_of(const size_t *, size_t, size_t);
/*
 * Sort hits by chunk and line and find the passage with the most distinct
 * clues (the earliest of equals). Returns that number (0 when n is 0) and
 * sets *first and *count to the passage's hits in the sorted array.
 */
size_t	 prose_best(struct prose_hit *, size_t, int, size_t *, size_t *);

#endif
