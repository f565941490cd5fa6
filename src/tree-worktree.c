/* tree-worktree.c: the working tree, as git ls-files -co --exclude-standard */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1		/* openat, fdopendir, d_type */
#endif
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <git2.h>

#include "error.h"
#include "gitfile.h"
#include "ignore.h"
#include "strbuf.h"
#include "text.h"
#include "tree-impl.h"
#include "xalloc.h"

/*
 * The walk merges each directory's listing with the sorted index: the
 * tracked paths below a directory are one range of it, found by binary
 * search, and no ignore rule is checked for a tracked path. Within a
 * directory, its names go into a small hash table, and one pass over
 * its range finds each tracked name there (a subdirectory's entries
 * are skipped with one binary search): a binary search of the range for
 * every name cost a tenth of a 100,000-file run. Untracked paths are
 * matched against the ignore stack (ignore.c), which each level pushes
 * its .gitignore on when entered and pops when left, as git does: a
 * path costs the patterns that apply. An ignored untracked directory is
 * not entered.
 *
 * The walk is a loop over a stack of levels, not a recursion, and a
 * level reads its whole directory before the walk goes below it: only
 * the first WALK_KEEP_FDS levels keep a descriptor open; deeper, the
 * parent's is closed on the way down and opened again from the child
 * ("..") on the way up, checked to be the same directory.
 */
#define WALK_KEEP_FDS	24

/* The working tree: the base, and what reading from the disk needs. */
struct worktree_tree {
	struct tree	 base;		/* first: a struct tree * is one */
	char		*workdir;	/* with its final '/' */
	int		 rootfd;	/* the open top directory, or -1 */
	char		**unreadable;	/* the directories the walk could */
	size_t		 nunreadable;	/* not read ("" for the root) */
	size_t		 aunreadable;
};

/* A directory of the walk. */
struct level {
	size_t		 plen;		/* its path (with '/') in walk.path */
	size_t		 lo;		/* its tracked entries: [lo, hi) */
	size_t		 hi;
	int		 fd;		/* -1 while closed (deep levels) */
	dev_t		 dev;		/* what fd is, to check a reopening */
	ino_t		 ino;
	int		 ignored;	/* ignored: no untracked below */
	struct strbuf	 names;		/* its names, each NUL-terminated */
	size_t		*off;		/* where each name starts in names */
	unsigned char	*dtype;		/* and its d_type */
	size_t		*hit;		/* its tracked entry, or NO_HIT */
	size_t		 n;
	size_t		 next;		/* the next name to look at */
	size_t		 alloc;
	size_t		*slot;		/* the names' hash table: index + 1 */
	size_t		 nslot;		/* a power of two, or 0 */
};

#define NO_HIT	((size_t)-1)

struct walk {
	struct worktree_tree *wt;	/* the tracked entries, sorted */
	struct worktree_tree *others;	/* the untracked entries found */
	struct strbuf	 path;		/* the path being looked at */
	int		 filemode;	/* core.fileMode: trust the exec bit */
	struct ignore	*ig;
	struct strbuf	 text;		/* an ignore file being read */
	struct level	*lv;		/* the levels entered, root first */
	size_t		 depth;
	size_t		 alloc;
};

static size_t	 bound(const struct tree_entry *, size_t, size_t, size_t,
		    const char *, size_t, int);
static int	 path_inside(const char *, const char *);
static char	*normal_path(const char *, const char *);
static int	 real_inside(const char *, const char *);
static struct worktree_tree *worktree_new(git_repository *);
static struct worktree_tree *worktree_root(git_repository *);
static const struct worktree_tree *worktree_of(const struct tree *);
static char	*excludes_path(git_repository *, int *);
static int	 excludes_local(git_repository *, const char *, const char *,
		    const char *, struct strbuf *);
static int	 excludes_file(git_repository *, const char *,
		    struct strbuf *);
static int	 load_global(struct walk *, git_repository *);
static void	 unreadable(struct walk *, int);
static int	 open_dir(struct walk *, int, const char *);
static int	 read_names(struct walk *, struct level *);
static size_t	 name_find(const struct level *, const char *, size_t);
static void	 match_tracked(const struct walk *, struct level *);
static int	 enter(struct walk *, int, size_t, size_t, int);
static int	 leave(struct walk *);
static int	 entry_type(int, const char *, int);
static int	 walk_entry(struct walk *, size_t);
static int	 walk_dir(struct walk *, const char *, size_t);
static int	 walk_untracked_dir(struct walk *, int, const char *);
static int	 walk(struct walk *);
static unsigned	 file_mode(struct walk *, int, const char *, unsigned);
static void	 merge_others(struct tree *, struct tree *);
static int	 open_parent(const struct worktree_tree *, char *,
		    const char **);
