/*
 * suggest-docs.c: the GOVERNANCE.md and MAINTAINERS.md drafts of
 * ecocheck suggest, and the people they name (suggest.h).
 *
 * The people are those the core-maintainers rule found: the first of its
 * finding's evidence, one per current maintainer, whose notes name them
 * as people_display() writes them ("Jane Doe (@jane)", "Jane Doe
 * <jane@x.org>", "@jane"). When it found fewer than two, the top authors
 * of the last year follow, marked as found in the history. What a
 * checkout cannot know (how the project decides, who breaks a tie) is a
 * marked blank, "<!-- to fill in: ... -->" or "_(to fill in: ...)_",
 * never in a place the people reader would take for a person.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "finding.h"
#include "rules.h"
#include "strbuf.h"
#include "suggest.h"
#include "timeutil.h"
#include "utf8.h"
#include "xalloc.h"

#define EMERITUS_MAX	10	/* people listed as possibly emeritus */
#define FROM_HISTORY	3	/* top authors named when nobody is */

static void	 person_parse(const char *, struct suggest_person *);
static int	 person_is(const struct suggest_person *,
		    const struct suggest_author *);
static void	 add_authors(const struct suggest_history *, size_t,
		    struct suggest_people *);
static void	 add_areas(const struct suggest_history *,
		    struct suggest_people *);
static void	 add_emeritus(const struct suggest_history *,
		    struct suggest_people *);
static void	 md_clean(struct strbuf *, const char *);

/* The maintainers rule's finding in res, or NULL. */
static const struct finding *
maintainers_finding(const struct repo_result *res)
{
	size_t i;

	for (i = 0; i < res->nfindings; i++)
		if (strcmp(res->findings[i].rule->id, "core-maintainers") == 0)
			return &res->findings[i];
	for (i = 0; i < res->nfindings; i++)
		if (strcmp(res->findings[i].rule->type->name,
		    "maintainers") == 0)
			return &res->findings[i];
	return NULL;
}

/* A person as people_display() named them. */
static void
person_parse(const char *s, struct suggest_person *p)
{
	const char *q;
	size_t n;

	memset(p, 0, sizeof(*p));
	n = strlen(s);
	if (*s == '@') {
		p->handle = xstrdup(s + 1);
	} else if (n > 4 && s[n - 1] == ')' && (q = strstr(s, " (@")) !=
	    NULL) {
		p->name = xstrndup(s, (size_t)(q - s));
		p->handle = xstrndup(q + 3, n - (size_t)(q - s) - 4);
	} else if (n > 3 && s[n - 1] == '>' && (q = strrchr(s, '<')) !=
	    NULL && q > s && q[-1] == ' ') {
		p->name = xstrndup(s, (size_t)(q - s) - 1);
		p->email = xstrndup(q + 1, n - (size_t)(q - s) - 2);
	} else if (strchr(s, '@') != NULL && strchr(s, ' ') == NULL)
		p->email = xstrdup(s);
	else
		p->name = xstrdup(s);
}

static int
same_text(const char *a, const char *b)
{
	size_t i;

	if (a == NULL || b == NULL || *a == '\0' || strlen(a) != strlen(b))
		return 0;
	for (i = 0; a[i] != '\0'; i++)
		if (ascii_tolower((unsigned char)a[i]) !=
		    ascii_tolower((unsigned char)b[i]))
			return 0;
	return 1;
}

/* Whether a history author is this person: by handle, email or name. */
static int
person_is(const struct suggest_person *p, const struct suggest_author *a)
{
	return same_text(p->handle, a->handle) || same_text(p->email,
	    a->email) || same_text(p->name, a->name);
}

static struct suggest_person *
people_push(struct suggest_person **v, size_t *n, size_t *alloc)
{
	if (*n == *alloc) {
		*alloc = *alloc ? 2 * *alloc : 8;
		*v = xreallocarray(*v, *alloc, sizeof(**v));
	}
	memset(&(*v)[*n], 0, sizeof(**v));
	return &(*v)[(*n)++];
}

static const struct suggest_history *order_h;	/* by_group_name's */

/* The top authors of the last year not named yet, up to want people. */
static void
add_authors(const struct suggest_history *h, size_t want,
    struct suggest_people *pp)
{
	const struct suggest_author *a;
	struct suggest_person *p;
	size_t *v, n, i, j;

