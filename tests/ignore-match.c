/*
 * ignore-match.c: for the differential test t0062, read a .gitignore
 * with src/ignore.c and print, for each path of standard input (one a
 * line, a directory ending in '/'), "PATH\tignored" or "PATH\t-", as
 * t0062 derives from "git check-ignore --no-index -v -n". As git does
 * (and as the walk does, by not entering it), a path below an ignored
 * directory is ignored whatever the lines say of the path itself.
 *
 * Usage: ignore-match GITIGNORE <PATHS
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ignore.h"
#include "strbuf.h"

static int	 slurp(const char *, struct strbuf *);
static int	 ignored(const struct ignore *, char *, int);

static int
slurp(const char *path, struct strbuf *sb)
{
	FILE *f;
	char buf[4096];
	size_t n;

	if (!(f = fopen(path, "rb")))
		return -1;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(sb, buf, n);
	fclose(f);
	return 0;
}

/* Whether path or a directory above it is ignored. */
static int
ignored(const struct ignore *ign, char *path, int is_dir)
{
	char *slash;
	int r;

	for (slash = path; (slash = strchr(slash, '/')) != NULL; slash++) {
		*slash = '\0';
		r = ignore_match(ign, path, 1);
		*slash = '/';
		if (r)
			return 1;
	}
	return ignore_match(ign, path, is_dir);
}

int
main(int argc, char **argv)
{
	struct strbuf text = STRBUF_INIT;
	struct ignore *ign;
	char line[4096];
	size_t len;
	int is_dir;

	if (argc != 2 || slurp(argv[1], &text) == -1) {
		fprintf(stderr, "usage: ignore-match GITIGNORE <PATHS\n");
		return 2;
	}
	ign = ignore_new(0);
	ignore_push(ign, 0, "", text.buf, text.len);
	while (fgets(line, sizeof(line), stdin)) {
		len = strcspn(line, "\n");
		line[len] = '\0';
		is_dir = len > 1 && line[len - 1] == '/';
		if (is_dir)
			line[--len] = '\0';
		printf("%s\t%s\n", line, ignored(ign, line, is_dir) ?
		    "ignored" : "-");
	}
	ignore_free(ign);
	strbuf_release(&text);
	return 0;
}
