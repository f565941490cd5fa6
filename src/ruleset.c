/* ruleset.c: reading rule sets with inih and layering them, values with file:line */
#define _POSIX_C_SOURCE 200809L
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ini.h>

#include "ascii.h"
#include "datadir.h"
#include "error.h"
#include "gitfile.h"
#include "keyspec.h"
#include "nearest.h"
#include "ruleset.h"
#include "strbuf.h"
#include "xalloc.h"

/* Rule files are small; anything larger is a mistake. */
#define RULESET_MAX_BYTES	(1024 * 1024)
/* [section] lines in one file. */
#define RULESET_MAX_SECTIONS	4096
/*
 * Keys (and continuation lines) in one file: a rule's keys are looked
 * up one by one, so a file of a million keys would take minutes; the
 * largest rule set shipped has a few hundred.
 */
#define RULESET_MAX_KEYS	8192
/*
 * What inih (built with its defaults) holds: a line of 200 bytes with
 * its '\n' and NUL, so 198 before the line's end; a section name of 49.
 */
#define INI_LINE_MAX		198
#define INI_SECTION_MAX		49

struct ini_src {
	const char	*name;		/* interned */
	const char	*buf;
	size_t		 len;
	size_t		 pos;
	int		 line;
	int		 section_line;	/* line of the last [section] */
	int		 section_seq;	/* [section] lines read so far */
	int		 seen_key;	/* a key line since that header */
	struct strvec	 headers;	/* every [section] name, in order */
	int		*header_line;
	size_t		 header_alloc;
	int		 err_line;
	struct strbuf	 err;
};

struct ini_state {
	struct ruleset	*rs;
	struct ini_src	*src;
	int		 restricted;	/* a repository's config */
	struct strvec	 seen;		/* sections of this file */
	int		 seen_line[RULESET_MAX_SECTIONS];
	char		*cur;		/* current section */
	int		 cur_seq;	/* its header's number */
	int		 nkeys;		/* values handed over so far */
	int		 err_line;
	struct strbuf	 err;
};

static const char *intern(struct ruleset *, const char *);
static struct rule *rule_create(struct ruleset *, const char *, const char *,
		    int);
static int	 rule_add_value(struct ruleset *, struct rule *, const char *,
		    const char *, const char *, int);
static void	 redefine(struct ruleset *, struct rule *, const char *, int);
static int	 parse_buffer(struct ruleset *, const char *, const char *,
		    size_t, int);
static int	 set_key(struct ruleset *, const char *, const char *, int,
		    struct strbuf *);
static int	 requirement_title(struct ruleset *, const char *,
		    struct strbuf *);
static void	 window_from(struct ruleset *, const char *, int, int, int);
static int	 ruleset_line(struct ini_state *, const char *, const char *);
static void	 keep_base(struct ruleset *, struct rule_key *);
static int	 no_rule_set(const char *, const char *);
static int	 vrule_error(const struct rule *, const char *, size_t,
		    const char *, va_list) __attribute__((format(printf, 4, 0)));

/* The keys of [ruleset]; KEYF_REPO: a repository or --set may change it. */
static const struct rule_key_spec ruleset_keys[] = {
	{ "name", KEY_STRING, .doc = "the name reports give the set" },
	{ "title", KEY_STRING, .doc = "one line saying what the set is" },
	{ "description", KEY_TEXT, .doc = "what the set is for" },
	{ "window_days", KEY_INT, .flags = KEYF_REPO, .min = 1, .max = 36500,
	    .doc = "days of the history window" },
	{ "requirement", KEY_LIST, .doc = "NUMBER TITLE: the title reports "
	    "give a requirement (\"3 Governance\")" },
	{ .name = NULL }
};

void
ruleset_init(struct ruleset *rs)
{
	memset(rs, 0, sizeof(*rs));
	rs->window_days = 90;
}

static void
value_release(struct rule_value *v)
{
	if (v->parsed_free != NULL && v->parsed != NULL)
		v->parsed_free(v->parsed);
	free(v->value);
	memset(v, 0, sizeof(*v));
}

