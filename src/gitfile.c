/* gitfile.c: read a small file without waiting on it, regular files only */
#define _POSIX_C_SOURCE 200809L
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ascii.h"
#include "error.h"
#include "gitfile.h"
#include "strbuf.h"
#include "xalloc.h"

#define READ_CHUNK	65536
#define HEAD_MAX	255	/* git's validate_headref() reads no more */
#define HEX_LEN		40
#define GITLINK_MAX	4095	/* of a .git file, read to know its kind */

static int	 read_fd(int, int, size_t, struct strbuf *, struct gitfile *);
static int	 read_more(int, struct strbuf *, size_t, struct gitfile *);
static int	 head_ok(int, const char *);
static int	 is_dir_below(int, const char *, const char *, int);

int
gitfile_open(int dfd, const char *path, int flags, struct gitfile *gf,
    int *fdp)
{
	int oflags, fd;

	*fdp = -1;
	memset(gf, 0, sizeof(*gf));
	/* Looked at first: a device is never opened, a FIFO never waited on. */
	if (fstatat(dfd, path, &gf->st, (flags & GITFILE_NOFOLLOW) ?
	    AT_SYMLINK_NOFOLLOW : 0) == -1) {
		gf->err = errno;
		return errno == ENOENT || errno == ENOTDIR ? GITFILE_MISSING :
		    GITFILE_EOPEN;
	}
	if (S_ISLNK(gf->st.st_mode))
		return GITFILE_LINK;
	if (!S_ISREG(gf->st.st_mode))
		return GITFILE_NOTFILE;
	oflags = O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC;
	if (flags & GITFILE_NOFOLLOW)
		oflags |= O_NOFOLLOW;
	if ((fd = openat(dfd, path, oflags)) == -1) {
		gf->err = errno;
		if (errno == ELOOP && (flags & GITFILE_NOFOLLOW))
			return GITFILE_LINK;
		return errno == ENOENT ? GITFILE_MISSING : GITFILE_EOPEN;
	}
	if (fstat(fd, &gf->st) == -1 || !S_ISREG(gf->st.st_mode)) {
		close(fd);	/* replaced meanwhile */
		return GITFILE_NOTFILE;
	}
	*fdp = fd;
	return GITFILE_OK;
}

/* Read from fd until end of file or out holds limit bytes. */
static int
read_more(int fd, struct strbuf *out, size_t limit, struct gitfile *gf)
{
	size_t room, want;
	ssize_t n;

	while (out->len < limit) {
		if (out->alloc - out->len <= 1)
			strbuf_grow(out, limit - out->len < READ_CHUNK ?
			    limit - out->len : READ_CHUNK);
		room = out->alloc - out->len - 1;
		want = limit - out->len < room ? limit - out->len : room;
		if ((n = read(fd, out->buf + out->len, want)) == -1) {
			if (errno == EINTR)
				continue;
			gf->err = errno;
			return GITFILE_EREAD;
		}
		if (n == 0)
			break;
		strbuf_setlen(out, out->len + (size_t)n);
	}
	return GITFILE_OK;
}

/* Read the open regular file fd into out, which is empty. */
static int
read_fd(int fd, int flags, size_t cap, struct strbuf *out,
    struct gitfile *gf)
{
	size_t want;
	ssize_t n;
	char c;
	int rc;

	if (!(flags & GITFILE_CUT) && gf->st.st_size > 0 &&
	    (uintmax_t)gf->st.st_size > cap)
		return GITFILE_TOOBIG;
	/* Room for what the file holds now; never more than cap. */
	want = cap;
	if (gf->st.st_size >= 0 && (uintmax_t)gf->st.st_size < want)
		want = (size_t)gf->st.st_size;
	strbuf_grow(out, want);
	/* One byte past the cap tells a file that grew while read. */
	rc = read_more(fd, out, (flags & GITFILE_CUT) ? cap : cap + 1, gf);
	if (rc != GITFILE_OK)
		return rc;
	if (!(flags & GITFILE_CUT))
		return out->len > cap ? GITFILE_TOOBIG : GITFILE_OK;
	if (out->len == cap) {
		while ((n = read(fd, &c, 1)) == -1 && errno == EINTR)
			;
		gf->truncated = n > 0;
	}
	return GITFILE_OK;
}

int
read_small_fileat(int dfd, const char *path, int flags, size_t cap,
    struct strbuf *out, struct gitfile *gf)
{
	struct gitfile own;
	int fd, rc;

