/* check.c: the driver: a repository from path to judged findings */
#define _GNU_SOURCE
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <git2.h>

#include "baseline.h"
#include "check.h"
#include "ctx.h"
#include "error.h"
#include "gitfile.h"
#include "finding.h"
#include "gitconfig.h"
#include "history.h"
#include "loose.h"
#include "rulecheck.h"
#include "rules.h"
#include "ruleset.h"
#include "strbuf.h"
#include "timeutil.h"
#include "tree.h"
#include "xalloc.h"

#define REPO_CONFIG		".ecocheck.ini"
#define REPO_CONFIG_MAX		(256 * 1024)

/* An opened repository, its tree source and its rules. */
struct check {
	const struct check_opts	*o;
	struct ec_sink		 sink;		/* its diagnostics, its cap */
	git_repository		*repo;
	struct tree		*tree;
	int			 has_head;
	git_oid			 head;		/* the commit whose history counts */
	struct check_ctx	*ctx;
	/* --staged without --absolute: HEAD's tree, judged as the baseline */
	struct tree		*base_tree;
	struct check_ctx	*base_ctx;
	/*
	 * And what each rule asked of the index (by finding), and where
	 * HEAD's tree differs: a rule whose questions it answers alike is
	 * not judged again there.
	 */
	struct tree_queries	*asked;
	size_t			 nasked;
	struct tree_delta	 delta;
	int			 has_delta;
	const struct repo_result *now;		/* the index's */
};

extern const struct rule_type rule_fact;

static int	 path_within(const char *, const char *);
static int	 worktree_ok(const char *, git_repository *);
static int	 configured_worktree(git_repository *);
static int	 config_file_ok(const char *, int);
static void	 warn_skip(int, const char *);
static int	 config_unreachable(int, const char *, struct strbuf *);
static void	 skip_bad_global_config(void);
static size_t	 config_roots(const char *, const char *, char **,
		    const char **);
static int	 linked_worktree(const char *, const char *);
static int	 refuse_outside(const char *, const char *, const char *,
		    const char *, const struct repo_result *);
static int	 note_outside(const char *, const char *, const struct strvec *,
		    const struct check_opts *, struct repo_result *);
static int	 repo_config_ok(const char *, const struct check_opts *,
		    struct repo_result *);
static int	 open_repo(const char *, git_repository **,
		    const struct check_opts *, struct repo_result *);
static int	 open_commit_tree(struct check *, struct repo_result *,
		    struct tree **);
static int	 open_tree(struct check *, struct repo_result *,
		    struct tree **);
static int	 load_rules(struct check *, struct repo_result *);
static int	 run_one(struct check *, struct check_ctx *, const struct rule *,
		    struct finding *);
static int	 run_rules(struct check *, struct check_ctx *,
		    const struct repo_result *, struct repo_result *);
static int	 judge_rule(struct check *, struct check_ctx *,
		    const struct rule *, struct finding *);
static int	 as_in_index(struct check *, size_t, const struct rule *,
		    struct finding *);
static int	 run_baseline(struct check *, struct repo_result *);

/* A rules argument names a file when it has a '/' or ends in ".ini". */
static int
is_rule_file(const char *s)
{
	size_t n;

	n = strlen(s);
	return strchr(s, '/') != NULL || (n > 4 &&
	    strcmp(s + n - 4, ".ini") == 0);
}

/*
 * Whether path (resolved) is the folder root itself or inside it (for a
 * git directory: how git's discovery reaches a repository with no
 * working tree).
 */
static int
path_within(const char *path, const char *root)
{
	char *rp, *rg;
	size_t n;
	int in;

	rp = realpath(path, NULL);
	rg = realpath(root, NULL);
	in = 0;
	if (rp != NULL && rg != NULL) {
		n = strlen(rg);
		in = strncmp(rp, rg, n) == 0 &&
		    (rp[n] == '\0' || rp[n] == '/' || (n > 0 && rg[n - 1] == '/'));
	}
	free(rp);
	free(rg);
	return in;
}

/*
 * Refuse a working tree named by core.worktree outside both the folder
 * given and the git directory's parent (the checkout, or for a submodule
 * the superproject's modules folder): a repository in a reviewer's
 * folder must not make another project's files its own.
 */
static int
worktree_ok(const char *path, git_repository *repo)
{
	const char *wd;
	char *parent, *slash;
	int ok;

	wd = git_repository_workdir(repo);
	if (wd == NULL || path_within(wd, path))
		return 0;
	parent = realpath(git_repository_path(repo), NULL);
	ok = 0;
	if (parent != NULL && (slash = strrchr(parent, '/')) != NULL) {
		slash[slash == parent] = '\0';
		ok = path_within(wd, parent);
	}
	free(parent);
	if (ok)
		return 0;
	return ec_error("%s: core.worktree names %s, outside it; refusing "
	    "to read it", path, wd);
}

/*
 * Whether the repository names a working tree in core.worktree (and is
 * not core.bare): the only way git gives a git directory reached by its
 * own path a working tree.
 */
