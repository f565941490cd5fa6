/* datadir.c: the one search path for ecocheck's data directories */
#define _POSIX_C_SOURCE 200809L
#include "config.h"

#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ascii.h"
#include "datadir.h"
#include "strbuf.h"
#include "xalloc.h"

static char	*env_name(const char *);
static int	 from_build_tree(void);
static int	 cmp_str(const void *, const void *);

/* "ECOCHECK_RULES_DIR" for "rules". */
static char *
env_name(const char *sub)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p;
	int c;

	strbuf_addstr(&sb, "ECOCHECK_");
	for (p = sub; *p != '\0'; p++) {
		c = (unsigned char)*p;
		if (c >= 'a' && c <= 'z')
			c = c - 'a' + 'A';
		else if (!ascii_isalnum(c))
			c = '_';
		strbuf_addch(&sb, c);
	}
	strbuf_addstr(&sb, "_DIR");
	return strbuf_detach(&sb, NULL);
}

/* Whether this program is the one in the build tree (make check, ./src). */
static int
from_build_tree(void)
{
	char self[PATH_MAX];
	ssize_t n;

	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n <= 0)
		return 0;
	self[n] = '\0';
	return strcmp(self, EC_BUILD_PROGRAM) == 0;
}

void
datadir_search_path(const char *sub, struct strvec *out)
{
	const char *env, *home;
	char *name;

	name = env_name(sub);
	env = getenv(name);
	free(name);
	if (env != NULL && *env != '\0')
		strvec_push(out, env);
	else if (from_build_tree())
		strvec_push_nodup(out, xasprintf("%s/%s", EC_SRCDIR, sub));
	else
		strvec_push_nodup(out, xasprintf("%s/%s", EC_DATADIR, sub));
	strvec_push_nodup(out, xasprintf("%s/ecocheck/%s", EC_SYSCONFDIR,
	    sub));
	env = getenv("XDG_CONFIG_HOME");
	home = getenv("HOME");
	if (env != NULL && *env == '/')
		strvec_push_nodup(out, xasprintf("%s/ecocheck/%s", env, sub));
	else if (home != NULL && *home == '/')
		strvec_push_nodup(out,
		    xasprintf("%s/.config/ecocheck/%s", home, sub));
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void
datadir_names(const char *sub, const char *suffix, struct strvec *out)
{
	struct strvec dirs = STRVEC_INIT;
	struct dirent *de;
	size_t i, len, slen;
	char *stem;
	DIR *dir;

	datadir_search_path(sub, &dirs);
	slen = strlen(suffix);
	for (i = 0; i < dirs.n; i++) {
		if ((dir = opendir(dirs.v[i])) == NULL)
			continue;	/* a layer not there: nothing in it */
		while ((de = readdir(dir)) != NULL) {
			len = strlen(de->d_name);
			if (len <= slen || de->d_name[0] == '.' ||
			    strcmp(de->d_name + len - slen, suffix) != 0)
				continue;
			stem = xstrndup(de->d_name, len - slen);
			if (strvec_has(out, stem))
				free(stem);
			else
				strvec_push_nodup(out, stem);
		}
		closedir(dir);
	}
	strvec_clear(&dirs);
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(*out->v), cmp_str);
}
