/* options.c: the command line of ecocheck(1), one table for parsing and help */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "error.h"
#include "options.h"
#include "strbuf.h"
#include "timeutil.h"
#include "utf8.h"
#include "xalloc.h"

static void	 getopt_tables(struct option *, char *);
static int	 options_finish(struct options *);

/* Every option once: the parser, --help and the man page test use it. */
const struct option_doc option_docs[] = {
	{ "rules", 'r', "NAME|FILE",
	    "rule set by name or file (repeatable; default pytorch-ecosystem)" },
	{ "format", 'f', "FMT", "report format (see Formats below)" },
	{ "as-of", 0, "DATE|HEAD",
	    "end of the history window (ISO 8601, or HEAD)" },
	{ "rev", 0, "REV", "check the tree of a commit" },
	{ "staged", 0, NULL,
	    "check the index (pre-commit): fail only on what it makes worse "
	    "than HEAD" },
	{ "absolute", 0, NULL,
	    "with --staged: fail on every failure, as of the index alone" },
	{ "set", 0, "RULE.KEY=VAL", "change one key of one rule (repeatable)" },
	{ "fact", 0, "NAME=VAL", "give a fact no checkout holds, e.g. stars=250" },
	{ "no-repo-config", 0, NULL,
	    "ignore the checked repository's .ecocheck.ini" },
	{ "strict", 0, NULL, "unknown results fail like errors" },
	{ "jobs", 'j', "N",
	    "check N repositories at a time (default: one per core)" },
	{ "each", 0, "DIR", "check every repository directly under DIR" },
	{ "list-rules", 0, NULL,
	    "print the rules that would run, with their sources" },
	{ "color", 0, "WHEN", "auto | always | never (NO_COLOR is honoured)" },
	{ "quiet", 'q', NULL, "print only what fails (error level)" },
	{ "width", 0, "N",
	    "wrap text at N columns, 0 never (default: terminal, 80)" },
	{ "help", 'h', NULL, "print this help and exit" },
	{ "version", 'V', NULL, "print the version and exit" },
	{ NULL, 0, NULL, NULL }
};

void
options_usage(FILE *fp)
{
	const struct report_format *const *f;
	int planned;

	commands_usage(fp);
	fputs("Check a git checkout against repository-health rules.\n", fp);
	commands_list(fp);
	fputs("\nOptions of check:\n", fp);
	command_options(fp, option_docs);
	fputs("\nFormats:", fp);
	for (f = report_formats; *f != NULL; f++)
		if ((*f)->repo != NULL)
			fprintf(fp, " %s", (*f)->name);
	/* Formats named but not built yet, when there are any. */
	planned = 0;
	for (f = report_formats; *f != NULL; f++)
		if ((*f)->repo == NULL)
			fprintf(fp, "%s%s", planned++ == 0 ? " (planned: " :
			    " ", (*f)->name);
	fputs(planned > 0 ? ")\n" : "\n", fp);
	fputs("\nExit status: 0 no error-level rule failed, 1 one did, "
	    "2 usage, configuration\nor repository error. "
	    "See ecocheck(1).\n", fp);
}

static int __attribute__((format(printf, 1, 2)))
usage_error(const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT, clean = STRBUF_INIT;
	va_list ap;

	/* Arguments may be names read from elsewhere: print them clean. */
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	strbuf_add_printable(&clean, sb.buf, sb.len);
	fprintf(stderr, "ecocheck: %s (see ecocheck --help)\n", clean.buf);
	strbuf_release(&sb);
	strbuf_release(&clean);
	return -1;
}

/* Option values that name a feature this version does not have. */
static int
not_built(const char *what)
{
	return usage_error("%s is not available in this version yet", what);
}

static int
parse_format(struct options *o, const char *arg)
{
	const struct report_format *const *f;
	struct strbuf known = STRBUF_INIT;
	int rc;

	o->format = report_format_find(arg);
	if (o->format != NULL && o->format->repo != NULL)
		return 0;
	if (o->format != NULL) {
		char what[64];

		snprintf(what, sizeof(what), "--format %s", arg);
		return not_built(what);
	}
	for (f = report_formats; *f != NULL; f++)
		strbuf_addf(&known, "%s%s", f == report_formats ? "" :
		    f[1] == NULL ? " or " : ", ", (*f)->name);
	rc = usage_error("unknown format '%s': use %s", arg, known.buf);
	strbuf_release(&known);
	return rc;
}

/* --width N: 0 (never wrap) or a width the text report can use. */
static int
parse_width(struct options *o, const char *arg)
{
	char *end;
	long n;

	n = strtol(arg, &end, 10);
	if (*arg == '\0' || *end != '\0' || (n != 0 &&
	    (n < REPORT_WIDTH_MIN || n > REPORT_WIDTH_MAX)))
		return usage_error("--width: bad number '%s': use 0 (no "
		    "wrapping) or %d to %d", arg, REPORT_WIDTH_MIN,
		    REPORT_WIDTH_MAX);
	o->width = (int)n;
	return 0;
}

static int
parse_color(struct options *o, const char *arg)
{
	if (strcmp(arg, "auto") == 0)
		o->color = COLOR_AUTO;
	else if (strcmp(arg, "always") == 0)
		o->color = COLOR_ALWAYS;
	else if (strcmp(arg, "never") == 0)
		o->color = COLOR_NEVER;
	else
		return usage_error("--color: '%s' is not auto, always or "
		    "never", arg);
	return 0;
}

