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
	ec_json --rules extra.ini "$R" &&
	test_eq "$(result_of sec-policy)" fail &&
	test_eq "$(result_of sec-policy level)" error &&
	status_is 1 &&
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
	ec_json --rules extra.ini "$R" &&
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
	ec_json "$R" &&
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

test_done
