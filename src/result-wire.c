/*
 * result-wire.c: a repository's result to bytes and back (result-wire.h).
 * Both ends are the same program, so the form is simple: numbers in
 * decimal ended by a space, strings as LENGTH:BYTES, NULL as '-'.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "finding.h"
#include "result-wire.h"
#include "rules.h"
#include "ruleset.h"
#include "strbuf.h"
#include "xalloc.h"

/* No result holds more of anything; a count beyond it is no result. */
#define WIRE_MAX	(1 << 24)

struct wire {
	const char	*p;
	const char	*end;
	int		 bad;
};

static void	 put_int(struct strbuf *, long long);
static void	 put_str(struct strbuf *, const char *);
static void	 put_finding(struct strbuf *, const struct repo_result *,
		    const struct finding *);
static void	 put_ruleset(struct strbuf *, const struct ruleset *);
static long long get_int(struct wire *, long long, long long);
static char	*get_str(struct wire *);
static void	 get_ruleset(struct wire *, struct ruleset *);
static const char *get_interned(struct wire *, struct ruleset *);
static void	 get_finding(struct wire *, const struct ruleset *,
		    struct finding *);
static void	 get_changes(struct wire *, struct finding *);
static void	 get_exempt(struct wire *, struct finding *);

static void
put_int(struct strbuf *sb, long long v)
{
	strbuf_addf(sb, "%lld ", v);
}

static void
put_str(struct strbuf *sb, const char *s)
{
	if (s == NULL) {
		strbuf_addch(sb, '-');
		return;
	}
	strbuf_addf(sb, "%zu:", strlen(s));
	strbuf_addstr(sb, s);
}

static void
put_ruleset(struct strbuf *sb, const struct ruleset *rs)
{
	const struct rule *r;
	size_t i, j;

	put_str(sb, rs->name);
	put_str(sb, rs->title);
	put_int(sb, rs->window_days);
	put_int(sb, (long long)rs->nreq_title);
	for (i = 0; i < rs->nreq_title; i++)
		put_str(sb, rs->req_title[i]);
	put_int(sb, (long long)rs->nrules);
	for (i = 0; i < rs->nrules; i++) {
		r = rs->rules[i];
		put_str(sb, r->id);
		put_str(sb, r->type != NULL ? r->type->name : NULL);
		put_str(sb, r->title);
		put_str(sb, r->help);
		put_int(sb, r->level);
		put_int(sb, (long long)r->nreq);
		for (j = 0; j < r->nreq; j++)
			put_int(sb, r->req[j]);
	}
}

static void
put_finding(struct strbuf *sb, const struct repo_result *res,
    const struct finding *f)
{
	size_t i;

	for (i = 0; i < res->rs.nrules && res->rs.rules[i] != f->rule; i++)
		;
	put_int(sb, (long long)i);
	put_int(sb, f->result);
	put_int(sb, f->level);
	put_int(sb, f->cap);
	put_str(sb, f->message);
	put_str(sb, f->fix);
	put_int(sb, (long long)f->nev);
	for (i = 0; i < f->nev; i++) {
		put_str(sb, f->ev[i].path);
		put_int(sb, f->ev[i].line);
		put_str(sb, f->ev[i].note);
		put_int(sb, f->ev[i].file);
	}
	put_int(sb, f->has_value);
	put_int(sb, f->value);
	put_str(sb, f->value_str);
	put_int(sb, f->has_min);
	put_int(sb, f->min);
	put_int(sb, f->judgment);
	put_int(sb, (long long)f->details.n);
	for (i = 0; i < f->details.n; i++)
		put_str(sb, f->details.v[i]);
	put_int(sb, (long long)f->nchanges);
	for (i = 0; i < f->nchanges; i++) {
		put_str(sb, f->changes[i].key);
		put_str(sb, f->changes[i].value);
		put_str(sb, f->changes[i].file);
		put_int(sb, f->changes[i].line);
		put_str(sb, f->changes[i].base);
	}
	put_int(sb, f->exempt != NULL);
	if (f->exempt != NULL) {
		put_str(sb, f->exempt->reason);
		put_str(sb, f->exempt->until);
		put_str(sb, f->exempt->file);
		put_int(sb, f->exempt->line);
		put_int(sb, f->exempt->needed);
		put_int(sb, f->exempt->found);
	}
}

