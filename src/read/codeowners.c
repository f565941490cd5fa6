/* codeowners.c: CODEOWNERS parsed as GitHub reads it, and matched to paths */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "read/codeowners.h"
#include "glob.h"
#include "read/reader.h"
#include "strbuf.h"
#include "utf8.h"
#include "xalloc.h"

/* co_rule.flags */
#define CO_F_ANCHORED	0x1	/* matched from the root */
#define CO_F_DIRONLY	0x2	/* a final '/': only what a directory holds */
#define CO_F_CHILDREN	0x4	/* a final "/" "*": the files directly inside */
#define CO_F_NONE	0x8	/* matches nothing ("/" alone) */

#define CLIP		60	/* bytes of a token quoted in a message */
#define USER_MAX	39	/* GitHub's longest user name */

/* Rules whose candidates share a key: a name, a first component. */
struct bucket {
	char		*key;
	size_t		*v;
	size_t		 n, alloc;
};

struct htab {
	struct bucket	*b;		/* cap slots, key NULL when free */
	size_t		 cap, used;
};

struct co_index {
	const struct co_file	*f;
	struct htab		 first;		/* anchored: first component */
	struct htab		 name;		/* unanchored literal name */
	struct htab		 ext;		/* unanchored "*.ext" */
	size_t			*general;	/* every other rule */
	size_t			 ngeneral, galloc;
};

static int	 blank(int);
static char	*clip(const char *, size_t);
static void	 add_error(struct co_file *, int, int, const char *, ...)
		    __attribute__((format(printf, 4, 5)));
static void	 add_comment(struct co_file *, int, const char *, size_t);
static int	 check_bytes(struct co_file *, const char *, size_t, int,
		    int);
/* A pattern being checked, where it is, and its text clipped for messages. */
struct pattern_at {
	struct co_file	*f;
	const char	*s;
	size_t		 n;
	int		 line, col;
	char		*q;
};

static int	 bad_start(const struct pattern_at *);
static size_t	 unescaped(const char *, size_t, const char *);
static int	 bad_brackets(const struct pattern_at *);
static size_t	 three_stars(const char *, size_t);
static int	 bad_stars(const struct pattern_at *);
static int	 bad_escape(const struct pattern_at *);
static int	 check_pattern(struct co_file *, const char *, size_t, int,
		    int);
static int	 user_valid(const char *, size_t);
static int	 team_valid(const char *, size_t);
static int	 email_valid(const char *, size_t);
static int	 check_owner(struct co_file *, const char *, size_t, int,
		    int);
static void	 prepare(struct co_rule *);
/* The owners of a line, as parse_owners() collects them. */
struct co_owners {
	struct co_owner	*v;
	size_t		 n, alloc;
};

static void	 parse_line(struct co_file *, const char *, size_t, int);
static int	 parse_owners(struct co_file *, const char *, size_t, size_t,
		    int, struct co_owners *);
static int	 match_buf(const struct co_rule *, char *, size_t, int);
static uint32_t	 hash(const char *, size_t);
static const struct bucket *htab_find(const struct htab *, const char *,
		    size_t);
static struct bucket *htab_add(struct htab *, const char *, size_t);
static void	 htab_free(struct htab *);
static void	 vec_add(size_t **, size_t *, size_t *, size_t);
static int	 by_index_desc(const void *, const void *);

static int
blank(int c)
{
	return c == ' ' || c == '\t';
}

/* A token for a message: at most CLIP bytes, cut between characters. */
static char *
clip(const char *s, size_t n)
{
	size_t k, l;

	if (n <= CLIP)
		return xstrndup(s, n);
	for (k = 0; k < CLIP; k += l)
		if ((l = utf8_len(s + k, n - k)) == 0 || k + l > CLIP)
			break;
	return xasprintf("%.*s...", (int)k, s);
}

static void
add_error(struct co_file *f, int line, int col, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	struct co_error *e;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	XGROW(f->errors, f->nerrors + 1, f->ealloc);
	e = &f->errors[f->nerrors++];
	e->line = line;
	e->col = col;
	e->message = strbuf_detach(&sb, NULL);
}

