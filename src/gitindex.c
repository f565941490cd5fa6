/* gitindex.c: parsing git's index file format from a buffer */
#define _POSIX_C_SOURCE 200809L	/* strnlen */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gitindex.h"
#include "strbuf.h"
#include "xalloc.h"

/*
 * A 12-byte header ("DIRC", version, count), entries of 62 bytes (stat
 * data, mode at 24, object id at 40, flags at 60) and a path, extensions
 * (a 4-byte signature and a 4-byte size), a 20-byte checksum.
 */
#define INDEX_HEADER	12
#define INDEX_ENTRY	62
#define INDEX_OID	40
#define INDEX_HASH	20
#define INDEX_EXTENDED	0x4000	/* flags: two more bytes of flags */
#define INDEX_SKIP_WT	0x4000	/* extended flags: skip-worktree */

/* An entry kept for merging a split index with its shared index. */
struct kept {
	char		*path;
	size_t		 len;
	unsigned	 mode;
	int		 stage;
	int		 skip_worktree;
	int		 dead;		/* deleted from the shared index */
	int		 split;		/* from the split index */
	unsigned char	 oid[GITINDEX_OIDSZ];
};

struct keep {
	struct kept	*v;
	size_t		 n;
	size_t		 alloc;
};

/*
 * Where the "link" extension is, when it is accepted; and the cache of
 * tree ids ("TREE"), found whenever lk is given.
 */
struct link {
	const unsigned char	*p;
	size_t			 size;
	const unsigned char	*tree;
	size_t			 tree_size;
};

#define CACHE_DEPTH_MAX	256

static uint32_t	 be32(const unsigned char *);
static int	 varint(const unsigned char **, const unsigned char *,
		    size_t *);
static int	 extensions(const unsigned char *, const unsigned char *,
		    struct link *);
static int	 parse(const void *, size_t, gitindex_cb, void *,
		    struct link *);
static int	 entry_path(const unsigned char *, size_t,
		    const unsigned char *, unsigned, struct strbuf *,
		    struct gitindex_entry *, const unsigned char **);
static int	 keep_cb(const struct gitindex_entry *, void *);
static void	 keep_free(struct keep *);
static int	 ewah(const unsigned char **, const unsigned char *,
		    int (*)(size_t, void *), void *);
static int	 replace_bit(size_t, void *);
static int	 delete_bit(size_t, void *);
static int	 kept_cmp(const void *, const void *);
struct merge;
static int	 link_bitmaps(const struct link *, struct merge *);
static struct kept *merged(const struct merge *, size_t *);
static int	 emit_merged(const struct kept *, size_t, gitindex_cb, void *);

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

/* git's offset varint (index version 4); 0 on success. */
static int
varint(const unsigned char **pp, const unsigned char *end, size_t *val)
{
	const unsigned char *p;
	size_t v;
	unsigned char c;

	p = *pp;
	if (p >= end)
		return -1;
	c = *p++;
	v = c & 127;
	while (c & 128) {
		if (p >= end || v + 1 > (SIZE_MAX >> 7))
			return -1;
		c = *p++;
		v = ((v + 1) << 7) | (c & 127);
	}
	*pp = p;
	*val = v;
	return 0;
}

/*
 * Skip the extensions in [p, end); all of them must be whole. A "link"
 * (split index) is refused unless lk is given; then it is set there.
 */
static int
extensions(const unsigned char *p, const unsigned char *end, struct link *lk)
{
	size_t esz;

	while (p < end) {
		if ((size_t)(end - p) < 8)
			return GITINDEX_EBAD;
		esz = be32(p + 4);
		if (esz > (size_t)(end - p) - 8)
			return GITINDEX_EBAD;
		if (memcmp(p, "link", 4) == 0) {
			if (lk == NULL)
				return GITINDEX_EUNSUPPORTED;
			lk->p = p + 8;
			lk->size = esz;
		} else if (lk != NULL && memcmp(p, "TREE", 4) == 0) {
			lk->tree = p + 8;
			lk->tree_size = esz;
		}
		p += 8 + esz;
	}
	return 0;
}

int
gitindex_header(const void *buf, size_t size, unsigned *version,
    size_t *count)
{
	const unsigned char *b = buf;

	if (size < GITINDEX_MIN_SIZE || memcmp(b, "DIRC", 4) != 0)
		return GITINDEX_EBAD;
	*version = be32(b + 4);
	*count = be32(b + 8);
	if (*version < 2 || *version > 4 || *count > size / INDEX_ENTRY)
		return GITINDEX_EBAD;
	return 0;
}

int
gitindex_parse(const void *buf, size_t size, gitindex_cb cb, void *arg)
{
	return parse(buf, size, cb, arg, NULL);
}

