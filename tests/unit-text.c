/* unit-text.c: text folded for matching and words counted, on buffers */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "tap.h"
#include "text.h"

#define NWANT(a)	(sizeof(a) / sizeof((a)[0]))

static int	 valid_utf8(const char *, size_t);
static char	*norm(const char *, size_t, unsigned);
static size_t	 words(const char *);

static void	 test_class(void);
static void	 test_normalise(void);
static void	 test_plain(void);
static void	 test_bytes(void);
static void	 test_long_runs(void);
static void	 test_words(void);
static void	 test_words_pieces(void);
static void	 test_line_of(void);

/* Well-formed UTF-8, no surrogates, nothing above U+10FFFF. */
static int
valid_utf8(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, k, len;
	unsigned long cp;

	for (i = 0; i < n; i += len) {
		if (p[i] < 0x80) {
			len = 1;
			continue;
		}
		if (p[i] >= 0xc2 && p[i] <= 0xdf)
			len = 2, cp = p[i] & 0x1f;
		else if (p[i] >= 0xe0 && p[i] <= 0xef)
			len = 3, cp = p[i] & 0x0f;
		else if (p[i] >= 0xf0 && p[i] <= 0xf4)
			len = 4, cp = p[i] & 0x07;
		else
			return 0;
		if (i + len > n)
			return 0;
		for (k = 1; k < len; k++) {
			if ((p[i + k] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (p[i + k] & 0x3f);
		}
		if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
		    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
			return 0;
	}
	return 1;
}

/* text_normalise() of n bytes into a fresh string. */
static char *
norm(const char *s, size_t n, unsigned flags)
{
	struct strbuf sb = STRBUF_INIT;

	text_normalise(s, n, flags, &sb);
	return strbuf_detach(&sb, NULL);
}

/* The words of s, given in one piece. */
static size_t
words(const char *s)
{
	struct text_words wc;

	memset(&wc, 0, sizeof(wc));
	return text_count_words(&wc, s, strlen(s));
}

static void
test_class(void)
{
	is_int(text_class('a'), TEXT_CP_WORD, "class: ASCII letter");
	is_int(text_class('7'), TEXT_CP_WORD, "class: ASCII digit");
	is_int(text_class('\t'), TEXT_CP_SPACE, "class: tab");
	is_int(text_class(0), TEXT_CP_SPACE, "class: NUL is a space");
	is_int(text_class(0x7f), TEXT_CP_SPACE, "class: DEL is a space");
	is_int(text_class('_'), TEXT_CP_PUNCT, "class: underscore");
	is_int(text_class(0xa0), TEXT_CP_SPACE, "class: no-break space");
	is_int(text_class(0xb2), TEXT_CP_WORD, "class: superscript two");
	is_int(text_class(0xd7), TEXT_CP_PUNCT, "class: multiplication sign");
	is_int(text_class(0xe9), TEXT_CP_WORD, "class: e acute");
	is_int(text_class(0x416), TEXT_CP_WORD, "class: Cyrillic letter");
	is_int(text_class(0x2014), TEXT_CP_PUNCT, "class: em dash");
	is_int(text_class(0x201c), TEXT_CP_PUNCT, "class: left double quote");
	is_int(text_class(0x200d), TEXT_CP_DROP, "class: zero-width joiner");
	is_int(text_class(0xfe0f), TEXT_CP_DROP, "class: variation selector");
	is_int(text_class(0x3000), TEXT_CP_SPACE, "class: ideographic space");
	is_int(text_class(0x3002), TEXT_CP_PUNCT, "class: ideographic stop");
	is_int(text_class(0x6f22), TEXT_CP_IDEO, "class: CJK ideograph");
	is_int(text_class(0x30ab), TEXT_CP_IDEO, "class: katakana");
	is_int(text_class(0x1f680), TEXT_CP_PUNCT, "class: rocket");
	is_int(text_class(0xfffd), TEXT_CP_PUNCT, "class: replacement char");
}

/* What Markdown headings are matched by (TEXT_SHORTCODES). */
static void
test_normalise(void)
{
	static const struct {
		const char	*in;
		const char	*out;
	} t[] = {
		{ ":rocket: Quick start", "quick start" },
		{ "Quick:rocket:start", "quick rocket start" },
		{ ":+1: :-1: :1:", "1" },
		{ ":white_check_mark: Done :tada:", "done" },
		{ "  Hello,   WORLD!  ", "hello world" },
		{ "snake_case-and.dots", "snake case and dots" },
		{ "\xe2\x9c\xa8\xef\xb8\x8f Features", "features" },
		{ "A\xe2\x80\x8d" "B", "ab" },
		{ "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd ok", "ok" },
		{ "\xe2\x8c\x9a time", "time" },
		{ "\xe2\xac\x86 up", "up" },
		{ "\xc2\xa9 2024 \xe2\x84\xa2", "2024" },
		{ "na\xc3\xafve \xd0\x9f\xd1\x80\xd0\xb8", "na\xc3\xafve "
		    "\xd0\x9f\xd1\x80\xd0\xb8" },
		{ "bad \xff\xfe bytes \xc3", "bad bytes" },
		{ "", "" },
	};
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < NWANT(t); i++) {
		strbuf_reset(&sb);
		text_normalise(t[i].in, strlen(t[i].in), TEXT_SHORTCODES, &sb);
		is_str(sb.buf, t[i].out, "shortcodes: \"%s\"", t[i].out);
	}
	strbuf_release(&sb);
}

/* Flags 0: the plain folding, shortcodes are words like others. */
static void
test_plain(void)
{
	static const struct {
		const char	*in;
		const char	*out;
	} t[] = {
		{ ":rocket: Quick start", "rocket quick start" },
		{ ":+1:", "1" },
		{ "MIT License", "mit license" },
		{ "\xc3\x89" "COLE \xc3\xa9" "cole", "\xc3\x89" "cole "
		    "\xc3\xa9" "cole" },
		{ "\xe2\x80\x9cQuoted\xe2\x80\x9d \xe2\x80\x94 dash", "quoted dash" },
		{ "tab\there\r\nCRLF", "tab here crlf" },
		{ "\xe6\xbc\xa2\xe5\xad\x97\xe3\x80\x82Kana \xe3\x82\xab",
		    "\xe6\xbc\xa2\xe5\xad\x97 kana \xe3\x82\xab" },
		{ "x\xc2\xb2 \xc3\x97 y", "x\xc2\xb2 y" },
		{ "* bullet\n- item\n# comment", "bullet item comment" },
		{ "!!!", "" },
		{ "   ", "" },
	};
	size_t i;
	char *s;

	for (i = 0; i < NWANT(t); i++) {
		s = norm(t[i].in, strlen(t[i].in), 0);
		is_str(s, t[i].out, "plain: \"%s\"", t[i].out);
		free(s);
	}
}

/* Any bytes in: NUL, invalid UTF-8, empty; always valid UTF-8 out. */
static void
test_bytes(void)
{
	static const char nul[] = "a\0b\0\0C";
	static const char bad[] = "\xff" "caf\xe9 \xc3\x28x \xed\xa0\x80y "
	    "\xf4\x90\x80\x80z \xe2\x82";
	struct strbuf sb = STRBUF_INIT;
	char *s, c;
	int i;

	s = norm(nul, sizeof(nul) - 1, 0);
	is_str(s, "a b c", "bytes: NUL separates words");
	free(s);
	s = norm(bad, sizeof(bad) - 1, 0);
	is_str(s, "caf x y z", "bytes: invalid sequences separate words");
	ok(valid_utf8(s, strlen(s)), "bytes: the result is valid UTF-8");
	free(s);
	s = norm("", 0, TEXT_SHORTCODES);
	is_str(s, "", "bytes: empty input, empty output");
	free(s);
	s = norm("ignored", 0, 0);
	is_str(s, "", "bytes: only n bytes are read");
	free(s);
	s = norm("Ab:cd", 2, TEXT_SHORTCODES);
	is_str(s, "ab", "bytes: a buffer need not be NUL-terminated");
	free(s);

	/* Appending: no separator before the first word. */
	strbuf_addstr(&sb, "pre");
	text_normalise(" -- Word", 8, 0, &sb);
	is_str(sb.buf, "preword", "bytes: appends without a leading space");
	strbuf_release(&sb);

	/* Every single byte. */
	for (i = 0; i < 256; i++) {
		c = (char)i;
		s = norm(&c, 1, TEXT_SHORTCODES);
		if (!valid_utf8(s, strlen(s)) || strlen(s) > 1)
			break;
		free(s);
	}
	ok(i == 256, "bytes: each byte alone gives at most one ASCII byte");
	if (i < 256)
		free(s);
}

static void
test_long_runs(void)
{
	struct strbuf in = STRBUF_INIT;
	char *s;
	int i;

	strbuf_addstr(&in, "a");
	for (i = 0; i < 100000; i++)
		strbuf_addch(&in, "-_.!?*#:"[i % 8]);
	strbuf_addstr(&in, "B");
	s = norm(in.buf, in.len, TEXT_SHORTCODES);
	is_str(s, "a b", "long runs: punctuation folds to one space");
	free(s);

	strbuf_reset(&in);
	for (i = 0; i < 50000; i++)
		strbuf_addstr(&in, ":x");
	s = norm(in.buf, in.len, TEXT_SHORTCODES);
	ok(s[0] == 'x' && strlen(s) == 2 * 50000 - 1,
	    "long runs: colons and letters, no shortcode stands apart");
	free(s);

	strbuf_reset(&in);
	for (i = 0; i < 20000; i++)
		strbuf_addstr(&in, "\xe2\x80\x94\xe2\x80\x8d");
	s = norm(in.buf, in.len, 0);
	is_str(s, "", "long runs: dashes and joiners only: nothing");
	free(s);
	strbuf_release(&in);
}

static void
test_words(void)
{
	static const struct {
		const char	*in;
		size_t		 n;
	} t[] = {
		{ "", 0 },
		{ "   \t\n ", 0 },
		{ "one", 1 },
		{ "one two  three\n", 3 },
		{ "--- * | :: !", 0 },
		{ "well-known x", 2 },
		{ "(see) [1]", 2 },
		{ "-a", 1 },
		{ "2024", 1 },
		{ "caf\xc3\xa9 na\xc3\xafve", 2 },
		{ "\xd0\x9f\xd1\x80\xd0\xb8", 1 },
		{ "a\xc2\xa0" "b", 2 },
		{ "a\xe2\x80\x8d" "b", 1 },
		{ "\xe6\xbc\xa2\xe5\xad\x97", 2 },
		{ "a\xe6\xbc\xa2" "b", 3 },
		{ "\xe3\x80\x82\xe3\x80\x82", 0 },
		{ "ab\xff" "cd \xff", 1 },
		{ "\xf0\x9f\x9a\x80 go", 1 },
	};
	size_t i;

	for (i = 0; i < NWANT(t); i++)
		is_int(words(t[i].in), t[i].n, "words: \"%s\"", t[i].in);
}

/* Pieces: a word cut between two calls counts once, unless reset. */
static void
test_words_pieces(void)
{
	struct text_words wc;
	size_t n;

	memset(&wc, 0, sizeof(wc));
	n = text_count_words(&wc, "hel", 3);
	n += text_count_words(&wc, "lo world", 8);
	is_int(n, 2, "pieces: a word across two pieces counts once");
	ok(wc.in_word, "pieces: ends inside a word");
	wc.in_word = 0;
	n = text_count_words(&wc, "again", 5);
	is_int(n, 1, "pieces: after a reset the next piece starts a word");
	n = text_count_words(&wc, "", 0);
	is_int(n, 0, "pieces: an empty piece counts nothing");
	ok(wc.in_word, "pieces: an empty piece keeps the state");
	n = text_count_words(&wc, " x", 2);
	is_int(n, 1, "pieces: a space ends the word before");
}

/* The line a byte is on: each newline before it counts, not its own. */
static void
test_line_of(void)
{
	static const char text[] = "one\ntwo\n\nfour";

	is_int(text_line_of(text, 0), 1, "line_of: the first byte");
	is_int(text_line_of(text, 3), 1, "line_of: a line's own newline");
	is_int(text_line_of(text, 4), 2, "line_of: after one newline");
	is_int(text_line_of(text, 8), 3, "line_of: an empty line");
	is_int(text_line_of(text, 9), 4, "line_of: the last line");
	is_int(text_line_of(text, sizeof(text) - 1), 4,
	    "line_of: the end of the text");
	is_int(text_line_of("", 0), 1, "line_of: an empty text");
}

int
main(void)
{
	test_class();
	test_normalise();
	test_plain();
	test_bytes();
	test_long_runs();
	test_words();
	test_words_pieces();
	test_line_of();
	return done_testing();
}
