/*
 * md-parse.c: the benchmark driver of tests/bench/markdown.sh: parse one
 * Markdown file with md_parse() (a .rst or .rest file with rst_parse())
 * many times and print the mean time of a parse in milliseconds as the
 * last word of its output.
 */
#define _POSIX_C_SOURCE 200809L
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "read/markdown.h"
#include "read/rst.h"
#include "strbuf.h"

int
main(int argc, char **argv)
{
	struct strbuf sb = STRBUF_INIT;
	struct md_doc doc;
	struct timespec a, b;
	char buf[65536];
	size_t n;
	FILE *fp;
	int i, runs;
	int (*parse)(const char *, size_t, struct md_doc *);

	if (argc < 2 || (fp = fopen(argv[1], "rb")) == NULL) {
		fprintf(stderr, "usage: md-parse FILE [RUNS]\n");
		return 2;
	}
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		strbuf_add(&sb, buf, n);
	fclose(fp);
	runs = argc > 2 ? atoi(argv[2]) : 1000;
	if (runs < 1)
		runs = 1;
	parse = rst_is_path(argv[1]) ? rst_parse : md_parse;
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (i = 0; i < runs; i++) {
		parse(sb.buf, sb.len, &doc);
		md_doc_free(&doc);
	}
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("%s: %zu bytes, %d parses, mean ms %.4f\n", argv[1], sb.len,
	    runs, ((b.tv_sec - a.tv_sec) * 1e3 + (b.tv_nsec - a.tv_nsec) / 1e6) /
	    runs);
	strbuf_release(&sb);
	return 0;
}
