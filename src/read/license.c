/* license.c: the SPDX license of a text, by word diff against a corpus */
#define _POSIX_C_SOURCE 200809L
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ascii.h"
#include "datadir.h"
#include "error.h"
#include "read/license.h"
#include "read/inline.h"
#include "strbuf.h"
#include "text.h"
#include "utf8.h"
#include "xalloc.h"

/* Token flags. */
#define TF_FIRST	0x01	/* first word of its line (after markup) */
#define TF_URL		0x02	/* part of a URL */
#define TF_OPT		0x04	/* template: optional */
#define TF_VAR		0x08	/* template: variable */
#define TF_VARSTART	0x10	/* template: first word of a variable */
#define TF_DROP		0x20	/* dropped by the second pass */

#define NO_WORD		0	/* the id of a word no template has */
#define SHINGLE		4	/* words in a locating anchor */
#define MAX_TRIES	8	/* places tried for one template */
#define MAX_D		300	/* diff edits at most */
#define VAR_SLACK	10	/* extra words a variable may hold */
#define TITLE_WORDS	24	/* title words kept per template */
#define ANCHORS		32	/* shingles that find a template in a text */

/* A word of a text being normalised. */
struct tok {
	size_t		 start, end;	/* bytes of the source */
	size_t		 w, wlen;	/* the folded word in the word buffer */
	unsigned	 nl;		/* newlines before it since the last word */
	unsigned	 flags;
};

struct toks {
	struct tok	*v;
	size_t		 n, alloc;
	struct strbuf	 words;
};

/* What tokenize carries from one word to the next. */
struct tok_state {
	unsigned	 nl;		/* newlines since the last word */
	unsigned	 opt;		/* template: optional parts open */
	size_t		 var_end;	/* template: end of a variable, or 0 */
	int		 varstart;	/* the next word starts a variable */
	int		 url;		/* the words are part of a URL */
	size_t		 text_end;	/* the link text read ends here, */
	size_t		 dest_end;	/*   its destination here (or 0) */
};

/* The word dictionary: every word of the corpus has an id from 1. */
struct dict {
	uint32_t	*slot;		/* id, 0 empty; power-of-two size */
	size_t		 size;
	struct strbuf	 text;		/* words, NUL-separated */
	size_t		*off;		/* off[id]: the word's offset */
	uint32_t	 n;		/* ids given: 1..n-1 */
	size_t		 alloc;
};

struct lic {
	char		*id;
	char		*later;		/* "-or-later" id of a "-only" one */
	const char	*line;		/* its words in corpus.tok, not parsed */
	size_t		 linelen;
	uint32_t	*w;		/* the words, once parsed */
	unsigned char	*fl;
	size_t		 m;		/* words */
	size_t		 fixed;		/* words neither optional nor variable */
	size_t		 apos[ANCHORS];	/* evenly spaced fixed shingles */
	uint32_t	 anchor[ANCHORS][SHINGLE];
	size_t		 nanchors;
	uint32_t	 title[TITLE_WORDS]; /* optional words before the first fixed */
	size_t		 ntitle;
};

struct license_corpus {
	struct dict	 d;
	unsigned char	*weak;		/* weak[id]: the word could number a list */
	struct strbuf	 tok;		/* corpus.tok: the lines of the templates */
	struct lic	*l;
	size_t		 nl, alloc;
};

/* The normalised text being identified. */
struct input {
	uint32_t	*w;
	size_t		*start, *end;
	unsigned char	*url;
	size_t		 n;
	uint32_t	*head;		/* shingle hash -> first position + 1 */
	uint32_t	*next;		/* position -> next position + 1 */
	size_t		 hsize;
	int32_t		*count;		/* word id -> 0, for edits_at_least() */
};

/* What one template gives at one place. */
struct cand {
	const struct lic *l;
	unsigned	 score, changed, maxhunk;
	size_t		 ws, we;	/* matched words [ws, we) */
	int		 match;
};

static void	 tokenize(const char *, size_t, int, struct toks *);
static int	 skip_placeholder(const char *, size_t, size_t *);
static int	 block_tag(const char *, const struct inline_piece *);
static int	 skip_markup(const char *, size_t, size_t *, struct tok_state *,
		    int *);
static void	 second_pass(const char *, size_t, struct toks *);
static int	 is_copyright_line(const char *, size_t, const struct toks *,
		    size_t);
static int	 is_bullet_word(const char *, size_t);
static int	 has_ci(const char *, size_t, size_t, const char *);
static int	 word_is(const struct toks *, size_t, const char *);
static int	 template_mark(const char *, size_t, size_t *,
		    struct tok_state *);
static size_t	 add_word(const char *, size_t, size_t, uint32_t, size_t,
		    enum text_class, struct tok_state *, int *, struct toks *);
static int	 url_starts(const char *, size_t, size_t, const struct toks *);
static void	 drop_number(const char *, size_t, struct toks *, size_t);
static const char *equivalent(const char *, size_t);
static void	 fold_words(const struct toks *, struct strbuf *, size_t *,
		    size_t *);
static uint32_t	 dict_get(const struct dict *, const char *, size_t);
static uint32_t	 dict_add(struct dict *, const char *, size_t);
static void	 dict_load(struct dict *, const char *, size_t);
static uint64_t	 hash_bytes(const char *, size_t);
static void	 lic_from_toks(struct license_corpus *, const char *,
		    const struct toks *);
static void	 lic_finish(struct lic *);
static void	 lic_parse(const struct lic *, struct lic *);
static int	 load_texts(struct license_corpus *, const char *);
static int	 load_tok(struct license_corpus *, const char *, size_t);
static uint32_t	 parse_num(const char *, size_t, size_t *);
static int	 read_file(const char *, struct strbuf *, int);
static void	 input_build(const struct license_corpus *, const char *,
		    size_t, struct input *);
static void	 input_free(struct input *);
static uint32_t	 shingle(const uint32_t *);
static void	 find_best(const struct license_corpus *, const struct input *,
		    size_t, size_t, int, struct cand *);
static int	 occurs(const struct input *, const uint32_t *, size_t, size_t,
		    size_t *);
static int	 try_license(const struct license_corpus *, const struct lic *,
		    const struct input *, size_t, size_t, struct cand *, int);
static size_t	 anchors_found(const struct lic *, const struct input *, size_t,
		    size_t, size_t *);
static size_t	 last_fixed(const struct lic *, size_t);
static size_t	 window_end(const struct input *, const struct lic *, size_t,
		    size_t, size_t, size_t, size_t);
static void	 anchor_guess(const struct lic *, size_t, size_t,
		    struct cand *);
static int	 diff_at(const struct license_corpus *, const struct lic *,
		    const struct input *, size_t, size_t, struct cand *);
static long	 edits_at_least(const uint32_t *, long, const uint32_t *,
		    long, int32_t *);
static long	 diff_forward(const uint32_t *, long, const uint32_t *, long,
		    long, long *, long *);
static size_t	 diff_snakes(const long *, long, long, long, long, long *);
static void	 diff_score(const struct license_corpus *, const struct lic *,
		    const uint32_t *, size_t, long, const long *, size_t,
		    struct cand *);
static void	 hunk(const struct license_corpus *, const struct lic *,
		    const uint32_t *, size_t, size_t, size_t, size_t, int, int,
		    struct cand *);
static int	 all_weak(const struct license_corpus *, const uint32_t *,
		    size_t);
static int	 all_title(const struct lic *, const uint32_t *, size_t);
static int	 better(const struct cand *, const struct cand *);
static void	 collect(const struct license_corpus *, const struct input *,
		    size_t, size_t, struct cand *, size_t *);
static int	 says_later(const struct license_corpus *, const struct input *,
		    size_t, size_t);
static void	 found(const struct input *, const struct cand *, int,
		    struct license_found *);

/*
 * Equivalent words (SPDX matching guidelines, "equivalent words"):
 * British and American spellings and variants, each mapped to one form.
 */
