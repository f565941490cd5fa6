/* rst.c: headings and sections of reStructuredText files, read by hand */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "error.h"
#include "read/markdown.h"
#include "read/reader.h"
#include "read/rst.h"
#include "strbuf.h"
#include "text.h"
#include "utf8.h"
#include "xalloc.h"

#define RST_MAX_URL	4096	/* bytes of a link destination kept */
#define RST_MAX_NAME	256	/* bytes of a reference name compared */
#define RST_MAX_STYLES	32	/* adornment styles told apart */
#define RST_MAX_HOPS	8	/* indirect targets followed */
#define RST_MAX_ROLE	64	/* bytes of a role name (":py:func:") */
#define RST_MAX_WORD	128	/* bytes of a simple reference name */
#define RST_MAX_FOOT	64	/* bytes of a footnote label */
#define RST_MAX_ITEMS	32	/* list items nested in one another */

/* A line of the input. */
struct line {
	size_t	 off;		/* where it starts */
	size_t	 len;		/* its bytes, without the line ending */
	size_t	 next;		/* where the next line starts */
	size_t	 toff;		/* its first non-blank byte */
	int	 indent;	/* columns before it, tabs to 8 */
	int	 blank;
	int	 no;		/* 1-based */
};

/* Lines read ahead of the walk. */
/* Interpreted text `c`: what shows and what it links to. */
struct interp {
	const char	*c;		/* between the backticks */
	size_t		 cn;
	const char	*lt;		/* its "<target>", or NULL */
	const char	*tgt;		/* the target */
	size_t		 tgn;
	size_t		 tn;		/* bytes of c that show */
	int		 under;		/* trailing underscores: 1 or 2 */
};

struct lookahead {
	const char	*buf;
	size_t		 len;
	size_t		 pos;		/* where the next line to read starts */
	int		 no;
	struct line	 la[3];
	int		 nla;
};

/* A name defined in the document: a target or a substitution. */
struct def {
	char	*name;		/* normalised reference name */
	char	*url;		/* "" for an internal target */
	int	 image;		/* a substitution that is an image */
};

struct defs {
	struct def	*t;		/* named targets, sorted */
	size_t		 nt, talloc;
	struct def	*s;		/* substitutions, sorted */
	size_t		 ns, salloc;
	char		**anon;		/* anonymous targets, in order */
	size_t		 nanon, anonalloc;
};

/* What is known of the stretch of a document between two headings. */

/* Where a heading lies in the input. */
struct hpos {
	size_t	 start;		/* offset of its first line */
	size_t	 body;		/* offset after its last line */
};

/* How lines are skipped: the body of a block that is not prose. */
enum skip {
	SK_NONE,
	SK_BODY,	/* lines indented past base, blank lines too */
	SK_BODY_CLOSE,	/* the same, up to the first blank line */
	SK_PARA,	/* up to a blank line (a doctest block) */
	SK_QUOTED,	/* lines at base starting with quote */
	SK_TOCTREE	/* a toctree body: its entries are links */
};

/* What a directive's body is to a reader. */
enum dkind {
	D_PROSE,	/* options, then prose */
	D_ADMONITION,	/* the same, and its argument is prose */
	D_CODE,		/* a code block */
	D_SKIP,		/* nothing a reader reads as prose */
	D_TOCTREE	/* entries that link to pages */
};

/* Inline text is read for a heading's display text or as prose. */
enum mode { M_HEADING, M_PROSE };

struct walk {
	struct md_doc	*doc;
	const char	*buf;		/* the input */
	struct defs	*defs;
	size_t		 anon_next;
	struct md_seg	*seg;		/* nheadings + 1 of them */
	size_t		 segalloc;
	struct hpos	*hp;
	size_t		 hpalloc;
	struct {
		char	 c;
		int	 over;
	}		 style[RST_MAX_STYLES];
	int		 nstyles;

	/* The paragraph being read. */
	struct strbuf	 para;
	int		 in_para;
	int		 para_base;	/* indent of its text (after a bullet) */
	int		 para_fields;	/* every line a field so far */
	int		 para_indent;	/* indent of its first line */
	int		 literal;	/* base of an expected literal block,
					   or -1 */
	size_t		 text_cur;	/* its doc->text block */
	/* The list items open, innermost last: indent, doc->text index. */
	int		 item_indent[RST_MAX_ITEMS];
	size_t		 item_at[RST_MAX_ITEMS];
	int		 nitems;

	enum skip	 skip;
	int		 skip_kind;	/* MD_BLOCK_* of the lines skipped */
	int		 skip_base;
	char		 quote;

	/* Words of the current unit. */
	enum mode	 mode;
	struct strbuf	*htext;		/* M_HEADING: the display text */
	struct text_words words;
	int		 in_link;
	size_t		 uw, ulw;
	int		 nav;		/* the unit never counts as intro */

	/* Closers known absent at or after these offsets of the unit. */
	size_t		 no_bq, no_bq2, no_bar;
	struct strbuf	 tmp;
};

static int	 is_adorn_char(int);
static void	 read_line(struct lookahead *, struct line *);
static const struct line *peek(struct lookahead *, int);
static void	 advance(struct lookahead *);
static int	 adornment(const char *, const struct line *, char *, size_t *);
static size_t	 text_width(const char *, size_t);
static int	 has_content(const char *, size_t);
static int	 fits(size_t, size_t);
static void	 refname(const char *, size_t, struct strbuf *);
static void	 clean_url(const char *, size_t, struct strbuf *);
static size_t	 directive_name(const char *, size_t, size_t *);
static int	 field_marker(const char *, size_t);
static size_t	 enumerator(const char *, size_t);

static void	 anon_add(struct defs *, struct strbuf *);
static int	 def_name(const char *, size_t, const char **, size_t *,
		    size_t *, int *);
static void	 def_body(struct lookahead *, const struct line *, int,
		    struct strbuf *);
static void	 defs_read(struct defs *, const char *, size_t);
static void	 defs_add(struct def **, size_t *, size_t *, const char *,
		    size_t, const char *, int);
static int	 def_cmp(const void *, const void *);
static const struct def *defs_find(const struct def *, size_t, const char *);
static void	 defs_free(struct defs *);
static void	 resolve(struct walk *, const char *, size_t, struct strbuf *);

static struct md_seg *cur_seg(struct walk *);
static void	 emit_text(struct walk *, const char *, size_t);
static void	 emit_link(struct walk *, const char *, size_t, const char *,
		    size_t);
static void	 add_link(struct walk *, const char *, size_t);
static void	 unit_end(struct walk *);
static void	 doc_target(const char *, size_t, int, struct strbuf *);
static int	 start_ok(const char *, size_t, size_t);
static int	 end_ok(const char *, size_t, size_t);
static size_t	 find_char(const char *, size_t, size_t, char, size_t *);
static size_t	 find_2bq(const char *, size_t, size_t, size_t *);
static int	 link_role(const char *, size_t);
static void	 interp_target(struct interp *);
static void	 interp_url(struct walk *, const struct interp *, const char *,
		    struct strbuf *);
static size_t	 interpreted(struct walk *, const char *, size_t, size_t,
		    const char *, size_t);
static size_t	 substitution(struct walk *, const char *, size_t, size_t);
static size_t	 simple_ref(struct walk *, const char *, size_t, size_t,
		    size_t *);
static size_t	 bare_url(const char *, size_t, size_t);
static size_t	 footnote_ref(const char *, size_t, size_t);
static size_t	 inline_backquote(struct walk *, const char *, size_t, size_t,
		    size_t *);
static size_t	 inline_role(struct walk *, const char *, size_t, size_t,
		    size_t *);
static size_t	 inline_ref(struct walk *, const char *, size_t, size_t,
		    size_t *);
static size_t	 inline_stars(struct walk *, const char *, size_t, size_t,
		    size_t *);
