/*
 * unit-pack.c: pack.c's bounded reads on crafted packs: a blob and deltas
 * on it (by offset and by id) give their first bytes; a delta that is its
 * own base, a base copied from 4 GiB in, an index that names another pack
 * and an object in no pack are not answered, each at once.
 */
#define _GNU_SOURCE 1		/* mkdtemp, setenv, popen (unit-lib.h) */
#include "config.h"

#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include <git2.h>
#include <zlib.h>

#include "pack.h"
#include "strbuf.h"
#include "tap.h"
#include "unit-lib.h"

#define OBJS_MAX	8

/* A pack being made: its bytes, and its objects' ids and offsets. */
struct mkpack {
	struct strbuf	 body;
	unsigned char	 id[OBJS_MAX][20];
	uint32_t	 off[OBJS_MAX];
	size_t		 n;
};

static void
put_file(const char *path, const struct strbuf *sb)
{
	FILE *f;

	if ((f = fopen(path, "wb")) == NULL ||
	    fwrite(sb->buf, 1, sb->len, f) != sb->len || fclose(f) != 0)
		ut_bail("cannot write %s", path);
}

static void
put32(struct strbuf *sb, uint32_t v)
{
	unsigned char b[4] = { v >> 24, v >> 16, v >> 8, v };

	strbuf_add(sb, b, 4);
}

/* git's base-128 sizes of a delta. */
static void
put_size(struct strbuf *sb, uint64_t v)
{
	for (; v >= 0x80; v >>= 7)
		strbuf_addch(sb, (char)(0x80 | (v & 0x7f)));
	strbuf_addch(sb, (char)v);
}

/* A copy instruction of n bytes (< 2^24) at off. */
static void
put_copy(struct strbuf *sb, uint32_t off, uint32_t n)
{
	unsigned char b[8];
	size_t k, i;

	b[0] = 0x80;
	k = 1;
	for (i = 0; i < 4; i++)
		if ((off >> (8 * i)) & 0xff) {
			b[0] |= 1u << i;
			b[k++] = (unsigned char)(off >> (8 * i));
		}
	for (i = 0; i < 3; i++)
		if ((n >> (8 * i)) & 0xff) {
			b[0] |= 0x10u << i;
			b[k++] = (unsigned char)(n >> (8 * i));
		}
	strbuf_add(sb, b, k);
}

/*
 * Add an object of type (3 blob, 6 by offset, 7 by id) made of data, its
 * id all the byte idb; a delta's base is object number base.
 */
static void
mk_add(struct mkpack *mp, unsigned char idb, int type, int base,
    const struct strbuf *data)
{
	unsigned char z[65536];
	uLongf zn = sizeof(z);
	uint64_t size, v;
	unsigned char c, ofs[10];
	size_t k;

	memset(mp->id[mp->n], idb, 20);
	mp->off[mp->n] = (uint32_t)mp->body.len;
	size = data->len;
	c = (unsigned char)(type << 4 | (size & 15));
	for (size >>= 4; size > 0; size >>= 7) {
		strbuf_addch(&mp->body, (char)(c | 0x80));
		c = size & 0x7f;
	}
	strbuf_addch(&mp->body, (char)c);
	if (type == 6) {	/* the distance back, as git writes it */
		v = mp->off[mp->n] - mp->off[base];
		k = sizeof(ofs);
		ofs[--k] = v & 0x7f;
		while (v >>= 7)
			ofs[--k] = (unsigned char)(0x80 | (--v & 0x7f));
		strbuf_add(&mp->body, ofs + k, sizeof(ofs) - k);
	} else if (type == 7)
		strbuf_add(&mp->body, mp->id[base], 20);
	if (compress((Bytef *)z, &zn, (const Bytef *)data->buf, data->len) !=
	    Z_OK)
		ut_bail("compress");
	strbuf_add(&mp->body, z, zn);
	mp->n++;
}

/* Write dir/pack/pack-t.{pack,idx}; bad_sum: an index naming another. */
static void
mk_write(struct mkpack *mp, const char *dir, int bad_sum)
{
	struct strbuf pack = STRBUF_INIT, idx = STRBUF_INIT;
	unsigned char sum[20];
	size_t i, j, order[OBJS_MAX], t;
	uint32_t fan;
	char *path;

	strbuf_add(&pack, "PACK", 4);
	put32(&pack, 2);
	put32(&pack, (uint32_t)mp->n);
	for (i = 0; i < mp->n; i++)
		mp->off[i] += 12;
	strbuf_add(&pack, mp->body.buf, mp->body.len);
	memset(sum, 0x5a, sizeof(sum));
	strbuf_add(&pack, sum, 20);
	for (i = 0; i < mp->n; i++)
		order[i] = i;
	for (i = 0; i < mp->n; i++)	/* by id */
		for (j = i + 1; j < mp->n; j++) {
			if (memcmp(mp->id[order[j]], mp->id[order[i]], 20) >= 0)
				continue;
			t = order[i];
			order[i] = order[j];
			order[j] = t;
		}
	strbuf_add(&idx, "\377tOc", 4);
	put32(&idx, 2);
	for (i = 0; i < 256; i++) {
		for (j = 0, fan = 0; j < mp->n; j++)
			fan += mp->id[j][0] <= i;
		put32(&idx, fan);
	}
	for (i = 0; i < mp->n; i++)
		strbuf_add(&idx, mp->id[order[i]], 20);
	for (i = 0; i < mp->n; i++)
		put32(&idx, 0);		/* CRCs: not read */
	for (i = 0; i < mp->n; i++)
		put32(&idx, mp->off[order[i]]);
	sum[0] ^= bad_sum ? 1 : 0;
	strbuf_add(&idx, sum, 20);
	strbuf_add(&idx, sum, 20);
	ut_sh("mkdir -p %s/pack", dir);
	path = xasprintf("%s/pack/pack-t.pack", dir);
	put_file(path, &pack);
	free(path);
	path = xasprintf("%s/pack/pack-t.idx", dir);
	put_file(path, &idx);
	free(path);
	strbuf_release(&pack);
	strbuf_release(&idx);
}

