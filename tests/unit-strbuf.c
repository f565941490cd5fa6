/* unit-strbuf.c: strbuf, strvec and ISO 8601 time helpers */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "tap.h"
#include "timeutil.h"

static void
test_strbuf(void)
{
	struct strbuf sb = STRBUF_INIT;
	char *p;
	size_t len;
	int i;

	ok(sb.buf != NULL && sb.buf[0] == '\0' && sb.len == 0,
	    "an initialised strbuf is an empty string");
	strbuf_addstr(&sb, "abc");
	strbuf_addch(&sb, 'd');
	strbuf_addf(&sb, "-%d-%s", 42, "x");
	is_str(sb.buf, "abcd-42-x", "add, addch and addf append");
	is_int(sb.len, 9, "len counts the bytes");
	strbuf_add(&sb, "\0z", 2);
	is_int(sb.len, 11, "embedded NUL bytes are kept");
	ok(sb.buf[11] == '\0', "the buffer stays NUL-terminated");
	strbuf_reset(&sb);
	for (i = 0; i < 10000; i++)
		strbuf_addch(&sb, 'a' + i % 26);
	is_int(sb.len, 10000, "growth over many appends");
	ok(sb.buf[9999] == 'a' + 9999 % 26 && sb.buf[10000] == '\0',
	    "the last byte and terminator are right after growth");
	strbuf_reset(&sb);
	strbuf_addstr(&sb, "  \t trim me \n");
	strbuf_trim(&sb);
	is_str(sb.buf, "trim me", "trim removes white space at both ends");
	p = strbuf_detach(&sb, &len);
	is_str(p, "trim me", "detach hands over the string");
	is_int(len, 7, "detach reports the length");
	ok(sb.len == 0 && sb.buf[0] == '\0', "detach leaves an empty buffer");
	free(p);
	p = strbuf_detach(&sb, NULL);
	is_str(p, "", "detaching an empty buffer gives an owned empty string");
	free(p);
	strbuf_release(&sb);
}

static void
test_strvec(void)
{
	struct strvec sv = STRVEC_INIT;

	strvec_push(&sv, "one");
	strvec_push(&sv, "two");
	is_int(sv.n, 2, "strvec counts");
	ok(sv.v[2] == NULL, "strvec is NULL-terminated");
	ok(strvec_has(&sv, "two") && !strvec_has(&sv, "three"),
	    "strvec_has finds members only");
	strvec_clear(&sv);
	ok(sv.n == 0 && sv.v == NULL, "strvec_clear empties");
}

static void
test_time(void)
{
	int64_t t;
	char buf[32];

	ok(time_parse_iso("2026-08-20", &t) == 0 && t == 1787184000,
	    "a date alone is midnight UTC");
	ok(time_parse_iso("2026-08-20T14:30:52Z", &t) == 0 &&
	    t == 1787184000 + 14 * 3600 + 30 * 60 + 52, "date-time in UTC");
	ok(time_parse_iso("2026-08-20T16:30:52+02:00", &t) == 0 &&
	    t == 1787184000 + 14 * 3600 + 30 * 60 + 52, "an offset is applied");
	ok(time_parse_iso("2026-08-20 09:30-0500", &t) == 0 &&
	    t == 1787184000 + 14 * 3600 + 30 * 60, "space separator, -HHMM");
	ok(time_parse_iso("@1700000000", &t) == 0 && t == 1700000000,
	    "@seconds as git writes them");
	ok(time_parse_iso("2024-02-29", &t) == 0, "a leap day");
	ok(time_parse_iso("2025-02-29", &t) == -1, "not a leap year");
	ok(time_parse_iso("2026-13-01", &t) == -1, "month 13 is refused");
	ok(time_parse_iso("2026-08-20T25:00", &t) == -1, "hour 25 refused");
	ok(time_parse_iso("yesterday", &t) == -1, "words are refused");
	ok(time_parse_iso("2026-08-20Tx", &t) == -1, "trailing junk refused");
	ok(time_parse_iso("", &t) == -1, "empty refused");
	time_format_iso(1787184000 + 52, buf, sizeof(buf));
	is_str(buf, "2026-08-20T00:00:52Z", "format as ISO 8601 UTC");
	time_format_iso(-1, buf, sizeof(buf));
	is_str(buf, "1969-12-31T23:59:59Z", "times before the epoch");
	time_format_date(951782400, buf, sizeof(buf));
	is_str(buf, "2000-02-29", "date of a leap day");
}

int
main(void)
{
	test_strbuf();
	test_strvec();
	test_time();
	return done_testing();
}
