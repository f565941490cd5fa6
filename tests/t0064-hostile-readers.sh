#!/bin/sh
# t0064-hostile-readers.sh: the crafted files of issue 21 that made a
# reader quadratic or worse (a setup.py literal, a CODEOWNERS line of
# owners, a MAINTAINERS table, YAML of anchors or deep nesting, a CI
# workflow of many steps, requirement files that include each other)
# are answered under timeout, and a limit reached is said in the result.
. "$(dirname "$0")/lib.sh"

need_jq_and_timeout
asan_fast_unwind

# hostile NAME PATH PROGRAM: a repository $TEST_TMP/NAME with a README
# and PATH written by the awk PROGRAM, in one commit; R is its path.
hostile() {
	R=$TEST_TMP/$1 &&
	rm -rf "$R" &&
	make_repo "$R" README.md >/dev/null &&
	mkdir -p "$R/$(dirname "$2")" &&
	awk "BEGIN { $3 }" >"$R/$2" &&
	git -C "$R" add -A &&
	test_tick &&
	git -C "$R" commit -q -m hostile
}

# A setup.py declaring torch, then a line of one unended literal of N
# escaped quotes: before, each quote started a scan to the line's end.
setup_literal() {
	hostile "setup$1" setup.py "
		print \"from setuptools import setup\";
		print \"setup(name='demo', install_requires=['torch'])\";
		printf \"x = \\\"\";
		for (i = 0; i < $1 / 2; i++) printf \"\\\\\\\"\";
		print \"\""
}

test_expect_success 'a setup.py literal of 262,144 crafted bytes is read at once' '
	setup_literal 262144 &&
	test $(wc -c <"$R/setup.py") -gt 262144 &&
	ec_bounded 1 --as-of HEAD "$R" &&
	test_eq "$(result_of packages)" pass &&
	result_of packages message | grep -q "setup.py names .demo. (setup.py:2)" &&
	result_of pytorch-support message | grep -q "torch with no version constraint (setup.py:2)"
'

test_expect_success 'a setup.py literal of 1 MiB is read at once' '
	setup_literal 1048576 &&
	ec_bounded 1 --as-of HEAD "$R" &&
	test_eq "$(result_of packages)" pass &&
	result_of pytorch-support message | grep -q "(setup.py:2)"
'

# One CODEOWNERS line of N owners.
owners_line() {
	hostile "owners$1" .github/CODEOWNERS "
		printf \"*\"; for (i = 0; i < $1; i++) printf \" @u%d\", i; print \"\""
}

test_expect_success 'a CODEOWNERS line of 250,000 owners: the first 100 kept, the rest said' '
	owners_line 250000 &&
	ec_bounded 1 --as-of HEAD "$R" &&
	test_eq "$(result_of codeowners value)" 100 &&
	result_of codeowners message | grep -q "249900 more owners, from .github/CODEOWNERS:1 on, were not read (a limit: 100 a line)" &&
	test_eq "$(result_of core-maintainers value)" 100 &&
	result_of core-maintainers message | grep -q "249900 more names, from .github/CODEOWNERS:1 on, were not read (a limit: "
'

test_expect_success 'a CODEOWNERS line of 40,000 owners answers at once' '
	owners_line 40000 &&
	ec_bounded 1 --as-of HEAD "$R" &&
	test_eq "$(result_of codeowners value)" 100 &&
	result_of codeowners message | grep -q "39900 more owners, from .github/CODEOWNERS:1 on"
'

test_expect_success 'a MAINTAINERS table of 200,000 rows: 2,000 people kept, the rest said' '
	hostile table MAINTAINERS.md "
		print \"# Maintainers\"; print \"\";
		print \"| Name | GitHub |\"; print \"| --- | --- |\";
		for (i = 0; i < 200000; i++) printf \"| Dev %d | @dev%d |\\n\", i, i" &&
	ec_bounded 1 --as-of HEAD "$R" &&
	test_eq "$(result_of core-maintainers)" pass &&
	test_eq "$(result_of core-maintainers value)" 2000 &&
	result_of core-maintainers message | grep -q "Dev 0 (@dev0) (MAINTAINERS.md:5)" &&
	result_of core-maintainers message | grep -q "198000 more names, from MAINTAINERS.md:2005 on, were not read (a limit: 2000 people"
'

test_expect_success 'an environment.yml of 100,000 anchors is not loaded: the limit is said' '
	hostile anchors environment.yml "
		print \"name: demo\"; print \"dependencies:\"; print \"  - pytorch\";
		print \"x:\";
		for (i = 0; i < 100000; i++) printf \"  k%d: &a%d v\\n\", i, i" &&
	ec_bounded 1 --as-of HEAD "$R" &&
	test_eq "$(result_of packages)" unknown &&
	result_of packages message | grep -q "environment.yml:1005: not read: more than 1000 YAML anchors (a limit)" &&
	result_of pytorch-support message | grep -q "environment.yml:1005: not read: more than 1000 YAML anchors"
