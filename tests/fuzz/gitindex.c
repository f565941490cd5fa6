/*
 * gitindex.c: fuzz the index parser (src/gitindex.c) at the buffer level:
 * the entries, the cache tree, the link of a split index, and a split
 * index read against itself as its shared index.
 */
#include "config.h"

#include <string.h>

#include "gitindex.h"
#include "fuzz.h"

static int	 entry(const struct gitindex_entry *, void *);
static int	 tree(const char *, size_t, size_t, const unsigned char *,
		    void *);

static int
entry(const struct gitindex_entry *e, void *arg)
{
	size_t *sum = arg;

	/* Its path must be NUL-terminated where len says. */
	*sum += strlen(e->path) + e->len + e->mode + (size_t)e->oid[0];
	return 0;
}

static int
tree(const char *path, size_t len, size_t n, const unsigned char *oid,
    void *arg)
{
	size_t *sum = arg;

	*sum += len + n + (path && len ? (size_t)path[len - 1] : 0) +
	    (oid ? oid[0] : 0);
	return 0;
}

FUZZ_TARGET(gitindex)
{
	unsigned char link[64];
	unsigned version;
	size_t count, sum;

	fuzz_quiet();
	sum = 0;
	(void)gitindex_header(data, size, &version, &count);
	(void)gitindex_parse(data, size, entry, &sum);
	(void)gitindex_parse_cache(data, size, entry, &sum, tree, &sum);
	if (gitindex_link(data, size, link) == 1)
		(void)gitindex_parse_split(data, size, data, size, entry,
		    &sum);
	return 0;
}
