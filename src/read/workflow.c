/*
 * workflow.c: the safety of one GitHub Actions workflow (workflow.h),
 * read from libyaml's events under the one YAML budget (yamlcap.h);
 * aliases are not expanded.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "ascii.h"
#include "read/reader.h"
#include "read/workflow.h"
#include "read/yamlcap.h"
#include "regex.h"
#include "strbuf.h"
#include "text.h"
#include "xalloc.h"

#define WF_MAX_DEPTH	YCAP_MAX_DEPTH
#define WF_MAX_KEY	128		/* bytes of a mapping key kept */
#define WF_MAX_HITS	200		/* hits of one kind kept */
#define WF_TEXT_MAX	100		/* bytes of a value kept */

/* A collection open in the event stream. */
struct wf_frame {
	int	 map;		/* a mapping (else a sequence) */
	int	 expect_key;
	char	 key[WF_MAX_KEY];
	int	 key_line;
};

/* The step being read: its uses: and with: ref:. */
struct wf_step {
	char	*uses;
	int	 uses_line;
	char	*ref;
};

struct wf_walk {
	struct workflow	*out;
	struct wf_frame	 st[WF_MAX_DEPTH];
	int		 depth;
	struct wf_step	 step;
};

static struct wf_hit *
hit_add(struct wf_hits *h, int line, const char *s, size_t n)
{
	struct wf_hit *x;

	if (h->n >= WF_MAX_HITS)
		return NULL;
	if (n > WF_TEXT_MAX)
		n = WF_TEXT_MAX;
	XGROW(h->v, h->n + 1, h->alloc);
	x = &h->v[h->n++];
	x->line = line;
	x->text = xstrndup(s, n);
	x->pinned = 0;
	return x;
}

static void
hits_free(struct wf_hits *h)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		free(h->v[i].text);
	free(h->v);
}

static int
is_hex(const char *s, size_t n)
{
	size_t i;

	/* a commit id is written in lower case */
	for (i = 0; i < n; i++)
		if (ascii_hexval(s[i]) < 0 || (s[i] >= 'A' && s[i] <= 'F'))
			return 0;
	return 1;
}

int
workflow_pinned(const char *uses, size_t len)
{
	const char *at, *end = uses + len;
	size_t n;

	if (len >= 2 && memcmp(uses, "./", 2) == 0)
		return 1;		/* this repository's own action */
	if (len >= 9 && memcmp(uses, "docker://", 9) == 0) {
		for (at = uses; at + 8 <= end; at++)
			if (memcmp(at, "@sha256:", 8) == 0)
				return 1;
		return 0;
	}
	for (at = end; at > uses && at[-1] != '@'; at--)
		;
	if (at == uses)
		return 0;
	n = (size_t)(end - at);
	return (n == 40 || n == 64) && is_hex(at, n);
}

/*
 * Whether the path of keys to the current value (one selector a frame,
 * "-" a sequence) is pat, of n selectors, "*" matching any key.
 */
static int
path_is(const struct wf_walk *w, int n, const char *const *pat)
{
	int i;

	if (w->depth != n)
		return 0;
	for (i = 0; i < n; i++) {
		if (strcmp(pat[i], "-") == 0) {
			if (w->st[i].map)
				return 0;
		} else if (!w->st[i].map || (strcmp(pat[i], "*") != 0 &&
		    strcmp(pat[i], w->st[i].key) != 0))
			return 0;
	}
	return 1;
}

static void
trigger(struct workflow *out, const char *name, int line)
{
	if (strcmp(name, "pull_request_target") == 0 && out->prt_line == 0)
		out->prt_line = line;
	if (strcmp(name, "workflow_run") == 0 && out->wfrun_line == 0)
		out->wfrun_line = line;
}

/* Whether the text [s, end) ends with one of words. */
static int
ends_with_one(const char *s, const char *end, const char *const *words)
{
	size_t i, k;

	for (i = 0; words[i] != NULL; i++) {
		k = strlen(words[i]);
		if ((size_t)(end - s) >= k && memcmp(end - k, words[i], k) == 0)
			return 1;
	}
	return 0;
}

/*
 * Whether the expression names what the author of an issue, a pull
 * request, a comment, a review, a discussion or a commit writes: its
 * title, body, message, branch name or author (Scorecard's untrusted
 * contexts). What maintainers write (a release's notes, inputs) is not.
 */
