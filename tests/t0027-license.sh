#!/bin/sh
# t0027-license.sh: the license rule type through the shipped rules
# license-permissive (requirement 7) and third-party-licenses
# (requirement 15): the SPDX id named, allowed or not, agreement with
# SPDX-License-Identifier lines and LICENSES/, vendored code.
. "$(dirname "$0")/lib.sh"

if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_done
fi

FIX=$ECOCHECK_SRCDIR/tests/fixtures/licenses

# A repository whose LICENSE.md is fixture $2, plus the files after it.
license_repo() {
	_r=$TEST_TMP/$1
	_lic=$2
	shift 2
	rm -rf "$_r" &&
	make_repo "$_r" "$@" >/dev/null &&
	cp "$FIX/$_lic" "$_r/LICENSE.md" &&
	git -C "$_r" add -A &&
	test_tick &&
	git -C "$_r" commit -q -m license
}

# result, level and value of license-permissive, one a line.
permissive() {
	for _k in result level value; do
		result_of license-permissive "$_k" || return 1
	done
}

test_expect_success 'an MIT license file passes, its id the value' '
	license_repo mit mit-multiline-copyright.txt &&
	ec_json 1 "$TEST_TMP/mit" &&
	permissive >got &&
	printf "pass\nerror\nMIT\n" >want &&
	test_cmp want got &&
	result_of license-permissive message | grep "LICENSE.md is MIT (100.0%)"
'

test_expect_success 'the same under --rev and --staged' '
	ec_json 1 --rev HEAD "$TEST_TMP/mit" &&
	test_eq "$(result_of license-permissive value)" MIT &&
	ec_json 1 --staged --absolute "$TEST_TMP/mit" &&
	test_eq "$(result_of license-permissive value)" MIT
'

test_expect_success 'Markdown Apache-2.0 passes; GPL fails naming it' '
	license_repo apache apache-markdown.md &&
	ec_json 1 "$TEST_TMP/apache" &&
	test_eq "$(result_of license-permissive result)" pass &&
	test_eq "$(result_of license-permissive value)" Apache-2.0 &&
	license_repo gpl gpl-2.0.txt &&
	ec_json 1 "$TEST_TMP/gpl" &&
	test_eq "$(result_of license-permissive result)" fail &&
	test_eq "$(result_of license-permissive value)" GPL-2.0-only &&
	result_of license-permissive message |
		grep "is GPL-2.0-only (.*), which this rule does not allow"
'

test_expect_success 'a near neighbour is not the allowed license' '
	license_repo ncsa cc-by-nc-sa-4.0.md &&
	ec_json 1 "$TEST_TMP/ncsa" &&
	test_eq "$(result_of license-permissive value)" CC-BY-NC-SA-4.0 &&
	test_eq "$(result_of license-permissive result)" fail
'

test_expect_success 'a modified Apache-2.0 is unknown, with the nearest' '
	license_repo mod apache-modified-clause.txt &&
	ec_json 1 "$TEST_TMP/mod" &&
	test_eq "$(result_of license-permissive result)" unknown &&
	test_eq "$(result_of license-permissive value)" NOASSERTION &&
	test_eq "$(result_of license-permissive judgment)" true &&
	result_of license-permissive message | grep "nearest, Apache-2.0" &&
	ec_json 1 "$TEST_TMP/apache" &&
	test_eq "$(result_of license-permissive judgment)" null
'

test_expect_success 'a copyright line alone is no license: NONE fails' '
	license_repo none copyright-only.txt &&
	ec_json 1 "$TEST_TMP/none" &&
	test_eq "$(result_of license-permissive result)" fail &&
	test_eq "$(result_of license-permissive value)" NONE
'

test_expect_success 'a LICENSE (no .md) is judged too; license-file warns' '
	license_repo plain mit-plain.txt &&
	git -C "$TEST_TMP/plain" mv LICENSE.md LICENSE &&
	git -C "$TEST_TMP/plain" commit -q -m rename &&
	ec_json 1 "$TEST_TMP/plain" &&
	test_eq "$(result_of license-permissive value)" MIT &&
	test_eq "$(result_of license-file level)" warning
