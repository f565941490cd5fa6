/* nearest.c: the closest of some names to one mistyped (see nearest.h) */
#include "config.h"

#include <string.h>

#include "nearest.h"
#include "strbuf.h"

static unsigned	 distance(const char *, const char *);
static int	 fold(int);

/* An ASCII letter in lower case: names are ASCII, and case is no edit. */
static int
fold(int ch)
{
	return ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch;
}

/* Levenshtein distance of a and b, both shorter than 63 bytes. */
static unsigned
distance(const char *a, const char *b)
{
	unsigned d[64], prev, tmp;
	size_t la, lb, i, j;

	la = strlen(a);
	lb = strlen(b);
	for (j = 0; j <= lb; j++)
		d[j] = (unsigned)j;
	for (i = 1; i <= la; i++) {
		prev = d[0];
		d[0] = (unsigned)i;
		for (j = 1; j <= lb; j++) {
			tmp = d[j];
			d[j] = prev + (fold((unsigned char)a[i - 1]) !=
			    fold((unsigned char)b[j - 1]));
			if (tmp + 1 < d[j])
				d[j] = tmp + 1;
			if (d[j - 1] + 1 < d[j])
				d[j] = d[j - 1] + 1;
			prev = tmp;
		}
	}
	return d[lb];
}

void
nearest_init(struct nearest *ne, const char *name)
{
	ne->name = name;
	ne->best = NULL;
	ne->tie = NULL;
	ne->dist = 3;		/* two edits at most */
	ne->ntied = 0;
}

void
nearest_try(struct nearest *ne, const char *cand)
{
	size_t la;
	unsigned d;

	la = strlen(ne->name);
	/* The name itself is no guess; a long one is no typo of a name. */
	if (la >= 63 || strlen(cand) >= 63 || strcmp(ne->name, cand) == 0)
		return;
	d = distance(ne->name, cand);
	/* A one-letter name is as near every other: no guess. */
	if (d >= la || d > ne->dist)
		return;
	if (d == ne->dist) {
		if (ne->best != NULL && strcmp(ne->best, cand) != 0 &&
		    (ne->tie == NULL || strcmp(ne->tie, cand) != 0)) {
			if (ne->tie == NULL)
				ne->tie = cand;
			ne->ntied++;
		}
		return;
	}
	ne->dist = d;
	ne->best = cand;
	ne->tie = NULL;
	ne->ntied = 1;
}

int
nearest_add(const struct nearest *ne, struct strbuf *sb, const char *pre,
    const char *post)
{
	if (ne->best == NULL || ne->ntied > 2)
		return 0;
	strbuf_addf(sb, "%s%s%s", pre, ne->best, post);
	if (ne->tie != NULL)
		strbuf_addf(sb, " or %s%s%s", pre, ne->tie, post);
	return 1;
}

void
nearest_say(const struct nearest *ne, struct strbuf *sb)
{
	struct strbuf names = STRBUF_INIT;

	if (nearest_add(ne, &names, "'", "'"))
		strbuf_addf(sb, " (did you mean %s?)", names.buf);
	strbuf_release(&names);
}
