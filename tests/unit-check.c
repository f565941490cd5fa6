/*
 * unit-check.c: two checks in one process: each tells its errors to its
 * own sink under its own cap, and judges as it would alone (the license
 * corpus and the compiled patterns shared, nothing written to them).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1		/* mkdtemp, setenv, popen (unit-lib.h) */
#endif
#include "config.h"

#include <sys/wait.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <git2.h>

#include "check.h"
#include "error.h"
#include "finding.h"
#include "report-json.h"
#include "strbuf.h"
#include "tap.h"
#include "tree.h"
#include "unit-lib.h"

#define FIX	EC_SRCDIR "/tests/fixtures/licenses"

/* One check: its options, rules, sink buffer and result. */
struct one {
	struct check_opts	 co;
	struct strvec		 rules;
	struct strvec		 none;
	struct strbuf		 err;
	struct repo_result	 res;
	struct check		*c;
};

static void	 one_init(struct one *, const char *, const char *);
static void	 one_release(struct one *);
static size_t	 count_lines(const char *);
static size_t	 count_having(const char *, const char *);

static void
one_init(struct one *o, const char *rules, const char *rev)
{
	memset(o, 0, sizeof(*o));
	strvec_push(&o->rules, rules);
	strbuf_init(&o->err);
	o->co.rules = &o->rules;
	o->co.sets = &o->none;
	o->co.facts = &o->none;
	o->co.rev = rev;
	/* A fixed date: two checks a second apart must print the same window. */
	o->co.has_as_of = 1;
	o->co.as_of = 1796601600;	/* 2026-12-07T00:00:00Z */
	o->co.emit = ec_emit_strbuf;
	o->co.emit_arg = &o->err;
}

static void
one_release(struct one *o)
{
	check_close(o->c);
	repo_result_release(&o->res);
	strvec_clear(&o->rules);
	strvec_clear(&o->none);
	strbuf_release(&o->err);
}

static size_t
count_lines(const char *s)
{
	size_t n;

	for (n = 0; (s = strchr(s, '\n')) != NULL; s++)
		n++;
	return n;
}

/* How many lines of s have needle. */
static size_t
count_having(const char *s, const char *needle)
{
	const char *nl, *hit;
	size_t n;

	n = 0;
	for (; (nl = strchr(s, '\n')) != NULL; s = nl + 1)
		if ((hit = strstr(s, needle)) != NULL && hit < nl)
			n++;
	return n;
}

/* Two sinks, one nested in the other: each cap is its own. */
static void
test_sinks(void)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	struct ec_sink sa, sb, *prev, *prev2;

	ec_sink_init(&sa, ec_emit_strbuf, &a);
	ec_sink_init(&sb, ec_emit_strbuf, &b);
	prev = ec_sink_enter(&sa);
	ec_error_cap(0);
	ec_error("held in a");
	ec_warn("a warning is never held");
	prev2 = ec_sink_enter(&sb);
	ok(ec_error_at("b.ini", 3, "told in b %d", 1) == -1, "ec_error_at is -1");
	ec_sink_leave(prev2);
	ec_error("held in a too");
	is_int(ec_error_cap(-1), 2, "a's cap held its two errors");
	ec_error("told in a");
	ec_sink_leave(prev);
	is_str(a.buf, "ecocheck: warning: a warning is never held\n"
	    "ecocheck: told in a\n", "a has its own lines only");
	is_str(b.buf, "ecocheck: b.ini:3: told in b 1\n",
	    "b has its own line, a's cap did not hold it");
	ec_sink_init(&sb, ec_emit_strbuf, &b);
	strbuf_reset(&b);
	prev = ec_sink_enter(&sb);
	ec_error_lines("ecocheck: one\necocheck: two\n", 28);
	ec_sink_leave(prev);
	is_str(b.buf, "ecocheck: one\necocheck: two\n",
	    "ec_error_lines tells the lines again");
	strbuf_release(&a);
	strbuf_release(&b);
}

/* Write 22 rules, each with an unknown key (the rule checker tells 20). */
static void
write_typos(void)
{
	struct strbuf sb = STRBUF_INIT;
	int i;

	strbuf_addstr(&sb, "[ruleset]\nname = typos\n");
	for (i = 0; i < 22; i++)
		strbuf_addf(&sb, "\n[w%d]\ntype = contains\nfile = README.md\n"
		    "pattern = words\nbogus = x\n", i);
	ut_write_file("typos.ini", sb.buf);
	strbuf_release(&sb);
}

