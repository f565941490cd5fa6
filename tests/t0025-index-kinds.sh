#!/bin/sh
# t0025-index-kinds.sh: the index kinds git writes besides the plain one
# (issue 10, item 13): a split index (core.splitIndex, a shared index and
# the link extension), a sparse index (sdir, directory entries) and a
# non-cone sparse checkout (skip-worktree entries). ecocheck lists what git
# lists: the worktree source git ls-files -co --exclude-standard, --staged
# git ls-files -s; a skip-worktree file reads as staged, never "missing".
. "$(dirname "$0")/lib.sh"

if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_done
fi

# kinds DIR: a repository whose files sit in a/, b/ and b/sub/.
kinds() {
	git init -q "$1" &&
	mkdir -p "$1/a" "$1/b/sub" &&
	for _n in 1 2; do
		echo "text of a/f$_n" >"$1/a/f$_n.md" &&
		echo "text of b/g$_n" >"$1/b/g$_n.md" &&
		echo "text of b/sub/h$_n" >"$1/b/sub/h$_n.md" || return 1
	done &&
	echo "# top" >"$1/top.md" &&
	git -C "$1" add -A &&
	test_tick &&
	git -C "$1" commit -q -m initial
}

# listed STATUS DIR [OPTION]...: the paths ecocheck finds, sorted, one a
# line: a file rule for every path git or the disk knows of, the passing
# ones kept. STATUS is 0 when the source lists every candidate, 1 when it
# misses one (a path only HEAD or the disk knows of fails its file rule).
listed() {
	_status=$1
	_dir=$2
	shift 2
	{
		git -C "$_dir" ls-files -co --exclude-standard &&
		git -C "$_dir" ls-files &&
		git -C "$_dir" ls-tree -r --name-only HEAD &&
		(cd "$_dir" && find . -name .git -prune -o -type f -print |
			sed "s|^\./||")
	} | sort -u >"$TEST_TMP/candidates" &&
	{
		printf "[ruleset]\nname = listed\n" &&
		awk '{ printf "[p%d]\ntype = file\npath = %s\n", NR, $0 }' \
			"$TEST_TMP/candidates"
	} >"$TEST_TMP/listed.ini" &&
	ec_json "$_status" -r "$TEST_TMP/listed.ini" --no-repo-config "$@" "$_dir" &&
	jq -r '.results[] | select(.result == "pass") | .rule' \
		"$TEST_TMP/out.json" | sed "s/^p//" | sort -n >"$TEST_TMP/passed" &&
	awk 'NR == FNR { want[$0] = 1; next } want[FNR]' \
		"$TEST_TMP/passed" "$TEST_TMP/candidates" | sort
}

# same_listing DIR STAGED_STATUS: both sources list what git lists; the
# worktree lists every candidate, the index misses any path removed from
# it with "git rm --cached" (exit STAGED_STATUS: 1 then, else 0).
same_listing() {
	git -C "$1" ls-files -co --exclude-standard | sort >"$TEST_TMP/want" &&
	listed 0 "$1" >"$TEST_TMP/got" &&
	test_cmp "$TEST_TMP/want" "$TEST_TMP/got" &&
	git -C "$1" ls-files -s | cut -f2 | sort -u >"$TEST_TMP/want" &&
	listed "$2" "$1" --staged >"$TEST_TMP/got" &&
	test_cmp "$TEST_TMP/want" "$TEST_TMP/got"
}

# reads DIR PATH TEXT [OPTION]...: ecocheck finds TEXT in PATH.
reads() {
	printf "[ruleset]\nname = reads\n[r]\ntype = contains\nfile = %s\npattern = %s\n" \
		"$2" "$3" >"$TEST_TMP/reads.ini" &&
	_dir=$1 &&
	shift 3 &&
	ec_json 0 -r "$TEST_TMP/reads.ini" --no-repo-config "$@" "$_dir" &&
	test_eq "$(result_of r)" pass
}

test_expect_success 'a split index: both sources list what git lists' '
	kinds split &&
	git -C split update-index --split-index &&
	echo "text of a/new" >split/a/new.md &&
	git -C split add a/new.md &&
	git -C split rm -q --cached b/g2.md &&
	echo "changed and staged" >>split/a/f1.md &&
	git -C split add a/f1.md &&
	echo "changed, not staged" >split/a/f2.md &&
	ls split/.git/sharedindex.* &&
	test "$(git -C split ls-files -s | wc -l)" -eq 7 &&
	same_listing split 1 &&
	reads split a/f1.md "changed and staged" --staged &&
	reads split a/f2.md "text of a/f2" --staged &&
	reads split a/f2.md "changed, not staged"
'

test_expect_success 'core.splitIndex: the index git writes is read' '
	kinds splitcfg &&
	git -C splitcfg config core.splitIndex true &&
	git -C splitcfg rm -q --cached a/f2.md &&
	echo "text of c" >splitcfg/c.md &&
	git -C splitcfg add c.md &&
	ls splitcfg/.git/sharedindex.* &&
	same_listing splitcfg 1
'

test_expect_success 'a split index whose shared index is gone: an error, as in git' '
	kinds splitgone &&
	git -C splitgone update-index --split-index &&
	git -C splitgone rm -q --cached a/f2.md &&
	rm splitgone/.git/sharedindex.* &&
	test_must_fail git -C splitgone ls-files &&
	ec_json 2 splitgone &&
	grep "shared index" "$TEST_TMP/err"
'

test_expect_success 'a sparse index: directory entries expanded from their trees' '
	kinds sparse &&
	git -C sparse sparse-checkout init --cone --sparse-index &&
	git -C sparse sparse-checkout set a &&
	git -C sparse ls-files -s --sparse | grep "^040000 .*	b/\$" &&
	! test -e sparse/b &&
	same_listing sparse 0 &&
	reads sparse b/sub/h2.md "text of b/sub/h2" &&
	reads sparse b/sub/h2.md "text of b/sub/h2" --staged
'

test_expect_success 'a non-cone sparse checkout: skip-worktree files are not missing' '
	kinds noncone &&
	git -C noncone sparse-checkout set --no-cone "/a/" &&
	! test -e noncone/b/g1.md &&
	git -C noncone ls-files -t | grep "^S b/g1.md\$" &&
	same_listing noncone 0 &&
	reads noncone b/g1.md "text of b/g1"
'

test_done
