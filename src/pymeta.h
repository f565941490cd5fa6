/*
 * pymeta.h: the Python packaging metadata of a tree, read once per check.
 *
 * pymeta_get() collects, through the check context (ctx_model(), so a
 * rule type never opens a file and every file passes the one read judge),
 * every place a Python project declares its
 * dependencies and metadata: pyproject.toml ([project], its
 * optional-dependencies, [tool.poetry], [dependency-groups],
 * [build-system], setuptools' dynamic dependency files), setup.cfg,
 * setup.py (literals only: Python is never run), requirements*.txt and
 * requirements/NAME.txt with their -r includes inside the tree,
 * environment.yml and conda recipes (meta.yaml without its Jinja,
 * recipe.yaml). The result is cached in the context under the kind
 * "pymeta". The torch versions CI names are the CI model's (ci.h,
 * ctx_ci()), read once for every rule.
 *
 * Each format is a reader of its own (read/pymodel.h lists them) that
 * turns one file into this same model; the collector (python.c) finds
 * the files, follows their includes and merges their models. A file it
 * found but could not read (a link, unreadable, not a file, binary) is
 * kept in unread, so that rules say what the read judge says of it
 * (pymeta_judge()) rather than take it for absent.
 *
 * setup.cfg is read by inih as Debian builds it: a ";" after white space
 * starts a comment, so "torch>=2 ; python_version < '3.9'" loses its
 * marker there (configparser would keep it); the requirement is kept.
 *
 * Nothing is guessed: a value computed by code, a Poetry constraint with
 * no PEP 440 form, a Jinja expression or a file that cannot be read
 * leaves a dependency's spec NULL with a note, or a problem naming the
 * file and line, and the rules say "unknown" for what they needed.
 */
#ifndef EC_PYMETA_H
#define EC_PYMETA_H

#include <stddef.h>

#include "strbuf.h"

struct check_ctx;
struct finding;
struct pep440_spec;
struct reader;
struct tree_entry;

enum pydep_kind {
	PYDEP_REQUIRED,		/* installed with the project */
	PYDEP_OPTIONAL,		/* only with an extra: group names it */
	PYDEP_GROUP,		/* a dependency group (PEP 735, Poetry) */
	PYDEP_BUILD,		/* [build-system] requires */
	PYDEP_REQFILE,		/* a requirements file */
	PYDEP_CONDA		/* an environment file or conda recipe */
};

/* One declared dependency. */
struct pydep {
	char			*key;		/* PEP 503 name */
	char			*spec_text;	/* as written or translated; "" none */
	struct pep440_spec	*spec;		/* NULL: cannot be known (note) */
	char			*note;		/* why spec is NULL, or NULL */
	enum pydep_kind		 kind;
	char			*group;		/* extra or group name, or NULL */
	char			*path;
	int			 line;
	int			 metadata;	/* from the package's own metadata */
	int			 extra_only;	/* its marker names extras */
	char			*marker_extra;	/* the first of them, or NULL */
};

/* Something declared once with where: a license, a name, a version. */
struct pydecl {
	char		*text;
	char		*what;		/* "license", "classifier", ... */
	char		*path;
	int		 line;
};

struct pydecls {
	struct pydecl	*v;
	size_t		 n, alloc;
};

/*
 * A file one file names for its requirements (-r, "file:", setuptools'
 * dynamic dependencies), read with this kind where it is named: after
 * ndeps dependencies and nproblems problems of the naming file.
 */
struct pyinclude {
	char		*name;		/* as written, relative to from */
	char		*from;		/* the naming file */
	int		 line;
	enum pydep_kind	 kind;
	char		*group;
	int		 metadata;
	int		 ownkind;	/* a -r include: the includer's kind */
	size_t		 ndeps, nproblems;
};

/* What a packaging file is, for the rules that judge files unread. */
#define PYFILE_METADATA	0x1	/* pyproject.toml, setup.cfg, setup.py */
#define PYFILE_RECIPE	0x2	/* a conda recipe */
#define PYFILE_ENV	0x4	/* a conda environment file */
#define PYFILE_REQS	0x8	/* a requirements file */
#define PYFILE_ALL	0xf

