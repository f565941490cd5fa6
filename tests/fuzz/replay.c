/*
 * replay.c: the regression driver of the fuzz targets, run by "make
 * check" without clang: every harness is linked in (fuzz.h), and each is
 * fed every file of tests/fuzz/regress/NAME (the crash, leak and timeout
 * inputs found, one a file), of its seed corpus tests/fuzz/corpus/NAME and
 * the test fixtures that tests/fuzz/seeds names for it.
 * A crash or a sanitizer's report ends the run, so that the test fails.
 * The readers' targets come from the readers' table itself: a reader
 * added without a seed corpus fails here.
 *
 * Usage: replay [TOP]   (TOP: the tests/fuzz folder; the source tree's
 * by default).
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glob.h"
#include "read/reader.h"
#include "strbuf.h"
#include "../tap.h"
#include "fuzz.h"
#include "fuzz-reader.h"

typedef int fuzz_fn(const uint8_t *, size_t);

fuzz_fn fuzz_asof, fuzz_delta, fuzz_doclink, fuzz_gitconfig, fuzz_gitindex,
    fuzz_glob, fuzz_inline, fuzz_license, fuzz_loose, fuzz_mailmap,
    fuzz_pep440, fuzz_pep508, fuzz_people, fuzz_ruleset, fuzz_tasks,
    fuzz_toml, fuzz_trailer;

static const struct target {
	const char	*name;
	fuzz_fn		*fn;
} targets[] = {
	{ "asof", fuzz_asof },
	{ "delta", fuzz_delta },
	{ "doclink", fuzz_doclink },
	{ "gitconfig", fuzz_gitconfig },
	{ "gitindex", fuzz_gitindex },
	{ "glob", fuzz_glob },
	{ "inline", fuzz_inline },
	{ "license", fuzz_license },
	{ "loose", fuzz_loose },
	{ "mailmap", fuzz_mailmap },
	{ "pep440", fuzz_pep440 },
	{ "pep508", fuzz_pep508 },
	{ "people", fuzz_people },
	{ "ruleset", fuzz_ruleset },
	{ "tasks", fuzz_tasks },
	{ "toml", fuzz_toml },
	{ "trailer", fuzz_trailer },
};

static int	 feed_dir(const char *, const char *, const char *,
		    const struct target *, const struct reader *);
static int	 feed_file(const char *, const struct target *,
		    const struct reader *);
static int	 feed_glob(const char *, const char *, const struct target *,
		    const struct reader *);
static int	 feed_seeds(const char *, const char *, const struct target *,
		    const struct reader *);
static void	 replay(const char *, const char *, const struct target *,
		    const struct reader *);

/* One input; -1 when it cannot be read. */
static int
feed_file(const char *path, const struct target *t, const struct reader *r)
{
	struct strbuf sb = STRBUF_INIT;
	FILE *f;
	char buf[8192];
	size_t n;
	uint8_t *copy;

	if (!(f = fopen(path, "rb")))
		return -1;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(&sb, buf, n);
	fclose(f);
	/* An exact-size copy, as libFuzzer hands it over. */
	copy = malloc(sb.len ? sb.len : 1);
	if (!copy)
		abort();
	memcpy(copy, sb.buf ? sb.buf : "", sb.len);
	if (r)
		(void)fuzz_reader_run(r, copy, sb.len);
	else
		(void)t->fn(copy, sb.len);
	free(copy);
	strbuf_release(&sb);
	return 0;
}

/*
 * Feed the files of directory dir whose names match pattern (a glob of
 * src/glob.c); the number fed, -1 without the folder.
 */
static int
feed_glob(const char *dir, const char *pattern, const struct target *t,
    const struct reader *r)
{
	char file[8192];
	DIR *d;
	struct dirent *e;
	int n;

	if (!(d = opendir(dir)))
		return -1;
	n = 0;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' || !glob_match(pattern, e->d_name, 0))
			continue;
		snprintf(file, sizeof(file), "%s/%s", dir, e->d_name);
		if (feed_file(file, t, r) == 0)
			n++;
	}
	closedir(d);
	return n;
}

/*
 * Feed the fixtures TOP/seeds names for name: "DIR/PATTERN", DIR from
 * the source tree's top (TOP/../..); the number fed.
 */
static int
feed_seeds(const char *top, const char *name, const struct target *t,
    const struct reader *r)
{
	char line[1024], tname[128], pat[1024], dir[4096];
	char *slash;
	FILE *f;
	int n, k;

	snprintf(dir, sizeof(dir), "%s/seeds", top);
	if (!(f = fopen(dir, "r")))
		return 0;
	n = 0;
	while (fgets(line, sizeof(line), f)) {
		if (line[0] == '#' || sscanf(line, "%127s %1023s", tname,
		    pat) != 2 || strcmp(tname, name) != 0 ||
		    !(slash = strrchr(pat, '/')))
			continue;
		*slash = '\0';
		snprintf(dir, sizeof(dir), "%s/../../%s", top, pat);
		if ((k = feed_glob(dir, slash + 1, t, r)) > 0)
			n += k;
	}
	fclose(f);
	return n;
}

/* Feed every file of TOP/KIND/NAME; the number fed, -1 without the folder. */
static int
feed_dir(const char *top, const char *kind, const char *name,
    const struct target *t, const struct reader *r)
{
	char path[4096];

	snprintf(path, sizeof(path), "%s/%s/%s", top, kind, name);
	return feed_glob(path, "*", t, r);
}

static void
replay(const char *top, const char *name, const struct target *t,
    const struct reader *r)
{
	int seeds, kept;

	seeds = feed_dir(top, "corpus", name, t, r);
	seeds = (seeds < 0 ? 0 : seeds) + feed_seeds(top, name, t, r);
	kept = feed_dir(top, "regress", name, t, r);
	ok(seeds > 0, "%s: %d seed inputs, %d kept inputs", name, seeds,
	    kept < 0 ? 0 : kept);
}

int
main(int argc, char **argv)
{
	const char *top;
	char slug[128];
	size_t i;

	top = argc > 1 ? argv[1] : EC_SRCDIR "/tests/fuzz";
	fuzz_quiet();
	for (i = 0; i < sizeof(targets) / sizeof(targets[0]); i++)
		replay(top, targets[i].name, &targets[i], NULL);
	for (i = 0; readers[i]; i++) {
		fuzz_reader_slug(readers[i]->name, slug, sizeof(slug));
		replay(top, slug, NULL, readers[i]);
	}
	return done_testing();
}
