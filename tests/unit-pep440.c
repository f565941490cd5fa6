/* unit-pep440.c: PEP 440 versions, their order and specifier sets */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "read/pep440.h"
#include "strbuf.h"
#include "tap.h"
#include "xalloc.h"

static const char	*norm(const char *);
static int		 cmp(const char *, const char *);
static int		 admits(const char *, const char *, int);
static int		 spec_ok(const char *);

/* The normalised form of s, "invalid" if it is not a version. */
static const char *
norm(const char *s)
{
	static struct strbuf sb = STRBUF_INIT;
	struct pep440_version v;

	strbuf_reset(&sb);
	if (pep440_parse(s, &v, NULL) == -1)
		return "invalid";
	pep440_str(&v, &sb);
	pep440_version_clear(&v);
	return sb.buf;
}

/* -1, 0, 1; 9 if either is not a version. */
static int
cmp(const char *a, const char *b)
{
	struct pep440_version x, y;
	int c;

	if (pep440_parse(a, &x, NULL) == -1)
		return 9;
	if (pep440_parse(b, &y, NULL) == -1) {
		pep440_version_clear(&x);
		return 9;
	}
	c = pep440_cmp(&x, &y);
	pep440_version_clear(&x);
	pep440_version_clear(&y);
	return c < 0 ? -1 : c > 0;
}

/* 1 or 0; -1 if the specifier is refused. */
static int
admits(const char *spec, const char *v, int pre)
{
	struct pep440_spec *sp;
	int r;

	if (pep440_spec_parse(spec, &sp, NULL) == -1)
		return -1;
	r = pep440_spec_admits_str(sp, v, pre);
	pep440_spec_free(sp);
	return r;
}

static int
spec_ok(const char *spec)
{
	struct pep440_spec *sp;

	if (pep440_spec_parse(spec, &sp, NULL) == -1)
		return 0;
	pep440_spec_free(sp);
	return 1;
}

static void
test_parse(void)
{
	struct strbuf err = STRBUF_INIT;
	struct pep440_version v;
	int r;

	is_str(norm("1.0"), "1.0", "a plain release");
	is_str(norm("2026.11.0.1.2"), "2026.11.0.1.2", "release of any length");
	is_str(norm("V1.0"), "1.0", "leading v, any case");
	is_str(norm("  1.0\t\n"), "1.0", "surrounding white space");
	is_str(norm("\xe2\x80\xaf" "1.0\xe3\x80\x80"), "1.0",
	    "Unicode white space (U+202F, U+3000) around it");
	is_str(norm("1!2.0"), "1!2.0", "epoch");
	is_str(norm("0!2.0"), "2.0", "epoch 0 is left out");
	is_str(norm("1.0alpha1"), "1.0a1", "alpha is a");
	is_str(norm("1.0-BETA.2"), "1.0b2", "beta is b, separators, case");
	is_str(norm("1.0c3"), "1.0rc3", "c is rc");
	is_str(norm("1.0pre"), "1.0rc0", "pre is rc, number implied");
	is_str(norm("1.0preview_4"), "1.0rc4", "preview is rc");
	is_str(norm("1.0-1"), "1.0.post1", "implicit post release");
	is_str(norm("1.0r"), "1.0.post0", "r is post");
	is_str(norm("1.0rev7"), "1.0.post7", "rev is post");
	is_str(norm("1.0-dev"), "1.0.dev0", "dev with no number");
	is_str(norm("1.0a1.post2.dev3"), "1.0a1.post2.dev3",
	    "pre, post and dev together");
	is_str(norm("1.01.002"), "1.1.2", "leading zeros dropped");
	is_str(norm("1.0+Ubuntu-1_2.007"), "1.0+ubuntu.1.2.7",
	    "local label: case, separators, numbers");
	is_str(norm("2.15.0+cu128"), "2.15.0+cu128", "a CUDA build of torch");
	is_str(norm("french toast"), "invalid", "words are refused");
	is_str(norm(""), "invalid", "the empty string is refused");
	is_str(norm("1.0+"), "invalid", "an empty local label is refused");
	is_str(norm("1.0+a..b"), "invalid", "an empty local segment is refused");
	is_str(norm("1..0"), "invalid", "an empty release segment is refused");
	is_str(norm("1.0."), "invalid", "a trailing dot is refused");
	is_str(norm("1.0 a1"), "invalid", "inner white space is refused");
	is_str(norm("1.0a1b2"), "invalid", "two pre-release segments");
	is_str(norm("1.0.post1-2"), "invalid", "two post segments");
	is_str(norm("\xd9\xa1.0"), "invalid", "non-ASCII digits are refused");
	is_str(norm("1.0+\xc4\xb0"), "invalid", "non-ASCII letters are refused");
	is_str(norm("2.*"), "invalid", "a wildcard is not a version");
	r = pep440_parse("torch 2", &v, &err);
	ok(r == -1 &&
	    strstr(err.buf, "'torch 2' is not a PEP 440 version") != NULL,
	    "the error names the string: %s", err.buf);
	strbuf_release(&err);
}

