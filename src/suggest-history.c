/*
 * suggest-history.c: who changed what in the last two years, for
 * ecocheck suggest (suggest.h).
 *
 * The commits are those history.c walks (history_each()), as git walks
 * them: replacements, grafts and a shallow boundary seen. Each author is
 * counted as active in the year of its commit. Then a pass over the last
 * year tells, for each top-level directory of HEAD and for the files at
 * the root, which commits "git log -- PATH" shows, from the root trees
 * alone: an entry whose object or mode differs from a parent's, or that
 * only one of them has, changed; a directory is its own group, every
 * other entry (files, links, submodules) the root's. git's default
 * history simplification is followed: a merge the same as a parent in a
 * group is not shown there and only that parent is followed for it.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "ascii.h"
#include "error.h"
#include "history.h"
#include "rulecheck.h"
#include "ruleset.h"
#include "regex.h"
#include "strbuf.h"
#include "suggest.h"
#include "xalloc.h"

#define NOREPLY		"@users.noreply.github.com"
#define HANDLE_MAX	39		/* GitHub's longest login */

/* A commit of the walk, kept for the pass over paths. */
struct srec {
	git_oid		 id;
	git_oid		 tree;
	git_oid		*parents;
	size_t		 np;
	int64_t		 when;
	size_t		 author;
};

/* What one walk holds besides its result. */
struct swalk {
	git_repository		*repo;
	git_mailmap		*mm;
	const struct rule	*contrib;
	struct suggest_history	*h;
	struct regex_budget	 budget;
	struct srec		*r;		/* in the walk's order */
	size_t			 nr, ralloc;
	size_t			*slot;		/* record index + 1, 0 empty */
	size_t			 cap;
	size_t			 words;		/* of a set of groups */
	uint64_t		*live;		/* per record: the groups whose
						   simplified history has it */
	uint64_t		*chg;		/* per parent: groups changed */
	size_t			 chgalloc;
};

static size_t	 author_of(struct swalk *, const char *, const char *);
static int	 is_bot(struct swalk *, const char *, const char *);
static int	 record(const struct history_commit *, void *);
static void	 tree_changes(const struct suggest_history *, const git_tree *,
		    const git_tree *, uint64_t *);
static int	 parent_changes(struct swalk *, const struct srec *,
		    const git_tree *, unsigned char *);
static int	 pass_commit(struct swalk *, size_t);
static void	 group_add(struct suggest_history *, const char *);

#define BIT_SET(v, i)	((v)[(i) / 64] |= (uint64_t)1 << ((i) % 64))
#define BIT_HAS(v, i)	(((v)[(i) / 64] >> ((i) % 64)) & 1)

static char *
lower_dup(const char *s)
{
	char *p, *q;

	p = xstrdup(s);
	for (q = p; *q != '\0'; q++)
		*q = (char)ascii_tolower((unsigned char)*q);
	return p;
}

char *
suggest_noreply_handle(const char *email)
{
	const char *at, *s;
	size_t n, i;

	at = strchr(email, '@');
	if (at == NULL || strlen(at) != strlen(NOREPLY) ||
	    !ascii_eq_lower(at, NOREPLY, strlen(NOREPLY)))
		return NULL;
	/* "12345+jdoe@...": the digits are the account's number */
	s = email;
	for (i = 0; ascii_isdigit((unsigned char)s[i]); i++)
		;
	if (i > 0 && s[i] == '+')
		s += i + 1;
	n = (size_t)(at - s);
	if (n == 0 || n > HANDLE_MAX || *s == '-' || s[n - 1] == '-')
		return NULL;
	for (i = 0; i < n; i++)
		if (!ascii_isalnum((unsigned char)s[i]) && s[i] != '-')
			return NULL;
	return xstrndup(s, n);
}

/* Whether the contributors rule excludes "Name <email>". */
static int
is_bot(struct swalk *w, const char *name, const char *email)
{
	const struct rule_key *k;
	struct strbuf err = STRBUF_INIT;
	char *who;
	size_t i;
	int bot;

	if (w->contrib == NULL || (k = rule_key(w->contrib, "exclude")) ==
	    NULL)
		return 0;
	who = xasprintf("%s <%s>", name, email);
	for (i = bot = 0; i < k->n && !bot; i++)
		bot = regex_search(rule_regex(w->contrib, "exclude", i), who,
		    strlen(who), 0, NULL, NULL, &w->budget, &err) == 1;
	free(who);
	strbuf_release(&err);
	return bot;
}

