/* unit-ci.c: CI configurations read from their text (ci.c) */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "read/ci.h"
#include "read/testrun.h"
#include "strbuf.h"
#include "tap.h"

static const char *
tests_of(const char *cmd)
{
	return ci_command_tests(cmd, strlen(cmd));
}

static void
test_commands(void)
{
	is_str(tests_of("pytest -x tests/"), "pytest", "pytest");
	is_str(tests_of("python -m pytest --cov"), "pytest", "python -m pytest");
	is_str(tests_of("py.test"), "pytest", "py.test");
	is_str(tests_of("python3.11 -m unittest discover -s tests"), "python -m unittest", "python -m unittest");
	is_str(tests_of("tox -e py311"), "tox", "tox");
	is_str(tests_of("nox -s tests"), "nox", "nox");
	is_str(tests_of("make test"), "make test", "make test");
	is_str(tests_of("make -j4 check"), "make test", "make check");
	is_str(tests_of("ctest --output-on-failure"), "ctest", "ctest");
	is_str(tests_of("cd build && ctest"), "ctest", "after &&");
	is_str(tests_of("bash ./tests/run.sh"), "a test script",
	    "a script under tests/");
	is_str(tests_of("./run_tests.sh --gpu"), "a test script",
	    "a script named run_tests");
	is_str(tests_of("python test_models.py"), "a test script",
	    "python test_x.py");
	is_str(tests_of("CUDA_VISIBLE_DEVICES=0 coverage run -m pytest"), "pytest", "env and coverage run -m pytest");
	is_str(tests_of("xvfb-run -a pytest"), "pytest", "xvfb-run pytest");
	is_str(tests_of("uv run --extra dev pytest"), "pytest",
	    "uv run pytest");
	is_str(tests_of("conda run -n env python -m pytest"), "pytest",
	    "conda run -n NAME");
	is_str(tests_of("hatch run test"), "a test task", "hatch run test");
	is_str(tests_of("pixi run -e ${{ steps.env.outputs.name }} test -x"),
	    "a test task", "an Actions expression is one word (kornia)");
	is_str(tests_of("pytest ${{ inputs.a || 'x y' }} tests/"), "pytest",
	    "an expression with an operator inside");
	is_str(tests_of("bash -c 'cd x; pytest'"), "pytest", "bash -c");
	is_str(tests_of("{envpython} -m pytest {posargs}"), "pytest",
	    "tox's {envpython}");
	is_str(tests_of("python setup.py test"), "setup.py test",
	    "setup.py test");
	/* what is not running tests */
	is_str(tests_of("pip install pytest pytest-cov"), NULL, "pip install");
	is_str(tests_of("python -m pip install -r requirements-test.txt"), NULL,
	    "python -m pip install");
	is_str(tests_of("if test -f setup.py; then echo yes; fi"), NULL,
	    "the shell's test");
	is_str(tests_of("./download_latest.sh"), NULL, "latest is no test");
	is_str(tests_of("flake8 . && black --check ."), NULL, "linters");
	is_str(tests_of("echo pytest"), NULL, "echo pytest");
	is_str(tests_of("python -m build"), NULL, "python -m build");
	is_str(tests_of("# pytest"), NULL, "a comment");
	is_str(tests_of(""), NULL, "an empty line");
	is_str(tests_of("\"unterminated 'quote"), NULL, "an unterminated quote");
}

static void
test_paths(void)
{
	ok(ci_kind_of_path(".github/workflows/ci.yml") == CI_GITHUB &&
	    ci_kind_of_path(".github/workflows/ci.yaml") == CI_GITHUB,
	    "workflows");
	ok(ci_kind_of_path(".github/workflows/sub/ci.yml") == -1 &&
	    ci_kind_of_path(".github/workflows/flake8.ini") == -1,
	    "GitHub reads only YAML at the top of .github/workflows");
	ok(ci_kind_of_path(".gitlab-ci.yml") == CI_GITLAB &&
	    ci_kind_of_path(".circleci/config.yml") == CI_CIRCLECI &&
	    ci_kind_of_path("azure-pipelines.yml") == CI_AZURE &&
	    ci_kind_of_path(".azure-pipelines/gpu.yml") == CI_AZURE &&
	    ci_kind_of_path(".buildkite/pipeline.yml") == CI_BUILDKITE &&
	    ci_kind_of_path("Jenkinsfile") == CI_JENKINS &&
	    ci_kind_of_path(".travis.yml") == CI_TRAVIS &&
	    ci_kind_of_path("tox.ini") == CI_TOX &&
	    ci_kind_of_path("noxfile.py") == CI_NOX, "every kind");
	ok(!ci_kind_is_service(CI_TOX) && ci_kind_is_service(CI_CIRCLECI),
	    "tox is a runner, not a service");
	ok(strcmp(ci_kind_name(CI_GITHUB), "GitHub Actions") == 0, "names");
}

