/* ci.c: which CI a file configures, whether it runs tests, which torch it tests */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1		/* memmem */
#endif
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "read/ci.h"
#include "read/reader.h"
#include "read/yamlcap.h"
#include "strbuf.h"
#include "xalloc.h"

#define CI_MAX_DEPTH	YCAP_MAX_DEPTH	/* YAML nesting read */
#define CI_MAX_KEY	128		/* bytes of a mapping key kept */
#define CI_MAX_WORDS	64		/* words of a command line looked at */
#define CI_MAX_HITS	200		/* hits of one kind kept per file */
#define CI_MAX_DOES	8		/* distinct things a file does, kept */
#define CI_TEXT_MAX	100		/* bytes of a command kept */

/* A collection open in the YAML event stream. */
struct frame {
	int	 map;		/* a mapping (else a sequence) */
	int	 expect_key;	/* the next scalar is a key */
	int	 complex;	/* a collection is its current key */
	char	 key[CI_MAX_KEY];
	char	 name[CI_MAX_KEY];	/* its "name:" value (a step's) */
	int	 name_line;
};

struct yaml_walk {
	struct ci_file	*out;
	struct frame	 st[CI_MAX_DEPTH];
	int		 depth;
	int		 push;		/* run on push or pull_request */
	int		 paths;		/* only when some paths change */
	int		 broad;		/* those take in tests or sources */
};

static int	 yaml_name(const char *);
static void	 hit_add(struct ci_hits *, int, const char *, const char *,
		    size_t);
static void	 does_add(struct ci_file *, const char *, size_t);
static int	 word_is(const char *, const char *);
static const char *base_name(const char *);
static int	 is_test_path(const char *);
static int	 is_test_task(const char *);
static int	 is_python(const char *);
static const char *python_args(char **, size_t, size_t);
static size_t	 runner_options(char **, size_t, size_t);
static size_t	 command_start(char **, size_t, size_t, int *);
static const char *build_tests(const char *, char **, size_t, size_t);
static const char *launcher_tests(const char *, char **, size_t, size_t,
		    int, struct strbuf *);
static int	 is_check_name(const char *);
static int	 checks_only(char **, size_t, size_t);
static void	 opaque_note(char **, size_t, size_t, int, struct strbuf *);
static void	 runner_call(char **, size_t, size_t, struct strbuf *);
static const char *python_tests(char **, size_t, size_t, struct strbuf *);
static int	 is_shell_keyword(const char *, size_t);
static int	 is_test_name(const char *);
static int	 param_of_torch(const struct yaml_walk *, int, const char *);
static void	 yaml_trigger(struct yaml_walk *, const char *, size_t);
static void	 yaml_commands(struct yaml_walk *, struct frame *, const char *,
		    size_t, int);
static int	 is_task_runner(const char *);
static const char *simple_command(char **, size_t, int, struct strbuf *);
static int	 is_op(int);
static void	 shell_word(const char **, const char *, char **);
static const char *line_tests(const char *, size_t, int,
		    struct strbuf *);
static size_t	 torch_clause(const char *, size_t, int, struct strbuf *);
static size_t	 torch_spec(const char *, size_t, int, struct strbuf *);
static void	 scan_torch(struct ci_file *, const char *, size_t, int);
static void	 torch_value(struct ci_file *, const char *, size_t, int);
static void	 scan_line(struct ci_file *, const char *, size_t, int,
		    struct strbuf *);
static void	 scan_script(struct ci_file *, const char *, size_t, int,
		    struct strbuf *);
static int	 is_command_key(const char *);
static void	 yaml_value(struct yaml_walk *, const char *, size_t, int,
		    int);
static int	 yaml_push(struct yaml_walk *, int, int);
static void	 yaml_pop(struct yaml_walk *);
static void	 yaml_scalar(struct yaml_walk *, const yaml_event_t *, int);
static int	 yaml_event(struct yaml_walk *, const yaml_event_t *);
static int	 read_yaml(const char *, size_t, struct ci_file *);
static int	 read_tox(const char *, size_t, struct ci_file *);
static int	 read_nox(const char *, size_t, struct ci_file *);
static int	 read_jenkins(const char *, size_t, struct ci_file *);
static int	 read_script(const char *, size_t, struct ci_file *);
static void	*ci_parse(const struct reader_input *);
static void	 ci_free(void *);

static const char *const kind_names[] = {
	[CI_GITHUB] = "GitHub Actions",
	[CI_GITLAB] = "GitLab CI",
	[CI_CIRCLECI] = "CircleCI",
	[CI_AZURE] = "Azure Pipelines",
	[CI_BUILDKITE] = "Buildkite",
	[CI_JENKINS] = "Jenkins",
	[CI_TRAVIS] = "Travis CI",
	[CI_YAML] = "CI",
	[CI_TOX] = "tox",
	[CI_NOX] = "nox",
	[CI_SCRIPT] = "script",
};

/* Keys whose values are shell commands, in the CI services' YAML. */
static const char *const command_keys[] = {
	"run", "script", "scripts", "command", "commands", "bash", "pwsh",
	"powershell", "sh", "before_script", "after_script", "install",
	"before_install", "test_script", "steps_script", NULL
};

const char *
ci_kind_name(enum ci_kind k)
{
	return kind_names[k];
}

int
ci_kind_is_service(enum ci_kind k)
{
	return k != CI_TOX && k != CI_NOX;
}

/* Whether path ends in ".yml" or ".yaml". */
static int
yaml_name(const char *path)
{
	size_t n;

	n = strlen(path);
	return (n > 4 && strcmp(path + n - 4, ".yml") == 0) ||
	    (n > 5 && strcmp(path + n - 5, ".yaml") == 0);
}

