#!/bin/sh
# t0071-checklists.sh: the clomonitor and osps-baseline rule sets on
# repositories built on the fly: a project that keeps everything passes
# every rule a checkout decides, the rest unknown with what to check; each
# missing piece fails by itself, named.
. "$(dirname "$0")/lib.sh"

if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_done
fi

FIX=$ECOCHECK_SRCDIR/tests/fixtures/licenses

# not_passed: the rules of out.json that did not pass, "rule result", sorted.
not_passed() {
	jq -r ".results[] | select(.result != \"pass\") | .rule + \" \" + .result" \
		"$TEST_TMP/out.json" | sort
}

C=$TEST_TMP/complete
make_repo "$C" ADOPTERS.md CHANGELOG.md CODE_OF_CONDUCT.md GOVERNANCE.md \
	MAINTAINERS.md ROADMAP.md docs/guide.md .github/ISSUE_TEMPLATE/bug.md \
	pyproject.toml >/dev/null
cp "$FIX/apache-plain.txt" "$C/LICENSE"
cat >"$C/README.md" <<'EOF_MD'
# Complete

[![OpenSSF Best Practices](https://www.bestpractices.dev/projects/1234/badge)](https://www.bestpractices.dev/projects/1234)
[![FOSSA](https://app.fossa.com/api/projects/x.svg)](https://app.fossa.com/projects/git%2Bgithub.com%2Fdemo%2Fcomplete)

## Usage

Run it. The community meeting is on Thursdays.
EOF_MD
cat >"$C/CONTRIBUTING.md" <<'EOF_MD'
# Contributing

Discuss changes in the issue tracker. Sign off each commit
(Developer Certificate of Origin): `git commit -s`.
EOF_MD
printf '# Security\n\nWrite to security@example.org.\n' >"$C/SECURITY.md"
mkdir -p "$C/.github/workflows"
printf 'version: 2\nupdates: []\n' >"$C/.github/dependabot.yml"
cat >"$C/.github/workflows/ci.yml" <<'EOF_YML'
on: [push, pull_request]
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
      - run: make check
EOF_YML
git -C "$C" add -A
test_tick
git -C "$C" commit -q -m "the project"

test_expect_success 'clomonitor: a complete project passes every check a checkout decides' '
	ec_json 0 -r clomonitor "$C" &&
	not_passed >got &&
	printf "code-review unknown\nrecent-release unknown\nwebsite unknown\n" >want &&
	test_cmp want got
'

test_expect_success 'clomonitor: README headings and links stand for the files' '
	git -C "$C" rm -q ADOPTERS.md ROADMAP.md GOVERNANCE.md &&
	test_when_finished "git -C \"\$TEST_TMP/complete\" checkout -q HEAD -- ADOPTERS.md ROADMAP.md GOVERNANCE.md" &&
	cp "$C/README.md" readme.saved &&
	test_when_finished "cp readme.saved \"\$TEST_TMP/complete/README.md\"" &&
	printf "\n## Adopters\n\nSee [our roadmap](https://example.org/roadmap).\n" >>"$C/README.md" &&
	ec_json 1 -r clomonitor "$C" &&
	test_eq "$(result_of adopters)" pass &&
	test_eq "$(result_of roadmap)" pass &&
	test_eq "$(result_of governance)" fail &&
	test_eq "$(result_of governance level)" error
'

test_expect_success 'clomonitor: an LGPL project has its SPDX id but not an approved license' '
	cp "$FIX/lgpl-2.1.txt" "$C/LICENSE" &&
	test_when_finished "cp \"\$ECOCHECK_SRCDIR/tests/fixtures/licenses/apache-plain.txt\" \"\$TEST_TMP/complete/LICENSE\"" &&
	ec_json 1 -r clomonitor "$C" &&
	test_eq "$(result_of license-spdx-id)" pass &&
	test_eq "$(result_of license-approved)" fail &&
	result_of license-approved message | grep "LGPL-2.1-only"
'

test_expect_success 'markdown: a rule set without requirements has a row per rule, titled' '
	"$ECOCHECK" -f markdown -r clomonitor "$C" >review.md &&
	ec_json 0 -r clomonitor "$C" &&
	test_eq "$(grep -c "^| " review.md)" "$(($(jq ".results | length" "$TEST_TMP/out.json") + 2))" &&
	grep -q "^| a README (CLOMonitor: readme) | ✅ Pass | found README.md |$" review.md &&
	grep -q "^| a website URL in the repository'"'"'s settings (CLOMonitor: website) | ❓ Needs human judgment | " review.md &&
	grep -q "^#### Checks$" review.md &&
	test_must_fail grep -q "adopters-readme" review.md
'

B=$TEST_TMP/bare-minimum
make_repo "$B" README.md >/dev/null

test_expect_success 'clomonitor: a README alone fails each missing check, at its level' '
	ec_json 1 -r clomonitor "$B" &&
	for id in code-of-conduct contributing governance maintainers \
		license-spdx-id license-approved security-policy; do
		test_eq "$id $(result_of $id) $(result_of $id level)" "$id fail error" || return 1
	done &&
	for id in adopters changelog roadmap license-scanning dco-cla \
		openssf-badge dependency-update-tool; do
		test_eq "$id $(result_of $id) $(result_of $id level)" "$id fail warning" || return 1
	done &&
	test_eq "$(result_of readme)" pass &&
	test_eq "$(result_of dangerous-workflow)" skip
'

test_expect_success 'osps-baseline: every decidable control passes; the others unknown, each saying what to check' '
	ec_json 0 -r osps-baseline "$C" &&
	jq -r ".results[] | select(.result == \"pass\") | .rule" "$TEST_TMP/out.json" >passed &&
	cat >want <<-\EOF &&
	osps-br-01-01
	osps-br-01-03
	osps-do-01-01
	osps-do-02-01
	osps-gv-02-01
	osps-gv-03-01
	osps-le-02-01
	osps-le-03-01
	osps-qa-01-02
	osps-qa-02-01
	osps-qa-05-01
	osps-qa-05-02
	osps-vm-02-01
	EOF
	test_cmp want passed &&
	jq -r ".results[] | select(.result != \"pass\") | .result" "$TEST_TMP/out.json" | sort -u >others &&
	echo unknown >want &&
	test_cmp want others &&
	test_eq "$(jq "[.results[] | select(.result == \"unknown\" and (.fix | length) == 0)] | length" "$TEST_TMP/out.json")" 0
'

test_expect_success 'osps-baseline: the facts given, a control passes' '
	ec_json 0 -r osps-baseline --fact mfa=yes "$C" &&
	test_eq "$(result_of osps-ac-01-01)" pass
'

test_expect_success 'osps-baseline: a committed executable and a SECURITY.md without a contact fail' '
	{ printf "\177ELF\002\001\001\000" && head -c 56 /dev/zero; } >"$C/tool" &&
	printf "# Security\n\nTell us privately.\n" >"$C/SECURITY.md" &&
	test_when_finished "git -C \"\$TEST_TMP/complete\" checkout -q HEAD -- SECURITY.md && rm -f \"\$TEST_TMP/complete/tool\"" &&
	ec_json 1 -r osps-baseline "$C" &&
	test_eq "$(result_of osps-qa-05-01)" fail &&
	test_eq "$(result_of osps-qa-05-01 "evidence[0].path")" tool &&
	test_eq "$(result_of osps-vm-02-01)" fail
'

test_expect_success 'osps-baseline: a README alone fails the documents it asks for' '
	ec_json 1 -r osps-baseline "$B" &&
	for id in osps-do-01-01 osps-do-02-01 osps-gv-03-01 osps-le-02-01 \
		osps-le-03-01 osps-qa-02-01 osps-vm-02-01; do
		test_eq "$id $(result_of $id)" "$id fail" || return 1
	done &&
	test_eq "$(result_of osps-gv-02-01)" unknown &&
	test_eq "$(result_of osps-qa-01-02)" pass
'

test_done
