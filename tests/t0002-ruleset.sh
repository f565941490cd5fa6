#!/bin/sh
# t0002-ruleset.sh: rule set layering end to end: .ecocheck.ini,
# --no-repo-config, --rules FILE, --set, --fact, user rule sets,
# --list-rules and malformed INI
. "$(dirname "$0")/lib.sh"

R=$TEST_TMP/repo
make_repo "$R" README.md CONTRIBUTING.md LICENSE >/dev/null

test_expect_success JQ 'a missing file fails at level error by default' '
	ec_json 1 -r community-health "$R" &&
	test_eq "$(result_of code-of-conduct)" fail &&
	test_eq "$(result_of code-of-conduct level)" error
'

test_expect_success JQ 'the repository .ecocheck.ini lowers a level' '
	printf "[code-of-conduct]\nlevel = warning\n" >"$R/.ecocheck.ini" &&
	ec_json 0 -r community-health "$R" &&
	test_eq "$(result_of code-of-conduct level)" warning &&
	jq -e ".ruleset.files | index(\"$R/.ecocheck.ini\")" "$TEST_TMP/out.json"
'

test_expect_success JQ '--no-repo-config ignores it (what reviewers use)' '
	ec_json 1 -r community-health --no-repo-config "$R" &&
	test_eq "$(result_of code-of-conduct level)" error &&
	jq -e ".ruleset.files | length == 1" "$TEST_TMP/out.json"
'

test_expect_success JQ '.ecocheck.ini may add a rule' '
	printf "[notice]\ntype = file\npath = NOTICE\nlevel = warning\n" >"$R/.ecocheck.ini" &&
	ec_json 1 -r community-health "$R" &&
	test_eq "$(result_of notice)" fail &&
	test_eq "$(result_of notice level)" warning
'

test_expect_success JQ 'the repository config may not redefine a shipped rule' '
	printf "[readme]\npath = LICENSE\n" >"$R/.ecocheck.ini" &&
	test_expect_code 2 "$ECOCHECK" -r community-health "$R" >out 2>err &&
	test_line_count 1 err &&
	grep -q "^ecocheck: $R/.ecocheck.ini:2: a repository.s configuration may change only the level and thresholds of rule .readme., not .path.$" err &&
	printf "[readme]\nreport = no\n" >"$R/.ecocheck.ini" &&
	test_expect_code 2 "$ECOCHECK" -r community-health "$R" >out 2>err &&
	printf "[ruleset]\nname = mine\n" >"$R/.ecocheck.ini" &&
	test_expect_code 2 "$ECOCHECK" -r community-health "$R" >out 2>err &&
	printf "[readme]\nmin_bytes = 10\nlevel = warning\n[notice]\ntype = file\npath = NOTICE\nlevel = warning\n" >"$R/.ecocheck.ini" &&
	ec_json 1 -r community-health "$R" &&
	test_eq "$(result_of readme level)" warning &&
	test_eq "$(result_of notice)" fail
'

test_expect_success JQ 'a fact from the repository config says where it came from' '
	printf "[stars]\ntype = fact\nfact = stars\nmin = 200\n" >"$TEST_TMP/stars.ini" &&
	printf "[facts]\nstars = 5000\n" >"$R/.ecocheck.ini" &&
	ec_json 0 -r "$TEST_TMP/stars.ini" "$R" &&
	result_of stars message | grep -q "given in $R/.ecocheck.ini" &&
	ec_json 0 -r "$TEST_TMP/stars.ini" --no-repo-config "$R" &&
	test_eq "$(result_of stars)" unknown &&
	printf "[notice]\ntype = file\npath = NOTICE\nlevel = warning\n" >"$R/.ecocheck.ini"
'

test_expect_success JQ 'a tracked .ecocheck.ini deleted from the working tree is no config' '
	test_when_finished "git -C \"\$R\" checkout -q .ecocheck.ini" &&
	git -C "$R" add .ecocheck.ini && test_tick && git -C "$R" commit -q -m cfg &&
	rm "$R/.ecocheck.ini" &&
	ec_json 1 -r community-health "$R" &&
	test_eq "$(result_of notice)" ""
'

