/* rulecheck.c: the rules of a read rule set checked against their types' key specs */
#define _POSIX_C_SOURCE 200809L
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "keyspec.h"
#include "nearest.h"
#include "regex.h"
#include "rulecheck.h"
#include "rules.h"
#include "ruleset.h"
#include "strbuf.h"
#include "timeutil.h"
#include "xalloc.h"

/* The compiled form of a KEY_REGEX or KEY_LABELLED value. */
struct key_regex {
	pcre2_code	*re;
	char		*label;		/* KEY_LABELLED */
};


static int	 check_repo_layer(const struct ruleset *);
static int	 find_type(const struct ruleset *, struct rule *);
static int	 unknown_rule(const struct ruleset *, const struct rule *);
static int	 finish_rule(struct rule *);
static int	 finish_exempt(const struct ruleset *, struct rule *);
static int	 unknown_key(const struct rule *, const struct rule_key *);
static int	 check_key(struct rule *, struct rule_key *,
		    const struct rule_key_spec *);
static int	 compile_key(struct rule *, struct rule_key *,
		    const struct rule_key_spec *);
static int	 check_required(const struct rule *,
		    const struct rule_key_spec *);
static int	 check_refs(const struct ruleset *, const struct rule *);
static void	 join_text(struct rule_key *);
static void	 split_words(struct rule_key *);
static void	 key_regex_free(void *);

/* Errors told about one rule set; the rest are counted. */
#define RULECHECK_MAX_ERRORS	20

int
rulecheck_finish(struct ruleset *rs)
{
	size_t i;
	int rc, held;

	if (check_repo_layer(rs) == -1)
		return -1;
	rc = 0;
	ec_error_cap(RULECHECK_MAX_ERRORS);
	for (i = 0; i < rs->nrules; i++)
		if (find_type(rs, rs->rules[i]) == -1 ||
		    finish_rule(rs->rules[i]) == -1 ||
		    finish_exempt(rs, rs->rules[i]) == -1)
			rc = -1;
	held = ec_error_cap(-1);
	if (held > 0)
		ec_error("and %d more error%s in the rules", held,
		    held == 1 ? "" : "s");
	for (i = 0; rc == 0 && i < rs->nrules; i++)
		if (check_refs(rs, rs->rules[i]) == -1)
			rc = -1;
	if (rc == 0)
		ruleset_finish(rs);
	return rc;
}

/*
 * What a repository's .ecocheck.ini set in rules of earlier layers: only
 * keys whose spec says KEYF_REPO (the level, thresholds, who counts as a
 * contributor), so that a repository cannot make a rule pass by
 * redefining it. Unknown keys are left to finish_rule(), which suggests
 * a name. The offending value first in the file is reported.
 */
static int
check_repo_layer(const struct ruleset *rs)
{
	const struct rule_key_spec *spec;
	const struct rule_type *t;
	const struct rule *r, *bad_rule;
	const struct rule_key *k, *bad;
	size_t i, j;

	if (rs->repo_layer == 0)
		return 0;
	bad = NULL;
	bad_rule = NULL;
	for (i = 0; i < rs->nrules; i++) {
		r = rs->rules[i];
		if (r->layer >= rs->repo_layer)
			continue;
		t = rule_type_find(rule_str(r, "type", ""));
		for (j = 0; j < r->nkeys; j++) {
			k = &r->keys[j];
			if (k->layer != rs->repo_layer || k->n == 0)
				continue;
			spec = rule_key_spec_find(t, k->name);
			if (spec == NULL || (spec->flags & KEYF_REPO))
				continue;
			if (bad == NULL || k->v[0].line < bad->v[0].line) {
				bad = k;
				bad_rule = r;
			}
		}
	}
	if (bad == NULL)
		return 0;
	return ec_error_at(bad->v[0].file, bad->v[0].line, "a repository's "
	    "configuration may change only the level and thresholds of rule "
	    "'%s', not '%s'", bad_rule->id, bad->name);
}

/* The rule's type from the table; an unknown one with a suggestion. */
static int
find_type(const struct ruleset *rs, struct rule *r)
{
	struct strbuf known = STRBUF_INIT, hint = STRBUF_INIT;
	const struct rule_key *k;
	struct nearest sg;
	const char *tn;
	size_t i;

	k = rule_key(r, "type");
	if (k == NULL || k->n == 0) {
		if (rs->set_layer != 0 && r->layer == rs->set_layer)
			return unknown_rule(rs, r);
		return ec_error_at(r->file, r->line, "rule '%s' has no type",
		    r->id);
	}
	tn = k->v[k->n - 1].value;
	r->type = rule_type_find(tn);
	if (r->type != NULL)
		return 0;
	nearest_init(&sg, tn);
	for (i = 0; rule_types[i] != NULL; i++) {
		strbuf_addf(&known, "%s%s", i ? ", " : "", rule_types[i]->name);
		nearest_try(&sg, rule_types[i]->name);
	}
	nearest_say(&sg, &hint);
	ec_error_at(k->v[k->n - 1].file, k->v[k->n - 1].line,
	    "rule '%s': unknown type '%s' (known: %s)%s", r->id, tn,
	    known.buf, hint.buf);
	strbuf_release(&known);
	strbuf_release(&hint);
	return -1;
}

