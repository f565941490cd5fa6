#!/bin/sh
# t0031-ci.sh: the ci and tests rule types through the shipped rules ci
# (requirement 2) and tests (requirement 8): every CI kind, test runners,
# CI that runs no tests, and the shapes seen in real repositories
# (workflows all deleted while the tests remain, CI only on a CircleCI
# file untouched for years, a matrix pinning one old torch), hostile YAML.
. "$(dirname "$0")/lib.sh"

. "$ECOCHECK_SRCDIR/tests/lib-ci.sh"

# The date git gives the newest commit that changed $2 in repository $1,
# in UTC, as "git log -1 -- PATH" finds it.
last_change() {
	TZ=UTC git -C "$1" log -1 --date=format-local:%Y-%m-%d --format=%cd \
		-- "$2"
}

test_expect_success 'each CI service running tests passes with the step' '
	ci_repo gh .github/workflows/t.yml "jobs:
  t:
    steps:
      - uses: actions/checkout@v4
      - run: python -m pytest -x" &&
	ci_repo gl .gitlab-ci.yml "test:
  script:
    - pip install .
    - tox -e py312" &&
	ci_repo cc .circleci/config.yml "version: 2.1
jobs:
  t:
    steps:
      - run:
          command: make check" &&
	ci_repo az azure-pipelines.yml "steps:
- script: |
    pip install .
    ctest --output-on-failure" &&
	ci_repo bk .buildkite/pipeline.yml "steps:
  - label: tests
    command: ./run_tests.sh" &&
	ci_repo jk Jenkinsfile "pipeline {
  stages { stage(\"t\") { steps {
    sh \"python -m unittest discover\"
  } } }
}" &&
	ci_repo tr .travis.yml "language: python