/* The index of the author name <email>, mailmapped, added when new. */
static size_t
author_of(struct swalk *w, const char *sname, const char *semail)
{
	struct suggest_history *h = w->h;
	struct suggest_author *a;
	const char *name, *email;
	char *lname, *lemail, *key;
	size_t i;

	name = sname;
	email = semail;
	lname = lower_dup(sname);
	lemail = lower_dup(semail);
	/* the mailmap's keys are lowercased, as history.c hands them */
	if (w->mm != NULL && git_mailmap_resolve(&name, &email, w->mm, lname,
	    lemail) < 0) {
		name = sname;
		email = semail;
	}
	if (name == lname)
		name = sname;
	if (email == lemail)
		email = semail;
	key = lower_dup(email);
	for (i = 0; i < h->na && strcmp(h->a[i].key, key) != 0; i++)
		;
	if (i == h->na) {
		if (h->na == h->aalloc) {
			h->aalloc = h->aalloc ? 2 * h->aalloc : 16;
			h->a = xreallocarray(h->a, h->aalloc, sizeof(*h->a));
		}
		a = &h->a[h->na++];
		memset(a, 0, sizeof(*a));
		a->name = xstrdup(name);
		a->email = xstrdup(email);
		a->key = key;
		a->handle = suggest_noreply_handle(email);
		a->bot = is_bot(w, name, email);
	} else
		free(key);
	free(lname);
	free(lemail);
	return i;
}

static uint64_t
oid_hash(const git_oid *id)
{
	uint64_t v;

	memcpy(&v, id->id, sizeof(v));
	return v;
}

/* The index of the record of id, or (size_t)-1. */
static size_t
rec_find(const struct swalk *w, const git_oid *id)
{
	size_t i;

	if (w->cap == 0)
		return (size_t)-1;
	for (i = oid_hash(id) & (w->cap - 1); w->slot[i] != 0;
	    i = (i + 1) & (w->cap - 1))
		if (git_oid_equal(&w->r[w->slot[i] - 1].id, id))
			return w->slot[i] - 1;
	return (size_t)-1;
}

static void
rec_index(struct swalk *w)
{
	size_t i, j;

	for (w->cap = 16; w->cap < 2 * w->nr; w->cap *= 2)
		;
	w->slot = xcalloc(w->cap, sizeof(*w->slot));
	for (i = 0; i < w->nr; i++) {
		for (j = oid_hash(&w->r[i].id) & (w->cap - 1); w->slot[j] != 0;
		    j = (j + 1) & (w->cap - 1))
			;
		w->slot[j] = i + 1;
	}
}

/* A commit of the walk: its author counted, kept for the paths. */
static int
record(const struct history_commit *hc, void *arg)
{
	struct swalk *w = arg;
	struct suggest_history *h = w->h;
	struct srec *r;
	size_t ai;

	h->truncated |= hc->truncated;
	if (!hc->in_window && hc->when > h->until)
		ai = (size_t)-1;
	else {
		ai = author_of(w, hc->name, hc->email);
		if (hc->when >= h->since) {
			h->commits++;
			h->a[ai].recent++;
		} else {
			h->old_commits++;
			h->a[ai].older++;
		}
	}
	if (w->nr == w->ralloc) {
		w->ralloc = w->ralloc ? 2 * w->ralloc : 256;
		w->r = xreallocarray(w->r, w->ralloc, sizeof(*w->r));
	}
	r = &w->r[w->nr++];
	git_oid_cpy(&r->id, hc->oid);
	git_oid_cpy(&r->tree, &hc->tree);
	r->np = hc->nparents;
	r->parents = xreallocarray(NULL, r->np + 1, sizeof(*r->parents));
	if (r->np > 0)		/* a root commit's parents may be NULL */
		memcpy(r->parents, hc->parents, r->np * sizeof(*r->parents));
	r->when = hc->when;
	r->author = ai;
	return 0;
}

/* The group of an entry: its directory's, the root's, or -1. */
static long
group_index(const struct suggest_history *h, const git_tree_entry *e)
{
	size_t i;

	if (git_tree_entry_type(e) != GIT_OBJECT_TREE)
		return 0;
	for (i = 1; i < h->ng; i++)
		if (strcmp(h->g[i].name, git_tree_entry_name(e)) == 0)
			return (long)i;
	return -1;
}

static void
add_change(const struct suggest_history *h, const git_tree_entry *e,
    uint64_t *out)
{
	long gi;

	if ((gi = group_index(h, e)) >= 0)
		BIT_SET(out, (size_t)gi);
}

