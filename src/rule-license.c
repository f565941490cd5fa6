/*
 * rule-license.c: the "license" rule type: which license a project's
 * license file holds, whether the rule allows it, whether the project's
 * SPDX-License-Identifier lines and LICENSES/ directory say the same,
 * and whether vendored third-party code carries its own license.
 *
 * Identification is license.c's (a corpus of license texts, compared
 * after the SPDX matching guidelines' normalisation). The value of the
 * finding is the SPDX id found, NOASSERTION when nothing matched closely
 * enough (unknown: a person reads the file) or NONE when the file holds
 * no license text.
 *
 * With `third_party`, the rule looks at vendored directories instead:
 * every component directly below a directory of one of those names
 * needs a license file of its own (or is a submodule, licensed in its
 * own repository), or an entry in one of the `notice` files.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1		/* memmem */
#endif
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ctx.h"
#include "error.h"
#include "finding.h"
#include "glob.h"
#include "read/license.h"
#include "pymeta.h"
#include "regex.h"
#include "rulecheck.h"
#include "rules.h"
#include "ruleset.h"
#include "strbuf.h"
#include "text.h"
#include "tree.h"
#include "xalloc.h"

#define LICENSE_DEFAULT_MAX	(1024 * 1024)
#define SPDX_HEAD_BYTES		2048	/* where SPDX lines are looked for */
#define SPDX_PROBE_BYTES	512	/* read first, where most are */
#define SPDX_SAMPLE		32	/* files read before all are */
#define SHOW_MAX		5	/* names listed in a message */
#define NEAREST_MIN		500	/* per mille: a nearest license named */

/* Names that make a file a license file of its own directory. */
static const char *const license_names[] = {
	"license", "licence", "copying", "copyright", "notice", "unlicense",
	"legal", NULL
};

/* An SPDX id declared somewhere other than the license file. */
struct declared {
	char		*id;
	const char	*path;		/* the entry's */
	int		 line;		/* 0: a LICENSES/ file */
};

/*
 * dir_named()'s last answer: a walk in path order meets the files of one
 * directory one after another, and the answer is the directory's.
 */
struct dir_memo {
	struct strbuf	 dir;		/* with its final '/' */
	size_t		 at;
	int		 valid;
};

struct decls {
	struct declared	*v;
	size_t		 n, alloc;
	size_t		 scanned, limit;
	int		 capped;
	struct check_ctx *ctx;
	struct dir_memo	 memo;
	/* the source files to read, in path order */
	const struct tree_entry **src;
	size_t		 nsrc, src_alloc;
	size_t		 sampled;	/* read of them, when none said */
};

/* A vendored component: a directory (or a loose file) below one. */
struct component {
	char		*path;		/* "third_party/x" */
	int		 loose;		/* a file directly in the directory */
	int		 covered;	/* 0, or how */
	const char	*how;
};

struct vendored {
	struct component *v;
	size_t		  n, alloc;
	const struct rule_key *names;
	struct strvec	  dirs;		/* the vendored directories found */
	struct strvec	  licensed;	/* those with a loose license file */
	struct dir_memo	  memo;
};

/* One file of a license layout and what it holds. */
struct layout_file {
	char		*path;
	int		 kind;		/* enum of struct license_result */
	const char	*id;		/* the corpus's or own; NULL: no match */
	char		*own;		/* the id a REUSE file's name gives */
	unsigned	 score;
	int		 allowed;
	int		 base;		/* the GPL an LGPL beside it supplements */
};

/* The files of a layout (LICENSE-MIT beside LICENSE-APACHE). */
struct layout {
	struct layout_file *v;
	size_t		  n, alloc;
	size_t		  nallowed, nbad, nunknown;
	const struct layout_file *bad, *unknown;
};

static int	 license_parse(struct rule *);
static void	 list_words(const struct rule_key *, const char *,
		    struct strbuf *);
static const char *mem_find_icase(const char *, size_t, const char *, int);
static void	 judge_file(const struct rule *, struct check_ctx *,
		    struct finding *, const struct tree_entry *);
static int	 license_check(const struct rule *, struct check_ctx *,
		    struct finding *);
static void	 metadata_unread(struct finding *, const struct finding *);
static void	 metadata_agreement(struct check_ctx *, const char *,
		    struct finding *);
static int	 lesser_check(const struct rule *, struct check_ctx *,
		    struct finding *, const struct tree_entry *, const char *);
static void	 layout_find(const struct rule *, struct check_ctx *,
		    struct layout *);
static const char *later_id(const struct license_corpus *,
		    struct check_ctx *, const char *);

static const struct rule_key_spec license_keys[] = {
	{ "file", KEY_WORDS, .doc = "license file names, first found wins" },
	{ "dirs", KEY_WORDS, .doc = "directories to look in (default .)" },
	{ "each", KEY_WORDS, .doc = "when no 'file' is found: files that "
	    "each hold one of the project's licenses (globs)" },
	{ "case", KEY_ENUM, .choices = "sensitive|insensitive",
	    .doc = "how names compare" },
	{ "allow", KEY_WORDS,
	    .doc = "SPDX ids that pass (any license when not given)" },
	{ "agreement", KEY_BOOL,
	    .doc = "SPDX-License-Identifier lines and LICENSES/ must agree" },
	{ "metadata", KEY_BOOL,
	    .doc = "the license Python packaging metadata declares must agree" },
	{ "scan_files", KEY_INT, .flags = KEYF_REPO, .min = 0, .max = 100000,
	    .doc = "files read for SPDX-License-Identifier lines at most" },
	{ "third_party", KEY_WORDS,
	    .doc = "names of vendored directories, each part needing a license" },
	{ "notice", KEY_WORDS,
	    .doc = "root files that may list third-party code instead" },
	{ "adapted", KEY_REGEX, .flags = KEYF_CASELESS,
	    .doc = "with 'third_party': a statement that code was adapted "
	    "from elsewhere (a README line, a source file's first comment)" },
	{ "adapted_in", KEY_WORDS,
	    .doc = "root files read for 'adapted' statements (globs)" },
	{ "adapted_headers", KEY_WORDS,
	    .doc = "files whose first '#' comment is read for 'adapted' "
	    "statements (globs)" },
	{ "cited", KEY_REGEX, .flags = KEYF_CASELESS,
	    .doc = "what makes an 'adapted' line a citation (a paper)" },
	{ "adapted_min", KEY_INT, .min = 1, .max = 1000,
	    .doc = "outside repositories the statements must name for a "
	    "Caution (default 1)" },
	{ "max_bytes", KEY_INT, .min = 1, .max = 1073741824,
	    .doc = "bytes of the license file read at most (default 1 MiB)" },
	{ .name = NULL }
};

const struct rule_type rule_license = {
	.name = "license",
	.summary = "the license file names an allowed SPDX license",
	.keys = license_keys,
	.parse = license_parse,
	.check = license_check,
};

static int
license_parse(struct rule *r)
{
	if ((rule_key(r, "file") == NULL) == (rule_key(r, "third_party") ==
	    NULL))
		return rule_error(r, NULL, "a license rule needs 'file' or "
		    "'third_party' (one of them)");
	if (rule_key(r, "notice") != NULL && rule_key(r, "third_party") == NULL)
		return rule_error(r, "notice", "only with 'third_party'");
	if (rule_key(r, "each") != NULL && rule_key(r, "file") == NULL)
		return rule_error(r, "each", "only with 'file'");
	if ((rule_key(r, "adapted_in") != NULL || rule_key(r, "cited") !=
	    NULL || rule_key(r, "adapted_headers") != NULL) &&
	    rule_key(r, "adapted") == NULL)
		return rule_error(r, rule_key(r, "cited") != NULL ? "cited" :
		    rule_key(r, "adapted_in") != NULL ? "adapted_in" :
		    "adapted_headers", "only with 'adapted'");
	if (rule_key(r, "adapted") != NULL && rule_key(r, "third_party") ==
	    NULL)
		return rule_error(r, "adapted", "only with 'third_party'");
	return 0;
}

/*
 * The corpus: loaded by the first check that needs it, then only read,
 * by every check of the process. When it cannot be loaded, what the load
 * said is kept and told once to each check that needs it, in its sink.
 */
static struct {
	int			 tried;
	struct license_corpus	*c;
	struct strbuf		 why;
} corpus = { 0, NULL, STRBUF_INIT };

static void
corpus_release(void)
{
	license_corpus_free(corpus.c);
	corpus.c = NULL;
	strbuf_release(&corpus.why);
}

static void
corpus_load(void)
{
	struct ec_sink sink, *prev;
	char *dir;

	ec_sink_init(&sink, ec_emit_strbuf, &corpus.why);
	prev = ec_sink_enter(&sink);
	dir = license_corpus_dir();
	if (license_corpus_load(&corpus.c, dir) == -1)
		corpus.c = NULL;
	free(dir);
	ec_sink_leave(prev);
	atexit(corpus_release);
}

