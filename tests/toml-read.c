/*
 * toml-read.c: read a TOML file with src/read/toml.c and print it as
 * toml-test's tagged JSON (for tests/bench/toml-conformance.sh)
 *
 * Usage: toml-read [FILE]   (standard input without FILE)
 * Exit 0 and the JSON on stdout; 1 and "FILE:LINE:COL: message" on
 * stderr when the file is not TOML 1.0; 2 when it cannot be read.
 */
#include "config.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "strbuf.h"
#include "read/toml.h"

static void	 put_value(struct strbuf *, const struct toml_value *);
static int	 slurp(FILE *, struct strbuf *);

/* A value as tagged JSON: tables as objects, arrays as arrays. */
static void
put_value(struct strbuf *out, const struct toml_value *v)
{
	enum toml_kind k;
	const char *s;
	size_t i, len;
	double f;

	k = toml_kind(v);
	if (k == TOML_TABLE || k == TOML_ARRAY) {
		strbuf_addch(out, k == TOML_TABLE ? '{' : '[');
		for (i = 0; i < toml_len(v); i++) {
			if (i > 0)
				strbuf_addch(out, ',');
			if (k == TOML_TABLE) {
				s = toml_key_at(v, i, &len);
				json_quote(out, s, len);
				strbuf_addch(out, ':');
			}
			put_value(out, toml_at(v, i));
		}
		strbuf_addch(out, k == TOML_TABLE ? '}' : ']');
		return;
	}
	strbuf_addf(out, "{\"type\":\"%s\",\"value\":", toml_kind_name(k));
	switch (k) {
	case TOML_INTEGER:
		strbuf_addf(out, "\"%" PRId64 "\"", toml_integer(v));
		break;
	case TOML_FLOAT:
		f = toml_float(v);
		if (isnan(f))
			strbuf_addstr(out, "\"nan\"");
		else if (isinf(f))
			strbuf_addstr(out, f < 0 ? "\"-inf\"" : "\"inf\"");
		else
			strbuf_addf(out, "\"%.17g\"", f);
		break;
	case TOML_BOOLEAN:
		strbuf_addstr(out, toml_boolean(v) ? "\"true\"" : "\"false\"");
		break;
	default:
		s = toml_string(v, &len);
		json_quote(out, s, len);
		break;
	}
	strbuf_addch(out, '}');
}

static int
slurp(FILE *fp, struct strbuf *sb)
{
	char buf[8192];
	size_t n;

	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		strbuf_add(sb, buf, n);
	return ferror(fp) ? -1 : 0;
}

int
main(int argc, char **argv)
{
	struct strbuf text = STRBUF_INIT, out = STRBUF_INIT;
	struct toml_value *root;
	struct toml_error err;
	const char *name = argc > 1 ? argv[1] : "-";
	FILE *fp = stdin;

	if (argc > 1 && (fp = fopen(argv[1], "rb")) == NULL) {
		perror(argv[1]);
		return 2;
	}
	if (slurp(fp, &text) == -1) {
		perror(name);
		return 2;
	}
	if (fp != stdin)
		fclose(fp);
	if (toml_parse(text.buf, text.len, &root, &err) == -1) {
		fprintf(stderr, "%s:%d:%d: %s\n", name, err.line, err.col,
		    err.msg);
		strbuf_release(&text);
		return 1;
	}
	put_value(&out, root);
	strbuf_addch(&out, '\n');
	fwrite(out.buf, 1, out.len, stdout);
	toml_free(root);
	strbuf_release(&text);
	strbuf_release(&out);
	return 0;
}
