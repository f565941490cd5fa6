/*
 * unit-gitconfig.c: gitconfig.c's scanner on config texts (sections,
 * subsections, quotes, escapes, continuation lines, comments, what it
 * refuses) and the include check on files inside and outside the roots.
 */
#define _GNU_SOURCE 1		/* mkdtemp, setenv, popen (unit-lib.h) */
#include "config.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gitconfig.h"
#include "strbuf.h"
#include "tap.h"
#include "unit-lib.h"

static int	 record(const char *, const char *, int, void *);
static int	 stop(const char *, const char *, int, void *);
static char	*scan(const char *, size_t);
static void	 test_scan(void);
static void	 test_refused(void);
static void	 test_stop(void);
static int	 check(const char *);
static void	 test_includes(void);
static int	 check_err(const char *, struct strbuf *);
static void	 test_includes_refused(void);

/* Note each include as "key=path@line\n". */
static int
record(const char *key, const char *path, int line, void *arg)
{
	strbuf_addf(arg, "%s=%s@%d\n", key, path, line);
	return 0;
}

static int
stop(const char *key, const char *path, int line, void *arg)
{
	(void)key;
	(void)path;
	(void)line;
	(*(int *)arg)++;
	return 7;
}

/* The includes of text as record() notes them, or "error@LINE". */
static char *
scan(const char *text, size_t len)
{
	struct strbuf sb = STRBUF_INIT;
	int errline;

	errline = -1;
	if (gitconfig_scan(text, len, record, &sb, &errline) == -1) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "error@%d", errline);
	}
	return strbuf_detach(&sb, NULL);
}

/* Texts libgit2 reads: what each include is, on which line. */
static void
test_scan(void)
{
	static const char *const cases[][3] = {
		{ "[include]\n\tpath = a.inc\n", "include.path=a.inc@2\n",
		    "include.path" },
		{ "[Include]\n\tPATH = b\n", "include.path=b@2\n",
		    "section and key names without case" },
		{ "[includeIf \"gitdir:/X/\"]\n path = c\n",
		    "includeif.gitdir:/X/.path=c@2\n",
		    "includeIf, the subsection kept as written" },
		{ "[includeif \"a\\\"b\\\\c\"]\npath = d\n",
		    "includeif.a\"b\\c.path=d@2\n",
		    "escapes in a subsection" },
		{ "[include] path = e\n", "include.path=e@1\n",
		    "a variable after the header, on its line" },
		{ "[x][include]path=f", "include.path=f@1\n",
		    "two headers on a line, no final newline" },
		{ "\xef\xbb\xbf[include]\npath = g\n", "include.path=g@2\n",
		    "a byte order mark" },
		{ "[include]\npath = \"a b;c#d\" ; comment\n",
		    "include.path=a b;c#d@2\n", "quotes keep ';' and '#'" },
		{ "[include]\npath = h # comment\n", "include.path=h@2\n",
		    "a comment after a value" },
		{ "[include]\npath = a\\tb\\nc\\\"d\\\\e\\bf\n",
		    "include.path=a\tb\nc\"d\\e\bf@2\n", "escapes in a value" },
		{ "[include]\npath = con\\\ntinued\\\n  here\nx = 1\n",
		    "include.path=continued  here@2\n",
		    "continuation lines, named by the first" },
		{ "[include]\npath = \"a\\\n b\"\n", "include.path=a b@2\n",
		    "a quoted value continued" },
		{ "[include]\npath = last\\", "include.path=last@2\n",
		    "a continuation at the end of the text" },
		{ "; comment\n# comment\n\n  \t\n[include]\n  path=i\n",
		    "include.path=i@6\n", "comments and blank lines counted" },
		{ "path = j\n[core]\npath = k\n[include]\nflag\n", "",
		    "other sections, no section, a key without a value" },
		{ "[include.sub]\npath = l\n", "",
		    "a dotted section is another one" },
		{ "[includeif]\npath = m\n[includeIf \"\"]\npath = n\n",
		    "includeif..path=n@4\n",
		    "includeIf needs a subsection, maybe empty" },
		{ "[include]\npath = one\npath = two\n",
		    "include.path=one@2\ninclude.path=two@3\n",
		    "every include, in order" },
		{ "[include]\npath =\n", "include.path=@2\n", "an empty value" },
	};
	char *got;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		got = scan(cases[i][0], strlen(cases[i][0]));
		is_str(got, cases[i][1], "scan: %s", cases[i][2]);
		free(got);
	}
}

