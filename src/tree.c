/* tree.c: the tree-source queries over the ops table, and blob reading */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "ascii.h"
#include "error.h"
#include "glob.h"
#include "loose.h"
#include "pack.h"
#include "strbuf.h"
#include "tree-impl.h"
#include "xalloc.h"

/*
 * A range of fewer entries than this is walked, not looked up in the name
 * indexes: building them costs a pass over the tree.
 */
#define NAMES_MIN	64
/* Blobs up to this size are loaded whole even when only a part is read. */
#define TREE_BLOB_LOAD_MAX	(16 * 1024 * 1024)
/*
 * A packed blob cannot be streamed (libgit2 streams loose objects only):
 * up to this size it is loaded whole to read its first bytes; a larger
 * one cannot be read.
 */
#define TREE_BLOB_PACKED_MAX	(256 * 1024 * 1024)

/*
 * What tree_glob() knows of a pattern to skip whole directories: its
 * components before the first "**" (and whether there is one). With
 * GLOB_PATHNAME every other component matches exactly one component of
 * a path, so a directory whose components do not match those, or that
 * lies deeper than the pattern reaches, holds no match.
 */
#define PRUNE_MAX	16
struct prune {
	char	*v[PRUNE_MAX];
	size_t	 n;
	int	 on;		/* 0: the pattern is matched entry by entry */
	int	 deep;		/* a "**" follows the n components */
};

static int	 entry_cmp(const void *, const void *);
static void	 prefix_range(const struct tree *, const char *, size_t,
		    size_t *, size_t *);
static int	 blob_packed_head(const struct tree *,
		    const struct tree_entry *, size_t, struct strbuf *,
		    size_t *);
static int	 blob_whole(const struct tree *, const struct tree_entry *,
		    size_t, struct strbuf *, int *);
static int	 blob_read(const struct tree *, const struct tree_entry *,
		    size_t, struct strbuf *, int *);
static int	 blob_stream(const struct tree_entry *, git_odb *, size_t,
		    struct strbuf *);
static int	 blob_corrupt(const struct tree_entry *, const char *);
static void	 prune_init(struct prune *, const char *);
static void	 prune_release(struct prune *);
static size_t	 prune_skip(const struct prune *, const char *, int);
static char	*pool_alloc(struct tree *, size_t);
static size_t	 literal_prefix(const char *, int);
static void	 letter_ranges(const struct tree *, const char *, size_t,
		    size_t [2], size_t [2]);
static const char *name_part(const char *);
static int	 glob_names(const struct tree *, size_t, size_t, const char *,
		    int, int (*)(const struct tree_entry *, void *), void *);

void
tree_init(struct tree *t, const struct tree_ops *ops, git_repository *repo)
{
	t->ops = ops;
	t->repo = repo;
	t->entries = NULL;
	t->nentries = 0;
	t->alloc = 0;
	t->rec = NULL;
	t->stats = xcalloc(1, sizeof(*t->stats));
	t->names = NULL;
	t->packs = NULL;
}

void
tree_free(struct tree *t)
{
	size_t i;

	if (t == NULL)
		return;
	if (t->ops->free != NULL)
		t->ops->free(t);
	for (i = 0; i < t->nentries; i++)
		if (!t->entries[i].borrowed)
			free(t->entries[i].path);
	free(t->entries);
	for (i = 0; i < t->ncache; i++)
		free(t->cache[i].path);
	free(t->cache);
	for (i = 0; i < t->npool; i++)
		free(t->pool[i]);
	free(t->pool);
	tree_names_free(t);
	packs_free(t->packs);
	free(t->stats);
	free(t);
}

const char *
tree_source_name(const struct tree *t)
{
	return t->ops->name;
}

int
tree_may_miss(const struct tree *t)
{
	return t->ops->may_miss;
}

char *
tree_describe(const struct tree *t, const char *root, const char *path)
{
	return t->ops->describe(t, root, path);
}

unsigned
tree_mode(unsigned mode)
{
	switch (mode & 0170000) {
	case 0100000:
		return (mode & 0100) ? TREE_MODE_EXEC : TREE_MODE_FILE;
	case 0120000:
		return TREE_MODE_LINK;
	case 0160000:
		return TREE_MODE_SUBMODULE;
	default:
		return 0;
	}
}

