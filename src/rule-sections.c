/*
 * rule-sections.c: the "sections" rule type: a Markdown or reST file has
 * the sections a reader looks for, found by its headings as a reader sees
 * them (see markdown.c and rst.c), each optionally with a code block or
 * some words, and a value proposition (intro) before the first section.
 *
 * With follow_links, a section whose body does not hold what it must but
 * links to a file of the repository (RELEASE.md, GOVERNANCE.md, or the
 * source under docs/ of a documentation site's page) is checked in that
 * file, and a missing section is found in a linked file named like it;
 * the message says it was delegated and names the link's line. A site's
 * page is found at any depth of the docs tree, on the hosts the project
 * declares too (site_files). With doc_link, a link named like the
 * documentation, or in a section so named, leads to a page whose section
 * holds what the missing or short one must.
 *
 * A section no heading names may be found in the prose by its mentions:
 * mention_min distinct clues of the section in one passage pass, fewer
 * make a warning that names what was found. With unlinked, a file named
 * like a missing section that the document does not link is a warning.
 * Before the prose, the document's structure may say it: two or more
 * headings that each name a kind of it (kind_heading: "Fixes", "New
 * features"), or a sentence leading into a list (list_lead: "There are
 * many ways to contribute:" and two or more items). With skip_title, the
 * document's title names the document, never one of its sections.
 *
 * The searches for one section (its headings, linked file names) spend
 * from one budget of matching work, and each mention's scan of the prose
 * from one more (see regex.h); when one runs out the rule gives
 * "unknown", never a hang.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1		/* memmem */
#endif
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "read/markdown.h"
#include "ctx.h"
#include "read/doclink.h"
#include "read/dochost.h"
#include "finding.h"
#include "pymeta.h"
#include "read/inline.h"
#include "read/prose.h"
#include "read/reader.h"
#include "regex.h"
#include "rulecheck.h"
#include "rules.h"
#include "strbuf.h"
#include "text.h"
#include "tree.h"
#include "xalloc.h"

#define SECTIONS_DEFAULT_MAX	(8 * 1024 * 1024)
#define SHOW_HEADINGS		12	/* headings named in a miss */
#define LINKS_MAX		16	/* distinct files a section's links
					   lead to that are read */
#define LINK_BYTES		(1024 * 1024)	/* bytes read of each */
#define SITE_PAGES		20000	/* pages of a docs tree kept */
#define SITE_BYTES		(256 * 1024)	/* of a file declaring the site */
#define LINK_TEXT		1024	/* bytes looked back for a link's text */
#define DOC_SECTIONS		16	/* documentation sections whose links
					   are followed */
/* A file of at most this many words that links to a document points to it. */
#define POINTER_WORDS		40
#define MENTION_SPAN		12	/* lines a passage of prose spans */
#define MENTION_MIN		2	/* default mention_min */
#define MENTION_HITS		256	/* hits of one clue kept */
#define MENTION_SHOW		4	/* clues quoted in a message */
#define MENTION_QUOTE		48	/* bytes of a clue quoted */
#define KIND_MIN		2	/* headings naming kinds that pass */
#define KIND_SHOW		4	/* of them named in a message */
#define LEAD_ITEMS		2	/* items of a list a lead-in needs */

struct want {
	const char		*label;	/* the rule's, compiled once */
	const pcre2_code	*re;
	pcre2_code		*own;	/* re when the label is given again */
	struct strbuf		 pat;	/* the patterns of the label */
	int			 several;	/* given more than once */
	size_t			*clue;	/* its mention values */
	size_t			 nclue;
	size_t			*subst;	/* its substance values */
	size_t			 nsubst;
	size_t			*kind;	/* its kind_heading values */
	size_t			 nkind;
	size_t			*lead;	/* its list_lead values */
	size_t			 nlead;
};

struct sections {
	struct want	*w;
	size_t		 n;
};

/* Where the clues of a want matched. */
struct hits {
	struct prose_hit	*v;
	size_t			 n;
	size_t			 alloc;
};

/* The prose of the checked file, made once when a mention is looked for. */
struct prose {
	int		 made;
	struct strbuf	 text;		/* prose_blank()ed */
	size_t		*starts;	/* line starts */
	size_t		 nlines;
};

/* What a sections rule found so far, as it looks for each section. */
struct judging {
	const struct rule	*r;
	struct check_ctx	*ctx;
	struct finding		*f;
	const struct tree_entry	*e;
	const struct md_file	*m;
	size_t			 cap;
	int			 follow;
	const char		*accepted;	/* the name asked for, when the
						   file has an accepted one */
	const char		*pointer;	/* the file that only points to
						   the one judged, or NULL */
	int			 missing;
	struct strbuf		 miss;
	struct strbuf		 good;
	struct strbuf		 why;
	struct strbuf		 weak;
	struct strbuf		 where;
	struct prose		 pr;
	struct regex_budget	 budget;
	size_t			 lone;	/* the one heading naming a kind of
					   the section looked for, or MD_NONE */
};

/* The documentation site of the repository, for one rule (site_files). */
struct docsite {
	struct strvec		 hosts;
	struct strvec		 pages;
	struct strvec		 roots;
	struct strvec		 names;
	struct doclink_site	 s;
};

/* judge_want(): what to do next */
#define J_NEXT	0	/* look for the next section */
#define J_STOP	1	/* the budget is spent: stop looking */
#define J_OUT	(-1)	/* the result is set: done */

static int	 sections_parse(struct rule *);
static void	 judge_partial(struct judging *);
static void	 follow_pointer(struct judging *);
static int	 sections_check(const struct rule *, struct check_ctx *,
		    struct finding *);
static void	 sections_free(void *);
static void	 judging_init(struct judging *);
static void	 judging_release(struct judging *);
static void	 judge_intro(struct judging *);
static void	 intro_evidence(struct judging *);
static size_t	 intro_stop(const struct md_doc *);
static void	 plain_inline(const char *, size_t, int, struct strbuf *);
/* A line of a text and where it starts. */
struct line_at {
	const char	*p;
	int		 line;
};
static int	 first_sentence(const char *, size_t, const struct md_block *,
		    struct line_at *, struct strbuf *);
static void	 intro_later(struct judging *, const struct md_doc *);
static int	 judge_want(struct judging *, const struct want *);
static void	 judge_short(struct judging *, const struct want *, size_t);
static int	 judge_unheaded(struct judging *, const struct want *);
static int	 judge_absent(struct judging *, const struct want *);
static void	 judge_result(struct judging *);
static int	 link_line(struct check_ctx *, const struct md_file *, size_t,
		    size_t, const char *);
static size_t	 want_of(const struct sections *, const char *);
static int	 compile_several(struct rule *, struct sections *);
static int	 add_mentions(struct rule *, struct sections *);
static int	 add_substance(struct rule *, struct sections *);
static int	 add_kinds(struct rule *, struct sections *, const char *);
static int	 is_title(const struct rule *, const struct md_doc *, size_t);
static int	 judge_kinds(struct judging *, const struct want *);
static int	 kind_headings(struct judging *, const struct want *,
		    struct strbuf *);
static int	 lead_list(struct judging *, const struct want *,
		    struct strbuf *);
static int	 lead_matches(struct judging *, const struct want *,
		    const struct md_block *, size_t, struct strbuf *);
static size_t	 list_items(const struct md_doc *, size_t, int);
static size_t	 last_sentence(const char *, size_t, size_t);
static int	 has_substance(struct judging *, const struct want *, size_t);
static int	 judge_thin(struct judging *, const struct want *, size_t);
static int	 prose_make(const struct rule *, struct check_ctx *,
		    const struct md_file *, struct prose *);
static int	 clue_hits(const struct rule *, const struct md_file *,
		    const struct prose *, const struct want *, size_t,
		    struct regex_budget *, struct hits *, struct strbuf *);
static void	 say_passage(const struct prose *, const struct prose_hit *,
		    size_t, size_t, struct strbuf *);
static int	 mentioned(const struct rule *, struct check_ctx *,
		    const struct md_file *, const struct want *,
		    struct prose *, struct finding *, struct strbuf *,
		    struct regex_budget *);
static int	 delegate(const struct rule *, struct check_ctx *,
		    const struct md_file *, size_t, size_t, const pcre2_code *,
		    struct finding *, const char *, struct strbuf *,
		    struct regex_budget *);
static int	 is_document(const char *);
static int	 is_listed(const struct md_heading *);
static void	 docsite_free(void *);
static void	 docsite_names(struct check_ctx *, struct strvec *);
static int	 page_cb(const struct tree_entry *, void *);
static void	 docsite_declared(const struct rule *, struct check_ctx *,
		    struct docsite *);
static const struct doclink_site *docsite_of(const struct rule *,
		    struct check_ctx *);
static const struct tree_entry *link_target(const struct rule *,
		    struct check_ctx *, const char *, const char *);
static size_t	 dest_at(const char *, size_t, const char *, size_t, size_t,
		    struct regex_budget *);
static void	 link_text(const char *, size_t, const char *, size_t *,
		    struct regex_budget *, struct strbuf *);
static size_t	 doc_sections(struct judging *, size_t *, size_t *);
static int	 is_doc_link(struct judging *, size_t, const size_t *, size_t,
		    size_t *);
static int	 page_has(struct judging *, const struct want *,
		    const struct md_file *, size_t *);
static int	 doc_page(struct judging *, const struct want *, size_t,
		    struct strvec *);
static int	 judge_doc_links(struct judging *, const struct want *);
static void	 add_quote(struct strbuf *, const char *, size_t);
static int	 unlinked_cb(const struct tree_entry *, void *);
static int	 unlinked_file(const struct rule *, struct check_ctx *,
		    const pcre2_code *, struct strbuf *,
		    struct regex_budget *);

