/*
 * unit-loose.c: loose.c's bounded reader on crafted object files: the
 * header parser on buffers, then read, read_header, read_prefix and
 * streams over files that are cut, too long, not zlib, not a git type or
 * not regular files, each refused with its own message.
 */
#define _GNU_SOURCE 1		/* mkdtemp, setenv, popen (unit-lib.h) */
#include "config.h"

#include <sys/stat.h>

#include <stdint.h>
#include <string.h>

#include <git2.h>
#include <git2/sys/odb_backend.h>
#include <zlib.h>

#include "loose.h"
#include "strbuf.h"
#include "tap.h"
#include "unit-lib.h"

/* Ids of the crafted objects that fail: never looked at as hashes. */
#define ID_NOTZLIB	"1100000000000000000000000000000000000001"
#define ID_BADTYPE	"1100000000000000000000000000000000000002"
#define ID_NONUL	"1100000000000000000000000000000000000003"
#define ID_ZERO		"1100000000000000000000000000000000000004"
#define ID_HUGE		"1100000000000000000000000000000000000005"
#define ID_CUT		"1100000000000000000000000000000000000006"
#define ID_NOADLER	"1100000000000000000000000000000000000007"
#define ID_SHORT	"1100000000000000000000000000000000000008"
#define ID_LONG		"1100000000000000000000000000000000000009"
#define ID_LONGER	"110000000000000000000000000000000000000a"
#define ID_GARBAGE	"110000000000000000000000000000000000000b"
#define ID_EMPTY	"110000000000000000000000000000000000000c"
#define ID_DIR		"220000000000000000000000000000000000000d"
#define ID_LINK		"220000000000000000000000000000000000000e"
#define ID_FIFO		"220000000000000000000000000000000000000f"
#define ID_ABSENT	"2200000000000000000000000000000000000010"
#define ID_BIGCUT	"3300000000000000000000000000000000000011"
/* In 44/: a name too short and one of the right length, not hex. */
#define PFX_NOTHEX	"4400"
#define PFX_NODIR	"6600"
#define ID_PFXBAD	"5500000000000000000000000000000000000012"

#define BIG_LEN		(300 * 1024)	/* read from the file in chunks */

static void	 test_header(void);
static void	 put_raw(const char *, const void *, size_t);
static void	 put_object(const char *, const char *, size_t, const void *,
		    size_t, size_t, const char *);
static void	 noise(unsigned char *, size_t);
static void	 put_good(git_oid *, const void *, size_t);
static void	 put_bad(void);
static const char *read_error(git_odb *, const char *);
static void	 test_read(git_odb *, const git_oid *, const git_oid *);
static void	 test_read_header(git_odb *, const git_oid *);
static void	 test_prefix(git_odb *, const git_oid *);
static void	 test_stream(git_odb *, const git_oid *);
static long	 stream_all(git_odb_stream *, size_t, unsigned char *,
		    size_t);
static void	 test_no_objects_dir(void);

static unsigned char bytes200[200];

/* loose_parse_header() on buffers: git's canonical form only. */
static void
test_header(void)
{
	static const struct {
		const char	*buf;
		size_t		 len;
		int		 want;
		git_object_t	 type;
		uint64_t	 size;
		const char	*what;
	} cases[] = {
		{ "blob 3\0abc", 10, 7, GIT_OBJECT_BLOB, 3, "a blob" },
		{ "tree 0\0", 7, 7, GIT_OBJECT_TREE, 0, "an empty tree" },
		{ "commit 125\0", 11, 11, GIT_OBJECT_COMMIT, 125, "a commit" },
		{ "tag 1\0", 6, 6, GIT_OBJECT_TAG, 1, "a tag" },
		{ "blob 18446744073709551615\0", 26, 26, GIT_OBJECT_BLOB,
		    UINT64_MAX, "the largest size" },
		{ "blob 18446744073709551616\0", 26, -1, 0, 0,
		    "a size over 64 bits" },
		{ "blob 99999999999999999999999\0", 29, -1, 0, 0,
		    "a size far over 64 bits" },
		{ "blob3\0", 6, -1, 0, 0, "no space" },
		{ "blob 3\0", 5, -1, 0, 0, "nothing after the space" },
		{ "blob 3\0", 6, -1, 0, 0, "no NUL within the buffer" },
		{ "blob \0", 6, -1, 0, 0, "no size" },
		{ "blob -3\0", 8, -1, 0, 0, "a negative size" },
		{ "blob +3\0", 8, -1, 0, 0, "a plus sign" },
		{ "blob 03\0", 8, -1, 0, 0, "a leading zero" },
		{ "blob 3 \0", 8, -1, 0, 0, "a space after the size" },
		{ "blob 3x\0", 8, -1, 0, 0, "a letter after the size" },
		{ "BLOB 3\0", 7, -1, 0, 0, "a type in capitals" },
		{ "blub 3\0", 7, -1, 0, 0, "a type that is not git's" },
		{ "ofs-delta 3\0", 12, -1, 0, 0, "a pack-only type" },
		{ "blobby 3\0", 9, -1, 0, 0, "a type with a tail" },
		{ " 3\0", 3, -1, 0, 0, "no type" },
		{ "", 0, -1, 0, 0, "an empty buffer" },
	};
	git_object_t type;
	uint64_t size;
	size_t i;
	int n;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		type = GIT_OBJECT_ANY;
		size = 42;
		n = loose_parse_header((const unsigned char *)cases[i].buf,
		    cases[i].len, &type, &size);
		is_int(n, cases[i].want, "header: %s", cases[i].what);
		if (cases[i].want < 0)
			continue;
		ok(type == cases[i].type && size == cases[i].size,
		    "header: %s: type and size", cases[i].what);
	}
}

