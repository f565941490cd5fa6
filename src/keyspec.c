/* keyspec.c: checking one value against the spec of its key */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "keyspec.h"
#include "strbuf.h"

const struct rule_key_spec *
keyspec_find(const struct rule_key_spec *table, const char *name)
{
	const struct rule_key_spec *s;

	for (s = table; s != NULL && s->name != NULL; s++)
		if (strcmp(s->name, name) == 0)
			return s;
	return NULL;
}

int
keyspec_single(const struct rule_key_spec *spec)
{
	switch (spec->kind) {
	case KEY_STRING:
	case KEY_INT:
	case KEY_BOOL:
	case KEY_ENUM:
		return 1;
	default:
		return 0;
	}
}

/* Whether v is one of the '|'-separated choices. */
static int
is_choice(const char *choices, const char *v)
{
	const char *c, *e;
	size_t len;

	len = strlen(v);
	for (c = choices; c != NULL && *c != '\0'; c = *e != '\0' ? e + 1 : e) {
		e = strchr(c, '|');
		if (e == NULL)
			e = c + strlen(c);
		if ((size_t)(e - c) == len && strncmp(c, v, len) == 0)
			return 1;
	}
	return 0;
}

/* A number of a KEY_INT or KEY_INTS key, within the spec's range. */
static int
check_number(const struct rule_key_spec *spec, const char *v,
    struct strbuf *err)
{
	long long n;

	if (keyspec_uint(v, &n) == -1 ||
	    (spec->max > 0 && (n < spec->min || n > spec->max))) {
		strbuf_addf(err, "bad number '%s'", v);
		if (spec->max > 0)
			strbuf_addf(err, " (want %lld to %lld)", spec->min,
			    spec->max);
		return -1;
	}
	if (n < spec->min) {
		strbuf_addf(err, "must be at least %lld", spec->min);
		return -1;
	}
	return 0;
}

int
keyspec_check(const struct rule_key_spec *spec, const char *v,
    struct strbuf *err)
{
	int b;

	strbuf_reset(err);
	switch (spec->kind) {
	case KEY_INT:
	case KEY_INTS:
		return check_number(spec, v, err);
	case KEY_BOOL:
		if (keyspec_bool(v, &b) == -1) {
			strbuf_addf(err, "expected yes or no, not '%s'", v);
			return -1;
		}
		return 0;
	case KEY_ENUM:
		if (!is_choice(spec->choices, v)) {
			strbuf_addf(err, "'%s' is not one of %s", v,
			    spec->choices);
			return -1;
		}
		return 0;
	default:
		return 0;
	}
}

int
keyspec_uint(const char *s, long long *out)
{
	char *end;
	long long n;

	if (!ascii_isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	n = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || n < 0)
		return -1;
	*out = n;
	return 0;
}

int
keyspec_bool(const char *s, int *out)
{
	if (strcmp(s, "yes") == 0 || strcmp(s, "true") == 0 ||
	    strcmp(s, "on") == 0 || strcmp(s, "1") == 0)
		*out = 1;
	else if (strcmp(s, "no") == 0 || strcmp(s, "false") == 0 ||
	    strcmp(s, "off") == 0 || strcmp(s, "0") == 0)
		*out = 0;
	else
		return -1;
	return 0;
}