static const struct rule_key_spec sections_keys[] = {
	{ "file", KEY_WORDS, .flags = KEYF_REQUIRED,
	    .doc = "Markdown or reST files to read, first found wins" },
	{ "accept", KEY_WORDS, .doc = "files read instead, with a warning" },
	{ "dirs", KEY_WORDS, .doc = "directories to look in (default .)" },
	{ "case", KEY_ENUM, .choices = "sensitive|insensitive",
	    .doc = "how file names compare" },
	{ "section", KEY_LABELLED, .flags = KEYF_CASELESS,
	    .doc = "LABEL: REGEX of a required section" },
	{ "needs", KEY_ENUM, .choices = "code",
	    .doc = "each section must hold a code block" },
	{ "min_words", KEY_INT, .flags = KEYF_REPO, .max = 1000000000,
	    .doc = "words each section must hold" },
	{ "intro_words", KEY_INT, .flags = KEYF_REPO, .max = 1000000000,
	    .doc = "words before the first section" },
	{ "follow_links", KEY_BOOL,
	    .doc = "a section may live in a linked file" },
	{ "mention", KEY_LABELLED, .flags = KEYF_CASELESS,
	    .doc = "LABEL: REGEX of a clue to a section in the prose" },
	{ "substance", KEY_LABELLED, .flags = KEYF_CASELESS,
	    .doc = "LABEL: REGEX the text of a section found by its "
	    "heading must match (one of them)" },
	{ "kind_heading", KEY_LABELLED, .flags = KEYF_CASELESS,
	    .doc = "LABEL: REGEX of a heading naming one kind of the "
	    "section; two or more such headings are the section" },
	{ "list_lead", KEY_LABELLED, .flags = KEYF_CASELESS,
	    .doc = "LABEL: REGEX of a sentence that, followed by a list of "
	    "two or more items, is the section" },
	{ "skip_title", KEY_BOOL,
	    .doc = "a first heading covering the whole document names it, "
	    "not a section" },
	{ "mention_min", KEY_INT, .min = 1, .max = PROSE_MAX_CLUES,
	    .doc = "distinct clues in one passage that pass (default 2)" },
	{ "unlinked", KEY_ENUM, .choices = "warn",
	    .doc = "a file named like a missing section is a warning" },
	{ "partial", KEY_ENUM, .choices = "warn",
	    .doc = "some sections found, others missing: a warning" },
	{ "pointer", KEY_BOOL,
	    .doc = "a file that only points to a document: judge that" },
	{ "max_bytes", KEY_INT, .min = 1, .max = 1073741824,
	    .doc = "bytes read at most (default 8 MiB)" },
	{ "doc_link", KEY_REGEX, .flags = KEYF_CASELESS,
	    .doc = "REGEX of a documentation link's text or section: its "
	    "page may hold a section" },
	{ "site_files", KEY_WORDS,
	    .doc = "files that declare the docs site's host or sources" },
	{ .name = NULL }
};

const struct rule_type rule_sections = {
	.name = "sections",
	.summary = "a Markdown or reST file has the required sections",
	.keys = sections_keys,
	.parse = sections_parse,
	.check = sections_check,
	.free = sections_free,
};

static void
sections_free(void *p)
{
	struct sections *s = p;
	size_t i;

	for (i = 0; i < s->n; i++) {
		free(s->w[i].clue);
		free(s->w[i].subst);
		free(s->w[i].kind);
		free(s->w[i].lead);
		if (s->w[i].own != NULL)
			pcre2_code_free(s->w[i].own);
		strbuf_release(&s->w[i].pat);
	}
	free(s->w);
	free(s);
}

/* The sections wanted, as rulecheck.c compiled them (without case). */
/* Add the REGEX of a "LABEL: REGEX" value to the alternatives in sb. */
static void
add_pattern(struct strbuf *sb, const char *value)
{
	const char *colon;

	colon = strchr(value, ':');
	colon = colon != NULL ? colon + 1 : value;
	colon += strspn(colon, " \t");
	strbuf_addf(sb, "%s(?:%s)", sb->len > 0 ? "|" : "", colon);
}

/* The want labelled label, or s->n. */
static size_t
want_of(const struct sections *s, const char *label)
{
	size_t j;

	for (j = 0; j < s->n; j++)
		if (strcmp(s->w[j].label, label) == 0)
			break;
	return j;
}

/*
 * Compile the joined patterns of each want given several; -1 with an
 * error when one does not compile.
 */
static int
compile_several(struct rule *r, struct sections *s)
{
	struct strbuf err = STRBUF_INIT;
	size_t j;

	for (j = 0; j < s->n; j++) {
		if (!s->w[j].several)
			continue;
		s->w[j].own = regex_compile(s->w[j].pat.buf, PCRE2_CASELESS,
		    &err);
		if (s->w[j].own == NULL) {
			rule_error(r, "section", "'%s': %s", s->w[j].label,
			    err.buf);
			strbuf_release(&err);
			return -1;
		}
		s->w[j].re = s->w[j].own;
	}
	strbuf_release(&err);
	return 0;
}

/* Give each mention (a clue) to the section labelled as it is. */
static int
add_mentions(struct rule *r, struct sections *s)
{
	const struct rule_key *k;
	const char *label;
	size_t i, j;

	k = rule_key(r, "mention");
	for (i = 0; k != NULL && i < k->n; i++) {
		label = rule_regex_label(r, "mention", i);
		if ((j = want_of(s, label)) == s->n)
			return rule_value_error(r, "mention", i, "no section "
			    "is labelled '%s'", label);
		if (s->w[j].nclue == PROSE_MAX_CLUES)
			return rule_value_error(r, "mention", i, "more than "
			    "%d mentions of '%s'", PROSE_MAX_CLUES, label);
		s->w[j].clue = xreallocarray(s->w[j].clue,
		    s->w[j].nclue + 1, sizeof(*s->w[j].clue));
		s->w[j].clue[s->w[j].nclue++] = i;
	}
	return 0;
}

/* Give each substance pattern to the section labelled as it is. */
static int
add_substance(struct rule *r, struct sections *s)
{
	const struct rule_key *k;
	const char *label;
	size_t i, j;

	k = rule_key(r, "substance");
	for (i = 0; k != NULL && i < k->n; i++) {
		label = rule_regex_label(r, "substance", i);
		if ((j = want_of(s, label)) == s->n)
			return rule_value_error(r, "substance", i, "no "
			    "section is labelled '%s'", label);
		s->w[j].subst = xreallocarray(s->w[j].subst,
		    s->w[j].nsubst + 1, sizeof(*s->w[j].subst));
		s->w[j].subst[s->w[j].nsubst++] = i;
	}
	return 0;
}

/* Give each kind_heading or list_lead (key) to the section labelled so. */
static int
add_kinds(struct rule *r, struct sections *s, const char *key)
{
	const struct rule_key *k;
	const char *label;
	size_t i, j, **v, *n;
	int kind;

	k = rule_key(r, key);
	for (i = 0; k != NULL && i < k->n; i++) {
		label = rule_regex_label(r, key, i);
		if ((j = want_of(s, label)) == s->n)
			return rule_value_error(r, key, i, "no section is "
			    "labelled '%s'", label);
		kind = strcmp(key, "kind_heading") == 0;
		v = kind ? &s->w[j].kind : &s->w[j].lead;
		n = kind ? &s->w[j].nkind : &s->w[j].nlead;
		*v = xreallocarray(*v, *n + 1, sizeof(**v));
		(*v)[(*n)++] = i;
	}
	return 0;
}

static int
sections_parse(struct rule *r)
{
	const struct rule_key *k;
	struct sections *s;
	const char *label;
	size_t i, j;

	s = xcalloc(1, sizeof(*s));
	r->priv = s;
	k = rule_key(r, "section");
	if (k == NULL || k->n == 0)
		return 0;
	s->w = xcalloc(k->n, sizeof(*s->w));
	for (i = 0; i < k->n; i++) {
		label = rule_regex_label(r, "section", i);
		if ((j = want_of(s, label)) == s->n) {
			s->w[s->n].re = rule_regex(r, "section", i);
			s->w[s->n].label = label;
			strbuf_init(&s->w[s->n].pat);
			add_pattern(&s->w[s->n].pat, k->v[i].value);
			s->n++;
		} else {
			/* A label given again: more patterns of one section. */
			add_pattern(&s->w[j].pat, k->v[i].value);
			s->w[j].several = 1;
		}
	}
	if (compile_several(r, s) != 0 || add_mentions(r, s) != 0 ||
	    add_kinds(r, s, "kind_heading") != 0 ||
	    add_kinds(r, s, "list_lead") != 0)
		return -1;
	return add_substance(r, s);
}

/* The normalised name of a file: "docs/RELEASE-process.md" -> "release process". */
static void
file_words(const char *path, struct strbuf *out)
{
	const char *base, *dot;

	base = strrchr(path, '/');
	base = base != NULL ? base + 1 : path;
	dot = strrchr(base, '.');
	strbuf_reset(out);
	text_normalise(base, dot != NULL && dot != base ?
	    (size_t)(dot - base) : strlen(base), MD_NORMALISE, out);
}

/* Is this a document a section can be delegated to (Markdown, reST)? */
static int
is_document(const char *path)
{
	static const char *const ext[] = {
		".md", ".markdown", ".mdx", ".rst", NULL
	};
	const char *base, *dot;
	size_t i;

	base = strrchr(path, '/');
	base = base != NULL ? base + 1 : path;
	if ((dot = strrchr(base, '.')) == NULL)
		return 0;
	for (i = 0; ext[i] != NULL; i++)
		if (strcmp(dot, ext[i]) == 0)
			return 1;
	return 0;
}

