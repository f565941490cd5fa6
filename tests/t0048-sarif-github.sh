#!/bin/sh
# t0048-sarif-github.sh: the sarif format is SARIF 2.1.0 as GitHub code
# scanning takes it (a rule descriptor per rule, a location for every
# result, levels from the Working Group's statuses, fingerprints that do
# not move with line numbers), checked by the SARIF multitool's validator
# when it is installed (.ci/run installs it; SARIF_MULTITOOL names it);
# the github format is workflow commands no repository text can break.
. "$(dirname "$0")/lib.sh"

if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_done
fi

# The validators, as .ci/run installs them from the npm registry into the
# directory SARIF_TOOLS (npm install --prefix DIR
# @microsoft/sarif-multitool-linux ajv-cli ajv-formats): the SARIF
# multitool, whose validate command applies the SARIF and GitHub rules,
# and ajv with the SARIF 2.1.0 JSON schema the multitool ships, which
# checks the log against the schema itself (the multitool says nothing of
# a log its object model cannot read, such as a level "fatal").
DOTNET_CLI_TELEMETRY_OPTOUT=1
DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
export DOTNET_CLI_TELEMETRY_OPTOUT DOTNET_SYSTEM_GLOBALIZATION_INVARIANT
tools=${SARIF_TOOLS:-}/node_modules
multitool=$tools/@microsoft/sarif-multitool-linux/Sarif.Multitool
schema=$tools/@microsoft/sarif-multitool-linux/sarif-2.1.0.json
ajv=$tools/.bin/ajv
if [ -z "${SARIF_TOOLS:-}" ]; then
	echo "# SARIF_TOOLS is not set: no SARIF validator (.ci/run installs them from the npm registry)"
elif ! "$multitool" --version >/dev/null 2>&1; then
	echo "# the SARIF multitool $multitool does not run"
else
	test_set_prereq SARIF_MULTITOOL
fi
if [ -n "${SARIF_TOOLS:-}" ] && [ -f "$schema" ] && "$ajv" help >/dev/null 2>&1; then
	test_set_prereq SARIF_SCHEMA
elif [ -n "${SARIF_TOOLS:-}" ]; then
	echo "# no ajv or no SARIF schema under $SARIF_TOOLS"
fi

LOGS=$TEST_TMP/logs
mkdir -p "$LOGS"

# sarif NAME ARGS...: the SARIF log of ecocheck ARGS... in $LOGS/NAME.sarif,
# kept for the validator; the exit status in sarif_status.
sarif() {
	_name=$1
	shift
	sarif_status=0
	"$ECOCHECK" --format sarif "$@" >"$LOGS/$_name.sarif" 2>"$TEST_TMP/err" ||
		sarif_status=$?
}

R=$TEST_TMP/repo
test_tick
git init -q "$R" &&
printf '# demo\n\nDemo does things for the people who need them done.\n' >"$R/README.md" &&
printf 'torch<2.0\n' >"$R/requirements.txt" &&
cp "$ECOCHECK_SRCDIR/LICENSE.md" "$R/LICENSE" &&
git -C "$R" add -A && git -C "$R" commit -qm one || exit 99

