/* loose.c: loose objects read with zlib, bounded: never libgit2's endless inflate */
#define _POSIX_C_SOURCE 200809L	/* O_NOFOLLOW, O_CLOEXEC */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <git2.h>
#include <git2/sys/odb_backend.h>
#include <zlib.h>

#include "error.h"
#include "gitfile.h"
#include "loose.h"
#include "xalloc.h"

#define LOOSE_HEADER_MAX	64		/* as libgit2's MAX_HEADER_LEN */
#define LOOSE_IN_CHUNK		65536		/* bytes read from the file */
#define LOOSE_OUT_CHUNK		(1U << 30)	/* bytes inflated per call */
#define LOOSE_RATIO		1032		/* deflate's best ratio */
/*
 * LOOSE_COMMIT_MAX (loose.h): a commit is a few hundred bytes and its
 * message, never streamed as a large blob is (git streams blobs past
 * core.bigFileThreshold, 512 MiB); a loose commit that inflated to a
 * gigabyte took 11 s and the gigabyte.
 */
#define STR_(x)			#x
#define STR(x)			STR_(x)
/* Above libgit2's loose (1) and packed (2) backends: asked first. */
#define LOOSE_PRIORITY		3

/* The backend: the repository's objects directory. */
struct loose_backend {
	git_odb_backend	 parent;
	char		*objdir;	/* with its final '/' */
	unsigned char	 dirs[256];	/* which objects/?? directories exist */
};

/* A loose object file being inflated. */
struct lfile {
	int		 fd;
	off_t		 fsize;
	z_stream	 z;
	int		 zinit;
	int		 eof;		/* the file is read to its end */
	int		 ended;		/* zlib saw the end of the stream */
	const char	*why;		/* what is wrong, once it is */
	unsigned char	 hold[LOOSE_HEADER_MAX];	/* after the header */
	size_t		 nhold;
	size_t		 ohold;
	git_object_t	 type;
	uint64_t	 size;
	unsigned char	*in;		/* what is read of the file */
	size_t		 inlen;
};

/* A stream over an object, for blobs too large to load. */
struct lstream {
	git_odb_stream	 parent;
	struct lfile	*lf;
	uint64_t	 left;
	char		 hex[GIT_OID_HEXSZ + 1];
};

static int	 lf_open(struct lfile **, const struct loose_backend *,
		    const git_oid *);
static void	 lf_close(struct lfile *);
static int	 lf_inflate(struct lfile *, unsigned char *, size_t, size_t *);
static int	 lf_header(struct lfile *);
static int	 lf_body(struct lfile *, unsigned char *, size_t);
static int	 lf_finish(struct lfile *);
static int	 lf_fail(const struct lfile *);
static int	 lb_read(void **, size_t *, git_object_t *, git_odb_backend *,
		    const git_oid *);
static int	 lb_read_header(size_t *, git_object_t *, git_odb_backend *,
		    const git_oid *);
static int	 lb_read_prefix(git_oid *, void **, size_t *, git_object_t *,
		    git_odb_backend *, const git_oid *, size_t);
static int	 lb_readstream(git_odb_stream **, size_t *, git_object_t *,
		    git_odb_backend *, const git_oid *);
static int	 ls_read(git_odb_stream *, char *, size_t);
static void	 ls_free(git_odb_stream *);
static void	 lb_free(git_odb_backend *);
static void	 list_dirs(struct loose_backend *);

