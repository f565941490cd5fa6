/*
 * ci.h: what a CI configuration does, read from its text.
 *
 * GitHub Actions workflows, GitLab CI, CircleCI, Azure Pipelines,
 * Buildkite and Travis files are YAML, read with libyaml's event parser
 * (aliases are never expanded, nesting and events are bounded); a
 * Jenkinsfile, tox.ini and noxfile.py are read line by line, and so are
 * the scripts of CI services ecocheck does not read (CI_SCRIPT). The
 * envs and sessions a call of tox or nox runs are read by testrun.h. Nothing here
 * reads a file: the caller hands over the text, or the check context
 * hands it to reader_ci (read/reader.h). For each file: the steps that
 * run tests (with their line), a short account of what the other steps
 * do, and the torch versions it names (ci_torch_key()).
 *
 * The CI files of a check are collected once (ctx_ci(), ctx-ci.c) and
 * each is parsed once, through the context's read judge, for every rule
 * that reads them: ci, tests, pytorch-support.
 */
#ifndef EC_CI_H
#define EC_CI_H

#include <stddef.h>

#include "strbuf.h"

#define CI_READ_CAP	(1024 * 1024)	/* bytes of a CI file read */
/*
 * Bytes of CI files read in one check, in path order: a file past it is
 * not read, but refused (a limit, said as a file that cannot be read).
 */
#define CI_TOTAL_CAP	(16 * 1024 * 1024)

struct check_ctx;
struct finding;
struct reader;
struct rule_key;
struct tree_entry;

enum ci_kind {
	CI_GITHUB,
	CI_GITLAB,
	CI_CIRCLECI,
	CI_AZURE,
	CI_BUILDKITE,
	CI_JENKINS,
	CI_TRAVIS,
	CI_YAML,	/* another YAML file named by a rule */
	CI_TOX,		/* a test runner, not a CI service */
	CI_NOX,		/* likewise */
	CI_SCRIPT	/* a script or configuration of a CI service
			   ecocheck does not read: read line by line */
};

/* Something found at a line of the file. */
struct ci_hit {
	int	 line;		/* 1-based */
	char	*what;		/* "pytest", "tox"; a torch version or
				   specifier: "2.14", "==2.1.0", ">=2.1" */
	char	*text;		/* the command line, shortened */
};

struct ci_hits {
	struct ci_hit	*v;
	size_t		 n;
	size_t		 alloc;
};

struct ci_file {
	enum ci_kind	 kind;
	struct ci_hits	 tests;		/* commands that run tests */
	struct ci_hits	 torch;		/* torch versions named, in order */
	struct ci_hits	 named;		/* steps named as tests that run
					   what cannot be followed: what is
					   the name, text the command */
	struct ci_hits	 calls;		/* what may run tests but cannot be
					   followed here: what is the call
					   ("make ci", "poe check") */
	int		 trigger;	/* 2: runs on push or pull request
					   (or not GitHub), 1: only when
					   some paths change, 0: neither */
	struct strvec	 does;		/* distinct actions and commands */
	size_t		 commands;	/* commands seen */
	char		*error;		/* why the file could not be read */
	int		 error_line;
};

/* The kind of a path, or -1 when it is no CI file ecocheck knows. */
int		 ci_kind_of_path(const char *);
/* Whether the kind is a CI service (not a test runner). */
int		 ci_kind_is_service(enum ci_kind);
/* "GitHub Actions", "tox", ... */
const char	*ci_kind_name(enum ci_kind);

/*
 * Read the text of a file of this kind into out (initialised here). 0,
 * or -1 when it could not be read whole: out->error says why and where;
 * what was read before stays in out.
 */
int		 ci_read(enum ci_kind, const char *, size_t, struct ci_file *);
void		 ci_file_release(struct ci_file *);
/* Free the hits of a list and empty it. */
void		 ci_hits_release(struct ci_hits *);

/*
 * The reader of a CI file: a struct ci_file of the kind its path names
 * (another YAML file named by a rule: CI_YAML). It never refuses a text:
 * what libyaml could not read is the model's error.
 */
extern const struct reader reader_ci;

/*
 * The one rule of what a torch version named by CI is, for every rule:
 * the values of a key naming torch (ci_torch_key(): a matrix entry, an
 * env variable, anywhere in the YAML) that are one version or specifier,
 * and torch or pytorch followed by a specifier in a command (pip's
 * "torch>=2.1", "torch==2.0.1+cpu", conda's "pytorch=2.1").
 */
int		 ci_torch_key(const char *);

