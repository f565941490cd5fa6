/*
 * mailmap.h: a .mailmap read as git reads it, from a buffer, without git.
 *
 * Each line maps a commit's email (and optionally name) to a proper name
 * and/or email, in one of four forms:
 *
 *	Proper Name <commit@email>
 *	<proper@email> <commit@email>
 *	Proper Name <proper@email> <commit@email>
 *	Proper Name <proper@email> Commit Name <commit@email>
 *
 * A line starting with '#' is a comment; so is anything after the last
 * '>' a form uses. A line that is no form (no "<...>", an empty first
 * email) is ignored, as git ignores it. Only the bytes before a line's
 * first NUL count, as git reads the line as a C string. Keys (the commit
 * email and name) are compared without case, and lines for one key add
 * up the way git adds them (see mailmap_merge()).
 */
#ifndef EC_MAILMAP_H
#define EC_MAILMAP_H

#include <stddef.h>

struct mailmap_entry {
	char	*name;		/* proper name, NULL: the commit's */
	char	*email;		/* proper email, NULL: the commit's */
	char	*old_name;	/* commit name, NULL: any name */
	char	*old_email;	/* commit email ("" when written "<>") */
	size_t	 line;		/* line of the file, 1-based */
};

struct mailmap {
	struct mailmap_entry	*e;
	size_t			 n;
	size_t			 alloc;
};

#define MAILMAP_INIT	{ NULL, 0, 0 }

/*
 * Append to mm one entry for each line of the len bytes of buf that maps
 * something, in file order, names and emails as written (names trimmed).
 * A last line without a newline counts.
 */
void	 mailmap_parse(struct mailmap *, const char *, size_t);
/*
 * Merge the entries as git does: keys lowercased; entries for one email
 * alone give, in file order, the name and email each one names; for an
 * email and a name, the last line wins. Leaves one entry per key, sorted
 * by email then name (NULL first), without those that map nothing; an
 * entry keeps the line of the first line for its key.
 */
void	 mailmap_merge(struct mailmap *);
void	 mailmap_release(struct mailmap *);

#endif
