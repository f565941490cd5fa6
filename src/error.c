/* error.c: diagnostics in one format, "ecocheck: file:line: text" */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include <git2.h>

#include "error.h"
#include "strbuf.h"
#include "utf8.h"

/* ec_error_cap(): errors that may still be printed (-1: any), and not. */
static int	 cap_left = -1;
static int	 cap_held;

static void
vreport(const char *file, int line, const char *prefix, const char *fmt,
    va_list ap)
{
	struct strbuf sb = STRBUF_INIT, clean;

	if (prefix == NULL && cap_left == 0) {
		cap_held++;
		return;
	}
	if (prefix == NULL && cap_left > 0)
		cap_left--;

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
	fwrite(clean.buf, 1, clean.len, stderr);
	strbuf_release(&clean);
	strbuf_release(&sb);
}

int
ec_error_cap(int max)
{
	int held;

	held = cap_held;
	cap_held = 0;
	cap_left = max < 0 ? -1 : max;
	return held;
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