static int
parse_one(struct options *o, const char *name, const char *arg)
{
	char *end;
	long n;

	if (strcmp(name, "rules") == 0)
		strvec_push(&o->rules, arg);
	else if (strcmp(name, "format") == 0)
		return parse_format(o, arg);
	else if (strcmp(name, "as-of") == 0) {
		o->has_as_of = 1;
		o->as_of_head = strcmp(arg, "HEAD") == 0;
		if (!o->as_of_head && time_parse_iso(arg, &o->as_of) == -1)
			return usage_error("--as-of: bad date '%s': use "
			    "YYYY-MM-DD, YYYY-MM-DDTHH:MM:SS[Z|+HH:MM] or HEAD",
			    arg);
	} else if (strcmp(name, "rev") == 0)
		o->rev = arg;
	else if (strcmp(name, "staged") == 0)
		o->staged = 1;
	else if (strcmp(name, "absolute") == 0)
		o->absolute = 1;
	else if (strcmp(name, "set") == 0) {
		if (strchr(arg, '=') == NULL || strchr(arg, '.') == NULL)
			return usage_error("--set %s: expected RULE.KEY=VALUE",
			    arg);
		strvec_push(&o->sets, arg);
	} else if (strcmp(name, "fact") == 0) {
		if (strchr(arg, '=') == NULL || arg[0] == '=')
			return usage_error("--fact %s: expected NAME=VALUE",
			    arg);
		strvec_push(&o->facts, arg);
	} else if (strcmp(name, "no-repo-config") == 0)
		o->no_repo_config = 1;
	else if (strcmp(name, "strict") == 0)
		o->strict = 1;
	else if (strcmp(name, "jobs") == 0) {
		n = strtol(arg, &end, 10);
		if (*arg == '\0' || *end != '\0' || n < 1 || n > 1024)
			return usage_error("--jobs: bad number '%s'", arg);
		o->jobs = (int)n;
	} else if (strcmp(name, "each") == 0)
		o->each = arg;
	else if (strcmp(name, "list-rules") == 0)
		o->list_rules = 1;
	else if (strcmp(name, "color") == 0)
		return parse_color(o, arg);
	else if (strcmp(name, "quiet") == 0)
		o->quiet = 1;
	else if (strcmp(name, "width") == 0)
		return parse_width(o, arg);
	return 0;
}

int
options_parse(struct options *o, int argc, char **argv)
{
	struct option lopts[32];
	char sopts[64];
	const struct option_doc *d;
	int c, idx;

	memset(o, 0, sizeof(*o));
	o->jobs = 0;	/* not given: one per online core (cmd-check.c) */
	o->width = -1;	/* not given: the terminal's (report_width()) */
	o->format = report_formats[0];
	getopt_tables(lopts, sopts);
	optind = 1;
	opterr = 0;
	for (;;) {
		idx = -1;
		c = getopt_long(argc, argv, sopts, lopts, &idx);
		if (c == -1)
			break;
		if (c == '?' || c == ':')
			return command_bad_option(NULL, option_docs, c, argv);
		if (c >= 256)
			d = &option_docs[c - 256];
		else
			for (d = option_docs; d->shortopt != c; d++)
				;
		if (strcmp(d->name, "help") == 0) {
			options_usage(stdout);
			return 1;
		}
		if (strcmp(d->name, "version") == 0) {
			printf("ecocheck %s\n", PACKAGE_VERSION);
			return 1;
		}
		if (parse_one(o, d->name, optarg) == -1)
			return -1;
	}
	for (; optind < argc; optind++)
		strvec_push(&o->paths, argv[optind]);
	return options_finish(o);
}

/* getopt_long()'s tables made from the option table. */
static void
getopt_tables(struct option *lopts, char *sopts)
{
	const struct option_doc *d;
	char *p;
	size_t i;

	p = sopts;
	*p++ = ':';	/* a missing value is ':', not '?' */
	for (i = 0, d = option_docs; d->name != NULL; d++, i++) {
		lopts[i].name = d->name;
		lopts[i].has_arg = d->arg ? required_argument : no_argument;
		lopts[i].flag = NULL;
		lopts[i].val = 256 + (int)i;
		if (d->shortopt != 0) {
			*p++ = (char)d->shortopt;
			if (d->arg != NULL)
				*p++ = ':';
		}
	}
	*p = '\0';
	memset(&lopts[i], 0, sizeof(lopts[i]));
}

/*
 * What the options say together: options that exclude each other, and
 * SOURCE_DATE_EPOCH as --as-of when none was given. 0, or -1.
 */
static int
options_finish(struct options *o)
{
	const char *env;
	char *e;
	long long v;

	if (o->staged && o->rev != NULL)
		return usage_error("%s: --staged and --rev cannot be used "
		    "together", "options");
	if (o->absolute && !o->staged)
		return usage_error("%s: --absolute is for --staged", "options");
	if (o->each != NULL && o->paths.n > 0)
		return usage_error("%s: --each and PATH operands cannot be used "
		    "together", "options");
	env = getenv("SOURCE_DATE_EPOCH");
	if (o->has_as_of || env == NULL || *env == '\0')
		return 0;
	errno = 0;
	v = strtoll(env, &e, 10);
	if (*e != '\0' || v < 0 || errno != 0 || v > TIME_MAX_SECONDS)
		return usage_error("SOURCE_DATE_EPOCH: bad value '%s'", env);
	o->has_as_of = 1;
	o->as_of = v;
	return 0;
}

void
options_release(struct options *o)
{
	strvec_clear(&o->rules);
	strvec_clear(&o->sets);
	strvec_clear(&o->facts);
	strvec_clear(&o->paths);
}

void
options_report(const struct options *o, FILE *fp, struct report_opts *ro)
{
	memset(ro, 0, sizeof(*ro));
	ro->quiet = o->quiet;
	ro->strict = o->strict;
	ro->color = report_use_color(fp, o->color);
	ro->many = o->each != NULL || o->paths.n > 1;
	ro->width = o->width >= 0 ? o->width : report_width(fp);
}