/* packs_read_head() of the object all idb, cap bytes: its return. */
static int
head_of(const char *dir, unsigned char idb, size_t cap, struct strbuf *out,
    size_t *size)
{
	struct packs *ps;
	git_oid id;
	char *objdir;
	int r;

	memset(id.id, idb, sizeof(id.id));
	objdir = xasprintf("%s/%s/", ut_dir, dir);
	ps = packs_new(objdir);
	strbuf_reset(out);
	*size = 0;
	r = packs_read_head(ps, &id, cap, out, size);
	packs_free(ps);
	free(objdir);
	return r;
}

/* A blob of 5,000 bytes, a delta on it by offset and one by id. */
static void
test_sound(int bad_sum)
{
	struct mkpack mp = { STRBUF_INIT, { { 0 } }, { 0 }, 0 };
	struct strbuf blob = STRBUF_INIT, d = STRBUF_INIT, out = STRBUF_INIT;
	const char *dir = bad_sum ? "badsum" : "sound";
	size_t i, size;

	for (i = 0; i < 500; i++)
		strbuf_addstr(&blob, "0123456789");
	mk_add(&mp, 0x33, 3, 0, &blob);
	/* "hello", then the blob from its byte 3 */
	put_size(&d, 5000);
	put_size(&d, 5002);
	strbuf_addch(&d, 5);
	strbuf_addstr(&d, "hello");
	put_copy(&d, 3, 4997);
	mk_add(&mp, 0x44, 6, 0, &d);
	mk_add(&mp, 0x55, 7, 0, &d);
	mk_write(&mp, dir, bad_sum);
	if (bad_sum) {
		is_int(head_of(dir, 0x44, 100, &out, &size), 1, "an index "
		    "whose pack checksum is not its pack's: not answered");
		goto out;
	}
	is_int(head_of(dir, 0x33, 12, &out, &size), 0, "a blob: answered");
	ok(size == 5000 && out.len == 12 && memcmp(out.buf, "012345678901",
	    12) == 0, "its first 12 bytes and its size");
	is_int(head_of(dir, 0x33, 5000, &out, &size), PACKS_WHOLE, "a blob "
	    "of no more than the bytes asked, stored whole: libgit2's");
	ok(size == 5000 && out.len == 0, "with its size, and no bytes");
	is_int(head_of(dir, 0x44, 5002, &out, &size), 1, "a delta of no more "
	    "than the bytes asked: libgit2's");
	is_int(head_of(dir, 0x44, 9, &out, &size), 0, "a delta by offset");
	ok(size == 5002 && out.len == 9 && memcmp(out.buf, "hello3456", 9) ==
	    0, "its first 9 bytes (%.*s) and its size", (int)out.len, out.buf);
	is_int(head_of(dir, 0x55, 4, &out, &size), 0, "a delta by id");
	ok(out.len == 4 && memcmp(out.buf, "hell", 4) == 0,
	    "its first 4 bytes");
	is_int(head_of(dir, 0x66, 4, &out, &size), 1, "an object in no pack");
out:
	strbuf_release(&mp.body);
	strbuf_release(&blob);
	strbuf_release(&d);
	strbuf_release(&out);
}

/*
 * A delta that is its own base (by id), and a delta that copies from
 * 4 GiB into a base that a delta makes 4 GiB long: planned within
 * PACK_DEPTH_MAX levels and PACK_WANT_MAX bytes, not answered.
 */
static void
test_hostile(void)
{
	struct mkpack mp = { STRBUF_INIT, { { 0 } }, { 0 }, 0 };
	struct strbuf d = STRBUF_INIT, out = STRBUF_INIT, blob = STRBUF_INIT;
	size_t i, size;

	put_size(&d, 4096);
	put_size(&d, 4096);
	put_copy(&d, 0, 4096);
	mk_add(&mp, 0x77, 7, 0, &d);	/* base 0: itself */
	strbuf_reset(&d);
	for (i = 0; i < 65536; i++)
		strbuf_addch(&blob, 'z');
	mk_add(&mp, 0x10, 3, 0, &blob);
	put_size(&d, 65536);
	put_size(&d, (uint64_t)1 << 32);
	for (i = 0; i < 65536; i++)
		put_copy(&d, 0, 65536);
	mk_add(&mp, 0x20, 6, 1, &d);
	strbuf_reset(&d);
	put_size(&d, (uint64_t)1 << 32);
	put_size(&d, 2048);
	put_copy(&d, 0xfffff000u, 2048);
	mk_add(&mp, 0x30, 7, 2, &d);
	mk_write(&mp, "hostile", 0);
	alarm(60);
	is_int(head_of("hostile", 0x77, 100, &out, &size), 1,
	    "a delta that is its own base: not answered");
	is_int(head_of("hostile", 0x30, 1024, &out, &size), 1,
	    "a copy from 4 GiB into its base: not answered");
	alarm(0);
	strbuf_release(&mp.body);
	strbuf_release(&d);
	strbuf_release(&blob);
	strbuf_release(&out);
}

int
main(void)
{
	ut_setup("unit-pack");
	test_sound(0);
	test_sound(1);
	test_hostile();
	ok(ut_cleanup() == 0, "clean up");
	return done_testing();
}
