/* markdown.c: headings and sections of Markdown files, read with cmark */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "ascii.h"
#include "error.h"
#include "read/markdown.h"
#include "read/inline.h"
#include "read/reader.h"
#include "regex.h"
#include "strbuf.h"
#include "text.h"
#include "utf8.h"
#include "xalloc.h"

/* Raw heading text kept while reading, before spaces are collapsed. */
#define MD_MAX_RAW	(4 * MD_MAX_TEXT)
/* Bytes of a link destination kept. */
#define MD_MAX_URL	4096

/* The state of raw HTML being read. */
struct html {
	int	 in_pre;	/* inside <pre>: code, no headings */
	char	 raw[12];	/* inside <script> and the like: skipped */
	size_t	 nodq;		/* no '"' at or after this offset */
	size_t	 nosq;		/* no '\'' at or after this offset */
};

/* A tag found in raw HTML. */
struct tag {
	char		 name[12];	/* lowercase, "" when longer */
	int		 closing;
	const char	*href;		/* undecoded value, or NULL */
	size_t		 hreflen;
};

/* A cursor over the starts of lines (LF, CRLF or CR end a line). */
struct linecur {
	const char	*buf;
	size_t		 len;
	int		 has_cr;	/* else only LF ends lines: memchr */
	int		 line;
	size_t		 off;
};

struct walk {
	struct md_doc	*doc;
	struct linecur	 src;		/* the input, for setext underlines */
	struct md_seg	*seg;		/* doc->nheadings + 1 of them */
	size_t		 segalloc;
	int		 nested;	/* block quotes and list items open */
	int		 items;		/* of them, list items */
	int		 quotes;	/*   and block quotes */

	/* An <hN> element being read. */
	int		 hopen;
	int		 hlevel;
	int		 hline;
	int		 hlast;
	int		 hnested;
	int		 hhere;		/* opened in the current block */
	struct strbuf	 htext;
	struct text_words hw;		/* words of its text: */
	size_t		 hwords;	/*   all but image alt text */
	size_t		 hplain;	/*   outside links and alt text */
	size_t		 hlinks;	/* links in it */
	size_t		 himages;	/* images in it */
	int		 in_alt;	/* reading image alt text */

	/* Words of the current paragraph or HTML unit. */
	struct text_words words;	/* the current token */
	int		 in_link;
	int		 in_a;		/* inside <a href> */
	size_t		 uw;
	size_t		 ulw;

	struct html	 inl;		/* inline HTML of the paragraph */
	struct strbuf	 tmp;
};

static size_t	 decode_entity(const char *, size_t, struct strbuf *);
static void	 decode_text(const char *, size_t, struct strbuf *);

static struct md_seg *cur_seg(struct walk *);
static void	 count_text(struct walk *, const char *, size_t);
static void	 w_text(struct walk *, const char *, size_t);
static void	 w_sep(struct walk *);
static void	 unit_end(struct walk *);
static void	 add_link(struct walk *, const char *, size_t);
static void	 add_heading(struct walk *, int, int, int, unsigned,
		    const char *, size_t);
static int	 is_decoration(size_t, size_t, size_t);
static void	 open_html_heading(struct walk *, int, int);
static void	 close_html_heading(struct walk *);
static void	 block_end(struct walk *, int);

static int	 is_space(char);
static int	 is_attr_char(char);
static size_t	 find_after(const char *, size_t, size_t, const char *);
static int	 newlines(const char *, size_t, size_t);
static int	 is_block_tag(const char *);
static size_t	 skip_special(const char *, size_t, size_t);
static size_t	 attr_value(const char *, size_t, size_t, struct html *,
		    size_t *);
static size_t	 parse_tag(const char *, size_t, size_t, struct html *,
		    struct tag *);
static size_t	 skip_raw(const char *, size_t, size_t, const char *);
static void	 handle_tag(struct walk *, const struct tag *, int,
		    struct html *);
static void	 flush_html_text(struct walk *, const char *, size_t,
		    const struct html *);
static void	 scan_html(struct walk *, const char *, size_t, int,
		    struct html *);

static void	 flatten(cmark_node *, struct strbuf *);
static int	 html_anchor(const char *);
static int	 heading_is_decoration(cmark_node *);
static int	 node_end_line(cmark_node *);
static int	 block_end_line(cmark_node *);
static void	 read_heading(struct walk *, cmark_node *);
static void	 read_inline(struct walk *, cmark_iter *, cmark_node *,
		    cmark_node *);
static void	 walk_doc(struct walk *, cmark_node *);
static int	 is_comment_block(const char *);
static int	 leave_node(struct walk *, cmark_node *, int);
static void	 read_html_block(struct walk *, cmark_node *);
static void	 enter_block(struct walk *, cmark_node *, int);
static void	 text_block(struct walk *, cmark_node *, int);
static size_t	 line_off(struct linecur *, int);
static int	 is_underline(const char *, size_t);
static int	 setext_end(struct walk *, int, int);
static size_t	 next_line(const struct linecur *, size_t);
static int	 count_lines(const struct linecur *);
static int	 is_intro_name(const char *);
static int	 is_other_name(const char *);
static int	 name_ends_intro(const char *);
static void	 finish(struct walk *);

/*
 * Text of headings and raw HTML
 */

void
md_display_text(const char *s, size_t n, size_t cap, struct strbuf *out)
{
	size_t i, used, start;
	uint32_t cp;
	int space;

	start = out->len;
	space = 0;
	for (i = 0; i < n; i += used) {
		cp = utf8_next(s + i, n - i, &used);
		if (cp == ' ' || (cp >= '\t' && cp <= '\r')) {
			space = 1;
			continue;
		}
		if (cp < ' ' || cp == 0x7f)
			cp = 0xfffd;
		if (out->len - start + 1 + 4 > cap)
			break;
		if (space && out->len > start)
			strbuf_addch(out, ' ');
		space = 0;
		utf8_put(out, cp);
	}
}

