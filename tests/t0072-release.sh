#!/bin/sh
# t0072-release.sh: the release rule type: the newest release tag and its
# age, compared with what git for-each-ref says of the same tags (its
# creatordate), annotated and lightweight, at fixed dates.
. "$(dirname "$0")/lib.sh"

if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_done
fi

printf '[rel]\ntype = release\nlevel = error\nmax_days = 365\n' >"$TEST_TMP/rel.ini"

DAY=86400
T0=1767225600			# 2026-01-01T00:00:00Z
R=$TEST_TMP/tagged
make_repo "$R" README.md >/dev/null

# commit_at DAYS: an empty commit DAYS days after T0.
commit_at() {
	GIT_AUTHOR_DATE="@$((T0 + $1 * DAY)) +0000" \
	GIT_COMMITTER_DATE="@$((T0 + $1 * DAY)) +0000" \
		git -C "$R" commit -q --allow-empty -m "day $1"
}

# atag NAME DAYS: an annotated tag of HEAD made DAYS days after T0.
atag() {
	GIT_COMMITTER_DATE="@$((T0 + $2 * DAY)) +0000" \
		git -C "$R" tag -a -m "release $1" "$1"
}

# newest_by_git AS_OF: "name days" of the newest tag whose name holds a
# digit, made at or before AS_OF, as git for-each-ref dates it.
newest_by_git() {
	git -C "$R" for-each-ref --format="%(creatordate:unix) %(refname:short)" refs/tags |
		awk -v a="$1" -v d=$DAY '$1 <= a && $2 ~ /[0-9]/ { print }' |
		sort -k1,1n -k2,2 | tail -n 1 |
		awk -v a="$1" -v d=$DAY '{ printf "%s %d\n", $2, int((a - $1) / d) }'
}

test_expect_success 'no tag at all: unknown, never a failure' '
	ec_json 0 -r "$TEST_TMP/rel.ini" "$R" &&
	test_eq "$(result_of rel)" unknown &&
	result_of rel message | grep "^no release tag in this clone before "
'

commit_at 10
git -C "$R" tag v0.1
commit_at 100
atag v1.0 120
commit_at 200
git -C "$R" tag nightly
commit_at 300
atag v2.0-rc1 310

test_expect_success 'the newest tag and its age, as git for-each-ref says' '
	asof=$((T0 + 330 * DAY)) &&
	ec_json 0 -r "$TEST_TMP/rel.ini" --as-of "@$asof" "$R" &&
	newest_by_git "$asof" >want &&
	test_eq "$(cat want)" "v2.0-rc1 20" &&
	printf "%s %s\n" "$(result_of rel "evidence[0].path")" "$(result_of rel value)" >got &&
	test_cmp want got &&
	result_of rel message | grep "^v2.0-rc1, tagged on 2026-11-07, 20 days before 2026-11-27 (3 release tags)$"
'

test_expect_success 'tags made after the date checked do not count; a name without a digit never does' '
	asof=$((T0 + 250 * DAY)) &&
	ec_json 0 -r "$TEST_TMP/rel.ini" --as-of "@$asof" "$R" &&
	newest_by_git "$asof" >want &&
	test_eq "$(cat want)" "v1.0 130" &&
	printf "%s %s\n" "$(result_of rel "evidence[0].path")" "$(result_of rel value)" >got &&
	test_cmp want got
'

test_expect_success 'an annotated tag is dated by its tagger, not its commit' '
	asof=$((T0 + 115 * DAY)) &&
	ec_json 0 -r "$TEST_TMP/rel.ini" --as-of "@$asof" "$R" &&
	test_eq "$(result_of rel "evidence[0].path")" v0.1 &&
	test_eq "$(newest_by_git "$asof")" "v0.1 105"
'

test_expect_success 'older than max_days: a failure naming the tag and its date' '
	asof=$((T0 + 800 * DAY)) &&
	ec_json 1 -r "$TEST_TMP/rel.ini" --as-of "@$asof" "$R" &&
	test_eq "$(result_of rel)" fail &&
	result_of rel message | grep "^the newest release tag, v2.0-rc1, was made on 2026-11-07, 490 days before 2028-03-11: more than 365$" &&
	ec_json 0 -r "$TEST_TMP/rel.ini" --set rel.max_days=500 --as-of "@$asof" "$R" &&
	test_eq "$(result_of rel)" pass
'

test_expect_success 'a tag of a tag is followed; a bare clone and --rev say the same' '
	GIT_COMMITTER_DATE="@$((T0 + 320 * DAY)) +0000" \
		git -C "$R" tag -a -m "again" v2.0 v2.0-rc1 &&
	asof=$((T0 + 330 * DAY)) &&
	test_eq "$(newest_by_git "$asof")" "v2.0 10" &&
	git clone -q --bare "$R" "$TEST_TMP/tagged.git" &&
	for where in "$R" "--rev HEAD $R" "$TEST_TMP/tagged.git"; do
		ec_json 0 -r "$TEST_TMP/rel.ini" --as-of "@$asof" $where &&
		test_eq "$(result_of rel "evidence[0].path") $(result_of rel value)" "v2.0 10" || return 1
	done
'

test_expect_success '--staged skips it, as every history rule' '
	ec_json 0 -r "$TEST_TMP/rel.ini" --staged --absolute "$R" &&
	test_eq "$(result_of rel)" skip
'

test_done
