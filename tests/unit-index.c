/* unit-index.c: git's index format parsed from buffers built by hand */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gitindex.h"
#include "strbuf.h"
#include "xalloc.h"

#include "tap.h"

static void	 be32(struct strbuf *, uint32_t);
static void	 header(struct strbuf *, unsigned, unsigned);
static void	 entry(struct strbuf *, unsigned, unsigned, int, int,
		    const char *, size_t);
static void	 extension(struct strbuf *, const char *, const char *);
static void	 checksum(struct strbuf *);
static int	 collect(const struct gitindex_entry *, void *);
static int	 parse(const struct strbuf *, struct strbuf *);
static void	 test_versions(void);
static void	 test_extensions(void);
static void	 test_refused(void);
static void	 test_callback(void);
static void	 test_truncated(void);
static void	 test_corrupt(void);
static void	 test_sparse(void);
static void	 ewah64(struct strbuf *, uint32_t, uint32_t);
static int	 parse_split(const struct strbuf *, const struct strbuf *,
		    struct strbuf *);
static void	 split_pair(struct strbuf *, struct strbuf *, int);
static void	 test_split(void);

static void
be32(struct strbuf *sb, uint32_t v)
{
	unsigned char b[4];

	b[0] = v >> 24;
	b[1] = v >> 16;
	b[2] = v >> 8;
	b[3] = v;
	strbuf_add(sb, b, 4);
}

static void
header(struct strbuf *sb, unsigned version, unsigned n)
{
	strbuf_add(sb, "DIRC", 4);
	be32(sb, version);
	be32(sb, n);
}

/*
 * An entry of mode, with an object id of bytes oidbyte, a stage, extended
 * flags if asked (1 intent-to-add, 2 skip-worktree); for version 4 path is the suffix after dropping strip
 * bytes of the previous path, else it is NUL-padded.
 */
static void
entry(struct strbuf *sb, unsigned version, unsigned mode, int stage,
    int extended, const char *path, size_t strip)
{
	unsigned char oid[GITINDEX_OIDSZ], c;
	size_t start, len, v;
	int i;

	start = sb->len;
	for (i = 0; i < 6; i++)
		be32(sb, 1000 + i);	/* ctime, mtime, dev, ino */
	be32(sb, mode);
	for (i = 0; i < 3; i++)
		be32(sb, 7);		/* uid, gid, size */
	memset(oid, 0xa0 + stage, sizeof(oid));
	oid[0] = (unsigned char)mode;
	strbuf_add(sb, oid, sizeof(oid));
	len = strlen(path);
	c = (stage << 4) | (extended ? 0x40 : 0) | (len > 0xfff ? 0xf :
	    (len >> 8));
	strbuf_addch(sb, c);
	strbuf_addch(sb, len & 0xff);
	if (extended) {
		strbuf_addch(sb, extended == 2 ? 0x40 : 0x20);
		strbuf_addch(sb, 0);
	}
	if (version == 4) {
		/* git's offset varint */
		unsigned char vb[16];
		int pos = sizeof(vb) - 1;

		v = strip;
		vb[pos] = v & 127;
		while (v >>= 7)
			vb[--pos] = 128 | (--v & 127);
		strbuf_add(sb, vb + pos, sizeof(vb) - pos);
		strbuf_add(sb, path, len + 1);
		return;
	}
	strbuf_add(sb, path, len);
	do
		strbuf_addch(sb, '\0');
	while ((sb->len - start) % 8 != 0);
}

static void
extension(struct strbuf *sb, const char *sig, const char *data)
{
	strbuf_add(sb, sig, 4);
	be32(sb, strlen(data));
	strbuf_addstr(sb, data);
}

/* Twenty bytes where the checksum goes (not verified). */
static void
checksum(struct strbuf *sb)
{
	int i;

	for (i = 0; i < 20; i++)
		strbuf_addch(sb, 0x5a);
}

/* Each entry as "PATH MODE STAGE OID0\n". */
static int
collect(const struct gitindex_entry *e, void *arg)
{
	struct strbuf *out = arg;

	if (strlen(e->path) != e->len)
		strbuf_addstr(out, "(len differs) ");
	strbuf_addf(out, "%s %06o %d %02x%02x%s\n", e->path, e->mode,
	    e->stage, e->oid[0], e->oid[GITINDEX_OIDSZ - 1],
	    e->skip_worktree ? " skip" : "");
	return 0;
}

