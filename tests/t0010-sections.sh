#!/bin/sh
# t0010-sections.sh: the sections rules (requirements 3 to 6, 16 and 17)
# on Markdown written for each construct: setext and ATX headings, HTML
# headings, headings in code fences, emoji and links in headings, a
# README.rst, a linked RELEASE.md, empty, huge, invalid UTF-8 and NUL
. "$(dirname "$0")/lib.sh"
. "$ECOCHECK_SRCDIR/tests/lib-sections.sh"

git init -q "$R"

test_expect_success 'ATX headings with closing hashes, a quick start with code' '
	readme <<-\EOF &&
	# Demo #

	Demo turns repository checklists into something a machine can check for you.

	## Quick start ##

	```
	pip install demo
	```

	## Releases ##

	Monthly.
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" pass &&
	test_eq "$(result_of quick-start "evidence[0].line")" 5 &&
	test_eq "$(result_of readme-release)" pass &&
	test_eq "$(result_of readme-value)" pass
'

test_expect_success 'setext headings count' '
	readme <<-\EOF &&
	Demo
	====

	Demo turns repository checklists into something a machine can check for you.

	Getting started
	---------------

	    pip install demo
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" pass &&
	test_eq "$(result_of quick-start "evidence[0].line")" 6
'

test_expect_success 'HTML headings count (<h2 align=center>)' '
	readme <<-\EOF &&
	<h1 align="center">Demo</h1>
	<p align="center">Demo turns repository checklists into something a machine can check for you.</p>

	<h2 align="center">Installation</h2>

	```bash
	pip install demo
	```
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" pass &&
	test_eq "$(result_of quick-start "evidence[0].line")" 4
'

test_expect_success 'a heading inside a code fence is not a section' '
	demo_readme <<-\EOF &&
	```markdown
	## Quick start
	```
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" fail &&
	result_of quick-start message | grep -q "found: Demo"
'

test_expect_success 'emoji, shortcodes and links in headings are normalised' '
	demo_readme <<-\EOF &&
	## :rocket: [Quick **Start**](#quick-start)

	```
	pip install demo
	```

	## 🚀 Release Cadence

	Every month.
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" pass &&
	test_eq "$(result_of readme-release)" pass
'

test_expect_success 'a quick start without a code block fails and says so' '
	demo_readme <<-\EOF &&
	## Usage

	Run it.
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" fail &&
	result_of quick-start message | grep -q "no code block"
'

test_expect_success 'a miss names the headings that are there' '
	demo_readme <<-\EOF &&
	## Install

	```
	pip install demo
	```

	## License

	MIT
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of readme-release)" fail &&
	result_of readme-release message | grep -q "no release section (found: Demo, Install, License)"
'

test_expect_success 'a Releases section that only says which version to install is a Caution naming it' '
	demo_readme <<-\EOF &&
	## Releases

	The latest stable version is 1.2. Install it with:

	```
	pip install demo==1.2
	```
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of readme-release)" fail &&
	test_eq "$(result_of readme-release level)" warning &&
	test_eq "$(result_of readme-release "evidence[0].line")" 5 &&
	result_of readme-release message | grep -q "section .Releases. at line 5 .*says nothing of it"
'

test_expect_success 'a Releases section that says how and how often passes' '
	demo_readme <<-\EOF &&
	## Releases

	The latest stable version is 1.2. We tag a release from main every
	quarter, once the tests pass on the two latest PyTorch releases.
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of readme-release)" pass &&
	test_eq "$(result_of readme-release "evidence[0].line")" 5
'

test_expect_success 'the release section may live in a linked RELEASE.md (delegated)' '
	demo_readme <<-\EOF &&
	See [how we release](RELEASE.md).
	EOF
	printf "# Release process\n\nEvery month.\n" >"$R/RELEASE.md" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of readme-release)" pass &&
	result_of readme-release message | grep -q "delegated to RELEASE.md" &&
	rm "$R/RELEASE.md" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of readme-release)" fail
'

test_expect_success 'a section that only links elsewhere is checked there' '
	mkdir -p "$R/docs" &&
	demo_readme <<-\EOF &&
	## Quick start

	See [the guide](docs/quickstart.md).
	EOF
	printf "# Guide\n\n\`\`\`\npip install demo\n\`\`\`\n" >"$R/docs/quickstart.md" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" pass &&
	result_of quick-start message | grep -q "delegated to docs/quickstart.md" &&
	printf "# Guide\n\nNo code here.\n" >"$R/docs/quickstart.md" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" fail
'

test_expect_success 'no value proposition before the first section fails' '
	readme <<-\EOF &&
	# Demo

	[![build](https://img.shields.io/badge/build-passing-green.svg)](https://ci.example)

	## Install

	```
	pip install demo
	```
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of readme-value)" fail &&
	result_of readme-value message | grep -q "0 words of introduction"
'

test_expect_success 'README.rst instead of README.md: read, with a warning naming it' '
	test_when_finished "rm -f \"\$R/README.rst\"" &&
	rm "$R/README.md" &&
	printf "Demo\n====\n\nDemo turns repository checklists into something a machine can check for you.\n\nInstallation\n------------\n\n    pip install demo\n" >"$R/README.rst" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" fail &&
	test_eq "$(result_of quick-start level)" warning &&
	result_of quick-start message | grep -q "README.rst"
'

test_expect_success 'an empty README fails every section rule, no crash' '
	: >"$R/README.md" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of readme-value)" fail &&
	test_eq "$(result_of quick-start)" fail &&
	result_of quick-start message | grep -q "no headings"
