/*
 * rule-contains.c: the "contains" rule type: a file's text matches (or
 * must not match) PCRE2 patterns.
 *
 * The file is the first of `file` found in `dirs`, or the one the file
 * rule named by `of` finds. When the text does not match, `label`
 * patterns name what the file is instead (a Contributor Covenant rather
 * than the Linux Foundation Code of Conduct) and `miss_level` sets how
 * much that matters. Matching runs under PCRE2 limits and a budget of
 * work for each pattern and label over the whole file (see regex.h): a
 * pattern that runs out gives "unknown", never a hang.
 *
 * With match = none, a `caution` pattern that matches where no pattern
 * does is a warning naming the line (the README says the project is "in
 * maintenance mode"); when the text it matched names a date that has
 * passed as of the window's end ("bug fixes only until January 1,
 * 2025"), it fails at the rule's level.
 *
 * Messages never show a pattern: `describe` says in words what each
 * pattern looks for ("the Linux Foundation Code of Conduct"); without
 * it, patterns are named by their number.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ctx.h"
#include "finding.h"
#include "regex.h"
#include "rulecheck.h"
#include "rules.h"
#include "ruleset.h"
#include "strbuf.h"
#include "text.h"
#include "timeutil.h"
#include "tree.h"
#include "xalloc.h"

#define CONTAINS_DEFAULT_MAX	(1024 * 1024)

/* The patterns are the rule's, compiled once by rulecheck.c. */
struct label {
	const char		*name;
	const pcre2_code	*re;
};

struct contains {
	const pcre2_code **pat;
	size_t		  npat;
	const struct rule_key *describe;	/* NULL, 1 or npat values */
	struct label	 *labels;
	size_t		  nlabels;
	enum { MATCH_ALL, MATCH_ANY, MATCH_NONE } match;
	enum level	  miss_level;
	int		  has_miss_level;
};

/* What the patterns found in the text of a file. */
struct contains_text {
	const struct tree_entry	*e;
	const char		*text;
	size_t			 len;
	int			 trunc;
	size_t			 nmatched;
	struct strbuf		 matched;	/* the patterns that match */
	struct strbuf		 missed;	/* those that do not */
};

static int	 contains_parse(struct rule *);
static int	 contains_read(const struct rule *, struct check_ctx *,
		    struct contains_text *, struct finding *);
static int	 match_patterns(const struct rule *, struct contains_text *,
		    struct finding *);
static int	 judge_pass(const struct contains *,
		    const struct contains_text *, struct finding *);
static int	 judge_labels(const struct rule *,
		    const struct contains_text *, struct finding *);
static int	 judge_caution(const struct rule *, struct check_ctx *,
		    const struct contains_text *, struct finding *);
static int	 contains_check(const struct rule *, struct check_ctx *,
		    struct finding *);
static void	 contains_free(void *);

/* Patterns and labels ignore case unless case = sensitive. */
static const struct rule_key_spec contains_keys[] = {
	{ "file", KEY_WORDS, .doc = "files to read, first found wins" },
	{ "of", KEY_STRING, .flags = KEYF_RULE, .ref_type = "file",
	    .doc = "read the file that this file rule finds" },
	{ "dirs", KEY_WORDS, .doc = "directories to look in (default .)" },
	{ "pattern", KEY_REGEX,
	    .flags = KEYF_REQUIRED | KEYF_CASELESS | KEYF_MULTILINE,
	    .case_key = "case", .doc = "PCRE2 patterns" },
	{ "caution", KEY_REGEX, .flags = KEYF_CASELESS | KEYF_MULTILINE,
	    .case_key = "case", .doc = "with match = none, patterns whose "
	    "match is a warning, or a failure once a date it names passed" },
	{ "match", KEY_ENUM, .choices = "all|any|none",
	    .doc = "how many patterns must match" },
	{ "case", KEY_ENUM, .choices = "sensitive|insensitive",
	    .doc = "pattern case (default insensitive)" },
	{ "miss_level", KEY_ENUM, .choices = "error|warning|info|off",
	    .doc = "level when the file is there but does not match" },
	{ "label", KEY_LABELLED, .flags = KEYF_CASELESS | KEYF_MULTILINE,
	    .case_key = "case", .doc = "NAME: REGEX naming what a miss is" },
	{ "max_bytes", KEY_INT, .min = 1, .max = 1073741824,
	    .doc = "bytes read at most (default 1 MiB)" },
	{ "judgment", KEY_BOOL, .doc = "a miss needs a person to decide" },
	{ "describe", KEY_LIST,
	    .doc = "what the patterns look for, in words (one, or one each)" },
	{ .name = NULL }
};