/* Parse a copy of exactly in's bytes (so that overreads show). */
static int
parse(const struct strbuf *in, struct strbuf *out)
{
	void *copy;
	int r;

	strbuf_reset(out);
	copy = xmalloc(in->len > 0 ? in->len : 1);
	memcpy(copy, in->buf, in->len);
	r = gitindex_parse(copy, in->len, collect, out);
	free(copy);
	return r;
}

static void
test_versions(void)
{
	struct strbuf b = STRBUF_INIT, out = STRBUF_INIT;
	unsigned ver;
	size_t n;

	header(&b, 2, 3);
	entry(&b, 2, 0100644, 0, 0, "README.md", 0);
	entry(&b, 2, 0100755, 0, 0, "bin/run", 0);
	entry(&b, 2, 0120000, 0, 0, "docs/link-of-eight", 0);
	checksum(&b);
	is_int(parse(&b, &out), 0, "version 2 parses");
	is_str(out.buf, "README.md 100644 0 a4a0\nbin/run 100755 0 eda0\n"
	    "docs/link-of-eight 120000 0 00a0\n",
	    "version 2: paths, modes, stages, object ids");
	ok(gitindex_header(b.buf, b.len, &ver, &n) == 0 && ver == 2 &&
	    n == 3, "the header's version and count");

	strbuf_reset(&b);
	header(&b, 3, 2);
	entry(&b, 3, 0100644, 0, 1, "a", 0);
	entry(&b, 3, 0100644, 0, 0, "b", 0);
	checksum(&b);
	is_int(parse(&b, &out), 0, "version 3 parses");
	is_str(out.buf, "a 100644 0 a4a0\nb 100644 0 a4a0\n",
	    "version 3: an entry with extended flags, one without");

	strbuf_reset(&b);
	header(&b, 2, 1);
	entry(&b, 2, 0100644, 0, 1, "a", 0);
	checksum(&b);
	is_int(parse(&b, &out), GITINDEX_EBAD,
	    "extended flags in version 2 are refused");

	strbuf_reset(&b);
	header(&b, 4, 4);
	entry(&b, 4, 0100644, 0, 0, "dir/a.txt", 0);
	entry(&b, 4, 0100644, 0, 0, "b.txt", 5);
	entry(&b, 4, 0100644, 0, 1, "sub/c", 5);
	entry(&b, 4, 0100644, 0, 0, "zz", 9);
	checksum(&b);
	is_int(parse(&b, &out), 0, "version 4 parses");
	is_str(out.buf, "dir/a.txt 100644 0 a4a0\ndir/b.txt 100644 0 a4a0\n"
	    "dir/sub/c 100644 0 a4a0\nzz 100644 0 a4a0\n",
	    "version 4: paths rebuilt from the previous ones");

	strbuf_reset(&b);
	header(&b, 4, 2);
	entry(&b, 4, 0100644, 0, 0, "ab", 0);
	entry(&b, 4, 0100644, 0, 0, "c", 3);
	checksum(&b);
	is_int(parse(&b, &out), GITINDEX_EBAD,
	    "version 4: dropping more than the previous path is refused");

	strbuf_reset(&b);
	header(&b, 2, 0);
	checksum(&b);
	is_int(parse(&b, &out), 0, "an empty index parses");
	is_str(out.buf, "", "with no entries");

	strbuf_reset(&b);
	header(&b, 2, 3);
	entry(&b, 2, 0100644, 1, 0, "f", 0);
	entry(&b, 2, 0100644, 2, 0, "f", 0);
	entry(&b, 2, 0100644, 3, 0, "f", 0);
	checksum(&b);
	is_int(parse(&b, &out), 0, "a conflict parses");
	is_str(out.buf, "f 100644 1 a4a1\nf 100644 2 a4a2\nf 100644 3 a4a3\n",
	    "each stage is an entry");

	/* A path longer than the 12 bits of the flags can say. */
	strbuf_reset(&b);
	header(&b, 2, 1);
	{
		char *lp = xmalloc(5001);

		memset(lp, 'x', 5000);
		lp[5000] = '\0';
		entry(&b, 2, 0100644, 0, 0, lp, 0);
		checksum(&b);
		is_int(parse(&b, &out), 0, "a path of 5000 bytes parses");
		is_int(out.len, 5000 + strlen(" 100644 0 a4a0\n"),
		    "and is whole");
		free(lp);
	}
	strbuf_release(&b);
	strbuf_release(&out);
}

