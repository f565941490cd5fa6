/* unit-prose.c: the prose of a Markdown text and passages of clues */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "read/markdown.h"
#include "read/prose.h"
#include "strbuf.h"
#include "tap.h"

static const char *
blank(const char *in)
{
	static struct strbuf sb = STRBUF_INIT;
	struct md_doc doc;

	md_parse(in, strlen(in), &doc);
	prose_blank(in, strlen(in), &doc, &sb);
	md_doc_free(&doc);
	return sb.buf;
}

static void
test_blank(void)
{
	const char *in;

	in = "Fix bugs.\n```sh\nbug\n```\nok\n";
	is_str(blank(in), "Fix bugs.\n     \n   \n   \nok\n",
	    "a fenced block is blanked, its lines kept");
	is_str(blank("  1. a\n     ~~~~\n     x\n     ~~~~\nb"),
	    "  1. a\n         \n      \n         \nb",
	    "a fence indented in a list item too");
	is_str(blank("- a\n\n  ```\n  x\n\nbug\n"),
	    "- a\n\n     \n   \n\nbug\n",
	    "a fence left open ends with its list item, as cmark has it");
	is_str(blank("a\n\n    bug\n\nb\n"), "a\n\n       \n\nb\n",
	    "an indented code block is code too");
	is_str(blank("````\n```\nbug\n````\nok\n"),
	    "    \n   \n   \n    \nok\n",
	    "a ``` line does not close a ```` fence");
	is_str(blank("a `bug` b ``x ` y`` c"), "a       b           c",
	    "code spans are blanked");
	is_str(blank("a `open"), "a `open", "an unclosed backtick stays");
	is_str(blank("x <!-- bug\nfeature --> y"),
	    "x         \n            y", "comments over lines are blanked");
	is_str(blank("see [bugs](https://x/labels/bug) now"),
	    "see [bugs]                       now",
	    "a link keeps its text, not its destination");
	is_str(blank("go https://x.io/feature now"),
	    "go                      now", "bare URLs are blanked");
	is_str(blank("<a href=\"feature\">bugs</a>"),
	    "                  bugs    ", "tags are blanked, not their text");
	is_str(blank("a\r\n```\r\nbug\r\n```\r\nb"), "a\r\n   \r\n   \r\n   \r\nb",
	    "CRLF lines");
}

static void
test_lines(void)
{
	size_t *st, n;
	const char *t = "a\nb\r\nc\rd";

	st = prose_line_starts(t, strlen(t), &n);
	is_int(n, 4, "LF, CRLF and CR each end a line");
	is_int(prose_line_of(st, n, 0), 1, "offset 0 is line 1");
	is_int(prose_line_of(st, n, 3), 2, "the CR of a CRLF is its line's");
	is_int(prose_line_of(st, n, 5), 3, "after CRLF");
	is_int(prose_line_of(st, n, 7), 4, "after a lone CR");
	free(st);
}

static void
test_best(void)
{
	struct prose_hit h[6];
	size_t first, count;

	memset(h, 0, sizeof(h));
	is_int(prose_best(h, 0, 12, &first, &count), 0, "no hits: none");
	h[0].line = 40; h[0].chunk = 2; h[0].clue = 1;
	h[1].line = 5; h[1].chunk = 1; h[1].clue = 0;
	h[2].line = 7; h[2].chunk = 1; h[2].clue = 2;
	h[3].line = 9; h[3].chunk = 1; h[3].clue = 2;
	h[4].line = 30; h[4].chunk = 1; h[4].clue = 1;
	h[5].line = 41; h[5].chunk = 3; h[5].clue = 0;
	is_int(prose_best(h, 6, 12, &first, &count), 2,
	    "a repeated clue counts once; far lines and other chunks apart");
	is_int(h[first].line, 5, "the passage starts at its first hit");
	is_int(count, 3, "and holds the hits within the span");
	is_int(prose_best(h, 6, 30, &first, &count), 3,
	    "a wider span joins more of the chunk");
}

int
main(void)
{
	test_blank();
	test_lines();
	test_best();
	return done_testing();
}
