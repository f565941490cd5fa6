/* glob.c: gitignore-semantics glob matching (git's wildmatch), on strings */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "glob.h"
#include "xalloc.h"

/* Results of a partial match besides a match and a mismatch. */
#define M_MATCH		0
#define M_NOMATCH	1
#define M_ABORT		2	/* no later start of an outer '*' can match */
#define M_ABORT_SLASH	3	/* nor one of an outer '*' that stops at '/' */

typedef const unsigned char uchar;

struct glob_class {
	const char	*name;
	int		(*is)(int);
};

static int	 is_alnum(int);
static int	 is_alpha(int);
static int	 is_blank(int);
static int	 is_cntrl(int);
static int	 is_digit(int);
static int	 is_graph(int);
static int	 is_lower(int);
static int	 is_print(int);
static int	 is_punct(int);
static int	 is_space(int);
static int	 is_upper(int);
static int	 is_xdigit(int);
static int	 fold(int, int);
static int	 special(int);
static int	 in_range(int, int, int, int);
static int	 named_class(uchar **, int, int);
static int	 bracket(uchar **, int, int);
static int	 star(uchar *, uchar *, uchar *, int);
static int	 match(uchar *, uchar *, uchar *, int);

/* The names of "[:name:]", as git's wildmatch knows them (ASCII only). */
static const struct glob_class glob_classes[] = {
	{ "alnum",	is_alnum },
	{ "alpha",	is_alpha },
	{ "blank",	is_blank },
	{ "cntrl",	is_cntrl },
	{ "digit",	is_digit },
	{ "graph",	is_graph },
	{ "lower",	is_lower },
	{ "print",	is_print },
	{ "punct",	is_punct },
	{ "space",	is_space },
	{ "upper",	is_upper },
	{ "xdigit",	is_xdigit },
};

static int
is_alnum(int c)
{
	return ascii_isalnum(c);
}

static int
is_alpha(int c)
{
	return ascii_isalpha(c);
}

static int
is_blank(int c)
{
	return c == ' ' || c == '\t';
}

static int
is_cntrl(int c)
{
	return c < 0x20 || c == 0x7f;
}

static int
is_digit(int c)
{
	return ascii_isdigit(c);
}

static int
is_graph(int c)
{
	return c > 0x20 && c < 0x7f;
}

static int
is_lower(int c)
{
	return c >= 'a' && c <= 'z';
}

static int
is_print(int c)
{
	return c >= 0x20 && c < 0x7f;
}

static int
is_punct(int c)
{
	return is_graph(c) && !ascii_isalnum(c);
}

static int
is_space(int c)
{
	return ascii_isspace(c);
}

static int
is_upper(int c)
{
	return c >= 'A' && c <= 'Z';
}

static int
is_xdigit(int c)
{
	return ascii_isdigit(c) || (c >= 'a' && c <= 'f') ||
	    (c >= 'A' && c <= 'F');
}

static int
fold(int c, int flags)
{
	return (flags & GLOB_CASEFOLD) ? ascii_tolower(c) : c;
}

/* Bytes that are not literal in a pattern. */
static int
special(int c)
{
	return c == '*' || c == '?' || c == '[' || c == '\\';
}

/* Whether c (folded) is in lo-hi; without case, its capital also counts. */
static int
in_range(int c, int lo, int hi, int flags)
{
	if (c >= lo && c <= hi)
		return 1;
	if ((flags & GLOB_CASEFOLD) && is_lower(c))
		return c - 'a' + 'A' >= lo && c - 'a' + 'A' <= hi;
	return 0;
}

/*
 * The "[:name:]" at *pp (its '['): 1 if c is of the class, 0 if not, with
 * *pp at its final ']'; -1 for an unknown name; 2 if it is no class name
 * at all (no ":]" before the next ']'), *pp untouched.
 */
