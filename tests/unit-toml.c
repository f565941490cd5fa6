/* unit-toml.c: the TOML reader: pyproject.toml shapes, refusals, hostility */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "tap.h"
#include "read/toml.h"

#define FIXTURES EC_SRCDIR "/tests/fixtures/toml"

static struct toml_value *load(const char *, struct toml_error *);
static struct toml_value *parse(const char *, struct toml_error *);
static const char *str(const struct toml_value *, const char *);
static const char *item(const struct toml_value *, const char *, size_t);
static int	 refused(const char *, int, const char *);
static void	 test_setuptools(void);
static void	 test_poetry(void);
static void	 test_hatch(void);
static void	 test_dependency_groups(void);
static void	 test_strings(void);
static void	 test_arrays(void);
static void	 test_keys_and_tables(void);
static void	 test_numbers_and_dates(void);
static void	 test_broken_fixtures(void);
static void	 test_refusals(void);
static void	 test_bytes(void);
static void	 test_hostile(void);
static void	 test_accessors(void);

/* Parse a fixture; NULL (and err set) when refused. */
static struct toml_value *
load(const char *name, struct toml_error *err)
{
	struct strbuf sb = STRBUF_INIT;
	struct toml_value *root = NULL;
	char path[512], buf[4096];
	size_t n;
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", FIXTURES, name);
	if ((fp = fopen(path, "rb")) == NULL) {
		printf("Bail out! %s: cannot open\n", path);
		exit(1);
	}
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		strbuf_add(&sb, buf, n);
	fclose(fp);
	toml_parse(sb.buf, sb.len, &root, err);
	strbuf_release(&sb);
	return root;
}

static struct toml_value *
parse(const char *text, struct toml_error *err)
{
	struct toml_value *root = NULL;

	toml_parse(text, strlen(text), &root, err);
	return root;
}

/* The string at a dotted key, or NULL. */
static const char *
str(const struct toml_value *t, const char *key)
{
	return toml_string(toml_get(t, key), NULL);
}

/* The i-th string of the array at a dotted key, or NULL. */
static const char *
item(const struct toml_value *t, const char *key, size_t i)
{
	return toml_string(toml_at(toml_get(t, key), i), NULL);
}

/*
 * Whether text is refused on the given line with a message containing
 * want; says what happened when not.
 */
static int
refused(const char *text, int line, const char *want)
{
	struct toml_value *root;
	struct toml_error err;

	if ((root = parse(text, &err)) != NULL) {
		printf("#   accepted\n");
		toml_free(root);
		return 0;
	}
	if (err.line != line || err.col < 1 || strstr(err.msg, want) == NULL) {
		printf("#   %d:%d: %s\n", err.line, err.col, err.msg);
		return 0;
	}
	return 1;
}

static void
test_setuptools(void)
{
	struct toml_value *root;
	struct toml_error err;
	const struct toml_value *v;

	root = load("pyproject-setuptools.toml", &err);
	if (!ok(root != NULL, "a setuptools pyproject.toml is read")) {
		printf("#   %d:%d: %s\n", err.line, err.col, err.msg);
		return;
	}
	is_str(item(root, "build-system.requires", 0), "setuptools>=61.0",
	    "build-system.requires");
	is_str(str(root, "build-system.build-backend"),
	    "setuptools.build_meta", "a string under a table");
	v = toml_get(root, "project.dependencies");
	is_int(toml_len(v), 3, "a multi-line array with a comment has 3 items");
	is_str(item(root, "project.dependencies", 1), "torch>=2.1,<2.7",
	    "the item before a comment");
	is_int(toml_line(v), 20, "an array's line is its key's");
	is_int(toml_line(toml_at(v, 1)), 22, "an item's line is its own");
	is_str(item(root, "project.dependencies", 2),
	    "typing-extensions; python_version < \"3.10\"",
	    "a literal string keeps double quotes");
	v = toml_get(root, "project.license");
	ok(toml_kind(v) == TOML_TABLE && toml_len(v) == 1,
	    "project.license as the older table");
	is_str(str(root, "project.license.file"), "LICENSE",
	    "project.license.file");
	v = toml_get(root, "project.optional-dependencies");
	ok(toml_len(v) == 2 && strcmp(toml_key_at(v, 0, NULL), "test") == 0 &&
	    strcmp(toml_key_at(v, 1, NULL), "docs") == 0,
	    "extras keep their document order");
	is_str(item(root, "project.optional-dependencies.test", 1),
	    "pytest-cov", "an extra's requirement");
	is_int(toml_line(v), 26, "a table's line is its header's");
	is_str(item(root, "project.classifiers", 0),
	    "License :: OSI Approved :: BSD License", "a classifier");
	is_str(item(root, "tool.pytest.ini_options.testpaths", 1),
	    "integration", "tool.pytest.ini_options.testpaths");
	ok(toml_get(root, "tool.setuptools.packages.find.where") != NULL,
	    "a header four levels deep");
	ok(toml_get(root, "project.missing") == NULL &&
	    toml_get(root, "nothing.at.all") == NULL,
	    "absent keys are NULL");
	ok(toml_get(root, "project.name.x") == NULL,
	    "a key under a string is NULL, not a guess");
	toml_free(root);
}

