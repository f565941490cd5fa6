/*
 * finding.h: what checking found, with no knowledge of git.
 *
 * A rule type fills one finding: a result, a message, evidence, a fix,
 * and perhaps a value and a minimum. It may ask for a lower level (a
 * LICENSE found where LICENSE.md was asked for is a warning) with
 * finding_cap_level(). Then finding_judge() decides, in one place, what
 * the finding counts for: it applies the rule's level and that cap, gives
 * a failure without a fix the rule's help, and counts the result into the
 * repository's result, raising its exit status (which never falls). The
 * report formats read only what is declared here.
 */
#ifndef EC_FINDING_H
#define EC_FINDING_H

#include <stddef.h>
#include <stdint.h>

#include "ruleset.h"
#include "strbuf.h"

struct baseline;

enum result {
	RESULT_PASS,
	RESULT_FAIL,
	RESULT_UNKNOWN,
	RESULT_SKIP
};

/* Exit statuses of ecocheck(1), lowest first. */
#define EXIT_OK		0	/* no error-level rule failed */
#define EXIT_FAILED	1	/* an error-level rule failed */
#define EXIT_TROUBLE	2	/* usage, configuration or repository error */

struct evidence {
	char	*path;		/* a file of the tree, or what else it is */
	int	 line;		/* 0 when not known */
	char	*note;		/* may be NULL */
	int	 file;		/* path names a file (not a commit, a person) */
};

/*
 * A key of the rule that the checked repository's .ecocheck.ini set,
 * replacing what the rule set said ("min 1, set by .ecocheck.ini:3; the
 * rule set asks 30").
 */
struct finding_change {
	char	*key;
	char	*value;
	char	*file;		/* as reports name it */
	int	 line;
	char	*base;		/* what the rule set said, or NULL */
};

/*
 * The rule set exempts the rule: a finding that does not pass becomes a
 * skip saying why; one that passes stays a pass and says the exemption
 * is not needed (needed 0).
 */
struct finding_exempt {
	char		*reason;
	char		*until;		/* YYYY-MM-DD, or NULL */
	char		*file;
	int		 line;
	int		 needed;
	enum result	 found;		/* what the rule found */
};

struct finding {
	const struct rule	*rule;
	enum result		 result;
	enum level		 level;		/* set by finding_judge() */
	enum level		 cap;		/* the highest level it may have */
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
	struct finding_change	*changes;	/* set by finding_judge() */
	size_t			 nchanges;
	struct finding_exempt	*exempt;	/* set by finding_judge() */
};

/* One repository checked: where, what was read, what was found. */
struct repo_result {
	char		*path;		/* as given */
	char		*abspath;	/* the repository's root (or git dir) */
	const char	*source;	/* worktree, index, commit */
	int		 has_head;
	char		 head[41];	/* hex object name, "" without one */
	int		 bare;
	int		 shallow;
	int		 empty;
	/*
	 * What was read outside the folder given (real paths): the git
	 * directory a .git file names (or NULL), the alternate object
	 * directories.
	 */
	char		*outside_gitdir;
	struct strvec	 outside_alternates;
	struct ruleset	 rs;
	int64_t		 as_of;
	int64_t		 start;
	int		 days;
	struct finding	*findings;
	size_t		 nfindings;
	int		 counts[4];	/* by enum result */
	int		 errors_failed;
	int		 unknown_failed;	/* unknown, counted by --strict */
	int		 status;	/* EXIT_*, only ever raised */
	/* --staged: the index against HEAD (baseline.h), owned; or NULL */
	struct baseline	*baseline;
};

/* How findings are judged: what the command line says of them. */
struct judge_opts {
	int	 strict;		/* unknown fails like an error */
};

