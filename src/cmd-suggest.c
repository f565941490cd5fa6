/*
 * cmd-suggest.c: the suggest command: print (never write) a draft
 * CODEOWNERS, GOVERNANCE.md or MAINTAINERS.md for one repository, made
 * from its history (suggest-history.c) and from what the check finds
 * (suggest-docs.c), so that saved, it passes the rule it is for.
 *
 * The history is that of the last year before HEAD's committer date (or
 * --as-of) and of the year before it. The repository is opened and its
 * rules loaded as the check command does, so the contributors rule's
 * exclude patterns (the bots) and the core-maintainers rule are the
 * rule set's, with the repository's .ecocheck.ini unless
 * --no-repo-config.
 */
#define _POSIX_C_SOURCE 200809L
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "check.h"
#include "command.h"
#include "error.h"
#include "finding.h"
#include "history.h"
#include "options.h"
#include "read/codeowners.h"
#include "rules.h"
#include "strbuf.h"
#include "suggest.h"
#include "timeutil.h"
#include "utf8.h"
#include "xalloc.h"

#define YEAR_DAYS	365

struct suggest {
	const char		*kind;	/* codeowners, governance, maintainers */
	const char		*path;
	struct strvec		 rules;
	int			 no_repo_config;
	int			 has_as_of;
	int64_t			 as_of;
	struct check		*c;
	struct repo_result	 res;
	struct suggest_history	 h;
	struct strvec		 dirs;	/* top-level directories at HEAD */
};

static const char *const kinds[] = {
	"codeowners", "governance", "maintainers", NULL
};

static int	 parse_args(struct suggest *, int, char **);
static int	 open_history(struct suggest *);
static int	 head_dirs(struct suggest *);
static void	 print_codeowners(const struct suggest *, struct strbuf *);
static void	 owners_of(const struct suggest *, const char *,
		    const struct suggest_group *, struct strbuf *);
static void	 print_emeritus(const struct suggest *, struct strbuf *);

const struct option_doc suggest_option_docs[] = {
	{ "as-of", 0, "DATE|HEAD",
	    "the last year ends at DATE (default HEAD's commit date)" },
	{ "rules", 'r', "NAME|FILE",
	    "rule set by name or file (repeatable; default pytorch-ecosystem)" },
	{ "no-repo-config", 0, NULL, "ignore the repository's .ecocheck.ini" },
	{ "help", 'h', NULL, "print this help and exit" },
	{ NULL, 0, NULL, NULL }
};

static void
usage(FILE *fp)
{
	fputs("usage: ecocheck suggest [OPTION]... "
	    "codeowners|governance|maintainers [PATH]\n"
	    "Print a draft CODEOWNERS, GOVERNANCE.md or MAINTAINERS.md for "
	    "the repository\nat PATH (default .), made from its history and "
	    "what the check finds;\nnothing is written.\n\n", fp);
	command_options(fp, suggest_option_docs);
	fputs("\nExit status: 0 the draft was printed, 2 usage or repository "
	    "error.\nSee ecocheck(1).\n", fp);
}

static int
usage_error(const char *what, const char *arg)
{
	return command_usage_error("suggest", what, arg);
}

/* One option of the table; -1 on a bad value. */
static int
parse_one(struct suggest *s, const char *name, const char *arg)
{
	if (strcmp(name, "rules") == 0)
		strvec_push(&s->rules, arg);
	else if (strcmp(name, "no-repo-config") == 0)
		s->no_repo_config = 1;
	else if (strcmp(name, "as-of") == 0) {
		s->has_as_of = strcmp(arg, "HEAD") != 0;
		if (s->has_as_of && time_parse_iso(arg, &s->as_of) == -1)
			return usage_error("--as-of: bad date (use YYYY-MM-DD "
			    "or HEAD): ", arg);
	}
	return 0;
}

