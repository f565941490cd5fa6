/* unit-glob.c: glob_match (git's wildmatch) and glob_match_path (gitignore lines) */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "glob.h"
#include "tap.h"

#define P	GLOB_PATHNAME
#define I	GLOB_CASEFOLD

static const char *show(const char *, int);
static int	 ref_match(const char *, const char *, const char *);
static void	 random_word(char *, size_t, const char *const *, size_t);
static void	 differential(void);
static void	 deep_path(void);

/* pattern, text, the result with GLOB_PATHNAME, then without. */
static const struct {
	const char	*pattern;
	const char	*text;
	int		 flags;
	int		 want;
} cases[] = {
	/* literals, '?', '*' */
	{ "foo", "foo", P, 1 },
	{ "foo", "fo", P, 0 },
	{ "foo", "foox", P, 0 },
	{ "", "", P, 1 },
	{ "", "a", P, 0 },
	{ "???", "foo", P, 1 },
	{ "??", "foo", P, 0 },
	{ "*", "", P, 1 },
	{ "*", "foo", P, 1 },
	{ "f*", "foo", P, 1 },
	{ "*f", "foo", P, 0 },
	{ "*ob*a*r*", "foobar", P, 1 },
	{ "*ab", "aaaaaaabababab", P, 1 },
	{ "b*a", "aaabbb", P, 0 },
	/* '/' and pathname mode */
	{ "*", "a/b", P, 0 },
	{ "*", "a/b", 0, 1 },
	{ "a?b", "a/b", P, 0 },
	{ "a?b", "a/b", 0, 1 },
	{ "a[/]b", "a/b", P, 0 },
	{ "a[/]b", "a/b", 0, 1 },
	{ "a[!x]b", "a/b", P, 0 },
	{ "*/*", "a/b", P, 1 },
	{ "*/*", "a/b/c", P, 0 },
	{ "*/*", "a/b/c", 0, 1 },
	{ "a/*", "a/", P, 1 },
	{ "*.c", "src/x.c", P, 0 },
	{ "*.c", "src/x.c", 0, 1 },
	/* "**" */
	{ "**", "a/b/c", P, 1 },
	{ "**", "", P, 1 },
	{ "a/**", "a/b/c", P, 1 },
	{ "a/**", "a/", P, 1 },
	{ "a/**", "a", P, 0 },
	{ "a/**", "ab/c", P, 0 },
	{ "**/c", "c", P, 1 },
	{ "**/c", "a/b/c", P, 1 },
	{ "**/c", "a/bc", P, 0 },
	{ "a/**/c", "a/c", P, 1 },
	{ "a/**/c", "a/b/c", P, 1 },
	{ "a/**/c", "a/b/d/c", P, 1 },
	{ "a/**/c", "ab/c", P, 0 },
	{ "a/**/**/c", "a/c", P, 1 },
	{ "a**", "a/b", P, 0 },		/* inside a component: a '*' */
	{ "a**", "abc", P, 1 },
	{ "**b", "a/b", P, 0 },
	{ "a/**b", "a/x/b", P, 0 },
	{ "a/**b", "a/xb", P, 1 },
	{ "a/\\**/b", "a/*/b", P, 1 },	/* a literal '*', then '*' */
	{ "a/\\**/b", "a/*x/y/b", P, 0 },
	{ "**/*.c", "x.c", P, 1 },
	{ "**/*.c", "a/b/x.c", P, 1 },
	{ "**/*.c", "a/b/x.h", P, 0 },
	{ "*/*/*", "foo/bb/aa/rr", P, 0 },
	{ "**/**/**", "foo/bb/aa/rr", P, 1 },
	{ "**/*X*/**/*i", "ab/cXd/efXg/hi", P, 1 },
	{ "*X*i", "ab/cXd/efXg/hi", P, 0 },
	{ "*X*i", "ab/cXd/efXg/hi", 0, 1 },
	/* classes */
	{ "[abc]", "b", P, 1 },
	{ "[abc]", "d", P, 0 },
	{ "[!abc]", "d", P, 1 },
	{ "[^abc]", "a", P, 0 },
	{ "[a-c]x", "bx", P, 1 },
	{ "[a-c]x", "dx", P, 0 },
	{ "[]]", "]", P, 1 },
	{ "[]-]", "-", P, 1 },
	{ "[]a-]", "a", P, 1 },
	{ "[!]-a]", "[", P, 1 },
	{ "[-]", "-", P, 1 },
	{ "[a-]", "-", P, 1 },		/* a '-' before ']' is itself */
	{ "[a-", "-", P, 0 },		/* unclosed */
	{ "[a-e-n]", "-", P, 1 },
	{ "[a-e-n]", "j", P, 0 },
	{ "[\\]]", "]", P, 1 },
	{ "[\\1-\\3]", "2", P, 1 },
	{ "[\\1-\\3]", "4", P, 0 },
	{ "[[-\\]]", "\\", P, 1 },
	{ "[[:alpha:]][[:digit:]][[:upper:]]", "a1B", P, 1 },
	{ "[[:digit:][:upper:][:space:]]", "a", P, 0 },
	{ "[[:digit:][:upper:][:space:]]", " ", P, 1 },
	{ "[[:digit:][:upper:][:spaci:]]", "1", P, 0 },	/* unknown name */
	{ "[[:xdigit:]]", "f", P, 1 },
	{ "[[:xdigit:]]", "g", P, 0 },
	{ "[[:punct:]]", ".", P, 1 },
	{ "[[:punct:]]", "a", P, 0 },
	{ "[[:blank:]]", "\t", P, 1 },
	{ "[[:cntrl:]]", "\n", P, 1 },
	{ "[[:graph:]]", " ", P, 0 },
	{ "[[:print:]]", " ", P, 1 },
	{ "[[:lower:]]", "a", P, 1 },
	{ "[[:alnum:]]", "_", P, 0 },
	{ "[a-c[:digit:]x-z]", "5", P, 1 },
	{ "[a-c[:digit:]x-z]", "y", P, 1 },
	{ "[a-c[:digit:]x-z]", "q", P, 0 },
	{ "[[:]", "[", P, 1 },		/* no ":]": a literal '[' */
	{ "[[:a]", ":", P, 1 },
	{ "ab[", "ab[", P, 0 },		/* unclosed: no match */
	{ "a[]b", "a[]b", P, 0 },
	{ "[!", "ab", P, 0 },
	/* escapes */
	{ "foo\\*", "foo*", P, 1 },
	{ "foo\\*", "foox", P, 0 },
	{ "f\\\\oo", "f\\oo", P, 1 },
	{ "foo\\", "foo\\", P, 0 },	/* a final '\' matches nothing */
	{ "\\[x]", "[x]", P, 1 },
	/* case folding */
	{ "README.md", "readme.MD", P, 0 },
	{ "README.md", "readme.MD", P | I, 1 },
	{ "[A-Z]", "a", P, 0 },
	{ "[A-Z]", "a", P | I, 1 },
	{ "[a-z]", "A", P | I, 1 },
	{ "[[:upper:]]", "a", P | I, 1 },
	{ "[[:lower:]]", "A", P | I, 1 },
	{ "[B-Za]", "A", P | I, 1 },
	{ "[A]", "a", P | I, 1 },
	{ "\\A", "a", P | I, 1 },
	{ "*.MD", "docs/x.md", I, 1 },
	{ "*.MD", "docs/x.md", P | I, 0 },
	/* bytes above ASCII are themselves */
	{ "caf\303\251.*", "caf\303\251.md", P, 1 },
	{ "caf?\251.md", "caf\303\251.md", P, 1 },
	{ "caf\303\251.md", "CAF\303\211.md", P | I, 0 },
	/* backtracking */
	{ "-*-*-*-*-*-*-12-*-*-*-m-*-*-*",
	    "-adobe-courier-bold-o-normal--12-120-75-75-m-70-iso8859-1", P, 1 },
	{ "-*-*-*-*-*-*-12-*-*-*-m-*-*-*",
	    "-adobe-courier-bold-o-normal--12-120-75-75-/-70-iso8859-1", P, 0 },
	{ "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a",
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", P,
	    0 },
};

