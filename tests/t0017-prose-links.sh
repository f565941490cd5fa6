#!/bin/sh
# t0017-prose-links.sh: sections found in prose (mention), release
# methodology told from install steps, links into the repository followed
# to docs pages (GitHub file links, documentation sites), bounded
. "$(dirname "$0")/lib.sh"
. "$ECOCHECK_SRCDIR/tests/lib-sections.sh"

git init -q "$R"

test_expect_success 'kinds of contributions listed in prose pass, naming the line' '
	contributing <<-\EOF &&
	# Contributing

	If you are interested in contributing, your contributions will fall
	into two categories:
	1. You want to propose a new feature and implement it
	2. You want to fix a bug

	## Pull requests

	Fork, branch, open a pull request; a maintainer reviews it.
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of contributing)" pass &&
	result_of contributing message | grep -q "types of contributions in the text at line 3" &&
	result_of contributing message | grep -q "contributions will fall into"
'

test_expect_success 'a single passing mention is a warning quoting it' '
	contributing <<-\EOF &&
	# Contributing

	## Pull requests

	Fork, branch, open a pull request; a maintainer reviews it.

	## Style

	Keep it short, also when you send us bugs.
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of contributing)" fail &&
	test_eq "$(result_of contributing level)" warning &&
	result_of contributing message | grep -q "only mentioned in passing at line 9 (.bugs.)"
'

test_expect_success 'the process but nothing of the kinds of contributions: a Caution saying what it has' '
	contributing <<-\EOF &&
	# Contributing

	## Pull requests

	Fork, branch, open a pull request; a maintainer reviews it.
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of contributing)" fail &&
	test_eq "$(result_of contributing level)" warning &&
	result_of contributing message | grep -F "no types of contributions section" &&
	result_of contributing message | grep -F "; it has development process at line 3"
'

test_expect_success 'neither the kinds of contributions nor the process: a failure' '
	contributing <<-\EOF &&
	# Contributing

	## Thanks

	We are glad you are here.
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of contributing)" fail &&
	test_eq "$(result_of contributing level)" error
'

test_expect_success 'clues in code, comments and URLs do not count' '
	contributing <<-\EOF &&
	# Contributing

	<!-- your contributions will fall into bug fixes and new features -->
	Look at `new feature` and https://x.example/bug-fix/feature

	```
	# types of contributions: bug, feature
	```

	## Pull requests

	Fork, branch, open a pull request; a maintainer reviews it.
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of contributing)" fail &&
	result_of contributing message | grep -F "no types of contributions section" &&
	! result_of contributing message | grep -F "mentioned in passing"
'

test_expect_success 'clues far apart are only passing mentions' '
	{
		printf "# Contributing\n\nWe fix every bug.\n\n" &&
		i=0 && while test $i -lt 20; do printf "Filler line.\n" && i=$((i+1)); done &&
		printf "\nA feature, a refactoring.\n\n## Pull requests\n\nOpen a pull request.\n"
	} >"$R/CONTRIBUTING.md" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of contributing)" fail &&
	test_eq "$(result_of contributing level)" warning
'

test_expect_success 'installing a release is no release methodology' '
	demo_readme <<-\EOF &&
	## Installing the latest release

	```
	pip install demo
	```

	## Nightly releases

	```
	pip install --pre demo
	```
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of readme-release)" fail &&
	test_eq "$(result_of readme-release level)" error
'

test_expect_success 'a release policy in prose passes' '
	demo_readme <<-\EOF &&
	## Install

	Demo is released every month and follows semantic versioning.
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of readme-release)" pass &&
	result_of readme-release message | grep -q "release in the text at line 7"
'

test_expect_success 'an unlinked RELEASE-MANAGEMENT.md is a warning naming it' '
	readme <<-\EOF &&
	# Demo

	Demo turns repository checklists into something a machine can check for you.
	EOF
	printf "# Release management\n\nEvery quarter.\n" >"$R/RELEASE-MANAGEMENT.md" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of readme-release)" fail &&
	test_eq "$(result_of readme-release level)" warning &&
	result_of readme-release message | grep -q "RELEASE-MANAGEMENT.md is in the repository but README.md does not link to it" &&
	printf "\nSee [releases](RELEASE-MANAGEMENT.md).\n" >>"$R/README.md" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of readme-release)" pass &&
	result_of readme-release message | grep -q "delegated to RELEASE-MANAGEMENT.md (linked at line 5)" &&
	rm "$R/RELEASE-MANAGEMENT.md"
'

test_expect_success 'an unlinked notes/release.md is a warning naming it; requirements/release.txt is not one' '
	readme <<-\EOF &&
	# Demo

	Demo turns repository checklists into something a machine can check for you.
	EOF
	mkdir -p "$R/requirements" "$R/notes" &&
	echo "twine" >"$R/requirements/release.txt" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of readme-release level)" error &&
	printf "# Release\n\nHow to release demo packages.\n" >"$R/notes/release.md" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of readme-release)" fail &&
	test_eq "$(result_of readme-release level)" warning &&
	result_of readme-release message | grep -F "notes/release.md is in the repository but README.md does not link to it" &&
	rm -r "$R/notes" "$R/requirements"
'

