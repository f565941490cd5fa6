/* gitguard.c: refuse a git directory libgit2 would wait on or be led out of */
#define _POSIX_C_SOURCE 200809L
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "error.h"
#include "gitfile.h"
#include "strbuf.h"
#include "xalloc.h"

/*
 * libgit2 opens the files of a git directory with a blocking open(2): a
 * FIFO at commondir, gitdir, packed-refs, a loose reference, a pack index
 * or objects/info/alternates makes it wait forever (and git on shallow).
 * Each is looked at (never opened) before libgit2 opens the repository,
 * as is every file an alternates file leads to, as deep as libgit2
 * follows them. The repository's own files (HEAD, config,
 * packed-refs, shallow, the references, its alternates) must not be
 * symbolic links, which libgit2 follows (a config linked to /etc/passwd
 * is parsed), and must be readable (libgit2 calls one it may not open
 * "locked").
 */
#define ALTERNATES_DEPTH	5	/* libgit2's GIT_ALTERNATES_MAX_DEPTH */
#define ALTERNATES_MAX		(1024 * 1024)
#define REFS_DEPTH		64

#define GUARD_NOLINK	0x01	/* refuse a symbolic link */
#define GUARD_READ	0x02	/* refuse a file that cannot be read */
#define GUARD_OWN	(GUARD_NOLINK | GUARD_READ)

static int	 refuse(const char *);
static int	 refuse_link(const char *);
static int	 link_to_ref(const char *);
static int	 guard_file(const char *, const char *, int);
static int	 guard_dir(int, const char *, int, int);
static int	 guard_tree(const char *, const char *, int);
/* Object directories looked at, by device and inode (as libgit2). */
struct seen_dirs {
	dev_t	*dev;
	ino_t	*ino;
	size_t	 n, alloc;
};

static int	 seen_before(struct seen_dirs *, const char *);
static int	 guard_objects(const char *, int, struct seen_dirs *,
		    struct strvec *);
static int	 guard_alternates(const char *, int, struct seen_dirs *,
		    struct strvec *);
static char	*path_in_file(const char *, const char *, const char *);
static char	*common_dir(const char *);
static char	*gitlink_dir(const char *);

/* Refuse path, which is not a regular file: -1. */
static int
refuse(const char *path)
{
	return ec_error("%s: not a regular file; refusing to read it", path);
}

/* Refuse path, a symbolic link: -1. */
static int
refuse_link(const char *path)
{
	return ec_error("%s: a symbolic link; refusing to follow it", path);
}

/*
 * Whether the symbolic link path is one git reads as a symbolic
 * reference (HEAD -> refs/heads/main), not as a file somewhere.
 */
static int
link_to_ref(const char *path)
{
	char buf[PATH_MAX];
	ssize_t n;

	if ((n = readlink(path, buf, sizeof(buf) - 1)) < 5)
		return 0;
	buf[n] = '\0';
	return strncmp(buf, "refs/", 5) == 0 && strstr(buf, "..") == NULL;
}

/*
 * dir/name: absent, a regular file or a directory (libgit2 says why);
 * with GUARD_NOLINK no symbolic link (but HEAD's to a reference), with
 * GUARD_READ one this process may read, said here rather than by libgit2
 * (which calls a file it may not open "locked").
 */
static int
guard_file(const char *dir, const char *name, int flags)
{
	struct stat st;
	char *p;
	int rc;

	p = xasprintf("%s/%s", dir, name);
	rc = 0;
	if (lstat(p, &st) == -1) {
		if (errno == EACCES)
			rc = ec_error("%s: %s", p, strerror(errno));
	} else if (S_ISLNK(st.st_mode) && (flags & GUARD_NOLINK) &&
	    (strcmp(name, "HEAD") != 0 || !link_to_ref(p)))
		rc = refuse_link(p);
	else if (stat(p, &st) == 0 && !S_ISREG(st.st_mode) &&
	    !S_ISDIR(st.st_mode))
		rc = refuse(p);
	else if ((flags & GUARD_READ) && S_ISREG(st.st_mode) &&
	    access(p, R_OK) == -1)
		rc = ec_error("%s: %s", p, strerror(errno));
	free(p);
	return rc;
}

/*
 * Every entry of the directory fd (path names it): a regular file (with
 * idx_only, only the names ending in ".idx" count) or, below depth, a
 * directory whose entries are looked at in turn.
 */