static void
rule_free(struct rule *r)
{
	size_t i, j;

	if (r->priv_free != NULL && r->priv != NULL)
		r->priv_free(r->priv);
	for (i = 0; i < r->nkeys; i++) {
		for (j = 0; j < r->keys[i].n; j++)
			value_release(&r->keys[i].v[j]);
		free(r->keys[i].v);
		free(r->keys[i].name);
		free(r->keys[i].base);
	}
	free(r->keys);
	free(r->req);
	free(r->id);
	free(r);
}

void
ruleset_release(struct ruleset *rs)
{
	size_t i;

	for (i = 0; i < rs->nrules; i++)
		rule_free(rs->rules[i]);
	free(rs->rules);
	free(rs->name);
	free(rs->title);
	for (i = 0; i < rs->nreq_title; i++)
		free(rs->req_title[i]);
	free(rs->req_title);
	strvec_clear(&rs->files);
	strvec_clear(&rs->fact_names);
	strvec_clear(&rs->fact_values);
	strvec_clear(&rs->fact_sources);
	strvec_clear(&rs->interned);
	ruleset_init(rs);
}

static const char *
intern(struct ruleset *rs, const char *s)
{
	size_t i;

	for (i = 0; i < rs->interned.n; i++)
		if (strcmp(rs->interned.v[i], s) == 0)
			return rs->interned.v[i];
	strvec_push(&rs->interned, s);
	return rs->interned.v[rs->interned.n - 1];
}

/*
 * The directories searched for a rule set given by name, lowest layer
 * first: shipped, system, user.
 */
void
ruleset_search_path(struct strvec *out)
{
	datadir_search_path("rules", out);
}

/* The error of a rule set name not found: the nearest, or those there are. */
static int
no_rule_set(const char *name, const char *looked)
{
	struct strvec names = STRVEC_INIT;
	struct strbuf hint = STRBUF_INIT;
	struct nearest ne;
	size_t i;
	int rc;

	datadir_names("rules", ".ini", &names);
	nearest_init(&ne, name);
	for (i = 0; i < names.n; i++)
		nearest_try(&ne, names.v[i]);
	strbuf_addstr(&hint, ": did you mean ");
	if (nearest_add(&ne, &hint, "'", "'"))
		strbuf_addch(&hint, '?');
	else {
		strbuf_reset(&hint);
		for (i = 0; i < names.n; i++)
			strbuf_addf(&hint, "%s%s", i > 0 ? ", " : names.n == 1 ?
			    ": there is only " : ": there are ", names.v[i]);
	}
	rc = ec_error("no rule set named '%s'%s (looked in %s)", name,
	    hint.buf, looked);
	strvec_clear(&names);
	strbuf_release(&hint);
	return rc;
}

int
ruleset_add_name(struct ruleset *rs, const char *name)
{
	struct strvec dirs = STRVEC_INIT;
	struct strbuf looked = STRBUF_INIT;
	struct stat st;
	char *path;
	size_t i;
	int found, rc;

	if (*name == '\0' || strchr(name, '/') != NULL || name[0] == '.')
		return ec_error("bad rule set name '%s'", name);
	ruleset_search_path(&dirs);
	found = 0;
	rc = 0;
	for (i = 0; i < dirs.n && rc == 0; i++) {
		path = xasprintf("%s/%s.ini", dirs.v[i], name);
		if (stat(path, &st) == 0) {
			found = 1;
			rc = ruleset_add_file(rs, path);
		}
		strbuf_addf(&looked, "%s%s", i ? ", " : "", dirs.v[i]);
		free(path);
	}
	if (!found && rc == 0)
		rc = no_rule_set(name, looked.buf);
	strvec_clear(&dirs);
	strbuf_release(&looked);
	return rc;
}

