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
#include "text.h"
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

/*
 * A directory of the path asked about last, and what its rules say: the
 * paths of a walk in order share their directories, so what matches a
 * directory is found once for all it holds.
 */
struct level {
	size_t		 start, end;	/* its name and path in co_index.cur */
	long		 best;		/* last rule matching it or above */
	size_t		*own;		/* the rules matching it */
	size_t		 nown, oalloc;
	size_t		*files;		/* to try on its files, in rule order */
	size_t		 nfiles, falloc;
	int		 marked;	/* own set in a matched array */
	int		 ready;		/* files made */
	const struct bucket *var;	/* "**" globs whose literal part ends here */
};

struct co_index {
	const struct co_file	*f;
	const char		**glob;		/* by rule: what is matched */
	unsigned char		*comp;		/* by rule: matched to a name */
	struct htab		 lit;		/* anchored literal path */
	struct htab		 name;		/* literal name, at any depth */
	struct htab		 ext;		/* "*.ext", at any depth */
	struct htab		 under;		/* anchored globs: under_key() */
	size_t			*general;	/* other names' rules */
	size_t			 ngeneral, galloc;
	size_t			*gfile;		/* of them, those for files too */
	size_t			 ngfile, gfalloc;
	/* The directories of the last path: lv[0] is the root. */
	char			*cur;
	size_t			 curalloc;
	struct level		*lv;
	size_t			 nlv, lvinit, lvalloc;
	struct strbuf		 key;		/* scratch */
	size_t			*tmp;		/* scratch for files_merge() */
	size_t			 talloc;
};

