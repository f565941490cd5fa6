/*
 * dochost.c: the documentation site a project declares (dochost.h).
 *
 * The YAML files are read as libyaml's event stream, bounded and with
 * aliases never expanded, keeping only the scalars of the keys asked
 * for; conf.py is Python, read for its one assignment of html_baseurl
 * (the first URL in a string on that line: a literal, or the default of
 * os.environ.get()).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "ascii.h"
#include "read/dochost.h"
#include "read/doclink.h"
#include "read/reader.h"
#include "strbuf.h"
#include "xalloc.h"

#define YAML_DEPTH	8	/* mappings whose keys are kept */
#define KEY_MAX		64	/* bytes of a key kept */

/* A mapping or a sequence of the stream, and the key it is the value of. */
struct frame {
	int	 map;
	int	 want_key;	/* a map: the next scalar is a key */
	char	 key[KEY_MAX];	/* the key of the value being read */
};

struct walk {
	struct frame	 f[YAML_DEPTH];
	size_t		 depth;		/* frames open, also past YAML_DEPTH */
	int		 rtd;		/* .readthedocs.yaml, not mkdocs.yml */
	const char	*path;
	struct dochost	*out;
};

static void	*mkdocs_parse(const struct reader_input *);
static void	*rtdconf_parse(const struct reader_input *);
static void	*sphinxconf_parse(const struct reader_input *);
static void	*cname_parse(const struct reader_input *);
static void	 dochost_free(void *);
static void	*yaml_read(const struct reader_input *, int);
static int	 walk_event(struct walk *, const yaml_event_t *);
static void	 walk_value(struct walk *, const char *, size_t, int);
static char	*join_dir(const char *, const char *, size_t);
static int	 baseurl_line(const char *, size_t, struct dochost *);

const struct reader reader_mkdocs = {
	.name = "MkDocs configuration",
	.flags = READER_TEXT,
	.parse = mkdocs_parse,
	.free = dochost_free,
};

const struct reader reader_rtdconf = {
	.name = "Read the Docs configuration",
	.flags = READER_TEXT,
	.parse = rtdconf_parse,
	.free = dochost_free,
};

const struct reader reader_sphinxconf = {
	.name = "Sphinx configuration",
	.flags = READER_TEXT,
	.parse = sphinxconf_parse,
	.free = dochost_free,
};

const struct reader reader_cname = {
	.name = "CNAME",
	.flags = READER_TEXT,
	.parse = cname_parse,
	.free = dochost_free,
};

const struct reader *
dochost_reader(const char *path)
{
	const char *base;

	base = strrchr(path, '/');
	base = base != NULL ? base + 1 : path;
	if (strcmp(base, "mkdocs.yml") == 0 || strcmp(base, "mkdocs.yaml") == 0)
		return &reader_mkdocs;
	if (strcmp(base, ".readthedocs.yaml") == 0 ||
	    strcmp(base, ".readthedocs.yml") == 0)
		return &reader_rtdconf;
	if (strcmp(base, "conf.py") == 0)
		return &reader_sphinxconf;
	if (strcmp(base, "CNAME") == 0)
		return &reader_cname;
	return NULL;
}

static void
dochost_free(void *p)
{
	struct dochost *d = p;

	if (d == NULL)
		return;
	free(d->host);
	free(d->root);
	free(d);
}

/* The folder of path joined with rel[0..len) ("." and "./" dropped). */
static char *
join_dir(const char *path, const char *rel, size_t len)
{
	const char *slash;
	size_t dlen;

	while (len >= 2 && rel[0] == '.' && rel[1] == '/') {
		rel += 2;
		len -= 2;
	}
	while (len > 0 && rel[len - 1] == '/')
		len--;
	if (len == 0 || rel[0] == '/' || (len == 1 && rel[0] == '.'))
		return NULL;
	for (dlen = 0; dlen + 1 < len; dlen++)
		if (rel[dlen] == '.' && rel[dlen + 1] == '.')
			return NULL;	/* out of the repository, maybe */
	slash = path != NULL ? strrchr(path, '/') : NULL;
	dlen = slash != NULL ? (size_t)(slash - path) : 0;
	return dlen > 0 ? xasprintf("%.*s/%.*s", (int)dlen, path, (int)len,
	    rel) : xasprintf("%.*s", (int)len, rel);
}

/* A scalar value of the key the open frames name. */
static void
walk_value(struct walk *w, const char *v, size_t len, int line)
{
	const char *k0, *k1;
	size_t n;

	if (w->depth == 1 && !w->rtd) {
		k0 = w->f[0].key;
		if (strcmp(k0, "site_url") == 0 && w->out->host == NULL) {
			w->out->host = doclink_host_of(v, len);
			w->out->line = line;
		} else if (strcmp(k0, "docs_dir") == 0 && w->out->root == NULL)
			w->out->root = join_dir(w->path, v, len);
		return;
	}
	if (w->depth != 2 || !w->rtd || !w->f[0].map || !w->f[1].map)
		return;
	k0 = w->f[0].key;
	k1 = w->f[1].key;
	if ((strcmp(k0, "sphinx") != 0 && strcmp(k0, "mkdocs") != 0) ||
	    strcmp(k1, "configuration") != 0 || w->out->root != NULL)
		return;
	/* the configuration's folder, from the repository's root */
	for (n = len; n > 0 && v[n - 1] != '/'; n--)
		;
	if (n > 0)
		w->out->root = join_dir(NULL, v, n - 1);
}

