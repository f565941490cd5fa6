/* error.c: diagnostics in one format, "ecocheck: file:line: text", to a sink */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <git2.h>

#include "error.h"
#include "strbuf.h"
#include "utf8.h"

/*
 * The process's sink, for what is told before any check exists, and the
 * sink of this thread's check while it works (NULL: the process's).
 */
static struct ec_sink		 process_sink = { NULL, NULL, -1, 0 };
static _Thread_local struct ec_sink *current;

static void	 emit_line(struct ec_sink *, const char *, size_t);
static void	 vreport(const char *, int, const char *, const char *,
		    va_list) __attribute__((format(printf, 4, 0)));

static void
emit_line(struct ec_sink *s, const char *line, size_t len)
{
	if (s->emit != NULL)
		s->emit(s->arg, line, len);
	else
		fwrite(line, 1, len, stderr);
}

static void
vreport(const char *file, int line, const char *prefix, const char *fmt,
    va_list ap)
{
	struct strbuf sb = STRBUF_INIT, clean;
	struct ec_sink *s;

	s = current != NULL ? current : &process_sink;
	if (prefix == NULL && s->cap_left == 0) {
		s->cap_held++;
		return;
	}
	if (prefix == NULL && s->cap_left > 0)
		s->cap_left--;

	strbuf_addstr(&sb, "ecocheck: ");
	if (file != NULL && line > 0)
		strbuf_addf(&sb, "%s:%d: ", file, line);
	else if (file != NULL)
		strbuf_addf(&sb, "%s: ", file);
	if (prefix != NULL)
		strbuf_addstr(&sb, prefix);
	strbuf_vaddf(&sb, fmt, ap);
	/* Messages quote the repository (keys of its .ecocheck.ini, paths). */
	strbuf_init(&clean);
	strbuf_add_printable(&clean, sb.buf, sb.len);
	strbuf_addch(&clean, '\n');
	emit_line(s, clean.buf, clean.len);
	strbuf_release(&clean);
	strbuf_release(&sb);
}

void
ec_error_lines(const char *lines, size_t len)
{
	struct ec_sink *s;
	const char *p, *e, *nl;

	s = current != NULL ? current : &process_sink;
	e = lines + len;
	for (p = lines; p < e; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(e - p));
		if (nl == NULL)
			nl = e - 1;	/* every line has its newline */
		if (s->cap_left == 0) {
			s->cap_held++;
			continue;
		}
		if (s->cap_left > 0)
			s->cap_left--;
		emit_line(s, p, (size_t)(nl + 1 - p));
	}
}

void
ec_sink_init(struct ec_sink *s, ec_emit_fn *emit, void *arg)
{
	s->emit = emit;
	s->arg = arg;
	s->cap_left = -1;
	s->cap_held = 0;
}

void
ec_emit_strbuf(void *arg, const char *line, size_t len)
{
	strbuf_add(arg, line, len);
}

int
ec_sink_cap(struct ec_sink *s, int max)
{
	int held;

	held = s->cap_held;
	s->cap_held = 0;
	s->cap_left = max < 0 ? -1 : max;
	return held;
}

int
ec_error_cap(int max)
{
	return ec_sink_cap(current != NULL ? current : &process_sink, max);
}

struct ec_sink *
ec_sink_enter(struct ec_sink *s)
{
	struct ec_sink *prev;

	prev = current;
	current = s;
	return prev;
}

void
ec_sink_leave(struct ec_sink *prev)
{
	current = prev;
}

int
ec_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(NULL, 0, NULL, fmt, ap);
	va_end(ap);
	return -1;
}

int
ec_error_at(const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(file, line, NULL, fmt, ap);
	va_end(ap);
	return -1;
}

void
ec_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(NULL, 0, "warning: ", fmt, ap);
	va_end(ap);
}

const char *
ec_git_error(void)
{
	const git_error *e;

	e = git_error_last();
	if (e == NULL || e->message == NULL)
		return "unknown libgit2 error";
	return e->message;
}
