/*
 * unit-ruleset.c: INI loading, layering, lists, errors with file:line, and
 * the key specs rulecheck.c applies (required, ranges, rule references,
 * the repository layer, patterns compiled once)
 */
#define _POSIX_C_SOURCE 200809L
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "error.h"
#include "keyspec.h"
#include "regex.h"
#include "rulecheck.h"
#include "rules.h"
#include "ruleset.h"
#include "strbuf.h"
#include "tap.h"

static char errfile[] = "/tmp/ecocheck-unit-ruleset-XXXXXX";
static struct strbuf errtext = STRBUF_INIT;

/* Run the loader with stderr captured into errtext. */
static void
capture_begin(void)
{
	fflush(stderr);
	if (freopen(errfile, "w", stderr) == NULL)
		abort();
}

static void
capture_end(void)
{
	FILE *fp;
	char buf[4096];
	size_t n;

	fflush(stderr);
	strbuf_reset(&errtext);
	fp = fopen(errfile, "r");
	while (fp != NULL && (n = fread(buf, 1, sizeof(buf), fp)) > 0)
		strbuf_add(&errtext, buf, n);
	if (fp != NULL)
		fclose(fp);
	if (freopen("/dev/null", "w", stderr) == NULL)
		abort();
}

static int
load(struct ruleset *rs, const char *name, const char *text)
{
	return ruleset_add_buffer(rs, name, text, strlen(text));
}

static const char *shipped =
    "; shipped\n"
    "[ruleset]\n"
    "name = demo\n"
    "window_days = 30\n"
    "\n"
    "[license-file]\n"
    "type = file\n"
    "path = LICENSE.md\n"
    "accept = LICENSE COPYING\n"
    "accept = LICENSE.txt\n"
    "requirement = 15\n"
    "level = error\n"
    "\n"
    "[stars]\n"
    "type = fact\n"
    "fact = stars\n"
    "min = 200\n";

static void
test_layering(void)
{
	struct ruleset rs;
	const struct rule_key *k;
	const struct rule *r;

	ruleset_init(&rs);
	ok(load(&rs, "shipped.ini", shipped) == 0, "a valid rule file loads");
	ok(load(&rs, "repo/.ecocheck.ini",
	    "[license-file]\nlevel = warning\n\n[stars]\nmin = 150\n"
	    "[extra]\ntype = file\npath = NOTICE\n") == 0,
	    "an override layer loads");
	ok(ruleset_set(&rs, "stars.min=250") == 0, "--set parses");
	ok(ruleset_fact(&rs, "stars", "300", "--fact") == 0, "a fact is kept");
	ok(rulecheck_finish(&rs) == 0, "the layered set validates");
	is_str(rs.name, "demo", "[ruleset] name");
	is_int(rs.window_days, 30, "[ruleset] window_days");
	is_int(rs.nrules, 3, "rules of every layer, once each");
	r = rs.rules[0];
	is_str(r->id, "license-file", "rules keep their first order");
	is_int(r->level, LEVEL_WARNING, "a later layer changes the level");
	k = rule_key(r, "accept");
	is_int(k ? k->n : 0, 3, "repeated keys and words make one list");
	is_str(k ? k->v[2].value : NULL, "LICENSE.txt", "list order is kept");
	is_str(k ? k->v[2].file : NULL, "shipped.ini",
	    "each value knows its file");
	is_int(k ? k->v[2].line : 0, 10, "each value knows its line");
	k = rule_key(r, "level");
	is_str(k ? k->v[0].file : NULL, "repo/.ecocheck.ini",
	    "the override's file is recorded");
	is_int(r->nreq, 1, "requirement numbers");
	is_int(r->req[0], 15, "requirement 15");
	r = rs.rules[1];
	is_int(rule_int(r, "min", -1), 250, "--set beats the repository layer");
	k = rule_key(r, "min");
	is_str(k ? k->v[0].file : NULL, "--set", "--set is the source");
	is_str(ruleset_get_fact(&rs, "stars"), "300", "fact lookup");
	is_str(rs.rules[2]->id, "extra", "a layer may add a rule");
	ruleset_release(&rs);

	ruleset_init(&rs);
	load(&rs, "a.ini", shipped);
	load(&rs, "b.ini", "[license-file]\naccept =\n");
	ok(rulecheck_finish(&rs) == 0, "emptying a list validates");
	k = rule_key(rs.rules[0], "accept");
	is_int(k ? (long long)k->n : -1, 0, "an empty value empties the list");
	ruleset_release(&rs);
}