/* Does this (delegated) document satisfy needs and min_words? */
static int
body_ok(const struct rule *r, int has_code, size_t words, struct strbuf *why)
{
	long long minw;

	if (rule_str(r, "needs", NULL) != NULL && !has_code) {
		strbuf_addstr(why, "no code block");
		return 0;
	}
	minw = rule_int(r, "min_words", 0);
	if ((long long)words < minw) {
		strbuf_addf(why, "%zu words, fewer than %lld", words, minw);
		return 0;
	}
	return 1;
}

/*
 * The line of m's file where link i of m (in the body of heading h, or
 * anywhere for MD_NONE) is written, 0 when it cannot be told.
 */
static int
link_line(struct check_ctx *ctx, const struct md_file *m, size_t h,
    size_t cap, const char *dest)
{
	const char *buf;
	size_t len, from, to, n, i;
	int trunc;

	if (ctx_read(ctx, m->e, cap, 0, NULL, &buf, &len, &trunc) != 0)
		return 0;
	from = h == MD_NONE ? 0 : m->doc.h[h].body_off;
	to = h == MD_NONE ? len : m->doc.h[h].body_end;
	if (to > len)
		to = len;
	n = strlen(dest);
	for (i = from; n > 0 && i + n <= to; i++)
		if (buf[i] == dest[0] && memcmp(buf + i, dest, n) == 0)
			return text_line_of(buf, i);
	return 0;
}

/*
 * Look for a section in a file of the repository that m links to:
 * from the links of heading h (h == MD_NONE: any link of the document
 * to a file named like the section). At most LINKS_MAX distinct files
 * are read, LINK_BYTES of each. Returns 1 and says where in *where.
 */
static int
delegate(const struct rule *r, struct check_ctx *ctx, const struct md_file *m,
    size_t h, size_t cap, const pcre2_code *re, struct finding *f,
    const char *label, struct strbuf *where, struct regex_budget *budget)
{
	const struct tree_entry *e;
	struct strbuf err = STRBUF_INIT, name = STRBUF_INIT, why = STRBUF_INIT;
	struct strvec seen = STRVEC_INIT;
	const struct md_file *lm;
	size_t i, first, n;
	int found, line, ok;

	first = h == MD_NONE ? 0 : m->doc.h[h].link_first;
	n = h == MD_NONE ? m->doc.nlinks : m->doc.h[h].nlinks;
	found = 0;
	for (i = first; i < first + n && !found && seen.n < LINKS_MAX; i++) {
		e = link_target(r, ctx, m->e->path, m->doc.links[i]);
		if (e == NULL || e == m->e || !is_document(e->path) ||
		    strvec_has(&seen, e->path) ||
		    (e->mode != TREE_MODE_FILE && e->mode != TREE_MODE_EXEC))
			continue;
		if (h == MD_NONE) {
			file_words(e->path, &name);
			if (regex_search(re, name.buf, name.len, 0, NULL, NULL,
			    budget, &err) != 1)
				continue;
		}
		strvec_push(&seen, e->path);
		lm = ctx_document(ctx, e, LINK_BYTES, NULL);
		if (lm == NULL)
			continue;
		strbuf_reset(&why);
		ok = body_ok(r, lm->doc.code_blocks > 0, lm->doc.words, &why);
		line = link_line(ctx, m, h, cap, m->doc.links[i]);
		if (ok) {
			finding_evidence(f, m->e->path, line, "link");
			strbuf_reset(where);
			strbuf_addstr(where, e->path);
			if (line > 0)
				strbuf_addf(where, " (linked at line %d)", line);
			found = 1;
		}
		finding_evidence(f, e->path, 1, ok ? label : why.buf);
	}
	strvec_clear(&seen);
	strbuf_release(&err);
	strbuf_release(&name);
	strbuf_release(&why);
	return found;
}

static void
docsite_free(void *p)
{
	struct docsite *ds = p;

	strvec_clear(&ds->hosts);
	strvec_clear(&ds->pages);
	strvec_clear(&ds->roots);
	strvec_clear(&ds->names);
	free(ds);
}

/* Keep a page's source of the docs tree. */
static int
page_cb(const struct tree_entry *e, void *p)
{
	struct strvec *pages = p;

	if (pages->n >= SITE_PAGES)
		return 1;
	if ((e->mode == TREE_MODE_FILE || e->mode == TREE_MODE_EXEC) &&
	    doclink_page_source(e->path))
		strvec_push(pages, e->path);
	return 0;
}

/* The hosts and the folders of sources the rule's site_files declare. */
static void
docsite_declared(const struct rule *r, struct check_ctx *ctx,
    struct docsite *ds)
{
	const struct rule_key *k = rule_key(r, "site_files");
	const struct tree_entry *e;
	const struct dochost *d;
	const struct reader *rd;
	size_t i;

	for (i = 0; k != NULL && i < k->n; i++) {
		if ((rd = dochost_reader(k->v[i].value)) == NULL ||
		    (e = tree_lookup(ctx_tree(ctx), k->v[i].value, 0)) ==
		    NULL || (e->mode != TREE_MODE_FILE &&
		    e->mode != TREE_MODE_EXEC) ||
		    (d = ctx_model(ctx, rd, e, SITE_BYTES, NULL, NULL)) == NULL)
			continue;
		if (d->host != NULL && !strvec_has(&ds->hosts, d->host))
			strvec_push(&ds->hosts, d->host);
		if (d->root != NULL && !strvec_has(&ds->roots, d->root))
			strvec_push(&ds->roots, d->root);
	}
}

/*
 * The names a docs site of the project's own would carry: the package
 * names its Python metadata declares and its directory's name.
 */
static void
docsite_names(struct check_ctx *ctx, struct strvec *names)
{
	const struct pymeta *m = pymeta_get(ctx);
	char *dir;
	size_t i;

	for (i = 0; m != NULL && i < m->names.n; i++)
		if (!strvec_has(names, m->names.v[i].text))
			strvec_push(names, m->names.v[i].text);
	if ((dir = ctx_repo_name(ctx)) != NULL && !strvec_has(names, dir))
		strvec_push(names, dir);
	free(dir);
}

/*
 * What the repository tells of its docs site, made once per rule (its
 * site_files say which files declare it): the hosts declared, and the
 * pages under docs/, doc/ and the folders of sources declared.
 */
static const struct doclink_site *
docsite_of(const struct rule *r, struct check_ctx *ctx)
{
	static const char *const trees[] = { "docs", "doc", NULL };
	struct docsite *ds;
	const char *root;
	char *glob;
	size_t i, k;

	if ((ds = ctx_cache_find(ctx, "docsite", NULL,
	    (size_t)(uintptr_t)r)) != NULL)
		return &ds->s;
	ds = xcalloc(1, sizeof(*ds));
	docsite_declared(r, ctx, ds);
	for (i = 0; trees[i] != NULL; i++)
		strvec_push(&ds->roots, trees[i]);
	for (i = 0; i < ds->roots.n; i++) {
		root = ds->roots.v[i];
		/* a folder inside docs/ or doc/ is globbed with it */
		for (k = 0; trees[k] != NULL; k++)
			if (strncmp(root, trees[k], strlen(trees[k])) == 0 &&
			    root[strlen(trees[k])] == '/')
				break;
		if (trees[k] != NULL)
			continue;
		glob = xasprintf("%s/**/*", root);
		(void)tree_glob(ctx_tree(ctx), glob, 0, page_cb, &ds->pages);
		free(glob);
	}
	docsite_names(ctx, &ds->names);
	ds->s.hosts = &ds->hosts;
	ds->s.pages = &ds->pages;
	ds->s.names = &ds->names;
	ctx_cache_add_pure(ctx, "docsite", (size_t)(uintptr_t)r, ds,
	    docsite_free);
	return &ds->s;
}

/*
 * The document of the repository a link names: the first of its
 * candidates that is one, else the first that exists; NULL when none.
 */
static const struct tree_entry *
link_target(const struct rule *r, struct check_ctx *ctx, const char *from,
    const char *dest)
{
	struct strvec cand = STRVEC_INIT;
	const struct tree_entry *e, *first;
	size_t k;

	(void)doclink_resolve(from, dest, ascii_eq_lower(dest, "http", 4) ?
	    docsite_of(r, ctx) : NULL, &cand);
	for (first = NULL, k = 0; k < cand.n; k++) {
		if ((e = tree_lookup(ctx_tree(ctx), cand.v[k], 0)) == NULL)
			continue;
		if (is_document(e->path) && (e->mode == TREE_MODE_FILE ||
		    e->mode == TREE_MODE_EXEC)) {
			first = e;
			break;
		}
		if (first == NULL)
			first = e;
	}
	strvec_clear(&cand);
	return first;
}

/*
 * Where dest (n bytes) is in buf, or len: from hint on (the links come
 * in the document's order, so the search goes on from the last one
 * found), then before it. The bytes searched are charged to b, so that
 * many links whose destinations are far or nowhere cannot make the
 * work quadratic past the budget.
 */
static size_t
dest_at(const char *buf, size_t len, const char *dest, size_t n,
    size_t hint, struct regex_budget *b)
{
	const char *p;
	size_t pass, lo, hi, at;

	for (pass = 0; pass < 2 && !regex_budget_spent(b); pass++) {
		lo = pass == 0 ? (hint < len ? hint : len) : 0;
		hi = pass == 0 ? len : (hint + n < len ? hint + n : len);
		p = hi - lo >= n ? memmem(buf + lo, hi - lo, dest, n) : NULL;
		at = p != NULL ? (size_t)(p - buf) : hi;
		b->used += (at - lo) / 16 + 1;
		if (b->used > b->limit)
			b->used = b->limit;
		if (p != NULL)
			return at;
	}
	return len;
}

