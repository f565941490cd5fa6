/*
 * rule-codeowners.c: the "codeowners" rule type: a CODEOWNERS file where
 * GitHub reads it, that GitHub accepts, naming enough owners, checked
 * against the tree, with retired committers documented.
 *
 * GitHub uses the first of .github/CODEOWNERS, CODEOWNERS and
 * docs/CODEOWNERS; the others are reported as ignored. A file of 3 MiB
 * or more is not loaded by GitHub; a CODEOWNERS.md is not read at all
 * (a warning). Lines GitHub refuses (codeowners.c) fail the rule with
 * file:line:col. Against the tree: patterns that match no file, that
 * never apply (every file they match has a later matching pattern),
 * repeated patterns, lines without owners, and the files nobody owns
 * are details. No file owned at all, or no retired committers found
 * when the rule asks for them, fail at level warning at most (a
 * Caution). Owners given by email who authored no commit in the last
 * inactive_days are listed as possibly inactive.
 */
#include "config.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ascii.h"
#include "read/codeowners.h"
#include "ctx-people.h"
#include "ctx.h"
#include "finding.h"
#include "history.h"
#include "rules.h"
#include "strbuf.h"
#include "timeutil.h"
#include "tree.h"
#include "xalloc.h"

#define SHOW_ERRORS	10	/* syntax errors listed as details */
#define SHOW_MESSAGE	3	/* and named in the message */
#define SHOW_PATHS	5	/* unowned paths named */
#define SHOW_RULES	20	/* pattern notes listed */
/* of a MAINTAINERS or GOVERNANCE: as much as the people are read from */
#define DOC_BYTES	CTX_PEOPLE_MAX_BYTES
#define INACTIVE_DAYS	365

/* What walking the tree found. */
/* An owner's name without case, for counting them. */
struct owner_key {
	char		*name;
	int		 kind;
	size_t		 order;		/* of mention */
};

struct walk {
	const struct co_file	*co;
	struct co_index		*idx;
	unsigned char		*matched;	/* a rule matches some file */
	unsigned char		*owns;		/* a rule is some file's owner */
	size_t			 files;
	size_t			 unowned;	/* no rule, or a rule without owners */
	size_t			 owned;
	struct strvec		 first;		/* the first unowned paths */
};

static int	 co_check(const struct rule *, struct check_ctx *,
		    struct finding *);
static const struct tree_entry *co_locate(const struct rule *,
		    struct check_ctx *, struct finding *, struct strbuf *,
		    struct strvec *);
static int	 co_errors(const struct tree_entry *, const struct co_file *,
		    struct finding *);
static size_t	 co_owners(const struct co_file *, size_t *);
static int	 owner_key_cmp(const void *, const void *);
static void	 co_limits(const struct tree_entry *, const struct co_file *,
		    struct finding *);
static int	 walk_cb(const struct tree_entry *, void *);
static int	 by_pattern(const void *, const void *);
static int	 co_too_large(const struct tree_entry *, uint64_t,
		    struct finding *);
static void	 co_judge(const struct rule *, const struct tree_entry *,
		    const struct co_file *, const struct walk *, int,
		    const char *, struct finding *);
static void	 co_look(const struct tree *, const char *, const char *,
		    const struct tree_entry **, struct strbuf *,
		    struct strvec *, struct strvec *, struct finding *);
static void	 co_near_miss(const char *, const char *, struct finding *);
static size_t	*repeated(const struct co_file *);
static void	 pattern_note(const struct co_file *, const struct walk *,
		    size_t, size_t, struct strbuf *);
static void	 co_tree(const struct tree_entry *, struct check_ctx *,
		    const struct co_file *, struct finding *, struct walk *);
static int	 retired_word(const char *);
static int	 co_retired(const struct rule *, struct check_ctx *,
		    const struct tree_entry *, const struct co_file *,
		    struct finding *, struct strbuf *);
