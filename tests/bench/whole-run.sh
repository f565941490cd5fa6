#!/bin/sh
# whole-run.sh: the whole default run (the shipped pytorch-ecosystem rule
# set, history included) against git's own commands that read the same
# things
#
# Usage: tests/bench/whole-run.sh
#
# For each repository below, times (best of $RUNS rounds, default 7, a
# round running each command once; CPU time with perf(1) on PATH, else
# wall-clock):
#
#	ecocheck	$ECOCHECK -q --no-repo-config --as-of DATE REPO
#	plumbing	git ls-files -co --exclude-standard
#			+ git rev-list --count --since --until HEAD
#			+ git log --use-mailmap --since --until --format=%aE
#			  HEAD | sort -u
#
# with the window at HEAD's date and with an empty one (DATE a year after
# HEAD: no commit in the window, so neither side walks history, and what
# is left is start-up and the listing), and prints each ratio.
#
# Repositories:
#   - a generated one (git fast-import): $FILES files (default 20000),
#     $COMMITS commits (default 20000) by 50 authors, $WINDOW of them
#     (default 300) in the 90 days before HEAD; cached under
#     ${TMPDIR:-/tmp}/ecocheck-bench-whole. With GROWTH=1 it is also
#     made with ten times the files, then ten times the commits, and the
#     growth of each side per 10x is printed.
#   - git.git and a bare clone of it, when $SNAPSHOTS names a folder that
#     holds git+git/repo (a bare snapshot: fetch it with the tool
#     library's fetch verb, github:git/git); skipped, saying so, without.
set -eu

ECOCHECK=${ECOCHECK:-./src/ecocheck}
CACHE=${TMPDIR:-/tmp}/ecocheck-bench-whole
RUNS=${RUNS:-7}
FILES=${FILES:-20000}
COMMITS=${COMMITS:-20000}
WINDOW=${WINDOW:-300}
VERSION=1		# bump when the generated repository changes

mkdir -p "$CACHE"
. "$(dirname "$0")/lib.sh"

[ -x "$ECOCHECK" ] || { echo "$0: $ECOCHECK: build it first" >&2; exit 2; }

if command -v perf >/dev/null 2>&1 &&
    perf stat -x, -e task-clock true >/dev/null 2>&1; then
	CLOCK=cpu
else
	CLOCK=wall
fi

# Milliseconds of one run of "$@".
once() {
	if [ "$CLOCK" = cpu ]; then
		cpu_ms "$@"
	else
		_t0=$(date +%s%N)
		"$@" >/dev/null 2>&1 || :
		_t1=$(date +%s%N)
		awk -v ns=$((_t1 - _t0)) 'BEGIN { printf "%.3f\n", ns / 1e6 }'
	fi
}

# The three plumbing commands on repository $1 for the window ending at
# epoch $2, as one program for once() (a shell of its own, as perf runs
# it).
PLUMBING='since=$(($2 - 90 * 86400))
git -C "$1" ls-files -co --exclude-standard >/dev/null 2>&1 || :
git -C "$1" rev-list --count --since="@$since" --until="@$2" HEAD >/dev/null
git -C "$1" log --use-mailmap --since="@$since" --until="@$2" \
    --format=%aE HEAD | sort -u >/dev/null'

