#!/bin/sh
# t0042-docs-pointers.sh: quick starts the README points to (issue 18): a
# link named for the documentation, or in its section, leads to a page of
# the repository whose quick start has code; a docs site's URL names its
# page at any depth of the docs tree, on every suffix of its path; the
# host a project declares (mkdocs.yml site_url, a CNAME, html_baseurl in
# conf.py, the sources .readthedocs.yaml names) is its docs site. Where a
# link cannot be followed the answer stays what it was.
. "$(dirname "$0")/lib.sh"
. "$ECOCHECK_SRCDIR/tests/lib-sections.sh"

make_repo "$R" >/dev/null

# page PATH: write the page PATH of $R from standard input.
page() {
	mkdir -p "$R/$(dirname "$1")" &&
	cat >"$R/$1"
}

# quick_page PATH: a page whose "Quick start guide" section has code.
quick_page() {
	printf '# Guide\n\nWhat the guide is about.\n\n## Quick start guide\n\n```\npip install demo\n```\n' |
		page "$1"
}

test_expect_success 'a Documentation section links to a page whose quick start has code: delegated, the page cited' '
	quick_page docs/guide.md &&
	demo_readme <<-\EOF &&
	## Documentation

	Everything is in [the guide](docs/guide.md).
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" pass &&
	result_of quick-start message |
		grep -F "quick start delegated to docs/guide.md: section '\''Quick start guide'\'' at line 5, with a code block (the documentation, linked at line 7)" &&
	test_eq "$(result_of quick-start "evidence | map(\"\(.path):\(.line)\") | join(\" \")")" \
		"README.md:7 docs/guide.md:5"
'

test_expect_success 'a link whose text names the documentation counts outside such a section' '
	demo_readme <<-\EOF &&
	## About

	Read the [documentation](docs/guide.md) before you begin.
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" pass &&
	result_of quick-start message | grep -F "delegated to docs/guide.md" &&
	demo_readme <<-\EOF &&
	## About

	Read the [notes](docs/guide.md) before you begin.
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" fail
'

