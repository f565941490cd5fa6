/* testrun.c: tox envs and nox sessions, read from their definitions */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1		/* memmem */
#endif
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ini.h>

#include "read/reader.h"
#include "read/testrun.h"
#include "read/toml.h"
#include "strbuf.h"
#include "xalloc.h"

#define RUN_MAX_ENVS	256		/* envs or sessions kept */
#define RUN_MAX_NAMES	64		/* names a brace expansion gives */
#define RUN_MAX_CMDS	64		/* command lines of one env kept */
#define RUN_MAX_DEPTH	3		/* {[section]commands} followed */
#define NOX_CALL_LINES	20		/* lines of one run() call read */

/* inih's input: one line at a time, counted. */
struct ini_in {
	struct run_defs	*d;
	const char	*text;
	size_t		 len, pos;
	int		 line;		/* of the line inih holds */
	int		 join;		/* the last command ended in '\' */
};

/* Where the reading of noxfile.py is. */
struct nox_state {
	struct run_defs	*d;
	struct run_env	*cur;		/* the session whose body this is */
	struct strbuf	 dec;		/* the decorator's text */
	struct strbuf	 cmd;		/* the run() call's strings */
	int		 in_dec;
	int		 more;		/* lines of a run() call left */
	int		 first;		/* its first argument: 1 a string */
	int		 start;		/* its line */
};

static struct run_env *env_get(struct run_defs *, const char *, int);
static void	 env_add_cmd(struct run_env *, const char *, size_t, int,
		    int);
static void	 expand(const char *, size_t, struct strvec *);
static void	 split_names(const char *, struct strvec *);
static char	*ini_line(char *, int, void *);
static int	 ini_value(void *, const char *, const char *, const char *);
static void	 read_ini(struct run_defs *, const char *, size_t, int);
static void	 toml_cmds(struct run_defs *, const char *,
		    const struct toml_value *);
static void	 read_toml(struct run_defs *, const char *, size_t, int);
static int	 nox_strings(const char *, const char *, struct strbuf *,
		    int *);
static const char *nox_name(const char *);
static void	 nox_options(struct run_defs *, const char *, const char *);
static void	 nox_top(struct nox_state *, const char *, const char *, int);
static void	 nox_run_end(struct nox_state *);
static void	 nox_body(struct nox_state *, const char *, const char *, int);
static void	 read_nox(struct run_defs *, const char *, size_t);
static int	 factor_has(const char *, const char *, size_t);
static int	 cond_matches(const char *, size_t, const char *);
static const char *conditioned(const char *, const char *);
static const struct run_env *env_find(const struct run_defs *,
		    const char *);
static void	 env_lines(const struct run_defs *, const struct run_env *,
		    const char *, int, struct run_lines *);
static void	 select_one(const struct run_defs *, const char *,
		    struct run_lines *);
static void	 call_names(const char *, int, struct strvec *, int *);
static void	*tox_parse(const struct reader_input *);
static void	*nox_parse(const struct reader_input *);
static void	 defs_free(void *);

const struct reader reader_tox = {
	.name = "tox",
	.flags = READER_TEXT,
	.parse = tox_parse,
	.free = defs_free,
};

const struct reader reader_nox = {
	.name = "noxfile",
	.flags = READER_TEXT,
	.parse = nox_parse,
	.free = defs_free,
};

/* The env or session named so, made when create is set and it is new. */
static struct run_env *
env_get(struct run_defs *d, const char *name, int create)
{
	struct run_env *e;
	size_t i;

	for (i = 0; i < d->n; i++)
		if (strcmp(d->v[i].name, name) == 0)
			return &d->v[i];
	if (!create || d->n >= RUN_MAX_ENVS)
		return NULL;
	XGROW(d->v, d->n + 1, d->alloc);
	e = &d->v[d->n++];
	memset(e, 0, sizeof(*e));
	e->name = xstrdup(name);
	return e;
}