/* A packaging file found but not read, and how ctx_model() read it. */
struct pyunread {
	const struct tree_entry	*e;
	const struct reader	*rd;
	unsigned		 kind;	/* PYFILE_* */
};

struct pymeta {
	int		 python;	/* a packaging file, or *.py files */
	int		 pyfiles;	/* a *.py file is listed */
	int		 computed;	/* dependency lists computed by code */
	struct pydep	*deps;
	size_t		 ndeps, alloc;
	struct pydecls	 names;		/* project names (what: file kind) */
	struct pydecls	 backends;	/* build backends */
	struct pydecls	 licenses;	/* license, license-files, classifier */
	struct pydecls	 testpaths;
	struct pydecls	 maintainers;	/* [project] maintainers' names */
	struct pydecls	 recipes;	/* conda recipes and environments */
	struct strvec	 problems;	/* "path:line: what could not be read" */
	struct strvec	 files;		/* the packaging files read */
	struct pyunread	*unread;	/* packaging files not read */
	size_t		 nunread, unread_alloc;
	size_t		 reqbytes;	/* of requirement files read */
	size_t		 reqs_dropped;	/* past a limit: not read */
	size_t		 toolarge;	/* packaging files over the cap */
	size_t		 meta_problems;	/* problems before the requirement
					   files': of metadata and recipes */
	/* A single file's model only: */
	struct pyinclude *includes;
	size_t		 nincludes, inc_alloc;
	int		 truncated;	/* too large: not read */
};

/* The metadata of the check's tree, read on first use; never NULL. */
const struct pymeta *pymeta_get(struct check_ctx *);
/*
 * When a packaging file of one of kinds (PYFILE_*) was found but could
 * not be read, fill f with what the read judge says of the first (its
 * result, message, evidence and fix; the others as details) and return
 * 1; else 0. A rule cannot decide on what it could not read: for when
 * nothing that was read decides.
 */
int	 pymeta_judge(struct check_ctx *, const struct pymeta *, unsigned,
	    struct finding *);
/*
 * What the read judge says of each such file, appended to msg ("; " between
 * two) when msg is not NULL, else each a detail of f. The number of files.
 */
size_t	 pymeta_unread(struct check_ctx *, const struct pymeta *, unsigned,
	    struct finding *, struct strbuf *);

/*
 * For tests: read one file's text as the file at path, into m (its
 * includes are not followed).
 */
void	 pymeta_init(struct pymeta *);
void	 pymeta_release(struct pymeta *);
void	 pymeta_read_text(struct pymeta *, const char *, const char *,
	    size_t);
/*
 * A Poetry constraint ("^1.2", "~1.2.3", ">=1,<2", "1.2.*") as a PEP 440
 * specifier set appended to out: 0, or -1 when it has none ("||").
 */
int	 pymeta_poetry_spec(const char *, struct strbuf *);
/*
 * A conda match spec ("pytorch >=2.1,<3", "pytorch=2.1", "pytorch
 * 2.1.*") split into its PEP 503 name and a PEP 440 specifier set: 0, or
 * -1 when the version part has no PEP 440 form (name still set).
 */
int	 pymeta_conda_spec(const char *, struct strbuf *, struct strbuf *);
/*
 * Whether a license declaration (a PEP 639 expression, a license string
 * of setup.py, setup.cfg or Poetry, a short license table text, a Trove
 * classifier) names the SPDX id: 1 it does, 0 it names another license,
 * -1 it cannot be compared (a file name, free text no table knows).
 * Classifiers name families: "Apache Software License" is any Apache-*.
 */
int	 pymeta_license_agrees(const struct pydecl *, const char *);
/* For tests: how many pyproject.toml files this process has parsed. */
unsigned long	 pymeta_pyproject_parses(void);
/* The kind as words: "required", "optional extra", ... */
const char *pydep_kind_name(enum pydep_kind);

#endif
