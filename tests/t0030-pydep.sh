#!/bin/sh
# t0030-pydep.sh: the python-dependency rule type through the shipped rule
# pytorch-support (requirements 1 and 10): torch declared in every format
# Python projects use, broken files, and the cases seen in real
# repositories (torch<2.7, torch only in an extra, torch undeclared but
# named by the README and the CI matrix, a CI pinning one old torch).
. "$(dirname "$0")/lib.sh"

if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_done
fi

FIX=$ECOCHECK_SRCDIR/tests/fixtures/pydep

# A repository $1 holding fixtures, each FIXTURE=PATH.
py_repo() {
	_r=$TEST_TMP/$1
	shift
	rm -rf "$_r" &&
	git init -q "$_r" &&
	for _p in "$@"; do
		mkdir -p "$_r/$(dirname "${_p#*=}")" &&
		cp "$FIX/${_p%%=*}" "$_r/${_p#*=}" || return 1
	done &&
	git -C "$_r" add -A &&
	test_tick &&
	git -C "$_r" commit -q -m python
}

# The result and level of pytorch-support, on one line.
support() {
	echo "$(result_of pytorch-support result) $(result_of pytorch-support level)"
}

test_expect_success 'torch<2.7 fails, naming the constraint and where' '
	py_repo lt pyproject-torch-lt-2.7.toml=pyproject.toml &&
	ec_json 1 "$TEST_TMP/lt" &&
	test_eq "$(support)" "fail error" &&
	result_of pytorch-support message |
		grep -F "torch>=2.0,<2.7 (pyproject.toml:10) excludes 2.15 and 2.14" &&
	test_eq "$(result_of pytorch-support evidence[0].line)" 10
'

test_expect_success 'maintenance tells what pytorch-support found (its note), result unchanged' '
	test_eq "$(result_of maintenance result)" unknown &&
	result_of maintenance message |
		grep -F "; pytorch-support: torch>=2.0,<2.7 (pyproject.toml:10) excludes 2.15 and 2.14" &&
	ec_json 1 --fact maintenance-commitment=yes "$TEST_TMP/lt" &&
	test_eq "$(result_of maintenance result)" pass &&
	ec_json 1 --set pytorch-support.level=off "$TEST_TMP/lt" &&
	! result_of maintenance message | grep pytorch-support
'

test_expect_success '--set pytorch-support.admit changes the series' '
	ec_json 1 --set pytorch-support.admit="2.6 2.5" "$TEST_TMP/lt" &&
	test_eq "$(support)" "fail warning" &&
	result_of pytorch-support message |
		grep -F "admits 2.6 and 2.5, but nothing in the repository says it was tested with 2.6 or 2.5" &&
	ec_json 1 --set pytorch-support.admit="2.6 2.0" "$TEST_TMP/lt" &&
	test_eq "$(support)" "pass error"
'

test_expect_success 'an admit value that is no version is a config error' '
	ec_json 2 --set pytorch-support.admit="two" "$TEST_TMP/lt" &&
	grep "not a PEP 440 version" "$TEST_TMP/err"
'

test_expect_success 'torch only in an optional extra is a warning' '
	py_repo extra pyproject-torch-extra.toml=pyproject.toml &&
	ec_json 1 "$TEST_TMP/extra" &&
	test_eq "$(support)" "fail warning" &&
	result_of pytorch-support message |
		grep -F "only in an optional extra or group" &&
	result_of pytorch-support message | grep -F "extra '"'"'gpu'"'"'"
'

test_expect_success 'an exact pin to an old release fails with what it excludes' '
	py_repo pin pyproject-torch-pin.toml=pyproject.toml &&
	ec_json 1 "$TEST_TMP/pin" &&
	test_eq "$(support)" "fail error" &&
	result_of pytorch-support message |
		grep -F "torch is pinned to ==2.1.0 (pyproject.toml:3), which excludes 2.15 and 2.14"
'

test_expect_success 'Poetry ^2.3 is >=2.3,<3: it admits both, nothing names them' '
	py_repo poetry pyproject-poetry-caret.toml=pyproject.toml &&
	ec_json 1 "$TEST_TMP/poetry" &&
	test_eq "$(support)" "fail warning" &&
	result_of pytorch-support message |
		grep -F "torch^2.3 (pyproject.toml:7) admits 2.15 and 2.14, but nothing"
'

test_expect_success 'Poetry || has no PEP 440 form: unknown, not a guess' '
	py_repo or pyproject-poetry-or.toml=pyproject.toml &&
	ec_json 1 "$TEST_TMP/or" &&
	test_eq "$(support)" "unknown error" &&
	result_of pytorch-support message | grep -F "cannot be known"
'

test_expect_success 'a broken pyproject.toml is named with its line: unknown' '
	py_repo broken pyproject-broken.toml=pyproject.toml &&
	ec_json 1 "$TEST_TMP/broken" &&
	test_eq "$(support)" "unknown error" &&
	result_of pytorch-support message | grep -F "pyproject.toml:5: not TOML 1.0"
'

test_expect_success 'setup.py literals are read, comments are not' '
	py_repo lit setup-literal.py=setup.py &&
	ec_json 1 "$TEST_TMP/lit" &&
	test_eq "$(support)" "fail warning" &&
	result_of pytorch-support message | grep -F "torch>=2.2 (setup.py:9) admits"
'

test_expect_success 'a computed install_requires is said so, never guessed' '
	py_repo comp setup-computed.py=setup.py &&
	ec_json 1 "$TEST_TMP/comp" &&
	test_eq "$(support)" "unknown error" &&
	result_of pytorch-support message | grep -F "computed by code" &&
	test_expect_code 1 "$ECOCHECK" --color never --width 0 "$TEST_TMP/comp" >text &&
	grep -F "setup.py:6: install_requires is computed, not a list of strings" text
'

test_expect_success 'setup.py lists given by name are read where they are assigned' '
	py_repo named setup-named.py=setup.py &&
	ec_json 1 "$TEST_TMP/named" &&
	test_eq "$(support)" "fail error" &&
	result_of pytorch-support message |
		grep -F "torch is pinned to ==2.2.1 (setup.py:9, optional extra '\''torch'\'')" &&
	test_expect_code 1 "$ECOCHECK" --color never "$TEST_TMP/named" >text &&
	! grep -F "computed" text
'

test_expect_success 'a list changed after its assignment is computed, never guessed' '
	py_repo changed setup-named-changed.py=setup.py &&
	ec_json 1 "$TEST_TMP/changed" &&
	test_eq "$(support)" "unknown error" &&
	test_expect_code 1 "$ECOCHECK" --color never --width 0 "$TEST_TMP/changed" >text &&
	grep -F "setup.py:7: install_requires is computed, not a list of strings" text
'

test_expect_success 'setup.cfg extras_require through inih: a warning' '
	py_repo cfg setup-torch-extra.cfg=setup.cfg &&
	ec_json 1 "$TEST_TMP/cfg" &&
	test_eq "$(support)" "fail warning" &&
	result_of pytorch-support message | grep -F "torch>=2.0 (setup.cfg:14"
'

test_expect_success 'setup.cfg install_requires = file: reads the file as metadata' '
	py_repo cfgfile requirements-base.txt=requirements/base.txt \
		requirements-bench-includes.txt=requirements-test.txt &&
	printf "[metadata]\nname = f\n[options]\ninstall_requires = file: requirements/base.txt, missing.txt\n" \
		>"$TEST_TMP/cfgfile/setup.cfg" &&
	echo "torch~=2.14" >>"$TEST_TMP/cfgfile/requirements/base.txt" &&
	git -C "$TEST_TMP/cfgfile" add -A && git -C "$TEST_TMP/cfgfile" commit -q -m cfg &&
	ec_json 1 "$TEST_TMP/cfgfile" &&
	test_eq "$(support)" "pass error" &&
	result_of pytorch-support message |
		grep -F "torch~=2.14 (requirements/base.txt:2) admits 2.15 and 2.14" &&
	test_expect_code 1 "$ECOCHECK" --color never "$TEST_TMP/cfgfile" >text &&
	grep -F "setup.cfg:4: '"'"'missing.txt'"'"' cannot be read" text
'

test_expect_success 'requirements.txt with -r, hashes, markers; a pin to the newest' '
	py_repo req requirements-hashes.txt=requirements.txt \
		requirements-base.txt=requirements/base.txt &&
	ec_json 1 "$TEST_TMP/req" &&
	test_eq "$(support)" "fail error" &&
	result_of pytorch-support message |
		grep -F "torch is pinned to ==2.15.0 (requirements.txt:3), which excludes 2.14" &&
	test_expect_code 1 "$ECOCHECK" --color never "$TEST_TMP/req" >text &&
	! grep -F "requirements/base.txt" text
'

test_expect_success 'a developer file including requirements.txt does not make it a group' '
	py_repo inc requirements-bench-includes.txt=requirements-benchmarks.txt \
		requirements-base.txt=requirements.txt &&
	echo "torch>=2.0" >>"$TEST_TMP/inc/requirements.txt" &&
	git -C "$TEST_TMP/inc" commit -q -a -m torch &&
	ec_json 1 "$TEST_TMP/inc" &&
	test_eq "$(support)" "fail warning" &&
	result_of pytorch-support message | grep -F "torch>=2.0 (requirements.txt:2) admits"
'

test_expect_success 'torch only in requirements-dev.txt is a group: a warning' '
	py_repo dev requirements-base.txt=requirements-dev.txt &&
	echo "torch>=2.0" >>"$TEST_TMP/dev/requirements-dev.txt" &&
	git -C "$TEST_TMP/dev" commit -q -a -m torch &&
	ec_json 1 "$TEST_TMP/dev" &&
	test_eq "$(support)" "fail warning"
'

test_expect_success 'an environment file names pytorch (conda)' '
	py_repo env environment-pytorch.yml=environment.yml &&
	ec_json 1 "$TEST_TMP/env" &&
	test_eq "$(support)" "pass error" &&
	result_of pytorch-support message | grep -F "pytorch>=2.14 (environment.yml:6)"
'

test_expect_success 'a conda recipe with Jinja: its run requirements' '
	py_repo recipe meta-pytorch.yaml=conda.recipe/meta.yaml &&
	ec_json 1 "$TEST_TMP/recipe" &&
	test_eq "$(support)" "fail warning" &&
	result_of pytorch-support message | grep -F "(conda.recipe/meta.yaml:11)" &&
	py_repo jinja meta-jinja.yaml=recipe/meta.yaml &&
	ec_json 1 "$TEST_TMP/jinja" &&
	test_eq "$(support)" "unknown error" &&
	result_of pytorch-support message | grep -F "Jinja"
'

# A repository $1 declaring torch as $2 in requirements.txt, with a .py.
req_repo() {
	make_repo "$TEST_TMP/$1" pkg/__init__.py &&
	echo "$2" >"$TEST_TMP/$1/requirements.txt" &&
	git -C "$TEST_TMP/$1" add -A &&
	git -C "$TEST_TMP/$1" commit -q -m requirements
}

test_expect_success 'torch>=1.10, nothing names 2.15 or 2.14: a caution, not a fail' '
	req_repo low "torch>=1.10" &&
	ec_json 1 "$TEST_TMP/low" &&
	test_eq "$(support)" "fail warning" &&
	result_of pytorch-support message >msg &&
	grep -F "torch>=1.10 (requirements.txt:1) admits 2.15 and 2.14, but nothing in the repository says it was tested with 2.15 or 2.14" msg &&
	grep -F "the CI and README name no version of it" msg &&
	test_eq "$(result_of pytorch-support evidence[0].path)" requirements.txt
'

test_expect_success 'torch with no constraint: a caution naming it' '
	req_repo bare torch &&
	ec_json 1 "$TEST_TMP/bare" &&
	test_eq "$(support)" "fail warning" &&
	result_of pytorch-support message |
		grep -F "torch with no version constraint (requirements.txt:1) admits 2.15 and 2.14, but nothing"
'

test_expect_success 'the CI names only old versions: a caution naming them' '
	mkdir -p "$TEST_TMP/low/.github/workflows" &&
	cp "$FIX/workflow-old-pin.yml" "$TEST_TMP/low/.github/workflows/ci.yml" &&
	git -C "$TEST_TMP/low" add -A && git -C "$TEST_TMP/low" commit -q -m ci &&
	ec_json 1 "$TEST_TMP/low" &&
	test_eq "$(support)" "fail warning" &&
	result_of pytorch-support message |
		grep -F "tested with 2.15 or 2.14: the CI and README name ==1.13.1 (the CI, .github/workflows/ci.yml:7)"
'

test_expect_success 'the CI matrix or the README naming a latest series: pass' '
	cp "$FIX/workflow-matrix.yml" "$TEST_TMP/low/.github/workflows/ci.yml" &&
	git -C "$TEST_TMP/low" commit -q -a -m matrix &&
	ec_json 1 "$TEST_TMP/low" &&
	test_eq "$(support)" "pass error" &&
	printf "# B\n\nTested with PyTorch 2.15.\n" >"$TEST_TMP/bare/README.md" &&
	git -C "$TEST_TMP/bare" add -A && git -C "$TEST_TMP/bare" commit -q -m readme &&
	ec_json 1 "$TEST_TMP/bare" &&
	test_eq "$(support)" "pass error" &&
	result_of pytorch-support message | grep -F "torch with no version constraint (requirements.txt:1) admits 2.15 and 2.14"
'

test_expect_success 'a README lower bound below them admits them but names neither' '
	req_repo rdlow "torch>=1.6" &&
	printf "# R\n\nRequires PyTorch >= 1.6.\n" >"$TEST_TMP/rdlow/README.md" &&
	git -C "$TEST_TMP/rdlow" add -A && git -C "$TEST_TMP/rdlow" commit -q -m readme &&
	ec_json 1 "$TEST_TMP/rdlow" &&
	test_eq "$(support)" "fail warning" &&
	result_of pytorch-support message | grep -F "name >=1.6 (the README, README.md:3)" &&
	printf "# R\n\nRequires PyTorch >= 2.14.\n" >"$TEST_TMP/rdlow/README.md" &&
	git -C "$TEST_TMP/rdlow" commit -q -a -m readme &&
	ec_json 1 "$TEST_TMP/rdlow" &&
	test_eq "$(support)" "pass error"
'

test_expect_success 'a lower bound in a latest series names it: pass' '
	req_repo own "torch>=2.14" &&
	ec_json 1 "$TEST_TMP/own" &&
	test_eq "$(support)" "pass error" &&
	req_repo own "torch<2.14" &&
	ec_json 1 "$TEST_TMP/own" &&
	test_eq "$(support)" "fail error" &&
	result_of pytorch-support message | grep -F "excludes 2.15 and 2.14"
'

test_expect_success 'undeclared torch, versions in the README and the CI matrix: pass' '
	py_repo named workflow-matrix.yml=.github/workflows/test.yml &&
	echo "import torch" >"$TEST_TMP/named/model.py" &&
	printf "# Named\n\nWorks with PyTorch 2.14 and 2.15; install torch yourself.\n" \
		>"$TEST_TMP/named/README.md" &&
	git -C "$TEST_TMP/named" add -A && git -C "$TEST_TMP/named" commit -q -m readme &&
	ec_json 1 "$TEST_TMP/named" &&
	test_eq "$(support)" "pass error" &&
	result_of pytorch-support message >msg &&
	grep -F "torch is not declared as a dependency; the versions named cover 2.15 and 2.14" msg &&
	grep -F "2.14.0 (the CI, .github/workflows/test.yml:8)" msg &&
	grep -F "2.14 (the README, README.md:3)" msg
'

test_expect_success 'a CI pinning one old torch fails naming it' '
	py_repo old workflow-old-pin.yml=.github/workflows/ci.yml &&
	echo "import torch" >"$TEST_TMP/old/model.py" &&
	git -C "$TEST_TMP/old" add -A && git -C "$TEST_TMP/old" commit -q -m model &&
	ec_json 1 "$TEST_TMP/old" &&
	test_eq "$(support)" "fail error" &&
	result_of pytorch-support message |
		grep -F "leave out 2.15 and 2.14: ==1.13.1 (the CI, .github/workflows/ci.yml:7)"
'

test_expect_success 'the README admits them, the CI pins an old one: a warning' '
	printf "# Old\n\nNeeds PyTorch 2.0+.\n" >"$TEST_TMP/old/README.md" &&
	git -C "$TEST_TMP/old" add -A && git -C "$TEST_TMP/old" commit -q -m readme &&
	ec_json 1 "$TEST_TMP/old" &&
	test_eq "$(support)" "fail warning" &&
	result_of pytorch-support message | grep -F "but the CI tests none of them"
'

test_expect_success 'torch imported, no version named anywhere: unknown for a person' '
	py_repo imp setup-literal.py=other/setup-notes.txt &&
	printf "import numpy\nfrom torch import nn\n" >"$TEST_TMP/imp/net.py" &&
	git -C "$TEST_TMP/imp" add -A && git -C "$TEST_TMP/imp" commit -q -m net &&
	ec_json 1 "$TEST_TMP/imp" &&
	test_eq "$(support)" "unknown error" &&
	test_eq "$(result_of pytorch-support evidence[0].path)" net.py
'

test_expect_success 'a Python project with no sign of torch fails' '
	make_repo "$TEST_TMP/nosign" pkg/__init__.py &&
	ec_json 1 "$TEST_TMP/nosign" &&
	test_eq "$(support)" "fail error" &&
	result_of pytorch-support message | grep -F "no sign of torch"
'

test_expect_success 'torch named only as part of other words is no sign of it' '
	make_repo "$TEST_TMP/words" pkg/__init__.py &&
	printf "import torchvision\nfrom torchaudio import x\n" \
		>"$TEST_TMP/words/pkg/a.py" &&
	printf "mytorch = 1\nimport_torch = 2\n" >"$TEST_TMP/words/pkg/b.py" &&
	git -C "$TEST_TMP/words" add -A && git -C "$TEST_TMP/words" commit -q -m w &&
	ec_json 1 "$TEST_TMP/words" &&
	test_eq "$(support)" "fail error"
'

test_expect_success 'an indented import after many mentions is a sign of torch' '
	make_repo "$TEST_TMP/late" pkg/__init__.py &&
	{ i=0; while [ $i -lt 200 ]; do echo "x$i = torchy"; i=$((i + 1)); done
	  printf "def f():\n    import torch.nn as nn\n"; } >"$TEST_TMP/late/pkg/m.py" &&
	git -C "$TEST_TMP/late" add -A && git -C "$TEST_TMP/late" commit -q -m l &&
	ec_json 1 "$TEST_TMP/late" &&
	test_eq "$(support)" "unknown error" &&
	test_eq "$(result_of pytorch-support evidence[0].path)" pkg/m.py
'

test_expect_success 'no Python at all: skipped' '
	make_repo "$TEST_TMP/nopy" src/main.c &&
	ec_json 1 "$TEST_TMP/nopy" &&
	test_eq "$(result_of pytorch-support result)" skip
'

test_expect_success 'a broken workflow is named; the rest is still read' '
	py_repo wfb workflow-broken.yml=.github/workflows/a.yml \
		pyproject-torch-pin.toml=pyproject.toml &&
	ec_json 1 "$TEST_TMP/wfb" &&
	test_eq "$(support)" "fail error" &&
	result_of ci message | grep -F ".github/workflows/a.yml:4 cannot be read: not YAML" &&
	echo "import torch" >"$TEST_TMP/wfb/model.py" &&
	git -C "$TEST_TMP/wfb" rm -q pyproject.toml &&
	git -C "$TEST_TMP/wfb" add -A && git -C "$TEST_TMP/wfb" commit -q -m undeclared &&
	test_expect_code 1 "$ECOCHECK" --color never "$TEST_TMP/wfb" >text &&
	grep -F ".github/workflows/a.yml:4: not YAML" text
'

test_expect_success 'the same under --staged and --rev' '
	ec_json 1 --staged --absolute "$TEST_TMP/lt" &&
	test_eq "$(support)" "fail error" &&
	ec_json 1 --rev HEAD "$TEST_TMP/lt" &&
	test_eq "$(support)" "fail error"
'

if command -v timeout >/dev/null 2>&1; then
	test_set_prereq TIMEOUT
fi

test_expect_success TIMEOUT 'hostile files: a huge setup.py list, YAML aliases, are bounded' '
	git init -q "$TEST_TMP/hostile" &&
	awk "BEGIN { print \"setup(name=\\\"h\\\", install_requires=[\";
		for (i = 0; i < 30000; i++) print \"  \\\"p\" i \"\\\",\";
		print \"  \\\"torch>=2.0\\\"])\" }" >"$TEST_TMP/hostile/setup.py" &&
	mkdir -p "$TEST_TMP/hostile/.github/workflows" &&
	{
		echo "a: &a [torch, torch, torch, torch, torch, torch, torch, torch]" &&
		_prev=a &&
		for _n in b c d e f g h i j k l m; do
			echo "$_n: &$_n [*$_prev, *$_prev, *$_prev, *$_prev, *$_prev, *$_prev, *$_prev, *$_prev]" &&
			_prev=$_n || return 1
		done
	} >"$TEST_TMP/hostile/.github/workflows/laughs.yml" &&
	git -C "$TEST_TMP/hostile" add -A &&
	git -C "$TEST_TMP/hostile" commit -q -m hostile &&
	ec_wrap="timeout 20" &&
	ec_json 1 "$TEST_TMP/hostile" &&
	result_of pytorch-support message | grep -F "torch>=2.0 (setup.py:30002) admits"
'

# packages (requirement 9): the python-package rule type.
test_expect_success 'packages: pyproject.toml with a name passes naming it' '
	ec_json 1 "$TEST_TMP/lt" &&
	test_eq "$(result_of packages result)" pass &&
	result_of packages message |
		grep -F "pip: pyproject.toml names '"'"'oldtorch'"'"' (pyproject.toml:6)"
'

test_expect_success 'packages: setup.py names the setup() call, not an Extension' '
	py_repo ext setup-literal.py=setup.py &&
	printf "from setuptools import Extension, setup\next = Extension(name=\"lit._c\")\n" \
		>"$TEST_TMP/ext/setup.py" &&
	cat "$FIX/setup-literal.py" >>"$TEST_TMP/ext/setup.py" &&
	git -C "$TEST_TMP/ext" commit -q -a -m ext &&
	ec_json 1 "$TEST_TMP/ext" &&
	result_of packages message | grep -F "names '"'"'literal'"'"' (setup.py:7)"
'

test_expect_success 'packages: a conda recipe alone passes, naming it' '
	ec_json 1 "$TEST_TMP/recipe" &&
	test_eq "$(result_of packages result)" pass &&
	result_of packages message | grep -F "conda: a recipe, conda.recipe/meta.yaml"
'

test_expect_success 'packages: conda install in the README alone passes' '
	make_repo "$TEST_TMP/condareadme" pkg/__init__.py &&
	printf "# X\n\nInstall:\n\n    conda install -c conda-forge x\n" \
		>"$TEST_TMP/condareadme/README.md" &&
	git -C "$TEST_TMP/condareadme" add -A &&
	git -C "$TEST_TMP/condareadme" commit -q -m readme &&
	ec_json 1 "$TEST_TMP/condareadme" &&
	test_eq "$(result_of packages result)" pass &&
	result_of packages message | grep -F "conda: install instructions in README.md:5"
'

test_expect_success 'packages: conda install as a command counts, in prose it does not' '
	R=$TEST_TMP/condaprose &&
	make_repo "$R" pkg/__init__.py &&
	printf "# X\n\nThere are no conda install instructions yet: conda install is not supported.\n" \
		>"$R/README.md" &&
	git -C "$R" add -A && git -C "$R" commit -q -m prose &&
	ec_json 1 "$R" &&
	test_eq "$(result_of packages result)" fail &&
	for cmd in "\$ conda install x" "> mamba install x" "Run \`conda install -c conda-forge x\` first." \
	    "<code>conda install x</code>" "!conda install -y x" "    micromamba install x"; do
		printf "# X\n\nSome prose about conda install options.\n\n%s\n" "$cmd" >"$R/README.md" &&
		git -C "$R" commit -q -a -m "$cmd" &&
		ec_json 1 "$R" &&
		test_eq "$cmd: $(result_of packages result)" "$cmd: pass" &&
		result_of packages message | grep -F "README.md:5" || return 1
	done
'

test_expect_success 'packages: the readme key names other files to read' '
	mkdir -p "$TEST_TMP/condareadme/docs" &&
	git -C "$TEST_TMP/condareadme" mv README.md docs/INSTALL.md &&
	git -C "$TEST_TMP/condareadme" commit -q -m move &&
	ec_json 1 "$TEST_TMP/condareadme" &&
	test_eq "$(result_of packages result)" fail &&
	ec_json 1 --set packages.readme=docs/INSTALL.md "$TEST_TMP/condareadme" &&
	result_of packages message |
		grep -F "conda: install instructions in docs/INSTALL.md:5"
'

test_expect_success 'packages: requirements.txt alone is no package' '
	ec_json 1 "$TEST_TMP/req" &&
	test_eq "$(result_of packages result)" fail &&
	result_of packages message | grep -F "no pip or conda package"
'

test_expect_success 'packages: a broken pyproject.toml alone is unknown' '
	ec_json 1 "$TEST_TMP/broken" &&
	test_eq "$(result_of packages result)" unknown
'

# license-permissive's metadata key: packaging metadata agrees with the file.
LICFIX=$ECOCHECK_SRCDIR/tests/fixtures/licenses

# A repository with an MIT LICENSE.md and packaging file $2 at $3.
lic_repo() {
	py_repo "$1" "$2=$3" &&
	cp "$LICFIX/mit-multiline-copyright.txt" "$TEST_TMP/$1/LICENSE.md" &&
	git -C "$TEST_TMP/$1" add -A &&
	git -C "$TEST_TMP/$1" commit -q -m license
}

test_expect_success 'license: pyproject license = MIT agrees with an MIT file' '
	lic_repo licok pyproject-torch-lt-2.7.toml pyproject.toml &&
	ec_json 1 "$TEST_TMP/licok" &&
	test_eq "$(result_of license-permissive result)" pass &&
	result_of license-permissive message |
		grep -F "LICENSE.md is MIT (100.0%); the packaging metadata agrees"
'

test_expect_success 'license: a setup.py license differing from the file warns' '
	lic_repo licbsd setup-literal.py setup.py &&
	ec_json 1 "$TEST_TMP/licbsd" &&
	test_eq "$(result_of license-permissive result)" fail &&
	test_eq "$(result_of license-permissive level)" warning &&
	test_eq "$(result_of license-permissive value)" MIT &&
	result_of license-permissive message |
		grep -F "but setup.py:6 declares license '"'"'BSD-3-Clause'"'"'"
'

test_expect_success 'license: a Poetry Apache-2.0 against an MIT file warns' '
	lic_repo licpoetry pyproject-poetry-caret.toml pyproject.toml &&
	ec_json 1 "$TEST_TMP/licpoetry" &&
	test_eq "$(result_of license-permissive level)" warning &&
	result_of license-permissive message |
		grep -F "pyproject.toml:3 declares license '"'"'Apache-2.0'"'"'"
'

test_expect_success 'license: an MIT classifier in setup.cfg agrees' '
	lic_repo liccfg setup-torch-extra.cfg setup.cfg &&
	ec_json 1 "$TEST_TMP/liccfg" &&
	test_eq "$(result_of license-permissive result)" pass &&
	result_of license-permissive message | grep -F "the packaging metadata agrees"
'

test_expect_success 'license: --set license-permissive.metadata=no turns it off' '
	ec_json 1 --set license-permissive.metadata=no "$TEST_TMP/licbsd" &&
	test_eq "$(result_of license-permissive result)" pass
'

test_done