int
ci_kind_of_path(const char *path)
{
	const char *slash;

	if (strncmp(path, ".github/workflows/", 18) == 0) {
		/* GitHub reads only the top of that directory */
		if (strchr(path + 18, '/') != NULL || !yaml_name(path))
			return -1;
		return CI_GITHUB;
	}
	if (strcmp(path, ".gitlab-ci.yml") == 0)
		return CI_GITLAB;
	if (strcmp(path, ".circleci/config.yml") == 0 ||
	    strcmp(path, ".circleci/config.yaml") == 0)
		return CI_CIRCLECI;
	if (strcmp(path, "azure-pipelines.yml") == 0 ||
	    strcmp(path, "azure-pipelines.yaml") == 0 ||
	    strcmp(path, ".azure-pipelines.yml") == 0 ||
	    (strncmp(path, ".azure-pipelines/", 17) == 0 && yaml_name(path)))
		return CI_AZURE;
	if (strncmp(path, ".buildkite/", 11) == 0 && yaml_name(path) &&
	    strstr(path, "pipeline") != NULL)
		return CI_BUILDKITE;
	if (strcmp(path, ".travis.yml") == 0)
		return CI_TRAVIS;
	if (strcmp(path, "Jenkinsfile") == 0)
		return CI_JENKINS;
	if (strcmp(path, "tox.ini") == 0)
		return CI_TOX;
	if (strcmp(path, "noxfile.py") == 0)
		return CI_NOX;
	/* Jenkinsfile.gpu, ci/Jenkinsfile, build.jenkinsfile */
	slash = strrchr(path, '/');
	slash = slash != NULL ? slash + 1 : path;
	if (strncmp(slash, "Jenkinsfile", 11) == 0 ||
	    (strlen(slash) > 12 && strcmp(slash + strlen(slash) - 12,
	    ".jenkinsfile") == 0))
		return CI_JENKINS;
	return yaml_name(path) ? CI_YAML : -1;
}

/* Keep a hit: the first CI_TEXT_MAX bytes of text, trimmed. */
static void
hit_add(struct ci_hits *h, int line, const char *what, const char *text,
    size_t len)
{
	struct ci_hit *x;
	struct strbuf sb = STRBUF_INIT;

	if (h->n >= CI_MAX_HITS)
		return;
	while (len > 0 && isspace((unsigned char)*text)) {
		text++;
		len--;
	}
	while (len > 0 && isspace((unsigned char)text[len - 1]))
		len--;
	if (len > CI_TEXT_MAX) {
		strbuf_add(&sb, text, CI_TEXT_MAX);
		strbuf_addstr(&sb, "...");
	} else
		strbuf_add(&sb, text, len);
	XGROW(h->v, h->n + 1, h->alloc);
	x = &h->v[h->n++];
	x->line = line;
	x->what = xstrdup(what);
	x->text = strbuf_detach(&sb, NULL);
}

/* Remember one distinct thing the file does ("uses X", "pip install"). */
static void
does_add(struct ci_file *out, const char *s, size_t len)
{
	char buf[64];

	if (out->does.n >= CI_MAX_DOES || len == 0)
		return;
	if (len >= sizeof(buf))
		len = sizeof(buf) - 1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	if (!strvec_has(&out->does, buf))
		strvec_push(&out->does, buf);
}

static int
word_is(const char *w, const char *s)
{
	return strcmp(w, s) == 0;
}

static const char *
base_name(const char *w)
{
	const char *s;

	s = strrchr(w, '/');
	return s != NULL ? s + 1 : w;
}

/*
 * Whether a script path looks like tests: under tests/ or test/, or a
 * name with "test" starting a word (run_tests.sh, test-gpu.py; not
 * latest.sh), and not a data or configuration file.
 */
static int
is_test_path(const char *w)
{
	static const char *const data_ext[] = { ".txt", ".ini", ".cfg",
	    ".toml", ".yml", ".yaml", ".json", ".md", ".rst", ".lock", NULL };
	const char *b, *p, *dot;
	size_t i;

	if (strncmp(w, "./", 2) == 0)
		w += 2;
	b = base_name(w);
	if ((dot = strrchr(b, '.')) != NULL)
		for (i = 0; data_ext[i] != NULL; i++)
			if (strcmp(dot, data_ext[i]) == 0)
				return 0;
	if (strncmp(w, "tests/", 6) == 0 || strncmp(w, "test/", 5) == 0 ||
	    strstr(w, "/tests/") != NULL || strstr(w, "/test/") != NULL)
		return 1;
	for (p = b; (p = strstr(p, "test")) != NULL; p++)
		if (p == b || p[-1] == '_' || p[-1] == '-' || p[-1] == '.' ||
		    (p - b >= 4 && strncmp(p - 4, "unit", 4) == 0))
			return 1;
	return 0;
}

/* A task name of a task runner that runs tests ("test", "unit-tests"). */
static int
is_test_task(const char *w)
{
	return strstr(w, "test") != NULL && strcmp(w, "latest") != 0;
}

/* python, python3, python3.12, pypy3, {envpython}, $PYTHON... */
static int
is_python(const char *w)
{
	const char *b;

	b = base_name(w);
	if (*b == '{' || *b == '$')
		b++;
	return strncmp(b, "python", 6) == 0 || strncmp(b, "pypy", 4) == 0 ||
	    strcmp(b, "py") == 0 || strncmp(b, "envpython", 9) == 0 ||
	    strncmp(b, "PYTHON", 6) == 0;
}

/*
 * The arguments of python from w[i]: "-m pytest", "-m unittest", a test
 * script, "setup.py test".
 */
static const char *
python_args(char **w, size_t n, size_t i)
{
	const char *m;

	for (; i < n && w[i][0] == '-'; i++) {
		if (word_is(w[i], "-m") && i + 1 < n) {
			m = w[i + 1];
			if (word_is(m, "pytest") || word_is(m, "py.test"))
				return "pytest";
			if (word_is(m, "unittest"))
				return "python -m unittest";
			if (word_is(m, "tox"))
				return "tox";
			if (word_is(m, "nox"))
				return "nox";
			if (word_is(m, "coverage") && i + 2 < n &&
			    word_is(w[i + 2], "run"))
				return python_args(w, n, i + 3);
			if (word_is(m, "torch.distributed.run") ||
			    word_is(m, "torch.distributed.launch"))
				return python_args(w, n, i + 2);
			return NULL;
		}
		if (word_is(w[i], "-c"))
			return NULL;
		if ((word_is(w[i], "-W") || word_is(w[i], "-X")) && i + 1 < n)
			i++;
	}
	if (i >= n)
		return NULL;
	if (strcmp(base_name(w[i]), "setup.py") == 0)
		return i + 1 < n && word_is(w[i + 1], "test") ?
		    "setup.py test" : NULL;
	return is_test_path(w[i]) ? "a test script" : NULL;
}

/*
 * After "uv run", "conda run": its options, with the value of those
 * that take one ("-n NAME", "--extra X"); the index of the command.
 */