/* gitindex_parse(), also reporting a "link" extension in lk if given. */
static int
parse(const void *buf, size_t size, gitindex_cb cb, void *arg,
    struct link *lk)
{
	struct strbuf prev = STRBUF_INIT;
	struct gitindex_entry ent;
	const unsigned char *e, *p, *end;
	size_t n, i, poff;
	unsigned flags, ver;
	int r;

	if ((r = gitindex_header(buf, size, &ver, &n)) != 0)
		return r;
	end = (const unsigned char *)buf + size - INDEX_HASH;
	p = (const unsigned char *)buf + INDEX_HEADER;
	for (i = 0; i < n; i++) {
		e = p;
		r = GITINDEX_EBAD;
		if ((size_t)(end - e) < INDEX_ENTRY + 2)
			goto out;
		flags = (unsigned)e[60] << 8 | e[61];
		poff = INDEX_ENTRY;
		ent.skip_worktree = 0;
		if (flags & INDEX_EXTENDED) {
			if (ver < 3)
				goto out;
			ent.skip_worktree = (((unsigned)e[62] << 8 | e[63]) &
			    INDEX_SKIP_WT) != 0;
			poff += 2;
		}
		if (entry_path(e, poff, end, ver, &prev, &ent, &p) == -1)
			goto out;
		ent.mode = be32(e + 24);
		/* A sparse directory ("dir/", a tree) must say so twice. */
		if ((ent.mode & 0170000) == 0040000 && (ent.len == 0 ||
		    ent.path[ent.len - 1] != '/' || !ent.skip_worktree))
			goto out;
		ent.stage = (flags >> 12) & 3;
		ent.oid = e + INDEX_OID;
		if (cb != NULL && (r = cb(&ent, arg)) != 0)
			goto out;
	}
	r = extensions(p, end, lk);
out:
	strbuf_release(&prev);
	return r;
}

/*
 * The path of the entry at e whose path starts poff bytes in: in version
 * 4, a suffix to what is left of the previous path (prev) once its end is
 * dropped; before, a NUL-padded name. Sets ent's path and length and *next
 * to the next entry: 0, or -1 when the entry is cut or malformed.
 */
static int
entry_path(const unsigned char *e, size_t poff, const unsigned char *end,
    unsigned ver, struct strbuf *prev, struct gitindex_entry *ent,
    const unsigned char **next)
{
	const unsigned char *p = e + poff;
	size_t len, strip, padded;

	if (ver == 4) {
		if (varint(&p, end, &strip) < 0 || strip > prev->len)
			return -1;
		len = strnlen((const char *)p, end - p);
		if (p + len >= end)
			return -1;
		strbuf_setlen(prev, prev->len - strip);
		strbuf_add(prev, p, len);
		*next = p + len + 1;
		ent->path = prev->buf;
		ent->len = prev->len;
		return 0;
	}
	ent->path = (const char *)p;
	len = strnlen(ent->path, end - p);
	if (p + len >= end)
		return -1;
	/* NUL-padded to a multiple of 8 bytes */
	padded = (poff + len + 8) & ~(size_t)7;
	if ((size_t)(end - e) < padded)
		return -1;
	*next = e + padded;
	ent->len = len;
	return 0;
}

/* A decimal number of at most 9 digits (a '-' first when neg may be). */
static int
cache_number(const unsigned char **pp, const unsigned char *end, int neg,
    long *out)
{
	const unsigned char *p = *pp;
	long v;
	int minus, digits;

	minus = neg && p < end && *p == '-';
	p += minus;
	for (v = 0, digits = 0; p < end && *p >= '0' && *p <= '9' &&
	    digits < 9; p++, digits++)
		v = v * 10 + (*p - '0');
	if (digits == 0)
		return -1;
	*out = minus ? -v : v;
	*pp = p;
	return 0;
}

/*
 * One directory of the cache of tree ids at *pp, then its subtrees:
 * "NAME\0COUNT SUBTREES\n", the tree id when COUNT is not -1. 0, -1 when
 * malformed, or the callback's nonzero return.
 */
static int
cache_node(const unsigned char **pp, const unsigned char *end,
    struct strbuf *path, int depth, gitindex_tree_cb cb, void *arg)
{
	const unsigned char *p = *pp, *nul;
	size_t plen;
	long count, subtrees, i;
	int r;

	if (depth > CACHE_DEPTH_MAX ||
	    (nul = memchr(p, '\0', (size_t)(end - p))) == NULL)
		return -1;
	plen = path->len;
	if (nul > p) {
		if (plen > 0)
			strbuf_addch(path, '/');
		strbuf_add(path, p, (size_t)(nul - p));
	}
	p = nul + 1;
	r = -1;
	if (cache_number(&p, end, 1, &count) == -1 || p >= end || *p++ != ' ' ||
	    cache_number(&p, end, 0, &subtrees) == -1 || p >= end ||
	    *p++ != '\n' || (count >= 0 && (size_t)(end - p) < GITINDEX_OIDSZ))
		goto out;
	r = 0;
	if (count >= 0) {
		r = cb(path->buf, path->len, (size_t)count, p, arg);
		p += GITINDEX_OIDSZ;
	}
	for (i = 0; r == 0 && i < subtrees; i++)
		r = cache_node(&p, end, path, depth + 1, cb, arg);
out:
	strbuf_setlen(path, plen);
	*pp = p;
	return r;
}

