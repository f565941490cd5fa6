/*
 * ruleset.c: fuzz the rule-set INI reader and a repository's overrides
 * (src/ruleset.c, src/rulecheck.c). An even first byte: the rest is a
 * rule set of its own; odd: a repository's .ecocheck.ini over the shipped
 * community-health set.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "rulecheck.h"
#include "ruleset.h"
#include "strbuf.h"
#include "fuzz.h"

static struct strbuf base = STRBUF_INIT;

static void	 load_base(void);

static void
load_base(void)
{
	FILE *f;
	char buf[4096];
	size_t n;

	if (!(f = fopen(EC_SRCDIR "/rules/community-health.ini", "r")))
		abort();
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(&base, buf, n);
	fclose(f);
}

FUZZ_TARGET(ruleset)
{
	struct ruleset rs;
	const char *s;
	int rc;

	fuzz_quiet();
	if (size < 1)
		return 0;
	if (!base.len)
		load_base();
	s = (const char *)data + 1;
	ruleset_init(&rs);
	if (data[0] & 1) {
		rc = ruleset_add_buffer(&rs, "community-health.ini", base.buf,
		    base.len);
		if (rc == 0)
			rc = ruleset_add_repo_buffer(&rs, ".ecocheck.ini", s,
			    size - 1);
	} else
		rc = ruleset_add_buffer(&rs, "fuzz.ini", s, size - 1);
	if (rc == 0)
		(void)rulecheck_finish(&rs);
	ruleset_release(&rs);
	return 0;
}
