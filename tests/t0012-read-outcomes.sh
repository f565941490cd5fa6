#!/bin/sh
# t0012-read-outcomes.sh: every rule type that reads a file says the same
# of a file it cannot read as asked (ecocheck.ini(5), RULE TYPES): a link
# fails naming its target, a file that cannot be read is unknown, a
# binary file fails contains, a submodule is not a file.
. "$(dirname "$0")/lib.sh"

if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_done
fi

cat >"$TEST_TMP/read.ini" <<'EOF_INI'
[ruleset]
name = read-outcomes

[f]
type = file
path = DOC.md
min_bytes = 10

[c]
type = contains
file = DOC.md
pattern = hello

[s]
type = sections
file = DOC.md
section = Usage: usage
EOF_INI

# The result, message or evidence note of the three rules, one a line.
three() {
	for _r in f c s; do
		result_of "$_r" "$1" || return 1
	done
}

R=$TEST_TMP/repo
make_repo "$R" >/dev/null
printf '# Doc\n\nhello there, this is the document.\n\n## Usage\n\nRun it.\n' >"$R/DOC.md"
git -C "$R" add DOC.md && test_tick && git -C "$R" commit -q -m doc

test_expect_success 'a readable file: the three rules pass' '
	ec_json 0 -r "$TEST_TMP/read.ini" "$R" &&
	three result >got &&
	printf "pass\npass\npass\n" >want &&
	test_cmp want got
'

test_expect_success 'an unreadable file is unknown in every type, named, error printed' '
	U=$TEST_TMP/unreadable &&
	cp -R "$R" "$U" &&
	blob=$(git -C "$U" rev-parse HEAD:DOC.md) &&
	obj=$U/.git/objects/$(printf %s "$blob" | cut -c1-2)/$(printf %s "$blob" | cut -c3-) &&
	test -f "$obj" &&
	rm -f "$obj" &&
	ec_json 0 -r "$TEST_TMP/read.ini" --rev HEAD "$U" &&
	three result >got &&
	printf "unknown\nunknown\nunknown\n" >want &&
	test_cmp want got &&
	three message | sort -u >msgs &&
	echo "DOC.md cannot be read" >want &&
	test_cmp want msgs &&
	for r in f c s; do
		jq -e --arg r "$r" ".results[] | select(.rule == \$r) |
			.evidence[0].path == \"DOC.md\" and .evidence[0].note == \"unreadable\"" \
			"$TEST_TMP/out.json" >/dev/null || exit 1
	done &&
	grep -c "DOC.md" "$TEST_TMP/err" >n &&
	echo 1 >want &&
	test_cmp want n &&
	test_expect_code 1 "$ECOCHECK" -r "$TEST_TMP/read.ini" --rev HEAD --strict \
		"$U" >/dev/null 2>&1
'

test_expect_success 'a symbolic link fails in every type, naming its target' '
	L=$TEST_TMP/link &&
	git clone -q "$R" "$L" &&
	git -C "$L" mv DOC.md REAL.md &&
	ln -s REAL.md "$L/DOC.md" &&
	ec_json 1 -r "$TEST_TMP/read.ini" "$L" &&
	three result >got &&
	printf "fail\nfail\nfail\n" >want &&
	test_cmp want got &&
	three message | sort -u >msgs &&
	echo "DOC.md is a symbolic link to REAL.md; links are not followed" >want &&
	test_cmp want msgs &&
	three fix | sort -u >fixes &&
	echo "replace the link DOC.md with the file itself" >want &&
	test_cmp want fixes
'

test_expect_success 'a submodule where the file should be is no file in every type' '
	S=$TEST_TMP/submodule &&
	git clone -q "$R" "$S" &&
	git -C "$S" rm -q --cached DOC.md &&
	rm "$S/DOC.md" &&
	git -C "$S" update-index --add --cacheinfo 160000,$(git -C "$R" rev-parse HEAD),DOC.md &&
	ec_json 1 -r "$TEST_TMP/read.ini" --staged "$S" &&
	three result >got &&
	printf "fail\nfail\nfail\n" >want &&
	test_cmp want got &&
	three message | grep -c "no DOC.md" >n &&
	echo 3 >want &&
	test_cmp want n
'

test_expect_success 'a binary file fails contains; it exists for file; sections reads it' '
	B=$TEST_TMP/binary &&
	git clone -q "$R" "$B" &&
	printf "# Doc\n\nhello \000 there\n\n## Usage\n\nRun it.\n" >"$B/DOC.md" &&
	ec_json 1 -r "$TEST_TMP/read.ini" "$B" &&
	test_eq "$(result_of f)" pass &&
	test_eq "$(result_of c)" fail &&
	test_eq "$(result_of c message)" "DOC.md is a binary file" &&
	test_eq "$(result_of c evidence[0].note)" binary &&
	test_eq "$(result_of s)" pass
'

test_done
