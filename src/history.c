/*
 * history.c: the commits and authors of a date window, walked as git
 * walks them.
 *
 * "git rev-list --since=S --until=E TIP" (no limiting option) pops
 * commits newest first by committer date, equal dates in the order they
 * were queued. A popped commit older than S is dropped without looking
 * at its parents, so a path to older history is cut there (also by a
 * child whose clock was behind its parent's); a commit newer than E is
 * walked through but not shown. Commits are read raw from the object
 * database and only the header lines needed are parsed, so the cost is
 * that of the commits at or after S that are reachable that way, plus
 * their parents.
 *
 * Authors are what "git log --use-mailmap --format=%aE" prints, keyed
 * without case. The .mailmap is read with git's rules by mailmap.c and
 * handed to libgit2 with lowercased keys. Co-authors come from the
 * Co-authored-by: trailers that trailer.c finds as git's trailer parser
 * does.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "ascii.h"
#include "error.h"
#include "history.h"
#include "mailmap.h"
#include "strbuf.h"
#include "trailer.h"
#include "tree.h"
#include "xalloc.h"

#define MAILMAP_CAP	(1024 * 1024)	/* bytes of .mailmap read */
#define HEX_LEN		40		/* SHA-1 object names */

/* A set of object ids: open addressing, the id's bytes are the hash. */
struct oidslot {
	git_oid		 oid;
	unsigned char	 used;
};

struct oidset {
	struct oidslot	*slots;
	size_t		 n;
	size_t		 cap;		/* 0 or a power of two */
};

/* A commit read and queued, with its object kept until it is popped. */
struct wnode {
	git_oid		 oid;
	uint64_t	 date;		/* committer date, as git parses it */
	uint64_t	 seq;		/* queue order, for equal dates */
	git_odb_object	*obj;
	const char	*buf;
	const char	*end;
	const char	*parents;	/* first "parent " line */
	size_t		 nparents;
};

/* What a trailer callback needs to count a co-author. */
struct coauthor_arg {
	struct walk	*w;
	int64_t		 when;
};

struct walk {
	git_odb			*odb;
	git_mailmap		*mm;
	const struct history_opts *opts;
	struct history		*out;
	uint64_t		 since;
	uint64_t		 until;
	int			 none;		/* until < 0: nothing counts */
	struct wnode		*heap;
	size_t			 nheap;
	size_t			 aheap;
	uint64_t		 seq;
	struct oidset		 seen;
	struct oidset		 shallow;
	size_t			*aslots;	/* author index + 1, 0 empty */
	size_t			 acap;
	size_t			*amark;		/* per author: last commit */
	size_t			 amarkalloc;
	size_t			 ncounted;
	struct strbuf		 path;		/* for messages */
	struct strbuf		 name;
	struct strbuf		 email;
	struct strbuf		 lname;
	struct strbuf		 lemail;
	struct strbuf		 key;
};

static void	 lower_into(struct strbuf *, const char *, size_t);
static int	 has_prefix(const char *, const char *, const char *);
static uint64_t	 oid_hash(const git_oid *);
static size_t	 str_hash(const char *);
static int	 oidset_add(struct oidset *, const git_oid *);
static int	 oidset_has(const struct oidset *, const git_oid *);
static void	 oidset_free(struct oidset *);
static int	 commit_error(struct walk *, const git_oid *, const char *);
static uint64_t	 parse_u64(const char *, const char *);
static uint64_t	 commit_date(const char *, const char *);
static int	 parse_header(struct walk *, struct wnode *);
static int	 read_commit(struct walk *, const git_oid *, struct wnode *);
static int	 node_before(const struct wnode *, const struct wnode *);
static void	 heap_push(struct walk *, const struct wnode *);
static void	 heap_pop(struct walk *, struct wnode *);
static void	 enqueue(struct walk *, struct wnode *);
static void	 load_shallow(struct walk *, git_repository *);
static int	 expand(struct walk *, struct wnode *, size_t *);
static int64_t	 ident_time(const char *, const char *);
static size_t	 author_slot(struct walk *, const char *);
static void	 author_add(struct walk *, const char *, const char *,
		    int64_t, int);
static void	 identity_add(struct walk *, const char *, size_t,
		    const char *, size_t, int64_t, int);