/* The groups whose entries differ between t and p (NULL: none). */
static void
tree_changes(const struct suggest_history *h, const git_tree *t,
    const git_tree *p, uint64_t *out)
{
	const git_tree_entry *e, *pe;
	size_t i, n;

	n = git_tree_entrycount(t);
	for (i = 0; i < n; i++) {
		e = git_tree_entry_byindex(t, i);
		pe = p != NULL ? git_tree_entry_byname(p,
		    git_tree_entry_name(e)) : NULL;
		if (pe != NULL && git_oid_equal(git_tree_entry_id(e),
		    git_tree_entry_id(pe)) && git_tree_entry_filemode(e) ==
		    git_tree_entry_filemode(pe))
			continue;
		add_change(h, e, out);
		if (pe != NULL)
			add_change(h, pe, out);
	}
	n = p != NULL ? git_tree_entrycount(p) : 0;
	for (i = 0; i < n; i++) {
		pe = git_tree_entry_byindex(p, i);
		if (git_tree_entry_byname(t, git_tree_entry_name(pe)) == NULL)
			add_change(h, pe, out);
	}
}

/*
 * What r changed against each parent into w->chg (parent i's groups at
 * i * words), present[i] set for the parents whose tree could be read:
 * a parent of the walk, or one older than it read here; one missing (a
 * partial clone) is none. Returns how many are present, or -1.
 */
static int
parent_changes(struct swalk *w, const struct srec *r, const git_tree *t,
    unsigned char *present)
{
	git_odb *odb;
	git_tree *pt;
	git_oid ptree;
	size_t i, k;
	int n, ok;

	if (git_repository_odb(&odb, w->repo) < 0)
		return ec_error("history: %s", ec_git_error());
	for (i = 0, n = 0; i < r->np; i++) {
		k = rec_find(w, &r->parents[i]);
		ok = k != (size_t)-1;
		if (ok)
			git_oid_cpy(&ptree, &w->r[k].tree);
		else if (git_odb_exists(odb, &r->parents[i]))
			ok = history_commit_tree(w->repo, &r->parents[i],
			    "history", &ptree) == 0;
		present[i] = ok && git_tree_lookup(&pt, w->repo, &ptree) == 0;
		if (!present[i]) {
			w->h->truncated = 1;
			continue;
		}
		tree_changes(w->h, t, pt, w->chg + i * w->words);
		git_tree_free(pt);
		n++;
	}
	git_odb_free(odb);
	return n;
}

/* Hand group g of r on to parent i, when the walk has it. */
static void
pass_on(struct swalk *w, const struct srec *r, size_t i, size_t g)
{
	size_t k;

	if ((k = rec_find(w, &r->parents[i])) != (size_t)-1)
		BIT_SET(w->live + k * w->words, g);
}

/*
 * Record k in the history of each group live there, with git's default
 * simplification: a merge like one of its parents in a group (the first
 * such) is not shown there and hands the group on to that parent only;
 * otherwise the commit is shown where it differs from every parent (its
 * only one, or the empty tree for a root or a shallow boundary) and
 * hands the group on to all.
 */
static int
pass_commit(struct swalk *w, size_t k)
{
	const struct srec *r = &w->r[k];
	const uint64_t *live = w->live + k * w->words;
	unsigned char *present;
	struct suggest_group *gr;
	git_tree *t;
	size_t g, i, same;
	int n;

	if ((r->np + 1) * w->words > w->chgalloc) {
		w->chgalloc = (r->np + 1) * w->words;
		w->chg = xreallocarray(w->chg, w->chgalloc, sizeof(*w->chg));
	}
	memset(w->chg, 0, (r->np + 1) * w->words * sizeof(*w->chg));
	if (git_tree_lookup(&t, w->repo, &r->tree) < 0)
		return ec_error("commit %s: %s", git_oid_tostr_s(&r->id),
		    ec_git_error());
	present = xcalloc(r->np + 1, 1);
	if ((n = parent_changes(w, r, t, present)) == 0)
		tree_changes(w->h, t, NULL, w->chg);
	for (g = 0; n >= 0 && g < w->h->ng; g++) {
		if (!BIT_HAS(live, g))
			continue;
		for (i = 0, same = r->np; i < r->np && same == r->np; i++)
			if (present[i] && !BIT_HAS(w->chg + i * w->words, g))
				same = i;
		if (same < r->np) {
			pass_on(w, r, same, g);
			continue;
		}
		if (n == 0 && !BIT_HAS(w->chg, g))
			continue;
		for (i = 0; i < r->np; i++)
			if (present[i])
				pass_on(w, r, i, g);
		if (r->author == (size_t)-1 || r->when < w->h->since)
			continue;
		gr = &w->h->g[g];
		if (gr->alloc < w->h->na) {
			gr->counts = xreallocarray(gr->counts, w->h->aalloc,
			    sizeof(*gr->counts));
			memset(gr->counts + gr->alloc, 0, (w->h->aalloc -
			    gr->alloc) * sizeof(*gr->counts));
			gr->alloc = w->h->aalloc;
		}
		gr->counts[r->author]++;
		gr->commits++;
	}
	free(present);
	git_tree_free(t);
	return n < 0 ? -1 : 0;
}

