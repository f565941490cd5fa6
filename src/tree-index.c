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
#include "gitfile.h"
#include "gitindex.h"
#include "strbuf.h"
#include "tree-impl.h"
#include "xalloc.h"

static void	 drop_from(struct tree *, size_t);
static int	 add_or_merge(struct tree *, size_t, const char *, size_t,
		    unsigned, int, const git_oid *);
static int	 add_parsed(const struct gitindex_entry *, void *);
static int	 add_cached(const char *, size_t, size_t,
		    const unsigned char *, void *);
static int	 cache_cmp(const void *, const void *);
static int	 expand_cb(const char *, const git_tree_entry *, void *);
static int	 expand_sparse_dir(struct tree *, size_t,
		    const struct gitindex_entry *);
static int	 parse_index(struct tree *, const unsigned char *, size_t,
		    const unsigned char *, size_t, int);
static int	 open_regular(const char *, int, int *, struct stat *);
static int	 open_index_file(struct tree *, int *, struct stat *, char **);
static void	*map_file(int, size_t);
static int	 read_shared_index(struct tree *, const char *,
		    const unsigned char *, void **, size_t *);
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
	.size = tree_blob_size,
	.readlink = tree_blob_readlink,
	.describe = index_describe,
	.unreadable = NULL,
	.free = NULL,
};

/* Forget the entries from start on. */
static void
drop_from(struct tree *t, size_t start)
{
	while (t->nentries > start)
		if (!t->entries[--t->nentries].borrowed)
			free(t->entries[t->nentries].path);
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
	tree_add_copy(t, path, len, mode, oid);
	return 0;
}

/* Where parsed entries go. */
struct parsed {
	struct tree	*t;
	size_t		 start;		/* the first entry of this index */
	int		 with_oid;
};

/* A callback's result: an error was printed. */
#define PARSE_ERROR	2

/*
 * gitindex_parse callback: add an entry, or a sparse directory's files;
 * 1 if out of order, PARSE_ERROR. A skip-worktree entry always has its
 * blob: git leaves it off the disk, the working tree reads the index's.
 */
static int
add_parsed(const struct gitindex_entry *ie, void *arg)
{
	struct parsed *pa = arg;
	git_oid oid;
	int with_oid;

	if ((ie->mode & 0170000) == 0040000)
		return expand_sparse_dir(pa->t, pa->start, ie);
	with_oid = pa->with_oid || ie->skip_worktree;
	if (with_oid)
		git_oid_fromraw(&oid, ie->oid);
	return add_or_merge(pa->t, pa->start, ie->path, ie->len,
	    tree_mode(ie->mode), ie->stage, with_oid ? &oid : NULL);
}

/* A valid directory of the index's cache of tree ids, kept for HEAD's tree. */
static int
add_cached(const char *path, size_t len, size_t count,
    const unsigned char *oid, void *arg)
{
	struct tree *t = arg;
	struct tree_cache_node *n;

	XGROW(t->cache, t->ncache + 1, t->cache_alloc);
	n = &t->cache[t->ncache++];
	n->path = xstrndup(path, len);
	n->count = count;
	git_oid_fromraw(&n->oid, oid);
	return 0;
}

static int
cache_cmp(const void *a, const void *b)
{
	const struct tree_cache_node *na = a, *nb = b;

	return strcmp(na->path, nb->path);
}

/* Where a sparse directory's files go. */
struct expand {
	struct tree	*t;
	size_t		 start;
	struct strbuf	 path;
	size_t		 plen;		/* of the directory, with '/' */
	int		 r;
};

/* git_tree_walk callback: add a file of a sparse directory. */
static int
expand_cb(const char *root, const git_tree_entry *te, void *arg)
{
	struct expand *ex = arg;
	unsigned mode;

	if (git_tree_entry_type(te) == GIT_OBJECT_TREE)
		return 0;
	mode = tree_mode(git_tree_entry_filemode(te));
	strbuf_setlen(&ex->path, ex->plen);
	strbuf_addstr(&ex->path, root);
	strbuf_addstr(&ex->path, git_tree_entry_name(te));
	if ((ex->r = add_or_merge(ex->t, ex->start, ex->path.buf,
	    ex->path.len, mode, 0, git_tree_entry_id(te))) != 0)
		return -1;
	return 0;
}

/*
 * A sparse index's directory entry: the files of the tree it names, as
 * git's ensure_full_index() lists them, skip-worktree all.
 */