static void	 count_commit(struct walk *, const struct wnode *, size_t);
static const char *next_line(const char *, const char *);
static int	 coauthor(const struct trailer *, void *);
static int	 mm_add(git_mailmap *, const char *, size_t);
static int	 author_cmp(const void *, const void *);
static int	 walk_init(struct walk *, git_repository *, git_mailmap *,
		    const struct history_opts *, struct history *);
static void	 walk_free(struct walk *);

static void
lower_into(struct strbuf *sb, const char *s, size_t n)
{
	size_t i;

	strbuf_reset(sb);
	strbuf_add(sb, s, n);
	for (i = 0; i < sb->len; i++)
		sb->buf[i] = (char)ascii_tolower((unsigned char)sb->buf[i]);
}

/* Does [s, end) start with the string p? */
static int
has_prefix(const char *s, const char *end, const char *p)
{
	size_t n;

	n = strlen(p);
	return (size_t)(end - s) >= n && memcmp(s, p, n) == 0;
}

/* FNV-1a */
static size_t
str_hash(const char *s)
{
	const unsigned char *p;
	uint64_t h;

	h = 14695981039346656037ULL;
	for (p = (const unsigned char *)s; *p != '\0'; p++)
		h = (h ^ *p) * 1099511628211ULL;
	return (size_t)h;
}

static uint64_t
oid_hash(const git_oid *id)
{
	uint64_t h;

	memcpy(&h, id->id, sizeof(h));
	return h;
}

/* Add id; 1 if it was new, 0 if already there. */
static int
oidset_add(struct oidset *s, const git_oid *id)
{
	struct oidslot *old;
	size_t i, mask, oldcap;

	if (2 * (s->n + 1) > s->cap) {
		old = s->slots;
		oldcap = s->cap;
		s->cap = oldcap == 0 ? 1024 : oldcap * 2;
		s->slots = xcalloc(s->cap, sizeof(*s->slots));
		s->n = 0;
		for (i = 0; i < oldcap; i++)
			if (old[i].used)
				oidset_add(s, &old[i].oid);
		free(old);
	}
	mask = s->cap - 1;
	for (i = oid_hash(id) & mask; s->slots[i].used; i = (i + 1) & mask)
		if (git_oid_equal(&s->slots[i].oid, id))
			return 0;
	git_oid_cpy(&s->slots[i].oid, id);
	s->slots[i].used = 1;
	s->n++;
	return 1;
}

static int
oidset_has(const struct oidset *s, const git_oid *id)
{
	size_t i, mask;

	if (s->cap == 0)
		return 0;
	mask = s->cap - 1;
	for (i = oid_hash(id) & mask; s->slots[i].used; i = (i + 1) & mask)
		if (git_oid_equal(&s->slots[i].oid, id))
			return 1;
	return 0;
}

static void
oidset_free(struct oidset *s)
{
	free(s->slots);
	s->slots = NULL;
	s->n = s->cap = 0;
}

/*
 * Add the .mailmap text to mm, merged the git way (see mailmap.h). Keys
 * are lowercased, as git compares them without case; lookups lowercase
 * too. libgit2 cannot key an entry by an empty email: those are left out.
 */
static int
mm_add(git_mailmap *mm, const char *text, size_t len)
{
	struct mailmap m = MAILMAP_INIT;
	const struct mailmap_entry *e;
	size_t i;
	int rc;

	mailmap_parse(&m, text, len);
	mailmap_merge(&m);
	rc = 0;
	for (i = 0; i < m.n && rc == 0; i++) {
		e = &m.e[i];
		if (*e->old_email == '\0')
			continue;
		if (git_mailmap_add_entry(mm, e->name, e->email, e->old_name,
		    e->old_email) < 0)
			rc = ec_error(".mailmap: %s", ec_git_error());
	}
	mailmap_release(&m);
	return rc;
}

int
history_mailmap(const struct tree *t, git_mailmap **out)
{
	struct strbuf sb = STRBUF_INIT;
	const struct tree_entry *e;
	git_mailmap *mm;
	int rc, truncated;

	*out = NULL;
	if (git_mailmap_new(&mm) < 0)
		return ec_error("mailmap: %s", ec_git_error());
	e = t != NULL ? tree_lookup(t, ".mailmap", 0) : NULL;
	if (e == NULL) {
		*out = mm;
		return 0;
	}
	truncated = 0;
	rc = tree_read(t, e, MAILMAP_CAP, &sb, &truncated);
	if (rc == -1) {
		git_mailmap_free(mm);
		return -1;
	}
	/* a link, a submodule, gone: git reads no mailmap from it either */
	if (rc == 0) {
		if (truncated) {
			ec_warn(".mailmap: only the first %d bytes are read",
			    MAILMAP_CAP);
			while (sb.len > 0 && sb.buf[sb.len - 1] != '\n')
				sb.len--;
		}
		if (mm_add(mm, sb.buf, sb.len) == -1) {
			strbuf_release(&sb);
			git_mailmap_free(mm);
			return -1;
		}
	}
	strbuf_release(&sb);
	*out = mm;
	return 0;
}

