/*
 * rule-maintainers.c: the "maintainers" rule type: at least `min` core
 * maintainers are named, counted as distinct people (people.c merges the
 * same person found in several places) who are not retired.
 *
 * The documents of `file` (MAINTAINERS) are read whole, those of
 * `section_file` (GOVERNANCE, a governance page of the docs, the README)
 * only in sections headed like maintainers, a team or former maintainers.
 * Names of one stem (README.md README.rst) are looked for together, in
 * the directories of `dirs`, as the other types look (ctx-locate.c): the
 * first found of each stem is read. The people are collected once per
 * check for each set of sources (ctx_people(), ctx-people.c). The
 * message names the people with file:line; GitHub teams found when too
 * few people are named make the result unknown: how many people a team
 * holds cannot be told offline, a person decides. Too few named, the
 * message says every place looked in and every one looked for and not
 * found; a section of contributors that shows people (people.h) makes
 * that a warning naming it: whether they are the core maintainers a
 * person decides.
 */
#include "config.h"

#include <string.h>

#include "ctx-people.h"
#include "ctx.h"
#include "finding.h"
#include "pymeta.h"
#include "read/codeowners.h"
#include "read/people.h"
#include "rulecheck.h"
#include "rules.h"
#include "ruleset.h"
#include "strbuf.h"

#define SHOW_MAX		12		/* people named in a message */

static int	 maintainers_parse(struct rule *);
static int	 maintainers_check(const struct rule *, struct check_ctx *,
		    struct finding *);
static void	 name_people(const struct people *, int, int, struct finding *,
		    struct strbuf *);
static void	 packaging_maintainers(struct check_ctx *, long long,
		    struct finding *);
static void	 judge_teams(const struct people *, size_t, long long,
		    struct finding *, struct strbuf *);
static void	 judge_few(const struct rule *, const struct ctx_people *,
		    size_t, long long, struct finding *, struct strbuf *);
static void	 add_or_list(struct strbuf *, const char *);
static void	 contributors_sign(const struct people *, struct finding *);

static const struct rule_key_spec maintainers_keys[] = {
	{ "min", KEY_INT, .flags = KEYF_REPO, .min = 1, .max = 1000000,
	    .doc = "distinct current maintainers needed (default 2)" },
	{ "file", KEY_WORDS,
	    .doc = "documents of maintainers, read whole (MAINTAINERS.md)" },
	{ "section_file", KEY_WORDS,
	    .doc = "documents read in their maintainers or team sections" },
	{ "follow", KEY_WORDS,
	    .doc = "documents whose links lead to team pages read too" },
	{ "codeowners", KEY_WORDS,
	    .doc = "CODEOWNERS paths, the first found read for its owners" },
	{ "dirs", KEY_WORDS, .doc = "directories to look in (default .)" },
	{ "case", KEY_ENUM, .choices = "sensitive|insensitive",
	    .doc = "how file names compare" },
	{ .name = NULL }
};

const struct rule_type rule_maintainers = {
	.name = "maintainers",
	.summary = "at least min core maintainers are named",
	.keys = maintainers_keys,
	.parse = maintainers_parse,
	.check = maintainers_check,
};

static int
maintainers_parse(struct rule *r)
{
	if (rule_key(r, "file") == NULL && rule_key(r, "section_file") ==
	    NULL && rule_key(r, "codeowners") == NULL)
		return rule_error(r, NULL, "a maintainers rule needs 'file', "
		    "'section_file' or 'codeowners'");
	return rule_dirs_inside(r, "dirs");
}

/*
 * Say who was found: the current people (or, with retired, the retired
 * ones; with teams, the teams) into sb, and their places as evidence.
 */
static void
name_people(const struct people *pp, int retired, int teams,
    struct finding *f, struct strbuf *sb)
{
	struct strbuf who = STRBUF_INIT;
	const struct person *p;
	size_t i, j, shown, total;

	for (i = shown = total = 0; i < pp->n; i++) {
		p = &pp->v[i];
		if (p->team != teams || (!teams && p->retired != retired))
			continue;
		total++;
		for (j = 0; j + 1 < p->nrefs && p->refs[j].retired != retired;
		    j++)
			;
		strbuf_reset(&who);
		people_display(p, &who);
		if (!retired)
			finding_evidence(f, p->refs[j].path, p->refs[j].line,
			    who.buf);
		if (shown == SHOW_MAX)
			continue;
		strbuf_addf(sb, "%s%s", shown > 0 ? ", " : "", who.buf);
		if (!retired)
			strbuf_addf(sb, " (%s:%d)", p->refs[j].path,
			    p->refs[j].line);
		shown++;
	}
	if (total > shown)
		strbuf_addf(sb, " and %zu more", total - shown);
	strbuf_release(&who);
}

/* Too few maintainers named but GitHub teams: a person must count. */
static void
judge_teams(const struct people *pp, size_t cur, long long min,
    struct finding *f, struct strbuf *msg)
{
	if (cur > 0) {
		strbuf_addf(msg, "%zu maintainer%s named (", cur,
		    cur == 1 ? "" : "s");
		name_people(pp, 0, 0, f, msg);
		strbuf_addstr(msg, ") and ");
	} else
		strbuf_addstr(msg, "no maintainer named, only ");
	strbuf_addf(msg, "%zu GitHub team%s (", pp->teams,
	    pp->teams == 1 ? "" : "s");
	name_people(pp, 0, 1, f, msg);
	finding_result(f, RESULT_UNKNOWN, "%s), whose members cannot "
	    "be counted offline: a person must decide whether %lld "
	    "core maintainers are named", msg->buf, min);
	f->judgment = 1;
}