static size_t
runner_options(char **w, size_t n, size_t i)
{
	static const char *const valued[] = { "-n", "--name", "-p", "-e",
	    "--extra", "--group", "--with", "--python", "--directory",
	    "--project", "--package", "--env-file", "--spec", NULL };
	size_t k;

	for (; i < n && w[i][0] == '-'; i++) {
		if (w[i][1] == '-' && strchr(w[i], '=') != NULL)
			continue;
		if (i + 1 >= n || w[i + 1][0] == '-')
			continue;
		for (k = 0; valued[k] != NULL; k++)
			if (word_is(w[i], valued[k])) {
				i++;
				break;
			}
	}
	return i;
}

/*
 * The index of the command that w[i..n) runs, past VAR=value words,
 * the shell's grammar ("if", "then", "do"), wrappers (sudo, env,
 * timeout N, mpirun -np N) and task runners ("uv
 * run", "conda run -n NAME": then *task is the runner's index + 1).
 */
static size_t
command_start(char **w, size_t n, size_t i, int *task)
{
	static const char *const wrappers[] = { "sudo", "time", "env",
	    "exec", "nohup", "command", "xvfb-run", "catchsegv", "srun",
	    "mpirun", "mpiexec", "if", "then", "else", "elif", "do",
	    "while", "until", "!", NULL };
	static const char *const runners[] = { "uv", "poetry", "pipenv",
	    "hatch", "pdm", "pixi", "rye", "conda", "mamba", "micromamba",
	    "npm", "yarn", "pnpm", "pipx", NULL };
	size_t k;
	int wrapped;

	do {
		wrapped = 0;
		while (i < n && strchr(w[i], '=') != NULL && w[i][0] != '-' &&
		    (isalpha((unsigned char)w[i][0]) || w[i][0] == '_'))
			i++;
		if (i >= n)
			return n;
		for (k = 0; wrappers[k] != NULL && !wrapped; k++)
			if (word_is(w[i], wrappers[k])) {
				for (i++; i < n && w[i][0] == '-'; i++)
					if (word_is(w[i], "-n") ||
					    word_is(w[i], "-np"))
						i++;
				wrapped = 1;
			}
		if (i < n && word_is(w[i], "timeout") && i + 1 < n) {
			i += 2;
			wrapped = 1;
		}
		for (k = 0; !wrapped && runners[k] != NULL; k++)
			if (i + 1 < n && word_is(w[i], runners[k]) &&
			    word_is(w[i + 1], "run")) {
				*task = (int)i + 1;
				i = runner_options(w, n, i + 2);
				wrapped = 1;
			}
	} while (wrapped && i < n);
	return i;
}

/* make check, ninja test, cmake --target test: "make test" or NULL. */
static const char *
build_tests(const char *c, char **w, size_t n, size_t i)
{
	if (word_is(c, "cmake")) {
		for (i++; i + 1 < n; i++)
			if (word_is(w[i], "--target") &&
			    (word_is(w[i + 1], "test") ||
			    word_is(w[i + 1], "check")))
				return "make test";
		return NULL;
	}
	for (i++; i < n; i++)
		if (w[i][0] != '-' && strchr(w[i], '=') == NULL &&
		    (word_is(w[i], "check") || is_test_task(w[i])))
			return c[0] == 'n' ? "ninja test" : "make test";
	return NULL;
}

/*
 * A shell, torchrun or deepspeed running w[i..n): a test script, or
 * "bash -c '...'" read as a line while depth lasts.
 */
static const char *
launcher_tests(const char *c, char **w, size_t n, size_t i, int depth,
    struct strbuf *opaque)
{
	int shell;

	shell = word_is(c, "bash") || word_is(c, "sh") || word_is(c, "zsh");
	for (i++; i < n && w[i][0] == '-'; i++)
		if (shell && word_is(w[i], "-c") && i + 1 < n)
			return depth > 0 ? line_tests(w[i + 1],
			    strlen(w[i + 1]), depth - 1, opaque) : NULL;
	if (i < n && is_test_path(w[i]))
		return "a test script";
	if (i < n)
		opaque_note(w, n, i, 1, opaque);
	return NULL;
}

/* A task of a task runner that runs tests: "npm test", "just test". */
static int
is_task_runner(const char *c)
{
	static const char *const tools[] = { "npm", "yarn", "pnpm", "cargo",
	    "go", "hatch", "just", "invoke", "inv", "task", "poe", NULL };
	size_t k;

	for (k = 0; tools[k] != NULL; k++)
		if (word_is(c, tools[k]))
			return 1;
	return 0;
}

/* A session, env or target that checks rather than tests: lint, docs. */
static int
is_check_name(const char *w)
{
	static const char *const names[] = { "lint", "linting", "format",
	    "fmt", "style", "types", "typing", "typecheck", "type-check",
	    "mypy", "pyright", "flake8", "ruff", "pylint", "black", "isort",
	    "docs", "doc", "docs-build", "build-docs", "pre-commit",
	    "precommit", "check-manifest", "spell", "codespell", NULL };
	size_t k;

	for (k = 0; names[k] != NULL; k++)
		if (strcmp(w, names[k]) == 0)
			return 1;
	return 0;
}

/*
 * Whether "tox -e a,b" or "nox -s a b" from w[i] names only lint, format,
 * type-check and docs envs or sessions.
 */
static int
checks_only(char **w, size_t n, size_t i)
{
	char buf[CI_MAX_KEY];
	const char *p, *comma;
	size_t len, named;

	for (named = 0, i++; i < n; i++) {
		if (!word_is(w[i], "-e") && !word_is(w[i], "-s") &&
		    !word_is(w[i], "--session") && !word_is(w[i], "--sessions"))
			continue;
		for (i++; i < n && w[i][0] != '-'; i++)
			for (p = w[i]; *p != '\0'; p = *comma ? comma + 1 :
			    comma) {
				if ((comma = strchr(p, ',')) == NULL)
					comma = p + strlen(p);
				len = (size_t)(comma - p);
				if (len == 0 || len >= sizeof(buf))
					continue;
				memcpy(buf, p, len);
				buf[len] = '\0';
				if (!is_check_name(buf))
					return 0;
				named++;
			}
		i--;
	}
	return named > 0;
}

/*
 * Note in opaque (unless NULL, or already noted) a command that may run
 * tests but cannot be followed here: a script, a task of a task runner,
 * a recipe build, a container. w[i] is the command; any: whatever it is.
 */
