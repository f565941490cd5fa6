#!/bin/sh
# t0033-ci-model.sh: one CI model serves the rules that read CI files (ci,
# tests, pytorch-support): the torch versions CI names are one answer in
# every rule, and a workflow that is a symbolic link is judged as every
# other file a rule reads (named, never taken for "no CI").
. "$(dirname "$0")/lib.sh"

if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_expect_success 'path of ci and tests: several globs in one value, split by the rule set' '
	R=$TEST_TMP/globs &&
	rm -rf "$R" &&
	make_repo "$R" checks/a_check.py checks/b_check.py >/dev/null &&
	mkdir -p "$R/pipelines" &&
	printf "jobs:\n  t:\n    steps:\n      - run: pytest checks\n" >"$R/pipelines/main.yml" &&
	git -C "$R" add -A && test_tick && git -C "$R" commit -q -m globs &&
	ec_json 1 $NOHIST --set "ci.path=none.yml pipelines/*.yml" \
		--set "tests.path=nothing/* checks/*_check.py" --set tests.ci=no "$R" &&
	test_eq "$(result_of ci)" pass &&
	result_of ci message | grep -F "runs tests: pytest at pipelines/main.yml:4" &&
	test_eq "$(result_of tests)" pass &&
	test_eq "$(result_of tests value)" 2
'

test_done
fi

NOHIST="--set commits.level=off --set contributors.level=off"

# wf_repo NAME TEXT: a repository whose one workflow .github/workflows/t.yml
# has TEXT, with a test and a Python file importing torch (which no
# packaging file declares, so pytorch-support lists what the CI names).
wf_repo() {
	_r=$TEST_TMP/$1
	rm -rf "$_r" &&
	make_repo "$_r" tests/test_a.py >/dev/null &&
	echo "import torch" >"$_r/model.py" &&
	mkdir -p "$_r/.github/workflows" &&
	printf '%s\n' "$2" >"$_r/.github/workflows/t.yml" &&
	git -C "$_r" add -A &&
	test_tick &&
	git -C "$_r" commit -q -m workflow
}

# ci's detail of the torch versions the CI names, from the text report of
# repository $1.
ci_torch_detail() {
	test_expect_code 1 "$ECOCHECK" --color never $NOHIST "$1" >text &&
	sed -n "s/^ *\(torch versions the CI names: .*\)/\1/p" text
}

# The torch versions pytorch-support lists from the CI, one a line, as
# "TEXT LINE", in the order of its message.
support_ci() {
	{ result_of pytorch-support message | tr -d '\n'; echo; } |
		sed 's/), /)\n/g' | sed -n 's/^\(.* \)\{0,1\}\([^ ]*\) (the CI, [^:]*:\([0-9]*\)).*/\2 \3/p'
}

test_expect_success 'env, a torchvision matrix and pip install: one answer in ci and pytorch-support' '
	wf_repo envpip "env:
  TORCH_VERSION: \"2.14\"
