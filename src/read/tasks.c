/* tasks.c: the command lines of a task, read from its runner's definitions */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1		/* memmem */
#endif
#include "config.h"

#include <ctype.h>
#include <string.h>

#include "ascii.h"
#include "read/ci.h"
#include "strbuf.h"
#include "xalloc.h"

#define TASK_MAX_LINES	32		/* command lines of one task kept */

static const char *line_end(const char *, const char *);
static void	 add_line(struct strvec *, const char *, const char *,
		    const char *);
static size_t	 make_lines(const char *, const char *, size_t,
		    const char *, struct strvec *);
static int	 table_kind(const char *, const char *, const char *,
		    const char *);
static const char *toml_str(const char *, const char *, struct strvec *,
		    const char *);
static const char *toml_value(const char *, const char *, struct strvec *,
		    const char *);
static void	 inline_table(const char *, const char *, struct strvec *,
		    const char *);
static size_t	 toml_lines(const char *, const char *, size_t,
		    const char *, struct strvec *);
static size_t	 invoke_lines(const char *, size_t, const char *,
		    struct strvec *);
static int	 indent_of(const char *, const char *);

static const char *
line_end(const char *p, const char *end)
{
	const char *nl;

	nl = memchr(p, '\n', (size_t)(end - p));
	return nl != NULL ? nl : end;
}

/* Keep one command line, prefix (a runner calling another task) first. */
static void
add_line(struct strvec *out, const char *prefix, const char *s,
    const char *e)
{
	struct strbuf sb = STRBUF_INIT;

	while (s < e && isspace((unsigned char)*s))
		s++;
	while (e > s && isspace((unsigned char)e[-1]))
		e--;
	if (s == e || out->n >= TASK_MAX_LINES)
		return;
	if (prefix != NULL)
		strbuf_addf(&sb, "%s ", prefix);
	strbuf_add(&sb, s, (size_t)(e - s));
	strvec_push(out, sb.buf);
	strbuf_release(&sb);
}

/*
 * A Makefile's or justfile's target: "task: deps" (a justfile's may take
 * parameters), the dependencies as calls, then its indented recipe.
 */
static size_t
make_lines(const char *runner, const char *buf, size_t len,
    const char *task, struct strvec *out)
{
	const char *p, *end, *e, *c, *d, *w;
	size_t tl, before;

	end = buf + len;
	tl = strlen(task);
	before = out->n;
	for (p = buf; p < end; p = e + 1) {
		e = line_end(p, end);
		if ((size_t)(e - p) <= tl || strncmp(p, task, tl) != 0 ||
		    (p[tl] != ':' && p[tl] != ' ') ||
		    (c = memchr(p, ':', (size_t)(e - p))) == NULL ||
		    (c + 1 < e && c[1] == '='))
			continue;
		for (d = c + 1; d < e && *d != '#' && *d != ';'; d = w) {
			while (d < e && (*d == ' ' || *d == '\t'))
				d++;
			for (w = d; w < e && *w != ' ' && *w != '\t' &&
			    *w != '#' && *w != ';'; w++)
				;
			if (w > d && *d != '|')
				add_line(out, runner, d, w);
			if (w == d)
				break;
		}
		for (p = e + 1; p < end; p = e + 1) {
			e = line_end(p, end);
			if (*p != '\t' && *p != ' ')
				break;
			for (d = p; d < e && (isspace((unsigned char)*d) ||
			    *d == '@' || *d == '-' || *d == '+'); d++)
				;
			add_line(out, NULL, d, e);
		}
		break;
	}
	return out->n - before;
}

/*
 * Whether a TOML table header names the runner's tasks: 1 a table of
 * tasks, 2 the table of this task, else 0.
 */
static int
table_kind(const char *runner, const char *h, const char *he,
    const char *task)
{
	static const char *const tails[] = { ".tasks]", ".scripts]", NULL };
	const char *t;
	size_t n, k, tl;

	n = (size_t)(he - h);
	tl = strlen(task);
	if (strcmp(runner, "poe") == 0 && n >= 16 &&
	    strncmp(h, "[tool.poe.tasks", 15) == 0)
		return h[15] == ']' ? 1 : (n == 17 + tl && h[15] == '.' &&
		    strncmp(h + 16, task, tl) == 0 && h[16 + tl] == ']') ?
		    2 : 0;
	if (strcmp(runner, "pixi") == 0 && (span_has_prefix(h, he, "[tasks]") ||
	    span_has_prefix(h, he, "[tool.pixi.") ||
	    span_has_prefix(h, he, "[feature.")))
		t = ".tasks]";
	else if (strcmp(runner, "hatch") == 0 && (span_has_prefix(h, he,
	    "[envs.") || span_has_prefix(h, he, "[tool.hatch.envs.")))
		t = ".scripts]";
	else
		return 0;
	if (span_has_prefix(h, he, "[tasks]"))
		return 1;
	for (k = 0; tails[k] != NULL; k++)
		if (strcmp(tails[k], t) == 0 && n >= strlen(t) &&
		    strncmp(he - strlen(t), t, strlen(t)) == 0)
			return 1;
	return 0;
}