/* Texts libgit2 refuses: the line that cannot be parsed. */
static void
test_refused(void)
{
	static const char *const cases[][3] = {
		{ "[]\n", "error@1", "an empty section name" },
		{ "[include\npath = a\n", "error@1", "no ']'" },
		{ "\n[in_clude]\n", "error@2", "a '_' in a section name" },
		{ "[include x]\n", "error@1", "a subsection without quotes" },
		{ "[include \"x]\n", "error@1", "an unclosed subsection" },
		{ "[include \"x\"y]\n", "error@1",
		    "text between the subsection and ']'" },
		{ "[include \"x\\\"]\n", "error@1",
		    "the last quote of a subsection escaped" },
		{ "[include]\n= a\n", "error@2", "a value without a name" },
		{ "[include]\npath a\n", "error@2", "a name, then not '='" },
		{ "[include]\npa_th = a\n", "error@2", "a '_' in a name" },
		{ "[include]\npath = a\\qb\n", "error@2", "an unknown escape" },
		{ "[include]\npath = a\\\nb\\q\nc = 1\n", "error@3",
		    "an unknown escape on a continuation line" },
	};
	char *got;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		got = scan(cases[i][0], strlen(cases[i][0]));
		is_str(got, cases[i][1], "refused: %s", cases[i][2]);
		free(got);
	}
}

/* A line is cut at a NUL; a callback's nonzero return stops the scan. */
static void
test_stop(void)
{
	static const char nul[] = "[include]\npath = a\0b\n[include]\n"
	    "path = c\n";
	static const char text[] = "[include]\npath = a\npath = b\n";
	char *got;
	int n, errline;

	got = scan(nul, sizeof(nul) - 1);
	is_str(got, "include.path=a@2\ninclude.path=c@4\n",
	    "scan: a line is cut at a NUL");
	free(got);

	n = 0;
	is_int(gitconfig_scan(text, strlen(text), stop, &n, &errline), 1,
	    "a callback's nonzero return stops the scan with 1");
	is_int(n, 1, "after one call");
}

static char *root;		/* the real path of ut_dir/repo */

/*
 * Write text (unless NULL) to repo/config and check its includes with
 * root as the only root: gitconfig_includes_ok()'s answer.
 */
static int
check(const char *text)
{
	const char *roots[1];
	char *path;
	int rc;

	if (text != NULL)
		ut_write_file("repo/config", text);
	roots[0] = root;
	path = ut_path("repo/config");
	rc = gitconfig_includes_ok(path, roots, 1);
	free(path);
	return rc;
}

/* Includes inside the repository are followed, and checked in turn. */
static void
test_includes(void)
{
	const char *roots[2];
	char *path, *slash;

	ut_sh("rm -f repo/config");
	is_int(check(NULL), 0, "includes: no config file at all");
	is_int(check("[include]\npath = inc/a.inc\n"), 0,
	    "includes: a file inside");
	is_int(check("[include]\npath = inc/./b/../a.inc\n"
	    "path = inc//a.inc\n"), 0,
	    "includes: '.', '..' and '//' inside");
	is_int(check("[include]\npath = inc/none\n"), 0,
	    "includes: an absent file of a directory inside");
	is_int(check("[include]\npath = nodir/none\n"), 0,
	    "includes: an absent file of an absent directory");
	is_int(check("[include]\npath = loop1.inc\n"), 0,
	    "includes: a loop ends where libgit2 stops");
	is_int(check("[include]\npath = noval.inc\n"), 0,
	    "includes: an included file without includes");
	ut_write_file("repo/config", "[include]\npath = inc/a.inc\n");
	path = ut_path("repo/config");
	slash = xasprintf("%s/", root);
	roots[0] = NULL;
	roots[1] = slash;
	is_int(gitconfig_includes_ok(path, roots, 2), 0,
	    "includes: a root with a final '/', after a NULL one");
	roots[0] = "/";
	is_int(gitconfig_includes_ok(path, roots, 1), 0,
	    "includes: the root '/'");
	free(slash);
	free(path);
}

