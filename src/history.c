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
 * Like git, the walk sees replacement objects (refs/replace/, unless
 * core.useReplaceRefs is false or GIT_NO_REPLACE_OBJECTS is set): a
 * replaced commit keeps its name and is read from its replacement. The
 * parents listed for a commit in info/grafts replace those it names, and
 * a shallow boundary replaces both.
 *
 * Authors are what "git log --use-mailmap --format=%aE" prints, keyed
 * without case. The .mailmap is read with git's rules by mailmap.c and
 * handed to libgit2 with lowercased keys. Co-authors come from the
 * Co-authored-by: trailers that trailer.c finds as git's trailer parser
 * does.
 */
#define _POSIX_C_SOURCE 200809L	/* O_NOFOLLOW, O_CLOEXEC */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <git2.h>

#include "ascii.h"
#include "error.h"
#include "gitfile.h"
#include "history.h"
#include "loose.h"
#include "mailmap.h"
#include "strbuf.h"
#include "text.h"
#include "trailer.h"
#include "tree.h"
#include "xalloc.h"

#define MAILMAP_MAX	(64 * 1024 * 1024) /* a larger .mailmap: unknown */
#define GITFILE_MAX	(64 * 1024 * 1024) /* info/grafts, shallow, packed-refs */
#define HEX_LEN		40		/* SHA-1 object names */
#define REPLACE_DEPTH	5		/* git's MAXREPLACEDEPTH */
#define PEEL_DEPTH	64		/* tags of tags followed to a commit */

/* A set of object ids, each with a value: open addressing. */
struct oidslot {
	git_oid		 oid;
	size_t		 val;
	unsigned char	 used;
};

struct oidset {
	struct oidslot	*slots;
	size_t		 n;
	size_t		 cap;		/* 0 or a power of two */
};

/* What the repository says instead of its objects: git's two ways. */
struct substitutes {
	struct oidset	 replace;	/* original -> index in repl */
	git_oid		*repl;
	size_t		 nrepl;
	size_t		 arepl;
	struct oidset	 grafts;	/* commit -> index in graft */
	struct graft	*graft;
	size_t		 ngraft;
	size_t		 agraft;
	git_oid		*gparent;	/* the parents of all grafts */
	size_t		 ngparent;
	size_t		 agparent;
};

/* A line of info/grafts: the parents the commit has instead of its own. */
struct graft {
	size_t		 first;		/* index in gparent */
	size_t		 n;
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
	int		 has_pid;	/* history_last_change(): the path */
	git_oid		 pid;		/* is in the commit's tree, as pid */
};

/* What a trailer callback needs to count a co-author. */
struct coauthor_arg {
	struct walk	*w;
	int64_t		 when;
};

struct walk {
	git_repository		*repo;
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
	struct substitutes	 subst;
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
static uint64_t	 oid_hash(const git_oid *);
static size_t	 str_hash(const char *);
static struct oidslot *oidset_slot(struct oidset *, const git_oid *);
static int	 oidset_add(struct oidset *, const git_oid *);
static int	 oidset_put(struct oidset *, const git_oid *, size_t);
static int	 oidset_get(const struct oidset *, const git_oid *, size_t *);
static int	 oidset_has(const struct oidset *, const git_oid *);
static void	 oidset_free(struct oidset *);
static int	 read_gitfile(const char *, const char *, struct strbuf *);
static int	 hex_oid(const char *, const char *, git_oid *);
static int	 replace_ref(const char *, void *);
static int	 load_replace(git_repository *, struct substitutes *);
static int	 maybe_replace_refs(git_repository *, const char *);
static void	 graft_line(struct substitutes *, const char *, const char *);
static int	 load_grafts(git_repository *, struct substitutes *);
static int	 subst_load(git_repository *, struct substitutes *);
static void	 subst_free(struct substitutes *);
static int	 odb_read_subst(git_odb *, const struct substitutes *,
		    const git_oid *, git_odb_object **, const char **);
static int	 commit_error(struct walk *, const git_oid *, const char *);
static uint64_t	 parse_u64(const char *, const char *);
static uint64_t	 commit_date(const char *, const char *);
static const char *commit_check(const char *, const char *, const char **,
		    size_t *, const char **);
static int	 parse_header(struct walk *, struct wnode *);
static int	 read_commit(struct walk *, const git_oid *, struct wnode *);
static int	 walk_start(struct walk *, const git_oid *, struct wnode *);
static int	 node_before(const struct wnode *, const struct wnode *);
static void	 heap_push(struct walk *, const struct wnode *);
static void	 heap_pop(struct walk *, struct wnode *);
static void	 enqueue(struct walk *, struct wnode *);
static int	 load_shallow(struct walk *, git_repository *);
static int	 expand(struct walk *, struct wnode *, size_t *);
static int64_t	 ident_time(const char *, const char *);
static size_t	 author_slot(struct walk *, const char *);
static void	 author_add(struct walk *, const char *, const char *,
		    int64_t, int);
static void	 identity_add(struct walk *, const char *, size_t,
		    const char *, size_t, int64_t, int);
static void	 count_commit(struct walk *, const struct wnode *, size_t);
static int	 coauthor(const struct trailer *, void *);
static int	 mm_add(git_mailmap *, const char *, size_t);
static int	 author_cmp(const void *, const void *);
static int	 read_raw_commit(git_repository *, const git_oid *,
		    const char *, git_odb_object **);
static int	 peel(git_odb *, const struct substitutes *, git_oid *,
		    const char *);
static int	 walk_init(struct walk *, git_repository *, git_mailmap *,
		    const struct history_opts *, struct history *);
static void	 walk_free(struct walk *);
static unsigned	 octal_mode(const char *, const char *);
static int	 path_id(struct walk *, struct wnode *, const char *);
static int	 change_parents(struct walk *, struct wnode *, const char *,
		    struct history_change *, int *);

static void
lower_into(struct strbuf *sb, const char *s, size_t n)
{
	size_t i;

	strbuf_reset(sb);
	strbuf_add(sb, s, n);
	for (i = 0; i < sb->len; i++)
		sb->buf[i] = (char)ascii_tolower((unsigned char)sb->buf[i]);
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

/* The slot of id: its own, or the empty one it would take (grown). */
static struct oidslot *
oidset_slot(struct oidset *s, const git_oid *id)
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
				oidset_put(s, &old[i].oid, old[i].val);
		free(old);
	}
	mask = s->cap - 1;
	for (i = oid_hash(id) & mask; s->slots[i].used; i = (i + 1) & mask)
		if (git_oid_equal(&s->slots[i].oid, id))
			break;
	return &s->slots[i];
}

