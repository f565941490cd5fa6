#!/bin/sh
# t0014-locate.sh: where ecocheck finds a repository and a rule its file:
# git directories named by their own path (bare repositories, snapshots
# with no config file) read as git reads them; directories in GitHub's
# order, names deciding within one; governance and documentation pages
# anywhere in the documentation tree
. "$(dirname "$0")/lib.sh"

if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_done
fi

R=$TEST_TMP/repo
make_repo "$R" README.md LICENSE CONTRIBUTING.md .github/CODEOWNERS \
	docs/index.md >/dev/null
write_demo_docs "$R"
printf '%s\n' "$LF_COC" >"$R/CODE_OF_CONDUCT.md"
test_tick
git -C "$R" add -A
git -C "$R" commit -q -m docs

# Every result of the default rule set on $1 (history as of HEAD), without
# the repository object: what must not depend on how a repository is read.
results() {
	ec_json 1 --as-of HEAD "$1" &&
	jq -c ".results[] | [.rule, .result, .message, .evidence]" \
		"$TEST_TMP/out.json"
}

# Every file under $1 with its contents and metadata.
snapshot() {
	(cd "$1" && find . -print0 | LC_ALL=C sort -z |
		xargs -0 stat -c "%n %s %Y %a %F" &&
	find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha1sum)
}

test_expect_success 'a bare clone with no config file is bare, as git reads it' '
	git clone -q --bare "$R" "$TEST_TMP/snap.git" &&
	rm "$TEST_TMP/snap.git/config" &&
	test_eq "$(git -C "$TEST_TMP/snap.git" rev-parse --is-bare-repository)" true &&
	ec_json 1 "$TEST_TMP/snap.git" &&
	test_eq "$(jq -r .repository.bare "$TEST_TMP/out.json")" true &&
	test_eq "$(jq -r .repository.source "$TEST_TMP/out.json")" commit &&
	test_eq "$(jq -r .repository.path "$TEST_TMP/out.json")" "$TEST_TMP/snap.git"
'

test_expect_success 'the snapshot gives the checkout'"'"'s results, rule by rule' '
	results "$R" >want &&
	test_eq "$(result_of readme)" pass &&
	test_eq "$(result_of license-file)" fail &&
	results "$TEST_TMP/snap.git" >got &&
	test_cmp want got
'

test_expect_success 'a folder inside the snapshot checks the snapshot' '
	results "$TEST_TMP/snap.git/refs" >got &&
	test_cmp want got &&
	test_eq "$(jq -r .repository.path "$TEST_TMP/out.json")" "$TEST_TMP/snap.git" &&
	test_eq "$(jq -r .repository.bare "$TEST_TMP/out.json")" true
'

test_expect_success 'a bare clone with its config gives the same results' '
	git clone -q --bare "$R" "$TEST_TMP/bare.git" &&
	results "$TEST_TMP/bare.git" >got &&
	test_cmp want got &&
	test_eq "$(jq -r .repository.bare "$TEST_TMP/out.json")" true
'

test_expect_success 'a checkout'"'"'s .git named by its own path has no working tree' '
	test_when_finished "rm -f \"\$R/GOVERNANCE.md\"" &&
	echo "How decisions are made." >"$R/GOVERNANCE.md" &&
	test_must_fail git -C "$R/.git" status >/dev/null 2>&1 &&
	ec_json 1 "$R/.git" &&
	test_eq "$(jq -r .repository.source "$TEST_TMP/out.json")" commit &&
	test_eq "$(result_of governance)" fail &&
	ec_json 1 "$R" &&
	test_eq "$(result_of governance)" pass
'

test_expect_success 'core.worktree gives a git directory its working tree, as for git' '
	cp -R "$TEST_TMP/bare.git" "$TEST_TMP/wt.git" &&
	git config -f "$TEST_TMP/wt.git/config" core.bare false &&
	git config -f "$TEST_TMP/wt.git/config" core.worktree "$R" &&
	git -C "$TEST_TMP/wt.git" status >/dev/null &&
	ec_json 1 "$TEST_TMP/wt.git" &&
	test_eq "$(jq -r .repository.source "$TEST_TMP/out.json")" worktree &&
	test_eq "$(jq -r .repository.path "$TEST_TMP/out.json")" "$R"
'

test_expect_success 'core.worktree in a config with no format version is ignored, as by git' '
	cp -R "$TEST_TMP/snap.git" "$TEST_TMP/nover.git" &&
	printf "[core]\n\tworktree = %s\n" "$R" >"$TEST_TMP/nover.git/config" &&
	test_must_fail git -C "$TEST_TMP/nover.git" status >/dev/null 2>&1 &&
	ec_json 1 "$TEST_TMP/nover.git" &&
	test_eq "$(jq -r .repository.source "$TEST_TMP/out.json")" commit
'

