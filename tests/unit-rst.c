/* unit-rst.c: headings, sections, code blocks, words and links of reST files */
#define _POSIX_C_SOURCE 200809L
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "read/markdown.h"
#include "read/rst.h"
#include "strbuf.h"
#include "tap.h"
#include "unit-doc.h"

/* A heading as a test expects it. */

static int	 parse(const char *, struct md_doc *);
static void	 test_text_blocks(void);
static void	 test_same_totals(void);
static int	 has_link(const struct md_doc *, const char *);
static int	 valid_utf8(const char *);

static void	 test_underlined(void);
static void	 test_overlined(void);
static void	 test_not_titles(void);
static void	 test_heading_text(void);
static void	 test_literal_blocks(void);
static void	 test_code_directives(void);
static void	 test_not_code(void);
static void	 test_intro(void);
static void	 test_words(void);
static void	 test_links(void);
static void	 test_sections(void);
static void	 test_line_endings(void);
static void	 test_malformed(void);
static void	 test_caps(void);
static void	 test_linear(void);
static void	 test_is_path(void);
static double	 time_parse(void (*)(struct strbuf *, size_t), size_t,
		    size_t *);
static void	 fill_readme(struct strbuf *, size_t);
static void	 fill_hostile(struct strbuf *, size_t);
static void	 fill_openers(struct strbuf *, size_t);
static void	 fill_lines(struct strbuf *, size_t);


static int
parse(const char *s, struct md_doc *doc)
{
	return rst_parse(s, strlen(s), doc);
}

static int
has_link(const struct md_doc *doc, const char *url)
{
	size_t i;

	for (i = 0; i < doc->nlinks; i++)
		if (strcmp(doc->links[i], url) == 0)
			return 1;
	return 0;
}

static int
valid_utf8(const char *str)
{
	const unsigned char *s = (const unsigned char *)str;
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
		for (k = 1; k <= n; k++)
			if ((s[k] & 0xc0) != 0x80)
				return 0;
		s += n + 1;
	}
	return 1;
}

static void
test_underlined(void)
{
	static const char src[] =
	    "Project\n"			/* 1 */
	    "=======\n"
	    "\n"
	    "Project does things.\n"
	    "\n"
	    "Installation\n"		/* 6 */
	    "------------\n"
	    "\n"
	    "From PyPI\n"		/* 9 */
	    "~~~~~~~~~\n"
	    "\n"
	    "Usage\n"			/* 12 */
	    "-----\n"
	    "Text right under it.\n"
	    "\n"
	    "Deep\n"			/* 16 */
	    "~~~~\n"
	    "\n"
	    "Deeper\n"			/* 19 */
	    "^^^^^^\n"
	    "\n"
	    "Back up\n"			/* 22 */
	    "=======\n";
	static const struct want want[] = {
		{ 1, 1, "project" },
		{ 2, 6, "installation" },
		{ 3, 9, "from pypi" },
		{ 2, 12, "usage" },
		{ 3, 16, "deep" },
		{ 4, 19, "deeper" },
		{ 1, 22, "back up" },
	};
	struct md_doc doc;

	is_int(parse(src, &doc), 0, "underlined: parses");
	if (check_headings("underlined", &doc, want, NWANT(want))) {
		is_int(doc.h[0].end_line, 2, "underlined: end line");
		is_int(doc.h[0].body_line, 3, "underlined: body line");
		is_int(doc.h[1].end, 3, "underlined: installation ends at usage");
		is_int(doc.h[2].parent, 1, "underlined: parent");
		is_int(doc.h[3].words, 4, "underlined: words under usage");
		is_int(doc.h[6].parent, MD_NONE, "underlined: back to the top");
		is_int(doc.h[0].end, 6, "underlined: the title runs to the next =");
	}
	is_int(doc.title, 0, "underlined: the first title is the document's");
	is_int(doc.nlines, 23, "underlined: lines");
	md_doc_free(&doc);
}