int
ruleset_add_file(struct ruleset *rs, const char *path)
{
	struct strbuf sb = STRBUF_INIT;
	struct gitfile gf;
	int rc;

	/* Never wait on a FIFO or a device: only a regular file is read. */
	rc = read_small_file(path, 0, RULESET_MAX_BYTES, &sb, &gf);
	if (rc == GITFILE_OK)
		rc = ruleset_add_buffer(rs, path, sb.buf, sb.len);
	else if (rc == GITFILE_TOOBIG)
		rc = ec_error("%s: rule file larger than %d bytes", path,
		    RULESET_MAX_BYTES);
	else
		rc = gitfile_error(path, rc, &gf, RULESET_MAX_BYTES);
	strbuf_release(&sb);
	return rc;
}

/* The first error the line reader finds in a file is the one told. */
static void __attribute__((format(printf, 2, 3)))
src_error(struct ini_src *s, const char *fmt, ...)
{
	va_list ap;

	if (s->err_line != 0)
		return;
	s->err_line = s->line;
	va_start(ap, fmt);
	strbuf_vaddf(&s->err, fmt, ap);
	va_end(ap);
}

/*
 * Note a [section] line the way inih reads it: after a byte order mark
 * on the first line, and not when it is indented under a key (then it
 * continues that key's value). A name longer than inih keeps, or more
 * sections than a rule file needs, is an error.
 */
static void
scan_line(struct ini_src *s, const char *p, size_t n)
{
	const char *close;
	int indented;

	if (s->line == 1 && n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0) {
		p += 3;
		n -= 3;
	}
	indented = 0;
	while (n > 0 && (*p == ' ' || *p == '\t')) {
		p++;
		n--;
		indented = 1;
	}
	if (n == 0 || *p == '\n' || *p == '\r' || *p == ';' || *p == '#')
		return;
	if (*p != '[' || (indented && s->seen_key)) {
		if (!indented)
			s->seen_key = 1;
		return;
	}
	s->section_line = s->line;
	s->section_seq++;
	s->seen_key = 0;
	if (s->section_seq > RULESET_MAX_SECTIONS)
		src_error(s, "more than %d sections", RULESET_MAX_SECTIONS);
	close = memchr(p, ']', n);
	if (close == NULL)
		return;
	if (close - p - 1 > INI_SECTION_MAX)
		src_error(s, "section name longer than %d bytes: [%.*s...]",
		    INI_SECTION_MAX, 20, p + 1);
	strvec_push_nodup(&s->headers, xstrndup(p + 1, (size_t)(close - p - 1)));
	XGROW(s->header_line, s->headers.n, s->header_alloc);
	s->header_line[s->headers.n - 1] = s->line;
}

/*
 * inih reader: one line at a time, counting lines, refusing NUL bytes
 * and lines longer than INI_LINE_MAX bytes before their "\n" or "\r\n"
 * (inih would strip the '\r'). The line is handed over with a '\n'.
 */
static char *
ini_read_line(char *str, int num, void *stream)
{
	struct ini_src *s = stream;
	const char *p, *nl;
	size_t linelen, n, max;

	if (s->pos >= s->len)
		return NULL;
	p = s->buf + s->pos;
	s->line++;
	nl = memchr(p, '\n', s->len - s->pos);
	linelen = nl != NULL ? (size_t)(nl - p) + 1 : s->len - s->pos;
	s->pos += linelen;
	scan_line(s, p, linelen);
	n = linelen;
	if (n > 0 && p[n - 1] == '\n')
		n--;
	if (n > 0 && p[n - 1] == '\r')
		n--;
	if (memchr(p, '\0', n) != NULL)
		src_error(s, "NUL byte in rule file");
	max = num - 2 < INI_LINE_MAX ? (size_t)num - 2 : INI_LINE_MAX;
	if (n > max) {
		src_error(s, "line longer than %zu bytes", max);
		n = max;
	}
	memcpy(str, p, n);
	str[n++] = '\n';
	str[n] = '\0';
	return str;
}

static int __attribute__((format(printf, 3, 4)))
state_error(struct ini_state *st, int line, const char *fmt, ...)
{
	va_list ap;

	if (st->err_line != 0)
		return 0;
	st->err_line = line;
	va_start(ap, fmt);
	strbuf_vaddf(&st->err, fmt, ap);
	va_end(ap);
	return 0;
}