/*
 * The text of the first link to dest in buf[0..len): a Markdown link's
 * brackets (a badge's image with its alt text), a reST link's words, an
 * HTML anchor's content; for a bare URL the line before it
 * ("Documentation: https://...").
 */
static void
link_text(const char *buf, size_t len, const char *dest, size_t *hint,
    struct regex_budget *b, struct strbuf *sb)
{
	const char *p;
	size_t n, i, k, depth;

	strbuf_reset(sb);
	n = strlen(dest);
	if (n == 0 || (i = dest_at(buf, len, dest, n, *hint, b)) >= len)
		return;
	*hint = i;
	if (i >= 2 && buf[i - 1] == '(' && buf[i - 2] == ']') {
		for (k = i - 2, depth = 0; k > 0 && i - k < LINK_TEXT; k--)
			if (buf[k] == ']')
				depth++;
			else if (buf[k] == '[' && --depth == 0)
				break;
		if (buf[k] == '[' && depth == 0) {
			strbuf_add(sb, buf + k + 1, i - 2 - (k + 1));
			return;
		}
	}
	if (i >= 6 && (buf[i - 1] == '"' || buf[i - 1] == '\'') &&
	    ascii_eq_lower(buf + i - 6, "href=", 5) &&
	    (p = memchr(buf + i + n, '>', len - i - n)) != NULL) {
		for (k = (size_t)(p + 1 - buf); k < len && k < i + LINK_TEXT &&
		    !(buf[k] == '<' && k + 1 < len && buf[k + 1] == '/'); k++)
			;
		strbuf_add(sb, p + 1, k - (size_t)(p + 1 - buf));
		return;
	}
	/* reST's `text <dest>`_, within its paragraph */
	if (i >= 1 && buf[i - 1] == '<')
		for (k = i - 1; k > 1 && i - k < LINK_TEXT && buf[k - 1] != '>' &&
		    !(buf[k - 1] == '\n' && buf[k - 2] == '\n'); k--)
			if (buf[k - 1] == '`') {
				strbuf_add(sb, buf + k, i - 1 - k);
				return;
			}
	for (k = i; k > 0 && buf[k - 1] != '\n' && i - k < LINK_TEXT; k--)
		;
	strbuf_add(sb, buf + k, i - k);
}

/*
 * The links of the sections doc_link names ("Documentation"): from[c]
 * and n[c] for each; returns how many.
 */
static size_t
doc_sections(struct judging *j, size_t *from, size_t *n)
{
	const struct rule_key *k = rule_key(j->r, "doc_link");
	size_t v, i, idx, c;

	for (c = 0, v = 0; k != NULL && v < k->n; v++)
		for (i = 0; c < DOC_SECTIONS && md_find_section(&j->m->doc,
		    rule_regex(j->r, "doc_link", v), i, &idx, &j->budget) == 1;
		    i = idx + 1) {
			from[c] = j->m->doc.h[idx].link_first;
			n[c++] = j->m->doc.h[idx].nlinks;
		}
	return c;
}

/*
 * Is link i a documentation link: in one of the ns sections (from, n),
 * or with a text doc_link matches (the document's text is read)?
 */
static int
is_doc_link(struct judging *j, size_t i, const size_t *from, size_t ns,
    size_t *hint)
{
	struct strbuf text = STRBUF_INIT, err = STRBUF_INIT;
	const struct rule_key *k = rule_key(j->r, "doc_link");
	const size_t *n = from + DOC_SECTIONS;
	const char *buf;
	size_t c, len;
	int trunc, hit;

	for (c = 0; c < ns; c++)
		if (i >= from[c] && i < from[c] + n[c])
			return 1;
	/*
	 * A link to a place in the document itself leads to no page; its
	 * text is not looked for: reST makes "#name" of every reference,
	 * and a search of the whole text for each would be quadratic.
	 */
	if (j->m->doc.links[i][0] == '#')
		return 0;
	if (k == NULL || ctx_read(j->ctx, j->m->e, j->cap, 0, NULL, &buf,
	    &len, &trunc) != 0)
		return 0;
	link_text(buf, len, j->m->doc.links[i], hint, &j->budget, &text);
	for (c = 0, hit = 0; c < k->n && !hit && text.len > 0; c++)
		hit = regex_search(rule_regex(j->r, "doc_link", c), text.buf,
		    text.len, 0, NULL, NULL, &j->budget, &err) == 1;
	strbuf_release(&text);
	strbuf_release(&err);
	return hit;
}

/*
 * A section of page lm named like w that holds what w must (a code
 * block, min_words): 1 and its heading in *at.
 */
static int
page_has(struct judging *j, const struct want *w, const struct md_file *lm,
    size_t *at)
{
	struct strbuf why = STRBUF_INIT;
	const struct md_heading *hd;
	size_t i, idx;
	int ok;

	for (i = 0, ok = 0; !ok && md_find_section(&lm->doc, w->re, i, &idx,
	    &j->budget) == 1; i = idx + 1) {
		hd = &lm->doc.h[idx];
		strbuf_reset(&why);
		if ((ok = body_ok(j->r, hd->has_code, hd->words, &why)))
			*at = idx;
	}
	strbuf_release(&why);
	return ok;
}

/*
 * The page documentation link i leads to, read once (seen): when a
 * section of it is named like w and holds what w must, say so and
 * return 1.
 */
static int
doc_page(struct judging *j, const struct want *w, size_t i,
    struct strvec *seen)
{
	const struct tree_entry *e;
	const struct md_file *lm;
	size_t at;
	int line;

	e = link_target(j->r, j->ctx, j->m->e->path, j->m->doc.links[i]);
	if (e == NULL || e == j->m->e || !is_document(e->path) ||
	    strvec_has(seen, e->path) ||
	    (e->mode != TREE_MODE_FILE && e->mode != TREE_MODE_EXEC))
		return 0;
	strvec_push(seen, e->path);
	if ((lm = ctx_document(j->ctx, e, LINK_BYTES, NULL)) == NULL ||
	    !page_has(j, w, lm, &at))
		return 0;
	line = link_line(j->ctx, j->m, MD_NONE, j->cap, j->m->doc.links[i]);
	finding_evidence(j->f, j->m->e->path, line, "documentation link");
	finding_evidence(j->f, e->path, lm->doc.h[at].line, w->label);
	strbuf_addf(&j->good, "%s%s delegated to %s: section '%s' at line "
	    "%d%s", j->good.len ? "; " : "", w->label, e->path,
	    lm->doc.h[at].text, lm->doc.h[at].line,
	    rule_str(j->r, "needs", NULL) != NULL ? ", with a code block" : "");
	if (line > 0)
		strbuf_addf(&j->good, " (the documentation, linked at line %d)",
		    line);
	return 1;
}

/*
 * With doc_link, the section w the document lacks (or holds too thin)
 * is looked for in the pages its documentation links lead to: links
 * whose text, or whose section, doc_link names. At most LINKS_MAX
 * distinct pages are read. Returns 1 when one has it.
 */
static int
judge_doc_links(struct judging *j, const struct want *w)
{
	struct strvec seen = STRVEC_INIT;
	size_t from[2 * DOC_SECTIONS], ns, i, hint = 0;
	int found;

	if (!j->follow || rule_key(j->r, "doc_link") == NULL)
		return 0;
	ns = doc_sections(j, from, from + DOC_SECTIONS);
	for (i = 0, found = 0; i < j->m->doc.nlinks && !found &&
	    seen.n < LINKS_MAX && !regex_budget_spent(&j->budget); i++)
		if (is_doc_link(j, i, from, ns, &hint))
			found = doc_page(j, w, i, &seen);
	strvec_clear(&seen);
	return found;
}

/* Quote a clue found in the prose: white space collapsed, cut short. */
static void
add_quote(struct strbuf *sb, const char *s, size_t len)
{
	size_t i;
	int sp;

	strbuf_addch(sb, '\'');
	for (i = 0, sp = 0; i < len && i < MENTION_QUOTE; i++) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
		    s[i] == '\r') {
			sp = 1;
			continue;
		}
		if (sp)
			strbuf_addch(sb, ' ');
		sp = 0;
		strbuf_addch(sb, s[i]);
	}
	if (len > MENTION_QUOTE)
		strbuf_addstr(sb, "...");
	strbuf_addch(sb, '\'');
}

/* The prose of m, blanked, made once into pr; 0 when it cannot be read. */
static int
prose_make(const struct rule *r, struct check_ctx *ctx,
    const struct md_file *m, struct prose *pr)
{
	const char *buf;
	size_t len;
	int trunc;

	if (!pr->made) {
		pr->made = 1;
		if (ctx_read(ctx, m->e, (size_t)rule_int(r, "max_bytes",
		    SECTIONS_DEFAULT_MAX), 0, NULL, &buf, &len, &trunc) != 0)
			return 0;
		prose_blank(buf, len, &m->doc, &pr->text);
		pr->starts = prose_line_starts(pr->text.buf, pr->text.len,
		    &pr->nlines);
	}
	return pr->starts != NULL;
}

/*
 * Add to hs the matches of clue c of w in the prose (MENTION_HITS at
 * most). Returns 0, or what regex_search() failed with.
 */
static int
clue_hits(const struct rule *r, const struct md_file *m,
    const struct prose *pr, const struct want *w, size_t c,
    struct regex_budget *budget, struct hits *hs, struct strbuf *err)
{
	const pcre2_code *re;
	size_t k, off, st, en, h;
	int rc, line;