void
tree_add(struct tree *t, char *path, unsigned mode, const git_oid *oid)
{
	struct tree_entry *e;

	tree_names_free(t);
	XGROW(t->entries, t->nentries + 1, t->alloc);
	e = &t->entries[t->nentries++];
	e->path = path;
	e->mode = mode;
	e->borrowed = 0;
	e->has_oid = oid != NULL;
	if (oid != NULL)
		git_oid_cpy(&e->oid, oid);
	else
		memset(&e->oid, 0, sizeof(e->oid));
}

/* A block holds this much; a longer path gets a block of its own. */
#define TREE_POOL_BLOCK	(256 * 1024)

static char *
pool_alloc(struct tree *t, size_t n)
{
	char *p;

	if (n > t->pool_left) {
		XGROW(t->pool, t->npool + 1, t->pool_alloc);
		if (n > TREE_POOL_BLOCK / 4) {
			p = xmalloc(n);
			t->pool[t->npool++] = p;
			return p;
		}
		t->pool_next = xmalloc(TREE_POOL_BLOCK);
		t->pool[t->npool++] = t->pool_next;
		t->pool_left = TREE_POOL_BLOCK;
	}
	p = t->pool_next;
	t->pool_next += n;
	t->pool_left -= n;
	return p;
}

void
tree_add_copy(struct tree *t, const char *path, size_t len, unsigned mode,
    const git_oid *oid)
{
	char *p;

	p = pool_alloc(t, len + 1);
	memcpy(p, path, len);
	p[len] = '\0';
	tree_add(t, p, mode, oid);
	t->entries[t->nentries - 1].borrowed = 1;
}

void
tree_add_borrowed(struct tree *t, const struct tree *from, size_t lo,
    size_t hi)
{
	size_t i;

	tree_names_free(t);
	XGROW(t->entries, t->nentries + (hi - lo), t->alloc);
	for (i = lo; i < hi; i++) {
		t->entries[t->nentries] = from->entries[i];
		t->entries[t->nentries++].borrowed = 1;
	}
}

void
tree_prefix_range(const struct tree *t, const char *pfx, size_t len,
    size_t *lo, size_t *hi)
{
	prefix_range(t, pfx, len, lo, hi);
}

static int
entry_cmp(const void *a, const void *b)
{
	const struct tree_entry *ea = a, *eb = b;

	return strcmp(ea->path, eb->path);
}

void
tree_sort(struct tree *t)
{
	size_t i, j;

	tree_names_free(t);
	for (i = 1; i < t->nentries; i++)
		if (strcmp(t->entries[i - 1].path, t->entries[i].path) >= 0)
			break;
	if (i >= t->nentries)
		return;		/* already sorted, no repeats */
	qsort(t->entries, t->nentries, sizeof(t->entries[0]), entry_cmp);
	for (i = j = 0; i < t->nentries; i++) {
		if (j > 0 &&
		    strcmp(t->entries[j - 1].path, t->entries[i].path) == 0) {
			if (!t->entries[i].borrowed)
				free(t->entries[i].path);
			continue;
		}
		t->entries[j++] = t->entries[i];
	}
	t->nentries = j;
}

/* The entries [*lo, *hi) whose path starts with the len bytes of pfx. */
static void
prefix_range(const struct tree *t, const char *pfx, size_t len, size_t *lo,
    size_t *hi)
{
	size_t l, h, m;

	l = 0;
	h = t->nentries;
	while (l < h) {
		m = l + (h - l) / 2;
		if (strncmp(t->entries[m].path, pfx, len) < 0)
			l = m + 1;
		else
			h = m;
	}
	*lo = l;
	h = t->nentries;
	while (l < h) {
		m = l + (h - l) / 2;
		if (strncmp(t->entries[m].path, pfx, len) <= 0)
			l = m + 1;
		else
			h = m;
	}
	*hi = l;
}

/*
 * The two ranges of entries that start with the k bytes of s and then
 * the letter s[k] in either case: upper case first, as bytes sort.
 */
static void
letter_ranges(const struct tree *t, const char *s, size_t k, size_t lo[2],
    size_t hi[2])
{
	char *key;

	key = xstrndup(s, k + 1);
	key[k] = (char)ascii_toupper((unsigned char)s[k]);
	prefix_range(t, key, k + 1, &lo[0], &hi[0]);
	key[k] = (char)ascii_tolower((unsigned char)s[k]);
	prefix_range(t, key, k + 1, &lo[1], &hi[1]);
	free(key);
}

