#!/bin/sh
# t0011-golden.sh: whole text reports pinned byte for byte, so that a
# change of the text output is seen (and made on purpose): a complete,
# healthy repository; one missing most files; a shallow clone with a
# Contributor Covenant. Dates are fixed (test_tick, --as-of), colour off,
# and the temporary directory is replaced by @TMP@ before comparing.
#
# To regenerate the expected files after an intended change of the
# output, run
#	ECOCHECK_REGEN_GOLDEN=1 make check TESTS=tests/t0011-golden.sh
# which writes tests/golden/NAME.txt in the source tree; review the diff
# before committing it.
. "$(dirname "$0")/lib.sh"

GOLDEN=$ECOCHECK_SRCDIR/tests/golden
AS_OF=2026-01-02T00:00:00Z

# golden NAME [ecocheck options]: the text report of ecocheck on
# $TEST_TMP/NAME, with the temporary directory as @TMP@, must be
# tests/golden/NAME.txt (or becomes it, with ECOCHECK_REGEN_GOLDEN=1).
# The exit status is left in golden_status.
golden() {
	_name=$1
	shift
	golden_status=0
	"$ECOCHECK" --color never --as-of "$AS_OF" "$@" "$TEST_TMP/$_name" \
		>"$TEST_TMP/$_name.raw" 2>&1 || golden_status=$?
	sed "s|$TEST_TMP|@TMP@|g" "$TEST_TMP/$_name.raw" >"$TEST_TMP/$_name.txt" &&
	if [ -n "${ECOCHECK_REGEN_GOLDEN-}" ]; then
		cp "$TEST_TMP/$_name.txt" "$GOLDEN/$_name.txt"
	fi &&
	test_cmp "$GOLDEN/$_name.txt" "$TEST_TMP/$_name.txt"
}

# commits_with_bot DIR N: N empty commits by six authors in turn (one of them a
# bot), a minute apart.
commits_with_bot() {
	_i=0
	while [ "$_i" -lt "$2" ]; do
		_who=$((_i % 6))
		if [ "$_who" -eq 5 ]; then
			_n='dependabot[bot]' _e='49699333+dependabot[bot]@users.noreply.github.com'
		else
			_n="Dev $_who" _e="dev$_who@example.com"
		fi
		test_tick &&
		GIT_AUTHOR_NAME=$_n GIT_AUTHOR_EMAIL=$_e \
			git -C "$1" commit -q --allow-empty -m "change $_i" || return 1
		_i=$((_i + 1))
	done
}

H=$TEST_TMP/healthy
git init -q "$H"
mkdir -p "$H/.github" "$H/docs"
write_demo_docs "$H"
cat >"$H/GOVERNANCE.md" <<'MD'
# Governance

The maintainers decide by lazy consensus; when that fails, they vote and a
simple majority decides.
MD
printf '%s\n' "$LF_COC" >"$H/CODE_OF_CONDUCT.md"
printf '* @demo/maintainers\n# Emeritus: @demo-retired\n' >"$H/.github/CODEOWNERS"
cp "$ECOCHECK_SRCDIR/tests/fixtures/licenses/mit-plain.txt" "$H/LICENSE.md"
printf '# Security\n\nReport vulnerabilities to security@example.com.\n' >"$H/SECURITY.md"
git -C "$H" add -A
test_tick
git -C "$H" commit -q -m "a healthy project"
commits_with_bot "$H" 40

test_expect_success 'a complete, active repository: every rule passes' '
	golden healthy &&
	test_eq "$golden_status" 0
'

test_expect_success 'the same with the community-health rule set' '
	cp -R "$H" "$TEST_TMP/healthy-community" &&
	mkdir -p "$TEST_TMP/healthy-community/.github/ISSUE_TEMPLATE" &&
	printf "# Changes\n\n## 1.0\n\nThe first release.\n" \
		>"$TEST_TMP/healthy-community/CHANGELOG.md" &&
	printf "name: Bug report\ndescription: something is wrong\nbody: []\n" \
		>"$TEST_TMP/healthy-community/.github/ISSUE_TEMPLATE/bug.yml" &&
	printf "## What and why\n" \
		>"$TEST_TMP/healthy-community/.github/pull_request_template.md" &&
	test_tick &&
	git -C "$TEST_TMP/healthy-community" add -A &&
	git -C "$TEST_TMP/healthy-community" commit -q -m "community files" &&
	golden healthy-community -r community-health &&
	test_eq "$golden_status" 0
'

M=$TEST_TMP/missing
git init -q "$M"
printf '# Missing\n\nAlmost nothing here.\n' >"$M/README.md"
git -C "$M" add -A
test_tick
git -C "$M" commit -q -m "a readme only"

test_expect_success 'a repository missing most files: every failure and its fix' '
	golden missing &&
	test_eq "$golden_status" 1
'

test_expect_success 'the same, --quiet' '
	cp -R "$M" "$TEST_TMP/missing-quiet" &&
	golden missing-quiet -q &&
	test_eq "$golden_status" 1
'

test_expect_success 'a shallow clone with a Contributor Covenant' '
	git clone -q --depth 5 "file://$H" "$TEST_TMP/shallow" &&
	printf "# Contributor Covenant Code of Conduct\n\n## Our Pledge\n\nWe pledge to make participation a harassment-free experience.\n" \
		>"$TEST_TMP/shallow/CODE_OF_CONDUCT.md" &&
	golden shallow &&
	test_eq "$golden_status" 0
'

test_done