	re = rule_regex(r, "mention", w->clue[c]);
	regex_budget_init(budget);
	for (off = 0, k = 0; k < MENTION_HITS; k++) {
		rc = regex_search(re, pr->text.buf, pr->text.len, off, &st,
		    &en, budget, err);
		if (rc != 1)
			return rc < 0 ? rc : 0;
		XGROW(hs->v, hs->n + 1, hs->alloc);
		line = prose_line_of(pr->starts, pr->nlines, st);
		for (h = 0; h < m->doc.nheadings && m->doc.h[h].line <= line;
		    h++)
			;
		hs->v[hs->n].line = line;
		hs->v[hs->n].chunk = h;
		hs->v[hs->n].clue = c;
		hs->v[hs->n].off = st;
		hs->v[hs->n++].end = en;
		off = en > st ? en : en + 1;
		if (off > pr->text.len)
			break;
	}
	return 0;
}

/* Say the passage hit[first..first + count) in what: its line and clues. */
static void
say_passage(const struct prose *pr, const struct prose_hit *hit,
    size_t first, size_t count, struct strbuf *what)
{
	uint64_t shown;
	size_t k, c;

	strbuf_addf(what, "at line %d (", hit[first].line);
	shown = 0;
	for (k = first, c = 0; k < first + count && c < MENTION_SHOW; k++) {
		if (shown & ((uint64_t)1 << hit[k].clue))
			continue;
		shown |= (uint64_t)1 << hit[k].clue;
		if (c++ > 0)
			strbuf_addstr(what, ", ");
		add_quote(what, pr->text.buf + hit[k].off,
		    hit[k].end - hit[k].off);
	}
	strbuf_addch(what, ')');
}

/*
 * Look for the mentions of w in the prose of m. Returns 2 when a passage
 * holds mention_min distinct clues, 1 when fewer were found (a passing
 * mention), 0 for none, -1 when a pattern failed (REGEX_EBUDGET when
 * the budget ran out); says what in *what ("at line 5 ('bug fixes', 'new
 * models')") and adds evidence.
 */
static int
mentioned(const struct rule *r, struct check_ctx *ctx, const struct md_file *m,
    const struct want *w, struct prose *pr, struct finding *f,
    struct strbuf *what, struct regex_budget *budget)
{
	struct strbuf err = STRBUF_INIT;
	struct hits hs = { NULL, 0, 0 };
	size_t c, first, count, best;
	long long need;
	int rc;

	if (w->nclue == 0 || !prose_make(r, ctx, m, pr))
		return 0;
	for (c = 0, rc = 0; c < w->nclue && rc == 0; c++)
		rc = clue_hits(r, m, pr, w, c, budget, &hs, &err);
	if (rc < 0) {
		free(hs.v);
		strbuf_release(&err);
		return rc;
	}
	best = prose_best(hs.v, hs.n, MENTION_SPAN, &first, &count);
	if (best > 0) {
		need = rule_int(r, "mention_min", MENTION_MIN);
		say_passage(pr, hs.v, first, count, what);
		finding_evidence(f, m->e->path, hs.v[first].line,
		    (long long)best >= need ? w->label : "a passing mention");
		rc = (long long)best >= need ? 2 : 1;
	}
	free(hs.v);
	strbuf_release(&err);
	return rc;
}

struct unlinked_ctx {
	const pcre2_code	*re;
	struct strbuf		 name;
	const char		*found;
	struct regex_budget	*budget;
	int			 deep;	/* a folder's: Markdown or reST only */
};

static int
unlinked_cb(const struct tree_entry *e, void *p)
{
	struct unlinked_ctx *u = p;
	struct strbuf err = STRBUF_INIT;
	const char *base, *dot;
	int rc;

	if (e->mode != TREE_MODE_FILE && e->mode != TREE_MODE_EXEC)
		return 0;
	base = strrchr(e->path, '/');
	base = base != NULL ? base + 1 : e->path;
	dot = strrchr(base, '.');
	if (dot != NULL && strcmp(dot, ".md") != 0 &&
	    strcmp(dot, ".rst") != 0 && strcmp(dot, ".txt") != 0)
		return 0;
	if (u->deep && (dot == NULL || strcmp(dot, ".txt") == 0))
		return 0;
	file_words(e->path, &u->name);
	rc = regex_search(u->re, u->name.buf, u->name.len, 0, NULL, NULL,
	    u->budget, &err);
	strbuf_release(&err);
	if (rc == REGEX_EBUDGET)
		return 1;	/* stop: the check gives unknown */
	if (rc != 1)
		return 0;
	u->found = e->path;
	return 1;
}

/*
 * A file in the rule's dirs named like a missing section (RELEASE.md for
 * "release"), else a Markdown or reST document of a folder of the root
 * (notes/release.md); 1 and its path in *path when there is one.
 */
static int
unlinked_file(const struct rule *r, struct check_ctx *ctx,
    const pcre2_code *re, struct strbuf *path, struct regex_budget *budget)
{
	struct unlinked_ctx u = { re, STRBUF_INIT, NULL, budget, 0 };
	const struct rule_key *dirs;
	struct strbuf glob = STRBUF_INIT;
	size_t i;

	dirs = rule_key(r, "dirs");
	for (i = 0; u.found == NULL && i < (dirs != NULL ? dirs->n : 1); i++) {
		strbuf_reset(&glob);
		if (dirs == NULL || strcmp(dirs->v[i].value, ".") == 0)
			strbuf_addstr(&glob, "*");
		else
			strbuf_addf(&glob, "%s/*", dirs->v[i].value);
		tree_glob(ctx_tree(ctx), glob.buf, 0, unlinked_cb, &u);
	}
	/* then a document of any top folder: notes/release.md */
	u.deep = 1;
	if (u.found == NULL)
		tree_glob(ctx_tree(ctx), "*/*", 0, unlinked_cb, &u);
	if (u.found != NULL)
		strbuf_addstr(path, u.found);
	strbuf_release(&glob);
	strbuf_release(&u.name);
	return u.found != NULL;
}

/*
 * Delegate section w to a linked file from any heading matching it that
 * links elsewhere. Returns 1 and sets *at when one such file has it.
 */
static int
delegate_matches(const struct rule *r, struct check_ctx *ctx,
    const struct md_file *m, size_t cap, const struct want *w,
    struct finding *f, struct strbuf *where, size_t *at,
    struct regex_budget *budget)
{
	size_t i, idx;

	for (i = 0; md_find_section(&m->doc, w->re, i, &idx, budget) == 1;
	    i = idx + 1)
		if (!is_title(r, &m->doc, idx) && m->doc.h[idx].nlinks > 0 &&
		    delegate(r, ctx, m, idx, cap, w->re, f, w->label, where,
		    budget)) {
			*at = idx;
			return 1;
		}
	return 0;
}

/* Is h a heading a list shows (no tagline, no banner without text)? */
static int
is_listed(const struct md_heading *h)
{
	return (h->flags & MD_TAGLINE) == 0 && h->text[0] != '\0';
}

/* The headings of m (taglines aside), for a message: "found: Install, Usage". */
static void
list_headings(const struct md_file *m, struct strbuf *sb)
{
	size_t i, n, shown;

	for (i = n = 0; i < m->doc.nheadings; i++)
		n += is_listed(&m->doc.h[i]);
	if (n == 0) {
		strbuf_addstr(sb, "no headings");
		return;
	}
	strbuf_addstr(sb, "found: ");
	for (i = shown = 0; i < m->doc.nheadings && shown < SHOW_HEADINGS; i++)
		if (is_listed(&m->doc.h[i]))
			strbuf_addf(sb, "%s%s", shown++ ? ", " : "",
			    m->doc.h[i].text);
	if (n > SHOW_HEADINGS)
		strbuf_addf(sb, ", and %zu more", n - SHOW_HEADINGS);
}

/*
 * Where the introduction of m was found, for a message: "before the
 * first section", "in the HTML tagline at line 5", "in section 'About',
 * line 12", joined with "and".
 */
static void
intro_where(const struct md_file *m, struct strbuf *sb)
{
	const struct md_doc *d = &m->doc;
	size_t before, sec, tag;
	int n;

	sec = d->intro_section < d->nheadings ? d->intro_section_words : 0;
	tag = d->tagline_line > 0 ? d->tagline_words : 0;
	if (sec + tag > d->intro_words)
		return;
	before = d->intro_words - sec - tag;
	n = 0;
	strbuf_addstr(sb, " (");
	if (before > 0 || d->intro_words == 0) {
		strbuf_addstr(sb, "before the first section");
		n++;
	}
	if (tag > 0) {
		strbuf_addf(sb, "%sin the HTML tagline at line %d",
		    n++ ? " and " : "", d->tagline_line);
	}
	if (sec > 0)
		strbuf_addf(sb, "%sin section '%s', line %d",
		    n++ ? " and " : "", d->h[d->intro_section].text,
		    d->h[d->intro_section].line);
	strbuf_addch(sb, ')');
}

/* "1 word", "2 words". */
static const char *
words_noun(size_t n)
{
	return n == 1 ? "word" : "words";
}

/*
 * Find section w of m whose body meets needs and min_words, trying every
 * heading that matches, in order. Returns 1 and sets *idx, 0 (with why
 * each match fell short in miss, and, with f, evidence for each), -1
 * when the pattern cannot be matched or REGEX_EBUDGET when the budget ran
 * out.
 */
static int
find_good_section(const struct rule *r, const struct md_file *m,
    const struct want *w, struct finding *f, size_t *idx, size_t *nmatch,
    struct strbuf *miss, struct regex_budget *budget)
{
	struct strbuf why = STRBUF_INIT;
	const struct md_heading *hd;
	size_t i;
	int rc;

