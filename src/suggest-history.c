/*
 * suggest-history.c: who changed what in the last two years, for
 * ecocheck suggest (suggest.h).
 *
 * The walk pops commits newest first by committer date (libgit2's time
 * order, as "git rev-list" pops them) and stops at the first older than
 * the window of the year before, so its cost is that of two years of
 * commits. Which top-level entries a commit changed is told from the
 * root trees alone: an entry whose object or mode differs from the
 * parent's, or that only one of them has, changed; a directory is one
 * group, every other entry (files, links, submodules) the root's. The
 * walk does not prune side branches as "git log -- DIR" does when a
 * merge took nothing of them in DIR: their commits count, where git
 * would show them only through another path.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "ascii.h"
#include "error.h"
#include "rulecheck.h"
#include "ruleset.h"
#include "regex.h"
#include "strbuf.h"
#include "suggest.h"
#include "xalloc.h"

#define NOREPLY		"@users.noreply.github.com"
#define HANDLE_MAX	39		/* GitHub's longest login */

/* What one walk holds besides its result. */
struct swalk {
	git_repository		*repo;
	git_mailmap		*mm;
	const struct rule	*contrib;
	struct suggest_history	*h;
	struct regex_budget	 budget;
	struct strvec		 changed;	/* groups a commit changed */
	struct strvec		 other;		/* against another parent */
};

static size_t	 author_of(struct swalk *, const git_signature *);
static int	 is_bot(struct swalk *, const char *, const char *);
static size_t	 group_of(struct suggest_history *, const char *);
static void	 add_change(struct strvec *, const git_tree_entry *);
static void	 tree_changes(const git_tree *, const git_tree *,
		    struct strvec *);
static int	 commit_changes(struct swalk *, git_commit *);
static int	 count_commit(struct swalk *, git_commit *);

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

/* The index of the author of sig, mailmapped, added when new. */
static size_t
author_of(struct swalk *w, const git_signature *sig)
{
	struct suggest_history *h = w->h;
	struct suggest_author *a;
	const char *name, *email;
	char *lname, *lemail, *key;
	size_t i;

	name = sig->name;
	email = sig->email;
	lname = lower_dup(sig->name);
	lemail = lower_dup(sig->email);
	/* the mailmap's keys are lowercased, as history.c hands them */
	if (w->mm != NULL && git_mailmap_resolve(&name, &email, w->mm, lname,
	    lemail) < 0) {
		name = sig->name;
		email = sig->email;
	}
	if (name == lname)
		name = sig->name;
	if (email == lemail)
		email = sig->email;
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

static size_t
group_of(struct suggest_history *h, const char *name)
{
	struct suggest_group *g;
	size_t i;

	for (i = 0; i < h->ng; i++)
		if (strcmp(h->g[i].name, name) == 0)
			return i;
	if (h->ng == h->galloc) {
		h->galloc = h->galloc ? 2 * h->galloc : 16;
		h->g = xreallocarray(h->g, h->galloc, sizeof(*h->g));
	}
	g = &h->g[h->ng];
	memset(g, 0, sizeof(*g));
	g->name = xstrdup(name);
	return h->ng++;
}

/* The group of a changed entry: its directory, or the root's. */
static void
add_change(struct strvec *out, const git_tree_entry *e)
{
	const char *name;

	name = git_tree_entry_type(e) == GIT_OBJECT_TREE ?
	    git_tree_entry_name(e) : SUGGEST_ROOT;
	if (!strvec_has(out, name))
		strvec_push(out, name);
}

/* The groups whose entries differ between t and its parent's tree p. */
static void
tree_changes(const git_tree *t, const git_tree *p, struct strvec *out)
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
		add_change(out, e);
		if (pe != NULL)
			add_change(out, pe);
	}
	n = p != NULL ? git_tree_entrycount(p) : 0;
	for (i = 0; i < n; i++) {
		pe = git_tree_entry_byindex(p, i);
		if (git_tree_entry_byname(t, git_tree_entry_name(pe)) == NULL)
			add_change(out, pe);
	}
}

