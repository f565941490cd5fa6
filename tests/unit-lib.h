/*
 * unit-lib.h: the setup the C unit tests share: a temporary directory,
 * a git environment that no user or system configuration reaches, shell
 * commands and files in that directory.
 *
 * Include it after tap.h (a failing helper reports through tap.h):
 *
 *	#include "tap.h"
 *	#include "unit-lib.h"
 *
 *	int
 *	main(void)
 *	{
 *		ut_setup("unit-foo");		// $TMPDIR/ecocheck-unit-foo.XXXXXX
 *		ut_libgit2_init();		// only if the test uses libgit2
 *		ut_sh("git init -q r && echo x >r/README.md");
 *		...
 *		git_libgit2_shutdown();
 *		ok(ut_cleanup() == 0, "clean up");
 *		return done_testing();
 *	}
 *
 * ut_setup(name)		make the directory ut_dir, chdir there, and pin
 *				HOME, XDG_CONFIG_HOME, LC_ALL=C, TZ=UTC, git's
 *				identities (A U Thor, C O Mitter) and a global
 *				git config (branch main, no gc, file:// allowed);
 *				no GIT_DIR & co. Dates are left to each test.
 * ut_libgit2_init()		git_libgit2_init(), blind to system config
 * ut_run(fmt, ...)		run a shell command in ut_dir, stdout sent to
 *				stderr (not into the TAP); its wait status,
 *				0 for success (a failure is a TAP comment)
 * ut_sh(fmt, ...)		the same, but a failure is "not ok" and the end
 *				of the test program
 * ut_capture(sb, fmt, ...)	the standard output of a shell command in ut_dir
 *				into sb (reset first); a failure ends as ut_sh
 * ut_capture_str(fmt, ...)	the same, as a new string to free
 * ut_write_file(path, text)	write text to path (relative to ut_dir unless
 *				absolute); a failure ends as ut_sh
 * ut_path(name)		ut_dir/name as a new string to free
 * ut_bail(fmt, ...)		print "Bail out! ..." and exit 1
 * ut_cleanup()			remove ut_dir (kept when KEEP_TMP is set);
 *				0 on success
 *
 * Every helper is static and marked unused, as in tap.h, so a test
 * includes the header whole and pays only for what it calls.
 */
#ifndef EC_UNIT_LIB_H
#define EC_UNIT_LIB_H

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <git2.h>

#include "strbuf.h"
#include "xalloc.h"

#define UT_UNUSED	__attribute__((unused))
#define UT_PRINTF(f, a)	__attribute__((format(printf, f, a), unused))

/* Room for paths under ut_dir in PATH_MAX buffers, without warnings. */
#define UT_DIR_MAX	1024

static char ut_dir[UT_DIR_MAX];

static void	 ut_setup(const char *) UT_UNUSED;
static void	 ut_libgit2_init(void) UT_UNUSED;
static int	 ut_run(const char *, ...) UT_PRINTF(1, 2);
static void	 ut_sh(const char *, ...) UT_PRINTF(1, 2);
static void	 ut_capture(struct strbuf *, const char *, ...) UT_PRINTF(2, 3);
static char	*ut_capture_str(const char *, ...) UT_PRINTF(1, 2);
static void	 ut_write_file(const char *, const char *) UT_UNUSED;
static char	*ut_path(const char *) UT_UNUSED;
static void	 ut_bail(const char *, ...) UT_PRINTF(1, 2)
		    __attribute__((noreturn));
static int	 ut_cleanup(void) UT_UNUSED;
static void	 ut_end(const char *, const char *) UT_UNUSED
		    __attribute__((noreturn));
static int	 ut_vrun(const char *, va_list) UT_UNUSED;
static int	 ut_vcapture(struct strbuf *, const char *, va_list) UT_UNUSED;

