/*
 * rule-pydep.c: the "python-dependency" rule type: whether the version
 * constraint a Python project declares on a package (torch) admits every
 * release series the rule names (the two latest), from the metadata the
 * Python project (pymeta.h) holds; without a declared dependency, from
 * the versions the CI workflows and the README name.
 *
 * A constraint admits a series when it admits the series' first release
 * (2.14 admits "2.14" when it admits 2.14.0), pre-releases as PEP 440's
 * default rule: only when a clause names one.
 */
#define _GNU_SOURCE		/* memmem */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "read/ci.h"
#include "ctx.h"
#include "finding.h"
#include "read/pep440.h"
#include "read/pep508.h"
#include "pymeta.h"
#include "rules.h"
#include "ruleset.h"
#include "strbuf.h"
#include "tree.h"
#include "xalloc.h"

#define README_MAX	(512 * 1024)
#define PY_SCAN_FILES	400		/* *.py files read for an import */
#define PY_SCAN_BYTES	(64 * 1024)

/* A version named outside the metadata: CI or README. */
struct named {
	char		*text;		/* "2.1", ">=2.0" */
	const char	*where;		/* "the CI matrix", "the README" */
	char		*path;
	int		 line;
};

struct nameds {
	struct named	*v;
	size_t		 n, alloc;
};

static int	 pydep_parse(struct rule *);
static void	 list_join(const struct rule_key *, unsigned long,
		    const char *, struct strbuf *);
static int	 pydep_check(const struct rule *, struct check_ctx *,
		    struct finding *);
static int	 ci_unread(struct check_ctx *, struct finding *,
		    const char *);
static void	 judge_unread(struct check_ctx *, const struct pymeta *,
		    struct finding *, const char *, size_t);
static size_t	 ci_named(struct check_ctx *, struct nameds *,
		    struct finding *);
static int	 named_versions(const struct rule *, struct check_ctx *,
		    const struct pymeta *, struct nameds *);
static unsigned long named_cover(const struct rule_key *,
		    const struct nameds *, unsigned long *, unsigned long *);
static void	 named_add(struct nameds *, const char *, size_t,
		    const char *, const char *, int);
static void	 named_list(struct finding *, const struct nameds *,
		    struct strbuf *);
static void	 nameds_clear(struct nameds *);
static void	 named_series(struct named *);

static const struct rule_key_spec pydep_keys[] = {
	{ "package", KEY_WORDS, .flags = KEYF_REQUIRED,
	    .doc = "the package's names on PyPI (compared after PEP 503)" },
	{ "conda_package", KEY_WORDS,
	    .doc = "its names in conda environments and recipes" },
	{ "admit", KEY_WORDS, .flags = KEYF_REQUIRED,
	    .doc = "release series (PEP 440 versions) the constraint must admit" },
	{ "readme", KEY_WORDS,
	    .doc = "README files read for versions when no dependency is declared" },
	{ .name = NULL }
};

const struct rule_type rule_python_dependency = {
	.name = "python-dependency",
	.summary = "the declared dependency on a package admits given versions",
	.keys = pydep_keys,
	.parse = pydep_parse,
	.check = pydep_check,
};

static int
pydep_parse(struct rule *r)
{
	const struct rule_key *k;
	struct pep440_version v = PEP440_VERSION_INIT;
	struct strbuf err = STRBUF_INIT;
	size_t i;

	k = rule_key(r, "admit");
	for (i = 0; k != NULL && i < k->n; i++) {
		if (pep440_parse(k->v[i].value, &v, &err) != 0) {
			rule_value_error(r, "admit", i, "%s", err.buf);
			strbuf_release(&err);
			return -1;
		}
		pep440_version_clear(&v);
	}
	strbuf_release(&err);
	return 0;
}

static int
key_has(const struct rule_key *k, const char *name)
{
	size_t i;

	for (i = 0; k != NULL && i < k->n; i++)
		if (pep503_name_eq(k->v[i].value, name))
			return 1;
	return 0;
}