static int	 bad_path(const char *);
static int	 worktree_read_disk(const struct tree *,
		    const struct tree_entry *, size_t, struct strbuf *, int *);
static int	 worktree_size_disk(const struct tree *,
		    const struct tree_entry *, uint64_t *);
static int	 worktree_readlink_disk(const struct tree *,
		    const struct tree_entry *, struct strbuf *);
static int	 worktree_read(const struct tree *, const struct tree_entry *,
		    size_t, struct strbuf *, int *);
static int	 worktree_size(const struct tree *, const struct tree_entry *,
		    uint64_t *);
static int	 worktree_readlink(const struct tree *,
		    const struct tree_entry *, struct strbuf *);
static char	*worktree_describe(const struct tree *, const char *,
		    const char *);
static const char *worktree_unreadable(const struct tree *, size_t);
static void	 worktree_free(struct tree *);

/* Files read from the disk: a tracked file can be gone. */
const struct tree_ops tree_worktree_ops = {
	.name = "worktree",
	.may_miss = 1,
	.read = worktree_read,
	.size = worktree_size,
	.readlink = worktree_readlink,
	.describe = worktree_describe,
	.unreadable = worktree_unreadable,
	.free = worktree_free,
};

/* An empty working tree of repo, not yet opened. */
static struct worktree_tree *
worktree_new(git_repository *repo)
{
	struct worktree_tree *wt;

	wt = xcalloc(1, sizeof(*wt));
	tree_init(&wt->base, &tree_worktree_ops, repo);
	wt->rootfd = -1;
	return wt;
}

/* The working tree whose base is t (t's ops are tree_worktree_ops). */
static const struct worktree_tree *
worktree_of(const struct tree *t)
{
	return (const struct worktree_tree *)t;
}

/*
 * The first entry of [lo, hi) whose path, from byte off, does not sort
 * before key (compared on n bytes, or whole if n is 0); with upper, the
 * first that sorts after it.
 */
static size_t
bound(const struct tree_entry *te, size_t lo, size_t hi, size_t off,
    const char *key, size_t n, int upper)
{
	size_t m;
	int c;

	while (lo < hi) {
		m = lo + (hi - lo) / 2;
		if (n > 0)
			c = strncmp(te[m].path + off, key, n);
		else
			c = strcmp(te[m].path + off, key);
		if (c < 0 || (upper && c == 0))
			lo = m + 1;
		else
			hi = m;
	}
	return lo;
}

/*
 * The mode of the regular file name in directory dfd, whose index mode is
 * imode (0 untracked). A tracked file keeps the executable bit the index
 * records: one stat(2) per tracked file would cost more than the whole
 * rest of the listing, and d_type already tells a file from a link.
 */
static unsigned
file_mode(struct walk *w, int dfd, const char *name, unsigned imode)
{
	struct stat st;

	if (imode == TREE_MODE_FILE || imode == TREE_MODE_EXEC)
		return imode;
	if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) == -1)
		return imode != 0 ? imode : TREE_MODE_FILE;
	if (S_ISLNK(st.st_mode))
		return TREE_MODE_LINK;
	if (!w->filemode)
		return TREE_MODE_FILE;
	return (st.st_mode & S_IXUSR) ? TREE_MODE_EXEC : TREE_MODE_FILE;
}

/*
 * The absolute path p (or p from dir when relative) with "." and ".."
 * components and repeated '/' taken out, by the text alone. Allocated.
 */
static char *
normal_path(const char *dir, const char *p)
{
	struct strbuf sb = STRBUF_INIT;
	const char *c, *s;
	size_t n;
	char *slash;

	if (p[0] != '/')
		strbuf_addstr(&sb, dir);
	strbuf_addch(&sb, '/');
	strbuf_addstr(&sb, p);
	s = xstrdup(sb.buf);
	strbuf_reset(&sb);
	for (c = s; *c != '\0'; c += n) {
		while (*c == '/')
			c++;
		n = strcspn(c, "/");
		if (n == 0 || (n == 1 && c[0] == '.'))
			continue;
		if (n == 2 && c[0] == '.' && c[1] == '.') {
			if ((slash = strrchr(sb.buf, '/')) != NULL)
				strbuf_setlen(&sb, (size_t)(slash - sb.buf));
			continue;
		}
		strbuf_addch(&sb, '/');
		strbuf_add(&sb, c, n);
	}
	free((char *)s);
	if (sb.len == 0)
		strbuf_addch(&sb, '/');
	return strbuf_detach(&sb, NULL);
}

/* Whether the normal path p is dir (any form) or below it. */
static int
path_inside(const char *p, const char *dir)
{
	char *d;
	size_t n;
	int r;

	if (dir == NULL)
		return 0;
	d = normal_path("/", dir);
	n = strlen(d);
	if (n == 1)
		r = 1;		/* "/" */
	else
		r = strncmp(p, d, n) == 0 && (p[n] == '\0' || p[n] == '/');
	free(d);
	return r;
}

