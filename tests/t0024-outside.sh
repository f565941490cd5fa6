#!/bin/sh
# t0024-outside.sh: what a repository cannot make ecocheck read outside
# it (issue 10 item 16): another project's files through core.worktree,
# a folder beside an --each directory through a symbolic link, the
# reviewer's disk through a nested .git file or a symlinked index.
. "$(dirname "$0")/lib.sh"

R=$TEST_TMP/repo
make_repo "$R" README.md LICENSE.md >/dev/null

# Another project, with the files $R lacks.
O=$TEST_TMP/other
make_repo "$O" README.md LICENSE.md SECURITY.md CONTRIBUTING.md >/dev/null

test_expect_success 'core.worktree outside the folder given is refused' '
	D=$TEST_TMP/each-a &&
	mkdir -p "$D" &&
	git init -q "$D/evil" &&
	git -C "$D/evil" config core.worktree "$O" &&
	test_expect_code 2 "$ECOCHECK" "$D/evil" >out 2>err &&
	test_line_count 1 err &&
	grep -q "core.worktree names .*other.*refusing" err &&
	test_must_fail test -s out &&
	test_expect_code 2 "$ECOCHECK" --each "$D" >out 2>err &&
	grep -q "core.worktree names" err
'

test_expect_success 'core.worktree inside the folder or the checkout is kept' '
	test_when_finished "git -C \"$R\" config --unset core.worktree" &&
	git -C "$R" config core.worktree .. &&
	{ "$ECOCHECK" "$R" >out 2>err || test $? -eq 1; } &&
	test_must_fail test -s err &&
	grep -q README out &&
	git -C "$R" config core.worktree "$R" &&
	{ "$ECOCHECK" "$R/.git" >out 2>err || test $? -eq 1; } &&
	test_must_fail test -s err &&
	grep -q README out
'

test_expect_success '--each skips a symbolic link out of the folder' '
	D=$TEST_TMP/each-b &&
	mkdir -p "$D" &&
	cp -R "$R" "$D/mine" &&
	ln -s "$O" "$D/borrowed" &&
	{ "$ECOCHECK" --format=json --each "$D" >out 2>err ||
		test $? -eq 1; } &&
	grep -q "borrowed: a symbolic link; skipping it" err &&
	test_line_count 1 err &&
	grep -q "mine" out &&
	test_must_fail grep -q "borrowed\\|other" out
'

if strace -f -o /dev/null true 2>/dev/null; then
	test_set_prereq STRACE
fi

# Run ecocheck under strace, its file system calls in trace (LeakSanitizer
# cannot run under ptrace).
traced() {
	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
		strace -f -s 512 -e trace=file,desc -o trace "$ECOCHECK" "$@"
}

test_expect_success JQ 'a nested .git file is taken at its word, never followed' '
	N=$TEST_TMP/nested &&
	cp -R "$R" "$N" &&
	mkdir "$N/sub" &&
	printf "gitdir: %s\n" "$TEST_TMP/probe-target" >"$N/sub/.git" &&
	echo "# Security" >"$N/sub/SECURITY.md" &&
	printf "[sub]\ntype = file\npath = sub/SECURITY.md\n" >"$TEST_TMP/sub.ini" &&
	ec_json 1 --no-repo-config --rules "$TEST_TMP/sub.ini" "$N" &&
	test "$(result_of sub)" = fail
'

test_expect_success STRACE 'a nested .git file does not probe its gitdir' '
	N=$TEST_TMP/nested &&
	{ traced "$N" >out 2>err || :; } &&
	grep -q "read(.*gitdir: .*probe-target" trace &&
	grep -v "^[0-9]* *read(" trace >calls &&
	test_must_fail grep -q probe-target calls
'

test_expect_success 'a symbolic link as .git/index is refused, not followed' '
	X=$TEST_TMP/linked-index &&
	cp -R "$R" "$X" &&
	mv "$X/.git/index" "$TEST_TMP/elsewhere-index" &&
	ln -s "$TEST_TMP/elsewhere-index" "$X/.git/index" &&
	test_expect_code 2 "$ECOCHECK" "$X" >out 2>err &&
	test_line_count 1 err &&
	grep -q "index: a symbolic link; refusing to follow it" err &&
	test_expect_code 2 "$ECOCHECK" --staged "$X" >out 2>err &&
	grep -q "refusing to follow it" err
'

# --- include.path and includeIf.*.path of the repository's own config ---
# The config is changed with printf and restored with cp: git itself would
# block on the FIFO these includes name.

I=$TEST_TMP/includes
test_expect_success 'setup: a checkout, and a FIFO outside it that would block a read' '
	cp -R "$R" "$I" &&
	cp "$I/.git/config" "$TEST_TMP/config.saved" &&
	mkfifo "$TEST_TMP/outside-fifo" &&
	printf "[user]\n\tname = Outside\n" >"$TEST_TMP/outside.cfg"
'

# restore: the repository's config as it was.
restore() {
	cp "$TEST_TMP/config.saved" "$I/.git/config"
}