/* Append a list of ", " between as "a, b or c". */
static void
add_or_list(struct strbuf *sb, const char *list)
{
	const char *last;

	if ((last = strrchr(list, ',')) == NULL) {
		strbuf_addstr(sb, list);
		return;
	}
	strbuf_add(sb, list, (size_t)(last - list));
	strbuf_addf(sb, " or%s", last + 1);
}

/*
 * Too few maintainers named: say where ecocheck looked (cp->looked) and
 * what it looked for and did not find (cp->missing).
 */
static void
judge_few(const struct rule *r, const struct ctx_people *cp, size_t cur,
    long long min, struct finding *f, struct strbuf *msg)
{
	if (cur > 0) {
		strbuf_addf(msg, "only %zu maintainer named: ", cur);
		name_people(&cp->pp, 0, 0, f, msg);
		strbuf_addf(msg, "; looked in %s", cp->looked.buf);
	} else if (cp->ndocs > 0)
		strbuf_addf(msg, "no maintainers named in %s",
		    cp->looked.buf);
	else
		strbuf_addstr(msg, "no maintainers named");
	if (cp->missing.len > 0) {
		strbuf_addstr(msg, cp->ndocs > 0 || cur > 0 ? "; no " :
		    ": no ");
		add_or_list(msg, cp->missing.buf);
		strbuf_addstr(msg, " found");
	}
	strbuf_addf(msg, "; at least %lld are needed", min);
	finding_result(f, cp->unread.len > 0 ? RESULT_UNKNOWN : RESULT_FAIL,
	    "%s", msg->buf);
	if (cp->unread.len > 0)
		finding_append(f, " (could not be read: %s)", cp->unread.buf);
	if (r->help == NULL)
		finding_fix(f, "name the maintainers in MAINTAINERS.md, "
		    "e.g. a table with Name and GitHub columns");
}

/*
 * Too few maintainers, but a section of contributors shows people: a
 * sign a person must read, so a warning naming each, not a failure.
 */
static void
contributors_sign(const struct people *pp, struct finding *f)
{
	const struct people_sign *g;
	size_t i;

	if (f->result != RESULT_FAIL || pp->nsigns == 0)
		return;
	for (i = 0; i < pp->nsigns; i++) {
		g = &pp->signs[i];
		finding_append(f, "%s %s '%s' at line %d", i > 0 ? "," : ";",
		    g->path, g->heading, g->line);
		finding_evidence(f, g->path, g->line, "contributors");
	}
	finding_append(f, " list%s contributors; whether they are core "
	    "maintainers a person decides", pp->nsigns > 1 ? "" : "s");
	finding_cap_level(f, LEVEL_WARNING);
}

/*
 * Too few maintainers in the documents, but the packaging metadata names
 * enough ([project] maintainers): a sign for a person, so a warning
 * naming them, not a failure.
 */
static void
packaging_maintainers(struct check_ctx *ctx, long long min,
    struct finding *f)
{
	const struct pydecls *d;
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	d = &pymeta_get(ctx)->maintainers;
	if (f->result != RESULT_FAIL || (long long)d->n < min)
		return;
	for (i = 0; i < d->n; i++)
		strbuf_addf(&sb, "%s%s", i > 0 ? ", " : "", d->v[i].text);
	finding_append(f, "; the packaging metadata names %zu maintainers "
	    "(%s, %s:%d): a person should confirm they are the core "
	    "maintainers and name them in MAINTAINERS.md", d->n, sb.buf,
	    d->v[0].path, d->v[0].line);
	finding_evidence(f, d->v[0].path, d->v[0].line, "maintainers");
	finding_cap_level(f, LEVEL_WARNING);
	strbuf_release(&sb);
}

static int
maintainers_check(const struct rule *r, struct check_ctx *ctx,
    struct finding *f)
{
	const struct ctx_people *cp;
	const struct people *pp;
	struct strbuf msg = STRBUF_INIT;
	size_t cur, retired;
	long long min;

	min = rule_int(r, "min", 2);
	cp = ctx_people(ctx, r);
	pp = &cp->pp;
	cur = people_current(pp);
	retired = pp->n - pp->teams - cur;
	finding_value(f, (long long)cur);
	finding_min(f, min);
	if (cur >= (size_t)min) {
		strbuf_addf(&msg, "%zu maintainer%s named: ", cur,
		    cur == 1 ? "" : "s");
		name_people(pp, 0, 0, f, &msg);
		finding_result(f, RESULT_PASS, "%s", msg.buf);
	} else if (pp->teams > 0)
		judge_teams(pp, cur, min, f, &msg);
	else if (cp->ndocs == 0 && ctx_not_found(ctx, f, "maintainers"))
		retired = 0;
	else {
		judge_few(r, cp, cur, min, f, &msg);
		contributors_sign(pp, f);
		packaging_maintainers(ctx, min, f);
	}
	if (retired > 0) {
		strbuf_reset(&msg);
		name_people(pp, 1, 0, f, &msg);
		finding_append(f, "; %zu retired: %s", retired, msg.buf);
	}
	if (pp->dropped > 0)
		finding_append(f, "; %zu more names, from %s:%d on, were not "
		    "read (a limit: %d people, %d names, %d owners a "
		    "CODEOWNERS line)", pp->dropped, pp->drop_path != NULL ?
		    pp->drop_path : "?", pp->drop_line, PEOPLE_MAX,
		    PEOPLE_MAX_MENTIONS, CO_MAX_LINE_OWNERS);
	strbuf_release(&msg);
	return 0;
}
