/* unit-tree.c: the tree sources against git, on repositories made on the fly */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1		/* mkdtemp, setenv, popen (unit-lib.h) */
#endif
#include "config.h"

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <git2.h>

#include "glob.h"
#include "history.h"
#include "strbuf.h"
#include "tree-impl.h"
#include "xalloc.h"

#include "tap.h"
#include "unit-lib.h"

#define MIB		(1024 * 1024)
#define LARGE_SIZE	(17 * MIB)	/* more than tree.c loads whole */

static int	 strp_cmp(const void *, const void *);
static char	*records(const char *, int);
static char	*git_list(const char *, const char *, int);
static char	*tree_list(const struct tree *, int);
static git_repository *repo_open(const char *);
static char	*fingerprint(const char *);
static int	 collect(const struct tree_entry *, void *);
static int	 stop_first(const struct tree_entry *, void *);
static char	*glob_list(const struct tree *, const char *, int);
static int	 mode_of(const struct tree *, const char *);
static int	 open_rev(struct tree **, git_repository *, const char *);
static int	 read_path(const struct tree *, const char *, size_t,
		    struct strbuf *, int *);
static int	 readlink_path(const struct tree *, const char *,
		    struct strbuf *);
static void	 build_main(void);
static void	 test_worktree(git_repository *);
static void	 test_reads(git_repository *);
static void	 test_index(git_repository *);
static void	 test_commit(git_repository *);
static void	 test_queries(git_repository *);
static void	 test_glob_semantics(void);
static void	 test_index_formats(void);
static void	 test_conflict(void);
static void	 test_bare(void);

static int
strp_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * NUL-separated records as lines, sorted by bytes and without repeats;
 * with fields, "MODE [TYPE] OID [STAGE]\tPATH" records of ls-files -s or
 * ls-tree become "PATH\tMODE OID" (in path order: a tab sorts before any
 * byte of a path), stages other than 0 and 2 dropped.
 */
static char *
records(const char *z, int fields)
{
	struct strvec v = STRVEC_INIT;
	struct strbuf out = STRBUF_INIT;
	const char *p, *tab;
	char head[256], mode[16], a[128], b[128];
	size_t i;

	for (p = z; *p != '\0'; p += strlen(p) + 1) {
		if (!fields) {
			strvec_push(&v, p);
			continue;
		}
		if ((tab = strchr(p, '\t')) == NULL ||
		    (size_t)(tab - p) >= sizeof(head))
			continue;
		memcpy(head, p, tab - p);
		head[tab - p] = '\0';
		if (sscanf(head, "%15s %127s %127s", mode, a, b) != 3)
			continue;
		if (strlen(a) == GIT_OID_HEXSZ) {	/* ls-files: stage */
			if (strcmp(b, "0") == 0 || strcmp(b, "2") == 0)
				strvec_push_nodup(&v, xasprintf("%s\t%s %s",
				    tab + 1, mode, a));
		} else					/* ls-tree: type */
			strvec_push_nodup(&v, xasprintf("%s\t%s %s",
			    tab + 1, mode, b));
	}
	qsort(v.v, v.n, sizeof(*v.v), strp_cmp);
	for (i = 0; i < v.n; i++) {
		if (i > 0 && strcmp(v.v[i - 1], v.v[i]) == 0)
			continue;
		strbuf_addstr(&out, v.v[i]);
		strbuf_addch(&out, '\n');
	}
	strvec_clear(&v);
	return strbuf_detach(&out, NULL);
}

/*
 * What "git -C repo ARGS" lists (ARGS with -z), one a line, sorted; with
 * fields, the records of ls-files -s or ls-tree as records() makes them.
 */
static char *
git_list(const char *repo, const char *args, int fields)
{
	char *z, *r;
	size_t len;
	FILE *fp;
	struct strbuf cmd = STRBUF_INIT, out = STRBUF_INIT;
	char buf[8192];

	/* -z output holds NULs: read it here rather than in ut_capture_str(). */
	strbuf_addf(&cmd, "cd '%s' && git -C '%s' %s", ut_dir, repo, args);
	if ((fp = popen(cmd.buf, "r")) != NULL) {
		while ((len = fread(buf, 1, sizeof(buf), fp)) > 0)
			strbuf_add(&out, buf, len);
		if (pclose(fp) != 0)
			printf("# command failed: %s\n", cmd.buf);
	}
	strbuf_addch(&out, '\0');
	strbuf_release(&cmd);
	z = strbuf_detach(&out, NULL);
	r = records(z, fields);
	free(z);
	return r;
}

/* A tree's entries, one a line; with oids, as "PATH\tMODE OID". */
static char *
tree_list(const struct tree *t, int oids)
{
	struct strbuf out = STRBUF_INIT;
	char hex[GIT_OID_HEXSZ + 1];
	size_t i;

	for (i = 0; i < t->nentries; i++) {
		strbuf_addstr(&out, t->entries[i].path);
		if (oids) {
			git_oid_tostr(hex, sizeof(hex), &t->entries[i].oid);
			strbuf_addf(&out, "\t%06o %s", t->entries[i].mode, hex);
		}
		strbuf_addch(&out, '\n');
	}
	return strbuf_detach(&out, NULL);
}

static git_repository *
repo_open(const char *name)
{
	git_repository *repo;
	char *path;

	path = ut_path(name);
	if (git_repository_open(&repo, path) < 0) {
		printf("# cannot open %s: %s\n", path, git_error_last() ?
		    git_error_last()->message : "?");
		repo = NULL;
	}
	free(path);
	return repo;
}

/* Every byte of a repository's .git, and the index's size and time. */
static char *
fingerprint(const char *repo)
{
	return ut_capture_str("cd %s && find .git -type f -print0 | LC_ALL=C sort -z "
	    "| xargs -0 sha256sum | sha256sum && "
	    "stat -c '%%n %%s %%i %%y' .git/index .git/HEAD && "
	    "find .git -name '*.lock' | wc -l", repo);
}

static int
collect(const struct tree_entry *e, void *arg)
{
	struct strbuf *sb = arg;

	strbuf_addstr(sb, e->path);
	strbuf_addch(sb, '\n');
	return 0;
}

