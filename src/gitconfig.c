/* gitconfig.c: the include paths of a repository's git config, checked before libgit2 follows them */
#define _XOPEN_SOURCE 700	/* realpath, O_CLOEXEC */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ascii.h"
#include "error.h"
#include "gitconfig.h"
#include "gitfile.h"
#include "strbuf.h"
#include "xalloc.h"

#define INCLUDE_DEPTH_MAX	10	/* libgit2's MAX_INCLUDE_DEPTH */

/* The lines of a config text, as libgit2's parser walks them. */
struct cfgscan {
	const char	*p;
	const char	*end;
	int		 line;		/* of the line last taken */
	size_t		*keys;		/* keys still allowed */
	char		*section;	/* lowercased name [. subsection] */
	struct strbuf	 value;
	int		(*cb)(const char *, const char *, int, void *);
	void		*arg;
};

/* What an include's callback needs. */
struct incarg {
	const char		*file;
	char			*dir;		/* real directory of file */
	const char *const	*roots;
	size_t			 nroots;
	int			 depth;
	size_t			*bytes;		/* still to be read */
	size_t			*keys;		/* still allowed */
};

static int	 is_space(int);
static int	 keychar(int);
static char	*next_line(struct cfgscan *);
static int	 strip_comments(char *, int);
static int	 unescape(struct strbuf *, const char *, int *);
static int	 header(struct cfgscan *, const char *, size_t *);
static int	 scan(const char *, size_t, int (*)(const char *, const char *,
		    int, void *), void *, int *, size_t *);
static int	 variable(struct cfgscan *, char *);
static int	 under(const char *, const char *);
static int	 inside(const char *, const char *const *, size_t);
static char	*normalise(const char *);
static int	 check_include(const char *, const char *, int, void *);
static int	 includes_ok(const char *, struct incarg *, int);

/* git__isspace() */
static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' ||
	    c == '\f' || c == '\r';
}

static int
keychar(int c)
{
	return ascii_isalnum(c) || c == '-';
}

/* The next line, without its newline and cut at a NUL; NULL at the end. */
static char *
next_line(struct cfgscan *cs)
{
	const char *nl;
	size_t n;
	char *s;

	if (cs->p >= cs->end)
		return NULL;
	if ((nl = memchr(cs->p, '\n', (size_t)(cs->end - cs->p))) == NULL)
		nl = cs->end;
	n = (size_t)(nl - cs->p);
	s = xstrndup(cs->p, n);
	cs->p = nl < cs->end ? nl + 1 : nl;
	cs->line++;
	return s;
}

/*
 * Cut a comment (';' or '#' outside quotes, not escaped) and trailing
 * space, as libgit2's strip_comments(); the quotes counted.
 */
static int
strip_comments(char *line, int quotes)
{
	int backslashes;
	char *p;

	backslashes = 0;
	for (p = line; *p != '\0'; p++) {
		if (*p == '"' && (p == line || p[-1] != '\\'))
			quotes++;
		if ((*p == ';' || *p == '#') && quotes % 2 == 0 &&
		    backslashes % 2 == 0) {
			*p = '\0';
			break;
		}
		backslashes = *p == '\\' ? backslashes + 1 : 0;
	}
	while (p > line && is_space((unsigned char)p[-1]))
		p--;
	*p = '\0';
	return quotes;
}

/*
 * Append the value text s, quotes dropped and escapes read; *more is set
 * when it ends in a backslash (the value goes on). -1: a bad escape.
 */
static int
unescape(struct strbuf *out, const char *s, int *more)
{
	static const char from[] = "ntb\"\\", to[] = "\n\t\b\"\\";
	const char *e;

	*more = 0;
	for (; *s != '\0'; s++) {
		if (*s == '"')
			continue;
		if (*s != '\\') {
			strbuf_addch(out, *s);
			continue;
		}
		if (*++s == '\0') {
			*more = 1;
			return 0;
		}
		if ((e = strchr(from, *s)) == NULL)
			return -1;
		strbuf_addch(out, to[e - from]);
	}
	return 0;
}

/*
 * A section header at s: the section it starts, and in *len the bytes it
 * takes (the rest of the line is read on). -1: malformed.
 */
static int
header(struct cfgscan *cs, const char *s, size_t *len)
{
	struct strbuf name = STRBUF_INIT;
	const char *q, *last;
	size_t i;

	if (strrchr(s, ']') == NULL || s[1] == ']')
		return -1;
	for (i = 1; s[i] != ']'; i++) {
		if (is_space((unsigned char)s[i]))
			break;
		if (!keychar((unsigned char)s[i]) && s[i] != '.')
			goto bad;
		strbuf_addch(&name, ascii_tolower((unsigned char)s[i]));
	}
	if (s[i] == ']') {
		*len = i + 1;
		goto done;
	}
	/* [name "subsection"]: escapes read, to the last quote */
	while (is_space((unsigned char)s[i]))
		i++;
	if (s[i] != '"' || (last = strrchr(s, '"')) == s + i)
		goto bad;
	strbuf_addch(&name, '.');
	for (q = s + i + 1; q < last; q++) {
		if (*q == '\\' && *++q == '\0')
			goto bad;
		strbuf_addch(&name, *q);
	}
	if (q != last || q[1] != ']')
		goto bad;
	*len = (size_t)(q + 2 - s);
done:
	free(cs->section);
	cs->section = strbuf_detach(&name, NULL);
	return 0;
bad:
	strbuf_release(&name);
	return -1;
}