/*
 * The CI files of a check (ctx-ci.c), each read once through the check
 * context and its read judge.
 */
struct ci_seen {
	const char		*path;
	const struct ci_file	*f;	/* the context's model */
	struct ci_hits		 tests;	/* f's tests, a call of tox or nox
					   followed to its envs or sessions:
					   "pytest, through tox -e py311";
					   dropped when they run no tests */
	struct ci_hits		 named;	/* f's named, and calls of tox or
					   nox whose env or session cannot
					   be followed: what is the call,
					   text where it is defined */
	struct ci_hits		 via;	/* calls that run tests through a
					   task the repository defines:
					   "pytest, through poe check" */
};

struct ci_scan {
	struct strvec		 globs;		/* empty: every CI known */
	struct ci_seen		*v;
	size_t			 n;
	size_t			 alloc;
	const struct tree_entry	**refused;	/* the read judge said no, */
	unsigned char		*over;		/* or CI_TOTAL_CAP was reached */
	size_t			 nrefused;
	size_t			 refalloc;
	size_t			 overalloc;
	size_t			 bytes;		/* of the files read */
};

/*
 * Every CI file the globs name (NULL or none: ecocheck's list of every CI
 * service and runner it knows), collected once per check and set of
 * globs; NULL when the repository could not be read (an error was
 * printed).
 */
const struct ci_scan *ctx_ci(struct check_ctx *, const struct rule_key *);
/*
 * What the read judge says of the CI files the scan could not read
 * (a link, a binary or unreadable file, or one past CI_TOTAL_CAP: the
 * limit named): the first one's message
 * appended to msg, the evidence and fix of each given to f. The number
 * of such files.
 */
size_t		 ci_scan_refused(struct check_ctx *, const struct ci_scan *,
		    struct finding *, struct strbuf *);
/* The same, each file's message a detail of f: for rules that only note it. */
void		 ci_scan_refused_details(struct check_ctx *,
		    const struct ci_scan *, struct finding *);
/*
 * The file of a CI service that runs tests, or NULL, and in *hit its
 * best step (one of its tests or via): in a workflow run on push or pull request before one run
 * only when some paths change or on a schedule; then in a workflow
 * whose file is named for the tests or the CI; then a test runner
 * named (pytest, unittest, tox, nox, ctest) before make targets,
 * scripts and tasks; then the first in path order.
 */
const struct ci_seen *ci_scan_tests(const struct ci_scan *,
		    const struct ci_hit **);
/*
 * The first CI service file with a step named as a test ("Run tests")
 * whose command cannot be followed, or NULL; the step's hit in *hit.
 */
const struct ci_seen *ci_scan_named(const struct ci_scan *, size_t *);

/*
 * The configuration of CI services ecocheck does not read (.pfnci/,
 * .drone.yml, a Jenkinsfile not at the root, appveyor.yml...), and
 * scripts under ci/ named for the tests or that run them: each read as a
 * script (or YAML, or a Jenkinsfile), once per check.
 */
struct ci_outside {
	struct strvec		 paths;		/* the signs, in path order */
	const char		*hit_path;	/* the first that runs tests */
	const struct ci_hit	*hit;
};

/*
 * The outside CI of a check (ctx-ci.c), with the scan of the services
 * it reads left out; NULL when the repository could not be read.
 */
const struct ci_outside *ctx_ci_outside(struct check_ctx *,
		    const struct ci_scan *);

/*
 * Whether one shell command line runs tests: the runner's name ("pytest",
 * "python -m unittest", "make test", "a test script"...) or NULL.
 */
const char	*ci_command_tests(const char *, size_t);
/*
 * The same; when it runs none, what it calls that may (a script, a task
 * of a task runner: "make ci", "poe check") appended to the strbuf.
 */
const char	*ci_command_look(const char *, size_t, struct strbuf *);
/*
 * The command lines of a task as its definition holds them (tasks.c):
 * runner is "make", "just", "poe", "pixi", "hatch" or "invoke"; buf the
 * text of its file (Makefile, justfile, pyproject.toml, pixi.toml,
 * tasks.py). A task that runs another is a line "RUNNER OTHER". The
 * number of lines added to out.
 */
size_t		 ci_task_lines(const char *, const char *, size_t,
		    const char *, struct strvec *);
/*
 * The test commands of a conda recipe (meta.yaml "test: commands:",
 * recipe.yaml "tests: - script:"), read line by line: how many added.
 */
size_t		 ci_recipe_tests(const char *, size_t, struct strvec *);

#endif
