/* progress.c: the progress line on a terminal (progress.h) */
#define _POSIX_C_SOURCE 200809L
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "progress.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

/* A path longer than this shows its end, the part that tells it apart. */
#define PATH_SHOWN	40

void
progress_init(struct progress *p, size_t total)
{
	memset(p, 0, sizeof(*p));
	p->total = total;
	/* Never in a pipe or a file: a log holds the reports, not this. */
	p->on = total > 1 && isatty(STDERR_FILENO);
}

void
progress_done(struct progress *p, const char *path, double secs)
{
	p->done++;
	if (p->slowest_path == NULL || secs > p->slowest) {
		free(p->slowest_path);
		p->slowest_path = xstrdup(path);
		p->slowest = secs;
	}
}

void
progress_show(struct progress *p)
{
	struct strbuf sb = STRBUF_INIT, clean = STRBUF_INIT;
	const char *s;
	size_t n;

	if (!p->on)
		return;
	strbuf_addf(&sb, "\r\033[Kecocheck: checked %zu/%zu", p->done,
	    p->total);
	if (p->slowest_path != NULL) {
		s = p->slowest_path;
		n = strlen(s);
		/* Cut at a byte that starts a character, never inside one. */
		while (n > PATH_SHOWN && *s != '\0') {
			s++;
			while (((unsigned char)*s & 0xc0) == 0x80)
				s++;
			n = strlen(s);
		}
		strbuf_add_printable(&clean, s, n);
		strbuf_addf(&sb, ", slowest so far: %s%s (%.1fs)",
		    s != p->slowest_path ? "..." : "", clean.buf, p->slowest);
	}
	fwrite(sb.buf, 1, sb.len, stderr);
	fflush(stderr);
	p->shown = 1;
	strbuf_release(&sb);
	strbuf_release(&clean);
}

void
progress_clear(struct progress *p)
{
	if (!p->shown)
		return;
	fputs("\r\033[K", stderr);
	fflush(stderr);
	p->shown = 0;
}

void
progress_release(struct progress *p)
{
	progress_clear(p);
	free(p->slowest_path);
	p->slowest_path = NULL;
}

double
progress_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}