static size_t	 inline_other(struct walk *, const char *, size_t, size_t,
		    size_t *);
static void	 inline_text(struct walk *, const char *, size_t, enum mode);

static int	 style_level(struct walk *, char, int);
static void	 add_heading(struct walk *, int, const struct line *,
		    const struct line *, const struct line *, size_t);
static int	 title_text(const char *, const struct line *, size_t *);
static int	 try_title(struct walk *, struct lookahead *, const char *);
static void	 para_add(struct walk *, const char *, const struct line *,
		    size_t);
static void	 para_end(struct walk *);
static void	 text_line(struct walk *, const struct line *, size_t, size_t,
		    int);
static enum dkind directive_kind(const char *, size_t);
static void	 skip_options(struct lookahead *, const char *, int);
static void	 toctree_entry(struct walk *, const char *, size_t);
static void	 directive(struct walk *, struct lookahead *, const char *,
		    struct line *, const char *, size_t, size_t, size_t);
static int	 explicit_markup(struct walk *, struct lookahead *, const char *,
		    const struct line *);
static int	 skip_line(struct walk *, const char *, const struct line *);
static int	 literal_block(struct walk *, const char *, const struct line *);
static void	 walk_lines(struct walk *, const char *, size_t);
static void	 finish(struct walk *, size_t);

/*
 * Lines
 */

/* The punctuation docutils takes for section adornment ('.' aside). */
static int
is_adorn_char(int c)
{
	return c != '.' && c > ' ' && c < 0x7f && !ascii_isalnum(c);
}

static void
read_line(struct lookahead *r, struct line *l)
{
	const char *s = r->buf;
	size_t i, e;
	int col;

	l->off = i = r->pos;
	e = i;
	while (e < r->len && s[e] != '\n' && s[e] != '\r')
		e++;
	l->len = e - i;
	if (e < r->len && s[e] == '\r' && e + 1 < r->len && s[e + 1] == '\n')
		e++;
	l->next = e < r->len ? e + 1 : r->len;
	col = 0;
	while (i < l->off + l->len && (s[i] == ' ' || s[i] == '\t' ||
	    s[i] == '\f' || s[i] == '\v')) {
		col = s[i] == '\t' ? (col / 8 + 1) * 8 : col + 1;
		if (col > 100000)
			col = 100000;
		i++;
	}
	l->toff = i;
	l->indent = col;
	l->blank = i == l->off + l->len;
	l->no = ++r->no;
	r->pos = l->next;
}

/* The k-th line ahead (0: the current one), or NULL past the end. */
static const struct line *
peek(struct lookahead *r, int k)
{
	while (r->nla <= k) {
		if (r->pos >= r->len)
			return NULL;
		read_line(r, &r->la[r->nla++]);
	}
	return &r->la[k];
}

static void
advance(struct lookahead *r)
{
	if (r->nla == 0 && peek(r, 0) == NULL)
		return;
	memmove(&r->la[0], &r->la[1], (size_t)(r->nla - 1) *
	    sizeof(r->la[0]));
	r->nla--;
}

/*
 * Whether l is a line of one punctuation character repeated, from the
 * left margin, with nothing after but blanks: set *c and *n.
 */
static int
adornment(const char *s, const struct line *l, char *c, size_t *n)
{
	size_t i, e;

	if (l->blank || l->indent != 0 || !is_adorn_char(s[l->off]))
		return 0;
	e = l->off + l->len;
	for (i = l->off; i < e && s[i] == s[l->off]; i++)
		;
	*c = s[l->off];
	*n = i - l->off;
	for (; i < e; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return 0;
	return 1;
}

/* Columns of text: a wide (CJK) character takes two. */
static size_t
text_width(const char *s, size_t n)
{
	size_t i, used, w;
	uint32_t cp;

	w = 0;
	for (i = 0; i < n; i += used) {
		cp = utf8_next(s + i, n - i, &used);
		if (text_class(cp) == TEXT_CP_DROP)
			continue;
		w += text_class(cp) == TEXT_CP_IDEO ? 2 : 1;
	}
	return w;
}

/* Whether text holds anything but ASCII punctuation and blanks. */
static int
has_content(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!ascii_isspace((unsigned char)s[i]) &&
		    !is_adorn_char((unsigned char)s[i]) && s[i] != '.')
			return 1;
	return 0;
}

/* Does an adornment of n characters fit a title of width columns? */
static int
fits(size_t n, size_t width)
{
	return n >= width || n >= 4 || (n >= 2 && n + 2 >= width);
}

/* A reference name as docutils compares them: blanks collapsed, no case. */
static void
refname(const char *s, size_t n, struct strbuf *out)
{
	size_t i;
	int space;

	strbuf_reset(out);
	space = 0;
	for (i = 0; i < n && out->len < RST_MAX_NAME; i++) {
		if (ascii_isspace((unsigned char)s[i])) {
			space = 1;
			continue;
		}
		if (space && out->len > 0)
			strbuf_addch(out, ' ');
		space = 0;
		strbuf_addch(out, ascii_tolower((unsigned char)s[i]));
	}
}

/* A URI as docutils takes it: blanks removed, escapes undone. */
static void
clean_url(const char *s, size_t n, struct strbuf *out)
{
	size_t i;

	for (i = 0; i < n && out->len < RST_MAX_URL; i++) {
		if (ascii_isspace((unsigned char)s[i]))
			continue;
		if (s[i] == '\\' && i + 1 < n)
			i++;
		strbuf_addch(out, s[i]);
	}
}

/*
 * If s[i..n) starts with a directive name and "::", return the offset
 * after the "::" and set *nlen to the name's length; else 0.
 */
static size_t
directive_name(const char *s, size_t n, size_t *nlen)
{
	size_t i;

	for (i = 0; i < n && i < RST_MAX_ROLE; i++) {
		if (s[i] == ':' && i + 1 < n && s[i + 1] == ':' && i > 0 &&
		    (i + 2 == n || s[i + 2] == ' ' || s[i + 2] == '\t')) {
			*nlen = i;
			return i + 2;
		}
		if (!ascii_isalnum((unsigned char)s[i]) && s[i] != '-' &&
		    s[i] != '_' && s[i] != '.' && s[i] != ':' && s[i] != '+')
			return 0;
	}
	return 0;
}

/* Whether s starts with a field marker (":name: " or ":name:" at its end). */
static int
field_marker(const char *s, size_t n)
{
	size_t i;

	if (n < 3 || s[0] != ':' || s[1] == ' ')
		return 0;
	for (i = 1; i < n && i < 2 * RST_MAX_ROLE; i++)
		if (s[i] == ':' && s[i - 1] != '\\' && s[i - 1] != ' ')
			return i + 1 == n || s[i + 1] == ' ' || s[i + 1] == '\t';
	return 0;
}

/*
 * The length of a list marker at s ("- ", "* ", "1. ", "(2) ", "#. ")
 * with the blanks after it, or 0.
 */