/* 0 to go on, 1 when help was printed, -1 on a usage error. */
static int
parse_args(struct suggest *s, int argc, char **argv)
{
	struct option lopts[8];
	const struct option_doc *d;
	size_t i;
	int c;

	for (i = 0, d = suggest_option_docs; d->name != NULL; d++, i++) {
		lopts[i].name = d->name;
		lopts[i].has_arg = d->arg ? required_argument : no_argument;
		lopts[i].flag = NULL;
		lopts[i].val = d->shortopt != 0 ? d->shortopt : 256 + (int)i;
	}
	memset(&lopts[i], 0, sizeof(lopts[i]));
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":r:h", lopts, NULL)) != -1) {
		if (c == 'h') {
			usage(stdout);
			return 1;
		}
		if (c == '?' || c == ':')
			return command_bad_option("suggest",
			    suggest_option_docs, c, argv);
		d = c == 'r' ? &suggest_option_docs[1] :
		    &suggest_option_docs[c - 256];
		if (parse_one(s, d->name, optarg) == -1)
			return -1;
	}
	if (argc - optind < 1 || argc - optind > 2)
		return usage_error(argc - optind < 1 ? "needs codeowners, "
		    "governance or maintainers" : "too many operands, from ",
		    argc - optind < 1 ? "" : argv[optind + 2]);
	for (i = 0; kinds[i] != NULL && strcmp(kinds[i], argv[optind]); i++)
		;
	if (kinds[i] == NULL)
		return usage_error("not codeowners, governance or "
		    "maintainers: ", argv[optind]);
	s->kind = kinds[i];
	s->path = optind + 1 < argc ? argv[optind + 1] : ".";
	return 0;
}

/* The top-level directories of HEAD's tree, in git's order. */
static int
head_dirs(struct suggest *s)
{
	git_repository *repo = check_repository(s->c);
	const git_tree_entry *e;
	git_tree *t;
	git_oid root;
	size_t i;

	if (history_commit_tree(repo, check_head(s->c), "HEAD", &root) == -1)
		return -1;
	if (git_tree_lookup(&t, repo, &root) < 0)
		return ec_error("HEAD: %s", ec_git_error());
	for (i = 0; i < git_tree_entrycount(t); i++) {
		e = git_tree_entry_byindex(t, i);
		if (git_tree_entry_type(e) == GIT_OBJECT_TREE)
			strvec_push(&s->dirs, git_tree_entry_name(e));
	}
	git_tree_free(t);
	return 0;
}

/* The contributors rule of the set: whose exclude patterns are bots. */
static const struct rule *
contributors_rule(const struct ruleset *rs)
{
	size_t i;

	for (i = 0; i < rs->nrules; i++)
		if (strcmp(rs->rules[i]->type->name, "contributors") == 0)
			return rs->rules[i];
	return NULL;
}

/* Open the repository as the check does and walk its two years. */
static int
open_history(struct suggest *s)
{
	struct check_opts co;
	struct strvec none = STRVEC_INIT;
	git_mailmap *mm;
	const char *why;
	int rc;

	memset(&co, 0, sizeof(co));
	co.rules = &s->rules;
	co.sets = &none;
	co.facts = &none;
	co.no_repo_config = s->no_repo_config;
	co.has_as_of = s->has_as_of;
	co.as_of = s->as_of;
	if (check_open(&co, s->path, &s->c, &s->res) == -1)
		return -1;
	if (check_head(s->c) == NULL)
		return ec_error("%s: no commits: there is no history to "
		    "suggest from", s->path);
	/* as of HEAD, unless --as-of: after the open, so that a repository
	 * without commits is told so, not that --as-of HEAD needs one */
	if (!s->has_as_of) {
		if (history_commit_time(check_repository(s->c),
		    check_head(s->c), "HEAD", &s->as_of) == -1)
			return -1;
		s->as_of = time_clamp(s->as_of);
	}
	if (strcmp(s->kind, "codeowners") != 0 &&
	    check_run(s->c, &s->res) == -1)
		return -1;
	if (history_mailmap(check_tree(s->c), &mm, &why) == -1)
		return -1;
	if (why != NULL)
		ec_warn("%s: %s: authors are not mailmapped", s->path, why);
	s->h.until = s->as_of;
	s->h.since = time_sub_days(s->as_of, YEAR_DAYS);
	s->h.old_since = time_sub_days(s->h.since, YEAR_DAYS);
	rc = head_dirs(s);
	if (rc == 0)
		rc = suggest_walk(check_repository(s->c), check_head(s->c), mm,
		    contributors_rule(&s->res.rs), &s->dirs, &s->h);
	git_mailmap_free(mm);
	return rc;
}

