/* ignore.c: gitignore semantics, pattern lists stacked as the walk goes */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1		/* openat, fstatat */
#endif
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
#include "glob.h"
#include "ignore.h"
#include "strbuf.h"
#include "xalloc.h"

#define P_NEGATIVE	0x1	/* "!pattern" */
#define P_DIRONLY	0x2	/* "pattern/" */
#define P_BASENAME	0x4	/* no '/': a name at any depth */
#define P_LITERAL	0x8	/* no '*', '?', '[' or '\' */

/* One line of a pattern file, as it matches. */
struct pattern {
	char		*text;		/* without '!', final '/', first '/' */
	size_t		 len;
	size_t		 prefix;	/* bytes before the first '*?[\\' */
	unsigned	 flags;
};

/* The patterns of one file. */
struct plist {
	size_t		 depth;		/* the walk level that pushed it */
	size_t		 baselen;	/* its directory ("dir/") in a path */
	struct pattern	*pats;
	size_t		 n;
	size_t		 alloc;
};

struct ignore {
	int		 globflags;	/* GLOB_CASEFOLD or 0 */
	struct plist	*stack;		/* .gitignore files, root first */
	size_t		 nstack;
	size_t		 astack;
	struct plist	*global;	/* global lists, first added first */
	size_t		 nglobal;
	size_t		 aglobal;
};

static void	 parse_line(struct plist *, char *);
static void	 parse(struct plist *, const char *, size_t);
static void	 trim_spaces(char *);
static int	 literal_eq(const char *, const char *, size_t, int);
static int	 pattern_match(const struct ignore *, const struct pattern *,
		    const char *, const char *, int);
static int	 list_match(const struct ignore *, const struct plist *,
		    const char *, const char *, int);
static void	 plist_clear(struct plist *);

struct ignore *
ignore_new(int flags)
{
	struct ignore *ig;

	ig = xcalloc(1, sizeof(*ig));
	ig->globflags = (flags & IGNORE_CASEFOLD) ? GLOB_CASEFOLD : 0;
	return ig;
}

static void
plist_clear(struct plist *pl)
{
	size_t i;

	for (i = 0; i < pl->n; i++)
		free(pl->pats[i].text);
	free(pl->pats);
	pl->pats = NULL;
	pl->n = pl->alloc = 0;
}

void
ignore_free(struct ignore *ig)
{
	size_t i;

	if (ig == NULL)
		return;
	for (i = 0; i < ig->nstack; i++)
		plist_clear(&ig->stack[i]);
	for (i = 0; i < ig->nglobal; i++)
		plist_clear(&ig->global[i]);
	free(ig->stack);
	free(ig->global);
	free(ig);
}

/*
 * Cut trailing spaces, but not one escaped by '\' (nor any after it);
 * a line ending in a lone '\' keeps all.
 */
static void
trim_spaces(char *s)
{
	char *p, *space;

	space = NULL;
	for (p = s; *p != '\0'; p++) {
		if (*p == ' ') {
			if (space == NULL)
				space = p;
			continue;
		}
		if (*p == '\\' && *++p == '\0')
			return;
		space = NULL;
	}
	if (space != NULL)
		*space = '\0';
}

/* One line (NUL-terminated, not a comment, not empty) into pl. */
static void
parse_line(struct plist *pl, char *line)
{
	struct pattern *pt;
	unsigned flags;
	size_t len;
	char *p;

	trim_spaces(line);
	flags = 0;
	p = line;
	if (*p == '!') {
		flags |= P_NEGATIVE;
		p++;
	}
	len = strlen(p);
	if (len > 0 && p[len - 1] == '/') {
		flags |= P_DIRONLY;
		len--;
	}
	if (memchr(p, '/', len) == NULL)
		flags |= P_BASENAME;
	else if (*p == '/') {
		p++;		/* anchored anyway: the '/' says no more */
		len--;
	}
	if (len == 0)
		return;		/* matches nothing */
	if (strcspn(p, "*?[\\") >= len)
		flags |= P_LITERAL;
	XGROW(pl->pats, pl->n + 1, pl->alloc);
	pt = &pl->pats[pl->n++];
	pt->text = xstrndup(p, len);
	pt->len = len;
	pt->prefix = strcspn(pt->text, "*?[\\");
	pt->flags = flags;
}

/* The lines of a pattern file's text into pl. */
static void
parse(struct plist *pl, const char *buf, size_t len)
{
	char *copy, *line, *end, *stop;

	copy = xstrndup(buf, len);
	line = copy;
	stop = copy + len;
	/* A UTF-8 byte order mark is skipped, as git skips it. */
	if (len >= 3 && memcmp(line, "\xef\xbb\xbf", 3) == 0)
		line += 3;
	for (; line < stop; line = end + 1) {
		if ((end = memchr(line, '\n', (size_t)(stop - line))) == NULL)
			end = stop;
		*end = '\0';
		if (end == line || line[0] == '#')
			continue;
		if (end[-1] == '\r')
			end[-1] = '\0';
		parse_line(pl, line);
	}
	free(copy);
}