/*
 * The path core.excludesFile names (allocated), or by default
 * $XDG_CONFIG_HOME/git/ignore or ~/.config/git/ignore; *local is set when
 * the repository's own configuration sets it. NULL: no file at all.
 */
static char *
excludes_path(git_repository *repo, int *local)
{
	git_buf gb = { NULL, 0, 0 };
	git_config *cfg;
	git_config_entry *ce;
	const char *xdg, *home;
	char *p;

	p = NULL;
	*local = 0;
	if (git_repository_config_snapshot(&cfg, repo) == 0) {
		if (git_config_get_entry(&ce, cfg, "core.excludesfile") == 0) {
			*local = ce->level >= GIT_CONFIG_LEVEL_LOCAL;
			if (ce->value != NULL && *ce->value != '\0' &&
			    git_config_parse_path(&gb, ce->value) == 0) {
				p = xstrdup(gb.ptr);
				git_buf_dispose(&gb);
			}
			git_config_entry_free(ce);
		}
		git_config_free(cfg);
	}
	git_error_clear();
	if (p != NULL)
		return p;
	*local = 0;
	xdg = getenv("XDG_CONFIG_HOME");
	home = getenv("HOME");
	if (xdg != NULL && *xdg != '\0')
		return xasprintf("%s/git/ignore", xdg);
	if (home != NULL && *home != '\0')
		return xasprintf("%s/.config/git/ignore", home);
	return NULL;
}

/*
 * Read into text the excludes file p (norm: its normal path) that the
 * repository's own configuration names: only inside its working tree or
 * git directory, by its name and by where its links lead, and without
 * following links. Returns as ignore_read(); -1: error printed.
 */
static int
excludes_local(git_repository *repo, const char *workdir, const char *norm,
    const char *p, struct strbuf *text)
{
	char *real;
	int r;

	if (!path_inside(norm, workdir) &&
	    !path_inside(norm, git_repository_path(repo)) &&
	    !path_inside(norm, git_repository_commondir(repo)))
		return ec_error("core.excludesFile: %s: outside the "
		    "repository; refusing to read it", p);
	if ((real = realpath(norm, NULL)) == NULL)
		return 0;		/* absent: nothing to read */
	if (real_inside(real, workdir) ||
	    real_inside(real, git_repository_path(repo)) ||
	    real_inside(real, git_repository_commondir(repo)))
		r = ignore_read(AT_FDCWD, real, "", p, 0, text);
	else
		r = ec_error("core.excludesFile: %s: outside the "
		    "repository; refusing to read it", p);
	free(real);
	return r;
}

/*
 * Read core.excludesFile into text: the reviewer's global ones are read
 * as git reads them, one set in the repository (excludes_local()) only
 * from inside it. Returns 0 (text maybe empty) or -1.
 */
static int
excludes_file(git_repository *repo, const char *workdir, struct strbuf *text)
{
	char *p, *norm;
	int local, r;

	strbuf_reset(text);
	if ((p = excludes_path(repo, &local)) == NULL)
		return 0;
	/* Relative: from the top of the working tree, where git runs. */
	norm = normal_path(workdir, p);
	if (local)
		r = excludes_local(repo, workdir, norm, p, text);
	else
		r = ignore_read(AT_FDCWD, norm, "", p, 1, text);
	free(norm);
	free(p);
	return r < 0 ? -1 : 0;
}

/* Whether the resolved path real is dir, resolved, or below it. */
static int
real_inside(const char *real, const char *dir)
{
	char *rd;
	int r;

	if (dir == NULL || (rd = realpath(dir, NULL)) == NULL)
		return 0;
	r = path_inside(real, rd);
	free(rd);
	return r;
}

/*
 * The global lists: core.excludesFile, then info/exclude, which is
 * asked first (git's order).
 */
static int
load_global(struct walk *w, git_repository *repo)
{
	git_buf gb = { NULL, 0, 0 };
	char *p;
	int r;

	if (excludes_file(repo, w->wt->workdir, &w->text) < 0)
		return -1;
	ignore_add_global(w->ig, w->text.buf, w->text.len);
	if (git_repository_item_path(&gb, repo, GIT_REPOSITORY_ITEM_INFO) !=
	    0) {
		git_error_clear();
		return 0;
	}
	p = xasprintf("%s%sexclude", gb.ptr, gb.size > 0 &&
	    gb.ptr[gb.size - 1] == '/' ? "" : "/");
	git_buf_dispose(&gb);
	r = ignore_read(AT_FDCWD, p, "", p, 0, &w->text);
	free(p);
	if (r < 0)
		return -1;
	ignore_add_global(w->ig, w->text.buf, w->text.len);
	return 0;
}

