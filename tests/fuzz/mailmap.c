/* mailmap.c: fuzz the .mailmap reader (src/mailmap.c) */
#include "config.h"

#include "mailmap.h"
#include "fuzz.h"

FUZZ_TARGET(mailmap)
{
	struct mailmap mm = MAILMAP_INIT;

	fuzz_quiet();
	mailmap_parse(&mm, (const char *)data, size);
	mailmap_merge(&mm);
	mailmap_release(&mm);
	return 0;
}
