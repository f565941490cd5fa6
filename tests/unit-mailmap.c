/*
 * unit-mailmap.c: the .mailmap reader on buffers: the four forms,
 * comments, case, lines adding up, malformed and cut lines; and, where
 * git is at hand, the merged map against "git check-mailmap".
 */
#define _POSIX_C_SOURCE 200809L
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mailmap.h"
#include "strbuf.h"
#include "tap.h"
#include "unit-lib.h"

static void	 parse(struct mailmap *, const char *, size_t);
static int	 same(const char *, const char *);
static int	 entry_is(const struct mailmap *, size_t, const char *,
		    const char *, const char *, const char *, size_t);
static void	 resolve(const struct mailmap *, const char *, const char *,
		    struct strbuf *);
static void	 test_forms(void);
static void	 test_comments_blank(void);
static void	 test_malformed(void);
static void	 test_bytes(void);
static void	 test_merge(void);
static void	 test_git(void);

/* A fresh map of the n bytes of s. */
static void
parse(struct mailmap *mm, const char *s, size_t n)
{
	struct mailmap init = MAILMAP_INIT;

	*mm = init;
	mailmap_parse(mm, s, n);
}

#define PARSE(mm, lit)	parse((mm), (lit), sizeof(lit) - 1)

static int
same(const char *a, const char *b)
{
	return a == NULL || b == NULL ? a == b : strcmp(a, b) == 0;
}

/* Is entry i exactly this (NULL for a field that is absent)? */
static int
entry_is(const struct mailmap *mm, size_t i, const char *name,
    const char *email, const char *old_name, const char *old_email,
    size_t line)
{
	const struct mailmap_entry *e;

	if (i >= mm->n) {
		printf("#   no entry %zu (%zu entries)\n", i, mm->n);
		return 0;
	}
	e = &mm->e[i];
	if (same(e->name, name) && same(e->email, email) &&
	    same(e->old_name, old_name) && same(e->old_email, old_email) &&
	    e->line == line)
		return 1;
	printf("#   got name=%s email=%s old_name=%s old_email=%s line=%zu\n",
	    e->name ? e->name : "(null)", e->email ? e->email : "(null)",
	    e->old_name ? e->old_name : "(null)",
	    e->old_email ? e->old_email : "(null)", e->line);
	return 0;
}

static void
test_forms(void)
{
	struct mailmap mm;

	PARSE(&mm, "Proper Name <commit@email>\n"
	    "<proper@email> <commit@email>\n"
	    "Proper Name <proper@email> <commit@email>\n"
	    "Proper Name <proper@email> Commit Name <commit@email>\n");
	is_int(mm.n, 4, "forms: four lines, four entries");
	ok(entry_is(&mm, 0, "Proper Name", NULL, NULL, "commit@email", 1),
	    "forms: Proper Name <commit@email>");
	ok(entry_is(&mm, 1, NULL, "proper@email", NULL, "commit@email", 2),
	    "forms: <proper@email> <commit@email>");
	ok(entry_is(&mm, 2, "Proper Name", "proper@email", NULL,
	    "commit@email", 3),
	    "forms: Proper Name <proper@email> <commit@email>");
	ok(entry_is(&mm, 3, "Proper Name", "proper@email", "Commit Name",
	    "commit@email", 4),
	    "forms: Proper Name <proper@email> Commit Name <commit@email>");
	mailmap_release(&mm);

	PARSE(&mm, "  \tSpaced   Out\t <p@x>   Old  Name   <C@X>  trailing\n"
	    "<p@x> Commit Name <c@x>\n"
	    "Only <A B@x>\n");
	is_int(mm.n, 3, "forms: blanks around names");
	ok(entry_is(&mm, 0, "Spaced   Out", "p@x", "Old  Name", "C@X", 1),
	    "forms: names trimmed, inner blanks and case kept, tail ignored");
	ok(entry_is(&mm, 1, NULL, "p@x", "Commit Name", "c@x", 2),
	    "forms: <proper@email> Commit Name <commit@email>");
	ok(entry_is(&mm, 2, "Only", NULL, NULL, "A B@x", 3),
	    "forms: an email is whatever lies between < and >");
	mailmap_release(&mm);

	PARSE(&mm, "Last <l@x>");
	ok(entry_is(&mm, 0, "Last", NULL, NULL, "l@x", 1),
	    "forms: a last line without a newline counts");
	mailmap_release(&mm);
}

static void
test_comments_blank(void)
{
	struct mailmap mm;

	PARSE(&mm, "# Comment <a@x>\n\n   \n\t\n#\n"
	    "A <a@x> # comment <b@x>\n"
	    " # not a comment <c@x>\n"
	    "\n");
	is_int(mm.n, 2, "comments: '#' lines and blank lines give nothing");
	ok(entry_is(&mm, 0, "A", "a@x", "# comment", "b@x", 6),
	    "comments: a '#' after an email is a name, as git reads it");
	ok(entry_is(&mm, 1, "# not a comment", NULL, NULL, "c@x", 7),
	    "comments: only '#' in the first column starts a comment");
	mailmap_release(&mm);

	PARSE(&mm, "");
	is_int(mm.n, 0, "comments: an empty buffer, no entry");
	mailmap_release(&mm);
}

