/* tree.c: the tree source's common parts: queries, globs, blob reading */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <git2.h>

#include "ascii.h"
#include "error.h"
#include "strbuf.h"
#include "tree.h"
#include "xalloc.h"

/* Blobs up to this size are loaded whole even when only a part is read. */
#define TREE_BLOB_LOAD_MAX	(16 * 1024 * 1024)

static int	 entry_cmp(const void *, const void *);
static int	 fold(int, int);
static int	 fold_cmp(const char *, const char *);
static void	 prefix_range(const struct tree *, const char *, size_t,
		    size_t *, size_t *);
static int	 glob_class(const char **, int, int);
static int	 glob_match(const char *, const char *, const char *, int);
static int	 blob_read(const struct tree *, const struct tree_entry *,
		    size_t, struct strbuf *, int *);
static int	 blob_stream(const struct tree *, const struct tree_entry *,
		    git_odb *, size_t, size_t, struct strbuf *);

struct tree *
tree_new(enum tree_kind kind, git_repository *repo)
{
	struct tree *t;

	t = xcalloc(1, sizeof(*t));
	t->kind = kind;
	t->repo = repo;
	t->rootfd = -1;
	return t;
}

void
tree_free(struct tree *t)
{
	size_t i;

	if (t == NULL)
		return;
	for (i = 0; i < t->nentries; i++)
		free(t->entries[i].path);
	free(t->entries);
	free(t->workdir);
	if (t->rootfd != -1)
		close(t->rootfd);
	free(t);
}

const char *
tree_kind_name(enum tree_kind kind)
{
	switch (kind) {
	case TREE_WORKTREE:
		return "worktree";
	case TREE_INDEX:
		return "index";
	case TREE_COMMIT:
		return "commit";
	}
	return "unknown";
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

	XGROW(t->entries, t->nentries + 1, t->alloc);
	e = &t->entries[t->nentries++];
	e->path = path;
	e->mode = mode;
	e->has_oid = oid != NULL;
	if (oid != NULL)
		git_oid_cpy(&e->oid, oid);
	else
		memset(&e->oid, 0, sizeof(e->oid));
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

	for (i = 1; i < t->nentries; i++)
		if (strcmp(t->entries[i - 1].path, t->entries[i].path) >= 0)
			break;
	if (i >= t->nentries)
		return;		/* already sorted, no repeats */
	qsort(t->entries, t->nentries, sizeof(t->entries[0]), entry_cmp);
	for (i = j = 0; i < t->nentries; i++) {
		if (j > 0 &&
		    strcmp(t->entries[j - 1].path, t->entries[i].path) == 0) {
			free(t->entries[i].path);
			continue;
		}
		t->entries[j++] = t->entries[i];
	}
	t->nentries = j;
}

static int
fold(int c, int icase)
{
	return icase ? ascii_tolower(c) : c;
}