/* Write the object file of hex (its directory made) with n bytes. */
static void
put_raw(const char *hex, const void *buf, size_t n)
{
	char path[UT_DIR_MAX + 64];
	FILE *f;

	snprintf(path, sizeof(path), "r.git/objects/%.2s", hex);
	mkdir(path, 0777);
	snprintf(path, sizeof(path), "r.git/objects/%.2s/%s", hex, hex + 2);
	if ((f = fopen(path, "wb")) == NULL ||
	    fwrite(buf, 1, n, f) != n || fclose(f) != 0)
		ut_bail("cannot write %s", path);
}

/*
 * Write "type declared\0" and n bytes of data, deflated, as the object
 * hex: the last cut bytes of the stream dropped, tail (if not NULL)
 * written after it.
 */
static void
put_object(const char *hex, const char *type, size_t declared,
    const void *data, size_t n, size_t cut, const char *tail)
{
	struct strbuf raw = STRBUF_INIT;
	unsigned char *z;
	uLongf zlen;

	strbuf_addf(&raw, "%s %zu", type, declared);
	strbuf_addch(&raw, '\0');
	strbuf_add(&raw, data, n);
	zlen = compressBound(raw.len);
	z = xmalloc(zlen + (tail != NULL ? strlen(tail) : 0));
	if (compress2(z, &zlen, (const Bytef *)raw.buf, raw.len, 9) != Z_OK)
		ut_bail("compress2 failed");
	zlen -= cut;
	if (tail != NULL) {
		memcpy(z + zlen, tail, strlen(tail));
		zlen += strlen(tail);
	}
	put_raw(hex, z, zlen);
	free(z);
	strbuf_release(&raw);
}

/* Bytes deflate cannot shrink, the same on every run. */
static void
noise(unsigned char *buf, size_t n)
{
	uint32_t x;
	size_t i;

	x = 2463534242U;
	for (i = 0; i < n; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		buf[i] = (unsigned char)x;
	}
}

/* A well-formed blob of data, under its true id. */
static void
put_good(git_oid *id, const void *data, size_t n)
{
	char hex[GIT_OID_HEXSZ + 1];

	if (git_odb_hash(id, data, n, GIT_OBJECT_BLOB) < 0)
		ut_bail("git_odb_hash failed");
	git_oid_tostr(hex, sizeof(hex), id);
	put_object(hex, "blob", n, data, n, 0, NULL);
}