/* A file's candidates: lists in rule order, taken from their ends. */
#define NCANDS	4
struct cands {
	const size_t	*v[NCANDS];	/* literal path, name, "*.ext", dir */
	size_t		 n[NCANDS];
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
static const struct bucket *htab_find(const struct htab *, const char *,
		    size_t);
static struct bucket *htab_add(struct htab *, const char *, size_t);
static void	 htab_free(struct htab *);
static void	 vec_add(size_t **, size_t *, size_t *, size_t);
static const char *under_key(struct co_index *, unsigned, const char *,
		    size_t);
static void	 file_name_rule(struct co_index *, size_t, const char *);
static void	 file_path_rule(struct co_index *, size_t);
static int	 test_rule(const struct co_index *, size_t, const char *,
		    const char *);
static void	 own_add(struct level *, size_t);
static void	 own_bucket(const struct co_index *, struct level *,
		    const struct bucket *, const char *, const char *, int);
static void	 push_dir(struct co_index *, size_t, size_t);
static const struct bucket *ext_bucket(const struct co_index *,
		    const char *, size_t);
static struct level *enter(struct co_index *, const char *, const char *);
static void	 files_merge(struct co_index *, struct level *,
		    const struct bucket *);
static void	 files_make(struct co_index *, struct level *);
static void	 mark_levels(struct co_index *, unsigned char *);
static long	 next_cand(struct cands *, int *);
static long	 file_owner(const struct co_index *, struct cands *, long,
		    const char *, const char *, unsigned char *);
static void	 cands_set(struct cands *, int, const struct bucket *);

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

/* The bucket of key (n bytes), or NULL. */
static const struct bucket *
htab_find(const struct htab *t, const char *key, size_t n)
{
	size_t i;

	if (t->cap == 0)
		return NULL;
	for (i = text_hash(key, n) & (t->cap - 1); t->b[i].key != NULL;
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
			j = text_hash(old[i].key, strlen(old[i].key)) &
			    (t->cap - 1);
			while (t->b[j].key != NULL)
				j = (j + 1) & (t->cap - 1);
			t->b[j] = old[i];
		}
		free(old);
	}
	for (i = text_hash(key, n) & (t->cap - 1); t->b[i].key != NULL;
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
 * The key of the anchored globs with depth components (0: any, for a
 * "**") whose literal part ends in the directory of the first n bytes
 * of dir (dir NULL: the root, no directory).
 */
static const char *
under_key(struct co_index *x, unsigned depth, const char *dir, size_t n)
{
	strbuf_reset(&x->key);
	strbuf_addf(&x->key, "%u", depth);
	if (dir != NULL) {
		strbuf_addch(&x->key, ':');
		strbuf_add(&x->key, dir, n);
	}
	return x->key.buf;
}

/*
 * A glob matched against one name (an unanchored pattern, or one that
 * is "**" then a name): filed by the name when literal, by "*.ext",
 * else with the rules tried on every name.
 */
static void
file_name_rule(struct co_index *x, size_t i, const char *g)
{
	struct bucket *b;
	size_t lit;

	x->glob[i] = g;
	x->comp[i] = 1;
	lit = strcspn(g, "*?[\\");
	b = NULL;
	if (g[lit] == '\0')
		b = htab_add(&x->name, g, lit);
	else if (g[0] == '*' && g[1] == '.' &&
	    g[1 + strcspn(g + 1, "*?[\\/")] == '\0' &&
	    strchr(g + 2, '.') == NULL)
		b = htab_add(&x->ext, g + 1, strlen(g + 1));
	if (b != NULL) {
		vec_add(&b->v, &b->n, &b->alloc, i);
		return;
	}
	vec_add(&x->general, &x->ngeneral, &x->galloc, i);
	if (!(x->f->rules[i].flags & CO_F_DIRONLY))
		vec_add(&x->gfile, &x->ngfile, &x->gfalloc, i);
}

/*
 * An anchored glob: a literal path by itself; else under the directory
 * its literal part ends in (nothing above it can match) and by its
 * number of components (nothing of another depth can match: only a
 * "**" crosses a '/', and those are filed as of any depth).
 */
static void
file_path_rule(struct co_index *x, size_t i)
{
	const struct co_rule *r = &x->f->rules[i];
	const char *g = r->glob, *s;
	struct bucket *b;
	unsigned depth;
	size_t n;

	x->glob[i] = g;
	if (g[r->prefix] == '\0') {
		b = htab_add(&x->lit, g, strlen(g));
		vec_add(&b->v, &b->n, &b->alloc, i);
		return;
	}
	depth = 0;
	if (strstr(g, "**") == NULL)
		for (depth = 1, s = g; (s = strchr(s, '/')) != NULL; s++)
			depth++;
	for (n = r->prefix; n > 0 && g[n - 1] != '/'; n--)
		;
	under_key(x, depth, n > 0 ? g : NULL, n > 0 ? n - 1 : 0);
	b = htab_add(&x->under, x->key.buf, x->key.len);
	vec_add(&b->v, &b->n, &b->alloc, i);
}

/*
 * Rules are filed by what a path must hold for them to match, so that a
 * directory's rules are found once for all it holds: see
 * file_name_rule() and file_path_rule(). "**" then a name matches as
 * the name alone does, at any depth.
 */
struct co_index *
codeowners_index(const struct co_file *f)
{
	struct co_index *x;
	const struct co_rule *r;
	size_t i;

	x = xcalloc(1, sizeof(*x));
	x->f = f;
	strbuf_init(&x->key);
	x->glob = xcalloc(f->nrules + 1, sizeof(*x->glob));
	x->comp = xcalloc(f->nrules + 1, 1);
	for (i = 0; i < f->nrules; i++) {
		r = &f->rules[i];
		if (r->flags & CO_F_NONE)
			continue;
		if (!(r->flags & CO_F_ANCHORED))
			file_name_rule(x, i, r->glob);
		else if (!(r->flags & CO_F_CHILDREN) &&
		    strncmp(r->glob, "**/", 3) == 0 && r->glob[3] != '\0' &&
		    strchr(r->glob + 3, '/') == NULL)
			file_name_rule(x, i, r->glob + 3);
		else
			file_path_rule(x, i);
	}
	return x;
}

void
codeowners_index_free(struct co_index *x)
{
	size_t i;

	if (x == NULL)
		return;
	htab_free(&x->lit);
	htab_free(&x->name);
	htab_free(&x->ext);
	htab_free(&x->under);
	free(x->general);
	free(x->gfile);
	free(x->glob);
	free(x->comp);
	for (i = 0; i < x->lvinit; i++) {
		free(x->lv[i].own);
		free(x->lv[i].files);
	}
	free(x->lv);
	free(x->cur);
	free(x->tmp);
	strbuf_release(&x->key);
	free(x);
}

/* Whether rule i matches dir (the path of a directory) or name (its own). */
static int
test_rule(const struct co_index *x, size_t i, const char *path,
    const char *name)
{
	return glob_match(x->glob[i], x->comp[i] ? name : path,
	    GLOB_PATHNAME);
}

/* Rule i, found to match level l as a directory. */
static void
own_add(struct level *l, size_t i)
{
	vec_add(&l->own, &l->nown, &l->oalloc, i);
	if ((long)i > l->best)
		l->best = (long)i;
}

/* Rules of b matching level l's directory (path, name), tested or not. */
static void
own_bucket(const struct co_index *x, struct level *l, const struct bucket *b,
    const char *path, const char *name, int known)
{
	size_t i;

	for (i = 0; b != NULL && i < b->n; i++)
		if (!(x->f->rules[b->v[i]].flags & CO_F_CHILDREN) &&
		    (known || test_rule(x, b->v[i], path, name)))
			own_add(l, b->v[i]);
}

/*
 * A new deepest directory: x->cur's first end bytes, its name from
 * start, k = x->nlv components. What matches it, as a directory, is
 * found once here for every path below it.
 */
static void
push_dir(struct co_index *x, size_t start, size_t end)
{
	struct level *l;
	const char *path, *name;
	size_t m, k, n;
	char saved;

	XGROW(x->lv, x->nlv + 1, x->lvalloc);
	if (x->nlv == x->lvinit)
		memset(&x->lv[x->lvinit++], 0, sizeof(*x->lv));
	k = x->nlv++;
	l = &x->lv[k];
	l->start = start;
	l->end = end;
	l->best = x->lv[k - 1].best;
	l->nown = l->nfiles = 0;
	l->marked = l->ready = 0;
	saved = x->cur[end];
	x->cur[end] = '\0';
	path = x->cur;
	name = x->cur + start;
	n = end - start;
	own_bucket(x, l, htab_find(&x->lit, path, end), path, name, 1);
	own_bucket(x, l, htab_find(&x->name, name, n), path, name, 1);
	own_bucket(x, l, ext_bucket(x, name, n), path, name, 0);
	for (m = 0; m < x->ngeneral; m++)
		if (test_rule(x, x->general[m], path, name))
			own_add(l, x->general[m]);
	for (m = 0; m < k; m++) {
		own_bucket(x, l, x->lv[m].var, path, name, 0);
		under_key(x, (unsigned)k, m > 0 ? x->cur : NULL,
		    x->lv[m].end);
		own_bucket(x, l, htab_find(&x->under, x->key.buf,
		    x->key.len), path, name, 0);
	}
	under_key(x, 0, x->cur, end);
	l->var = htab_find(&x->under, x->key.buf, x->key.len);
	x->cur[end] = saved;
}

/* The "*.ext" rules a name may match (n bytes), or NULL. */
static const struct bucket *
ext_bucket(const struct co_index *x, const char *name, size_t n)
{
	const char *dot;

	for (dot = name + n; dot > name && dot[-1] != '.'; dot--)
		;
	if (dot == name)
		return NULL;
	return htab_find(&x->ext, dot - 1, (size_t)(name + n - dot) + 1);
}

/*
 * Make x's levels the directories of path (the first dirlen bytes; no
 * directory when path has no '/'), keeping those the last path shared
 * with it: the paths of a walk in order share most. The deepest level.
 */
static struct level *
enter(struct co_index *x, const char *path, const char *slash)
{
	size_t keep, s, e, dirlen;

	if (x->nlv == 0) {
		XGROW(x->lv, 1, x->lvalloc);
		if (x->lvinit == 0)
			memset(&x->lv[x->lvinit++], 0, sizeof(*x->lv));
		x->lv[0].best = -1;
		under_key(x, 0, NULL, 0);
		x->lv[0].var = htab_find(&x->under, x->key.buf, x->key.len);
		x->nlv = 1;
	}
	if (slash == NULL) {
		x->nlv = 1;
		return &x->lv[0];
	}
	dirlen = (size_t)(slash - path);
	for (keep = 1; keep < x->nlv; keep++) {
		s = keep == 1 ? 0 : x->lv[keep - 1].end + 1;
		e = x->lv[keep].end;
		if (e > dirlen || (e < dirlen && path[e] != '/') ||
		    memcmp(x->cur + s, path + s, e - s) != 0)
			break;
	}
	x->nlv = keep;
	if (keep > 1 && x->lv[keep - 1].end == dirlen)
		return &x->lv[keep - 1];
	XGROW(x->cur, dirlen + 1, x->curalloc);
	memcpy(x->cur, path, dirlen);
	x->cur[dirlen] = '/';
	for (s = keep == 1 ? 0 : x->lv[keep - 1].end + 1; s <= dirlen; s = e + 1) {
		for (e = s; e < dirlen && path[e] != '/'; e++)
			;
		push_dir(x, s, e);
	}
	return &x->lv[x->nlv - 1];
}

/*
 * Merge b's rules that may match a file into l->files, both in rule
 * order: the candidates of a directory's files stay sorted with no sort.
 */
static void
files_merge(struct co_index *x, struct level *l, const struct bucket *b)
{
	size_t i, j, n, *t;

	if (b == NULL || b->n == 0)
		return;
	XGROW(x->tmp, l->nfiles + b->n, x->talloc);
	for (i = j = n = 0; i < l->nfiles || j < b->n; ) {
		if (j < b->n && (x->f->rules[b->v[j]].flags & CO_F_DIRONLY)) {
			j++;
			continue;
		}
		if (j == b->n || (i < l->nfiles && l->files[i] < b->v[j]))
			x->tmp[n++] = l->files[i++];
		else
			x->tmp[n++] = b->v[j++];
	}
	t = l->files;
	l->files = x->tmp;
	x->tmp = t;
	i = l->falloc;
	l->falloc = x->talloc;
	x->talloc = i;
	l->nfiles = n;
}

/*
 * The rules to try on each file directly in level l (k components, so
 * the files have k + 1): the names' general rules, and the anchored
 * globs filed under l or above it that may have k + 1 components.
 */
static void
files_make(struct co_index *x, struct level *l)
{
	size_t m, k = (size_t)(l - x->lv);

	XGROW(l->files, x->ngfile + 1, l->falloc);
	if (x->ngfile > 0)	/* gfile is NULL until one is filed */
		memcpy(l->files, x->gfile, x->ngfile * sizeof(*l->files));
	l->nfiles = x->ngfile;
	for (m = 0; m <= k; m++) {
		files_merge(x, l, x->lv[m].var);
		under_key(x, (unsigned)k + 1, m > 0 ? x->cur : NULL,
		    x->lv[m].end);
		files_merge(x, l, htab_find(&x->under, x->key.buf,
		    x->key.len));
	}
	l->ready = 1;
}

/* Rules matching a directory of the path, marked once per directory. */
static void
mark_levels(struct co_index *x, unsigned char *matched)
{
	struct level *l;
	size_t i, j;

	for (i = x->nlv; i-- > 1 && !x->lv[i].marked; ) {
		l = &x->lv[i];
		for (j = 0; j < l->nown; j++)
			matched[l->own[j]] = 1;
		l->marked = 1;
	}
}

/* The next candidate, the highest left of the lists, or -1. */
static long
next_cand(struct cands *c, int *known)
{
	size_t i, best = 0;
	int found = 0;

	for (i = 0; i < NCANDS; i++)
		if (c->n[i] > 0 && (!found ||
		    c->v[i][c->n[i] - 1] > c->v[best][c->n[best] - 1])) {
			best = i;
			found = 1;
		}
	if (!found)
		return -1;
	*known = best < 2;	/* literal: equal, so matching */
	return (long)c->v[best][--c->n[best]];
}

/*
 * The file's owner: its directory's, unless a later rule matches the
 * file itself. Candidates come in falling rule order, merged from
 * sorted lists: the first that matches owns the file.
 */
static long
file_owner(const struct co_index *x, struct cands *c, long owner,
    const char *path, const char *name, unsigned char *matched)
{
	long i;
	int known;

	while ((i = next_cand(c, &known)) >= 0) {
		if (i <= owner && (matched == NULL || matched[i])) {
			if (matched == NULL)
				break;
			continue;
		}
		if (x->f->rules[i].flags & CO_F_DIRONLY)
			continue;
		if (!known && !test_rule(x, (size_t)i, path, name))
			continue;
		if (i > owner)
			owner = i;
		if (matched == NULL)
			break;
		matched[i] = 1;
	}
	return owner;
}

static void
cands_set(struct cands *c, int i, const struct bucket *b)
{
	c->v[i] = b != NULL ? b->v : NULL;
	c->n[i] = b != NULL ? b->n : 0;
}

long
codeowners_owner(struct co_index *x, const char *path,
    unsigned char *matched)
{
	struct cands c;
	struct level *l;
	const char *slash, *name;
	size_t len;

	if ((len = strlen(path)) == 0)
		return -1;
	slash = strrchr(path, '/');
	l = enter(x, path, slash);
	if (matched != NULL)
		mark_levels(x, matched);
	if (!l->ready)
		files_make(x, l);
	name = slash != NULL ? slash + 1 : path;
	cands_set(&c, 0, htab_find(&x->lit, path, len));
	cands_set(&c, 1, htab_find(&x->name, name, strlen(name)));
	cands_set(&c, 2, ext_bucket(x, name, strlen(name)));
	c.v[3] = l->files;
	c.n[3] = l->nfiles;
	return file_owner(x, &c, l->best, path, name, matched);
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
