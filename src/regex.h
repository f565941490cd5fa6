/*
 * regex.h: PCRE2 patterns with limits, so that a hostile pattern or file
 * cannot hang a check: match, depth and heap limits on each search, and a
 * budget of matching work shared by all the searches of one scan.
 */
#ifndef EC_REGEX_H
#define EC_REGEX_H

#include <stddef.h>
#include <stdint.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

struct strbuf;

/*
 * Matching work allowed to the searches of one scan (a pattern over a
 * file, however many searches it takes), counted in steps: one for each
 * pattern item tried, one for each byte the match moves over. PCRE2's own
 * match limit restarts at every start position; this does not, so a scan
 * of a file ends in well under a second whatever the pattern and text.
 */
#define REGEX_STEPS	10000000ULL
#define REGEX_EBUDGET	(-2)	/* regex_search(): the budget ran out */

struct regex_budget {
	uint64_t	 used;
	uint64_t	 limit;
	size_t		 last;	/* subject offset at the last step */
};

/* A fresh budget of REGEX_STEPS. */
void		 regex_budget_init(struct regex_budget *);
/* Whether the budget has run out: 1 or 0. */
int		 regex_budget_spent(const struct regex_budget *);

/* Compile; on error fill err with "message at offset N" and return NULL. */
pcre2_code	*regex_compile(const char *, uint32_t, struct strbuf *);
/*
 * Compile the pattern of a "LABEL: REGEX" value; *label gets a copy of
 * the label. On error fill err and return NULL.
 */
pcre2_code	*regex_compile_labelled(const char *, uint32_t, char **,
		    struct strbuf *);
/*
 * Search subject from offset, spending from budget (NULL: a fresh budget
 * for this search alone). Returns 1 on a match (start/end set when not
 * NULL), 0 on none, REGEX_EBUDGET when the budget runs out (or was spent
 * already), -1 when a PCRE2 limit was hit or the match failed (err filled
 * for both).
 */
int		 regex_search(const pcre2_code *, const char *, size_t, size_t,
		    size_t *, size_t *, struct regex_budget *, struct strbuf *);

#endif