/* One command line at line; join: it continues the last one. */
static void
env_add_cmd(struct run_env *e, const char *s, size_t len, int line,
    int join)
{
	struct strbuf sb = STRBUF_INIT;

	while (len > 0 && isspace((unsigned char)*s)) {
		s++;
		len--;
	}
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	if (len == 0)
		return;
	if (join && e->cmds.n > 0) {
		strbuf_addstr(&sb, e->cmds.v[e->cmds.n - 1]);
		if (sb.len > 0 && sb.buf[sb.len - 1] == '\\')
			strbuf_setlen(&sb, sb.len - 1);
		while (sb.len > 0 && sb.buf[sb.len - 1] == ' ')
			strbuf_setlen(&sb, sb.len - 1);
		strbuf_addch(&sb, ' ');
		strbuf_add(&sb, s, len);
		free(e->cmds.v[e->cmds.n - 1]);
		e->cmds.v[e->cmds.n - 1] = strbuf_detach(&sb, NULL);
		return;
	}
	if (e->cmds.n >= RUN_MAX_CMDS)
		return;
	strbuf_add(&sb, s, len);
	strvec_push_nodup(&e->cmds, strbuf_detach(&sb, NULL));
	XGROW(e->cmd_line, e->cmds.n, e->cmd_alloc);
	e->cmd_line[e->cmds.n - 1] = line;
}

/* tox's brace expansion: "py{38,39}-torch{1,2}" gives four names. */
static void
expand(const char *s, size_t len, struct strvec *out)
{
	struct strbuf sb = STRBUF_INIT;
	const char *open, *close, *p, *q;

	open = memchr(s, '{', len);
	close = open != NULL ? memchr(open, '}', len - (size_t)(open - s)) :
	    NULL;
	if (close == NULL) {
		if (len > 0 && out->n < RUN_MAX_NAMES)
			strvec_push_nodup(out, xstrndup(s, len));
		return;
	}
	for (p = open + 1; p <= close && out->n < RUN_MAX_NAMES; p = q + 1) {
		if ((q = memchr(p, ',', (size_t)(close - p))) == NULL)
			q = close;
		strbuf_reset(&sb);
		strbuf_add(&sb, s, (size_t)(open - s));
		strbuf_add(&sb, p, (size_t)(q - p));
		strbuf_add(&sb, close + 1, len - (size_t)(close + 1 - s));
		expand(sb.buf, sb.len, out);
	}
	strbuf_release(&sb);
}

/* An env_list: names split at commas and spaces outside braces. */
static void
split_names(const char *v, struct strvec *out)
{
	const char *p, *q;
	int depth;

	for (p = v; *p != '\0'; p = *q != '\0' ? q + 1 : q) {
		while (*p == ' ' || *p == '\t' || *p == ',')
			p++;
		for (q = p, depth = 0; *q != '\0'; q++) {
			if (*q == '{')
				depth++;
			else if (*q == '}' && depth > 0)
				depth--;
			else if (depth == 0 && (*q == ',' || *q == ' ' ||
			    *q == '\t'))
				break;
		}
		if (q > p && *p != '#')
			expand(p, (size_t)(q - p), out);
		if (*p == '#')
			break;
	}
}

/* inih's reader: one line at a time, a longer one cut, lines counted. */
static char *
ini_line(char *buf, int num, void *arg)
{
	struct ini_in *in = arg;
	size_t n = 0;

	if (in->pos >= in->len || num < 2)
		return NULL;
	while (in->pos < in->len && n < (size_t)num - 2) {
		buf[n++] = in->text[in->pos++];
		if (buf[n - 1] == '\n')
			break;
	}
	if (n > 0 && buf[n - 1] != '\n')
		while (in->pos < in->len && in->text[in->pos++] != '\n')
			;
	buf[n] = '\0';
	in->line++;
	return buf;
}

/*
 * One value of the INI text: env_list of [tox] ([tox:tox] in setup.cfg),
 * commands of [testenv] and [testenv:NAME], continuation lines too.
 */
