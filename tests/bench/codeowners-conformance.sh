#!/bin/sh
# codeowners-conformance.sh: ecocheck's CODEOWNERS matcher against the
# GitHub-behaviour pattern cases of hmarr/codeowners
#
# Usage: tests/bench/codeowners-conformance.sh
#
# Reads testdata/patterns.json from the snapshot
# $SNAPSHOTS/hmarr+codeowners/repo (a bare git directory, as fetching
# github:hmarr/codeowners brings it; without SNAPSHOTS the script skips) at run time:
# nothing of it is kept in this tree. Each case is a pattern and paths
# with whether GitHub matches them; each path goes through
# tests/codeowners-match -p. Prints every disagreement, and a pattern
# ecocheck refuses (as GitHub refuses it) with its error and what the
# pattern it suggests instead does, then how many cases agree.
set -eu

MATCH=${CODEOWNERS_MATCH:-./tests/codeowners-match}
if [ -z "${SNAPSHOTS:-}" ]; then
	echo "codeowners-conformance.sh: skipped: set SNAPSHOTS to a directory of fetched snapshots (OWNER+NAME/repo, bare git directories; fetch github:hmarr/codeowners)" >&2
	exit 0
fi
REPO=$SNAPSHOTS/hmarr+codeowners/repo
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ecocheck-coconf.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

command -v jq >/dev/null 2>&1 || { echo "$0: needs jq" >&2; exit 2; }
[ -x "$MATCH" ] || { echo "$0: $MATCH: build it with make check" >&2; exit 2; }
if ! git -C "$REPO" show HEAD:testdata/patterns.json >"$TMP/patterns.json" 2>/dev/null; then
	echo "$0: no snapshot of hmarr/codeowners at $REPO (fetch github:hmarr/codeowners)" >&2
	exit 2
fi
echo "hmarr/codeowners at $(git -C "$REPO" rev-parse --short=12 HEAD)"

# One line a case: name, pattern, path, expected (1/0).
jq -r '.[] | .name as $n | .pattern as $p | .paths | to_entries[] |
	[$n, $p, .key, (if .value then "1" else "0" end)] | join("\t")' \
	"$TMP/patterns.json" >"$TMP/cases"

total=0 agree=0 refused=0 escaped_agree=0
while IFS="$(printf '\t')" read -r name pattern path want; do
	total=$((total + 1))
	rc=0
	got=$("$MATCH" -p "$pattern" "$path" 2>"$TMP/err") || rc=$?
	if [ "$rc" -eq 3 ]; then
		refused=$((refused + 1))
		# The pattern as the error suggests it: brackets escaped.
		esc=$(printf '%s\n' "$pattern" | sed 's/\([][]\)/\\\1/g')
		got=$("$MATCH" -p "$esc" "$path" 2>/dev/null) || got="refused too"
		[ "${got##*	}" = "$want" ] && escaped_agree=$((escaped_agree + 1))
		echo "  refused: $name: '$pattern' on '$path' (expected $want): $(cat "$TMP/err"); as '$esc': ${got##*	}"
		continue
	fi
	[ "$rc" -eq 0 ] || { echo "$0: $MATCH exited $rc" >&2; exit 2; }
	got=${got##*	}
	if [ "$got" = "$want" ]; then
		agree=$((agree + 1))
	else
		echo "  disagree: $name: '$pattern' on '$path': expected $want, ecocheck $got"
	fi
done <"$TMP/cases"
echo "cases: $total, agree: $agree, refused as invalid: $refused (of which $escaped_agree agree once escaped), disagree: $((total - agree - refused))"
