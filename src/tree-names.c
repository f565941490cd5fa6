/*
 * tree-names.c: the indexes of a tree's names, built once in one pass
 * over its entries, that answer the queries a sorted list of paths
 * cannot narrow: a name anywhere (setup.py below "**"), an extension
 * anywhere (*.py below "**"), a directory anywhere (vendor/ below "**").
 *
 * Each index groups the entries by a key of their last component, folded
 * to lower case: the whole name, the part before its first '.' (the
 * stem), the part after its last '.' (the extension). A group is an
 * ascending array of entry numbers, so its part in a range of the tree
 * is found by bisection, and the entries come out in path order. Every
 * candidate is still matched against the whole pattern (tree.c): an
 * index only chooses which entries are looked at.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "glob.h"
#include "strbuf.h"
#include "tree-impl.h"
#include "xalloc.h"

/* One kind of key: a hash table of groups, laid out one after another. */
struct name_index {
	uint32_t	*slot;		/* group + 1 by hash; 0 empty */
	size_t		 mask;
	uint32_t	*start;		/* group g from at[start[g]] */
	uint32_t	*at;		/* entry numbers, grouped */
	uint32_t	*key_of;	/* an entry of each group (its key) */
	size_t		 ngroups;
};

/* A directory: the entries [lo, hi) below it; name is its last part. */
struct tree_dir {
	const char	*path;		/* borrowed from an entry */
	size_t		 len;		/* without the '/' */
	size_t		 lo, hi;
};

struct tree_names {
	struct name_index idx[TREE_KEYS];
	struct tree_dir	*dirs;
	size_t		 ndirs;
	size_t		 dirs_alloc;
};

static int	 entry_key(const char *, int, const char **, size_t *);
static uint32_t	 key_hash(const char *, size_t);
static int	 key_eq(const char *, size_t, const char *, size_t);
static void	 index_build(struct name_index *, const struct tree *, int);
static void	 dirs_build(struct tree_names *, const struct tree *);

/* The last component of a path. */
static const char *
base_of(const char *path)
{
	const char *s;

	return (s = strrchr(path, '/')) != NULL ? s + 1 : path;
}

/*
 * The key of kind k of a component: the whole of it, the part before
 * the first '.' or after the last one (none without a '.'). 0 if none.
 */
static int
entry_key(const char *base, int k, const char **key, size_t *len)
{
	const char *dot;

	switch (k) {
	case TREE_KEY_NAME:
		*key = base;
		*len = strlen(base);
		return 1;
	case TREE_KEY_STEM:
		if ((dot = strchr(base, '.')) == NULL || dot == base)
			return 0;
		*key = base;
		*len = (size_t)(dot - base);
		return 1;
	default:
		if ((dot = strrchr(base, '.')) == NULL)
			return 0;
		*key = dot + 1;
		*len = strlen(dot + 1);
		return 1;
	}
}

/* FNV-1a over the folded bytes. */
static uint32_t
key_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (uint32_t)ascii_tolower((unsigned char)s[i]);
		h *= 16777619u;
	}
	return h;
}

static int
key_eq(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i;

	if (an != bn)
		return 0;
	for (i = 0; i < an; i++)
		if (ascii_tolower((unsigned char)a[i]) !=
		    ascii_tolower((unsigned char)b[i]))
			return 0;
	return 1;
}

/* The group of a key, or -1: its slot in *slotp either way. */
static long
group_find(const struct name_index *ix, const struct tree *t, int k,
    const char *key, size_t len, size_t *slotp)
{
	const char *gk;
	size_t s, glen;
	uint32_t g;

	for (s = key_hash(key, len) & ix->mask;; s = (s + 1) & ix->mask) {
		if ((g = ix->slot[s]) == 0)
			break;
		(void)entry_key(base_of(t->entries[ix->key_of[g - 1]].path), k,
		    &gk, &glen);
		if (key_eq(gk, glen, key, len))
			break;
	}
	*slotp = s;
	return ix->slot[s] == 0 ? -1 : (long)ix->slot[s] - 1;
}

/* Group the entries by their key of kind k (counted, then placed). */
static void
index_build(struct name_index *ix, const struct tree *t, int k)
{
	uint32_t *grp, *fill;
	const char *key;
	size_t i, s, len, size;
	long g;

	for (size = 16; size < t->nentries * 2; size *= 2)
		;
	ix->mask = size - 1;
	ix->slot = xcalloc(size, sizeof(*ix->slot));
	ix->key_of = xcalloc(t->nentries + 1, sizeof(*ix->key_of));
	grp = xcalloc(t->nentries + 1, sizeof(*grp));
	ix->start = xcalloc(t->nentries + 2, sizeof(*ix->start));
	ix->ngroups = 0;
	for (i = 0; i < t->nentries; i++) {
		if (!entry_key(base_of(t->entries[i].path), k, &key, &len)) {
			grp[i] = UINT32_MAX;
			continue;
		}
		if ((g = group_find(ix, t, k, key, len, &s)) < 0) {
			g = (long)ix->ngroups++;
			ix->key_of[g] = (uint32_t)i;
			ix->slot[s] = (uint32_t)g + 1;
		}
		grp[i] = (uint32_t)g;
		ix->start[g + 1]++;
	}
	for (i = 0; i < ix->ngroups; i++)
		ix->start[i + 1] += ix->start[i];
	ix->at = xcalloc(ix->start[ix->ngroups] + 1, sizeof(*ix->at));
	fill = xcalloc(ix->ngroups + 1, sizeof(*fill));
	for (i = 0; i < t->nentries; i++)
		if (grp[i] != UINT32_MAX)
			ix->at[ix->start[grp[i]] + fill[grp[i]]++] =
			    (uint32_t)i;
	free(fill);
	free(grp);
}