/*
 * A "name [= value]" line (with its continuation lines): the include
 * callback for an include key with a value. -1: malformed.
 */
static int
variable(struct cfgscan *cs, char *line)
{
	struct strbuf key = STRBUF_INIT;
	char *p, *next;
	int quotes, more, rc, start;

	start = cs->line;
	quotes = strip_comments(line, 0);
	for (p = line; keychar((unsigned char)*p); p++)
		;
	if (p == line)
		return -1;
	if (*cs->keys == 0)
		return -2;
	--*cs->keys;
	if (cs->section != NULL) {
		strbuf_addstr(&key, cs->section);
		strbuf_addch(&key, '.');
	}
	for (next = line; next < p; next++)
		strbuf_addch(&key, ascii_tolower((unsigned char)*next));
	while (is_space((unsigned char)*p))
		p++;
	if (*p != '=') {
		strbuf_release(&key);
		return *p == '\0' ? 0 : -1;	/* no value: no include */
	}
	for (p++; is_space((unsigned char)*p); p++)
		;
	strbuf_reset(&cs->value);
	rc = unescape(&cs->value, p, &more);
	while (rc == 0 && more && (next = next_line(cs)) != NULL) {
		quotes = strip_comments(next, quotes % 2);
		if (*next != '\0')
			rc = unescape(&cs->value, next, &more);
		free(next);
	}
	if (rc == 0 && (strcmp(key.buf, "include.path") == 0 ||
	    (strncmp(key.buf, "includeif.", 10) == 0 && key.len >= 15 &&
	    strcmp(key.buf + key.len - 5, ".path") == 0)))
		rc = cs->cb(key.buf, cs->value.buf, start, cs->arg) != 0 ?
		    1 : 0;
	strbuf_release(&key);
	return rc;
}

int
gitconfig_scan(const char *text, size_t len,
    int (*cb)(const char *, const char *, int, void *), void *arg,
    int *errline)
{
	size_t keys = GITCONFIG_KEYS_MAX;

	return scan(text, len, cb, arg, errline, &keys);
}

/* gitconfig_scan(), *keys more keys allowed: -2 past them. */
static int
scan(const char *text, size_t len,
    int (*cb)(const char *, const char *, int, void *), void *arg,
    int *errline, size_t *keys)
{
	struct cfgscan cs;
	size_t hl;
	char *line, *s;
	int rc;

	memset(&cs, 0, sizeof(cs));
	cs.keys = keys;
	cs.p = text;
	cs.end = text + len;
	cs.cb = cb;
	cs.arg = arg;
	strbuf_init(&cs.value);
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		cs.p += 3;
	rc = 0;
	while (rc == 0 && (line = next_line(&cs)) != NULL) {
		s = line;
		for (;;) {
			while (is_space((unsigned char)*s))
				s++;
			if (*s == '\0' || *s == ';' || *s == '#')
				break;
			if (*s != '[') {
				rc = variable(&cs, s);
				break;
			}
			if ((rc = header(&cs, s, &hl)) == -1)
				break;
			s += hl;	/* the rest of the line, read on */
		}
		free(line);
	}
	if (rc < 0)
		*errline = cs.line;
	free(cs.section);
	strbuf_release(&cs.value);
	return rc;
}

/* Whether the real path p is the directory root or under it. */
static int
under(const char *p, const char *root)
{
	size_t n;

	n = strlen(root);
	while (n > 1 && root[n - 1] == '/')
		n--;
	return strncmp(p, root, n) == 0 && (p[n] == '\0' || p[n] == '/' ||
	    (n == 1 && root[0] == '/'));
}

static int
inside(const char *p, const char *const *roots, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (roots[i] != NULL && under(p, roots[i]))
			return 1;
	return 0;
}

/* An absolute path with "//", "." and ".." taken out, as text. */
static char *
normalise(const char *abs)
{
	char *out;
	const char *p, *e;
	size_t n, o;

	out = xmalloc(strlen(abs) + 2);
	o = 0;
	for (p = abs; *p != '\0'; p = e) {
		while (*p == '/')
			p++;
		for (e = p; *e != '\0' && *e != '/'; e++)
			;
		n = (size_t)(e - p);
		if (n == 0 || (n == 1 && p[0] == '.'))
			continue;
		if (n == 2 && p[0] == '.' && p[1] == '.') {
			while (o > 0 && out[o - 1] != '/')
				o--;
			if (o > 0)
				o--;
			continue;
		}
		out[o++] = '/';
		memcpy(out + o, p, n);
		o += n;
	}
	if (o == 0)
		out[o++] = '/';
	out[o] = '\0';
	return out;
}

/*
 * An include of the file being checked: refused when it names a path
 * outside the roots (by its text, and by where its links lead), followed
 * when inside.
 */