static void
test_poetry(void)
{
	struct toml_value *root;
	struct toml_error err;
	const struct toml_value *deps, *torch;

	root = load("pyproject-poetry.toml", &err);
	if (!ok(root != NULL, "a poetry pyproject.toml is read"))
		return;
	deps = toml_get(root, "tool.poetry.dependencies");
	ok(toml_len(deps) == 4 &&
	    strcmp(toml_key_at(deps, 0, NULL), "python") == 0 &&
	    strcmp(toml_key_at(deps, 1, NULL), "torch") == 0 &&
	    strcmp(toml_key_at(deps, 3, NULL), "requests") == 0,
	    "tool.poetry.dependencies in document order");
	torch = toml_get(deps, "torch");
	ok(toml_kind(torch) == TOML_TABLE, "a dependency as an inline table");
	is_str(str(torch, "version"), ">=2.2", "its version");
	ok(toml_kind(toml_get(torch, "optional")) == TOML_BOOLEAN &&
	    toml_boolean(toml_get(torch, "optional")) == 1, "optional = true");
	is_int(toml_line(torch), 10, "an inline table's line is its key's");
	is_str(str(deps, "numpy"), "^1.24", "a dependency as a string");
	is_str(str(root, "tool.poetry.license"), "Apache-2.0",
	    "tool.poetry.license");
	is_str(item(root, "tool.poetry.group.dev.dependencies.pytest", 0),
	    NULL, "a string is not an array");
	is_str(str(root, "tool.poetry.group.dev.dependencies.pytest"), "^8.0",
	    "a dependency group of poetry");
	toml_free(root);
}

static void
test_hatch(void)
{
	struct toml_value *root;
	struct toml_error err;
	const struct toml_value *m;

	root = load("pyproject-hatch.toml", &err);
	if (!ok(root != NULL, "a hatch pyproject.toml is read"))
		return;
	ok(toml_kind(toml_get(root, "project.license")) == TOML_STRING,
	    "project.license as a PEP 639 expression");
	is_str(str(root, "project.license"), "MIT OR Apache-2.0",
	    "its value");
	is_str(item(root, "project.license-files", 1),
	    "vendored/licenses/*.txt", "project.license-files");
	is_str(item(root, "project.dependencies", 0), "torch ==2.5.*",
	    "a requirement with a space");
	m = toml_get(root, "tool.hatch.envs.test.matrix");
	ok(toml_kind(m) == TOML_ARRAY && toml_len(m) == 2 &&
	    toml_kind(toml_at(m, 1)) == TOML_TABLE,
	    "an array of tables under a table");
	is_str(item(toml_at(m, 0), "torch", 1), "2.5", "in its first table");
	is_int(toml_line(toml_at(m, 1)), 25,
	    "each table's line is its [[header]]");
	toml_free(root);
}

