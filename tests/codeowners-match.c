/*
 * codeowners-match.c: match paths against CODEOWNERS patterns, for
 * t0028 and tests/bench/codeowners*.sh.
 *
 * Usage: codeowners-match -p PATTERN [PATH]...
 *        codeowners-match [-t] [-b] [-m | -a] FILE <PATHS
 *        codeowners-match -e FILE
 *
 * With -p, prints PATH<TAB>1 or PATH<TAB>0 for each PATH (a final '/'
 * makes it a directory); a pattern the parser refuses prints its error
 * to stderr and exits 3. With FILE, reads paths a line from stdin and
 * prints PATH<TAB>LINE, the line of the rule owning it (0: none), or
 * with -m PATH<TAB>L1,L2,... every rule matching it; with -a, for each
 * rule LINE<TAB>M<TAB>O, M 1 when it matches some path and O 1 when it
 * owns some path (what the codeowners rule's notes are made of). Owners
 * and -a come from the index the rule uses, or with -b from trying
 * every rule on every path (the reference the index must agree with;
 * -m is always that). -t prints the paths, the rules and the
 * milliseconds spent matching to stderr. -e prints the errors of FILE
 * as LINE:COL: MESSAGE.
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
static long	 brute_owner(const struct co_file *, const char *,
		    unsigned char *);
static void	 find_owners(const struct co_file *, const struct strvec *,
		    int, long *, unsigned char *, unsigned char *);
static void	 print_matches(const struct co_file *, const char *,
		    unsigned char *);
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

/* The last rule matching path, tried one by one: the reference. */
static long
brute_owner(const struct co_file *co, const char *path, unsigned char *all)
{
	long owner = -1;
	size_t i;

	for (i = co->nrules; i-- > 0; )
		if (codeowners_match(&co->rules[i], path, 0)) {
			if (owner < 0)
				owner = (long)i;
			if (all == NULL)
				break;
			all[i] = 1;
		}
	return owner;
}

/*
 * Every path's owner, by the index (or by brute force with how ==
 * 'b'); with how == 'a', each rule's line and whether it matches some
 * path and owns some path, as the codeowners rule's notes use them.
 */
static void
find_owners(const struct co_file *co, const struct strvec *paths, int how,
    long *owner, unsigned char *matched, unsigned char *owns)
{
	struct co_index *idx;
	size_t i;

	idx = how == 'b' ? NULL : codeowners_index(co);
	for (i = 0; i < paths->n; i++) {
		owner[i] = idx != NULL ? codeowners_owner(idx, paths->v[i],
		    how == 'a' ? matched : NULL) :
		    brute_owner(co, paths->v[i], matched);
		if (owner[i] >= 0)
			owns[owner[i]] = 1;
	}
	codeowners_index_free(idx);
}

static void
print_matches(const struct co_file *co, const char *path,
    unsigned char *matched)
{
	size_t j, n;

	memset(matched, 0, co->nrules + 1);
	brute_owner(co, path, matched);
	printf("%s\t", path);
	for (j = 0, n = 0; j < co->nrules; j++)
		if (matched[j])
			printf("%s%d", n++ > 0 ? "," : "", co->rules[j].line);
	printf("\n");
}

static int
owners_of(const char *file, int timing, int how)
{
	struct co_file co;
	struct strvec paths = STRVEC_INIT;
	struct timespec t0, t1;
	unsigned char *matched, *owns;
	char *line = NULL;
	size_t cap = 0, i;
	ssize_t got;
	long *owner;

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
	owns = xcalloc(co.nrules + 1, 1);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (how != 'm')
		find_owners(&co, &paths, how == 'B' ? 'b' : how, owner,
		    how == 'a' || how == 'B' ? matched : NULL, owns);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	for (i = 0; how == 'a' || how == 'B' ? i < co.nrules : i < paths.n;
	    i++)
		if (how == 'm')
			print_matches(&co, paths.v[i], matched);
		else if (how == 'a' || how == 'B')
			printf("%d\t%d\t%d\n", co.rules[i].line, matched[i],
			    owns[i]);
		else
			printf("%s\t%d\n", paths.v[i], owner[i] < 0 ? 0 :
			    co.rules[owner[i]].line);
	if (timing)
		fprintf(stderr, "%zu paths, %zu rules, %.1f ms\n", paths.n,
		    co.nrules, (double)(t1.tv_sec - t0.tv_sec) * 1e3 +
		    (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
	codeowners_release(&co);
	strvec_clear(&paths);
	free(owner);
	free(matched);
	free(owns);
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
	int timing = 0, how = 0, brute = 0;

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
			how = 'm';
		else if (strcmp(argv[0], "-a") == 0)
			how = 'a';
		else if (strcmp(argv[0], "-b") == 0)
			brute = 1;
		else
			break;
	}
	if (argc != 1) {
		fprintf(stderr, "usage: codeowners-match -p PATTERN [PATH]...\n"
		    "       codeowners-match [-t] [-b] [-m | -a] FILE <PATHS\n"
		    "       codeowners-match -e FILE\n");
		return 2;
	}
	if (brute)
		how = how == 'a' ? 'B' : how == 0 ? 'b' : how;
	return owners_of(argv[0], timing, how);
}
