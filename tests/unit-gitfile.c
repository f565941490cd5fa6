/* unit-gitfile.c: read_small_file(): regular files only, never waiting */
#define _GNU_SOURCE 1		/* openat, O_DIRECTORY */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "gitfile.h"
#include "strbuf.h"
#include "tap.h"
#include "unit-lib.h"

static void	 test_regular(void);
static void	 test_refused(void);
static void	 test_cap(void);
static void	 test_at(void);
static void	 test_gitdir(void);

static void
test_regular(void)
{
	struct strbuf sb = STRBUF_INIT;
	struct gitfile gf;

	ut_write_file("HEAD", "ref: refs/heads/main\n");
	is_int(read_small_file("HEAD", GITFILE_NOFOLLOW, 4096, &sb, &gf),
	    GITFILE_OK, "a regular file is read");
	is_str(sb.buf, "ref: refs/heads/main\n", "whole");
	is_int(gf.truncated, 0, "and not cut");
	strbuf_addstr(&sb, "junk");
	ut_write_file("empty", "");
	is_int(read_small_file("empty", 0, 10, &sb, NULL), GITFILE_OK,
	    "an empty file is read, gf may be NULL");
	is_int(sb.len, 0, "out's old contents are replaced");
	is_int(read_small_file("none", 0, 10, &sb, &gf), GITFILE_MISSING,
	    "a missing file is missing");
	is_int(gf.err, ENOENT, "ENOENT");
	is_int(read_small_file("HEAD/x", 0, 10, &sb, &gf), GITFILE_MISSING,
	    "below a file is missing too");
	is_int(gf.err, ENOTDIR, "ENOTDIR, for a caller that minds");
	strbuf_release(&sb);
}

static void
test_refused(void)
{
	struct strbuf sb = STRBUF_INIT;
	struct gitfile gf;
	time_t t0;
	int rc;

	ut_sh("mkfifo fifo && mkdir dir && ln -s HEAD link && "
	    "ln -s fifo fifolink");
	t0 = time(NULL);
	rc = read_small_file("fifo", 0, 4096, &sb, &gf);
	is_int(rc, GITFILE_NOTFILE, "a FIFO is not a regular file");
	ok(time(NULL) - t0 < 5, "and is refused at once, never waited on");
	ok(S_ISFIFO(gf.st.st_mode), "st says it is a FIFO");
	is_int(read_small_file("fifolink", 0, 4096, &sb, &gf),
	    GITFILE_NOTFILE, "a link to a FIFO, followed, is refused too");
	is_int(read_small_file("dir", 0, 4096, &sb, &gf), GITFILE_NOTFILE,
	    "a directory is not a regular file");
	ok(S_ISDIR(gf.st.st_mode), "st says it is a directory");
	is_int(read_small_file("link", GITFILE_NOFOLLOW, 4096, &sb, &gf),
	    GITFILE_LINK, "a symbolic link is refused when not following");
	is_int(read_small_file("link", 0, 4096, &sb, &gf), GITFILE_OK,
	    "and followed otherwise");
	is_str(sb.buf, "ref: refs/heads/main\n", "to its file");
	is_int(read_small_file("/dev/null", 0, 4096, &sb, &gf),
	    GITFILE_NOTFILE, "a device is refused");
	ut_sh("touch secret && chmod 000 secret");
	rc = read_small_file("secret", 0, 4096, &sb, &gf);
	ok(rc == GITFILE_EOPEN || (rc == GITFILE_OK && geteuid() == 0),
	    "a file that cannot be opened (unless root): EOPEN");
	strbuf_release(&sb);
}

static void
test_cap(void)
{
	struct strbuf sb = STRBUF_INIT;
	struct gitfile gf;

	ut_write_file("ten", "0123456789");
	is_int(read_small_file("ten", 0, 9, &sb, &gf), GITFILE_TOOBIG,
	    "over the cap is refused");
	is_int(sb.len, 0, "and nothing kept");
	is_int(read_small_file("ten", 0, 10, &sb, &gf), GITFILE_OK,
	    "at the cap is read");
	is_int(read_small_file("ten", GITFILE_CUT, 4, &sb, &gf), GITFILE_OK,
	    "over the cap is cut with GITFILE_CUT");
	is_str(sb.buf, "0123", "to the cap");
	is_int(gf.truncated, 1, "and says so");
	is_int(read_small_file("ten", GITFILE_CUT, 10, &sb, &gf),
	    GITFILE_OK, "at the cap, cut");
	is_int(gf.truncated, 0, "is not truncated");
	is_int(read_small_file("ten", GITFILE_CUT, 0, &sb, &gf), GITFILE_OK,
	    "a cap of 0");
	ok(sb.len == 0 && gf.truncated == 1, "keeps nothing, truncated");
	ut_sh("head -c 300000 /dev/zero > big");
	is_int(read_small_file("big", 0, 300000, &sb, &gf), GITFILE_OK,
	    "a file of several chunks");
	is_int(sb.len, 300000, "is read whole");
	strbuf_release(&sb);
}

