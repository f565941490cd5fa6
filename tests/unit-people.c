/* unit-people.c: merging people from several sources, and the reader of maintainers sections */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "read/markdown.h"
#include "read/people.h"
#include "read/rst.h"
#include "strbuf.h"
#include "tap.h"

static void	 test_merge(void);
static void	 test_name_like(void);
static void	 test_markdown(void);
static void	 test_not_people(void);
static void	 test_rst(void);
static void	 test_whole(void);
static void	 test_hostile(void);
static void	 test_fence(void);
static void	 test_cmark_blocks(void);
static int	 cmark_code_lines(const char *, int *, int *);
static size_t	 read_doc(struct people *, const char *, const char *,
		    unsigned);
static const struct person *find(const struct people *, const char *);
static char	*names(const struct people *);

/* Parse text as the reader its path calls for and add its people. */
static size_t
read_doc(struct people *pp, const char *path, const char *text,
    unsigned flags)
{
	struct md_doc doc;
	size_t n;
	int rst;

	rst = rst_is_path(path);
	if (rst)
		rst_parse(text, strlen(text), &doc);
	else
		md_parse(text, strlen(text), &doc);
	n = people_from_doc(pp, text, strlen(text), &doc, path,
	    flags | (rst ? PEOPLE_RST : 0));
	md_doc_free(&doc);
	return n;
}

/* The person named so (display form), or NULL. */
static const struct person *
find(const struct people *pp, const char *display)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < pp->n; i++) {
		strbuf_reset(&sb);
		people_display(&pp->v[i], &sb);
		if (strcmp(sb.buf, display) == 0)
			break;
	}
	strbuf_release(&sb);
	return i < pp->n ? &pp->v[i] : NULL;
}

/* Everyone, "; "-separated, retired ones marked "(r)". */
static char *
names(const struct people *pp)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < pp->n; i++) {
		if (i > 0)
			strbuf_addstr(&sb, "; ");
		people_display(&pp->v[i], &sb);
		if (pp->v[i].retired)
			strbuf_addstr(&sb, " (r)");
	}
	return strbuf_detach(&sb, NULL);
}

static void
test_merge(void)
{
	struct people pp = PEOPLE_INIT;
	const struct person *p;

	people_add(&pp, "Jane Doe", "@jane", NULL, 0, "MAINTAINERS.md", 3,
	    "Maintainers");
	people_add(&pp, NULL, "JANE", NULL, 0, "CODEOWNERS", 1, "CODEOWNERS");
	people_add(&pp, NULL, NULL, "1234+Jane@users.noreply.github.com", 0,
	    "GOVERNANCE.md", 9, NULL);
	is_int(pp.n, 1, "a handle without case and a noreply email are one person");
	p = find(&pp, "Jane Doe (@jane)");
	ok(p != NULL && p->nrefs == 3, "with the three places as evidence");
	ok(p != NULL && strcmp(p->refs[1].path, "CODEOWNERS") == 0 &&
	    p->refs[1].line == 1, "each with its file and line");
	people_add(&pp, "Vladimir Iglovikov", NULL, NULL, 0, "MAINTAINERS.md",
	    5, NULL);
	people_add(&pp, "Vladimir I. Iglovikov", NULL, NULL, 0, "README.md",
	    139, NULL);
	is_int(pp.n, 2, "a middle initial does not make another person");
	people_add(&pp, "Adam Gleave", NULL, NULL, 0, "README.md", 1, NULL);
	people_add(&pp, NULL, "AdamGleave", NULL, 0, "CODEOWNERS", 2, NULL);
	is_int(pp.n, 3, "a name written as a handle is that handle");
	people_add(&pp, "Bob Roe", NULL, "bob@x.org", 0, "A.md", 1, NULL);
	people_add(&pp, NULL, "bobr", "BOB@X.ORG", 1, "B.md", 2, NULL);
	is_int(pp.n, 4, "an email without case is one person");
	p = find(&pp, "Bob Roe (@bobr)");
	ok(p != NULL && !p->retired,
	    "named current in one place and retired in another: current");
	people_add(&pp, NULL, "@pytorch/core", NULL, 0, "CODEOWNERS", 4, NULL);
	people_add(&pp, NULL, "pytorch/Core", NULL, 0, "CODEOWNERS", 5, NULL);
	is_int(pp.teams, 1, "a team is counted once, as a team");
	people_add(&pp, "Old Timer", NULL, NULL, 1, "MAINTAINERS.md", 20, NULL);
	is_int(people_current(&pp), 4, "teams and retired people are not current");
	/* One name found that matches two people known apart: one person. */
	people_add(&pp, "Carol King", NULL, NULL, 0, "A.md", 1, NULL);
	people_add(&pp, NULL, "cking", NULL, 0, "B.md", 1, NULL);
	people_add(&pp, "Carol King", "cking", NULL, 0, "C.md", 1, NULL);
	ok(find(&pp, "Carol King (@cking)") != NULL && find(&pp, "@cking") ==
	    NULL, "a mention linking two known people merges them");
	people_add(&pp, NULL, NULL, NULL, 0, "A.md", 1, NULL);
	is_int(people_current(&pp), 5, "nothing known adds nobody");
	people_release(&pp);
	ok(pp.n == 0 && pp.v == NULL, "release empties the list");
}