static const char *const equivalents[][2] = {
	{ "acknowledgement", "acknowledgment" },
	{ "acknowledgements", "acknowledgments" },
	{ "analogue", "analog" },
	{ "analyse", "analyze" },
	{ "artefact", "artifact" },
	{ "authorisation", "authorization" },
	{ "authorised", "authorized" },
	{ "calibre", "caliber" },
	{ "cancelled", "canceled" },
	{ "capitalisations", "capitalizations" },
	{ "catalogue", "catalog" },
	{ "categorise", "categorize" },
	{ "centre", "center" },
	{ "copyrightholder", "copyrightowner" },
	{ "emphasised", "emphasized" },
	{ "favour", "favor" },
	{ "favourite", "favorite" },
	{ "fulfil", "fulfill" },
	{ "fulfilment", "fulfillment" },
	{ "https", "http" },
	{ "initialise", "initialize" },
	{ "judgement", "judgment" },
	{ "labelling", "labeling" },
	{ "labour", "labor" },
	{ "licence", "license" },
	{ "licenced", "licensed" },
	{ "licences", "licenses" },
	{ "licencing", "licensing" },
	{ "licensor", "licensor" },
	{ "maximise", "maximize" },
	{ "modelled", "modeled" },
	{ "modelling", "modeling" },
	{ "offence", "offense" },
	{ "optimise", "optimize" },
	{ "organisation", "organization" },
	{ "organise", "organize" },
	{ "practise", "practice" },
	{ "programme", "program" },
	{ "realise", "realize" },
	{ "recognise", "recognize" },
	{ "signalling", "signaling" },
	{ "sublicence", "sublicense" },
	{ "sublicences", "sublicenses" },
	{ "utilisation", "utilization" },
	{ "whilst", "while" },
	{ "wilful", "willful" }
};

/* Roman numerals that number list items. */
static const char *const romans[] = {
	"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi",
	"xii", "xiii", "xiv", "xv"
};

/* HTML elements that start a new line of text. */
static const char *const block_tags[] = {
	"blockquote", "br", "dd", "div", "dt", "h1", "h2", "h3", "h4", "h5",
	"h6", "hr", "li", "ol", "p", "pre", "table", "td", "th", "tr", "ul"
};

static uint64_t
hash_bytes(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static uint32_t
dict_get(const struct dict *d, const char *s, size_t n)
{
	size_t i;
	uint32_t id;
	const char *w;

	if (d->size == 0)
		return NO_WORD;
	i = hash_bytes(s, n) & (d->size - 1);
	while ((id = d->slot[i]) != 0) {
		w = d->text.buf + d->off[id];
		if (strncmp(w, s, n) == 0 && w[n] == '\0')
			return id;
		i = (i + 1) & (d->size - 1);
	}
	return NO_WORD;
}

static uint32_t
dict_add(struct dict *d, const char *s, size_t n)
{
	uint32_t id, *old;
	size_t i, j, oldsize;

	if ((id = dict_get(d, s, n)) != NO_WORD)
		return id;
	if (d->n == 0)
		d->n = 1;
	if ((d->n + 1) * 2 > d->size) {
		old = d->slot;
		oldsize = d->size;
		d->size = oldsize == 0 ? 1024 : oldsize * 2;
		d->slot = xcalloc(d->size, sizeof(*d->slot));
		for (j = 0; j < oldsize; j++) {
			if (old[j] == 0)
				continue;
			i = hash_bytes(d->text.buf + d->off[old[j]],
			    strlen(d->text.buf + d->off[old[j]])) &
			    (d->size - 1);
			while (d->slot[i] != 0)
				i = (i + 1) & (d->size - 1);
			d->slot[i] = old[j];
		}
		free(old);
	}
	XGROW(d->off, (size_t)d->n + 1, d->alloc);
	id = d->n++;
	d->off[id] = d->text.len;
	strbuf_add(&d->text, s, n);
	strbuf_addch(&d->text, '\0');
	i = hash_bytes(s, n) & (d->size - 1);
	while (d->slot[i] != 0)
		i = (i + 1) & (d->size - 1);
	d->slot[i] = id;
	return id;
}

/*
 * Fill the empty dictionary d with the n bytes of s, distinct words
 * separated by one space (corpus.tok's word list), in one pass: the
 * table is sized once and no word is looked up before it is added.
 */
static void
dict_load(struct dict *d, const char *s, size_t n)
{
	size_t i, j, count, h;
	uint32_t id;

	for (count = 1, i = 0; i < n; i++)
		count += s[i] == ' ';
	for (d->size = 1024; d->size < (count + 2) * 2; d->size *= 2)
		;
	d->slot = xcalloc(d->size, sizeof(*d->slot));
	d->alloc = count + 2;
	d->off = xreallocarray(NULL, d->alloc, sizeof(*d->off));
	strbuf_grow(&d->text, n + 1);
	d->n = 1;
	for (i = 0; i < n; i = j + 1) {
		for (j = i; j < n && s[j] != ' '; j++)
			;
		if (j == i)
			continue;
		id = d->n++;
		d->off[id] = d->text.len;
		strbuf_add(&d->text, s + i, j - i);
		strbuf_addch(&d->text, '\0');
		h = hash_bytes(s + i, j - i) & (d->size - 1);
		while (d->slot[h] != 0)
			h = (h + 1) & (d->size - 1);
		d->slot[h] = id;
	}
}

/*
 * If a license's placeholder ("<year>", "<URL for Development
 * Group/Institution>", text to fill in rather than HTML) starts at
 * s[*i], step over it and return 1: '<' and a letter, then no '<' and
 * no blank line up to the '>' in 1024 bytes.
 */
static int
skip_placeholder(const char *s, size_t n, size_t *i)
{
	size_t j, lim;

	if (*i + 1 >= n || !ascii_isalpha((unsigned char)s[*i + 1]))
		return 0;
	lim = n - *i > 1024 ? *i + 1024 : n;
	for (j = *i + 1; j < lim && s[j] != '>'; j++)
		if (s[j] == '<' || (s[j] == '\n' && j + 1 < n &&
		    s[j + 1] == '\n'))
			return 0;
	if (j >= lim)
		return 0;
	*i = j + 1;
	return 1;
}

/* Whether the tag of piece p (<p>, </li>, <br/>) starts a new line. */
static int
block_tag(const char *s, const struct inline_piece *p)
{
	size_t t, tl;

	for (t = 0; t < sizeof(block_tags) / sizeof(block_tags[0]); t++) {
		tl = strlen(block_tags[t]);
		if (p->dest_end - p->dest == tl &&
		    strncasecmp(s + p->dest, block_tags[t], tl) == 0)
			return 1;
	}
	return 0;
}

/*
 * If markup no license words are in starts at s[i] (a tag, an autolink,
 * an entity; the destination of a link whose text starts there), step
 * over it and return 1; *block is set when it starts a new line.
 */
static int
skip_markup(const char *s, size_t n, size_t *i, struct tok_state *st,
    int *block)
{
	struct inline_piece p;

	*block = 0;
	if (st->dest_end != 0 && *i == st->text_end) {
		*i = st->dest_end;
		st->dest_end = 0;
		return 1;
	}
	if (s[*i] != '<' && s[*i] != '&' && s[*i] != '[')
		return 0;
	if (!inline_at(s, n, *i, &p))
		return s[*i] == '<' && skip_placeholder(s, n, i);
	if (p.kind == INLINE_LINK) {
		if (p.ref)
			return 0;
		st->text_end = p.text_end;
		st->dest_end = p.end;
		*i = p.text;
		return 1;
	}
	if (p.kind != INLINE_TAG && p.kind != INLINE_AUTOLINK &&
	    p.kind != INLINE_ENTITY)
		return 0;
	*block = p.kind == INLINE_TAG && block_tag(s, &p);
	*i = p.end;
	return 1;
}

/*
 * Split s into folded words with their source bytes. With template set,
 * <<beginOptional>>, <<endOptional>> and <<var;original="...">> mark
 * words optional or variable.
 */
static void
tokenize(const char *s, size_t n, int template, struct toks *t)
{
	struct tok_state st;
	size_t i, used;
	int first, block;
	uint32_t cp;
	enum text_class cls;

	memset(&st, 0, sizeof(st));
	first = 1;
	for (i = 0; i < n && t->n < LICENSE_MAX_WORDS;) {
		if (template && template_mark(s, n, &i, &st))
			continue;
		if (s[i] == '\n') {
			first = 1;
			st.url = 0;
			st.nl++;
			i++;
			continue;
		}
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r') {
			st.url = 0;
			i++;
			continue;
		}
		if (skip_markup(s, n, &i, &st, &block)) {
			if (block)
				first = 1;
			continue;
		}
		cp = utf8_next(s + i, n - i, &used);
		cls = text_class(cp);
		if (cls != TEXT_CP_WORD && cls != TEXT_CP_IDEO) {
			i += used;
			continue;
		}
		i = add_word(s, n, i, cp, used, cls, &st, &first, t);
	}
}

