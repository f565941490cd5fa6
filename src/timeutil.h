/* timeutil.h: ISO 8601 times in and out, always UTC on output */
#ifndef EC_TIMEUTIL_H
#define EC_TIMEUTIL_H

#include <stddef.h>
#include <stdint.h>

/*
 * Parse "YYYY-MM-DD" (00:00:00 UTC), "YYYY-MM-DDTHH:MM[:SS]" with an
 * optional "Z" or "+HH[:MM]"/"-HH[:MM]" offset (UTC without one), a space
 * instead of 'T', or "@SECONDS". Returns 0 or -1.
 */
int	 time_parse_iso(const char *, int64_t *);
/* "2026-08-20T14:30:52Z" into buf (at least 21 bytes). */
void	 time_format_iso(int64_t, char *, size_t);
/* "2026-08-20" into buf (at least 11 bytes). */
void	 time_format_date(int64_t, char *, size_t);

#endif
