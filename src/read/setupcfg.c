/*
 * setupcfg.c: the reader of setup.cfg (its [metadata] name and license,
 * [options] requirements and their "file:" lists, extras, pytest's
 * testpaths) into the model of pymeta.h, by inih as Debian builds it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <ini.h>

#include "pymeta.h"
#include "read/pymodel.h"
#include "read/reader.h"
#include "xalloc.h"

struct cfg_state;

static char	*cfg_line(char *, int, void *);
static void	 cfg_files(struct cfg_state *, const char *);
static int	 cfg_value(void *, const char *, const char *, const char *);
static void	*setupcfg_parse(const struct reader_input *);

const struct reader reader_setupcfg = {
	.name = "setup.cfg",
	.flags = READER_TEXT,
	.parse = setupcfg_parse,
	.free = pymeta_free,
};

struct cfg_state {
	struct pymeta	*m;
	const char	*path;
	const char	*text;
	size_t		 len, pos;
	int		 line;
};

/* inih's reader: one line at a time, so that lines are counted. */
static char *
cfg_line(char *buf, int num, void *arg)
{
	struct cfg_state *st = arg;
	size_t n = 0;

	if (st->pos >= st->len || num < 2)
		return NULL;
	while (st->pos < st->len && n < (size_t)num - 2) {
		buf[n++] = st->text[st->pos++];
		if (buf[n - 1] == '\n')
			break;
	}
	/* A longer line is cut: its rest is skipped. */
	if (n > 0 && buf[n - 1] != '\n')
		while (st->pos < st->len && st->text[st->pos++] != '\n')
			;
	buf[n] = '\0';
	st->line++;
	return buf;
}

/*
 * "install_requires = file: requirements.txt base.txt": setuptools reads
 * the files (relative to the root), which are read here as well.
 */
static void
cfg_files(struct cfg_state *st, const char *list)
{
	const char *p = list;
	size_t n;
	char *name;

	for (;;) {
		p += strspn(p, " ,\t");
		if ((n = strcspn(p, " ,\t")) == 0)
			break;
		name = xstrndup(p, n);
		(void)pymeta_include(st->m, name, st->path, st->line,
		    PYDEP_REQUIRED, NULL, 1);
		free(name);
		p += n;
	}
}

/* Values of the multi-line keys come a line at a time. */
static int
cfg_value(void *arg, const char *section, const char *name,
    const char *value)
{
	struct cfg_state *st = arg;
	struct pymeta *m = st->m;

	if (value == NULL || *value == '\0')
		return 1;
	if (strcmp(section, "metadata") == 0) {
		if (strcmp(name, "name") == 0)
			pymeta_decl_add(&m->names, value, strlen(value),
			    "setup.cfg", st->path, st->line);
		else if (strcmp(name, "license") == 0)
			pymeta_decl_add(&m->licenses, value, strlen(value),
			    "license", st->path, st->line);
		else if (strcmp(name, "license_files") == 0 ||
		    strcmp(name, "license_file") == 0)
			pymeta_decl_add(&m->licenses, value, strlen(value),
			    "license-files", st->path, st->line);
		else if (strcmp(name, "classifiers") == 0 &&
		    pymeta_license_classifier(value))
			pymeta_decl_add(&m->licenses, value, strlen(value),
			    "classifier", st->path, st->line);
	} else if (strcmp(section, "options") == 0) {
		if (strcmp(name, "install_requires") == 0 &&
		    strncmp(value, "file:", 5) == 0)
			cfg_files(st, value + 5);
		else if (strcmp(name, "install_requires") == 0)
			pymeta_dep_req(m, value, st->path, st->line,
			    PYDEP_REQUIRED, NULL, 1);
		else if (strcmp(name, "setup_requires") == 0)
			pymeta_dep_req(m, value, st->path, st->line,
			    PYDEP_BUILD, NULL, 1);
	} else if (strcmp(section, "options.extras_require") == 0)
		pymeta_dep_req(m, value, st->path, st->line, PYDEP_OPTIONAL,
		    name, 1);
	else if (strcmp(section, "tool:pytest") == 0 &&
	    strcmp(name, "testpaths") == 0)
		pymeta_decl_add(&m->testpaths, value, strlen(value),
		    "testpaths", st->path, st->line);
	return 1;
}

/* A file too large is not read: the collector says so. */
static void *
setupcfg_parse(const struct reader_input *in)
{
	struct cfg_state st = { NULL, in->path, in->buf, in->len, 0, 0 };
	int rc;

	st.m = pymeta_new(in);
	if (st.m->truncated)
		return st.m;
	rc = ini_parse_stream(cfg_line, &st, cfg_value, &st);
	if (rc > 0)
		pymeta_problem(st.m, in->path, rc, "cannot read this line as "
		    "INI");
	return st.m;
}