static void	 co_inactive(const struct rule *, struct check_ctx *,
		    const struct co_file *, struct finding *);

static const struct rule_key_spec codeowners_keys[] = {
	{ "path", KEY_WORDS, .doc = "file names GitHub reads (default "
	    "CODEOWNERS)" },
	{ "dirs", KEY_WORDS, .doc = "directories in GitHub's order (default "
	    ".github . docs)" },
	{ "min_owners", KEY_INT, .flags = KEYF_REPO, .min = 0, .max = 100000,
	    .doc = "distinct owners needed (default 1; a team counts one)" },
	{ "retired", KEY_BOOL, .flags = KEYF_REPO,
	    .doc = "retired committers must be documented (a warning)" },
	{ "retired_files", KEY_WORDS, .doc = "documents that may list them "
	    "besides CODEOWNERS comments" },
	{ "inactive_days", KEY_INT, .flags = KEYF_REPO, .min = 0,
	    .max = 36500, .doc = "email owners with no commit in these days "
	    "are listed (0: off; default 365)" },
	{ .name = NULL }
};

const struct rule_type rule_codeowners = {
	.name = "codeowners",
	.summary = "CODEOWNERS where GitHub reads it, valid, with owners",
	.keys = codeowners_keys,
	.check = co_check,
};

/* By enum co_owner kind. */
static const char *const kind_names[] = { "user", "team", "email" };
static const char *const default_dirs[] = { ".github", ".", "docs", NULL };
/* The name GitHub reads, unless path says otherwise. */
static const char *const def_names[] = { "CODEOWNERS", NULL };
static const char *const default_retired[] = {
	"MAINTAINERS.md", "MAINTAINERS.rst", "MAINTAINERS", "GOVERNANCE.md",
	"GOVERNANCE.rst", NULL
};

/* The i-th value of key k, or of the defaults; NULL past the last. */
static const char *
value_at(const struct rule_key *k, const char *const *def, size_t i)
{
	if (k != NULL && k->n > 0)
		return i < k->n ? k->v[i].value : NULL;
	return def[i];
}

static char *
join_path(const char *dir, const char *name)
{
	if (strcmp(dir, ".") == 0 || *dir == '\0')
		return xstrdup(name);
	return xasprintf("%s/%s", dir, name);
}

/*
 * The CODEOWNERS GitHub uses: the first name of path found in dirs, in
 * order; the others found are details, and in ignored. NULL when there is none (f is
 * filled: not found, or only a name GitHub does not read).
 */
static const struct tree_entry *
co_locate(const struct rule *r, struct check_ctx *ctx, struct finding *f,
    struct strbuf *looked, struct strvec *ignored)
{
	const struct rule_key *kn, *kd;
	struct strvec near = STRVEC_INIT;
	const struct tree_entry *used;
	const char *d, *n;
	size_t i, j;

	kn = rule_key(r, "path");
	kd = rule_key(r, "dirs");
	used = NULL;
	for (i = 0; (d = value_at(kd, default_dirs, i)) != NULL; i++)
		for (j = 0; (n = value_at(kn, def_names, j)) != NULL; j++)
			co_look(ctx_tree(ctx), d, n, &used, looked, ignored,
			    &near, f);
	for (i = 0; used != NULL && i < near.n; i++)
		finding_detail(f, "%s is not read by GitHub", near.v[i]);
	if (used == NULL && near.n > 0)
		co_near_miss(near.v[0], value_at(kn, def_names, 0), f);
	else if (used == NULL && !ctx_not_found(ctx, f, looked->buf)) {
		finding_result(f, RESULT_FAIL, "no CODEOWNERS (looked for %s)",
		    looked->buf);
		if (r->help == NULL)
			finding_fix(f, "add .github/CODEOWNERS naming who owns "
			    "which part of the code");
	}
	strvec_clear(&near);
	return used;
}

/*
 * Look for name in dir: the first found is *used, a later one ignored
 * (as GitHub ignores it); names GitHub does not read (name.md, another
 * case) go to near.
 */
