/* timeutil.h: ISO 8601 times in and out, always UTC on output */
#ifndef EC_TIMEUTIL_H
#define EC_TIMEUTIL_H

#include <stddef.h>
#include <stdint.h>

/* 9999-12-31T23:59:59Z: the last time ISO 8601 writes in four digits. */
#define TIME_MAX_SECONDS	253402300799LL
/* 0000-01-01T00:00:00Z: the first. */
#define TIME_MIN_SECONDS	(-62167219200LL)

/*
 * Parse "YYYY-MM-DD" (00:00:00 UTC), "YYYY-MM-DDTHH:MM[:SS]" with an
 * optional "Z" or "+HH[[:]MM]"/"-HH[[:]MM]" offset (UTC without one), a
 * space instead of 'T', or "@SECONDS" (0 to TIME_MAX_SECONDS). The time
 * in UTC must lie from TIME_MIN_SECONDS to TIME_MAX_SECONDS. Returns 0
 * or -1.
 */
int	 time_parse_iso(const char *, int64_t *);
/*
 * t less days whole days, but not before TIME_MIN_SECONDS (t itself if
 * it is already); days <= 0: t. Never overflows.
 */
int64_t	 time_sub_days(int64_t, int64_t);
/* t moved into TIME_MIN_SECONDS to TIME_MAX_SECONDS, the years 0-9999. */
int64_t	 time_clamp(int64_t);
/*
 * "2026-08-20T14:30:52Z" into buf (at least 21 bytes; any int64_t time,
 * whose year may be longer or negative, fits in 32).
 */
void	 time_format_iso(int64_t, char *, size_t);
/*
 * The first date written in len bytes of text ("2025-01-01", "January 1,
 * 2025", "1 Jan 2025", "March 2025", "2025"), as the last day it names at
 * 00:00 UTC into *day: 1, or 0 when there is none.
 */
int	 time_find_date(const char *, size_t, int64_t *);
/* "2026-08-20" into buf (at least 11 bytes). */
void	 time_format_date(int64_t, char *, size_t);

#endif
