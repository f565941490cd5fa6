/*
 * report-read.c: a saved JSON report back into a repo_result
 * (report-read.h), with jansson. Every member is checked for its type;
 * the first that is wrong is the one error, named by its place in the
 * document ("results[3].level").
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "error.h"
#include "finding.h"
#include "report-read.h"
#include "rules.h"
#include "ruleset.h"
#include "strbuf.h"
#include "timeutil.h"
#include "xalloc.h"

#define REPORT_SCHEMA	1
/* No requirement is numbered higher; a larger number is no report. */
#define REPORT_MAX_REQ	1000

/* A document being read: its name for errors, whether one was told. */
struct rd {
	const char	*name;
	int		 bad;
};

/* A rule type this version does not know, owned by its rule. */
struct other_type {
	struct rule_type	 type;
	char			*name;
};

static int	 fail(struct rd *, const char *, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
static const char *str_of(struct rd *, json_t *, const char *, const char *,
		    int);
static long long int_of(struct rd *, json_t *, const char *, const char *,
		    long long, long long);
static int	 read_document(struct rd *, json_t *, struct repo_result *);
static void	 read_repository(struct rd *, json_t *, struct repo_result *);
static void	 read_ruleset(struct rd *, json_t *, struct repo_result *);
static void	 read_window(struct rd *, json_t *, struct repo_result *);
static void	 read_results(struct rd *, json_t *, struct repo_result *);
static struct rule *read_rule(struct rd *, json_t *, const char *,
		    struct repo_result *);
static void	 read_finding(struct rd *, json_t *, const char *,
		    struct finding *);
static void	 read_evidence(struct rd *, json_t *, const char *,
		    struct finding *);
static void	 read_extras(struct rd *, json_t *, const char *,
		    struct finding *);
static int	 end(struct rd *, json_t *, struct repo_result *);
static int	 result_parse(const char *, enum result *);

/* Tell the first error of the document: -1. */
static int
fail(struct rd *rd, const char *where, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	if (rd->bad++)
		return -1;
	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	if (where != NULL)
		ec_error("%s: %s: %s", rd->name, where, sb.buf);
	else
		ec_error("%s: %s", rd->name, sb.buf);
	strbuf_release(&sb);
	return -1;
}

/*
 * The string member key of obj (at where), or NULL: when it is missing
 * and need is set, or is not a string, an error.
 */
static const char *
str_of(struct rd *rd, json_t *obj, const char *where, const char *key,
    int need)
{
	json_t *v;

	v = json_object_get(obj, key);
	if (v == NULL || (json_is_null(v) && !need)) {
		if (need)
			fail(rd, where, "no \"%s\"", key);
		return NULL;
	}
	if (!json_is_string(v)) {
		fail(rd, where, "\"%s\" is not a string", key);
		return NULL;
	}
	return json_string_value(v);
}

/* The integer member key of obj from min to max; missing: min. */
static long long
int_of(struct rd *rd, json_t *obj, const char *where, const char *key,
    long long min, long long max)
{
	json_t *v;
	long long n;

	if ((v = json_object_get(obj, key)) == NULL)
		return min;
	if (!json_is_integer(v)) {
		fail(rd, where, "\"%s\" is not a number", key);
		return min;
	}
	n = (long long)json_integer_value(v);
	if (n < min || n > max) {
		fail(rd, where, "\"%s\" is %lld, not from %lld to %lld", key,
		    n, min, max);
		return min;
	}
	return n;
}

int
report_read_file(struct repo_result *res, const char *file)
{
	struct rd rd;
	json_error_t err;
	json_t *root;

	root = json_load_file(file, JSON_REJECT_DUPLICATES, &err);
	if (root == NULL) {
		if (err.line > 0)
			return ec_error("%s:%d:%d: %s", file, err.line,
			    err.column, err.text);
		return ec_error("%s", err.text);
	}
	rd.name = file;
	rd.bad = 0;
	return read_document(&rd, root, res);
}

int
report_read_buffer(struct repo_result *res, const char *name,
    const char *buf, size_t len)
{
	struct rd rd;
	json_error_t err;
	json_t *root;

	root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &err);
	if (root == NULL)
		return ec_error("%s:%d:%d: %s", name, err.line, err.column,
		    err.text);
	rd.name = name;
	rd.bad = 0;
	return read_document(&rd, root, res);
}

