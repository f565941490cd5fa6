/*
 * jobs.c: several repositories checked at once, one process each, the
 * output in the order of the repositories (jobs.h).
 *
 * Each child has one socket to the parent. On it the child sends 'R'
 * when its check is done, then waits for a number: how many
 * repositories before it were reported (a format's repo hook is told
 * it). It prints its held diagnostics and its report to the stderr and
 * stdout it shares with the parent, sends 'O' (or 'E' when its standard
 * output failed), '1' when it was reported ('0' when it could not be
 * checked), and its result, and exits. The parent hands out the numbers
 * one at a time, in order, and the next only once the child before has
 * said it printed (or has ended and been told of): nothing two children
 * print can meet.
 */
#define _POSIX_C_SOURCE 200809L
#include "config.h"

#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "error.h"
#include "finding.h"
#include "jobs.h"
#include "progress.h"
#include "result-wire.h"
#include "strbuf.h"
#include "xalloc.h"

struct job {
	pid_t		 pid;
	int		 fd;		/* the socket to the child, or -1 */
	struct strbuf	 buf;		/* what the child sent */
	double		 started;
	int		 ready;		/* checked, waiting for its turn */
	int		 granted;	/* told to print */
	int		 done;		/* closed and reaped */
	int		 wstatus;
	int		 err;		/* errno when it could not start */
};

struct jobs_state {
	const struct jobs_run	*run;
	struct job		*job;
	size_t			 next_start;
	size_t			 next_print;
	size_t			 next_grant;
	size_t			 granted_reported; /* of those granted */
	size_t			 computing;	/* started, not yet ready */
	size_t			 live;		/* started, not yet reaped */
	size_t			 max_live;
	size_t			 nreported;
	int			 worst;
	int			 sigpipe;	/* a child's stdout was closed */
};

static int	 start_job(struct jobs_state *);
static void	 child(const struct jobs_run *, size_t, int)
		    __attribute__((noreturn));
static void	 child_print(const struct jobs_run *, struct repo_result *,
		    int, struct strbuf *);
static int	 send_all(int, const void *, size_t);
static int	 recv_all(int, void *, size_t);
static int	 pump(struct jobs_state *);
static void	 take(struct jobs_state *, size_t);
static int	 printed(const struct jobs_state *, size_t);
static void	 grant(struct jobs_state *);
static void	 finish(struct jobs_state *, size_t);
static void	 stopped(const struct job *, const char *);
static void	 stop_all(struct jobs_state *);
static void	 check_here(struct jobs_state *);

