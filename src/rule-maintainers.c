/*
 * rule-maintainers.c: the "maintainers" rule type: at least `min` core
 * maintainers are named, counted as distinct people (people.c merges the
 * same person found in several places) who are not retired.
 *
 * The documents of `file` (MAINTAINERS) are read whole, those of
 * `section_file` (GOVERNANCE, a governance page of the docs, the README)
 * only in sections headed like maintainers, a team or former maintainers.
 * Names of one stem (README.md README.rst) are looked for together, in
 * the directories of `dirs`, as the other types look (ctx-locate.c): the
 * first found of each stem is read. The
 * message names the people with file:line; GitHub teams found when too
 * few people are named make the result unknown: how many people a team
 * holds cannot be told offline, a person decides.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "read/codeowners.h"
#include "ctx.h"
#include "finding.h"
#include "read/markdown.h"
#include "read/people.h"
#include "read/rst.h"
#include "rulecheck.h"
#include "rules.h"
#include "ruleset.h"
#include "strbuf.h"
#include "tree.h"
#include "xalloc.h"

#define MAINTAINERS_MAX_BYTES	(8 * 1024 * 1024) /* as the sections type reads */
#define SHOW_MAX		12		/* people named in a message */

/* A document to read and how. */
struct doc {
	const struct tree_entry	*e;
	unsigned		 flags;		/* PEOPLE_* */
};

struct docs {
	struct doc	*v;
	size_t		 n;
	size_t		 alloc;
};

static int	 maintainers_parse(struct rule *);
static int	 maintainers_check(const struct rule *, struct check_ctx *,
		    struct finding *);
static void	 find_docs(const struct rule *, struct check_ctx *,
		    const char *, unsigned, struct docs *, struct strbuf *);
static void	 name_people(const struct people *, int, int, struct finding *,
		    struct strbuf *);
static void	 read_docs(const struct rule *, struct check_ctx *,
		    const struct docs *, struct people *, struct strbuf *);
static void	 judge_teams(const struct people *, size_t, long long,
		    struct finding *, struct strbuf *);
static void	 judge_few(const struct rule *, const struct people *, size_t,
		    const struct strbuf *, const struct strbuf *, size_t,
		    long long, struct finding *, struct strbuf *);
static void	 owners_of(const struct rule *, struct check_ctx *,
		    struct people *, struct strbuf *);

static const struct rule_key_spec maintainers_keys[] = {
	{ "min", KEY_INT, .flags = KEYF_REPO, .min = 1, .max = 1000000,
	    .doc = "distinct current maintainers needed (default 2)" },
	{ "file", KEY_WORDS,
	    .doc = "documents of maintainers, read whole (MAINTAINERS.md)" },
	{ "section_file", KEY_WORDS,
	    .doc = "documents read in their maintainers or team sections" },
	{ "codeowners", KEY_WORDS,
	    .doc = "CODEOWNERS paths, the first found read for its owners" },
	{ "dirs", KEY_WORDS, .doc = "directories to look in (default .)" },
	{ "case", KEY_ENUM, .choices = "sensitive|insensitive",
	    .doc = "how file names compare" },
	{ .name = NULL }
};

const struct rule_type rule_maintainers = {
	.name = "maintainers",
	.summary = "at least min core maintainers are named",
	.keys = maintainers_keys,
	.parse = maintainers_parse,
	.check = maintainers_check,
};

static int
maintainers_parse(struct rule *r)
{
	if (rule_key(r, "file") == NULL && rule_key(r, "section_file") ==
	    NULL && rule_key(r, "codeowners") == NULL)
		return rule_error(r, NULL, "a maintainers rule needs 'file', "
		    "'section_file' or 'codeowners'");
	return rule_dirs_inside(r, "dirs");
}

/* The stem of a name: "Governance.rst" -> "governance". */
static void
stem(const char *name, struct strbuf *out)
{
	const char *base, *dot;
	size_t i, n;

	base = strrchr(name, '/');
	base = base != NULL ? base + 1 : name;
	dot = strchr(base, '.');
	n = dot != NULL ? (size_t)(dot - base) : strlen(base);
	strbuf_reset(out);
	for (i = 0; i < n; i++)
		strbuf_addch(out, ascii_tolower((unsigned char)base[i]));
}

/*
 * The documents the names of key find: of the names of one stem
 * (README.md README.rst), the first found as GitHub looks (directory by
 * directory); each added to ds unless already there.
 */
