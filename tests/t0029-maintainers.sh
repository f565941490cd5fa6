#!/bin/sh
# t0029-maintainers.sh: the maintainers rule type through the shipped rule
# core-maintainers (requirement 11): people named in MAINTAINERS,
# GOVERNANCE documents and README sections, merged, counted, with
# file:line; the shapes seen in real repositories as fixtures.
. "$(dirname "$0")/lib.sh"
asan_fast_unwind

if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_done
fi

FIX=$ECOCHECK_SRCDIR/tests/fixtures/maintainers

# people_repo NAME FIXTURE PATH [FIXTURE PATH]...: a repository holding
# each fixture at its path, committed.
people_repo() {
	_r=$TEST_TMP/$1
	shift
	rm -rf "$_r" &&
	make_repo "$_r" >/dev/null &&
	while test $# -gt 1; do
		mkdir -p "$_r/$(dirname "$2")" &&
		cp "$FIX/$1" "$_r/$2" &&
		shift 2 || return 1
	done &&
	git -C "$_r" add -A &&
	test_tick &&
	git -C "$_r" commit -q -m people
}

# result, value and level of core-maintainers, one a line.
maint() {
	for _k in result value level; do
		result_of core-maintainers "$_k" || return 1
	done
}

test_expect_success 'one maintainer named, four emeritus: a failure naming him' '
	people_repo one one-maintainer-emeritus.md MAINTAINERS.md \
		one-maintainer-readme.md README.md &&
	ec_json 1 "$TEST_TMP/one" &&
	maint >got &&
	printf "fail\n1\nerror\n" >want &&
	test_cmp want got &&
	result_of core-maintainers message >msg &&
	grep "only 1 maintainer named: Vladimir Iglovikov (MAINTAINERS.md:5)" msg &&
	grep "at least 2 are needed" msg &&
	grep "4 retired: Alexander Buslaev, Alex Parinov, Eugene Khvedchenya, Mikhail Druzhinin" msg &&
	test_eq "$(result_of core-maintainers "evidence[0].path")" MAINTAINERS.md &&
	test_eq "$(result_of core-maintainers "evidence[0].line")" 5
'

test_expect_success 'the same person in the README with a middle initial is not a second' '
	test_eq "$(result_of core-maintainers "evidence | length")" 1 &&
	# without MAINTAINERS.md, the README alone names the same one
	git -C "$TEST_TMP/one" rm -q MAINTAINERS.md &&
	git -C "$TEST_TMP/one" commit -q -m rm &&
	ec_json 1 "$TEST_TMP/one" &&
	test_eq "$(result_of core-maintainers value)" 1 &&
	result_of core-maintainers message |
		grep "Vladimir I. Iglovikov (README.md:9)"
'

test_expect_success 'six maintainers only in a README sentence pass, with handles' '
	people_repo six six-in-readme-prose.md README.md &&
	ec_json 1 "$TEST_TMP/six" &&
	maint >got &&
	printf "pass\n6\nerror\n" >want &&
	test_cmp want got &&
	result_of core-maintainers message >msg &&
	grep "^6 maintainers named: Ashley Hill (@hill-a) (README.md:7), Antonin Raffin (@araffin) (README.md:7)" msg &&
	grep "Quentin Gallouédec (@qgallouedec)" msg &&
	test_eq "$(result_of core-maintainers "evidence | length")" 6
'

test_expect_success 'docs/source/governance.rst: leads and core maintainers, alumni not counted' '
	people_repo gov governance-alumni.rst docs/source/governance.rst \
		team-features.md README.md &&
	ec_json 1 "$TEST_TMP/gov" &&
	maint >got &&
	printf "pass\n3\nerror\n" >want &&
	test_cmp want got &&
	result_of core-maintainers message >msg &&
	grep "Nicki Skafte (@SkafteNicki) (docs/source/governance.rst:13)" msg &&
	grep "Rittik Panda (@rittik9) (docs/source/governance.rst:18)" msg &&
	grep "2 retired: Teddy Koker (@teddykoker), Maxim Grechkin (@maximsch2)" msg
'

test_expect_success 'with min = 4 (a repository may raise it) the same fails' '
	printf "[core-maintainers]\nmin = 4\n" >"$TEST_TMP/gov/.ecocheck.ini" &&
	ec_json 1 "$TEST_TMP/gov" &&
	test_eq "$(result_of core-maintainers result)" fail &&
	test_eq "$(result_of core-maintainers min)" 4 &&
	ec_json 1 --no-repo-config "$TEST_TMP/gov" &&
	test_eq "$(result_of core-maintainers result)" pass
'

test_expect_success 'features under a Team heading are nobody: a failure, not a pass' '
	people_repo feat team-features.md README.md &&
	ec_json 1 "$TEST_TMP/feat" &&
	maint >got &&
	printf "fail\n0\nerror\n" >want &&
	test_cmp want got &&
	result_of core-maintainers message |
		grep "^no maintainers named in README.md; no MAINTAINERS, GOVERNANCE, docs/\*\*/governance, CONTRIBUTING, docs/\*\*/team, .* or CODEOWNERS found; at least 2 are needed"