static int
ini_value(void *arg, const char *section, const char *name,
    const char *value)
{
	struct ini_in *in = arg;
	struct run_env *e;
	int join;
	size_t n;

	join = in->join;
	n = strlen(value);
	in->join = strcmp(name, "commands") == 0 && n > 0 &&
	    value[n - 1] == '\\';
	if (strcmp(section, "tox") == 0 || strcmp(section, "tox:tox") == 0) {
		in->d->found = 1;
		if (strcmp(name, "envlist") == 0 ||
		    strcmp(name, "env_list") == 0)
			split_names(value, &in->d->defaults);
		return 1;
	}
	if (strncmp(section, "testenv", 7) != 0 || (section[7] != '\0' &&
	    section[7] != ':'))
		return 1;
	in->d->found = 1;
	if ((e = env_get(in->d, section[7] == ':' ? section + 8 : "", 1)) ==
	    NULL)
		return 1;
	if (e->line == 0)
		e->line = in->line;
	if (strcmp(name, "commands") != 0)
		return 1;
	e->has_cmds = 1;
	env_add_cmd(e, value, n, in->line, join);
	return 1;
}

/* An INI text (tox.ini, setup.cfg, legacy_tox_ini) from line base + 1. */
static void
read_ini(struct run_defs *d, const char *buf, size_t len, int base)
{
	struct ini_in in;

	memset(&in, 0, sizeof(in));
	in.d = d;
	in.text = buf;
	in.len = len;
	in.line = base;
	(void)ini_parse_stream(ini_line, &in, ini_value, &in);
}

/* tox's TOML commands: [["pytest", "tests"], ["coverage", "report"]]. */
static void
toml_cmds(struct run_defs *d, const char *name, const struct toml_value *t)
{
	struct strbuf sb = STRBUF_INIT;
	const struct toml_value *c, *w;
	struct run_env *e;
	const char *s;
	size_t i, j;

	if (toml_kind(t) != TOML_ARRAY || (e = env_get(d, name, 1)) == NULL)
		return;
	d->found = 1;
	e->has_cmds = 1;
	e->line = toml_line(t);
	for (i = 0; i < toml_len(t); i++) {
		c = toml_at(t, i);
		strbuf_reset(&sb);
		for (j = 0; j < toml_len(c); j++) {
			w = toml_at(c, j);
			if ((s = toml_string(w, NULL)) != NULL)
				strbuf_addf(&sb, "%s%s", sb.len > 0 ? " " : "",
				    s);
			else if (toml_kind(w) == TOML_TABLE)
				strbuf_addstr(&sb, sb.len > 0 ? " {posargs}" :
				    "{posargs}");
		}
		env_add_cmd(e, sb.buf, sb.len, toml_line(c), 0);
	}
	strbuf_release(&sb);
}

/*
 * pyproject.toml's [tool.tox] (prefix 1) or tox.toml: legacy_tox_ini read
 * as INI, or env_list, env_run_base and env.NAME commands.
 */
static void
read_toml(struct run_defs *d, const char *buf, size_t len, int prefix)
{
	struct toml_value *root;
	struct toml_error err;
	const struct toml_value *tox, *t, *envs;
	const char *s;
	size_t i, n;

	if (toml_parse(buf, len, &root, &err) != 0)
		return;
	tox = prefix ? toml_get(root, "tool.tox") : root;
	if (prefix && tox != NULL)
		d->found = 1;
	if ((s = toml_string(toml_get(tox, "legacy_tox_ini"), &n)) != NULL)
		read_ini(d, s, n, toml_line(toml_get(tox, "legacy_tox_ini")));
	t = toml_get(tox, "env_list");
	for (i = 0; i < toml_len(t) && d->defaults.n < RUN_MAX_NAMES; i++)
		if ((s = toml_string(toml_at(t, i), NULL)) != NULL)
			strvec_push(&d->defaults, s);
	toml_cmds(d, "", toml_get(tox, "env_run_base.commands"));
	envs = toml_get(tox, "env");
	for (i = 0; i < toml_len(envs); i++)
		if ((s = toml_key_at(envs, i, NULL)) != NULL)
			toml_cmds(d, s, toml_get(toml_at(envs, i),
			    "commands"));
	toml_free(root);
}

