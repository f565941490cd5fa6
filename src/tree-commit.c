/* tree-commit.c: the tree source of a commit (--rev, bare repositories) */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "error.h"
#include "strbuf.h"
#include "tree-impl.h"
#include "xalloc.h"

#define TREE_DEPTH_MAX	4096	/* directories nested in a commit's tree */

/* A commit's tree: the base, and the commit that messages name. */
struct commit_tree {
	struct tree	 base;		/* first: a struct tree * is one */
	git_oid		 commit;
};

static int	 add_tree(struct tree *, const struct tree *, const git_oid *,
		    struct strbuf *, const char *, int);
static int	 share_dir(struct tree *, const struct tree *,
		    const struct strbuf *, const git_oid *);
static char	*commit_describe(const struct tree *, const char *,
		    const char *);

/* A commit's files, as blobs. */
const struct tree_ops tree_commit_ops = {
	.name = "commit",
	.may_miss = 0,
	.read = tree_blob_read,
	.size = tree_blob_size,
	.readlink = tree_blob_readlink,
	.describe = commit_describe,
	.unreadable = NULL,
	.free = NULL,
};

/*
 * When the index's cache of tree ids says its entries under dir ("" or
 * ending in '/') make the tree id, and it has that many: add them, their
 * paths borrowed, and return 1; else 0. git commit writes its trees from
 * that same cache.
 */
static int
share_dir(struct tree *t, const struct tree *idx, const struct strbuf *dir,
    const git_oid *id)
{
	const struct tree_cache_node *n;
	size_t len, l, h, m, lo, hi;
	int c;

	if (idx == NULL || idx->ncache == 0)
		return 0;
	len = dir->len > 0 ? dir->len - 1 : 0;	/* the path, no '/' */
	l = 0;
	h = idx->ncache;
	n = NULL;
	while (l < h && n == NULL) {
		m = l + (h - l) / 2;
		c = strncmp(idx->cache[m].path, dir->buf, len);
		if (c == 0 && idx->cache[m].path[len] != '\0')
			c = 1;
		if (c < 0)
			l = m + 1;
		else if (c > 0)
			h = m;
		else
			n = &idx->cache[m];
	}
	if (n == NULL || !git_oid_equal(&n->oid, id))
		return 0;
	tree_prefix_range(idx, dir->buf, dir->len, &lo, &hi);
	if (hi - lo != n->count)
		return 0;
	tree_add_borrowed(t, idx, lo, hi);
	return 1;
}

/*
 * Add the blobs, links and gitlinks of the tree id, under the directory
 * prefix dir ("" or ending in '/'), descending into its trees, or taking
 * a directory idx has the same (share_dir()). A tree that cannot be read
 * is named: the repository is corrupt.
 */
static int
add_tree(struct tree *t, const struct tree *idx, const git_oid *id,
    struct strbuf *dir, const char *what, int depth)
{
	const git_tree_entry *te;
	git_tree *gt;
	size_t i, n, dlen;
	unsigned mode;
	int rc;

	if (depth > TREE_DEPTH_MAX)
		return ec_error("%s: directories nested more than %d deep",
		    what, TREE_DEPTH_MAX);
	if (git_tree_lookup(&gt, t->repo, id) < 0)
		return ec_error("%s: the repository is corrupt: tree %s%s%s: "
		    "%s", what, git_oid_tostr_s(id), dir->len > 0 ? " of " : "",
		    dir->buf, ec_git_error());
	n = git_tree_entrycount(gt);
	dlen = dir->len;
	rc = 0;
	for (i = 0; i < n && rc == 0; i++) {
		te = git_tree_entry_byindex(gt, i);
		strbuf_addstr(dir, git_tree_entry_name(te));
		if (git_tree_entry_type(te) == GIT_OBJECT_TREE) {
			strbuf_addch(dir, '/');
			if (!share_dir(t, idx, dir, git_tree_entry_id(te)))
				rc = add_tree(t, idx, git_tree_entry_id(te),
				    dir, what, depth + 1);
		} else if ((mode = tree_mode(git_tree_entry_filemode(te))) != 0)
			tree_add(t, xstrdup(dir->buf), mode,
			    git_tree_entry_id(te));
		strbuf_setlen(dir, dlen);
	}
	git_tree_free(gt);
	return rc;
}

int
tree_open_commit(struct tree **tp, git_repository *repo,
    const git_oid *commit, const git_oid *root, const char *what)
{
	return tree_open_commit_shared(tp, repo, commit, root, what, NULL);
}

int
tree_open_commit_shared(struct tree **tp, git_repository *repo,
    const git_oid *commit, const git_oid *root, const char *what,
    const struct tree *idx)
{
	struct strbuf dir = STRBUF_INIT;
	struct commit_tree *ct;
	struct tree *t;

	*tp = NULL;
	ct = xcalloc(1, sizeof(*ct));
	t = &ct->base;
	tree_init(t, &tree_commit_ops, repo);
	git_oid_cpy(&ct->commit, commit);
	if (!share_dir(t, idx, &dir, root) &&
	    add_tree(t, idx, root, &dir, what, 0) == -1) {
		strbuf_release(&dir);
		tree_free(t);
		return -1;
	}
	strbuf_release(&dir);
	tree_sort(t);
	*tp = t;
	return 0;
}

/* The commit abbreviated to 12 hex digits, as messages always have it. */
static char *
commit_describe(const struct tree *t, const char *root, const char *path)
{
	const struct commit_tree *ct = (const struct commit_tree *)t;
	char hex[GIT_OID_HEXSZ + 1];

	git_oid_tostr(hex, sizeof(hex), &ct->commit);
	return xasprintf("%s/%s (commit %.12s)", root, path, hex);
}