static void
opaque_note(char **w, size_t n, size_t i, int any, struct strbuf *opaque)
{
	static const char *const tools[] = { "make", "gmake", "just",
	    "invoke", "inv", "poe", "nox", "tox", "hatch", "pixi", "task",
	    "docker", "podman", "rattler-build", "conda", "mamba", "bash",
	    "sh", "npm", "yarn", "pnpm", NULL };
	const char *c;
	size_t k, j;

	if (opaque == NULL || opaque->len > 0 || i >= n)
		return;
	c = base_name(w[i]);
	for (k = 0; !any && tools[k] != NULL; k++)
		if (word_is(c, tools[k]))
			any = 1;
	if (!any && (strchr(w[i], '/') != NULL || (strlen(c) > 3 &&
	    (strcmp(c + strlen(c) - 3, ".sh") == 0 ||
	    strcmp(c + strlen(c) - 3, ".py") == 0))))
		any = 1;
	if (!any)
		return;
	for (j = i; j < n && j < i + 6; j++)
		strbuf_addf(opaque, "%s%s", j > i ? " " : "", w[j]);
}

/*
 * The call of tox or nox at w[i] ("tox -e py311", "nox -s tests"), in
 * opaque (unless NULL) in place of any other: the CI file's reader keeps
 * it, so that the envs or sessions it runs are followed.
 */
static void
runner_call(char **w, size_t n, size_t i, struct strbuf *opaque)
{
	size_t j;

	if (opaque == NULL)
		return;
	strbuf_reset(opaque);
	for (j = i; j < n && j < i + 12 && !word_is(w[j], "--"); j++)
		strbuf_addf(opaque, "%s%s", j > i ? " " : "", w[j]);
}

/*
 * Whether python at w[i] runs tests; "python -m tox -e py311" is noted
 * as the call of tox, to be followed.
 */
static const char *
python_tests(char **w, size_t n, size_t i, struct strbuf *opaque)
{
	const char *t;

	t = python_args(w, n, i + 1);
	for (; t != NULL && (*t == 't' || *t == 'n') && i + 1 < n; i++)
		if (word_is(w[i], "-m") && strcmp(w[i + 1], t) == 0) {
			if (checks_only(w, n, i + 1))
				return NULL;
			runner_call(w, n, i + 1, opaque);
			break;
		}
	return t;
}

/*
 * Whether the simple command w[0..n) runs tests; depth bounds the shells
 * of "bash -c '...'" looked into; what may run tests but cannot be
 * followed is noted in opaque.
 */
static const char *
simple_command(char **w, size_t n, int depth, struct strbuf *opaque)
{
	const char *c, *t;
	size_t i;
	int task;

	task = 0;
	if ((i = command_start(w, n, 0, &task)) >= n)
		return NULL;
	c = base_name(w[i]);
	/* "hatch run test", "pixi run unit-tests": a task of the project */
	if (task && is_test_task(c) && strchr(w[i], '/') == NULL &&
	    strchr(c, '.') == NULL && strncmp(c, "pytest", 6) != 0)
		return "a test task";
	/* pytest, pytest-3, and wrappers named for it (xpytest) */
	if (word_is(c, "pytest") || word_is(c, "py.test") ||
	    strncmp(c, "pytest-", 7) == 0 || (strlen(c) > 6 &&
	    strcmp(c + strlen(c) - 6, "pytest") == 0 &&
	    isalpha((unsigned char)c[0])))
		return "pytest";
	if ((word_is(c, "tox") || word_is(c, "nox")) && checks_only(w, n, i))
		return NULL;
	if (word_is(c, "tox") || word_is(c, "nox")) {
		runner_call(w, n, i, opaque);
		return c[0] == 't' ? "tox" : "nox";
	}
	if (word_is(c, "ctest"))
		return "ctest";
	if (word_is(c, "coverage") && i + 1 < n && word_is(w[i + 1], "run"))
		return python_args(w, n, i + 2);
	if (is_python(c))
		return python_tests(w, n, i, opaque);
	if (word_is(c, "make") || word_is(c, "gmake") ||
	    word_is(c, "ninja") || word_is(c, "cmake")) {
		if ((t = build_tests(c, w, n, i)) == NULL)
			opaque_note(w, n, i, 1, opaque);
		return t;
	}
	if (is_task_runner(c) && i + 1 < n && is_test_task(w[i + 1]))
		return "a test task";
	if (word_is(c, "bash") || word_is(c, "sh") || word_is(c, "zsh") ||
	    word_is(c, "torchrun") || word_is(c, "deepspeed"))
		return launcher_tests(c, w, n, i, depth, opaque);
	/* "pixi run check": the runner named with its task */
	if (task > 0 && (word_is(w[task - 1], "pixi") ||
	    word_is(w[task - 1], "hatch")))
		opaque_note(w, n, (size_t)task - 1, 1, opaque);
	else
		opaque_note(w, n, i, task, opaque);
	/* ./run_tests.sh, tests/run.sh; a bare "test" is the shell's test */
	if (w[i][0] != '\0' && w[i][strlen(w[i]) - 1] == '/')
		return NULL;
	if (strchr(w[i], '/') != NULL || strchr(c, '.') != NULL)
		return is_test_path(w[i]) ? "a test script" : NULL;
	if (word_is(c, "runtests") || word_is(c, "run_tests") ||
	    word_is(c, "run-tests"))
		return "a test script";
	return NULL;
}

/* A shell operator that ends a simple command. */
static int
is_op(int c)
{
	return c != '\0' && strchr(";&|()`", c) != NULL;
}

/*
 * Copy the shell word at *pp to *o, quotes dropped, and NUL-terminate
 * it; "${{ expr }}" of GitHub Actions is one word, spaces and operators
 * within. Both pointers are moved past it.
 */
static void
shell_word(const char **pp, const char *end, char **o)
{
	const char *p = *pp;
	char *out = *o;
	int q;

	q = 0;
	while (p < end && (q != 0 || (*p != ' ' && *p != '\t' &&
	    *p != '\r' && *p != '\n' && *p != '\0' && !is_op(*p)))) {
		if (q == 0 && end - p >= 3 && memcmp(p, "${{", 3) == 0) {
			while (p < end && !(end - p >= 2 &&
			    memcmp(p, "}}", 2) == 0))
				*out++ = *p++;
			if (p < end) {
				*out++ = *p++;
				*out++ = *p++;
			}
			continue;
		}
		if (q == 0 && (*p == '\'' || *p == '"'))
			q = *p;
		else if (q != 0 && *p == q)
			q = 0;
		else if (*p != '\0')
			*out++ = *p;
		p++;
	}
	*out++ = '\0';
	*pp = p;
	*o = out;
}