void
ignore_push(struct ignore *ig, size_t depth, const char *base,
    const char *buf, size_t len)
{
	struct plist pl;

	memset(&pl, 0, sizeof(pl));
	pl.depth = depth;
	pl.baselen = strlen(base);
	parse(&pl, buf, len);
	if (pl.n == 0)
		return;
	XGROW(ig->stack, ig->nstack + 1, ig->astack);
	ig->stack[ig->nstack++] = pl;
}

void
ignore_pop(struct ignore *ig, size_t depth)
{
	while (ig->nstack > 0 && ig->stack[ig->nstack - 1].depth >= depth)
		plist_clear(&ig->stack[--ig->nstack]);
}

void
ignore_add_global(struct ignore *ig, const char *buf, size_t len)
{
	struct plist pl;

	memset(&pl, 0, sizeof(pl));
	parse(&pl, buf, len);
	if (pl.n == 0)
		return;
	XGROW(ig->global, ig->nglobal + 1, ig->aglobal);
	ig->global[ig->nglobal++] = pl;
}

/* Whether s (n bytes) equals the literal p, without case if asked. */
static int
literal_eq(const char *p, const char *s, size_t n, int flags)
{
	size_t i;

	if (!(flags & GLOB_CASEFOLD))
		return memcmp(p, s, n) == 0;
	for (i = 0; i < n; i++)
		if (ascii_tolower((unsigned char)p[i]) !=
		    ascii_tolower((unsigned char)s[i]))
			return 0;
	return 1;
}

/*
 * Whether pattern pt matches: a name pattern the basename name, another
 * the path below its file's directory, rel. As git's match_pathname()
 * does, a path pattern's part before its first wildcard is compared as
 * a string and only the rest is a glob, from where the path's text is
 * then: so "a**" there starts the glob, and "x/a**" matches x/a/b as
 * "x/a" then "**" does (t0062 compares with git).
 */
static int
pattern_match(const struct ignore *ig, const struct pattern *pt,
    const char *rel, const char *name, int is_dir)
{
	const char *s;

	if ((pt->flags & P_DIRONLY) && !is_dir)
		return 0;
	s = (pt->flags & P_BASENAME) ? name : rel;
	if (pt->flags & P_LITERAL)
		return strlen(s) == pt->len &&
		    literal_eq(pt->text, s, pt->len, ig->globflags);
	if (pt->flags & P_BASENAME)
		return glob_match(pt->text, s, GLOB_PATHNAME | ig->globflags);
	if (strnlen(s, pt->prefix) < pt->prefix ||
	    !literal_eq(pt->text, s, pt->prefix, ig->globflags))
		return 0;
	return glob_match(pt->text + pt->prefix, s + pt->prefix,
	    GLOB_PATHNAME | ig->globflags);
}

/*
 * The decision of list pl on path (name its last component): 1 ignored,
 * 0 not, -1 no line matches. The last matching line decides.
 */
static int
list_match(const struct ignore *ig, const struct plist *pl,
    const char *path, const char *name, int is_dir)
{
	const struct pattern *pt;
	size_t i;

	for (i = pl->n; i > 0; i--) {
		pt = &pl->pats[i - 1];
		if (pattern_match(ig, pt, path + pl->baselen, name, is_dir))
			return !(pt->flags & P_NEGATIVE);
	}
	return -1;
}

int
ignore_match(const struct ignore *ig, const char *path, int is_dir)
{
	const char *name;
	size_t i, len;
	int r;

	len = strlen(path);
	name = strrchr(path, '/');
	name = name != NULL ? name + 1 : path;
	for (i = ig->nstack; i > 0; i--) {
		/* Only a list of a directory above path applies. */
		if (ig->stack[i - 1].baselen >= len)
			continue;
		if ((r = list_match(ig, &ig->stack[i - 1], path, name,
		    is_dir)) >= 0)
			return r;
	}
	for (i = ig->nglobal; i > 0; i--)
		if ((r = list_match(ig, &ig->global[i - 1], path, name,
		    is_dir)) >= 0)
			return r;
	return 0;
}

int
ignore_read(int dfd, const char *name, const char *dir, const char *file,
    int follow, struct strbuf *out)
{
	struct gitfile gf;
	int rc;

	rc = read_small_fileat(dfd, name, follow ? 0 : GITFILE_NOFOLLOW,
	    IGNORE_MAX_FILE, out, &gf);
	switch (rc) {
	case GITFILE_OK:
		return 0;
	case GITFILE_MISSING:
		return IGNORE_NONE;
	case GITFILE_NOTFILE:
		if (S_ISDIR(gf.st.st_mode))
			return IGNORE_NONE;	/* git cannot read it either */
		return ec_error("%s%s: not a regular file; refusing to read "
		    "it", dir, file);
	case GITFILE_LINK:
		/* git does not follow a .gitignore that is a link */
		ec_warn("unable to access '%s%s': %s", dir, file,
		    strerror(ELOOP));
		return IGNORE_NONE;
	case GITFILE_TOOBIG:
		ec_warn("ignoring excessively large pattern file: %s%s", dir,
		    file);
		return IGNORE_NONE;
	case GITFILE_EREAD:
		ec_warn("unable to read '%s%s': %s", dir, file,
		    strerror(gf.err));
		return IGNORE_NONE;
	default:
		ec_warn("unable to access '%s%s': %s", dir, file,
		    strerror(gf.err));
		return IGNORE_NONE;
	}
}
