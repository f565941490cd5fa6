/* finding.c: findings, and the one place a finding is judged and counted */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "baseline.h"
#include "finding.h"
#include "rules.h"
#include "ruleset.h"
#include "strbuf.h"
#include "xalloc.h"

static void	 exempt_free(struct finding_exempt *);
static void	 note_changes(struct finding *, const struct ruleset *);
static void	 note_window(struct finding *, const struct ruleset *);
static void	 apply_exempt(struct finding *);
static void	 add_evidence(struct finding *, const char *, int,
		    const char *, int);

static const char *const result_names[] = {
	[RESULT_PASS] = "pass",
	[RESULT_FAIL] = "fail",
	[RESULT_UNKNOWN] = "unknown",
	[RESULT_SKIP] = "skip",
};

const char *
result_name(enum result r)
{
	return result_names[r];
}

enum wg_status
finding_wg_status(const struct finding *f)
{
	switch (f->result) {
	case RESULT_PASS:
		return WG_PASS;
	case RESULT_SKIP:
		return WG_SKIP;
	case RESULT_FAIL:
	case RESULT_UNKNOWN:
	default:
		break;
	}
	if (f->judgment)
		return WG_JUDGMENT;
	if (f->result == RESULT_FAIL && f->level == LEVEL_ERROR)
		return WG_FAIL;
	return WG_CAUTION;
}

static const char *const wg_names[] = {
	[WG_PASS] = "pass",
	[WG_CAUTION] = "caution",
	[WG_FAIL] = "fail",
	[WG_JUDGMENT] = "judgment",
	[WG_SKIP] = "skip",
};

/* The Working Group's marks, as its review tables write them. */
static const char *const wg_labels[] = {
	[WG_PASS] = "\xe2\x9c\x85 Pass",
	[WG_CAUTION] = "\xe2\x9a\xa0\xef\xb8\x8f Caution",
	[WG_FAIL] = "\xe2\x9d\x8c Fail",
	[WG_JUDGMENT] = "\xe2\x9d\x93 Needs human judgment",
	[WG_SKIP] = "Skipped",
};

const char *
wg_status_name(enum wg_status s)
{
	return wg_names[s];
}

const char *
wg_status_label(enum wg_status s)
{
	return wg_labels[s];
}

enum wg_status
wg_status_worse(enum wg_status a, enum wg_status b)
{
	static const int rank[] = {
		[WG_SKIP] = 0, [WG_PASS] = 1, [WG_CAUTION] = 2,
		[WG_JUDGMENT] = 3, [WG_FAIL] = 4,
	};

	return rank[b] > rank[a] ? b : a;
}

void
finding_init(struct finding *f, const struct rule *r)
{
	memset(f, 0, sizeof(*f));
	f->rule = r;
	f->level = r->level;
	f->cap = LEVEL_ERROR;
	f->result = RESULT_SKIP;
}

int
finding_begin(struct finding *f, const struct rule *r)
{
	finding_init(f, r);
	if (r->level != LEVEL_OFF)
		return 1;
	finding_result(f, RESULT_SKIP, "disabled (level off)");
	return 0;
}

void
finding_release(struct finding *f)
{
	size_t i;

	for (i = 0; i < f->nev; i++) {
		free(f->ev[i].path);
		free(f->ev[i].note);
	}
	free(f->ev);
	free(f->message);
	free(f->fix);
	free(f->value_str);
	strvec_clear(&f->details);
	for (i = 0; i < f->nchanges; i++) {
		free(f->changes[i].key);
		free(f->changes[i].value);
		free(f->changes[i].file);
		free(f->changes[i].base);
	}
	free(f->changes);
	exempt_free(f->exempt);
	memset(f, 0, sizeof(*f));
}

/*
 * Replace *dst with keep (when not NULL) followed by the formatted text;
 * keep may be *dst itself.
 */
static void __attribute__((format(printf, 3, 0)))
vset(char **dst, const char *keep, const char *fmt, va_list ap)
{
	struct strbuf sb = STRBUF_INIT;

	if (keep != NULL)
		strbuf_addstr(&sb, keep);
	strbuf_vaddf(&sb, fmt, ap);
	free(*dst);
	*dst = strbuf_detach(&sb, NULL);
}

void
finding_result(struct finding *f, enum result res, const char *fmt, ...)
{
	va_list ap;

	f->result = res;
	va_start(ap, fmt);
	vset(&f->message, NULL, fmt, ap);
	va_end(ap);
}

void
finding_append(struct finding *f, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vset(&f->message, f->message, fmt, ap);
	va_end(ap);
}

void
finding_fix(struct finding *f, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vset(&f->fix, NULL, fmt, ap);
	va_end(ap);
}

static void
add_evidence(struct finding *f, const char *path, int line, const char *note,
    int file)
{
	XGROW(f->ev, f->nev + 1, f->evalloc);
	f->ev[f->nev].path = xstrdup(path);
	f->ev[f->nev].line = line;
	f->ev[f->nev].note = note != NULL ? xstrdup(note) : NULL;
	f->ev[f->nev].file = file;
	f->nev++;
}