void
rule_license_preload(void)
{
	if (!corpus.tried) {
		corpus.tried = 1;
		corpus_load();
	}
}

static const struct license_corpus *
corpus_get(struct check_ctx *ctx)
{
	rule_license_preload();
	if (corpus.c == NULL &&
	    ctx_cache_find(ctx, "license-corpus", NULL, 0) == NULL) {
		ctx_cache_add(ctx, "license-corpus", NULL, 0,
		    xstrdup(corpus.why.buf), free);
		ec_error_lines(corpus.why.buf, corpus.why.len);
	}
	return corpus.c;
}

/* Whether two SPDX ids name the same license text (license.h). */
static int
same_license(const char *a, const char *b)
{
	return license_same_id(a, strlen(a), b);
}

static int
listed(const struct rule_key *k, const char *id)
{
	size_t i;

	for (i = 0; k != NULL && i < k->n; i++)
		if (same_license(k->v[i].value, id))
			return 1;
	return 0;
}

/* Directories of vendored code whose SPDX lines are not the project's. */
static const char *const vendored_names[] = {
	"third_party", "third-party", "vendor", "vendored", "external",
	"extern", "3rdparty", NULL
};

/*
 * The length of path up to and with the first directory named in k (no
 * case), or in vendored_names when k is NULL; 0 when there is none.
 */
/* The i-th directory name of k, or of vendored_names; NULL past them. */
static const char *
dir_name_at(const struct rule_key *k, size_t i)
{
	if (k != NULL)
		return i < k->n ? k->v[i].value : NULL;
	return vendored_names[i];
}

static size_t
dir_named(const char *path, const struct rule_key *k)
{
	const char *p, *s, *name;
	size_t i, n;

	for (p = path; (s = strchr(p, '/')) != NULL; p = s + 1) {
		n = (size_t)(s - p);
		for (i = 0; (name = dir_name_at(k, i)) != NULL; i++) {
			if (strlen(name) == n && strncasecmp(p, name, n) == 0)
				return (size_t)(s - path) + 1;
		}
	}
	return 0;
}

/* dir_named(), asked once per directory of a walk in path order. */
static size_t
dir_named_memo(struct dir_memo *m, const char *path,
    const struct rule_key *k)
{
	const char *slash;
	size_t n;

	slash = strrchr(path, '/');
	n = slash != NULL ? (size_t)(slash - path) + 1 : 0;
	if (m->valid && m->dir.len == n && memcmp(m->dir.buf, path, n) == 0)
		return m->at;
	strbuf_reset(&m->dir);
	strbuf_add(&m->dir, path, n);
	m->at = dir_named(m->dir.buf, k);
	m->valid = 1;
	return m->at;
}

/* Whether the last component of path names a license file. */
static int
is_license_name(const char *path)
{
	const char *b;
	size_t i, n;

	b = strrchr(path, '/');
	b = b != NULL ? b + 1 : path;
	for (i = 0; license_names[i] != NULL; i++) {
		n = strlen(license_names[i]);
		if (strncasecmp(b, license_names[i], n) == 0 &&
		    (b[n] == '\0' || b[n] == '.' || b[n] == '-' ||
		    b[n] == '_' || b[n] == 'S' || b[n] == 's'))
			return 1;
	}
	return 0;
}

/* The extensions of source files, where SPDX lines are looked for. */
static const char *const source_exts[] = {
	"py", "pyi", "pyx", "pxd", "c", "h", "cc", "cpp", "cxx", "hpp",
	"hh", "hxx", "cu", "cuh", "m", "mm", "js", "mjs", "jsx", "ts",
	"tsx", "go", "rs", "java", "kt", "scala", "swift", "sh", "bash",
	"cmake", "rb", "pl", "lua", "r", "jl", "proto", "f90", "zig",
	NULL
};

/* Source files where SPDX-License-Identifier lines are looked for. */
static int
source_like(const char *path)
{
	const char *b;

	b = strrchr(path, '/');
	b = b != NULL ? b + 1 : path;
	return strcmp(b, "CMakeLists.txt") == 0 ||
	    text_has_extension(path, source_exts);
}

/*
 * The patterns every source_like() path matches (without case), for one
 * query of the tree's name indexes instead of a walk of it.
 */
static void
source_globs(struct strvec *out)
{
	size_t i;

	for (i = 0; source_exts[i] != NULL; i++)
		strvec_push_nodup(out, xasprintf("**/*.%s", source_exts[i]));
	strvec_push(out, "**/CMakeLists.txt");
}

/* As tree_glob_union() of the patterns, without case. */
static void
glob_all(struct check_ctx *ctx, const struct strvec *pats,
    int (*cb)(const struct tree_entry *, void *), void *arg)
{
	tree_glob_union(ctx_tree(ctx), (const char *const *)pats->v, pats->n,
	    1, cb, arg);
}

static void
decl_add(struct decls *d, const char *id, size_t n, const char *path,
    int line)
{
	struct declared *x;

	XGROW(d->v, d->n + 1, d->alloc);
	x = &d->v[d->n++];
	x->id = xstrndup(id, n);
	x->path = path;
	x->line = line;
}

/* The ids of the license expression at s (to end), declared at path:line. */
static void
decl_expression(struct decls *d, const char *s, const char *end,
    const char *path, int line)
{
	const char *id;
	size_t pos, n;

	pos = 0;
	while ((n = license_expr_next(s, (size_t)(end - s), &pos, &id)) > 0)
		decl_add(d, id, n, path, line);
}

/* A source file outside vendored directories: one to read. */
static int
source_cb(const struct tree_entry *e, void *arg)
{
	struct decls *d = arg;

	if ((e->mode != TREE_MODE_FILE && e->mode != TREE_MODE_EXEC) ||
	    !source_like(e->path) || dir_named_memo(&d->memo, e->path, NULL) > 0)
		return 0;
	XGROW(d->src, d->nsrc + 1, d->src_alloc);
	d->src[d->nsrc++] = e;
	return 0;
}

/*
 * Record the SPDX-License-Identifier line of an entry's first cap bytes:
 * 0, or 1 when a probe (the first bytes only) does not settle it, having
 * found no tag, or the tag on a line cut off at its end.
 */
static int
decl_scan_head(struct decls *d, const struct tree_entry *e, size_t cap,
    int probe)
{
	static const char tag[] = "SPDX-License-Identifier:";
	const char *text, *p, *end, *eol;
	size_t len;
	int trunc, line;

	if (ctx_read(d->ctx, e, cap, 0, NULL, &text, &len, &trunc) != 0)
		return 0;
	end = text + len;
	line = 1;
	for (p = text; p < end; p = eol + (eol < end), line++) {
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		if ((size_t)(eol - p) < sizeof(tag) - 1)
			continue;
		if ((p = memmem(p, (size_t)(eol - p), tag, sizeof(tag) - 1))
		    == NULL) {
			p = eol;
			continue;
		}
		if (probe && trunc && eol == end)
			return 1;
		decl_expression(d, p + sizeof(tag) - 1, eol, e->path, line);
		return 0;
	}
	return probe && trunc;
}

/*
 * Record the SPDX-License-Identifier line of one entry's first
 * SPDX_HEAD_BYTES. Most such lines are near the top: the first
 * SPDX_PROBE_BYTES are read first, and a tag on a line they hold whole is
 * the one all of them would give.
 */
static void
decl_scan(struct decls *d, const struct tree_entry *e)
{
	if (decl_scan_head(d, e, SPDX_PROBE_BYTES, 1) != 0)
		(void)decl_scan_head(d, e, SPDX_HEAD_BYTES, 0);
}

/*
 * The SPDX lines of the source files, after those of LICENSES/ (the
 * first nreuse). A project that uses them has them in every file: when
 * none of SPDX_SAMPLE files spread evenly over the list has one, the
 * others are not read (d->sampled says how many were); otherwise every
 * file is, up to the limit, in path order.
 */
static void
decl_scan_all(struct decls *d, size_t nreuse)
{
	size_t i, want, span;

	/* spread over what the limit lets be read */
	span = d->nsrc < d->limit ? d->nsrc : d->limit;
	want = span < SPDX_SAMPLE ? span : SPDX_SAMPLE;
	if (want > 0 && d->nsrc > want) {
		for (i = 0; i < want && d->n == nreuse; i++)
			decl_scan(d, d->src[i * span / want]);
		if (d->n == nreuse) {
			d->sampled = want;
			return;
		}
		/* read again from the cache, in order, with the others */
		for (i = nreuse; i < d->n; i++)
			free(d->v[i].id);
		d->n = nreuse;
	}
	for (i = 0; i < d->nsrc; i++) {
		if (d->scanned >= d->limit) {
			d->capped = 1;
			break;
		}
		d->scanned++;
		decl_scan(d, d->src[i]);
	}
}

