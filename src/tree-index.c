/* tree-index.c: the tree source of the index (--staged), read, never written */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1		/* MAP_POPULATE */
#endif
#include "config.h"

#include <sys/mman.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <git2.h>

#include "error.h"
#include "strbuf.h"
#include "tree-impl.h"
#include "xalloc.h"

/*
 * The index file (git's Documentation/gitformat-index.txt): a 12-byte
 * header, entries of 62 bytes of stat data, mode, object id and flags
 * followed by the path, extensions, and a 20-byte checksum.
 */
#define INDEX_HEADER	12
#define INDEX_ENTRY	62
#define INDEX_HASH	20
#define INDEX_EXTENDED	0x4000	/* flags: two more bytes of flags */

static uint32_t	 be32(const unsigned char *);
static int	 varint(const unsigned char **, const unsigned char *,
		    size_t *);
static void	 drop_from(struct tree *, size_t);
static int	 add_or_merge(struct tree *, size_t, const char *, size_t,
		    unsigned, int, const git_oid *);
static int	 parse_index(struct tree *, const unsigned char *, size_t,
		    int);
static int	 read_index_file(struct tree *, int);
static int	 stage_cmp(const void *, const void *);
static void	 add_libgit2_index(struct tree *, git_index *, int);
static char	*index_describe(const struct tree *, const char *,
		    const char *);

/* The staged files, as blobs. */
const struct tree_ops tree_index_ops = {
	.name = "index",
	.may_miss = 0,
	.read = tree_blob_read,
	.readlink = tree_blob_readlink,
	.describe = index_describe,
	.free = NULL,
};

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

/* Forget the entries from start on. */
static void
drop_from(struct tree *t, size_t start)
{
	while (t->nentries > start)
		free(t->entries[--t->nentries].path);
}

/*
 * Add an index entry after the ones from start; the stages of a conflict
 * are one entry, "ours" (stage 2). Returns 1 if the path is out of order.
 */
static int
add_or_merge(struct tree *t, size_t start, const char *path, size_t len,
    unsigned mode, int stage, const git_oid *oid)
{
	struct tree_entry *last;
	int c;

	if (t->nentries > start) {
		last = &t->entries[t->nentries - 1];
		c = strncmp(last->path, path, len);
		if (c == 0 && last->path[len] != '\0')
			c = 1;
		if (c > 0)
			return 1;
		if (c == 0) {
			if (stage == 2) {
				last->mode = mode;
				if (oid != NULL)
					git_oid_cpy(&last->oid, oid);
			}
			return 0;
		}
	}
	tree_add(t, xstrndup(path, len), mode, oid);
	return 0;
}

/*
 * Parse an index file of versions 2 to 4. Returns 0, or 1 for what is
 * left to libgit2: a malformed file (it reports it), a split or sparse
 * index.
 */
static int
parse_index(struct tree *t, const unsigned char *b, size_t size, int with_oid)
{
	struct strbuf prev = STRBUF_INIT;
	const unsigned char *e, *p, *end;
	const char *path;
	git_oid oid;
	size_t n, i, start, poff, len, strip, esz;
	unsigned mode, flags, ver;

	if (size < INDEX_HEADER + INDEX_HASH || memcmp(b, "DIRC", 4) != 0)
		return 1;
	ver = be32(b + 4);
	n = be32(b + 8);
	if (ver < 2 || ver > 4 || n > size / INDEX_ENTRY)
		return 1;
	end = b + size - INDEX_HASH;
	start = t->nentries;
	XGROW(t->entries, start + n, t->alloc);
	p = b + INDEX_HEADER;
	for (i = 0; i < n; i++) {
		e = p;
		if ((size_t)(end - e) < INDEX_ENTRY + 2)
			goto bad;
		mode = be32(e + 24);
		flags = (unsigned)e[60] << 8 | e[61];
		poff = INDEX_ENTRY;
		if (flags & INDEX_EXTENDED) {
			if (ver < 3)
				goto bad;
			poff += 2;
		}
		p = e + poff;
		if (ver == 4) {
			if (varint(&p, end, &strip) < 0 || strip > prev.len)
				goto bad;
			len = strnlen((const char *)p, end - p);
			if (p + len >= end)
				goto bad;
			strbuf_setlen(&prev, prev.len - strip);
			strbuf_add(&prev, p, len);
			p += len + 1;
			path = prev.buf;
			len = prev.len;
		} else {
			path = (const char *)p;
			len = strnlen(path, end - p);
			if (p + len >= end)
				goto bad;
			/* NUL-padded to a multiple of 8 bytes */
			if ((size_t)(end - e) < ((poff + len + 8) & ~(size_t)7))
				goto bad;
			p = e + ((poff + len + 8) & ~(size_t)7);
		}
		if ((mode & 0170000) == 0040000)
			goto bad;	/* a sparse index's directory */
		if (with_oid)
			git_oid_fromraw(&oid, e + 40);
		if (add_or_merge(t, start, path, len, tree_mode(mode),
		    (flags >> 12) & 3, with_oid ? &oid : NULL))
			goto bad;
	}
	/* Extensions: a split or sparse index needs more than this file. */
	while ((size_t)(end - p) >= 8) {
		if (memcmp(p, "link", 4) == 0 || memcmp(p, "sdir", 4) == 0)
			goto bad;
		esz = be32(p + 4);
		if (esz > (size_t)(end - p) - 8)
			goto bad;
		p += 8 + esz;
	}
	strbuf_release(&prev);
	return 0;
bad:
	strbuf_release(&prev);
	drop_from(t, start);
	return 1;
}

