#!/bin/sh
# many.sh: 200 clones checked one at a time against -j N
#
# Usage: tests/bench/many.sh [N]
#
# N defaults to the number of online processors. Makes 200 clones
# (git clone -q --shared, so they cost little room) of one repository and
# times, after a warm-up run each:
#
#	the sum of 200 single runs	ecocheck --format jsonl CLONE
#	-j 1				ecocheck -j 1 --format jsonl --each DIR
#	-j N				ecocheck -j N --format jsonl --each DIR
#
# all with --as-of fixed and --no-repo-config, the best of RUNS (default 3)
# runs each. Target: -j N at most the sum of the single runs divided by N,
# plus 10%, and below -j 1. The rule sets are the source tree's unless
# ECOCHECK_RULES_DIR says otherwise. On a machine that runs other work,
# raise RUNS: only the best run tells what ecocheck itself costs.
#
# Two variants. "built": a repository made here with git fast-import (500
# commits by 12 people, a README, a license, a CONTRIBUTING, a workflow and
# a small Python package), cached under ${TMPDIR:-/tmp}/ecocheck-bench-many.
# "opacus": the snapshot $SNAPSHOTS/pytorch+opacus/repo (a bare git
# directory, as fetching github:pytorch/opacus brings it), run only when
# SNAPSHOTS is set and holds it.
set -eu

ECOCHECK=${ECOCHECK:-./src/ecocheck}
CACHE=${TMPDIR:-/tmp}/ecocheck-bench-many
RUNS=${RUNS:-3}
NCLONES=${NCLONES:-200}
N=${1:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)}
AS_OF=2024-01-01T00:00:00Z
VERSION=1

. "$(dirname "$0")/lib.sh"

[ -x "$ECOCHECK" ] || { echo "$0: $ECOCHECK: build it first" >&2; exit 2; }
mkdir -p "$CACHE"
ECOCHECK_RULES_DIR=${ECOCHECK_RULES_DIR:-$(cd "$(dirname "$0")/../../rules" && pwd)}
export ECOCHECK_RULES_DIR

# The fast-import stream of the "built" repository.
stream() {
	awk -v n=500 'BEGIN {
		t = 1704067200 - n * 3600
		for (i = 1; i <= n; i++) {
			who = "Dev " (i % 12)
			mail = "dev" (i % 12) "@example.org"
			printf "commit refs/heads/main\n"
			printf "author %s <%s> %d +0000\n", who, mail, t + i * 3600
			printf "committer %s <%s> %d +0000\n", who, mail, t + i * 3600
			printf "data <<EOM\nchange %d\nEOM\n", i
			if (i == 1) {
				printf "M 644 inline README.md\ndata <<EOM\n# pkg\n\npkg does one thing well, for PyTorch users.\n\n## Installation\n\n    pip install pkg\n\n## Usage\n\n    import pkg\nEOM\n"
				printf "M 644 inline LICENSE.md\ndata <<EOM\nMIT License\n\nCopyright (c) 2024 pkg authors\nEOM\n"
				printf "M 644 inline CONTRIBUTING.md\ndata <<EOM\n# Contributing\n\nOpen a pull request; run pytest first.\nEOM\n"
				printf "M 644 inline .github/workflows/test.yml\ndata <<EOM\non: [push, pull_request]\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pip install torch>=2.5\n      - run: pytest\nEOM\n"
				printf "M 644 inline pyproject.toml\ndata <<EOM\n[project]\nname = \"pkg\"\nversion = \"1.0\"\ndependencies = [\"torch>=2.5\"]\nEOM\n"
			}
			printf "M 644 inline pkg/m%d.py\ndata <<EOM\nVALUE = %d\nEOM\n\n", i % 40, i
		}
	}'
}

built_repo() {
	src=$CACHE/built-v$VERSION.git
	if [ ! -d "$src" ]; then
		git init -q --bare "$src.tmp"
		stream | git -C "$src.tmp" fast-import --quiet
		git -C "$src.tmp" symbolic-ref HEAD refs/heads/main
		mv "$src.tmp" "$src"
	fi
	echo "$src"
}

# Make $NCLONES clones of $1 under $2.
clones() {
	rm -rf "$2"
	mkdir -p "$2"
	i=1
	while [ $i -le "$NCLONES" ]; do
		git clone -q --shared "$1" "$2/c$(printf %03d $i)"
		i=$((i + 1))
	done
}

# Nanoseconds of the sum of single runs over the clones under $1, each
# the best of $RUNS.
single_runs() {
	total=0
	for c in "$1"/c*; do
		t=$(best "$ECOCHECK" --no-repo-config --as-of $AS_OF --format jsonl "$c")
		total=$((total + t))
	done
	echo $total
}

# Stop when a check does not report: the times would be of nothing.
sane() {
	out=$("$ECOCHECK" --no-repo-config --as-of $AS_OF --format jsonl \
	    "$1" 2>&1) || [ $? -eq 1 ] || {
		echo "$0: ecocheck $1: $out" >&2
		exit 2
	}
}

variant() {
	name=$1 src=$2 dir=$CACHE/clones-$1
	echo "$name: $NCLONES clones of $src"
	clones "$src" "$dir"
	sane "$dir/c001"
	sum=$(single_runs "$dir")
	j1=$(best "$ECOCHECK" -j 1 --no-repo-config --as-of $AS_OF --format jsonl \
	    --each "$dir")
	jn=$(best "$ECOCHECK" -j "$N" --no-repo-config --as-of $AS_OF \
	    --format jsonl --each "$dir")
	awk -v s="$sum" -v a="$j1" -v b="$jn" -v n="$N" 'BEGIN {
		ideal = s / n
		printf "  sum of single runs %.3fs, -j 1 %.3fs, -j %d %.3fs\n", \
		    s / 1e9, a / 1e9, n, b / 1e9
		printf "  sum/N %.3fs, target (+10%%) %.3fs: -j %d is %.2f of sum/N: %s\n", \
		    ideal / 1e9, ideal * 1.1 / 1e9, n, b / ideal, \
		    b <= ideal * 1.1 ? "met" : "missed"
		printf "  -j %d / -j 1 = %.2f: %s\n", n, b / a, \
		    b < a ? "faster" : "not faster"
	}'
	rm -rf "$dir"
}

echo "ecocheck -j: N = $N"
variant built "$(built_repo)"
if [ -n "${SNAPSHOTS:-}" ] && [ -d "$SNAPSHOTS/pytorch+opacus/repo" ]; then
	variant opacus "$SNAPSHOTS/pytorch+opacus/repo"
else
	echo "opacus: skipped: set SNAPSHOTS to a directory holding pytorch+opacus/repo (fetch github:pytorch/opacus)"
fi