static size_t
enumerator(const char *s, size_t n)
{
	size_t i;

	i = 0;
	if (n >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') &&
	    (s[1] == ' ' || s[1] == '\t'))
		i = 1;
	else {
		if (i < n && s[i] == '(')
			i++;
		if (i < n && s[i] == '#')
			i++;
		else
			while (i < n && i < 9 && ascii_isdigit((unsigned char)s[i]))
				i++;
		if (i == 0 || (i == 1 && s[0] == '(') || i >= n ||
		    (s[i] != '.' && s[i] != ')') || (s[0] == '(' &&
		    s[i] != ')'))
			return 0;
		i++;
		if (i < n && s[i] != ' ' && s[i] != '\t')
			return 0;
	}
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

/*
 * Names defined anywhere in the document, read before the walk so that
 * a reference may come before its target.
 */

static void
defs_add(struct def **arr, size_t *n, size_t *alloc, const char *name,
    size_t len, const char *url, int image)
{
	struct strbuf sb = STRBUF_INIT;

	if (*n >= MD_MAX_LINKS)
		return;
	refname(name, len, &sb);
	XGROW(*arr, *n + 1, *alloc);
	(*arr)[*n].name = strbuf_detach(&sb, NULL);
	(*arr)[*n].url = xstrdup(url);
	(*arr)[*n].image = image;
	(*n)++;
}

static int
def_cmp(const void *a, const void *b)
{
	const struct def *x = a, *y = b;

	return strcmp(x->name, y->name);
}

/* The first definition of a name (docutils warns of the others). */
static const struct def *
defs_find(const struct def *arr, size_t n, const char *name)
{
	size_t lo, hi, mid;
	int c;

	lo = 0;
	hi = n;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(arr[mid].name, name);
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && strcmp(arr[lo].name, name) == 0 ? &arr[lo] : NULL;
}

/* Record an anonymous target's URL ("__ url", ".. __: url"); take it. */
static void
anon_add(struct defs *d, struct strbuf *url)
{
	XGROW(d->anon, d->nanon + 1, d->anonalloc);
	if (d->nanon < MD_MAX_LINKS)
		d->anon[d->nanon++] = strbuf_detach(url, NULL);
}

/*
 * The name a definition t[0..n) (after ".. ") gives: "|sub| image::"
 * (setting *image for an image or figure), "`name`:" or "_name:".
 * Sets *name, *nlen and *k, where the rest starts; 0 when it is none.
 */
static int
def_name(const char *t, size_t n, const char **name, size_t *nlen,
    size_t *k, int *image)
{
	const char *q;

	*image = 0;
	if (t[0] == '|') {
		if ((q = memchr(t + 1, '|', n - 1)) == NULL)
			return 0;
		*name = t + 1;
		*nlen = (size_t)(q - *name);
		for (*k = (size_t)(q - t) + 1; *k < n && t[*k] == ' '; (*k)++)
			;
		*image = n - *k >= 6 && (memcmp(t + *k, "image:", 6) == 0 ||
		    (n - *k >= 7 && memcmp(t + *k, "figure:", 7) == 0));
		return 1;
	}
	if (n >= 2 && t[1] == '`') {
		q = memchr(t + 2, '`', n - 2);
		if (q == NULL || q + 1 >= t + n || q[1] != ':')
			return 0;
		*name = t + 2;
		*nlen = (size_t)(q - *name);
		*k = (size_t)(q - t) + 2;
		return 1;
	}
	/* ".. _name: url": the name ends at an unescaped ':' */
	for (*k = 1; *k < n && (t[*k] != ':' || t[*k - 1] == '\\'); (*k)++)
		;
	if (*k >= n)
		return 0;
	*name = t + 1;
	*nlen = *k - 1;
	(*k)++;
	return 1;
}

/*
 * Append to url what the lines indented under line l say: the target's
 * URL continued or, for a substitution (sub), its ":target:".
 */
static void
def_body(struct lookahead *r, const struct line *l, int sub,
    struct strbuf *url)
{
	const char *s = r->buf;
	const struct line *c;
	size_t n;

	while ((c = peek(r, 0)) != NULL && !c->blank && c->indent > l->indent) {
		n = c->off + c->len - c->toff;
		if (!sub)
			clean_url(s + c->toff, n, url);
		else if (n > 8 && memcmp(s + c->toff, ":target:", 8) == 0)
			clean_url(s + c->toff + 8, n - 8, url);
		advance(r);
	}
}

static void
defs_read(struct defs *d, const char *s, size_t len)
{
	struct lookahead r;
	struct strbuf url = STRBUF_INIT;
	const struct line *c;
	struct line l;
	const char *t, *name;
	size_t n, nlen, k;
	int image;

	memset(&r, 0, sizeof(r));
	r.buf = s;
	r.len = len;
	while ((c = peek(&r, 0)) != NULL) {
		l = *c;
		t = s + l.toff;
		n = l.off + l.len - l.toff;
		advance(&r);
		strbuf_reset(&url);
		if (n >= 3 && t[0] == '_' && t[1] == '_' && t[2] == ' ') {
			clean_url(t + 3, n - 3, &url);	/* "__ url" */
			anon_add(d, &url);
			continue;
		}
		if (n < 4 || t[0] != '.' || t[1] != '.' || t[2] != ' ' ||
		    (t[3] != '_' && t[3] != '|') ||
		    !def_name(t + 3, n - 3, &name, &nlen, &k, &image))
			continue;
		if (t[3] != '|')
			clean_url(t + 3 + k, n - 3 - k, &url);
		def_body(&r, &l, t[3] == '|', &url);
		if (t[3] == '|')
			defs_add(&d->s, &d->ns, &d->salloc, name, nlen, url.buf,
			    image);
		else if (nlen == 1 && name[0] == '_')
			anon_add(d, &url);
		else
			defs_add(&d->t, &d->nt, &d->talloc, name, nlen, url.buf,
			    0);
	}
	strbuf_release(&url);
	/* A stable sort keeps the first definition of a name first. */
	if (d->nt > 1)
		qsort(d->t, d->nt, sizeof(*d->t), def_cmp);
	if (d->ns > 1)
		qsort(d->s, d->ns, sizeof(*d->s), def_cmp);
}

static void
defs_free(struct defs *d)
{
	size_t i;

	for (i = 0; i < d->nt; i++) {
		free(d->t[i].name);
		free(d->t[i].url);
	}
	for (i = 0; i < d->ns; i++) {
		free(d->s[i].name);
		free(d->s[i].url);
	}
	for (i = 0; i < d->nanon; i++)
		free(d->anon[i]);
	free(d->t);
	free(d->s);
	free(d->anon);
}

/*
 * The destination of a named reference, through indirect targets
 * (".. _a: b_"); a name without a target is a section: "#name".
 */
static void
resolve(struct walk *w, const char *name, size_t n, struct strbuf *out)
{
	struct strbuf key = STRBUF_INIT;
	const struct def *d;
	size_t len;
	int hop;

	refname(name, n, &key);
	strbuf_reset(out);
	for (hop = 0; hop < RST_MAX_HOPS; hop++) {
		d = defs_find(w->defs->t, w->defs->nt, key.buf);
		if (d == NULL || d->url[0] == '\0')
			break;
		len = strlen(d->url);
		if (len < 2 || d->url[len - 1] != '_' ||
		    strstr(d->url, "://") != NULL) {
			strbuf_addstr(out, d->url);
			strbuf_release(&key);
			return;
		}
		/* Indirect: "b_" or "`b c`_". */
		len--;
		if (len >= 2 && d->url[0] == '`' && d->url[len - 1] == '`')
			refname(d->url + 1, len - 2, &w->tmp);
		else
			refname(d->url, len, &w->tmp);
		strbuf_reset(&key);
		strbuf_add(&key, w->tmp.buf, w->tmp.len);
	}
	strbuf_addch(out, '#');
	strbuf_add(out, key.buf, key.len);
	strbuf_release(&key);
}

/*
 * What a reader sees
 */

static struct md_seg *
cur_seg(struct walk *w)
{
	return &w->seg[w->doc->nheadings];
}

/* Text a reader sees: part of a heading, or prose. */
static void
emit_text(struct walk *w, const char *s, size_t n)
{
	size_t k;

	if (w->mode == M_HEADING) {
		if (w->htext->len + n > 4 * MD_MAX_TEXT)
			n = w->htext->len < 4 * MD_MAX_TEXT ?
			    4 * MD_MAX_TEXT - w->htext->len : 0;
		strbuf_add(w->htext, s, n);
		return;
	}
	k = text_count_words(&w->words, s, n);
	w->uw += k;
	if (w->in_link > 0)
		w->ulw += k;
}

static void
add_link(struct walk *w, const char *url, size_t len)
{
	struct md_doc *doc = w->doc;
	struct strbuf sb = STRBUF_INIT;

	if (w->mode == M_HEADING || len == 0)
		return;
	if (doc->nlinks >= MD_MAX_LINKS) {
		doc->links_truncated = 1;
		return;
	}
	md_display_text(url, len, RST_MAX_URL, &sb);
	if (sb.len == 0) {
		strbuf_release(&sb);
		return;
	}
	XGROW(doc->links, doc->nlinks + 1, doc->linkalloc);
	doc->links[doc->nlinks++] = strbuf_detach(&sb, NULL);
}

/* A link to url whose text is s (words of link text). */
static void
emit_link(struct walk *w, const char *s, size_t n, const char *url,
    size_t ulen)
{
	add_link(w, url, ulen);
	w->words.in_word = 0;
	w->in_link++;
	emit_text(w, s, n);
	w->in_link--;
	w->words.in_word = 0;
	if (w->mode == M_HEADING)
		strbuf_addch(w->htext, ' ');
}

/* A paragraph ends: add its words to the segment. */
static void
unit_end(struct walk *w)
{
	struct md_seg *sg;

	sg = cur_seg(w);
	md_seg_unit(sg, w->uw, w->ulw, w->nav);
	w->uw = w->ulw = 0;
	w->nav = 0;
	w->words.in_word = 0;
}

/* The file a :doc: role or a toctree entry names: "x" is "x.rst". */
static void
doc_target(const char *s, size_t n, int doc, struct strbuf *out)
{
	size_t i;

	strbuf_reset(out);
	clean_url(s, n, out);
	if (!doc || out->len == 0)
		return;
	for (i = out->len; i > 0 && out->buf[i - 1] != '/'; i--)
		if (out->buf[i - 1] == '.')
			return;
	strbuf_addstr(out, ".rst");
}

/*
 * Inline markup, recognised where docutils recognises it: a start-string
 * after a blank or an opening mark and before a non-blank, an end-string
 * after a non-blank and before a blank or a closing mark.
 */
static int
start_ok(const char *s, size_t n, size_t i)
{
	if (i + 1 >= n || ascii_isspace((unsigned char)s[i + 1]))
		return 0;
	return i == 0 || ascii_isspace((unsigned char)s[i - 1]) ||
	    strchr("'\"([{<-/:", s[i - 1]) != NULL;
}

static int
end_ok(const char *s, size_t n, size_t i)
{
	return i >= n || ascii_isspace((unsigned char)s[i]) ||
	    strchr("'\")]}>-/:.,;!?\\_", s[i]) != NULL ||
	    (unsigned char)s[i] >= 0x80;
}

/*
 * The offset of c at or after s[i], or n; *memo remembers that there is
 * none, so that many unclosed marks cost linear time.
 */
static size_t
find_char(const char *s, size_t n, size_t i, char c, size_t *memo)
{
	const char *p;

	if (i >= *memo || i >= n)
		return n;
	if ((p = memchr(s + i, c, n - i)) == NULL) {
		*memo = i;
		return n;
	}
	return (size_t)(p - s);
}

/*
 * The offset of a "``" at or after s[i] that ends a literal, or n; *memo
 * remembers from where there is none.
 */
static size_t
find_2bq(const char *s, size_t n, size_t i, size_t *memo)
{
	size_t start = i;

	if (i >= *memo)
		return n;
	for (;;) {
		i = find_char(s, n, i, '`', memo);
		if (i + 1 >= n)
			break;
		if (s[i + 1] == '`' && !ascii_isspace((unsigned char)s[i - 1]) &&
		    end_ok(s, n, i + 2))
			return i;
		i += s[i + 1] == '`' ? 2 : 1;
	}
	*memo = start;
	return n;
}

/* Whether a role links: :doc:, :ref:, :download:, :any:. */
static int
link_role(const char *role, size_t rlen)
{
	return (rlen == 3 && (memcmp(role, "doc", 3) == 0 ||
	    memcmp(role, "ref", 3) == 0 || memcmp(role, "any", 3) == 0)) ||
	    (rlen == 8 && memcmp(role, "download", 8) == 0);
}

/*
 * Split interpreted text "text <target>" into the text that shows and
 * its target; without <target>, the target is the text.
 */
static void
interp_target(struct interp *it)
{
	const char *c = it->c;
	size_t cn = it->cn, tn;

	it->lt = NULL;
	if (cn >= 2 && c[cn - 1] == '>') {
		for (tn = cn - 1; tn > 0 && c[tn - 1] != '<'; tn--)
			;
		if (tn > 0 && (tn == 1 || ascii_isspace((unsigned char)
		    c[tn - 2])))
			it->lt = c + tn - 1;
	}
	if (it->lt != NULL) {
		it->tgt = it->lt + 1;
		it->tgn = (size_t)(c + cn - 1 - it->tgt);
		it->tn = (size_t)(it->lt - c);
	} else {
		it->tgt = c;
		it->tgn = it->tn = cn;
	}
}

/* The URL interpreted text links to, by its role, target or name. */
static void
interp_url(struct walk *w, const struct interp *it, const char *role,
    struct strbuf *url)
{
	if (role != NULL && (role[0] == 'r' || role[0] == 'a')) {
		strbuf_addch(url, '#');	/* a label of the docs */
		if (role[0] == 'r') {
			refname(it->tgt, it->tgn, &w->tmp);
			strbuf_add(url, w->tmp.buf, w->tmp.len);
		}
	} else if (role != NULL)
		doc_target(it->tgt, it->tgn, role[0] == 'd' && role[1] == 'o',
		    url);
	else if (it->lt != NULL && it->tgn > 0 && it->tgt[it->tgn - 1] == '_')
		resolve(w, it->tgt, it->tgn - 1, url);
	else if (it->lt != NULL)
		clean_url(it->tgt, it->tgn, url);
	else if (it->under == 2 && w->anon_next < w->defs->nanon)
		strbuf_addstr(url, w->defs->anon[w->anon_next++]);
	else if (it->under == 2)
		strbuf_addch(url, '#');
	else
		resolve(w, it->c, it->cn, url);
}

/*
 * Interpreted text or a phrase reference at s[i] ('`'), with role (of
 * rlen bytes, or NULL): return the offset after it, or 0 when unclosed.
 */
static size_t
interpreted(struct walk *w, const char *s, size_t n, size_t i,
    const char *role, size_t rlen)
{
	struct strbuf url = STRBUF_INIT;
	struct interp it;
	size_t j, end;

	j = find_char(s, n, i + 1, '`', &w->no_bq);
	if (j >= n || j == i + 1)
		return 0;
	memset(&it, 0, sizeof(it));
	it.c = s + i + 1;
	it.cn = j - i - 1;
	end = j + 1;
	if (role == NULL && end < n && s[end] == '_') {
		it.under = end + 1 < n && s[end + 1] == '_' ? 2 : 1;
		end += (size_t)it.under;
	}
	if ((role != NULL && !link_role(role, rlen)) ||
	    (role == NULL && it.under == 0)) {
		/* :class:`x`, :math:`x`, `x` (the default role): words */
		emit_text(w, it.c, it.cn);
		w->words.in_word = 0;
		return end;
	}
	interp_target(&it);
	interp_url(w, &it, role, &url);
	/* "`<url>`_" shows its URL. */
	if (it.tn == 0 || !has_content(it.c, it.tn))
		emit_link(w, it.tgt, it.tgn, url.buf, url.len);
	else
		emit_link(w, it.c, it.tn, url.buf, url.len);
	strbuf_release(&url);
	return end;
}

/*
 * A substitution reference at s[i] ('|'): an image (a badge) shows no
 * words; one with a :target:, or followed by '_', is a link. Returns the
 * offset after it, or 0.
 */
static size_t
substitution(struct walk *w, const char *s, size_t n, size_t i)
{
	struct strbuf key = STRBUF_INIT, url = STRBUF_INIT;
	const struct def *d;
	size_t j, end;

	j = find_char(s, n, i + 1, '|', &w->no_bar);
	if (j >= n || j == i + 1 || ascii_isspace((unsigned char)s[j - 1]))
		return 0;
	end = j + 1;
	if (end < n && s[end] == '_')
		end += end + 1 < n && s[end + 1] == '_' ? 2 : 1;
	if (!end_ok(s, n, end))
		return 0;
	refname(s + i + 1, j - i - 1, &key);
	d = defs_find(w->defs->s, w->defs->ns, key.buf);
	if (end > j + 1)
		resolve(w, s + i + 1, j - i - 1, &url);
	else if (d != NULL)
		strbuf_addstr(&url, d->url);
	if (d != NULL && d->image)
		emit_link(w, "", 0, url.buf, url.len);
	else
		emit_link(w, s + i + 1, url.len > 0 ? j - i - 1 : 0, url.buf,
		    url.len);
	if (d == NULL || !d->image) {
		if (url.len == 0)	/* replaced text: words, not a link */
			emit_text(w, s + i + 1, j - i - 1);
	}
	w->words.in_word = 0;
	strbuf_release(&key);
	strbuf_release(&url);
	return end;
}

/*
 * A simple reference "name_" whose '_' is at s[i], from word (where the
 * text not yet emitted starts): when name has a target, set *start to
 * where name starts and return the offset after the reference; else 0.
 */
static size_t
simple_ref(struct walk *w, const char *s, size_t n, size_t i, size_t *start)
{
	struct strbuf key = STRBUF_INIT;
	size_t a, end;
	int found;

	end = i + 1 < n && s[i + 1] == '_' ? i + 2 : i + 1;
	if (i == 0 || !ascii_isalnum((unsigned char)s[i - 1]) ||
	    !end_ok(s, n, end) || (end < n && s[end] == '_'))
		return 0;
	for (a = i; a > 0 && i - a < RST_MAX_WORD; a--)
		if (!ascii_isalnum((unsigned char)s[a - 1]) && s[a - 1] != '-' &&
		    s[a - 1] != '_' && s[a - 1] != '.' && s[a - 1] != '+' &&
		    s[a - 1] != ':')
			break;
	if (a == i || (a > 0 && !ascii_isspace((unsigned char)s[a - 1]) &&
	    strchr("'\"([{<-/:", s[a - 1]) == NULL) ||
	    !ascii_isalnum((unsigned char)s[a]))
		return 0;
	if (end == i + 2) {
		*start = a;
		return end;		/* anonymous */
	}
	refname(s + a, i - a, &key);
	found = defs_find(w->defs->t, w->defs->nt, key.buf) != NULL;
	strbuf_release(&key);
	if (!found)
		return 0;
	*start = a;
	return end;
}

/* The length of a standalone URL at s[i], or 0. */
static size_t
bare_url(const char *s, size_t n, size_t i)
{
	static const char *const schemes[] = {
		"https://", "http://", "ftp://", "mailto:", NULL
	};
	size_t j, k;

	if (i > 0 && !ascii_isspace((unsigned char)s[i - 1]) &&
	    strchr("'\"([{<", s[i - 1]) == NULL)
		return 0;
	for (k = 0; schemes[k] != NULL; k++)
		if (n - i > strlen(schemes[k]) && memcmp(s + i, schemes[k],
		    strlen(schemes[k])) == 0)
			break;
	if (schemes[k] == NULL)
		return 0;
	for (j = i; j < n && !ascii_isspace((unsigned char)s[j]) &&
	    s[j] != '<' && s[j] != '>' && s[j] != '`' && s[j] != '"'; j++)
		;
	while (j > i && strchr(".,;:!?)]}'", s[j - 1]) != NULL)
		j--;
	return j - i > strlen(schemes[k]) ? j - i : 0;
}

/* The length of a footnote or citation reference "[1]_" at s[i], or 0. */
static size_t
footnote_ref(const char *s, size_t n, size_t i)
{
	size_t j;

	for (j = i + 1; j < n && j - i < RST_MAX_FOOT; j++) {
		if (s[j] == ']')
			break;
		if (ascii_isspace((unsigned char)s[j]) || s[j] == '[')
			return 0;
	}
	if (j >= n || s[j] != ']' || j == i + 1 || j + 1 >= n ||
	    s[j + 1] != '_' || !end_ok(s, n, j + 2))
		return 0;
	return j + 2 - i;
}

/* Read the inline markup of text s as a heading or as prose. */
/*
 * The inline markup at s[i], one function a kind: each returns where
 * reading goes on (setting *text, where the text not yet emitted starts),
 * or 0 when no markup starts there.
 */

/* "``literal``" or interpreted text "`x`", "`x <url>`_". */
static size_t
inline_backquote(struct walk *w, const char *s, size_t n, size_t i,
    size_t *text)
{
	size_t k;

	if (i + 2 < n && s[i + 1] == '`' && start_ok(s, n, i) &&
	    !ascii_isspace((unsigned char)s[i + 2])) {
		k = find_2bq(s, n, i + 2, &w->no_bq2);
		if (k >= n)
			return i + 2;
		emit_text(w, s + *text, i - *text);
		emit_text(w, s + i + 2, k - i - 2);
		w->words.in_word = 0;
		return *text = k + 2;
	}
	if (!start_ok(s, n, i))
		return 0;
	emit_text(w, s + *text, i - *text);
	*text = i;
	if ((k = interpreted(w, s, n, i, NULL, 0)) > 0)
		*text = k;
	return k;
}

/* A role, ":doc:`x`": its last name (":py:func:" is "func") decides. */
static size_t
inline_role(struct walk *w, const char *s, size_t n, size_t i, size_t *text)
{
	const char *role;
	size_t k;

	if (!start_ok(s, n, i))
		return 0;
	for (k = i + 1; k < n && k - i < RST_MAX_ROLE &&
	    (ascii_isalnum((unsigned char)s[k]) || s[k] == '-' ||
	    s[k] == '_' || s[k] == '.' || s[k] == '+' ||
	    (s[k] == ':' && k + 1 < n && s[k + 1] != '`')); k++)
		;
	if (k + 1 >= n || k == i + 1 || s[k] != ':' || s[k + 1] != '`')
		return 0;
	role = s + k;
	while (role > s + i + 1 && role[-1] != ':')
		role--;
	emit_text(w, s + *text, i - *text);
	*text = i;
	if ((k = interpreted(w, s, n, k + 1, role, (size_t)(s + k - role))) > 0)
		*text = k;
	return k;
}

/* A reference "name_", "`name`_" or anonymous "name__". */
static size_t
inline_ref(struct walk *w, const char *s, size_t n, size_t i, size_t *text)
{
	struct strbuf url = STRBUF_INIT;
	const char *a;
	size_t j, start;

	start = i;
	if ((j = simple_ref(w, s, n, i, &start)) == 0 || start < *text)
		return 0;
	emit_text(w, s + *text, start - *text);
	if (j == i + 2 && w->anon_next < w->defs->nanon) {
		a = w->defs->anon[w->anon_next++];
		emit_link(w, s + start, i - start, a, strlen(a));
	} else if (j == i + 2)
		emit_link(w, s + start, i - start, "#", 1);
	else {
		resolve(w, s + start, i - start, &url);
		emit_link(w, s + start, i - start, url.buf, url.len);
	}
	strbuf_release(&url);
	return *text = j;
}

/* Emphasis marks, no part of a heading's text. */
static size_t
inline_stars(struct walk *w, const char *s, size_t n, size_t i, size_t *text)
{
	size_t k;

	if (w->mode != M_HEADING)
		return 0;
	for (k = i; k < n && s[k] == '*'; k++)
		;
	if ((k < n && ((i == 0 || ascii_isspace((unsigned char)s[i - 1]) ||
	    strchr("'\"([{<-/:", s[i - 1]) != NULL) ?
	    !ascii_isspace((unsigned char)s[k]) : end_ok(s, n, k))) ||
	    (k == n && i > 0 && !ascii_isspace((unsigned char)s[i - 1]))) {
		emit_text(w, s + *text, i - *text);
		return *text = k;
	}
	return 0;
}

/* A substitution, a footnote reference or a bare URL. */
static size_t
inline_other(struct walk *w, const char *s, size_t n, size_t i, size_t *text)
{
	size_t k;

	if (s[i] == '|' && start_ok(s, n, i)) {
		emit_text(w, s + *text, i - *text);
		*text = i;
		if ((k = substitution(w, s, n, i)) > 0)
			*text = k;
		return k;
	}
	if (s[i] == '[' && (k = footnote_ref(s, n, i)) > 0) {
		emit_text(w, s + *text, i - *text);
		w->words.in_word = 0;
		return *text = i + k;
	}
	if ((s[i] == 'h' || s[i] == 'f' || s[i] == 'm') &&
	    (k = bare_url(s, n, i)) > 0) {
		emit_text(w, s + *text, i - *text);
		emit_link(w, s + i, k, s + i, k);
		return *text = i + k;
	}
	return 0;
}

static void
inline_text(struct walk *w, const char *s, size_t n, enum mode mode)
{
	size_t i, j, text;

	w->mode = mode;
	w->no_bq = w->no_bq2 = w->no_bar = SIZE_MAX;
	for (text = i = 0; i < n; i = j > 0 ? j : i + 1) {
		switch (s[i]) {
		case '\\':
			emit_text(w, s + text, i - text);
			text = i + 1;
			j = i + 2;
			break;
		case '`':
			j = inline_backquote(w, s, n, i, &text);
			break;
		case ':':
			j = inline_role(w, s, n, i, &text);
			break;
		case '_':
			j = inline_ref(w, s, n, i, &text);
			break;
		case '*':
			j = inline_stars(w, s, n, i, &text);
			break;
		default:
			j = inline_other(w, s, n, i, &text);
			break;
		}
	}
	emit_text(w, s + text, n - text);
	w->words.in_word = 0;
}

/*
 * Blocks
 */

/* The level of an adornment style, new styles one deeper (at most 6). */
static int
style_level(struct walk *w, char c, int over)
{
	int i;

	for (i = 0; i < w->nstyles; i++)
		if (w->style[i].c == c && w->style[i].over == over)
			break;
	if (i == w->nstyles && i < RST_MAX_STYLES) {
		w->style[i].c = c;
		w->style[i].over = over;
		w->nstyles++;
	}
	return i < 6 ? i + 1 : 6;
}

/* A title: first (its overline or text), tl its text, last its underline. */
static void
add_heading(struct walk *w, int level, const struct line *first,
    const struct line *tl, const struct line *last, size_t body)
{
	struct md_doc *doc = w->doc;
	struct md_heading *h;
	struct strbuf raw = STRBUF_INIT, sb = STRBUF_INIT;
	size_t n, tn;

	para_end(w);
	unit_end(w);
	w->literal = -1;
	if (doc->nheadings >= MD_MAX_HEADINGS) {
		doc->headings_truncated = 1;
		return;
	}
	tn = tl->off + tl->len - tl->toff;
	w->htext = &raw;
	inline_text(w, w->buf + tl->toff, tn, M_HEADING);
	w->mode = M_PROSE;
	w->htext = NULL;
	md_display_text(raw.buf, raw.len, MD_MAX_TEXT, &sb);
	if (sb.len == 0)	/* only an image: its markup is all there is */
		md_display_text(w->buf + tl->toff, tn, MD_MAX_TEXT, &sb);
	strbuf_release(&raw);
	n = doc->nheadings;
	XGROW(doc->h, n + 1, doc->halloc);
	XGROW(w->hp, n + 1, w->hpalloc);
	XGROW(w->seg, n + 2, w->segalloc);
	h = &doc->h[n];
	memset(h, 0, sizeof(*h));
	h->level = level;
	h->line = first->no;
	h->end_line = last->no;
	h->flags = MD_SETEXT;
	h->text = strbuf_detach(&sb, NULL);
	text_normalise(h->text, strlen(h->text), MD_NORMALISE, &sb);
	h->norm = strbuf_detach(&sb, NULL);
	h->parent = h->end = MD_NONE;
	w->hp[n].start = first->off;
	w->hp[n].body = body;
	memset(&w->seg[n + 1], 0, sizeof(w->seg[n + 1]));
	w->seg[n + 1].link_first = doc->nlinks;
	doc->nheadings++;
}

/* Whether a line may be the text of a title (no list item, no markup). */
static int
title_text(const char *s, const struct line *l, size_t *width)
{
	const char *t = s + l->toff;
	size_t n;

	n = l->off + l->len - l->toff;
	while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\t'))
		n--;
	if (l->blank || !has_content(t, n) || (n >= 2 && t[0] == '.' &&
	    t[1] == '.' && (n == 2 || t[2] == ' ')) || (n >= 3 &&
	    memcmp(t, ">>>", 3) == 0) || ((t[0] == '-' || t[0] == '*' ||
	    t[0] == '+' || t[0] == '|') && (n == 1 || t[1] == ' ')) ||
	    (n >= 2 && t[0] == '#' && t[1] == '.'))
		return 0;
	*width = text_width(t, n);
	return 1;
}

/* Read a section title at the reader's line, if there is one. */
static int
try_title(struct walk *w, struct lookahead *r, const char *s)
{
	const struct line *l0, *l1, *l2;
	struct line a, b, c;
	size_t n0, n2, width;
	char c0, c2;

	if ((l0 = peek(r, 0)) == NULL || (l1 = peek(r, 1)) == NULL)
		return 0;
	l2 = peek(r, 2);
	l0 = &r->la[0];
	l1 = &r->la[1];
	if (adornment(s, l0, &c0, &n0)) {
		if (l2 != NULL && !adornment(s, l1, &c2, &n2) &&
		    title_text(s, l1, &width) && adornment(s, l2, &c2, &n2) &&
		    c2 == c0 && fits(n0, width) && fits(n2, width)) {
			a = *l0;
			b = *l1;
			c = *l2;
			advance(r);
			advance(r);
			advance(r);
			add_heading(w, style_level(w, c0, 1), &a, &b, &c, c.next);
			return 1;
		}
		/*
		 * A transition; a line shorter than 4 ("::") is text, as
		 * docutils reads it.
		 */
		if (n0 < 4)
			return 0;
		para_end(w);
		advance(r);
		return 1;
	}
	if (l0->indent != 0 || !title_text(s, l0, &width) ||
	    !adornment(s, l1, &c0, &n0) || !fits(n0, width))
		return 0;
	a = *l0;
	b = *l1;
	advance(r);
	advance(r);
	add_heading(w, style_level(w, c0, 0), &a, &a, &b, b.next);
	return 1;
}

/* Add a line to the paragraph being read. */
static void
para_add(struct walk *w, const char *s, const struct line *l, size_t skip)
{
	const char *t;
	size_t n, k;

	t = s + l->toff + skip;
	n = l->off + l->len - l->toff - skip;
	while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\t'))
		n--;
	k = enumerator(t, n);
	text_line(w, l, (size_t)(t - (s + l->off)), k, !w->in_para);
	if (!w->in_para) {
		w->in_para = 1;
		w->para_indent = l->indent;
		w->para_fields = 1;
		strbuf_reset(&w->para);
	}
	if (w->para_fields && !field_marker(t, n) && !(w->para.len > 0 &&
	    l->indent > w->para_indent))
		w->para_fields = 0;
	w->para_base = l->indent + (int)k;
	if (w->para.len > 0)
		strbuf_addch(&w->para, '\n');
	strbuf_add(&w->para, t + k, n - k);
}

/*
 * The text blocks of a paragraph's line l, whose text starts off bytes
 * into it with a list marker of k bytes: a line with a marker starts a
 * list item and its paragraph, as does the first line of a paragraph
 * (first); any other line goes on with the paragraph.
 */
static void
text_line(struct walk *w, const struct line *l, size_t off, size_t k,
    int first)
{
	struct md_block b;
	int i;

	if (!first && k == 0) {
		w->doc->text[w->text_cur].end_line = l->no;
		for (i = 0; i < w->nitems; i++)
			w->doc->text[w->item_at[i]].end_line = l->no;
		return;
	}
	while (w->nitems > 0 && w->item_indent[w->nitems - 1] >= l->indent)
		w->nitems--;
	for (i = 0; i < w->nitems; i++)
		w->doc->text[w->item_at[i]].end_line = l->no;
	memset(&b, 0, sizeof(b));
	b.line = b.end_line = l->no;
	b.col = (int)off + 1;
	if (k > 0 && w->nitems < RST_MAX_ITEMS) {
		b.kind = MD_BLOCK_ITEM;
		b.level = w->nitems + 1;
		w->item_indent[w->nitems] = l->indent;
		w->item_at[w->nitems++] = md_text_add(w->doc, &b);
	}
	b.kind = MD_BLOCK_PARA;
	b.level = w->nitems;
	b.col = (int)(off + k) + 1;
	w->text_cur = md_text_add(w->doc, &b);
}

/* The paragraph ends: read its inline markup and count it. */
static void
para_end(struct walk *w)
{
	const char *s = w->para.buf;
	size_t n = w->para.len;

	if (!w->in_para)
		return;
	w->in_para = 0;
	if (n >= 2 && s[n - 1] == ':' && s[n - 2] == ':')
		w->literal = w->para_base;
	w->nav = w->para_fields;
	inline_text(w, s, n, M_PROSE);
	unit_end(w);
	strbuf_reset(&w->para);
}

static const struct {
	const char	*name;
	enum dkind	 kind;
} directives[] = {
	{ "code", D_CODE }, { "code-block", D_CODE }, { "sourcecode", D_CODE },
	{ "literalinclude", D_CODE }, { "doctest", D_CODE },
	{ "testcode", D_CODE }, { "testoutput", D_CODE },
	{ "ipython", D_CODE }, { "jupyter-execute", D_CODE },
	{ "jupyter-input", D_CODE }, { "prompt", D_CODE },
	{ "parsed-literal", D_CODE }, { "code-tab", D_CODE },
	{ "plot", D_CODE }, { "program-output", D_CODE },
	{ "command-output", D_CODE }, { "runblock", D_CODE },
	{ "image", D_SKIP }, { "raw", D_SKIP }, { "math", D_SKIP },
	{ "include", D_SKIP }, { "highlight", D_SKIP }, { "meta", D_SKIP },
	{ "contents", D_SKIP }, { "sectnum", D_SKIP },
	{ "section-numbering", D_SKIP }, { "header", D_SKIP },
	{ "footer", D_SKIP }, { "default-role", D_SKIP }, { "role", D_SKIP },
	{ "title", D_SKIP }, { "graphviz", D_SKIP }, { "digraph", D_SKIP },
	{ "graph", D_SKIP }, { "mermaid", D_SKIP }, { "uml", D_SKIP },
	{ "autosummary", D_SKIP }, { "bibliography", D_SKIP },
	{ "index", D_SKIP }, { "target-notes", D_SKIP }, { "class", D_SKIP },
	{ "testsetup", D_SKIP }, { "testcleanup", D_SKIP },
	{ "youtube", D_SKIP }, { "video", D_SKIP }, { "iframe", D_SKIP },
	{ "comment", D_SKIP },
	{ "toctree", D_TOCTREE },
	{ "note", D_ADMONITION }, { "warning", D_ADMONITION },
	{ "tip", D_ADMONITION }, { "hint", D_ADMONITION },
	{ "important", D_ADMONITION }, { "attention", D_ADMONITION },
	{ "caution", D_ADMONITION }, { "danger", D_ADMONITION },
	{ "error", D_ADMONITION }, { "admonition", D_ADMONITION },
	{ "seealso", D_ADMONITION }, { "topic", D_ADMONITION },
	{ "sidebar", D_ADMONITION }, { "rubric", D_ADMONITION },
	{ "versionadded", D_ADMONITION }, { "versionchanged", D_ADMONITION },
	{ "deprecated", D_ADMONITION }, { "versionremoved", D_ADMONITION },
	{ "todo", D_ADMONITION }, { "dropdown", D_ADMONITION }
};

static enum dkind
directive_kind(const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof(directives) / sizeof(directives[0]); i++)
		if (strlen(directives[i].name) == n &&
		    ascii_eq_lower(name, directives[i].name, n))
			return directives[i].kind;
	return D_PROSE;
}