static void
make_repos(void)
{
	ut_write_file("rules.ini", "[ruleset]\nname = mine\n\n"
	    "[lic]\ntype = license\nlevel = error\nfile = LICENSE\n\n"
	    "[words]\ntype = contains\nlevel = error\nfile = README.md\n"
	    "pattern = words\n\n"
	    "[title]\ntype = contains\nlevel = warning\nfile = README.md\n"
	    "pattern = ^# (Demo|Other)$\n");
	write_typos();
	ut_sh("git init -q mit && cp '%s/mit-multiline-copyright.txt' "
	    "mit/LICENSE && printf '# Demo\\n\\nThe words here.\\n' "
	    ">mit/README.md && git -C mit add -A && "
	    "git -C mit commit -q -m i", FIX);
	ut_sh("git init -q apache && cp '%s/apache-markdown.md' "
	    "apache/LICENSE && printf '# Other\\n\\nNo match.\\n' "
	    ">apache/README.md && git -C apache add -A && "
	    "git -C apache commit -q -m i", FIX);
	ut_sh("git clone -q mit corrupt && rm -f corrupt/.git/objects/$(git "
	    "-C corrupt rev-parse HEAD:README.md | sed 's,^..,&/,')");
}

/*
 * The errors of three checks, interleaved: b's cap at nothing while a
 * opens and tells its 21 lines under a cap of its own, then while b and
 * c meet the same corrupt object, which only c tells.
 */