void	 finding_init(struct finding *, const struct rule *);
/* Start the finding of a rule: 0 when the rule is off (a skip). */
int	 finding_begin(struct finding *, const struct rule *);
void	 finding_release(struct finding *);
void	 finding_result(struct finding *, enum result, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
/* Append text to the message. */
void	 finding_append(struct finding *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 finding_fix(struct finding *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 finding_evidence(struct finding *, const char *, int, const char *);
/* Evidence that names no file: a commit, an author ("Name <email>"). */
void	 finding_evidence_other(struct finding *, const char *, const char *);
void	 finding_detail(struct finding *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 finding_value(struct finding *, long long);
void	 finding_value_str(struct finding *, const char *);
void	 finding_min(struct finding *, long long);
/* The finding may count at most at this level (never raises it). */
void	 finding_cap_level(struct finding *, enum level);
/* Take the evidence of another finding as well. */
void	 finding_copy_evidence(struct finding *, const struct finding *);

/*
 * Places a rule found something wrong at, in the order found: what the
 * message says of each ("links to X, ...") and the evidence's note.
 */
struct finding_place {
	const char	*path;		/* borrowed: the tree entry's */
	int		 line;
	char		*what;
	char		*note;
};

struct finding_places {
	struct finding_place	*v;
	size_t			 n;
	size_t			 alloc;
};

/* Add a place; what and note (which may be the same) become the list's. */
void	 finding_places_add(struct finding_places *, const char *, int,
	    char *, char *);
/*
 * Append "PATH:LINE WHAT" of the first show places to the message, "; "
 * between them and "; and N more" after, and give the first max as
 * evidence, each with its note.
 */
void	 finding_places_say(struct finding *, const struct finding_places *,
	    size_t, size_t);
void	 finding_places_release(struct finding_places *);

/*
 * The one judge: the rule's exemption, the effective level, the default
 * fix, and with res what the repository's config changed of the rule and
 * the counts and exit status of res (NULL: judge the finding alone).
 */
void	 finding_judge(struct finding *, struct repo_result *,
	    const struct judge_opts *);
/* "min 1, set by .ecocheck.ini:3; the rule set asks 30" */
void	 finding_change_say(struct strbuf *, const struct finding_change *);
/*
 * "exempt: REASON (until DATE), FILE:LINE", or for one not needed
 * "exempt, but it passes: remove the exemption (FILE:LINE)".
 */
void	 finding_exempt_say(struct strbuf *, const struct finding_exempt *);
/* Give the finding a change, or an exemption (result-wire.c). */
void	 finding_add_change(struct finding *, const char *, const char *,
	    const char *, int, const char *);
struct finding_exempt *finding_set_exempt(struct finding *, const char *,
	    const char *, const char *, int);

void	 repo_result_init(struct repo_result *, const char *);
void	 repo_result_release(struct repo_result *);
/* The finding of the rule whose id is id, or NULL when res has none. */
const struct finding *repo_result_finding(const struct repo_result *,
	    const char *);
/* Raise *status to code if code is worse; it never falls. */
void	 status_raise(int *, int);

const char	*result_name(enum result);

/*
 * The Working Group's four statuses (DESIGN.md, "The Working Group's own
 * scoring"), decided here for every format: pass is Pass; a failure at
 * level error is Fail; one at a lower level, or unknown, is Caution; a
 * result a person must decide (f->judgment) is Needs human judgment. A
 * skipped rule has none of the four (WG_SKIP).
 */
enum wg_status {
	WG_PASS,
	WG_CAUTION,
	WG_FAIL,
	WG_JUDGMENT,
	WG_SKIP
};

enum wg_status	 finding_wg_status(const struct finding *);
/* "pass", "caution", "fail", "judgment", "skip" */
const char	*wg_status_name(enum wg_status);
/* The table's words: "✅ Pass", "⚠️ Caution", "❌ Fail", ... */
const char	*wg_status_label(enum wg_status);
/* The worse of two statuses for one row: Fail > judgment > Caution > Pass. */
enum wg_status	 wg_status_worse(enum wg_status, enum wg_status);

#endif