void
finding_evidence(struct finding *f, const char *path, int line,
    const char *note)
{
	add_evidence(f, path, line, note, 1);
}

void
finding_evidence_other(struct finding *f, const char *what, const char *note)
{
	add_evidence(f, what, 0, note, 0);
}

void
finding_copy_evidence(struct finding *to, const struct finding *from)
{
	size_t i;

	for (i = 0; i < from->nev; i++)
		add_evidence(to, from->ev[i].path, from->ev[i].line,
		    from->ev[i].note, from->ev[i].file);
}

void
finding_detail(struct finding *f, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	strvec_push_nodup(&f->details, strbuf_detach(&sb, NULL));
}

void
finding_value(struct finding *f, long long v)
{
	f->has_value = 1;
	f->value = v;
}

void
finding_value_str(struct finding *f, const char *s)
{
	free(f->value_str);
	f->value_str = xstrdup(s);
}

void
finding_min(struct finding *f, long long m)
{
	f->has_min = 1;
	f->min = m;
}

void
finding_cap_level(struct finding *f, enum level lv)
{
	if (lv < f->cap)
		f->cap = lv;
}

void
status_raise(int *status, int code)
{
	if (code > *status)
		*status = code;
}

static void
exempt_free(struct finding_exempt *ex)
{
	if (ex == NULL)
		return;
	free(ex->reason);
	free(ex->until);
	free(ex->file);
	free(ex);
}

void
finding_add_change(struct finding *f, const char *key, const char *value,
    const char *file, int line, const char *base)
{
	struct finding_change *c;

	f->changes = xreallocarray(f->changes, f->nchanges + 1,
	    sizeof(*f->changes));
	c = &f->changes[f->nchanges++];
	c->key = xstrdup(key);
	c->value = xstrdup(value);
	c->file = xstrdup(file);
	c->line = line;
	c->base = base != NULL ? xstrdup(base) : NULL;
}

struct finding_exempt *
finding_set_exempt(struct finding *f, const char *reason, const char *until,
    const char *file, int line)
{
	exempt_free(f->exempt);
	f->exempt = xcalloc(1, sizeof(*f->exempt));
	f->exempt->reason = xstrdup(reason);
	f->exempt->until = until != NULL ? xstrdup(until) : NULL;
	f->exempt->file = xstrdup(file);
	f->exempt->line = line;
	f->exempt->needed = 1;
	f->exempt->found = RESULT_SKIP;
	return f->exempt;
}

void
finding_change_say(struct strbuf *sb, const struct finding_change *c)
{
	strbuf_addf(sb, "%s %s, set by %s", c->key, c->value, c->file);
	if (c->line > 0)
		strbuf_addf(sb, ":%d", c->line);
	if (c->base != NULL)
		strbuf_addf(sb, "; the rule set asks %s", c->base);
	else
		strbuf_addstr(sb, "; the rule set leaves it to the default");
}

void
finding_exempt_say(struct strbuf *sb, const struct finding_exempt *ex)
{
	if (!ex->needed)
		strbuf_addf(sb, "exempt, but it passes: remove the exemption "
		    "(%s", ex->file);
	else {
		strbuf_addf(sb, "exempt: %s", ex->reason);
		if (ex->until != NULL)
			strbuf_addf(sb, " (until %s)", ex->until);
		strbuf_addf(sb, ", %s", ex->file);
	}
	if (ex->line > 0)
		strbuf_addf(sb, ":%d", ex->line);
	if (!ex->needed)
		strbuf_addch(sb, ')');
}

/*
 * The keys of a rule of the rule set that the repository's config set
 * (its own rules are all its own: nothing of them is a change).
 */
static void
note_changes(struct finding *f, const struct ruleset *rs)
{
	const struct rule *r = f->rule;
	const struct rule_key *k;
	struct strbuf v = STRBUF_INIT;
	size_t i, j;

	if (rs->repo_layer == 0 || r->layer >= rs->repo_layer)
		return;
	for (i = 0; i < r->nkeys; i++) {
		k = &r->keys[i];
		if (k->layer != rs->repo_layer || k->n == 0 ||
		    strcmp(k->name, RULE_KEY_EXEMPT) == 0 ||
		    strcmp(k->name, RULE_KEY_UNTIL) == 0)
			continue;
		strbuf_reset(&v);
		for (j = 0; j < k->n; j++) {
			if (j > 0)
				strbuf_addch(&v, ' ');
			strbuf_addstr(&v, k->v[j].value);
		}
		finding_add_change(f, k->name, v.buf, rs->repo_config != NULL ?
		    rs->repo_config : k->v[0].file, k->v[0].line, k->base);
	}
	strbuf_release(&v);
	note_window(f, rs);
}

/*
 * A history rule without a window_days of its own counts in the set's
 * window: when the repository's config set [ruleset] window_days, that
 * is a change of the rule too.
 */
