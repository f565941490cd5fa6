#!/bin/sh
# t0022-config-hostile.sh: what a repository's .ecocheck.ini, a rule file
# or the command line cannot do (issue 10 items 7, 8, 17 and the small
# ones): overflow a number or a date, make a reviewer's rule pass, drive
# the reviewer's terminal, or be read otherwise than inih reads it.
. "$(dirname "$0")/lib.sh"

if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_done
fi

R=$TEST_TMP/repo
make_repo "$R" README.md LICENSE.md >/dev/null

# Commit the repository's .ecocheck.ini given on standard input.
repo_config() {
	cat >"$R/.ecocheck.ini" &&
	git -C "$R" add .ecocheck.ini &&
	test_tick &&
	git -C "$R" commit -q -m config
}

# The bytes a terminal obeys: ESC, C1 CSI (U+009B), RLO (U+202E), LRI
# (U+2066), as octal escapes for printf.
ESC='\033'
CSI='\302\233'
RLO='\342\200\256'
LRI='\342\201\246'

# Whether file $1 holds none of them.
no_terminal_bytes() {
	for b in "$ESC" "$CSI" "$RLO" "$LRI"; do
		if grep -q "$(printf "$b")" "$1"; then
			echo "$1 holds $b:" >&3
			cat -v "$1" >&3
			return 1
		fi
	done
}

test_expect_success 'window_days of a rule cannot overflow: 1 to 36500' '
	for n in 9223372036854775807 106751991167301 36501; do
		printf "[commits]\nwindow_days = %s\n" $n | repo_config &&
		test_expect_code 2 "$ECOCHECK" "$R" >out 2>err &&
		grep -q "window_days: bad number .$n. (want 1 to 36500)" err ||
		exit 1
	done &&
	test_expect_code 2 "$ECOCHECK" --no-repo-config \
		--set commits.window_days=9223372036854775807 "$R" >out 2>err &&
	grep -q "want 1 to 36500" err
'

test_expect_success 'every other number has a range too' '
	printf "[license-file]\nmin_bytes = 99999999999999999\n" | repo_config &&
	test_expect_code 2 "$ECOCHECK" "$R" >out 2>err &&
	grep -q "min_bytes: bad number .99999999999999999. (want 0 to" err &&
	test_expect_code 2 "$ECOCHECK" --no-repo-config \
		--set commits.min=9223372036854775807 "$R" >out 2>err &&
	grep -q "min: bad number" err &&
	git -C "$R" rm -q .ecocheck.ini &&
	git -C "$R" commit -q -m "no config"
'

# A commit of the tree of HEAD dated $1 (seconds), made HEAD.
head_dated() {
	_t=$(git -C "$R" rev-parse "HEAD^{tree}") &&
	_c=$(printf "tree %s\nparent %s\nauthor A <a@example.com> %s +0000\ncommitter C <c@example.com> %s +0000\n\nodd date\n" \
		"$_t" "$(git -C "$R" rev-parse HEAD)" "$1" "$1" |
		git -C "$R" hash-object -t commit -w --literally --stdin) &&
	git -C "$R" update-ref HEAD "$_c"
}

# git reads a committer date as an unsigned number: "-9223372036854775808"
# is a date far in the future to it (rev-list --since=@1000 lists the commit,
# --until=@1000 does not), and so to ecocheck, kept to the year 9999.
test_expect_success '--as-of HEAD on a tip dated INT64_MIN: read as git reads it, no overflow' '
	test_when_finished "git -C \"$R\" reset -q --hard HEAD^" &&
	head_dated -9223372036854775808 &&
	test "$(git -C "$R" rev-list --count --since=@1000 HEAD)" -gt 0 &&
	ec_json 1 --as-of HEAD "$R" &&
	test_eq "$(jq -r .window.as_of out.json)" 9999-12-31T23:59:59Z &&
	test_eq "$(jq -r .window.start out.json)" 9999-10-02T23:59:59Z &&
	test_eq "$(result_of commits)" fail &&
	test_must_fail grep . err
'

test_expect_success '--as-of HEAD on a tip dated INT64_MAX: the window ends in 9999' '
	test_when_finished "git -C \"$R\" reset -q --hard HEAD^" &&
	head_dated 9223372036854775807 &&
	ec_json 1 --as-of HEAD "$R" &&
	test_eq "$(jq -r .window.as_of out.json)" 9999-12-31T23:59:59Z &&
	test_eq "$(jq -r .window.start out.json)" 9999-10-02T23:59:59Z &&
	test_must_fail grep . err
'

test_expect_success '--as-of out of the four-digit years or with a half offset is refused' '
	for d in 9999-12-31T23:59:60-14:00 9999-12-31T23:00-01:00 \
	    0000-01-01T00:00+00:01 2026-01-01T00:00+05: 2026-01-01T00:00+05:3; do
		test_expect_code 2 "$ECOCHECK" --as-of "$d" "$R" >out 2>err &&
		grep -q "^ecocheck: --as-of: bad date" err || exit 1
	done &&
	for d in 9999-12-31T23:59:59Z 9999-12-31T23:59:60+00:01 \
	    2026-01-01T00:00+05 2026-01-01T00:00+0530 2026-01-01T00:00+05:30 \
	    0000-01-01T00:00:00Z; do
		ec_json 1 --as-of "$d" "$R" || exit 1
	done &&
	ec_json 1 --as-of 2026-01-01T05:30+05:30 "$R" &&
	test_eq "$(jq -r .window.as_of out.json)" 2026-01-01T00:00:00Z
'