static void
add_comment(struct co_file *f, int line, const char *s, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	struct co_comment *c;

	while (n > 0 && blank((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n > 0 && blank((unsigned char)s[n - 1]))
		n--;
	XGROW(f->comments, f->ncomments + 1, f->comalloc);
	c = &f->comments[f->ncomments++];
	c->line = line;
	strbuf_add_printable(&sb, s, n);
	c->text = strbuf_detach(&sb, NULL);
}

/*
 * A token GitHub cannot read as text (at column col): a control
 * character or bytes that are not UTF-8. Returns -1 with the error
 * added, else 0.
 */
static int
check_bytes(struct co_file *f, const char *s, size_t n, int line, int col)
{
	size_t i, l;
	unsigned char c;

	for (i = 0; i < n; i += l) {
		c = (unsigned char)s[i];
		if (c < 0x80) {
			l = 1;
			if ((c < 0x20 && c != '\t') || c == 0x7f) {
				add_error(f, line, col + (int)i, "Invalid line: a "
				    "control character (0x%02x)", c);
				return -1;
			}
			continue;
		}
		if ((l = utf8_len(s + i, n - i)) == 0) {
			add_error(f, line, col + (int)i, "Invalid line: bytes "
			    "that are not UTF-8 text");
			return -1;
		}
	}
	return 0;
}

/*
 * What GitHub refuses in a pattern (s, n bytes, at column col): the
 * first problem becomes an error and -1 is returned.
 */
static int
check_pattern(struct co_file *f, const char *s, size_t n, int line, int col)
{
	struct pattern_at p;
	int bad;

	p.f = f;
	p.s = s;
	p.n = n;
	p.line = line;
	p.col = col;
	p.q = clip(s, n);
	bad = bad_start(&p) || bad_brackets(&p) || bad_stars(&p) ||
	    bad_escape(&p);
	free(p.q);
	return bad ? -1 : 0;
}

/* A pattern that starts with an owner, a '!' or an escaped '#'. */
static int
bad_start(const struct pattern_at *p)
{
	const char *s = p->s;

	if (s[0] == '@')
		add_error(p->f, p->line, p->col, "Invalid pattern '%s': it is "
		    "an owner, and the line has no pattern (did you mean "
		    "'* %s'?)", p->q, p->q);
	else if (s[0] == '!')
		add_error(p->f, p->line, p->col, "Invalid pattern '%s': "
		    "negation with '!' is not supported in CODEOWNERS", p->q);
	else if (p->n >= 2 && s[0] == '\\' && s[1] == '#')
		add_error(p->f, p->line, p->col, "Invalid pattern '%s': "
		    "escaping a leading '#' is not supported in CODEOWNERS "
		    "(did you mean '**/%s'?)", p->q, p->q + 1);
	else
		return 0;
	return 1;
}

/* The offset of the first unescaped byte of set, or n. */
static size_t
unescaped(const char *s, size_t n, const char *set)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '\\')
			i++;
		else if (strchr(set, s[i]) != NULL)
			break;
	}
	return i < n ? i : n;
}

/* Unescaped brackets, with the pattern escaped as the suggestion. */
static int
bad_brackets(const struct pattern_at *p)
{
	struct strbuf fix = STRBUF_INIT;
	const char *s = p->s;
	size_t i, at;

	if ((at = unescaped(s, p->n, "[]")) == p->n)
		return 0;
	for (i = 0; i < p->n; i++) {
		if (s[i] == '\\' && i + 1 < p->n) {
			strbuf_add(&fix, s + i, 2);
			i++;
			continue;
		}
		if (s[i] == '[' || s[i] == ']')
			strbuf_addch(&fix, '\\');
		strbuf_addch(&fix, s[i]);
	}
	add_error(p->f, p->line, p->col + (int)at, "Invalid pattern '%s': "
	    "both '[' and ']' must be escaped with a '\\' (did you mean "
	    "'%.*s'?)", p->q, fix.len > 2 * CLIP ? 2 * CLIP : (int)fix.len,
	    fix.buf);
	strbuf_release(&fix);
	return 1;
}

