#!/bin/sh
# t0020-budgets.sh: hostile texts and patterns cannot hang a check: every
# pattern scan of a file spends from one budget of matching work and gives
# unknown, naming the rule and the file, when it runs out; glob matching
# does not try every split of a deep path
. "$(dirname "$0")/lib.sh"
asan_fast_unwind

. "$ECOCHECK_SRCDIR/tests/lib-sections.sh"

git init -q "$R"

# repeat N TEXT: TEXT N times, no newline.
repeat() {
	awk -v n="$1" -v s="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s", s }'
}

# A README the shipped documentation-link patterns cannot scan in budget
# leaves the documentation rule unknown (documentation-link is its
# alternative and is not reported by itself); $1 names the pattern. The
# run takes under a second; the timeout leaves room for a sanitizer build
# parsing the README (the scans took minutes before their budget).
doc_link_unknown() {
	test_expect_code 1 timeout 60 "$ECOCHECK" --format json \
		-r pytorch-ecosystem $NOHIST "$R" >"$TEST_TMP/out.json" \
		2>"$TEST_TMP/err" &&
	test_eq "$(result_of documentation)" unknown &&
	result_of documentation message >"$TEST_TMP/msg" &&
	grep -q "alternative documentation-link is unknown: README.md: $1 could not be matched by rule .documentation-link.: the matching budget" "$TEST_TMP/msg"
}

test_expect_success 'runs of http:// in a README are unknown, not a hang' '
	{ echo "# Demo" && echo && repeat 43000 "http://" && echo; } >"$R/README.md" &&
	doc_link_unknown "a link to hosted documentation"
'

test_expect_success 'lines of [ then ]( in a README are unknown, not a hang' '
	{ echo "# Demo" && echo &&
	  for i in 1 2 3 4 5 6 7 8 9 10; do
		repeat 100000 "[" && echo "](" || exit 1
	  done; } >"$R/README.md" &&
	doc_link_unknown "a link named documentation"
'

test_expect_success 'lines of "](" runs with no closing parenthesis: the prose scan is linear' '
	{ echo "# Demo" && echo && echo "Demo does things for people who need them." &&
	  echo && echo "## Releases" && echo &&
	  for i in 1 2 3 4 5 6 7 8 9 10; do
		repeat 100000 "](" && echo || exit 1
	  done && echo "We tag a release every month."; } >"$R/README.md" &&
	test_expect_code 1 timeout 60 "$ECOCHECK" --format json \
		-r pytorch-ecosystem $NOHIST "$R" >"$TEST_TMP/out.json" \
		2>"$TEST_TMP/err" &&
	test_eq "$(result_of readme-release result)" pass
'

test_expect_success 'nested links and images are unknown, not a hang' '
	{ echo "# Demo" && echo && repeat 42000 "[![" && printf "x](y)" &&
	  repeat 42000 "](z)" && echo; } >"$R/README.md" &&
	doc_link_unknown "a link named documentation"
'

test_expect_success 'a README of a few links and runs still finds its documentation link' '
	{ echo "# Demo" && echo && repeat 200 "http://" && echo &&
	  repeat 500 "[a [b](http://x.org) " && echo && echo &&
	  echo "See [the docs](https://demo.readthedocs.io/)."; } >"$R/README.md" &&
	test_expect_code 1 timeout 20 "$ECOCHECK" --format json \
		-r pytorch-ecosystem $NOHIST "$R" >"$TEST_TMP/out.json" \
		2>"$TEST_TMP/err" &&
	test_eq "$(result_of documentation)" pass &&
	result_of documentation message | grep -q "alternative documentation-link"
'

# A repository rule of the given type and keys, on the community-health
# rule set; its result is in $TEST_TMP/out.json.
repo_rule() {
	printf "[hostile]\n%s\nlevel = warning\n" "$1" >"$R/.ecocheck.ini" &&
	test_expect_code 1 timeout 20 "$ECOCHECK" --format json \
		--as-of "@$test_time" -r community-health "$R" \
		>"$TEST_TMP/out.json" \
		2>"$TEST_TMP/err" &&
	test_eq "$(result_of hostile)" unknown
}

test_expect_success 'a repository contains pattern that backtracks is unknown' '
	repeat 4096 a >"$R/NOTES.md" &&
	repo_rule "type = contains
file = NOTES.md
pattern = (?:a|a){1,17}(?:z|y)" &&
	result_of hostile message | grep -q "^NOTES.md: pattern 1 could not be matched by rule .hostile.: the matching budget ([0-9]* steps) is spent$" &&
	test_must_fail test -s "$TEST_TMP/err"
'

test_expect_success 'the budget is for the whole file: 1 MiB is unknown as fast' '
	repeat 1048575 a >"$R/NOTES.md" && echo >>"$R/NOTES.md" &&
	repo_rule "type = contains
file = NOTES.md
pattern = (?:a|a){1,17}(?:z|y)"
'

test_expect_success 'a repository section pattern that backtracks is unknown' '
	{ echo "# Notes" && echo && printf "## " && repeat 4000 a && echo &&
	  echo && echo "Text."; } >"$R/NOTES.md" &&
	repo_rule "type = sections
file = NOTES.md
section = slow: (?:a|a){1,17}(?:z|y)" &&
	result_of hostile message | grep -q "^NOTES.md: the patterns of rule .hostile. could not be matched: the matching budget"
'

test_expect_success 'a repository mention pattern that backtracks is unknown' '
	{ echo "# Notes" && echo && repeat 4000 a && echo; } >"$R/NOTES.md" &&
	repo_rule "type = sections
file = NOTES.md
section = slow: ^nothing here\$
mention = slow: (?:a|a){1,17}(?:z|y)" &&
	result_of hostile message | grep -q "^NOTES.md: the patterns of rule .hostile. could not be matched"
'

test_expect_success 'a repository exclude pattern that backtracks is unknown' '
	rm -f "$R/NOTES.md" &&
	test_tick &&
	GIT_AUTHOR_NAME=$(repeat 4000 a) git -C "$R" commit -q --allow-empty -m one &&
	repo_rule "type = contributors
min = 1
window_days = 30
exclude = (?:a|a){1,17}(?:z|y)" &&
	result_of hostile message | grep -q "^the exclude patterns of rule .hostile. could not be matched against the authors: the matching budget"
'

test_expect_success 'path = **/ many times on a 1,000-level path is quick' '
	D=$(repeat 1000 "d/") &&
	mkdir -p "$R/$D" &&
	echo text >"$R/${D}x.md" &&
	git -C "$R" add -A &&
	test_tick &&
	git -C "$R" commit -q -m deep &&
	printf "[deep]\ntype = file\npath = %szz.md\nlevel = warning\n" \
		"$(repeat 24 "**/")" >"$R/.ecocheck.ini" &&
	test_expect_code 1 timeout 20 "$ECOCHECK" --format json \
		-r community-health "$R" >"$TEST_TMP/out.json" \
		2>"$TEST_TMP/err" &&
	test_eq "$(result_of deep)" fail &&
	echo text >"$R/${D}zz.md" &&
	git -C "$R" add -A &&
	test_tick &&
	git -C "$R" commit -q -m zz &&
	test_expect_code 1 timeout 20 "$ECOCHECK" --format json \
		-r community-health "$R" >"$TEST_TMP/out.json" \
		2>"$TEST_TMP/err" &&
	test_eq "$(result_of deep)" pass
'

test_done