static void
test_name_like(void)
{
	static const struct {
		const char	*s;
		int		 want;
	} cases[] = {
		{ "Jane Doe", 1 },
		{ "Vladimir I. Iglovikov", 1 },
		{ "Gonzalo Romero-García", 1 },
		{ "Quentin Gallouédec", 1 },
		{ "Jan van der Berg", 1 },
		{ "Andrew Gordon Wilson", 1 },
		{ "Conan O'Brien", 1 },
		{ "Jane", 0 },
		{ "jane doe", 0 },
		{ "Fast Training", 0 },
		{ "GPU Support", 0 },
		{ "Multi-GPU Training", 0 },
		{ "Kaggle Grandmaster", 0 },
		{ "\xf0\x9f\x93\xa6 AlbumentationsX Repository", 0 },
		{ "Release 2024", 0 },
		{ "J. R.", 0 },
		{ "van Doe", 0 },
		{ "One Two Three Four Five Six", 0 },
		{ "", 0 },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		is_int(people_name_like(cases[i].s, strlen(cases[i].s)),
		    cases[i].want, "'%s' is %sa name", cases[i].s,
		    cases[i].want ? "" : "not ");
}

static void
test_markdown(void)
{
	struct people pp = PEOPLE_INIT;
	char *got;

	read_doc(&pp, "README.md",
	    "# Project\n"
	    "\n"
	    "Built by @someone-in-the-intro.\n"
	    "\n"
	    "## Maintainers\n"
	    "\n"
	    "- Jane Doe (@jane)\n"
	    "* [@bob](https://github.com/bob)\n"
	    "- Carol Roe <carol@example.org>\n"
	    "- Dan Poe (University of Somewhere)\n"
	    "\n"
	    "```\n"
	    "- Not Person (@ghost)\n"
	    "```\n"
	    "<!-- - Hidden Person (@hidden) -->\n"
	    "\n"
	    "### Emeritus\n"
	    "\n"
	    "- Old Timer (@old)\n"
	    "\n"
	    "## Team\n"
	    "\n"
	    "Maintained by [Ann Lee](https://github.com/annlee) (aka @annlee) "
	    "and [Bo Chan](https://bo.example.org) (aka "
	    "[@bochan](https://github.com/bochan)).\n"
	    "\n"
	    "## Install\n"
	    "\n"
	    "- Eve Moe (@eve)\n", 0);
	got = names(&pp);
	is_str(got, "Jane Doe (@jane); @bob; Carol Roe <carol@example.org>; "
	    "Dan Poe; Old Timer (@old) (r); Ann Lee (@annlee); "
	    "Bo Chan (@bochan)",
	    "README: maintainers by handle, link, email and name; emeritus "
	    "retired; prose; no code, comment or other section");
	free(got);
	ok(find(&pp, "Jane Doe (@jane)") != NULL &&
	    find(&pp, "Jane Doe (@jane)")->refs[0].line == 7 &&
	    strcmp(find(&pp, "Jane Doe (@jane)")->refs[0].source,
	    "Maintainers") == 0, "the line and heading of each");
	people_release(&pp);

	read_doc(&pp, "MAINTAINERS.md",
	    "# Maintainers\n"
	    "\n"
	    "| **Name** | GitHub | Affiliation |\n"
	    "| --- | --- | --- |\n"
	    "| Adam J. Stewart | @adamjstewart | TUM |\n"
	    "| Caleb Robinson | [calebrob6](https://github.com/calebrob6) | MS |\n"
	    "| Isaac Corley | `isaaccorley` | W |\n", PEOPLE_WHOLE);
	got = names(&pp);
	is_str(got, "Adam J. Stewart (@adamjstewart); "
	    "Caleb Robinson (@calebrob6); Isaac Corley (@isaaccorley)",
	    "a table's Name and GitHub columns");
	free(got);
	is_int(pp.v[1].refs[0].line, 6, "a row's line");
	people_release(&pp);

	read_doc(&pp, "MAINTAINERS.md",
	    "# Maintainers\n"
	    "\n"
	    "- Jane [Doe](https://jane.example.org) (@jane)\n"
	    "- **Bob** ![avatar](b.png) Roe <b>(@bob)</b>\n"
	    "- `Carl` Poe (@carl)\n", PEOPLE_WHOLE);
	got = names(&pp);
	is_str(got, "Jane Doe (@jane); Bob Roe (@bob); Carl Poe "
	    "(@carl)", "inline markup in names as cmark reads it: link "
	    "text spaced, images, tags and emphasis dropped, code as text");
	free(got);
	people_release(&pp);
}

/* Lists of things that are not people name nobody. */
static void
test_not_people(void)
{
	struct people pp = PEOPLE_INIT;

	read_doc(&pp, "README.md",
	    "# X\n"
	    "## Team\n"
	    "- Fast Training\n"
	    "- Team Dashboards\n"
	    "- Shared Workspaces\n"
	    "- Role-based access for every member of your organisation\n"
	    "## Team features\n"
	    "- Easy Deployment\n"
	    "- Cloud Sync\n", 0);
	is_int(pp.n, 0, "features under Team headings are nobody");
	read_doc(&pp, "README.md",
	    "# X\n"
	    "## Maintainers\n"
	    "- Fast Training\n"
	    "- Dashboards for all your runs, with sharing\n"
	    "- Shared Workspaces that sync across machines\n"
	    "- Jane Doe\n", 0);
	is_int(pp.n, 0, "a list mostly of non-names names nobody");
	read_doc(&pp, "README.md",
	    "# X\n"
	    "## X is no longer maintained\n"
	    "- Jane Doe\n"
	    "- John Roe\n"
	    "## Contributors\n"
	    "- Jim Poe (@jim)\n"
	    "## How to become a maintainer\n"
	    "- Review Code\n"
	    "- Triage Regularly\n"
	    "## Maintainers\n"
	    "Write to maintainers@example.org or the team.\n", 0);
	is_int(pp.n, 0, "not maintained, contributors, a process, a role "
	    "mailbox: nobody");
	read_doc(&pp, "README.md",
	    "# X\n"
	    "## The Team\n"
	    "X is maintained by:\n"
	    "- Jake Gardner (University of Pennsylvania)\n"
	    "- Geoff Pleiss\n"
	    "\n"
	    "We thank our other contributors including\n"
	    "Eytan Bakshy,\n"
	    "Wesley Maddox,\n"
	    "and many more!\n", 0);
	is_int(people_current(&pp), 2, "a team section saying maintained by "
	    "names its list, not the people thanked in prose");
	people_release(&pp);
}

static void
test_rst(void)
{
	struct people pp = PEOPLE_INIT;
	char *got;

	read_doc(&pp, "docs/source/governance.rst",
	    "Governance\n"
	    "##########\n"
	    "\n"
	    "Persons of Interest\n"
	    "*******************\n"
	    "\n"
	    "Leads\n"
	    "-----\n"
	    "- Nicki Skafte (`skaftenicki <https://github.com/SkafteNicki>`_)\n"
	    "- Jirka Borovec (`Borda <https://github.com/Borda>`_)\n"
	    "\n"
	    ".. code-block:: rst\n"
	    "\n"
	    "   - Not Here (@nothere)\n"
	    "\n"
	    ".. note::\n"
	    "\n"
	    "   - Also Here (@alsohere)\n"
	    "\n"
	    "Alumni\n"
	    "------\n"
	    "- Teddy Koker (`teddykoker <https://github.com/teddykoker>`_)\n"
	    "\n"
	    "Releases\n"
	    "********\n"
	    "- Someone Else (@else)\n", 0);
	got = names(&pp);
	is_str(got, "Nicki Skafte (@SkafteNicki); Jirka Borovec (@Borda); "
	    "Also Here (@alsohere); Teddy Koker (@teddykoker) (r)",
	    "reST: leads with links, alumni retired, code skipped, notes read");
	free(got);
	people_release(&pp);
}

static void
test_whole(void)
{
	struct people pp = PEOPLE_INIT;
	char *got;

	read_doc(&pp, "MAINTAINERS.md",
	    "# Project Maintainers\n"
	    "\n"
	    "## Current Maintainer\n"
	    "\n"
	    "Vladimir Iglovikov\n"
	    "\n"
	    "## Emeritus Team Members\n"
	    "\n"
	    "- Alexander Buslaev\n"
	    "- Alex Parinov\n", PEOPLE_WHOLE);
	read_doc(&pp, "README.md",
	    "# A\n"
	    "## Authors\n"
	    "### Current Maintainer\n"
	    "[**Vladimir I. Iglovikov**](https://www.linkedin.com/in/x/) | "
	    "[Kaggle Grandmaster](https://www.kaggle.com/x)\n", 0);
	got = names(&pp);
	is_str(got, "Vladimir Iglovikov; Alexander Buslaev (r); "
	    "Alex Parinov (r)", "one maintainer named twice is one");
	free(got);
	is_int(people_current(&pp), 1, "one current maintainer");
	people_release(&pp);
	read_doc(&pp, "MAINTAINERS", "Jane Doe <jane@example.org>\n"
	    "John Roe <john@example.org>\n", PEOPLE_WHOLE);
	is_int(people_current(&pp), 2, "a MAINTAINERS file without headings");
	people_release(&pp);
}

/* Bytes of any kind read as text, never past the buffer. */
static void
test_hostile(void)
{
	struct people pp = PEOPLE_INIT;
	struct md_doc doc;
	static const char junk[] = "## Maintainers\n- \xff\xfe @\n| a |\n"
	    "[x](https://github.com/\n`a <b\n@-x @a/ x@ @\n\r\n- Jane\x00 Doe";
	size_t len;

	len = sizeof(junk) - 1;
	md_parse(junk, len, &doc);
	people_from_doc(&pp, junk, len, &doc, "README.md", 0);
	md_doc_free(&doc);
	ok(pp.n <= 2, "junk names at most what it holds");
	people_release(&pp);
	rst_parse(junk, len, &doc);
	people_from_doc(&pp, junk, len, &doc, "x.rst", PEOPLE_RST |
	    PEOPLE_WHOLE);
	md_doc_free(&doc);
	ok(pp.n <= 3, "junk read as reST too, names at most what it holds");
	people_release(&pp);
}

/*
 * The first and last line of the first code block cmark finds in text;
 * 0 if it finds none.
 */
static int
cmark_code_lines(const char *text, int *first, int *last)
{
	cmark_node *root, *n;
	cmark_iter *it;
	cmark_event_type ev;
	int found;

	root = cmark_parse_document(text, strlen(text), CMARK_OPT_SOURCEPOS);
	it = cmark_iter_new(root);
	found = 0;
	while (!found && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER ||
		    cmark_node_get_type(n) != CMARK_NODE_CODE_BLOCK)
			continue;
		*first = cmark_node_get_start_line(n);
		*last = cmark_node_get_end_line(n);
		found = 1;
	}
	cmark_iter_free(it);
	cmark_node_free(root);
	return found;
}

