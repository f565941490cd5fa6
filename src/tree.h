/*
 * tree.h: the tree source, the only way a rule sees files.
 *
 * Three implementations: the working tree (tracked plus untracked files
 * that are not ignored, as "git ls-files -co --exclude-standard" lists
 * them), the index (--staged) and a commit's tree (--rev, and the default
 * for a bare repository). Entries are sorted by path (byte order, like
 * git). Symbolic links are entries of their own and are never followed;
 * nothing outside the repository is ever read, nothing is ever written.
 */
#ifndef EC_TREE_H
#define EC_TREE_H

#include <stddef.h>
#include <stdint.h>

#include <git2.h>

struct strbuf;
/* Opaque: the tree sources' own (tree-impl.h). */
struct tree;

/* Git file modes of entries. */
#define TREE_MODE_FILE		0100644
#define TREE_MODE_EXEC		0100755
#define TREE_MODE_LINK		0120000
#define TREE_MODE_SUBMODULE	0160000

struct tree_entry {
	char		*path;		/* relative, '/'-separated */
	/* bit-fields: 32 bytes an entry, of which a run keeps 100,000s */
	unsigned	 mode : 16;	/* one of TREE_MODE_* */
	unsigned	 has_oid : 1;	/* oid is the blob (index, commit) */
	unsigned	 borrowed : 1;	/* path is not the entry's to free */
	git_oid		 oid;
};

/* Results of tree_read() besides 0 (read) and -1 (error printed). */
#define TREE_ELINK	(-2)	/* a symbolic link: not followed */
#define TREE_EMISSING	(-3)	/* listed but gone from the working tree */
#define TREE_ENOTFILE	(-4)	/* a submodule or another non-file */

int	 tree_open_worktree(struct tree **, git_repository *);
int	 tree_open_index(struct tree **, git_repository *);
/*
 * The tree root of commit (found raw: history_resolve(),
 * history_commit_tree()); what prefixes messages.
 */
int	 tree_open_commit(struct tree **, git_repository *, const git_oid *,
	    const git_oid *, const char *);
/*
 * As tree_open_commit(), taking from idx (an index source, or NULL; it
 * must outlive the tree) the entries of every directory whose tree id
 * the index's cache of tree ids says is the commit's: HEAD's tree beside
 * the index for --staged, mostly the index's own entries.
 */
int	 tree_open_commit_shared(struct tree **, git_repository *,
	    const git_oid *, const git_oid *, const char *,
	    const struct tree *);
void	 tree_free(struct tree *);

/* The source's name: "worktree", "index" or "commit". */
const char *tree_source_name(const struct tree *);
/*
 * Whether a listed entry can be missing when read (TREE_EMISSING): the
 * working tree lists tracked files deleted from the disk.
 */
int	 tree_may_miss(const struct tree *);
/*
 * How messages name path of this source, under root (the repository as
 * the user named it): "ROOT/PATH", "ROOT/PATH (staged)" or "ROOT/PATH
 * (commit ABBREV)". Allocated.
 */
char	*tree_describe(const struct tree *, const char *, const char *);

/* Exact path lookup; icase compares ASCII letters without case. */
const struct tree_entry *tree_lookup(const struct tree *, const char *, int);
/*
 * Entries whose path matches a glob (glob.h, with GLOB_PATHNAME): '*' and
 * '?' do not match '/', "**" matches any number of directories, [...]
 * classes. Calls cb for each match in path order; a nonzero return from
 * cb stops and is returned.
 */
int	 tree_glob(const struct tree *, const char *, int,
	    int (*)(const struct tree_entry *, void *), void *);
/*
 * tree_glob() for each pattern, as one query: each entry that matches any
 * of them once, in path order.
 */
int	 tree_glob_union(const struct tree *, const char *const *, size_t, int,
	    int (*)(const struct tree_entry *, void *), void *);
/*
 * How many entries the glob queries of t have looked at, one for each
 * entry matched or skipped past: a walk of the whole tree adds its
 * size, a query narrowed to one directory the entries of it.
 */
size_t	 tree_visited(const struct tree *);
/*
 * How many times the queries of t have looked at all of its entries:
 * building its name indexes, and each query that walked them all.
 */
