#!/bin/sh
# t0013-invariants.sh: the shape of the source, tested as curl tests its
# own: reports know nothing of git, rule types read only through the
# check context, and only the history walk walks commits. See DESIGN.md,
# "Layout": arrows only point down.
. "$(dirname "$0")/lib.sh"

S=$ECOCHECK_SRCDIR/src
O=${EC_OBJDIR:-$(dirname "$ECOCHECK")}

have_nm=no
command -v nm >/dev/null 2>&1 && have_nm=yes
have_cc=no
test -n "${EC_CC:-}" && have_cc=yes

# The undefined symbols of one object, one a line.
undefined() {
	nm -u "$1" | sed -n "s/^ *U //p"
}

if test $have_cc = no; then
	test_skip 'no report-*.c includes git2.h' 'EC_CC not set: run with make check'
else
test_expect_success 'no report-*.c includes git2.h, directly or through a header' '
	for f in "$S"/report*.c; do
		# shellcheck disable=SC2086
		$EC_CC $EC_CPPFLAGS -M "$f" >deps || { echo "$f: cannot list includes"; exit 1; }
		if grep -q "git2" deps; then
			echo "$(basename "$f") includes git2.h:"
			tr " " "\n" <deps | grep -v "^/usr" | grep "\.h" | head -20
			exit 1
		fi
	done
'

fi

test_expect_success 'the findings and report headers name no git type' '
	for h in finding.h report.h report-json.h; do
		grep -n "git_\|GIT_" "$S/$h" && { echo "$h names git"; exit 1; }
		:
	done
'

if test $have_nm = no; then
	test_skip 'rule types and the history walk, by their symbols' 'nm is not installed'
else
test_expect_success 'no rule-*.c calls open, fopen, stat or a libgit2 function' '
	ls "$O"/rule-*.o >objs &&
	test "$(wc -l <objs)" -gt 3 &&
	while read -r o; do
		undefined "$o" >syms &&
		if grep -E "^(git_|open|open64|openat|openat64|fopen|fopen64|stat|stat64|lstat|lstat64|fstat|fstat64|fstatat|fstatat64|__xstat|__lxstat|__fxstat|opendir|fdopendir|readlink|readlinkat|read|pread)$" syms; then
			echo "$(basename "$o") reads or calls libgit2 by itself"
			exit 1
		fi
	done <objs
'

test_expect_success 'only history.c walks commits' '
	test -f "$O/history.o" &&
	undefined "$O/history.o" | grep -q "^git_odb_read$" &&
	for o in "$O"/*.o; do
		test "$(basename "$o")" = history.o && continue
		if undefined "$o" | grep -E "^(git_revwalk_|git_commit_parent|git_graph_|git_merge_base|git_commit_nth_gen_ancestor|git_odb_read$)"; then
			echo "$(basename "$o") walks commits"
			exit 1
		fi
	done
'

fi

if test $have_cc = no || test $have_nm = no; then
	test_skip 'readers are pure' 'EC_CC not set or nm not installed'
else
test_expect_success 'readers are pure: every reader row is in src/read/, no file there includes ctx.h, tree.h or git2.h' '
	nm -g --defined-only "$O"/*.o "$O"/read/*.o 2>/dev/null |
		awk "/:\$/ { o = \$0; sub(/:\$/, \"\", o) } \$2 ~ /^[RD]\$/ && \$3 ~ /^reader_/ { print o }" |
		sort -u >objs &&
	test "$(wc -l <objs)" -ge 5 &&
	if grep -v "/read/[^/]*\.o$" objs; then
		echo "a reader row outside src/read/"
		exit 1
	fi &&
	for src in "$S"/read/*.c; do
		# shellcheck disable=SC2086
		$EC_CC $EC_CPPFLAGS -M "$src" >deps || { echo "$src: cannot list includes"; exit 1; }
		if tr " " "\n" <deps | grep -E "(^|/)(ctx|tree|tree-impl)\.h$|git2"; then
			echo "reader $(basename "$src") includes the context, the tree or libgit2"
			exit 1
		fi
	done
'
fi

test_expect_success 'the invariants themselves catch a violation' '
	printf "#include <git2.h>\n#include \"finding.h\"\n" >bad-report.c &&
	# shellcheck disable=SC2086
	if test -n "${EC_CC:-}"; then
		$EC_CC $EC_CPPFLAGS -M bad-report.c | grep -q git2
	fi &&
	printf "int git_x(void);\nint f(void) { return git_x(); }\n" >bad-rule.c &&
	if command -v nm >/dev/null 2>&1 && test -n "${EC_CC:-}"; then
		$EC_CC -c bad-rule.c -o bad-rule.o &&
		undefined bad-rule.o | grep -q "^git_x$"
	fi
'

test_done
