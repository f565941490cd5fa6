/*
 * cmd-diff.c: ecocheck diff OLD NEW [PATH]: what changed between two
 * reviews. Each of OLD and NEW is a saved JSON report (report-read.h) or
 * a revision of the repository at PATH, checked as --rev REV would check
 * it, as of its own commit date, so that the history window moves with
 * it. The two results are compared rule by rule (compare.h) and the
 * rules that changed are printed in text, json or markdown. Exit 1 when
 * a rule regressed.
 */
#define _GNU_SOURCE
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "check.h"
#include "command.h"
#include "compare.h"
#include "error.h"
#include "finding.h"
#include "json.h"
#include "options.h"
#include "report-markdown.h"
#include "report-read.h"
#include "strbuf.h"
#include "timeutil.h"
#include "utf8.h"

#define DIFF_SCHEMA	1

/* One side of the comparison. */
struct side {
	const char		*arg;		/* OLD or NEW as given */
	int			 report;	/* a saved report, else a revision */
	struct repo_result	 res;
};

struct diff_format {
	const char	*name;
	void		(*print)(FILE *, const struct side *,
			    const struct side *, const struct comparison *);
};

struct diff_opts {
	const struct diff_format *format;
	struct strvec	 rules;
	int		 no_repo_config;
	const char	*old;
	const char	*new;
	const char	*path;		/* NULL: "." */
};

static int	 diff_parse(struct diff_opts *, int, char **);
static void	 diff_usage(FILE *);
static int	 usage_error(const char *, const char *);
static int	 load_side(const struct diff_opts *, struct side *);
static void	 print_text(FILE *, const struct side *, const struct side *,
		    const struct comparison *);
static void	 print_json(FILE *, const struct side *, const struct side *,
		    const struct comparison *);
static void	 print_markdown(FILE *, const struct side *,
		    const struct side *, const struct comparison *);

const struct option_doc diff_option_docs[] = {
	{ "format", 'f', "FMT", "text | json | markdown (default text)" },
	{ "rules", 'r', "NAME|FILE",
	    "rule set to judge revisions by (repeatable)" },
	{ "no-repo-config", 0, NULL,
	    "ignore the .ecocheck.ini of the revisions judged" },
	{ "help", 'h', NULL, "print this help and exit" },
	{ NULL, 0, NULL, NULL }
};

static const struct diff_format diff_formats[] = {
	{ "text", print_text },
	{ "json", print_json },
	{ "markdown", print_markdown },
	{ NULL, NULL }
};

/* The order changes are printed in; unchanged rules are only counted. */
static const enum change shown[] = {
	CHANGE_REGRESSED, CHANGE_FIXED, CHANGE_NEW, CHANGE_GONE
};
#define NSHOWN	(sizeof(shown) / sizeof(shown[0]))

static void
diff_usage(FILE *fp)
{
	fputs("usage: ecocheck diff [OPTION]... OLD NEW [PATH]\n"
	    "What changed between two reviews of a repository. OLD and NEW "
	    "are each a\nsaved report (ecocheck --format json) or a revision "
	    "of the repository at\nPATH (default .), judged as of its own "
	    "commit date.\n\n", fp);
	command_options(fp, diff_option_docs);
	fputs("\nExit status: 0 nothing regressed, 1 a rule regressed, 2 "
	    "usage or input error.\nSee ecocheck(1).\n", fp);
}

static int
usage_error(const char *what, const char *arg)
{
	return command_usage_error("diff", what, arg);
}

