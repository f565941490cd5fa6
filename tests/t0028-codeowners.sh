#!/bin/sh
# t0028-codeowners.sh: the codeowners rule type through the shipped rule
# codeowners (requirement 18): where GitHub reads the file, its syntax,
# its patterns against the tree (the matcher compared with git's own
# gitignore matching), owners, retired committers, inactive owners,
# and hostile files.
. "$(dirname "$0")/lib.sh"
asan_fast_unwind

if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_done
fi

MATCH=${EC_OBJDIR:+$EC_OBJDIR/../tests/codeowners-match}
test -x "${MATCH:-/nonexistent}" || MATCH=$(dirname "$ECOCHECK")/../tests/codeowners-match

# A repository with files $3... and $2 as CODEOWNERS at path $1.
co_repo() {
	_r=$TEST_TMP/repo
	_at=$1
	_text=$2
	shift 2
	rm -rf "$_r" &&
	make_repo "$_r" "$@" >/dev/null &&
	mkdir -p "$_r/$(dirname "$_at")" &&
	printf '%b' "$_text" >"$_r/$_at" &&
	git -C "$_r" add -A &&
	test_tick &&
	git -C "$_r" commit -q -m codeowners
}

# The text report's lines about the codeowners rule, one line each.
co_text() {
	"$ECOCHECK" --color never --width 0 -r pytorch-ecosystem "$@" "$TEST_TMP/repo" \
		>"$TEST_TMP/text" 2>&1 || :
	sed -n '/ codeowners  /,/^requirement\|^[0-9]* pass/p' "$TEST_TMP/text"
}

test_expect_success 'a valid file in .github/ passes with its owners counted' '
	co_repo .github/CODEOWNERS "* @alice @org/team\n/docs/ dev@example.com\n# Emeritus: @bob\n" \
		README.md docs/x.md &&
	ec_json 1 "$TEST_TMP/repo" &&
	test_eq "$(result_of codeowners)" pass &&
	test_eq "$(result_of codeowners value)" 3 &&
	test_eq "$(result_of codeowners min)" 1 &&
	test_eq "$(result_of codeowners evidence[0].path)" .github/CODEOWNERS &&
	result_of codeowners message |
		grep "^\.github/CODEOWNERS: 3 owners (1 user, 1 team, 1 email) own 3 of 3 files$"
'

test_expect_success 'the same under --rev and --staged' '
	ec_json 1 --rev HEAD "$TEST_TMP/repo" &&
	test_eq "$(result_of codeowners)" pass &&
	ec_json 1 --staged --absolute "$TEST_TMP/repo" &&
	test_eq "$(result_of codeowners value)" 3
'

test_expect_success 'GitHub order: .github/, the root, docs/; the others are ignored' '
	co_repo CODEOWNERS "* @root\n# retired: @x\n" .github/CODEOWNERS docs/CODEOWNERS &&
	ec_json 1 "$TEST_TMP/repo" &&
	test_eq "$(result_of codeowners evidence[0].path)" .github/CODEOWNERS &&
	result_of codeowners evidence[1] | grep -q "\"CODEOWNERS\"" &&
	test_eq "$(result_of codeowners evidence[1].note)" "ignored by GitHub" &&
	test_eq "$(result_of codeowners evidence[2].path)" docs/CODEOWNERS &&
	co_text | grep "CODEOWNERS is ignored: GitHub uses .github/CODEOWNERS, the first found" &&
	git -C "$TEST_TMP/repo" rm -q .github/CODEOWNERS &&
	ec_json 1 --staged --absolute "$TEST_TMP/repo" &&
	test_eq "$(result_of codeowners evidence[0].path)" CODEOWNERS &&
	test_eq "$(result_of codeowners value)" 1
'

