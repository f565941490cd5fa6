/*
 * testrun.h: the envs of tox and the sessions of nox, read from their
 * definitions, so that a CI step running "tox -e py311" or "nox -s tests"
 * is followed to the commands it runs.
 *
 * tox is read from tox.ini, setup.cfg ([tox:tox], [testenv...]) and the
 * INI text of pyproject.toml's [tool.tox] legacy_tox_ini, by inih, and
 * from tox's TOML form (tox.toml, pyproject.toml [tool.tox] env_run_base
 * and env.NAME commands). noxfile.py is Python: it is read as text, and
 * conservatively: a session is its @nox.session function, its commands
 * the string arguments of its session.run() calls; a session whose body
 * holds no such call that can be read is marked opaque, never taken for
 * one that runs nothing.
 */
#ifndef EC_READ_TESTRUN_H
#define EC_READ_TESTRUN_H

#include <stddef.h>

#include "strbuf.h"

struct reader;

/* One env of tox or session of nox. */
struct run_env {
	char		*name;		/* "py311", "lint"; "" tox's [testenv] */
	int		 line;		/* of its header or def */
	struct strvec	 cmds;		/* command lines, as written */
	int		*cmd_line;	/* the line of each */
	size_t		 cmd_alloc;
	int		 has_cmds;	/* tox: a commands key */
	int		 opaque;	/* nox: a run() whose command cannot
					   be read */
};

struct run_defs {
	int		 nox;		/* sessions of nox, else envs of tox */
	int		 found;		/* the file holds definitions */
	struct run_env	*v;
	size_t		 n;
	size_t		 alloc;
	struct strvec	 defaults;	/* env_list, nox.options.sessions */
};

/* What one env or session runs, for following it. */
struct run_lines {
	struct strvec	 cmds;
	const struct run_env *env;	/* the first env or session read */
	int		 opaque;	/* some of it cannot be read */
	int		 missing;	/* a name was defined nowhere */
};

/*
 * The readers of tox's definitions (tox.ini, setup.cfg, pyproject.toml,
 * tox. toml, by the path) and of noxfile.py: a struct run_defs.
 */
extern const struct reader reader_tox;
extern const struct reader reader_nox;

/* Read a text into d (initialised here): path names the format. */
void		 run_defs_read(const char *, const char *, size_t,
		    struct run_defs *);
void		 run_defs_release(struct run_defs *);

/*
 * The commands the call ("tox -e py311,lint", "nox -s tests", "tox")
 * runs, added to out (initialised by the caller with zeroes): the envs
 * or sessions it names, or the defaults (tox's env_list, else its base
 * env; nox's options.sessions, else every session); a name that is a CI
 * expression stands for every one. -1 when the call names a
 * configuration elsewhere (tox -c, nox -f) and cannot be followed here.
 */
int		 run_select(const struct run_defs *, const char *,
		    struct run_lines *);
void		 run_lines_release(struct run_lines *);

#endif