/* LICENSES/<id>.txt of the REUSE layout. */
static int
reuse_cb(const struct tree_entry *e, void *arg)
{
	struct decls *d = arg;
	const char *b, *dot;

	if (e->mode != TREE_MODE_FILE && e->mode != TREE_MODE_EXEC)
		return 0;
	b = e->path + strlen("LICENSES/");
	if ((dot = strrchr(b, '.')) == NULL || dot == b)
		dot = b + strlen(b);
	decl_add(d, b, (size_t)(dot - b), e->path, 0);
	return 0;
}

static void
decls_release(struct decls *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		free(d->v[i].id);
	free(d->v);
	free(d->src);
}

/* When LICENSES/ (d->v[0, nreuse)) does not hold id, say so in sb. */
static void
reuse_disagrees(const struct decls *d, size_t nreuse, const char *id,
    struct strbuf *sb)
{
	struct strbuf reuse = STRBUF_INIT;
	size_t i;
	int reuse_has;

	reuse_has = 0;
	for (i = 0; i < nreuse; i++) {
		strbuf_addf(&reuse, "%s%s", i > 0 ? ", " : "", d->v[i].id);
		if (same_license(d->v[i].id, id))
			reuse_has = 1;
	}
	if (nreuse > 0 && !reuse_has)
		strbuf_addf(sb, "LICENSES/ holds %s but not %s", reuse.buf, id);
	strbuf_release(&reuse);
}

/*
 * Whether the SPDX line whose ids start at d->v[i] names id or a license
 * of LICENSES/ (d->v[0, nreuse)); *next: the next line's first.
 */
static int
line_agrees(const struct decls *d, size_t nreuse, size_t i, const char *id,
    size_t *next)
{
	size_t j, k;
	int covered;

	covered = 0;
	for (j = i; j < d->n && d->v[j].path == d->v[i].path &&
	    d->v[j].line == d->v[i].line; j++) {
		if (same_license(d->v[j].id, id))
			covered = 1;
		for (k = 0; k < nreuse && !covered; k++)
			if (same_license(d->v[j].id, d->v[k].id))
				covered = 1;
	}
	*next = j;
	return covered;
}

/*
 * Turn f into a warning saying how the declarations differ (sb), or add
 * how many agree; capped: only the first limit files were looked in.
 */
static void
agreement_result(struct finding *f, const struct strbuf *sb, size_t nlines,
    size_t nreuse, const struct decls *d)
{
	char *was;

	if (sb->len > 0) {
		was = xstrdup(f->message != NULL ? f->message : "");
		finding_result(f, RESULT_FAIL, "%s, but %s", was, sb->buf);
		free(was);
		finding_cap_level(f, LEVEL_WARNING);
		finding_fix(f, "make the license file, LICENSES/ and the "
		    "SPDX-License-Identifier lines name the same license, or "
		    "say in the license file which files are under which");
	} else if (nlines > 0)
		finding_append(f, "; %zu SPDX-License-Identifier line%s "
		    "agree%s", nlines, nlines == 1 ? "" : "s", nlines == 1 ?
		    "s" : "");
	else if (nreuse > 0)
		finding_append(f, "; LICENSES/ agrees");
	if (d->capped)
		finding_append(f, " (SPDX lines looked for in the first %zu "
		    "source files)", d->limit);
	else if (d->sampled > 0)
		finding_detail(f, "no SPDX-License-Identifier line in %zu of "
		    "the %zu source files, read spread over %s: the others "
		    "were not read", d->sampled, d->nsrc, d->nsrc > d->limit ?
		    "the first scan_files of them" : "the tree");
}

/*
 * Whether what the project declares elsewhere agrees with id, the
 * license file's: LICENSES/ (when there is one) holds it, and every
 * SPDX-License-Identifier line names it or a license of LICENSES/. A
 * disagreement turns f into a warning saying how they differ.
 */
static void
agreement(const struct rule *r, struct check_ctx *ctx, const char *id,
    struct finding *f)
{
	struct decls d;
	struct strbuf sb = STRBUF_INIT;
	struct strvec globs = STRVEC_INIT;
	size_t i, j, shown, nreuse, nbad, nlines;

	memset(&d, 0, sizeof(d));
	strbuf_init(&d.memo.dir);
	d.ctx = ctx;
	d.limit = (size_t)rule_int(r, "scan_files", 1000);
	tree_glob(ctx_tree(ctx), "LICENSES/*", 0, reuse_cb, &d);
	nreuse = d.n;
	source_globs(&globs);
	glob_all(ctx, &globs, source_cb, &d);
	strvec_clear(&globs);
	decl_scan_all(&d, nreuse);
	reuse_disagrees(&d, nreuse, id, &sb);
	/* A line agrees when one id of its expression is known. */
	nbad = shown = nlines = 0;
	for (i = nreuse; i < d.n; i = j) {
		nlines++;
		if (line_agrees(&d, nreuse, i, id, &j))
			continue;
		nbad++;
		if (shown++ < SHOW_MAX) {
			finding_evidence(f, d.v[i].path, d.v[i].line,
			    "SPDX-License-Identifier");
			if (shown == 1)
				strbuf_addf(&sb, "%s%s:%d says %s", sb.len > 0 ?
				    "; " : "", d.v[i].path, d.v[i].line,
				    d.v[i].id);
		}
	}
	if (nbad > 1)
		strbuf_addf(&sb, " (and %zu more file%s)", nbad - 1,
		    nbad == 2 ? "" : "s");
	agreement_result(f, &sb, nlines, nreuse, &d);
	strbuf_release(&sb);
	strbuf_release(&d.memo.dir);
	decls_release(&d);
}

/* The score as a percentage with one decimal: "99.4%". */
static void
score_words(unsigned score, struct strbuf *sb)
{
	strbuf_addf(sb, "%u.%u%%", score / 10, score % 10);
}

/*
 * No license matched closely enough: an unknown result naming the
 * nearest license when it is close; trunc: only part of path was read.
 */
static void
license_unknown(struct finding *f, const char *path,
    const struct license_result *lr, int trunc)
{
	struct strbuf sb = STRBUF_INIT;

	finding_value_str(f, "NOASSERTION");
	/* A guess far off says nothing: name it only when close. */
	if (lr->main.id != NULL && lr->main.score >= NEAREST_MIN) {
		strbuf_addf(&sb, " (the nearest, %s, matches ", lr->main.id);
		score_words(lr->main.score, &sb);
		strbuf_addch(&sb, ')');
	}
	finding_result(f, RESULT_UNKNOWN, "%s: no known license matches "
	    "closely enough%s%s", path, sb.buf, trunc ? " in the part read" :
	    "");
	f->judgment = 1;
	finding_fix(f, "read %s: a license not in ecocheck's corpus, or one "
	    "with changed terms, needs a person to decide", path);
	strbuf_release(&sb);
}

/* Add to sb the other licenses of lr, each once: "; also holds X, Y". */
static void
other_licenses(const struct license_result *lr, struct strbuf *sb)
{
	size_t i, j, shown;

	for (i = 0, shown = 0; i < lr->nothers; i++) {
		/* Each license once, the file's own not again. */
		for (j = 0; j < i; j++)
			if (strcmp(lr->others[j].id, lr->others[i].id) == 0)
				break;
		if (j < i || strcmp(lr->others[i].id, lr->main.id) == 0)
			continue;
		strbuf_addf(sb, "%s%s", shown++ == 0 ? "; also holds " : ", ",
		    lr->others[i].id);
	}
}

/*
 * path matched lr's license: pass when the rule allows it, then check
 * that the project's other declarations agree when the rule asks.
 */
static void
license_matched(const struct rule *r, struct check_ctx *ctx,
    struct finding *f, const char *path, const struct license_result *lr)
{
	const struct rule_key *allow;
	struct strbuf sb = STRBUF_INIT;

	allow = rule_key(r, "allow");
	finding_value_str(f, lr->main.id);
	score_words(lr->main.score, &sb);
	other_licenses(lr, &sb);
	if (allow != NULL && allow->n > 0 && !listed(allow, lr->main.id)) {
		finding_result(f, RESULT_FAIL, "%s is %s (%s), which this rule "
		    "does not allow", path, lr->main.id, sb.buf);
		strbuf_release(&sb);
		return;
	}
	finding_result(f, RESULT_PASS, "%s is %s (%s)", path, lr->main.id,
	    sb.buf);
	strbuf_release(&sb);
	if (rule_bool(r, "agreement", 0))
		agreement(r, ctx, lr->main.id, f);
	if (rule_bool(r, "metadata", 0))
		metadata_agreement(ctx, lr->main.id, f);
}

