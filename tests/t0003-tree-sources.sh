#!/bin/sh
# t0003-tree-sources.sh: worktree, index (--staged), commit (--rev), bare
# and empty repositories, each judged from the files that source holds
. "$(dirname "$0")/lib.sh"

if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_done
fi

R=$TEST_TMP/repo
make_repo "$R" README.md LICENSE.md CONTRIBUTING.md >/dev/null

cat >"$TEST_TMP/files.ini" <<'INI'
[ruleset]
name = files
[readme]
type = file
path = README.md
[security]
type = file
path = SECURITY.md
[built]
type = file
path = build/output.txt
[coc]
type = file
path = CODE_OF_CONDUCT.md
INI
RULES="-r $TEST_TMP/files.ini"
# The same set by name: a layer under the repository's .ecocheck.ini,
# whose changes to a rule a later --rules file that defines it drops.
mkdir -p "$XDG_CONFIG_HOME/ecocheck/rules" &&
cp "$TEST_TMP/files.ini" "$XDG_CONFIG_HOME/ecocheck/rules/files.ini"
NAMED="-r files"

test_expect_success 'worktree: untracked files count, ignored ones do not' '
	echo "# security" >"$R/SECURITY.md" &&
	mkdir -p "$R/build" && echo out >"$R/build/output.txt" &&
	echo "build/" >"$R/.gitignore" &&
	ec_json 1 $RULES "$R" &&
	test_eq "$(jq -r .repository.source "$TEST_TMP/out.json")" worktree &&
	test_eq "$(result_of security)" pass &&
	test_eq "$(result_of built)" fail &&
	test_eq "$(jq -r .repository.head "$TEST_TMP/out.json")" \
		"$(git -C "$R" rev-parse HEAD)"
'

test_expect_success 'worktree: a file tracked despite .gitignore counts' '
	test_when_finished "git -C \"\$R\" rm -q --cached --ignore-unmatch build/output.txt" &&
	git -C "$R" add -f build/output.txt &&
	ec_json 1 $RULES "$R" &&
	test_eq "$(result_of built)" pass
'

test_expect_success '--staged: the index, not the working tree' '
	git -C "$R" add SECURITY.md &&
	test_tick && git -C "$R" commit -q -m security &&
	git -C "$R" rm -q --cached SECURITY.md &&
	ec_json 1 $RULES --staged --absolute "$R" &&
	test_eq "$(jq -r .repository.source "$TEST_TMP/out.json")" index &&
	test_eq "$(result_of security)" fail &&
	test -f "$R/SECURITY.md" &&
	ec_json 1 $RULES "$R" &&
	test_eq "$(result_of security)" pass &&
	git -C "$R" add SECURITY.md
'

test_expect_success '--staged: a newly added file counts before it is committed' '
	echo "be kind" >"$R/CODE_OF_CONDUCT.md" &&
	ec_json 1 $RULES --staged --absolute "$R" &&
	test_eq "$(result_of coc)" fail &&
	git -C "$R" add CODE_OF_CONDUCT.md &&
	ec_json 1 $RULES --staged --absolute "$R" &&
	test_eq "$(result_of coc)" pass &&
	test_tick && git -C "$R" commit -q -m coc
'

test_expect_success '--staged reads GIT_INDEX_FILE when git sets it' '
	cp "$R/.git/index" "$TEST_TMP/alt-index" &&
	GIT_INDEX_FILE="$TEST_TMP/alt-index" git -C "$R" rm -q --cached SECURITY.md &&
	GIT_INDEX_FILE="$TEST_TMP/alt-index" ec_json 1 $RULES --staged --absolute "$R" &&
	test_eq "$(result_of security)" fail &&
	ec_json 1 $RULES --staged --absolute "$R" &&
	test_eq "$(result_of security)" pass
'

test_expect_success 'as a pre-commit hook, "git commit -a" is judged on what it commits' '
	P=$TEST_TMP/hooked && git clone -q "$R" "$P" &&
	printf "#!/bin/sh\nexec \"%s\" --staged -q -r \"%s\" --set built.level=off --set coc.level=off\n" \
		"$ECOCHECK" "$TEST_TMP/files.ini" >"$P/.git/hooks/pre-commit" &&
	chmod +x "$P/.git/hooks/pre-commit" &&
	rm "$P/SECURITY.md" &&
	test_tick &&
	test_must_fail git -C "$P" commit -q -a -m "drop the security policy" >out 2>&1 &&
	grep -q "FAIL  security" out &&
	git -C "$P" checkout -q SECURITY.md &&
	echo more >>"$P/README.md" &&
	git -C "$P" commit -q -a -m "a harmless change"
'

test_expect_success '--rev: the tree of an older commit' '
	ec_json 1 $RULES --rev HEAD~2 "$R" &&
	test_eq "$(jq -r .repository.source "$TEST_TMP/out.json")" commit &&
	test_eq "$(jq -r .repository.head "$TEST_TMP/out.json")" \
		"$(git -C "$R" rev-parse HEAD~2)" &&
	test_eq "$(result_of security)" fail &&
	test_eq "$(result_of coc)" fail &&
	ec_json 1 $RULES --rev HEAD "$R" &&
	test_eq "$(result_of security)" pass