/* Each bad input is refused with this text in the message. */
static void
badn(const char *text, size_t len, const char *want, const char *what)
{
	struct ruleset rs;
	int rc;

	ruleset_init(&rs);
	capture_begin();
	rc = ruleset_add_buffer(&rs, "bad.ini", text, len);
	if (rc == 0)
		rc = rulecheck_finish(&rs);
	capture_end();
	ok(rc == -1 && strstr(errtext.buf, want) != NULL, "%s", what);
	if (strstr(errtext.buf, want) == NULL)
		printf("#   stderr: %s#   wanted: %s\n", errtext.buf, want);
	ruleset_release(&rs);
}

static void
bad(const char *text, const char *want, const char *what)
{
	badn(text, strlen(text), want, what);
}

static void
test_errors(void)
{
	char longline[400];

	bad("[a]\ntype = file\nptah = X\n",
	    "bad.ini:3: rule 'a': unknown key 'ptah' for type file "
	    "(did you mean 'path'?)", "unknown key with a suggestion");
	bad("[a]\ntype = filez\npath = X\n",
	    "bad.ini:2: rule 'a': unknown type 'filez' (known: ",
	    "unknown type lists the known ones");
	bad("[a]\ntype = filez\npath = X\n", "(did you mean 'file'?)",
	    "unknown type suggests the closest");
	bad("[a]\ntype = file\npath = X\nlevel = fatal\n",
	    "bad.ini:4: rule 'a': level: 'fatal' is not one of",
	    "bad level");
	bad("[a]\ntype = file\npath = X\nmin_bytes = ten\n",
	    "bad.ini:4: rule 'a': min_bytes: bad number 'ten'", "bad number");
	bad("[a]\ntype = file\npath = X\nmin_bytes = -1\n",
	    "bad.ini:4: rule 'a': min_bytes: bad number '-1'",
	    "negative number");
	bad("[a]\ntype = file\npath = X\n[b]\ntype = fact\nfact = s\n"
	    "[a]\nlevel = info\n",
	    "bad.ini:7: duplicate section [a] (first at line 1)",
	    "duplicate section");
	bad("[a]\ntype = file\npath = X\nthis is not ini\n",
	    "bad.ini:4: syntax error", "a line that is not key = value");
	bad("[a\ntype = file\n", "bad.ini:1: syntax error",
	    "unterminated section header");
	bad("type = file\n", "bad.ini:1: key 'type' outside a section",
	    "key before any section");
	bad("[a]\npath = X\n", "bad.ini:1: rule 'a' has no type",
	    "rule without type");
	bad("[a]\ntype = contains\nfile = X\npattern = (unclosed\n",
	    "bad.ini:4: rule 'a': pattern: bad regular expression",
	    "bad regular expression");
	bad("[a]\ntype = file\npath = X\nmin_bytes = 1\nmin_bytes = 2\n",
	    "bad.ini:5: rule 'a': key 'min_bytes' given twice",
	    "a scalar key given twice");
	bad("[ruleset]\nwindow_days = 0\n",
	    "bad.ini:2: window_days: bad number", "window_days must be >= 1");
	bad("[Bad Id]\ntype = file\n", "bad.ini:1: bad rule id [Bad Id]",
	    "rule ids are lowercase words");
	bad("[a]\ntype = file\npath = X\nrequirement = x\n",
	    "bad.ini:4: rule 'a': requirement: bad number 'x'",
	    "bad requirement number");
	bad("[a]\ntype = file\n", "bad.ini:1: rule 'a': a file rule needs "
	    "'path'", "a file rule without path");
	bad("[a]\ntype = file\npath = X\ncase = upper\n",
	    "bad.ini:4: rule 'a': case: 'upper' is not one of", "bad enum");
	badn("[a]\ntype = file\npath = A\0B\n", 25, "bad.ini:3: NUL byte",
	    "a NUL byte");
	memset(longline, 'x', sizeof(longline));
	memcpy(longline, "[a]\ntype = file\npath = ", 23);
	longline[sizeof(longline) - 1] = '\0';
	bad(longline, "bad.ini:3: line longer than", "an overlong line");
}

