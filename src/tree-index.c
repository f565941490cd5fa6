/* tree-index.c: the tree source of the index (--staged), read, never written */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "error.h"
#include "tree.h"
#include "xalloc.h"

static int	 stage_cmp(const void *, const void *);

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

int
tree_add_index(struct tree *t, git_index *idx)
{
	const git_index_entry **v, *e, *best;
	size_t n, i, j;
	int sorted, stage;

	n = git_index_entrycount(idx);
	v = xreallocarray(NULL, n, sizeof(*v));
	sorted = 1;
	for (i = 0; i < n; i++) {
		v[i] = git_index_get_byindex(idx, i);
		if (i > 0 && sorted && stage_cmp(&v[i - 1], &v[i]) > 0)
			sorted = 0;
	}
	/* libgit2 keeps the index in its own order when core.ignoreCase. */
	if (!sorted)
		qsort(v, n, sizeof(*v), stage_cmp);

	XGROW(t->entries, t->nentries + n, t->alloc);
	for (i = 0; i < n; i = j) {
		/* A conflict has stages 1-3 of one path: take "ours" (2). */
		best = v[i];
		for (j = i + 1; j < n && strcmp(v[j]->path, v[i]->path) == 0;
		    j++) {
			e = v[j];
			stage = git_index_entry_stage(e);
			if (stage == 2 || stage == 0)
				best = e;
		}
		tree_add(t, xstrdup(best->path), tree_mode(best->mode),
		    &best->id);
	}
	free(v);
	return 0;
}

int
tree_open_index(struct tree **tp, git_repository *repo)
{
	struct tree *t;
	git_index *idx;

	*tp = NULL;
	if (git_repository_index(&idx, repo) < 0)
		return ec_error("cannot read the index: %s", ec_git_error());
	/* Another part of the program may have loaded it earlier. */
	if (git_index_read(idx, 0) < 0) {
		git_index_free(idx);
		return ec_error("cannot read the index: %s", ec_git_error());
	}
	t = tree_new(TREE_INDEX, repo);
	tree_add_index(t, idx);
	git_index_free(idx);
	tree_sort(t);
	*tp = t;
	return 0;
}
