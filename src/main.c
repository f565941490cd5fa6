/*
 * main.c: ecocheck's entry point: options, then for each repository load
 * the rules, check, report; the exit status is the worst seen.
 */
#define _POSIX_C_SOURCE 200809L
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "check.h"
#include "error.h"
#include "options.h"
#include "report.h"
#include "strbuf.h"
#include "xalloc.h"

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every repository directly under dir: a checkout or a bare repository. */
static int
list_each(const char *dir, struct strvec *out)
{
	struct dirent *de;
	struct stat st;
	DIR *d;
	char *p, *q;

	d = opendir(dir);
	if (d == NULL)
		return ec_error("%s: %s", dir, strerror(errno));
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		p = xasprintf("%s/%s", dir, de->d_name);
		q = xasprintf("%s/.git", p);
		if (stat(q, &st) == 0) {
			strvec_push(out, p);
		} else {
			free(q);
			q = xasprintf("%s/HEAD", p);
			if (stat(q, &st) == 0 && S_ISREG(st.st_mode))
				strvec_push(out, p);
		}
		free(q);
		free(p);
	}
	closedir(d);
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(*out->v), cmp_str);
	if (out->n == 0)
		return ec_error("%s: no repositories directly under it", dir);
	return 0;
}

int
main(int argc, char **argv)
{
	struct options o;
	struct repo_result res;
	struct strvec paths = STRVEC_INIT;
	size_t i;
	int rc, code, worst;

	rc = options_parse(&o, argc, argv);
	if (rc != 0) {
		options_release(&o);
		return rc == 1 ? 0 : 2;
	}
	git_libgit2_init();
	/* ecocheck runs nothing from the repository: reviewers check clones
	 * owned by others, so libgit2's owner check is not wanted here. */
	git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
	/* Like git, do not rehash every object read: the walk reads many. */
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
	worst = 0;
	if (o.each != NULL) {
		if (list_each(o.each, &paths) == -1)
			worst = 2;
	} else if (o.paths.n == 0)
		strvec_push(&paths, ".");
	else
		for (i = 0; i < o.paths.n; i++)
			strvec_push(&paths, o.paths.v[i]);
	for (i = 0; i < paths.n; i++) {
		rc = check_repository(&o, paths.v[i], &res);
		if (rc == 0 && o.list_rules)
			report_list_rules(stdout, &res);
		else if (rc == 0)
			report_repo(stdout, &res, &o);
		code = report_exit_code(rc, &res, &o);
		if (o.list_rules && rc == 0)
			code = 0;
		if (code == 2 || (code > worst && worst != 2))
			worst = code;
		repo_result_release(&res);
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		ec_error("standard output: %s", strerror(errno));
		worst = 2;
	}
	strvec_clear(&paths);
	options_release(&o);
	git_libgit2_shutdown();
	return worst;
}