const struct tree_entry *
tree_lookup(const struct tree *t, const char *path, int icase)
{
	const char *p;
	size_t lo, hi, lo2[2], hi2[2], i, k, v;

	tree_queries_note(t->rec, TREE_ASK_LOOKUP, icase, path);
	prefix_range(t, path, strlen(path) + 1, &lo, &hi);
	if (lo < hi)
		return &t->entries[lo];
	if (!icase)
		return NULL;

	/*
	 * Case-insensitive matches share the bytes before the first letter
	 * and have that letter in one of its two cases.
	 */
	for (p = path; *p != '\0' && !ascii_isalpha((unsigned char)*p); p++)
		;
	if (*p == '\0')
		return NULL;
	k = (size_t)(p - path);
	letter_ranges(t, path, k, lo2, hi2);
	for (v = 0; v < 2; v++)
		for (i = lo2[v]; i < hi2[v]; i++)
			if (ascii_streq_nocase(t->entries[i].path + k + 1,
			    path + k + 1))
				return &t->entries[i];
	return NULL;
}

/*
 * Split pattern for prune_skip(); off when a '\\' or a class holding a
 * '/' makes its components unsure, or it has too many.
 */
static void
prune_init(struct prune *pr, const char *pattern)
{
	const char *p, *q, *end, *last;

	memset(pr, 0, sizeof(*pr));
	if (strchr(pattern, '\\') != NULL)
		return;
	/* A '/' between a '[' and the last ']' may be in a class. */
	if ((p = strchr(pattern, '[')) != NULL &&
	    (last = strrchr(pattern, ']')) != NULL && last > p &&
	    memchr(p, '/', (size_t)(last - p)) != NULL)
		return;
	for (p = pattern; pr->n < PRUNE_MAX; p = end + 1) {
		end = strchr(p, '/');
		if (end == NULL)
			end = p + strlen(p);
		for (q = p; q + 1 < end && !(q[0] == '*' && q[1] == '*'); q++)
			;
		if (q + 1 < end) {
			pr->deep = 1;	/* "**", whole or inside a component */
			break;
		}
		pr->v[pr->n++] = xstrndup(p, (size_t)(end - p));
		if (*end == '\0')
			break;
	}
	pr->on = pr->deep || pr->n < PRUNE_MAX;
}

static void
prune_release(struct prune *pr)
{
	size_t i;

	for (i = 0; i < pr->n; i++)
		free(pr->v[i]);
}

/*
 * How many bytes of path (a directory and its '/') hold no match of the
 * pattern, so that every entry under them can be skipped; 0 when path
 * must be matched itself.
 */
static size_t
prune_skip(const struct prune *pr, const char *path, int flags)
{
	char comp[256];
	const char *p, *slash;
	size_t k, len;

	if (!pr->on)
		return 0;
	for (p = path, k = 0; (slash = strchr(p, '/')) != NULL;
	    p = slash + 1, k++) {
		if (pr->deep && k >= pr->n)
			return 0;	/* anything below may match "**" */
		if (!pr->deep && k + 1 >= pr->n)
			return (size_t)(slash - path) + 1;	/* too deep */
		len = (size_t)(slash - p);
		if (len >= sizeof(comp))
			return 0;
		memcpy(comp, p, len);
		comp[len] = '\0';
		if (!glob_match(pr->v[k], comp, flags))
			return (size_t)(slash - path) + 1;
	}
	return 0;
}

/*
 * How many bytes every match of pattern starts with, as they are: up to
 * the first special byte (or, without case, the first letter). They
 * narrow the search to one range of the sorted entries.
 */
static size_t
literal_prefix(const char *pattern, int icase)
{
	const char *p;

	for (p = pattern; *p != '\0'; p++) {
		if (strchr("*?[\\", *p) != NULL)
			break;
		if (icase && ((*p >= 'a' && *p <= 'z') ||
		    (*p >= 'A' && *p <= 'Z')))
			break;
	}
	return (size_t)(p - pattern);
}

/*
 * The part of a pattern "**" "/X" that a path's last component must
 * match, X having no slash, no "**" and no backslash: with GLOB_PATHNAME, X
 * matches no '/', so the "**" "/" takes every directory there is and
 * X the name. NULL for any other pattern.
 */
static const char *
name_part(const char *pattern)
{
	const char *x;

	if (strncmp(pattern, "**/", 3) != 0)
		return NULL;
	x = pattern + 3;
	if (*x == '\0' || strpbrk(x, "/\\") != NULL || strstr(x, "**") != NULL)
		return NULL;
	return x;
}