static char *
glob_list(const struct tree *t, const char *pattern, int icase)
{
	struct strbuf sb = STRBUF_INIT;

	tree_glob(t, pattern, icase, collect, &sb);
	return strbuf_detach(&sb, NULL);
}

static int
mode_of(const struct tree *t, const char *path)
{
	const struct tree_entry *e;

	e = tree_lookup(t, path, 0);
	return e == NULL ? -1 : (int)e->mode;
}

static int
read_path(const struct tree *t, const char *path, size_t cap,
    struct strbuf *out, int *truncated)
{
	const struct tree_entry *e;

	*truncated = -1;
	if ((e = tree_lookup(t, path, 0)) == NULL) {
		printf("# %s: not listed\n", path);
		return 99;
	}
	return tree_read(t, e, cap, out, truncated);
}

static int
readlink_path(const struct tree *t, const char *path, struct strbuf *out)
{
	const struct tree_entry *e;

	if ((e = tree_lookup(t, path, 0)) == NULL) {
		printf("# %s: not listed\n", path);
		return 99;
	}
	return tree_readlink(t, e, out);
}

/*
 * The main repository "r": tracked, untracked and ignored files of every
 * kind the listing must get right, two commits, a packed and a loose
 * large blob, and a working tree that differs from the index.
 */
static void
build_main(void)
{
	int r;

	r = ut_run("set -e; git init -q -b main r; cd r\n"
	    "printf '# Title\\nhello\\n' > README.md\n"
	    "echo contrib > CONTRIBUTING.md; echo 'int x;' > code.c\n"
	    "echo x > Code2.txt; echo c > codex.md\n"
	    "mkdir -p docs/api/deep third_party/foo sub build shadow subm\n"
	    "echo a > docs/index.rst; echo b > docs/api/ref.rst\n"
	    "echo c > docs/api/deep/x.rst; echo d > docs/readme.md\n"
	    "echo e > docs/notes.txt; echo MIT > third_party/foo/LICENSE.txt\n"
	    "ln -s /etc/passwd LICENSE\n"
	    "printf 'build/\\n*.log\\n!keep.me\\nlogs/*\\n!logs/keep.txt\\n' "
	    "> .gitignore\n"
	    "printf '*.tmp\\n!keep.tmp\\n' > sub/.gitignore\n"
	    "echo s > sub/file.c; echo f > forced.log\n"
	    "printf '#!/bin/sh\\n' > run.sh; chmod +x run.sh\n"
	    "echo w > was-file; echo g > gone.txt; echo p > shadow/passwd\n"
	    "echo o > build/tracked.o; echo f2d > file-to-dir\n"
	    "mkdir -p dir-to-file 'dir with space'; echo d2f > dir-to-file/x\n"
	    "echo sp > 'dir with space/a file'\n"
	    "echo u > \"$(printf 'caf\\303\\251.md')\"\n"
	    "head -c %d /dev/zero > large1.bin\n"
	    "git add -A; git add -f forced.log build/tracked.o\n"
	    "git update-index --add --cacheinfo "
	    "160000,1234567890123456789012345678901234567890,subm\n"
	    "git commit -q -m one\n"
	    "echo more >> README.md; git commit -q -a -m two\n"
	    "git repack -a -d -q\n"
	    "{ printf x; head -c %d /dev/zero; } > large2.bin\n"
	    "git add large2.bin\n"
	    /* The working tree from here on. */
	    "echo excluded.txt >> .git/info/exclude\n"
	    "echo '*.global' > \"$HOME/global-ignore\"\n"
	    "git config --global core.excludesFile \"$HOME/global-ignore\"\n"
	    "echo x > excluded.txt; mkdir dir2; echo y > dir2/excluded.txt\n"
	    "echo z > a.global; echo t > sub/a.tmp; echo k > sub/keep.tmp\n"
	    "echo l > debug.log; echo n > build/new.o\n"
	    "mkdir -p build/deeper newdir/deep emptydir\n"
	    "echo q > build/deeper/q.o\n"
	    "echo u > newdir/a.txt; echo v > newdir/deep/b.txt\n"
	    "mkdir nested; (cd nested && git init -q && echo q > q)\n"
	    "mkfifo fifo; rm gone.txt\n"
	    "rm was-file; ln -s README.md was-file\n"
	    "rm -r shadow; ln -s /etc shadow\n"
	    "ln -s / rootlink\n"
	    "echo inner > subm/inner.txt\n"
	    "echo km > build/keep.me; mkdir logs\n"
	    "echo a > logs/a.txt; echo k > logs/keep.txt\n"
	    "rm file-to-dir; mkdir file-to-dir; echo i > file-to-dir/inner\n"
	    "rm -r dir-to-file; echo f > dir-to-file\n"
	    "echo 'u sp' > 'untracked space.txt'\n"
	    "git worktree add -q linked\n"
	    "echo 'local edit' >> README.md\n"
	    "truncate -s 3G big.bin\n"
	    /* Stale stat data in the index for some tracked files. */
	    "touch -d 2031-01-01 code.c docs/index.rst CONTRIBUTING.md\n",
	    LARGE_SIZE, LARGE_SIZE);
	ok(r == 0, "build the test repository");
}