static int
guard_dir(int fd, const char *path, int depth, int idx_only)
{
	struct dirent *de;
	struct stat st;
	DIR *d;
	char *p;
	size_t n;
	int sub, rc;

	if ((d = fdopendir(fd)) == NULL) {
		close(fd);
		return 0;	/* libgit2 says why, if it reads it */
	}
	rc = 0;
	while (rc == 0 && (de = readdir(d)) != NULL) {
		n = strlen(de->d_name);
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0 ||
		    (idx_only && (n < 4 || strcmp(de->d_name + n - 4, ".idx"))))
			continue;
		if (fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) ==
		    -1 || (S_ISREG(st.st_mode) && (idx_only ||
		    faccessat(dirfd(d), de->d_name, R_OK, 0) == 0)))
			continue;
		p = xasprintf("%s/%s", path, de->d_name);
		if (S_ISLNK(st.st_mode))
			rc = idx_only ? guard_file(path, de->d_name, 0) :
			    refuse_link(p);
		else if (S_ISREG(st.st_mode))
			rc = ec_error("%s: %s", p, strerror(EACCES));
		else if (!S_ISDIR(st.st_mode))
			rc = refuse(p);
		else if (!idx_only && depth < REFS_DEPTH && (sub = openat(
		    dirfd(d), de->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
		    O_CLOEXEC)) != -1)
			rc = guard_dir(sub, p, depth + 1, 0);
		free(p);
	}
	closedir(d);
	return rc;
}

/* The tree dir/name: refs/, or with idx_only objects/pack/. */
static int
guard_tree(const char *dir, const char *name, int idx_only)
{
	struct stat st;
	char *p;
	int fd, rc;

	p = xasprintf("%s/%s", dir, name);
	fd = open(p, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd == -1 && !idx_only && lstat(p, &st) == 0 && S_ISLNK(st.st_mode))
		rc = refuse_link(p);
	else
		rc = fd == -1 ? 0 : guard_dir(fd, p, 0, idx_only);
	free(p);
	return rc;
}

/*
 * Whether the directory path was looked at already (or is no directory):
 * an alternates file naming its own directory, or two naming each other,
 * is followed once, not once a line at every depth.
 */
static int
seen_before(struct seen_dirs *sd, const char *path)
{
	struct stat st;
	size_t i;

	if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
		return 1;
	for (i = 0; i < sd->n; i++)
		if (sd->dev[i] == st.st_dev && sd->ino[i] == st.st_ino)
			return 1;
	if (sd->n == sd->alloc) {
		sd->alloc = sd->alloc ? 2 * sd->alloc : 8;
		sd->dev = xreallocarray(sd->dev, sd->alloc, sizeof(*sd->dev));
		sd->ino = xreallocarray(sd->ino, sd->alloc, sizeof(*sd->ino));
	}
	sd->dev[sd->n] = st.st_dev;
	sd->ino[sd->n++] = st.st_ino;
	return 0;
}

/*
 * The object directory objdir and the alternates it leads to (each added
 * to alts, but the repository's own).
 */
static int
guard_objects(const char *objdir, int depth, struct seen_dirs *sd,
    struct strvec *alts)
{
	if (seen_before(sd, objdir))
		return 0;
	if (depth > 0 && alts != NULL)
		strvec_push(alts, objdir);
	if (guard_file(objdir, "pack/multi-pack-index", 0) == -1 ||
	    guard_tree(objdir, "pack", 1) == -1 ||
	    guard_file(objdir, "info/alternates", depth == 0 ? GUARD_OWN :
	    0) == -1)
		return -1;
	return depth < ALTERNATES_DEPTH ?
	    guard_alternates(objdir, depth, sd, alts) : 0;
}

/*
 * The object directories objdir/info/alternates names, one a line; a
 * relative one only in the repository's own file (depth 0), as libgit2.
 */
static int
guard_alternates(const char *objdir, int depth, struct seen_dirs *sd,
    struct strvec *alts)
{
	struct strbuf sb = STRBUF_INIT;
	char *path, *line, *next, *alt;
	int rc;

