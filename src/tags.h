/*
 * tags.h: the newest release tag of a repository, for the "release"
 * rule type: a tag under refs/tags/ whose name holds a digit ("v1.2",
 * "2024.05", "release-3"), dated as git's creatordate dates it (an
 * annotated tag's tagger date, else the committer date of the commit it
 * names), ignoring tags made after the date checked.
 */
#ifndef EC_TAGS_H
#define EC_TAGS_H

#include <stddef.h>
#include <stdint.h>

#include <git2.h>

#define TAGS_MAX	20000	/* tags read at most */

struct tags_newest {
	char	*name;		/* its short name, or NULL: none */
	int64_t	 when;
	size_t	 ntags;		/* release tags dated at or before as_of */
	size_t	 nunread;	/* whose object could not be read */
	const char *unread;	/* the first of them (in names) */
	int	 capped;	/* more than TAGS_MAX tags: not all read */
	char	**names;	/* every tag read, freed by the release */
	size_t	 nnames;
};

/* Fill tn for the repository as of as_of: 0, or -1 (error printed). */
int	 tags_newest(git_repository *, int64_t, struct tags_newest *);
void	 tags_newest_release(struct tags_newest *);

#endif
