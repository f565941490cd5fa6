/*
 * rule-history.c: the "commits" and "contributors" rule types, counted
 * over the history window exactly as git counts them (see history.c).
 *
 * On a shallow clone whose boundary lies inside the window the counts
 * are lower bounds: a pass when the bound already meets the minimum,
 * otherwise unknown with the fix, never a false failure.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctx.h"
#include "finding.h"
#include "history.h"
#include "regex.h"
#include "rulecheck.h"
#include "rules.h"
#include "strbuf.h"
#include "timeutil.h"
#include "xalloc.h"

#define TOP_AUTHORS	10	/* authors shown under the rule */

struct exclude {
	const pcre2_code	**re;	/* the rule's, compiled once */
	size_t			  n;
};

static int	 commits_check(const struct rule *, struct check_ctx *,
		    struct finding *);
static int	 contributors_parse(struct rule *);
static int	 contributors_check(const struct rule *, struct check_ctx *,
		    struct finding *);
static void	 exclude_free(void *);
static const struct history *rule_window(const struct rule *,
		    struct check_ctx *, struct finding *, int,
		    struct history_opts *);
static void	 window_text(const struct history_opts *, char *,
		    size_t);
static long long people_by_name(const struct history *,
		    const unsigned char *, struct strbuf *);
static void	 judge_people(struct finding *, const struct history *,
		    const unsigned char *, long long, long long);
static void	 judge_window(const struct rule *, struct finding *,
		    const struct history *, long long, long long,
		    const char *, const struct history_opts *);
static void	 stale_head(struct check_ctx *, struct finding *,
		    const struct history_opts *, long long, const char *);

/*
 * A repository's config may change the thresholds and who counts, as
 * the rule set's [ruleset] window_days.
 */
static const struct rule_key_spec commits_keys[] = {
	{ "min", KEY_INT, .flags = KEYF_REPO, .max = 1000000000,
	    .doc = "commits needed in the window" },
	{ "window_days", KEY_INT, .flags = KEYF_REPO, .min = 1, .max = 36500,
	    .doc = "days of the window (default the set's)" },
	{ "merges", KEY_BOOL, .flags = KEYF_REPO,
	    .doc = "count merge commits (default yes)" },
	{ "date", KEY_ENUM, .choices = "committer",
	    .doc = "the date that places a commit" },
	{ .name = NULL }
};

static const struct rule_key_spec contributors_keys[] = {
	{ "min", KEY_INT, .flags = KEYF_REPO, .max = 1000000000,
	    .doc = "distinct authors needed in the window" },
	{ "window_days", KEY_INT, .flags = KEYF_REPO, .min = 1, .max = 36500,
	    .doc = "days of the window (default the set's)" },
	{ "merges", KEY_BOOL, .flags = KEYF_REPO,
	    .doc = "count authors of merges (default yes)" },
	{ "exclude", KEY_REGEX, .flags = KEYF_REPO | KEYF_CASELESS,
	    .doc = "authors not counted, 'Name <email>'" },
	{ "coauthors", KEY_BOOL, .flags = KEYF_REPO,
	    .doc = "count Co-authored-by: trailers" },
	{ .name = NULL }
};

const struct rule_type rule_commits = {
	.name = "commits",
	.summary = "commits in the history window",
	.keys = commits_keys,
	.flags = RULE_HISTORY,
	.check = commits_check,
};

const struct rule_type rule_contributors = {
	.name = "contributors",
	.summary = "distinct authors in the history window",
	.keys = contributors_keys,
	.flags = RULE_HISTORY,
	.parse = contributors_parse,
	.check = contributors_check,
	.free = exclude_free,
};

/* The exclude patterns, as rulecheck.c compiled them (without case). */
static int
contributors_parse(struct rule *r)
{
	const struct rule_key *k;
	struct exclude *ex;

	ex = xcalloc(1, sizeof(*ex));
	r->priv = ex;
	k = rule_key(r, "exclude");
	if (k == NULL || k->n == 0)
		return 0;
	ex->re = xcalloc(k->n, sizeof(*ex->re));
	for (ex->n = 0; ex->n < k->n; ex->n++)
		ex->re[ex->n] = rule_regex(r, "exclude", ex->n);
	return 0;
}