static void
test_overlined(void)
{
	static const char src[] =
	    "==========\n"		/* 1 */
	    "  Title\n"
	    "==========\n"
	    "\n"
	    "Intro words here for the reader.\n"
	    "\n"
	    "Section\n"			/* 7 */
	    "==========\n"
	    "\n"
	    "----------\n"		/* 10 */
	    "Overlined dash\n"
	    "----------\n"
	    "\n"
	    "Underlined dash\n"		/* 14 */
	    "---------------\n";
	static const struct want want[] = {
		{ 1, 1, "title" },
		{ 2, 7, "section" },
		{ 3, 10, "overlined dash" },
		{ 4, 14, "underlined dash" },
	};
	struct md_doc doc;

	parse(src, &doc);
	if (check_headings("overlined", &doc, want, NWANT(want))) {
		is_int(doc.h[0].end_line, 3, "overlined: ends at the underline");
		is_str(doc.h[0].text, "Title", "overlined: inset text trimmed");
		is_int(doc.h[2].end_line, 12, "overlined: dash end line");
	}
	is_int(doc.intro_words, 6, "overlined: intro under the title");
	md_doc_free(&doc);

	/* Mismatched over- and underline: not a title. */
	parse("=====\nTitle\n-----\n\ntext\n", &doc);
	is_int(doc.nheadings, 1, "overlined: mismatch is a transition, then a title");
	if (doc.nheadings == 1) {
		is_str(doc.h[0].norm, "title", "overlined: the underline counts");
		is_int(doc.h[0].line, 2, "overlined: from the text line");
	}
	md_doc_free(&doc);
}

static void
test_not_titles(void)
{
	struct md_doc doc;

	parse("Para one.\n\n----------\n\nPara two.\n", &doc);
	is_int(doc.nheadings, 0, "not titles: a transition");
	is_int(doc.words, 4, "not titles: transition has no words");
	md_doc_free(&doc);

	parse("=====\n=====\n\n-----\n-----\n-----\n", &doc);
	is_int(doc.nheadings, 0, "not titles: adornment lines only");
	md_doc_free(&doc);

	parse("=====  =====\nName   Value\n=====  =====\nx      1\n=====  =====\n",
	    &doc);
	is_int(doc.nheadings, 0, "not titles: a simple table");
	md_doc_free(&doc);

	parse("+------+------+\n| a    | b    |\n+======+======+\n"
	    "| c    | d    |\n+------+------+\n", &doc);
	is_int(doc.nheadings, 0, "not titles: a grid table");
	md_doc_free(&doc);

	parse("A long title line\n---\n", &doc);
	is_int(doc.nheadings, 0, "not titles: underline short and under 4");
	md_doc_free(&doc);

	parse("A long title line\n----\n", &doc);
	is_int(doc.nheadings, 1, "not titles: 4 long is a title, as docutils");
	md_doc_free(&doc);

	parse("- item\n------\n\n* item\n******\n", &doc);
	is_int(doc.nheadings, 0, "not titles: list items");
	md_doc_free(&doc);

	parse("  Indented\n  ========\n", &doc);
	is_int(doc.nheadings, 0, "not titles: an indented underline");
	md_doc_free(&doc);

	parse("First line of a paragraph\nsecond line\n-----------\n", &doc);
	is_int(doc.nheadings, 0, "not titles: inside a paragraph");
	md_doc_free(&doc);

	parse(".. comment\n==========\n", &doc);
	is_int(doc.nheadings, 0, "not titles: explicit markup");
	md_doc_free(&doc);

	parse("Dots\n....\n", &doc);
	is_int(doc.nheadings, 0, "not titles: dots");
	md_doc_free(&doc);

	/* Wide characters: an underline two short still counts. */
	parse("\xe5\xae\x89\xe8\xa3\x85\xe6\x8c\x87\xe5\x8d\x97\n"
	    "======\n", &doc);
	is_int(doc.nheadings, 1, "not titles: CJK title, lenient width");
	md_doc_free(&doc);
}

static void
test_heading_text(void)
{
	struct md_doc doc;

	parse(".. |logo| image:: logo.png\n\n"
	    "|logo| ``pip`` *install* `Docs <https://x.org>`_ **now**\n"
	    "=========================================================\n",
	    &doc);
	if (doc.nheadings == 1) {
		is_str(doc.h[0].text, "pip install Docs now",
		    "heading text: markup reduced to its text");
		is_str(doc.h[0].norm, "pip install docs now",
		    "heading text: normalised");
	} else
		ok(0, "heading text: one heading, got %zu", doc.nheadings);
	is_int(doc.nlinks, 0, "heading text: links in headings not recorded");
	md_doc_free(&doc);

	parse(":rocket: Quick Start!\n=====================\n", &doc);
	if (doc.nheadings == 1)
		is_str(doc.h[0].norm, "quick start",
		    "heading text: shortcodes dropped as markdown.c does");
	md_doc_free(&doc);

	parse(".. |logo| image:: logo.png\n\n|logo|\n======\n", &doc);
	if (doc.nheadings == 1)
		ok(doc.h[0].text[0] != '\0', "heading text: never empty");
	md_doc_free(&doc);

	parse("Getting\\ started \\*now\\*\n=======================\n", &doc);
	if (doc.nheadings == 1)
		is_str(doc.h[0].text, "Getting started *now*",
		    "heading text: escapes undone");
	md_doc_free(&doc);
}

