/*
 * glob.h: gitignore-semantics glob matching, on strings, with no tree.
 *
 * glob_match() is git's wildmatch: '?' one byte, '*' any bytes, '[...]'
 * a class ('!' or '^' negates, ranges, "[:alpha:]" style names, ']' first
 * is literal), '\' quotes the next byte. With GLOB_PATHNAME, '*', '?' and
 * classes never match '/', and "**" as a whole component (between slashes
 * or at either end) matches any number of directories, none included:
 * "a/" "**" everything below a, "**" "/b" any b, "a/" "**" "/b" also a/b.
 * Without it, '*' crosses '/'. With GLOB_CASEFOLD, ASCII letters match
 * without case (also inside classes and after '\'). A malformed pattern
 * (an unclosed class, an unknown class name, a final '\') matches nothing.
 *
 * glob_match_path() adds what a gitignore or CODEOWNERS line means.
 */
#ifndef EC_GLOB_H
#define EC_GLOB_H

#include <stddef.h>

#define GLOB_PATHNAME	0x1	/* '*', '?', [...] do not match '/' */
#define GLOB_CASEFOLD	0x2	/* ASCII letters match without case */

/* Whether the whole of text matches pattern: 1 or 0. */
int	 glob_match(const char *, const char *, int);

/*
 * Whether path ('/'-separated, relative to the root) is matched by the
 * gitignore-style pattern: 1 or 0. A pattern without a '/' (but for a
 * final one) matches a name at any depth; a leading '/' or a '/' inside
 * anchors it at the root. A final '/' matches only directories: path is
 * one when is_dir is set, and every directory above path is one. A
 * pattern that matches a directory above path matches path, as a
 * directory listed in CODEOWNERS or .gitignore covers all it holds.
 * Negation ('!') and comments are the caller's. GLOB_PATHNAME is implied.
 */
int	 glob_match_path(const char *, const char *, int, int);

/*
 * The last '/' of pattern outside its classes (an escaped one counts),
 * which only a '/' of a path can match: with GLOB_PATHNAME, what comes
 * after it matches the path's last component. NULL when there is none,
 * or when a malformed class makes the pattern match nothing.
 */
const char *glob_last_slash(const char *);

/* A pattern that matches the n bytes of s and nothing else; allocated. */
char	*glob_quote(const char *, size_t);

#endif