void
result_wire_put(struct strbuf *sb, const struct repo_result *res)
{
	size_t i;

	put_int(sb, res->status);
	put_str(sb, res->abspath);
	put_str(sb, res->source);
	put_int(sb, res->has_head);
	put_str(sb, res->head);
	put_int(sb, res->bare);
	put_int(sb, res->shallow);
	put_int(sb, res->empty);
	put_str(sb, res->outside_gitdir);
	put_int(sb, (long long)res->outside_alternates.n);
	for (i = 0; i < res->outside_alternates.n; i++)
		put_str(sb, res->outside_alternates.v[i]);
	put_int(sb, res->as_of);
	put_int(sb, res->start);
	put_int(sb, res->days);
	for (i = 0; i < 4; i++)
		put_int(sb, res->counts[i]);
	put_int(sb, res->errors_failed);
	put_int(sb, res->unknown_failed);
	put_ruleset(sb, &res->rs);
	put_int(sb, (long long)res->nfindings);
	for (i = 0; i < res->nfindings; i++)
		put_finding(sb, res, &res->findings[i]);
}

/* A number from min to max, else the wire is bad (and 0 comes back). */
static long long
get_int(struct wire *w, long long min, long long max)
{
	const char *sp;
	char *e;
	long long v;

	if (w->bad || (sp = memchr(w->p, ' ', (size_t)(w->end - w->p))) ==
	    NULL) {
		w->bad = 1;
		return 0;
	}
	errno = 0;
	v = strtoll(w->p, &e, 10);
	if (e != sp || e == w->p || errno != 0 || v < min || v > max) {
		w->bad = 1;
		return 0;
	}
	w->p = sp + 1;
	return v;
}

static char *
get_str(struct wire *w)
{
	char *e, *s;
	unsigned long long n;

	if (w->bad || w->p >= w->end) {
		w->bad = 1;
		return NULL;
	}
	if (*w->p == '-') {
		w->p++;
		return NULL;
	}
	errno = 0;
	n = strtoull(w->p, &e, 10);
	if (e == w->p || e >= w->end || *e != ':' || errno != 0 ||
	    n > (unsigned long long)(w->end - e - 1)) {
		w->bad = 1;
		return NULL;
	}
	s = xstrndup(e + 1, (size_t)n);
	w->p = e + 1 + n;
	return s;
}

/* A string kept as long as the rule set, as the rules' own point into it. */
static const char *
get_interned(struct wire *w, struct ruleset *rs)
{
	char *s;

	if ((s = get_str(w)) != NULL)
		strvec_push_nodup(&rs->interned, s);
	return s;
}

static void
get_ruleset(struct wire *w, struct ruleset *rs)
{
	struct rule *r;
	char *type;
	size_t i, j, n;

	rs->name = get_str(w);
	rs->title = get_str(w);
	rs->window_days = (int)get_int(w, 0, WIRE_MAX);
	n = (size_t)get_int(w, 0, WIRE_MAX);
	rs->req_title = xcalloc(n + 1, sizeof(*rs->req_title));
	for (rs->nreq_title = 0; rs->nreq_title < n && !w->bad;
	    rs->nreq_title++)
		rs->req_title[rs->nreq_title] = get_str(w);
	n = (size_t)get_int(w, 0, WIRE_MAX);
	rs->rules = xcalloc(n + 1, sizeof(*rs->rules));
	rs->alloc = n + 1;
	for (i = 0; i < n && !w->bad; i++) {
		r = xcalloc(1, sizeof(*r));
		rs->rules[rs->nrules++] = r;
		r->id = get_str(w);
		type = get_str(w);
		r->type = type != NULL ? rule_type_find(type) : NULL;
		free(type);
		r->title = get_interned(w, rs);
		r->help = get_interned(w, rs);
		r->level = (enum level)get_int(w, LEVEL_OFF, LEVEL_ERROR);
		r->nreq = (size_t)get_int(w, 0, WIRE_MAX);
		r->req = xcalloc(r->nreq + 1, sizeof(*r->req));
		for (j = 0; j < r->nreq; j++)
			r->req[j] = (int)get_int(w, 0, WIRE_MAX);
		/* Formats name every rule by id and type. */
		if (r->id == NULL || r->type == NULL)
			w->bad = 1;
	}
}

