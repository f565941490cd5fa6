/* pack.c: the first bytes of a packed blob, down its delta chain (pack.h) */
#define _POSIX_C_SOURCE 200809L
#include "config.h"

#include <sys/mman.h>
#include <sys/stat.h>

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <zlib.h>

#include "gitfile.h"
#include "pack.h"
#include "strbuf.h"
#include "xalloc.h"

#define OBJ_BLOB	3
#define OBJ_OFS_DELTA	6
#define OBJ_REF_DELTA	7

#define IDX_HEAD	(8 + 256 * 4)	/* magic, version, fan-out */
#define PACK_HEAD	12		/* "PACK", version, count */
#define PACK_TRAILER	20		/* the pack's checksum */

/* One pack and its index (version 2), both mapped. */
struct pack {
	const unsigned char	*idx, *pack;
	size_t			 idx_len, pack_len;
	uint32_t		 n;		/* objects */
	const unsigned char	*fanout, *oids, *offs, *big;
	size_t			 nbig;		/* 64-bit offsets */
};

struct packs {
	char		*objdir;
	int		 listed;
	struct pack	*v;
	size_t		 n, alloc;
	z_stream	 z;		/* one stream at a time, reset */
	int		 zinit, ended;
	const unsigned char *in;	/* the stream's bytes not given it */
	size_t		 left;
};

/* Where an object's data starts, and what it is. */
struct obj {
	int			 type;
	uint64_t		 size;	/* of the data: a delta's, for one */
	size_t			 data;
	const struct pack	*base;	/* a delta's base */
	uint64_t		 base_off;
};

/* One object of a chain, from the asked one down: what it must give. */
struct level {
	struct obj	 o;
	const struct pack *p;
	uint64_t	 want;		/* its first bytes asked for */
	unsigned char	*delta;		/* a delta's inflated first bytes */
	size_t		 dlen, pos;	/* and where its instructions start */
	uint64_t	 src, tgt;	/* the sizes it says: base, target */
};

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

struct packs *
packs_new(const char *objdir)
{
	struct packs *ps;

	ps = xcalloc(1, sizeof(*ps));
	ps->objdir = xstrdup(objdir);
	return ps;
}

void
packs_free(struct packs *ps)
{
	size_t i;

	if (ps == NULL)
		return;
	for (i = 0; i < ps->n; i++) {
		munmap((void *)(uintptr_t)ps->v[i].idx, ps->v[i].idx_len);
		munmap((void *)(uintptr_t)ps->v[i].pack, ps->v[i].pack_len);
	}
	if (ps->zinit)
		inflateEnd(&ps->z);
	free(ps->v);
	free(ps->objdir);
	free(ps);
}

/* Map the regular file path (not a link) whole: NULL when it cannot be. */
static const unsigned char *
map_path(const char *path, size_t *len)
{
	struct gitfile gf;
	void *m;
	int fd;

	if (gitfile_open(AT_FDCWD, path, GITFILE_NOFOLLOW, &gf, &fd) !=
	    GITFILE_OK)
		return NULL;
	m = MAP_FAILED;
	if (gf.st.st_size > 0 && (uintmax_t)gf.st.st_size <= SIZE_MAX)
		m = mmap(NULL, (size_t)gf.st.st_size, PROT_READ, MAP_PRIVATE,
		    fd, 0);
	close(fd);
	if (m == MAP_FAILED)
		return NULL;
	*len = (size_t)gf.st.st_size;
	return m;
}

