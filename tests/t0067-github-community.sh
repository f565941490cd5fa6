#!/bin/sh
# t0067-github-community.sh: the github-community rule set (GitHub's
# community profile) and the community files community-health gained:
# files where GitHub looks for them, issue and pull request templates,
# the facts only GitHub knows.
. "$(dirname "$0")/lib.sh"

if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_done
fi

G=$TEST_TMP/profile
make_repo "$G" .github/README.md docs/CODE_OF_CONDUCT.md CONTRIBUTING.md \
	LICENSE .github/SECURITY.md .github/ISSUE_TEMPLATE/bug.yml \
	.github/pull_request_template.md SUPPORT.md >/dev/null

test_expect_success 'every file of the profile found where GitHub looks; the facts unknown' '
	ec_json 0 -r github-community "$G" &&
	for id in readme code-of-conduct contributing license security \
		issue-templates pull-request-template support; do
		test_eq "$(result_of $id)" pass || return 1
	done &&
	test_eq "$(result_of description)" unknown &&
	test_eq "$(result_of content-reports)" unknown &&
	test_eq "$(result_of readme "evidence[0].path")" .github/README.md &&
	test_eq "$(result_of code-of-conduct "evidence[0].path")" docs/CODE_OF_CONDUCT.md
'

test_expect_success 'the facts given: everything passes, even under --strict' '
	ec_json 0 --strict -r github-community --fact description=yes \
		--fact content-reports=yes "$G" &&
	jq -c ".results[] | select(.result != \"pass\")" "$TEST_TMP/out.json" >not-passed &&
	test_line_count 0 not-passed
'

test_expect_success 'GitHub reads the license at the root only; community-health also in .github/' '
	git -C "$G" mv LICENSE .github/LICENSE &&
	test_when_finished "git -C \"\$TEST_TMP/profile\" mv .github/LICENSE LICENSE" &&
	ec_json 1 -r github-community "$G" &&
	test_eq "$(result_of license)" fail &&
	ec_json 0 -r community-health "$G" &&
	test_eq "$(result_of license)" pass
'

test_expect_success 'the template chooser config alone is no issue template' '
	git -C "$G" mv .github/ISSUE_TEMPLATE/bug.yml bug.yml.off &&
	test_when_finished "git -C \"\$TEST_TMP/profile\" mv bug.yml.off .github/ISSUE_TEMPLATE/bug.yml" &&
	printf "blank_issues_enabled: false\n" >"$G/.github/ISSUE_TEMPLATE/config.yml" &&
	test_when_finished "rm -f \"\$TEST_TMP/profile/.github/ISSUE_TEMPLATE/config.yml\"" &&
	ec_json 1 -r github-community "$G" &&
	test_eq "$(result_of issue-templates)" fail &&
	result_of issue-templates message | grep "ISSUE_TEMPLATE/\*.md"
'

test_expect_success 'a single issue_template.md at the root or in docs/, any case, counts' '
	git -C "$G" mv .github/ISSUE_TEMPLATE/bug.yml bug.yml.off &&
	test_when_finished "git -C \"\$TEST_TMP/profile\" mv bug.yml.off .github/ISSUE_TEMPLATE/bug.yml" &&
	echo "What happened?" >"$G/issue_template.md" &&
	ec_json 0 -r github-community "$G" &&
	test_eq "$(result_of issue-templates "evidence[0].path")" issue_template.md &&
	mv "$G/issue_template.md" "$G/docs/ISSUE_TEMPLATE.md" &&
	ec_json 0 -r github-community "$G" &&
	test_eq "$(result_of issue-templates "evidence[0].path")" docs/ISSUE_TEMPLATE.md &&
	rm "$G/docs/ISSUE_TEMPLATE.md"
'

test_expect_success 'pull request templates in PULL_REQUEST_TEMPLATE/ count' '
	git -C "$G" rm -q .github/pull_request_template.md &&
	test_when_finished "git -C \"\$TEST_TMP/profile\" checkout -q HEAD -- .github/pull_request_template.md" &&
	ec_json 1 -r github-community "$G" &&
	test_eq "$(result_of pull-request-template)" fail &&
	mkdir -p "$G/.github/PULL_REQUEST_TEMPLATE" &&
	echo "## Feature" >"$G/.github/PULL_REQUEST_TEMPLATE/feature.md" &&
	test_when_finished "rm -rf \"\$TEST_TMP/profile/.github/PULL_REQUEST_TEMPLATE\"" &&
	ec_json 0 -r github-community "$G" &&
	test_eq "$(result_of pull-request-template "evidence[0].path")" .github/PULL_REQUEST_TEMPLATE/feature.md
'

E=$TEST_TMP/bare-minimum
make_repo "$E" README.md LICENSE.md >/dev/null

test_expect_success 'a project with only a README and a license: each missing item fails, named' '
	ec_json 1 -r github-community "$E" &&
	for id in code-of-conduct contributing security issue-templates pull-request-template; do
		test_eq "$(result_of $id)" fail &&
		test_eq "$(result_of $id level)" error || return 1
	done &&
	test_eq "$(result_of support)" fail &&
	test_eq "$(result_of support level)" warning &&
	test_eq "$(result_of readme)" pass
'

test_expect_success 'community-health: changelog, templates at level warning; NEWS and docs pages count' '
	ec_json 1 -r community-health "$E" &&
	for id in changelog issue-templates pull-request-template; do
		test_eq "$(result_of $id)" fail &&
		test_eq "$(result_of $id level)" warning || return 1
	done &&
	echo "## 1.0" >"$E/NEWS.md" &&
	ec_json 1 -r community-health "$E" &&
	test_eq "$(result_of changelog "evidence[0].path")" NEWS.md &&
	rm "$E/NEWS.md" &&
	mkdir -p "$E/docs/source" && echo "Release notes" >"$E/docs/source/release-notes.rst" &&
	ec_json 1 -r community-health "$E" &&
	test_eq "$(result_of changelog "evidence[0].path")" docs/source/release-notes.rst
'

test_done
