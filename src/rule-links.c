/*
 * rule-links.c: the "links" rule type: the relative links of the
 * project's Markdown pages (the README, CONTRIBUTING, the pages under
 * docs/) point at a path the tree holds, as repolinter's
 * file-no-broken-links asks, offline: no URL is fetched, only links
 * without a scheme are judged. A link is resolved as GitHub resolves it:
 * from the page's directory, or from the root when it starts with '/';
 * its "#fragment" and "?query" are dropped, %XX escapes decoded. A
 * directory counts. A link to a page that a documentation build makes
 * ("api.html" beside "api.md" or "api.rst") counts too.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1		/* memmem */
#endif
#include "config.h"

#include <string.h>

#include "ascii.h"
#include "ctx.h"
#include "finding.h"
#include "read/markdown.h"
#include "regex.h"
#include "rules.h"
#include "ruleset.h"
#include "strbuf.h"
#include "text.h"
#include "tree.h"
#include "xalloc.h"

#define PAGE_MAX	(4 * 1024 * 1024)	/* bytes of a page read */
#define SHOW_MAX	3
#define EVIDENCE_MAX	100

static int	 links_check(const struct rule *, struct check_ctx *,
		    struct finding *);

static const struct rule_key_spec links_keys[] = {
	{ "file", KEY_WORDS,
	    .doc = "pages whose links are checked (globs; default README.md, "
	    "CONTRIBUTING.md and docs/**/*.md)" },
	{ .name = NULL }
};

const struct rule_type rule_links = {
	.name = "links",
	.summary = "relative links in the project's pages point at files "
	    "that exist",
	.keys = links_keys,
	.check = links_check,
};

struct links_arg {
	struct check_ctx	*ctx;
	struct finding_places	 broken;
	size_t			 pages, links;
	const struct tree_entry	*unread;	/* a page not read */
	size_t			 nunread;
	const char		*unsure;	/* a directory not listed */
};

/* The directory the working tree could not list that holds path. */
static const char *
unlisted(const struct tree *t, const char *path)
{
	const char *d;
	size_t i, n;

	for (i = 0; (d = tree_unreadable(t, i)) != NULL; i++) {
		n = strlen(d);
		if (n == 0 || (strncmp(path, d, n) == 0 &&
		    (path[n] == '/' || path[n] == '\0')))
			return d;
	}
	return NULL;
}

/* Whether the link names a scheme, a host or only a fragment: not ours. */
static int
external(const char *s)
{
	const char *p;

	if (*s == '#' || *s == '\0' || strncmp(s, "//", 2) == 0 ||
	    strstr(s, "{{") != NULL || strstr(s, "${") != NULL)
		return 1;
	for (p = s; *p != '\0' && strchr("/?#", *p) == NULL; p++)
		if (*p == ':')
			return 1;	/* https:, mailto:, data: ... */
	return 0;
}

/*
 * The path in the tree that link on page names, in out (no trailing
 * '/'): 0, or -1 when it climbs above the root, where GitHub's own
 * pages are (a page at the root linking to ../../wiki).
 */
static int
resolve(const char *page, const char *link, struct strbuf *out)
{
	struct strbuf raw = STRBUF_INIT;
	const char *p, *seg, *slash;
	size_t n;
	int rc = 0;

	if (*link != '/' && (slash = strrchr(page, '/')) != NULL)
		strbuf_addf(&raw, "%.*s/", (int)(slash - page), page);
	for (p = link; *p != '\0' && *p != '#' && *p != '?'; p++) {
		if (*p == '%' && ascii_hexval(p[1]) >= 0 && ascii_hexval(p[2]) >= 0) {
			strbuf_addch(&raw, (char)(ascii_hexval(p[1]) * 16 +
			    ascii_hexval(p[2])));
			p += 2;
		} else
			strbuf_addch(&raw, *p);
	}
	strbuf_reset(out);
	for (seg = raw.buf; *seg != '\0' && rc == 0; seg += n + (seg[n] ==
	    '/')) {
		n = strcspn(seg, "/");
		if (n == 0 || (n == 1 && seg[0] == '.'))
			continue;
		if (n == 2 && seg[0] == '.' && seg[1] == '.') {
			if (out->len == 0)
				rc = -1;
			while (out->len > 0 && out->buf[out->len - 1] != '/')
				out->len--;
			if (out->len > 0)
				out->len--;
			out->buf[out->len] = '\0';
			continue;
		}
		if (out->len > 0)
			strbuf_addch(out, '/');
		strbuf_add(out, seg, n);
	}
	strbuf_release(&raw);
	return rc;
}

