/* tree-commit.c: the tree source of a commit (--rev, bare repositories) */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "error.h"
#include "tree-impl.h"
#include "xalloc.h"

static int	 add_entry(const char *, const git_tree_entry *, void *);
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
	.free = NULL,
};

/* git_tree_walk callback: every blob, link and gitlink becomes an entry. */
static int
add_entry(const char *root, const git_tree_entry *te, void *arg)
{
	struct tree *t = arg;
	const char *name;
	size_t rlen, nlen;
	unsigned mode;
	char *path;

	mode = tree_mode(git_tree_entry_filemode(te));
	if (mode == 0)
		return 0;	/* a tree: descend */
	name = git_tree_entry_name(te);
	rlen = strlen(root);
	nlen = strlen(name);
	path = xmalloc(rlen + nlen + 1);
	memcpy(path, root, rlen);
	memcpy(path + rlen, name, nlen + 1);
	tree_add(t, path, mode, git_tree_entry_id(te));
	return 0;
}

int
tree_open_commit(struct tree **tp, git_repository *repo, const char *rev)
{
	struct tree *t;
	git_object *obj, *peeled;
	git_commit *commit;
	git_tree *root;

	*tp = NULL;
	if (rev == NULL)
		rev = "HEAD";
	if (git_revparse_single(&obj, repo, rev) < 0)
		return ec_error("%s: %s", rev, ec_git_error());
	if (git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT) < 0) {
		git_object_free(obj);
		return ec_error("%s: not a commit: %s", rev, ec_git_error());
	}
	git_object_free(obj);
	commit = (git_commit *)peeled;
	if (git_commit_tree(&root, commit) < 0) {
		git_commit_free(commit);
		return ec_error("%s: %s", rev, ec_git_error());
	}
	t = tree_new(&tree_commit_ops, repo);
	t->has_commit = 1;
	git_oid_cpy(&t->commit, git_commit_id(commit));
	git_commit_free(commit);
	if (git_tree_walk(root, GIT_TREEWALK_PRE, add_entry, t) < 0) {
		git_tree_free(root);
		tree_free(t);
		return ec_error("%s: %s", rev, ec_git_error());
	}
	git_tree_free(root);
	tree_sort(t);
	*tp = t;
	return 0;
}

/* The commit abbreviated to 12 hex digits, as messages always have it. */
static char *
commit_describe(const struct tree *t, const char *root, const char *path)
{
	char hex[GIT_OID_HEXSZ + 1];

	git_oid_tostr(hex, sizeof(hex), &t->commit);
	return xasprintf("%s/%s (commit %.12s)", root, path, hex);
}
