/*
 * reader.c: fuzz one reader of the readers' table (src/read/readers.c).
 *
 * Built once per reader with READER_SLUG, the reader's name in lower case
 * with each run of other characters a '-' ("conda YAML": "conda-yaml"),
 * which is also the name of its corpus and regression folders. The input
 * is handed over as the check context hands a file over (reader.h): not
 * NUL-terminated, so that a read past the end is seen.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "read/reader.h"
#include "xalloc.h"
#include "fuzz.h"
#include "fuzz-reader.h"

void
fuzz_reader_slug(const char *name, char *out, size_t size)
{
	size_t n;
	int dash;

	n = 0;
	dash = 0;
	for (; *name && n + 1 < size; name++) {
		unsigned char c = (unsigned char)*name;

		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && n)
				out[n++] = '-';
			if (n + 1 < size)
				out[n++] = (char)c;
			dash = 0;
		} else if (c >= 'A' && c <= 'Z') {
			if (dash && n)
				out[n++] = '-';
			if (n + 1 < size)
				out[n++] = (char)(c - 'A' + 'a');
			dash = 0;
		} else
			dash = 1;
	}
	out[n] = '\0';
}

const struct reader *
fuzz_reader_find(const char *slug)
{
	char buf[128];
	size_t i;

	for (i = 0; readers[i]; i++) {
		fuzz_reader_slug(readers[i]->name, buf, sizeof(buf));
		if (strcmp(buf, slug) == 0)
			return readers[i];
	}
	return NULL;
}

int
fuzz_reader_run(const struct reader *r, const uint8_t *data, size_t size)
{
	struct reader_input in;
	char *copy;
	void *model;

	fuzz_quiet();
	/* An exact-size copy: ASan sees a read one byte past the end. */
	copy = xmalloc(size ? size : 1);
	if (size)
		memcpy(copy, data, size);
	in.buf = copy;
	in.len = size;
	in.path = "fuzz";
	in.truncated = 0;
	model = r->parse(&in);
	if (model)
		r->free(model);
	free(copy);
	return 0;
}

#ifndef FUZZ_REGRESS
FUZZ_TARGET(reader)
{
	static const struct reader *r;

	if (!r && !(r = fuzz_reader_find(READER_SLUG)))
		abort();	/* READER_SLUG names no reader */
	return fuzz_reader_run(r, data, size);
}
#endif
