/*
 * rules.h: the table of rule types, the checking context and findings.
 *
 * A rule type is one file rule-<type>.c defining a const struct
 * rule_type; rules.c lists them. A check fills one finding: a result, an
 * effective level (the rule's, or lower when the check says so, e.g. a
 * LICENSE found where LICENSE.md was asked for), a message, evidence and
 * a fix.
 */
#ifndef EC_RULES_H
#define EC_RULES_H

#include <stddef.h>
#include <stdint.h>

#include <git2.h>

#include "history.h"
#include "markdown.h"
#include "ruleset.h"
#include "strbuf.h"

struct tree;

enum result {
	RESULT_PASS,
	RESULT_FAIL,
	RESULT_UNKNOWN,
	RESULT_SKIP
};

#define RULE_HISTORY	0x1	/* reads history: skipped with --staged */

struct evidence {
	char	*path;
	int	 line;		/* 0 when not known */
	char	*note;		/* may be NULL */
};

struct finding {
	const struct rule	*rule;
	enum result		 result;
	enum level		 level;
	char			*message;
	char			*fix;
	struct evidence		*ev;
	size_t			 nev;
	size_t			 evalloc;
	int			 has_value;
	long long		 value;
	char			*value_str;	/* a value that is text */
	int			 has_min;
	long long		 min;
	int			 judgment;	/* a person must decide */
	struct strvec		 details;	/* more lines for text output */
};

/*
 * A file of the tree source read and parsed as Markdown, once per check
 * for each size read (several rules read the same README).
 */
struct md_file {
	const struct tree_entry	*e;
	size_t			 cap;
	int			 rc;		/* tree_read()'s, or -1 */
	int			 truncated;
	struct strbuf		 text;
	struct md_doc		 doc;
	struct md_file		*next;
};

/* The repository being checked and what is known of it. */
struct check_ctx {
	git_repository		*repo;
	struct tree		*tree;
	const struct ruleset	*rs;
	int			 has_head;
	git_oid			 head;		/* the commit whose history counts */
	int			 staged;
	int64_t			 as_of;		/* seconds since the epoch */
	git_mailmap		*mailmap;
	int			 mailmap_loaded;
	struct history_cache	*hcache;
	struct md_file		*mdcache;
	int			 fatal;		/* the repository could not be
						   read: nothing is judged */
};

struct rule_type {
	const char			*name;
	const char			*summary;
	const struct rule_key_spec	*keys;	/* NULL name ends */
	unsigned			 flags;
	int	(*parse)(struct rule *);
	void	(*check)(const struct rule *, struct check_ctx *,
		    struct finding *);
	void	(*free)(void *);
};

extern const struct rule_type *const rule_types[];
extern const struct rule_key_spec rule_common_keys[];

const struct rule_type		*rule_type_find(const char *);
const struct rule_key_spec	*rule_key_spec_find(const struct rule_type *,
				    const char *);

/* A Markdown file of the tree source, read and parsed once. */
const struct md_file	*check_markdown(struct check_ctx *,
			    const struct tree_entry *, size_t);
/* The history of the window for these options, computed once. */
const struct history	*check_history(struct check_ctx *,
			    const struct history_opts *);

void	 finding_init(struct finding *, const struct rule *);
void	 finding_release(struct finding *);
void	 finding_result(struct finding *, enum result, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
void	 finding_fix(struct finding *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 finding_evidence(struct finding *, const char *, int, const char *);
void	 finding_detail(struct finding *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 finding_value(struct finding *, long long);
void	 finding_value_str(struct finding *, const char *);
void	 finding_min(struct finding *, long long);

const char	*result_name(enum result);

#endif
