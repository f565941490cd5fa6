/* unit-doclink.c: the repository files a link of a document may name */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "read/doclink.h"
#include "strbuf.h"
#include "tap.h"

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
	return done_testing();
}
