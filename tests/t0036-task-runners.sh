#!/bin/sh
# t0036-task-runners.sh: CI that runs tests through a task runner, a step
# named as a test whose command cannot be followed (a Caution naming it,
# never "runs no tests"), lint sessions that are not tests, and the
# workflow a reviewer would cite.
. "$(dirname "$0")/lib.sh"

if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_done
fi

NOHIST="--set commits.level=off --set contributors.level=off"

# ci_repo NAME PATH TEXT: a repository with one CI file and a test.
ci_repo() {
	_r=$TEST_TMP/$1
	rm -rf "$_r" &&
	make_repo "$_r" tests/test_a.py >/dev/null &&
	mkdir -p "$_r/$(dirname "$2")" &&
	printf '%s\n' "$3" >"$_r/$2" &&
	git -C "$_r" add -A &&
	test_tick &&
	git -C "$_r" commit -q -m ci
}

test_expect_success 'poetry run poe test runs the tests' '
	ci_repo poe .github/workflows/t.yml "on: push
jobs:
  t:
    steps:
      - name: Test with pytest
        run: poetry run poe test" &&
	ec_json 1 $NOHIST "$TEST_TMP/poe" &&
	test_eq "$(result_of ci)" pass &&
	test_eq "$(result_of ci evidence[0].line)" 6 &&
	test_eq "$(result_of tests)" pass
'

test_expect_success 'a step named as a test that cannot be followed is a Caution' '
	ci_repo opaque .github/workflows/t.yml "on: push
