/* gitindex.c: parsing git's index file format from a buffer */
#define _POSIX_C_SOURCE 200809L	/* strnlen */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "gitindex.h"
#include "strbuf.h"

/*
 * A 12-byte header ("DIRC", version, count), entries of 62 bytes (stat
 * data, mode at 24, object id at 40, flags at 60) and a path, extensions
 * (a 4-byte signature and a 4-byte size), a 20-byte checksum.
 */
#define INDEX_HEADER	12
#define INDEX_ENTRY	62
#define INDEX_OID	40
#define INDEX_HASH	20
#define INDEX_EXTENDED	0x4000	/* flags: two more bytes of flags */

static uint32_t	 be32(const unsigned char *);
static int	 varint(const unsigned char **, const unsigned char *,
		    size_t *);
static int	 extensions(const unsigned char *, const unsigned char *);

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

/* git's offset varint (index version 4); 0 on success. */
static int
varint(const unsigned char **pp, const unsigned char *end, size_t *val)
{
	const unsigned char *p;
	size_t v;
	unsigned char c;

	p = *pp;
	if (p >= end)
		return -1;
	c = *p++;
	v = c & 127;
	while (c & 128) {
		if (p >= end || v + 1 > (SIZE_MAX >> 7))
			return -1;
		c = *p++;
		v = ((v + 1) << 7) | (c & 127);
	}
	*pp = p;
	*val = v;
	return 0;
}

/* Skip the extensions in [p, end); all of them must be whole. */
static int
extensions(const unsigned char *p, const unsigned char *end)
{
	size_t esz;

	while (p < end) {
		if ((size_t)(end - p) < 8)
			return GITINDEX_EBAD;
		if (memcmp(p, "link", 4) == 0 || memcmp(p, "sdir", 4) == 0)
			return GITINDEX_EUNSUPPORTED;
		esz = be32(p + 4);
		if (esz > (size_t)(end - p) - 8)
			return GITINDEX_EBAD;
		p += 8 + esz;
	}
	return 0;
}

int
gitindex_header(const void *buf, size_t size, unsigned *version,
    size_t *count)
{
	const unsigned char *b = buf;

	if (size < GITINDEX_MIN_SIZE || memcmp(b, "DIRC", 4) != 0)
		return GITINDEX_EBAD;
	*version = be32(b + 4);
	*count = be32(b + 8);
	if (*version < 2 || *version > 4 || *count > size / INDEX_ENTRY)
		return GITINDEX_EBAD;
	return 0;
}

int
gitindex_parse(const void *buf, size_t size, gitindex_cb cb, void *arg)
{
	struct strbuf prev = STRBUF_INIT;
	struct gitindex_entry ent;
	const unsigned char *e, *p, *end;
	size_t n, i, poff, len, strip;
	unsigned flags, ver;
	int r;

	if ((r = gitindex_header(buf, size, &ver, &n)) != 0)
		return r;
	end = (const unsigned char *)buf + size - INDEX_HASH;
	p = (const unsigned char *)buf + INDEX_HEADER;
	for (i = 0; i < n; i++) {
		e = p;
		r = GITINDEX_EBAD;
		if ((size_t)(end - e) < INDEX_ENTRY + 2)
			goto out;
		flags = (unsigned)e[60] << 8 | e[61];
		poff = INDEX_ENTRY;
		if (flags & INDEX_EXTENDED) {
			if (ver < 3)
				goto out;
			poff += 2;
		}
		p = e + poff;
		if (ver == 4) {
			/* How much of the previous path to drop, then a suffix. */
			if (varint(&p, end, &strip) < 0 || strip > prev.len)
				goto out;
			len = strnlen((const char *)p, end - p);
			if (p + len >= end)
				goto out;
			strbuf_setlen(&prev, prev.len - strip);
			strbuf_add(&prev, p, len);
			p += len + 1;
			ent.path = prev.buf;
			ent.len = prev.len;
		} else {
			ent.path = (const char *)p;
			len = strnlen(ent.path, end - p);
			if (p + len >= end)
				goto out;
			/* NUL-padded to a multiple of 8 bytes */
			if ((size_t)(end - e) < ((poff + len + 8) & ~(size_t)7))
				goto out;
			p = e + ((poff + len + 8) & ~(size_t)7);
			ent.len = len;
		}
		ent.mode = be32(e + 24);
		if ((ent.mode & 0170000) == 0040000) {
			r = GITINDEX_EUNSUPPORTED;	/* a sparse directory */
			goto out;
		}
		ent.stage = (flags >> 12) & 3;
		ent.oid = e + INDEX_OID;
		if ((r = cb(&ent, arg)) != 0)
			goto out;
	}
	r = extensions(p, end);
out:
	strbuf_release(&prev);
	return r;
}
