/*
 * people.c: maintainers named by a project, merged from every source;
 * the reader of maintainers-like sections of Markdown and reST documents.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ascii.h"
#include "read/markdown.h"
#include "read/people.h"
#include "read/inline.h"
#include "strbuf.h"
#include "text.h"
#include "utf8.h"
#include "xalloc.h"

#define HANDLE_MAX	39	/* GitHub's longest login */
#define NAME_WORDS_MAX	5	/* words of a name, initials included */
#define SHORT_PARA	12	/* words of a paragraph that may be a name */
/* Bounds that keep hostile text linear: */
#define LINK_MAX	512	/* bytes from a bracket to its close */
#define ITEM_MAX	8192	/* bytes of an item; longer ones name nobody */
#define SECTIONS_MAX	(256 * 1024)	/* bytes of sections read a document */

/* What a section is to the reader. */
enum sclass {
	SC_UNSET,	/* its heading says nothing: as its parent */
	SC_NONE,	/* names nobody (contributors, credits) */
	SC_WEAK,	/* handles and emails only */
	SC_CREDIT,	/* the contributors: only whom its prose says
			   "maintained by" names; else a sign */
	SC_TEAM,	/* a team section: weak, strong if it says
			   "maintained by" */
	SC_STRONG	/* maintainers: bare names count too */
};

/* A line of the document. */
struct line {
	size_t	 off;
	size_t	 len;
};

struct lines {
	struct line	*v;
	size_t		 n;
	size_t		 alloc;
};

/*
 * What is read of a list item, table row or paragraph: its lines joined
 * by spaces. A list item is the first paragraph of an item of the
 * document's model, up to a table row.
 */
enum item_kind { ITEM_LIST, ITEM_ROW, ITEM_PARA };

struct item {
	enum item_kind	 kind;
	struct strbuf	 text;
	size_t		*loff;		/* where each line starts in text */
	int		*lno;		/* and its number */
	size_t		 nl;
	size_t		 alloc;
};

/* A person found in a section, not yet added. */
struct pending {
	char	*name;
	char	*handle;
	char	*email;
	int	 line;
	int	 bare;		/* a name alone */
};

/* A section being read. */
struct people_reader {
	struct people	*pp;
	const char	*path;
	const char	*source;	/* the heading's text, or NULL */
	enum sclass	 sc;
	int		 retired;
	int		 rst;
	size_t		 added;
	size_t		 read;		/* bytes of items read */
	/* people found in the section, added when it is read */
	struct pending	*pend;
	size_t		 npend;
	size_t		 pendalloc;
	size_t		 bare;		/* of them, names alone */
	size_t		 tried;		/* items that could have been a name */
	/* the columns of the table being read, -1 when none */
	int		 col_name;
	int		 col_handle;
	int		 col_email;
};

/* A handle or team found in a segment. */
struct mention {
	size_t	 pos;
	char	*handle;
};

/* The handles and first email of a segment of an item. */
struct marks {
	struct mention	*m;
	size_t		 n;
	size_t		 alloc;
	char		*email;
};

static void	 ref_add(struct person *, const char *, int, const char *,
		    int);
static void	 person_merge(struct person *, struct person *);
static int	 merge_matches(struct people *, struct person *);
static int	 same_name(const char *, const char *);
static void	 name_key(const char *, struct strbuf *);
static int	 name_is_handle(const char *, const char *);
static int	 is_handle_char(int);
static size_t	 scan_handle(const char *, size_t, size_t, int *);
static char	*noreply_handle(const char *);
static int	 github_user(const char *, size_t, size_t, struct strbuf *);
static int	 role_mailbox(const char *, size_t);
static int	 stop_word(const char *, size_t);
static int	 name_word(const char *, size_t, int, int);
static void	 strip_markup(const char *, size_t, int, int,
		    struct strbuf *);
static int	 rst_piece(const char *, size_t, size_t, struct inline_piece *);
static size_t	 link_end(const char *, size_t, size_t, int);
static int	 name_stops(const char *, size_t, size_t);
static void	 add_text(const char *, size_t, size_t, int *, struct strbuf *);
static void	 split_lines(const char *, size_t, struct lines *);
static void	 block_line(const char *, const struct lines *,
		    const struct md_block *, size_t, const char **, size_t *);
static int	 is_table_line(const char *, size_t);
static size_t	 first_block(const struct md_doc *, size_t);
static enum sclass classify(const char *, int *);
static enum sclass credit_class(const char *, int);
static int	 has_word(const char *, const char *);
static void	 read_region(struct people_reader *, const char *,
		    const struct lines *, const struct md_doc *, size_t, size_t);
static void	 read_item(struct people_reader *, struct item *, size_t,
		    size_t, int);
static void	 block_item(const char *, const struct lines *,
		    const struct md_block *, size_t, struct item *);
static size_t	 maintained_by(const struct item *, size_t *);
static size_t	 read_maintained_by(struct people_reader *, const char *,
		    const struct lines *, const struct md_doc *, size_t, size_t);
static int	 shows_people(const struct people_reader *, const char *,
		    const struct lines *, const struct md_doc *, size_t, size_t);
static void	 sign_add(struct people *, const char *, int, const char *);
static void	 read_section(struct people_reader *, const char *,
		    const struct lines *, const struct md_doc *, size_t,
		    enum sclass);
static void	 cell_handle(const char *, size_t, size_t, struct strbuf *);
static size_t	 read_table(struct people_reader *, const char *,
		    const struct lines *, const struct md_block *, size_t, size_t,
		    struct item *);
static void	 read_text(struct people_reader *, const char *,
		    const struct lines *, const struct md_block *, enum item_kind,
		    size_t, struct item *);
static int	 separator_row(const char *, size_t);
static void	 item_reset(struct item *, enum item_kind);
static void	 item_addline(struct item *, const char *, size_t, int);
static void	 mark_add(struct marks *, size_t, char *);
static size_t	 scan_email(const char *, size_t, size_t, size_t,
		    struct marks *);
static void	 scan_marks(const char *, size_t, size_t, struct marks *);
static void	 segment_name(const struct people_reader *, const char *,
		    size_t, size_t, const struct marks *, struct strbuf *);
static void	 read_segment(struct people_reader *, const struct item *, size_t,
		    size_t, int);
static void	 read_row(struct people_reader *, struct item *, int);
static void	 header_cells(struct people_reader *, const char *, size_t);
static int	 item_line(const struct item *, size_t);
static void	 reader_add(struct people_reader *, const char *, const char *,
		    const char *, int, int);
static void	 reader_flush(struct people_reader *);

/* Words that are not parts of names, lowercase, sorted. */
static const char *const stop_words[] = {
	"a", "about", "acknowledgements", "all", "an", "and", "api",
	"apis", "app", "apps", "are", "as", "at", "audio", "benchmark",
	"benchmarks", "blog", "build", "by", "changelog", "citation", "cloud",
	"code", "community", "company", "contact", "contents", "contributor",
	"contributors", "core", "corporation", "data", "dataset",
	"datasets", "deep", "deployment", "developer", "developers",
	"development", "discord", "discussion", "discussions", "distributed",
	"docs", "documentation", "easy", "email", "engineer", "example",
	"examples", "expert", "extension", "extensions", "facebook", "fast",
	"faq", "feature", "features", "for", "forum", "framework", "from",
	"getting", "github", "gitlab", "google", "governance", "gpu",
	"grandmaster", "group", "guide", "help", "highlights", "how", "image",
	"images", "in", "inc", "install", "installation", "institute",
	"integration", "integrations", "introduction", "is", "issue",
	"issues", "it", "its", "lab", "labs", "language", "lead", "leads",
	"learning", "library", "license", "llc", "ltd", "machine",
	"maintainer", "maintainers", "master", "member", "members", "meta",
	"microsoft", "model", "models", "module", "modules", "more", "multi",
	"network", "networks", "new", "news", "note", "notes", "nvidia",
	"of", "on", "open", "or", "our", "overview", "package", "packages",
	"paper", "performance", "platform", "plugin", "plugins", "project",
	"projects", "pull", "python", "pytorch", "quick", "release",
	"releases", "request", "requests", "research", "results", "review",
	"reviews", "roadmap", "scalable", "scientist", "see", "server",
	"simple", "slack", "source", "speed", "sponsors", "start", "started",
	"support", "supports", "table", "team", "teams", "test", "testing",
	"tests", "text", "the", "this", "to", "tool", "toolkit", "tools",
	"training", "tutorial", "tutorials", "twitter", "university",
	"usage", "user", "users", "version", "versions", "video", "vision",
	"we", "web", "what", "who", "why", "with", "you", "your"
};

