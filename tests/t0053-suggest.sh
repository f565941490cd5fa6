#!/bin/sh
# t0053-suggest.sh: ecocheck suggest prints a draft CODEOWNERS whose
# owners and counts are what "git log --since --until -- DIR" says of the
# last year (by .mailmap, bots left out, handles from noreply addresses,
# e-mail owners marked), with the people of the year before as Emeritus;
# a GOVERNANCE.md and a MAINTAINERS.md naming the maintainers the
# core-maintainers rule finds, or the top authors; each draft, saved,
# passes its rule; nothing is written to the repository.
. "$(dirname "$0")/lib.sh"

if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_done
fi

DAY=86400
T0=1780000000			# HEAD's commit date: 2026-05-28
SINCE=$((T0 - 365 * DAY))	# the last year starts here (included)
R=$TEST_TMP/proj

ALICE='12345+alice@users.noreply.github.com'
BOB='bob-b@users.noreply.github.com'
CAROL='carol@example.com'
DAVE='99+dave@users.noreply.github.com'
BOT='49699333+dependabot[bot]@users.noreply.github.com'

# change EPOCH NAME EMAIL FILE...: append to each FILE of $R and commit
# them at EPOCH as NAME <EMAIL>.
change() {
	_t=$1 _n=$2 _e=$3
	shift 3
	for _f in "$@"; do
		mkdir -p "$R/$(dirname "$_f")" &&
		echo "$_t $_n" >>"$R/$_f" || return 1
	done &&
	git -C "$R" add -A &&
	GIT_AUTHOR_DATE="@$_t +0000" GIT_COMMITTER_DATE="@$_t +0000" \
	GIT_AUTHOR_NAME="$_n" GIT_AUTHOR_EMAIL="$_e" \
		git -C "$R" commit -q -m "change at $_t"
}

# recent K NAME EMAIL FILE...: a change on day K of the last year.
recent() {
	_k=$1
	shift
	change $((SINCE + _k * DAY)) "$@"
}

# The project: Erin long ago (with the .mailmap), Dave and a bot and
# Frank only in the year before the last, Alice (under an old address
# too), Bob, Carol and the bot in the last; a merge of a side branch, and
# one that keeps none of Gina's docs/ (git log -- docs leaves her out).
build_proj() {
	git init -q "$R" &&
	printf '%s\n' "Alice Able <$ALICE> <alice@old.example.org>" >"$R/.mailmap" &&
	change $((T0 - 800 * DAY)) 'Erin Early' erin@example.com README.md src/a.py docs/x.md &&
	change $((T0 - 600 * DAY)) 'dependabot[bot]' "$BOT" src/a.py &&
	change $((T0 - 500 * DAY)) 'Dave Dunn' "$DAVE" src/a.py &&
	change $((T0 - 499 * DAY)) 'Dave Dunn' "$DAVE" src/b.py &&
	change $((T0 - 498 * DAY)) 'Dave Dunn' "$DAVE" docs/x.md &&
	change $((SINCE - 1)) 'Frank Fox' frank@example.com docs/x.md &&
	change $SINCE 'Bob Baker' "$BOB" src/a.py &&
	recent 1 'Alice Able' alice@old.example.org README.md &&
	recent 2 'Alice Able' "$ALICE" src/a.py &&
	recent 3 'Alice Able' "$ALICE" src/a.py docs/x.md &&
	recent 4 'Alice Able' "$ALICE" src/b.py &&
	recent 5 'Alice Able' "$ALICE" src/c.py README.md &&
	recent 6 'Bob Baker' "$BOB" src/b.py &&
	recent 7 'Bob Baker' "$BOB" docs/y.md &&
	recent 8 'Bob Baker' "$BOB" README.md &&
	recent 9 'Carol Cole' "$CAROL" src/a.py &&
	recent 10 'Carol Cole' "$CAROL" src/b.py &&
	recent 11 'Carol Cole' "$CAROL" src/c.py &&
	recent 12 'Carol Cole' "$CAROL" docs/x.md &&
	recent 13 'Carol Cole' "$CAROL" docs/y.md &&
	for _k in 14 15 16 17 18; do
		recent $_k 'dependabot[bot]' "$BOT" src/a.py || return 1
	done &&
	recent 19 'Bob Baker' "$BOB" docs/z.md &&
	git -C "$R" checkout -q -b side &&
	recent 20 'Carol Cole' "$CAROL" docs/side.md &&
	git -C "$R" checkout -q main &&
	recent 21 'Alice Able' "$ALICE" src/d.py &&
	GIT_AUTHOR_DATE="@$((SINCE + 22 * DAY)) +0000" \
	GIT_COMMITTER_DATE="@$((SINCE + 22 * DAY)) +0000" \
		git -C "$R" merge -q --no-ff -m merge side &&
	git -C "$R" checkout -q -b discarded &&
	recent 23 'Gina Gone' gina@example.com docs/gone.md &&
	recent 24 'Gina Gone' gina@example.com docs/gone.md &&
	git -C "$R" checkout -q main &&
	GIT_AUTHOR_DATE="@$T0 +0000" GIT_COMMITTER_DATE="@$T0 +0000" \
		git -C "$R" merge -q --no-ff -s ours -m "merge, keeping ours" discarded
}