/* A rule file whose line 3 is "path = " and n bytes of 'x', then end. */
static int
path_line(size_t n, const char *end, struct ruleset *rs)
{
	struct strbuf sb = STRBUF_INIT;
	int rc;

	strbuf_addstr(&sb, "[a]\ntype = file\npath = ");
	while (sb.len < 23 + n - 7)
		strbuf_addch(&sb, 'x');
	strbuf_addstr(&sb, end);
	capture_begin();
	rc = ruleset_add_buffer(rs, "long.ini", sb.buf, sb.len);
	if (rc == 0)
		rc = rulecheck_finish(rs);
	capture_end();
	strbuf_release(&sb);
	return rc;
}

/*
 * What inih holds, said the same way by the line reader: lines of 198
 * bytes before their end, section names of 49 bytes; errors capped.
 */
static void
test_limits(void)
{
	struct strbuf sb = STRBUF_INIT;
	struct ruleset rs;
	const char *v;
	char name[64];
	int i, rc;

	ruleset_init(&rs);
	ok(path_line(198, "\n", &rs) == 0, "a line of 198 bytes reads");
	v = rule_str(rs.rules[0], "path", "");
	is_int((long long)strlen(v), 191, "whole");
	ruleset_release(&rs);
	ruleset_init(&rs);
	ok(path_line(198, "\r\n", &rs) == 0, "so it does ended by CR LF");
	is_int((long long)strlen(rule_str(rs.rules[0], "path", "")), 191,
	    "without the CR");
	ruleset_release(&rs);
	ruleset_init(&rs);
	ok(path_line(198, "", &rs) == 0, "and as the last line, unended");
	ruleset_release(&rs);
	ruleset_init(&rs);
	ok(path_line(199, "\n", &rs) == -1, "a line of 199 bytes does not");
	is_str(errtext.buf, "ecocheck: long.ini:3: line longer than 198 "
	    "bytes\n", "the limit is named as the manual names it");
	ruleset_release(&rs);

	memset(name, 'n', sizeof(name));
	snprintf(name + 49, sizeof(name) - 49, "]\ntype = file\n");
	strbuf_addf(&sb, "[%s", name);
	ruleset_init(&rs);
	capture_begin();
	rc = ruleset_add_buffer(&rs, "s.ini", sb.buf, sb.len);
	if (rc == 0)
		rc = rulecheck_finish(&rs);
	capture_end();
	ok(rc == -1 && strstr(errtext.buf, "a file rule needs 'path'") !=
	    NULL, "a section name of 49 bytes is the rule's id, whole");
	ruleset_release(&rs);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "[n%s", name);
	bad(sb.buf, "bad.ini:1: section name longer than 49 bytes",
	    "one of 50 is refused, not cut");
	strbuf_reset(&sb);
	strbuf_addf(&sb, "[n%s[n%s", name, name);
	bad(sb.buf, "bad.ini:1: section name longer than 49 bytes",
	    "two cut alike are not a duplicate section");

	strbuf_reset(&sb);
	for (i = 0; i < 4097; i++)
		strbuf_addf(&sb, "[s%d]\n", i);
	bad(sb.buf, "bad.ini:4097: more than 4096 sections",
	    "sections are counted");

	strbuf_reset(&sb);
	for (i = 0; i < 30; i++)
		strbuf_addf(&sb, "[s%d]\n", i);
	ruleset_init(&rs);
	capture_begin();
	rc = ruleset_add_buffer(&rs, "e.ini", sb.buf, sb.len);
	if (rc == 0)
		rc = rulecheck_finish(&rs);
	capture_end();
	ok(rc == -1, "thirty rules without a type");
	for (i = 0, v = errtext.buf; (v = strchr(v, '\n')) != NULL; v++)
		i++;
	is_int(i, 21, "print twenty errors and one line for the rest");
	ok(strstr(errtext.buf, "e.ini:20: rule 's19' has no type\n"
	    "ecocheck: and 10 more errors in the rules\n") != NULL,
	    "which says how many");
	ruleset_release(&rs);
	capture_begin();
	ec_error("after");
	capture_end();
	is_str(errtext.buf, "ecocheck: after\n", "the cap ends with the set");
	strbuf_release(&sb);
}

