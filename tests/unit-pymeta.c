/* unit-pymeta.c: Poetry and conda constraints, setup.py and setup.cfg
 * literals, requirement files and license agreement of the Python
 * readers (src/read/) */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "read/pep440.h"
#include "pymeta.h"
#include "strbuf.h"
#include "tap.h"

/* Poetry's constraint s as PEP 440, or "-" when it has none. */
static void
poetry_is(const char *s, const char *want)
{
	struct strbuf sb = STRBUF_INIT;

	if (pymeta_poetry_spec(s, &sb) != 0)
		strbuf_addstr(&sb, "-");
	is_str(sb.buf, want, "poetry %s", s);
	strbuf_release(&sb);
}

static void
conda_is(const char *s, const char *name, const char *spec)
{
	struct strbuf n = STRBUF_INIT, sp = STRBUF_INIT;

	if (pymeta_conda_spec(s, &n, &sp) != 0)
		strbuf_addstr(&sp, "-");
	is_str(n.buf, name, "conda %s: name", s);
	is_str(sp.buf, spec, "conda %s: spec", s);
	strbuf_release(&n);
	strbuf_release(&sp);
}

static void
test_constraints(void)
{
	poetry_is("^1.2.3", ">=1.2.3,<2");
	poetry_is("^0.2.3", ">=0.2.3,<0.3");
	poetry_is("^0.0.3", ">=0.0.3,<0.0.4");
	poetry_is("^2", ">=2,<3");
	poetry_is("~1.2.3", ">=1.2.3,<1.3");
	poetry_is("~1", ">=1,<2");
	poetry_is("~=1.4", "~=1.4");
	poetry_is("2.1.*", "==2.1.*");
	poetry_is("1.5", "==1.5");
	poetry_is(">=1.2, <2", ">=1.2,<2");
	poetry_is("*", "");
	poetry_is("^1.13 || ^2.0", "-");
	poetry_is("^x", "-");
	conda_is("pytorch >=2.1,<3", "pytorch", ">=2.1,<3");
	conda_is("pytorch=2.1", "pytorch", "==2.1.*");
	conda_is("pytorch==2.1.0", "pytorch", "==2.1.0");
	conda_is("pytorch 2.1.*", "pytorch", "==2.1.*");
	conda_is("pytorch 2.1", "pytorch", "==2.1.*");
	conda_is("pytorch 2.1* cuda*", "pytorch", "==2.1.*");
	conda_is("conda-forge::PyTorch>=2", "pytorch", ">=2");
	conda_is("pytorch", "pytorch", "");
	conda_is("pytorch 2.0|2.1", "pytorch", "-");
}

/* The first dependency on key in m, or NULL. */
static const struct pydep *
dep(const struct pymeta *m, const char *key)
{
	size_t i;

	for (i = 0; i < m->ndeps; i++)
		if (strcmp(m->deps[i].key, key) == 0)
			return &m->deps[i];
	return NULL;
}

static void
test_setup_py(void)
{
	static const char src[] =
	    "from setuptools import setup\n"
	    "# install_requires=['commented']\n"
	    "text = 'install_requires=[\"in-a-string\"]'\n"
	    "setup(\n"
	    "    name='demo',\n"
	    "    install_requires=[\n"
	    "        'torch>=2.0',  # comment\n"
	    "        \"numpy\" \"<2\",\n"
	    "    ],\n"
	    "    extras_require={'gpu': ['triton'], \"x\": []},\n"
	    "    classifiers=['License :: OSI Approved :: MIT License'],\n"
	    ")\n";
	static const char computed[] = "setup(install_requires=reqs(),\n"
	    "extras_require=EXTRAS)\n";
	struct pymeta m;
	const struct pydep *d;

	pymeta_init(&m);
	pymeta_read_text(&m, "setup.py", src, sizeof(src) - 1);
	is_int(m.ndeps, 3, "setup.py: three requirements read");
	ok(dep(&m, "commented") == NULL && dep(&m, "in-a-string") == NULL,
	    "setup.py: comments and strings are not read as arguments");
	d = dep(&m, "torch");
	ok(d != NULL && d->line == 7 && d->kind == PYDEP_REQUIRED &&
	    d->spec != NULL, "setup.py: torch required, at line 7");
	d = dep(&m, "numpy");
	ok(d != NULL && strcmp(d->spec_text, "<2") == 0,
	    "setup.py: adjacent literals join");
	d = dep(&m, "triton");
	ok(d != NULL && d->kind == PYDEP_OPTIONAL && d->group != NULL &&
	    strcmp(d->group, "gpu") == 0, "setup.py: extras_require");
	ok(m.names.n == 1 && strcmp(m.names.v[0].text, "demo") == 0,
	    "setup.py: the name");
	ok(m.licenses.n == 1 && strcmp(m.licenses.v[0].what, "classifier") ==
	    0, "setup.py: the license classifier");
	is_int(m.computed, 0, "setup.py: nothing computed");
	pymeta_release(&m);

	pymeta_init(&m);
	pymeta_read_text(&m, "setup.py", computed, strlen(computed));
	is_int(m.computed, 1, "setup.py: a computed install_requires counted");
	is_int(m.problems.n, 2, "setup.py: both computed values named");
	ok(m.problems.n > 0 && strncmp(m.problems.v[0], "setup.py:1: ", 12) ==
	    0, "setup.py: the problem has file:line");
	pymeta_release(&m);
}

