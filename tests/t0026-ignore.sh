#!/bin/sh
# t0026-ignore.sh: the working tree lists what git ls-files -co
# --exclude-standard lists (issue 10, items 3, 12, 14 and 16): ecocheck's
# own gitignore matching, a deeper .gitignore negating a parent's, random
# ignore trees compared with git, a deep untracked tree under a small
# descriptor limit, unreadable directories said as unknown, and a
# core.excludesFile outside the repository refused.
. "$(dirname "$0")/lib.sh"

if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_done
fi
LIST=$(dirname "$ECOCHECK")/../tests/list-worktree
if [ ! -x "$LIST" ]; then
	skip_all='tests/list-worktree not built'
	test_done
fi
# A user who cannot read what root made, to test unreadable directories.
if [ "$(id -u)" = 0 ] &&
    setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
	test_set_prereq NOBODY
fi

cat >"$TEST_TMP/find.ini" <<'EOF_INI'
[ruleset]
name = find

[found]
type = file
path = s/b/f.md

[docs]
type = file
path = docs/**/*.md
EOF_INI

# same DIR: ecocheck lists what git lists (git lists the untracked first).
same() {
	git -C "$1" ls-files -co --exclude-standard | LC_ALL=C sort \
		>"$TEST_TMP/want" &&
	"$LIST" "$1" >"$TEST_TMP/got" &&
	test_cmp "$TEST_TMP/want" "$TEST_TMP/got"
}

test_expect_success 'a deeper .gitignore negates a parent pattern' '
	R=$TEST_TMP/neg && make_repo "$R" README.md &&
	echo b >"$R/.gitignore" &&
	mkdir -p "$R/s/b" && echo "!b" >"$R/s/.gitignore" &&
	echo x >"$R/s/b/f.md" &&
	ec_json 1 -r "$TEST_TMP/find.ini" "$R" &&
	test_eq "$(result_of found)" pass &&
	same "$R"
'

test_expect_success 'a .gitignore negates a directory pattern of info/exclude' '
	R=$TEST_TMP/neg-info && make_repo "$R" README.md &&
	echo b/ >>"$R/.git/info/exclude" &&
	mkdir -p "$R/s/b" && echo "!b/" >"$R/s/.gitignore" &&
	echo x >"$R/s/b/f.md" &&
	ec_json 1 -r "$TEST_TMP/find.ini" "$R" &&
	test_eq "$(result_of found)" pass &&
	same "$R"
'

test_expect_success 'nothing below an ignored directory comes back' '
	R=$TEST_TMP/back && make_repo "$R" README.md &&
	echo s/ >"$R/.gitignore" &&
	mkdir -p "$R/s/b" && echo "!b" >"$R/s/.gitignore" &&
	echo x >"$R/s/b/f.md" &&
	ec_json 1 -r "$TEST_TMP/find.ini" "$R" &&
	test_eq "$(result_of found)" fail &&
	same "$R"
'

# random_trees N SEED: N repositories r1..rN under $TEST_TMP/random, each
# a few untracked and force-added files in a/, b/, c/ (three levels) and
# .gitignore files and info/exclude lines drawn from a small alphabet.
random_trees() {
	awk -v n="$1" -v seed="$2" '
	function pick(s,   a, k) { k = split(s, a, " "); return a[int(rand() * k) + 1] }
	function rdir(   d, k, i) {
		k = int(rand() * 3) + 1; d = pick("a b c")
		for (i = 2; i <= k; i++) d = d "/" pick("a b c")
		return d
	}
	function pattern(   p) {
		p = (rand() < 0.3 ? "!" : "") pick("_ _ _ / **/")
		p = p pick("a b c f.md *.md * a/b b/* a/** **/b [ab] c*")
		p = p (rand() < 0.3 ? "/" : "")
		sub(/_/, "", p)
		return p
	}
	BEGIN {
		srand(seed)
		for (t = 1; t <= n; t++) {
			r = "random/r" t
			printf "git init -q %s\n", r
			for (k = 0; k < 8; k++) {
				d = rdir(); f = pick("f.md g.txt b c")
				printf "mkdir -p %s/%s && : >%s/%s/%s", r, d, r, d, f
				if (rand() < 0.2) printf " && git -C %s add -f %s/%s", r, d, f
				printf " || :\n"
			}
			for (k = 0; k < 4; k++) {
				d = rand() < 0.4 ? "." : rdir()
				if (rand() < 0.2) { file = ".git/info/exclude"; d = "." }
				else file = ".gitignore"
				printf "mkdir -p %s/%s && {", r, d
				m = int(rand() * 3) + 1
				for (i = 0; i < m; i++) printf " echo '\''%s'\'';", pattern()
				printf " } >>%s/%s/%s\n", r, d, file
			}
		}
	}' >"$TEST_TMP/random.sh" &&
	mkdir -p "$TEST_TMP/random" &&
	(cd "$TEST_TMP" && . ./random.sh) >/dev/null 2>&1
}

