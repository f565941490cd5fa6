/*
 * unit-history.c: the history walk against git itself.
 *
 * Every case builds a repository with git (fixed dates), runs
 * history_walk() and compares its numbers with what git prints for the
 * same window: "git rev-list --count --since --until HEAD" for commits,
 * "git log --use-mailmap --format=%aE | tr A-Z a-z | sort -u" for
 * authors, and per author the commits git log shows (co-authors through
 * %(trailers) and git check-mailmap). No expected number is written here.
 */
#include "config.h"

#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <git2.h>

#include "history.h"
#include "strbuf.h"
#include "tap.h"
#include "tree.h"
#include "unit-lib.h"
#include "xalloc.h"

#define T0	1700000000LL	/* 2023-11-14: dates are T0 + offsets */

struct exp_author {
	char	*key;
	size_t	 commits;
	int	 author;	/* seen as an author, not only a co-author */
	size_t	 mark;
};

struct expect {
	size_t			 commits;
	struct exp_author	*a;
	size_t			 n;
	size_t			 alloc;
};

static long long capture_num(const char *, ...)
		    __attribute__((format(printf, 1, 2)));
static void	 lower(char *);
static void	 mk_commit(const char *, long long, const char *,
		    const char *, const char *);
static void	 mk_merge(const char *, long long, const char *);
static void	 new_repo(const char *);
static char	*span(int64_t, int64_t);
static void	 exp_add(struct expect *, const char *, int, size_t);
static void	 exp_from_git(struct expect *, const char *, int64_t, int64_t,
		    int, int);
static void	 exp_free(struct expect *);
static int	 walk(const char *, int64_t, int64_t, int, int,
		    struct history *);
static void	 check_window(const char *, const char *, int64_t, int64_t,
		    int, int, struct history *);
static void	 test_linear(void);
static void	 test_merges(void);
static void	 test_skew(void);
static void	 test_future(void);
static void	 test_roots(void);
static void	 test_ties(void);
static void	 test_mailmap(void);
static void	 test_coauthors(void);
static void	 test_shallow(void);
static void	 test_missing(void);
static void	 test_corrupt(void);
static void	 test_outside(void);

static long long
capture_num(const char *fmt, ...)
{
	struct strbuf cmd = STRBUF_INIT, out = STRBUF_INIT;
	long long v;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&cmd, fmt, ap);
	va_end(ap);
	ut_capture(&out, "%s", cmd.buf);
	v = strtoll(out.buf, NULL, 10);
	strbuf_release(&cmd);
	strbuf_release(&out);
	return v;
}