static void
test_dependency_groups(void)
{
	struct toml_value *root;
	struct toml_error err;
	const struct toml_value *dev;

	root = load("pyproject-dependency-groups.toml", &err);
	if (!ok(root != NULL, "PEP 735 dependency-groups are read"))
		return;
	ok(toml_kind(toml_get(root, "project.dependencies")) == TOML_ARRAY &&
	    toml_len(toml_get(root, "project.dependencies")) == 0,
	    "an empty array");
	dev = toml_get(root, "dependency-groups.dev");
	is_int(toml_len(dev), 3, "a group of three");
	is_str(str(toml_at(dev, 1), "include-group"), "docs",
	    "an include-group table in an array");
	is_str(toml_string(toml_at(dev, 2), NULL), "ruff",
	    "mixed with strings");
	is_str(toml_key_at(toml_get(root, "dependency-groups"), 0, NULL),
	    "test", "groups in document order");
	toml_free(root);
}

static void
test_strings(void)
{
	struct toml_value *root;
	struct toml_error err;

	root = load("strings.toml", &err);
	if (!ok(root != NULL, "strings.toml is read"))
		return;
	is_str(str(root, "basic"), "tab\there \"quoted\" back\\slash "
	    "\xc3\xa9 \xf0\x9f\x98\x80", "basic escapes, \\u and \\U");
	is_str(str(root, "literal"), "C:\\Users\\nobody\\",
	    "a literal string has no escapes");
	is_str(str(root, "empty"), "", "an empty string");
	is_str(str(root, "multi"), "first line\nsecond \"line\" with "
	    "\"\"two\"\" quotes", "a multi-line string drops its first "
	    "newline and keeps quotes");
	is_str(str(root, "trimmed"), "The quick brown fox.",
	    "a line-ending backslash trims to the next text");
	is_str(str(root, "raw-multi"), "no \\escapes here\n'quoted' and "
	    "''twice'' ", "a multi-line literal string");
	is_str(str(root, "ends-with-quotes"), "a\"b\"\"",
	    "two quotes just before the closing three");
	is_int(toml_line(toml_get(root, "trimmed")), 7,
	    "lines count through multi-line strings");
	toml_free(root);
}

static void
test_arrays(void)
{
	struct toml_value *root;
	struct toml_error err;
	const struct toml_value *m;

	root = load("arrays-comments.toml", &err);
	if (!ok(root != NULL, "arrays-comments.toml is read"))
		return;
	ok(toml_len(toml_get(root, "deps")) == 2 &&
	    strcmp(item(root, "deps", 1), "b") == 0,
	    "comments inside a multi-line array");
	m = toml_get(root, "mixed");
	ok(toml_len(m) == 6 && toml_kind(toml_at(m, 0)) == TOML_INTEGER &&
	    toml_kind(toml_at(m, 1)) == TOML_STRING &&
	    toml_kind(toml_at(m, 2)) == TOML_FLOAT &&
	    toml_kind(toml_at(m, 3)) == TOML_ARRAY &&
	    toml_kind(toml_at(m, 4)) == TOML_TABLE &&
	    toml_kind(toml_at(m, 5)) == TOML_BOOLEAN,
	    "an array of mixed types");
	is_int(toml_integer(toml_get(toml_at(m, 4), "six")), 6,
	    "an inline table in an array");
	is_int(toml_len(toml_at(toml_get(root, "nested"), 1)), 1,
	    "nested arrays");
	ok(toml_kind(toml_get(root, "empty")) == TOML_ARRAY &&
	    toml_len(toml_get(root, "empty")) == 0, "an empty array");
	is_int(toml_len(toml_get(root, "trailing")), 2, "a trailing comma");
	toml_free(root);
}