'

test_expect_success 'a Name/Handle table in .github/MAINTAINERS.md passes' '
	people_repo table table-name-github.md .github/MAINTAINERS.md &&
	ec_json 1 "$TEST_TMP/table" &&
	test_eq "$(result_of core-maintainers result)" pass &&
	result_of core-maintainers message |
		grep "Adam J. Stewart (@adamjstewart) (.github/MAINTAINERS.md:7), Caleb Robinson (@calebrob6) (.github/MAINTAINERS.md:8)"
'

test_expect_success 'the same under --rev, --staged and in a bare clone' '
	ec_json 1 --rev HEAD "$TEST_TMP/table" &&
	test_eq "$(result_of core-maintainers value)" 2 &&
	ec_json 1 --staged --absolute "$TEST_TMP/table" &&
	test_eq "$(result_of core-maintainers value)" 2 &&
	git clone -q --bare "$TEST_TMP/table" "$TEST_TMP/table.git" &&
	ec_json 1 "$TEST_TMP/table.git" &&
	test_eq "$(result_of core-maintainers value)" 2
'

test_expect_success 'only GitHub teams named: unknown, naming them, not a failure' '
	people_repo teams teams-only.md MAINTAINERS.md &&
	ec_json 1 "$TEST_TMP/teams" &&
	maint >got &&
	printf "unknown\n0\nerror\n" >want &&
	test_cmp want got &&
	result_of core-maintainers message >msg &&
	grep "^no maintainer named, only 2 GitHub teams (@example-org/core-team (MAINTAINERS.md:5), @example-org/admins (MAINTAINERS.md:6))" msg &&
	grep "a person must decide" msg
'

test_expect_success 'one person and a team: still for a person to decide' '
	printf "\n- Jane Doe (@jane)\n" >>"$TEST_TMP/teams/MAINTAINERS.md" &&
	ec_json 1 "$TEST_TMP/teams" &&
	test_eq "$(result_of core-maintainers result)" unknown &&
	result_of core-maintainers message |
		grep "^1 maintainer named (Jane Doe (@jane) (MAINTAINERS.md:8)) and 2 GitHub teams"
'

test_expect_success 'CODEOWNERS with GitHub teams only: unknown, for a person' '
	rm -rf "$TEST_TMP/coteams" &&
	make_repo "$TEST_TMP/coteams" x.py >/dev/null &&
	mkdir -p "$TEST_TMP/coteams/.github" &&
	printf "* @acme/core\n/docs/ @acme/docs\n" >"$TEST_TMP/coteams/.github/CODEOWNERS" &&
	git -C "$TEST_TMP/coteams" add -A && git -C "$TEST_TMP/coteams" commit -q -m co &&
	ec_json 1 "$TEST_TMP/coteams" &&
	test_eq "$(result_of core-maintainers result)" unknown &&
	test_eq "$(result_of core-maintainers judgment)" true &&
	result_of core-maintainers message |
		grep "^no maintainer named, only 2 GitHub teams (@acme/core (.github/CODEOWNERS:1), @acme/docs (.github/CODEOWNERS:2))"
'

test_expect_success 'CODEOWNERS users count, once each, merged with a MAINTAINERS entry' '
	printf "* @jane @bob\n/docs/ @jane\n" >"$TEST_TMP/coteams/.github/CODEOWNERS" &&
	printf "# Maintainers\n\n- Jane Doe (@jane)\n" >"$TEST_TMP/coteams/MAINTAINERS.md" &&
	git -C "$TEST_TMP/coteams" add -A && git -C "$TEST_TMP/coteams" commit -q -m co2 &&
	ec_json 1 "$TEST_TMP/coteams" &&
	test_eq "$(result_of core-maintainers result)" pass &&
	test_eq "$(result_of core-maintainers value)" 2 &&
	result_of core-maintainers message >msg &&
	grep "Jane Doe (@jane) (MAINTAINERS.md:3" msg && grep "@bob (.github/CODEOWNERS:1)" msg
'

test_expect_success 'a CODEOWNERS GitHub does not read (CODEOWNERS.md) names nobody' '
	git -C "$TEST_TMP/coteams" rm -q MAINTAINERS.md &&
	git -C "$TEST_TMP/coteams" mv .github/CODEOWNERS .github/CODEOWNERS.md &&
	git -C "$TEST_TMP/coteams" commit -q -m md &&
	ec_json 1 "$TEST_TMP/coteams" &&
	test_eq "$(result_of core-maintainers result)" fail
'