static void
co_look(const struct tree *t, const char *dir, const char *name,
    const struct tree_entry **used, struct strbuf *looked,
    struct strvec *ignored, struct strvec *near, struct finding *f)
{
	const struct tree_entry *e;
	char *p, *q;

	p = join_path(dir, name);
	if (looked->len > 0)
		strbuf_addstr(looked, ", ");
	strbuf_addstr(looked, p);
	if ((e = tree_lookup(t, p, 0)) != NULL && *used == NULL)
		*used = e;
	else if (e != NULL) {
		finding_detail(f, "%s is ignored: GitHub uses %s, the first "
		    "found", e->path, (*used)->path);
		strvec_push(ignored, e->path);
	}
	q = xasprintf("%s.md", p);
	if ((e = tree_lookup(t, q, 1)) != NULL)
		strvec_push(near, e->path);
	if ((e = tree_lookup(t, p, 1)) != NULL && strcmp(e->path, p) != 0)
		strvec_push(near, e->path);
	free(q);
	free(p);
}

/* Only a name GitHub does not read was found: a warning to rename it. */
static void
co_near_miss(const char *path, const char *name, struct finding *f)
{
	char *p, *q;

	finding_result(f, RESULT_FAIL, "%s is not read by GitHub, which "
	    "reads only a file named exactly %s", path, name);
	finding_evidence(f, path, 0, "not read by GitHub");
	finding_cap_level(f, LEVEL_WARNING);
	p = xstrdup(path);
	if ((q = strrchr(p, '/')) != NULL)
		q[1] = '\0';
	else
		*p = '\0';
	finding_fix(f, "rename %s to %s%s", path, p, name);
	free(p);
}

/* Syntax errors: a failure naming the first few. 1 when there are any. */
static int
co_errors(const struct tree_entry *e, const struct co_file *co,
    struct finding *f)
{
	const struct co_error *x;
	struct strbuf sb = STRBUF_INIT;
	size_t i, lines;

	if (co->nerrors == 0)
		return 0;
	for (i = 0; i < co->nerrors && i < SHOW_MESSAGE; i++) {
		x = &co->errors[i];
		strbuf_addf(&sb, "%s%s:%d:%d: %s", i > 0 ? "; " : "", e->path,
		    x->line, x->col, x->message);
	}
	if (co->nerrors > SHOW_MESSAGE)
		strbuf_addf(&sb, "; and %zu more", co->nerrors - SHOW_MESSAGE);
	/* Errors come in line order: count the lines. */
	for (i = 0, lines = 0; i < co->nerrors; i++)
		if (i == 0 || co->errors[i].line != co->errors[i - 1].line)
			lines++;
	finding_result(f, RESULT_FAIL, "%zu line%s of %s GitHub skips as "
	    "invalid: %s", lines, lines == 1 ? "" : "s", e->path, sb.buf);
	for (i = 0; i < co->nerrors && i < SHOW_ERRORS; i++) {
		x = &co->errors[i];
		finding_detail(f, "%s:%d:%d: %s", e->path, x->line, x->col,
		    x->message);
		if (i < SHOW_MESSAGE)
			finding_evidence(f, e->path, x->line, "invalid");
	}
	finding_fix(f, "correct the lines GitHub refuses (%s:%d first)",
	    e->path, co->errors[0].line);
	strbuf_release(&sb);
	return 1;
}

