/*
 * tree-names.c: the indexes of a tree's names, built once in one pass
 * over its entries, that answer the queries a sorted list of paths
 * cannot narrow: a name anywhere (setup.py below "**"), an extension
 * anywhere (*.py below "**"), a directory anywhere (vendor/ below "**").
 *
 * Each index buckets the entries by the hash of a key of their last
 * component, folded to lower case: the whole name, the part before its
 * first '.' (the stem), the part after its last '.' (the extension). A
 * bucket is an ascending array of entry numbers, so its part in a range
 * of the tree is found by bisection, and the entries come out in path
 * order. Every candidate is still matched against the whole pattern
 * (tree.c): an index only chooses which entries are looked at.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "glob.h"
#include "strbuf.h"
#include "tree-impl.h"
#include "xalloc.h"

/*
 * One kind of key: the entries bucketed by their key's hash, the buckets
 * laid out one after another. A bucket holds the entries of every key
 * that hashes to it, which the match of the whole pattern sorts out: a
 * query looks at a few more entries than it needs, and building costs
 * one sequential pass and no table of keys, which 100,000 distinct names
 * would make slower than the walks it saves.
 */
struct name_index {
	uint32_t	*start;		/* bucket b from at[start[b]] */
	uint32_t	*at;		/* entry numbers by bucket, ascending */
	uint32_t	*bucket;	/* of each entry while building */
	size_t		 mask;
};

/* A directory: the entries [lo, hi) below it. */
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

#define HASH_BASIS	5381u
#define NO_KEY		UINT32_MAX	/* an entry without a key of a kind */

/*
 * One more byte into a hash: h * 33 + the byte with bit 5 set, which
 * folds every capital letter onto its small one (and a few other bytes
 * onto each other, which only shares a bucket more).
 */
#define HASH_STEP(h, c)	((h) * 33u + ((uint32_t)(unsigned char)(c) | 0x20u))

static uint32_t
key_hash(const char *s, size_t n)
{
	uint32_t h = HASH_BASIS;
	size_t i;

	for (i = 0; i < n; i++)
		h = HASH_STEP(h, s[i]);
	return h;
}

/* The bucket of a hash: its low bits alone cluster for names alike. */
static size_t
bucket_of(const struct name_index *ix, uint32_t h)
{
	h ^= h >> 16;
	h *= 0x45d9f3bu;
	h ^= h >> 16;
	return h & ix->mask;
}

static void
index_init(struct name_index *ix, size_t n)
{
	size_t size;

	/* about eight entries a bucket */
	for (size = 64; size < n / 8 && size < 65536; size *= 2)
		;
	ix->mask = size - 1;
	ix->start = xcalloc(size + 1, sizeof(*ix->start));
	ix->bucket = xcalloc(n + 1, sizeof(*ix->bucket));
}

/* Entry i's key hashes to h; or it has none. */
static void
index_add(struct name_index *ix, size_t i, uint32_t h)
{
	size_t b;

	b = bucket_of(ix, h);
	ix->bucket[i] = (uint32_t)b;
	ix->start[b + 1]++;
}

static void
index_none(struct name_index *ix, size_t i)
{
	ix->bucket[i] = NO_KEY;
}

/* Lay the buckets out one after another, their entries ascending. */
static void
index_finish(struct name_index *ix, size_t n)
{
	uint32_t *fill;
	size_t i, b;

	for (b = 0; b < ix->mask + 1; b++)
		ix->start[b + 1] += ix->start[b];
	ix->at = xcalloc(ix->start[ix->mask + 1] + 1, sizeof(*ix->at));
	fill = xcalloc(ix->mask + 1, sizeof(*fill));
	for (i = 0; i < n; i++)
		if ((b = ix->bucket[i]) != NO_KEY)
			ix->at[ix->start[b] + fill[b]++] = (uint32_t)i;
	free(fill);
	free(ix->bucket);
	ix->bucket = NULL;
}

