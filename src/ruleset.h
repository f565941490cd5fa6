/*
 * ruleset.h: rule sets read from INI files (inih) and layered.
 *
 * One section per rule, the section name is its id; [ruleset] describes
 * the set and [facts] gives facts. Layers, lowest first: shipped <
 * system < user (for each rule set named with --rules, default
 * pytorch-ecosystem) < the repository's .ecocheck.ini < rule files given
 * with --rules < --set. A key in a later layer replaces the whole list of
 * that key; inside one layer repeated keys make a list. A layer after the
 * repository's that gives a rule of the repository's a type defines it
 * anew, with none of the repository's keys. Every value
 * remembers the file and line it came from, every key the layer that set
 * it. Nothing here knows a rule type: rulecheck.c checks the rules
 * against the types' key specs.
 */
#ifndef EC_RULESET_H
#define EC_RULESET_H

#include <stddef.h>
#include <stdint.h>

#include "keyspec.h"
#include "strbuf.h"

enum level {
	LEVEL_OFF,
	LEVEL_INFO,
	LEVEL_WARNING,
	LEVEL_ERROR
};

struct rule_value {
	char		*value;
	const char	*file;		/* interned in the rule set */
	int		 line;		/* 0 for the command line */
	void		*parsed;	/* the checker's form of it (a compiled
					   pattern), or NULL */
	void		(*parsed_free)(void *);
};

struct rule_key {
	char			*name;
	struct rule_value	*v;
	size_t			 n;
	size_t			 alloc;
	int			 layer;		/* layer that last set it */
	char			*base;		/* when the repository's config
						   replaced it: what the layers
						   before said, or NULL */
};

struct rule_type;

struct rule {
	char			*id;
	const struct rule_type	*type;
	enum level		 level;
	const char		*title;
	const char		*help;
	int			 icase;		/* case = insensitive, read once */
	int			*req;		/* requirement numbers */
	size_t			 nreq;
	struct rule_key		*keys;
	size_t			 nkeys;
	size_t			 alloc;
	const char		*file;		/* where first defined */
	int			 line;
	int			 layer;		/* the layer that defined it */
	const char		*exempt;	/* the reason, or NULL */
	const char		*exempt_file;	/* as reports name it */
	int			 exempt_line;
	const char		*until;		/* YYYY-MM-DD, or NULL */
	const struct rule_value	*until_at;
	int64_t			 until_end;	/* the day after, 00:00 UTC */
	void			*priv;		/* the type's parsed form */
	void			(*priv_free)(void *);
};

struct ruleset {
	char		*name;
	char		*title;
	int		 window_days;
	char		**req_title;	/* [N]: requirement N's title, or NULL */
	size_t		  nreq_title;	/* entries of req_title */
	struct rule	**rules;
	size_t		  nrules;
	size_t		  alloc;
	struct strvec	  files;	/* every file read, in order */
	struct strvec	  fact_names;
	struct strvec	  fact_values;
	struct strvec	  fact_sources;
	struct strvec	  interned;	/* file names values point at */
	int		  layer;	/* the last layer read */
	int		  repo_layer;	/* the repository's config, or 0 */
	int		  set_layer;	/* the --set options, or 0 */
	const char	 *repo_config;	/* the repository's config as reports
					   name it (".ecocheck.ini"), or NULL */
	int		  window_repo;	/* [ruleset] window_days is the
					   repository's, */
	int		  window_base;	/* replacing this */
	const char	 *window_file;	/* where it was set */
	int		  window_line;
};

void	 ruleset_init(struct ruleset *);
void	 ruleset_release(struct ruleset *);
/* Search path for rule sets named without a path, lowest first. */
void	 ruleset_search_path(struct strvec *);
/* A rule set by name: every NAME.ini of the search path, layered. */
int	 ruleset_add_name(struct ruleset *, const char *);
int	 ruleset_add_file(struct ruleset *, const char *);
/* INI text held in memory; name is used in messages. */
int	 ruleset_add_buffer(struct ruleset *, const char *, const char *,
	    size_t);
/*
 * A repository's own .ecocheck.ini: it may add rules, but of the rules
 * of earlier layers it may change only the keys whose spec says
 * KEYF_REPO (levels and thresholds), which rulecheck_finish() checks
 * once the set is read; of [ruleset] only window_days.
 */
int	 ruleset_add_repo_buffer(struct ruleset *, const char *, const char *,
	    size_t);
/* "RULE.KEY=VALUE" from --set; "ruleset.KEY=VALUE" for the set. */
int	 ruleset_set(struct ruleset *, const char *);
/* "NAME=VALUE" from --fact. */
int	 ruleset_fact(struct ruleset *, const char *, const char *,
	    const char *);
/*
 * The set is read: what does not depend on rule types (a name when no
 * file gave one). rulecheck_finish() checks the rules and calls it.
 */
void	 ruleset_finish(struct ruleset *);
/* The rule with this id, or NULL. */
struct rule *ruleset_find(const struct ruleset *, const char *);
const char *ruleset_get_fact(const struct ruleset *, const char *);
/* The title of requirement n ("Governance"), or NULL. */
const char *ruleset_requirement_title(const struct ruleset *, int);
/* Where a fact was given: "--fact" or a rule file's name. */
const char *ruleset_get_fact_source(const struct ruleset *, const char *);

const char	*level_name(enum level);
int		 level_parse(const char *, enum level *);

/* Key access for rule types, after rulecheck_finish() validated kinds. */
const struct rule_key *rule_key(const struct rule *, const char *);
const char	*rule_str(const struct rule *, const char *, const char *);
long long	 rule_int(const struct rule *, const char *, long long);
int		 rule_bool(const struct rule *, const char *, int);
/* Print "file:line: rule 'id': key 'k': message" and return -1. */
int		 rule_error(const struct rule *, const char *, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
/* The same at the file:line of the key's value number i. */
int		 rule_value_error(const struct rule *, const char *, size_t,
		    const char *, ...) __attribute__((format(printf, 4, 5)));

#endif