static void
test_literal_blocks(void)
{
	struct md_doc doc;

	parse("Install\n=======\n\nRun this::\n\n    pip install x\n\n"
	    "Usage\n=====\n\nNo code here.\n", &doc);
	ok(doc.nheadings == 2 && doc.h[0].has_code && !doc.h[1].has_code,
	    "literal: '::' paragraph then an indented block");
	is_int(doc.code_blocks, 1, "literal: one block");
	md_doc_free(&doc);

	parse("Install\n=======\n\n::\n\n    pip install x\n", &doc);
	ok(doc.nheadings == 1 && doc.h[0].has_code, "literal: expanded '::'");
	is_int(doc.h[0].words, 0, "literal: '::' alone has no words");
	md_doc_free(&doc);

	parse("Install\n=======\n\nRun::\n    pip install x\n", &doc);
	ok(doc.nheadings == 1 && doc.h[0].has_code,
	    "literal: without the blank line");
	md_doc_free(&doc);

	parse(".. highlight:: console\n\nInstall\n=======\n\nThe shell::\n\n"
	    "  $ pip install x\n\n  $ python -m x\n\nDone.\n", &doc);
	ok(doc.nheadings == 1 && doc.h[0].has_code,
	    "literal: after a highlight directive");
	is_int(doc.code_blocks, 1, "literal: blank lines inside one block");
	is_int(doc.h[0].words, 3, "literal: no words of code");
	md_doc_free(&doc);

	parse("Example\n=======\n\n>>> import x\n>>> x.run()\n42\n\nAfter.\n",
	    &doc);
	ok(doc.nheadings == 1 && doc.h[0].has_code, "literal: a doctest block");
	is_int(doc.h[0].words, 1, "literal: doctest has no words");
	md_doc_free(&doc);

	parse("Quoted\n======\n\nLike this::\n\n> quoted literal\n> block\n\n"
	    "After.\n", &doc);
	ok(doc.nheadings == 1 && doc.h[0].has_code, "literal: quoted");
	is_int(doc.h[0].words, 3, "literal: quoted has no words");
	md_doc_free(&doc);

	parse("Install\n=======\n\nRun::\n\n    Not a title\n    ===========\n",
	    &doc);
	is_int(doc.nheadings, 1, "literal: no title inside a literal block");
	md_doc_free(&doc);
}

static void
test_code_directives(void)
{
	static const char *const dirs[] = {
		"code", "code-block", "sourcecode", "code-block:: python",
		"sourcecode:: bash", "prompt:: bash $", "ipython",
		"jupyter-execute", "literalinclude:: ../x.py", "doctest",
		"testcode", "parsed-literal", "CODE-BLOCK:: sh", NULL
	};
	struct strbuf sb = STRBUF_INIT;
	struct md_doc doc;
	size_t i;

	for (i = 0; dirs[i] != NULL; i++) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "Quick start\n===========\n\n.. %s%s\n"
		    "   :linenos:\n\n   pip install x\n   Title\n   =====\n",
		    dirs[i], strchr(dirs[i], ':') != NULL ? "" : "::");
		parse(sb.buf, &doc);
		ok(doc.nheadings == 1 && doc.h[0].has_code &&
		    doc.h[0].words == 0, "code directive: %s", dirs[i]);
		md_doc_free(&doc);
	}

	/* Nested in a tab or a note. */
	parse("Install\n=======\n\n.. tab:: pip\n\n   .. code-block:: bash\n\n"
	    "      pip install x\n\n.. note:: Use a venv.\n", &doc);
	ok(doc.nheadings == 1 && doc.h[0].has_code, "code directive: in a tab");
	is_int(doc.h[0].words, 3, "code directive: note words count");
	md_doc_free(&doc);
	strbuf_release(&sb);
}