static int
expand_sparse_dir(struct tree *t, size_t start,
    const struct gitindex_entry *ie)
{
	struct expand ex;
	git_tree *tree;
	git_oid oid;
	char hex[GIT_OID_HEXSZ + 1];

	git_oid_fromraw(&oid, ie->oid);
	if (git_tree_lookup(&tree, t->repo, &oid) < 0) {
		git_oid_tostr(hex, sizeof(hex), &oid);
		ec_error("cannot read the index: sparse directory '%.*s' "
		    "names tree %s: %s", (int)ie->len, ie->path, hex,
		    ec_git_error());
		return PARSE_ERROR;
	}
	ex.t = t;
	ex.start = start;
	strbuf_init(&ex.path);
	strbuf_add(&ex.path, ie->path, ie->len);
	ex.plen = ex.path.len;
	ex.r = 0;
	if (git_tree_walk(tree, GIT_TREEWALK_PRE, expand_cb, &ex) < 0 &&
	    ex.r == 0) {
		ec_error("cannot read the index: sparse directory '%.*s': %s",
		    (int)ie->len, ie->path, ec_git_error());
		ex.r = PARSE_ERROR;
	}
	git_error_clear();
	strbuf_release(&ex.path);
	git_tree_free(tree);
	return ex.r;
}

/*
 * Parse an index file of versions 2 to 4, split (with its shared index
 * sb, ssize) when sb is not NULL. Returns 0, -1 (printed), or 1 for what
 * is left to libgit2: a malformed file (it reports it).
 */
