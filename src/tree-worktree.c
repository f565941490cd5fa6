/* tree-worktree.c: the working tree, as git ls-files -co --exclude-standard */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1		/* openat, fdopendir, d_type */
#endif
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <git2.h>

#include "error.h"
#include "strbuf.h"
#include "tree-impl.h"
#include "xalloc.h"

/*
 * The walk merges each directory's listing with the sorted index: the
 * tracked paths below a directory are one range of it, found by binary
 * search, so that nothing is looked up in a hash and no ignore rule is
 * checked for a tracked path. Only untracked paths ask libgit2 whether
 * they are ignored, and an ignored untracked directory is not entered.
 */
struct walk {
	struct tree	*tree;		/* the tracked entries, sorted */
	struct tree	*others;	/* the untracked entries found */
	struct strbuf	 path;		/* the path being looked at */
	int		 filemode;	/* core.fileMode: trust the exec bit */
};

/* A directory of the walk. */
struct level {
	struct level	*parent;
	size_t		 plen;		/* its path (with '/') in walk.path */
	int		 ignored;	/* 1, 0, or -1 not known yet */
};

static size_t	 bound(const struct tree_entry *, size_t, size_t, size_t,
		    const char *, size_t, int);
static int	 level_ignored(struct walk *, struct level *);
static int	 path_ignored(struct walk *, const char *, int *);
static int	 is_gitdir(int, const char *);
static int	 nested_repo(int);
static int	 ignore_file_ok(int, const char *, const char *);
static int	 exclude_files_ok(git_repository *);
static int	 walk_dir(struct walk *, int, size_t, size_t, struct level *);
static int	 walk_entry(struct walk *, int, const char *, int, size_t,
		    size_t, struct level *);
static int	 walk_untracked_dir(struct walk *, int, const char *,
		    struct level *);
static unsigned	 file_mode(struct walk *, int, const char *, unsigned);
static void	 merge_others(struct tree *, struct tree *);
static int	 open_parent(const struct tree *, char *, const char **);
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
static void	 worktree_free(struct tree *);

/* Files read from the disk: a tracked file can be gone. */
const struct tree_ops tree_worktree_ops = {
	.name = "worktree",
	.may_miss = 1,
	.read = worktree_read,
	.size = worktree_size,
	.readlink = worktree_readlink,
	.describe = worktree_describe,
	.free = worktree_free,
};

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

/* Ask libgit2 (.gitignore files, info/exclude, core.excludesFile). */
static int
path_ignored(struct walk *w, const char *path, int *ignored)
{
	if (git_ignore_path_is_ignored(ignored, w->tree->repo, path) < 0)
		return ec_error("%s: %s", path, ec_git_error());
	return 0;
}

/*
 * Whether the directory of lv is ignored: like git, a directory is
 * ignored when any directory above it is, whatever its own rules say.
 */
static int
level_ignored(struct walk *w, struct level *lv)
{
	char save;
	int r, ign;

	if (lv->ignored >= 0)
		return lv->ignored;
	if (lv->parent != NULL && (r = level_ignored(w, lv->parent)) != 0)
		return lv->ignored = r;
	save = w->path.buf[lv->plen];
	w->path.buf[lv->plen] = '\0';
	r = path_ignored(w, w->path.buf, &ign);
	w->path.buf[lv->plen] = save;
	if (r < 0)
		return -1;
	return lv->ignored = ign != 0;
}

/*
 * Whether dir (below fd) is a git directory as git decides it: HEAD, and
 * objects/ and refs/, or the commondir file of a linked worktree's.
 */
static int
is_gitdir(int fd, const char *dir)
{
	struct stat st;
	char *p;
	int r;

	p = xasprintf("%s/HEAD", dir);
	r = fstatat(fd, p, &st, 0) == 0 && !S_ISDIR(st.st_mode);
	free(p);
	if (!r)
		return 0;
	p = xasprintf("%s/commondir", dir);
	r = fstatat(fd, p, &st, 0) == 0 && S_ISREG(st.st_mode);
	free(p);
	if (r)
		return 1;
	p = xasprintf("%s/objects", dir);
	r = fstatat(fd, p, &st, 0) == 0 && S_ISDIR(st.st_mode);
	free(p);
	if (!r)
		return 0;
	p = xasprintf("%s/refs", dir);
	r = fstatat(fd, p, &st, 0) == 0 && S_ISDIR(st.st_mode);
	free(p);
	return r;
}

/*
 * Whether the directory fd is the top of a repository of its own: a .git
 * git directory, or a .git file naming one ("gitdir: PATH", taken at its
 * word: never followed out of the repository).
 */
