/*
 * ctx.h: the check context, all a rule type sees of a repository.
 *
 * The context is opaque. It gives the tree source (for queries), the
 * rule set and its facts, the end of the history window, and services
 * computed once per check and shared by the rules: a keyed cache of
 * files read and parsed (text, Markdown, reStructuredText; more readers
 * add their kinds),
 * the history of a window, and the one way to locate and read a rule's
 * file, which turns every outcome of the tree source (a link, a missing
 * file, a submodule, an unreadable or binary file) into one result and
 * one piece of evidence of the finding.
 */
#ifndef EC_CTX_H
#define EC_CTX_H

#include <stddef.h>
#include <stdint.h>

#include "finding.h"
#include "read/markdown.h"
#include "ruleset.h"
#include "strbuf.h"

struct check_ctx;
struct co_file;
struct reader;
struct git_oid;
struct git_repository;
struct history;
struct history_opts;
struct tags_newest;
struct tree;
struct tree_entry;

/*
 * Where a rule looks for its file: the first of names found in one of
 * dirs (default "."), else the first of accept (then *accepted is set);
 * names may be globs. Entries smaller than min bytes do not count.
 */
struct file_query {
	const struct rule_key	*names;
	const struct rule_key	*accept;
	const struct rule_key	*dirs;
	int			 icase;
	long long		 min;
};

/* How ctx_read() reads. */
#define CTX_READ_TEXT	0x1	/* a binary file is a failure */

/* What ctx_read() returns besides 0 and the TREE_E* codes of tree.h. */
#define CTX_EBINARY	(-10)	/* binary, with CTX_READ_TEXT */
#define CTX_EPARSE	(-11)	/* read, but its reader refused it */

/* For the driver and tests: head may be NULL (no commits). */
struct check_ctx *ctx_new(struct git_repository *, struct tree *,
		    const struct ruleset *, const struct git_oid *, int64_t);
void		 ctx_free(struct check_ctx *);

const struct tree	*ctx_tree(const struct check_ctx *);
/*
 * The name of the repository's directory ("opacus" for a checkout in
 * opacus/, or a bare opacus.git), allocated; NULL when it has none.
 */
char			*ctx_repo_name(const struct check_ctx *);
const struct ruleset	*ctx_ruleset(const struct check_ctx *);
/* A fact given with --fact or in [facts], and where (may be NULL). */
const char	*ctx_fact(const struct check_ctx *, const char *,
		    const char **);
int64_t		 ctx_as_of(const struct check_ctx *);
int		 ctx_has_head(const struct check_ctx *);

/*
 * The keyed cache: what a reader of this kind made of an entry read up
 * to cap bytes, or NULL. ctx_cache_add() hands data over; free_fn frees
 * it with the context.
 */
void		*ctx_cache_find(struct check_ctx *, const char *,
		    const struct tree_entry *, size_t);
void		 ctx_cache_add(struct check_ctx *, const char *,
		    const struct tree_entry *, size_t, void *,
		    void (*)(void *));

/*
 * Let ctx take twin's aggregate items (entry NULL) whose computation
 * asked nothing of twin's tree that d (tree_delta(), kept by the caller
 * while ctx lives) says differs in ctx's tree; twin outlives ctx and
 * keeps them.
 */
struct tree_delta;
void		 ctx_twin(struct check_ctx *, struct check_ctx *,
		    const struct tree_delta *);

/*
 * An aggregate (entry NULL) filled after it is added, a piece at a time:
 * it is not shared with a twin, and each piece keeps what computing it
 * asked of the tree (ctx_asked_mark() before, ctx_asked_keep() after) and
 * says it again when used (ctx_asked_replay()), so that every rule's log
 * of questions holds what its answer came from.
 */
void		 ctx_cache_add_open(struct check_ctx *, const char *, void *,
		    void (*)(void *));
struct tree_queries;
size_t		 ctx_asked_mark(const struct check_ctx *);
void		 ctx_asked_keep(const struct check_ctx *, size_t,
		    struct tree_queries *);
void		 ctx_asked_replay(const struct check_ctx *,
		    const struct tree_queries *);

/*
 * An aggregate computed whole between its ctx_cache_find() and this add,
 * from nothing but what it asked of the tree then: a twin may take it.
 */
void		 ctx_cache_add_pure(struct check_ctx *, const char *, size_t,
		    void *, void (*)(void *));

/*
 * Let ctx take twin's pure aggregate items whose computation asked
 * nothing of twin's tree that d (tree_delta(), kept by the caller while
 * ctx lives) says differs in ctx's tree; twin outlives ctx and keeps
 * them.
 */
struct tree_delta;
void		 ctx_twin(struct check_ctx *, struct check_ctx *,
		    const struct tree_delta *);