/* The offset of the first unescaped run of three stars, or n. */
static size_t
three_stars(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i + 2 < n; i++) {
		if (s[i] == '\\')
			i++;
		else if (s[i] == '*' && s[i + 1] == '*' && s[i + 2] == '*')
			return i;
	}
	return n;
}

/* A run of three stars or more, with each run cut to two suggested. */
static int
bad_stars(const struct pattern_at *p)
{
	struct strbuf fix = STRBUF_INIT;
	const char *s = p->s;
	size_t i, at, n = p->n;

	if ((at = three_stars(s, n)) == n)
		return 0;
	for (i = 0; i < n; i++) {
		strbuf_addch(&fix, s[i]);
		if (s[i] == '\\' && i + 1 < n)
			strbuf_addch(&fix, s[++i]);
		else if (s[i] == '*' && i + 2 < n && s[i + 1] == '*')
			while (i + 2 < n && s[i + 2] == '*')
				i++;
	}
	add_error(p->f, p->line, p->col + (int)at, "Invalid pattern '%s': "
	    "'***' is not a wildcard (did you mean '%.*s'?)", p->q,
	    fix.len > 2 * CLIP ? 2 * CLIP : (int)fix.len, fix.buf);
	strbuf_release(&fix);
	return 1;
}

/* A pattern that ends with the backslash of an escape. */
static int
bad_escape(const struct pattern_at *p)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		if (p->s[i] == '\\' && ++i == p->n) {
			add_error(p->f, p->line, p->col + (int)p->n - 1,
			    "Invalid pattern '%s': it ends with an escaping "
			    "'\\'", p->q);
			return 1;
		}
	return 0;
}

/* A GitHub user or organisation name (old names may have '_' or '-'). */
static int
user_valid(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n > USER_MAX || s[0] == '-')
		return 0;
	for (i = 0; i < n; i++)
		if (!ascii_isalnum((unsigned char)s[i]) && s[i] != '-' &&
		    s[i] != '_')
			return 0;
	return 1;
}

/* A team's slug. */
static int
team_valid(const char *s, size_t n)
{
	size_t i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (!ascii_isalnum((unsigned char)s[i]) && s[i] != '-' &&
		    s[i] != '_' && s[i] != '.')
			return 0;
	return 1;
}

/* local@domain.tld, with no blank and one '@'. */
static int
email_valid(const char *s, size_t n)
{
	const char *at, *dot;
	size_t i, dl;

	if ((at = memchr(s, '@', n)) == NULL || at == s ||
	    memchr(at + 1, '@', n - (size_t)(at - s) - 1) != NULL)
		return 0;
	for (i = 0; s + i < at; i++)
		if ((unsigned char)s[i] <= ' ' || strchr("<>(),;:\"", s[i]))
			return 0;
	dl = n - (size_t)(at - s) - 1;
	if (dl < 3 || at[1] == '.' || at[dl] == '.' ||
	    (dot = memchr(at + 1, '.', dl)) == NULL)
		return 0;
	for (i = 1; i <= dl; i++)
		if (!ascii_isalnum((unsigned char)at[i]) && at[i] != '-' &&
		    at[i] != '.')
			return 0;
	return 1;
}

int
codeowners_owner_valid(const char *s)
{
	const char *slash;
	size_t n;

	n = strlen(s);
	if (n > 0 && s[0] == '@') {
		if ((slash = memchr(s + 1, '/', n - 1)) == NULL)
			return user_valid(s + 1, n - 1);
		return user_valid(s + 1, (size_t)(slash - s) - 1) &&
		    team_valid(slash + 1, n - (size_t)(slash - s) - 1);
	}
	return email_valid(s, n);
}

/*
 * An owner token (s, n bytes at column col): its kind, or -1 with an
 * error added, with a suggestion for the usual slips.
 */