/* Skip the option lines (":class: x") right after a directive line. */
static void
skip_options(struct lookahead *r, const char *s, int base)
{
	const struct line *c;
	int indent;

	indent = -1;
	while ((c = peek(r, 0)) != NULL && !c->blank && c->indent > base) {
		if (field_marker(s + c->toff, c->off + c->len - c->toff))
			indent = c->indent;
		else if (indent < 0 || c->indent <= indent)
			return;
		advance(r);
	}
}

/* A toctree entry, "Title <path>" or "path": a link to the page. */
static void
toctree_entry(struct walk *w, const char *s, size_t n)
{
	struct strbuf url = STRBUF_INIT;
	const char *lt;

	while (n > 0 && ascii_isspace((unsigned char)s[n - 1]))
		n--;
	if (n == 0 || s[0] == ':' || memchr(s, '*', n) != NULL ||
	    (n == 4 && memcmp(s, "self", 4) == 0))
		return;
	if (s[n - 1] == '>' && (lt = memchr(s, '<', n)) != NULL) {
		n = (size_t)(s + n - 1 - (lt + 1));
		s = lt + 1;
	}
	if (bare_url(s, n, 0) == n)
		clean_url(s, n, &url);
	else
		doc_target(s, n, 1, &url);
	add_link(w, url.buf, url.len);
	strbuf_release(&url);
}