static int
check_include(const char *key, const char *path, int line, void *arg)
{
	struct incarg *ia = arg;
	char *abs, *norm, *real, *slash;
	int ok, rc;

	if (path[0] == '~' && path[1] == '/')
		return ec_error_at(ia->file, line, "%s names %s, in the home "
		    "directory, outside the repository; refusing to read it",
		    key, path);
	abs = path[0] == '/' ? xstrdup(path) :
	    xasprintf("%s/%s", ia->dir, path);
	norm = normalise(abs);
	free(abs);
	ok = inside(norm, ia->roots, ia->nroots);
	/* a link inside may lead out: where it leads counts */
	if (ok && (real = realpath(norm, NULL)) == NULL &&
	    (slash = strrchr(norm, '/')) != NULL && slash != norm) {
		*slash = '\0';
		real = realpath(norm, NULL);
		*slash = '/';
	}
	if (ok && real != NULL) {
		ok = inside(real, ia->roots, ia->nroots);
		free(real);
	}
	if (!ok) {
		rc = ec_error_at(ia->file, line, "%s names %s, outside the "
		    "repository; refusing to read it", key, path);
		free(norm);
		return rc;
	}
	rc = includes_ok(norm, ia, ia->depth + 1);
	free(norm);
	return rc;
}

/*
 * Read the config file path, and check what it includes (as parent's
 * includes, sharing its budget of bytes and keys: an include named a
 * thousand times, ten deep, is refused, not read a thousand to the tenth).
 */
static int
includes_ok(const char *path, struct incarg *parent, int depth)
{
	struct strbuf sb = STRBUF_INIT;
	struct incarg ia;
	struct gitfile gf;
	char *copy, *slash;
	int rc, errline;

	if (depth >= INCLUDE_DEPTH_MAX)
		return 0;	/* libgit2 stops there, with an error */
	ia = *parent;
	rc = read_small_file(path, 0, *ia.bytes, &sb, &gf);
	if (rc == GITFILE_MISSING)
		rc = 0;
	else if (rc == GITFILE_NOTFILE)
		rc = ec_error("%s: not a regular file; refusing to read it",
		    path);
	else if (rc == GITFILE_TOOBIG)
		rc = ec_error("%s: git configuration larger than %d bytes%s; "
		    "refusing to read it", path, GITCONFIG_BYTES_MAX,
		    depth > 0 ? " with what includes it" : "");
	else if (rc != GITFILE_OK)
		rc = gitfile_error(path, rc, &gf, *ia.bytes);
	else {
		*ia.bytes -= sb.len;
		copy = xstrdup(path);
		if ((slash = strrchr(copy, '/')) != NULL)
			*slash = '\0';
		ia.file = path;
		ia.dir = realpath(slash == copy ? "/" : slash != NULL ? copy :
		    ".", NULL);
		ia.depth = depth;
		free(copy);
		if (ia.dir == NULL)
			rc = ec_error("%s: %s", path, strerror(errno));
		else if ((rc = scan(sb.buf, sb.len, check_include, &ia,
		    &errline, ia.keys)) == -1)
			rc = ec_error_at(path, errline, "cannot be parsed as "
			    "git configuration");
		else if (rc == -2)
			rc = ec_error_at(path, errline, "more than %d keys of "
			    "git configuration%s; refusing to read it",
			    GITCONFIG_KEYS_MAX, depth > 0 ?
			    " with what includes it" : "");
		else if (rc != 0)
			rc = -1;
		free(ia.dir);
	}
	strbuf_release(&sb);
	return rc;
}

int
gitconfig_includes_ok(const char *path, const char *const *roots,
    size_t nroots)
{
	size_t bytes = GITCONFIG_BYTES_MAX, keys = GITCONFIG_KEYS_MAX;
	struct incarg top;

	memset(&top, 0, sizeof(top));
	top.roots = roots;
	top.nroots = nroots;
	top.bytes = &bytes;
	top.keys = &keys;
	return includes_ok(path, &top, 0);
}

/* Count nothing: the keys are what gitconfig_too_big() counts. */
static int
no_include(const char *key, const char *path, int line, void *arg)
{
	(void)key;
	(void)path;
	(void)line;
	(void)arg;
	return 0;
}

int
gitconfig_too_big(const char *path, struct strbuf *why)
{
	struct strbuf sb = STRBUF_INIT;
	size_t keys = GITCONFIG_KEYS_MAX;
	int rc, errline, big;

	big = 0;
	rc = read_small_file(path, 0, GITCONFIG_BYTES_MAX, &sb, NULL);
	if (rc == GITFILE_TOOBIG) {
		strbuf_addf(why, "%s: larger than %d bytes", path,
		    GITCONFIG_BYTES_MAX);
		big = 1;
	} else if (rc == GITFILE_OK && scan(sb.buf, sb.len, no_include, NULL,
	    &errline, &keys) == -2) {
		strbuf_addf(why, "%s: more than %d keys", path,
		    GITCONFIG_KEYS_MAX);
		big = 1;
	}
	strbuf_release(&sb);
	return big;
}