/*
 * Say that the directory w->path (with '/') could not be read, and keep
 * it on the tree: a rule that finds nothing cannot say it is absent.
 */
static void
unreadable(struct walk *w, int err)
{
	struct worktree_tree *t;

	t = w->wt;
	ec_warn("could not read directory '%s': %s", w->path.buf,
	    strerror(err));
	XGROW(t->unreadable, t->nunreadable + 1, t->aunreadable);
	t->unreadable[t->nunreadable++] = xstrndup(w->path.buf,
	    w->path.len > 0 ? w->path.len - 1 : 0);
}

/*
 * Open the directory name (below dfd) at w->path (with '/'), or say why
 * not and return -1. Like git, which opens it by its path from the top,
 * a directory whose path is PATH_MAX bytes or more is not read.
 */
static int
open_dir(struct walk *w, int dfd, const char *name)
{
	int fd;

	if (w->path.len >= PATH_MAX) {
		unreadable(w, ENAMETOOLONG);
		return -1;
	}
	fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC);
	if (fd == -1)
		unreadable(w, errno);
	return fd;
}

/* Read the names of lv's directory (lv->fd stays open). */
static int
read_names(struct walk *w, struct level *lv)
{
	DIR *d;
	struct dirent *de;
	const char *n;
	int fd;

	strbuf_reset(&lv->names);
	lv->n = lv->next = 0;
	if ((fd = dup(lv->fd)) == -1)
		return ec_error("%s%s: %s", w->wt->workdir, w->path.buf,
		    strerror(errno));
	if ((d = fdopendir(fd)) == NULL) {
		unreadable(w, errno);
		close(fd);
		return 0;
	}
	for (;;) {
		errno = 0;
		if ((de = readdir(d)) == NULL) {
			if (errno != 0)
				unreadable(w, errno);
			break;
		}
		n = de->d_name;
		/* ".", ".." and ".git" (never entered, like git) */
		if (n[0] == '.' && (n[1] == '\0' ||
		    (n[1] == '.' && n[2] == '\0') ||
		    strcmp(n + 1, "git") == 0))
			continue;
		if (lv->n == lv->alloc) {
			lv->alloc = lv->alloc < 8 ? 8 : lv->alloc * 2;
			lv->off = xreallocarray(lv->off, lv->alloc,
			    sizeof(*lv->off));
			lv->dtype = xreallocarray(lv->dtype, lv->alloc,
			    sizeof(*lv->dtype));
			lv->hit = xreallocarray(lv->hit, lv->alloc,
			    sizeof(*lv->hit));
		}
		lv->off[lv->n] = lv->names.len;
		lv->dtype[lv->n++] = de->d_type;
		strbuf_add(&lv->names, n, strlen(n) + 1);
	}
	closedir(d);
	return 0;
}

/* Which of lv's names s[0, n) is, or NO_HIT. */
static size_t
name_find(const struct level *lv, const char *s, size_t n)
{
	const char *name;
	size_t i, k;

	if (lv->nslot == 0)
		return NO_HIT;
	i = text_hash(s, n) & (lv->nslot - 1);
	for (; lv->slot[i] != 0; i = (i + 1) & (lv->nslot - 1)) {
		k = lv->slot[i] - 1;
		name = lv->names.buf + lv->off[k];
		if (memcmp(name, s, n) == 0 && name[n] == '\0')
			return k;
	}
	return NO_HIT;
}

/*
 * Set each of lv's names' hit: the first of its tracked entries [lo, hi)
 * whose path, after the directory's, is the name. One pass over the
 * range, each name found in a hash table of lv's names; the entries of
 * a subdirectory are passed with one binary search.
 */
static void
match_tracked(const struct walk *w, struct level *lv)
{
	const struct tree_entry *te = w->wt->base.entries;
	const char *name, *slash;
	size_t i, j, k, len;

	for (k = 0; k < lv->n; k++)
		lv->hit[k] = NO_HIT;
	if (lv->lo == lv->hi || lv->n == 0)
		return;
	for (len = 16; len < 2 * lv->n; len *= 2)
		;
	if (len > lv->nslot) {
		free(lv->slot);
		lv->slot = xreallocarray(NULL, len, sizeof(*lv->slot));
	}
	lv->nslot = len;
	memset(lv->slot, 0, len * sizeof(*lv->slot));
	for (k = 0; k < lv->n; k++) {
		name = lv->names.buf + lv->off[k];
		i = text_hash(name, strlen(name)) & (len - 1);
		while (lv->slot[i] != 0)
			i = (i + 1) & (len - 1);
		lv->slot[i] = k + 1;
	}
	for (j = lv->lo; j < lv->hi;) {
		name = te[j].path + lv->plen;
		if ((slash = strchr(name, '/')) != NULL) {
			/* a subdirectory's entries: past them */
			j = bound(te, j, lv->hi, lv->plen, name,
			    (size_t)(slash - name) + 1, 1);
			continue;
		}
		k = name_find(lv, name, strlen(name));
		if (k != NO_HIT && lv->hit[k] == NO_HIT)
			lv->hit[k] = j;
		j++;
	}
}