static int
parse_index(struct tree *t, const unsigned char *b, size_t size,
    const unsigned char *sb, size_t ssize, int with_oid)
{
	struct parsed pa;
	unsigned ver;
	size_t n;
	int r;

	if (gitindex_header(b, size, &ver, &n) != 0)
		return 1;
	pa.t = t;
	pa.start = t->nentries;
	pa.with_oid = with_oid;
	XGROW(t->entries, pa.start + n, t->alloc);
	if (sb != NULL)
		r = gitindex_parse_split(b, size, sb, ssize, add_parsed, &pa);
	else if (with_oid && pa.start == 0)
		/* The index source: its cache of tree ids serves HEAD's. */
		r = gitindex_parse_cache(b, size, add_parsed, &pa, add_cached,
		    t);
	else
		r = gitindex_parse(b, size, add_parsed, &pa);
	if (r == 0) {
		if (t->ncache > 1)
			qsort(t->cache, t->ncache, sizeof(*t->cache),
			    cache_cmp);
		return 0;
	}
	while (t->ncache > 0)
		free(t->cache[--t->ncache].path);
	drop_from(t, pa.start);
	return r == PARSE_ERROR ? -1 : 1;
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
 * Open path, never waiting on a FIFO, and without following a symbolic
 * link when own (a file of the repository: its index is never a link out
 * of it): *fd is -1 when there is none. Returns 0, or -1 (printed) for a
 * file that is there but cannot be read, is not a regular file or is
 * larger than GITINDEX_MAX_SIZE (a sparse one of gigabytes would be read
 * whole into memory).
 */
static int
open_regular(const char *path, int own, int *fd, struct stat *st)
{
	struct gitfile gf;
	int rc;

	rc = gitfile_open(AT_FDCWD, path, own ? GITFILE_NOFOLLOW : 0, &gf,
	    fd);
	*st = gf.st;
	if (rc == GITFILE_OK && (uintmax_t)gf.st.st_size > GITINDEX_MAX_SIZE) {
		close(*fd);	/* refused before a page of it is read */
		*fd = -1;
		return ec_error("%s: cannot read the index: larger than %lu "
		    "bytes", path, (unsigned long)GITINDEX_MAX_SIZE);
	}
	if (rc == GITFILE_OK || (rc == GITFILE_MISSING && gf.err == ENOENT))
		return 0;
	if (rc == GITFILE_LINK)
		return ec_error("%s: cannot read the index: a symbolic link; "
		    "refusing to follow it", path);
	if (rc == GITFILE_NOTFILE)
		return ec_error("%s: cannot read the index: not a regular "
		    "file", path);
	return ec_error("%s: cannot read the index: %s", path,
	    strerror(gf.err));
}

/*
 * Open the index git would read (its path in *pathp, allocated): *fd is
 * -1 when there is none. Returns 0, 1 to let libgit2 find it, or -1.
 */
static int
open_index_file(struct tree *t, int *fd, struct stat *st, char **pathp)
{
	git_buf gb = { NULL, 0, 0 };
	const char *path;
	int own;

	*fd = -1;
	*pathp = NULL;
	own = 0;
	if ((path = index_file_env()) == NULL) {
		if (git_repository_item_path(&gb, t->repo,
		    GIT_REPOSITORY_ITEM_INDEX) < 0) {
			git_error_clear();
			return 1;
		}
		path = gb.ptr;
		own = 1;
	}
	*pathp = xstrdup(path);
	git_buf_dispose(&gb);
	return open_regular(*pathp, own, fd, st);
}

/* Map a file of size bytes (at least GITINDEX_MIN_SIZE); NULL on failure. */
static void *
map_file(int fd, size_t size)
{
	void *map;
	int flags;

	flags = MAP_PRIVATE;
#ifdef MAP_POPULATE
	flags |= MAP_POPULATE;
#endif
	map = mmap(NULL, size, PROT_READ, flags, fd, 0);
	return map == MAP_FAILED ? NULL : map;
}

/*
 * Map the shared index of a split index (index names it): as git, the
 * git directory's sharedindex.HEX, else the one beside the index file.
 * Its final checksum must be oid. Returns 0, -1 (printed).
 */
static int
read_shared_index(struct tree *t, const char *index,
    const unsigned char *oid, void **map, size_t *size)
{
	struct stat st;
	git_oid id;
	const char *slash;
	char hex[GIT_OID_HEXSZ + 1], *path;
	int fd, r;

	git_oid_fromraw(&id, oid);
	git_oid_tostr(hex, sizeof(hex), &id);
	path = xasprintf("%ssharedindex.%s", git_repository_path(t->repo),
	    hex);
	if ((r = open_regular(path, 1, &fd, &st)) == 0 && fd == -1) {
		free(path);
		slash = strrchr(index, '/');
		path = xasprintf("%.*ssharedindex.%s", slash != NULL ?
		    (int)(slash - index + 1) : 0, index, hex);
		r = open_regular(path, index_file_env() == NULL, &fd, &st);
	}
	if (r == 0 && fd == -1)
		r = ec_error("%s: cannot read the index: its shared index "
		    "%s is gone", index, path);
	if (r < 0) {
		free(path);
		return -1;
	}
	*map = NULL;
	if (st.st_size >= GITINDEX_MIN_SIZE &&
	    (uintmax_t)st.st_size <= SIZE_MAX) {
		*size = (size_t)st.st_size;
		*map = map_file(fd, *size);
	}
	close(fd);
	if (*map != NULL && memcmp((unsigned char *)*map + *size -
	    GITINDEX_OIDSZ, oid, GITINDEX_OIDSZ) != 0) {
		munmap(*map, *size);
		*map = NULL;
	}
	if (*map == NULL)
		r = ec_error("%s: cannot read the index: %s is not the "
		    "shared index it names", index, path);
	free(path);
	return r;
}

/*
 * Read the index file directly: libgit2 spends about a microsecond an
 * entry on allocations and a hash it keeps, the format is a flat array.
 * Returns 0, -1 (printed), or 1 to let libgit2 read it.
 */
static int
read_index_file(struct tree *t, int with_oid)
{
	unsigned char oid[GITINDEX_OIDSZ];
	struct stat st;
	void *map, *shared;
	size_t ssize;
	char *path;
	int fd, r;

	if ((r = open_index_file(t, &fd, &st, &path)) != 0 || fd == -1) {
		free(path);
		return r;	/* fd -1: no index, empty */
	}
	map = NULL;
	if (st.st_size >= GITINDEX_MIN_SIZE &&
	    (uintmax_t)st.st_size <= SIZE_MAX)
		map = map_file(fd, (size_t)st.st_size);
	close(fd);
	if (map == NULL) {
		free(path);
		return 1;
	}
	shared = NULL;
	ssize = 0;
	r = 0;
	if (gitindex_link(map, (size_t)st.st_size, oid) == 1)
		r = read_shared_index(t, path, oid, &shared, &ssize);
	if (r == 0)
		r = parse_index(t, map, (size_t)st.st_size, shared, ssize,
		    with_oid);
	if (shared != NULL)
		munmap(shared, ssize);
	munmap(map, (size_t)st.st_size);
	free(path);
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
		    with_oid || (e->flags_extended &
		    GIT_INDEX_ENTRY_SKIP_WORKTREE) ? &e->id : NULL);
	}
	free(v);
}

int
tree_load_index(struct tree *t, int with_oid)
{
	git_index *idx;
	int r;

	if ((r = read_index_file(t, with_oid)) <= 0)
		return r;
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
	t = xcalloc(1, sizeof(*t));	/* no fields of its own */
	tree_init(t, &tree_index_ops, repo);
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
