/*
 * rules.h: the table of rule types.
 *
 * A rule type is one file rule-<type>.c defining a const struct
 * rule_type: its name, its keys (kinds, docs), how to parse a rule of it
 * once the rule set is complete, and how to check a rule against a
 * repository through the check context (ctx.h), filling one finding
 * (finding.h). rules.c lists the types; unknown types and keys are
 * reported from that table.
 */
#ifndef EC_RULES_H
#define EC_RULES_H

#include "ruleset.h"

struct check_ctx;
struct finding;

#define RULE_HISTORY	0x1	/* reads history: skipped with --staged */

struct rule_type {
	const char			*name;
	const char			*summary;
	const struct rule_key_spec	*keys;	/* NULL name ends */
	unsigned			 flags;
	int	(*parse)(struct rule *);
	/*
	 * Fill the finding; 0, or -1 when the repository itself could not
	 * be read (an error was printed and nothing is judged).
	 */
	int	(*check)(const struct rule *, struct check_ctx *,
		    struct finding *);
	void	(*free)(void *);
};

struct ruleset;

extern const struct rule_type *const rule_types[];
/*
 * The keys of rule_common_keys[] that name other rules whose results fold
 * into a rule's (check.c's fold table): one spelling for both tables.
 */
#define RULE_KEY_ALTERNATIVE	"alternative"
#define RULE_KEY_HINT		"hint"
#define RULE_KEY_VETO		"veto"
#define RULE_KEY_NOTE		"note"
/* An exemption: the rule is skipped, with this reason, until that date. */
#define RULE_KEY_EXEMPT		"exempt"
#define RULE_KEY_UNTIL		"until"

extern const struct rule_key_spec rule_common_keys[];

const struct rule_type		*rule_type_find(const char *);
const struct rule_key_spec	*rule_key_spec_find(const struct rule_type *,
				    const char *);

/*
 * Load now what the license rule otherwise loads at its first check (the
 * corpus), so that processes forked after share it (jobs.c); what the
 * load said is still told to each check that needs the corpus.
 */
void	 rule_license_preload(void);
/*
 * A fact given with --fact NAME=VALUE: 0, or a usage error (printed, -1)
 * when no rule of rs asks for NAME, or the rule wants a number and VALUE
 * is none (rule-fact.c).
 */
int	 fact_given(const struct ruleset *, const char *, const char *);

#endif