/*
 * Step over the template marker at s[*i], or out of the variable that
 * ends there, noting it in st; 0 when there is none.
 */
static int
template_mark(const char *s, size_t n, size_t *i, struct tok_state *st)
{
	if (s[*i] == '<' && *i + 1 < n && s[*i + 1] == '<') {
		if (strncmp(s + *i, "<<beginOptional>>", 17) == 0) {
			st->opt++;
			*i += 17;
			return 1;
		}
		if (strncmp(s + *i, "<<endOptional>>", 15) == 0) {
			st->opt -= st->opt > 0;
			*i += 15;
			return 1;
		}
		if (strncmp(s + *i, "<<var;original=\"", 16) == 0) {
			*i += 16;
			st->var_end = *i;
			while (st->var_end < n && s[st->var_end] != '"')
				st->var_end++;
			st->varstart = 1;
			return 1;
		}
	}
	if (st->var_end != 0 && *i >= st->var_end) {
		*i = st->var_end + 3 <= n ? st->var_end + 3 : n;
		st->var_end = 0;
		return 1;
	}
	return 0;
}

/*
 * Add to t the word that starts at s[i] with cp, a character of class
 * cls and used bytes; *first: it is the first of its line. Returns the
 * offset after the word.
 */
static size_t
add_word(const char *s, size_t n, size_t i, uint32_t cp, size_t used,
    enum text_class cls, struct tok_state *st, int *first, struct toks *t)
{
	struct tok *k;

	XGROW(t->v, t->n + 1, t->alloc);
	k = &t->v[t->n++];
	k->start = i;
	k->w = t->words.len;
	k->nl = st->nl;
	k->flags = (*first ? TF_FIRST : 0) | (st->opt ? TF_OPT : 0);
	if (st->var_end != 0)
		k->flags |= TF_VAR | (st->varstart ? TF_VARSTART : 0);
	st->varstart = 0;
	*first = 0;
	st->nl = 0;
	if (cls == TEXT_CP_IDEO) {
		utf8_put(&t->words, cp);
		i += used;
	} else {
		for (;;) {
			if (cp >= 'A' && cp <= 'Z')
				cp += 'a' - 'A';
			if (cls == TEXT_CP_WORD)
				utf8_put(&t->words, cp);
			i += used;
			if (i >= n || (st->var_end != 0 && i >= st->var_end))
				break;
			cp = utf8_next(s + i, n - i, &used);
			cls = text_class(cp);
			if (cls != TEXT_CP_WORD && cls != TEXT_CP_DROP)
				break;
		}
	}
	k->end = i;
	k->wlen = t->words.len - k->w;
	if (!st->url && url_starts(s, n, i, t))
		st->url = 1;
	if (st->url)
		k->flags |= TF_URL;
	return i;
}

/* Whether t's last word, ending at s[i], starts a URL ("http://", "www."). */
static int
url_starts(const char *s, size_t n, size_t i, const struct toks *t)
{
	if (i + 3 <= n && strncmp(s + i, "://", 3) == 0 &&
	    (word_is(t, t->n - 1, "http") || word_is(t, t->n - 1, "https") ||
	    word_is(t, t->n - 1, "ftp")))
		return 1;
	return i < n && s[i] == '.' && word_is(t, t->n - 1, "www");
}

static int
word_is(const struct toks *t, size_t k, const char *w)
{
	return t->v[k].wlen == strlen(w) &&
	    memcmp(t->words.buf + t->v[k].w, w, t->v[k].wlen) == 0;
}

/* Whether s[i, n) starts with lit, ignoring ASCII case. */
static int
has_ci(const char *s, size_t n, size_t i, const char *lit)
{
	size_t len = strlen(lit);

	return i <= n && n - i >= len && strncasecmp(s + i, lit, len) == 0;
}

/* A list number: up to 3 digits, one letter, or a small roman numeral. */
static int
is_bullet_word(const char *w, size_t n)
{
	size_t i;

	if (n == 1)
		return 1;
	for (i = 0; i < n && w[i] >= '0' && w[i] <= '9'; i++)
		;
	if (i == n)
		return n <= 3;
	/* Only short words of roman digits can be in the table. */
	if (n > 4)
		return 0;
	for (i = 0; i < n; i++)
		if (w[i] != 'i' && w[i] != 'v' && w[i] != 'x')
			return 0;
	for (i = 0; i < sizeof(romans) / sizeof(romans[0]); i++)
		if (strlen(romans[i]) == n && memcmp(romans[i], w, n) == 0)
			return 1;
	return 0;
}

/*
 * Whether the line whose first word is t->v[k] is a copyright notice:
 * "Copyright (c) 2024 X", "Copyright 2024", "Copyright: X", "(c) 2024
 * X", "© X", "&copy; X".
 */
static int
is_copyright_line(const char *s, size_t n, const struct toks *t, size_t k)
{
	size_t i, b;

	/* A sign with nothing but markup before the first word. */
	for (b = t->v[k].start; b > 0 && s[b - 1] != '\n' &&
	    t->v[k].start - b < 64; b--) {
		if (b >= 2 && (unsigned char)s[b - 2] == 0xc2 &&
		    (unsigned char)s[b - 1] == 0xa9)
			return 1;
		if (b >= 6 && has_ci(s, n, b - 6, "&copy;"))
			return 1;
		if ((s[b - 1] >= 'a' && s[b - 1] <= 'z') ||
		    (s[b - 1] >= 'A' && s[b - 1] <= 'Z') ||
		    (s[b - 1] >= '0' && s[b - 1] <= '9'))
			break;
	}
	if (word_is(t, k, "c") && t->v[k].start > 0 &&
	    s[t->v[k].start - 1] == '(' && t->v[k].end < n &&
	    s[t->v[k].end] == ')')
		return k + 1 < t->n && t->words.buf[t->v[k + 1].w] >= '0' &&
		    t->words.buf[t->v[k + 1].w] <= '9';
	if (!word_is(t, k, "copyright"))
		return 0;
	i = t->v[k].end;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i >= n)
		return 0;
	if (s[i] == ':' || (s[i] >= '0' && s[i] <= '9'))
		return 1;
	if (has_ci(s, n, i, "(c)"))
		return 1;
	if (n - i >= 2 && (unsigned char)s[i] == 0xc2 &&
	    (unsigned char)s[i + 1] == 0xa9)
		return 1;
	return has_ci(s, n, i, "&copy;");
}

/*
 * Drop copyright notices (with the lines that continue them), "All
 * rights reserved", and list numbers ("1.", "(a)", "iv)", "3.1.").
 */
static void
second_pass(const char *s, size_t n, struct toks *t)
{
	size_t k, e;
	int in_copy, cont, drop_line;
	struct tok *v;
	char c;

	in_copy = 0;
	cont = 0;
	drop_line = 0;
	for (k = 0; k < t->n; k++) {
		v = &t->v[k];
		if (v->flags & TF_FIRST) {
			c = t->words.buf[v->w];
			drop_line = 0;
			if (is_copyright_line(s, n, t, k))
				drop_line = 1;
			else if (in_copy && v->nl < 2 && (cont ||
			    (c >= '0' && c <= '9') || word_is(t, k, "all") ||
			    word_is(t, k, "portions")))
				drop_line = 1;
			in_copy = drop_line;
			if (!drop_line && k + 2 < t->n && word_is(t, k, "all") &&
			    word_is(t, k + 1, "rights") &&
			    word_is(t, k + 2, "reserved")) {
				t->v[k].flags |= TF_DROP;
				t->v[k + 1].flags |= TF_DROP;
				t->v[k + 2].flags |= TF_DROP;
				k += 2;
				continue;
			}
		}
		if (drop_line) {
			v->flags |= TF_DROP;
			e = v->end;
			while (e < n && (s[e] == ' ' || s[e] == '\t' ||
			    s[e] == '.'))
				e++;
			cont = word_is(t, k, "and") || (e < n &&
			    (s[e] == ',' || s[e] == '&'));
			continue;
		}
		drop_number(s, n, t, k);
	}
}