script: nox -s tests" &&
	for k in gh:.github/workflows/t.yml:5:"GitHub Actions" \
		gl:.gitlab-ci.yml:4:"GitLab CI" cc:.circleci/config.yml:6:CircleCI \
		az:azure-pipelines.yml:4:"Azure Pipelines" \
		bk:.buildkite/pipeline.yml:3:Buildkite jk:Jenkinsfile:3:Jenkins \
		tr:.travis.yml:2:"Travis CI"; do
		name=${k%%:*} rest=${k#*:} &&
		file=${rest%%:*} rest=${rest#*:} &&
		line=${rest%%:*} kind=${rest#*:} &&
		ec_json 1 $NOHIST "$TEST_TMP/$name" &&
		test_eq "$(result_of ci)" pass &&
		test_eq "$(result_of ci evidence[0].path):$(result_of ci evidence[0].line)" \
			"$file:$line" &&
		result_of ci message | grep -q "^$kind runs tests: " &&
		result_of ci message | grep -q "cannot be seen offline" &&
		test_eq "$(result_of tests)" pass || { echo "$name"; exit 1; }
	done
'

test_expect_success 'a runner named is the evidence before a script or a make target' '
	ci_repo rank .github/workflows/a.yml "jobs:
  t:
    steps:
      - run: ./scripts/run_tests.sh
      - run: make test
      - run: |
          cd build
          python -m pytest -q" &&
	ec_json 1 $NOHIST "$TEST_TMP/rank" &&
	test_eq "$(result_of ci evidence[0].line)" 8 &&
	test_eq "$(result_of ci evidence[1].line)" 4 &&
	result_of ci message | grep -q "runs tests: pytest at .github/workflows/a.yml:8 "
'

test_expect_success 'a workflow that only publishes fails naming what it does' '
	ci_repo pub .github/workflows/release.yml "on: push
jobs:
  p:
    steps:
      - uses: actions/checkout@v4
      - run: python -m build
      - uses: pypa/gh-action-pypi-publish@release/v1" &&
	ec_json 1 $NOHIST "$TEST_TMP/pub" &&
	test_eq "$(result_of ci)" fail &&
	test_eq "$(result_of ci level)" error &&
	test_eq "$(result_of ci message)" "GitHub Actions runs no tests: it does actions/checkout, python -m build, pypa/gh-action-pypi-publish" &&
	test_eq "$(result_of tests)" fail &&
	test_eq "$(result_of tests level)" warning &&
	result_of tests message | grep -q "^1 test file (tests/test_a.py), but no CI service runs tests" &&
	ec_json 1 $NOHIST --set ci.runs_tests=no "$TEST_TMP/pub" &&
	test_eq "$(result_of ci)" pass
'

test_expect_success 'pip install pytest and a step named test are no tests' '
	ci_repo pip .github/workflows/t.yml "jobs:
  t:
    steps:
      - name: pytest
        run: pip install pytest pytest-cov
      - run: if test -f setup.py; then echo old; fi" &&
	ec_json 1 $NOHIST "$TEST_TMP/pip" &&
	test_eq "$(result_of ci)" fail
'

test_expect_success 'tox.ini alone is a runner, not CI' '
	ci_repo tox tox.ini "[testenv]
deps = pytest
commands = pytest {posargs}" &&
	ec_json 1 $NOHIST "$TEST_TMP/tox" &&
	test_eq "$(result_of ci)" fail &&
	result_of ci message | grep -q "^no CI configuration .*; tox.ini runs tests, but no CI runs it$" &&
	test_eq "$(result_of tests level)" warning
'

test_expect_success 'a workflow GitHub does not read is not CI' '
	ci_repo deep .github/workflows/old/t.yml "jobs:
  t:
    steps:
      - run: pytest" &&
	ec_json 1 $NOHIST "$TEST_TMP/deep" &&
	test_eq "$(result_of ci)" fail &&
	result_of ci message | grep -q "holds no .yml or .yaml file GitHub runs" &&
	ec_json 1 $NOHIST --set "ci.path=.github/workflows/**/*.yml" "$TEST_TMP/deep" &&
	test_eq "$(result_of ci)" pass
'

test_expect_success 'workflows all deleted, tests remain: fails with the date of the removal' '
	R=$TEST_TMP/deleted &&
	ci_repo deleted .github/workflows/tests.yml "jobs:
  t:
    steps:
      - run: pytest" &&
	test_time=$((test_time + 86400 * 40)) && test_tick &&
	git -C "$R" checkout -q -b side &&
	echo "# side" >>"$R/.github/workflows/tests.yml" &&
	git -C "$R" commit -q -am "side change, dropped by the merge" &&
	git -C "$R" checkout -q - &&
	test_time=$((test_time + 86400 * 30)) && test_tick &&
	git -C "$R" rm -q -r .github &&
	git -C "$R" commit -q -m "drop CI" &&
	test_time=$((test_time + 86400 * 50)) && test_tick &&
	git -C "$R" merge -q -s ours -m "merge side" side &&
	test_time=$((test_time + 86400 * 20)) && test_tick &&
	echo more >"$R/tests/test_b.py" && git -C "$R" add -A &&
	git -C "$R" commit -q -m "a test" &&
	want=$(last_change "$R" .github/workflows) &&
	test -n "$want" &&
	drop=$(git -C "$R" log -1 --format=%h --abbrev=12 -- .github/workflows) &&
	test_eq "$(git -C "$R" log -1 --format=%s -- .github/workflows)" "drop CI" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of ci)" fail &&
	result_of ci message | grep -q "; the last workflow change under .github/workflows was on $want (commit $drop)$" &&
	test_eq "$(result_of tests)" fail &&
	test_eq "$(result_of tests value)" 2 &&
	test_eq "$(result_of tests level)" warning
'

test_expect_success 'on a shallow clone the removal cannot be seen' '
	git clone -q --depth 1 "file://$TEST_TMP/deleted" "$TEST_TMP/shallow" &&
	ec_json 1 $NOHIST "$TEST_TMP/shallow" &&
	test_eq "$(result_of ci)" fail &&
	result_of ci message | grep -q "whether workflows were removed cannot be seen on this clone"
'

test_expect_success 'workflows removed 2,001 commits ago: the walk stops at 2,000 and says so' '
	R=$TEST_TMP/long-ago &&
	git init -q "$R" &&
	awk "BEGIN {
		print \"blob\nmark :1\ndata 6\nsteps\n\"
		for (i = 0; i < 2003; i++) {
			t = 1700000000 + i * 60
			printf \"commit refs/heads/main\nauthor A <a@example.com> %d +0000\ncommitter A <a@example.com> %d +0000\ndata 2\nc\n\", t, t
			if (i == 0) print \"M 100644 :1 .github/workflows/t.yml\"
			if (i == 1) print \"D .github/workflows/t.yml\"
			print \"\"
		}
	}" | git -C "$R" fast-import --quiet &&
	git -C "$R" reset -q --hard main &&
	test "$(git -C "$R" rev-list --count HEAD -- .github/workflows)" = 2 &&
	test "$(git -C "$R" rev-list --count HEAD)" = 2003 &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of ci)" fail &&
	result_of ci message | grep -q "; no workflow change under .github/workflows in the last 2000 commits (not looked further)$"
