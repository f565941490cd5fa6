/*
 * tags.c: the newest release tag (tags.h), from the references and the
 * objects history.c reads (history_tag_time(): an annotated tag's date is
 * its tagger line's, as git's creatordate reads it; a lightweight tag is
 * dated by its commit).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "history.h"
#include "strbuf.h"
#include "tags.h"
#include "xalloc.h"

struct names_arg {
	struct tags_newest	*tn;
	size_t			 alloc;
};

static int
name_cb(const char *name, void *arg)
{
	struct names_arg *a = arg;
	struct tags_newest *tn = a->tn;

	if (tn->nnames >= TAGS_MAX) {
		tn->capped = 1;
		return 1;		/* stop */
	}
	XGROW(tn->names, tn->nnames + 1, a->alloc);
	tn->names[tn->nnames++] = xstrdup(name);
	return 0;
}

/* Whether a tag's short name can name a release: it holds a digit. */
static int
release_name(const char *s)
{
	for (; *s != '\0'; s++)
		if (*s >= '0' && *s <= '9')
			return 1;
	return 0;
}

int
tags_newest(git_repository *repo, int64_t as_of, struct tags_newest *tn)
{
	struct names_arg a;
	git_odb *odb;
	const char *shortname;
	int64_t when;
	size_t i;
	int rc;

	memset(tn, 0, sizeof(*tn));
	a.tn = tn;
	a.alloc = 0;
	rc = git_reference_foreach_glob(repo, "refs/tags/*", name_cb, &a);
	if (rc < 0 && rc != 1 && !tn->capped)
		return ec_error("%s: the tags cannot be listed: %s",
		    git_repository_path(repo), ec_git_error());
	if (git_repository_odb(&odb, repo) < 0)
		return ec_error("%s: %s", git_repository_path(repo),
		    ec_git_error());
	for (i = 0; i < tn->nnames; i++) {
		shortname = tn->names[i] + strlen("refs/tags/");
		if (!release_name(shortname))
			continue;
		if (history_tag_time(repo, odb, tn->names[i], &when) == -1) {
			if (tn->nunread++ == 0)
				tn->unread = shortname;
			continue;
		}
		if (when > as_of)
			continue;	/* made after the date checked */
		tn->ntags++;
		if (tn->name == NULL || when > tn->when ||
		    (when == tn->when && strcmp(shortname, tn->name) > 0)) {
			free(tn->name);
			tn->name = xstrdup(shortname);
			tn->when = when;
		}
	}
	git_odb_free(odb);
	return 0;
}

void
tags_newest_release(struct tags_newest *tn)
{
	size_t i;

	for (i = 0; i < tn->nnames; i++)
		free(tn->names[i]);
	free(tn->names);
	free(tn->name);
	memset(tn, 0, sizeof(*tn));
}