static void
test_malformed(void)
{
	struct mailmap mm;

	PARSE(&mm, "no email at all\n"
	    "Missing <close@x\n"
	    "Empty <>\n"
	    "Empty <> <c@x>\n"
	    "> reversed <\n"
	    "Proper <p@x> Old <unclosed@x\n"
	    "<p@x> <>\n"
	    "<only@x>\n");
	is_int(mm.n, 3, "malformed: three lines are read");
	ok(entry_is(&mm, 0, "Proper", NULL, NULL, "p@x", 6),
	    "malformed: an unclosed second email: the first form");
	ok(entry_is(&mm, 1, NULL, "p@x", NULL, "", 7),
	    "malformed: an empty second email is a key (git's)");
	ok(entry_is(&mm, 2, NULL, NULL, NULL, "only@x", 8),
	    "malformed: <email> alone maps nothing but parses");
	mailmap_release(&mm);
}

/* NUL bytes, CRLF, and a line cut by a cap on the bytes read. */
static void
test_bytes(void)
{
	static const char nul[] = "A <a@x>\0junk <j@x>\n"
	    "B\0 <b@x>\n"
	    "C <c@x> <\0d@x>\n"
	    "D <d@x>\n";
	static const char crlf[] = "A <a@x>\r\n"
	    "B <b@x> <old-b@x>\r\n"
	    "C\r <c@x> Old C\r <old-c@x>\r\n"
	    "\r\n";
	static const char cut[] = "A <a@x> <old-a@x>\nB <b@x> <old-b@";
	struct mailmap mm;

	parse(&mm, nul, sizeof(nul) - 1);
	is_int(mm.n, 3, "bytes: a NUL ends what is read of its line");
	ok(entry_is(&mm, 0, "A", NULL, NULL, "a@x", 1),
	    "bytes: NUL: the rest of the line is ignored");
	ok(entry_is(&mm, 1, "C", NULL, NULL, "c@x", 3),
	    "bytes: NUL: a second email cut by NUL is no email");
	ok(entry_is(&mm, 2, "D", NULL, NULL, "d@x", 4),
	    "bytes: NUL: the next line is read");
	mailmap_release(&mm);

	parse(&mm, crlf, sizeof(crlf) - 1);
	is_int(mm.n, 3, "bytes: CRLF lines");
	ok(entry_is(&mm, 0, "A", NULL, NULL, "a@x", 1),
	    "bytes: CRLF: a CR after the email is ignored");
	ok(entry_is(&mm, 1, "B", "b@x", NULL, "old-b@x", 2),
	    "bytes: CRLF: second form");
	ok(entry_is(&mm, 2, "C", "c@x", "Old C", "old-c@x", 3),
	    "bytes: CRLF: a CR before '<' is trimmed like a blank");
	mailmap_release(&mm);

	/*
	 * A cap cutting a line inside its second email leaves the first
	 * form: "B <b@x>" would rename everyone at b@x. history.c reads
	 * only whole lines under its cap for that reason.
	 */
	parse(&mm, cut, sizeof(cut) - 1);
	is_int(mm.n, 2, "bytes: cut line: still parsed");
	ok(entry_is(&mm, 1, "B", NULL, NULL, "b@x", 2),
	    "bytes: cut line: reads as the first form");
	mailmap_release(&mm);
	parse(&mm, cut, sizeof("A <a@x> <old-a@x>\n") - 1);
	is_int(mm.n, 1, "bytes: cut at a line end: the whole lines only");
	mailmap_release(&mm);
}

static void
test_merge(void)
{
	struct mailmap mm;

	PARSE(&mm, "Carol Real <carol@OLD.example>\n"
	    "<carol@new.example> <CAROL@old.example>\n"
	    "<dave@new> <dave@old>\n"
	    "Dave Real <dave@old>\n"
	    "Dave Second <Dave@Old>\n"
	    "A <a@x> Old Name <Old@X>\n"
	    "<b@x> OLD name <old@x>\n"
	    "Named <n@x> Some One <only@named>\n"
	    "<nothing@x>\n"
	    "<nothing@x> Who <nothing@x>\n");
	mailmap_merge(&mm);
	is_int(mm.n, 5, "merge: one entry per key, those mapping nothing "
	    "dropped");
	ok(entry_is(&mm, 0, "Carol Real", "carol@new.example", NULL,
	    "carol@old.example", 1),
	    "merge: lines for one email add up, without case");
	ok(entry_is(&mm, 1, "Dave Second", "dave@new", NULL, "dave@old", 3),
	    "merge: a later name replaces an earlier one, the email stays");
	ok(entry_is(&mm, 2, NULL, "nothing@x", "who", "nothing@x", 10),
	    "merge: a named key is apart from the email alone");
	ok(entry_is(&mm, 4, "Named", "n@x", "some one", "only@named", 8),
	    "merge: a name-only key, name lowercased");
	ok(entry_is(&mm, 3, NULL, "b@x", "old name", "old@x", 6),
	    "merge: for an email and a name, the last line wins whole");
	mailmap_release(&mm);

	PARSE(&mm, "");
	mailmap_merge(&mm);
	is_int(mm.n, 0, "merge: nothing stays nothing");
	mailmap_release(&mm);
}

