/*
 * libgit2-open.c: the start-up of libgit2 for tests/bench/precommit.sh:
 * what any libgit2 program pays before it reads anything of a
 * repository: load and start libgit2, open the repository PATH names
 * (its configuration read). Exit 0, or 2.
 */
#include "config.h"

#include <stdio.h>

#include <git2.h>

int
main(int argc, char **argv)
{
	git_repository *repo;
	int rc;

	if (argc != 2) {
		fputs("usage: libgit2-open PATH\n", stderr);
		return 2;
	}
	git_libgit2_init();
	rc = 2;
	if (git_repository_open_ext(&repo, argv[1], 0, NULL) == 0) {
		rc = 0;
		git_repository_free(repo);
	}
	git_libgit2_shutdown();
	return rc;
}
