/* readers.c: the table of every reader (read/reader.h) */
#include "config.h"

#include <stddef.h>

#include "read/ci.h"
#include "read/codeowners.h"
#include "read/dochost.h"
#include "read/markdown.h"
#include "read/pymodel.h"
#include "read/reader.h"
#include "read/rst.h"
#include "read/testrun.h"
#include "read/workflow.h"

const struct reader *const readers[] = {
	&reader_ci,
	&reader_cname,
	&reader_codeowners,
	&reader_conda,
	&reader_markdown,
	&reader_mkdocs,
	&reader_nox,
	&reader_pyproject,
	&reader_requirements,
	&reader_rst,
	&reader_rtdconf,
	&reader_setupcfg,
	&reader_setuppy,
	&reader_sphinxconf,
	&reader_tox,
	&reader_workflow,
	NULL
};