/*
 * A rule only --set names, without a type: a rule id that no rule file
 * defines, most likely a typo of one that does.
 */
static int
unknown_rule(const struct ruleset *rs, const struct rule *r)
{
	struct strbuf hint = STRBUF_INIT;
	const struct rule_key *k;
	struct nearest sg;
	size_t i;

	nearest_init(&sg, r->id);
	for (i = 0; i < rs->nrules; i++)
		if (rs->rules[i]->layer != rs->set_layer)
			nearest_try(&sg, rs->rules[i]->id);
	nearest_say(&sg, &hint);
	k = &r->keys[0];
	ec_error("--set %s.%s=%s: unknown rule '%s'%s", r->id, k->name,
	    k->n > 0 ? k->v[0].value : "", r->id, hint.buf);
	strbuf_release(&hint);
	return -1;
}

/* Check every key of a rule whose type is known, then let the type parse. */
static int
finish_rule(struct rule *r)
{
	const struct rule_key_spec *spec;
	const struct rule_key *k;
	long long n;
	size_t i;

	for (i = 0; i < r->nkeys; i++) {
		spec = rule_key_spec_find(r->type, r->keys[i].name);
		if (spec == NULL)
			return unknown_key(r, &r->keys[i]);
		if (check_key(r, &r->keys[i], spec) == -1)
			return -1;
	}
	if (check_required(r, rule_common_keys) == -1 ||
	    check_required(r, r->type->keys) == -1)
		return -1;
	level_parse(rule_str(r, "level", "error"), &r->level);
	r->title = rule_str(r, "title", NULL);
	r->help = rule_str(r, "help", NULL);
	r->icase = strcmp(rule_str(r, "case", "sensitive"), "insensitive") ==
	    0;
	free(r->req);
	r->req = NULL;
	r->nreq = 0;
	if ((k = rule_key(r, "requirement")) != NULL) {
		r->req = xcalloc(k->n + 1, sizeof(int));
		for (i = 0; i < k->n; i++)
			if (keyspec_uint(k->v[i].value, &n) == 0)
				r->req[r->nreq++] = (int)n;
	}
	r->priv_free = r->type->free;
	if (r->type->parse != NULL && r->type->parse(r) == -1)
		return -1;
	return 0;
}

/*
 * An exemption needs a reason; its until a date (YYYY-MM-DD, a day that
 * exists) and an exemption to end. The file reports name is the
 * repository's ".ecocheck.ini" when its config gave the reason.
 */
static int
finish_exempt(const struct ruleset *rs, struct rule *r)
{
	const struct rule_key *k, *u;
	const char *p;

	k = rule_key(r, RULE_KEY_EXEMPT);
	u = rule_key(r, RULE_KEY_UNTIL);
	r->exempt = NULL;
	r->until = NULL;
	r->until_at = NULL;
	if (u != NULL && u->n > 0) {
		p = u->v[0].value;
		if (strlen(p) != 10 || time_parse_iso(p, &r->until_end) == -1)
			return rule_error(r, RULE_KEY_UNTIL, "'%s' is not a "
			    "date: expected YYYY-MM-DD", p);
		if (k == NULL || k->n == 0)
			return rule_error(r, RULE_KEY_UNTIL, "an end date "
			    "without an exemption: give 'exempt = REASON'");
		r->until = p;
		r->until_at = &u->v[0];
		r->until_end += 86400;
	}
	if (k == NULL)
		return 0;
	for (p = k->n > 0 ? k->v[0].value : ""; *p == ' ' || *p == '\t'; p++)
		;
	if (*p == '\0')
		return rule_error(r, RULE_KEY_EXEMPT, "an exemption needs a "
		    "reason: 'exempt = WHY THE RULE DOES NOT APPLY'");
	r->exempt = p;
	r->exempt_file = k->v[0].file;
	r->exempt_line = k->v[0].line;
	if (rs->repo_layer != 0 && k->layer == rs->repo_layer &&
	    rs->repo_config != NULL)
		r->exempt_file = rs->repo_config;
	return 0;
}

