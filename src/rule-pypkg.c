/*
 * rule-pypkg.c: the "python-package" rule type: whether the project can
 * be installed as a pip or a conda package. pip: pyproject.toml with a
 * [build-system] or a project name, setup.py, or setup.cfg with a name;
 * conda: a conda recipe, or conda install instructions in the README.
 * Either one passes; the message names what was found. Everything comes
 * from the Python project (pymeta.h), the README through the check
 * context.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1		/* memmem */
#endif
#include "config.h"

#include <string.h>
#include <strings.h>

#include "ctx.h"
#include "finding.h"
#include "pymeta.h"
#include "rules.h"
#include "ruleset.h"
#include "strbuf.h"
#include "text.h"
#include "tree.h"

#define README_MAX	(512 * 1024)

static int	 pypkg_check(const struct rule *, struct check_ctx *,
		    struct finding *);

static const struct rule_key_spec pypkg_keys[] = {
	{ "readme", KEY_WORDS,
	    .doc = "README files read for conda install instructions" },
	{ .name = NULL }
};

const struct rule_type rule_python_package = {
	.name = "python-package",
	.summary = "a pip or conda package can be built or installed",
	.keys = pypkg_keys,
	.check = pypkg_check,
};

/* The first pip declaration: a name or a build backend. */
static const struct pydecl *
pip_decl(const struct pymeta *m)
{
	size_t i;

	for (i = 0; i < m->names.n; i++)
		if (strcmp(m->names.v[i].what, "conda recipe") != 0)
			return &m->names.v[i];
	return m->backends.n > 0 ? &m->backends.v[0] : NULL;
}

/* The first conda recipe (not an environment file), or NULL. */
static const struct pydecl *
conda_recipe(const struct pymeta *m)
{
	size_t i;

	for (i = 0; i < m->recipes.n; i++)
		if (strcmp(m->recipes.v[i].what, "recipe") == 0)
			return &m->recipes.v[i];
	return NULL;
}

/*
 * Whether the words at p of buf are a command, not prose: what comes
 * before them on their line is only a prompt ("$ ", "> ", "!", "%") or
 * white space (a code block), or they open inline code ("`conda ...",
 * "<code>conda ...").
 */
static int
is_command(const char *buf, const char *p)
{
	const char *s;

	if (p - buf >= 5 && memcmp(p - 5, "micro", 5) == 0)
		p -= 5;		/* micromamba install */
	if (p > buf && (p[-1] == '`' || p[-1] == '>'))
		return 1;
	for (s = p; s > buf && s[-1] != '\n'; s--)
		;
	while (s < p && (*s == ' ' || *s == '\t'))
		s++;
	if (s < p && strchr("$>!%", *s) != NULL)
		for (s++; s < p && (*s == ' ' || *s == '>'); s++)
			;
	return s == p;
}

/*
 * "conda install", "mamba install" or "micromamba install" in a README,
 * as a command: the line, or 0.
 */
static int	 is_command(const char *, const char *);

static int
readme_conda(const struct rule *r, struct check_ctx *ctx, const char **path)
{
	static const char *const readmes[] = { "README.md", "README.rst",
	    "README.txt", "README", NULL };
	static const char *const verbs[] = { "conda install ",
	    "mamba install ", NULL };
	const struct rule_key *rk;
	const struct tree_entry *e;
	const char *buf, *name, *p;
	size_t i, j, len;
	int trunc;

	rk = rule_key(r, "readme");
	for (i = 0; rk != NULL ? i < rk->n : readmes[i] != NULL; i++) {
		name = rk != NULL ? rk->v[i].value : readmes[i];
		if ((e = tree_lookup(ctx_tree(ctx), name, 1)) == NULL ||
		    ctx_read(ctx, e, README_MAX, CTX_READ_TEXT, NULL, &buf,
		    &len, &trunc) != 0)
			continue;
		for (j = 0; verbs[j] != NULL; j++)
			for (p = buf; (p = memmem(p, len - (size_t)(p - buf),
			    verbs[j], strlen(verbs[j]))) != NULL; p++)
				if (is_command(buf, p)) {
					*path = e->path;
					return text_line_of(buf,
					    (size_t)(p - buf));
				}
		return 0;
	}
	return 0;
}

static int
pypkg_check(const struct rule *r, struct check_ctx *ctx, struct finding *f)
{
	const struct pymeta *m;
	const struct pydecl *pip, *recipe;
	struct strbuf sb = STRBUF_INIT;
	const char *readme = NULL;
	int setup_py, line = 0;
	size_t i;

	m = pymeta_get(ctx);
	pip = pip_decl(m);
	setup_py = strvec_has(&m->files, "setup.py");
	if ((recipe = conda_recipe(m)) == NULL)
		line = readme_conda(r, ctx, &readme);
	if (pip != NULL) {
		strbuf_addf(&sb, "pip: %s%s '%s' (%s:%d)", pip->what,
		    strcmp(pip->what, "build-backend") == 0 ? "" : " names",
		    pip->text, pip->path, pip->line);
		finding_evidence(f, pip->path, pip->line, NULL);
	} else if (setup_py) {
		strbuf_addstr(&sb, "pip: setup.py (its name is computed)");
		finding_evidence(f, "setup.py", 0, NULL);
	}
	if (recipe != NULL) {
		strbuf_addf(&sb, "%sconda: a recipe, %s", sb.len ? "; " : "",
		    recipe->path);
		finding_evidence(f, recipe->path, 0, NULL);
	} else if (line > 0) {
		strbuf_addf(&sb, "%sconda: install instructions in %s:%d",
		    sb.len ? "; " : "", readme, line);
		finding_evidence(f, readme, line, NULL);
	}
	if (sb.len > 0) {
		finding_result(f, RESULT_PASS, "%s", sb.buf);
		/* found in what was read: the others are only named */
		(void)pymeta_unread(ctx, m, PYFILE_METADATA | PYFILE_RECIPE, f,
		    NULL);
	} else if (pymeta_judge(ctx, m, PYFILE_METADATA | PYFILE_RECIPE, f)) {
		/* a packaging file not read may name the package */
		strbuf_release(&sb);
		return 0;
	} else {
		finding_result(f, RESULT_FAIL, "no pip or conda package: no "
		    "pyproject.toml with a [build-system] or a name, no "
		    "setup.py or setup.cfg with a name, no conda recipe, no "
		    "conda install instructions in the README");
		finding_fix(f, "add a pyproject.toml with [build-system] and "
		    "[project] name, or a conda recipe");
	}
	for (i = 0; i < m->problems.n && pip == NULL; i++)
		finding_detail(f, "%s", m->problems.v[i]);
	if (sb.len == 0 && m->meta_problems > 0) {	/* not requirements' */
		f->judgment = 1;
		finding_result(f, RESULT_UNKNOWN, "no pip or conda package "
		    "found, but a packaging file could not be read: %s",
		    m->problems.v[0]);
	}
	strbuf_release(&sb);
	return 0;
}