static int
named_class(uchar **pp, int c, int flags)
{
	uchar *s, *e;
	size_t n, i;

	s = *pp + 2;
	for (e = s; *e != '\0' && *e != ']'; e++)
		;
	if (*e == '\0')
		return -1;
	if (e == s || e[-1] != ':')
		return 2;
	n = (size_t)(e - s) - 1;
	for (i = 0; i < sizeof(glob_classes) / sizeof(glob_classes[0]); i++) {
		if (strlen(glob_classes[i].name) != n ||
		    memcmp(glob_classes[i].name, s, n) != 0)
			continue;
		*pp = e;
		if (glob_classes[i].is(c))
			return 1;
		/* Without case, a lower-case letter is also upper case. */
		return (flags & GLOB_CASEFOLD) && is_lower(c) &&
		    glob_classes[i].is == is_upper;
	}
	return -1;
}

/*
 * Match the byte c (folded) against the class at *pp (its '['), leaving
 * *pp at the class's ']'. Returns 1 or 0, or -1 for a malformed class.
 */
static int
bracket(uchar **pp, int c, int flags)
{
	uchar *p;
	int neg, hit, prev, pc, hi, r;

	p = *pp + 1;
	neg = *p == '!' || *p == '^';
	if (neg)
		p++;
	hit = 0;
	prev = 0;
	pc = *p;
	do {	/* a ']' first is a member */
		if (pc == '\0')
			return -1;
		if (pc == '\\') {
			if ((pc = *++p) == '\0')
				return -1;
			if (fold(pc, flags) == c)
				hit = 1;
		} else if (pc == '-' && prev != 0 && p[1] != '\0' &&
		    p[1] != ']') {
			hi = *++p;
			if (hi == '\\' && (hi = *++p) == '\0')
				return -1;
			if (in_range(c, prev, hi, flags))
				hit = 1;
			pc = 0;		/* no range starts at a range's end */
		} else if (pc == '[' && p[1] == ':') {
			r = named_class(&p, c, flags);
			if (r < 0)
				return -1;
			if (r == 2) {	/* a literal '[' */
				if (c == '[')
					hit = 1;
			} else {
				hit |= r;
				pc = 0;
			}
		} else if (fold(pc, flags) == c)
			hit = 1;
		prev = pc;
		pc = *++p;
	} while (pc != ']');
	*pp = p;
	return hit != neg;
}

/*
 * The '*' or run of '*' at p, then the rest of the pattern, against text
 * t (pat is where the pattern starts).
 */
static int
star(uchar *pat, uchar *p, uchar *t, int flags)
{
	uchar *q;
	int any, r, lit;

	for (q = p; *q == '*'; q++)
		;
	if (!(flags & GLOB_PATHNAME))
		any = 1;
	else if (q - p >= 2 && (p == pat || p[-1] == '/') &&
	    (*q == '\0' || *q == '/' || (q[0] == '\\' && q[1] == '/'))) {
		/*
		 * "**" as a whole component: first try no directory at all.
		 * When that runs out of text, so does every later start (as
		 * for an abort below): giving up here keeps a run of "**" to
		 * one try each, where trying every split of a deep path for
		 * each would take time exponential in the run.
		 */
		if (*q == '/') {
			r = match(pat, q + 1, t, flags);
			if (r == M_MATCH || r == M_ABORT)
				return r;
		}
		any = 1;
	} else
		any = 0;	/* '*', or "**" inside a component */

	if (*q == '\0') {
		if (!any && strchr((const char *)t, '/') != NULL)
			return M_ABORT_SLASH;
		return M_MATCH;
	}
	if (!any && *q == '/') {
		/* "*" then '/': the rest of this component. */
		if ((t = (uchar *)strchr((const char *)t, '/')) == NULL)
			return M_ABORT;
		return match(pat, q + 1, t + 1, flags);
	}
	for (; *t != '\0'; t++) {
		if (!special(*q)) {
			/* Skip to where the literal after the '*' is. */
			lit = fold(*q, flags);
			while (*t != '\0' && (any || *t != '/') &&
			    fold(*t, flags) != lit)
				t++;
			if (*t == '\0' || fold(*t, flags) != lit)
				return any ? M_ABORT : M_ABORT_SLASH;
		}
		r = match(pat, q, t, flags);
		if (r != M_NOMATCH) {
			if (!any || r != M_ABORT_SLASH)
				return r;
		} else if (!any && *t == '/')
			return M_ABORT_SLASH;
	}
	return M_ABORT;
}