/* Say which license e, the license file found, holds. */
static void
judge_file(const struct rule *r, struct check_ctx *ctx, struct finding *f,
    const struct tree_entry *e)
{
	const struct license_corpus *lc;
	struct license_result lr;
	const char *text;
	size_t len, cap;
	int trunc;

	cap = (size_t)rule_int(r, "max_bytes", LICENSE_DEFAULT_MAX);
	if (ctx_usable(ctx, e, f) == -1 ||
	    ctx_read(ctx, e, cap, CTX_READ_TEXT, f, &text, &len, &trunc) != 0)
		return;
	finding_evidence(f, e->path, 0, NULL);
	if ((lc = corpus_get(ctx)) == NULL) {
		finding_result(f, RESULT_UNKNOWN, "%s: the license texts "
		    "ecocheck compares with could not be loaded (see the error "
		    "above)", e->path);
		return;
	}
	license_identify(lc, text, len, &lr);
	if (lr.kind == LICENSE_MATCH) {
		lr.main.id = later_id(lc, ctx, lr.main.id);
		if (lesser_check(r, ctx, f, e, lr.main.id)) {
			license_result_release(&lr);
			return;
		}
	}
	switch (lr.kind) {
	case LICENSE_NONE:
		finding_value_str(f, "NONE");
		finding_result(f, RESULT_FAIL, "%s holds no license text%s",
		    e->path, len == 0 ? " (it is empty)" : "");
		break;
	case LICENSE_NOASSERTION:
		license_unknown(f, e->path, &lr, trunc);
		break;
	case LICENSE_MATCH:
		license_matched(r, ctx, f, e->path, &lr);
		break;
	}
	license_result_release(&lr);
}

/* The length of the directory part of path, with its '/': 0 at the root. */
static size_t
dir_len(const char *path)
{
	const char *s;

	return (s = strrchr(path, '/')) != NULL ? (size_t)(s - path) + 1 : 0;
}

/*
 * Whether declaration text t names the license id's family and major
 * version ("LGPL-3.0", "LGPLv3", "Lesser General Public License v3").
 */
static int
names_family(const char *t, const char *id)
{
	const char *dash, *fam;
	char *want[4];
	size_t i;
	int r;

	if ((dash = strchr(id, '-')) == NULL || !isdigit((unsigned char)
	    dash[1]))
		return 0;
	/* the LGPL's names hold the GPL's */
	if (strncmp(id, "GPL-", 4) == 0 && (strcasestr(t, "Lesser") != NULL ||
	    strcasestr(t, "LGPL") != NULL))
		return 0;
	fam = strncmp(id, "LGPL-", 5) == 0 ? "Lesser General Public" :
	    strncmp(id, "GPL-", 4) == 0 ? "General Public" : NULL;
	want[0] = xasprintf("%.*s-%c", (int)(dash - id), id, dash[1]);
	want[1] = xasprintf("%.*sv%c", (int)(dash - id), id, dash[1]);
	want[2] = xasprintf("%.*s v%c", (int)(dash - id), id, dash[1]);
	want[3] = fam != NULL ? xasprintf("%s License v%c", fam, dash[1]) :
	    NULL;
	for (i = 0, r = 0; i < 4; i++) {
		if (want[i] != NULL && strcasestr(t, want[i]) != NULL)
			r = 1;
		free(want[i]);
	}
	return r;
}

/*
 * The id a license file's text matched, or its "-or-later" id when the
 * packaging metadata says so (LGPL-3.0-or-later, LGPLv3+, "v3 or
 * later"): the text of a GNU license cannot show that choice.
 */
static const char *
later_id(const struct license_corpus *lc, struct check_ctx *ctx,
    const char *id)
{
	const struct pymeta *m;
	const struct pydecl *d;
	const char *later;
	size_t i;

	if ((later = license_corpus_later(lc, id)) == NULL)
		return id;
	m = pymeta_get(ctx);
	for (i = 0; i < m->licenses.n; i++) {
		d = &m->licenses.v[i];
		if (pymeta_license_agrees(d, id) != 1 &&
		    !names_family(d->text, id))
			continue;
		if (strcasestr(d->text, "or-later") != NULL ||
		    strcasestr(d->text, "or later") != NULL ||
		    strchr(d->text, '+') != NULL)
			return later;
	}
	return id;
}

/*
 * The file of the rule's `each` beside e (not e) that holds an LGPL,
 * *lr its result (released by the caller), or NULL.
 */
static const struct tree_entry *
lesser_find(const struct rule *r, struct check_ctx *ctx,
    const struct license_corpus *lc, const struct tree_entry *e,
    struct license_result *lr)
{
	const struct tree_entry *le, *found = NULL;
	struct layout lo;
	const char *text;
	size_t i, len, dl;
	int trunc;

	memset(&lo, 0, sizeof(lo));
	layout_find(r, ctx, &lo);
	dl = dir_len(e->path);
	for (i = 0; i < lo.n; i++) {
		if (found == NULL && strcmp(lo.v[i].path, e->path) != 0 &&
		    dir_len(lo.v[i].path) == dl &&
		    strncmp(lo.v[i].path, e->path, dl) == 0 &&
		    (le = tree_lookup(ctx_tree(ctx), lo.v[i].path, 0)) != NULL &&
		    ctx_read(ctx, le, (size_t)rule_int(r, "max_bytes",
		    LICENSE_DEFAULT_MAX), CTX_READ_TEXT, NULL, &text, &len,
		    &trunc) == 0) {
			license_identify(lc, text, len, lr);
			if (lr->kind == LICENSE_MATCH &&
			    strncmp(lr->main.id, "LGPL-", 5) == 0)
				found = le;
			else
				license_result_release(lr);
		}
		free(lo.v[i].path);
	}
	free(lo.v);
	return found;
}

/*
 * The GNU layout of the LGPL: the license file e holds the GPL (gpl),
 * and a file beside it (COPYING.LESSER) the LGPL, whose additional
 * permissions to the GPL make the project's license the LGPL. Judge that
 * file as the license file; 1 when there is one.
 */
static int
lesser_check(const struct rule *r, struct check_ctx *ctx, struct finding *f,
    const struct tree_entry *e, const char *gpl)
{
	const struct license_corpus *lc;
	const struct tree_entry *le;
	struct license_result lr;
	char *what;

	if (strncmp(gpl, "GPL-", 4) != 0 || rule_key(r, "each") == NULL ||
	    (lc = corpus_get(ctx)) == NULL ||
	    (le = lesser_find(r, ctx, lc, e, &lr)) == NULL)
		return 0;
	lr.main.id = later_id(lc, ctx, lr.main.id);
	finding_evidence(f, le->path, 0, NULL);
	what = xasprintf("%s (the additional permissions to %s's %s, the GNU "
	    "layout of the LGPL)", le->path, e->path, gpl);
	license_matched(r, ctx, f, what, &lr);
	free(what);
	license_result_release(&lr);
	return 1;
}

/* A file of the layout, unless it is a notice of third-party code. */
static int
layout_cb(const struct tree_entry *e, void *arg)
{
	static const char *const notices[] = { "third", "3rd", "notice",
	    NULL };
	struct layout *lo = arg;
	const char *b;
	size_t i;

	if (e->mode != TREE_MODE_FILE && e->mode != TREE_MODE_EXEC)
		return 0;
	b = strrchr(e->path, '/');
	b = b != NULL ? b + 1 : e->path;
	for (i = 0; notices[i] != NULL; i++)
		if (mem_find_icase(b, strlen(b), notices[i], 0) != NULL)
			return 0;
	for (i = 0; i < lo->n; i++)
		if (strcmp(lo->v[i].path, e->path) == 0)
			return 0;
	XGROW(lo->v, lo->n + 1, lo->alloc);
	memset(&lo->v[lo->n], 0, sizeof(lo->v[0]));
	lo->v[lo->n++].path = xstrdup(e->path);
	return 0;
}

/* Collect the files the rule's `each` globs name in its directories. */
static void
layout_find(const struct rule *r, struct check_ctx *ctx, struct layout *lo)
{
	const struct rule_key *each, *dirs;
	struct strbuf pat = STRBUF_INIT;
	const char *dir;
	size_t i, j, ndirs;

	each = rule_key(r, "each");
	dirs = rule_key(r, "dirs");
	ndirs = dirs != NULL && dirs->n > 0 ? dirs->n : 1;
	for (j = 0; j < ndirs; j++) {
		dir = dirs != NULL && dirs->n > 0 ? dirs->v[j].value : ".";
		for (i = 0; each != NULL && i < each->n; i++) {
			strbuf_reset(&pat);
			if (strcmp(dir, ".") != 0 && dir[0] != '\0')
				strbuf_addf(&pat, "%s/", dir);
			strbuf_addstr(&pat, each->v[i].value);
			tree_glob(ctx_tree(ctx), pat.buf, r->icase, layout_cb,
			    lo);
		}
	}
	strbuf_release(&pat);
}

/*
 * The id of a REUSE file (LICENSES/LGPL-3.0-or-later.txt) when its name
 * is the license its text matched: the name shows what the text cannot,
 * "-only" or "-or-later". Else id.
 */
