/*
 * ci.h: what a CI configuration does, read from its text.
 *
 * GitHub Actions workflows, GitLab CI, CircleCI, Azure Pipelines,
 * Buildkite and Travis files are YAML, read with libyaml's event parser
 * (aliases are never expanded, nesting and events are bounded); a
 * Jenkinsfile, tox.ini and noxfile.py are read line by line. Nothing here
 * reads a file: the caller hands over the text. For each file: the steps
 * that run tests (with their line), a short account of what the other
 * steps do, and the torch versions a matrix or an install command names.
 */
#ifndef EC_CI_H
#define EC_CI_H

#include <stddef.h>

#include "strbuf.h"

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
	CI_NOX		/* likewise */
};

/* Something found at a line of the file. */
struct ci_hit {
	int	 line;		/* 1-based */
	char	*what;		/* "pytest", "tox", "2.1.0" */
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
	struct ci_hits	 torch;		/* torch versions named */
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

/*
 * For the rule types ci and tests (rule-ci.c): the CI files of the tree
 * source, read through the check context.
 */
struct check_ctx;
struct finding;
struct rule_key;

struct ci_seen {
	char		*path;
	struct ci_file	 f;
};

struct ci_scan {
	struct ci_seen	*v;
	size_t		 n;
	size_t		 alloc;
	size_t		 unreadable;	/* files ctx_read() refused */
};

/*
 * Read every CI file the globs name (NULL: ecocheck's list of every CI
 * service and runner it knows). 0, or -1 when the repository could not be
 * read (an error was printed).
 */
int		 ci_scan(struct check_ctx *, const struct rule_key *,
		    struct ci_scan *);
void		 ci_scan_release(struct ci_scan *);
/*
 * The file of a CI service that runs tests, or NULL, and in *hit its
 * best step: a test runner named (pytest, unittest, tox, nox, ctest)
 * before make targets, scripts and tasks, then the first in path order.
 */
const struct ci_seen *ci_scan_tests(const struct ci_scan *, size_t *);

/*
 * Whether one shell command line runs tests: the runner's name ("pytest",
 * "python -m unittest", "make test", "a test script"...) or NULL.
 */
const char	*ci_command_tests(const char *, size_t);

#endif
