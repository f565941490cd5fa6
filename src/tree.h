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

#include <git2.h>

struct strbuf;

enum tree_kind {
	TREE_WORKTREE,
	TREE_INDEX,
	TREE_COMMIT
};

/* Git file modes of entries. */
#define TREE_MODE_FILE		0100644
#define TREE_MODE_EXEC		0100755
#define TREE_MODE_LINK		0120000
#define TREE_MODE_SUBMODULE	0160000

struct tree_entry {
	char		*path;		/* relative, '/'-separated */
	unsigned	 mode;		/* one of TREE_MODE_* */
	int		 has_oid;	/* oid is the blob (index, commit) */
	git_oid		 oid;
};

struct tree {
	enum tree_kind		 kind;
	git_repository		*repo;		/* borrowed */
	char			*workdir;	/* worktree: with final '/' */
	int			 rootfd;	/* worktree: open directory */
	struct tree_entry	*entries;
	size_t			 nentries;
	size_t			 alloc;
	int			 has_commit;	/* commit: the commit read */
	git_oid			 commit;
};

/* Results of tree_read() besides 0 (read) and -1 (error printed). */
#define TREE_ELINK	(-2)	/* a symbolic link: not followed */
#define TREE_EMISSING	(-3)	/* listed but gone from the working tree */
#define TREE_ENOTFILE	(-4)	/* a submodule or another non-file */

int	 tree_open_worktree(struct tree **, git_repository *);
int	 tree_open_index(struct tree **, git_repository *);
/* rev NULL means HEAD. */
int	 tree_open_commit(struct tree **, git_repository *, const char *);
void	 tree_free(struct tree *);
const char *tree_kind_name(enum tree_kind);

/* Exact path lookup; icase compares ASCII letters without case. */
const struct tree_entry *tree_lookup(const struct tree *, const char *, int);
/*
 * Entries whose path matches a glob: '*' and '?' do not match '/', "**"
 * matches any number of directories, [...] classes. Calls cb for each
 * match in path order; a nonzero return from cb stops and is returned.
 */
int	 tree_glob(const struct tree *, const char *, int,
	    int (*)(const struct tree_entry *, void *), void *);
/* Number of entries under directory prefix ("docs" or "docs/"). */
size_t	 tree_count_under(const struct tree *, const char *);

/*
 * Read at most cap bytes of a regular file into out (replacing its
 * contents). *truncated is set when the file is larger than cap; the
 * whole file is never loaded when it is. Returns 0, -1 (error printed)
 * or TREE_ELINK, TREE_EMISSING, TREE_ENOTFILE (nothing printed).
 */
int	 tree_read(const struct tree *, const struct tree_entry *, size_t,
	    struct strbuf *, int *);
/*
 * The target of a symbolic link entry, as text; never followed. Returns 0,
 * -1 (error printed), TREE_EMISSING, or TREE_ENOTFILE when the entry is
 * not a symbolic link (nothing printed).
 */
int	 tree_readlink(const struct tree *, const struct tree_entry *,
	    struct strbuf *);

/*
 * For the implementations (tree.c, tree-*.c), and tests that build a tree
 * by hand: building a tree and what one kind shares with another.
 */
struct tree *tree_new(enum tree_kind, git_repository *);
/* Append an entry; the tree takes path (allocated). oid may be NULL. */
void	 tree_add(struct tree *, char *, unsigned, const git_oid *);
/* Sort entries by path (byte order) and drop repeated paths. */
void	 tree_sort(struct tree *);
/* A git or stat(2) mode as one of TREE_MODE_*, 0 for anything else. */
unsigned tree_mode(unsigned);
/*
 * Add the entries of the repository's index, one per path (a conflict's
 * "ours" stage), with their blob ids if asked. Never writes the index.
 */
int	 tree_load_index(struct tree *, int);
int	 tree_worktree_read(const struct tree *, const struct tree_entry *,
	    size_t, struct strbuf *, int *);
int	 tree_worktree_readlink(const struct tree *, const struct tree_entry *,
	    struct strbuf *);

#endif
