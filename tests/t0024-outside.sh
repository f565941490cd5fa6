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
	test_line_count = 1 err &&
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
	test_line_count = 1 err &&
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
	ec_json --no-repo-config --rules "$TEST_TMP/sub.ini" "$N" &&
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
	test_line_count = 1 err &&
	grep -q "index: a symbolic link; refusing to follow it" err &&
	test_expect_code 2 "$ECOCHECK" --staged "$X" >out 2>err &&
	grep -q "refusing to follow it" err
'

test_done