static const struct {
	const char	*name;
	uint32_t	 cp;
} entities[] = {
	{ "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' },
	{ "apos", '\'' }, { "nbsp", 0xa0 }, { "ensp", 0x2002 },
	{ "emsp", 0x2003 }, { "thinsp", 0x2009 }, { "zwj", 0x200d },
	{ "zwnj", 0x200c }, { "shy", 0xad }, { "copy", 0xa9 },
	{ "reg", 0xae }, { "trade", 0x2122 }, { "ndash", 0x2013 },
	{ "mdash", 0x2014 }, { "hellip", 0x2026 }, { "middot", 0xb7 },
	{ "bull", 0x2022 }, { "laquo", 0xab }, { "raquo", 0xbb },
	{ "larr", 0x2190 }, { "rarr", 0x2192 }, { "uarr", 0x2191 },
	{ "darr", 0x2193 }, { "times", 0xd7 }, { "star", 0x2606 },
	{ "check", 0x2713 }, { "eacute", 0xe9 }, { "egrave", 0xe8 },
	{ "aacute", 0xe1 }, { "agrave", 0xe0 }, { "iacute", 0xed },
	{ "oacute", 0xf3 }, { "uacute", 0xfa }, { "auml", 0xe4 },
	{ "ouml", 0xf6 }, { "uuml", 0xfc }, { "szlig", 0xdf },
	{ "ccedil", 0xe7 }, { "ntilde", 0xf1 }, { "Eacute", 0xc9 },
	{ "Auml", 0xc4 }, { "Ouml", 0xd6 }, { "Uuml", 0xdc }
};

/*
 * Append what the entity s[0..n) (&amp; &#39; &#x1F680;, as inline_at()
 * finds them) stands for and return its length, else return 0. An
 * unknown named entity stands for nothing a reader could match.
 */
static size_t
decode_entity(const char *s, size_t n, struct strbuf *out)
{
	char name[16];
	uint32_t cp;
	size_t i, k;
	int hex;

	if (n > 1 && s[1] == '#') {
		hex = n > 2 && (s[2] == 'x' || s[2] == 'X');
		cp = 0;
		for (i = hex ? 3 : 2; i < n && i < 11; i++) {
			if (s[i] >= '0' && s[i] <= '9')
				cp = cp * (hex ? 16 : 10) + (uint32_t)(s[i] - '0');
			else if (hex && ((s[i] | 0x20) >= 'a' &&
			    (s[i] | 0x20) <= 'f'))
				cp = cp * 16 + (uint32_t)((s[i] | 0x20) - 'a' + 10);
			else
				break;
		}
		if (i == (hex ? 3u : 2u) || i >= n || s[i] != ';')
			return 0;
		utf8_put(out, cp == 0 ? 0xfffd : cp);
		return i + 1;
	}
	for (i = 1; i < n && i < sizeof(name); i++) {
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' &&
		    s[i] <= 'Z') || (i > 1 && s[i] >= '0' && s[i] <= '9')))
			break;
		name[i - 1] = s[i];
	}
	if (i == 1 || i >= n || s[i] != ';')
		return 0;
	name[i - 1] = '\0';
	for (k = 0; k < sizeof(entities) / sizeof(entities[0]); k++)
		if (strcmp(entities[k].name, name) == 0) {
			utf8_put(out, entities[k].cp);
			break;
		}
	return i + 1;
}

/* Append raw HTML text with its entities (inline_at()'s) decoded. */
static void
decode_text(const char *s, size_t n, struct strbuf *out)
{
	struct inline_piece p;
	const char *amp;
	size_t i, k;

	i = 0;
	while (i < n) {
		amp = memchr(s + i, '&', n - i);
		if (amp == NULL) {
			strbuf_add(out, s + i, n - i);
			return;
		}
		strbuf_add(out, s + i, (size_t)(amp - s) - i);
		i = (size_t)(amp - s);
		k = 0;
		if (inline_at(s, n, i, &p) && p.kind == INLINE_ENTITY)
			k = decode_entity(s + i, p.end - i, out);
		if (k == 0) {
			strbuf_addch(out, '&');
			k = 1;
		}
		i += k;
	}
}

/*
 * What a reader sees: words, links, headings being read
 */

static struct md_seg *
cur_seg(struct walk *w)
{
	return &w->seg[w->doc->nheadings];
}

/* Count the words of prose in s (see markdown.h for what a word is). */
static void
count_text(struct walk *w, const char *s, size_t n)
{
	size_t k;

	k = text_count_words(&w->words, s, n);
	w->uw += k;
	if (w->in_link > 0 || w->in_a > 0)
		w->ulw += k;
}

/* Text a reader sees: part of the open <hN>, or prose. */
static void
w_text(struct walk *w, const char *s, size_t n)
{
	size_t k;

	if (!w->hopen) {
		count_text(w, s, n);
		return;
	}
	if (!w->in_alt) {
		k = text_count_words(&w->hw, s, n);
		w->hwords += k;
		if (w->in_link == 0 && w->in_a == 0)
			w->hplain += k;
	}
	if (w->htext.len + n > MD_MAX_RAW)
		n = w->htext.len < MD_MAX_RAW ? MD_MAX_RAW - w->htext.len : 0;
	strbuf_add(&w->htext, s, n);
}

static void
w_sep(struct walk *w)
{
	w->words.in_word = 0;
	w->hw.in_word = 0;
	if (w->hopen && w->htext.len < MD_MAX_RAW)
		strbuf_addch(&w->htext, ' ');
}

/* A paragraph or a piece of HTML ends: add its words to the segment. */
static void
unit_end(struct walk *w)
{
	struct md_seg *sg;

	sg = cur_seg(w);
	md_seg_unit(sg, w->uw, w->ulw, 0);
	w->uw = w->ulw = 0;
	w->words.in_word = 0;
}

static void
add_link(struct walk *w, const char *url, size_t len)
{
	struct md_doc *doc = w->doc;
	struct strbuf sb = STRBUF_INIT;

	if (w->hopen) {
		w->hlinks++;
		return;
	}
	if (len == 0)
		return;
	if (doc->nlinks >= MD_MAX_LINKS) {
		doc->links_truncated = 1;
		return;
	}
	md_display_text(url, len, MD_MAX_URL, &sb);
	XGROW(doc->links, doc->nlinks + 1, doc->linkalloc);
	doc->links[doc->nlinks++] = strbuf_detach(&sb, NULL);
}

