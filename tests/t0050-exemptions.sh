#!/bin/sh
# t0050-exemptions.sh: what a repository's .ecocheck.ini changed is shown
# in every format (the value, its file:line, what the rule set asks), and
# exemptions (exempt = REASON, until = DATE) skip a rule with the reason
# in text, JSON and markdown; a missing reason, a bad or past date are
# configuration errors; an exemption no longer needed says so; an
# exempted veto does not veto; --no-repo-config ignores them all.
. "$(dirname "$0")/lib.sh"

if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_done
fi

AS_OF=2026-01-15

# demo NAME INI: the demo project (it has no governance document) with
# INI as its .ecocheck.ini, committed.
demo() {
	_r=$TEST_TMP/$1
	rm -rf "$_r" &&
	make_repo "$_r" >/dev/null &&
	write_demo_docs "$_r" &&
	printf '%s\n' "$2" >"$_r/.ecocheck.ini" &&
	git -C "$_r" add -A &&
	test_tick &&
	git -C "$_r" commit -q -m demo
}

# bad NAME WANT: checking repository NAME is a configuration error whose
# message has WANT; nothing on the standard output.
bad() {
	test_expect_code 2 "$ECOCHECK" --as-of "$AS_OF" "$TEST_TMP/$1" \
		>"$TEST_TMP/out" 2>"$TEST_TMP/err" &&
	test_must_be_empty "$TEST_TMP/out" &&
	grep -F "$2" "$TEST_TMP/err" >/dev/null ||
		{ cat "$TEST_TMP/err" >&3; return 1; }
}

test_expect_success 'an exemption skips the rule with its reason in JSON' '
	demo ex "[governance]
