# lib.sh: a small shell test library in the spirit of git's t/test-lib.sh.
#
# Each test script sources this file, then calls test_expect_success
# [PREREQ] 'title' 'commands' for each case and test_done at the end; the
# output is TAP. Repositories are built on the fly with fixed identities
# and dates (test_tick), in a temporary directory removed at the end. The
# program under test is $ECOCHECK (set by make check).
#
# Writing a test body:
# - Chain every command with &&: the body is first run as
#   "(exit 117) && BODY", and the test fails with "broken &&-chain" unless
#   117 comes back, so a command that is not chained cannot be ignored.
#   Inside a loop, end the chain with "|| exit 1" (the body runs in a
#   subshell); never "|| :" (use test_expect_code or test_must_fail).
#   The (exit 117) run cannot see inside ( ) or $( ): tests/chainlint.awk
#   reads each body first and fails the test on a command there that is
#   not joined to the next by &&, || or | (unless it ends in || exit N,
#   || return N or &).
# - test_expect_code N CMD pins an exit status; test_must_fail CMD wants a
#   failure that is not a crash; ec_json STATUS ARGS... runs ecocheck
#   with a JSON report and pins its status (result_of reads the report);
#   test_cmp EXPECTED ACTUAL compares files.
# - test_when_finished 'CMD' queues a cleanup run after the body, whether
#   the body passed or not (the last queued runs first).
# - PREREQ is a comma-separated list of prerequisites (!NAME: must be
#   missing), set with test_set_prereq; a test whose prerequisite is
#   missing is skipped with its reason. lib.sh sets JQ when jq is on PATH.
#   A script that cannot run at all without one says so before its first
#   test:  if ! test_have_prereq JQ; then skip_all='jq not installed';
#   test_done; fi
# - tests/t0000-lib.sh tests this file.

set -u
LC_ALL=C
export LC_ALL
unset NO_COLOR GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_CEILING_DIRECTORIES \
	SOURCE_DATE_EPOCH ECOCHECK_RULES_DIR_OVERRIDE 2>/dev/null || :

: "${ECOCHECK:?run the tests with make check, or set ECOCHECK}"
: "${ECOCHECK_SRCDIR:=$(cd "$(dirname "$0")/.." && pwd)}"
ECOCHECK_RULES_DIR=${ECOCHECK_RULES_DIR:-$ECOCHECK_SRCDIR/rules}
export ECOCHECK_RULES_DIR

TEST_TMP=$(mktemp -d "${TMPDIR:-/tmp}/ecocheck-test.XXXXXX") || exit 99
trap 'rm -rf "$TEST_TMP"' EXIT
HOME=$TEST_TMP/home
XDG_CONFIG_HOME=$HOME/.config
GIT_CONFIG_NOSYSTEM=1
GIT_AUTHOR_NAME='A U Thor'
GIT_AUTHOR_EMAIL='author@example.com'
GIT_COMMITTER_NAME='C O Mitter'
GIT_COMMITTER_EMAIL='committer@example.com'
export HOME XDG_CONFIG_HOME GIT_CONFIG_NOSYSTEM GIT_AUTHOR_NAME \
	GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL
mkdir -p "$HOME"
# Scratch files of the tests go in the temporary directory, not the build.
cd "$TEST_TMP" || exit 99
git config --global init.defaultBranch main
git config --global advice.detachedHead false
git config --global protocol.file.allow always

# The helpers below say why they fail on descriptor 3: the log of the
# test, even when the body redirects the standard output and error of the
# command it runs.
exec 3>&2

test_count=0
test_failed=0
test_prereqs=
skip_all=
test_time=1767225600	# 2026-01-01T00:00:00Z

# Give the next commit a date 60 seconds after the previous one.
test_tick() {
	test_time=$((test_time + 60))
	GIT_AUTHOR_DATE="@$test_time +0000"
	GIT_COMMITTER_DATE="@$test_time +0000"
	export GIT_AUTHOR_DATE GIT_COMMITTER_DATE
}

# A misuse of this library: stop the whole script.
test_bug_() {
	echo "Bail out! lib.sh: $*"
	exit 1
}

# Record that the prerequisite $1 holds.
test_set_prereq() {
	test_prereqs="$test_prereqs $1"
}

