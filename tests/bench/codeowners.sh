#!/bin/sh
# codeowners.sh: how fast the CODEOWNERS matcher finds the owner of every
# path of a 100,000-file tree among 100, 1,000 and 10,000 patterns,
# against git's own gitignore matcher on the same patterns
#
# Usage: tests/bench/codeowners.sh [FILES [PATTERNS...]]
#
# Makes FILES paths (default 100000) under src/, in path order as a tree
# lists them (no file is written), and for each PATTERNS (default 100
# 1000 10000) a CODEOWNERS file: a catch-all "*" first, then anchored
# directories, anchored files, "*.ext", names anywhere, "/src/pkgN/**/"
# directories and "/src/pkgN/modM/*.md". Then times, each a whole process
# reading the paths from a file and writing one answer a path:
#
#   ours    tests/codeowners-match FILE: parses FILE, builds the index
#           and prints the last rule owning each path, as GitHub picks
#           it (every path's own rules are looked at: a later pattern
#           may take a file from its directory's owner).
#   git     git check-ignore --no-index --stdin, the patterns as the
#           .gitignore of an empty repository, in two ways:
#     as written: with the catch-all first. git then asks about src/
#           once, finds it ignored, and answers every path below from
#           it without looking at the path or its own patterns: the
#           floor of reading, parsing and printing, not the same work.
#     equal work: without the catch-all (ours runs on that file too).
#           git must then find each path's last matching pattern, as
#           ours does: a directory's answer once for the files in it
#           (an ignored directory answers for all it holds), and each
#           other path tried against the patterns, last first. git has
#           no index of its patterns, so this costs files x patterns
#           (minutes at 10,000); GIT_EQUAL_MAX=N skips it above N.
#
# Each time is the median of three runs (one for git's equal work), in
# ms; ratio is ours / git; growth is a time over the time of the
# patterns ten times fewer. "agree" checks that the paths git ignores
# are those ours gives an owner, with equal work.
set -eu

MATCH=${CODEOWNERS_MATCH:-./tests/codeowners-match}
FILES=${1:-100000}
[ $# -gt 0 ] && shift
COUNTS=${*:-100 1000 10000}
GIT_EQUAL_MAX=${GIT_EQUAL_MAX:-10000}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ecocheck-cobench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

[ -x "$MATCH" ] || { echo "$0: $MATCH: build it with make check" >&2; exit 2; }
case $MATCH in /*) ;; *) MATCH=$PWD/$MATCH ;; esac

# Paths: 50 packages of 40 modules, 7 directories each, files of several
# kinds; sorted as a tree walk gives them.
awk -v n="$FILES" 'BEGIN {
	split("py c h md txt json yaml rst", ext, " ")
	for (i = 0; i < n; i++) {
		p = i % 50; m = int(i / 50) % 40; d = int(i / 2000) % 7
		printf "src/pkg%d/mod%d/%s/file%d.%s\n", p, m,
		    (d == 0 ? "gen" : "sub" d), i, ext[i % 8 + 1]
	}
}' | LC_ALL=C sort >"$TMP/paths"

# Patterns: mostly anchored directories, as real files are.
patterns() {
	awk -v n="$1" 'BEGIN {
		print "* @org/everyone"
		for (i = 1; i < n; i++) {
			k = i % 10; p = i % 50; m = int(i / 50) % 40
			if (k < 5)
				printf "/src/pkg%d/mod%d/ @user%d\n", p, m, i
			else if (k == 5)
				printf "/src/pkg%d/mod%d/sub%d/file%d.py @user%d\n",
				    p, m, i % 7, i, i
			else if (k == 6)
				printf "*.ext%d @org/team%d\n", i, i
			else if (k == 7)
				printf "name%d @user%d\n", i, i
			else if (k == 8)
				printf "/src/pkg%d/**/gen%d/ @user%d\n", p, i, i
			else
				printf "/src/pkg%d/mod%d/*.md @user%d\n", p, m, i
		}
	}'
}

# The median of three runs of "$@" in ms (one run with ONCE=1).
ms() {
	for _i in 1 2 3; do
		_s=$(date +%s%N)
		"$@"
		_e=$(date +%s%N)
		echo $(( (_e - _s) / 1000000 ))
		[ "${ONCE:-0}" = 1 ] && break
	done | sort -n | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'
}

ours() { "$MATCH" "$1" <"$TMP/paths" >"$TMP/owners"; }
theirs() { git -C "$TMP/repo" check-ignore --no-index --stdin <"$TMP/paths" >"$TMP/ignored" || :; }

git init -q "$TMP/repo"
echo "paths: $(wc -l <"$TMP/paths") under src/ (ms; ratio ours/git; growth per 10x patterns)"
printf '%-9s %9s %9s %7s %7s %11s %7s %7s %6s\n' patterns ours \
	git-floor ratio growth git-equal ratio growth agree
prev_o= prev_f= prev_g=
for n in $COUNTS; do
	patterns "$n" >"$TMP/co"
	sed 1d "$TMP/co" >"$TMP/co-equal"
	o=$(ms ours "$TMP/co")
	sed 's/ .*//' "$TMP/co" >"$TMP/repo/.gitignore"
	f=$(ms theirs)
	if [ "$n" -le "$GIT_EQUAL_MAX" ]; then
		sed 's/ .*//' "$TMP/co-equal" >"$TMP/repo/.gitignore"
		g=$(ONCE=1 ms theirs)
		ours "$TMP/co-equal"
		awk -F '\t' '$2 != 0 { print $1 }' "$TMP/owners" >"$TMP/owned"
		cmp -s "$TMP/owned" "$TMP/ignored" && agree=yes || agree=no
	else
		g=- agree=-
	fi
	awk -v n="$n" -v o="$o" -v f="$f" -v g="$g" -v po="$prev_o" \
	    -v pf="$prev_f" -v pg="$prev_g" -v a="$agree" '
	function ratio(x, y) { return (y + 0 > 0 && x != "-" && y != "-") ? sprintf("%.2f", x / y) : "-" }
	BEGIN {
		printf "%-9s %9s %9s %7s %7s %11s %7s %7s %6s\n", n, o, f,
		    ratio(o, f), (po == "" ? "-" : ratio(o, po) "x"), g,
		    ratio(o, g), (pg == "" || pg == "-" ? "-" : ratio(g, pg) "x"), a
	}'
	prev_o=$o prev_f=$f prev_g=$g
done