/*
 * What a path's last component must be to match a "**" "/X" pattern's X:
 * "*" then plain bytes (with case) is a suffix, compared as bytes.
 */
struct name_test {
	const char	*name;
	const char	*tail;		/* the suffix, or NULL: the matcher */
	size_t		 n;
	int		 flags;
};

static void
name_test_init(struct name_test *nt, const char *name, int flags)
{
	nt->name = name;
	nt->flags = flags;
	nt->tail = name[0] == '*' && strpbrk(name + 1, "*?[") == NULL &&
	    !(flags & GLOB_CASEFOLD) ? name + 1 : NULL;
	nt->n = nt->tail != NULL ? strlen(nt->tail) : 0;
}

static int
name_test(const struct name_test *nt, const char *path)
{
	const char *base;
	size_t len;

	base = strrchr(path, '/');
	base = base != NULL ? base + 1 : path;
	if (nt->tail == NULL)
		return glob_match(nt->name, base, nt->flags);
	len = strlen(base);
	return len >= nt->n && memcmp(base + len - nt->n, nt->tail, nt->n) == 0;
}

/* Every entry of [lo, hi) whose last component matches name. */
static int
glob_names(const struct tree *t, size_t lo, size_t hi, const char *name,
    int flags, int (*cb)(const struct tree_entry *, void *), void *arg)
{
	struct name_test nt;
	size_t i;
	int r;

	name_test_init(&nt, name, flags);
	t->stats->visited += hi - lo;
	for (i = lo, r = 0; i < hi && r == 0; i++)
		if (name_test(&nt, t->entries[i].path))
			r = cb(&t->entries[i], arg);
	return r;
}

/*
 * The ranges of entries that every match of pattern lies in, in path
 * order, and how many: the entries that start with the pattern's literal
 * prefix; without case, with the bytes before its first letter and that
 * letter in each of its cases (upper case first, as bytes sort).
 */
static size_t
glob_ranges(const struct tree *t, const char *pattern, int icase,
    size_t lo[2], size_t hi[2])
{
	size_t k;

	k = literal_prefix(pattern, icase);
	if (!icase || !ascii_isalpha((unsigned char)pattern[k])) {
		prefix_range(t, pattern, k, &lo[0], &hi[0]);
		return 1;
	}
	letter_ranges(t, pattern, k, lo, hi);
	return 2;
}

/*
 * The matches of pattern in [lo, hi) when its last component comes after
 * a "**" and narrows by a key of the name indexes (tree-names.c): only
 * the entries of that key's bucket are looked at. *done is 0 when the pattern
 * does not narrow so, or the range is too small to be worth it.
 */
static int
glob_keyed(const struct tree *t, const char *pattern, int flags, size_t lo,
    size_t hi, int (*cb)(const struct tree_entry *, void *), void *arg,
    int *done)
{
	struct name_test nt;
	const char *last, *deep, *key, *name;
	const uint32_t *v;
	size_t len, n, i;
	int k, r;

	*done = 0;
	/* a '/' in a class ("[/.]") is no component's start */
	if (hi - lo < NAMES_MIN || (last = glob_last_slash(pattern)) == NULL)
		return 0;
	last++;
	if ((deep = strstr(pattern, "**")) == NULL || deep >= last ||
	    strstr(last, "**") != NULL ||
	    (k = tree_names_key(last, &key, &len)) < 0)
		return 0;
	*done = 1;
	tree_names_group(t, k, key, len, lo, hi, &v, &n);
	t->stats->visited += n;
	/* "**" "/X": X against the last component is the whole match */
	if ((name = name_part(pattern)) != NULL)
		name_test_init(&nt, name, flags);
	for (i = 0, r = 0; i < n && r == 0; i++)
		if (name != NULL ? name_test(&nt, t->entries[v[i]].path) :
		    glob_match(pattern, t->entries[v[i]].path, flags))
			r = cb(&t->entries[v[i]], arg);
	return r;
}

/* A query's pattern and callback, for each directory glob_dirs() finds. */
struct dir_query {
	const char	*pattern;
	int		 flags;
	int		(*cb)(const struct tree_entry *, void *);
	void		*arg;
};