jobs:
  t:
    steps:
      - uses: actions/checkout@v4
      - name: Run tests
        run: |
          if [ -n \"\$CI\" ]; then
            ./ci/go.sh
          fi" &&
	ec_json 1 $NOHIST "$TEST_TMP/opaque" &&
	test_eq "$(result_of ci)" fail &&
	test_eq "$(result_of ci level)" warning &&
	result_of ci message >msg &&
	grep -q "step .Run tests. (.github/workflows/t.yml:6)" msg &&
	grep -q "a person should look" msg &&
	! grep -q "runs no tests" msg &&
	! grep -q "if \[" msg &&
	test_eq "$(result_of tests level)" warning &&
	result_of tests message | grep -q "step .Run tests."
'

test_expect_success 'shell keywords are never shown as commands' '
	ci_repo kw .github/workflows/t.yml "on: push
jobs:
  t:
    steps:
      - run: |
          if [ -f x ]; then
            echo hi
          fi" &&
	ec_json 1 $NOHIST "$TEST_TMP/kw" &&
	test_eq "$(result_of ci)" fail &&
	! result_of ci message | grep -q "if \[" &&
	! result_of ci message | grep -q "fi"
'

test_expect_success 'lint, format, type and docs sessions are not tests' '
	ci_repo lint .github/workflows/t.yml "on: push
jobs:
  t:
    steps:
      - run: nox -s lint
      - run: tox -e format,mypy
      - run: tox -e docs
      - run: python -m unittest discover tests" &&
	ec_json 1 $NOHIST "$TEST_TMP/lint" &&
	test_eq "$(result_of ci)" pass &&
	test_eq "$(result_of ci evidence[0].line)" 8 &&
	test_eq "$(jq -r ".results[] | select(.rule == \"ci\") | .evidence | length" "$TEST_TMP/out.json")" 1 &&
	ci_repo lint2 .github/workflows/t.yml "on: push
jobs:
  t:
    steps:
      - run: nox -s lint
      - run: tox -e flake8" &&
	ec_json 1 $NOHIST "$TEST_TMP/lint2" &&
	test_eq "$(result_of ci)" fail
'

test_expect_success 'a workflow run on push, pull_request or workflow_call is cited first' '
	ci_repo trig .github/workflows/a-deps.yml "on:
  schedule:
    - cron: 0 0 * * 0
jobs:
  t:
    steps:
      - run: pytest tests" &&
	mkdir -p "$TEST_TMP/trig/.github/workflows" &&
	printf "%s\n" "on: [push, pull_request]" "jobs:" "  t:" "    steps:" \
		"      - run: pytest" >"$TEST_TMP/trig/.github/workflows/b-main.yml" &&
	git -C "$TEST_TMP/trig" add -A &&
	git -C "$TEST_TMP/trig" commit -q -m main &&
	ec_json 1 $NOHIST "$TEST_TMP/trig" &&
	test_eq "$(result_of ci evidence[0].path)" .github/workflows/b-main.yml &&
	result_of tests message | grep -q "b-main.yml:5" &&
	printf "%s\n" "on:" "  push:" "    paths:" "      - requirements.txt" \
		"jobs:" "  t:" "    steps:" "      - run: pytest" \
		>"$TEST_TMP/trig/.github/workflows/a-deps.yml" &&
	printf "%s\n" "on:" "  workflow_call:" "jobs:" "  t:" "    steps:" \
		"      - run: pytest" >"$TEST_TMP/trig/.github/workflows/b-main.yml" &&
	git -C "$TEST_TMP/trig" commit -q -a -m paths &&
	ec_json 1 $NOHIST "$TEST_TMP/trig" &&
	test_eq "$(result_of ci evidence[0].path)" .github/workflows/b-main.yml &&
	test_eq "$(result_of ci evidence[0].line)" 6 &&
	printf "%s\n" "on:" "  pull_request:" "    paths:" "      - src/**" \
		"      - tests/**" "jobs:" "  t:" "    steps:" "      - run: pytest" \
		>"$TEST_TMP/trig/.github/workflows/a-deps.yml" &&
	git -C "$TEST_TMP/trig" commit -q -a -m broad &&
	ec_json 1 $NOHIST "$TEST_TMP/trig" &&
	test_eq "$(result_of ci evidence[0].path)" .github/workflows/a-deps.yml
'

# task_repo NAME CMD FILE TEXT: a workflow step running CMD, FILE defining it.
task_repo() {
	ci_repo "$1" .github/workflows/t.yml "on: push
jobs:
  t:
    steps:
      - name: Check
        run: $2" &&
	mkdir -p "$TEST_TMP/$1/$(dirname "$3")" &&
	printf '%s\n' "$4" >"$TEST_TMP/$1/$3" &&
	git -C "$TEST_TMP/$1" add -A &&
	git -C "$TEST_TMP/$1" commit -q -m tasks
}

test_expect_success 'a task is followed through its definition' '
	task_repo poe1 "poetry run poe check" pyproject.toml "[tool.poe.tasks]
lint = \"ruff check .\"
check = \"pytest test\"" &&
	task_repo poe2 "poe check" pyproject.toml "[tool.poe.tasks]
check = { cmd = \"python -m pytest -q\", help = \"tests\" }" &&
	task_repo poe3 "poe check" pyproject.toml "[tool.poe.tasks.check]
shell = \"\"\"
cd src
pytest
\"\"\"" &&
	task_repo poe4 "poe all" pyproject.toml "[tool.poe.tasks]
unit = \"pytest tests\"
all = { sequence = [\"lint\", \"unit\"] }" &&
	task_repo poe5 "poe all" pyproject.toml "[tool.poe.tasks]
all = [\"lint\", \"unit\"]
unit = \"pytest tests\"" &&
	task_repo mk "make ci" Makefile "ci: lint unit
lint:
	ruff check .
unit:
	@python -m pytest tests" &&
	task_repo jf "just ci" justfile "ci:
    python -m unittest discover tests" &&
	task_repo px "pixi run check" pixi.toml "[tasks]
check = \"pytest\"" &&
	task_repo ht "hatch run cov" pyproject.toml "[tool.hatch.envs.default.scripts]
cov = [\"coverage run -m pytest\", \"coverage report\"]" &&
	task_repo iv "invoke check" tasks.py "from invoke import task

@task
def check(c):
    c.run(\"pytest tests\")" &&
	for k in poe1 poe2 poe3 poe4 poe5 mk jf px ht iv; do
		ec_json 1 $NOHIST "$TEST_TMP/$k" &&
		test_eq "$(result_of ci)" pass &&
		test_eq "$(result_of ci evidence[0].line)" 6 &&
		result_of ci message | grep -q ", through " &&
		test_eq "$(result_of tests)" pass || { echo "$k"; exit 1; }
	done
'

test_expect_success 'a task that runs no tests, or calls itself, is no test' '
	task_repo mk2 "make ci" Makefile "ci: a
a: ci
	ruff check ." &&
	ec_json 1 $NOHIST "$TEST_TMP/mk2" &&
	test_eq "$(result_of ci)" fail &&
	test_eq "$(result_of ci level)" error &&
	task_repo poe6 "poe check" pyproject.toml "[tool.poe.tasks]
check = \"ruff check .\"" &&
	ec_json 1 $NOHIST "$TEST_TMP/poe6" &&
	test_eq "$(result_of ci)" fail
'

test_expect_success 'a conda recipe built by a step runs its test commands' '
	task_repo cb "conda build -c conda-forge conda.recipe/" conda.recipe/meta.yaml "{% set v = \"1.0\" %}
package:
  name: x
test:
  imports:
    - x
  commands:
    - pytest tests -q" &&
	ec_json 1 $NOHIST "$TEST_TMP/cb" &&
	test_eq "$(result_of ci)" pass &&
	result_of ci message | grep -q "pytest, through conda build" &&
	task_repo rb "rattler-build build --recipe recipe" recipe/recipe.yaml "package:
  name: x
tests:
  - script:
      - python -m pytest tests" &&
	ec_json 1 $NOHIST "$TEST_TMP/rb" &&
	test_eq "$(result_of ci)" pass &&
	task_repo cb2 "conda mambabuild recipe" recipe/meta.yaml "test:
  imports:
    - x" &&
	ec_json 1 $NOHIST "$TEST_TMP/cb2" &&
	test_eq "$(result_of ci)" fail
'

test_expect_success 'a workflow named for the tests is cited before a side one' '
	ci_repo side .github/workflows/a-extra.yml "on: push
jobs:
  t:
    steps:
      - run: pytest tests/extra" &&
	printf "%s\n" "on: push" "jobs:" "  t:" "    steps:" "      - run: pytest" \
		>"$TEST_TMP/side/.github/workflows/unit-tests.yml" &&
	git -C "$TEST_TMP/side" add -A &&
	git -C "$TEST_TMP/side" commit -q -m tests &&
	ec_json 1 $NOHIST "$TEST_TMP/side" &&
	test_eq "$(result_of ci evidence[0].path)" .github/workflows/unit-tests.yml
'

test_expect_success 'a CircleCI pytorch_version parameter names every version' '
	ci_repo circ .circleci/config.yml "version: 2.1
parameters:
  pytorch_version:
    type: enum
    enum: [\"1.13.1\", \"2.0.1\", \"2.1.0\"]
    default: \"2.1.0\"
jobs:
  t:
    parameters:
      pytorch_version:
        type: string
        default: \"2.2.0\"
    steps:
      - run: pytest
workflows:
  all:
    jobs:
      - t:
          matrix:
            parameters:
              pytorch_version: [\"2.3.0\", \"2.4.0\"]" &&
	{ "$ECOCHECK" $NOHIST --width 0 "$TEST_TMP/circ" >"$TEST_TMP/circ.txt"; test $? -eq 1; } &&
	grep -q "torch versions the CI names: 1.13.1, 2.0.1, 2.1.0, 2.2.0, 2.3.0, 2.4.0" "$TEST_TMP/circ.txt" &&
	! grep -q "the only torch version" "$TEST_TMP/circ.txt"
'

test_expect_success 'a command after if, then or do is read' '
	ci_repo ifthen .github/workflows/t.yml "on: push
jobs:
  t:
    steps:
      - run: if [ -n \"\$CI\" ]; then python -m pytest; fi" &&
	ec_json 1 $NOHIST "$TEST_TMP/ifthen" &&
	test_eq "$(result_of ci)" pass &&
	ci_repo ifscript .github/workflows/t.yml "on: push
jobs:
  t:
    steps:
      - name: Run tests
        run: if ./ci/go.sh; then echo ok; fi" &&
	ec_json 1 $NOHIST "$TEST_TMP/ifscript" &&
	test_eq "$(result_of ci level)" warning &&
	result_of ci message | grep -q "runs ./ci/go.sh, which"
'

test_done
