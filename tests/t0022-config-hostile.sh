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

test_done
