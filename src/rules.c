/* rules.c: the table of rule types, the keys every rule has, findings */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "keyspec.h"
#include "rules.h"
#include "strbuf.h"
#include "xalloc.h"

extern const struct rule_type rule_commits;
extern const struct rule_type rule_contains;
extern const struct rule_type rule_contributors;
extern const struct rule_type rule_fact;
extern const struct rule_type rule_file;
extern const struct rule_type rule_sections;

/* Every rule type, alphabetical; unknown-type messages list this. */
const struct rule_type *const rule_types[] = {
	&rule_commits,
	&rule_contains,
	&rule_contributors,
	&rule_fact,
	&rule_file,
	&rule_sections,
	NULL
};

/*
 * Keys every rule takes, whatever its type. A repository's config may
 * change only the level of a rule of an earlier layer; alternative and
 * hint name other rules of the set.
 */
const struct rule_key_spec rule_common_keys[] = {
	{ "type", KEY_STRING, .flags = KEYF_REQUIRED, .doc = "the rule type" },
	{ "level", KEY_ENUM, .flags = KEYF_REPO,
	    .choices = "error|warning|info|off",
	    .doc = "how much a failure matters" },
	{ "title", KEY_TEXT, .doc = "one line saying what is checked" },
	{ "help", KEY_TEXT, .doc = "how to fix a failure" },
	{ "requirement", KEY_INTS, .min = 1, .max = 999,
	    .doc = "requirement numbers" },
	{ "alternative", KEY_WORDS, .flags = KEYF_RULE,
	    .doc = "rules whose pass makes this one pass" },
	{ "report", KEY_BOOL, .doc = "no: only an alternative, not reported" },
	{ "hint", KEY_WORDS, .flags = KEYF_RULE,
	    .doc = "rules whose pass is named in a failure" },
	{ .name = NULL }
};

const struct rule_type *
rule_type_find(const char *name)
{
	size_t i;

	for (i = 0; rule_types[i] != NULL; i++)
		if (strcmp(rule_types[i]->name, name) == 0)
			return rule_types[i];
	return NULL;
}

const struct rule_key_spec *
rule_key_spec_find(const struct rule_type *t, const char *name)
{
	const struct rule_key_spec *s;

	if ((s = keyspec_find(rule_common_keys, name)) != NULL)
		return s;
	return t != NULL ? keyspec_find(t->keys, name) : NULL;
}

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

void
finding_init(struct finding *f, const struct rule *r)
{
	memset(f, 0, sizeof(*f));
	f->rule = r;
	f->level = r->level;
	f->result = RESULT_SKIP;
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

void
finding_result(struct finding *f, enum result res, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	f->result = res;
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	free(f->message);
	f->message = strbuf_detach(&sb, NULL);
}

void
finding_fix(struct finding *f, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	free(f->fix);
	f->fix = strbuf_detach(&sb, NULL);
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