/*
 * The string arguments of a call from p to its closing parenthesis on
 * this line, joined into sb: 1 when the call closes here. *first is set
 * to 1 when its first argument is a string, -1 when it is something
 * else (a variable, *args), left 0 before any argument.
 */
static int
nox_strings(const char *p, const char *e, struct strbuf *sb, int *first)
{
	const char *close;
	char quote;

	for (; p < e && *p != ')'; p++) {
		if (*p == '#')
			return 0;
		if (*p == '"' || *p == '\'') {
			quote = *p;
			if ((close = memchr(p + 1, quote, (size_t)(e - p - 1))) ==
			    NULL)
				return 0;
			if (*first == 0)
				*first = 1;
			strbuf_addf(sb, "%s%.*s", sb->len > 0 ? " " : "",
			    (int)(close - p - 1), p + 1);
			p = close;
		} else if (*first == 0 && !isspace((unsigned char)*p) &&
		    *p != ',' && strchr("frbFRB", *p) == NULL)
			*first = -1;
		else if (*first == 0 && strchr("frbFRB", *p) != NULL &&
		    p + 1 < e && p[1] != '"' && p[1] != '\'' &&
		    strchr("frbFRB", p[1]) == NULL)
			*first = -1;
	}
	return p < e;
}

/* The name="..." of a @nox.session(...) decorator, or NULL. */
static const char *
nox_name(const char *dec)
{
	const char *p;

	if ((p = strstr(dec, "name=")) == NULL &&
	    (p = strstr(dec, "name =")) == NULL)
		return NULL;
	p = strchr(p, '=') + 1;
	while (*p == ' ')
		p++;
	return *p == '"' || *p == '\'' ? p : NULL;
}

/* nox.options.sessions = ["tests", "lint"]: the default sessions. */
static void
nox_options(struct run_defs *d, const char *p, const char *e)
{
	const char *q, *close;

	if ((q = memmem(p, (size_t)(e - p), "options.sessions", 16)) == NULL)
		return;
	for (q += 16; q < e; q++)
		if ((*q == '"' || *q == '\'') && (close = memchr(q + 1, *q,
		    (size_t)(e - q - 1))) != NULL) {
			if (d->defaults.n < RUN_MAX_NAMES)
				strvec_push_nodup(&d->defaults, xstrndup(q + 1,
				    (size_t)(close - q - 1)));
			q = close;
		}
}

/* A line of noxfile.py that starts at its first column. */
static void
nox_top(struct nox_state *ns, const char *p, const char *e, int line)
{
	const char *nm, *q;

	ns->cur = NULL;
	nox_options(ns->d, p, e);
	if (*p == '@' && memmem(p, (size_t)(e - p), "session", 7) != NULL) {
		ns->in_dec = 1;
		strbuf_reset(&ns->dec);
	}
	/* The line is not NUL-terminated: every look stops at e. */
	if (!ns->in_dec || e - p < 4 || memcmp(p, "def ", 4) != 0)
		return;
	nm = nox_name(ns->dec.buf);
	strbuf_reset(&ns->cmd);
	if (nm != NULL)
		strbuf_add(&ns->cmd, nm + 1, strcspn(nm + 1, "\"'"));
	else {
		for (q = p + 4; q < e && *q != '(' && *q != ' ' && *q != ':';
		    q++)
			;
		strbuf_add(&ns->cmd, p + 4, (size_t)(q - p - 4));
	}
	if ((ns->cur = env_get(ns->d, ns->cmd.buf, 1)) != NULL)
		ns->cur->line = line;
	ns->d->found = 1;
	ns->in_dec = 0;
}

/* The end of a run() call: its command kept, or the session opaque. */
static void
nox_run_end(struct nox_state *ns)
{
	if (ns->first == 1)
		env_add_cmd(ns->cur, ns->cmd.buf, ns->cmd.len, ns->start, 0);
	else
		ns->cur->opaque = 1;
	ns->more = 0;
}