/*
 * What git check-mailmap would print for "name <email>" according to
 * the merged map: the name entry for the key, else the email's.
 */
static void
resolve(const struct mailmap *mm, const char *name, const char *email,
    struct strbuf *out)
{
	const struct mailmap_entry *hit, *e;
	size_t i;

	hit = NULL;
	for (i = 0; i < mm->n; i++) {
		e = &mm->e[i];
		if (strcasecmp(e->old_email, email) != 0)
			continue;
		if (e->old_name == NULL && hit == NULL)
			hit = e;
		else if (e->old_name != NULL &&
		    strcasecmp(e->old_name, name) == 0)
			hit = e;
	}
	strbuf_reset(out);
	strbuf_addf(out, "%s <%s>\n",
	    hit != NULL && hit->name != NULL ? hit->name : name,
	    hit != NULL && hit->email != NULL ? hit->email : email);
}

/* The merged map and "git check-mailmap" agree on many identities. */
static void
test_git(void)
{
	static const char text[] =
	    "# people\n"
	    "Jane Doe <jane@new.example> <jane@old.example>\n"
	    "<jane@new.example> J. Doe <JDOE@work.example>\n"
	    "Other One <other@example.com> Wrong Name <bob@example.com>\n"
	    "Carol Real <carol@old.example>\r\n"
	    "<carol@new.example> <CAROL@old.example>\n"
	    "<dave@new.example> <dave@old.example>\n"
	    "Dave Real <dave@old.example>\n"
	    "Dave Again <DAVE@old.example>\n"
	    "Eve <eve@x> Eve Old <eve@old>\n"
	    "<eve2@x> eve OLD <EVE@OLD>\n"
	    "  Frank   F  <frank@x>  # note\n"
	    "Missing <close@x\n"
	    "Gus <gus@x> <gus@old> trailing words\n"
	    "Cut <cut@x> <cut@old";
	static const char *const who[] = {
		"Jane <jane@old.example>", "x <JANE@OLD.EXAMPLE>",
		"J. Doe <jdoe@work.example>", "j. doe <JDOE@Work.example>",
		"Other <jdoe@work.example>", "Wrong Name <bob@example.com>",
		"wrong name <BOB@example.com>", "Bob <bob@example.com>",
		"Carol <carol@old.example>", "Dave <dave@old.example>",
		"Eve Old <eve@old>", "Somebody <eve@old>",
		"A <frank@x>", "A <gus@old>", "A <cut@x>", "A <cut@old>",
		"Nobody <nobody@x>",
	};
	struct mailmap mm = MAILMAP_INIT;
	struct strbuf want = STRBUF_INIT, got = STRBUF_INIT;
	char name[256], email[256];
	const char *lt;
	size_t i, bad;

	if (system("git --version >/dev/null 2>&1") != 0) {
		ok(1, "# SKIP git check-mailmap: no git");
		return;
	}
	ut_setup("unit-mailmap");
	ut_sh("git init -q r");
	ut_write_file("r/.mailmap", text);
	mailmap_parse(&mm, text, sizeof(text) - 1);
	mailmap_merge(&mm);
	bad = 0;
	for (i = 0; i < sizeof(who) / sizeof(who[0]); i++) {
		lt = strchr(who[i], '<');
		snprintf(name, sizeof(name), "%.*s", (int)(lt - 1 - who[i]),
		    who[i]);
		snprintf(email, sizeof(email), "%.*s",
		    (int)(strlen(lt + 1) - 1), lt + 1);
		resolve(&mm, name, email, &want);
		ut_capture(&got, "cd r && git check-mailmap '%s'", who[i]);
		if (strcmp(got.buf, want.buf) != 0) {
			printf("#   %s: git says %s#   we say %s", who[i],
			    got.buf, want.buf);
			bad++;
		}
	}
	ok(bad == 0, "git: check-mailmap agrees on %zu identities", i);
	ok(ut_cleanup() == 0, "git: clean up");
	mailmap_release(&mm);
	strbuf_release(&want);
	strbuf_release(&got);
}

int
main(void)
{
	test_forms();
	test_comments_blank();
	test_malformed();
	test_bytes();
	test_merge();
	test_git();
	return done_testing();
}