const struct rule_type rule_contains = {
	.name = "contains",
	.summary = "a file's text matches patterns",
	.keys = contains_keys,
	.parse = contains_parse,
	.check = contains_check,
	.free = contains_free,
};

static void
contains_free(void *p)
{
	struct contains *c = p;

	free(c->pat);
	free(c->labels);
	free(c);
}

/* One of file and of; the patterns and labels rulecheck.c compiled. */
static int
contains_parse(struct rule *r)
{
	const struct rule_key *k;
	struct contains *c;
	const char *v, *m;

	if ((rule_key(r, "file") == NULL) == (rule_key(r, "of") == NULL))
		return rule_error(r, NULL, "a contains rule needs 'file' or "
		    "'of' (one of them)");
	c = xcalloc(1, sizeof(*c));
	r->priv = c;
	k = rule_key(r, "pattern");
	c->pat = xcalloc(k->n, sizeof(*c->pat));
	for (c->npat = 0; c->npat < k->n; c->npat++)
		c->pat[c->npat] = rule_regex(r, "pattern", c->npat);
	c->describe = rule_key(r, "describe");
	if (c->describe != NULL && c->describe->n != 1 &&
	    c->describe->n != c->npat)
		return rule_error(r, "describe", "%zu values for %zu patterns "
		    "(give one, or one for each pattern)", c->describe->n,
		    c->npat);
	m = rule_str(r, "match", "all");
	c->match = strcmp(m, "any") == 0 ? MATCH_ANY :
	    strcmp(m, "none") == 0 ? MATCH_NONE : MATCH_ALL;
	if ((v = rule_str(r, "miss_level", NULL)) != NULL) {
		level_parse(v, &c->miss_level);
		c->has_miss_level = 1;
	}
	k = rule_key(r, "label");
	if (k == NULL || k->n == 0)
		return 0;
	c->labels = xcalloc(k->n, sizeof(*c->labels));
	for (c->nlabels = 0; c->nlabels < k->n; c->nlabels++) {
		c->labels[c->nlabels].re = rule_regex(r, "label", c->nlabels);
		c->labels[c->nlabels].name = rule_regex_label(r, "label",
		    c->nlabels);
	}
	return 0;
}

/* The entry to read: from `file`/`dirs`, or from the file rule `of`. */
static const struct tree_entry *
contains_locate(const struct rule *r, struct check_ctx *ctx,
    struct strbuf *looked, int *accepted, const char **want)
{
	const struct rule *of;
	struct file_query q;
	const char *ofid;

	ofid = rule_str(r, "of", NULL);
	memset(&q, 0, sizeof(q));
	q.names = rule_key(r, "file");
	q.dirs = rule_key(r, "dirs");
	/* The rule set was checked: "of" names a file rule. */
	if (ofid != NULL && (of = ruleset_find(ctx_ruleset(ctx), ofid)) != NULL)
		ctx_file_query(of, &q);
	*want = q.names != NULL && q.names->n > 0 ? q.names->v[0].value : "file";
	return ctx_locate(ctx, &q, accepted, looked);
}

/* Whether a label reads as a noun phrase already: "an alternate code". */
static int
has_article(const char *name)
{
	return strncmp(name, "a ", 2) == 0 || strncmp(name, "an ", 3) == 0 ||
	    strncmp(name, "the ", 4) == 0;
}

/* Pattern i in words: its description, or "pattern 2". */
static void
pattern_words(const struct contains *c, size_t i, struct strbuf *sb)
{
	if (c->describe == NULL || c->describe->n == 0)
		strbuf_addf(sb, "pattern %zu", i + 1);
	else
		strbuf_addstr(sb, c->describe->v[c->describe->n == 1 ? 0 :
		    i].value);
}

/* Add pattern i in words to a list, unless it is there already. */
static void
list_pattern(const struct contains *c, size_t i, struct strbuf *list)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p;
	size_t n;

	pattern_words(c, i, &sb);
	for (p = list->buf; (p = strstr(p, sb.buf)) != NULL; p++) {
		n = (size_t)(p - list->buf);
		if ((n == 0 || p[-1] == ' ') && (p[sb.len] == '\0' ||
		    p[sb.len] == ',')) {
			strbuf_release(&sb);
			return;
		}
	}
	strbuf_addf(list, "%s%s", list->len ? ", " : "", sb.buf);
	strbuf_release(&sb);
}

