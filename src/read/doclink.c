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
static int	 names_project(const char *, size_t, const char *, size_t,
		    const struct strvec *);
static int	 version_part(const char *, size_t);
static size_t	 path_parts(const char *, size_t, const char **, size_t *);
static void	 push_tail_dir(struct strvec *, const char *, const char *);
static void	 push_tail_pages(const char *, struct strvec *);
static size_t	 site_parts(const char *, size_t, const char **, size_t *,
		    size_t *);
static void	 site_pages(const char *, size_t, struct strvec *);
static int	 page_rank(const char *, size_t *);
static int	 tail_is(const char *, size_t, const char *, size_t);
static int	 page_names(const char *, size_t, const char *, size_t);
static void	 push_matches(const struct strvec *, const char *, size_t,
		    struct strvec *);
static void	 suffix_pages(const char *, size_t, const struct strvec *,
		    struct strvec *);
static int	 declared_host(const struct strvec *, const char *, size_t,
		    const char *, size_t, size_t *);
static enum doclink_kind github_link(const char *, size_t, struct strvec *);

static const char *const doc_roots[] = {
	"docs", "doc", "docs/source", "doc/source", "docs/src", NULL
};

/* The sources of a page, in the order they are preferred. */
static const struct {
	const char	*ext;
	int		 rank;
} page_exts[] = {
	{ ".md", 0 }, { ".markdown", 0 }, { ".mdx", 0 }, { ".rst", 1 },
	{ ".ipynb", 2 }, { NULL, 0 }
};

#define SUFFIX_MATCHES	8	/* pages pushed for one path suffix */

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

/*
 * Letters and digits of s[0..n) in lower case, at most cap - 1 of them,
 * into out: "Pytorch-Metric_Learning" is "pytorchmetriclearning".
 */
static size_t
squash(const char *s, size_t n, char *out, size_t cap)
{
	size_t i, k;

	for (i = k = 0; i < n && k + 1 < cap; i++)
		if (ascii_isalnum((unsigned char)s[i]))
			out[k++] = (char)ascii_tolower((unsigned char)s[i]);
	out[k] = '\0';
	return k;
}

/* Whether a squashed part and a squashed name contain one the other. */
static int
part_names(const char *part, size_t plen, const char *name, size_t nlen)
{
	if (plen < 3 || nlen < 3)
		return 0;
	return plen >= nlen ? strstr(part, name) != NULL :
	    strstr(name, part) != NULL;
}

/*
 * Does a label of host[0..hlen) or the first part of path[0..len) name
 * one of the project's names ("flairnlp.github.io" and flair,
 * "kevinmusgrave.github.io/pytorch-metric-learning")? The hosting words
 * (docs, github, readthedocs, io ...) name nothing.
 */
