/* json.c: JSON string escaping and a small streaming writer */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "json.h"
#include "strbuf.h"
#include "utf8.h"

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
		len = utf8_len(str + i, n - i);
		if (len == 0) {
			utf8_put(sb, 0xfffd);
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