	path = xasprintf("%s/info/alternates", objdir);
	rc = read_small_file(path, 0, ALTERNATES_MAX, &sb, NULL);
	free(path);
	if (rc != GITFILE_OK) {
		strbuf_release(&sb);
		return 0;	/* none, or libgit2 says why */
	}
	rc = 0;
	for (line = sb.buf; rc == 0 && line < sb.buf + sb.len; line = next) {
		next = line + strcspn(line, "\n");
		if (*next == '\n')
			*next++ = '\0';
		else
			next = sb.buf + sb.len;
		if (*line == '\0' || *line == '#' ||
		    (*line != '/' && depth > 0))
			continue;
		alt = *line == '/' ? xstrdup(line) :
		    xasprintf("%s/%s", objdir, line);
		rc = guard_objects(alt, depth + 1, sd, alts);
		free(alt);
	}
	strbuf_release(&sb);
	return rc;
}

/*
 * The path the first line of dir/name holds after prefix (a relative one
 * from dir), or NULL when the file cannot be read or does not say one.
 */
static char *
path_in_file(const char *dir, const char *name, const char *prefix)
{
	struct strbuf sb = STRBUF_INIT;
	size_t n = strlen(prefix);
	char *path, *named;

	path = xasprintf("%s/%s", dir, name);
	named = NULL;
	if (read_small_file(path, GITFILE_CUT, PATH_MAX - 1, &sb, NULL) ==
	    GITFILE_OK && strncmp(sb.buf, prefix, n) == 0) {
		strbuf_setlen(&sb, strcspn(sb.buf, "\r\n"));
		if (sb.len > n)
			named = sb.buf[n] == '/' ? xstrdup(sb.buf + n) :
			    xasprintf("%s/%s", dir, sb.buf + n);
	}
	free(path);
	strbuf_release(&sb);
	return named;
}

/* The common directory a linked worktree's commondir names, or NULL. */
static char *
common_dir(const char *gitdir)
{
	return path_in_file(gitdir, "commondir", "");
}

int
gitfile_guard(const char *path, struct strvec *alts)
{
	/* the index is tree-index.c's, which says the same of it */
	static const char *const own[] = { "HEAD", "commondir", "gitdir",
	    "config", "config.worktree" };
	struct seen_dirs sd = { NULL, NULL, 0, 0 };
	char *gitdir, *common, *objdir;
	size_t i, n;
	int rc;

	n = strlen(path);
	while (n > 1 && path[n - 1] == '/')
		n--;
	gitdir = xstrndup(path, n);
	rc = 0;
	for (i = 0; rc == 0 && i < sizeof(own) / sizeof(own[0]); i++)
		rc = guard_file(gitdir, own[i], GUARD_OWN);
	if (rc == 0)
		rc = guard_tree(gitdir, "refs", 0);
	common = NULL;
	if (rc == 0 && (common = common_dir(gitdir)) != NULL &&
	    (rc = guard_file(common, "config", GUARD_OWN)) == 0)
		rc = guard_tree(common, "refs", 0);
	if (rc == 0)
		rc = guard_file(common != NULL ? common : gitdir,
		    "packed-refs", GUARD_OWN);
	/* git waits on it, and libgit2 would take it for no boundary */
	if (rc == 0)
		rc = guard_file(common != NULL ? common : gitdir, "shallow",
		    GUARD_OWN);
	objdir = xasprintf("%s/objects", common != NULL ? common : gitdir);
	if (rc == 0)
		rc = guard_objects(objdir, 0, &sd, alts);
	free(objdir);
	free(sd.dev);
	free(sd.ino);
	free(common);
	free(gitdir);
	return rc;
}

/* The git directory the .git file of the folder path names, or NULL. */
static char *
gitlink_dir(const char *path)
{
	return path_in_file(path, ".git", "gitdir: ");
}

int
gitfile_not_a_repo(const char *path)
{
	static const char *const names[] = { "HEAD", "commondir" };
	char *dirs[3];
	size_t i, j;
	int rc;

	dirs[0] = xasprintf("%s/.git", path);
	dirs[1] = gitlink_dir(path);
	dirs[2] = xstrdup(path);
	rc = 0;
	for (i = 0; i < 3; i++) {
		for (j = 0; rc == 0 && dirs[i] != NULL && j < 2; j++)
			rc = guard_file(dirs[i], names[j], 0);
		free(dirs[i]);
	}
	return rc == 0 ? ec_error("%s: not a git repository", path) : rc;
}
