#!/bin/sh
# t0000-lib.sh: the test library itself: a broken &&-chain fails the test,
# also inside ( ) and $( ) (tests/chainlint.awk),
# test_must_fail, test_expect_code, ec_json, test_when_finished and
# prerequisites do what tests/lib.sh says. Small scripts that use lib.sh are written to
# $TEST_TMP and run with the shell that runs this one ($TEST_SHELL_PATH,
# set by make check); their TAP output is compared whole.
. "$(dirname "$0")/lib.sh"

# run_sub NAME: run $TEST_TMP/NAME.sh with the shell of the test suite;
# its output in NAME.out, its exit status in NAME.rc.
run_sub() {
	_rc=0
	${TEST_SHELL_PATH:-sh} "$TEST_TMP/$1.sh" >"$TEST_TMP/$1.out" 2>&1 || _rc=$?
	echo "$_rc" >"$TEST_TMP/$1.rc"
}

# The first line of every script: the library under test.
printf '. "%s/tests/lib.sh"\n' "$ECOCHECK_SRCDIR" >"$TEST_TMP/head"

# Written here, outside the test bodies, so that they may quote freely.
{ cat "$TEST_TMP/head" && cat <<\EOF; } >"$TEST_TMP/broken.sh"
test_expect_success 'a command left out of the chain' '
	false
	true
'
test_expect_success 'a failure hidden by || :' '
	false || :
	true
'
test_expect_success 'a chained body' '
	true &&
	true
'
test_done
EOF

{ cat "$TEST_TMP/head" && cat <<\EOF; } >"$TEST_TMP/good.sh"
test_expect_success 'every command chained, a loop ends with || exit 1' '
	echo body >>"$RUNS" &&
	for i in 1 2; do
		test "$i" -gt 0 || exit 1
	done &&
	test_expect_code 3 sh -c "exit 3"
'
test_done
EOF

{ cat "$TEST_TMP/head" && cat <<\EOF; } >"$TEST_TMP/finished.sh"
test_expect_success 'cleanups run after a passing body, the last first' '
	test_when_finished "echo first cleanup >>\"\$RUNS\"" &&
	test_when_finished "echo second cleanup >>\"\$RUNS\"" &&
	echo body >>"$RUNS"
'
test_expect_success 'a cleanup runs after a failing body' '
	test_when_finished "echo cleanup after failure >>\"\$RUNS\"" &&
	false
'
test_expect_success 'a cleanup runs after exit 1 in a loop' '
	test_when_finished "echo cleanup after exit >>\"\$RUNS\"" &&
	for i in 1; do
		false || exit 1
	done
'
test_expect_success 'a failing cleanup fails the test' '
	test_when_finished false &&
	true
'
test_done
EOF

{ cat "$TEST_TMP/head" && cat <<\EOF; } >"$TEST_TMP/prereq.sh"
test_set_prereq HAVE
test_expect_success HAVE 'a prerequisite that holds' 'true'
test_expect_success MISSING 'a missing prerequisite' 'false'
test_expect_success HAVE,!MISSING 'a list, with one that must be missing' 'true'
test_expect_success !HAVE 'one that must be missing but holds' 'false'
test_done
EOF

{ cat "$TEST_TMP/head" && cat <<\EOF; } >"$TEST_TMP/skipall.sh"
if ! test_have_prereq FROBNICATOR; then
	skip_all='frobnicator not installed'
	test_done
fi
test_expect_success 'never run' 'false'
test_done
EOF

{ cat "$TEST_TMP/head" && cat <<\EOF; } >"$TEST_TMP/quiet.sh"
test_expect_success 'the reason shows though the output is redirected' '
	test_expect_code 2 sh -c "echo hidden; exit 0" >out 2>err
'
test_done
EOF

test_expect_success 'a body whose &&-chain is broken fails, and says so' '
	run_sub broken &&
	test_eq "$(cat broken.rc)" 1 &&
	grep -v "^#" broken.out >tap &&
	printf "%s\n" "not ok 1 - a command left out of the chain" \
		"not ok 2 - a failure hidden by || :" "ok 3 - a chained body" \
		"1..3" >want &&
	test_cmp want tap &&
	test "$(grep -c "^#  broken &&-chain" broken.out)" -eq 2
'

{ cat "$TEST_TMP/head" && cat <<\EOF; } >"$TEST_TMP/chainlint.sh"
test_expect_success 'a broken chain inside ( )' '
	echo ran >>"$RUNS" &&
	(
		cd "$TEST_TMP"
		true
	)