static const char *
reuse_id(struct layout_file *lf, const char *id)
{
	const char *b, *dot;
	size_t n;

	b = lf->path + dir_len(lf->path);
	if (b - lf->path < 9 || strncasecmp(b - 9, "LICENSES/", 9) != 0)
		return id;
	dot = strrchr(b, '.');
	n = dot != NULL && dot > b ? (size_t)(dot - b) : strlen(b);
	if (!license_same_id(b, n, id))
		return id;
	lf->own = xstrndup(b, n);
	return lf->own;
}

/*
 * Count what the layout's files hold. A GPL beside an LGPL in its
 * directory is the license the LGPL adds permissions to (COPYING and
 * COPYING.LESSER, the GNU layout): the LGPL is the project's, the GPL
 * not judged apart.
 */
static void
layout_count(const struct rule *r, struct layout *lo)
{
	struct layout_file *lf;
	size_t i, j;

	for (i = 0; i < lo->n; i++)
		for (j = 0; lo->v[i].id != NULL && j < lo->n; j++)
			if (strncmp(lo->v[i].id, "GPL-", 4) == 0 &&
			    lo->v[j].id != NULL &&
			    strncmp(lo->v[j].id, "LGPL-", 5) == 0 &&
			    dir_len(lo->v[i].path) == dir_len(lo->v[j].path) &&
			    strncmp(lo->v[i].path, lo->v[j].path,
			    dir_len(lo->v[i].path)) == 0)
				lo->v[i].base = 1;
	for (i = 0; i < lo->n; i++) {
		lf = &lo->v[i];
		lf->allowed = lf->id != NULL && (rule_key(r, "allow") == NULL ||
		    listed(rule_key(r, "allow"), lf->id));
		if (lf->base)
			continue;
		if (lf->allowed)
			lo->nallowed++;
		else if (lf->id != NULL) {
			if (lo->nbad++ == 0)
				lo->bad = lf;
		} else if (lf->kind == LICENSE_NOASSERTION) {
			if (lo->nunknown++ == 0)
				lo->unknown = lf;
		}
	}
}

/* Identify each file of the layout; 0, or -1 without a corpus. */
static int
layout_identify(const struct rule *r, struct check_ctx *ctx,
    struct layout *lo)
{
	const struct license_corpus *lc;
	const struct tree_entry *e;
	struct license_result lr;
	struct layout_file *lf;
	const char *text;
	size_t i, len;
	int trunc;

	if ((lc = corpus_get(ctx)) == NULL)
		return -1;
	for (i = 0; i < lo->n; i++) {
		lf = &lo->v[i];
		lf->kind = LICENSE_NONE;
		if ((e = tree_lookup(ctx_tree(ctx), lf->path, 0)) == NULL ||
		    ctx_read(ctx, e, (size_t)rule_int(r, "max_bytes",
		    LICENSE_DEFAULT_MAX), CTX_READ_TEXT, NULL, &text, &len,
		    &trunc) != 0)
			continue;
		license_identify(lc, text, len, &lr);
		lf->kind = lr.kind;
		lf->id = lr.kind == LICENSE_MATCH ? reuse_id(lf,
		    later_id(lc, ctx, lr.main.id)) : NULL;
		lf->score = lr.main.score;
		license_result_release(&lr);
	}
	layout_count(r, lo);
	return 0;
}

/* "A is MIT (100.0%), B is Apache-2.0 (100.0%)", the value the ids. */
static void
layout_words(const struct layout *lo, const char *op, struct strbuf *sb,
    struct strbuf *value)
{
	const struct layout_file *lf;
	size_t i;

	for (i = 0; i < lo->n; i++) {
		lf = &lo->v[i];
		strbuf_addf(sb, "%s%s ", i > 0 ? ", " : "", lf->path);
		if (lf->id == NULL) {
			strbuf_addstr(sb, lf->kind == LICENSE_NONE ? "holds no "
			    "license text" : "matches no known license");
			continue;
		}
		strbuf_addf(sb, "is %s (", lf->id);
		score_words(lf->score, sb);
		strbuf_addch(sb, ')');
		if (lf->base) {
			strbuf_addstr(sb, ", the GPL the LGPL beside it adds "
			    "permissions to");
			continue;
		}
		strbuf_addf(value, "%s%s", value->len > 0 ? op : "", lf->id);
	}
}

/* The packaging metadata's license expression offering a choice. */
static const struct pydecl *
stated_choice(struct check_ctx *ctx)
{
	const struct pymeta *m;
	size_t i;

	m = pymeta_get(ctx);
	for (i = 0; i < m->licenses.n; i++)
		if (strstr(m->licenses.v[i].text, " OR ") != NULL)
			return &m->licenses.v[i];
	return NULL;
}

/*
 * Judge the licenses of a layout of several files: without a stated
 * choice each applies, so all must be allowed; a file not allowed beside
 * an allowed one is a warning naming it.
 */
static void
layout_judge(struct check_ctx *ctx, struct finding *f,
    const struct layout *lo)
{
	const struct pydecl *choice;
	struct strbuf sb = STRBUF_INIT, value = STRBUF_INIT;

	choice = lo->nbad > 0 && lo->nallowed > 0 ? stated_choice(ctx) : NULL;
	layout_words(lo, choice != NULL ? " OR " : " AND ", &sb, &value);
	finding_value_str(f, value.len > 0 ? value.buf : "NONE");
	if (choice != NULL)
		finding_result(f, RESULT_PASS, "%s; %s:%d offers a choice: %s",
		    sb.buf, choice->path, choice->line, choice->text);
	else if (lo->nallowed == 0 && lo->nunknown == 0)
		finding_result(f, RESULT_FAIL, "no license this rule allows: "
		    "%s", sb.buf);
	else if (lo->nbad > 0) {
		finding_result(f, RESULT_FAIL, "%s: %s is %s, which this rule "
		    "does not allow, and nothing says the licenses are a choice "
		    "rather than each applying", sb.buf, lo->bad->path,
		    lo->bad->id);
		finding_cap_level(f, LEVEL_WARNING);
		finding_fix(f, "read %s; when the licenses are a choice, say so "
		    "(license = \"MIT OR Apache-2.0\" in pyproject.toml)",
		    lo->bad->path);
	} else if (lo->nunknown > 0) {
		finding_result(f, RESULT_UNKNOWN, "%s: %s matches no known "
		    "license closely enough", sb.buf, lo->unknown->path);
		f->judgment = 1;
		finding_fix(f, "read %s: a person decides", lo->unknown->path);
	} else
		finding_result(f, RESULT_PASS, "%s: each allowed", sb.buf);
	strbuf_release(&sb);
	strbuf_release(&value);
}

/*
 * No license file: the licenses of a layout (`each`), one file judged
 * as the license file, several together; 0 when there is none.
 */
static int
layout_check(const struct rule *r, struct check_ctx *ctx, struct finding *f)
{
	struct layout lo;
	size_t i;
	int found;

	memset(&lo, 0, sizeof(lo));
	layout_find(r, ctx, &lo);
	found = lo.n > 0;
	if (lo.n == 1)
		judge_file(r, ctx, f, tree_lookup(ctx_tree(ctx), lo.v[0].path,
		    0));
	else if (lo.n > 1 && layout_identify(r, ctx, &lo) == -1)
		finding_result(f, RESULT_UNKNOWN, "%s and %zu more: the license "
		    "texts ecocheck compares with could not be loaded (see the "
		    "error above)", lo.v[0].path, lo.n - 1);
	else if (lo.n > 1)
		layout_judge(ctx, f, &lo);
	for (i = 0; i < lo.n; i++) {
		if (i < SHOW_MAX && lo.n > 1)
			finding_evidence(f, lo.v[i].path, 0, NULL);
		free(lo.v[i].path);
		free(lo.v[i].own);
	}
	free(lo.v);
	return found;
}

/* Find the rule's license file and say which license it holds. */
static int
file_license_check(const struct rule *r, struct check_ctx *ctx,
    struct finding *f)
{
	const struct tree_entry *e;
	struct file_query q;
	struct strbuf looked = STRBUF_INIT;
	int accepted;

	memset(&q, 0, sizeof(q));
	q.names = rule_key(r, "file");
	q.dirs = rule_key(r, "dirs");
	q.icase = r->icase;
	if ((e = ctx_locate(ctx, &q, &accepted, &looked)) != NULL)
		judge_file(r, ctx, f, e);
	else if (!layout_check(r, ctx, f)) {
		if (rule_key(r, "each") != NULL) {
			strbuf_addstr(&looked, "; nor ");
			list_words(rule_key(r, "each"), ", ", &looked);
		}
		finding_result(f, RESULT_FAIL, "no license file (looked for "
		    "%s)", looked.buf);
	}
	strbuf_release(&looked);
	return 0;
}

/*
 * The first place in s[0, n) where word is, without case; with whole,
 * only where it stands as a word (no letter or digit either side).
 */
