#!/bin/sh
# t0009-history.sh: the commits and contributors rules give the numbers git
# gives for the same repository and window, on histories built here with
# fixed dates: merges, clock skew, edges of the window, the future, two
# roots, .mailmap, case, bots, co-authors, shallow clones, bare repositories
. "$(dirname "$0")/lib.sh"

. "$ECOCHECK_SRCDIR/tests/lib-history.sh"

history_rules 3 2 "\[bot\]"

R=$TEST_TMP/linear
test_expect_success 'linear history: commits and authors as git counts them' '
	git init -q "$R" &&
	i=0 && while [ $i -lt 30 ]; do
		commit_at "$R" $((END - 20 * DAY + i * DAY * 2 / 3)) "Dev $((i % 4))" || exit 1
		i=$((i + 1))
	done &&
	same_as_git 0 "$R" &&
	test "$(result_of commits value)" -gt 0
'

test_expect_success 'commits exactly on both edges of the window count' '
	commit_at "$R" $START "Edge Start" &&
	commit_at "$R" $END "Edge End" &&
	same_as_git 0 "$R" &&
	git -C "$R" log --format=%an --since="@$START +0000" --until="@$END +0000" >names &&
	grep -q "Edge Start" names && grep -q "Edge End" names
'

test_expect_success 'a commit in the future is walked through, not counted' '
	commit_at "$R" $((END + 5 * DAY)) "Time Traveller" &&
	same_as_git 0 "$R" &&
	ec_json 0 $H --as-of "@$END" "$R" &&
	! jq -r ".results[] | select(.rule == \"contributors\") | .evidence[].path" \
		"$TEST_TMP/out.json" | grep -q Traveller
'

M=$TEST_TMP/merges
test_expect_success 'merges and an octopus merge count like git (merges = yes and no)' '
	git init -q "$M" &&
	commit_at "$M" $((END - 9 * DAY)) "Base" &&
	for b in one two three; do
		git -C "$M" checkout -q -b $b main &&
		commit_at "$M" $((END - 8 * DAY)) "Dev $b" || exit 1
	done &&
	git -C "$M" checkout -q main &&
	commit_at "$M" $((END - 7 * DAY)) "Main Dev" &&
	GIT_AUTHOR_DATE="@$((END - 6 * DAY)) +0000" GIT_COMMITTER_DATE="@$((END - 6 * DAY)) +0000" \
		git -C "$M" merge -q --no-ff -m octopus one two three &&
	test "$(git -C "$M" rev-list --min-parents=3 --count HEAD)" = 1 &&
	same_as_git 0 "$M" &&
	ec_json 0 $H --as-of "@$END" --set commits.merges=no "$M" &&
	test_eq "$(result_of commits value)" "$(git_commits "$M" HEAD --no-merges)"
'

S=$TEST_TMP/skew
test_expect_success 'clock skew: a child older than its parent cuts the walk where git does' '
	git init -q "$S" &&
	commit_at "$S" $((END - 5 * DAY)) "Old One" &&
	commit_at "$S" $((END - 4 * DAY)) "Old Two" &&
	commit_at "$S" $((START - 3 * DAY)) "Skewed Clock" &&
	commit_at "$S" $((END - 2 * DAY)) "New One" &&
	same_as_git 1 "$S" &&
	test "$(git -C "$S" rev-list --count HEAD --since="@$START +0000")" -lt 4
'

T=$TEST_TMP/roots
test_expect_success 'two roots merged: both histories are walked' '
	git init -q "$T" &&
	commit_at "$T" $((END - 6 * DAY)) "Root A" &&
	git -C "$T" checkout -q --orphan other &&
	commit_at "$T" $((END - 5 * DAY)) "Root B" &&
	git -C "$T" checkout -q main &&
	GIT_AUTHOR_DATE="@$((END - DAY)) +0000" GIT_COMMITTER_DATE="@$((END - DAY)) +0000" \
		git -C "$T" merge -q --allow-unrelated-histories -m join other &&
	same_as_git 0 "$T" &&
	test_eq "$(result_of commits value)" 3
