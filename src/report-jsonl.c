/*
 * report-jsonl.c: JSON Lines: the JSON document of each repository
 * (report-json.c) on one line of its own, for tables of many
 * repositories read a line at a time.
 */
#include "config.h"

#include <stdio.h>

#include "report-json.h"
#include "report.h"
#include "strbuf.h"

static void	 jsonl_repo(FILE *, const struct repo_result *,
		    const struct report_opts *, size_t);

const struct report_format report_jsonl = {
	.name = "jsonl",
	.repo = jsonl_repo,
};

static void
jsonl_repo(FILE *fp, const struct repo_result *res,
    const struct report_opts *ro, size_t n)
{
	struct strbuf sb = STRBUF_INIT;

	report_json_document(&sb, res, 0);
	strbuf_addch(&sb, '\n');
	fwrite(sb.buf, 1, sb.len, fp);
	strbuf_release(&sb);
}
