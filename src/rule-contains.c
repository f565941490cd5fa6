/*
 * rule-contains.c: the "contains" rule type: a file's text matches (or
 * must not match) PCRE2 patterns.
 *
 * The file is the first of `file` found in `dirs`, or the one the file
 * rule named by `of` finds. When the text does not match, `label`
 * patterns name what the file is instead (a Contributor Covenant rather
 * than the Linux Foundation Code of Conduct) and `miss_level` sets how
 * much that matters. Matching runs under PCRE2 limits: a pattern that
 * hits them gives "unknown", never a hang.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ctx.h"
#include "finding.h"
#include "regex.h"
#include "rules.h"
#include "ruleset.h"
#include "strbuf.h"
#include "tree.h"
#include "xalloc.h"

#define CONTAINS_DEFAULT_MAX	(1024 * 1024)

struct label {
	char		*name;
	pcre2_code	*re;
};

struct contains {
	pcre2_code	**pat;
	size_t		  npat;
	struct label	 *labels;
	size_t		  nlabels;
	enum { MATCH_ALL, MATCH_ANY, MATCH_NONE } match;
	enum level	  miss_level;
	int		  has_miss_level;
};

static int	 contains_parse(struct rule *);
static int	 contains_check(const struct rule *, struct check_ctx *,
		    struct finding *);
static void	 contains_free(void *);

static const struct rule_key_spec contains_keys[] = {
	{ "file", KEY_WORDS, NULL, "files to read, first found wins" },
	{ "of", KEY_STRING, NULL, "read the file that this file rule finds" },
	{ "dirs", KEY_WORDS, NULL, "directories to look in (default .)" },
	{ "pattern", KEY_REGEX, NULL, "PCRE2 patterns" },
	{ "match", KEY_ENUM, "all|any|none", "how many patterns must match" },
	{ "case", KEY_ENUM, "sensitive|insensitive",
	    "pattern case (default insensitive)" },
	{ "miss_level", KEY_ENUM, "error|warning|info|off",
	    "level when the file is there but does not match" },
	{ "label", KEY_LIST, NULL, "NAME: REGEX naming what a miss is" },
	{ "max_bytes", KEY_INT, NULL, "bytes read at most (default 1 MiB)" },
	{ "judgment", KEY_BOOL, NULL, "a miss needs a person to decide" },
	{ NULL, 0, NULL, NULL }
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
	size_t i;

	for (i = 0; i < c->npat; i++)
		pcre2_code_free(c->pat[i]);
	for (i = 0; i < c->nlabels; i++) {
		pcre2_code_free(c->labels[i].re);
		free(c->labels[i].name);
	}
	free(c->pat);
	free(c->labels);
	free(c);
}

static int
contains_parse(struct rule *r)
{
	struct strbuf err = STRBUF_INIT;
	const struct rule_key *k;
	struct contains *c;
	const char *v, *m;
	uint32_t flags;
	size_t i;

	if ((rule_key(r, "file") == NULL) == (rule_key(r, "of") == NULL))
		return rule_error(r, NULL, "a contains rule needs 'file' or "
		    "'of' (one of them)");
	k = rule_key(r, "pattern");
	if (k == NULL || k->n == 0)
		return rule_error(r, NULL, "a contains rule needs 'pattern'");
	if (rule_key(r, "max_bytes") != NULL && rule_int(r, "max_bytes", 1) < 1)
		return rule_error(r, "max_bytes", "must be at least 1");
	c = xcalloc(1, sizeof(*c));
	r->priv = c;
	flags = strcmp(rule_str(r, "case", "insensitive"), "insensitive") == 0
	    ? PCRE2_CASELESS : 0;
	flags |= PCRE2_MULTILINE;
	c->pat = xcalloc(k->n, sizeof(*c->pat));
	for (i = 0; i < k->n; i++) {
		c->pat[i] = regex_compile(k->v[i].value, flags, &err);
		if (c->pat[i] == NULL) {
			rule_value_error(r, "pattern", i, "%s", err.buf);
			strbuf_release(&err);
			return -1;
		}
		c->npat++;
	}
	m = rule_str(r, "match", "all");
	c->match = strcmp(m, "any") == 0 ? MATCH_ANY :
	    strcmp(m, "none") == 0 ? MATCH_NONE : MATCH_ALL;
	if ((v = rule_str(r, "miss_level", NULL)) != NULL) {
		level_parse(v, &c->miss_level);
		c->has_miss_level = 1;
	}
	k = rule_key(r, "label");
	if (k != NULL && k->n > 0)
		c->labels = xcalloc(k->n, sizeof(*c->labels));
	for (i = 0; k != NULL && i < k->n; i++) {
		c->labels[i].re = regex_compile_labelled(k->v[i].value, flags,
		    &c->labels[i].name, &err);
		if (c->labels[i].re == NULL) {
			rule_value_error(r, "label", i, "%s", err.buf);
			strbuf_release(&err);
			return -1;
		}
		c->nlabels++;
	}
	strbuf_release(&err);
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

static int
contains_check(const struct rule *r, struct check_ctx *ctx,
    struct finding *f)
{
	struct contains *c = r->priv;
	const struct tree_entry *e;
	const struct rule_key *pk;
	struct strbuf looked = STRBUF_INIT;
	struct strbuf err = STRBUF_INIT, missed = STRBUF_INIT;
	const char *text, *want;
	size_t i, s, nmatched, cap, len;
	int trunc, rc, accepted;

	e = contains_locate(r, ctx, &looked, &accepted, &want);
	if (e == NULL) {
		finding_result(f, RESULT_FAIL, "no %s (looked for %s)", want,
		    looked.buf);
		goto out;
	}
	cap = (size_t)rule_int(r, "max_bytes", CONTAINS_DEFAULT_MAX);
	if (ctx_usable(ctx, e, f) == -1 ||
	    ctx_read(ctx, e, cap, CTX_READ_TEXT, f, &text, &len, &trunc) != 0)
		goto out;
	pk = rule_key(r, "pattern");
	nmatched = 0;
	for (i = 0; i < c->npat; i++) {
		rc = regex_search(c->pat[i], text, len, 0, &s, NULL, &err);
		if (rc == -1) {
			finding_result(f, RESULT_UNKNOWN, "%s: pattern '%s' "
			    "could not be matched: %s", e->path,
			    pk->v[i].value, err.buf);
			finding_evidence(f, e->path, 0, NULL);
			goto out;
		}
		if (rc == 1) {
			nmatched++;
			finding_evidence(f, e->path, regex_line_of(text, s),
			    pk->v[i].value);
		} else
			strbuf_addf(&missed, "%s/%s/", missed.len ? ", " : "",
			    pk->v[i].value);
	}
	if ((c->match == MATCH_ALL && nmatched == c->npat) ||
	    (c->match == MATCH_ANY && nmatched > 0) ||
	    (c->match == MATCH_NONE && nmatched == 0)) {
		if (c->match == MATCH_NONE)
			finding_evidence(f, e->path, 0, NULL);
		finding_result(f, RESULT_PASS, "%s matches%s", e->path,
		    trunc ? " (in the part read)" : "");
		goto out;
	}
	if (c->has_miss_level)
		finding_cap_level(f, c->miss_level);
	f->judgment = rule_bool(r, "judgment", 0);
	for (i = 0; i < c->nlabels; i++) {
		rc = regex_search(c->labels[i].re, text, len, 0, &s, NULL,
		    &err);
		if (rc == 1) {
			finding_result(f, RESULT_FAIL, "%s is the %s", e->path,
			    c->labels[i].name);
			finding_evidence(f, e->path, regex_line_of(text, s),
			    c->labels[i].name);
			goto out;
		}
	}
	if (c->match == MATCH_NONE)
		finding_result(f, RESULT_FAIL, "%s matches what it must not",
		    e->path);
	else
		finding_result(f, RESULT_FAIL, "%s does not match %s%s",
		    e->path, missed.buf, trunc ? " (in the part read)" : "");
	if (f->nev == 0)
		finding_evidence(f, e->path, 0, NULL);
out:
	strbuf_release(&looked);
	strbuf_release(&err);
	strbuf_release(&missed);
	return 0;
}
