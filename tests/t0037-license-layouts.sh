#!/bin/sh
# t0037-license-layouts.sh: license files in the layouts projects use
# (LICENSE-MIT beside LICENSE-APACHE, COPYING with COPYING.LESSER, a
# REUSE LICENSES/ folder alone) for license-permissive and license-file,
# and third-party-licenses on what vendored directories hold.
. "$(dirname "$0")/lib.sh"

if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_done
fi

FIX=$ECOCHECK_SRCDIR/tests/fixtures/licenses

# layout_repo NAME PATH=FIXTURE...: license fixtures at those paths.
layout_repo() {
	_name=$1
	shift
	copy_repo "$_name" "$FIX" "$@"
}

test_expect_success 'LICENSE-MIT beside LICENSE-APACHE: both found, permissive' '
	layout_repo dual LICENSE-MIT=mit-plain.txt LICENSE-APACHE=apache-plain.txt &&
	ec_json 1 "$TEST_TMP/dual" &&
	test_eq "$(result_of license-permissive result)" pass &&
	result_of license-permissive message >msg &&
	grep "LICENSE-APACHE is Apache-2.0" msg &&
	grep "LICENSE-MIT is MIT" msg &&
	test_eq "$(result_of license-file result)" fail &&
	test_eq "$(result_of license-file level)" warning
'

test_expect_success 'a copyleft file among them is a Caution naming it' '
	layout_repo mixed LICENSE-MIT=mit-plain.txt LICENSE-GPL=gpl-2.0.txt &&
	ec_json 1 "$TEST_TMP/mixed" &&
	test_eq "$(result_of license-permissive result)" fail &&
	test_eq "$(result_of license-permissive level)" warning &&
	result_of license-permissive message | grep "LICENSE-GPL is GPL-2.0-only"
'

test_expect_success 'a choice the project states passes on its permissive option' '
	printf "[project]\nname = \"m\"\nlicense = \"MIT OR GPL-2.0-only\"\n" \
		>"$TEST_TMP/mixed/pyproject.toml" &&
	ec_json 1 "$TEST_TMP/mixed" &&
	test_eq "$(result_of license-permissive result)" pass &&
	result_of license-permissive message | grep "MIT OR GPL-2.0-only"
'

test_expect_success 'no permissive license among them fails' '
	layout_repo gpls LICENSE-GPL=gpl-2.0.txt &&
	ec_json 1 "$TEST_TMP/gpls" &&
	test_eq "$(result_of license-permissive result)" fail &&
	test_eq "$(result_of license-permissive level)" error
'

test_expect_success 'a REUSE LICENSES/ folder with no root file is read' '
	layout_repo reuse LICENSES/MIT.txt=mit-plain.txt &&
	ec_json 1 "$TEST_TMP/reuse" &&
	test_eq "$(result_of license-permissive result)" pass &&
	test_eq "$(result_of license-permissive value)" MIT &&
	test_eq "$(result_of license-file level)" warning
'

test_expect_success 'a third-party notice named LICENSE-3RD-PARTY is not the license' '
	layout_repo notice LICENSE-MIT=mit-plain.txt LICENSE-3RD-PARTY.txt=gpl-2.0.txt &&
	ec_json 1 "$TEST_TMP/notice" &&
	test_eq "$(result_of license-permissive result)" pass &&
	test_eq "$(result_of license-permissive value)" MIT
'

test_expect_success 'an empty __init__.py under external/ is not vendored code' '
	layout_repo ext LICENSE.md=mit-plain.txt &&
	R=$TEST_TMP/ext &&
	mkdir -p "$R/external" "$R/pkg/vendor" &&
	: >"$R/external/__init__.py" &&
	printf "# -*- coding: utf-8 -*-\n\n#  vendored helpers\n" >"$R/pkg/vendor/__init__.py" &&
	git -C "$R" add -A && git -C "$R" commit -q -m init &&
	ec_json 1 "$R" &&
	test_eq "$(result_of third-party-licenses result)" pass &&
	printf "import os\n" >"$R/external/__init__.py" &&
	git -C "$R" commit -q -a -m code &&
	ec_json 1 "$R" &&
	test_eq "$(result_of third-party-licenses result)" fail &&
	result_of third-party-licenses message | grep "external/__init__.py" &&
	! result_of third-party-licenses message | grep "pkg/vendor/__init__.py"
'

test_expect_success 'notices named LICENSE-3RD-PARTY or in LICENSES/ count' '
	layout_repo tpn LICENSE.md=mit-plain.txt third_party/zstdlib/lib.c=empty.txt &&
	R=$TEST_TMP/tpn &&
	ec_json 1 "$R" &&
	test_eq "$(result_of third-party-licenses result)" fail &&
	printf "zstdlib: BSD-3-Clause\n" >"$R/LICENSE-3RD-PARTY.txt" &&
	git -C "$R" add -A && git -C "$R" commit -q -m notice &&
	ec_json 1 "$R" &&
	test_eq "$(result_of third-party-licenses result)" pass &&
	git -C "$R" rm -q LICENSE-3RD-PARTY.txt &&
	mkdir -p "$R/LICENSES" &&
	cp "$FIX/bsd3-clear.txt" "$R/LICENSES/zstdlib-BSD-3-Clause-Clear.txt" &&
	git -C "$R" add -A && git -C "$R" commit -q -m reuse &&
	ec_json 1 "$R" &&
	test_eq "$(result_of third-party-licenses result)" pass &&
	result_of third-party-licenses evidence | grep "notice"
'

test_expect_success 'a vendored directory whose files name their license carries it' '
	layout_repo hdr LICENSE.md=mit-plain.txt &&
	R=$TEST_TMP/hdr &&
	mkdir -p "$R/vendor/tiny" &&
	printf "// SPDX-License-Identifier: MIT\nint a;\n" >"$R/vendor/tiny/a.c" &&
	printf "/* SPDX-License-Identifier: MIT */\nint b;\n" >"$R/vendor/tiny/b.h" &&
	git -C "$R" add -A && git -C "$R" commit -q -m tiny &&
	ec_json 1 "$R" &&
	test_eq "$(result_of third-party-licenses result)" pass &&
	printf "int c;\n" >"$R/vendor/tiny/c.c" &&
	git -C "$R" add -A && git -C "$R" commit -q -m c &&
	ec_json 1 "$R" &&
	test_eq "$(result_of third-party-licenses result)" fail
'

test_done