# block FILE PATTERN: the "COUNT EMAIL" lines printed for PATTERN, sorted.
block() {
	awk -v p="# $2: " '
		index($0, p) == 1 { on = 1; next }
		on && /^# +[0-9]+  / { e = $NF; gsub(/[<>]/, "", e); print $2, e; next }
		on && /^#  / { next }
		on { exit }' "$1" | sort
}

# git_block PATHSPEC: what git says of the same window, bots out, top 3.
git_block() {
	git -C "$R" log --since="@$SINCE +0000" --until="@$T0 +0000" \
		--format=%aE -- "$1" >"$TEST_TMP/glog" &&
	grep -v '\[bot\]' "$TEST_TMP/glog" | sort | uniq -c |
		sort -k1,1nr -k2 | head -n 3 | awk '{ print $1, $2 }' | sort
}

# saved FILE KIND: the draft of KIND saved as FILE in a copy of the
# project, checked as of HEAD into out.json.
saved() {
	rm -rf "$TEST_TMP/copy" &&
	git clone -q "$R" "$TEST_TMP/copy" &&
	mkdir -p "$TEST_TMP/copy/$(dirname "$1")" &&
	"$ECOCHECK" suggest "$2" "$R" >"$TEST_TMP/copy/$1" &&
	ec_json 1 --as-of HEAD "$TEST_TMP/copy"
}

test_expect_success 'the project is built with fixed dates' '
	build_proj &&
	test "$(git -C "$R" log -1 --format=%ct)" = $T0 &&
	git -C "$R" ls-files >"$TEST_TMP/files" &&
	grep -x src/a.py "$TEST_TMP/files" >/dev/null &&
	grep -x docs/x.md "$TEST_TMP/files" >/dev/null &&
	find "$R" | sort >"$TEST_TMP/before"
'