static void
find_docs(const struct rule *r, struct check_ctx *ctx, const char *key,
    unsigned flags, struct docs *ds, struct strbuf *looked)
{
	const struct rule_key *k;
	const struct tree_entry *e;
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	struct rule_value *vals;
	struct rule_key group;
	struct file_query q;
	size_t i, j, n;
	int accepted;
	char *done;

	if ((k = rule_key(r, key)) == NULL || k->n == 0)
		return;
	ctx_file_query(r, &q);
	vals = xcalloc(k->n, sizeof(*vals));
	done = xcalloc(k->n, 1);
	for (i = 0; i < k->n; i++) {
		if (done[i])
			continue;
		stem(k->v[i].value, &a);
		for (j = i, n = 0; j < k->n; j++) {
			stem(k->v[j].value, &b);
			if (done[j] || strcmp(a.buf, b.buf) != 0)
				continue;
			vals[n++] = k->v[j];
			done[j] = 1;
		}
		memset(&group, 0, sizeof(group));
		group.name = k->name;
		group.v = vals;
		group.n = n;
		q.names = &group;
		q.accept = NULL;
		if ((e = ctx_locate(ctx, &q, &accepted, NULL)) == NULL)
			continue;
		for (j = 0; j < ds->n && ds->v[j].e != e; j++)
			;
		if (j < ds->n)
			continue;
		XGROW(ds->v, ds->n + 1, ds->alloc);
		ds->v[ds->n].e = e;
		ds->v[ds->n++].flags = flags;
		strbuf_addf(looked, "%s%s", looked->len > 0 ? ", " : "",
		    e->path);
	}
	free(vals);
	free(done);
	strbuf_release(&a);
	strbuf_release(&b);
}

/*
 * Say who was found: the current people (or, with retired, the retired
 * ones; with teams, the teams) into sb, and their places as evidence.
 */
static void
name_people(const struct people *pp, int retired, int teams,
    struct finding *f, struct strbuf *sb)
{
	struct strbuf who = STRBUF_INIT;
	const struct person *p;
	size_t i, j, shown, total;

	for (i = shown = total = 0; i < pp->n; i++) {
		p = &pp->v[i];
		if (p->team != teams || (!teams && p->retired != retired))
			continue;
		total++;
		for (j = 0; j + 1 < p->nrefs && p->refs[j].retired != retired;
		    j++)
			;
		strbuf_reset(&who);
		people_display(p, &who);
		if (!retired)
			finding_evidence(f, p->refs[j].path, p->refs[j].line,
			    who.buf);
		if (shown == SHOW_MAX)
			continue;
		strbuf_addf(sb, "%s%s", shown > 0 ? ", " : "", who.buf);
		if (!retired)
			strbuf_addf(sb, " (%s:%d)", p->refs[j].path,
			    p->refs[j].line);
		shown++;
	}
	if (total > shown)
		strbuf_addf(sb, " and %zu more", total - shown);
	strbuf_release(&who);
}

/*
 * The owners of the first CODEOWNERS of the codeowners key that GitHub
 * would load: each person once, each team counted as a team (its
 * members cannot be seen offline).
 */
static void
owners_of(const struct rule *r, struct check_ctx *ctx, struct people *pp,
    struct strbuf *looked)
{
	const struct rule_key *k;
	const struct tree_entry *e;
	const struct co_file *co;
	const struct co_owner *o;
	uint64_t size;
	size_t i, j;

	k = rule_key(r, "codeowners");
	for (i = 0, e = NULL; k != NULL && i < k->n && e == NULL; i++)
		e = tree_lookup(ctx_tree(ctx), k->v[i].value, 0);
	if (e == NULL || (e->mode != TREE_MODE_FILE &&
	    e->mode != TREE_MODE_EXEC) ||
	    ctx_size(ctx, e, NULL, &size) != 0 || size >= CODEOWNERS_MAX ||
	    (co = ctx_codeowners(ctx, e, NULL)) == NULL)
		return;
	strbuf_addf(looked, "%s%s", looked->len > 0 ? ", " : "", e->path);
	for (i = 0; i < co->nrules; i++) {
		for (j = 0; j < co->rules[i].nowners; j++) {
			o = &co->rules[i].owners[j];
			if (o->kind == CO_EMAIL)
				people_add(pp, NULL, NULL, o->name, 0, e->path,
				    o->line, "CODEOWNERS");
			else
				people_add(pp, NULL, o->name, NULL, 0, e->path,
				    o->line, "CODEOWNERS");
		}
	}
}

/*
 * Read the people of each document found into pp; say in unread, in the
 * read judge's words, why those that could not be read could not.
 */
static void
read_docs(const struct rule *r, struct check_ctx *ctx, const struct docs *ds,
    struct people *pp, struct strbuf *unread)
{
	const struct md_file *m;
	struct finding judged;
	const char *buf;
	size_t i, len;
	int trunc;