/* Whether a dependency is on the rule's package. */
static int
dep_matches(const struct rule *r, const struct pydep *d)
{
	if (key_has(rule_key(r, "package"), d->key))
		return 1;
	return d->kind == PYDEP_CONDA && key_has(rule_key(r,
	    "conda_package"), d->key);
}

/* "2.15 and 2.14", "2.15, 2.14 and 2.13" of the admit versions in mask. */
static void
list_admit(const struct rule_key *admit, unsigned long mask,
    struct strbuf *sb)
{
	list_join(admit, mask, " and ", sb);
}

/* The admit versions in mask, the last two joined by conj (" or "). */
static void
list_join(const struct rule_key *admit, unsigned long mask,
    const char *conj, struct strbuf *sb)
{
	size_t i, n = 0, total = 0;

	for (i = 0; i < admit->n && i < 64; i++)
		if (mask & (1UL << i))
			total++;
	for (i = 0; i < admit->n && i < 64; i++) {
		if (!(mask & (1UL << i)))
			continue;
		if (n > 0)
			strbuf_addstr(sb, n + 1 == total ? conj : ", ");
		strbuf_addstr(sb, admit->v[i].value);
		n++;
	}
}

/* The admit versions a spec excludes, as a bit mask. */
static unsigned long
excluded(const struct rule_key *admit, const struct pep440_spec *spec)
{
	struct pep440_version v = PEP440_VERSION_INIT;
	unsigned long mask = 0;
	size_t i;

	for (i = 0; i < admit->n && i < 64; i++) {
		if (pep440_parse(admit->v[i].value, &v, NULL) != 0)
			continue;
		if (!pep440_spec_admits(spec, &v, PEP440_PRE_DEFAULT))
			mask |= 1UL << i;
		pep440_version_clear(&v);
	}
	return mask;
}

/* Whether a spec is one exact pin (==V, no wildcard, or ===V). */
static int
exact_pin(const struct pep440_spec *spec)
{
	return spec->n == 1 && ((spec->clause[0].op == PEP440_EQ &&
	    !spec->clause[0].wildcard) || spec->clause[0].op ==
	    PEP440_ARBITRARY);
}

/* "torch>=2.0 (pyproject.toml:12, optional extra 'gpu')" */
static void
describe_dep(const struct pydep *d, struct strbuf *sb)
{
	strbuf_addf(sb, "%s%s%s (%s:%d", d->key, d->spec_text[0] == '@' ?
	    " " : "", d->spec_text[0] != '\0' ? d->spec_text :
	    " with no version constraint", d->path, d->line);
	if (d->kind == PYDEP_OPTIONAL || d->kind == PYDEP_GROUP)
		strbuf_addf(sb, ", %s '%s'", pydep_kind_name(d->kind),
		    d->group != NULL ? d->group : "?");
	else if (d->kind == PYDEP_BUILD)
		strbuf_addstr(sb, ", build requirement");
	strbuf_addch(sb, ')');
}

/*
 * A named constraint as the version it names, when it says that version
 * works (==2.14.0, >=2.14, ~=2.15, <=2.15.1; not <2.15 or !=2.14): a
 * README's "PyTorch >= 1.6" admits 2.14 but says nothing of testing it.
 */
static void
named_series(struct named *x)
{
	size_t ops;
	char *t;

	ops = strspn(x->text, "<>=~!");
	if (ops == 0)
		return;
	if (x->text[0] == '!' || (x->text[0] == '<' && x->text[1] != '='))
		x->text[0] = '\0';
	else {
		t = xstrdup(x->text + ops);
		free(x->text);
		x->text = t;
	}
}

/*
 * Which admit series (bits) the constraint of d names itself (>=2.14,
 * ~=2.15) or the CI and README name (ci_named(), named_versions()); the
 * versions of the CI and README are listed into sb.
 */