static void
test_extensions(void)
{
	struct strbuf b = STRBUF_INIT, out = STRBUF_INIT;

	header(&b, 2, 1);
	entry(&b, 2, 0100644, 0, 0, "a", 0);
	extension(&b, "TREE", "some cache-tree bytes");
	extension(&b, "REUC", "");
	checksum(&b);
	is_int(parse(&b, &out), 0, "extensions are skipped");
	is_str(out.buf, "a 100644 0 a4a0\n", "the entries are all read");

	strbuf_reset(&b);
	header(&b, 2, 1);
	entry(&b, 2, 0100644, 0, 0, "a", 0);
	extension(&b, "TREE", "abc");
	strbuf_setlen(&b, b.len - 1);	/* one byte short */
	checksum(&b);
	is_int(parse(&b, &out), GITINDEX_EBAD,
	    "an extension larger than the file is refused");

	strbuf_reset(&b);
	header(&b, 2, 1);
	entry(&b, 2, 0100644, 0, 0, "a", 0);
	strbuf_add(&b, "TRE", 3);	/* less than an extension header */
	checksum(&b);
	is_int(parse(&b, &out), GITINDEX_EBAD,
	    "bytes too few for an extension are refused");
	strbuf_release(&b);
	strbuf_release(&out);
}

static void
test_refused(void)
{
	/* Headers alone (and a checksum) that are refused. */
	static const struct {
		unsigned	 version;
		unsigned	 n;
		const char	*name;
	} bad[] = {
		{ 1, 0, "version 1" },
		{ 5, 0, "version 5" },
		{ 2, 0xffffffff, "more entries than the file could hold" },
		{ 2, 1, "an entry missing" },
	};
	struct strbuf b = STRBUF_INIT, out = STRBUF_INIT;
	size_t i;

	header(&b, 2, 1);
	entry(&b, 2, 0100644, 0, 0, "a", 0);
	extension(&b, "link", "01234567890123456789");
	checksum(&b);
	is_int(parse(&b, &out), GITINDEX_EUNSUPPORTED,
	    "a split index is unsupported");

	strbuf_reset(&b);
	header(&b, 3, 1);
	entry(&b, 3, 0040000, 0, 1, "dir/", 0);
	checksum(&b);
	is_int(parse(&b, &out), GITINDEX_EBAD,
	    "a directory entry that is not skip-worktree is refused");

	strbuf_reset(&b);
	header(&b, 3, 1);
	entry(&b, 3, 0040000, 0, 2, "dir", 0);
	checksum(&b);
	is_int(parse(&b, &out), GITINDEX_EBAD,
	    "a directory entry without its final slash is refused");

	strbuf_reset(&b);
	header(&b, 2, 0);
	memcpy(b.buf, "DIRD", 4);
	checksum(&b);
	is_int(parse(&b, &out), GITINDEX_EBAD, "a bad signature");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		strbuf_reset(&b);
		header(&b, bad[i].version, bad[i].n);
		checksum(&b);
		is_int(parse(&b, &out), GITINDEX_EBAD, "%s", bad[i].name);
	}
	strbuf_reset(&b);
	header(&b, 2, 0);
	is_int(parse(&b, &out), GITINDEX_EBAD, "no room for a checksum");
	strbuf_reset(&b);
	is_int(parse(&b, &out), GITINDEX_EBAD, "an empty buffer");
	strbuf_release(&b);
	strbuf_release(&out);
}

static int
stop_second(const struct gitindex_entry *e, void *arg)
{
	int *n = arg;

	(void)e;
	return ++*n == 2 ? 42 : 0;
}

static void
test_callback(void)
{
	struct strbuf b = STRBUF_INIT;
	int n;

	header(&b, 2, 3);
	entry(&b, 2, 0100644, 0, 0, "a", 0);
	entry(&b, 2, 0100644, 0, 0, "b", 0);
	entry(&b, 2, 0100644, 0, 0, "c", 0);
	checksum(&b);
	n = 0;
	is_int(gitindex_parse(b.buf, b.len, stop_second, &n), 42,
	    "a callback's nonzero return stops and is returned");
	is_int(n, 2, "after the second entry");
	strbuf_release(&b);
}