static int
check_owner(struct co_file *f, const char *s, size_t n, int line, int col)
{
	char *tok, *q;
	const char *at;
	int kind;

	tok = xstrndup(s, n);
	q = clip(s, n);
	kind = -1;
	if (codeowners_owner_valid(tok))
		kind = tok[0] != '@' ? CO_EMAIL :
		    strchr(tok, '/') != NULL ? CO_TEAM : CO_USER;
	else if (tok[0] == '@' && n > 1 && tok[1] == '@')
		add_error(f, line, col, "Invalid owner '%s': one '@' starts an "
		    "owner (did you mean '%s'?)", q, q + 1);
	else if (tok[0] == '@' && (at = strchr(tok + 1, '@')) != NULL &&
	    user_valid(tok + 1, (size_t)(at - tok) - 1))
		add_error(f, line, col, "Invalid owner '%s': owners are "
		    "separated by spaces (did you mean '%.*s %s'?)", q,
		    (int)(at - tok), tok, at);
	else if (tok[0] == '@' && n > 1 && strchr(",;", tok[n - 1]) != NULL &&
	    (tok[n - 1] = '\0', codeowners_owner_valid(tok)))
		add_error(f, line, col, "Invalid owner '%s': owners are "
		    "separated by spaces, not '%c' (did you mean '%s'?)", q,
		    s[n - 1], tok);
	else if (tok[0] == '@' && tok[n - 1] == '/')
		add_error(f, line, col, "Invalid owner '%s': a team needs its "
		    "name after the '/' (@org/team)", q);
	else if (tok[0] != '@' && strchr(tok, '@') == NULL &&
	    user_valid(tok, n))
		add_error(f, line, col, "Invalid owner '%s': a user or team "
		    "starts with '@' (did you mean '@%s'?)", q, q);
	else if (tok[0] != '@' && strchr(tok, '@') != NULL)
		add_error(f, line, col, "Invalid owner '%s': not an email "
		    "address", q);
	else
		add_error(f, line, col, "Invalid owner '%s': owners are @user, "
		    "@org/team or an email address", q);
	free(q);
	free(tok);
	return kind;
}

/* The matcher's view of a rule's pattern. */
static void
prepare(struct co_rule *r)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p, *last;
	size_t n, i;

	p = r->pattern;
	n = strlen(p);
	r->flags = 0;
	if (n >= 4 && strcmp(p + n - 4, "/**/") == 0)
		n--;		/* "a/" "**" "/": all below a, files too */
	else if (n > 0 && p[n - 1] == '/') {
		r->flags |= CO_F_DIRONLY;
		n--;
	}
	if (n > 0 && p[0] == '/') {
		r->flags |= CO_F_ANCHORED;
		p++;
		n--;
	}
	if (n == 0)
		r->flags |= CO_F_NONE;
	if (memchr(p, '/', n) != NULL)
		r->flags |= CO_F_ANCHORED;
	/* GitHub reads '[' and ']' literally. */
	for (i = 0; i < n; i++) {
		if (p[i] == '\\' && i + 1 < n) {
			strbuf_add(&sb, p + i, 2);
			i++;
			continue;
		}
		if (p[i] == '[' || p[i] == ']')
			strbuf_addch(&sb, '\\');
		strbuf_addch(&sb, p[i]);
	}
	r->glob = strbuf_detach(&sb, NULL);
	last = strrchr(r->glob, '/');
	last = last != NULL ? last + 1 : r->glob;
	if ((r->flags & (CO_F_ANCHORED | CO_F_DIRONLY)) == CO_F_ANCHORED &&
	    strcmp(last, "*") == 0)
		r->flags |= CO_F_CHILDREN;
	r->prefix = strcspn(r->glob, "*?[\\");
}

