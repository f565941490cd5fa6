/*
 * unit-trailer.c: the trailer block and the trailers of commit messages
 * of many shapes, on buffers; and, where git is at hand, each message's
 * trailers against "git interpret-trailers --parse --no-divider" (the
 * parser "git log --format=%(trailers)" uses, without the "---" divider).
 */
#define _POSIX_C_SOURCE 200809L
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "tap.h"
#include "trailer.h"
#include "unit-lib.h"

/* A message and its trailers, "Key: value\n" each, unfolded. */
struct msg {
	const char	*name;
	const char	*text;
	const char	*want;
};

static int	 collect(const struct trailer *, void *);
static void	 unfold(const char *, size_t, struct strbuf *);
static void	 trailers(const char *, size_t, struct strbuf *);
static int	 stop_at_second(const struct trailer *, void *);
static void	 test_shapes(void);
static void	 test_block(void);
static void	 test_bytes(void);
static int	 count_coauthors(const struct trailer *, void *);
static void	 test_coauthor(void);
static void	 test_split_ident(void);
static void	 test_stop(void);
static void	 test_git(void);

static const struct msg msgs[] = {
	{ "one trailer", "subject\n\nbody\n\nCo-authored-by: A <a@x>\n",
	    "Co-authored-by: A <a@x>\n" },
	{ "subject only", "fix: a thing", "" },
	{ "title paragraph", "title\nCo-authored-by: Hal <hal@x>\n", "" },
	{ "title then trailers", "title\n\nKey: v\nOther-Key: w\n",
	    "Key: v\nOther-Key: w\n" },
	{ "not last paragraph", "t\n\nCo-authored-by: Z <z@x>\n\nnot last\n",
	    "" },
	{ "continuation", "t\n\nCo-Authored-By: Eve\n  <eve@x>\n"
	    "Co-authored-by : Fay <fay@x>\n\tCo-authored-by: Cat <c@x>\n"
	    "# a comment\n\n",
	    "Co-Authored-By: Eve <eve@x>\n"
	    "Co-authored-by: Fay <fay@x> Co-authored-by: Cat <c@x>\n" },
	{ "25%: enough", "t\n\nbody\n\nnote one\nnote two\nnote three\n"
	    "Signed-off-by: X <x@x>\nCo-authored-by: C <c@x>\n",
	    "Signed-off-by: X <x@x>\nCo-authored-by: C <c@x>\n" },
	{ "25%: too few", "t\n\nbody\n\n1\n2\n3\n4\n5\n6\n7\n"
	    "Signed-off-by: X <x@x>\nCo-authored-by: C <c@x>\n", "" },
	{ "25%: continuation lines of free text count as free text",
	    "t\n\nfree\n cont\n cont\n cont\n cont\n cont\n"
	    "Signed-off-by: X <x@x>\n", "" },
	{ "mixed, none recognised", "t\n\na note that is no trailer\n"
	    "Key: v\n", "" },
	{ "mixed, recognised", "mixed\n\nbody\n\nnot a trailer\n"
	    "Signed-off-by: Ben <ben@x>\nco-authored-by: Cat <cat@x>\n",
	    "Signed-off-by: Ben <ben@x>\nco-authored-by: Cat <cat@x>\n" },
	{ "cherry-pick line", "t\n\n(cherry picked from commit abc)\n"
	    "Key: v\nfree text\n", "Key: v\n" },
	{ "cut line", "cut\n\nCo-authored-by: Ivy <ivy@x>\n"
	    "# ------------------------ >8 ------------------------\n"
	    "Co-authored-by: Jon <jon@x>\n", "Co-authored-by: Ivy <ivy@x>\n" },
	{ "conflicts block", "t\n\nCo-authored-by: A <a@x>\n\n"
	    "Conflicts:\n\tfile.c\n\tother.c\n", "Co-authored-by: A <a@x>\n" },
	{ "comments inside", "t\n\nA: 1\n# comment\nB: 2\n", "A: 1\nB: 2\n" },
	{ "bad keys", "t\n\nNot a key!: x\n", "" },
	{ "underscore key", "t\n\nKey_x: v\nKey: w\n", "" },
	{ "colon first", "t\n\n: v\n", "" },
	{ "url", "t\n\nhttp://example.com/x\n", "http: //example.com/x\n" },
	{ "empty value", "t\n\nKey:\nOther:   \n", "Key: \nOther: \n" },
	{ "blank key gap", "t\n\nKey\t: v\nK2 : w\n", "Key: v\nK2: w\n" },
	{ "no final newline", "t\n\nKey: v", "Key: v\n" },
	{ "trailing blank lines", "t\n\nKey: v  \n   \n\n", "Key: v\n" },
	{ "crlf", "t\r\n\r\nKey: v\r\n", "Key: v\n" },
	{ "indented first line", "t\n\n Key: v\n", "" },
	{ "spaces then trailer", "t\n\n   \n\nKey: v\n", "Key: v\n" },
	{ "empty", "", "" },
	{ "only a title and blank lines", "title\n\n\n", "" },
};