# Whether every prerequisite of the comma-separated list $1 holds (!NAME:
# NAME must not); the ones that do not are left in test_missing_prereq.
test_have_prereq() {
	test_missing_prereq=
	_list=$1
	while [ -n "$_list" ]; do
		_p=${_list%%,*}
		case $_list in
		*,*) _list=${_list#*,} ;;
		*) _list= ;;
		esac
		case " $test_prereqs " in
		*" ${_p#!} "*) _have=yes ;;
		*) _have=no ;;
		esac
		case $_p,$_have in
		!*,yes | [!!]*,no)
			test_missing_prereq=${test_missing_prereq:+$test_missing_prereq,}$_p ;;
		esac
	done
	[ -z "$test_missing_prereq" ]
}

# Queue a cleanup command, run after the body of the current test whatever
# its result; a cleanup that fails fails the test.
test_when_finished() {
	[ -n "${test_in_body_-}" ] ||
		test_bug_ "test_when_finished outside a test body: $*"
	test_cleanup_="{ $*
} || { echo 'test_when_finished: a cleanup failed' >&3; test_status_=1; }
$test_cleanup_"
}

# Run the cleanups of the body that ends with status $1, and end with it
# (or with 1 when a cleanup failed): the EXIT trap of the body's subshell.
test_finish_() {
	test_status_=$1
	test_in_body_=
	eval "$test_cleanup_"
	exit "$test_status_"
}

# Evaluate $1 in a subshell with test_when_finished available.
test_eval_() {
	(
		test_in_body_=yes
		test_cleanup_=
		trap 'test_finish_ $?' EXIT
		eval "$1"
	)
}

# Run a test body: first through tests/chainlint.awk, which finds the
# broken chains inside ( ) and $( ); then as "(exit 117) && BODY", which
# runs nothing of a body whose commands are all chained with &&; then for
# real.
test_run_() {
	if ! printf '%s\n' "$1" | awk -f "$ECOCHECK_SRCDIR/tests/chainlint.awk"
	then
		echo "chain every command inside ( ) and \$( ) with &&, or end it with || exit 1"
		return 1
	fi
	test_eval_ "(exit 117) && $1"
	_rc=$?
	if [ "$_rc" -ne 117 ]; then
		echo "broken &&-chain: (exit 117) && BODY returned $_rc, not 117;"
		echo "chain every command of the body with &&"
		return 1
	fi
	test_eval_ "$1"
}