test_expect_success JQ 'a later layer that changes the type redefines the rule' '
	printf "[readme]\ntype = fact\nfact = readme-ok\n" >"$TEST_TMP/retype.ini" &&
	ec_json 1 -r community-health -r "$TEST_TMP/retype.ini" "$R" &&
	test_eq "$(result_of readme type)" fact &&
	test_eq "$(result_of readme)" unknown
'

test_expect_success 'sections without keys: a bad id is an error, a new rule needs a type' '
	printf "[Bad Id]\n" >"$TEST_TMP/empty.ini" &&
	test_expect_code 2 "$ECOCHECK" -r community-health -r "$TEST_TMP/empty.ini" "$R" 2>err >/dev/null &&
	grep -q "empty.ini:1: bad rule id" err &&
	printf "; a typo\n[readme-typo]\n" >"$TEST_TMP/empty.ini" &&
	test_expect_code 2 "$ECOCHECK" -r community-health -r "$TEST_TMP/empty.ini" "$R" 2>err >/dev/null &&
	grep -q "empty.ini:2: rule .readme-typo. has no type" err
'

test_expect_success 'an indented [ continues a value; a byte order mark is skipped' '
	printf "\357\273\277[a]\ntype = fact\nhelp = see\n  [the docs](x)\nfact = y\n" >"$TEST_TMP/bom.ini" &&
	"$ECOCHECK" -r "$TEST_TMP/bom.ini" --list-rules "$R" >out &&
	grep -q "^help = see \[the docs\](x)	; .*bom.ini:3" out &&
	printf "\357\273\277[a]\nfact = x\n" >"$TEST_TMP/bom.ini" &&
	test_expect_code 2 "$ECOCHECK" -r "$TEST_TMP/bom.ini" "$R" 2>err >/dev/null &&
	grep -q "bom.ini:1: rule .a. has no type" err
'

test_expect_success 'of must name a file rule; max_bytes must be at least 1' '
	printf "[c]\ntype = contains\nof = nosuch\npattern = x\n" >"$TEST_TMP/of.ini" &&
	test_expect_code 2 "$ECOCHECK" -r "$TEST_TMP/of.ini" "$R" 2>err >/dev/null &&
	grep -q "of.ini:3: rule .c.: of: no file rule .nosuch." err &&
	printf "[c]\ntype = contains\nfile = README.md\npattern = x\nmax_bytes = 0\n" >"$TEST_TMP/of.ini" &&
	test_expect_code 2 "$ECOCHECK" -r "$TEST_TMP/of.ini" "$R" 2>err >/dev/null &&
	grep -q "of.ini:5: rule .c.: max_bytes: bad number .0. (want 1 to 1073741824)" err
'

test_expect_success JQ 'a --rules FILE beats the repository config' '
	printf "[notice]\nlevel = off\n" >"$TEST_TMP/reviewer.ini" &&
	ec_json 1 -r community-health -r "$TEST_TMP/reviewer.ini" "$R" &&
	test_eq "$(result_of notice)" skip
'

test_expect_success JQ '--set beats every file' '
	ec_json 1 -r community-health -r "$TEST_TMP/reviewer.ini" \
		--set notice.level=error "$R" &&
	test_eq "$(result_of notice)" fail &&
	test_eq "$(result_of notice level)" error
'

test_expect_success JQ '--set can change a list key' '
	ec_json 1 -r community-health --set notice.path=README.md "$R" &&
	test_eq "$(result_of notice)" pass
'

test_expect_success '--set on a rule no file defines: unknown rule, with the closest id' '
	test_expect_code 2 "$ECOCHECK" -r community-health --set readm.level=off "$R" >out 2>err &&
	test ! -s out &&
	test_line_count 1 err &&
	grep -q "^ecocheck: --set readm.level=off: unknown rule .readm. (did you mean .readme.?)$" err &&
	test_expect_code 2 "$ECOCHECK" -r community-health --set readme.levle=off "$R" >out 2>err &&
	grep -q "^ecocheck: --set: rule .readme.: unknown key .levle. for type file (did you mean .level.?)$" err
'