static void
test_not_code(void)
{
	struct md_doc doc;

	parse("Install\n=======\n\n- Run::\n\n  pip install x\n", &doc);
	ok(doc.nheadings == 1 && !doc.h[0].has_code,
	    "not code: a list item's text at its own indent");
	md_doc_free(&doc);

	parse("Install\n=======\n\n    Only a block quote.\n", &doc);
	ok(doc.nheadings == 1 && !doc.h[0].has_code, "not code: block quote");
	is_int(doc.h[0].words, 4, "not code: block quote words");
	md_doc_free(&doc);

	parse("Install\n=======\n\n.. image:: x.png\n   :alt: pip install\n\n"
	    ".. math::\n\n   x = 1\n", &doc);
	ok(doc.nheadings == 1 && !doc.h[0].has_code && doc.h[0].words == 0,
	    "not code: image and math");
	md_doc_free(&doc);
}

static void
test_intro(void)
{
	static const char src[] =
	    ".. image:: https://ci.example.org/badge.svg\n"
	    "   :target: https://ci.example.org\n"
	    "\n"
	    ".. This comment has many words that are never prose at all\n"
	    "   and carry on.\n"
	    "\n"
	    "========\n"
	    "Widgets\n"
	    "========\n"
	    "\n"
	    ":Author: Someone Somewhere\n"
	    ":Version: 1.2.3\n"
	    "\n"
	    "|pypi| |ci| |docs|\n"
	    "\n"
	    "`Home <https://w.org>`_ | `Docs <https://docs.w.org>`_\n"
	    "\n"
	    "Widgets builds fast widgets on top of PyTorch for everyone.\n"
	    "\n"
	    ".. |pypi| image:: https://img.shields.io/pypi/v/w.svg\n"
	    "   :target: https://pypi.org/project/w\n"
	    ".. |ci| image:: https://ci/badge.svg\n"
	    ".. |docs| image:: https://rtd/badge.svg\n"
	    "   :target: https://w.readthedocs.io\n"
	    "\n"
	    "Install\n"
	    "=======\n";
	struct md_doc doc;

	parse(src, &doc);
	is_int(doc.nheadings, 2, "intro: two headings");
	is_int(doc.lead_words, 0, "intro: badges and comments are no lead");
	is_int(doc.intro_words, 10, "intro: only the prose under the title");
	ok(has_link(&doc, "https://pypi.org/project/w"),
	    "intro: a linked badge is a link");
	ok(has_link(&doc, "https://w.readthedocs.io"),
	    "intro: its :target: is the link");
	ok(has_link(&doc, "https://docs.w.org"), "intro: navigation links");
	md_doc_free(&doc);

	parse("Some words before any title here.\n\nTitle\n=====\n\nMore.\n",
	    &doc);
	is_int(doc.lead_words, 6, "intro: lead words");
	is_int(doc.intro_words, 7, "intro: lead and under the title");
	md_doc_free(&doc);
}

static void
test_words(void)
{
	struct md_doc doc;

	parse("Words\n=====\n\n"
	    "One ``two three`` *four* **five** :class:`six` `seven`.\n"
	    "\n"
	    "1. eight\n"
	    "2. nine [1]_\n"
	    "#. ten\n"
	    "(3) eleven\n"
	    "\n"
	    "* twelve\n"
	    "\n"
	    ".. [1] A footnote is skipped.\n"
	    "\n"
	    ".. _target: https://example.org\n", &doc);
	if (doc.nheadings == 1)
		is_int(doc.h[0].words, 12, "words: prose, literals, lists");
	md_doc_free(&doc);

	parse("W\n=\n\nSee `the guide <https://g.org/a/b>`_ now.\n", &doc);
	if (doc.nheadings == 1) {
		is_int(doc.h[0].words, 4, "words: a URL in a link is no word");
		is_int(doc.h[0].link_words, 2, "words: link words");
	}
	md_doc_free(&doc);
}

