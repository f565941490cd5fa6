/*
 * codeowners-match.c: match paths against CODEOWNERS patterns, for
 * t0028 and tests/bench/codeowners*.sh.
 *
 * Usage: codeowners-match -p PATTERN [PATH]...
 *        codeowners-match [-t] [-m] FILE <PATHS
 *        codeowners-match -e FILE
 *
 * With -p, prints PATH<TAB>1 or PATH<TAB>0 for each PATH (a final '/'
 * makes it a directory); a pattern the parser refuses prints its error
 * to stderr and exits 3. With FILE, reads paths a line from stdin and
 * prints PATH<TAB>LINE, the line of the rule owning it (0: none), or
 * with -m PATH<TAB>L1,L2,... every rule matching it; -t prints the
 * paths, the rules and the milliseconds spent matching to stderr. -e
 * prints the errors of FILE as LINE:COL: MESSAGE.
 */
#define _POSIX_C_SOURCE 200809L
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "read/codeowners.h"
#include "error.h"
#include "strbuf.h"
#include "xalloc.h"

static int	 slurp(FILE *, struct strbuf *);
static int	 one_pattern(const char *, int, char **);
static int	 owners_of(const char *, int, int);
static int	 errors_of(const char *);
static int	 load(const char *, struct co_file *);

static int
slurp(FILE *fp, struct strbuf *sb)
{
	char buf[65536];
	size_t got;

	while ((got = fread(buf, 1, sizeof(buf), fp)) > 0)
		strbuf_add(sb, buf, got);
	return ferror(fp) ? -1 : 0;
}

static int
load(const char *path, struct co_file *co)
{
	struct strbuf sb = STRBUF_INIT;
	FILE *fp;

	if ((fp = fopen(path, "rb")) == NULL)
		return ec_error("%s: cannot open", path);
	if (slurp(fp, &sb) < 0) {
		fclose(fp);
		strbuf_release(&sb);
		return ec_error("%s: cannot read", path);
	}
	fclose(fp);
	codeowners_parse(sb.buf, sb.len, co);
	strbuf_release(&sb);
	return 0;
}

/* One pattern (given an owner so that it is a rule) against paths. */
static int
one_pattern(const char *pattern, int argc, char **argv)
{
	struct co_file co;
	char *line;
	int i;

	line = xasprintf("%s @owner\n", pattern);
	codeowners_parse(line, strlen(line), &co);
	free(line);
	if (co.nerrors > 0 || co.nrules != 1) {
		fprintf(stderr, "%d:%d: %s\n", co.nerrors > 0 ?
		    co.errors[0].line : 0, co.nerrors > 0 ? co.errors[0].col :
		    0, co.nerrors > 0 ? co.errors[0].message : "no rule");
		codeowners_release(&co);
		return 3;
	}
	for (i = 0; i < argc; i++)
		printf("%s\t%d\n", argv[i], codeowners_match(&co.rules[0],
		    argv[i], 0));
	codeowners_release(&co);
	return 0;
}

static int
owners_of(const char *file, int timing, int all)
{
	struct co_file co;
	struct co_index *idx;
	struct strvec paths = STRVEC_INIT;
	struct timespec t0, t1;
	unsigned char *matched;
	char *line = NULL;
	size_t cap = 0, i, j, n;
	ssize_t got;
	long *owner;
	double ms;

	if (load(file, &co) < 0)
		return 2;
	while ((got = getline(&line, &cap, stdin)) > 0) {
		if (line[got - 1] == '\n')
			line[--got] = '\0';
		strvec_push(&paths, line);
	}
	free(line);
	owner = xcalloc(paths.n + 1, sizeof(*owner));
	matched = xcalloc(co.nrules + 1, 1);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	idx = codeowners_index(&co);
	for (i = 0; i < paths.n; i++)
		owner[i] = codeowners_owner(idx, paths.v[i], NULL);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	for (i = 0; i < paths.n; i++) {
		if (!all) {
			printf("%s\t%d\n", paths.v[i], owner[i] < 0 ? 0 :
			    co.rules[owner[i]].line);
			continue;
		}
		memset(matched, 0, co.nrules + 1);
		codeowners_owner(idx, paths.v[i], matched);
		printf("%s\t", paths.v[i]);
		for (j = 0, n = 0; j < co.nrules; j++)
			if (matched[j])
				printf("%s%d", n++ > 0 ? "," : "",
				    co.rules[j].line);
		printf("\n");
	}
	ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
	if (timing)
		fprintf(stderr, "%zu paths, %zu rules, %.1f ms\n", paths.n,
		    co.nrules, ms);
	codeowners_index_free(idx);
	codeowners_release(&co);
	strvec_clear(&paths);
	free(owner);
	free(matched);
	return 0;
}

static int
errors_of(const char *file)
{
	struct co_file co;
	size_t i;

	if (load(file, &co) < 0)
		return 2;
	for (i = 0; i < co.nerrors; i++)
		printf("%d:%d: %s\n", co.errors[i].line, co.errors[i].col,
		    co.errors[i].message);
	codeowners_release(&co);
	return 0;
}

int
main(int argc, char **argv)
{
	int timing = 0, all = 0;

	if (argc >= 3 && strcmp(argv[1], "-p") == 0)
		return one_pattern(argv[2], argc - 3, argv + 3);
	if (argc == 3 && strcmp(argv[1], "-e") == 0)
		return errors_of(argv[2]);
	argv++;
	argc--;
	for (; argc > 1 && argv[0][0] == '-'; argv++, argc--) {
		if (strcmp(argv[0], "-t") == 0)
			timing = 1;
		else if (strcmp(argv[0], "-m") == 0)
			all = 1;
		else
			break;
	}
	if (argc != 1) {
		fprintf(stderr, "usage: codeowners-match -p PATTERN [PATH]...\n"
		    "       codeowners-match [-t] [-m] FILE <PATHS\n"
		    "       codeowners-match -e FILE\n");
		return 2;
	}
	return owners_of(argv[0], timing, all);
}