static unsigned long
dep_covered(const struct rule *r, struct check_ctx *ctx,
    const struct pymeta *m, const struct pydep *d, struct finding *f,
    struct strbuf *sb)
{
	struct nameds ns = { NULL, 0, 0 }, own = { NULL, 0, 0 };
	struct strbuf v = STRBUF_INIT;
	unsigned long covered, own_covered, ci_covered;
	size_t i;

	for (i = 0; i < d->spec->n; i++) {
		if (d->spec->clause[i].op == PEP440_ARBITRARY)
			continue;
		strbuf_reset(&v);
		pep440_str(&d->spec->clause[i].v, &v);
		named_add(&own, v.buf, v.len, "the constraint", d->path,
		    d->line);
	}
	(void)named_cover(rule_key(r, "admit"), &own, &own_covered,
	    &ci_covered);
	(void)ci_named(ctx, &ns, f);
	(void)named_versions(r, ctx, m, &ns);
	named_list(f, &ns, sb);
	for (i = 0; i < ns.n; i++)
		named_series(&ns.v[i]);
	(void)named_cover(rule_key(r, "admit"), &ns, &covered, &ci_covered);
	nameds_clear(&own);
	nameds_clear(&ns);
	strbuf_release(&v);
	return covered | own_covered;
}

/*
 * Every version admitted by d: a pass when something in the repository
 * names one of them (dep_covered()), a warning if only optional or when
 * nothing does (a constraint with no upper bound admits releases nobody
 * tested).
 */
static void
judge_admitted(const struct rule *r, struct check_ctx *ctx,
    const struct pymeta *m, struct finding *f, const struct pydep *d,
    int optional)
{
	const struct rule_key *admit;
	struct strbuf sb = STRBUF_INIT, ex = STRBUF_INIT, nv = STRBUF_INIT;
	struct strbuf or = STRBUF_INIT;

	admit = rule_key(r, "admit");
	describe_dep(d, &sb);
	list_admit(admit, ~0UL, &ex);
	list_join(admit, ~0UL, " or ", &or);
	if (optional) {
		finding_result(f, RESULT_FAIL, "%s only in an optional extra "
		    "or group: %s admits %s, but a plain install does not get "
		    "it", d->key, sb.buf, ex.buf);
		finding_cap_level(f, LEVEL_WARNING);
		finding_fix(f, "declare %s in [project] dependencies (or say "
		    "in the README why users install it themselves)", d->key);
	} else if (dep_covered(r, ctx, m, d, f, &nv) == 0) {
		finding_result(f, RESULT_FAIL, "%s admits %s, but nothing in "
		    "the repository says it was tested with %s: %s%s", sb.buf,
		    ex.buf, or.buf, nv.len > 0 ? "the CI and README name " :
		    "the CI and README name no version of it", nv.buf);
		finding_cap_level(f, LEVEL_WARNING);
		finding_fix(f, "test %s in the CI matrix (or name them in the "
		    "README, or in the constraint at %s:%d)", ex.buf, d->path,
		    d->line);
	} else
		finding_result(f, RESULT_PASS, "%s admits %s", sb.buf, ex.buf);
	strbuf_release(&sb);
	strbuf_release(&ex);
	strbuf_release(&nv);
	strbuf_release(&or);
}

/*
 * Judge the declarations of one tier. Returns 1 when it decided the
 * finding.
 */