/*
 * Run every pattern over the text, listing what matched and what did not
 * and giving the first match of each as evidence: 0, or -1 when a pattern
 * could not be matched (f is then unknown).
 */
static int
match_patterns(const struct rule *r, struct contains_text *ct,
    struct finding *f)
{
	struct contains *c = r->priv;
	struct strbuf err = STRBUF_INIT, note = STRBUF_INIT;
	struct regex_budget budget;
	size_t i, s;
	int rc = 0;

	for (i = 0; i < c->npat; i++) {
		regex_budget_init(&budget);
		rc = regex_search(c->pat[i], ct->text, ct->len, 0, &s, NULL,
		    &budget, &err);
		strbuf_reset(&note);
		pattern_words(c, i, &note);
		if (rc < 0) {
			finding_result(f, RESULT_UNKNOWN, "%s: %s could not be "
			    "matched by rule '%s': %s", ct->e->path, note.buf,
			    r->id, err.buf);
			finding_evidence(f, ct->e->path, 0, NULL);
			break;
		}
		if (rc == 1) {
			ct->nmatched++;
			finding_evidence(f, ct->e->path,
			    text_line_of(ct->text, s), note.buf);
			/* Any one will do: name the first. */
			if (c->match != MATCH_ANY || ct->nmatched == 1)
				list_pattern(c, i, &ct->matched);
		} else
			list_pattern(c, i, &ct->missed);
	}
	strbuf_release(&err);
	strbuf_release(&note);
	return rc < 0 ? -1 : 0;
}

/* Whether the matches satisfy the rule; if so, f passes saying so. */
static int
judge_pass(const struct contains *c, const struct contains_text *ct,
    struct finding *f)
{
	const char *path = ct->e->path;
	const char *part = ct->trunc ? " (in the part read)" : "";

	if (!((c->match == MATCH_ALL && ct->nmatched == c->npat) ||
	    (c->match == MATCH_ANY && ct->nmatched > 0) ||
	    (c->match == MATCH_NONE && ct->nmatched == 0)))
		return 0;
	if (c->match == MATCH_NONE)
		finding_evidence(f, path, 0, NULL);
	if (c->describe == NULL)
		finding_result(f, RESULT_PASS, "%s matches%s", path, part);
	else if (c->match == MATCH_NONE)
		finding_result(f, RESULT_PASS, "%s has none of %s%s", path,
		    ct->missed.buf, part);
	else
		finding_result(f, RESULT_PASS, "%s has %s%s", path,
		    ct->matched.buf, part);
	return 1;
}

/*
 * Whether a label names what the file is instead: 1 with f failing (or
 * unknown when a label ran out of budget), else 0.
 */
static int
judge_labels(const struct rule *r, const struct contains_text *ct,
    struct finding *f)
{
	struct contains *c = r->priv;
	struct strbuf err = STRBUF_INIT;
	struct regex_budget budget;
	const char *name;
	size_t i, s;
	int rc, done = 0;

	for (i = 0; i < c->nlabels && !done; i++) {
		regex_budget_init(&budget);
		name = c->labels[i].name;
		rc = regex_search(c->labels[i].re, ct->text, ct->len, 0, &s,
		    NULL, &budget, &err);
		if (rc == REGEX_EBUDGET) {
			finding_result(f, RESULT_UNKNOWN, "%s: label '%s' could "
			    "not be matched by rule '%s': %s", ct->e->path,
			    name, r->id, err.buf);
			finding_evidence(f, ct->e->path, 0, NULL);
			done = 1;
		} else if (rc == 1) {
			finding_result(f, RESULT_FAIL, "%s is %s%s",
			    ct->e->path, has_article(name) ? "" : "the ", name);
			finding_evidence(f, ct->e->path,
			    text_line_of(ct->text, s), name);
			done = 1;
		}
	}
	strbuf_release(&err);
	return done;
}

/*
 * With match = none and nothing matched: the first caution pattern that
 * matches makes f a warning naming the line, or a failure when a date in
 * what it matched has passed as of the window's end. 1 when f has its
 * result (unknown when a pattern ran out of budget), else 0.
 */
