#!/bin/sh
# t0062-glob-differential.sh: ecocheck's gitignore matching (src/ignore.c
# over src/glob.c) against git's own, "git check-ignore --no-index": rounds
# of generated .gitignore files (classes, "**", escapes, a final '/',
# negation, anchored lines, trailing spaces, comments), every other round
# with a second one in directory a, asked of the same generated tree of
# files and directories. Everything is drawn by awk from
# a fixed seed, so a difference is found again on the next run; the first
# ones are shown with the .gitignore of their round.
. "$(dirname "$0")/lib.sh"

MATCH=${EC_OBJDIR:+$EC_OBJDIR/../tests/ignore-match}
test -x "${MATCH:-/nonexistent}" || MATCH=$(dirname "$ECOCHECK")/../tests/ignore-match
if [ ! -x "$MATCH" ]; then
	skip_all='tests/ignore-match not built'
	test_done
fi

ROUNDS=200
R=$TEST_TMP/repo

# The tree: "d PATH" or "f PATH" lines, each directory before what it holds.
gen_tree() {
	awk 'BEGIN {
		srand(62)
		kind["a"] = "d"; print "d a"
		n = split("a b ab ba a.c b.c .a c * [a] !a #a ?a x-y A", atom, " ")
		atom[n + 1] = "a "; atom[n + 2] = "a b"; n += 2
		for (i = 0; i < 300; i++) {
			depth = 1 + int(rand() * 4)
			p = ""
			for (d = 1; d <= depth; d++) {
				c = atom[1 + int(rand() * n)]
				# A third below a, where the second list is.
				if (d == 1 && depth > 1 && rand() < 0.35)
					c = "a"
				q = p == "" ? c : p "/" c
				if (d < depth) {
					if (q in kind && kind[q] != "d")
						break
					if (!(q in kind)) {
						kind[q] = "d"; print "d " q
					}
				} else if (!(q in kind)) {
					kind[q] = rand() < 0.3 ? "d" : "f"
					print kind[q] " " q
				}
				p = q
			}
		}
	}'
}

# The .gitignore of round $1.
gen_ignore() {
	awk -v round="$1" 'BEGIN {
		srand(6200 + round)
		n = split("a b ab a.c .a * ? ** [ab] [!a] [^b] [a-c] []a] [!]] " \
		    "[[:alpha:]] [[:punct:]] [[:space:]] [[:bogus:]] [a a* *a " \
		    "*.c \\* \\[a] \\!a \\#a \\a \\? a? *** a** **a [*] [\\]] " \
		    "[a-] [.] [!.]* A [A-Z] x-y [x-z]-y", comp, " ")
		lines = 4 + int(rand() * 8)
		for (l = 0; l < lines; l++) {
			k = 1 + int(rand() * 3)
			p = ""
			for (j = 0; j < k; j++)
				p = p (j ? "/" : "") comp[1 + int(rand() * n)]
			r = rand()
			if (r < 0.2) p = "/" p
			else if (r < 0.3) p = "**/" p
			r = rand()
			if (r < 0.25) p = p "/"
			else if (r < 0.35) p = p "/**"
			r = rand()
			if (r < 0.05) p = p " "
			else if (r < 0.08) p = p "\\ "
			else if (r < 0.1) p = p "\\"
			r = rand()
			if (r < 0.2) p = "!" p
			else if (r < 0.23) p = "#" p
			else if (r < 0.25) p = "\\!" p
			print p
		}
	}'
}

test_expect_success 'the generated tree' '
	git init -q "$R" &&
	gen_tree >"$TEST_TMP/tree" &&
	while IFS= read -r line
	do
		case $line in
		d\ *) mkdir "$R/${line#d }" || return 1 ;;
		*) : >"$R/${line#f }" || return 1 ;;
		esac
	done <"$TEST_TMP/tree" &&
	sed -e "s/^. //" "$TEST_TMP/tree" >"$TEST_TMP/paths" &&
	sed -e "s|^d \\(.*\\)|\\1/|" -e "s/^f //" "$TEST_TMP/tree" \
		>"$TEST_TMP/paths-typed" &&
	test $(wc -l <"$TEST_TMP/paths") -gt 250
'

# git's verbose lines as "PATH<TAB>ignored" or "PATH<TAB>-": a line that
# matched and is not negated ignores the path.
from_git() {
	awk -F '\t' '{
		path = $NF
		src = substr($0, 1, length($0) - length(path) - 1)
		sub(/^[^:]*:[0-9]*:/, "", src)
		ign = $0 !~ /^::\t/ && substr(src, 1, 1) != "!"
		printf "%s\t%s\n", path, ign ? "ignored" : "-"
	}'
}

test_expect_success "$ROUNDS rounds of .gitignore files match as git matches" '
	: >"$TEST_TMP/diffs" &&
	: >"$TEST_TMP/all" &&
	r=0 &&
	while [ $r -lt $ROUNDS ]
	do
		gen_ignore $r >"$R/.gitignore" &&
		if [ $((r % 2)) = 1 ]
		then
			gen_ignore $((r + 1000)) >"$R/a/.gitignore" &&
			set -- a "$R/a/.gitignore"
		else
			rm -f "$R/a/.gitignore" &&
			set --
		fi &&
		# Status 1: nothing ignored.
		{
			git -C "$R" check-ignore --no-index -v -n --stdin \
				<"$TEST_TMP/paths" >"$TEST_TMP/git.raw" ||
			test $? = 1
		} &&
		from_git <"$TEST_TMP/git.raw" >"$TEST_TMP/git" &&
		"$MATCH" "$R/.gitignore" "$@" <"$TEST_TMP/paths-typed" |
			sed -e "s|/	|	|" >"$TEST_TMP/ours" &&
		cat "$TEST_TMP/ours" >>"$TEST_TMP/all" &&
		if ! cmp -s "$TEST_TMP/git" "$TEST_TMP/ours"
		then
			{
				echo "round $r, .gitignore:" &&
				sed -e "s/^/	|/" "$R/.gitignore" &&
				if [ $# = 2 ]
				then
					echo "a/.gitignore:" &&
					sed -e "s/^/	|/" "$2"
				fi &&
				diff "$TEST_TMP/git" "$TEST_TMP/ours" | head -8
			} >>"$TEST_TMP/diffs"
		fi &&
		r=$((r + 1)) || return 1
	done &&
	if test -s "$TEST_TMP/diffs"
	then
		echo "differences from git (< git, > ecocheck):" &&
		head -60 "$TEST_TMP/diffs" &&
		false
	fi
'

test_expect_success 'the rounds ignore some paths and keep others' '
	grep -c "	ignored\$" "$TEST_TMP/all" >"$TEST_TMP/n-ign" &&
	test $(cat "$TEST_TMP/n-ign") -gt 0 &&
	grep -c "	-\$" "$TEST_TMP/all" >"$TEST_TMP/n-kept" &&
	test $(cat "$TEST_TMP/n-kept") -gt 0
'

test_done