static int
send_all(int fd, const void *p, size_t n)
{
	const char *s = p;
	ssize_t w;

	while (n > 0) {
		w = send(fd, s, n, MSG_NOSIGNAL);
		if (w == -1 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

static int
recv_all(int fd, void *p, size_t n)
{
	char *s = p;
	ssize_t r;

	while (n > 0) {
		r = recv(fd, s, n, 0);
		if (r == -1 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		s += r;
		n -= (size_t)r;
	}
	return 0;
}

/*
 * The child: check the repository with every diagnostic held in errs,
 * say so, wait for its turn, print, send the result. Never returns.
 */
static void
child(const struct jobs_run *run, size_t i, int fd)
{
	struct strbuf errs = STRBUF_INIT, wire = STRBUF_INIT;
	struct check_opts co;
	struct repo_result res;
	struct ec_sink sink;
	struct check *c;
	size_t n;
	int out_ok;

	co = *run->co;
	co.emit = ec_emit_strbuf;
	co.emit_arg = &errs;
	/* What is told outside the check's own sink is held as well. */
	ec_sink_init(&sink, ec_emit_strbuf, &errs);
	ec_sink_enter(&sink);
	if (check_open(&co, run->paths->v[i], &c, &res) == 0)
		check_run(c, &res);
	/* Free the repository's caches before a wait that may be long. */
	check_close(c);
	if (send_all(fd, "R", 1) == -1 || recv_all(fd, &n, sizeof(n)) == -1)
		_exit(EXIT_TROUBLE);
	ec_sink_init(&sink, NULL, NULL);
	child_print(run, &res, (int)n, &errs);
	out_ok = fflush(stdout) == 0 && !ferror(stdout);
	if (!out_ok)
		ec_error("standard output: %s", strerror(errno));
	strbuf_addch(&wire, out_ok ? 'O' : 'E');
	strbuf_addch(&wire, res.status != EXIT_TROUBLE ? '1' : '0');
	result_wire_put(&wire, &res);
	if (send_all(fd, wire.buf, wire.len) == -1)
		_exit(EXIT_TROUBLE);
	_exit(EXIT_OK);
}

/* The held diagnostics, then the report, as a run of one would. */
static void
child_print(const struct jobs_run *run, struct repo_result *res, int n,
    struct strbuf *errs)
{
	fwrite(errs->buf, 1, errs->len, stderr);
	fflush(stderr);
	if (res->status != EXIT_TROUBLE)
		run->format->repo(stdout, res, run->ro, (size_t)n);
}

/*
 * Start the check of the next path: 0, or -1 when no process could be
 * made (the path is then left for later, or failed when none runs).
 */
static int
start_job(struct jobs_state *st)
{
	struct job *j = &st->job[st->next_start];
	size_t k;
	int sv[2];
	pid_t pid;

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == -1)
		return -1;
	/* Nothing buffered may be printed twice, by parent and child. */
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid == -1) {
		close(sv[0]);
		close(sv[1]);
		return -1;
	}
	if (pid == 0) {
		close(sv[0]);
		/* A child holding another's socket would keep it open. */
		for (k = 0; k < st->next_start; k++)
			if (st->job[k].fd != -1)
				close(st->job[k].fd);
		child(st->run, st->next_start, sv[1]);
	}
	close(sv[1]);
	j->pid = pid;
	j->fd = sv[0];
	j->started = progress_now();
	st->next_start++;
	st->computing++;
	st->live++;
	return 0;
}

/*
 * Whether job i has printed all it prints: it sent 'R', then 'O' or 'E'
 * and whether it was reported, or it has ended and been told of.
 */
static int
printed(const struct jobs_state *st, size_t i)
{
	return st->job[i].buf.len >= 3 || st->next_print > i;
}

/*
 * Tell the next repository to print once it is ready and the one before
 * it has printed: its number among those reported, counted from what
 * each child before it said. The next is told before this one has sent
 * its result and ended, so that the turns follow each other closely.
 */
static void
grant(struct jobs_state *st)
{
	struct job *j;
	size_t g;

	for (;;) {
		g = st->next_grant;
		if (g >= st->run->paths->n || (g > 0 && !printed(st, g - 1)))
			return;
		j = &st->job[g];
		if (!j->done)
			break;
		/* Ended before its turn: finish() tells of it, in order. */
		if (st->next_print <= g)
			return;
		st->next_grant++;
	}
	if (!j->ready)
		return;
	progress_clear(st->run->progress);
	fflush(stdout);
	j->granted = 1;
	st->next_grant++;
	(void)send_all(j->fd, &st->granted_reported,
	    sizeof(st->granted_reported));
}

/* Read what job i sent; on its end, reap it. */
static void
take(struct jobs_state *st, size_t i)
{
	struct job *j = &st->job[i];
	char tmp[65536];
	ssize_t r;

	r = recv(j->fd, tmp, sizeof(tmp), 0);
	if (r == -1 && (errno == EINTR || errno == EAGAIN))
		return;
	if (r > 0) {
		/* 'R', 'O' or 'E', then '1' when it was reported. */
		if (j->buf.len < 3 && j->buf.len + (size_t)r >= 3 &&
		    tmp[2 - j->buf.len] == '1')
			st->granted_reported++;
		strbuf_add(&j->buf, tmp, (size_t)r);
		if (!j->ready) {
			j->ready = 1;
			st->computing--;
			progress_done(st->run->progress, st->run->paths->v[i],
			    progress_now() - j->started);
			progress_show(st->run->progress);
		}
		return;
	}
	close(j->fd);
	j->fd = -1;
	while (waitpid(j->pid, &j->wstatus, 0) == -1 && errno == EINTR)
		;
	j->done = 1;
	st->live--;
	if (!j->ready) {
		st->computing--;
		progress_done(st->run->progress, st->run->paths->v[i],
		    progress_now() - j->started);
	}
}

/* Wait for what the children send; -1 when poll() itself fails. */
static int
pump(struct jobs_state *st)
{
	struct pollfd *pfd;
	size_t *which, i, n;
	int rc;

	pfd = xcalloc(st->live + 1, sizeof(*pfd));
	which = xcalloc(st->live + 1, sizeof(*which));
	for (i = n = 0; i < st->next_start; i++)
		if (st->job[i].fd != -1) {
			pfd[n].fd = st->job[i].fd;
			pfd[n].events = POLLIN;
			which[n++] = i;
		}
	rc = n > 0 ? poll(pfd, (nfds_t)n, -1) : 0;
	if (rc == -1 && errno == EINTR)
		rc = 0;
	for (i = 0; rc > 0 && i < n; i++)
		if (pfd[i].revents != 0)
			take(st, which[i]);
	free(pfd);
	free(which);
	return rc == -1 ? -1 : 0;
}

/* Say why the check of a repository stopped without a result. */
static void
stopped(const struct job *j, const char *path)
{
	if (j->pid == 0)
		ec_error("%s: the check could not be started: %s", path,
		    strerror(j->err));
	else if (WIFSIGNALED(j->wstatus))
		ec_error("%s: the check stopped: %s", path,
		    strsignal(WTERMSIG(j->wstatus)));
	else
		ec_error("%s: the check stopped with exit status %d", path,
		    WIFEXITED(j->wstatus) ? WEXITSTATUS(j->wstatus) : -1);
}

/*
 * Job i has printed and closed: its result from what it sent ('R', then
 * 'O' or 'E', then the result), or an error line in its place.
 */
static void
finish(struct jobs_state *st, size_t i)
{
	struct job *j = &st->job[i];
	struct repo_result *res = &st->run->res[i];
	int ok;

	ok = j->pid != 0 && WIFEXITED(j->wstatus) &&
	    WEXITSTATUS(j->wstatus) == EXIT_OK && j->buf.len >= 3 &&
	    j->buf.buf[0] == 'R' && result_wire_get(res, j->buf.buf + 3,
	    j->buf.len - 3) == 0;
	if (!ok) {
		if (j->pid != 0 && WIFSIGNALED(j->wstatus) &&
		    WTERMSIG(j->wstatus) == SIGPIPE && j->granted)
			st->sigpipe = 1;
		else {
			progress_clear(st->run->progress);
			stopped(j, st->run->paths->v[i]);
		}
		status_raise(&res->status, EXIT_TROUBLE);
	} else if (j->buf.buf[1] == 'E')
		status_raise(&st->worst, EXIT_TROUBLE);
	if (res->status != EXIT_TROUBLE)
		st->nreported++;
	status_raise(&st->worst, res->status);
	strbuf_release(&j->buf);
	st->next_print++;
}

/* Stop and reap every child still running (standard output is gone). */
static void
stop_all(struct jobs_state *st)
{
	size_t i;

	for (i = 0; i < st->next_start; i++)
		if (!st->job[i].done && st->job[i].pid > 0)
			kill(st->job[i].pid, SIGTERM);
	for (i = 0; i < st->next_start; i++)
		if (!st->job[i].done && st->job[i].pid > 0) {
			if (st->job[i].fd != -1)
				close(st->job[i].fd);
			while (waitpid(st->job[i].pid, NULL, 0) == -1 &&
			    errno == EINTR)
				;
		}
}

/*
 * The first repository, checked in this process while the first
 * children check theirs: it is printed first in any case, and what a
 * check loads once for the process (the license corpus) is then loaded
 * already in every child started after it, as in a run of one process.
 */
static void
check_here(struct jobs_state *st)
{
	const struct jobs_run *run = st->run;
	struct strbuf errs = STRBUF_INIT;
	struct check_opts co;
	struct repo_result *res = &run->res[0];
	struct check *c;
	double t0;

	co = *run->co;
	co.emit = ec_emit_strbuf;
	co.emit_arg = &errs;
	t0 = progress_now();
	repo_result_release(res);
	if (check_open(&co, run->paths->v[0], &c, res) == 0)
		check_run(c, res);
	check_close(c);
	progress_done(run->progress, run->paths->v[0], progress_now() - t0);
	progress_clear(run->progress);
	child_print(run, res, 0, &errs);
	fflush(stdout);
	strbuf_release(&errs);
	if (res->status != EXIT_TROUBLE)
		st->nreported++;
	status_raise(&st->worst, res->status);
	st->job[0].done = 1;
	st->next_print = 1;
	st->next_grant = 1;
	st->granted_reported = st->nreported;
	progress_show(run->progress);
}

int
jobs_check(const struct jobs_run *run)
{
	struct jobs_state st;
	size_t i, n = run->paths->n;

	memset(&st, 0, sizeof(st));
	st.run = run;
	st.job = xcalloc(n + 1, sizeof(*st.job));
	for (i = 0; i < n; i++) {
		st.job[i].fd = -1;
		strbuf_init(&st.job[i].buf);
		repo_result_init(&run->res[i], run->paths->v[i]);
	}
	/* Checks done early wait for their turn, but only so many. */
	st.max_live = 2 * (size_t)run->jobs;
	progress_show(run->progress);
	st.next_start = 1;
	while (st.next_start < n && st.computing + 1 < (size_t)run->jobs &&
	    start_job(&st) == 0)
		;
	check_here(&st);
	while (st.next_print < n && !st.sigpipe) {
		while (st.next_start < n && st.computing < (size_t)run->jobs &&
		    st.live < st.max_live)
			if (start_job(&st) == -1) {
				if (st.live > 0)
					break;
				/* Nothing runs to wait for: fail this one. */
				st.job[st.next_start].err = errno;
				st.job[st.next_start++].done = 1;
			}
		grant(&st);
		if (st.next_print < n && st.job[st.next_print].done) {
			finish(&st, st.next_print);
			progress_show(run->progress);
			continue;
		}
		if (pump(&st) == -1) {
			ec_error("poll: %s", strerror(errno));
			break;
		}
	}
	if (st.sigpipe || st.next_print < n)
		stop_all(&st);
	for (i = st.next_print; i < n; i++)
		status_raise(&run->res[i].status, EXIT_TROUBLE);
	progress_clear(run->progress);
	for (i = 0; i < n; i++)
		strbuf_release(&st.job[i].buf);
	free(st.job);
	if (st.sigpipe) {
		/* As a run of one process ends when its reader is gone. */
		signal(SIGPIPE, SIG_DFL);
		raise(SIGPIPE);
	}
	return st.worst;
}