int
gitindex_parse_cache(const void *buf, size_t size, gitindex_cb cb, void *arg,
    gitindex_tree_cb tcb, void *targ)
{
	struct strbuf path = STRBUF_INIT;
	struct link lk;
	const unsigned char *p;
	int r;

	memset(&lk, 0, sizeof(lk));
	if ((r = parse(buf, size, cb, arg, &lk)) != 0)
		return r;
	if (lk.p != NULL)
		return GITINDEX_EUNSUPPORTED;	/* split: the caller's */
	if (lk.tree == NULL)
		return 0;
	p = lk.tree;
	r = cache_node(&p, lk.tree + lk.tree_size, &path, 0, tcb, targ);
	strbuf_release(&path);
	return r == -1 ? 0 : r;
}

int
gitindex_link(const void *buf, size_t size, unsigned char *oid)
{
	struct link lk;
	size_t i;
	int r;

	memset(&lk, 0, sizeof(lk));
	if ((r = parse(buf, size, NULL, NULL, &lk)) != 0)
		return r;
	if (lk.p == NULL)
		return 0;
	if (lk.size < GITINDEX_OIDSZ)
		return GITINDEX_EBAD;
	for (i = 0; i < GITINDEX_OIDSZ; i++)
		if (lk.p[i] != 0)
			break;
	if (i == GITINDEX_OIDSZ)
		return 0;		/* no shared index: all is here */
	memcpy(oid, lk.p, GITINDEX_OIDSZ);
	return 1;
}

/* Copy an entry into a struct keep. */
static int
keep_cb(const struct gitindex_entry *ie, void *arg)
{
	struct keep *k = arg;
	struct kept *e;

	XGROW(k->v, k->n + 1, k->alloc);
	e = &k->v[k->n++];
	e->path = xstrndup(ie->path, ie->len);
	e->len = ie->len;
	e->mode = ie->mode;
	e->stage = ie->stage;
	e->skip_worktree = ie->skip_worktree;
	e->dead = 0;
	e->split = 0;
	memcpy(e->oid, ie->oid, GITINDEX_OIDSZ);
	return 0;
}

static void
keep_free(struct keep *k)
{
	size_t i;

	for (i = 0; i < k->n; i++)
		free(k->v[i].path);
	free(k->v);
}

/*
 * Call bit for each set bit of the EWAH bitmap at *pp (git's
 * ewah/ewah_io.c: a bit count, a word count, the 64-bit words, the
 * position of the last run word; all big-endian), ascending; *pp is moved
 * past it. A word is a run (bit 0 its value, 32 bits of length in words,
 * then the count of literal words that follow it) or a literal.
 */
static int
ewah(const unsigned char **pp, const unsigned char *end,
    int (*bit)(size_t, void *), void *arg)
{
	const unsigned char *p = *pp;
	uint64_t w, runlen, nlit;
	size_t nwords, i, pos, b;
	int r;

	if ((size_t)(end - p) < 8)
		return GITINDEX_EBAD;
	nwords = be32(p + 4);
	p += 8;
	if (nwords > (size_t)(end - p) / 8 || (size_t)(end - p) - nwords * 8 < 4)
		return GITINDEX_EBAD;
	pos = 0;
	i = 0;
	while (i < nwords) {
		w = (uint64_t)be32(p + i * 8) << 32 | be32(p + i * 8 + 4);
		i++;
		runlen = (w >> 1) & 0xffffffffu;
		nlit = w >> 33;
		if (runlen > (SIZE_MAX - pos) / 64)
			return GITINDEX_EBAD;
		if (w & 1)
			for (b = 0; b < runlen * 64; b++)
				if ((r = bit(pos + b, arg)) != 0)
					return r;
		pos += runlen * 64;
		if (nlit > nwords - i)
			return GITINDEX_EBAD;
		for (; nlit > 0; nlit--, i++) {
			w = (uint64_t)be32(p + i * 8) << 32 |
			    be32(p + i * 8 + 4);
			if (pos > SIZE_MAX - 64)
				return GITINDEX_EBAD;
			for (b = 0; b < 64; b++)
				if ((w >> b & 1) && (r = bit(pos + b, arg)) != 0)
					return r;
			pos += 64;
		}
	}
	*pp = p + nwords * 8 + 4;
	return 0;
}

