/*
 * tree-impl.h: for the tree sources (tree.c, tree-*.c) only, and tests
 * that build a tree by hand: the tree, its ops table, building one.
 *
 * Like git's refs/refs-internal.h: each source has a struct of its own
 * that embeds struct tree as its first member (as git's backends embed
 * struct ref_store), allocated by its opener, which points the base at
 * the source's ops; tree.c's queries use only the entries and the ops,
 * never ask which source they have, and nothing outside a source sees
 * its fields.
 */
#ifndef EC_TREE_IMPL_H
#define EC_TREE_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include <git2.h>

#include "tree.h"

struct packs;
struct strbuf;

/* What differs between tree sources. */
struct tree_ops {
	const char	*name;		/* "worktree", "index", "commit" */
	/* Whether a listed entry can be gone on reading (TREE_EMISSING). */
	int		 may_miss;
	/* As tree_read(); out is empty and *truncated 0 on entry. */
	int		(*read)(const struct tree *, const struct tree_entry *,
			    size_t, struct strbuf *, int *);
	/* As tree_size(). */
	int		(*size)(const struct tree *, const struct tree_entry *,
			    uint64_t *);
	/* As tree_readlink(); out is empty on entry. */
	int		(*readlink)(const struct tree *,
			    const struct tree_entry *, struct strbuf *);
	/* As tree_describe(). */
	char		*(*describe)(const struct tree *, const char *,
			    const char *);
	/* As tree_unreadable(); NULL: the source skips no directory. */
	const char	*(*unreadable)(const struct tree *, size_t);
	/*
	 * Release what the source holds besides the entries, not the
	 * struct itself; may be NULL.
	 */
	void		(*free)(struct tree *);
};

/*
 * A directory of the index's cache of tree ids: the id of the tree git
 * would write of the count entries under path ("" the root).
 */
struct tree_cache_node {
	char		*path;
	size_t		 count;
	git_oid		 oid;
};

/* What every source has: the first member of each source's own struct. */
struct tree_stats {
	size_t			 visited;	/* entries a glob looked at */
	size_t			 passes;	/* of them, walks of them all */
};

/* The keys of the name indexes (tree-names.c). */
enum {
	TREE_KEY_NAME,		/* the last component */
	TREE_KEY_STEM,		/* its part before the first '.' */
	TREE_KEY_EXT,		/* its part after the last '.' */
	TREE_KEYS
};

struct tree {
	const struct tree_ops	*ops;
	git_repository		*repo;		/* borrowed */
	struct tree_entry	*entries;	/* sorted by path */
	size_t			 nentries;
	size_t			 alloc;
	/* The index's cache of tree ids, by path (tree-index.c); or none. */
	struct tree_cache_node	*cache;
	size_t			 ncache;
	size_t			 cache_alloc;
	/* Where queries are logged (tree_record()), or NULL. */
	struct tree_queries	*rec;
	/* What the queries cost (tree_visited()); written by const queries. */
	struct tree_stats	*stats;
	/* The name indexes, built by the first query that needs them. */
	struct tree_names	*names;
	/* The repository's packs, for bounded reads of blobs (pack.h). */
	struct packs		*packs;
	/* Blocks of paths (tree_strndup()), freed with the tree. */
	char			**pool;
	size_t			 npool;
	size_t			 pool_alloc;
	char			*pool_next;
	size_t			 pool_left;
};

/*
 * The name indexes (tree-names.c), built in one pass over the entries by
 * the first query that asks; changing the entries drops them.
 */
void	 tree_names_free(struct tree *);
/* The key kind a component pattern narrows by, and its key; or -1. */
int	 tree_names_key(const char *, const char **, size_t *);
/*
 * The entries of [lo, hi) that may have that key (its bucket's),
 * ascending: *n of them.
 */
void	 tree_names_group(const struct tree *, int, const char *, size_t,
	    size_t, size_t, const uint32_t **, size_t *);
/*
 * The directories in [lo, hi) whose last part matches a pattern, in path
 * order, none below another given: cb gets the entries [lo, hi) of each.
 */
int	 tree_names_dirs(const struct tree *, const char *, int, size_t,
	    size_t, int (*)(const struct tree *, size_t, size_t, void *),
	    void *);

extern const struct tree_ops tree_worktree_ops;
extern const struct tree_ops tree_index_ops;
extern const struct tree_ops tree_commit_ops;

/*
 * Set up the base of a source's tree, allocated (zeroed) by its opener;
 * tree_free() calls ops->free, then frees the entries and the struct.
 */
void	 tree_init(struct tree *, const struct tree_ops *, git_repository *);
/* Append an entry; the tree takes path (allocated). oid may be NULL. */
void	 tree_add(struct tree *, char *, unsigned, const git_oid *);
/*
 * Append an entry whose path is a copy of the len bytes of path, held in
 * the tree's own blocks: 100,000 paths are a few allocations, not
 * 100,000 (an index's, a commit's).
 */
void	 tree_add_copy(struct tree *, const char *, size_t, unsigned,
	    const git_oid *);
/*
 * Append the entries [lo, hi) of another tree, their paths borrowed: it
 * must outlive t.
 */
void	 tree_add_borrowed(struct tree *, const struct tree *, size_t, size_t);
/* The entries [*lo, *hi) whose path starts with the len bytes of pfx. */
void	 tree_prefix_range(const struct tree *, const char *, size_t,
	    size_t *, size_t *);
/* Sort entries by path (byte order) and drop repeated paths. */
void	 tree_sort(struct tree *);
/* A git or stat(2) mode as one of TREE_MODE_*, 0 for anything else. */
unsigned tree_mode(unsigned);
/*
 * Add the entries of the repository's index, one per path (a conflict's
 * "ours" stage), with their blob ids if asked. Never writes the index.
 */
int	 tree_load_index(struct tree *, int);
/* The read and readlink of the sources whose files are blobs. */
int	 tree_blob_read(const struct tree *, const struct tree_entry *,
	    size_t, struct strbuf *, int *);
int	 tree_blob_readlink(const struct tree *, const struct tree_entry *,
	    struct strbuf *);
int	 tree_blob_size(const struct tree *, const struct tree_entry *,
	    uint64_t *);

#endif