/* The document, then root freed: 0, or -1 with res made anew. */
static int
read_document(struct rd *rd, json_t *root, struct repo_result *res)
{
	json_t *v;

	if (json_is_array(root)) {
		fail(rd, NULL, "an array of %zu reports: ecocheck diff "
		    "compares the reports of one repository",
		    json_array_size(root));
		return end(rd, root, res);
	}
	v = json_is_object(root) ? json_object_get(root, "schema") : NULL;
	if (v == NULL || !json_is_integer(v)) {
		fail(rd, NULL, "not an ecocheck report: no \"schema\" number "
		    "(save one with ecocheck --format json)");
		return end(rd, root, res);
	}
	if (json_integer_value(v) != REPORT_SCHEMA) {
		fail(rd, NULL, "a report of schema %lld; this ecocheck reads "
		    "schema %d", (long long)json_integer_value(v),
		    REPORT_SCHEMA);
		return end(rd, root, res);
	}
	read_repository(rd, json_object_get(root, "repository"), res);
	read_ruleset(rd, json_object_get(root, "ruleset"), res);
	read_window(rd, json_object_get(root, "window"), res);
	read_results(rd, json_object_get(root, "results"), res);
	return end(rd, root, res);
}

static int
end(struct rd *rd, json_t *root, struct repo_result *res)
{
	char *path;

	json_decref(root);
	if (!rd->bad)
		return 0;
	path = xstrdup(res->path);
	repo_result_release(res);
	repo_result_init(res, path);
	free(path);
	return -1;
}

static void
read_repository(struct rd *rd, json_t *o, struct repo_result *res)
{
	const char *s;
	size_t i;

	if (!json_is_object(o)) {
		fail(rd, NULL, "no \"repository\" object");
		return;
	}
	if ((s = str_of(rd, o, "repository", "path", 1)) != NULL)
		res->abspath = xstrdup(s);
	if ((s = str_of(rd, o, "repository", "source", 1)) != NULL) {
		strvec_push(&res->rs.interned, s);
		res->source = res->rs.interned.v[res->rs.interned.n - 1];
	}
	if ((s = str_of(rd, o, "repository", "head", 0)) != NULL) {
		for (i = 0; s[i] != '\0' && strchr("0123456789abcdef", s[i]) !=
		    NULL; i++)
			;
		if (i != 40 || s[i] != '\0') {
			fail(rd, "repository", "\"head\" is not a commit's "
			    "name (40 hexadecimal digits)");
			return;
		}
		memcpy(res->head, s, 41);
		res->has_head = 1;
	}
	res->bare = json_is_true(json_object_get(o, "bare"));
	res->shallow = json_is_true(json_object_get(o, "shallow"));
}

/* The rule set's name and the titles of its requirements. */
static void
read_ruleset(struct rd *rd, json_t *o, struct repo_result *res)
{
	struct ruleset *rs = &res->rs;
	json_t *reqs, *r;
	const char *s;
	size_t i;
	long long n;

	if (!json_is_object(o)) {
		fail(rd, NULL, "no \"ruleset\" object");
		return;
	}
	if ((s = str_of(rd, o, "ruleset", "name", 1)) != NULL)
		rs->name = xstrdup(s);
	reqs = json_object_get(o, "requirements");
	if (reqs == NULL)
		return;
	if (!json_is_array(reqs)) {
		fail(rd, "ruleset", "\"requirements\" is not an array");
		return;
	}
	json_array_foreach(reqs, i, r) {
		n = int_of(rd, r, "ruleset.requirements", "number", 1,
		    REPORT_MAX_REQ);
		s = str_of(rd, r, "ruleset.requirements", "title", 1);
		if (rd->bad)
			return;
		if ((size_t)n >= rs->nreq_title) {
			rs->req_title = xreallocarray(rs->req_title, n + 1,
			    sizeof(*rs->req_title));
			memset(rs->req_title + rs->nreq_title, 0,
			    (n + 1 - rs->nreq_title) * sizeof(*rs->req_title));
			rs->nreq_title = (size_t)n + 1;
		}
		free(rs->req_title[n]);
		rs->req_title[n] = xstrdup(s);
	}
}