	*nmatch = 0;
	for (i = 0; (rc = md_find_section(&m->doc, w->re, i, idx,
	    budget)) == 1; i = *idx + 1) {
		if (is_title(r, &m->doc, *idx))
			continue;
		hd = &m->doc.h[*idx];
		strbuf_reset(&why);
		if (body_ok(r, hd->has_code, hd->words, &why)) {
			strbuf_release(&why);
			return 1;
		}
		if ((*nmatch)++ < SHOW_HEADINGS) {
			if (f != NULL)
				finding_evidence(f, m->e->path, hd->line,
				    why.buf);
			strbuf_addf(miss, "%s'%s' at line %d has %s",
			    *nmatch > 1 ? ", " : "", hd->text, hd->line,
			    why.buf);
		}
	}
	strbuf_release(&why);
	return rc;
}

/* Judge the introduction's words against intro_words. */
static void
judge_intro(struct judging *j)
{
	const struct md_doc *d = &j->m->doc;
	long long intro;

	intro = rule_int(j->r, "intro_words", 0);
	if ((long long)d->intro_words < intro) {
		j->missing++;
		strbuf_addf(&j->miss, "%zu %s of introduction",
		    d->intro_words, words_noun(d->intro_words));
		intro_where(j->m, &j->miss);
		strbuf_addf(&j->miss, ", fewer than %lld", intro);
		finding_evidence(j->f, j->e->path, d->nheadings > 0 ?
		    d->h[0].line : 1, "introduction");
		intro_later(j, d);
	} else if (intro > 0) {
		strbuf_addf(&j->good, "%zu %s of introduction",
		    d->intro_words, words_noun(d->intro_words));
		intro_where(j->m, &j->good);
		intro_evidence(j);
	}
}

#define SUMMARY_MAX	300	/* bytes of the introduction's first sentence */

/*
 * The line ending the introduction: that of the first heading that is
 * neither the title nor a tagline, or the end of a first section named
 * like an introduction; the document's end when there is none.
 */
static size_t
intro_stop(const struct md_doc *d)
{
	size_t i;

	if (d->intro_section < d->nheadings)
		return (size_t)d->h[d->intro_section].body_end_line;
	for (i = 0; i < d->nheadings; i++)
		if (i != d->title && !(d->h[i].flags & MD_TAGLINE))
			return (size_t)d->h[i].line;
	return (size_t)d->nlines + 1;
}

/*
 * The text a reader sees of Markdown inline markup: no images, tags or
 * marks; the text of links only when links is set.
 */
static void
plain_inline(const char *s, size_t n, int links, struct strbuf *out)
{
	struct inline_piece p;
	size_t i;

	for (i = 0; i < n; ) {
		if (!inline_at(s, n, i, &p)) {
			strbuf_addch(out, s[i++]);
			continue;
		}
		if (p.kind == INLINE_LINK && links && !(p.text_end > p.text +
		    1 && s[p.text] == '!' && s[p.text + 1] == '['))
			plain_inline(s + p.text, p.text_end - p.text, 1, out);
		else if (p.kind == INLINE_CODE || p.kind == INLINE_ESCAPE ||
		    p.kind == INLINE_AUTOLINK || p.kind == INLINE_ENTITY)
			strbuf_add(out, s + p.text, p.text_end - p.text);
		i = p.end > i ? p.end : i + 1;
	}
}

/*
 * The first sentence of paragraph b of buf (len bytes), as a reader sees
 * it, into out (at most SUMMARY_MAX bytes); 0 when it has fewer than
 * three words (badges, a bar of links).
 */
static int
first_sentence(const char *buf, size_t len, const struct md_block *b,
    struct line_at *at, struct strbuf *out)
{
	struct strbuf plain = STRBUF_INIT;
	struct text_words tw = { 0 };
	const char *p, *from, *end;
	size_t cut;
	int line;

	/* at: where the last paragraph started, so many cost linear time */
	end = buf + len;
	if (at->p == NULL || at->line > b->line) {
		at->p = buf;
		at->line = 1;
	}
	for (p = at->p, line = at->line; p < end && line < b->line; line++)
		p = text_next_line(p, end);
	at->p = p;
	at->line = line;
	for (from = p; p < end && line <= b->end_line; line++)
		p = text_next_line(p, end);
	/* a bar of links ("Docs | Install | Community") is no sentence */
	plain_inline(from, (size_t)(p - from), 0, &plain);
	if (text_count_words(&tw, plain.buf, plain.len) < 3) {
		strbuf_release(&plain);
		return 0;
	}
	strbuf_reset(&plain);
	plain_inline(from, (size_t)(p - from), 1, &plain);
	for (cut = 0; cut < plain.len; cut++)
		if (strchr(".!?", plain.buf[cut]) != NULL && (cut + 1 ==
		    plain.len || ascii_isspace((unsigned char)plain.buf[cut + 1])))
			break;
	strbuf_reset(out);
	md_display_text(plain.buf, cut < plain.len ? cut + 1 : plain.len,
	    SUMMARY_MAX, out);
	strbuf_release(&plain);
	return 1;
}

/*
 * What an application form takes from a README that has a value
 * proposition: its title and the first sentence of its introduction (of
 * the first paragraph with words besides badges and links), as evidence
 * at their lines, so that reports never read the file again.
 */
static void
intro_evidence(struct judging *j)
{
	const struct md_doc *d = &j->m->doc;
	struct strbuf note = STRBUF_INIT, sentence = STRBUF_INIT;
	struct line_at at = { NULL, 0 };
	const char *buf;
	size_t len, i, stop;
	int trunc;

	if (d->title < d->nheadings) {
		strbuf_addf(&note, "title: %s", d->h[d->title].text);
		finding_evidence(j->f, j->e->path, d->h[d->title].line,
		    note.buf);
	}
	if (ctx_read(j->ctx, j->e, j->cap, 0, NULL, &buf, &len, &trunc) == 0) {
		stop = intro_stop(d);
		for (i = 0; i < d->ntext; i++) {
			if (d->text[i].kind != MD_BLOCK_PARA ||
			    (size_t)d->text[i].line >= stop ||
			    !first_sentence(buf, len, &d->text[i], &at,
			    &sentence))
				continue;
			strbuf_reset(&note);
			strbuf_addf(&note, "summary: %s", sentence.buf);
			finding_evidence(j->f, j->e->path, d->text[i].line,
			    note.buf);
			break;
		}
	}
	/* no paragraph says it: an HTML tagline (<h3>...</h3>) does */
	for (i = 0; sentence.len == 0 && i < d->nheadings; i++)
		if (d->h[i].flags & MD_TAGLINE) {
			strbuf_reset(&note);
			strbuf_addf(&note, "summary: %s", d->h[i].text);
			finding_evidence(j->f, j->e->path, d->h[i].line,
			    note.buf);
			break;
		}
	strbuf_release(&note);
	strbuf_release(&sentence);
}

/*
 * The introduction is short at the top, but a later section is named
 * like one: a sign for a person, so a warning naming it (when the rule
 * asks for no sections besides, whose misses it would soften).
 */
static void
intro_later(struct judging *j, const struct md_doc *d)
{
	if (d->intro_later >= d->nheadings || rule_key(j->r, "section") !=
	    NULL)
		return;
	strbuf_addf(&j->miss, "; section '%s' at line %d reads like one, "
	    "but comes after the first section", d->h[d->intro_later].text,
	    d->h[d->intro_later].line);
	finding_evidence(j->f, j->e->path, d->h[d->intro_later].line,
	    "a later introduction");
	finding_cap_level(j->f, LEVEL_WARNING);
}

/*
 * Headings match w but none is good enough: delegated, with follow, to a
 * linked document; else missing, saying why.
 */
static void
judge_short(struct judging *j, const struct want *w, size_t nmatch)
{
	size_t idx, at;

	if (j->follow && delegate_matches(j->r, j->ctx, j->m, j->cap, w,
	    j->f, &j->where, &at, &j->budget)) {
		strbuf_addf(&j->good, "%s%s at line %d delegated to %s",
		    j->good.len ? "; " : "", w->label, j->m->doc.h[at].line,
		    j->where.buf);
		return;
	}
	if (judge_doc_links(j, w))
		return;
	j->missing++;
	strbuf_addf(&j->miss, "%s%s: %s", j->miss.len ? "; " : "", w->label,
	    j->why.buf);
	strbuf_reset(&j->why);
	(void)find_good_section(j->r, j->m, w, j->f, &idx, &nmatch, &j->why,
	    &j->budget);
	if (nmatch > SHOW_HEADINGS)
		strbuf_addf(&j->miss, ", and %zu more", nmatch - SHOW_HEADINGS);
}

/*
 * No heading matches w: is it said in the text, or in a file the
 * document should link to? Returns J_NEXT, J_STOP or J_OUT.
 */
static int
judge_unheaded(struct judging *j, const struct want *w)
{
	int mrc;

	mrc = judge_kinds(j, w);
	if (mrc == 0) {
		strbuf_reset(&j->where);
		mrc = mentioned(j->r, j->ctx, j->m, w, &j->pr, j->f,
		    &j->where, &j->budget);
	} else if (mrc == 1)
		return J_NEXT;
	if (mrc == REGEX_EBUDGET)
		return J_STOP;
	if (mrc < 0) {
		finding_result(j->f, RESULT_UNKNOWN, "%s: a heading, list or "
		    "mention pattern of '%s' could not be matched",
		    j->e->path, w->label);
		return J_OUT;
	}
	if (mrc == 2 || mrc == 1) {
		strbuf_addf(mrc == 2 ? &j->good : &j->weak, "%s%s %s %s",
		    (mrc == 2 ? j->good.len : j->weak.len) ? "; " : "",
		    w->label, mrc == 2 ? "in the text" :
		    "only mentioned in passing", j->where.buf);
		return J_NEXT;
	}
	return judge_absent(j, w);
}