int
loose_parse_header(const unsigned char *buf, size_t len, git_object_t *type,
    uint64_t *size)
{
	static const struct {
		const char	*name;
		git_object_t	 type;
	} types[] = {
		{ "blob", GIT_OBJECT_BLOB },
		{ "tree", GIT_OBJECT_TREE },
		{ "commit", GIT_OBJECT_COMMIT },
		{ "tag", GIT_OBJECT_TAG },
	};
	const unsigned char *sp, *p, *end;
	size_t i, n;
	uint64_t v;

	if ((sp = memchr(buf, ' ', len)) == NULL)
		return -1;
	n = (size_t)(sp - buf);
	*type = GIT_OBJECT_INVALID;
	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (strlen(types[i].name) == n &&
		    memcmp(types[i].name, buf, n) == 0)
			*type = types[i].type;
	if (*type == GIT_OBJECT_INVALID)
		return -1;
	/* decimal, no leading zero unless it is "0", then a NUL */
	end = buf + len;
	p = sp + 1;
	if (p == end || *p < '0' || *p > '9')
		return -1;
	v = (uint64_t)(*p++ - '0');
	if (v != 0)
		for (; p < end && *p >= '0' && *p <= '9'; p++) {
			if (v > (UINT64_MAX - (uint64_t)(*p - '0')) / 10)
				return -1;
			v = v * 10 + (uint64_t)(*p - '0');
		}
	if (p == end || *p != '\0')
		return -1;
	*size = v;
	return (int)(p + 1 - buf);
}

/*
 * Open the loose file of id: 0, GIT_PASSTHROUGH when there is none (the
 * object may be packed), -1 (lf->why said to libgit2) when it is not a
 * regular file.
 */
static int
lf_open(struct lfile **lfp, const struct loose_backend *lb, const git_oid *id)
{
	char hex[GIT_OID_HEXSZ + 1];
	struct lfile *lf;
	struct gitfile gf;
	char *path;
	int fd, rc;

	*lfp = NULL;
	if (!lb->dirs[id->id[0]])
		return GIT_PASSTHROUGH;	/* packed: not even an open(2) */
	git_oid_tostr(hex, sizeof(hex), id);
	path = xasprintf("%s%.2s/%s", lb->objdir, hex, hex + 2);
	rc = gitfile_open(AT_FDCWD, path, GITFILE_NOFOLLOW, &gf, &fd);
	free(path);
	if (rc == GITFILE_MISSING)
		return GIT_PASSTHROUGH;
	lf = xcalloc(1, sizeof(*lf));
	lf->fd = fd;
	*lfp = lf;
	if (rc != GITFILE_OK) {
		lf->why = rc == GITFILE_LINK ? "loose object is a symbolic "
		    "link; not followed" : rc == GITFILE_NOTFILE ? "loose "
		    "object is not a regular file" : "loose object cannot be "
		    "opened";
		return lf_fail(lf);
	}
	lf->fsize = gf.st.st_size;
	/* a small object is read in one go, a large one in chunks */
	lf->inlen = gf.st.st_size < LOOSE_IN_CHUNK ?
	    (size_t)gf.st.st_size + 1 : LOOSE_IN_CHUNK;
	lf->in = xmalloc(lf->inlen);
	if (inflateInit(&lf->z) != Z_OK) {
		lf->why = "out of memory for zlib";
		return lf_fail(lf);
	}
	lf->zinit = 1;
	return 0;
}

static void
lf_close(struct lfile *lf)
{
	if (lf == NULL)
		return;
	if (lf->zinit)
		inflateEnd(&lf->z);
	if (lf->fd != -1)
		close(lf->fd);
	free(lf->in);
	free(lf);
}

/* Say to libgit2 what is wrong with the object: -1. */
static int
lf_fail(const struct lfile *lf)
{
	git_error_set(GIT_ERROR_ODB, "%s", lf->why);
	return -1;
}

/*
 * Inflate at most n bytes into dst, fewer only where the stream ends:
 * *got says how many. -1 (lf->why set) when the file ends first or the
 * data is not a zlib stream. Every turn reads the file or moves zlib on,
 * so the loop ends within the file's size.
 */
