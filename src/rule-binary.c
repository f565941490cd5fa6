/*
 * rule-binary.c: the "binary-artifacts" rule type: tracked executables,
 * object code and archives of built code, known by their first bytes
 * (ELF, Mach-O, PE, Java class, ar, RPM, WebAssembly, Dalvik, Python
 * byte code, a zip that is a jar or a wheel), as OpenSSF Scorecard's
 * Binary-Artifacts check counts them. A name alone proves nothing: a
 * "tool.exe" that holds text is no binary, a "protoc" that is ELF is.
 * Files whose extension says they are text, images, fonts or documents
 * are not read; every other file is, its first SNIFF_BYTES only.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ctx.h"
#include "finding.h"
#include "glob.h"
#include "rules.h"
#include "ruleset.h"
#include "strbuf.h"
#include "text.h"
#include "tree.h"
#include "xalloc.h"

#define SNIFF_BYTES	512	/* a PE header is within them, mostly */
#define SHOW_MAX	5	/* paths named in the message */
#define EVIDENCE_MAX	100	/* paths given as evidence */

static int	 binary_check(const struct rule *, struct check_ctx *,
		    struct finding *);

static const struct rule_key_spec binary_keys[] = {
	{ "ignore", KEY_WORDS,
	    .doc = "globs of paths whose binaries do not count (test data)" },
	{ .name = NULL }
};

const struct rule_type rule_binary_artifacts = {
	.name = "binary-artifacts",
	.summary = "no executable or built archive is tracked",
	.keys = binary_keys,
	.check = binary_check,
};

struct binary_arg {
	struct check_ctx	*ctx;
	struct strvec		 found;		/* path, what, flat */
	size_t			 nfound, nread, nfiles;
	const char		*unread;	/* the first file not read */
	size_t			 nunread;
};

/*
 * Extensions of files that are never built code: source and text,
 * images, fonts, documents, data. They are not read.
 */
static int
text_extension(const char *path)
{
	static const char *const exts[] = {
		"py", "pyi", "pyx", "pxd", "c", "h", "cc", "cpp", "cxx", "hpp",
		"hh", "cu", "cuh", "m", "mm", "js", "mjs", "cjs", "jsx", "ts",
		"tsx", "go", "rs", "java", "kt", "scala", "swift", "rb", "pl",
		"pm", "lua", "r", "jl", "php", "cs", "sh", "bash", "zsh", "ps1",
		"bat", "cmake", "mk", "am", "ac", "in", "proto", "f90", "zig",
		"md", "markdown", "rst", "txt", "adoc", "org", "tex", "bib",
		"html", "htm", "css", "scss", "xml", "svg", "json", "jsonl",
		"yaml", "yml", "toml", "ini", "cfg", "conf", "csv", "tsv",
		"ipynb", "lock", "sql", "graphql", "diff", "patch", "po",
		"png", "jpg", "jpeg", "gif", "bmp", "ico", "webp", "tif",
		"tiff", "psd", "mp3", "mp4", "wav", "ogg", "webm", "avi",
		"mov", "ttf", "otf", "woff", "woff2", "eot", "pdf", "ps",
		"eps", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt",
		"gz", "bz2", "xz", "zst", "npy", "npz", "pt", "pth", "onnx",
		"h5", "hdf5", "pkl", "pickle", "parquet", "arrow", "tfrecord",
		NULL
	};

	return text_has_extension(path, exts);
}

static uint32_t
be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

static uint32_t
le32(const unsigned char *p)
{
	return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[1] << 8 | p[0];
}

/* A Windows (PE) executable: "MZ" and the "PE" signature it points at. */
static int
is_pe(const unsigned char *p, size_t n)
{
	uint32_t off;

	if (n < 64 || p[0] != 'M' || p[1] != 'Z')
		return 0;
	off = le32(p + 0x3c);
	return off <= n - 4 && memcmp(p + off, "PE\0\0", 4) == 0;
}