/* 0 to go on, 1 when help was printed, -1 on a usage error. */
static int
diff_parse(struct diff_opts *o, int argc, char **argv)
{
	struct option lopts[8];
	const struct option_doc *d;
	const struct diff_format *f;
	size_t i;
	int c, idx;

	memset(o, 0, sizeof(*o));
	o->format = &diff_formats[0];
	for (i = 0, d = diff_option_docs; d->name != NULL; d++, i++) {
		lopts[i].name = d->name;
		lopts[i].has_arg = d->arg ? required_argument : no_argument;
		lopts[i].flag = NULL;
		lopts[i].val = d->shortopt != 0 ? d->shortopt : 256 + (int)i;
	}
	memset(&lopts[i], 0, sizeof(lopts[i]));
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:r:h", lopts, &idx)) != -1) {
		if (c == 'h') {
			diff_usage(stdout);
			return 1;
		} else if (c == 'f') {
			for (f = diff_formats; f->name != NULL &&
			    strcmp(f->name, optarg) != 0; f++)
				;
			if (f->name == NULL)
				return usage_error("--format: not text, json or "
				    "markdown: ", optarg);
			o->format = f;
		} else if (c == 'r')
			strvec_push(&o->rules, optarg);
		else if (c >= 256 && strcmp(diff_option_docs[c - 256].name,
		    "no-repo-config") == 0)
			o->no_repo_config = 1;
		else
			return command_bad_option("diff", diff_option_docs, c,
			    argv);
	}
	if (argc - optind < 2 || argc - optind > 3)
		return usage_error(argc - optind < 2 ? "needs OLD and NEW" :
		    "too many operands, from ", argc - optind < 2 ? "" :
		    argv[optind + 3]);
	o->old = argv[optind];
	o->new = argv[optind + 1];
	o->path = argc - optind == 3 ? argv[optind + 2] : NULL;
	return 0;
}

/*
 * A side from a report, or judged at a revision of the repository: 0, or
 * -1 when it could not be had (an error was printed).
 */
static int
load_side(const struct diff_opts *o, struct side *s)
{
	static const struct strvec none = STRVEC_INIT;
	struct check_opts co;
	struct check *c;

	if (s->report)
		return report_read_file(&s->res, s->arg);
	memset(&co, 0, sizeof(co));
	co.rules = &o->rules;
	co.sets = &none;
	co.facts = &none;
	co.rev = s->arg;
	co.no_repo_config = o->no_repo_config;
	co.as_of_head = 1;	/* the rev's date: check.c's set_window() */
	/* check_open() makes the result anew. */
	repo_result_release(&s->res);
	if (check_open(&co, o->path != NULL ? o->path : ".", &c, &s->res) == 0)
		check_run(c, &s->res);
	check_close(c);
	return s->res.status == EXIT_TROUBLE ? -1 : 0;
}

/* A path naming a regular file is a saved report; anything else a rev. */
static int
is_report(const char *arg)
{
	struct stat st;

	return stat(arg, &st) == 0 && S_ISREG(st.st_mode);
}

int
cmd_diff(int argc, char **argv)
{
	struct diff_opts o;
	struct comparison cmp;
	struct side old, new;
	const char *path;
	int rc;

	rc = diff_parse(&o, argc, argv);
	if (rc != 0) {
		strvec_clear(&o.rules);
		return rc == 1 ? EXIT_OK : EXIT_TROUBLE;
	}
	old.arg = o.old;
	new.arg = o.new;
	old.report = is_report(o.old);
	new.report = is_report(o.new);
	if (old.report && new.report && o.path != NULL) {
		usage_error("PATH is for revisions, and OLD and NEW are both "
		    "reports: ", o.path);
		strvec_clear(&o.rules);
		return EXIT_TROUBLE;
	}
	path = o.path != NULL ? o.path : ".";
	repo_result_init(&old.res, old.report ? old.arg : path);
	repo_result_init(&new.res, new.report ? new.arg : path);
	git_libgit2_init();
	/* As cmd_check: a reviewer's clone of someone else's repository. */
	git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
	check_setup();
	rc = EXIT_TROUBLE;
	if (load_side(&o, &old) == 0 && load_side(&o, &new) == 0) {
		compare_results(&old.res, &new.res, &cmp);
		o.format->print(stdout, &old, &new, &cmp);
		rc = cmp.counts[CHANGE_REGRESSED] > 0 ? EXIT_FAILED : EXIT_OK;
		comparison_release(&cmp);
		if (fflush(stdout) != 0 || ferror(stdout)) {
			ec_error("standard output: %s", strerror(errno));
			rc = EXIT_TROUBLE;
		}
	}
	repo_result_release(&old.res);
	repo_result_release(&new.res);
	strvec_clear(&o.rules);
	git_libgit2_shutdown();
	return rc;
}