static int
lf_inflate(struct lfile *lf, unsigned char *dst, size_t n, size_t *got)
{
	size_t want;
	ssize_t r;
	uInt before;
	int zr;

	*got = 0;
	while (*got < n && !lf->ended) {
		if (lf->z.avail_in == 0 && !lf->eof) {
			r = read(lf->fd, lf->in, lf->inlen);
			if (r == -1 && errno == EINTR)
				continue;
			if (r == -1) {
				lf->why = "loose object cannot be read";
				return -1;
			}
			lf->eof = r == 0;
			lf->z.next_in = lf->in;
			lf->z.avail_in = (uInt)r;
		}
		if (lf->z.avail_in == 0) {
			lf->why = "loose object truncated";
			return -1;
		}
		want = n - *got;
		lf->z.next_out = dst + *got;
		lf->z.avail_out = want > LOOSE_OUT_CHUNK ? LOOSE_OUT_CHUNK :
		    (uInt)want;
		before = lf->z.avail_out;
		zr = inflate(&lf->z, Z_NO_FLUSH);
		*got += before - lf->z.avail_out;
		if (zr == Z_STREAM_END)
			lf->ended = 1;
		else if (zr != Z_OK && zr != Z_BUF_ERROR) {
			lf->why = "loose object is not zlib data";
			return -1;
		}
	}
	return 0;
}

/*
 * Inflate and parse the header; what follows it is held for lf_body().
 * A declared size no zlib stream of the file's length can hold is a cut.
 */
static int
lf_header(struct lfile *lf)
{
	size_t got;
	int n;

	if (lf_inflate(lf, lf->hold, sizeof(lf->hold), &got) == -1)
		return -1;
	n = loose_parse_header(lf->hold, got, &lf->type, &lf->size);
	if (n < 0) {
		lf->why = "loose object has a bad header";
		return -1;
	}
	if (lf->size / LOOSE_RATIO > (uint64_t)lf->fsize ||
	    lf->size >= SIZE_MAX) {
		lf->why = "loose object truncated";
		return -1;
	}
	lf->ohold = (size_t)n;
	lf->nhold = got;
	return 0;
}

/* The next n bytes of the object's data: -1 when it has fewer. */
static int
lf_body(struct lfile *lf, unsigned char *dst, size_t n)
{
	size_t k, got;

	k = lf->nhold - lf->ohold;
	if (k > n)
		k = n;
	memcpy(dst, lf->hold + lf->ohold, k);
	lf->ohold += k;
	if (lf_inflate(lf, dst + k, n - k, &got) == -1)
		return -1;
	if (k + got < n) {
		lf->why = "loose object shorter than its header says";
		return -1;
	}
	return 0;
}

/* After the data: the stream ends there, and the file with it. */
static int
lf_finish(struct lfile *lf)
{
	unsigned char c;
	size_t got;
	ssize_t r;

	if (lf->ohold < lf->nhold) {
		lf->why = "loose object longer than its header says";
		return -1;
	}
	if (lf_inflate(lf, &c, 1, &got) == -1)
		return -1;
	if (got > 0) {
		lf->why = "loose object longer than its header says";
		return -1;
	}
	if (lf->z.avail_in == 0 && !lf->eof) {
		while ((r = read(lf->fd, &c, 1)) == -1 && errno == EINTR)
			;
		lf->eof = r == 0;
	}
	if (lf->z.avail_in > 0 || !lf->eof) {
		lf->why = "loose object has garbage after its data";
		return -1;
	}
	return 0;
}