# test_expect_success [PREREQ] TITLE BODY
test_expect_success() {
	_prereq=
	if [ $# -eq 3 ]; then
		_prereq=$1
		shift
	fi
	[ $# -eq 2 ] || test_bug_ "test_expect_success: want [PREREQ] TITLE BODY"
	test_count=$((test_count + 1))
	if ! test_have_prereq "$_prereq"; then
		echo "ok $test_count # skip $1 (missing $test_missing_prereq)"
		return 0
	fi
	if test_run_ "$2" 3>"$TEST_TMP/log" >&3 2>&1; then
		echo "ok $test_count - $1"
	else
		test_failed=$((test_failed + 1))
		echo "not ok $test_count - $1"
		sed -e 's/^/#  /' "$TEST_TMP/log"
	fi
}

test_skip() {
	test_count=$((test_count + 1))
	echo "ok $test_count # skip $1 ($2)"
}

# The command must fail without crashing (unlike "!", a signal fails).
test_must_fail() {
	_rc=0
	"$@" || _rc=$?
	if [ "$_rc" -eq 0 ]; then
		echo "test_must_fail: '$*' succeeded" >&3
		return 1
	fi
	if [ "$_rc" -gt 128 ]; then
		echo "test_must_fail: '$*' died of signal $((_rc - 128))" >&3
		return 1
	fi
	if [ "$_rc" -eq 126 ] || [ "$_rc" -eq 127 ]; then
		echo "test_must_fail: '$*' could not be run (exit status $_rc)" >&3
		return 1
	fi
	return 0
}

# Run a command and insist on its exit status.
test_expect_code() {
	_want=$1
	shift
	_rc=0
	"$@" || _rc=$?
	if [ "$_rc" -ne "$_want" ]; then
		echo "exit status $_rc, want $_want: $*" >&3
		return 1
	fi
}

test_cmp() {
	diff -u "$1" "$2" >&3
}

# The file must have exactly n lines.
test_line_count() {
	case $# in 2) ;; *) test_bug_ "test_line_count N FILE, not '$*'" ;; esac
	case $1 in ''|*[!0-9]*) test_bug_ "test_line_count: '$1' is no count" ;; esac
	_n=$(wc -l <"$2") || return 1
	if [ "$_n" -ne "$1" ]; then
		echo "$2: $_n lines, want $1:" >&3
		cat "$2" >&3
		return 1
	fi
}

# End the script: the TAP plan, and the exit status. With skip_all set and
# no test run, the whole script is skipped with that reason.
test_done() {
	if [ -n "$skip_all" ] && [ "$test_count" -eq 0 ]; then
		echo "1..0 # SKIP $skip_all"
		exit 0
	fi
	echo "1..$test_count"
	[ "$test_failed" -eq 0 ] || exit 1
	exit 0
}

# copy_repo NAME DIR PATH=FILE...: a repository $TEST_TMP/NAME with
# src/x.py and DIR/FILE copied to each PATH, in one commit.
copy_repo() {
	_r=$TEST_TMP/$1
	_from=$2
	shift 2
	rm -rf "$_r" &&
	make_repo "$_r" src/x.py >/dev/null &&
	for _pf in "$@"; do
		mkdir -p "$_r/$(dirname "${_pf%%=*}")" &&
		cp "$_from/${_pf#*=}" "$_r/${_pf%%=*}" || return 1
	done &&
	git -C "$_r" add -A &&
	test_tick &&
	git -C "$_r" commit -q -m files
}

# A new repository in directory $1 with one commit of the given files
# (each argument after the first is a path; its content names itself).
make_repo() {
	_dir=$1
	shift
	git init -q "$_dir" &&
	for _f in "$@"; do
		mkdir -p "$_dir/$(dirname "$_f")" &&
		case $_f in
		*CODEOWNERS) printf '* @demo-owner\n# Emeritus: @demo-retired\n' ;;
		*) echo "content of $_f, long enough to count as a real file for the minimum size checks of the rule sets" ;;
		esac >"$_dir/$_f"
	done &&
	test_tick &&
	git -C "$_dir" add -A &&
	git -C "$_dir" commit -q --allow-empty -m initial
}

# commits DIR N PEOPLE: N empty commits, at test_tick's times, by PEOPLE
# authors in turn ("Dev 0" <dev0@example.com>, ...).
commits() {
	_i=0
	while [ "$_i" -lt "$2" ]; do
		test_tick &&
		GIT_AUTHOR_NAME="Dev $((_i % $3))" \
		GIT_AUTHOR_EMAIL="dev$((_i % $3))@example.com" \
			git -C "$1" commit -q --allow-empty -m "change $_i" || return 1
		_i=$((_i + 1))
	done
}