static void
note_window(struct finding *f, const struct ruleset *rs)
{
	char val[24], base[24];

	if (!rs->window_repo || !(f->rule->type->flags & RULE_HISTORY) ||
	    rule_key(f->rule, "window_days") != NULL)
		return;
	snprintf(val, sizeof(val), "%d", rs->window_days);
	snprintf(base, sizeof(base), "%d", rs->window_base);
	finding_add_change(f, "window_days", val, rs->repo_config != NULL ?
	    rs->repo_config : rs->window_file, rs->window_line, base);
}

/*
 * The rule set exempts the rule. One that passes without it stays a
 * pass and says so, as an unfulfilled expectation is told; any other
 * result becomes a skip giving the reason, what was found kept as the
 * first detail.
 */
static void
apply_exempt(struct finding *f)
{
	const struct rule *r = f->rule;
	struct finding_exempt *ex;
	struct strbuf sb = STRBUF_INIT;
	char *was;

	if (r->exempt == NULL || f->result == RESULT_SKIP || f->exempt != NULL)
		return;
	ex = finding_set_exempt(f, r->exempt, r->until, r->exempt_file,
	    r->exempt_line);
	ex->found = f->result;
	ex->needed = f->result != RESULT_PASS;
	finding_exempt_say(&sb, ex);
	if (!ex->needed) {
		finding_append(f, "; %s", sb.buf);
		strbuf_release(&sb);
		return;
	}
	was = xasprintf("without the exemption: %s: %s", result_name(f->result),
	    f->message != NULL ? f->message : "");
	strvec_push_nodup(&f->details, was);
	memmove(&f->details.v[1], &f->details.v[0],
	    (f->details.n - 1) * sizeof(*f->details.v));
	f->details.v[0] = was;
	f->result = RESULT_SKIP;
	free(f->message);
	f->message = strbuf_detach(&sb, NULL);
	free(f->fix);
	f->fix = NULL;
	f->judgment = 0;
}

void
finding_judge(struct finding *f, struct repo_result *res,
    const struct judge_opts *jo)
{
	const struct rule *r = f->rule;

	if (res != NULL && f->nchanges == 0)
		note_changes(f, &res->rs);
	apply_exempt(f);
	f->level = r->level < f->cap ? r->level : f->cap;
	if (f->result == RESULT_FAIL && f->fix == NULL && r->help != NULL)
		finding_fix(f, "%s", r->help);
	if (res == NULL)
		return;
	res->counts[f->result]++;
	if (f->result == RESULT_FAIL && f->level == LEVEL_ERROR) {
		res->errors_failed++;
		status_raise(&res->status, EXIT_FAILED);
	}
	if (f->result == RESULT_UNKNOWN) {
		res->unknown_failed++;
		if (jo != NULL && jo->strict)
			status_raise(&res->status, EXIT_FAILED);
	}
}

void
repo_result_init(struct repo_result *res, const char *path)
{
	memset(res, 0, sizeof(*res));
	ruleset_init(&res->rs);
	res->path = xstrdup(path);
}

const struct finding *
repo_result_finding(const struct repo_result *res, const char *id)
{
	size_t i;

	for (i = 0; i < res->nfindings; i++)
		if (strcmp(res->findings[i].rule->id, id) == 0)
			return &res->findings[i];
	return NULL;
}

void
repo_result_release(struct repo_result *res)
{
	size_t i;

	for (i = 0; i < res->nfindings; i++)
		finding_release(&res->findings[i]);
	free(res->findings);
	baseline_free(res->baseline);
	free(res->outside_gitdir);
	strvec_clear(&res->outside_alternates);
	free(res->path);
	free(res->abspath);
	ruleset_release(&res->rs);
	memset(res, 0, sizeof(*res));
}

void
finding_places_add(struct finding_places *pl, const char *path, int line,
    char *what, char *note)
{
	XGROW(pl->v, pl->n + 1, pl->alloc);
	pl->v[pl->n].path = path;
	pl->v[pl->n].line = line;
	pl->v[pl->n].what = what;
	pl->v[pl->n].note = note;
	pl->n++;
}

void
finding_places_say(struct finding *f, const struct finding_places *pl,
    size_t show, size_t max)
{
	size_t i;

	for (i = 0; i < pl->n && i < show; i++)
		finding_append(f, "%s%s:%d %s", i > 0 ? "; " : "",
		    pl->v[i].path, pl->v[i].line, pl->v[i].what);
	if (pl->n > show)
		finding_append(f, "; and %zu more", pl->n - show);
	for (i = 0; i < pl->n && i < max; i++)
		finding_evidence(f, pl->v[i].path, pl->v[i].line,
		    pl->v[i].note);
}

void
finding_places_release(struct finding_places *pl)
{
	size_t i;

	for (i = 0; i < pl->n; i++) {
		if (pl->v[i].note != pl->v[i].what)
			free(pl->v[i].note);
		free(pl->v[i].what);
	}
	free(pl->v);
	memset(pl, 0, sizeof(*pl));
}
