#!/bin/sh
# t0069-workflows.sh: the workflows rule type on GitHub Actions workflows
# shaped as OpenSSF Scorecard documents its Token-Permissions,
# Dangerous-Workflow and Pinned-Dependencies checks: each problem with
# its file and line, what is safe left alone.
. "$(dirname "$0")/lib.sh"

if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_done
fi

for c in permissions dangerous pinned; do
	printf '[wf]\ntype = workflows\nlevel = error\ncheck = %s\n' "$c" \
		>"$TEST_TMP/$c.ini"
done

W=$TEST_TMP/wf
make_repo "$W" README.md >/dev/null
mkdir -p "$W/.github/workflows"

# workflow NAME: the workflow from standard input, alone in the repository.
workflow() {
	rm -f "$W"/.github/workflows/* &&
	cat >"$W/.github/workflows/$1"
}

# judge CHECK STATUS: run the rule; its result, value and evidence.
judge() {
	ec_json "$2" -r "$TEST_TMP/$1.ini" "$W" &&
	result_of wf "evidence[] | \"\\(.path):\\(.line) \\(.note)\"" >evidence
}

test_expect_success 'no workflow: skipped, not passed' '
	rm -f "$W"/.github/workflows/* &&
	judge permissions 0 &&
	test_eq "$(result_of wf)" skip
'

test_expect_success 'permissions: a workflow without a top-level block fails at its first line' '
	workflow ci.yml <<-\EOF &&
	on: push
	jobs:
	  test:
	    runs-on: ubuntu-latest
	    permissions:
	      contents: read
	    steps:
	      - run: make check
	EOF
	judge permissions 1 &&
	test_eq "$(cat evidence)" ".github/workflows/ci.yml:1 no top-level permissions"
'

test_expect_success 'permissions: write-all fails at its line; read-all, {} and scopes pass' '
	workflow ci.yml <<-\EOF &&
	on: push
	permissions: write-all
	jobs: {}
	EOF
	judge permissions 1 &&
	test_eq "$(cat evidence)" ".github/workflows/ci.yml:2 permissions: write-all" &&
	for p in "read-all" "{}" "\n  contents: read"; do
		printf "on: push\npermissions: $p\njobs: {}\n" >"$W/.github/workflows/ci.yml" &&
		judge permissions 0 &&
		test_eq "$(result_of wf)" pass || return 1
	done
'

test_expect_success 'permissions: a write scope at the top passes, with a detail' '
	workflow release.yaml <<-\EOF &&
	on:
	  push:
	    tags: ["v*"]
	permissions:
	  contents: write
	jobs: {}
	EOF
	judge permissions 0 &&
	result_of wf "details[]" | grep "^.github/workflows/release.yaml:5 grants contents: write at the top level"
'

test_expect_success 'dangerous: pull_request_target checking out the head fails at the checkout' '
	workflow triage.yml <<-\EOF &&
	on: pull_request_target
	permissions:
	  contents: read
	jobs:
	  build:
	    runs-on: ubuntu-latest
	    steps:
	      - uses: actions/checkout@v4
	        with:
	          ref: ${{ github.event.pull_request.head.sha }}
	      - run: make
	EOF
	judge dangerous 1 &&
	test_eq "$(cat evidence)" ".github/workflows/triage.yml:8 pull_request_target checks out the pull request'"'"'s code (ref: \${{ github.event.pull_request.head.sha }})"
'

test_expect_success 'dangerous: the same checkout on pull_request, or of the base, is safe' '
	sed "s/pull_request_target/pull_request/" "$W/.github/workflows/triage.yml" >x &&
	mv x "$W/.github/workflows/triage.yml" &&
	judge dangerous 0 &&
	test_eq "$(result_of wf)" pass &&
	workflow label.yml <<-\EOF &&
	on: [pull_request_target]
	jobs:
	  label:
	    runs-on: ubuntu-latest
	    steps:
	      - uses: actions/checkout@v4
	      - uses: actions/labeler@v5
	EOF
	judge dangerous 0 &&
	test_eq "$(result_of wf)" pass
'

test_expect_success 'dangerous: workflow_run checking out the head commit fails' '
	workflow after.yml <<-\EOF &&
	on:
	  workflow_run:
	    workflows: [CI]
	    types: [completed]
	jobs:
	  report:
	    runs-on: ubuntu-latest
	    steps:
	      - name: get the code
	        uses: actions/checkout@v4
	        with:
	          ref: ${{ github.event.workflow_run.head_sha }}
	EOF
	judge dangerous 1 &&
	grep "^.github/workflows/after.yml:10 workflow_run checks out" evidence
'

test_expect_success 'dangerous: a script expanding an issue title fails at its line; through env: it is safe' '
	workflow greet.yml <<-\EOF &&
	on: issues
	jobs:
	  greet:
	    runs-on: ubuntu-latest
	    steps:
	      - run: |
	          echo "thanks"
	          echo "${{ github.event.issue.title }}"
	      - run: echo "${{ github.sha }} ${{ matrix.python }}"
	      - run: echo "${{ github.event.release.body }} ${{ github.event.inputs.title }}"
	EOF
	judge dangerous 1 &&
	test_eq "$(cat evidence)" ".github/workflows/greet.yml:8 a script expands \${{ github.event.issue.title }}" &&
	workflow greet.yml <<-\EOF &&
	on: issues
	jobs:
	  greet:
	    runs-on: ubuntu-latest
	    steps:
	      - env:
	          TITLE: ${{ github.event.issue.title }}
	        run: echo "$TITLE"
	EOF
	judge dangerous 0 &&
	test_eq "$(result_of wf)" pass
'

test_expect_success 'dangerous: a branch name is untrusted too' '
	workflow pr.yml <<-\EOF &&
	on: pull_request
	jobs:
	  b:
	    runs-on: ubuntu-latest
	    steps:
	      - run: git push origin ${{ github.head_ref }}
	EOF
	judge dangerous 1 &&
	grep "pr.yml:6 a script expands \${{ github.head_ref }}" evidence
'

test_expect_success 'pinned: tags, branches and docker tags fail; commits, digests and local actions pass' '
	workflow ci.yml <<-\EOF &&
	on: push
	jobs:
	  test:
	    runs-on: ubuntu-latest
	    steps:
	      - uses: actions/checkout@v4
	      - uses: actions/setup-python@0b93645e9fea7318ecaed2b359559ac225c90a2b # v5
	      - uses: ./.github/actions/build
	      - uses: docker://alpine:3.20
	      - uses: docker://alpine@sha256:0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5
	  docs:
	    uses: org/shared/.github/workflows/docs.yml@main
	EOF
	judge pinned 1 &&
	test_eq "$(result_of wf value)" 3 &&
	cat >want <<-\EOF &&
	.github/workflows/ci.yml:6 actions/checkout@v4 is not pinned to a commit
	.github/workflows/ci.yml:9 docker://alpine:3.20 is not pinned to a commit
	.github/workflows/ci.yml:12 org/shared/.github/workflows/docs.yml@main is not pinned to a commit
	EOF
	test_cmp want evidence &&
	result_of wf message | grep "^3 problems in 1 workflow: "
'

test_expect_success 'pinned: every use pinned passes, counting them' '
	workflow ci.yml <<-\EOF &&
	on: push
	jobs:
	  test:
	    runs-on: ubuntu-latest
	    steps:
	      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683
	      - uses: ./local
	EOF
	judge pinned 0 &&
	result_of wf message | grep "^the 2 actions and reusable workflows used are pinned to commits$"
'

test_expect_success 'a workflow that is not YAML is unknown for permissions, named' '
	printf "on: push\njobs: [unclosed\n" >"$W/.github/workflows/broken.yml" &&
	printf "on: push\npermissions: read-all\njobs: {}\n" >"$W/.github/workflows/ok.yml" &&
	rm -f "$W/.github/workflows/ci.yml" &&
	judge permissions 0 &&
	test_eq "$(result_of wf)" unknown &&
	result_of wf message | grep "^.github/workflows/broken.yml:[0-9]* cannot be read as a workflow (not YAML: "
'

test_expect_success 'a workflow that is a symbolic link is named by the read judge' '
	rm -f "$W"/.github/workflows/* &&
	printf "on: push\n" >"$W/real.yml" &&
	ln -s ../../real.yml "$W/.github/workflows/link.yml" &&
	judge permissions 1 &&
	result_of wf message | grep "^.github/workflows/link.yml is a symbolic link to ../../real.yml" &&
	rm "$W/.github/workflows/link.yml" "$W/real.yml"
'

test_expect_success 'every tree source says the same' '
	workflow ci.yml <<-\EOF &&
	on: push
	jobs:
	  t:
	    runs-on: ubuntu-latest
	    steps:
	      - uses: actions/checkout@v4
	EOF
	git -C "$W" add -A && test_tick && git -C "$W" commit -q -m workflows &&
	for src in "" "--rev HEAD" "--staged --absolute"; do
		ec_json 1 -r "$TEST_TMP/pinned.ini" $src "$W" &&
		test_eq "$(result_of wf "evidence[0].line")" 6 || return 1
	done
'

test_done