/* Drop t->v[k] when it numbers a list item: "1.", "iv)", "(a)", "3.1.". */
static void
drop_number(const char *s, size_t n, struct toks *t, size_t k)
{
	struct tok *v;
	char c;

	v = &t->v[k];
	if (!is_bullet_word(t->words.buf + v->w, v->wlen) || v->end >= n)
		return;
	c = s[v->end];
	if ((v->flags & TF_FIRST) && (c == '.' || c == ')') &&
	    (v->end + 1 >= n || s[v->end + 1] == ' ' ||
	    s[v->end + 1] == '\t' || s[v->end + 1] == '\n' ||
	    s[v->end + 1] == '\r' || (c == '.' &&
	    s[v->end + 1] >= '0' && s[v->end + 1] <= '9'))) {
		v->flags |= TF_DROP;
		/* "3.1." : the next number is part of it. */
		if (c == '.' && v->end + 1 < n && k + 1 < t->n &&
		    t->v[k + 1].start == v->end + 1)
			t->v[k + 1].flags |= TF_FIRST;
		return;
	}
	if (c == ')' && v->start > 0 && s[v->start - 1] == '(' &&
	    ((v->flags & TF_FIRST) || v->start < 2 ||
	    s[v->start - 2] == ' ' || s[v->start - 2] == '\n' ||
	    s[v->start - 2] == '\t'))
		v->flags |= TF_DROP;
}

