/*
 * suggest.h: what ecocheck suggest reads of a repository's history to
 * draft a CODEOWNERS, a GOVERNANCE.md or a MAINTAINERS.md.
 *
 * One walk from HEAD over two years of committer dates (history.c's):
 * the last year (since..until, both included, as "git log --since
 * --until" takes them) and the year before it (old_since..since - 1).
 * Of the last year it counts, for each top-level directory of HEAD and
 * for the files at the root ("*"), the commits that changed it by
 * author, as "git log --format=%aE -- DIR" shows them (git's default
 * history simplification: a merge counts where it differs from every
 * parent; where it is the same as one, only that one is followed). Of
 * the year before, only who was active. Authors are mailmapped and keyed
 * by lowercased email, as history.c keys them; the contributors rule's
 * exclude patterns mark bots.
 */
#ifndef EC_SUGGEST_H
#define EC_SUGGEST_H

#include <stddef.h>
#include <stdint.h>

#include <git2.h>

struct rule;
struct strvec;

#define SUGGEST_ROOT	"*"	/* the group of the files at the root */

struct suggest_author {
	char	*name;		/* mailmapped, of the newest commit */
	char	*email;		/* mailmapped, as written */
	char	*key;		/* email lowercased: the identity */
	char	*handle;	/* GitHub login of a noreply email, or NULL */
	int	 bot;		/* excluded by the contributors rule */
	size_t	 recent;	/* commits in the last year */
	size_t	 older;		/* commits in the year before */
};

/* A top-level directory, or SUGGEST_ROOT, and its commits by author. */
struct suggest_group {
	char	*name;
	size_t	*counts;	/* by author index; alloc entries */
	size_t	 alloc;
	size_t	 commits;	/* commits that changed it */
};

struct suggest_history {
	int64_t			 since, until;	/* the last year */
	int64_t			 old_since;	/* the year before starts */
	struct suggest_author	*a;
	size_t			 na, aalloc;
	struct suggest_group	*g;
	size_t			 ng, galloc;
	size_t			 commits;	/* in the last year */
	size_t			 old_commits;	/* in the year before */
	int			 truncated;	/* a parent was missing (a
						   shallow clone): counts are
						   lower bounds */
};

/*
 * Walk from head with mailmap mm (may be NULL), the windows of h set by
 * the caller; bots by the exclude patterns of rule contrib (NULL: none).
 * 0, or -1: error printed.
 */
int	 suggest_walk(git_repository *, const git_oid *, git_mailmap *,
	    const struct rule *, const struct strvec *,
	    struct suggest_history *);
void	 suggest_history_release(struct suggest_history *);
/* The GitHub login a users.noreply.github.com email gives, or NULL. */
char	*suggest_noreply_handle(const char *);
/*
 * The authors of group g with a commit there, not bots, by count then
 * name then key; their number, *out allocated (indices into h->a).
 */
size_t	 suggest_top(const struct suggest_history *, const struct
	    suggest_group *, size_t **);
/*
 * The authors who are not bots with a commit in the last year (older:
 * in the year before), by those commits, then name, then key; their
 * number in *n, indices into h->a, allocated.
 */
size_t	*suggest_by_commits(const struct suggest_history *, int, size_t *);
/* The group named name, or NULL. */
const struct suggest_group *suggest_group(const struct suggest_history *,
	    const char *);

/*
 * The people a GOVERNANCE.md or MAINTAINERS.md draft names: those the
 * core-maintainers rule found (its finding's evidence, "Jane Doe
 * (@jane)"), or when it found fewer than two, with the top authors of
 * the last year after them; and as emeritus the people active in the
 * year before but not in the last.
 */
struct suggest_person {
	char	*name;		/* any of the three may be NULL, not all */
	char	*handle;
	char	*email;
	char	*area;		/* "src/, docs/": where they are a top
				   author of the last year, or NULL */
	int	 from_history;	/* not named: a top author */
};

struct suggest_people {
	struct suggest_person	*v;
	size_t			 n, alloc;
	struct suggest_person	*old;		/* emeritus */
	size_t			 nold, oldalloc;
	size_t			 named;		/* of v, named by the rule */
	char			*rule;		/* the rule read, or NULL */
	char			*said;		/* what it found, or NULL */
};

struct repo_result;
struct strbuf;

void	 suggest_people(const struct repo_result *,
	    const struct suggest_history *, struct suggest_people *);
void	 suggest_people_release(struct suggest_people *);
/* The drafts, appended to sb; repository text is sanitised. */
void	 suggest_governance(const struct suggest_people *,
	    const struct suggest_history *, struct strbuf *);
void	 suggest_maintainers(const struct suggest_people *,
	    const struct suggest_history *, struct strbuf *);
/* The top authors of group g to show, at most this many. */
#define SUGGEST_OWNERS	3

#endif