/*
 * A TOML string at p ("...", '...', or triple-quoted over lines): each
 * of its lines kept, prefix first. Where it ends.
 */
static const char *
toml_str(const char *p, const char *end, struct strvec *out,
    const char *prefix)
{
	const char *q, *e, *s;
	char quote;

	quote = *p;
	if (end - p >= 3 && p[1] == quote && p[2] == quote) {
		for (q = p + 3; q + 2 < end && !(q[0] == quote &&
		    q[1] == quote && q[2] == quote); q++)
			;
		for (s = p + 3; s < q; s = e + 1) {
			e = line_end(s, q);
			add_line(out, prefix, s, e);
		}
		return q + 3 < end ? q + 3 : end;
	}
	for (q = p + 1; q < end && *q != quote && *q != '\n'; q++)
		if (*q == '\\' && quote == '"' && q + 1 < end)
			q++;
	add_line(out, prefix, p + 1, q);
	return q < end ? q + 1 : end;
}

/*
 * The value of a task at p: a string (a command), an array (commands,
 * or poe's sequence of tasks), an inline table. Where it ends.
 */
static const char *
toml_value(const char *p, const char *end, struct strvec *out,
    const char *prefix)
{
	const char *q;
	int depth;

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p < end && (*p == '"' || *p == '\''))
		return toml_str(p, end, out, NULL);
	if (p >= end || (*p != '[' && *p != '{'))
		return p;
	for (q = p, depth = 0; q < end; q++) {
		if (*q == '[' || *q == '{')
			depth++;
		else if ((*q == ']' || *q == '}') && --depth == 0)
			break;
	}
	if (*p == '{')
		inline_table(p + 1, q, out, prefix);
	else
		for (p++; p < q; p++)
			if (*p == '"' || *p == '\'')
				p = toml_str(p, q, out, prefix) - 1;
			else if (*p == '{')
				p = toml_value(p, q, out, prefix);
	return q < end ? q + 1 : end;
}

/*
 * The keys of a task's table that hold what it runs: cmd, shell, script,
 * commands; sequence and depends-on name other tasks.
 */
/* Whether the n bytes at k are one of the keys. */
static int
key_in(const char *k, size_t n, const char *const *keys)
{
	size_t i;

	for (i = 0; keys[i] != NULL; i++)
		if (strlen(keys[i]) == n && memcmp(k, keys[i], n) == 0)
			return 1;
	return 0;
}

static void
inline_table(const char *p, const char *end, struct strvec *out,
    const char *prefix)
{
	static const char *const cmds[] = { "cmd", "shell", NULL };
	static const char *const refs[] = { "sequence", "depends-on",
	    "depends_on", NULL };
	const char *k, *q;
	size_t n;

	for (k = p; k < end; k++) {
		if (!isalpha((unsigned char)*k) || (k > p &&
		    (isalnum((unsigned char)k[-1]) || k[-1] == '_' ||
		    k[-1] == '-' || k[-1] == '"' || k[-1] == '\'')))
			continue;
		for (q = k; q < end && (isalnum((unsigned char)*q) ||
		    *q == '_' || *q == '-'); q++)
			;
		n = (size_t)(q - k);
		while (q < end && (*q == ' ' || *q == '\t'))
			q++;
		if (q >= end || *q != '=')
			continue;
		/* k moves past the value: compare the key before it does */
		if (key_in(k, n, cmds))
			k = toml_value(q + 1, end, out, NULL) - 1;
		else if (key_in(k, n, refs))
			k = toml_value(q + 1, end, out, prefix) - 1;
	}
}

