#!/bin/sh
# t0055-gitdir-safety.sh: what ecocheck reads of the git directory is
# bounded and stays in it: a config of two million keys, an index of
# gigabytes, a loose commit of more than 16 MiB (or inflating to 1 GB), a
# FIFO at .git/commondir and a rule file of thousands of keys are refused
# at once in one line naming the file; symbolic links among the
# repository's own files (to /etc/passwd or elsewhere) are not followed;
# an unreadable HEAD says so; a home folder that may not be searched is
# skipped with a warning, as git does (an unreadable ~/.gitconfig: t0021);
# a git directory or alternates outside the folder given are named in the
# report, and refused with --each and --no-repo-config. Each run bounded
# by timeout.
. "$(dirname "$0")/lib.sh"

need_jq_and_timeout

B=$TEST_TMP/base
make_repo "$B" README.md LICENSE.md >/dev/null

# fresh DIR: a copy of the base repository.
fresh() {
	rm -rf "$1" && cp -R "$B" "$1"
}

# The standard error must be exactly the line $1.
err_is() {
	echo "$1" >"$TEST_TMP/err.want" &&
	test_cmp "$TEST_TMP/err.want" "$TEST_TMP/err"
}

# keys N: a [x] section of N keys.
keys() {
	awk -v n="$1" 'BEGIN { print "[x]"; for (i = 0; i < n; i++) print "k" i " = v" }'
}

test_expect_success 'the base repository is checked' '
	ec_bounded 1 --as-of HEAD "$B" &&
	test_must_be_empty "$TEST_TMP/err"
'

# Its [core] has 4 keys: the 100,001st is the 99,997th of [x].
test_expect_success 'a repository config of 150,000 keys: one line, at once' '
	R=$TEST_TMP/keys && fresh "$R" &&
	keys 150000 >>"$R/.git/config" &&
	ec_bounded 2 --as-of HEAD "$R" &&
	err_is "ecocheck: $R/.git/config:100003: more than 100000 keys of git configuration; refusing to read it" &&
	test_must_be_empty "$TEST_TMP/out.json"
'

# Two million keys of one byte each fit under the 4 MiB cap: the key
# count stops it (before the cap: 18.6 s and 1.2 GB of memory).
test_expect_success 'a repository config of 2,000,000 keys: one line, at once' '
	R=$TEST_TMP/keys2m && fresh "$R" &&
	awk "BEGIN { print \"[x]\"; for (i = 0; i < 2000000; i++) print \"a\" }" \
		>>"$R/.git/config" &&
	ec_bounded 2 --as-of HEAD "$R" &&
	err_is "ecocheck: $R/.git/config:100003: more than 100000 keys of git configuration; refusing to read it" &&
	rm -rf "$R"
'

test_expect_success 'a repository config over 4 MiB is refused by its size' '
	R=$TEST_TMP/bytes && fresh "$R" &&
	{ echo "[x]" && awk "BEGIN { for (i = 0; i < 70000; i++) printf \"# %060d\\n\", i }"; } \
		>>"$R/.git/config" &&
	ec_bounded 2 --as-of HEAD "$R" &&
	err_is "ecocheck: $R/.git/config: git configuration larger than 4194304 bytes; refusing to read it"
'

test_expect_success 'a config that includes itself 500 times a line is refused, not read 500^10 times' '
	R=$TEST_TMP/incl && fresh "$R" &&
	awk "BEGIN { print \"[include]\"; for (i = 0; i < 500; i++) print \"path = config\" }" \
		>>"$R/.git/config" &&
	ec_bounded 2 --as-of HEAD "$R" &&
	grep -q "more than 100000 keys of git configuration with what includes it; refusing to read it" "$TEST_TMP/err" &&
	test_line_count 1 "$TEST_TMP/err"
'

test_expect_success 'a global config of 150,000 keys is skipped with a warning, as unreadable' '
	mkdir -p "$TEST_TMP/bighome" &&
	keys 150000 >"$TEST_TMP/bighome/.gitconfig" &&
	HOME=$TEST_TMP/bighome ec_bounded 1 --as-of HEAD "$B" &&
	err_is "ecocheck: warning: $TEST_TMP/bighome/.gitconfig: more than 100000 keys; not read"
'

test_expect_success 'a rule file of 9,000 keys is an error at the 8193rd key' '
	{ echo "[x]" && echo "type = file" && awk "BEGIN { for (i = 0; i < 9000; i++) print \"k\" i \" = v\" }"; } \
		>"$TEST_TMP/big.ini" &&
	ec_bounded 2 -r "$TEST_TMP/big.ini" --as-of HEAD "$B" &&
	err_is "ecocheck: $TEST_TMP/big.ini:8194: more than 8192 keys"