static int
dir_query_cb(const struct tree *t, size_t lo, size_t hi, void *arg)
{
	const struct dir_query *q = arg;
	size_t i;
	int r;

	for (i = lo, r = 0; i < hi && r == 0; i++) {
		t->stats->visited++;
		if (glob_match(q->pattern, t->entries[i].path, q->flags))
			r = q->cb(&t->entries[i], q->arg);
	}
	return r;
}

/*
 * The matches in [lo, hi) of a pattern "**" "/X/" "**", X one plain
 * component: the entries below the directories named X, from the
 * directory index. *done is 0 for any other pattern.
 */
static int
glob_dirs(const struct tree *t, const char *pattern, int flags, size_t lo,
    size_t hi, int (*cb)(const struct tree_entry *, void *), void *arg,
    int *done)
{
	struct dir_query q = { pattern, flags, cb, arg };
	char *x;
	size_t n;
	int r;

	*done = 0;
	n = strlen(pattern);
	if (hi - lo < NAMES_MIN || n < 7 || strncmp(pattern, "**/", 3) != 0 ||
	    strcmp(pattern + n - 3, "/**") != 0)
		return 0;
	x = xstrndup(pattern + 3, n - 6);
	if (*x == '\0' || strpbrk(x, "/\\") != NULL ||
	    strstr(x, "**") != NULL) {
		free(x);
		return 0;
	}
	*done = 1;
	r = tree_names_dirs(t, x, flags, lo, hi, dir_query_cb, &q);
	free(x);
	return r;
}

/* The matches of pattern in the entries [lo, hi), counted as visited. */
static int
glob_range(const struct tree *t, const char *pattern, int flags, size_t lo,
    size_t hi, int (*cb)(const struct tree_entry *, void *), void *arg)
{
	struct prune pr;
	const char *name;
	size_t i, skip, slo, shi;
	int r, done;

	if (strcmp(pattern, "**") == 0) {
		for (i = lo, r = 0; i < hi && r == 0; i++)
			r = cb(&t->entries[i], arg);
		t->stats->visited += i - lo;
		return r;
	}
	r = glob_keyed(t, pattern, flags, lo, hi, cb, arg, &done);
	if (!done)
		r = glob_dirs(t, pattern, flags, lo, hi, cb, arg, &done);
	if (done)
		return r;
	if ((name = name_part(pattern)) != NULL)
		return glob_names(t, lo, hi, name, flags, cb, arg);
	prune_init(&pr, pattern);
	r = 0;
	for (i = lo; i < hi && r == 0; i++) {
		t->stats->visited++;
		if ((skip = prune_skip(&pr, t->entries[i].path, flags)) > 0) {
			/* the directory's entries are one range: past it */
			prefix_range(t, t->entries[i].path, skip, &slo, &shi);
			i = shi - 1;
			continue;
		}
		if (glob_match(pattern, t->entries[i].path, flags))
			r = cb(&t->entries[i], arg);
	}
	prune_release(&pr);
	return r;
}

int
tree_glob(const struct tree *t, const char *pattern, int icase,
    int (*cb)(const struct tree_entry *, void *), void *arg)
{
	size_t lo[2], hi[2], i, n, before, built;
	int r;

	tree_queries_note(t->rec, TREE_ASK_GLOB, icase, pattern);
	before = t->stats->visited;
	built = t->stats->passes;
	n = glob_ranges(t, pattern, icase, lo, hi);
	for (i = 0, r = 0; i < n && r == 0; i++)
		r = glob_range(t, pattern, GLOB_PATHNAME |
		    (icase ? GLOB_CASEFOLD : 0), lo[i], hi[i], cb, arg);
	/* a query that looked at every entry walked the tree */
	if (t->nentries > 0 && t->stats->visited - before -
	    (t->stats->passes - built) * t->nentries >= t->nentries)
		t->stats->passes++;
	return r;
}

/* The matches that tree_glob_union() gathers, by entry number. */
struct gather {
	const struct tree	*t;
	uint32_t		*v;
	size_t			 n, alloc;
};

static int
gather_cb(const struct tree_entry *e, void *arg)
{
	struct gather *g = arg;

	XGROW(g->v, g->n + 1, g->alloc);
	g->v[g->n++] = (uint32_t)(e - g->t->entries);
	return 0;
}

static int
u32_cmp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