static void
get_finding(struct wire *w, const struct ruleset *rs, struct finding *f)
{
	char *path, *note;
	size_t i, n;
	int line;

	i = (size_t)get_int(w, 0, WIRE_MAX);
	if (w->bad || i >= rs->nrules) {
		w->bad = 1;
		return;
	}
	finding_init(f, rs->rules[i]);
	f->result = (enum result)get_int(w, RESULT_PASS, RESULT_SKIP);
	f->level = (enum level)get_int(w, LEVEL_OFF, LEVEL_ERROR);
	f->cap = (enum level)get_int(w, LEVEL_OFF, LEVEL_ERROR);
	f->message = get_str(w);
	f->fix = get_str(w);
	n = (size_t)get_int(w, 0, WIRE_MAX);
	for (i = 0; i < n && !w->bad; i++) {
		path = get_str(w);
		line = (int)get_int(w, 0, INT_MAX);
		note = get_str(w);
		if (get_int(w, 0, 1))
			finding_evidence(f, path != NULL ? path : "", line,
			    note);
		else
			finding_evidence_other(f, path != NULL ? path : "",
			    note);
		free(path);
		free(note);
	}
	f->has_value = (int)get_int(w, 0, 1);
	f->value = get_int(w, LLONG_MIN, LLONG_MAX);
	f->value_str = get_str(w);
	f->has_min = (int)get_int(w, 0, 1);
	f->min = get_int(w, LLONG_MIN, LLONG_MAX);
	f->judgment = (int)get_int(w, 0, 1);
	n = (size_t)get_int(w, 0, WIRE_MAX);
	for (i = 0; i < n && !w->bad; i++) {
		path = get_str(w);
		if (path != NULL)
			strvec_push_nodup(&f->details, path);
		else
			w->bad = 1;
	}
	get_changes(w, f);
	if (get_int(w, 0, 1))
		get_exempt(w, f);
}

/* What the repository changed of the rule; its exemption. */
static void
get_changes(struct wire *w, struct finding *f)
{
	char *key, *value, *file, *base;
	size_t i, n;
	int line;

	n = (size_t)get_int(w, 0, WIRE_MAX);
	for (i = 0; i < n && !w->bad; i++) {
		key = get_str(w);
		value = get_str(w);
		file = get_str(w);
		line = (int)get_int(w, 0, INT_MAX);
		base = get_str(w);
		if (key == NULL || value == NULL || file == NULL)
			w->bad = 1;
		else
			finding_add_change(f, key, value, file, line, base);
		free(key);
		free(value);
		free(file);
		free(base);
	}
}

static void
get_exempt(struct wire *w, struct finding *f)
{
	struct finding_exempt *ex;
	char *reason, *until, *file;
	int line;

	reason = get_str(w);
	until = get_str(w);
	file = get_str(w);
	line = (int)get_int(w, 0, INT_MAX);
	if (reason == NULL || file == NULL)
		w->bad = 1;
	else {
		ex = finding_set_exempt(f, reason, until, file, line);
		ex->needed = (int)get_int(w, 0, 1);
		ex->found = (enum result)get_int(w, RESULT_PASS, RESULT_SKIP);
	}
	free(reason);
	free(until);
	free(file);
}

int
result_wire_get(struct repo_result *res, const char *buf, size_t len)
{
	struct wire w;
	char *s, *path;
	size_t i, n;

	w.p = buf;
	w.end = buf + len;
	w.bad = 0;
	res->status = (int)get_int(&w, EXIT_OK, EXIT_TROUBLE);
	res->abspath = get_str(&w);
	if ((s = get_str(&w)) != NULL) {
		/* source points at a static name in the checking process. */
		strvec_push_nodup(&res->rs.interned, s);
		res->source = s;
	}
	res->has_head = (int)get_int(&w, 0, 1);
	if ((s = get_str(&w)) != NULL)
		snprintf(res->head, sizeof(res->head), "%s", s);
	free(s);
	res->bare = (int)get_int(&w, 0, 1);
	res->shallow = (int)get_int(&w, 0, 1);
	res->empty = (int)get_int(&w, 0, 1);
	res->outside_gitdir = get_str(&w);
	n = (size_t)get_int(&w, 0, WIRE_MAX);
	for (i = 0; i < n && !w.bad; i++)
		if ((s = get_str(&w)) != NULL)
			strvec_push_nodup(&res->outside_alternates, s);
	res->as_of = get_int(&w, LLONG_MIN, LLONG_MAX);
	res->start = get_int(&w, LLONG_MIN, LLONG_MAX);
	res->days = (int)get_int(&w, INT_MIN, INT_MAX);
	for (i = 0; i < 4; i++)
		res->counts[i] = (int)get_int(&w, 0, INT_MAX);
	res->errors_failed = (int)get_int(&w, 0, INT_MAX);
	res->unknown_failed = (int)get_int(&w, 0, INT_MAX);
	get_ruleset(&w, &res->rs);
	n = (size_t)get_int(&w, 0, WIRE_MAX);
	if (!w.bad && n > res->rs.nrules)
		w.bad = 1;
	res->findings = xcalloc(n + 1, sizeof(*res->findings));
	for (i = 0; i < n && !w.bad; i++) {
		get_finding(&w, &res->rs, &res->findings[i]);
		/* One begun is released with the others, whole or not. */
		if (res->findings[i].rule != NULL)
			res->nfindings++;
	}
	if (!w.bad && w.p == w.end)
		return 0;
	path = xstrdup(res->path);
	repo_result_release(res);
	repo_result_init(res, path);
	free(path);
	return -1;
}
