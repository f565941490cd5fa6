#!/bin/sh
# t0051-precommit.sh: --staged judges the index against HEAD and refuses
# only what the commit makes worse; --staged --absolute judges the index
# alone; the shipped .pre-commit-hooks.yaml run by Debian's pre-commit
. "$(dirname "$0")/lib.sh"

if command -v pre-commit >/dev/null 2>&1; then
	test_set_prereq PRECOMMIT
fi

# A repository $TEST_TMP/$1 with a healthy project's README, CONTRIBUTING,
# CI and tests and a LICENSE.md, but no governance, maintainers file,
# CODEOWNERS or code of conduct: it fails those at HEAD.
failing_repo() {
	_r=$TEST_TMP/$1
	rm -rf "$_r" &&
	git init -q "$_r" &&
	write_demo_docs "$_r" &&
	cp "$ECOCHECK_SRCDIR/LICENSE.md" "$_r/LICENSE.md" &&
	git -C "$_r" add -A &&
	test_tick &&
	git -C "$_r" commit -q -m initial
}

# The baseline field $2 of rule $1 in $TEST_TMP/out.json.
baseline_of() {
	jq -r --arg r "$1" ".baseline.rules[] | select(.rule == \$r) | .$2" \
		"$TEST_TMP/out.json"
}

test_expect_success JQ 'a README edit in a repository failing governance is not refused' '
	failing_repo edit &&
	echo "More about the demo." >>"$TEST_TMP/edit/README.md" &&
	git -C "$TEST_TMP/edit" add README.md &&
	ec_json 0 --staged "$TEST_TMP/edit" &&
	test_eq "$(result_of governance)" fail &&
	test_eq "$(baseline_of governance head_status)" fail &&
	test_eq "$(baseline_of governance change)" unchanged &&
	test_eq "$(baseline_of governance blocks)" false &&
	test_eq "$(jq -r .baseline.blocking out.json)" 0 &&
	test_eq "$(jq -r .baseline.head out.json)" "$(git -C "$TEST_TMP/edit" rev-parse HEAD)" &&
	jq -r ".baseline.already_failing[]" out.json >already &&
	grep -qx governance already &&
	grep -qx codeowners already &&
	test_eq "$(jq ".baseline.rules | length" out.json)" "$(jq ".results | length" out.json)"
'

test_expect_success 'the text report of that edit: the one "already failing" line' '
	"$ECOCHECK" --staged -q "$TEST_TMP/edit" >out 2>err &&
	test_must_be_empty err &&
	test_line_count 1 out &&
	grep -q "^already failing at HEAD: .*governance" out &&
	grep -q " codeowners" out &&
	"$ECOCHECK" --staged "$TEST_TMP/edit" >out 2>err &&
	test_line_count 2 out &&
	grep -q "^$TEST_TMP/edit: the index against HEAD [0-9a-f]\{12\}: nothing made worse$" out
'

test_expect_success 'with several repositories, each names itself, even with -q' '
	"$ECOCHECK" --staged -q "$TEST_TMP/edit" "$TEST_TMP/edit" >out 2>err &&
	test_must_be_empty err &&
	test_line_count 4 out &&
	test "$(grep -c "^$TEST_TMP/edit: the index against HEAD [0-9a-f]*: nothing made worse$" out)" = 2
'

test_expect_success '--staged --absolute judges the index alone, as before' '
	test_expect_code 1 "$ECOCHECK" --staged --absolute -q "$TEST_TMP/edit" >out &&
	grep -q "^  FAIL  governance " out &&
	! grep -q "already failing" out &&
	test_expect_code 1 "$ECOCHECK" --staged --absolute --format json "$TEST_TMP/edit" >out.json &&
	test_eq "$(jq -r ".baseline" out.json)" null &&
	test_eq "$(jq -r ".repository.source" out.json)" index
'

test_expect_success '--absolute without --staged is a usage error' '
	test_expect_code 2 "$ECOCHECK" --absolute "$TEST_TMP/edit" >out 2>err &&
	test_must_be_empty out &&
	grep -q "absolute is for --staged" err
'

