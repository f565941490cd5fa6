/*
 * list-worktree.c: print the working-tree listing ecocheck judges, one
 * path a line, as "git ls-files -co --exclude-standard" prints it (for
 * the differential tests; not installed).
 */
#include "config.h"

#include <stdio.h>

#include <git2.h>

#include "error.h"
#include "tree-impl.h"

int
main(int argc, char **argv)
{
	git_repository *repo;
	struct tree *t;
	size_t i;
	int r;

	if (argc != 2) {
		fprintf(stderr, "usage: list-worktree REPO\n");
		return 2;
	}
	git_libgit2_init();
	r = 2;
	if (git_repository_open(&repo, argv[1]) < 0) {
		ec_error("%s: %s", argv[1], ec_git_error());
		goto out;
	}
	if (tree_open_worktree(&t, repo) == 0) {
		for (i = 0; i < t->nentries; i++)
			printf("%s\n", t->entries[i].path);
		tree_free(t);
		r = 0;
	}
	git_repository_free(repo);
out:
	git_libgit2_shutdown();
	return r;
}
