/*
 * wrap.h: text laid out for a terminal of a given width (the text
 * report): lines wrapped at spaces with a hanging indent, and long lists
 * cut. The text must be printable already (utf8.h's
 * strbuf_add_printable()): it holds no newline or tab to count.
 */
#ifndef EC_WRAP_H
#define EC_WRAP_H

#include <stddef.h>

struct strbuf;

/*
 * Append s wrapped to width columns: its first line goes on from column
 * col, each further line starts with indent spaces (and the spaces s
 * begins with, so that an indented line keeps its indent). Lines break
 * only at spaces, the spaces at a break dropped; a word wider than the
 * line gets a line to itself, unbroken. Widths are display widths
 * (utf8_width()). Width 0 appends s as it is. No newline at the end;
 * returns the column the text ends at.
 */
size_t	 wrap_text(struct strbuf *, const char *, size_t, size_t, size_t);

/*
 * Append s with each list in it of more than max items cut to its first
 * keep and "... and N more". A list is what a message lists file names,
 * patterns or ids in: words of no spaces joined by ", " ("looked for A,
 * B, C"), its last item perhaps joined by " or " or " and " (counted
 * with the cut). Anything else is left as it is.
 */
void	 wrap_cut_lists(struct strbuf *, const char *, size_t, size_t);

#endif