test_expect_success 'CODEOWNERS.md is not read by GitHub: a warning naming it' '
	co_repo .github/CODEOWNERS.md "* @alice\n" README.md &&
	ec_json 1 "$TEST_TMP/repo" &&
	test_eq "$(result_of codeowners)" fail &&
	test_eq "$(result_of codeowners level)" warning &&
	result_of codeowners message | grep "^\.github/CODEOWNERS.md is not read by GitHub" &&
	result_of codeowners fix | grep "rename .github/CODEOWNERS.md to .github/CODEOWNERS"
'

test_expect_success 'no CODEOWNERS anywhere GitHub looks fails' '
	co_repo misc/CODEOWNERS "* @alice\n" README.md &&
	ec_json 1 "$TEST_TMP/repo" &&
	result_of codeowners message |
		grep "^no CODEOWNERS (looked for .github/CODEOWNERS, CODEOWNERS, docs/CODEOWNERS)$"
'

test_expect_success 'a file of 3 MB or more is not used by GitHub' '
	co_repo .github/CODEOWNERS "* @alice\n" README.md &&
	awk "BEGIN { for (i = 0; i < 110000; i++) printf \"/dir%d/file-with-a-long-name.py @alice\\n\", i }" \
		>>"$TEST_TMP/repo/.github/CODEOWNERS" &&
	ec_json 1 "$TEST_TMP/repo" &&
	result_of codeowners message |
		grep "^\.github/CODEOWNERS has [0-9]* bytes: GitHub does not load a CODEOWNERS file of 3 MB or more$"
'

test_expect_success 'syntax errors fail, each with file:line:col and a suggestion' '
	co_repo .github/CODEOWNERS "* @alice\n!x @a\n*.[ch] @a\n\\\\#x @a\n***/*.rb @a\n* alice\n* @a@b\n@alice\n# Emeritus: @old\n" README.md &&
	ec_json 1 "$TEST_TMP/repo" &&
	test_eq "$(result_of codeowners)" fail &&
	result_of codeowners message | grep "^7 lines of .github/CODEOWNERS GitHub skips as invalid: .github/CODEOWNERS:2:1: Invalid pattern .!x.: negation" &&
	test_eq "$(result_of codeowners evidence[1].line)" 2 &&
	co_text >details &&
	grep "CODEOWNERS:3:3: Invalid pattern .\*\.\[ch\].: both .\[. and .\]. must be escaped" details &&
	grep "CODEOWNERS:4:1: Invalid pattern .\\\\#x.: escaping a leading .#. is not supported" details &&
	grep "CODEOWNERS:5:1: Invalid pattern .\*\*\*/\*\.rb.: .\*\*\*. is not a wildcard (did you mean .\*\*/\*\.rb.?)" details &&
	grep "CODEOWNERS:6:3: Invalid owner .alice.: a user or team starts with .@. (did you mean .@alice.?)" details &&
	grep "CODEOWNERS:7:3: Invalid owner .@a@b.: owners are separated by spaces (did you mean .@a @b.?)" details &&
	grep "CODEOWNERS:8:1: Invalid pattern .@alice.: it is an owner" details
'

test_expect_success 'min_owners: fewer distinct owners fail; teams count one each' '
	co_repo .github/CODEOWNERS "* @alice @Alice\n/d/ @org/t\n# former: @x\n" README.md d/x &&
	ec_json 1 "$TEST_TMP/repo" &&
	test_eq "$(result_of codeowners value)" 2 &&
	test_eq "$(result_of codeowners)" pass &&
	ec_json 1 --set codeowners.min_owners=3 "$TEST_TMP/repo" &&
	result_of codeowners message | grep "names 2 distinct owners, fewer than 3"
'

test_expect_success 'retired committers: missing is a warning saying where it looked' '
	co_repo .github/CODEOWNERS "* @alice\n# past performance is no guide\n" README.md &&
	ec_json 1 "$TEST_TMP/repo" &&
	test_eq "$(result_of codeowners)" fail &&
	test_eq "$(result_of codeowners level)" warning &&
	result_of codeowners message | grep "but no retired committers are documented (looked in comments of .github/CODEOWNERS, MAINTAINERS.md, MAINTAINERS.rst, MAINTAINERS, GOVERNANCE.md, GOVERNANCE.rst)"