static void
test_keys_and_tables(void)
{
	struct toml_value *root;
	struct toml_error err;
	const struct toml_value *fruit;
	size_t i, len;

	root = load("dotted-inline.toml", &err);
	if (!ok(root != NULL, "dotted-inline.toml is read"))
		return;
	is_str(str(root, "name.last"), "Preston-Werner", "dotted keys");
	is_int(toml_integer(toml_get(root, "quoted key")), 1, "a quoted key");
	ok(toml_get(root, "literal.key") == NULL,
	    "toml_get splits at every dot");
	for (i = 0; i < toml_len(root); i++)
		if (strcmp(toml_key_at(root, i, &len), "literal.key") == 0)
			break;
	ok(i < toml_len(root) && len == 11 &&
	    toml_integer(toml_at(root, i)) == 2,
	    "a key with a dot is found with toml_key_at");
	ok(toml_boolean(toml_at(toml_get(root, "site"), 0)) == 1,
	    "a dotted key with a quoted part");
	is_str(str(root, "point.label.text"), "origin",
	    "a dotted key inside an inline table");
	ok(toml_kind(toml_get(root, "empty")) == TOML_TABLE &&
	    toml_len(toml_get(root, "empty")) == 0, "an empty inline table");
	is_int(toml_integer(toml_get(root, "a.b.c.d")), 1, "[a.b.c]");
	is_int(toml_integer(toml_get(root, "a.e")), 2,
	    "[a] after [a.b.c] defines the implicit table");
	fruit = toml_get(root, "fruit");
	ok(toml_kind(fruit) == TOML_ARRAY && toml_len(fruit) == 2,
	    "an array of tables");
	is_str(str(toml_at(fruit, 0), "physical.color"), "red",
	    "a sub-table of the last element of an array of tables");
	is_str(str(toml_at(fruit, 1), "name"), "banana", "the second element");
	ok(toml_get(toml_at(fruit, 1), "physical") == NULL,
	    "the sub-table belongs to the first element only");
	toml_free(root);
}

static void
test_numbers_and_dates(void)
{
	struct toml_value *root;
	struct toml_error err;
	const struct toml_value *v;

	root = load("numbers-dates.toml", &err);
	if (!ok(root != NULL, "numbers-dates.toml is read"))
		return;
	is_int(toml_integer(toml_get(root, "int")), 99, "+99");
	is_int(toml_integer(toml_get(root, "neg")), -17, "-17");
	ok(toml_integer(toml_get(root, "big")) == INT64_MAX,
	    "the largest integer, with underscores");
	ok(toml_integer(toml_get(root, "small")) == INT64_MIN,
	    "the smallest integer");
	is_int(toml_integer(toml_get(root, "hex")), 0xdeadbeef, "hex");
	is_int(toml_integer(toml_get(root, "oct")), 0755, "octal");
	is_int(toml_integer(toml_get(root, "bin")), 13, "binary");
	ok(toml_float(toml_get(root, "flt")) == 6.626e-34, "a float");
	ok(toml_float(toml_get(root, "flt2")) == -0.01, "a negative float");
	ok(toml_float(toml_get(root, "exp")) == 5e22, "an exponent");
	ok(isinf(toml_float(toml_get(root, "inf"))) &&
	    toml_float(toml_get(root, "inf")) < 0, "-inf");
	ok(isnan(toml_float(toml_get(root, "nan"))), "nan");
	v = toml_get(root, "odt");
	ok(toml_kind(v) == TOML_DATETIME, "an offset date-time");
	is_str(toml_string(v, NULL), "1979-05-27T07:32:00.999-07:00",
	    "its text, as written");
	is_str(str(root, "odt2"), "1979-05-27T07:32:00Z",
	    "a space and a lowercase z read as T and Z");
	ok(toml_kind(toml_get(root, "ldt")) == TOML_DATETIME_LOCAL &&
	    toml_kind(toml_get(root, "ld")) == TOML_DATE_LOCAL &&
	    toml_kind(toml_get(root, "lt")) == TOML_TIME_LOCAL,
	    "local date-time, date and time");
	is_str(str(root, "ld"), "2024-02-29", "29 February of a leap year");
	is_str(str(root, "lt"), "00:32:00.5", "a local time with a fraction");
	toml_free(root);
}