'

test_expect_success 'SPDX lines that agree are counted' '
	license_repo agree mit-plain.txt &&
	printf "# SPDX-License-Identifier: MIT\nimport os\n" >"$TEST_TMP/agree/a.py" &&
	printf "/* SPDX-License-Identifier: (MIT OR Apache-2.0) */\n" >"$TEST_TMP/agree/b.c" &&
	ec_json 1 "$TEST_TMP/agree" &&
	test_eq "$(result_of license-permissive result)" pass &&
	result_of license-permissive message | grep "2 SPDX-License-Identifier lines agree"
'

test_expect_success 'an SPDX line naming another license is a warning' '
	printf "x = 1\n# SPDX-License-Identifier: GPL-3.0-only\n" >"$TEST_TMP/agree/c.py" &&
	ec_json 1 "$TEST_TMP/agree" &&
	test_eq "$(result_of license-permissive result)" fail &&
	test_eq "$(result_of license-permissive level)" warning &&
	test_eq "$(result_of license-permissive value)" MIT &&
	result_of license-permissive message | grep "c.py:2 says GPL-3.0-only" &&
	test_eq "$(result_of license-permissive "evidence[1].path")" c.py
'

test_expect_success 'vendored SPDX lines are not the project'"'"'s' '
	mkdir -p "$TEST_TMP/agree/third_party/z" &&
	mv "$TEST_TMP/agree/c.py" "$TEST_TMP/agree/third_party/z/c.py" &&
	ec_json 1 "$TEST_TMP/agree" &&
	test_eq "$(result_of license-permissive result)" pass
'

# spread_repo NAME: 100 source files src/m000.py to src/m099.py, no SPDX line.
spread_repo() {
	license_repo "$1" mit-plain.txt &&
	mkdir "$TEST_TMP/$1/src" &&
	_i=0 &&
	while [ $_i -lt 100 ]; do
		printf "x = %d\n" $_i >"$TEST_TMP/$1/src/m$(printf %03d $_i).py" &&
		_i=$((_i + 1)) || return 1
	done
}

test_expect_success 'SPDX lines: 32 of 100 source files read, spread; none has one: the rest are not' '
	spread_repo spread &&
	ec_json 1 "$TEST_TMP/spread" &&
	test_eq "$(result_of license-permissive result)" pass &&
	result_of license-permissive "details[]" >details &&
	grep "^no SPDX-License-Identifier line in 32 of the 100 source files, read spread over the tree" details
'

test_expect_success 'a line in a file the sample skips is not seen, and the detail says so' '
	printf "# SPDX-License-Identifier: GPL-3.0-only\nx = 1\n" >"$TEST_TMP/spread/src/m070.py" &&
	ec_json 1 "$TEST_TMP/spread" &&
	test_eq "$(result_of license-permissive result)" pass &&
	result_of license-permissive "details[]" | grep "32 of the 100 source files"
'

test_expect_success 'one sampled file with a line: every file is read, in order' '
	for f in "$TEST_TMP"/spread/src/m0[0-6]*.py; do
		printf "# SPDX-License-Identifier: MIT\n" >"$f" || return 1
	done &&
	ec_json 1 "$TEST_TMP/spread" &&
	test_eq "$(result_of license-permissive level)" warning &&
	result_of license-permissive message | grep "src/m070.py:1 says GPL-3.0-only" &&
	result_of license-permissive "details // [] | .[]" >details &&
	test_must_fail grep "spread" details
'

test_expect_success 'scan_files bounds the sample too' '
	spread_repo capped &&
	printf "[license-permissive]\nscan_files = 10\n" >"$TEST_TMP/capped/.ecocheck.ini" &&
	ec_json 1 "$TEST_TMP/capped" &&
	result_of license-permissive "details[]" |
		grep "^no SPDX-License-Identifier line in 10 of the 100 source files, read spread over the first scan_files of them" &&
	printf "# SPDX-License-Identifier: MIT\n" >"$TEST_TMP/capped/src/m000.py" &&
	ec_json 1 "$TEST_TMP/capped" &&
	result_of license-permissive message | grep "1 SPDX-License-Identifier line agrees (SPDX lines looked for in the first 10 source files)"
