/* unit-markdown.c: headings, sections, words and links of Markdown files */
#define _POSIX_C_SOURCE 200809L
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmark.h>

#include "read/markdown.h"
#include "regex.h"
#include "strbuf.h"
#include "tap.h"
#include "unit-doc.h"

/* A heading as a test expects it. */

static void	 load(const char *, struct strbuf *);
static int	 parse_fixture(const char *, struct md_doc *, struct strbuf *);
static int	 parse_str(const char *, struct md_doc *);
static int	 valid_utf8(const char *);
static char	*body(const struct md_doc *, const struct strbuf *, size_t);

static void	 test_setext(void);
static void	 test_atx(void);
static void	 test_html(void);
static void	 test_code_fence(void);
static void	 test_emoji_links(void);
static void	 test_empty(void);
static void	 test_sections(void);
static void	 test_intro(void);
static void	 test_decoration(void);
static void	 test_tagline(void);
static void	 test_intro_section(void);
static void	 test_nested(void);
static void	 test_line_endings(void);
static void	 test_unclosed_html(void);
static void	 test_html_links(void);
static void	 test_words(void);
static void	 test_invalid_utf8(void);
static void	 test_nul(void);
static void	 test_find_section(void);
static void	 test_caps(void);
static void	 test_big(void);
static void	 test_text_blocks(void);
static void	 test_text_oracle(void);
static size_t	 cmark_text(const char *, size_t, struct want_text *, size_t);


/* Read tests/fixtures/markdown/name from the source tree. */
static void
load(const char *name, struct strbuf *sb)
{
	const char *top;
	char path[4096];
	char buf[8192];
	FILE *fp;
	size_t n;

	top = getenv("ECOCHECK_SRCDIR");
	if (top == NULL)
		top = getenv("srcdir");
	if (top == NULL)
		top = ".";
	snprintf(path, sizeof(path), "%s/tests/fixtures/markdown/%s", top,
	    name);
	strbuf_reset(sb);
	if ((fp = fopen(path, "rb")) == NULL) {
		printf("Bail out! cannot open %s\n", path);
		exit(1);
	}
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		strbuf_add(sb, buf, n);
	fclose(fp);
}

static int
parse_fixture(const char *name, struct md_doc *doc, struct strbuf *sb)
{
	load(name, sb);
	return md_parse(sb->buf, sb->len, doc);
}

static int
parse_str(const char *s, struct md_doc *doc)
{
	return md_parse(s, strlen(s), doc);
}

