/*
 * license.h: which SPDX license a text holds, against a corpus of
 * license texts (rules/licenses/).
 *
 * Both the corpus and the text are normalised the same way, after the
 * SPDX matching guidelines: case, white space, punctuation (so all
 * dashes and quotes alike), bullets and list numbering, comment
 * prefixes, Markdown and HTML markup, http/https, copyright notices
 * (one line or several), the equivalent words ("licence", "sub-license",
 * "non-commercial"...), a UTF-8 BOM, CRLF and invalid UTF-8. A corpus
 * text may mark words optional (<<beginOptional>> ... <<endOptional>>)
 * or variable (<<var;original="...">>); a template stops after "END OF
 * TERMS AND CONDITIONS" (the appendix of Apache and the GPLs).
 *
 * A text first is compared whole with each template; else each
 * template is looked for inside the text (so a preamble before it and
 * notices after it do not count) and a word diff is made. The score is
 * the share, per mille, of the template's fixed words that the text
 * keeps; the changed words are the sum over each change of the larger
 * of the words taken out and the words put in, optional words and the
 * words standing in for a variable (up to their length plus 10) being
 * free. A license is named (LICENSE_MATCH) only when at most
 * 1 + words/500 words changed in all and no single change is longer than
 * 2 words: near neighbours (CC-BY-NC-SA-4.0 and CC-BY-SA-4.0, a clause
 * changed) differ by more, and a wrong name is worse than none.
 *
 * Input past LICENSE_MAX_BYTES bytes or LICENSE_MAX_WORDS words is not
 * read; the work is bounded for any input.
 */
#ifndef EC_LICENSE_H
#define EC_LICENSE_H

#include <stddef.h>

#define LICENSE_MAX_BYTES	(1024 * 1024)
#define LICENSE_MAX_WORDS	200000
#define LICENSE_MAX_OTHERS	8

struct license_corpus;
struct strbuf;

/* One license found in a text. */
struct license_found {
	const char	*id;	/* SPDX id, owned by the corpus; NULL: none */
	unsigned	 score;	/* per mille of the template's fixed words kept */
	unsigned	 changed; /* words changed, as counted above */
	size_t		 start;	/* byte range of the text matched */
	size_t		 end;
};

struct license_result {
	enum {
		LICENSE_MATCH,		/* main names the license */
		LICENSE_NOASSERTION,	/* nothing close enough; main is the best guess */
		LICENSE_NONE		/* no license text: empty, a copyright, a URL */
	}		 kind;
	struct license_found main;	/* the first license of the text */
	struct license_found *others;	/* whole licenses after it, in order */
	size_t		 nothers;
	size_t		 words;		/* words of the text after normalisation */
};

/*
 * Load every DIR/ID.txt as the template of SPDX id ID, or, when
 * DIR/corpus.tok exists, the same templates already normalised (faster;
 * see license_corpus_dump()). Returns 0, or -1 after ec_error().
 */
int	 license_corpus_load(struct license_corpus **, const char *);
void	 license_corpus_free(struct license_corpus *);
/* Number of templates. */
size_t	 license_corpus_count(const struct license_corpus *);
/*
 * The corpus's "-or-later" id of the "-only" id given (owned by the
 * corpus), or NULL when it has none: a text cannot show the choice, the
 * project's notices can.
 */
const char *license_corpus_later(const struct license_corpus *,
	    const char *);
/*
 * Load the DIR/ID.txt templates only (not corpus.tok) and write to out
 * what corpus.tok must hold for them. Returns 0, or -1 after ec_error().
 */
int	 license_corpus_dump(const char *, struct strbuf *);
/*
 * The shipped corpus directory: the first layer of
 * datadir_search_path("rules") with "/licenses" appended. Owned by the
 * caller.
 */
char	*license_corpus_dir(void);

/*
 * Identify the license of the len bytes of text (any bytes). A text
 * whose license says "or (at your option) any later version" before
 * the license gets the -or-later id of a -only template. Returns 0;
 * release the result with license_result_release().
 */
int	 license_identify(const struct license_corpus *, const char *, size_t,
	    struct license_result *);
void	 license_result_release(struct license_result *);

/*
 * Whether the n bytes of a and the id b name the same license text,
 * without case: "-only", "-or-later" and a final "+" are the project's
 * choice, which a license text does not show (GPL-2.0 is GPL-2.0-only).
 */
int	 license_same_id(const char *, size_t, const char *);
/*
 * The next license id of the SPDX expression s[*pos, n) (its length,
 * *id set to it), or 0 at the end: operators (AND, OR, WITH, any case),
 * parentheses and the exception after WITH are skipped, and the
 * expression ends at the first thing no id is (a comment's closing
 * "*" "/").
 */
size_t	 license_expr_next(const char *, size_t, size_t *, const char **);

/*
 * Append the normalised words of a text (one space between words), as
 * the identification sees them: for tests and the dump.
 */
void	 license_normalise(const char *, size_t, struct strbuf *);

#endif
