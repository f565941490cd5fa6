/* asof.c: fuzz the dates of --as-of and the dates found in prose (timeutil.c) */
#include "config.h"

#include <stdlib.h>

#include "timeutil.h"
#include "fuzz.h"

FUZZ_TARGET(asof)
{
	char *s, out[64];
	int64_t t, day;

	fuzz_quiet();
	s = fuzz_str(data, size);
	if (time_parse_iso(s, &t) == 0) {
		time_format_iso(t, out, sizeof(out));
		time_format_date(time_sub_days(t, 365), out, sizeof(out));
	}
	/* Not NUL-terminated: a read past the end is seen. */
	if (time_find_date((const char *)data, size, &day) == 1)
		time_format_date(time_clamp(day), out, sizeof(out));
	free(s);
	return 0;
}
