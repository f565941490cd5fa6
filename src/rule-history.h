/* rule-history.h: what the commits and contributors rule types share */
#ifndef EC_RULE_HISTORY_H
#define EC_RULE_HISTORY_H

#include <stddef.h>

struct check_ctx;
struct finding;
struct history;
struct history_opts;
struct rule;

/*
 * The window of a history rule (its window_days, else the rule set's),
 * the history of that window, or NULL when there is none to read or it
 * could not be read (the finding is then filled in already).
 */
const struct history *history_for_rule(const struct rule *,
			    struct check_ctx *, struct finding *, int,
			    struct history_opts *);
/* "2026-05-22 to 2026-08-20" of a window. */
void	 history_window_text(const struct history_opts *, char *, size_t);
/* A count against a minimum: pass, the floor, fail, or a shallow bound. */
void	 history_judge(const struct rule *, struct finding *,
	    const struct history *, long long, long long, const char *,
	    const struct history_opts *);

#endif