/* Distinct owners (without case); kinds[] counts them by kind. */
static size_t
co_owners(const struct co_file *co, size_t *kinds)
{
	struct owner_key *keys;
	size_t i, j, n, distinct;
	char *p;

	kinds[CO_USER] = kinds[CO_TEAM] = kinds[CO_EMAIL] = 0;
	keys = NULL;
	n = 0;
	for (i = 0; i < co->nrules; i++)
		n += co->rules[i].nowners;
	if (n == 0)
		return 0;
	keys = xcalloc(n, sizeof(*keys));
	n = 0;
	for (i = 0; i < co->nrules; i++)
		for (j = 0; j < co->rules[i].nowners; j++, n++) {
			keys[n].name = xstrdup(co->rules[i].owners[j].name);
			for (p = keys[n].name; *p != '\0'; p++)
				*p = (char)ascii_tolower((unsigned char)*p);
			keys[n].kind = co->rules[i].owners[j].kind;
			keys[n].order = n;
		}
	/* sorted, so that counting them is n log n, not n squared */
	qsort(keys, n, sizeof(*keys), owner_key_cmp);
	distinct = 0;
	for (i = 0; i < n; i++) {
		if (i == 0 || strcmp(keys[i].name, keys[i - 1].name) != 0) {
			distinct++;
			kinds[keys[i].kind]++;
		}
	}
	for (i = 0; i < n; i++)
		free(keys[i].name);
	free(keys);
	return distinct;
}

/* By name; the same name keeps its kind of first mention first. */
static int
owner_key_cmp(const void *a, const void *b)
{
	const struct owner_key *x = a, *y = b;
	int c;

	if ((c = strcmp(x->name, y->name)) != 0)
		return c;
	return x->order < y->order ? -1 : x->order > y->order;
}

static int
walk_cb(const struct tree_entry *e, void *arg)
{
	struct walk *w = arg;
	long o;

	w->files++;
	o = codeowners_owner(w->idx, e->path, w->matched);
	if (o >= 0)
		w->owns[o] = 1;
	if (o < 0 || w->co->rules[o].nowners == 0) {
		w->unowned++;
		if (w->first.n < SHOW_PATHS)
			strvec_push(&w->first, e->path);
	} else
		w->owned++;
	return 0;
}

/* Rules by pattern, then line: the same patterns in file order. */
static int
by_pattern(const void *a, const void *b)
{
	const struct co_rule *x = *(const struct co_rule *const *)a;
	const struct co_rule *y = *(const struct co_rule *const *)b;
	int c;

	if ((c = strcmp(x->pattern, y->pattern)) != 0)
		return c;
	return x < y ? -1 : x > y;
}

/* Patterns against the files of the tree source, as details. */
static void
co_tree(const struct tree_entry *e, struct check_ctx *ctx,
    const struct co_file *co, struct finding *f, struct walk *w)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i, notes, *next;

	memset(w, 0, sizeof(*w));
	w->co = co;
	w->idx = codeowners_index(co);
	w->matched = xcalloc(co->nrules + 1, 1);
	w->owns = xcalloc(co->nrules + 1, 1);
	tree_glob(ctx_tree(ctx), "**", 0, walk_cb, w);
	next = repeated(co);
	for (i = notes = 0; i < co->nrules; i++) {
		strbuf_reset(&sb);
		pattern_note(co, w, i, next[i], &sb);
		if (sb.len > 0 && notes++ < SHOW_RULES)
			finding_detail(f, "%s:%d: %s", e->path,
			    co->rules[i].line, sb.buf);
	}
	if (notes > SHOW_RULES)
		finding_detail(f, "... and %zu more notes on patterns",
		    notes - SHOW_RULES);
	if (w->unowned > 0) {
		strbuf_reset(&sb);
		for (i = 0; i < w->first.n; i++)
			strbuf_addf(&sb, "%s%s", i > 0 ? ", " : "",
			    w->first.v[i]);
		finding_detail(f, "%zu of %zu files have no owner (%s%s)",
		    w->unowned, w->files, sb.buf,
		    w->unowned > w->first.n ? ", ..." : "");
	}
	strbuf_release(&sb);
	codeowners_index_free(w->idx);
	free(next);
	free(w->matched);
	free(w->owns);
	strvec_clear(&w->first);
}

/*
 * For each rule, the next rule with the same pattern, + 1 (0: none), in
 * an array to free.
 */