/* Whether a directory above path is a submodule, whose files are not listed. */
static int
in_submodule(const struct tree *t, const char *path)
{
	struct strbuf sb = STRBUF_INIT;
	const struct tree_entry *e;
	const char *p;
	int found = 0;

	for (p = strchr(path, '/'); p != NULL && !found; p = strchr(p + 1, '/')) {
		strbuf_reset(&sb);
		strbuf_add(&sb, path, (size_t)(p - path));
		found = (e = tree_lookup(t, sb.buf, 0)) != NULL &&
		    e->mode == TREE_MODE_SUBMODULE;
	}
	strbuf_release(&sb);
	return found;
}

/* Whether path is in the tree: an entry, a directory, or a built page. */
static int
exists(const struct tree *t, const char *path)
{
	static const char *const sources[] = { ".md", ".rst", ".ipynb",
	    NULL };
	struct strbuf sb = STRBUF_INIT;
	const char *dot;
	size_t i;
	int found;

	if (*path == '\0' || tree_lookup(t, path, 0) != NULL ||
	    tree_count_under(t, path) > 0 || in_submodule(t, path))
		return 1;
	dot = strrchr(path, '.');
	if (dot != NULL && strchr(dot, '/') != NULL)
		dot = NULL;
	/* the page a documentation build makes of a source, or names */
	if (dot == NULL)
		dot = path + strlen(path);
	else if (strcmp(dot, ".html") != 0 && strcmp(dot, ".htm") != 0)
		return 0;
	found = 0;
	for (i = 0; sources[i] != NULL && !found; i++) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%.*s%s", (int)(dot - path), path,
		    sources[i]);
		found = tree_lookup(t, sb.buf, 0) != NULL;
	}
	strbuf_release(&sb);
	return found;
}

/* The line of the first place text has s (of n bytes), or 0. */
static int
line_of(const char *text, size_t len, const char *s, size_t n)
{
	const char *at;

	if (n == 0 || (at = memmem(text, len, s, n)) == NULL)
		return 0;
	return text_line_of(text, (size_t)(at - text));
}

/*
 * The line of link in the page's text: where a Markdown link or an HTML
 * attribute opens with it, else where it first shows; 0 when nowhere.
 */
static int
line_of_link(const char *text, size_t len, const char *link)
{
	static const char *const opens[] = { "](", "(", "href=\"", "src=\"",
	    "<", NULL };
	struct strbuf sb = STRBUF_INIT;
	size_t i;
	int line = 0;

	for (i = 0; opens[i] != NULL && line == 0; i++) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s%s", opens[i], link);
		line = line_of(text, len, sb.buf, sb.len);
	}
	strbuf_release(&sb);
	return line > 0 ? line : line_of(text, len, link, strlen(link));
}

/* Whether the page declares link as a MyST target: "(link)=". */
static int
myst_target(const char *text, size_t len, const char *link)
{
	struct strbuf sb = STRBUF_INIT;
	int found;

	strbuf_addf(&sb, "(%s)=", link);
	found = strchr(link, '/') == NULL &&
	    memmem(text, len, sb.buf, sb.len) != NULL;
	strbuf_release(&sb);
	return found;
}