/* Every bad object file of the tests below. */
static void
put_bad(void)
{
	unsigned char *big;

	put_raw(ID_NOTZLIB, "this is not zlib data at all", 28);
	put_object(ID_BADTYPE, "blub", 3, "abc", 3, 0, NULL);
	put_object(ID_HUGE, "blob", 99999999999ULL, "abc", 3, 0, NULL);
	put_object(ID_CUT, "blob", 200, bytes200, 200, 100, NULL);
	put_object(ID_NOADLER, "blob", 200, bytes200, 200, 2, NULL);
	put_object(ID_SHORT, "blob", 300, bytes200, 200, 0, NULL);
	put_object(ID_LONG, "blob", 3, "abcdefghij", 10, 0, NULL);
	put_object(ID_LONGER, "blob", 100, bytes200, 200, 0, NULL);
	put_object(ID_GARBAGE, "blob", 3, "abc", 3, 0, "xyz");
	put_object(ID_PFXBAD, "blob", 3, "abc", 3, 0, "xyz");
	put_raw(ID_EMPTY, "", 0);
	/* a type of 70 letters: no space, no NUL in the first 64 bytes */
	put_object(ID_NONUL, "blobblobblobblobblobblobblobblobblobblobblob"
	    "blobblobblobblobblobblobbl", 3, "abc", 3, 0, NULL);
	put_object(ID_ZERO, "blob", 0, "abc", 3, 0, NULL);
	big = xmalloc(BIG_LEN);
	noise(big, BIG_LEN);
	put_object(ID_BIGCUT, "blob", BIG_LEN, big, BIG_LEN, 70000, NULL);
	free(big);
	ut_sh("mkdir r.git/objects/22 r.git/objects/44 && "
	    "mkdir r.git/objects/22/%s && ln -s ../../HEAD "
	    "r.git/objects/22/%s && mkfifo r.git/objects/22/%s && "
	    ": >r.git/objects/44/00short && "
	    ": >r.git/objects/44/00%035dz", ID_DIR + 2, ID_LINK + 2,
	    ID_FIFO + 2, 0);
}

/* What git_odb_read() of hex says, "" when it reads the object. */
static const char *
read_error(git_odb *odb, const char *hex)
{
	static char msg[256];
	const git_error *e;
	git_odb_object *o;
	git_oid id;

	if (git_oid_fromstr(&id, hex) < 0)
		ut_bail("bad id %s", hex);
	if (git_odb_read(&o, odb, &id) == 0) {
		git_odb_object_free(o);
		return "";
	}
	e = git_error_last();
	snprintf(msg, sizeof(msg), "%s", e != NULL ? e->message : "?");
	git_error_clear();
	return msg;
}

/* Whole reads: the good ones, then each way a file can be wrong. */
static void
test_read(git_odb *odb, const git_oid *hello, const git_oid *big)
{
	static const struct {
		const char	*hex;
		const char	*want;
		const char	*what;
	} cases[] = {
		{ ID_NOTZLIB, "loose object is not zlib data", "not zlib" },
		{ ID_BADTYPE, "loose object has a bad header",
		    "a type that is not a git type" },
		{ ID_NONUL, "loose object has a bad header",
		    "a header longer than 64 bytes" },
		{ ID_HUGE, "loose object truncated",
		    "a size no zlib stream of the file's length can hold" },
		{ ID_EMPTY, "loose object truncated", "an empty file" },
		{ ID_CUT, "loose object truncated", "a stream cut short" },
		{ ID_NOADLER, "loose object truncated",
		    "a stream cut in its checksum, after the data" },
		{ ID_BIGCUT, "loose object truncated",
		    "a stream of many chunks cut short" },
		{ ID_SHORT, "loose object shorter than its header says",
		    "data shorter than the header says" },
		{ ID_LONG, "loose object longer than its header says",
		    "data longer than the header says, in the header's read" },
		{ ID_LONGER, "loose object longer than its header says",
		    "data longer than the header says, past the header's read" },
		{ ID_ZERO, "loose object longer than its header says",
		    "data after a declared size of 0" },
		{ ID_GARBAGE, "loose object has garbage after its data",
		    "bytes after the zlib stream" },
		{ ID_DIR, "loose object is not a regular file", "a directory" },
		{ ID_FIFO, "loose object is not a regular file",
		    "a FIFO, without waiting on it" },
		{ ID_LINK, "loose object is a symbolic link; not followed",
		    "a symbolic link" },
	};
	git_odb_object *o;
	git_oid id;
	size_t i;

	if (ok(git_odb_read(&o, odb, hello) == 0, "a blob is read")) {
		ok(git_odb_object_size(o) == 6 &&
		    memcmp(git_odb_object_data(o), "hello\n", 6) == 0 &&
		    git_odb_object_type(o) == GIT_OBJECT_BLOB, "whole");
		git_odb_object_free(o);
	}
	if (ok(git_odb_read(&o, odb, big) == 0,
	    "a blob of %d bytes, read in chunks", BIG_LEN)) {
		is_int(git_odb_object_size(o), BIG_LEN, "whole");
		git_odb_object_free(o);
	}
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		is_str(read_error(odb, cases[i].hex), cases[i].want,
		    "read: %s", cases[i].what);
	git_oid_fromstr(&id, ID_ABSENT);
	is_int(git_odb_read(&o, odb, &id), GIT_ENOTFOUND,
	    "an absent object is passed on, and not found");
	git_error_clear();
}

