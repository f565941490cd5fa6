/*
 * history.h: the commits and authors of a date window, as git counts them.
 *
 * The walk goes in committer-date order from the tip and stops where
 * "git rev-list --since" stops, so its cost grows with the commits in the
 * window, not with the history. Authors are mailmapped (the .mailmap of
 * the tree source) and keyed by lowercased email.
 */
#ifndef EC_HISTORY_H
#define EC_HISTORY_H

#include <stddef.h>
#include <stdint.h>

#include <git2.h>

struct tree;

struct history_opts {
	int64_t		 since;		/* window start, seconds, included */
	int64_t		 until;		/* window end, seconds, included */
	int		 merges;	/* count merge commits (default 1) */
	int		 coauthors;	/* add Co-authored-by: trailers */
};

struct history_author {
	char		*name;		/* mailmapped name */
	char		*email;		/* mailmapped email, as written */
	char		*key;		/* email lowercased: the identity */
	size_t		 commits;	/* commits in the window */
	int64_t		 first;		/* earliest author's commit time seen */
	int		 coauthor_only;	/* seen only in trailers */
};

struct history {
	size_t			 commits;	/* commits in the window */
	size_t			 merges;	/* of which merges */
	struct history_author	*authors;	/* sorted by commits, then key */
	size_t			 nauthors;
	size_t			 alloc;
	int			 shallow;	/* the repository is shallow */
	int			 truncated;	/* walk reached the shallow
						   boundary (or a missing
						   parent) inside the window:
						   counts are lower bounds */
	git_oid			 first_oid;	/* newest commit in window
						   (the first git log shows) */
	int			 has_first;
	size_t			 walked;	/* commits parsed (for tests) */
	const char		*no_authors;	/* why authors cannot be
						   counted (the .mailmap
						   cannot be read whole), or
						   NULL */
};

/*
 * The commit rev names (NULL: HEAD), as git finds it: tags peeled and
 * replacements followed from the raw objects, so a commit libgit2 cannot
 * parse (no author line, a date beyond 64 bits) is found all the same.
 * what prefixes messages. -1: error printed.
 */
int	 history_resolve(git_repository *, const char *, const char *,
	    git_oid *);
/*
 * The committer date of a commit (or its replacement) as "git log
 * --format=%ct" reads it, unsigned, at most INT64_MAX. -1: error printed.
 */
int	 history_commit_time(git_repository *, const git_oid *, const char *,
	    int64_t *);
/*
 * The creator date of the reference name, as git for-each-ref's
 * creatordate gives it: an annotated tag's tagger date (a tag of a tag
 * followed), else the committer date of the commit it names. 0, or -1
 * when it names no commit or tagger that can be read (a commit's trouble
 * is printed, a missing tag object's is not).
 */
int	 history_tag_time(git_repository *, git_odb *, const char *,
	    int64_t *);
/*
 * The tree of a commit (or of its replacement), from its first header
 * line as git's parse_commit_buffer() reads it: a commit libgit2 cannot
 * parse has a tree all the same. -1: error printed.
 */
int	 history_commit_tree(git_repository *, const git_oid *, const char *,
	    git_oid *);
/*
 * Load the .mailmap of the tree source (none is fine). When it cannot be
 * read whole (unreadable, larger than 64 MiB), *out is NULL and *why says
 * why: authors cannot then be counted as git counts them. -1: error
 * printed.
 */
int	 history_mailmap(const struct tree *, git_mailmap **, const char **);
/* Walk from tip; out must be zeroed. Errors are printed, -1 returned. */
int	 history_walk(git_repository *, const git_oid *, git_mailmap *,
	    const struct history_opts *, struct history *);
void	 history_release(struct history *);

/* A commit of history_each(), as git's walk sees it. */
struct history_commit {
	const git_oid	*oid;
	git_oid		 tree;		/* its root tree */
	const git_oid	*parents;	/* as git sees them: a graft's, none
					   at a shallow boundary */
	size_t		 nparents;
	const char	*name;		/* the author as written, not */
	const char	*email;		/* mailmapped ("%aN", "%aE" when
					   the line cannot be parsed) */
	int64_t		 when;		/* committer date */
	int		 in_window;	/* at or before opts->until */
	int		 truncated;	/* the walk so far was cut (shallow,
					   missing parents) */
};

/* Nonzero stops the walk and is an error (printed by the callback). */
typedef int history_each_fn(const struct history_commit *, void *);

/*
 * The commits history_walk() pops from tip, in its order, newest first:
 * those at or after opts->since, also those after opts->until (with
 * in_window 0), each told to cb. 0, or -1: error printed.
 */
int	 history_each(git_repository *, const git_oid *,
	    const struct history_opts *, history_each_fn *, void *);

/* The newest commit that changed a path, as history_last_change() finds. */
struct history_change {
	int		 found;		/* oid and when are set */
	git_oid		 oid;
	int64_t		 when;		/* its committer date */
	int		 limited;	/* the search stopped at its limit */
	int		 truncated;	/* it reached the shallow boundary
					   or a missing commit */
	size_t		 walked;	/* commits popped */
};

/*
 * The newest commit from tip that changed path (a file or a directory):
 * the first commit "git log -1 -- PATH" shows, walking in committer-date
 * order and following only a parent the path is the same in (git's
 * default history simplification). At most limit commits are looked at.
 * out is zeroed here. 0, or -1: error printed.
 */
int	 history_last_change(git_repository *, const git_oid *, const char *,
	    size_t, struct history_change *);

#endif