/* Lowercase words inside names: "Jan van der Berg". */
static const char *const particles[] = {
	"al", "bin", "da", "das", "de", "del", "della", "den", "der", "di",
	"do", "dos", "du", "el", "ibn", "la", "le", "van", "von", "y", "zu"
};

/* First path parts of github.com that are not users. */
static const char *const github_reserved[] = {
	"about", "apps", "collections", "contact", "customer-stories",
	"enterprise", "events", "explore", "features", "join", "login",
	"marketplace", "new", "notifications", "orgs", "pricing", "pulls",
	"issues", "readme", "search", "security", "settings", "site",
	"sponsors", "team", "topics", "trending"
};

/* Mailboxes of roles, not people. */
static const char *const role_mailboxes[] = {
	"admin", "contact", "core", "dev", "devs", "help", "hello", "info",
	"maintainers", "noreply", "no-reply", "security", "support", "team"
};

static int
str_in(const char *s, size_t n, const char *const *v, size_t nv)
{
	size_t i;

	for (i = 0; i < nv; i++)
		if (strlen(v[i]) == n && ascii_eq_lower(s, v[i], n))
			return 1;
	return 0;
}

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static int
stop_word(const char *s, size_t n)
{
	return str_in(s, n, stop_words, NELEM(stop_words));
}

static int
role_mailbox(const char *s, size_t n)
{
	return str_in(s, n, role_mailboxes, NELEM(role_mailboxes));
}

/* ---- the list of people ---- */

static void
ref_add(struct person *p, const char *path, int line, const char *source,
    int retired)
{
	struct person_ref *r;
	size_t i;

	for (i = 0; i < p->nrefs; i++)
		if (strcmp(p->refs[i].path, path) == 0 &&
		    p->refs[i].line == line)
			return;
	XGROW(p->refs, p->nrefs + 1, p->refalloc);
	r = &p->refs[p->nrefs++];
	r->path = xstrdup(path);
	r->line = line;
	r->source = source != NULL ? xstrdup(source) : NULL;
	r->retired = retired;
}

/* Lowercase words of a name without initials: "vladimir iglovikov". */
static void
name_key(const char *name, struct strbuf *out)
{
	const char *s, *e;
	size_t n, i;

	strbuf_reset(out);
	for (s = name; *s != '\0'; s = e) {
		while (*s == ' ' || *s == '\t')
			s++;
		for (e = s; *e != '\0' && *e != ' ' && *e != '\t'; e++)
			;
		n = (size_t)(e - s);
		while (n > 0 && s[n - 1] == '.')
			n--;
		if (n <= 1)
			continue;	/* an initial */
		if (out->len > 0)
			strbuf_addch(out, ' ');
		for (i = 0; i < n; i++)
			strbuf_addch(out, ascii_tolower((unsigned char)s[i]));
	}
}

/* Whether two names are one person's: first and last words, no case. */
static int
same_name(const char *a, const char *b)
{
	struct strbuf ka = STRBUF_INIT, kb = STRBUF_INIT;
	const char *la, *lb;
	size_t fa, fb;
	int same;

	name_key(a, &ka);
	name_key(b, &kb);
	same = 0;
	if (ka.len > 0 && kb.len > 0) {
		fa = strcspn(ka.buf, " ");
		fb = strcspn(kb.buf, " ");
		la = strrchr(ka.buf, ' ');
		lb = strrchr(kb.buf, ' ');
		la = la != NULL ? la + 1 : ka.buf;
		lb = lb != NULL ? lb + 1 : kb.buf;
		same = fa == fb && memcmp(ka.buf, kb.buf, fa) == 0 &&
		    strcmp(la, lb) == 0;
	}
	strbuf_release(&ka);
	strbuf_release(&kb);
	return same;
}

/* Whether a name is a handle written out: "Adam Gleave", adamgleave. */
static int
name_is_handle(const char *name, const char *handle)
{
	const char *s, *h;

	for (s = name, h = handle; *s != '\0'; s++) {
		if (*s == ' ' || *s == '-' || *s == '.')
			continue;
		if (*h == '-')
			h++;
		if (*h == '\0' || ascii_tolower((unsigned char)*s) !=
		    ascii_tolower((unsigned char)*h))
			return 0;
		h++;
	}
	return *h == '\0' && s != name;
}

static int
str_ieq(const char *a, const char *b)
{
	size_t n;

	n = strlen(a);
	return n == strlen(b) && strncasecmp(a, b, n) == 0;
}

/* Whether a person found is p (see people.h). */
static int
person_matches(const struct person *p, const char *name, const char *handle,
    const char *email)
{
	if (handle != NULL && p->handle != NULL)
		return str_ieq(handle, p->handle);
	if (email != NULL && p->email != NULL && str_ieq(email, p->email))
		return 1;
	if (p->team || (handle != NULL && strchr(handle, '/') != NULL))
		return 0;
	if (name != NULL && p->name != NULL && same_name(name, p->name))
		return 1;
	if (name != NULL && p->handle != NULL && name_is_handle(name,
	    p->handle))
		return 1;
	if (handle != NULL && p->name != NULL && name_is_handle(p->name,
	    handle))
		return 1;
	return 0;
}

/* Move what b knows into a and empty b. */
static void
person_merge(struct person *a, struct person *b)
{
	size_t i;

	if (a->name == NULL) {
		a->name = b->name;
		b->name = NULL;
	}
	if (a->handle == NULL) {
		a->handle = b->handle;
		b->handle = NULL;
	}
	if (a->email == NULL) {
		a->email = b->email;
		b->email = NULL;
	}
	a->retired = a->retired && b->retired;
	for (i = 0; i < b->nrefs; i++) {
		ref_add(a, b->refs[i].path, b->refs[i].line,
		    b->refs[i].source, b->refs[i].retired);
		free(b->refs[i].path);
		free(b->refs[i].source);
	}
	free(b->refs);
	free(b->name);
	free(b->handle);
	free(b->email);
}

void
people_add(struct people *pp, const char *name, const char *handle,
    const char *email, int retired, const char *path, int line,
    const char *source)
{
	struct person np;
	char *nh;

	if (handle != NULL && *handle == '@')
		handle++;
	if (handle != NULL && *handle == '\0')
		handle = NULL;
	if (name != NULL && *name == '\0')
		name = NULL;
	if (email != NULL && *email == '\0')
		email = NULL;
	nh = NULL;
	if (handle == NULL && email != NULL &&
	    (nh = noreply_handle(email)) != NULL)
		handle = nh;
	if (name == NULL && handle == NULL && email == NULL) {
		free(nh);
		return;
	}
	if (pp->n >= PEOPLE_MAX || pp->mentions >= PEOPLE_MAX_MENTIONS) {
		if (pp->dropped++ == 0 && path != NULL) {
			pp->drop_path = xstrdup(path);
			pp->drop_line = line;
		}
		free(nh);
		return;
	}
	pp->mentions++;
	memset(&np, 0, sizeof(np));
	np.name = name != NULL ? xstrdup(name) : NULL;
	np.handle = handle != NULL ? xstrdup(handle) : NULL;
	np.email = email != NULL ? xstrdup(email) : NULL;
	np.team = handle != NULL && strchr(handle, '/') != NULL;
	np.retired = retired;
	ref_add(&np, path, line, source, retired);
	free(nh);
	if (merge_matches(pp, &np))
		return;
	XGROW(pp->v, pp->n + 1, pp->alloc);
	pp->v[pp->n++] = np;
	if (np.team)
		pp->teams++;
}