test_expect_success JQ 'deleting LICENSE.md is refused, naming the rule, its message and fix' '
	failing_repo del &&
	git -C "$TEST_TMP/del" rm -q LICENSE.md &&
	test_expect_code 1 "$ECOCHECK" --staged -q "$TEST_TMP/del" >out 2>err &&
	test_must_be_empty err &&
	grep -q "^$TEST_TMP/del: the index against HEAD [0-9a-f]\{12\}: [0-9] rules\{0,1\} refuses\{0,1\} the commit$" out &&
	grep -q "^  FAIL  license-file  *no LICENSE.md (looked for .*(at HEAD: pass)$" out &&
	grep -q "^ *fix: put the license text in LICENSE.md" out &&
	grep -q "^already failing at HEAD: .*governance" out &&
	! grep -q "^  FAIL  governance" out &&
	ec_json 1 --staged "$TEST_TMP/del" &&
	test_eq "$(baseline_of license-file change)" regressed &&
	test_eq "$(baseline_of license-file head_status)" pass &&
	test_eq "$(baseline_of license-file blocks)" true &&
	test_eq "$(result_of license-file status)" fail
'

test_expect_success JQ 'adding GOVERNANCE.md is a fix, no longer "already failing"' '
	failing_repo fix &&
	printf "# Governance\n\nDecisions are made by the maintainers, by consensus;\nthe lead maintainer decides when there is none.\n\n## Maintainers\n\n- Ada Lovelace (@ada)\n- Alan Turing (@aturing)\n" >"$TEST_TMP/fix/GOVERNANCE.md" &&
	git -C "$TEST_TMP/fix" add GOVERNANCE.md &&
	ec_json 0 --staged "$TEST_TMP/fix" &&
	test_eq "$(result_of governance)" pass &&
	test_eq "$(baseline_of governance change)" fixed &&
	! jq -r ".baseline.already_failing[]" out.json | grep -qx governance
'

test_expect_success JQ 'a rule made worse only to a Caution is shown and does not block' '
	failing_repo warn &&
	printf "# Contributing\n\nSend a pull request.\n" >"$TEST_TMP/warn/CONTRIBUTING.md" &&
	git -C "$TEST_TMP/warn" add CONTRIBUTING.md &&
	ec_json 0 --staged "$TEST_TMP/warn" &&
	test_eq "$(result_of contributing status)" caution &&
	test_eq "$(baseline_of contributing change)" regressed &&
	test_eq "$(baseline_of contributing blocks)" false &&
	test_eq "$(jq -r .baseline.regressed out.json)" 1 &&
	"$ECOCHECK" --staged -q "$TEST_TMP/warn" >out &&
	grep -q "^$TEST_TMP/warn: the index against HEAD [0-9a-f]*: nothing made worse at level error$" out &&
	grep -q "^  WARN  contributing .*(at HEAD: pass) (does not block)$" out
'

test_expect_success JQ 'facts are not asked with --staged, even with --strict' '
	ec_json 0 --staged --strict "$TEST_TMP/edit" &&
	test_eq "$(result_of stars)" skip &&
	test_eq "$(result_of stars message)" "facts are not asked with --staged" &&
	test_eq "$(result_of maintenance)" skip &&
	ec_json 0 --staged "$TEST_TMP/edit" --fact stars=500 &&
	test_eq "$(result_of stars)" pass &&
	test_expect_code 1 "$ECOCHECK" --staged --absolute --strict -q "$TEST_TMP/edit" >out &&
	! grep -q "stars" out
'

test_expect_success JQ 'a README saying the project is no longer maintained fails maintenance all the same' '
	failing_repo gone &&
	printf "\nThis project is no longer maintained.\n" >>"$TEST_TMP/gone/README.md" &&
	git -C "$TEST_TMP/gone" add README.md &&
	ec_json 1 --staged "$TEST_TMP/gone" &&
	test_eq "$(result_of maintenance)" fail &&
	test_eq "$(baseline_of maintenance change)" regressed &&
	test_eq "$(baseline_of maintenance blocks)" true
'

test_expect_success JQ 'no commit yet: every rule is new, judged as with --absolute' '
	rm -rf fresh &&
	git init -q fresh &&
	write_demo_docs fresh &&
	git -C fresh add -A &&
	ec_json 1 --staged fresh &&
	test_eq "$(jq -r .baseline.head out.json)" null &&
	test_eq "$(baseline_of governance change)" new &&
	test_eq "$(baseline_of governance head_status)" null &&
	test_eq "$(baseline_of governance blocks)" true &&
	test_eq "$(baseline_of readme blocks)" false &&
	test_eq "$(jq -r .baseline.blocking out.json)" "$(jq -r .summary.errors_failed out.json)" &&
	test_expect_code 1 "$ECOCHECK" --staged -q fresh >out &&
	grep -q "^.*/fresh: the index, no commit yet: [0-9]* rules refuse the commit$" out &&
	grep -q "^  FAIL  governance " out