static void
test_worktree(git_repository *repo)
{
	struct tree *t;
	char *want, *got;

	if (!ok(tree_open_worktree(&t, repo) == 0, "open the working tree"))
		return;
	is_str(tree_source_name(t), "worktree", "source name");
	ok(tree_may_miss(t), "a listed file can be missing");
	got = tree_describe(t, "/r", ".ecocheck.ini");
	is_str(got, "/r/.ecocheck.ini", "a file is named by its path");
	free(got);
	want = git_list("r", "ls-files -z -co --exclude-standard", 0);
	got = tree_list(t, 0);
	is_str(got, want, "worktree lists what git ls-files -co "
	    "--exclude-standard lists");
	free(want);
	free(got);

	ok(tree_lookup(t, "forced.log", 0) != NULL &&
	    tree_lookup(t, "build/tracked.o", 0) != NULL,
	    "tracked files matching .gitignore are listed");
	ok(tree_lookup(t, "debug.log", 0) == NULL &&
	    tree_lookup(t, "build/new.o", 0) == NULL &&
	    tree_lookup(t, "build/deeper/q.o", 0) == NULL,
	    "ignored files and directories are not");
	ok(tree_lookup(t, "sub/a.tmp", 0) == NULL &&
	    tree_lookup(t, "sub/keep.tmp", 0) != NULL,
	    ".gitignore of a subdirectory, with a negation");
	ok(tree_lookup(t, "excluded.txt", 0) == NULL &&
	    tree_lookup(t, "dir2/excluded.txt", 0) == NULL,
	    ".git/info/exclude");
	ok(tree_lookup(t, "a.global", 0) == NULL, "core.excludesFile");
	ok(tree_lookup(t, "build/keep.me", 0) == NULL,
	    "a negation does not bring back a file of an ignored directory");
	ok(tree_lookup(t, "logs/keep.txt", 0) != NULL &&
	    tree_lookup(t, "logs/a.txt", 0) == NULL,
	    "but brings back one of a directory whose files are ignored");
	ok(tree_lookup(t, "file-to-dir", 0) != NULL &&
	    tree_lookup(t, "file-to-dir/inner", 0) != NULL,
	    "a tracked file replaced by a directory, and its files");
	ok(tree_lookup(t, "dir-to-file", 0) != NULL &&
	    tree_lookup(t, "dir-to-file/x", 0) != NULL,
	    "a tracked directory replaced by a file, and its tracked file");
	ok(tree_lookup(t, "caf\303\251.md", 0) != NULL &&
	    tree_lookup(t, "dir with space/a file", 0) != NULL,
	    "names with spaces and UTF-8");
	ok(tree_lookup(t, "newdir/a.txt", 0) != NULL &&
	    tree_lookup(t, "newdir/deep/b.txt", 0) != NULL,
	    "untracked directories are listed file by file");
	is_int(mode_of(t, "nested/"), TREE_MODE_SUBMODULE,
	    "a nested repository is one entry \"nested/\"");
	ok(tree_lookup(t, "nested/q", 0) == NULL, "and is not entered");
	is_int(mode_of(t, "linked/"), TREE_MODE_SUBMODULE,
	    "so is a linked worktree inside the working tree");
	ok(tree_lookup(t, "emptydir", 0) == NULL &&
	    tree_lookup(t, "fifo", 0) == NULL,
	    "empty directories and fifos are not listed");
	is_int(mode_of(t, "gone.txt"), TREE_MODE_FILE,
	    "a tracked file deleted from the working tree is listed");
	is_int(mode_of(t, "was-file"), TREE_MODE_LINK,
	    "a tracked file replaced by a link is a link");
	is_int(mode_of(t, "LICENSE"), TREE_MODE_LINK, "a tracked link");
	is_int(mode_of(t, "run.sh"), TREE_MODE_EXEC, "an executable");
	is_int(mode_of(t, "README.md"), TREE_MODE_FILE, "a file");
	is_int(mode_of(t, "rootlink"), TREE_MODE_LINK,
	    "a link to a directory is a link entry");
	is_int(tree_count_under(t, "rootlink"), 0, "and is not followed");
	is_int(mode_of(t, "shadow"), TREE_MODE_LINK,
	    "a tracked directory replaced by a link is a link entry");
	is_int(mode_of(t, "subm"), TREE_MODE_SUBMODULE, "a submodule");
	is_int(tree_count_under(t, "subm"), 0, "is not entered");
	ok(tree_unreadable(t, 0) == NULL, "every directory was read");
	tree_free(t);
}

static void
test_reads(git_repository *repo)
{
	struct strbuf sb = STRBUF_INIT;
	struct tree_entry fake;
	char fakepath[64];
	struct timespec t0, t1;
	struct tree *t;
	char *want;
	double secs;
	size_t size;
	int tr, r;

	if (!ok(tree_open_worktree(&t, repo) == 0, "open the working tree"))
		return;
	want = ut_capture_str("cat r/README.md");
	size = strlen(want);
	r = read_path(t, "README.md", 4, &sb, &tr);
	ok(r == 0 && sb.len == 4 && memcmp(sb.buf, want, 4) == 0 && tr == 1,
	    "a read capped below the size gets cap bytes, truncated");
	r = read_path(t, "README.md", 1000, &sb, &tr);
	ok(r == 0 && tr == 0, "a read above the size is not truncated");
	is_str(sb.buf, want, "and has the whole file");
	r = read_path(t, "README.md", size, &sb, &tr);
	ok(r == 0 && sb.len == size && tr == 0,
	    "a cap of exactly the size is not truncated");
	r = read_path(t, "README.md", 0, &sb, &tr);
	ok(r == 0 && sb.len == 0 && tr == 1, "a cap of 0 reads nothing");
	free(want);

	is_int(read_path(t, "LICENSE", MIB, &sb, &tr), TREE_ELINK,
	    "a link is not followed");
	is_int(readlink_path(t, "LICENSE", &sb), 0, "readlink LICENSE");
	is_str(sb.buf, "/etc/passwd", "gives its target");
	is_int(read_path(t, "rootlink", MIB, &sb, &tr), TREE_ELINK,
	    "a link to / is a link");
	is_int(readlink_path(t, "rootlink", &sb), 0, "readlink rootlink");
	is_str(sb.buf, "/", "gives /");
	is_int(read_path(t, "shadow/passwd", MIB, &sb, &tr), TREE_EMISSING,
	    "a path through a linked directory is not read (missing)");
	is_int(readlink_path(t, "shadow/passwd", &sb), TREE_EMISSING,
	    "nor its link read");
	is_int(read_path(t, "gone.txt", MIB, &sb, &tr), TREE_EMISSING,
	    "a deleted tracked file is missing");
	is_int(read_path(t, "subm", MIB, &sb, &tr), TREE_ENOTFILE,
	    "a submodule is not a file");
	is_int(read_path(t, "nested/", MIB, &sb, &tr), TREE_ENOTFILE,
	    "a nested repository is not a file");
	is_int(read_path(t, "file-to-dir", MIB, &sb, &tr), TREE_ENOTFILE,
	    "a tracked file replaced by a directory is not a file");
	is_int(read_path(t, "dir-to-file/x", MIB, &sb, &tr), TREE_EMISSING,
	    "a file below a directory replaced by a file is missing");
	is_int(readlink_path(t, "README.md", &sb), TREE_ENOTFILE,
	    "readlink of a file: not a link");

	memset(&fake, 0, sizeof(fake));
	fake.mode = TREE_MODE_FILE;
	fake.path = fakepath;
	snprintf(fakepath, sizeof(fakepath), "fifo");
	is_int(tree_read(t, &fake, MIB, &sb, &tr), TREE_ENOTFILE,
	    "a fifo is refused without blocking");
	snprintf(fakepath, sizeof(fakepath), "../r/README.md");
	is_int(tree_read(t, &fake, MIB, &sb, &tr), TREE_EMISSING,
	    "a path with \"..\" is refused");
	snprintf(fakepath, sizeof(fakepath), ".git/HEAD");
	is_int(tree_read(t, &fake, MIB, &sb, &tr), TREE_EMISSING,
	    "a path in .git is refused");

	clock_gettime(CLOCK_MONOTONIC, &t0);
	r = read_path(t, "big.bin", MIB, &sb, &tr);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	ok(r == 0 && tr == 1 && sb.len == MIB && sb.buf[0] == '\0' &&
	    sb.buf[MIB - 1] == '\0',
	    "a sparse 3 GB file capped at 1 MiB: 1 MiB, truncated");
	ok(secs < 2.0, "and quickly (%.3f s)", secs);
	r = read_path(t, "large2.bin", MIB, &sb, &tr);
	ok(r == 0 && tr == 1 && sb.len == MIB && sb.buf[0] == 'x',
	    "a large file capped at 1 MiB");
	strbuf_release(&sb);
	tree_free(t);
}

