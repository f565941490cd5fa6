/* doclink.c: where in the repository a link of a document points. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "read/doclink.h"
#include "strbuf.h"
#include "xalloc.h"

static int	 relative_path(const char *, const char *, size_t,
		    struct strbuf *);
static void	 push_dir_pages(struct strvec *, const char *);
static int	 site_host(const char *, size_t);
static int	 version_part(const char *, size_t);
static size_t	 path_parts(const char *, size_t, const char **, size_t *);
static void	 push_tail_dir(struct strvec *, const char *, const char *);
static void	 push_tail_pages(const char *, struct strvec *);
static void	 site_pages(const char *, size_t, struct strvec *);

static const char *const doc_roots[] = {
	"docs", "doc", "docs/source", "doc/source", "docs/src", NULL
};

/*
 * The path a link dest[0..len) of file from names, normalised; -1 when it
 * leaves the repository or names nothing.
 */
static int
relative_path(const char *from, const char *dest, size_t len,
    struct strbuf *sb)
{
	const char *slash, *p, *end;
	size_t n;

	strbuf_reset(sb);
	end = dest + len;
	if (*dest == '/')
		dest++;
	else if (from != NULL && (slash = strrchr(from, '/')) != NULL)
		strbuf_add(sb, from, (size_t)(slash - from + 1));
	for (p = dest; p < end; ) {
		n = (size_t)(end - p);
		if (memchr(p, '/', n) != NULL)
			n = (size_t)((const char *)memchr(p, '/', n) - p);
		if (n == 0 || (n == 1 && *p == '.')) {
			/* nothing */
		} else if (n == 2 && p[0] == '.' && p[1] == '.') {
			if (sb->len == 0)
				return -1;
			strbuf_setlen(sb, sb->len - 1);
			while (sb->len > 0 && sb->buf[sb->len - 1] != '/')
				strbuf_setlen(sb, sb->len - 1);
		} else {
			strbuf_add(sb, p, n);
			strbuf_addch(sb, '/');
		}
		p += n + (p + n < end);
	}
	if (sb->len == 0)
		return -1;
	strbuf_setlen(sb, sb->len - 1);
	return 0;
}

/* A path, and when its last part has no extension its index pages. */
static void
push_dir_pages(struct strvec *out, const char *path)
{
	const char *base;

	strvec_push(out, path);
	base = strrchr(path, '/');
	base = base != NULL ? base + 1 : path;
	if (strchr(base, '.') != NULL)
		return;
	strvec_push_nodup(out, xasprintf("%s/README.md", path));
	strvec_push_nodup(out, xasprintf("%s/index.md", path));
	strvec_push_nodup(out, xasprintf("%s/index.rst", path));
}

/* Is host[0..len) a documentation site? */
static int
site_host(const char *host, size_t len)
{
	static const char *const ends[] = {
		".readthedocs.io", ".readthedocs.org",
		".readthedocs-hosted.com", ".github.io", NULL
	};
	size_t i, n;

	if (len > 5 && ascii_eq_lower(host, "docs.", 5))
		return 1;
	for (i = 0; ends[i] != NULL; i++) {
		n = strlen(ends[i]);
		if (len > n && ascii_eq_lower(host + len - n, ends[i], n))
			return 1;
	}
	return 0;
}

/* A part of a docs URL that names a language or version: en, latest, v2.1. */
static int
version_part(const char *p, size_t n)
{
	static const char *const names[] = {
		"latest", "stable", "main", "master", "dev", "develop", NULL
	};
	size_t i;

	if (n == 2 && p[0] >= 'a' && p[0] <= 'z' && p[1] >= 'a' &&
	    p[1] <= 'z')
		return 1;
	for (i = 0; names[i] != NULL; i++)
		if (strlen(names[i]) == n && memcmp(p, names[i], n) == 0)
			return 1;
	i = (n > 0 && (p[0] == 'v' || p[0] == 'V')) ? 1 : 0;
	if (i == n || !(p[i] >= '0' && p[i] <= '9'))
		return 0;
	for (; i < n; i++)
		if (!((p[i] >= '0' && p[i] <= '9') || p[i] == '.'))
			return 0;
	return 1;
}

/*
 * Split path into its non-empty parts (64 at most); returns their
 * number.
 */
static size_t
path_parts(const char *path, size_t len, const char **part, size_t *plen)
{
	const char *p, *end;
	size_t np, n;

	np = 0;
	end = path + len;
	for (p = path; p < end && np < 64; ) {
		n = strcspn(p, "/");
		if (p + n > end)
			n = (size_t)(end - p);
		if (n > 0) {
			part[np] = p;
			plen[np++] = n;
		}
		p += n + 1;
	}
	return np;
}