/* pattern, path, is_dir, flags, result. */
static const struct {
	const char	*pattern;
	const char	*path;
	int		 is_dir;
	int		 flags;
	int		 want;
} paths[] = {
	/* no '/': a name at any depth */
	{ "*.log", "debug.log", 0, 0, 1 },
	{ "*.log", "a/b/debug.log", 0, 0, 1 },
	{ "*.log", "a/b/debug.txt", 0, 0, 0 },
	{ "build", "build", 1, 0, 1 },
	{ "build", "src/build", 0, 0, 1 },
	{ "build", "build/x.o", 0, 0, 1 },	/* a directory covers its files */
	{ "build", "src/build/deep/x.o", 0, 0, 1 },
	{ "build", "builder/x.o", 0, 0, 0 },
	{ "build", "a/prebuild", 0, 0, 0 },
	/* a leading '/' or an inner '/' anchors */
	{ "/build", "build/x.o", 0, 0, 1 },
	{ "/build", "src/build/x.o", 0, 0, 0 },
	{ "/README.md", "README.md", 0, 0, 1 },
	{ "/README.md", "docs/README.md", 0, 0, 0 },
	{ "docs/*.md", "docs/a.md", 0, 0, 1 },
	{ "docs/*.md", "x/docs/a.md", 0, 0, 0 },
	{ "docs/*.md", "docs/sub/a.md", 0, 0, 0 },
	{ "docs/*", "docs/sub/a.md", 0, 0, 1 },	/* docs/sub is a directory */
	{ "src/core", "src/core/a.c", 0, 0, 1 },
	{ "/src/core", "src/core/a.c", 0, 0, 1 },
	/* a final '/': directories only */
	{ "logs/", "logs", 0, 0, 0 },
	{ "logs/", "logs", 1, 0, 1 },
	{ "logs/", "logs/a.txt", 0, 0, 1 },
	{ "logs/", "x/logs/a.txt", 0, 0, 1 },
	{ "logs/", "x/logs", 0, 0, 0 },
	{ "/logs/", "x/logs/a.txt", 0, 0, 0 },
	{ "docs/api/", "docs/api/x.md", 0, 0, 1 },
	{ "docs/api/", "docs/api", 1, 0, 1 },
	{ "nested/", "nested/", 0, 0, 1 },	/* "dir/" is a directory */
	/* "**" */
	{ "**/foo", "foo", 0, 0, 1 },
	{ "**/foo", "a/b/foo", 0, 0, 1 },
	{ "**/foo/bar", "a/foo/bar", 0, 0, 1 },
	{ "abc/**", "abc/x/y", 0, 0, 1 },
	{ "abc/**", "abc", 1, 0, 0 },
	{ "a/**/b", "a/x/y/b", 0, 0, 1 },
	{ "a/**/b", "a/b", 0, 0, 1 },
	/* everything, nothing */
	{ "*", "a/b/c", 0, 0, 1 },
	{ "/", "a", 0, 0, 0 },
	{ "", "a", 0, 0, 0 },
	/* case */
	{ "/DOCS/", "docs/a.md", 0, GLOB_CASEFOLD, 1 },
	{ "/DOCS/", "docs/a.md", 0, 0, 0 },
	{ "*.MD", "docs/a.md", 0, GLOB_CASEFOLD, 1 },
};

