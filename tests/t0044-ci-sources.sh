#!/bin/sh
# t0044-ci-sources.sh: where tests run besides the CI ecocheck reads: the
# configuration of an outside CI service (a Caution naming it, never "runs
# no tests"), tox envs and nox sessions followed from the CI step that
# runs them, and test files counted as pytest collects them.
. "$(dirname "$0")/lib.sh"

if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_done
fi

NOHIST="--set commits.level=off --set contributors.level=off"

# add_file REPO PATH TEXT: write a file and commit it.
add_file() {
	mkdir -p "$1/$(dirname "$2")" &&
	printf '%s\n' "$3" >"$1/$2" &&
	git -C "$1" add -A &&
	test_tick &&
	git -C "$1" commit -q -m "$2"
}

# assign_repo NAME: a repository whose only workflow runs no tests.
assign_repo() {
	_r=$TEST_TMP/$1
	rm -rf "$_r" &&
	make_repo "$_r" tests/test_a.py tests/test_b.py >/dev/null &&
	add_file "$_r" .github/workflows/assign.yml "on: pull_request
jobs:
  a:
    steps:
      - uses: kentaro-m/auto-assign-action@v2"
}

test_expect_success 'an outside CI service whose script runs pytest is a Caution naming the line' '
	assign_repo pfn &&
	add_file "$TEST_TMP/pfn" .pfnci/config.pbtxt "configs { command: \"bash .pfnci/script.sh gpu\" }" &&
	add_file "$TEST_TMP/pfn" .pfnci/run.sh "#!/bin/bash
set -eu
pip install -e .
OMP_NUM_THREADS=1 \\
    xvfb-run -a \\
    xpytest -m \"not slow\" \"tests/**/test_*.py\"" &&
	ec_json 1 $NOHIST "$TEST_TMP/pfn" &&
	test_eq "$(result_of ci)" fail &&
	test_eq "$(result_of ci level)" warning &&
	result_of ci message >msg &&
	grep -q "tests appear to run on an outside CI service (.pfnci/run.sh:6 runs pytest)" msg &&
	grep -q "a person decides" msg &&
	! grep -q "runs no tests:" msg &&
	test_eq "$(result_of ci evidence[0].path)" .pfnci/run.sh &&
	test_eq "$(result_of ci evidence[0].line)" 6 &&
	test_eq "$(result_of tests)" pass &&
	result_of tests message | grep -q "^2 test files (tests/test_a.py, ...); tests appear to run on an outside CI service (.pfnci/run.sh:6"
'

test_expect_success 'the configuration of an outside service alone is a Caution naming it' '
	assign_repo drone &&
	add_file "$TEST_TMP/drone" .drone.yml "kind: pipeline
steps:
  - name: build
    image: python
    commands:
      - ./do-everything" &&
	ec_json 1 $NOHIST "$TEST_TMP/drone" &&
	test_eq "$(result_of ci)" fail &&
	test_eq "$(result_of ci level)" warning &&
	result_of ci message | grep -q "configuration of a CI service ecocheck does not read (.drone.yml)" &&
	test_eq "$(result_of tests level)" warning &&
	result_of tests message | grep -q "(.drone.yml): a person should look"
'

test_expect_success 'outside services that run tests: Jenkinsfile variants, appveyor, ci/run_tests' '
	assign_repo jk &&
	add_file "$TEST_TMP/jk" ci/Jenkinsfile.gpu "pipeline { stages { stage(\"t\") { steps {
        sh \"python -m pytest tests\"
} } } }" &&
	ec_json 1 $NOHIST "$TEST_TMP/jk" &&
	result_of ci message | grep -q "outside CI service (ci/Jenkinsfile.gpu:2 runs pytest)" &&
	assign_repo av &&
	add_file "$TEST_TMP/av" appveyor.yml "test_script:
  - python -m unittest discover tests" &&
	ec_json 1 $NOHIST "$TEST_TMP/av" &&
	result_of ci message | grep -q "(appveyor.yml:2 runs python -m unittest)" &&
	assign_repo rt &&
	add_file "$TEST_TMP/rt" ci/run_tests.sh "python -m pytest -x" &&
	add_file "$TEST_TMP/rt" ci/release.sh "twine upload dist/*" &&
	ec_json 1 $NOHIST "$TEST_TMP/rt" &&
	result_of ci message | grep -q "(ci/run_tests.sh:1 runs pytest)" &&
	! result_of ci evidence | grep -q release.sh
'

test_expect_success 'a script under ci/ that runs no tests and is not named for them is no sign' '
	assign_repo plain &&
	add_file "$TEST_TMP/plain" ci/release.sh "twine upload dist/*" &&
	ec_json 1 $NOHIST "$TEST_TMP/plain" &&
	test_eq "$(result_of ci)" fail &&
	test_eq "$(result_of ci level)" error &&
	result_of ci message | grep -q "runs no tests"
'

test_expect_success 'an outside CI beside a workflow that runs tests changes nothing' '
	assign_repo both &&
	add_file "$TEST_TMP/both" .github/workflows/t.yml "on: push
jobs:
  t:
    steps:
      - run: pytest" &&
	add_file "$TEST_TMP/both" .cirrus.yml "task:
  script: pytest" &&
	ec_json 1 $NOHIST "$TEST_TMP/both" &&
	test_eq "$(result_of ci)" pass &&
	test_eq "$(result_of ci evidence[0].path)" .github/workflows/t.yml
'

test_expect_success 'tests: helpers, fixture generators and R scripts are no test files' '
	R=$TEST_TMP/count &&
	make_repo "$R" tests/test_model.py tests/io/loader_test.py \
		tests/agents/basetest_agent.py tests/utils.py tests/helpers_io.py \
		tests/common.py tests/__init__.py tests/conftest.py \
		tests/fixtures/make_images.py tests/data/generate_data.py \
		tests/testthat/test-model.R tests/testthat.R >/dev/null &&
	ec_json 1 $NOHIST --set tests.ci=no "$R" &&
	test_eq "$(result_of tests)" pass &&
	test_eq "$(result_of tests value)" 2 &&
	result_of tests message | grep -q "^2 test files (tests/io/loader_test.py, ...)" &&
	jq -r ".results[] | select(.rule == \"tests\") | .evidence[].path" "$TEST_TMP/out.json" >paths &&
	! grep -q "basetest\|utils\|helpers\|common\|make_\|generate\|\.R$" paths
'

test_expect_success 'tests: python_files a project declares are counted under its testpaths' '
	R=$TEST_TMP/pyfiles &&
	make_repo "$R" tests/check_a.py tests/util.py src/check_b.py >/dev/null &&
	printf "[pytest]\npython_files = check_*.py\ntestpaths = tests\n" >"$R/pytest.ini" &&
	git -C "$R" add -A && git -C "$R" commit -q -m pytest &&
	ec_json 1 $NOHIST --set tests.ci=no "$R" &&
	test_eq "$(result_of tests value)" 1 &&
	test_eq "$(result_of tests evidence[0].path)" tests/check_a.py
'

test_done