/* A status word for text and JSON: "none" for a side without the rule. */
static const char *
status_word(const struct finding *f, enum wg_status st)
{
	return f != NULL ? wg_status_name(st) : "none";
}

/* The message a change says: the new one, or the old for a rule gone. */
static const char *
change_message(const struct rule_change *c)
{
	const struct finding *f;

	f = c->now != NULL ? c->now : c->was;
	return f->message != NULL ? f->message : "";
}

/* "v1.0 (revision, commit 0123456789ab, as of 2026-01-01)" */
static void
side_say(struct strbuf *sb, const struct side *s)
{
	char date[16];

	strbuf_add_printable(sb, s->arg, strlen(s->arg));
	strbuf_addf(sb, " (%s", s->report ? "report" : "revision");
	if (s->res.has_head)
		strbuf_addf(sb, ", commit %.12s", s->res.head);
	time_format_date(s->res.as_of, date, sizeof(date));
	strbuf_addf(sb, ", as of %s)", date);
}

static void
print_text(FILE *fp, const struct side *old, const struct side *new,
    const struct comparison *cmp)
{
	struct strbuf sb = STRBUF_INIT;
	const struct rule_change *c;
	size_t i, k, w;

	strbuf_addstr(&sb, "was: ");
	side_say(&sb, old);
	strbuf_addstr(&sb, "\nnow: ");
	side_say(&sb, new);
	strbuf_addch(&sb, '\n');
	for (i = w = 0; i < cmp->n; i++)
		if (cmp->v[i].change != CHANGE_UNCHANGED &&
		    strlen(cmp->v[i].rule) > w)
			w = strlen(cmp->v[i].rule);
	for (k = 0; k < NSHOWN; k++)
		for (i = 0; i < cmp->n; i++) {
			c = &cmp->v[i];
			if (c->change != shown[k])
				continue;
			strbuf_addf(&sb, "%-10s ", change_name(c->change));
			strbuf_add_printable(&sb, c->rule, strlen(c->rule));
			strbuf_addf(&sb, "%*s  %s -> %s: ",
			    (int)(w - strlen(c->rule)), "",
			    status_word(c->was, c->was_status),
			    status_word(c->now, c->now_status));
			strbuf_add_printable(&sb, change_message(c),
			    strlen(change_message(c)));
			strbuf_addch(&sb, '\n');
		}
	strbuf_addf(&sb, "%zu unchanged\n", cmp->counts[CHANGE_UNCHANGED]);
	fwrite(sb.buf, 1, sb.len, fp);
	strbuf_release(&sb);
}

/* One side in the JSON document: what was compared. */
static void
json_side(struct json *j, const char *key, const struct side *s)
{
	char tbuf[32];

	json_object_begin(j, key);
	json_string(j, "kind", s->report ? "report" : "revision");
	json_string(j, "source", s->arg);
	json_string(j, "path", s->res.abspath != NULL ? s->res.abspath : "");
	if (s->res.has_head)
		json_string(j, "head", s->res.head);
	else
		json_null(j, "head");
	time_format_iso(s->res.as_of, tbuf, sizeof(tbuf));
	json_string(j, "as_of", tbuf);
	json_object_end(j);
}

