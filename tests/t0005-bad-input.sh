#!/bin/sh
# t0005-bad-input.sh: paths that are not repositories, corrupt repositories,
# links out of the repository, huge, binary and invalid UTF-8 files,
# hostile patterns: one clear line, the right exit code, never a crash
. "$(dirname "$0")/lib.sh"

R=$TEST_TMP/repo
make_repo "$R" README.md CONTRIBUTING.md CODEOWNERS GOVERNANCE.md >/dev/null

test_expect_success 'not a repository: one line naming the path, exit 2' '
	mkdir "$TEST_TMP/plain" &&
	test_expect_code 2 "$ECOCHECK" "$TEST_TMP/plain" >out 2>err &&
	test ! -s out &&
	test_line_count 1 err &&
	grep -q "^ecocheck: $TEST_TMP/plain: not a git repository$" err
'

test_expect_success 'a path that does not exist: one line, exit 2' '
	test_expect_code 2 "$ECOCHECK" "$TEST_TMP/nowhere" >out 2>err &&
	test_line_count 1 err &&
	grep -q "nowhere: No such file or directory" err
'

test_expect_success 'a file instead of a directory: one line, exit 2' '
	test_expect_code 2 "$ECOCHECK" "$R/README.md" >out 2>err &&
	test_line_count 1 err &&
	grep -q "not a directory" err
'

test_expect_success JQ 'LICENSE.md linking to /etc/passwd is reported as a link, not read' '
	ln -s /etc/passwd "$R/LICENSE.md" &&
	ec_json 1 "$R" &&
	test_eq "$(result_of license-file)" fail &&
	result_of license-file message | grep -q "symbolic link to /etc/passwd" &&
	! grep -q "root:" "$TEST_TMP/out.json" &&
	git -C "$R" add LICENSE.md && test_tick && git -C "$R" commit -q -m link &&
	ec_json 1 --rev HEAD "$R" &&
	result_of license-file message | grep -q "symbolic link to /etc/passwd" &&
	ec_json 1 --staged --absolute "$R" &&
	result_of license-file message | grep -q "symbolic link to /etc/passwd"
'

test_expect_success JQ 'a code of conduct linking out of the repository is not read' '
	test_when_finished "rm -f \"\$R/CODE_OF_CONDUCT.md\"" &&
	ln -s /etc/passwd "$R/CODE_OF_CONDUCT.md" &&
	printf "[c]\ntype = contains\nfile = CODE_OF_CONDUCT.md\npattern = root\n" >"$TEST_TMP/c.ini" &&
	ec_json 1 -r "$TEST_TMP/c.ini" "$R" &&
	test_eq "$(result_of c)" fail &&
	result_of c message | grep -q "symbolic link"
'

test_expect_success JQ 'a directory linking out of the repository is not walked' '
	test_when_finished "rm -f \"\$R/docs\"" &&
	ln -s /etc "$R/docs" &&
	printf "[p]\ntype = file\npath = passwd\ndirs = docs\n" >"$TEST_TMP/p.ini" &&
	ec_json 1 -r "$TEST_TMP/p.ini" "$R" &&
	test_eq "$(result_of p)" fail
'

test_expect_success JQ 'a huge file (3 GB, sparse) is read only up to the cap' '
	test_when_finished "rm -f \"\$R/CODE_OF_CONDUCT.md\"" &&
	truncate -s 3G "$R/CODE_OF_CONDUCT.md" &&
	printf "[c]\ntype = contains\nfile = CODE_OF_CONDUCT.md\npattern = lfprojects\n" >"$TEST_TMP/c.ini" &&
	ec_json 1 -r "$TEST_TMP/c.ini" "$R" &&
	test_eq "$(result_of c)" fail &&
	result_of c message | grep -q "binary"
'

test_expect_success JQ 'a huge text file is matched in the part read' '
	test_when_finished "rm -f \"\$R/CODE_OF_CONDUCT.md\"" &&
	{ echo "lfprojects.org/policies/code-of-conduct"; head -c 3000000 /dev/zero | tr "\\000" "x"; } >"$R/CODE_OF_CONDUCT.md" &&
	ec_json 0 -r "$TEST_TMP/c.ini" "$R" &&
	test_eq "$(result_of c)" pass &&
	result_of c message | grep -q "in the part read"
'

test_expect_success JQ 'invalid UTF-8 is matched and reported as valid JSON' '
	test_when_finished "rm -f \"\$R/CODE_OF_CONDUCT.md\"" &&
	printf "caf\\351 \\377\\376 lfprojects.org/policies/code-of-conduct\n" >"$R/CODE_OF_CONDUCT.md" &&
	ec_json 0 -r "$TEST_TMP/c.ini" "$R" &&
	test_eq "$(result_of c)" pass &&
	jq . "$TEST_TMP/out.json" >/dev/null
'

test_expect_success JQ 'file names with quotes, newlines and invalid UTF-8 stay valid JSON' '
	test_when_finished "rm -rf \"\$R/odd\"" &&
	mkdir -p "$R/odd" &&
	printf x >"$R/odd/$(printf "a\"b\\\\c\\nd\\377")" &&
	printf "[o]\ntype = file\npath = nothing\ndirs = odd\n" >"$TEST_TMP/o.ini" &&
	ec_json 1 -r "$TEST_TMP/o.ini" "$R" &&
	jq . "$TEST_TMP/out.json" >/dev/null
'

test_expect_success JQ 'a hostile pattern gives unknown, quickly' '
	test_when_finished "rm -f \"\$R/CODE_OF_CONDUCT.md\"" &&
	{ head -c 30000 /dev/zero | tr "\\000" a; echo b; } >"$R/CODE_OF_CONDUCT.md" &&
	printf "[h]\ntype = contains\nfile = CODE_OF_CONDUCT.md\npattern = ^(a|aa)+\$\n" >"$TEST_TMP/h.ini" &&
	ec_json 0 -r "$TEST_TMP/h.ini" "$R" &&
	test_eq "$(result_of h)" unknown
'

test_expect_success 'a corrupt repository (HEAD points at a missing object): exit 2' '
	git clone -q "$R" "$TEST_TMP/corrupt" &&
	echo 0123456789abcdef0123456789abcdef01234567 >"$TEST_TMP/corrupt/.git/refs/heads/main" &&
	test_expect_code 2 "$ECOCHECK" --rev HEAD "$TEST_TMP/corrupt" >out 2>err &&
	test_line_count 1 err &&
	grep -q "^ecocheck: " err
'

test_expect_success 'a garbage HEAD file: exit 2, one line' '
	git clone -q "$R" "$TEST_TMP/badhead" &&
	echo "garbage" >"$TEST_TMP/badhead/.git/HEAD" &&
	test_expect_code 2 "$ECOCHECK" "$TEST_TMP/badhead" >out 2>err &&
	test_line_count 1 err
'

test_expect_success 'a corrupt index: exit 2, one line' '
	git clone -q "$R" "$TEST_TMP/badindex" &&
	echo "not an index" >"$TEST_TMP/badindex/.git/index" &&
	test_expect_code 2 "$ECOCHECK" "$TEST_TMP/badindex" >out 2>err &&
	test_line_count 1 err &&
	grep -q "index" err
'

test_expect_success JQ 'a shallow clone is checked and reported as shallow' '
	git clone -q --depth 1 "file://$R" "$TEST_TMP/shallow" &&
	ec_json 1 "$TEST_TMP/shallow" &&
	test_eq "$(jq -r .repository.shallow "$TEST_TMP/out.json")" true &&
	test_eq "$(result_of readme)" pass
'

test_done