'

test_expect_success 'an environment.yml nested 100,000 deep is not loaded: the limit is said' '
	hostile nested environment.yml "
		print \"name: demo\"; print \"dependencies:\"; print \"  - pytorch\";
		printf \"x: \"; for (i = 0; i < 100000; i++) printf \"[\"; print \"\"" &&
	ec_bounded 1 --as-of HEAD "$R" &&
	test_eq "$(result_of packages)" unknown &&
	result_of packages message | grep -q "environment.yml:4: not read: nested deeper than 64 levels (a limit)"
'

# 50,000 references whose targets are defined in reverse order after
# them: before, each link's text was looked for from the top (22 s).
test_expect_success 'a reST README of 50,000 references to targets after them answers at once' '
	hostile rst README.rst "
		print \"Demo\"; print \"====\"; print \"\";
		for (i = 0; i < 50000; i++) printf \"See n%d_ \", i; print \"\"; print \"\";
		for (i = 50000; i > 0; i--) printf \".. _n%d: https://x.io/p%d\\n\", i - 1, i - 1" &&
	git -C "$R" rm -q README.md &&
	git -C "$R" commit -q -m "reST only" &&
	ec_bounded 1 --as-of HEAD "$R" &&
	test_eq "$(result_of readme-value)" fail &&
	result_of readme-value message | grep -q "README.rst: 100000 words of introduction"
'

# 250 requirement files under requirements/, torch declared in the last.
test_expect_success 'requirement files past the 200th: the limit is said, torch is unknown, not failed' '
	R=$TEST_TMP/reqs250 && rm -rf "$R" &&
	make_repo "$R" README.md >/dev/null &&
	mkdir "$R/requirements" &&
	i=0 &&
	while [ $i -lt 250 ]; do
		echo numpy >"$R/requirements/r$(printf %03d $i).txt" &&
		i=$((i + 1)) || return 1
	done &&
	echo "torch>=2.0" >"$R/requirements/r249.txt" &&
	git -C "$R" add -A && test_tick && git -C "$R" commit -q -m reqs &&
	ec_bounded 1 --as-of HEAD "$R" &&
	test_eq "$(result_of pytorch-support)" unknown &&
	result_of pytorch-support message | grep -q "requirements/r200.txt: not read: more than 200 packaging files (a limit)" &&
	test_eq "$(result_of packages)" fail
'

# The same 4 MiB blob under ten names: read within the check's budget.
test_expect_success 'one 4 MiB requirements blob under ten names, under --rev: 8 MiB read, the rest said' '
	R=$TEST_TMP/blob10 && rm -rf "$R" &&
	make_repo "$R" README.md >/dev/null &&
	awk "BEGIN { print \"torch>=2.0\"; for (i = 0; i < 400000; i++) printf \"pkg%07d\\n\", i }" |
		head -c 4000000 >"$R/requirements.txt" &&
	for i in 1 2 3 4 5 6 7 8 9; do
		cp "$R/requirements.txt" "$R/requirements-$i.txt" || return 1
	done &&
	git -C "$R" add -A && test_tick && git -C "$R" commit -q -m blob &&
	ec_bounded 1 --as-of HEAD --rev HEAD "$R" &&
	result_of pytorch-support message | grep -q "torch>=2.0 (requirements-1.txt:1)" &&
	result_of pytorch-support details | grep -q "requirements-3.txt: not read: the requirement files before it reach 8 MiB (a limit)" &&
	test_eq "$(result_of packages)" fail
'

test_expect_success 'requirement files that include each other are read once each' '
	R=$TEST_TMP/cycle && rm -rf "$R" &&
	make_repo "$R" README.md >/dev/null &&
	printf -- "-r requirements-b.txt\ntorch>=2.0\n" >"$R/requirements.txt" &&
	printf -- "-r requirements.txt\n-r requirements-b.txt\nnumpy\n" >"$R/requirements-b.txt" &&
	git -C "$R" add -A && test_tick && git -C "$R" commit -q -m cycle &&
	ec_bounded 1 --as-of HEAD --rev HEAD "$R" &&
	result_of pytorch-support message | grep -q "torch>=2.0 (requirements.txt:2)"
'

test_expect_success 'a pyproject.toml over 4 MiB: a Python project whose torch is unknown, not skipped' '
	hostile bigpy pyproject.toml "
		print \"[project]\"; print \"name = \\\"demo\\\"\";
		print \"dependencies = [\\\"torch>=2.0\\\"]\";
		for (i = 0; i < 80000; i++) printf \"# %060d\\n\", i" &&
	ec_bounded 1 --as-of HEAD "$R" &&
	test_eq "$(result_of pytorch-support)" unknown &&
	result_of pytorch-support message | grep -q "pyproject.toml: larger than 4194304 bytes: not read"
'