test_expect_success 'a docs badge and a "Docs:" autolink are documentation links' '
	rm -r "$R/docs" &&
	quick_page docs/source/index.md &&
	demo_readme <<-\EOF &&
	[![Docs](https://img.shields.io/badge/docs-latest-blue)](https://demo.readthedocs.io/en/latest/)
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" pass &&
	result_of quick-start message | grep -F "delegated to docs/source/index.md" &&
	demo_readme <<-\EOF &&
	Docs: <https://demo.readthedocs.io/en/latest/>
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" pass
'

test_expect_success 'a site URL names its page at any depth of the docs tree, on its longest suffix' '
	rm -r "$R/docs" &&
	quick_page docs/source/user/tutorials/basics.md &&
	printf "# Basics\n\nNo code here.\n" | page docs/basics.md &&
	demo_readme <<-\EOF &&
	## Documentation

	See [the basics](https://demo.readthedocs.io/en/stable/tutorials/basics/).
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" pass &&
	result_of quick-start message | grep -F "delegated to docs/source/user/tutorials/basics.md: section"
'

test_expect_success 'another project'\''s site names no page of ours at any depth' '
	demo_readme <<-\EOF &&
	## Documentation

	We build on [their basics](https://otherlib.github.io/stable/tutorials/basics.html).
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" fail &&
	demo_readme <<-\EOF &&
	## Documentation

	See [the basics](https://someone.github.io/demo/stable/tutorials/basics.html).
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" pass
'

test_expect_success 'a Getting started section linking to a deep page of the site: found at any depth' '
	demo_readme <<-\EOF &&
	## Getting started

	Follow [the tutorial](https://demo.readthedocs.io/en/stable/tutorials/basics/).
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" pass &&
	result_of quick-start message | grep -F "quick start at line 5 delegated to docs/source/user/tutorials/basics.md (linked at line 7)"
'

test_expect_success 'a .html page names its reST source, and a directory its index page' '
	rm -r "$R/docs" &&
	printf "Start\n=====\n\nGetting started\n---------------\n\n.. code-block:: sh\n\n    pip install demo\n" |
		page docs/source/guides/first/steps.rst &&
	demo_readme <<-\EOF &&
	## Documentation

	See [the first steps](https://demo.readthedocs.io/en/latest/guides/first/steps.html).
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" pass &&
	result_of quick-start message | grep -F "delegated to docs/source/guides/first/steps.rst: section '\''Getting started'\'' at line 4" &&
	rm -r "$R/docs" &&
	quick_page docs/src/guides/first/index.md &&
	demo_readme <<-\EOF &&
	## Documentation

	See [the first steps](https://demo.readthedocs.io/en/latest/guides/first/).
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" pass &&
	result_of quick-start message | grep -F "delegated to docs/src/guides/first/index.md"
'

test_expect_success 'the host mkdocs.yml declares in site_url is the docs site, its base path dropped' '
	rm -r "$R/docs" &&
	quick_page docs/getting-started.md &&
	demo_readme <<-\EOF &&
	## Documentation

	Read [getting started](https://demo.example.org/manual/getting-started/).
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" fail &&
	printf "site_name: Demo\nsite_url: https://demo.example.org/manual/\nnav:\n  - Home: index.md\nmarkdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n" \
		>"$R/mkdocs.yml" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" pass &&
	result_of quick-start message | grep -F "delegated to docs/getting-started.md" &&
	rm "$R/mkdocs.yml"
'

test_expect_success 'a CNAME and html_baseurl declare the host too' '
	rm -r "$R/docs" &&
	quick_page docs/source/start.md &&
	demo_readme <<-\EOF &&
	## Documentation

	Read [how to start](https://www.demo-docs.org/start.html).
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" fail &&
	printf "\nwww.demo-docs.org\n" >"$R/docs/source/CNAME" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" pass &&
	rm "$R/docs/source/CNAME" &&
	printf "project = \"demo\"\nhtml_baseurl = os.environ.get(\"READTHEDOCS_CANONICAL_URL\", \"https://demo-docs.org/\")\n" \
		>"$R/docs/source/conf.py" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" pass &&
	result_of quick-start message | grep -F "delegated to docs/source/start.md"
'

test_expect_success 'the sources .readthedocs.yaml names are the docs tree' '
	rm -r "$R/docs" &&
	printf "Install\n=======\n\n.. code-block:: sh\n\n    pip install demo\n" |
		page website/sphinx/first.rst &&
	demo_readme <<-\EOF &&
	## Documentation

	Read [the first page](https://demo.readthedocs.io/en/latest/first.html).
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" fail &&
	printf "version: 2\nbuild:\n  os: ubuntu-22.04\n  tools:\n    python: \"3.11\"\nsphinx:\n  configuration: website/sphinx/conf.py\n" \
		>"$R/.readthedocs.yaml" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" pass &&
	result_of quick-start message | grep -F "delegated to website/sphinx/first.rst: section '\''Install'\'' at line 1" &&
	test_eq "$(result_of documentation)" pass &&
	result_of documentation message | grep -F "found .readthedocs.yaml"
'

test_expect_success 'a link that cannot be followed keeps the answer: no page, no code, another host' '
	rm -rf "$R/website" "$R/.readthedocs.yaml" "$R/docs" &&
	demo_readme <<-\EOF &&
	## Documentation

	See [the guide](docs/guide.md), [the site](https://demo.readthedocs.io/en/latest/start/)
	and [PyTorch docs](https://pytorch.org/docs/start.html).
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" fail &&
	printf "# Start\n\n## Quick start guide\n\nInstall it with pip.\n" | page docs/start.md &&
	printf "# Guide\n\n## Reference\n\n\`\`\`\nimport demo\n\`\`\`\n" | page docs/guide.md &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" fail &&
	result_of quick-start message | grep -F "no quick start section"
'

test_expect_success 'a quick start the README holds is cited, not a linked one' '
	quick_page docs/guide.md &&
	demo_readme <<-\EOF &&
	## Quick start

	```
	pip install demo
	```

	## Documentation

	See [the guide](docs/guide.md).
	EOF
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" pass &&
	result_of quick-start message | grep -F "README.md: quick start at line 5, with a code block"
'

test_expect_success 'forty documentation links to one large page are read once, quickly' '
	{
		printf "# Demo\n\nDemo turns repository checklists into something a machine can check.\n\n## Docs\n\n" &&
		i=0 && while test $i -lt 40; do printf "[docs %d](docs/big.md) " $i && i=$((i+1)); done &&
		printf "\n"
	} >"$R/README.md" &&
	{
		printf "# Big\n\n" &&
		i=0 && while test $i -lt 40000; do printf "Words and more words of prose here.\n" && i=$((i+1)); done
	} >"$R/docs/big.md" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of quick-start)" fail
'

test_done
