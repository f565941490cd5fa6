/*
 * people.c: fuzz the maintainers' reader of documents and the prose
 * blanker (src/read/people.c, prose.c). The first byte chooses: bit 0 the
 * text is reStructuredText (else Markdown), bit 1 every section may name
 * maintainers (PEOPLE_WHOLE); the rest is the document. A document's
 * people are merged, listed and shown; its prose is blanked and its lines
 * counted, as the rules do.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "read/markdown.h"
#include "read/people.h"
#include "read/prose.h"
#include "read/rst.h"
#include "strbuf.h"
#include "xalloc.h"
#include "fuzz.h"

FUZZ_TARGET(people)
{
	struct md_doc doc;
	struct people pp = PEOPLE_INIT;
	struct strbuf sb = STRBUF_INIT;
	unsigned flags;
	size_t i, n, *starts;
	char *text;
	int rc;

	fuzz_quiet();
	if (size < 1)
		return 0;
	flags = (data[0] & 1 ? PEOPLE_RST : 0) | (data[0] & 2 ? PEOPLE_WHOLE : 0);
	/* An exact-size copy: ASan sees a read one byte past the end. */
	n = size - 1;
	text = xmalloc(n ? n : 1);
	memcpy(text, data + 1, n);
	rc = (flags & PEOPLE_RST) ? rst_parse(text, n, &doc) :
	    md_parse(text, n, &doc);
	if (rc == 0) {
		(void)people_from_doc(&pp, text, n, &doc, "fuzz", flags);
		(void)people_page(&doc);
		(void)people_current(&pp);
		for (i = 0; i < pp.n; i++) {
			strbuf_reset(&sb);
			people_display(&pp.v[i], &sb);
		}
		strbuf_reset(&sb);
		prose_blank(text, n, &doc, &sb);
		starts = prose_line_starts(sb.buf ? sb.buf : "", sb.len, &i);
		if (i > 0)
			(void)prose_line_of(starts, i, sb.len / 2);
		free(starts);
	}
	people_release(&pp);
	md_doc_free(&doc);
	strbuf_release(&sb);
	free(text);
	return 0;
}