static int
untrusted(const char *s, size_t n)
{
	static const char *const from[] = { "issue.", "pull_request.",
	    "comment.", "review.", "review_comment.", "pages", "commits",
	    "head_commit.", "discussion.", "discussion_comment.",
	    "workflow_run.", NULL };
	static const char *const parts[] = { "title", "body", "message",
	    "page_name", "head.ref", "head.label", "default_branch",
	    "head_branch", "author.email", "author.name", NULL };
	struct strbuf sb = STRBUF_INIT;
	const char *p, *end, *what;
	size_t i;
	int bad = 0;

	strbuf_add(&sb, s, n);
	if (strstr(sb.buf, "github.head_ref") != NULL)
		bad = 1;
	for (p = sb.buf; !bad && (p = strstr(p, "github.event.")) != NULL;
	    p = end) {
		what = p + 13;
		for (end = what; *end != '\0' && strchr("abcdefghijklmnop"
		    "qrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.*[]'\"",
		    *end) != NULL; end++)
			;
		for (i = 0; from[i] != NULL && !bad; i++)
			bad = strncmp(what, from[i], strlen(from[i])) == 0 &&
			    ends_with_one(what, end, parts);
	}
	strbuf_release(&sb);
	return bad;
}

/* A run: script: every ${{ }} expression that expands untrusted text. */
static void
scan_run(struct workflow *out, const char *s, size_t n, int line)
{
	const char *p, *end, *open, *close;

	end = s + n;
	for (p = s; p < end && (open = memchr(p, '$', (size_t)(end - p)));
	    p = open + 1) {
		if (end - open < 3 || open[1] != '{' || open[2] != '{')
			continue;
		for (close = open + 3; close + 1 < end &&
		    !(close[0] == '}' && close[1] == '}'); close++)
			;
		if (close + 1 >= end)
			break;
		if (!untrusted(open + 3, (size_t)(close - open - 3)))
			continue;
		/* the line of the expression in a block scalar */
		hit_add(&out->injections, line - 1 + text_line_of(s,
		    (size_t)(open - s)), open, (size_t)(close + 2 - open));
	}
}

/* Whether a checkout's ref is the pull request's head. */
static int
pr_ref(const char *ref)
{
	return strstr(ref, "pull_request.head") != NULL ||
	    strstr(ref, "github.head_ref") != NULL ||
	    strstr(ref, "workflow_run.head") != NULL ||
	    strstr(ref, "refs/pull/") != NULL;
}

static void
step_end(struct wf_walk *w)
{
	struct wf_step *s = &w->step;

	if (s->uses != NULL && s->ref != NULL &&
	    strncmp(s->uses, "actions/checkout", 16) == 0 && pr_ref(s->ref))
		hit_add(&w->out->pr_checkouts, s->uses_line, s->ref,
		    strlen(s->ref));
	free(s->uses);
	free(s->ref);
	memset(s, 0, sizeof(*s));
}

/* A uses: value, whether it is pinned judged on all its bytes. */
static void
uses(struct workflow *out, const char *v, size_t n, int line)
{
	struct wf_hit *x;

	if ((x = hit_add(&out->uses, line, v, n)) != NULL)
		x->pinned = workflow_pinned(v, n);
}

/* A value (not a key) at the current path: a scalar, or NULL. */
static void
value(struct wf_walk *w, const char *v, size_t n, int line)
{
	static const char *const on[] = { "on" }, *const on_seq[] = { "on",
	    "-" }, *const perm[] = { "permissions" }, *const perm_scope[] = {
	    "permissions", "*" }, *const job_uses[] = { "jobs", "*", "uses" },
	    *const step_uses[] = { "jobs", "*", "steps", "-", "uses" },
	    *const step_ref[] = { "jobs", "*", "steps", "-", "with", "ref" },
	    *const step_run[] = { "jobs", "*", "steps", "-", "run" };
	struct workflow *out = w->out;

	if (v == NULL)
		return;
	if (path_is(w, 1, on) || path_is(w, 2, on_seq))
		trigger(out, v, line);
	else if (path_is(w, 1, perm) && out->perm_value == NULL)
		out->perm_value = xstrndup(v, n);
	else if (path_is(w, 2, perm_scope) && strcmp(v, "write") == 0) {
		struct strbuf sb = STRBUF_INIT;

		strbuf_addf(&sb, "%s: write", w->st[1].key);
		hit_add(&out->perm_writes, line, sb.buf, sb.len);
		strbuf_release(&sb);
	} else if (path_is(w, 3, job_uses))
		uses(out, v, n, line);
	else if (path_is(w, 5, step_uses)) {
		uses(out, v, n, line);
		free(w->step.uses);
		w->step.uses = xstrndup(v, n);
		w->step.uses_line = line;
	} else if (path_is(w, 6, step_ref)) {
		free(w->step.ref);
		w->step.ref = xstrndup(v, n);
	} else if (path_is(w, 5, step_run))
		scan_run(out, v, n, line);
}

