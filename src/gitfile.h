/*
 * gitfile.h: the one way to read a small file of the git directory (and
 * any other file ecocheck reads itself) without ever waiting on it.
 *
 * A file is looked at before it is opened and opened without blocking
 * (O_NONBLOCK, O_NOCTTY, O_CLOEXEC, and O_NOFOLLOW with
 * GITFILE_NOFOLLOW): a FIFO, a device or a directory is refused at
 * once, as a symbolic link is when not to be followed. A file larger
 * than the cap is refused, or cut with GITFILE_CUT. The functions
 * return a GITFILE_* status and print nothing: each caller says what a
 * status means to it, or hands it to gitfile_error().
 */
#ifndef EC_GITFILE_H
#define EC_GITFILE_H

#include <sys/stat.h>

#include <stddef.h>

#include "strbuf.h"

#define GITFILE_NOFOLLOW	0x01	/* refuse a symbolic link */
#define GITFILE_CUT		0x02	/* keep the first cap bytes of more */

enum gitfile_status {
	GITFILE_OK = 0,
	GITFILE_MISSING,	/* none there (ENOENT, ENOTDIR: see err) */
	GITFILE_LINK,		/* a symbolic link, with GITFILE_NOFOLLOW */
	GITFILE_NOTFILE,	/* not a regular file (st says what) */
	GITFILE_TOOBIG,		/* larger than the cap, without GITFILE_CUT */
	GITFILE_EOPEN,		/* cannot be looked at or opened (err) */
	GITFILE_EREAD		/* opened, but cannot be read (err) */
};

/* What the reading found, beside its status. */
struct gitfile {
	struct stat	 st;		/* what path is, unless missing */
	int		 err;		/* the errno of MISSING, EOPEN, EREAD */
	int		 truncated;	/* GITFILE_CUT: there was more */
};

/*
 * Open the regular file path (relative to the directory dfd, or
 * AT_FDCWD) for reading into *fdp (-1 unless GITFILE_OK).
 */
int	 gitfile_open(int, const char *, int, struct gitfile *, int *);
/*
 * Replace out's contents with those of the regular file path, at most
 * cap bytes (cap < SIZE_MAX); out is empty unless GITFILE_OK. gf may be
 * NULL.
 */
int	 read_small_file(const char *, int, size_t, struct strbuf *,
	    struct gitfile *);
int	 read_small_fileat(int, const char *, int, size_t, struct strbuf *,
	    struct gitfile *);
/*
 * Print "name: what" for a status other than GITFILE_OK (cap as given
 * to the reading) and return -1.
 */
int	 gitfile_error(const char *, int, const struct gitfile *, size_t);
/*
 * The one answer to "is this a git directory", as git's
 * is_git_directory() gives it: dir (below dfd, or AT_FDCWD) has a HEAD
 * git accepts and objects/ and refs/ directories, or the commondir file
 * of a linked worktree's git directory.
 */
int	 gitfile_is_gitdir(int, const char *);
/*
 * Whether dir is the top of a working tree: its .git is a git directory,
 * or a .git file "gitdir: PATH" (PATH is not followed).
 */
int	 gitfile_is_toplevel(int, const char *);
/*
 * Refuse (-1, printed) a git directory where libgit2 would wait forever
 * on a file that is not a regular one: commondir, gitdir, packed-refs,
 * loose references, pack indexes, alternates, shallow (gitguard.c), or
 * whose own files are symbolic links or cannot be read. The alternate
 * object directories met are added to alts (unless NULL), as named.
 */
int	 gitfile_guard(const char *, struct strvec *);
/*
 * Say that the folder path holds no git repository libgit2 can open
 * (-1): naming the HEAD or commondir that git would wait on, if that is
 * why (path's own, its .git directory's, or the one its .git file names).
 */
int	 gitfile_not_a_repo(const char *);

#endif
