/*
 * unit-doc.h: what the unit tests of the document readers (Markdown,
 * reST) share: the headings a document must have, a clock for the
 * linearity tests, and a way to silence stderr for hostile inputs.
 * Static functions, like tap.h; include it after tap.h and markdown.h.
 */
#ifndef EC_UNIT_DOC_H
#define EC_UNIT_DOC_H

#include <fcntl.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

/* One heading a document must have. */
struct want {
	int		 level;
	int		 line;
	const char	*norm;
};

#define NWANT(a)	(sizeof(a) / sizeof((a)[0]))

/*
 * Exactly these headings: level, line, normalised text. Returns whether
 * the count is right, so that callers may index the headings.
 */
static int __attribute__((unused))
check_headings(const char *what, const struct md_doc *doc,
    const struct want *want, size_t n)
{
	size_t i;

	is_int(doc->nheadings, n, "%s: %zu headings", what, n);
	for (i = 0; i < n && i < doc->nheadings; i++) {
		is_str(doc->h[i].norm, want[i].norm, "%s: heading %zu text",
		    what, i);
		is_int(doc->h[i].level, want[i].level, "%s: '%s' level", what,
		    want[i].norm);
		is_int(doc->h[i].line, want[i].line, "%s: '%s' line", what,
		    want[i].norm);
	}
	return doc->nheadings == n;
}

/* One text block (doc->text) a document must have. */
struct want_text {
	int	 kind;		/* MD_BLOCK_PARA, _ITEM, _HTML */
	int	 line;
	int	 end_line;
	int	 col;
	int	 level;
	int	 quote;
};

/* Exactly these text blocks, in this order. */
static void __attribute__((unused))
check_text(const char *what, const struct md_doc *doc,
    const struct want_text *want, size_t n)
{
	const struct md_block *b;
	size_t i;

	is_int(doc->ntext, n, "%s: %zu text blocks", what, n);
	for (i = 0; i < n && i < doc->ntext; i++) {
		b = &doc->text[i];
		ok(b->kind == want[i].kind && b->line == want[i].line &&
		    b->end_line == want[i].end_line && b->col == want[i].col &&
		    b->level == want[i].level && b->quote == want[i].quote,
		    "%s: block %zu is kind %d, lines %d-%d, col %d, level %d, "
		    "quote %d (got %d, %d-%d, %d, %d, %d)", what, i,
		    want[i].kind, want[i].line, want[i].end_line, want[i].col,
		    want[i].level, want[i].quote, b->kind, b->line,
		    b->end_line, b->col, b->level, b->quote);
	}
}

/* Milliseconds of a monotonic clock. */
static double __attribute__((unused))
now_ms(void)
{
	struct timespec ts;

	/* CPU time of the process: another job on the machine does not
	   make a parse look slower. */
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Send stderr to /dev/null (on) or back (off). */
static void __attribute__((unused))
quiet(int on)
{
	static int saved = -1;
	int fd;

	fflush(stderr);
	if (on && saved == -1) {
		saved = dup(2);
		if ((fd = open("/dev/null", O_WRONLY)) != -1) {
			dup2(fd, 2);
			close(fd);
		}
	} else if (!on && saved != -1) {
		dup2(saved, 2);
		close(saved);
		saved = -1;
	}
}

#endif
