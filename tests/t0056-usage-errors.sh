#!/bin/sh
# t0056-usage-errors.sh: a usage error is one line that says what would
# have been right (the nearest option, rule set or fact), exit 2; --help
# of every command fits 80 columns
. "$(dirname "$0")/lib.sh"

R=$TEST_TMP/repo
make_repo "$R" LICENSE README.md >/dev/null
printf '[stars]\ntype = fact\nfact = stars\nmin = 200\n' >"$TEST_TMP/stars.ini"

# usage_is LINE ARGS...: ecocheck ARGS... exits 2, prints nothing on
# standard output and exactly LINE on standard error.
usage_is() {
	_line=$1
	shift
	test_expect_code 2 "$ECOCHECK" "$@" >out 2>err &&
	test_must_be_empty out &&
	printf '%s\n' "$_line" >want &&
	test_cmp want err
}

test_expect_success 'an unknown option: one line, the nearest option' '
	usage_is "ecocheck: --frmat: unknown option, did you mean --format? (see ecocheck --help)" \
		--frmat json "$R" &&
	usage_is "ecocheck: --formt: unknown option, did you mean --format? (see ecocheck --help)" \
		--formt=json "$R" &&
	usage_is "ecocheck: --STRICT: unknown option, did you mean --strict? (see ecocheck --help)" \
		--STRICT "$R" &&
	usage_is "ecocheck: --ret: unknown option, did you mean --rev or --set? (see ecocheck --help)" \
		--ret HEAD "$R"
'

test_expect_success 'an unknown option with nothing near, a short one, an ambiguous prefix' '
	usage_is "ecocheck: --no-such-option: unknown option (see ecocheck --help)" \
		--no-such-option "$R" &&
	usage_is "ecocheck: -Z: unknown option (see ecocheck --help)" -Z "$R" &&
	usage_is "ecocheck: --f: ambiguous option, one of --format, --fact (see ecocheck --help)" \
		--f json "$R"
'

test_expect_success 'an option without its value: one line' '
	usage_is "ecocheck: --format: needs a value (see ecocheck --help)" --format &&
	usage_is "ecocheck: -r: needs a value (see ecocheck --help)" -r
'

test_expect_success 'diff and suggest suggest from their own options' '
	usage_is "ecocheck: diff: --frmat: unknown option, did you mean --format? (see ecocheck diff --help)" \
		diff --frmat json HEAD HEAD "$R" &&
	usage_is "ecocheck: diff: --strict: unknown option, an option of check only (see ecocheck diff --help)" \
		diff --strict HEAD HEAD "$R" &&
	usage_is "ecocheck: suggest: --as-off: unknown option, did you mean --as-of? (see ecocheck suggest --help)" \
		suggest --as-off HEAD codeowners "$R" &&
	usage_is "ecocheck: suggest: --format: unknown option, an option of check only (see ecocheck suggest --help)" \
		suggest --format json codeowners "$R"
'

test_expect_success 'a mistyped rule set name: the nearest of those found' '
	test_expect_code 2 "$ECOCHECK" -r pytorch-ecosytem "$R" >out 2>err &&
	test_must_be_empty out &&
	test_line_count 1 err &&
	grep -x "ecocheck: no rule set named .pytorch-ecosytem.: did you mean .pytorch-ecosystem.? (looked in .*)" err
'

test_expect_success 'a user rule set is among those suggested; nothing near lists them all' '
	mkdir -p "$HOME/.config/ecocheck/rules" &&
	test_when_finished "rm -rf \"\$HOME/.config/ecocheck\"" &&
	printf "[c]\ntype = file\npath = README.md\n" >"$HOME/.config/ecocheck/rules/my-rules.ini" &&
	test_expect_code 2 "$ECOCHECK" -r my-rule "$R" >out 2>err &&
	grep -x "ecocheck: no rule set named .my-rule.: did you mean .my-rules.? (looked in .*)" err &&
	test_expect_code 2 "$ECOCHECK" -r zzzzzz "$R" >out 2>err &&
	test_line_count 1 err &&
	grep -x "ecocheck: no rule set named .zzzzzz.: there are clomonitor, community-health, github-community, my-rules, osps-baseline, pytorch-ecosystem (looked in .*)" err
'

test_expect_success 'a fact no rule asks for is a usage error, with the nearest' '
	usage_is "ecocheck: --fact Stars=250: no rule asks for the fact '\''Stars'\'': did you mean '\''stars'\''? (see ecocheck --help)" \
		--fact Stars=250 "$R" &&
	usage_is "ecocheck: --fact forks=3: no rule asks for the fact '\''forks'\'' (the rules ask for stars) (see ecocheck --help)" \
		-r "$TEST_TMP/stars.ini" --fact forks=3 "$R" &&
	usage_is "ecocheck: --fact stars=3: no rule of the rule sets asks for a fact (see ecocheck --help)" \
		-r community-health --fact stars=3 "$R"
'

test_expect_success 'a fact a rule counts must be a number' '
	usage_is "ecocheck: --fact stars=lots: not a number (rule stars wants stars=N, at least 200) (see ecocheck --help)" \
		-r "$TEST_TMP/stars.ini" --fact stars=lots "$R" &&
	usage_is "ecocheck: --fact stars=-5: not a number (rule stars wants stars=N, at least 200) (see ecocheck --help)" \
		-r "$TEST_TMP/stars.ini" --fact stars=-5 "$R" &&
	test_expect_code 0 "$ECOCHECK" -r "$TEST_TMP/stars.ini" --fact stars=250 "$R" >out 2>err &&
	test_must_be_empty err
'

test_expect_success 'a revision past the first commit does not exist, said so' '
	usage_is "ecocheck: $R: --rev HEAD~99999: the revision does not exist" \
		--rev HEAD~99999 "$R" &&
	usage_is "ecocheck: $R: --rev no-such-branch: the revision does not exist" \
		--rev no-such-branch "$R"
'

test_expect_success 'a mistyped command: the nearest command, unless a path is so named' '
	usage_is "ecocheck: dif: no such command or path, did you mean ecocheck diff? (see ecocheck --help)" \
		dif HEAD~1 HEAD "$R" &&
	usage_is "ecocheck: Sugest: no such command or path, did you mean ecocheck suggest? (see ecocheck --help)" \
		Sugest codeowners "$R" &&
	make_repo dif README.md >/dev/null &&
	test_expect_code 1 "$ECOCHECK" dif >out 2>err &&
	grep -q "/dif: worktree at" out &&
	test_expect_code 2 "$ECOCHECK" no-such-dir >out 2>err &&
	test_line_count 1 err &&
	! grep -q "did you mean" err
'

test_expect_success 'every command'\''s --help fits 80 columns' '
	for c in "" check diff suggest; do
		"$ECOCHECK" $c --help >help &&
		test -s help &&
		awk -v c="$c" "length(\$0) > 80 { print c \": \" length(\$0) \": \" \$0; bad = 1 } END { exit bad }" help >&3 ||
		exit 1
	done
'

test_done
