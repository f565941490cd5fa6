/* toml.c: fuzz the TOML parser (src/read/toml.c) and walk what it built */
#include "config.h"

#include <stdlib.h>

#include "read/toml.h"
#include "fuzz.h"

static size_t	 walk(const struct toml_value *, int);

/* Touch every value, as the readers of pyproject.toml do. */
static size_t
walk(const struct toml_value *v, int depth)
{
	size_t i, n, len, sum;

	sum = (size_t)toml_kind(v) + (size_t)toml_line(v);
	switch (toml_kind(v)) {
	case TOML_STRING:
		(void)toml_string(v, &len);
		sum += len;
		break;
	case TOML_INTEGER:
	case TOML_BOOLEAN:
		sum += (size_t)toml_integer(v) + (size_t)toml_boolean(v);
		break;
	case TOML_ARRAY:
	case TOML_TABLE:
		if (depth > TOML_MAX_DEPTH + 1)
			abort();	/* deeper than the parser allows */
		n = toml_len(v);
		for (i = 0; i < n; i++) {
			if (toml_kind(v) == TOML_TABLE)
				(void)toml_key_at(v, i, &len);
			sum += walk(toml_at(v, i), depth + 1);
		}
		break;
	default:
		break;
	}
	return sum;
}

FUZZ_TARGET(toml)
{
	struct toml_value *root;
	struct toml_error err;

	fuzz_quiet();
	if (toml_parse((const char *)data, size, &root, &err) == 0) {
		(void)walk(root, 0);
		(void)toml_get(root, "project.dependencies");
		(void)toml_get(root, "tool.poetry.dependencies");
		toml_free(root);
	}
	return 0;
}