static void
test_broken_fixtures(void)
{
	static const struct {
		const char	*file;
		int		 line, col;
		const char	*msg;
	} cases[] = {
		{ "broken-table-twice.toml", 4, 2,
		    "table 'project' defined twice (first on line 1)" },
		{ "broken-key-twice.toml", 3, 1,
		    "key 'name' defined twice (first on line 2)" },
		{ "broken-extend-inline-table.toml", 3, 1,
		    "cannot add keys to 'license' here: it is an inline" },
		{ "broken-extend-static-array.toml", 3, 3,
		    "cannot make 'fruit' an array of tables: it is an array" },
		{ "broken-dotted-after-header.toml", 5, 1,
		    "cannot add keys to 'poetry.dependencies' here" },
		{ "broken-unterminated-array.toml", 5, 1,
		    "expected ',' or ']' in an array, found the end" },
		{ "broken-bad-escape.toml", 2, 34, "invalid escape '\\x'" },
		{ "broken-integer-overflow.toml", 1, 5,
		    "integer out of range" },
		{ "broken-newline-in-inline-table.toml", 2, 29,
		    "a newline inside an inline table" },
		{ "broken-missing-equals.toml", 2, 6,
		    "expected '=' after a key, found '\"'" },
		{ "broken-invalid-utf8.toml", 2, 12, "invalid UTF-8" },
	};
	struct toml_value *root;
	struct toml_error err;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		root = load(cases[i].file, &err);
		if (!ok(root == NULL && err.line == cases[i].line &&
		    err.col == cases[i].col &&
		    strstr(err.msg, cases[i].msg) != NULL,
		    "%s: refused at %d:%d", cases[i].file, cases[i].line,
		    cases[i].col))
			printf("#   %d:%d: %s\n", err.line, err.col, err.msg);
		toml_free(root);
	}
}