/* Check an index of version 2 and its pack, which must agree: 0 or -1. */
static int
pack_parse(struct pack *p)
{
	const unsigned char *m = p->idx;
	uint32_t i, f, prev;
	uint64_t need;

	if (p->idx_len < IDX_HEAD + 2 * PACK_TRAILER ||
	    memcmp(m, "\377tOc", 4) != 0 || be32(m + 4) != 2)
		return -1;
	p->fanout = m + 8;
	for (i = 0, prev = 0; i < 256; i++, prev = f)
		if ((f = be32(p->fanout + 4 * i)) < prev)
			return -1;
	p->n = prev;
	/* each object: its id, CRC and offset; then 64-bit offsets */
	need = IDX_HEAD + (uint64_t)p->n * 28 + 2 * PACK_TRAILER;
	if (p->idx_len < need)
		return -1;
	p->oids = m + IDX_HEAD;
	p->offs = p->oids + (size_t)p->n * 24;
	p->big = p->offs + (size_t)p->n * 4;
	p->nbig = (p->idx_len - (size_t)need) / 8;
	/* the index names its pack by the pack's checksum */
	return p->pack_len >= PACK_HEAD + PACK_TRAILER &&
	    memcmp(p->pack, "PACK", 4) == 0 && (be32(p->pack + 4) == 2 ||
	    be32(p->pack + 4) == 3) && be32(p->pack + 8) == p->n &&
	    memcmp(p->idx + p->idx_len - 2 * PACK_TRAILER,
	    p->pack + p->pack_len - PACK_TRAILER, PACK_TRAILER) == 0 ? 0 : -1;
}

/* Map objects/pack/NAME.idx and NAME.pack into ps, when they are sound. */
static void
pack_add(struct packs *ps, const char *dir, const char *name, size_t stem)
{
	struct pack p;
	char *path;

	memset(&p, 0, sizeof(p));
	path = xasprintf("%s%s", dir, name);
	p.idx = map_path(path, &p.idx_len);
	free(path);
	path = xasprintf("%s%.*s.pack", dir, (int)stem, name);
	p.pack = p.idx != NULL ? map_path(path, &p.pack_len) : NULL;
	free(path);
	if (p.pack != NULL && pack_parse(&p) == 0) {
		XGROW(ps->v, ps->n + 1, ps->alloc);
		ps->v[ps->n++] = p;
		return;
	}
	if (p.idx != NULL)
		munmap((void *)(uintptr_t)p.idx, p.idx_len);
	if (p.pack != NULL)
		munmap((void *)(uintptr_t)p.pack, p.pack_len);
}

static void
packs_list(struct packs *ps)
{
	struct dirent *de;
	DIR *d;
	char *dir;
	size_t n;

	ps->listed = 1;
	dir = xasprintf("%spack/", ps->objdir);
	if ((d = opendir(dir)) != NULL) {
		while ((de = readdir(d)) != NULL) {
			n = strlen(de->d_name);
			if (n > 4 && strcmp(de->d_name + n - 4, ".idx") == 0)
				pack_add(ps, dir, de->d_name, n - 4);
		}
		closedir(d);
	}
	free(dir);
}