	v = suggest_by_commits(h, 0, &n);
	for (i = 0; i < n && pp->n < want; i++) {
		a = &h->a[v[i]];
		for (j = 0; j < pp->n && !person_is(&pp->v[j], a); j++)
			;
		if (j < pp->n)
			continue;
		p = people_push(&pp->v, &pp->n, &pp->alloc);
		p->name = xstrdup(a->name);
		p->handle = a->handle != NULL ? xstrdup(a->handle) : NULL;
		p->email = a->handle == NULL ? xstrdup(a->email) : NULL;
		p->from_history = 1;
	}
	free(v);
}

/* Groups by name, the root's first ('*' sorts before letters). */
static int
by_group_name(const void *x, const void *y)
{
	return strcmp(order_h->g[*(const size_t *)x].name,
	    order_h->g[*(const size_t *)y].name);
}

/* Where each person is among the top authors of the last year. */
static void
add_areas(const struct suggest_history *h, struct suggest_people *pp)
{
	struct strbuf sb = STRBUF_INIT;
	const struct suggest_group *g;
	size_t i, j, k, n, *top, *gi;

	gi = xcalloc(h->ng + 1, sizeof(*gi));
	for (j = 0; j < h->ng; j++)
		gi[j] = j;
	order_h = h;
	qsort(gi, h->ng, sizeof(*gi), by_group_name);
	for (i = 0; i < pp->n; i++) {
		strbuf_reset(&sb);
		for (j = 0; j < h->ng; j++) {
			g = &h->g[gi[j]];
			n = suggest_top(h, g, &top);
			for (k = 0; k < n && k < SUGGEST_OWNERS; k++)
				if (person_is(&pp->v[i], &h->a[top[k]]))
					break;
			if (k < n && k < SUGGEST_OWNERS)
				strbuf_addf(&sb, "%s%s%s", sb.len ? ", " : "",
				    strcmp(g->name, SUGGEST_ROOT) == 0 ?
				    "the root files" : g->name,
				    strcmp(g->name, SUGGEST_ROOT) == 0 ?
				    "" : "/");
			free(top);
		}
		if (sb.len > 0)
			pp->v[i].area = strbuf_detach(&sb, NULL);
	}
	free(gi);
	strbuf_release(&sb);
}

/* Active in the year before the last, not in the last, not named. */
static void
add_emeritus(const struct suggest_history *h, struct suggest_people *pp)
{
	const struct suggest_author *a;
	struct suggest_person *p;
	size_t *v, n, i, j;

	v = suggest_by_commits(h, 1, &n);
	for (i = 0; i < n && pp->nold < EMERITUS_MAX; i++) {
		a = &h->a[v[i]];
		for (j = 0; j < pp->n && !person_is(&pp->v[j], a); j++)
			;
		if (a->recent > 0 || j < pp->n)
			continue;
		p = people_push(&pp->old, &pp->nold, &pp->oldalloc);
		p->name = xstrdup(a->name);
		p->handle = a->handle != NULL ? xstrdup(a->handle) : NULL;
		p->email = a->handle == NULL ? xstrdup(a->email) : NULL;
		p->from_history = 1;
	}
	free(v);
}

void
suggest_people(const struct repo_result *res,
    const struct suggest_history *h, struct suggest_people *pp)
{
	const struct finding *f;
	size_t i, n;

	memset(pp, 0, sizeof(*pp));
	f = maintainers_finding(res);
	if (f != NULL && f->result != RESULT_SKIP) {
		pp->rule = xstrdup(f->rule->id);
		pp->said = f->message != NULL ? xstrdup(f->message) : NULL;
	}
	n = f != NULL && f->result != RESULT_SKIP && f->has_value &&
	    f->value > 0 ? (size_t)f->value : 0;
	for (i = 0; i < n && i < f->nev; i++)
		if (f->ev[i].note != NULL)
			person_parse(f->ev[i].note, people_push(&pp->v, &pp->n,
			    &pp->alloc));
	pp->named = pp->n;
	if (pp->n < 2)
		add_authors(h, pp->n == 0 ? FROM_HISTORY : 2, pp);
	add_areas(h, pp);
	add_emeritus(h, pp);
}