/* read_header: the header only, so data too long is not seen. */
static void
test_read_header(git_odb *odb, const git_oid *hello)
{
	const git_error *e;
	git_object_t type;
	git_oid id;
	size_t len;

	ok(git_odb_read_header(&len, &type, odb, hello) == 0 && len == 6 &&
	    type == GIT_OBJECT_BLOB, "read_header: a blob's type and size");
	git_oid_fromstr(&id, ID_LONG);
	ok(git_odb_read_header(&len, &type, odb, &id) == 0 && len == 3,
	    "read_header reads no further than the header");
	git_oid_fromstr(&id, ID_BADTYPE);
	is_int(git_odb_read_header(&len, &type, odb, &id), -1,
	    "read_header: a bad header fails");
	e = git_error_last();
	is_str(e != NULL ? e->message : NULL, "loose object has a bad header",
	    "and says so");
	git_error_clear();
	git_oid_fromstr(&id, ID_DIR);
	is_int(git_odb_read_header(&len, &type, odb, &id), -1,
	    "read_header: a directory fails");
	git_error_clear();
}

/* read_prefix: each loose match is checked before libgit2 reads it. */
static void
test_prefix(git_odb *odb, const git_oid *hello)
{
	git_odb_backend *b;
	git_odb_object *o;
	git_oid id, out;
	char hex[GIT_OID_HEXSZ + 1];
	void *data;
	size_t len;
	git_object_t type;

	git_oid_tostr(hex, sizeof(hex), hello);
	git_oid_fromstrn(&id, hex, 7);
	if (ok(git_odb_read_prefix(&o, odb, &id, 7) == 0,
	    "read_prefix: a good object is found by 7 digits")) {
		ok(git_oid_equal(git_odb_object_id(o), hello), "the right one");
		git_odb_object_free(o);
	}
	git_oid_fromstrn(&id, ID_PFXBAD, 8);
	is_int(git_odb_read_prefix(&o, odb, &id, 8), -1,
	    "read_prefix: a bad object matching stops the lookup");
	is_str(git_error_last() != NULL ? git_error_last()->message : NULL,
	    "loose object has garbage after its data", "and says why");
	git_error_clear();
	git_oid_fromstrn(&id, PFX_NODIR, 4);
	is_int(git_odb_read_prefix(&o, odb, &id, 4), GIT_ENOTFOUND,
	    "read_prefix: no such fan-out directory");
	git_error_clear();
	/* ours is asked first: the highest priority sorts first */
	if (!ok(git_odb_get_backend(&b, odb, 0) == 0 && b->read_prefix !=
	    NULL, "the first backend reads prefixes"))
		return;
	is_int(b->read_prefix(&out, &data, &len, &type, b, hello, 1),
	    GIT_PASSTHROUGH, "a prefix of 1 digit is passed on");
	is_int(b->read_prefix(&out, &data, &len, &type, b, hello,
	    GIT_OID_HEXSZ + 1), GIT_PASSTHROUGH,
	    "a prefix longer than an id is passed on");
	/* libgit2's own loose backend fails on such names: ask ours */
	git_oid_fromstrn(&id, PFX_NOTHEX, 4);
	is_int(b->read_prefix(&out, &data, &len, &type, b, &id, 4),
	    GIT_PASSTHROUGH,
	    "names not 38 long or not hex are passed over");
	git_error_clear();
}

/* Read a whole stream in pieces of step bytes; its length, or -1. */
static long
stream_all(git_odb_stream *s, size_t step, unsigned char *dst, size_t max)
{
	size_t got;
	int n;

	got = 0;
	while ((n = s->read(s, (char *)dst + got, step)) > 0) {
		got += (size_t)n;
		if (got + step > max)
			return -2;
	}
	return n < 0 ? -1 : (long)got;
}

