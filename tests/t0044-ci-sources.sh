#!/bin/sh
# t0044-ci-sources.sh: where tests run besides the CI ecocheck reads: the
# configuration of an outside CI service (a Caution naming it, never "runs
# no tests"), tox envs and nox sessions followed from the CI step that
# runs them, and test files counted as pytest collects them.
. "$(dirname "$0")/lib.sh"

. "$ECOCHECK_SRCDIR/tests/lib-ci.sh"

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

# wf_repo NAME RUN: a repository whose one workflow step runs RUN.
wf_repo() {
	_r=$TEST_TMP/$1
	rm -rf "$_r" &&
	make_repo "$_r" tests/test_a.py >/dev/null &&
	add_file "$_r" .github/workflows/ci.yml "on: push
jobs:
  t:
    steps:
      - uses: actions/checkout@v4
      - run: $2"
}

test_expect_success 'tox -e ENV is followed into the env of tox.ini' '
	wf_repo tox "tox -e py311" &&
	add_file "$TEST_TMP/tox" tox.ini "[tox]
envlist = py{310,311}, lint

[testenv]
deps = pytest
commands =
    lint: flake8 src
    !lint: pytest {posargs:tests}

[testenv:docs2]
commands = sphinx-build docs out" &&
	ec_json 1 $NOHIST "$TEST_TMP/tox" &&
	test_eq "$(result_of ci)" pass &&
	result_of ci message | grep -q "runs tests: pytest, through tox -e py311 at .github/workflows/ci.yml:6" &&
	test_eq "$(result_of tests)" pass &&
	wf_repo tox2 "tox -e lint" &&
	cp "$TEST_TMP/tox/tox.ini" "$TEST_TMP/tox2/" &&
	git -C "$TEST_TMP/tox2" add -A && git -C "$TEST_TMP/tox2" commit -q -m tox &&
	ec_json 1 $NOHIST "$TEST_TMP/tox2" &&
	test_eq "$(result_of ci)" fail &&
	test_eq "$(result_of ci level)" error &&
	wf_repo tox3 "tox -e docs2" &&
	cp "$TEST_TMP/tox/tox.ini" "$TEST_TMP/tox3/" &&
	git -C "$TEST_TMP/tox3" add -A && git -C "$TEST_TMP/tox3" commit -q -m tox &&
	ec_json 1 $NOHIST "$TEST_TMP/tox3" &&
	test_eq "$(result_of ci)" fail &&
	result_of ci message | grep -q "runs no tests" &&
	wf_repo tox4 "tox" &&
	cp "$TEST_TMP/tox/tox.ini" "$TEST_TMP/tox4/" &&
	git -C "$TEST_TMP/tox4" add -A && git -C "$TEST_TMP/tox4" commit -q -m tox &&
	ec_json 1 $NOHIST "$TEST_TMP/tox4" &&
	result_of ci message | grep -q "pytest, through tox "
'

test_expect_success 'tox -e pytest: an env of legacy_tox_ini and of setup.cfg [tox:tox]' '
	wf_repo legacy "python -m tox -e pytest" &&
	add_file "$TEST_TMP/legacy" pyproject.toml "[project]
name = \"x\"

[tool.tox]
legacy_tox_ini = \"\"\"
[tox]
envlist = pytest, format

[testenv:pytest]
commands = python -m pytest tests

[testenv:format]
commands = black --check .
\"\"\"" &&
	ec_json 1 $NOHIST "$TEST_TMP/legacy" &&
	test_eq "$(result_of ci)" pass &&
	result_of ci message | grep -q "pytest, through tox -e pytest" &&
	wf_repo cfg "tox -e unit" &&
	add_file "$TEST_TMP/cfg" setup.cfg "[metadata]
name = x

[tox:tox]
envlist = unit

[testenv:unit]
commands = python -m unittest discover tests" &&
	ec_json 1 $NOHIST "$TEST_TMP/cfg" &&
	result_of ci message | grep -q "python -m unittest, through tox -e unit"
'

test_expect_success 'nox -s SESSION is followed into noxfile.py; lint sessions are not tests' '
	wf_repo nox "nox -s tests-3.11" &&
	add_file "$TEST_TMP/nox" noxfile.py "import nox

