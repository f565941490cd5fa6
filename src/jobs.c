/*
 * jobs.c: a pool of worker processes checking repositories, the output
 * printed here in the order of the repositories (jobs.h).
 *
 * Each worker has one socket to this process, the parent. The parent
 * sends orders (struct order): check repository i and render its report
 * as the format's repo hook renders number n among those reported; or
 * render the kept result of i again, with another n. n is how many of
 * the repositories before i could be checked, not known while some of
 * them are still being checked: the parent counts those as checked (one
 * that cannot be read is rare) and says whether n is sure. A worker
 * keeps the results whose n was not, and when the count was wrong the
 * parent asks for the report again. Every order says which kept results
 * the worker may forget: those printed.
 *
 * A worker answers each order with a struct reply and its bytes: the
 * diagnostics its check held, the report, and the result for the
 * format's end hook (result-wire.h).
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
#include "rules.h"
#include "strbuf.h"
#include "xalloc.h"

/* Repositories handed out beyond the first not yet printed, per worker. */
#define AHEAD_PER_WORKER	32

struct order {
	char	 op;		/* 'T' check, 'A' render again */
	int	 sure;		/* n is sure: nothing need be kept */
	size_t	 i;
	size_t	 n;
	size_t	 forget;	/* results before this one were printed */
};

struct reply {
	size_t	 i;
	size_t	 n;		/* the number the report was rendered as */
	int	 again;		/* only a report rendered again */
	int	 reported;	/* it could be checked */
	double	 secs;		/* the check took */
	size_t	 errlen, outlen, wirelen;
};

/* A repository in the parent. */
enum { SLOT_WAITING, SLOT_RUNNING, SLOT_DONE };
struct slot {
	int		 state;
	size_t		 worker;	/* that checks or checked it */
	pid_t		 pid;		/* of that worker */
	int		 counted;	/* by the progress line */
	int		 garbled;	/* its result could not be read */
	int		 reported;
	int		 asked;		/* for its report again */
	int		 stopped;	/* its worker ended without a reply */
	int		 wstatus;	/* of that worker */
	int		 err;		/* errno: no worker could be started */
	size_t		 n;		/* its report was rendered as */
	struct strbuf	 errs, out;
};

struct worker {
	pid_t		 pid;		/* 0: none */
	int		 fd;		/* -1: ended */
	size_t		 task;		/* the slot it checks, or SIZE_MAX */
	struct strbuf	 in;		/* what it sent, not yet taken */
};

struct pool {
	const struct jobs_run	*run;
	size_t			 n;		/* repositories */
	struct slot		*slot;
	struct worker		*w;
	size_t			 nw;
	size_t			 next_start;
	size_t			 next_print;
	size_t			 nreported;	/* of those printed */
	size_t			 ahead;
	int			 worst;
	int			 sigpipe;	/* standard output is gone */
	int			 spawn_err;	/* errno of the last fork */
};

/* A result a worker keeps, for its report to be rendered again. */
struct kept {
	size_t			 i;
	struct repo_result	 res;
};

struct worker_state {
	const struct jobs_run	*run;
	int			 fd;
	struct kept		*k;
	size_t			 nk, alloc;
};

static int	 send_all(int, const void *, size_t);
static int	 recv_all(int, void *, size_t);
static void	 worker_main(const struct jobs_run *, int)
		    __attribute__((noreturn));
static int	 worker_check(struct worker_state *, const struct order *);
static int	 worker_again(struct worker_state *, const struct order *);
static int	 worker_reply(struct worker_state *, const struct order *,
		    const struct repo_result *, const struct strbuf *, double,
		    int);
static void	 worker_forget(struct worker_state *, size_t);
static int	 render(const struct jobs_run *, const struct repo_result *,
		    size_t, struct strbuf *);
static int	 spawn(struct pool *, size_t);
static void	 dispatch(struct pool *);
static void	 give(struct pool *, size_t, size_t, char);
static void	 print_ready(struct pool *);
static void	 print_slot(struct pool *, size_t);
static int	 pump(struct pool *);
static void	 take(struct pool *, size_t);
static void	 take_replies(struct pool *, struct worker *);
static void	 ended(struct pool *, size_t);
static void	 stopped(const struct slot *, const char *);
static void	 stop_all(struct pool *, int);
static void	 none_run(struct pool *);
static int	 pool_run(struct pool *);

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
 * A worker: take orders until the parent closes the socket. Never
 * returns; nothing buffered in stdio is its to print.
 */