/* A zip whose first entry or name says it is a jar or a wheel. */
static const char *
zip_kind(const char *path, const unsigned char *p, size_t n)
{
	static const char *const jars[] = { "jar", "war", "ear", "aar",
	    "apk", NULL };
	static const char *const wheels[] = { "whl", "egg", NULL };
	size_t len;

	if (n < 30 || memcmp(p, "PK\3\4", 4) != 0)
		return NULL;
	if (text_has_extension(path, jars))
		return "a Java archive";
	if (text_has_extension(path, wheels))
		return "a Python wheel";
	len = (size_t)p[26] | (size_t)p[27] << 8;
	if (len >= 9 && 30 + len <= n && memcmp(p + 30, "META-INF/", 9) == 0)
		return "a Java archive";
	return NULL;
}

/*
 * Python byte code: a magic number, then "\r\n". From Python 3.7 (magic
 * 3390) a flags word of 0 to 3 follows, which no text has; older byte
 * code counts only in a .pyc or .pyo file.
 */
static int
is_pyc(const char *path, const unsigned char *p, size_t n)
{
	static const char *const pycs[] = { "pyc", "pyo", NULL };
	unsigned magic;

	if (n < 16 || p[2] != '\r' || p[3] != '\n')
		return 0;
	magic = (unsigned)p[0] | (unsigned)p[1] << 8;
	if (magic >= 3390 && magic < 4000 && le32(p + 4) <= 3)
		return 1;
	return text_has_extension(path, pycs) && magic >= 3000;
}

/* Dalvik byte code: "dex\n", a three-digit version, NUL. */
static int
is_dex(const unsigned char *p, size_t n)
{
	return n >= 8 && memcmp(p, "dex\n", 4) == 0 && p[4] >= '0' &&
	    p[4] <= '9' && p[5] >= '0' && p[5] <= '9' && p[6] >= '0' &&
	    p[6] <= '9' && p[7] == '\0';
}

/* What the first n bytes of path say it is, or NULL: not built code. */
static const char *
sniff(const char *path, const unsigned char *p, size_t n)
{
	static const unsigned char macho[][4] = {
		{ 0xfe, 0xed, 0xfa, 0xce }, { 0xfe, 0xed, 0xfa, 0xcf },
		{ 0xce, 0xfa, 0xed, 0xfe }, { 0xcf, 0xfa, 0xed, 0xfe }
	};
	size_t i;

	if (n < 8)
		return NULL;
	if (memcmp(p, "\177ELF", 4) == 0)
		return "an ELF executable or library";
	for (i = 0; i < sizeof(macho) / sizeof(macho[0]); i++)
		if (memcmp(p, macho[i], 4) == 0)
			return "a Mach-O executable or library";
	/* 0xcafebabe: a Java class (major version 45 on) or a fat Mach-O */
	if (be32(p) == 0xcafebabeU)
		return be32(p + 4) >= 45 ? "a Java class" :
		    "a Mach-O universal binary";
	if (is_pe(p, n))
		return "a Windows executable or library";
	if (memcmp(p, "!<arch>\n", 8) == 0)
		return "an ar archive (a static library or a .deb)";
	if (be32(p) == 0xedabeedbU)
		return "an RPM package";
	if (memcmp(p, "\0asm", 4) == 0)
		return "a WebAssembly module";
	if (is_dex(p, n))
		return "Dalvik byte code";
	if (is_pyc(path, p, n))
		return "Python byte code";
	return zip_kind(path, p, n);
}

static int
ignored(const struct rule_key *ignore, const char *path)
{
	size_t i;

	for (i = 0; ignore != NULL && i < ignore->n; i++)
		if (glob_match_path(ignore->v[i].value, path, 0, 0))
			return 1;
	return 0;
}