static void
test_order(void)
{
	/* In the PEP's order. */
	static const char *const seq[] = {
		"1.0.dev1", "1.0a1.dev1", "1.0a1", "1.0a1.post1.dev1",
		"1.0a1.post1", "1.0a2", "1.0b1", "1.0rc1", "1.0",
		"1.0+abc", "1.0+abc.1", "1.0+1", "1.0+2.a", "1.0+10",
		"1.0.post1.dev1", "1.0.post1", "1.0.1.dev0", "1.0.1", "1.1",
		"1.10", "2!0.1", NULL
	};
	size_t i, j;
	int good = 1;

	for (i = 0; seq[i] != NULL; i++)
		for (j = 0; seq[j] != NULL; j++)
			if (cmp(seq[i], seq[j]) != (i < j ? -1 : i > j))
				good = 0;
	ok(good, "%zu versions in the PEP's order, every pair", i);
	is_int(cmp("1.0", "1.0.0.0"), 0, "trailing zeros do not count");
	is_int(cmp("1.0rc1", "1.0c1"), 0, "rc and c are the same");
	is_int(cmp("1.0+a.00", "1.0+A.0"), 0, "local numbers compare as numbers");
	is_int(cmp("99999999999999999999999.1", "99999999999999999999998.9"), 1,
	    "numbers beyond 64 bits");
	is_int(cmp("2.15", "2.9"), 1, "2.15 is after 2.9");
}

static void
test_specs(void)
{
	struct strbuf err = STRBUF_INIT;
	struct pep440_spec *sp;
	int r;

	is_int(admits(">=2.0,<2.7", "2.6.1", 0), 1, "a range admits inside");
	is_int(admits("torch<2.7", "2.6", 0), -1, "a name is not a specifier");
	is_int(admits("<2.7", "2.15.0", 0), 0, "<2.7 excludes 2.15");
	is_int(admits("<2.7", "2.14.0", 0), 0, "<2.7 excludes 2.14");
	is_int(admits(">=2.1", "2.15.0", 0), 1, ">=2.1 admits 2.15");
	is_int(admits("==2.15.*", "2.15.0", 0), 1, "==2.15.* admits 2.15.0");
	is_int(admits("==2.15.*", "2.15.3+cu128", 0), 1,
	    "prefix matching ignores local labels");
	is_int(admits("==2.1.*", "2.10", 0), 0, "2.10 is not in 2.1.*");
	is_int(admits("!=2.1.*", "2.10", 0), 1, "!=2.1.* admits 2.10");
	is_int(admits("==2.1.0", "2.1", 0), 1, "== pads with zeros");
	is_int(admits("==2.1", "2.1+cpu", 0), 1, "== without a label admits any");
	is_int(admits("==2.1+cpu", "2.1+cu128", 0), 0, "== with a label needs it");
	is_int(admits("~=2.2", "2.15", 0), 1, "~=2.2 is >=2.2,==2.*");
	is_int(admits("~=2.2", "3.0", 0), 0, "~=2.2 excludes 3.0");
	is_int(admits("~=2.2.0", "2.3.0", 0), 0, "~=2.2.0 is ==2.2.*");
	is_int(admits("~=1.4.5a4", "1.4.5", 0), 1, "~= with a pre-release");
	is_int(admits("<2.0", "2.0rc1", PEP440_PRE_ALLOW), 0,
	    "<V does not admit V's pre-releases");
	is_int(admits("<2.0rc2", "2.0rc1", 0), 1,
	    "<V admits them when V is one");
	is_int(admits(">2.0", "2.0.post1", 0), 0,
	    ">V does not admit V's post-releases");
	is_int(admits(">2.0.post1", "2.0.post2", 0), 1,
	    ">V admits later ones when V is one");
	is_int(admits("<=2.0", "2.0+local", 0), 1, "<= ignores local labels");
	is_int(admits(">2.0", "2.0+local", 0), 0, "> ignores local labels");
	is_int(admits(">=1!1.0", "2.0", 0), 0, "epochs order first");
	is_int(admits("===2.15.0", "2.15.0", 0), 1, "=== compares the string");
	is_int(admits("===2.15.0", "2.15", 0), 0, "=== does not pad");
	is_int(admits("===foobar", "FooBar", 0), 1, "=== ignores case");
	is_int(admits(">=1.0", "foobar", PEP440_PRE_ALLOW), 0,
	    "not a version: only === admits it");
	is_int(admits("", "2.15.0", 0), 1, "the empty set admits releases");
	/* Pre-releases. */
	is_int(admits(">=2.0", "2.16.0.dev20261101", 0), 0,
	    "the default excludes pre-releases");
	is_int(admits(">=2.0", "2.16.0.dev20261101", PEP440_PRE_ALLOW), 1,
	    "unless they are asked for");
	is_int(admits(">=2.16.0a1", "2.16.0b1", 0), 1,
	    "or the specifier names one");
	is_int(admits("!=2.16.0a1", "2.16.0b1", 0), 0,
	    "!= naming one does not count");
	is_int(admits(">=2.16.0a1", "2.16.0b1", PEP440_PRE_NEVER), 0,
	    "never means never");
	is_int(admits(">=2.0", "2.15.0.post1", 0), 1,
	    "post-releases are not pre-releases");
	/* Refused specifiers. */
	ok(!spec_ok("2.0"), "no operator is refused");
	ok(!spec_ok("=>2.0"), "=> is refused");
	ok(!spec_ok("=="), "no version is refused");
	ok(!spec_ok("~=2"), "~= with one number is refused");
	ok(!spec_ok(">=2.0+local"), "a local label with >= is refused");
	ok(!spec_ok(">=2.0.*"), "a wildcard with >= is refused");
	ok(!spec_ok("==2.0a1.*"), "a wildcard after a pre-release is refused");
	ok(!spec_ok("==2.0.*.1"), "a wildcard in the middle is refused");
	ok(!spec_ok(">=1.0,"), "a trailing comma is refused");
	ok(!spec_ok(">=1.0,,<2"), "an empty clause is refused");
	ok(!spec_ok("=== a b"), "=== with white space is refused");
	ok(spec_ok(" >= 1.0 , < 2 "), "white space around clauses and operators");
	r = pep440_spec_parse("< 2, ~=3", &sp, &err);
	ok(r == -1 &&
	    strstr(err.buf, "'~=3' is not a version specifier: ~= needs") !=
	    NULL, "the error names the clause and why: %s", err.buf);
	strbuf_reset(&err);
	ok(pep440_spec_parse(" >= 1.0 ,<2,!=1.5.* ", &sp, &err) == 0 &&
	    strcmp(sp->text, ">=1.0,<2,!=1.5.*") == 0 && sp->n == 3,
	    "the normalised text");
	pep440_spec_free(sp);
	strbuf_release(&err);
}