/*
 * Whether one line of shell runs tests: split into words (quotes
 * dropped) and simple commands (at ;, &&, ||, |, &, parentheses).
 */
static const char *
line_tests(const char *s, size_t len, int depth, struct strbuf *opaque)
{
	char *w[CI_MAX_WORDS], *buf, *o, *word;
	const char *p, *end, *found;
	size_t n;

	/* every word and its NUL fit in len + 1 bytes */
	buf = xmalloc(len + 1);
	o = buf;
	n = 0;
	found = NULL;
	end = s + len;
	for (p = s; p < end && found == NULL; ) {
		if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' ||
		    *p == '\0') {
			p++;
			continue;
		}
		if (*p == '#')
			break;
		if (is_op(*p)) {
			while (p < end && is_op(*p))
				p++;
			if (n > 0)
				found = simple_command(w, n, depth, opaque);
			n = 0;
			continue;
		}
		/* a word past CI_MAX_WORDS is read, not kept */
		word = o;
		shell_word(&p, end, &o);
		if (n < CI_MAX_WORDS)
			w[n++] = word;
	}
	if (found == NULL && n > 0)
		found = simple_command(w, n, depth, opaque);
	free(buf);
	return found;
}

const char *
ci_command_tests(const char *s, size_t len)
{
	return line_tests(s, len, 1, NULL);
}

const char *
ci_command_look(const char *s, size_t len, struct strbuf *opaque)
{
	return line_tests(s, len, 1, opaque);
}

/*
 * One clause of a torch specifier at s, appended to out: "==2.1.0",
 * ">=2.15", "~=2.1", "<3", conda's "=2.1" (the series, kept as "2.1"),
 * or with bare a version alone ("2.14", a matrix or env value). The
 * bytes read; 0 when s holds none.
 */
static size_t
torch_clause(const char *s, size_t len, int bare, struct strbuf *out)
{
	size_t op, v;

	for (op = 0; op < len && op < 3 && s[op] != '\0' &&
	    strchr("=<>~!", s[op]) != NULL; op++)
		;
	if ((op == 0 && !bare) || op == 3 || (op == 2 && s[1] != '=') ||
	    (op == 1 && s[0] != '<' && s[0] != '>' && s[0] != '='))
		return 0;
	for (v = op; v < len && (isalnum((unsigned char)s[v]) ||
	    s[v] == '.' || s[v] == '*' || s[v] == '+' || s[v] == '!'); v++)
		;
	if (v == op || !isdigit((unsigned char)s[op]))
		return 0;
	if (op == 1 && s[0] == '=')
		strbuf_add(out, s + 1, v - 1);
	else
		strbuf_add(out, s, v);
	return v;
}

/*
 * A torch specifier at s: clauses joined by commas (">=2.1,<3"), the
 * first perhaps bare; appended to out. The bytes read, 0 for none.
 */
static size_t
torch_spec(const char *s, size_t len, int bare, struct strbuf *out)
{
	size_t n, k, keep;

	if ((n = torch_clause(s, len, bare, out)) == 0)
		return 0;
	while (n + 1 < len && s[n] == ',') {
		keep = out->len;
		strbuf_addch(out, ',');
		if ((k = torch_clause(s + n + 1, len - n - 1, 0, out)) == 0) {
			strbuf_setlen(out, keep);
			break;
		}
		n += 1 + k;
	}
	return n;
}

/*
 * The torch a command installs: torch or pytorch followed by a
 * specifier ("pip install 'torch>=2.1'", "torch==2.0.1+cpu", conda's
 * "pytorch=2.1"); torchvision, pytorch-lightning and the like are not
 * torch.
 */
static void
scan_torch(struct ci_file *out, const char *s, size_t len, int line)
{
	struct strbuf spec = STRBUF_INIT;
	const char *p, *end, *name;
	size_t n;

	end = s + len;
	for (p = s; p + 5 <= end && (p = memmem(p, (size_t)(end - p), "torch",
	    5)) != NULL; p += 5) {
		name = p;
		if (p - s >= 2 && memcmp(p - 2, "py", 2) == 0)
			name = p - 2;
		if (name > s && (isalnum((unsigned char)name[-1]) ||
		    name[-1] == '-' || name[-1] == '_' || name[-1] == '.'))
			continue;
		strbuf_reset(&spec);
		if ((n = torch_spec(p + 5, (size_t)(end - p - 5), 0,
		    &spec)) > 0)
			hit_add(&out->torch, line, spec.buf, name,
			    (size_t)(p + 5 + n - name));
	}
	strbuf_release(&spec);
}

/*
 * The value of a torch key (a matrix entry, an env variable), when it
 * is one version or specifier: "2.14", ">=2.1"; not "latest", not an
 * expression "${{ matrix.torch }}".
 */
static void
torch_value(struct ci_file *out, const char *v, size_t len, int line)
{
	struct strbuf spec = STRBUF_INIT;

	while (len > 0 && isspace((unsigned char)*v)) {
		v++;
		len--;
	}
	while (len > 0 && isspace((unsigned char)v[len - 1]))
		len--;
	if (len > 0 && torch_spec(v, len, 1, &spec) == len)
		hit_add(&out->torch, line, spec.buf, v, len);
	strbuf_release(&spec);
}

/* Whether s starts with a word of the shell's grammar: if, then, fi. */
static int
is_shell_keyword(const char *s, size_t len)
{
	static const char *const kw[] = { "if", "then", "else", "elif", "fi",
	    "do", "done", "for", "while", "until", "case", "esac", "{", "}",
	    "[", "[[", "!", "function", NULL };
	size_t k, n;

	for (n = 0; n < len && s[n] != ' ' && s[n] != '\t' && s[n] != ';';
	    n++)
		;
	for (k = 0; kw[k] != NULL; k++)
		if (strlen(kw[k]) == n && strncmp(s, kw[k], n) == 0)
			return 1;
	return 0;
}

/*
 * One command line at line: tests, torch installs, what it does; what
 * may run tests but cannot be followed, in opaque (unless NULL).
 */
