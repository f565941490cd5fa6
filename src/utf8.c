/* utf8.c: decoding, encoding and printable copies of UTF-8 text */
#include "config.h"

#include <stdint.h>

#include "strbuf.h"
#include "utf8.h"

/* Decode one code point; an invalid sequence reads as U+FFFD of 1 byte. */
uint32_t
utf8_next(const char *str, size_t n, size_t *used)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t cp, min;
	size_t len, k;

	*used = 1;
	if (s[0] < 0x80)
		return s[0];
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		cp = s[0] & 0x1f;
		min = 0x80;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		cp = s[0] & 0x0f;
		min = 0x800;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		cp = s[0] & 0x07;
		min = 0x10000;
	} else
		return 0xfffd;
	if (n < len)
		return 0xfffd;
	for (k = 1; k < len; k++) {
		if ((s[k] & 0xc0) != 0x80)
			return 0xfffd;
		cp = cp << 6 | (s[k] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0xfffd;
	*used = len;
	return cp;
}

void
utf8_put(struct strbuf *sb, uint32_t cp)
{
	char b[4];

	if (cp < 0x80) {
		strbuf_addch(sb, (int)cp);
		return;
	}
	if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		cp = 0xfffd;
	if (cp < 0x800) {
		b[0] = (char)(0xc0 | cp >> 6);
		b[1] = (char)(0x80 | (cp & 0x3f));
		strbuf_add(sb, b, 2);
	} else if (cp < 0x10000) {
		b[0] = (char)(0xe0 | cp >> 12);
		b[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		b[2] = (char)(0x80 | (cp & 0x3f));
		strbuf_add(sb, b, 3);
	} else {
		b[0] = (char)(0xf0 | cp >> 18);
		b[1] = (char)(0x80 | (cp >> 12 & 0x3f));
		b[2] = (char)(0x80 | (cp >> 6 & 0x3f));
		b[3] = (char)(0x80 | (cp & 0x3f));
		strbuf_add(sb, b, 4);
	}
}

size_t
utf8_len(const char *s, size_t n)
{
	size_t used;

	if (utf8_next(s, n, &used) == 0xfffd && used == 1)
		return 0;
	return used;
}

/*
 * Whether a code point may reach a terminal as it is: not a C0 or C1
 * control, DEL, a line or paragraph separator, nor a bidirectional
 * embedding, override or isolate (which reorder what follows them).
 */
static int
printable(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))
		return 0;
	if (cp == 0x2028 || cp == 0x2029)
		return 0;
	if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069))
		return 0;
	return 1;
}

void
strbuf_add_printable(struct strbuf *sb, const char *s, size_t n)
{
	uint32_t cp;
	size_t len;

	while (n > 0) {
		if ((len = utf8_len(s, n)) == 0) {
			utf8_put(sb, 0xfffd);
			len = 1;
		} else {
			cp = utf8_next(s, n, &len);
			if (printable(cp))
				strbuf_add(sb, s, len);
			else
				strbuf_addch(sb, '?');
		}
		s += len;
		n -= len;
	}
}

/* Code points that take no column: combining marks, zero-width ones. */
static const uint32_t zero_width[][2] = {
	{ 0x0300, 0x036f }, { 0x0483, 0x0489 }, { 0x0591, 0x05bd },
	{ 0x0610, 0x061a }, { 0x064b, 0x065f }, { 0x0e31, 0x0e31 },
	{ 0x0e34, 0x0e3a }, { 0x1ab0, 0x1aff }, { 0x1dc0, 0x1dff },
	{ 0x200b, 0x200f }, { 0x20d0, 0x20ff }, { 0xfe00, 0xfe0f },
	{ 0xfe20, 0xfe2f }, { 0xfeff, 0xfeff }, { 0xe0100, 0xe01ef },
};

/* Code points that take two columns (East Asian Wide and Fullwidth). */
static const uint32_t double_width[][2] = {
	{ 0x1100, 0x115f }, { 0x231a, 0x231b }, { 0x23e9, 0x23ec },
	{ 0x25fd, 0x25fe }, { 0x2614, 0x2615 }, { 0x2648, 0x2653 },
	{ 0x26a1, 0x26a1 }, { 0x26aa, 0x26ab }, { 0x26bd, 0x26be },
	{ 0x26c4, 0x26c5 }, { 0x26d4, 0x26d4 }, { 0x26f2, 0x26f5 },
	{ 0x26fa, 0x26fd }, { 0x2705, 0x2705 }, { 0x270a, 0x270b },
	{ 0x274c, 0x274c }, { 0x2753, 0x2755 }, { 0x2757, 0x2757 },
	{ 0x2795, 0x2797 }, { 0x2e80, 0x303e }, { 0x3041, 0x33ff },
	{ 0x3400, 0x4dbf }, { 0x4e00, 0x9fff }, { 0xa000, 0xa4cf },
	{ 0xa960, 0xa97f }, { 0xac00, 0xd7a3 }, { 0xf900, 0xfaff },
	{ 0xfe30, 0xfe4f }, { 0xff00, 0xff60 }, { 0xffe0, 0xffe6 },
	{ 0x1f300, 0x1f64f }, { 0x1f680, 0x1f6ff }, { 0x1f900, 0x1f9ff },
	{ 0x20000, 0x2fffd }, { 0x30000, 0x3fffd },
};

static int
in_ranges(uint32_t cp, const uint32_t (*r)[2], size_t n)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cp < r[mid][0])
			hi = mid;
		else if (cp > r[mid][1])
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

size_t
utf8_width(const char *s, size_t n)
{
	uint32_t cp;
	size_t w, len;

	w = 0;
	while (n > 0) {
		cp = utf8_next(s, n, &len);
		if (in_ranges(cp, zero_width,
		    sizeof(zero_width) / sizeof(zero_width[0])))
			;
		else if (in_ranges(cp, double_width,
		    sizeof(double_width) / sizeof(double_width[0])))
			w += 2;
		else
			w++;
		s += len;
		n -= len;
	}
	return w;
}
