/* unit-codeowners.c: the CODEOWNERS parser, its errors and the matcher */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/codeowners.h"
#include "strbuf.h"
#include "tap.h"

static void	 parse(const char *, struct co_file *);
static int	 m(const char *, const char *);
static const char *first_error(const char *);

static void
parse(const char *text, struct co_file *co)
{
	codeowners_parse(text, strlen(text), co);
}

/* Whether the one rule of "PATTERN @o" matches path; -1 if refused. */
static int
m(const char *pattern, const char *path)
{
	struct co_file co;
	char line[512];
	int r;

	snprintf(line, sizeof(line), "%s @o\n", pattern);
	parse(line, &co);
	r = co.nrules == 1 ? codeowners_match(&co.rules[0], path, 0) : -1;
	codeowners_release(&co);
	return r;
}

/* "LINE:COL: MESSAGE" of the first error of text, "" without one. */
static const char *
first_error(const char *text)
{
	static char buf[512];
	struct co_file co;

	parse(text, &co);
	buf[0] = '\0';
	if (co.nerrors > 0)
		snprintf(buf, sizeof(buf), "%d:%d: %s", co.errors[0].line,
		    co.errors[0].col, co.errors[0].message);
	codeowners_release(&co);
	return buf;
}

static void
test_parse(void)
{
	struct co_file co;

	parse("# owners\n\n*.py  @alice @org/team\tbob@example.com # inline\n"
	    "docs/ \n/my\\ dir/ @carol\r\n  # Emeritus: @dave\n", &co);
	is_int(co.nrules, 3, "three rules");
	is_int(co.nerrors, 0, "no error");
	is_str(co.rules[0].pattern, "*.py", "the pattern as written");
	is_int(co.rules[0].line, 3, "its line");
	is_int(co.rules[0].nowners, 3, "three owners, the comment is not one");
	is_int(co.rules[0].owners[0].kind, CO_USER, "@alice is a user");
	is_int(co.rules[0].owners[1].kind, CO_TEAM, "@org/team is a team");
	is_int(co.rules[0].owners[2].kind, CO_EMAIL, "an email address");
	is_int(co.rules[0].owners[1].col, 14, "an owner's column");
	is_int(co.rules[1].nowners, 0, "a pattern without owners is a rule");
	is_str(co.rules[2].pattern, "/my\\ dir/", "an escaped space is kept");
	is_int(co.ncomments, 3, "comments: full lines and inline");
	is_str(co.comments[2].text, "Emeritus: @dave", "comment text trimmed");
	is_int(co.comments[2].line, 6, "a CRLF line counts once");
	codeowners_release(&co);
	parse("", &co);
	ok(co.nrules == 0 && co.nerrors == 0, "an empty file");
	codeowners_release(&co);
	parse("\xef\xbb\xbf* @a", &co);
	ok(co.nrules == 1 && strcmp(co.rules[0].pattern, "*") == 0,
	    "a byte order mark is skipped; no final newline is fine");
	codeowners_release(&co);
}

static void
test_errors(void)
{
	is_str(first_error("!foo @a\n"), "1:1: Invalid pattern '!foo': "
	    "negation with '!' is not supported in CODEOWNERS", "negation");
	is_str(first_error("x @a\n*.[ch] @a\n"), "2:3: Invalid pattern "
	    "'*.[ch]': both '[' and ']' must be escaped with a '\\' (did you "
	    "mean '*.\\[ch\\]'?)", "a bracket, at its column");
	is_str(first_error("\\#foo @a\n"), "1:1: Invalid pattern '\\#foo': "
	    "escaping a leading '#' is not supported in CODEOWNERS (did you "
	    "mean '**/#foo'?)", "an escaped leading '#'");
	is_str(first_error("***/*.rb @a\n"), "1:1: Invalid pattern "
	    "'***/*.rb': '***' is not a wildcard (did you mean '**/*.rb'?)",
	    "three stars, with the suggestion");
	is_str(first_error("a/b\\ @a\n"), "", "a '\\' before a blank escapes it");
	is_str(first_error("a\\\n"), "1:2: Invalid pattern 'a\\': it ends "
	    "with an escaping '\\'", "a final escape");
	is_str(first_error("@alice\n"), "1:1: Invalid pattern '@alice': it is "
	    "an owner, and the line has no pattern (did you mean '* @alice'?)",
	    "an owner without a pattern");
	is_str(first_error("* alice\n"), "1:3: Invalid owner 'alice': a user "
	    "or team starts with '@' (did you mean '@alice'?)", "no '@'");
	is_str(first_error("* @a@b\n"), "1:3: Invalid owner '@a@b': owners are "
	    "separated by spaces (did you mean '@a @b'?)", "two run together");
	is_str(first_error("* @a,\n"), "1:3: Invalid owner '@a,': owners are "
	    "separated by spaces, not ',' (did you mean '@a'?)", "a comma");
	is_str(first_error("* @@a\n"), "1:3: Invalid owner '@@a': one '@' "
	    "starts an owner (did you mean '@a'?)", "two '@'");
	is_str(first_error("* @org/\n"), "1:3: Invalid owner '@org/': a team "
	    "needs its name after the '/' (@org/team)", "a team without name");
	is_str(first_error("* a@b\n"), "1:3: Invalid owner 'a@b': not an "
	    "email address", "an email without a domain");
	is_str(first_error("* @a b\x01 @c\n"), "1:7: Invalid line: a control "
	    "character (0x01)", "a control character");
	is_str(first_error("caf\xe9 @a\n"), "1:4: Invalid line: bytes that are "
	    "not UTF-8 text", "Latin-1 is not UTF-8");
	is_str(first_error("# caf\xe9\n"), "", "a comment may hold any bytes");
	ok(codeowners_owner_valid("@kbr-") && codeowners_owner_valid(
	    "@o/t.x") && !codeowners_owner_valid("@-a") &&
	    !codeowners_owner_valid("@a/b/c") &&
	    !codeowners_owner_valid("@abcdefghijabcdefghijabcdefghijabcdefghij"),
	    "owner names as GitHub allows them");
}