static void
scan_line(struct ci_file *out, const char *s, size_t len, int line,
    struct strbuf *opaque)
{
	struct strbuf op = STRBUF_INIT;
	const char *t;
	size_t i, words, want;

	while (len > 0 && isspace((unsigned char)*s)) {
		s++;
		len--;
	}
	if (len == 0 || *s == '#')
		return;
	out->commands++;
	if ((t = line_tests(s, len, 1, &op)) != NULL) {
		hit_add(&out->tests, line, t, s, len);
		/* the call of tox or nox, to be followed */
		if ((strcmp(t, "tox") == 0 || strcmp(t, "nox") == 0) &&
		    strncmp(op.buf, t, 3) == 0)
			hit_add(&out->calls, line, op.buf, s, len);
	} else if (op.len > 0) {
		hit_add(&out->calls, line, op.buf, s, len);
		if (opaque != NULL && opaque->len == 0)
			strbuf_add(opaque, op.buf, op.len);
	}
	strbuf_release(&op);
	scan_torch(out, s, len, line);
	/* the first words say what it does: "pip install", "python -m
	 * build" */
	want = 2;
	for (i = 0, words = 0; i < len; i++) {
		if (s[i] != ' ' || (i > 0 && s[i - 1] == ' '))
			continue;
		if (++words == 1 && i + 1 < len && s[i + 1] == '-')
			want = 3;
		if (words == want)
			break;
	}
	while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\\'))
		i--;
	if (t == NULL && !is_shell_keyword(s, len))
		does_add(out, s, i);
}

/*
 * A script of several lines starting at line: each line (joined with the
 * next when it ends in a backslash) scanned on its own.
 */
static void
scan_script(struct ci_file *out, const char *s, size_t len, int line,
    struct strbuf *opaque)
{
	struct strbuf joined = STRBUF_INIT;
	const char *p, *end, *nl, *e;
	int first, cur;

	end = s + len;
	first = line;
	cur = line;
	for (p = s; p < end; p = nl + 1, cur++) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		e = nl;
		if (e > p && e[-1] == '\r')
			e--;
		if (joined.len == 0)
			first = cur;
		if (e > p && e[-1] == '\\') {
			strbuf_add(&joined, p, (size_t)(e - 1 - p));
			strbuf_addch(&joined, ' ');
			if (nl < end)
				continue;
		} else
			strbuf_add(&joined, p, (size_t)(e - p));
		scan_line(out, joined.buf, joined.len, first, opaque);
		strbuf_reset(&joined);
		if (nl == end)
			break;
	}
	if (joined.len > 0)
		scan_line(out, joined.buf, joined.len, first, opaque);
	strbuf_release(&joined);
}

static int
is_command_key(const char *k)
{
	size_t i;

	for (i = 0; command_keys[i] != NULL; i++)
		if (strcmp(k, command_keys[i]) == 0)
			return 1;
	return 0;
}

/*
 * Whether a key names the torch version: torch, pytorch, torch-version,
 * TORCH_VERSION, pytorch_ver, torch-versions; not torchvision,
 * torchaudio or TORCH_CUDA_ARCH_LIST.
 */
int
ci_torch_key(const char *k)
{
	static const char *const tails[] = { "", "version", "versions",
	    "ver", NULL };
	char buf[CI_MAX_KEY];
	const char *t;
	size_t i, n;

	for (i = 0, n = 0; k[i] != '\0' && n < sizeof(buf) - 1; i++)
		if (k[i] != '-' && k[i] != '_' && k[i] != '.' && k[i] != ' ')
			buf[n++] = (char)tolower((unsigned char)k[i]);
	buf[n] = '\0';
	t = strncmp(buf, "py", 2) == 0 ? buf + 2 : buf;
	if (strncmp(t, "torch", 5) != 0)
		return 0;
	for (i = 0; tails[i] != NULL; i++)
		if (strcmp(t + 5, tails[i]) == 0)
			return 1;
	return 0;
}

/* A step name that says it runs tests: "Run tests", "Test with pytest". */
static int
is_test_name(const char *name)
{
	char buf[CI_MAX_KEY];
	size_t i;

	for (i = 0; name[i] != '\0' && i < sizeof(buf) - 1; i++)
		buf[i] = (char)tolower((unsigned char)name[i]);
	buf[i] = '\0';
	return strstr(buf, "test") != NULL || strstr(buf, "pytest") != NULL;
}

/*
 * A GitHub workflow's trigger: "on: push", "on: [push]", a key of "on:"
 * (a reusable workflow, workflow_call, runs as its callers do); "paths:"
 * under it filters the runs, unless it takes in the tests or sources.
 */
static void
yaml_trigger(struct yaml_walk *yw, const char *v, size_t len)
{
	static const char *const events[] = { "push", "pull_request",
	    "pull_request_target", "merge_group", "workflow_call", NULL };
	size_t k;

	if (yw->depth < 1 || !yw->st[0].map || strcmp(yw->st[0].key, "on") != 0)
		return;
	if (yw->depth == 3 && yw->st[2].map && yw->st[2].expect_key &&
	    len == 5 && strncmp(v, "paths", 5) == 0) {
		yw->paths = 1;
		return;
	}
	/* a filter that takes in the tests or the sources runs on most */
	if (yw->depth == 4 && strcmp(yw->st[2].key, "paths") == 0 &&
	    (strncmp(v, "tests/", 6) == 0 || strncmp(v, "test/", 5) == 0 ||
	    strncmp(v, "src/", 4) == 0 || strncmp(v, "**", 2) == 0 ||
	    memmem(v, len, "*.py", 4) != NULL)) {
		yw->broad = 1;
		return;
	}
	if (yw->depth > 2)
		return;
	for (k = 0; events[k] != NULL; k++)
		if (strlen(events[k]) == len && strncmp(v, events[k], len) == 0)
			yw->push = 1;
}

/*
 * The commands of a step: in a step named as a test, what may run tests
 * but cannot be followed is kept as a sign.
 */
static void
yaml_commands(struct yaml_walk *yw, struct frame *fr, const char *v,
    size_t len, int line)
{
	struct strbuf opaque = STRBUF_INIT;
	size_t before;

	before = yw->out->tests.n;
	scan_script(yw->out, v, len, line, &opaque);
	if (fr->name[0] != '\0' && is_test_name(fr->name) &&
	    yw->out->tests.n == before && opaque.len > 0)
		hit_add(&yw->out->named, fr->name_line, fr->name, opaque.buf,
		    opaque.len);
	strbuf_release(&opaque);
}

