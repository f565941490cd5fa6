/*
 * delta.c: fuzz the delta steps of the packs' bounded reads (src/pack.c).
 * The first two bytes give the base's length, the next two how many
 * bytes of the target are asked; the base follows, then the delta. The
 * first bytes made must be those a whole application of the delta makes,
 * done here as git does it (patch-delta.c's steps, written anew), or the
 * target aborts.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pack.h"
#include "strbuf.h"
#include "xalloc.h"
#include "fuzz.h"

/* A base-128 size at *p: 0 or -1. */
static int
size_at(const unsigned char **p, const unsigned char *end, uint64_t *v)
{
	unsigned shift;

	for (*v = 0, shift = 0; *p < end && shift < 64; shift += 7) {
		*v |= (uint64_t)(**p & 0x7f) << shift;
		if (!(*(*p)++ & 0x80))
			return 0;
	}
	return -1;
}

/* The whole target of delta d against base, into out: 0 or -1. */
static int
apply_whole(const unsigned char *d, size_t len, const unsigned char *base,
    size_t blen, struct strbuf *out)
{
	const unsigned char *p = d, *end = d + len;
	uint64_t src, tgt, off, n;
	unsigned c, i;

	if (size_at(&p, end, &src) < 0 || size_at(&p, end, &tgt) < 0 ||
	    src != blen || tgt > 1 << 20)
		return -1;
	while (p < end) {
		c = *p++;
		if (c & 0x80) {
			off = n = 0;
			for (i = 0; i < 7; i++) {
				if (!(c & (1u << i)))
					continue;
				if (p == end)
					return -1;
				if (i < 4)
					off |= (uint64_t)*p++ << (8 * i);
				else
					n |= (uint64_t)*p++ << (8 * (i - 4));
			}
			if (n == 0)
				n = 0x10000;
			if (off > blen || n > blen - off)
				return -1;
			strbuf_add(out, base + off, (size_t)n);
		} else if (c != 0 && (size_t)(end - p) >= c) {
			strbuf_add(out, p, c);
			p += c;
		} else
			return -1;
		if (out->len > tgt)
			return -1;
	}
	return out->len == tgt ? 0 : -1;
}

FUZZ_TARGET(delta)
{
	struct strbuf head = STRBUF_INIT, whole = STRBUF_INIT;
	size_t blen, want;
	int r;

	fuzz_quiet();
	if (size < 4)
		return 0;
	blen = ((size_t)data[0] << 8 | data[1]) % (size - 4 + 1);
	want = (size_t)data[2] << 8 | data[3];
	r = pack_delta_head(data + 4 + blen, size - 4 - blen, data + 4, blen,
	    want, &head);
	if (apply_whole(data + 4 + blen, size - 4 - blen, data + 4, blen,
	    &whole) == 0 && want <= whole.len &&
	    (r != 0 || head.len != want ||
	    memcmp(head.buf, whole.buf, want) != 0))
		abort();	/* a sound delta's first bytes, made wrong */
	if (r == 0 && head.len != want)
		abort();
	strbuf_release(&head);
	strbuf_release(&whole);
	return 0;
}
