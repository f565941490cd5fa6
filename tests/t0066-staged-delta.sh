#!/bin/sh
# t0066-staged-delta.sh: --staged judges HEAD's tree by taking the index's
# answer for every rule (and every cached aggregate, such as the Python
# metadata) whose reads the two trees do not differ in. Whatever it takes,
# HEAD's statuses must be those of HEAD judged alone (--rev HEAD): for each
# change below, in both directions (HEAD before the change and the index
# after it, then the other way round), every rule's head_status equals its
# status under --rev HEAD, and the change does move some rule, so that the
# comparison is not of two equal trees.
. "$(dirname "$0")/lib.sh"

if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_done
fi

R=$TEST_TMP/repo
test_expect_success 'a project with every file the rules read' '
	git init -q "$R" &&
	write_demo_docs "$R" &&
	cp "$ECOCHECK_SRCDIR/LICENSE.md" "$R/LICENSE.md" &&
	printf "# Maintainers\n\n| Name | GitHub |\n|---|---|\n| Ada Lovelace | @ada |\n| Alan Turing | @aturing |\n\n## Emeritus\n\n- Grace Hopper (@ghopper)\n" >"$R/MAINTAINERS.md" &&
	printf "# Governance\n\nDecisions are made by the maintainers listed in MAINTAINERS.md, by lazy consensus; a vote of the maintainers settles disagreements.\n" >"$R/GOVERNANCE.md" &&
	mkdir -p "$R/.github" "$R/third_party/tiny" &&
	printf "* @ada @aturing\n" >"$R/.github/CODEOWNERS" &&
	cp "$ECOCHECK_SRCDIR/CODE_OF_CONDUCT.md" "$R/CODE_OF_CONDUCT.md" &&
	printf "int tiny(void) { return 1; }\n" >"$R/third_party/tiny/tiny.c" &&
	cp "$ECOCHECK_SRCDIR/LICENSE.md" "$R/third_party/tiny/LICENSE" &&
	git -C "$R" add -A &&
	test_tick &&
	git -C "$R" commit -q -m initial
'

# change NAME: make the change NAME in the working tree of $R and stage it.
change() {
	case $1 in
	readme) printf "\nMore about the demo.\n" >>"$R/README.md" ;;
	install) sed -i "/^## Quick start/,/^\`\`\`\$/d" "$R/README.md" ;;
	license) git -C "$R" rm -q LICENSE.md ;;
	codeowners) git -C "$R" rm -q .github/CODEOWNERS ;;
	maintainers) git -C "$R" rm -q MAINTAINERS.md ;;
	governance) git -C "$R" rm -q GOVERNANCE.md ;;
	tests) git -C "$R" rm -q -r tests ;;
	ci) git -C "$R" rm -q -r .github/workflows ;;
	torch) sed -i "s/torch/tarch/" "$R/pyproject.toml" ;;
	contributing) git -C "$R" rm -q CONTRIBUTING.md ;;
	vendored) git -C "$R" rm -q third_party/tiny/LICENSE ;;
	esac &&
	git -C "$R" add -A
}

# same_as_rev WHAT: every rule judged at HEAD by --staged has the status
# --rev HEAD gives it; $TEST_TMP/moved gets the rules whose status the
# index changes.
same_as_rev() {
	"$ECOCHECK" --staged --format json "$R" >"$TEST_TMP/staged.json"
	_st=$?
	[ "$_st" -le 1 ] || { echo "$1: --staged exit status $_st" >&3; return 1; }
	"$ECOCHECK" --rev HEAD --format json "$R" >"$TEST_TMP/rev.json"
	_st=$?
	[ "$_st" -le 1 ] || { echo "$1: --rev exit status $_st" >&3; return 1; }
	jq -r ".baseline.rules[] | select(.head_status != null and .head_status != \"skip\") | \"\(.rule) \(.head_status)\"" \
		"$TEST_TMP/staged.json" | sort >"$TEST_TMP/head" &&
	jq -r ".results[] | \"\(.rule) \(.status)\"" "$TEST_TMP/rev.json" |
		sort >"$TEST_TMP/alone" &&
	jq -r ".results[] | \"\(.rule) \(.status)\"" "$TEST_TMP/staged.json" |
		sort >"$TEST_TMP/index" &&
	join "$TEST_TMP/head" "$TEST_TMP/index" |
		awk "\$2 != \$3 { print \$1 }" >"$TEST_TMP/moved" &&
	test "$(wc -l <"$TEST_TMP/head")" -gt 10 &&
	join "$TEST_TMP/head" "$TEST_TMP/alone" |
		awk -v w="$1" "\$2 != \$3 { print w \": \" \$1 \" judged \" \$2 \" at HEAD by --staged, \" \$3 \" by --rev HEAD\"; bad = 1 } END { exit bad }" >&3
}

for c in readme install license codeowners maintainers governance tests ci torch contributing vendored; do
	test_expect_success "$c: HEAD before, the index after: HEAD judged as alone" "
		git -C \"\$R\" reset -q --hard &&
		change $c &&
		same_as_rev \"$c forward\" &&
		{ test $c = readme || test -s \"\$TEST_TMP/moved\"; }
	"
	test_expect_success "$c: HEAD after, the index before: HEAD judged as alone" "
		test_tick &&
		git -C \"\$R\" commit -q --allow-empty -m $c &&
		git -C \"\$R\" read-tree HEAD~1 &&
		same_as_rev \"$c backward\" &&
		{ test $c = readme || test -s \"\$TEST_TMP/moved\"; } &&
		git -C \"\$R\" reset -q --hard HEAD~1
	"
done

test_expect_success 'nothing staged: every rule at HEAD as in the index' '
	git -C "$R" reset -q --hard &&
	same_as_rev unchanged &&
	test_must_be_empty "$TEST_TMP/moved"
'

test_done