static void
test_refusals(void)
{
	/* Strings and escapes. */
	ok(refused("a = \"x\\e\"\n", 1, "invalid escape '\\e'"),
	    "\\e is TOML 1.1, refused");
	ok(refused("a = \"\\uD800\"\n", 1, "not a Unicode scalar value"),
	    "a surrogate escape");
	ok(refused("a = \"\\U00110000\"\n", 1, "not a Unicode scalar value"),
	    "an escape past U+10FFFF");
	ok(refused("a = \"\\u12\"\n", 1, "\\u needs 4 hex digits"),
	    "a short \\u escape");
	ok(refused("a = \"one\ntwo\"\n", 1, "unterminated string"),
	    "a newline in a basic string");
	ok(refused("a = 'x\n", 1, "unterminated literal string"),
	    "an unterminated literal string");
	ok(refused("a = \"\"\"x\n\ny\n", 4, "unterminated multi-line string"),
	    "an unterminated multi-line string, at the end");
	ok(refused("a = \"\"\"x\"\"\"\"\"\"\n", 1, "too many quotes"),
	    "six quotes closing a multi-line string");
	ok(refused("a = \"\"\"x \\  y\"\"\"\n", 1, "invalid escape"),
	    "a backslash and spaces not at the end of a line");
	ok(refused("a = \"\"\"\nx\ny\"\"\"\nb = \n", 4, "expected a value"),
	    "errors after a multi-line string count its lines");
	/* Numbers. */
	ok(refused("a = 01\n", 1, "leading zero"), "a leading zero");
	ok(refused("a = 1__0\n", 1, "invalid number"), "a double underscore");
	ok(refused("a = _1\n", 1, "expected a value"), "a leading underscore");
	ok(refused("a = 1_\n", 1, "invalid number"), "a trailing underscore");
	ok(refused("a = +0x1\n", 1, "a sign before a hex"), "a signed hex");
	ok(refused("a = 0X1\n", 1, "invalid number"), "0X in capitals");
	ok(refused("a = 0x\n", 1, "invalid number"), "0x without digits");
	ok(refused("a = -9223372036854775809\n", 1, "integer out of range"),
	    "below the smallest integer");
	ok(refused("a = 0x8000000000000000\n", 1, "integer out of range"),
	    "a hex integer past the largest");
	ok(refused("a = 1e999\n", 1, "float out of range"),
	    "a float past the largest double");
	ok(refused("a = 1.\n", 1, "decimal point"), "1.");
	ok(refused("a = .5\n", 1, "expected a value"), ".5");
	ok(refused("a = 1.e5\n", 1, "decimal point"), "1.e5");
	ok(refused("a = Inf\n", 1, "expected a value"), "Inf in capitals");
	/* Dates and times. */
	ok(refused("a = 2023-02-29\n", 1, "date out of range"),
	    "29 February of a common year");
	ok(refused("a = 1900-02-29\n", 1, "date out of range"),
	    "29 February of a century that is not a leap year");
	ok(refused("a = 1979-05-27T24:00:00\n", 1, "time out of range"),
	    "hour 24");
	ok(refused("a = 1979-05-27T07:32:60Z\n", 1, "time out of range"),
	    "second 60");
	ok(refused("a = 07:32\n", 1, "HH:MM:SS"),
	    "a time without seconds is TOML 1.1");
	ok(refused("a = 1979-05-27T07:32:00+24:00\n", 1, "invalid offset"),
	    "an offset of 24 hours");
	ok(refused("a = 1979-05-27T07:32:00.\n", 1, "needs digits"),
	    "a fraction without digits");
	/* Structure. */
	ok(refused("a = {b = 1,}\n", 1, "trailing comma"),
	    "a trailing comma in an inline table is TOML 1.1");
	ok(refused("a = {\n}\n", 1, "newline inside an inline table"),
	    "a newline in an inline table is TOML 1.1");
	ok(refused("a = 1 b = 2\n", 1, "expected a newline"),
	    "two pairs on a line");
	ok(refused("[a]\nb = 1\n[a.b]\n", 3,
	    "cannot define table 'a.b': it is a value"),
	    "a table over a value");
	ok(refused("a.b = 1\n[a]\n", 2, "table 'a' defined twice"),
	    "a header for a table dotted keys made");
	ok(refused("[fruit]\napple.color = 'red'\n[fruit.apple]\n", 3,
	    "table 'fruit.apple' defined twice"),
	    "the spec's [fruit.apple] after apple.color");
	ok(refused("a = {b = 1}\n[a.c]\n", 2, "cannot add a table under 'a'"),
	    "a sub-table of an inline table");
	ok(refused("a = {b = {c = 1}, b.d = 2}\n", 1,
	    "cannot add keys to 'b'"), "extending an inline table inside one");
	ok(refused("a = [1]\n[[a]]\n", 2, "cannot make 'a' an array of tables"),
	    "appending a table to a static array");
	ok(refused("[[a]]\n[a]\n", 2, "it is an array of tables"),
	    "a table over an array of tables");
	ok(refused("[a]\n[[a]]\n", 2, "cannot make 'a' an array of tables"),
	    "an array of tables over a table");
	ok(refused("[ [a]]\n", 1, "expected a key"), "[ [a]]");
	ok(refused("[a]]\n", 1, "expected a newline"), "[a]]");
	ok(refused("[]\n", 1, "expected a key"), "an empty table name");
	ok(refused("= 1\n", 1, "expected a key"), "a missing key");
	ok(refused("a = \n", 1, "expected a value"), "a missing value");
	ok(refused("a = [1,,2]\n", 1, "expected a value"), "a double comma");
	ok(refused("a = [,]\n", 1, "expected a value"), "only a comma");
}

