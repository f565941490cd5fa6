/*
 * license.c: fuzz license normalisation and identification, and the
 * SPDX expression reader (read/license.c), against the shipped corpus.
 */
#include "config.h"

#include <stdlib.h>

#include "read/license.h"
#include "strbuf.h"
#include "fuzz.h"

static struct license_corpus *corpus;

FUZZ_TARGET(license)
{
	struct strbuf sb = STRBUF_INIT;
	struct license_result res;
	const char *s = (const char *)data;
	const char *id;
	size_t pos, n;

	fuzz_quiet();
	/* Loaded once and kept: a global is not a leak. */
	if (!corpus && license_corpus_load(&corpus,
	    EC_SRCDIR "/rules/licenses") == -1)
		abort();
	license_normalise(s, size, &sb);
	strbuf_release(&sb);
	if (license_identify(corpus, s, size, &res) == 0)
		license_result_release(&res);
	pos = 0;
	while ((n = license_expr_next(s, size, &pos, &id)) > 0)
		(void)license_same_id(id, n, "MIT");
	return 0;
}
