/*
 * doclink.h: the files of the repository a link of one of its documents
 * may point at: a relative link, a link to a file on GitHub
 * (github.com/OWNER/REPO/blob/REF/PATH), or a page of a documentation site
 * (Read the Docs, GitHub Pages, a docs.* host, or a host the project
 * declares itself) whose source is a page under docs/ or doc/: at any
 * depth, named by a suffix of the URL's path (the longest first), or at
 * the usual roots by its last one or two parts.
 */
#ifndef EC_DOCLINK_H
#define EC_DOCLINK_H

struct strvec;

enum doclink_kind {
	DOCLINK_NONE,		/* an anchor, mail, or another site */
	DOCLINK_RELATIVE,
	DOCLINK_GITHUB,
	DOCLINK_SITE
};

/*
 * Push onto out the repository paths the link dest of the file from may
 * name, the likeliest first (a directory's README.md and index pages
 * after it); none for a path that leaves the repository.
 */
enum doclink_kind doclink_candidates(const char *, const char *,
		    struct strvec *);

/*
 * What a repository tells of its own documentation site, gathered by the
 * caller: the hosts it declares (doclink_host_of() of mkdocs.yml's
 * site_url, a CNAME, Sphinx's html_baseurl), and the pages of its docs
 * tree (its doclink_page_source() files, in path order). Either may be NULL.
 */
struct doclink_site {
	const struct strvec	*hosts;
	const struct strvec	*pages;
	const struct strvec	*names;	/* the project's: its package names,
					   its directory's; may be NULL */
};

/*
 * doclink_candidates() knowing the site: a link to a declared host is a
 * site link (its base path dropped), and a site link first names the
 * pages whose path ends with a suffix of its path, the longest suffix
 * first, at one suffix the shallowest page first (".../a/b/" or
 * ".../a/b.html" is docs/ ** /a/b.md, a/b.rst, a/b.ipynb or
 * a/b/index.md), then doclink_candidates()' own. On a host no file
 * declares (any *.github.io, *.readthedocs.io, docs.*), the pages at any
 * depth are named only when the host or the path's first part names the
 * project (site->names): another project's site can name a page of ours
 * by chance.
 */
enum doclink_kind doclink_resolve(const char *, const char *,
		    const struct doclink_site *, struct strvec *);

/* Is path the source of a page: Markdown, reST, a notebook? */
int	 doclink_page_source(const char *);

/*
 * The host a URL (or a bare host name, as a CNAME holds) names, in lower
 * case without "www.", with its path when it has one ("demo.org/docs"),
 * allocated; NULL when url[0..len) names no host.
 */
char	*doclink_host_of(const char *, size_t);

#endif