/* A ```` fence holding a ``` line: cmark says what is code, and so do we. */
static void
test_fence(void)
{
	static const char text[] =
	    "# X\n\n## Maintainers\n\n- Jane Doe (@janedoe)\n\n"
	    "Copy this:\n\n````markdown\n```\n- Ann Example (@annexample)\n"
	    "- Bob Example (@bobexample)\n````\n";
	struct people pp = PEOPLE_INIT;
	char *got;
	int first, last;

	first = last = 0;
	ok(cmark_code_lines(text, &first, &last), "fence: cmark sees a code block");
	ok(first == 9 && last == 13, "fence: cmark's block is lines 9-13 "
	    "(got %d-%d), the names inside it", first, last);
	read_doc(&pp, "README.md", text, 0);
	got = names(&pp);
	is_str(got, "Jane Doe (@janedoe)", "fence: names inside it are nobody");
	free(got);
	people_release(&pp);
}

/*
 * Items are cmark's: a list in a block quote is a list (its names bare,
 * without the '>'), a table right after a line of text is rows, and
 * "2." after a paragraph goes on with it, as cmark reads it.
 */
static void
test_cmark_blocks(void)
{
	static const char text[] =
	    "# X\n\n## Maintainers\n\n"
	    "> - Jane Doe\n>   (University of X)\n> - John Roe\n\n"
	    "The leads:\n| Name | GitHub |\n|---|---|\n| Ann Lee | ann |\n\n"
	    "Since 2020 the project\n2. Bob Example is thanked\n";
	struct people pp = PEOPLE_INIT;
	const struct person *p;
	char *got;

	read_doc(&pp, "README.md", text, 0);
	got = names(&pp);
	is_str(got, "Jane Doe; John Roe; Ann Lee (@ann)",
	    "cmark blocks: quoted list items and table rows");
	p = find(&pp, "John Roe");
	ok(p != NULL && p->nrefs == 1 && p->refs[0].line == 7,
	    "cmark blocks: a quoted item's line");
	p = find(&pp, "Ann Lee (@ann)");
	ok(p != NULL && p->refs[0].line == 12, "cmark blocks: a row's line");
	free(got);
	people_release(&pp);
}

int
main(void)
{
	test_merge();
	test_name_like();
	test_markdown();
	test_not_people();
	test_rst();
	test_whole();
	test_hostile();
	test_fence();
	test_cmark_blocks();
	return done_testing();
}