/* A line of a session's body: a run() call starts, or a notify(). */
static void
nox_body(struct nox_state *ns, const char *p, const char *e, int line)
{
	const char *r;

	strbuf_reset(&ns->cmd);
	ns->first = 0;
	if ((r = memmem(p, (size_t)(e - p), ".run(", 5)) != NULL ||
	    (r = memmem(p, (size_t)(e - p), ".run_always(", 12)) != NULL) {
		ns->start = line;
		r = strchr(r, '(') + 1;
		ns->more = NOX_CALL_LINES;
		if (nox_strings(r, e, &ns->cmd, &ns->first))
			nox_run_end(ns);
	} else if ((r = memmem(p, (size_t)(e - p), ".notify(", 8)) != NULL) {
		(void)nox_strings(r + 8, e, &ns->cmd, &ns->first);
		if (ns->first == 1) {
			strbuf_reset(&ns->dec);
			strbuf_addf(&ns->dec, "nox -s %s", ns->cmd.buf);
			env_add_cmd(ns->cur, ns->dec.buf, ns->dec.len, line, 0);
		}
	}
}

/*
 * noxfile.py, line by line: @nox.session functions, the string
 * arguments of their session.run() calls (a call over several lines
 * too), session.notify("x") as "nox -s x".
 */
static void
read_nox(struct run_defs *d, const char *buf, size_t len)
{
	struct nox_state ns;
	const char *p, *e, *end;
	int line;

	memset(&ns, 0, sizeof(ns));
	ns.d = d;
	strbuf_init(&ns.dec);
	strbuf_init(&ns.cmd);
	end = buf + len;
	for (p = buf, line = 1; p < end; p = e + 1, line++) {
		if ((e = memchr(p, '\n', (size_t)(end - p))) == NULL)
			e = end;
		if (ns.more > 0) {
			if (nox_strings(p, e, &ns.cmd, &ns.first) ||
			    --ns.more == 0)
				nox_run_end(&ns);
		} else if (p < e && !isspace((unsigned char)*p) && *p != '#' &&
		    *p != ')')
			nox_top(&ns, p, e, line);
		else if (ns.cur != NULL)
			nox_body(&ns, p, e, line);
		if (ns.in_dec)
			strbuf_add(&ns.dec, p, (size_t)(e - p));
		if (e == end)
			break;
	}
	strbuf_release(&ns.dec);
	strbuf_release(&ns.cmd);
}

void
run_defs_read(const char *path, const char *buf, size_t len,
    struct run_defs *d)
{
	const char *b;

	memset(d, 0, sizeof(*d));
	b = strrchr(path, '/') != NULL ? strrchr(path, '/') + 1 : path;
	if (strcmp(b, "noxfile.py") == 0) {
		d->nox = 1;
		read_nox(d, buf, len);
	} else if (strcmp(b, "pyproject.toml") == 0)
		read_toml(d, buf, len, 1);
	else if (strcmp(b, "tox.toml") == 0)
		read_toml(d, buf, len, 0);
	else
		read_ini(d, buf, len, 0);
}

void
run_defs_release(struct run_defs *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->v[i].name);
		strvec_clear(&d->v[i].cmds);
		free(d->v[i].cmd_line);
	}
	free(d->v);
	strvec_clear(&d->defaults);
	memset(d, 0, sizeof(*d));
}

/* Whether the env's name has the factor f (len bytes): "py311-torch2". */
static int
factor_has(const char *env, const char *f, size_t len)
{
	const char *p, *q;

	for (p = env; ; p = q + 1) {
		if ((q = strchr(p, '-')) == NULL)
			q = p + strlen(p);
		if ((size_t)(q - p) == len && strncmp(p, f, len) == 0)
			return 1;
		if (*q == '\0')
			return 0;
	}
}

/*
 * Whether a factor condition holds for the env: alternatives joined by
 * commas, each factors joined by '-', '!' negating one ("py38,!lint").
 */
