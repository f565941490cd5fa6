/*
 * baseline.h: the pre-commit check's decision. With --staged, the index
 * and HEAD's tree are judged with the same rules (check.c); HEAD's
 * result is the baseline, and the commit is refused only for what it
 * makes worse: a rule blocks when it fails the check in the index (a
 * failure at level error, or with --strict an unknown result) and its
 * Working Group status got worse than at HEAD (compare.h's regressed),
 * or when there is no HEAD (no commit yet: every rule is new and judged
 * as without a baseline). A rule failing the check in the index that
 * does not block was already failing at HEAD.
 */
#ifndef EC_BASELINE_H
#define EC_BASELINE_H

#include <stddef.h>

#include "compare.h"
#include "finding.h"

struct json;
struct report_format;

/* The text report of the decision (report-staged.c). */
extern const struct report_format report_staged;

struct baseline_rule {
	const char	*rule;		/* the id, the rule set's */
	enum wg_status	 was;		/* at HEAD; WG_SKIP when new */
	enum change	 change;
	int		 blocks;	/* refuses the commit */
	int		 already;	/* failing at HEAD as in the index */
};

struct baseline {
	int			 has_head;	/* 0: no commit yet */
	char			 head[41];
	struct baseline_rule	*v;	/* the index's findings, in order */
	size_t			 n;
	size_t			 nregressed;	/* worse than at HEAD */
	size_t			 nblocks;
	size_t			 nalready;
};

/*
 * The decision for now (the index) against was (HEAD's result of the
 * same rule set, or NULL when there is no commit); head is HEAD's hex
 * name. The rule ids are borrowed from now's rule set.
 */
struct baseline	*baseline_new(const struct repo_result *was,
		    const struct repo_result *now, const char *head,
		    int strict);
void		 baseline_free(struct baseline *);
/* Whether a finding fails the check by itself (exit status 1). */
int		 baseline_fails(const struct finding *, int strict);
/* The "baseline" member of a JSON document. */
void		 baseline_json(struct json *, const struct baseline *);

#endif
