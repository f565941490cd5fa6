/*
 * cmd-check.c: the check command, ecocheck's default: for each
 * repository (the PATHs, or every one under --each), open it and load
 * its rules, run them, and report in the chosen format. The exit status
 * is the worst of the repositories'.
 */
#define _POSIX_C_SOURCE 200809L
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <git2.h>

#include "baseline.h"
#include "check.h"
#include "command.h"
#include "error.h"
#include "finding.h"
#include "gitfile.h"
#include "jobs.h"
#include "options.h"
#include "progress.h"
#include "report.h"
#include "strbuf.h"
#include "xalloc.h"

static int	 list_each(const char *, struct strvec *);
static void	 check_opts_of(const struct options *, struct check_opts *);

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}


/*
 * Every repository directly under dir: a checkout or a git directory; a
 * symbolic link is skipped with a warning, never followed out of dir.
 */
static int
list_each(const char *dir, struct strvec *out)
{
	struct dirent *de;
	struct stat st;
	DIR *d;
	char *p;
	size_t len;

	d = opendir(dir);
	if (d == NULL)
		return ec_error("%s: %s", dir, strerror(errno));
	/* "clones/" names clones/a, not clones//a. */
	len = strlen(dir);
	while (len > 1 && dir[len - 1] == '/')
		len--;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		p = xasprintf("%.*s/%s", (int)len, dir, de->d_name);
		if (lstat(p, &st) == 0 && S_ISLNK(st.st_mode)) {
			/* It may lead out of dir, to anything. */
			ec_warn("%s: a symbolic link; skipping it", p);
			free(p);
			continue;
		}
		if (gitfile_is_toplevel(AT_FDCWD, p) ||
		    gitfile_is_gitdir(AT_FDCWD, p))
			strvec_push(out, p);
		free(p);
	}
	closedir(d);
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(*out->v), cmp_str);
	if (out->n == 0)
		return ec_error("%s: no repositories directly under it", dir);
	return 0;
}

/* What the check of each repository is asked for, from the options. */
static void
check_opts_of(const struct options *o, struct check_opts *co)
{
	memset(co, 0, sizeof(*co));
	co->rules = &o->rules;
	co->sets = &o->sets;
	co->facts = &o->facts;
	co->rev = o->rev;
	co->staged = o->staged;
	co->absolute = o->absolute;
	/* The text report shows only what the index does not pass. */
	co->baseline_all = strcmp(o->format->name, "text") != 0;
	co->no_repo_config = o->no_repo_config;
	co->confine = o->each != NULL ? "--each" : o->no_repo_config ?
	    "--no-repo-config" : NULL;
	co->confine_to = o->each;
	co->strict = o->strict;
	co->as_of_head = o->as_of_head;
	co->has_as_of = o->has_as_of;
	co->as_of = o->as_of;
}

/*
 * Check one repository into res and report it; its exit status. With
 * the progress line on, its diagnostics are held until the line is
 * cleared, so that the two never share a line of the terminal.
 */
static int
check_one(const struct options *o, const struct check_opts *co,
    const char *path, struct repo_result *res, const struct report_opts *ro,
    size_t *nreported, struct progress *pg)
{
	struct strbuf held = STRBUF_INIT;
	struct check_opts hco;
	struct check *c;
	double t0;

	hco = *co;
	if (pg->on) {
		hco.emit = ec_emit_strbuf;
		hco.emit_arg = &held;
	}
	t0 = progress_now();
	if (check_open(&hco, path, &c, res) == 0 && !o->list_rules)
		check_run(c, res);
	progress_done(pg, path, progress_now() - t0);
	progress_clear(pg);
	fwrite(held.buf, 1, held.len, stderr);
	if (res->status != EXIT_TROUBLE) {
		if (o->list_rules)
			report_list_rules(stdout, res);
		else
			o->format->repo(stdout, res, ro, (*nreported)++);
	}
	fflush(stdout);
	progress_show(pg);
	check_close(c);
	strbuf_release(&held);
	return res->status;
}

/* How many checks at a time: -j, else one per online core, at most n. */
static int
jobs_of(const struct options *o, size_t n)
{
	long cores;
	int jobs;

	jobs = o->jobs;
	if (jobs <= 0) {
		cores = sysconf(_SC_NPROCESSORS_ONLN);
		jobs = cores < 1 ? 1 : cores > 1024 ? 1024 : (int)cores;
	}
	if ((size_t)jobs > n)
		jobs = n > 0 ? (int)n : 1;
	return jobs;
}

/*
 * Check and report every path in order, the format's end told the
 * results of them all; the worst exit status.
 */
static int
check_all(const struct options *o, const struct check_opts *co,
    const struct strvec *paths, const struct report_opts *ro)
{
	struct repo_result *res;
	struct progress pg;
	struct jobs_run run;
	size_t i, nreported;
	int worst;

	res = xreallocarray(NULL, paths->n + 1, sizeof(*res));
	worst = EXIT_OK;
	nreported = 0;
	progress_init(&pg, paths->n);
	if (!o->list_rules && o->format->begin != NULL)
		o->format->begin(stdout, ro);
	memset(&run, 0, sizeof(run));
	run.jobs = jobs_of(o, paths->n);
	if (run.jobs > 1 && !o->list_rules) {
		run.format = o->format;
		run.ro = ro;
		run.co = co;
		run.paths = paths;
		run.res = res;
		run.progress = &pg;
		worst = jobs_check(&run);
	} else
		for (i = 0; i < paths->n; i++)
			status_raise(&worst, check_one(o, co, paths->v[i],
			    &res[i], ro, &nreported, &pg));
	progress_release(&pg);
	if (!o->list_rules && o->format->end != NULL)
		o->format->end(stdout, ro, res, paths->n);
	for (i = 0; i < paths->n; i++)
		repo_result_release(&res[i]);
	free(res);
	return worst;
}

int
cmd_check(int argc, char **argv)
{
	struct options o;
	struct check_opts co;
	struct report_opts ro;
	struct strvec paths = STRVEC_INIT;
	size_t i;
	int rc, worst;

	rc = options_parse(&o, argc, argv);
	if (rc != 0) {
		options_release(&o);
		return rc == 1 ? EXIT_OK : EXIT_TROUBLE;
	}
	git_libgit2_init();
	/* ecocheck runs nothing from the repository: reviewers check clones
	 * owned by others, so libgit2's owner check is not wanted here. */
	git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
	/* Like git, do not rehash every object read: the walk reads many. */
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
	check_setup();
	/* The pre-commit check's own text: what the index made worse. */
	if (o.staged && !o.absolute && o.format == report_format_find("text"))
		o.format = &report_staged;
	check_opts_of(&o, &co);
	worst = EXIT_OK;
	if (o.each != NULL) {
		if (list_each(o.each, &paths) == -1)
			status_raise(&worst, EXIT_TROUBLE);
	} else if (o.paths.n == 0)
		strvec_push(&paths, ".");
	else
		for (i = 0; i < o.paths.n; i++)
			strvec_push(&paths, o.paths.v[i]);
	options_report(&o, stdout, &ro);
	status_raise(&worst, check_all(&o, &co, &paths, &ro));
	if (fflush(stdout) != 0 || ferror(stdout)) {
		ec_error("standard output: %s", strerror(errno));
		status_raise(&worst, EXIT_TROUBLE);
	}
	strvec_clear(&paths);
	options_release(&o);
	git_libgit2_shutdown();
	return worst;
}
