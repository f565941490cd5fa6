#!/bin/sh
# precommit.sh: time the pre-commit hook on a 100,000-file checkout
#
# Usage: tests/bench/precommit.sh [REPO]
#
# Builds, once, a repository of 100,000 tracked files (the project files
# a healthy ecosystem project has, then 200 directories of 500 files, all
# of one blob, put in the index with "git update-index --index-info" and
# committed), cached under ${TMPDIR:-/tmp}/ecocheck-bench-precommit (or
# at REPO); the time it took to build is printed. A README edit is then
# staged, as before a commit. Then times, best of $RUNS runs (default 11):
#
#	hook		$ECOCHECK --staged -q (the index judged against HEAD)
#	absolute	$ECOCHECK --staged --absolute -q (the index alone)
#	git		git diff --cached --quiet
#	libgit2		tests/bench/libgit2-open REPO: a program that starts
#			libgit2 and opens the repository, nothing more
#
# The baseline is git plus libgit2: what a hook that asks git what is
# staged, then opens the repository with libgit2, costs before it
# judges anything. The targets: the hook within 1.5 times the baseline,
# and under 30 ms. Times are wall-clock; with perf(1) on PATH the CPU time
# (task-clock, user and system) is printed too, which a busy machine
# disturbs less: the best of $RUNS rounds, a round running each of the
# four once.
set -eu

ECOCHECK=${ECOCHECK:-./src/ecocheck}
OPEN=${OPEN:-./tests/bench/libgit2-open}
CACHE=${TMPDIR:-/tmp}/ecocheck-bench-precommit
REPO=${1:-$CACHE/repo}
RUNS=${RUNS:-11}
VERSION=1		# bump when the generated repository changes

. "$(dirname "$0")/lib.sh"

[ -x "$ECOCHECK" ] || { echo "$0: $ECOCHECK: build it first" >&2; exit 2; }
[ -x "$OPEN" ] || { echo "$0: $OPEN: build it first (make check)" >&2; exit 2; }

# Put a file with this content at this path in the index.
stage() {
	printf '100644 %s\t%s\n' "$(printf '%s' "$2" |
	    git -C "$REPO" hash-object -w --stdin)" "$1" |
	    git -C "$REPO" update-index --add --index-info
}

build() {
	rm -rf "$REPO"
	mkdir -p "$REPO"
	git -C "$REPO" init -q -b main
	stage README.md "$(printf '# pkg\n\npkg does one thing well, for PyTorch users.\n\n## Installation\n\n    pip install pkg\n\n## Usage\n\n    import pkg\n')"
	stage LICENSE.md "$(printf 'MIT License\n\nCopyright (c) 2024 pkg authors\n')"
	stage CONTRIBUTING.md "$(printf '# Contributing\n\nOpen a pull request; run pytest first.\n')"
	stage .github/workflows/test.yml "$(printf 'on: [push, pull_request]\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pip install torch>=2.5\n      - run: pytest\n')"
	stage pyproject.toml "$(printf '[project]\nname = "pkg"\nversion = "1.0"\ndependencies = ["torch>=2.5"]\n')"
	blob=$(printf 'VALUE = 1\n' | git -C "$REPO" hash-object -w --stdin)
	awk -v b="$blob" 'BEGIN {
		for (d = 0; d < 200; d++)
			for (f = 0; f < 500; f++)
				printf "100644 %s\tpkg/d%03d/m%03d.py\n", b, d, f
	}' | git -C "$REPO" update-index --add --index-info
	git -C "$REPO" commit -q -m 'the files'
	echo "$VERSION" >"$REPO/.git/ecocheck-bench"
}

if [ "$(cat "$REPO/.git/ecocheck-bench" 2>/dev/null)" != "$VERSION" ]; then
	t0=$(date +%s%N)
	build
	t1=$(date +%s%N)
	echo "built $REPO in $(seconds $((t1 - t0))) s"
fi
n=$(git -C "$REPO" ls-files | wc -l)
echo "$n files in the index"
# A README edit staged: the index and HEAD differ in one file.
stage README.md "$(printf '# pkg\n\npkg does one thing well, for PyTorch users.\n\n## Installation\n\n    pip install pkg\n\n## Usage\n\n    import pkg\n\nEdited.\n')"

if command -v perf >/dev/null 2>&1 &&
    perf stat -x, -e task-clock true >/dev/null 2>&1; then
	echo "CPU time (task-clock), best of $RUNS rounds of the four:"
	chook= cabs= cgit= copen=
	i=0
	while [ $i -lt "$RUNS" ]; do
		chook=$(least "$chook" "$(cpu_ms "$ECOCHECK" --staged -q \
		    --no-repo-config "$REPO")")
		cabs=$(least "$cabs" "$(cpu_ms "$ECOCHECK" --staged \
		    --absolute -q --no-repo-config "$REPO")")
		cgit=$(least "$cgit" "$(cpu_ms git -C "$REPO" diff --cached \
		    --quiet)")
		copen=$(least "$copen" "$(cpu_ms "$OPEN" "$REPO")")
		i=$((i + 1))
	done
	awk -v h="$chook" -v a="$cabs" -v g="$cgit" -v o="$copen" 'BEGIN {
		b = g + o
		printf "  %-38s %8.1f ms\n", "git diff --cached --quiet", g
		printf "  %-38s %8.1f ms\n", "libgit2-open", o
		printf "  %-38s %8.1f ms\n", "baseline (the two)", b
		printf "  %-38s %8.1f ms  %.2fx\n", "ecocheck --staged --absolute -q", a, a / b
		printf "  %-38s %8.1f ms  %.2fx\n", "ecocheck --staged -q (the hook)", h, h / b
	}'
	echo "wall-clock, best of $RUNS:"
fi
hook=$(best "$ECOCHECK" --staged -q --no-repo-config "$REPO")
abs=$(best "$ECOCHECK" --staged --absolute -q --no-repo-config "$REPO")
gitt=$(best git -C "$REPO" diff --cached --quiet)
open=$(best "$OPEN" "$REPO")
base=$((gitt + open))
awk -v h="$hook" -v a="$abs" -v g="$gitt" -v o="$open" -v b="$base" 'BEGIN {
	printf "%-40s %8.1f ms\n", "git diff --cached --quiet", g / 1e6
	printf "%-40s %8.1f ms\n", "libgit2-open: start, open the repository", o / 1e6
	printf "%-40s %8.1f ms\n", "baseline (the two)", b / 1e6
	printf "%-40s %8.1f ms  %.2fx\n", "ecocheck --staged --absolute -q", \
	    a / 1e6, a / b
	printf "%-40s %8.1f ms  %.2fx\n", "ecocheck --staged -q (the hook)", \
	    h / 1e6, h / b
	printf "target: the hook within 1.5x of the baseline and under 30 ms: %s\n", \
	    h <= 1.5 * b && h < 30e6 ? "met" : "NOT met"
}'
