/* unit-ignore.c: the gitignore parser and matcher (ignore.c) */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1		/* mkdtemp, symlink, O_DIRECTORY */
#endif
#include "config.h"

#include <sys/stat.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ignore.h"
#include "strbuf.h"
#include "tap.h"

static int	 one(const char *, const char *, int);

/* Whether the root .gitignore text ignores path (a directory if is_dir). */
static int
one(const char *text, const char *path, int is_dir)
{
	struct ignore *ig;
	int r;

	ig = ignore_new(0);
	ignore_push(ig, 0, "", text, strlen(text));
	r = ignore_match(ig, path, is_dir);
	ignore_free(ig);
	return r;
}

static void
test_lines(void)
{
	ok(one("b\n", "b", 0) && one("b\n", "x/y/b", 0),
	    "a name matches at any depth");
	ok(!one("b\n", "bb", 0) && !one("b\n", "b/c", 0),
	    "a name matches the whole last component only");
	ok(one("b/\n", "x/b", 1) && !one("b/\n", "x/b", 0),
	    "a final '/' matches directories only");
	ok(one("/b\n", "b", 0) && !one("/b\n", "x/b", 0),
	    "a leading '/' anchors at the file's directory");
	ok(one("x/b\n", "x/b", 0) && !one("x/b\n", "y/x/b", 0),
	    "a '/' inside anchors too");
	ok(one("**/b\n", "b", 0) && one("**/b\n", "x/y/b", 0),
	    "a leading \"**/\" matches at any depth");
	ok(one("x/**\n", "x/y/z", 0) && !one("x/**\n", "x", 1),
	    "a final \"/**\" matches what is below");
	ok(one("*.md\n", "a/b.md", 0) && !one("a*\n", "b/c", 0),
	    "'*' in a name pattern");
	ok(!one("x/*\n", "x/y/z", 0) && one("x/*\n", "x/y", 1),
	    "'*' does not cross '/'");
	ok(!one("# b\n", "# b", 0) && one("\\#b\n", "#b", 0),
	    "'#' starts a comment, \"\\#\" is a literal '#'");
	ok(one("\\!b\n", "!b", 0) && !one("\\!b\n", "b", 0),
	    "\"\\!\" is a literal '!'");
	ok(one("b   \n", "b", 0) && one("b\\ \n", "b ", 0) &&
	    !one("b\\ \n", "b", 0), "trailing spaces are cut unless escaped");
	ok(one("b\r\n", "b", 0), "a CR before the LF is dropped");
	ok(one("\xef\xbb\xbf" "b\n", "b", 0), "a UTF-8 BOM is skipped");
	ok(one("c\nb", "b", 0), "the last line needs no newline");
	ok(!one("!\n/\n\n", "b", 0), "empty patterns match nothing");
	ok(!one("b\n!b\n", "b", 0) && one("!b\nb\n", "b", 0),
	    "inside one file the last matching line decides");
	ok(!one("[b\n", "[b", 0), "a malformed class matches nothing");
}

static void
test_stack(void)
{
	struct ignore *ig;
	const char *root, *sub, *info;

	/* issue 10 item 14: root "b", s/.gitignore "!b" */
	root = "b\n";
	sub = "!b\n";
	ig = ignore_new(0);
	ignore_push(ig, 0, "", root, strlen(root));
	ok(ignore_match(ig, "b", 1) && ignore_match(ig, "s/b", 1),
	    "the root's pattern ignores b everywhere");
	ignore_push(ig, 1, "s/", sub, strlen(sub));
	ok(!ignore_match(ig, "s/b", 1),
	    "a deeper .gitignore is asked first: s/b is back");
	ignore_pop(ig, 1);
	ok(ignore_match(ig, "s/b", 1), "popping the level drops its patterns");
	ignore_free(ig);

	/* info/exclude "b/", s/.gitignore "!b/" */
	info = "b/\n";
	sub = "!b/\n";
	ig = ignore_new(0);
	ignore_add_global(ig, info, strlen(info));
	ok(ignore_match(ig, "s/b", 1) && !ignore_match(ig, "s/b", 0),
	    "info/exclude applies below every directory");
	ignore_push(ig, 1, "s/", sub, strlen(sub));
	ok(!ignore_match(ig, "s/b", 1),
	    "every .gitignore is asked before info/exclude");
	ignore_free(ig);

	ig = ignore_new(0);
	ignore_add_global(ig, "b\n", 2);	/* core.excludesFile */
	ignore_add_global(ig, "!b\n", 3);	/* info/exclude */
	ok(!ignore_match(ig, "b", 0), "info/exclude before core.excludesFile");
	ignore_free(ig);

	ig = ignore_new(0);
	ignore_push(ig, 1, "s/", "/t\n", 3);
	ok(ignore_match(ig, "s/t", 0) && !ignore_match(ig, "s/u/t", 0),
	    "an anchored pattern is relative to its file's directory");
	ignore_free(ig);

	ig = ignore_new(IGNORE_CASEFOLD);
	ignore_push(ig, 0, "", "Read*\nDOC\n", 10);
	ok(ignore_match(ig, "x/README", 0) && ignore_match(ig, "doc", 0),
	    "core.ignoreCase matches without case");
	ignore_free(ig);
}

static void
test_read(void)
{
	struct strbuf sb = STRBUF_INIT;
	char dir[] = "/tmp/ecocheck-unit-ignore.XXXXXX";
	char path[128];
	FILE *fp;
	int fd;

	if (mkdtemp(dir) == NULL) {
		ok(0, "mkdtemp");
		return;
	}
	fd = open(dir, O_RDONLY | O_DIRECTORY);
	ok(ignore_read(fd, "absent", "", "absent", 0, &sb) == IGNORE_NONE,
	    "an absent file has nothing to read");
	snprintf(path, sizeof(path), "%s/g", dir);
	if ((fp = fopen(path, "w")) != NULL) {
		fputs("b\n", fp);
		fclose(fp);
	}
	ok(ignore_read(fd, "g", "", "g", 0, &sb) == 0 &&
	    strcmp(sb.buf, "b\n") == 0, "a regular file is read whole");
	snprintf(path, sizeof(path), "%s/l", dir);
	ok(symlink("g", path) == 0, "make a link");
	ok(ignore_read(fd, "l", "", "l", 0, &sb) == IGNORE_NONE,
	    "a link is not followed (with a warning)");
	ok(ignore_read(fd, "l", "", "l", 1, &sb) == 0 &&
	    strcmp(sb.buf, "b\n") == 0, "unless asked to");
	snprintf(path, sizeof(path), "%s/f", dir);
	ok(mkfifo(path, 0600) == 0 &&
	    ignore_read(fd, "f", "", "f", 0, &sb) == -1,
	    "a FIFO is refused, without blocking");
	close(fd);
	snprintf(path, sizeof(path), "rm -rf '%s'", dir);
	ok(system(path) == 0, "clean up");
	strbuf_release(&sb);
}

int
main(void)
{
	test_lines();
	test_stack();
	test_read();
	return done_testing();
}