static void
exclude_free(void *p)
{
	struct exclude *ex = p;

	free(ex->re);
	free(ex);
}

/* "2026-05-22 to 2026-08-20" of a window. */
static void
window_text(const struct history_opts *ho, char *buf, size_t sz)
{
	char a[16], b[16];

	time_format_date(ho->since, a, sizeof(a));
	time_format_date(ho->until, b, sizeof(b));
	snprintf(buf, sz, "%s to %s", a, b);
}

/*
 * The window of a history rule (its window_days, else the rule set's),
 * the history of that window, or NULL when there is none to read or it
 * could not be read (the finding is then filled in already).
 */
static const struct history *
rule_window(const struct rule *r, struct check_ctx *ctx,
    struct finding *f, int coauthors, struct history_opts *ho)
{
	const struct history *h;
	long long days;

	days = rule_int(r, "window_days", ctx_ruleset(ctx)->window_days);
	memset(ho, 0, sizeof(*ho));
	ho->until = ctx_as_of(ctx);
	ho->since = time_sub_days(ho->until, days);
	ho->merges = rule_bool(r, "merges", 1);
	ho->coauthors = coauthors;
	if (!ctx_has_head(ctx)) {
		finding_value(f, 0);
		finding_result(f, RESULT_FAIL, "the repository has no commits");
		return NULL;
	}
	h = ctx_history(ctx, ho);
	if (h == NULL)
		finding_result(f, RESULT_UNKNOWN, "the history could not be "
		    "read");
	return h;
}

/* A count against a minimum: pass, the floor, fail, or a shallow bound. */
static void
judge_window(const struct rule *r, struct finding *f,
    const struct history *h, long long n, long long min, const char *what,
    const struct history_opts *ho)
{
	char win[64], end[16], noun[32];
	long long days;

	/* "1 commit", "2 commits": what is given in the plural. */
	snprintf(noun, sizeof(noun), "%.*s", (int)strlen(what) - (n == 1),
	    what);
	what = noun;
	window_text(ho, win, sizeof(win));
	time_format_date(ho->until, end, sizeof(end));
	days = (ho->until - ho->since) / 86400;
	finding_value(f, n);
	finding_min(f, min);
	finding_detail(f, "window: %s (%lld days, both ends included)", win,
	    days);
	if (h->truncated) {
		if (n >= min)
			finding_result(f, RESULT_PASS, "at least %lld %s in the "
			    "%lld days before %s (shallow clone: a lower bound "
			    "that already meets %lld)", n, what, days, end,
			    min);
		else {
			finding_result(f, RESULT_UNKNOWN, "at least %lld %s in "
			    "the %lld days before %s, but this shallow clone "
			    "ends inside the window (%lld needed)", n, what,
			    days, end, min);
			finding_fix(f, "run git fetch --unshallow (in GitHub "
			    "Actions: fetch-depth: 0) and check again");
		}
		return;
	}
	if (n == min)
		finding_result(f, RESULT_PASS, "%lld %s in the %lld days before "
		    "%s, exactly the minimum of %lld", n, what, days, end, min);
	else if (n > min)
		finding_result(f, RESULT_PASS, "%lld %s in the %lld days before "
		    "%s (at least %lld needed)", n, what, days, end, min);
	else
		finding_result(f, RESULT_FAIL, "%lld %s in the %lld days before "
		    "%s, fewer than %lld", n, what, days, end, min);
}

/*
 * A count that fails because HEAD itself is older than the window: an
 * old clone (or --rev of an old commit) counts nothing in a window that
 * ends today, and "0 commits" alone reads as a dead project. Say HEAD's
 * date and how to count the window that ends there instead; a project
 * that did stop has the same HEAD, so the result stays what it was.
 */
