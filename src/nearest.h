/*
 * nearest.h: the closest of some names to one mistyped, for the "did you
 * mean" of an unknown key, rule, option, fact or rule set
 */
#ifndef EC_NEAREST_H
#define EC_NEAREST_H

struct strbuf;

/*
 * The closest of the names tried, if it is close enough to be a typo:
 * at most two edits (Levenshtein, letters compared without case, so a
 * name that differs only in case is the nearest of all) and fewer than
 * the mistyped name's length. A second name as near as the best is kept
 * in tie: then both are offered, and with a third none is.
 */
struct nearest {
	const char	*name;
	const char	*best;		/* NULL: none within two edits */
	const char	*tie;		/* another as near, or NULL */
	unsigned	 dist;
	unsigned	 ntied;		/* names as near as best, best too */
};

void	 nearest_init(struct nearest *, const char *);
/* Keep the name if it is nearer than any before, or as near. */
void	 nearest_try(struct nearest *, const char *);
/*
 * Append "PRE best POST", or "PRE best POST or PRE tie POST" on a tie
 * of two: 1, or 0 (nothing appended) when no name is near or more than
 * two are as near.
 */
int	 nearest_add(const struct nearest *, struct strbuf *, const char *,
	    const char *);
/* " (did you mean 'X'?)" when a name was near, else nothing. */
void	 nearest_say(const struct nearest *, struct strbuf *);

#endif