static void
test_own_sinks(void)
{
	struct one a, b, c;
	struct strbuf stderr_text = STRBUF_INIT;
	int saved, fd;

	one_init(&a, "./typos.ini", NULL);
	one_init(&b, "./rules.ini", "HEAD");
	one_init(&c, "./rules.ini", "HEAD");
	fflush(stderr);
	saved = dup(2);
	fd = open("stderr.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (saved == -1 || fd == -1 || dup2(fd, 2) == -1)
		ut_bail("cannot send stderr to a file");
	close(fd);
	ok(check_open(&b.co, "corrupt", &b.c, &b.res) == 0 &&
	    check_open(&c.co, "corrupt", &c.c, &c.res) == 0, "b and c open");
	ec_sink_cap(check_sink(b.c), 0);
	ok(check_open(&a.co, "mit", &a.c, &a.res) == -1, "a's rules fail");
	check_run(b.c, &b.res);
	check_run(c.c, &c.res);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	is_int(count_lines(a.err.buf), 21, "a tells 20 errors and the rest");
	is_int(count_having(a.err.buf, "typos.ini:"), 20,
	    "the 20 are a's own");
	ok(strstr(a.err.buf, "and 2 more errors in the rules\n") != NULL,
	    "a's cap counted its own errors");
	is_int(ec_sink_cap(check_sink(b.c), -1), 1, "b's cap held its error");
	ok(b.err.len == 0, "so b's sink has nothing");
	ok(count_lines(c.err.buf) == 1 && strstr(c.err.buf, "README.md: the "
	    "repository is corrupt") != NULL, "c's has its error");
	ut_capture(&stderr_text, "cat stderr.txt");
	ok(stderr_text.len == 0, "nothing went to stderr");
	one_release(&a);
	one_release(&b);
	one_release(&c);
	strbuf_release(&stderr_text);
}

/* The JSON document of one check of path, opened and run at once. */
static void
check_alone(const char *path, struct strbuf *out)
{
	struct one o;

	one_init(&o, "./rules.ini", NULL);
	if (check_open(&o.co, path, &o.c, &o.res) == 0)
		check_run(o.c, &o.res);
	report_json_document(out, &o.res, 0);
	strbuf_add(out, o.err.buf, o.err.len);
	one_release(&o);
}

/*
 * check_alone() in a process of its own, forked before this one checked
 * anything: no corpus loaded, no pattern compiled before it.
 */
static void
check_in_child(const char *path, struct strbuf *out)
{
	int status;

	fflush(stdout);
	switch (fork()) {
	case -1:
		ut_bail("fork failed");
	case 0:
		check_alone(path, out);
		ut_write_file("alone.out", out->buf);
		_exit(0);
	default:
		if (wait(&status) == -1 || status != 0)
			ut_bail("the check alone of %s failed", path);
	}
	strbuf_reset(out);
	ut_capture(out, "cat alone.out");
}

/* Two checks opened, then run, in one process: as each alone. */
static void
test_same_results(void)
{
	struct strbuf alone_a = STRBUF_INIT, alone_b = STRBUF_INIT;
	struct strbuf both_a = STRBUF_INIT, both_b = STRBUF_INIT;
	struct one a, b;

	check_in_child("mit", &alone_a);
	check_in_child("apache", &alone_b);
	one_init(&a, "./rules.ini", NULL);
	one_init(&b, "./rules.ini", NULL);
	ok(check_open(&a.co, "mit", &a.c, &a.res) == 0 &&
	    check_open(&b.co, "apache", &b.c, &b.res) == 0, "both open");
	check_run(b.c, &b.res);
	check_run(a.c, &a.res);
	report_json_document(&both_a, &a.res, 0);
	strbuf_add(&both_a, a.err.buf, a.err.len);
	report_json_document(&both_b, &b.res, 0);
	strbuf_add(&both_b, b.err.buf, b.err.len);
	ok(strstr(alone_a.buf, "\"MIT\"") != NULL &&
	    strstr(alone_b.buf, "\"Apache-2.0\"") != NULL,
	    "each alone names its license");
	is_str(both_a.buf, alone_a.buf, "mit checked beside apache, as alone");
	is_str(both_b.buf, alone_b.buf, "apache checked beside mit, as alone");
	one_release(&a);
	one_release(&b);
	strbuf_release(&alone_a);
	strbuf_release(&alone_b);
	strbuf_release(&both_a);
	strbuf_release(&both_b);
}

/*
 * The passes over the tree of a whole run of each shipped rule set: one,
 * which builds the tree's name indexes that every other query is
 * answered from, and one more for each rule that has a question for
 * every file: who owns it (codeowners, when there is a CODEOWNERS), what
 * its first bytes are (binary-artifacts, shared by the rules of that
 * type). tree_passes() counts the queries that looked at every entry.
 */
static void
test_tree_passes(void)
{
	static const struct {
		const char	*set;
		size_t		 passes, with_codeowners;
	} sets[] = {
		{ "pytorch-ecosystem", 1, 2 },
		{ "community-health", 1, 2 },
		{ "clomonitor", 2, 2 },
		{ "github-community", 1, 1 },
		{ "osps-baseline", 2, 2 },
	};
	struct one o;
	size_t i, n, want, got;
	int co;

	ut_sh("set -e; git init -q big; cd big\n"
	    "mkdir -p src/pkg/sub tests docs/api third_party/lib "
	    ".github/workflows\n"
	    "for i in $(seq 1 400); do echo 'x = 1' >src/pkg/m$i.py; "
	    "echo 'int f;' >third_party/lib/f$i.c; "
	    "echo 'def test_x(): pass' >tests/test_$i.py; "
	    "echo '# Page' >docs/api/p$i.md; echo y >src/pkg/sub/d$i.txt; "
	    "done\n"
	    "printf 'on: push\\njobs:\\n  t:\\n    runs-on: x\\n' "
	    ">.github/workflows/ci.yml\n"
	    "cp '%s/mit-multiline-copyright.txt' LICENSE\n"
	    "printf '# Big\\n\\nWords.\\n' >README.md\n"
	    "printf '[project]\\nname = \"big\"\\n' >pyproject.toml\n"
	    "git add -A; GIT_AUTHOR_DATE=2026-12-01T00:00:00Z "
	    "GIT_COMMITTER_DATE=2026-12-01T00:00:00Z git commit -q -m i", FIX);
	for (co = 0; co <= 1; co++) {
		if (co)
			ut_sh("printf '* @alice @bob\\n/docs/ @carol\\n' "
			    ">big/.github/CODEOWNERS");
		for (i = 0; i < sizeof(sets) / sizeof(sets[0]); i++) {
			one_init(&o, sets[i].set, NULL);
			if (!ok(check_open(&o.co, "big", &o.c, &o.res) == 0,
			    "%s: open", sets[i].set)) {
				one_release(&o);
				continue;
			}
			check_run(o.c, &o.res);
			n = tree_count_under(check_tree(o.c), "");
			got = tree_passes(check_tree(o.c));
			want = co ? sets[i].with_codeowners : sets[i].passes;
			/* a set that needs no index makes a pass less */
			ok(got == want || got + 1 == want, "%s%s: %zu pass%s "
			    "over the %zu entries (at most %zu; %zu looked at)",
			    sets[i].set, co ? ", CODEOWNERS" : "", got,
			    got == 1 ? "" : "es", n, want,
			    tree_visited(check_tree(o.c)));
			one_release(&o);
		}
	}
}

int
main(void)
{
	if (getenv("ECOCHECK_RULES_DIR") == NULL)
		setenv("ECOCHECK_RULES_DIR", EC_SRCDIR "/rules", 1);
	ut_setup("unit-check");
	ut_libgit2_init();
	check_setup();
	test_sinks();
	make_repos();
	test_same_results();
	test_own_sinks();
	test_tree_passes();
	git_libgit2_shutdown();
	ok(ut_cleanup() == 0, "clean up");
	return done_testing();
}