static void
test_links(void)
{
	static const char src[] =
	    "Links\n"
	    "=====\n"
	    "\n"
	    "A `named`_ one, a `phrase ref`_, word_ and `embedded\n"
	    "<https://e.org/x>`_, `alias <named_>`_, `anon`__ and\n"
	    "https://bare.org/path. Also :doc:`contributing`, :doc:`Guide\n"
	    "<guide/start>`, :ref:`my-label`, :download:`f <files/a.zip>`,\n"
	    "`Section Title`_ and snake_case_ words, ``code_``. This paragraph\n"
	    "has enough words of its own to be prose.\n"
	    "\n"
	    ".. _named: https://named.org\n"
	    ".. _phrase ref: https://phrase.org\n"
	    ".. _word: indirect_\n"
	    ".. _indirect: https://indirect.org/a\n"
	    "   /continued\n"
	    "\n"
	    "__ https://anon.org\n"
	    "\n"
	    ".. toctree::\n"
	    "   :maxdepth: 2\n"
	    "\n"
	    "   install\n"
	    "   Usage <usage/index>\n"
	    "   self\n";
	static const char *const want[] = {
		"https://named.org", "https://phrase.org",
		"https://indirect.org/a/continued", "https://e.org/x",
		"https://named.org", "https://anon.org", "https://bare.org/path",
		"contributing.rst", "guide/start.rst", "#my-label",
		"files/a.zip", "#section title", "install.rst",
		"usage/index.rst"
	};
	struct md_doc doc;
	size_t i;

	parse(src, &doc);
	is_int(doc.nlinks, NWANT(want), "links: all found, no false ones");
	for (i = 0; i < NWANT(want) && i < doc.nlinks; i++)
		is_str(doc.links[i], want[i], "links: %zu", i);
	if (doc.nheadings == 1) {
		is_int(doc.h[0].nlinks, NWANT(want), "links: in the section");
		is_int(doc.h[0].only_links, 0, "links: with prose");
	}
	md_doc_free(&doc);

	rst_parse("See first__ and second__\n\n__ https://a.org\n"
	    ".. __: https://b.org\n", 64, &doc);
	ok(doc.nlinks == 2 && strcmp(doc.links[0], "https://a.org") == 0 &&
	    strcmp(doc.links[1], "https://b.org") == 0,
	    "links: anonymous words, in order");
	md_doc_free(&doc);

	parse("Releases\n========\n\nSee `RELEASE <RELEASE.rst>`_.\n\n"
	    "Next\n====\n", &doc);
	if (doc.nheadings == 2) {
		is_int(doc.h[0].only_links, 1, "links: only a link");
		is_int(doc.h[0].nlinks, 1, "links: one");
		is_int(doc.h[1].link_first, 1, "links: next section's first");
	}
	md_doc_free(&doc);
}

static void
test_sections(void)
{
	static const char src[] =
	    "Top\n===\n\nIntro.\n\nA\n-\n\nText of A.\n\nA1\n~~\n\n::\n\n"
	    "  code\n\nB\n-\n\nText.\n";
	struct md_doc doc;
	size_t i;

	parse(src, &doc);
	if (doc.nheadings == 4) {
		is_int(doc.h[1].has_code, 1, "sections: A holds A1's code");
		is_int(doc.h[2].has_code, 1, "sections: A1 has code");
		is_int(doc.h[3].has_code, 0, "sections: B has none");
		is_int(doc.h[0].words, 5, "sections: top holds all words");
		is_int(doc.h[1].words, 3, "sections: A with A1");
		is_int(doc.h[1].end, 3, "sections: A ends at B");
		for (i = 0; i < 4; i++)
			ok(doc.h[i].body_off <= doc.h[i].body_end &&
			    doc.h[i].body_end <= sizeof(src) - 1,
			    "sections: body %zu within the input", i);
		is_int(doc.h[1].body_off, 21, "sections: A's body offset");
		is_int(doc.h[1].body_end, 53, "sections: A's body ends at B");
	} else
		ok(0, "sections: 4 headings, got %zu", doc.nheadings);
	md_doc_free(&doc);
}

static void
test_line_endings(void)
{
	static const char crlf[] = "Title\r\n=====\r\n\r\nText here.\r\n\r\n"
	    "Next\r\n----\r\n";
	static const char cr[] = "Title\r=====\r\rText here.\r\rNext\r----\r";
	static const char tabs[] = "T\n=\n\nRun::\n\n\tpip install x\n";
	struct md_doc doc;

	rst_parse(crlf, sizeof(crlf) - 1, &doc);
	ok(doc.nheadings == 2 && doc.h[1].line == 6 &&
	    strcmp(doc.h[1].text, "Next") == 0, "line endings: CRLF");
	is_int(doc.nlines, 7, "line endings: CRLF lines");
	md_doc_free(&doc);
	rst_parse(cr, sizeof(cr) - 1, &doc);
	ok(doc.nheadings == 2 && doc.h[1].line == 6, "line endings: CR");
	md_doc_free(&doc);
	parse(tabs, &doc);
	ok(doc.nheadings == 1 && doc.h[0].has_code, "line endings: tab indent");
	md_doc_free(&doc);
	parse("Title\n=====\nno final newline", &doc);
	ok(doc.nheadings == 1 && doc.h[0].words == 3 && doc.nlines == 3,
	    "line endings: no final newline");
	md_doc_free(&doc);
}

