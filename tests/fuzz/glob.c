/*
 * glob.c: fuzz the glob matcher and the gitignore lists (glob.c,
 * ignore.c). The first byte chooses the flags, the first line after it
 * is the path, the rest the pattern (or the gitignore text).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "glob.h"
#include "ignore.h"
#include "fuzz.h"

FUZZ_TARGET(glob)
{
	struct ignore *ign;
	char *path, *pat;
	int flags, is_dir;

	fuzz_quiet();
	if (size < 1)
		return 0;
	flags = data[0] & (GLOB_PATHNAME | GLOB_CASEFOLD);
	is_dir = (data[0] & 0x4) != 0;
	fuzz_split(data + 1, size - 1, 1, &path, &pat);
	(void)glob_match(pat, path, flags);
	(void)glob_match_path(pat, path, is_dir, flags);
	ign = ignore_new(data[0] & 0x8 ? 1 : 0);
	ignore_add_global(ign, pat, strlen(pat));
	ignore_push(ign, 0, "", pat, strlen(pat));
	(void)ignore_match(ign, path, is_dir);
	ignore_pop(ign, 0);
	ignore_free(ign);
	free(path);
	free(pat);
	return 0;
}