static int
commit_error(struct walk *w, const git_oid *id, const char *why)
{
	char hex[GIT_OID_HEXSZ + 1];

	git_oid_tostr(hex, sizeof(hex), id);
	return ec_error_at(w->path.buf, 0, "commit %s: %s", hex, why);
}

/*
 * strtoumax() as git's parse_timestamp() uses it: digits after an
 * optional sign, a minus wrapping around, overflow saturating.
 */
static uint64_t
parse_u64(const char *p, const char *end)
{
	uint64_t v;
	int neg;

	neg = 0;
	if (p < end && (*p == '-' || *p == '+'))
		neg = *p++ == '-';
	for (v = 0; p < end && ascii_isdigit((unsigned char)*p); p++) {
		if (v > (UINT64_MAX - (uint64_t)(*p - '0')) / 10)
			return UINT64_MAX;
		v = v * 10 + (uint64_t)(*p - '0');
	}
	return neg ? (uint64_t)0 - v : v;
}

/*
 * git's parse_commit_date(): p is the line after the parents, which
 * must be "author", then "committer"; the date follows the committer
 * line's last '>'. Anything malformed is date 0.
 */
static uint64_t
commit_date(const char *p, const char *end)
{
	const char *eol, *d;

	if (end - p <= 6 || memcmp(p, "author", 6) != 0)
		return 0;
	while (p < end && *p++ != '\n')
		;
	if (end - p <= 9 || memcmp(p, "committer", 9) != 0)
		return 0;
	if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
		return 0;
	for (d = eol; d > p && d[-1] != '>'; d--)
		;
	if (d == p)
		return 0;
	while (d < eol && ascii_isspace((unsigned char)*d))
		d++;
	if (d == eol || (!ascii_isdigit((unsigned char)*d) && *d != '-'))
		return 0;
	return parse_u64(d, eol);
}

/* The checks of git's parse_commit_buffer(), and the committer date. */
static int
parse_header(struct walk *w, struct wnode *n)
{
	const char *p, *end;
	git_oid tmp;

	p = n->buf;
	end = n->end;
	if (end - p <= HEX_LEN + 6 || memcmp(p, "tree ", 5) != 0 ||
	    p[HEX_LEN + 5] != '\n')
		return commit_error(w, &n->oid, "bogus commit object");
	if (git_oid_fromstrn(&tmp, p + 5, HEX_LEN) < 0)
		return commit_error(w, &n->oid, "bad tree pointer");
	p += HEX_LEN + 6;
	n->parents = p;
	n->nparents = 0;
	while (end - p > HEX_LEN + 7 && memcmp(p, "parent ", 7) == 0) {
		if (end - p <= HEX_LEN + 8 || p[HEX_LEN + 7] != '\n' ||
		    git_oid_fromstrn(&tmp, p + 7, HEX_LEN) < 0)
			return commit_error(w, &n->oid, "bad parents");
		p += HEX_LEN + 8;
		n->nparents++;
	}
	n->date = commit_date(p, end);
	return 0;
}

/* Read and parse a commit: 0, 1 when the object is missing, -1 error. */
static int
read_commit(struct walk *w, const git_oid *id, struct wnode *n)
{
	int rc;

	memset(n, 0, sizeof(*n));
	git_oid_cpy(&n->oid, id);
	rc = git_odb_read(&n->obj, w->odb, id);
	if (rc == GIT_ENOTFOUND) {
		n->obj = NULL;
		return 1;
	}
	if (rc < 0) {
		n->obj = NULL;
		return commit_error(w, id, ec_git_error());
	}
	if (git_odb_object_type(n->obj) != GIT_OBJECT_COMMIT) {
		rc = commit_error(w, id, "not a commit object");
		git_odb_object_free(n->obj);
		n->obj = NULL;
		return rc;
	}
	n->buf = git_odb_object_data(n->obj);
	n->end = n->buf + git_odb_object_size(n->obj);
	w->out->walked++;
	if (parse_header(w, n) == -1) {
		git_odb_object_free(n->obj);
		n->obj = NULL;
		return -1;
	}
	return 0;
}