static int
configured_worktree(git_repository *repo)
{
	git_config *cfg;
	git_config_entry *ent;
	int bare, has;

	if (git_repository_config_snapshot(&cfg, repo) < 0) {
		git_error_clear();
		return 0;
	}
	has = 0;
	if (git_config_get_entry(&ent, cfg, "core.worktree") == 0) {
		has = *ent->value != '\0';
		git_config_entry_free(ent);
	}
	/* git reads neither key from a config with no format version. */
	if (has && git_config_get_entry(&ent, cfg,
	    "core.repositoryformatversion") == 0)
		git_config_entry_free(ent);
	else
		has = 0;
	if (has && git_config_get_bool(&bare, cfg, "core.bare") == 0 && bare)
		has = 0;
	git_error_clear();
	git_config_free(cfg);
	return has;
}

/*
 * Whether libgit2 can read the configuration file path without waiting
 * forever or failing: absent, or a regular file (that can be opened, when
 * readable is set). Sets errno when not.
 */
static int
config_file_ok(const char *path, int readable)
{
	struct gitfile gf;
	int fd, rc;

	rc = gitfile_open(AT_FDCWD, path, 0, &gf, &fd);
	if (fd != -1)
		close(fd);
	if (rc == GITFILE_OK || rc == GITFILE_MISSING)
		return 1;
	if (rc == GITFILE_NOTFILE) {
		errno = S_ISDIR(gf.st.st_mode) ? EISDIR : EINVAL;
		return 0;
	}
	if (!readable && S_ISREG(gf.st.st_mode))
		return 1;	/* there, though not to be opened */
	errno = gf.err;
	return 0;
}

/* Warn, and have libgit2 look for the configuration of level nowhere. */
static void
warn_skip(int level, const char *why)
{
	ec_warn("%s", why);
	git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, "");
}

/*
 * Whether libgit2, which found no configuration file name of level, will
 * still fail to open it: a directory of its search path (a home folder)
 * that may not be searched. Git warns "unable to access" and carries on.
 */
static int
config_unreachable(int level, const char *name, struct strbuf *why)
{
	git_buf gb = { NULL, 0, 0 };
	struct stat st;
	char *dirs, *dir, *next, *p;
	int found;

	if (git_libgit2_opts(GIT_OPT_GET_SEARCH_PATH, level, &gb) < 0) {
		git_error_clear();
		return 0;
	}
	found = 0;
	dirs = xstrdup(gb.ptr != NULL ? gb.ptr : "");
	for (dir = dirs; !found && dir != NULL; dir = next) {
		if ((next = strchr(dir, ':')) != NULL)
			*next++ = '\0';
		if (*dir == '\0')
			continue;
		p = xasprintf("%s/%s", dir, name);
		if (stat(p, &st) == -1 && errno == EACCES) {
			strbuf_addf(why, "unable to access '%s': %s", p,
			    strerror(errno));
			found = 1;
		}
		free(p);
	}
	free(dirs);
	git_buf_dispose(&gb);
	return found;
}

/*
 * The global and system configuration files, as git reads them: one that
 * cannot be read, or is not a regular file, is skipped with a warning
 * (git warns "unable to access"), once: libgit2 is told to look for that
 * level nowhere.
 */
static void
skip_bad_global_config(void)
{
	static const struct {
		int		 level;
		int		(*find)(git_buf *);
		const char	*name;
	} levels[] = {
		{ GIT_CONFIG_LEVEL_SYSTEM, git_config_find_system, "gitconfig" },
		{ GIT_CONFIG_LEVEL_XDG, git_config_find_xdg, "config" },
		{ GIT_CONFIG_LEVEL_GLOBAL, git_config_find_global,
		    ".gitconfig" },
	};
	struct strbuf why = STRBUF_INIT;
	git_buf gb = { NULL, 0, 0 };
	size_t i;

	for (i = 0; i < sizeof(levels) / sizeof(levels[0]); i++) {
		strbuf_reset(&why);
		if (levels[i].find(&gb) < 0) {
			git_error_clear();
			if (config_unreachable(levels[i].level, levels[i].name,
			    &why))
				warn_skip(levels[i].level, why.buf);
			continue;
		}
		if (!config_file_ok(gb.ptr, 1))
			strbuf_addf(&why, "unable to access '%s': %s", gb.ptr,
			    errno == EINVAL ? "not a regular file" :
			    strerror(errno));
		else if (gitconfig_too_big(gb.ptr, &why))
			strbuf_addstr(&why, "; not read");
		if (why.len > 0)
			warn_skip(levels[i].level, why.buf);
		git_buf_dispose(&gb);
	}
	strbuf_release(&why);
}

/*
 * The directories a repository's own configuration may include files
 * from: its git directory, the common one of a linked worktree, the
 * checkout a ".git" directory is in, and the folder given. Real paths.
 */
