/*
 * python.c: the Python project of a check's tree (pymeta.h), collected
 * once per check: the packaging files found, each read once through the
 * check context by its reader (read/pymodel.h), the requirement files
 * they name followed inside the tree, their models merged into one, and
 * the files that could not be read kept for the rules to judge.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ctx.h"
#include "finding.h"
#include "pymeta.h"
#include "read/pymodel.h"
#include "read/reader.h"
#include "strbuf.h"
#include "tree.h"
#include "xalloc.h"

#define PYMETA_MAX_FILES	200	/* requirement files followed */
/*
 * Bytes of requirement files read in one check: each file is read once
 * (an include of one read is not read again), and past this total a
 * file is not read, said as a limit, so that files that include each
 * other or one large blob under many names cost no more than this.
 */
#define PYMETA_REQ_BUDGET	(8 * 1024 * 1024)

/* How the dependencies of a requirements file are declared. */
struct reqhow {
	enum pydep_kind	 kind;
	const char	*group;
	int		 metadata;
};

struct scan {
	struct strvec	 paths;
	struct strvec	 reqs;
};

static char	*join_path(const char *, const char *);
static int	 scan_cb(const struct tree_entry *, void *);
static int	 req_cb(const struct tree_entry *, void *);
static int	 py_cb(const struct tree_entry *, void *);
static int	 dev_file(const char *);
static void	 unread_add(struct pymeta *, const struct tree_entry *,
		    const struct reader *, unsigned);
static void	 merge_deps(struct pymeta *, const struct pymeta *, size_t,
		    size_t, const struct reqhow *);
static void	 merge_problems(struct pymeta *, const struct pymeta *,
		    size_t, size_t);
static void	 merge_file(struct check_ctx *, struct pymeta *,
		    const struct pymeta *, const struct reqhow *);
static void	 follow(struct check_ctx *, struct pymeta *,
		    const struct pyinclude *, const struct reqhow *);
static void	 read_reqs(struct check_ctx *, struct pymeta *, const char *,
		    const char *, int, const struct reqhow *);
static int	 reqs_limit(struct check_ctx *, struct pymeta *,
		    const struct tree_entry *, const char *);
static void	 read_meta(struct check_ctx *, struct pymeta *, const char *);
static void	 collect(struct check_ctx *, struct pymeta *);

/* --- requirements files -------------------------------------------- */

/* The directory part of path with name joined, normalised; NULL: out. */
static char *
join_path(const char *from, const char *name)
{
	struct strbuf sb = STRBUF_INIT;
	const char *slash, *p, *q;
	char *r;

	if (name[0] == '/')
		return NULL;
	slash = strrchr(from, '/');
	if (slash != NULL)
		strbuf_add(&sb, from, (size_t)(slash - from + 1));
	for (p = name; *p != '\0'; p = *q ? q + 1 : q) {
		for (q = p; *q != '\0' && *q != '/'; q++)
			;
		if (q - p == 1 && *p == '.')
			continue;
		if (q - p == 2 && p[0] == '.' && p[1] == '.') {
			if (sb.len == 0) {
				strbuf_release(&sb);
				return NULL;
			}
			strbuf_setlen(&sb, sb.len - 1);
			while (sb.len > 0 && sb.buf[sb.len - 1] != '/')
				strbuf_setlen(&sb, sb.len - 1);
			continue;
		}
		strbuf_add(&sb, p, (size_t)(q - p));
		if (*q == '/')
			strbuf_addch(&sb, '/');
	}
	r = strbuf_detach(&sb, NULL);
	return r;
}

/*
 * A packaging file of any kind (a link or a submodule too, for the rules
 * to judge).
 */
static int
scan_cb(const struct tree_entry *e, void *arg)
{
	struct scan *s = arg;

	strvec_push(&s->paths, e->path);
	return 0;
}

static int
req_cb(const struct tree_entry *e, void *arg)
{
	struct scan *s = arg;

	strvec_push(&s->reqs, e->path);
	return 0;
}

