/*
 * tasks.c: fuzz the readers of task definitions that CI calls run
 * (src/read/tasks.c): Makefile, justfile, pyproject.toml's poe and hatch
 * tables, pixi.toml, tasks.py. The first byte chooses the runner; the
 * input's first line after it is the task's name, the rest the file. A
 * conda recipe's test commands are read from the same text.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "read/ci.h"
#include "strbuf.h"
#include "xalloc.h"
#include "fuzz.h"

static const char *const runners[] = {
	"make", "just", "poe", "pixi", "hatch", "invoke"
};

FUZZ_TARGET(tasks)
{
	struct strvec lines = STRVEC_INIT;
	const char *runner;
	const uint8_t *nl;
	char *task, *text;
	size_t n, len;

	fuzz_quiet();
	if (size < 1)
		return 0;
	runner = runners[data[0] % (sizeof(runners) / sizeof(runners[0]))];
	data++;
	size--;
	nl = memchr(data, '\n', size);
	n = nl ? (size_t)(nl - data) : size;
	task = xstrndup((const char *)data, n);
	/* The file as an exact-size copy: a read past its end is seen. */
	len = nl ? size - n - 1 : 0;
	text = xmalloc(len ? len : 1);
	if (len)
		memcpy(text, nl + 1, len);
	(void)ci_task_lines(runner, text, len, task, &lines);
	(void)ci_recipe_tests(text, len, &lines);
	strvec_clear(&lines);
	free(task);
	free(text);
	return 0;
}