static void
stale_head(struct check_ctx *ctx, struct finding *f,
    const struct history_opts *ho, long long n, const char *what)
{
	char head[16], start[16];
	int64_t when;

	if (f->result != RESULT_FAIL || ctx_head_time(ctx, &when) == -1 ||
	    when >= ho->since)
		return;
	time_format_date(when, head, sizeof(head));
	time_format_date(ho->since, start, sizeof(start));
	finding_result(f, RESULT_FAIL, "HEAD is from %s, before the window "
	    "starting %s: %lld %.*s in the window; check with --as-of HEAD",
	    head, start, n, (int)strlen(what) - (n == 1), what);
	finding_fix(f, "check with --as-of HEAD to count the window that ends "
	    "at HEAD's date; if the clone is older than the project, git fetch "
	    "it and check again");
}

/*
 * The top authors as "git shortlog -sne" shows them; excluded[i] marks
 * those the rule does not count (NULL: none).
 */
static void
show_authors(struct finding *f, const struct history *h,
    const unsigned char *excluded)
{
	const struct history_author *a;
	size_t i;

	for (i = 0; i < h->nauthors && i < TOP_AUTHORS; i++) {
		a = &h->authors[i];
		finding_detail(f, "%6zu  %s <%s>%s", a->commits, a->name,
		    a->email, excluded != NULL && excluded[i] ?
		    "  (excluded)" : "");
	}
	if (h->nauthors > TOP_AUTHORS)
		finding_detail(f, "        ... and %zu more",
		    h->nauthors - TOP_AUTHORS);
}

static int
commits_check(const struct rule *r, struct check_ctx *ctx, struct finding *f)
{
	struct history_opts ho;
	const struct history *h;
	char hex[64];

	h = rule_window(r, ctx, f, 0, &ho);
	if (h == NULL)
		return ctx_has_head(ctx) ? -1 : 0;
	judge_window(r, f, h, (long long)h->commits,
	    rule_int(r, "min", 1), "commits", &ho);
	stale_head(ctx, f, &ho, (long long)h->commits, "commits");
	ctx_history_newest(h, hex, sizeof(hex));
	if (*hex != '\0')
		finding_evidence_other(f, hex, "newest commit in the window");
	show_authors(f, h, NULL);
	return 0;
}

/* A counted author's name, trimmed and lowercased, with its index. */
struct pname {
	char	*key;
	char	*name;	/* trimmed, as written */
	size_t	 i;
};

static int
pname_cmp(const void *a, const void *b)
{
	const struct pname *x = a, *y = b;
	int c;

	if ((c = strcmp(x->key, y->key)) != 0)
		return c;
	return x->i < y->i ? -1 : x->i > y->i;
}

/*
 * People by name among the authors counted (not excluded): addresses
 * whose names, trimmed and compared without case, are the same count
 * once. The names under more than one address go into sb ("'Jane Doe'
 * under 3 addresses").
 */
static long long
people_by_name(const struct history *h, const unsigned char *excluded,
    struct strbuf *sb)
{
	struct pname *v;
	const char *s, *e;
	size_t i, j, n = 0, k, shown = 0, more = 0;
	long long people = 0;

	v = xcalloc(h->nauthors + 1, sizeof(*v));
	for (i = 0; i < h->nauthors; i++) {
		if (excluded[i])
			continue;
		s = h->authors[i].name;
		while (isspace((unsigned char)*s))
			s++;
		e = s + strlen(s);
		while (e > s && isspace((unsigned char)e[-1]))
			e--;
		v[n].key = xstrndup(s, (size_t)(e - s));
		v[n].name = xstrndup(s, (size_t)(e - s));
		for (k = 0; v[n].key[k] != '\0'; k++)
			v[n].key[k] = (char)tolower((unsigned char)v[n].key[k]);
		v[n++].i = i;
	}
	if (n > 1)
		qsort(v, n, sizeof(*v), pname_cmp);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && strcmp(v[i].key, v[j].key) == 0; j++)
			;
		people++;
		if (j - i < 2)
			continue;
		if (shown++ < 3)
			strbuf_addf(sb, "%s'%s' under %zu addresses", shown > 1 ?
			    ", " : "", v[i].name, j - i);
		else
			more++;
	}
	if (more > 0)
		strbuf_addf(sb, " and %zu more names", more);
	for (i = 0; i < n; i++) {
		free(v[i].key);
		free(v[i].name);
	}
	free(v);
	return people;
}