test_expect_success 'suggest codeowners names the top authors of each directory' '
	"$ECOCHECK" suggest codeowners "$R" >"$TEST_TMP/co" 2>"$TEST_TMP/err" &&
	test_must_be_empty "$TEST_TMP/err" &&
	grep -x "\* @alice @bob-b" "$TEST_TMP/co" >/dev/null &&
	grep -x "/src/ @alice carol@example.com @bob-b" "$TEST_TMP/co" >/dev/null &&
	grep -x "/docs/ carol@example.com @bob-b @alice" "$TEST_TMP/co" >/dev/null &&
	test "$(grep -c "^[^#]" "$TEST_TMP/co")" = 3
'

test_expect_success 'its counts are what git log says of the same window' '
	for d in src docs; do
		block "$TEST_TMP/co" "/$d/" >"$TEST_TMP/ours" &&
		git_block $d >"$TEST_TMP/git" &&
		test_line_count 3 "$TEST_TMP/git" &&
		test_cmp "$TEST_TMP/git" "$TEST_TMP/ours" &&
		test "$(grep "^# /$d/: " "$TEST_TMP/co")" = \
			"# /$d/: $(wc -l <"$TEST_TMP/glog" | tr -d " ") commits" || exit 1
	done &&
	block "$TEST_TMP/co" "*" >"$TEST_TMP/ours" &&
	git_block ":(glob)*" >"$TEST_TMP/git" &&
	test_line_count 2 "$TEST_TMP/git" &&
	test_cmp "$TEST_TMP/git" "$TEST_TMP/ours"
'

test_expect_success 'a merge that kept none of a side branch: not counted there' '
	git -C "$R" log --format=%aE --since="@$SINCE +0000" >"$TEST_TMP/all" &&
	test "$(grep -c gina@example.com "$TEST_TMP/all")" = 2 &&
	git -C "$R" log --format=%aE --since="@$SINCE +0000" -- docs >"$TEST_TMP/docs" &&
	! grep gina@example.com "$TEST_TMP/docs" &&
	grep -x "# /docs/: $(wc -l <"$TEST_TMP/docs" | tr -d " ") commits" "$TEST_TMP/co" >/dev/null &&
	grep -x "/docs/ carol@example.com @bob-b @alice" "$TEST_TMP/co" >/dev/null &&
	! grep -F "Gina" "$TEST_TMP/co"
'

test_expect_success 'the mailmap joins old addresses, the bot is left out' '
	test "$(block "$TEST_TMP/co" "*")" = "$(printf "1 %s\n2 %s" "$BOB" "$ALICE")" &&
	! grep -F "alice@old.example.org" "$TEST_TMP/co" &&
	! grep -F "[bot]" "$TEST_TMP/co" &&
	test "$(git -C "$R" log --since="@$SINCE +0000" --format=%aE -- src | grep -c "\[bot\]")" = 5
'

test_expect_success 'an e-mail owner says to replace it with a handle' '
	grep -A1 "^#  *3  Carol Cole <carol@example.com>" "$TEST_TMP/co" >"$TEST_TMP/c" &&
	grep "no GitHub handle in the history: replace the e-mail" "$TEST_TMP/c" >/dev/null &&
	grep "^# CODEOWNERS: a draft" "$TEST_TMP/co" >/dev/null &&
	grep "from 2025-05-28\$" "$TEST_TMP/co" >/dev/null
'

test_expect_success 'Emeritus: active the year before, not the last' '
	sed -n "/^# Emeritus:/,\$p" "$TEST_TMP/co" >"$TEST_TMP/em" &&
	grep "^# Emeritus: .* from 2024-05-28 until 2025-05-28\$" "$TEST_TMP/em" >/dev/null &&
	grep -x "#  *3  Dave Dunn (@dave)" "$TEST_TMP/em" >/dev/null &&
	grep -x "#  *1  Frank Fox <frank@example.com>" "$TEST_TMP/em" >/dev/null &&
	test_line_count 5 "$TEST_TMP/em" &&
	! grep -e Erin -e Bob -e bot "$TEST_TMP/em"
'

test_expect_success '--as-of moves the window' '
	"$ECOCHECK" suggest --as-of 2025-04-23 codeowners "$R" >"$TEST_TMP/old" &&
	grep -x "/src/ @dave" "$TEST_TMP/old" >/dev/null &&
	grep -x "#  *1  Erin Early <erin@example.com>" "$TEST_TMP/old" >/dev/null
'

test_expect_success 'the CODEOWNERS saved passes the codeowners rule' '
	saved .github/CODEOWNERS codeowners &&
	test_eq "$(result_of codeowners)" pass &&
	test_eq "$(result_of codeowners message)" \
		".github/CODEOWNERS: 3 owners (2 users, 1 email) own 11 of 11 files" &&
	test_eq "$(result_of codeowners "evidence[1].note")" "retired committers"
'

test_expect_success 'suggest governance names the top authors, marked, with blanks' '
	"$ECOCHECK" suggest governance "$R" >"$TEST_TMP/gov" &&
	grep -x "## Maintainers" "$TEST_TMP/gov" >/dev/null &&
	grep -x "## Decision making" "$TEST_TMP/gov" >/dev/null &&
	grep -x -- "- Alice Able (@alice)" "$TEST_TMP/gov" >/dev/null &&
	grep -x -- "- Carol Cole <carol@example.com> <!-- to fill in: their GitHub handle -->" "$TEST_TMP/gov" >/dev/null &&
	grep "nobody is named where the core-maintainers rule looks" "$TEST_TMP/gov" >/dev/null &&
	grep "_(to fill in: who breaks a tie)_" "$TEST_TMP/gov" >/dev/null &&
	grep -x -- "- Dave Dunn (@dave)" "$TEST_TMP/gov" >/dev/null &&
	! grep -F "[bot]" "$TEST_TMP/gov"
'

test_expect_success 'the GOVERNANCE.md saved passes governance' '
	saved GOVERNANCE.md governance &&
	test_eq "$(result_of governance)" pass &&
	test_eq "$(result_of governance message)" "found GOVERNANCE.md" &&
	test_eq "$(result_of core-maintainers)" pass &&
	test_eq "$(result_of core-maintainers value)" 3
'

test_expect_success 'suggest maintainers: a table of the people, an Emeritus section' '
	"$ECOCHECK" suggest maintainers "$R" >"$TEST_TMP/mnt" &&
	grep -x "| Name | GitHub | Role/Area |" "$TEST_TMP/mnt" >/dev/null &&
	grep -x "| Alice Able | @alice | maintainer; the root files, docs/, src/ |" "$TEST_TMP/mnt" >/dev/null &&
	grep "^| Carol Cole | _(to fill in: GitHub handle)_ | maintainer; docs/, src/ <!-- e-mail in the history: carol@example.com --> |\$" "$TEST_TMP/mnt" >/dev/null &&
	sed -n "/^## Emeritus/,\$p" "$TEST_TMP/mnt" >"$TEST_TMP/em" &&
	grep "^| Dave Dunn | @dave |" "$TEST_TMP/em" >/dev/null &&
	grep "^| Frank Fox |" "$TEST_TMP/em" >/dev/null
'

test_expect_success 'the MAINTAINERS.md saved passes core-maintainers' '
	saved MAINTAINERS.md maintainers &&
	test_eq "$(result_of core-maintainers)" pass &&
	test_eq "$(result_of core-maintainers value)" 3 &&
	test_eq "$(result_of core-maintainers "evidence[0].path")" MAINTAINERS.md &&
	result_of core-maintainers message >"$TEST_TMP/msg" &&
	grep "2 retired" "$TEST_TMP/msg" >/dev/null
'

test_expect_success 'nothing was written to the repository' '
	git -C "$R" status --porcelain >"$TEST_TMP/st" &&
	test_must_be_empty "$TEST_TMP/st" &&
	find "$R" | sort >"$TEST_TMP/after" &&
	test_cmp "$TEST_TMP/before" "$TEST_TMP/after"
'

test_expect_success 'maintainers named in the README are the ones drafted' '
	rm -rf "$TEST_TMP/named" &&
	git clone -q "$R" "$TEST_TMP/named" &&
	printf "# Proj\n\n## Maintainers\n\n- Xavier Xu (@xavier)\n- Yvonne Yu (@yvonne)\n" \
		>"$TEST_TMP/named/README.md" &&
	"$ECOCHECK" suggest maintainers "$TEST_TMP/named" >"$TEST_TMP/mnt" &&
	grep -x "| Xavier Xu | @xavier | maintainer |" "$TEST_TMP/mnt" >/dev/null &&
	grep -x "| Yvonne Yu | @yvonne | maintainer |" "$TEST_TMP/mnt" >/dev/null &&
	grep "2 named where the core-maintainers rule looks" "$TEST_TMP/mnt" >/dev/null &&
	! grep "Alice Able" "$TEST_TMP/mnt"
'

test_expect_success 'one person found: said on stderr, the draft has blanks' '
	R=$TEST_TMP/alone &&
	git init -q "$R" &&
	change $((T0 - DAY)) "Olive Only" "7+olive@users.noreply.github.com" src/a.py &&
	"$ECOCHECK" suggest maintainers "$R" >"$TEST_TMP/mnt" 2>"$TEST_TMP/err" &&
	grep "only 1 person found, at least 2 are needed" "$TEST_TMP/err" >/dev/null &&
	grep -x "| Olive Only | @olive | maintainer; src/ |" "$TEST_TMP/mnt" >/dev/null &&
	grep "to fill in: at least two maintainers are needed" "$TEST_TMP/mnt" >/dev/null
'

test_expect_success 'usage: a kind is needed, and known; options of its own' '
	test_expect_code 2 "$ECOCHECK" suggest >"$TEST_TMP/out" 2>"$TEST_TMP/err" &&
	test_must_be_empty "$TEST_TMP/out" &&
	grep "^ecocheck: suggest: needs codeowners, governance or maintainers" "$TEST_TMP/err" >/dev/null &&
	test_expect_code 2 "$ECOCHECK" suggest owners "$R" 2>"$TEST_TMP/err" &&
	grep "not codeowners, governance or maintainers" "$TEST_TMP/err" >/dev/null &&
	test_expect_code 2 "$ECOCHECK" suggest --format json codeowners 2>"$TEST_TMP/err" &&
	grep "unknown option" "$TEST_TMP/err" >/dev/null &&
	test_expect_code 2 "$ECOCHECK" suggest --as-of tomorrow codeowners "$R" 2>"$TEST_TMP/err" &&
	grep "as-of: bad date" "$TEST_TMP/err" >/dev/null &&
	"$ECOCHECK" suggest --help >"$TEST_TMP/out" &&
	grep "^usage: ecocheck suggest \[OPTION\]\.\.\. codeowners|governance|maintainers \[PATH\]" "$TEST_TMP/out" >/dev/null &&
	grep -e "--no-repo-config" "$TEST_TMP/out" >/dev/null
'

test_done
