#!/bin/sh
# t0073-pack-head.sh: the first bytes of packed blobs, read by src/pack.c
# without loading them, are git's bytes. A history of files that change
# at their start, middle and end is packed into deep delta chains (with
# offsets to the bases, then with their ids, then with an index whose
# offsets are all 64-bit); for every blob and several lengths,
# tests/pack-head compares the bounded read with what "git cat-file
# --batch" prints. An index of version 1 is left to libgit2, and the SPDX
# scan of a bare clone counts the lines git finds in the files' first
# 2 KiB.
. "$(dirname "$0")/lib.sh"

PH=$(dirname "$ECOCHECK")/../tests/pack-head
if ! test -x "$PH"; then
	skip_all='tests/pack-head not built'
	test_done
fi

R=$TEST_TMP/repo.git
CAPS="1 7 100 2048 5000 300000"

# The fast-import stream: 60 commits of six Python files and a larger text
# file; each Python file's SPDX line comes after j * 700 bytes, so that three
# of them (j = 3, 4, 5) have it past the first 2 KiB.
history() {
	LC_ALL=C awk -v lic="$ECOCHECK_SRCDIR/LICENSE.md" 'BEGIN {
		for (k = 1; k <= 60; k++) {
			printf "commit refs/heads/main\nmark :%d\n", k
			printf "author A U Thor <a@example.com> %d +0000\n", 1700000000 + k * 3600
			printf "committer A U Thor <a@example.com> %d +0000\n", 1700000000 + k * 3600
			printf "data 9\ncommit %02d\n", k
			if (k > 1)
				printf "from :%d\n", k - 1
			if (k == 1) {
				printf "M 100644 inline LICENSE\ndata <<EOF_LICENSE\n"
				while ((getline l < lic) > 0)
					print l
				printf "EOF_LICENSE\n"
			}
			for (j = 0; j < 6; j++) {
				s = ""
				for (i = 0; i < (k + j) % 5; i++)
					s = s "# touched in " k " line " i "\n"
				s = s "\"\"\""
				for (i = 0; i < j * 700 / 50; i++)
					s = s "a docstring line that is fifty bytes long ....\n"
				s = s "\"\"\"\n# SPDX-License-Identifier: MIT\n"
				for (i = 0; i < 200; i++)
					s = s "def f" i "():\n    return " (i * (k % (j + 3))) "\n"
				if (k % 4 == 0)
					s = s "# a tail added in " k "\n"
				printf "M 100644 inline pkg/m%d.py\ndata %d\n%s\n", j, length(s), s
			}
			s = ""
			for (i = 0; i < 1500; i++)
				s = s "row " i " value " ((i % 50 == k % 50) ? k : i % 97) "\n"
			printf "M 100644 inline data/big.txt\ndata %d\n%s\n", length(s), s
		}
	}'
}

# check_reads: every blob's first bytes, at each of $CAPS, as git's: each
# blob larger than a CAP answered with git's bytes and size, none other.
check_reads() {
	git --git-dir="$R" cat-file --batch-all-objects --batch |
	"$PH" "$R/objects/" $CAPS >"$TEST_TMP/ph.out" &&
	git --git-dir="$R" cat-file --batch-all-objects \
		--batch-check="%(objecttype) %(objectsize)" |
	awk -v caps="$CAPS" '$1 == "blob" {
		n++
		k = split(caps, c, " ")
		for (i = 1; i <= k; i++)
			if ($2 + 0 <= c[i] + 0)
				s++
	} END {
		printf "%d blobs, %d answered, %d unanswered, %d short, 0 differ\n",
		    n, n * k - s, s, s
	}' >"$TEST_TMP/ph.want" &&
	test_cmp "$TEST_TMP/ph.want" "$TEST_TMP/ph.out"
}

# spdx_heads: how many Python files at HEAD have an SPDX line in their
# first 2 KiB, as git prints them.
spdx_heads() {
	git --git-dir="$R" ls-tree -r --name-only HEAD | grep "[.]py$" |
	while read -r f; do
		git --git-dir="$R" cat-file blob "HEAD:$f" | head -c 2048 |
		grep -c "SPDX-License-Identifier:"
	done | grep -c "^1$"
}

test_expect_success 'a history packed into deep delta chains' '
	git init -q --bare -b main "$R" &&
	history | git --git-dir="$R" fast-import --quiet &&
	git --git-dir="$R" repack -q -adf --depth=50 --window=50 &&
	git --git-dir="$R" verify-pack -v "$R"/objects/pack/*.idx >"$TEST_TMP/vp" &&
	depth=$(sed -n "s/^chain length = \([0-9]*\):.*/\1/p" "$TEST_TMP/vp" | sort -n | tail -1) &&
	echo "deepest chain: $depth" >&3 &&
	test "$depth" -ge 5
