/*
 * unit-command.c: what --help prints of the commands and options (marks,
 * 80 columns) and the nearest name a usage error suggests
 */
#define _POSIX_C_SOURCE 200809L
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "nearest.h"
#include "options.h"
#include "strbuf.h"
#include "tap.h"

static int	 run_nothing(int, char **);
static char	*printed(void (*)(FILE *));
static size_t	 widest(const char *);
static void	 print_options(FILE *);
static void	 test_marks(void);
static void	 test_width(void);
static char	*guess(const char *, const char *const *);
static void	 check_guess(const char *, const char *const *, const char *,
		    const char *);
static void	 test_nearest(void);

static const struct command fake_commands[] = {
	{ "check", "check repositories", run_nothing, "[PATH]" },
	{ "later", "something to come", NULL, "[PATH]" },
	{ NULL, NULL, NULL, NULL }
};

static const struct option_doc long_docs[] = {
	{ "long", 'l', "ARG", "a help text long enough that it cannot fit "
	    "on one line of eighty columns beside the option it describes, "
	    "so that it goes on under itself" },
	{ NULL, 0, NULL, NULL }
};

static int
run_nothing(int argc, char **argv)
{
	return 0;
}

/* What fn prints, as a string to free. */
static char *
printed(void (*fn)(FILE *))
{
	char *buf;
	size_t len;
	FILE *fp;

	fp = open_memstream(&buf, &len);
	if (fp == NULL)
		return NULL;
	fn(fp);
	fclose(fp);
	return buf;
}

/* The longest line of s, in bytes (the help is ASCII). */
static size_t
widest(const char *s)
{
	size_t n, max;

	for (max = 0; *s != '\0'; s += n + (s[n] == '\n')) {
		n = strcspn(s, "\n");
		if (n > max)
			max = n;
	}
	return max;
}

static void
print_options(FILE *fp)
{
	command_options(fp, long_docs);
}

static void
test_marks(void)
{
	char *out;

	command_table = fake_commands;
	out = printed(commands_list);
	ok(out != NULL && strstr(out, "  later      something to come "
	    "(not in this version yet)\n") != NULL,
	    "a command not built yet is marked so in --help");
	ok(out != NULL && strstr(out, "check repositories (not") == NULL,
	    "a command that is built is not");
	free(out);
	command_table = NULL;
}

static void
test_width(void)
{
	char *out;

	out = printed(print_options);
	ok(out != NULL && widest(out) <= 80,
	    "a long option help is wrapped at 80 columns");
	ok(out != NULL && strstr(out, "\n                             ") !=
	    NULL, "and goes on under its own first line");
	free(out);
	out = printed(options_usage);
	ok(out != NULL && widest(out) <= 80, "check --help fits 80 columns");
	free(out);
}

/* What a usage error would say of name among the NULL-ended cands. */
static char *
guess(const char *name, const char *const *cands)
{
	struct strbuf sb = STRBUF_INIT;
	struct nearest ne;

	nearest_init(&ne, name);
	for (; *cands != NULL; cands++)
		nearest_try(&ne, *cands);
	if (!nearest_add(&ne, &sb, "--", ""))
		strbuf_addstr(&sb, "(none)");
	return strbuf_detach(&sb, NULL);
}

static void
check_guess(const char *name, const char *const *cands, const char *want,
    const char *what)
{
	char *got;

	got = guess(name, cands);
	is_str(got, want, "%s", what);
	free(got);
}

static void
test_nearest(void)
{
	static const char *const opts[] = { "rules", "format", "fact",
	    "as-of", "rev", "staged", "set", NULL };
	static const char *const facts[] = { "maintenance-commitment",
	    "stars", NULL };
	static const char *const two[] = { "cat", "bat", "dog", NULL };
	static const char *const three[] = { "cat", "bat", "rat", NULL };
	static const char *const sets[] = { "community-health",
	    "pytorch-ecosystem", NULL };
	struct strbuf sb = STRBUF_INIT;
	struct nearest ne;

	check_guess("frmat", opts, "--format", "one edit away is the nearest");
	check_guess("fromat", opts, "--format", "a swap is two edits: still "
	    "near");
	check_guess("frmt", opts, "--format or --fact", "two edits from "
	    "two names: both offered");
	check_guess("zzzzz", opts, "(none)", "nothing within two edits: no "
	    "guess");
	check_guess("frm", opts, "(none)", "three edits: too far");
	check_guess("x", opts, "(none)", "a one-letter name is near "
	    "everything: no guess");
	check_guess("ab", (const char *const []){ "abc", NULL }, "--abc",
	    "a two-letter name takes one edit");
	check_guess("Stars", facts, "--stars", "a capital is no edit");
	check_guess("STARS", (const char *const []){ "stairs", "stars",
	    NULL }, "--stars", "a name that differs only in case beats one "
	    "edit away");
	check_guess("pytorch-ecosytem", sets, "--pytorch-ecosystem",
	    "a letter left out of a long name");
	check_guess("hat", two, "--cat or --bat", "a tie of two: both offered, "
	    "in the order tried");
	check_guess("hat", three, "(none)", "a tie of three: no guess");
	check_guess("hat", (const char *const []){ "cat", "cat", NULL },
	    "--cat", "a name tried twice is no tie");
	check_guess("format", opts, "(none)", "the name itself is no guess");
	nearest_init(&ne, "levle");
	nearest_try(&ne, "level");
	nearest_say(&ne, &sb);
	is_str(sb.buf, " (did you mean 'level'?)", "nearest_say quotes it");
	strbuf_reset(&sb);
	nearest_init(&ne, "qqqqq");
	nearest_try(&ne, "level");
	nearest_say(&ne, &sb);
	is_str(sb.buf, "", "and says nothing when none is near");
	strbuf_release(&sb);
}

int
main(void)
{
	test_marks();
	test_width();
	test_nearest();
	return done_testing();
}