'

test_expect_success 'a 2 GB sparse index is refused by its size before it is read' '
	R=$TEST_TMP/index && fresh "$R" &&
	truncate -s 2G "$R/.git/index" &&
	ec_bounded 2 --as-of HEAD "$R" &&
	err_is "ecocheck: $R/.git/index: cannot read the index: larger than 536870912 bytes"
'

test_expect_success 'a loose commit of more than 16 MiB is refused from its header' '
	R=$TEST_TMP/bigcommit && fresh "$R" &&
	awk "BEGIN { for (i = 0; i < 300000; i++) printf \"%060d\\n\", i }" >"$TEST_TMP/msg" &&
	C=$(git -C "$R" commit-tree -F "$TEST_TMP/msg" "$(git -C "$R" rev-parse "HEAD^{tree}")") &&
	git -C "$R" update-ref HEAD "$C" &&
	ec_bounded 2 --as-of HEAD "$R" &&
	err_is "ecocheck: $R: HEAD: object $C: a loose commit or tag larger than 16 MiB; not read" &&
	ec_bounded 2 "$R" &&
	grep -q "larger than 16 MiB" "$TEST_TMP/err"
'

# zcommit TREE N: a loose commit object of TREE and N MiB of empty lines,
# deflated a MiB at a time so that a gigabyte is made in a second.
zcommit() {
	perl -MCompress::Zlib -e '
		my ($tree, $n) = @ARGV;
		my $body = "tree $tree\nauthor A <a\@b> 1 +0000\n" .
		    "committer A <a\@b> 1 +0000\n\n";
		my $mb = "\n" x 1048576;
		my $head = "commit " . (length($body) + $n * 1048576) . "\0$body";
		my $d = deflateInit(-WindowBits => -15) or die;
		my ($h) = $d->deflate($head);
		my ($hf) = $d->flush(Z_FULL_FLUSH);
		my ($m) = $d->deflate($mb);
		my ($mf) = $d->flush(Z_FULL_FLUSH);
		my ($end) = $d->flush(Z_FINISH);
		my $a = adler32($head);
		$a = adler32($mb, $a) for 1 .. $n;
		binmode STDOUT;
		print "\x78\x9c", $h, $hf, ($m . $mf) x $n, $end, pack("N", $a);
	' "$@"
}
if perl -MCompress::Zlib -e 1 2>/dev/null; then
	test_set_prereq ZLIBPERL
fi

# Its name is not its hash: the header is refused before the data is
# hashed (before the cap: 11.4 s and 1 GB of memory).
test_expect_success ZLIBPERL 'a loose commit inflating to 1 GB is refused from its header, at once' '
	R=$TEST_TMP/gigacommit && fresh "$R" &&
	C=eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee &&
	mkdir -p "$R/.git/objects/ee" &&
	zcommit "$(git -C "$R" rev-parse "HEAD^{tree}")" 1024 \
		>"$R/.git/objects/ee/${C#ee}" &&
	echo "$C" >"$R/.git/$(git -C "$R" symbolic-ref HEAD)" &&
	ec_bounded 2 --as-of HEAD "$R" &&
	err_is "ecocheck: $R: HEAD: object $C: a loose commit or tag larger than 16 MiB; not read" &&
	ec_bounded 2 --staged "$R" &&
	grep -q "larger than 16 MiB" "$TEST_TMP/err"
'

echo "root:x:0:0:root:/root:/bin/sh" >"$TEST_TMP/passwd"

# linked NAME: a fresh repository whose .git/NAME is a symbolic link to a
# copy of what it held, kept outside; refused naming it.
linked() {
	R=$TEST_TMP/link && fresh "$R" &&
	mkdir -p "$TEST_TMP/elsewhere" &&
	cp "$R/.git/$1" "$TEST_TMP/elsewhere/$(basename "$1")" &&
	rm "$R/.git/$1" &&
	ln -s "$TEST_TMP/elsewhere/$(basename "$1")" "$R/.git/$1" &&
	ec_bounded 2 --as-of HEAD "$R" &&
	err_is "ecocheck: $R/.git/$1: a symbolic link; refusing to follow it" &&
	test_must_be_empty "$TEST_TMP/out.json"
}

test_expect_success 'a .git/config linked to a file elsewhere is not followed' '
	R=$TEST_TMP/link && fresh "$R" &&
	rm "$R/.git/config" && ln -s "$TEST_TMP/passwd" "$R/.git/config" &&
	ec_bounded 2 --as-of HEAD "$R" &&
	err_is "ecocheck: $R/.git/config: a symbolic link; refusing to follow it"