'

MM=$TEST_TMP/mailmap
test_expect_success '.mailmap (name and email forms) and email case, as git --use-mailmap' '
	git init -q "$MM" &&
	GIT_AUTHOR_DATE="@$((END - 5 * DAY)) +0000" GIT_COMMITTER_DATE="@$((END - 5 * DAY)) +0000" \
		GIT_AUTHOR_NAME=Jane GIT_AUTHOR_EMAIL=Jane@Example.COM git -C "$MM" commit -q --allow-empty -m a &&
	GIT_AUTHOR_DATE="@$((END - 4 * DAY)) +0000" GIT_COMMITTER_DATE="@$((END - 4 * DAY)) +0000" \
		GIT_AUTHOR_NAME=Jane GIT_AUTHOR_EMAIL=jane@example.com git -C "$MM" commit -q --allow-empty -m b &&
	GIT_AUTHOR_DATE="@$((END - 3 * DAY)) +0000" GIT_COMMITTER_DATE="@$((END - 3 * DAY)) +0000" \
		GIT_AUTHOR_NAME="J. Doe" GIT_AUTHOR_EMAIL=jdoe@old.example git -C "$MM" commit -q --allow-empty -m c &&
	GIT_AUTHOR_DATE="@$((END - 2 * DAY)) +0000" GIT_COMMITTER_DATE="@$((END - 2 * DAY)) +0000" \
		GIT_AUTHOR_NAME="Bob" GIT_AUTHOR_EMAIL=bob@laptop.local git -C "$MM" commit -q --allow-empty -m d &&
	GIT_AUTHOR_DATE="@$((END - 2 * DAY)) +0000" GIT_COMMITTER_DATE="@$((END - 2 * DAY)) +0000" \
		GIT_AUTHOR_NAME="dependabot[bot]" GIT_AUTHOR_EMAIL="49699333+dependabot[bot]@users.noreply.github.com" \
		git -C "$MM" commit -q --allow-empty -m bump &&
	same_as_git 0 "$MM" &&
	printf "%s\n" "Jane Doe <jane@example.com> <jdoe@old.example>" \
		"Bob <bob@example.com> <bob@laptop.local>" >"$MM/.mailmap" &&
	same_as_git 0 "$MM" &&
	test_eq "$(result_of contributors value)" 2
'

test_expect_success 'the .mailmap comes from the tree source (bare repository: HEAD)' '
	git -C "$MM" add .mailmap &&
	GIT_AUTHOR_DATE="@$((END - DAY)) +0000" GIT_COMMITTER_DATE="@$((END - DAY)) +0000" \
		GIT_AUTHOR_NAME=Jane GIT_AUTHOR_EMAIL=jane@example.com git -C "$MM" commit -q -m mailmap &&
	git clone -q --bare "$MM" "$TEST_TMP/mailmap.git" &&
	ec_json 0 $H --as-of "@$END" "$TEST_TMP/mailmap.git" &&
	test_eq "$(result_of contributors value)" \
		"$(git -C "$TEST_TMP/mailmap.git" log --use-mailmap --since="@$START +0000" \
			--until="@$END +0000" --format=%aE HEAD | tr A-Z a-z | sort -u | grep -v -F "[bot]" | wc -l)" &&
	test_eq "$(result_of contributors value)" 2
'

test_expect_success 'bots are excluded by the rule, and shown as excluded' '
	ec_json 0 $H --as-of "@$END" --set "contributors.exclude=nomatch^" "$MM" &&
	test_eq "$(result_of contributors value)" 3 &&
	test_expect_code 0 "$ECOCHECK" $H --as-of "@$END" --width 0 "$MM" >out &&
	grep -q "dependabot\[bot\].*(excluded)" out