static void
add_heading(struct walk *w, int level, int line, int end_line,
    unsigned flags, const char *text, size_t len)
{
	struct md_doc *doc = w->doc;
	struct md_heading *h;
	struct strbuf sb = STRBUF_INIT;
	size_t n;

	unit_end(w);
	if (doc->nheadings >= MD_MAX_HEADINGS) {
		doc->headings_truncated = 1;
		return;
	}
	n = doc->nheadings;
	XGROW(doc->h, n + 1, doc->halloc);
	XGROW(w->seg, n + 2, w->segalloc);
	h = &doc->h[n];
	memset(h, 0, sizeof(*h));
	h->level = level;
	h->line = line;
	h->end_line = end_line < line ? line : end_line;
	h->flags = flags;
	md_display_text(text, len, MD_MAX_TEXT, &sb);
	h->text = strbuf_detach(&sb, NULL);
	text_normalise(h->text, strlen(h->text), MD_NORMALISE, &sb);
	h->norm = strbuf_detach(&sb, NULL);
	h->parent = h->end = MD_NONE;
	memset(&w->seg[n + 1], 0, sizeof(w->seg[n + 1]));
	w->seg[n + 1].link_first = doc->nlinks;
	doc->nheadings++;
}

/*
 * Whether a heading of these words (image alt text aside), words outside
 * links and links is decoration, not a section: a row of badges or
 * images, an empty heading, a bar of links ("[Website] - [Docs]"). A
 * heading that is one link ("[Install](#install)") is a heading.
 */
static int
is_decoration(size_t words, size_t plain, size_t links)
{
	return plain == 0 && (words == 0 || links >= 2);
}

static void
open_html_heading(struct walk *w, int level, int line)
{
	close_html_heading(w);
	unit_end(w);
	w->hopen = 1;
	w->hhere = 1;
	w->hlevel = level;
	w->hline = w->hlast = line;
	w->hnested = w->nested > 0;
	strbuf_reset(&w->htext);
	memset(&w->hw, 0, sizeof(w->hw));
	w->hwords = w->hplain = w->hlinks = w->himages = 0;
}

static void
close_html_heading(struct walk *w)
{
	if (!w->hopen)
		return;
	w->hopen = 0;
	w->hhere = 0;
	if (is_decoration(w->hwords, w->hplain, w->hlinks)) {
		unit_end(w);
		return;
	}
	/*
	 * A logo and a link or two (<h1><img> <a>with</a></h1>): a banner
	 * whose words name no section, so it has no text to show.
	 */
	add_heading(w, w->hlevel, w->hline, w->hlast,
	    MD_HTML | (w->hnested ? MD_NESTED : 0), w->htext.buf,
	    w->himages > 0 && w->hplain == 0 ? 0 : w->htext.len);
}

/*
 * A paragraph or HTML block ends at line. An <hN> left open there is
 * closed if it already holds text; one that does not (a lone
 * <h1 align="center"> line) reads on into the next blocks.
 */
static void
block_end(struct walk *w, int line)
{
	size_t i;

	unit_end(w);
	w->in_link = w->in_a = 0;
	if (!w->hopen)
		return;
	if (line > w->hlast)
		w->hlast = line;
	if (w->hhere)
		for (i = 0; i < w->htext.len; i++)
			if (text_class((unsigned char)w->htext.buf[i]) !=
			    TEXT_CP_SPACE) {
				close_html_heading(w);
				return;
			}
	w->hhere = 0;
}

/*
 * Raw HTML, read as a browser would, enough to find headings, links,
 * <pre> and text. Tags follow CommonMark's grammar of an HTML tag.
 */

static int
is_block_tag(const char *name)
{
	static const char *const block[] = {
		"p", "div", "br", "hr", "li", "ul", "ol", "dl", "dt", "dd",
		"table", "thead", "tbody", "tr", "td", "th", "blockquote",
		"details", "summary", "center", "section", "header",
		"footer", "nav", "img", "picture", "figure", "figcaption",
		NULL
	};
	size_t i;

	for (i = 0; block[i] != NULL; i++)
		if (strcmp(block[i], name) == 0)
			return 1;
	return 0;
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

static int
is_attr_char(char c)
{
	return ascii_isalnum(c) || c == '_' || c == '.' || c == ':' || c == '-';
}

/* Find needle at or after s[i]; the offset after it, or n. */
static size_t
find_after(const char *s, size_t n, size_t i, const char *needle)
{
	size_t k;

	k = strlen(needle);
	for (; i + k <= n; i++) {
		if (s[i] == needle[0] && memcmp(s + i, needle, k) == 0)
			return i + k;
	}
	return n;
}

/*
 * If a comment, processing instruction, declaration or CDATA section
 * starts at s[i] ('<'), return the offset after it (n when unclosed).
 * Else 0.
 */
static size_t
skip_special(const char *s, size_t n, size_t i)
{
	if (i + 1 >= n)
		return 0;
	if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0)
		return find_after(s, n, i + 4, "-->");
	if (n - i >= 9 && memcmp(s + i, "<![CDATA[", 9) == 0)
		return find_after(s, n, i + 9, "]]>");
	if (s[i + 1] == '?')
		return find_after(s, n, i + 2, "?>");
	if (s[i + 1] == '!' && i + 2 < n && ascii_isalpha(s[i + 2]))
		return find_after(s, n, i + 2, ">");
	return 0;
}

/*
 * An attribute value at s[k], quoted or not: set *av to where it starts
 * and return the offset after it (and its closing quote), or 0. st
 * remembers quotes that are never closed, so that a hostile block costs
 * linear time.
 */
static size_t
attr_value(const char *s, size_t n, size_t k, struct html *st, size_t *av)
{
	const char *q;
	size_t *memo;

	if (k >= n)
		return 0;
	if (s[k] == '"' || s[k] == '\'') {
		memo = s[k] == '"' ? &st->nodq : &st->nosq;
		if (k + 1 >= *memo)
			return 0;
		if ((q = memchr(s + k + 1, s[k], n - k - 1)) == NULL) {
			*memo = k + 1;
			return 0;
		}
		*av = k + 1;
		return (size_t)(q - s) + 1;
	}
	*av = k;
	while (k < n && !is_space(s[k]) && s[k] != '"' && s[k] != '\'' &&
	    s[k] != '=' && s[k] != '<' && s[k] != '>' && s[k] != '`')
		k++;
	return k == *av ? 0 : k;
}