/* s with control bytes as \ooo, for a test's name (one of two buffers). */
static const char *
show(const char *s, int which)
{
	static char buf[2][256];
	char *p;

	p = buf[which];
	for (; *s != '\0' && p < buf[which] + sizeof(buf[0]) - 5; s++) {
		if ((unsigned char)*s < 0x20)
			p += snprintf(p, 5, "\\%03o", (unsigned char)*s);
		else
			*p++ = *s;
	}
	*p = '\0';
	return buf[which];
}

/*
 * The slow reference for '?', '*' and "**" in pathname mode, on patterns
 * and texts of 'a', 'b', '/': every split tried, no shortcut.
 */
static int
ref_match(const char *pat, const char *p, const char *t)
{
	const char *q;

	if (*p == '\0')
		return *t == '\0';
	if (*p == '*') {
		for (q = p; *q == '*'; q++)
			;
		if (q - p >= 2 && (p == pat || p[-1] == '/') &&
		    (*q == '\0' || *q == '/')) {
			if (*q == '\0')
				return 1;
			/* No directory, or any text up to a '/'. */
			if (ref_match(pat, q + 1, t))
				return 1;
			for (; *t != '\0'; t++)
				if (*t == '/' && ref_match(pat, q + 1, t + 1))
					return 1;
			return 0;
		}
		for (;; t++) {
			if (ref_match(pat, q, t))
				return 1;
			if (*t == '\0' || *t == '/')
				return 0;
		}
	}
	if (*t == '\0')
		return 0;
	if (*p == '?')
		return *t != '/' && ref_match(pat, p + 1, t + 1);
	return *p == *t && ref_match(pat, p + 1, t + 1);
}