static void
parse_line(struct co_file *f, const char *s, size_t n, int line)
{
	struct co_owners ow;
	struct co_rule *r;
	size_t i, j;
	int bad;

	for (i = 0; i < n && blank((unsigned char)s[i]); i++)
		;
	if (i == n)
		return;
	if (s[i] == '#') {
		add_comment(f, line, s + i + 1, n - i - 1);
		return;
	}
	if (f->nrules >= CO_MAX_RULES || f->nowners >= CO_MAX_OWNERS) {
		if (f->rules_dropped++ == 0)
			f->rules_line = line;
		return;
	}
	for (j = i; j < n && !blank((unsigned char)s[j]); j++)
		if (s[j] == '\\' && j + 1 < n)
			j++;
	bad = check_bytes(f, s + i, j - i, line, (int)i + 1) < 0 ||
	    check_pattern(f, s + i, j - i, line, (int)i + 1) < 0;
	memset(&ow, 0, sizeof(ow));
	if (parse_owners(f, s, n, j, line, &ow) == -1)
		bad = 1;
	if (bad) {
		/* GitHub skips the whole line. */
		for (j = 0; j < ow.n; j++)
			free(ow.v[j].name);
		free(ow.v);
		return;
	}
	XGROW(f->rules, f->nrules + 1, f->ralloc);
	r = &f->rules[f->nrules++];
	memset(r, 0, sizeof(*r));
	r->pattern = xstrndup(s + i, j - i);
	r->line = line;
	r->col = (int)i + 1;
	r->owners = ow.v;
	r->nowners = ow.n;
	prepare(r);
}

/*
 * The owners of a line from byte k on, up to a comment: 0, or -1 when
 * one of them is invalid (each error added; the valid ones kept).
 */
static int
parse_owners(struct co_file *f, const char *s, size_t n, size_t k, int line,
    struct co_owners *ow)
{
	size_t j;
	int kind, rc = 0;

	for (; ; k = j) {
		while (k < n && blank((unsigned char)s[k]))
			k++;
		if (k == n)
			break;
		if (s[k] == '#') {
			add_comment(f, line, s + k + 1, n - k - 1);
			break;
		}
		for (j = k; j < n && !blank((unsigned char)s[j]); j++)
			;
		if (check_bytes(f, s + k, j - k, line, (int)k + 1) < 0 ||
		    (kind = check_owner(f, s + k, j - k, line,
		    (int)k + 1)) < 0) {
			rc = -1;
			continue;
		}
		if (ow->n >= CO_MAX_LINE_OWNERS) {
			if (f->owners_dropped++ == 0)
				f->owners_line = line;
			continue;
		}
		f->nowners++;
		XGROW(ow->v, ow->n + 1, ow->alloc);
		ow->v[ow->n].name = xstrndup(s + k, j - k);
		ow->v[ow->n].line = line;
		ow->v[ow->n].col = (int)k + 1;
		ow->v[ow->n].kind = kind;
		ow->n++;
	}
	return rc;
}

int
codeowners_parse(const char *text, size_t len, struct co_file *f)
{
	const char *p, *end, *eol;
	size_t n;
	int line;

	memset(f, 0, sizeof(*f));
	end = text + len;
	p = text;
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;		/* a byte order mark */
	for (line = 1; p < end; line++) {
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		n = (size_t)(eol - p);
		if (n > 0 && p[n - 1] == '\r')
			n--;
		parse_line(f, p, n, line);
		p = eol + 1;
		if (line == INT32_MAX)
			break;
	}
	return 0;
}

void
codeowners_release(struct co_file *f)
{
	size_t i, j;

	for (i = 0; i < f->nrules; i++) {
		for (j = 0; j < f->rules[i].nowners; j++)
			free(f->rules[i].owners[j].name);
		free(f->rules[i].owners);
		free(f->rules[i].pattern);
		free(f->rules[i].glob);
	}
	free(f->rules);
	for (i = 0; i < f->nerrors; i++)
		free(f->errors[i].message);
	free(f->errors);
	for (i = 0; i < f->ncomments; i++)
		free(f->comments[i].text);
	free(f->comments);
	memset(f, 0, sizeof(*f));
}