/* trailer_each() callback: "Key: value\n", unfolded, into a strbuf. */
static int
collect(const struct trailer *t, void *arg)
{
	struct strbuf *sb = arg;

	strbuf_add(sb, t->key, t->keylen);
	strbuf_addstr(sb, ": ");
	unfold(t->value, t->valuelen, sb);
	strbuf_addch(sb, '\n');
	return 0;
}

/* git's unfold_value(): a newline and the blanks after it: one space. */
static void
unfold(const char *s, size_t n, struct strbuf *sb)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] != '\n') {
			strbuf_addch(sb, s[i]);
			continue;
		}
		while (i + 1 < n && (s[i + 1] == ' ' || s[i + 1] == '\t' ||
		    s[i + 1] == '\r' || s[i + 1] == '\n'))
			i++;
		strbuf_addch(sb, ' ');
	}
}

static void
trailers(const char *s, size_t n, struct strbuf *out)
{
	strbuf_reset(out);
	trailer_each(s, n, collect, out);
}

static void
test_shapes(void)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < sizeof(msgs) / sizeof(msgs[0]); i++) {
		trailers(msgs[i].text, strlen(msgs[i].text), &sb);
		is_str(sb.buf, msgs[i].want, "shapes: %s", msgs[i].name);
	}
	strbuf_release(&sb);
}

/* The block's bounds, as offsets into the message given. */
static void
test_block(void)
{
	static const char m1[] = "\n\n  \ntitle\n\nbody\n\nA: 1\nB: 2\n"
	    "# comment\n\n";
	static const char m2[] = "title\n\nbody\n";
	size_t s, e;

	trailer_block(m1, sizeof(m1) - 1, &s, &e);
	is_int(s, strlen("\n\n  \ntitle\n\nbody\n\n"),
	    "block: starts at its first trailer");
	is_int(e, strlen("\n\n  \ntitle\n\nbody\n\nA: 1\nB: 2\n"),
	    "block: ends before trailing comments and blank lines");
	trailer_block(m2, sizeof(m2) - 1, &s, &e);
	ok(s == e && e == sizeof(m2) - 1, "block: none: both at the end");
	trailer_block("", 0, &s, &e);
	ok(s == 0 && e == 0, "block: empty message");
}

/* Leading blank lines and NUL bytes, which git's shell tools cannot show. */
static void
test_bytes(void)
{
	static const char lead[] = "\n \n\t\ntitle\n\nKey: v\n";
	static const char nul[] = "t\n\nKey: v\nOther: w\0\nJunk: x\n";
	static const char nul2[] = "t\n\nfree text\0\n\nKey: v\n";
	struct strbuf sb = STRBUF_INIT;

	trailers(lead, sizeof(lead) - 1, &sb);
	is_str(sb.buf, "Key: v\n", "bytes: leading blank lines are skipped");
	trailers(nul, sizeof(nul) - 1, &sb);
	is_str(sb.buf, "Key: v\nOther: w\n", "bytes: a NUL ends the message");
	trailers(nul2, sizeof(nul2) - 1, &sb);
	is_str(sb.buf, "", "bytes: trailers after a NUL are not read");
	trailers("title\n\nKey: v\nB: w\n", 13, &sb);
	is_str(sb.buf, "Key: v\n", "bytes: only len bytes are read");
	strbuf_release(&sb);
}

static int
count_coauthors(const struct trailer *t, void *arg)
{
	struct trailer_ident id;
	struct strbuf *sb = arg;

	if (trailer_coauthor(t, &id))
		strbuf_addf(sb, "[%.*s|%.*s]", (int)id.namelen, id.name,
		    (int)id.emaillen, id.email);
	return 0;
}

