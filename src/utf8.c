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
