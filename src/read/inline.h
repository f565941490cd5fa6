/*
 * inline.h: the pieces of inline markup in Markdown text, found as cmark
 * finds them, with bounded work; the one recogniser of inline markup.
 *
 * inline_at() says whether a piece starts at s[i] and, if so, where it
 * ends and what a reader sees of it. It does not decide what a caller
 * does with a piece (drop it, blank it, keep its text); nor does it pair
 * emphasis markers or resolve link references, which need the whole
 * document: an INLINE_EMPH is a run that can open or close emphasis, an
 * INLINE_LINK with ref set is "[text][label]" or "[text]", a link when
 * the label is defined.
 *
 * As cmark has it: a code span is a run of backticks closed by the next
 * run of the same length; a link's destination nests parentheses at
 * most INLINE_DEST_DEPTH deep and holds no space unless in <...>; an HTML
 * tag is an open or closing tag, comment, processing instruction,
 * declaration or CDATA section of CommonMark's grammar; an autolink is
 * <scheme:...> or <local@domain>; an entity is &name; (1 to 32
 * characters), &#digits; (1 to 7) or &#xhex; (1 to 6), whether or not
 * the name is known. Unlike cmark, a piece spans at most INLINE_AHEAD
 * bytes (link text at most INLINE_TEXT_MAX) and never a blank line; so
 * a caller that walks a text calling inline_at() at each offset does
 * work linear in its length.
 */
#ifndef EC_READ_INLINE_H
#define EC_READ_INLINE_H

#include <stddef.h>

#define INLINE_DEST_DEPTH	32	/* nested parentheses in a destination */
#define INLINE_AHEAD		4096	/* bytes searched for a piece's end */
#define INLINE_TEXT_MAX		512	/* bytes of link text */

enum inline_kind {
	INLINE_NONE,
	INLINE_ESCAPE,		/* \ before ASCII punctuation: text is it */
	INLINE_EMPH,		/* a run of * or _ that can open or close */
	INLINE_CODE,		/* `code`: text is the code, one space trimmed */
	INLINE_LINK,		/* [text](dest "title"): text is the link
				   text, not yet stripped */
	INLINE_IMAGE,		/* ![alt](dest): text is the alt */
	INLINE_AUTOLINK,	/* <https://x.org>, <a@x.org>: text is the URL */
	INLINE_TAG,		/* <a href="x">, </a>, <!-- -->, <?x?>, <!X> */
	INLINE_ENTITY		/* &amp; &#39; &#x1F680;: text is the piece */
};

struct inline_piece {
	enum inline_kind kind;
	size_t		 start;		/* the piece: [start, end) */
	size_t		 end;
	size_t		 text;		/* what a reader sees: [text, text_end) */
	size_t		 text_end;
	size_t		 dest;		/* a link's or image's destination, a
					   tag's name: [dest, dest_end) */
	size_t		 dest_end;
	int		 ref;		/* a link or image with a label, not an
					   inline destination */
};

/*
 * If a piece of inline markup starts at s[i] (of n bytes; s[i - 1], when
 * i > 0, tells whether emphasis flanks), return 1 and fill *p, else 0.
 */
int	 inline_at(const char *, size_t, size_t, struct inline_piece *);
/*
 * The offset after the "-->" ending an HTML comment whose text starts at
 * s[i] (after its "<!--"), or 0 when it does not end in s.
 */
size_t	 inline_comment_end(const char *, size_t, size_t);

#endif