int
rulecheck_exemptions(const struct ruleset *rs, int64_t as_of)
{
	const struct rule *r;
	char date[16];
	size_t i;

	for (i = 0; i < rs->nrules; i++) {
		r = rs->rules[i];
		if (r->exempt == NULL || r->until == NULL ||
		    as_of < r->until_end)
			continue;
		time_format_date(as_of, date, sizeof(date));
		return ec_error_at(r->until_at->file, r->until_at->line,
		    "rule '%s': until: the exemption ran out after %s (the "
		    "report is as of %s): give a later date or remove it",
		    r->id, r->until, date);
	}
	return 0;
}

static int
unknown_key(const struct rule *r, const struct rule_key *k)
{
	struct strbuf hint = STRBUF_INIT;
	const struct rule_key_spec *s;
	struct nearest sg;

	if (k->n == 0)
		return ec_error_at(r->file, r->line, "rule '%s': unknown key "
		    "'%s' for type %s", r->id, k->name, r->type->name);
	nearest_init(&sg, k->name);
	for (s = rule_common_keys; s->name != NULL; s++)
		nearest_try(&sg, s->name);
	for (s = r->type->keys; s != NULL && s->name != NULL; s++)
		nearest_try(&sg, s->name);
	nearest_say(&sg, &hint);
	ec_error_at(k->v[0].file, k->v[0].line, "rule '%s': unknown key '%s' "
	    "for type %s%s", r->id, k->name, r->type->name, hint.buf);
	strbuf_release(&hint);
	return -1;
}

/* A key's values against its spec: count, kind, range; patterns compiled. */
static int
check_key(struct rule *r, struct rule_key *k, const struct rule_key_spec *spec)
{
	struct strbuf err = STRBUF_INIT;
	size_t i;

	if (spec->kind == KEY_WORDS || spec->kind == KEY_INTS)
		split_words(k);
	else if (spec->kind == KEY_TEXT)
		join_text(k);
	if (keyspec_single(spec) && k->n > 1)
		return ec_error_at(k->v[1].file, k->v[1].line, "rule '%s': key "
		    "'%s' given twice (it takes one value)", r->id, k->name);
	for (i = 0; i < k->n; i++)
		if (keyspec_check(spec, k->v[i].value, &err) == -1) {
			ec_error_at(k->v[i].file, k->v[i].line, "rule '%s': "
			    "%s: %s", r->id, k->name, err.buf);
			strbuf_release(&err);
			return -1;
		}
	strbuf_release(&err);
	if (spec->kind == KEY_REGEX || spec->kind == KEY_LABELLED)
		return compile_key(r, k, spec);
	return 0;
}

/*
 * Compile each pattern of a key once, with the flags of its spec: without
 * case when KEYF_CASELESS, unless the rule's case_key says "sensitive".
 */
static int
compile_key(struct rule *r, struct rule_key *k,
    const struct rule_key_spec *spec)
{
	struct strbuf err = STRBUF_INIT;
	struct key_regex *kr;
	const char *cv;
	uint32_t flags;
	size_t i;

	flags = 0;
	cv = spec->case_key != NULL ? rule_str(r, spec->case_key, NULL) : NULL;
	if ((spec->flags & KEYF_CASELESS) &&
	    (cv == NULL || strcmp(cv, "sensitive") != 0))
		flags |= PCRE2_CASELESS;
	if (spec->flags & KEYF_MULTILINE)
		flags |= PCRE2_MULTILINE;
	for (i = 0; i < k->n; i++) {
		if (k->v[i].parsed != NULL)
			continue;
		kr = xcalloc(1, sizeof(*kr));
		if (spec->kind == KEY_LABELLED)
			kr->re = regex_compile_labelled(k->v[i].value, flags,
			    &kr->label, &err);
		else
			kr->re = regex_compile(k->v[i].value, flags, &err);
		if (kr->re == NULL) {
			free(kr);
			if (spec->kind == KEY_LABELLED)
				ec_error_at(k->v[i].file, k->v[i].line,
				    "rule '%s': %s: %s", r->id, k->name,
				    err.buf);
			else
				ec_error_at(k->v[i].file, k->v[i].line,
				    "rule '%s': %s: bad regular expression: "
				    "%s", r->id, k->name, err.buf);
			strbuf_release(&err);
			return -1;
		}
		k->v[i].parsed = kr;
		k->v[i].parsed_free = key_regex_free;
	}
	strbuf_release(&err);
	return 0;
}

static void
key_regex_free(void *p)
{
	struct key_regex *kr = p;

	pcre2_code_free(kr->re);
	free(kr->label);
	free(kr);
}

