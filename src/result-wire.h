/*
 * result-wire.h: a repository's result as bytes, so that a check run in
 * another process (jobs.c) can hand it back to the process that tells
 * the format's end hook of every repository.
 *
 * What travels: the repository (path as checked, root, source, HEAD,
 * bare, shallow, empty), the window, the counts and exit status; of the
 * rule set its name, title, window and requirement titles, and of each
 * rule its id, type, title, help, level and requirements (SARIF's end
 * describes every rule); every finding whole (result, level, message,
 * fix, evidence, details, value, minimum, judgment, what the
 * repository's config changed of the rule, its exemption).
 * What does not: the rules' keys, the files read and the facts: a format
 * prints those from its repo hook, which runs beside the check, never
 * from its end hook.
 */
#ifndef EC_RESULT_WIRE_H
#define EC_RESULT_WIRE_H

#include <stddef.h>

#include "finding.h"
#include "strbuf.h"

void	 result_wire_put(struct strbuf *, const struct repo_result *);
/*
 * Fill res, made with repo_result_init(), from len bytes at buf: 0, or
 * -1 when they are not a whole result (res is then released and made
 * anew, its path kept).
 */
int	 result_wire_get(struct repo_result *, const char *, size_t);

#endif