/* strcmp with ASCII letters compared without case. */
static int
fold_cmp(const char *a, const char *b)
{
	int ca, cb;

	for (;; a++, b++) {
		ca = fold((unsigned char)*a, 1);
		cb = fold((unsigned char)*b, 1);
		if (ca != cb || ca == '\0')
			return ca - cb;
	}
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

const struct tree_entry *
tree_lookup(const struct tree *t, const char *path, int icase)
{
	const char *p;
	size_t lo, hi, i, k, v;
	char *key;
	int c;

	prefix_range(t, path, strlen(path) + 1, &lo, &hi);
	if (lo < hi)
		return &t->entries[lo];
	if (!icase)
		return NULL;

	/*
	 * Case-insensitive matches share the bytes before the first letter
	 * and have that letter in one of its two cases: two ranges, the
	 * upper-case one first in path order.
	 */
	for (p = path; *p != '\0'; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z'))
			break;
	if (*p == '\0')
		return NULL;
	k = p - path;
	key = xstrndup(path, k + 1);
	for (v = 0; v < 2; v++) {
		c = (unsigned char)path[k] & ~0x20;	/* upper case */
		key[k] = v == 0 ? c : c | 0x20;
		prefix_range(t, key, k + 1, &lo, &hi);
		for (i = lo; i < hi; i++)
			if (fold_cmp(t->entries[i].path + k + 1,
			    path + k + 1) == 0) {
				free(key);
				return &t->entries[i];
			}
	}
	free(key);
	return NULL;
}

/*
 * Match c against the class at *pp ('['); on return *pp is past its ']'.
 * Returns 1 or 0, or -1 if the class is not closed (a literal '[').
 */
static int
glob_class(const char **pp, int c, int icase)
{
	const char *p;
	int neg, match, first, lo, hi, oc;

	p = *pp + 1;
	neg = match = 0;
	if (*p == '!' || *p == '^') {
		neg = 1;
		p++;
	}
	oc = c;
	if (icase && c >= 'a' && c <= 'z')
		oc = c - 'a' + 'A';
	else if (icase && c >= 'A' && c <= 'Z')
		oc = c - 'A' + 'a';
	for (first = 1; *p != ']' || first; first = 0) {
		if (*p == '\0')
			return -1;
		if (*p == '\\' && p[1] != '\0')
			p++;
		lo = hi = (unsigned char)*p++;
		if (*p == '-' && p[1] != ']' && p[1] != '\0') {
			p++;
			if (*p == '\\' && p[1] != '\0')
				p++;
			hi = (unsigned char)*p++;
		}
		if ((c >= lo && c <= hi) || (oc >= lo && oc <= hi))
			match = 1;
	}
	*pp = p + 1;
	return match != neg;
}

/*
 * Match the whole of text t against pattern p (pat is where the pattern
 * starts, to know whether "**" follows a '/').
 */
static int
glob_match(const char *pat, const char *p, const char *t, int icase)
{
	const char *q, *bp, *bt;
	int r;

	bp = bt = NULL;		/* where to resume after the last '*' */
	for (;;) {
		if (*p == '*') {
			for (q = p; *q == '*'; q++)
				;
			if (q - p >= 2 && (p == pat || p[-1] == '/') &&
			    (*q == '\0' || *q == '/')) {
				if (*q == '\0')
					return 1;
				/* "**" then '/': zero or more directories. */
				for (;;) {
					if (glob_match(pat, q + 1, t, icase))
						return 1;
					if ((t = strchr(t, '/')) == NULL)
						return 0;
					t++;
				}
			}
			bp = p = q;
			bt = t;
			continue;
		}
		if (*p == '\0') {
			if (*t == '\0')
				return 1;
			goto backtrack;
		}
		if (*t == '\0')
			return 0;
		switch (*p) {
		case '?':
			if (*t == '/')
				goto backtrack;
			p++;
			t++;
			continue;
		case '[':
			q = p;
			if (*t == '/')
				r = 0;
			else
				r = glob_class(&q, (unsigned char)*t, icase);
			if (r == 1) {
				p = q;
				t++;
				continue;
			}
			if (r == 0)
				goto backtrack;
			break;		/* not a class: a literal '[' */
		case '\\':
			if (p[1] != '\0')
				p++;
			break;
		}
		if (fold((unsigned char)*p, icase) ==
		    fold((unsigned char)*t, icase)) {
			p++;
			t++;
			continue;
		}
backtrack:
		/* Let the last '*' take one more byte, never a '/'. */
		if (bp == NULL || *bt == '/' || *bt == '\0')
			return 0;
		p = bp;
		t = ++bt;
	}
}

int
tree_glob(const struct tree *t, const char *pattern, int icase,
    int (*cb)(const struct tree_entry *, void *), void *arg)
{
	const char *p;
	size_t plen, lo, hi, i;
	int r;

	/* The literal directories the pattern starts with narrow the search. */
	plen = 0;
	for (p = pattern; *p != '\0'; p++) {
		if (strchr("*?[\\", *p) != NULL)
			break;
		if (icase && ((*p >= 'a' && *p <= 'z') ||
		    (*p >= 'A' && *p <= 'Z')))
			break;
		if (*p == '/')
			plen = p - pattern + 1;
	}
	prefix_range(t, pattern, plen, &lo, &hi);
	for (i = lo; i < hi; i++) {
		if (!glob_match(pattern, pattern, t->entries[i].path, icase))
			continue;
		if ((r = cb(&t->entries[i], arg)) != 0)
			return r;
	}
	return 0;
}

size_t
tree_count_under(const struct tree *t, const char *dir)
{
	size_t len, lo, hi;
	char *pfx;

	len = strlen(dir);
	while (len > 0 && dir[len - 1] == '/')
		len--;
	if (len == 0 || (len == 1 && dir[0] == '.'))
		return t->nentries;
	pfx = xmalloc(len + 2);
	memcpy(pfx, dir, len);
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
	if (t->kind == TREE_WORKTREE)
		return tree_worktree_read(t, e, cap, out, truncated);
	if (e->mode == TREE_MODE_LINK)
		return TREE_ELINK;
	if (e->mode == TREE_MODE_SUBMODULE || !e->has_oid)
		return TREE_ENOTFILE;
	return blob_read(t, e, cap, out, truncated);
}

int
tree_readlink(const struct tree *t, const struct tree_entry *e,
    struct strbuf *out)
{
	int truncated;

	strbuf_reset(out);
	if (t->kind == TREE_WORKTREE)
		return tree_worktree_readlink(t, e, out);
	if (e->mode != TREE_MODE_LINK || !e->has_oid)
		return TREE_ENOTFILE;
	/* The blob of a link is its target. */
	return blob_read(t, e, SIZE_MAX, out, &truncated);
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
	git_blob *blob;
	git_object_t type;
	size_t size, n;
	int r;

	if (git_repository_odb(&odb, t->repo) < 0)
		return ec_error("%s: %s", e->path, ec_git_error());
	if (git_odb_read_header(&size, &type, odb, &e->oid) < 0) {
		r = ec_error("%s: %s", e->path, ec_git_error());
		goto out;
	}
	if (type != GIT_OBJECT_BLOB) {
		r = TREE_ENOTFILE;
		goto out;
	}
	if (cap == 0) {
		*truncated = size > 0;	/* the header tells enough */
		r = 0;
		goto out;
	}
	if (size > cap && size > TREE_BLOB_LOAD_MAX) {
		r = blob_stream(t, e, odb, size, cap, out);
		if (r == 0)
			*truncated = 1;
		goto out;
	}
	if (git_blob_lookup(&blob, t->repo, &e->oid) < 0) {
		r = ec_error("%s: %s", e->path, ec_git_error());
		goto out;
	}
	n = (size_t)git_blob_rawsize(blob);
	if (n > cap) {
		n = cap;
		*truncated = 1;
	}
	strbuf_add(out, git_blob_rawcontent(blob), n);
	git_blob_free(blob);
	r = 0;
out:
	git_odb_free(odb);
	return r;
}

/* The first cap bytes of a blob too large to load, if it can be streamed. */
static int
blob_stream(const struct tree *t, const struct tree_entry *e, git_odb *odb,
    size_t size, size_t cap, struct strbuf *out)
{
	git_odb_stream *st;
	git_object_t type;
	size_t len;
	int n;

	if (git_odb_open_rstream(&st, &len, &type, odb, &e->oid) < 0)
		return ec_error("%s: file of %zu bytes too large to read "
		    "from the %s", e->path, size, tree_kind_name(t->kind));
	strbuf_grow(out, cap);
	while (out->len < cap) {
		len = cap - out->len;
		if (len > 1024 * 1024)
			len = 1024 * 1024;
		n = git_odb_stream_read(st, out->buf + out->len, len);
		if (n < 0) {
			git_odb_stream_free(st);
			return ec_error("%s: %s", e->path, ec_git_error());
		}
		if (n == 0)
			break;
		strbuf_setlen(out, out->len + (size_t)n);
	}
	git_odb_stream_free(st);
	return 0;
}
