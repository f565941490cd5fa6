/*
 * codeowners.h: CODEOWNERS files as GitHub reads them, parsed and
 * matched, on bytes in memory: no I/O, no git.
 *
 * A line is a pattern, then owners separated by spaces or tabs, then
 * perhaps a comment from a '#' that starts a word; a line whose first
 * non-blank is '#' is a comment. Patterns are gitignore's but for what
 * GitHub does not support ('!' negation, '[ ]' classes, an escaped
 * leading '#'); "\ " is a space inside a pattern. Owners are @user,
 * @org/team or an email address. A line GitHub would refuse becomes an
 * error (line, column, a message in GitHub's words with a suggestion
 * where one is plain) and no rule, as GitHub skips it.
 *
 * Matching follows GitHub where it parts from gitignore: a final "/" "*"
 * covers the files directly in a directory, not those further down,
 * "[" and "]" are literal, and the last rule matching a path owns it.
 */
#ifndef EC_CODEOWNERS_H
#define EC_CODEOWNERS_H

#include <stddef.h>

/* GitHub does not load a CODEOWNERS file of this size or more. */
#define CODEOWNERS_MAX	(3 * 1024 * 1024)

struct co_owner {
	char	*name;		/* as written: "@user", "@org/team", email */
	int	 line, col;
	enum { CO_USER, CO_TEAM, CO_EMAIL } kind;
};

struct co_rule {
	char		*pattern;	/* as written ("\ " kept) */
	int		 line, col;
	struct co_owner	*owners;	/* none: the files have no owner */
	size_t		 nowners;
	/* The matcher's, made by codeowners_parse(). */
	char		*glob;		/* glob.h syntax, no leading '/' */
	size_t		 prefix;	/* literal bytes glob starts with */
	unsigned	 flags;		/* CO_F_* of codeowners.c */
};

struct co_error {
	int	 line, col;
	char	*message;	/* GitHub-like wording + suggestion */
};

struct co_comment {
	int	 line;
	char	*text;		/* after the '#', blanks trimmed */
};

struct co_file {
	struct co_rule		*rules;
	size_t			 nrules;
	struct co_error		*errors;
	size_t			 nerrors;
	struct co_comment	*comments;
	size_t			 ncomments;
	size_t			 ralloc, ealloc, comalloc;	/* allocated */
	size_t			 nowners;	/* of every rule */
	/* Past the caps below: not kept, counted, the first line kept. */
	size_t			 owners_dropped;
	int			 owners_line;
	size_t			 rules_dropped;
	int			 rules_line;
};

/*
 * Caps on what one file keeps, so that the rules' work on owners and
 * rules stays linear in what is read: a line's owners (the rest of the
 * line is not kept), then the file's rules and owners (the lines after
 * are not kept). GitHub names no such limit: a file past one is said,
 * never silently cut.
 */
#define CO_MAX_LINE_OWNERS	100
#define CO_MAX_OWNERS		200000
#define CO_MAX_RULES		200000


/* An index of a file's rules that finds paths' owners quickly. */
struct co_index;

/* Parse len bytes of text into f (zeroed here); 0, never fails on input. */
int	 codeowners_parse(const char *, size_t, struct co_file *);
void	 codeowners_release(struct co_file *);
/* The reader of a CODEOWNERS file: a struct co_file. */
struct reader;
extern const struct reader reader_codeowners;
/*
 * Whether the rule matches path ('/'-separated, relative to the root;
 * a final '/' or is_dir makes it a directory): 1 or 0.
 */
int	 codeowners_match(const struct co_rule *, const char *, int);
/* Whether s is a valid owner ("@user", "@org/team", an email): 1 or 0. */
int	 codeowners_owner_valid(const char *);

struct co_index	*codeowners_index(const struct co_file *);
void		 codeowners_index_free(struct co_index *);
/*
 * The rule owning path (a file): the index of the last rule matching
 * it, or -1. The index keeps the directories of the last path asked
 * about and what matches them, so a walk in path order (the files of a
 * directory together) tests a directory's rules once for all its files.
 * With matched (nrules bytes), rules matching path get their byte set
 * to 1: give the same array, never cleared, over the paths of a walk,
 * as those matching a directory are set once, when it is first met, and
 * a rule already set is tested only when it could own path.
 */
long		 codeowners_owner(struct co_index *, const char *,
		    unsigned char *);

#endif
