/*
 * rule-workflows.c: the "workflows" rule type: the hygiene of the GitHub
 * Actions workflows in .github/workflows/, read from the files (the
 * workflow reader, read/workflow.h), as OpenSSF Scorecard's checks judge
 * it, each problem with its file and line. One rule checks one thing:
 *
 *	permissions	every workflow declares its token's permissions at
 *			the top level, and not write-all (Token-Permissions)
 *	dangerous	no pull_request_target or workflow_run workflow checks
 *			out the pull request's code, and no script expands
 *			an untrusted expression (Dangerous-Workflow)
 *	pinned		every action and reusable workflow is pinned to a
 *			full commit id (Pinned-Dependencies)
 *
 * A project without workflows is skipped; a workflow that cannot be read
 * makes the rule unknown when nothing else failed.
 */
#include "config.h"

#include <string.h>

#include "ctx.h"
#include "finding.h"
#include "read/workflow.h"
#include "rules.h"
#include "ruleset.h"
#include "strbuf.h"
#include "tree.h"
#include "xalloc.h"

#define WORKFLOW_CAP	(1024 * 1024)	/* bytes of a workflow read */
#define SHOW_MAX	3		/* problems named in the message */
#define EVIDENCE_MAX	100

static int	 workflows_check(const struct rule *, struct check_ctx *,
		    struct finding *);

static const struct rule_key_spec workflows_keys[] = {
	{ "check", KEY_ENUM, .flags = KEYF_REQUIRED,
	    .choices = "permissions|dangerous|pinned",
	    .doc = "what is checked" },
	{ .name = NULL }
};

const struct rule_type rule_workflows = {
	.name = "workflows",
	.summary = "GitHub Actions workflows: token permissions, dangerous "
	    "triggers, pinned actions",
	.keys = workflows_keys,
	.check = workflows_check,
};

struct wf_arg {
	struct check_ctx	*ctx;
	const char		*check;
	struct finding_places	 problems;
	size_t			 files, items;
	const struct tree_entry	*unread;	/* the first not read */
	const struct workflow	*broken;	/* its model, if a reader's */
	size_t			 nunread;
	struct strbuf		 note;	/* a detail, or empty */
};

/* A problem at path:line; what is the caller's, now a's. */
static void
problem(struct wf_arg *a, const char *path, int line, char *what)
{
	finding_places_add(&a->problems, path, line, what, what);
}

static void
judge_permissions(struct wf_arg *a, const char *path,
    const struct workflow *wf)
{
	size_t i;

	a->items++;
	if (wf->perm_line == 0)
		problem(a, path, 1, xstrdup("no top-level permissions"));
	else if (wf->perm_value != NULL &&
	    strcmp(wf->perm_value, "write-all") == 0)
		problem(a, path, wf->perm_line, xasprintf("permissions: %s",
		    wf->perm_value));
	for (i = 0; i < wf->perm_writes.n && a->note.len == 0; i++)
		strbuf_addf(&a->note, "%s:%d grants %s at the top level "
		    "(Scorecard prefers write scopes on the jobs that need "
		    "them)", path, wf->perm_writes.v[i].line,
		    wf->perm_writes.v[i].text);
}

static void
judge_dangerous(struct wf_arg *a, const char *path,
    const struct workflow *wf)
{
	size_t i;

	a->items++;
	for (i = 0; (wf->prt_line > 0 || wf->wfrun_line > 0) &&
	    i < wf->pr_checkouts.n; i++)
		problem(a, path, wf->pr_checkouts.v[i].line, xasprintf("%s "
		    "checks out the pull request's code (ref: %s)",
		    wf->prt_line > 0 ? "pull_request_target" : "workflow_run",
		    wf->pr_checkouts.v[i].text));
	for (i = 0; i < wf->injections.n; i++)
		problem(a, path, wf->injections.v[i].line, xasprintf("a "
		    "script expands %s", wf->injections.v[i].text));
}

static void
judge_pinned(struct wf_arg *a, const char *path, const struct workflow *wf)
{
	size_t i;

	for (i = 0; i < wf->uses.n; i++) {
		a->items++;
		if (!wf->uses.v[i].pinned)
			problem(a, path, wf->uses.v[i].line, xasprintf("%s is "
			    "not pinned to a commit", wf->uses.v[i].text));
	}
}