/* Where the object id is in a pack: 0, or -1 when in none. */
static int
packs_find(const struct packs *ps, const unsigned char *id,
    const struct pack **pp, uint64_t *off)
{
	const struct pack *p;
	uint32_t lo, hi, mid, o;
	size_t i;
	int c;

	for (i = 0; i < ps->n; i++) {
		p = &ps->v[i];
		lo = id[0] == 0 ? 0 : be32(p->fanout + 4 * (id[0] - 1));
		hi = be32(p->fanout + 4 * id[0]);
		while (lo < hi) {
			mid = lo + (hi - lo) / 2;
			c = memcmp(p->oids + (size_t)mid * 20, id, 20);
			if (c == 0)
				break;
			if (c < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo >= hi)
			continue;
		o = be32(p->offs + (size_t)mid * 4);
		if (o & 0x80000000u) {
			if ((o &= 0x7fffffffu) >= p->nbig)
				return -1;
			*off = (uint64_t)be32(p->big + (size_t)o * 8) << 32 |
			    be32(p->big + (size_t)o * 8 + 4);
		} else
			*off = o;
		*pp = p;
		return *off >= PACK_HEAD &&
		    *off < p->pack_len - PACK_TRAILER ? 0 : -1;
	}
	return -1;
}

/* The header of the object at off: a blob or a delta's. 0 or -1. */
static int
obj_header(const struct packs *ps, const struct pack *p, uint64_t off,
    struct obj *o)
{
	const unsigned char *m = p->pack;
	size_t i, end = p->pack_len - PACK_TRAILER;
	unsigned c, shift;
	uint64_t v;

	i = (size_t)off;
	c = m[i++];
	o->type = (int)(c >> 4) & 7;
	o->size = c & 15;
	for (shift = 4; c & 0x80; shift += 7) {
		if (i >= end || shift > 60)
			return -1;
		c = m[i++];
		o->size |= (uint64_t)(c & 0x7f) << shift;
	}
	if (o->type == OBJ_OFS_DELTA) {
		if (i >= end)
			return -1;
		c = m[i++];
		for (v = c & 0x7f; c & 0x80; v = (v + 1) << 7 | (c & 0x7f)) {
			if (i >= end || v >= (UINT64_MAX >> 7) - 1)
				return -1;
			c = m[i++];
		}
		/* a base comes before its delta (no cycle), past the header */
		if (v == 0 || v > off - PACK_HEAD)
			return -1;
		o->base = p;
		o->base_off = off - v;
	} else if (o->type == OBJ_REF_DELTA) {
		if (end - i < 20 || packs_find(ps, m + i, &o->base,
		    &o->base_off) < 0)
			return -1;
		i += 20;
	} else if (o->type != OBJ_BLOB)
		return -1;
	o->data = i;
	return i < end ? 0 : -1;
}

/* Start inflating the zlib stream at data in pack p: 0 or -1. */
static int
inflate_start(struct packs *ps, const struct pack *p, size_t data)
{
	if (!ps->zinit) {
		if (inflateInit(&ps->z) != Z_OK)
			return -1;
		ps->zinit = 1;
	} else if (inflateReset(&ps->z) != Z_OK)
		return -1;
	ps->in = p->pack + data;
	ps->left = p->pack_len - PACK_TRAILER - data;
	ps->z.avail_in = 0;
	ps->ended = 0;
	return 0;
}

/*
 * The stream's next n bytes into out: 0, or -1 when it is bad or ends
 * first. Each turn moves zlib on or stops: bounded by the pack's bytes.
 */
static int
inflate_more(struct packs *ps, unsigned char *out, size_t n)
{
	size_t chunk;
	int r;

	if (n == 0)
		return 0;
	if (n > PACK_WANT_MAX || ps->ended)
		return -1;
	ps->z.next_out = out;
	ps->z.avail_out = (uInt)n;
	while (ps->z.avail_out > 0) {
		if (ps->z.avail_in == 0) {
			if (ps->left == 0)
				return -1;
			chunk = ps->left < UINT_MAX ? ps->left : UINT_MAX;
			ps->z.next_in = (Bytef *)(uintptr_t)ps->in;
			ps->z.avail_in = (uInt)chunk;
			ps->in += chunk;
			ps->left -= chunk;
		}
		r = inflate(&ps->z, Z_NO_FLUSH);
		if (r == Z_STREAM_END) {
			ps->ended = 1;
			break;
		}
		if (r != Z_OK)
			return -1;
	}
	return ps->z.avail_out == 0 ? 0 : -1;
}

/*
 * What the delta steps return besides 0: -1 for a malformed delta, and
 * DELTA_SHORT when its bytes inflated so far end first.
 */
#define DELTA_SHORT	(-2)

/* A delta's size: git's little-endian base-128 number. */
static int
delta_size(const unsigned char *d, size_t len, size_t *pos, uint64_t *v)
{
	unsigned c, shift;

	*v = 0;
	shift = 0;
	do {
		if (*pos >= len)
			return DELTA_SHORT;
		if (shift > 63)
			return -1;
		c = d[(*pos)++];
		*v |= (uint64_t)(c & 0x7f) << shift;
		shift += 7;
	} while (c & 0x80);
	return 0;
}

/*
 * The instruction at d[*pos]: a copy of the base's n bytes at *off
 * (*copy set), or n bytes of the delta's own at *off.
 */
static int
delta_op(const unsigned char *d, size_t len, size_t *pos, int *copy,
    uint64_t *off, uint64_t *n)
{
	unsigned c, i;

	if (*pos >= len)
		return DELTA_SHORT;
	c = d[(*pos)++];
	*copy = (c & 0x80) != 0;
	if (!*copy) {
		if (c == 0)
			return -1;	/* reserved */
		if (len - *pos < c)
			return DELTA_SHORT;
		*off = *pos;
		*n = c;
		*pos += c;
		return 0;
	}
	*off = *n = 0;
	for (i = 0; i < 7; i++) {
		if (!(c & (1u << i)))
			continue;
		if (*pos >= len)
			return DELTA_SHORT;
		if (i < 4)
			*off |= (uint64_t)d[(*pos)++] << (8 * i);
		else
			*n |= (uint64_t)d[(*pos)++] << (8 * (i - 4));
	}
	if (*n == 0)
		*n = 0x10000;
	return 0;
}

/*
 * Walk the instructions from pos that make the first want bytes of a
 * target of tgt bytes from a base of src: how many of the base's first
 * bytes they copy from (*need, unless NULL), and with base (its first
 * *need bytes) those bytes into out. -1 when a copy leaves the base or an
 * instruction the target.
 */
static int
delta_walk(const unsigned char *d, size_t len, size_t pos, uint64_t src,
    uint64_t tgt, uint64_t want, uint64_t *need, const unsigned char *base,
    unsigned char *out)
{
	uint64_t made, off, n, take;
	int copy, r;

	if (need != NULL)
		*need = 0;
	for (made = 0; made < want; made += take) {
		if ((r = delta_op(d, len, &pos, &copy, &off, &n)) < 0)
			return r;
		if (n > tgt - made || (copy && (off > src || n > src - off)))
			return -1;
		take = n < want - made ? n : want - made;
		if (copy && need != NULL && off + take > *need)
			*need = off + take;
		if (out != NULL)
			memcpy(out + made, copy ? base + off : d + off,
			    (size_t)take);
	}
	return 0;
}

int
pack_delta_head(const unsigned char *d, size_t len, const unsigned char *base,
    size_t blen, size_t want, struct strbuf *out)
{
	uint64_t src, tgt, need;
	size_t pos;

	pos = 0;
	if (delta_size(d, len, &pos, &src) < 0 ||
	    delta_size(d, len, &pos, &tgt) < 0 || src != blen ||
	    want > tgt || want > PACK_WANT_MAX ||
	    delta_walk(d, len, pos, src, tgt, want, &need, NULL, NULL) < 0)
		return -1;
	strbuf_grow(out, want);
	if (delta_walk(d, len, pos, src, tgt, want, NULL, base,
	    (unsigned char *)out->buf + out->len) < 0)
		return -1;
	strbuf_setlen(out, out->len + want);
	return 0;
}

/* The delta bytes inflated first; each further turn doubles them. */
#define DELTA_FIRST	256

/*
 * Level lv's sizes and how much of its base its first lv->want bytes
 * need (*need): its sizes must say a target of *tgt bytes; at the top
 * they say it, and a target of no more than cap is not read here (1).
 * 0, -1 or DELTA_SHORT.
 */
static int
delta_plan(struct level *lv, int top, uint64_t *tgt, uint64_t cap,
    uint64_t *need)
{
	uint64_t t;
	int r;

	lv->pos = 0;
	if ((r = delta_size(lv->delta, lv->dlen, &lv->pos, &lv->src)) < 0 ||
	    (r = delta_size(lv->delta, lv->dlen, &lv->pos, &t)) < 0)
		return r;
	if (top) {
		if (t <= cap)
			return 1;
		*tgt = t;
	} else if (t != *tgt)
		return -1;
	lv->tgt = t;
	return delta_walk(lv->delta, lv->dlen, lv->pos, lv->src, t, lv->want,
	    need, NULL, NULL);
}

/*
 * Level lv, a delta: inflate as much of it as its first lv->want bytes
 * take, a little first and more while the instructions run past what is
 * inflated, and plan it (delta_plan()); what it inflates comes out of
 * *left. 0, 1 or -1.
 */
static int
delta_level(struct packs *ps, struct level *lv, int top, uint64_t *tgt,
    uint64_t cap, uint64_t *need, uint64_t *left)
{
	uint64_t n;
	int r;

	if (inflate_start(ps, lv->p, lv->o.data) < 0)
		return -1;
	for (n = DELTA_FIRST;; n *= 2) {
		if (n > lv->o.size)
			n = lv->o.size;
		if (n - lv->dlen > *left)
			return -1;
		*left -= n - lv->dlen;
		lv->delta = xreallocarray(lv->delta, (size_t)n + 1, 1);
		if (inflate_more(ps, lv->delta + lv->dlen,
		    (size_t)n - lv->dlen) < 0)
			return -1;
		lv->dlen = (size_t)n;
		if ((r = delta_plan(lv, top, tgt, cap, need)) != DELTA_SHORT)
			return r;
		if (n == lv->o.size)
			return -1;	/* the delta ends short */
	}
}

/*
 * The chain from the object at (p, off), asked for its first cap bytes:
 * each delta's level, down to the blob at its base (the last), *nv of
 * them, and the object's size. 0; PACKS_WHOLE when it is a blob of no
 * more than cap bytes stored whole, 1 when a delta's (libgit2 reads such
 * a one whole, with its cache of bases); -1. What
 * the levels hold (their deltas, the bytes each makes) is PACK_WANT_MAX
 * at most in all, however deep the chain, or a base copied from far in.
 */
static int
chain_plan(struct packs *ps, const struct pack *p, uint64_t off, size_t cap,
    struct level **v, size_t *nv, uint64_t *size)
{
	struct level *lv;
	size_t alloc;
	uint64_t need, expect, left;
	int r;

	*v = NULL;
	*nv = alloc = 0;
	*size = expect = 0;
	left = PACK_WANT_MAX - cap;
	for (need = cap;;) {
		if (*nv >= PACK_DEPTH_MAX)
			return -1;
		XGROW(*v, *nv + 1, alloc);
		lv = &(*v)[(*nv)++];
		memset(lv, 0, sizeof(*lv));
		lv->p = p;
		lv->want = need;
		if (obj_header(ps, p, off, &lv->o) < 0)
			return -1;
		if (lv->o.type == OBJ_BLOB && *nv == 1) {
			*size = lv->o.size;
			return *size > cap ? 0 : PACKS_WHOLE;
		}
		if (lv->o.type == OBJ_BLOB)
			return lv->o.size == expect ? 0 : -1;
		if ((r = delta_level(ps, lv, *nv == 1, &expect, cap, &need,
		    &left)) != 0)
			return r;
		if (need > left)
			return -1;
		left -= need;
		if (*nv == 1)
			*size = expect;
		expect = lv->src;
		p = lv->o.base;
		off = lv->o.base_off;
	}
}

/* Make the chain's bytes, from its blob up: the asked ones, or NULL. */
static unsigned char *
chain_make(struct packs *ps, struct level *v, size_t nv)
{
	const struct level *lv;
	unsigned char *buf, *up;
	size_t k;

	lv = &v[nv - 1];
	buf = xmalloc((size_t)lv->want + 1);
	if (inflate_start(ps, lv->p, lv->o.data) < 0 ||
	    inflate_more(ps, buf, (size_t)lv->want) < 0) {
		free(buf);
		return NULL;
	}
	for (k = nv - 1; k > 0; k--) {
		lv = &v[k - 1];
		up = xmalloc((size_t)lv->want + 1);
		if (delta_walk(lv->delta, lv->dlen, lv->pos, lv->src, lv->tgt,
		    lv->want, NULL, buf, up) < 0) {
			free(up);
			up = NULL;
		}
		free(buf);
		if ((buf = up) == NULL)
			return NULL;
	}
	return buf;
}

int
packs_read_head(struct packs *ps, const git_oid *id, size_t cap,
    struct strbuf *out, size_t *size)
{
	const struct pack *p;
	struct level *v;
	unsigned char *buf;
	uint64_t off, n;
	size_t nv, k;
	int r;

	if (!ps->listed)
		packs_list(ps);
	if (cap == 0 || cap > PACK_WANT_MAX ||
	    packs_find(ps, id->id, &p, &off) < 0)
		return 1;
	r = chain_plan(ps, p, off, cap, &v, &nv, &n);
	if (r == PACKS_WHOLE && n <= SIZE_MAX)
		*size = (size_t)n;
	else if (r == 0 && n <= SIZE_MAX &&
	    (buf = chain_make(ps, v, nv)) != NULL) {
		strbuf_add(out, buf, cap);
		free(buf);
		*size = (size_t)n;
	} else
		r = 1;
	for (k = 0; k < nv; k++)
		free(v[k].delta);
	free(v);
	return r;
}