/*
 * Explicit markup at the reader's line (".. "): a directive, a comment, a
 * target, a footnote or a substitution definition. Returns 0 if not.
 */
static int
explicit_markup(struct walk *w, struct lookahead *r, const char *s,
    const struct line *lp)
{
	struct line l = *lp;
	const char *t;
	size_t n, k, nlen;

	t = s + l.toff;
	n = l.off + l.len - l.toff;
	if (n >= 3 && t[0] == '_' && t[1] == '_' && t[2] == ' ') {
		advance(r);	/* "__ url": an anonymous target */
		md_block_add(w->doc, MD_BLOCK_HIDDEN, l.no, l.no);
		w->skip_kind = MD_BLOCK_HIDDEN;
		w->skip_base = l.indent;
		w->skip = SK_BODY;
		return 1;
	}
	if (n < 2 || t[0] != '.' || t[1] != '.' || (n > 2 && t[2] != ' ' &&
	    t[2] != '\t'))
		return 0;
	advance(r);
	w->skip_base = l.indent;
	w->skip_kind = MD_BLOCK_HIDDEN;
	for (k = 2; k < n && (t[k] == ' ' || t[k] == '\t'); k++)
		;
	t += k;
	n -= k;
	while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\t'))
		n--;
	if (n == 0) {
		md_block_add(w->doc, MD_BLOCK_HIDDEN, l.no, l.no);
		w->skip = SK_BODY_CLOSE;	/* "..": an empty comment */
		return 1;
	}
	w->skip = SK_BODY;
	if (t[0] == '_' || t[0] == '[' || t[0] == '|' ||
	    (k = directive_name(t, n, &nlen)) == 0) {
		/* a target, footnote, substitution, comment */
		md_block_add(w->doc, MD_BLOCK_HIDDEN, l.no, l.no);
		return 1;
	}
	directive(w, r, s, &l, t, n, k, nlen);
	return 1;
}

