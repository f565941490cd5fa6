#!/bin/sh
# t0041-contributing-kinds.sh: a contributing guide that names the kinds
# of contributions in its own structure (headings that are kinds, a list
# led into as one), process headings and steps that are no kinds, a title
# that is not the development process, and banner headings that lists of
# headings leave out
. "$(dirname "$0")/lib.sh"
. "$ECOCHECK_SRCDIR/tests/lib-sections.sh"

git init -q "$R"

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
