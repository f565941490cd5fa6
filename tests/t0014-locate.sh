#!/bin/sh
# t0014-locate.sh: where ecocheck finds a repository and a rule its file:
# git directories named by their own path (bare repositories, snapshots
# with no config file) read as git reads them; directories in GitHub's
# order, names deciding within one; governance and documentation pages
# anywhere in the documentation tree
. "$(dirname "$0")/lib.sh"

if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_done
fi

R=$TEST_TMP/repo
make_repo "$R" README.md LICENSE CONTRIBUTING.md .github/CODEOWNERS \
	docs/index.md >/dev/null
write_demo_docs "$R"
printf '%s\n' "$LF_COC" >"$R/CODE_OF_CONDUCT.md"
test_tick
git -C "$R" add -A
git -C "$R" commit -q -m docs

# Every result of the default rule set on $1 (history as of HEAD), without
# the repository object: what must not depend on how a repository is read.
results() {
	ec_json --as-of HEAD "$1" &&
	jq -c ".results[] | [.rule, .result, .message, .evidence]" \
		"$TEST_TMP/out.json"
}

# Every file under $1 with its contents and metadata.
snapshot() {
	(cd "$1" && find . -print0 | LC_ALL=C sort -z |
		xargs -0 stat -c "%n %s %Y %a %F" &&
	find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha1sum)
}

test_expect_success 'a bare clone with no config file is bare, as git reads it' '
	git clone -q --bare "$R" "$TEST_TMP/snap.git" &&
	rm "$TEST_TMP/snap.git/config" &&
	test_eq "$(git -C "$TEST_TMP/snap.git" rev-parse --is-bare-repository)" true &&
	ec_json "$TEST_TMP/snap.git" &&
	test_eq "$(jq -r .repository.bare "$TEST_TMP/out.json")" true &&
	test_eq "$(jq -r .repository.source "$TEST_TMP/out.json")" commit &&
	test_eq "$(jq -r .repository.path "$TEST_TMP/out.json")" "$TEST_TMP/snap.git"
'

test_expect_success 'the snapshot gives the checkout'"'"'s results, rule by rule' '
	results "$R" >want &&
	test_eq "$(result_of readme)" pass &&
	test_eq "$(result_of license-file)" fail &&
	results "$TEST_TMP/snap.git" >got &&
	test_cmp want got
'

test_expect_success 'a folder inside the snapshot checks the snapshot' '
	results "$TEST_TMP/snap.git/refs" >got &&
	test_cmp want got &&
	test_eq "$(jq -r .repository.path "$TEST_TMP/out.json")" "$TEST_TMP/snap.git" &&
	test_eq "$(jq -r .repository.bare "$TEST_TMP/out.json")" true
'

test_expect_success 'a bare clone with its config gives the same results' '
	git clone -q --bare "$R" "$TEST_TMP/bare.git" &&
	results "$TEST_TMP/bare.git" >got &&
	test_cmp want got &&
	test_eq "$(jq -r .repository.bare "$TEST_TMP/out.json")" true
'

test_expect_success 'a checkout'"'"'s .git named by its own path has no working tree' '
	test_when_finished "rm -f \"\$R/GOVERNANCE.md\"" &&
	echo "How decisions are made." >"$R/GOVERNANCE.md" &&
	test_must_fail git -C "$R/.git" status >/dev/null 2>&1 &&
	ec_json "$R/.git" &&
	test_eq "$(jq -r .repository.source "$TEST_TMP/out.json")" commit &&
	test_eq "$(result_of governance)" fail &&
	ec_json "$R" &&
	test_eq "$(result_of governance)" pass
'

test_expect_success 'core.worktree gives a git directory its working tree, as for git' '
	cp -R "$TEST_TMP/bare.git" "$TEST_TMP/wt.git" &&
	git config -f "$TEST_TMP/wt.git/config" core.bare false &&
	git config -f "$TEST_TMP/wt.git/config" core.worktree "$R" &&
	git -C "$TEST_TMP/wt.git" status >/dev/null &&
	ec_json "$TEST_TMP/wt.git" &&
	test_eq "$(jq -r .repository.source "$TEST_TMP/out.json")" worktree &&
	test_eq "$(jq -r .repository.path "$TEST_TMP/out.json")" "$R"
'

test_expect_success 'core.worktree in a config with no format version is ignored, as by git' '
	cp -R "$TEST_TMP/snap.git" "$TEST_TMP/nover.git" &&
	printf "[core]\n\tworktree = %s\n" "$R" >"$TEST_TMP/nover.git/config" &&
	test_must_fail git -C "$TEST_TMP/nover.git" status >/dev/null 2>&1 &&
	ec_json "$TEST_TMP/nover.git" &&
	test_eq "$(jq -r .repository.source "$TEST_TMP/out.json")" commit
'

test_expect_success '--each lists snapshots and checkouts, not a folder with a stray HEAD' '
	mkdir -p "$TEST_TMP/many/stray" &&
	cp -R "$TEST_TMP/snap.git" "$TEST_TMP/many/a" &&
	git clone -q "$R" "$TEST_TMP/many/b" &&
	echo "ref: refs/heads/main" >"$TEST_TMP/many/stray/HEAD" &&
	test_expect_code 1 "$ECOCHECK" --format json --as-of HEAD \
		--each "$TEST_TMP/many" >out.json &&
	jq -r ".[] | \"\(.repository.path) \(.repository.bare)\"" out.json >got &&
	printf "%s\n" "$TEST_TMP/many/a true" "$TEST_TMP/many/b false" >want &&
	test_cmp want got &&
	jq -c ".[0].results" out.json >a &&
	jq -c ".[1].results" out.json >b &&
	test_cmp a b
'

test_expect_success 'nothing under the snapshot changes' '
	snapshot "$TEST_TMP/snap.git" >before &&
	test_expect_code 1 "$ECOCHECK" "$TEST_TMP/snap.git" >out 2>err &&
	test_expect_code 1 "$ECOCHECK" --format json "$TEST_TMP/snap.git/refs" >out 2>err &&
	snapshot "$TEST_TMP/snap.git" >after &&
	test_cmp before after &&
	test ! -e "$TEST_TMP/snap.git/config"
'

test_done