static size_t *
repeated(const struct co_file *co)
{
	const struct co_rule **order;
	size_t i, *next;

	order = xcalloc(co->nrules + 1, sizeof(*order));
	next = xcalloc(co->nrules + 1, sizeof(*next));
	for (i = 0; i < co->nrules; i++)
		order[i] = &co->rules[i];
	if (co->nrules > 1)
		qsort(order, co->nrules, sizeof(*order), by_pattern);
	for (i = 0; i + 1 < co->nrules; i++)
		if (strcmp(order[i]->pattern, order[i + 1]->pattern) == 0)
			next[order[i] - co->rules] =
			    (size_t)(order[i + 1] - co->rules) + 1;
	free(order);
	return next;
}

/* What is wrong with rule i, if anything (dup: its repeat, + 1). */
static void
pattern_note(const struct co_file *co, const struct walk *w, size_t i,
    size_t dup, struct strbuf *sb)
{
	const struct co_rule *ri = &co->rules[i];

	if (dup > 0)
		strbuf_addf(sb, "'%s' is repeated at line %d: only the last "
		    "applies", ri->pattern, co->rules[dup - 1].line);
	else if (!w->matched[i])
		strbuf_addf(sb, "'%s' matches no file", ri->pattern);
	else if (!w->owns[i])
		strbuf_addf(sb, "'%s' never applies: a later pattern matches "
		    "every file it matches", ri->pattern);
	else if (ri->nowners == 0)
		strbuf_addf(sb, "'%s' has no owner: the files it matches have "
		    "none", ri->pattern);
}

/*
 * Whether text names retired committers: a word retired, emeritus,
 * emeriti, former, alumni or alumnus, or "past" before maintainers,
 * committers, owners, members or contributors.
 */
static int
retired_word(const char *s)
{
	static const char *const words[] = {
		"retired", "emeritus", "emeriti", "emerita", "former",
		"alumni", "alumnus", "alumnae", NULL
	};
	static const char *const after_past[] = {
		"maintainer", "committer", "owner", "member", "contributor",
		"core", NULL
	};
	const char *p, *w;
	size_t i, n;

	for (p = s; *p != '\0'; p++) {
		if (!ascii_isalpha((unsigned char)*p) ||
		    (p > s && ascii_isalpha((unsigned char)p[-1])))
			continue;
		for (n = 0; ascii_isalpha((unsigned char)p[n]); n++)
			;
		for (i = 0; (w = words[i]) != NULL; i++)
			if (strlen(w) == n && strncasecmp(p, w, n) == 0)
				return 1;
		if (n == 4 && strncasecmp(p, "past", 4) == 0) {
			w = p + 4;
			while (*w == ' ' || *w == '\t')
				w++;
			for (i = 0; after_past[i] != NULL; i++)
				if (strncasecmp(w, after_past[i],
				    strlen(after_past[i])) == 0)
					return 1;
		}
	}
	return 0;
}

/*
 * Retired committers: a CODEOWNERS comment naming them, or a heading of
 * one of retired_files (in the rule's dirs). 1 when found (with
 * evidence), else 0 with looked listing where.
 */
static int
co_retired(const struct rule *r, struct check_ctx *ctx,
    const struct tree_entry *e, const struct co_file *co, struct finding *f,
    struct strbuf *looked)
{
	const struct tree_entry *d;
	const struct md_file *m;
	const char *dir, *name;
	char *p;
	size_t i, j, k;