static int
py_cb(const struct tree_entry *e, void *arg)
{
	struct pymeta *m = arg;

	(void)e;
	m->pyfiles = 1;
	return 1;	/* one is enough */
}

/* Where metadata and recipes are looked for. */
static const char *const meta_globs[] = {
	"pyproject.toml", "setup.cfg", "setup.py",
	"environment.yml", "environment.yaml",
	"environment-*.yml", "environment-*.yaml",
	"meta.yaml", "recipe.yaml",
	"conda*/meta.yaml", "conda*/recipe.yaml", "recipe*/meta.yaml",
	"recipe*/recipe.yaml", ".conda/meta.yaml", ".conda/recipe.yaml",
	"conda*/*/meta.yaml", "conda*/*/recipe.yaml",
	"conda*/environment*.yml", "conda*/environment*.yaml",
	NULL
};

/*
 * Whether a requirements file is for developers, not users:
 * requirements-dev.txt, requirements/test.txt, requirements-docs.txt.
 */
static int
dev_file(const char *path)
{
	static const char *const words[] = { "dev", "test", "doc", "lint",
	    "bench", "ci", "build", "example", "style", "type", NULL };
	const char *base;
	size_t i;

	base = strrchr(path, '/');
	base = base != NULL ? base + 1 : path;
	if (strncmp(base, "requirements", 12) == 0)
		base += 12;
	for (i = 0; words[i] != NULL; i++)
		if (strstr(base, words[i]) != NULL)
			return 1;
	return 0;
}


/* A file found but not read, for pymeta_judge(). */
static void
unread_add(struct pymeta *m, const struct tree_entry *e,
    const struct reader *rd, unsigned kind)
{
	struct pyunread *u;

	if (m->nunread == m->unread_alloc) {
		m->unread_alloc = m->unread_alloc ? m->unread_alloc * 2 : 4;
		m->unread = xreallocarray(m->unread, m->unread_alloc,
		    sizeof(*m->unread));
	}
	u = &m->unread[m->nunread++];
	u->e = e;
	u->rd = rd;
	u->kind = kind;
}

/*
 * Copies of a file's dependencies [from, to), declared as how says (NULL:
 * as read); one whose marker names extras only is optional where the file
 * is required.
 */
static void
merge_deps(struct pymeta *m, const struct pymeta *fm, size_t from,
    size_t to, const struct reqhow *how)
{
	struct pydep *d;
	size_t i;

	for (i = from; i < to; i++) {
		d = pymeta_copy_dep(m, &fm->deps[i]);
		if (how == NULL)
			continue;
		d->kind = how->kind;
		d->metadata = how->metadata;
		free(d->group);
		d->group = how->group != NULL ? xstrdup(how->group) : NULL;
		if (d->extra_only && d->kind == PYDEP_REQUIRED) {
			d->kind = PYDEP_OPTIONAL;
			free(d->group);
			d->group = d->marker_extra != NULL ?
			    xstrdup(d->marker_extra) : NULL;
		}
	}
}

static void
merge_problems(struct pymeta *m, const struct pymeta *fm, size_t from,
    size_t to)
{
	size_t i;

	for (i = from; i < to; i++)
		strvec_push(&m->problems, fm->problems.v[i]);
}

/*
 * A file's model into the project's, the files it names read where it
 * names them, so that the order is the order of reading.
 */
static void
merge_file(struct check_ctx *ctx, struct pymeta *m, const struct pymeta *fm,
    const struct reqhow *how)
{
	const struct pyinclude *inc;
	size_t i, d = 0, p = 0;

	for (i = 0; i < fm->nincludes; i++) {
		inc = &fm->includes[i];
		merge_deps(m, fm, d, inc->ndeps, how);
		merge_problems(m, fm, p, inc->nproblems);
		d = inc->ndeps;
		p = inc->nproblems;
		follow(ctx, m, inc, how);
	}
	merge_deps(m, fm, d, fm->ndeps, how);
	merge_problems(m, fm, p, fm->problems.n);
	pymeta_merge_decls(m, fm);
}