/*
 * Merge *np into the first person of pp it matches, then fold into that
 * one every other person it now matches; 0 when none matched (*np is
 * left whole).
 */
static int
merge_matches(struct people *pp, struct person *np)
{
	struct person *p, *q;
	size_t i, first;

	first = pp->n;
	for (i = 0; i < pp->n; i++) {
		p = &pp->v[i];
		if (first == pp->n) {
			if (!person_matches(p, np->name, np->handle,
			    np->email))
				continue;
			first = i;
			person_merge(p, np);
			memset(np, 0, sizeof(*np));
			continue;
		}
		q = &pp->v[first];
		if (!person_matches(p, q->name, q->handle, q->email))
			continue;
		/* p is the same person too: fold it into the first. */
		if (p->team)
			pp->teams--;
		person_merge(q, p);
		memmove(p, p + 1, (pp->n - i - 1) * sizeof(*p));
		pp->n--;
		i--;
	}
	return first < pp->n;
}

size_t
people_current(const struct people *pp)
{
	size_t i, n;

	for (i = n = 0; i < pp->n; i++)
		if (!pp->v[i].team && !pp->v[i].retired)
			n++;
	return n;
}

void
people_display(const struct person *p, struct strbuf *sb)
{
	if (p->name != NULL) {
		strbuf_addstr(sb, p->name);
		if (p->handle != NULL)
			strbuf_addf(sb, " (@%s)", p->handle);
		else if (p->email != NULL)
			strbuf_addf(sb, " <%s>", p->email);
	} else if (p->handle != NULL)
		strbuf_addf(sb, "@%s", p->handle);
	else
		strbuf_addstr(sb, p->email);
}

void
people_release(struct people *pp)
{
	size_t i, j;

	for (i = 0; i < pp->n; i++) {
		for (j = 0; j < pp->v[i].nrefs; j++) {
			free(pp->v[i].refs[j].path);
			free(pp->v[i].refs[j].source);
		}
		free(pp->v[i].refs);
		free(pp->v[i].name);
		free(pp->v[i].handle);
		free(pp->v[i].email);
	}
	for (i = 0; i < pp->nsigns; i++) {
		free(pp->signs[i].path);
		free(pp->signs[i].heading);
	}
	free(pp->v);
	free(pp->signs);
	free(pp->drop_path);
	memset(pp, 0, sizeof(*pp));
}

/* ---- handles, emails and names in text ---- */

static int
is_handle_char(int c)
{
	return ascii_isalnum(c) || c == '-';
}

/*
 * The length of a GitHub handle (or "org/team") at s[i], 0 if none;
 * *team is set for a team.
 */
static size_t
scan_handle(const char *s, size_t n, size_t i, int *team)
{
	size_t j, k;

	*team = 0;
	if (i >= n || !ascii_isalnum((unsigned char)s[i]))
		return 0;
	for (j = i; j < n && j - i < HANDLE_MAX + 1 &&
	    is_handle_char((unsigned char)s[j]); j++)
		;
	if (j - i > HANDLE_MAX)
		return 0;
	while (j > i && s[j - 1] == '-')
		j--;
	if (j + 1 < n && s[j] == '/' && ascii_isalnum((unsigned char)s[j + 1])) {
		for (k = j + 1; k < n && (is_handle_char((unsigned char)s[k]) ||
		    s[k] == '_' || s[k] == '.'); k++)
			;
		while (s[k - 1] == '.')
			k--;
		*team = 1;
		return k - i;
	}
	/* "@example.com": a domain, not a handle */
	if (j + 1 < n && s[j] == '.' && ascii_isalnum((unsigned char)s[j + 1]))
		return 0;
	return j - i;
}

/* The handle of a users.noreply.github.com email, or NULL. */
static char *
noreply_handle(const char *email)
{
	static const char dom[] = "@users.noreply.github.com";
	const char *at, *plus;
	size_t n;

	at = strchr(email, '@');
	if (at == NULL || !str_ieq(at, dom))
		return NULL;
	plus = memchr(email, '+', (size_t)(at - email));
	plus = plus != NULL ? plus + 1 : email;
	n = (size_t)(at - plus);
	return n > 0 ? xstrndup(plus, n) : NULL;
}

/*
 * A GitHub user (or org/team) linked at s[i] ("github.com/jane" after
 * "https://", "www." or a space): 1 with out set, else 0.
 */
static int
github_user(const char *s, size_t n, size_t i, struct strbuf *out)
{
	size_t p, j, u, k, t;
	int team;

	p = i;
	if (p >= 4 && ascii_eq_lower(s + p - 4, "www.", 4))
		p -= 4;
	if (p > 0 && strchr("/ \t([<\"'", s[p - 1]) == NULL)
		return 0;
	j = i + strlen("github.com/");
	if (j + 5 < n && ascii_eq_lower(s + j, "orgs/", 5)) {
		/* github.com/orgs/ORG/teams/TEAM */
		j += 5;
		for (u = 0; j + u < n && is_handle_char((unsigned char)s[j + u]);
		    u++)
			;
		k = j + u;
		if (u == 0 || k + 7 > n || !ascii_eq_lower(s + k, "/teams/", 7))
			return 0;
		for (t = 0; k + 7 + t < n && (is_handle_char((unsigned char)
		    s[k + 7 + t]) || s[k + 7 + t] == '_'); t++)
			;
		if (t == 0)
			return 0;
		strbuf_reset(out);
		strbuf_add(out, s + j, u);
		strbuf_addch(out, '/');
		strbuf_add(out, s + k + 7, t);
		return 1;
	}
	if ((u = scan_handle(s, n, j, &team)) == 0 || team)
		return 0;
	if (str_in(s + j, u, github_reserved, NELEM(github_reserved)))
		return 0;
	k = j + u;
	if (k < n && strchr("/)>]\"' \t?#`,;.", s[k]) == NULL)
		return 0;
	/* a second path part: a repository, not a user */
	if (k + 1 < n && s[k] == '/' && ascii_isalnum((unsigned char)s[k + 1]))
		return 0;
	strbuf_reset(out);
	strbuf_add(out, s + j, u);
	return 1;
}

/* Is s[0..n) a word of a name? first/last: its place. */
static int
name_word(const char *s, size_t n, int first, int last)
{
	size_t i, used, upper, letters;
	uint32_t cp;

	while (n > 0 && (s[n - 1] == '.' || s[n - 1] == ','))
		n--;
	if (n == 0)
		return 0;
	if (n == 1)
		return s[0] >= 'A' && s[0] <= 'Z';	/* an initial */
	if (str_in(s, n, particles, NELEM(particles)))
		return !first && !last;
	if (stop_word(s, n))
		return 0;
	for (i = upper = letters = 0; i < n; i += used) {
		cp = utf8_next(s + i, n - i, &used);
		if (cp >= 'A' && cp <= 'Z')
			upper++;
		else if (i == 0 && cp < 0x80)
			return 0;	/* lowercase, a digit, a mark */
		else if (cp == '-' || cp == '\'' || cp == '.' || cp == 0x2019)
			continue;
		else if (cp < 0x80 ? !(cp >= 'a' && cp <= 'z') :
		    text_class(cp) != TEXT_CP_WORD)
			return 0;
		letters++;
	}
	/* GPU, API: an acronym, not a name */
	return upper < 2 || upper * 2 < letters;
}