static int
valid_id(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!(*s >= 'a' && *s <= 'z') && !ascii_isdigit((unsigned char)*s)
		    && *s != '-' && *s != '_')
			return 0;
	return 1;
}

/* A key of [ruleset]; where window_days was set is kept for reports. */
static int
ruleset_line(struct ini_state *st, const char *name, const char *value)
{
	struct strbuf err = STRBUF_INIT;
	int rc, before;

	before = st->rs->window_days;
	rc = set_key(st->rs, name, value, st->restricted, &err);
	if (rc == -1)
		state_error(st, st->src->line, "%s", err.buf);
	else if (strcmp(name, "window_days") == 0)
		window_from(st->rs, st->src->name, st->src->line,
		    st->restricted, before);
	strbuf_release(&err);
	return rc == 0;
}

static int
ini_on_value(void *user, const char *section, const char *name,
    const char *value)
{
	struct ini_state *st = user;
	struct ruleset *rs = st->rs;
	struct rule *r;
	size_t i;

	if (st->err_line != 0)
		return 0;
	if (++st->nkeys > RULESET_MAX_KEYS)
		return state_error(st, st->src->line, "more than %d keys",
		    RULESET_MAX_KEYS);
	if (st->cur == NULL || strcmp(st->cur, section) != 0 ||
	    st->cur_seq != st->src->section_seq) {
		for (i = 0; i < st->seen.n; i++)
			if (strcmp(st->seen.v[i], section) == 0)
			{
				return state_error(st, st->src->section_line,
				    "duplicate section [%s]"
				    " (first at line %d)", section,
				    st->seen_line[i]);
			}
		if (st->seen.n >= sizeof(st->seen_line) / sizeof(int))
			return state_error(st, st->src->line,
			    "too many sections");
		st->seen_line[st->seen.n] = st->src->section_line;
		strvec_push(&st->seen, section);
		st->cur = st->seen.v[st->seen.n - 1];
		st->cur_seq = st->src->section_seq;
	}
	if (*section == '\0')
		return state_error(st, st->src->line,
		    "key '%s' outside a section", name);
	if (strcmp(section, "ruleset") == 0)
		return ruleset_line(st, name, value);
	if (strcmp(section, "facts") == 0) {
		ruleset_fact(rs, name, value, st->src->name);
		return 1;
	}
	if (!valid_id(section))
		return state_error(st, st->src->section_line, "bad rule id "
		    "[%s]: use lowercase letters, digits, '-' and '_'",
		    section);
	r = ruleset_find(rs, section);
	if (r == NULL)
		r = rule_create(rs, section, st->src->name,
		    st->src->section_line);
	else if (strcmp(name, "type") == 0)
		redefine(rs, r, st->src->name, st->src->section_line);
	if (rule_add_value(rs, r, name, value, st->src->name,
	    st->src->line) == -1)
		return state_error(st, st->src->line, "bad key name '%s'", name);
	return 1;
}

/*
 * Sections without keys never reach the handler: a bad id is still an
 * error, and a new rule without keys is a rule without a type.
 */
static void
empty_sections(struct ini_state *st)
{
	struct ini_src *src = st->src;
	const char *id;
	size_t i;

	for (i = 0; i < src->headers.n && st->err_line == 0; i++) {
		id = src->headers.v[i];
		if (strvec_has(&st->seen, id) || strcmp(id, "ruleset") == 0 ||
		    strcmp(id, "facts") == 0)
			continue;
		if (!valid_id(id))
			state_error(st, src->header_line[i], "bad rule id [%s]: "
			    "use lowercase letters, digits, '-' and '_'", id);
		else if (ruleset_find(st->rs, id) == NULL)
			rule_create(st->rs, id, src->name, src->header_line[i]);
	}
}