/* A file named by another: with its kind, or (-r) the other's. */
static void
follow(struct check_ctx *ctx, struct pymeta *m, const struct pyinclude *inc,
    const struct reqhow *how)
{
	struct reqhow own;
	char *path;

	if ((path = join_path(inc->from, inc->name)) == NULL) {
		pymeta_problem(m, inc->from, inc->line, "'%s' is outside the "
		    "repository", inc->name);
		return;
	}
	own.kind = inc->kind;
	own.group = inc->group;
	own.metadata = inc->metadata;
	read_reqs(ctx, m, path, inc->from, inc->line, inc->ownkind &&
	    how != NULL ? how : &own);
	free(path);
}

/*
 * A requirements file of the tree, once (named at from:line), with the
 * files it names.
 */
static void
read_reqs(struct check_ctx *ctx, struct pymeta *m, const char *path,
    const char *from, int line, const struct reqhow *how)
{
	const struct tree_entry *e;
	const struct pymeta *fm = NULL;

	if (strvec_has(&m->files, path))
		return;
	e = tree_lookup(ctx_tree(ctx), path, 0);
	if (reqs_limit(ctx, m, e, path))
		return;
	if (e != NULL)
		fm = ctx_model(ctx, &reader_requirements, e, PYMETA_MAX_BYTES,
		    NULL, NULL);
	/* One that is there but cannot be read is the judge's to say. */
	if (fm == NULL && e != NULL)
		unread_add(m, e, &reader_requirements, PYFILE_REQS);
	else if (fm == NULL)
		pymeta_problem(m, from, line, "'%s' cannot be read", path);
	if (fm == NULL)
		return;
	strvec_push(&m->files, path);
	merge_file(ctx, m, fm, how);
}

/*
 * Whether the requirement file e (at path) is past the limits of a check
 * (PYMETA_MAX_FILES files, PYMETA_REQ_BUDGET bytes): then it is not
 * read, and the first one past is a problem naming the limit, so that a
 * rule whose answer depends on it is unknown, never a failure. Its size
 * is counted when it is not past them.
 */
static int
reqs_limit(struct check_ctx *ctx, struct pymeta *m,
    const struct tree_entry *e, const char *path)
{
	uint64_t size = 0;

	if (e != NULL && ctx_size(ctx, e, NULL, &size) != 0)
		size = 0;		/* the judge says why when it is read */
	if (size > PYMETA_MAX_BYTES)
		size = PYMETA_MAX_BYTES;
	if (m->files.n < PYMETA_MAX_FILES &&
	    m->reqbytes + size <= PYMETA_REQ_BUDGET) {
		m->reqbytes += (size_t)size;
		return 0;
	}
	if (m->reqs_dropped++ == 0 && m->files.n >= PYMETA_MAX_FILES)
		pymeta_problem(m, path, 0, "not read: more than %d packaging "
		    "files (a limit)", PYMETA_MAX_FILES);
	else if (m->reqs_dropped == 1)
		pymeta_problem(m, path, 0, "not read: the requirement files "
		    "before it reach %d MiB (a limit)",
		    PYMETA_REQ_BUDGET / (1024 * 1024));
	return 1;
}

/* A packaging file or a conda file, by its reader. */
static void
read_meta(struct check_ctx *ctx, struct pymeta *m, const char *path)
{
	const struct tree_entry *e;
	const struct reader *rd;
	const struct pymeta *fm;
	unsigned kind;

	if (strvec_has(&m->files, path) ||
	    (e = tree_lookup(ctx_tree(ctx), path, 0)) == NULL ||
	    (rd = pymeta_reader_for(path, &kind)) == NULL)
		return;
	fm = ctx_model(ctx, rd, e, PYMETA_MAX_BYTES, NULL, NULL);
	/* The judge says why in the rules that read it. */
	if (fm == NULL) {
		unread_add(m, e, rd, kind);
		return;
	}
	if (fm->truncated) {
		/* a packaging file all the same: a Python project */
		m->toolarge++;
		pymeta_problem(m, path, 0, "larger than %d bytes: not read",
		    PYMETA_MAX_BYTES);
		return;
	}
	strvec_push(&m->files, path);
	merge_file(ctx, m, fm, NULL);
}