static void
add_clean(struct strbuf *sb, const char *s)
{
	strbuf_add_printable(sb, s, strlen(s));
}

/* The header: a draft from history, and how it was made. */
static void
codeowners_header(const struct suggest *s, struct strbuf *sb)
{
	char a[16], b[16];

	time_format_date(s->h.since, a, sizeof(a));
	time_format_date(s->h.until, b, sizeof(b));
	strbuf_addf(sb,
	    "# CODEOWNERS: a draft made by ecocheck suggest from the history of\n"
	    "# this repository. Check it, then save it as .github/CODEOWNERS.\n"
	    "#\n"
	    "# For each top-level directory, and for the files at the root (*),\n"
	    "# the people who authored the most commits changing it from %s\n"
	    "# to %s (the %d days before %s), at most %d,\n"
	    "# as \"git log --since --until -- DIR\" counts them: authors by\n"
	    "# .mailmap, bots left out by the contributors rule's exclude\n"
	    "# patterns. The number before each name is its commits there.\n"
	    "# Later lines take precedence over *. GitHub handles come from\n"
	    "# users.noreply.github.com addresses; an owner given by e-mail\n"
	    "# needs that e-mail verified on their GitHub account, or replace\n"
	    "# it with their handle.\n", a, b, YEAR_DAYS,
	    s->has_as_of ? "--as-of" : "HEAD's commit date", SUGGEST_OWNERS);
}

/* A directory name CODEOWNERS takes as written: no blank or pattern. */
static int
plain_name(const char *s)
{
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || strchr("._-+@", *s) != NULL))
			return 0;
	return 1;
}

/*
 * The line of one pattern: a comment per owner with the commits, a
 * comment for each owner given by e-mail, then the pattern and owners.
 */
static void
owners_of(const struct suggest *s, const char *pattern,
    const struct suggest_group *g, struct strbuf *sb)
{
	struct strbuf line = STRBUF_INIT;
	const struct suggest_author *a;
	size_t *top, n, i, shown;

	n = suggest_top(&s->h, g, &top);
	strbuf_addf(sb, "\n# %s: %zu commit%s\n", pattern, g != NULL ?
	    g->commits : 0, g != NULL && g->commits == 1 ? "" : "s");
	strbuf_addstr(&line, pattern);
	for (i = shown = 0; i < n && shown < SUGGEST_OWNERS; i++) {
		a = &s->h.a[top[i]];
		strbuf_addf(sb, "# %6zu  ", g->counts[top[i]]);
		add_clean(sb, a->name);
		strbuf_addstr(sb, " <");
		add_clean(sb, a->email);
		strbuf_addstr(sb, ">\n");
		if (a->handle != NULL)
			strbuf_addf(&line, " @%s", a->handle);
		else if (codeowners_owner_valid(a->email)) {
			strbuf_addstr(sb, "#         no GitHub handle in the "
			    "history: replace the e-mail with one\n");
			strbuf_addf(&line, " %s", a->email);
		} else {
			strbuf_addstr(sb, "#         not an e-mail CODEOWNERS "
			    "takes: add their GitHub handle\n");
			continue;
		}
		shown++;
	}
	if (shown == 0)
		strbuf_addf(sb, "# %s: nobody to suggest: add its owners\n",
		    pattern);
	else
		strbuf_addf(sb, "%s\n", line.buf);
	free(top);
	strbuf_release(&line);
}

