/* unit-ruleset.c: INI loading, layering, lists, errors with file:line */
#define _POSIX_C_SOURCE 200809L
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
	test_set_errors();
	unlink(errfile);
	strbuf_release(&errtext);
	return done_testing();
}