test_expect_success '200 random ignore trees list what git lists' '
	random_trees 200 10 &&
	for R in "$TEST_TMP"/random/r*; do
		git -C "$R" ls-files -co --exclude-standard |
			LC_ALL=C sort >"$TEST_TMP/want" &&
		"$LIST" "$R" >"$TEST_TMP/got" 2>"$TEST_TMP/err" &&
		if ! cmp -s "$TEST_TMP/want" "$TEST_TMP/got"; then
			echo "differs from git: $R" >&3
			diff "$TEST_TMP/want" "$TEST_TMP/got" >&3
			return 1
		fi || return 1
	done
'

# deep DIR LEVELS: an untracked chain DIR/d/d/.../d/f.md, LEVELS deep,
# with a g.md every hundred levels (built a hundred levels at a time: a
# path never gets long).
deep() {
	_p=$(awk "BEGIN { for (i = 0; i < 100; i++) printf \"d/\" }") &&
	rm -rf "$TEST_TMP/chain" && mkdir -p "$TEST_TMP/chain/$_p" &&
	echo x >"$TEST_TMP/chain/${_p}f.md" &&
	_i=100 &&
	while [ $_i -lt "$2" ]; do
		rm -rf "$TEST_TMP/next" && mkdir -p "$TEST_TMP/next/$_p" &&
		echo x >"$TEST_TMP/next/d/g.md" &&
		mv "$TEST_TMP/chain/d" "$TEST_TMP/next/$_p" &&
		rm -rf "$TEST_TMP/chain" && mv "$TEST_TMP/next" "$TEST_TMP/chain" &&
		_i=$((_i + 100)) || return 1
	done &&
	mv "$TEST_TMP/chain/d" "$1/d"
}

test_expect_success 'a 3,000-level untracked tree, 64 descriptors: what git lists, quickly' '
	R=$TEST_TMP/deep && make_repo "$R" README.md &&
	deep "$R" 3000 &&
	mkdir -p "$R/d/d/d" && echo "g.md" >"$R/d/d/.gitignore" &&
	echo "!g.md" >"$R/d/d/d/.gitignore" &&
	git -C "$R" ls-files -co --exclude-standard 2>/dev/null |
		LC_ALL=C sort >"$TEST_TMP/want" &&
	test "$(wc -l <"$TEST_TMP/want")" -gt 20 &&
	(ulimit -n 64 && timeout 10 "$LIST" "$R" >"$TEST_TMP/got" 2>"$TEST_TMP/err") &&
	test_cmp "$TEST_TMP/want" "$TEST_TMP/got" &&
	grep -q "could not read directory .*File name too long" "$TEST_TMP/err"
'

test_expect_success NOBODY 'an unreadable untracked docs/ is unknown, not "nothing found"' '
	R=$TEST_TMP/unreadable && make_repo "$R" README.md &&
	mkdir -p "$R/docs/guide" && echo "# Guide" >"$R/docs/guide/index.md" &&
	chmod 000 "$R/docs" &&
	chmod -R a+rX "$TEST_TMP" && chmod 000 "$R/docs" &&
	test_when_finished "chmod 755 \"$R/docs\"" &&
	{
		setpriv --reuid=65534 --regid=65534 --clear-groups \
			env HOME="$TEST_TMP/nobody" "$ECOCHECK" --format json \
			-r "$TEST_TMP/find.ini" "$R" >"$TEST_TMP/out.json" \
			2>"$TEST_TMP/err" || test $? = 1
	} &&
	test_eq "$(result_of docs)" unknown &&
	result_of docs message | grep -q "could not read docs" &&
	grep -q "could not read directory .docs/.: Permission denied" "$TEST_TMP/err"
'

test_expect_success 'core.excludesFile of the repository outside it is refused' '
	R=$TEST_TMP/outside && make_repo "$R" README.md &&
	echo secret >"$TEST_TMP/ignore.outside" &&
	git -C "$R" config core.excludesFile "$TEST_TMP/ignore.outside" &&
	ec_json 2 "$R" &&
	echo "ecocheck: core.excludesFile: $TEST_TMP/ignore.outside: outside the repository; refusing to read it" >"$TEST_TMP/err.want" &&
	test_cmp "$TEST_TMP/err.want" "$TEST_TMP/err"
'

test_expect_success 'core.excludesFile of the repository inside it is read' '
	R=$TEST_TMP/inside && make_repo "$R" README.md &&
	echo "*.md" >"$R/.git/my-ignore" &&
	git -C "$R" config core.excludesFile .git/my-ignore &&
	mkdir -p "$R/s/b" && echo x >"$R/s/b/f.md" &&
	ec_json 1 -r "$TEST_TMP/find.ini" "$R" &&
	test_eq "$(result_of found)" fail &&
	same "$R"
'

test_expect_success 'a global core.excludesFile is read where it lies' '
	R=$TEST_TMP/global && make_repo "$R" README.md &&
	echo "f.md" >"$TEST_TMP/global.ignore" &&
	test_when_finished "git config --global --unset core.excludesFile" &&
	git config --global core.excludesFile "$TEST_TMP/global.ignore" &&
	mkdir -p "$R/s/b" && echo x >"$R/s/b/f.md" &&
	ec_json 1 -r "$TEST_TMP/find.ini" "$R" &&
	test_eq "$(result_of found)" fail &&
	same "$R"
'

test_done
