/* fuzz-lib.c: the helpers of fuzz.h */
#include "config.h"

#include <string.h>

#include "error.h"
#include "xalloc.h"
#include "fuzz.h"

static void	 discard(void *, const char *, size_t);

static struct ec_sink sink;
static int quiet;

static void
discard(void *arg, const char *line, size_t len)
{
}

void
fuzz_quiet(void)
{
	if (quiet)
		return;
	ec_sink_init(&sink, discard, NULL);
	ec_sink_enter(&sink);
	quiet = 1;
}

char *
fuzz_str(const uint8_t *data, size_t size)
{
	char *s;

	s = xmalloc(size + 1);
	if (size)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

void
fuzz_split(const uint8_t *data, size_t size, int nl, char **a, char **b)
{
	const uint8_t *sep;

	sep = memchr(data, nl ? '\n' : '\0', size);
	if (!sep) {
		*a = fuzz_str(data, size);
		*b = fuzz_str(data, 0);
		return;
	}
	*a = fuzz_str(data, (size_t)(sep - data));
	*b = fuzz_str(sep + 1, size - (size_t)(sep - data) - 1);
}