/* Stop the whole test program: setup it cannot do without failed. */
static void
ut_bail(const char *fmt, ...)
{
	va_list ap;

	printf("Bail out! ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
	exit(1);
}

/* A failed step of a test: one "not ok" line, the plan, the end. */
static void
ut_end(const char *what, const char *detail)
{
	ok(0, "%s: %s", what, detail);
	exit(done_testing());
}

static void
ut_setup(const char *name)
{
	const char *base;
	char *p;
	int n;

	if ((base = getenv("TMPDIR")) == NULL || *base == '\0')
		base = "/tmp";
	n = snprintf(ut_dir, sizeof(ut_dir), "%s/ecocheck-%s.XXXXXX", base,
	    name);
	if (n < 0 || (size_t)n >= sizeof(ut_dir) || mkdtemp(ut_dir) == NULL ||
	    chdir(ut_dir) != 0)
		ut_bail("cannot make a temporary directory %s", ut_dir);
	setenv("HOME", ut_dir, 1);
	p = xasprintf("%s/.config", ut_dir);
	setenv("XDG_CONFIG_HOME", p, 1);
	free(p);
	setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
	setenv("LC_ALL", "C", 1);
	setenv("TZ", "UTC", 1);
	setenv("GIT_AUTHOR_NAME", "A U Thor", 1);
	setenv("GIT_AUTHOR_EMAIL", "author@example.com", 1);
	setenv("GIT_COMMITTER_NAME", "C O Mitter", 1);
	setenv("GIT_COMMITTER_EMAIL", "committer@example.com", 1);
	unsetenv("GIT_DIR");
	unsetenv("GIT_WORK_TREE");
	unsetenv("GIT_INDEX_FILE");
	unsetenv("GIT_OBJECT_DIRECTORY");
	unsetenv("GIT_ALTERNATE_OBJECT_DIRECTORIES");
	unsetenv("GIT_CEILING_DIRECTORIES");
	unsetenv("GIT_AUTHOR_DATE");
	unsetenv("GIT_COMMITTER_DATE");
	ut_write_file(".gitconfig",
	    "[init]\n\tdefaultBranch = main\n"
	    "[gc]\n\tauto = 0\n"
	    "[maintenance]\n\tauto = false\n"
	    "[advice]\n\tdetachedHead = false\n"
	    "[protocol \"file\"]\n\tallow = always\n");
}

/* libgit2, reading neither the system's configuration nor the user's. */
static void
ut_libgit2_init(void)
{
	char *p;

	git_libgit2_init();
	p = ut_path("nosystem");
	git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, GIT_CONFIG_LEVEL_SYSTEM, p);
	free(p);
}

static int
ut_vrun(const char *fmt, va_list ap)
{
	struct strbuf cmd = STRBUF_INIT;
	int st;

	strbuf_addf(&cmd, "cd '%s' && { ", ut_dir);
	strbuf_vaddf(&cmd, fmt, ap);
	strbuf_addstr(&cmd, "\n} >&2");
	fflush(stdout);
	st = system(cmd.buf);
	if (st != 0)
		printf("# command failed (%d): %s\n", st, cmd.buf);
	strbuf_release(&cmd);
	return st;
}

static int
ut_run(const char *fmt, ...)
{
	va_list ap;
	int st;

	va_start(ap, fmt);
	st = ut_vrun(fmt, ap);
	va_end(ap);
	return st;
}

static void
ut_sh(const char *fmt, ...)
{
	va_list ap;
	int st;

	va_start(ap, fmt);
	st = ut_vrun(fmt, ap);
	va_end(ap);
	if (st != 0)
		ut_end("command failed", "see the comment above");
}

/* The standard output of a command; -1 when it cannot run or fails. */
static int
ut_vcapture(struct strbuf *out, const char *fmt, va_list ap)
{
	struct strbuf cmd = STRBUF_INIT;
	char buf[8192];
	size_t n;
	FILE *fp;
	int st;

	strbuf_addf(&cmd, "cd '%s' && { ", ut_dir);
	strbuf_vaddf(&cmd, fmt, ap);
	strbuf_addstr(&cmd, "\n}");
	strbuf_reset(out);
	fflush(stdout);
	if ((fp = popen(cmd.buf, "r")) == NULL) {
		printf("# popen failed: %s\n", cmd.buf);
		strbuf_release(&cmd);
		return -1;
	}
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		strbuf_add(out, buf, n);
	if ((st = pclose(fp)) != 0)
		printf("# command failed (%d): %s\n", st, cmd.buf);
	strbuf_release(&cmd);
	return st == 0 ? 0 : -1;
}

static void
ut_capture(struct strbuf *out, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = ut_vcapture(out, fmt, ap);
	va_end(ap);
	if (r != 0)
		ut_end("command failed", "see the comment above");
}

static char *
ut_capture_str(const char *fmt, ...)
{
	struct strbuf out = STRBUF_INIT;
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = ut_vcapture(&out, fmt, ap);
	va_end(ap);
	if (r != 0)
		ut_end("command failed", "see the comment above");
	return strbuf_detach(&out, NULL);
}

static char *
ut_path(const char *name)
{
	return xasprintf("%s/%s", ut_dir, name);
}

static void
ut_write_file(const char *path, const char *text)
{
	char *full;
	FILE *fp;

	full = path[0] == '/' ? xstrdup(path) : ut_path(path);
	if ((fp = fopen(full, "w")) == NULL || fputs(text, fp) == EOF ||
	    fclose(fp) != 0)
		ut_end("cannot write", full);
	free(full);
}

static int
ut_cleanup(void)
{
	if (getenv("KEEP_TMP") != NULL) {
		printf("# kept %s\n", ut_dir);
		return 0;
	}
	if (chdir("/") != 0)
		return -1;
	return ut_run("chmod -R u+w . 2>/dev/null; cd / && rm -rf '%s'",
	    ut_dir);
}

#endif