/*
 * check() with what it prints to stderr in err (replaced): the include
 * check's answer.
 */
static int
check_err(const char *text, struct strbuf *err)
{
	int fd, saved, rc;

	fflush(stderr);
	if ((fd = open("err", O_WRONLY | O_CREAT | O_TRUNC, 0666)) == -1 ||
	    (saved = dup(2)) == -1 || dup2(fd, 2) == -1)
		ut_bail("cannot send stderr to err");
	close(fd);
	rc = check(text);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	ut_capture(err, "cat err");
	return rc;
}

/* What is outside, or not a config file, is refused, saying why. */
static void
test_includes_refused(void)
{
	static const char *const cases[][3] = {
		{ "~/x.inc", "in the home directory",
		    "config:2: include.path names ~/x.inc, in the home" },
		{ "../outside/x.inc", "outside, relative",
		    "config:2: include.path names ../outside/x.inc, outside" },
		{ "/..", "the root directory", "names /.., outside" },
		{ "link.inc", "a link inside to a file outside",
		    "names link.inc, outside" },
		{ "ldir/none", "an absent file below a link to outside",
		    "names ldir/none, outside" },
		{ "inc/out.inc", "an included file including one outside",
		    "inc/out.inc:2: include.path names ../../outside/x.inc, "
		    "outside" },
		{ "fifo", "a FIFO", "repo/fifo: not a regular file" },
		{ "inc", "a directory", "repo/inc: not a regular file" },
		{ "big.cfg", "a file over the 4 MiB of a configuration and its includes",
		    "repo/big.cfg: git configuration larger than 4194304 bytes" },
		{ "bad.inc", "a file that is not git configuration",
		    "repo/bad.inc:1: cannot be parsed as git configuration" },
	};
	struct strbuf err = STRBUF_INIT;
	char *text, *abs;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		text = xasprintf("[include]\npath = %s\n", cases[i][0]);
		is_int(check_err(text, &err), -1, "refused: %s",
		    cases[i][1]);
		if (!ok(strstr(err.buf, cases[i][2]) != NULL, "saying so"))
			printf("# got: %s", err.buf);
		free(text);
	}
	abs = ut_path("outside/x.inc");
	text = xasprintf("[includeIf \"gitdir:/nowhere/\"]\npath = %s\n",
	    abs);
	is_int(check_err(text, &err), -1,
	    "refused: an includeIf outside, whatever its condition");
	ok(strstr(err.buf, "config:2: includeif.gitdir:/nowhere/.path "
	    "names ") != NULL, "saying so");
	free(text);
	free(abs);
	is_int(check_err("[]\n", &err), -1, "refused: a config file that "
	    "is not git configuration");
	ok(strstr(err.buf, "config:1: cannot be parsed") != NULL, "saying so");
	strbuf_release(&err);
}

int
main(void)
{
	ut_setup("unit-gitconfig");
	test_scan();
	test_refused();
	test_stop();
	ut_sh("mkdir -p repo/inc outside && mkfifo repo/fifo && "
	    ": >outside/x.inc && ln -s ../outside/x.inc repo/link.inc && "
	    "ln -s ../outside repo/ldir && truncate -s 65M repo/big.cfg && "
	    "printf '[core]\\n\\tx = 1\\n' >repo/inc/a.inc && "
	    "printf '[include]\\npath = ../../outside/x.inc\\n' "
	    ">repo/inc/out.inc && printf '[]\\n' >repo/bad.inc && "
	    "printf '[include]\\npath = loop2.inc\\n' >repo/loop1.inc && "
	    "printf '[include]\\npath = loop1.inc\\n' >repo/loop2.inc && "
	    "printf '[core]\\nflag\\n' >repo/noval.inc");
	if ((root = realpath("repo", NULL)) == NULL)
		ut_bail("realpath repo");
	test_includes();
	test_includes_refused();
	free(root);
	ok(ut_cleanup() == 0, "clean up");
	return done_testing();
}
