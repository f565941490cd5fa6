/*
 * pep440.c: fuzz PEP 440 versions and specifier sets (read/pep440.c):
 * the first line is a version, the rest a specifier set.
 */
#include "config.h"

#include <stdlib.h>

#include "read/pep440.h"
#include "strbuf.h"
#include "fuzz.h"

FUZZ_TARGET(pep440)
{
	struct strbuf err = STRBUF_INIT, out = STRBUF_INIT;
	struct pep440_version v, w;
	struct pep440_spec *spec;
	char *a, *b;
	int va, vb;

	fuzz_quiet();
	fuzz_split(data, size, 1, &a, &b);
	va = pep440_parse(a, &v, &err) == 0;
	vb = pep440_parse(b, &w, &err) == 0;
	if (va) {
		pep440_str(&v, &out);
		(void)pep440_is_prerelease(&v);
	}
	if (va && vb)
		(void)pep440_cmp(&v, &w);
	if (pep440_spec_parse(b, &spec, &err) == 0) {
		if (va)
			(void)pep440_spec_admits(spec, &v, 0);
		(void)pep440_spec_admits_str(spec, a, 0);
		(void)pep440_spec_names_prerelease(spec);
		pep440_spec_free(spec);
	}
	if (va)
		pep440_version_clear(&v);
	if (vb)
		pep440_version_clear(&w);
	strbuf_release(&err);
	strbuf_release(&out);
	free(a);
	free(b);
	return 0;
}
