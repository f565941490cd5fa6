#!/bin/sh
# t0035-many-repos.sh: several repositories in one run are checked as
# each would be alone: the same findings (the license corpus and the
# rules' patterns shared, nothing of one check left to the next), each
# one's errors told in its turn under its own cap, and a format's end
# told of every repository, those that could not be checked too; with
# -j, in parallel and printed exactly as one process prints them; text
# ends with a summary table of them all. -j N is a pool of N workers, each
# checking one repository after another.
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

# Twelve repositories of the pytorch-ecosystem rule set, each with some of
# the files it asks for: r03 lacks its README's blob (an error line, the
# rest reported), r07's commit is corrupt (an error line, nothing judged,
# exit 2).
MANY_FILES="README.md LICENSE.md CONTRIBUTING.md CODE_OF_CONDUCT.md .github/CODEOWNERS GOVERNANCE.md SECURITY.md MAINTAINERS.md"
test_expect_success 'setup: twelve repositories, two of them corrupt' '
	mkdir many &&
	i=1 && while [ $i -le 12 ]; do
		files= && k=0 &&
		for f in $MANY_FILES; do
			k=$((k + 1)) &&
			if [ $(( (i + k) % 3 )) -ne 0 ] || [ $k -eq 1 ]; then
				files="$files $f"
			fi || exit 1
		done &&
		make_repo many/r$(printf %02d $i) $files >/dev/null &&
		i=$((i + 1)) || exit 1
	done &&
	blob=$(git -C many/r03 rev-parse HEAD:README.md) &&
	rm many/r03/.git/objects/$(echo $blob | sed "s,^..,&/,") &&
	bad=$(printf "tree %s\n\nbroken\n" "$(git -C many/r07 rev-parse HEAD^{tree} | tr 0-9a-f g-v)" |
		git -C many/r07 hash-object -t commit -w --literally --stdin) &&
	echo "$bad" >many/r07/.git/refs/heads/main &&
	ls many >names &&
	test_line_count 12 names
'

# ecocheck on the twelve with OPTIONS (status 2: one is corrupt).
run_many() {
	test_expect_code 2 "$ECOCHECK" --rev HEAD --as-of 2026-12-01T00:00:00Z \
		"$@"
}

for fmt in text json jsonl sarif markdown github application; do
	test_expect_success "$fmt: -j 1 and -j 4 print what one process prints" "
		run_many -j 1 --format $fmt many/r* >seq.out 2>seq.err &&
		run_many -j 4 --format $fmt many/r* >par.out 2>par.err &&
		test_cmp seq.out par.out &&
		test_cmp seq.err par.err &&
		run_many -j 12 --format $fmt many/r* >par.out 2>par.err &&
		test_cmp seq.out par.out &&
		test_cmp seq.err par.err &&
		test_line_count 2 seq.err &&
		head -n 1 seq.err | grep -q \"README.md: the repository is corrupt\" &&
		tail -n 1 seq.err | grep -q \"^ecocheck: \"
	"
done

test_expect_success 'jsonl -j 4: each repository as it is alone, the corrupt one left out' '
	: >alone.out &&
	for r in many/r*; do
		st=0 &&
		"$ECOCHECK" --rev HEAD --as-of 2026-12-01T00:00:00Z --format jsonl \
			"$r" >>alone.out 2>/dev/null || st=$? &&
		case $r in
		*/r07) test $st -eq 2 ;;
		*) test $st -le 1 ;;
		esac || exit 1
	done &&
	run_many -j 4 --format jsonl many/r* >par.out 2>par.err &&
	test_cmp alone.out par.out &&
	test_line_count 11 par.out
'

test_expect_success '--each with -j: the same as the paths in name order' '
	run_many -j 1 --format text many/r* >seq.out 2>seq.err &&
	run_many -j 3 --format text --each many >each.out 2>each.err &&
	test_cmp seq.out each.out &&
	test_cmp seq.err each.err &&
	run_many --format text --each many/ >each.out 2>each.err &&
	test_cmp seq.out each.out &&
	test_cmp seq.err each.err
'

test_expect_success 'a path that is no repository is one error line; the others are reported' '
	run_many -j 4 --format jsonl many/r01 nowhere many/r02 >out 2>err &&
	test_line_count 2 out &&
	test_line_count 1 err &&
	grep -q "^ecocheck: nowhere: " err
'

