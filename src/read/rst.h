/*
 * rst.h: headings and sections of a reStructuredText file, as a reader
 * sees them, in the same struct md_doc the Markdown reader fills (see
 * markdown.h for what its fields mean), so that a rule reads both alike.
 *
 * rst_parse() reads reST by hand (no C library of docutils exists):
 *
 * - A section title is one line of text underlined, and optionally also
 *   overlined, with a run of one punctuation character; an underline
 *   alone needs its text at the left margin. The run is at least as long
 *   as the title, or two characters shorter (wide characters), or, as
 *   docutils accepts with a warning, 4 long. A title must hold more than
 *   punctuation, so a transition, an adornment line, a table border or a
 *   row of one is never a title. Levels follow the order in which the
 *   adornment styles (character, overlined or not) first appear, levels
 *   past 6 being 6; the first title is level 1, the title of the
 *   document, as an ATX "# Title" is in Markdown.
 * - Code blocks: a literal block (after a paragraph ending in "::", or a
 *   quoted one), a doctest block (">>>"), and the bodies of the code
 *   directives (code, code-block, sourcecode, literalinclude, doctest,
 *   testcode, ipython, jupyter-execute, prompt, parsed-literal, plot...).
 *   Nothing in a code block, a comment, a raw or image directive, a
 *   substitution definition or a hyperlink target is a title or prose.
 * - Prose: paragraphs, lists, tables and the bodies of other directives
 *   (note, tab, figure...); the argument of an admonition counts. Inline
 *   literals and interpreted text count as words; markup characters,
 *   list enumerators, footnote references and image substitutions
 *   (badges) do not. Field lists (":Author: ...") and paragraphs of only
 *   links or badges never count as an introduction.
 * - Links: `text <url>`_, `text`_ and word_ with their ".. _text: url"
 *   targets (followed through indirect targets; a name with no target is
 *   a section of the document, recorded as "#name"), anonymous ones (__),
 *   standalone URLs, :doc: (as the path of its .rst file), :download:,
 *   :ref: (as "#label"), toctree entries, and the :target: of a
 *   substitution used in the text (a linked badge).
 *
 * Lines are counted as CommonMark counts them (LF, CRLF and CR), tabs
 * indent to multiples of 8. The reader works in time linear in the
 * input, keeps the caps of markdown.h and reads any bytes: text in the
 * doc is valid UTF-8. Free the doc with md_doc_free().
 */
#ifndef EC_RST_H
#define EC_RST_H

#include <stddef.h>

#include "read/markdown.h"

/*
 * Parse len bytes of buf into doc (which need not be initialised; free
 * it with md_doc_free() whatever the result). Returns 0, or -1 with a
 * message when the input is larger than MD_MAX_INPUT.
 */
int	 rst_parse(const char *, size_t, struct md_doc *);
extern const struct reader reader_rst;

/* Whether a path names a reStructuredText file (.rst or .rest, any case). */
int	 rst_is_path(const char *);

#endif