/* One line of spec data, checked without a rule set. */
static void
test_keyspec(void)
{
	static const struct rule_key_spec both = { "n", KEY_INT, .min = 1,
	    .max = 999 };
	static const struct rule_key_spec low = { "n", KEY_INT, .min = 1 };
	static const struct rule_key_spec any = { "n", KEY_INT, .doc = "" };
	static const struct rule_key_spec en = { "e", KEY_ENUM,
	    .choices = "a|bc" };
	struct strbuf err = STRBUF_INIT;

	ok(keyspec_check(&both, "1", &err) == 0 &&
	    keyspec_check(&both, "999", &err) == 0, "both ends of a range");
	ok(keyspec_check(&both, "1000", &err) == -1, "over the maximum");
	is_str(err.buf, "bad number '1000' (want 1 to 999)",
	    "a bounded range is named");
	ok(keyspec_check(&low, "0", &err) == -1, "under the minimum");
	is_str(err.buf, "must be at least 1", "a minimum is named");
	ok(keyspec_check(&low, "123456789", &err) == 0, "no maximum");
	ok(keyspec_check(&any, "0", &err) == 0, "zero by default");
	ok(keyspec_check(&any, "+1", &err) == -1, "no sign");
	ok(keyspec_check(&en, "bc", &err) == 0, "an enum choice");
	ok(keyspec_check(&en, "b", &err) == -1, "a prefix is no choice");
	ok(keyspec_single(&en) && !keyspec_single(&(struct rule_key_spec)
	    { "w", KEY_WORDS, .doc = "" }), "scalars take one value, lists many");
	strbuf_release(&err);
}

/* Every number a rule file or --set gives has a maximum in its spec. */
static void
test_number_ranges(void)
{
	const struct rule_key_spec *s;
	int i, bad;

	bad = 0;
	for (i = -1; i < 0 || rule_types[i] != NULL; i++)
		for (s = i < 0 ? rule_common_keys : rule_types[i]->keys;
		    s != NULL && s->name != NULL; s++)
			if ((s->kind == KEY_INT || s->kind == KEY_INTS) &&
			    (s->max <= 0 || s->max > 1000000000000LL ||
			    s->min > s->max)) {
				printf("# %s %s: no range\n", i < 0 ? "common" :
				    rule_types[i]->name, s->name);
				bad++;
			}
	is_int(bad, 0, "every number key has a range of at most 10^12");
}

/* Required keys, ranges and rule references, as the specs say. */
static void
test_specs(void)
{
	bad("[a]\ntype = fact\nmin = 1\n",
	    "bad.ini:1: rule 'a': a fact rule needs 'fact'",
	    "a required key, at the rule's line");
	bad("[a]\ntype = contains\nfile = X\n",
	    "bad.ini:1: rule 'a': a contains rule needs 'pattern'",
	    "a required pattern");
	bad("[a]\ntype = sections\nsection = x: y\n",
	    "bad.ini:1: rule 'a': a sections rule needs 'file'",
	    "a sections rule needs a file");
	bad("[a]\ntype = file\npath = X\nrequirement = 3 1000\n",
	    "bad.ini:4: rule 'a': requirement: bad number '1000' (want 1 to "
	    "999)", "requirement numbers are 1 to 999");
	bad("[a]\ntype = file\npath = X\nrequirement = 0\n",
	    "bad.ini:4: rule 'a': requirement: bad number '0'",
	    "requirement 0 is out of range");
	bad("[c]\ntype = commits\nmin = 1\nwindow_days = 0\n",
	    "bad.ini:4: rule 'c': window_days: bad number '0' (want 1 to "
	    "36500)", "a rule's window_days is 1 to 36500");
	bad("[c]\ntype = contains\nfile = X\npattern = x\nmax_bytes = 0\n",
	    "bad.ini:5: rule 'c': max_bytes: bad number '0' (want 1 to "
	    "1073741824)", "max_bytes is 1 to 1 GiB");
	bad("[f]\ntype = fact\nfact = x\n[c]\ntype = contains\nof = f\n"
	    "pattern = x\n", "bad.ini:6: rule 'c': of: no file rule 'f'",
	    "of names a file rule, not another type");
	bad("[readme]\ntype = file\npath = R\n[c]\ntype = contains\n"
	    "of = readm\npattern = x\n", "bad.ini:6: rule 'c': of: no file "
	    "rule 'readm' (did you mean 'readme'?)",
	    "a rule reference suggests a rule id");
	bad("[a]\ntype = file\npath = X\nalternative = a\n",
	    "bad.ini:4: rule 'a': alternative: no other rule 'a'",
	    "an alternative is another rule, not itself");
	bad("[a]\ntype = file\npath = X\n[b]\ntype = fact\nfact = s\n"
	    "hint = b\n", "bad.ini:7: rule 'b': hint: no other rule 'b'",
	    "a hint is another rule");
	bad("[a]\ntype = file\npath = X\nhint = b\nhint = nope\n[b]\n"
	    "type = fact\nfact = s\n",
	    "bad.ini:5: rule 'a': hint: no other rule 'nope'",
	    "the bad reference's own line");
	bad("[a]\ntype = contains\nfile = X\nlabel = no colon\npattern = x\n",
	    "bad.ini:4: rule 'a': label: expected LABEL: REGEX",
	    "a label needs LABEL: REGEX");
	bad("[a]\ntype = sections\nfile = X\nsection = S: (x\n",
	    "bad.ini:4: rule 'a': section: missing closing parenthesis",
	    "a bad section pattern at its line");
}

