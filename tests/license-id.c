/*
 * license-id.c: print the license of files as FILE<TAB>ID<TAB>SCORE, for
 * tests/bench/license.sh; also dumps the pre-normalised corpus.
 *
 * Usage: license-id [-c DIR] [-n RUNS] FILE...
 *        license-id --dump-corpus DIR
 *        license-id --normalise FILE
 *
 * ID is the SPDX id, NOASSERTION (then SCORE is the best guess's, with
 * its id after a fourth tab) or NONE; other licenses found after the
 * first follow as further "+ID" columns. With -n RUNS, every file is
 * identified RUNS times, loading the corpus each time, and the mean
 * microseconds per identification (corpus load included) is printed to
 * stderr at the end.
 */
#define _POSIX_C_SOURCE 200809L
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "error.h"
#include "read/license.h"
#include "strbuf.h"
#include "xalloc.h"

static int	 slurp(const char *, struct strbuf *);
static int	 identify(const char *, const char *, int);

static int
slurp(const char *path, struct strbuf *sb)
{
	FILE *f;
	char buf[65536];
	size_t got;

	if ((f = fopen(path, "rb")) == NULL)
		return ec_error("%s: cannot open", path);
	while ((got = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(sb, buf, got);
	fclose(f);
	return 0;
}

/* Identify one file runs times (corpus load included); print once. */
static int
identify(const char *dir, const char *path, int runs)
{
	struct license_corpus *c;
	struct license_result r;
	struct strbuf sb = STRBUF_INIT;
	size_t i;
	int run;

	if (slurp(path, &sb) < 0)
		return -1;
	for (run = 0; run < runs; run++) {
		if (license_corpus_load(&c, dir) < 0) {
			strbuf_release(&sb);
			return -1;
		}
		license_identify(c, sb.buf, sb.len, &r);
		if (run == runs - 1) {
			if (r.kind == LICENSE_MATCH)
				printf("%s\t%s\t%u", path, r.main.id,
				    r.main.score);
			else if (r.kind == LICENSE_NONE)
				printf("%s\tNONE\t0", path);
			else
				printf("%s\tNOASSERTION\t%u\t%s", path,
				    r.main.score, r.main.id != NULL ?
				    r.main.id : "-");
			for (i = 0; i < r.nothers; i++)
				printf("\t+%s", r.others[i].id);
			putchar('\n');
		}
		license_result_release(&r);
		license_corpus_free(c);
	}
	strbuf_release(&sb);
	return 0;
}

int
main(int argc, char **argv)
{
	struct strbuf sb = STRBUF_INIT;
	struct timespec t0, t1;
	char *dir;
	int i, runs, ret, files;
	double us;

	if (argc == 3 && strcmp(argv[1], "--dump-corpus") == 0) {
		if (license_corpus_dump(argv[2], &sb) < 0)
			return 1;
		fwrite(sb.buf, 1, sb.len, stdout);
		strbuf_release(&sb);
		return 0;
	}
	if (argc == 3 && strcmp(argv[1], "--normalise") == 0) {
		struct strbuf out = STRBUF_INIT;

		if (slurp(argv[2], &sb) < 0)
			return 1;
		license_normalise(sb.buf, sb.len, &out);
		printf("%s\n", out.buf);
		strbuf_release(&sb);
		strbuf_release(&out);
		return 0;
	}
	dir = NULL;
	runs = 1;
	for (i = 1; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "-c") == 0) {
			free(dir);
			dir = xstrdup(argv[i + 1]);
		} else if (strcmp(argv[i], "-n") == 0)
			runs = atoi(argv[i + 1]) > 0 ? atoi(argv[i + 1]) : 1;
		else
			break;
	}
	if (dir == NULL)
		dir = license_corpus_dir();
	ret = 0;
	files = 0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (; i < argc; i++, files++)
		if (identify(dir, argv[i], runs) < 0)
			ret = 1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (runs > 1 && files > 0) {
		us = ((t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec -
		    t0.tv_nsec)) / 1e3 / ((double)files * runs);
		fprintf(stderr, "%.1f us per identification (corpus load "
		    "included), %d files x %d runs\n", us, files, runs);
	}
	free(dir);
	return ret;
}