# gen DIR FILES COMMITS WINDOW: the generated repository, made once.
gen() {
	_stamp="$VERSION $2 $3 $4"
	[ "$(cat "$1/.git/ecocheck-bench" 2>/dev/null)" = "$_stamp" ] &&
		return 0
	rm -rf "$1"
	git init -q -b main "$1"
	t0=$(date +%s%N)
	awk -v files="$2" -v commits="$3" -v window="$4" 'BEGIN {
		head = 1700000000
		start = head - 100 * 86400 - commits * 60
		print "blob\nmark :1\ndata 14\nVALUE = 1\n# a\n"
		print "blob\nmark :2\ndata 14\nVALUE = 2\n# b\n"
		for (i = 0; i < commits; i++) {
			if (i >= commits - window)
				t = head - 89 * 86400 + \
				    int((i - commits + window) * 89 * 86400 / window)
			else
				t = start + i * 60
			if (i == commits - 1)
				t = head
			a = i % 50
			printf "commit refs/heads/main\n"
			printf "author Dev %d <dev%d@example.com> %d +0000\n", a, a, t
			printf "committer Dev %d <dev%d@example.com> %d +0000\n", a, a, t
			printf "data 10\nchange %02d\n", i % 100
			if (i == 0) {
				for (f = 0; f < files; f++)
					printf "M 100644 :1 pkg/d%03d/m%05d.py\n", \
					    f % 200, f
				readme = "# pkg\n\npkg does one thing well, for PyTorch.\n"
				printf "M 100644 inline README.md\ndata %d\n%s\n", \
				    length(readme), readme
			} else
				printf "M 100644 :%d pkg/d%03d/m%05d.py\n", \
				    i % 2 + 1, i % 200, i % files
			print ""
		}
	}' | git -C "$1" fast-import --quiet
	git -C "$1" reset -q --hard main
	t1=$(date +%s%N)
	echo "$_stamp" >"$1/.git/ecocheck-bench"
	echo "  made $1 ($2 files, $3 commits, $4 in the window) in $(seconds $((t1 - t0))) s"
}

# judge NAME REPO: both sides at HEAD's window and with an empty one, the
# best of $RUNS rounds. A round runs each of the four once, so that a
# machine whose speed drifts (a shared one) moves both sides of a ratio
# alike.
judge() {
	_head=$(git -C "$2" log -1 --format=%ct HEAD)
	_late=$((_head + 365 * 86400))
	e1= p1= e0= p0=
	_r=0
	while [ $_r -lt "$RUNS" ]; do
		e1=$(least "$e1" "$(once "$ECOCHECK" -q --no-repo-config \
		    --as-of "@$_head" "$2")")
		p1=$(least "$p1" "$(once sh -c "$PLUMBING" plumbing "$2" \
		    "$_head")")
		e0=$(least "$e0" "$(once "$ECOCHECK" -q --no-repo-config \
		    --as-of "@$_late" "$2")")
		p0=$(least "$p0" "$(once sh -c "$PLUMBING" plumbing "$2" \
		    "$_late")")
		_r=$((_r + 1))
	done
	awk -v n="$1" -v e1="$e1" -v p1="$p1" -v e0="$e0" -v p0="$p0" 'BEGIN {
		printf "  %-28s window at HEAD: ecocheck %8.1f ms, plumbing %8.1f ms, %.2fx\n", n, e1, p1, e1 / p1
		printf "  %-28s empty window:   ecocheck %8.1f ms, plumbing %8.1f ms, %.2fx\n", "", e0, p0, e0 / p0
	}'
	last_e=$e1
	last_p=$p1
}

echo "$CLOCK time, best of $RUNS"
G=$CACHE/gen
gen "$G" "$FILES" "$COMMITS" "$WINDOW"
judge "generated" "$G"
if [ "${GROWTH:-0}" = 1 ]; then
	be=$last_e bp=$last_p
	gen "$G-files" $((FILES * 10)) "$COMMITS" "$WINDOW"
	judge "generated, 10x files" "$G-files"
	fe=$last_e fp=$last_p
	gen "$G-commits" "$FILES" $((COMMITS * 10)) $((WINDOW * 10))
	judge "generated, 10x commits" "$G-commits"
	awk -v be="$be" -v bp="$bp" -v fe="$fe" -v fp="$fp" -v ce="$last_e" \
	    -v cp="$last_p" 'BEGIN {
		printf "  growth per 10x files:   ecocheck %.1fx, plumbing %.1fx\n", fe / be, fp / bp
		printf "  growth per 10x commits: ecocheck %.1fx, plumbing %.1fx\n", ce / be, cp / bp
	}'
fi

if [ -z "${SNAPSHOTS:-}" ] || [ ! -d "${SNAPSHOTS:-}/git+git/repo" ]; then
	echo "git.git: skipped: \$SNAPSHOTS/git+git/repo not found (fetch github:git/git with the tool library's fetch verb and set SNAPSHOTS to its folder)"
	exit 0
fi
W=$CACHE/git.git
if [ ! -d "$W/.git" ]; then
	git clone -q "$SNAPSHOTS/git+git/repo" "$W"
fi
judge "git.git (work tree)" "$W"
judge "git.git (bare snapshot)" "$SNAPSHOTS/git+git/repo"