/*
 * If a tag starts at s[i] ('<'), fill t and return the offset after it,
 * else return 0.
 */
static size_t
parse_tag(const char *s, size_t n, size_t i, struct html *st, struct tag *t)
{
	size_t j, an, ane, av, k;

	memset(t, 0, sizeof(*t));
	j = i + 1;
	if (j < n && s[j] == '/') {
		t->closing = 1;
		j++;
	}
	if (j >= n || !ascii_isalpha(s[j]))
		return 0;
	for (k = 0; j < n && (ascii_isalnum(s[j]) || s[j] == '-'); j++, k++)
		if (k < sizeof(t->name) - 1)
			t->name[k] = (char)(s[j] | (ascii_isalpha(s[j]) ? 0x20 : 0));
	if (k >= sizeof(t->name) - 1)
		t->name[0] = '\0';
	for (;;) {
		an = j;
		while (j < n && is_space(s[j]))
			j++;
		if (j >= n)
			return 0;
		if (s[j] == '>')
			return j + 1;
		if (!t->closing && s[j] == '/' && j + 1 < n && s[j + 1] == '>')
			return j + 2;
		if (t->closing || j == an || !(ascii_isalpha(s[j]) || s[j] == '_' ||
		    s[j] == ':'))
			return 0;
		an = j;
		while (j < n && is_attr_char(s[j]))
			j++;
		ane = k = j;
		while (k < n && is_space(s[k]))
			k++;
		if (k >= n || s[k] != '=')
			continue;
		k++;
		while (k < n && is_space(s[k]))
			k++;
		if ((j = attr_value(s, n, k, st, &av)) == 0)
			return 0;
		if (ane - an == 4 && ascii_eq_lower(s + an, "href", 4)) {
			t->href = s + av;
			/* Without the closing quote, if quoted. */
			t->hreflen = j - av - (av > k ? 1 : 0);
		}
	}
}

/* Skip raw text up to the closing tag </name>; the offset of its '<'. */
static size_t
skip_raw(const char *s, size_t n, size_t i, const char *name)
{
	size_t k;

	k = strlen(name);
	for (; i + 2 + k <= n; i++) {
		if (s[i] == '<' && s[i + 1] == '/' &&
		    ascii_eq_lower(s + i + 2, name, k) &&
		    (i + 2 + k == n || !ascii_isalnum(s[i + 2 + k])))
			return i;
	}
	return n;
}

static void
handle_tag(struct walk *w, const struct tag *t, int line, struct html *st)
{
	const char *nm = t->name;
	struct strbuf sb = STRBUF_INIT;

	if (nm[0] == 'h' && nm[1] >= '1' && nm[1] <= '6' && nm[2] == '\0') {
		if (!t->closing)
			open_html_heading(w, nm[1] - '0', line);
		else if (w->hopen) {
			w->hlast = line;
			close_html_heading(w);
		}
		return;
	}
	if (!t->closing && strcmp(nm, "pre") == 0) {
		if (!w->hopen)
			unit_end(w);
		cur_seg(w)->code++;
		st->in_pre = 1;
	} else if (!t->closing && (strcmp(nm, "script") == 0 ||
	    strcmp(nm, "style") == 0 || strcmp(nm, "textarea") == 0))
		memcpy(st->raw, nm, strlen(nm) + 1);
	else if (strcmp(nm, "a") == 0) {
		/* An <a> closes an open one; only one with href is a link. */
		w->in_a = !t->closing && t->href != NULL;
		if (w->in_a) {
			decode_text(t->href, t->hreflen, &sb);
			add_link(w, sb.buf, sb.len);
			strbuf_release(&sb);
		}
		w->words.in_word = 0;
	} else if (is_block_tag(nm)) {
		if (w->hopen && !t->closing && strcmp(nm, "img") == 0)
			w->himages++;
		w_sep(w);
		if (!w->hopen && strcmp(nm, "img") != 0)
			unit_end(w);
	}
}

static void
flush_html_text(struct walk *w, const char *s, size_t n,
    const struct html *st)
{
	if (n == 0 || st->in_pre || st->raw[0] != '\0')
		return;
	strbuf_reset(&w->tmp);
	decode_text(s, n, &w->tmp);
	w_text(w, w->tmp.buf, w->tmp.len);
}

/* Count the newlines of s[i..j). */
static int
newlines(const char *s, size_t i, size_t j)
{
	const char *p, *e;
	int k;

	k = 0;
	e = s + j;
	for (p = s + i; p < e; p++) {
		p = memchr(p, '\n', (size_t)(e - p));
		if (p == NULL)
			break;
		k++;
	}
	return k;
}

/* Read raw HTML s, whose first line is line. */
static void
scan_html(struct walk *w, const char *s, size_t n, int line, struct html *st)
{
	struct tag t;
	const char *lt;
	size_t i, j, text;

	st->nodq = st->nosq = SIZE_MAX;
	text = i = 0;
	while (i < n) {
		if (st->in_pre || st->raw[0] != '\0') {
			j = skip_raw(s, n, i, st->in_pre ? "pre" : st->raw);
			line += newlines(s, i, j);
			if (j < n) {
				st->in_pre = 0;
				st->raw[0] = '\0';
			}
			text = i = j;
			continue;
		}
		if (s[i] != '<') {
			lt = memchr(s + i, '<', n - i);
			i = lt != NULL ? (size_t)(lt - s) : n;
			continue;
		}
		if ((j = skip_special(s, n, i)) == 0 &&
		    (j = parse_tag(s, n, i, st, &t)) == 0) {
			i++;
			continue;
		}
		flush_html_text(w, s + text, i - text, st);
		line += newlines(s, text, i);
		if (s[i + 1] != '!' && s[i + 1] != '?')
			handle_tag(w, &t, line, st);
		line += newlines(s, i, j);
		text = i = j;
	}
	flush_html_text(w, s + text, n - text, st);
}