/*
 * A rule against path in buf (len bytes, NUL-terminated, written to and
 * restored): the path itself, or a directory above it, matches.
 */
static int
match_buf(const struct co_rule *r, char *buf, size_t len, int is_dir)
{
	char *s, *end;
	int anchored, dir, m;

	if (r->flags & CO_F_NONE)
		return 0;
	anchored = (r->flags & CO_F_ANCHORED) != 0;
	if (anchored && (len < r->prefix ||
	    memcmp(buf, r->glob, r->prefix) != 0))
		return 0;
	if (r->flags & CO_F_CHILDREN)
		return glob_match(r->glob, buf, GLOB_PATHNAME);
	m = 0;
	for (s = buf; ; s = end + 1) {
		if ((end = strchr(s, '/')) != NULL)
			*end = '\0';
		dir = end != NULL || is_dir;
		if (dir || !(r->flags & CO_F_DIRONLY))
			m = glob_match(r->glob, anchored ? buf : s,
			    GLOB_PATHNAME);
		if (end == NULL)
			break;
		*end = '/';
		if (m)
			break;
	}
	return m;
}

int
codeowners_match(const struct co_rule *r, const char *path, int is_dir)
{
	char *buf;
	size_t n;
	int m;

	buf = xstrdup(path);
	n = strlen(buf);
	if (n > 0 && buf[n - 1] == '/') {
		buf[--n] = '\0';
		is_dir = 1;
	}
	m = n > 0 && match_buf(r, buf, n, is_dir);
	free(buf);
	return m;
}

/* FNV-1a. */
static uint32_t
hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

/* The bucket of key (n bytes), or NULL. */
static const struct bucket *
htab_find(const struct htab *t, const char *key, size_t n)
{
	size_t i;

	if (t->cap == 0)
		return NULL;
	for (i = hash(key, n) & (t->cap - 1); t->b[i].key != NULL;
	    i = (i + 1) & (t->cap - 1))
		if (strncmp(t->b[i].key, key, n) == 0 &&
		    t->b[i].key[n] == '\0')
			return &t->b[i];
	return NULL;
}

/* The bucket of key (n bytes), made when missing. */
static struct bucket *
htab_add(struct htab *t, const char *key, size_t n)
{
	struct bucket *old;
	size_t i, j, oldcap;

	if ((t->used + 1) * 2 > t->cap) {
		old = t->b;
		oldcap = t->cap;
		t->cap = t->cap == 0 ? 16 : t->cap * 2;
		t->b = xcalloc(t->cap, sizeof(*t->b));
		for (i = 0; i < oldcap; i++) {
			if (old[i].key == NULL)
				continue;
			j = hash(old[i].key, strlen(old[i].key)) &
			    (t->cap - 1);
			while (t->b[j].key != NULL)
				j = (j + 1) & (t->cap - 1);
			t->b[j] = old[i];
		}
		free(old);
	}
	for (i = hash(key, n) & (t->cap - 1); t->b[i].key != NULL;
	    i = (i + 1) & (t->cap - 1))
		if (strncmp(t->b[i].key, key, n) == 0 &&
		    t->b[i].key[n] == '\0')
			return &t->b[i];
	t->b[i].key = xstrndup(key, n);
	t->used++;
	return &t->b[i];
}

static void
htab_free(struct htab *t)
{
	size_t i;

	for (i = 0; i < t->cap; i++) {
		free(t->b[i].key);
		free(t->b[i].v);
	}
	free(t->b);
}

static void
vec_add(size_t **v, size_t *n, size_t *alloc, size_t x)
{
	XGROW(*v, *n + 1, *alloc);
	(*v)[(*n)++] = x;
}

/*
 * Rules are filed by what a path must hold for them to match: an
 * anchored rule by its first component when that is literal, an
 * unanchored one by its name when literal or its extension for "*.ext";
 * the rest are tried on every path.
 */