static void
test_bytes(void)
{
	struct toml_value *root;
	struct toml_error err;
	const char *s;
	size_t len;

	ok(refused("a = \"x\001\"\n", 1, "control character 0x01"),
	    "a control character in a string");
	ok(refused("a = \"x\177\"\n", 1, "control character 0x7f"),
	    "DEL in a string");
	ok(refused("a = '''x\001'''\n", 1, "control character"),
	    "a control character in a multi-line literal string");
	ok(refused("# x\177\na = 1\n", 1,
	    "control character 0x7f in a comment"),
	    "DEL in a comment");
	ok(refused("a = 1\rb = 2\n", 1, "carriage return"),
	    "a carriage return without a line feed");
	ok(refused("a = \"\"\"x\ry\"\"\"\n", 1, "control character 0x0d"),
	    "a bare carriage return in a multi-line string");
	ok(refused("a = \"\xc3\"\n", 1, "invalid UTF-8"), "a cut sequence");
	ok(refused("# \xc0\xaf\n", 1, "invalid UTF-8"),
	    "an overlong sequence in a comment");
	ok(refused("a = \"\xed\xa0\x80\"\n", 1, "invalid UTF-8"),
	    "an encoded surrogate");
	ok(refused("\xef\xbb\xbf\xef\xbb\xbf" "a = 1\n", 1, "expected a key"),
	    "a second byte-order mark");
	ok(refused("a = 1\n\n\nb = \"\xff\"\n", 4, "invalid UTF-8"),
	    "invalid UTF-8 is placed by line");

	root = parse("\xef\xbb\xbf" "a = 1\r\nb = \"\"\"\r\nx\r\ny\\\r\n"
	    "  z\"\"\"\r\n", &err);
	ok(root != NULL && toml_integer(toml_get(root, "a")) == 1,
	    "a byte-order mark and CR LF newlines");
	is_str(str(root, "b"), "x\nyz", "CR LF in a multi-line string reads "
	    "as LF; a backslash before CR LF trims");
	toml_free(root);

	root = parse("a = \"x\\u0000y\"\n", &err);
	s = toml_string(toml_get(root, "a"), &len);
	ok(s != NULL && len == 3 && memcmp(s, "x\0y", 3) == 0,
	    "a NUL from an escape is kept, and counted");
	toml_free(root);

	toml_parse("a = 1X", 5, &root, &err);
	ok(root != NULL && toml_integer(toml_get(root, "a")) == 1,
	    "nothing past len is read");
	toml_free(root);

	root = parse("", &err);
	ok(root != NULL && toml_kind(root) == TOML_TABLE &&
	    toml_len(root) == 0, "an empty document is an empty table");
	toml_free(root);
	root = parse("# only a comment", &err);
	ok(root != NULL && toml_len(root) == 0,
	    "a comment without a newline at the end");
	toml_free(root);
}