static void
test_malformed(void)
{
	static const char bad[] = "T\xff\xfe\n====\n\nWords \xc3 and \x80 more.\n"
	    "\n`unclosed and |bar and ``lit and :role:`x\n\n.. _\n..\n"
	    ".. |\n.. _`x\n__\n\xe2\x82\n==\n";
	static const char nul[] = "Ti\0tle\n======\n\nA\0B words.\n";
	struct md_doc doc;
	size_t i;
	int good;

	is_int(rst_parse(bad, sizeof(bad) - 1, &doc), 0, "malformed: parses");
	good = 1;
	for (i = 0; i < doc.nheadings; i++)
		good &= valid_utf8(doc.h[i].text) && valid_utf8(doc.h[i].norm) &&
		    doc.h[i].text[0] != '\0';
	for (i = 0; i < doc.nlinks; i++)
		good &= valid_utf8(doc.links[i]);
	ok(good, "malformed: all text valid UTF-8");
	ok(doc.nheadings >= 1 && strncmp(doc.h[0].text, "T\xef\xbf\xbd", 4) == 0,
	    "malformed: invalid bytes read as U+FFFD");
	md_doc_free(&doc);

	is_int(rst_parse(nul, sizeof(nul) - 1, &doc), 0, "nul: parses");
	ok(doc.nheadings == 1 && valid_utf8(doc.h[0].text) &&
	    strcmp(doc.h[0].text, "Ti\xef\xbf\xbdtle") == 0,
	    "nul: NUL in a title as U+FFFD");
	/* A NUL separates words, as a control character does. */
	ok(doc.nheadings == 1 && doc.h[0].words == 3, "nul: words around NUL");
	md_doc_free(&doc);

	is_int(rst_parse(NULL, 0, &doc), 0, "empty: NULL buffer parses");
	ok(doc.nheadings == 0 && doc.nlines == 0 && doc.title == MD_NONE,
	    "empty: nothing");
	md_doc_free(&doc);

	/* Only the len bytes are read: a title past len is not seen. */
	rst_parse("Title\n=====\n", 6, &doc);
	is_int(doc.nheadings, 0, "bounded: nothing read past len");
	md_doc_free(&doc);
	rst_parse("..", 2, &doc);
	is_int(doc.nheadings, 0, "bounded: a lone '..'");
	md_doc_free(&doc);
	rst_parse("`", 1, &doc);
	is_int(doc.words, 0, "bounded: a lone backquote");
	md_doc_free(&doc);
	rst_parse("a_", 2, &doc);
	is_int(doc.nlinks, 0, "bounded: a reference to nothing");
	md_doc_free(&doc);
}

static void
test_caps(void)
{
	struct strbuf sb = STRBUF_INIT;
	struct md_doc doc;
	size_t i;

	for (i = 0; i < MD_MAX_HEADINGS + 5; i++)
		strbuf_addf(&sb, "H%zu\n------\n\nhttps://x.org/%zu\n\n", i, i);
	parse(sb.buf, &doc);
	is_int(doc.nheadings, MD_MAX_HEADINGS, "caps: headings capped");
	is_int(doc.headings_truncated, 1, "caps: and says so");
	if (doc.nheadings == MD_MAX_HEADINGS)
		is_int(doc.h[MD_MAX_HEADINGS - 1].nlinks, 6,
		    "caps: the last kept section gets the rest");
	md_doc_free(&doc);

	strbuf_reset(&sb);
	strbuf_addstr(&sb, "T\n=\n\n");
	for (i = 0; i < MD_MAX_LINKS + 3; i++)
		strbuf_addstr(&sb, "https://y.z ");
	parse(sb.buf, &doc);
	is_int(doc.nlinks, MD_MAX_LINKS, "caps: links capped");
	is_int(doc.links_truncated, 1, "caps: and says so");
	md_doc_free(&doc);

	strbuf_reset(&sb);
	for (i = 0; i < 100000; i++)
		strbuf_addstr(&sb, "long ");
	strbuf_addstr(&sb, "\n=====\n");
	parse(sb.buf, &doc);
	ok(doc.nheadings == 1 && strlen(doc.h[0].text) < MD_MAX_TEXT,
	    "caps: heading text capped");
	md_doc_free(&doc);

	quiet(1);
	is_int(rst_parse(sb.buf, (size_t)MD_MAX_INPUT + 1, &doc), -1,
	    "caps: input over MD_MAX_INPUT refused");
	quiet(0);
	md_doc_free(&doc);
	strbuf_release(&sb);
}