test_expect_success 'a SARIF 2.1.0 log: one run, a descriptor per rule, the commit, the category' '
	sarif one --as-of HEAD "$R" && test_eq "$sarif_status" 1 &&
	ec_json 1 --as-of HEAD "$R" &&
	test_eq "$(jq -r .version "$LOGS/one.sarif")" 2.1.0 &&
	jq -e ".\"\$schema\" | test(\"sarif-2.1.0\")" "$LOGS/one.sarif" &&
	test_eq "$(jq ".runs | length" "$LOGS/one.sarif")" 1 &&
	jq -r ".runs[0].tool.driver.rules[].id" "$LOGS/one.sarif" >ids &&
	jq -r ".results[].rule" out.json >want &&
	test_cmp want ids &&
	jq -e ".runs[0].tool.driver | .name == \"ecocheck\" and
		(.version | length > 0) and (.informationUri | startswith(\"https://\"))" \
		"$LOGS/one.sarif" &&
	jq -e --arg ver "$("$ECOCHECK" --version | sed "s/.* //")" "[.runs[0].tool.driver.rules[] | select(
		(.shortDescription.text | length) > 0 and
		(.fullDescription.text | length) > 0 and
		(.help.text | contains(\"ecocheck-rules(7)\")) and
		(.helpUri == \"https://github.com/ecocheck/ecocheck/blob/v\" +
			\$ver + \"/man/ecocheck-rules.7#\" + .id))] | length == 22" \
		"$LOGS/one.sarif" &&
	jq -e ".runs[0].tool.driver.rules[] | select(.id == \"governance\") |
		.properties.requirements == [3] and .properties.tags == [\"3 Governance\"] and
		.defaultConfiguration.level == \"error\"" "$LOGS/one.sarif" &&
	test_eq "$(jq -r ".runs[0].automationDetails.id" "$LOGS/one.sarif")" \
		ecocheck/pytorch-ecosystem/ &&
	test_eq "$(jq -r ".runs[0].versionControlProvenance[0].revisionId" "$LOGS/one.sarif")" \
		"$(git -C "$R" rev-parse HEAD)" &&
	jq -e ".runs[0].invocations == [{\"executionSuccessful\": true}]" "$LOGS/one.sarif"
'

test_expect_success 'levels follow the statuses: Fail error, Caution warning, judgment note, no pass' '
	jq -r ".results[] | select(.status != \"pass\" and .status != \"skip\") |
		.rule + \" \" + ({fail: \"error\", caution: \"warning\", judgment: \"note\"}[.status])" \
		out.json >want &&
	jq -r ".runs[0].results[] | .ruleId + \" \" + .level" "$LOGS/one.sarif" >got &&
	test_cmp want got &&
	grep -qx "license-file warning" got &&
	grep -qx "stars note" got &&
	grep -qx "governance error" got &&
	! grep -q "^readme " got &&
	jq -e ".runs[0] as \$run | [\$run.results[] |
		select(\$run.tool.driver.rules[.ruleIndex].id != .ruleId)] | length == 0" \
		"$LOGS/one.sarif"
'

# loc RULE: the path:line of the result of RULE in $LOGS/one.sarif.
loc() {
	jq -r --arg r "$1" ".runs[0].results[] | select(.ruleId == \$r) |
		.locations[0].physicalLocation |
		.artifactLocation.uri + \":\" + (.region.startLine | tostring)" \
		"$LOGS/one.sarif"
}

test_expect_success 'every result has a location: its evidence, else the README' '
	jq -e "[.runs[0].results[] | select((.locations | length) != 1 or
		(.locations[0].physicalLocation.artifactLocation.uri | length) == 0 or
		.locations[0].physicalLocation.region.startLine < 1)] | length == 0" \
		"$LOGS/one.sarif" &&
	test_eq "$(loc pytorch-support)" requirements.txt:1 &&
	test_eq "$(loc license-file)" LICENSE:1 &&
	test_eq "$(loc governance)" README.md:1 &&
	test_eq "$(loc commits)" README.md:1 &&
	test_eq "$(loc contributors)" README.md:1
'

test_expect_success 'without a README a result is placed on the file its rule asks for' '
	git init -q bare-r &&
	echo x >bare-r/setup.py && git -C bare-r add -A && git -C bare-r commit -qm x &&
	sarif noreadme --as-of HEAD bare-r && test_eq "$sarif_status" 1 &&
	jq -r ".runs[0].results[] | select(.ruleId == \"license-file\" or .ruleId == \"commits\") |
		.ruleId + \" \" + .locations[0].physicalLocation.artifactLocation.uri" \
		"$LOGS/noreadme.sarif" >got &&
	printf "commits README.md\nlicense-file LICENSE.md\n" >want &&
	test_cmp want got
'

# A file whose name holds a line break, "::" and the escapes themselves.
W=$TEST_TMP/weird
WD=$(printf 'docs/a\n::error file=evil::injected,%%0Ab')
git init -q "$W" &&
echo "# weird" >"$W/README.md" &&
mkdir -p "$W/$WD" && echo "how we decide" >"$W/$WD/governance.md" &&
git -C "$W" add -A && git -C "$W" commit -qm weird || exit 99
cat >"$TEST_TMP/w.ini" <<'INI'
[ruleset]
name = weird
[w]
type = file
path = NOPE.md
accept = /docs/**/governance.md
title = a title: with, punctuation
[gone]
type = file
path = MISSING.md
[fact]
type = fact
fact = stars
min = 1
INI

test_expect_success 'github: one command a result that is not a pass, then a summary' '
	test_expect_code 1 "$ECOCHECK" --format github --as-of HEAD "$R" >gh &&
	ec_json 1 --as-of HEAD "$R" &&
	jq -r ".results[] | select(.status != \"pass\" and .status != \"skip\") |
		({fail: \"error\", caution: \"warning\", judgment: \"notice\"}[.status]) + \" \" + .rule" \
		out.json >want &&
	sed -n "s/^::\([a-z]*\) .*title=\([a-z-]*\).*/\1 \2/p" gh >got &&
	test_cmp want got &&
	test_eq "$(grep -c "^::" gh)" "$(($(wc -l <gh) - 1))" &&
	grep -q "^::warning file=LICENSE,title=license-file%3A LICENSE.md at the repository root::LICENSE found, but LICENSE.md is asked for; fix: rename LICENSE to LICENSE.md$" gh &&
	grep -q "^::error title=commits%3A at least 30 commits in the last 90 days::1 commit in the 90 days" gh &&
	tail -n 1 gh >last &&
	grep -q "^ecocheck: .*repo: 14 fail, 2 caution, 2 judgment, 4 pass, 0 skip (rule set pytorch-ecosystem)$" last
'

test_expect_success 'github: a file name or message cannot start a second command' '
	test_expect_code 1 "$ECOCHECK" --format github -r "$TEST_TMP/w.ini" "$W" >gh &&
	test_line_count 4 gh &&
	test_eq "$(grep -c "^::" gh)" 3 &&
	grep "^::warning " gh >w &&
	test_line_count 1 w &&
	grep -qF "::warning file=docs/a%0A%3A%3Aerror file=evil%3A%3Ainjected%2C%250Ab/governance.md,title=w%3A a title%3A with%2C punctuation::docs/a%0A::error file=evil::injected,%250Ab/governance.md found, but NOPE.md is asked for; fix: rename " w &&
	grep -q "^::error title=gone::no MISSING.md" gh &&
	grep -q "^::notice title=fact::stars cannot be seen offline" gh
'

test_expect_success 'fingerprints stay when only line numbers and counts change' '
	jq -r ".runs[0].results[] | .ruleId + \" \" + .partialFingerprints[\"ecocheck/v1\"]" \
		"$LOGS/one.sarif" >before &&
	test_tick &&
	printf "# pinned for now\n\ntorch<2.0\n" >"$R/requirements.txt" &&
	git -C "$R" commit -qam two &&
	sarif two --as-of HEAD "$R" && test_eq "$sarif_status" 1 &&
	jq -r ".runs[0].results[] | .ruleId + \" \" + .partialFingerprints[\"ecocheck/v1\"]" \
		"$LOGS/two.sarif" >after &&
	test_cmp before after &&
	jq -r ".runs[0].results[] | select(.ruleId == \"pytorch-support\") |
		.locations[0].physicalLocation.region.startLine" "$LOGS/two.sarif" >line &&
	echo 3 >want && test_cmp want line &&
	jq -r ".runs[0].results[] | select(.ruleId == \"commits\") | .message.text" \
		"$LOGS/two.sarif" >msg &&
	grep -q "^2 commits" msg &&
	jq -e "[.runs[0].results[] | select(.partialFingerprints.primaryLocationLineHash !=
		.partialFingerprints[\"ecocheck/v1\"])] | length == 0" "$LOGS/two.sarif"
'

test_expect_success 'a result saying another thing has another fingerprint' '
	test_tick &&
	printf "torch>=2.14\n" >"$R/requirements.txt" &&
	git -C "$R" commit -qam three &&
	sarif three --as-of HEAD "$R" &&
	jq -r ".runs[0].results[] | .ruleId + \" \" + .partialFingerprints[\"ecocheck/v1\"]" \
		"$LOGS/three.sarif" >now &&
	! grep -q "^pytorch-support " now &&
	grep "^maintenance " before >m.before &&
	grep "^maintenance " now >m.now &&
	! test_cmp m.before m.now 2>/dev/null
'

test_expect_success 'several repositories: a run each; one not checked did not succeed' '
	sarif many --as-of HEAD "$R" bare-r "$TEST_TMP/nowhere" &&
	test_eq "$sarif_status" 2 &&
	test_eq "$(jq ".runs | length" "$LOGS/many.sarif")" 3 &&
	jq -r ".runs[].invocations[0].executionSuccessful" "$LOGS/many.sarif" >got &&
	printf "true\ntrue\nfalse\n" >want && test_cmp want got &&
	jq -r ".runs[2].invocations[0].toolExecutionNotifications[0].message.text" \
		"$LOGS/many.sarif" >got &&
	grep -q "could not check .*nowhere" got &&
	test_eq "$(jq ".runs[2].results | length" "$LOGS/many.sarif")" 0
'

test_expect_success 'sarif: such a file name is an escaped URI and the message stays text' '
	sarif weird -r "$TEST_TMP/w.ini" "$W" && test_eq "$sarif_status" 1 &&
	jq -r ".runs[0].results[] | select(.ruleId == \"w\") |
		.locations[0].physicalLocation.artifactLocation.uri" "$LOGS/weird.sarif" >got &&
	echo "docs/a%0A%3A%3Aerror%20file%3Devil%3A%3Ainjected%2C%250Ab/governance.md" >want &&
	test_cmp want got &&
	jq -r ".runs[0].results[] | select(.ruleId == \"w\") | .message.text" \
		"$LOGS/weird.sarif" >msg &&
	grep -q "^::error file=evil::injected,%0Ab/governance.md found" msg
'

test_expect_success 'in every log every result has one location and its related ones unique' '
	for f in "$LOGS"/*.sarif; do
		test -s "$f" &&
		jq -e "(.runs | length) > 0 and
			([.runs[].results[]] | length) > 0 and
			([.runs[].results[] | select((.locations | length) != 1 or
			(.relatedLocations // [] | length) !=
			(.relatedLocations // [] | unique | length))] | length == 0)" \
			"$f" >/dev/null || exit 1
	done &&
	ls "$LOGS"/*.sarif >loglist &&
	test_line_count 6 loglist
'

test_expect_success SARIF_SCHEMA 'every log is valid against the SARIF 2.1.0 schema' '
	mkdir json &&
	for f in "$LOGS"/*.sarif; do
		cp "$f" "json/$(basename "$f" .sarif).json" || exit 1
	done &&
	ls json >jsonlist &&
	test_line_count 6 jsonlist &&
	test_expect_code 0 "$ajv" validate --spec=draft2020 -c ajv-formats \
		--strict=false --all-errors --errors=text -s "$schema" \
		-d "json/*.json" >ajv.out 2>&1 &&
	cat ajv.out &&
	test_eq "$(grep -c " valid$" ajv.out)" 6 &&
	jq ".runs[0].results[0].level = \"fatal\"" json/one.json >bad.json &&
	test_expect_code 1 "$ajv" validate --spec=draft2020 -c ajv-formats \
		--strict=false -s "$schema" -d bad.json >bad.out 2>&1 &&
	grep -q "bad.json invalid" bad.out
'

test_expect_success SARIF_MULTITOOL 'the SARIF multitool finds every log valid, GitHub rules included' '
	ls "$LOGS"/*.sarif >loglist &&
	test_line_count 6 loglist &&
	test_expect_code 0 "$multitool" validate --rule-kind "Sarif;Gh" \
		-o verdict.sarif $(cat loglist) >validator.out 2>&1 &&
	cat validator.out &&
	grep -q "^Done. 6 files scanned" validator.out &&
	! grep -E "(error|warning) (SARIF|GH)[0-9]" validator.out &&
	test_eq "$(jq "[.runs[].results[]] | length" verdict.sarif)" 0 &&
	jq "del(.runs[0].results[0].locations)" "$LOGS/one.sarif" >noloc.sarif &&
	test_expect_code 0 "$multitool" validate --rule-kind "Sarif;Gh" \
		-o noloc.verdict noloc.sarif >noloc.out 2>&1 &&
	grep -q "error GH[0-9]*: runs\[0\].results\[0\]: .*locations" noloc.out
'

test_done
