/*
 * requirements.c: the reader of a requirements file (pip's format,
 * pep508.h's reqline) into the model of pymeta.h: its requirements as
 * a requirements file's, and its -r includes for the collector to follow
 * with the kind of the file that names them.
 */
#include "config.h"

#include <stddef.h>

#include "read/pep508.h"
#include "pymeta.h"
#include "read/pymodel.h"
#include "read/reader.h"
#include "strbuf.h"

static void	*requirements_parse(const struct reader_input *);

const struct reader reader_requirements = {
	.name = "requirements file",
	.flags = READER_TEXT | READER_BOM,
	.parse = requirements_parse,
	.free = pymeta_free,
};

/* A file too large is read as far as it was read, as pip would not. */
static void *
requirements_parse(const struct reader_input *in)
{
	struct pymeta *m;
	struct reqline_reader rr;
	struct reqline rl;
	struct strbuf err = STRBUF_INIT;
	struct pyinclude *inc;
	int rc;

	m = pymeta_new(in);
	reqline_init(&rr, in->buf, in->len);
	while ((rc = reqline_next(&rr, &rl, &err)) != 0) {
		if (rc < 0) {
			pymeta_problem(m, in->path, rl.lineno, "%s", err.buf);
			strbuf_reset(&err);
			reqline_release(&rl);
			continue;
		}
		if (rl.kind == REQLINE_REQ)
			pymeta_dep_req(m, rl.text, in->path, rl.lineno,
			    PYDEP_REQFILE, NULL, 0);
		else if (rl.kind == REQLINE_INCLUDE) {
			inc = pymeta_include(m, rl.text, in->path, rl.lineno,
			    PYDEP_REQFILE, NULL, 0);
			inc->ownkind = 1;
		}
		reqline_release(&rl);
	}
	strbuf_release(&err);
	return m;
}