/* Streams: read in pieces; a bad object fails on its first read. */
static void
test_stream(git_odb *odb, const git_oid *id200)
{
	unsigned char buf[1024];
	git_odb_stream *s;
	git_object_t type;
	git_oid id;
	size_t len;

	if (ok(git_odb_open_rstream(&s, &len, &type, odb, id200) == 0 &&
	    len == 200 && type == GIT_OBJECT_BLOB, "a stream opens")) {
		ok(stream_all(s, 7, buf, sizeof(buf)) == 200 &&
		    memcmp(buf, bytes200, 200) == 0,
		    "read 7 bytes at a time, whole");
		loose_stream_free(s);
	}
	if (ok(git_odb_open_rstream(&s, &len, &type, odb, id200) == 0,
	    "again")) {
		is_int(s->read(s, (char *)buf, sizeof(buf)), 200,
		    "a read larger than what is left gets what is left");
		is_int(s->read(s, (char *)buf, sizeof(buf)), 0, "then 0");
		loose_stream_free(s);
	}
	git_oid_fromstr(&id, ID_BADTYPE);
	if (ok(git_odb_open_rstream(&s, &len, &type, odb, &id) == 0,
	    "a bad object opens as a stream (libgit2 would hang on it)")) {
		is_int(s->read(s, (char *)buf, sizeof(buf)), -1,
		    "whose first read fails");
		is_str(git_error_last() != NULL ? git_error_last()->message :
		    NULL, "loose object has a bad header", "saying why");
		loose_stream_free(s);
	}
	git_oid_fromstr(&id, ID_SHORT);
	if (ok(git_odb_open_rstream(&s, &len, &type, odb, &id) == 0 &&
	    len == 300, "a stream of data shorter than declared")) {
		is_int(stream_all(s, 100, buf, sizeof(buf)), -1,
		    "fails where the data ends");
		is_str(git_error_last() != NULL ? git_error_last()->message :
		    NULL, "loose object shorter than its header says",
		    "saying why");
		loose_stream_free(s);
	}
	git_error_clear();
	loose_stream_free(NULL);
	ok(1, "loose_stream_free(NULL) does nothing");
}

/* A repository whose objects directory is gone: guarded all the same. */
static void
test_no_objects_dir(void)
{
	git_repository *repo;
	git_odb_object *o;
	git_odb *odb;
	git_oid id;

	ut_sh("git init -q --bare n.git");
	if (git_repository_open(&repo, "n.git") < 0 ||
	    git_repository_odb(&odb, repo) < 0)
		ut_bail("open n.git: %s", git_error_last()->message);
	git_odb_free(odb);	/* loaded: the repository keeps it */
	ut_sh("mv n.git/objects n.git/objects.away");
	is_int(loose_guard(repo), 0, "no objects directory: guarded");
	git_oid_fromstr(&id, ID_ABSENT);
	if (git_repository_odb(&odb, repo) == 0) {
		is_int(git_odb_read(&o, odb, &id), GIT_ENOTFOUND,
		    "and every object passed on");
		git_odb_free(odb);
	}
	git_error_clear();
	git_repository_free(repo);
	ut_sh("mv n.git/objects.away n.git/objects");
}

int
main(void)
{
	git_repository *repo;
	git_odb *odb;
	git_oid hello, big, id200;
	unsigned char *bigdata;

	ut_setup("unit-loose");
	ut_libgit2_init();
	test_header();
	ut_sh("git init -q --bare r.git");
	noise(bytes200, sizeof(bytes200));
	put_good(&hello, "hello\n", 6);
	put_good(&id200, bytes200, sizeof(bytes200));
	bigdata = xmalloc(BIG_LEN);
	noise(bigdata, BIG_LEN);
	bigdata[0] = 'x';	/* not ID_BIGCUT's data */
	put_good(&big, bigdata, BIG_LEN);
	free(bigdata);
	put_bad();
	if (git_repository_open(&repo, "r.git") < 0)
		ut_bail("open r.git: %s", git_error_last()->message);
	is_int(loose_guard(repo), 0, "loose_guard");
	if (git_repository_odb(&odb, repo) < 0)
		ut_bail("odb: %s", git_error_last()->message);
	test_read(odb, &hello, &big);
	test_read_header(odb, &hello);
	test_prefix(odb, &hello);
	test_stream(odb, &id200);
	git_odb_free(odb);
	git_repository_free(repo);
	test_no_objects_dir();
	git_libgit2_shutdown();
	ok(ut_cleanup() == 0, "clean up");
	return done_testing();
}