static int
parse_buffer(struct ruleset *rs, const char *name, const char *buf,
    size_t len, int restricted)
{
	struct ini_src src;
	struct ini_state st;
	int rc, line;

	memset(&src, 0, sizeof(src));
	memset(&st, 0, sizeof(st));
	src.name = intern(rs, name);
	src.buf = buf;
	src.len = len;
	strbuf_init(&src.err);
	strbuf_init(&st.err);
	st.rs = rs;
	st.src = &src;
	st.restricted = restricted;
	rs->layer++;
	if (restricted)
		rs->repo_layer = rs->layer;
	rc = ini_parse_stream(ini_read_line, &src, ini_on_value, &st);
	if (rc == 0 && src.err_line == 0 && st.err_line == 0)
		empty_sections(&st);
	/* The earliest of the reader's, the handler's and inih's errors. */
	line = 0;
	if (src.err_line != 0)
		line = src.err_line;
	if (st.err_line != 0 && (line == 0 || st.err_line < line))
		line = st.err_line;
	if (rc > 0 && (line == 0 || rc < line))
		line = rc;
	if (line != 0) {
		if (line == src.err_line)
			ec_error_at(name, line, "%s", src.err.buf);
		else if (line == st.err_line)
			ec_error_at(name, line, "%s", st.err.buf);
		else
			ec_error_at(name, line, "syntax error: expected "
			    "'[section]' or 'key = value'");
		rc = -1;
	} else if (rc < 0)
		rc = ec_error("%s: cannot parse", name);
	else
		rc = 0;
	strbuf_release(&src.err);
	strbuf_release(&st.err);
	strvec_clear(&st.seen);
	strvec_clear(&src.headers);
	free(src.header_line);
	return rc;
}

int
ruleset_add_buffer(struct ruleset *rs, const char *name, const char *buf,
    size_t len)
{
	strvec_push(&rs->files, name);
	return parse_buffer(rs, name, buf, len, 0);
}

int
ruleset_add_repo_buffer(struct ruleset *rs, const char *name,
    const char *buf, size_t len)
{
	strvec_push(&rs->files, name);
	return parse_buffer(rs, name, buf, len, 1);
}

/*
 * One key of [ruleset], checked against ruleset_keys[]. A restricted
 * layer (a repository's config, --set) may change only KEYF_REPO keys.
 */
static int
set_key(struct ruleset *rs, const char *name, const char *value,
    int restricted, struct strbuf *err)
{
	const struct rule_key_spec *spec, *s;
	struct strbuf why = STRBUF_INIT;
	long long n;

	spec = keyspec_find(ruleset_keys, name);
	if (restricted && (spec == NULL || !(spec->flags & KEYF_REPO))) {
		strbuf_addf(err, "a repository's configuration may not "
		    "change [ruleset] %s", name);
		return -1;
	}
	if (spec == NULL) {
		strbuf_addf(err, "unknown key '%s' in [ruleset] (known: ",
		    name);
		for (s = ruleset_keys; s->name != NULL; s++)
			strbuf_addf(err, "%s%s", s == ruleset_keys ? "" : ", ",
			    s->name);
		strbuf_addch(err, ')');
		return -1;
	}
	if (keyspec_check(spec, value, &why) == -1) {
		strbuf_addf(err, "%s: %s", name, why.buf);
		strbuf_release(&why);
		return -1;
	}
	strbuf_release(&why);
	if (strcmp(name, "requirement") == 0)
		return requirement_title(rs, value, err);
	if (strcmp(name, "name") == 0) {
		free(rs->name);
		rs->name = xstrdup(value);
	} else if (strcmp(name, "title") == 0) {
		free(rs->title);
		rs->title = xstrdup(value);
	} else if (spec->kind == KEY_INT && keyspec_uint(value, &n) == 0)
		rs->window_days = (int)n;
	return 0;
}

/*
 * Where [ruleset] window_days was last set; when by the repository's
 * config (repo), what it replaced, so that reports can say both.
 */
static void
window_from(struct ruleset *rs, const char *file, int line, int repo,
    int before)
{
	if (repo && !rs->window_repo)
		rs->window_base = before;
	rs->window_repo = repo;
	rs->window_file = file;
	rs->window_line = line;
}