static void
collect(struct check_ctx *ctx, struct pymeta *m)
{
	static const struct reqhow users = { PYDEP_REQFILE, NULL, 0 };
	struct scan s = { STRVEC_INIT, STRVEC_INIT };
	struct reqhow dev = { PYDEP_GROUP, NULL, 0 };
	const struct tree *t;
	size_t i;

	t = ctx_tree(ctx);
	for (i = 0; meta_globs[i] != NULL; i++)
		tree_glob(t, meta_globs[i], 0, scan_cb, &s);
	tree_glob(t, "requirements*.txt", 0, req_cb, &s);
	tree_glob(t, "requirements/*.txt", 0, req_cb, &s);
	tree_glob(t, "**/*.py", 0, py_cb, m);
	for (i = 0; i < s.paths.n; i++)
		read_meta(ctx, m, s.paths.v[i]);
	m->meta_problems = m->problems.n;
	/* Users' files first: a developers' file may include them. */
	for (i = 0; i < s.reqs.n; i++)
		if (!dev_file(s.reqs.v[i]))
			read_reqs(ctx, m, s.reqs.v[i], "", 0, &users);
	for (i = 0; i < s.reqs.n; i++)
		if (dev_file(s.reqs.v[i])) {
			dev.group = s.reqs.v[i];
			read_reqs(ctx, m, s.reqs.v[i], "", 0, &dev);
		}
	m->python = m->files.n > 0 || m->pyfiles > 0 || m->nunread > 0 ||
	    m->toolarge > 0 || m->reqs_dropped > 0;
	strvec_clear(&s.paths);
	strvec_clear(&s.reqs);
}

const struct pymeta *
pymeta_get(struct check_ctx *ctx)
{
	struct pymeta *m;

	if ((m = ctx_cache_find(ctx, "pymeta", NULL, 0)) != NULL)
		return m;
	m = xmalloc(sizeof(*m));
	pymeta_init(m);
	collect(ctx, m);
	ctx_cache_add_pure(ctx, "pymeta", 0, m, pymeta_free);
	return m;
}

int
pymeta_judge(struct check_ctx *ctx, const struct pymeta *m, unsigned kinds,
    struct finding *f)
{
	const struct pyunread *u;
	size_t i;
	int judged = 0;

	for (i = 0; i < m->nunread; i++) {
		u = &m->unread[i];
		if ((u->kind & kinds) == 0)
			continue;
		if (judged++ == 0)
			(void)ctx_model(ctx, u->rd, u->e, PYMETA_MAX_BYTES, f,
			    NULL);
		else
			finding_detail(f, "%s could not be read either",
			    u->e->path);
	}
	return judged > 0;
}

size_t
pymeta_unread(struct check_ctx *ctx, const struct pymeta *m, unsigned kinds,
    struct finding *f, struct strbuf *msg)
{
	struct finding judged;
	size_t i, n = 0;

	for (i = 0; i < m->nunread; i++) {
		if ((m->unread[i].kind & kinds) == 0)
			continue;
		finding_init(&judged, f->rule);
		(void)ctx_model(ctx, m->unread[i].rd, m->unread[i].e,
		    PYMETA_MAX_BYTES, &judged, NULL);
		if (msg != NULL && judged.message != NULL)
			strbuf_addf(msg, "%s%s", n > 0 ? "; " : "",
			    judged.message);
		else if (judged.message != NULL)
			finding_detail(f, "%s", judged.message);
		finding_release(&judged);
		n++;
	}
	return n;
}