/*
 * Enter the directory fd (taken) at w->path (with '/', or "" for the
 * root), whose tracked entries are [lo, hi): push its .gitignore unless
 * it is ignored, read its names, close its parent's fd if deep.
 */
static int
enter(struct walk *w, int fd, size_t lo, size_t hi, int ignored)
{
	struct level *lv;
	struct stat st;
	size_t depth;
	int r;

	depth = w->depth;
	if (w->depth == w->alloc) {
		w->alloc = w->alloc < 16 ? 16 : w->alloc * 2;
		w->lv = xreallocarray(w->lv, w->alloc, sizeof(*w->lv));
		memset(w->lv + depth, 0, (w->alloc - depth) * sizeof(*w->lv));
	}
	lv = &w->lv[depth];
	if (lv->names.buf == NULL)
		strbuf_init(&lv->names);
	if (fstat(fd, &st) == -1) {
		r = ec_error("%s%s: %s", w->wt->workdir, w->path.buf,
		    strerror(errno));
		close(fd);
		return r;
	}
	lv->plen = w->path.len;
	lv->lo = lo;
	lv->hi = hi;
	lv->fd = fd;
	lv->dev = st.st_dev;
	lv->ino = st.st_ino;
	lv->ignored = ignored;
	lv->n = lv->next = 0;
	w->depth++;
	if (!ignored) {
		strbuf_addstr(&w->path, ".gitignore");
		r = ignore_read(fd, ".gitignore", w->wt->workdir,
		    w->path.buf, 0, &w->text);
		strbuf_setlen(&w->path, lv->plen);
		if (r < 0)
			return -1;
		if (r == 0)
			ignore_push(w->ig, depth, w->path.buf, w->text.buf,
			    w->text.len);
	}
	if (read_names(w, lv) < 0)
		return -1;
	match_tracked(w, lv);
	if (depth > WALK_KEEP_FDS && w->lv[depth - 1].fd != -1) {
		close(w->lv[depth - 1].fd);
		w->lv[depth - 1].fd = -1;
	}
	return 0;
}

/* Leave the deepest level, reopening its parent's fd if it was closed. */
static int
leave(struct walk *w)
{
	struct level *lv, *up;
	struct stat st;
	int fd;

	lv = &w->lv[w->depth - 1];
	ignore_pop(w->ig, w->depth - 1);
	if (w->depth > 1 && (up = &w->lv[w->depth - 2])->fd == -1) {
		fd = openat(lv->fd, "..", O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
		    O_CLOEXEC);
		if (fd == -1 || fstat(fd, &st) == -1 || st.st_dev != up->dev ||
		    st.st_ino != up->ino) {
			if (fd != -1)
				close(fd);
			strbuf_setlen(&w->path, up->plen);
			return ec_error("%s%s: the working tree changed while "
			    "it was read", w->wt->workdir, w->path.buf);
		}
		up->fd = fd;
	}
	close(lv->fd);
	lv->fd = -1;
	w->depth--;
	strbuf_setlen(&w->path, w->depth > 0 ? w->lv[w->depth - 1].plen : 0);
	return 0;
}

/*
 * The d_type of name in directory dfd, found with fstatat(2) when dtype
 * does not say (DT_UNKNOWN for a FIFO, a socket, a device); -1 when the
 * name is gone meanwhile.
 */
static int
entry_type(int dfd, const char *name, int dtype)
{
	struct stat st;

	if (dtype == DT_REG || dtype == DT_DIR || dtype == DT_LNK)
		return dtype;
	if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) == -1)
		return -1;
	if (S_ISREG(st.st_mode))
		return DT_REG;
	if (S_ISDIR(st.st_mode))
		return DT_DIR;
	if (S_ISLNK(st.st_mode))
		return DT_LNK;
	return DT_UNKNOWN;
}

/*
 * Name k of the deepest level: tracked, untracked, ignored, or a
 * directory, which is entered.
 */