static void
test_hostile(void)
{
	static const char *const fixtures[] = {
		"pyproject-setuptools.toml", "pyproject-poetry.toml",
		"strings.toml", "numbers-dates.toml", "dotted-inline.toml",
		"arrays-comments.toml",
	};
	struct strbuf sb = STRBUF_INIT, text = STRBUF_INIT;
	struct toml_value *root;
	struct toml_error err;
	char path[512], buf[4096], saved;
	size_t i, k, n, bad = 0;
	FILE *fp;
	int r;

	strbuf_addstr(&sb, "a = ");
	for (i = 0; i < 128; i++)
		strbuf_addch(&sb, '[');
	for (i = 0; i < 128; i++)
		strbuf_addch(&sb, ']');
	root = parse(sb.buf, &err);
	ok(root != NULL, "arrays nested 128 deep are read");
	toml_free(root);
	strbuf_reset(&sb);
	strbuf_addstr(&sb, "a = ");
	for (i = 0; i < 100000; i++)
		strbuf_addch(&sb, '[');
	ok(refused(sb.buf, 1, "nested more than 128 deep"),
	    "arrays nested 100000 deep are refused, not a stack overflow");
	strbuf_reset(&sb);
	strbuf_addstr(&sb, "a = ");
	for (i = 0; i < 100000; i++)
		strbuf_addstr(&sb, "{b=");
	ok(refused(sb.buf, 1, "nested more than 128 deep"),
	    "inline tables nested 100000 deep are refused");
	strbuf_reset(&sb);
	strbuf_addch(&sb, '[');
	for (i = 0; i < 1000; i++)
		strbuf_addstr(&sb, "a.");
	strbuf_addstr(&sb, "a]\n");
	ok(refused(sb.buf, 1, "more than 128 parts"),
	    "a table name of 1000 parts is refused");
	strbuf_reset(&sb);
	for (i = 0; i < 100; i++)
		strbuf_addstr(&sb, "a.");
	strbuf_addstr(&sb, "a = 1\n[");
	for (i = 0; i < 60; i++)
		strbuf_addstr(&sb, "a.");
	strbuf_addstr(&sb, "b]\n");
	for (i = 0; i < 100; i++)
		strbuf_addstr(&sb, "c.");
	strbuf_addstr(&sb, "c = 1\n");
	ok(refused(sb.buf, 3, "nested more than 128 deep"),
	    "a header and dotted keys together deeper than 128 are refused");

	/* Many keys in one table: hashed, so this is quick. */
	strbuf_reset(&sb);
	for (i = 0; i < 200000; i++)
		strbuf_addf(&sb, "k%zu = %zu\n", i, i);
	root = parse(sb.buf, &err);
	ok(root != NULL && toml_len(root) == 200000 &&
	    toml_integer(toml_get(root, "k199999")) == 199999 &&
	    toml_integer(toml_get(root, "k0")) == 0,
	    "200000 keys in one table");
	toml_free(root);
	strbuf_addstr(&sb, "k123456 = 0\n");
	ok(refused(sb.buf, 200001, "key 'k123456' defined twice"),
	    "a duplicate among 200000 keys is found");

	/* Every prefix and some flipped bytes of the fixtures: no crash. */
	for (i = 0; i < sizeof(fixtures) / sizeof(fixtures[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", FIXTURES, fixtures[i]);
		if ((fp = fopen(path, "rb")) == NULL)
			continue;
		strbuf_reset(&text);
		while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
			strbuf_add(&text, buf, n);
		fclose(fp);
		for (k = 0; k <= text.len; k++) {
			r = toml_parse(text.buf, k, &root, &err);
			if ((r == 0) != (root != NULL) ||
			    (r == -1 && (err.line < 1 || err.col < 1)))
				bad++;
			toml_free(root);
		}
		for (k = 0; k < text.len; k++) {
			saved = text.buf[k];
			text.buf[k] = "\"'[]{}=.,#\\\n\r\t x0"[k % 18];
			r = toml_parse(text.buf, text.len, &root, &err);
			if ((r == 0) != (root != NULL) ||
			    (r == -1 && (err.line < 1 || err.col < 1)))
				bad++;
			toml_free(root);
			text.buf[k] = saved;
		}
	}
	is_int(bad, 0, "cut and changed fixtures are read or refused with "
	    "a place, never half");
	strbuf_release(&sb);
	strbuf_release(&text);
}

static void
test_accessors(void)
{
	struct toml_value *root;
	struct toml_error err;
	size_t len = 99;

	ok(toml_kind(NULL) == TOML_NONE && toml_len(NULL) == 0 &&
	    toml_line(NULL) == 0 && toml_at(NULL, 0) == NULL &&
	    toml_get(NULL, "a") == NULL, "NULL reads as absent");
	root = parse("n = 3\ns = 'x'\n", &err);
	ok(toml_string(toml_get(root, "n"), &len) == NULL && len == 0,
	    "an integer has no string");
	ok(toml_integer(toml_get(root, "s")) == 0 &&
	    toml_len(toml_get(root, "s")) == 0, "a string has no integer");
	ok(toml_key_at(root, 2, &len) == NULL && toml_at(root, 2) == NULL,
	    "past the last key is NULL");
	is_str(toml_kind_name(toml_kind(toml_get(root, "n"))), "integer",
	    "kind names as toml-test spells them");
	is_str(toml_kind_name(TOML_DATETIME_LOCAL), "datetime-local",
	    "datetime-local");
	toml_free(root);
	root = (struct toml_value *)1;
	ok(toml_parse("a = ", 4, &root, &err) == -1 && root == NULL,
	    "a refused document leaves root NULL");
	toml_free(NULL);
}

int
main(void)
{
	test_setuptools();
	test_poetry();
	test_hatch();
	test_dependency_groups();
	test_strings();
	test_arrays();
	test_keys_and_tables();
	test_numbers_and_dates();
	test_broken_fixtures();
	test_refusals();
	test_bytes();
	test_hostile();
	test_accessors();
	return done_testing();
}
