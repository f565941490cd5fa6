/* unit-doclink.c: the repository files a link of a document may name */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/doclink.h"
#include "read/dochost.h"
#include "read/reader.h"
#include "strbuf.h"
#include "tap.h"

static const char *const tree_pages[] = {
	"docs/basics.md", "docs/index.md", "docs/source/index.rst",
	"docs/source/user/tutorials/basics.ipynb",
	"docs/source/user/tutorials/basics.rst",
	"docs/source/user/tutorials/basics.md",
	"docs/deep/er/guides/first/index.md", "docs/x/first.rst", NULL
};

/* The candidates of a link joined by spaces. */
static const char *
cands(const char *from, const char *dest, enum doclink_kind *kind)
{
	static struct strbuf sb = STRBUF_INIT;
	struct strvec v = STRVEC_INIT;
	size_t i;

	strbuf_reset(&sb);
	*kind = doclink_candidates(from, dest, &v);
	for (i = 0; i < v.n; i++)
		strbuf_addf(&sb, "%s%s", i ? " " : "", v.v[i]);
	strvec_clear(&v);
	return sb.buf;
}

/* The project's name in the calls of resolved(). */
static const char *project = "demo";

/* The candidates of a link knowing the site, joined by spaces. */
static const char *
resolved(const char *dest, const char *host, enum doclink_kind *kind)
{
	static struct strbuf sb = STRBUF_INIT;
	struct strvec v = STRVEC_INIT, hosts = STRVEC_INIT, pages = STRVEC_INIT;
	struct strvec names = STRVEC_INIT;
	struct doclink_site site;
	size_t i;

	for (i = 0; tree_pages[i] != NULL; i++)
		strvec_push(&pages, tree_pages[i]);
	if (host != NULL)
		strvec_push(&hosts, host);
	strvec_push(&names, project);
	site.hosts = &hosts;
	site.pages = &pages;
	site.names = &names;
	strbuf_reset(&sb);
	*kind = doclink_resolve("README.md", dest, &site, &v);
	for (i = 0; i < v.n; i++)
		strbuf_addf(&sb, "%s%s", i ? " " : "", v.v[i]);
	strvec_clear(&v);
	strvec_clear(&hosts);
	strvec_clear(&pages);
	strvec_clear(&names);
	return sb.buf;
}

/* What a reader makes of text as the file path: its host, or its root. */
static const char *
declared(const struct reader *rd, const char *path, const char *text,
    int root)
{
	static struct strbuf sb = STRBUF_INIT;
	struct reader_input in = { text, strlen(text), path, 0 };
	struct dochost *d;

	strbuf_reset(&sb);
	if ((d = rd->parse(&in)) == NULL)
		return "(none)";
	strbuf_addstr(&sb, root ? (d->root ? d->root : "") :
	    (d->host ? d->host : ""));
	rd->free(d);
	return sb.buf;
}

