/*
 * wildmatch.c: the driver of tests/bench/wildmatch.sh: match one text
 * against one pattern with glob_match() in one of the four modes of git's
 * "test-tool wildmatch"; exit 0 on a match, 1 on none, 2 on misuse.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "glob.h"

/* The modes of git's t/helper/test-wildmatch.c, as flags. */
static const struct {
	const char	*name;
	int		 flags;
} modes[] = {
	{ "wildmatch",	GLOB_PATHNAME },
	{ "iwildmatch",	GLOB_PATHNAME | GLOB_CASEFOLD },
	{ "pathmatch",	0 },
	{ "ipathmatch",	GLOB_CASEFOLD },
};

int
main(int argc, char **argv)
{
	size_t i;

	if (argc != 4) {
		fprintf(stderr, "usage: wildmatch MODE TEXT PATTERN\n");
		return 2;
	}
	for (i = 0; i < sizeof(modes) / sizeof(modes[0]); i++)
		if (strcmp(argv[1], modes[i].name) == 0)
			return glob_match(argv[3], argv[2],
			    modes[i].flags) ? 0 : 1;
	fprintf(stderr, "wildmatch: unknown mode '%s'\n", argv[1]);
	return 2;
}