/* A task of poe, pixi or hatch in a TOML file: its table or its key. */
static size_t
toml_lines(const char *runner, const char *buf, size_t len,
    const char *task, struct strvec *out)
{
	const char *p, *end, *e, *k, *prefix, *s;
	size_t tl, before;
	int kind;

	end = buf + len;
	tl = strlen(task);
	before = out->n;
	prefix = strcmp(runner, "poe") == 0 ? "poe" :
	    strcmp(runner, "pixi") == 0 ? "pixi run" : NULL;
	kind = 0;
	for (p = buf; p < end && out->n == before; p = e + 1) {
		e = line_end(p, end);
		for (s = e; s > p && isspace((unsigned char)s[-1]); s--)
			;
		if (*p == '[') {
			kind = table_kind(runner, p, s, task);
			if (kind == 2) {
				for (k = e; k < end && !(k[0] == '\n' &&
				    k + 1 < end && k[1] == '['); k++)
					;
				inline_table(e, k, out, prefix);
			}
			continue;
		}
		if (kind != 1)
			continue;
		k = p;
		if (*k == '"' || *k == '\'')
			k++;
		if ((size_t)(e - k) <= tl || strncmp(k, task, tl) != 0)
			continue;
		for (k += tl; k < e && (*k == '"' || *k == '\'' || *k == ' ' ||
		    *k == '\t'); k++)
			;
		if (k < e && *k == '=')
			e = toml_value(k + 1, end, out, prefix) - 1;
		if (e < p)
			e = p;
	}
	return out->n - before;
}

/* invoke's tasks.py: the c.run("...") calls of "def task(". */
static size_t
invoke_lines(const char *buf, size_t len, const char *task,
    struct strvec *out)
{
	const char *p, *end, *e, *r;
	size_t tl, before;
	int in;

	end = buf + len;
	tl = strlen(task);
	before = out->n;
	in = 0;
	for (p = buf; p < end; p = e + 1) {
		e = line_end(p, end);
		if (!isspace((unsigned char)*p) && p < e && *p != '#' &&
		    *p != '@')
			in = (size_t)(e - p) > tl + 4 &&
			    strncmp(p, "def ", 4) == 0 &&
			    strncmp(p + 4, task, tl) == 0 && p[4 + tl] == '(';
		if (!in || (r = memmem(p, (size_t)(e - p), ".run(", 5)) == NULL)
			continue;
		for (r += 5; r < e && (*r == ' ' || *r == 'f'); r++)
			;
		if (r < e && (*r == '"' || *r == '\''))
			(void)toml_str(r, e, out, NULL);
	}
	return out->n - before;
}

size_t
ci_task_lines(const char *runner, const char *buf, size_t len,
    const char *task, struct strvec *out)
{
	if (strcmp(runner, "make") == 0 || strcmp(runner, "gmake") == 0)
		return make_lines("make", buf, len, task, out);
	if (strcmp(runner, "just") == 0)
		return make_lines("just", buf, len, task, out);
	if (strcmp(runner, "invoke") == 0 || strcmp(runner, "inv") == 0)
		return invoke_lines(buf, len, task, out);
	return toml_lines(runner, buf, len, task, out);
}

/* The indentation of a line, or -1 when it is blank or a comment. */
static int
indent_of(const char *p, const char *e)
{
	const char *s;

	for (s = p; s < e && (*s == ' ' || *s == '\t'); s++)
		;
	return s == e || *s == '#' ? -1 : (int)(s - p);
}

/*
 * A conda recipe (meta.yaml, recipe.yaml) read line by line, as its
 * Jinja may not be YAML: the commands and scripts of its test section
 * ("test:" of conda-build, "tests:" of rattler-build).
 */
size_t
ci_recipe_tests(const char *buf, size_t len, struct strvec *out)
{
	const char *p, *end, *e, *s;
	size_t before;
	int in, key, ind;

	end = buf + len;
	before = out->n;
	in = 0;
	key = -1;
	for (p = buf; p < end; p = e + 1) {
		e = line_end(p, end);
		if ((ind = indent_of(p, e)) == -1)
			continue;
		s = p + ind;
		if (ind == 0) {
			in = span_has_prefix(s, e, "test:") ||
			    span_has_prefix(s, e, "tests:");
			key = -1;
			continue;
		}
		if (!in)
			continue;
		if (*s == '-' && s + 1 < e && s[1] == ' ') {
			s += 2;
			while (s < e && *s == ' ')
				s++;
		}
		if (key >= 0 && ((ind >= key && p[ind] == '-') ||
		    (ind > key && memchr(s, ':', (size_t)(e - s)) == NULL))) {
			add_line(out, NULL, s, e);
			continue;
		}
		key = -1;
		if (span_has_prefix(s, e, "commands:") ||
		    span_has_prefix(s, e, "script:")) {
			s = (const char *)memchr(s, ':', (size_t)(e - s)) + 1;
			key = ind;
			if (indent_of(s, e) != -1)
				add_line(out, NULL, s, e);
		}
	}
	return out->n - before;
}