/*
 * Markdown
 */

/* Append the text of an inline tree: text, code, link text, alt text. */
static void
flatten(cmark_node *node, struct strbuf *sb)
{
	cmark_iter *it;
	cmark_event_type ev;
	cmark_node *n;
	const char *lit;

	it = cmark_iter_new(node);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		if (ev != CMARK_EVENT_ENTER || sb->len >= MD_MAX_RAW)
			continue;
		n = cmark_iter_get_node(it);
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			lit = cmark_node_get_literal(n);
			if (lit != NULL)
				strbuf_add(sb, lit, strlen(lit));
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			strbuf_addch(sb, ' ');
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
}

/* cmark ends some blocks at column 0 of the line after them. */
static int
node_end_line(cmark_node *n)
{
	int line;

	line = cmark_node_get_end_line(n);
	if (cmark_node_get_end_column(n) == 0 && line > 1)
		line--;
	if (line < cmark_node_get_start_line(n))
		line = cmark_node_get_start_line(n);
	return line;
}

/*
 * The last line of a leaf block: a fence left open in a list item or
 * block quote ends with it, though cmark puts its end on the line that
 * closed the container.
 */
static int
block_end_line(cmark_node *n)
{
	cmark_node *p;
	int line, pl;

	line = node_end_line(n);
	for (p = cmark_node_parent(n); p != NULL &&
	    cmark_node_get_type(p) != CMARK_NODE_DOCUMENT;
	    p = cmark_node_parent(p))
		if ((pl = node_end_line(p)) < line)
			line = pl;
	if (line < cmark_node_get_start_line(n))
		line = cmark_node_get_start_line(n);
	return line;
}

/* Whether the line s (n bytes, to its end) is "===" or "---". */
static int
is_underline(const char *s, size_t n)
{
	size_t i;
	char c;

	i = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '>'))
		i++;
	if (i >= n || (s[i] != '=' && s[i] != '-'))
		return 0;
	c = s[i];
	while (i < n && s[i] == c)
		i++;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i >= n || s[i] == '\n' || s[i] == '\r';
}

/*
 * The line of the underline of a setext heading on lines start..end:
 * cmark may end the heading on a later line. Container prefixes (block
 * quote markers, list indentation) are skipped loosely.
 */
static int
setext_end(struct walk *w, int start, int end)
{
	size_t a, b;
	int line;

	for (line = start + 1; line <= end; line++) {
		a = line_off(&w->src, line);
		b = line_off(&w->src, line + 1);
		if (a < b && is_underline(w->src.buf + a, b - a))
			return line;
	}
	return end;
}

/*
 * Whether the inline HTML lit is an <a> tag: 2 opening a link (with an
 * href), 1 closing or without one, 0 another tag.
 */
static int
html_anchor(const char *lit)
{
	struct html st;
	struct tag t;

	memset(&st, 0, sizeof(st));
	st.nodq = st.nosq = SIZE_MAX;
	if (lit[0] != '<' || parse_tag(lit, strlen(lit), 0, &st, &t) == 0 ||
	    strcmp(t.name, "a") != 0)
		return 0;
	return !t.closing && t.href != NULL ? 2 : 1;
}

/* Whether the heading node n is decoration (see is_decoration()). */
static int
heading_is_decoration(cmark_node *n)
{
	struct text_words tw;
	cmark_iter *it;
	cmark_event_type ev;
	cmark_node *c;
	const char *lit;
	size_t words, plain, links, k;
	int in_link, in_a;

	memset(&tw, 0, sizeof(tw));
	words = plain = links = 0;
	in_link = in_a = 0;
	it = cmark_iter_new(n);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		c = cmark_iter_get_node(it);
		lit = cmark_node_get_literal(c);
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_LINK:
			if (ev == CMARK_EVENT_ENTER) {
				links++;
				in_link++;
			} else
				in_link--;
			tw.in_word = 0;
			break;
		case CMARK_NODE_IMAGE:
			if (ev == CMARK_EVENT_ENTER)
				cmark_iter_reset(it, c, CMARK_EVENT_EXIT);
			tw.in_word = 0;
			break;
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			if (lit == NULL)
				break;
			k = text_count_words(&tw, lit, strlen(lit));
			words += k;
			if (in_link == 0 && in_a == 0)
				plain += k;
			break;
		case CMARK_NODE_HTML_INLINE:
			tw.in_word = 0;
			if (lit != NULL && (k = html_anchor(lit)) > 0) {
				in_a = k == 2;
				links += in_a;
			}
			break;
		default:
			tw.in_word = 0;
			break;
		}
	}
	cmark_iter_free(it);
	return is_decoration(words, plain, links);
}

static void
read_heading(struct walk *w, cmark_node *n)
{
	struct strbuf sb = STRBUF_INIT;
	int line, end;

	close_html_heading(w);
	if (heading_is_decoration(n)) {
		unit_end(w);
		return;
	}
	flatten(n, &sb);
	line = cmark_node_get_start_line(n);
	end = cmark_node_get_end_line(n);
	if (end > line)
		end = setext_end(w, line, end);
	add_heading(w, cmark_node_get_heading_level(n), line, end,
	    (end > line ? MD_SETEXT : 0) | (w->nested > 0 ? MD_NESTED : 0),
	    sb.buf, sb.len);
	strbuf_release(&sb);
}

/* An inline node of a paragraph (para) on entering it. */
static void
read_inline(struct walk *w, cmark_iter *it, cmark_node *n, cmark_node *para)
{
	const char *lit;
	int line;

	lit = cmark_node_get_literal(n);
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_TEXT:
	case CMARK_NODE_CODE:
		if (lit != NULL && !w->inl.in_pre && w->inl.raw[0] == '\0')
			w_text(w, lit, strlen(lit));
		break;
	case CMARK_NODE_SOFTBREAK:
	case CMARK_NODE_LINEBREAK:
		w_sep(w);
		break;
	case CMARK_NODE_HTML_INLINE:
		line = cmark_node_get_start_line(n);
		if (line <= 0)
			line = cmark_node_get_start_line(para);
		if (lit != NULL)
			scan_html(w, lit, strlen(lit), line, &w->inl);
		break;
	case CMARK_NODE_LINK:
		lit = cmark_node_get_url(n);
		if (lit != NULL)
			add_link(w, lit, strlen(lit));
		w->in_link++;
		w->words.in_word = 0;
		break;
	case CMARK_NODE_IMAGE:
		/* Alt text is no prose, but it is part of a heading. */
		if (w->hopen) {
			w->himages++;
			flatten(n, &w->tmp);
			w->in_alt = 1;
			w_text(w, w->tmp.buf, w->tmp.len);
			w->in_alt = 0;
			strbuf_reset(&w->tmp);
		}
		w_sep(w);
		cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
		break;
	default:
		break;
	}
}