'
test_expect_success 'a broken chain inside $( )' '
	echo ran >>"$RUNS" &&
	x=$(echo one
		echo two) &&
	test -n "$x"
'
test_expect_success 'a broken chain inside "$( )" inside ( )' '
	echo ran >>"$RUNS" &&
	(
		test -n "$(false; echo hidden)"
	)
'
test_expect_success 'a broken chain in an if inside ( )' '
	echo ran >>"$RUNS" &&
	(
		if true
		then
			false
			true
		fi
	)
'
test_expect_success 'chained bodies, with every exception' '
	(
		sleep 0 &
		cd "$TEST_TMP" &&
		# a comment; and another (
		for i in 1 2; do
			test "$i" -gt 0 || exit 1
			test "$i" -lt 3 || return 1
		done &&
		if test -d .
		then
			true
		elif false; then
			false
		else
			true
		fi &&
		case $i in
		1|[!0-9]*) false ;;
		(2)
			true &&
			true
			;;
		*) echo "$(false)" ;;
		esac &&
		cat >here <<-\END &&
		not code (
		neither
		END
		x=$((1 + (2 * 3) )) && y="${x#(}" && z=$(echo "(" ")") &&
		test -f here || { echo "no here"; exit 1; }
		test "$(
			echo a |
			tr a b
		)" = b
	) &&
	v=$(printf "%s\n" "a
		b" | wc -l) &&
	test "$v" -eq 2
'
test_done
EOF

test_expect_success 'chainlint finds a broken chain inside ( ) and $( ), before the body runs' '
	RUNS=$TEST_TMP/chainlint.runs && export RUNS &&
	run_sub chainlint &&
	test_eq "$(cat chainlint.rc)" 1 &&
	grep -v "^#" chainlint.out >tap &&
	printf "%s\n" "not ok 1 - a broken chain inside ( )" \
		"not ok 2 - a broken chain inside \$( )" \
		"not ok 3 - a broken chain inside \"\$( )\" inside ( )" \
		"not ok 4 - a broken chain in an if inside ( )" \
		"ok 5 - chained bodies, with every exception" "1..5" >want &&
	test_cmp want tap &&
	grep "^#  broken &&-chain" chainlint.out >found &&
	printf "#  broken &&-chain inside %s: line %d of the body is not joined to the next command: %s\n" \
		"( )" 4 "cd \"\$TEST_TMP\"" \
		"\$( )" 3 "x=\$(echo one" \
		"\$( )" 4 "test -n \"\$(false; echo hidden)\"" \
		"( )" 6 "false" >want &&
	test_cmp want found &&
	test_must_fail test -e "$RUNS"
'

test_expect_success 'a good chain passes, and its body runs once' '
	RUNS=$TEST_TMP/good.runs && export RUNS &&
	run_sub good &&
	test_eq "$(cat good.rc)" 0 &&
	printf "%s\n" "ok 1 - every command chained, a loop ends with || exit 1" \
		"1..1" >want &&
	test_cmp want good.out &&
	echo body >want &&
	test_cmp want good.runs
'

test_expect_success 'test_must_fail: a failure passes; success, a signal, no command fail' '
	test_must_fail sh -c "exit 1" &&
	! test_must_fail true 3>msg &&
	grep -q "succeeded" msg &&
	! test_must_fail sh -c "kill -TERM \$\$" 3>msg &&
	grep -q "died of signal 15" msg &&
	! test_must_fail sh -c "kill -SEGV \$\$" 3>msg &&
	grep -q "died of signal 11" msg &&
	! test_must_fail ./no-such-command 3>msg 2>/dev/null &&
	grep -q "could not be run" msg
'

test_expect_success 'test_expect_code pins the exit status' '
	test_expect_code 3 sh -c "exit 3" &&
	test_expect_code 0 true &&
	! test_expect_code 3 sh -c "exit 0" 3>msg &&
	grep -q "exit status 0, want 3" msg &&
	! test_expect_code 1 sh -c "exit 2" 3>msg &&
	grep -q "exit status 2, want 1" msg
'

test_expect_success 'a helper says why it failed even when the body redirects it' '
	run_sub quiet &&
	test_eq "$(cat quiet.rc)" 1 &&
	grep -q "^not ok 1 " quiet.out &&
	grep -q "^#  exit status 0, want 2: sh -c" quiet.out
'

test_expect_success 'test_when_finished runs its cleanups, also when the test fails' '
	RUNS=$TEST_TMP/finished.runs && export RUNS &&
	run_sub finished &&
	test_eq "$(cat finished.rc)" 1 &&
	grep -v "^#" finished.out >tap &&
	printf "%s\n" "ok 1 - cleanups run after a passing body, the last first" \
		"not ok 2 - a cleanup runs after a failing body" \
		"not ok 3 - a cleanup runs after exit 1 in a loop" \
		"not ok 4 - a failing cleanup fails the test" "1..4" >want &&
	test_cmp want tap &&
	grep -q "^#  test_when_finished: a cleanup failed" finished.out &&
	printf "%s\n" body "second cleanup" "first cleanup" \
		"cleanup after failure" "cleanup after exit" >want &&
	test_cmp want finished.runs
'

test_expect_success 'test_when_finished outside a test body is a bug' '
	{ cat head && echo "test_when_finished true"; } >"$TEST_TMP/outside.sh" &&
	run_sub outside &&
	test_eq "$(cat outside.rc)" 1 &&
	grep -q "^Bail out! lib.sh: test_when_finished outside a test body" outside.out
'

test_expect_success 'a missing prerequisite skips the test with its reason' '
	run_sub prereq &&
	test_eq "$(cat prereq.rc)" 0 &&
	printf "%s\n" "ok 1 - a prerequisite that holds" \
		"ok 2 # skip a missing prerequisite (missing MISSING)" \
		"ok 3 - a list, with one that must be missing" \
		"ok 4 # skip one that must be missing but holds (missing !HAVE)" \
		"1..4" >want &&
	test_cmp want prereq.out
'

test_expect_success 'skip_all skips the whole script the TAP way' '
	run_sub skipall &&
	test_eq "$(cat skipall.rc)" 0 &&
	echo "1..0 # SKIP frobnicator not installed" >want &&
	test_cmp want skipall.out
'

{ cat "$TEST_TMP/head" && cat <<\EOF; } >"$TEST_TMP/linecount.sh"
test_expect_success 'a count of lines, right and wrong' '
	printf "a\nb\n" >two &&
	test_line_count 2 two &&
	! test_line_count 3 two 2>/dev/null 3>/dev/null
'
test_expect_success 'the "= N" form of other suites is a bug of the test' '
	test_line_count = 2 two
'
test_done
EOF

test_expect_success 'test_line_count counts, and a misuse fails its test' '
	run_sub linecount &&
	test_eq "$(cat linecount.rc)" 1 &&
	grep "^ok 1 - a count of lines" linecount.out &&
	grep "^not ok 2 - " linecount.out &&
	grep "Bail out! lib.sh: test_line_count N FILE" linecount.out
'

{ cat "$TEST_TMP/head" && cat <<\EOF; } >"$TEST_TMP/ecjson.sh"
test_expect_success 'the status wanted' '
	ec_json 2 --no-such-option &&
	test_eq "$ec_status" 2
'
test_expect_success 'another status than the one wanted' '
	ec_json 0 --no-such-option
'
wrapper() {
	echo "wrapped $# words" >>"$TEST_TMP/wrapped" &&
	"$@"
}
test_expect_success 'a wrapper runs ecocheck' '
	ec_wrap=wrapper &&
	ec_json 2 --no-such-option &&
	test_eq "$(cat "$TEST_TMP/wrapped")" "wrapped 4 words"
'
test_expect_success 'no status: a bug of the test' '
	ec_json --no-such-option
'
test_done
EOF

test_expect_success 'ec_json pins the exit status, says what came instead, refuses no status' '
	run_sub ecjson &&
	test_eq "$(cat ecjson.rc)" 1 &&
	grep -v "^#" ecjson.out >tap &&
	printf "%s\n" "ok 1 - the status wanted" \
		"not ok 2 - another status than the one wanted" \
		"ok 3 - a wrapper runs ecocheck" \
		"not ok 4 - no status: a bug of the test" "1..4" >want &&
	test_cmp want tap &&
	grep -q "^#  exit status 2, want 0: ecocheck --format json --no-such-option" ecjson.out &&
	grep -q "^#  ecocheck: --no-such-option: unknown option" ecjson.out &&
	grep -q "Bail out! lib.sh: ec_json: the first argument is the exit status wanted, not .--no-such-option." ecjson.out
'

test_expect_success 'JQ holds exactly when jq is on PATH' '
	if command -v jq >/dev/null 2>&1; then
		test_have_prereq JQ
	else
		! test_have_prereq JQ
	fi
'

test_done
