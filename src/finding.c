/* finding.c: findings, and the one place a finding is judged and counted */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "finding.h"
#include "ruleset.h"
#include "strbuf.h"
#include "xalloc.h"

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

void
finding_evidence(struct finding *f, const char *path, int line,
    const char *note)
{
	XGROW(f->ev, f->nev + 1, f->evalloc);
	f->ev[f->nev].path = xstrdup(path);
	f->ev[f->nev].line = line;
	f->ev[f->nev].note = note != NULL ? xstrdup(note) : NULL;
	f->nev++;
}

void
finding_copy_evidence(struct finding *to, const struct finding *from)
{
	size_t i;

	for (i = 0; i < from->nev; i++)
		finding_evidence(to, from->ev[i].path, from->ev[i].line,
		    from->ev[i].note);
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

void
finding_judge(struct finding *f, struct repo_result *res,
    const struct judge_opts *jo)
{
	const struct rule *r = f->rule;

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

void
repo_result_release(struct repo_result *res)
{
	size_t i;

	for (i = 0; i < res->nfindings; i++)
		finding_release(&res->findings[i]);
	free(res->findings);
	free(res->path);
	free(res->abspath);
	ruleset_release(&res->rs);
	memset(res, 0, sizeof(*res));
}
