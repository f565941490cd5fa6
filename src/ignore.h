/*
 * ignore.h: which untracked paths git leaves out (gitignore semantics).
 *
 * As git's dir.c has them: a file is a list of patterns, one a line
 * ('#' comments, blank lines skipped, trailing spaces trimmed unless
 * escaped with '\', "\#" and "\!" literal, '!' negates, a final '/'
 * matches only directories, a pattern with no other '/' matches a name
 * at any depth, any other is anchored at the directory holding the file).
 * The lists form a stack that follows the walk: the deepest .gitignore
 * is asked first, up to the root's, then the global lists (the last
 * added first: info/exclude before core.excludesFile); inside one list
 * the last matching line decides. Whether a directory above the path is
 * ignored is the walk's to know: ignore_match() asks only the patterns.
 */
#ifndef EC_IGNORE_H
#define EC_IGNORE_H

#include <stddef.h>

struct strbuf;
struct ignore;

#define IGNORE_CASEFOLD		0x1	/* core.ignoreCase */

/* git skips a pattern file larger than this, with a warning. */
#define IGNORE_MAX_FILE		(100 * 1024 * 1024)

/* Results of ignore_read() besides 0 (read) and -1 (refused, said). */
#define IGNORE_NONE		1	/* nothing to read (warned if need be) */

struct ignore	*ignore_new(int);
void		 ignore_free(struct ignore *);
/*
 * Push the patterns of the text buf (len bytes) read from the .gitignore
 * of directory base ("" for the root, else "dir/"), for walk level depth.
 * Nothing is pushed for a file without patterns.
 */
void		 ignore_push(struct ignore *, size_t, const char *,
		    const char *, size_t);
/* Drop the lists pushed for level depth and deeper. */
void		 ignore_pop(struct ignore *, size_t);
/* Add a global list (info/exclude, core.excludesFile) from its text. */
void		 ignore_add_global(struct ignore *, const char *, size_t);
/*
 * Whether path (relative to the root, no final '/'), a directory when
 * is_dir, is ignored by the lists: 1 or 0. Every list on the stack must
 * be of a directory above path.
 */
int		 ignore_match(const struct ignore *, const char *, int);
/*
 * Read the pattern file name below directory fd (AT_FDCWD, or any when
 * name is absolute) into out, never blocking. It is named in messages
 * as dir then file ("" and the path for a global one): a FIFO, socket
 * or device is refused ("NAME: not a regular file; refusing to read
 * it", -1). Absent, or a directory: IGNORE_NONE. A symbolic link (unless
 * follow), a file that cannot be read, or one over IGNORE_MAX_FILE:
 * IGNORE_NONE with a warning, as git warns.
 */
int		 ignore_read(int, const char *, const char *, const char *,
		    int, struct strbuf *);

#endif