static const char *
mem_find_icase(const char *s, size_t n, const char *word, int whole)
{
	size_t wl, i;

	wl = strlen(word);
	for (i = 0; wl > 0 && i + wl <= n; i++) {
		if (strncasecmp(s + i, word, wl) != 0)
			continue;
		if (whole && ((i > 0 && isalnum((unsigned char)s[i - 1])) ||
		    (i + wl < n && isalnum((unsigned char)s[i + wl]))))
			continue;
		return s + i;
	}
	return NULL;
}

/*
 * Whether the first n bytes of path (up to a vendored directory) are in
 * a documentation tree: docs/external/ is pages about other projects.
 */
static int
in_docs(const char *path, size_t n)
{
	static const char *const docs[] = { "docs", "doc", "Documentation",
	    NULL };
	const char *p, *s;
	size_t i, len;

	for (p = path; (s = memchr(p, '/', n - (size_t)(p - path))) != NULL;
	    p = s + 1)
		for (i = 0, len = (size_t)(s - p); docs[i] != NULL; i++)
			if (strlen(docs[i]) == len &&
			    strncasecmp(p, docs[i], len) == 0)
				return 1;
	return 0;
}

/* Whether a file name is a page of prose (a README of the directory). */
static int
is_doc(const char *name)
{
	static const char *const exts[] = { "md", "rst", "txt", "html",
	    "ipynb", "adoc", NULL };
	const char *dot;
	size_t i;

	if ((dot = strrchr(name, '.')) == NULL)
		return 0;
	for (i = 0; exts[i] != NULL; i++)
		if (strcasecmp(dot + 1, exts[i]) == 0)
			return 1;
	return 0;
}

/*
 * The patterns of the directories dir_named() knows (k's, or
 * vendored_names), without case: everything below one.
 */
static void
vendored_globs(const struct rule_key *k, struct strvec *out)
{
	const char *name;
	char *q;
	size_t i;

	for (i = 0; (name = dir_name_at(k, i)) != NULL; i++) {
		q = glob_quote(name, strlen(name));
		strvec_push_nodup(out, xasprintf("**/%s/**", q));
		free(q);
	}
}

/* Collect the vendored components: the first level below a named dir. */
static int
vendored_cb(const struct tree_entry *e, void *arg)
{
	struct vendored *vd = arg;
	struct component *c;
	const char *rest, *slash;
	size_t at, n;

	if ((at = dir_named_memo(&vd->memo, e->path, vd->names)) == 0 ||
	    in_docs(e->path, at))
		return 0;
	if (vd->dirs.n == 0 || strlen(vd->dirs.v[vd->dirs.n - 1]) != at ||
	    strncmp(vd->dirs.v[vd->dirs.n - 1], e->path, at) != 0)
		strvec_push_nodup(&vd->dirs, xstrndup(e->path, at));
	rest = e->path + at;
	slash = strchr(rest, '/');
	if (slash == NULL && is_doc(rest))
		return 0;	/* a page about the directory, not code */
	/* A license file loose in the directory is not a component. */
	if (slash == NULL && is_license_name(rest) &&
	    e->mode != TREE_MODE_SUBMODULE) {
		strvec_push_nodup(&vd->licensed, xstrndup(e->path, at));
		return 0;
	}
	n = slash != NULL ? (size_t)(slash - e->path) : strlen(e->path);
	c = vd->n > 0 ? &vd->v[vd->n - 1] : NULL;
	if (c == NULL || strlen(c->path) != n ||
	    strncmp(c->path, e->path, n) != 0) {
		XGROW(vd->v, vd->n + 1, vd->alloc);
		c = &vd->v[vd->n++];
		memset(c, 0, sizeof(*c));
		c->path = xstrndup(e->path, n);
		c->loose = slash == NULL && e->mode != TREE_MODE_SUBMODULE;
	}
	if (c->covered)
		return 0;
	if (e->mode == TREE_MODE_SUBMODULE && slash == NULL) {
		c->covered = 1;
		c->how = "a submodule: its license is its own repository's";
	} else if (slash != NULL && is_license_name(e->path) &&
	    strchr(slash + 1, '/') == NULL) {
		/* component/LICENSE (or one level deeper, below) */
		c->covered = 1;
		c->how = "its own license file";
	} else if (slash != NULL && is_license_name(e->path) &&
	    (rest = strchr(slash + 1, '/')) != NULL &&
	    strchr(rest + 1, '/') == NULL) {
		c->covered = 1;
		c->how = "its own license file";
	}
	return 0;
}

/* A loose file's header says which license it is under. */
static int
header_names_license(struct check_ctx *ctx, const char *path)
{
	static const char *const words[] = {
		"SPDX-License-Identifier", "license", "licence", "copyright",
		NULL
	};
	const struct tree_entry *e;
	const char *text;
	size_t len, i;
	int trunc;

	if ((e = tree_lookup(ctx_tree(ctx), path, 0)) == NULL ||
	    ctx_read(ctx, e, SPDX_HEAD_BYTES, 0, NULL, &text, &len, &trunc)
	    != 0)
		return 0;
	for (i = 0; words[i] != NULL; i++)
		if (mem_find_icase(text, len, words[i], 0) != NULL)
			return 1;
	return 0;
}

/*
 * Whether a loose Python file holds no code: only white space and
 * comments (an empty __init__.py making the directory a package).
 */
static int
no_code(struct check_ctx *ctx, const char *path)
{
	const struct tree_entry *e;
	const char *text, *p, *end;
	size_t len, n;
	int trunc;

	n = strlen(path);
	if (n < 3 || strcmp(path + n - 3, ".py") != 0 ||
	    (e = tree_lookup(ctx_tree(ctx), path, 0)) == NULL ||
	    ctx_read(ctx, e, SPDX_HEAD_BYTES, 0, NULL, &text, &len, &trunc)
	    != 0 || trunc)
		return 0;
	for (p = text, end = text + len; p < end; p++) {
		if (*p == '#') {
			while (p < end && *p != '\n')
				p++;
		} else if (!isspace((unsigned char)*p))
			return 0;
	}
	return 1;
}

/* Drop the loose files of vd that hold no code. */
static void
drop_no_code(struct check_ctx *ctx, struct vendored *vd)
{
	size_t i, j;

	for (i = j = 0; i < vd->n; i++) {
		if (vd->v[i].loose && no_code(ctx, vd->v[i].path)) {
			free(vd->v[i].path);
			continue;
		}
		vd->v[j++] = vd->v[i];
	}
	vd->n = j;
}

/* The source files of a component, each naming a license or not. */
struct headers {
	struct check_ctx *ctx;
	size_t		  nsource;
	int		  unnamed;
};

#define HEADERS_MAX	200	/* a component's files read at most */

static int
headers_cb(const struct tree_entry *e, void *arg)
{
	struct headers *h = arg;

	if ((e->mode != TREE_MODE_FILE && e->mode != TREE_MODE_EXEC) ||
	    !source_like(e->path))
		return 0;
	if (++h->nsource > HEADERS_MAX || !header_names_license(h->ctx,
	    e->path)) {
		h->unnamed = 1;
		return 1;
	}
	return 0;
}

/* Whether every source file of directory component c names a license. */
static int
headers_name_license(struct check_ctx *ctx, const struct component *c)
{
	struct headers h;
	char *pat;

	memset(&h, 0, sizeof(h));
	h.ctx = ctx;
	pat = xasprintf("%s/**", c->path);
	tree_glob(ctx_tree(ctx), pat, 0, headers_cb, &h);
	free(pat);
	return h.nsource > 0 && !h.unnamed;
}

/* The notice files: their text, and their paths for the message. */
struct notices {
	struct check_ctx *ctx;
	struct strbuf	  text;
	struct strvec	  paths;
};

static int
notice_cb(const struct tree_entry *e, void *arg)
{
	struct notices *nt = arg;
	const char *text;
	size_t len;
	int trunc;

	if (e->mode != TREE_MODE_FILE && e->mode != TREE_MODE_EXEC)
		return 0;
	if (ctx_read(nt->ctx, e, LICENSE_DEFAULT_MAX, CTX_READ_TEXT, NULL,
	    &text, &len, &trunc) != 0)
		return 0;
	/* a file name may be the entry: LICENSES/zstd-BSD-3-Clause.txt */
	strbuf_addf(&nt->text, "%s\n", e->path);
	strbuf_add(&nt->text, text, len);
	strbuf_addch(&nt->text, '\n');
	strvec_push(&nt->paths, e->path);
	return 0;
}

/* The name a notice would list a component by: "x" of "vendor/x.py". */
static int
notice_lists(const struct notices *nt, const struct component *c)
{
	const char *b, *dot;
	char *name;
	int r;

	b = strrchr(c->path, '/');
	b = b != NULL ? b + 1 : c->path;
	dot = c->loose ? strrchr(b, '.') : NULL;
	name = xstrndup(b, dot != NULL && dot > b ? (size_t)(dot - b) :
	    strlen(b));
	r = strlen(name) >= 3 && mem_find_icase(nt->text.buf, nt->text.len,
	    name, 1) != NULL;
	free(name);
	return r;
}

