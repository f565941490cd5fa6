/*
 * ignore-match.c: for the differential test t0062, read a .gitignore
 * with src/ignore.c and print, for each path of standard input (one a
 * line, a directory ending in '/'), "PATH\tignored" or "PATH\t-", as
 * t0062 derives from "git check-ignore --no-index -v -n". As git does
 * (and as the walk does, by not entering it), a path below an ignored
 * directory is ignored whatever the lines say of the path itself.
 *
 * Usage: ignore-match GITIGNORE [DIR SUBGITIGNORE] <PATHS
 *
 * With DIR, SUBGITIGNORE is the .gitignore of directory DIR (one level
 * below the root): it applies to the paths below DIR, before the root's.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gitfile.h"
#include "ignore.h"
#include "strbuf.h"

static int	 slurp(const char *, struct strbuf *);
static int	 ignored(const struct ignore *, char *, int);

/* Read a pattern file as ecocheck reads one: 0, or -1 said. */
static int
slurp(const char *path, struct strbuf *sb)
{
	if (read_small_file(path, 0, IGNORE_MAX_FILE, sb, NULL) == GITFILE_OK)
		return 0;
	fprintf(stderr, "ignore-match: %s: cannot read it\n", path);
	return -1;
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
	struct strbuf text = STRBUF_INIT, sub = STRBUF_INIT, base = STRBUF_INIT;
	struct ignore *ign;
	char line[4096];
	size_t len;
	int is_dir, below;

	if ((argc != 2 && argc != 4) || slurp(argv[1], &text) == -1 ||
	    (argc == 4 && slurp(argv[3], &sub) == -1)) {
		fprintf(stderr, "usage: ignore-match GITIGNORE "
		    "[DIR SUBGITIGNORE] <PATHS\n");
		return 2;
	}
	if (argc == 4)
		strbuf_addf(&base, "%s/", argv[2]);
	ign = ignore_new(0);
	ignore_push(ign, 0, "", text.buf, text.len);
	while (fgets(line, sizeof(line), stdin)) {
		len = strcspn(line, "\n");
		line[len] = '\0';
		is_dir = len > 1 && line[len - 1] == '/';
		if (is_dir)
			line[--len] = '\0';
		/* The stack holds only the lists of directories above. */
		below = base.len && strncmp(line, base.buf, base.len) == 0;
		if (below)
			ignore_push(ign, 1, base.buf, sub.buf ? sub.buf : "",
			    sub.len);
		printf("%s\t%s\n", line, ignored(ign, line, is_dir) ?
		    "ignored" : "-");
		if (below)
			ignore_pop(ign, 1);
	}
	ignore_free(ign);
	strbuf_release(&text);
	strbuf_release(&sub);
	strbuf_release(&base);
	return 0;
}