static int
nested_repo(int fd)
{
	struct stat st;
	char buf[4096], *p, *end;
	ssize_t n;
	int gfd;

	if (fstatat(fd, ".git", &st, AT_SYMLINK_NOFOLLOW) == -1)
		return 0;
	if (S_ISDIR(st.st_mode))
		return is_gitdir(fd, ".git");
	if (!S_ISREG(st.st_mode))
		return 0;
	/* A gitfile: "gitdir: PATH". */
	gfd = openat(fd, ".git", O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC);
	if (gfd == -1)
		return 0;
	n = read(gfd, buf, sizeof(buf) - 1);
	close(gfd);
	if (n <= 8 || strncmp(buf, "gitdir: ", 8) != 0)
		return 0;
	buf[n] = '\0';
	p = buf + 8;
	end = p + strcspn(p, "\r\n");
	*end = '\0';
	/*
	 * Decided from the file alone: following PATH, which may name any
	 * place on the reviewer's disk, would probe it.
	 */
	return *p != '\0';
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
 * Whether libgit2 can read the ignore file name (below directory fd, or
 * absolute) without waiting forever: absent, a regular file or a
 * directory (which it skips). A FIFO, a socket or a device is refused
 * (-1), said with prefix before name unless prefix is NULL: libgit2
 * cannot be told to skip it.
 */
static int
ignore_file_ok(int fd, const char *prefix, const char *name)
{
	struct stat st;

	if (fstatat(fd, name, &st, 0) == -1 || S_ISREG(st.st_mode) ||
	    S_ISDIR(st.st_mode))
		return 0;
	if (prefix == NULL)
		return -1;
	return ec_error("%s%s: not a regular file; refusing to read it",
	    prefix, name);
}

/*
 * The same for the ignore files outside the tree: info/exclude and
 * core.excludesFile (by default $XDG_CONFIG_HOME/git/ignore), which
 * libgit2 opens on the first question about an untracked path.
 */
static int
exclude_files_ok(git_repository *repo)
{
	git_buf gb = { NULL, 0, 0 };
	git_config *cfg;
	const char *xdg, *home;
	char *p;
	int r;

	r = 0;
	if (git_repository_item_path(&gb, repo, GIT_REPOSITORY_ITEM_INFO) ==
	    0) {
		p = xasprintf("%s%sexclude", gb.ptr, gb.size > 0 &&
		    gb.ptr[gb.size - 1] == '/' ? "" : "/");
		r = ignore_file_ok(AT_FDCWD, "", p);
		free(p);
		git_buf_dispose(&gb);
	}
	git_error_clear();
	if (r < 0)
		return r;
	p = NULL;
	if (git_repository_config_snapshot(&cfg, repo) == 0) {
		if (git_config_get_path(&gb, cfg, "core.excludesfile") == 0) {
			p = xstrdup(gb.ptr);
			git_buf_dispose(&gb);
		}
		git_config_free(cfg);
	}
	git_error_clear();
	if (p == NULL) {
		xdg = getenv("XDG_CONFIG_HOME");
		home = getenv("HOME");
		if (xdg != NULL && *xdg != '\0')
			p = xasprintf("%s/git/ignore", xdg);
		else if (home != NULL && *home != '\0')
			p = xasprintf("%s/.config/git/ignore", home);
	}
	if (p != NULL)
		r = ignore_file_ok(AT_FDCWD, "", p);
	free(p);
	return r;
}

/* Walk directory fd (taken), whose tracked entries are [lo, hi). */
static int
walk_dir(struct walk *w, int fd, size_t lo, size_t hi, struct level *lv)
{
	DIR *d;
	struct dirent *de;
	const char *n;
	int r, dtype;

	if (ignore_file_ok(fd, NULL, ".gitignore") < 0) {
		ec_error("%s%.*s.gitignore: not a regular file; refusing to "
		    "read it", w->tree->workdir, (int)lv->plen, w->path.buf);
		close(fd);
		return -1;
	}
	if ((d = fdopendir(fd)) == NULL) {
		ec_warn("could not open directory '%.*s': %s",
		    (int)lv->plen, w->path.buf, strerror(errno));
		close(fd);
		return 0;
	}
	r = 0;
	for (;;) {
		errno = 0;
		if ((de = readdir(d)) == NULL) {
			if (errno != 0)
				ec_warn("could not read directory '%.*s': %s",
				    (int)lv->plen, w->path.buf,
				    strerror(errno));
			break;
		}
		n = de->d_name;
		/* ".", ".." and ".git" (never entered, like git) */
		if (n[0] == '.' && (n[1] == '\0' ||
		    (n[1] == '.' && n[2] == '\0') ||
		    strcmp(n + 1, "git") == 0))
			continue;
		dtype = de->d_type;	/* DT_UNKNOWN: walk_entry stats */
		if ((r = walk_entry(w, fd, n, dtype, lo, hi, lv)) < 0)
			break;
	}
	closedir(d);
	strbuf_setlen(&w->path, lv->plen);
	return r;
}

/* One name of a directory: tracked, untracked, ignored, or a directory. */
static int
walk_entry(struct walk *w, int dfd, const char *name, int dtype, size_t lo,
    size_t hi, struct level *lv)
{
	struct tree_entry *te, *hit;
	struct level sub;
	struct stat st;
	size_t i, sublo, subhi, klen;
	int fd, ign;

	te = w->tree->entries;
	strbuf_setlen(&w->path, lv->plen);
	strbuf_addstr(&w->path, name);
	if (dtype != DT_REG && dtype != DT_DIR && dtype != DT_LNK) {
		if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) == -1)
			return 0;	/* gone meanwhile */
		if (S_ISREG(st.st_mode))
			dtype = DT_REG;
		else if (S_ISDIR(st.st_mode))
			dtype = DT_DIR;
		else if (S_ISLNK(st.st_mode))
			dtype = DT_LNK;
		else
			dtype = DT_UNKNOWN;	/* fifo, socket, device */
	}

	hit = NULL;
	i = bound(te, lo, hi, lv->plen, w->path.buf + lv->plen, 0, 0);
	if (i < hi && strcmp(te[i].path + lv->plen,
	    w->path.buf + lv->plen) == 0)
		hit = &te[i];
	if (hit != NULL && hit->mode == TREE_MODE_SUBMODULE &&
	    dtype == DT_DIR)
		return 0;	/* a submodule: not entered */
	if (hit != NULL && (dtype == DT_REG || dtype == DT_LNK))
		hit->mode = dtype == DT_LNK ? TREE_MODE_LINK :
		    file_mode(w, dfd, name, hit->mode);

	if (dtype == DT_DIR) {
		strbuf_addch(&w->path, '/');
		klen = w->path.len - lv->plen;
		sublo = bound(te, i, hi, lv->plen, w->path.buf + lv->plen,
		    klen, 0);
		subhi = bound(te, sublo, hi, lv->plen,
		    w->path.buf + lv->plen, klen, 1);
		if (sublo == subhi)
			return walk_untracked_dir(w, dfd, name, lv);
		fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
		    O_CLOEXEC);
		if (fd == -1) {
			ec_warn("could not open directory '%s': %s",
			    w->path.buf, strerror(errno));
			return 0;
		}
		sub.parent = lv;
		sub.plen = w->path.len;
		sub.ignored = lv->ignored == 1 ? 1 : -1;
		return walk_dir(w, fd, sublo, subhi, &sub);
	}
	if (hit != NULL || (dtype != DT_REG && dtype != DT_LNK))
		return 0;

	/* An untracked file or link. */
	if ((ign = level_ignored(w, lv)) != 0)
		return ign < 0 ? -1 : 0;
	if (path_ignored(w, w->path.buf, &ign) < 0)
		return -1;
	if (ign)
		return 0;
	tree_add(w->others, xstrndup(w->path.buf, w->path.len),
	    dtype == DT_LNK ? TREE_MODE_LINK : file_mode(w, dfd, name, 0),
	    NULL);
	return 0;
}