/* Keys a spec table says a rule needs: "a file rule needs 'path'". */
static int
check_required(const struct rule *r, const struct rule_key_spec *table)
{
	const struct rule_key_spec *s;
	const struct rule_key *k;

	for (s = table; s != NULL && s->name != NULL; s++) {
		if (!(s->flags & KEYF_REQUIRED))
			continue;
		k = rule_key(r, s->name);
		if (k == NULL || k->n == 0)
			return rule_error(r, NULL, "a %s rule needs '%s'",
			    r->type->name, s->name);
	}
	return 0;
}

/* Keys that name rules (KEYF_RULE) name other rules, of ref_type if set. */
static int
check_refs(const struct ruleset *rs, const struct rule *r)
{
	struct strbuf hint = STRBUF_INIT;
	const struct rule_key_spec *spec;
	const struct rule_key *k;
	const struct rule *other;
	struct nearest sg;
	size_t i, j, m;

	for (i = 0; i < r->nkeys; i++) {
		k = &r->keys[i];
		spec = rule_key_spec_find(r->type, k->name);
		if (spec == NULL || !(spec->flags & KEYF_RULE))
			continue;
		for (j = 0; j < k->n; j++) {
			other = ruleset_find(rs, k->v[j].value);
			if (other != NULL && other != r &&
			    (spec->ref_type == NULL ||
			    strcmp(other->type->name, spec->ref_type) == 0))
				continue;
			nearest_init(&sg, k->v[j].value);
			for (m = 0; m < rs->nrules; m++) {
				other = rs->rules[m];
				if (other != r && (spec->ref_type == NULL ||
				    strcmp(other->type->name,
				    spec->ref_type) == 0))
					nearest_try(&sg, other->id);
			}
			nearest_say(&sg, &hint);
			ec_error_at(k->v[j].file, k->v[j].line, "rule '%s': "
			    "%s: no %s rule '%s'%s", r->id, k->name,
			    spec->ref_type != NULL ? spec->ref_type : "other",
			    sg.name, hint.buf);
			strbuf_release(&hint);
			return -1;
		}
	}
	return 0;
}

/* Join the lines of a KEY_TEXT key (indented continuations) into one. */
static void
join_text(struct rule_key *k)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	if (k->n < 2)
		return;
	for (i = 0; i < k->n; i++) {
		if (i > 0)
			strbuf_addch(&sb, ' ');
		strbuf_addstr(&sb, k->v[i].value);
		free(k->v[i].value);
	}
	k->v[0].value = strbuf_detach(&sb, NULL);
	k->n = 1;
}

/* Split the values of a KEY_WORDS or KEY_INTS key on white space. */
static void
split_words(struct rule_key *k)
{
	struct rule_value *nv;
	size_t i, n, alloc;
	char *tok, *save;

	nv = NULL;
	n = alloc = 0;
	for (i = 0; i < k->n; i++) {
		for (tok = strtok_r(k->v[i].value, " \t", &save); tok != NULL;
		    tok = strtok_r(NULL, " \t", &save)) {
			XGROW(nv, n + 1, alloc);
			memset(&nv[n], 0, sizeof(nv[n]));
			nv[n].value = xstrdup(tok);
			nv[n].file = k->v[i].file;
			nv[n].line = k->v[i].line;
			n++;
		}
		free(k->v[i].value);
	}
	free(k->v);
	k->v = nv;
	k->n = n;
	k->alloc = alloc;
}

static const struct key_regex *
value_regex(const struct rule *r, const char *key, size_t i)
{
	const struct rule_key *k;

	k = rule_key(r, key);
	if (k == NULL || i >= k->n || k->v[i].parsed_free != key_regex_free)
		return NULL;
	return k->v[i].parsed;
}

const pcre2_code *
rule_regex(const struct rule *r, const char *key, size_t i)
{
	const struct key_regex *kr;

	kr = value_regex(r, key, i);
	return kr != NULL ? kr->re : NULL;
}

const char *
rule_regex_label(const struct rule *r, const char *key, size_t i)
{
	const struct key_regex *kr;

	kr = value_regex(r, key, i);
	return kr != NULL ? kr->label : NULL;
}

int
rule_dirs_inside(const struct rule *r, const char *key)
{
	const struct rule_key *k;
	size_t i;

	k = rule_key(r, key);
	for (i = 0; k != NULL && i < k->n; i++)
		if (k->v[i].value[0] == '/' ||
		    strstr(k->v[i].value, "..") != NULL)
			return rule_error(r, key, "'%s' is not a directory "
			    "inside the repository", k->v[i].value);
	return 0;
}