static void
test_site(void)
{
	enum doclink_kind k;
	const char *c;
	char *h;

	c = resolved("https://demo.readthedocs.io/en/latest/tutorials/basics/",
	    NULL, &k);
	is_int(k, DOCLINK_SITE, "a Read the Docs link is a site link");
	ok(strncmp(c, "docs/source/user/tutorials/basics.md "
	    "docs/source/user/tutorials/basics.rst "
	    "docs/source/user/tutorials/basics.ipynb docs/basics.md", 120) == 0,
	    "the longest suffix first, at any depth, Markdown before reST "
	    "before notebooks: %s", c);
	c = resolved("https://demo.readthedocs.io/en/latest/guides/first.html",
	    NULL, &k);
	ok(strncmp(c, "docs/deep/er/guides/first/index.md docs/x/first.rst",
	    51) == 0, "a .html page names a directory's index, then the "
	    "shorter suffix: %s", c);
	c = resolved("https://demo.readthedocs.io/", NULL, &k);
	ok(strncmp(c, "docs/index.md docs/source/index.rst", 35) == 0,
	    "the site's root is the shallowest index: %s", c);
	project = "Other-Project";
	c = resolved("https://demo.readthedocs.io/en/latest/tutorials/basics/",
	    NULL, &k);
	ok(strncmp(c, "docs/tutorials/basics.md", 24) == 0,
	    "another project's site: no page at any depth, only the "
	    "suffix's own places: %s", c);
	c = resolved("https://someone.github.io/other-project/tutorials/basics/",
	    NULL, &k);
	ok(strncmp(c, "docs/source/user/tutorials/basics.md", 36) == 0,
	    "a github.io site whose first part names the project: %s", c);
	c = resolved("https://otherprojectnlp.github.io/tutorials/basics/",
	    NULL, &k);
	ok(strncmp(c, "docs/source/user/tutorials/basics.md", 36) == 0,
	    "a host whose label holds the project's name: %s", c);
	project = "demo";
	is_str(resolved("https://demo.example.org/manual/basics/", NULL, &k),
	    "", "a host nobody declared is no site");
	is_int(k, DOCLINK_NONE, "and is none");
	c = resolved("https://www.demo.example.org/manual/basics/",
	    "demo.example.org/manual", &k);
	is_int(k, DOCLINK_SITE, "a declared host is a site, www. aside");
	ok(strncmp(c, "docs/basics.md ", 15) == 0,
	    "its base path is dropped: %s", c);
	is_str(resolved("https://demo.readthedocs.io/en/latest/nowhere/", NULL,
	    &k), "docs/nowhere.md docs/nowhere.rst docs/nowhere "
	    "docs/nowhere/README.md docs/nowhere/index.md "
	    "docs/nowhere/index.rst doc/nowhere.md doc/nowhere.rst doc/nowhere "
	    "doc/nowhere/README.md doc/nowhere/index.md doc/nowhere/index.rst "
	    "docs/source/nowhere.md docs/source/nowhere.rst docs/source/nowhere "
	    "docs/source/nowhere/README.md docs/source/nowhere/index.md "
	    "docs/source/nowhere/index.rst doc/source/nowhere.md "
	    "doc/source/nowhere.rst doc/source/nowhere "
	    "doc/source/nowhere/README.md doc/source/nowhere/index.md "
	    "doc/source/nowhere/index.rst docs/src/nowhere.md "
	    "docs/src/nowhere.rst docs/src/nowhere docs/src/nowhere/README.md "
	    "docs/src/nowhere/index.md docs/src/nowhere/index.rst",
	    "no page of the tree: the usual roots, as before");
	h = doclink_host_of("https://WWW.Demo.org/docs/?x#y", 28);
	is_str(h, "demo.org/docs", "a URL's host and path, lower case host");
	free(h);
	h = doclink_host_of("demo-docs.org", 13);
	is_str(h, "demo-docs.org", "a bare host, as in CNAME");
	free(h);
	ok(doclink_host_of("localhost", 9) == NULL, "a name with no dot is none");
	ok(doclink_host_of("", 0) == NULL, "nothing is none");
}