/*
 * Every prefix of valid indexes: an error, or (cut where an extension
 * starts, which only the unverified checksum could tell) all the entries.
 */
static void
test_truncated(void)
{
	struct strbuf b = STRBUF_INIT, cut = STRBUF_INIT, out = STRBUF_INIT;
	struct strbuf full = STRBUF_INIT;
	size_t len, bad;
	unsigned v;
	int r;

	for (v = 2; v <= 4; v++) {
		strbuf_reset(&b);
		header(&b, v, 3);
		entry(&b, v, 0100644, 0, v == 3, "dir/a.txt", 0);
		entry(&b, v, 0100755, 2, 0, v == 4 ? "b" : "dir/b", 5);
		entry(&b, v, 0120000, 0, 0, "link", 5);
		extension(&b, "TREE", "0123456789");
		checksum(&b);
		parse(&b, &full);
		bad = 0;
		for (len = 0; len < b.len; len++) {
			strbuf_reset(&cut);
			strbuf_add(&cut, b.buf, len);
			r = parse(&cut, &out);
			if (r == GITINDEX_EBAD)
				continue;
			if (r == 0 && strcmp(out.buf, full.buf) == 0 &&
			    len == b.len - 18)
				continue;	/* the extension cut off */
			printf("# version %u, %zu of %zu bytes: %d\n", v, len,
			    b.len, r);
			bad++;
		}
		is_int(bad, 0, "version %u: every truncation is an error", v);
	}
	strbuf_release(&b);
	strbuf_release(&cut);
	strbuf_release(&out);
	strbuf_release(&full);
}

/* Every byte of valid indexes changed: never a crash, only known results. */
static void
test_corrupt(void)
{
	static const unsigned char vals[] = { 0x00, 0x01, 0x2f, 0x7f, 0x80,
	    0xff };
	struct strbuf b = STRBUF_INIT, out = STRBUF_INIT;
	size_t i, j, odd;
	unsigned v;
	char save;
	int r;

	for (v = 2; v <= 4; v++) {
		strbuf_reset(&b);
		header(&b, v, 2);
		entry(&b, v, 0100644, 0, v >= 3, "dir/a.txt", 0);
		entry(&b, v, 0100644, 0, 0, v == 4 ? "b" : "dir/b", 5);
		extension(&b, "TREE", "01234567");
		checksum(&b);
		odd = 0;
		for (i = 0; i < b.len; i++) {
			save = b.buf[i];
			for (j = 0; j < sizeof(vals); j++) {
				b.buf[i] = (char)vals[j];
				r = parse(&b, &out);
				if (r != 0 && r != GITINDEX_EBAD &&
				    r != GITINDEX_EUNSUPPORTED)
					odd++;
			}
			b.buf[i] = save;
		}
		is_int(odd, 0, "version %u: corrupt bytes give 0 or an error",
		    v);
		is_int(parse(&b, &out), 0, "and the intact index parses");
	}
	strbuf_release(&b);
	strbuf_release(&out);
}

/* A sparse index: its directory entries and skip-worktree passed on. */
static void
test_sparse(void)
{
	struct strbuf b = STRBUF_INIT, out = STRBUF_INIT;

	header(&b, 3, 3);
	entry(&b, 3, 0100644, 0, 0, "a", 0);
	entry(&b, 3, 0040000, 0, 2, "dir/", 0);
	entry(&b, 3, 0100644, 0, 2, "z", 0);
	extension(&b, "sdir", "");
	checksum(&b);
	is_int(parse(&b, &out), 0, "a sparse index parses");
	is_str(out.buf, "a 100644 0 a4a0\ndir/ 040000 0 00a0 skip\n"
	    "z 100644 0 a4a0 skip\n",
	    "its directory entry and skip-worktree flags are passed on");
	strbuf_release(&b);
	strbuf_release(&out);
}

/* An EWAH bitmap of one literal word (bits lo | hi << 32). */
static void
ewah64(struct strbuf *sb, uint32_t lo, uint32_t hi)
{
	be32(sb, 64);		/* bits */
	be32(sb, 2);		/* words */
	be32(sb, 2);		/* a run word: no run, one literal (<< 33) */
	be32(sb, 0);
	be32(sb, hi);
	be32(sb, lo);
	be32(sb, 0);		/* the last run word's position */
}

