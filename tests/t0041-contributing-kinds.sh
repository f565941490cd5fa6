#!/bin/sh
# t0041-contributing-kinds.sh: a contributing guide that names the kinds
# of contributions in its own structure (headings that are kinds, a list
# led into as one), process headings and steps that are no kinds, a title
# that is not the development process, and banner headings that lists of
# headings leave out
. "$(dirname "$0")/lib.sh"
. "$ECOCHECK_SRCDIR/tests/lib-sections.sh"

git init -q "$R"

test_expect_success 'headings that are kinds of contribution are the types, citing their lines' '
	contributing <<-\EOF &&
	# Contributing to Demo

	## How to contribute

	Fork the repository, make your changes and open a pull request.

	### Source code contributions

	Document and unit-test all of it.

	### Writing new recipes.

	Recipes follow the standard layout.

	### Improving the docs.

	The docs are built with Sphinx.
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of contributing)" pass &&
	result_of contributing message >msg &&
	grep -F "types of contributions in headings '\''Source code contributions'\'' (line 7), '\''Writing new recipes.'\'' (line 11), '\''Improving the docs.'\'' (line 15)" msg &&
	grep -F "development process at line 3" msg &&
	result_of contributing "evidence[].line" >lines &&
	grep -x 7 lines && grep -x 11 lines && grep -x 15 lines
'

test_expect_success 'short headings of kinds (Fixes, New features) under examples of PRs pass' '
	contributing <<-\EOF &&
	# Contribution guide

	## PR examples

	#### Fixes
	- https://example.org/pull/1

	#### New features
	- https://example.org/pull/2

	## Submitting a pull request

	Open an issue, then send a pull request.
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of contributing)" pass &&
	result_of contributing message | grep -F "in headings '\''Fixes'\'' (line 5), '\''New features'\'' (line 8)"
'

test_expect_success 'process headings that only hold a kind word are no kinds' '
	contributing <<-\EOF &&
	# Contributing

	## Submitting pull requests

	Fork, branch, open a pull request; a maintainer reviews it.

	## Adding new optional dependencies

	List them in setup.cfg.

	## Adding new tests

	Put them under tests/.

	## Release a new version

	Tag it.
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of contributing)" fail &&
	test_eq "$(result_of contributing level)" warning &&
	result_of contributing message | grep -F "no types of contributions section" &&
	! result_of contributing message | grep -F "in headings"
'

test_expect_success 'one heading naming a kind alone is a warning naming it' '
	contributing <<-\EOF &&
	# Contributing

	## Pull requests

	Fork, branch, open a pull request; a maintainer reviews it.

	## Documentation contributions

	Send them as pull requests as well.
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of contributing)" fail &&
	test_eq "$(result_of contributing level)" warning &&
	result_of contributing message | grep -F "types of contributions: only section '\''Documentation contributions'\'' at line 7 names one"
'

for lead in "Contribution examples:" "You can contribute in so many ways!" \
	"**Typical Contributions**" "There are many ways to contribute:"; do
	test_expect_success "a list after \"$lead\" is the types of contributions" '
		{
			printf "# Contributing to Demo\n\nAny kind of help is welcome.\n\n" &&
			printf "%s\n" "$lead" &&
			printf "%s\n" "- Thumbing up good issues" \
				"- Opening issues about questions and installation problems" \
				"- Sending pull requests" &&
			printf "\n## Testing\n\nRun pytest before you send it.\n"
		} >"$R/CONTRIBUTING.md" &&
		ec_json 1 $NOHIST "$R" &&
		test_eq "$(result_of contributing)" pass &&
		result_of contributing message | grep -F "types of contributions in a list of 3 items at line 5, after" &&
		result_of contributing "evidence[].line" | grep -x 5
	'
done

test_expect_success 'a lead-in followed by one item or by no list is no list of kinds' '
	contributing <<-\EOF &&
	# Contributing

	There are many ways to contribute:
	- Sending pull requests

	Contribution examples: see the issues.

	## Pull requests

	Open a pull request; a maintainer reviews it.
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of contributing)" fail &&
	test_eq "$(result_of contributing level)" warning &&
	! result_of contributing message | grep -F "in a list of"
