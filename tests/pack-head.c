/*
 * pack-head.c: the packs' bounded reads (src/pack.c) against git's own
 * bytes. Usage: pack-head OBJDIR CAP... < the output of
 * "git cat-file --batch" (or --batch-all-objects --batch)
 *
 * For every blob of the batch and every CAP, the first CAP bytes that
 * packs_read_head() gives must be the first CAP bytes git printed, with
 * git's size, or it must not answer; it must not for a blob of no more
 * than CAP bytes, and when it says such a one is stored whole, it gives
 * git's size. Prints "N blobs, A answered, U unanswered, S short, D
 * differ" (S: blobs of no more than CAP), the first few that differ, and
 * exits 1 when any does.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "pack.h"
#include "strbuf.h"
#include "xalloc.h"

int
main(int argc, char **argv)
{
	struct strbuf got = STRBUF_INIT;
	struct packs *ps;
	git_oid id;
	char line[256], hex[64], type[32];
	unsigned char *buf;
	size_t size, cap, got_size, nblob, answered, unanswered, nshort, differ;
	int i, r;

	if (argc < 3) {
		fprintf(stderr, "usage: pack-head OBJDIR CAP... < batch\n");
		return 2;
	}
	ps = packs_new(argv[1]);
	nblob = answered = unanswered = nshort = differ = 0;
	while (fgets(line, sizeof(line), stdin) != NULL) {
		if (sscanf(line, "%63s %31s %zu", hex, type, &size) != 3 ||
		    git_oid_fromstr(&id, hex) < 0) {
			fprintf(stderr, "pack-head: not a batch header: %s",
			    line);
			return 2;
		}
		buf = xmalloc(size + 1);
		if (fread(buf, 1, size + 1, stdin) != size + 1) {
			fprintf(stderr, "pack-head: %s: cut short\n", hex);
			return 2;
		}
		if (strcmp(type, "blob") == 0)
			nblob++;
		for (i = 2; i < argc && strcmp(type, "blob") == 0; i++) {
			cap = strtoul(argv[i], NULL, 10);
			strbuf_reset(&got);
			got_size = 0;
			if (size <= cap)
				nshort++;
			r = packs_read_head(ps, &id, cap, &got, &got_size);
			if (r == PACKS_WHOLE && (got_size != size ||
			    got.len != 0) && differ++ < 5)
				printf("%s (%zu bytes): said whole, of %zu\n",
				    hex, size, got_size);
			if (r != 0) {
				unanswered++;
				continue;
			}
			answered++;
			if (size > cap && got_size == size && got.len == cap &&
			    memcmp(got.buf, buf, cap) == 0)
				continue;
			if (differ++ < 5)
				printf("%s (%zu bytes): the first %zu differ\n",
				    hex, size, cap);
		}
		free(buf);
	}
	printf("%zu blobs, %zu answered, %zu unanswered, %zu short, "
	    "%zu differ\n", nblob, answered, unanswered, nshort, differ);
	strbuf_release(&got);
	packs_free(ps);
	return differ > 0;
}