'

test_expect_success 'retired committers: an Emeritus section of GOVERNANCE.md or MAINTAINERS.rst' '
	printf "# Governance\n\nText.\n\n## Emeritus maintainers\n\n- Bob\n" >"$TEST_TMP/repo/GOVERNANCE.md" &&
	git -C "$TEST_TMP/repo" add GOVERNANCE.md &&
	ec_json 1 --staged --absolute "$TEST_TMP/repo" &&
	test_eq "$(result_of codeowners)" pass &&
	test_eq "$(result_of codeowners evidence[1].path)" GOVERNANCE.md &&
	test_eq "$(result_of codeowners evidence[1].line)" 5 &&
	git -C "$TEST_TMP/repo" rm -q --cached GOVERNANCE.md &&
	mkdir -p "$TEST_TMP/repo/docs" &&
	printf "Maintainers\n===========\n\nAlumni\n------\n\n* Carol\n" >"$TEST_TMP/repo/docs/MAINTAINERS.rst" &&
	git -C "$TEST_TMP/repo" add docs/MAINTAINERS.rst &&
	ec_json 1 --staged --absolute "$TEST_TMP/repo" &&
	test_eq "$(result_of codeowners)" pass &&
	test_eq "$(result_of codeowners evidence[1].path)" docs/MAINTAINERS.rst
'

test_expect_success 'the community-health rules do not ask for retired committers' '
	co_repo .github/CODEOWNERS "* @alice\n" README.md &&
	ec_json 1 -r community-health "$TEST_TMP/repo" &&
	test_eq "$(result_of codeowners)" pass
'

test_expect_success 'against the tree: dead, shadowed, repeated and ownerless patterns; unowned files' '
	co_repo .github/CODEOWNERS "/src/ @a\n/gone/ @b\n*.py @c\n/src/*.py @d\n/docs/ @e\n/docs/ @f\n/src/vendored/\n# emeritus: @z\n" \
		README.md src/a.py src/b.c src/vendored/v.c docs/i.md &&
	co_text >details &&
	grep "CODEOWNERS:2: ./gone/. matches no file" details &&
	grep "CODEOWNERS:3: .\*\.py. never applies: a later pattern matches every file it matches" details &&
	grep "CODEOWNERS:5: ./docs/. is repeated at line 6: only the last applies" details &&
	grep "CODEOWNERS:7: ./src/vendored/. has no owner: the files it matches have none" details &&
	grep "3 of 6 files have no owner (.github/CODEOWNERS, README.md, src/vendored/v.c)" details &&
	ec_json 1 "$TEST_TMP/repo" &&
	test_eq "$(result_of codeowners)" pass &&
	result_of codeowners message | grep "own 3 of 6 files"
'

test_expect_success 'a file that owns nothing at all is a warning' '
	co_repo .github/CODEOWNERS "/nothing/ @a\n# retired: @z\n" README.md &&
	ec_json 1 "$TEST_TMP/repo" &&
	test_eq "$(result_of codeowners)" fail &&
	test_eq "$(result_of codeowners level)" warning &&
	result_of codeowners message | grep "no file of the tree has an owner"
'