/*
 * Nothing says w, neither headings nor the text: one heading naming a
 * kind of it, or a file named like it that is not linked, is a warning
 * naming it; else it is missing. Returns J_NEXT.
 */
static int
judge_absent(struct judging *j, const struct want *w)
{
	const struct md_heading *hd;

	if (j->lone != MD_NONE) {
		hd = &j->m->doc.h[j->lone];
		finding_evidence(j->f, j->e->path, hd->line, "a lone heading");
		strbuf_addf(&j->weak, "%s%s: only section '%s' at line %d "
		    "names one (a person should read it)", j->weak.len ?
		    "; " : "", w->label, hd->text, hd->line);
		return J_NEXT;
	}
	strbuf_reset(&j->where);
	if (rule_str(j->r, "unlinked", NULL) != NULL &&
	    unlinked_file(j->r, j->ctx, w->re, &j->where, &j->budget)) {
		finding_evidence(j->f, j->where.buf, 1, w->label);
		strbuf_addf(&j->weak, "%sno %s section; %s is in the "
		    "repository but %s does not link to it", j->weak.len ?
		    "; " : "", w->label, j->where.buf, j->e->path);
		return J_NEXT;
	}
	j->missing++;
	strbuf_addf(&j->miss, "%sno %s section", j->miss.len ? "; " : "",
	    w->label);
	return J_NEXT;
}

/*
 * Does the text of section idx (its body and subsections, as prose) match
 * one of w's substance patterns? 1 when it does or w has none, 0 when
 * not, -1 when a pattern could not be matched.
 */
static int
has_substance(struct judging *j, const struct want *w, size_t idx)
{
	struct strbuf err = STRBUF_INIT;
	const struct md_heading *hd = &j->m->doc.h[idx];
	size_t i, from, to, st;
	int rc;

	if (w->nsubst == 0)
		return 1;
	if (!prose_make(j->r, j->ctx, j->m, &j->pr))
		return 1;	/* unreadable: the heading is all there is */
	from = hd->body_off;
	to = j->pr.text.len;
	if (hd->end < j->m->doc.nheadings &&
	    (size_t)j->m->doc.h[hd->end].line <= j->pr.nlines)
		to = j->pr.starts[j->m->doc.h[hd->end].line - 1];
	for (i = 0, rc = 0; i < w->nsubst && rc == 0 && from < to; i++) {
		regex_budget_init(&j->budget);
		rc = regex_search(rule_regex(j->r, "substance", w->subst[i]),
		    j->pr.text.buf, to, from, &st, NULL, &j->budget, &err);
	}
	strbuf_release(&err);
	return rc < 0 ? -1 : rc;
}

/*
 * Section idx is named like w but its text says none of its substance:
 * delegated, with follow, to a file it links; said in the text elsewhere;
 * else a warning that names it. Returns J_NEXT or J_OUT.
 */
static int
judge_thin(struct judging *j, const struct want *w, size_t idx)
{
	const struct md_heading *hd = &j->m->doc.h[idx];

	strbuf_reset(&j->where);
	if (j->follow && hd->nlinks > 0 && delegate(j->r, j->ctx, j->m, idx,
	    j->cap, w->re, j->f, w->label, &j->where, &j->budget)) {
		strbuf_addf(&j->good, "%s%s at line %d delegated to %s",
		    j->good.len ? "; " : "", w->label, hd->line, j->where.buf);
		return J_NEXT;
	}
	strbuf_reset(&j->where);
	if (mentioned(j->r, j->ctx, j->m, w, &j->pr, j->f, &j->where,
	    &j->budget) == 2) {
		strbuf_addf(&j->good, "%s%s in the text %s", j->good.len ?
		    "; " : "", w->label, j->where.buf);
		return J_NEXT;
	}
	finding_evidence(j->f, j->e->path, hd->line, "a heading only");
	strbuf_addf(&j->weak, "%s%s: section '%s' at line %d is named for "
	    "it but its text says nothing of it (a person should read it)",
	    j->weak.len ? "; " : "", w->label, hd->text, hd->line);
	return J_NEXT;
}

/*
 * Is heading i of d the title of the whole document: the first heading,
 * with only decoration before it unless it is of level 1, and no heading
 * of its level or higher after it? With r, only when r asks skip_title.
 */
static int
is_title(const struct rule *r, const struct md_doc *d, size_t i)
{
	if (r != NULL && !rule_bool(r, "skip_title", 0))
		return 0;
	return i == 0 && d->nheadings > 0 && d->h[0].end >= d->nheadings &&
	    (d->h[0].level == 1 || d->lead_words == 0);
}

/*
 * The headings of m, the title aside, that name a kind of w (its
 * kind_heading patterns): KIND_MIN or more are the section, said in what
 * ("in headings 'Fixes' (line 17), 'New features' (line 22)") with
 * evidence. Returns 1 then, else 0 (a lone one in j->lone), or what
 * regex_search() failed with.
 */
static int
kind_headings(struct judging *j, const struct want *w, struct strbuf *what)
{
	struct strbuf err = STRBUF_INIT;
	const struct md_doc *d = &j->m->doc;
	const struct md_heading *hd;
	size_t i, k, n, at[KIND_SHOW];
	int rc;

	regex_budget_init(&j->budget);
	for (i = n = 0, rc = 0; i < d->nheadings && rc >= 0; i++) {
		hd = &d->h[i];
		if (!is_listed(hd) || is_title(NULL, d, i))
			continue;
		for (k = 0, rc = 0; k < w->nkind && rc == 0; k++)
			rc = regex_search(rule_regex(j->r, "kind_heading",
			    w->kind[k]), hd->norm, strlen(hd->norm), 0, NULL,
			    NULL, &j->budget, &err);
		if (rc == 1 && n < KIND_SHOW)
			at[n] = i;
		n += rc == 1;
	}
	strbuf_release(&err);
	if (rc < 0)
		return rc;
	if (n == 1)
		j->lone = at[0];
	if (n < KIND_MIN)
		return 0;
	strbuf_addstr(what, "in headings ");
	for (k = 0; k < n && k < KIND_SHOW; k++) {
		hd = &d->h[at[k]];
		strbuf_addf(what, "%s'%s' (line %d)", k > 0 ? ", " : "",
		    hd->text, hd->line);
		finding_evidence(j->f, j->e->path, hd->line, w->label);
	}
	if (n > KIND_SHOW)
		strbuf_addf(what, ", and %zu more", n - KIND_SHOW);
	return 1;
}

/*
 * The items of the list that follows text block t of d, a paragraph, at
 * once (nested one level deeper, before line limit, the next heading's);
 * 0 when none does.
 */
static size_t
list_items(const struct md_doc *d, size_t t, int limit)
{
	const struct md_block *p = &d->text[t];
	size_t u, n;
	int level;

	level = p->level + 1;
	u = t + 1;
	if (u >= d->ntext || d->text[u].kind != MD_BLOCK_ITEM ||
	    d->text[u].level != level || d->text[u].quote != p->quote)
		return 0;
	for (n = 0; u < d->ntext && d->text[u].level >= level &&
	    d->text[u].line < limit; u++)
		n += d->text[u].kind == MD_BLOCK_ITEM &&
		    d->text[u].level == level;
	return n;
}

/*
 * Where the last sentence of s[from, to) starts: after the last '.', '!'
 * or '?' followed by white space, trailing ones aside.
 */
static size_t
last_sentence(const char *s, size_t from, size_t to)
{
	size_t e, i;

	for (e = to; e > from && (strchr(" \t\r\n.:!?", s[e - 1]) != NULL);
	    e--)
		;
	for (i = e; i > from; i--)
		if (strchr(".!?", s[i - 1]) != NULL && i < e &&
		    strchr(" \t\r\n", s[i]) != NULL)
			break;
	while (i < e && strchr(" \t\r\n", s[i]) != NULL)
		i++;
	return i;
}

/*
 * Does the last sentence of paragraph p, followed by a list of items,
 * match one of w's list_lead patterns? 1 and what ("in a list of 3 items
 * at line 5, after 'Contribution examples:'") with evidence, 0, or what
 * regex_search() failed with.
 */
static int
lead_matches(struct judging *j, const struct want *w,
    const struct md_block *p, size_t items, struct strbuf *what)
{
	struct strbuf err = STRBUF_INIT;
	const struct prose *pr = &j->pr;
	size_t from, to, st, k;
	int rc, line;

	if (p->line < 1 || (size_t)p->line > pr->nlines)
		return 0;
	from = pr->starts[p->line - 1];
	to = (size_t)p->end_line < pr->nlines ? pr->starts[p->end_line] :
	    pr->text.len;
	st = last_sentence(pr->text.buf, from, to);
	for (k = 0, rc = 0; k < w->nlead && rc == 0 && st < to; k++)
		rc = regex_search(rule_regex(j->r, "list_lead", w->lead[k]),
		    pr->text.buf, to, st, NULL, NULL, &j->budget, &err);
	strbuf_release(&err);
	if (rc != 1)
		return rc;
	line = prose_line_of(pr->starts, pr->nlines, st);
	strbuf_addf(what, "in a list of %zu items at line %d, after ", items,
	    line);
	add_quote(what, pr->text.buf + st, to - st);
	finding_evidence(j->f, j->e->path, line, w->label);
	return 1;
}

