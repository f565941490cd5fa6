/*
 * gitindex.h: git's index file format (Documentation/gitformat-index.txt),
 * parsed from a buffer: versions 2, 3 (extended flags) and 4 (paths
 * compressed against the previous one), SHA-1 object ids. Extensions are
 * skipped. A sparse index's directory entries ("dir/", mode 040000, a
 * tree id, skip-worktree) are passed on for the caller to expand. A split
 * index ("link") is read with its shared index by gitindex_parse_split().
 * The final checksum is not verified (git's index.skipHash writes none),
 * only its room is required.
 */
#ifndef EC_GITINDEX_H
#define EC_GITINDEX_H

#include <stddef.h>

#define GITINDEX_OIDSZ		20	/* raw object id bytes */
#define GITINDEX_MIN_SIZE	32	/* a header and a checksum */
/*
 * The largest index read (and its shared index): some 5 million entries,
 * ten times the largest repositories' (a 2 GB sparse file took 2 GB of
 * memory and 7 s to be found corrupt).
 */
#define GITINDEX_MAX_SIZE	(512UL * 1024 * 1024)

/* Results besides 0 and a callback's nonzero return. */
#define GITINDEX_EBAD		(-1)	/* malformed or truncated */
#define GITINDEX_EUNSUPPORTED	(-2)	/* a split index to gitindex_parse() */

/* One entry, valid during the callback only. */
struct gitindex_entry {
	const char		*path;	/* NUL-terminated */
	size_t			 len;	/* of path */
	unsigned		 mode;	/* as stored, e.g. 0100644 */
	int			 stage;	/* 0, or 1-3 in a conflict */
	int			 skip_worktree;	/* git leaves it off the disk */
	const unsigned char	*oid;	/* GITINDEX_OIDSZ bytes */
};

typedef int (*gitindex_cb)(const struct gitindex_entry *, void *);

/*
 * The version and the number of entries the header of buf claims:
 * 0 or GITINDEX_EBAD (not an index, a version other than 2-4, more
 * entries than could fit).
 */
int	 gitindex_header(const void *, size_t, unsigned *, size_t *);
/*
 * Parse the index in buf (size bytes), calling cb for each entry in file
 * order; a nonzero return from cb stops and is returned. Otherwise
 * returns 0, GITINDEX_EBAD or GITINDEX_EUNSUPPORTED. Never reads outside
 * buf.
 */
int	 gitindex_parse(const void *, size_t, gitindex_cb, void *);
/*
 * Whether the index in buf is split: 1 and the shared index's id (the
 * checksum at its end, named sharedindex.HEX) in oid, 0 when it is not
 * (or its link names no shared index), or GITINDEX_EBAD.
 */
int	 gitindex_link(const void *, size_t, unsigned char *);
/*
 * Parse a split index (buf) with its shared index (shared, ssize): the
 * link extension's delete and replace bitmaps (EWAH) applied to the
 * shared entries, the split index's other entries added in order. As
 * gitindex_parse() otherwise.
 */
/*
 * One valid directory of the index's cache of tree ids (the "TREE"
 * extension): its path ("" for the root, else "a/b", len bytes), how many
 * entries it covers and the id of the tree git would write of them
 * (GITINDEX_OIDSZ bytes). A nonzero return stops the walk.
 */
typedef int (*gitindex_tree_cb)(const char *, size_t, size_t,
    const unsigned char *, void *);
/*
 * gitindex_parse(), then tcb for each valid directory of the cache of
 * tree ids when there is one. That cache is only a cache: a malformed
 * one is left unread, and so is one nested deeper than 256 directories.
 */
int	 gitindex_parse_cache(const void *, size_t, gitindex_cb, void *,
	    gitindex_tree_cb, void *);
int	 gitindex_parse_split(const void *, size_t, const void *, size_t,
	    gitindex_cb, void *);

#endif