	if (gf == NULL)
		gf = &own;
	strbuf_reset(out);
	rc = gitfile_open(dfd, path, flags, gf, &fd);
	if (rc != GITFILE_OK)
		return rc;
	rc = read_fd(fd, flags, cap, out, gf);
	close(fd);
	if (rc != GITFILE_OK)
		strbuf_reset(out);
	return rc;
}

int
read_small_file(const char *path, int flags, size_t cap, struct strbuf *out,
    struct gitfile *gf)
{
	return read_small_fileat(AT_FDCWD, path, flags, cap, out, gf);
}

int
gitfile_error(const char *name, int status, const struct gitfile *gf,
    size_t cap)
{
	switch (status) {
	case GITFILE_LINK:
		return ec_error("%s: a symbolic link; not followed", name);
	case GITFILE_NOTFILE:
		return ec_error("%s: not a regular file", name);
	case GITFILE_TOOBIG:
		return ec_error("%s: larger than %zu bytes", name, cap);
	default:
		return ec_error("%s: %s", name, strerror(gf != NULL &&
		    gf->err != 0 ? gf->err : EIO));
	}
}

/*
 * Whether the HEAD file path (below dfd) is one git's validate_headref()
 * accepts: a symbolic link into refs/, "ref: refs/..." or an object name.
 */
static int
head_ok(int dfd, const char *path)
{
	struct strbuf sb = STRBUF_INIT;
	struct stat st;
	const char *p;
	char link[5];
	int i, ok;

	if (fstatat(dfd, path, &st, AT_SYMLINK_NOFOLLOW) == -1)
		return 0;
	if (S_ISLNK(st.st_mode))
		return readlinkat(dfd, path, link, sizeof(link)) == 5 &&
		    memcmp(link, "refs/", 5) == 0;
	ok = 0;
	if (read_small_fileat(dfd, path, GITFILE_NOFOLLOW | GITFILE_CUT,
	    HEAD_MAX, &sb, NULL) != GITFILE_OK)
		;	/* a FIFO, a device, unreadable: not a HEAD */
	else if (strncmp(sb.buf, "ref:", 4) == 0) {
		for (p = sb.buf + 4; ascii_isspace((unsigned char)*p); p++)
			;
		ok = strncmp(p, "refs/", 5) == 0;
	} else {
		for (i = 0; i < HEX_LEN && (ascii_isdigit((unsigned char)
		    sb.buf[i]) || (ascii_tolower((unsigned char)sb.buf[i]) >=
		    'a' && ascii_tolower((unsigned char)sb.buf[i]) <= 'f'));
		    i++)
			;
		ok = i == HEX_LEN;
	}
	strbuf_release(&sb);
	return ok;
}

/* Whether dir/name (below dfd) is a directory, or a regular file. */
static int
is_dir_below(int dfd, const char *dir, const char *name, int want_dir)
{
	struct stat st;
	char *p;
	int r;

	p = xasprintf("%s/%s", dir, name);
	r = fstatat(dfd, p, &st, 0) == 0 && (want_dir ? S_ISDIR(st.st_mode) :
	    S_ISREG(st.st_mode));
	free(p);
	return r;
}

int
gitfile_is_gitdir(int dfd, const char *dir)
{
	char *p;
	int r;

	p = xasprintf("%s/HEAD", dir);
	r = head_ok(dfd, p);
	free(p);
	if (!r)
		return 0;
	/*
	 * A linked worktree's git directory keeps objects/ and refs/ in the
	 * common one its commondir names: taken at its word, as following
	 * it could probe any place on the disk.
	 */
	if (is_dir_below(dfd, dir, "commondir", 0))
		return 1;
	return is_dir_below(dfd, dir, "objects", 1) &&
	    is_dir_below(dfd, dir, "refs", 1);
}

int
gitfile_is_toplevel(int dfd, const char *dir)
{
	struct strbuf sb = STRBUF_INIT;
	struct stat st;
	char *p;
	int r;

	p = xasprintf("%s/.git", dir);
	r = 0;
	if (fstatat(dfd, p, &st, AT_SYMLINK_NOFOLLOW) == -1)
		;	/* none */
	else if (S_ISDIR(st.st_mode))
		r = gitfile_is_gitdir(dfd, p);
	else if (S_ISREG(st.st_mode))
		/* "gitdir: PATH", decided from the file alone as above */
		r = read_small_fileat(dfd, p, GITFILE_NOFOLLOW | GITFILE_CUT,
		    GITLINK_MAX, &sb, NULL) == GITFILE_OK && sb.len > 8 &&
		    strncmp(sb.buf, "gitdir: ", 8) == 0 &&
		    strcspn(sb.buf + 8, "\r\n") > 0;
	strbuf_release(&sb);
	free(p);
	return r;
}
