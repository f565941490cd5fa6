/* json.c: JSON string escaping and a small streaming writer */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "json.h"
#include "strbuf.h"

/* Length of the valid UTF-8 sequence at s, or 0 when it is not valid. */
size_t
utf8_len(const unsigned char *s, size_t n)
{
	size_t len, i;
	unsigned cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		cp = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		cp = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		cp = s[0] & 0x07;
	} else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	/* Overlong forms, surrogates and values past U+10FFFF. */
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	return len;
}

void
json_quote(struct strbuf *sb, const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i, len;

	strbuf_addch(sb, '"');
	for (i = 0; i < n; ) {
		switch (s[i]) {
		case '"':
			strbuf_addstr(sb, "\\\"");
			i++;
			continue;
		case '\\':
			strbuf_addstr(sb, "\\\\");
			i++;
			continue;
		case '\n':
			strbuf_addstr(sb, "\\n");
			i++;
			continue;
		case '\r':
			strbuf_addstr(sb, "\\r");
			i++;
			continue;
		case '\t':
			strbuf_addstr(sb, "\\t");
			i++;
			continue;
		default:
			break;
		}
		if (s[i] < 0x20 || s[i] == 0x7f) {
			strbuf_addf(sb, "\\u%04x", s[i]);
			i++;
			continue;
		}
		len = utf8_len(s + i, n - i);
		if (len == 0) {
			strbuf_addstr(sb, "\xef\xbf\xbd");
			i++;
			continue;
		}
		strbuf_add(sb, s + i, len);
		i += len;
	}
	strbuf_addch(sb, '"');
}

void
json_init(struct json *j, struct strbuf *out, int pretty)
{
	memset(j, 0, sizeof(*j));
	j->out = out;
	j->pretty = pretty;
}

/* Separator, indentation and key before a value. */
static void
member(struct json *j, const char *key)
{
	int i;

	if (j->depth > 0) {
		if (j->count[j->depth] > 0)
			strbuf_addch(j->out, ',');
		if (j->pretty) {
			strbuf_addch(j->out, '\n');
			for (i = 0; i < j->depth; i++)
				strbuf_addstr(j->out, "  ");
		}
		j->count[j->depth]++;
	}
	if (key != NULL) {
		json_quote(j->out, key, strlen(key));
		strbuf_addstr(j->out, j->pretty ? ": " : ":");
	}
}

static void
open_level(struct json *j, const char *key, int c)
{
	member(j, key);
	strbuf_addch(j->out, c);
	if (j->depth + 1 < JSON_MAX_DEPTH)
		j->depth++;
	j->count[j->depth] = 0;
}

static void
close_level(struct json *j, int c)
{
	int i, had;

	had = j->count[j->depth] > 0;
	if (j->depth > 0)
		j->depth--;
	if (j->pretty && had) {
		strbuf_addch(j->out, '\n');
		for (i = 0; i < j->depth; i++)
			strbuf_addstr(j->out, "  ");
	}
	strbuf_addch(j->out, c);
}

void
json_object_begin(struct json *j, const char *key)
{
	open_level(j, key, '{');
}

void
json_object_end(struct json *j)
{
	close_level(j, '}');
}

void
json_array_begin(struct json *j, const char *key)
{
	open_level(j, key, '[');
}

void
json_array_end(struct json *j)
{
	close_level(j, ']');
}

void
json_string(struct json *j, const char *key, const char *s)
{
	member(j, key);
	if (s == NULL)
		strbuf_addstr(j->out, "null");
	else
		json_quote(j->out, s, strlen(s));
}

void
json_int(struct json *j, const char *key, long long v)
{
	member(j, key);
	strbuf_addf(j->out, "%lld", v);
}

void
json_bool(struct json *j, const char *key, int v)
{
	member(j, key);
	strbuf_addstr(j->out, v ? "true" : "false");
}

void
json_null(struct json *j, const char *key)
{
	member(j, key);
	strbuf_addstr(j->out, "null");
}
