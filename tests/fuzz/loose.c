/*
 * loose.c: fuzz the header of a loose object (src/loose.c) at the buffer
 * level, on the bytes as given and on what they inflate to.
 */
#include "config.h"

#include <string.h>
#include <zlib.h>

#include "loose.h"
#include "fuzz.h"

FUZZ_TARGET(loose)
{
	unsigned char out[64];
	git_object_t type;
	uint64_t len;
	z_stream z;

	fuzz_quiet();
	(void)loose_parse_header(data, size, &type, &len);
	memset(&z, 0, sizeof(z));
	if (inflateInit(&z) != Z_OK)
		return 0;
	z.next_in = (unsigned char *)data;
	z.avail_in = (uInt)(size > 1 << 20 ? 1 << 20 : size);
	z.next_out = out;
	z.avail_out = sizeof(out);
	(void)inflate(&z, Z_SYNC_FLUSH);
	(void)loose_parse_header(out, sizeof(out) - z.avail_out, &type, &len);
	inflateEnd(&z);
	return 0;
}