static void
worker_main(const struct jobs_run *run, int fd)
{
	struct worker_state ws;
	struct order o;
	int rc;

	memset(&ws, 0, sizeof(ws));
	ws.run = run;
	ws.fd = fd;
	while (recv_all(fd, &o, sizeof(o)) == 0) {
		worker_forget(&ws, o.forget);
		rc = o.op == 'T' ? worker_check(&ws, &o) :
		    worker_again(&ws, &o);
		if (rc == -1)
			_exit(EXIT_TROUBLE);
	}
	_exit(EXIT_OK);
}

/*
 * Check repository o->i with every diagnostic held, as a run of one
 * process would, and send it all; keep the result if its report may
 * have to be rendered again.
 */
static int
worker_check(struct worker_state *ws, const struct order *o)
{
	const struct jobs_run *run = ws->run;
	struct strbuf errs = STRBUF_INIT;
	struct check_opts co;
	struct repo_result res;
	struct ec_sink sink, *prev;
	struct check *c;
	double t0;
	int rc;

	co = *run->co;
	co.emit = ec_emit_strbuf;
	co.emit_arg = &errs;
	/* What is told outside the check's own sink is held as well. */
	ec_sink_init(&sink, ec_emit_strbuf, &errs);
	prev = ec_sink_enter(&sink);
	t0 = progress_now();
	if (check_open(&co, run->paths->v[o->i], &c, &res) == 0)
		check_run(c, &res);
	check_close(c);
	rc = worker_reply(ws, o, &res, &errs, progress_now() - t0, 0);
	ec_sink_leave(prev);
	strbuf_release(&errs);
	if (res.status == EXIT_TROUBLE || o->sure) {
		repo_result_release(&res);
		return rc;
	}
	if (ws->nk == ws->alloc) {
		ws->alloc = ws->alloc == 0 ? 8 : 2 * ws->alloc;
		ws->k = xreallocarray(ws->k, ws->alloc, sizeof(*ws->k));
	}
	ws->k[ws->nk].i = o->i;
	ws->k[ws->nk++].res = res;
	return rc;
}

/* The report of kept result o->i again, as number o->n. */
static int
worker_again(struct worker_state *ws, const struct order *o)
{
	size_t i;

	for (i = 0; i < ws->nk; i++)
		if (ws->k[i].i == o->i)
			return worker_reply(ws, o, &ws->k[i].res, NULL, 0, 1);
	return -1;
}

/*
 * Send the reply to o: the held diagnostics, the report rendered as
 * number o->n, and (unless again) the result; 0 or -1.
 */
static int
worker_reply(struct worker_state *ws, const struct order *o,
    const struct repo_result *res, const struct strbuf *errs, double secs,
    int again)
{
	struct strbuf out = STRBUF_INIT, wire = STRBUF_INIT;
	struct reply r;
	int rc;

	memset(&r, 0, sizeof(r));
	r.i = o->i;
	r.n = o->n;
	r.again = again;
	r.reported = res->status != EXIT_TROUBLE;
	r.secs = secs;
	rc = r.reported ? render(ws->run, res, o->n, &out) : 0;
	if (!again)
		result_wire_put(&wire, res);
	r.errlen = errs != NULL ? errs->len : 0;
	r.outlen = out.len;
	r.wirelen = wire.len;
	if (rc == 0)
		rc = send_all(ws->fd, &r, sizeof(r));
	if (rc == 0 && r.errlen > 0)
		rc = send_all(ws->fd, errs->buf, errs->len);
	if (rc == 0 && out.len > 0)
		rc = send_all(ws->fd, out.buf, out.len);
	if (rc == 0 && wire.len > 0)
		rc = send_all(ws->fd, wire.buf, wire.len);
	strbuf_release(&out);
	strbuf_release(&wire);
	return rc;
}

/* Forget the kept results of repositories before i: they were printed. */
static void
worker_forget(struct worker_state *ws, size_t i)
{
	size_t k, m;

	for (k = m = 0; k < ws->nk; k++)
		if (ws->k[k].i < i)
			repo_result_release(&ws->k[k].res);
		else
			ws->k[m++] = ws->k[k];
	ws->nk = m;
}

/* The format's report of res as number n, into sb; 0 or -1. */
static int
render(const struct jobs_run *run, const struct repo_result *res, size_t n,
    struct strbuf *sb)
{
	FILE *fp;
	char *buf = NULL;
	size_t len = 0;