int
people_name_like(const char *s, size_t n)
{
	size_t i, j, w, words, initials;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '.'))
		n--;
	words = initials = 0;
	for (i = 0; i < n; i = j) {
		while (i < n && s[i] == ' ')
			i++;
		if (i == n)
			break;
		for (j = i; j < n && s[j] != ' '; j++)
			;
		if (!name_word(s + i, j - i, words == 0, j >= n))
			return 0;
		for (w = j - i; w > 0 && s[i + w - 1] == '.'; w--)
			;
		if (w == 1)
			initials++;
		if (++words > NAME_WORDS_MAX)
			return 0;
	}
	return words >= 2 && initials + 1 < words;
}

/*
 * The reST piece of inline markup at s[i]: "`text <url>`_" (its text
 * the text), ":role:`x`" or "``x``" (x); 0 if none starts there.
 */
static int
rst_piece(const char *s, size_t n, size_t i, struct inline_piece *p)
{
	const char *q;
	size_t e, t, end;

	if (s[i] != '`' || i + 1 >= n || (q = memchr(s + i + 1, '`',
	    n - i - 1 < LINK_MAX ? n - i - 1 : LINK_MAX)) == NULL)
		return 0;
	if (q == s + i + 1 && i + 2 < n && (q = memchr(s + i + 2, '`',
	    n - i - 2 < LINK_MAX ? n - i - 2 : LINK_MAX)) == NULL)
		return 0;
	for (e = (size_t)(q - s) + 1; e < n && (s[e] == '_' || s[e] == '`');
	    e++)
		;
	end = (size_t)(q - s);
	for (t = i + 1; t < end && s[t] != '<'; t++)
		;
	if (t < end && s[end - 1] == '>')
		end = t;
	memset(p, 0, sizeof(*p));
	p->kind = INLINE_LINK;
	p->start = i;
	p->end = e;
	p->text = i + 1 + (s[i + 1] == '`');
	p->text_end = end > p->text ? end : p->text;
	return 1;
}

/*
 * The index after a link starting at s[i] ("[text](url)" in Markdown,
 * "`text <url>`_" in reST), 0 if none starts there.
 */
static size_t
link_end(const char *s, size_t n, size_t i, int rst)
{
	struct inline_piece p;

	if (rst)
		return rst_piece(s, n, i, &p) ? p.end : 0;
	if (s[i] != '[' || !inline_at(s, n, i, &p) || p.kind != INLINE_LINK)
		return 0;
	return p.end;
}

/*
 * Whether a name ends at s[i]: at '(', ": ", " - ", " / ", '|', an en
 * or em dash, a URL.
 */
static int
name_stops(const char *s, size_t n, size_t i)
{
	unsigned char c = (unsigned char)s[i];

	if (c == '(' || c == '|' || (c == ':' && (i + 1 == n ||
	    s[i + 1] == ' ')) || (c == ' ' && i + 2 < n &&
	    (s[i + 1] == '-' || s[i + 1] == '/') && s[i + 2] == ' '))
		return 1;
	if (c == 0xe2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
	    ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94))
		return 1;
	return strncmp(s + i, "http://", 7) == 0 ||
	    strncmp(s + i, "https://", 8) == 0;
}

/*
 * Append the n bytes of s to out as text: runs of white space as one
 * space, none before the first byte appended since start.
 */
static void
add_text(const char *s, size_t n, size_t start, int *sp, struct strbuf *out)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '\t') {
			*sp = 1;
			continue;
		}
		if (*sp && out->len > start)
			strbuf_addch(out, ' ');
		*sp = 0;
		strbuf_addch(out, s[i]);
	}
}

/*
 * Append the text of s[0..n) as a reader sees it: links as their text,
 * images, HTML tags, autolinks and emphasis dropped, code spans and
 * escapes as their text, spaces collapsed; the pieces of markup are
 * inline_at()'s (reST's interpreted text rst_piece()'s). With stop,
 * end where a name ends (name_stops()) or at an autolink.
 */
static void
strip_markup(const char *s, size_t n, int rst, int stop, struct strbuf *out)
{
	struct inline_piece p;
	size_t i, start;
	int sp, found;

	start = out->len;
	for (i = 0, sp = 0; i < n; i = found ? p.end : i + 1) {
		if (stop && name_stops(s, n, i))
			break;
		if (rst)
			found = s[i] == '`' ? rst_piece(s, n, i, &p) :
			    s[i] != '[' && s[i] != '!' && inline_at(s, n, i, &p);
		else
			found = inline_at(s, n, i, &p);
		if (found && stop && p.kind == INLINE_AUTOLINK)
			break;
		if (found && p.kind == INLINE_LINK) {
			if (sp && out->len > start)
				strbuf_addch(out, ' ');
			sp = 0;
			strip_markup(s + p.text, p.text_end - p.text, rst, 0, out);
		} else if (!found || p.kind == INLINE_CODE ||
		    p.kind == INLINE_ESCAPE || p.kind == INLINE_ENTITY)
			add_text(s + (found ? p.text : i), found ? p.text_end -
			    p.text : 1, start, &sp, out);
	}
}

/* ---- lines, items and sections ---- */

/* The lines of buf as CommonMark counts them (LF, CRLF, CR). */
static void
split_lines(const char *buf, size_t len, struct lines *ls)
{
	size_t i, s;

	for (i = s = 0; i <= len; i++) {
		if (i < len && buf[i] != '\n' && buf[i] != '\r')
			continue;
		XGROW(ls->v, ls->n + 1, ls->alloc);
		ls->v[ls->n].off = s;
		ls->v[ls->n].len = i - s;
		ls->n++;
		if (i < len && buf[i] == '\r' && i + 1 < len &&
		    buf[i + 1] == '\n')
			i++;
		s = i + 1;
	}
}

/*
 * The text of line j (0-based) of text block b into *t, *n: from the
 * block's column on its first line, after its block quote markers on
 * the others, without leading white space.
 */
static void
block_line(const char *buf, const struct lines *ls, const struct md_block *b,
    size_t j, const char **t, size_t *n)
{
	const char *s;
	size_t i, len;
	int q;

	s = buf + ls->v[j].off;
	len = ls->v[j].len;
	i = 0;
	if ((size_t)b->line == j + 1)
		i = b->col > 1 ? (size_t)b->col - 1 : 0;
	else
		for (q = 0; q < b->quote; q++) {
			while (i < len && (s[i] == ' ' || s[i] == '\t'))
				i++;
			if (i == len || s[i] != '>')
				break;
			i++;
		}
	if (i > len)
		i = len;
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	*t = s + i;
	*n = len - i;
}

/* A row of a table: a cmark paragraph's line starting '|', or "+-". */
static int
is_table_line(const char *s, size_t n)
{
	return n > 0 && (s[0] == '|' || (s[0] == '+' && n > 1 &&
	    (s[1] == '-' || s[1] == '=')));
}

/* Whether a normalised heading holds the word w. */
static int
has_word(const char *norm, const char *w)
{
	const char *p;
	size_t n;

	n = strlen(w);
	for (p = norm; (p = strstr(p, w)) != NULL; p++)
		if ((p == norm || p[-1] == ' ') &&
		    (p[n] == '\0' || p[n] == ' '))
			return 1;
	return 0;
}

/* Words of headings of credits; the first two, of contributors. */
static const char *const credit_w[] = {
	"contributors", "contributor", "contributing", "contribute",
	"contributions", "contribution", "thanks", "thank",
	"acknowledgements", "acknowledgments", "acknowledgement",
	"acknowledgment", "credits", "sponsors", "backers",
	"supporters", "funding", "citing", "citation", "cite",
	"users", "license", "partners", NULL
};

