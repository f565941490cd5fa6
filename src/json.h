/*
 * json.h: one JSON writer for every JSON-speaking format (json, jsonl,
 * SARIF). Strings are escaped once, here: control characters as \u00XX,
 * invalid UTF-8 replaced by U+FFFD. Output goes to a strbuf.
 */
#ifndef EC_JSON_H
#define EC_JSON_H

#include <stddef.h>

struct strbuf;

#define JSON_MAX_DEPTH	32

struct json {
	struct strbuf	*out;
	int		 pretty;		/* indent two spaces a level */
	int		 depth;
	int		 count[JSON_MAX_DEPTH];	/* members so far, per level */
};

/* Append s as a quoted JSON string. */
void	 json_quote(struct strbuf *, const char *, size_t);

void	 json_init(struct json *, struct strbuf *, int);
/* key is NULL inside arrays and for the top level. */
void	 json_object_begin(struct json *, const char *);
void	 json_object_end(struct json *);
void	 json_array_begin(struct json *, const char *);
void	 json_array_end(struct json *);
void	 json_string(struct json *, const char *, const char *);
void	 json_int(struct json *, const char *, long long);
void	 json_bool(struct json *, const char *, int);
void	 json_null(struct json *, const char *);

#endif