/* One entry of the tree: read it unless its name says it is text. */
static int
binary_cb(const struct tree_entry *e, void *arg)
{
	struct binary_arg *a = arg;
	const char *buf, *what;
	size_t len;
	int trunc, rc;

	if (e->mode != TREE_MODE_FILE && e->mode != TREE_MODE_EXEC)
		return 0;
	a->nfiles++;
	if (text_extension(e->path))
		return 0;
	rc = ctx_read(a->ctx, e, SNIFF_BYTES, 0, NULL, &buf, &len, &trunc);
	if (rc == TREE_EMISSING || rc == TREE_ELINK || rc == TREE_ENOTFILE)
		return 0;
	if (rc != 0) {
		if (a->nunread++ == 0)
			a->unread = e->path;
		return 0;
	}
	a->nread++;
	if ((what = sniff(e->path, (const unsigned char *)buf, len)) == NULL)
		return 0;
	strvec_push(&a->found, e->path);
	strvec_push(&a->found, what);
	a->nfound++;
	return 0;
}

static void
binary_free(void *p)
{
	struct binary_arg *a = p;

	strvec_clear(&a->found);
	free(a);
}

/*
 * The built code of the tree: every file read by its first bytes once
 * per check, shared by the rules of this type (each ignores its own).
 */
static const struct binary_arg *
binary_scan(struct check_ctx *ctx)
{
	struct binary_arg *a;

	if ((a = ctx_cache_find(ctx, "binary-artifacts", NULL, 0)) != NULL)
		return a;
	a = xcalloc(1, sizeof(*a));
	a->ctx = ctx;
	tree_glob(ctx_tree(ctx), "**", 0, binary_cb, a);
	a->ctx = NULL;
	ctx_cache_add_pure(ctx, "binary-artifacts", 0, a, binary_free);
	return a;
}

/* The binaries of a not ignored: path, what, flat in out; how many. */
static size_t
not_ignored(const struct binary_arg *a, const struct rule_key *ignore,
    struct strvec *out)
{
	size_t i;

	for (i = 0; i < a->nfound; i++)
		if (!ignored(ignore, a->found.v[2 * i])) {
			strvec_push(out, a->found.v[2 * i]);
			strvec_push(out, a->found.v[2 * i + 1]);
		}
	return out->n / 2;
}

static void
report_found(const struct strvec *found, struct finding *f)
{
	size_t i, n;

	n = found->n / 2;
	finding_result(f, RESULT_FAIL, "%zu binary artifact%s tracked: ",
	    n, n == 1 ? "" : "s");
	for (i = 0; i < n && i < SHOW_MAX; i++)
		finding_append(f, "%s%s (%s)", i > 0 ? ", " : "",
		    found->v[2 * i], found->v[2 * i + 1]);
	if (n > SHOW_MAX)
		finding_append(f, " and %zu more", n - SHOW_MAX);
	for (i = 0; i < n && i < EVIDENCE_MAX; i++)
		finding_evidence(f, found->v[2 * i], 0, found->v[2 * i + 1]);
	finding_fix(f, "build these from source instead of keeping them in "
	    "the repository (publish them as release assets), or list test "
	    "data in the rule's ignore key");
}

static int
binary_check(const struct rule *r, struct check_ctx *ctx, struct finding *f)
{
	const struct binary_arg *a;
	struct strvec found = STRVEC_INIT;
	size_t n;

	a = binary_scan(ctx);
	n = not_ignored(a, rule_key(r, "ignore"), &found);
	finding_value(f, (long long)n);
	if (n > 0)
		report_found(&found, f);
	else if (a->nunread > 0) {
		finding_result(f, RESULT_UNKNOWN, "no binary artifact among "
		    "the files read, but %s%s could not be read", a->unread,
		    a->nunread > 1 ? " and others" : "");
		finding_evidence(f, a->unread, 0, NULL);
	} else
		finding_result(f, RESULT_PASS, "no binary artifact among %zu "
		    "files (%zu read by their first bytes)", a->nfiles,
		    a->nread);
	if (a->nfound > n)
		finding_append(f, "; %zu more in paths the rule ignores",
		    a->nfound - n);
	strvec_clear(&found);
	return 0;
}