/* Newer first; equal dates in queue order, like git's date-sorted list. */
static int
node_before(const struct wnode *a, const struct wnode *b)
{
	if (a->date != b->date)
		return a->date > b->date;
	return a->seq < b->seq;
}

static void
heap_push(struct walk *w, const struct wnode *n)
{
	struct wnode tmp;
	size_t i, up;

	XGROW(w->heap, w->nheap + 1, w->aheap);
	i = w->nheap++;
	w->heap[i] = *n;
	w->heap[i].seq = w->seq++;
	while (i > 0) {
		up = (i - 1) / 2;
		if (!node_before(&w->heap[i], &w->heap[up]))
			break;
		tmp = w->heap[i];
		w->heap[i] = w->heap[up];
		w->heap[up] = tmp;
		i = up;
	}
}

static void
heap_pop(struct walk *w, struct wnode *n)
{
	struct wnode tmp;
	size_t i, c;

	*n = w->heap[0];
	w->heap[0] = w->heap[--w->nheap];
	for (i = 0; (c = 2 * i + 1) < w->nheap; i = c) {
		if (c + 1 < w->nheap && node_before(&w->heap[c + 1],
		    &w->heap[c]))
			c++;
		if (!node_before(&w->heap[c], &w->heap[i]))
			break;
		tmp = w->heap[i];
		w->heap[i] = w->heap[c];
		w->heap[c] = tmp;
	}
}

/*
 * Queue a commit read, or drop it when older than S: git would pop it
 * and drop it without looking further, which changes nothing else. So
 * every commit queued is at or after S.
 */
static void
enqueue(struct walk *w, struct wnode *n)
{
	if (n->date < w->since)
		git_odb_object_free(n->obj);
	else
		heap_push(w, n);
}

/* The commits of .git/shallow: git gives them no parents. */
static void
load_shallow(struct walk *w, git_repository *repo)
{
	struct strbuf path = STRBUF_INIT;
	char line[256];
	git_oid id;
	FILE *fp;

	if (git_repository_is_shallow(repo) <= 0)
		return;
	w->out->shallow = 1;
	strbuf_addstr(&path, git_repository_commondir(repo));
	if (path.len > 0 && path.buf[path.len - 1] != '/')
		strbuf_addch(&path, '/');
	strbuf_addstr(&path, "shallow");
	if ((fp = fopen(path.buf, "r")) == NULL) {
		strbuf_release(&path);
		return;
	}
	while (fgets(line, sizeof(line), fp) != NULL)
		if (strlen(line) >= HEX_LEN &&
		    git_oid_fromstrn(&id, line, HEX_LEN) == 0)
			oidset_add(&w->shallow, &id);
	fclose(fp);
	strbuf_release(&path);
}

/*
 * Queue the parents of n not seen before (git's process_parents()).
 * *np is set to the parents git sees: none for a shallow boundary.
 */
static int
expand(struct walk *w, struct wnode *n, size_t *np)
{
	struct wnode p;
	const char *line;
	git_oid id;
	size_t i;
	int rc;

	*np = n->nparents;
	if (n->nparents > 0 && oidset_has(&w->shallow, &n->oid)) {
		*np = 0;
		w->out->truncated = 1;
		return 0;
	}
	for (i = 0, line = n->parents; i < n->nparents; i++, line +=
	    HEX_LEN + 8) {
		git_oid_fromstrn(&id, line + 7, HEX_LEN);
		if (!oidset_add(&w->seen, &id))
			continue;
		if ((rc = read_commit(w, &id, &p)) == -1)
			return -1;
		if (rc == 1) {
			/* a partial clone or a graft: counts are bounds */
			w->out->truncated = 1;
			continue;
		}
		enqueue(w, &p);
	}
	return 0;
}

/* The seconds after an ident's last '>'; 0 when there are none. */
static int64_t
ident_time(const char *s, const char *e)
{
	const char *d;

	for (d = e; d > s && d[-1] != '>'; d--)
		;
	while (d < e && *d == ' ')
		d++;
	return (int64_t)parse_u64(d, e);
}