static int
judge_deps(const struct rule *r, struct check_ctx *ctx,
    const struct pymeta *m, struct finding *f, const struct pydep **v,
    size_t n, int optional)
{
	const struct rule_key *admit;
	struct strbuf sb = STRBUF_INIT, ex = STRBUF_INIT;
	unsigned long mask;
	size_t i;
	const struct pydep *bad = NULL, *unk = NULL;
	unsigned long badmask = 0;

	admit = rule_key(r, "admit");
	for (i = 0; i < n; i++) {
		finding_evidence(f, v[i]->path, v[i]->line, NULL);
		if (v[i]->spec == NULL) {
			if (unk == NULL)
				unk = v[i];
			continue;
		}
		mask = excluded(admit, v[i]->spec);
		if (mask != 0 && bad == NULL) {
			bad = v[i];
			badmask = mask;
		}
	}
	if (bad != NULL) {
		describe_dep(bad, &sb);
		list_admit(admit, badmask, &ex);
		if (exact_pin(bad->spec))
			finding_result(f, RESULT_FAIL, "%s is pinned to %s, "
			    "which excludes %s", bad->key, sb.buf +
			    strlen(bad->key), ex.buf);
		else
			finding_result(f, RESULT_FAIL, "%s excludes %s",
			    sb.buf, ex.buf);
		finding_fix(f, "allow %s in the constraint on %s at %s:%d",
		    ex.buf, bad->key, bad->path, bad->line);
	} else if (unk != NULL) {
		describe_dep(unk, &sb);
		finding_result(f, RESULT_UNKNOWN, "%s: the version constraint "
		    "cannot be known (%s)", sb.buf, unk->note);
		f->judgment = 1;
	} else
		judge_admitted(r, ctx, m, f, v[0], optional);
	for (i = 0; i < n; i++) {
		if (v[i] == bad || v[i] == unk || (bad == NULL && unk ==
		    NULL && i == 0))
			continue;
		strbuf_reset(&sb);
		describe_dep(v[i], &sb);
		finding_detail(f, "also declared: %s", sb.buf);
	}
	strbuf_release(&sb);
	strbuf_release(&ex);
	return 1;
}

static void
named_add(struct nameds *ns, const char *text, size_t len,
    const char *where, const char *path, int line)
{
	struct named *x;

	if (ns->n == ns->alloc) {
		ns->alloc = ns->alloc ? ns->alloc * 2 : 8;
		ns->v = xreallocarray(ns->v, ns->alloc, sizeof(*ns->v));
	}
	x = &ns->v[ns->n++];
	x->text = xstrndup(text, len);
	x->where = where;
	x->path = xstrdup(path);
	x->line = line;
}

static void
nameds_clear(struct nameds *ns)
{
	size_t i;

	for (i = 0; i < ns->n; i++) {
		free(ns->v[i].text);
		free(ns->v[i].path);
	}
	free(ns->v);
}

/*
 * Versions of torch a README names: "torch>=2.1", "PyTorch 2.4",
 * "PyTorch 2.0+", "pytorch==2.3.1", "PyTorch version 2.2". Returns
 * whether the text mentions torch at all.
 */
static int
readme_versions(const char *text, size_t len, const char *path,
    struct nameds *ns)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i, j, k, ops;
	int seen = 0, line = 1;

	for (i = 0; i + 5 <= len; i++) {
		if (text[i] == '\n')
			line++;
		if (strncasecmp(text + i, "torch", 5) != 0 || (i > 0 &&
		    (isalnum((unsigned char)text[i - 1]) && !(i >= 2 &&
		    strncasecmp(text + i - 2, "py", 2) == 0))))
			continue;
		seen = 1;
		j = i + 5;
		if (j < len && (isalnum((unsigned char)text[j]) || text[j] ==
		    '_' || text[j] == '-' || text[j] == '.'))
			continue;
		while (j < len && text[j] == ' ')
			j++;
		if (j + 8 <= len && strncasecmp(text + j, "version ", 8) == 0)
			j += 8;
		ops = j;
		while (j < len && strchr("<>=~!", text[j]) != NULL)
			j++;
		ops = j - ops;
		while (j < len && text[j] == ' ')
			j++;
		if (j < len && (text[j] == 'v' || text[j] == 'V') && ops == 0)
			j++;
		for (k = j; k < len && (isdigit((unsigned char)text[k]) ||
		    (text[k] == '.' && k + 1 < len &&
		    isdigit((unsigned char)text[k + 1]))); k++)
			;
		/* a version has a dot: "PyTorch 2" is prose, "2.1" is not */
		if (k == j || memchr(text + j, '.', k - j) == NULL)
			continue;
		strbuf_reset(&sb);
		if (ops > 0) {
			const char *o = text + j;

			while (o > text + i + 5 && strchr("<>=~!", o[-1]) ==
			    NULL)
				o--;
			strbuf_add(&sb, o - ops, ops);
		} else if (k < len && text[k] == '+')
			strbuf_addstr(&sb, ">=");
		strbuf_add(&sb, text + j, k - j);
		named_add(ns, sb.buf, sb.len, "the README", path, line);
	}
	strbuf_release(&sb);
	return seen;
}