'

test_expect_success JQ 'every field of the baseline object is documented in ecocheck(1)' '
	ec_json 1 --staged "$TEST_TMP/del" &&
	jq -r "[.baseline | paths | map(select(type == \"string\")) | last] | unique | .[]" out.json >fields &&
	test -s fields &&
	while read -r _f; do
		grep -q "^\.Li $_f\( \|$\)" "$ECOCHECK_SRCDIR/man/ecocheck.1.in" || {
			echo "JSON field $_f is not in ecocheck.1" >&3
			exit 1
		}
	done <fields
'

test_expect_success 'the shipped hook runs ecocheck --staged -q' '
	grep -q "^  entry: ecocheck --staged -q$" "$ECOCHECK_SRCDIR/.pre-commit-hooks.yaml" &&
	grep -q "^  language: system$" "$ECOCHECK_SRCDIR/.pre-commit-hooks.yaml" &&
	grep -q "^  pass_filenames: false$" "$ECOCHECK_SRCDIR/.pre-commit-hooks.yaml"
'

# The hooks repository: .pre-commit-hooks.yaml as shipped, in a git
# repository of its own that pre-commit clones from its path (no network).
# ecocheck is found on PATH, as language: system wants.
if test_have_prereq PRECOMMIT; then
	PRE_COMMIT_HOME=$TEST_TMP/pre-commit-home
	PATH=$(cd "$(dirname "$ECOCHECK")" && pwd):$PATH
	export PRE_COMMIT_HOME PATH
fi

# A repository $TEST_TMP/$1 as failing_repo makes it, with a
# .pre-commit-config.yaml naming the hooks repository, and pre-commit
# installed as its pre-commit hook.
hooked_repo() {
	failing_repo "$1" &&
	_rev=$(git -C "$TEST_TMP/hooks" rev-parse HEAD) &&
	printf "repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: ecocheck\n" \
		"$TEST_TMP/hooks" "$_rev" >"$TEST_TMP/$1/.pre-commit-config.yaml" &&
	git -C "$TEST_TMP/$1" add .pre-commit-config.yaml &&
	test_tick &&
	git -C "$TEST_TMP/$1" commit -q -m "pre-commit" &&
	(cd "$TEST_TMP/$1" && pre-commit install >/dev/null)
}

test_expect_success PRECOMMIT 'pre-commit: the hooks repository and an installed hook' '
	git init -q hooks &&
	cp "$ECOCHECK_SRCDIR/.pre-commit-hooks.yaml" hooks/ &&
	git -C hooks add .pre-commit-hooks.yaml &&
	test_tick &&
	git -C hooks commit -q -m hooks &&
	hooked_repo pc &&
	test -x "$TEST_TMP/pc/.git/hooks/pre-commit" &&
	grep -q "pre-commit" "$TEST_TMP/pc/.git/hooks/pre-commit"
'

test_expect_success PRECOMMIT 'pre-commit: a commit deleting LICENSE.md is refused, naming license-file' '
	_head=$(git -C pc rev-parse HEAD) &&
	git -C pc rm -q LICENSE.md &&
	test_tick &&
	test_must_fail git -C pc commit -m "remove the license" >out 2>&1 &&
	grep -q "^ecocheck\.*Failed$" out &&
	grep -q "^- exit code: 1$" out &&
	grep -q "^  FAIL  license-file  *no LICENSE.md" out &&
	grep -q "^already failing at HEAD: .*governance" out &&
	test_eq "$(git -C pc rev-parse HEAD)" "$_head" &&
	git -C pc reset -q --hard
'

test_expect_success PRECOMMIT 'pre-commit: a README edit where governance already fails is accepted' '
	_head=$(git -C pc rev-parse HEAD) &&
	echo "More about the demo." >>pc/README.md &&
	git -C pc add README.md &&
	test_tick &&
	git -C pc commit -m "README: say more" >out 2>&1 &&
	grep -q "^ecocheck\.*Passed$" out &&
	test_eq "$(git -C pc rev-parse HEAD~1)" "$_head" &&
	test_eq "$(git -C pc log -1 --format=%s)" "README: say more"
'

test_done