test_expect_success '--each lists snapshots and checkouts, not a folder with a stray HEAD' '
	mkdir -p "$TEST_TMP/many/stray" &&
	cp -R "$TEST_TMP/snap.git" "$TEST_TMP/many/a" &&
	git clone -q "$R" "$TEST_TMP/many/b" &&
	echo "ref: refs/heads/main" >"$TEST_TMP/many/stray/HEAD" &&
	test_expect_code 1 "$ECOCHECK" --format json --as-of HEAD \
		--each "$TEST_TMP/many" >out.json &&
	jq -r ".[] | \"\(.repository.path) \(.repository.bare)\"" out.json >got &&
	printf "%s\n" "$TEST_TMP/many/a true" "$TEST_TMP/many/b false" >want &&
	test_cmp want got &&
	jq -c ".[0].results" out.json >a &&
	jq -c ".[1].results" out.json >b &&
	test_cmp a b
'

# A linked worktree (git worktree add): its checkout has a .git file, its
# git directory HEAD and commondir but no objects/ or refs/ of its own.
LW=$TEST_TMP/linked
git clone -q "$R" "$LW/main"
git -C "$LW/main" worktree add -q "$LW/wt" 2>/dev/null
git -C "$LW/main" worktree add -q inner 2>/dev/null
mkdir -p "$LW/bogus/.git"

test_expect_success '--each lists a linked worktree, not a folder with an empty .git' '
	test_expect_code 1 "$ECOCHECK" --format jsonl --as-of HEAD \
		--each "$LW" >out.jsonl 2>err &&
	test_must_be_empty err &&
	jq -r "\"\(.repository.path) \(.repository.source)\"" out.jsonl >got &&
	printf "%s\n" "$LW/main worktree" "$LW/wt worktree" >want &&
	test_cmp want got &&
	test_must_fail git -C "$LW/bogus" rev-parse --git-dir 2>/dev/null
'

test_expect_success '--each takes a linked worktree git directory for one, as git does' '
	test_eq "$(git -C "$LW/main/.git/worktrees/wt" rev-parse --is-inside-git-dir)" true &&
	test_expect_code 1 "$ECOCHECK" --format jsonl --as-of HEAD \
		--each "$LW/main/.git/worktrees" >out.jsonl 2>err &&
	test_must_be_empty err &&
	jq -r .repository.path out.jsonl >got &&
	printf "%s\n" "$LW/main/.git/worktrees/inner" \
		"$LW/main/.git/worktrees/wt" >want &&
	test_cmp want got
'

test_expect_success 'the worktree walk takes a linked worktree inside it for a repository, as git does' '
	git -C "$LW/main" ls-files -co --exclude-standard | sort >want &&
	grep -qx "inner/" want &&
	"$(dirname "$ECOCHECK")/../tests/list-worktree" "$LW/main" >list 2>err &&
	test_must_be_empty err &&
	sort list >got &&
	test_cmp want got
'

test_expect_success 'nothing under the snapshot changes' '
	snapshot "$TEST_TMP/snap.git" >before &&
	test_expect_code 1 "$ECOCHECK" "$TEST_TMP/snap.git" >out 2>err &&
	test_expect_code 1 "$ECOCHECK" --format json "$TEST_TMP/snap.git/refs" >out 2>err &&
	snapshot "$TEST_TMP/snap.git" >after &&
	test_cmp before after &&
	test ! -e "$TEST_TMP/snap.git/config"
'

# A fresh repository $TEST_TMP/$1 with one commit of the other arguments.
fresh() {
	_name=$1
	shift
	rm -rf "$TEST_TMP/$_name" &&
	make_repo "$TEST_TMP/$_name" "$@" >/dev/null
}

test_expect_success 'a root README.rst beats a docs/README.md: judged, with the warning' '
	fresh rst README.rst docs/README.md &&
	ec_json 1 "$TEST_TMP/rst" &&
	test_eq "$(result_of readme)" fail &&
	test_eq "$(result_of readme level)" warning &&
	test_eq "$(result_of readme evidence[0].path)" README.rst &&
	result_of readme message | grep -q "README.rst found, but README.md is asked for" &&
	result_of readme-value message | grep -q "^README.rst" &&
	result_of quick-start message | grep -q "^README.rst"
'

test_expect_success '.github/README.md beats README.md, which beats docs/README.md' '
	fresh gh .github/README.md README.md docs/README.md &&
	ec_json 1 "$TEST_TMP/gh" &&
	test_eq "$(result_of readme)" pass &&
	test_eq "$(result_of readme evidence[0].path)" .github/README.md &&
	git -C "$TEST_TMP/gh" rm -q .github/README.md &&
	ec_json 1 "$TEST_TMP/gh" &&
	test_eq "$(result_of readme evidence[0].path)" README.md &&
	git -C "$TEST_TMP/gh" rm -q README.md &&
	ec_json 1 "$TEST_TMP/gh" &&
	test_eq "$(result_of readme)" pass &&
	test_eq "$(result_of readme evidence[0].path)" docs/README.md
'