/*
 * What a heading of credits says: a section of contributors alone
 * (SC_CREDIT), other credits (SC_NONE), or not credits (SC_UNSET).
 */
static enum sclass
credit_class(const char *norm, int process)
{
	size_t i;

	for (i = 0; credit_w[i] != NULL && !has_word(norm, credit_w[i]); i++)
		;
	if (i >= 2)
		return credit_w[i] != NULL ? SC_NONE : SC_UNSET;
	/* "Contributors" alone: who maintains may be said, or shown */
	for (i = 2; credit_w[i] != NULL && !has_word(norm, credit_w[i]); i++)
		;
	return credit_w[i] == NULL && !process ? SC_CREDIT : SC_NONE;
}

/* What a heading (normalised) says of its section; *retired set. */
static enum sclass
classify(const char *norm, int *retired)
{
	static const char *const retired_w[] = {
		"retired", "emeritus", "emeriti", "emerita", "former",
		"alumni", "alumnis", "alumnus", "past", "inactive",
		"previous", NULL
	};
	static const char *const strong_w[] = {
		"maintainers", "maintainer", "maintained by", "leads", "lead",
		"leadership", "steering", "committers", "committer", "owners",
		"tsc", "bdfl", "core team", "core developers",
		"core devs", "core contributors", "core members",
		"core maintainers", "core committers", NULL
	};
	static const char *const process_w[] = {
		"become", "becoming", "how", "responsibilities",
		"responsibility", "duties", "process", "role", "roles",
		"adding", "removing", "nomination", "election", "voting",
		"vote", "expectations", "decision", "decisions", "guide",
		"guidelines", "policy", "policies", "notes", "tasks",
		"checklist", "onboarding", "release", "releasing", "for",
		"contents", "guidance", NULL
	};
	static const char *const team_w[] = {
		"team", "people", "authors", "author", "members", "staff",
		"who we are", NULL
	};
	enum sclass sc;
	size_t i;
	int strong, process;

	*retired = 0;
	for (i = 0; retired_w[i] != NULL; i++)
		if (has_word(norm, retired_w[i])) {
			*retired = 1;
			return SC_STRONG;
		}
	for (i = strong = 0; strong_w[i] != NULL; i++)
		strong |= has_word(norm, strong_w[i]);
	for (i = process = 0; process_w[i] != NULL; i++)
		process |= has_word(norm, process_w[i]);
	if (strong)
		return process ? SC_WEAK : SC_STRONG;
	if ((sc = credit_class(norm, process)) != SC_UNSET)
		return sc;
	for (i = 0; team_w[i] != NULL; i++)
		if (has_word(norm, team_w[i]))
			return process ? SC_WEAK : SC_TEAM;
	return process ? SC_WEAK : SC_UNSET;
}

static int
item_line(const struct item *it, size_t off)
{
	size_t i;

	for (i = 1; i < it->nl && it->loff[i] <= off; i++)
		;
	return it->lno[i - 1];
}

static void
item_addline(struct item *it, const char *s, size_t n, int lno)
{
	XGROW(it->loff, it->nl + 1, it->alloc);
	it->lno = xreallocarray(it->lno, it->alloc, sizeof(*it->lno));
	if (it->text.len > 0)
		strbuf_addch(&it->text, ' ');
	it->loff[it->nl] = it->text.len;
	it->lno[it->nl] = lno;
	it->nl++;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	strbuf_add(&it->text, s, n);
}

static void
reader_add(struct people_reader *rd, const char *name, const char *handle,
    const char *email, int line, int bare)
{
	struct pending *p;

	XGROW(rd->pend, rd->npend + 1, rd->pendalloc);
	p = &rd->pend[rd->npend++];
	p->name = name != NULL ? xstrdup(name) : NULL;
	p->handle = handle != NULL ? xstrdup(handle) : NULL;
	p->email = email != NULL ? xstrdup(email) : NULL;
	p->line = line;
	p->bare = bare;
	rd->bare += bare;
}

/*
 * Add the people of a list (or of the paragraphs of a section between
 * lists), in order; its names alone only when at least half the items
 * that could have been names were.
 */
static void
reader_flush(struct people_reader *rd)
{
	struct pending *p;
	size_t i;

	for (i = 0; i < rd->npend; i++) {
		p = &rd->pend[i];
		if (!p->bare || rd->bare * 2 >= rd->tried) {
			people_add(rd->pp, p->name, p->handle, p->email,
			    rd->retired, rd->path, p->line, rd->source);
			rd->added++;
		}
		free(p->name);
		free(p->handle);
		free(p->email);
	}
	rd->npend = rd->bare = rd->tried = 0;
}

static void
mark_add(struct marks *mk, size_t pos, char *handle)
{
	XGROW(mk->m, mk->n + 1, mk->alloc);
	mk->m[mk->n].pos = pos;
	mk->m[mk->n++].handle = handle;
}

/*
 * The email address whose '@' is s[i] in s[b..e): note the first of a
 * segment, and its GitHub handle if it is a noreply address. Returns
 * where the address ends, or i when there is none.
 */
static size_t
scan_email(const char *s, size_t b, size_t e, size_t i, struct marks *mk)
{
	size_t lb, le;
	char *hd;

	if (i == b || !ascii_isalnum((unsigned char)s[i - 1]))
		return i;
	for (lb = i; lb > b && (ascii_isalnum((unsigned char)s[lb - 1]) ||
	    strchr("._%+-", s[lb - 1]) != NULL); lb--)
		;
	for (le = i + 1; le < e && (ascii_isalnum((unsigned char)s[le]) ||
	    s[le] == '.' || s[le] == '-'); le++)
		;
	while (le > i + 1 && s[le - 1] == '.')
		le--;
	if (memchr(s + i + 1, '.', le - i - 1) == NULL ||
	    role_mailbox(s + lb, i - lb))
		return i;
	if (mk->email == NULL)
		mk->email = xstrndup(s + lb, le - lb);
	if ((hd = noreply_handle(mk->email)) != NULL)
		mark_add(mk, lb, hd);
	return le - 1;
}

/* The handles, GitHub profile links and emails of s[b..e), in mk. */
static void
scan_marks(const char *s, size_t b, size_t e, struct marks *mk)
{
	struct strbuf h = STRBUF_INIT;
	size_t i, u;
	int team;

	for (i = b; i < e; i++) {
		if (s[i] == '@' && i > b && (ascii_isalnum((unsigned char)
		    s[i - 1]) || strchr("._-+/:=", s[i - 1]) != NULL))
			i = scan_email(s, b, e, i, mk);
		else if (s[i] == '@') {
			if ((u = scan_handle(s, e, i + 1, &team)) == 0)
				continue;
			mark_add(mk, i, xstrndup(s + i + 1, u));
			i += u;
		} else if ((s[i] == 'g' || s[i] == 'G') && e - i > 11 &&
		    ascii_eq_lower(s + i, "github.com/", 11) &&
		    github_user(s, e, i, &h)) {
			mark_add(mk, i, strbuf_detach(&h, NULL));
			i += 10;
		}
	}
	strbuf_release(&h);
}

/*
 * The name of a segment s[b..e) into name: the text before the first
 * mark or, when that is no name and there are marks, a link's text.
 */
static void
segment_name(const struct people_reader *rd, const char *s, size_t b,
    size_t e, const struct marks *mk, struct strbuf *name)
{
	size_t i, j;

	strip_markup(s + b, e - b, rd->rst, 1, name);
	if (people_name_like(name->buf, name->len))
		return;
	strbuf_reset(name);
	for (i = b; i < e && (mk->n > 0 || mk->email != NULL); i++) {
		if ((j = link_end(s, e, i, rd->rst)) == 0)
			continue;
		strip_markup(s + i, j - i, rd->rst, 0, name);
		if (people_name_like(name->buf, name->len))
			return;
		strbuf_reset(name);
		i = j - 1;
	}
}

