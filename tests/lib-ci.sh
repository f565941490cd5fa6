# lib-ci.sh: what the tests of the ci and tests rule types share (t0031,
# t0036, t0044), sourced after lib.sh: the jq they need, the rule-set
# options that keep history out of the exit status, and a repository
# with one CI file.

if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_done
fi

# History is t0009's subject: here it must not decide the exit status.
NOHIST="--set commits.level=off --set contributors.level=off"

# ci_repo NAME PATH TEXT: a repository with one CI file and a test.
ci_repo() {
	_r=$TEST_TMP/$1
	rm -rf "$_r" &&
	make_repo "$_r" tests/test_a.py >/dev/null &&
	mkdir -p "$_r/$(dirname "$2")" &&
	printf '%s\n' "$3" >"$_r/$2" &&
	git -C "$_r" add -A &&
	test_tick &&
	git -C "$_r" commit -q -m ci
}