static void
person_free(struct suggest_person *p)
{
	free(p->name);
	free(p->handle);
	free(p->email);
	free(p->area);
}

void
suggest_people_release(struct suggest_people *pp)
{
	size_t i;

	for (i = 0; i < pp->n; i++)
		person_free(&pp->v[i]);
	for (i = 0; i < pp->nold; i++)
		person_free(&pp->old[i]);
	free(pp->v);
	free(pp->old);
	free(pp->rule);
	free(pp->said);
	memset(pp, 0, sizeof(*pp));
}

/* Repository text into Markdown: printable, its markup escaped. */
static void
md_clean(struct strbuf *sb, const char *s)
{
	struct strbuf t = STRBUF_INIT;
	size_t i;

	strbuf_add_printable(&t, s, strlen(s));
	for (i = 0; i < t.len; i++) {
		if (strchr("\\`*_[]<>|#", t.buf[i]) != NULL)
			strbuf_addch(sb, '\\');
		strbuf_addch(sb, t.buf[i]);
	}
	strbuf_release(&t);
}

/* Where the people came from, as an HTML comment. */
static void
people_source(const struct suggest_people *pp,
    const struct suggest_history *h, struct strbuf *sb)
{
	char a[16], b[16];

	time_format_date(h->since, a, sizeof(a));
	time_format_date(h->until, b, sizeof(b));
	strbuf_addstr(sb, "<!-- ");
	if (pp->named > 0) {
		strbuf_addf(sb, "%zu named where the %s rule looks", pp->named,
		    pp->rule);
		if (pp->n > pp->named)
			strbuf_addstr(sb, "; ");
	} else if (pp->rule != NULL)
		strbuf_addf(sb, "nobody is named where the %s rule looks;\n"
		    "     ", pp->rule);
	if (pp->n > pp->named)
		strbuf_addf(sb, "%s the top author%s of commits from %s "
		    "to %s\n     in the history (to fill in: confirm they are "
		    "maintainers)", pp->named > 0 ? "then" : "these are",
		    pp->n - pp->named == 1 ? "" : "s", a, b);
	if (pp->n < 2)
		strbuf_addstr(sb, "; to fill in: at least two maintainers are "
		    "needed");
	strbuf_addstr(sb, " -->\n");
}

/* "- Jane Doe (@jane)" or "- Jane Doe <jane@x.org>" and a blank. */
static void
person_item(const struct suggest_person *p, struct strbuf *sb)
{
	strbuf_addstr(sb, "- ");
	if (p->name != NULL)
		md_clean(sb, p->name);
	if (p->handle != NULL)
		strbuf_addf(sb, "%s@%s", p->name != NULL ? " (" : "",
		    p->handle);
	if (p->handle != NULL && p->name != NULL)
		strbuf_addch(sb, ')');
	if (p->handle == NULL && p->email != NULL) {
		strbuf_addstr(sb, p->name != NULL ? " <" : "<");
		strbuf_add_printable(sb, p->email, strlen(p->email));
		strbuf_addstr(sb, "> <!-- to fill in: their GitHub handle -->");
	}
	strbuf_addch(sb, '\n');
}

static void
governance_people(const struct suggest_people *pp,
    const struct suggest_history *h, struct strbuf *sb)
{
	size_t i;

	strbuf_addstr(sb, "## Maintainers\n\nThe maintainers review and "
	    "merge changes, make releases and decide the\nproject's "
	    "direction. They are:\n\n");
	for (i = 0; i < pp->n; i++)
		person_item(&pp->v[i], sb);
	strbuf_addch(sb, '\n');
	people_source(pp, h, sb);
	strbuf_addstr(sb, "\n## Emeritus maintainers\n\nFormer maintainers "
	    "who have stepped down, thanked for their work:\n\n");
	for (i = 0; i < pp->nold; i++)
		person_item(&pp->old[i], sb);
	strbuf_addstr(sb, pp->nold > 0 ? "\n<!-- to fill in: these people "
	    "authored commits in the year before the last\n     but none "
	    "since; keep those who were maintainers -->\n" :
	    "<!-- to fill in: former maintainers, if any -->\n");
}