test_expect_success 'matching subtleties, on the tree: last match wins, spaces, anchors' '
	co_repo .github/CODEOWNERS "* @all\n/my\\\\ dir/ @space\nbuild/ @build\n/top.txt @top\ndocs/* @docs\n**/gen/*.py @gen\nf?o @q\n# emeritus: @z\n" \
		"my dir/a b.txt" top.txt sub/top.txt x/build/y docs/a docs/deep/b a/gen/c.py foo fxo/z &&
	printf "my dir/a b.txt\ntop.txt\nsub/top.txt\nx/build/y\ndocs/a\ndocs/deep/b\na/gen/c.py\nfoo\nfxo/z\n" >paths &&
	"$MATCH" "$TEST_TMP/repo/.github/CODEOWNERS" <paths >got &&
	printf "my dir/a b.txt\t2\ntop.txt\t4\nsub/top.txt\t1\nx/build/y\t3\ndocs/a\t5\ndocs/deep/b\t1\na/gen/c.py\t6\nfoo\t7\nfxo/z\t7\n" >want &&
	test_cmp want got
'

# Patterns where GitHub and gitignore agree: the matcher must find
# exactly what git check-ignore finds. (They differ on a final "/*",
# which GitHub limits to the files directly inside: see t0028 above.)
test_expect_success 'the matcher agrees with git check-ignore --no-index' '
	rm -rf gi && git init -q gi &&
	cat >paths <<-\EOF &&
	README.md
	a/b/c.py
	a/b/d.txt
	a/c.py
	build/out.o
	src/build/x.o
	src/lib/a.c
	src/lib/deep/b.c
	docs/index.md
	docs/api/ref.md
	my dir/file name.txt
	logs/x/logs/y
	f*o
	foo
	fo
	top/foo/bar
	EOF
	for pat in "*" "*.py" "/*.md" "a/" "/a/" "a/b" "build/" "/build/" \
		"src/**/b.c" "**/lib" "src/lib/**" "**/logs/**" "d?cs" \
		"docs/**/*.md" "my\\ dir/" "f\\*o" "fo?" "/src/lib/" "lib/" \
		"a/**/c.py" "**/*.o" "foo/bar" "/top/**/bar" "*/b/*.py"; do
		printf "%s\n" "$pat" >gi/.gitignore &&
		git -C gi check-ignore --no-index --stdin <paths >git.out || :
		printf "%s @o\n" "$pat" >co &&
		"$MATCH" -m co <paths | awk -F "\t" "\$2 != \"\" { print \$1 }" >ours.out &&
		if ! test_cmp git.out ours.out; then
			echo "pattern $pat differs"; exit 1
		fi
	done
'

test_expect_success 'GitHub differs from gitignore on a final /* (files directly inside)' '
	printf "docs/*\n" >gi/.gitignore &&
	echo docs/api/ref.md | git -C gi check-ignore --no-index --stdin >git.out &&
	test_eq "$(cat git.out)" docs/api/ref.md &&
	"$MATCH" -p "docs/*" docs/api/ref.md docs/index.md >ours &&
	printf "docs/api/ref.md\t0\ndocs/index.md\t1\n" >want &&
	test_cmp want ours
'

test_expect_success 'a file of 100,000 lines is read whole' '
	awk "BEGIN { print \"* @a\"; for (i = 0; i < 100000; i++) printf \"/d%d/ @u%d\\n\", i, i % 97; print \"# retired: @z\" }" \
		>big &&
	co_repo .github/CODEOWNERS "" README.md d5/x d99999/y &&
	cp big "$TEST_TMP/repo/.github/CODEOWNERS" &&
	git -C "$TEST_TMP/repo" add -A &&
	ec_json 1 --staged --absolute "$TEST_TMP/repo" &&
	test_eq "$(result_of codeowners)" pass &&
	test_eq "$(result_of codeowners value)" 98 &&
	co_text --staged --absolute | grep "99978 more notes on patterns"
'

test_expect_success '100,000 distinct owners are counted without hanging' '
	awk "BEGIN { print \"* @a\"; for (i = 0; i < 50000; i++) printf \"/d%d/ @u%d @v%d\\n\", i, i, i }" \
		>many &&
	co_repo .github/CODEOWNERS "" README.md d5/x &&
	cp many "$TEST_TMP/repo/.github/CODEOWNERS" &&
	git -C "$TEST_TMP/repo" add -A &&
	ec_wrap="timeout 60" ec_json 1 --staged --absolute "$TEST_TMP/repo" &&
	test_eq "$(result_of codeowners value)" 100001
