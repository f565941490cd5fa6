#!/bin/sh
# t0021-hostile-files.sh: files a hostile repository (or a broken home
# directory) puts where ecocheck or libgit2 reads: a FIFO never blocks
# (refused in one line, exit 2, or skipped as git skips it), sizes are
# never read to be compared, a file rule is not fooled by a directory or a
# FIFO, random bytes are no README, an unreadable file is said once.
. "$(dirname "$0")/lib.sh"

if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_done
fi
if command -v timeout >/dev/null 2>&1 && command -v mkfifo >/dev/null 2>&1
then
	test_set_prereq FIFO
fi

# A fresh repository $1 with a README.md, committed.
fresh() {
	make_repo "$1" README.md >/dev/null
}

# ec_bounded STATUS ARGS...: ec_json, bounded: a hang fails in seconds.
ec_bounded() {
	ec_wrap='timeout 20'
	ec_json "$@"
	_rc=$?
	ec_wrap=
	return "$_rc"
}

# The standard error must be exactly the line $1.
err_is() {
	echo "$1" >"$TEST_TMP/err.want" &&
	test_cmp "$TEST_TMP/err.want" "$TEST_TMP/err"
}

test_expect_success FIFO 'a FIFO .git/index is refused in one line, exit 2' '
	R=$TEST_TMP/index-fifo && fresh "$R" &&
	rm "$R/.git/index" && mkfifo "$R/.git/index" &&
	ec_bounded 2 "$R" &&
	err_is "ecocheck: $R/.git/index: cannot read the index: not a regular file"
'

test_expect_success FIFO 'a FIFO GIT_INDEX_FILE is refused in one line, exit 2' '
	R=$TEST_TMP/env-fifo && fresh "$R" &&
	mkfifo "$TEST_TMP/idx.fifo" &&
	GIT_INDEX_FILE=$TEST_TMP/idx.fifo ec_bounded 2 --staged "$R" &&
	err_is "ecocheck: $TEST_TMP/idx.fifo: cannot read the index: not a regular file"
'

test_expect_success FIFO 'a FIFO given to --rules is refused in one line, exit 2' '
	R=$TEST_TMP/rules-fifo && fresh "$R" &&
	mkfifo "$TEST_TMP/rules.fifo" &&
	ec_bounded 2 -r "$TEST_TMP/rules.fifo" "$R" &&
	err_is "ecocheck: $TEST_TMP/rules.fifo: not a regular file"
'

test_expect_success FIFO 'a FIFO .git/config is refused before libgit2 opens it' '
	R=$TEST_TMP/config-fifo && fresh "$R" &&
	rm "$R/.git/config" && mkfifo "$R/.git/config" &&
	ec_bounded 2 "$R" &&
	err_is "ecocheck: $R/.git/config: not a regular file; refusing to read it"
'

test_expect_success FIFO 'a FIFO .gitignore, even deep down, is refused' '
	R=$TEST_TMP/gitignore-fifo && fresh "$R" &&
	mkdir -p "$R/a/b" && echo u >"$R/a/b/u.md" &&
	mkfifo "$R/a/b/.gitignore" &&
	ec_bounded 2 "$R" &&
	err_is "ecocheck: $R/a/b/.gitignore: not a regular file; refusing to read it"
'

test_expect_success FIFO 'a FIFO .git/info/exclude is refused' '
	R=$TEST_TMP/exclude-fifo && fresh "$R" &&
	mkdir -p "$R/.git/info" && rm -f "$R/.git/info/exclude" &&
	mkfifo "$R/.git/info/exclude" &&
	ec_bounded 2 "$R" &&
	err_is "ecocheck: $R/.git/info/exclude: not a regular file; refusing to read it"
'

test_expect_success FIFO 'a FIFO core.excludesFile is refused' '
	R=$TEST_TMP/excludesfile-fifo && fresh "$R" &&
	mkfifo "$TEST_TMP/ignore.fifo" &&
	test_when_finished "git config --global --unset core.excludesFile" &&
	git config --global core.excludesFile "$TEST_TMP/ignore.fifo" &&
	ec_bounded 2 "$R" &&
	err_is "ecocheck: $TEST_TMP/ignore.fifo: not a regular file; refusing to read it"
'

test_expect_success FIFO 'a FIFO ~/.gitconfig is skipped with a warning, as git skips what it cannot read' '
	R=$TEST_TMP/home-fifo && fresh "$R" &&
	HOME=$TEST_TMP/fifohome && mkdir -p "$HOME" &&
	mkfifo "$HOME/.gitconfig" &&
	ec_bounded 1 "$R" &&
	err_is "ecocheck: warning: unable to access '\''$HOME/.gitconfig'\'': not a regular file" &&
	test_eq "$(result_of readme)" pass
'

cat >"$TEST_TMP/size.ini" <<'EOF_INI'
[ruleset]
name = size

[lic]
type = file
path = LICENSE.md
min_bytes = 1000000000
EOF_INI

test_expect_success 'min_bytes takes the size from stat: a sparse 100 GB file costs no memory' '
	R=$TEST_TMP/sparse && fresh "$R" &&
	truncate -s 100G "$R/LICENSE.md" &&
	test_when_finished "rm -f \"$R/LICENSE.md\"" &&
	ec_bounded 0 -r "$TEST_TMP/size.ini" "$R" &&
	test_eq "$(result_of lic)" pass &&
	truncate -s 999999999 "$R/LICENSE.md" &&
	ec_bounded 1 -r "$TEST_TMP/size.ini" "$R" &&
	test_eq "$(result_of lic message)" \
		"LICENSE.md has 999999999 bytes, fewer than 1000000000"