static void
read_window(struct rd *rd, json_t *o, struct repo_result *res)
{
	const char *s;

	if (!json_is_object(o)) {
		fail(rd, NULL, "no \"window\" object");
		return;
	}
	s = str_of(rd, o, "window", "as_of", 1);
	if (s != NULL && time_parse_iso(s, &res->as_of) == -1)
		fail(rd, "window", "\"as_of\" is not a date: '%s'", s);
	s = str_of(rd, o, "window", "start", 1);
	if (s != NULL && time_parse_iso(s, &res->start) == -1)
		fail(rd, "window", "\"start\" is not a date: '%s'", s);
	res->days = (int)int_of(rd, o, "window", "days", 0, 1000000);
}

/* Every result, each with a rule of its own; the counts of them. */
static void
read_results(struct rd *rd, json_t *a, struct repo_result *res)
{
	struct finding *f;
	struct rule *r;
	json_t *o;
	char where[48];
	size_t i, n;

	if (!json_is_array(a)) {
		fail(rd, NULL, "no \"results\" array");
		return;
	}
	n = json_array_size(a);
	res->rs.rules = xcalloc(n + 1, sizeof(*res->rs.rules));
	res->rs.alloc = n + 1;
	res->findings = xcalloc(n + 1, sizeof(*res->findings));
	json_array_foreach(a, i, o) {
		snprintf(where, sizeof(where), "results[%zu]", i);
		if ((r = read_rule(rd, o, where, res)) == NULL)
			return;
		f = &res->findings[res->nfindings++];
		finding_init(f, r);
		read_finding(rd, o, where, f);
		if (rd->bad)
			return;
		res->counts[f->result]++;
		if (f->result == RESULT_FAIL && f->level == LEVEL_ERROR) {
			res->errors_failed++;
			status_raise(&res->status, EXIT_FAILED);
		}
	}
}

static void
free_other_type(void *p)
{
	struct other_type *t = p;

	free(t->name);
	free(t);
}

/* The rule of one result, added to the rule set; NULL on error. */
static struct rule *
read_rule(struct rd *rd, json_t *o, const char *where,
    struct repo_result *res)
{
	struct other_type *ot;
	struct rule *r;
	const char *id, *type;
	json_t *req, *v;
	size_t i;

	if (!json_is_object(o) && fail(rd, where, "not an object"))
		return NULL;
	id = str_of(rd, o, where, "rule", 1);
	type = str_of(rd, o, where, "type", 1);
	req = json_object_get(o, "requirement");
	if (req != NULL && !json_is_array(req))
		fail(rd, where, "\"requirement\" is not an array");
	if (rd->bad)
		return NULL;
	if (ruleset_find(&res->rs, id) != NULL &&
	    fail(rd, where, "rule '%s' a second time", id))
		return NULL;
	r = xcalloc(1, sizeof(*r));
	res->rs.rules[res->rs.nrules++] = r;
	r->id = xstrdup(id);
	if ((r->type = rule_type_find(type)) == NULL) {
		/* A type of a later version: named, no flags. */
		ot = xcalloc(1, sizeof(*ot));
		ot->name = xstrdup(type);
		ot->type.name = ot->name;
		r->type = &ot->type;
		r->priv = ot;
		r->priv_free = free_other_type;
	}
	r->req = xcalloc(json_array_size(req) + 1, sizeof(*r->req));
	json_array_foreach(req, i, v) {
		if (!json_is_integer(v) || json_integer_value(v) < 1 ||
		    json_integer_value(v) > REPORT_MAX_REQ) {
			fail(rd, where, "\"requirement\" holds no requirement "
			    "number");
			return NULL;
		}
		r->req[r->nreq++] = (int)json_integer_value(v);
	}
	return r;
}