/*
 * Whether the key of frame d is the default or the enum of a parameter
 * naming torch (CircleCI's "pytorch_version: {enum: [...], default:}").
 */
static int
param_of_torch(const struct yaml_walk *yw, int d, const char *key)
{
	if (strcmp(key, "default") != 0 && strcmp(key, "enum") != 0)
		return 0;
	for (d--; d >= 0; d--)
		if (yw->st[d].map)
			return ci_torch_key(yw->st[d].key);
	return 0;
}

/*
 * A scalar value: commands under a command key, actions under "uses",
 * a torch version under a torch key (a matrix, env, variables), a
 * step's name.
 */
static void
yaml_value(struct yaml_walk *yw, const char *v, size_t len, int line,
    int block)
{
	struct frame *fr;
	const char *key, *at;
	int d;

	fr = NULL;
	for (d = yw->depth - 1; d >= 0; d--)
		if (yw->st[d].map) {
			fr = &yw->st[d];
			break;
		}
	if (fr == NULL)
		return;
	key = fr->key;
	if (strcmp(key, "uses") == 0) {
		at = memchr(v, '@', len);
		does_add(yw->out, v, at != NULL ? (size_t)(at - v) : len);
	} else if (strcmp(key, "name") == 0 && d == yw->depth - 1) {
		if (len >= sizeof(fr->name))
			len = sizeof(fr->name) - 1;
		memcpy(fr->name, v, len);
		fr->name[len] = '\0';
		fr->name_line = line;
	} else if (is_command_key(key))
		yaml_commands(yw, fr, v, len, block ? line + 1 : line);
	else if (ci_torch_key(key) || param_of_torch(yw, d, key))
		torch_value(yw->out, v, len, line);
}

/* Open a collection; -1 when nested too deep. */
static int
yaml_push(struct yaml_walk *yw, int map, int line)
{
	struct frame *top, *f;

	if (yw->depth >= CI_MAX_DEPTH) {
		yw->out->error = xasprintf("nested deeper than %d levels",
		    CI_MAX_DEPTH);
		yw->out->error_line = line;
		return -1;
	}
	if (yw->depth > 0) {
		top = &yw->st[yw->depth - 1];
		if (top->map && top->expect_key) {
			top->complex = 1;
			top->expect_key = 0;
			top->key[0] = '\0';
		}
	}
	f = &yw->st[yw->depth++];
	f->map = map;
	f->expect_key = map;
	f->complex = 0;
	f->key[0] = '\0';
	f->name[0] = '\0';
	f->name_line = 0;
	return 0;
}

static void
yaml_pop(struct yaml_walk *yw)
{
	struct frame *top;

	if (yw->depth == 0)
		return;
	yw->depth--;
	if (yw->depth == 0)
		return;
	top = &yw->st[yw->depth - 1];
	if (!top->map)
		return;
	if (top->complex)
		top->complex = 0;	/* its value comes next */
	else
		top->expect_key = 1;
}

/* A scalar or an alias: a mapping's key, or a value read. */
static void
yaml_scalar(struct yaml_walk *yw, const yaml_event_t *ev, int line)
{
	struct frame *top;
	size_t n;
	int block;

	top = yw->depth > 0 ? &yw->st[yw->depth - 1] : NULL;
	if (ev->type == YAML_SCALAR_EVENT)
		yaml_trigger(yw, (const char *)ev->data.scalar.value,
		    ev->data.scalar.length);
	if (top != NULL && top->map && top->expect_key) {
		n = 0;
		if (ev->type == YAML_SCALAR_EVENT) {
			n = ev->data.scalar.length;
			if (n >= CI_MAX_KEY)
				n = CI_MAX_KEY - 1;
			memcpy(top->key, ev->data.scalar.value, n);
		}
		top->key[n] = '\0';
		top->expect_key = 0;
		return;
	}
	if (ev->type == YAML_SCALAR_EVENT) {
		block = ev->data.scalar.style == YAML_LITERAL_SCALAR_STYLE ||
		    ev->data.scalar.style == YAML_FOLDED_SCALAR_STYLE;
		yaml_value(yw, (const char *)ev->data.scalar.value,
		    ev->data.scalar.length, line, block);
	}
	if (top != NULL && top->map)
		top->expect_key = 1;
}

/* One event of the stream: 1 at its end, -1 nested too deep, else 0. */
static int
yaml_event(struct yaml_walk *yw, const yaml_event_t *ev)
{
	int line;

	line = (int)ev->start_mark.line + 1;
	switch (ev->type) {
	case YAML_STREAM_END_EVENT:
		return 1;
	case YAML_MAPPING_START_EVENT:
	case YAML_SEQUENCE_START_EVENT:
		return yaml_push(yw, ev->type == YAML_MAPPING_START_EVENT,
		    line);
	case YAML_MAPPING_END_EVENT:
	case YAML_SEQUENCE_END_EVENT:
		yaml_pop(yw);
		return 0;
	case YAML_SCALAR_EVENT:
	case YAML_ALIAS_EVENT:
		yaml_scalar(yw, ev, line);
		return 0;
	default:
		return 0;
	}
}

static int
yaml_event_cb(void *arg, const yaml_event_t *ev)
{
	return yaml_event(arg, ev);
}

/* The YAML event stream: bounded, aliases never expanded. */
static int
read_yaml(const char *buf, size_t len, struct ci_file *out)
{
	struct yaml_walk yw;
	int rc;

	memset(&yw, 0, sizeof(yw));
	yw.out = out;
	rc = ycap_walk(buf, len, yaml_event_cb, &yw, &out->error,
	    &out->error_line);
	if (out->kind == CI_GITHUB)
		out->trigger = yw.push ? (yw.paths && !yw.broad ? 1 : 2) : 0;
	return rc == 1 ? 0 : -1;
}