'

test_expect_success 'LICENSES/ of REUSE must hold the license file'"'"'s' '
	license_repo reuse mit-plain.txt &&
	mkdir "$TEST_TMP/reuse/LICENSES" &&
	cp "$FIX/apache-plain.txt" "$TEST_TMP/reuse/LICENSES/Apache-2.0.txt" &&
	ec_json 1 "$TEST_TMP/reuse" &&
	test_eq "$(result_of license-permissive level)" warning &&
	result_of license-permissive message | grep "LICENSES/ holds Apache-2.0 but not MIT" &&
	cp "$FIX/mit-plain.txt" "$TEST_TMP/reuse/LICENSES/MIT.txt" &&
	printf "// SPDX-License-Identifier: Apache-2.0\n" >"$TEST_TMP/reuse/x.js" &&
	ec_json 1 "$TEST_TMP/reuse" &&
	test_eq "$(result_of license-permissive result)" pass
'

test_expect_success 'no vendored directory: third-party-licenses passes' '
	ec_json 1 "$TEST_TMP/mit" &&
	test_eq "$(result_of third-party-licenses result)" pass &&
	result_of third-party-licenses message | grep "no vendored third-party directory"
'

test_expect_success 'a vendored component without a license fails, named' '
	license_repo tp mit-plain.txt third_party/good/src.c third_party/good/LICENSE \
		third_party/bad/src.c third_party/bad/inc/x.h vendor/loose.py &&
	ec_json 1 "$TEST_TMP/tp" &&
	test_eq "$(result_of third-party-licenses result)" fail &&
	result_of third-party-licenses message >msg &&
	grep "2 of 3 vendored components" msg &&
	grep "third_party/bad" msg && grep "vendor/loose.py" msg &&
	! grep "third_party/good" msg
'

test_expect_success 'a notice entry, a header or a loose license file covers' '
	printf "bad: BSD-3-Clause, from example.org\n" >"$TEST_TMP/tp/THIRD_PARTY_NOTICES.md" &&
	printf "# Copyright 2020 Someone. Licensed under the MIT license.\n" >"$TEST_TMP/tp/vendor/loose.py" &&
	ec_json 1 "$TEST_TMP/tp" &&
	test_eq "$(result_of third-party-licenses result)" pass &&
	printf "x\n" >"$TEST_TMP/tp/vendor/other.py" &&
	ec_json 1 "$TEST_TMP/tp" &&
	test_eq "$(result_of third-party-licenses result)" fail &&
	cp "$FIX/mit-plain.txt" "$TEST_TMP/tp/vendor/LICENSE" &&
	ec_json 1 "$TEST_TMP/tp" &&
	test_eq "$(result_of third-party-licenses result)" pass
'

test_expect_success 'pages about other projects are not vendored code' '
	license_repo docs mit-plain.txt docs/source/external/resources.rst \
		third_party/README.md &&
	ec_json 1 "$TEST_TMP/docs" &&
	test_eq "$(result_of third-party-licenses result)" pass
'

test_expect_success 'a submodule below third_party carries its own license' '
	S=$TEST_TMP/sub &&
	make_repo "$S" x.c >/dev/null &&
	license_repo withsub mit-plain.txt &&
	git -C "$TEST_TMP/withsub" -c protocol.file.allow=always \
		submodule add -q "$S" third_party/sub 2>/dev/null &&
	git -C "$TEST_TMP/withsub" commit -q -m sub &&
	ec_json 1 "$TEST_TMP/withsub" &&
	test_eq "$(result_of third-party-licenses result)" pass &&
	result_of third-party-licenses message | grep "1 vendored component"
'

test_expect_success 'a license rule needs file or third_party, one of them' '
	cat >"$TEST_TMP/bad.ini" <<-\EOF &&
	[ruleset]
	name = bad

	[l]
	type = license
	allow = MIT
	EOF
	test_expect_code 2 "$ECOCHECK" -r "$TEST_TMP/bad.ini" "$TEST_TMP/mit" 2>err &&
	grep "bad.ini:4: rule .l.: a license rule needs" err
'

test_done
