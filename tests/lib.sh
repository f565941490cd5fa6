# lib.sh: a small shell test library in the spirit of git's t/test-lib.sh.
#
# Each test script sources this file, then calls test_expect_success
# 'title' 'commands' for each case and test_done at the end; the output is
# TAP. Repositories are built on the fly with fixed identities and dates
# (test_tick), in a temporary directory removed at the end. The program
# under test is $ECOCHECK (set by make check).

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

test_count=0
test_failed=0
test_time=1767225600	# 2026-01-01T00:00:00Z

# Give the next commit a date 60 seconds after the previous one.
test_tick() {
	test_time=$((test_time + 60))
	GIT_AUTHOR_DATE="@$test_time +0000"
	GIT_COMMITTER_DATE="@$test_time +0000"
	export GIT_AUTHOR_DATE GIT_COMMITTER_DATE
}

test_expect_success() {
	test_count=$((test_count + 1))
	if (set -e; eval "$2") >"$TEST_TMP/log" 2>&1; then
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
		echo "test_must_fail: '$*' succeeded"
		return 1
	fi
	if [ "$_rc" -gt 128 ]; then
		echo "test_must_fail: '$*' died of signal $((_rc - 128))"
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
		echo "exit status $_rc, want $_want: $*"
		return 1
	fi
}

test_cmp() {
	diff -u "$1" "$2"
}

# The file must have exactly n lines.
test_line_count() {
	_n=$(wc -l <"$2")
	if [ "$_n" -ne "$1" ]; then
		echo "$2: $_n lines, want $1:"
		cat "$2"
		return 1
	fi
}

test_done() {
	echo "1..$test_count"
	[ "$test_failed" -eq 0 ]
}

# A new repository in directory $1 with one commit of the given files
# (each argument after the first is a path; its content names itself).
make_repo() {
	_dir=$1
	shift
	git init -q "$_dir" &&
	for _f in "$@"; do
		mkdir -p "$_dir/$(dirname "$_f")" &&
		echo "content of $_f, long enough to count as a real file for the minimum size checks of the rule sets" >"$_dir/$_f"
	done &&
	test_tick &&
	git -C "$_dir" add -A &&
	git -C "$_dir" commit -q --allow-empty -m initial
}

# Write the JSON report of ecocheck on a repository to $TEST_TMP/out.json;
# the exit status is kept in ec_status.
ec_json() {
	ec_status=0
	"$ECOCHECK" --format json "$@" >"$TEST_TMP/out.json" 2>"$TEST_TMP/err" ||
		ec_status=$?
	return 0
}

# One field of one rule's result in $TEST_TMP/out.json.
result_of() {
	jq -r --arg r "$1" ".results[] | select(.rule == \$r) | .${2:-result}" \
		"$TEST_TMP/out.json"
}

# The exit status of the last ec_json must be $1.
status_is() {
	if [ "$ec_status" -ne "$1" ]; then
		echo "exit status $ec_status, want $1"
		cat "$TEST_TMP/err"
		return 1
	fi
}

# Compare a value with the expected one, showing both on failure.
test_eq() {
	if [ "$1" != "$2" ]; then
		echo "got '$1', want '$2'"
		return 1
	fi
}

LF_COC='This project follows the Linux Foundation Code of Conduct:
https://lfprojects.org/policies/code-of-conduct/'
