#!/bin/sh
# t0032-gitdir-fifo.sh: a FIFO at every file of the git directory that
# ecocheck or libgit2 opens, one test each, bounded by timeout: refused
# at once in one line naming the file (exit 2), or, for a file ecocheck
# never reads, no change at all. The list comes from strace(1) of a run
# and from src/gitguard.c, which looks at the files libgit2 would open
# with a blocking open(2) (commondir, gitdir, packed-refs, loose
# references, pack indexes, multi-pack-index, alternates, shallow).
. "$(dirname "$0")/lib.sh"

if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_done
fi
if ! command -v timeout >/dev/null 2>&1 || ! command -v mkfifo >/dev/null 2>&1
then
	skip_all='timeout or mkfifo not installed'
	test_done
fi

# The base repository: a packed commit and tag (packed-refs, a pack and its
# index, a multi-pack-index), then loose commits and a loose branch; a
# linked worktree of it.
B=$TEST_TMP/base
make_repo "$B" README.md LICENSE.md >/dev/null
git -C "$B" tag v1
git -C "$B" pack-refs --all
git -C "$B" repack -q -a -d
git -C "$B" multi-pack-index write 2>/dev/null
echo more >"$B/CONTRIBUTING.md"
git -C "$B" add CONTRIBUTING.md
test_tick
git -C "$B" commit -q -m more
git -C "$B" tag v2
git -C "$B" worktree add -q "$TEST_TMP/base-wt" 2>/dev/null
IDX=$(cd "$B/.git" && ls objects/pack/*.idx)
timeout 20 "$ECOCHECK" --format json --as-of HEAD "$B" >"$TEST_TMP/base.json"

# ecocheck on $1 (bounded: a hang fails in seconds) into out.json and err.
ec_bounded() {
	_want=$1
	shift
	ec_wrap="timeout 20"
	_rc=0
	ec_json "$_want" --as-of HEAD "$@" || _rc=$?
	ec_wrap=
	return $_rc
}

# A copy $TEST_TMP/r of the base with a FIFO at .git/$1.
fifo_at() {
	rm -rf "$TEST_TMP/r" &&
	cp -R "$B" "$TEST_TMP/r" &&
	mkdir -p "$TEST_TMP/r/.git/$(dirname "$1")" &&
	rm -rf "$TEST_TMP/r/.git/$1" &&
	mkfifo "$TEST_TMP/r/.git/$1"
}

# The standard error must be exactly the line $1.
err_is() {
	echo "$1" >"$TEST_TMP/err.want" &&
	test_cmp "$TEST_TMP/err.want" "$TEST_TMP/err"
}

# A FIFO at .git/$1 is refused, naming it, with the message $2.
refused() {
	fifo_at "$1" &&
	ec_bounded 2 "$TEST_TMP/r" &&
	err_is "ecocheck: $TEST_TMP/r/.git/$1: ${2:-not a regular file; refusing to read it}" &&
	test_must_be_empty "$TEST_TMP/out.json"
}

# A FIFO at .git/$1 changes nothing: ecocheck never opens it.
unchanged() {
	fifo_at "$1" &&
	ec_bounded 1 "$TEST_TMP/r" &&
	test_must_be_empty "$TEST_TMP/err" &&
	jq -c .results "$TEST_TMP/base.json" >"$TEST_TMP/want" &&
	jq -c .results "$TEST_TMP/out.json" >"$TEST_TMP/got" &&
	test_cmp "$TEST_TMP/want" "$TEST_TMP/got"
}

test_expect_success 'the base repository is checked, its files as expected' '
	test -f "$B/.git/packed-refs" && test -f "$B/.git/refs/heads/main" &&
	test -f "$B/.git/$IDX" && test -f "$B/.git/objects/pack/multi-pack-index" &&
	jq -e ".results | length > 10" "$TEST_TMP/base.json" >/dev/null
'

for f in commondir gitdir packed-refs refs/heads/main refs/tags/v2 \
	refs/tags/v1-loose "$IDX" objects/pack/multi-pack-index \
	objects/info/alternates shallow config config.worktree
do
	test_expect_success "a FIFO .git/$f is refused at once, exit 2" "
		refused $f
	"
done

test_expect_success 'a FIFO .git/index is refused at once, exit 2' '
	refused index "cannot read the index: not a regular file"
'

test_expect_success 'a FIFO .git/info/grafts is refused at once, exit 2' '
	refused info/grafts "not a regular file"
'

test_expect_success 'a FIFO .git/info/exclude is refused at once, exit 2' '
	refused info/exclude
'

test_expect_success 'a FIFO .git/HEAD: not a repository for git, named, exit 2' '
	fifo_at HEAD &&
	ec_bounded 2 "$TEST_TMP/r" &&
	err_is "ecocheck: $TEST_TMP/r/.git/HEAD: not a regular file; refusing to read it"
'

test_expect_success 'a FIFO HEAD of a bare repository is named too' '
	rm -rf "$TEST_TMP/bare.git" &&
	git clone -q --bare "$B" "$TEST_TMP/bare.git" &&
	rm "$TEST_TMP/bare.git/HEAD" && mkfifo "$TEST_TMP/bare.git/HEAD" &&
	ec_bounded 2 "$TEST_TMP/bare.git" &&
	err_is "ecocheck: $TEST_TMP/bare.git/HEAD: not a regular file; refusing to read it"
'

for f in description info/attributes logs/HEAD FETCH_HEAD ORIG_HEAD \
	objects/info/commit-graph objects/info/packs COMMIT_EDITMSG
do
	test_expect_success "a FIFO .git/$f, never read, changes nothing" "
		unchanged $f
	"
done

test_expect_success 'a FIFO behind an alternate object directory is refused' '
	rm -rf "$TEST_TMP/alt" "$TEST_TMP/r" &&
	mkdir -p "$TEST_TMP/alt/info" &&
	mkfifo "$TEST_TMP/alt/info/alternates" &&
	cp -R "$B" "$TEST_TMP/r" &&
	echo "$TEST_TMP/alt" >"$TEST_TMP/r/.git/objects/info/alternates" &&
	ec_bounded 2 "$TEST_TMP/r" &&
	err_is "ecocheck: $TEST_TMP/alt/info/alternates: not a regular file; refusing to read it"
'

# A FIFO at $1 of the linked worktree's git directory is refused.
wt_refused() {
	rm -rf "$TEST_TMP/r" "$TEST_TMP/r-wt" &&
	cp -R "$B" "$TEST_TMP/r" &&
	git -C "$TEST_TMP/r" worktree add -q "$TEST_TMP/r-wt" v1 2>/dev/null &&
	rm -f "$TEST_TMP/r/.git/worktrees/r-wt/$1" &&
	mkfifo "$TEST_TMP/r/.git/worktrees/r-wt/$1" &&
	ec_bounded 2 "$TEST_TMP/r-wt" &&
	err_is "ecocheck: $TEST_TMP/r/.git/worktrees/r-wt/$1: ${2:-not a regular file; refusing to read it}"
}

test_expect_success 'the linked worktree is checked as its main one' '
	ec_bounded 1 "$TEST_TMP/base-wt" &&
	test_must_be_empty "$TEST_TMP/err"
'

for f in commondir gitdir HEAD
do
	test_expect_success "a FIFO $f of a linked worktree is refused, exit 2" "
		wt_refused $f
	"
done

test_expect_success 'a FIFO index of a linked worktree is refused, exit 2' '
	wt_refused index "cannot read the index: not a regular file"
'

test_expect_success 'alternates that name their own directory, or each other, are followed once' '
	rm -rf "$TEST_TMP/r" "$TEST_TMP/o" &&
	cp -R "$B" "$TEST_TMP/r" &&
	awk "BEGIN { for (i = 0; i < 60; i++) print \".\" }" \
		>"$TEST_TMP/r/.git/objects/info/alternates" &&
	ec_bounded 1 "$TEST_TMP/r" &&
	git init -q --bare "$TEST_TMP/o" &&
	echo "$TEST_TMP/r/.git/objects" >"$TEST_TMP/o/objects/info/alternates" &&
	{ echo "$TEST_TMP/o/objects" && echo "$TEST_TMP/o/objects"; } \
		>"$TEST_TMP/r/.git/objects/info/alternates" &&
	ec_bounded 1 "$TEST_TMP/r"
'

test_done