void
suggest_governance(const struct suggest_people *pp,
    const struct suggest_history *h, struct strbuf *sb)
{
	strbuf_addstr(sb, "# Governance\n\n<!-- A draft made by ecocheck "
	    "suggest governance from this checkout: fill in\n     what is "
	    "marked \"to fill in\", then save it as GOVERNANCE.md. -->\n\n"
	    "This document says who maintains the project and how decisions "
	    "about it\nare made.\n\n");
	governance_people(pp, h, sb);
	strbuf_addstr(sb, "\n## Decision making\n\nDecisions are made in "
	    "public, in issues and pull requests, by consensus\nof the "
	    "maintainers. A change is merged once a maintainer other than "
	    "its\nauthor approves it and no maintainer objects. When the "
	    "maintainers cannot\nagree, they vote, and a simple majority "
	    "decides; a tie is broken by\n_(to fill in: who breaks a tie)_."
	    "\n\n<!-- to fill in: this is a common default; change it to how "
	    "the project\n     really decides (a steering committee, a lead "
	    "maintainer, a vote for\n     releases or for changes to the "
	    "public API). -->\n");
	strbuf_addstr(sb, "\n## Becoming a maintainer\n\nA contributor whose "
	    "work has been sustained and of good quality may be\nnominated "
	    "by a maintainer; the maintainers decide as above. _(to fill "
	    "in:\nhow long, and what is asked of a new maintainer)_\n\n"
	    "## Stepping down\n\nA maintainer may step down at any time, and "
	    "one inactive for _(to fill in:\nmonths)_ is asked whether to "
	    "move to the emeritus maintainers.\n\n## Changes to this "
	    "document\n\nChanges to this governance are proposed by pull "
	    "request and decided by\n_(to fill in: e.g. a majority of the "
	    "maintainers)_.\n");
}

/* A row: Name | GitHub | Role/Area, blanks marked. */
static void
person_row(const struct suggest_person *p, const char *role,
    struct strbuf *sb)
{
	strbuf_addstr(sb, "| ");
	if (p->name != NULL)
		md_clean(sb, p->name);
	else
		strbuf_addstr(sb, "_(to fill in: name)_");
	strbuf_addstr(sb, " | ");
	if (p->handle != NULL)
		strbuf_addf(sb, "@%s", p->handle);
	else
		strbuf_addstr(sb, "_(to fill in: GitHub handle)_");
	strbuf_addf(sb, " | %s", role);
	if (p->area != NULL) {
		strbuf_addstr(sb, "; ");
		md_clean(sb, p->area);
	}
	if (p->handle == NULL && p->email != NULL) {
		strbuf_addstr(sb, " <!-- e-mail in the history: ");
		strbuf_add_printable(sb, p->email, strlen(p->email));
		strbuf_addstr(sb, " -->");
	}
	strbuf_addstr(sb, " |\n");
}

void
suggest_maintainers(const struct suggest_people *pp,
    const struct suggest_history *h, struct strbuf *sb)
{
	size_t i;

	strbuf_addstr(sb, "# Maintainers\n\n<!-- A draft made by ecocheck "
	    "suggest maintainers from this checkout: fill in\n     what is "
	    "marked \"to fill in\", then save it as MAINTAINERS.md. -->\n\n"
	    "The core maintainers of the project review and merge changes "
	    "and make\nreleases. The area is where each authored the most "
	    "commits in the last year.\n\n| Name | GitHub | Role/Area |\n"
	    "| --- | --- | --- |\n");
	for (i = 0; i < pp->n; i++)
		person_row(&pp->v[i], "maintainer", sb);
	strbuf_addch(sb, '\n');
	people_source(pp, h, sb);
	strbuf_addstr(sb, "\n## Emeritus\n\n");
	if (pp->nold == 0) {
		strbuf_addstr(sb, "<!-- to fill in: former maintainers, if "
		    "any -->\n");
		return;
	}
	strbuf_addstr(sb, "| Name | GitHub | Role/Area |\n| --- | --- | --- "
	    "|\n");
	for (i = 0; i < pp->nold; i++)
		person_row(&pp->old[i], "former contributor", sb);
	strbuf_addstr(sb, "\n<!-- to fill in: these people authored commits "
	    "in the year before the last\n     but none since; keep those "
	    "who were maintainers -->\n");
}
