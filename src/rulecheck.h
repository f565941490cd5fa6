/*
 * rulecheck.h: the rules of a read rule set checked against the rule
 * types' key specs (rules.c), then parsed by their types.
 *
 * Unknown keys, rules and types get a "did you mean"; kinds, ranges,
 * required keys and the rules a key names are checked as the specs say,
 * and so is what a repository's .ecocheck.ini changed in the rules of
 * earlier layers. Patterns are compiled here, once, with the flags their
 * spec gives; rule types read them with rule_regex().
 */
#ifndef EC_RULECHECK_H
#define EC_RULECHECK_H

#include <stddef.h>
#include <stdint.h>

#include "regex.h"
#include "ruleset.h"

/* Check and parse every rule, then finish the set; -1 on any error. */
int		 rulecheck_finish(struct ruleset *);
/*
 * Whether every exemption (exempt, until) still holds on the date the
 * report is as of: 0, or -1 after an error naming the until's file:line.
 */
int		 rulecheck_exemptions(const struct ruleset *, int64_t);
/* The compiled pattern of value i of a KEY_REGEX or KEY_LABELLED key. */
const pcre2_code *rule_regex(const struct rule *, const char *, size_t);
/*
 * Whether every value of the key (directories to look in) stays inside
 * the repository: no leading '/', no "..". 0, or -1 after rule_error().
 */
int		 rule_dirs_inside(const struct rule *, const char *);
/* The label of value i of a KEY_LABELLED key, or NULL. */
const char	*rule_regex_label(const struct rule *, const char *, size_t);

#endif
