#!/bin/sh
# t0015-rst.sh: README.rst, CONTRIBUTING.rst and MAINTAINERS.rst read as
# reStructuredText by the shipped section rules (readme-value, quick-start,
# readme-release, contributing, governance), judged as the same text in
# Markdown is; a README.txt is still read as Markdown
. "$(dirname "$0")/lib.sh"

if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_done
fi

NOHIST="--set commits.level=off --set contributors.level=off"
RULES="readme-value quick-start readme-release contributing"

# judged DIR: each section rule's message, with the file's name, the
# "read instead" note and line numbers taken out, one line per rule.
judged() {
	ec_json 1 $NOHIST "$1" &&
	for _r in $RULES; do
		printf "%s: %s\n" "$_r" "$(result_of "$_r" message)" || exit 1
	done | sed -e 's/\.rst/.md/g' -e 's/ (read instead of [^)]*)//' \
		-e 's/line [0-9]*/line N/g'
}

# levels DIR: each section rule's result and level.
levels() {
	ec_json 1 $NOHIST "$1" &&
	for _r in $RULES; do
		printf "%s %s %s\n" "$_r" "$(result_of "$_r")" \
			"$(result_of "$_r" level)" || exit 1
	done
}

# write_rst_docs DIR: write_demo_docs's README and CONTRIBUTING in reST,
# with what only a reST reader reads right: an overlined title, badges as
# substitutions, a comment, a code-block directive indented by 3, a '~'
# underline (a code fence to Markdown) and a named hyperlink reference.
write_rst_docs() {
	cat >"$1/README.rst" <<-\EOF &&
	.. Badges and a comment: never the introduction.

	|ci| |pypi|

	======
	 Demo
	======

	Demo is a small library that shows what a healthy project looks like to the
	reviewers of the PyTorch Ecosystem Working Group.

	.. |ci| image:: https://ci.example.org/badge.svg
	   :target: https://ci.example.org
	.. |pypi| image:: https://img.shields.io/pypi/v/demo.svg

	Quick start
	~~~~~~~~~~~

	.. code-block:: sh

	   pip install demo

	Releases
	~~~~~~~~

	A release every month from main, when the tests pass on the two latest
	PyTorch releases.

	Documentation
	~~~~~~~~~~~~~

	See `the documentation`_.

	.. _the documentation: https://demo.readthedocs.io/
	EOF
	cat >"$1/CONTRIBUTING.rst" <<-\EOF
	Contributing
	############

	Types of contributions
	======================

	Bug reports, fixes, documentation and new examples are welcome.

	Development process
	===================

	Fork, branch, open a pull request; a maintainer reviews it.
	EOF
}

test_expect_success 'README.rst and CONTRIBUTING.rst: judged as the Markdown text' '
	git init -q md && write_demo_docs md &&
	git init -q rst && write_rst_docs rst &&
	judged md >expect &&
	judged rst >actual &&
	test_cmp expect actual &&
	grep -q "^quick-start: README.md: quick start at line N, with a code block$" actual &&
	grep -q "^readme-value: README.md: 22 words of introduction (before the first section)$" actual &&
	levels md >md-levels &&
	printf "%s pass error\n" $RULES >expect &&
	test_cmp expect md-levels &&
	levels rst >rst-levels &&
	printf "%s fail warning\n" $RULES >expect &&
	test_cmp expect rst-levels &&
	test_eq "$(result_of quick-start fix)" "rename README.rst to README.md" &&
	test_eq "$(result_of quick-start "evidence[0].line")" 16 &&
	test_eq "$(result_of contributing "evidence[0].line")" 4
'

test_expect_success 'badges, a comment and a field list are no introduction' '
	git init -q badges &&
	cat >badges/README.rst <<-\EOF &&
	.. image:: https://ci.example.org/badge.svg
	   :target: https://ci.example.org

	.. A comment with many words that a reader of the page never sees.

	Demo
	====

	:Version: 1.0 of the demo library for everyone
	:License: BSD

	|ci| |pypi| |docs| |coverage| |downloads| |style| |python| |chat| |zulip| |doi|

	.. |ci| image:: https://ci.example.org/badge.svg
	.. |pypi| image:: https://img.shields.io/pypi/v/demo.svg
	.. |docs| image:: https://readthedocs.org/projects/demo/badge/
	.. |coverage| image:: https://codecov.io/gh/demo/demo/badge.svg
	.. |downloads| image:: https://pepy.tech/badge/demo
	.. |style| image:: https://img.shields.io/badge/code%20style-black-000000.svg
	.. |python| image:: https://img.shields.io/pypi/pyversions/demo.svg
	.. |chat| image:: https://img.shields.io/badge/chat-on%20slack-blue.svg
	.. |zulip| image:: https://img.shields.io/badge/zulip-join-blue.svg
	.. |doi| image:: https://zenodo.org/badge/DOI/10.5281/zenodo.1.svg

	Install
	-------

	::

	    pip install demo
	EOF
	ec_json 1 $NOHIST badges &&
	test_eq "$(result_of readme-value)" fail &&
	result_of readme-value message | grep -q "^README.rst: 0 words of introduction" &&
	test_eq "$(result_of quick-start)" fail &&
	result_of quick-start message | grep -q "quick start at line 25, with a code block"