static void
test_index(git_repository *repo)
{
	struct strbuf sb = STRBUF_INIT;
	struct tree *t;
	char *want, *got;
	int tr, r;

	if (!ok(tree_open_index(&t, repo) == 0, "open the index"))
		return;
	is_str(tree_source_name(t), "index", "source name");
	ok(!tree_may_miss(t), "no listed file can be missing");
	got = tree_describe(t, "/r", "a/b");
	is_str(got, "/r/a/b (staged)", "a staged file is named so");
	free(got);
	want = git_list("r", "ls-files -z -s", 1);
	got = tree_list(t, 1);
	is_str(got, want, "index entries, modes and blobs are git ls-files -s");
	free(want);
	free(got);

	want = ut_capture_str("git -C r show :README.md");
	r = read_path(t, "README.md", MIB, &sb, &tr);
	ok(r == 0 && tr == 0, "read README.md from the index");
	is_str(sb.buf, want, "the staged content, not the working tree's");
	free(want);
	r = read_path(t, "README.md", 3, &sb, &tr);
	ok(r == 0 && tr == 1 && sb.len == 3, "capped blob read");
	is_int(read_path(t, "LICENSE", MIB, &sb, &tr), TREE_ELINK,
	    "a link in the index");
	is_int(readlink_path(t, "LICENSE", &sb), 0, "readlink from the index");
	is_str(sb.buf, "/etc/passwd", "is the blob");
	is_int(readlink_path(t, "README.md", &sb), TREE_ENOTFILE,
	    "readlink of a file in the index");
	is_int(read_path(t, "subm", MIB, &sb, &tr), TREE_ENOTFILE,
	    "a gitlink is not a file");
	r = read_path(t, "large2.bin", MIB, &sb, &tr);
	ok(r == 0 && tr == 1 && sb.len == MIB && sb.buf[0] == 'x',
	    "a large loose blob is streamed, capped");
	r = read_path(t, "large1.bin", MIB, &sb, &tr);
	ok(r == 0 && tr == 1 && sb.len == MIB,
	    "a large packed blob is read whole and cut");
	r = read_path(t, "large1.bin", 0, &sb, &tr);
	ok(r == 0 && tr == 1 && sb.len == 0,
	    "but a read of 0 bytes of it only says it is not empty");
	r = read_path(t, "large1.bin", 32 * MIB, &sb, &tr);
	ok(r == 0 && tr == 0 && sb.len == LARGE_SIZE,
	    "unless the cap holds it");
	strbuf_release(&sb);
	tree_free(t);
}

/* The tree of rev (NULL: HEAD), found as the program finds it. */
static int
open_rev(struct tree **t, git_repository *repo, const char *rev)
{
	git_oid commit, root;

	*t = NULL;
	if (history_resolve(repo, rev, "rev", &commit) == -1 ||
	    history_commit_tree(repo, &commit, "rev", &root) == -1)
		return -1;
	return tree_open_commit(t, repo, &commit, &root, "rev");
}

/* How many entries of t borrow their paths. */
static size_t
borrowed(const struct tree *t)
{
	size_t i, n;

	for (i = n = 0; i < t->nentries; i++)
		n += t->entries[i].borrowed;
	return n;
}

