/*
 * loose.h: loose objects read with zlib, bounded.
 *
 * libgit2 1.5 inflates a loose object in a loop that never ends when the
 * file is cut short (libgit2 issue #7342), and opens a FIFO there without
 * a second thought. Before libgit2 touches the repository's objects, a
 * backend of ours is put in front of its own for the loose objects
 * directory: it reads (and streams) loose objects itself, with zlib, in a
 * loop bounded by the file's size, so that a truncated, corrupt or
 * non-regular object file is an error ("loose object truncated"), never a
 * hang. Packed objects are still libgit2's.
 */
#ifndef EC_LOOSE_H
#define EC_LOOSE_H

#include <stddef.h>
#include <stdint.h>

#include <git2.h>

/*
 * The repository's objects directory (its common directory's, for a
 * linked worktree), ending in '/'; allocated. The loose objects' and the
 * packs' (pack.h) bounded readers read there.
 */
char	*loose_objdir(git_repository *);
/*
 * Put the bounded reader in front of the repository's object database.
 * -1: error printed.
 */
int	 loose_guard(git_repository *);
/*
 * The largest loose commit or tag read whole (16 MiB): a larger one is
 * refused with LOOSE_ETOOBIG from git_odb_read(), its message set.
 */
#define LOOSE_COMMIT_MAX	16777216
#define LOOSE_ETOOBIG		GIT_EBUFS
/*
 * Parse a loose object header "TYPE SIZE\0" (git's canonical form) at the
 * start of the len bytes at buf: its length with the NUL, or -1.
 */
int	 loose_parse_header(const unsigned char *, size_t, git_object_t *,
	    uint64_t *);
/*
 * Free a read stream from git_odb_open_rstream(), whichever backend opened
 * it. libgit2 1.5's git_odb_stream_free() frees the stream's hash context
 * unconditionally, and a backend outside libgit2 cannot make one (the type
 * is private): it crashes on every stream of ours.
 */
void	 loose_stream_free(git_odb_stream *);

#endif