/* The shared and split entries while the bitmaps are applied. */
struct merge {
	struct keep	 base;
	struct keep	 split;
	size_t		 next;		/* the next replacement */
};

/* Replace the shared entry at pos by the next split one, keeping its path. */
static int
replace_bit(size_t pos, void *arg)
{
	struct merge *m = arg;
	struct kept *dst, *src;

	if (pos >= m->base.n || m->next >= m->split.n)
		return GITINDEX_EBAD;
	dst = &m->base.v[pos];
	src = &m->split.v[m->next++];
	if (src->len != 0 || dst->dead)
		return GITINDEX_EBAD;	/* a replacement has no name */
	dst->mode = src->mode;
	dst->stage = src->stage;
	dst->skip_worktree = src->skip_worktree;
	memcpy(dst->oid, src->oid, GITINDEX_OIDSZ);
	return 0;
}

static int
delete_bit(size_t pos, void *arg)
{
	struct merge *m = arg;

	if (pos >= m->base.n)
		return GITINDEX_EBAD;
	m->base.v[pos].dead = 1;
	return 0;
}

/* By path (byte order), stage, then the split index's entry last. */
static int
kept_cmp(const void *a, const void *b)
{
	const struct kept *ka = a, *kb = b;
	int r;

	if ((r = strcmp(ka->path, kb->path)) != 0)
		return r;
	if (ka->stage != kb->stage)
		return ka->stage - kb->stage;
	return ka->split - kb->split;
}

int
gitindex_parse_split(const void *buf, size_t size, const void *shared,
    size_t ssize, gitindex_cb cb, void *arg)
{
	struct merge m;
	struct kept *all;
	struct link lk;
	size_t n;
	int r;

	memset(&m, 0, sizeof(m));
	lk.p = NULL;
	lk.size = 0;
	all = NULL;
	if ((r = parse(buf, size, keep_cb, &m.split, &lk)) != 0 ||
	    (r = gitindex_parse(shared, ssize, keep_cb, &m.base)) != 0 ||
	    (r = link_bitmaps(&lk, &m)) != 0)
		goto out;
	r = GITINDEX_EBAD;
	if ((all = merged(&m, &n)) != NULL)
		r = emit_merged(all, n, cb, arg);
out:
	free(all);
	keep_free(&m.base);
	keep_free(&m.split);
	return r;
}

/*
 * The link extension's delete bitmap, then its replace bitmap (both
 * optional), applied to the shared index's entries: 0, or an error.
 */
static int
link_bitmaps(const struct link *lk, struct merge *m)
{
	const unsigned char *p, *end;
	int r;

	if (lk->p == NULL || lk->size < GITINDEX_OIDSZ)
		return GITINDEX_EBAD;
	p = lk->p + GITINDEX_OIDSZ;
	end = lk->p + lk->size;
	if (p == end)
		return 0;
	if ((r = ewah(&p, end, delete_bit, m)) != 0 ||
	    (r = ewah(&p, end, replace_bit, m)) != 0)
		return r;
	return p == end ? 0 : GITINDEX_EBAD;
}

/*
 * The shared index's entries still alive and the rest of the split
 * index (added, or replacing the same path), sorted; NULL when an added
 * entry has no name.
 */
static struct kept *
merged(const struct merge *m, size_t *np)
{
	struct kept *all;
	size_t i, n;

	n = m->base.n + (m->split.n - m->next);
	all = xreallocarray(NULL, n > 0 ? n : 1, sizeof(*all));
	n = 0;
	for (i = 0; i < m->base.n; i++)
		if (!m->base.v[i].dead)
			all[n++] = m->base.v[i];
	for (i = m->next; i < m->split.n; i++) {
		if (m->split.v[i].len == 0) {
			free(all);	/* only a replacement has no name */
			return NULL;
		}
		all[n] = m->split.v[i];
		all[n++].split = 1;
	}
	qsort(all, n, sizeof(*all), kept_cmp);
	*np = n;
	return all;
}

/* Hand the merged entries to cb, a replaced one only as replaced. */
static int
emit_merged(const struct kept *all, size_t n, gitindex_cb cb, void *arg)
{
	struct gitindex_entry ent;
	const struct kept *e;
	size_t i;
	int r = 0;

	for (i = 0; i < n && r == 0; i++) {
		e = &all[i];
		if (i + 1 < n && !e->split && all[i + 1].split &&
		    strcmp(e->path, all[i + 1].path) == 0 &&
		    e->stage == all[i + 1].stage)
			continue;	/* replaced by the split index's */
		ent.path = e->path;
		ent.len = e->len;
		ent.mode = e->mode;
		ent.stage = e->stage;
		ent.skip_worktree = e->skip_worktree;
		ent.oid = e->oid;
		r = cb(&ent, arg);
	}
	return r;
}
