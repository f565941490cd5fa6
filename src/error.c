/* error.c: diagnostics in one format, "ecocheck: file:line: text" */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>

#include <git2.h>

#include "error.h"
#include "json.h"
#include "strbuf.h"

/*
 * Messages quote what the checked repository holds (keys of its
 * .ecocheck.ini, paths): control characters become '?' and invalid UTF-8
 * U+FFFD, so that a message is one line and cannot drive the terminal.
 */
static void
put_clean(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len;

	while (n > 0) {
		if (*u < 0x20 || *u == 0x7f) {
			fputc('?', stderr);
			u++;
			n--;
			continue;
		}
		len = utf8_len(u, n);
		if (len == 0) {
			fputs("\xef\xbf\xbd", stderr);
			u++;
			n--;
			continue;
		}
		fwrite(u, 1, len, stderr);
		u += len;
		n -= len;
	}
}

static void
vreport(const char *file, int line, const char *prefix, const char *fmt,
    va_list ap)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addstr(&sb, "ecocheck: ");
	if (file != NULL && line > 0)
		strbuf_addf(&sb, "%s:%d: ", file, line);
	else if (file != NULL)
		strbuf_addf(&sb, "%s: ", file);
	if (prefix != NULL)
		strbuf_addstr(&sb, prefix);
	strbuf_vaddf(&sb, fmt, ap);
	put_clean(sb.buf, sb.len);
	fputc('\n', stderr);
	strbuf_release(&sb);
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