/*
 * A directory without tracked paths (w->path, with '/'): skipped if
 * ignored, listed as "dir/" if it is a repository of its own (like git),
 * else walked for untracked files.
 */
static int
walk_untracked_dir(struct walk *w, int dfd, const char *name,
    struct level *lv)
{
	struct level sub;
	int fd, ign;

	if ((ign = level_ignored(w, lv)) != 0)
		return ign < 0 ? -1 : 0;
	if (path_ignored(w, w->path.buf, &ign) < 0)
		return -1;
	if (ign)
		return 0;
	fd = openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
	    O_CLOEXEC);
	if (fd == -1) {
		ec_warn("could not open directory '%s': %s", w->path.buf,
		    strerror(errno));
		return 0;
	}
	if (nested_repo(fd)) {
		close(fd);
		tree_add(w->others, xstrndup(w->path.buf, w->path.len),
		    TREE_MODE_SUBMODULE, NULL);
		return 0;
	}
	sub.parent = lv;
	sub.plen = w->path.len;
	sub.ignored = 0;
	return walk_dir(w, fd, 0, 0, &sub);
}

/*
 * Merge the untracked entries o into t, in place from the end; both are
 * sorted and no path is in both. Empties o.
 */
static void
merge_others(struct tree *t, struct tree *o)
{
	size_t i, j, k;

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

int
tree_open_worktree(struct tree **tp, git_repository *repo)
{
	struct tree *t;
	struct walk w;
	struct level root;
	git_config *cfg;
	const char *workdir;
	int fd, r, v;

	*tp = NULL;
	if ((workdir = git_repository_workdir(repo)) == NULL)
		return ec_error("%s: a bare repository has no working tree",
		    git_repository_path(repo));
	t = tree_new(&tree_worktree_ops, repo);
	if (workdir[0] != '\0' && workdir[strlen(workdir) - 1] == '/')
		t->workdir = xstrdup(workdir);
	else
		t->workdir = xasprintf("%s/", workdir);
	t->rootfd = open(t->workdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (t->rootfd == -1) {
		r = ec_error("%s: %s", t->workdir, strerror(errno));
		tree_free(t);
		return r;
	}

	/* Read (never write, never refresh) the index. */
	if (exclude_files_ok(repo) < 0 || tree_load_index(t, 0) < 0) {
		tree_free(t);
		return -1;
	}
	tree_sort(t);

	memset(&w, 0, sizeof(w));
	w.tree = t;
	w.others = tree_new(&tree_worktree_ops, repo);
	strbuf_init(&w.path);
	w.filemode = 1;
	if (git_repository_config_snapshot(&cfg, repo) == 0) {
		if (git_config_get_bool(&v, cfg, "core.filemode") == 0)
			w.filemode = v;
		git_config_free(cfg);
	}
	git_error_clear();

	root.parent = NULL;
	root.plen = 0;
	root.ignored = 0;
	fd = openat(t->rootfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd == -1)
		r = ec_error("%s: %s", t->workdir, strerror(errno));
	else
		r = walk_dir(&w, fd, 0, t->nentries, &root);
	if (r == 0)
		merge_others(t, w.others);
	tree_free(w.others);
	strbuf_release(&w.path);
	if (r < 0) {
		tree_free(t);
		return -1;
	}
	*tp = t;
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
open_parent(const struct tree *t, char *path, const char **base)
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
	struct stat st;
	const char *base;
	char *path, c;
	size_t want, room;
	ssize_t n;
	int dfd, fd, r;

	if (bad_path(e->path))
		return TREE_EMISSING;
	path = xstrdup(e->path);
	if ((dfd = open_parent(t, path, &base)) < 0) {
		free(path);
		return dfd;
	}
	fd = -1;
	if (*base == '\0') {
		r = TREE_ENOTFILE;	/* "dir/": a nested repository */
		goto out;
	}
	if (fstatat(dfd, base, &st, AT_SYMLINK_NOFOLLOW) == -1) {
		r = errno == ENOENT || errno == ENOTDIR ? TREE_EMISSING :
		    ec_error("%s: %s", e->path, strerror(errno));
		goto out;
	}
	if (S_ISLNK(st.st_mode) || !S_ISREG(st.st_mode)) {
		r = S_ISLNK(st.st_mode) ? TREE_ELINK : TREE_ENOTFILE;
		goto out;
	}
	fd = openat(dfd, base, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_NOCTTY | O_CLOEXEC);
	if (fd == -1) {
		if (errno == ELOOP)
			r = TREE_ELINK;
		else if (errno == ENOENT)
			r = TREE_EMISSING;
		else
			r = ec_error("%s: %s", e->path, strerror(errno));
		goto out;
	}
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) {
		r = TREE_ENOTFILE;	/* replaced meanwhile */
		goto out;
	}

	/* Room for what the file holds now; never more than cap. */
	want = cap;
	if (st.st_size >= 0 && (uintmax_t)st.st_size < want)
		want = (size_t)st.st_size;
	strbuf_grow(out, want);
	r = 0;
	while (out->len < cap) {
		if (out->alloc - out->len <= 1)
			strbuf_grow(out, cap - out->len < 65536 ?
			    cap - out->len : 65536);
		room = out->alloc - out->len - 1;
		want = cap - out->len < room ? cap - out->len : room;
		if ((n = read(fd, out->buf + out->len, want)) == -1) {
			if (errno == EINTR)
				continue;
			r = ec_error("%s: %s", e->path, strerror(errno));
			break;
		}
		if (n == 0)
			break;
		strbuf_setlen(out, out->len + (size_t)n);
	}
	if (r == 0 && out->len == cap) {
		while ((n = read(fd, &c, 1)) == -1 && errno == EINTR)
			;
		*truncated = n > 0;
	}
out:
	if (fd != -1)
		close(fd);
	if (dfd != t->rootfd)
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
	if ((dfd = open_parent(t, path, &base)) < 0) {
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
	if (dfd != t->rootfd)
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
	if ((dfd = open_parent(t, path, &base)) < 0) {
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
	if (dfd != t->rootfd)
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

static void
worktree_free(struct tree *t)
{
	free(t->workdir);
	if (t->rootfd != -1)
		close(t->rootfd);
}