# The repositories after one that cannot be checked are reported with a
# number one less than a worker could know while it was being checked
# (json: the first has no comma before it).
test_expect_success 'repositories after those that cannot be checked: as -j 1 prints them' '
	set -- nowhere many/r07 many/r01 nowhere2 many/r02 many/r03 &&
	for fmt in json markdown sarif; do
		run_many -j 1 --format $fmt "$@" >seq.$fmt 2>seq.err &&
		run_many -j 6 --format $fmt "$@" >par.out 2>par.err &&
		test_cmp seq.$fmt par.out &&
		test_cmp seq.err par.err || return 1
	done &&
	test_line_count 4 seq.err &&
	sed -n 2p seq.json | grep -q "^{" &&
	test $(grep -c "^},\$" seq.json) -eq 2 &&
	test $(grep -c "^---\$" seq.markdown) -eq 2
'

if strace -f -q -e trace=none -o /dev/null true 2>/dev/null; then
	test_set_prereq STRACE
fi
# LeakSanitizer cannot run under ptrace: a sanitizer build is traced
# without it (the other tests check leaks).
test_expect_success STRACE '-j 2: two workers check the twelve, none forked per repository' '
	test_expect_code 2 env ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" \
		strace -f -q -e trace=none -o trace "$ECOCHECK" \
		--rev HEAD --as-of 2026-12-01T00:00:00Z -j 2 --format jsonl \
		many/r* >par.out 2>par.err &&
	test_line_count 11 par.out &&
	test $(grep -c "+++ exited with" trace) -eq 3
'

test_expect_success JQ 'the summary table: each cell the worst status of its requirement in the JSON' '
	run_many -j 4 --format text many/r* >out 2>/dev/null &&
	sed -n "/^summary of 12 repositories (1 could not be checked)/,\$p" out >summary &&
	test $(wc -l <summary) -eq 15 &&
	sed -n 2p summary >header &&
	echo "  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19  o  exit  repository" >want &&
	test_cmp want header &&
	grep -q "^  error: could not be checked  *2  many/r07\$" summary &&
	for r in many/r01 many/r02 many/r03 many/r04 many/r05 many/r06 \
	    many/r08 many/r09 many/r10 many/r11 many/r12; do
		st=0 &&
		"$ECOCHECK" --rev HEAD --as-of 2026-12-01T00:00:00Z --format json \
			"$r" >one.json 2>/dev/null || st=$? &&
		jq -r --arg st $st --arg r $r "
			def rank: {pass: 1, caution: 2, judgment: 3, fail: 4}[.];
			def mark: {pass: \"P\", caution: \"C\", judgment: \"J\", fail: \"F\"}[.];
			[range(1; 20) as \$q | [.results[] | select(.status != \"skip\") |
			  select(any(.requirement[]; . == \$q)) | .status] |
			  if length == 0 then \".\" else (max_by(rank) | mark) end] +
			[[.results[] | select(.status != \"skip\") |
			  select(.requirement | length == 0) | .status] |
			  if length == 0 then \".\" else (max_by(rank) | mark) end] +
			[\$st, \$r] | join(\" \")" one.json >want &&
		grep " $r\$" summary | tr -s " " | sed "s/^ //" >got &&
		test_cmp want got || exit 1
	done &&
	grep -q " F .* F " summary &&
	grep -q " P " summary &&
	tail -n 1 summary | grep -q "^P pass, C caution, F fail, J needs human judgment.*; o other checks$"
'

test_expect_success 'one repository: no summary table; json and jsonl: none either' '
	test_expect_code 1 "$ECOCHECK" --rev HEAD many/r01 >out 2>err &&
	! grep -q "^summary of" out &&
	run_many -j 4 --format jsonl many/r* >out 2>/dev/null &&
	! grep -q "summary of" out
'

test_expect_success 'no progress line in a pipe or a file' '
	run_many -j 4 many/r* >out 2>err &&
	test_line_count 2 err &&
	! grep -q "checked [0-9]*/12" err &&
	! grep -q "$(printf "\r")" err &&
	run_many -j 1 many/r* 2>&1 >/dev/null | cat >err &&
	test_line_count 2 err &&
	! grep -q "$(printf "\r")" err
'

if script -qec true /dev/null >/dev/null 2>&1; then
	test_set_prereq SCRIPT
fi
test_expect_success SCRIPT 'on a terminal, stderr shows the progress line' '
	test_expect_code 2 script -qec "\"$ECOCHECK\" --rev HEAD -j 4 many/r* >out" \
		/dev/null >tty &&
	grep -q "checked 12/12, slowest so far: many/r[01][0-9] ([0-9.]*s)" tty &&
	grep -q "$(printf "\r")" tty &&
	grep -q "README.md: the repository is corrupt" tty &&
	grep -q "^summary of 12" out
'

test_expect_success 'a reader that stops early ends the run, no check left behind' '
	"$ECOCHECK" --rev HEAD -j 4 many/r* many/r* many/r* 2>/dev/null | head -n 1 >out &&
	test_line_count 1 out
'

test_done