/*
 * One segment s[b..e) of an item: the handles, teams and emails in it,
 * the first with the name written before it or as a link's text; with
 * bare, a name alone is a candidate.
 */
static void
read_segment(struct people_reader *rd, const struct item *it, size_t b, size_t e,
    int bare)
{
	const char *s = it->text.buf;
	struct strbuf name = STRBUF_INIT;
	struct marks mk;
	size_t i, k;
	int line, first;

	memset(&mk, 0, sizeof(mk));
	scan_marks(s, b, e, &mk);
	segment_name(rd, s, b, e, &mk, &name);
	line = item_line(it, b);
	first = 1;
	for (i = 0; i < mk.n; i++) {
		for (k = 0; k < i; k++)
			if (str_ieq(mk.m[k].handle, mk.m[i].handle))
				break;
		if (k == i) {
			reader_add(rd, first && name.len > 0 ? name.buf : NULL,
			    mk.m[i].handle, first ? mk.email : NULL,
			    item_line(it, mk.m[i].pos), 0);
			first = 0;
		}
	}
	if (mk.n == 0 && mk.email != NULL)
		reader_add(rd, name.len > 0 ? name.buf : NULL, NULL, mk.email,
		    line, 0);
	else if (mk.n == 0 && bare) {
		rd->tried++;
		if (name.len > 0)
			reader_add(rd, name.buf, NULL, NULL, line, 1);
	}
	for (i = 0; i < mk.n; i++)
		free(mk.m[i].handle);
	free(mk.m);
	free(mk.email);
	strbuf_release(&name);
}

/*
 * Split the text [from, n) of an item at commas, semicolons and " and "
 * outside brackets; with every (a list of names in prose), each part may
 * be a name alone.
 */
static void
read_item(struct people_reader *rd, struct item *it, size_t from, size_t n,
    int every)
{
	const char *s = it->text.buf;
	size_t i, b, words, nextl;
	int depth, tick, bare, nseg, eol;

	if (n - from > ITEM_MAX)
		return;
	rd->read += n - from;
	words = 0;
	for (i = from; i < n; i++)
		if (s[i] != ' ' && (i == from || s[i - 1] == ' '))
			words++;
	/* A name alone: a list item, or a short paragraph, in its first part. */
	bare = rd->sc == SC_STRONG && (it->kind != ITEM_PARA ||
	    words <= SHORT_PARA);
	depth = tick = nseg = 0;
	for (nextl = 1; nextl < it->nl && it->loff[nextl] <= from; nextl++)
		;
	for (i = b = from; i <= n; i++) {
		/* the space joining two lines: lines are parts too */
		eol = nextl < it->nl && i + 1 == it->loff[nextl];
		if (eol)
			nextl++;
		if (i < n) {
			if (s[i] == '`')
				tick = !tick;
			if (tick)
				continue;
			if (s[i] == '(' || s[i] == '[' || s[i] == '<')
				depth++;
			else if ((s[i] == ')' || s[i] == ']' || s[i] == '>') &&
			    depth > 0)
				depth--;
			if (depth > 0)
				continue;
			if (!eol && s[i] != ',' && s[i] != ';' && !(s[i] == ' ' &&
			    i + 4 < n && (memcmp(s + i, " and ", 5) == 0 ||
			    memcmp(s + i, " & ", 3) == 0)))
				continue;
		}
		if (i > b)
			read_segment(rd, it, b, i, every ||
			    (bare && nseg == 0));
		nseg++;
		b = i + 1;
		if (i < n && s[i] == ' ' && !eol)
			b = i + (s[i + 1] == '&' ? 3 : 5);
	}
}

/* The cells of a table row: at '|' outside code spans. */
static size_t
row_cells(const char *s, size_t n, size_t *cb, size_t *ce, size_t max)
{
	size_t i, b, nc;
	int tick;

	i = 0;
	while (i < n && s[i] == ' ')
		i++;
	if (i < n && s[i] == '|')
		i++;
	for (b = i, nc = 0, tick = 0; i <= n && nc < max; i++) {
		if (i < n && s[i] == '`')
			tick = !tick;
		if (i < n && (s[i] != '|' || tick))
			continue;
		if (i == n && b >= n)
			break;
		cb[nc] = b;
		ce[nc] = i;
		while (cb[nc] < ce[nc] && s[cb[nc]] == ' ')
			cb[nc]++;
		while (ce[nc] > cb[nc] && s[ce[nc] - 1] == ' ')
			ce[nc]--;
		nc++;
		b = i + 1;
	}
	return nc;
}

/* Which columns of a header row are names, handles and emails. */
static void
header_cells(struct people_reader *rd, const char *s, size_t n)
{
	struct strbuf t = STRBUF_INIT;
	size_t cb[32], ce[32], nc, i, k;

	rd->col_name = rd->col_handle = rd->col_email = -1;
	nc = row_cells(s, n, cb, ce, 32);
	for (i = 0; i < nc; i++) {
		strbuf_reset(&t);
		strip_markup(s + cb[i], ce[i] - cb[i], rd->rst, 0, &t);
		for (k = 0; k < t.len; k++)
			t.buf[k] = (char)ascii_tolower((unsigned char)t.buf[k]);
		if (rd->col_email < 0 && (strstr(t.buf, "mail") != NULL))
			rd->col_email = (int)i;
		else if (rd->col_handle < 0 && (strstr(t.buf, "github") !=
		    NULL || strstr(t.buf, "handle") != NULL ||
		    strstr(t.buf, "user") != NULL || strstr(t.buf, "login") !=
		    NULL || strcmp(t.buf, "gh") == 0))
			rd->col_handle = (int)i;
		else if (rd->col_name < 0 && (strstr(t.buf, "name") != NULL ||
		    strcmp(t.buf, "maintainer") == 0 ||
		    strcmp(t.buf, "person") == 0 || strcmp(t.buf, "who") == 0))
			rd->col_name = (int)i;
	}
	strbuf_release(&t);
}

/* The first handle (a link to a GitHub profile, @jdoe) of s[b..e). */
static void
cell_handle(const char *s, size_t b, size_t e, struct strbuf *out)
{
	struct marks mk;
	size_t i;

	memset(&mk, 0, sizeof(mk));
	scan_marks(s, b, e, &mk);
	for (i = 0; i < mk.n; i++) {
		if (out->len == 0 && strchr(mk.m[i].handle, '/') == NULL)
			strbuf_addstr(out, mk.m[i].handle);
		free(mk.m[i].handle);
	}
	free(mk.m);
	free(mk.email);
}

