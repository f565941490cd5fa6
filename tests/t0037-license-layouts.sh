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

# A repository $1 with fixture $3 copied to each path $2 (path=fixture).
layout_repo() {
	_r=$TEST_TMP/$1
	shift
	rm -rf "$_r" &&
	make_repo "$_r" src/x.py >/dev/null &&
	for _pf in "$@"; do
		mkdir -p "$_r/$(dirname "${_pf%%=*}")" &&
		cp "$FIX/${_pf#*=}" "$_r/${_pf%%=*}" || return 1
	done &&
	git -C "$_r" add -A &&
	test_tick &&
	git -C "$_r" commit -q -m license
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

test_done