/*
 * A repository's config is checked once the set is read: it parses, and
 * rulecheck_finish() refuses the first value it may not change.
 */
static void
repo(const char *text, int want_rc, const char *want, const char *what)
{
	struct ruleset rs;
	int rc;

	ruleset_init(&rs);
	capture_begin();
	rc = load(&rs, "shipped.ini", shipped);
	if (rc == 0)
		rc = ruleset_add_repo_buffer(&rs, "repo.ini", text,
		    strlen(text));
	ok(rc == 0, "%s: the repository's file reads", what);
	rc = rulecheck_finish(&rs);
	capture_end();
	ok(rc == want_rc && (want == NULL ? errtext.len == 0 :
	    strstr(errtext.buf, want) != NULL), "%s", what);
	if (rc != want_rc || (want != NULL && strstr(errtext.buf, want) ==
	    NULL))
		printf("#   rc %d stderr: %s#   wanted: %s\n", rc,
		    errtext.buf, want != NULL ? want : "(nothing)");
	ruleset_release(&rs);
}

/*
 * A layer after the repository's that gives a rule of the repository's
 * its type defines it anew: none of the repository's keys stay.
 */
static void
test_redefine(void)
{
	static const char *hostile =
	    "[sec]\ntype = file\npath = README.md\nalternative = always\n"
	    "level = off\n[always]\ntype = file\npath = README.md\n";
	struct ruleset rs;
	const struct rule *r;

	ruleset_init(&rs);
	load(&rs, "shipped.ini", shipped);
	ruleset_add_repo_buffer(&rs, "repo.ini", hostile, strlen(hostile));
	load(&rs, "extra.ini", "[sec]\ntype = file\npath = SECURITY.md\n");
	ok(rulecheck_finish(&rs) == 0, "a reviewer's file redefines a rule");
	r = ruleset_find(&rs, "sec");
	ok(r != NULL && rule_key(r, "alternative") == NULL,
	    "the repository's alternative is gone");
	ok(r != NULL && r->level == LEVEL_ERROR, "and its level");
	is_str(r != NULL ? rule_str(r, "path", NULL) : NULL, "SECURITY.md",
	    "the reviewer's path");
	is_str(r != NULL ? r->file : NULL, "extra.ini",
	    "the rule is the reviewer's");
	ok(r != NULL && r->layer != rs.repo_layer &&
	    ruleset_find(&rs, "always")->layer == rs.repo_layer,
	    "by layer, which the driver's folds compare");
	ruleset_release(&rs);

	ruleset_init(&rs);
	load(&rs, "shipped.ini", shipped);
	ruleset_add_repo_buffer(&rs, "repo.ini", hostile, strlen(hostile));
	ok(ruleset_set(&rs, "sec.type=file") == 0 &&
	    rulecheck_finish(&rs) == -1, "so does --set with a type: the "
	    "repository's path is gone too");
	ruleset_release(&rs);

	ruleset_init(&rs);
	load(&rs, "shipped.ini", shipped);
	ruleset_add_repo_buffer(&rs, "repo.ini", hostile, strlen(hostile));
	load(&rs, "extra.ini", "[sec]\npath = SECURITY.md\n");
	ok(rulecheck_finish(&rs) == 0, "a later layer may change a key only");
	r = ruleset_find(&rs, "sec");
	ok(r != NULL && rule_key(r, "alternative") != NULL &&
	    r->layer == rs.repo_layer, "the rule stays the repository's");
	ruleset_release(&rs);
}