/*
 * Addresses that share a name: said in the result; a Caution when the
 * addresses meet the minimum and the people by name do not.
 */
static void
judge_people(struct finding *f, const struct history *h,
    const unsigned char *excluded, long long n, long long min)
{
	struct strbuf names = STRBUF_INIT, msg = STRBUF_INIT;
	long long people;

	people = people_by_name(h, excluded, &names);
	if (people >= n || f->message == NULL) {
		strbuf_release(&names);
		return;
	}
	strbuf_addf(&msg, "%s; %lld addresses, %lld %s by name: %s", f->message,
	    n, people, people == 1 ? "person" : "people", names.buf);
	if (f->result == RESULT_PASS && people < min && !h->truncated) {
		finding_result(f, RESULT_FAIL, "%s, fewer than %lld (the "
		    "Working Group counts people, not addresses; no .mailmap "
		    "entry joins them)", msg.buf, min);
		finding_cap_level(f, LEVEL_WARNING);
		finding_fix(f, "if these are the same people, add a .mailmap "
		    "joining their addresses; the count is then %lld", people);
	} else
		finding_result(f, f->result, "%s", msg.buf);
	strbuf_release(&names);
	strbuf_release(&msg);
}

static int
contributors_check(const struct rule *r, struct check_ctx *ctx,
    struct finding *f)
{
	const struct exclude *ex = r->priv;
	struct strbuf err = STRBUF_INIT;
	struct regex_budget budget;
	struct history_opts ho;
	const struct history *h;
	const struct history_author *a;
	unsigned char *excluded;
	char *who, note[64];
	long long n;
	size_t i, j;

	h = rule_window(r, ctx, f, rule_bool(r, "coauthors", 0), &ho);
	if (h == NULL)
		return ctx_has_head(ctx) ? -1 : 0;
	if (h->no_authors != NULL) {
		finding_result(f, RESULT_UNKNOWN, "%s: the authors cannot be "
		    "counted as git counts them", h->no_authors);
		return 0;
	}
	excluded = xcalloc(h->nauthors + 1, 1);
	regex_budget_init(&budget);
	n = 0;
	for (i = 0; i < h->nauthors && !regex_budget_spent(&budget); i++) {
		a = &h->authors[i];
		who = xasprintf("%s <%s>", a->name, a->email);
		for (j = 0; j < ex->n && !excluded[i]; j++)
			excluded[i] = regex_search(ex->re[j], who, strlen(who),
			    0, NULL, NULL, &budget, &err) == 1;
		if (!excluded[i]) {
			n++;
			if (f->nev < TOP_AUTHORS) {
				snprintf(note, sizeof(note), "%zu commit%s%s",
				    a->commits, a->commits == 1 ? "" : "s",
				    a->coauthor_only ?
				    " (co-author)" : "");
				finding_evidence_other(f, who, note);
			}
		}
		free(who);
	}
	strbuf_release(&err);
	if (regex_budget_spent(&budget)) {
		/* The authors cannot all be told from bots. */
		finding_result(f, RESULT_UNKNOWN, "the exclude patterns of rule "
		    "'%s' could not be matched against the authors: the "
		    "matching budget (%llu steps) is spent", r->id,
		    (unsigned long long)budget.limit);
		free(excluded);
		return 0;
	}
	judge_window(r, f, h, n, rule_int(r, "min", 1), "contributors", &ho);
	judge_people(f, h, excluded, n, rule_int(r, "min", 1));
	stale_head(ctx, f, &ho, n, "contributors");
	show_authors(f, h, excluded);
	free(excluded);
	return 0;
}