static int
judge_caution(const struct rule *r, struct check_ctx *ctx,
    const struct contains_text *ct, struct finding *f)
{
	struct strbuf err = STRBUF_INIT, said = STRBUF_INIT;
	const struct rule_key *k;
	struct regex_budget budget;
	char date[32];
	size_t i, s, e;
	int64_t day;
	int rc, line;

	k = rule_key(r, "caution");
	for (i = 0, rc = 0; k != NULL && i < k->n && rc == 0; i++) {
		regex_budget_init(&budget);
		rc = regex_search(rule_regex(r, "caution", i), ct->text,
		    ct->len, 0, &s, &e, &budget, &err);
	}
	strbuf_release(&err);
	if (rc == 0)
		return 0;
	if (rc < 0) {
		finding_result(f, RESULT_UNKNOWN, "%s: caution %zu could not "
		    "be matched by rule '%s'", ct->e->path, i, r->id);
		finding_evidence(f, ct->e->path, 0, NULL);
		return 1;
	}
	line = text_line_of(ct->text, s);
	strbuf_add(&said, ct->text + s, e - s);
	f->value_str = xstrdup(said.buf);
	if (time_find_date(ct->text + s, e - s, &day)) {
		time_format_date(day, date, sizeof(date));
		if (ctx_as_of(ctx) >= day + 86400)
			finding_result(f, RESULT_FAIL, "the README says '%s': "
			    "the date it gives, %s, has passed", said.buf, date);
		else {
			finding_result(f, RESULT_FAIL, "the README says '%s': "
			    "the project is maintained until %s; a person should "
			    "read what follows", said.buf, date);
			finding_cap_level(f, LEVEL_WARNING);
		}
	} else {
		finding_result(f, RESULT_FAIL, "the README says '%s': a person "
		    "should read whether the project is still maintained",
		    said.buf);
		finding_cap_level(f, LEVEL_WARNING);
	}
	finding_evidence(f, ct->e->path, line, said.buf);
	strbuf_release(&said);
	return 1;
}

/* The text of the rule's file, read: 0, or -1 when f has the result. */
static int
contains_read(const struct rule *r, struct check_ctx *ctx,
    struct contains_text *ct, struct finding *f)
{
	struct contains *c = r->priv;
	struct strbuf looked = STRBUF_INIT;
	const char *want;
	size_t cap;
	int accepted, rc = -1;

	ct->e = contains_locate(r, ctx, &looked, &accepted, &want);
	if (ct->e == NULL && c->match == MATCH_NONE)
		/* Nothing that must not be there: another rule asks for it. */
		finding_result(f, RESULT_SKIP, "no %s to read (looked for %s)",
		    want, looked.buf);
	else if (ct->e == NULL) {
		if (!ctx_not_found(ctx, f, looked.buf))
			finding_result(f, RESULT_FAIL, "no %s (looked for %s)",
			    want, looked.buf);
	} else {
		cap = (size_t)rule_int(r, "max_bytes", CONTAINS_DEFAULT_MAX);
		if (ctx_usable(ctx, ct->e, f) == 0 &&
		    ctx_read(ctx, ct->e, cap, CTX_READ_TEXT, f, &ct->text,
		    &ct->len, &ct->trunc) == 0)
			rc = 0;
	}
	strbuf_release(&looked);
	return rc;
}

static int
contains_check(const struct rule *r, struct check_ctx *ctx,
    struct finding *f)
{
	struct contains *c = r->priv;
	struct contains_text ct;

	memset(&ct, 0, sizeof(ct));
	strbuf_init(&ct.matched);
	strbuf_init(&ct.missed);
	if (contains_read(r, ctx, &ct, f) == -1 ||
	    match_patterns(r, &ct, f) == -1 ||
	    (c->match == MATCH_NONE && ct.nmatched == 0 &&
	    judge_caution(r, ctx, &ct, f)) || judge_pass(c, &ct, f))
		goto out;
	if (c->has_miss_level)
		finding_cap_level(f, c->miss_level);
	f->judgment = rule_bool(r, "judgment", 0);
	if (judge_labels(r, &ct, f))
		goto out;
	if (c->match == MATCH_NONE)
		finding_result(f, RESULT_FAIL, "%s has %s, which it must not",
		    ct.e->path, ct.matched.buf);
	else
		finding_result(f, RESULT_FAIL, "%s does not match %s%s",
		    ct.e->path, ct.missed.buf,
		    ct.trunc ? " (in the part read)" : "");
	if (f->nev == 0)
		finding_evidence(f, ct.e->path, 0, NULL);
out:
	strbuf_release(&ct.matched);
	strbuf_release(&ct.missed);
	return 0;
}