static void
test_repo_layer(void)
{
	struct ruleset rs;

	repo("[license-file]\nlevel = info\n[stars]\nmin = 10\n", 0, NULL,
	    "levels and thresholds may change");
	repo("[stars]\nmin = 10\n[license-file]\nlevel = info\npath = X\n", -1,
	    "repo.ini:5: a repository's configuration may change only the "
	    "level and thresholds of rule 'license-file', not 'path'",
	    "a path may not change, reported at its line");
	repo("[stars]\nfact = other\n[license-file]\naccept = X\n", -1,
	    "repo.ini:2: a repository's configuration may change only the "
	    "level and thresholds of rule 'stars', not 'fact'",
	    "the first offending line of the file, whatever the rule order");
	repo("[license-file]\ntype = fact\nfact = x\n", -1, "repo.ini:2: "
	    "a repository's configuration may change only the level and "
	    "thresholds of rule 'license-file', not 'type'",
	    "a rule may not be retyped");
	repo("[license-file]\nlevle = info\n", -1, "repo.ini:2: rule "
	    "'license-file': unknown key 'levle' for type file (did you mean "
	    "'level'?)", "an unknown key gets its suggestion");
	repo("[new]\ntype = file\npath = NOTICE\nmin_bytes = 3\n", 0, NULL,
	    "a rule of its own may have any key");
	repo("[ruleset]\nwindow_days = 30\n", 0, NULL,
	    "[ruleset] window_days may change");

	/* A later layer's value is not the repository's. */
	ruleset_init(&rs);
	capture_begin();
	load(&rs, "shipped.ini", shipped);
	ruleset_add_repo_buffer(&rs, "repo.ini", "[stars]\nfact = x\n", 17);
	load(&rs, "reviewer.ini", "[stars]\nfact = stars\n");
	ok(rulecheck_finish(&rs) == 0,
	    "a later layer replacing the value leaves nothing to refuse");
	capture_end();
	ruleset_release(&rs);

	ruleset_init(&rs);
	capture_begin();
	ok(ruleset_add_repo_buffer(&rs, "repo.ini", "[ruleset]\nname = x\n",
	    18) == -1, "a repository may not rename the set");
	capture_end();
	ok(strstr(errtext.buf, "repo.ini:2: a repository's configuration may "
	    "not change [ruleset] name") != NULL, "[ruleset] name is refused");
	ruleset_release(&rs);
}

/* Options of a compiled pattern. */
static uint32_t
re_options(const pcre2_code *re)
{
	uint32_t o;

	if (re == NULL || pcre2_pattern_info(re, PCRE2_INFO_ARGOPTIONS,
	    &o) != 0)
		return 0;
	return o;
}

