/*
 * pymodel.h: what the readers of Python packaging share: the builders of
 * the one model of pymeta.h, and the readers themselves.
 *
 * Each reader (pyproject.toml, setup.cfg, setup.py, requirements files,
 * conda files) parses one file into a
 * struct pymeta of its own; the collector (python.c) merges them. A
 * file a reader cannot read at all is still a model, holding problems.
 */
#ifndef EC_READ_PYMODEL_H
#define EC_READ_PYMODEL_H

#include <stddef.h>

#include "pymeta.h"
#include "read/reader.h"

/* The largest packaging file read, in bytes. */
#define PYMETA_MAX_BYTES	(4 * 1024 * 1024)

extern const struct reader reader_pyproject;
extern const struct reader reader_setupcfg;
extern const struct reader reader_setuppy;
extern const struct reader reader_requirements;
extern const struct reader reader_conda;

/*
 * The reader of a packaging file by its name, and what it is
 * (PYFILE_*); NULL when no reader reads it.
 */
const struct reader *pymeta_reader_for(const char *, unsigned *);
/* A new, empty model for a reader to fill; its input says too large. */
struct pymeta	*pymeta_new(const struct reader_input *);
void		 pymeta_free(void *);
/* A copy of d appended to m's dependencies. */
struct pydep	*pymeta_copy_dep(struct pymeta *, const struct pydep *);
/* Copies of src's declarations appended to m's, and its computed count. */
void		 pymeta_merge_decls(struct pymeta *, const struct pymeta *);
/* Dependencies, declarations, problems and includes, at path:line. */
void		 pymeta_decl_add(struct pydecls *, const char *, size_t,
		    const char *, const char *, int);
void		 pymeta_problem(struct pymeta *, const char *, int,
		    const char *, ...) __attribute__((format(printf, 4, 5)));
struct pydep	*pymeta_dep_new(struct pymeta *, const char *, int,
		    enum pydep_kind, const char *);
void		 pymeta_dep_req(struct pymeta *, const char *, const char *,
		    int, enum pydep_kind, const char *, int);
void		 pymeta_dep_spec(struct pymeta *, const char *, const char *,
		    const char *, const char *, const char *, int,
		    enum pydep_kind, const char *);
struct pyinclude *pymeta_include(struct pymeta *, const char *,
		    const char *, int, enum pydep_kind, const char *, int);
/* Whether a Trove classifier names a license. */
int		 pymeta_license_classifier(const char *);

#endif