/* A table row: by its header's columns, else as a list item. */
static void
read_row(struct people_reader *rd, struct item *it, int lno)
{
	struct strbuf name = STRBUF_INIT, hd = STRBUF_INIT, em = STRBUF_INIT;
	const char *s = it->text.buf;
	size_t cb[32], ce[32], nc, i;
	int team;

	nc = row_cells(s, it->text.len, cb, ce, 32);
	if (rd->col_handle < 0 && rd->col_email < 0 && (rd->col_name < 0 ||
	    rd->sc != SC_STRONG)) {
		for (i = 0; i < nc; i++)
			if (ce[i] > cb[i])
				read_segment(rd, it, cb[i], ce[i], i == 0 &&
				    rd->sc == SC_STRONG);
		return;
	}
	if (rd->col_name >= 0 && (size_t)rd->col_name < nc)
		strip_markup(s + cb[rd->col_name], ce[rd->col_name] -
		    cb[rd->col_name], rd->rst, 1, &name);
	/* "[Jane Doe](https://github.com/jdoe)": the name's own handle */
	if (hd.len == 0 && rd->col_name >= 0 && (size_t)rd->col_name < nc) {
		cell_handle(s, cb[rd->col_name], ce[rd->col_name], &hd);
		if (hd.len > 0 && !people_name_like(name.buf, name.len))
			strbuf_reset(&name);
	}
	if (rd->col_handle >= 0 && (size_t)rd->col_handle < nc) {
		i = (size_t)rd->col_handle;
		strip_markup(s + cb[i], ce[i] - cb[i], rd->rst, 0, &hd);
		if (hd.len > 0 && hd.buf[0] == '@')
			memmove(hd.buf, hd.buf + 1, hd.len--);
		if (scan_handle(hd.buf, hd.len, 0, &team) != hd.len)
			strbuf_reset(&hd);
	}
	if (rd->col_email >= 0 && (size_t)rd->col_email < nc) {
		i = (size_t)rd->col_email;
		strip_markup(s + cb[i], ce[i] - cb[i], rd->rst, 0, &em);
		if (memchr(em.buf, '@', em.len) == NULL || memchr(em.buf, ' ',
		    em.len) != NULL)
			strbuf_reset(&em);
	}
	if (name.len > 0 || hd.len > 0 || em.len > 0)
		reader_add(rd, name.len > 0 ? name.buf : NULL,
		    hd.len > 0 ? hd.buf : NULL, em.len > 0 ? em.buf : NULL,
		    lno, 0);
	strbuf_release(&name);
	strbuf_release(&hd);
	strbuf_release(&em);
}

static int
separator_row(const char *s, size_t n)
{
	size_t i;
	int dash;

	for (i = dash = 0; i < n; i++) {
		if (s[i] == '-' || s[i] == '=')
			dash = 1;
		else if (s[i] != '|' && s[i] != ':' && s[i] != ' ' &&
		    s[i] != '+')
			return 0;
	}
	return dash;
}

static void
item_reset(struct item *it, enum item_kind kind)
{
	strbuf_reset(&it->text);
	it->nl = 0;
	it->kind = kind;
}

/*
 * The table at line i (0-based) of text block b, up to line to: its
 * rows, read by the header's columns. Returns the line after it.
 */
static size_t
read_table(struct people_reader *rd, const char *buf, const struct lines *ls,
    const struct md_block *b, size_t i, size_t to, struct item *it)
{
	const char *t;
	size_t j, hdr, end, n;

	rd->col_name = rd->col_handle = rd->col_email = -1;
	/* a header is the row before the first separator */
	for (j = i, hdr = to; j < to; j++) {
		block_line(buf, ls, b, j, &t, &n);
		if (!is_table_line(t, n))
			break;
		if (hdr == to && separator_row(t, n))
			hdr = j;
	}
	end = j;
	for (j = i; j < hdr && j < end; j++) {
		block_line(buf, ls, b, j, &t, &n);
		if (!separator_row(t, n))
			header_cells(rd, t, n);
	}
	if (hdr == to)
		rd->col_name = rd->col_handle = rd->col_email = -1;
	for (j = hdr == to ? i : hdr; j < end; j++) {
		block_line(buf, ls, b, j, &t, &n);
		if (separator_row(t, n))
			continue;
		item_reset(it, ITEM_ROW);
		item_addline(it, t, n, (int)j + 1);
		read_row(rd, it, (int)j + 1);
	}
	return end;
}

/*
 * A paragraph or HTML block b, up to line to: its table rows, and each
 * run of other lines as one item, the first of kind, the others
 * paragraphs.
 */
static void
read_text(struct people_reader *rd, const char *buf, const struct lines *ls,
    const struct md_block *b, enum item_kind kind, size_t to,
    struct item *it)
{
	const char *t;
	size_t j, n, last;

	last = (size_t)b->end_line < to ? (size_t)b->end_line : to;
	for (j = (size_t)b->line - 1; j < last; ) {
		block_line(buf, ls, b, j, &t, &n);
		if (n == 0) {
			j++;
			continue;
		}
		if (is_table_line(t, n)) {
			j = read_table(rd, buf, ls, b, j, last, it);
			kind = ITEM_PARA;
			continue;
		}
		item_reset(it, kind);
		for (; j < last; j++) {
			block_line(buf, ls, b, j, &t, &n);
			if (n == 0 || is_table_line(t, n))
				break;
			item_addline(it, t, n, (int)j + 1);
		}
		read_item(rd, it, 0, it->text.len, 0);
		kind = ITEM_PARA;
	}
}