/* Leave node n of type: 1 when it ends the paragraph being read. */
static int
leave_node(struct walk *w, cmark_node *n, int type)
{
	if (type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_ITEM) {
		w->nested--;
		if (type == CMARK_NODE_ITEM)
			w->items--;
		else
			w->quotes--;
	}
	else if (type == CMARK_NODE_LINK && w->in_link > 0)
		w->in_link--;
	else if (type == CMARK_NODE_PARAGRAPH) {
		block_end(w, node_end_line(n));
		return 1;
	}
	return 0;
}

/* An HTML block: its headings and words; a comment is hidden. */
static void
read_html_block(struct walk *w, cmark_node *n)
{
	struct html st;
	const char *lit;

	memset(&st, 0, sizeof(st));
	lit = cmark_node_get_literal(n);
	if (lit != NULL)
		scan_html(w, lit, strlen(lit), cmark_node_get_start_line(n),
		    &st);
	if (lit != NULL && is_comment_block(lit))
		md_block_add(w->doc, MD_BLOCK_HIDDEN,
		    cmark_node_get_start_line(n), block_end_line(n));
	else
		text_block(w, n, MD_BLOCK_HTML);
	block_end(w, node_end_line(n));
}

/* Record node n as a text block of kind in the document. */
static void
text_block(struct walk *w, cmark_node *n, int kind)
{
	struct md_block b;

	b.kind = kind;
	b.line = cmark_node_get_start_line(n);
	b.end_line = kind == MD_BLOCK_PARA ? node_end_line(n) :
	    block_end_line(n);
	b.col = cmark_node_get_start_column(n);
	b.level = w->items;
	b.quote = w->quotes;
	md_text_add(w->doc, &b);
}

/* Enter a block quote or a list item (type) n. */
static void
enter_block(struct walk *w, cmark_node *n, int type)
{
	w->nested++;
	if (type == CMARK_NODE_ITEM) {
		w->items++;
		text_block(w, n, MD_BLOCK_ITEM);
	} else
		w->quotes++;
}

static void
walk_doc(struct walk *w, cmark_node *root)
{
	cmark_iter *it;
	cmark_event_type ev;
	cmark_node *n, *para;
	int type;

	para = NULL;
	it = cmark_iter_new(root);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		type = cmark_node_get_type(n);
		if (ev == CMARK_EVENT_EXIT) {
			if (leave_node(w, n, type))
				para = NULL;
			continue;
		}
		switch (type) {
		case CMARK_NODE_BLOCK_QUOTE:
		case CMARK_NODE_ITEM:
			enter_block(w, n, type);
			/* FALLTHROUGH */
		case CMARK_NODE_LIST:
		case CMARK_NODE_THEMATIC_BREAK:
			close_html_heading(w);
			break;
		case CMARK_NODE_CODE_BLOCK:
			close_html_heading(w);
			cur_seg(w)->code++;
			md_block_add(w->doc, MD_BLOCK_CODE,
			    cmark_node_get_start_line(n), block_end_line(n));
			break;
		case CMARK_NODE_HEADING:
			read_heading(w, n);
			cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
			break;
		case CMARK_NODE_PARAGRAPH:
			text_block(w, n, MD_BLOCK_PARA);
			para = n;
			memset(&w->inl, 0, sizeof(w->inl));
			break;
		case CMARK_NODE_HTML_BLOCK:
			read_html_block(w, n);
			break;
		default:
			if (para != NULL)
				read_inline(w, it, n, para);
			break;
		}
	}
	cmark_iter_free(it);
	close_html_heading(w);
	unit_end(w);
}

/* Whether an HTML block's text is a comment (CommonMark's type 2). */
static int
is_comment_block(const char *lit)
{
	while (*lit == ' ')
		lit++;
	return strncmp(lit, "<!--", 4) == 0;
}

void
md_block_add(struct md_doc *doc, int kind, int line, int end_line)
{
	struct md_block *b;

	if (end_line < line)
		end_line = line;
	if (doc->nblocks > 0) {
		b = &doc->blocks[doc->nblocks - 1];
		if (b->kind == kind && line <= b->end_line + 1) {
			if (end_line > b->end_line)
				b->end_line = end_line;
			return;
		}
	}
	XGROW(doc->blocks, doc->nblocks + 1, doc->blockalloc);
	b = &doc->blocks[doc->nblocks++];
	b->kind = kind;
	b->line = line;
	b->end_line = end_line;
	b->col = b->level = b->quote = 0;
}

size_t
md_text_add(struct md_doc *doc, const struct md_block *b)
{
	struct md_block *t;

	XGROW(doc->text, doc->ntext + 1, doc->textalloc);
	t = &doc->text[doc->ntext];
	*t = *b;
	if (t->end_line < t->line)
		t->end_line = t->line;
	return doc->ntext++;
}

int *
md_line_blocks(const struct md_doc *doc, int nlines)
{
	const struct md_block *b;
	size_t i;
	int *v, l;

	v = xcalloc((size_t)nlines + 1, sizeof(*v));
	for (i = 0; i < doc->nblocks; i++) {
		b = &doc->blocks[i];
		for (l = b->line > 1 ? b->line : 1; l <= b->end_line &&
		    l <= nlines; l++)
			v[l] = b->kind;
	}
	return v;
}

/*
 * Sections
 */

void
md_seg_unit(struct md_seg *sg, size_t uw, size_t ulw, int nav)
{
	sg->words += uw;
	sg->link_words += ulw;
	if (nav || (uw > 0 && uw == ulw))
		sg->nav_words += uw;
}