/*
 * "3 Governance": requirement 3 is titled Governance. A later value for
 * the same number replaces the title; other numbers keep theirs.
 */
static int
requirement_title(struct ruleset *rs, const char *value, struct strbuf *err)
{
	const char *p;
	long long n;
	char *num;
	size_t i;
	int bad;

	for (p = value; *p >= '0' && *p <= '9'; p++)
		;
	num = xstrndup(value, (size_t)(p - value));
	bad = keyspec_uint(num, &n) == -1 || n < 1 || n > 999 ||
	    (*p != ' ' && *p != '\t');
	free(num);
	while (*p == ' ' || *p == '\t')
		p++;
	if (bad || *p == '\0') {
		strbuf_addf(err, "requirement: expected NUMBER TITLE (1 to "
		    "999, e.g. '3 Governance'), not '%s'", value);
		return -1;
	}
	if ((size_t)n >= rs->nreq_title) {
		rs->req_title = xreallocarray(rs->req_title, (size_t)n + 1,
		    sizeof(*rs->req_title));
		for (i = rs->nreq_title; i <= (size_t)n; i++)
			rs->req_title[i] = NULL;
		rs->nreq_title = (size_t)n + 1;
	}
	free(rs->req_title[n]);
	rs->req_title[n] = xstrdup(p);
	return 0;
}

const char *
ruleset_requirement_title(const struct ruleset *rs, int n)
{
	if (n < 0 || (size_t)n >= rs->nreq_title)
		return NULL;
	return rs->req_title[n];
}

int
ruleset_set(struct ruleset *rs, const char *arg)
{
	const struct rule_key_spec *spec;
	struct strbuf err = STRBUF_INIT;
	const char *dot, *eq;
	char *id, *key;
	struct rule *r;
	int rc;

	eq = strchr(arg, '=');
	dot = strchr(arg, '.');
	if (eq == NULL || dot == NULL || dot > eq || dot == arg ||
	    eq == dot + 1)
		return ec_error("--set %s: expected RULE.KEY=VALUE", arg);
	id = xstrndup(arg, (size_t)(dot - arg));
	key = xstrndup(dot + 1, (size_t)(eq - dot - 1));
	rc = 0;
	if (strcmp(id, "ruleset") == 0) {
		spec = keyspec_find(ruleset_keys, key);
		if (spec == NULL || !(spec->flags & KEYF_REPO))
			rc = ec_error("--set %s: only ruleset.window_days can "
			    "be set", arg);
		else if (set_key(rs, key, eq + 1, 1, &err) == -1)
			rc = ec_error("--set %s: %s", arg, err.buf);
		else
			window_from(rs, intern(rs, "--set"), 0, 0, 0);
	} else if (!valid_id(id))
		rc = ec_error("--set %s: bad rule id '%s'", arg, id);
	else {
		/* All --set options are one layer: repeated keys make lists. */
		if (rs->set_layer == 0) {
			strvec_push(&rs->files, "--set");
			rs->set_layer = ++rs->layer;
		}
		r = ruleset_find(rs, id);
		if (r == NULL)
			r = rule_create(rs, id, intern(rs, "--set"), 0);
		else if (strcmp(key, "type") == 0)
			redefine(rs, r, intern(rs, "--set"), 0);
		if (rule_add_value(rs, r, key, eq + 1, intern(rs, "--set"),
		    0) == -1)
			rc = ec_error("--set %s: bad key name", arg);
	}
	free(id);
	free(key);
	strbuf_release(&err);
	return rc;
}

int
ruleset_fact(struct ruleset *rs, const char *name, const char *value,
    const char *source)
{
	size_t i;

	for (i = 0; i < rs->fact_names.n; i++)
		if (strcmp(rs->fact_names.v[i], name) == 0) {
			free(rs->fact_values.v[i]);
			rs->fact_values.v[i] = xstrdup(value);
			free(rs->fact_sources.v[i]);
			rs->fact_sources.v[i] = xstrdup(source);
			return 0;
		}
	strvec_push(&rs->fact_names, name);
	strvec_push(&rs->fact_values, value);
	strvec_push(&rs->fact_sources, source);
	return 0;
}