static void
test_refused_lines(void)
{
	struct co_file co;

	parse("* @a\n!x @b\nfoo @c bad\n", &co);
	is_int(co.nrules, 1, "lines with errors make no rule (GitHub skips)");
	is_int(co.nerrors, 2, "one error a line here");
	codeowners_release(&co);
	parse("* @a b c\n", &co);
	is_int(co.nerrors, 2, "every bad owner of a line is named");
	codeowners_release(&co);
}

static void
test_match(void)
{
	is_int(m("foo", "a/foo/b"), 1, "unanchored: a directory at any depth");
	is_int(m("foo", "a/foo"), 1, "unanchored: a file at any depth");
	is_int(m("foo", "a/foox"), 0, "a whole name only");
	is_int(m("/foo", "a/foo"), 0, "anchored by a leading '/'");
	is_int(m("a/foo", "x/a/foo"), 0, "anchored by a '/' inside");
	is_int(m("foo/", "foo"), 0, "a final '/': not a file of that name");
	is_int(m("foo/", "x/foo/y"), 1, "a final '/': a directory anywhere");
	is_int(m("*", "a/b/c"), 1, "'*' alone: everything");
	is_int(m("/*", "a"), 1, "'/*': a root file");
	is_int(m("/*", "a/b"), 0, "'/*': not below (GitHub, not gitignore)");
	is_int(m("docs/*", "docs/a/b"), 0, "'docs/*': files directly inside");
	is_int(m("docs/*/x", "docs/a/x/y"), 1, "a '*' inside still covers");
	is_int(m("*.rb", "a/b.rb"), 1, "'*' in a name");
	is_int(m("a/*.rb", "a/b/c.rb"), 0, "'*' does not cross '/'");
	is_int(m("a/**/c", "a/c"), 1, "'**' may be no directory");
	is_int(m("a/**/c", "a/b/d/c"), 1, "'**' may be several");
	is_int(m("**/c", "c"), 1, "a leading '**'");
	is_int(m("a/**", "a/b/c"), 1, "a trailing '**'");
	is_int(m("a/**/", "a/b"), 1, "a trailing '**/' covers files too");
	is_int(m("f?o", "foo"), 1, "'?' one character");
	is_int(m("f?o", "f/o"), 0, "'?' never '/'");
	is_int(m("f\\*o", "foo"), 0, "an escaped '*' is literal");
	is_int(m("f\\*o", "f*o"), 1, "and matches itself");
	is_int(m("my\\ dir/", "my dir/x"), 1, "an escaped space");
	is_int(m("/a\\[b\\]/", "a[b]/c"), 1, "escaped brackets are literal");
	is_int(m("/A/", "a/x"), 0, "case counts");
	is_int(m("/", "a"), 0, "'/' alone matches nothing");
}

static void
test_index(void)
{
	struct co_file co;
	struct co_index *x;
	unsigned char hit[8];

	parse("* @all\n*.py @py\n/docs/ @docs\n/docs/api.md @api\n"
	    "build @b\n**/gen/*.py @gen\n/src/*.c @c\n", &co);
	x = codeowners_index(&co);
	is_int(codeowners_owner(x, "README.md", NULL), 0, "the catch-all");
	is_int(codeowners_owner(x, "a/b.py", NULL), 1, "by extension");
	is_int(codeowners_owner(x, "docs/a.md", NULL), 2, "by directory");
	is_int(codeowners_owner(x, "docs/api.md", NULL), 3, "the last wins");
	is_int(codeowners_owner(x, "x/build/y.py", NULL), 4,
	    "an unanchored name after an extension rule");
	is_int(codeowners_owner(x, "a/gen/b.py", NULL), 5, "a general rule");
	is_int(codeowners_owner(x, "src/a.c", NULL), 6, "anchored glob");
	is_int(codeowners_owner(x, "src/b/a.c", NULL), 0, "not below it");
	memset(hit, 0, sizeof(hit));
	is_int(codeowners_owner(x, "docs/api.md", hit), 3,
	    "with matched, the owner is the same");
	ok(hit[0] && hit[2] && hit[3] && !hit[1] && !hit[4],
	    "and every matching rule is marked");
	codeowners_index_free(x);
	codeowners_release(&co);
	parse("# nothing\n", &co);
	x = codeowners_index(&co);
	is_int(codeowners_owner(x, "a", NULL), -1, "no rule: no owner");
	codeowners_index_free(x);
	codeowners_release(&co);
}

static void
test_junk(void)
{
	struct co_file co;
	struct strbuf sb = STRBUF_INIT;
	unsigned seed = 12345;
	int i;

	for (i = 0; i < 200000; i++) {
		seed = seed * 1103515245u + 12345u;
		strbuf_addch(&sb, (int)(seed >> 16) & 0xff);
	}
	codeowners_parse(sb.buf, sb.len, &co);
	ok(co.nerrors > 0, "random bytes: errors, no crash (%zu errors, "
	    "%zu rules)", co.nerrors, co.nrules);
	codeowners_release(&co);
	strbuf_release(&sb);
}

int
main(void)
{
	test_parse();
	test_errors();
	test_refused_lines();
	test_match();
	test_index();
	test_junk();
	return done_testing();
}