static void
test_hostile(void)
{
	struct strbuf sb = STRBUF_INIT;
	struct pep440_version a, b;
	struct pep440_spec *sp;
	int i;

	for (i = 0; i < 10000; i++)
		strbuf_addstr(&sb, i == 0 ? "1" : ".0");
	ok(pep440_parse(sb.buf, &a, NULL) == 0 && a.nrelease == 10000,
	    "10,000 release segments are read");
	ok(pep440_parse("1", &b, NULL) == 0 && pep440_cmp(&a, &b) == 0,
	    "and equal 1 (trailing zeros)");
	pep440_version_clear(&b);
	pep440_version_clear(&a);
	strbuf_reset(&sb);
	strbuf_addstr(&sb, ">=");
	for (i = 0; i < 5000; i++)
		strbuf_addch(&sb, '9');
	ok(pep440_spec_parse(sb.buf, &sp, NULL) == 0 &&
	    pep440_spec_admits_str(sp, "2.15.0", 0) == 0,
	    "a 5000-digit number is a number");
	pep440_spec_free(sp);
	strbuf_reset(&sb);
	for (i = 0; i < PEP440_MAX_LEN; i++)
		strbuf_addstr(&sb, "1.");
	strbuf_addch(&sb, '1');
	ok(pep440_parse(sb.buf, &a, NULL) == -1, "a version past the limit "
	    "is refused");
	strbuf_reset(&sb);
	for (i = 0; i < 3000; i++)
		strbuf_addstr(&sb, ">=1,");
	strbuf_addstr(&sb, "<2");
	ok(pep440_spec_parse(sb.buf, &sp, NULL) == 0 && sp->n == 3001 &&
	    pep440_spec_admits_str(sp, "1.5", 0) == 1,
	    "3001 clauses");
	pep440_spec_free(sp);
	strbuf_release(&sb);
}

int
main(void)
{
	test_parse();
	test_order();
	test_specs();
	test_hostile();
	return done_testing();
}