/*
 * A paragraph whose last sentence leads into a list of w's (list_lead)
 * and a list of LEAD_ITEMS or more right after it: the section. Returns
 * 1 and says where in what, 0, or what regex_search() failed with.
 */
static int
lead_list(struct judging *j, const struct want *w, struct strbuf *what)
{
	const struct md_doc *d = &j->m->doc;
	size_t t, h, items;
	int rc;

	if (w->nlead == 0 || !prose_make(j->r, j->ctx, j->m, &j->pr))
		return 0;
	regex_budget_init(&j->budget);
	for (t = h = 0; t + 1 < d->ntext; t++) {
		if (d->text[t].kind != MD_BLOCK_PARA)
			continue;
		/* the first heading after the paragraph: text comes in order */
		while (h < d->nheadings && d->h[h].line <= d->text[t].end_line)
			h++;
		items = list_items(d, t, h < d->nheadings ? d->h[h].line :
		    INT_MAX);
		if (items < LEAD_ITEMS)
			continue;
		if ((rc = lead_matches(j, w, &d->text[t], items, what)) != 0)
			return rc;
	}
	return 0;
}

/*
 * Is w in m's structure rather than its headings' names: headings that
 * each name a kind of it, or a list led into as one? 1 (said in good), 0,
 * or what regex_search() failed with.
 */
static int
judge_kinds(struct judging *j, const struct want *w)
{
	int rc;

	j->lone = MD_NONE;
	strbuf_reset(&j->where);
	rc = w->nkind > 0 ? kind_headings(j, w, &j->where) : 0;
	if (rc == 0)
		rc = lead_list(j, w, &j->where);
	if (rc == 1)
		strbuf_addf(&j->good, "%s%s %s", j->good.len ? "; " : "",
		    w->label, j->where.buf);
	return rc;
}

/* Look for one wanted section. Returns J_NEXT, J_STOP or J_OUT. */
static int
judge_want(struct judging *j, const struct want *w)
{
	const struct md_heading *hd;
	size_t idx, nmatch;
	int rc, sub;

	regex_budget_init(&j->budget);
	strbuf_reset(&j->why);
	rc = find_good_section(j->r, j->m, w, NULL, &idx, &nmatch, &j->why,
	    &j->budget);
	if (rc == REGEX_EBUDGET)
		return J_STOP;
	if (rc == 1 && (sub = has_substance(j, w, idx)) != 1) {
		if (sub == 0)
			return judge_thin(j, w, idx);
		finding_result(j->f, RESULT_UNKNOWN, "%s: the substance of "
		    "'%s' could not be matched", j->e->path, w->label);
		return J_OUT;
	}
	if (rc == 1) {
		hd = &j->m->doc.h[idx];
		finding_evidence(j->f, j->e->path, hd->line, w->label);
		strbuf_addf(&j->good, "%s%s at line %d%s", j->good.len ?
		    "; " : "", w->label, hd->line,
		    rule_str(j->r, "needs", NULL) != NULL ?
		    ", with a code block" : "");
		return J_NEXT;
	}
	if (rc == 0 && nmatch > 0) {
		judge_short(j, w, nmatch);
		return J_NEXT;
	}
	if (rc == 0 && j->follow && delegate(j->r, j->ctx, j->m, MD_NONE,
	    j->cap, w->re, j->f, w->label, &j->where, &j->budget)) {
		strbuf_addf(&j->good, "%s%s delegated to %s", j->good.len ?
		    "; " : "", w->label, j->where.buf);
		return J_NEXT;
	}
	if (rc == 0 && judge_doc_links(j, w))
		return J_NEXT;
	if (rc == -1) {
		finding_result(j->f, RESULT_UNKNOWN, "%s: the pattern of '%s' "
		    "could not be matched", j->e->path, w->label);
		return J_OUT;
	}
	if (regex_budget_spent(&j->budget))
		return J_STOP;
	return judge_unheaded(j, w);
}

/* The result, once every wanted section was looked for. */
static void
judge_result(struct judging *j)
{
	const char *path = j->e->path;

	if (regex_budget_spent(&j->budget)) {
		finding_result(j->f, RESULT_UNKNOWN, "%s: the patterns of "
		    "rule '%s' could not be matched: the matching budget "
		    "(%llu steps) is spent", path, j->r->id,
		    (unsigned long long)j->budget.limit);
		finding_evidence(j->f, path, 0, NULL);
		return;
	}
	if (j->missing > 0) {
		strbuf_reset(&j->why);
		list_headings(j->m, &j->why);
		finding_result(j->f, RESULT_FAIL, "%s: %s%s%s (%s)", path,
		    j->miss.buf, j->weak.len ? "; " : "", j->weak.buf,
		    j->why.buf);
		if (j->f->nev == 0)
			finding_evidence(j->f, path, 0, j->why.buf);
		judge_partial(j);
	} else if (j->weak.len > 0) {
		finding_result(j->f, RESULT_FAIL, "%s: %s%s%s", path,
		    j->weak.buf, j->good.len ? "; " : "", j->good.buf);
		finding_cap_level(j->f, LEVEL_WARNING);
	} else
		finding_result(j->f, RESULT_PASS, "%s: %s", path,
		    j->good.len ? j->good.buf : "present");
	if (j->accepted != NULL) {
		ctx_accepted_name(j->f, path, j->accepted);
		finding_append(j->f, " (read instead of %s)", j->accepted);
	}
	if (j->m->truncated)
		finding_append(j->f, " (only the first part was read)");
	if (j->pointer != NULL)
		finding_append(j->f, " (%s only points to it)", j->pointer);
}

/*
 * With partial = warn, a file that holds some of the sections asked for
 * (or a passing mention of them) but not all is a Caution, saying what
 * it holds: FAIL only when every sign is absent.
 */
static void
judge_partial(struct judging *j)
{
	if (rule_str(j->r, "partial", NULL) == NULL ||
	    (j->good.len == 0 && j->weak.len == 0))
		return;
	if (j->good.len > 0)
		finding_append(j->f, "; it has %s", j->good.buf);
	finding_cap_level(j->f, LEVEL_WARNING);
}

/*
 * A file of a few words under a title at most that links to a document
 * of the repository ("Please refer to docs/contributing.rst", or that
 * page on the docs site) is a pointer: that document is judged instead.
 */
static void
follow_pointer(struct judging *j)
{
	const struct tree_entry *e;
	const struct md_file *lm;
	size_t i;
	int line;

	if (j->m->doc.words > POINTER_WORDS || j->m->doc.nheadings > 1)
		return;
	for (i = 0; i < j->m->doc.nlinks && j->pointer == NULL; i++) {
		e = link_target(j->r, j->ctx, j->e->path, j->m->doc.links[i]);
		if (e == NULL || e == j->e || !is_document(e->path) ||
		    (e->mode != TREE_MODE_FILE && e->mode != TREE_MODE_EXEC) ||
		    (lm = ctx_document(j->ctx, e, j->cap, NULL)) == NULL)
			continue;
		line = link_line(j->ctx, j->m, MD_NONE, j->cap,
		    j->m->doc.links[i]);
		finding_evidence(j->f, j->e->path, line, "points to");
		j->pointer = j->e->path;
		j->e = e;
		j->m = lm;
	}
}

static int
sections_check(const struct rule *r, struct check_ctx *ctx, struct finding *f)
{
	const struct sections *s = r->priv;
	struct strbuf looked = STRBUF_INIT;
	struct judging j;
	struct file_query q;
	size_t i;
	int accepted, rc;

	memset(&j, 0, sizeof(j));
	j.r = r;
	j.ctx = ctx;
	j.f = f;
	ctx_file_query(r, &q);
	q.names = rule_key(r, "file");
	j.e = ctx_locate(ctx, &q, &accepted, &looked);
	if (j.e == NULL) {
		if (!ctx_not_found(ctx, f, looked.buf))
			finding_result(f, RESULT_FAIL, "no %s (looked for %s)",
			    q.names->v[0].value, looked.buf);
		strbuf_release(&looked);
		return 0;
	}
	strbuf_release(&looked);
	if (ctx_usable(ctx, j.e, f) == -1)
		return 0;
	j.cap = (size_t)rule_int(r, "max_bytes", SECTIONS_DEFAULT_MAX);
	if ((j.m = ctx_document(ctx, j.e, j.cap, f)) == NULL)
		return 0;
	j.follow = rule_bool(r, "follow_links", 0);
	j.accepted = accepted ? q.names->v[0].value : NULL;
	if (rule_bool(r, "pointer", 0))
		follow_pointer(&j);
	judging_init(&j);
	judge_intro(&j);
	regex_budget_init(&j.budget);
	for (i = 0, rc = J_NEXT; i < s->n && rc == J_NEXT &&
	    !regex_budget_spent(&j.budget); i++)
		rc = judge_want(&j, &s->w[i]);
	if (rc != J_OUT)
		judge_result(&j);
	judging_release(&j);
	return 0;
}

/* The buffers of a judging, empty. */
static void
judging_init(struct judging *j)
{
	strbuf_init(&j->miss);
	strbuf_init(&j->good);
	strbuf_init(&j->why);
	strbuf_init(&j->weak);
	strbuf_init(&j->where);
	strbuf_init(&j->pr.text);
	j->pr.starts = NULL;
	j->pr.made = 0;
}

static void
judging_release(struct judging *j)
{
	strbuf_release(&j->miss);
	strbuf_release(&j->good);
	strbuf_release(&j->why);
	strbuf_release(&j->weak);
	strbuf_release(&j->where);
	strbuf_release(&j->pr.text);
	free(j->pr.starts);
}