test_expect_success 'a value out of its range: file:line, exit 2' '
	printf "[c]\ntype = commits\nmin = 1\nwindow_days = 0\n" >"$TEST_TMP/range.ini" &&
	test_expect_code 2 "$ECOCHECK" -r "$TEST_TMP/range.ini" "$R" >out 2>err &&
	test ! -s out &&
	grep -q "^ecocheck: $TEST_TMP/range.ini:4: rule .c.: window_days: bad number .0. (want 1 to 36500)$" err &&
	test_expect_code 2 "$ECOCHECK" -r community-health --set readme.requirement=1000 "$R" >out 2>err &&
	grep -q "^ecocheck: --set: rule .readme.: requirement: bad number .1000. (want 1 to 999)$" err &&
	test_expect_code 2 "$ECOCHECK" -r community-health --set ruleset.window_days=36501 "$R" >out 2>err &&
	grep -q "window_days: bad number .36501. (want 1 to 36500)$" err
'

test_expect_success JQ 'a user rule set layers over the shipped one' '
	test_when_finished "rm -f \"\$XDG_CONFIG_HOME/ecocheck/rules/community-health.ini\"" &&
	rm -f "$R/.ecocheck.ini" &&
	mkdir -p "$XDG_CONFIG_HOME/ecocheck/rules" &&
	printf "[code-of-conduct]\nlevel = info\n" \
		>"$XDG_CONFIG_HOME/ecocheck/rules/community-health.ini" &&
	ec_json 0 -r community-health "$R" &&
	test_eq "$(result_of code-of-conduct level)" info
'

test_expect_success JQ 'a rule set only the user has is found by name' '
	printf "[ruleset]\nname = mine\n[readme]\ntype = file\npath = README.md\n" \
		>"$XDG_CONFIG_HOME/ecocheck/rules/mine.ini" &&
	ec_json 0 -r mine "$R" &&
	test_eq "$(jq -r .ruleset.name "$TEST_TMP/out.json")" mine &&
	test_eq "$(jq ".results | length" "$TEST_TMP/out.json")" 1
'

test_expect_success JQ 'requirement titles: a later layer retitles one number, the rest stay' '
	printf "[ruleset]\nname = titled\nrequirement = 1 Read me\nrequirement = 2 Licence\n[readme]\ntype = file\npath = README.md\nrequirement = 1\n[lic]\ntype = file\npath = LICENSE\nrequirement = 2\n" \
		>"$XDG_CONFIG_HOME/ecocheck/rules/titled.ini" &&
	printf "[ruleset]\nrequirement = 2 License file\n" >"$TEST_TMP/retitle.ini" &&
	ec_json 0 -r titled -r "$TEST_TMP/retitle.ini" "$R" &&
	test_eq "$(jq -c .ruleset.requirements "$TEST_TMP/out.json")" \
		"[{\"number\":1,\"title\":\"Read me\"},{\"number\":2,\"title\":\"License file\"}]" &&
	"$ECOCHECK" -r titled -r "$TEST_TMP/retitle.ini" "$R" >out &&
	grep -x "1 Read me" out &&
	grep -x "2 License file" out &&
	! grep "^requirement" out
'

test_expect_success 'a requirement title without its number, or out of range: file:line, exit 2' '
	for v in "Governance" "0 Nothing" "1000 Too far" "3" "3x Governance"; do
		printf "[ruleset]\nname = bad\n\nrequirement = %s\n" "$v" >"$TEST_TMP/badreq.ini" &&
		test_expect_code 2 "$ECOCHECK" -r "$TEST_TMP/badreq.ini" "$R" >out 2>err &&
		test_must_be_empty out &&
		grep -F "$TEST_TMP/badreq.ini:4: requirement: expected NUMBER TITLE (1 to 999, e.g. '\''3 Governance'\''), not '\''$v'\''" err ||
		return 1
	done
'

test_expect_success 'a repository may not retitle requirements' '
	printf "[ruleset]\nrequirement = 3 Anything goes\n" >"$R/.ecocheck.ini" &&
	test_when_finished "rm -f \"$R/.ecocheck.ini\"" &&
	test_expect_code 2 "$ECOCHECK" -r community-health "$R" >out 2>err &&
	grep -F ".ecocheck.ini:2: a repository'\''s configuration may not change [ruleset] requirement" err
'

test_expect_success 'an unknown rule set name is an error, exit 2' '
	test_expect_code 2 "$ECOCHECK" -r no-such-set "$R" >out 2>err &&
	grep -q "no rule set named .no-such-set." err &&
	test ! -s out
'