'

test_expect_success 'a repository that never had workflows says nothing of them' '
	R=$TEST_TMP/never &&
	make_repo "$R" tests/test_a.py >/dev/null &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of ci)" fail &&
	test_eq "$(result_of ci message)" "no CI configuration (GitHub Actions, GitLab CI, CircleCI, Azure Pipelines, Buildkite, Jenkins, Travis)"
'

test_expect_success 'a malformed tree on the way back is the repository corrupt, named' '
	R=$TEST_TMP/badtree &&
	make_repo "$R" tests/test_a.py >/dev/null &&
	bad=$(printf "100644 x" | git -C "$R" hash-object -t tree --literally -w --stdin) &&
	c=$(git -C "$R" commit-tree "$bad" -p HEAD -m bad) &&
	c2=$(git -C "$R" commit-tree "HEAD^{tree}" -p "$c" -m again) &&
	git -C "$R" update-ref HEAD "$c2" &&
	test_expect_code 2 "$ECOCHECK" $NOHIST "$R" >out 2>err &&
	grep -q "the repository is corrupt: tree $bad: a malformed entry" err
'

test_expect_success 'CI only on CircleCI untouched for years: a warning with the date' '
	R=$TEST_TMP/circle &&
	ci_repo circle .circleci/config.yml "version: 2.1
jobs:
  t:
    steps:
      - run: pytest tests" &&
	test_time=$((test_time + 86400 * 900)) && test_tick &&
	echo "# Demo" >"$R/README.md" && git -C "$R" add -A &&
	git -C "$R" commit -q -m readme &&
	want=$(last_change "$R" .circleci/config.yml) &&
	ec_json 1 $NOHIST --as-of HEAD "$R" &&
	test_eq "$(result_of ci)" fail &&
	test_eq "$(result_of ci level)" warning &&
	result_of ci message | grep -q "^CircleCI runs tests: pytest at .circleci/config.yml:5 .*; but .circleci/config.yml was last changed on $want, 900 days ago: check that CircleCI still runs it$" &&
	ec_json 1 $NOHIST --as-of HEAD --set ci.stale_days=0 "$R" &&
	test_eq "$(result_of ci)" pass &&
	result_of ci message | grep -q "; .circleci/config.yml was last changed on $want$"
'

test_expect_success 'a matrix pinning one old torch version is named' '
	ci_repo old .github/workflows/ci.yml "jobs:
  t:
    strategy:
      matrix:
        python: [\"3.8\", \"3.9\"]
        torch-version: [1.8.1]
    steps:
      - run: pip install torch==\${{ matrix.torch-version }}
      - run: pytest" &&
	ec_json 1 $NOHIST "$TEST_TMP/old" &&
	test_eq "$(result_of ci)" pass &&
	result_of ci message | grep -q "; the only torch version it names is 1.8.1 (.github/workflows/ci.yml:6)$"
'

test_expect_success 'torch== in a run step counts as a version tested' '
	ci_repo pin .github/workflows/ci.yml "jobs:
  t:
    steps:
      - run: pip install torch==2.0.1 torchvision==0.15.2
      - run: pip install torch==2.15.0
      - run: pytest" &&
	{ "$ECOCHECK" $NOHIST "$TEST_TMP/pin" >"$TEST_TMP/pin.txt"; test $? -eq 1; } &&
	grep -q "torch versions the CI names: 2.0.1, 2.15.0" "$TEST_TMP/pin.txt"
'

test_expect_success 'hostile YAML is read, bounded: an alias bomb, deep nesting' '
	R=$TEST_TMP/hostile &&
	ci_repo hostile .github/workflows/ok.yml "jobs:
  t:
    steps:
      - run: pytest" &&
	{
		echo "a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]" &&
		prev=a &&
		for l in b c d e f g h i j k l m n o p; do
			echo "$l: &$l [*a,*a,*a,*a,*a,*a,*a,*a,*a]" | sed "s/\*a/*$prev/g;s/\*\$/*a/g"
			prev=$l
		done
	} >"$R/.github/workflows/bomb.yml" &&
	awk "BEGIN { for (i = 0; i < 100000; i++) printf \"[\"; print \"\" }" \
		>"$R/.github/workflows/deep.yml" &&
	git -C "$R" add -A && git -C "$R" commit -q -m hostile &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of ci)" pass &&
	rm "$R/.github/workflows/ok.yml" &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of ci)" unknown &&
	result_of ci message | grep -q "cannot be read: nested deeper than 64 levels"