'

test_expect_success 'a 5 MB README is read and judged' '
	{ printf "# Demo\n\nDemo turns repository checklists into something a machine can check for you.\n\n## Quick start\n\n\`\`\`\npip install demo\n\`\`\`\n\n";
	  i=0; while [ $i -lt 2000 ]; do
		printf "## Section %d\n\n" $i
		head -c 2500 /dev/zero | tr "\\000" "w" | sed "s/wwwww/word /g"
		printf "\n\n"
		i=$((i + 1))
	  done; } >"$R/README.md" &&
	test "$(wc -c <"$R/README.md")" -gt 5000000 &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" pass
'

test_expect_success 'invalid UTF-8 and a NUL byte: judged, valid JSON' '
	printf "# D\\377mo\n\nDemo turns repository \\000 checklists into something a machine can check for you.\n\n## Quick st\\303art\n\n## Usage \\376\n\n    pip install demo\n" >"$R/README.md" &&
	ec_json 1 $NOHIST "$R" &&
	jq . "$TEST_TMP/out.json" >/dev/null &&
	test_eq "$(result_of quick-start)" pass &&
	test_eq "$(result_of readme-value)" pass
'

test_expect_success 'CONTRIBUTING.md needs the types of contributions and the process' '
	printf "# Contributing\n\n## Ways to contribute\n\nBugs, docs.\n\n## Pull requests\n\nOpen one.\n" >"$R/CONTRIBUTING.md" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of contributing)" pass &&
	printf "# Contributing\n\n## Pull requests\n\nOpen one.\n" >"$R/CONTRIBUTING.md" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of contributing)" fail &&
	result_of contributing message | grep -q "no types of contributions section"
'

test_expect_success 'governance only as a section of CONTRIBUTING fails' '
	printf "# Contributing\n\n## Governance\n\nThe maintainers decide by consensus and vote when needed.\n" >"$R/CONTRIBUTING.md" &&
	printf "# Demo\n\n## Governance\n\nSee CONTRIBUTING.\n" >"$R/README.md" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of governance)" fail &&
	test_eq "$(result_of governance level)" error &&
	result_of governance message | grep -q "found instead: CONTRIBUTING.md: governance at line 3" &&
	result_of governance message | grep -q "found instead: README.md: governance at line 3" &&
	jq -e "[.results[] | select(.rule == \"governance\") | .evidence[].path] == [\"CONTRIBUTING.md\", \"README.md\"]" "$TEST_TMP/out.json" >/dev/null
'

test_expect_success 'MAINTAINERS.md with a governance section passes (alternative)' '
	printf "# Maintainers\n\n- Alice\n- Bob\n\n## Governance\n\nDecisions are made by the maintainers by lazy consensus; when that fails, the maintainers vote and a simple majority decides.\n" >"$R/MAINTAINERS.md" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of governance)" pass &&
	result_of governance message | grep -q "alternative governance-maintainers" &&
	test_eq "$(result_of governance "evidence[0].path")" MAINTAINERS.md &&
	jq -e "[.results[].rule] | index(\"governance-maintainers\") == null" "$TEST_TMP/out.json" >/dev/null
'

test_expect_success 'MAINTAINERS.md without a governance section fails' '
	test_when_finished "rm -f \"\$R/MAINTAINERS.md\"" &&
	printf "# Maintainers\n\n- Alice\n- Bob\n" >"$R/MAINTAINERS.md" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of governance)" fail &&
	test_eq "$(result_of governance level)" error
'

test_expect_success 'documentation: a docs/ tree with pages passes' '
	rm -rf "$R/docs" && printf "# Demo\n" >"$R/README.md" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of documentation)" fail &&
	mkdir -p "$R/docs/guide" &&
	printf "# Guide\n\nA long enough page of documentation about how to use the demo project properly, with examples.\n" >"$R/docs/guide/intro.md" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of documentation)" pass &&
	test_eq "$(result_of documentation "evidence[0].path")" docs/guide/intro.md
'

test_expect_success 'documentation: a small file first does not hide a real page' '
	test_when_finished "rm -f \"\$R/mkdocs.yml\" \"\$R/docs/guide/a.md\"" &&
	printf "x\n" >"$R/mkdocs.yml" &&
	printf "tiny\n" >"$R/docs/guide/a.md" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of documentation)" pass &&
	test_eq "$(result_of documentation "evidence[0].path")" docs/guide/intro.md
'

test_expect_success 'documentation: a link in the README passes' '
	rm -rf "$R/docs" &&
	printf "# Demo\n\nRead [the docs](https://demo.readthedocs.io/en/latest/).\n" >"$R/README.md" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of documentation)" pass &&
	result_of documentation message | grep -q "alternative documentation-link"
'

test_expect_success 'a bad section pattern is a configuration error at file:line' '
	printf "[s]\ntype = sections\nfile = README.md\nsection = broken: (unclosed\n" >"$TEST_TMP/s.ini" &&
	test_expect_code 2 "$ECOCHECK" -r "$TEST_TMP/s.ini" "$R" 2>err >/dev/null &&
	grep -q "s.ini:4: rule .s.: section: " err
'

test_expect_success 'an alternative that names no rule is a configuration error' '
	printf "[a]\ntype = file\npath = X\nalternative = nope\n" >"$TEST_TMP/a.ini" &&
	test_expect_code 2 "$ECOCHECK" -r "$TEST_TMP/a.ini" "$R" 2>err >/dev/null &&
	grep -q "a.ini:4: rule .a.: alternative: no other rule .nope." err
'

test_done