test_expect_success JQ '--fact gives a fact; [facts] in a rule file too' '
	printf "[stars]\ntype = fact\nfact = stars\nmin = 200\n" >"$TEST_TMP/stars.ini" &&
	ec_json 1 -r "$TEST_TMP/stars.ini" --fact stars=199 "$R" &&
	test_eq "$(result_of stars)" fail &&
	test_eq "$(result_of stars value)" 199 &&
	test_eq "$(result_of stars min)" 200 &&
	printf "[facts]\nstars = 450\n" >"$TEST_TMP/facts.ini" &&
	ec_json 0 -r "$TEST_TMP/stars.ini" -r "$TEST_TMP/facts.ini" "$R" &&
	test_eq "$(result_of stars)" pass &&
	test_eq "$(result_of stars value)" 450
'

test_expect_success '--list-rules shows each key with the file and line it came from' '
	printf "[code-of-conduct]\nlevel = warning\n" >"$R/.ecocheck.ini" &&
	"$ECOCHECK" -r community-health --set readme.min_bytes=5 --list-rules "$R" >out &&
	grep -q "^\[code-of-conduct\]" out &&
	grep -q "^level = warning	; $R/.ecocheck.ini:2$" out &&
	grep -q "^type = file	; .*community-health.ini:[0-9]*$" out &&
	grep -q "^min_bytes = 5	; --set$" out
'

test_expect_success 'malformed INI in the repository: file:line, exit 2, nothing judged' '
	printf "[code-of-conduct]\nlevel = warning\nthis line is wrong\n" >"$R/.ecocheck.ini" &&
	test_expect_code 2 "$ECOCHECK" -r community-health "$R" >out 2>err &&
	test ! -s out &&
	test_line_count 1 err &&
	grep -q "^ecocheck: $R/.ecocheck.ini:3: syntax error" err
'

test_expect_success 'an unknown key: file:line and a suggestion' '
	printf "[code-of-conduct]\nlevle = warning\n" >"$R/.ecocheck.ini" &&
	test_expect_code 2 "$ECOCHECK" -r community-health --format json "$R" >out 2>err &&
	test ! -s out &&
	grep -q "^ecocheck: $R/.ecocheck.ini:2: rule .code-of-conduct.: unknown key .levle. for type file (did you mean .level.?)$" err
'

test_expect_success 'an error quoting the repository never passes control characters' '
	printf "[code-of-conduct]\nle\033[2Jvel = warning\n" >"$R/.ecocheck.ini" &&
	test_expect_code 2 "$ECOCHECK" -r community-health "$R" >out 2>err &&
	test_line_count 1 err &&
	grep -q "unknown key .le?\[2Jvel." err &&
	! grep -q "$(printf "\033")" err
'

test_expect_success 'a bad level, a bad number, an unknown type: file:line each' '
	printf "[code-of-conduct]\nlevel = severe\n" >"$R/.ecocheck.ini" &&
	test_expect_code 2 "$ECOCHECK" -r community-health "$R" 2>err >/dev/null &&
	grep -q ".ecocheck.ini:2: .*level" err &&
	printf "[readme]\nmin_bytes = lots\n" >"$R/.ecocheck.ini" &&
	test_expect_code 2 "$ECOCHECK" -r community-health "$R" 2>err >/dev/null &&
	grep -q ".ecocheck.ini:2: .*bad number .lots." err &&
	printf "[new]\ntype = magic\n" >"$R/.ecocheck.ini" &&
	test_expect_code 2 "$ECOCHECK" -r community-health "$R" 2>err >/dev/null &&
	grep -q ".ecocheck.ini:2: .*unknown type .magic." err
'

test_expect_success 'a duplicate section in a --rules file is an error' '
	printf "[a]\ntype = file\npath = X\n\n[a]\nlevel = info\n" >"$TEST_TMP/dup.ini" &&
	test_expect_code 2 "$ECOCHECK" -r "$TEST_TMP/dup.ini" "$R" 2>err >/dev/null &&
	grep -q "dup.ini:5: duplicate section \[a\] (first at line 1)" err
'

test_expect_success 'a .ecocheck.ini that is a symbolic link is not followed' '
	test_when_finished "rm -f \"\$R/.ecocheck.ini\"" &&
	rm -f "$R/.ecocheck.ini" &&
	ln -s /etc/passwd "$R/.ecocheck.ini" &&
	test_expect_code 2 "$ECOCHECK" -r community-health "$R" 2>err >/dev/null &&
	grep -q "symbolic link" err
'

test_done