static int
workflow_cb(const struct tree_entry *e, void *arg)
{
	struct wf_arg *a = arg;
	const struct workflow *wf;
	int rc;

	/* a link is judged, and named, by the read judge */
	if (e->mode != TREE_MODE_FILE && e->mode != TREE_MODE_EXEC &&
	    e->mode != TREE_MODE_LINK)
		return 0;
	a->files++;
	wf = ctx_model(a->ctx, &reader_workflow, e, WORKFLOW_CAP, NULL, &rc);
	if (wf == NULL || wf->error != NULL) {
		if (a->nunread++ == 0) {
			a->unread = e;
			a->broken = wf;
		}
		/*
		 * What was read before the trouble is there, but a missing
		 * permissions: may be in what was not.
		 */
		if (wf == NULL || strcmp(a->check, "permissions") == 0)
			return 0;
	}
	if (strcmp(a->check, "permissions") == 0)
		judge_permissions(a, e->path, wf);
	else if (strcmp(a->check, "dangerous") == 0)
		judge_dangerous(a, e->path, wf);
	else
		judge_pinned(a, e->path, wf);
	return 0;
}

static void
report_problems(const struct wf_arg *a, struct finding *f)
{
	size_t n = a->problems.n;

	finding_result(f, RESULT_FAIL, "%zu problem%s in %zu workflow%s: ",
	    n, n == 1 ? "" : "s", a->files, a->files == 1 ? "" : "s");
	finding_places_say(f, &a->problems, SHOW_MAX, EVIDENCE_MAX);
	if (strcmp(a->check, "permissions") == 0)
		finding_fix(f, "declare the token's permissions at the top of "
		    "each workflow, read-only ('permissions: contents: read'), "
		    "and grant write scopes on the jobs that need them");
	else if (strcmp(a->check, "dangerous") == 0)
		finding_fix(f, "do not check out a pull request's code in a "
		    "pull_request_target or workflow_run workflow, and pass "
		    "untrusted text to scripts through env: variables");
	else
		finding_fix(f, "pin each action to the full commit id of the "
		    "release ('uses: actions/checkout@<40 hex> # v4'), kept "
		    "current by Dependabot");
}

static void
report_clean(const struct wf_arg *a, struct finding *f)
{
	if (strcmp(a->check, "permissions") == 0)
		finding_result(f, RESULT_PASS, "each of the %zu workflows "
		    "declares its top-level permissions", a->files);
	else if (strcmp(a->check, "dangerous") == 0)
		finding_result(f, RESULT_PASS, "none of the %zu workflows "
		    "checks out a pull request's code where it has secrets, "
		    "or expands untrusted text into a script", a->files);
	else
		finding_result(f, RESULT_PASS, "the %zu actions and reusable "
		    "workflows used are pinned to commits", a->items);
}

static int
workflows_check(const struct rule *r, struct check_ctx *ctx,
    struct finding *f)
{
	struct wf_arg a;

	memset(&a, 0, sizeof(a));
	strbuf_init(&a.note);
	a.ctx = ctx;
	a.check = rule_str(r, "check", "pinned");
	tree_glob(ctx_tree(ctx), ".github/workflows/*.yml", 0, workflow_cb,
	    &a);
	tree_glob(ctx_tree(ctx), ".github/workflows/*.yaml", 0, workflow_cb,
	    &a);
	finding_value(f, (long long)a.problems.n);
	if (a.files == 0)
		finding_result(f, RESULT_SKIP, "no GitHub Actions workflow "
		    "(looked in .github/workflows/)");
	else if (a.problems.n > 0)
		report_problems(&a, f);
	else if (a.nunread > 0 && a.broken == NULL)
		/* the read judge's words: a link, missing, unreadable */
		(void)ctx_model(ctx, &reader_workflow, a.unread, WORKFLOW_CAP,
		    f, NULL);
	else if (a.nunread > 0) {
		finding_result(f, RESULT_UNKNOWN, "%s:%d cannot be read as a "
		    "workflow (%s)%s: a person should look at it",
		    a.unread->path, a.broken->error_line, a.broken->error,
		    a.nunread > 1 ? ", nor can others" : "");
		finding_evidence(f, a.unread->path, a.broken->error_line,
		    NULL);
	} else
		report_clean(&a, f);
	if (a.note.len > 0)
		finding_detail(f, "%s", a.note.buf);
	finding_places_release(&a.problems);
	strbuf_release(&a.note);
	return 0;
}