static int
cond_matches(const char *c, size_t len, const char *env)
{
	struct strvec alts = STRVEC_INIT;
	const char *p, *q, *e;
	size_t i;
	int all, neg, ok;

	ok = 0;
	expand(c, len, &alts);
	for (i = 0; i < alts.n && !ok; i++)
		for (p = alts.v[i]; *p != '\0' && !ok; p = *e != '\0' ?
		    e + 1 : e) {
			if ((e = strchr(p, ',')) == NULL)
				e = p + strlen(p);
			for (all = 1, q = p; q < e && all; q++) {
				neg = *q == '!';
				q += neg;
				len = strcspn(q, "-,");
				if (q + len > e)
					len = (size_t)(e - q);
				all = factor_has(env, q, len) != neg;
				q += len;
			}
			ok = all && e > p;
		}
	strvec_clear(&alts);
	return ok;
}

/*
 * The command of a line of tox's commands for the env: the line, the
 * rest of a "factors: command" line whose condition holds, or NULL.
 */
static const char *
conditioned(const char *cmd, const char *env)
{
	size_t n;

	n = strspn(cmd, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789_.,!{}-");
	if (n == 0 || cmd[n] != ':' || (cmd[n + 1] != ' ' &&
	    cmd[n + 1] != '\t'))
		return cmd;
	if (!cond_matches(cmd, n, env))
		return NULL;
	for (cmd += n + 1; *cmd == ' ' || *cmd == '\t'; cmd++)
		;
	return cmd;
}

/*
 * The env or session a name calls for: tox's of that name, else its base
 * [testenv]; nox's of that name, its python ("tests-3.11") or its
 * parameters ("tests(torch='2.1')") left off.
 */
static const struct run_env *
env_find(const struct run_defs *d, const char *name)
{
	size_t i, n;

	for (i = 0; i < d->n; i++)
		if (strcmp(d->v[i].name, name) == 0)
			return &d->v[i];
	if (!d->nox) {
		for (i = 0; i < d->n; i++)
			if (d->v[i].name[0] == '\0')
				return &d->v[i];
		return NULL;
	}
	for (i = 0; i < d->n; i++) {
		n = strlen(d->v[i].name);
		if (strncmp(name, d->v[i].name, n) == 0 && (name[n] == '(' ||
		    (name[n] == '-' && isdigit((unsigned char)name[n + 1]))))
			return &d->v[i];
	}
	return NULL;
}

/*
 * The command lines of env e run as name, into out: tox's factor
 * conditions resolved, {[section]commands} followed while depth lasts,
 * the base's commands when the env has none.
 */
static void
env_lines(const struct run_defs *d, const struct run_env *e,
    const char *name, int depth, struct run_lines *out)
{
	const struct run_env *base;
	const char *c;
	char sect[128];
	size_t i;

	if (!d->nox && !e->has_cmds && e->name[0] != '\0' &&
	    (base = env_find(d, "")) != NULL && base != e)
		e = base;
	if (out->env == NULL)
		out->env = e;
	if (e->opaque || (d->nox && e->cmds.n == 0))
		out->opaque = 1;
	for (i = 0; i < e->cmds.n; i++) {
		c = e->cmds.v[i];
		if (!d->nox && (c = conditioned(c, name)) == NULL)
			continue;
		while (*c == '-' && (c[1] == ' ' || c[1] == '\0'))
			c++;
		if ((sscanf(c, "{[testenv%127[^]]]commands}", sect) == 1 &&
		    strstr(c, "]commands}") != NULL) ||
		    strcmp(c, "{[testenv]commands}") == 0) {
			base = env_find(d, strcmp(c, "{[testenv]commands}") ==
			    0 ? "" : sect + 1);
			if (base != NULL && depth > 0)
				env_lines(d, base, name, depth - 1, out);
			continue;
		}
		strvec_push(&out->cmds, c);
	}
}

/* The lines of one name; "*": of every env or session. */
static void
select_one(const struct run_defs *d, const char *name,
    struct run_lines *out)
{
	const struct run_env *e;
	size_t i;

	if (strcmp(name, "*") == 0) {
		for (i = 0; i < d->n; i++)
			env_lines(d, &d->v[i], d->v[i].name[0] != '\0' ?
			    d->v[i].name : "py", RUN_MAX_DEPTH, out);
		return;
	}
	if ((e = env_find(d, name)) == NULL)
		out->missing = 1;
	else
		env_lines(d, e, name, RUN_MAX_DEPTH, out);
}

/*
 * The names a call gives (-e, -s and the like), into names; *other set
 * when it names a configuration elsewhere (-c, -f). A name holding a CI
 * expression is what comes before it ("tests-${{ matrix.py }}": tests),
 * or every one ("*").
 */
static void
call_names(const char *call, int nox, struct strvec *names, int *other)
{
	static const char *const valued[] = { "-p", "--python", "--parallel",
	    "-x", "--override", "--installpkg", "--root", "--workdir",
	    "--hashseed", "--discover", NULL };
	struct strvec w = STRVEC_INIT;
	const char *x;
	size_t i, k;
	int take;

	split_names(call, &w);
	for (i = 1, take = 0; i < w.n && strcmp(w.v[i], "--") != 0; i++) {
		x = w.v[i];
		if (strcmp(x, "-c") == 0 || strcmp(x, "--conf") == 0 ||
		    (nox && (strcmp(x, "-f") == 0 || strcmp(x, "--noxfile") ==
		    0)))
			*other = 1;
		if (x[0] == '-') {
			take = strcmp(x, "-e") == 0 || strcmp(x, "--env") == 0 ||
			    (nox && (strcmp(x, "-s") == 0 ||
			    strncmp(x, "--session", 9) == 0));
			if (strcmp(x, "-m") == 0 || strcmp(x, "-t") == 0 ||
			    strcmp(x, "-k") == 0 || strcmp(x, "-f") == 0)
				strvec_push(names, "*");
			for (k = 0; !take && valued[k] != NULL; k++)
				if (strcmp(x, valued[k]) == 0 && i + 1 < w.n &&
				    w.v[i + 1][0] != '-')
					i++;
			continue;
		}
		if (!take)
			continue;
		if (strstr(x, "${{") != NULL || x[0] == '$') {
			k = strcspn(x, "$");
			while (k > 0 && (x[k - 1] == '-' || x[k - 1] == '_'))
				k--;
			strvec_push_nodup(names, k > 0 ? xstrndup(x, k) :
			    xstrdup("*"));
			while (i + 1 < w.n && strstr(w.v[i], "}}") == NULL)
				i++;
		} else
			strvec_push(names, x);
		take = nox;
	}
	strvec_clear(&w);
}

int
run_select(const struct run_defs *d, const char *call, struct run_lines *out)
{
	struct strvec names = STRVEC_INIT;
	size_t i;
	int other;

	other = 0;
	call_names(call, d->nox, &names, &other);
	if (other) {
		strvec_clear(&names);
		return -1;
	}
	if (names.n == 0 && d->defaults.n > 0)
		for (i = 0; i < d->defaults.n; i++)
			strvec_push(&names, d->defaults.v[i]);
	if (names.n == 0)
		strvec_push(&names, d->nox ? "*" : "py");
	for (i = 0; i < names.n; i++)
		select_one(d, names.v[i], out);
	strvec_clear(&names);
	return 0;
}

void
run_lines_release(struct run_lines *l)
{
	strvec_clear(&l->cmds);
	memset(l, 0, sizeof(*l));
}

static void *
tox_parse(const struct reader_input *in)
{
	struct run_defs *d;

	d = xmalloc(sizeof(*d));
	run_defs_read(in->path, in->buf, in->len, d);
	return d;
}

static void *
nox_parse(const struct reader_input *in)
{
	struct run_defs *d;

	d = xmalloc(sizeof(*d));
	run_defs_read("noxfile.py", in->buf, in->len, d);
	return d;
}

static void
defs_free(void *p)
{
	run_defs_release(p);
	free(p);
}
