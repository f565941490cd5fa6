#!/bin/sh
# t0038-people-by-name.sh: the contributors rule counts addresses as git
# does, and says when several counted addresses share a name (trimmed,
# without case) that no .mailmap joins: a Caution when the addresses meet
# the minimum and the people by name do not.
. "$(dirname "$0")/lib.sh"

. "$ECOCHECK_SRCDIR/tests/lib-history.sh"

history_rules 1 5 "\[bot\]"

# commit_as DIR DAYS_BEFORE_END NAME EMAIL
commit_as() {
	GIT_AUTHOR_DATE="@$((END - $2 * DAY)) +0000" \
	GIT_COMMITTER_DATE="@$((END - $2 * DAY)) +0000" \
	GIT_AUTHOR_NAME="$3" GIT_AUTHOR_EMAIL="$4" \
		git -C "$1" commit -q --allow-empty -m "by $3"
}

# People by name as git's command line says: names trimmed, no case.
git_people() {
	git -C "$1" log --use-mailmap --since="@$START +0000" --until="@$END +0000" \
		--format="%aN|%aE" HEAD | grep -v -F "[bot]" | cut -d"|" -f1 |
		sed "s/^ *//; s/ *$//" | tr A-Z a-z | sort -u | wc -l
}

P=$TEST_TMP/people
test_expect_success 'six addresses, four people by name: a Caution naming the name' '
	git init -q "$P" &&
	commit_as "$P" 9 "Jane Doe" jane@work.example &&
	commit_as "$P" 8 "jane doe " jane@home.example &&
	commit_as "$P" 7 "Jane Doe" jd@laptop.local &&
	commit_as "$P" 6 "Bob" bob@example.com &&
	commit_as "$P" 5 "Carol" carol@example.com &&
	commit_as "$P" 4 "Dan" dan@example.com &&
	commit_as "$P" 3 "dependabot[bot]" "49699333+dependabot[bot]@users.noreply.github.com" &&
	ec_json 0 $H --as-of "@$END" "$P" &&
	test_eq "$(result_of contributors value)" "$(git_authors "$P")" &&
	test_eq "$(result_of contributors value)" 6 &&
	test_eq "$(git_people "$P")" 4 &&
	test_eq "$(result_of contributors result)" fail &&
	test_eq "$(result_of contributors level)" warning &&
	result_of contributors message >msg &&
	grep -F "6 addresses, 4 people by name: '"'"'jane doe'"'"' under 3 addresses" msg &&
	grep -F "the Working Group counts people" msg
'

test_expect_success 'a .mailmap joining them: git and ecocheck count 4, a fail' '
	printf "Jane Doe <jane@work.example> <jane@home.example>\nJane Doe <jane@work.example> <jd@laptop.local>\n" \
		>"$P/.mailmap" &&
	git -C "$P" add .mailmap &&
	GIT_AUTHOR_DATE="@$((END - 2 * DAY)) +0000" GIT_COMMITTER_DATE="@$((END - 2 * DAY)) +0000" \
		GIT_AUTHOR_NAME=Bob GIT_AUTHOR_EMAIL=bob@example.com git -C "$P" commit -q -m mailmap &&
	ec_json 1 $H --as-of "@$END" "$P" &&
	test_eq "$(result_of contributors value)" "$(git_authors "$P")" &&
	test_eq "$(result_of contributors value)" 4 &&
	test_eq "$(result_of contributors level)" error &&
	! result_of contributors message | grep -F "people by name"
'

test_expect_success 'people by name that still meet the minimum: a pass that says so' '
	git -C "$P" rm -q .mailmap &&
	commit_as "$P" 1 "Erin" erin@example.com &&
	ec_json 0 $H --as-of "@$END" "$P" &&
	test_eq "$(result_of contributors value)" "$(git_authors "$P")" &&
	test_eq "$(result_of contributors result)" pass &&
	test_eq "$(git_people "$P")" 5 &&
	result_of contributors message | grep -F "7 addresses, 5 people by name"
'

test_expect_success 'too few addresses already: the fail says the names too' '
	Q=$TEST_TMP/few && git init -q "$Q" &&
	commit_as "$Q" 3 "Ann" ann@a.example &&
	commit_as "$Q" 2 "ANN" ann@b.example &&
	ec_json 1 $H --as-of "@$END" "$Q" &&
	test_eq "$(result_of contributors level)" error &&
	result_of contributors message | grep -F "2 addresses, 1 person by name: '"'"'Ann'"'"' under 2 addresses"
'

test_done