/* Whether a named version or constraint covers the admit version a. */
static int
named_covers(const struct named *x, const struct pep440_version *a)
{
	struct pep440_spec *spec;
	struct pep440_version v = PEP440_VERSION_INIT;
	struct strbuf sb = STRBUF_INIT;
	int ok = 0;
	size_t i;

	if (strchr("<>=~!", x->text[0]) != NULL) {
		if (pep440_spec_parse(x->text, &spec, NULL) == 0) {
			ok = pep440_spec_admits(spec, a, PEP440_PRE_DEFAULT);
			pep440_spec_free(spec);
		}
		return ok;
	}
	/* A version names its series: 2.14.1 and 2.14 cover 2.14. */
	strbuf_addstr(&sb, x->text);
	while (sb.len > 0 && (sb.buf[sb.len - 1] == '*' || sb.buf[sb.len -
	    1] == '.'))
		strbuf_setlen(&sb, sb.len - 1);
	if (pep440_parse(sb.buf, &v, NULL) == 0 && v.nrelease >= 2 &&
	    a->nrelease >= 2) {
		ok = 1;
		for (i = 0; i < 2; i++)
			if (v.release[i].len != a->release[i].len ||
			    memcmp(v.s + v.release[i].off, a->s +
			    a->release[i].off, v.release[i].len) != 0)
				ok = 0;
	}
	pep440_version_clear(&v);
	strbuf_release(&sb);
	return ok;
}

struct pyscan {
	struct check_ctx	*ctx;
	int			 n;
	int			 found;
	char			*path;
};

/*
 * Whether buf has "import torch" or "from torch" at the start of a line
 * or after a space, the module's name ending there or at a dot, comma,
 * semicolon or space. Each "torch" is found with memmem() and the words
 * before it checked: a scan of every line start would cost more than
 * reading the file.
 */
static int
imports_torch(const char *buf, size_t len)
{
	static const char *const kw[] = { "import ", "from " };
	const char *p, *end = buf + len, *start;
	size_t i, n;

	for (p = buf; (p = memmem(p, (size_t)(end - p), "torch", 5)) != NULL;
	    p += 5) {
		if (p + 5 < end && strchr(" .,\n\r;", p[5]) == NULL)
			continue;
		for (i = 0; i < 2; i++) {
			n = strlen(kw[i]);
			if ((size_t)(p - buf) < n ||
			    memcmp(start = p - n, kw[i], n) != 0)
				continue;
			if (start == buf || start[-1] == '\n' ||
			    start[-1] == ' ')
				return 1;
		}
	}
	return 0;
}

/* Whether a Python file imports torch. */
static int
import_cb(const struct tree_entry *e, void *arg)
{
	struct pyscan *s = arg;
	const char *buf;
	size_t len;
	int trunc;

	if (s->n++ >= PY_SCAN_FILES)
		return 1;
	if (ctx_read(s->ctx, e, PY_SCAN_BYTES, CTX_READ_TEXT, NULL, &buf,
	    &len, &trunc) != 0 || !imports_torch(buf, len))
		return 0;
	s->found = 1;
	s->path = xstrdup(e->path);
	return 1;
}