'

test_expect_success 'binary junk and invalid UTF-8: a clear failure, no crash' '
	awk "BEGIN { srand(7); for (i = 0; i < 4000; i++) printf \"%c\", int(rand() * 256) }" >junk &&
	co_repo .github/CODEOWNERS "" README.md &&
	cp junk "$TEST_TMP/repo/.github/CODEOWNERS" &&
	git -C "$TEST_TMP/repo" add -A &&
	ec_json 1 --staged --absolute "$TEST_TMP/repo" &&
	test_eq "$(result_of codeowners)" fail &&
	result_of codeowners message | grep "^[0-9]* lines of .github/CODEOWNERS GitHub skips as invalid: .github/CODEOWNERS:1:[0-9]*: Invalid line" &&
	co_repo .github/CODEOWNERS "* @alice\n/caf\\0351/ @bob\n# emeritus\n" README.md &&
	ec_json 1 "$TEST_TMP/repo" &&
	result_of codeowners message | grep "CODEOWNERS:2:5: Invalid line: bytes that are not UTF-8 text"
'

test_expect_success 'an email owner with no commit in a year is possibly inactive' '
	co_repo .github/CODEOWNERS "* gone@example.com author@example.com\n# retired: @z\n" README.md &&
	co_text --as-of HEAD >details &&
	grep "gone@example.com (line 1) authored no commit in the 365 days before" details &&
	! grep "author@example.com (line" details &&
	co_text --as-of HEAD --set codeowners.inactive_days=0 >details &&
	! grep "possibly inactive" details
'

# Random CODEOWNERS lines of every kind ($1 seed, $2 lines) and paths
# ($1 seed, $2 paths) over a few names, so that they meet often.
co_random() {
	awk -v mode="$1" -v seed="$2" -v n="$3" '
	function comp() { return c[int(rand() * nc) + 1] }
	function wild(s, r) {
		r = rand()
		if (r < 0.15) return "*"
		if (r < 0.25) return substr(s, 1, 1) "*"
		if (r < 0.32) return "*" substr(s, length(s))
		if (r < 0.38) return "?" substr(s, 2)
		return s
	}
	BEGIN {
		srand(seed)
		nc = split("a,b,src,docs,gen,lib,x.py,y.md,z.c,my\\ dir,f\\*o,br\\[1\\],a.b.c,.hid", c, ",")
		for (i = 0; i < n; i++) {
			d = int(rand() * (mode == "paths" ? 5 : 3)) + 1; p = ""
			for (j = 0; j < d; j++) {
				s = comp()
				if (mode == "paths")
					gsub(/\\/, "", s)
				else if (rand() < 0.5)
					s = wild(s)
				p = p (j ? "/" : "") s
			}
			if (mode == "paths") {
				print p
				continue
			}
			k = int(rand() * 16)
			if (k == 0) p = "/" p
			else if (k == 1) p = "/" p "/"
			else if (k == 2) p = p "/"
			else if (k == 3) p = "**/" p
			else if (k == 4) p = "**/" comp() "/"
			else if (k == 5) p = p "/**"
			else if (k == 6) p = p "/**/"
			else if (k == 7) p = comp() "/**/" p
			else if (k == 8) p = p "/*"
			else if (k == 9) p = "*." (rand() < 0.5 ? "py" : "md")
			else if (k == 10) p = "/" p "/*"
			else if (k == 11) p = comp()
			else if (k == 12) p = rand() < 0.2 ? "*" : "/"
			else if (k == 13) p = "**/" comp()
			printf "%s%s\n", p, rand() < 0.05 ? "" : " @o" i
		}
	}'
}

