/* baseline.c: the pre-commit check's decision: what the index makes worse than HEAD */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "baseline.h"
#include "compare.h"
#include "finding.h"
#include "json.h"
#include "xalloc.h"

int
baseline_fails(const struct finding *f, int strict)
{
	if (f->result == RESULT_FAIL)
		return f->level == LEVEL_ERROR;
	return strict && f->result == RESULT_UNKNOWN;
}

struct baseline *
baseline_new(const struct repo_result *was, const struct repo_result *now,
    const char *head, int strict)
{
	struct repo_result none;
	struct comparison cmp;
	struct baseline *b;
	struct baseline_rule *br;
	size_t i;
	int fails;

	b = xcalloc(1, sizeof(*b));
	memset(&none, 0, sizeof(none));
	b->has_head = was != NULL;
	if (was != NULL && head != NULL)
		snprintf(b->head, sizeof(b->head), "%s", head);
	compare_results(was != NULL ? was : &none, now, &cmp);
	b->v = xcalloc(now->nfindings + 1, sizeof(*b->v));
	/* compare_results() lists now's findings first, in their order. */
	for (i = 0; i < now->nfindings; i++) {
		br = &b->v[b->n++];
		br->rule = cmp.v[i].rule;
		br->was = cmp.v[i].was_status;
		br->change = cmp.v[i].change;
		fails = baseline_fails(&now->findings[i], strict);
		br->blocks = fails && (br->change == CHANGE_REGRESSED ||
		    br->change == CHANGE_NEW);
		br->already = fails && !br->blocks;
		b->nregressed += br->change == CHANGE_REGRESSED;
		b->nblocks += br->blocks;
		b->nalready += br->already;
	}
	comparison_release(&cmp);
	return b;
}

void
baseline_free(struct baseline *b)
{
	if (b == NULL)
		return;
	free(b->v);
	free(b);
}

void
baseline_json(struct json *j, const struct baseline *b)
{
	size_t i;

	json_object_begin(j, "baseline");
	if (b->has_head)
		json_string(j, "head", b->head);
	else
		json_null(j, "head");
	json_int(j, "regressed", (long long)b->nregressed);
	json_int(j, "blocking", (long long)b->nblocks);
	json_array_begin(j, "already_failing");
	for (i = 0; i < b->n; i++)
		if (b->v[i].already)
			json_string(j, NULL, b->v[i].rule);
	json_array_end(j);
	json_array_begin(j, "rules");
	for (i = 0; i < b->n; i++) {
		json_object_begin(j, NULL);
		json_string(j, "rule", b->v[i].rule);
		if (b->v[i].change == CHANGE_NEW)
			json_null(j, "head_status");
		else
			json_string(j, "head_status",
			    wg_status_name(b->v[i].was));
		json_string(j, "change", change_name(b->v[i].change));
		json_bool(j, "blocks", b->v[i].blocks);
		json_object_end(j);
	}
	json_array_end(j);
	json_object_end(j);
}
