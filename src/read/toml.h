/*
 * toml.h: a strict reader of TOML 1.0 (pyproject.toml and friends).
 *
 * toml_parse() reads a whole document into a tree of values or refuses it
 * with the line and column of the first error; it never guesses and never
 * reads past len. Everything of TOML 1.0 is read, and everything TOML 1.0
 * forbids is refused: invalid UTF-8, control characters, bad escapes,
 * integers that overflow 64 bits, floats that overflow a double, invalid
 * dates and times, a table or key defined twice, extending an inline table
 * or a static array, TOML 1.1 extensions (\e, \x, newlines and trailing
 * commas in inline tables, times without seconds).
 *
 * Limits (documented refusals, not guesses):
 * - nesting deeper than TOML_MAX_DEPTH (tables inside tables, dotted key
 *   segments, arrays and inline tables together) is refused, so that a
 *   hostile file cannot exhaust the stack;
 * - a document longer than TOML_MAX_LEN bytes is refused;
 * - fractional seconds are kept as written (any number of digits), not
 *   truncated to a precision;
 * - an offset date-time keeps its offset as written: 07:32:00-07:00 and
 *   14:32:00Z are different strings, though the same instant.
 *
 * The tree is owned by the root: toml_free(root) releases everything, and
 * every pointer the accessors return lives as long as the root.
 */
#ifndef EC_TOML_H
#define EC_TOML_H

#include <stddef.h>
#include <stdint.h>

#define TOML_MAX_DEPTH	128
#define TOML_MAX_LEN	(64 * 1024 * 1024)

enum toml_kind {
	TOML_NONE,		/* a NULL value: a key that is absent */
	TOML_STRING,
	TOML_INTEGER,
	TOML_FLOAT,
	TOML_BOOLEAN,
	TOML_DATETIME,		/* offset date-time: 1979-05-27T07:32:00Z */
	TOML_DATETIME_LOCAL,	/* 1979-05-27T07:32:00 */
	TOML_DATE_LOCAL,	/* 1979-05-27 */
	TOML_TIME_LOCAL,	/* 07:32:00 */
	TOML_ARRAY,
	TOML_TABLE
};

struct toml_value;

struct toml_error {
	int	 line;		/* 1-based */
	int	 col;		/* 1-based, in bytes */
	char	 msg[160];
};

/*
 * Read text (len bytes, need not be NUL-terminated). 0 and *root set (free
 * it with toml_free), or -1 with err filled in and *root NULL.
 */
int	 toml_parse(const char *, size_t, struct toml_value **,
	    struct toml_error *);
void	 toml_free(struct toml_value *);

/*
 * The value at a dotted key under a table ("project.optional-dependencies"),
 * or NULL if absent or if something on the way is not a table. Each
 * segment is taken as it is, between dots: a key with a dot in it cannot
 * be named here (walk with toml_key_at instead).
 */
const struct toml_value *toml_get(const struct toml_value *, const char *);

/* TOML_NONE for NULL. */
enum toml_kind toml_kind(const struct toml_value *);
/* Kind names as toml-test spells them: "string", "datetime-local"... */
const char *toml_kind_name(enum toml_kind);
/*
 * The bytes of a string (NUL-terminated; it may hold NUL bytes, so use
 * *len), or the RFC 3339 text of a date or time ('T' and 'Z' in capitals);
 * NULL for any other kind. len may be NULL.
 */
const char *toml_string(const struct toml_value *, size_t *);
/* Value of an integer, float or boolean; 0 for any other kind. */
int64_t	 toml_integer(const struct toml_value *);
double	 toml_float(const struct toml_value *);
int	 toml_boolean(const struct toml_value *);
/* Items of an array, keys of a table; 0 for any other kind. */
size_t	 toml_len(const struct toml_value *);
/* The i-th item of an array or value of a table (document order), or NULL. */
const struct toml_value *toml_at(const struct toml_value *, size_t);
/* The i-th key of a table (document order), or NULL; len may be NULL. */
const char *toml_key_at(const struct toml_value *, size_t, size_t *);
/*
 * The line where a value was defined: its key, or the header of a table
 * (the first line that named an implicitly created table); 0 for NULL.
 */
int	 toml_line(const struct toml_value *);

#endif