/* The slot of key in the author table (grown as needed). */
static size_t
author_slot(struct walk *w, const char *key)
{
	size_t i, j, mask, *old, oldcap;

	if (2 * (w->out->nauthors + 1) > w->acap) {
		old = w->aslots;
		oldcap = w->acap;
		w->acap = oldcap == 0 ? 64 : oldcap * 2;
		w->aslots = xcalloc(w->acap, sizeof(*w->aslots));
		mask = w->acap - 1;
		for (i = 0; i < oldcap; i++) {
			if (old[i] == 0)
				continue;
			j = str_hash(w->out->authors[old[i] - 1].key) & mask;
			while (w->aslots[j] != 0)
				j = (j + 1) & mask;
			w->aslots[j] = old[i];
		}
		free(old);
	}
	mask = w->acap - 1;
	for (i = str_hash(key) & mask; w->aslots[i] != 0; i = (i + 1) & mask)
		if (strcmp(w->out->authors[w->aslots[i] - 1].key, key) == 0)
			break;
	return i;
}

/*
 * Count the identity (w->key, mapped name and email) once for the
 * current commit.
 */
static void
author_add(struct walk *w, const char *name, const char *email,
    int64_t when, int coauthor)
{
	struct history *h = w->out;
	struct history_author *a;
	size_t slot, idx;

	slot = author_slot(w, w->key.buf);
	if (w->aslots[slot] == 0) {
		XGROW(h->authors, h->nauthors + 1, h->alloc);
		XGROW(w->amark, h->nauthors + 1, w->amarkalloc);
		a = &h->authors[h->nauthors];
		memset(a, 0, sizeof(*a));
		a->name = xstrdup(name);
		a->email = xstrdup(email);
		a->key = xstrdup(w->key.buf);
		a->first = when;
		a->coauthor_only = 1;
		w->amark[h->nauthors] = 0;
		w->aslots[slot] = ++h->nauthors;
	}
	idx = w->aslots[slot] - 1;
	a = &h->authors[idx];
	if (w->amark[idx] != w->ncounted) {
		w->amark[idx] = w->ncounted;
		a->commits++;
	}
	if (!coauthor)
		a->coauthor_only = 0;
	if (when < a->first)
		a->first = when;
}

/* Mailmap a name and email and count them (git log --use-mailmap). */
static void
identity_add(struct walk *w, const char *name, size_t nlen,
    const char *email, size_t elen, int64_t when, int coauthor)
{
	const char *rname, *remail;

	strbuf_reset(&w->name);
	strbuf_add(&w->name, name, nlen);
	strbuf_reset(&w->email);
	strbuf_add(&w->email, email, elen);
	rname = w->name.buf;
	remail = w->email.buf;
	if (w->mm != NULL) {
		lower_into(&w->lname, name, nlen);
		lower_into(&w->lemail, email, elen);
		if (git_mailmap_resolve(&rname, &remail, w->mm, w->lname.buf,
		    w->lemail.buf) < 0) {
			rname = w->name.buf;
			remail = w->email.buf;
		}
		if (rname == w->lname.buf)
			rname = w->name.buf;
		if (remail == w->lemail.buf)
			remail = w->email.buf;
	}
	lower_into(&w->key, remail, strlen(remail));
	author_add(w, rname, remail, when, coauthor);
}

static void
count_commit(struct walk *w, const struct wnode *n, size_t np)
{
	const char *p, *eol, *al, *ae;
	struct history *h = w->out;
	struct coauthor_arg ca;
	struct trailer_ident id;
	int64_t when;

	h->commits++;
	if (np > 1)
		h->merges++;
	if (!h->has_first) {
		git_oid_cpy(&h->first_oid, &n->oid);
		h->has_first = 1;
	}
	w->ncounted++;

	/* the last "author " header line, as git's pretty.c takes it */
	al = ae = NULL;
	for (p = n->buf; p < n->end && *p != '\n'; p = next_line(p, n->end)) {
		if ((eol = memchr(p, '\n', (size_t)(n->end - p))) == NULL)
			eol = n->end;
		if (has_prefix(p, eol, "author ")) {
			al = p + 7;
			ae = eol;
		}
	}
	when = 0;
	if (al != NULL && trailer_split_ident(al, (size_t)(ae - al),
	    &id) == 0) {
		when = ident_time(al, ae);
		identity_add(w, id.name, id.namelen, id.email, id.emaillen,
		    when, 0);
	} else {
		/* git prints an unparsable %aE as the placeholder itself */
		strbuf_reset(&w->key);
		strbuf_addstr(&w->key, "%ae");
		author_add(w, "%aN", "%aE", 0, 0);
	}
	/* the message starts at the blank line after the header */
	if (w->opts->coauthors && p < n->end) {
		ca.w = w;
		ca.when = when;
		trailer_each(p, (size_t)(n->end - p), coauthor, &ca);
	}
}