test_expect_success 'a quick start on a documentation site is judged in docs/' '
	mkdir -p "$R/docs/source/getting_started" &&
	demo_readme <<-\EOF &&
	## Getting started

	Read the [guide](https://demo.readthedocs.io/en/latest/getting_started/installation.html)
	for everything you need to begin, with examples and a short walk through.
	EOF
	printf "Install\n=======\n\n.. code-block:: sh\n\n    pip install demo\n" \
		>"$R/docs/source/getting_started/installation.rst" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" pass &&
	result_of quick-start message | grep -q "delegated to docs/source/getting_started/installation.rst (linked at line 7)" &&
	printf "Install\n=======\n\nNo code.\n" \
		>"$R/docs/source/getting_started/installation.rst" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" fail
'

test_expect_success 'a GitHub link to a file of the repository is followed' '
	mkdir -p "$R/docs" &&
	demo_readme <<-\EOF &&
	## Installation

	See the [instructions](https://github.com/o/demo/blob/main/docs/install.md).
	EOF
	printf "# Install\n\n\`\`\`\npip install demo\n\`\`\`\n" >"$R/docs/install.md" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" pass &&
	result_of quick-start message | grep -q "delegated to docs/install.md"
'

test_expect_success 'a site of another project is not followed' '
	demo_readme <<-\EOF &&
	## Installation

	See [PyTorch](https://pytorch.org/docs/install.html).
	EOF
	printf "# Install\n\n\`\`\`\npip install demo\n\`\`\`\n" >"$R/docs/install.md" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" fail
'

test_expect_success 'sixty links to one large file are read once, quickly' '
	{
		printf "# Demo\n\nDemo turns repository checklists into something a machine can check.\n\n## Quick start\n\n" &&
		i=0 && while test $i -lt 60; do printf "[page %d](docs/big.md) " $i && i=$((i+1)); done &&
		printf "\n"
	} >"$R/README.md" &&
	{
		printf "# Big\n\n" &&
		i=0 && while test $i -lt 40000; do printf "Words and more words of prose here.\n" && i=$((i+1)); done
	} >"$R/docs/big.md" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" fail &&
	test_eq "$(result_of quick-start "evidence | map(select(.path == \"docs/big.md\")) | length")" 1
'

test_expect_success 'an Issues section on bug reports (the Meta template) is a type of contribution' '
	printf "# Contributing\n\n## Our Development Process\n\nFork, branch, open a pull request; a maintainer reviews it.\n\n## Issues\n\nWe use GitHub issues to track public bugs. Please ensure your description is clear.\n" \
		>"$R/CONTRIBUTING.md" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of contributing)" pass &&
	result_of contributing message | grep -q "types of contributions at line 7"
'

test_expect_success 'a Contribution Types heading, and the process in prose, pass' '
	contributing <<-\EOF &&
	# Contributing

	This project welcomes contributions. If you find a bug, please open a pull
	request; see the guide on using git, writing and running unit tests and
	running linters.

	## Contribution Types

	Anything that helps.
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of contributing)" pass &&
	result_of contributing message | grep -q "types of contributions at line 7" &&
	result_of contributing message | grep -q "development process in the text at line 3"
'

test_expect_success 'a section label given twice is one section with both patterns' '
	printf "[ruleset]\nname = t\n[s]\ntype = sections\nfile = CONTRIBUTING.md\nsection = process: ^workflow\$\nsection = process: ^how we work\$\n" >"$TEST_TMP/twice.ini" &&
	contributing <<-\EOF &&
	# Contributing

	## How we work

	Fork and send a pull request.
	EOF
	ec_json 0 -r "$TEST_TMP/twice.ini" "$R" &&
	test_eq "$(result_of s)" pass &&
	test_eq "$(result_of s message)" "CONTRIBUTING.md: process at line 3" &&
	contributing <<-\EOF &&
	# Contributing

	## Other

	Nothing.
	EOF
	ec_json 1 -r "$TEST_TMP/twice.ini" "$R" &&
	test_eq "$(result_of s)" fail &&
	result_of s message | grep -q "^CONTRIBUTING.md: no process section"
'

test_expect_success 'a CONTRIBUTING.md that only points to the docs: the page it points to is judged' '
	mkdir -p "$R/docs/source/developer" &&
	printf "Contributing\n============\n\nPull requests\n-------------\n\nFork, branch, open a pull request; a maintainer reviews it.\n\nWays to contribute\n------------------\n\nBug reports, new features and documentation.\n" \
		>"$R/docs/source/developer/contributing.rst" &&
	contributing <<-\EOF &&
	# Contributing to Demo

	Please refer to [demo.readthedocs.io/en/latest/developer/contributing.html](https://demo.readthedocs.io/en/latest/developer/contributing.html)
	EOF
	git -C "$R" add -A && test_tick && git -C "$R" commit -q -m pointer &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of contributing)" pass &&
	result_of contributing message | grep -F "docs/source/developer/contributing.rst: " &&
	result_of contributing message | grep -F "(CONTRIBUTING.md only points to it)" &&
	test_eq "$(result_of contributing "evidence[0].path")" CONTRIBUTING.md &&
	test_eq "$(result_of contributing "evidence[0].line")" 3
'

test_done