	for (i = 0; i < co->ncomments; i++)
		if (retired_word(co->comments[i].text)) {
			finding_evidence(f, e->path, co->comments[i].line,
			    "retired committers");
			finding_detail(f, "retired committers: %s:%d", e->path,
			    co->comments[i].line);
			return 1;
		}
	strbuf_addf(looked, "comments of %s", e->path);
	for (i = 0; (name = value_at(rule_key(r, "retired_files"),
	    default_retired, i)) != NULL; i++) {
		strbuf_addf(looked, ", %s", name);
		for (j = 0; (dir = value_at(rule_key(r, "dirs"), default_dirs,
		    j)) != NULL; j++) {
			p = join_path(dir, name);
			d = tree_lookup(ctx_tree(ctx), p, 1);
			free(p);
			if (d == NULL || (m = ctx_document(ctx, d, DOC_BYTES,
			    NULL)) == NULL)
				continue;
			for (k = 0; k < m->doc.nheadings; k++)
				if (retired_word(m->doc.h[k].text)) {
					finding_evidence(f, d->path,
					    m->doc.h[k].line,
					    "retired committers");
					finding_detail(f, "retired committers: "
					    "%s:%d (%s)", d->path,
					    m->doc.h[k].line, m->doc.h[k].text);
					return 1;
				}
		}
	}
	return 0;
}

/* Email owners who authored nothing in the last inactive_days. */
static void
co_inactive(const struct rule *r, struct check_ctx *ctx,
    const struct co_file *co, struct finding *f)
{
	struct history_opts ho;
	const struct history *h;
	struct strvec told = STRVEC_INIT;
	const char *mail;
	char end[16];
	long long days;
	size_t i, j, a;

	days = rule_int(r, "inactive_days", INACTIVE_DAYS);
	if (days == 0 || !ctx_has_head(ctx))
		return;
	for (i = 0; i < co->nrules; i++)
		for (j = 0; j < co->rules[i].nowners; j++)
			if (co->rules[i].owners[j].kind == CO_EMAIL)
				goto walk;
	return;
walk:
	memset(&ho, 0, sizeof(ho));
	ho.until = ctx_as_of(ctx);
	ho.since = time_sub_days(ho.until, days);
	ho.merges = 1;
	if ((h = ctx_history(ctx, &ho)) == NULL || h->no_authors != NULL)
		return;
	time_format_date(ho.until, end, sizeof(end));
	for (i = 0; i < co->nrules; i++)
		for (j = 0; j < co->rules[i].nowners; j++) {
			if (co->rules[i].owners[j].kind != CO_EMAIL)
				continue;
			mail = co->rules[i].owners[j].name;
			for (a = 0; a < h->nauthors; a++)
				if (strcasecmp(h->authors[a].email, mail) == 0 ||
				    strcasecmp(h->authors[a].key, mail) == 0)
					break;
			if (a < h->nauthors || strvec_has(&told, mail))
				continue;
			strvec_push(&told, mail);
			finding_detail(f, "%s (line %d) authored no commit in the "
			    "%lld days before %s%s: possibly inactive", mail,
			    co->rules[i].line, days, end, h->truncated ?
			    " (shallow clone: the history is cut short)" : "");
		}
	strvec_clear(&told);
}

static int
co_check(const struct rule *r, struct check_ctx *ctx, struct finding *f)
{
	struct strbuf looked = STRBUF_INIT, where = STRBUF_INIT;
	struct strvec ignored = STRVEC_INIT;
	const struct tree_entry *e;
	const struct co_file *co;
	struct walk w;
	uint64_t size;
	size_t i;
	int bad, retired;

	if ((e = co_locate(r, ctx, f, &looked, &ignored)) == NULL)
		goto out;
	if (ctx_usable(ctx, e, f) == -1 || ctx_size(ctx, e, f, &size) != 0)
		goto out;
	finding_evidence(f, e->path, 0, NULL);
	for (i = 0; i < ignored.n; i++)
		finding_evidence(f, ignored.v[i], 0, "ignored by GitHub");
	if (co_too_large(e, size, f) ||
	    (co = ctx_codeowners(ctx, e, f)) == NULL)
		goto out;
	bad = co_errors(e, co, f);
	co_tree(e, ctx, co, f, &w);
	retired = !rule_bool(r, "retired", 0) ||
	    co_retired(r, ctx, e, co, f, &where);
	co_inactive(r, ctx, co, f);
	co_judge(r, e, co, &w, bad, retired ? NULL : where.buf, f);
out:
	strbuf_release(&looked);
	strbuf_release(&where);
	strvec_clear(&ignored);
	return 0;
}