/* The entry a query finds, or NULL; looked gets the names tried. */
const struct tree_entry *ctx_locate(struct check_ctx *,
		    const struct file_query *, int *, struct strbuf *);
/*
 * ctx_locate() found path under an accepted name, not want: cap f at
 * level warning and, if it passed, fail it with the fix to rename the
 * file.
 */
void		 ctx_accepted_name(struct finding *, const char *,
		    const char *);
/*
 * When ctx_locate() found nothing but the working tree could not read a
 * directory, what is looked for may be there: f is made unknown, naming
 * the directory, and 1 returned; else 0 (the rule says "not found").
 */
int		 ctx_not_found(struct check_ctx *, struct finding *,
		    const char *);
/* The query of a rule of type file (its path, accept, dirs, case). */
void		 ctx_file_query(const struct rule *, struct file_query *);
/*
 * When an entry cannot be a rule's file (a symbolic link, a submodule),
 * fill f with the result and evidence and return -1; else 0.
 */
int		 ctx_usable(struct check_ctx *, const struct tree_entry *,
		    struct finding *);
/*
 * Read at most cap bytes of an entry, once per check (the text is the
 * context's). Returns 0 with *buf, *len and *truncated set, or, when
 * the file cannot be read as asked, the tree source's code (-1 for an
 * error, printed once per check, or a TREE_E* code) or CTX_EBINARY; f,
 * unless NULL, then has the result (fail for a link, a submodule, a file
 * gone from the working tree or, with CTX_READ_TEXT, a binary file;
 * unknown for an unreadable file) and evidence naming the file.
 */
int		 ctx_read(struct check_ctx *, const struct tree_entry *,
		    size_t, unsigned, struct finding *, const char **,
		    size_t *, int *);
/*
 * The size of an entry in bytes, from the tree source's metadata: no
 * byte is read. Returns 0, or what ctx_read() would (f filled alike);
 * one failure serves both.
 */
int		 ctx_size(struct check_ctx *, const struct tree_entry *,
		    struct finding *, uint64_t *);
/*
 * The model a reader (read/reader.h) makes of the first cap bytes of an
 * entry, built once per check and cached by (reader, entry, cap). The
 * bytes come through ctx_read(), so a link, a missing, unreadable or
 * non-regular file, a binary one (READER_TEXT, READER_DOC) and one the
 * reader refuses ("cannot be read as NAME", unknown) are judged in one
 * place. NULL when there is no model; f, unless NULL, then says why, and
 * *rc (unless NULL) has ctx_read()'s code or CTX_EPARSE.
 */
const void	*ctx_model(struct check_ctx *, const struct reader *,
		    const struct tree_entry *, size_t, struct finding *,
		    int *);
/*
 * How many texts a reader parsed in this check (a file the read judge
 * refused is not parsed): one per (entry, cap) asked for, however often.
 * For tests that pin "one parse".
 */
size_t		 ctx_model_count(const struct check_ctx *,
		    const struct reader *);
/*
 * What ctx_read() reads, parsed into headings and sections by the reader its name
 * calls for: reStructuredText for .rst and .rest (rst.h), Markdown for
 * any other (a README.txt or a bare README too). NULL when f was filled.
 */
const struct md_file *ctx_document(struct check_ctx *,
		    const struct tree_entry *, size_t, struct finding *);
/*
 * The CODEOWNERS file e (its first CODEOWNERS_MAX bytes, what GitHub
 * loads) parsed once per check and shared by the rules that read it;
 * NULL when it could not be read (f, unless NULL, then says why).
 */
const struct co_file *ctx_codeowners(struct check_ctx *,
		    const struct tree_entry *, struct finding *);
/*
 * The history of a window, walked once per set of options; NULL when it
 * could not be read (an error was printed).
 */
const struct history *ctx_history(struct check_ctx *,
		    const struct history_opts *);
/*
 * The newest commit that changed path (a file or directory), as "git log
 * -1 -- PATH" shows it, from the commit checked, looking at most at limit
 * commits (0: CTX_CHANGE_LIMIT): 1 found (*when its committer date, hex
 * its name), 0 never changed (or no commits), 2 not decided (a shallow
 * boundary or a missing commit), 3 not within limit commits (*when is 0
 * for 2 and 3), -1 error printed.
 */
int		 ctx_last_change(struct check_ctx *, const char *, size_t,
		    int64_t *, char *, size_t);
/* The committer date of the commit checked: 0, or -1 when there is none. */
int		 ctx_head_time(struct check_ctx *, int64_t *);
/*
 * The newest release tag made at or before the date checked (tags.h):
 * 0, or -1 (error printed); release tn with tags_newest_release().
 */
int		 ctx_newest_tag(struct check_ctx *, struct tags_newest *);
/* The newest commit of the window as hex, "" when there is none. */
void		 ctx_history_newest(const struct history *, char *, size_t);

#endif