static int
walk_entry(struct walk *w, size_t k)
{
	struct tree_entry *hit;
	struct level *lv;
	const char *name;
	int dtype;

	lv = &w->lv[w->depth - 1];
	name = lv->names.buf + lv->off[k];
	strbuf_setlen(&w->path, lv->plen);
	strbuf_addstr(&w->path, name);
	if ((dtype = entry_type(lv->fd, name, lv->dtype[k])) == -1)
		return 0;	/* gone meanwhile */

	hit = lv->hit[k] != NO_HIT ? &w->wt->base.entries[lv->hit[k]] : NULL;
	if (hit != NULL && hit->mode == TREE_MODE_SUBMODULE &&
	    dtype == DT_DIR)
		return 0;	/* a submodule: not entered */
	if (hit != NULL && (dtype == DT_REG || dtype == DT_LNK))
		hit->mode = dtype == DT_LNK ? TREE_MODE_LINK :
		    file_mode(w, lv->fd, name, hit->mode);

	if (dtype == DT_DIR)
		return walk_dir(w, name, hit != NULL ? lv->hit[k] : lv->lo);
	if (hit != NULL || (dtype != DT_REG && dtype != DT_LNK))
		return 0;

	/* An untracked file or link. */
	if (lv->ignored || ignore_match(w->ig, w->path.buf, 0))
		return 0;
	tree_add(&w->others->base, xstrndup(w->path.buf, w->path.len),
	    dtype == DT_LNK ? TREE_MODE_LINK : file_mode(w, lv->fd, name, 0),
	    NULL);
	return 0;
}

/*
 * The directory name of the deepest level (at w->path, without '/'),
 * whose tracked entries, if any, start at entry i: entered, or handed to
 * walk_untracked_dir() when it has none.
 */
static int
walk_dir(struct walk *w, const char *name, size_t i)
{
	struct tree_entry *te;
	struct level *lv;
	size_t plen, klen, sublo, subhi;
	int fd, ign;

	lv = &w->lv[w->depth - 1];
	te = w->wt->base.entries;
	plen = lv->plen;
	ign = lv->ignored;
	strbuf_addch(&w->path, '/');
	klen = w->path.len - plen;
	sublo = bound(te, i, lv->hi, plen, w->path.buf + plen, klen, 0);
	subhi = bound(te, sublo, lv->hi, plen, w->path.buf + plen, klen, 1);
	if (sublo == subhi)
		return walk_untracked_dir(w, lv->fd, name);
	if (!ign) {
		strbuf_setlen(&w->path, w->path.len - 1);
		ign = ignore_match(w->ig, w->path.buf, 1);
		strbuf_addch(&w->path, '/');
	}
	if ((fd = open_dir(w, lv->fd, name)) == -1)
		return 0;
	return enter(w, fd, sublo, subhi, ign);
}

/*
 * A directory without tracked paths (w->path, with '/'): skipped if
 * ignored, listed as "dir/" if it is a repository of its own (like git),
 * else entered to look for untracked files.
 */
static int
walk_untracked_dir(struct walk *w, int dfd, const char *name)
{
	int fd, ign;

	if (w->lv[w->depth - 1].ignored)
		return 0;
	strbuf_setlen(&w->path, w->path.len - 1);
	ign = ignore_match(w->ig, w->path.buf, 1);
	strbuf_addch(&w->path, '/');
	if (ign)
		return 0;
	if ((fd = open_dir(w, dfd, name)) == -1)
		return 0;
	if (gitfile_is_toplevel(fd, ".")) {
		close(fd);
		tree_add(&w->others->base, xstrndup(w->path.buf, w->path.len),
		    TREE_MODE_SUBMODULE, NULL);
		return 0;
	}
	return enter(w, fd, 0, 0, 0);
}

/* The whole walk, from the root; every fd it opened is closed. */
static int
walk(struct walk *w)
{
	struct level *lv;
	size_t i;
	int fd, r;

	fd = openat(w->wt->rootfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd == -1)
		return ec_error("%s: %s", w->wt->workdir, strerror(errno));
	r = enter(w, fd, 0, w->wt->base.nentries, 0);
	while (r == 0 && w->depth > 0) {
		lv = &w->lv[w->depth - 1];
		if (lv->next == lv->n) {
			r = leave(w);
			continue;
		}
		i = lv->next++;
		r = walk_entry(w, i);
	}
	for (i = 0; i < w->alloc; i++) {
		if (i < w->depth && w->lv[i].fd != -1)
			close(w->lv[i].fd);
		if (w->lv[i].names.buf != NULL)
			strbuf_release(&w->lv[i].names);
		free(w->lv[i].off);
		free(w->lv[i].dtype);
		free(w->lv[i].hit);
		free(w->lv[i].slot);
	}
	free(w->lv);
	return r;
}

/*
 * Merge the untracked entries o into t, in place from the end; both are
 * sorted and no path is in both. Empties o.
 */
static void
merge_others(struct tree *t, struct tree *o)
{
	size_t i, j, k;

	tree_names_free(t);	/* the entries move */
	tree_sort(o);
	XGROW(t->entries, t->nentries + o->nentries, t->alloc);
	i = t->nentries;
	j = o->nentries;
	k = i + j;
	while (j > 0) {
		if (i > 0 && strcmp(t->entries[i - 1].path,
		    o->entries[j - 1].path) > 0)
			t->entries[--k] = t->entries[--i];
		else
			t->entries[--k] = o->entries[--j];
	}
	t->nentries += o->nentries;
	o->nentries = 0;
}