/* People active in the year before the last but not in the last. */
static void
print_emeritus(const struct suggest *s, struct strbuf *sb)
{
	const struct suggest_author *a;
	char a1[16], a2[16];
	size_t i, n, shown, *v;

	time_format_date(s->h.old_since, a1, sizeof(a1));
	time_format_date(s->h.since - 1, a2, sizeof(a2));
	strbuf_addf(sb, "\n# Emeritus: the people who authored commits from "
	    "%s until %s\n# (the year before) but none since, who may be "
	    "retired committers,\n# most commits first:\n", a1, a2);
	v = suggest_by_commits(&s->h, 1, &n);
	for (i = 0, shown = 0; i < n; i++) {
		a = &s->h.a[v[i]];
		if (a->recent > 0)
			continue;
		strbuf_addf(sb, "# %6zu  ", a->older);
		add_clean(sb, a->name);
		if (a->handle != NULL)
			strbuf_addf(sb, " (@%s)", a->handle);
		else {
			strbuf_addstr(sb, " <");
			add_clean(sb, a->email);
			strbuf_addch(sb, '>');
		}
		strbuf_addch(sb, '\n');
		shown++;
	}
	if (shown == 0)
		strbuf_addstr(sb, "#   nobody\n");
	free(v);
}

static void
print_codeowners(const struct suggest *s, struct strbuf *sb)
{
	size_t i;
	char *pat;

	codeowners_header(s, sb);
	owners_of(s, SUGGEST_ROOT, suggest_group(&s->h, SUGGEST_ROOT), sb);
	for (i = 0; i < s->dirs.n; i++) {
		if (suggest_group(&s->h, s->dirs.v[i])->commits == 0)
			continue;
		if (!plain_name(s->dirs.v[i])) {
			strbuf_addstr(sb, "\n# a directory whose name this "
			    "draft cannot write as a pattern: ");
			add_clean(sb, s->dirs.v[i]);
			strbuf_addch(sb, '\n');
			continue;
		}
		pat = xasprintf("/%s/", s->dirs.v[i]);
		owners_of(s, pat, suggest_group(&s->h, s->dirs.v[i]), sb);
		free(pat);
	}
	print_emeritus(s, sb);
}

/* Warn about what the draft cannot do: no one to name. */
static void
draft_warnings(const struct suggest *s, const struct suggest_people *pp)
{
	if (s->h.truncated)
		ec_warn("%s: the history is cut short (a shallow clone?): the "
		    "counts are lower bounds; git fetch --unshallow", s->path);
	if (s->h.commits == 0)
		ec_warn("%s: no commits in the last %d days: the draft names "
		    "nobody from history", s->path, YEAR_DAYS);
	if (pp != NULL && pp->n < 2)
		ec_warn("%s: only %zu %s found, at least 2 are needed: fill in "
		    "the blanks", s->path, pp->n, pp->n == 1 ? "person" :
		    "people");
}

static int
run_suggest(struct suggest *s)
{
	struct suggest_people pp;
	struct strbuf out = STRBUF_INIT;
	int rc;

	memset(&pp, 0, sizeof(pp));
	if (open_history(s) == -1)
		return EXIT_TROUBLE;
	if (strcmp(s->kind, "codeowners") == 0) {
		print_codeowners(s, &out);
		draft_warnings(s, NULL);
	} else {
		suggest_people(&s->res, &s->h, &pp);
		if (strcmp(s->kind, "governance") == 0)
			suggest_governance(&pp, &s->h, &out);
		else
			suggest_maintainers(&pp, &s->h, &out);
		draft_warnings(s, &pp);
		suggest_people_release(&pp);
	}
	fwrite(out.buf, 1, out.len, stdout);
	strbuf_release(&out);
	rc = EXIT_OK;
	if (fflush(stdout) != 0 || ferror(stdout)) {
		ec_error("standard output: %s", strerror(errno));
		rc = EXIT_TROUBLE;
	}
	return rc;
}

int
cmd_suggest(int argc, char **argv)
{
	struct suggest s;
	int rc;

	memset(&s, 0, sizeof(s));
	rc = parse_args(&s, argc, argv);
	if (rc != 0) {
		strvec_clear(&s.rules);
		return rc == 1 ? EXIT_OK : EXIT_TROUBLE;
	}
	git_libgit2_init();
	/* as the check command opens repositories: see cmd-check.c */
	git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
	check_setup();
	rc = run_suggest(&s);
	suggest_history_release(&s.h);
	check_close(s.c);
	repo_result_release(&s.res);
	strvec_clear(&s.dirs);
	strvec_clear(&s.rules);
	git_libgit2_shutdown();
	return rc;
}
