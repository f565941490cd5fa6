/* unit-json.c: the one JSON string escaper and the writer */
#include "config.h"

#include <string.h>

#include "json.h"
#include "strbuf.h"
#include "tap.h"

static void
quote_is(const char *in, size_t n, const char *want, const char *what)
{
	struct strbuf sb = STRBUF_INIT;

	json_quote(&sb, in, n);
	is_str(sb.buf, want, "%s", what);
	strbuf_release(&sb);
}

int
main(void)
{
	struct strbuf sb = STRBUF_INIT;
	struct json j;

	quote_is("plain", 5, "\"plain\"", "plain text is quoted");
	quote_is("a\"b\\c", 5, "\"a\\\"b\\\\c\"", "quote and backslash");
	quote_is("\n\r\t", 3, "\"\\n\\r\\t\"", "short escapes");
	quote_is("\x01\x1f\x7f", 3, "\"\\u0001\\u001f\\u007f\"",
	    "control characters as \\u00XX");
	quote_is("a\0b", 3, "\"a\\u0000b\"", "a NUL byte inside the string");
	quote_is("caf\xc3\xa9 \xf0\x9f\x9a\x80", 10,
	    "\"caf\xc3\xa9 \xf0\x9f\x9a\x80\"", "valid UTF-8 passes through");
	quote_is("\xff", 1, "\"\xef\xbf\xbd\"", "invalid byte becomes U+FFFD");
	quote_is("\xc3", 1, "\"\xef\xbf\xbd\"", "truncated sequence replaced");
	quote_is("\xc0\xaf", 2, "\"\xef\xbf\xbd\xef\xbf\xbd\"",
	    "overlong encoding replaced");
	quote_is("\xed\xa0\x80", 3,
	    "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"", "a surrogate replaced");

	json_init(&j, &sb, 0);
	json_object_begin(&j, NULL);
	json_int(&j, "n", -3);
	json_array_begin(&j, "a");
	json_string(&j, NULL, "x");
	json_bool(&j, NULL, 1);
	json_null(&j, NULL);
	json_array_end(&j);
	json_array_begin(&j, "empty");
	json_array_end(&j);
	json_object_begin(&j, "o");
	json_string(&j, "s", NULL);
	json_object_end(&j);
	json_object_end(&j);
	is_str(sb.buf, "{\"n\":-3,\"a\":[\"x\",true,null],\"empty\":[],"
	    "\"o\":{\"s\":null}}", "compact writer output");
	strbuf_reset(&sb);
	json_init(&j, &sb, 1);
	json_object_begin(&j, NULL);
	json_array_begin(&j, "a");
	json_int(&j, NULL, 1);
	json_array_end(&j);
	json_object_end(&j);
	is_str(sb.buf, "{\n  \"a\": [\n    1\n  ]\n}", "pretty writer output");
	strbuf_release(&sb);
	return done_testing();
}