/* The working tree of repo with its top directory open, or NULL. */
static struct worktree_tree *
worktree_root(git_repository *repo)
{
	struct worktree_tree *t;
	const char *workdir;

	if ((workdir = git_repository_workdir(repo)) == NULL) {
		ec_error("%s: a bare repository has no working tree",
		    git_repository_path(repo));
		return NULL;
	}
	t = worktree_new(repo);
	if (workdir[0] != '\0' && workdir[strlen(workdir) - 1] == '/')
		t->workdir = xstrdup(workdir);
	else
		t->workdir = xasprintf("%s/", workdir);
	t->rootfd = open(t->workdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (t->rootfd == -1) {
		ec_error("%s: %s", t->workdir, strerror(errno));
		tree_free(&t->base);
		return NULL;
	}
	return t;
}

int
tree_open_worktree(struct tree **tp, git_repository *repo)
{
	struct worktree_tree *t;
	struct walk w;
	git_config *cfg;
	int r, v, icase;

	*tp = NULL;
	if ((t = worktree_root(repo)) == NULL)
		return -1;
	memset(&w, 0, sizeof(w));
	w.wt = t;
	strbuf_init(&w.path);
	strbuf_init(&w.text);
	w.filemode = 1;
	icase = 0;
	if (git_repository_config_snapshot(&cfg, repo) == 0) {
		if (git_config_get_bool(&v, cfg, "core.filemode") == 0)
			w.filemode = v;
		if (git_config_get_bool(&v, cfg, "core.ignorecase") == 0)
			icase = v;
		git_config_free(cfg);
	}
	git_error_clear();
	w.ig = ignore_new(icase ? IGNORE_CASEFOLD : 0);

	/* Read (never write, never refresh) the index. */
	r = -1;
	if (load_global(&w, repo) < 0 || tree_load_index(&t->base, 0) < 0)
		goto out;
	tree_sort(&t->base);
	w.others = worktree_new(repo);
	if ((r = walk(&w)) == 0)
		merge_others(&t->base, &w.others->base);
out:
	if (w.others != NULL)
		tree_free(&w.others->base);
	ignore_free(w.ig);
	strbuf_release(&w.path);
	strbuf_release(&w.text);
	if (r < 0) {
		tree_free(&t->base);
		return -1;
	}
	*tp = &t->base;
	return 0;
}

/* Paths git would never write: empty, ".", ".." or ".git" components. */
static int
bad_path(const char *path)
{
	const char *p, *c;
	size_t n;

	for (p = path;; p = c + 1) {
		c = strchr(p, '/');
		n = c != NULL ? (size_t)(c - p) : strlen(p);
		if (n == 0 && c != NULL)
			return 1;
		if ((n == 1 && p[0] == '.') ||
		    (n == 2 && p[0] == '.' && p[1] == '.') ||
		    (n == 4 && strncmp(p, ".git", 4) == 0))
			return 1;
		if (c == NULL)
			return 0;
	}
}

/*
 * Open the directory that holds path, one component at a time from the
 * root and never through a link; *base is set to the last component.
 * Returns a descriptor (maybe t->rootfd), TREE_EMISSING, or -1.
 */
static int
open_parent(const struct worktree_tree *t, char *path, const char **base)
{
	char *p, *slash;
	int fd, nfd, err;

	fd = t->rootfd;
	for (p = path; (slash = strchr(p, '/')) != NULL; p = slash + 1) {
		*slash = '\0';
		nfd = openat(fd, p, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
		    O_CLOEXEC);
		err = errno;
		*slash = '/';
		if (fd != t->rootfd)
			close(fd);
		if (nfd == -1) {
			/* A link or a file where a directory was: gone. */
			if (err == ENOENT || err == ENOTDIR || err == ELOOP)
				return TREE_EMISSING;
			return ec_error("%s: %s", path, strerror(err));
		}
		fd = nfd;
	}
	*base = p;
	return fd;
}

static int
worktree_read_disk(const struct tree *t, const struct tree_entry *e,
    size_t cap, struct strbuf *out, int *truncated)
{
	struct gitfile gf;
	const char *base;
	char *path;
	int dfd, r;

	if (bad_path(e->path))
		return TREE_EMISSING;
	path = xstrdup(e->path);
	if ((dfd = open_parent(worktree_of(t), path, &base)) < 0) {
		free(path);
		return dfd;
	}
	if (*base == '\0')
		r = TREE_ENOTFILE;	/* "dir/": a nested repository */
	else {
		r = read_small_fileat(dfd, base, GITFILE_NOFOLLOW |
		    GITFILE_CUT, cap, out, &gf);
		if (r == GITFILE_OK)
			*truncated = gf.truncated;
		else if (r == GITFILE_MISSING)
			r = TREE_EMISSING;
		else if (r == GITFILE_LINK)
			r = TREE_ELINK;
		else if (r == GITFILE_NOTFILE)
			r = TREE_ENOTFILE;
		else
			r = ec_error("%s: %s", e->path, strerror(gf.err));
	}
	if (dfd != worktree_of(t)->rootfd)
		close(dfd);
	free(path);
	return r;
}

/*
 * A tracked file absent from the disk is missing, unless the index marks
 * it skip-worktree (a sparse checkout): git lists it and takes it to be
 * as staged, so its blob (has_oid only then) is read.
 */
static int
worktree_read(const struct tree *t, const struct tree_entry *e,
    size_t cap, struct strbuf *out, int *truncated)
{
	int r;

	r = worktree_read_disk(t, e, cap, out, truncated);
	if (r == TREE_EMISSING && e->has_oid) {
		strbuf_setlen(out, 0);
		*truncated = 0;
		r = tree_blob_read(t, e, cap, out, truncated);
	}
	return r;
}

static int
worktree_size(const struct tree *t, const struct tree_entry *e,
    uint64_t *size)
{
	int r;

	r = worktree_size_disk(t, e, size);
	if (r == TREE_EMISSING && e->has_oid)
		r = tree_blob_size(t, e, size);		/* skip-worktree */
	return r;
}

static int
worktree_size_disk(const struct tree *t, const struct tree_entry *e,
    uint64_t *size)
{
	struct stat st;
	const char *base;
	char *path;
	int dfd, r;

	if (bad_path(e->path))
		return TREE_EMISSING;
	path = xstrdup(e->path);
	if ((dfd = open_parent(worktree_of(t), path, &base)) < 0) {
		free(path);
		return dfd;
	}
	if (*base == '\0')
		r = TREE_ENOTFILE;	/* "dir/": a nested repository */
	else if (fstatat(dfd, base, &st, AT_SYMLINK_NOFOLLOW) == -1)
		r = errno == ENOENT || errno == ENOTDIR ? TREE_EMISSING :
		    ec_error("%s: %s", e->path, strerror(errno));
	else if (S_ISLNK(st.st_mode))
		r = TREE_ELINK;
	else if (!S_ISREG(st.st_mode))
		r = TREE_ENOTFILE;
	else {
		*size = st.st_size > 0 ? (uint64_t)st.st_size : 0;
		r = 0;
	}
	if (dfd != worktree_of(t)->rootfd)
		close(dfd);
	free(path);
	return r;
}

static int
worktree_readlink(const struct tree *t, const struct tree_entry *e,
    struct strbuf *out)
{
	int r;

	r = worktree_readlink_disk(t, e, out);
	if (r == TREE_EMISSING && e->has_oid) {
		strbuf_setlen(out, 0);
		r = tree_blob_readlink(t, e, out);	/* skip-worktree */
	}
	return r;
}

static int
worktree_readlink_disk(const struct tree *t, const struct tree_entry *e,
    struct strbuf *out)
{
	const char *base;
	char *path;
	ssize_t n;
	int dfd, r;

	if (bad_path(e->path))
		return TREE_EMISSING;
	path = xstrdup(e->path);
	if ((dfd = open_parent(worktree_of(t), path, &base)) < 0) {
		free(path);
		return dfd;
	}
	r = 0;
	strbuf_grow(out, 256);
	for (;;) {
		n = readlinkat(dfd, base, out->buf, out->alloc - 1);
		if (n == -1) {
			if (errno == EINVAL)
				r = TREE_ENOTFILE;
			else if (errno == ENOENT || errno == ENOTDIR)
				r = TREE_EMISSING;
			else
				r = ec_error("%s: %s", e->path,
				    strerror(errno));
			break;
		}
		if ((size_t)n < out->alloc - 1) {
			strbuf_setlen(out, (size_t)n);
			break;
		}
		strbuf_grow(out, out->alloc);
	}
	if (dfd != worktree_of(t)->rootfd)
		close(dfd);
	free(path);
	return r;
}

static char *
worktree_describe(const struct tree *t, const char *root, const char *path)
{
	(void)t;
	return xasprintf("%s/%s", root, path);
}

/* The directories the walk could not read. */
static const char *
worktree_unreadable(const struct tree *t, size_t i)
{
	const struct worktree_tree *wt;

	wt = worktree_of(t);
	return i < wt->nunreadable ? wt->unreadable[i] : NULL;
}

static void
worktree_free(struct tree *tree)
{
	struct worktree_tree *t = (struct worktree_tree *)tree;
	size_t i;

	for (i = 0; i < t->nunreadable; i++)
		free(t->unreadable[i]);
	free(t->unreadable);
	free(t->workdir);
	if (t->rootfd != -1)
		close(t->rootfd);
}
