#!/bin/sh
# t0016-reader-sections.sh: sections and introductions as a reader sees
# them: every matching heading is tried, badge headings are no sections,
# HTML taglines and an "About" section are the introduction, and messages
# name what they found in words, never as a pattern (contains rules, the
# codes of conduct, "1 commit")
. "$(dirname "$0")/lib.sh"
. "$ECOCHECK_SRCDIR/tests/lib-sections.sh"

git init -q "$R"

test_expect_success 'a matching section without code does not hide a later one with code' '
	demo_readme <<-\EOF &&
	## Examples and documentation

	See [the documentation](https://demo.example/docs).

	## Installation

	```
	pip install demo
	```
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" pass &&
	test_eq "$(result_of quick-start "evidence[0].line")" 9
'

test_expect_success 'code only in a subsection counts for its parent section' '
	demo_readme <<-\EOF &&
	## Getting started

	### Prerequisites

	Python.

	### Requirements and steps

	```
	pip install demo
	```
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" pass &&
	test_eq "$(result_of quick-start "evidence[0].line")" 5
'

test_expect_success 'when no matching section qualifies, each is named with its reason' '
	demo_readme <<-\EOF &&
	## Installation

	See the instructions online.

	## Getting Started

	Read the documentation.
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" fail &&
	result_of quick-start message >msg &&
	grep -q "'"'"'Installation'"'"' at line 5 has no code block" msg &&
	grep -q "'"'"'Getting Started'"'"' at line 9 has no code block" msg &&
	test_eq "$(jq "[.results[] | select(.rule == \"quick-start\") | .evidence[].line] | join(\",\")" "$TEST_TMP/out.json")" "\"5,9\""
'

test_expect_success 'a badge paragraph underlined with dashes is no heading' '
	readme <<-\EOF &&
	[![CI](https://ci.example/badge.svg)](https://ci.example) ![PyPI](https://pypi.example/v.svg)
	--------------------------------------------------------------------------------

	## Description
	Demo turns repository checklists into something a machine can check for you.

	## Installation

	```
	pip install demo
	```
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of readme-value)" pass &&
	result_of readme-value message | grep -q "in section .Description., line 4" &&
	result_of readme-release message | grep -q "(found: Description, Installation)"
'

test_expect_success 'a link bar in an HTML heading is no section' '
	demo_readme <<-\EOF &&
	<h4><p align="center">
	<a href="https://demo.example">[Website]</a>
	- <a href="https://demo.example/start">[Getting Started]</a>
	</p></h4>

	## Usage

	```
	demo check .
	```
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" pass &&
	test_eq "$(result_of quick-start "evidence[0].line")" 10
'

test_expect_success 'HTML taglines before the first section are the introduction' '
	readme <<-\EOF &&
	<p align="center"><img src="logo.png" width="50%"/></p>

	<h2><p align="center">Check your repository like a reviewer</p></h2>
	<h3><p align="center">Offline checks for community health</p></h3>

	<p align="center">
	<a href="https://pypi.example/demo"><img alt="PyPI Version" src="https://img.example/v.svg"></a>
	</p>

	## Installation

	```
	pip install demo
	```
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of readme-value)" pass &&
	result_of readme-value message | grep -q "11 words of introduction (in the HTML tagline at line 3)" &&
	result_of readme-release message | grep -q "(found: Installation)" &&
	ec_json 1 $NOHIST --set readme-value.intro_words=12 "$R" &&
	test_eq "$(result_of readme-value)" fail
'

test_expect_success 'a first section named About holds the introduction' '
	readme <<-\EOF &&
	# Demo

	## About

	Demo turns repository checklists into something a machine can check for you.

	## Installation

	```
	pip install demo
	```
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of readme-value)" pass &&
	result_of readme-value message | grep -q "12 words of introduction (in section .About., line 3)"
'

test_expect_success 'a later About section is not the introduction' '
	readme <<-\EOF &&
	# Demo

	## Installation

	```
	pip install demo
	```

	## About

	Demo turns repository checklists into something a machine can check for you.
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of readme-value)" fail &&
	result_of readme-value message | grep -q "0 words of introduction (before the first section), fewer than 8"
'