test_expect_success 'a reviewer who defines a rule gets the rule, not the repository'"'"'s keys' '
	cat >"$R/.ecocheck.ini" <<-\EOF &&
	[sec-policy]
	type = file
	path = README.md
	level = off
	alternative = always

	[always]
	type = file
	path = README.md
	report = no
	EOF
	printf "[sec-policy]\ntype = file\npath = SECURITY.md\n" >extra.ini &&
	ec_json 1 --rules extra.ini "$R" &&
	test_eq "$(result_of sec-policy)" fail &&
	test_eq "$(result_of sec-policy level)" error &&
	"$ECOCHECK" --list-rules --rules extra.ini "$R" >list &&
	test_must_fail grep "alternative = always" list
'

test_expect_success 'a rule of the repository is no alternative, hint or veto of the reviewer'"'"'s' '
	cat >"$R/.ecocheck.ini" <<-\EOF &&
	[always]
	type = file
	path = README.md
	report = no

	[never]
	type = file
	path = NO-SUCH-FILE
	report = no
	EOF
	printf "[sec-policy]\ntype = file\npath = SECURITY.md\nalternative = always\nhint = always\n[lic]\ntype = file\npath = LICENSE.md\nveto = never\n" >extra.ini &&
	ec_json 1 --rules extra.ini "$R" &&
	test_eq "$(result_of sec-policy)" fail &&
	test_eq "$(result_of sec-policy message)" \
		"no SECURITY.md (looked for SECURITY.md)" &&
	test_eq "$(result_of lic)" pass
'

test_expect_success 'but the repository'"'"'s rules still fold into its own' '
	cat >"$R/.ecocheck.ini" <<-\EOF &&
	[own]
	type = file
	path = NO-SUCH-FILE
	alternative = always

	[always]
	type = file
	path = README.md
	report = no
	EOF
	ec_json 1 "$R" &&
	test_eq "$(result_of own)" pass &&
	test_eq "$(result_of own message)" "found README.md (alternative always)"
'

test_expect_success '--list-rules prints the repository'"'"'s text through the sanitiser' '
	printf "[hostile]\ntype = file\npath = a${ESC}]0;owned\\007b${CSI}31mc${RLO}d${LRI}e.md\ntitle = x${ESC}[2Jy\n[facts]\nf${CSI}x = v${RLO}\n" \
		>"$R/.ecocheck.ini" &&
	"$ECOCHECK" --list-rules "$R" >list 2>err &&
	no_terminal_bytes list &&
	grep -q "^path = a?\]0;owned?b?31mc?d?e.md	; " list &&
	grep -q "^title = x?\[2Jy	; " list &&
	grep -q "^\[facts\] f?x = v?	; " list
'

test_expect_success 'so do the text report and error messages' '
	test_expect_code 1 "$ECOCHECK" --color never "$R" >out 2>err &&
	no_terminal_bytes out &&
	grep -q "hostile  *no a?\]0;owned?b?31mc?d?e.md" out &&
	printf "[hostile]\ntype = file\npath = x\nk${CSI}2J${RLO} = 1\n" \
		>"$R/.ecocheck.ini" &&
	test_expect_code 2 "$ECOCHECK" "$R" >out 2>err &&
	no_terminal_bytes err &&
	grep -q "unknown key .k?2J?. for type file" err
'

test_expect_success 'lines of 198 bytes are read whole, 199 are refused' '
	v=$(printf "%0191d" 0) &&
	printf "[long]\ntype = file\npath = %s\n" "$v" >"$R/.ecocheck.ini" &&
	"$ECOCHECK" --list-rules "$R" >list &&
	grep -q "^path = $v	; " list &&
	printf "[long]\r\ntype = file\r\npath = %s\r\n" "$v" >"$R/.ecocheck.ini" &&
	"$ECOCHECK" --list-rules "$R" >list &&
	grep -q "^path = $v	; " list &&
	printf "[long]\ntype = file\npath = %s1\n" "$v" >"$R/.ecocheck.ini" &&
	test_expect_code 2 "$ECOCHECK" "$R" >out 2>err &&
	grep -q "ecocheck.ini:3: line longer than 198 bytes$" err
'

test_expect_success 'a section name longer than inih keeps is an error, not cut' '
	n=$(printf "%049d" 0 | tr 0 n) &&
	printf "[%s]\ntype = file\npath = x\n" "$n" >"$R/.ecocheck.ini" &&
	"$ECOCHECK" --list-rules "$R" >list &&
	grep -q "^\[$n\]	" list &&
	printf "[%sx]\ntype = file\npath = x\n[%sy]\ntype = file\npath = y\n" \
		"$n" "$n" >"$R/.ecocheck.ini" &&
	test_expect_code 2 "$ECOCHECK" "$R" >out 2>err &&
	test_line_count 1 err &&
	grep -q "ecocheck.ini:1: section name longer than 49 bytes" err
'

test_expect_success 'thousands of empty sections: one line, quickly' '
	awk "BEGIN { for (i = 0; i < 30000; i++) print \"[s\" i \"]\" }" \
		>"$R/.ecocheck.ini" &&
	test_expect_code 2 timeout 20 "$ECOCHECK" "$R" >out 2>err &&
	test_line_count 1 err &&
	grep -q "ecocheck.ini:4097: more than 4096 sections" err
'

test_expect_success 'twenty errors of one rule set, then how many more' '
	awk "BEGIN { for (i = 0; i < 100; i++) print \"[s\" i \"]\" }" \
		>"$R/.ecocheck.ini" &&
	test_expect_code 2 "$ECOCHECK" "$R" >out 2>err &&
	test_line_count 21 err &&
	grep -q "ecocheck.ini:20: rule .s19. has no type$" err &&
	test_eq "$(tail -n 1 err)" "ecocheck: and 80 more errors in the rules"
'

test_done
