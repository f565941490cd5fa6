#!/bin/sh
# t0001-cli.sh: the command line: help, version, usage errors, exit codes
. "$(dirname "$0")/lib.sh"

make_repo "$TEST_TMP/ok" LICENSE.md README.md CONTRIBUTING.md CODEOWNERS \
	GOVERNANCE.md NEWS.md .github/ISSUE_TEMPLATE/bug.md \
	.github/pull_request_template.md >/dev/null
printf '%s\n' "$LF_COC" >"$TEST_TMP/ok/CODE_OF_CONDUCT.md"

test_expect_success '--help lists every option and exits 0' '
	"$ECOCHECK" --help >out &&
	for o in rules format as-of rev staged set fact no-repo-config strict \
		jobs each list-rules color quiet help version; do
		grep -q -- "--$o" out || { echo "missing --$o"; exit 1; }
	done
'

test_expect_success '--version prints the package version' '
	"$ECOCHECK" --version >out &&
	grep -q "^ecocheck [0-9][0-9.]*$" out
'

test_expect_success 'an unknown option is a usage error, exit 2' '
	test_expect_code 2 "$ECOCHECK" --no-such-option 2>err &&
	grep -q "no-such-option" err
'

test_expect_success 'a missing option value is a usage error' '
	test_expect_code 2 "$ECOCHECK" --format 2>err &&
	grep -q "ecocheck: --format: needs a value" err &&
	test_expect_code 2 "$ECOCHECK" -r 2>err &&
	grep -qx "ecocheck: -r: needs a value (see ecocheck --help)" err
'

test_expect_success JQ 'options may follow the paths' '
	test_expect_code 0 "$ECOCHECK" "$TEST_TMP/ok" --format json -r community-health >out &&
	jq -e ".schema == 1" out >/dev/null
'

test_expect_success 'SOURCE_DATE_EPOCH and --as-of @N past year 9999 are refused' '
	SOURCE_DATE_EPOCH=999999999999999 test_expect_code 2 "$ECOCHECK" "$TEST_TMP/ok" 2>err >/dev/null &&
	grep -q SOURCE_DATE_EPOCH err &&
	test_expect_code 2 "$ECOCHECK" --as-of @999999999999999 "$TEST_TMP/ok" 2>err >/dev/null
'