/* Whether GitHub refuses to load the file (3 MB or more): f fails. */
static int
co_too_large(const struct tree_entry *e, uint64_t size, struct finding *f)
{
	if (size < CODEOWNERS_MAX)
		return 0;
	finding_result(f, RESULT_FAIL, "%s has %" PRIu64 " bytes: GitHub "
	    "does not load a CODEOWNERS file of 3 MB or more", e->path, size);
	finding_fix(f, "shrink %s below 3 MB: one pattern for a directory "
	    "instead of a line per file", e->path);
	return 1;
}

/*
 * The result: the owners against min_owners, then whether any file is
 * owned, then the retired committers (unretired names where they were
 * looked for, NULL when documented or not asked). Errors (bad) leave
 * the result co_errors() gave.
 */
static void
co_judge(const struct rule *r, const struct tree_entry *e,
    const struct co_file *co, const struct walk *w, int bad,
    const char *unretired, struct finding *f)
{
	struct strbuf sum = STRBUF_INIT;
	size_t n, i, kinds[3];
	long long min;

	n = co_owners(co, kinds);
	finding_value(f, (long long)n);
	min = rule_int(r, "min_owners", 1);
	finding_min(f, min);
	if (bad)
		return;
	if ((long long)n < min) {
		finding_result(f, RESULT_FAIL, "%s names %zu distinct owner%s, "
		    "fewer than %lld", e->path, n, n == 1 ? "" : "s", min);
		if (r->help == NULL)
			finding_fix(f, "name the people or teams who review each "
			    "part of the code");
		return;
	}
	strbuf_addf(&sum, "%s: %zu owner%s (", e->path, n, n == 1 ? "" : "s");
	for (i = 0; i < 3; i++)
		if (kinds[i] > 0)
			strbuf_addf(&sum, "%s%zu %s%s", sum.buf[sum.len - 1] ==
			    '(' ? "" : ", ", kinds[i], kind_names[i],
			    kinds[i] == 1 ? "" : "s");
	strbuf_addf(&sum, ") own%s %zu of %zu files", n == 1 ? "s" : "",
	    w->owned, w->files);
	if (w->files > 0 && w->owned == 0) {
		finding_result(f, RESULT_FAIL, "%s: no file of the tree has an "
		    "owner", e->path);
		finding_cap_level(f, LEVEL_WARNING);
		finding_fix(f, "correct the patterns of %s, or start it with "
		    "'* @owner'", e->path);
	} else if (unretired != NULL) {
		finding_result(f, RESULT_FAIL, "%s, but no retired committers "
		    "are documented (looked in %s)", sum.buf, unretired);
		finding_cap_level(f, LEVEL_WARNING);
		finding_fix(f, "list retired (emeritus) committers in a "
		    "comment of %s or an Emeritus section of MAINTAINERS.md "
		    "or GOVERNANCE.md", e->path);
	} else
		finding_result(f, RESULT_PASS, "%s", sum.buf);
	co_limits(e, co, f);
	strbuf_release(&sum);
}

/* The reader's caps, when the file reached them: said, never hidden. */
static void
co_limits(const struct tree_entry *e, const struct co_file *co,
    struct finding *f)
{
	if (co->owners_dropped > 0)
		finding_append(f, "; %zu more owners, from %s:%d on, were not "
		    "read (a limit: %d a line)", co->owners_dropped, e->path,
		    co->owners_line, CO_MAX_LINE_OWNERS);
	if (co->rules_dropped > 0)
		finding_append(f, "; %zu more rules, from %s:%d on, were not "
		    "read (a limit: %d rules, %d owners)", co->rules_dropped,
		    e->path, co->rules_line, CO_MAX_RULES, CO_MAX_OWNERS);
}
