/* gitconfig.c: fuzz the git config scanner (src/gitconfig.c) */
#include "config.h"

#include <string.h>

#include "gitconfig.h"
#include "fuzz.h"

static int	 each(const char *, const char *, int, void *);

static int
each(const char *key, const char *value, int line, void *arg)
{
	size_t *sum = arg;

	*sum += strlen(key) + (value ? strlen(value) : 0) + (size_t)line;
	return 0;
}

FUZZ_TARGET(gitconfig)
{
	size_t sum;
	int errline;

	fuzz_quiet();
	sum = 0;
	errline = 0;
	(void)gitconfig_scan((const char *)data, size, each, &sum, &errline);
	return 0;
}