/*
 * The torch versions the CI names (the CI model, ci.h: one rule for
 * every rule that asks), added to ns; a CI file that could not be read
 * is a detail of f. The number added.
 */
static size_t
ci_named(struct check_ctx *ctx, struct nameds *ns, struct finding *f)
{
	const struct ci_scan *scan;
	const struct ci_hit *h;
	size_t i, j, n;

	if ((scan = ctx_ci(ctx, NULL)) == NULL)
		return 0;
	for (i = 0, n = 0; i < scan->n; i++) {
		for (j = 0; j < scan->v[i].f->torch.n; j++, n++) {
			h = &scan->v[i].f->torch.v[j];
			named_add(ns, h->what, strlen(h->what), "the CI",
			    scan->v[i].path, h->line);
		}
		if (scan->v[i].f->error != NULL)
			finding_detail(f, "%s:%d: %s", scan->v[i].path,
			    scan->v[i].f->error_line, scan->v[i].f->error);
	}
	ci_scan_refused_details(ctx, scan, f);
	return n;
}

/*
 * The versions the first README found names, into ns: whether it
 * mentions the package at all.
 */
static int
named_versions(const struct rule *r, struct check_ctx *ctx,
    const struct pymeta *m, struct nameds *ns)
{
	static const char *const readmes[] = { "README.md", "README.rst",
	    "README.txt", "README", NULL };
	const struct rule_key *rk;
	const struct tree_entry *e;
	const char *buf, *name;
	size_t i, len;
	int trunc;

	rk = rule_key(r, "readme");
	for (i = 0; rk != NULL ? i < rk->n : readmes[i] != NULL; i++) {
		name = rk != NULL ? rk->v[i].value : readmes[i];
		if ((e = tree_lookup(ctx_tree(ctx), name, 1)) == NULL ||
		    ctx_read(ctx, e, README_MAX, CTX_READ_TEXT, NULL, &buf,
		    &len, &trunc) != 0)
			continue;
		return readme_versions(buf, len, e->path, ns);
	}
	return 0;
}

/*
 * Which admitted series (bits of all) the versions named cover, and
 * which of them the CI covers.
 */
static unsigned long
named_cover(const struct rule_key *admit, const struct nameds *ns,
    unsigned long *covered, unsigned long *ci_covered)
{
	struct pep440_version a = PEP440_VERSION_INIT;
	unsigned long all = 0;
	size_t i, j;

	*covered = *ci_covered = 0;
	for (i = 0; i < admit->n && i < 64; i++) {
		all |= 1UL << i;
		if (pep440_parse(admit->v[i].value, &a, NULL) != 0)
			continue;
		for (j = 0; j < ns->n; j++)
			if (named_covers(&ns->v[j], &a)) {
				*covered |= 1UL << i;
				if (strcmp(ns->v[j].where, "the CI") == 0)
					*ci_covered |= 1UL << i;
			}
		pep440_version_clear(&a);
	}
	return all;
}

/* The versions named as evidence, and the first six into sb. */
static void
named_list(struct finding *f, const struct nameds *ns, struct strbuf *sb)
{
	size_t j;

	for (j = 0; j < ns->n; j++) {
		finding_evidence(f, ns->v[j].path, ns->v[j].line, NULL);
		if (j < 6)
			strbuf_addf(sb, "%s%s (%s, %s:%d)", j ? ", " : "",
			    ns->v[j].text, ns->v[j].where, ns->v[j].path,
			    ns->v[j].line);
	}
	if (ns->n > 6)
		strbuf_addf(sb, " and %zu more", ns->n - 6);
}

/*
 * Not declared and no version named: unknown if there is a sign of it
 * (seen in the README, imported, a computed list, a file not read),
 * else a failure.
 */
static void
judge_unnamed(struct check_ctx *ctx, const struct pymeta *m,
    struct finding *f, const char *pkg, int seen)
{
	struct pyscan ps = { ctx, 0, 0, NULL };