test_expect_success 'a name in .github/ beats an accepted name at the root, and any name in docs/' '
	fresh acc .github/README.rst README.md &&
	ec_json 1 "$TEST_TMP/acc" &&
	test_eq "$(result_of readme evidence[0].path)" .github/README.rst &&
	test_eq "$(result_of readme level)" warning &&
	fresh co .github/CODEOWNERS CODEOWNERS docs/CODEOWNERS \
		CONTRIBUTING.md .github/CONTRIBUTING.md &&
	ec_json 1 "$TEST_TMP/co" &&
	test_eq "$(result_of codeowners evidence[0].path)" .github/CODEOWNERS &&
	result_of contributing message | grep -q "^\.github/CONTRIBUTING\.md"
'

test_expect_success 'the license is looked for at the root first' '
	fresh lic LICENSE.md .github/LICENSE.md &&
	ec_json 1 "$TEST_TMP/lic" &&
	test_eq "$(result_of license-file)" pass &&
	test_eq "$(result_of license-file evidence[0].path)" LICENSE.md
'

test_expect_success 'a governance page in the docs tree passes, naming it' '
	fresh gov docs/source/governance.rst &&
	ec_json 1 "$TEST_TMP/gov" &&
	test_eq "$(result_of governance)" pass &&
	test_eq "$(result_of governance evidence[0].path)" docs/source/governance.rst &&
	fresh gov2 doc/Project/Governance.MD &&
	ec_json 1 "$TEST_TMP/gov2" &&
	test_eq "$(result_of governance)" pass &&
	test_eq "$(result_of governance evidence[0].path)" doc/Project/Governance.MD
'

test_expect_success 'governance elsewhere, or a picture named so in docs/, does not pass' '
	fresh nogov src/governance.md docs/img/governance.png &&
	ec_json 1 "$TEST_TMP/nogov" &&
	test_eq "$(result_of governance)" fail
'

test_expect_success 'a governance section inside CONTRIBUTING alone still fails, named' '
	fresh sect docs/index.md &&
	printf "# Contributing\n\n## Governance\n\nThe maintainers decide by vote.\n" \
		>"$TEST_TMP/sect/CONTRIBUTING.md" &&
	ec_json 1 "$TEST_TMP/sect" &&
	test_eq "$(result_of governance)" fail &&
	result_of governance message | grep -q "governance section inside CONTRIBUTING"
'

test_expect_success 'documentation: AsciiDoc and text pages count; Markdown globs still do' '
	fresh adoc Documentation/git-log.adoc &&
	ec_json 1 "$TEST_TMP/adoc" &&
	test_eq "$(result_of documentation)" pass &&
	test_eq "$(result_of documentation evidence[0].path)" Documentation/git-log.adoc &&
	fresh txt docs/requirements.txt docs/topics/intro.txt &&
	ec_json 1 "$TEST_TMP/txt" &&
	test_eq "$(result_of documentation evidence[0].path)" docs/topics/intro.txt &&
	fresh md docs/requirements.txt docs/guide/start.md &&
	ec_json 1 "$TEST_TMP/md" &&
	test_eq "$(result_of documentation evidence[0].path)" docs/guide/start.md
'

test_expect_success 'documentation: a requirements file or a word list is not a page' '
	fresh stray docs/requirements.txt docs/spelling_wordlist.txt \
		doc/requirements-docs.txt &&
	printf "# Stray\n" >"$TEST_TMP/stray/README.md" &&
	ec_json 1 "$TEST_TMP/stray" &&
	test_eq "$(result_of documentation)" fail &&
	result_of documentation message | grep -q "^nothing found"
'

test_expect_success 'a name from the root is looked for after dirs that do not hold the root' '
	fresh rooted .github/x/NOTE.md x/NOTE.md docs/NOTE.md &&
	printf "[n]\ntype = file\npath = /x/NOTE.md NOTE.md\ndirs = .github\n" >n.ini &&
	ec_json 0 -r "$PWD/n.ini" "$TEST_TMP/rooted" &&
	test_eq "$(result_of n evidence[0].path)" x/NOTE.md &&
	printf "[n]\ntype = file\npath = /y/NOTE.md\ndirs = .github docs\n" >n.ini &&
	ec_json 1 -r "$PWD/n.ini" "$TEST_TMP/rooted" &&
	test_eq "$(result_of n)" fail &&
	result_of n message | grep -q "in .github/, docs/; /y/NOTE.md)"
'

test_expect_success 'a ! name keeps the paths it matches from counting' '
	fresh excl docs/a.md docs/b.md &&
	printf "[e]\ntype = file\npath = docs/*.md\npath = !a.md\n" >e.ini &&
	ec_json 0 -r "$PWD/e.ini" "$TEST_TMP/excl" &&
	test_eq "$(result_of e evidence[0].path)" docs/b.md &&
	printf "[e]\ntype = file\npath = docs/b.md\naccept = docs/a.md\naccept = !docs/\n" >e.ini &&
	ec_json 1 -r "$PWD/e.ini" "$TEST_TMP/excl" &&
	test_eq "$(result_of e)" fail &&
	test_eq "$(result_of e message)" "no docs/b.md (looked for docs/b.md, docs/a.md)"
'

test_done