'

test_expect_success 'min_bytes under --rev takes the size from the object header' '
	R=$TEST_TMP/header && fresh "$R" &&
	printf "short\n" >"$R/LICENSE.md" &&
	git -C "$R" add LICENSE.md && test_tick &&
	git -C "$R" commit -q -m license &&
	ec_bounded 1 -r "$TEST_TMP/size.ini" --rev HEAD "$R" &&
	test_eq "$(result_of lic message)" \
		"LICENSE.md has 6 bytes, fewer than 1000000000"
'

test_expect_success 'a tracked README.md replaced by a directory is no README' '
	R=$TEST_TMP/readme-dir && fresh "$R" &&
	rm "$R/README.md" && mkdir "$R/README.md" &&
	echo x >"$R/README.md/inner.txt" &&
	ec_bounded 1 "$R" &&
	test_eq "$(result_of readme)" fail &&
	result_of readme message | grep "^no README.md (looked for" &&
	test_eq "$(result_of readme-value)" fail
'

test_expect_success FIFO 'a tracked README.md replaced by a FIFO is no README, and nothing waits' '
	R=$TEST_TMP/readme-fifo && fresh "$R" &&
	rm "$R/README.md" && mkfifo "$R/README.md" &&
	ec_bounded 1 "$R" &&
	test_eq "$(result_of readme)" fail &&
	result_of readme message | grep "^no README.md (looked for" &&
	test_eq "$(result_of readme-value)" fail
'

test_expect_success 'random bytes as README.md are binary for sections, as for contains' '
	R=$TEST_TMP/readme-random && fresh "$R" &&
	awk "BEGIN { srand(7); for (i = 0; i < 200000; i++) printf \"%c\", int(rand() * 256) }" \
		>"$R/README.md" &&
	ec_bounded 1 "$R" &&
	test_eq "$(result_of readme-value)" fail &&
	test_eq "$(result_of readme-value message)" "README.md is a binary file" &&
	test_eq "$(result_of readme-value evidence[0].note)" binary
'

test_expect_success 'a UTF-16 README.md with a byte order mark is decoded' '
	R=$TEST_TMP/readme-utf16 && fresh "$R" &&
	printf "# Demo\n\nDemo is a small library that checks the layout of a project for you.\n\n## Usage\n\nRun it.\n" >utf8.md &&
	iconv -f UTF-8 -t UTF-16LE utf8.md >body &&
	printf "\377\376" >"$R/README.md" && cat body >>"$R/README.md" &&
	ec_bounded 1 "$R" &&
	test_eq "$(result_of readme-value)" pass &&
	result_of readme-release message | grep "found: Demo, Usage"
'

# Unreadable files (lib.sh's ec_reader), in a temporary directory opened
# to the reader.
test_expect_success UNREADABLE 'an unreadable README.md: found, unknown where read, said once' '
	chmod 755 "$TEST_TMP" &&
	R=$TEST_TMP/readme-000 && fresh "$R" &&
	chmod -R a+rX "$R" && chmod 000 "$R/README.md" &&
	mkdir -p "$TEST_TMP/reader" && chmod 777 "$TEST_TMP/reader" &&
	HOME=$TEST_TMP/reader ec_reader 1 "$R" &&
	test_eq "$(result_of readme)" pass &&
	test_eq "$(result_of readme-value)" unknown &&
	test_eq "$(result_of readme-value message)" "README.md cannot be read" &&
	err_is "ecocheck: README.md: Permission denied"
'

test_expect_success UNREADABLE 'an unreadable docs/ is unknown for file as for the others' '
	R=$TEST_TMP/docs-000 && fresh "$R" &&
	mkdir "$R/docs" &&
	printf "# Docs\n\n%0200d\n" 0 >"$R/docs/index.md" &&
	git -C "$R" add docs && test_tick && git -C "$R" commit -q -m docs &&
	chmod -R a+rX "$R" && chmod 000 "$R/docs" &&
	HOME=$TEST_TMP/reader ec_reader 1 "$R" &&
	chmod 755 "$R/docs" &&
	test_eq "$(result_of documentation)" unknown &&
	test_eq "$(result_of documentation message)" "docs/index.md cannot be read"
'

test_expect_success UNREADABLE 'an unreadable .git/index says so, not that it no longer exists' '
	R=$TEST_TMP/index-000 && fresh "$R" &&
	chmod -R a+rX "$R" && chmod 000 "$R/.git/index" &&
	HOME=$TEST_TMP/reader ec_reader 2 "$R" &&
	err_is "ecocheck: $R/.git/index: cannot read the index: Permission denied"
'

test_expect_success UNREADABLE 'an unreadable ~/.gitconfig is skipped with a warning, as git does' '
	R=$TEST_TMP/home-000 && fresh "$R" &&
	chmod -R a+rX "$R" &&
	H=$TEST_TMP/reader-home && mkdir -p "$H" && chmod 755 "$H" &&
	printf "[core]\n" >"$H/.gitconfig" && chmod 000 "$H/.gitconfig" &&
	HOME=$H ec_reader 1 "$R" &&
	err_is "ecocheck: warning: unable to access '\''$H/.gitconfig'\'': Permission denied" &&
	test_eq "$(result_of readme)" pass
'

test_done
