/* report-json.h: the JSON document of a repository, for json and jsonl */
#ifndef EC_REPORT_JSON_H
#define EC_REPORT_JSON_H

struct repo_result;
struct strbuf;

/* Append the schema 1 document of res, indented when pretty. */
void	 report_json_document(struct strbuf *, const struct repo_result *,
	    int);

#endif