static void
list_words(const struct rule_key *k, const char *sep, struct strbuf *sb)
{
	size_t i;

	for (i = 0; k != NULL && i < k->n; i++)
		strbuf_addf(sb, "%s%s", i > 0 ? sep : "", k->v[i].value);
}

/* Whether component c is licensed, setting c->how when it is. */
static int
component_covered(struct check_ctx *ctx, const struct vendored *vd,
    const struct notices *nt, struct component *c)
{
	char *dir;

	if (!c->covered && c->loose) {
		dir = xstrndup(c->path, (size_t)(strrchr(c->path, '/') -
		    c->path) + 1);
		if (strvec_has(&vd->licensed, dir))
			c->how = "the license file of its directory";
		else if (header_names_license(ctx, c->path))
			c->how = "a license named in its header";
		c->covered = c->how != NULL;
		free(dir);
	}
	if (!c->covered && !c->loose && headers_name_license(ctx, c)) {
		c->covered = 1;
		c->how = "a license named in each source file's header";
	}
	if (!c->covered && notice_lists(nt, c)) {
		c->covered = 1;
		c->how = "an entry in the notice file";
	}
	return c->covered;
}

/*
 * The result for the vendored components vd, nmissing of them (the
 * first listed in missing) without a license.
 */
static void
third_party_result(const struct rule *r, struct finding *f,
    const struct vendored *vd, const struct notices *nt, size_t nmissing,
    const struct strbuf *missing)
{
	struct strbuf names = STRBUF_INIT;
	size_t i;

	list_words(vd->names, ", ", &names);
	if (vd->dirs.n == 0)
		finding_result(f, RESULT_PASS, "no vendored third-party "
		    "directory (looked for %s)", names.buf);
	else if (vd->n == 0)
		finding_result(f, RESULT_PASS, "no vendored code in %s (only "
		    "files that hold none)", vd->dirs.v[0]);
	else if (nmissing == 0) {
		finding_result(f, RESULT_PASS, "%zu vendored component%s in "
		    "%s, each with its license", vd->n, vd->n == 1 ? "" : "s",
		    vd->dirs.v[0]);
		if (vd->dirs.n > 1)
			finding_append(f, " and %zu more director%s",
			    vd->dirs.n - 1, vd->dirs.n == 2 ? "y" : "ies");
		for (i = 0; i < vd->n && i < SHOW_MAX; i++)
			finding_evidence(f, vd->v[i].path, 0, vd->v[i].how);
	} else {
		finding_result(f, RESULT_FAIL, "%zu of %zu vendored "
		    "component%s without a license file or a notice entry: "
		    "%s", nmissing, vd->n, vd->n == 1 ? "" : "s", missing->buf);
		if (nmissing > SHOW_MAX)
			finding_append(f, " and %zu more",
			    nmissing - SHOW_MAX);
		if (nt->paths.n == 0)
			finding_append(f, " (no notice file)");
		if (r->help == NULL)
			finding_fix(f, "add each component's license file "
			    "beside it, or list it with its license in a "
			    "THIRD_PARTY_NOTICES file at the root");
	}
	strbuf_release(&names);
}

/*
 * Code adapted from elsewhere, said only in prose: a README line ("this
 * library contains code adapted from the following repos:") or the first
 * comment of a Python file ("# adapted from https://..."). The outside
 * places it names, each once, and where it was said.
 */
struct adapted {
	const struct rule *r;
	struct check_ctx  *ctx;
	struct finding	  *f;
	struct strvec	   repos;	/* "github.com/owner/name" */
	char		  *first;	/* "README.md:277" */
	size_t		   nplaces, nread;
};

#define ADAPTED_HEAD_BYTES	2048	/* of a Python file: its first comment */
#define ADAPTED_FILES_MAX	20000	/* Python files read at most */

/* Collect the paths of the files a glob names. */
static int
collect_cb(const struct tree_entry *e, void *arg)
{
	if (e->mode == TREE_MODE_FILE || e->mode == TREE_MODE_EXEC)
		strvec_push(arg, e->path);
	return 0;
}

/* Whether the words of a header name a license. */
static int
names_license(const char *text, size_t len)
{
	static const char *const words[] = {
		"SPDX-License-Identifier", "license", "licence", "copyright",
		NULL
	};
	size_t i;

	for (i = 0; words[i] != NULL; i++)
		if (mem_find_icase(text, len, words[i], 0) != NULL)
			return 1;
	return 0;
}

/*
 * Add each http(s) URL of s[0, n) to a->repos as its host and first two
 * path parts (a repository on a forge); the number of URLs.
 */
static size_t
adapted_urls(struct adapted *a, const char *s, size_t n)
{
	const char *p, *u, *q, *end = s + n;
	size_t got = 0, parts;
	char *key, *c;

	for (p = s; (p = memmem(p, (size_t)(end - p), "://", 3)) != NULL;
	    p = q) {
		q = u = p + 3;
		if (!(p - s >= 4 && strncasecmp(p - 4, "http", 4) == 0) &&
		    !(p - s >= 5 && strncasecmp(p - 5, "https", 5) == 0))
			continue;
		if ((size_t)(end - u) > 4 && strncasecmp(u, "www.", 4) == 0)
			u += 4;
		for (q = u, parts = 0; q < end && strchr(" \t\r\n)]>\"'`,|",
		    *q) == NULL; q++)
			if (*q == '/' && ++parts == 3)
				break;
		while (q > u && (q[-1] == '.' || q[-1] == '/' || q[-1] == ':'))
			q--;
		if (q == u)
			continue;
		got++;
		key = xstrndup(u, (size_t)(q - u));
		for (c = key; *c != '\0'; c++)
			*c = (char)tolower((unsigned char)*c);
		if (strvec_has(&a->repos, key))
			free(key);
		else
			strvec_push_nodup(&a->repos, key);
	}
	return got;
}

/* Whether a `cited` pattern matches s[0, n): a paper, not code. */
static int
adapted_cited(const struct adapted *a, const char *s, size_t n)
{
	const struct rule_key *k;
	struct regex_budget budget;
	struct strbuf err = STRBUF_INIT;
	size_t i, ms, me;
	int rc = 0;

	k = rule_key(a->r, "cited");
	for (i = 0; k != NULL && i < k->n && rc != 1; i++) {
		regex_budget_init(&budget);
		rc = regex_search(rule_regex(a->r, "cited", i), s, n, 0, &ms,
		    &me, &budget, &err);
	}
	strbuf_release(&err);
	return rc == 1;
}

/* Record a statement of path at byte off of text naming outside places. */
static void
adapted_place(struct adapted *a, const char *path, const char *text,
    size_t off)
{
	int line;

	line = text_line_of(text, off);
	if (a->nplaces++ == 0)
		a->first = xasprintf("%s:%d", path, line);
	if (a->nplaces <= SHOW_MAX)
		finding_evidence(a->f, path, line, "says code was adapted from "
		    "elsewhere");
}

/*
 * The end of what a statement ending at s[me] names, its line s[ls, le):
 * the line; the next line too when nothing follows the statement on its
 * own ("# copied from" above the URL); the list items after it when the
 * line ends in a colon.
 */
static size_t
adapted_span(const char *s, size_t n, size_t ls, size_t me, size_t le)
{
	size_t e, p, q;

	for (p = me; p < le && (isspace((unsigned char)s[p]) || s[p] == ':');
	    p++)
		;
	if (p == le && le < n)
		for (le++; le < n && s[le] != '\n'; le++)
			;
	for (e = le; e > ls && isspace((unsigned char)s[e - 1]); e--)
		;
	if (e == ls || s[e - 1] != ':')
		return le;
	for (p = le; p < n; p = q) {
		q = p + 1;
		while (q < n && s[q - 1] != '\n')
			q++;
		while (p < q && (s[p] == ' ' || s[p] == '\t' || s[p] == '\n'))
			p++;
		if (p == q)
			continue;	/* a blank line */
		if (s[p] != '-' && s[p] != '*' && s[p] != '+' &&
		    !isdigit((unsigned char)s[p]))
			break;
		le = q;
	}
	return le;
}

/*
 * Find the `adapted` statements in text[0, n) of path (which names
 * outside places after the statement); one statement a line at most.
 */