size_t	 tree_passes(const struct tree *);
/*
 * The i-th directory the working tree could not read ("docs", "" for the
 * root), whose files are not listed; NULL past the last.
 */
const char *tree_unreadable(const struct tree *, size_t);
/* Number of entries under directory prefix ("docs" or "docs/"). */
size_t	 tree_count_under(const struct tree *, const char *);

/*
 * Read at most cap bytes of a regular file into out (replacing its
 * contents). *truncated is set when the file is larger than cap; the
 * whole file is then not loaded, except a packed blob (up to 256 MiB,
 * which libgit2 cannot stream). Returns 0, -1 (error printed; a corrupt
 * repository is named so) or TREE_ELINK, TREE_EMISSING, TREE_ENOTFILE
 * (nothing printed).
 */
int	 tree_read(const struct tree *, const struct tree_entry *, size_t,
	    struct strbuf *, int *);
/*
 * The size in bytes of a regular file, from its metadata (stat(2) or the
 * object header): nothing is read. Returns 0, -1 (error printed) or
 * TREE_ELINK, TREE_EMISSING, TREE_ENOTFILE (nothing printed).
 */
int	 tree_size(const struct tree *, const struct tree_entry *,
	    uint64_t *);
/*
 * The target of a symbolic link entry, as text; never followed. Returns 0,
 * -1 (error printed), TREE_EMISSING, or TREE_ENOTFILE when the entry is
 * not a symbolic link (nothing printed).
 */
int	 tree_readlink(const struct tree *, const struct tree_entry *,
	    struct strbuf *);

/*
 * What a run asked of a tree, to tell whether another tree answers it
 * alike: --staged judges at HEAD only the rules whose questions HEAD's
 * tree answers otherwise (check.c). A lookup, a glob or a count depends
 * on which paths exist and their modes; a read (or a size) on the bytes
 * of one path as well. While a tree records (tree_record()), each query
 * is logged; caches that serve an earlier answer log what it asked
 * (tree_queries_note(), tree_queries_copy()).
 */
enum tree_ask {
	TREE_ASK_LOOKUP,	/* a path, exact or without case */
	TREE_ASK_GLOB,		/* the paths a glob matches */
	TREE_ASK_UNDER,		/* the count of entries under a directory */
	TREE_ASK_BYTES		/* the bytes, size or target of a path */
};

struct tree_query {
	enum tree_ask	 ask;
	int		 icase;
	char		*what;
};

struct tree_queries {
	struct tree_query	*v;
	size_t			 n;
	size_t			 alloc;
};

#define TREE_QUERIES_INIT	{ NULL, 0, 0 }

/* Log t's queries into q from now on; NULL stops. Returns the previous. */
struct tree_queries *tree_record(struct tree *, struct tree_queries *);
/* Where t logs its queries, or NULL. */
struct tree_queries *tree_recording(const struct tree *);
void	 tree_queries_note(struct tree_queries *, enum tree_ask, int,
	    const char *);
/* Append src's queries from the from-th on to dst (which may be NULL). */
void	 tree_queries_copy(struct tree_queries *, const struct tree_queries *,
	    size_t);
void	 tree_queries_release(struct tree_queries *);

/*
 * The paths in which two trees differ, in path order: one side only, a
 * mode changed (listing set: lookups and globs may answer otherwise), or
 * only the bytes. Past TREE_DELTA_MAX paths, overflow is set and every
 * query counts as touched.
 */
#define TREE_DELTA_MAX	4096
struct tree_change {
	const char	*path;		/* either tree's: they must outlive it */
	int		 listing;
};

struct tree_delta {
	struct tree_change	*v;
	size_t			 n;
	size_t			 alloc;
	int			 overflow;
};

#define TREE_DELTA_INIT		{ NULL, 0, 0, 0 }

void	 tree_delta(const struct tree *, const struct tree *,
	    struct tree_delta *);
/* Whether any query of q may be answered otherwise across the delta. */
int	 tree_delta_touches(const struct tree_delta *,
	    const struct tree_queries *);
void	 tree_delta_release(struct tree_delta *);

#endif
