/* regex.c: PCRE2 compilation and matching under fixed limits */
#include "config.h"

#include <string.h>

#include "regex.h"
#include "strbuf.h"
#include "xalloc.h"

/* Limits: generous for real patterns, fatal for catastrophic ones. */
#define EC_MATCH_LIMIT	 1000000
#define EC_DEPTH_LIMIT	 10000
#define EC_HEAP_LIMIT	 (64 * 1024)	/* KiB */

static int	 search_state(void);
static int	 budget_step(pcre2_callout_block *, void *);
static int	 budget_spent(const struct regex_budget *, struct strbuf *);

/*
 * The match data and the match context (the limits) of every search,
 * made by the first: PCRE2 keeps a search's backtracking frames in its
 * match data, and making them again for each of the thousands of
 * searches of a run cost more than some of the searches. A compiled
 * pattern is only read, and ecocheck makes one search at a time (its
 * jobs are processes, jobs.c); a search that ends in an error may have
 * grown the frames to the heap limit, so its match data is let go.
 */
static pcre2_match_data *search_md;
static pcre2_match_context *search_mc;

static int
search_state(void)
{
	if (search_mc == NULL) {
		if ((search_mc = pcre2_match_context_create(NULL)) == NULL)
			return -1;
		pcre2_set_match_limit(search_mc, EC_MATCH_LIMIT);
		pcre2_set_depth_limit(search_mc, EC_DEPTH_LIMIT);
		pcre2_set_heap_limit(search_mc, EC_HEAP_LIMIT);
	}
	/* one pair: only where the whole match starts and ends is read */
	if (search_md == NULL &&
	    (search_md = pcre2_match_data_create(1, NULL)) == NULL)
		return -1;
	return 0;
}

pcre2_code *
regex_compile(const char *pat, uint32_t flags, struct strbuf *err)
{
	pcre2_code *re;
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE off;
	int code;

	/*
	 * UTF matching, but invalid UTF-8 in subjects must not be fatal; a
	 * callout before every item counts the work against a budget.
	 */
	re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED,
	    flags | PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_AUTO_CALLOUT,
	    &code, &off, NULL);
	if (re == NULL) {
		pcre2_get_error_message(code, msg, sizeof(msg));
		strbuf_reset(err);
		strbuf_addf(err, "%s at offset %zu", (char *)msg, (size_t)off);
	}
	return re;
}

pcre2_code *
regex_compile_labelled(const char *v, uint32_t flags, char **label,
    struct strbuf *err)
{
	const char *colon;
	pcre2_code *re;

	*label = NULL;
	colon = strchr(v, ':');
	if (colon == NULL || colon == v) {
		strbuf_reset(err);
		strbuf_addf(err, "expected LABEL: REGEX, not '%s'", v);
		return NULL;
	}
	re = regex_compile(colon + 1 + strspn(colon + 1, " \t"), flags, err);
	if (re != NULL)
		*label = xstrndup(v, (size_t)(colon - v));
	return re;
}

void
regex_budget_init(struct regex_budget *b)
{
	b->used = 0;
	b->limit = REGEX_STEPS;
	b->last = 0;
}

int
regex_budget_spent(const struct regex_budget *b)
{
	return b->used >= b->limit;
}

/*
 * The callout before each item of a pattern: one step, and one for each
 * byte the subject position moved since the last, so that a repeat that
 * runs over a long stretch of the subject costs what it reads. Past the
 * budget the match is abandoned.
 */
static int
budget_step(pcre2_callout_block *cb, void *arg)
{
	struct regex_budget *b = arg;
	size_t pos, moved;

	pos = cb->current_position;
	moved = pos > b->last ? pos - b->last : b->last - pos;
	b->last = pos;
	if (b->used >= b->limit || moved >= b->limit - b->used) {
		b->used = b->limit;
		return PCRE2_ERROR_CALLOUT;
	}
	b->used += moved + 1;
	return 0;
}

static int
budget_spent(const struct regex_budget *budget, struct strbuf *err)
{
	strbuf_reset(err);
	strbuf_addf(err, "the matching budget (%llu steps) is spent",
	    (unsigned long long)budget->limit);
	return REGEX_EBUDGET;
}

int
regex_search(const pcre2_code *re, const char *subj, size_t len, size_t off,
    size_t *start, size_t *end, struct regex_budget *budget,
    struct strbuf *err)
{
	struct regex_budget own;
	PCRE2_SIZE *ov;
	PCRE2_UCHAR msg[256];
	int rc;

	if (budget == NULL) {
		regex_budget_init(&own);
		budget = &own;
	}
	if (budget->used >= budget->limit)
		return budget_spent(budget, err);
	if (search_state() == -1) {
		strbuf_reset(err);
		strbuf_addstr(err, "out of memory");
		return -1;
	}
	pcre2_set_callout(search_mc, budget_step, budget);
	budget->last = off;
	rc = pcre2_match(re, (PCRE2_SPTR)subj, len, off, 0, search_md,
	    search_mc);
	if (rc >= 0) {
		/* 0: the pair is there, the groups did not fit */
		ov = pcre2_get_ovector_pointer(search_md);
		if (start != NULL)
			*start = ov[0];
		if (end != NULL)
			*end = ov[1];
		return 1;
	}
	if (rc == PCRE2_ERROR_NOMATCH)
		return 0;
	pcre2_match_data_free(search_md);
	search_md = NULL;
	if (rc == PCRE2_ERROR_CALLOUT)
		return budget_spent(budget, err);
	pcre2_get_error_message(rc, msg, sizeof(msg));
	strbuf_reset(err);
	strbuf_addstr(err, (char *)msg);
	return -1;
}