static int
read_str(enum ci_kind k, const char *text, struct ci_file *f)
{
	return ci_read(k, text, strlen(text), f);
}

static void
test_github(void)
{
	struct ci_file f;
	const char *wf =
	    "name: tests\n"
	    "on: [push]\n"
	    "jobs:\n"
	    "  test:\n"
	    "    strategy:\n"
	    "      matrix:\n"
	    "        python-version: ['3.10', '3.11']\n"
	    "        torch-version: [2.14.0, 2.15.0]\n"
	    "        include:\n"
	    "          - torch: '1.13'\n"
	    "    steps:\n"
	    "      - uses: actions/checkout@v4\n"
	    "      - name: install\n"
	    "        run: |\n"
	    "          pip install torch==${{ matrix.torch-version }}\n"
	    "          pip install -e .\n"
	    "      - name: test\n"
	    "        run: |\n"
	    "          flake8\n"
	    "          python -m pytest \\\n"
	    "            -x tests\n";

	ok(read_str(CI_GITHUB, wf, &f) == 0 && f.error == NULL, "reads");
	ok(f.tests.n == 1 && f.tests.v[0].line == 20 &&
	    strcmp(f.tests.v[0].what, "pytest") == 0 &&
	    strncmp(f.tests.v[0].text, "python -m pytest", 16) == 0,
	    "the test step and its line (a block scalar, a continuation)");
	ok(f.torch.n == 3 && strcmp(f.torch.v[0].what, "2.14.0") == 0 &&
	    f.torch.v[0].line == 8 && strcmp(f.torch.v[1].what, "2.15.0") == 0
	    && strcmp(f.torch.v[2].what, "1.13") == 0 &&
	    f.torch.v[2].line == 10,
	    "torch versions of the matrix, include too; ${{ }} skipped");
	ok(f.does.n >= 2 && strcmp(f.does.v[0], "actions/checkout") == 0 &&
	    strcmp(f.does.v[1], "pip install") == 0, "what it does");
	ci_file_release(&f);

	ok(read_str(CI_GITHUB, "jobs:\n  b:\n    steps:\n"
	    "      - run: python -m build\n"
	    "      - uses: pypa/gh-action-pypi-publish@release/v1\n", &f) == 0
	    && f.tests.n == 0 && f.does.n == 2 &&
	    strcmp(f.does.v[0], "python -m build") == 0 &&
	    strcmp(f.does.v[1], "pypa/gh-action-pypi-publish") == 0,
	    "a workflow that runs no tests says what it does");
	ci_file_release(&f);
	ok(read_str(CI_GITHUB, "jobs:\n  t:\n    steps:\n"
	    "      - run: pip install torch==1.8.1 torchvision==0.9.1\n", &f)
	    == 0 && f.torch.n == 1 && strcmp(f.torch.v[0].what, "==1.8.1") == 0
	    && f.torch.v[0].line == 4, "torch== in a run step");
	ci_file_release(&f);
	ok(read_str(CI_GITHUB, "jobs:\n  t:\n    steps:\n"
	    "      - name: pytest\n        run: echo hi\n", &f) == 0 &&
	    f.tests.n == 0, "a step's name is not its command");
	ci_file_release(&f);
}