static size_t
config_roots(const char *path, const char *gitdir, char **roots,
    const char **common)
{
	struct strbuf sb = STRBUF_INIT;
	char *p, *slash;
	size_t n;

	n = 0;
	*common = NULL;
	if ((roots[n] = realpath(gitdir, NULL)) != NULL) {
		slash = strrchr(roots[n], '/');
		if (slash != NULL && strcmp(slash, "/.git") == 0)
			roots[n + 1] = xstrndup(roots[n], slash == roots[n] ?
			    1 : (size_t)(slash - roots[n]));
		n += roots[n + 1] != NULL ? 2 : 1;
	}
	roots[n] = realpath(path, NULL);
	n += roots[n] != NULL;
	/* a linked worktree's commondir file names the shared one */
	p = xasprintf("%s/commondir", gitdir);
	if (read_small_file(p, GITFILE_CUT, PATH_MAX - 1, &sb, NULL) ==
	    GITFILE_OK && sb.len > 0) {
		strbuf_setlen(&sb, strcspn(sb.buf, "\n"));
		free(p);
		p = sb.buf[0] == '/' ? xstrdup(sb.buf) :
		    xasprintf("%s/%s", gitdir, sb.buf);
		if ((roots[n] = realpath(p, NULL)) != NULL)
			*common = roots[n++];
	}
	free(p);
	strbuf_release(&sb);
	return n;
}

/*
 * Whether the git directory rg is a linked worktree's (its gitdir file
 * names the .git file of the checkout path is in): git made that link
 * with "git worktree add", and the history it reads is the checkout's
 * own.
 */
static int
linked_worktree(const char *rg, const char *path)
{
	struct strbuf sb = STRBUF_INIT;
	char *p, *slash;
	int linked;

	p = xasprintf("%s/gitdir", rg);
	linked = 0;
	if (read_small_file(p, GITFILE_CUT, PATH_MAX - 1, &sb, NULL) ==
	    GITFILE_OK && sb.len > 0 && sb.buf[0] == '/') {
		strbuf_setlen(&sb, strcspn(sb.buf, "\n"));
		if ((slash = strrchr(sb.buf, '/')) != NULL &&
		    strcmp(slash, "/.git") == 0) {
			*slash = '\0';
			linked = sb.buf[0] != '\0' && path_within(path, sb.buf);
		}
	}
	free(p);
	strbuf_release(&sb);
	return linked;
}

/*
 * With confine, refuse what note_outside() found outside the repository
 * path, but for a linked worktree's own git directory; under --each
 * (within not NULL) its main repository must be in the folder walked.
 */
static int
refuse_outside(const char *path, const char *rg, const char *confine,
    const char *within, const struct repo_result *res)
{
	if (confine == NULL)
		return 0;
	if (res->outside_gitdir != NULL && (!linked_worktree(rg, path) ||
	    (within != NULL && !path_within(rg, within))))
		return ec_error("%s: its git directory %s is outside it; "
		    "refusing to read it with %s", path, rg, confine);
	if (res->outside_alternates.n > 0)
		return ec_error("%s: objects/info/alternates names %s, "
		    "outside it; refusing to read it with %s", path,
		    res->outside_alternates.v[0], confine);
	return 0;
}

/*
 * Note in res the git directory gitdir (found from the folder path) and
 * the alternates alts when they lie outside the repository path is in:
 * not under path, and path not in the working tree gitdir is the .git of
 * (a folder inside a checkout). With confine (the option that asks it)
 * they are refused: a reviewer's folder of submissions must not make
 * another repository's history and configuration one of them.
 */
static int
note_outside(const char *path, const char *gitdir, const struct strvec *alts,
    const struct check_opts *co, struct repo_result *res)
{
	char *rp, *rg, *top, *slash, *alt, *within;
	const char *root;
	size_t i;
	int rc;

	rp = realpath(path, NULL);
	rg = realpath(gitdir, NULL);
	within = co->confine_to != NULL ? realpath(co->confine_to, NULL) : NULL;
	rc = 0;
	if (rp == NULL || rg == NULL)
		goto done;
	/* the checkout a .git directory is in, or the git directory */
	top = xstrdup(rg);
	slash = strrchr(top, '/');
	if (slash != NULL && slash != top && strcmp(slash, "/.git") == 0)
		*slash = '\0';
	root = path_within(rp, top) ? top : rp;
	if (root == rp && !path_within(rg, rp))
		res->outside_gitdir = xstrdup(rg);
	for (i = 0; alts != NULL && i < alts->n; i++)
		if ((alt = realpath(alts->v[i], NULL)) != NULL &&
		    !path_within(alt, root))
			strvec_push_nodup(&res->outside_alternates, alt);
		else
			free(alt);
	free(top);
	rc = refuse_outside(path, rg, co->confine, within, res);
done:
	free(within);
	free(rp);
	free(rg);
	return rc;
}

/*
 * The repository's own configuration, which libgit2 reads on opening: a
 * FIFO or a device there would block it forever, so it is refused, and
 * so is an include (include.path, includeIf.*.path) that names a file
 * outside the repository.
 */
static int
repo_config_ok(const char *path, const struct check_opts *co,
    struct repo_result *res)
{
	struct strvec alts = STRVEC_INIT;
	static const char *const names[] = { "config", "config.worktree" };
	git_buf gb = { NULL, 0, 0 };
	char *roots[5], *p;
	const char *common;
	size_t i, nroots;
	int r;