'

test_expect_success 'a .git/config.worktree linked to /etc/passwd is not followed' '
	R=$TEST_TMP/link && fresh "$R" &&
	ln -s /etc/passwd "$R/.git/config.worktree" &&
	ec_bounded 2 --as-of HEAD "$R" &&
	err_is "ecocheck: $R/.git/config.worktree: a symbolic link; refusing to follow it"
'

test_expect_success 'a HEAD linked to a file elsewhere is not followed' '
	linked HEAD
'

for f in config HEAD packed-refs refs/heads/main
do
	test_expect_success "a .git/$f linked to /etc/passwd: one line, exit 2" "
		R=\$TEST_TMP/passwd-link && fresh \"\$R\" &&
		rm -f \"\$R/.git/$f\" && ln -s /etc/passwd \"\$R/.git/$f\" &&
		ec_bounded 2 --as-of HEAD \"\$R\" &&
		err_is \"ecocheck: \$R/.git/$f: a symbolic link; refusing to follow it\"
	"
done

if command -v mkfifo >/dev/null 2>&1; then
	test_set_prereq FIFO
fi
test_expect_success FIFO 'a FIFO .git/commondir is refused at once (t0032 has every file)' '
	R=$TEST_TMP/fifo && fresh "$R" &&
	mkfifo "$R/.git/commondir" &&
	ec_bounded 2 --as-of HEAD "$R" &&
	err_is "ecocheck: $R/.git/commondir: not a regular file; refusing to read it"
'

test_expect_success 'a HEAD linked into refs/ is a symbolic reference, as git reads it' '
	R=$TEST_TMP/link && fresh "$R" &&
	rm "$R/.git/HEAD" && ln -s refs/heads/main "$R/.git/HEAD" &&
	ec_bounded 1 --as-of HEAD "$R" &&
	test_must_be_empty "$TEST_TMP/err"
'

test_expect_success 'a loose reference linked elsewhere is not followed' '
	linked refs/heads/main
'

test_expect_success 'a refs/ directory linked elsewhere is not followed' '
	R=$TEST_TMP/link && fresh "$R" &&
	mv "$R/.git/refs" "$TEST_TMP/refs-elsewhere" &&
	ln -s "$TEST_TMP/refs-elsewhere" "$R/.git/refs" &&
	ec_bounded 2 --as-of HEAD "$R" &&
	err_is "ecocheck: $R/.git/refs: a symbolic link; refusing to follow it"
'

test_expect_success 'a packed-refs linked elsewhere is not followed' '
	git -C "$B" pack-refs --all &&
	linked packed-refs
'

test_expect_success 'objects/info/alternates linked elsewhere is not followed' '
	R=$TEST_TMP/link && fresh "$R" &&
	echo "$TEST_TMP/none" >"$TEST_TMP/alternates" &&
	ln -s "$TEST_TMP/alternates" "$R/.git/objects/info/alternates" &&
	ec_bounded 2 --as-of HEAD "$R" &&
	err_is "ecocheck: $R/.git/objects/info/alternates: a symbolic link; refusing to follow it"
'

test_expect_success UNREADABLE 'an unreadable HEAD says so, not that it is locked' '
	chmod 755 "$TEST_TMP" &&
	R=$TEST_TMP/head-000 && fresh "$R" &&
	chmod -R a+rX "$R" && chmod 600 "$R/.git/HEAD" &&
	mkdir -p "$TEST_TMP/reader" && chmod 777 "$TEST_TMP/reader" &&
	HOME=$TEST_TMP/reader ec_reader 2 --as-of HEAD "$R" &&
	err_is "ecocheck: $R/.git/HEAD: Permission denied"
'

test_expect_success UNREADABLE 'a home folder that may not be searched: warned of and skipped, as git does' '
	R=$TEST_TMP/home-700 && fresh "$R" &&
	chmod -R a+rX "$R" &&
	H=$TEST_TMP/closed-home && mkdir -p "$H" &&
	printf "[core]\n" >"$H/.gitconfig" && chmod 700 "$H" &&
	HOME=$H ec_reader 1 --as-of HEAD "$R" &&
	grep -q "^ecocheck: warning: unable to access .$H/.gitconfig.: Permission denied$" "$TEST_TMP/err" &&
	test_eq "$(jq -r .repository.path "$TEST_TMP/out.json")" "$R"
'

