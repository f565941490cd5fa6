/*
 * regex.h: PCRE2 patterns with limits, so that a hostile pattern or file
 * cannot hang a check (match and depth limits, a heap limit).
 */
#ifndef EC_REGEX_H
#define EC_REGEX_H

#include <stddef.h>
#include <stdint.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

struct strbuf;

/* Compile; on error fill err with "message at offset N" and return NULL. */
pcre2_code	*regex_compile(const char *, uint32_t, struct strbuf *);
/*
 * Compile the pattern of a "LABEL: REGEX" value; *label gets a copy of
 * the label. On error fill err and return NULL.
 */
pcre2_code	*regex_compile_labelled(const char *, uint32_t, char **,
		    struct strbuf *);
/*
 * Search subject from offset. Returns 1 on a match (start/end set when
 * not NULL), 0 on none, -1 when a limit was hit or the match failed
 * (err filled).
 */
int		 regex_search(const pcre2_code *, const char *, size_t, size_t,
		    size_t *, size_t *, struct strbuf *);
/* The 1-based line number of byte offset off in text. */
int		 regex_line_of(const char *, size_t);

#endif
