#!/bin/sh
# t0023-history-hostile.sh: histories and object databases written to fool
# the commits and contributors rules (issue 10, items 9, 10 and 15): a
# .mailmap over 1 MiB, replace refs and info/grafts, a tip without an
# author line or with a date beyond 64 bits, packed blobs over 16 MiB,
# corrupt objects. The numbers are git's, or unknown; never a wrong count.
. "$(dirname "$0")/lib.sh"

. "$ECOCHECK_SRCDIR/tests/lib-history.sh"

history_rules 1 2

# five_commits DIR: five commits by five authors inside the window.
five_commits() {
	git init -q "$1" &&
	for i in 1 2 3 4 5; do
		commit_at "$1" $((END - (8 - i) * DAY)) "Dev $i" || return 1
	done
}

# raw_commit DIR TEXT: write a commit object as given, print its name.
raw_commit() {
	printf "$2" | git -C "$1" hash-object -t commit -w --stdin --literally
}

# --- item 15: tips libgit2 cannot parse ------------------------------------

R=$TEST_TMP/noauthor
test_expect_success 'a HEAD without an author line is counted as git counts it' '
	five_commits "$R" &&
	tree=$(git -C "$R" rev-parse HEAD^{tree}) &&
	parent=$(git -C "$R" rev-parse HEAD) &&
	c=$(raw_commit "$R" "tree $tree\nparent $parent\ncommitter X <x@example.com> $((END - DAY)) +0000\n\nno author\n") &&
	git -C "$R" update-ref HEAD "$c" &&
	test "$(git -C "$R" rev-list --count HEAD)" = 6 &&
	same_as_git 1 "$R" &&
	test_must_fail grep -q "cannot be peeled" "$TEST_TMP/err"
'

test_expect_success '--as-of HEAD takes the committer date of such a HEAD' '
	ec_json 1 $H --as-of HEAD "$R" &&
	result_of commits message | grep -q "before 2026-05-27"
'

test_expect_success 'a HEAD dated beyond 64 bits: walked through as git does' '
	tree=$(git -C "$R" rev-parse HEAD^{tree}) &&
	parent=$(git -C "$R" rev-parse HEAD~1) &&
	c=$(raw_commit "$R" "tree $tree\nparent $parent\nauthor A <a@example.com> 99999999999999999999999 +0000\ncommitter A <a@example.com> 99999999999999999999999 +0000\n\nfar future\n") &&
	git -C "$R" update-ref HEAD "$c" &&
	same_as_git 0 "$R" &&
	test_eq "$(result_of commits value)" 5 &&
	ec_json 1 $H --as-of HEAD "$R"
'

N=$TEST_TMP/noauthor-tree
test_expect_success 'the tree of such a HEAD is read under --rev HEAD and in a bare clone' '
	git init -q "$N" &&
	awk "BEGIN { print \"# Title\"; for (i = 0; i < 300; i++) printf \"word \" }" >"$N/README.md" &&
	git -C "$N" add README.md &&
	test_tick && git -C "$N" commit -q -m readme &&
	c=$(raw_commit "$N" "tree $(git -C "$N" rev-parse HEAD^{tree})\ncommitter X <x@example.com> $((END - DAY)) +0000\n\nno author\n") &&
	git -C "$N" update-ref HEAD "$c" &&
	git -C "$N" ls-tree HEAD | grep -q README.md &&
	ec_json 1 --as-of "@$END" --rev HEAD "$N" &&
	test_eq "$(result_of readme-value)" pass &&
	test_must_be_empty "$TEST_TMP/err" &&
	git clone -q --bare "$N" "$N.git" &&
	ec_json 1 --as-of "@$END" "$N.git" &&
	test_eq "$(result_of readme-value)" pass &&
	test_eq "$(jq -r .repository.head "$TEST_TMP/out.json")" "$c" &&
	test_must_be_empty "$TEST_TMP/err"
'