'

test_expect_success 'a quick start without code fails in both, for the same reason' '
	git init -q nocode-md && git init -q nocode-rst &&
	printf "# Demo\n\nDemo turns checklists into something a machine can check for you.\n\n## Installation\n\nRun pip install demo in a shell.\n" >nocode-md/README.md &&
	printf "Demo\n====\n\nDemo turns checklists into something a machine can check for you.\n\nInstallation\n------------\n\nRun pip install demo in a shell.\n\n.. Not code::\n\n    pip install demo\n" >nocode-rst/README.rst &&
	judged nocode-md >expect &&
	judged nocode-rst >actual &&
	test_cmp expect actual &&
	grep -q "^quick-start: README.md: quick start: .Installation. at line N has no code block" actual
'

test_expect_success 'a title inside a code block or a comment is no section' '
	git init -q literal &&
	printf "Demo\n====\n\nDemo turns checklists into something a machine can check for you.\n\n.. code-block:: rst\n\n   Quick start\n   ===========\n\n   pip install demo\n\n..\n   Installation\n   ------------\n\n   ::\n\n       pip install demo\n" >literal/README.rst &&
	ec_json 1 $NOHIST literal &&
	result_of quick-start message | grep -q "no quick start section (found: Demo)"
'

test_expect_success 'follow_links: a linked .rst page holds the quick start' '
	git init -q linked &&
	mkdir linked/docs &&
	printf "Demo\n====\n\nDemo turns checklists into something a machine can check for you.\n\nInstallation\n------------\n\nSee the \`installation guide <docs/install.rst>\`_.\n" >linked/README.rst &&
	printf "Install\n=======\n\n.. prompt:: bash\n\n   pip install demo\n" >linked/docs/install.rst &&
	ec_json 1 $NOHIST linked &&
	result_of quick-start message | grep -q "quick start at line 6 delegated to docs/install.rst (linked at line 9)" &&
	printf "Install\n=======\n\nRun pip install demo.\n" >linked/docs/install.rst &&
	ec_json 1 $NOHIST linked &&
	result_of quick-start message | grep -q "quick start: .Installation. at line 6 has no code block"
'

test_expect_success 'follow_links: a :doc: role links to the .rst page' '
	git init -q doc &&
	mkdir doc/docs &&
	printf "Contributing\n============\n\nTypes of contributions\n----------------------\n\nBug reports and fixes are welcome; then see :doc:\`the guide <dev/workflow>\`.\n" >doc/docs/CONTRIBUTING.rst &&
	mkdir doc/docs/dev &&
	printf "Workflow\n========\n\nFork, branch, open a pull request.\n" >doc/docs/dev/workflow.rst &&
	ec_json 1 $NOHIST doc &&
	result_of contributing message | grep -q "development process delegated to docs/dev/workflow.rst"
'

test_expect_success 'MAINTAINERS.rst with a governance section is governance' '
	git init -q gov &&
	cat >gov/MAINTAINERS.rst <<-\EOF &&
	Maintainers
	===========

	* Ada Lovelace
	* Alan Turing

	Decision making
	~~~~~~~~~~~~~~~

	Decisions are made by lazy consensus of the maintainers on the issue
	tracker; when that fails, the maintainers vote and a simple majority wins.
	EOF
	ec_json 1 $NOHIST gov &&
	test_eq "$(result_of governance)" pass
'

test_expect_success 'README.txt is read as Markdown, README.rst as reST' '
	git init -q txt &&
	printf "Demo\n====\n\nDemo turns checklists into something a machine can check for you.\n\nInstall\n*******\n\n.. code:: sh\n\n   pip install demo\n" >txt/README.txt &&
	ec_json 1 $NOHIST txt &&
	result_of quick-start message | grep -q "^README.txt: no quick start section" &&
	mv txt/README.txt txt/README.rst &&
	ec_json 1 $NOHIST txt &&
	result_of quick-start message | grep -q "^README.rst: quick start at line 6, with a code block"
'

test_expect_success 'a hostile README.rst is read, not a crash' '
	git init -q hostile &&
	printf "T\377\n====\n\n\`\`x |y :z:\`w \`a <b\n\0\n..\n.. _\n__\n=\n" >hostile/README.rst &&
	ec_json 1 $NOHIST hostile &&
	test_eq "$(result_of quick-start)" fail &&
	test_must_fail grep -i "sanitizer\|runtime error" "$TEST_TMP/err"
'

test_done
