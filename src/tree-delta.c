/*
 * tree-delta.c: what a run asked of a tree, and whether another tree
 * answers it alike (tree.h). --staged judges the index, then HEAD's tree
 * only for the rules whose questions a staged change can answer
 * otherwise: a README edit re-judges the rules that read README, not the
 * ones that walk every path of a 100,000-file tree.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "glob.h"
#include "tree-impl.h"
#include "xalloc.h"

static int	 change_at(const struct tree_delta *, const char *, int);
static int	 touches(const struct tree_delta *, const struct tree_query *);
static void	 delta_add(struct tree_delta *, const char *, int);

struct tree_queries *
tree_record(struct tree *t, struct tree_queries *q)
{
	struct tree_queries *was = t->rec;

	t->rec = q;
	return was;
}

struct tree_queries *
tree_recording(const struct tree *t)
{
	return t->rec;
}

void
tree_queries_note(struct tree_queries *q, enum tree_ask ask, int icase,
    const char *what)
{
	struct tree_query *e;

	if (q == NULL)
		return;
	/* a rule asks the same thing often: once is enough */
	if (q->n > 0 && q->v[q->n - 1].ask == ask &&
	    q->v[q->n - 1].icase == icase &&
	    strcmp(q->v[q->n - 1].what, what) == 0)
		return;
	XGROW(q->v, q->n + 1, q->alloc);
	e = &q->v[q->n++];
	e->ask = ask;
	e->icase = icase;
	e->what = xstrdup(what);
}

void
tree_queries_copy(struct tree_queries *dst, const struct tree_queries *src,
    size_t from)
{
	size_t i;

	for (i = from; dst != NULL && i < src->n; i++)
		tree_queries_note(dst, src->v[i].ask, src->v[i].icase,
		    src->v[i].what);
}

void
tree_queries_release(struct tree_queries *q)
{
	size_t i;

	for (i = 0; i < q->n; i++)
		free(q->v[i].what);
	free(q->v);
	q->v = NULL;
	q->n = q->alloc = 0;
}

static void
delta_add(struct tree_delta *d, const char *path, int listing)
{
	if (d->n >= TREE_DELTA_MAX) {
		d->overflow = 1;
		return;
	}
	XGROW(d->v, d->n + 1, d->alloc);
	d->v[d->n].path = path;
	d->v[d->n++].listing = listing;
}

/*
 * Both lists are in path order: one merge. HEAD's tree beside the index
 * borrows the index's paths for every directory it leaves as it is, so
 * most pairs are one pointer.
 */
void
tree_delta(const struct tree *a, const struct tree *b, struct tree_delta *d)
{
	const struct tree_entry *x, *y;
	size_t i, j;
	int c;

	i = j = 0;
	while ((i < a->nentries || j < b->nentries) && !d->overflow) {
		x = i < a->nentries ? &a->entries[i] : NULL;
		y = j < b->nentries ? &b->entries[j] : NULL;
		if (x == NULL || y == NULL)
			c = x == NULL ? 1 : -1;
		else
			c = x->path == y->path ? 0 : strcmp(x->path, y->path);
		if (c != 0) {
			delta_add(d, c < 0 ? x->path : y->path, 1);
			i += c < 0;
			j += c > 0;
			continue;
		}
		if (x->mode != y->mode)
			delta_add(d, x->path, 1);
		else if (!x->has_oid || !y->has_oid ||
		    !git_oid_equal(&x->oid, &y->oid))
			delta_add(d, x->path, 0);
		i++;
		j++;
	}
}

void
tree_delta_release(struct tree_delta *d)
{
	free(d->v);
	d->v = NULL;
	d->n = d->alloc = 0;
	d->overflow = 0;
}

/* Whether the delta changes path (listing: whether it appears, its mode). */
static int
change_at(const struct tree_delta *d, const char *path, int listing)
{
	size_t lo, hi, m;
	int c;

	lo = 0;
	hi = d->n;
	while (lo < hi) {
		m = lo + (hi - lo) / 2;
		if ((c = strcmp(d->v[m].path, path)) == 0)
			return !listing || d->v[m].listing;
		if (c < 0)
			lo = m + 1;
		else
			hi = m;
	}
	return 0;
}

static int
touches(const struct tree_delta *d, const struct tree_query *q)
{
	size_t i, n;

	if (q->ask == TREE_ASK_BYTES)
		return change_at(d, q->what, 0);
	if (q->ask == TREE_ASK_LOOKUP && !q->icase)
		return change_at(d, q->what, 1);
	n = strlen(q->what);
	for (i = 0; i < d->n; i++) {
		if (!d->v[i].listing)
			continue;
		switch (q->ask) {
		case TREE_ASK_LOOKUP:
			if (ascii_streq_nocase(d->v[i].path, q->what))
				return 1;
			break;
		case TREE_ASK_UNDER:
			if (n == 0 || (strncmp(d->v[i].path, q->what, n) == 0 &&
			    d->v[i].path[n] == '/'))
				return 1;
			break;
		default:
			if (glob_match(q->what, d->v[i].path, GLOB_PATHNAME |
			    (q->icase ? GLOB_CASEFOLD : 0)))
				return 1;
			break;
		}
	}
	return 0;
}

int
tree_delta_touches(const struct tree_delta *d, const struct tree_queries *q)
{
	size_t i;

	if (d->overflow)
		return 1;
	for (i = 0; i < q->n; i++)
		if (touches(d, &q->v[i]))
			return 1;
	return 0;
}