	fp = open_memstream(&buf, &len);
	if (fp == NULL)
		return -1;
	run->format->repo(fp, res, run->ro, n);
	if (fclose(fp) != 0) {
		free(buf);
		return -1;
	}
	strbuf_add(sb, buf, len);
	free(buf);
	return 0;
}

/* Fork worker k; 0, or -1 when it could not be made. */
static int
spawn(struct pool *p, size_t k)
{
	struct worker *w = &p->w[k];
	size_t m;
	int sv[2];
	pid_t pid;

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == -1) {
		p->spawn_err = errno;
		return -1;
	}
	/* Nothing buffered may be printed twice, by parent and worker. */
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid == -1) {
		p->spawn_err = errno;
		close(sv[0]);
		close(sv[1]);
		return -1;
	}
	if (pid == 0) {
		close(sv[0]);
		/* A worker holding another's socket would keep it open. */
		for (m = 0; m < p->nw; m++)
			if (p->w[m].fd != -1)
				close(p->w[m].fd);
		signal(SIGPIPE, SIG_DFL);
		worker_main(p->run, sv[1]);
	}
	close(sv[1]);
	w->pid = pid;
	w->fd = sv[0];
	w->task = SIZE_MAX;
	strbuf_reset(&w->in);
	return 0;
}

/*
 * Order slot i of worker k (op 'T', or 'A' for its report again), with
 * the number it is reported as: those printed, and of those after, the
 * ones checked and the ones still running, counted as if checked.
 */
static void
give(struct pool *p, size_t k, size_t i, char op)
{
	struct order o;
	size_t m;

	memset(&o, 0, sizeof(o));
	o.op = op;
	o.i = i;
	o.n = p->nreported;
	o.sure = 1;
	for (m = p->next_print; m < i; m++)
		if (p->slot[m].state != SLOT_DONE) {
			o.n++;
			o.sure = 0;
		} else if (p->slot[m].reported)
			o.n++;
	o.forget = p->next_print;
	if (op == 'T') {
		p->slot[i].state = SLOT_RUNNING;
		p->slot[i].worker = k;
		p->slot[i].pid = p->w[k].pid;
		p->w[k].task = i;
	}
	if (send_all(p->w[k].fd, &o, sizeof(o)) == -1)
		shutdown(p->w[k].fd, SHUT_RDWR);	/* pump() sees it end */
}

/*
 * Give every idle worker the next repository: one to be checked again
 * (its worker ended before it could render the report anew) first, then
 * the next in order, but only so far ahead of what is printed.
 */
static void
dispatch(struct pool *p)
{
	struct slot *s;
	size_t k;

	for (k = 0; k < p->nw; k++) {
		if (p->w[k].fd == -1 || p->w[k].task != SIZE_MAX)
			continue;
		s = p->next_print < p->n ? &p->slot[p->next_print] : NULL;
		if (s != NULL && s->state == SLOT_WAITING &&
		    p->next_print < p->next_start)
			give(p, k, p->next_print, 'T');
		else if (p->next_start < p->n &&
		    p->next_start < p->next_print + p->ahead)
			give(p, k, p->next_start++, 'T');
	}
}

/*
 * Print every repository that is done and next in order. One whose report
 * was rendered with a number that turned out wrong is rendered again
 * first: by its worker, or, that one gone, checked again.
 */
static void
print_ready(struct pool *p)
{
	struct slot *s;

	while (p->next_print < p->n && !p->sigpipe) {
		s = &p->slot[p->next_print];
		if (s->state != SLOT_DONE)
			return;
		if (s->reported && s->n != p->nreported) {
			if (s->asked)
				return;
			if (p->w[s->worker].fd != -1 &&
			    p->w[s->worker].pid == s->pid) {
				give(p, s->worker, p->next_print, 'A');
				s->asked = 1;
			} else {
				s->state = SLOT_WAITING;
				strbuf_reset(&s->errs);
				strbuf_reset(&s->out);
				repo_result_release(&p->run->res[p->next_print]);
				repo_result_init(&p->run->res[p->next_print],
				    p->run->paths->v[p->next_print]);
			}
			return;
		}
		print_slot(p, p->next_print++);
	}
}