void
md_totals(struct md_doc *doc, struct md_seg *sg)
{
	struct md_heading *h = doc->h;
	size_t i, e, n;

	n = doc->nheadings;
	for (i = 1; i <= n; i++) {	/* running totals over 0..i */
		sg[i].words += sg[i - 1].words;
		sg[i].link_words += sg[i - 1].link_words;
		sg[i].nav_words += sg[i - 1].nav_words;
		sg[i].code += sg[i - 1].code;
	}
	doc->words = sg[n].words;
	doc->code_blocks = sg[n].code;
	md_nest(doc);
	for (i = 0; i < n; i++) {
		e = h[i].end;
		h[i].words = sg[e].words - sg[i].words;
		h[i].link_words = sg[e].link_words - sg[i].link_words;
		h[i].has_code = sg[e].code > sg[i].code;
		h[i].link_first = sg[i + 1].link_first;
		h[i].nlinks = (e < n ? sg[e + 1].link_first : doc->nlinks) -
		    h[i].link_first;
		h[i].only_links = h[i].nlinks > 0 &&
		    h[i].words - h[i].link_words < MD_ONLY_LINKS_WORDS;
	}
}

/* The offset after the line ending at or after off (len if none). */
static size_t
next_line(const struct linecur *c, size_t off)
{
	const char *p;

	if (!c->has_cr) {
		p = memchr(c->buf + off, '\n', c->len - off);
		return p != NULL ? (size_t)(p - c->buf) + 1 : c->len;
	}
	while (off < c->len && c->buf[off] != '\n' && c->buf[off] != '\r')
		off++;
	if (off + 1 < c->len && c->buf[off] == '\r' && c->buf[off + 1] == '\n')
		off++;
	return off < c->len ? off + 1 : c->len;
}

/* The offset where line starts (len past the last line). */
static size_t
line_off(struct linecur *c, int line)
{
	if (line < c->line) {
		c->line = 1;
		c->off = 0;
	}
	while (c->line < line && c->off < c->len) {
		c->off = next_line(c, c->off);
		c->line++;
	}
	return c->off;
}

/* The number of lines; a final line ending starts no new line. */
static int
count_lines(const struct linecur *c)
{
	size_t off;
	int n;

	n = 0;
	for (off = 0; off < c->len; off = next_line(c, off))
		n++;
	return n;
}

void
md_nest(struct md_doc *doc)
{
	struct md_heading *h = doc->h;
	size_t *stack, nstack, i;

	stack = xcalloc(doc->nheadings + 1, sizeof(*stack));
	nstack = 0;
	for (i = 0; i < doc->nheadings; i++) {
		while (nstack > 0 && h[stack[nstack - 1]].level >= h[i].level)
			h[stack[--nstack]].end = i;
		h[i].parent = nstack > 0 ? stack[nstack - 1] : MD_NONE;
		stack[nstack++] = i;
	}
	while (nstack > 0)
		h[stack[--nstack]].end = doc->nheadings;
	free(stack);
}

/*
 * Whether a section of this (normalised) name is where a README says
 * what the project is: Description, About, Overview, Introduction,
 * Welcome, TL;DR, "What is X", "Why X".
 */
static int
is_intro_name(const char *norm)
{
	static const char *const names[] = {
		"description", "about", "overview", "introduction", "intro",
		"welcome", "tl dr", "tldr", NULL
	};
	static const char *const starts[] = {
		"about ", "overview ", "introduction ", "introducing ",
		"welcome ", "what is ", "what s ", "why ", NULL
	};
	size_t i;

	for (i = 0; names[i] != NULL; i++)
		if (strcmp(norm, names[i]) == 0)
			return 1;
	for (i = 0; starts[i] != NULL; i++)
		if (strncmp(norm, starts[i], strlen(starts[i])) == 0)
			return 1;
	return 0;
}

/* "PyTorch Metric Learning Overview", "Project description". */
static int
name_ends_intro(const char *norm)
{
	static const char *const ends[] = { " overview", " description",
	    " introduction", NULL };
	size_t i, n, e;

	n = strlen(norm);
	for (i = 0; ends[i] != NULL; i++) {
		e = strlen(ends[i]);
		if (n > e && strcmp(norm + n - e, ends[i]) == 0)
			return 1;
	}
	return 0;
}

/*
 * Whether a section of this (normalised) name is something else than
 * the introduction even when it opens the README: installing, using,
 * news, contents, citing, licensing, contributing.
 */
static int
is_other_name(const char *norm)
{
	static const char *const starts[] = {
		"install", "getting started", "get started", "quick start",
		"quickstart", "usage", "how to ", "example", "tutorial",
		"table of contents", "contents", "toc", "news", "latest news",
		"update", "changelog", "change log", "release", "documentation",
		"docs", "citation", "cite", "citing", "license", "requirement",
		"dependenc", "setup", "build", "contribut", "acknowledg",
		"contact", "faq", "roadmap", "status", "announcement",
		"warning", "note", "deprecat", "notice", NULL
	};
	size_t i;

	for (i = 0; starts[i] != NULL; i++)
		if (strncmp(norm, starts[i], strlen(starts[i])) == 0)
			return 1;
	return 0;
}

/*
 * The introduction, as a reader sees it: the prose before the first
 * heading and under the title, HTML taglines (<h2>..<h6> headings
 * before the first section whose sections hold no code and no prose),
 * and the words of a first section named like an introduction, or, in
 * a README with no title of its own and no word above it (badges, then
 * "## Here is X."), of a first section not named as something else.
 * direct[] are the segments, sum[] their running totals. The reST reader
 * calls it too: a README is read the same way whatever its markup.
 */