static void
print_json(FILE *fp, const struct side *old, const struct side *new,
    const struct comparison *cmp)
{
	struct strbuf sb = STRBUF_INIT;
	const struct rule_change *c;
	struct json j;
	size_t i, k;

	json_init(&j, &sb, 1);
	json_object_begin(&j, NULL);
	json_int(&j, "schema", DIFF_SCHEMA);
	json_object_begin(&j, "tool");
	json_string(&j, "name", PACKAGE_NAME);
	json_string(&j, "version", PACKAGE_VERSION);
	json_object_end(&j);
	json_side(&j, "old", old);
	json_side(&j, "new", new);
	json_array_begin(&j, "changes");
	for (k = 0; k < NSHOWN; k++)
		for (i = 0; i < cmp->n; i++) {
			if ((c = &cmp->v[i])->change != shown[k])
				continue;
			json_object_begin(&j, NULL);
			json_string(&j, "rule", c->rule);
			json_string(&j, "change", change_name(c->change));
			json_string(&j, "was", status_word(c->was,
			    c->was_status));
			json_string(&j, "now", status_word(c->now,
			    c->now_status));
			json_string(&j, "message", change_message(c));
			json_object_end(&j);
		}
	json_array_end(&j);
	json_object_begin(&j, "summary");
	for (k = 0; k < CHANGE_KINDS; k++)
		json_int(&j, change_name((enum change)k),
		    (long long)cmp->counts[k]);
	json_object_end(&j);
	json_object_end(&j);
	strbuf_addch(&sb, '\n');
	fwrite(sb.buf, 1, sb.len, fp);
	strbuf_release(&sb);
}

/* "- Was: v1.0 (revision, commit ..., as of ...)", escaped. */
static void
md_side(struct strbuf *sb, const char *label, const struct side *s)
{
	struct strbuf say = STRBUF_INIT;

	side_say(&say, s);
	strbuf_addf(sb, "- %s: ", label);
	md_escape(sb, say.buf);
	strbuf_addch(sb, '\n');
	strbuf_release(&say);
}

/* A heading, the two sides, the table with its Was column, the changes. */
static void
print_markdown(FILE *fp, const struct side *old, const struct side *new,
    const struct comparison *cmp)
{
	struct strbuf sb = STRBUF_INIT;
	const struct rule_change *c;
	size_t i, k;

	strbuf_addstr(&sb, "## ecocheck diff: ");
	md_escape(&sb, old->arg);
	strbuf_addstr(&sb, " to ");
	md_escape(&sb, new->arg);
	strbuf_addstr(&sb, "\n\n");
	md_side(&sb, "Was", old);
	md_side(&sb, "Now", new);
	strbuf_addf(&sb, "- Changes: %zu regressed, %zu fixed, %zu new, %zu "
	    "gone, %zu unchanged\n\n", cmp->counts[CHANGE_REGRESSED],
	    cmp->counts[CHANGE_FIXED], cmp->counts[CHANGE_NEW],
	    cmp->counts[CHANGE_GONE], cmp->counts[CHANGE_UNCHANGED]);
	fwrite(sb.buf, 1, sb.len, fp);
	md_diff_table(fp, &old->res, &new->res);
	strbuf_reset(&sb);
	if (cmp->n > cmp->counts[CHANGE_UNCHANGED])
		strbuf_addstr(&sb, "\n### Changes\n\n");
	for (k = 0; k < NSHOWN; k++)
		for (i = 0; i < cmp->n; i++) {
			if ((c = &cmp->v[i])->change != shown[k])
				continue;
			strbuf_addstr(&sb, "- **");
			md_escape(&sb, c->rule);
			strbuf_addf(&sb, "** %s: %s to %s: ",
			    change_name(c->change),
			    c->was != NULL ? wg_status_label(c->was_status) :
			    "none", c->now != NULL ?
			    wg_status_label(c->now_status) : "none");
			md_escape(&sb, change_message(c));
			strbuf_addch(&sb, '\n');
		}
	fwrite(sb.buf, 1, sb.len, fp);
	strbuf_release(&sb);
}