int
tree_glob_union(const struct tree *t, const char *const *patterns, size_t n,
    int icase, int (*cb)(const struct tree_entry *, void *), void *arg)
{
	struct gather g = { t, NULL, 0, 0 };
	size_t i;
	int r;

	for (i = 0; i < n; i++)
		tree_glob(t, patterns[i], icase, gather_cb, &g);
	/* each pattern's matches come in order: one pattern's need no sort */
	for (i = 1; i < g.n && g.v[i - 1] < g.v[i]; i++)
		;
	if (i < g.n)
		qsort(g.v, g.n, sizeof(g.v[0]), u32_cmp);
	for (i = 0, r = 0; i < g.n && r == 0; i++)
		if (i == 0 || g.v[i] != g.v[i - 1])
			r = cb(&t->entries[g.v[i]], arg);
	free(g.v);
	return r;
}

size_t
tree_passes(const struct tree *t)
{
	return t->stats->passes;
}

size_t
tree_visited(const struct tree *t)
{
	return t->stats->visited;
}

const char *
tree_unreadable(const struct tree *t, size_t i)
{
	if (t->ops->unreadable == NULL)
		return NULL;
	return t->ops->unreadable(t, i);
}

size_t
tree_count_under(const struct tree *t, const char *dir)
{
	size_t len, lo, hi;
	char *pfx;

	len = strlen(dir);
	while (len > 0 && dir[len - 1] == '/')
		len--;
	if (len == 1 && dir[0] == '.')
		len = 0;
	pfx = xmalloc(len + 2);
	memcpy(pfx, dir, len);
	pfx[len] = '\0';
	tree_queries_note(t->rec, TREE_ASK_UNDER, 0, pfx);
	if (len == 0) {
		free(pfx);
		return t->nentries;
	}
	pfx[len] = '/';
	pfx[len + 1] = '\0';
	prefix_range(t, pfx, len + 1, &lo, &hi);
	free(pfx);
	return hi - lo;
}

int
tree_read(const struct tree *t, const struct tree_entry *e, size_t cap,
    struct strbuf *out, int *truncated)
{
	strbuf_reset(out);
	*truncated = 0;
	tree_queries_note(t->rec, TREE_ASK_BYTES, 0, e->path);
	return t->ops->read(t, e, cap, out, truncated);
}

int
tree_size(const struct tree *t, const struct tree_entry *e, uint64_t *size)
{
	*size = 0;
	tree_queries_note(t->rec, TREE_ASK_BYTES, 0, e->path);
	return t->ops->size(t, e, size);
}

int
tree_readlink(const struct tree *t, const struct tree_entry *e,
    struct strbuf *out)
{
	strbuf_reset(out);
	tree_queries_note(t->rec, TREE_ASK_BYTES, 0, e->path);
	return t->ops->readlink(t, e, out);
}

/* The read of a source whose files are blobs (the index, a commit). */
int
tree_blob_read(const struct tree *t, const struct tree_entry *e, size_t cap,
    struct strbuf *out, int *truncated)
{
	if (e->mode == TREE_MODE_LINK)
		return TREE_ELINK;
	if (e->mode == TREE_MODE_SUBMODULE || !e->has_oid)
		return TREE_ENOTFILE;
	return blob_read(t, e, cap, out, truncated);
}

/* The size of such a source's file: its object header. */
int
tree_blob_size(const struct tree *t, const struct tree_entry *e,
    uint64_t *size)
{
	git_odb *odb;
	git_object_t type;
	size_t n;
	int r;

	if (e->mode == TREE_MODE_LINK)
		return TREE_ELINK;
	if (e->mode == TREE_MODE_SUBMODULE || !e->has_oid)
		return TREE_ENOTFILE;
	if (git_repository_odb(&odb, t->repo) < 0)
		return ec_error("%s: %s", e->path, ec_git_error());
	if (git_odb_read_header(&n, &type, odb, &e->oid) < 0)
		r = ec_error("%s: %s", e->path, ec_git_error());
	else if (type != GIT_OBJECT_BLOB)
		r = TREE_ENOTFILE;
	else {
		*size = n;
		r = 0;
	}
	git_odb_free(odb);
	return r;
}

/* The readlink of such a source: the blob of a link is its target. */
int
tree_blob_readlink(const struct tree *t, const struct tree_entry *e,
    struct strbuf *out)
{
	int truncated;

	if (e->mode != TREE_MODE_LINK || !e->has_oid)
		return TREE_ENOTFILE;
	return blob_read(t, e, SIZE_MAX, out, &truncated);
}