test_expect_success 'text output never passes control characters from the repository' '
	test_when_finished "rm -f \"\$TEST_TMP/ok/\$(printf \"e\\033[2Jz.md\")\"" &&
	printf x >"$TEST_TMP/ok/$(printf "e\033[2Jz.md")" &&
	printf "[c]\ntype = file\npath = *z.md\n" >"$TEST_TMP/esc.ini" &&
	test_expect_code 0 "$ECOCHECK" -r "$TEST_TMP/esc.ini" "$TEST_TMP/ok" >out &&
	grep -q "e?\[2Jz.md" out &&
	! grep -q "$(printf "\033")" out
'

test_expect_success 'every format --help names writes a report' '
	"$ECOCHECK" --help >help &&
	formats=$(sed -n "s/^Formats: //p" help) &&
	test -n "$formats" &&
	! grep -F "planned" help &&
	for f in $formats; do
		test_expect_code 0 "$ECOCHECK" -r community-health --format $f "$TEST_TMP/ok" >out 2>err &&
		test -s out && test_must_be_empty err || return 1
	done
'

test_expect_success '--jobs takes a number from 1 to 1024' '
	test_expect_code 0 "$ECOCHECK" -j 2 -r community-health "$TEST_TMP/ok" \
		>out 2>err &&
	test_must_be_empty err &&
	for bad in 0 -1 1025 x 2x ""; do
		test_expect_code 2 "$ECOCHECK" --jobs "$bad" "$TEST_TMP/ok" \
			>out 2>err &&
		grep -q "^ecocheck: --jobs: bad number" err &&
		test_must_be_empty out || return 1
	done
'

test_expect_success 'diff is not refused' '
	test_expect_code 2 "$ECOCHECK" diff a.json b.json 2>err &&
	! grep -q "not available" err
'

test_expect_success JQ 'check is the default command and can be named' '
	test_expect_code 0 "$ECOCHECK" --format json -r community-health \
		"$TEST_TMP/ok" >default.json &&
	test_expect_code 0 "$ECOCHECK" check --format json -r community-health \
		"$TEST_TMP/ok" >named.json &&
	jq -S "del(.window)" default.json >a &&
	jq -S "del(.window)" named.json >b &&
	test_cmp a b
'

test_expect_success 'an unknown format is named with the known ones' '
	test_expect_code 2 "$ECOCHECK" --format yaml "$TEST_TMP/ok" 2>err &&
	grep -q "unknown format .yaml.: use text, json, jsonl, sarif, markdown, github or application" err
'

test_expect_success 'an unknown format is a usage error' '
	test_expect_code 2 "$ECOCHECK" --format yaml 2>err &&
	grep -q "unknown format" err
'

test_expect_success 'an unparsable --as-of date is a usage error' '
	test_expect_code 2 "$ECOCHECK" --as-of "last tuesday" "$TEST_TMP/ok" 2>err &&
	test_line_count 1 err &&
	grep -q "bad date" err
'

test_expect_success '--staged with --rev is a usage error' '
	test_expect_code 2 "$ECOCHECK" --staged --rev HEAD "$TEST_TMP/ok" 2>err
'

test_expect_success 'a bad --set is a usage error' '
	test_expect_code 2 "$ECOCHECK" --set nodot "$TEST_TMP/ok" 2>err &&
	grep -q "RULE.KEY=VALUE" err
'

test_expect_success 'exit 0 when no error-level rule fails' '
	test_expect_code 0 "$ECOCHECK" -r community-health --set security.level=off "$TEST_TMP/ok" >out
'

test_expect_success 'exit 1 when an error-level rule fails' '
	test_when_finished "git -C \"\$TEST_TMP/ok\" checkout -q README.md" &&
	rm "$TEST_TMP/ok/README.md" &&
	test_expect_code 1 "$ECOCHECK" -r community-health "$TEST_TMP/ok" >out &&
	grep -q "FAIL  readme" out
'

printf '[stars]\ntype = fact\nfact = stars\nmin = 200\n' >"$TEST_TMP/stars.ini"

test_expect_success 'unknown results do not fail, unless --strict' '
	test_expect_code 0 "$ECOCHECK" -r community-health --set security.level=off \
		-r "$TEST_TMP/stars.ini" "$TEST_TMP/ok" >out &&
	grep -q "UNKN  stars" out &&
	test_expect_code 1 "$ECOCHECK" --strict -r community-health \
		--set security.level=off -r "$TEST_TMP/stars.ini" "$TEST_TMP/ok" >out &&
	test_expect_code 0 "$ECOCHECK" --strict -r community-health \
		--set security.level=off -r "$TEST_TMP/stars.ini" --fact stars=200 \
		"$TEST_TMP/ok" >out &&
	grep -q "exactly the minimum" out
'

test_expect_success 'text output has no colour on a pipe, colour with --color=always' '
	test_expect_code 0 "$ECOCHECK" -r community-health "$TEST_TMP/ok" >plain &&
	! grep -q "$(printf "\\033")" plain &&
	test_expect_code 0 "$ECOCHECK" --color always -r community-health "$TEST_TMP/ok" >colour &&
	grep -q "$(printf "\\033")\\[" colour &&
	NO_COLOR=1 test_expect_code 0 "$ECOCHECK" --color auto -r community-health "$TEST_TMP/ok" >nc &&
	! grep -q "$(printf "\\033")" nc
'

test_expect_success 'a bad --color value is refused' '
	test_expect_code 2 "$ECOCHECK" --color sometimes 2>err
'

test_expect_success '--quiet prints only failures and the summary' '
	test_when_finished "git -C \"\$TEST_TMP/ok\" checkout -q CONTRIBUTING.md" &&
	rm "$TEST_TMP/ok/CONTRIBUTING.md" &&
	test_expect_code 1 "$ECOCHECK" -q -r community-health \
		--set security.level=off "$TEST_TMP/ok" >out &&
	grep -q "FAIL  contributing" out &&
	! grep -q PASS out &&
	head -1 out | grep -q "^$TEST_TMP/ok: worktree" &&
	grep -q "pass, 1 fail" out
'

test_expect_success 'several paths: the worst exit status wins' '
	git init -q "$TEST_TMP/empty-dir-repo" &&
	test_expect_code 2 "$ECOCHECK" -r community-health "$TEST_TMP/ok" \
		"$TEST_TMP/not-there" >out 2>err &&
	grep -q "not-there" err &&
	grep -q "pass," out
'

# The clones lack CODE_OF_CONDUCT.md, which is not committed in ok: exit 1.
test_expect_success JQ '--each checks every repository under a folder, sorted' '
	mkdir -p "$TEST_TMP/clones" &&
	git clone -q "$TEST_TMP/ok" "$TEST_TMP/clones/b" &&
	git clone -q --bare "$TEST_TMP/ok" "$TEST_TMP/clones/a.git" &&
	mkdir "$TEST_TMP/clones/not-a-repo" &&
	test_expect_code 1 "$ECOCHECK" --format json -r community-health \
		--set security.level=off --each "$TEST_TMP/clones" >out &&
	jq -e "type == \"array\" and length == 2" out >/dev/null &&
	jq -r ".[].repository.path" out >paths &&
	printf "%s\n" "$TEST_TMP/clones/a.git" "$TEST_TMP/clones/b" >want &&
	test_cmp want paths
'

test_expect_success JQ 'json over several paths is one array, even with a bad path' '
	test_expect_code 2 "$ECOCHECK" --format json -r community-health \
		"$TEST_TMP/clones/b" "$TEST_TMP/not-there" "$TEST_TMP/clones/a.git" \
		>out 2>err &&
	grep -q "not-there" err &&
	jq -r ".[].repository.path" out >paths &&
	printf "%s\n" "$TEST_TMP/clones/b" "$TEST_TMP/clones/a.git" >want &&
	test_cmp want paths
'

test_expect_success JQ 'json over one path is one document, not an array' '
	test_expect_code 1 "$ECOCHECK" --format json -r community-health \
		"$TEST_TMP/clones/b" >out &&
	jq -e "type == \"object\" and .schema == 1" out >/dev/null
'

test_expect_success JQ 'jsonl: one document a line, the json document of each repository' '
	test_expect_code 1 "$ECOCHECK" --format jsonl -r community-health \
		--set security.level=off --each "$TEST_TMP/clones" >out.jsonl &&
	test_line_count 2 out.jsonl &&
	while read -r line; do
		printf "%s\n" "$line" | jq -e .schema >/dev/null || exit 1
	done <out.jsonl &&
	test_expect_code 1 "$ECOCHECK" --format json -r community-health \
		--set security.level=off --each "$TEST_TMP/clones" >out.json &&
	jq -c "del(.[].window) | .[]" out.json >from-json &&
	jq -c "del(.window)" out.jsonl >from-jsonl &&
	test_cmp from-json from-jsonl
'

# JQ: the clones are made by a test that needs jq.
test_expect_success JQ 'jsonl with one repository is still one line' '
	test_expect_code 1 "$ECOCHECK" --format jsonl -r community-health \
		--set security.level=off "$TEST_TMP/clones/b" >one.jsonl &&
	test_line_count 1 one.jsonl
'

test_done