	if (git_repository_discover(&gb, path, 0, NULL) < 0) {
		git_error_clear();
		return 0;	/* opening says why */
	}
	r = gitfile_guard(gb.ptr, &alts);
	if (r == 0)
		r = note_outside(path, gb.ptr, &alts, co, res);
	strvec_clear(&alts);
	for (i = 0; r == 0 && i < sizeof(names) / sizeof(names[0]); i++) {
		p = xasprintf("%s%s%s", gb.ptr, gb.size > 0 &&
		    gb.ptr[gb.size - 1] == '/' ? "" : "/", names[i]);
		if (!config_file_ok(p, 0) && errno != EISDIR)
			r = ec_error("%s: not a regular file; refusing to "
			    "read it", p);
		free(p);
	}
	memset(roots, 0, sizeof(roots));
	common = NULL;
	nroots = r == 0 ? config_roots(path, gb.ptr, roots, &common) : 0;
	for (i = 0; r == 0 && i < sizeof(names) / sizeof(names[0]); i++) {
		p = xasprintf("%s%s%s", gb.ptr, gb.size > 0 &&
		    gb.ptr[gb.size - 1] == '/' ? "" : "/", names[i]);
		r = gitconfig_includes_ok(p, (const char *const *)roots,
		    nroots);
		free(p);
	}
	/* the shared configuration of a linked worktree */
	if (r == 0 && common != NULL) {
		p = xasprintf("%s/config", common);
		r = gitconfig_includes_ok(p, (const char *const *)roots,
		    nroots);
		free(p);
	}
	for (i = 0; i < nroots; i++)
		free(roots[i]);
	git_buf_dispose(&gb);
	return r;
}


/*
 * Open the repository path belongs to, as git does: a folder with a .git
 * is (in) a working tree; a git directory named by its own path, or a
 * folder inside one, has no working tree (a bare repository, a snapshot
 * with no config file, a checkout's .git) unless core.worktree names one.
 * libgit2 alone would take the parent of a git directory with no
 * core.bare for its working tree.
 */
