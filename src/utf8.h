/*
 * utf8.h: UTF-8 text, decoded and checked in one place: the JSON writer,
 * the Markdown reader, the text report and error messages all use it.
 */
#ifndef EC_UTF8_H
#define EC_UTF8_H

#include <stddef.h>
#include <stdint.h>

struct strbuf;

/*
 * Decode the code point at s (n bytes left, n >= 1); *used gets its
 * length. An invalid sequence reads as U+FFFD of one byte.
 */
uint32_t utf8_next(const char *, size_t, size_t *);
/* Append the encoding of a code point (U+FFFD for one that is not). */
void	 utf8_put(struct strbuf *, uint32_t);
/* Length of the valid sequence at s, or 0 when it is not valid. */
size_t	 utf8_len(const char *, size_t);
/*
 * Append text that came from a repository so that it can neither break
 * a line nor drive a terminal: C0 and C1 control characters, DEL, U+2028
 * and U+2029, and the bidirectional controls U+202A to U+202E and U+2066
 * to U+2069 become '?'; invalid UTF-8 becomes U+FFFD. Everything from a
 * repository that is printed for people goes through it.
 */
void	 strbuf_add_printable(struct strbuf *, const char *, size_t);
/*
 * The columns n bytes of printable text take on a terminal: 2 for a
 * wide (East Asian, emoji) character, 0 for a combining mark or a
 * zero-width character, 1 for the rest (an invalid byte prints as
 * U+FFFD, one column). Independent of the locale, so that a report is
 * laid out the same everywhere.
 */
size_t	 utf8_width(const char *, size_t);

#endif
