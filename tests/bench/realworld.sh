#!/bin/sh
# realworld.sh: how often ecocheck agrees with a careful reviewer on real
# PyTorch-ecosystem repositories
#
# Usage: tests/bench/realworld.sh [LABELS]
#
# LABELS (default tests/realworld/labels.tsv) has one line per repository
# and rule of pytorch-ecosystem.ini: repo, commit, rule, label (pass,
# caution, fail or person), the file:line that decides it, and a note. For
# each repository OWNER/NAME whose snapshot $SNAPSHOTS/OWNER+NAME/repo
# exists (a bare git directory, as fetching github:OWNER/NAME brings it;
# or $SNAPSHOTS/OWNER+NAME, a clone; without SNAPSHOTS the script skips),
# runs "$ECOCHECK --format json --as-of HEAD
# --no-repo-config" on the snapshot itself, times it, maps each result the
# way the Working Group scores a row (pass; fail at level error = fail;
# fail at a lower level, or unknown = caution; unknown of a fact, or one
# the JSON marks "judgment", = person)
# and prints the agreement per rule, per repository and in total, then
# every disagreement with the label's evidence. A snapshot whose HEAD is
# not the labelled commit is reported and still compared.
set -eu

ECOCHECK=${ECOCHECK:-./src/ecocheck}
if [ -z "${SNAPSHOTS:-}" ]; then
	echo "realworld.sh: skipped: set SNAPSHOTS to a directory of fetched snapshots (OWNER+NAME/repo, bare git directories; fetch each repository of tests/realworld/labels.tsv, as github:OWNER/NAME)" >&2
	exit 0
fi
LABELS=${1:-$(dirname "$0")/../realworld/labels.tsv}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ecocheck-realworld.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

command -v jq >/dev/null 2>&1 || { echo "realworld.sh: needs jq" >&2; exit 2; }
[ -r "$LABELS" ] || { echo "realworld.sh: $LABELS: cannot read" >&2; exit 2; }

: >"$TMP/rows"
for repo in $(tail -n +2 "$LABELS" | cut -f1 | sort -u); do
	dir=$SNAPSHOTS/$(printf %s "$repo" | tr / +)
	# A fetched snapshot is DIR/repo; a folder of clones has DIR itself.
	[ -d "$dir/repo" ] && dir=$dir/repo
	if [ ! -d "$dir" ]; then
		echo "$repo: no snapshot at $dir (fetch github:$repo), skipped"
		continue
	fi
	want=$(awk -F '\t' -v r="$repo" '$1 == r { print $2; exit }' "$LABELS")
	head=$(git -C "$dir" rev-parse HEAD)
	[ "$head" = "$want" ] ||
		echo "$repo: snapshot at ${head%"${head#????????????}"}, labels of ${want%"${want#????????????}"}"
	start=$(date +%s%N)
	rc=0
	"$ECOCHECK" --format json --as-of HEAD --no-repo-config "$dir" \
		>"$TMP/out.json" 2>"$TMP/err" || rc=$?
	end=$(date +%s%N)
	ms=$(( (end - start) / 1000000 ))
	if [ "$rc" -ge 2 ]; then
		echo "$repo: ecocheck exited $rc: $(head -1 "$TMP/err")"
		continue
	fi
	echo "$repo: ecocheck ran in $ms ms (exit $rc)"
	jq -r --arg repo "$repo" '.results[] |
		[$repo, .rule,
		 (if .result == "pass" then "pass"
		  elif .result == "fail" and .level == "error" then "fail"
		  elif .result == "fail" then "caution"
		  elif .result == "unknown" and (.type == "fact" or .judgment == true) then "person"
		  elif .result == "unknown" then "caution"
		  else .result end),
		 .message] | @tsv' "$TMP/out.json" >>"$TMP/rows"
done

# Join the labels with ecocheck's rows and count.
awk -F '\t' '
	FNR == NR { got[$1 "\t" $2] = $3; msg[$1 "\t" $2] = $4; next }
	FNR == 1 { next }
	{
		k = $1 "\t" $3
		if (!(k in got))
			next
		n[$3]++; rn[$1]++; total++
		if (got[k] == $4) {
			a[$3]++; ra[$1]++; agree++
		} else
			bad[++nbad] = sprintf("  %s %s: label %s (%s), ecocheck %s: %s",
			    $1, $3, $4, $5, got[k], msg[k])
		if (!($3 in seen)) { seen[$3] = 1; order[++nr] = $3 }
		if (!($1 in rseen)) { rseen[$1] = 1; rorder[++nrepo] = $1 }
	}
	END {
		if (total == 0) { print "no labelled repository was checked"; exit 1 }
		print ""
		print "agreement per rule:"
		for (i = 1; i <= nr; i++)
			printf "  %-16s %2d/%-2d\n", order[i], a[order[i]], n[order[i]]
		print "agreement per repository:"
		for (i = 1; i <= nrepo; i++)
			printf "  %-36s %2d/%-2d\n", rorder[i], ra[rorder[i]], rn[rorder[i]]
		printf "total: %d/%d agree (%.1f%%)\n", agree, total, 100 * agree / total
		if (nbad > 0) {
			print "disagreements:"
			for (i = 1; i <= nbad; i++)
				print bad[i]
		}
	}' "$TMP/rows" "$LABELS"