exempt = governance is being written
until = 2026-03-31" &&
	ec_json 1 --as-of "$AS_OF" "$TEST_TMP/ex" &&
	test_eq "$(result_of governance)" skip &&
	test_eq "$(result_of governance status)" skip &&
	test_eq "$(result_of governance message)" \
		"exempt: governance is being written (until 2026-03-31), .ecocheck.ini:2" &&
	test_eq "$(result_of governance exempt.reason)" "governance is being written" &&
	test_eq "$(result_of governance exempt.until)" 2026-03-31 &&
	test_eq "$(result_of governance exempt.file)" .ecocheck.ini &&
	test_eq "$(result_of governance exempt.line)" 2 &&
	test_eq "$(result_of governance exempt.needed)" true &&
	test_eq "$(result_of governance exempt.found)" fail &&
	test_eq "$(result_of governance fix)" null &&
	test_eq "$(jq .summary.skip "$TEST_TMP/out.json")" \
		"$(jq "[.results[] | select(.result == \"skip\")] | length" "$TEST_TMP/out.json")"
'

test_expect_success 'the exemption and what the rule found are in the text' '
	test_expect_code 1 "$ECOCHECK" --width 0 --as-of "$AS_OF" "$TEST_TMP/ex" >out &&
	grep "^  SKIP  governance  *exempt: governance is being written (until 2026-03-31), .ecocheck.ini:2\$" out &&
	grep "^  *without the exemption: fail: nothing found (looked for GOVERNANCE.md" out
'

test_expect_success 'the markdown row gives the status and the reason in its note' '
	test_expect_code 1 "$ECOCHECK" -f markdown --as-of "$AS_OF" "$TEST_TMP/ex" >out.md &&
	grep "^| 3\. Governance | Skipped | exempt: governance is being written (until 2026-03-31), .ecocheck.ini:2 |\$" out.md
'

test_expect_success 'an exemption holds through its until day, not after' '
	ec_json 1 --as-of 2026-03-31T23:59:59Z "$TEST_TMP/ex" &&
	test_eq "$(result_of governance)" skip &&
	AS_OF=2026-04-01 &&
	bad ex ".ecocheck.ini:3: rule '\''governance'\'': until: the exemption ran out after 2026-03-31 (the report is as of 2026-04-01)"
'

test_expect_success 'an exemption without a reason is a configuration error at its line' '
	demo noreason "[readme-file]
level = error
[governance]
exempt =" &&
	bad noreason ".ecocheck.ini:4: rule '\''governance'\'': exempt: an exemption needs a reason"
'

test_expect_success 'a bad date, or an until without an exemption, is a configuration error' '
	demo baddate "[governance]
exempt = soon
until = 2026-02-30" &&
	bad baddate ".ecocheck.ini:3: rule '\''governance'\'': until: '\''2026-02-30'\'' is not a date: expected YYYY-MM-DD" &&
	demo baddate2 "[governance]
exempt = soon
until = 31/03/2026" &&
	bad baddate2 ".ecocheck.ini:3: rule '\''governance'\'': until: '\''31/03/2026'\'' is not a date" &&
	demo lone "[governance]
until = 2026-03-31" &&
	bad lone ".ecocheck.ini:2: rule '\''governance'\'': until: an end date without an exemption"
'

test_expect_success 'an exempted rule that passes says to remove the exemption' '
	demo passes "[quick-start]
exempt = no quick start yet" &&
	ec_json 1 --as-of "$AS_OF" "$TEST_TMP/passes" &&
	test_eq "$(result_of quick-start)" pass &&
	test_eq "$(result_of quick-start exempt.needed)" false &&
	test_eq "$(result_of quick-start exempt.found)" pass &&
	result_of quick-start message >msg &&
	grep -F "; exempt, but it passes: remove the exemption (.ecocheck.ini:2)" msg &&
	test_expect_code 1 "$ECOCHECK" --width 0 --as-of "$AS_OF" "$TEST_TMP/passes" >out &&
	grep "^  PASS  quick-start .*; exempt, but it passes: remove the exemption (.ecocheck.ini:2)\$" out
'

test_expect_success 'an exempted veto does not veto, and the rule says it is exempt' '
	demo veto "" &&
	echo "This project is no longer maintained." >>"$TEST_TMP/veto/README.md" &&
	git -C "$TEST_TMP/veto" commit -q -a -m unmaintained &&
	ec_json 1 --as-of "$AS_OF" --fact maintenance-commitment=yes "$TEST_TMP/veto" &&
	test_eq "$(result_of maintenance)" fail &&
	printf "[maintenance-stated]\nexempt = maintained again since 2026\n" \
		>"$TEST_TMP/veto/.ecocheck.ini" &&
	ec_json 1 --as-of "$AS_OF" --fact maintenance-commitment=yes "$TEST_TMP/veto" &&
	test_eq "$(result_of maintenance)" pass &&
	result_of maintenance message >msg &&
	grep -F "; maintenance-stated: exempt: maintained again since 2026, .ecocheck.ini:2" msg
'

test_expect_success '--no-repo-config ignores exemptions' '
	ec_json 1 --as-of "$AS_OF" --no-repo-config "$TEST_TMP/ex" &&
	test_eq "$(result_of governance)" fail &&
	test_eq "$(result_of governance exempt)" null &&
	ec_json 1 --as-of "$AS_OF" --no-repo-config --fact maintenance-commitment=yes "$TEST_TMP/veto" &&
	test_eq "$(result_of maintenance)" fail &&
	AS_OF=2026-04-01 &&
	ec_json 1 --as-of "$AS_OF" --no-repo-config "$TEST_TMP/ex"
'

test_expect_success 'a rule file other than the repository'\''s may exempt, named by its path' '
	printf "[governance]\nexempt = reviewed by hand\n" >"$TEST_TMP/review.ini" &&
	ec_json 1 --as-of "$AS_OF" --no-repo-config -r pytorch-ecosystem -r "$TEST_TMP/review.ini" "$TEST_TMP/ex" &&
	test_eq "$(result_of governance)" skip &&
	test_eq "$(result_of governance exempt.file)" "$TEST_TMP/review.ini" &&
	test_eq "$(result_of governance exempt.line)" 2
'

test_expect_success 'a threshold the repository lowered is shown in JSON with both values' '
	demo low "[commits]
min = 1" &&
	ec_json 1 --as-of "$AS_OF" "$TEST_TMP/low" &&
	test_eq "$(result_of commits)" pass &&
	test_eq "$(result_of commits min)" 1 &&
	test_eq "$(result_of commits "changed_by_repo | length")" 1 &&
	test_eq "$(result_of commits "changed_by_repo[0].key")" min &&
	test_eq "$(result_of commits "changed_by_repo[0].value")" 1 &&
	test_eq "$(result_of commits "changed_by_repo[0].file")" .ecocheck.ini &&
	test_eq "$(result_of commits "changed_by_repo[0].line")" 2 &&
	test_eq "$(result_of commits "changed_by_repo[0].ruleset_value")" 30 &&
	test_eq "$(result_of contributors changed_by_repo)" null
'

test_expect_success 'and in the text and the markdown row' '
	test_expect_code 1 "$ECOCHECK" --width 0 --as-of "$AS_OF" "$TEST_TMP/low" >out &&
	grep "^  *min 1, set by .ecocheck.ini:2; the rule set asks 30\$" out &&
	test_expect_code 1 "$ECOCHECK" -f markdown --as-of "$AS_OF" "$TEST_TMP/low" >out.md &&
	grep "^| 13\. Commits | .* | .*; min 1, set by .ecocheck.ini:2; the rule set asks 30 |\$" out.md
'

test_expect_success 'a level and the set'\''s window the repository changed are shown too' '
	demo win "[ruleset]
window_days = 30
[contributors]
level = warning" &&
	ec_json 1 --as-of "$AS_OF" "$TEST_TMP/win" &&
	test_eq "$(result_of contributors level)" warning &&
	jq -c "[.results[] | select(.rule == \"contributors\") | .changed_by_repo[] | [.key, .value, .line, .ruleset_value]]" \
		"$TEST_TMP/out.json" >got &&
	echo "[[\"level\",\"warning\",4,\"error\"],[\"window_days\",\"30\",2,\"90\"]]" >want &&
	test_cmp want got &&
	test_eq "$(result_of commits "changed_by_repo[0].key")" window_days
'

test_expect_success 'only the repository changes: --set and --no-repo-config show none' '
	ec_json 1 --as-of "$AS_OF" --no-repo-config "$TEST_TMP/low" &&
	test_eq "$(jq "[.results[] | select(.changed_by_repo)] | length" "$TEST_TMP/out.json")" 0 &&
	ec_json 1 --as-of "$AS_OF" --set commits.min=1 "$TEST_TMP/ex" &&
	test_eq "$(result_of commits changed_by_repo)" null
'

test_expect_success 'exemptions and changes cross the process boundary of -j' '
	test_expect_code 1 "$ECOCHECK" -j 2 -f json --as-of "$AS_OF" "$TEST_TMP/ex" "$TEST_TMP/low" >many.json &&
	test_eq "$(jq -r ".[0].results[] | select(.rule == \"governance\") | .exempt.reason" many.json)" \
		"governance is being written" &&
	test_eq "$(jq -r ".[1].results[] | select(.rule == \"commits\") | .changed_by_repo[0].ruleset_value" many.json)" 30
'

test_done