'

test_expect_success 'coauthors = yes adds Co-authored-by: trailers, mailmapped' '
	C=$TEST_TMP/coauthors && git init -q "$C" &&
	printf "%s\n" "Carol <carol@example.com> <carol@old.example>" >"$C/.mailmap" &&
	GIT_AUTHOR_DATE="@$((END - DAY)) +0000" GIT_COMMITTER_DATE="@$((END - DAY)) +0000" \
		git -C "$C" commit -q --allow-empty -m "pair work

Co-authored-by: Carol <carol@old.example>
Co-authored-by: Dan <dan@example.com>" &&
	ec_json 1 $H --as-of "@$END" "$C" &&
	test_eq "$(result_of contributors value)" 1 &&
	ec_json 1 $H --as-of "@$END" --set contributors.coauthors=yes "$C" &&
	want=$( { git -C "$C" log --use-mailmap --format=%aE HEAD &&
		git -C "$C" log --format="%(trailers:key=Co-authored-by,valueonly)" HEAD |
		sed "/^\$/d" | git -C "$C" check-mailmap --stdin | sed "s/.*<\(.*\)>/\1/"; } |
		tr A-Z a-z | sort -u | wc -l) &&
	test_eq "$(result_of contributors value)" "$want" &&
	test_eq "$want" 3
'

test_expect_success 'the message names the window and the count; the floor passes and says so' '
	ec_json 0 $H --as-of "@$END" --set commits.min=$(git_commits "$R") "$R" &&
	test_eq "$(result_of commits)" pass &&
	result_of commits message | grep -q "exactly the minimum" &&
	result_of commits message | grep -q "10 days before" &&
	ec_json 1 $H --as-of "@$END" --set commits.min=$(( $(git_commits "$R") + 1 )) "$R" &&
	test_eq "$(result_of commits)" fail
'

test_expect_success 'text output shows the window and the top authors like shortlog' '
	test_expect_code 0 "$ECOCHECK" $H --as-of "@$END" "$R" >out &&
	grep -q "window: " out &&
	git -C "$R" shortlog -sne --since="@$START +0000" --until="@$END +0000" HEAD |
		head -1 | sed "s/^ *//" >top &&
	n=$(cut -f1 top) && who=$(cut -f2 top) &&
	grep -q "^ *$n  $who" out
'

test_expect_success '--as-of with a date, a date-time with offset, HEAD, SOURCE_DATE_EPOCH' '
	d=$(TZ=UTC date -d "@$END" +%Y-%m-%dT%H:%M:%SZ) &&
	ec_json 0 $H --as-of "$d" "$R" && c1=$(result_of commits value) &&
	d2=$(TZ=UTC date -d "@$((END + 7200))" +%Y-%m-%dT%H:%M:%S+02:00) &&
	ec_json 0 $H --as-of "$d2" "$R" && c2=$(result_of commits value) &&
	SOURCE_DATE_EPOCH=$END ec_json 0 $H "$R" && c3=$(result_of commits value) &&
	test_eq "$c1" "$(git_commits "$R")" && test_eq "$c2" "$c1" && test_eq "$c3" "$c1" &&
	ec_json 1 $H --as-of HEAD "$R" &&
	ct=$(git -C "$R" log -1 --format=%ct) &&
	test_eq "$(result_of commits value)" \
		"$(git -C "$R" rev-list --count --since="@$((ct - 10 * DAY)) +0000" --until="@$ct +0000" HEAD)"
'

test_expect_success 'shallow clone: a bound that meets the minimum passes' '
	git clone -q --depth 8 "file://$R" "$TEST_TMP/shallow-pass" &&
	ec_json 0 $H --as-of "@$END" "$TEST_TMP/shallow-pass" &&
	test_eq "$(jq -r .repository.shallow "$TEST_TMP/out.json")" true &&
	test_eq "$(result_of commits value)" "$(git_commits "$TEST_TMP/shallow-pass")" &&
	test_eq "$(result_of commits)" pass &&
	result_of commits message | grep -q "shallow"
