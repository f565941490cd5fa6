# lib-history.sh: what the history tests share (t0009, t0023, t0038),
# sourced after lib.sh: a window, a rule set of the two history rules,
# commits at given times, and git's own counts of the same window to
# compare ecocheck's with. The numbers are read from the JSON report, so
# a script without jq is skipped here.

if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_done
fi

DAY=86400
END=1780000000			# the end of the window used below
START=$((END - 10 * DAY))	# window_days = 10

# history_rules COMMITS CONTRIBUTORS [EXCLUDE]: a rule set of the commits
# and contributors rules over a window of ten days, with these minimums
# (and bots matching EXCLUDE left out), in H as ecocheck's options.
history_rules() {
	{
		printf '[ruleset]\nname = history\nwindow_days = 10\n'
		printf '[commits]\ntype = commits\nmin = %s\n' "$1"
		printf '[contributors]\ntype = contributors\nmin = %s\n' "$2"
		test -z "${3:-}" || printf 'exclude = %s\n' "$3"
	} >"$TEST_TMP/h.ini"
	H="-r $TEST_TMP/h.ini"
}

# commit_at DIR EPOCH NAME [MESSAGE]: an empty commit by NAME at EPOCH.
commit_at() {
	GIT_AUTHOR_DATE="@$2 +0000" GIT_COMMITTER_DATE="@$2 +0000" \
	GIT_AUTHOR_NAME="$3" GIT_AUTHOR_EMAIL="$(echo "$3" | tr -d " ")@example.com" \
		git -C "$1" commit -q --allow-empty -m "${4:-commit at $2}"
}

# What git says of the window [START, END] of REV in DIR (bots left out,
# as the rule sets of these tests leave them out).
git_commits() {
	git -C "$1" rev-list --count --since="@$START +0000" --until="@$END +0000" ${3:-} "${2:-HEAD}"
}
git_authors() {
	git -C "$1" log --use-mailmap --since="@$START +0000" --until="@$END +0000" \
		--format=%aE ${3:-} "${2:-HEAD}" | tr A-Z a-z | sort -u | grep -v -F "[bot]" | wc -l
}

# ecocheck's numbers must be git's, and its exit status STATUS (1 when
# the window holds fewer commits or contributors than the rule set's
# minimum): same_as_git STATUS DIR [ecocheck options]
same_as_git() {
	_status=$1
	_dir=$2
	shift 2
	ec_json "$_status" $H --as-of "@$END" "$@" "$_dir" &&
	_c=$(result_of commits value) && _a=$(result_of contributors value) &&
	_gc=$(git_commits "$_dir") && _ga=$(git_authors "$_dir") &&
	echo "commits: ecocheck $_c, git $_gc; contributors: ecocheck $_a, git $_ga" &&
	test_eq "$_c" "$_gc" && test_eq "$_a" "$_ga"
}
