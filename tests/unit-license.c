/* unit-license.c: the license normaliser, the corpus and identification over tests/fixtures/licenses */
#define _POSIX_C_SOURCE 200809L
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "read/license.h"
#include "strbuf.h"
#include "tap.h"
#include "xalloc.h"

#define CORPUS	EC_SRCDIR "/rules/licenses"
#define FIXTURES EC_SRCDIR "/tests/fixtures/licenses"

static void	 norm_is(const char *, size_t, const char *, const char *);
static int	 slurp(const char *, struct strbuf *);
static void	 test_normalise(void);
static void	 test_corpus(void);
static void	 test_fixtures(const struct license_corpus *);
static void	 test_large(const struct license_corpus *);
static void	 test_ranges(const struct license_corpus *);
static void	 test_ids(void);

static void
norm_is(const char *s, size_t n, const char *want, const char *what)
{
	struct strbuf out = STRBUF_INIT;

	license_normalise(s, n, &out);
	is_str(out.buf, want, "normalise: %s", what);
	strbuf_release(&out);
}

static int
slurp(const char *path, struct strbuf *sb)
{
	FILE *f;
	char buf[8192];
	size_t got;

	if ((f = fopen(path, "rb")) == NULL)
		return -1;
	while ((got = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(sb, buf, got);
	fclose(f);
	return 0;
}

static void
test_normalise(void)
{
#define N(s, want, what) norm_is(s, sizeof(s) - 1, want, what)
	N("The  SOFTWARE\tis\nProvided", "the software is provided",
	    "case and white space");
	N("\"AS IS\" \xe2\x80\x9c" "AS IS\xe2\x80\x9d 'x' \xe2\x80\x98y\xe2\x80\x99",
	    "as is as is x y", "straight and curly quotes alike");
	N("royalty-free royalty\xe2\x80\x94" "free royalty\xe2\x80\x93" "free",
	    "royalty free royalty free royalty free", "hyphen, em and en dash alike");
	N("1. Redistributions\n2) Neither\n(a) You\niv. Such\n3.1. Grant",
	    "redistributions neither you such grant", "list numbering at line starts");
	N("as in Section 4(d) and (b) below", "as in section 4 d and below",
	    "a number inside a sentence stays, a bullet in it goes");
	N("# Permission is\n# hereby granted\n// to any\n * person\n; obtaining",
	    "permission is hereby granted to any person obtaining",
	    "comment prefixes");
	N("Copyright (c) 2024 Jane\nPermission", "permission",
	    "a copyright line");
	N("Copyright (c) 2019-2024, Widgets Inc.,\n          Gadgets Ltd.,\n"
	    "          and others.\nCopyright 2018 Someone\nAll rights reserved.\n\n"
	    "Permission", "permission", "a copyright notice of several lines");
	N("\xc2\xa9 2024 Jane\n(c) 2023 Joe\nCopyright: Joe\nthe above copyright\n"
	    "copyright notice", "the above copyright copyright notice",
	    "the sign, (c) and 'Copyright:', but not 'copyright notice'");
	N("## Terms\n\n**Licensor** _shall_ mean [the Licensor](https://x.org/a)",
	    "terms licensor shall mean the licensor", "Markdown markup and link");
	N("<p>Copyright &copy; 2024 X</p><p>THE&nbsp;SOFTWARE &quot;AS IS&quot;</p>",
	    "the software as is", "HTML tags and entities");
	N("licence sub-license non-commercial per cent https://x.org",
	    "license sublicense noncommercial percent http x org",
	    "equivalent words and http/https");
	N("\xef\xbb\xbfMIT\r\nLicense\r\n", "mit license", "a BOM and CRLF");
	N("Caf\xe9 \xff\xfe ok", "caf ok", "invalid UTF-8 is punctuation");
	N("", "", "an empty text");
#undef N
}

static void
test_corpus(void)
{
	struct license_corpus *c;
	struct license_result r;
	struct strbuf dump = STRBUF_INIT, shipped = STRBUF_INIT;
	char dir[] = "/tmp/ecocheck-unit-license.XXXXXX";
	char *path;
	FILE *f;

	ok(license_corpus_dump(CORPUS, &dump) == 0,
	    "the corpus texts load");
	ok(slurp(CORPUS "/corpus.tok", &shipped) == 0 &&
	    dump.len == shipped.len && memcmp(dump.buf, shipped.buf,
	    dump.len) == 0,
	    "rules/licenses/corpus.tok is what the texts give (else run "
	    "tests/license-id --dump-corpus, see README.md)");
	strbuf_release(&dump);
	strbuf_release(&shipped);

	ok(license_corpus_load(&c, "/nonexistent/licenses") == -1 && c == NULL,
	    "a missing corpus is an error");

	/* A directory of texts without corpus.tok is read from the texts. */
	ok(mkdtemp(dir) != NULL, "a temporary corpus directory");
	path = xasprintf("%s/Test-1.0.txt", dir);
	if ((f = fopen(path, "w")) != NULL) {
		fputs("<<beginOptional>>Test License<<endOptional>>\n\nYou may "
		    "use this widget for any purpose whatsoever provided that "
		    "<<var;original=\"the author\">> is named.\n", f);
		fclose(f);
	}
	ok(license_corpus_load(&c, dir) == 0 && license_corpus_count(c) == 1,
	    "a corpus of one text without corpus.tok loads");
	if (c != NULL) {
		const char t[] = "You may use this widget for any purpose "
		    "whatsoever provided that Jane Q. Example is named.";

		license_identify(c, t, sizeof(t) - 1, &r);
		ok(r.kind == LICENSE_MATCH && r.main.id != NULL &&
		    strcmp(r.main.id, "Test-1.0") == 0,
		    "a variable part may hold other words");
		license_result_release(&r);
		license_corpus_free(c);
	}
	unlink(path);
	rmdir(dir);
	free(path);
}

static void
test_fixtures(const struct license_corpus *c)
{
	struct strbuf list = STRBUF_INIT, text = STRBUF_INIT, got = STRBUF_INIT;
	struct license_result r;
	char *line, *save, *file, *want, *others, *path;
	size_t i;

	if (slurp(FIXTURES "/expected.tsv", &list) < 0) {
		ok(0, "tests/fixtures/licenses/expected.tsv reads");
		return;
	}
	for (line = strtok_r(list.buf, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (line[0] == '#')
			continue;
		file = line;
		if ((want = strchr(file, '\t')) == NULL)
			continue;
		*want++ = '\0';
		others = strchr(want, '\t');
		if (others != NULL)
			*others++ = '\0';
		path = xasprintf("%s/%s", FIXTURES, file);
		strbuf_reset(&text);
		if (slurp(path, &text) < 0)
			ok(0, "%s reads", file);
		free(path);
		license_identify(c, text.buf, text.len, &r);
		strbuf_reset(&got);
		strbuf_addstr(&got, r.kind == LICENSE_NONE ? "NONE" :
		    r.kind == LICENSE_NOASSERTION ? "NOASSERTION" : r.main.id);
		is_str(got.buf, want, "%s: %s", file, want);
		strbuf_reset(&got);
		for (i = 0; i < r.nothers; i++)
			strbuf_addf(&got, "%s%s", i > 0 ? "," : "",
			    r.others[i].id);
		is_str(got.buf, others != NULL ? others : "",
		    "%s: further licenses", file);
		if (r.kind == LICENSE_MATCH)
			ok(r.main.score >= 990 && r.main.end > r.main.start &&
			    r.main.end <= text.len, "%s: score %u and range",
			    file, r.main.score);
		license_result_release(&r);
	}
	strbuf_release(&list);
	strbuf_release(&text);
	strbuf_release(&got);
}

/* A 10 MB text, generated here: bounded work and a sane answer. */
static void
test_large(const struct license_corpus *c)
{
	struct strbuf big = STRBUF_INIT, mit = STRBUF_INIT;
	struct license_result r;
	struct timespec t0, t1;
	double secs;
	unsigned x;

	slurp(FIXTURES "/mit-plain.txt", &mit);
	strbuf_add(&big, mit.buf, mit.len);
	x = 12345;
	while (big.len < 10 * 1024 * 1024) {
		x = x * 1103515245u + 12345u;
		strbuf_addch(&big, (x >> 16) & 0xff);
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	license_identify(c, big.buf, big.len, &r);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	ok(r.kind == LICENSE_MATCH && strcmp(r.main.id, "MIT") == 0,
	    "a 10 MB file of MIT then random bytes: MIT");
	ok(secs < 5, "the 10 MB file takes bounded time (%.3f s)", secs);
	license_result_release(&r);
	strbuf_reset(&big);
	while (big.len < 10 * 1024 * 1024)
		strbuf_addstr(&big, "the software is provided as is ");
	license_identify(c, big.buf, big.len, &r);
	ok(r.kind == LICENSE_NOASSERTION, "10 MB of repeated license words: "
	    "NOASSERTION");
	license_result_release(&r);
	strbuf_release(&big);
	strbuf_release(&mit);
}

static void
test_ranges(const struct license_corpus *c)
{
	struct strbuf text = STRBUF_INIT;
	struct license_result r;

	slurp(FIXTURES "/mit-then-apache.txt", &text);
	license_identify(c, text.buf, text.len, &r);
	ok(r.kind == LICENSE_MATCH && r.nothers == 1 &&
	    r.others[0].start > r.main.end &&
	    strncmp(text.buf + r.main.start, "MIT License", 11) == 0 &&
	    r.others[0].end <= text.len,
	    "two licenses: the first's range ends before the second's");
	license_result_release(&r);
	strbuf_release(&text);
}

/* SPDX ids that name the same text, and the ids of expressions. */
static void
test_ids(void)
{
	const char *e = "(MIT OR Apache-2.0 WITH LLVM-exception) AND gpl-2.0+ */";
	const char *id;
	struct strbuf got = STRBUF_INIT;
	size_t pos, n;

	ok(license_same_id("GPL-2.0-or-later", 16, "GPL-2.0-only"),
	    "-or-later and -only name the same text");
	ok(license_same_id("gpl-2.0+", 8, "GPL-2.0"), "a final + and case");
	ok(!license_same_id("GPL-2.0", 7, "LGPL-2.0-only"), "LGPL is not GPL");
	ok(!license_same_id("Apache-2.0", 10, "Apache-1.0"),
	    "versions differ");
	pos = 0;
	while ((n = license_expr_next(e, strlen(e), &pos, &id)) > 0)
		strbuf_addf(&got, "%s%.*s", got.len > 0 ? " " : "", (int)n,
		    id);
	is_str(got.buf, "MIT Apache-2.0 gpl-2.0+",
	    "expression ids: no operator, no exception, up to the comment");
	strbuf_release(&got);
}

int
main(void)
{
	struct license_corpus *c;

	test_normalise();
	test_corpus();
	test_ids();
	if (!ok(license_corpus_load(&c, CORPUS) == 0 &&
	    license_corpus_count(c) >= 24, "the shipped corpus loads"))
		return done_testing();
	test_fixtures(c);
	test_large(c);
	test_ranges(c);
	license_corpus_free(c);
	return done_testing();
}