/* libgit2's read: the whole object, or an error; never a hang. */
static int
lb_read(void **data, size_t *len, git_object_t *type, git_odb_backend *b,
    const git_oid *id)
{
	struct loose_backend *lb = (struct loose_backend *)b;
	struct lfile *lf;
	unsigned char *buf;
	int rc;

	if ((rc = lf_open(&lf, lb, id)) != 0) {
		lf_close(lf);
		return rc;
	}
	buf = NULL;
	if (lf_header(lf) == -1)
		goto fail;
	if ((lf->type == GIT_OBJECT_COMMIT || lf->type == GIT_OBJECT_TAG) &&
	    lf->size > LOOSE_COMMIT_MAX) {
		lf->why = lf->type == GIT_OBJECT_COMMIT ? "loose commit larger "
		    "than " STR(LOOSE_COMMIT_MAX) " bytes; not read" :
		    "loose tag larger than " STR(LOOSE_COMMIT_MAX) " bytes; "
		    "not read";
		git_odb_backend_data_free(b, buf);
		lf_fail(lf);
		lf_close(lf);
		return LOOSE_ETOOBIG;
	}
	if ((buf = git_odb_backend_data_alloc(b, (size_t)lf->size + 1)) ==
	    NULL) {
		lf_close(lf);
		return -1;	/* libgit2 said why */
	}
	if (lf_body(lf, buf, (size_t)lf->size) == -1 || lf_finish(lf) == -1)
		goto fail;
	buf[lf->size] = '\0';
	*data = buf;
	*len = (size_t)lf->size;
	*type = lf->type;
	lf_close(lf);
	return 0;
fail:
	git_odb_backend_data_free(b, buf);
	rc = lf_fail(lf);
	lf_close(lf);
	return rc;
}

/* libgit2's read_header: its header only, from the start of the file. */
static int
lb_read_header(size_t *len, git_object_t *type, git_odb_backend *b,
    const git_oid *id)
{
	struct loose_backend *lb = (struct loose_backend *)b;
	struct lfile *lf;
	int rc;

	if ((rc = lf_open(&lf, lb, id)) != 0) {
		lf_close(lf);
		return rc;
	}
	if (lf_header(lf) == -1)
		rc = lf_fail(lf);
	else {
		*len = (size_t)lf->size;
		*type = lf->type;
	}
	lf_close(lf);
	return rc;
}

/*
 * libgit2's read_prefix asks every backend, its own loose one too, which
 * would inflate the objects that match: each is checked here first (a
 * bad one stops the lookup), and libgit2 then reads them.
 */
static int
lb_read_prefix(git_oid *out, void **data, size_t *len, git_object_t *type,
    git_odb_backend *b, const git_oid *short_id, size_t n)
{
	struct loose_backend *lb = (struct loose_backend *)b;
	char hex[GIT_OID_HEXSZ + 1], full[GIT_OID_HEXSZ + 1];
	struct dirent *de;
	git_oid id;
	void *buf;
	size_t blen;
	git_object_t t;
	char *dir;
	DIR *d;
	int rc;

	if (n < 2 || n > GIT_OID_HEXSZ)
		return GIT_PASSTHROUGH;
	git_oid_tostr(hex, sizeof(hex), short_id);
	dir = xasprintf("%s%.2s", lb->objdir, hex);
	d = opendir(dir);
	free(dir);
	if (d == NULL)
		return GIT_PASSTHROUGH;
	rc = GIT_PASSTHROUGH;
	while (rc == GIT_PASSTHROUGH && (de = readdir(d)) != NULL) {
		if (strlen(de->d_name) != GIT_OID_HEXSZ - 2 ||
		    strncmp(de->d_name, hex + 2, n - 2) != 0)
			continue;
		memcpy(full, hex, 2);
		memcpy(full + 2, de->d_name, GIT_OID_HEXSZ - 2);
		full[GIT_OID_HEXSZ] = '\0';
		if (git_oid_fromstr(&id, full) < 0) {
			git_error_clear();
			continue;
		}
		if (lb_read(&buf, &blen, &t, b, &id) == -1)
			rc = -1;
		else
			git_odb_backend_data_free(b, buf);
	}
	closedir(d);
	(void)out;
	(void)data;
	(void)len;
	(void)type;
	return rc;
}