static int
names_project(const char *host, size_t hlen, const char *path, size_t len,
    const struct strvec *names)
{
	static const char *const hosting[] = { "docs", "doc", "www", "github",
	    "readthedocs", "io", "org", "com", "net", "hosted", NULL };
	char part[128], name[128];
	const char *p, *end;
	size_t i, j, k, plen, nlen;

	if (names == NULL)
		return 0;
	for (p = host, end = host + hlen; p <= end; p += k + 1) {
		k = (size_t)((memchr(p, '.', (size_t)(end - p)) != NULL ?
		    (const char *)memchr(p, '.', (size_t)(end - p)) : end) - p);
		plen = squash(p, k, part, sizeof(part));
		for (j = 0; hosting[j] != NULL && strcmp(part, hosting[j]) != 0;
		    j++)
			;
		for (i = 0; hosting[j] == NULL && i < names->n; i++) {
			nlen = squash(names->v[i], strlen(names->v[i]), name,
			    sizeof(name));
			if (part_names(part, plen, name, nlen))
				return 1;
		}
	}
	while (len > 0 && *path == '/')
		path++, len--;
	plen = squash(path, strcspn(path, "/#?") < len ? strcspn(path, "/#?") :
	    len, part, sizeof(part));
	for (i = 0; i < names->n; i++) {
		nlen = squash(names->v[i], strlen(names->v[i]), name,
		    sizeof(name));
		if (part_names(part, plen, name, nlen))
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
 * The parts of a site path[0..len) that name a page: those after any
 * language or version, the page's extension dropped and "index" taken
 * for its directory. Returns their number; *start is the first.
 */
static size_t
site_parts(const char *path, size_t len, const char **part, size_t *plen,
    size_t *start)
{
	const char *dot;
	size_t np, i;

	np = path_parts(path, len, part, plen);
	*start = 0;
	for (i = 0; i < np; i++)
		if (version_part(part[i], plen[i]))
			*start = i + 1;
	if (np > *start) {
		dot = memchr(part[np - 1], '.', plen[np - 1]);
		if (dot != NULL)
			plen[np - 1] = (size_t)(dot - part[np - 1]);
		if (plen[np - 1] == 0 || (plen[np - 1] == 5 &&
		    memcmp(part[np - 1], "index", 5) == 0))
			np--;
	}
	return np;
}

/*
 * The pages under the documentation roots a site path[0..len) may come
 * from: the last two parts after any language or version, then the last.
 */
static void
site_pages(const char *path, size_t len, struct strvec *out)
{
	struct strbuf tail = STRBUF_INIT;
	const char *part[64];
	size_t plen[64], np, start, k;
	int two;

	np = site_parts(path, len, part, plen, &start);
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

/*
 * The rank of path's extension among page_exts (-1: no page) and in
 * *stem the length of path without it.
 */
static int
page_rank(const char *path, size_t *stem)
{
	size_t i, n, len;

	len = strlen(path);
	for (i = 0; page_exts[i].ext != NULL; i++) {
		n = strlen(page_exts[i].ext);
		if (len > n && ascii_eq_lower(path + len - n, page_exts[i].ext,
		    n) && path[len - n - 1] != '/') {
			*stem = len - n;
			return page_exts[i].rank;
		}
	}
	return -1;
}

/* Does stem[0..n) end with "/" and tail[0..tlen) (ASCII case ignored)? */
static int
tail_is(const char *stem, size_t n, const char *tail, size_t tlen)
{
	size_t i;

	if (tlen == 0 || n <= tlen || stem[n - tlen - 1] != '/')
		return 0;
	for (i = 0; i < tlen; i++)
		if (ascii_tolower((unsigned char)stem[n - tlen + i]) !=
		    ascii_tolower((unsigned char)tail[i]))
			return 0;
	return 1;
}

/*
 * Is a page (stem[0..n), its extension dropped) the source of the site
 * path tail: ".../tail" (1), ".../tail/index" (2) or ".../tail/README"
 * (3), the page of its directory? An empty tail (the site's root) is any
 * index. 0: it is not.
 */
static int
page_names(const char *stem, size_t n, const char *tail, size_t tlen)
{
	const char *base;
	size_t bn;
	int kind;

	if (tail_is(stem, n, tail, tlen))
		return 1;
	base = stem + n;
	while (base > stem && base[-1] != '/')
		base--;
	bn = (size_t)(stem + n - base);
	if (bn == 5 && ascii_eq_lower(base, "index", 5))
		kind = 2;
	else if (bn == 6 && ascii_eq_lower(base, "readme", 6))
		kind = 3;
	else
		return 0;
	if (base == stem)
		return 0;
	return tlen == 0 || tail_is(stem, (size_t)(base - 1 - stem), tail,
	    tlen) ? kind : 0;
}

/*
 * Push the pages that are the source of tail: the page named so before
 * a directory's index before its README (a docs/README.md tells how to
 * build the docs), then the shallowest first and, at one depth,
 * Markdown before reST before notebooks.
 */
static void
push_matches(const struct strvec *pages, const char *tail, size_t tlen,
    struct strvec *out)
{
	size_t best[SUFFIX_MATCHES], key[SUFFIX_MATCHES], nb, i, k, stem, d;
	const char *p;
	int rank, kind;

	for (nb = 0, i = 0; i < pages->n; i++) {
		if ((rank = page_rank(pages->v[i], &stem)) < 0 ||
		    (kind = page_names(pages->v[i], stem, tail, tlen)) == 0)
			continue;
		for (d = 0, p = pages->v[i]; (p = strchr(p, '/')) != NULL; p++)
			d++;
		d = (size_t)kind * 4096 + d * 4 + (size_t)rank;
		/* insertion into the few best kept */
		for (k = nb; k > 0 && key[k - 1] > d; k--)
			if (k < SUFFIX_MATCHES) {
				best[k] = best[k - 1];
				key[k] = key[k - 1];
			}
		if (k < SUFFIX_MATCHES) {
			best[k] = i;
			key[k] = d;
			if (nb < SUFFIX_MATCHES)
				nb++;
		}
	}
	for (k = 0; k < nb; k++)
		if (!strvec_has(out, pages->v[best[k]]))
			strvec_push(out, pages->v[best[k]]);
}

/*
 * The pages of the docs tree a site path[0..len) may come from, at any
 * depth: every suffix of its parts, the longest first (".../a/b/" is
 * docs/ ** /a/b.md or docs/ ** /a/b/index.md, then ** /b.md).
 */
static void
suffix_pages(const char *path, size_t len, const struct strvec *pages,
    struct strvec *out)
{
	struct strbuf tail = STRBUF_INIT;
	const char *part[64];
	size_t plen[64], np, start, k, i;

	np = site_parts(path, len, part, plen, &start);
	if (np == start) {
		push_matches(pages, "", 0, out);
		return;
	}
	for (k = start; k < np; k++) {
		strbuf_reset(&tail);
		for (i = k; i < np; i++)
			strbuf_addf(&tail, "%s%.*s", tail.len ? "/" : "",
			    (int)plen[i], part[i]);
		push_matches(pages, tail.buf, tail.len, out);
	}
	strbuf_release(&tail);
}

/*
 * Is host[0..hlen) one the project declares ("HOST" or "HOST/BASE", see
 * doclink_host_of())? *skip gets the length of path[0..len) its base
 * takes, 0 when the link's path does not start with it.
 */
static int
declared_host(const struct strvec *hosts, const char *host, size_t hlen,
    const char *path, size_t len, size_t *skip)
{
	const char *h, *base;
	size_t i, n, bn;

	*skip = 0;
	if (hosts == NULL)
		return 0;
	if (hlen > 4 && ascii_eq_lower(host, "www.", 4)) {
		host += 4;
		hlen -= 4;
	}
	for (i = 0; i < hosts->n; i++) {
		h = hosts->v[i];
		n = strcspn(h, "/");
		if (n != hlen || !ascii_eq_lower(host, h, n))
			continue;
		base = h + n;
		bn = strlen(base);
		if (bn > 0 && len >= bn && memcmp(path, base, bn) == 0 &&
		    (len == bn || path[bn] == '/'))
			*skip = bn;
		return 1;
	}
	return 0;
}

/* A link to GitHub, path[0..len) after the host: /OWNER/REPO/blob/REF/PATH */
static enum doclink_kind
github_link(const char *path, size_t len, struct strvec *out)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p;
	size_t n;
	int i;

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

enum doclink_kind
doclink_candidates(const char *from, const char *dest, struct strvec *out)
{
	return doclink_resolve(from, dest, NULL, out);
}

enum doclink_kind
doclink_resolve(const char *from, const char *dest,
    const struct doclink_site *site, struct strvec *out)
{
	struct strbuf sb = STRBUF_INIT;
	const char *host, *path;
	size_t len, hlen, skip;
	int own;

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
	if (hlen == 10 && ascii_eq_lower(host, "github.com", 10))
		return github_link(path, len, out);
	own = declared_host(site != NULL ? site->hosts : NULL, host, hlen,
	    path, len, &skip);
	if (!own && !site_host(host, hlen))
		return DOCLINK_NONE;
	if (site != NULL && site->pages != NULL && (own ||
	    names_project(host, hlen, path, len, site->names)))
		suffix_pages(path + skip, len - skip, site->pages, out);
	site_pages(path + skip, len - skip, out);
	return DOCLINK_SITE;
}

int
doclink_page_source(const char *path)
{
	size_t stem;

	return page_rank(path, &stem) >= 0;
}

char *
doclink_host_of(const char *url, size_t len)
{
	struct strbuf sb = STRBUF_INIT;
	const char *host;
	size_t hlen, i, plen;

	if (len >= 8 && ascii_eq_lower(url, "https://", 8))
		host = url + 8;
	else if (len >= 7 && ascii_eq_lower(url, "http://", 7))
		host = url + 7;
	else
		host = url;
	len -= (size_t)(host - url);
	for (hlen = 0; hlen < len && host[hlen] != '/' && host[hlen] != '?' &&
	    host[hlen] != '#'; hlen++)
		if (!(ascii_isalnum((unsigned char)host[hlen]) ||
		    host[hlen] == '.' || host[hlen] == '-'))
			return NULL;
	if (hlen > 4 && ascii_eq_lower(host, "www.", 4)) {
		host += 4;
		hlen -= 4;
		len -= 4;
	}
	if (hlen < 3 || memchr(host, '.', hlen) == NULL || host[0] == '.' ||
	    host[hlen - 1] == '.')
		return NULL;
	for (i = 0; i < hlen; i++)
		strbuf_addch(&sb, ascii_tolower((unsigned char)host[i]));
	for (plen = 0; hlen + plen < len && host[hlen + plen] != '?' &&
	    host[hlen + plen] != '#'; plen++)
		;
	while (plen > 0 && host[hlen + plen - 1] == '/')
		plen--;
	strbuf_add(&sb, host + hlen, plen);
	return strbuf_detach(&sb, NULL);
}