/* Push the pages of directory root/tail (push_dir_pages()). */
static void
push_tail_dir(struct strvec *out, const char *root, const char *tail)
{
	char *dir;

	dir = xasprintf("%s/%s", root, tail);
	push_dir_pages(out, dir);
	free(dir);
}

/* Push the pages of every documentation root a site path tail names. */
static void
push_tail_pages(const char *tail, struct strvec *out)
{
	size_t r;

	for (r = 0; doc_roots[r] != NULL; r++) {
		if (*tail == '\0') {
			strvec_push_nodup(out, xasprintf("%s/index.md",
			    doc_roots[r]));
			strvec_push_nodup(out, xasprintf("%s/index.rst",
			    doc_roots[r]));
			continue;
		}
		strvec_push_nodup(out, xasprintf("%s/%s.md", doc_roots[r], tail));
		strvec_push_nodup(out, xasprintf("%s/%s.rst", doc_roots[r],
		    tail));
		push_tail_dir(out, doc_roots[r], tail);
	}
}

/*
 * The pages under the documentation roots a site path[0..len) may come
 * from: the last two parts after any language or version, then the last.
 */
static void
site_pages(const char *path, size_t len, struct strvec *out)
{
	struct strbuf tail = STRBUF_INIT;
	const char *part[64], *dot;
	size_t plen[64], np, i, start, k;
	int two;

	np = path_parts(path, len, part, plen);
	start = 0;
	for (i = 0; i < np; i++)
		if (version_part(part[i], plen[i]))
			start = i + 1;
	if (np > start) {
		/* the page's extension; "index" is its directory */
		dot = memchr(part[np - 1], '.', plen[np - 1]);
		if (dot != NULL)
			plen[np - 1] = (size_t)(dot - part[np - 1]);
		if (plen[np - 1] == 0 || (plen[np - 1] == 5 &&
		    memcmp(part[np - 1], "index", 5) == 0))
			np--;
	}
	for (two = np - start >= 2 ? 2 : (int)(np - start); two >= 0; two--) {
		strbuf_reset(&tail);
		for (k = np - (size_t)two; k < np; k++)
			strbuf_addf(&tail, "%s%.*s", tail.len ? "/" : "",
			    (int)plen[k], part[k]);
		push_tail_pages(tail.buf, out);
		if (tail.len == 0 || two == 1)
			break;
	}
	strbuf_release(&tail);
}

enum doclink_kind
doclink_candidates(const char *from, const char *dest, struct strvec *out)
{
	struct strbuf sb = STRBUF_INIT;
	const char *host, *path, *p;
	size_t len, hlen, n;
	int i;

	len = strcspn(dest, "#?");
	if (len == 0 || ascii_eq_lower(dest, "mailto:", 7))
		return DOCLINK_NONE;
	if (memchr(dest, ':', len) == NULL) {
		if (relative_path(from, dest, len, &sb) == 0)
			push_dir_pages(out, sb.buf);
		strbuf_release(&sb);
		return DOCLINK_RELATIVE;
	}
	if (ascii_eq_lower(dest, "https://", 8))
		host = dest + 8;
	else if (ascii_eq_lower(dest, "http://", 7))
		host = dest + 7;
	else
		return DOCLINK_NONE;
	hlen = strcspn(host, "/#?");
	path = host + hlen;
	len -= (size_t)(path - dest);
	if (hlen == 10 && ascii_eq_lower(host, "github.com", 10)) {
		/* /OWNER/REPO/blob/REF/PATH */
		p = path;
		for (i = 0; i < 4; i++) {
			if (*p != '/')
				return DOCLINK_NONE;
			n = strcspn(p + 1, "/#?");
			if (i == 2 && !((n == 4 && (memcmp(p + 1, "blob", 4) == 0 ||
			    memcmp(p + 1, "tree", 4) == 0)) ||
			    (n == 3 && memcmp(p + 1, "raw", 3) == 0)))
				return DOCLINK_NONE;
			p += n + 1;
		}
		if (*p != '/')
			return DOCLINK_NONE;
		len -= (size_t)(p - path);
		if (relative_path(NULL, p + 1, len - 1, &sb) == 0)
			push_dir_pages(out, sb.buf);
		strbuf_release(&sb);
		return DOCLINK_GITHUB;
	}
	if (!site_host(host, hlen))
		return DOCLINK_NONE;
	site_pages(path, len, out);
	return DOCLINK_SITE;
}