static void
test_coauthor(void)
{
	static const char m[] = "t\n\n"
	    "Co-authored-by: Ann <ann@x>\n"
	    "CO-AUTHORED-BY:Bob  <bob@x> extra\n"
	    "Co-authored-by: No Email\n"
	    "Co-authored-by: Eve\n  <eve@x>\n"
	    "Co-authored: Not <not@x>\n"
	    "Co-authored-by-bot: Not <not@x>\n"
	    "Co-authored-by: <anon@x>\n"
	    "Signed-off-by: Sig <sig@x>\n";
	struct strbuf sb = STRBUF_INIT;

	trailer_each(m, sizeof(m) - 1, count_coauthors, &sb);
	is_str(sb.buf, "[Ann|ann@x][Bob|bob@x][Eve|eve@x][|anon@x]",
	    "coauthor: only Co-authored-by, any case, with an email");
	strbuf_release(&sb);
}

static void
test_split_ident(void)
{
	static const struct {
		const char	*in;
		int		 rc;
		const char	*name;
		const char	*email;
	} t[] = {
		{ "Ann Example <ann@x> 1700000000 +0000", 0, "Ann Example",
		    "ann@x" },
		{ "Ann \t <ann@x>", 0, "Ann", "ann@x" },
		{ "<ann@x>", 0, "", "ann@x" },
		{ "  <a>", 0, "", "a" },
		{ "A <>", 0, "A", "" },
		{ "A <b <c@x>>", 0, "A", "b <c@x" },
		{ "No email", -1, NULL, NULL },
		{ "A <unclosed", -1, NULL, NULL },
		{ "", -1, NULL, NULL },
	};
	struct trailer_ident id;
	char name[64], email[64];
	size_t i;
	int rc;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		rc = trailer_split_ident(t[i].in, strlen(t[i].in), &id);
		if (rc != t[i].rc || rc != 0) {
			is_int(rc, t[i].rc, "split_ident: \"%s\"", t[i].in);
			continue;
		}
		snprintf(name, sizeof(name), "%.*s", (int)id.namelen, id.name);
		snprintf(email, sizeof(email), "%.*s", (int)id.emaillen,
		    id.email);
		ok(strcmp(name, t[i].name) == 0 &&
		    strcmp(email, t[i].email) == 0,
		    "split_ident: \"%s\" -> \"%s\" <%s>", t[i].in, name, email);
	}
}

static int
stop_at_second(const struct trailer *t, void *arg)
{
	int *n = arg;

	(void)t;
	return ++*n == 2 ? 42 : 0;
}

static void
test_stop(void)
{
	static const char m[] = "t\n\nA: 1\nB: 2\nC: 3\n";
	int n;

	n = 0;
	is_int(trailer_each(m, sizeof(m) - 1, stop_at_second, &n), 42,
	    "stop: trailer_each returns what the callback returned");
	is_int(n, 2, "stop: no trailer after that");
}

/* Each message of msgs[] against git interpret-trailers. */
static void
test_git(void)
{
	struct strbuf got = STRBUF_INIT, want = STRBUF_INIT;
	size_t i, bad;

	if (system("git --version >/dev/null 2>&1") != 0) {
		ok(1, "# SKIP git interpret-trailers: no git");
		return;
	}
	ut_setup("unit-trailer");
	bad = 0;
	for (i = 0; i < sizeof(msgs) / sizeof(msgs[0]); i++) {
		ut_write_file("msg", msgs[i].text);
		ut_capture(&got, "git interpret-trailers --parse --no-divider "
		    "<msg");
		trailers(msgs[i].text, strlen(msgs[i].text), &want);
		if (strcmp(got.buf, want.buf) != 0) {
			printf("#   %s: git says\n%s#   we say\n%s",
			    msgs[i].name, got.buf, want.buf);
			bad++;
		}
	}
	ok(bad == 0, "git: interpret-trailers agrees on %zu messages", i);
	ok(ut_cleanup() == 0, "git: clean up");
	strbuf_release(&got);
	strbuf_release(&want);
}

int
main(void)
{
	test_shapes();
	test_block();
	test_bytes();
	test_coauthor();
	test_split_ident();
	test_stop();
	test_git();
	return done_testing();
}