'

test_expect_success '--rev: a revision that does not exist is exit 2' '
	test_expect_code 2 "$ECOCHECK" $RULES --rev no-such-branch "$R" >out 2>err &&
	test_line_count 1 err &&
	grep -q "no-such-branch" err
'

test_expect_success 'the .ecocheck.ini of --rev is the one in that commit' '
	test_when_finished "git -C \"\$R\" checkout -q .ecocheck.ini" &&
	printf "[security]\nlevel = off\n" >"$R/.ecocheck.ini" &&
	git -C "$R" add .ecocheck.ini && test_tick && git -C "$R" commit -q -m cfg &&
	rm "$R/.ecocheck.ini" &&
	ec_json 1 $NAMED --rev HEAD "$R" &&
	test_eq "$(result_of security)" skip &&
	ec_json 1 $NAMED --rev HEAD~1 "$R" &&
	test_eq "$(result_of security)" pass
'

test_expect_success 'bare repository: the tree of HEAD' '
	git clone -q --bare "$R" "$TEST_TMP/bare.git" &&
	ec_json 1 $NAMED "$TEST_TMP/bare.git" &&
	test_eq "$(jq -r .repository.source "$TEST_TMP/out.json")" commit &&
	test_eq "$(jq -r .repository.bare "$TEST_TMP/out.json")" true &&
	test_eq "$(result_of security)" skip &&
	test_eq "$(result_of readme)" pass &&
	test_eq "$(result_of coc)" pass
'

test_expect_success 'a folder inside a checkout checks the whole repository' '
	mkdir -p "$R/sub/dir" &&
	ec_json 1 $RULES "$R/sub/dir" &&
	test_eq "$(jq -r .repository.path "$TEST_TMP/out.json")" "$R" &&
	test_eq "$(result_of readme)" pass
'

test_expect_success 'empty repository (no commits): files judged, head null' '
	git init -q "$TEST_TMP/empty" &&
	echo "# hello" >"$TEST_TMP/empty/README.md" &&
	ec_json 1 $RULES "$TEST_TMP/empty" &&
	test_eq "$(jq -r .repository.head "$TEST_TMP/out.json")" null &&
	test_eq "$(result_of readme)" pass &&
	test_eq "$(result_of security)" fail
'

test_expect_success 'empty bare repository: nothing to judge, exit 2' '
	git init -q --bare "$TEST_TMP/empty.git" &&
	test_expect_code 2 "$ECOCHECK" $RULES "$TEST_TMP/empty.git" >out 2>err &&
	test_line_count 1 err &&
	grep -q "no commits" err
'

test_expect_success '--staged in a bare repository is exit 2' '
	test_expect_code 2 "$ECOCHECK" $RULES --staged "$TEST_TMP/bare.git" 2>err >/dev/null &&
	grep -q "staged" err
'


# --- blobs on both sides of the 16 MiB streaming threshold ---------------

# big_readme DIR SIZE PACK: a repository whose README.md is SIZE bytes of
# prose, committed as a loose object, or packed when PACK is "packed".
big_readme() {
	git init -q "$1" &&
	yes "a word of introduction for the large readme file" | head -c "$2" >"$1/README.md" &&
	git -C "$1" add README.md &&
	test_tick && git -C "$1" commit -q -m big &&
	_obj=$1/.git/objects/$(git -C "$1" rev-parse HEAD:README.md | sed "s|^..|&/|") &&
	if test "$3" = packed
	then
		git -C "$1" gc -q && test_must_fail test -e "$_obj"
	else
		test -f "$_obj"
	fi
}

# readme_read_by DIR: the README read by every tree source: the working
# tree, --staged, --rev HEAD, a bare clone, and --rev HEAD in a clone that
# borrows the objects through objects/info/alternates (libgit2's own
# backend, not ours, streams those).
readme_read_by() {
	for _how in "" "--staged --absolute" "--rev HEAD" bare alternates
	do
		if test "$_how" = bare
		then
			rm -rf "$1.git" &&
			git clone -q --bare "$1" "$1.git" &&
			ec_json 1 "$1.git"
		elif test "$_how" = alternates
		then
			rm -rf "$1.alt" &&
			git clone -q --shared "$1" "$1.alt" &&
			test -s "$1.alt/.git/objects/info/alternates" &&
			ec_json 1 --rev HEAD "$1.alt"
		else
			ec_json 1 $_how "$1"
		fi &&
		test_eq "$_how:$(result_of readme-value)" "$_how:pass" &&
		test_must_be_empty "$TEST_TMP/err" || return 1
	done
}

for size in 16000000 17000000
do
	for kind in loose packed
	do
		test_expect_success "a README of $size bytes, $kind: read by every tree source" "
			big_readme \"\$TEST_TMP/big-$size-$kind\" $size $kind &&
			readme_read_by \"\$TEST_TMP/big-$size-$kind\"
		"
	done
done

test_done
