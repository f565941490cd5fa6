#!/bin/sh
# t0004-file-rules.sh: the pytorch-ecosystem file rules scored the way the
# Ecosystem Working Group scores them (requirements 3 and 14 to 19)
. "$(dirname "$0")/lib.sh"
. "$ECOCHECK_SRCDIR/tests/lib-sections.sh"

make_repo "$R" README.md LICENSE.md CONTRIBUTING.md CODEOWNERS GOVERNANCE.md >/dev/null
write_demo_docs "$R"
git -C "$R" commit -q -a -m docs
printf '%s\n' "$LF_COC" >"$R/CODE_OF_CONDUCT.md"

test_expect_success 'the rule ids of DESIGN.md that this version judges are all there' '
	ec_json 0 $NOHIST "$R" &&
	jq -r ".results[].rule" "$TEST_TMP/out.json" | sort >ids &&
	for id in governance maintenance contributors commits stars license-file \
		readme contributing codeowners code-of-conduct; do
		grep -qx "$id" ids || { echo "missing rule $id"; exit 1; }
	done
'

test_expect_success 'a complete repository passes every file requirement' '
	ec_json 0 $NOHIST "$R" &&
	for id in governance readme-value quick-start documentation license-file \
		readme readme-release contributing codeowners code-of-conduct; do
		test_eq "$(result_of $id)" pass || { echo "$id"; exit 1; }
	done &&
	test_eq "$(result_of stars)" unknown &&
	test_eq "$(result_of license-file requirement[0])" 15
'

test_expect_success 'LICENSE without .md is a warning naming the file (Caution)' '
	git -C "$R" mv LICENSE.md LICENSE &&
	ec_json 0 $NOHIST "$R" &&
	test_eq "$(result_of license-file)" fail &&
	test_eq "$(result_of license-file level)" warning &&
	result_of license-file message | grep -q "^LICENSE found" &&
	test_eq "$(result_of license-file "evidence[0].path")" LICENSE &&
	result_of license-file fix | grep -q "rename LICENSE to LICENSE.md"
'

test_expect_success 'no license file at all is an error (Fail)' '
	test_when_finished "git -C \"\$R\" checkout -q HEAD -- LICENSE.md" &&
	git -C "$R" rm -qf LICENSE &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of license-file level)" error
'

test_expect_success 'CODEOWNERS only in .github/ passes' '
	mkdir -p "$R/.github" &&
	git -C "$R" mv CODEOWNERS .github/CODEOWNERS &&
	ec_json 0 $NOHIST "$R" &&
	test_eq "$(result_of codeowners)" pass &&
	test_eq "$(result_of codeowners "evidence[0].path")" .github/CODEOWNERS
'

test_expect_success 'CODEOWNERS in docs/ passes; elsewhere it does not' '
	mkdir -p "$R/docs" "$R/misc" &&
	git -C "$R" mv .github/CODEOWNERS docs/CODEOWNERS &&
	ec_json 0 $NOHIST "$R" &&
	test_eq "$(result_of codeowners)" pass &&
	git -C "$R" mv docs/CODEOWNERS misc/CODEOWNERS &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of codeowners)" fail &&
	git -C "$R" mv misc/CODEOWNERS CODEOWNERS
'

test_expect_success 'README.md and CONTRIBUTING.md in .github/ pass' '
	git -C "$R" mv CONTRIBUTING.md .github/CONTRIBUTING.md &&
	ec_json 0 $NOHIST "$R" &&
	test_eq "$(result_of contributing)" pass &&
	git -C "$R" mv .github/CONTRIBUTING.md CONTRIBUTING.md
'

test_expect_success 'README.rst instead of README.md is a warning' '
	git -C "$R" mv README.md README.rst &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of readme)" fail &&
	test_eq "$(result_of readme level)" warning &&
	git -C "$R" mv README.rst README.md
'

test_expect_success 'the Linux Foundation Code of Conduct passes, with the line' '
	ec_json 0 $NOHIST "$R" &&
	test_eq "$(result_of code-of-conduct)" pass &&
	test_eq "$(result_of code-of-conduct "evidence[0].line")" 1
'

test_expect_success 'a Contributor Covenant is a warning that names it' '
	printf "# Contributor Covenant Code of Conduct\n\nOur Pledge...\n" >"$R/CODE_OF_CONDUCT.md" &&
	ec_json 0 $NOHIST "$R" &&
	test_eq "$(result_of code-of-conduct)" fail &&
	test_eq "$(result_of code-of-conduct level)" warning &&
	result_of code-of-conduct message | grep -q "Contributor Covenant" &&
	result_of code-of-conduct fix | grep -q "prior approval"
'