/* Up to max tokens of the list, chosen at random, into buf. */
static void
random_word(char *buf, size_t max, const char *const *tok, size_t ntok)
{
	size_t i, n;

	buf[0] = '\0';
	n = (size_t)rand() % (max + 1);
	for (i = 0; i < n; i++)
		strcat(buf, tok[(size_t)rand() % ntok]);
}

/* glob_match agrees with the reference on random patterns and texts. */
static void
differential(void)
{
	static const char *const ptok[] = {
		"a", "b", "/", "?", "*", "**", "**/", "/**"
	};
	static const char *const ttok[] = { "a", "b", "/" };
	char pat[64], text[64];
	int i, bad;

	srand(10);
	for (i = bad = 0; i < 200000; i++) {
		random_word(pat, 6, ptok, sizeof(ptok) / sizeof(ptok[0]));
		random_word(text, 10, ttok, sizeof(ttok) / sizeof(ttok[0]));
		if (glob_match(pat, text, P) == ref_match(pat, pat, text))
			continue;
		if (bad++ < 5)
			printf("# '%s' '%s': %d, the reference %d\n", pat, text,
			    glob_match(pat, text, P), ref_match(pat, pat, text));
	}
	is_int(bad, 0, "glob_match agrees with every split tried, on "
	    "200000 random patterns and texts");
}

/*
 * A run of "**" on a path 1,000 directories deep takes one try each, not
 * every split (2^24 of them here): an alarm ends a hang.
 */
static void
deep_path(void)
{
	char pat[128], *path;
	size_t i;

	pat[0] = '\0';
	for (i = 0; i < 24; i++)
		strcat(pat, "**/");
	strcat(pat, "zz.md");
	path = malloc(2 * 1000 + 8);
	if (path == NULL)
		return;
	path[0] = '\0';
	for (i = 0; i < 1000; i++)
		strcat(path, "d/");
	strcat(path, "x.md");
	alarm(20);
	is_int(glob_match(pat, path, P), 0, "24 \"**/\" on a 1,000-level "
	    "path, no match: quick");
	strcpy(path + 2 * 1000, "zz.md");
	is_int(glob_match(pat, path, P), 1, "24 \"**/\" on a 1,000-level "
	    "path, a match: quick");
	strcpy(path + 2 * 1000, "zz.mdx");
	is_int(glob_match_path(pat, path, 0, 0), 0, "and as a gitignore "
	    "line: quick");
	alarm(0);
	free(path);
}

/* Where glob_last_slash() finds the last '/' that parts components. */
static void
last_slash(void)
{
	static const struct {
		const char	*pattern;
		int		 at;	/* its offset, or -1 for NULL */
	} slashes[] = {
		{ "a/b/c", 3 }, { "abc", -1 }, { "**/x[/]y", 2 },
		{ "**[/x.y]", -1 }, { "a\\/b", 2 }, { "a/[]/]b", 1 },
		{ "a/[!/]/b", 6 }, { "x/[[:alpha:]/]", 1 }, { "a/[/", -1 },
		{ "a/b\\", -1 }, { "a/[[:nope:]]/b", -1 }, { "a/[\\]/]b", 1 },
	};
	const char *s;
	size_t i;

	for (i = 0; i < sizeof(slashes) / sizeof(slashes[0]); i++) {
		s = glob_last_slash(slashes[i].pattern);
		is_int(s == NULL ? -1 : (int)(s - slashes[i].pattern),
		    slashes[i].at, "glob_last_slash '%s'", slashes[i].pattern);
	}
}

int
main(void)
{
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		is_int(glob_match(cases[i].pattern, cases[i].text,
		    cases[i].flags), cases[i].want, "glob_match '%s' '%s'%s%s",
		    cases[i].pattern, show(cases[i].text, 0),
		    (cases[i].flags & P) ? " pathname" : "",
		    (cases[i].flags & I) ? " icase" : "");
	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++)
		is_int(glob_match_path(paths[i].pattern, paths[i].path,
		    paths[i].is_dir, paths[i].flags), paths[i].want,
		    "glob_match_path '%s' '%s'%s%s", paths[i].pattern,
		    paths[i].path, paths[i].is_dir ? " (dir)" : "",
		    (paths[i].flags & I) ? " icase" : "");
	differential();
	deep_path();
	last_slash();
	return done_testing();
}