static const char *
next_line(const char *s, const char *end)
{
	const char *nl;

	nl = memchr(s, '\n', (size_t)(end - s));
	return nl == NULL ? end : nl + 1;
}

/* A trailer of the commit counted: add it if it names a co-author. */
static int
coauthor(const struct trailer *t, void *arg)
{
	struct coauthor_arg *ca = arg;
	struct trailer_ident id;

	if (trailer_coauthor(t, &id))
		identity_add(ca->w, id.name, id.namelen, id.email,
		    id.emaillen, ca->when, 1);
	return 0;
}

static int
author_cmp(const void *a, const void *b)
{
	const struct history_author *x = a, *y = b;

	if (x->commits != y->commits)
		return x->commits > y->commits ? -1 : 1;
	return strcmp(x->key, y->key);
}

/* Set up a walk: the bounds, where to read, the shallow boundary. */
static int
walk_init(struct walk *w, git_repository *repo, git_mailmap *mm,
    const struct history_opts *opts, struct history *out)
{
	const char *path;

	memset(w, 0, sizeof(*w));
	strbuf_init(&w->path);
	strbuf_init(&w->name);
	strbuf_init(&w->email);
	strbuf_init(&w->lname);
	strbuf_init(&w->lemail);
	strbuf_init(&w->key);
	w->mm = mm;
	w->opts = opts;
	w->out = out;
	w->since = opts->since <= 0 ? 0 : (uint64_t)opts->since;
	w->none = opts->until < 0;
	w->until = opts->until < 0 ? 0 : (uint64_t)opts->until;
	if ((path = git_repository_workdir(repo)) == NULL)
		path = git_repository_path(repo);
	strbuf_addstr(&w->path, path);
	while (w->path.len > 1 && w->path.buf[w->path.len - 1] == '/')
		strbuf_setlen(&w->path, w->path.len - 1);
	if (git_repository_odb(&w->odb, repo) < 0)
		return ec_error_at(w->path.buf, 0, "%s", ec_git_error());
	load_shallow(w, repo);
	return 0;
}

static void
walk_free(struct walk *w)
{
	size_t i;

	for (i = 0; i < w->nheap; i++)
		git_odb_object_free(w->heap[i].obj);
	free(w->heap);
	free(w->aslots);
	free(w->amark);
	oidset_free(&w->seen);
	oidset_free(&w->shallow);
	git_odb_free(w->odb);
	strbuf_release(&w->path);
	strbuf_release(&w->name);
	strbuf_release(&w->email);
	strbuf_release(&w->lname);
	strbuf_release(&w->lemail);
	strbuf_release(&w->key);
}

int
history_walk(git_repository *repo, const git_oid *tip, git_mailmap *mm,
    const struct history_opts *opts, struct history *out)
{
	struct walk w;
	struct wnode n;
	size_t np;
	int rc;

	if ((rc = walk_init(&w, repo, mm, opts, out)) == -1)
		goto done;
	oidset_add(&w.seen, tip);
	if ((rc = read_commit(&w, tip, &n)) == 1)
		rc = commit_error(&w, tip, "object not found");
	if (rc == -1)
		goto done;
	enqueue(&w, &n);
	while (w.nheap > 0) {
		heap_pop(&w, &n);
		if ((rc = expand(&w, &n, &np)) == -1) {
			git_odb_object_free(n.obj);
			goto done;
		}
		if (!w.none && n.date <= w.until && (opts->merges || np <= 1))
			count_commit(&w, &n, np);
		git_odb_object_free(n.obj);
	}
	if (out->nauthors > 1)
		qsort(out->authors, out->nauthors, sizeof(*out->authors),
		    author_cmp);
done:
	walk_free(&w);
	if (rc == -1)
		history_release(out);
	return rc;
}

void
history_release(struct history *h)
{
	size_t i;

	for (i = 0; i < h->nauthors; i++) {
		free(h->authors[i].name);
		free(h->authors[i].email);
		free(h->authors[i].key);
	}
	free(h->authors);
	memset(h, 0, sizeof(*h));
}
