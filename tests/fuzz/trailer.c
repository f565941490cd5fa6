/* trailer.c: fuzz a commit message's trailers (src/trailer.c) */
#include "config.h"

#include "trailer.h"
#include "fuzz.h"

static int	 each(const struct trailer *, void *);

static int
each(const struct trailer *t, void *arg)
{
	struct trailer_ident id;
	size_t *sum = arg;

	*sum += t->keylen + t->valuelen;
	if (trailer_coauthor(t, &id) == 1)
		*sum += id.namelen + id.emaillen;
	if (trailer_split_ident(t->value, t->valuelen, &id) == 0)
		*sum += id.namelen;
	return 0;
}

FUZZ_TARGET(trailer)
{
	size_t start, end, sum;

	fuzz_quiet();
	sum = 0;
	trailer_block((const char *)data, size, &start, &end);
	(void)trailer_each((const char *)data, size, each, &sum);
	return 0;
}