test_expect_success 'a commit git reads with a malformed parent line: its tree too' '
	c=$(raw_commit "$N" "tree $(git -C "$N" rev-parse HEAD^{tree})\nparent nonsense\n\nodd\n") &&
	git -C "$N" update-ref HEAD "$c" &&
	git -C "$N" ls-tree HEAD | grep -q README.md &&
	ec_json 1 --as-of "@$END" --rev HEAD "$N" &&
	test_eq "$(result_of readme-value)" pass
'

# --- item 15: blobs libgit2 cannot stream, corrupt blobs -------------------

B=$TEST_TMP/bigblob
test_expect_success 'a packed README over 16 MiB is read (its first max_bytes) under --rev and bare' '
	git init -q "$B" &&
	yes "a word of introduction for the packed readme file" | head -c 17000000 >"$B/README.md" &&
	git -C "$B" add README.md &&
	test_tick && git -C "$B" commit -q -m big &&
	git -C "$B" gc -q &&
	test_must_fail test -e "$B/.git/objects/$(git -C "$B" rev-parse HEAD:README.md | cut -c1-2)" &&
	ec_json 1 --rev HEAD "$B" &&
	test_eq "$(result_of readme-value)" pass &&
	test_must_be_empty "$TEST_TMP/err" &&
	git clone -q --bare "$B" "$B.git" &&
	ec_json 1 "$B.git" &&
	test_eq "$(result_of readme-value)" pass
'

