#!/bin/sh
# t0063-toml-shapes.sh: the shapes of pyproject.toml that were quadratic
# under AddressSanitizer (issue 21: 200,000 dependencies 60 s, 300,000
# arrays of tables 35 s, 200,000 sub-tables 34 s) are read in linear time
# (hashed keys, arrays grown by doubling): each answers under timeout, and
# the torch it declares after them is seen.
. "$(dirname "$0")/lib.sh"

if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_done
fi
asan_fast_unwind
ec_wrap='timeout 60'

# A repository $1 whose pyproject.toml (declaring torch) the function $2
# writes on its standard output.
shape_repo() {
	_r=$TEST_TMP/$1
	rm -rf "$_r" &&
	git init -q "$_r" &&
	$2 >"$_r/pyproject.toml" &&
	git -C "$_r" add pyproject.toml &&
	test_tick &&
	git -C "$_r" commit -q -m shape
}

project() {
	printf '[project]\nname = "demo"\n'
}

many_deps() {
	project &&
	awk 'BEGIN { printf "dependencies = [";
		for (i = 0; i < 200000; i++) printf "\"p%d\",", i;
		print "\"torch>=2.0\"]" }'
}

many_aot() {
	project &&
	echo 'dependencies = ["torch>=2.0"]' &&
	awk 'BEGIN { for (i = 0; i < 300000; i++) print "[[tool.x.a]]" }'
}

many_sub() {
	project &&
	echo 'dependencies = ["torch>=2.0"]' &&
	awk 'BEGIN { for (i = 0; i < 200000; i++) print "[tool.t.s" i "]" }'
}

# pytorch-support read torch>=2.0 from pyproject.toml.
torch_seen() {
	result_of pytorch-support message | grep -F "torch" &&
	result_of pytorch-support evidence[].path | grep -qx pyproject.toml &&
	! result_of pytorch-support message | grep -F "not a Python project"
}

test_expect_success '200,000 dependencies' '
	shape_repo deps many_deps &&
	ec_json 1 "$TEST_TMP/deps" &&
	torch_seen
'

test_expect_success '300,000 arrays of tables' '
	shape_repo aot many_aot &&
	ec_json 1 "$TEST_TMP/aot" &&
	torch_seen
'

test_expect_success '200,000 sub-tables' '
	shape_repo sub many_sub &&
	ec_json 1 "$TEST_TMP/sub" &&
	torch_seen
'

test_done