void
md_find_intro(struct md_doc *doc, const struct md_seg *direct,
    const struct md_seg *sum)
{
	struct md_heading *h = doc->h;
	struct text_words tw;
	size_t i, e, n, prose;

	n = doc->nheadings;
	doc->lead_words = direct[0].words - direct[0].nav_words;
	doc->intro_words = doc->lead_words;
	i = 0;
	if (n > 0 && h[0].level == 1) {
		doc->title = 0;
		doc->intro_words += direct[1].words - direct[1].nav_words;
		i = 1;
	}
	for (; i < n; i++) {
		e = h[i].end;
		prose = (sum[e].words - sum[i].words) -
		    (sum[e].nav_words - sum[i].nav_words);
		if ((h[i].flags & MD_HTML) == 0 || h[i].level < 2 ||
		    sum[e].code > sum[i].code || prose > 0)
			break;
		h[i].flags |= MD_TAGLINE;
		memset(&tw, 0, sizeof(tw));
		doc->tagline_words += text_count_words(&tw, h[i].text,
		    strlen(h[i].text));
		if (doc->tagline_line == 0)
			doc->tagline_line = h[i].line;
	}
	doc->intro_words += doc->tagline_words;
	if (i < n && (is_intro_name(h[i].norm) || (doc->title == MD_NONE &&
	    doc->intro_words == 0 && !is_other_name(h[i].norm)))) {
		doc->intro_section = i;
		doc->intro_section_words = direct[i + 1].words -
		    direct[i + 1].nav_words;
		doc->intro_words += doc->intro_section_words;
		return;
	}
	/* "## Overview" after "## News": there, but not where it is read */
	for (; i < n && doc->intro_later == MD_NONE; i++)
		if (is_intro_name(h[i].norm) || name_ends_intro(h[i].norm))
			doc->intro_later = i;
}

/* Section extents and totals from the segments. */
static void
finish(struct walk *w)
{
	struct md_doc *doc = w->doc;
	struct md_heading *h = doc->h;
	struct linecur lc = w->src, bc = w->src;
	struct md_seg *sg = w->seg, *direct;
	size_t *start, i, e, n;

	n = doc->nheadings;
	lc.line = bc.line = 1;
	lc.off = bc.off = 0;
	doc->nlines = count_lines(&lc);
	direct = xcalloc(n + 1, sizeof(*direct));
	memcpy(direct, sg, (n + 1) * sizeof(*direct));
	md_totals(doc, sg);
	md_find_intro(doc, direct, sg);
	free(direct);
	start = xcalloc(n + 1, sizeof(*start));
	for (i = 0; i < n; i++)
		start[i] = line_off(&lc, h[i].line);
	start[n] = w->src.len;
	for (i = 0; i < n; i++) {
		e = h[i].end;
		h[i].body_line = h[i].end_line + 1;
		h[i].body_off = line_off(&bc, h[i].body_line);
		h[i].body_end_line = e < n ? h[e].line : doc->nlines + 1;
		h[i].body_end = start[e];
		if (h[i].body_end_line < h[i].body_line)
			h[i].body_line = h[i].body_end_line;
		if (h[i].body_end < h[i].body_off)
			h[i].body_off = h[i].body_end;
	}
	free(start);
}

int
md_parse(const char *buf, size_t len, struct md_doc *doc)
{
	struct walk w;
	cmark_node *root;

	memset(doc, 0, sizeof(*doc));
	doc->title = doc->intro_section = doc->intro_later = MD_NONE;
	if (len > MD_MAX_INPUT)
		return ec_error("markdown: %zu bytes, more than the %u read",
		    len, (unsigned)MD_MAX_INPUT);
	if (buf == NULL)
		buf = "";
	root = cmark_parse_document(buf, len, CMARK_OPT_SOURCEPOS |
	    CMARK_OPT_VALIDATE_UTF8);
	if (root == NULL)
		return ec_error("markdown: cannot parse");
	memset(&w, 0, sizeof(w));
	w.doc = doc;
	w.src.buf = buf;
	w.src.len = len;
	w.src.has_cr = memchr(buf, '\r', len) != NULL;
	w.src.line = 1;
	strbuf_init(&w.htext);
	strbuf_init(&w.tmp);
	XGROW(w.seg, 1, w.segalloc);
	memset(w.seg, 0, sizeof(*w.seg));
	walk_doc(&w, root);
	cmark_node_free(root);
	finish(&w);
	free(w.seg);
	strbuf_release(&w.htext);
	strbuf_release(&w.tmp);
	return 0;
}

void
md_doc_free(struct md_doc *doc)
{
	size_t i;

	for (i = 0; i < doc->nheadings; i++) {
		free(doc->h[i].text);
		free(doc->h[i].norm);
	}
	free(doc->h);
	for (i = 0; i < doc->nlinks; i++)
		free(doc->links[i]);
	free(doc->links);
	free(doc->blocks);
	free(doc->text);
	memset(doc, 0, sizeof(*doc));
	doc->title = doc->intro_section = doc->intro_later = MD_NONE;
}

int
md_find_section(const struct md_doc *doc, const pcre2_code *re, size_t from,
    size_t *idx, struct regex_budget *budget)
{
	struct strbuf err = STRBUF_INIT;
	const char *s;
	size_t i;
	int rc;

	for (i = from; i < doc->nheadings; i++) {
		/* a heading without text (a banner) names no section */
		if ((doc->h[i].flags & MD_TAGLINE) ||
		    doc->h[i].norm[0] == '\0')
			continue;
		s = doc->h[i].norm;
		rc = regex_search(re, s, strlen(s), 0, NULL, NULL, budget,
		    &err);
		if (rc == 0)
			continue;
		if (rc == REGEX_EBUDGET) {
			strbuf_release(&err);
			return rc;
		}
		if (rc < 0) {
			ec_error("section pattern on heading '%s': %s",
			    doc->h[i].text, err.buf);
			strbuf_release(&err);
			return -1;
		}
		*idx = i;
		return 1;
	}
	return 0;
}

/* The Markdown reader: the model of a file is a struct md_file. */
static void *
md_read(const struct reader_input *in)
{
	struct md_file *m;

	m = xcalloc(1, sizeof(*m));
	m->truncated = in->truncated;
	if (md_parse(in->buf, in->len, &m->doc) == -1) {
		md_file_free(m);
		return NULL;
	}
	return m;
}

void
md_file_free(void *p)
{
	struct md_file *m = p;

	if (m == NULL)
		return;
	md_doc_free(&m->doc);
	free(m);
}

const struct reader reader_markdown = {
	.name = "Markdown",
	.flags = READER_DOC,
	.parse = md_read,
	.free = md_file_free,
};
