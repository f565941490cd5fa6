#!/bin/sh
# t0018-maintenance.sh: a README that says the project is no longer
# maintained fails requirement 10 with its line (the veto key), given
# commitment or not; a part of the project that is unmaintained does not.
. "$(dirname "$0")/lib.sh"
. "$ECOCHECK_SRCDIR/tests/lib-sections.sh"

make_repo "$R" LICENSE.md >/dev/null

# readme LINE...: README.md of $R, one argument a line (not lib-sections.sh's).
readme() {
	printf "%s\n" "$@" >"$R/README.md"
}

test_expect_success 'a README that says nothing of it: the commitment is for a person' '
	readme "# Demo" "" "Demo checks things for you." &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of maintenance)" unknown
'

test_expect_success '"this repository is no longer actively maintained" fails, with its line' '
	readme "# Demo" "" "Demo checks things." "" \
		"**This repository is no longer actively maintained.** Use something else." &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of maintenance)" fail &&
	test_eq "$(result_of maintenance level)" error &&
	test_eq "$(result_of maintenance message)" \
		"README.md:5: the README says the project is no longer maintained" &&
	test_eq "$(result_of maintenance evidence[0].line)" 5
'

test_expect_success 'a stated end of maintenance beats a commitment given with --fact' '
	ec_json 1 $NOHIST --fact maintenance-commitment=yes "$R" &&
	test_eq "$(result_of maintenance)" fail
'

test_expect_success 'a top heading saying so fails; "the package is deprecated" too' '
	readme "# Demo" "" "## Notice: Demo is No Longer Maintained" "" "Sorry." &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of maintenance)" fail &&
	test_eq "$(result_of maintenance evidence[0].line)" 3 &&
	readme "# Demo" "" "This package is deprecated in favour of Other." &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of maintenance)" fail
'

test_expect_success 'a README.rst title saying so fails' '
	rm "$R/README.md" &&
	printf "Demo is no longer maintained\n============================\n\nSee Other.\n" \
		>"$R/README.rst" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of maintenance)" fail &&
	test_eq "$(result_of maintenance evidence[0].line)" 1 &&
	rm "$R/README.rst"
'

test_expect_success 'a part that is unmaintained or deprecated is no verdict on the project' '
	readme "# Demo" "" "Demo checks things." "" \
		"The TensorFlow backend is no longer maintained." \
		"The old API is deprecated; this library is maintained by us." \
		"### The v1 branch is no longer maintained" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of maintenance)" unknown &&
	ec_json 1 $NOHIST --fact maintenance-commitment=yes "$R" &&
	test_eq "$(result_of maintenance)" pass
'

test_expect_success '"in maintenance mode", no date: a Caution naming the README line' '
	readme "# Demo" "" "Demo checks things." "" \
		"Demo is now in maintenance mode: we fix what breaks." &&
	ec_json 1 $NOHIST --fact maintenance-commitment=yes "$R" &&
	test_eq "$(result_of maintenance)" fail &&
	test_eq "$(result_of maintenance level)" warning &&
	test_eq "$(result_of maintenance evidence[0].path)" README.md &&
	test_eq "$(result_of maintenance evidence[0].line)" 5 &&
	result_of maintenance message | grep -q "^README.md:5: .*maintenance mode"
'

test_expect_success '"bug fixes only until <date>": a FAIL once the date has passed, a Caution before' '
	readme "# Demo" "" "Demo checks things." "" \
		"> Demo will receive bug fixes only until January 1, 2025." &&
	ec_json 1 $NOHIST --as-of 2025-06-01T00:00:00Z "$R" &&
	test_eq "$(result_of maintenance)" fail &&
	test_eq "$(result_of maintenance level)" error &&
	test_eq "$(result_of maintenance evidence[0].line)" 5 &&
	result_of maintenance message | grep -q "^README.md:5: .*2025-01-01, has passed" &&
	ec_json 1 $NOHIST --as-of 2024-06-01T00:00:00Z --fact maintenance-commitment=yes "$R" &&
	test_eq "$(result_of maintenance)" fail &&
	test_eq "$(result_of maintenance level)" warning &&
	result_of maintenance message | grep -q "^README.md:5: .*until 2025-01-01" &&
	readme "# Demo" "" "Only bug fixes until 2023-03-31; no new features." &&
	ec_json 1 $NOHIST --as-of 2025-06-01T00:00:00Z "$R" &&
	test_eq "$(result_of maintenance level)" error &&
	test_eq "$(result_of maintenance evidence[0].line)" 3
'

test_expect_success '"no longer upgrading dependencies", "the X library is no longer developed": Cautions' '
	readme "# Demo" "" "Demo checks things." "" \
		"We are no longer upgrading dependencies of Demo." &&
	ec_json 1 $NOHIST --fact maintenance-commitment=yes "$R" &&
	test_eq "$(result_of maintenance)" fail &&
	test_eq "$(result_of maintenance level)" warning &&
	test_eq "$(result_of maintenance evidence[0].line)" 5 &&
	readme "# Demo" "" "Note: the Demo library is no longer developed." &&
	ec_json 1 $NOHIST --fact maintenance-commitment=yes "$R" &&
	test_eq "$(result_of maintenance level)" warning &&
	test_eq "$(result_of maintenance evidence[0].line)" 3
'

test_expect_success 'no README at all: no statement, no veto' '
	rm -f "$R/README.md" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of maintenance)" unknown &&
	ec_json 1 $NOHIST --fact maintenance-commitment=yes "$R" &&
	test_eq "$(result_of maintenance)" pass
'

test_expect_success 'with the rule off, the veto is not run' '
	readme "# Demo" "" "This project is archived." &&
	ec_json 1 $NOHIST --set maintenance.level=off "$R" &&
	test_eq "$(result_of maintenance)" skip
'

test_done