static int
parse_split(const struct strbuf *in, const struct strbuf *shared,
    struct strbuf *out)
{
	strbuf_reset(out);
	return gitindex_parse_split(in->buf, in->len, shared->buf,
	    shared->len, collect, out);
}

/*
 * A shared index of a b c d (checksum 0x33...) and a split index that
 * deletes b, replaces c (mode 0100755), adds bb (skip-worktree) and a
 * new a (mode 0100755) that takes the shared one's place; kind 1
 * gives a delete bitmap that runs past the shared entries, kind 2 a
 * replacement with a name.
 */
static void
split_pair(struct strbuf *split, struct strbuf *shared, int kind)
{
	struct strbuf link = STRBUF_INIT;
	int i;

	strbuf_reset(shared);
	header(shared, 2, 4);
	entry(shared, 2, 0100644, 0, 0, "a", 0);
	entry(shared, 2, 0100644, 0, 0, "b", 0);
	entry(shared, 2, 0100644, 0, 0, "c", 0);
	entry(shared, 2, 0100644, 0, 0, "d", 0);
	for (i = 0; i < GITINDEX_OIDSZ; i++)
		strbuf_addch(shared, 0x33);

	for (i = 0; i < GITINDEX_OIDSZ; i++)
		strbuf_addch(&link, 0x33);
	if (kind == 1) {
		be32(&link, 128);
		be32(&link, 1);
		be32(&link, 0);
		be32(&link, 3);		/* a run of 1 word of ones */
		be32(&link, 0);
	} else
		ewah64(&link, 1 << 1, 0);	/* delete b */
	ewah64(&link, 1 << 2, 0);		/* replace c */
	strbuf_reset(split);
	header(split, 3, 3);
	entry(split, 3, 0100755, 0, 0, kind == 2 ? "c" : "", 0);
	entry(split, 3, 0100755, 0, 0, "a", 0);
	entry(split, 3, 0100644, 0, 2, "bb", 0);
	strbuf_add(split, "link", 4);
	be32(split, link.len);
	strbuf_add(split, link.buf, link.len);
	checksum(split);
	strbuf_release(&link);
}

/* A split index with its shared index. */
static void
test_split(void)
{
	struct strbuf b = STRBUF_INIT, sh = STRBUF_INIT, out = STRBUF_INIT;
	unsigned char oid[GITINDEX_OIDSZ];

	split_pair(&b, &sh, 0);
	memset(oid, 0, sizeof(oid));
	is_int(gitindex_link(b.buf, b.len, oid), 1, "the index is split");
	ok(oid[0] == 0x33 && oid[GITINDEX_OIDSZ - 1] == 0x33,
	    "and names its shared index");
	is_int(gitindex_link(sh.buf, sh.len, oid), 0,
	    "the shared index is not split");
	is_int(parse(&b, &out), GITINDEX_EUNSUPPORTED,
	    "gitindex_parse refuses a split index");
	is_int(parse_split(&b, &sh, &out), 0, "the pair parses");
	is_str(out.buf, "a 100755 0 eda0\nbb 100644 0 a4a0 skip\n"
	    "c 100755 0 eda0\nd 100644 0 a4a0\n",
	    "b deleted, c replaced under its name, a and bb added in order");

	split_pair(&b, &sh, 1);
	is_int(parse_split(&b, &sh, &out), GITINDEX_EBAD,
	    "a bitmap past the shared entries is refused");
	split_pair(&b, &sh, 2);
	is_int(parse_split(&b, &sh, &out), GITINDEX_EBAD,
	    "a replacement with a name is refused");

	strbuf_reset(&b);
	header(&b, 2, 1);
	entry(&b, 2, 0100644, 0, 0, "a", 0);
	strbuf_add(&b, "link", 4);
	be32(&b, GITINDEX_OIDSZ);
	memset(oid, 0, sizeof(oid));
	strbuf_add(&b, oid, sizeof(oid));
	checksum(&b);
	is_int(gitindex_link(b.buf, b.len, oid), 0,
	    "a link naming no shared index is not split");
	strbuf_release(&b);
	strbuf_release(&sh);
	strbuf_release(&out);
}

int
main(void)
{
	test_versions();
	test_extensions();
	test_refused();
	test_callback();
	test_truncated();
	test_corrupt();
	test_sparse();
	test_split();
	return done_testing();
}
