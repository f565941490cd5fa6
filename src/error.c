/* error.c: diagnostics in one format, "ecocheck: file:line: text" */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include <git2.h>

#include "error.h"

static void
vreport(const char *file, int line, const char *prefix, const char *fmt,
    va_list ap)
{
	fputs("ecocheck: ", stderr);
	if (file != NULL && line > 0)
		fprintf(stderr, "%s:%d: ", file, line);
	else if (file != NULL)
		fprintf(stderr, "%s: ", file);
	if (prefix != NULL)
		fputs(prefix, stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
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