/* The torch versions of one workflow, as "what@line what@line". */
static char *
torch_of(const char *wf)
{
	struct strbuf sb = STRBUF_INIT;
	struct ci_file f;
	size_t i;

	(void)read_str(CI_GITHUB, wf, &f);
	for (i = 0; i < f.torch.n; i++)
		strbuf_addf(&sb, "%s%s@%d", i > 0 ? " " : "", f.torch.v[i].what,
		    f.torch.v[i].line);
	ci_file_release(&f);
	return strbuf_detach(&sb, NULL);
}

#define TORCH(wf, want, what) do {					\
	char *got_ = torch_of(wf);					\
	is_str(got_, want, what);					\
	free(got_);							\
} while (0)

/* The one rule of what a torch version named by CI is. */
static void
test_torch(void)
{
	ok(ci_torch_key("torch") && ci_torch_key("pytorch") &&
	    ci_torch_key("torch-version") && ci_torch_key("TORCH_VERSION") &&
	    ci_torch_key("pytorch_ver") && ci_torch_key("torch-versions") &&
	    ci_torch_key("PyTorch Version"), "torch keys");
	ok(!ci_torch_key("torchvision") && !ci_torch_key("torchaudio") &&
	    !ci_torch_key("torchvision-version") &&
	    !ci_torch_key("TORCH_CUDA_ARCH_LIST") &&
	    !ci_torch_key("pytorch-lightning") && !ci_torch_key("python"),
	    "keys of other packages are not torch");
	TORCH("env:\n  TORCH_VERSION: \"2.14\"\n", "2.14@2", "an env value");
	TORCH("variables:\n  PYTORCH_VERSION: 2.1.0+cu118\n",
	    "2.1.0+cu118@2", "GitLab variables, a local version");
	TORCH("m:\n  torchvision: [\"0.29\"]\n  torch: [\"2.14\", nightly, "
	    "\"${{ x }}\", \">=2.1\"]\n", "2.14@3 >=2.1@3",
	    "torchvision is not torch; names and expressions are no versions");
	TORCH("s:\n  - run: pip install \"torch>=2.15\" 'torchvision>=0.2'\n",
	    ">=2.15@2", "pip install of a quoted specifier");
	TORCH("s:\n  - run: pip install torch>=2.1,<3 torch~=2.4\n",
	    ">=2.1,<3@2 ~=2.4@2", "a specifier set, ~=");
	TORCH("s:\n  - run: conda install pytorch=2.1 pytorch==2.2.0\n",
	    "2.1@2 ==2.2.0@2", "conda's = is the series");
	TORCH("s:\n  - run: |\n      echo\n      pip install torch==2.0+cpu\n",
	    "==2.0+cpu@4", "a block script: the line of the command");
	TORCH("s:\n  - run: pip install pytorch-lightning==2.1 torch===2.0 "
	    "mytorch==1.0 torch=\n", "",
	    "other packages, === and no version are not torch versions");
}

static void
test_other_yaml(void)
{
	struct ci_file f;

	ok(read_str(CI_GITLAB, ".test_tpl: &tpl\n  script:\n"
	    "    - pip install .\n    - pytest tests\n"
	    "unit:\n  <<: *tpl\n  image: python:3.12\n", &f) == 0 &&
	    f.tests.n == 1 && f.tests.v[0].line == 4,
	    "GitLab: an anchored script read where it is written");
	ci_file_release(&f);
	ok(read_str(CI_CIRCLECI, "version: 2.1\njobs:\n  gpu:\n    steps:\n"
	    "      - checkout\n      - run:\n          name: tests\n"
	    "          command: |\n            python -m pytest -v\n", &f) == 0
	    && f.tests.n == 1 && f.tests.v[0].line == 9, "CircleCI run.command");
	ci_file_release(&f);
	ok(read_str(CI_AZURE, "steps:\n- script: make check\n", &f) == 0 &&
	    f.tests.n == 1 && strcmp(f.tests.v[0].what, "make test") == 0,
	    "Azure script");
	ci_file_release(&f);
	ok(read_str(CI_TRAVIS, "language: python\ninstall: pip install .\n"
	    "script: ./run_tests.sh\n", &f) == 0 && f.tests.n == 1 &&
	    f.tests.v[0].line == 3, "Travis script");
	ci_file_release(&f);
	ok(read_str(CI_GITHUB, "jobs: [\n", &f) == -1 && f.error != NULL &&
	    f.error_line >= 1, "broken YAML: an error with a line");
	ci_file_release(&f);
}