C=$TEST_TMP/corrupt
test_expect_success 'a corrupt packed blob: unknown, and one line saying the repository is corrupt' '
	git init -q "$C" &&
	awk "BEGIN { print \"# Title\"; for (i = 0; i < 3000; i++) printf \"word \" }" >"$C/README.md" &&
	git -C "$C" add README.md &&
	test_tick && git -C "$C" commit -q -m c &&
	git -C "$C" gc -q &&
	blob=$(git -C "$C" rev-parse HEAD:README.md) &&
	off=$(git -C "$C" verify-pack -v "$C"/.git/objects/pack/*.idx | awk -v b=$blob "\$1 == b { print \$5 }") &&
	pack=$(echo "$C"/.git/objects/pack/*.pack) &&
	chmod u+w "$pack" &&
	printf "\377\377\377\377\377\377\377\377" |
		dd of="$pack" bs=1 seek=$((off + 12)) conv=notrunc 2>/dev/null &&
	test_must_fail git -C "$C" cat-file -p $blob >/dev/null 2>&1 &&
	ec_json 1 --rev HEAD "$C" &&
	test_eq "$(result_of readme-value)" unknown &&
	test_line_count 1 "$TEST_TMP/err" &&
	grep -q "README.md: the repository is corrupt" "$TEST_TMP/err"
'

# --- truncated loose objects: libgit2 1.5 would inflate them forever -------

# loose DIR OID: the file of a loose object, made writable.
loose() {
	_f=$1/.git/objects/$(echo "$2" | cut -c1-2)/$(echo "$2" | cut -c3-) &&
	chmod u+w "$_f" &&
	echo "$_f"
}

L=$TEST_TMP/loose
test_expect_success 'setup: three commits of a README, all loose' '
	git init -q "$L" &&
	for i in 3 2 1; do
		awk -v i=$i "BEGIN { print \"# Title \" i; for (j = 0; j < 400; j++) printf \"word%d \", j }" \
			>"$L/README.md" &&
		git -C "$L" add README.md &&
		commit_at "$L" $((END - i * DAY)) "Dev $i" || exit 1
	done &&
	test_must_fail test -d "$L/.git/objects/pack/pack-*"
'

test_expect_success 'a truncated HEAD commit: one line naming it, exit 2, no hang' '
	rm -rf "$L-head" && cp -R "$L" "$L-head" &&
	head=$(git -C "$L" rev-parse HEAD) &&
	truncate -s 20 "$(loose "$L-head" $head)" &&
	test_expect_code 2 timeout 20 "$ECOCHECK" $H --as-of "@$END" "$L-head" >out 2>err &&
	test_line_count 0 out &&
	test_line_count 1 err &&
	grep -q "HEAD: the repository is corrupt: object $head: loose object truncated" err &&
	test_expect_code 2 timeout 20 "$ECOCHECK" $H --as-of "@$END" --rev HEAD "$L-head" >out 2>err &&
	test_line_count 1 err
'

test_expect_success 'a truncated parent in the history walk: one line naming it, exit 2' '
	rm -rf "$L-parent" && cp -R "$L" "$L-parent" &&
	parent=$(git -C "$L" rev-parse HEAD~1) &&
	truncate -s 20 "$(loose "$L-parent" $parent)" &&
	test_expect_code 2 timeout 20 "$ECOCHECK" $H --as-of "@$END" "$L-parent" >out 2>err &&
	test_line_count 1 err &&
	grep -q "the repository is corrupt: commit $parent: loose object truncated" err
'

test_expect_success 'a truncated tree under --rev: one line naming it, exit 2' '
	rm -rf "$L-tree" && cp -R "$L" "$L-tree" &&
	tree=$(git -C "$L" rev-parse HEAD^{tree}) &&
	truncate -s 12 "$(loose "$L-tree" $tree)" &&
	test_expect_code 2 timeout 20 "$ECOCHECK" --rev HEAD "$L-tree" >out 2>err &&
	test_line_count 1 err &&
	grep -q "the repository is corrupt: tree $tree: loose object truncated" err
'

test_expect_success 'a truncated blob under --rev: unknown, and one line saying so' '
	rm -rf "$L-blob" && cp -R "$L" "$L-blob" &&
	blob=$(git -C "$L" rev-parse HEAD:README.md) &&
	truncate -s 100 "$(loose "$L-blob" $blob)" &&
	test_must_fail git -C "$L-blob" cat-file blob $blob >/dev/null 2>&1 &&
	test_expect_code 1 timeout 20 "$ECOCHECK" -f json --rev HEAD "$L-blob" \
		>"$TEST_TMP/out.json" 2>"$TEST_TMP/err" &&
	test_eq "$(result_of readme-value)" unknown &&
	test_line_count 1 "$TEST_TMP/err" &&
	grep -q "README.md: the repository is corrupt: object $(echo $blob | cut -c1-12): loose object truncated" "$TEST_TMP/err"
'

test_expect_success 'a loose README over 16 MiB cut short: streamed, unknown, no hang' '
	rm -rf "$L-big" && cp -R "$L" "$L-big" &&
	yes "a word of introduction for the loose readme file" | head -c 17000000 >"$L-big/README.md" &&
	git -C "$L-big" add README.md &&
	commit_at "$L-big" $((END - 1)) "Dev 4" &&
	blob=$(git -C "$L-big" rev-parse HEAD:README.md) &&
	truncate -s 2000 "$(loose "$L-big" $blob)" &&
	test_expect_code 1 timeout 20 "$ECOCHECK" -f json --rev HEAD "$L-big" \
		>"$TEST_TMP/out.json" 2>"$TEST_TMP/err" &&
	test_eq "$(result_of readme-value)" unknown &&
	grep -q "loose object truncated" "$TEST_TMP/err"
'

test_expect_success 'a FIFO for a loose object: one line, never a wait' '
	rm -rf "$L-fifo" && cp -R "$L" "$L-fifo" &&
	blob=$(git -C "$L" rev-parse HEAD:README.md) &&
	f=$(loose "$L-fifo" $blob) && rm -f "$f" && mkfifo "$f" &&
	test_expect_code 1 timeout 20 "$ECOCHECK" -f json --rev HEAD "$L-fifo" \
		>"$TEST_TMP/out.json" 2>"$TEST_TMP/err" &&
	test_eq "$(result_of readme-value)" unknown &&
	grep -q "loose object is not a regular file" "$TEST_TMP/err"
'

test_expect_success 'intact loose objects read as before: same counts as git' '
	same_as_git 0 "$L" &&
	ec_json 1 --rev HEAD "$L" &&
	test_eq "$(result_of readme-value)" pass &&
	test_must_be_empty "$TEST_TMP/err"
'

# --- item 9: a .mailmap read whole ----------------------------------------

MM=$TEST_TMP/mailmap
test_expect_success 'a .mailmap over 1 MiB is read whole: 20 emails of one person are 1' '
	git init -q "$MM" &&
	for i in $(seq 1 20); do
		GIT_AUTHOR_DATE="@$((END - DAY)) +0000" GIT_COMMITTER_DATE="@$((END - DAY)) +0000" \
			GIT_AUTHOR_EMAIL=me$i@example.com \
			git -C "$MM" commit -q --allow-empty -m $i || exit 1
	done &&
	awk "BEGIN { for (i = 0; i < 20000; i++) printf \"# %070d\\n\", i;
		for (i = 1; i <= 20; i++) printf \"Me <me@example.com> <me%d@example.com>\\n\", i }" \
		>"$MM/.mailmap" &&
	test $(wc -c <"$MM/.mailmap") -gt 1048576 &&
	git -C "$MM" add .mailmap &&
	GIT_AUTHOR_DATE="@$((END - DAY)) +0000" GIT_COMMITTER_DATE="@$((END - DAY)) +0000" \
		GIT_AUTHOR_EMAIL=me1@example.com git -C "$MM" commit -q -m mailmap &&
	test "$(git_authors "$MM")" = 1 &&
	same_as_git 1 "$MM" &&
	test_eq "$(result_of contributors)" fail &&
	test_must_be_empty "$TEST_TMP/err"
'

test_expect_success 'a .mailmap too large to read whole: contributors unknown, commits counted' '
	dd if=/dev/zero bs=1048576 count=65 2>/dev/null | tr "\\0" "#" >>"$MM/.mailmap" &&
	ec_json 0 $H --as-of "@$END" "$MM" &&
	test_eq "$(result_of contributors)" unknown &&
	result_of contributors message | grep -q "larger than 64 MiB" &&
	test_eq "$(result_of commits value)" "$(git_commits "$MM")"
'

# --- item 10: replace refs and grafts ---------------------------------------

G=$TEST_TMP/replaced
test_expect_success 'a replace ref that cuts the history: git counts 3, so does ecocheck' '
	five_commits "$G" &&
	git -C "$G" replace --graft HEAD~2 &&
	test "$(git_commits "$G")" = 3 &&
	same_as_git 0 "$G" &&
	test_eq "$(result_of commits value)" 3
'

test_expect_success 'a replaced tip is read from its replacement (author and date)' '
	tree=$(git -C "$G" rev-parse HEAD^{tree}) &&
	parent=$(git -C "$G" rev-parse HEAD~1) &&
	c=$(raw_commit "$G" "tree $tree
parent $parent
author Other One <other@example.com> $((END - DAY)) +0000
committer C <c@example.com> $((END - DAY)) +0000

replacement
") &&
	git -C "$G" replace HEAD "$c" &&
	git -C "$G" log -1 --format=%ae HEAD >author &&
	grep -q other@example.com author &&
	same_as_git 0 "$G" &&
	ec_json 0 $H --as-of "@$END" "$G" &&
	jq -r ".results[] | select(.rule == \"contributors\") | .evidence[].path" \
		"$TEST_TMP/out.json" | grep -q other@example.com
'

test_expect_success 'core.useReplaceRefs = false: the objects as written, as git' '
	git -C "$G" config core.useReplaceRefs false &&
	test "$(git_commits "$G")" = 5 &&
	same_as_git 0 "$G" &&
	git -C "$G" config --unset core.useReplaceRefs
'

test_expect_success 'packed replace refs count, as for git' '
	git -C "$G" pack-refs --all &&
	test "$(find "$G/.git/refs/replace" -type f | wc -l)" = 0 &&
	test "$(git_commits "$G")" = 3 &&
	same_as_git 0 "$G" &&
	# only packed-refs names them now
	rm -rf "$G/.git/refs/replace" &&
	test "$(git_commits "$G")" = 3 &&
	same_as_git 0 "$G"
'

test_expect_success 'replace refs under another GIT_REPLACE_REF_BASE, as for git' '
	git -C "$G" for-each-ref --format="%(refname) %(objectname)" refs/replace/ >refs &&
	test_line_count 2 refs &&
	while read -r name oid; do
		git -C "$G" update-ref "refs/alt/${name#refs/replace/}" "$oid" &&
		git -C "$G" update-ref -d "$name" || return 1
	done <refs &&
	test "$(git_commits "$G")" = 5 &&
	test "$(GIT_REPLACE_REF_BASE=refs/alt/ git_commits "$G")" = 3 &&
	GIT_REPLACE_REF_BASE=refs/alt/ same_as_git 0 "$G" &&
	while read -r name oid; do
		git -C "$G" update-ref "$name" "$oid" &&
		git -C "$G" update-ref -d "refs/alt/${name#refs/replace/}" || return 1
	done <refs
'

# git dies on these; so does the check of the repository, in one line
test_expect_success 'a replacement that is missing: trouble in one line, not a count' '
	echo 1111111111111111111111111111111111111111 \
		>"$G/.git/refs/replace/$(git -C "$G" rev-parse HEAD~1)" &&
	test_must_fail git -C "$G" rev-list --count HEAD 2>/dev/null &&
	test_expect_code 2 "$ECOCHECK" $H --as-of "@$END" "$G" >out 2>err &&
	test_line_count 0 out &&
	test_line_count 1 err &&
	grep -q "its replacement object is missing" err
'

F=$TEST_TMP/grafted
test_expect_success 'info/grafts that cut the history: git counts 3, so does ecocheck' '
	five_commits "$F" &&
	mkdir -p "$F/.git/info" &&
	git -C "$F" rev-parse HEAD~2 >"$F/.git/info/grafts" &&
	test "$(git_commits "$F" 2>/dev/null)" = 3 &&
	same_as_git 0 "$F" 2>/dev/null &&
	test_eq "$(result_of commits value)" 3
'

test_expect_success 'info/grafts that add a parent make a merge, as git' '
	git init -q "$F-other" &&
	commit_at "$F-other" $((END - 9 * DAY)) "Far Away" &&
	git -C "$F" fetch -q "$F-other" main &&
	other=$(git -C "$F" rev-parse FETCH_HEAD) &&
	{
		echo "# a comment, a blank line and bad data are ignored" &&
		echo &&
		echo "not a graft" &&
		echo "$(git -C "$F" rev-parse HEAD~2) $(git -C "$F" rev-parse HEAD~3) $other" &&
		echo "$(git -C "$F" rev-parse HEAD~2)"
	} >"$F/.git/info/grafts" &&
	test "$(git_commits "$F" 2>/dev/null)" = 6 &&
	same_as_git 0 "$F" 2>/dev/null &&
	ec_json 0 $H --as-of "@$END" --set commits.merges=no "$F" &&
	test_eq "$(result_of commits value)" \
		"$(git -C "$F" rev-list --count --no-merges --since="@$START +0000" HEAD 2>/dev/null)"
'

test_expect_success 'a FIFO as info/grafts: one line of trouble, never a hang' '
	rm "$F/.git/info/grafts" &&
	mkfifo "$F/.git/info/grafts" &&
	test_when_finished "rm -f \"$F/.git/info/grafts\"" &&
	test_expect_code 2 timeout 20 "$ECOCHECK" $H --as-of "@$END" "$F" \
		>out 2>err &&
	test_line_count 1 err &&
	grep -q "info/grafts: not a regular file" err
'

test_done