/* What the rule found: result, level, message, evidence and the rest. */
static void
read_finding(struct rd *rd, json_t *o, const char *where, struct finding *f)
{
	const char *s;
	enum level lv;

	lv = LEVEL_ERROR;
	s = str_of(rd, o, where, "level", 1);
	if (s != NULL && level_parse(s, &lv) == -1)
		fail(rd, where, "\"level\" is not a level: '%s'", s);
	if ((s = str_of(rd, o, where, "result", 1)) == NULL || rd->bad)
		return;
	if (result_parse(s, &f->result) == -1) {
		fail(rd, where, "\"result\" is not a result: '%s'", s);
		return;
	}
	f->level = f->cap = lv;
	((struct rule *)f->rule)->level = lv;
	if ((s = str_of(rd, o, where, "message", 0)) != NULL)
		f->message = xstrdup(s);
	if ((s = str_of(rd, o, where, "fix", 0)) != NULL)
		f->fix = xstrdup(s);
	f->judgment = json_is_true(json_object_get(o, "judgment"));
	read_evidence(rd, json_object_get(o, "evidence"), where, f);
	read_extras(rd, o, where, f);
}

static void
read_evidence(struct rd *rd, json_t *a, const char *where, struct finding *f)
{
	char at[96];
	const char *path, *note;
	json_t *e;
	size_t i;
	long long line;

	if (a == NULL)
		return;
	if (!json_is_array(a)) {
		fail(rd, where, "\"evidence\" is not an array");
		return;
	}
	json_array_foreach(a, i, e) {
		snprintf(at, sizeof(at), "%s.evidence[%zu]", where, i);
		path = str_of(rd, e, at, "path", 1);
		line = int_of(rd, e, at, "line", 0, 0x7fffffff);
		note = str_of(rd, e, at, "note", 0);
		if (rd->bad)
			return;
		finding_evidence(f, path, (int)line, note);
	}
}

/* The value, the minimum, the keys the repository changed, the exemption. */
static void
read_extras(struct rd *rd, json_t *o, const char *where, struct finding *f)
{
	struct finding_exempt *ex;
	const char *key, *value, *file;
	json_t *v, *c;
	size_t i;

	v = json_object_get(o, "value");
	if (json_is_string(v))
		finding_value_str(f, json_string_value(v));
	else if (json_is_integer(v))
		finding_value(f, (long long)json_integer_value(v));
	if (json_is_integer(v = json_object_get(o, "min")))
		finding_min(f, (long long)json_integer_value(v));
	/* The markdown note takes a count's window from them. */
	json_array_foreach(json_object_get(o, "details"), i, c)
		if (json_is_string(c))
			finding_detail(f, "%s", json_string_value(c));
	json_array_foreach(json_object_get(o, "changed_by_repo"), i, c) {
		key = str_of(rd, c, where, "key", 1);
		value = str_of(rd, c, where, "value", 1);
		file = str_of(rd, c, where, "file", 1);
		if (rd->bad)
			return;
		finding_add_change(f, key, value, file,
		    (int)int_of(rd, c, where, "line", 0, 0x7fffffff),
		    str_of(rd, c, where, "ruleset_value", 0));
	}
	if (!json_is_object(v = json_object_get(o, "exempt")))
		return;
	key = str_of(rd, v, where, "reason", 1);
	value = str_of(rd, v, where, "until", 0);
	file = str_of(rd, v, where, "file", 1);
	if (rd->bad)
		return;
	ex = finding_set_exempt(f, key, value, file,
	    (int)int_of(rd, v, where, "line", 0, 0x7fffffff));
	ex->needed = json_is_true(json_object_get(v, "needed"));
	if ((key = str_of(rd, v, where, "found", 0)) != NULL &&
	    result_parse(key, &ex->found) == -1)
		fail(rd, where, "\"found\" is not a result: '%s'", key);
}

/* "pass" and the other results' names: 0, or -1. */
static int
result_parse(const char *s, enum result *out)
{
	int i;

	for (i = RESULT_PASS; i <= RESULT_SKIP; i++)
		if (strcmp(s, result_name((enum result)i)) == 0) {
			*out = (enum result)i;
			return 0;
		}
	return -1;
}