static void
test_runners(void)
{
	struct ci_file f;

	ok(read_str(CI_TOX, "[tox]\nenvlist = py3\n\n[testenv]\ndeps = pytest\n"
	    "commands =\n    pip list\n    pytest {posargs}\n[flake8]\n"
	    "commands = pytest\n", &f) == 0 && f.tests.n == 1 &&
	    f.tests.v[0].line == 8, "tox.ini: commands of [testenv] only");
	ci_file_release(&f);
	ok(read_str(CI_NOX, "import nox\n@nox.session\ndef tests(session):\n"
	    "    session.install('.')\n    session.run(\n        'pytest',\n"
	    "        '-x')\n", &f) == 0 && f.tests.n == 1 &&
	    f.tests.v[0].line == 5, "noxfile.py: session.run over lines");
	ci_file_release(&f);
	ok(read_str(CI_JENKINS, "pipeline {\n  stages {\n    stage('t') {\n"
	    "      steps {\n        sh 'pip install .'\n        sh '''\n"
	    "          cd build\n          ctest\n        '''\n      }\n"
	    "    }\n  }\n}\n", &f) == 0 && f.tests.n == 1 &&
	    f.tests.v[0].line == 8 && strcmp(f.tests.v[0].what, "ctest") == 0,
	    "Jenkinsfile: sh steps, triple-quoted too");
	ci_file_release(&f);
}

/* Hostile YAML is read in bounded time and memory. */
static void
test_hostile(void)
{
	struct strbuf sb = STRBUF_INIT;
	struct ci_file f;
	clock_t t0;
	int i;

	/* a billion laughs: aliases are never expanded */
	strbuf_addstr(&sb, "a: &a [\"pytest\",\"pytest\",\"pytest\"]\n");
	for (i = 0; i < 30; i++)
		strbuf_addf(&sb, "%c: &%c [*%c,*%c,*%c,*%c,*%c,*%c]\n",
		    'b' + (i % 24), 'b' + (i % 24), 'a' + (i % 24),
		    'a' + (i % 24), 'a' + (i % 24), 'a' + (i % 24),
		    'a' + (i % 24), 'a' + (i % 24));
	t0 = clock();
	ok(ci_read(CI_GITHUB, sb.buf, sb.len, &f) == 0 && f.tests.n == 0 &&
	    (clock() - t0) < 2 * CLOCKS_PER_SEC, "an alias bomb is linear");
	ci_file_release(&f);
	strbuf_reset(&sb);
	for (i = 0; i < 10000; i++)
		strbuf_addch(&sb, '[');
	ok(ci_read(CI_GITHUB, sb.buf, sb.len, &f) == -1 && f.error != NULL &&
	    strstr(f.error, "deeper") != NULL, "deep nesting refused");
	ci_file_release(&f);
	strbuf_reset(&sb);
	strbuf_addstr(&sb, "jobs:\n  t:\n    steps:\n");
	for (i = 0; i < 5000; i++)
		strbuf_addstr(&sb, "      - run: pytest\n");
	ok(ci_read(CI_GITHUB, sb.buf, sb.len, &f) == 0 && f.tests.n == 200,
	    "hits are capped");
	ci_file_release(&f);
	strbuf_reset(&sb);
	strbuf_addstr(&sb, "run: \"");
	for (i = 0; i < 200000; i++)
		strbuf_addstr(&sb, "a ");
	strbuf_addstr(&sb, "\"\n");
	ok(ci_read(CI_GITHUB, sb.buf, sb.len, &f) == 0 && f.tests.n == 0,
	    "a long command line");
	ci_file_release(&f);
	strbuf_reset(&sb);
	strbuf_add(&sb, "run: \"a\\0b\"\nx: \0\n", 17);
	ok(ci_read(CI_GITHUB, sb.buf, sb.len, &f) == -1, "a NUL byte");
	ci_file_release(&f);
	strbuf_release(&sb);
}