/* A scalar event: a key of the current mapping, or a value. */
static void
scalar(struct wf_walk *w, const yaml_event_t *ev)
{
	static const char *const on[] = { "on" };
	struct wf_frame *f;
	const char *v = (const char *)ev->data.scalar.value;
	size_t n = ev->data.scalar.length;
	int line = (int)ev->start_mark.line + 1;

	if (w->depth == 0)
		return;
	f = &w->st[w->depth - 1];
	if (f->map && f->expect_key) {
		snprintf(f->key, sizeof(f->key), "%.*s", (int)(n <
		    WF_MAX_KEY ? n : WF_MAX_KEY - 1), v);
		f->key_line = line;
		f->expect_key = 0;
		if (w->depth == 1 && strcmp(f->key, "permissions") == 0 &&
		    w->out->perm_line == 0)
			w->out->perm_line = line;
		/* on: a mapping of event names */
		w->depth--;
		if (path_is(w, 1, on))
			trigger(w->out, f->key, line);
		w->depth++;
		return;
	}
	/* a block scalar's text starts on the line after its indicator */
	if (ev->data.scalar.style == YAML_LITERAL_SCALAR_STYLE ||
	    ev->data.scalar.style == YAML_FOLDED_SCALAR_STYLE)
		line++;
	value(w, v, n, line);
	if (f->map)
		f->expect_key = 1;
}

static int
push(struct wf_walk *w, int map)
{
	static const char *const step[] = { "jobs", "*", "steps", "-" };
	struct wf_frame *f;

	if (w->depth >= WF_MAX_DEPTH)
		return -1;
	if (map && path_is(w, 4, step))
		step_end(w);		/* a step starts: none is open */
	f = &w->st[w->depth++];
	memset(f, 0, sizeof(*f));
	f->map = map;
	f->expect_key = map;
	return 0;
}

static void
pop(struct wf_walk *w)
{
	static const char *const step[] = { "jobs", "*", "steps", "-" };
	struct wf_frame *f;

	if (w->depth == 0)
		return;
	w->depth--;
	if (w->st[w->depth].map && path_is(w, 4, step))
		step_end(w);
	if (w->depth > 0) {
		f = &w->st[w->depth - 1];
		if (f->map)
			f->expect_key = 1;
	}
}

/* One event: 0 to go on, 1 at the end, -1 on trouble (out->error). */
static int
event(struct wf_walk *w, const yaml_event_t *ev)
{
	struct wf_frame *f;

	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		scalar(w, ev);
		break;
	case YAML_ALIAS_EVENT:
		/* never expanded: a value that says nothing */
		if (w->depth > 0 && (f = &w->st[w->depth - 1])->map)
			f->expect_key = !f->expect_key;
		break;
	case YAML_MAPPING_START_EVENT:
	case YAML_SEQUENCE_START_EVENT:
		if (w->depth > 0 && (f = &w->st[w->depth - 1])->map &&
		    f->expect_key) {
			f->key[0] = '\0';	/* a complex key: no name */
			f->expect_key = 0;
		}
		if (push(w, ev->type == YAML_MAPPING_START_EVENT) == -1) {
			w->out->error = xstrdup("nested too deeply (a limit)");
			w->out->error_line = (int)ev->start_mark.line + 1;
			return -1;
		}
		break;
	case YAML_MAPPING_END_EVENT:
	case YAML_SEQUENCE_END_EVENT:
		pop(w);
		break;
	case YAML_DOCUMENT_END_EVENT:
	case YAML_STREAM_END_EVENT:
		return 1;	/* the first document is the workflow */
	default:
		break;
	}
	return 0;
}

static int
event_cb(void *arg, const yaml_event_t *ev)
{
	return event(arg, ev);
}

static void *
workflow_parse(const struct reader_input *in)
{
	struct workflow *out;
	struct wf_walk w;

	out = xcalloc(1, sizeof(*out));
	memset(&w, 0, sizeof(w));
	w.out = out;
	(void)ycap_walk(in->buf, in->len, event_cb, &w, &out->error,
	    &out->error_line);
	free(w.step.uses);
	free(w.step.ref);
	return out;
}

static void
workflow_free(void *p)
{
	struct workflow *wf = p;

	if (wf == NULL)
		return;
	free(wf->perm_value);
	hits_free(&wf->perm_writes);
	hits_free(&wf->uses);
	hits_free(&wf->pr_checkouts);
	hits_free(&wf->injections);
	free(wf->error);
	free(wf);
}

const struct reader reader_workflow = {
	.name = "GitHub workflow",
	.flags = READER_TEXT,
	.parse = workflow_parse,
	.free = workflow_free,
};
