/*
 * ascii.h: character classes of ASCII whatever the locale, as git's own
 * ctype does; for the formats ecocheck reads (commit headers, trailers,
 * Markdown and HTML names, paths), never for text in other scripts.
 */
#ifndef EC_ASCII_H
#define EC_ASCII_H

#include <stddef.h>
#include <string.h>

/* git's isspace: space, tab, line feed, carriage return. */
static inline int
ascii_isspace(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static inline int
ascii_isdigit(int c)
{
	return c >= '0' && c <= '9';
}

/* The value of a hexadecimal digit, of either case, or -1. */
static inline int
ascii_hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))
		return (c | 0x20) - 'a' + 10;
	return -1;
}

static inline int
ascii_isalpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline int
ascii_isalnum(int c)
{
	return ascii_isalpha(c) || ascii_isdigit(c);
}

static inline int
ascii_tolower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static inline int
ascii_toupper(int c)
{
	return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
}

/* Whether the n bytes at s are those of the lowercase b, without case. */
static inline int
ascii_eq_lower(const char *s, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (ascii_tolower((unsigned char)s[i]) != (unsigned char)b[i])
			return 0;
	return 1;
}

/*
 * Whether the bytes [s, end) start with the string lit: for lines that
 * are not NUL-terminated, where strncmp() could read past their end.
 */
static inline int
span_has_prefix(const char *s, const char *end, const char *lit)
{
	size_t n = strlen(lit);

	return (size_t)(end - s) >= n && memcmp(s, lit, n) == 0;
}

/* Whether a and b are the same string, ASCII letters without case. */
static inline int
ascii_streq_nocase(const char *a, const char *b)
{
	for (; *a != '\0' && *b != '\0'; a++, b++)
		if (ascii_tolower((unsigned char)*a) !=
		    ascii_tolower((unsigned char)*b))
			return 0;
	return *a == *b;
}

#endif
