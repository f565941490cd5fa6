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

/*
 * Call cb(key, path, line, arg) for each include.path and includeIf.*.path
 * of the config text, key as libgit2 names it ("include.path",
 * "includeif.gitdir:/x/.path"); a nonzero return stops the scan and is
 * returned. -1 with *errline set when a line cannot be parsed.
 */
int	 gitconfig_scan(const char *, size_t,
	    int (*)(const char *, const char *, int, void *), void *, int *);
/*
 * Check the includes of the config file (absent is fine) and of the files
 * they include: each must name a regular file (or none) under one of the
 * n directories roots (real paths). -1: error printed, naming the file,
 * the line and the path.
 */
int	 gitconfig_includes_ok(const char *, const char *const *, size_t);

#endif
