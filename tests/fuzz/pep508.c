/*
 * pep508.c: fuzz PEP 508 requirements and the lines of a requirements
 * file (read/pep508.c): the input is parsed as one requirement, then read
 * line by line as pip reads a requirements file.
 */
#include "config.h"

#include <stdlib.h>

#include "read/pep508.h"
#include "strbuf.h"
#include "fuzz.h"

FUZZ_TARGET(pep508)
{
	struct strbuf err = STRBUF_INIT, norm = STRBUF_INIT;
	struct reqline_reader rd;
	struct pep508_req req;
	struct reqline line;
	char *s;
	int rc;

	fuzz_quiet();
	s = fuzz_str(data, size);
	if (pep508_parse(s, &req, &err) == 0)
		pep508_release(&req);
	pep503_normalize(s, size, &norm);
	(void)pep503_name_eq(s, "torch");
	reqline_init(&rd, (const char *)data, size);
	for (;;) {
		size_t pos = rd.pos;

		if ((rc = reqline_next(&rd, &line, &err)) == 0)
			break;
		/* A refused line is filled as far as it went, and released. */
		reqline_release(&line);
		if (rd.pos == pos)
			__builtin_trap();	/* no progress: it would loop */
	}
	strbuf_release(&err);
	strbuf_release(&norm);
	free(s);
	return 0;
}
