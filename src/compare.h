/*
 * compare.h: one comparison of two judged results of the same rules,
 * rule by rule, by the Working Group's status (finding_wg_status): a
 * rule is fixed, regressed, unchanged, new or gone. The pre-commit check
 * (the index against HEAD) and ecocheck diff (two reviews) both read it.
 * A skip counts as a pass here: a rule that stops applying is no
 * regression, and one that starts applying and fails is.
 */
#ifndef EC_COMPARE_H
#define EC_COMPARE_H

#include <stddef.h>

#include "finding.h"

enum change {
	CHANGE_UNCHANGED,
	CHANGE_FIXED,
	CHANGE_REGRESSED,
	CHANGE_NEW,
	CHANGE_GONE
};
#define CHANGE_KINDS	5

struct rule_change {
	const char		*rule;		/* the rule's id */
	const struct finding	*was;		/* NULL: new */
	const struct finding	*now;		/* NULL: gone */
	enum wg_status		 was_status;	/* WG_SKIP when new */
	enum wg_status		 now_status;	/* WG_SKIP when gone */
	enum change		 change;
};

struct comparison {
	struct rule_change	*v;	/* now's rules in order, then the gone */
	size_t			 n;
	size_t			 counts[CHANGE_KINDS];
};

/* Compare was with now; both must live as long as out. */
void	 compare_results(const struct repo_result *was,
	    const struct repo_result *now, struct comparison *out);
void	 comparison_release(struct comparison *);
/* Whether a status is worse than another, a skip counting as a pass. */
int	 wg_status_is_worse(enum wg_status now, enum wg_status was);
/* "unchanged", "fixed", "regressed", "new", "gone" */
const char *change_name(enum change);

#endif