/* Slot i's errors, then its report, as a run of one process prints them. */
static void
print_slot(struct pool *p, size_t i)
{
	struct slot *s = &p->slot[i];
	struct repo_result *res = &p->run->res[i];

	progress_clear(p->run->progress);
	fwrite(s->errs.buf, 1, s->errs.len, stderr);
	if (s->stopped)
		stopped(s, p->run->paths->v[i]);
	else if (s->garbled)
		ec_error("%s: the check's result could not be read",
		    p->run->paths->v[i]);
	fflush(stderr);
	fwrite(s->out.buf, 1, s->out.len, stdout);
	fflush(stdout);
	/* SIGPIPE is ignored meanwhile: a reader gone ends the run. */
	if ((ferror(stdout) || ferror(stderr)) && errno == EPIPE)
		p->sigpipe = 1;
	if (s->reported)
		p->nreported++;
	else
		status_raise(&res->status, EXIT_TROUBLE);
	status_raise(&p->worst, res->status);
	strbuf_release(&s->errs);
	strbuf_release(&s->out);
	progress_show(p->run->progress);
}

/* Say why the check of a repository stopped without a result. */
static void
stopped(const struct slot *s, const char *path)
{
	if (s->err != 0)
		ec_error("%s: the check could not be started: %s", path,
		    strerror(s->err));
	else if (WIFSIGNALED(s->wstatus))
		ec_error("%s: the check stopped: %s", path,
		    strsignal(WTERMSIG(s->wstatus)));
	else
		ec_error("%s: the check stopped with exit status %d", path,
		    WIFEXITED(s->wstatus) ? WEXITSTATUS(s->wstatus) : -1);
}

/* Take every whole reply worker w has sent. */
static void
take_replies(struct pool *p, struct worker *w)
{
	struct reply r;
	struct slot *s;
	const char *b;
	size_t whole;

	while (w->in.len >= sizeof(r)) {
		memcpy(&r, w->in.buf, sizeof(r));
		if (r.i >= p->n) {
			/* Not a reply: the worker is of no more use. */
			shutdown(w->fd, SHUT_RDWR);
			return;
		}
		whole = sizeof(r) + r.errlen + r.outlen + r.wirelen;
		if (w->in.len < whole)
			return;
		s = &p->slot[r.i];
		b = w->in.buf + sizeof(r);
		strbuf_add(&s->errs, b, r.errlen);
		strbuf_reset(&s->out);
		strbuf_add(&s->out, b + r.errlen, r.outlen);
		s->n = r.n;
		s->asked = 0;
		if (!r.again) {
			s->reported = r.reported;
			s->state = SLOT_DONE;
			w->task = SIZE_MAX;
			if (result_wire_get(&p->run->res[r.i],
			    b + r.errlen + r.outlen, r.wirelen) == -1) {
				s->reported = 0;
				s->garbled = 1;
			}
			if (!s->counted)
				progress_done(p->run->progress,
				    p->run->paths->v[r.i], r.secs);
			s->counted = 1;
		}
		memmove(w->in.buf, w->in.buf + whole, w->in.len - whole);
		strbuf_setlen(&w->in, w->in.len - whole);
	}
}

/* Read what worker k sent; on its end, reap it and replace it. */
static void
take(struct pool *p, size_t k)
{
	struct worker *w = &p->w[k];
	char tmp[65536];
	ssize_t r;

	r = recv(w->fd, tmp, sizeof(tmp), 0);
	if (r == -1 && (errno == EINTR || errno == EAGAIN))
		return;
	if (r > 0) {
		strbuf_add(&w->in, tmp, (size_t)r);
		take_replies(p, w);
		progress_show(p->run->progress);
		return;
	}
	ended(p, k);
}

/*
 * Worker k has ended: its repository, if it had one, stopped; another
 * worker takes its place while repositories are left.
 */
static void
ended(struct pool *p, size_t k)
{
	struct worker *w = &p->w[k];
	struct slot *s;
	size_t i;
	int wstatus = 0;

	close(w->fd);
	w->fd = -1;
	while (waitpid(w->pid, &wstatus, 0) == -1 && errno == EINTR)
		;
	/* Reports it was to render again are checked again instead. */
	for (i = p->next_print; i < p->next_start; i++)
		if (p->slot[i].pid == w->pid)
			p->slot[i].asked = 0;
	w->pid = 0;
	if (w->task != SIZE_MAX) {
		s = &p->slot[w->task];
		s->state = SLOT_DONE;
		s->stopped = 1;
		s->reported = 0;
		s->wstatus = wstatus;
		if (!s->counted)
			progress_done(p->run->progress,
			    p->run->paths->v[w->task], 0);
		s->counted = 1;
		w->task = SIZE_MAX;
	}
	if (p->next_print < p->n)
		(void)spawn(p, k);
}

