/*
 * doclink.c: fuzz the resolution of documentation links (read/doclink.c):
 * the first line is the file the link is in, the rest the link.
 */
#include "config.h"

#include <stdlib.h>

#include "read/doclink.h"
#include "strbuf.h"
#include "fuzz.h"

FUZZ_TARGET(doclink)
{
	struct strvec out = STRVEC_INIT, hosts = STRVEC_INIT;
	struct strvec pages = STRVEC_INIT, names = STRVEC_INIT;
	struct doclink_site site;
	char *from, *dest, *host;

	fuzz_quiet();
	fuzz_split(data, size, 1, &from, &dest);
	(void)doclink_candidates(from, dest, &out);
	strvec_clear(&out);
	strvec_push(&hosts, "demo.readthedocs.io");
	strvec_push(&pages, "docs");
	strvec_push(&names, "demo");
	site.hosts = &hosts;
	site.pages = &pages;
	site.names = &names;
	(void)doclink_resolve(from, dest, &site, &out);
	(void)doclink_page_source(dest);
	if ((host = doclink_host_of((const char *)data, size)))
		free(host);
	strvec_clear(&out);
	strvec_clear(&hosts);
	strvec_clear(&pages);
	strvec_clear(&names);
	free(from);
	free(dest);
	return 0;
}
