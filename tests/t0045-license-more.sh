#!/bin/sh
# t0045-license-more.sh: the GNU layout of the LGPL (COPYING beside
# COPYING.LESSER) and REUSE's LICENSES/ for license-permissive, the fix
# license-file gives for several license files, and third-party-licenses
# on code a README or a Python file's first comment says was adapted
# from outside repositories.
. "$(dirname "$0")/lib.sh"

if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_done
fi

LIC=$ECOCHECK_SRCDIR/rules/licenses
FIX=$ECOCHECK_SRCDIR/tests/fixtures/licenses

# gnu_repo NAME PATH=ID...: the corpus's text of license ID at each path.
gnu_repo() {
	_name=$1
	shift
	_pairs=
	for _pf in "$@"; do
		_pairs="$_pairs ${_pf}.txt"
	done
	# unquoted: the pairs hold no white space
	copy_repo "$_name" "$LIC" $_pairs
}

test_expect_success 'COPYING with COPYING.LESSER is the LGPL, not the GPL' '
	gnu_repo lgpl COPYING=GPL-3.0-only COPYING.LESSER=LGPL-3.0-only &&
	ec_json 1 "$TEST_TMP/lgpl" &&
	test_eq "$(result_of license-permissive result)" fail &&
	test_eq "$(result_of license-permissive value)" LGPL-3.0-only &&
	result_of license-permissive message >msg &&
	grep "COPYING.LESSER .*COPYING.s GPL-3.0-only.* is LGPL-3.0-only" msg &&
	result_of license-permissive evidence >ev &&
	grep "COPYING.LESSER" ev
'

test_expect_success 'the packaging metadata says or later: LGPL-3.0-or-later' '
	R=$TEST_TMP/lgpl &&
	printf "[project]\nname = \"m\"\nversion = \"1\"\nclassifiers = [\"License :: OSI Approved :: GNU Lesser General Public License v3 or later (LGPLv3+)\"]\n" >"$R/pyproject.toml" &&
	git -C "$R" add -A && git -C "$R" commit -q -m meta &&
	ec_json 1 "$R" &&
	test_eq "$(result_of license-permissive value)" LGPL-3.0-or-later &&
	result_of license-permissive message >msg &&
	grep "COPYING.s GPL-3.0-only" msg &&
	grep "is LGPL-3.0-or-later" msg
'

test_expect_success 'COPYING with COPYING.LESSER: license-file keeps both' '
	ec_json 1 "$TEST_TMP/lgpl" &&
	test_eq "$(result_of license-file result)" fail &&
	test_eq "$(result_of license-file level)" warning &&
	result_of license-file message >msg &&
	grep "2 files found (COPYING and COPYING.LESSER)" msg &&
	result_of license-file fix >fix &&
	grep "keep COPYING and COPYING.LESSER" fix &&
	grep "nothing to rename" fix &&
	! grep "^rename" fix
'

test_expect_success 'LGPL-2.1 beside the GPL-2.0 it came with' '
	gnu_repo lgpl21 COPYING=GPL-2.0-only COPYING.LIB=LGPL-2.1-only &&
	ec_json 1 "$TEST_TMP/lgpl21" &&
	test_eq "$(result_of license-permissive value)" LGPL-2.1-only
'

test_expect_success 'the GPL alone stays the GPL' '
	gnu_repo gpl COPYING=GPL-3.0-only &&
	ec_json 1 "$TEST_TMP/gpl" &&
	test_eq "$(result_of license-permissive value)" GPL-3.0-only &&
	result_of license-file fix >fix &&
	grep "rename COPYING to LICENSE.md" fix
'

test_expect_success 'REUSE LICENSES/ with the GPL and the LGPL: named by the files' '
	gnu_repo reuse LICENSES/GPL-3.0-or-later.txt=GPL-3.0-only \
		LICENSES/LGPL-3.0-or-later.txt=LGPL-3.0-only &&
	ec_json 1 "$TEST_TMP/reuse" &&
	test_eq "$(result_of license-permissive result)" fail &&
	test_eq "$(result_of license-permissive value)" LGPL-3.0-or-later &&
	result_of license-permissive message |
		grep "the GPL the LGPL beside it adds permissions to" &&
	test_eq "$(result_of license-file level)" warning &&
	result_of license-file fix | grep "keep LICENSES/GPL-3.0-or-later.txt and LICENSES/LGPL-3.0-or-later.txt"
'

test_expect_success 'REUSE LICENSES/ with MIT and Apache-2.0 passes each' '
	gnu_repo reuse2 LICENSES/MIT.txt=MIT LICENSES/Apache-2.0.txt=Apache-2.0 &&
	ec_json 1 "$TEST_TMP/reuse2" &&
	test_eq "$(result_of license-permissive result)" pass &&
	test_eq "$(result_of license-permissive value)" "Apache-2.0 AND MIT"
'

test_expect_success 'one REUSE file: the fix keeps LICENSES/' '
	gnu_repo reuse1 LICENSES/MIT.txt=MIT &&
	ec_json 1 "$TEST_TMP/reuse1" &&
	result_of license-file fix >fix &&
	grep "keep LICENSES/ (the REUSE layout)" fix &&
	! grep "^rename" fix
'

