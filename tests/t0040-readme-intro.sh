#!/bin/sh
# t0040-readme-intro.sh: where a README says what the project is (issue
# 18): under badges, in a first section however it is named, unless it is
# named as something else; an introduction that comes later is a sign for
# a person (a warning naming it), never taken for none.
. "$(dirname "$0")/lib.sh"
. "$ECOCHECK_SRCDIR/tests/lib-sections.sh"

make_repo "$R" >/dev/null

BADGES='[![pypi](https://img.shields.io/pypi/v/demo)](https://pypi.org/project/demo/) ![status](https://img.shields.io/badge/status-beta-blue.svg)'

test_expect_success 'badges, then "## Here is Demo." and its prose: that is the introduction' '
	printf "%s\n\n## Here is Demo.\n\n%s\n\n## Installation\n\n    pip install demo\n" "$BADGES" \
		"Demo turns repository checklists into something a machine can check for you." |
		readme &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of readme-value)" pass &&
	result_of readme-value message | grep -F "in section '\''Here is Demo.'\'', line 3"
'

test_expect_success 'a first section named as something else is not the introduction' '
	for name in Installation "Table of contents" News "Getting started" Citation; do
		printf "%s\n\n## %s\n\n%s\n" "$BADGES" "$name" \
			"Demo turns repository checklists into something a machine can check for you." |
			readme &&
		ec_json 1 $NOHIST "$R" &&
		test_eq "$name:$(result_of readme-value)" "$name:fail" &&
		test_eq "$name:$(result_of readme-value level)" "$name:error" || return 1
	done
'

test_expect_success 'an overview after the news: a warning naming it, not a failure' '
	printf "%s\n\n## News\n\nVersion 2 is out.\n\n## Demo Overview\n\n%s\n" "$BADGES" \
		"Demo turns repository checklists into something a machine can check for you." |
		readme &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of readme-value)" fail &&
	test_eq "$(result_of readme-value level)" warning &&
	result_of readme-value message |
		grep -F "section '\''Demo Overview'\'' at line 7 reads like one, but comes after the first section"
'

test_expect_success 'no introduction anywhere stays a failure at level error' '
	printf "%s\n\n## News\n\nVersion 2 is out.\n\n## Usage\n\n    demo run\n" "$BADGES" | readme &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of readme-value)" fail &&
	test_eq "$(result_of readme-value level)" error
'

# The same shapes in reST: the README the rule reads is README.rst.
rst_readme() {
	rm -f "$R/README.md" &&
	cat >"$R/README.rst"
}

# README.rst is read in place of README.md at level warning: the
# introduction is judged all the same.
test_expect_success 'reST: a title over badges, then an "Overview" section: the introduction' '
	printf "Demo\n====\n\n%s\n%s\n\nOverview\n--------\n\n%s\n\nInstallation\n------------\n\n::\n\n    pip install demo\n" \
		".. image:: https://img.shields.io/pypi/v/demo" \
		"   :target: https://pypi.org/project/demo/" \
		"Demo turns repository checklists into something a machine can check for you." |
		rst_readme &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of readme-value level)" warning &&
	result_of readme-value message |
		grep -F "12 words of introduction (in section '\''Overview'\'', line 7) (read instead of README.md)"
'

test_expect_success 'reST: an overview after the news is a warning naming it' '
	printf "News\n====\n\nVersion 2 is out.\n\nDemo Overview\n=============\n\n%s\n" \
		"Demo turns repository checklists into something a machine can check for you." |
		rst_readme &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of readme-value)" fail &&
	test_eq "$(result_of readme-value level)" warning &&
	result_of readme-value message |
		grep -F "section '\''Demo Overview'\'' at line 6 reads like one"
'

test_done