const char *
ruleset_get_fact_source(const struct ruleset *rs, const char *name)
{
	size_t i;

	for (i = 0; i < rs->fact_names.n; i++)
		if (strcmp(rs->fact_names.v[i], name) == 0)
			return rs->fact_sources.v[i];
	return NULL;
}

const char *
ruleset_get_fact(const struct ruleset *rs, const char *name)
{
	size_t i;

	for (i = 0; i < rs->fact_names.n; i++)
		if (strcmp(rs->fact_names.v[i], name) == 0)
			return rs->fact_values.v[i];
	return NULL;
}

struct rule *
ruleset_find(const struct ruleset *rs, const char *id)
{
	size_t i;

	for (i = 0; i < rs->nrules; i++)
		if (strcmp(rs->rules[i]->id, id) == 0)
			return rs->rules[i];
	return NULL;
}

static struct rule *
rule_create(struct ruleset *rs, const char *id, const char *file, int line)
{
	struct rule *r;

	r = xcalloc(1, sizeof(*r));
	r->id = xstrdup(id);
	r->layer = rs->layer;
	r->file = file;
	r->line = line;
	r->level = LEVEL_ERROR;
	XGROW(rs->rules, rs->nrules + 1, rs->alloc);
	rs->rules[rs->nrules++] = r;
	return r;
}

/* Drop the keys of r set by layer (in), or by any other layer (!in). */
static void
drop_keys(struct rule *r, int layer, int in)
{
	size_t i, j, n;

	for (i = n = 0; i < r->nkeys; i++) {
		if ((r->keys[i].layer == layer) != in) {
			r->keys[n++] = r->keys[i];
			continue;
		}
		for (j = 0; j < r->keys[i].n; j++)
			value_release(&r->keys[i].v[j]);
		free(r->keys[i].v);
		free(r->keys[i].name);
		free(r->keys[i].base);
	}
	r->nkeys = n;
}

/*
 * A layer after the repository's that gives a rule of the repository's
 * its type defines it anew: what the repository said of it (its level,
 * an alternative that passes) is dropped, and the rule is the later
 * layer's, so that a repository cannot bend a rule a reviewer defines.
 */
static void
redefine(struct ruleset *rs, struct rule *r, const char *file, int line)
{
	if (rs->repo_layer == 0 || r->layer != rs->repo_layer ||
	    rs->layer == rs->repo_layer)
		return;
	drop_keys(r, rs->repo_layer, 1);
	r->layer = rs->layer;
	r->file = file;
	r->line = line;
}

/*
 * A later layer that gives a rule another type redefines it: the keys of
 * earlier layers belonged to the old type and are dropped.
 */
static void
retype(struct ruleset *rs, struct rule *r, const char *value)
{
	const char *old;

	old = rule_str(r, "type", NULL);
	if (old == NULL || strcmp(old, value) == 0)
		return;
	drop_keys(r, rs->layer, 0);
}

/*
 * The repository's config replaces a key of an earlier layer: keep what
 * that layer said (its values joined by spaces) for reports.
 */
static void
keep_base(struct ruleset *rs, struct rule_key *k)
{
	struct strbuf sb = STRBUF_INIT;
	size_t j;

	if (rs->repo_layer == 0 || rs->layer != rs->repo_layer)
		return;
	for (j = 0; j < k->n; j++) {
		if (j > 0)
			strbuf_addch(&sb, ' ');
		strbuf_addstr(&sb, k->v[j].value);
	}
	free(k->base);
	k->base = strbuf_detach(&sb, NULL);
}

/*
 * Add one value of a key. The first value a layer gives a key replaces
 * what earlier layers said; an empty value leaves the list empty.
 */
