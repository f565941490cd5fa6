/*
 * people.h: the people a project names as its maintainers, from any
 * source, merged into one list with every place each was found.
 *
 * people_add() is the one way in: a reader of MAINTAINERS, GOVERNANCE
 * and README documents (people_from_doc() here) and, later, of
 * CODEOWNERS owners each add what they found. The same person found
 * twice is one person: GitHub handles and emails compare without case, a
 * users.noreply.github.com email gives its handle, names compare without
 * case and without middle initials ("Vladimir I. Iglovikov" is
 * "Vladimir Iglovikov"), and a name written as a handle ("Adam Gleave",
 * @adamgleave) is that handle. A handle "org/team" is a GitHub team,
 * whose members cannot be told offline.
 *
 * people_from_doc() reads a Markdown or reST document already parsed into
 * headings (markdown.h, rst.h). It reads sections headed like a list of
 * maintainers (Maintainers, Core team, Leads, Steering committee), like
 * a team (Team, People, Authors) or like former maintainers (Retired,
 * Emeritus, Former, Alumni: those people are retired); with
 * PEOPLE_WHOLE, every section of the document but those about
 * contributors or credits (a MAINTAINERS file). In those sections a
 * person is a GitHub handle (@jane, a link to github.com/jane), an email
 * ("Jane Doe <jane@x.org>"), a row of a table with a Name, GitHub or
 * Email column, or, only in a section headed like maintainers (or a
 * team section saying "maintained by"), a list item or a short
 * paragraph that is a person's name ("- Jane Doe (University of X)").
 * A handle in the Name cell of a table ("[Jane Doe](https://github.com/
 * jdoe)", "Jane Doe (@jdoe)") is that person's.
 *
 * Prose saying "maintained by" ("written and maintained by", "developed
 * and maintained by") in a section of a team, of maintainers or of
 * contributors names the people after it: every name, link and handle
 * of the rest of its sentence, or, when the sentence ends there ("is
 * maintained by:"), of the list that follows. A section headed like the
 * contributors (Contributors) is otherwise no list of maintainers, but a
 * sign of them when it shows people (a table or list of them, handles,
 * an image such as a contributors graph) and is not itself a part of
 * acknowledgements: its heading is kept in people.signs for the rule to
 * name when nothing else names enough maintainers.
 * A list most of whose items are not names (features under "Team") names
 * nobody; nothing in code blocks or comments counts.
 *
 * What is a list item, a paragraph or code is the document reader's to
 * say (cmark for Markdown): people_from_doc() reads the text blocks of
 * doc->text (markdown.h), never grouping lines itself. A list item is the
 * first paragraph of an item, up to a table row; the lines of a
 * paragraph or HTML block that start with '|' (or, in reST, "+-") are
 * table rows, the runs of other lines between them paragraphs.
 */
#ifndef EC_PEOPLE_H
#define EC_PEOPLE_H

#include <stddef.h>

struct md_doc;
struct strbuf;

/* One place a person was found. */
struct person_ref {
	char	*path;
	int	 line;		/* 0 when not known */
	char	*source;	/* what named them: a heading, "CODEOWNERS";
				   may be NULL */
	int	 retired;	/* named there as retired */
};

struct person {
	char			*name;		/* display name, or NULL */
	char			*handle;	/* GitHub login without @, or
						   "org/team", or NULL */
	char			*email;		/* or NULL */
	int			 team;		/* handle is a team */
	int			 retired;	/* every place names them retired */
	struct person_ref	*refs;		/* in the order found */
	size_t			 nrefs;
	size_t			 refalloc;
};

/* A section that shows contributors without naming maintainers. */
struct people_sign {
	char	*path;
	int	 line;		/* of its heading */
	char	*heading;	/* the heading's text */
};

struct people {
	struct person		*v;
	size_t			 n;
	size_t			 alloc;
	size_t			 teams;		/* of v, the teams */
	struct people_sign	*signs;		/* in the order found */
	size_t			 nsigns;
	size_t			 signalloc;
	size_t			 mentions;	/* people_add() calls kept */
	size_t			 dropped;	/* past a cap: not kept */
	char			*drop_path;	/* the first one dropped */
	int			 drop_line;
};

#define PEOPLE_INIT { NULL, 0, 0, 0, NULL, 0, 0, 0, 0, NULL, 0 }

/*
 * Each name added is compared with every person kept: caps on both keep
 * the work linear in what is read; a name past them is counted in
 * dropped, for the rules to say.
 */
#define PEOPLE_MAX		2000	/* distinct people kept */
#define PEOPLE_MAX_MENTIONS	20000	/* names added */

/* people_from_doc() flags */
#define PEOPLE_WHOLE	0x1	/* every section may name maintainers */
#define PEOPLE_RST	0x2	/* the text is reStructuredText */

/*
 * Add one person found at path:line by source (any of name, handle,
 * email may be NULL, not all; a handle may start with '@'), merging with
 * whoever is the same person.
 */
void	 people_add(struct people *, const char *, const char *,
	    const char *, int, const char *, int, const char *);
/*
 * Add the people that len bytes of buf, parsed into doc (lines as the
 * readers count them), name; flags PEOPLE_*. Returns how many were
 * added (mentions, before merging).
 */
size_t	 people_from_doc(struct people *, const char *, size_t,
	    const struct md_doc *, const char *, unsigned);
/*
 * Whether a document parsed into doc is a page of maintainers or of a
 * team: its first heading is ("Team", "Core developers", "Maintainers";
 * not "Contact the author").
 */
int	 people_page(const struct md_doc *);
/* People who are neither teams nor retired. */
size_t	 people_current(const struct people *);
/* Append how a person is named: "Jane Doe (@jane)", "@org/team". */
void	 people_display(const struct person *, struct strbuf *);
/* Whether n bytes of s look like a person's name ("Jane van Doe"). */
int	 people_name_like(const char *, size_t);
void	 people_release(struct people *);

#endif