/* The command lines a call selects from a definition, joined by "|". */
static char *
selected(const char *path, const char *text, const char *call)
{
	struct strbuf sb = STRBUF_INIT;
	struct run_defs d;
	struct run_lines rl;
	size_t i;

	run_defs_read(path, text, strlen(text), &d);
	memset(&rl, 0, sizeof(rl));
	if (run_select(&d, call, &rl) == -1)
		strbuf_addstr(&sb, "elsewhere");
	for (i = 0; i < rl.cmds.n; i++)
		strbuf_addf(&sb, "%s%s", i > 0 ? "|" : "", rl.cmds.v[i]);
	if (rl.opaque)
		strbuf_addstr(&sb, "|opaque");
	if (rl.missing)
		strbuf_addstr(&sb, "|missing");
	run_lines_release(&rl);
	run_defs_release(&d);
	return strbuf_detach(&sb, NULL);
}

static void
is_sel(const char *path, const char *text, const char *call,
    const char *want)
{
	char *got;

	got = selected(path, text, call);
	ok(strcmp(got, want) == 0, "%s: %s (got '%s')", path, call, got);
	free(got);
}

static void
test_testrun(void)
{
	static const char tox[] = "[tox]\nenvlist = py{310,311}-torch{1,2}, "
	    "lint\n\n[testenv]\ncommands =\n    lint: flake8\n    !lint: "
	    "pytest \\\n        tests\n    torch1-py310: echo old\n\n"
	    "[testenv:docs]\ncommands = sphinx-build docs out\n\n"
	    "[testenv:again]\ncommands = {[testenv:docs]commands}\n";
	static const char nox[] = "import nox\n\nnox.options.sessions = "
	    "[\"tests\"]\n\n@nox.session(python=[\"3.11\"])\ndef tests("
	    "session):\n    session.run(\n        \"pytest\",\n        "
	    "*session.posargs,\n    )\n    session.notify(\"cov\")\n\n\n"
	    "@nox.session(name=\"cov\")\ndef coverage(session):\n    "
	    "session.run(*ARGS)\n\n\ndef helper():\n    session.run("
	    "\"nothing\")\n";

	is_sel("tox.ini", tox, "tox -e py311-torch2", "pytest tests");
	is_sel("tox.ini", tox, "tox -e py310-torch1",
	    "pytest tests|echo old");
	is_sel("tox.ini", tox, "tox -e lint", "flake8");
	is_sel("tox.ini", tox, "tox r -e docs", "sphinx-build docs out");
	is_sel("tox.ini", tox, "tox -e again", "sphinx-build docs out");
	is_sel("tox.ini", tox, "tox -e unknown", "pytest tests");
	is_sel("tox.ini", tox, "tox -c other.ini", "elsewhere");
	is_sel("tox.ini", tox, "tox -p auto",
	    "pytest tests|echo old|pytest tests|pytest tests|pytest tests|"
	    "flake8");
	is_sel("noxfile.py", nox, "nox", "pytest|nox -s cov");
	is_sel("noxfile.py", nox, "nox -s tests-3.11", "pytest|nox -s cov");
	is_sel("noxfile.py", nox, "nox -s cov", "|opaque");
	is_sel("noxfile.py", nox, "nox -s helper", "|missing");
	is_sel("noxfile.py", nox, "nox -s ${{ matrix.session }}",
	    "pytest|nox -s cov|opaque");
	is_sel("pyproject.toml", "[tool.tox]\nlegacy_tox_ini = \"\"\"\n"
	    "[testenv:pytest]\ncommands = python -m pytest\n\"\"\"\n",
	    "tox -e pytest", "python -m pytest");
	is_sel("pyproject.toml", "[tool.tox]\nenv_list = [\"t\"]\n"
	    "[tool.tox.env.t]\ncommands = [[\"pytest\", {replace = "
	    "\"posargs\"}]]\n", "tox", "pytest {posargs}");
	is_sel("setup.cfg", "[metadata]\nname = x\n[tox:tox]\nenvlist = u\n"
	    "[testenv:u]\ncommands = python -m unittest\n", "tox",
	    "python -m unittest");
}

int
main(void)
{
	test_commands();
	test_paths();
	test_github();
	test_torch();
	test_other_yaml();
	test_runners();
	test_hostile();
	test_testrun();
	return done_testing();
}