/* Wait for what the workers send; -1 when poll() itself fails. */
static int
pump(struct pool *p)
{
	struct pollfd *pfd;
	size_t *which, k, m;
	int rc;

	pfd = xcalloc(p->nw, sizeof(*pfd));
	which = xcalloc(p->nw, sizeof(*which));
	for (k = m = 0; k < p->nw; k++)
		if (p->w[k].fd != -1) {
			pfd[m].fd = p->w[k].fd;
			pfd[m].events = POLLIN;
			which[m++] = k;
		}
	rc = m > 0 ? poll(pfd, (nfds_t)m, -1) : 0;
	if (rc == -1 && errno == EINTR)
		rc = 0;
	for (k = 0; rc > 0 && k < m; k++)
		if (pfd[k].revents != 0)
			take(p, which[k]);
	free(pfd);
	free(which);
	return rc == -1 ? -1 : 0;
}

/*
 * End the workers: told by closing their sockets when all is printed,
 * stopped when the run ends early; reaped either way.
 */
static void
stop_all(struct pool *p, int early)
{
	size_t k;

	for (k = 0; k < p->nw; k++) {
		if (p->w[k].pid == 0)
			continue;
		if (early)
			kill(p->w[k].pid, SIGTERM);
		if (p->w[k].fd != -1)
			close(p->w[k].fd);
		p->w[k].fd = -1;
	}
	for (k = 0; k < p->nw; k++)
		if (p->w[k].pid != 0)
			while (waitpid(p->w[k].pid, NULL, 0) == -1 &&
			    errno == EINTR)
				;
}

/*
 * No worker runs and none can be made: the next repository cannot be
 * checked, and is told of as such in its turn.
 */
static void
none_run(struct pool *p)
{
	struct slot *s;
	size_t i;

	i = p->next_print < p->next_start ? p->next_print : p->next_start++;
	s = &p->slot[i];
	s->state = SLOT_DONE;
	s->stopped = 1;
	s->err = p->spawn_err != 0 ? p->spawn_err : EAGAIN;
	s->reported = 0;
}

static int
pool_run(struct pool *p)
{
	size_t k, live;

	while (p->next_print < p->n && !p->sigpipe) {
		dispatch(p);
		print_ready(p);
		if (p->next_print >= p->n || p->sigpipe)
			break;
		for (k = live = 0; k < p->nw; k++)
			live += p->w[k].fd != -1 ||
			    (p->w[k].pid == 0 && spawn(p, k) == 0);
		if (live == 0) {
			none_run(p);
			continue;
		}
		if (pump(p) == -1) {
			ec_error("poll: %s", strerror(errno));
			return -1;
		}
	}
	return 0;
}

int
jobs_check(const struct jobs_run *run)
{
	struct pool p;
	void (*prev)(int);
	size_t i, n = run->paths->n;
	int rc;

	memset(&p, 0, sizeof(p));
	p.run = run;
	p.n = n;
	p.slot = xcalloc(n + 1, sizeof(*p.slot));
	for (i = 0; i < n; i++) {
		strbuf_init(&p.slot[i].errs);
		strbuf_init(&p.slot[i].out);
		repo_result_init(&run->res[i], run->paths->v[i]);
	}
	p.nw = (size_t)run->jobs < n ? (size_t)run->jobs : n;
	p.ahead = AHEAD_PER_WORKER * p.nw;
	p.w = xcalloc(p.nw + 1, sizeof(*p.w));
	/* What every check loads, loaded once, shared by every worker. */
	rule_license_preload();
	/* A write to a reader that is gone fails here, as print_slot sees. */
	prev = signal(SIGPIPE, SIG_IGN);
	progress_show(run->progress);
	for (i = 0; i < p.nw; i++) {
		strbuf_init(&p.w[i].in);
		p.w[i].fd = -1;
		(void)spawn(&p, i);
	}
	rc = pool_run(&p);
	stop_all(&p, p.sigpipe || rc == -1 || p.next_print < n);
	for (i = p.next_print; i < n; i++)
		status_raise(&run->res[i].status, EXIT_TROUBLE);
	progress_clear(run->progress);
	for (i = 0; i < n; i++) {
		strbuf_release(&p.slot[i].errs);
		strbuf_release(&p.slot[i].out);
	}
	for (i = 0; i < p.nw; i++)
		strbuf_release(&p.w[i].in);
	free(p.slot);
	free(p.w);
	signal(SIGPIPE, prev);
	if (p.sigpipe) {
		/* As a run of one process ends when its reader is gone. */
		signal(SIGPIPE, SIG_DFL);
		raise(SIGPIPE);
	}
	return rc == -1 ? EXIT_TROUBLE : p.worst;
}
