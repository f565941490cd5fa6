/*
 * markdown.h: headings and sections of a Markdown file, as a reader sees
 * them.
 *
 * md_parse() reads a CommonMark document (with cmark) into the ordered
 * list of its headings: ATX and setext headings, and <h1>..<h6> written
 * in HTML (in HTML blocks or inline HTML). Nothing inside a fenced or
 * indented code block, an HTML comment, <pre> or <script> is ever a
 * heading. An <hN> left open ends with the block that opened it if it
 * holds text there; else (a lone <h1 align="center"> line) it reads on
 * through paragraphs and HTML blocks up to </hN>, stopping at any other
 * block. Headings in block quotes and list items count, flagged.
 * Decoration is no heading: a heading of only images (badges underlined
 * with ---), a bar of two or more links and nothing else, or one empty
 * without its images; its body runs on in the section before it. An
 * <hN> of images and links with no words outside them (a logo beside a
 * link, <h1><img src=...> <a href=...>with</a></h1>) is a heading with
 * no text: it names no section and lists of headings leave it out.
 *
 * The introduction is what a reader takes for the project's value
 * proposition: the prose before the first heading and under a level-1
 * title, HTML taglines (<h2>..<h6> headings before the first section
 * whose sections hold no code and no prose; flagged MD_TAGLINE, never
 * found as sections) and the words of a first section named like an
 * introduction (About, Description, Overview, What is X, Why X).
 *
 * A heading's section runs to the next heading of the same or a higher
 * (smaller) level; its body is everything after the heading up to there,
 * subsections included. For each section the reader counts what a rule
 * needs: code blocks, words of prose, links.
 *
 * Words are whitespace-separated tokens holding at least one letter or
 * digit (each CJK ideograph or kana counts as a word), in paragraphs,
 * list items, block quotes and HTML text; never in code blocks, headings
 * or image alt text. Inline code spans and link text count.
 *
 * Line numbers are 1-based, counted as CommonMark does (LF, CRLF and CR
 * each end a line). Byte offsets index the buffer given to md_parse().
 * All text in a struct md_doc is valid, NUL-terminated UTF-8: invalid
 * input bytes read as U+FFFD, NUL bytes as U+FFFD.
 */
#ifndef EC_MARKDOWN_H
#define EC_MARKDOWN_H

#include <stddef.h>

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

#include "text.h"

struct regex_budget;
struct strbuf;

#define MD_NONE			((size_t)-1)
#define MD_MAX_INPUT		(64u * 1024 * 1024)	/* bytes md_parse reads */
#define MD_MAX_HEADINGS		10000	/* headings kept; then truncated */
#define MD_MAX_LINKS		100000	/* link destinations kept */
#define MD_MAX_TEXT		1024	/* bytes of a heading's text kept */
#define MD_ONLY_LINKS_WORDS	12	/* fewer words besides links: only links */
/* text_normalise() flags of heading names (and the file names matched to them) */
#define MD_NORMALISE		TEXT_SHORTCODES

/* md_heading.flags */
#define MD_SETEXT	0x1	/* underlined with === or --- */
#define MD_HTML		0x2	/* an <hN> element */
#define MD_NESTED	0x4	/* inside a block quote or a list item */
#define MD_TAGLINE	0x8	/* an HTML tagline before the first section:
				   introduction, not a section */

struct md_heading {
	int		 level;		/* 1-6 */
	int		 line;		/* first line of the heading */
	int		 end_line;	/* last line (setext underline, </hN>) */
	unsigned	 flags;
	char		*text;		/* display text, spaces collapsed;
					   "" for a banner (see above) */
	char		*norm;		/* text_normalise(text, MD_NORMALISE) */
	size_t		 parent;	/* enclosing heading, or MD_NONE */
	size_t		 end;		/* heading ending the section, or
					   nheadings; subsections lie between */
	int		 body_line;	/* first line of the body */
	int		 body_end_line;	/* line after its last (next heading) */
	size_t		 body_off;	/* body bytes: [body_off, body_end) */
	size_t		 body_end;
	int		 has_code;	/* a code block or <pre> in the body */
	size_t		 words;		/* words of prose in the body */
	size_t		 link_words;	/* of which inside link text */
	size_t		 link_first;	/* links in the body: */
	size_t		 nlinks;	/*   doc->links[link_first ...] */
	int		 only_links;	/* >= 1 link and fewer than
					   MD_ONLY_LINKS_WORDS other words */
};