/*
 * Every directory of the tree, in path order: each entry's directories
 * that the entry before it did not have.
 */
static void
dirs_build(struct tree_names *tn, const struct tree *t)
{
	struct tree_dir *d;
	const char *p, *prev, *s;
	size_t i, j, common, len;

	prev = "";
	for (i = 0; i < t->nentries; i++) {
		p = t->entries[i].path;
		/* the directories both paths have: up to the last common '/' */
		for (j = 0, common = 0; p[j] != '\0' && p[j] == prev[j]; j++)
			if (p[j] == '/')
				common = j + 1;
		for (s = p + common; (s = strchr(s, '/')) != NULL; s++) {
			len = (size_t)(s - p);
			XGROW(tn->dirs, tn->ndirs + 1, tn->dirs_alloc);
			d = &tn->dirs[tn->ndirs++];
			d->path = p;
			d->len = len;
			tree_prefix_range(t, p, len + 1, &d->lo, &d->hi);
		}
		prev = p;
	}
}

/* Build the indexes once: the one pass over the entries of a run. */
static struct tree_names *
names_of(const struct tree *t)
{
	struct tree_names *tn;
	int k;

	if (t->names != NULL)
		return t->names;
	tn = xcalloc(1, sizeof(*tn));
	for (k = 0; k < TREE_KEYS; k++)
		index_build(&tn->idx[k], t, k);
	dirs_build(tn, t);
	t->stats->visited += t->nentries;
	t->stats->passes++;
	/* the indexes are the tree's, as its counters: built by a query */
	((struct tree *)t)->names = tn;
	return tn;
}

void
tree_names_free(struct tree *t)
{
	struct tree_names *tn = t->names;
	int k;

	if (tn == NULL)
		return;
	for (k = 0; k < TREE_KEYS; k++) {
		free(tn->idx[k].slot);
		free(tn->idx[k].start);
		free(tn->idx[k].at);
		free(tn->idx[k].key_of);
	}
	free(tn->dirs);
	free(tn);
	t->names = NULL;
}

/*
 * Which key a component pattern x (no '/') narrows by, and the key: a
 * plain name; "...." then a plain extension; a plain stem then "." and
 * anything. -1 when none does.
 */
int
tree_names_key(const char *x, const char **key, size_t *len)
{
	const char *dot, *special;

	special = strpbrk(x, "*?[]\\");
	if (special == NULL && *x != '\0') {
		*key = x;
		*len = strlen(x);
		return TREE_KEY_NAME;
	}
	if ((dot = strrchr(x, '.')) != NULL && dot > x && dot[1] != '\0' &&
	    dot[-1] != '\\' && strpbrk(dot + 1, "*?[]\\") == NULL) {
		*key = dot + 1;
		*len = strlen(dot + 1);
		return TREE_KEY_EXT;
	}
	if ((dot = strchr(x, '.')) != NULL && dot > x && special > dot) {
		*key = x;
		*len = (size_t)(dot - x);
		return TREE_KEY_STEM;
	}
	return -1;
}

/*
 * The entries in [lo, hi) whose key of kind k is key, ascending:
 * *out points into the index, *n how many. Builds the indexes first.
 */
void
tree_names_group(const struct tree *t, int k, const char *key, size_t len,
    size_t lo, size_t hi, const uint32_t **out, size_t *n)
{
	const struct name_index *ix;
	const uint32_t *v;
	size_t s, a, b, l, h, m;
	long g;

	ix = &names_of(t)->idx[k];
	*n = 0;
	*out = NULL;
	if ((g = group_find(ix, t, k, key, len, &s)) < 0)
		return;
	v = ix->at;
	a = ix->start[g];
	b = ix->start[g + 1];
	for (l = a, h = b; l < h;) {
		m = l + (h - l) / 2;
		if (v[m] < lo)
			l = m + 1;
		else
			h = m;
	}
	a = l;
	for (h = b; l < h;) {
		m = l + (h - l) / 2;
		if (v[m] < hi)
			l = m + 1;
		else
			h = m;
	}
	*out = v + a;
	*n = l - a;
}

/*
 * Call cb with each directory in [lo, hi) of the tree whose last part
 * matches name (glob flags), in path order, skipping those below one
 * already given; a nonzero return from cb stops and is returned.
 */
int
tree_names_dirs(const struct tree *t, const char *name, int flags,
    size_t lo, size_t hi, int (*cb)(const struct tree *, size_t, size_t,
    void *), void *arg)
{
	struct strbuf last = STRBUF_INIT;
	const struct tree_names *tn;
	const struct tree_dir *d;
	size_t i, b, past;
	int r;

	tn = names_of(t);
	past = 0;
	for (i = 0, r = 0; i < tn->ndirs && r == 0; i++) {
		d = &tn->dirs[i];
		if (d->lo < lo || d->hi > hi || d->lo < past)
			continue;
		t->stats->visited++;
		for (b = d->len; b > 0 && d->path[b - 1] != '/'; b--)
			;
		strbuf_reset(&last);
		strbuf_add(&last, d->path + b, d->len - b);
		if (glob_match(name, last.buf, flags)) {
			past = d->hi;
			r = cb(t, d->lo, d->hi, arg);
		}
	}
	strbuf_release(&last);
	return r;
}