static void
test_regex(void)
{
	struct ruleset rs;
	const struct rule *r;
	const pcre2_code *re;

	ruleset_init(&rs);
	load(&rs, "re.ini",
	    "[c]\ntype = contains\nfile = X\npattern = abc\npattern = d\n"
	    "label = Covenant: contributor covenant\n"
	    "[s]\ntype = contains\nfile = X\ncase = sensitive\npattern = abc\n"
	    "[sec]\ntype = sections\nfile = README.md\ncase = sensitive\n"
	    "section = Usage: usage|quick start\n"
	    "[who]\ntype = contributors\nexclude = \\[bot\\]\n");
	ok(rulecheck_finish(&rs) == 0, "patterns of every kind compile");
	r = ruleset_find(&rs, "c");
	re = rule_regex(r, "pattern", 0);
	ok(re != NULL, "the accessor gives the compiled pattern");
	ok(re == rule_regex(r, "pattern", 0),
	    "the same code each time: compiled once");
	ok(rule_regex(r, "pattern", 1) != NULL &&
	    rule_regex(r, "pattern", 1) != re, "one code a value");
	ok(rule_regex(r, "pattern", 2) == NULL, "none past the last value");
	ok(rule_regex(r, "file", 0) == NULL, "none for a key of no pattern");
	is_int((re_options(re) & (PCRE2_CASELESS | PCRE2_MULTILINE)),
	    PCRE2_CASELESS | PCRE2_MULTILINE,
	    "contains: caseless and multiline by default");
	is_str(rule_regex_label(r, "label", 0), "Covenant",
	    "a labelled value keeps its label");
	ok(re_options(rule_regex(r, "label", 0)) & PCRE2_CASELESS,
	    "labels follow the rule's case");
	ok(rule_regex_label(r, "pattern", 0) == NULL, "a plain one has none");
	r = ruleset_find(&rs, "s");
	ok(!(re_options(rule_regex(r, "pattern", 0)) & PCRE2_CASELESS),
	    "case = sensitive keeps case");
	r = ruleset_find(&rs, "sec");
	ok(re_options(rule_regex(r, "section", 0)) & PCRE2_CASELESS,
	    "section headings ignore case, whatever case says of names");
	is_str(rule_regex_label(r, "section", 0), "Usage", "section label");
	r = ruleset_find(&rs, "who");
	ok(re_options(rule_regex(r, "exclude", 0)) & PCRE2_CASELESS,
	    "exclude ignores case");
	ruleset_release(&rs);
}

/* --set on a rule no file defines: a typo, with the closest id. */
static void
test_set_rules(void)
{
	struct ruleset rs;
	int rc;

	ruleset_init(&rs);
	load(&rs, "shipped.ini", shipped);
	capture_begin();
	ok(ruleset_set(&rs, "license-fil.level=off") == 0,
	    "--set of any id parses");
	rc = rulecheck_finish(&rs);
	capture_end();
	ok(rc == -1, "an unknown rule is an error");
	is_str(errtext.buf, "ecocheck: --set license-fil.level=off: unknown "
	    "rule 'license-fil' (did you mean 'license-file'?)\n",
	    "it names the rule and the closest id");
	ruleset_release(&rs);

	ruleset_init(&rs);
	load(&rs, "shipped.ini", shipped);
	capture_begin();
	ruleset_set(&rs, "zzz.level=off");
	rc = rulecheck_finish(&rs);
	capture_end();
	is_str(errtext.buf, "ecocheck: --set zzz.level=off: unknown rule "
	    "'zzz'\n", "no suggestion when nothing is close");
	ruleset_release(&rs);

	ruleset_init(&rs);
	load(&rs, "shipped.ini", shipped);
	ok(ruleset_set(&rs, "notice.path=NOTICE") == 0 &&
	    ruleset_set(&rs, "notice.type=file") == 0 &&
	    rulecheck_finish(&rs) == 0, "--set may define a rule with a type");
	ruleset_release(&rs);
}

static void
test_set_errors(void)
{
	struct ruleset rs;

	ruleset_init(&rs);
	capture_begin();
	ok(ruleset_set(&rs, "nodot=1") == -1, "--set without a dot");
	ok(ruleset_set(&rs, "a.=1") == -1, "--set without a key");
	ok(ruleset_set(&rs, "ruleset.window_days=x") == -1,
	    "--set ruleset.window_days needs a number");
	ok(ruleset_set(&rs, "ruleset.window_days=60") == 0 &&
	    rs.window_days == 60, "--set ruleset.window_days");
	ok(ruleset_add_name(&rs, "../etc/passwd") == -1,
	    "a rule set name cannot be a path");
	ok(ruleset_add_file(&rs, "/nonexistent/rules.ini") == -1,
	    "a missing file is an error");
	capture_end();
	ok(strstr(errtext.buf, "/nonexistent/rules.ini: No such file") !=
	    NULL, "the missing file is named");
	ruleset_release(&rs);
}

int
main(void)
{
	int fd;

	fd = mkstemp(errfile);
	if (fd == -1)
		return 99;
	close(fd);
	test_layering();
	test_errors();
	test_limits();
	test_keyspec();
	test_number_ranges();
	test_specs();
	test_repo_layer();
	test_redefine();
	test_regex();
	test_set_rules();
	test_set_errors();
	unlink(errfile);
	strbuf_release(&errtext);
	return done_testing();
}
