/* mailmap.c: the .mailmap reader, git's rules on a buffer, without git */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "mailmap.h"
#include "strbuf.h"
#include "xalloc.h"

static char	*xstrdup_lower(const char *);
static int	 parse_ident(char *, char **, char **, int, char **);
static void	 parse_line(struct mailmap *, char *, size_t);
static int	 same_key(const struct mailmap_entry *,
		    const struct mailmap_entry *);
static int	 entry_cmp(const void *, const void *);
static void	 entry_free(struct mailmap_entry *);

static char *
xstrdup_lower(const char *s)
{
	char *d, *p;

	d = xstrdup(s);
	for (p = d; *p != '\0'; p++)
		*p = (char)ascii_tolower((unsigned char)*p);
	return d;
}

/*
 * git's parse_name_and_email(): "Name <email>" at the start of buf, name
 * trimmed (NULL when empty). Cuts buf in place; *rest gets what follows
 * the '>' when something does, else NULL.
 */
static int
parse_ident(char *buf, char **name, char **email, int allow_empty,
    char **rest)
{
	char *left, *right, *nstart, *nend;

	*name = *email = *rest = NULL;
	if ((left = strchr(buf, '<')) == NULL)
		return -1;
	if ((right = strchr(left + 1, '>')) == NULL)
		return -1;
	if (!allow_empty && left + 1 == right)
		return -1;
	nstart = buf;
	while (nstart < left && ascii_isspace((unsigned char)*nstart))
		nstart++;
	nend = left;
	while (nend > nstart && ascii_isspace((unsigned char)nend[-1]))
		nend--;
	*name = nstart < nend ? nstart : NULL;
	*email = left + 1;
	*nend = '\0';
	*right++ = '\0';
	if (*right != '\0')
		*rest = right;
	return 0;
}

/* git's read_mailmap_line(): one NUL-terminated line, cut in place. */
static void
parse_line(struct mailmap *mm, char *line, size_t lineno)
{
	char *name1, *email1, *name2, *email2, *rest, *p;
	struct mailmap_entry *e;

	if (line[0] == '#')
		return;
	name2 = email2 = NULL;
	if (parse_ident(line, &name1, &email1, 0, &rest) == -1)
		return;
	if (rest != NULL && parse_ident(rest, &name2, &email2, 1, &p) == -1)
		name2 = email2 = NULL;
	if (email2 == NULL) {
		/* "Name <email>": any name with that email */
		email2 = email1;
		email1 = NULL;
	}
	XGROW(mm->e, mm->n + 1, mm->alloc);
	e = &mm->e[mm->n++];
	e->name = name1 != NULL ? xstrdup(name1) : NULL;
	e->email = email1 != NULL ? xstrdup(email1) : NULL;
	e->old_name = name2 != NULL ? xstrdup(name2) : NULL;
	e->old_email = xstrdup(email2);
	e->line = lineno;
}

void
mailmap_parse(struct mailmap *mm, const char *buf, size_t len)
{
	struct strbuf line = STRBUF_INIT;
	const char *p, *end, *nl;
	size_t lineno;

	end = buf + len;
	lineno = 0;
	for (p = buf; p < end; p = nl + 1) {
		lineno++;
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		strbuf_reset(&line);
		strbuf_add(&line, p, (size_t)(nl - p));
		if (line.len > 0)
			parse_line(mm, line.buf, lineno);
		if (nl == end)
			break;
	}
	strbuf_release(&line);
}

/* Do the entries map the same (lowercased) email and name? */
static int
same_key(const struct mailmap_entry *x, const struct mailmap_entry *y)
{
	if (strcmp(x->old_email, y->old_email) != 0)
		return 0;
	if (x->old_name == NULL || y->old_name == NULL)
		return x->old_name == y->old_name;
	return strcmp(x->old_name, y->old_name) == 0;
}

/* By key, then file order (lines are distinct). */
static int
entry_cmp(const void *a, const void *b)
{
	const struct mailmap_entry *x = a, *y = b;
	int c;

	if ((c = strcmp(x->old_email, y->old_email)) != 0)
		return c;
	if (x->old_name == NULL || y->old_name == NULL) {
		if (x->old_name != y->old_name)
			return x->old_name == NULL ? -1 : 1;
	} else if ((c = strcmp(x->old_name, y->old_name)) != 0)
		return c;
	return x->line < y->line ? -1 : x->line > y->line;
}

static void
entry_free(struct mailmap_entry *e)
{
	free(e->name);
	free(e->email);
	free(e->old_name);
	free(e->old_email);
}

void
mailmap_merge(struct mailmap *mm)
{
	struct mailmap_entry *r, *out;
	char *lo;
	size_t i, j, n;

	r = mm->e;
	for (i = 0; i < mm->n; i++) {
		lo = xstrdup_lower(r[i].old_email);
		free(r[i].old_email);
		r[i].old_email = lo;
		if (r[i].old_name != NULL) {
			lo = xstrdup_lower(r[i].old_name);
			free(r[i].old_name);
			r[i].old_name = lo;
		}
	}
	if (mm->n > 1)
		qsort(r, mm->n, sizeof(*r), entry_cmp);
	n = 0;
	for (i = 0; i < mm->n; i = j) {
		out = &r[i];
		for (j = i + 1; j < mm->n && same_key(&r[i], &r[j]); j++) {
			if (r[i].old_name == NULL) {
				if (r[j].name != NULL) {
					free(out->name);
					out->name = r[j].name;
					r[j].name = NULL;
				}
				if (r[j].email != NULL) {
					free(out->email);
					out->email = r[j].email;
					r[j].email = NULL;
				}
			} else {
				free(out->name);
				free(out->email);
				out->name = r[j].name;
				out->email = r[j].email;
				r[j].name = r[j].email = NULL;
			}
			entry_free(&r[j]);
		}
		if (out->name == NULL && out->email == NULL)
			entry_free(out);
		else
			r[n++] = *out;
	}
	mm->n = n;
}

void
mailmap_release(struct mailmap *mm)
{
	size_t i;

	for (i = 0; i < mm->n; i++)
		entry_free(&mm->e[i]);
	free(mm->e);
	mm->e = NULL;
	mm->n = mm->alloc = 0;
}