/*
 * A directive at line l whose name is t[0..nlen), its argument after k,
 * n bytes in all: code, skipped, a toctree, or prose.
 */
static void
directive(struct walk *w, struct lookahead *r, const char *s,
    struct line *l, const char *t, size_t n, size_t k, size_t nlen)
{
	enum dkind kind;

	kind = directive_kind(t, nlen);
	if (kind != D_ADMONITION && kind != D_PROSE)
		md_block_add(w->doc, MD_BLOCK_HIDDEN, l->no, l->no);
	while (k < n && (t[k] == ' ' || t[k] == '\t'))
		k++;
	switch (kind) {
	case D_CODE:
		cur_seg(w)->code++;
		w->skip_kind = MD_BLOCK_CODE;
		break;
	case D_SKIP:
		break;
	case D_TOCTREE:
		w->skip = SK_TOCTREE;
		break;
	case D_ADMONITION:
	case D_PROSE:
		w->skip = SK_NONE;
		skip_options(r, s, l->indent);
		if (kind == D_ADMONITION && k < n) {
			l->toff += (size_t)(t - (s + l->toff)) + k;
			l->indent += 3;
			para_add(w, s, l, 0);
		}
		break;
	}
}

/* Whether a line belongs to the block being skipped. */
static int
skip_line(struct walk *w, const char *s, const struct line *l)
{
	switch (w->skip) {
	case SK_BODY:
	case SK_TOCTREE:
		if (l->blank)
			return 1;
		if (l->indent > w->skip_base) {
			if (w->skip == SK_TOCTREE)
				toctree_entry(w, s + l->toff, l->off + l->len -
				    l->toff);
			return 1;
		}
		break;
	case SK_BODY_CLOSE:
		if (!l->blank && l->indent > w->skip_base)
			return 1;
		break;
	case SK_PARA:
		if (!l->blank)
			return 1;
		break;
	case SK_QUOTED:
		if (!l->blank && l->indent == w->skip_base &&
		    s[l->toff] == w->quote)
			return 1;
		break;
	case SK_NONE:
		return 0;
	}
	w->skip = SK_NONE;
	return 0;
}