nox.options.sessions = [\"tests\", \"lint\"]


@nox.session(python=[\"3.10\", \"3.11\"])
def tests(session):
    session.install(\".[test]\")
    session.run(
        \"pytest\",
        \"--cov\",
        *session.posargs,
    )


@nox.session(name=\"style\")
def lint(session):
    session.install(\"ruff\")
    session.run(\"ruff\", \"check\", \".\")" &&
	ec_json 1 $NOHIST "$TEST_TMP/nox" &&
	test_eq "$(result_of ci)" pass &&
	result_of ci message | grep -q "pytest, through nox -s tests-3.11" &&
	wf_repo nox2 "nox -s style" &&
	cp "$TEST_TMP/nox/noxfile.py" "$TEST_TMP/nox2/" &&
	git -C "$TEST_TMP/nox2" add -A && git -C "$TEST_TMP/nox2" commit -q -m nox &&
	ec_json 1 $NOHIST "$TEST_TMP/nox2" &&
	test_eq "$(result_of ci)" fail &&
	test_eq "$(result_of ci level)" error &&
	wf_repo nox3 "nox" &&
	cp "$TEST_TMP/nox/noxfile.py" "$TEST_TMP/nox3/" &&
	git -C "$TEST_TMP/nox3" add -A && git -C "$TEST_TMP/nox3" commit -q -m nox &&
	ec_json 1 $NOHIST "$TEST_TMP/nox3" &&
	test_eq "$(result_of ci)" pass
'

test_expect_success 'a nox session named for tests whose body cannot be followed is a Caution naming it' '
	wf_repo opaque "nox -s tests" &&
	add_file "$TEST_TMP/opaque" noxfile.py "import nox


def _run(session, args):
    session.run(*args)


@nox.session
def tests(session):
    _run(session, [\"pytest\"])" &&
	ec_json 1 $NOHIST "$TEST_TMP/opaque" &&
	test_eq "$(result_of ci)" fail &&
	test_eq "$(result_of ci level)" warning &&
	result_of ci message >msg &&
	grep -q "step .nox -s tests. (.github/workflows/ci.yml:6) runs session .tests. (noxfile.py:9), which ecocheck cannot follow" msg &&
	! grep -q "runs no tests" msg &&
	test_eq "$(result_of tests level)" warning &&
	result_of tests message | grep -q "session .tests. (noxfile.py:9)"
'

test_expect_success 'pipx run nox and uv run --python X are followed to what they run' '
	wf_repo pipx "pipx run nox -s tests" &&
	add_file "$TEST_TMP/pipx" noxfile.py "import nox


@nox.session
def tests(session):
    session.run(\"pytest\")" &&
	ec_json 1 $NOHIST "$TEST_TMP/pipx" &&
	result_of ci message | grep -q "pytest, through nox -s tests at" &&
	wf_repo uvpy "uv run --python python3 python -m pytest" &&
	ec_json 1 $NOHIST "$TEST_TMP/uvpy" &&
	test_eq "$(result_of ci)" pass &&
	result_of ci message | grep -q "runs tests: pytest at .github/workflows/ci.yml:6"
'

# torch_repo NAME VERSIONS: CI whose matrix names VERSIONS, torch>=2.0.
torch_repo() {
	_r=$TEST_TMP/$1
	rm -rf "$_r" &&
	make_repo "$_r" tests/test_a.py >/dev/null &&
	add_file "$_r" pyproject.toml "[project]
name = \"x\"
dependencies = [\"torch>=2.0\"]" &&
	add_file "$_r" .github/workflows/ci.yml "on: push
jobs:
  t:
    strategy:
      matrix:
        torch-version: [$2]
    steps:
      - run: pip install torch==\${{ matrix.torch-version }}
      - run: pytest"
}

test_expect_success 'CI naming only torch versions the declared constraint excludes is a Caution' '
	torch_repo old "\"1.8.0\", \"1.13\"" &&
	ec_json 1 $NOHIST "$TEST_TMP/old" &&
	test_eq "$(result_of ci)" fail &&
	test_eq "$(result_of ci level)" warning &&
	result_of ci message | grep -q "every torch version it names (1.8.0, 1.13) is excluded by pyproject.toml.s torch>=2.0 (pyproject.toml:3): the CI tests versions the package does not support" &&
	torch_repo mixed "\"1.13\", \"2.1\"" &&
	ec_json 1 $NOHIST "$TEST_TMP/mixed" &&
	test_eq "$(result_of ci)" pass &&
	torch_repo series "\"2.0\"" &&
	ec_json 1 $NOHIST "$TEST_TMP/series" &&
	test_eq "$(result_of ci)" pass
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
