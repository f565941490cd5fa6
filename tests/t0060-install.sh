#!/bin/sh
# t0060-install.sh: an install finds its rules: "make install" with a
# --prefix and a --sysconfdir of the test's own, in a build of its own
# (neither the build tree nor the source tree is written), and the
# installed ecocheck, with no variable set, finds the shipped rule sets,
# the license corpus and the system's rule files where configure put
# them, and its man page names those paths. A DESTDIR stage of the same
# build says where it looked, and runs with ECOCHECK_RULES_DIR.
. "$(dirname "$0")/lib.sh"

if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_done
fi
S=$ECOCHECK_SRCDIR
if [ -f "$S/config.status" ]; then
	skip_all='the source tree is configured in place: a build of its own needs a clean source tree'
	test_done
fi
B=$TEST_TMP/build
PFX=$TEST_TMP/inst
ETC=$TEST_TMP/sysconf
STAGE=$TEST_TMP/stage

# inst_json STATUS ARGS...: the installed ecocheck, no ECOCHECK_RULES_DIR,
# writes its JSON report of ARGS... to out.json; fail unless it exits with
# STATUS.
inst_json() {
	_want=$1
	shift
	_st=0
	env -u ECOCHECK_RULES_DIR "$PFX/bin/ecocheck" --format json "$@" \
		>"$TEST_TMP/out.json" 2>"$TEST_TMP/err" || _st=$?
	if [ "$_st" -ne "$_want" ]; then
		echo "exit status $_st, want $_want: $PFX/bin/ecocheck $*" >&3
		cat "$TEST_TMP/err" >&3
		return 1
	fi
}

test_expect_success 'a build configured with a prefix and a sysconfdir installs' '
	mkdir -p "$B" &&
	(cd "$B" && "$S/configure" -q --prefix="$PFX" --sysconfdir="$ETC" \
		CFLAGS=-O0 && make -s -j2 && make -s install) >build.log 2>&1 &&
	test -x "$PFX/bin/ecocheck" &&
	test -f "$PFX/share/ecocheck/rules/pytorch-ecosystem.ini" &&
	test -f "$PFX/share/ecocheck/rules/licenses/corpus.tok" &&
	test -f "$PFX/share/man/man1/ecocheck.1"
'

test_expect_success 'the installed man page names the configured directories' '
	M=$PFX/share/man/man1/ecocheck.1 &&
	grep -q "^\.It Pa $PFX/share/ecocheck/rules/\*\.ini\$" "$M" &&
	grep -q "^\.It Pa $ETC/ecocheck/rules/\*\.ini\$" "$M" &&
	grep -q "^\.Pq Pa $ETC/ecocheck/rules/NAME\.ini ,\$" "$M" &&
	! grep -n "@[a-z]*@\|\$(pkgdatadir)\|/etc/ecocheck" "$M"
'

test_expect_success 'the installed ecocheck finds its rule sets, its corpus and the system rules, no variable set' '
	make_repo demo src/demo.py >/dev/null &&
	cp "$S/LICENSE.md" demo/LICENSE.md &&
	git -C demo add LICENSE.md && test_tick &&
	git -C demo commit -q -m license &&
	mkdir -p "$ETC/ecocheck/rules" &&
	printf "[readme]\nlevel = warning\n" >"$ETC/ecocheck/rules/pytorch-ecosystem.ini" &&
	env -u ECOCHECK_RULES_DIR "$PFX/bin/ecocheck" --list-rules demo >rules.out &&
	grep -q "^\[license-file\]" rules.out &&
	grep -q "$ETC/ecocheck/rules/pytorch-ecosystem.ini" rules.out &&
	inst_json 1 demo &&
	test_eq "$(result_of license-permissive)" pass &&
	test_eq "$(result_of readme level)" warning
'

test_expect_success 'a DESTDIR stage says where it looked, and runs with ECOCHECK_RULES_DIR' '
	(cd "$B" && make -s install DESTDIR="$STAGE") >stage.log 2>&1 &&
	X=$STAGE$PFX/bin/ecocheck &&
	test -x "$X" &&
	rm -rf "$PFX" "$ETC" &&
	test_expect_code 2 env -u ECOCHECK_RULES_DIR "$X" --list-rules demo 2>err &&
	grep -q "no rule set named .pytorch-ecosystem. (looked in $PFX/share/ecocheck/rules, $ETC/ecocheck/rules," err &&
	ECOCHECK_RULES_DIR=$STAGE$PFX/share/ecocheck/rules "$X" --list-rules demo >rules.out &&
	grep -q "^\[license-file\]" rules.out
'

test_done