/*
 * md_block.kind: the blocks of a document that hold no prose, as its
 * reader (cmark for Markdown) decides; rules that read the source lines
 * (people, prose) skip them.
 */
#define MD_BLOCK_CODE	1	/* a code block (fenced or indented); a reST
				   literal block, doctest or code directive */
#define MD_BLOCK_HIDDEN	2	/* never shown: an HTML comment block; a reST
				   comment, target or directive body */

/*
 * The blocks of a document that hold text, as its reader decides (cmark
 * for Markdown, rst.c for reST), in doc->text: rules that read people or
 * prose from the source lines take their paragraphs and list items from
 * here rather than grouping lines themselves. They nest (a list item
 * holds its paragraphs and nested lists) and come in document order, a
 * list item before the blocks inside it.
 *
 * Neither reader parses tables: cmark 0.30 has no table extension, so a
 * GFM table is a paragraph whose lines start with '|' (and a reST grid
 * table one whose lines start with '|', "+-" or "+="), one row a line;
 * a reader of rows splits those lines at '|' itself. A paragraph may
 * hold text lines before and after such rows ("Maintainers:" then a
 * table, with no blank line between).
 *
 * In reST a list item is a line starting with a bullet or an enumerator
 * ("- ", "* ", "1. ", "(a) ", "#. "), and its level is that of its
 * indentation among the items open; a field list (":Author: Jane") is a
 * paragraph, its fields its lines.
 */
#define MD_BLOCK_PARA	3	/* a paragraph (a table: see above) */
#define MD_BLOCK_ITEM	4	/* a list item: all its lines */
#define MD_BLOCK_HTML	5	/* an HTML block that is no comment */

struct md_block {
	int	 kind;		/* MD_BLOCK_* */
	int	 line;		/* its first line */
	int	 end_line;	/* its last line */
	/* of text blocks (doc->text) only: */
	int	 col;		/* byte where its text starts on its first
				   line, 1-based (after a list marker) */
	int	 level;		/* list items it lies in, an item itself
				   included: 0 outside lists */
	int	 quote;		/* block quotes it lies in; each of its
				   lines after the first starts with as
				   many '>' markers */
};

struct md_doc {
	struct md_heading	*h;		/* in document order */
	size_t			 nheadings;
	size_t			 halloc;
	char			**links;	/* destinations, document order */
	size_t			 nlinks;
	size_t			 linkalloc;
	size_t			 title;		/* heading 0 if it is level 1,
						   else MD_NONE */
	size_t			 lead_words;	/* before the first heading */
	size_t			 intro_words;	/* the introduction: lead_words,
						   the words under the title,
						   tagline_words and
						   intro_section_words;
						   paragraphs of only links or
						   images (badges, navigation)
						   never count */
	int			 nlines;
	int			 headings_truncated; /* more than MD_MAX_HEADINGS */
	int			 links_truncated;    /* more than MD_MAX_LINKS */
	size_t			 words;		/* words of the whole document */
	size_t			 code_blocks;	/* code blocks in it */
	size_t			 tagline_words;	/* in MD_TAGLINE headings */
	int			 tagline_line;	/* the first of them, or 0 */
	size_t			 intro_section;	/* the first section when it is
						   named like an introduction
						   (About, Overview, What is X),
						   or MD_NONE */
	size_t			 intro_section_words; /* its words, not those
						   of its subsections */
	struct md_block		*blocks;	/* in document order, none
						   overlapping */
	size_t			 nblocks;
	size_t			 blockalloc;
	struct md_block		*text;		/* paragraphs, list items and
						   HTML blocks (see above) */
	size_t			 ntext;
	size_t			 textalloc;
	size_t			 intro_later;	/* a later section named like an
						   introduction, when the
						   first is not, or MD_NONE */
};

