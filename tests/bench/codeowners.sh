#!/bin/sh
# codeowners.sh: how fast the CODEOWNERS matcher finds the owner of every
# path of a 100,000-file tree among 1,000 patterns, against git's own
# gitignore matcher on the same patterns
#
# Usage: tests/bench/codeowners.sh [FILES [PATTERNS]]
#
# Makes a tree of FILES paths (default 100000) in an index only (no file
# is written: the empty blob for each) and PATTERNS CODEOWNERS lines
# (default 1000: anchored directories and files, extensions, names
# anywhere, "**" and "*" patterns), then times
# "tests/codeowners-match -t" (the index is built and every path's owner
# found; the milliseconds it reports) and
# "git ls-files | git check-ignore --no-index --stdin" with the same
# patterns as .gitignore, and prints both and their ratio.
set -eu

MATCH=${CODEOWNERS_MATCH:-./tests/codeowners-match}
FILES=${1:-100000}
PATTERNS=${2:-1000}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ecocheck-cobench.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

[ -x "$MATCH" ] || { echo "$0: $MATCH: build it with make check" >&2; exit 2; }

# Paths: 50 packages, 40 modules each, files of several kinds.
awk -v n="$FILES" 'BEGIN {
	split("py c h md txt json yaml rst", ext, " ")
	for (i = 0; i < n; i++) {
		p = i % 50; m = int(i / 50) % 40; d = int(i / 2000) % 7
		printf "pkg%d/mod%d/%s/file%d.%s\n", p, m,
		    (d == 0 ? "gen" : "sub" d), i, ext[i % 8 + 1]
	}
}' >"$TMP/paths"

# Patterns: mostly anchored directories, as real files are.
awk -v n="$PATTERNS" 'BEGIN {
	print "* @org/everyone"
	for (i = 1; i < n; i++) {
		k = i % 10; p = i % 50; m = int(i / 50) % 40
		if (k < 5)
			printf "/pkg%d/mod%d/ @user%d\n", p, m, i
		else if (k == 5)
			printf "/pkg%d/mod%d/sub%d/file%d.py @user%d\n", p, m, i % 7, i, i
		else if (k == 6)
			printf "*.ext%d @org/team%d\n", i, i
		else if (k == 7)
			printf "name%d @user%d\n", i, i
		else if (k == 8)
			printf "/pkg%d/**/gen%d/ @user%d\n", p, i, i
		else
			printf "/pkg%d/mod%d/*.md @user%d\n", p, m, i
	}
}' >"$TMP/CODEOWNERS"

"$MATCH" -t "$TMP/CODEOWNERS" <"$TMP/paths" >"$TMP/owners" 2>"$TMP/time"
ours=$(sed -n 's/.*rules, \([0-9.]*\) ms$/\1/p' "$TMP/time")
owned=$(awk -F '\t' '$2 != 1' "$TMP/owners" | wc -l)

# git: an index of the same paths (the empty blob), the patterns as
# .gitignore, every path through check-ignore.
git init -q "$TMP/repo"
blob=$(git -C "$TMP/repo" hash-object -w --stdin </dev/null)
sed "s/^/100644 $blob	/" "$TMP/paths" |
	git -C "$TMP/repo" update-index --add --index-info
sed 's/ .*//' "$TMP/CODEOWNERS" >"$TMP/repo/.gitignore"
start=$(date +%s%N)
git -C "$TMP/repo" ls-files |
	git -C "$TMP/repo" check-ignore --no-index --stdin >"$TMP/ignored" || :
end=$(date +%s%N)
theirs=$(( (end - start) / 1000000 ))

echo "paths: $(wc -l <"$TMP/paths"), patterns: $(wc -l <"$TMP/CODEOWNERS")"
echo "ecocheck: $ours ms (index and owner of every path; $owned owned by a rule after the first)"
echo "git ls-files | git check-ignore --no-index --stdin: $theirs ms ($(wc -l <"$TMP/ignored") matched)"
awk -v a="$ours" -v b="$theirs" 'BEGIN {
	if (b > 0) printf "ratio: %.3f of git'\''s time\n", a / b }'
