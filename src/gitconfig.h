/*
 * gitconfig.h: the include paths of a repository's own git configuration,
 * found before libgit2 opens them.
 *
 * libgit2 follows include.path and includeIf.*.path wherever they point
 * when it opens a repository. The repository's config (and
 * config.worktree) is scanned here first, with the syntax libgit2 1.5
 * reads (sections, quoted subsections, quotes, escapes, continuation
 * lines, comments), and every include is checked, the included files
 * inside the repository in turn: one outside is refused, whatever its
 * condition.
 */
#ifndef EC_GITCONFIG_H
#define EC_GITCONFIG_H

#include <stddef.h>

#include "strbuf.h"

/*
 * What one repository's configuration may hold, with what it includes:
 * a real one has a few hundred keys in a few kilobytes; two million keys
 * took libgit2 twenty seconds and a gigabyte.
 */
#define GITCONFIG_BYTES_MAX	4194304
#define GITCONFIG_KEYS_MAX	100000

/*
 * Call cb(key, path, line, arg) for each include.path and includeIf.*.path
 * of the config text, key as libgit2 names it ("include.path",
 * "includeif.gitdir:/x/.path"); a nonzero return stops the scan and is
 * returned. -1 with *errline set when a line cannot be parsed, -2 with
 * it set at the line of the key past GITCONFIG_KEYS_MAX.
 */
int	 gitconfig_scan(const char *, size_t,
	    int (*)(const char *, const char *, int, void *), void *, int *);
/*
 * Check the includes of the config file (absent is fine) and of the files
 * they include: each must name a regular file (or none) under one of the
 * n directories roots (real paths). -1: error printed, naming the file,
 * the line and the path; past the caps of bytes and keys, naming the
 * file.
 */
int	 gitconfig_includes_ok(const char *, const char *const *, size_t);
/*
 * Whether the config file path (one libgit2 reads, not checked for
 * includes: the global and system ones) is past the caps above, saying
 * "path: why" in why; 0 within them, or when it cannot be read as a regular file.
 */
int	 gitconfig_too_big(const char *, struct strbuf *);

#endif