/* A literal block, expected after "::", at line l: start skipping it. */
static int
literal_block(struct walk *w, const char *s, const struct line *l)
{
	int base;
	char c;

	base = w->literal;
	w->literal = -1;
	c = s[l->toff];
	if (l->indent > base)
		w->skip = SK_BODY;
	else if (l->indent == base && is_adorn_char((unsigned char)c) &&
	    c != '-' && c != '*' && c != '+' && c != '_' && c != '`' &&
	    c != '|' && c != ':' && c != '[')
		w->skip = SK_QUOTED;
	else
		return 0;
	w->skip_base = base;
	w->skip_kind = MD_BLOCK_CODE;
	w->quote = c;
	cur_seg(w)->code++;
	return 1;
}

static void
walk_lines(struct walk *w, const char *s, size_t len)
{
	struct lookahead r;
	const struct line *l;
	size_t n;

	memset(&r, 0, sizeof(r));
	r.buf = s;
	r.len = len;
	w->literal = -1;
	while ((l = peek(&r, 0)) != NULL) {
		if (skip_line(w, s, l)) {
			md_block_add(w->doc, w->skip_kind, l->no, l->no);
			advance(&r);
			continue;
		}
		if (l->blank) {
			para_end(w);
			advance(&r);
			continue;
		}
		if (w->in_para) {
			n = w->para.len;
			/* "Run::" and the block without a blank line. */
			if (n >= 2 && w->para.buf[n - 1] == ':' &&
			    w->para.buf[n - 2] == ':' && l->indent > w->para_base)
				para_end(w);
			else {
				para_add(w, s, l, 0);
				advance(&r);
				continue;
			}
		}
		if (w->literal >= 0 && literal_block(w, s, l))
			continue;
		w->literal = -1;
		if (try_title(w, &r, s) || explicit_markup(w, &r, s, l))
			continue;
		n = l->off + l->len - l->toff;
		if (n >= 3 && memcmp(s + l->toff, ">>>", 3) == 0 &&
		    (n == 3 || s[l->toff + 3] == ' ')) {
			cur_seg(w)->code++;	/* a doctest block */
			w->skip = SK_PARA;
			w->skip_kind = MD_BLOCK_CODE;
			continue;
		}
		para_add(w, s, l, 0);
		advance(&r);
	}
	para_end(w);
	unit_end(w);
	w->doc->nlines = r.no;
}

