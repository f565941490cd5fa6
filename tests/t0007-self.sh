#!/bin/sh
# t0007-self.sh: ecocheck passes its own community-health and
# github-community rule sets and its own pytorch-ecosystem file rules (the
# project eats its own cooking)
. "$(dirname "$0")/lib.sh"

if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_done
fi

S=$ECOCHECK_SRCDIR
if ! git -C "$S" rev-parse --git-dir >/dev/null 2>&1; then
	test_skip 'ecocheck on its own checkout' 'the source tree is not a git checkout'
	test_done
	exit
fi

test_expect_success 'ecocheck passes community-health, every rule' '
	ec_json 0 -r community-health "$S" &&
	jq -c ".results[] | select(.result != \"pass\")" "$TEST_TMP/out.json" >not-passed &&
	test_line_count 0 not-passed
'

test_expect_success 'ecocheck passes github-community, all but the facts only GitHub knows' '
	ec_json 0 -r github-community "$S" &&
	jq -r ".results[] | select(.result != \"pass\") | .rule" "$TEST_TMP/out.json" >not-passed &&
	printf "description\ncontent-reports\n" >want &&
	test_cmp want not-passed
'

test_expect_success 'ecocheck passes every osps-baseline control a checkout decides' '
	ec_json 0 -r osps-baseline "$S" &&
	jq -r ".results[] | select(.result == \"fail\") | .rule" "$TEST_TMP/out.json" >failed &&
	test_line_count 0 failed
'

test_expect_success 'ecocheck passes its pytorch-ecosystem file rules' '
	ec_json 1 "$S" &&
	for id in governance license-file readme contributing codeowners code-of-conduct; do
		test_eq "$(result_of $id)" pass || exit 1
	done
'

test_done