# refused PATTERN: exit 2, one line matching PATTERN, nothing else, within
# 20 seconds (a FIFO opened would block for ever).
refused() {
	test_expect_code 2 timeout 20 "$ECOCHECK" "$I" >out 2>err &&
	test_line_count 0 out &&
	test_line_count 1 err &&
	grep -q "$1" err
}

test_expect_success 'include.path naming a file outside: refused, naming file and line' '
	test_when_finished restore &&
	printf "[include]\n\tpath = %s\n" "$TEST_TMP/outside-fifo" >>"$I/.git/config" &&
	n=$(wc -l <"$I/.git/config") &&
	refused "\.git/config:$n: include.path names .*outside-fifo, outside the repository; refusing to read it"
'

test_expect_success 'a relative include.path out of the git directory, and ~/: refused' '
	test_when_finished restore &&
	printf "[include]\n\tpath = ../../outside-fifo\n" >>"$I/.git/config" &&
	refused "include.path names ../../outside-fifo, outside" &&
	restore &&
	printf "[include]\n\tpath = ~/.gitconfig\n" >>"$I/.git/config" &&
	refused "in the home directory, outside the repository"
'

test_expect_success 'includeIf.*.path, quoted, escaped and continued: refused whatever its condition' '
	test_when_finished restore &&
	printf "[IncludeIf \"gitdir:/no/such/\"] ; a comment\n\tPATH = \"%s/out\\\\\nside-fifo\" # more\n" \
		"$TEST_TMP" >>"$I/.git/config" &&
	refused "includeif.gitdir:/no/such/.path names .*outside-fifo, outside"
'

test_expect_success 'a section header and its key on one line, as libgit2 reads them' '
	test_when_finished restore &&
	printf "[include] path = %s\n" "$TEST_TMP/outside-fifo" >>"$I/.git/config" &&
	refused "include.path names .*outside-fifo, outside"
'

test_expect_success 'an include inside the repository is read, and what it includes checked' '
	test_when_finished "restore; rm -f \"$I/.git/extra.cfg\"" &&
	printf "[include]\n\tpath = extra.cfg\n" >>"$I/.git/config" &&
	printf "[core]\n\tbigFileThreshold = 1m\n" >"$I/.git/extra.cfg" &&
	{ timeout 20 "$ECOCHECK" "$I" >out 2>err || test $? -eq 1; } &&
	test_line_count 0 err &&
	grep -q README out &&
	printf "[include]\n\tpath = %s\n" "$TEST_TMP/outside-fifo" >>"$I/.git/extra.cfg" &&
	refused "extra.cfg:4: include.path names .*outside-fifo, outside"
'

test_expect_success 'an include through a symbolic link that leads out: refused' '
	test_when_finished "restore; rm -f \"$I/.git/link.cfg\"" &&
	ln -s "$TEST_TMP/outside.cfg" "$I/.git/link.cfg" &&
	printf "[include]\n\tpath = link.cfg\n" >>"$I/.git/config" &&
	refused "include.path names link.cfg, outside"
'

test_expect_success 'a FIFO included from inside: refused, never opened for reading' '
	test_when_finished "restore; rm -f \"$I/.git/fifo.cfg\"" &&
	mkfifo "$I/.git/fifo.cfg" &&
	printf "[include]\n\tpath = fifo.cfg\n" >>"$I/.git/config" &&
	refused "fifo.cfg: not a regular file; refusing to read it"
'

test_expect_success 'git'"'"'s global configuration may still include a file outside' '
	cp "$HOME/.gitconfig" "$TEST_TMP/gitconfig.saved" &&
	test_when_finished "cp \"$TEST_TMP/gitconfig.saved\" \"$HOME/.gitconfig\"" &&
	git config --global include.path "$TEST_TMP/outside.cfg" &&
	{ timeout 20 "$ECOCHECK" "$I" >out 2>err || test $? -eq 1; } &&
	test_line_count 0 err &&
	grep -q README out
'

test_expect_success STRACE 'a refused include is never opened' '
	test_when_finished restore &&
	printf "[include]\n\tpath = %s\n" "$TEST_TMP/outside.cfg" >>"$I/.git/config" &&
	{ traced "$I" >out 2>err || test $? -eq 2; } &&
	grep -q "refusing to read it" err &&
	grep -q "open.*includes/.git/config" trace &&
	test_must_fail grep -q "open.*outside.cfg" trace
'

# --- the CA certificates: ecocheck opens no connection (src/notls.c) ---
# A libgit2 built with mbedTLS parses them in git_libgit2_init(); one built
# otherwise does not read them at all, and the test says nothing of it.
if ldd "$ECOCHECK" 2>/dev/null | grep -q libmbedtls; then
	test_set_prereq MBEDTLS
fi

test_expect_success STRACE,MBEDTLS 'libgit2 is kept from reading the CA certificates' '
	{ traced "$R" >out 2>err || test $? -eq 1; } &&
	grep -q "open.*$R/.git/HEAD" trace &&
	grep "open" trace >opens &&
	test_must_fail grep -q "ca-certificates\\|/ssl/certs" opens
'

test_done
