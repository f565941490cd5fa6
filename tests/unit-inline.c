/* unit-inline.c: the inline-markup recogniser, and where it agrees with cmark */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmark.h>

#include "read/inline.h"
#include "strbuf.h"
#include "tap.h"

struct want {
	const char	*in;
	enum inline_kind kind;		/* INLINE_NONE: no piece at 0 */
	const char	*text;		/* what a reader sees, or NULL */
	const char	*dest;		/* destination or tag name, or NULL */
	size_t		 len;		/* the piece's length; 0: all of in */
};

static const struct want wants[] = {
	{ "*a*", INLINE_EMPH, "", NULL, 1 },
	{ "** a", INLINE_NONE, NULL, NULL, 0 },
	{ "_a_", INLINE_EMPH, "", NULL, 1 },
	{ "\\*", INLINE_ESCAPE, "*", NULL, 0 },
	{ "\\a", INLINE_NONE, NULL, NULL, 0 },
	{ "`a`", INLINE_CODE, "a", NULL, 0 },
	{ "`` a`b ``", INLINE_CODE, "a`b", NULL, 0 },
	{ "``a`", INLINE_NONE, NULL, NULL, 0 },
	{ "[a](b)", INLINE_LINK, "a", "b", 0 },
	{ "[a](<b c>)", INLINE_LINK, "a", "b c", 0 },
	{ "[a](b \"t\")", INLINE_LINK, "a", "b", 0 },
	{ "[a](b(c))", INLINE_LINK, "a", "b(c)", 0 },
	{ "[a](b c)", INLINE_LINK, "a", "", 3 },
	{ "[a [b] c](d)", INLINE_LINK, "a [b] c", "d", 0 },
	{ "[a][b]", INLINE_LINK, "a", "b", 0 },
	{ "![a](b)", INLINE_IMAGE, "a", "b", 0 },
	{ "[a", INLINE_NONE, NULL, NULL, 0 },
	{ "<https://x.org/a>", INLINE_AUTOLINK, "https://x.org/a", NULL, 0 },
	{ "<a.b@x.org>", INLINE_AUTOLINK, "a.b@x.org", NULL, 0 },
	{ "<a href=\"x>y\">", INLINE_TAG, "", "a", 0 },
	{ "</em >", INLINE_TAG, "", "em", 0 },
	{ "<br/>", INLINE_TAG, "", "br", 0 },
	{ "<name of author>", INLINE_TAG, "", "name", 0 },
	{ "<a b's>", INLINE_NONE, NULL, NULL, 0 },
	{ "< a>", INLINE_NONE, NULL, NULL, 0 },
	{ "<!-- x -->", INLINE_TAG, "", NULL, 0 },
	{ "<!-- a -- b -->", INLINE_NONE, NULL, NULL, 0 },
	{ "<?php x ?>", INLINE_TAG, "", NULL, 0 },
	{ "<!DOCTYPE html>", INLINE_TAG, "", NULL, 0 },
	{ "&amp;", INLINE_ENTITY, "&amp;", NULL, 0 },
	{ "&#39;", INLINE_ENTITY, "&#39;", NULL, 0 },
	{ "&#x1F680;", INLINE_ENTITY, "&#x1F680;", NULL, 0 },
	{ "&#12345678;", INLINE_NONE, NULL, NULL, 0 },
	{ "&x;", INLINE_NONE, NULL, NULL, 0 },
	{ "&amp", INLINE_NONE, NULL, NULL, 0 },
};

static char *
span(const char *s, size_t a, size_t b)
{
	static char buf[256];

	snprintf(buf, sizeof(buf), "%.*s", (int)(b - a), s + a);
	return buf;
}

static void
test_pieces(void)
{
	const struct want *w;
	struct inline_piece p;
	size_t i, n;
	int found;

	for (i = 0; i < sizeof(wants) / sizeof(wants[0]); i++) {
		w = &wants[i];
		n = strlen(w->in);
		found = inline_at(w->in, n, 0, &p);
		if (w->kind == INLINE_NONE) {
			ok(!found, "no piece in '%s'", w->in);
			continue;
		}
		ok(found && p.kind == w->kind && p.end == (w->len ? w->len : n),
		    "'%s' is a piece of kind %d, %zu bytes", w->in, (int)w->kind,
		    w->len ? w->len : n);
		if (found && w->text != NULL)
			is_str(span(w->in, p.text, p.text_end), w->text,
			    "its text");
		if (found && w->dest != NULL)
			is_str(span(w->in, p.dest, p.dest_end), w->dest,
			    "its destination or name");
	}
}