/* Add id with the value val; 1 if it was new, 0 if already there. */
static int
oidset_put(struct oidset *s, const git_oid *id, size_t val)
{
	struct oidslot *sl;

	sl = oidset_slot(s, id);
	if (sl->used)
		return 0;
	git_oid_cpy(&sl->oid, id);
	sl->val = val;
	sl->used = 1;
	s->n++;
	return 1;
}

/* Add id; 1 if it was new, 0 if already there. */
static int
oidset_add(struct oidset *s, const git_oid *id)
{
	return oidset_put(s, id, 0);
}

/* Whether id is in the set, and its value. */
static int
oidset_get(const struct oidset *s, const git_oid *id, size_t *val)
{
	size_t i, mask;

	if (s->cap == 0)
		return 0;
	mask = s->cap - 1;
	for (i = oid_hash(id) & mask; s->slots[i].used; i = (i + 1) & mask)
		if (git_oid_equal(&s->slots[i].oid, id)) {
			*val = s->slots[i].val;
			return 1;
		}
	return 0;
}

static int
oidset_has(const struct oidset *s, const git_oid *id)
{
	size_t val;

	return oidset_get(s, id, &val);
}

static void
oidset_free(struct oidset *s)
{
	free(s->slots);
	s->slots = NULL;
	s->n = s->cap = 0;
}

/*
 * Read the file name of the git directory dir into sb: 0, 1 when there
 * is none, -1 (error printed) when it is not a regular file (a FIFO, a
 * symbolic link: neither is opened through), cannot be read or is
 * larger than GITFILE_MAX.
 */
static int
read_gitfile(const char *dir, const char *name, struct strbuf *sb)
{
	struct strbuf path = STRBUF_INIT;
	struct gitfile gf;
	int rc;

	strbuf_addstr(&path, dir);
	if (path.len > 0 && path.buf[path.len - 1] != '/')
		strbuf_addch(&path, '/');
	strbuf_addstr(&path, name);
	rc = read_small_file(path.buf, GITFILE_NOFOLLOW, GITFILE_MAX, sb,
	    &gf);
	if (rc == GITFILE_MISSING)
		rc = 1;
	else if (rc != GITFILE_OK)
		rc = gitfile_error(path.buf, rc, &gf, GITFILE_MAX);
	strbuf_release(&path);
	return rc;
}

/* The 40 hex digits at p (either case), as git's get_oid_hex(). */
static int
hex_oid(const char *p, const char *end, git_oid *id)
{
	int i;

	if (end - p < HEX_LEN)
		return -1;
	for (i = 0; i < HEX_LEN; i++)
		if (!ascii_isdigit((unsigned char)p[i]) &&
		    (ascii_tolower((unsigned char)p[i]) < 'a' ||
		    ascii_tolower((unsigned char)p[i]) > 'f'))
			return -1;
	return git_oid_fromstrn(id, p, HEX_LEN) < 0 ? -1 : 0;
}

/* What a replace_ref() call needs. */
struct replace_arg {
	git_repository		*repo;
	struct substitutes	*sub;
	const char		*base;
	int			 rc;
};

/*
 * A reference under the replace base whose last component starts with
 * an object name replaces that object (git's register_replace_ref()).
 */
static int
replace_ref(const char *name, void *arg)
{
	struct replace_arg *ra = arg;
	struct substitutes *sub = ra->sub;
	const char *slash;
	git_oid orig, target;

	if (strncmp(name, ra->base, strlen(ra->base)) != 0)
		return 0;
	slash = strrchr(name, '/');
	slash = slash == NULL ? name : slash + 1;
	if (hex_oid(slash, slash + strlen(slash), &orig) == -1)
		return 0;		/* git warns and ignores it */
	if (git_reference_name_to_id(&target, ra->repo, name) < 0)
		return 0;		/* a broken reference */
	if (!oidset_put(&sub->replace, &orig, sub->nrepl)) {
		ra->rc = ec_error("%s: duplicate replace ref", name);
		return 1;
	}
	XGROW(sub->repl, sub->nrepl + 1, sub->arepl);
	git_oid_cpy(&sub->repl[sub->nrepl++], &target);
	return 0;
}