'

test_expect_success 'steps after "follow these steps" are the process, no kinds (a branch for each feature)' '
	contributing <<-\EOF &&
	# Contributing

	To contribute, follow these steps:

	1. Fork the repository.
	2. Create a branch for each feature.
	3. Open a pull request.
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of contributing)" fail &&
	test_eq "$(result_of contributing level)" warning &&
	result_of contributing message >msg &&
	grep -F "no types of contributions section" msg &&
	! grep -F "mentioned in passing" msg &&
	grep -F "development process in a list of 3 items at line 3" msg
'

for h in "How Can I Contribute?" "Typical Contributions" "Ways to contribute" \
	"What can I contribute"; do
	test_expect_success "a heading \"$h\" is the types of contributions" '
		printf "# Contributing\n\n## %s\n\nAnything helps.\n\n## Pull requests\n\nOpen one.\n" \
			"$h" >"$R/CONTRIBUTING.md" &&
		ec_json 1 $NOHIST "$R" &&
		test_eq "$(result_of contributing)" pass &&
		result_of contributing message | grep -F "types of contributions at line 3"
	'
done

test_expect_success 'submitting an issue is a kind, submitting a pull request the process' '
	contributing <<-\EOF &&
	# Contributing

	## You can contribute in so many ways!

	Questions, ideas and code all help.

	## Submitting a new issue or feature request

	Search the issues first.

	## Submitting a pull request

	Fork, branch and open it.
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of contributing)" pass &&
	result_of contributing message | grep -F "types of contributions at line 3; development process at line 11"
'

test_expect_success 'a title "How to contribute to X?" is not by itself the development process' '
	contributing <<-\EOF &&
	# How to contribute to Demo?

	## Ways to contribute

	Anything helps: questions, ideas, kind words.
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of contributing)" fail &&
	test_eq "$(result_of contributing level)" warning &&
	result_of contributing message | grep -F "no development process section"
'

test_expect_success 'the process said beneath such a title still passes, through its text' '
	contributing <<-\EOF &&
	# How to contribute to Demo?

	Fork the repository and open a pull request; a maintainer reviews it,
	and the unit tests run on it.

	## Ways to contribute

	Anything helps: questions, ideas, kind words.
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of contributing)" pass &&
	result_of contributing message | grep -F "development process in the text at line 3"
'

test_expect_success 'a heading "How to contribute" that is not the title is the process' '
	contributing <<-\EOF &&
	# Contributing to Demo

	## Ways to contribute

	Anything helps: questions, ideas, kind words.

	## How to contribute

	Ask first.
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of contributing)" pass &&
	result_of contributing message | grep -F "development process at line 7"
'

test_expect_success 'a list of headings leaves out an HTML banner of images and links' '
	rm -f "$R/CONTRIBUTING.md" &&
	readme <<-\EOF &&
	<h1 align="center"><img src="logo.png" alt="Logo"> <a href="https://example.org">with</a></h1>

	Demo turns repository checklists into something a machine can check for you.

	## Installation

	Ask us.
	EOF
	ec_json 1 $NOHIST "$R" &&
	result_of quick-start message >msg &&
	grep -F "(found: Installation)" msg &&
	! grep -F "with" msg &&
	result_of readme-release message | grep -F "(found: Installation)"
'

test_expect_success 'a banner of only a Markdown image and a link inside <h1> has no text either' '
	readme <<-\EOF &&
	<h1 align="center">

	![Demo logo](logo.png) [Website](https://example.org)

	</h1>

	Demo turns repository checklists into something a machine can check for you.

	## Installation

	Ask us.
	EOF
	ec_json 1 $NOHIST "$R" &&
	result_of quick-start message | grep -F "(found: Installation)"
'

test_expect_success 'an HTML heading of an image and words is a heading with its words' '
	readme <<-\EOF &&
	<h2><img src="i.png"> Installation</h2>

	Demo turns repository checklists into something a machine can check for you.

	## Usage

	Ask us.
	EOF
	ec_json 1 $NOHIST "$R" &&
	result_of quick-start message | grep -F "found: Installation, Usage"
'

test_done