jobs:
  t:
    strategy:
      matrix:
        torchvision: [\"0.29\"]
    steps:
      - run: pip install \"torch>=2.15\"
      - run: pytest" &&
	ec_json 1 $NOHIST "$TEST_TMP/envpip" &&
	test_eq "$(result_of ci)" pass &&
	test_eq "$(ci_torch_detail "$TEST_TMP/envpip")" "torch versions the CI names: 2.14, >=2.15" &&
	printf "2.14 2\n>=2.15 9\n" >expect &&
	support_ci >actual &&
	test_cmp expect actual &&
	test_eq "$(result_of pytorch-support)" pass &&
	! result_of pytorch-support message | grep -F 0.29
'

test_expect_success 'a torch matrix beside env and pip install: the same set in both rules' '
	wf_repo matrix "env:
  TORCH_VERSION: \"2.14\"
jobs:
  t:
    strategy:
      matrix:
        torch: [\"2.14\"]
    steps:
      - run: pip install \"torch>=2.15\"
      - run: pytest" &&
	ec_json 1 $NOHIST "$TEST_TMP/matrix" &&
	test_eq "$(ci_torch_detail "$TEST_TMP/matrix")" "torch versions the CI names: 2.14, >=2.15" &&
	! result_of ci message | grep -F "the only torch version" &&
	printf "2.14 2\n2.14 7\n>=2.15 9\n" >expect &&
	support_ci >actual &&
	test_cmp expect actual
'

test_expect_success 'a torch matrix alone: the only version, in both rules' '
	wf_repo only "jobs:
  t:
    strategy:
      matrix:
        torch: [\"2.14\"]
        torchaudio: [\"2.9\"]
    steps:
      - run: pytest" &&
	ec_json 1 $NOHIST "$TEST_TMP/only" &&
	result_of ci message |
		grep -F "; the only torch version it names is 2.14 (.github/workflows/t.yml:5)" &&
	printf "2.14 5\n" >expect &&
	support_ci >actual &&
	test_cmp expect actual
'

test_expect_success 'conda pytorch=X and a pinned pip torch in a block script, on their own lines' '
	wf_repo conda "jobs:
  t:
    steps:
      - run: |
          conda install pytorch=2.14 -c pytorch
          pip install torch==2.15.0+cpu torchvision==0.30
      - run: pytest" &&
	ec_json 1 $NOHIST "$TEST_TMP/conda" &&
	test_eq "$(ci_torch_detail "$TEST_TMP/conda")" "torch versions the CI names: 2.14, 2.15.0+cpu" &&
	printf "2.14 5\n==2.15.0+cpu 6\n" >expect &&
	support_ci >actual &&
	test_cmp expect actual
'

test_expect_success 'a workflow that is a symbolic link is named, never "no CI"' '
	R=$TEST_TMP/link &&
	rm -rf "$R" &&
	make_repo "$R" tests/test_a.py >/dev/null &&
	mkdir -p "$R/ci" "$R/.github/workflows" &&
	printf "jobs:\n  t:\n    steps:\n      - run: pytest\n" >"$R/ci/test.yml" &&
	ln -s ../../ci/test.yml "$R/.github/workflows/test.yml" &&
	git -C "$R" add -A && test_tick && git -C "$R" commit -q -m link &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of ci)" unknown &&
	test_eq "$(result_of ci message)" ".github/workflows/test.yml is a symbolic link to ../../ci/test.yml; links are not followed" &&
	test_eq "$(result_of ci evidence[0].path)" .github/workflows/test.yml &&
	test_eq "$(result_of ci evidence[0].note)" "symbolic link" &&
	test_eq "$(result_of tests)" unknown &&
	result_of tests message |
		grep -F "1 test file (tests/test_a.py); whether a CI service runs tests cannot be seen: .github/workflows/test.yml is a symbolic link to ../../ci/test.yml; links are not followed"
'

test_expect_success 'pytorch-support: torch declared nowhere, the only workflow a link: unknown, naming it' '
	R=$TEST_TMP/pylink &&
	rm -rf "$R" &&
	make_repo "$R" tests/test_a.py >/dev/null &&
	mkdir -p "$R/ci" "$R/.github/workflows" &&
	printf "jobs:\n  t:\n    steps:\n      - run: pip install torch==2.15\n      - run: pytest\n" >"$R/ci/test.yml" &&
	ln -s ../../ci/test.yml "$R/.github/workflows/test.yml" &&
	printf "[project]\nname = \"demo\"\ndependencies = []\n" >"$R/pyproject.toml" &&
	git -C "$R" add -A && test_tick && git -C "$R" commit -q -m link &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of pytorch-support)" unknown &&
	test_eq "$(result_of pytorch-support judgment)" true &&
	result_of pytorch-support message |
		grep -F "a CI file that may name its versions could not be: .github/workflows/test.yml is a symbolic link to ../../ci/test.yml" &&
	rm "$R/.github/workflows/test.yml" && git -C "$R" rm -q --cached .github/workflows/test.yml &&
	test_tick && git -C "$R" commit -q -m nolink &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of pytorch-support)" fail
'

test_expect_success 'a link beside a workflow that runs tests does not change the pass' '
	R=$TEST_TMP/link &&
	printf "jobs:\n  t:\n    steps:\n      - run: python -m pytest\n" \
		>"$R/.github/workflows/real.yml" &&
	git -C "$R" add -A && test_tick && git -C "$R" commit -q -m real &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of ci)" pass &&
	result_of ci message | grep -F "runs tests: pytest at .github/workflows/real.yml:4" &&
	test_eq "$(result_of tests)" pass
'

test_expect_success 'a link beside a workflow that runs no tests: unknown, naming the link' '
	R=$TEST_TMP/link &&
	printf "jobs:\n  t:\n    steps:\n      - run: python -m build\n" \
		>"$R/.github/workflows/real.yml" &&
	git -C "$R" add -A && test_tick && git -C "$R" commit -q -m build &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of ci)" unknown &&
	result_of ci message | grep -F "GitHub Actions runs no tests: it does python -m build; .github/workflows/test.yml is a symbolic link to ../../ci/test.yml; links are not followed"
'

test_expect_success 'path of ci and tests: several globs in one value, split by the rule set' '
	R=$TEST_TMP/globs &&
	rm -rf "$R" &&
	make_repo "$R" checks/a_check.py checks/b_check.py >/dev/null &&
	mkdir -p "$R/pipelines" &&
	printf "jobs:\n  t:\n    steps:\n      - run: pytest checks\n" >"$R/pipelines/main.yml" &&
	git -C "$R" add -A && test_tick && git -C "$R" commit -q -m globs &&
	ec_json 1 $NOHIST --set "ci.path=none.yml pipelines/*.yml" \
		--set "tests.path=nothing/* checks/*_check.py" --set tests.ci=no "$R" &&
	test_eq "$(result_of ci)" pass &&
	result_of ci message | grep -F "runs tests: pytest at pipelines/main.yml:4" &&
	test_eq "$(result_of tests)" pass &&
	test_eq "$(result_of tests value)" 2
'

test_done