/* Where entry_add() is in the tree: the directories open at the entry. */
struct dir_stack {
	size_t		*v;		/* into tn->dirs, parents first */
	size_t		 n, alloc;
};

/*
 * Entry i's keys and its directories, in one scan of the bytes it does
 * not share with the entry before it, prev: the directories they share
 * are open on the stack, the others end at i; a new one starts at each
 * '/' after them. The keys are those of its last component: the whole
 * of it, the part before its first '.' (the stem, when the '.' is not
 * the first byte) and the part after its last '.' (the extension).
 */
static void
entry_add(struct tree_names *tn, size_t i, const char *p, const char *prev,
    struct dir_stack *st)
{
	struct tree_dir *d;
	const char *q, *first, *last, *base;
	uint32_t h, stem;
	size_t common, j;

	for (j = 0, common = 0; p[j] != '\0' && p[j] == prev[j]; j++)
		if (p[j] == '/')
			common = j + 1;
	while (st->n > 0 && tn->dirs[st->v[st->n - 1]].len >= common)
		tn->dirs[st->v[--st->n]].hi = i;
	h = HASH_BASIS;
	stem = 0;
	first = last = NULL;
	for (q = base = p + common; *q != '\0'; q++) {
		if (*q == '/') {
			XGROW(tn->dirs, tn->ndirs + 1, tn->dirs_alloc);
			d = &tn->dirs[tn->ndirs];
			d->path = p;
			d->len = (size_t)(q - p);
			d->lo = i;
			d->hi = i + 1;
			XGROW(st->v, st->n + 1, st->alloc);
			st->v[st->n++] = tn->ndirs++;
			h = HASH_BASIS;
			first = last = NULL;
			base = q + 1;
			continue;
		}
		if (*q == '.') {
			if (first == NULL) {
				first = q;
				stem = h;
			}
			last = q;
		}
		h = HASH_STEP(h, *q);
	}
	index_add(&tn->idx[TREE_KEY_NAME], i, h);
	if (first != NULL && first > base)
		index_add(&tn->idx[TREE_KEY_STEM], i, stem);
	else
		index_none(&tn->idx[TREE_KEY_STEM], i);
	if (last != NULL)
		index_add(&tn->idx[TREE_KEY_EXT], i,
		    key_hash(last + 1, (size_t)(q - last - 1)));
	else
		index_none(&tn->idx[TREE_KEY_EXT], i);
}

/* Build the indexes once: the one pass over the entries of a run. */
static struct tree_names *
names_of(const struct tree *t)
{
	struct tree_names *tn;
	struct dir_stack st = { NULL, 0, 0 };
	const char *prev;
	size_t i;
	int k;

	if (t->names != NULL)
		return t->names;
	tn = xcalloc(1, sizeof(*tn));
	for (k = 0; k < TREE_KEYS; k++)
		index_init(&tn->idx[k], t->nentries);
	prev = "";
	for (i = 0; i < t->nentries; i++) {
		entry_add(tn, i, t->entries[i].path, prev, &st);
		prev = t->entries[i].path;
	}
	while (st.n > 0)
		tn->dirs[st.v[--st.n]].hi = t->nentries;
	free(st.v);
	for (k = 0; k < TREE_KEYS; k++)
		index_finish(&tn->idx[k], t->nentries);
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
		free(tn->idx[k].start);
		free(tn->idx[k].at);
		free(tn->idx[k].bucket);
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
 * The entries in [lo, hi) whose key of kind k may be key (those of the
 * keys that share its bucket too), ascending: *out points into the
 * index, *n how many. Builds the indexes first.
 */
void
tree_names_group(const struct tree *t, int k, const char *key, size_t len,
    size_t lo, size_t hi, const uint32_t **out, size_t *n)
{
	const struct name_index *ix;
	const uint32_t *v;
	size_t a, b, l, h, m, bk;
	ix = &names_of(t)->idx[k];
	bk = bucket_of(ix, key_hash(key, len));
	v = ix->at;
	a = ix->start[bk];
	b = ix->start[bk + 1];
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