/* Pattern p (from pat) against text t: one of M_*. */
static int
match(uchar *pat, uchar *p, uchar *t, int flags)
{
	int c, r;

	for (; *p != '\0'; p++, t++) {
		if (*p == '*')
			return star(pat, p, t, flags);
		if (*t == '\0')
			return M_ABORT;
		c = fold(*t, flags);
		switch (*p) {
		case '?':
			if ((flags & GLOB_PATHNAME) && c == '/')
				return M_NOMATCH;
			break;
		case '[':
			if ((r = bracket(&p, c, flags)) < 0)
				return M_ABORT;
			if (r == 0 || ((flags & GLOB_PATHNAME) && c == '/'))
				return M_NOMATCH;
			break;
		case '\\':
			p++;	/* a final '\' matches nothing */
			if (*p == '\0' || fold(*p, flags) != c)
				return M_NOMATCH;
			break;
		default:
			if (fold(*p, flags) != c)
				return M_NOMATCH;
			break;
		}
	}
	return *t == '\0' ? M_MATCH : M_NOMATCH;
}

int
glob_match(const char *pattern, const char *text, int flags)
{
	uchar *p = (uchar *)pattern;

	return match(p, p, (uchar *)text, flags) == M_MATCH;
}

int
glob_match_path(const char *pattern, const char *path, int is_dir,
    int flags)
{
	const char *subject;
	char *pat, *buf, *s, *end;
	size_t n;
	int anchored, dironly, dir, r;

	flags |= GLOB_PATHNAME;
	n = strlen(pattern);
	dironly = n > 0 && pattern[n - 1] == '/';
	if (dironly)
		n--;
	anchored = n > 0 && pattern[0] == '/';
	if (anchored) {
		pattern++;
		n--;
	}
	if (n == 0)
		return 0;
	pat = xstrndup(pattern, n);
	if (memchr(pat, '/', n) != NULL)
		anchored = 1;
	buf = xstrdup(path);
	n = strlen(buf);
	if (n > 0 && buf[n - 1] == '/') {	/* "dir/" is a directory */
		buf[--n] = '\0';
		is_dir = 1;
	}

	/* Each directory above path, top first, then path itself. */
	r = 0;
	for (s = buf; r == 0; s = end + 1) {
		end = strchr(s, '/');
		if (end != NULL)
			*end = '\0';
		dir = end != NULL || is_dir;
		subject = anchored ? buf : s;
		if (dir || !dironly)
			r = glob_match(pat, subject, flags);
		if (end == NULL)
			break;
		*end = '/';
	}
	free(buf);
	free(pat);
	return r;
}

const char *
glob_last_slash(const char *pattern)
{
	uchar *p, *last;

	/* the pattern as match() reads it; where a class ends is bracket()'s */
	for (p = (uchar *)pattern, last = NULL; *p != '\0'; p++) {
		if (*p == '[') {
			if (bracket(&p, 0, 0) < 0)
				return NULL;
			continue;
		}
		if (*p == '\\' && *++p == '\0')
			return NULL;	/* a final '\' matches nothing */
		if (*p == '/')
			last = p;
	}
	return (const char *)last;
}

char *
glob_quote(const char *s, size_t n)
{
	char *q, *p;
	size_t i;

	p = q = xmalloc(n * 2 + 1);
	for (i = 0; i < n; i++) {
		if (s[i] == '*' || s[i] == '?' || s[i] == '[' || s[i] == ']' ||
		    s[i] == '\\')
			*p++ = '\\';
		*p++ = s[i];
	}
	*p = '\0';
	return q;
}