/* One event of the stream; 1 ends the walk (the first document read). */
static int
walk_event(struct walk *w, const yaml_event_t *ev)
{
	struct frame *top;
	size_t n;

	top = w->depth > 0 && w->depth <= YAML_DEPTH ? &w->f[w->depth - 1] :
	    NULL;
	switch (ev->type) {
	case YAML_MAPPING_START_EVENT:
	case YAML_SEQUENCE_START_EVENT:
		if (w->depth < YAML_DEPTH) {
			memset(&w->f[w->depth], 0, sizeof(w->f[0]));
			w->f[w->depth].map = ev->type ==
			    YAML_MAPPING_START_EVENT;
			w->f[w->depth].want_key = 1;
		}
		w->depth++;
		return 0;
	case YAML_MAPPING_END_EVENT:
	case YAML_SEQUENCE_END_EVENT:
		if (w->depth > 0)
			w->depth--;
		if (w->depth > 0 && w->depth <= YAML_DEPTH)
			w->f[w->depth - 1].want_key = 1;
		return 0;
	case YAML_SCALAR_EVENT:
		n = ev->data.scalar.length;
		if (top != NULL && top->map && top->want_key) {
			if (n >= KEY_MAX)
				n = KEY_MAX - 1;
			memcpy(top->key, ev->data.scalar.value, n);
			top->key[n] = '\0';
			top->want_key = 0;
			return 0;
		}
		if (top != NULL && top->map) {
			walk_value(w, (const char *)ev->data.scalar.value, n,
			    (int)ev->start_mark.line + 1);
			top->want_key = 1;
		}
		return 0;
	case YAML_ALIAS_EVENT:
		if (top != NULL && top->map)
			top->want_key = !top->want_key;
		return 0;
	case YAML_DOCUMENT_END_EVENT:
	case YAML_STREAM_END_EVENT:
		return 1;
	default:
		return 0;
	}
}

/* The keys asked for of a YAML file; NULL when it is no YAML. */
static void *
yaml_read(const struct reader_input *in, int rtd)
{
	struct walk w;
	yaml_parser_t parser;
	yaml_event_t ev;
	size_t events;
	int rc;

	memset(&w, 0, sizeof(w));
	w.rtd = rtd;
	w.path = in->path;
	w.out = xcalloc(1, sizeof(*w.out));
	if (!yaml_parser_initialize(&parser))
		abort();
	yaml_parser_set_input_string(&parser, (const unsigned char *)in->buf,
	    in->len);
	for (rc = 0, events = 0; rc == 0; events++) {
		if (events >= DOCHOST_MAX_EVENTS ||
		    !yaml_parser_parse(&parser, &ev)) {
			rc = -1;
			break;
		}
		rc = walk_event(&w, &ev);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	/* what was read before a later error still stands */
	if (rc == -1 && w.out->host == NULL && w.out->root == NULL) {
		dochost_free(w.out);
		return NULL;
	}
	return w.out;
}

static void *
mkdocs_parse(const struct reader_input *in)
{
	return yaml_read(in, 0);
}

static void *
rtdconf_parse(const struct reader_input *in)
{
	return yaml_read(in, 1);
}

/*
 * A line "html_baseurl = ..." at the left margin: the first string on it
 * that is a URL. Returns 1 when the line assigns html_baseurl.
 */
static int
baseurl_line(const char *p, size_t n, struct dochost *d)
{
	const char *end = p + n, *q;
	char quote;

	if (n < 12 || memcmp(p, "html_baseurl", 12) != 0)
		return 0;
	for (p += 12; p < end && (*p == ' ' || *p == '\t'); p++)
		;
	if (p >= end || *p != '=' || (p + 1 < end && p[1] == '='))
		return 0;
	while (++p < end) {
		if (*p != '"' && *p != '\'')
			continue;
		quote = *p++;
		for (q = p; q < end && *q != quote; q++)
			;
		if ((size_t)(q - p) > 7 && (ascii_eq_lower(p, "https://", 8) ||
		    ascii_eq_lower(p, "http://", 7))) {
			d->host = doclink_host_of(p, (size_t)(q - p));
			return 1;
		}
		p = q;
	}
	return 1;
}

static void *
sphinxconf_parse(const struct reader_input *in)
{
	struct dochost *d;
	const char *p, *end, *nl, *slash;
	int line;

	d = xcalloc(1, sizeof(*d));
	/* the folder of conf.py holds the sources it builds */
	slash = in->path != NULL ? strrchr(in->path, '/') : NULL;
	if (slash != NULL)
		d->root = xasprintf("%.*s", (int)(slash - in->path), in->path);
	end = in->buf + in->len;
	for (p = in->buf, line = 1; p < end && d->host == NULL; line++) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		if (baseurl_line(p, (size_t)(nl - p), d) && d->host != NULL)
			d->line = line;
		p = nl + 1;
	}
	return d;
}

static void *
cname_parse(const struct reader_input *in)
{
	struct dochost *d;
	const char *p, *end;
	size_t n;
	int line;

	d = xcalloc(1, sizeof(*d));
	end = in->buf + in->len;
	for (p = in->buf, line = 1; p < end; line++) {
		while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
			p++;
		for (n = 0; p + n < end && !ascii_isspace((unsigned char)p[n]);
		    n++)
			;
		if (n > 0) {
			d->host = doclink_host_of(p, n);
			d->line = line;
			break;
		}
		p = memchr(p, '\n', (size_t)(end - p));
		p = p != NULL ? p + 1 : end;
	}
	return d;
}