/* A blob that cannot be read although the repository lists it: one line. */
static int
blob_corrupt(const struct tree_entry *e, const char *why)
{
	char hex[GIT_OID_HEXSZ + 1];

	git_oid_tostr(hex, sizeof(hex), &e->oid);
	return ec_error("%s: the repository is corrupt: object %.12s: %s",
	    e->path, hex, why);
}

/*
 * packs_read_head() of the repository's packs (pack.h), opened on the
 * first read: 0, PACKS_WHOLE or 1.
 */
static int
blob_packed_head(const struct tree *t, const struct tree_entry *e,
    size_t cap, struct strbuf *out, size_t *size)
{
	char *objdir;

	if (t->packs == NULL) {
		objdir = loose_objdir(t->repo);
		/* the packs are the tree's, as its indexes: a const read */
		((struct tree *)t)->packs = packs_new(objdir);
		free(objdir);
	}
	return packs_read_head(t->packs, &e->oid, cap, out, size);
}

/*
 * Read at most cap bytes of the blob of an index or commit entry, loading
 * it whole only when that is reasonable.
 */
static int
blob_read(const struct tree *t, const struct tree_entry *e, size_t cap,
    struct strbuf *out, int *truncated)
{
	git_odb *odb;
	git_object_t type;
	size_t size;
	int r;

	/*
	 * The first bytes of a packed blob, without the rest of it; a
	 * packed blob no larger than cap, whole, its header read already.
	 */
	r = cap > 0 ? blob_packed_head(t, e, cap, out, &size) : 1;
	if (r == 0) {
		*truncated = 1;
		return 0;
	}
	if (r == PACKS_WHOLE)
		return blob_whole(t, e, cap, out, truncated);
	if (git_repository_odb(&odb, t->repo) < 0)
		return ec_error("%s: %s", e->path, ec_git_error());
	if (git_odb_read_header(&size, &type, odb, &e->oid) < 0) {
		r = blob_corrupt(e, ec_git_error());
		goto out;
	}
	if (type != GIT_OBJECT_BLOB) {
		r = blob_corrupt(e, "not a blob");
		goto out;
	}
	if (cap == 0) {
		*truncated = size > 0;	/* the header tells enough */
		r = 0;
		goto out;
	}
	if (size > cap && size > TREE_BLOB_LOAD_MAX) {
		r = blob_stream(e, odb, cap, out);
		if (r == 0)
			*truncated = 1;
		if (r != 1)
			goto out;
		/* packed: loaded whole and cut, when not too large */
		if (size > TREE_BLOB_PACKED_MAX) {
			r = ec_error("%s: a packed file of %zu bytes, more "
			    "than %d MiB: too large to read from the %s",
			    e->path, size, TREE_BLOB_PACKED_MAX >> 20,
			    t->ops->name);
			goto out;
		}
	}
	r = blob_whole(t, e, cap, out, truncated);
out:
	git_odb_free(odb);
	return r;
}

/* The blob loaded whole by libgit2, cut at cap bytes. */
static int
blob_whole(const struct tree *t, const struct tree_entry *e, size_t cap,
    struct strbuf *out, int *truncated)
{
	git_blob *blob;
	size_t n;

	if (git_blob_lookup(&blob, t->repo, &e->oid) < 0)
		return blob_corrupt(e, ec_git_error());
	n = (size_t)git_blob_rawsize(blob);
	if (n > cap) {
		n = cap;
		*truncated = 1;
	}
	strbuf_add(out, git_blob_rawcontent(blob), n);
	git_blob_free(blob);
	return 0;
}

/*
 * The first cap bytes of a blob too large to load, streamed: 0, 1 when it
 * cannot be streamed (a packed object), -1 (error printed).
 */
static int
blob_stream(const struct tree_entry *e, git_odb *odb, size_t cap,
    struct strbuf *out)
{
	git_odb_stream *st;
	git_object_t type;
	size_t len;
	int n;

	if (git_odb_open_rstream(&st, &len, &type, odb, &e->oid) < 0)
		return 1;
	strbuf_grow(out, cap);
	while (out->len < cap) {
		len = cap - out->len;
		if (len > 1024 * 1024)
			len = 1024 * 1024;
		n = git_odb_stream_read(st, out->buf + out->len, len);
		if (n < 0) {
			loose_stream_free(st);
			strbuf_reset(out);
			return blob_corrupt(e, ec_git_error());
		}
		if (n == 0)
			break;
		strbuf_setlen(out, out->len + (size_t)n);
	}
	loose_stream_free(st);
	return 0;
}