/* Time to parse what fill() writes, at n bytes. */
static double
time_parse(void (*fill)(struct strbuf *, size_t), size_t n, size_t *heads)
{
	struct strbuf sb = STRBUF_INIT;
	struct md_doc doc;
	double t0, t1;

	fill(&sb, n);
	t0 = now_ms();
	rst_parse(sb.buf, sb.len, &doc);
	t1 = now_ms();
	*heads = doc.nheadings;
	md_doc_free(&doc);
	strbuf_release(&sb);
	return t1 - t0;
}

static void
fill_readme(struct strbuf *sb, size_t n)
{
	size_t i;

	strbuf_addstr(sb, ".. |ci| image:: https://ci/b.svg\n   :target: "
	    "https://ci\n\nBig\n===\n\n|ci|\n\nA big project.\n\n");
	for (i = 0; sb->len < n; i++)
		strbuf_addf(sb, "Section %zu\n-------------\n\nSome *prose* with "
		    "a `link <https://e.org/%zu>`_, ``code`` and ref_.\n\n"
		    "Run::\n\n    pip install x==%zu\n\n.. note:: A note.\n\n"
		    ".. _ref: https://r.org\n\n", i, i, i);
}

/* One paragraph of unclosed marks: backquotes, bars, roles, refs. */
static void
fill_hostile(struct strbuf *sb, size_t n)
{
	strbuf_addstr(sb, "T\n=\n\n");
	while (sb->len < n)
		strbuf_addstr(sb, "`a |b ``c :r:`d [e]_ f_ x_y_ "
		    "http:// <g> `h <i> *j ");
	strbuf_addstr(sb, "\n");
}

/* Literals opened and never closed, roles never finished. */
static void
fill_openers(struct strbuf *sb, size_t n)
{
	strbuf_addstr(sb, "T\n=\n\n");
	while (sb->len < n)
		strbuf_addstr(sb, "``x :a: ");
	strbuf_addstr(sb, "\n");
}

/* Many lines that look almost like titles and directives. */
static void
fill_lines(struct strbuf *sb, size_t n)
{
	while (sb->len < n)
		strbuf_addstr(sb, "=====\nx\n-----\n.. x\n   ::\n>>>\n\n::\n");
}

static void
test_linear(void)
{
	static const struct {
		const char	*name;
		void		(*fill)(struct strbuf *, size_t);
	} inputs[] = {
		{ "README", fill_readme },
		{ "unclosed inline markup", fill_hostile },
		{ "unclosed literals", fill_openers },
		{ "almost titles", fill_lines },
	};
	double small, big;
	size_t i, h0, h1;

	for (i = 0; i < NWANT(inputs); i++) {
		small = time_parse(inputs[i].fill, 64 * 1024, &h0);
		big = time_parse(inputs[i].fill, 1024 * 1024, &h1);
		printf("# linear: %s: 64 KB in %.1f ms, 1 MB in %.1f ms\n",
		    inputs[i].name, small, big);
		/*
		 * 16 times the input: linear is 16 times the CPU time,
		 * quadratic 256 times; the bound sits 4 times from each, so
		 * a sanitizer build or a loaded machine does not trip it.
		 */
		ok(big < 64 * small + 200, "linear: %s", inputs[i].name);
		if (i == 0)
			ok(h1 > 12 * h0, "linear: README headings grow");
	}
}

static void
test_is_path(void)
{
	ok(rst_is_path("README.rst"), "is_path: README.rst");
	ok(rst_is_path("docs/Governance.RST"), "is_path: any case");
	ok(rst_is_path("CONTRIBUTING.rest"), "is_path: .rest");
	ok(!rst_is_path("README.txt"), "is_path: not .txt");
	ok(!rst_is_path("README.md"), "is_path: not .md");
	ok(!rst_is_path("README"), "is_path: not bare");
	ok(!rst_is_path(".rst"), "is_path: not a dot file alone");
	ok(!rst_is_path("first.rst/README.md"), "is_path: the name only");
}

