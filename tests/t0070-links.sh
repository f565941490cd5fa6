#!/bin/sh
# t0070-links.sh: the links rule type: relative links of the README,
# CONTRIBUTING and the docs/ pages resolved as GitHub resolves them, each
# broken one named with its page and line; no URL is fetched.
. "$(dirname "$0")/lib.sh"

if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_done
fi

printf '[ln]\ntype = links\nlevel = error\n' >"$TEST_TMP/ln.ini"

L=$TEST_TMP/links
make_repo "$L" LICENSE.md docs/guide/install.md docs/api.rst "docs/my page.md" \
	src/demo/__init__.py >/dev/null
cat >"$L/README.md" <<'EOF_MD'
# Demo

See [the license](LICENSE.md), [the sources](src/demo/), [install](docs/guide/install.md#pip),
[the API](docs/api.html), [a page](docs/my%20page.md) and [the guide](/docs/guide/).
[Issues](../../issues) and [the wiki](../../wiki/Home) are GitHub's pages.
[Home](https://example.org/x.md), [mail](mailto:a@example.org), [top](#demo).

```
[not a link](missing-in-code.md)
```
EOF_MD
cat >"$L/CONTRIBUTING.md" <<'EOF_MD'
# Contributing

Read [the README](./README.md?plain=1) first.
EOF_MD

test_expect_success 'every relative link resolves: a pass counting them' '
	ec_json 0 -r "$TEST_TMP/ln.ini" "$L" &&
	test_eq "$(result_of ln)" pass &&
	result_of ln message | grep "^the 9 relative links of 4 pages point at paths the repository holds$"
'

test_expect_success 'a broken link fails, named with its page and line' '
	printf "\nThe [changes](CHANGES.md) are not written yet.\n" >>"$L/README.md" &&
	ec_json 1 -r "$TEST_TMP/ln.ini" "$L" &&
	test_eq "$(result_of ln)" fail &&
	test_eq "$(result_of ln value)" 1 &&
	test_eq "$(result_of ln "evidence[0].path"):$(result_of ln "evidence[0].line")" README.md:12 &&
	result_of ln message | grep "^1 broken link in 4 pages: README.md:12 links to CHANGES.md, which is not in the repository$"
'

test_expect_success 'docs pages: links from the page'"'"'s folder, .. climbing, MyST targets and built pages' '
	cat >"$L/docs/guide/install.md" <<-\EOF_MD &&
	# Install

	Back to [the README](../../README.md) and [the API](../api), see
	[the cases](cases) and [gone](../gone.md).

	(cases)=
	## Cases
	EOF_MD
	ec_json 1 -r "$TEST_TMP/ln.ini" "$L" &&
	result_of ln "evidence[] | \"\\(.path):\\(.line) \\(.note)\"" >got &&
	printf "README.md:12 CHANGES.md\ndocs/guide/install.md:4 ../gone.md\n" >want &&
	test_cmp want got
'

test_expect_success 'the file key chooses the pages; none there is a skip' '
	printf "[ln]\ntype = links\nfile = NOPE/*.md\n" >"$TEST_TMP/none.ini" &&
	ec_json 0 -r "$TEST_TMP/none.ini" "$L" &&
	test_eq "$(result_of ln)" skip &&
	printf "[ln]\ntype = links\nfile = CONTRIBUTING.md\n" >"$TEST_TMP/one.ini" &&
	ec_json 0 -r "$TEST_TMP/one.ini" "$L" &&
	result_of ln message | grep "^the 1 relative link of 1 page points"
'

test_expect_success 'a page that is a symbolic link is named by the read judge' '
	printf "[ln]\ntype = links\nfile = LINKED.md\n" >"$TEST_TMP/linked.ini" &&
	ln -s README.md "$L/LINKED.md" &&
	ec_json 1 -r "$TEST_TMP/linked.ini" "$L" &&
	result_of ln message | grep "^LINKED.md is a symbolic link to README.md" &&
	rm "$L/LINKED.md"
'

test_expect_success 'a page deleted from the working tree is left out, not a failure' '
	printf "[ln]\ntype = links\nfile = CONTRIBUTING.md README.md\n" >"$TEST_TMP/two.ini" &&
	git -C "$L" add CONTRIBUTING.md &&
	rm "$L/CONTRIBUTING.md" &&
	test_when_finished "git -C \"\$TEST_TMP/links\" checkout -q -- CONTRIBUTING.md" &&
	ec_json 1 -r "$TEST_TMP/two.ini" "$L" &&
	result_of ln message | grep "^1 broken link in 1 page: README.md:12 links to CHANGES.md"
'

test_expect_success 'a link into a submodule counts: its files are not listed' '
	git -C "$L" update-index --add --cacheinfo \
		160000,1111111111111111111111111111111111111111,third/sub &&
	printf "[ln]\ntype = links\nfile = SUB.md\n" >"$TEST_TMP/sub.ini" &&
	printf "See [its guide](third/sub/docs/guide.md).\n" >"$L/SUB.md" &&
	ec_json 0 -r "$TEST_TMP/sub.ini" "$L" &&
	test_eq "$(result_of ln)" pass &&
	git -C "$L" rm -q --cached third/sub &&
	rm "$L/SUB.md"
'

test_expect_success 'a commit and the index say the same as the work tree' '
	git -C "$L" add -A && test_tick && git -C "$L" commit -q -m pages &&
	for src in "--rev HEAD" "--staged --absolute"; do
		ec_json 1 -r "$TEST_TMP/ln.ini" $src "$L" &&
		test_eq "$(result_of ln value)" 2 || return 1
	done
'

test_done