/* The first text block of doc starting at line from + 1 or later. */
static size_t
first_block(const struct md_doc *doc, size_t from)
{
	size_t lo, hi, mid;

	lo = 0;
	hi = doc->ntext;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((size_t)doc->text[mid].line <= from)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Read the text blocks starting in lines [from, to) (0-based) of a
 * section: the first paragraph of a list item is a list item.
 */
static void
read_region(struct people_reader *rd, const char *buf, const struct lines *ls,
    const struct md_doc *doc, size_t from, size_t to)
{
	const struct md_block *b, *item;
	struct item it;
	enum item_kind kind, last = ITEM_PARA;
	size_t i;

	memset(&it, 0, sizeof(it));
	strbuf_init(&it.text);
	item = NULL;
	for (i = first_block(doc, from); i < doc->ntext &&
	    (size_t)doc->text[i].line <= to && rd->read < SECTIONS_MAX; i++) {
		b = &doc->text[i];
		if (b->kind == MD_BLOCK_ITEM) {
			item = b;
			continue;
		}
		kind = b->kind == MD_BLOCK_PARA && item != NULL &&
		    b->line <= item->end_line ? ITEM_LIST : ITEM_PARA;
		item = NULL;
		/* a list ends: its names are judged as a list of their own */
		if (kind == ITEM_PARA && last == ITEM_LIST)
			reader_flush(rd);
		last = kind;
		read_text(rd, buf, ls, b, kind, to, &it);
	}
	reader_flush(rd);
	strbuf_release(&it.text);
	free(it.loff);
	free(it.lno);
}

/*
 * Whether the lines [from, to) say the section's people maintain, or
 * are its core developers or core team.
 */
static int
says_maintained(const char *buf, const struct lines *ls, size_t from,
    size_t to)
{
	static const char *const says[] = {
		"maintain", "core dev", "core team", NULL
	};
	const struct line *l;
	size_t i, j, k, n;

	for (i = from; i < to; i++) {
		l = &ls->v[i];
		for (j = 0; j < l->len; j++)
			for (k = 0; says[k] != NULL; k++) {
				n = strlen(says[k]);
				if (j + n <= l->len && ascii_eq_lower(buf +
				    l->off + j, says[k], n))
					return 1;
			}
	}
	return 0;
}

/*
 * The text lines of block b up to line to (0-based), table rows left
 * out, as one item of the kind of a paragraph.
 */
static void
block_item(const char *buf, const struct lines *ls, const struct md_block *b,
    size_t to, struct item *it)
{
	const char *t;
	size_t j, n, last;

	item_reset(it, ITEM_PARA);
	last = (size_t)b->end_line < to ? (size_t)b->end_line : to;
	for (j = (size_t)b->line - 1; j < last; j++) {
		block_line(buf, ls, b, j, &t, &n);
		if (n > 0 && !is_table_line(t, n))
			item_addline(it, t, n, (int)j + 1);
	}
}

/*
 * Where the people of "maintained by" in an item start (after "by"),
 * and in *end where its sentence ends; 0 when it says no such thing.
 * A sentence ends at '.', '!' or '?' before a space or the end, but
 * not after an initial ("Jane A. Doe").
 */
static size_t
maintained_by(const struct item *it, size_t *end)
{
	static const char phrase[] = "maintained by";
	const char *s = it->text.buf;
	size_t n = it->text.len, i, p, k;

	for (i = 0; i + sizeof(phrase) - 1 <= n; i++)
		if (ascii_eq_lower(s + i, phrase, sizeof(phrase) - 1) &&
		    (i + sizeof(phrase) - 1 == n || !ascii_isalnum(
		    (unsigned char)s[i + sizeof(phrase) - 1])))
			break;
	if (i + sizeof(phrase) - 1 > n)
		return 0;
	p = i + sizeof(phrase) - 1;
	for (i = p; i < n; i++) {
		if (strchr(".!?", s[i]) == NULL || (i + 1 < n &&
		    s[i + 1] != ' '))
			continue;
		for (k = i; k > p && s[k - 1] != ' '; k--)
			;
		if (s[i] != '.' || i - k != 1 || s[k] < 'A' || s[k] > 'Z')
			break;
	}
	*end = i;
	return p;
}

/*
 * Read the people that prose saying "maintained by" names in lines
 * [from, to) of a section, each a name even alone: the rest of its
 * sentence, or the list after it when the sentence ends there
 * ("maintained by:", "by the following people:"). Returns how many
 * were added.
 */
static size_t
read_maintained_by(struct people_reader *rd, const char *buf,
    const struct lines *ls, const struct md_doc *doc, size_t from, size_t to)
{
	const struct md_block *b;
	struct item it;
	enum sclass sc = rd->sc;
	size_t i, p, e, added = rd->added;
	int follow;

	memset(&it, 0, sizeof(it));
	strbuf_init(&it.text);
	rd->sc = SC_STRONG;
	for (i = first_block(doc, from), follow = 0; i < doc->ntext &&
	    (size_t)doc->text[i].line <= to && rd->read < SECTIONS_MAX; i++) {
		b = &doc->text[i];
		if (b->kind == MD_BLOCK_ITEM)
			continue;
		if (follow && b->level > 0) {
			read_text(rd, buf, ls, b, ITEM_LIST, to, &it);
			continue;
		}
		reader_flush(rd);
		block_item(buf, ls, b, to, &it);
		follow = 0;
		if ((p = maintained_by(&it, &e)) == 0)
			continue;
		while (e > p && it.text.buf[e - 1] == ' ')
			e--;
		if (e > p && it.text.buf[e - 1] != ':')
			read_item(rd, &it, p, e, 1);
		follow = e == p || it.text.buf[e - 1] == ':';
	}
	reader_flush(rd);
	rd->sc = sc;
	strbuf_release(&it.text);
	free(it.loff);
	free(it.lno);
	return rd->added - added;
}

/*
 * Whether lines [from, to) of a section show people: an image (a
 * contributors graph), or a person a maintainers section would count.
 */
static int
shows_people(const struct people_reader *rd, const char *buf,
    const struct lines *ls, const struct md_doc *doc, size_t from, size_t to)
{
	struct people scratch = PEOPLE_INIT;
	struct people_reader sr;
	const struct line *l;
	size_t i, j;
	int shown;

	for (i = from; i < to; i++) {
		l = &ls->v[i];
		for (j = 0; j + 4 <= l->len; j++)
			if (memcmp(buf + l->off + j, "![", 2) == 0 ||
			    ascii_eq_lower(buf + l->off + j, "<img", 4))
				return 1;
	}
	memset(&sr, 0, sizeof(sr));
	sr.pp = &scratch;
	sr.path = rd->path;
	sr.rst = rd->rst;
	sr.sc = SC_STRONG;
	read_region(&sr, buf, ls, doc, from, to);
	shown = scratch.n > 0;
	free(sr.pend);
	people_release(&scratch);
	return shown;
}

static void
sign_add(struct people *pp, const char *path, int line, const char *heading)
{
	struct people_sign *g;

	XGROW(pp->signs, pp->nsigns + 1, pp->signalloc);
	g = &pp->signs[pp->nsigns++];
	g->path = xstrdup(path);
	g->line = line;
	g->heading = xstrdup(heading);
}

/*
 * Read section h (its own lines, [from, to) 0-based) as sc says: the
 * people "maintained by" names in any section that may name people;
 * of a contributors section only those, or its heading as a sign.
 */
static void
read_section(struct people_reader *rd, const char *buf,
    const struct lines *ls, const struct md_doc *doc, size_t h,
    enum sclass sc)
{
	size_t from, to, said;

	from = doc->h[h].body_line > 0 ? (size_t)doc->h[h].body_line - 1 :
	    (size_t)doc->h[h].end_line;
	to = h + 1 < doc->nheadings ? (size_t)doc->h[h + 1].line - 1 : ls->n;
	if (to > ls->n)
		to = ls->n;
	if (from >= to || sc == SC_NONE || sc == SC_UNSET)
		return;
	rd->sc = sc;
	/* a process section (how to become a maintainer) names no one so */
	said = sc != SC_WEAK ? read_maintained_by(rd, buf, ls, doc, from,
	    to) : 0;
	if (sc == SC_CREDIT) {
		if (said == 0 && shows_people(rd, buf, ls, doc, from, to))
			sign_add(rd->pp, rd->path, doc->h[h].line,
			    doc->h[h].text);
		return;
	}
	if (sc == SC_TEAM)
		rd->sc = says_maintained(buf, ls, from, to) ? SC_STRONG :
		    SC_WEAK;
	read_region(rd, buf, ls, doc, from, to);
}

int
people_page(const struct md_doc *doc)
{
	enum sclass sc;
	int r;

	/* its title: a page whose one section of authors is no team page */
	if (doc->nheadings == 0)
		return 0;
	sc = classify(doc->h[0].norm, &r);
	return !r && (sc == SC_STRONG || (sc == SC_TEAM &&
	    !has_word(doc->h[0].norm, "author") &&
	    !has_word(doc->h[0].norm, "authors")));
}

size_t
people_from_doc(struct people *pp, const char *buf, size_t len,
    const struct md_doc *doc, const char *path, unsigned flags)
{
	struct lines ls = { NULL, 0, 0 };
	struct people_reader rd;
	enum sclass *sc;
	int *ret, r;
	size_t i, to, par;

	split_lines(buf, len, &ls);
	memset(&rd, 0, sizeof(rd));
	rd.pp = pp;
	rd.path = path;
	rd.rst = (flags & PEOPLE_RST) != 0;
	sc = xcalloc(doc->nheadings + 1, sizeof(*sc));
	ret = xcalloc(doc->nheadings + 1, sizeof(*ret));
	/* Before the first heading. */
	to = doc->nheadings > 0 ? (size_t)doc->h[0].line - 1 : ls.n;
	if ((flags & PEOPLE_WHOLE) && to > 0) {
		rd.sc = SC_STRONG;
		read_region(&rd, buf, &ls, doc, 0, to < ls.n ? to : ls.n);
	}
	for (i = 0; i < doc->nheadings; i++) {
		sc[i] = classify(doc->h[i].norm, &r);
		par = doc->h[i].parent;
		ret[i] = r || (par != MD_NONE && par < i && ret[par]);
		if (ret[i])
			sc[i] = SC_STRONG;
		else if (sc[i] == SC_UNSET)
			sc[i] = par != MD_NONE && par < i ? sc[par] :
			    (flags & PEOPLE_WHOLE) ? SC_STRONG : SC_NONE;
		/* contributors in acknowledgements are thanked, no sign */
		if (sc[i] == SC_CREDIT && par != MD_NONE && par < i &&
		    classify(doc->h[par].norm, &r) == SC_NONE)
			sc[i] = SC_NONE;
		rd.retired = ret[i];
		rd.source = doc->h[i].text;
		read_section(&rd, buf, &ls, doc, i, sc[i]);
	}
	free(rd.pend);
	free(sc);
	free(ret);
	free(ls.v);
	return rd.added;
}