/* One document written in Markdown and in reST: its sections' totals agree. */
static void
test_same_totals(void)
{
	static const char md[] =
	    "# T\n\nIntro words here.\n\n## Install\n\n"
	    "Run [the tool](https://x.org) now.\n\n```\ncode\n```\n";
	static const char rs[] =
	    "T\n=\n\nIntro words here.\n\nInstall\n-------\n\n"
	    "Run `the tool <https://x.org>`_ now.\n\n::\n\n    code\n";
	struct md_doc a, b;
	size_t i;

	md_parse(md, sizeof(md) - 1, &a);
	rst_parse(rs, sizeof(rs) - 1, &b);
	is_int((int)a.nheadings, 2, "same totals: two Markdown sections");
	is_int((int)b.nheadings, 2, "same totals: two reST sections");
	for (i = 0; i < 2 && i < a.nheadings && i < b.nheadings; i++) {
		is_int((int)b.h[i].words, (int)a.h[i].words,
		    "same totals: section %zu words", i);
		is_int((int)b.h[i].link_words, (int)a.h[i].link_words,
		    "same totals: section %zu link words", i);
		is_int(b.h[i].has_code, a.h[i].has_code,
		    "same totals: section %zu code", i);
		is_int((int)b.h[i].nlinks, (int)a.h[i].nlinks,
		    "same totals: section %zu links", i);
	}
	is_int((int)a.h[1].words, 4, "same totals: 'Run the tool now.'");
	is_int((int)b.words, (int)a.words, "same totals: document words");
	is_int((int)b.code_blocks, (int)a.code_blocks,
	    "same totals: document code blocks");
	md_doc_free(&a);
	md_doc_free(&b);
}

int
main(void)
{
	test_underlined();
	test_overlined();
	test_not_titles();
	test_heading_text();
	test_literal_blocks();
	test_code_directives();
	test_not_code();
	test_intro();
	test_words();
	test_links();
	test_sections();
	test_line_endings();
	test_malformed();
	test_caps();
	test_linear();
	test_is_path();
	test_same_totals();
	test_text_blocks();
	return done_testing();
}

/*
 * The paragraphs and list items rst.c reads: items by their bullets and
 * enumerators, nested by indentation; a field list and a grid table are
 * paragraphs; nothing in a literal block or a comment.
 */
static void
test_text_blocks(void)
{
	static const char src[] =
	    "Team\n"					/* 1 */
	    "====\n"
	    "\n"
	    "Maintained by:\n"
	    "\n"						/* 5 */
	    "- Jane Doe\n"
	    "  continued\n"
	    "\n"
	    "  - Nested\n"
	    "\n"						/* 10 */
	    "  Body of Jane\n"
	    "- `John <https://github.com/john>`_\n"
	    "\n"
	    ":Author: Ann\n"
	    ":Email: a@x.org\n"				/* 15 */
	    "\n"
	    "+------+-----+\n"
	    "| Name | Ann |\n"
	    "+------+-----+\n"
	    "\n"						/* 20 */
	    "Code::\n"
	    "\n"
	    "    Jane Code\n"
	    "\n"
	    ".. Jane Comment\n"				/* 25 */
	    "\n"
	    "#. Enumerated\n"
	    "(2) and parenthesised\n";
	static const struct want_text want[] = {
		{ MD_BLOCK_PARA, 4, 4, 1, 0, 0 },
		{ MD_BLOCK_ITEM, 6, 11, 1, 1, 0 },
		{ MD_BLOCK_PARA, 6, 7, 3, 1, 0 },
		{ MD_BLOCK_ITEM, 9, 9, 3, 2, 0 },
		{ MD_BLOCK_PARA, 9, 9, 5, 2, 0 },
		{ MD_BLOCK_PARA, 11, 11, 3, 1, 0 },
		{ MD_BLOCK_ITEM, 12, 12, 1, 1, 0 },
		{ MD_BLOCK_PARA, 12, 12, 3, 1, 0 },
		{ MD_BLOCK_PARA, 14, 15, 1, 0, 0 },
		{ MD_BLOCK_PARA, 17, 19, 1, 0, 0 },
		{ MD_BLOCK_PARA, 21, 21, 1, 0, 0 },
		{ MD_BLOCK_ITEM, 27, 27, 1, 1, 0 },
		{ MD_BLOCK_PARA, 27, 27, 4, 1, 0 },
		{ MD_BLOCK_ITEM, 28, 28, 1, 1, 0 },
		{ MD_BLOCK_PARA, 28, 28, 5, 1, 0 }
	};
	struct md_doc doc;

	parse(src, &doc);
	check_text("text", &doc, want, NWANT(want));
	md_doc_free(&doc);
}
