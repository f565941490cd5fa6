/* text.c: text folded for matching and words counted, over plain buffers */
#include "config.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "strbuf.h"
#include "text.h"
#include "utf8.h"

static size_t	 shortcode_end(const char *, size_t, size_t);

enum text_class
text_class(uint32_t c)
{
	if (c < 0x80) {
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9'))
			return TEXT_CP_WORD;
		if (c <= ' ' || c == 0x7f)
			return TEXT_CP_SPACE;
		return TEXT_CP_PUNCT;
	}
	if (c <= 0xa0)
		return TEXT_CP_SPACE;	/* C1 controls, no-break space */
	if (c <= 0xbf)
		return (c == 0xaa || c == 0xb2 || c == 0xb3 || c == 0xb5 ||
		    c == 0xb9 || c == 0xba) ? TEXT_CP_WORD : TEXT_CP_PUNCT;
	if (c == 0xd7 || c == 0xf7)
		return TEXT_CP_PUNCT;
	if (c < 0x2000)
		return TEXT_CP_WORD;
	if (c <= 0x200a || c == 0x2028 || c == 0x2029 || c == 0x202f ||
	    c == 0x205f || c == 0x3000)
		return TEXT_CP_SPACE;
	if ((c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) ||
	    (c >= 0x2060 && c <= 0x206f) || (c >= 0x20d0 && c <= 0x20ff) ||
	    (c >= 0xfe00 && c <= 0xfe0f) || c == 0xfeff ||
	    (c >= 0xe0000 && c <= 0xe007f) || (c >= 0xe0100 && c <= 0xe01ef))
		return TEXT_CP_DROP;
	if (c <= 0x206f || (c >= 0x20a0 && c <= 0x20cf) ||
	    (c >= 0x2100 && c <= 0x214f) || (c >= 0x2190 && c <= 0x2bff) ||
	    (c >= 0x2e00 && c <= 0x2e7f))
		return TEXT_CP_PUNCT;
	if (c >= 0x3001 && c <= 0x303f)
		return (c >= 0x3005 && c <= 0x3007) ? TEXT_CP_IDEO :
		    TEXT_CP_PUNCT;
	if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) ||
	    (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff))
		return TEXT_CP_IDEO;
	if ((c >= 0xfe10 && c <= 0xfe1f) || (c >= 0xfe30 && c <= 0xfe6f) ||
	    (c >= 0xff01 && c <= 0xff0f) || (c >= 0xff1a && c <= 0xff20) ||
	    (c >= 0xff3b && c <= 0xff40) || (c >= 0xff5b && c <= 0xff65) ||
	    (c >= 0xfff0 && c <= 0xffff) || (c >= 0x1f000 && c <= 0x1fbff))
		return TEXT_CP_PUNCT;
	return TEXT_CP_WORD;
}

/*
 * If a GitHub emoji shortcode (":rocket:", ":+1:") starts at s[i], return
 * the offset after it, else 0. It must stand apart: no letter, digit or
 * colon either side ("std::vector::x" and "10:30:00" are not emoji).
 */
static size_t
shortcode_end(const char *s, size_t n, size_t i)
{
	size_t j;
	int letter;

	if (i > 0 && (s[i - 1] == ':' ||
	    text_class((unsigned char)s[i - 1]) == TEXT_CP_WORD))
		return 0;
	letter = 0;
	for (j = i + 1; j < n; j++) {
		if (s[j] >= 'a' && s[j] <= 'z')
			letter = 1;
		else if (!(s[j] >= '0' && s[j] <= '9') && s[j] != '_' &&
		    s[j] != '+' && s[j] != '-')
			break;
	}
	if (j == i + 1 || j >= n || s[j] != ':')
		return 0;
	if (!letter && !(j - i == 3 && (s[i + 1] == '+' || s[i + 1] == '-') &&
	    s[i + 2] == '1'))
		return 0;
	j++;
	if (j < n && (s[j] == ':' ||
	    text_class((unsigned char)s[j]) == TEXT_CP_WORD))
		return 0;
	return j;
}

void
text_normalise(const char *s, size_t n, unsigned flags, struct strbuf *out)
{
	size_t i, used, start, e;
	uint32_t cp;
	int space;

	start = out->len;
	space = 0;
	for (i = 0; i < n; i += used) {
		if ((flags & TEXT_SHORTCODES) && s[i] == ':' &&
		    (e = shortcode_end(s, n, i)) != 0) {
			used = e - i;
			space = 1;
			continue;
		}
		cp = utf8_next(s + i, n - i, &used);
		switch (text_class(cp)) {
		case TEXT_CP_DROP:
			break;
		case TEXT_CP_SPACE:
		case TEXT_CP_PUNCT:
			space = 1;
			break;
		default:
			if (space && out->len > start)
				strbuf_addch(out, ' ');
			space = 0;
			if (cp >= 'A' && cp <= 'Z')
				cp += 'a' - 'A';
			utf8_put(out, cp);
			break;
		}
	}
}

size_t
text_count_words(struct text_words *wc, const char *s, size_t n)
{
	size_t i, used, words;
	uint32_t cp;

	words = 0;
	for (i = 0; i < n; i += used) {
		if ((unsigned char)s[i] < 0x80) {
			/* ASCII: the common case, without calls. */
			used = 1;
			if ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z')
				cp = 'a';
			else if (s[i] >= '0' && s[i] <= '9')
				cp = '0';
			else if ((unsigned char)s[i] <= ' ' || s[i] == 0x7f) {
				wc->in_word = 0;
				continue;
			} else
				continue;
		} else
			cp = utf8_next(s + i, n - i, &used);
		switch (text_class(cp)) {
		case TEXT_CP_SPACE:
			wc->in_word = 0;
			break;
		case TEXT_CP_WORD:
			if (!wc->in_word)
				words++;
			wc->in_word = 1;
			break;
		case TEXT_CP_IDEO:
			words++;
			wc->in_word = 0;
			break;
		default:
			break;
		}
	}
	return words;
}

const char *
text_next_line(const char *s, const char *end)
{
	const char *nl;

	nl = memchr(s, '\n', (size_t)(end - s));
	return nl == NULL ? end : nl + 1;
}

uint32_t
text_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;	/* FNV-1a */

	while (n-- > 0)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

int
text_line_of(const char *text, size_t off)
{
	const char *p, *e;
	int line;

	line = 1;
	e = text + off;
	for (p = text; p < e; p++) {
		if ((p = memchr(p, '\n', (size_t)(e - p))) == NULL)
			break;
		line++;
	}
	return line;
}

int
text_has_extension(const char *path, const char *const *exts)
{
	const char *b, *dot;
	size_t i;

	b = strrchr(path, '/');
	b = b != NULL ? b + 1 : path;
	if ((dot = strrchr(b, '.')) == NULL || dot == b)
		return 0;
	for (i = 0; exts[i] != NULL; i++)
		if (strcasecmp(dot + 1, exts[i]) == 0)
			return 1;
	return 0;
}
