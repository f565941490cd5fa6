#!/bin/sh
# t0035-many-repos.sh: several repositories in one run are checked as
# each would be alone: the same findings (the license corpus and the
# rules' patterns shared, nothing of one check left to the next), each
# one's errors told in its turn under its own cap, and a format's end
# told of every repository, those that could not be checked too.
. "$(dirname "$0")/lib.sh"

FIX=$ECOCHECK_SRCDIR/tests/fixtures/licenses

test_expect_success 'setup: two licensed repositories, one corrupt' '
	cat >rules.ini <<-\EOT &&
	[ruleset]
	name = mine

	[lic]
	type = license
	level = error
	file = LICENSE

	[words]
	type = contains
	level = error
	file = README.md
	pattern = ^The (words|other)
	EOT
	make_repo mit >/dev/null &&
	cp "$FIX/mit-multiline-copyright.txt" mit/LICENSE &&
	printf "# Demo\n\nThe words here.\n" >mit/README.md &&
	git -C mit add -A && git -C mit commit -q -m lic &&
	make_repo apache >/dev/null &&
	cp "$FIX/apache-markdown.md" apache/LICENSE &&
	printf "# Other\n\nNo match.\n" >apache/README.md &&
	git -C apache add -A && git -C apache commit -q -m lic &&
	git clone -q mit corrupt &&
	blob=$(git -C corrupt rev-parse HEAD:README.md) &&
	rm corrupt/.git/objects/$(echo $blob | sed "s,^..,&/,")
'

# ecocheck --rev HEAD --rules ./rules.ini --format jsonl "$@", status $1;
# the window ends at a fixed date, so that runs a second apart agree.
run_jsonl() {
	_want=$1
	shift
	test_expect_code "$_want" "$ECOCHECK" --rev HEAD --rules ./rules.ini \
		--as-of 2026-12-01T00:00:00Z --format jsonl "$@"
}

test_expect_success 'three repositories in one run, as each alone' '
	run_jsonl 0 mit >alone.out 2>alone.err &&
	run_jsonl 0 corrupt >>alone.out 2>>alone.err &&
	run_jsonl 1 apache >>alone.out 2>>alone.err &&
	run_jsonl 1 mit corrupt apache >both.out 2>both.err &&
	test_cmp alone.out both.out &&
	test_cmp alone.err both.err &&
	test_line_count 3 both.out &&
	grep "\"value\":\"MIT\"" both.out &&
	grep "\"value\":\"Apache-2.0\"" both.out &&
	test_line_count 1 both.err &&
	grep "README.md: the repository is corrupt" both.err
'

test_expect_success 'and in the other order' '
	run_jsonl 1 apache >alone.out 2>/dev/null &&
	run_jsonl 0 corrupt >>alone.out 2>/dev/null &&
	run_jsonl 0 mit >>alone.out 2>/dev/null &&
	run_jsonl 1 apache corrupt mit >both.out 2>/dev/null &&
	test_cmp alone.out both.out
'

test_expect_success 'each repository meets its own cap on errors in rules' '
	{
		printf "[ruleset]\nname = typos\n" &&
		for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21; do
			printf "\n[w$i]\ntype = contains\nfile = README.md\n" &&
			printf "pattern = x\nbogus = 1\n" || return 1
		done
	} >typos.ini &&
	test_expect_code 2 "$ECOCHECK" --rules ./typos.ini mit >out 2>one.err &&
	test_line_count 21 one.err &&
	tail -n 1 one.err >last &&
	echo "ecocheck: and 1 more error in the rules" >want &&
	test_cmp want last &&
	test_expect_code 2 "$ECOCHECK" --rules ./typos.ini mit apache \
		>out 2>two.err &&
	cat one.err one.err >want &&
	test_cmp want two.err
'

test_expect_success 'a corpus that cannot be loaded is told once to each check' '
	mkdir norules &&
	{
		cat rules.ini &&
		printf "\n[lic2]\ntype = license\nfile = LICENSE\n"
	} >two-lic.ini &&
	(
		ECOCHECK_RULES_DIR=$TEST_TMP/norules &&
		export ECOCHECK_RULES_DIR &&
		test_expect_code 0 "$ECOCHECK" --format jsonl \
			--rules ./two-lic.ini mit corrupt >out 2>err
	) &&
	echo "ecocheck: $TEST_TMP/norules/licenses: No such file or directory" >one &&
	cat one one >want &&
	test_cmp want err &&
	test $(grep -o "could not be loaded" out | wc -l) -eq 4
'

test_expect_success 'json: end closes the array whatever could be checked' '
	test_expect_code 2 "$ECOCHECK" --format json nowhere1 nowhere2 \
		>out 2>err &&
	printf "[\n]\n" >want &&
	test_cmp want out &&
	test_expect_code 2 "$ECOCHECK" --format json --rules ./rules.ini \
		nowhere1 mit >out 2>err &&
	head -n 1 out >first &&
	tail -n 1 out >last &&
	printf "[\n" >want && test_cmp want first &&
	printf "]\n" >want && test_cmp want last
'

test_done