/*
 * Sections
 */

/* Section extents and totals from the segments, as markdown.c does. */
static void
finish(struct walk *w, size_t len)
{
	struct md_doc *doc = w->doc;
	struct md_heading *h = doc->h;
	struct md_seg *sg = w->seg, *direct;
	size_t i, e, n;

	n = doc->nheadings;
	direct = xcalloc(n + 1, sizeof(*direct));
	memcpy(direct, sg, (n + 1) * sizeof(*direct));
	md_totals(doc, sg);
	md_find_intro(doc, direct, sg);
	free(direct);
	for (i = 0; i < n; i++) {
		e = h[i].end;
		h[i].body_line = h[i].end_line + 1;
		h[i].body_off = w->hp[i].body;
		h[i].body_end_line = e < n ? h[e].line : doc->nlines + 1;
		h[i].body_end = e < n ? w->hp[e].start : len;
		if (h[i].body_end_line < h[i].body_line)
			h[i].body_line = h[i].body_end_line;
		if (h[i].body_end < h[i].body_off)
			h[i].body_off = h[i].body_end;
	}
}

int
rst_parse(const char *buf, size_t len, struct md_doc *doc)
{
	struct defs defs;
	struct walk w;

	memset(doc, 0, sizeof(*doc));
	doc->title = doc->intro_section = doc->intro_later = MD_NONE;
	if (len > MD_MAX_INPUT)
		return ec_error("restructuredtext: %zu bytes, more than the %u "
		    "read", len, (unsigned)MD_MAX_INPUT);
	if (buf == NULL)
		buf = "";
	memset(&defs, 0, sizeof(defs));
	defs_read(&defs, buf, len);
	memset(&w, 0, sizeof(w));
	w.doc = doc;
	w.defs = &defs;
	w.buf = buf;
	w.mode = M_PROSE;
	strbuf_init(&w.para);
	strbuf_init(&w.tmp);
	XGROW(w.seg, 1, w.segalloc);
	memset(w.seg, 0, sizeof(*w.seg));
	walk_lines(&w, buf, len);
	finish(&w, len);
	free(w.seg);
	free(w.hp);
	strbuf_release(&w.para);
	strbuf_release(&w.tmp);
	defs_free(&defs);
	return 0;
}

int
rst_is_path(const char *path)
{
	size_t n;

	n = strlen(path);
	return (n > 4 && ascii_eq_lower(path + n - 4, ".rst", 4)) ||
	    (n > 5 && ascii_eq_lower(path + n - 5, ".rest", 5));
}

/* The reST reader: the model of a file is a struct md_file. */
static void *
rst_read(const struct reader_input *in)
{
	struct md_file *m;

	m = xcalloc(1, sizeof(*m));
	m->truncated = in->truncated;
	if (rst_parse(in->buf, in->len, &m->doc) == -1) {
		md_file_free(m);
		return NULL;
	}
	return m;
}

const struct reader reader_rst = {
	.name = "reStructuredText",
	.flags = READER_DOC,
	.parse = rst_read,
	.free = md_file_free,
};