static int
page_cb(const struct tree_entry *e, void *arg)
{
	struct links_arg *a = arg;
	struct strbuf path = STRBUF_INIT;
	const struct md_file *mf;
	const char *text, *d;
	size_t i, len;
	int trunc, rc;

	/* a link is judged, and named, by the read judge */
	if (e->mode != TREE_MODE_FILE && e->mode != TREE_MODE_EXEC &&
	    e->mode != TREE_MODE_LINK)
		return 0;
	/* a page deleted from the working tree, or not a file, has no links */
	rc = ctx_read(a->ctx, e, PAGE_MAX, 0, NULL, &text, &len, &trunc);
	if (rc == TREE_EMISSING || rc == TREE_ENOTFILE)
		return 0;
	a->pages++;
	if (rc != 0 || (mf = ctx_document(a->ctx, e, PAGE_MAX, NULL)) == NULL) {
		if (a->nunread++ == 0)
			a->unread = e;
		return 0;
	}
	for (i = 0; i < mf->doc.nlinks; i++) {
		if (external(mf->doc.links[i]))
			continue;
		a->links++;
		/* above the root: GitHub's pages (../../wiki, ../issues) */
		if (resolve(e->path, mf->doc.links[i], &path) == -1 ||
		    exists(ctx_tree(a->ctx), path.buf) ||
		    myst_target(text, len, mf->doc.links[i]))
			continue;
		if ((d = unlisted(ctx_tree(a->ctx), path.buf)) != NULL) {
			a->unsure = d;
			continue;
		}
		finding_places_add(&a->broken, e->path,
		    line_of_link(text, len, mf->doc.links[i]),
		    xasprintf("links to %s, which is not in the repository",
		    mf->doc.links[i]), xstrdup(mf->doc.links[i]));
	}
	strbuf_release(&path);
	return 0;
}

static void
report_broken(const struct links_arg *a, struct finding *f)
{
	size_t n = a->broken.n;

	finding_result(f, RESULT_FAIL, "%zu broken link%s in %zu page%s: ",
	    n, n == 1 ? "" : "s", a->pages, a->pages == 1 ? "" : "s");
	finding_places_say(f, &a->broken, SHOW_MAX, EVIDENCE_MAX);
	finding_fix(f, "point each link at a file or directory the "
	    "repository holds (paths are relative to the page, or to the "
	    "root with a leading '/'), or use the page's full URL");
}

static int
links_check(const struct rule *r, struct check_ctx *ctx, struct finding *f)
{
	static const char *const pages[] = { "README.md", "CONTRIBUTING.md",
	    "docs/**/*.md", NULL };
	const struct rule_key *k;
	struct links_arg a;
	size_t i;

	memset(&a, 0, sizeof(a));
	a.ctx = ctx;
	if ((k = rule_key(r, "file")) != NULL && k->n > 0)
		for (i = 0; i < k->n; i++)
			tree_glob(ctx_tree(ctx), k->v[i].value, 0, page_cb, &a);
	else
		for (i = 0; pages[i] != NULL; i++)
			tree_glob(ctx_tree(ctx), pages[i], 0, page_cb, &a);
	finding_value(f, (long long)a.broken.n);
	if (a.pages == 0)
		finding_result(f, RESULT_SKIP, "no page to check");
	else if (a.broken.n > 0)
		report_broken(&a, f);
	else if (a.nunread > 0)
		/* the read judge's words */
		(void)ctx_document(ctx, a.unread, PAGE_MAX, f);
	else if (a.unsure != NULL)
		finding_result(f, RESULT_UNKNOWN, "a link points into %s/, "
		    "which could not be listed: a person should look",
		    *a.unsure != '\0' ? a.unsure : ".");
	else if (a.links == 0)
		finding_result(f, RESULT_PASS, "no relative link in the %zu "
		    "page%s", a.pages, a.pages == 1 ? "" : "s");
	else
		finding_result(f, RESULT_PASS, "the %zu relative link%s of "
		    "%zu page%s point%s at paths the repository holds",
		    a.links, a.links == 1 ? "" : "s", a.pages,
		    a.pages == 1 ? "" : "s", a.links == 1 ? "s" : "");
	finding_places_release(&a.broken);
	return 0;
}