/*
 * The replace references git honours: those under GIT_REPLACE_REF_BASE
 * (refs/replace/), unless GIT_NO_REPLACE_OBJECTS is set or
 * core.useReplaceRefs is false.
 */
static int
load_replace(git_repository *repo, struct substitutes *sub)
{
	struct replace_arg ra;
	git_config *cfg;
	char *glob;
	int use, r;

	if (getenv("GIT_NO_REPLACE_OBJECTS") != NULL)
		return 0;
	use = 1;
	if (git_repository_config_snapshot(&cfg, repo) == 0) {
		if (git_config_get_bool(&use, cfg, "core.useReplaceRefs") < 0)
			use = 1;
		git_config_free(cfg);
	}
	if (!use)
		return 0;
	ra.repo = repo;
	ra.sub = sub;
	ra.base = getenv("GIT_REPLACE_REF_BASE");
	if (ra.base == NULL || *ra.base == '\0')
		ra.base = "refs/replace/";
	ra.rc = 0;
	/*
	 * Only the references under the base, not every tag and branch: a
	 * glob of it, unless the base itself holds a glob character.
	 */
	if (strpbrk(ra.base, "*?[\\") == NULL) {
		if (!maybe_replace_refs(repo, ra.base))
			return 0;
		glob = xasprintf("%s*", ra.base);
		r = git_reference_foreach_glob(repo, glob, replace_ref, &ra);
		free(glob);
	} else
		r = git_reference_foreach_name(repo, replace_ref, &ra);
	if (r < 0 && ra.rc == 0)
		return ec_error("%s: %s", git_repository_path(repo),
		    ec_git_error());
	return ra.rc;
}

/*
 * Whether the repository may hold references under base (no glob in
 * it): libgit2 lists every reference, packed ones parsed, to find the
 * few under a prefix, which costs milliseconds in a repository of
 * thousands of tags. There are none when base is not a directory of the
 * common git directory and packed-refs does not name it; anything else
 * (a packed-refs too large or unreadable, a base outside refs/) is a
 * "may", left to libgit2.
 */
static int
maybe_replace_refs(git_repository *repo, const char *base)
{
	struct strbuf sb = STRBUF_INIT;
	struct stat st;
	const char *p, *end, *eol, *sp;
	char *path;
	int rc, maybe;

	if (strncmp(base, "refs/", 5) != 0 || strstr(base, "..") != NULL)
		return 1;
	path = xasprintf("%s%s", git_repository_commondir(repo), base);
	maybe = lstat(path, &st) == 0 || errno != ENOENT;
	free(path);
	if (maybe)
		return 1;
	path = xasprintf("%spacked-refs", git_repository_commondir(repo));
	rc = read_small_file(path, GITFILE_NOFOLLOW, GITFILE_MAX, &sb,
	    NULL);
	free(path);
	maybe = rc != GITFILE_OK && rc != GITFILE_MISSING;
	for (p = sb.buf, end = sb.buf + sb.len; !maybe && p < end;
	    p = eol + 1) {
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		/* "<object name> <reference name>" */
		if ((sp = memchr(p, ' ', (size_t)(eol - p))) != NULL)
			maybe = span_has_prefix(sp + 1, eol, base);
	}
	strbuf_release(&sb);
	return maybe;
}

/*
 * One line of info/grafts as git's read_graft_line() reads it: a commit
 * and its parents, one whitespace apart; comments, blank and malformed
 * lines are ignored, and the first line for a commit wins.
 */
static void
graft_line(struct substitutes *sub, const char *p, const char *end)
{
	struct graft *g;
	git_oid id, parent;
	const char *q, *nul;
	size_t n;

	while (end > p && ascii_isspace((unsigned char)end[-1]))
		end--;
	/* git reads on as a C string: a NUL ends the line */
	if ((nul = memchr(p, '\0', (size_t)(end - p))) != NULL)
		end = nul;
	if (p == end || *p == '#' || hex_oid(p, end, &id) == -1)
		return;
	for (q = p + HEX_LEN, n = 0; q < end; q += HEX_LEN + 1, n++)
		if (!ascii_isspace((unsigned char)*q) ||
		    hex_oid(q + 1, end, &parent) == -1)
			return;		/* git: "bad graft data" */
	if (!oidset_put(&sub->grafts, &id, sub->ngraft))
		return;			/* git: "duplicate graft data" */
	XGROW(sub->graft, sub->ngraft + 1, sub->agraft);
	g = &sub->graft[sub->ngraft++];
	g->first = sub->ngparent;
	g->n = n;
	for (q = p + HEX_LEN; q < end; q += HEX_LEN + 1) {
		XGROW(sub->gparent, sub->ngparent + 1, sub->agparent);
		hex_oid(q + 1, end, &sub->gparent[sub->ngparent++]);
	}
}

/* The grafts of the common git directory's info/grafts. */
static int
load_grafts(git_repository *repo, struct substitutes *sub)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p, *end, *nl;
	int rc;

	rc = read_gitfile(git_repository_commondir(repo), "info/grafts", &sb);
	if (rc == 0) {
		end = sb.buf + sb.len;
		for (p = sb.buf; p < end; p = nl + 1) {
			if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
				nl = end;
			graft_line(sub, p, nl);
		}
	}
	strbuf_release(&sb);
	return rc == -1 ? -1 : 0;
}