/* libgit2's readstream: the object inflated as it is read. */
static int
lb_readstream(git_odb_stream **out, size_t *len, git_object_t *type,
    git_odb_backend *b, const git_oid *id)
{
	struct loose_backend *lb = (struct loose_backend *)b;
	struct lstream *ls;
	struct lfile *lf;
	int rc;

	if ((rc = lf_open(&lf, lb, id)) != 0) {
		lf_close(lf);
		return rc;
	}
	if (lf_header(lf) == -1) {
		/*
		 * An error would send libgit2 on to its own backend, which
		 * would hang: a stream that fails says it instead.
		 */
		lf->size = 0;
		lf->type = GIT_OBJECT_BLOB;
	}
	ls = xcalloc(1, sizeof(*ls));
	ls->parent.backend = b;
	ls->parent.mode = GIT_STREAM_RDONLY;
	ls->parent.declared_size = lf->size;
	ls->parent.read = ls_read;
	ls->parent.free = ls_free;
	ls->lf = lf;
	ls->left = lf->size;
	git_oid_tostr(ls->hex, sizeof(ls->hex), id);
	*out = &ls->parent;
	*len = (size_t)lf->size;
	*type = lf->type;
	return 0;
}

static int
ls_read(git_odb_stream *s, char *buf, size_t len)
{
	struct lstream *ls = (struct lstream *)s;

	if (ls->lf->why != NULL) {
		git_error_set(GIT_ERROR_ODB, "%s", ls->lf->why);
		return -1;
	}
	if (len > ls->left)
		len = (size_t)ls->left;
	if (len > INT32_MAX)
		len = INT32_MAX;
	if (lf_body(ls->lf, (unsigned char *)buf, len) == -1) {
		git_error_set(GIT_ERROR_ODB, "%s", ls->lf->why);
		return -1;
	}
	ls->left -= len;
	ls->parent.received_bytes += len;
	return (int)len;
}

static void
ls_free(git_odb_stream *s)
{
	struct lstream *ls = (struct lstream *)s;

	lf_close(ls->lf);
	free(ls);
}

void
loose_stream_free(git_odb_stream *s)
{
	if (s == NULL)
		return;
	if (s->hash_ctx == NULL)
		s->free(s);		/* ours, or any that hashes nothing */
	else
		git_odb_stream_free(s);
}

static void
lb_free(git_odb_backend *b)
{
	struct loose_backend *lb = (struct loose_backend *)b;

	free(lb->objdir);
	free(lb);
}

/*
 * Note which of the 256 fan-out directories exist: a packed object is
 * then passed on to libgit2 without a failed open(2) for each.
 */
static void
list_dirs(struct loose_backend *lb)
{
	struct dirent *de;
	unsigned v;
	DIR *d;

	if ((d = opendir(lb->objdir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (strlen(de->d_name) != 2 ||
		    strspn(de->d_name, "0123456789abcdef") != 2)
			continue;
		v = (unsigned)strtoul(de->d_name, NULL, 16);
		lb->dirs[v & 0xff] = 1;
	}
	closedir(d);
}

char *
loose_objdir(git_repository *repo)
{
	const char *common;
	size_t n;

	common = git_repository_commondir(repo);
	n = strlen(common);
	return xasprintf("%s%sobjects/", common,
	    n > 0 && common[n - 1] == '/' ? "" : "/");
}

int
loose_guard(git_repository *repo)
{
	struct loose_backend *lb;
	git_odb *odb;

	if (git_repository_odb(&odb, repo) < 0)
		return ec_error("%s: %s", git_repository_path(repo),
		    ec_git_error());
	lb = xcalloc(1, sizeof(*lb));
	if (git_odb_init_backend(&lb->parent, GIT_ODB_BACKEND_VERSION) < 0) {
		free(lb);
		git_odb_free(odb);
		return ec_error("%s", ec_git_error());
	}
	lb->objdir = loose_objdir(repo);
	list_dirs(lb);
	lb->parent.read = lb_read;
	lb->parent.read_header = lb_read_header;
	lb->parent.read_prefix = lb_read_prefix;
	lb->parent.readstream = lb_readstream;
	lb->parent.free = lb_free;
	if (git_odb_add_backend(odb, &lb->parent, LOOSE_PRIORITY) < 0) {
		lb_free(&lb->parent);
		git_odb_free(odb);
		return ec_error("%s: %s", git_repository_path(repo),
		    ec_git_error());
	}
	git_odb_free(odb);
	return 0;
}
