/*
 * keyspec.h: what a key may hold, as data: its kind, flags, range, the
 * rules it names and how its patterns are compiled.
 *
 * The rule types' tables (rules.c, rule-<type>.c) and [ruleset] are
 * described with it; rulecheck.c checks rules against those tables, and
 * a new rule type only declares its keys.
 */
#ifndef EC_KEYSPEC_H
#define EC_KEYSPEC_H

struct strbuf;

enum key_kind {
	KEY_STRING,	/* one value */
	KEY_WORDS,	/* a list: repeated keys, each split on white space */
	KEY_LIST,	/* a list: repeated keys, each value whole */
	KEY_INT,	/* a whole number in [min, max] */
	KEY_INTS,	/* a list of whole numbers in [min, max], as KEY_WORDS */
	KEY_BOOL,	/* yes/no, true/false, on/off, 1/0 */
	KEY_ENUM,	/* one of spec->choices, '|'-separated */
	KEY_REGEX,	/* a list of PCRE2 patterns, each value whole */
	KEY_LABELLED,	/* a list of "LABEL: REGEX" values, each whole */
	KEY_TEXT	/* prose: continuation lines are joined by a space */
};

#define KEYF_REQUIRED	0x01	/* the rule needs a value */
#define KEYF_REPO	0x02	/* a repository's .ecocheck.ini may change
				   it in a rule of an earlier layer */
#define KEYF_RULE	0x04	/* each value names another rule of the set,
				   of type ref_type when that is set */
#define KEYF_CASELESS	0x08	/* patterns ignore case (unless case_key
				   says "sensitive") */
#define KEYF_MULTILINE	0x10	/* ^ and $ of patterns match at line ends */

struct rule_key_spec {
	const char	*name;
	enum key_kind	 kind;
	unsigned	 flags;		/* KEYF_* */
	const char	*choices;	/* KEY_ENUM */
	long long	 min;		/* KEY_INT, KEY_INTS: the smallest */
	long long	 max;		/* and the largest; 0: no limit */
	const char	*ref_type;	/* KEYF_RULE: the type named rules have */
	const char	*case_key;	/* KEYF_CASELESS: an enum key of the rule
					   whose "sensitive" keeps case */
	const char	*doc;		/* one line for --list-rules */
};

/* The spec of a key in a table ended by a NULL name, or NULL. */
const struct rule_key_spec *keyspec_find(const struct rule_key_spec *,
			    const char *);
/* Whether the key takes one value (a second one is an error). */
int	 keyspec_single(const struct rule_key_spec *);
/*
 * Check one value of a scalar kind (a number and its range, a boolean,
 * an enum); on error fill err with what is wrong (without the key's name)
 * and return -1. Other kinds always pass here.
 */
int	 keyspec_check(const struct rule_key_spec *, const char *,
	    struct strbuf *);
/* A whole number >= 0 without sign or trailing text; -1 if not. */
int	 keyspec_uint(const char *, long long *);
/* yes/true/on/1 or no/false/off/0; -1 if neither. */
int	 keyspec_bool(const char *, int *);

#endif
