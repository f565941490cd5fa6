#!/bin/sh
# history.sh: time the history window against git's own rev-list and log
#
# Usage: tests/bench/history.sh
#
# Builds, once, with git fast-import two repositories that differ only in
# length: 200,000 and 2,000 commits on main, one every 7,776 seconds (so
# that the 90 days before the tip hold 1,000 of them), by about 40 people
# (some under an old or upper-case email, joined again by a .mailmap),
# with a merge of a side branch every 250 commits. They are cached under
# ${TMPDIR:-/tmp}/ecocheck-bench-history. For each, times (best of 5 runs,
# after a warm-up) git's two commands for the window
#
#	git rev-list --count --since=S --until=E HEAD
#	git log --use-mailmap --since=S --until=E --format=%aE HEAD |
#	    tr A-Z a-z | sort -u | wc -l
#
# against "$ECOCHECK -r RULES --as-of E --format json REPO" (default
# ./src/ecocheck), where RULES holds only a commits and a contributors
# rule (window_days left at its default, 90 days). Targets: ecocheck at
# most 1.2 times git on each repository, and the 200k run at most twice
# the 2k run (the walk's cost follows the window, not the history).
set -eu

ECOCHECK=${ECOCHECK:-./src/ecocheck}
CACHE=${TMPDIR:-/tmp}/ecocheck-bench-history
RUNS=${RUNS:-5}
VERSION=1		# bump when the generated repositories change
TIP=1767225600		# 2026-01-01T00:00:00Z, the date of the last commit
STEP=7776		# seconds between commits: 1,000 in 90 days
DAYS=90			# the rules' default window
AS_OF=2026-01-01T00:00:00Z
UNTIL=$TIP
SINCE=$((TIP - DAYS * 86400))

. "$(dirname "$0")/lib.sh"

# The fast-import stream of a history of $1 commits ending at $TIP.
stream() {
	awk -v n="$1" -v tip="$TIP" -v step="$STEP" 'BEGIN {
		mm = ""
		for (a = 0; a < 40; a += 5)
			mm = mm sprintf("Dev %02d <dev%02d@example.org> " \
			    "<dev%02d@old.example.org>\n", a, a, a)
		for (i = 1; i <= n; i++) {
			t = tip - (n - i) * step
			a = (i * 7 + int(i / 13)) % 40
			email = sprintf("dev%02d@example.org", a)
			if (i % 5 == 0 && a % 5 == 0)
				email = sprintf("dev%02d@old.example.org", a)
			else if (i % 11 == 0)
				email = toupper(email)
			who = sprintf("Dev %02d <%s> %d +0000", a, email, t)
			if (i % 250 == 0) {
				print "commit refs/heads/side"
				printf "mark :%d\n", n + i
				printf "author %s\n", who
				printf "committer %s\n", who
				print "data 5"; print "side"
				printf "from :%d\n", i - 1
				print "M 100644 inline side.txt"
				s = sprintf("side %d\n", i)
				printf "data %d\n%s\n", length(s), s
			}
			print "commit refs/heads/main"
			printf "mark :%d\n", i
			printf "author %s\n", who
			printf "committer %s\n", who
			s = sprintf("change %d\n\nMore words about change %d.\n", i, i)
			printf "data %d\n%s\n", length(s), s
			if (i > 1)
				printf "from :%d\n", i - 1
			if (i % 250 == 0)
				printf "merge :%d\n", n + i
			if (i == 1) {
				print "M 100644 inline .mailmap"
				printf "data %d\n%s\n", length(mm), mm
			}
			printf "M 100644 inline src/f%02d.txt\n", i % 100
			s = sprintf("%d\n", i)
			printf "data %d\n%s\n", length(s), s
		}
	}'
}

build() {
	repo=$CACHE/repo-$1
	rm -rf "$repo"
	git init -q "$repo"
	stream "$1" | git -C "$repo" fast-import --quiet
	git -C "$repo" symbolic-ref HEAD refs/heads/main
	git -C "$repo" reset -q --hard main
}

# The commands of DESIGN.md, "tr A-Z a-z" included.
# shellcheck disable=SC2018,SC2019
gitwindow() {
	git -C "$1" rev-list --count --since="@$SINCE +0000" \
	    --until="@$UNTIL +0000" HEAD
	git -C "$1" log --use-mailmap --since="@$SINCE +0000" \
	    --until="@$UNTIL +0000" --format=%aE HEAD |
	    tr A-Z a-z | sort -u | wc -l
}

ecocheck() {
	"$ECOCHECK" -r "$RULES" --as-of "$AS_OF" --format json "$1"
}

mkdir -p "$CACHE"
if [ ! -f "$CACHE/ok" ] || [ "$(cat "$CACHE/ok")" != "$VERSION" ]; then
	for n in 200000 2000; do
		echo "building $CACHE/repo-$n (once)..." >&2
		build $n
	done
	echo "$VERSION" > "$CACHE/ok"
fi
if [ ! -x "$ECOCHECK" ]; then
	echo "history.sh: $ECOCHECK: not built (set ECOCHECK)" >&2
	exit 1
fi
RULES=$CACHE/bench.ini
printf '[commits]\ntype = commits\nmin = 30\n\n' > "$RULES"
printf '[contributors]\ntype = contributors\nmin = 5\n' >> "$RULES"

for n in 200000 2000; do
	repo=$CACHE/repo-$n
	echo "== $n commits, window $AS_OF minus $DAYS days"
	echo "counts by git: $(gitwindow "$repo" | tr '\n' ' ')"
	echo "counts by ecocheck: $(ecocheck "$repo" | tr -d ' \n' |
	    grep -o '"rule":"[a-z]*"[^}]*"value":[0-9]*' |
	    sed 's/"rule":"\([a-z]*\)".*"value":\([0-9]*\)/\1=\2/' |
	    tr '\n' ' ')"
	g=$(best gitwindow "$repo")
	e=$(best ecocheck "$repo")
	echo "git: $(seconds "$g") s"
	echo "ecocheck: $(seconds "$e") s"
	awk -v g="$g" -v e="$e" \
	    'BEGIN { printf "ratio: %.2fx (target <= 1.2x)\n", e / g }'
	# Peak memory of the larger of git's two commands, when GNU time is
	# installed (Debian package "time").
	if [ -x /usr/bin/time ]; then
		gm=$(/usr/bin/time -f %M git -C "$repo" log --use-mailmap \
		    --since="@$SINCE +0000" --until="@$UNTIL +0000" \
		    --format=%aE HEAD 2>&1 >/dev/null | tail -1)
		em=$(/usr/bin/time -f %M "$ECOCHECK" -r "$RULES" \
		    --as-of "$AS_OF" --format json "$repo" 2>&1 >/dev/null |
		    tail -1)
		awk -v g="$gm" -v e="$em" 'BEGIN { printf "peak memory: git " \
		    "log %d KB, ecocheck %d KB, ratio %.2fx\n", g, e, e / g }'
	fi
	if [ "$n" = 200000 ]; then big=$e; else small=$e; fi
done
awk -v a="$big" -v b="$small" \
    'BEGIN { printf "200k/2k: %.2fx (target <= 2x)\n", a / b }'