test_expect_success 'LICENSE-MIT beside LICENSE-APACHE: the fix renames nothing' '
	gnu_repo dual LICENSE-MIT=MIT LICENSE-APACHE=Apache-2.0 &&
	ec_json 1 "$TEST_TMP/dual" &&
	test_eq "$(result_of license-file level)" warning &&
	result_of license-file message |
		grep "2 files found (LICENSE-APACHE and LICENSE-MIT), but LICENSE.md is asked for" &&
	result_of license-file fix >fix &&
	grep "keep LICENSE-APACHE and LICENSE-MIT, and add LICENSE.md" fix &&
	grep "MIT OR Apache-2.0" fix &&
	! grep "rename LICENSE" fix &&
	test_eq "$(result_of license-file evidence | jq -r ".[].path" | tr "\n" " ")" \
		"LICENSE-APACHE LICENSE-MIT "
'

test_expect_success 'a third-party notice beside LICENSE-MIT is not kept as one' '
	gnu_repo note LICENSE-MIT=MIT LICENSE-3RD-PARTY.txt=BSD-3-Clause &&
	ec_json 1 "$TEST_TMP/note" &&
	result_of license-file fix | grep "rename LICENSE-MIT to LICENSE.md"
'

# A repository with an MIT LICENSE.md and README.md holding $2 (printf).
adapted_repo() {
	_r=$TEST_TMP/$1
	rm -rf "$_r" &&
	make_repo "$_r" src/x.py >/dev/null &&
	cp "$FIX/mit-plain.txt" "$_r/LICENSE.md" &&
	printf "$2" >"$_r/README.md" &&
	git -C "$_r" add -A &&
	test_tick &&
	git -C "$_r" commit -q -m readme
}

LIST='# m\n\nUseful.\n\n## Credits\nThis library contains code that has been adapted and modified from the following repos:\n- https://github.com/a/one\n- https://github.com/b/two/blob/main/x.py\n- https://example.org/three\n\n## More\n'

test_expect_success 'a README saying code was adapted from outside repos is a Caution' '
	adapted_repo list "$LIST" &&
	ec_json 1 "$TEST_TMP/list" &&
	test_eq "$(result_of third-party-licenses result)" fail &&
	test_eq "$(result_of third-party-licenses level)" warning &&
	result_of third-party-licenses message >msg &&
	grep "README.md:6 says code was adapted from 3 outside repositories" msg &&
	grep "a person decides whether notices are needed" msg &&
	test_eq "$(result_of third-party-licenses evidence | jq -r ".[0].path + \":\" + (.[0].line|tostring)")" README.md:6
'

test_expect_success 'a notice file at the root keeps it a PASS' '
	R=$TEST_TMP/list &&
	printf "one: MIT\ntwo: BSD-3-Clause\nthree: MIT\n" >"$R/THIRD_PARTY_NOTICES.md" &&
	git -C "$R" add -A && git -C "$R" commit -q -m notices &&
	ec_json 1 "$R" &&
	test_eq "$(result_of third-party-licenses result)" pass
'

test_expect_success 'inspiration, see also and a paper stay a PASS' '
	adapted_repo insp "# m\n\nInspired by https://github.com/a/one and https://github.com/b/two.\nSee also https://github.com/c/three.\nThe loss is adapted from the paper at https://arxiv.org/abs/1234.5678 and https://github.com/d/four.\n" &&
	ec_json 1 "$TEST_TMP/insp" &&
	test_eq "$(result_of third-party-licenses result)" pass &&
	result_of third-party-licenses message | grep "no vendored third-party directory"
'

test_expect_success 'one outside repository named once is a PASS that names it' '
	adapted_repo one "# m\n\nThe plotting tool is modified from [viz](https://github.com/e/viz).\n" &&
	ec_json 1 "$TEST_TMP/one" &&
	test_eq "$(result_of third-party-licenses result)" pass &&
	result_of third-party-licenses message |
		grep "README.md:3 names code adapted from one outside repository, github.com/e/viz"
'

HEADERS="--set third-party-licenses.adapted_headers=**/*.py"

test_expect_success 'Python files whose first comment says where they came from, when asked' '
	adapted_repo py "# m\n\nUseful.\n" &&
	R=$TEST_TMP/py &&
	mkdir -p "$R/pkg" &&
	printf "#!/usr/bin/env python3\n# Adapted from https://github.com/f/loss\nimport os\n" >"$R/pkg/a.py" &&
	printf "# copied from\n# https://github.com/g/util/blob/main/u.py\n\nimport sys\n" >"$R/pkg/b.py" &&
	git -C "$R" add -A && git -C "$R" commit -q -m py &&
	ec_json 1 "$R" &&
	test_eq "$(result_of third-party-licenses result)" pass &&
	ec_json 1 $HEADERS "$R" &&
	test_eq "$(result_of third-party-licenses result)" fail &&
	test_eq "$(result_of third-party-licenses level)" warning &&
	result_of third-party-licenses message >msg &&
	grep "pkg/a.py:2 says code was adapted from 2 outside repositories" msg &&
	grep "(2 places say so)" msg
'

test_expect_success 'a first comment that names a license, or a later comment, is not read' '
	R=$TEST_TMP/py &&
	printf "# Copyright 2024 F. Licensed under the MIT License.\n# Adapted from https://github.com/f/loss\nimport os\n" >"$R/pkg/a.py" &&
	printf "import sys\n# copied from https://github.com/g/util\n" >"$R/pkg/b.py" &&
	git -C "$R" commit -q -a -m headers &&
	ec_json 1 $HEADERS "$R" &&
	test_eq "$(result_of third-party-licenses result)" pass
'

test_done