static void
test_setup_cfg(void)
{
	static const char src[] =
	    "[metadata]\n"
	    "name = cfgdemo\n"
	    "license = BSD\n"
	    "\n"
	    "[options]\n"
	    "install_requires =\n"
	    "    torch>=2.1\n"
	    "    numpy\n"
	    "[options.extras_require]\n"
	    "docs = sphinx\n";
	struct pymeta m;
	const struct pydep *d;

	pymeta_init(&m);
	pymeta_read_text(&m, "setup.cfg", src, sizeof(src) - 1);
	d = dep(&m, "torch");
	ok(d != NULL && d->line == 7 && d->kind == PYDEP_REQUIRED,
	    "setup.cfg: a continuation line with its own line number");
	d = dep(&m, "sphinx");
	ok(d != NULL && d->kind == PYDEP_OPTIONAL && strcmp(d->group,
	    "docs") == 0, "setup.cfg: extras_require");
	ok(m.licenses.n == 1 && pymeta_license_agrees(&m.licenses.v[0],
	    "BSD-3-Clause") == 1 && pymeta_license_agrees(&m.licenses.v[0],
	    "MIT") == 0, "setup.cfg: BSD is the BSD family");
	pymeta_release(&m);
	pymeta_init(&m);
	pymeta_read_text(&m, "setup.cfg", "[metadata\nname = x\n",
	    strlen("[metadata\nname = x\n"));
	ok(m.problems.n == 1 && strncmp(m.problems.v[0], "setup.cfg:1:", 12) ==
	    0, "setup.cfg: a broken section header is named with its line");
	pymeta_release(&m);
}

static void
test_requirements(void)
{
	static const char src[] =
	    "torch>=2.0\n"
	    "not a valid ==== req !!\n"
	    "numpy --hash=sha256:00\n";
	struct pymeta m;

	pymeta_init(&m);
	pymeta_read_text(&m, "requirements.txt", src, sizeof(src) - 1);
	ok(dep(&m, "torch") != NULL && dep(&m, "numpy") != NULL,
	    "requirements: the lines around a bad one are read");
	ok(m.problems.n == 1 && strncmp(m.problems.v[0], "requirements.txt:2:",
	    19) == 0, "requirements: the bad line is named (nothing of it "
	    "leaks: LSan)");
	pymeta_release(&m);
}

static void
test_pyproject(void)
{
	static const char src[] =
	    "[project]\n"
	    "name = \"p\"\n"
	    "license = \"Apache-2.0\"\n"
	    "dependencies = [\"torch @ https://example.org/t.whl\"]\n"
	    "[dependency-groups]\n"
	    "test = [\"pytest\", {include-group = \"x\"}]\n"
	    "[tool.pytest.ini_options]\n"
	    "testpaths = [\"tests\", \"integration\"]\n";
	struct pymeta m;
	const struct pydep *d;

	pymeta_init(&m);
	pymeta_read_text(&m, "pyproject.toml", src, sizeof(src) - 1);
	d = dep(&m, "torch");
	ok(d != NULL && d->spec == NULL && d->note != NULL,
	    "pyproject: a URL requirement has no version, and says why");
	d = dep(&m, "pytest");
	ok(d != NULL && d->kind == PYDEP_GROUP && strcmp(d->group, "test") ==
	    0, "pyproject: a dependency group");
	is_int(m.testpaths.n, 2, "pyproject: pytest testpaths");
	ok(m.licenses.n == 1 && pymeta_license_agrees(&m.licenses.v[0],
	    "Apache-2.0") == 1 && pymeta_license_agrees(&m.licenses.v[0],
	    "MIT") == 0, "pyproject: a PEP 639 expression");
	pymeta_release(&m);
}

static void
test_license(void)
{
	struct pydecl d = { NULL, NULL, "x", 1 };

	d.what = "classifier";
	d.text = "License :: OSI Approved :: Apache Software License";
	is_int(pymeta_license_agrees(&d, "Apache-2.0"), 1,
	    "an Apache classifier is any Apache-*");
	is_int(pymeta_license_agrees(&d, "MIT"), 0,
	    "an Apache classifier is not MIT");
	d.text = "License :: OSI Approved :: Some Custom Thing";
	is_int(pymeta_license_agrees(&d, "MIT"), -1,
	    "an unknown classifier is not compared");
	d.what = "license";
	d.text = "Apache License 2.0";
	is_int(pymeta_license_agrees(&d, "Apache-2.0"), 1,
	    "Apache License 2.0 is Apache-2.0");
	d.text = "see LICENSE file";
	is_int(pymeta_license_agrees(&d, "MIT"), -1,
	    "free text is not compared");
	d.text = "GPL-3.0-only";
	is_int(pymeta_license_agrees(&d, "MIT"), 0,
	    "another SPDX id differs");
	d.what = "license expression";
	d.text = "(MIT OR Apache-2.0) AND BSD-3-Clause";
	is_int(pymeta_license_agrees(&d, "Apache-2.0"), 1,
	    "an expression naming the id agrees");
	is_int(pymeta_license_agrees(&d, "GPL-2.0-only"), 0,
	    "an expression not naming it differs");
	d.what = "license-files";
	d.text = "LICEN[CS]E*";
	is_int(pymeta_license_agrees(&d, "MIT"), -1,
	    "license-files are not compared");
}

int
main(void)
{
	test_constraints();
	test_setup_py();
	test_setup_cfg();
	test_requirements();
	test_pyproject();
	test_license();
	return done_testing();
}