/* HEAD's tree beside the index shares what the index's cache says. */
static void
test_shared_head(void)
{
	git_repository *repo;
	git_oid commit, root;
	struct tree *idx, *head, *plain;
	char *want, *got;

	ut_sh("git init -q sh && cd sh && mkdir -p a b/c d && echo 1 >a/1 && "
	    "echo 2 >a/2 && echo 3 >b/c/3 && echo 4 >d/4 && echo r >README && "
	    "git add -A && git commit -q -m one && echo 33 >b/c/3 && "
	    "git add b/c/3 && git rm -q --cached d/4");
	if ((repo = repo_open("sh")) == NULL)
		return;
	if (!ok(tree_open_index(&idx, repo) == 0, "open the index") ||
	    !ok(history_resolve(repo, NULL, "sh", &commit) == 0 &&
	    history_commit_tree(repo, &commit, "sh", &root) == 0, "HEAD"))
		return;
	ok(idx->ncache > 0, "the index has a cache of tree ids");
	ok(tree_open_commit_shared(&head, repo, &commit, &root, "sh",
	    idx) == 0 && tree_open_commit(&plain, repo, &commit, &root,
	    "sh") == 0, "open HEAD, shared and not");
	want = tree_list(plain, 1);
	got = tree_list(head, 1);
	is_str(got, want, "HEAD shared lists what HEAD read whole lists");
	free(want);
	free(got);
	is_int(borrowed(head), 2, "a/1 and a/2 come from the index");
	is_int(borrowed(plain), 0, "nothing borrowed without the index");
	ok(tree_lookup(head, "d/4", 0) != NULL && tree_lookup(idx, "d/4", 0) ==
	    NULL, "a file removed from the index is HEAD's still");
	tree_free(head);
	tree_free(plain);
	tree_free(idx);
	ut_sh("cd sh && git reset -q && git write-tree >/dev/null");
	ok(tree_open_index(&idx, repo) == 0 &&
	    tree_open_commit_shared(&head, repo, &commit, &root, "sh",
	    idx) == 0, "the index as HEAD");
	is_int(borrowed(head), idx->nentries, "the whole tree is shared");
	want = tree_list(idx, 1);
	got = tree_list(head, 1);
	is_str(got, want, "and the same");
	free(want);
	free(got);
	tree_free(head);
	tree_free(idx);
	git_repository_free(repo);
}

static void
test_commit(git_repository *repo)
{
	struct strbuf sb = STRBUF_INIT;
	struct tree *t;
	char *want, *want2, *got;
	int tr, r;

	if (!ok(open_rev(&t, repo, NULL) == 0, "open HEAD"))
		return;
	is_str(tree_source_name(t), "commit", "source name");
	ok(!tree_may_miss(t), "no listed file can be missing");
	want = git_list("r", "ls-tree -z -r --name-only HEAD", 0);
	got = tree_list(t, 0);
	is_str(got, want, "HEAD lists what git ls-tree -r --name-only lists");
	free(want);
	free(got);
	want = git_list("r", "ls-tree -z -r HEAD", 1);
	got = tree_list(t, 1);
	is_str(got, want, "with git's modes and blobs");
	free(want);
	free(got);
	want = ut_capture_str("git -C r rev-parse HEAD | tr -d '\\n'");
	got = tree_describe(t, "/r", "a/b");
	want2 = xasprintf("/r/a/b (commit %.12s)", want);
	is_str(got, want2, "a file of a commit is named with the commit "
	    "read, HEAD");
	free(want2);
	free(got);
	free(want);
	is_int(mode_of(t, "subm"), TREE_MODE_SUBMODULE, "a gitlink entry");
	is_int(readlink_path(t, "LICENSE", &sb), 0, "readlink from a commit");
	is_str(sb.buf, "/etc/passwd", "is the blob");
	r = read_path(t, "large1.bin", MIB, &sb, &tr);
	ok(r == 0 && tr == 1 && sb.len == MIB,
	    "a large packed blob is read whole and cut");
	tree_free(t);

	if (!ok(open_rev(&t, repo, "HEAD~1") == 0, "open HEAD~1"))
		return;
	want = ut_capture_str("git -C r show HEAD~1:README.md");
	r = read_path(t, "README.md", MIB, &sb, &tr);
	ok(r == 0 && tr == 0, "read README.md of HEAD~1");
	is_str(sb.buf, want, "its content then");
	free(want);
	tree_free(t);
	printf("# an error message is expected:\n");
	fflush(stdout);
	ok(open_rev(&t, repo, "no-such-rev") == -1 && t == NULL,
	    "an unknown revision is an error");
	strbuf_release(&sb);
}

static void
test_queries(git_repository *repo)
{
	static const char *const globs[][2] = {
		{ "*.md", "" },
		{ "docs/**/*.rst", "" },
		{ "**/LICENSE*", "" },
		{ "[Cc]ode*", "" },
		{ "*.MD", "icase" },
		{ "DOCS/*", "icase" },
	};
	const struct tree_entry *e;
	struct tree *t;
	char *want, *got, *args;
	size_t i;
	int icase;

	if (!ok(tree_open_worktree(&t, repo) == 0, "open the working tree"))
		return;
	e = tree_lookup(t, "README.md", 0);
	ok(e != NULL && strcmp(e->path, "README.md") == 0, "exact lookup");
	ok(tree_lookup(t, "readme.md", 0) == NULL,
	    "exact lookup minds case");
	e = tree_lookup(t, "readme.md", 1);
	is_str(e != NULL ? e->path : NULL, "README.md", "icase lookup");
	e = tree_lookup(t, "DOCS/README.MD", 1);
	is_str(e != NULL ? e->path : NULL, "docs/readme.md",
	    "icase lookup in a directory");
	e = tree_lookup(t, "CODE.C", 1);
	is_str(e != NULL ? e->path : NULL, "code.c", "icase lookup, lower");
	ok(tree_lookup(t, "READ", 1) == NULL &&
	    tree_lookup(t, "no-such-file", 1) == NULL &&
	    tree_lookup(t, "", 1) == NULL,
	    "icase lookup of what is not there");

	for (i = 0; i < sizeof(globs) / sizeof(globs[0]); i++) {
		icase = globs[i][1][0] != '\0';
		args = xasprintf("ls-files -z -co --exclude-standard -- "
		    "':(glob%s)%s'", icase ? ",icase" : "", globs[i][0]);
		want = git_list("r", args, 0);
		got = glob_list(t, globs[i][0], icase);
		is_str(got, want, "glob %s%s is git's :(glob) pathspec",
		    globs[i][0], icase ? " (icase)" : "");
		ok(got[0] != '\0', "and matches something");
		free(want);
		free(got);
		free(args);
	}

	want = ut_capture_str("git -C r ls-files -co --exclude-standard -- docs | "
	    "wc -l | tr -d ' \\n'");
	args = xasprintf("%zu", tree_count_under(t, "docs"));
	is_str(args, want, "count under docs is git's");
	free(args);
	free(want);
	is_int(tree_count_under(t, "docs/"), tree_count_under(t, "docs"),
	    "with or without a final slash");
	is_int(tree_count_under(t, "doc"), 0, "a prefix is not a directory");
	is_int(tree_count_under(t, ""), t->nentries, "the root holds all");
	tree_free(t);
}