static int
open_repo(const char *path, git_repository **repo,
    const struct check_opts *co, struct repo_result *res)
{
	struct stat st;
	char *gitdir;
	int rc;

	if (stat(path, &st) == -1)
		return ec_error("%s: %s", path, strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return ec_error("%s: not a directory", path);
	if (repo_config_ok(path, co, res) < 0)
		return -1;
	rc = git_repository_open_ext(repo, path, 0, NULL);
	if (rc == GIT_ENOTFOUND)
		return gitfile_not_a_repo(path);
	if (rc < 0)
		return ec_error("%s: %s", path, ec_git_error());
	if (!git_repository_is_bare(*repo) && configured_worktree(*repo) &&
	    worktree_ok(path, *repo) == -1) {
		git_repository_free(*repo);
		*repo = NULL;
		return -1;
	}
	if (git_repository_is_bare(*repo) ||
	    !path_within(path, git_repository_path(*repo)) ||
	    configured_worktree(*repo))
		return 0;
	gitdir = xstrdup(git_repository_path(*repo));
	git_repository_free(*repo);
	*repo = NULL;
	rc = git_repository_open_ext(repo, gitdir, GIT_REPOSITORY_OPEN_BARE |
	    GIT_REPOSITORY_OPEN_NO_SEARCH, NULL);
	free(gitdir);
	if (rc < 0)
		return ec_error("%s: %s", path, ec_git_error());
	return 0;
}

/*
 * The tree of the commit find_head() found, read raw as git reads it: a
 * commit libgit2 cannot parse (no author line, a date beyond 64 bits)
 * still has a tree. HEAD's beside the index (--staged) shares the
 * index's entries of every directory the commit leaves as it is.
 */
static int
open_commit_tree(struct check *c, struct repo_result *res, struct tree **t)
{
	git_oid root;
	char *what;
	int rc;

	if (c->o->rev != NULL)
		what = xasprintf("%s: --rev %s", res->path, c->o->rev);
	else
		what = xasprintf("%s: HEAD", res->path);
	rc = history_commit_tree(c->repo, &c->head, what, &root);
	if (rc == 0)
		rc = tree_open_commit_shared(t, c->repo, &c->head, &root, what,
		    c->o->staged ? c->tree : NULL);
	free(what);
	return rc;
}

static int
open_tree(struct check *c, struct repo_result *res, struct tree **t)
{
	if (c->o->staged) {
		if (res->bare)
			return ec_error("%s: --staged needs a repository with "
			    "a working tree", res->path);
		return tree_open_index(t, c->repo);
	}
	if (c->o->rev != NULL)
		return open_commit_tree(c, res, t);
	if (res->bare) {
		if (res->empty || !c->has_head)
			return ec_error("%s: bare repository with no commits",
			    res->path);
		return open_commit_tree(c, res, t);
	}
	return tree_open_worktree(t, c->repo);
}

/*
 * The commit whose history counts: --rev, else HEAD when there is one.
 * Found from the raw objects as git finds it (history_resolve()), not
 * with libgit2's parser, which refuses commits git counts.
 */
static int
find_head(struct check *c, struct repo_result *res)
{
	git_reference *ref;
	char *what;
	int rc;

	if (c->o->rev != NULL)
		what = xasprintf("%s: --rev %s", res->path, c->o->rev);
	else {
		if (git_repository_head(&ref, c->repo) < 0) {
			if (res->empty)
				return 0;
			return ec_error("%s: HEAD: %s", res->path,
			    ec_git_error());
		}
		git_reference_free(ref);
		what = xasprintf("%s: HEAD", res->path);
	}
	rc = history_resolve(c->repo, c->o->rev, what, &c->head);
	free(what);
	if (rc == -1)
		return -1;
	c->has_head = 1;
	return 0;
}

static int
set_window(struct check *c, struct repo_result *res)
{
	char *what;
	int rc;

	if (c->o->as_of_head) {
		if (!c->has_head)
			return ec_error("%s: --as-of HEAD: the repository has "
			    "no commits", res->path);
		what = xasprintf("%s: HEAD", res->path);
		rc = history_commit_time(c->repo, &c->head, what,
		    &res->as_of);
		free(what);
		if (rc == -1)
			return -1;
		/* A date past the years 0-9999 is a forgery: keep to them. */
		res->as_of = time_clamp(res->as_of);
	} else if (c->o->has_as_of)
		res->as_of = c->o->as_of;
	else
		res->as_of = (int64_t)time(NULL);
	res->days = res->rs.window_days;
	res->start = time_sub_days(res->as_of, res->days);
	return 0;
}

/* The repository's own .ecocheck.ini, read through the tree source. */
static int
load_repo_config(struct check *c, struct repo_result *res)
{
	const struct tree_entry *e;
	struct strbuf sb = STRBUF_INIT;
	char *name;
	int trunc, rc;

	e = tree_lookup(c->tree, REPO_CONFIG, 0);
	if (e == NULL)
		return 0;
	name = tree_describe(c->tree, res->abspath, REPO_CONFIG);
	rc = tree_read(c->tree, e, REPO_CONFIG_MAX, &sb, &trunc);
	if (rc == TREE_ELINK)
		rc = ec_error("%s: a symbolic link; not followed", name);
	else if (rc == 0 && trunc)
		rc = ec_error("%s: larger than %d bytes", name,
		    REPO_CONFIG_MAX);
	else if (rc == 0) {
		rc = ruleset_add_repo_buffer(&res->rs, name, sb.buf, sb.len);
		res->rs.repo_config = REPO_CONFIG;
	}
	else if (rc == TREE_EMISSING)
		rc = 0;		/* deleted from the working tree: none */
	else if (rc != -1)
		rc = ec_error("%s: cannot be read", name);
	free(name);
	strbuf_release(&sb);
	return rc;
}

static int
load_rules(struct check *c, struct repo_result *res)
{
	const struct check_opts *o = c->o;
	const char *eq;
	char *name;
	size_t i;
	int rc;

	for (i = 0; i < o->rules->n; i++)
		if (!is_rule_file(o->rules->v[i]) &&
		    ruleset_add_name(&res->rs, o->rules->v[i]) == -1)
			return -1;
	if (o->rules->n == 0 &&
	    ruleset_add_name(&res->rs, "pytorch-ecosystem") == -1)
		return -1;
	if (!o->no_repo_config && load_repo_config(c, res) == -1)
		return -1;
	for (i = 0; i < o->rules->n; i++)
		if (is_rule_file(o->rules->v[i]) &&
		    ruleset_add_file(&res->rs, o->rules->v[i]) == -1)
			return -1;
	for (i = 0; i < o->sets->n; i++)
		if (ruleset_set(&res->rs, o->sets->v[i]) == -1)
			return -1;
	for (i = 0; i < o->facts->n; i++) {
		eq = strchr(o->facts->v[i], '=');
		name = xstrndup(o->facts->v[i], (size_t)(eq - o->facts->v[i]));
		ruleset_fact(&res->rs, name, eq + 1, "--fact");
		free(name);
	}
	if (rulecheck_finish(&res->rs) == -1)
		return -1;
	/* After the check of the rules: a fact's rule is a sound one. */
	for (i = 0; i < o->facts->n; i++) {
		eq = strchr(o->facts->v[i], '=');
		name = xstrndup(o->facts->v[i], (size_t)(eq - o->facts->v[i]));
		rc = fact_given(&res->rs, name, eq + 1);
		free(name);
		if (rc == -1)
			return -1;
	}
	return 0;
}

/*
 * Run one rule into f: skipped when off, or when it reads history with
 * --staged. Returns the check's status (-1: the repository could not be
 * read).
 */
static int
run_one(struct check *c, struct check_ctx *ctx, const struct rule *r,
    struct finding *f)
{
	if (!finding_begin(f, r))
		return 0;
	if (c->o->staged && (r->type->flags & RULE_HISTORY)) {
		finding_result(f, RESULT_SKIP, "history is not read with "
		    "--staged");
		return 0;
	}
	return r->type->check(r, ctx, f);
}

/*
 * With --staged a fact not given is not asked: no commit can give it,
 * and a hook must not wait on a person. A veto that failed it stands:
 * a README saying the project is no longer maintained is in the tree.
 */
static void
fact_not_asked(struct check *c, struct finding *f)
{
	const struct rule *r = f->rule;

	if (!c->o->staged || r->type != &rule_fact ||
	    f->result != RESULT_UNKNOWN || !f->judgment)
		return;
	finding_release(f);
	finding_init(f, r);
	finding_result(f, RESULT_SKIP, "facts are not asked with --staged");
}

/*
 * An alternative that passes makes the rule pass (GOVERNANCE.md, or else
 * MAINTAINERS.md with a governance section): its message and evidence.
 */
static void
fold_alternative(struct finding *f, const struct rule *other,
    const struct finding *of)
{
	const struct rule *r = f->rule;
	char *msg;

	msg = xasprintf("%s (alternative %s)", of->message, other->id);
	finding_release(f);
	finding_init(f, r);
	finding_result(f, RESULT_PASS, "%s", msg);
	free(msg);
	finding_copy_evidence(f, of);
}

/*
 * An alternative that cannot be judged (its patterns ran out of budget)
 * leaves a failing rule unknown: it might have passed.
 */
static void
fold_unknown(struct finding *f, const struct rule *other,
    const struct finding *of)
{
	f->result = RESULT_UNKNOWN;
	finding_append(f, "; alternative %s is unknown: %s", other->id,
	    of->message);
	finding_copy_evidence(f, of);
}

/*
 * A hint that passes is named in the failure: the governance section
 * inside CONTRIBUTING.md that does not count.
 */
static void
fold_hint(struct finding *f, const struct rule *other,
    const struct finding *of)
{
	finding_append(f, "; found instead: %s (%s)", of->message,
	    other->title != NULL ? other->title : other->id);
	finding_copy_evidence(f, of);
}

/*
 * A veto that fails makes the rule fail, whatever it found: a README
 * saying the project is no longer maintained fails the maintenance
 * commitment, given or not. The veto's title says what it found, or,
 * when it quotes what it read (a value), its message does; a veto at a
 * lower level (a statement a person should read) lowers the rule's.
 */
static void
fold_veto(struct finding *f, const struct rule *other,
    const struct finding *of)
{
	const struct rule *r = f->rule;
	const char *what;
	size_t i;

	what = other->title != NULL && of->value_str == NULL ? other->title :
	    of->message;
	finding_release(f);
	finding_init(f, r);
	finding_cap_level(f, of->cap);
	if (of->nev > 0 && of->ev[0].line > 0)
		finding_result(f, RESULT_FAIL, "%s:%d: %s", of->ev[0].path,
		    of->ev[0].line, what);
	else
		finding_result(f, RESULT_FAIL, "%s (%s)", what, of->message);
	for (i = 0; i < of->nev; i++)
		finding_evidence(f, of->ev[i].path, of->ev[i].line, what);
	if (of->fix != NULL)
		finding_fix(f, "%s", of->fix);
	else if (other->help != NULL)
		finding_fix(f, "%s", other->help);
}

/*
 * A note is told whatever it found: the maintenance commitment says
 * whether the torch constraint admits the latest releases.
 */
static void
fold_note(struct finding *f, const struct rule *other,
    const struct finding *of)
{
	size_t i;

	if (other->level == LEVEL_OFF || of->result == RESULT_SKIP)
		return;		/* nothing to tell */
	finding_append(f, "; %s: %s", other->id, of->message != NULL ?
	    of->message : result_name(of->result));
	for (i = 0; i < of->nev; i++)
		finding_evidence(f, of->ev[i].path, of->ev[i].line, other->id);
}

/*
 * A rule folded in that the rule set exempts is told, so that a reader
 * sees what no longer vetoes or notes: "maintenance-stated: exempt: ...".
 */
static void
fold_exempt(struct finding *f, const struct rule *other,
    const struct finding *of)
{
	struct strbuf sb = STRBUF_INIT;

	finding_exempt_say(&sb, of->exempt);
	finding_append(f, "; %s: %s", other->id, sb.buf);
	strbuf_release(&sb);
}

#define FOLD_ANY	(-1)	/* any result of the other rule */

/* The keys that name other rules, and what their results do. */
static const struct fold {
	const char	*key;
	int		 when;		/* the result folded in, or FOLD_ANY */
	int		 until_pass;	/* only while this rule does not pass */
	void		(*fn)(struct finding *, const struct rule *,
			    const struct finding *);
} folds[] = {
	{ RULE_KEY_ALTERNATIVE, RESULT_PASS, 1, fold_alternative },
	{ RULE_KEY_HINT, RESULT_PASS, 1, fold_hint },
	{ RULE_KEY_VETO, RESULT_FAIL, 0, fold_veto },
	{ RULE_KEY_NOTE, FOLD_ANY, 0, fold_note },
};

/*
 * Run the rules that a key of f's rule names, and fold each whose result
 * is the one the key wants into f; a veto folds the first only. A rule
 * the repository's .ecocheck.ini defines folds only into rules of that
 * same layer: it never makes a reviewer's or a shipped rule pass or fail.
 */
static int
fold_rules(struct check *c, struct check_ctx *ctx, const struct fold *fd,
    struct finding *f)
{
	const struct ruleset *rs = ctx_ruleset(ctx);
	const struct rule_key *k;
	const struct rule *other;
	struct finding of;
	size_t i;
	int rc, folded;

	k = rule_key(f->rule, fd->key);
	rc = 0;
	folded = 0;
	for (i = 0; k != NULL && i < k->n; i++) {
		if ((fd->until_pass && f->result == RESULT_PASS) ||
		    (!fd->until_pass && fd->when != FOLD_ANY && folded))
			break;
		other = ruleset_find(rs, k->v[i].value);
		if (other == NULL || (rs->repo_layer != 0 &&
		    other->layer == rs->repo_layer &&
		    f->rule->layer != rs->repo_layer))
			continue;
		if (run_one(c, ctx, other, &of) == -1)
			rc = -1;
		/* Judged alone first: an exempted veto is a skip. */
		finding_judge(&of, NULL, NULL);
		if (of.exempt != NULL)
			fold_exempt(f, other, &of);
		if (fd->when == FOLD_ANY || (int)of.result == fd->when) {
			fd->fn(f, other, &of);
			folded = 1;
		} else if (fd->fn == fold_alternative &&
		    of.result == RESULT_UNKNOWN && f->result == RESULT_FAIL)
			fold_unknown(f, other, &of);
		finding_release(&of);
	}
	return rc;
}

/* Whether the i-th finding of res passes or skips: it cannot regress. */
static int
settled(const struct repo_result *res, size_t i)
{
	enum wg_status s;

	if (i >= res->nfindings)
		return 0;
	s = finding_wg_status(&res->findings[i]);
	return s == WG_PASS || s == WG_SKIP;
}

/*
 * HEAD's tree answers every question the n-th rule asked of the index
 * alike: its finding there is the index's, and f gets its result
 * (1); else 0, and the rule is judged at HEAD.
 */
static int
as_in_index(struct check *c, size_t n, const struct rule *r,
    struct finding *f)
{
	const struct finding *now;

	if (!c->has_delta || n >= c->nasked || n >= c->now->nfindings ||
	    tree_delta_touches(&c->delta, &c->asked[n]))
		return 0;
	now = &c->now->findings[n];
	finding_init(f, r);
	finding_result(f, now->result, "judged as in the index: HEAD's tree "
	    "differs in nothing the rule reads");
	f->cap = now->cap;
	f->judgment = now->judgment;
	return 1;
}

/*
 * One rule's finding on ctx's tree (run_rules()). The index's questions
 * are logged for the baseline when there is one to judge.
 */
static int
judge_rule(struct check *c, struct check_ctx *ctx, const struct rule *r,
    struct finding *f)
{
	struct tree_queries *rec = NULL;
	size_t j;
	int log;
	int rc;

	/* the index's pass: HEAD's (only set, or all of it) logs nothing */
	log = ctx == c->ctx && c->asked != NULL;
	if (log)
		rec = tree_record(c->tree, &c->asked[c->nasked++]);
	rc = run_one(c, ctx, r, f);
	for (j = 0; f->result != RESULT_SKIP &&
	    j < sizeof(folds) / sizeof(folds[0]); j++)
		if (fold_rules(c, ctx, &folds[j], f) == -1)
			rc = -1;
	fact_not_asked(c, f);
	if (log)
		(void)tree_record(c->tree, rec);
	return rc;
}

/*
 * Run and judge every rule the report wants on ctx's tree into res
 * (check_run()). With only, a rule only passes or skips there is not
 * run but skipped: what HEAD says of it cannot change the decision. On
 * HEAD's tree, a rule whose questions it answers as the index did is
 * not run but given the index's result: HEAD would say the same.
 */
static int
run_rules(struct check *c, struct check_ctx *ctx,
    const struct repo_result *only, struct repo_result *res)
{
	const struct ruleset *rs = ctx_ruleset(ctx);
	const struct rule *r;
	struct finding *f;
	struct judge_opts jo;
	size_t i;
	int rc;

	memset(&jo, 0, sizeof(jo));
	jo.strict = c->o->strict;
	rc = 0;
	res->findings = xcalloc(rs->nrules + 1, sizeof(*res->findings));
	for (i = 0; i < rs->nrules; i++) {
		r = rs->rules[i];
		if (!rule_bool(r, "report", 1))
			continue;
		f = &res->findings[res->nfindings];
		if (only != NULL && settled(only, res->nfindings)) {
			finding_init(f, r);
			finding_result(f, RESULT_SKIP, "not judged at HEAD: "
			    "it passes in the index");
		} else if (ctx != c->base_ctx ||
		    !as_in_index(c, res->nfindings, r, f)) {
			if (judge_rule(c, ctx, r, f) == -1)
				rc = -1;
		}
		res->nfindings++;
		finding_judge(f, res, &jo);
	}
	if (rc == -1)
		status_raise(&res->status, EXIT_TROUBLE);
	return rc;
}

static int
open_check(struct check *c, const char *path, struct repo_result *res)
{
	const char *dir;
	size_t n;
	int unborn;

	if (open_repo(path, &c->repo, c->o, res) == -1 ||
	    loose_guard(c->repo) == -1)
		return -1;
	res->bare = git_repository_is_bare(c->repo);
	res->shallow = git_repository_is_shallow(c->repo);
	/*
	 * A HEAD that resolves is a commit: git_repository_is_empty(),
	 * which lists the references, is only asked when HEAD cannot be
	 * resolved at all.
	 */
	unborn = git_repository_head_unborn(c->repo);
	res->empty = unborn == 1 ||
	    (unborn < 0 && git_repository_is_empty(c->repo) == 1);
	dir = res->bare ? git_repository_path(c->repo) :
	    git_repository_workdir(c->repo);
	res->abspath = xstrdup(dir);
	n = strlen(res->abspath);
	if (n > 1 && res->abspath[n - 1] == '/')
		res->abspath[n - 1] = '\0';
	if (find_head(c, res) == -1)
		return -1;
	if (c->has_head)
		git_oid_tostr(res->head, sizeof(res->head), &c->head);
	res->has_head = c->has_head;
	if (open_tree(c, res, &c->tree) == -1)
		return -1;
	res->source = tree_source_name(c->tree);
	if (load_rules(c, res) == -1 || set_window(c, res) == -1 ||
	    rulecheck_exemptions(&res->rs, res->as_of) == -1)
		return -1;
	c->ctx = ctx_new(c->repo, c->tree, &res->rs, c->has_head ? &c->head :
	    NULL, res->as_of);
	return 0;
}

void
check_setup(void)
{
	skip_bad_global_config();
}

int
check_open(const struct check_opts *o, const char *path, struct check **cp,
    struct repo_result *res)
{
	struct ec_sink *prev;
	struct check *c;
	int rc;

	repo_result_init(res, path);
	c = xcalloc(1, sizeof(*c));
	c->o = o;
	ec_sink_init(&c->sink, o->emit, o->emit_arg);
	*cp = c;
	prev = ec_sink_enter(&c->sink);
	rc = open_check(c, path, res);
	ec_sink_leave(prev);
	if (rc == -1)
		status_raise(&res->status, EXIT_TROUBLE);
	return rc;
}

/*
 * Whether HEAD must be judged for the index's result: no rule it does
 * not pass means no rule can have got worse.
 */
static int
needs_baseline(struct check *c, const struct repo_result *res)
{
	size_t i;

	if (c->o->baseline_all)
		return 1;
	for (i = 0; i < res->nfindings; i++)
		if (!settled(res, i))
			return 1;
	return 0;
}

/*
 * --staged without --absolute: judge HEAD's tree with the same rule set
 * and the same repository (a second context on a second tree), and
 * decide by what the index made worse (baseline.h). No commit yet:
 * every rule is new. The exit status is the decision's, not the index's.
 */
static int
run_baseline(struct check *c, struct repo_result *res)
{
	struct repo_result was;
	int rc, trouble;

	rc = 0;
	repo_result_init(&was, res->path);
	if (c->has_head) {
		/* With no tree, every rule is settled: none reads it. */
		if (needs_baseline(c, res))
			rc = open_commit_tree(c, res, &c->base_tree);
		if (rc == 0 && c->base_tree != NULL) {
			tree_delta(c->tree, c->base_tree, &c->delta);
			c->has_delta = 1;
			c->now = res;
		}
		if (rc == 0) {
			c->base_ctx = ctx_new(c->repo, c->base_tree, &res->rs,
			    &c->head, res->as_of);
			if (c->has_delta)
				ctx_twin(c->base_ctx, c->ctx, &c->delta);
			rc = run_rules(c, c->base_ctx, c->o->baseline_all ?
			    NULL : res, &was);
		}
	}
	res->baseline = baseline_new(c->has_head ? &was : NULL, res,
	    res->head, c->o->strict);
	repo_result_release(&was);
	trouble = res->status == EXIT_TROUBLE || rc == -1;
	res->status = EXIT_OK;
	if (trouble)
		status_raise(&res->status, EXIT_TROUBLE);
	if (res->baseline->nblocks > 0)
		status_raise(&res->status, EXIT_FAILED);
	return rc;
}

int
check_run(struct check *c, struct repo_result *res)
{
	struct ec_sink *prev;
	int rc;

	prev = ec_sink_enter(&c->sink);
	if (c->o->staged && !c->o->absolute)
		c->asked = xcalloc(res->rs.nrules + 1, sizeof(*c->asked));
	rc = run_rules(c, c->ctx, NULL, res);
	if (c->o->staged && !c->o->absolute && run_baseline(c, res) == -1)
		rc = -1;
	ec_sink_leave(prev);
	return rc;
}

struct ec_sink *
check_sink(struct check *c)
{
	return &c->sink;
}

git_repository *
check_repository(const struct check *c)
{
	return c->repo;
}

const struct tree *
check_tree(const struct check *c)
{
	return c->tree;
}

const git_oid *
check_head(const struct check *c)
{
	return c->has_head ? &c->head : NULL;
}

void
check_close(struct check *c)
{
	struct ec_sink *prev;
	size_t i;

	if (c == NULL)
		return;
	prev = ec_sink_enter(&c->sink);
	ctx_free(c->base_ctx);	/* it may hold c->ctx's items (ctx_twin()) */
	ctx_free(c->ctx);
	for (i = 0; i < c->nasked; i++)
		tree_queries_release(&c->asked[i]);
	free(c->asked);
	tree_delta_release(&c->delta);
	if (c->tree != NULL)
		tree_free(c->tree);
	if (c->base_tree != NULL)
		tree_free(c->base_tree);
	git_repository_free(c->repo);
	ec_sink_leave(prev);
	free(c);
}