'

test_expect_success 'tests: none at all fails; conftest.py alone is no test' '
	R=$TEST_TMP/notests &&
	make_repo "$R" src/demo.py tests/conftest.py tests/__init__.py >/dev/null &&
	ec_json 1 $NOHIST "$R" &&
	test_eq "$(result_of tests)" fail &&
	test_eq "$(result_of tests level)" error &&
	test_eq "$(result_of tests value)" 0 &&
	result_of tests message | grep -q "^0 test files (looked for test_\*.py, \*_test.py)$" &&
	test_eq "$(result_of tests evidence[0].path)" tests/conftest.py
'

test_expect_success 'tests: pytest testpaths and python_files of pyproject.toml and setup.cfg are counted' '
	R=$TEST_TMP/testpaths &&
	make_repo "$R" checks/unit/check_basic.py checks/helpers.py itests/run_all.py \
		checks/check_more.py other/check_no.py \
		pkg/thing_test.py pkg/test_other.py pkg/notatest.py >/dev/null &&
	printf "[tool.pytest.ini_options]\ntestpaths = [\"checks\"]\npython_files = [\"check_*.py\", \"*_test.py\", \"test_*.py\"]\n" >"$R/pyproject.toml" &&
	printf "[metadata]\nname = x\n[tool:pytest]\ntestpaths =\n    ./itests/run_all.py\n" >"$R/setup.cfg" &&
	git -C "$R" add -A && git -C "$R" commit -q -m config &&
	ec_json 1 $NOHIST --set tests.ci=no "$R" &&
	test_eq "$(result_of tests)" pass &&
	test_eq "$(result_of tests value)" 5 &&
	result_of tests message | grep -q "; testpaths in pyproject.toml, setup.cfg$"
'

test_expect_success 'tests: files pytest does not collect are not counted, data files neither' '
	R=$TEST_TMP/cpp &&
	make_repo "$R" tests/test_ops.cpp tests/test_run.sh tests/data.json \
		tests/README.md tests/test_a.py >/dev/null &&
	ec_json 1 $NOHIST --set tests.ci=no --set tests.min=1 "$R" &&
	test_eq "$(result_of tests)" pass &&
	test_eq "$(result_of tests value)" 1 &&
	ec_json 1 $NOHIST --set tests.ci=no --set tests.min=2 "$R" &&
	test_eq "$(result_of tests)" fail
'

test_expect_success 'maintenance gives the date of the last commit, its result unchanged' '
	R=$TEST_TMP/circle &&
	want=$(TZ=UTC git -C "$R" log -1 --date=format-local:%Y-%m-%d --format=%cd) &&
	ec_json 1 $NOHIST --set pytorch-support.level=off "$R" &&
	test_eq "$(result_of maintenance)" unknown &&
	test_eq "$(result_of maintenance message)" \
		"maintenance-commitment cannot be seen offline; last commit on $want" &&
	ec_json 1 $NOHIST --fact maintenance-commitment=yes "$R" &&
	test_eq "$(result_of maintenance)" pass &&
	git init -q "$TEST_TMP/empty" &&
	ec_json 1 $NOHIST --set pytorch-support.level=off "$TEST_TMP/empty" &&
	result_of maintenance message | grep -q "; no commit yet$"
'

test_done