static void
adapted_scan(struct adapted *a, const char *path, const char *text,
    size_t n)
{
	const struct rule_key *k;
	struct regex_budget budget;
	struct strbuf err = STRBUF_INIT;
	size_t i, off, ms, me, ls, le, span;

	k = rule_key(a->r, "adapted");
	for (i = 0; k != NULL && i < k->n; i++) {
		regex_budget_init(&budget);
		for (off = 0; off < n && regex_search(rule_regex(a->r,
		    "adapted", i), text, n, off, &ms, &me, &budget, &err) == 1;
		    off = span > me ? span : me + 1) {
			for (ls = ms; ls > 0 && text[ls - 1] != '\n'; ls--)
				;
			for (le = me; le < n && text[le] != '\n'; le++)
				;
			span = adapted_span(text, n, ls, me, le);
			if (!adapted_cited(a, text + ls, le - ls) &&
			    adapted_urls(a, text + ms, span - ms) > 0)
				adapted_place(a, path, text, ms);
		}
	}
	strbuf_release(&err);
}

/* The first comment block of a source file, when it names no license. */
static int
adapted_py_cb(const struct tree_entry *e, void *arg)
{
	struct adapted *a = arg;
	const char *text;
	size_t len, n;
	int trunc;

	if (e->mode != TREE_MODE_FILE && e->mode != TREE_MODE_EXEC)
		return 0;
	if (++a->nread > ADAPTED_FILES_MAX)
		return 1;
	if (ctx_read(a->ctx, e, ADAPTED_HEAD_BYTES, 0, NULL, &text, &len,
	    &trunc) != 0)
		return 0;
	/* the leading lines that begin with '#' (a shebang among them) */
	for (n = 0; n < len && text[n] == '#'; n++)
		while (n < len && text[n] != '\n')
			n++;
	if (n > 0 && !names_license(text, n))
		adapted_scan(a, e->path, text, n);
	return 0;
}

/* Read the `adapted_in` files and the first comments of `adapted_headers`. */
static void
adapted_find(struct adapted *a)
{
	const struct rule_key *k;
	const struct tree_entry *e;
	const char *text;
	size_t i, j, len;
	int trunc;
	struct strvec files = STRVEC_INIT;

	k = rule_key(a->r, "adapted_in");
	for (i = 0; k != NULL && i < k->n; i++)
		tree_glob(ctx_tree(a->ctx), k->v[i].value, 1, collect_cb,
		    &files);
	for (j = 0; j < files.n; j++)
		if ((e = tree_lookup(ctx_tree(a->ctx), files.v[j], 0)) != NULL &&
		    ctx_read(a->ctx, e, LICENSE_DEFAULT_MAX, CTX_READ_TEXT, NULL,
		    &text, &len, &trunc) == 0)
			adapted_scan(a, e->path, text, len);
	strvec_clear(&files);
	k = rule_key(a->r, "adapted_headers");
	for (i = 0; k != NULL && i < k->n; i++)
		tree_glob(ctx_tree(a->ctx), k->v[i].value, 0, adapted_py_cb, a);
}

/*
 * No vendored code lacks a license and no notice file lists any: code
 * the project says it adapted from outside repositories (at least
 * `adapted_min` of them) is a Caution naming where it says so, since the
 * licenses of that code are nowhere in the repository.
 */
static void
adapted_judge(const struct rule *r, struct check_ctx *ctx, struct finding *f)
{
	struct adapted a;
	long long min;
	char *was;

	memset(&a, 0, sizeof(a));
	a.r = r;
	a.ctx = ctx;
	a.f = f;
	min = rule_int(r, "adapted_min", 1);
	adapted_find(&a);
	if (a.nplaces > 0 && a.repos.n >= (size_t)min) {
		finding_result(f, RESULT_FAIL, "%s says code was adapted from "
		    "%zu outside repositor%s; their licenses are not in the "
		    "repository: a person decides whether notices are needed",
		    a.first, a.repos.n, a.repos.n == 1 ? "y" : "ies");
		if (a.nplaces > 1)
			finding_append(f, " (%zu places say so)", a.nplaces);
		finding_cap_level(f, LEVEL_WARNING);
		f->judgment = 1;
		finding_fix(f, "read %s: list each outside project the code "
		    "came from with its license in THIRD_PARTY_NOTICES.md, or "
		    "keep its license beside the code", a.first);
	} else if (a.nplaces > 0) {
		was = xstrdup(f->message != NULL ? f->message : "");
		finding_result(f, RESULT_PASS, "%s; %s names code adapted from "
		    "one outside repository, %s (a Caution needs %lld)", was,
		    a.first, a.repos.v[0], min);
		free(was);
	}
	free(a.first);
	strvec_clear(&a.repos);
}

/* Whether every vendored component carries or is given a license. */
static int
third_party_check(const struct rule *r, struct check_ctx *ctx,
    struct finding *f)
{
	struct vendored vd;
	struct notices nt;
	struct component *c;
	const struct rule_key *k;
	struct strvec globs = STRVEC_INIT;
	struct strbuf missing = STRBUF_INIT;
	size_t i, nmissing;

	memset(&vd, 0, sizeof(vd));
	strbuf_init(&vd.memo.dir);
	vd.names = rule_key(r, "third_party");
	vendored_globs(vd.names, &globs);
	glob_all(ctx, &globs, vendored_cb, &vd);
	strvec_clear(&globs);
	memset(&nt, 0, sizeof(nt));
	nt.ctx = ctx;
	strbuf_init(&nt.text);
	k = rule_key(r, "notice");
	for (i = 0; k != NULL && i < k->n; i++)
		tree_glob(ctx_tree(ctx), k->v[i].value, 1, notice_cb, &nt);
	drop_no_code(ctx, &vd);

	nmissing = 0;
	for (i = 0; i < vd.n; i++) {
		c = &vd.v[i];
		if (component_covered(ctx, &vd, &nt, c))
			continue;
		if (nmissing++ < SHOW_MAX)
			strbuf_addf(&missing, "%s%s", nmissing > 1 ? ", " : "",
			    c->path);
		finding_evidence(f, c->path, 0, "no license");
	}
	third_party_result(r, f, &vd, &nt, nmissing, &missing);
	if (nmissing == 0 && nt.paths.n == 0 && rule_key(r, "adapted") != NULL)
		adapted_judge(r, ctx, f);
	for (i = 0; i < vd.n; i++)
		free(vd.v[i].path);
	free(vd.v);
	strvec_clear(&vd.dirs);
	strvec_clear(&vd.licensed);
	strbuf_release(&vd.memo.dir);
	strbuf_release(&nt.text);
	strvec_clear(&nt.paths);
	strbuf_release(&missing);
	return 0;
}

/*
 * Whether the Python packaging metadata (pyproject.toml, setup.cfg,
 * setup.py, Trove classifiers) names the license file's license: a
 * warning naming the first declaration that differs.
 */
static void
metadata_agreement(struct check_ctx *ctx, const char *id, struct finding *f)
{
	const struct pymeta *m;
	const struct pydecl *d, *bad = NULL;
	struct finding unread;
	size_t i, nagree = 0, nbad = 0;
	char *was;

	m = pymeta_get(ctx);
	finding_init(&unread, f->rule);
	for (i = 0; i < m->licenses.n; i++) {
		d = &m->licenses.v[i];
		switch (pymeta_license_agrees(d, id)) {
		case 1:
			nagree++;
			break;
		case 0:
			if (bad == NULL)
				bad = d;
			nbad++;
			break;
		}
	}
	if (bad != NULL) {
		finding_evidence(f, bad->path, bad->line, bad->what);
		was = xstrdup(f->message != NULL ? f->message : "");
		finding_result(f, RESULT_FAIL, "%s, but %s:%d declares %s '%s'"
		    "%s", was, bad->path, bad->line, bad->what, bad->text,
		    nbad > 1 ? " (and more packaging metadata differs)" : "");
		free(was);
		finding_cap_level(f, LEVEL_WARNING);
		finding_fix(f, "make the license in the packaging metadata "
		    "(license, classifiers) name %s, the license file's", id);
	} else if (nagree > 0) {
		/* what was read agrees: a file not read is only named */
		finding_append(f, "; the packaging metadata agrees");
		(void)pymeta_unread(ctx, m, PYFILE_METADATA, f, NULL);
	} else if (pymeta_judge(ctx, m, PYFILE_METADATA, &unread))
		metadata_unread(f, &unread);
	finding_release(&unread);
}

/*
 * A packaging file that could not be read: what the read judge says of
 * it (u) joins the license file's result, as a warning at most.
 */
static void
metadata_unread(struct finding *f, const struct finding *u)
{
	char *was;

	was = xstrdup(f->message != NULL ? f->message : "");
	finding_result(f, u->result, "%s, but %s", was, u->message);
	free(was);
	finding_copy_evidence(f, u);
	if (u->fix != NULL)
		finding_fix(f, "%s", u->fix);
	finding_cap_level(f, LEVEL_WARNING);
}

static int
license_check(const struct rule *r, struct check_ctx *ctx,
    struct finding *f)
{
	if (rule_key(r, "third_party") != NULL)
		return third_party_check(r, ctx, f);
	return file_license_check(r, ctx, f);
}