static int
stop_first(const struct tree_entry *e, void *arg)
{
	(void)e;
	(*(int *)arg)++;
	return 7;
}

static void
test_glob_semantics(void)
{
	static const char *const paths[] = {
		"LICENSE", "README.md", "a/b/c/d.txt", "a/d.txt", "a/x.txt",
		"docs/a.rst", "docs/x/y/z.rst", "src/[x].c", "src/ab.c",
		"src/b.c", "src/c.c",
	};
	static const char *const cases[][3] = {
		{ "*", "", "LICENSE\nREADME.md\n" },
		{ "a/**", "", "a/b/c/d.txt\na/d.txt\na/x.txt\n" },
		{ "a/**/d.txt", "", "a/b/c/d.txt\na/d.txt\n" },
		{ "**/d.txt", "", "a/b/c/d.txt\na/d.txt\n" },
		{ "a/*/*/d.txt", "", "a/b/c/d.txt\n" },
		{ "a*d.txt", "", "" },
		{ "a/?.txt", "", "a/d.txt\na/x.txt\n" },
		{ "a?d.txt", "", "" },
		{ "src/[a-b]*.c", "", "src/ab.c\nsrc/b.c\n" },
		{ "src/[!a-b].c", "", "src/c.c\n" },
		{ "src/[^a].c", "", "src/b.c\nsrc/c.c\n" },
		{ "src/\\[x\\].c", "", "src/[x].c\n" },
		{ "src/[[]x[]].c", "", "src/[x].c\n" },
		{ "src/[]x].c", "", "" },
		{ "docs/**/*.rst", "", "docs/a.rst\ndocs/x/y/z.rst\n" },
		{ "readme.MD", "i", "README.md\n" },
		{ "SRC/[A-B].C", "i", "src/b.c\n" },
		{ "SRC/[A-B].C", "", "" },
		{ "**", "", "LICENSE\nREADME.md\na/b/c/d.txt\na/d.txt\n"
		    "a/x.txt\ndocs/a.rst\ndocs/x/y/z.rst\nsrc/[x].c\n"
		    "src/ab.c\nsrc/b.c\nsrc/c.c\n" },
	};
	struct tree *t;
	char *got;
	size_t i;
	int n;

	t = xcalloc(1, sizeof(*t));	/* the index source's, by hand */
	tree_init(t, &tree_index_ops, NULL);
	for (i = sizeof(paths) / sizeof(paths[0]); i > 0; i--)
		tree_add(t, xstrdup(paths[i - 1]), TREE_MODE_FILE, NULL);
	tree_add(t, xstrdup("a/d.txt"), TREE_MODE_FILE, NULL);
	tree_sort(t);
	is_int(t->nentries, sizeof(paths) / sizeof(paths[0]),
	    "tree_sort sorts and drops repeats");
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		got = glob_list(t, cases[i][0], cases[i][1][0] != '\0');
		is_str(got, cases[i][2], "glob %s%s", cases[i][0],
		    cases[i][1][0] != '\0' ? " (icase)" : "");
		free(got);
	}
	n = 0;
	is_int(tree_glob(t, "**", 0, stop_first, &n), 7,
	    "a callback's nonzero return stops the glob");
	is_int(n, 1, "after one call");
	tree_free(t);
}

/* How many entries the matches of pattern cost tree_glob(). */
static size_t
visits(const struct tree *t, const char *pattern, int icase)
{
	size_t before;
	char *got;

	before = tree_visited(t);
	got = glob_list(t, pattern, icase);
	free(got);
	return tree_visited(t) - before;
}

/*
 * tree_glob() skips whole directories a pattern cannot reach: its answer
 * is the one of matching every entry, in every case.
 */
static void
test_glob_pruning(void)
{
	static const char *const paths[] = {
		"A.md", "DOCS/Team.rst", "Docs/x/team.RST", "README",
		"a-b/x", "a.b", "a/b", "a/b/c/x", "a/bb/x", "a/x", "a[/]b",
		"docs/a/b/c/team.rst", "docs/team.rst", "docsx/team.rst",
		"pkg/d0/m.py", "pkg/d1/m.py", "pkg/team.rst", "x/docs/team.rst",
	};
	static const char *const patterns[] = {
		"docs/**/team.rst", "README", "readme", "*", "*/*", "a/*",
		"a/*/x", "[Dd]ocs/*", "**/x", "a/**", "D*/**/*.rst", "a?b/x",
		"docs/", "a/b/c/x", "a[/]b", "a\\/b", "*/**/m.py", "a/b*",
		"**", "pkg/*/m.py", "*s/team.rst", "a/b/**/x", "a**/x",
	};
	struct strbuf want = STRBUF_INIT;
	struct tree *t;
	char *got;
	size_t i, k;
	int icase, flags;

	t = xcalloc(1, sizeof(*t));
	tree_init(t, &tree_index_ops, NULL);
	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++)
		tree_add(t, xstrdup(paths[i]), TREE_MODE_FILE, NULL);
	tree_sort(t);
	for (k = 0; k < sizeof(patterns) / sizeof(patterns[0]) * 2; k++) {
		icase = k % 2;
		flags = GLOB_PATHNAME | (icase ? GLOB_CASEFOLD : 0);
		strbuf_reset(&want);
		for (i = 0; i < t->nentries; i++)
			if (glob_match(patterns[k / 2], t->entries[i].path,
			    flags)) {
				strbuf_addstr(&want, t->entries[i].path);
				strbuf_addch(&want, '\n');
			}
		got = glob_list(t, patterns[k / 2], icase);
		is_str(got, want.buf, "glob %s%s: as matching every entry",
		    patterns[k / 2], icase ? " (icase)" : "");
		free(got);
	}
	strbuf_release(&want);
	is_int(visits(t, "**", 0), t->nentries, "** visits every entry");
	/* the ranges of D and d: two DOCS, two docs, docsx */
	is_int(visits(t, "docs/**/team.rst", 1), 5,
	    "without case, a pattern visits the ranges of its first letter");
	is_int(visits(t, "readme", 1), 1, "and one name its one entry");
	is_int(visits(t, "pkg/*/m.py", 0), 3, "with case, its literal prefix");
	tree_free(t);
}