	for (i = 0; i < ds->n; i++) {
		m = ctx_document(ctx, ds->v[i].e, MAINTAINERS_MAX_BYTES, NULL);
		if (m != NULL && ctx_read(ctx, ds->v[i].e,
		    MAINTAINERS_MAX_BYTES, 0, NULL, &buf, &len, &trunc) == 0) {
			people_from_doc(pp, buf, len, &m->doc,
			    ds->v[i].e->path, ds->v[i].flags |
			    (rst_is_path(ds->v[i].e->path) ? PEOPLE_RST : 0));
			continue;
		}
		/* What the read judge says of it: a link, binary, ... */
		finding_init(&judged, r);
		(void)ctx_document(ctx, ds->v[i].e, MAINTAINERS_MAX_BYTES,
		    &judged);
		strbuf_addf(unread, "%s%s", unread->len > 0 ? "; " : "",
		    judged.message != NULL ? judged.message :
		    ds->v[i].e->path);
		finding_release(&judged);
	}
}

/* Too few maintainers named but GitHub teams: a person must count. */
static void
judge_teams(const struct people *pp, size_t cur, long long min,
    struct finding *f, struct strbuf *msg)
{
	if (cur > 0) {
		strbuf_addf(msg, "%zu maintainer%s named (", cur,
		    cur == 1 ? "" : "s");
		name_people(pp, 0, 0, f, msg);
		strbuf_addstr(msg, ") and ");
	} else
		strbuf_addstr(msg, "no maintainer named, only ");
	strbuf_addf(msg, "%zu GitHub team%s (", pp->teams,
	    pp->teams == 1 ? "" : "s");
	name_people(pp, 0, 1, f, msg);
	finding_result(f, RESULT_UNKNOWN, "%s), whose members cannot "
	    "be counted offline: a person must decide whether %lld "
	    "core maintainers are named", msg->buf, min);
	f->judgment = 1;
}

/* Too few maintainers named, where looked says was searched. */
static void
judge_few(const struct rule *r, const struct people *pp, size_t ndocs,
    const struct strbuf *looked, const struct strbuf *unread, size_t cur,
    long long min, struct finding *f, struct strbuf *msg)
{
	if (cur > 0) {
		strbuf_addf(msg, "only %zu maintainer named: ", cur);
		name_people(pp, 0, 0, f, msg);
	} else if (ndocs > 0)
		strbuf_addf(msg, "no maintainers named in %s", looked->buf);
	else
		strbuf_addstr(msg, "no maintainers named: no "
		    "MAINTAINERS, GOVERNANCE or README document found");
	strbuf_addf(msg, "; at least %lld are needed", min);
	finding_result(f, unread->len > 0 ? RESULT_UNKNOWN : RESULT_FAIL,
	    "%s", msg->buf);
	if (unread->len > 0)
		finding_append(f, " (could not be read: %s)", unread->buf);
	if (r->help == NULL)
		finding_fix(f, "name the maintainers in MAINTAINERS.md, "
		    "e.g. a table with Name and GitHub columns");
}

static int
maintainers_check(const struct rule *r, struct check_ctx *ctx,
    struct finding *f)
{
	struct people pp = PEOPLE_INIT;
	struct docs ds = { NULL, 0, 0 };
	struct strbuf looked = STRBUF_INIT, msg = STRBUF_INIT;
	struct strbuf unread = STRBUF_INIT;
	size_t cur, retired;
	long long min;

	min = rule_int(r, "min", 2);
	find_docs(r, ctx, "file", PEOPLE_WHOLE, &ds, &looked);
	find_docs(r, ctx, "section_file", 0, &ds, &looked);
	read_docs(r, ctx, &ds, &pp, &unread);
	owners_of(r, ctx, &pp, &looked);
	cur = people_current(&pp);
	retired = pp.n - pp.teams - cur;
	finding_value(f, (long long)cur);
	finding_min(f, min);
	if (cur >= (size_t)min) {
		strbuf_addf(&msg, "%zu maintainer%s named: ", cur,
		    cur == 1 ? "" : "s");
		name_people(&pp, 0, 0, f, &msg);
		finding_result(f, RESULT_PASS, "%s", msg.buf);
	} else if (pp.teams > 0)
		judge_teams(&pp, cur, min, f, &msg);
	else if (ds.n == 0 && ctx_not_found(ctx, f, "maintainers"))
		retired = 0;
	else
		judge_few(r, &pp, ds.n, &looked, &unread, cur, min, f, &msg);
	if (retired > 0) {
		strbuf_reset(&msg);
		name_people(&pp, 1, 0, f, &msg);
		finding_append(f, "; %zu retired: %s", retired, msg.buf);
	}
	people_release(&pp);
	free(ds.v);
	strbuf_release(&looked);
	strbuf_release(&msg);
	strbuf_release(&unread);
	return 0;
}