struct co_index *
codeowners_index(const struct co_file *f)
{
	struct co_index *x;
	const struct co_rule *r;
	struct bucket *b;
	const char *g;
	size_t i, k;

	x = xcalloc(1, sizeof(*x));
	x->f = f;
	for (i = 0; i < f->nrules; i++) {
		r = &f->rules[i];
		if (r->flags & CO_F_NONE)
			continue;
		g = r->glob;
		b = NULL;
		if (r->flags & CO_F_ANCHORED) {
			k = strcspn(g, "/");
			if (r->prefix >= k && k > 0)
				b = htab_add(&x->first, g, k);
		} else if (g[r->prefix] == '\0')
			b = htab_add(&x->name, g, r->prefix);
		else if (g[0] == '*' && g[1] == '.' &&
		    g[1 + strcspn(g + 1, "*?[\\/")] == '\0' &&
		    strchr(g + 2, '.') == NULL)
			b = htab_add(&x->ext, g + 1, strlen(g + 1));
		if (b != NULL)
			vec_add(&b->v, &b->n, &b->alloc, i);
		else
			vec_add(&x->general, &x->ngeneral, &x->galloc, i);
	}
	return x;
}

void
codeowners_index_free(struct co_index *x)
{
	if (x == NULL)
		return;
	htab_free(&x->first);
	htab_free(&x->name);
	htab_free(&x->ext);
	free(x->general);
	free(x);
}

static int
by_index_desc(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? 1 : x > y ? -1 : 0;
}

long
codeowners_owner(const struct co_index *x, const char *path,
    unsigned char *matched)
{
	const struct bucket *b;
	size_t *cand, ncand, candalloc, len, i;
	char *buf;
	const char *s, *e, *dot;
	long owner;

	len = strlen(path);
	if (len == 0)
		return -1;
	buf = xstrdup(path);
	cand = NULL;
	ncand = candalloc = 0;
	/* The candidates: by first component, by names, by extensions. */
	e = strchr(path, '/');
	if ((b = htab_find(&x->first, path, e != NULL ?
	    (size_t)(e - path) : len)) != NULL)
		for (i = 0; i < b->n; i++)
			vec_add(&cand, &ncand, &candalloc, b->v[i]);
	for (s = path; ; s = e + 1) {
		if ((e = strchr(s, '/')) == NULL)
			e = s + strlen(s);
		b = htab_find(&x->name, s, (size_t)(e - s));
		for (i = 0; b != NULL && i < b->n; i++)
			vec_add(&cand, &ncand, &candalloc, b->v[i]);
		for (dot = e; dot > s && dot[-1] != '.'; dot--)
			;
		b = dot > s ? htab_find(&x->ext, dot - 1,
		    (size_t)(e - dot) + 1) : NULL;
		for (i = 0; b != NULL && i < b->n; i++)
			vec_add(&cand, &ncand, &candalloc, b->v[i]);
		if (*e == '\0')
			break;
	}
	for (i = 0; i < x->ngeneral; i++)
		vec_add(&cand, &ncand, &candalloc, x->general[i]);
	/* The last rule first: the first match owns the path. */
	if (ncand > 1)
		qsort(cand, ncand, sizeof(*cand), by_index_desc);
	owner = -1;
	for (i = 0; i < ncand; i++) {
		if (i > 0 && cand[i] == cand[i - 1])
			continue;
		if (!match_buf(&x->f->rules[cand[i]], buf, len, 0))
			continue;
		if (owner < 0)
			owner = (long)cand[i];
		if (matched == NULL)
			break;
		matched[cand[i]] = 1;
	}
	free(cand);
	free(buf);
	return owner;
}

/* The CODEOWNERS reader: never refuses, errors are part of the model. */
static void *
co_read(const struct reader_input *in)
{
	struct co_file *co;

	co = xcalloc(1, sizeof(*co));
	codeowners_parse(in->buf, in->len, co);
	return co;
}

static void
co_free(void *p)
{
	codeowners_release(p);
	free(p);
}

const struct reader reader_codeowners = {
	.name = "CODEOWNERS",
	.flags = 0,
	.parse = co_read,
	.free = co_free,
};