/* Every entry of t that pattern matches, one per line: the slow answer. */
static void
glob_every(const struct tree *t, const char *pattern, int flags,
    struct strbuf *out)
{
	size_t i;

	strbuf_reset(out);
	for (i = 0; i < t->nentries; i++)
		if (glob_match(pattern, t->entries[i].path, flags)) {
			strbuf_addstr(out, t->entries[i].path);
			strbuf_addch(out, '\n');
		}
}

/*
 * A tree large enough for its name indexes: every query they answer (a
 * name, a stem, an extension or a directory below a "**") is the answer
 * of matching every entry, and looks at the entries with its key only.
 */
static void
test_glob_indexed(void)
{
	static const char *const paths[] = {
		".py", "Jenkinsfile", "README", "a/.py", "a/Vendor/b/c.h",
		"a/b/x.tar.gz", "a/vendor", "ci/Jenkinsfile.groovy",
		"docs/a/b/team.rst", "docs/te[am].rst", "docs/team.RST",
		"docsx/team.rst", "tests/test_a.py", "tests/a_test.py",
		"vendor/v/vendor/d.c", "x/jenkinsfile.PY", "x/y.tar.GZ",
		"x.y.z/w", "vendorx/a.c",
	};
	static const char *const patterns[] = {
		"**/*.py", "**/*.PY", "**/Jenkinsfile", "**/Jenkinsfile.*",
		"**/*.tar.gz", "**/vendor/**", "**/Vendor/**", "**/b/**",
		"docs/**/*.md", "**/test_*.py", "**/*_test.py", "**/.py",
		"**/te[am].rst", "**/te\\[am\\].rst", "*/**/m.py", "**/x.*",
		"**/d1/**", "pkg/**/m.py", "**/team.rst", "d*/**/team.rst",
		"**/*.z/w", "**/x.y.z/**", "d*/**/*[/p.]md",
		/* a '/' in a class starts no component: no key after it */
		"**[/x.y]", "**[?b\\p\\/a.\\a]",
		"**/*", "**/.*", "**/*.",
	};
	struct strbuf want = STRBUF_INIT;
	struct tree *t;
	char *got, *p;
	size_t i, k, n;
	int icase;

	t = xcalloc(1, sizeof(*t));
	tree_init(t, &tree_index_ops, NULL);
	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++)
		tree_add(t, xstrdup(paths[i]), TREE_MODE_FILE, NULL);
	for (i = 0; i < 300; i++) {
		p = xasprintf(i % 3 == 0 ? "pkg/d%zu/m.py" : i % 3 == 1 ?
		    "docs/p%zu.md" : "vendor/v%zu/a.c", i);
		tree_add(t, p, TREE_MODE_FILE, NULL);
	}
	tree_sort(t);
	for (k = 0; k < sizeof(patterns) / sizeof(patterns[0]) * 2; k++) {
		icase = k % 2;
		glob_every(t, patterns[k / 2], GLOB_PATHNAME |
		    (icase ? GLOB_CASEFOLD : 0), &want);
		got = glob_list(t, patterns[k / 2], icase);
		is_str(got, want.buf, "indexed glob %s%s: as matching every "
		    "entry", patterns[k / 2], icase ? " (icase)" : "");
		free(got);
	}
	/* the indexes, and each of the last five, which no key narrows */
	is_int(tree_passes(t), 1 + 5 * 2, "the queries built the indexes "
	    "once, and only the patterns they cannot narrow walked the tree");
	/*
	 * A bucket holds every key that hashes to it: here 100 m.py or 100
	 * a.c may share one with a key asked for, but never the whole tree.
	 */
	ok(visits(t, "**/Jenkinsfile", 0) < t->nentries - 100,
	    "a name below \"**\" visits the entries of its bucket");
	n = visits(t, "**/*.py", 1);
	ok(n >= 105 && n < t->nentries - 100, "an extension those with it "
	    "(%zu)", n);
	ok(visits(t, "**/Jenkinsfile.*", 0) < t->nentries - 100,
	    "a stem those with it");
	/* the directories in the tree, and vendor/v/vendor/ not again */
	ok(visits(t, "**/vendor/**", 0) < 250,
	    "a directory the directories and what is below those named so");
	/* Changing the entries drops the indexes: built again, right. */
	tree_add(t, xstrdup("new/Jenkinsfile"), TREE_MODE_FILE, NULL);
	tree_sort(t);
	got = glob_list(t, "**/Jenkinsfile", 0);
	is_str(got, "Jenkinsfile\nnew/Jenkinsfile\n",
	    "an entry added after a query is found");
	free(got);
	strbuf_release(&want);
	tree_free(t);
}

