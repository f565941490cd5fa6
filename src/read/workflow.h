/*
 * workflow.h: what a GitHub Actions workflow file says about its own
 * safety, for the "workflows" rule type: the top-level permissions of
 * its token, the triggers that run with the base repository's secrets
 * (pull_request_target, workflow_run), the checkouts of a pull request's
 * code, the untrusted expressions expanded into scripts, and every action
 * or reusable workflow it uses, each with its line.
 */
#ifndef EC_READ_WORKFLOW_H
#define EC_READ_WORKFLOW_H

#include <stddef.h>

struct reader;

struct wf_hit {
	int	 line;		/* 1-based */
	char	*text;		/* what is there: "actions/checkout@v4",
				   its first 100 bytes */
	int	 pinned;	/* a uses: value naming a full commit */
};

struct wf_hits {
	struct wf_hit	*v;
	size_t		 n;
	size_t		 alloc;
};

struct workflow {
	int		 perm_line;	/* top-level permissions:, or 0 */
	char		*perm_value;	/* its scalar ("write-all"), or NULL */
	struct wf_hits	 perm_writes;	/* top-level scopes given write */
	int		 prt_line;	/* on: pull_request_target, or 0 */
	int		 wfrun_line;	/* on: workflow_run, or 0 */
	struct wf_hits	 uses;		/* steps' and jobs' uses: values */
	struct wf_hits	 pr_checkouts;	/* checkouts of a pull request's
					   head: the ref given */
	struct wf_hits	 injections;	/* run: scripts expanding an
					   untrusted expression: it */
	char		*error;		/* why it could not be read, or NULL */
	int		 error_line;
};

/*
 * Whether the n bytes of uses (an action or reusable workflow) name a
 * full commit, or this repository's own action.
 */
int	 workflow_pinned(const char *, size_t);

extern const struct reader reader_workflow;

#endif