static void
test_readers(void)
{
	is_str(declared(&reader_mkdocs, "mkdocs.yml", "site_name: D\n"
	    "site_url: https://demo.org/manual/\nnav:\n  - a: b.md\n"
	    "x: !!python/name:foo.bar\n", 0), "demo.org/manual",
	    "mkdocs.yml: the host of site_url");
	is_str(declared(&reader_mkdocs, "sub/mkdocs.yml", "docs_dir: pages\n"
	    "extra:\n  site_url: https://no.org\n", 1), "sub/pages",
	    "docs_dir from the file's folder; a nested site_url is none");
	is_str(declared(&reader_mkdocs, "mkdocs.yml", "extra:\n  site_url: "
	    "https://no.org\n", 0), "", "only the top level's site_url");
	is_str(declared(&reader_mkdocs, "mkdocs.yml", "[oops", 0), "(none)",
	    "no YAML, no model");
	is_str(declared(&reader_rtdconf, ".readthedocs.yaml", "version: 2\n"
	    "sphinx:\n  configuration: website/sphinx/conf.py\n", 1),
	    "website/sphinx", "the folder of the Sphinx configuration");
	is_str(declared(&reader_sphinxconf, "docs/source/conf.py", "x = 1\n"
	    "html_baseurl = 'https://demo.org/'\n", 0), "demo.org",
	    "conf.py: html_baseurl's literal");
	is_str(declared(&reader_sphinxconf, "docs/conf.py", "html_baseurl = "
	    "os.environ.get(\"READTHEDOCS_CANONICAL_URL\", \"\")\n", 0), "",
	    "an environment variable with no URL is none");
	is_str(declared(&reader_sphinxconf, "docs/conf.py", "", 1), "docs",
	    "conf.py's folder holds the sources");
	is_str(declared(&reader_cname, "CNAME", "\n  www.demo.org\n", 0),
	    "demo.org", "CNAME: its first line");
	ok(dochost_reader("docs/CNAME") == &reader_cname &&
	    dochost_reader(".readthedocs.yml") == &reader_rtdconf &&
	    dochost_reader("README.md") == NULL, "readers by file name");
}

int
main(void)
{
	enum doclink_kind k;
	const char *c;

	is_str(cands("README.md", "RELEASE.md", &k), "RELEASE.md",
	    "a relative link names the file");
	is_int(k, DOCLINK_RELATIVE, "and is relative");
	is_str(cands("docs/a/README.md", "../b.md#x", &k), "docs/b.md",
	    "dot-dot and anchors are resolved");
	is_str(cands("README.md", "../x.md", &k), "",
	    "a link out of the repository names nothing");
	is_str(cands("README.md", "docs/guide", &k),
	    "docs/guide docs/guide/README.md docs/guide/index.md "
	    "docs/guide/index.rst", "a directory names its index pages");
	is_str(cands("README.md", "#install", &k), "", "an anchor names nothing");
	is_int(k, DOCLINK_NONE, "and is no link into the repository");
	is_str(cands("README.md", "mailto:a@b.c", &k), "", "mail is none");
	is_str(cands("README.md", "https://github.com/o/r/blob/main/docs/"
	    "source/install.rst", &k), "docs/source/install.rst",
	    "a GitHub blob link names its path");
	is_int(k, DOCLINK_GITHUB, "and is a GitHub link");
	is_str(cands("README.md", "https://github.com/o/r/issues/3", &k), "",
	    "a GitHub link to an issue names nothing");
	is_str(cands("README.md", "https://pytorch.org/get-started/", &k), "",
	    "a site that is no documentation site names nothing");
	is_int(k, DOCLINK_NONE, "and is none");
	c = cands("README.md", "https://x.readthedocs.io/en/latest/"
	    "getting_started/", &k);
	is_int(k, DOCLINK_SITE, "a Read the Docs link is a site link");
	ok(strncmp(c, "docs/getting_started.md docs/getting_started.rst "
	    "docs/getting_started docs/getting_started/README.md "
	    "docs/getting_started/index.md", 100) == 0,
	    "its page after the version is looked for under docs/ first");
	ok(strstr(c, "docs/source/getting_started.rst") != NULL,
	    "and under docs/source/");
	c = cands("README.md", "https://docs.example.com/projects/p/en/stable/"
	    "getting_started/installation.html", &k);
	ok(strncmp(c, "docs/getting_started/installation.md ", 37) == 0,
	    "the last two parts are tried first, without .html");
	ok(strstr(c, "doc/source/installation.rst") != NULL,
	    "then the last part alone");
	c = cands("README.md", "https://p.github.io/", &k);
	ok(strncmp(c, "docs/index.md docs/index.rst", 28) == 0,
	    "a site's root is the index page");
	c = cands("README.md", "https://p.readthedocs.io/en/v1.2/index.html",
	    &k);
	ok(strncmp(c, "docs/index.md docs/index.rst", 28) == 0,
	    "index.html is its directory's index");
	test_site();
	test_readers();
	return done_testing();
}