test_expect_success 'an -r include that cannot be read leaves packages failed, the include named' '
	R=$TEST_TMP/badinc && rm -rf "$R" &&
	make_repo "$R" README.md >/dev/null &&
	printf -- "-r missing.txt\nnumpy\n" >"$R/requirements.txt" &&
	git -C "$R" add -A && test_tick && git -C "$R" commit -q -m include &&
	ec_bounded 1 --as-of HEAD "$R" &&
	test_eq "$(result_of packages)" fail &&
	result_of packages details | grep -q "requirements.txt:1: .missing.txt. cannot be read"
'

# The start of a workflow whose job runs no step yet.
WF='print "name: t"; print "on: [push]"; print "jobs:";
	print "  test:"; print "    runs-on: ubuntu-latest";'

test_expect_success 'a workflow of 200,000 YAML anchors: the anchors limit is said' '
	hostile wanchors .github/workflows/t.yml "
		print \"x:\"; for (i = 0; i < 200000; i++) printf \"  k%d: &a%d v\\n\", i, i;
		$WF print \"    steps:\"; print \"      - run: pytest\"" &&
	ec_bounded 1 --as-of HEAD "$R" &&
	test_eq "$(result_of ci)" unknown &&
	result_of ci message | grep -q ".github/workflows/t.yml:1002 cannot be read: more than 1000 YAML anchors (a limit)"
'

test_expect_success 'a workflow nested 100,000 deep in flow: the depth limit is said' '
	hostile wnested .github/workflows/t.yml "
		printf \"x: \"; for (i = 0; i < 100000; i++) printf \"[\"; print \"\";
		$WF print \"    steps:\"; print \"      - run: pytest\"" &&
	ec_bounded 1 --as-of HEAD "$R" &&
	test_eq "$(result_of ci)" unknown &&
	result_of ci message | grep -q ".github/workflows/t.yml:1 cannot be read: nested deeper than 64 levels (a limit)"
'

test_expect_success 'a workflow of 200,000 steps is read to 1 MiB, and says so' '
	hostile wsteps .github/workflows/t.yml "
		$WF print \"    steps:\";
		for (i = 0; i < 200000; i++) printf \"      - run: echo %d\\n\", i;
		print \"      - run: pytest\"" &&
	ec_bounded 1 --as-of HEAD "$R" &&
	test_eq "$(result_of ci)" unknown &&
	result_of ci message | grep -q "it does echo 0, echo 1" &&
	result_of ci message | grep -q "t.yml:0 cannot be read: larger than 1048576 bytes: only the first part was read"
'

# N workflow files of 1 MiB of steps that run no tests, after FIRST
# (a workflow that runs pytest, or none).
many_workflows() {
	R=$TEST_TMP/wmany &&
	rm -rf "$R" &&
	make_repo "$R" README.md >/dev/null &&
	mkdir -p "$R/.github/workflows" &&
	awk "BEGIN { $WF print \"    steps:\";
		for (i = 0; i < 50000; i++) printf \"      - run: echo %07d\\n\", i }" |
		head -c 1048576 >"$TEST_TMP/one.yml" &&
	i=0 &&
	while [ $i -lt $1 ]; do
		cp "$TEST_TMP/one.yml" "$R/.github/workflows/w$(printf %03d $i).yml" &&
		i=$((i + 1)) || return 1
	done &&
	if [ -n "$2" ]; then
		awk "BEGIN { $WF print \"    steps:\"; print \"      - run: pytest\" }" \
			>"$R/.github/workflows/$2"
	fi &&
	git -C "$R" add -A &&
	test_tick &&
	git -C "$R" commit -q -m workflows
}

test_expect_success '60 workflow files of 1 MiB: 16 MiB are read, the first not read is said' '
	many_workflows 60 "" &&
	ec_bounded 1 --as-of HEAD "$R" &&
	test_eq "$(result_of ci)" unknown &&
	result_of ci message | grep -q "GitHub Actions (16 files) runs no tests" &&
	result_of ci message | grep -q ".github/workflows/w016.yml is not read: the CI files before it reach 16 MiB (a limit of a check)" &&
	jq -e ".results[] | select(.rule == \"ci\") | .evidence[] |
		select(.path == \".github/workflows/w059.yml\" and .note == \"not read: past the CI files\u0027 limit\")" \
		"$TEST_TMP/out.json" >/dev/null
'

test_expect_success 'the tests a workflow before the limit runs are seen: a pass' '
	many_workflows 60 a-tests.yml &&
	ec_bounded 1 --as-of HEAD "$R" &&
	test_eq "$(result_of ci)" pass &&
	result_of ci message | grep -q "pytest at .github/workflows/a-tests.yml:7" &&
	test_eq "$(result_of ci "details[]")" \
		".github/workflows/w015.yml is not read: the CI files before it reach 16 MiB (a limit of a check) (and 44 more CI files not read)"
'

test_done