/*
 * The inline node cmark makes of what follows "x " in a paragraph (so
 * that no line starts with a tag, which would be an HTML block).
 */
static cmark_node *
second_inline(cmark_node *doc)
{
	cmark_node *para, *first;

	para = cmark_node_first_child(doc);
	first = para == NULL ? NULL : cmark_node_first_child(para);
	if (first == NULL || cmark_node_get_type(first) != CMARK_NODE_TEXT)
		return NULL;
	if (strcmp(cmark_node_get_literal(first), "x ") != 0)
		return first;	/* cmark made text of it all */
	return cmark_node_next(first);
}

/* The cmark node type a piece kind stands for (text: escapes, entities). */
static cmark_node_type
cmark_kind(enum inline_kind k)
{
	switch (k) {
	case INLINE_EMPH:
		return CMARK_NODE_EMPH;
	case INLINE_CODE:
		return CMARK_NODE_CODE;
	case INLINE_LINK:
	case INLINE_AUTOLINK:
		return CMARK_NODE_LINK;
	case INLINE_IMAGE:
		return CMARK_NODE_IMAGE;
	case INLINE_TAG:
		return CMARK_NODE_HTML_INLINE;
	default:
		return CMARK_NODE_TEXT;
	}
}

/*
 * Every piece the table names whole (emphasis runs aside, which need a
 * pair; reference links, which need a definition) is the node cmark
 * makes of it, and what cmark calls its code or URL is its text or
 * destination; and where no piece is found, cmark makes text.
 */
static void
test_cmark(void)
{
	const struct want *w;
	cmark_node *doc, *node;
	struct strbuf sb = STRBUF_INIT;
	const char *got;
	size_t i;
	int agree;

	for (i = 0; i < sizeof(wants) / sizeof(wants[0]); i++) {
		w = &wants[i];
		if (w->kind == INLINE_EMPH || strstr(w->in, "][") != NULL)
			continue;
		strbuf_reset(&sb);
		strbuf_addstr(&sb, "x ");
		strbuf_addstr(&sb, w->in);
		doc = cmark_parse_document(sb.buf, sb.len, CMARK_OPT_DEFAULT);
		node = second_inline(doc);
		agree = node != NULL && cmark_node_get_type(node) ==
		    cmark_kind(w->len == 0 ? w->kind : INLINE_NONE);
		if (agree && w->kind == INLINE_CODE)
			agree = strcmp(cmark_node_get_literal(node), w->text) == 0;
		if (agree && w->kind == INLINE_LINK && w->len == 0) {
			got = cmark_node_get_url(node);
			agree = strcmp(got, w->dest) == 0;
		}
		ok(agree, "cmark agrees on '%s'", w->in);
		cmark_node_free(doc);
	}
	strbuf_release(&sb);
}

/* Walk a text as callers do: a piece at a time, else a byte. */
static size_t
walk(const char *s, size_t n)
{
	struct inline_piece p;
	size_t i, pieces;

	for (i = 0, pieces = 0; i < n;)
		if (inline_at(s, n, i, &p)) {
			pieces++;
			i = p.end > i ? p.end : i + 1;
		} else
			i++;
	return pieces;
}

static void
test_bounded(void)
{
	static const char *units[] = { "](", "[", "<a ", "`", "![", "&#",
	    "((", "[a](" };
	struct strbuf sb = STRBUF_INIT;
	struct inline_piece p;
	clock_t t0;
	size_t u, k;
	double sec;

	for (u = 0; u < sizeof(units) / sizeof(units[0]); u++) {
		strbuf_reset(&sb);
		for (k = 0; k < 100000; k++)
			strbuf_addstr(&sb, units[u]);
		t0 = clock();
		walk(sb.buf, sb.len);
		sec = (double)(clock() - t0) / CLOCKS_PER_SEC;
		ok(sec < 2.0, "100,000 '%s' walked in %.3f s", units[u], sec);
	}
	strbuf_reset(&sb);
	strbuf_addstr(&sb, "[a](");
	for (k = 0; k < INLINE_DEST_DEPTH + 1; k++)
		strbuf_addch(&sb, '(');
	for (k = 0; k < INLINE_DEST_DEPTH + 2; k++)
		strbuf_addch(&sb, ')');
	ok(inline_at(sb.buf, sb.len, 0, &p) && p.ref && p.end == 3,
	    "a destination nesting deeper than %d is none: \"[a]\" is left",
	    INLINE_DEST_DEPTH);
	strbuf_release(&sb);
}

int
main(void)
{
	test_pieces();
	test_cmark();
	test_bounded();
	return done_testing();
}