static void
test_at(void)
{
	struct strbuf sb = STRBUF_INIT;
	struct gitfile gf;
	int dfd, fd;

	ut_sh("mkdir -p g/info && printf 'x\\n' > g/info/exclude && "
	    "mkfifo g/commondir && ln -s info/exclude g/l");
	dfd = open("g", O_RDONLY | O_DIRECTORY);
	ok(dfd != -1, "open a directory");
	is_int(read_small_fileat(dfd, "info/exclude", GITFILE_NOFOLLOW, 64,
	    &sb, &gf), GITFILE_OK, "read relative to it");
	is_str(sb.buf, "x\n", "its bytes");
	is_int(read_small_fileat(dfd, "commondir", 0, 64, &sb, &gf),
	    GITFILE_NOTFILE, "a FIFO relative to it is refused");
	is_int(read_small_fileat(dfd, "l", GITFILE_NOFOLLOW, 64, &sb, &gf),
	    GITFILE_LINK, "a link relative to it is refused");
	is_int(gitfile_open(dfd, "info/exclude", 0, &gf, &fd), GITFILE_OK,
	    "gitfile_open gives a descriptor");
	ok(fd != -1 && gf.st.st_size == 2, "with its stat");
	if (fd != -1)
		close(fd);
	is_int(gitfile_open(dfd, "commondir", 0, &gf, &fd), GITFILE_NOTFILE,
	    "and none for a FIFO");
	is_int(fd, -1, "-1");
	close(dfd);
	strbuf_release(&sb);
}

static void
test_gitdir(void)
{
	ut_sh("mkdir -p d/objects d/refs w/.git/objects w/.git/refs && "
	    "echo 'ref: refs/heads/main' > d/HEAD && cp d/HEAD w/.git/HEAD");
	ok(gitfile_is_gitdir(AT_FDCWD, "d"), "HEAD, objects/, refs/: a git "
	    "directory");
	ok(!gitfile_is_gitdir(AT_FDCWD, "w"), "a checkout is not one");
	ok(gitfile_is_toplevel(AT_FDCWD, "w"), "but the top of a working tree");
	ok(!gitfile_is_toplevel(AT_FDCWD, "d"), "which a git directory is not");
	ut_sh("printf '%%040d\\n' 0 > d/HEAD");
	ok(gitfile_is_gitdir(AT_FDCWD, "d"), "a detached HEAD");
	ut_sh("echo 'ref: HEAD' > d/HEAD");
	ok(!gitfile_is_gitdir(AT_FDCWD, "d"), "a HEAD out of refs/ is not");
	ut_sh("rm d/HEAD && mkfifo d/HEAD");
	ok(!gitfile_is_gitdir(AT_FDCWD, "d"), "a FIFO HEAD is not, at once");
	ut_sh("rm d/HEAD && ln -s refs/heads/main d/HEAD");
	ok(gitfile_is_gitdir(AT_FDCWD, "d"), "a HEAD linked into refs/ is");
	ut_sh("mkdir -p l && echo 'ref: refs/heads/x' > l/HEAD && "
	    "echo ../.. > l/commondir");
	ok(gitfile_is_gitdir(AT_FDCWD, "l"), "HEAD and commondir: a linked "
	    "worktree's git directory");
	ut_sh("mkdir -p f e/.git && echo 'gitdir: /nowhere' > f/.git");
	ok(gitfile_is_toplevel(AT_FDCWD, "f"), "a .git file names one");
	ok(!gitfile_is_toplevel(AT_FDCWD, "e"), "an empty .git does not");
}

int
main(void)
{
	ut_setup("unit-gitfile");
	test_regular();
	test_refused();
	test_cap();
	test_at();
	test_gitdir();
	ut_sh("chmod 600 secret");
	ok(ut_cleanup() == 0, "clean up");
	return done_testing();
}