'

test_expect_success 'bases by offset: every blob read as git reads it' '
	check_reads
'

test_expect_success 'bases by id: every blob read as git reads it' '
	git --git-dir="$R" -c repack.useDeltaBaseOffset=false repack -q -adf --depth=50 --window=50 &&
	check_reads
'

test_expect_success 'every offset from the 64-bit table: as git reads it' '
	pack=$(ls "$R"/objects/pack/*.pack) &&
	git index-pack --index-version=2,16 -o "$TEST_TMP/big.idx" "$pack" >/dev/null &&
	test "$(wc -c <"$TEST_TMP/big.idx")" -gt "$(wc -c <"${pack%.pack}.idx")" &&
	cp "${pack%.pack}.idx" "$TEST_TMP/v2.idx" &&
	chmod u+w "${pack%.pack}.idx" &&
	cp "$TEST_TMP/big.idx" "${pack%.pack}.idx" &&
	check_reads
'

test_expect_success JQ 'the SPDX lines of the first 2 KiB, as git has them' '
	cp "$TEST_TMP/v2.idx" "$(ls "$R"/objects/pack/*.idx)" &&
	n=$(spdx_heads) &&
	test "$n" -eq 3 &&
	ec_json 1 --as-of HEAD "$R" &&
	cp "$TEST_TMP/out.json" "$TEST_TMP/v2.json" &&
	result_of license-permissive message >"$TEST_TMP/msg" &&
	cat "$TEST_TMP/msg" >&3 &&
	grep -q "; $n SPDX-License-Identifier lines agree" "$TEST_TMP/msg"
'

test_expect_success JQ 'an SPDX line across the first 512 bytes is read whole' '
	W=$TEST_TMP/probe &&
	git init -q -b main "$W" &&
	cp "$ECOCHECK_SRCDIR/LICENSE.md" "$W/LICENSE.md" &&
	awk "BEGIN { for (i = 0; i < 479; i++) printf \"#\"; print \"\" }" >"$W/a.py" &&
	echo "# SPDX-License-Identifier: Apache-2.0 OR MIT" >>"$W/a.py" &&
	echo "x = 1" >>"$W/a.py" &&
	test "$(grep -b SPDX "$W/a.py" | cut -d: -f1)" -eq 480 &&
	printf "# SPDX-License-Identifier: MIT\ny = 2\n" >"$W/b.py" &&
	git -C "$W" add -A &&
	test_tick &&
	git -C "$W" commit -q -m initial &&
	git clone -q --bare --no-local "$W" "$TEST_TMP/probe.git" &&
	test -z "$(find "$TEST_TMP/probe.git/objects" -type f -path "*/objects/??/*")" &&
	for where in "$W" "$TEST_TMP/probe.git"; do
		ec_json 1 "$where" &&
		result_of license-permissive message >"$TEST_TMP/msg" &&
		cat "$TEST_TMP/msg" >&3 &&
		grep -q "; 2 SPDX-License-Identifier lines agree" "$TEST_TMP/msg" ||
		return 1
	done
'

test_expect_success JQ 'an index of version 1: left to libgit2, same results' '
	pack=$(ls "$R"/objects/pack/*.pack) &&
	git index-pack --index-version=1 -o "$TEST_TMP/v1.idx" "$pack" >/dev/null &&
	cp "$TEST_TMP/v1.idx" "${pack%.pack}.idx" &&
	git --git-dir="$R" cat-file --batch-all-objects --batch |
	"$PH" "$R/objects/" 2048 >"$TEST_TMP/ph.out" &&
	cat "$TEST_TMP/ph.out" >&3 &&
	grep -q " 0 answered, .* 0 differ" "$TEST_TMP/ph.out" &&
	ec_json 1 --as-of HEAD "$R" &&
	test_cmp "$TEST_TMP/v2.json" "$TEST_TMP/out.json"
'

test_expect_success JQ 'a pack cut short: an error naming the file, no hang' '
	cp "$TEST_TMP/v2.idx" "$(ls "$R"/objects/pack/*.idx)" &&
	pack=$(ls "$R"/objects/pack/*.pack) &&
	size=$(wc -c <"$pack") &&
	chmod u+w "$pack" &&
	head -c $((size / 2)) "$pack" >"$TEST_TMP/cut" &&
	cp "$TEST_TMP/cut" "$pack" &&
	ec_bounded 2 "$R" &&
	cat "$TEST_TMP/err" >&3 &&
	! grep -q "Sanitizer" "$TEST_TMP/err"
'

test_done