/*
 * The groups commit c changed into w->changed: against its parent (the
 * empty tree for a root commit), or for a merge those it changed
 * against every parent, as git's default simplification shows a merge
 * only where it is like none of its parents.
 */
static int
commit_changes(struct swalk *w, git_commit *c)
{
	git_tree *t, *pt;
	git_commit *p;
	unsigned i, np;
	size_t j;

	strvec_clear(&w->changed);
	if (git_commit_tree(&t, c) < 0)
		return ec_error("commit %s: %s", git_oid_tostr_s(
		    git_commit_id(c)), ec_git_error());
	np = git_commit_parentcount(c);
	if (np == 0)
		tree_changes(t, NULL, &w->changed);
	for (i = 0; i < np; i++) {
		if (git_commit_parent(&p, c, i) < 0 ||
		    git_commit_tree(&pt, p) < 0) {
			git_tree_free(t);
			return ec_error("commit %s: parent %u: %s",
			    git_oid_tostr_s(git_commit_id(c)), i + 1,
			    ec_git_error());
		}
		strvec_clear(&w->other);
		tree_changes(t, pt, i == 0 ? &w->changed : &w->other);
		for (j = w->changed.n; i > 0 && j-- > 0; )
			if (!strvec_has(&w->other, w->changed.v[j])) {
				free(w->changed.v[j]);
				w->changed.v[j] = w->changed.v[--w->changed.n];
			}
		git_tree_free(pt);
		git_commit_free(p);
	}
	git_tree_free(t);
	return 0;
}

/* Count one commit of either window. */
static int
count_commit(struct swalk *w, git_commit *c)
{
	struct suggest_history *h = w->h;
	struct suggest_group *g;
	size_t ai, gi, i;

	ai = author_of(w, git_commit_author(c));
	if (git_commit_time(c) < h->since) {
		h->old_commits++;
		h->a[ai].older++;
		return 0;
	}
	h->commits++;
	h->a[ai].recent++;
	if (commit_changes(w, c) == -1)
		return -1;
	for (i = 0; i < w->changed.n; i++) {
		gi = group_of(h, w->changed.v[i]);
		g = &h->g[gi];
		if (g->alloc < h->na) {
			g->counts = xreallocarray(g->counts, h->aalloc,
			    sizeof(*g->counts));
			memset(g->counts + g->alloc, 0, (h->aalloc - g->alloc) *
			    sizeof(*g->counts));
			g->alloc = h->aalloc;
		}
		g->counts[ai]++;
		g->commits++;
	}
	return 0;
}

int
suggest_walk(git_repository *repo, const git_oid *head, git_mailmap *mm,
    const struct rule *contrib, struct suggest_history *h)
{
	struct swalk w;
	git_revwalk *rw;
	git_commit *c;
	git_oid id;
	int64_t when;
	int rc;

	memset(&w, 0, sizeof(w));
	w.repo = repo;
	w.mm = mm;
	w.contrib = contrib;
	w.h = h;
	regex_budget_init(&w.budget);
	if (git_revwalk_new(&rw, repo) < 0 ||
	    git_revwalk_sorting(rw, GIT_SORT_TIME) < 0 ||
	    git_revwalk_push(rw, head) < 0)
		return ec_error("history: %s", ec_git_error());
	rc = 0;
	while (rc == 0 && git_revwalk_next(&id, rw) == 0) {
		if (git_commit_lookup(&c, repo, &id) < 0) {
			rc = ec_error("commit %s: %s", git_oid_tostr_s(&id),
			    ec_git_error());
			break;
		}
		when = git_commit_time(c);
		if (when < h->old_since) {
			git_commit_free(c);
			break;
		}
		if (when <= h->until)
			rc = count_commit(&w, c);
		git_commit_free(c);
	}
	git_revwalk_free(rw);
	strvec_clear(&w.changed);
	strvec_clear(&w.other);
	return rc;
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