	if (!seen)
		tree_glob(ctx_tree(ctx), "**/*.py", 0, import_cb, &ps);
	if (seen || ps.found || m->computed > 0) {
		f->judgment = 1;
		finding_result(f, RESULT_UNKNOWN, "%s is not declared as a "
		    "dependency, and neither the CI matrix nor the README "
		    "names a version of it (%s): a person decides", pkg,
		    seen ? "the README mentions it" : ps.found ? "imported "
		    "in Python files" : "the dependency list is computed by "
		    "code");
		if (ps.path != NULL)
			finding_evidence(f, ps.path, 0, "imports it");
	} else if (m->problems.n > 0) {
		f->judgment = 1;
		finding_result(f, RESULT_UNKNOWN, "no dependency on %s was "
		    "read, but a packaging file could not be: %s", pkg,
		    m->problems.v[0]);
	} else if (ci_unread(ctx, f, pkg))
		;
	else
		finding_result(f, RESULT_FAIL, "a Python project with no sign "
		    "of %s: no dependency declared (%zu packaging files "
		    "read), no version in the CI or the README, no import",
		    pkg, m->files.n);
	finding_fix(f, "declare %s in [project] dependencies with a "
	    "constraint admitting the latest releases", pkg);
	free(ps.path);
}

/*
 * The files of the Python project that could not be read, once the
 * declarations of tier t decided: a file that outranks them (the
 * package's own metadata over requirements and conda files, any of them
 * over extras and groups) may declare pkg otherwise, so f becomes
 * unknown for a person, saying what the judge says of it; the others are
 * details of a result that stands.
 */
static void
judge_unread(struct check_ctx *ctx, const struct pymeta *m,
    struct finding *f, const char *pkg, size_t t)
{
	struct strbuf msg = STRBUF_INIT, why = STRBUF_INIT;
	unsigned above;

	above = t == 0 ? 0 : t == 1 ? PYFILE_METADATA : PYFILE_ALL;
	if (above == 0 || pymeta_unread(ctx, m, above, f, &why) == 0) {
		(void)pymeta_unread(ctx, m, PYFILE_ALL, f, NULL);
		strbuf_release(&why);
		return;
	}
	strbuf_addstr(&msg, f->message != NULL ? f->message : "");
	f->judgment = 1;
	finding_result(f, RESULT_UNKNOWN, "%s; but a packaging file that may "
	    "declare %s otherwise could not be read: %s", msg.buf, pkg,
	    why.buf);
	strbuf_release(&msg);
	strbuf_release(&why);
}

/*
 * Whether a CI file that could name versions of pkg could not be read (a
 * link, unreadable, binary): then f is unknown in the read judge's words,
 * for a person to look at, and 1.
 */
static int
ci_unread(struct check_ctx *ctx, struct finding *f, const char *pkg)
{
	const struct ci_scan *scan;
	struct strbuf why = STRBUF_INIT;

	if ((scan = ctx_ci(ctx, NULL)) == NULL || scan->nrefused == 0)
		return 0;
	(void)ci_scan_refused(ctx, scan, f, &why);
	f->judgment = 1;
	finding_result(f, RESULT_UNKNOWN, "no dependency on %s was read, and "
	    "a CI file that may name its versions could not be: %s", pkg,
	    why.buf);
	strbuf_release(&why);
	return 1;
}