static int
rule_add_value(struct ruleset *rs, struct rule *r, const char *name,
    const char *value, const char *file, int line)
{
	struct rule_key *k;
	size_t i, j;

	if (*name == '\0' || strchr(name, '.') != NULL)
		return -1;
	if (strcmp(name, "type") == 0)
		retype(rs, r, value);
	k = NULL;
	for (i = 0; i < r->nkeys; i++)
		if (strcmp(r->keys[i].name, name) == 0)
			k = &r->keys[i];
	if (k == NULL) {
		XGROW(r->keys, r->nkeys + 1, r->alloc);
		k = &r->keys[r->nkeys++];
		memset(k, 0, sizeof(*k));
		k->name = xstrdup(name);
		k->layer = rs->layer;
	} else if (k->layer != rs->layer) {
		keep_base(rs, k);
		for (j = 0; j < k->n; j++)
			value_release(&k->v[j]);
		k->n = 0;
		k->layer = rs->layer;
	}
	XGROW(k->v, k->n + 1, k->alloc);
	memset(&k->v[k->n], 0, sizeof(k->v[k->n]));
	k->v[k->n].value = xstrdup(value);
	k->v[k->n].file = intern(rs, file);
	k->v[k->n].line = line;
	k->n++;
	return 0;
}

void
ruleset_finish(struct ruleset *rs)
{
	if (rs->name == NULL)
		rs->name = xstrdup(rs->files.n > 0 ? rs->files.v[0] : "rules");
}

static const char *const level_names[] = {
	[LEVEL_OFF] = "off",
	[LEVEL_INFO] = "info",
	[LEVEL_WARNING] = "warning",
	[LEVEL_ERROR] = "error",
};

const char *
level_name(enum level lv)
{
	return level_names[lv];
}

int
level_parse(const char *s, enum level *out)
{
	size_t i;

	for (i = 0; i < sizeof(level_names) / sizeof(level_names[0]); i++)
		if (strcmp(s, level_names[i]) == 0) {
			*out = (enum level)i;
			return 0;
		}
	return -1;
}

const struct rule_key *
rule_key(const struct rule *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->nkeys; i++)
		if (strcmp(r->keys[i].name, name) == 0)
			return &r->keys[i];
	return NULL;
}

const char *
rule_str(const struct rule *r, const char *name, const char *def)
{
	const struct rule_key *k;

	k = rule_key(r, name);
	if (k == NULL || k->n == 0)
		return def;
	return k->v[k->n - 1].value;
}

long long
rule_int(const struct rule *r, const char *name, long long def)
{
	const char *s;
	long long n;

	s = rule_str(r, name, NULL);
	if (s == NULL || keyspec_uint(s, &n) == -1)
		return def;
	return n;
}

int
rule_bool(const struct rule *r, const char *name, int def)
{
	const char *s;
	int b;

	s = rule_str(r, name, NULL);
	if (s == NULL || keyspec_bool(s, &b) == -1)
		return def;
	return b;
}

static int
vrule_error(const struct rule *r, const char *key, size_t idx,
    const char *fmt, va_list ap)
{
	const struct rule_key *k;
	struct strbuf sb = STRBUF_INIT;
	const char *file;
	int line;

	file = r->file;
	line = r->line;
	k = key != NULL ? rule_key(r, key) : NULL;
	if (k != NULL && k->n > 0) {
		if (idx >= k->n)
			idx = 0;
		file = k->v[idx].file;
		line = k->v[idx].line;
	}
	strbuf_vaddf(&sb, fmt, ap);
	if (key != NULL)
		ec_error_at(file, line, "rule '%s': %s: %s", r->id, key, sb.buf);
	else
		ec_error_at(file, line, "rule '%s': %s", r->id, sb.buf);
	strbuf_release(&sb);
	return -1;
}

int
rule_error(const struct rule *r, const char *key, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vrule_error(r, key, 0, fmt, ap);
	va_end(ap);
	return -1;
}

int
rule_value_error(const struct rule *r, const char *key, size_t idx,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vrule_error(r, key, idx, fmt, ap);
	va_end(ap);
	return -1;
}
