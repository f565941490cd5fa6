#!/bin/sh
# wildmatch.sh: src/glob.c against the cases of git's own t/t3070-wildmatch.sh
#
# Usage: tests/bench/wildmatch.sh
#
# Takes t/t3070-wildmatch.sh from a snapshot of git/git ($GIT_SNAPSHOT, a
# bare git directory; default $SNAPSHOTS/git+git/repo: fetch github:git/git;
# without either the script skips) and runs each of
# its "match" cases through the driver tests/bench/wildmatch (built by
# "make check"; $WILDMATCH, default next to $ECOCHECK's build, itself
# default ./src/ecocheck) in the four modes of git's test-tool wildmatch:
# wildmatch (GLOB_PATHNAME), iwildmatch (and GLOB_CASEFOLD), pathmatch (no
# flag), ipathmatch (GLOB_CASEFOLD). Only the first four columns of a
# case are git's wildmatch() results; a column holding anything but 0 or 1
# (t3070 writes E where git refuses the pattern) is counted as not
# comparable. Prints, per mode and in total, how many cases agree with
# git, and each case that does not; then times the case t3070 uses to
# show matching is not exponential. Exits 1 if any case disagrees.
set -eu

GIT_SNAPSHOT=${GIT_SNAPSHOT:-${SNAPSHOTS:+$SNAPSHOTS/git+git/repo}}
if [ -z "$GIT_SNAPSHOT" ]; then
	echo "wildmatch.sh: skipped: set GIT_SNAPSHOT, or SNAPSHOTS to a directory holding git+git/repo (fetch github:git/git)" >&2
	exit 0
fi
ECOCHECK=${ECOCHECK:-./src/ecocheck}
WILDMATCH=${WILDMATCH:-$(dirname "$ECOCHECK")/../tests/bench/wildmatch}
if [ ! -x "$WILDMATCH" ]; then
	echo "wildmatch.sh: no driver at $WILDMATCH (run make check)" >&2
	exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ecocheck-wildmatch.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
git --git-dir="$GIT_SNAPSHOT" show HEAD:t/t3070-wildmatch.sh >"$tmp/t3070.sh"

# The cases: from the first "match" call to the next test outside one.
awk '/^match / { on = 1 } on && /^test_/ { exit } on { print }' \
    "$tmp/t3070.sh" >"$tmp/cases.sh"

agree_wildmatch=0 agree_iwildmatch=0 agree_pathmatch=0 agree_ipathmatch=0
other_wildmatch=0 other_iwildmatch=0 other_pathmatch=0 other_ipathmatch=0
cases=0 bad=0

# One mode of one case: $1 mode, $2 git's result, $3 text, $4 pattern.
one() {
	case $2 in
	0|1) ;;
	*)
		eval "other_$1=\$((other_$1 + 1))"
		return
		;;
	esac
	if "$WILDMATCH" "$1" "$3" "$4"; then got=1; else got=0; fi
	if [ "$got" = "$2" ]; then
		eval "agree_$1=\$((agree_$1 + 1))"
	else
		bad=$((bad + 1))
		printf 'disagree: %s %s %s: git %s, ours %s\n' "$1" \
		    "'$3'" "'$4'" "$2" "$got"
	fi
}

# t3070's own helper: 6 arguments, or 10 (then 5-8 are ls-files results).
match() {
	if [ $# -eq 6 ]; then
		text=$5 pattern=$6
	else
		text=$9 pattern=${10}
	fi
	# As test-tool does: "XXX/" stands for a leading '/'.
	case $text in XXX/*) text=${text#XXX} ;; esac
	case $pattern in XXX/*) pattern=${pattern#XXX} ;; esac
	cases=$((cases + 1))
	one wildmatch "$1" "$text" "$pattern"
	one iwildmatch "$2" "$text" "$pattern"
	one pathmatch "$3" "$text" "$pattern"
	one ipathmatch "$4" "$text" "$pattern"
}

. "$tmp/cases.sh"

total=0 other=0
for m in wildmatch iwildmatch pathmatch ipathmatch; do
	eval "a=\$agree_$m o=\$other_$m"
	printf '%-11s %d/%d agree with git (%d not comparable)\n' "$m" \
	    "$a" $((cases - o)) "$o"
	total=$((total + a))
	other=$((other + o))
done
printf '%-11s %d/%d agree with git (%d not comparable), %d cases\n' \
    total "$total" $((cases * 4 - other)) "$other" "$cases"

# t3070's exponential-behaviour case: git requires it within 2 seconds.
t0=$(date +%s%N)
"$WILDMATCH" wildmatch \
    aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab \
    '*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a' || :
t1=$(date +%s%N)
printf 'exponential case: %d ms\n' $(((t1 - t0) / 1000000))
[ "$bad" -eq 0 ]