static int
valid_utf8(const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned long cp;
	int k, n;

	while (*s != '\0') {
		if (*s < 0x80) {
			s++;
			continue;
		}
		if (*s >= 0xc2 && *s <= 0xdf)
			n = 1;
		else if (*s >= 0xe0 && *s <= 0xef)
			n = 2;
		else if (*s >= 0xf0 && *s <= 0xf4)
			n = 3;
		else
			return 0;
		cp = *s & (0x3f >> n);
		for (k = 1; k <= n; k++) {
			if ((s[k] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (s[k] & 0x3f);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		s += n + 1;
	}
	return 1;
}

/* The body of heading i, as a new string. */
static char *
body(const struct md_doc *doc, const struct strbuf *src, size_t i)
{
	const struct md_heading *h = &doc->h[i];
	char *s;

	s = malloc(h->body_end - h->body_off + 1);
	memcpy(s, src->buf + h->body_off, h->body_end - h->body_off);
	s[h->body_end - h->body_off] = '\0';
	return s;
}

static void
test_setext(void)
{
	static const struct want want[] = {
		{ 1, 1, "project title" },
		{ 2, 6, "quick start" },
		{ 2, 11, "two line heading text" },
	};
	struct md_doc doc;
	struct strbuf src = STRBUF_INIT;

	is_int(parse_fixture("setext-headings.md", &doc, &src), 0,
	    "setext: parses");
	if (!check_headings("setext", &doc, want, NWANT(want)))
		goto out;
	is_int(doc.h[0].flags, MD_SETEXT, "setext: flagged");
	is_int(doc.h[0].end_line, 2, "setext: ends on its === line");
	is_int(doc.h[2].end_line, 13, "setext: two-line heading ends on 13");
	is_str(doc.h[2].text, "Two line heading text",
	    "setext: lines joined by a space");
	is_int(doc.h[1].has_code, 1, "setext: quick start has indented code");
	is_int(doc.h[1].body_line, 8, "setext: body starts after underline");
	is_int(doc.h[1].body_end_line, 11, "setext: body ends at next heading");
	is_int(doc.h[2].words, 10, "setext: '---' after a blank line is a rule");
	is_int(doc.title, 0, "setext: title is the === heading");
	is_int(doc.intro_words, 6, "setext: intro words under the title");
	is_int(doc.nlines, 19, "setext: 19 lines");
out:
	md_doc_free(&doc);
	strbuf_release(&src);
}

static void
test_atx(void)
{
	static const struct want want[] = {
		{ 1, 1, "title" },
		{ 2, 3, "install" },
		{ 3, 5, "usage" },
		{ 4, 7, "not closing" },
		{ 5, 9, "escaped" },
		{ 6, 11, "six" },
		{ 2, 17, "one space of indent" },
	};
	struct md_doc doc;
	struct strbuf src = STRBUF_INIT;

	parse_fixture("atx-closing-hashes.md", &doc, &src);
	if (!check_headings("atx", &doc, want, NWANT(want)))
		goto out;
	is_str(doc.h[0].text, "Title", "atx: closing # removed");
	is_str(doc.h[1].text, "Install", "atx: long closing sequence removed");
	is_str(doc.h[2].text, "Usage", "atx: closing sequence, then spaces");
	is_str(doc.h[3].text, "Not closing#", "atx: # without a space stays");
	is_str(doc.h[4].text, "Escaped ##", "atx: escaped # stays");
	is_int(doc.h[5].words, 8, "atx: 7 #s and #hashtag are paragraphs");
	is_int(doc.h[0].flags, 0, "atx: not setext, not HTML");
out:
	md_doc_free(&doc);
	strbuf_release(&src);
}

static void
test_html(void)
{
	static const struct want want[] = {
		{ 1, 1, "widgets gadgets" },
		{ 2, 11, "install" },
		{ 3, 13, "using pip" },
		{ 3, 13, "using conda" },
		{ 2, 21, "linked heading" },
		{ 4, 23, "split heading" },
		{ 5, 29, "inline five" },
	};
	struct md_doc doc;
	struct strbuf src = STRBUF_INIT;
	char *b;

	parse_fixture("html-headings.md", &doc, &src);
	if (!check_headings("html", &doc, want, NWANT(want)))
		goto out;
	is_str(doc.h[0].text, "Widgets & Gadgets",
	    "html: tags stripped, &amp; decoded, spaces collapsed");
	is_int(doc.h[0].flags, MD_HTML, "html: flagged");
	is_int(doc.h[0].end_line, 5, "html: ends on the </h1> line");
	is_str(doc.h[4].text, "Linked \xe2\x80\x94 heading \xe2\x98\xba",
	    "html: numeric entities decoded");
	is_int(doc.h[5].end_line, 27, "html: heading split by blank lines");
	is_str(doc.h[5].text, "Split heading", "html: Markdown inside <h4>");
	is_int(doc.h[3].has_code, 1, "html: <pre> is a code block");
	is_int(doc.h[2].has_code, 0, "html: no code under 'using pip'");
	is_int(doc.h[2].body_line, doc.h[2].body_end_line,
	    "html: two headings on one line, empty body");
	b = body(&doc, &src, 2);
	is_str(b, "", "html: empty body bytes");
	free(b);
	is_int(doc.h[5].words, 6, "html: words around an inline <h5>");
	is_int(doc.h[6].words, 1, "html: word after an inline </h5>");
	is_int(doc.intro_words, 7, "html: <p> under the title is the intro");
	is_int(doc.nlinks, 1, "html: one link");
	is_str(doc.nlinks > 0 ? doc.links[0] : NULL, "#x", "html: <a href>");
out:
	md_doc_free(&doc);
	strbuf_release(&src);
}

static void
test_code_fence(void)
{
	static const struct want want[] = {
		{ 1, 1, "real" },
		{ 2, 17, "also real" },
	};
	struct md_doc doc;
	struct strbuf src = STRBUF_INIT;

	parse_fixture("heading-in-code-fence.md", &doc, &src);
	if (!check_headings("fence", &doc, want, NWANT(want)))
		goto out;
	is_int(doc.h[0].has_code, 1, "fence: code under 'real'");
	is_int(doc.h[1].has_code, 1, "fence: code in a list item counts");
	is_int(doc.h[1].words, 1, "fence: one word of prose");
out:
	md_doc_free(&doc);
	strbuf_release(&src);
}

static void
test_emoji_links(void)
{
	static const struct want want[] = {
		{ 1, 1, "quick start" },
		{ 2, 2, "quick start" },
		{ 2, 3, "quick start" },
		{ 2, 4, "quick start" },
		{ 2, 6, "pip install run" },
		{ 2, 7, "getting started linux macos" },
		{ 2, 8, "std vector push 10 30 00" },
		{ 2, 9, "logo caf\xc3\xa9 \xc3\x9c" "bersicht "
		    "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e" },
		{ 2, 10, "1 step one" },
		{ 2, 11, "fran\xc3\xa7" "ais" },
	};
	struct md_doc doc;
	struct strbuf src = STRBUF_INIT;
	size_t i;

	parse_fixture("emoji-and-links-in-headings.md", &doc, &src);
	if (!check_headings("emoji", &doc, want, NWANT(want)))
		goto out;
	is_str(doc.h[0].text, ":rocket: Quick start",
	    "emoji: display text keeps the shortcode");
	is_str(doc.h[2].text, "Quick start", "emoji: link text, emphasis");
	is_int(doc.h[3].flags, MD_SETEXT, "emoji: setext quick start");
	is_int(doc.h[3].end_line, 5, "emoji: setext underline line");
	is_int(doc.nlinks, 0, "emoji: links in headings are not body links");
	for (i = 0; i < doc.nheadings; i++)
		if (!valid_utf8(doc.h[i].norm))
			break;
	ok(i == doc.nheadings, "emoji: normalised texts are valid UTF-8");
out:
	md_doc_free(&doc);
	strbuf_release(&src);
}

static void
test_empty(void)
{
	struct md_doc doc;
	struct strbuf src = STRBUF_INIT;

	is_int(parse_fixture("empty.md", &doc, &src), 0, "empty: parses");
	is_int(doc.nheadings, 0, "empty: no headings");
	is_int(doc.nlines, 0, "empty: no lines");
	ok(doc.title == MD_NONE, "empty: no title");
	is_int(doc.intro_words, 0, "empty: no intro");
	md_doc_free(&doc);
	is_int(md_parse(NULL, 0, &doc), 0, "empty: NULL buffer parses");
	is_int(doc.nheadings, 0, "empty: NULL buffer, no headings");
	md_doc_free(&doc);
	strbuf_release(&src);
}

static void
test_sections(void)
{
	static const struct want want[] = {
		{ 1, 4, "widgets" },
		{ 2, 10, "installation" },
		{ 3, 14, "from source" },
		{ 2, 20, "usage" },
		{ 2, 27, "releases" },
		{ 2, 31, "governance" },
		{ 2, 36, "license" },
	};
	static const char *links[] = {
		"https://ci.example.org", "https://pypi.org/project/widgets",
		"https://docs.example.org", "https://arxiv.org/abs/1",
		"https://chat.example.org", "RELEASE.md", "GOVERNANCE.md",
		"./MAINTAINERS.md", "https://example.org/charter?a=1&b=2",
		"LICENSE.md"
	};
	struct md_doc doc;
	struct strbuf src = STRBUF_INIT;
	const struct md_heading *h;
	size_t i;
	char *b;

	parse_fixture("sections-and-links.md", &doc, &src);
	if (!check_headings("sections", &doc, want, NWANT(want)))
		goto out;
	h = doc.h;

	/* Nesting and extents. */
	ok(h[0].parent == MD_NONE && h[0].end == 7, "sections: title spans all");
	ok(h[1].parent == 0 && h[1].end == 3, "sections: installation 1..3");
	ok(h[2].parent == 1 && h[2].end == 3, "sections: from source in it");
	ok(h[3].parent == 0 && h[3].end == 4, "sections: usage 3..4");
	ok(h[6].parent == 0 && h[6].end == 7, "sections: license to the end");
	is_int(h[1].body_line, 11, "sections: installation body line");
	is_int(h[1].body_end_line, 20, "sections: ends at usage (subsection in)");
	is_int(h[6].body_end_line, doc.nlines + 1, "sections: last runs to EOF");
	is_int(h[6].body_end, src.len, "sections: last ends at the last byte");
	b = body(&doc, &src, 4);
	is_str(b, "\nSee [RELEASE.md](RELEASE.md).\n\n", "sections: body bytes");
	free(b);

	/* Code, words, links. */
	is_int(h[1].has_code, 1, "sections: code in a subsection counts");
	is_int(h[2].has_code, 1, "sections: fenced code");
	is_int(h[3].has_code, 1, "sections: indented code");
	is_int(h[4].has_code, 0, "sections: no code under releases");
	is_int(h[1].words, 11, "sections: installation words");
	is_int(h[3].words, 5, "sections: code span is a word, code block not");
	is_int(h[0].words, 75, "sections: title section words");
	is_int(h[0].link_words, 9, "sections: title section link words");
	is_int(h[5].words, 12, "sections: governance words");
	is_int(h[5].link_words, 4, "sections: markdown and <a> link words");
	is_int(doc.nlinks, NWANT(links), "sections: %zu links", NWANT(links));
	for (i = 0; i < doc.nlinks && i < NWANT(links); i++)
		is_str(doc.links[i], links[i], "sections: link %zu", i);
	ok(h[4].link_first == 5 && h[4].nlinks == 1, "sections: releases link");
	ok(h[5].link_first == 6 && h[5].nlinks == 3, "sections: governance links");
	ok(h[0].link_first == 2 && h[0].nlinks == 8, "sections: title links");
	is_int(h[1].nlinks, 0, "sections: code is no link");
	is_int(h[4].only_links, 1, "sections: releases is only a link");
	is_int(h[5].only_links, 1, "sections: governance is only links");
	is_int(h[6].only_links, 0, "sections: license has prose");
	is_int(h[3].only_links, 0, "sections: usage has no link");
out:
	md_doc_free(&doc);
	strbuf_release(&src);
}

static void
test_intro(void)
{
	struct md_doc doc;
	struct strbuf src = STRBUF_INIT;

	parse_fixture("sections-and-links.md", &doc, &src);
	is_int(doc.lead_words, 0, "intro: badges before the title: no words");
	is_int(doc.intro_words, 14, "intro: no words from the link bar");
	is_int(doc.title, 0, "intro: title");
	md_doc_free(&doc);

	parse_str("Fast widgets for everyone.\n\n## Install\n\nMore words.\n",
	    &doc);
	ok(doc.title == MD_NONE, "intro: no level-1 heading first, no title");
	is_int(doc.lead_words, 4, "intro: words before the first heading");
	is_int(doc.intro_words, 4, "intro: only the lead without a title");
	ok(doc.intro_section == MD_NONE, "intro: Install is no introduction");
	md_doc_free(&doc);

	parse_str("Lead here.\n\n# Title\n\nUnder the title.\n\n"
	    "## Next\n\nNot intro.\n", &doc);
	is_int(doc.intro_words, 5, "intro: lead plus words under the title");
	md_doc_free(&doc);

	parse_str("# T\n\n<p align=\"center\"><img src=\"logo.png\" alt=\"A "
	    "big logo\"></p>\n\n![alt words](x.png) ![more](y.png)\n\n"
	    "<a href=\"https://a\">Docs</a> \xc2\xb7 <a href=\"https://b\">"
	    "API</a>\n\nReal words here.\n", &doc);
	is_int(doc.intro_words, 3, "intro: images, alt text, nav links skipped");
	if (doc.nheadings > 0)
		is_int(doc.h[0].words, 5,
		    "intro: nav links are words of the section");
	md_doc_free(&doc);
	strbuf_release(&src);
}

/* Headings of only images or a bar of links are no sections. */
static void
test_decoration(void)
{
	static const struct {
		const char	*md;
		size_t		 n;	/* headings */
		const char	*first;	/* first heading's norm */
		const char	*what;
	} c[] = {
		{ "[![CI](https://ci/b.svg)](https://ci) ![PyPI](https://p/v)\n"
		  "-----\n\n## Description\n\nText.\n", 1, "description",
		  "setext badges" },
		{ "# ![logo](logo.png)\n\n## Usage\n", 1, "usage",
		  "ATX image only" },
		{ "<h3 align=\"center\">\n  <a href=\"https://x\"><img "
		  "src=\"b.png\"></a>\n</h3>\n\n## Usage\n", 1, "usage",
		  "HTML linked image" },
		{ "<h4><p>\n<a href=\"https://a\">[Website]</a>\n- <a href="
		  "\"https://b\">[Getting Started]</a>\n</p></h4>\n\n## Usage\n",
		  1, "usage", "HTML bar of links" },
		{ "## [Docs](https://a) | [Paper](https://b)\n\n## Usage\n",
		  1, "usage", "ATX bar of links" },
		{ "<h2><a href=\"https://a\">A</a> <a href=\"https://b\">B</a>"
		  "</h2>\n\n## Usage\n", 1, "usage", "inline HTML links" },
		{ "## :rocket: [Quick **Start**](#quick-start)\n", 1,
		  "quick start", "one link is a heading" },
		{ "# ![logo](l.png) Demo\n", 1, "logo demo",
		  "an image and a name is a heading" },
		{ "## <a name=\"x\"></a>Install\n", 1, "install",
		  "an anchor and a name is a heading" },
		{ "## 🚀\n\n## Usage\n", 1, "usage", "only an emoji" },
	};
	struct md_doc doc;
	size_t i;

	for (i = 0; i < NWANT(c); i++) {
		parse_str(c[i].md, &doc);
		is_int(doc.nheadings, c[i].n, "decoration: %s: headings",
		    c[i].what);
		if (doc.nheadings > 0)
			is_str(doc.h[0].norm, c[i].first, "decoration: %s: "
			    "first heading", c[i].what);
		md_doc_free(&doc);
	}
	parse_str("![logo](l.png)\n\n[![b](b.svg)](https://b)\n---\n\n"
	    "Words of an introduction here.\n\n## Usage\n", &doc);
	ok(doc.title == MD_NONE, "decoration: badges are not the title");
	is_int(doc.intro_words, 5, "decoration: the prose after it is intro");
	md_doc_free(&doc);
}

/* <h2>/<h3> taglines before the first section are introduction. */
static void
test_tagline(void)
{
	struct md_doc doc;
	size_t idx;
	pcre2_code *re;
	struct strbuf err = STRBUF_INIT;

	parse_str("<p align=\"center\"><img src=\"logo.png\"></p>\n\n"
	    "<h2><p align=\"center\">Supercharge your training</p></h2>\n"
	    "<h3><p align=\"center\">A framework for scale</p></h3>\n\n"
	    "<p><a href=\"https://pypi\"><img alt=\"PyPI\" src=\"v.svg\"></a>"
	    "</p>\n\n## Install\n\n```\npip install demo\n```\n", &doc);
	is_int(doc.nheadings, 3, "tagline: three headings");
	if (doc.nheadings == 3) {
		ok(doc.h[0].flags & MD_TAGLINE, "tagline: <h2> is one");
		ok(doc.h[1].flags & MD_TAGLINE, "tagline: <h3> is one");
		ok(!(doc.h[2].flags & MD_TAGLINE), "tagline: ## Install is not");
	}
	is_int(doc.tagline_words, 7, "tagline: its words");
	is_int(doc.tagline_line, 3, "tagline: the first one's line");
	is_int(doc.intro_words, 7, "tagline: they are the introduction");
	re = regex_compile("supercharge|install", PCRE2_CASELESS, &err);
	ok(re != NULL, "tagline: compile");
	if (re != NULL) {
		ok(md_find_section(&doc, re, 0, &idx, NULL) == 1 && idx == 2,
		    "tagline: never found as a section");
		pcre2_code_free(re);
	}
	md_doc_free(&doc);

	/* A section in HTML with code or prose is a section. */
	parse_str("<h1 align=\"center\">Demo</h1>\n\n"
	    "<h2 align=\"center\">Installation</h2>\n\n```\npip install x\n"
	    "```\n\n<h2>Usage</h2>\n\nRun it.\n", &doc);
	is_int(doc.nheadings, 3, "tagline: HTML sections");
	if (doc.nheadings == 3) {
		ok(!(doc.h[1].flags & MD_TAGLINE), "tagline: code: a section");
		ok(!(doc.h[2].flags & MD_TAGLINE), "tagline: after a section");
	}
	is_int(doc.tagline_words, 0, "tagline: none");
	md_doc_free(&doc);

	parse_str("<h3>Fast checks</h3>\n\nWords under it.\n", &doc);
	ok(doc.nheadings == 1 && !(doc.h[0].flags & MD_TAGLINE),
	    "tagline: prose under it: a section");
	md_doc_free(&doc);

	parse_str("## A Markdown heading\n\n<h3>Not a tagline</h3>\n", &doc);
	ok(doc.nheadings == 2 && !(doc.h[1].flags & MD_TAGLINE),
	    "tagline: only before the first section");
	md_doc_free(&doc);
	strbuf_release(&err);
}

/* A first section named like an introduction holds the introduction. */
static void
test_intro_section(void)
{
	static const struct {
		const char	*heading;
		int		 intro;
	} c[] = {
		{ "## Description", 1 }, { "## About", 1 },
		{ "## About Demo", 1 }, { "## Overview", 1 },
		{ "## Introduction", 1 }, { "# **👋 Welcome**", 1 },
		{ "## Welcome to Demo", 1 }, { "## TL;DR", 1 },
		{ "## What is Demo?", 1 }, { "## What's Demo", 1 },
		{ "## Why Demo", 1 }, { "## Installation", 0 },
		{ "## Features", 0 }, { "## Aboutness", 0 },
	};
	struct strbuf sb = STRBUF_INIT;
	struct md_doc doc;
	size_t i;

	for (i = 0; i < NWANT(c); i++) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "# Demo\n\n%s\n\nDemo does four things.\n\n"
		    "### Details\n\nNot counted here.\n\n## Usage\n\nRun.\n",
		    c[i].heading);
		parse_str(sb.buf, &doc);
		is_int(doc.intro_words, c[i].intro ? 4 : 0,
		    "intro section: '%s'", c[i].heading);
		if (c[i].intro)
			ok(doc.intro_section == 1 && doc.intro_section_words == 4,
			    "intro section: '%s' is heading 1", c[i].heading);
		md_doc_free(&doc);
	}
	parse_str("# Demo\n\n## Install\n\nx.\n\n## About\n\nMany words here "
	    "about the demo.\n", &doc);
	ok(doc.intro_section == MD_NONE && doc.intro_words == 0,
	    "intro section: only the first section");
	md_doc_free(&doc);
	parse_str("![logo](logo.png)\n\n## Here is Demo.\n\nDemo does four "
	    "things.\n\n## Usage\n\nRun.\n", &doc);
	ok(doc.intro_section == 0 && doc.intro_words == 4,
	    "no title, only an image above: the first section is the intro");
	md_doc_free(&doc);
	parse_str("![logo](logo.png)\n\n## Installation\n\nDemo does four "
	    "things.\n\n## Overview\n\nMore.\n", &doc);
	ok(doc.intro_section == MD_NONE && doc.intro_words == 0 &&
	    doc.intro_later == 1, "no title: not a section named as something "
	    "else; an overview after it is a later introduction");
	md_doc_free(&doc);
	strbuf_release(&sb);
}

static void
test_nested(void)
{
	struct md_doc doc;

	parse_str("# Top\n\n> ## Quoted\n> text\n\n- ### In a list\n\n"
	    "  <h4>HTML in a list</h4>\n\n## After\n", &doc);
	is_int(doc.nheadings, 5, "nested: headings in containers are kept");
	if (doc.nheadings == 5) {
		is_int(doc.h[0].flags, 0, "nested: top is not nested");
		is_int(doc.h[1].flags, MD_NESTED, "nested: in a block quote");
		is_int(doc.h[2].flags, MD_NESTED, "nested: in a list item");
		is_int(doc.h[3].flags, MD_NESTED | MD_HTML, "nested: HTML");
		is_int(doc.h[3].line, 8, "nested: HTML heading line");
		is_int(doc.h[4].flags, 0, "nested: after is not nested");
		ok(doc.h[2].parent == 1, "nested: list heading under quoted");
	}
	md_doc_free(&doc);
}

static void
test_line_endings(void)
{
	static const char crlf[] = "# One\r\n\r\nText\r\n\r\nTwo\r\n---\r\n"
	    "\r\nMore\r\n";
	static const char cr[] = "# One\r\rText\r<div>\r<h2>Two</h2>\r</div>\r"
	    "\rEnd";
	struct md_doc doc;

	md_parse(crlf, sizeof(crlf) - 1, &doc);
	is_int(doc.nheadings, 2, "crlf: two headings");
	is_int(doc.nlines, 8, "crlf: eight lines");
	if (doc.nheadings == 2) {
		is_int(doc.h[1].line, 5, "crlf: setext line");
		is_int(doc.h[1].end_line, 6, "crlf: setext underline line");
		is_int(doc.h[0].body_off, 7, "crlf: body after CRLF");
		is_int(doc.h[0].body_end, sizeof(crlf) - 1,
		    "crlf: title section runs to the end");
		is_int(doc.h[1].body_off, 27, "crlf: second body offset");
		is_int(doc.h[1].body_line, 7, "crlf: second body line");
	}
	md_doc_free(&doc);

	md_parse(cr, sizeof(cr) - 1, &doc);
	is_int(doc.nlines, 8, "cr: CR alone ends a line");
	is_int(doc.nheadings, 2, "cr: two headings");
	if (doc.nheadings == 2) {
		is_int(doc.h[1].line, 5, "cr: HTML heading line");
		is_int(doc.h[1].body_off, 31, "cr: body offset");
		is_int(doc.h[1].words, 1, "cr: words");
	}
	md_doc_free(&doc);
}

static void
test_unclosed_html(void)
{
	struct md_doc doc;

	parse_str("<h1>Never closed\n\nA paragraph of words.\n", &doc);
	is_int(doc.nheadings, 1, "unclosed: heading kept");
	if (doc.nheadings == 1) {
		is_str(doc.h[0].norm, "never closed", "unclosed: ends with block");
		is_int(doc.h[0].words, 4, "unclosed: paragraph is the body");
	}
	md_doc_free(&doc);

	parse_str("<h2 align=\"center\">\n\nRead on\n\n## Next\n", &doc);
	is_int(doc.nheadings, 2, "unclosed: lone open tag reads on");
	if (doc.nheadings == 2) {
		is_str(doc.h[0].norm, "read on", "unclosed: text from paragraph");
		is_int(doc.h[0].end_line, 3, "unclosed: ends with its text");
	}
	md_doc_free(&doc);

	parse_str("<h2>\n\n```\ncode\n```\n", &doc);
	is_int(doc.nheadings, 0, "unclosed: closed by a code block, empty: "
	    "no section");
	is_int(doc.code_blocks, 1, "unclosed: the code block is read");
	md_doc_free(&doc);

	parse_str("<div>\n<a title=\"x <h1>not a heading</h1>\">y</a>\n"
	    "<a title='open <h2>Real</h2>\n</div>\n", &doc);
	is_int(doc.nheadings, 1, "unclosed: tags inside attributes ignored");
	if (doc.nheadings == 1)
		is_str(doc.h[0].norm, "real", "unclosed: after unclosed quote");
	md_doc_free(&doc);

	parse_str("<script>\ndocument.write('<h1>no</h1>')\n</script>\n\n"
	    "<style>h1 { }</style>\n\n<?php echo '<h1>no</h1>'; ?>\n\n"
	    "<!-- never closed <h1>no</h1>\n", &doc);
	is_int(doc.nheadings, 0, "unclosed: script, style, PI, comment");
	md_doc_free(&doc);
}

static void
test_html_links(void)
{
	static const char *links[] = {
		"RELEASE.md", "GOVERNANCE.md", "docs/a b.md", "x?a=1&b=2",
		"<auto>"
	};
	struct md_doc doc;
	size_t i;

	parse_str("# Releases\n\n<details><summary><h2>Cadence</h2>"
	    "</summary>\n<a href=RELEASE.md>unquoted</a>\n"
	    "<a class=x HREF='GOVERNANCE.md'>single</a>\n"
	    "<a href = \"docs/a b.md\">spaced</a>\n"
	    "<a href=\"x?a=1&amp;b=2\">entity</a> <a name=\"anchor\"></a>\n"
	    "<a data-href=\"no\">no</a> <a href=\"&lt;auto&gt;\">lt</a>\n"
	    "</details>\n", &doc);
	is_int(doc.nheadings, 2, "html links: <h2> in <summary>");
	is_int(doc.nlinks, NWANT(links), "html links: %zu hrefs", NWANT(links));
	for (i = 0; i < doc.nlinks && i < NWANT(links); i++)
		is_str(doc.links[i], links[i], "html links: %s", links[i]);
	if (doc.nheadings == 2) {
		is_int(doc.h[1].nlinks, NWANT(links), "html links: in section");
		is_int(doc.h[1].link_words, 5, "html links: <a href> text words");
		is_int(doc.h[1].words, 6, "html links: <a name> is no link");
		is_int(doc.h[1].only_links, 1, "html links: only links");
	}
	md_doc_free(&doc);
}

static void
test_words(void)
{
	struct md_doc doc;

	parse_str("# W\n\nDon't split \xe2\x80\x94 v1.2 a/b (x) ... - "
	    "\xf0\x9f\x9a\x80 \xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e text\n\n"
	    "> quoted words\n\n- one\n- two three\n\n"
	    "<p>html&nbsp;words</p>\n\n```\nnot words\n```\n", &doc);
	/* Don't split v1.2 a/b (x) = 5, CJK 3, text 1; 2; 3; 2. */
	is_int(doc.nheadings, 1, "words: one heading");
	if (doc.nheadings == 1) {
		is_int(doc.h[0].words, 16,
		    "words: tokens with a letter, CJK, HTML");
		is_int(doc.h[0].link_words, 0, "words: no link words");
	}
	md_doc_free(&doc);
}

static void
test_invalid_utf8(void)
{
	static const char s[] = "# Caf\xe9 \xff\xfe heading\n\n"
	    "<h2>Bad \xc3\x28 &#xD800; &#0; &#x110000; x</h2>\n\n"
	    "Text \xed\xa0\x80 \xf8\x88\x80\x80\x80 here [l\xe9](u\xe9)\n";
	struct md_doc doc;
	size_t i;
	int valid;

	is_int(md_parse(s, sizeof(s) - 1, &doc), 0, "invalid utf-8: parses");
	is_int(doc.nheadings, 2, "invalid utf-8: two headings");
	valid = 1;
	for (i = 0; i < doc.nheadings; i++)
		valid = valid && valid_utf8(doc.h[i].text) &&
		    valid_utf8(doc.h[i].norm);
	for (i = 0; i < doc.nlinks; i++)
		valid = valid && valid_utf8(doc.links[i]);
	ok(valid, "invalid utf-8: all texts valid UTF-8");
	if (doc.nheadings == 2) {
		is_str(doc.h[0].text, "Caf\xef\xbf\xbd \xef\xbf\xbd\xef\xbf\xbd "
		    "heading", "invalid utf-8: U+FFFD in display text");
		is_str(doc.h[0].norm, "caf heading", "invalid utf-8: norm");
		is_str(doc.h[1].norm, "bad x", "invalid utf-8: bad references");
		is_int(doc.h[1].words, 3, "invalid utf-8: words still counted");
	}
	md_doc_free(&doc);
}

static void
test_nul(void)
{
	static const char s[] = "# Hello\0World\n\nText\0here and\0\0there\n"
	    "\0\n## Two\n";
	struct md_doc doc;

	is_int(md_parse(s, sizeof(s) - 1, &doc), 0, "nul: parses");
	is_int(doc.nheadings, 2, "nul: two headings");
	is_int(doc.nlines, 5, "nul: NUL ends no line");
	if (doc.nheadings == 2) {
		is_str(doc.h[0].text, "Hello\xef\xbf\xbdWorld",
		    "nul: NUL reads as U+FFFD");
		is_str(doc.h[0].norm, "hello world", "nul: norm");
		is_int(doc.h[1].line, 5, "nul: line after NUL bytes");
		is_int(doc.h[0].words, 2, "nul: U+FFFD joins a word");
	}
	md_doc_free(&doc);
}

static void
test_find_section(void)
{
	struct md_doc doc;
	struct strbuf src = STRBUF_INIT, err = STRBUF_INIT;
	pcre2_code *re;
	size_t idx;
	int rc;

	parse_fixture("sections-and-links.md", &doc, &src);
	re = regex_compile("quick ?start|getting started|install|usage",
	    PCRE2_CASELESS, &err);
	ok(re != NULL, "find: pattern compiles");
	idx = 99;
	rc = md_find_section(&doc, re, 0, &idx, NULL);
	ok(rc == 1 && idx == 1, "find: first match is installation");
	rc = md_find_section(&doc, re, 2, &idx, NULL);
	ok(rc == 1 && idx == 3, "find: from 2, usage");
	rc = md_find_section(&doc, re, 4, &idx, NULL);
	is_int(rc, 0, "find: none after usage");
	rc = md_find_section(&doc, re, 100, &idx, NULL);
	is_int(rc, 0, "find: from past the end");
	pcre2_code_free(re);

	re = regex_compile("^RELEASES$", PCRE2_CASELESS, &err);
	rc = md_find_section(&doc, re, 0, &idx, NULL);
	ok(rc == 1 && idx == 4, "find: caseless anchored match");
	pcre2_code_free(re);
	md_doc_free(&doc);

	/* A pattern that backtracks forever hits the limit, quickly. */
	strbuf_reset(&src);
	strbuf_addstr(&src, "# ");
	for (rc = 0; rc < 900; rc++)
		strbuf_addch(&src, 'a');
	strbuf_addstr(&src, " z\n");
	md_parse(src.buf, src.len, &doc);
	re = regex_compile("^(a|aa)+$", 0, &err);
	quiet(1);
	rc = md_find_section(&doc, re, 0, &idx, NULL);
	quiet(0);
	is_int(rc, -1, "find: match limit is an error, not a hang");
	pcre2_code_free(re);
	md_doc_free(&doc);
	strbuf_release(&src);
	strbuf_release(&err);
}

static void
test_caps(void)
{
	struct strbuf sb = STRBUF_INIT;
	struct md_doc doc;
	size_t i;

	for (i = 0; i < MD_MAX_HEADINGS + 5; i++)
		strbuf_addf(&sb, "## H%zu\n[l](x%zu)\n", i, i);
	md_parse(sb.buf, sb.len, &doc);
	is_int(doc.nheadings, MD_MAX_HEADINGS, "caps: headings capped");
	is_int(doc.headings_truncated, 1, "caps: and says so");
	is_int(doc.links_truncated, 0, "caps: links not truncated");
	if (doc.nheadings == MD_MAX_HEADINGS)
		is_int(doc.h[MD_MAX_HEADINGS - 1].nlinks, 6,
		    "caps: the last kept section gets the rest");
	md_doc_free(&doc);

	strbuf_reset(&sb);
	strbuf_addstr(&sb, "# T\n\n");
	for (i = 0; i < MD_MAX_LINKS + 3; i++)
		strbuf_addstr(&sb, "<x@y.z> ");
	md_parse(sb.buf, sb.len, &doc);
	is_int(doc.nlinks, MD_MAX_LINKS, "caps: links capped");
	is_int(doc.links_truncated, 1, "caps: and says so");
	md_doc_free(&doc);

	strbuf_reset(&sb);
	strbuf_addstr(&sb, "# ");
	for (i = 0; i < 100000; i++)
		strbuf_addstr(&sb, "long ");
	md_parse(sb.buf, sb.len, &doc);
	ok(doc.nheadings == 1 && strlen(doc.h[0].text) < MD_MAX_TEXT,
	    "caps: heading text capped");
	ok(doc.nheadings == 1 && strlen(doc.h[0].norm) < MD_MAX_TEXT,
	    "caps: norm capped");
	md_doc_free(&doc);

	quiet(1);
	is_int(md_parse(sb.buf, (size_t)MD_MAX_INPUT + 1, &doc), -1,
	    "caps: input over MD_MAX_INPUT refused");
	quiet(0);
	md_doc_free(&doc);
	strbuf_release(&sb);
}

static void
test_big(void)
{
	struct strbuf sb = STRBUF_INIT;
	struct md_doc doc;
	double t0, t1;
	size_t i;

	strbuf_addstr(&sb, "[![CI](https://ci/badge.svg)](https://ci)\n\n"
	    "# Big project\n\nA big project with a long README file.\n\n");
	for (i = 0; sb.len < 5 * 1024 * 1024; i++)
		strbuf_addf(&sb, "## Section %zu :rocket:\n\nSome *prose* words "
		    "with a [link](https://example.org/%zu) and `code`.\n\n"
		    "```sh\npip install thing==%zu\n```\n\n"
		    "<h3 align=\"center\">HTML &amp; heading %zu</h3>\n\n"
		    "- item one\n- item **two**\n\n> quoted\n\n", i, i, i, i);
	t0 = now_ms();
	is_int(md_parse(sb.buf, sb.len, &doc), 0, "big: 5 MB README parses");
	t1 = now_ms();
	printf("# big: %.1f MB, %zu sections, parsed in %.1f ms\n",
	    sb.len / 1048576.0, i, t1 - t0);
	is_int(doc.nheadings, MD_MAX_HEADINGS, "big: headings capped");
	is_int(doc.intro_words, 8, "big: intro words");
	if (doc.nheadings > 2) {
		is_str(doc.h[1].norm, "section 0", "big: first section");
		is_str(doc.h[2].norm, "html heading 0",
		    "big: first HTML heading");
		is_int(doc.h[1].has_code, 1, "big: code");
	}
	md_doc_free(&doc);

	/* Hostile HTML: unclosed quotes and tags, in one HTML block. */
	strbuf_reset(&sb);
	strbuf_addstr(&sb, "<div>\n");
	for (i = 0; sb.len < 2 * 1024 * 1024; i++)
		strbuf_addstr(&sb, i % 2 ? "<a x=\"<b y='<c " : "<h2 <a z=");
	t0 = now_ms();
	is_int(md_parse(sb.buf, sb.len, &doc), 0, "big: hostile HTML parses");
	t1 = now_ms();
	printf("# big: 2 MB of hostile HTML parsed in %.1f ms\n", t1 - t0);
	md_doc_free(&doc);
	strbuf_release(&sb);
}

int
main(void)
{
	test_setext();
	test_atx();
	test_html();
	test_code_fence();
	test_emoji_links();
	test_empty();
	test_sections();
	test_intro();
	test_decoration();
	test_tagline();
	test_intro_section();
	test_nested();
	test_line_endings();
	test_unclosed_html();
	test_html_links();
	test_words();
	test_invalid_utf8();
	test_nul();
	test_caps();
	test_big();
	test_find_section();
	test_text_blocks();
	test_text_oracle();
	return done_testing();
}

/*
 * The paragraphs, list items and HTML blocks of a document, with their
 * first line and column, nesting and block quotes: cmark's nodes.
 */
static void
test_text_blocks(void)
{
	static const char src[] =
	    "# People\n"				/* 1 */
	    "\n"
	    "Intro text\n"
	    "| Name | GitHub |\n"
	    "|---|---|\n"				/* 5 */
	    "| Jane | @jane |\n"
	    "\n"
	    "- Jane Doe\n"
	    "  - Nested Two\n"
	    "    more\n"				/* 10 */
	    "\n"
	    "  Second para\n"
	    "> quoted\n"
	    "> lines\n"
	    "\n"					/* 15 */
	    "<div>\n"
	    "<a href=\"https://github.com/x\">x</a>\n"
	    "</div>\n"
	    "\n"
	    "<!-- hidden -->\n"			/* 20 */
	    "\n"
	    "    code\n"
	    "\n"
	    "Maintainers:\n"
	    "2. Not a list: cmark reads on\n";	/* 25 */
	static const struct want_text want[] = {
		/* a table is a paragraph of '|' lines to cmark 0.30 */
		{ MD_BLOCK_PARA, 3, 6, 1, 0, 0 },
		{ MD_BLOCK_ITEM, 8, 12, 1, 1, 0 },
		{ MD_BLOCK_PARA, 8, 8, 3, 1, 0 },
		{ MD_BLOCK_ITEM, 9, 10, 3, 2, 0 },
		{ MD_BLOCK_PARA, 9, 10, 5, 2, 0 },
		{ MD_BLOCK_PARA, 12, 12, 3, 1, 0 },
		{ MD_BLOCK_PARA, 13, 14, 3, 0, 1 },
		{ MD_BLOCK_HTML, 16, 18, 1, 0, 0 },
		/* only a list starting at 1 interrupts a paragraph */
		{ MD_BLOCK_PARA, 24, 25, 1, 0, 0 }
	};
	struct md_doc doc;

	parse_str(src, &doc);
	check_text("text", &doc, want, NWANT(want));
	is_int(doc.nblocks, 2, "text: the comment and the code block apart");
	md_doc_free(&doc);
}

/* What libcmark itself says of each fixture's text blocks. */
static void
test_text_oracle(void)
{
	static const char *const names[] = {
		"sections-and-links.md", "html-headings.md",
		"setext-headings.md", "heading-in-code-fence.md",
		"atx-closing-hashes.md"
	};
	struct want_text want[512];
	struct strbuf sb = STRBUF_INIT;
	struct md_doc doc;
	size_t i, n;

	for (i = 0; i < NWANT(names); i++) {
		load(names[i], &sb);
		md_parse(sb.buf, sb.len, &doc);
		n = cmark_text(sb.buf, sb.len, want, NWANT(want));
		ok(n > 0, "oracle: %s has text blocks", names[i]);
		check_text(names[i], &doc, want, n);
		md_doc_free(&doc);
	}
	strbuf_reset(&sb);
	strbuf_addstr(&sb, "-\tTabbed Jane\n> 1. quoted item\n>    lazy\n"
	    ">    > deeper\n\n* * two items, one line\n\t+ tab\n");
	md_parse(sb.buf, sb.len, &doc);
	n = cmark_text(sb.buf, sb.len, want, NWANT(want));
	check_text("oracle: tabs and quotes", &doc, want, n);
	md_doc_free(&doc);
	strbuf_release(&sb);
}

/* The text blocks of buf as cmark's own tree has them, at most max. */
static size_t
cmark_text(const char *buf, size_t len, struct want_text *w, size_t max)
{
	cmark_node *root, *n, *p;
	cmark_iter *it;
	const char *lit;
	size_t k;
	int type, kind;

	root = cmark_parse_document(buf, len, CMARK_OPT_SOURCEPOS);
	it = cmark_iter_new(root);
	k = 0;
	while (cmark_iter_next(it) != CMARK_EVENT_DONE) {
		if (cmark_iter_get_event_type(it) != CMARK_EVENT_ENTER)
			continue;
		n = cmark_iter_get_node(it);
		type = cmark_node_get_type(n);
		lit = cmark_node_get_literal(n);
		if (type == CMARK_NODE_PARAGRAPH)
			kind = MD_BLOCK_PARA;
		else if (type == CMARK_NODE_ITEM)
			kind = MD_BLOCK_ITEM;
		else if (type == CMARK_NODE_HTML_BLOCK && lit != NULL &&
		    strncmp(lit + strspn(lit, " "), "<!--", 4) != 0)
			kind = MD_BLOCK_HTML;
		else
			continue;
		if (k == max)
			break;
		memset(&w[k], 0, sizeof(w[k]));
		w[k].kind = kind;
		w[k].line = cmark_node_get_start_line(n);
		w[k].end_line = cmark_node_get_end_line(n);
		if (cmark_node_get_end_column(n) == 0)
			w[k].end_line--;
		w[k].col = cmark_node_get_start_column(n);
		for (p = n; p != NULL; p = cmark_node_parent(p))
			if (cmark_node_get_type(p) == CMARK_NODE_ITEM)
				w[k].level++;
			else if (cmark_node_get_type(p) ==
			    CMARK_NODE_BLOCK_QUOTE)
				w[k].quote++;
		k++;
	}
	cmark_iter_free(it);
	cmark_node_free(root);
	return k;
}