/* Index versions 2, 3 (extended flags) and 4 (prefix-compressed paths). */
static void
test_index_formats(void)
{
	git_repository *repo;
	git_index *idx;
	struct tree *t;
	struct strbuf sb = STRBUF_INIT;
	const git_index_entry *ie;
	char hex[GIT_OID_HEXSZ + 1], *want, *got, *name;
	size_t i;
	int v, r;

	for (v = 2; v <= 4; v++) {
		name = xasprintf("v%d", v);
		/* A copy of r's .git: its working tree has a 3 GB file. */
		r = ut_run("set -e; rm -rf %s; mkdir %s; cp -a r/.git %s/.git\n"
		    "cd %s; git rm -q --cached docs/notes.txt\n"
		    "echo i > intent.txt; %s\n"
		    "git update-index --index-version %d", name, name, name,
		    name, v >= 3 ? "git add -N intent.txt" : ":", v);
		ok(r == 0, "make an index of version %d", v);
		want = ut_capture_str("od -An -tu1 -j7 -N1 %s/.git/index | "
		    "tr -d ' \\n'", name);
		got = xasprintf("%d", v);
		is_str(want, got, "the index is of version %d", v);
		free(want);
		free(got);
		if ((repo = repo_open(name)) == NULL ||
		    !ok(tree_open_index(&t, repo) == 0, "open it")) {
			free(name);
			git_repository_free(repo);
			continue;
		}
		want = git_list(name, "ls-files -z -s", 1);
		got = tree_list(t, 1);
		is_str(got, want, "version %d: git ls-files -s", v);
		free(want);
		free(got);

		/* The same through libgit2. */
		strbuf_reset(&sb);
		if (git_repository_index(&idx, repo) == 0) {
			for (i = 0; i < git_index_entrycount(idx); i++) {
				ie = git_index_get_byindex(idx, i);
				git_oid_tostr(hex, sizeof(hex), &ie->id);
				strbuf_addf(&sb, "%s\t%06o %s\n", ie->path,
				    tree_mode(ie->mode), hex);
			}
			git_index_free(idx);
		}
		got = tree_list(t, 1);
		is_str(got, sb.buf, "version %d: libgit2's reading", v);
		free(got);
		tree_free(t);
		git_repository_free(repo);
		ut_run("rm -rf %s", name);
		free(name);
	}
	strbuf_release(&sb);
}

/* A merge conflict: one entry, the "ours" stage. */
static void
test_conflict(void)
{
	git_repository *repo;
	struct tree *t;
	const struct tree_entry *e;
	char hex[GIT_OID_HEXSZ + 1], *want, *got;
	int r;

	r = ut_run("set -e; git init -q -b main c; cd c\n"
	    "echo base > f; echo g > g; git add f g; git commit -q -m base\n"
	    "git checkout -q -b side; echo side > f; git commit -q -a -m s\n"
	    "git checkout -q main; echo main > f; git commit -q -a -m m\n"
	    "! git merge side >/dev/null 2>&1\n"
	    "test $(git ls-files -u | wc -l) -eq 3");
	if (!ok(r == 0, "make a conflict") || (repo = repo_open("c")) == NULL)
		return;
	if (ok(tree_open_worktree(&t, repo) == 0, "open its working tree")) {
		want = git_list("c", "ls-files -z -co --exclude-standard", 0);
		got = tree_list(t, 0);
		is_str(got, want, "a conflicted path is listed once");
		free(want);
		free(got);
		tree_free(t);
	}
	if (ok(tree_open_index(&t, repo) == 0, "open its index")) {
		is_int(t->nentries, 2, "two paths");
		e = tree_lookup(t, "f", 0);
		want = ut_capture_str("git -C c rev-parse :2:f | tr -d '\\n'");
		if (e != NULL)
			git_oid_tostr(hex, sizeof(hex), &e->oid);
		is_str(e != NULL ? hex : NULL, want, "f is \"ours\"");
		free(want);
		tree_free(t);
	}
	git_repository_free(repo);
}

static void
test_bare(void)
{
	git_repository *repo;
	struct tree *t;
	char *want, *got;

	if (ut_run("git clone -q --bare r bare.git") != 0 ||
	    (repo = repo_open("bare.git")) == NULL)
		return;
	printf("# an error message is expected:\n");
	fflush(stdout);
	ok(tree_open_worktree(&t, repo) == -1, "a bare repository has no "
	    "working tree");
	if (ok(open_rev(&t, repo, NULL) == 0, "but HEAD")) {
		want = git_list("bare.git", "ls-tree -z -r --name-only HEAD",
		    0);
		got = tree_list(t, 0);
		is_str(got, want, "lists as git does");
		free(want);
		free(got);
		tree_free(t);
	}
	git_repository_free(repo);
}

int
main(void)
{
	git_repository *repo;
	struct tree *t;
	char *before, *after, *wt, *ix;

	if (system("git --version >/dev/null 2>&1") != 0) {
		printf("1..0 # SKIP git not found on PATH\n");
		return 0;
	}
	ut_setup("unit-tree");
	setenv("GIT_AUTHOR_DATE", "2024-01-01T00:00:00Z", 1);
	setenv("GIT_COMMITTER_DATE", "2024-01-01T00:00:00Z", 1);
	ut_libgit2_init();

	build_main();
	if ((repo = repo_open("r")) == NULL) {
		printf("Bail out! no test repository\n");
		ut_cleanup();
		return 1;
	}
	before = fingerprint("r");
	test_worktree(repo);
	test_reads(repo);
	test_index(repo);
	test_commit(repo);
	test_queries(repo);
	test_glob_pruning();
	test_glob_indexed();
	test_shared_head();
	after = fingerprint("r");
	is_str(after, before, "nothing in .git changed, the index "
	    "byte for byte, with stale stat data in it");
	free(after);
	git_repository_free(repo);

	/* Unstage a file: the index and the working tree now differ. */
	ut_run("git -C r rm -q --cached code.c");
	repo = repo_open("r");
	if (repo != NULL && tree_open_index(&t, repo) == 0) {
		ok(tree_lookup(t, "code.c", 0) == NULL,
		    "after git rm --cached, the index lacks code.c");
		ix = tree_list(t, 0);
		tree_free(t);
		if (tree_open_worktree(&t, repo) == 0) {
			wt = tree_list(t, 0);
			ok(tree_lookup(t, "code.c", 0) != NULL,
			    "the working tree has it, untracked");
			ok(strcmp(ix, wt) != 0, "the listings differ");
			after = git_list("r",
			    "ls-files -z -co --exclude-standard", 0);
			is_str(wt, after, "and the working tree is git's");
			free(after);
			free(wt);
			tree_free(t);
		}
		free(ix);
	}
	git_repository_free(repo);
	free(before);

	test_glob_semantics();
	test_index_formats();
	test_conflict();
	test_bare();

	git_libgit2_shutdown();
	ok(ut_cleanup() == 0, "clean up");
	return done_testing();
}