static int
subst_load(git_repository *repo, struct substitutes *sub)
{
	memset(sub, 0, sizeof(*sub));
	if (load_replace(repo, sub) == -1 || load_grafts(repo, sub) == -1) {
		subst_free(sub);
		return -1;
	}
	return 0;
}

static void
subst_free(struct substitutes *sub)
{
	oidset_free(&sub->replace);
	oidset_free(&sub->grafts);
	free(sub->repl);
	free(sub->graft);
	free(sub->gparent);
	memset(sub, 0, sizeof(*sub));
}

/*
 * Read the object id, or what replaces it (git's lookup_replace_object()):
 * 0, GIT_ENOTFOUND when id itself is missing, or another libgit2 error
 * (*why then says what, or is NULL for libgit2's own message).
 */
static int
odb_read_subst(git_odb *odb, const struct substitutes *sub,
    const git_oid *id, git_odb_object **obj, const char **why)
{
	const git_oid *cur;
	size_t i;
	int depth, rc;

	*obj = NULL;
	*why = NULL;
	cur = id;
	for (depth = REPLACE_DEPTH; oidset_get(&sub->replace, cur, &i);
	    depth--) {
		if (depth == 0) {
			*why = "replace depth too high";
			return GIT_EINVALID;
		}
		cur = &sub->repl[i];
	}
	rc = git_odb_read(obj, odb, cur);
	if (rc == LOOSE_ETOOBIG) {
		*why = "a loose commit or tag larger than 16 MiB; not read";
		return GIT_EINVALID;
	}
	if (rc == GIT_ENOTFOUND && cur != id) {
		*why = "its replacement object is missing";
		return GIT_EINVALID;
	}
	return rc;
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
history_mailmap(const struct tree *t, git_mailmap **out, const char **why)
{
	struct strbuf sb = STRBUF_INIT;
	const struct tree_entry *e;
	git_mailmap *mm;
	int rc, truncated;

	*out = NULL;
	*why = NULL;
	if (git_mailmap_new(&mm) < 0)
		return ec_error("mailmap: %s", ec_git_error());
	e = t != NULL ? tree_lookup(t, ".mailmap", 0) : NULL;
	if (e == NULL) {
		*out = mm;
		return 0;
	}
	/* git reads it whole: a part would map some authors, not others */
	truncated = 0;
	rc = tree_read(t, e, MAILMAP_MAX, &sb, &truncated);
	if (rc == -1 || (rc == 0 && truncated)) {
		*why = rc == -1 ? ".mailmap cannot be read" :
		    ".mailmap is larger than 64 MiB";
		strbuf_release(&sb);
		git_mailmap_free(mm);
		return 0;
	}
	/* a link, a submodule, gone: git reads no mailmap from it either */
	if (rc == 0 && mm_add(mm, sb.buf, sb.len) == -1) {
		strbuf_release(&sb);
		git_mailmap_free(mm);
		return -1;
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

/*
 * The checks of git's parse_commit_buffer(): a tree line, then parent
 * lines, each with an object name. NULL, or what is wrong; *parents is
 * the first parent line, *np their number, *rest the line after them.
 */
static const char *
commit_check(const char *p, const char *end, const char **parents,
    size_t *np, const char **rest)
{
	git_oid tmp;

	if (end - p <= HEX_LEN + 6 || memcmp(p, "tree ", 5) != 0 ||
	    p[HEX_LEN + 5] != '\n')
		return "bogus commit object";
	if (git_oid_fromstrn(&tmp, p + 5, HEX_LEN) < 0)
		return "bad tree pointer";
	p += HEX_LEN + 6;
	*parents = p;
	*np = 0;
	while (end - p > HEX_LEN + 7 && memcmp(p, "parent ", 7) == 0) {
		if (end - p <= HEX_LEN + 8 || p[HEX_LEN + 7] != '\n' ||
		    git_oid_fromstrn(&tmp, p + 7, HEX_LEN) < 0)
			return "bad parents";
		p += HEX_LEN + 8;
		(*np)++;
	}
	*rest = p;
	return NULL;
}

/* The checks of git's parse_commit_buffer(), and the committer date. */
static int
parse_header(struct walk *w, struct wnode *n)
{
	const char *why, *rest;

	why = commit_check(n->buf, n->end, &n->parents, &n->nparents, &rest);
	if (why != NULL)
		return commit_error(w, &n->oid, why);
	n->date = commit_date(rest, n->end);
	return 0;
}

/*
 * Read and parse a commit (or what replaces it): 0, 1 when the object is
 * missing, -1 error.
 */
static int
read_commit(struct walk *w, const git_oid *id, struct wnode *n)
{
	const char *why;
	int rc;

	memset(n, 0, sizeof(*n));
	git_oid_cpy(&n->oid, id);
	rc = odb_read_subst(w->odb, &w->subst, id, &n->obj, &why);
	if (rc == GIT_ENOTFOUND) {
		n->obj = NULL;
		return 1;
	}
	if (rc < 0) {
		n->obj = NULL;
		if (why != NULL)
			return commit_error(w, id, why);
		return ec_error_at(w->path.buf, 0, "the repository is corrupt: "
		    "commit %s: %s", git_oid_tostr_s(id), ec_git_error());
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

/* Read the tip of a walk, seen from now on: 0, or -1 (error printed). */
static int
walk_start(struct walk *w, const git_oid *tip, struct wnode *n)
{
	int rc;

	oidset_add(&w->seen, tip);
	if ((rc = read_commit(w, tip, n)) == 1)
		rc = commit_error(w, tip, "object not found");
	return rc == -1 ? -1 : 0;
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
static int
load_shallow(struct walk *w, git_repository *repo)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p, *end, *nl;
	git_oid id;
	int rc;

	if (git_repository_is_shallow(repo) <= 0)
		return 0;
	w->out->shallow = 1;
	rc = read_gitfile(git_repository_commondir(repo), "shallow", &sb);
	end = sb.buf + sb.len;
	for (p = sb.buf; rc == 0 && p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		if (hex_oid(p, nl, &id) == 0)
			oidset_add(&w->shallow, &id);
	}
	strbuf_release(&sb);
	return rc == -1 ? -1 : 0;
}

/*
 * Queue the parents of n not seen before (git's process_parents()): those
 * of its graft if it has one, else its own. *np is set to the parents git
 * sees: none for a shallow boundary.
 */
static int
expand(struct walk *w, struct wnode *n, size_t *np)
{
	const struct graft *g;
	struct wnode p;
	const char *line;
	git_oid id;
	size_t i, gi;
	int rc;

	g = oidset_get(&w->subst.grafts, &n->oid, &gi) ?
	    &w->subst.graft[gi] : NULL;
	*np = g != NULL ? g->n : n->nparents;
	if (*np > 0 && oidset_has(&w->shallow, &n->oid)) {
		*np = 0;
		w->out->truncated = 1;
		return 0;
	}
	for (i = 0, line = n->parents; i < *np; i++, line += HEX_LEN + 8) {
		if (g != NULL)
			git_oid_cpy(&id, &w->subst.gparent[g->first + i]);
		else
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
	for (p = n->buf; p < n->end && *p != '\n';
	    p = text_next_line(p, n->end)) {
		if ((eol = memchr(p, '\n', (size_t)(n->end - p))) == NULL)
			eol = n->end;
		if (span_has_prefix(p, eol, "author ")) {
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
	w->repo = repo;
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
	if (load_shallow(w, repo) == -1 || subst_load(repo, &w->subst) == -1)
		return -1;
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
	subst_free(&w->subst);
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
	if ((rc = walk_start(&w, tip, &n)) == -1)
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

/*
 * The parents git sees of n, as expand() takes them (a graft's, else its
 * own; none for a shallow boundary), into the array *out of *alloc.
 */
static size_t
seen_parents(struct walk *w, const struct wnode *n, git_oid **out,
    size_t *alloc)
{
	const struct graft *g;
	const char *line;
	size_t i, gi, np;

	g = oidset_get(&w->subst.grafts, &n->oid, &gi) ?
	    &w->subst.graft[gi] : NULL;
	np = g != NULL ? g->n : n->nparents;
	if (np > 0 && oidset_has(&w->shallow, &n->oid))
		np = 0;
	if (np > *alloc) {
		*alloc = np;
		*out = xreallocarray(*out, np, sizeof(**out));
	}
	for (i = 0, line = n->parents; i < np; i++, line += HEX_LEN + 8)
		if (g != NULL)
			git_oid_cpy(&(*out)[i], &w->subst.gparent[g->first + i]);
		else
			git_oid_fromstrn(&(*out)[i], line + 7, HEX_LEN);
	return np;
}

/* Tell cb of one commit popped: its tree, parents and author. */
static int
each_commit(struct walk *w, const struct wnode *n, struct history_commit *hc,
    git_oid **parents, size_t *alloc, history_each_fn *cb, void *arg)
{
	struct trailer_ident id;
	const char *p, *eol, *al, *ae;
	char *name, *email;
	int rc;

	memset(&hc->tree, 0, sizeof(hc->tree));
	if (n->end - n->buf > 5 + HEX_LEN && memcmp(n->buf, "tree ", 5) == 0)
		git_oid_fromstrn(&hc->tree, n->buf + 5, HEX_LEN);
	hc->oid = &n->oid;
	hc->nparents = seen_parents(w, n, parents, alloc);
	hc->parents = *parents;
	hc->when = (int64_t)n->date;
	hc->in_window = !w->none && n->date <= w->until;
	al = ae = NULL;
	for (p = n->buf; p < n->end && *p != '\n';
	    p = text_next_line(p, n->end)) {
		if ((eol = memchr(p, '\n', (size_t)(n->end - p))) == NULL)
			eol = n->end;
		if (span_has_prefix(p, eol, "author ")) {
			al = p + 7;
			ae = eol;
		}
	}
	if (al != NULL && trailer_split_ident(al, (size_t)(ae - al),
	    &id) == 0) {
		name = xstrndup(id.name, id.namelen);
		email = xstrndup(id.email, id.emaillen);
	} else {
		name = xstrdup("%aN");
		email = xstrdup("%aE");
	}
	hc->name = name;
	hc->email = email;
	rc = cb(hc, arg);
	free(name);
	free(email);
	return rc;
}

int
history_each(git_repository *repo, const git_oid *tip,
    const struct history_opts *opts, history_each_fn *cb, void *arg)
{
	struct history out;
	struct history_commit hc;
	struct walk w;
	struct wnode n;
	git_oid *parents = NULL;
	size_t np, alloc = 0;
	int rc;

	memset(&out, 0, sizeof(out));
	memset(&hc, 0, sizeof(hc));
	if ((rc = walk_init(&w, repo, NULL, opts, &out)) == -1)
		goto done;
	if ((rc = walk_start(&w, tip, &n)) == -1)
		goto done;
	enqueue(&w, &n);
	while (rc == 0 && w.nheap > 0) {
		heap_pop(&w, &n);
		rc = expand(&w, &n, &np);
		hc.truncated = out.truncated;
		if (rc == 0)
			rc = each_commit(&w, &n, &hc, &parents, &alloc, cb, arg);
		git_odb_object_free(n.obj);
	}
done:
	walk_free(&w);
	free(parents);
	history_release(&out);
	return rc == 0 ? 0 : -1;
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

/*
 * Peel id to a commit as git does (tags followed, replacements read),
 * from the raw objects: libgit2's parser refuses commits git reads.
 */
static int
peel(git_odb *odb, const struct substitutes *sub, git_oid *id,
    const char *what)
{
	char hex[GIT_OID_HEXSZ + 1];
	git_odb_object *obj;
	const char *buf, *why;
	size_t len;
	int depth, rc;

	for (depth = 0; depth < PEEL_DEPTH; depth++) {
		git_oid_tostr(hex, sizeof(hex), id);
		rc = odb_read_subst(odb, sub, id, &obj, &why);
		if (rc < 0)
			return ec_error("%s: %sobject %s: %s", what,
			    why == NULL && rc != GIT_ENOTFOUND ? "the repository "
			    "is corrupt: " : "", hex, why != NULL ? why :
			    ec_git_error());
		if (git_odb_object_type(obj) == GIT_OBJECT_COMMIT) {
			git_odb_object_free(obj);
			return 0;
		}
		buf = git_odb_object_data(obj);
		len = git_odb_object_size(obj);
		rc = git_odb_object_type(obj) == GIT_OBJECT_TAG &&
		    len > 7 + HEX_LEN && memcmp(buf, "object ", 7) == 0 &&
		    hex_oid(buf + 7, buf + len, id) == 0 ? 0 : -1;
		git_odb_object_free(obj);
		if (rc == -1)
			return ec_error("%s: not a commit", what);
	}
	return ec_error("%s: tags nested too deep", what);
}

int
history_resolve(git_repository *repo, const char *rev, const char *what,
    git_oid *out)
{
	struct substitutes sub;
	git_reference *ref, *res;
	git_object *obj;
	git_odb *odb;
	int rc;

	if (rev == NULL) {
		if (git_reference_name_to_id(out, repo, "HEAD") < 0)
			return ec_error("%s: %s", what, ec_git_error());
	} else if (strlen(rev) == HEX_LEN &&
	    hex_oid(rev, rev + HEX_LEN, out) == 0)
		;
	else if (git_reference_dwim(&ref, repo, rev) == 0) {
		rc = git_reference_resolve(&res, ref);
		git_reference_free(ref);
		if (rc < 0)
			return ec_error("%s: %s", what, ec_git_error());
		git_oid_cpy(out, git_reference_target(res));
		git_reference_free(res);
	} else if ((rc = git_revparse_single(&obj, repo, rev)) == 0) {
		git_oid_cpy(out, git_object_id(obj));
		git_object_free(obj);
	} else if (rc == GIT_ENOTFOUND)
		/* libgit2 says "parent 0 does not exist" of HEAD~99999 */
		return ec_error("%s: the revision does not exist", what);
	else
		return ec_error("%s: %s", what, ec_git_error());
	if (git_repository_odb(&odb, repo) < 0)
		return ec_error("%s: %s", what, ec_git_error());
	if ((rc = subst_load(repo, &sub)) == 0) {
		rc = peel(odb, &sub, out, what);
		subst_free(&sub);
	}
	git_odb_free(odb);
	return rc;
}

/*
 * Read the commit id names, or its replacement, raw. -1: error printed.
 */
static int
read_raw_commit(git_repository *repo, const git_oid *id, const char *what,
    git_odb_object **obj)
{
	struct substitutes sub;
	const char *why;
	git_odb *odb;
	int rc;

	*obj = NULL;
	if (git_repository_odb(&odb, repo) < 0)
		return ec_error("%s: %s", what, ec_git_error());
	if (subst_load(repo, &sub) == -1) {
		git_odb_free(odb);
		return -1;
	}
	rc = odb_read_subst(odb, &sub, id, obj, &why);
	subst_free(&sub);
	git_odb_free(odb);
	if (rc < 0)
		return ec_error("%s: %s%s", what, why == NULL &&
		    rc != GIT_ENOTFOUND ? "the repository is corrupt: " : "",
		    why != NULL ? why : ec_git_error());
	if (git_odb_object_type(*obj) != GIT_OBJECT_COMMIT) {
		git_odb_object_free(*obj);
		*obj = NULL;
		return ec_error("%s: not a commit", what);
	}
	return 0;
}

int
history_commit_tree(git_repository *repo, const git_oid *id,
    const char *what, git_oid *tree)
{
	git_odb_object *obj;
	const char *p, *why, *parents, *rest;
	size_t len, np;
	int rc;

	if (read_raw_commit(repo, id, what, &obj) == -1)
		return -1;
	p = git_odb_object_data(obj);
	len = git_odb_object_size(obj);
	rc = 0;
	/* git reads no tree from a commit it cannot parse */
	if ((why = commit_check(p, p + len, &parents, &np, &rest)) != NULL)
		rc = ec_error("%s: commit %s: %s", what, git_oid_tostr_s(id),
		    why);
	else
		git_oid_fromstrn(tree, p + 5, HEX_LEN);
	git_odb_object_free(obj);
	return rc;
}

int
history_commit_time(git_repository *repo, const git_oid *id,
    const char *what, int64_t *when)
{
	git_odb_object *obj;
	const char *p, *end, *eol, *cl, *ce;
	uint64_t t;

	*when = 0;
	if (read_raw_commit(repo, id, what, &obj) == -1)
		return -1;
	p = git_odb_object_data(obj);
	end = p + git_odb_object_size(obj);
	/* the last "committer " header line, as pretty.c takes it */
	cl = ce = NULL;
	for (; p < end && *p != '\n'; p = text_next_line(p, end)) {
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		if (span_has_prefix(p, eol, "committer ")) {
			cl = p + 10;
			ce = eol;
		}
	}
	if (cl == NULL || memchr(cl, '>', (size_t)(ce - cl)) == NULL) {
		git_odb_object_free(obj);
		return ec_error("%s: the commit has no committer date", what);
	}
	for (p = ce; p > cl && p[-1] != '>'; p--)
		;
	while (p < ce && *p == ' ')
		p++;
	/* git reads the date unsigned: beyond 64 bits, or negative, it
	 * is a date after every other */
	t = parse_u64(p, ce);
	*when = t > (uint64_t)INT64_MAX ? INT64_MAX : (int64_t)t;
	git_odb_object_free(obj);
	return 0;
}

/*
 * The date of an annotated tag's "tagger " line in buf, or -1 when it has
 * none (*next then the object it names, when "object " gives one).
 */
static int64_t
tagger_date(const char *buf, size_t len, git_oid *next, int *has_next)
{
	const char *p, *end = buf + len, *eol, *gt;
	uint64_t t;

	*has_next = 0;
	for (p = buf; p < end && *p != '\n'; p = text_next_line(p, end)) {
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		if (span_has_prefix(p, eol, "object ") && eol - p >= 7 +
		    GIT_OID_HEXSZ && git_oid_fromstrn(next, p + 7,
		    GIT_OID_HEXSZ) == 0)
			*has_next = 1;
		if (!span_has_prefix(p, eol, "tagger "))
			continue;
		for (gt = eol; gt > p && gt[-1] != '>'; gt--)
			;
		if (gt == p)
			return -1;
		while (gt < eol && *gt == ' ')
			gt++;
		for (t = 0; gt < eol && *gt >= '0' && *gt <= '9'; gt++)
			t = t > (UINT64_MAX - 9) / 10 ? UINT64_MAX : t * 10 +
			    (uint64_t)(*gt - '0');
		return t > (uint64_t)INT64_MAX ? INT64_MAX : (int64_t)t;
	}
	return -1;
}

int
history_tag_time(git_repository *repo, git_odb *odb, const char *name,
    int64_t *when)
{
	git_odb_object *obj;
	git_oid id, next;
	int depth, has_next;
	int64_t t;

	if (git_reference_name_to_id(&id, repo, name) < 0) {
		git_error_clear();
		return -1;
	}
	for (depth = 0; depth < PEEL_DEPTH; depth++) {
		if (git_odb_read(&obj, odb, &id) < 0) {
			git_error_clear();
			return -1;
		}
		if (git_odb_object_type(obj) == GIT_OBJECT_COMMIT) {
			git_odb_object_free(obj);
			return history_commit_time(repo, &id, name, when) == 0 ?
			    0 : -1;
		}
		if (git_odb_object_type(obj) != GIT_OBJECT_TAG) {
			git_odb_object_free(obj);
			return -1;	/* a tag of a tree or a blob */
		}
		t = tagger_date(git_odb_object_data(obj),
		    git_odb_object_size(obj), &next, &has_next);
		git_odb_object_free(obj);
		if (t >= 0) {
			*when = t;
			return 0;
		}
		if (!has_next)
			return -1;
		git_oid_cpy(&id, &next);
	}
	return -1;
}

/* Set n->has_pid and n->pid: the object path names in n's tree. */
static int
path_id(struct walk *w, struct wnode *n, const char *path)
{
	git_odb_object *obj;
	const char *name, *slash, *p, *end, *sp, *nul;
	git_oid tid;
	size_t len;
	int found;

	n->has_pid = 0;
	git_oid_fromstrn(&tid, n->buf + 5, HEX_LEN);
	/*
	 * Each tree read raw and its entries ("MODE NAME\0" and 20 bytes)
	 * scanned for the next component: no git_tree built and cached for
	 * each of the thousands of commits a last change may walk.
	 */
	for (name = path;; name = slash + 1) {
		if (git_odb_read(&obj, w->odb, &tid) < 0)
			return ec_error_at(w->path.buf, 0, "the repository is "
			    "corrupt: tree %s: %s", git_oid_tostr_s(&tid),
			    ec_git_error());
		if (git_odb_object_type(obj) != GIT_OBJECT_TREE) {
			git_odb_object_free(obj);
			return ec_error_at(w->path.buf, 0, "the repository is "
			    "corrupt: tree %s: not a tree",
			    git_oid_tostr_s(&tid));
		}
		slash = strchr(name, '/');
		len = slash != NULL ? (size_t)(slash - name) : strlen(name);
		p = git_odb_object_data(obj);
		end = p + git_odb_object_size(obj);
		found = 0;
		for (; p < end; p = nul + 1 + GIT_OID_RAWSZ) {
			if ((sp = memchr(p, ' ', (size_t)(end - p))) == NULL ||
			    (nul = memchr(sp, '\0', (size_t)(end - sp))) ==
			    NULL || (size_t)(end - nul - 1) < GIT_OID_RAWSZ) {
				git_odb_object_free(obj);
				return ec_error_at(w->path.buf, 0, "the "
				    "repository is corrupt: tree %s: a "
				    "malformed entry", git_oid_tostr_s(&tid));
			}
			if ((size_t)(nul - sp - 1) != len ||
			    memcmp(sp + 1, name, len) != 0)
				continue;
			/* below the last component, only a tree (040000) */
			found = slash == NULL || octal_mode(p, sp) == 040000;
			git_oid_fromraw(&tid, (const unsigned char *)nul + 1);
			break;
		}
		git_odb_object_free(obj);
		if (!found)
			return 0;
		if (slash == NULL)
			break;
	}
	n->has_pid = 1;
	git_oid_cpy(&n->pid, &tid);
	return 0;
}

/* The octal mode of a raw tree entry, the digits [p, end); 0 if none. */
static unsigned
octal_mode(const char *p, const char *end)
{
	unsigned m;

	for (m = 0; p < end && *p >= '0' && *p <= '7' && m < 01000000; p++)
		m = m * 8 + (unsigned)(*p - '0');
	return p == end ? m : 0;
}

/*
 * Whether n changed path (*hit), else queue the one parent git follows:
 * the first the path is the same in. The parents are those of its graft
 * if it has one; a shallow boundary has none.
 */
static int
change_parents(struct walk *w, struct wnode *n, const char *path,
    struct history_change *out, int *hit)
{
	const struct graft *g;
	struct wnode p;
	const char *line;
	git_oid id;
	size_t i, gi, np;
	int rc;

	*hit = 0;
	g = oidset_get(&w->subst.grafts, &n->oid, &gi) ?
	    &w->subst.graft[gi] : NULL;
	np = g != NULL ? g->n : n->nparents;
	if (np > 0 && oidset_has(&w->shallow, &n->oid)) {
		np = 0;
		out->truncated = 1;
	}
	for (i = 0, line = n->parents; i < np; i++, line += HEX_LEN + 8) {
		if (g != NULL)
			git_oid_cpy(&id, &w->subst.gparent[g->first + i]);
		else
			git_oid_fromstrn(&id, line + 7, HEX_LEN);
		if ((rc = read_commit(w, &id, &p)) == -1)
			return -1;
		if (rc == 1) {
			out->truncated = 1;
			continue;
		}
		if (path_id(w, &p, path) == -1) {
			git_odb_object_free(p.obj);
			return -1;
		}
		if (p.has_pid == n->has_pid && (!p.has_pid ||
		    git_oid_equal(&p.pid, &n->pid))) {
			if (oidset_add(&w->seen, &id))
				heap_push(w, &p);
			else
				git_odb_object_free(p.obj);
			return 0;
		}
		git_odb_object_free(p.obj);
	}
	/* different from every parent; a root commit when it has the path */
	*hit = np > 0 || n->has_pid;
	return 0;
}

int
history_last_change(git_repository *repo, const git_oid *tip,
    const char *path, size_t limit, struct history_change *out)
{
	struct history_opts opts;
	struct history h;
	struct walk w;
	struct wnode n;
	int rc, hit;

	memset(out, 0, sizeof(*out));
	memset(&opts, 0, sizeof(opts));
	memset(&h, 0, sizeof(h));
	opts.until = INT64_MAX;
	if ((rc = walk_init(&w, repo, NULL, &opts, &h)) == -1)
		goto done;
	if ((rc = walk_start(&w, tip, &n)) == -1)
		goto done;
	if ((rc = path_id(&w, &n, path)) == -1) {
		git_odb_object_free(n.obj);
		goto done;
	}
	heap_push(&w, &n);
	while (w.nheap > 0) {
		heap_pop(&w, &n);
		if (out->walked++ >= limit) {
			out->limited = 1;
			git_odb_object_free(n.obj);
			break;
		}
		rc = change_parents(&w, &n, path, out, &hit);
		git_odb_object_free(n.obj);
		if (rc == -1)
			goto done;
		if (hit) {
			out->found = 1;
			git_oid_cpy(&out->oid, &n.oid);
			out->when = n.date > (uint64_t)INT64_MAX ? INT64_MAX :
			    (int64_t)n.date;
			break;
		}
	}
done:
	walk_free(&w);
	history_release(&h);
	return rc;
}