/*
 * The index git itself would read: GIT_INDEX_FILE when set, as in a
 * pre-commit hook of "git commit -a", where the staged content is in a
 * temporary index.
 */
static const char *
index_file_env(void)
{
	const char *p;

	p = getenv("GIT_INDEX_FILE");
	return p != NULL && *p != '\0' ? p : NULL;
}

/*
 * Read the index file directly: libgit2 spends about a microsecond an
 * entry on allocations and a hash it keeps, the format is a flat array.
 * Returns 0, or 1 to let libgit2 read it.
 */
static int
read_index_file(struct tree *t, int with_oid)
{
	git_buf gb = { NULL, 0, 0 };
	struct stat st;
	void *map;
	int fd, r, flags;

	if (index_file_env() != NULL)
		fd = open(index_file_env(), O_RDONLY | O_CLOEXEC);
	else {
		if (git_repository_item_path(&gb, t->repo,
		    GIT_REPOSITORY_ITEM_INDEX) < 0) {
			git_error_clear();
			return 1;
		}
		fd = open(gb.ptr, O_RDONLY | O_CLOEXEC);
		git_buf_dispose(&gb);
	}
	if (fd == -1)
		return errno == ENOENT ? 0 : 1;		/* no index: empty */
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    st.st_size < INDEX_HEADER + INDEX_HASH ||
	    (uintmax_t)st.st_size > SIZE_MAX) {
		close(fd);
		return 1;
	}
	flags = MAP_PRIVATE;
#ifdef MAP_POPULATE
	flags |= MAP_POPULATE;
#endif
	map = mmap(NULL, (size_t)st.st_size, PROT_READ, flags, fd, 0);
	close(fd);
	if (map == MAP_FAILED)
		return 1;
	r = parse_index(t, map, (size_t)st.st_size, with_oid);
	munmap(map, (size_t)st.st_size);
	return r;
}

/* Index entries by path (byte order), then stage. */
static int
stage_cmp(const void *a, const void *b)
{
	const git_index_entry *ea = *(const git_index_entry *const *)a;
	const git_index_entry *eb = *(const git_index_entry *const *)b;
	int r;

	if ((r = strcmp(ea->path, eb->path)) != 0)
		return r;
	return git_index_entry_stage(ea) - git_index_entry_stage(eb);
}

/* The same from libgit2's index. */
static void
add_libgit2_index(struct tree *t, git_index *idx, int with_oid)
{
	const git_index_entry **v, *e;
	size_t n, i, start;

	n = git_index_entrycount(idx);
	v = xreallocarray(NULL, n, sizeof(*v));
	for (i = 0; i < n; i++)
		v[i] = git_index_get_byindex(idx, i);
	/* libgit2 keeps its own order when core.ignoreCase is set. */
	for (i = 1; i < n; i++)
		if (stage_cmp(&v[i - 1], &v[i]) > 0) {
			qsort(v, n, sizeof(*v), stage_cmp);
			break;
		}
	start = t->nentries;
	XGROW(t->entries, start + n, t->alloc);
	for (i = 0; i < n; i++) {
		e = v[i];
		add_or_merge(t, start, e->path, strlen(e->path),
		    tree_mode(e->mode), git_index_entry_stage(e),
		    with_oid ? &e->id : NULL);
	}
	free(v);
}

int
tree_load_index(struct tree *t, int with_oid)
{
	git_index *idx;

	if (read_index_file(t, with_oid) == 0)
		return 0;
	/* Reading only: no refresh, no write, no lock. */
	if (index_file_env() != NULL) {
		if (git_index_open(&idx, index_file_env()) < 0)
			return ec_error("%s: cannot read the index: %s",
			    index_file_env(), ec_git_error());
	} else if (git_repository_index(&idx, t->repo) < 0)
		return ec_error("cannot read the index: %s", ec_git_error());
	if (git_index_read(idx, 0) < 0) {
		git_index_free(idx);
		return ec_error("cannot read the index: %s", ec_git_error());
	}
	add_libgit2_index(t, idx, with_oid);
	git_index_free(idx);
	return 0;
}

int
tree_open_index(struct tree **tp, git_repository *repo)
{
	struct tree *t;

	*tp = NULL;
	t = tree_new(&tree_index_ops, repo);
	if (tree_load_index(t, 1) < 0) {
		tree_free(t);
		return -1;
	}
	tree_sort(t);
	*tp = t;
	return 0;
}

static char *
index_describe(const struct tree *t, const char *root, const char *path)
{
	(void)t;
	return xasprintf("%s/%s (staged)", root, path);
}