# A wide tree of $1 files under src/ and $2 CODEOWNERS lines for it, as
# real files are: mostly anchored directories and files, some names,
# extensions and "**" globs anywhere.
co_wide() {
	awk -v n="$1" 'BEGIN {
		split("py c h md txt json", ext, " ")
		for (i = 0; i < n; i++)
			printf "src/pkg%d/mod%d/%s/file%d.%s\n", i % 40,
			    int(i / 40) % 25, (i % 3 ? "sub" i % 5 : "gen"), i,
			    ext[i % 6 + 1]
	}' | LC_ALL=C sort >paths &&
	awk -v n="$2" 'BEGIN {
		print "* @all"
		for (i = 1; i < n; i++) {
			k = i % 20; p = i % 40; m = int(i / 40) % 25
			if (k < 8) printf "/src/pkg%d/mod%d/ @u%d\n", p, m, i
			else if (k < 11) printf "/src/pkg%d/mod%d/sub%d/file%d.py @u%d\n", p, m, i % 5, i, i
			else if (k == 11) printf "*.ext%d @u%d\n", i, i
			else if (k == 12) printf "file%d.c @u%d\n", i, i
			else if (k == 13) printf "/src/pkg%d/**/gen/ @u%d\n", p, i
			else if (k == 14) printf "/src/pkg%d/mod%d/*.md @u%d\n", p, m, i
			else if (k == 15) printf "src/pkg%d/*/sub%d/ @u%d\n", p, i % 5, i
			else if (k == 16) printf "**/mod%d/gen/*.h @u%d\n", m, i
			else if (k == 17) printf "/src/pkg%d/mod%d/sub%d/* @u%d\n", p, m, i % 5, i
			else if (k == 18) printf "**/sub%d/file%d* @u%d\n", i % 5, i, i
			else printf "/src/pkg%d/mod%d/sub%d/ @u%d\n", p, m, i % 5, i
		}
	}' >co
}

test_expect_success 'the index finds the owners and notes trying every rule finds' '
	for seed in 1 2 3 4 5 6; do
		co_random patterns $seed 400 >co &&
		co_random paths $((seed + 50)) 3000 >raw &&
		LC_ALL=C sort -u raw >paths &&
		"$MATCH" co <paths >index.out &&
		"$MATCH" -b co <paths >brute.out &&
		test_cmp brute.out index.out &&
		"$MATCH" co <raw >index.out &&
		"$MATCH" -b co <raw >brute.out &&
		test_cmp brute.out index.out &&
		"$MATCH" -a co <paths >index.out &&
		"$MATCH" -a -b co <paths >brute.out &&
		test_cmp brute.out index.out || exit 1
	done &&
	awk -F "\t" "\$2 == 1 && \$3 == 0" brute.out >shadowed &&
	test -s shadowed &&
	awk -F "\t" "\$3 == 1" brute.out >owning &&
	test $(wc -l <owning) -ge 10
'

test_expect_success '10,000 patterns over 20,000 files without hanging, owners as by brute force' '
	co_wide 20000 10000 &&
	timeout 60 "$MATCH" co <paths >index.out &&
	timeout 60 "$MATCH" -a co <paths >notes.out &&
	awk "NR % 20 == 1" paths >sample &&
	"$MATCH" -b co <sample >brute.out &&
	awk "NR % 20 == 1" index.out >index.sample &&
	test_cmp brute.out index.sample &&
	awk -F "\t" "\$2 > 1" index.out >later &&
	test $(wc -l <later) -gt 5000 &&
	rm -rf big && git init -q big &&
	blob=$(git -C big hash-object -w --stdin </dev/null) &&
	sed "s/^/100644 $blob	/" paths | git -C big update-index --add --index-info &&
	mkdir big/.github && cp co big/.github/CODEOWNERS &&
	git -C big add .github/CODEOWNERS &&
	ec_wrap="timeout 120" ec_json 1 --staged --absolute -r pytorch-ecosystem big &&
	result_of codeowners message | grep "own 20001 of 20001 files"
'

test_done