'

test_expect_success 'shallow clone: a bound under the minimum is unknown, never fail' '
	git clone -q --depth 2 "file://$R" "$TEST_TMP/shallow-unknown" &&
	ec_json 0 $H --as-of "@$END" --set commits.min=100 "$TEST_TMP/shallow-unknown" &&
	test_eq "$(result_of commits)" unknown &&
	result_of commits fix | grep -q "git fetch --unshallow"
'

test_expect_success '--staged skips history rules' '
	ec_json 0 $H --staged "$R" &&
	test_eq "$(result_of commits)" skip &&
	test_eq "$(result_of contributors)" skip
'

test_expect_success '--rev counts the history of that commit' '
	ec_json 0 $H --as-of "@$END" --rev HEAD~3 "$R" &&
	test_eq "$(result_of commits value)" "$(git_commits "$R" HEAD~3)"
'

OLD=$TEST_TMP/old-clone
test_expect_success 'HEAD older than the window: the results say so and suggest --as-of HEAD' '
	git init -q "$OLD" &&
	old=$(TZ=UTC date -d 2023-07-06T12:00:00 +%s 2>/dev/null || echo 1688644800) &&
	test_eq "$old" 1688644800 &&
	commit_at "$OLD" $((old - 2 * DAY)) "Old One" &&
	commit_at "$OLD" $((old - DAY)) "Old Two" &&
	commit_at "$OLD" $old "Old One" &&
	ec_json 1 $H --as-of 2026-09-18T00:00:00Z "$OLD" &&
	for r in commits contributors; do
		test_eq "$(result_of $r)" fail &&
		test_eq "$(result_of $r value)" 0 &&
		result_of $r message >msg &&
		grep -F "HEAD is from 2023-07-06, before the window starting 2026-09-08: 0 $r in the window; check with --as-of HEAD" msg &&
		result_of $r fix >fix &&
		grep -F -e "--as-of HEAD" fix || return 1
	done &&
	ec_json 0 $H --as-of HEAD "$OLD" &&
	test_eq "$(result_of commits value)" 3 &&
	test_eq "$(result_of contributors value)" 2 &&
	result_of commits message >msg &&
	! grep -F "before the window" msg
'

test_expect_success 'a HEAD inside the window that counts too few is not called old' '
	ec_json 1 $H --as-of "@$END" --set commits.min=1000 "$R" &&
	result_of commits message >msg &&
	! grep -F "before the window" msg &&
	grep -F "fewer than 1000" msg
'

test_expect_success 'an empty repository has no commits: fail with 0' '
	git init -q "$TEST_TMP/empty" &&
	ec_json 1 $H --as-of "@$END" "$TEST_TMP/empty" &&
	test_eq "$(result_of commits value)" 0 &&
	test_eq "$(result_of commits)" fail
'

test_expect_success 'a corrupt commit object: one line, exit 2, nothing judged' '
	X=$TEST_TMP/corrupt && git init -q "$X" &&
	commit_at "$X" $((END - 3 * DAY)) "One" &&
	commit_at "$X" $((END - 2 * DAY)) "Two" &&
	bad=$(printf "tree %s\n\nbroken\n" "$(git -C "$X" rev-parse HEAD^{tree} | tr 0-9a-f g-v)" |
		git -C "$X" hash-object -t commit -w --literally --stdin) &&
	echo "$bad" >"$X/.git/refs/heads/main" &&
	test_must_fail git -C "$X" rev-list --count main 2>/dev/null &&
	test_expect_code 2 "$ECOCHECK" $H --as-of "@$END" --rev main "$X" >out 2>err &&
	test ! -s out &&
	test_line_count 1 err &&
	grep -q "^ecocheck: " err
'

test_done
