/*
 * glob.c: fuzz the glob matcher and the gitignore lists (glob.c,
 * ignore.c), and the tree's queries (tree.c, tree-names.c) against it.
 * The first byte chooses the flags, the first line after it is the path,
 * the rest the pattern (or the gitignore text). The path, cut at each
 * ',', gives the paths of a tree, each also below a few directories and
 * beside numbered names, so that the name indexes answer: every query
 * must list what matching each entry lists, or the target aborts.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glob.h"
#include "ignore.h"
#include "strbuf.h"
#include "tree-impl.h"
#include "xalloc.h"
#include "fuzz.h"

/* A path git could list: no empty component, none "." or "..". */
static int
path_ok(const char *p)
{
	const char *c, *s;
	size_t n;

	if (*p == '\0')
		return 0;
	for (c = p;; c = s + 1) {
		s = strchr(c, '/');
		n = s != NULL ? (size_t)(s - c) : strlen(c);
		if (n == 0 || (n == 1 && c[0] == '.') ||
		    (n == 2 && c[0] == '.' && c[1] == '.'))
			return 0;
		if (s == NULL)
			return 1;
	}
}

static int
list_cb(const struct tree_entry *e, void *arg)
{
	strbuf_addstr(arg, e->path);
	strbuf_addch(arg, '\n');
	return 0;
}

/* tree_glob() of pat over the tree the pieces of paths make. */
static void
tree_queries(const char *paths, const char *pat, int icase)
{
	static const char *const above[] = { "", "a/", "a/b/", "B/c/", "x/" };
	struct strbuf want = STRBUF_INIT, got = STRBUF_INIT;
	const char *pats[2];
	struct tree *t;
	char *copy, *piece, *comma;
	size_t i, k;

	t = xcalloc(1, sizeof(*t));
	tree_init(t, &tree_index_ops, NULL);
	copy = xstrdup(paths);
	for (piece = copy; piece != NULL; piece = comma) {
		if ((comma = strchr(piece, ',')) != NULL)
			*comma++ = '\0';
		if (!path_ok(piece))
			continue;
		for (k = 0; k < sizeof(above) / sizeof(above[0]); k++)
			for (i = 0; i < 16; i++)
				tree_add(t, i == 0 ? xasprintf("%s%s", above[k],
				    piece) : xasprintf("%s%s%zu", above[k],
				    piece, i), TREE_MODE_FILE, NULL);
	}
	free(copy);
	tree_sort(t);
	for (i = 0; i < t->nentries; i++)
		if (glob_match(pat, t->entries[i].path, GLOB_PATHNAME |
		    (icase ? GLOB_CASEFOLD : 0)))
			list_cb(&t->entries[i], &want);
	tree_glob(t, pat, icase, list_cb, &got);
	if (strcmp(got.buf, want.buf) != 0) {
		fprintf(stderr, "tree_glob(%s%s):\n%s\nbut matching:\n%s\n",
		    pat, icase ? ", icase" : "", got.buf, want.buf);
		abort();
	}
	strbuf_reset(&got);
	pats[0] = pats[1] = pat;
	tree_glob_union(t, pats, 2, icase, list_cb, &got);
	if (strcmp(got.buf, want.buf) != 0) {
		fprintf(stderr, "tree_glob_union(%s, %s) differs\n", pat, pat);
		abort();
	}
	strbuf_release(&want);
	strbuf_release(&got);
	tree_free(t);
}

FUZZ_TARGET(glob)
{
	struct ignore *ign;
	char *path, *pat;
	int flags, is_dir;

	fuzz_quiet();
	if (size < 1)
		return 0;
	flags = data[0] & (GLOB_PATHNAME | GLOB_CASEFOLD);
	is_dir = (data[0] & 0x4) != 0;
	fuzz_split(data + 1, size - 1, 1, &path, &pat);
	(void)glob_match(pat, path, flags);
	(void)glob_match_path(pat, path, is_dir, flags);
	ign = ignore_new(data[0] & 0x8 ? 1 : 0);
	ignore_add_global(ign, pat, strlen(pat));
	ignore_push(ign, 0, "", pat, strlen(pat));
	(void)ignore_match(ign, path, is_dir);
	ignore_pop(ign, 0);
	ignore_free(ign);
	if (strlen(path) < 256 && strlen(pat) < 256)
		tree_queries(path, pat, (flags & GLOB_CASEFOLD) != 0);
	free(path);
	free(pat);
	return 0;
}
