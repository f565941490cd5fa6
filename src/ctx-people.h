/*
 * ctx-people.h: the people a project names (read/people.h), collected
 * once per check for each set of sources and shared by the rules that
 * count or name them.
 *
 * The sources are a rule's keys: the documents of `file` are read whole
 * (a MAINTAINERS file), those of `section_file` in their maintainers,
 * team and former-maintainers sections (GOVERNANCE, the README), both
 * looked for in `dirs` with `case` as every type looks (ctx-locate.c),
 * the first found of each stem (README.md README.rst) read; and the
 * owners of the first CODEOWNERS of `codeowners`; and the pages of the
 * repository that the documents of `follow` (the README) link to whose
 * headings are of maintainers or a team, read as section_file's (a docs
 * page "Team" or "Core developers"). Documents come
 * through ctx_document() and CODEOWNERS through ctx_codeowners(), so
 * each file is parsed once whoever else reads it. Two rules with the
 * same values of those keys share one collection.
 */
#ifndef EC_CTX_PEOPLE_H
#define EC_CTX_PEOPLE_H

#include <stddef.h>

#include "read/people.h"
#include "strbuf.h"

/*
 * Bytes of a document read for its people: rules that read the same
 * documents otherwise (rule-codeowners.c) ask for as many, so each is
 * parsed once.
 */
#define CTX_PEOPLE_MAX_BYTES	(8 * 1024 * 1024)	/* as sections reads */

struct check_ctx;
struct rule;

struct ctx_people {
	struct people	 pp;
	size_t		 ndocs;		/* documents found */
	struct strbuf	 looked;	/* their paths and the CODEOWNERS
					   read, ", " between */
	struct strbuf	 missing;	/* what was looked for and not found:
					   "MAINTAINERS", "CODEOWNERS", a
					   glob of docs pages, ", " between */
	struct strbuf	 unread;	/* why the documents found but not
					   read were not, in the read judge's
					   words, "; " between */
};

/* The people of r's sources, collected on the first call of a check. */
const struct ctx_people *ctx_people(struct check_ctx *, const struct rule *);
/* How many collections this check built. For tests that pin "once". */
size_t	 ctx_people_builds(struct check_ctx *);

#endif