/* No dependency declared: the CI matrix and the README decide. */
static void
judge_named(const struct rule *r, struct check_ctx *ctx,
    const struct pymeta *m, struct finding *f, const char *pkg)
{
	const struct rule_key *admit;
	struct nameds ns = { NULL, 0, 0 };
	struct strbuf sb = STRBUF_INIT, ex = STRBUF_INIT;
	unsigned long covered, all, ci_covered;
	size_t nci;
	int seen;

	admit = rule_key(r, "admit");
	nci = ci_named(ctx, &ns, f);
	seen = named_versions(r, ctx, m, &ns);
	all = named_cover(admit, &ns, &covered, &ci_covered);
	named_list(f, &ns, &sb);
	if (ns.n > 0 && covered == all && nci > 0 && ci_covered == 0) {
		/* The README admits them; the CI pins older releases only. */
		list_admit(admit, all, &ex);
		finding_result(f, RESULT_FAIL, "%s is not declared as a "
		    "dependency; the README admits %s, but the CI tests "
		    "none of them: %s", pkg, ex.buf, sb.buf);
		finding_cap_level(f, LEVEL_WARNING);
		finding_fix(f, "test %s in the CI matrix", ex.buf);
	} else if (ns.n > 0 && covered == all) {
		list_admit(admit, all, &ex);
		finding_result(f, RESULT_PASS, "%s is not declared as a "
		    "dependency; the versions named cover %s: %s", pkg,
		    ex.buf, sb.buf);
	} else if (ns.n > 0) {
		list_admit(admit, all & ~covered, &ex);
		finding_result(f, RESULT_FAIL, "%s is not declared as a "
		    "dependency, and the versions the CI and README name "
		    "leave out %s: %s", pkg, ex.buf, sb.buf);
		if (covered != 0)
			finding_cap_level(f, LEVEL_WARNING);
		finding_fix(f, "test %s in the CI matrix and say so in the "
		    "README, or declare %s with a constraint admitting them",
		    ex.buf, pkg);
	} else
		judge_unnamed(ctx, m, f, pkg, seen);
	nameds_clear(&ns);
	strbuf_release(&sb);
	strbuf_release(&ex);
}

static int
pydep_check(const struct rule *r, struct check_ctx *ctx, struct finding *f)
{
	const struct pymeta *m;
	const struct pydep **tier[3];
	size_t n[3] = { 0, 0, 0 }, i, t;
	const struct pydep *d;
	const char *pkg;

	m = pymeta_get(ctx);
	pkg = rule_key(r, "package")->v[0].value;
	if (!m->python) {
		finding_result(f, RESULT_SKIP, "not a Python project: no "
		    "pyproject.toml, setup.py, setup.cfg, requirements or "
		    "conda file, no *.py file");
		return 0;
	}
	for (t = 0; t < 3; t++)
		tier[t] = xcalloc(m->ndeps + 1, sizeof(*tier[t]));
	for (i = 0; i < m->ndeps; i++) {
		d = &m->deps[i];
		if (!dep_matches(r, d))
			continue;
		if (d->kind == PYDEP_OPTIONAL || d->kind == PYDEP_GROUP)
			t = 2;
		else if (d->metadata)
			t = 0;
		else
			t = 1;
		tier[t][n[t]++] = d;
	}
	/* The package's run-time requirements before its build ones. */
	for (i = 0, t = 0; i < n[0]; i++)
		if (tier[0][i]->kind != PYDEP_BUILD)
			tier[0][t++] = tier[0][i];
	for (i = 0; i < m->ndeps; i++)
		if (dep_matches(r, &m->deps[i]) && m->deps[i].kind ==
		    PYDEP_BUILD && m->deps[i].metadata)
			tier[0][t++] = &m->deps[i];
	for (t = 0; t < 3; t++)
		if (n[t] > 0)
			break;
	if (t < 3) {
		judge_deps(r, ctx, m, f, tier[t], n[t], t == 2);
		judge_unread(ctx, m, f, pkg, t);
	} else if (!pymeta_judge(ctx, m, PYFILE_ALL, f))
		judge_named(r, ctx, m, f, pkg);	/* else a file not read may */
	for (i = 0; i < m->problems.n; i++)
		finding_detail(f, "%s", m->problems.v[i]);
	for (t = 0; t < 3; t++)
		free(tier[t]);
	return 0;
}
