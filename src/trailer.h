/*
 * trailer.h: the trailers of a commit message ("Key: value" lines at its
 * end), found as git's trailer parser finds them for "git log
 * --format=%(trailers)", from a buffer, without git.
 *
 * The message is what follows the commit header (leading blank lines
 * are skipped; a NUL byte ends it). The trailer block is its last
 * paragraph after the title, before trailing comments, blank lines, an
 * old "Conflicts:" block and a "# --- >8 ---" cut line; it counts when
 * all its lines are trailers (or their continuation lines, which start
 * with a blank), or when it holds a git-generated one ("Signed-off-by: ",
 * "(cherry picked from commit ") and at least 25% trailers. The only
 * separator is ':' after a key of letters, digits and '-' (blanks may
 * come before the ':'); the "---" patch divider is not looked for.
 */
#ifndef EC_TRAILER_H
#define EC_TRAILER_H

#include <stddef.h>

/* One trailer; the pointers are into the message. */
struct trailer {
	const char	*key;		/* blanks before ':' trimmed */
	size_t		 keylen;
	const char	*value;		/* blank-trimmed; continuation */
	size_t		 valuelen;	/*   lines kept as they are */
};

/* An identity "Name <email>" within a buffer. */
struct trailer_ident {
	const char	*name;		/* trailing blanks trimmed */
	size_t		 namelen;
	const char	*email;
	size_t		 emaillen;
};

/* Returns 0 to go on, anything else to stop trailer_each() with it. */
typedef int (*trailer_fn)(const struct trailer *, void *);

/*
 * The trailer block of the len bytes of msg: [*start, *end), offsets
 * into msg; both are the end of the message when there is none.
 */
void	 trailer_block(const char *, size_t, size_t *, size_t *);
/* Call fn on each trailer of the block, in order; returns what stopped. */
int	 trailer_each(const char *, size_t, trailer_fn, void *);
/*
 * Is t a Co-authored-by trailer (key without case) whose value splits as
 * an identity? Returns 1 and fills id, else 0.
 */
int	 trailer_coauthor(const struct trailer *, struct trailer_ident *);
/*
 * git's split_ident_line() on [s, s + n): the name runs up to the first
 * '<' (trailing blanks trimmed), the email up to the next '>'. Returns
 * 0, or -1 when there is no "<...>".
 */
int	 trailer_split_ident(const char *, size_t, struct trailer_ident *);

#endif
