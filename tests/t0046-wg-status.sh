#!/bin/sh
# t0046-wg-status.sh: the Working Group's four statuses (DESIGN.md, "The
# Working Group's own scoring") come from one mapping beside the judge,
# and every report gives the same one: pass is Pass, a failure at level
# error Fail, one at a lower level or an unknown result Caution, a result
# a person must decide Needs human judgment; a skipped rule none of them.
. "$(dirname "$0")/lib.sh"

if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_done
fi

R=$TEST_TMP/repo
make_repo "$R" README.md >/dev/null

# One rule for each status, on the same repository.
cat >"$TEST_TMP/s.ini" <<'INI'
[ruleset]
name = statuses
requirement = 1 Read me
requirement = 2 Notice
[present]
type = file
path = README.md
requirement = 1
[absent-error]
type = file
path = NOTICE
requirement = 2
[absent-warning]
type = file
path = AUTHORS
level = warning
requirement = 2
[fact-not-given]
type = fact
fact = stars
min = 200
[off]
type = file
path = README.md
level = off
INI

test_expect_success 'each result has the status the mapping gives it' '
	ec_json 1 -r "$TEST_TMP/s.ini" "$R" &&
	for pair in present:pass absent-error:fail absent-warning:caution \
	    fact-not-given:judgment off:skip; do
		test_eq "$pair" "${pair%%:*}:$(result_of "${pair%%:*}" status)" || return 1
	done
'

test_expect_success 'unknown is a Caution; a given fact below its minimum fails' '
	ec_json 1 -r "$TEST_TMP/s.ini" --fact stars=250 "$R" &&
	test_eq "$(result_of fact-not-given status)" pass &&
	ec_json 1 -r "$TEST_TMP/s.ini" --fact stars=10 "$R" &&
	test_eq "$(result_of fact-not-given status)" fail &&
	printf "[ruleset]\nname = u\n[u]\ntype = commits\nmin = 5\n" >"$TEST_TMP/u.ini" &&
	make_repo "$TEST_TMP/deep" README.md >/dev/null &&
	test_tick &&
	git -C "$TEST_TMP/deep" commit -q --allow-empty -m second &&
	git clone -q --depth 1 "file://$TEST_TMP/deep" "$TEST_TMP/shallow" &&
	ec_json 0 -r "$TEST_TMP/u.ini" --as-of HEAD "$TEST_TMP/shallow" &&
	test_eq "$(result_of u):$(result_of u status)" unknown:caution
'

test_expect_success 'a level lowered by --set moves the status with it' '
	ec_json 0 -r "$TEST_TMP/s.ini" --set absent-error.level=warning "$R" &&
	test_eq "$(result_of absent-error status)" caution
'

test_expect_success 'the summary counts agree with the statuses' '
	ec_json 1 -r "$TEST_TMP/s.ini" "$R" &&
	test_eq "$(jq "[.results[] | select(.status == \"fail\")] | length" "$TEST_TMP/out.json")" \
		"$(jq .summary.errors_failed "$TEST_TMP/out.json")"
'

test_done