# The README.md, pyproject.toml and CONTRIBUTING.md of a healthy demo project in directory
# $1: every section the pytorch-ecosystem rules look for (t0004, t0011).
write_demo_docs() {
	cat >"$1/README.md" <<'EOF' &&
# Demo

Demo is a small library that shows what a healthy project looks like to the
reviewers of the PyTorch Ecosystem Working Group.

## Quick start

```sh
pip install demo
```

## Releases

A release every month from main, when the tests pass on the two latest
PyTorch releases.

## Documentation

See [the documentation](https://demo.readthedocs.io/).

## Maintainers

- Ada Lovelace (@ada)
- Alan Turing (@aturing)
EOF
	cat >"$1/pyproject.toml" <<'EOF' &&
[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

[project]
name = "demo"
dependencies = ["torch>=2.14"]
EOF
	cat >"$1/CONTRIBUTING.md" <<'EOF'
# Contributing

## Types of contributions

Bug reports, fixes, documentation and new examples are welcome.

## Development process

Fork, branch, open a pull request; a maintainer reviews it.
EOF
	mkdir -p "$1/.github/workflows" "$1/tests" &&
	cat >"$1/.github/workflows/tests.yml" <<'EOF' &&
name: tests
on: [push, pull_request]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: pip install . pytest
      - run: pytest
EOF
	printf 'def test_demo():\n    assert True\n' >"$1/tests/test_demo.py"
}

# Skip the whole file, saying why, without jq or timeout(1): the tests of
# hostile input bound each run and read its JSON.
need_jq_and_timeout() {
	if ! test_have_prereq JQ; then
		skip_all='jq not installed'
		test_done
	fi
	if ! command -v timeout >/dev/null 2>&1; then
		skip_all='timeout not installed'
		test_done
	fi
}

# ec_bounded STATUS ARGS...: ec_json under timeout 60, a guard against
# a hang (each case takes well under a second on a quiet machine, 1.3 s
# the largest; before its fix each took 10 s to minutes, times said in
# the commits): the sanitizer builds of CI on a busy machine are far
# slower, and speed is measured by tests/bench, not here.
ec_bounded() {
	ec_wrap="timeout 60"
	_rc=0
	ec_json "$@" || _rc=$?
	ec_wrap=
	return $_rc
}

# Unreadable files: as root nothing is unreadable, so a root run reads as
# nobody (setpriv, prerequisite UNREADABLE); as_reader runs its arguments
# so, and ec_reader STATUS ARGS... is ec_json run so under timeout 60.
if [ "$(id -u)" -ne 0 ]; then
	test_set_prereq UNREADABLE
	as_reader() { "$@"; }
elif command -v setpriv >/dev/null 2>&1; then
	test_set_prereq UNREADABLE
	as_reader() {
		setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
	}
fi
ec_reader() {
	ec_wrap='as_reader timeout 60'
	_rc=0
	ec_json "$@" || _rc=$?
	ec_wrap=
	return "$_rc"
}

# ec_json STATUS ARGS...: write the JSON report of ecocheck ARGS... to
# $TEST_TMP/out.json and its standard error to $TEST_TMP/err; fail unless
# ecocheck exits with STATUS (0 all pass, 1 a failure at level error, 2 a
# usage or input error). The status is also kept in ec_status. ec_wrap,
# empty unless set, holds the words of a command that runs ecocheck (for
# example 'timeout 20').
ec_wrap=
ec_json() {
	case ${1-} in
	'' | *[!0-9]*)
		test_bug_ "ec_json: the first argument is the exit status wanted, not '${1-}'" ;;
	esac
	_want=$1
	shift
	ec_status=0
	$ec_wrap "$ECOCHECK" --format json "$@" >"$TEST_TMP/out.json" \
		2>"$TEST_TMP/err" || ec_status=$?
	if [ "$ec_status" -ne "$_want" ]; then
		echo "exit status $ec_status, want $_want: ecocheck --format json $*" >&3
		cat "$TEST_TMP/err" >&3
		return 1
	fi
}

# One field of one rule's result in $TEST_TMP/out.json.
result_of() {
	jq -r --arg r "$1" ".results[] | select(.rule == \$r) | .${2:-result}" \
		"$TEST_TMP/out.json"
}

# test_must_be_empty FILE: FILE has nothing in it.
test_must_be_empty() {
	if [ -s "$1" ]; then
		echo "$1 is not empty:" >&3
		cat "$1" >&3
		return 1
	fi
}

# Compare a value with the expected one, showing both on failure.
test_eq() {
	if [ "$1" != "$2" ]; then
		echo "got '$1', want '$2'" >&3
		return 1
	fi
}

# For scripts that feed large inputs through malloc-heavy parsers: ASan's
# fast unwinding. The harness sets fast_unwind_on_malloc=0 so that
# tests/lsan.supp can name libgit2's own leaks by function, and that makes
# every malloc walk the whole stack: a 2 MB README of "](" runs takes 39 s
# instead of 2.6 s in a sanitizer build. Only for scripts whose
# repositories are sound (no libgit2 leak to suppress). No effect without
# ASan.
asan_fast_unwind() {
	ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=1"
	export ASAN_OPTIONS
}

# The prerequisites the environment decides.
if command -v jq >/dev/null 2>&1; then
	test_set_prereq JQ
fi
# A GitHub-flavoured renderer, for the tests of the Markdown reports.
if command -v cmark-gfm >/dev/null 2>&1; then
	test_set_prereq CMARK_GFM
fi

LF_COC='This project follows the Linux Foundation Code of Conduct:
https://lfprojects.org/policies/code-of-conduct/'