test_expect_success 'nothing at all: a failure that says what to write' '
	rm -rf "$TEST_TMP/empty" &&
	make_repo "$TEST_TMP/empty" x.py >/dev/null &&
	ec_json 1 "$TEST_TMP/empty" &&
	test_eq "$(result_of core-maintainers result)" fail &&
	result_of core-maintainers message |
		grep "^no maintainers named: no MAINTAINERS, GOVERNANCE, docs/\*\*/governance, README, CONTRIBUTING, .* or CODEOWNERS found; at least 2" &&
	result_of core-maintainers fix | grep "MAINTAINERS.md"
'

test_expect_success 'brackets, tags and backticks that never close cannot hang it' '
	rm -rf "$TEST_TMP/hostile" &&
	make_repo "$TEST_TMP/hostile" >/dev/null &&
	awk "BEGIN {
		print \"# X\"; print \"\"; print \"## Maintainers\"; print \"\"
		for (i = 0; i < 40; i++) {
			s = \"\"; for (j = 0; j < 4000; j++) s = s \"[<\"
			print \"- \" s \"](\"
			print \"\"
		}
		s = \"\"; for (j = 0; j < 8000; j++) s = s \"[\"
		print s
	}" >"$TEST_TMP/hostile/README.md" &&
	cp "$TEST_TMP/hostile/README.md" "$TEST_TMP/hostile/MAINTAINERS.rst" &&
	sed "s/\\[/\`/g" "$TEST_TMP/hostile/README.md" >"$TEST_TMP/hostile/GOVERNANCE.rst" &&
	test_expect_code 1 timeout 60 "$ECOCHECK" --format json -r pytorch-ecosystem \
		--set commits.level=off --set contributors.level=off \
		"$TEST_TMP/hostile" >"$TEST_TMP/out.json" &&
	test_eq "$(result_of core-maintainers result)" fail
'

test_expect_success 'names in a code block that shows a ``` line are nobody (cmark decides)' '
	rm -rf "$TEST_TMP/fence" &&
	make_repo "$TEST_TMP/fence" >/dev/null &&
	cat >"$TEST_TMP/fence/README.md" <<-\EOF &&
	# Fence

	## Maintainers

	- Jane Doe (@janedoe)

	To add yourself, copy this:

	````markdown
	```
	- Ann Example (@annexample)
	- Bob Example (@bobexample)
	````
	EOF
	git -C "$TEST_TMP/fence" add -A &&
	test_tick &&
	git -C "$TEST_TMP/fence" commit -q -m fence &&
	ec_json 1 "$TEST_TMP/fence" &&
	test_eq "$(result_of core-maintainers result)" fail &&
	result_of core-maintainers message >msg &&
	grep "only 1 maintainer named: Jane Doe (@janedoe) (README.md:5)" msg &&
	! grep Example msg
'

test_expect_success 'a maintainers rule needs file, section_file or codeowners' '
	cat >"$TEST_TMP/bad.ini" <<-\EOF &&
	[ruleset]
	name = bad

	[m]
	type = maintainers
	min = 2
	EOF
	test_expect_code 2 "$ECOCHECK" -r "$TEST_TMP/bad.ini" "$TEST_TMP/empty" 2>err &&
	grep "bad.ini:4: rule .m.: a maintainers rule needs" err
'

test_expect_success 'a steering committee named in CONTRIBUTING.md, after a list of its duties' '
	people_repo tsc steering-committee-in-contributing.md CONTRIBUTING.md &&
	ec_json 1 "$TEST_TMP/tsc" &&
	maint >got &&
	printf "pass\n3\nerror\n" >want &&
	test_cmp want got &&
	result_of core-maintainers message |
		grep -F "3 maintainers named: Ada Lovelace (CONTRIBUTING.md:21), Grace Hopper (CONTRIBUTING.md:22), Katherine Johnson (CONTRIBUTING.md:23)"
'

test_expect_success 'maintainers named only in pyproject.toml: a warning naming them, not a failure' '
	R=$TEST_TMP/pkgmaint &&
	rm -rf "$R" && make_repo "$R" >/dev/null &&
	printf "[project]\nname = \"demo\"\nmaintainers = [\n  {name = \"Ada Lovelace\"},\n  {name = \"Grace Hopper\", email = \"g@example.org\"},\n]\n" >"$R/pyproject.toml" &&
	git -C "$R" add -A && test_tick && git -C "$R" commit -q -m pkg &&
	ec_json 1 "$TEST_TMP/pkgmaint" &&
	test_eq "$(result_of core-maintainers result)" fail &&
	test_eq "$(result_of core-maintainers level)" warning &&
	result_of core-maintainers message |
		grep -F "the packaging metadata names 2 maintainers (Ada Lovelace, Grace Hopper, pyproject.toml:4)" &&
	printf "[project]\nname = \"demo\"\nmaintainers = [{name = \"Ada Lovelace\"}]\n" >"$R/pyproject.toml" &&
	git -C "$R" add -A && test_tick && git -C "$R" commit -q -m one &&
	ec_json 1 "$TEST_TMP/pkgmaint" &&
	test_eq "$(result_of core-maintainers level)" error
'

test_done