/*
 * The model the Markdown and reST readers make of a file: its document,
 * whether only a first part was read, and (set by the check context, not
 * the reader) the entry it was read from.
 */
struct md_file {
	const struct tree_entry	*e;
	int			 truncated;
	struct md_doc		 doc;
};

struct reader;
extern const struct reader reader_markdown;
/* Free an md_file a document reader made. */
void	 md_file_free(void *);

#define MD_DOC_INIT { NULL, 0, 0, NULL, 0, 0, MD_NONE, 0, 0, 0, 0, 0, 0, 0, \
	0, 0, MD_NONE, 0 }

/*
 * Parse len bytes of buf into doc (which need not be initialised; free it
 * with md_doc_free() whatever the result). Returns 0, or -1 with a
 * message when the input is larger than MD_MAX_INPUT.
 */
int	 md_parse(const char *, size_t, struct md_doc *);
void	 md_doc_free(struct md_doc *);
/*
 * Append n bytes of s as text to show: runs of white space as one space,
 * trimmed, control characters as U+FFFD, at most cap bytes (whole
 * characters).
 */
void	 md_display_text(const char *, size_t, size_t, struct strbuf *);
/*
 * Record lines [line, end_line] as a block of kind; a block of the same
 * kind ending on the line before, or overlapping, is extended instead.
 */
void	 md_block_add(struct md_doc *, int, int, int);
/*
 * Append a copy of a text block (kind MD_BLOCK_PARA, _ITEM or _HTML) to
 * doc->text; an end_line before line is line. Returns its index there.
 */
size_t	 md_text_add(struct md_doc *, const struct md_block *);
/*
 * The kind of block (MD_BLOCK_*) each line 1..nlines lies in, 0 for
 * none: an array of nlines + 1, indexed by line number. Free it.
 */
int	*md_line_blocks(const struct md_doc *, int);
/*
 * Section totals, counted the same way by both document readers: a
 * reader adds what it reads to the segment after the last heading so
 * far (seg[0] before the first heading, seg[i + 1] after heading i),
 * one unit (a paragraph, a piece of HTML) at a time.
 */
struct md_seg {
	size_t	 words;
	size_t	 link_words;	/* of them, in link text */
	size_t	 nav_words;	/* in units of only links (navigation,
				   badges) or, in reST, fields */
	size_t	 code;		/* code blocks */
	size_t	 link_first;	/* doc->links index where it starts */
};

/* Add a unit of uw words, ulw of them link text; nav: navigation. */
void	 md_seg_unit(struct md_seg *, size_t, size_t, int);
/*
 * Turn the doc->nheadings + 1 segments into running totals (seg[i]: over
 * segments 0..i), nest the headings (md_nest()) and set the document's
 * words and code blocks and each heading's words, link words, code and
 * links. Extents (body lines and offsets) are the reader's.
 */
void	 md_totals(struct md_doc *, struct md_seg *);
void	 md_find_intro(struct md_doc *, const struct md_seg *,
	    const struct md_seg *);
/* Set each heading's parent and the heading that ends its section. */
void	 md_nest(struct md_doc *);

/*
 * Find the first heading at index from or later whose normalised text
 * matches re (the caller compiles it, e.g. with PCRE2_CASELESS; PCRE2_UTF
 * is safe, texts are valid UTF-8). Matching runs under match, depth and
 * heap limits, spending from budget (NULL: a budget of its own, see
 * regex.h). Returns 1 and sets *idx, 0 if no heading matches,
 * REGEX_EBUDGET (quietly) when the budget runs out, or -1 with a message
 * when PCRE2 fails (e.g. the pattern hits a limit).
 */
int	 md_find_section(const struct md_doc *, const pcre2_code *, size_t,
	    size_t *, struct regex_budget *);

#endif
