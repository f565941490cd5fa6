/* check.c: one repository from path to findings */
#define _GNU_SOURCE
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <git2.h>

#include "check.h"
#include "error.h"
#include "options.h"
#include "rulecheck.h"
#include "rules.h"
#include "ruleset.h"
#include "strbuf.h"
#include "tree.h"
#include "xalloc.h"

#define REPO_CONFIG		".ecocheck.ini"
#define REPO_CONFIG_MAX		(256 * 1024)

struct history_cache {
	struct history_opts	 opts;
	struct history		 h;
	int			 rc;
	struct history_cache	*next;
};

static int	 open_repo(const char *, git_repository **);
static int	 open_tree(const struct options *, git_repository *,
		    struct repo_result *, struct tree **);
static int	 load_rules(const struct options *, struct check_ctx *,
		    struct repo_result *);
static void	 run_rules(struct check_ctx *, struct repo_result *);

/* A rules argument names a file when it has a '/' or ends in ".ini". */
static int
is_rule_file(const char *s)
{
	size_t n;

	n = strlen(s);
	return strchr(s, '/') != NULL || (n > 4 &&
	    strcmp(s + n - 4, ".ini") == 0);
}

static int
open_repo(const char *path, git_repository **repo)
{
	struct stat st;
	int rc;

	if (stat(path, &st) == -1)
		return ec_error("%s: %s", path, strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return ec_error("%s: not a directory", path);
	rc = git_repository_open_ext(repo, path, 0, NULL);
	if (rc == GIT_ENOTFOUND)
		return ec_error("%s: not a git repository", path);
	if (rc < 0)
		return ec_error("%s: %s", path, ec_git_error());
	return 0;
}

static int
open_tree(const struct options *o, git_repository *repo,
    struct repo_result *res, struct tree **t)
{
	if (o->staged) {
		if (res->bare)
			return ec_error("%s: --staged needs a repository with "
			    "a working tree", res->path);
		return tree_open_index(t, repo);
	}
	if (o->rev != NULL)
		return tree_open_commit(t, repo, o->rev);
	if (res->bare) {
		if (res->empty)
			return ec_error("%s: bare repository with no commits",
			    res->path);
		return tree_open_commit(t, repo, NULL);
	}
	return tree_open_worktree(t, repo);
}

/* The commit whose history counts: --rev, else HEAD when there is one. */
static int
find_head(const struct options *o, git_repository *repo,
    struct check_ctx *ctx, struct repo_result *res)
{
	git_object *obj;
	git_reference *ref;

	if (o->rev != NULL) {
		git_object *c;

		if (git_revparse_single(&obj, repo, o->rev) < 0)
			return ec_error("%s: --rev %s: %s", res->path, o->rev,
			    ec_git_error());
		if (git_object_peel(&c, obj, GIT_OBJECT_COMMIT) < 0) {
			git_object_free(obj);
			return ec_error("%s: --rev %s: not a commit",
			    res->path, o->rev);
		}
		git_oid_cpy(&ctx->head, git_object_id(c));
		git_object_free(c);
		git_object_free(obj);
		ctx->has_head = 1;
		return 0;
	}
	if (git_repository_head(&ref, repo) < 0) {
		if (res->empty)
			return 0;
		return ec_error("%s: HEAD: %s", res->path, ec_git_error());
	}
	if (git_reference_peel(&obj, ref, GIT_OBJECT_COMMIT) < 0) {
		git_reference_free(ref);
		return ec_error("%s: HEAD: %s", res->path, ec_git_error());
	}
	git_oid_cpy(&ctx->head, git_object_id(obj));
	ctx->has_head = 1;
	git_object_free(obj);
	git_reference_free(ref);
	return 0;
}

static int
set_window(const struct options *o, struct check_ctx *ctx,
    struct repo_result *res)
{
	git_commit *c;

	if (o->as_of_head) {
		if (!ctx->has_head)
			return ec_error("%s: --as-of HEAD: the repository has "
			    "no commits", res->path);
		if (git_commit_lookup(&c, ctx->repo, &ctx->head) < 0)
			return ec_error("%s: HEAD: %s", res->path,
			    ec_git_error());
		ctx->as_of = (int64_t)git_commit_committer(c)->when.time;
		git_commit_free(c);
	} else if (o->has_as_of)
		ctx->as_of = o->as_of;
	else
		ctx->as_of = (int64_t)time(NULL);
	res->as_of = ctx->as_of;
	res->days = res->rs.window_days;
	res->start = res->as_of - (int64_t)res->days * 86400;
	return 0;
}

/* The repository's own .ecocheck.ini, read through the tree source. */
static int
load_repo_config(struct check_ctx *ctx, struct repo_result *res)
{
	const struct tree_entry *e;
	struct strbuf sb = STRBUF_INIT;
	char *name;
	int trunc, rc;

	e = tree_lookup(ctx->tree, REPO_CONFIG, 0);
	if (e == NULL)
		return 0;
	if (ctx->tree->kind == TREE_WORKTREE)
		name = xasprintf("%s/%s", res->abspath, REPO_CONFIG);
	else if (ctx->tree->kind == TREE_INDEX)
		name = xasprintf("%s/%s (staged)", res->abspath, REPO_CONFIG);
	else
		name = xasprintf("%s/%s (commit %.12s)", res->abspath,
		    REPO_CONFIG, res->head);
	rc = tree_read(ctx->tree, e, REPO_CONFIG_MAX, &sb, &trunc);
	if (rc == TREE_ELINK)
		rc = ec_error("%s: a symbolic link; not followed", name);
	else if (rc == 0 && trunc)
		rc = ec_error("%s: larger than %d bytes", name,
		    REPO_CONFIG_MAX);
	else if (rc == 0)
		rc = ruleset_add_repo_buffer(&res->rs, name, sb.buf, sb.len);
	else if (rc == TREE_EMISSING)
		rc = 0;		/* deleted from the working tree: none */
	else if (rc != -1)
		rc = ec_error("%s: cannot be read", name);
	free(name);
	strbuf_release(&sb);
	return rc;
}

static int
load_rules(const struct options *o, struct check_ctx *ctx,
    struct repo_result *res)
{
	const char *eq;
	char *name;
	size_t i;

	for (i = 0; i < o->rules.n; i++)
		if (!is_rule_file(o->rules.v[i]) &&
		    ruleset_add_name(&res->rs, o->rules.v[i]) == -1)
			return -1;
	if (o->rules.n == 0 &&
	    ruleset_add_name(&res->rs, "pytorch-ecosystem") == -1)
		return -1;
	if (!o->no_repo_config && load_repo_config(ctx, res) == -1)
		return -1;
	for (i = 0; i < o->rules.n; i++)
		if (is_rule_file(o->rules.v[i]) &&
		    ruleset_add_file(&res->rs, o->rules.v[i]) == -1)
			return -1;
	for (i = 0; i < o->sets.n; i++)
		if (ruleset_set(&res->rs, o->sets.v[i]) == -1)
			return -1;
	for (i = 0; i < o->facts.n; i++) {
		eq = strchr(o->facts.v[i], '=');
		name = xstrndup(o->facts.v[i], (size_t)(eq - o->facts.v[i]));
		ruleset_fact(&res->rs, name, eq + 1, "--fact");
		free(name);
	}
	return rulecheck_finish(&res->rs);
}

/* Run one rule: skipped when off, or when it reads history with --staged. */
static void
run_one(struct check_ctx *ctx, const struct rule *r, struct finding *f)
{
	finding_init(f, r);
	if (r->level == LEVEL_OFF)
		finding_result(f, RESULT_SKIP, "disabled (level off)");
	else if (ctx->staged && (r->type->flags & RULE_HISTORY))
		finding_result(f, RESULT_SKIP, "history is not read with "
		    "--staged");
	else
		r->type->check(r, ctx, f);
}

static void
copy_evidence(struct finding *to, const struct finding *from)
{
	size_t i;

	for (i = 0; i < from->nev; i++)
		finding_evidence(to, from->ev[i].path, from->ev[i].line,
		    from->ev[i].note);
}

/*
 * An alternative that passes makes the rule pass (GOVERNANCE.md, or else
 * MAINTAINERS.md with a governance section): its message and evidence.
 */
static void
fold_alternative(struct finding *f, const struct rule *other,
    const struct finding *of)
{
	const struct rule *r = f->rule;
	char *msg;

	msg = xasprintf("%s (alternative %s)", of->message, other->id);
	finding_release(f);
	finding_init(f, r);
	finding_result(f, RESULT_PASS, "%s", msg);
	free(msg);
	copy_evidence(f, of);
}

/*
 * A hint that passes is named in the failure: the governance section
 * inside CONTRIBUTING.md that does not count.
 */
static void
fold_hint(struct finding *f, const struct rule *other,
    const struct finding *of)
{
	char *msg;

	msg = xasprintf("%s; found instead: %s (%s)", f->message != NULL ?
	    f->message : "", of->message, other->title != NULL ?
	    other->title : other->id);
	free(f->message);
	f->message = msg;
	copy_evidence(f, of);
}

/*
 * For a rule that did not pass, run the rules its key (alternative,
 * hint) names, and fold each that passes into its finding.
 */
static void
fold_rules(struct check_ctx *ctx, const char *key, struct finding *f,
    void (*fold)(struct finding *, const struct rule *,
    const struct finding *))
{
	const struct rule_key *k;
	const struct rule *other;
	struct finding of;
	size_t i;

	k = rule_key(f->rule, key);
	for (i = 0; k != NULL && i < k->n && f->result != RESULT_PASS; i++) {
		other = ruleset_find(ctx->rs, k->v[i].value);
		if (other == NULL)
			continue;
		run_one(ctx, other, &of);
		if (of.result == RESULT_PASS)
			fold(f, other, &of);
		finding_release(&of);
	}
}

static void
run_rules(struct check_ctx *ctx, struct repo_result *res)
{
	const struct rule *r;
	struct finding *f;
	size_t i;

	res->findings = xcalloc(res->rs.nrules + 1, sizeof(*res->findings));
	for (i = 0; i < res->rs.nrules; i++) {
		r = res->rs.rules[i];
		if (!rule_bool(r, "report", 1))
			continue;
		f = &res->findings[res->nfindings++];
		run_one(ctx, r, f);
		if (f->result != RESULT_SKIP) {
			fold_rules(ctx, "alternative", f, fold_alternative);
			fold_rules(ctx, "hint", f, fold_hint);
		}
		res->counts[f->result]++;
		if (f->result == RESULT_FAIL && f->level == LEVEL_ERROR)
			res->errors_failed++;
		if (f->result == RESULT_UNKNOWN)
			res->unknown_failed++;
	}
}

static void
history_cache_free(struct history_cache *hc)
{
	struct history_cache *next;

	for (; hc != NULL; hc = next) {
		next = hc->next;
		history_release(&hc->h);
		free(hc);
	}
}

const struct md_file *
check_markdown(struct check_ctx *ctx, const struct tree_entry *e, size_t cap)
{
	struct md_file *m;

	for (m = ctx->mdcache; m != NULL; m = m->next)
		if (m->e == e && m->cap == cap)
			return m;
	m = xcalloc(1, sizeof(*m));
	m->e = e;
	m->cap = cap;
	strbuf_init(&m->text);
	m->rc = tree_read(ctx->tree, e, cap, &m->text, &m->truncated);
	if (m->rc == 0 && md_parse(m->text.buf, m->text.len, &m->doc) == -1)
		m->rc = -1;
	m->next = ctx->mdcache;
	ctx->mdcache = m;
	return m;
}

static void
md_cache_free(struct md_file *m)
{
	struct md_file *next;

	for (; m != NULL; m = next) {
		next = m->next;
		strbuf_release(&m->text);
		md_doc_free(&m->doc);
		free(m);
	}
}

const struct history *
check_history(struct check_ctx *ctx, const struct history_opts *ho)
{
	struct history_cache *hc;

	for (hc = ctx->hcache; hc != NULL; hc = hc->next)
		if (memcmp(&hc->opts, ho, sizeof(*ho)) == 0)
			return hc->rc == 0 ? &hc->h : NULL;
	if (!ctx->mailmap_loaded) {
		ctx->mailmap_loaded = 1;
		if (history_mailmap(ctx->tree, &ctx->mailmap) == -1)
			ctx->mailmap = NULL;
	}
	hc = xcalloc(1, sizeof(*hc));
	hc->opts = *ho;
	hc->next = ctx->hcache;
	ctx->hcache = hc;
	hc->rc = history_walk(ctx->repo, &ctx->head, ctx->mailmap, ho, &hc->h);
	return hc->rc == 0 ? &hc->h : NULL;
}

int
check_repository(const struct options *o, const char *path,
    struct repo_result *res)
{
	struct check_ctx ctx;
	git_repository *repo;
	struct tree *t;
	const char *dir;
	int rc;

	memset(res, 0, sizeof(*res));
	memset(&ctx, 0, sizeof(ctx));
	ruleset_init(&res->rs);
	res->path = xstrdup(path);
	repo = NULL;
	t = NULL;
	if (open_repo(path, &repo) == -1)
		return -1;
	res->bare = git_repository_is_bare(repo);
	res->shallow = git_repository_is_shallow(repo);
	res->empty = git_repository_head_unborn(repo) == 1 ||
	    git_repository_is_empty(repo) == 1;
	dir = res->bare ? git_repository_path(repo) :
	    git_repository_workdir(repo);
	res->abspath = xstrdup(dir);
	if (strlen(res->abspath) > 1 &&
	    res->abspath[strlen(res->abspath) - 1] == '/')
		res->abspath[strlen(res->abspath) - 1] = '\0';
	ctx.repo = repo;
	ctx.rs = &res->rs;
	ctx.staged = o->staged;
	rc = -1;
	if (find_head(o, repo, &ctx, res) == -1)
		goto out;
	if (ctx.has_head)
		git_oid_tostr(res->head, sizeof(res->head), &ctx.head);
	res->has_head = ctx.has_head;
	if (open_tree(o, repo, res, &t) == -1)
		goto out;
	ctx.tree = t;
	res->source = tree_kind_name(t->kind);
	if (load_rules(o, &ctx, res) == -1)
		goto out;
	if (set_window(o, &ctx, res) == -1)
		goto out;
	if (!o->list_rules)
		run_rules(&ctx, res);
	rc = ctx.fatal ? -1 : 0;
out:
	history_cache_free(ctx.hcache);
	md_cache_free(ctx.mdcache);
	if (ctx.mailmap != NULL)
		git_mailmap_free(ctx.mailmap);
	if (t != NULL)
		tree_free(t);
	git_repository_free(repo);
	return rc;
}

void
repo_result_release(struct repo_result *res)
{
	size_t i;

	for (i = 0; i < res->nfindings; i++)
		finding_release(&res->findings[i]);
	free(res->findings);
	free(res->path);
	free(res->abspath);
	ruleset_release(&res->rs);
	memset(res, 0, sizeof(*res));
}
