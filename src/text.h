/*
 * text.h: text folded for matching (heading names, file names, later
 * license texts) and words counted, over buffers of any bytes.
 *
 * Input is UTF-8; an invalid sequence reads as U+FFFD (a punctuation
 * mark here), so output is always valid UTF-8.
 */
#ifndef EC_TEXT_H
#define EC_TEXT_H

#include <stddef.h>
#include <stdint.h>

struct strbuf;

/* What a code point is to a reader. */
enum text_class {
	TEXT_CP_WORD,	/* a letter or digit of any script */
	TEXT_CP_IDEO,	/* a CJK ideograph or kana: a word by itself */
	TEXT_CP_SPACE,	/* separates words */
	TEXT_CP_PUNCT,	/* punctuation, symbols, pictographs */
	TEXT_CP_DROP	/* invisible: joiners, variation selectors */
};

/* text_normalise() flags; 0 is the plain folding. */
#define TEXT_SHORTCODES	0x1	/* drop GitHub emoji shortcodes (":rocket:") */

/* Classify a code point (letters and marks of every script are words). */
enum text_class text_class(uint32_t);

/*
 * Append to out the n bytes of s folded for matching: ASCII lowercased,
 * punctuation, symbols and pictographs turned into spaces (letters of
 * any script and digits kept), invisible code points dropped, runs of
 * spaces collapsed to one, trimmed. With TEXT_SHORTCODES, GitHub emoji
 * shortcodes standing apart (":+1:", not "std::x::y") are spaces too.
 */
void	 text_normalise(const char *, size_t, unsigned, struct strbuf *);

/*
 * A word counter over text given in pieces. A word is a run of
 * non-space code points holding a letter or digit; each CJK ideograph
 * or kana is a word by itself. Zero it to start; set in_word to 0 where
 * the text breaks between pieces without a space (a new paragraph).
 */
struct text_words {
	int	 in_word;	/* the piece so far ended inside a counted word */
};

/* Words that start in s[0, n); a word running on from before is not new. */
size_t	 text_count_words(struct text_words *, const char *, size_t);

/* The start of the line after the one at s, or end. */
const char *text_next_line(const char *, const char *);

/* A hash of the bytes s[0, n) (FNV-1a), for the tables of names. */
uint32_t text_hash(const char *, size_t);

/* The 1-based line of text that byte off of it is on. */
int	 text_line_of(const char *, size_t);

/*
 * Whether the last component of path ends in "." and one of exts
 * (NULL-terminated), compared without case; a name that starts with its
 * only dot (".profile") has no extension.
 */
int	 text_has_extension(const char *, const char *const *);

#endif