/* The one spelling of an equivalent word, or NULL. */
static const char *
equivalent(const char *w, size_t n)
{
	size_t lo, hi, mid;
	int c;

	lo = 0;
	hi = sizeof(equivalents) / sizeof(equivalents[0]);
	while (lo < hi) {
		mid = (lo + hi) / 2;
		c = strncmp(equivalents[mid][0], w, n);
		if (c == 0 && equivalents[mid][0][n] != '\0')
			c = 1;
		if (c == 0)
			return equivalents[mid][1];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/*
 * Append the kept words of t to out, each NUL-terminated, after the
 * equivalent words and the joins ("non commercial", "sub license", "per
 * cent", "copyright holder"); keep[i] gets the index in t of the i-th
 * word and *nkeep their count (keep has t->n places).
 */
static void
fold_words(const struct toks *t, struct strbuf *out, size_t *keep,
    size_t *nkeep)
{
	size_t k, j, n;
	const char *w, *eq;
	struct strbuf word = STRBUF_INIT;

	n = 0;
	for (k = 0; k < t->n; k++) {
		if (t->v[k].flags & TF_DROP)
			continue;
		strbuf_reset(&word);
		strbuf_add(&word, t->words.buf + t->v[k].w, t->v[k].wlen);
		for (j = k + 1; j < t->n && (t->v[j].flags & TF_DROP); j++)
			;
		if (j < t->n && ((word.len == 3 &&
		    (memcmp(word.buf, "non", 3) == 0 ||
		    (memcmp(word.buf, "sub", 3) == 0 && t->v[j].wlen >= 5 &&
		    memcmp(t->words.buf + t->v[j].w, "licen", 5) == 0) ||
		    (memcmp(word.buf, "per", 3) == 0 && word_is(t, j, "cent")))) ||
		    (word.len == 9 && memcmp(word.buf, "copyright", 9) == 0 &&
		    (word_is(t, j, "holder") || word_is(t, j, "owner"))))) {
			strbuf_add(&word, t->words.buf + t->v[j].w,
			    t->v[j].wlen);
			k = j;
		}
		w = word.buf;
		if ((eq = equivalent(word.buf, word.len)) != NULL)
			w = eq;
		strbuf_addstr(out, w);
		strbuf_addch(out, '\0');
		keep[n++] = k;
	}
	*nkeep = n;
	strbuf_release(&word);
}

void
license_normalise(const char *s, size_t n, struct strbuf *out)
{
	struct toks t = { NULL, 0, 0, STRBUF_INIT };
	struct strbuf w = STRBUF_INIT;
	size_t *keep, nkeep, i, off;

	if (n > LICENSE_MAX_BYTES)
		n = LICENSE_MAX_BYTES;
	tokenize(s, n, 0, &t);
	second_pass(s, n, &t);
	keep = xreallocarray(NULL, t.n + 1, sizeof(*keep));
	fold_words(&t, &w, keep, &nkeep);
	for (i = 0, off = 0; i < nkeep; i++) {
		if (i > 0)
			strbuf_addch(out, ' ');
		strbuf_addstr(out, w.buf + off);
		off += strlen(w.buf + off) + 1;
	}
	free(keep);
	free(t.v);
	strbuf_release(&t.words);
	strbuf_release(&w);
}

/* Add the template of id made of the words of t. */
static void
lic_from_toks(struct license_corpus *c, const char *id, const struct toks *t)
{
	struct strbuf w = STRBUF_INIT;
	size_t *keep, nkeep, i, off, len;
	struct lic *l;

	keep = xreallocarray(NULL, t->n + 1, sizeof(*keep));
	fold_words(t, &w, keep, &nkeep);
	XGROW(c->l, c->nl + 1, c->alloc);
	l = &c->l[c->nl++];
	memset(l, 0, sizeof(*l));
	l->id = xstrdup(id);
	l->w = xreallocarray(NULL, nkeep + 1, sizeof(*l->w));
	l->fl = xmalloc(nkeep + 1);
	for (i = 0, off = 0; i < nkeep; i++) {
		len = strlen(w.buf + off);
		l->w[i] = dict_add(&c->d, w.buf + off, len);
		l->fl[i] = t->v[keep[i]].flags & (TF_OPT | TF_VAR | TF_VARSTART);
		off += len + 1;
		l->m = i + 1;
		/* The appendix of Apache and the GPLs is not the license. */
		if (i >= 4 && len == 10 &&
		    memcmp(w.buf + off - 11, "conditions", 10) == 0 &&
		    l->w[i - 4] == dict_get(&c->d, "end", 3) &&
		    l->w[i - 3] == dict_get(&c->d, "of", 2) &&
		    l->w[i - 2] == dict_get(&c->d, "terms", 5) &&
		    l->w[i - 1] == dict_get(&c->d, "and", 3))
			break;
	}
	free(keep);
	strbuf_release(&w);
}

/* Count fixed words, pick the anchors, give -only ids their -or-later. */
static void
lic_finish(struct lic *l)
{
	size_t j, k, step, len;

	l->fixed = 0;
	l->nanchors = 0;
	l->ntitle = 0;
	for (j = 0; j < l->m; j++)
		if (!(l->fl[j] & (TF_OPT | TF_VAR)))
			l->fixed++;
	for (j = 0; j < l->m && (l->fl[j] & TF_OPT) &&
	    l->ntitle < TITLE_WORDS; j++)
		l->title[l->ntitle++] = l->w[j];
	step = l->m / ANCHORS > 0 ? l->m / ANCHORS : 1;
	for (j = 0; j + SHINGLE <= l->m && l->nanchors < ANCHORS; j++) {
		for (k = j; k < j + SHINGLE; k++)
			if (l->fl[k] & (TF_OPT | TF_VAR))
				break;
		if (k < j + SHINGLE)
			continue;
		l->apos[l->nanchors] = j;
		memcpy(l->anchor[l->nanchors++], l->w + j,
		    sizeof(l->anchor[0]));
		j += step - 1;
	}
	len = strlen(l->id);
	if (l->later == NULL && len > 5 && strcmp(l->id + len - 5, "-only") == 0)
		l->later = xasprintf("%.*s-or-later", (int)(len - 5), l->id);
}

/* Parse the words of the template src into dst, a copy of it. */
static void
lic_parse(const struct lic *src, struct lic *dst)
{
	const char *s = src->line;
	size_t j, e = src->linelen;
	unsigned char fl;

	*dst = *src;
	dst->w = xreallocarray(NULL, src->m + 1, sizeof(*dst->w));
	dst->fl = xmalloc(src->m + 1);
	dst->m = 0;
	for (j = 0; j < e && dst->m < src->m; j++) {
		fl = 0;
		if (s[j] == '?') {
			fl |= TF_OPT;
			j++;
		}
		if (j < e && s[j] == '$') {
			fl |= TF_VAR;
			j++;
		} else if (j < e && s[j] == '^') {
			fl |= TF_VAR | TF_VARSTART;
			j++;
		}
		dst->w[dst->m] = parse_num(s, e, &j);
		dst->fl[dst->m++] = fl;
	}
	dst->ntitle = 0;
	for (j = 0; j < dst->m && (dst->fl[j] & TF_OPT) &&
	    dst->ntitle < TITLE_WORDS; j++)
		dst->title[dst->ntitle++] = dst->w[j];
}

/* Read a whole file into sb, at most max bytes (0: all). */
static int
read_file(const char *path, struct strbuf *sb, int quiet)
{
	FILE *f;
	char buf[65536];
	size_t got;

	if ((f = fopen(path, "rb")) == NULL) {
		if (!quiet)
			ec_error("%s: %s", path, strerror(errno));
		return -1;
	}
	while ((got = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(sb, buf, got);
	if (ferror(f)) {
		fclose(f);
		return ec_error("%s: %s", path, strerror(errno));
	}
	fclose(f);
	return 0;
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Load every dir/ID.txt. */
static int
load_texts(struct license_corpus *c, const char *dir)
{
	DIR *d;
	struct dirent *e;
	struct strvec names = STRVEC_INIT;
	struct strbuf sb = STRBUF_INIT, path = STRBUF_INIT;
	struct toks t = { NULL, 0, 0, STRBUF_INIT };
	size_t i, len;
	int ret;

	if ((d = opendir(dir)) == NULL)
		return ec_error("%s: %s", dir, strerror(errno));
	while ((e = readdir(d)) != NULL) {
		len = strlen(e->d_name);
		if (len > 4 && strcmp(e->d_name + len - 4, ".txt") == 0 &&
		    e->d_name[0] != '.')
			strvec_push(&names, e->d_name);
	}
	closedir(d);
	if (names.n > 0)
		qsort(names.v, names.n, sizeof(*names.v), cmp_names);
	ret = 0;
	for (i = 0; i < names.n; i++) {
		strbuf_reset(&sb);
		strbuf_reset(&path);
		strbuf_addf(&path, "%s/%s", dir, names.v[i]);
		if (read_file(path.buf, &sb, 0) < 0) {
			ret = -1;
			break;
		}
		t.n = 0;
		strbuf_reset(&t.words);
		tokenize(sb.buf, sb.len, 1, &t);
		second_pass(sb.buf, sb.len, &t);
		names.v[i][strlen(names.v[i]) - 4] = '\0';
		lic_from_toks(c, names.v[i], &t);
	}
	if (ret == 0 && c->nl == 0)
		ret = ec_error("%s: no license texts", dir);
	free(t.v);
	strbuf_release(&t.words);
	strbuf_release(&sb);
	strbuf_release(&path);
	strvec_clear(&names);
	return ret;
}

/* Parse a decimal number at s[*i], moving *i past it. */
static uint32_t
parse_num(const char *s, size_t e, size_t *i)
{
	uint32_t v;

	for (v = 0; *i < e && s[*i] >= '0' && s[*i] <= '9'; (*i)++)
		v = v * 10 + (uint32_t)(s[*i] - '0');
	return v;
}

/*
 * Load corpus.tok (written by license_corpus_dump()): a first line
 * "W word1 word2..." giving the words their ids from 1 in order, then
 * for each template a line "=ID" and a line of word ids, each prefixed
 * with '?' (optional), '$' (variable) or '^' (first word of a variable)
 * when it is one.
 */
static int
load_tok(struct license_corpus *c, const char *s, size_t n)
{
	const char *p;
	size_t i, j, k, e, len;
	struct lic *l;
	uint32_t id;

	l = NULL;
	if (n < 2 || s[0] != 'W' || s[1] != ' ')
		return ec_error("corpus.tok: no word list");
	for (e = 2; e < n && s[e] != '\n'; e++)
		;
	dict_load(&c->d, s + 2, e - 2);
	for (i = e + 1; i < n; i = e + 1) {
		if ((p = memchr(s + i, '\n', n - i)) != NULL)
			e = (size_t)(p - s);
		else
			e = n;
		if (s[i] == '=') {
			XGROW(c->l, c->nl + 1, c->alloc);
			l = &c->l[c->nl++];
			memset(l, 0, sizeof(*l));
			for (j = i + 1; j < e && s[j] != ' '; j++)
				;
			l->id = xstrndup(s + i + 1, j - i - 1);
			j++;
			l->m = parse_num(s, e, &j);
			j++;
			l->fixed = parse_num(s, e, &j);
			while (j < e && l->nanchors < ANCHORS) {
				j++;
				l->apos[l->nanchors] = parse_num(s, e, &j);
				for (k = 0; k < SHINGLE; k++) {
					j++;
					id = parse_num(s, e, &j);
					if (id == 0 || id >= c->d.n)
						return ec_error("corpus.tok: "
						    "bad word id");
					l->anchor[l->nanchors][k] = id;
				}
				l->nanchors++;
			}
			len = strlen(l->id);
			if (len > 5 && strcmp(l->id + len - 5, "-only") == 0)
				l->later = xasprintf("%.*s-or-later",
				    (int)(len - 5), l->id);
			continue;
		}
		if (l == NULL || l->line != NULL)
			return ec_error("corpus.tok: words without an id");
		l->line = s + i;
		l->linelen = e - i;
	}
	return c->nl == 0 ? ec_error("corpus.tok: no license texts") : 0;
}

int
license_corpus_dump(const char *dir, struct strbuf *out)
{
	struct license_corpus *c;
	struct lic *l;
	size_t i, j;

	c = xcalloc(1, sizeof(*c));
	if (load_texts(c, dir) < 0) {
		license_corpus_free(c);
		return -1;
	}
	strbuf_addch(out, 'W');
	for (j = 1; j < c->d.n; j++) {
		strbuf_addch(out, ' ');
		strbuf_addstr(out, c->d.text.buf + c->d.off[j]);
	}
	strbuf_addch(out, '\n');
	for (i = 0; i < c->nl; i++) {
		l = &c->l[i];
		lic_finish(l);
		strbuf_addf(out, "=%s %zu %zu", l->id, l->m, l->fixed);
		for (j = 0; j < l->nanchors; j++)
			strbuf_addf(out, " %zu %u %u %u %u", l->apos[j],
			    l->anchor[j][0], l->anchor[j][1], l->anchor[j][2],
			    l->anchor[j][3]);
		strbuf_addch(out, '\n');
		for (j = 0; j < l->m; j++) {
			if (j > 0)
				strbuf_addch(out, ' ');
			if (l->fl[j] & TF_OPT)
				strbuf_addch(out, '?');
			if (l->fl[j] & TF_VARSTART)
				strbuf_addch(out, '^');
			else if (l->fl[j] & TF_VAR)
				strbuf_addch(out, '$');
			strbuf_addf(out, "%u", l->w[j]);
		}
		strbuf_addch(out, '\n');
	}
	license_corpus_free(c);
	return 0;
}

int
license_corpus_load(struct license_corpus **cp, const char *dir)
{
	struct license_corpus *c;
	struct strbuf path = STRBUF_INIT;
	size_t i;
	int ret;

	c = xcalloc(1, sizeof(*c));
	strbuf_init(&c->tok);
	strbuf_addf(&path, "%s/corpus.tok", dir);
	if (read_file(path.buf, &c->tok, 1) < 0 &&
	    license_corpus_dump(dir, &c->tok) < 0)
		ret = -1;
	else
		ret = load_tok(c, c->tok.buf, c->tok.len);
	strbuf_release(&path);
	if (ret < 0) {
		license_corpus_free(c);
		*cp = NULL;
		return -1;
	}
	c->weak = xcalloc(c->d.n + 1, 1);
	for (i = 1; i < c->d.n; i++)
		c->weak[i] = is_bullet_word(c->d.text.buf + c->d.off[i],
		    (i + 1 < c->d.n ? c->d.off[i + 1] : c->d.text.len) -
		    c->d.off[i] - 1);
	*cp = c;
	return 0;
}

void
license_corpus_free(struct license_corpus *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->nl; i++) {
		free(c->l[i].id);
		free(c->l[i].later);
		free(c->l[i].w);
		free(c->l[i].fl);
	}
	free(c->l);
	strbuf_release(&c->tok);
	free(c->weak);
	free(c->d.slot);
	free(c->d.off);
	strbuf_release(&c->d.text);
	free(c);
}

size_t
license_corpus_count(const struct license_corpus *c)
{
	return c->nl;
}

const char *
license_corpus_later(const struct license_corpus *c, const char *id)
{
	size_t i;

	for (i = 0; c != NULL && i < c->nl; i++)
		if (strcmp(c->l[i].id, id) == 0)
			return c->l[i].later;
	return NULL;
}

char *
license_corpus_dir(void)
{
	struct strvec sv = STRVEC_INIT;
	char *dir;

	datadir_search_path("rules", &sv);
	dir = xasprintf("%s/licenses", sv.n > 0 ? sv.v[0] : ".");
	strvec_clear(&sv);
	return dir;
}

static uint32_t
shingle(const uint32_t *w)
{
	uint32_t h;
	int i;

	h = 2166136261u;
	for (i = 0; i < SHINGLE; i++)
		h = (h ^ w[i]) * 16777619u;
	return h;
}

/* Normalise the text and index its words and shingles. */
static void
input_build(const struct license_corpus *c, const char *s, size_t n,
    struct input *in)
{
	struct toks t = { NULL, 0, 0, STRBUF_INIT };
	struct strbuf w = STRBUF_INIT;
	size_t *keep, i, off, len, h;

	memset(in, 0, sizeof(*in));
	if (n > LICENSE_MAX_BYTES)
		n = LICENSE_MAX_BYTES;
	tokenize(s, n, 0, &t);
	second_pass(s, n, &t);
	keep = xreallocarray(NULL, t.n + 1, sizeof(*keep));
	fold_words(&t, &w, keep, &in->n);
	in->w = xreallocarray(NULL, in->n + 1, sizeof(*in->w));
	in->start = xreallocarray(NULL, in->n + 1, sizeof(*in->start));
	in->end = xreallocarray(NULL, in->n + 1, sizeof(*in->end));
	in->url = xmalloc(in->n + 1);
	for (i = 0, off = 0; i < in->n; i++) {
		len = strlen(w.buf + off);
		in->w[i] = dict_get(&c->d, w.buf + off, len);
		in->start[i] = t.v[keep[i]].start;
		in->end[i] = t.v[keep[i]].end;
		in->url[i] = (t.v[keep[i]].flags & TF_URL) != 0;
		off += len + 1;
	}
	for (in->hsize = 64; in->hsize < in->n * 2; in->hsize *= 2)
		;
	in->head = xcalloc(in->hsize, sizeof(*in->head));
	in->next = xcalloc(in->n + 1, sizeof(*in->next));
	in->count = xcalloc((size_t)c->d.n + 1, sizeof(*in->count));
	for (i = in->n; i-- > 0;) {
		if (i + SHINGLE > in->n)
			continue;
		h = shingle(in->w + i) & (in->hsize - 1);
		in->next[i] = in->head[h];
		in->head[h] = (uint32_t)i + 1;
	}
	free(keep);
	free(t.v);
	strbuf_release(&t.words);
	strbuf_release(&w);
}

static void
input_free(struct input *in)
{
	free(in->w);
	free(in->start);
	free(in->end);
	free(in->url);
	free(in->head);
	free(in->next);
	free(in->count);
}

/* Whether all n words are list numbers ("2", "a", "iv"). */
static int
all_weak(const struct license_corpus *c, const uint32_t *w, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (w[i] == NO_WORD || !c->weak[w[i]])
			return 0;
	return 1;
}

/* Whether all n words are words of the template's title. */
static int
all_title(const struct lic *l, const uint32_t *w, size_t n)
{
	size_t i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < l->ntitle && l->title[j] != w[i]; j++)
			;
		if (j == l->ntitle)
			return 0;
	}
	return 1;
}

/*
 * Score one change: template words [p0, p1) taken out, window words
 * b[t0, t1) put in. lead/trail: the change is before or after all
 * that matched, so words put in there are not the license's. Free:
 * optional words taken out; up to a variable's length plus VAR_SLACK
 * words put in next to it; list numbers only taken out or only put in;
 * a repeated title (up to TITLE_WORDS of its words) put in.
 */
static void
hunk(const struct license_corpus *c, const struct lic *l, const uint32_t *b,
    size_t p0, size_t p1, size_t t0, size_t t1, int lead, int trail,
    struct cand *cd)
{
	size_t i, del, ins, slack, lo, hi;
	int var;

	del = 0;
	for (i = p0; i < p1; i++)
		if (!(l->fl[i] & (TF_OPT | TF_VAR)))
			del++;
	ins = (lead || trail) ? 0 : t1 - t0;
	if (ins > 0 && del == 0 && (all_weak(c, b + t0, ins) ||
	    (ins <= TITLE_WORDS && all_title(l, b + t0, ins))))
		ins = 0;
	if (del > 0 && ins == 0 && all_weak(c, l->w + p0, p1 - p0))
		del = 0;
	lo = p0 > 0 ? p0 - 1 : 0;
	hi = p1 < l->m ? p1 + 1 : l->m;
	var = 0;
	slack = 0;
	for (i = lo; i < hi; i++) {
		if (l->fl[i] & TF_VAR) {
			var = 1;
			slack++;
		}
	}
	if (var)
		ins = ins > slack + VAR_SLACK ? ins - slack - VAR_SLACK : 0;
	i = del > ins ? del : ins;
	cd->changed += i;
	if (i > cd->maxhunk)
		cd->maxhunk = i;
}

/*
 * Diff the template with the text words [ws, we) (Myers' O(ND) diff,
 * at most max_d edits) and score it into cd. Returns -1 when the diff
 * needs more edits than that.
 */
static int
diff_at(const struct license_corpus *c, const struct lic *l,
    const struct input *in, size_t ws, size_t we, struct cand *cd)
{
	long m, n, d, maxd, off;
	long *v, *trace, *snk;
	size_t nsnk;

	m = (long)l->m;
	n = (long)(we - ws);
	maxd = 60 + m / 40;
	if (maxd > MAX_D)
		maxd = MAX_D;
	if (edits_at_least(l->w, m, in->w + ws, n, in->count) > maxd)
		return -1;
	off = maxd + 1;
	v = xcalloc(2 * off + 1, sizeof(*v));
	trace = xreallocarray(NULL, (size_t)(maxd + 1) * (2 * off + 1),
	    sizeof(*trace));
	d = diff_forward(l->w, m, in->w + ws, n, maxd, v, trace);
	free(v);
	if (d < 0) {
		free(trace);
		return -1;
	}
	snk = xreallocarray(NULL, (size_t)(d + 1) * 3, sizeof(*snk));
	nsnk = diff_snakes(trace, off, d, m, n, snk);
	diff_score(c, l, in->w + ws, ws, n, snk, nsnk, cd);
	free(trace);
	free(snk);
	return 0;
}

/*
 * A lower bound of the edits a diff of a[0, m) and b[0, n) needs, found
 * in O(m + n) where the diff takes O((m + n) D): every word that one
 * side has more often than the other is inserted or deleted. count has
 * a slot for every word id and is all zero on entry and on return.
 */
static long
edits_at_least(const uint32_t *a, long m, const uint32_t *b, long n,
    int32_t *count)
{
	long i, d;

	for (i = 0; i < m; i++)
		count[a[i]]++;
	for (i = 0; i < n; i++)
		count[b[i]]--;
	d = 0;
	for (i = 0; i < m; i++) {
		d += labs((long)count[a[i]]);
		count[a[i]] = 0;
	}
	for (i = 0; i < n; i++) {
		d += labs((long)count[b[i]]);
		count[b[i]] = 0;
	}
	return d;
}

/*
 * Myers' forward pass over a[0, m) and b[0, n): the number of edits, or
 * -1 when more than maxd. v holds the furthest x of each diagonal;
 * trace gets a copy of v after each number of edits.
 */
static long
diff_forward(const uint32_t *a, long m, const uint32_t *b, long n,
    long maxd, long *v, long *trace)
{
	long d, k, x, y, off;
	size_t tpos;

	off = maxd + 1;
	tpos = 0;
	for (d = 0; d <= maxd; d++) {
		for (k = -d; k <= d; k += 2) {
			if (k == -d || (k != d && v[off + k - 1] < v[off + k + 1]))
				x = v[off + k + 1];
			else
				x = v[off + k - 1] + 1;
			y = x - k;
			while (x < m && y < n && a[x] == b[y]) {
				x++;
				y++;
			}
			v[off + k] = x;
			if (x >= m && y >= n) {
				memcpy(trace + tpos, v,
				    (2 * off + 1) * sizeof(*v));
				return d;
			}
		}
		memcpy(trace + tpos, v, (2 * off + 1) * sizeof(*v));
		tpos += 2 * off + 1;
	}
	return -1;
}

/*
 * Walk the trace of a diff of d edits back from (m, n) and put its
 * snakes (runs of equal words) in snk as (x, y, length), last first;
 * returns how many.
 */
static size_t
diff_snakes(const long *trace, long off, long d, long m, long n, long *snk)
{
	const long *pv;
	long k, x, y, px, pk, mx;
	size_t nsnk;

	nsnk = 0;
	x = m;
	y = n;
	for (; d > 0; d--) {
		pv = trace + (size_t)(d - 1) * (2 * off + 1);
		k = x - y;
		if (k == -d || (k != d && pv[off + k - 1] < pv[off + k + 1]))
			pk = k + 1;
		else
			pk = k - 1;
		px = pv[off + pk];
		mx = pk == k + 1 ? px : px + 1;
		if (x > mx) {
			snk[nsnk * 3] = mx;
			snk[nsnk * 3 + 1] = mx - k;
			snk[nsnk * 3 + 2] = x - mx;
			nsnk++;
		}
		x = px;
		y = px - pk;
	}
	if (x > 0) {
		snk[nsnk * 3] = 0;
		snk[nsnk * 3 + 1] = 0;
		snk[nsnk * 3 + 2] = x;
		nsnk++;
	}
	return nsnk;
}

/*
 * Score into cd the diff of template l with the n text words b, which
 * start at text word ws, from its nsnk snakes (last first).
 */
static void
diff_score(const struct license_corpus *c, const struct lic *l,
    const uint32_t *b, size_t ws, long n, const long *snk, size_t nsnk,
    struct cand *cd)
{
	long m, sx, sy, ex, ey;
	size_t i;

	m = (long)l->m;
	cd->changed = 0;
	cd->maxhunk = 0;
	ex = 0;
	ey = 0;
	for (i = nsnk; i-- > 0;) {
		sx = snk[i * 3];
		sy = snk[i * 3 + 1];
		if (sx > ex || sy > ey)
			hunk(c, l, b, ex, sx, ey, sy, i == nsnk - 1, 0, cd);
		if (i == nsnk - 1)
			cd->ws = ws + sy;
		ex = sx + snk[i * 3 + 2];
		ey = sy + snk[i * 3 + 2];
	}
	if (ex < m || ey < n)
		hunk(c, l, b, ex, m, ey, n, nsnk == 0, 1, cd);
	cd->we = ws + ey;
	if (nsnk == 0) {
		cd->ws = ws;
		cd->we = ws;
	}
	cd->l = l;
	cd->score = l->fixed == 0 ? 0 : (unsigned)((l->fixed -
	    (cd->changed < l->fixed ? cd->changed : l->fixed)) * 1000 /
	    l->fixed);
	cd->match = nsnk > 0 && cd->changed <= 1 + l->fixed / 500 &&
	    cd->maxhunk <= 2;
}

/* Whether a is a better answer than b. */
static int
better(const struct cand *a, const struct cand *b)
{
	if (b->l == NULL)
		return a->l != NULL;
	if (a->match != b->match)
		return a->match;
	if (a->score != b->score)
		return a->score > b->score;
	if (a->l->fixed != b->l->fixed)
		return a->l->fixed > b->l->fixed;
	return a->ws < b->ws;
}

/* Whether the shingle w occurs in the text words [lo, hi); *at: first. */
static int
occurs(const struct input *in, const uint32_t *w, size_t lo, size_t hi,
    size_t *at)
{
	uint32_t pos;

	if (in->n < SHINGLE)
		return 0;
	for (pos = in->head[shingle(w) & (in->hsize - 1)]; pos != 0;
	    pos = in->next[pos - 1]) {
		if (pos - 1 >= lo && pos - 1 < hi && memcmp(in->w + pos - 1, w,
		    SHINGLE * sizeof(*w)) == 0) {
			*at = pos - 1;
			return 1;
		}
	}
	return 0;
}

/*
 * Look for template src in the text words [lo, hi): find where its
 * anchors are, and its last fixed shingle, and diff the window between.
 */
static int
try_license(const struct license_corpus *c, const struct lic *src,
    const struct input *in, size_t lo, size_t hi, struct cand *best,
    int prune)
{
	struct lic l;
	struct cand cd;
	size_t a, b, t, ws, we, tries, k0, nfound;
	uint32_t pos, h;

	if ((nfound = anchors_found(src, in, lo, hi, &k0)) == 0)
		return 0;
	/*
	 * A match changes at most 1 + m/500 words in hunks of at most two,
	 * and the anchors are spaced further apart than a shingle and a
	 * hunk: each hunk breaks one anchor at most. With fewer anchors
	 * found than that leaves, the template cannot match here.
	 */
	if (prune && nfound + 2 + src->m / 500 < src->nanchors)
		return 1;
	lic_parse(src, &l);
	a = src->apos[k0];
	b = last_fixed(&l, a);
	h = shingle(l.w + a) & (in->hsize - 1);
	tries = 0;
	for (pos = in->head[h]; pos != 0 && tries < MAX_TRIES;
	    pos = in->next[pos - 1]) {
		t = pos - 1;
		if (t < lo || t >= hi || memcmp(in->w + t, l.w + a,
		    SHINGLE * sizeof(*l.w)) != 0)
			continue;
		tries++;
		ws = t >= lo + a ? t - a : lo;
		we = window_end(in, &l, ws, t, a, b, hi);
		memset(&cd, 0, sizeof(cd));
		if (diff_at(c, &l, in, ws, we, &cd) == 0) {
			cd.l = src;
			if (better(&cd, best))
				*best = cd;
		}
		if (best->match && best->l == src)
			break;
	}
	if (best->l == NULL)
		anchor_guess(src, nfound, lo, best);
	free(l.w);
	free(l.fl);
	return 0;
}

/* How many of src's anchors are in the text words [lo, hi); *k0: the first. */
static size_t
anchors_found(const struct lic *src, const struct input *in, size_t lo,
    size_t hi, size_t *k0)
{
	size_t i, t, nfound;

	nfound = 0;
	*k0 = ANCHORS;
	for (i = 0; i < src->nanchors; i++) {
		if (occurs(in, src->anchor[i], lo, hi, &t)) {
			nfound++;
			if (*k0 == ANCHORS)
				*k0 = i;
		}
	}
	return nfound;
}

/* Where the template's last shingle of fixed words after a starts, or a. */
static size_t
last_fixed(const struct lic *l, size_t a)
{
	size_t b, i;

	for (b = l->m - SHINGLE; b > a; b--) {
		for (i = b; i < b + SHINGLE; i++)
			if (l->fl[i] & (TF_OPT | TF_VAR))
				break;
		if (i == b + SHINGLE)
			break;
	}
	return b;
}

/*
 * The end (at most hi) of the window to diff with template l, whose
 * anchor a is at text word t and whose window starts at ws: l's words
 * after its shingle b, from where the text has b nearest to where it
 * should be; without one, l's length and a tenth from ws.
 */
static size_t
window_end(const struct input *in, const struct lic *l, size_t ws, size_t t,
    size_t a, size_t b, size_t hi)
{
	size_t e, we, want, dist, bestdist;

	we = 0;
	bestdist = 0;
	want = t + (b - a);
	for (e = in->head[shingle(l->w + b) & (in->hsize - 1)]; e != 0;
	    e = in->next[e - 1]) {
		if (e - 1 < t + (b - a) / 2 || e - 1 >= hi ||
		    e - 1 > want + (b - a) + 64 ||
		    memcmp(in->w + e - 1, l->w + b,
		    SHINGLE * sizeof(*l->w)) != 0)
			continue;
		dist = e - 1 > want ? e - 1 - want : want - (e - 1);
		if (we == 0 || dist < bestdist) {
			we = e - 1 + (l->m - b);
			bestdist = dist;
		}
	}
	if (we == 0)
		we = ws + l->m + l->m / 10;
	return we > hi ? hi : we;
}

/* No diff came close: a guess for src from the share of anchors found. */
static void
anchor_guess(const struct lic *src, size_t nfound, size_t lo,
    struct cand *best)
{
	memset(best, 0, sizeof(*best));
	best->l = src;
	best->score = (unsigned)(nfound * 500 / src->nanchors);
	best->ws = lo;
	best->we = lo;
}

/* The best answer for the text words [lo, hi). */
static void
find_best(const struct license_corpus *c, const struct input *in, size_t lo,
    size_t hi, int guess, struct cand *best)
{
	struct lic l;
	size_t i;
	char *skipped;
	int same;

	memset(best, 0, sizeof(*best));
	if (hi == lo)
		return;
	for (i = 0; lo == 0 && hi == in->n && i < c->nl; i++) {
		if (c->l[i].m != in->n)
			continue;
		lic_parse(&c->l[i], &l);
		same = memcmp(l.w, in->w, in->n * sizeof(*in->w)) == 0;
		free(l.w);
		free(l.fl);
		if (same) {
			best->l = &c->l[i];
			best->score = 1000;
			best->match = 1;
			best->ws = 0;
			best->we = in->n;
			return;
		}
	}
	/*
	 * First the templates that can match; only when none does, and a
	 * guess is wanted, the others, for the nearest guess.
	 */
	skipped = xcalloc(c->nl, 1);
	for (i = 0; i < c->nl; i++)
		skipped[i] = (char)try_license(c, &c->l[i], in, lo, hi, best,
		    1);
	for (i = 0; guess && !best->match && i < c->nl; i++)
		if (skipped[i])
			try_license(c, &c->l[i], in, lo, hi, best, 0);
	free(skipped);
}

static void
found(const struct input *in, const struct cand *cd, int later,
    struct license_found *f)
{
	memset(f, 0, sizeof(*f));
	if (cd->l == NULL)
		return;
	f->id = later && cd->l->later != NULL ? cd->l->later : cd->l->id;
	f->score = cd->score;
	f->changed = cd->changed;
	if (cd->we > cd->ws) {
		f->start = in->start[cd->ws];
		f->end = in->end[cd->we - 1];
	}
}

/* Whether words [lo, hi) say "any later version". */
static int
says_later(const struct license_corpus *c, const struct input *in, size_t lo,
    size_t hi)
{
	uint32_t any, later, version;
	size_t i;

	any = dict_get(&c->d, "any", 3);
	later = dict_get(&c->d, "later", 5);
	version = dict_get(&c->d, "version", 7);
	for (i = lo; i + 3 <= hi; i++)
		if (in->w[i] == any && in->w[i + 1] == later &&
		    in->w[i + 2] == version && any != NO_WORD)
			return 1;
	return 0;
}

/*
 * Append to all (*n so far, at most LICENSE_MAX_OTHERS + 1) every whole
 * license in the text words [lo, hi), in the order of the text.
 */
static void
collect(const struct license_corpus *c, const struct input *in, size_t lo,
    size_t hi, struct cand *all, size_t *n)
{
	struct cand best;

	if (hi <= lo || *n >= LICENSE_MAX_OTHERS + 1)
		return;
	find_best(c, in, lo, hi, 0, &best);
	if (!best.match || best.we <= best.ws)
		return;
	collect(c, in, lo, best.ws, all, n);
	if (*n < LICENSE_MAX_OTHERS + 1)
		all[(*n)++] = best;
	collect(c, in, best.we, hi, all, n);
}

int
license_identify(const struct license_corpus *c, const char *s, size_t n,
    struct license_result *r)
{
	struct input in;
	struct cand main, *all;
	size_t i, text, nall;
	int later;

	memset(r, 0, sizeof(*r));
	input_build(c, s, n, &in);
	r->words = in.n;
	text = 0;
	for (i = 0; i < in.n; i++)
		text += !in.url[i];
	if (text == 0) {
		r->kind = LICENSE_NONE;
		input_free(&in);
		return 0;
	}
	find_best(c, &in, 0, in.n, 1, &main);
	if (!main.match) {
		r->kind = LICENSE_NOASSERTION;
		found(&in, &main, 0, &r->main);
		input_free(&in);
		return 0;
	}
	/* Every whole license, in the order of the text. */
	all = xcalloc(LICENSE_MAX_OTHERS + 1, sizeof(*all));
	nall = 0;
	collect(c, &in, 0, main.ws, all, &nall);
	if (nall < LICENSE_MAX_OTHERS + 1)
		all[nall++] = main;
	collect(c, &in, main.we, in.n, all, &nall);
	r->kind = LICENSE_MATCH;
	later = all[0].l->later != NULL && says_later(c, &in, 0, all[0].ws);
	found(&in, &all[0], later, &r->main);
	r->others = xcalloc(LICENSE_MAX_OTHERS, sizeof(*r->others));
	for (i = 1; i < nall; i++)
		found(&in, &all[i], 0, &r->others[r->nothers++]);
	free(all);
	input_free(&in);
	return 0;
}

void
license_result_release(struct license_result *r)
{
	free(r->others);
	r->others = NULL;
	r->nothers = 0;
}

/* The length of an id without "-only", "-or-later" or a final "+". */
static size_t
id_base_len(const char *id, size_t n)
{
	if (n > 5 && strncasecmp(id + n - 5, "-only", 5) == 0)
		return n - 5;
	if (n > 9 && strncasecmp(id + n - 9, "-or-later", 9) == 0)
		return n - 9;
	if (n > 1 && id[n - 1] == '+')
		return n - 1;
	return n;
}

int
license_same_id(const char *a, size_t na, const char *b)
{
	size_t nb;

	na = id_base_len(a, na);
	nb = id_base_len(b, strlen(b));
	return na == nb && strncasecmp(a, b, na) == 0;
}

/* An SPDX idstring character, and ':' of DocumentRef-x:LicenseRef-y. */
static int
id_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' ||
	    c == ':';
}

size_t
license_expr_next(const char *s, size_t n, size_t *pos, const char **id)
{
	size_t i, j;
	int after_with;

	after_with = 0;
	for (i = *pos;; i = j) {
		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '(' ||
		    s[i] == ')'))
			i++;
		for (j = i; j < n && id_char((unsigned char)s[j]); j++)
			;
		if (j == i) {
			*pos = n;
			return 0;
		}
		if ((j - i == 3 && strncasecmp(s + i, "and", 3) == 0) ||
		    (j - i == 2 && strncasecmp(s + i, "or", 2) == 0))
			after_with = 0;
		else if (j - i == 4 && strncasecmp(s + i, "with", 4) == 0)
			after_with = 1;
		else if (after_with)
			after_with = 0;
		else {
			*pos = j;
			*id = s + i;
			return j - i;
		}
	}
}