test_expect_success 'badge alt text and link-only lines are no introduction' '
	readme <<-\EOF &&
	# Demo

	[![Documentation Status and more words here](https://rtd.example/badge.svg)](https://rtd.example)

	[Docs](https://d.example) | [Discord](https://c.example) | [Twitter](https://t.example)

	One word.

	## Installation

	```
	pip install demo
	```
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of readme-value)" fail &&
	result_of readme-value message | grep -q "2 words of introduction"
'

test_expect_success 'one word is "1 word"' '
	readme <<-\EOF &&
	# Demo

	Demo.

	## Installation

	```
	pip install demo
	```
	EOF
	ec_json 1 $NOHIST "$R" &&
	result_of readme-value message | grep -q "1 word of introduction (before"
'

test_expect_success 'a code of conduct that passes is named in words, not by its pattern' '
	printf "# Code of Conduct\n\nWe adopt the Linux Foundation Code of Conduct.\n" >"$R/CODE_OF_CONDUCT.md" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of code-of-conduct)" pass &&
	test_eq "$(result_of code-of-conduct message)" "CODE_OF_CONDUCT.md has the Linux Foundation Code of Conduct" &&
	test_eq "$(result_of code-of-conduct "evidence[0].note")" "the Linux Foundation Code of Conduct"
'

test_expect_success 'alternate codes of conduct are named, never shown as a pattern' '
	printf "# Open Source Code of Conduct\n\nReport to opensource-conduct@fb.com.\nAdapted from the Contributor Covenant.\n" >"$R/CODE_OF_CONDUCT.md" &&
	ec_json 1 $NOHIST "$R" &&
	result_of code-of-conduct message | grep -q "is the Meta Open Source Code of Conduct" &&
	printf "This repository is governed by MosaicML'"'"'s community guidelines and code of conduct.\n" >"$R/CODE_OF_CONDUCT.md" &&
	ec_json 1 $NOHIST "$R" &&
	result_of code-of-conduct message | grep -q "is the MosaicML Code of Conduct" &&
	printf "See https://numfocus.org/code-of-conduct.\n" >"$R/CODE_OF_CONDUCT.md" &&
	ec_json 1 $NOHIST "$R" &&
	result_of code-of-conduct message | grep -q "is the NumFOCUS Code of Conduct" &&
	printf "Be kind.\n" >"$R/CODE_OF_CONDUCT.md" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of code-of-conduct level)" warning &&
	test_eq "$(result_of code-of-conduct message)" "CODE_OF_CONDUCT.md is an alternate code of conduct" &&
	: >"$R/CODE_OF_CONDUCT.md" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of code-of-conduct message)" "CODE_OF_CONDUCT.md does not match the Linux Foundation Code of Conduct"
'

test_expect_success 'no shipped contains rule shows a pattern to a person' '
	ec_json 1 $NOHIST "$R" &&
	jq -r ".results[] | .message, (.evidence[]?.note // empty)" "$TEST_TMP/out.json" >notes &&
	test_must_fail grep -E "\\\\[sbd.]|\(\?:|\[\^" notes
'

test_expect_success 'contains: without describe, patterns are named by number' '
	printf "[c]\ntype = contains\nfile = NOTES.md\npattern = alpha\npattern = beta\\\\s+gamma\n" >"$TEST_TMP/c.ini" &&
	printf "alpha\n" >"$R/NOTES.md" &&
	ec_json 1 -r "$TEST_TMP/c.ini" "$R" &&
	test_eq "$(result_of c message)" "NOTES.md does not match pattern 2" &&
	printf "[c]\ntype = contains\nfile = NOTES.md\npattern = alpha\npattern = beta\ndescribe = a\ndescribe = b\ndescribe = c\n" >"$TEST_TMP/c.ini" &&
	test_expect_code 2 "$ECOCHECK" -r "$TEST_TMP/c.ini" "$R" 2>err >/dev/null &&
	grep -q "describe: 3 values for 2 patterns" err
'

test_expect_success 'an author with one commit has "1 commit"' '
	git -C "$R" add -A && test_tick && git -C "$R" commit -q -m one &&
	ec_json 1 --as-of HEAD "$R" &&
	test_eq "$(result_of contributors "evidence[0].note")" "1 commit"
'

test_expect_success 'a one-sentence tagline is a value proposition' '
	printf "# Demo\n\nA scikit-learn compatible neural network library that wraps PyTorch.\n\n## Install\n\nRun it.\n" >"$R/README.md" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of readme-value)" pass &&
	printf "# Demo\n\nThe official code of our paper.\n\n## Install\n\nRun it.\n" >"$R/README.md" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of readme-value)" fail
'

test_done