static void
lower(char *s)
{
	for (; *s != '\0'; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

/* An empty commit by name <email>, author and committer date when. */
static void
mk_commit(const char *repo, long long when, const char *name,
    const char *email, const char *msg)
{
	ut_write_file("msg.txt", msg);
	ut_sh("cd '%s' && GIT_AUTHOR_NAME='%s' GIT_AUTHOR_EMAIL='%s' "
	    "GIT_AUTHOR_DATE='@%lld +0000' GIT_COMMITTER_DATE='@%lld +0000' "
	    "git commit -q --allow-empty --cleanup=verbatim -F '%s/msg.txt'",
	    repo, name, email, when, when, ut_dir);
}

static void
mk_merge(const char *repo, long long when, const char *branches)
{
	ut_sh("cd '%s' && GIT_AUTHOR_DATE='@%lld +0000' "
	    "GIT_COMMITTER_DATE='@%lld +0000' "
	    "git merge -q --no-ff --allow-unrelated-histories -m 'merge %s' %s "
	    ">/dev/null",
	    repo, when, when, branches, branches);
}

static void
new_repo(const char *repo)
{
	ut_sh("rm -rf '%s' && git init -q '%s'", repo, repo);
}

/* The --since/--until arguments of a window (static buffer). */
static char *
span(int64_t s, int64_t e)
{
	static char buf[128];

	snprintf(buf, sizeof(buf), "--since='@%lld +0000' "
	    "--until='@%lld +0000'", (long long)s, (long long)e);
	return buf;
}

/* Count key once for the commit numbered mark. */
static void
exp_add(struct expect *x, const char *key, int author, size_t mark)
{
	size_t i;

	for (i = 0; i < x->n; i++)
		if (strcmp(x->a[i].key, key) == 0)
			break;
	if (i == x->n) {
		XGROW(x->a, x->n + 1, x->alloc);
		memset(&x->a[i], 0, sizeof(x->a[i]));
		x->a[i].key = xstrdup(key);
		x->n++;
	}
	if (x->a[i].mark != mark) {
		x->a[i].mark = mark;
		x->a[i].commits++;
	}
	if (author)
		x->a[i].author = 1;
}

/*
 * What git says of the window, commit by commit: the mailmapped author
 * email and, with coauth, the mailmapped Co-authored-by emails.
 */
static void
exp_from_git(struct expect *x, const char *repo, int64_t s, int64_t e,
    int merges, int coauth)
{
	struct strbuf list = STRBUF_INIT, out = STRBUF_INIT;
	char *line, *next, *p, *q;
	size_t mark;

	memset(x, 0, sizeof(*x));
	ut_capture(&list, "git -C '%s' rev-list %s %s HEAD", repo,
	    merges ? "" : "--no-merges", span(s, e));
	mark = 0;
	for (line = list.buf; *line != '\0'; line = next) {
		next = strchr(line, '\n');
		*next++ = '\0';
		mark++;
		x->commits++;
		ut_capture(&out, "git -C '%s' log -1 --use-mailmap --format=%%aE %s",
		    repo, line);
		if (out.len > 0 && out.buf[out.len - 1] == '\n')
			out.buf[--out.len] = '\0';
		lower(out.buf);
		exp_add(x, out.buf, 1, mark);
		if (!coauth)
			continue;
		ut_capture(&out, "git -C '%s' log -1 --format='%%(trailers:"
		    "key=Co-authored-by,valueonly,unfold,separator=%%x0A)' %s | "
		    "sed '/^$/d' | git -C '%s' check-mailmap --stdin", repo, line, repo);
		for (p = out.buf; (p = strchr(p, '<')) != NULL; p = q + 1) {
			if ((q = strchr(++p, '>')) == NULL)
				break;
			*q = '\0';
			lower(p);
			exp_add(x, p, 0, mark);
		}
	}
	strbuf_release(&list);
	strbuf_release(&out);
}

static void
exp_free(struct expect *x)
{
	size_t i;

	for (i = 0; i < x->n; i++)
		free(x->a[i].key);
	free(x->a);
	memset(x, 0, sizeof(*x));
}

/* history_walk() of repo's HEAD with the mailmap of HEAD's tree. */
static int
walk(const char *repo, int64_t s, int64_t e, int merges, int coauth,
    struct history *h)
{
	struct history_opts o;
	git_repository *r;
	git_mailmap *mm;
	struct tree *t;
	const char *why;
	git_oid head, root;
	int rc;

	memset(h, 0, sizeof(*h));
	if (git_repository_open(&r, repo) < 0 ||
	    git_reference_name_to_id(&head, r, "HEAD") < 0) {
		ok(0, "open %s: %s", repo, git_error_last()->message);
		exit(done_testing());
	}
	if (history_commit_tree(r, &head, "HEAD", &root) == -1 ||
	    tree_open_commit(&t, r, &head, &root, "HEAD") == -1 ||
	    history_mailmap(t, &mm, &why) == -1 || why != NULL) {
		ok(0, "mailmap of %s", repo);
		exit(done_testing());
	}
	memset(&o, 0, sizeof(o));
	o.since = s;
	o.until = e;
	o.merges = merges;
	o.coauthors = coauth;
	rc = history_walk(r, &head, mm, &o, h);
	git_mailmap_free(mm);
	tree_free(t);
	git_repository_free(r);
	return rc;
}

/*
 * Walk [s, e] and compare everything with git; h is left filled for
 * more checks (the caller releases it).
 */
static void
check_window(const char *what, const char *repo, int64_t s, int64_t e,
    int merges, int coauth, struct history *h)
{
	struct strbuf out = STRBUF_INIT;
	char hex[GIT_OID_HEXSZ + 1];
	struct expect x;
	size_t i, j, bad;
	const char *nm;

	nm = merges ? "" : "--no-merges";
	is_int(walk(repo, s, e, merges, coauth, h), 0, "%s: walk", what);
	is_int(h->commits, capture_num("git -C '%s' rev-list --count %s %s "
	    "HEAD", repo, nm, span(s, e)), "%s: commits = git rev-list "
	    "--count", what);
	is_int(h->merges, capture_num("git -C '%s' rev-list --count --merges "
	    "%s %s HEAD", repo, nm, span(s, e)), "%s: merges = git rev-list "
	    "--merges", what);
	if (!coauth)
		is_int(h->nauthors, capture_num("git -C '%s' log --use-mailmap "
		    "%s %s --format=%%aE HEAD | tr A-Z a-z | sort -u | wc -l",
		    repo, nm, span(s, e)), "%s: authors = git log %%aE | sort "
		    "-u", what);
	ut_capture(&out, "git -C '%s' log -1 --format=%%H %s %s HEAD", repo, nm,
	    span(s, e));
	if (out.len > 0)
		out.buf[--out.len] = '\0';
	git_oid_tostr(hex, sizeof(hex), &h->first_oid);
	is_str(h->has_first ? hex : "", out.buf, "%s: first commit = git "
	    "log -1", what);

	exp_from_git(&x, repo, s, e, merges, coauth);
	is_int(h->nauthors, x.n, "%s: distinct identities as git", what);
	bad = 0;
	for (i = 0; i < h->nauthors; i++) {
		for (j = 0; j < x.n; j++)
			if (strcmp(x.a[j].key, h->authors[i].key) == 0)
				break;
		if (j == x.n || x.a[j].commits != h->authors[i].commits ||
		    x.a[j].author == h->authors[i].coauthor_only) {
			printf("# %s: %zu commits%s, git: %zu%s\n",
			    h->authors[i].key, h->authors[i].commits,
			    h->authors[i].coauthor_only ? " (co-author)" : "",
			    j == x.n ? 0 : x.a[j].commits,
			    j < x.n && !x.a[j].author ? " (co-author)" : "");
			bad++;
		}
		if (i > 0 && (h->authors[i - 1].commits <
		    h->authors[i].commits || (h->authors[i - 1].commits ==
		    h->authors[i].commits && strcmp(h->authors[i - 1].key,
		    h->authors[i].key) >= 0)))
			bad++;
	}
	is_int(bad, 0, "%s: each identity's commits as git, sorted", what);
	exp_free(&x);
	strbuf_release(&out);
}

/* 30 commits 100 s apart by three people. */
static void
test_linear(void)
{
	static const char *who[] = { "Ann", "Ben", "Cat" };
	char repo[PATH_MAX], email[64];
	struct history h;
	int i;

	snprintf(repo, sizeof(repo), "%s/linear", ut_dir);
	new_repo(repo);
	for (i = 0; i < 30; i++) {
		snprintf(email, sizeof(email), "%s@example.com", who[i % 3]);
		mk_commit(repo, T0 + i * 100, who[i % 3], email, "linear");
	}
	check_window("linear, inside", repo, T0 + 550, T0 + 1450, 1, 0, &h);
	history_release(&h);
	check_window("linear, on S and E", repo, T0 + 500, T0 + 1500, 1, 0,
	    &h);
	ok(h.commits > 0, "linear, on S and E: commits on both ends counted");
	history_release(&h);
	check_window("linear, at the tip", repo, T0 + 2600, T0 + 2900, 1, 0,
	    &h);
	ok(h.walked <= h.commits + 1, "linear, at the tip: %zu commits "
	    "parsed for %zu", h.walked, h.commits);
	history_release(&h);
	check_window("linear, all", repo, T0 - 1, T0 + 5000, 1, 0, &h);
	history_release(&h);
}

/* Merges: two-parent ones and an octopus. */
static void
test_merges(void)
{
	char repo[PATH_MAX];
	struct history h;

	snprintf(repo, sizeof(repo), "%s/merges", ut_dir);
	new_repo(repo);
	mk_commit(repo, T0, "Ann", "ann@example.com", "root");
	mk_commit(repo, T0 + 100, "Ann", "ann@example.com", "two");
	ut_sh("cd '%s' && git branch a && git branch b && git branch c && "
	    "git checkout -q a", repo);
	mk_commit(repo, T0 + 200, "Ben", "ben@example.com", "on a");
	ut_sh("cd '%s' && git checkout -q b", repo);
	mk_commit(repo, T0 + 300, "Cat", "cat@example.com", "on b");
	mk_commit(repo, T0 + 310, "Cat", "cat@example.com", "on b again");
	ut_sh("cd '%s' && git checkout -q c", repo);
	mk_commit(repo, T0 + 400, "Dan", "dan@example.com", "on c");
	ut_sh("cd '%s' && git checkout -q main", repo);
	mk_commit(repo, T0 + 500, "Ann", "ann@example.com", "main");
	mk_merge(repo, T0 + 600, "a b c");
	ut_sh("cd '%s' && git checkout -q -b d HEAD~1", repo);
	mk_commit(repo, T0 + 700, "Eve", "eve@example.com", "on d");
	ut_sh("cd '%s' && git checkout -q main", repo);
	mk_commit(repo, T0 + 800, "Ann", "ann@example.com", "main again");
	mk_merge(repo, T0 + 900, "d");
	mk_commit(repo, T0 + 1000, "Ann", "ann@example.com", "tip");

	check_window("merges, with merges", repo, T0 + 150, T0 + 1000, 1, 0,
	    &h);
	ok(h.merges > 0, "merges: there are merges in the window");
	history_release(&h);
	check_window("merges, --no-merges", repo, T0 + 150, T0 + 1000, 0, 0,
	    &h);
	history_release(&h);
	check_window("merges, merge on E", repo, T0, T0 + 900, 0, 0, &h);
	history_release(&h);
	check_window("merges, all", repo, T0, T0 + 1000, 1, 0, &h);
	history_release(&h);
}

/*
 * A child older than its parent: git's walk drops the child as older
 * than S and never reaches the parent, although the parent is inside.
 */
static void
test_skew(void)
{
	char repo[PATH_MAX];
	struct history h;
	long long naive;

	snprintf(repo, sizeof(repo), "%s/skew", ut_dir);
	new_repo(repo);
	mk_commit(repo, T0, "Ann", "ann@example.com", "old");
	mk_commit(repo, T0 + 1000, "Ben", "ben@example.com", "in window");
	mk_commit(repo, T0 + 1100, "Cat", "cat@example.com", "in window");
	mk_commit(repo, T0 + 500, "Dan", "dan@example.com", "clock behind");
	mk_commit(repo, T0 + 1200, "Eve", "eve@example.com", "tip");

	naive = capture_num("git -C '%s' log --format=%%ct HEAD | "
	    "awk '$1 >= %lld && $1 <= %lld' | wc -l", repo, T0 + 900,
	    T0 + 1300);
	check_window("skew", repo, T0 + 900, T0 + 1300, 1, 0, &h);
	ok((long long)h.commits < naive, "skew: git's walk stops early "
	    "(%zu of %lld dated inside)", h.commits, naive);
	history_release(&h);
	check_window("skew, wide", repo, T0 + 400, T0 + 1300, 1, 0, &h);
	history_release(&h);
}

/* Commits after E are walked through, not counted. */
static void
test_future(void)
{
	char repo[PATH_MAX];
	struct history h;
	int i;

	snprintf(repo, sizeof(repo), "%s/future", ut_dir);
	new_repo(repo);
	for (i = 0; i < 10; i++)
		mk_commit(repo, T0 + i * 100, i % 2 ? "Ann" : "Ben",
		    i % 2 ? "ann@example.com" : "ben@example.com", "past");
	for (i = 0; i < 5; i++)
		mk_commit(repo, T0 + 100000 + i * 100, "Fut", "fut@example.com",
		    "future");
	check_window("future", repo, T0 + 250, T0 + 650, 1, 0, &h);
	history_release(&h);
	check_window("future, skewed back", repo, T0 + 250, T0 + 100150, 1, 0,
	    &h);
	history_release(&h);
}

/* Two unrelated histories merged. */
static void
test_roots(void)
{
	char repo[PATH_MAX];
	struct history h;

	snprintf(repo, sizeof(repo), "%s/roots", ut_dir);
	new_repo(repo);
	mk_commit(repo, T0, "Ann", "ann@example.com", "root one");
	mk_commit(repo, T0 + 200, "Ann", "ann@example.com", "one");
	ut_sh("cd '%s' && git checkout -q --orphan other && git rm -rfq "
	    "--cached . >/dev/null 2>&1; true", repo);
	mk_commit(repo, T0 + 100, "Ben", "ben@example.com", "root two");
	mk_commit(repo, T0 + 300, "Ben", "ben@example.com", "two");
	ut_sh("cd '%s' && git checkout -q main", repo);
	mk_merge(repo, T0 + 400, "other");
	check_window("two roots", repo, T0, T0 + 400, 1, 0, &h);
	history_release(&h);
	check_window("two roots, one cut", repo, T0 + 50, T0 + 400, 0, 0, &h);
	history_release(&h);
}

/*
 * Equal dates: git shows them in the order they were queued (a merge's
 * parents in order), whichever comes first in the object database.
 */
static void
test_ties(void)
{
	char repo[PATH_MAX];
	struct history h;

	snprintf(repo, sizeof(repo), "%s/ties", ut_dir);
	new_repo(repo);
	mk_commit(repo, T0, "Ann", "ann@example.com", "root");
	ut_sh("cd '%s' && git branch x && git branch y && git branch z", repo);
	mk_commit(repo, T0 + 100, "Ann", "ann@example.com", "main side");
	ut_sh("cd '%s' && git checkout -q x", repo);
	mk_commit(repo, T0 + 100, "Ben", "ben@example.com", "x side");
	ut_sh("cd '%s' && git checkout -q y", repo);
	mk_commit(repo, T0 + 100, "Cat", "cat@example.com", "y side");
	ut_sh("cd '%s' && git checkout -q z", repo);
	mk_commit(repo, T0 + 100, "Dan", "dan@example.com", "z side");
	ut_sh("cd '%s' && git checkout -q main", repo);
	mk_merge(repo, T0 + 200, "z y x");
	check_window("ties, merge excluded", repo, T0, T0 + 150, 1, 0, &h);
	history_release(&h);
	check_window("ties, no merges", repo, T0, T0 + 200, 0, 0, &h);
	history_release(&h);
}

/* .mailmap: email and name forms, case, lines that add up. */
static void
test_mailmap(void)
{
	char repo[PATH_MAX];
	struct history h;
	struct strbuf out = STRBUF_INIT;
	size_t i;

	snprintf(repo, sizeof(repo), "%s/mailmap", ut_dir);
	new_repo(repo);
	ut_write_file("mailmap/.mailmap",
	    "# people\n"
	    "Jane Doe <jane@new.example> <jane@old.example>\n"
	    "<jane@new.example> J. Doe <JDOE@work.example>\n"
	    "Other One <other@example.com> Wrong Name <bob@example.com>\n"
	    "Carol Real <carol@old.example>\n"
	    "<carol@new.example> <CAROL@old.example>\n"
	    "<dave@new.example> <dave@old.example>\n"
	    "Dave Real <dave@old.example>\n");
	ut_sh("cd '%s' && git add .mailmap", repo);
	mk_commit(repo, T0, "Jane", "jane@old.example", "one");
	mk_commit(repo, T0 + 100, "jane", "JANE@new.example", "two");
	mk_commit(repo, T0 + 200, "j. doe", "jdoe@WORK.example", "three");
	mk_commit(repo, T0 + 300, "J. Doe", "jdoe@elsewhere.example", "four");
	mk_commit(repo, T0 + 400, "Bob", "bob@example.com", "five");
	mk_commit(repo, T0 + 500, "bob", "BOB@example.com", "six");
	mk_commit(repo, T0 + 600, "Carol", "carol@OLD.example", "seven");
	mk_commit(repo, T0 + 700, "Dave", "dave@old.example", "eight");
	mk_commit(repo, T0 + 800, "Jane", "jane@old.example", "nine");
	check_window("mailmap", repo, T0, T0 + 800, 1, 0, &h);
	for (i = 0; i < h.nauthors; i++) {
		if (strcmp(h.authors[i].key, "carol@new.example") != 0 &&
		    strcmp(h.authors[i].key, "dave@new.example") != 0)
			continue;
		ut_capture(&out, "git -C '%s' log --use-mailmap --format=%%aN "
		    "--author='%.4s' -1 HEAD", repo, h.authors[i].key);
		if (out.len > 0)
			out.buf[--out.len] = '\0';
		is_str(h.authors[i].name, out.buf, "mailmap: name of %s as "
		    "git %%aN", h.authors[i].key);
	}
	history_release(&h);
	check_window("mailmap, window", repo, T0 + 150, T0 + 650, 1, 0, &h);
	history_release(&h);
	strbuf_release(&out);
}

/* Co-authored-by: trailers, as git's %(trailers) finds them. */
static void
test_coauthors(void)
{
	char repo[PATH_MAX];
	struct history h;
	size_t i, only;

	snprintf(repo, sizeof(repo), "%s/coauthors", ut_dir);
	new_repo(repo);
	ut_write_file("coauthors/.mailmap",
	    "Ann Example <ann@example.com> <ann@old.example>\n");
	ut_sh("cd '%s' && git add .mailmap", repo);
	mk_commit(repo, T0, "Ann", "ann@example.com",
	    "plain\n\nCo-authored-by: Zed <zed@example.com>\n\nnot last\n");
	mk_commit(repo, T0 + 100, "Ann", "ann@example.com",
	    "two co-authors\n\nBody.\n\n"
	    "Co-authored-by: Ben <ben@example.com>\n"
	    "Co-authored-by: Old Ann <ANN@old.example>\n");
	mk_commit(repo, T0 + 200, "Ben", "ben@example.com",
	    "mixed\n\nbody\n\na note that is no trailer\n"
	    "Signed-off-by: Ben <ben@example.com>\n"
	    "co-authored-by: Cat <cat@example.com>\n");
	mk_commit(repo, T0 + 300, "Ben", "ben@example.com",
	    "not enough trailers\n\nbody\n\nfirst free line\n"
	    "second free line\nCo-authored-by: Dan <dan@example.com>\n");
	mk_commit(repo, T0 + 400, "Cat", "cat@example.com",
	    "continued\n\nCo-Authored-By: Eve\n  <eve@example.com>\n"
	    "Co-authored-by : Fay <fay@example.com>\n"
	    "Co-authored-by: Cat <CAT@example.com>\n"
	    "# a comment\n\n");
	mk_commit(repo, T0 + 500, "Ann", "ann@example.com",
	    "subject only Co-authored-by: Gus <gus@example.com>");
	mk_commit(repo, T0 + 600, "Ann", "ann@example.com",
	    "title\nCo-authored-by: Hal <hal@example.com>\n");
	mk_commit(repo, T0 + 700, "Ann", "ann@example.com",
	    "cut\n\nCo-authored-by: Ivy <ivy@example.com>\n"
	    "# ------------------------ >8 ------------------------\n"
	    "Co-authored-by: Jon <jon@example.com>\n");

	check_window("co-authors", repo, T0, T0 + 700, 1, 1, &h);
	only = 0;
	for (i = 0; i < h.nauthors; i++)
		only += h.authors[i].coauthor_only;
	ok(only > 0, "co-authors: some are co-authors only");
	history_release(&h);
	check_window("co-authors, off", repo, T0, T0 + 700, 1, 0, &h);
	history_release(&h);
	check_window("co-authors, window", repo, T0 + 150, T0 + 450, 1, 1,
	    &h);
	history_release(&h);
}

/* A shallow clone whose boundary is inside the window, or not. */
static void
test_shallow(void)
{
	char src[PATH_MAX], repo[PATH_MAX];
	struct history h;
	int i;

	snprintf(src, sizeof(src), "%s/deep", ut_dir);
	snprintf(repo, sizeof(repo), "%s/shallow", ut_dir);
	new_repo(src);
	for (i = 0; i < 10; i++)
		mk_commit(src, T0 + i * 100, i % 2 ? "Ann" : "Ben",
		    i % 2 ? "ann@example.com" : "ben@example.com", "deep");
	ut_sh("rm -rf '%s' && git clone -q --depth 3 'file://%s' '%s'", repo,
	    src, repo);
	check_window("shallow, boundary inside", repo, T0, T0 + 900, 1, 0,
	    &h);
	ok(h.shallow, "shallow: the repository is shallow");
	ok(h.truncated, "shallow, boundary inside: counts are lower bounds");
	ok((long long)h.commits < capture_num("git -C '%s' rev-list --count "
	    "%s HEAD", src, span(T0, T0 + 900)), "shallow: fewer than the "
	    "full clone has");
	history_release(&h);
	check_window("shallow, boundary outside", repo, T0 + 750, T0 + 900, 1,
	    0, &h);
	ok(h.shallow && !h.truncated, "shallow, boundary outside: exact");
	history_release(&h);
}

/* A parent object gone (as in a partial clone): a bound, no failure. */
static void
test_missing(void)
{
	char repo[PATH_MAX], hex[64];
	struct strbuf out = STRBUF_INIT;
	struct history h;
	long long want;
	int i;

	snprintf(repo, sizeof(repo), "%s/missing", ut_dir);
	new_repo(repo);
	for (i = 0; i < 6; i++)
		mk_commit(repo, T0 + i * 100, "Ann", "ann@example.com", "m");
	ut_capture(&out, "git -C '%s' rev-parse HEAD~3", repo);
	snprintf(hex, sizeof(hex), "%.40s", out.buf);
	want = capture_num("git -C '%s' rev-list --count %s HEAD ^%s", repo,
	    span(T0, T0 + 500), hex);
	ut_sh("rm -f '%s/.git/objects/%.2s/%s'", repo, hex, hex + 2);
	is_int(walk(repo, T0, T0 + 500, 1, 0, &h), 0, "missing: walk");
	is_int(h.commits, want, "missing: the commits above the hole "
	    "(git rev-list HEAD ^hole)");
	ok(h.truncated, "missing: counts are lower bounds");
	history_release(&h);
	strbuf_release(&out);
}

/* An unparsable commit is an error naming it. */
static void
test_corrupt(void)
{
	char repo[PATH_MAX], errpath[PATH_MAX], bad[64];
	struct strbuf out = STRBUF_INIT, want = STRBUF_INIT;
	struct history h;
	int fd, saved, rc;
	FILE *fp;
	char buf[1024];
	size_t n;

	snprintf(repo, sizeof(repo), "%s/corrupt", ut_dir);
	new_repo(repo);
	mk_commit(repo, T0, "Ann", "ann@example.com", "fine");
	ut_write_file("bad.txt", "tree nonsense\nauthor A <a@x> 1 +0000\n"
	    "committer A <a@x> 1 +0000\n\nbad\n");
	ut_capture(&out, "git -C '%s' hash-object -t commit --literally -w "
	    "'%s/bad.txt'", repo, ut_dir);
	snprintf(bad, sizeof(bad), "%.40s", out.buf);
	ut_capture(&out, "git -C '%s' rev-parse HEAD^{tree}", repo);
	strbuf_addf(&want, "tree %.40s\nparent %s\n"
	    "author A <a@x> %lld +0000\ncommitter A <a@x> %lld +0000\n\n"
	    "child\n", out.buf, bad, T0 + 100, T0 + 100);
	ut_write_file("child.txt", want.buf);
	ut_capture(&out, "git -C '%s' hash-object -t commit --literally -w "
	    "'%s/child.txt'", repo, ut_dir);
	ut_sh("git -C '%s' update-ref refs/heads/main %.40s", repo, out.buf);

	snprintf(errpath, sizeof(errpath), "%s/stderr.txt", ut_dir);
	fflush(stderr);
	saved = dup(2);
	fd = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	dup2(fd, 2);
	close(fd);
	rc = walk(repo, T0, T0 + 1000, 1, 0, &h);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	is_int(rc, -1, "corrupt: an error");
	ok(h.nauthors == 0 && h.authors == NULL, "corrupt: nothing kept");
	strbuf_reset(&want);
	if ((fp = fopen(errpath, "r")) != NULL) {
		while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
			strbuf_add(&want, buf, n);
		fclose(fp);
	}
	strbuf_reset(&out);
	strbuf_addf(&out, "ecocheck: %s: commit %s: ", repo, bad);
	ok(strncmp(want.buf, out.buf, out.len) == 0 &&
	    strchr(want.buf, '\n') == want.buf + want.len - 1,
	    "corrupt: one line naming the repository and the commit");
	printf("# %s", want.buf);
	history_release(&h);
	strbuf_release(&out);
	strbuf_release(&want);
}

/* Windows before the first and after the last commit. */
static void
test_outside(void)
{
	char repo[PATH_MAX];
	struct history h;

	snprintf(repo, sizeof(repo), "%s/linear", ut_dir);
	check_window("before all history", repo, T0 - 5000, T0 - 1, 1, 0, &h);
	ok(h.commits == 0 && h.nauthors == 0 && !h.has_first,
	    "before all history: empty");
	history_release(&h);
	check_window("after all history", repo, T0 + 10000, T0 + 20000, 1, 0,
	    &h);
	ok(h.walked == 1, "after all history: only the tip is read");
	history_release(&h);
}

int
main(void)
{
	ut_setup("unit-history");
	/* The default author of merges; the tests name everyone else. */
	setenv("GIT_AUTHOR_NAME", "Ann", 1);
	setenv("GIT_AUTHOR_EMAIL", "ann@example.com", 1);
	ut_libgit2_init();

	test_linear();
	test_merges();
	test_skew();
	test_future();
	test_roots();
	test_ties();
	test_mailmap();
	test_coauthors();
	test_shallow();
	test_missing();
	test_corrupt();
	test_outside();

	git_libgit2_shutdown();
	ok(ut_cleanup() == 0, "clean up");
	return done_testing();
}