int
suggest_walk(git_repository *repo, const git_oid *head, git_mailmap *mm,
    const struct rule *contrib, const struct strvec *dirs,
    struct suggest_history *h)
{
	struct history_opts ho;
	struct swalk w;
	size_t i;
	int rc;

	memset(&w, 0, sizeof(w));
	w.repo = repo;
	w.mm = mm;
	w.contrib = contrib;
	w.h = h;
	regex_budget_init(&w.budget);
	group_add(h, SUGGEST_ROOT);
	for (i = 0; i < dirs->n; i++)
		group_add(h, dirs->v[i]);
	memset(&ho, 0, sizeof(ho));
	ho.since = h->old_since;
	ho.until = h->until;
	ho.merges = 1;
	rc = history_each(repo, head, &ho, record, &w);
	w.words = (h->ng + 63) / 64;
	w.live = xcalloc(w.nr * w.words + 1, sizeof(*w.live));
	rec_index(&w);
	if (w.nr > 0)
		memset(w.live, 0xff, w.words * sizeof(*w.live));
	/* below the last year nothing is counted: the pass stops there */
	for (i = 0; rc == 0 && i < w.nr; i++)
		if (w.r[i].when >= h->since)
			rc = pass_commit(&w, i);
	for (i = 0; i < w.nr; i++)
		free(w.r[i].parents);
	free(w.r);
	free(w.slot);
	free(w.live);
	free(w.chg);
	return rc;
}

static void
group_add(struct suggest_history *h, const char *name)
{
	if (h->ng == h->galloc) {
		h->galloc = h->galloc ? 2 * h->galloc : 16;
		h->g = xreallocarray(h->g, h->galloc, sizeof(*h->g));
	}
	memset(&h->g[h->ng], 0, sizeof(*h->g));
	h->g[h->ng++].name = xstrdup(name);
}

void
suggest_history_release(struct suggest_history *h)
{
	size_t i;

	for (i = 0; i < h->na; i++) {
		free(h->a[i].name);
		free(h->a[i].email);
		free(h->a[i].key);
		free(h->a[i].handle);
	}
	for (i = 0; i < h->ng; i++) {
		free(h->g[i].name);
		free(h->g[i].counts);
	}
	free(h->a);
	free(h->g);
	memset(h, 0, sizeof(*h));
}

const struct suggest_group *
suggest_group(const struct suggest_history *h, const char *name)
{
	size_t i;

	for (i = 0; i < h->ng; i++)
		if (strcmp(h->g[i].name, name) == 0)
			return &h->g[i];
	return NULL;
}

/* For qsort_r-free sorting: the history the comparison reads. */
static const struct suggest_history *sort_h;
static const struct suggest_group *sort_g;

static int
by_count(const void *x, const void *y)
{
	const struct suggest_author *a, *b;
	size_t ca, cb;
	int c;

	a = &sort_h->a[*(const size_t *)x];
	b = &sort_h->a[*(const size_t *)y];
	ca = sort_g->counts[*(const size_t *)x];
	cb = sort_g->counts[*(const size_t *)y];
	if (ca != cb)
		return ca > cb ? -1 : 1;
	if ((c = strcmp(a->name, b->name)) != 0)
		return c;
	return strcmp(a->key, b->key);
}

size_t
suggest_top(const struct suggest_history *h, const struct suggest_group *g,
    size_t **out)
{
	size_t i, n;

	*out = xcalloc(h->na + 1, sizeof(**out));
	for (i = n = 0; g != NULL && i < h->na && i < g->alloc; i++)
		if (g->counts[i] > 0 && !h->a[i].bot)
			(*out)[n++] = i;
	sort_h = h;
	sort_g = g;
	if (n > 1)
		qsort(*out, n, sizeof(**out), by_count);
	return n;
}

/* Authors by a count (recent or older), most first, then by name. */
static const struct suggest_history *order_h;
static int order_older;

static int
by_commits(const void *x, const void *y)
{
	const struct suggest_author *a, *b;
	size_t ca, cb;
	int c;

	a = &order_h->a[*(const size_t *)x];
	b = &order_h->a[*(const size_t *)y];
	ca = order_older ? a->older : a->recent;
	cb = order_older ? b->older : b->recent;
	if (ca != cb)
		return ca > cb ? -1 : 1;
	if ((c = strcmp(a->name, b->name)) != 0)
		return c;
	return strcmp(a->key, b->key);
}

size_t *
suggest_by_commits(const struct suggest_history *h, int older, size_t *n)
{
	size_t *v, i;

	v = xcalloc(h->na + 1, sizeof(*v));
	for (i = *n = 0; i < h->na; i++)
		if (!h->a[i].bot && (older ? h->a[i].older : h->a[i].recent))
			v[(*n)++] = i;
	order_h = h;
	order_older = older;
	if (*n > 1)
		qsort(v, *n, sizeof(*v), by_commits);
	return v;
}