# A folder of submissions: alice's .git file names bob's git directory,
# carol's alternates name dave's objects.
S=$TEST_TMP/subs
test_expect_success 'submissions whose git directory or objects lie elsewhere' '
	mkdir -p "$S" &&
	git clone -q "$B" "$S/bob" &&
	mkdir "$S/alice" && echo "gitdir: ../bob/.git" >"$S/alice/.git" &&
	git clone -q "$B" "$TEST_TMP/dave" &&
	git clone -q --shared "$TEST_TMP/dave" "$S/carol"
'

test_expect_success 'a .git file naming another git directory: named in text and JSON' '
	ec_bounded 1 --as-of HEAD "$S/alice" &&
	test_eq "$(jq -r .repository.outside_git_dir "$TEST_TMP/out.json")" "$S/bob/.git" &&
	test_eq "$(jq -c .repository.outside_alternates "$TEST_TMP/out.json")" "[]" &&
	test_expect_code 1 timeout 20 "$ECOCHECK" --as-of HEAD "$S/alice" >text &&
	grep -qx "  git directory outside the folder: $S/bob/.git" text
'

test_expect_success 'alternates naming another repository: named in text and JSON' '
	ec_bounded 1 --as-of HEAD "$S/carol" &&
	test_eq "$(jq -r .repository.outside_git_dir "$TEST_TMP/out.json")" null &&
	test_eq "$(jq -c .repository.outside_alternates "$TEST_TMP/out.json")" "[\"$TEST_TMP/dave/.git/objects\"]" &&
	test_expect_code 1 timeout 20 "$ECOCHECK" --as-of HEAD "$S/carol" >text &&
	grep -qx "  alternate objects outside the folder: $TEST_TMP/dave/.git/objects" text
'

test_expect_success 'with -j the fields come back from the worker' '
	ec_bounded 1 --as-of HEAD -j 2 "$S/alice" "$S/carol" &&
	test_eq "$(jq -r ".[0].repository.outside_git_dir" "$TEST_TMP/out.json")" "$S/bob/.git" &&
	test_eq "$(jq -r ".[1].repository.outside_alternates[0]" "$TEST_TMP/out.json")" "$TEST_TMP/dave/.git/objects"
'

test_expect_success 'a repository of its own names nothing outside' '
	ec_bounded 1 --as-of HEAD "$S/bob" &&
	test_eq "$(jq -r .repository.outside_git_dir "$TEST_TMP/out.json")" null &&
	test_eq "$(jq -c .repository.outside_alternates "$TEST_TMP/out.json")" "[]" &&
	mkdir -p "$S/bob/src" &&
	ec_bounded 1 --as-of HEAD "$S/bob/src" &&
	test_eq "$(jq -r .repository.outside_git_dir "$TEST_TMP/out.json")" null
'

test_expect_success '--each refuses both, saying why, and checks the others' '
	ec_bounded 2 --as-of HEAD --each "$S" &&
	grep -qx "ecocheck: $S/alice: its git directory $S/bob/.git is outside it; refusing to read it with --each" "$TEST_TMP/err" &&
	grep -qx "ecocheck: $S/carol: objects/info/alternates names $TEST_TMP/dave/.git/objects, outside it; refusing to read it with --each" "$TEST_TMP/err" &&
	test_eq "$(jq -r ".[].repository.path" "$TEST_TMP/out.json")" "$S/bob"
'

test_expect_success '--no-repo-config refuses them too' '
	ec_bounded 2 --as-of HEAD --no-repo-config "$S/alice" &&
	err_is "ecocheck: $S/alice: its git directory $S/bob/.git is outside it; refusing to read it with --no-repo-config" &&
	ec_bounded 2 --as-of HEAD --no-repo-config "$S/carol" &&
	err_is "ecocheck: $S/carol: objects/info/alternates names $TEST_TMP/dave/.git/objects, outside it; refusing to read it with --no-repo-config"
'

test_expect_success 'a linked worktree is taken with --no-repo-config, and with --each when its main repository is in DIR' '
	git -C "$TEST_TMP/dave" worktree add -q "$TEST_TMP/lw" 2>/dev/null &&
	ec_bounded 1 --as-of HEAD --no-repo-config "$TEST_TMP/lw" &&
	test_eq "$(jq -r .repository.outside_git_dir "$TEST_TMP/out.json")" "$TEST_TMP/dave/.git/worktrees/lw" &&
	mkdir "$TEST_TMP/lws" &&
	git -C "$TEST_TMP/dave" worktree add -q "$TEST_TMP/lws/w" 2>/dev/null &&
	ec_bounded 2 --as-of HEAD --each "$TEST_TMP/lws" &&
	grep -qx "ecocheck: $TEST_TMP/lws/w: its git directory $TEST_TMP/dave/.git/worktrees/w is outside it; refusing to read it with --each" "$TEST_TMP/err"
'

test_done