test_expect_success 'another code of conduct is a warning too' '
	printf "Be excellent to each other.\n" >"$R/CODE_OF_CONDUCT.md" &&
	ec_json 0 $NOHIST "$R" &&
	test_eq "$(result_of code-of-conduct level)" warning &&
	result_of code-of-conduct message | grep -q "is an alternate code of conduct"
'

test_expect_success 'no code of conduct is an error' '
	rm "$R/CODE_OF_CONDUCT.md" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of code-of-conduct)" fail &&
	test_eq "$(result_of code-of-conduct level)" error
'

test_expect_success 'the code of conduct in .github/ is read' '
	mkdir -p "$R/.github" &&
	printf "%s\n" "$LF_COC" >"$R/.github/CODE_OF_CONDUCT.md" &&
	ec_json 0 $NOHIST "$R" &&
	test_eq "$(result_of code-of-conduct)" pass &&
	test_eq "$(result_of code-of-conduct "evidence[0].path")" .github/CODE_OF_CONDUCT.md
'

test_expect_success 'governance: GOVERNANCE.md in docs/ passes, none fails' '
	mkdir -p "$R/docs" &&
	git -C "$R" mv GOVERNANCE.md docs/GOVERNANCE.md &&
	ec_json 0 $NOHIST "$R" &&
	test_eq "$(result_of governance)" pass &&
	git -C "$R" rm -qf docs/GOVERNANCE.md &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of governance)" fail &&
	test_eq "$(result_of governance level)" error
'

test_expect_success 'governance: MAINTAINERS.md without a governance section fails' '
	test_when_finished "rm -f \"\$R/MAINTAINERS.md\"" &&
	echo "maintainers" >"$R/MAINTAINERS.md" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of governance)" fail &&
	test_eq "$(result_of governance level)" error
'

test_expect_success 'stars: unknown offline, judged when given, floor passes' '
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of stars)" unknown &&
	ec_json 1 $NOHIST --fact stars=200 "$R" &&
	test_eq "$(result_of stars)" pass &&
	result_of stars message | grep -q "exactly the minimum" &&
	ec_json 1 $NOHIST --fact stars=199 "$R" &&
	test_eq "$(result_of stars)" fail &&
	test_eq "$(result_of stars value)" 199
'

test_expect_success 'the JSON document has the schema 1 fields' '
	ec_json 1 $NOHIST "$R" &&
	jq -e ".schema == 1 and .tool.name == \"ecocheck\" and
		(.repository | has(\"path\") and has(\"source\") and has(\"head\")
			and has(\"shallow\") and has(\"bare\")) and
		(.ruleset | has(\"name\") and has(\"files\")) and
		(.window | has(\"as_of\") and has(\"start\") and .days == 90) and
		(.summary | has(\"pass\") and has(\"fail\") and has(\"unknown\")
			and has(\"skip\") and has(\"errors_failed\")) and
		all(.results[]; has(\"rule\") and has(\"requirement\") and has(\"type\")
			and has(\"level\") and has(\"result\") and has(\"message\")
			and has(\"evidence\"))" "$TEST_TMP/out.json" >/dev/null
'

test_expect_success 'the summary counts the results' '
	ec_json 1 $NOHIST "$R" &&
	jq -e "(.results | map(select(.result == \"pass\")) | length) == .summary.pass and
		(.results | map(select(.result == \"fail\")) | length) == .summary.fail and
		(.results | map(select(.result == \"fail\" and .level == \"error\")) | length)
			== .summary.errors_failed" "$TEST_TMP/out.json" >/dev/null
'

test_expect_success '--as-of sets the window in the document' '
	ec_json 1 $NOHIST --as-of 2026-08-20T14:30:52Z "$R" &&
	test_eq "$(jq -r .window.as_of "$TEST_TMP/out.json")" 2026-08-20T14:30:52Z &&
	test_eq "$(jq -r .window.start "$TEST_TMP/out.json")" 2026-05-22T14:30:52Z &&
	ec_json 1 $NOHIST --as-of 2026-08-20T16:30:52+02:00 "$R" &&
	test_eq "$(jq -r .window.as_of "$TEST_TMP/out.json")" 2026-08-20T14:30:52Z &&
	ec_json 1 $NOHIST --as-of HEAD "$R" &&
	test_eq "$(jq -r .window.as_of "$TEST_TMP/out.json")" \
		"$(TZ=UTC git -C "$R" log -1 --date=format-local:%Y-%m-%dT%H:%M:%SZ --format=%cd)"
'

test_expect_success 'SOURCE_DATE_EPOCH is the default end of the window' '
	SOURCE_DATE_EPOCH=1700000000 test_expect_code 1 "$ECOCHECK" --format json "$R" >out.json &&
	test_eq "$(jq -r .window.as_of out.json)" 2023-11-14T22:13:20Z
'

test_done