/* tox.ini: the commands of [testenv] sections, continuation lines too. */
static int
read_tox(const char *buf, size_t len, struct ci_file *out)
{
	const char *p, *end, *nl, *e, *v;
	int line, testenv, incmd;

	end = buf + len;
	testenv = incmd = 0;
	for (p = buf, line = 1; p < end; p = nl + 1, line++) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		e = nl;
		if (*p == '[') {
			testenv = strncmp(p, "[testenv", 8) == 0;
			incmd = 0;
		} else if (testenv && (*p == ' ' || *p == '\t')) {
			if (incmd)
				scan_line(out, p, (size_t)(e - p), line, NULL);
		} else if (testenv && *p != '#' && *p != ';') {
			incmd = 0;
			if (strncmp(p, "commands", 8) == 0) {
				for (v = p + 8; v < e && (*v == ' ' ||
				    *v == '\t'); v++)
					;
				if (v < e && *v == '=') {
					incmd = 1;
					scan_line(out, v + 1,
					    (size_t)(e - v - 1), line, NULL);
				}
			}
		}
		if (nl == end)
			break;
	}
	return 0;
}

/*
 * noxfile.py: the string arguments of session.run(...) joined into a
 * command (a call over several lines is read up to 20 lines).
 */
static int
read_nox(const char *buf, size_t len, struct ci_file *out)
{
	struct strbuf cmd = STRBUF_INIT;
	const char *p, *end, *q, *close;
	int line, start, more;
	char quote;

	end = buf + len;
	more = 0;
	start = 0;
	for (p = buf, line = 1; p < end; line++) {
		const char *nl;

		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		q = p;
		if (more == 0) {
			q = memmem(p, (size_t)(nl - p), ".run(", 5);
			if (q != NULL) {
				more = 20;
				start = line;
				strbuf_reset(&cmd);
				q += 5;
			}
		}
		if (more > 0 && q != NULL) {
			for (; q < nl && *q != ')'; q++) {
				if (*q != '"' && *q != '\'')
					continue;
				quote = *q;
				close = memchr(q + 1, quote,
				    (size_t)(nl - q - 1));
				if (close == NULL)
					break;
				if (cmd.len > 0)
					strbuf_addch(&cmd, ' ');
				strbuf_add(&cmd, q + 1, (size_t)(close - q - 1));
				q = close;
			}
			if ((q < nl && *q == ')') || --more == 0) {
				scan_line(out, cmd.buf, cmd.len, start, NULL);
				more = 0;
			}
		}
		p = nl + 1;
	}
	strbuf_release(&cmd);
	return 0;
}

/*
 * Jenkinsfile: the quoted commands of sh and bat steps, triple-quoted
 * ones line by line.
 */
static int
read_jenkins(const char *buf, size_t len, struct ci_file *out)
{
	const char *p, *end, *nl, *s, *close;
	int line, triple;
	char quote;

	end = buf + len;
	triple = 0;
	for (p = buf, line = 1; p < end; p = nl + 1, line++) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		for (s = p; s < nl && (*s == ' ' || *s == '\t'); s++)
			;
		if (triple) {
			if (nl - s >= 3 && (memmem(s, (size_t)(nl - s),
			    "'''", 3) != NULL || memmem(s, (size_t)(nl - s),
			    "\"\"\"", 3) != NULL))
				triple = 0;
			else
				scan_line(out, s, (size_t)(nl - s), line, NULL);
		} else if ((nl - s > 3 && (strncmp(s, "sh", 2) == 0 ||
		    strncmp(s, "bat", 3) == 0)) &&
		    (s[2] == ' ' || s[2] == '(' || s[3] == ' ' ||
		    s[3] == '(')) {
			for (; s < nl && *s != '\'' && *s != '"'; s++)
				;
			if (s >= nl)
				continue;
			if (nl - s >= 3 && s[1] == s[0] && s[2] == s[0]) {
				triple = 1;
				s += 3;
				if (s < nl)
					scan_line(out, s, (size_t)(nl - s),
					    line, NULL);
				continue;
			}
			quote = *s++;
			close = memchr(s, quote, (size_t)(nl - s));
			scan_line(out, s, (size_t)((close != NULL ? close :
			    nl) - s), line, NULL);
		}
		if (nl == end)
			break;
	}
	return 0;
}

/*
 * A script (or configuration) of a CI service ecocheck does not read:
 * each line on its own, so that a hit cites the line of the runner.
 */
static int
read_script(const char *buf, size_t len, struct ci_file *out)
{
	const char *p, *end, *nl;
	int line;

	end = buf + len;
	for (p = buf, line = 1; p < end; p = nl + 1, line++) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		scan_line(out, p, (size_t)(nl - p), line, NULL);
		if (nl == end)
			break;
	}
	return 0;
}

int
ci_read(enum ci_kind kind, const char *buf, size_t len, struct ci_file *out)
{
	memset(out, 0, sizeof(*out));
	out->kind = kind;
	out->trigger = 2;
	switch (kind) {
	case CI_TOX:
		return read_tox(buf, len, out);
	case CI_NOX:
		return read_nox(buf, len, out);
	case CI_JENKINS:
		return read_jenkins(buf, len, out);
	case CI_SCRIPT:
		return read_script(buf, len, out);
	default:
		return read_yaml(buf, len, out);
	}
}

void
ci_hits_release(struct ci_hits *h)
{
	size_t i;

	for (i = 0; i < h->n; i++) {
		free(h->v[i].what);
		free(h->v[i].text);
	}
	free(h->v);
	memset(h, 0, sizeof(*h));
}

void
ci_file_release(struct ci_file *f)
{
	ci_hits_release(&f->tests);
	ci_hits_release(&f->torch);
	ci_hits_release(&f->named);
	ci_hits_release(&f->calls);
	strvec_clear(&f->does);
	free(f->error);
	f->error = NULL;
}

/* The model of a CI file, of the kind its path names. */
static void *
ci_parse(const struct reader_input *in)
{
	struct ci_file *f;
	int kind;

	f = xmalloc(sizeof(*f));
	if ((kind = ci_kind_of_path(in->path)) == -1)
		kind = yaml_name(in->path) ? CI_YAML : CI_SCRIPT;
	(void)ci_read((enum ci_kind)kind, in->buf, in->len, f);
	if (in->truncated && f->error == NULL) {
		f->error = xasprintf("larger than %d bytes: only the first "
		    "part was read", CI_READ_CAP);
		f->error_line = 0;
	}
	return f;
}

static void
ci_free(void *p)
{
	ci_file_release(p);
	free(p);
}

const struct reader reader_ci = {
	.name = "CI",
	.flags = READER_TEXT,
	.parse = ci_parse,
	.free = ci_free,
};
