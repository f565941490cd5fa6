/*
 * rule-sections.c: the "sections" rule type: a Markdown or reST file has
 * the sections a reader looks for, found by its headings as a reader sees
 * them (see markdown.c and rst.c), each optionally with a code block or
 * some words, and a value proposition (intro) before the first section.
 *
 * With follow_links, a section whose body only points at another file of
 * the repository (RELEASE.md, GOVERNANCE.md) is checked in that file, and
 * a missing section is found in a linked file named like it; the message
 * says it was delegated.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "markdown.h"
#include "ctx.h"
#include "finding.h"
#include "regex.h"
#include "rulecheck.h"
#include "rules.h"
#include "strbuf.h"
#include "text.h"
#include "tree.h"
#include "xalloc.h"

#define SECTIONS_DEFAULT_MAX	(8 * 1024 * 1024)
#define SHOW_HEADINGS		12	/* headings named in a miss */

struct want {
	const char		*label;	/* the rule's, compiled once */
	const pcre2_code	*re;
};

struct sections {
	struct want	*w;
	size_t		 n;
};

static int	 sections_parse(struct rule *);
static int	 sections_check(const struct rule *, struct check_ctx *,
		    struct finding *);
static void	 sections_free(void *);

static const struct rule_key_spec sections_keys[] = {
	{ "file", KEY_WORDS, .flags = KEYF_REQUIRED,
	    .doc = "Markdown or reST files to read, first found wins" },
	{ "accept", KEY_WORDS, .doc = "files read instead, with a warning" },
	{ "dirs", KEY_WORDS, .doc = "directories to look in (default .)" },
	{ "case", KEY_ENUM, .choices = "sensitive|insensitive",
	    .doc = "how file names compare" },
	{ "section", KEY_LABELLED, .flags = KEYF_CASELESS,
	    .doc = "LABEL: REGEX of a required section" },
	{ "needs", KEY_ENUM, .choices = "code",
	    .doc = "each section must hold a code block" },
	{ "min_words", KEY_INT, .flags = KEYF_REPO,
	    .doc = "words each section must hold" },
	{ "intro_words", KEY_INT, .flags = KEYF_REPO,
	    .doc = "words before the first section" },
	{ "follow_links", KEY_BOOL,
	    .doc = "a section may live in a linked file" },
	{ "max_bytes", KEY_INT, .min = 1,
	    .doc = "bytes read at most (default 8 MiB)" },
	{ .name = NULL }
};

const struct rule_type rule_sections = {
	.name = "sections",
	.summary = "a Markdown or reST file has the required sections",
	.keys = sections_keys,
	.parse = sections_parse,
	.check = sections_check,
	.free = sections_free,
};

static void
sections_free(void *p)
{
	struct sections *s = p;

	free(s->w);
	free(s);
}

/* The sections wanted, as rulecheck.c compiled them (without case). */
static int
sections_parse(struct rule *r)
{
	const struct rule_key *k;
	struct sections *s;

	s = xcalloc(1, sizeof(*s));
	r->priv = s;
	k = rule_key(r, "section");
	if (k == NULL || k->n == 0)
		return 0;
	s->w = xcalloc(k->n, sizeof(*s->w));
	for (s->n = 0; s->n < k->n; s->n++) {
		s->w[s->n].re = rule_regex(r, "section", s->n);
		s->w[s->n].label = rule_regex_label(r, "section", s->n);
	}
	return 0;
}

/*
 * The repository path a relative link of file points at, or NULL for a
 * URL, an anchor or a path that leaves the repository.
 */
static char *
link_target(const char *file, const char *dest)
{
	struct strbuf sb = STRBUF_INIT;
	const char *slash, *p, *end;
	size_t len;

	if (*dest == '\0' || *dest == '#' || strstr(dest, "://") != NULL ||
	    strncmp(dest, "mailto:", 7) == 0)
		return NULL;
	end = dest + strcspn(dest, "#?");
	if (*dest == '/')
		dest++;
	else if ((slash = strrchr(file, '/')) != NULL)
		strbuf_add(&sb, file, (size_t)(slash - file + 1));
	for (p = dest; p < end; ) {
		len = strcspn(p, "/");
		if (p + len > end)
			len = (size_t)(end - p);
		if (len == 0 || (len == 1 && *p == '.')) {
			/* nothing */
		} else if (len == 2 && p[0] == '.' && p[1] == '.') {
			if (sb.len == 0) {
				strbuf_release(&sb);
				return NULL;
			}
			strbuf_setlen(&sb, sb.len - 1);
			while (sb.len > 0 && sb.buf[sb.len - 1] != '/')
				strbuf_setlen(&sb, sb.len - 1);
		} else {
			strbuf_add(&sb, p, len);
			if (p + len < end)
				strbuf_addch(&sb, '/');
		}
		p += len + (p + len < end);
	}
	if (sb.len == 0 || sb.buf[sb.len - 1] == '/') {
		strbuf_release(&sb);
		return NULL;
	}
	return strbuf_detach(&sb, NULL);
}

/* The normalised name of a file: "docs/RELEASE-process.md" -> "release process". */
static void
file_words(const char *path, struct strbuf *out)
{
	const char *base, *dot;

	base = strrchr(path, '/');
	base = base != NULL ? base + 1 : path;
	dot = strrchr(base, '.');
	strbuf_reset(out);
	text_normalise(base, dot != NULL && dot != base ?
	    (size_t)(dot - base) : strlen(base), MD_NORMALISE, out);
}

/* Does this (delegated) document satisfy needs and min_words? */
static int
body_ok(const struct rule *r, int has_code, size_t words, struct strbuf *why)
{
	long long minw;

	if (rule_str(r, "needs", NULL) != NULL && !has_code) {
		strbuf_addstr(why, "no code block");
		return 0;
	}
	minw = rule_int(r, "min_words", 0);
	if ((long long)words < minw) {
		strbuf_addf(why, "%zu words, fewer than %lld", words, minw);
		return 0;
	}
	return 1;
}

/*
 * Look for a section in a file of the repository that m links to:
 * from the links of heading h (h == MD_NONE: any link of the document
 * to a file named like the section). Returns 1 and says where.
 */
static int
delegate(const struct rule *r, struct check_ctx *ctx, const struct md_file *m,
    size_t h, const pcre2_code *re, struct finding *f, const char *label)
{
	const struct tree_entry *e;
	struct strbuf err = STRBUF_INIT, name = STRBUF_INIT, why = STRBUF_INIT;
	const struct md_file *lm;
	size_t i, first, n;
	char *target;
	int found, ok;

	first = h == MD_NONE ? 0 : m->doc.h[h].link_first;
	n = h == MD_NONE ? m->doc.nlinks : m->doc.h[h].nlinks;
	found = 0;
	for (i = first; i < first + n && !found; i++) {
		target = link_target(m->e->path, m->doc.links[i]);
		if (target == NULL)
			continue;
		e = tree_lookup(ctx_tree(ctx), target, 0);
		if (e == NULL || (h == MD_NONE && (file_words(target, &name),
		    regex_search(re, name.buf, name.len, 0, NULL, NULL,
		    &err) != 1))) {
			free(target);
			continue;
		}
		lm = ctx_document(ctx, e, SECTIONS_DEFAULT_MAX, NULL);
		if (lm != NULL) {
			strbuf_reset(&why);
			ok = body_ok(r, lm->doc.code_blocks > 0, lm->doc.words,
			    &why);
			finding_evidence(f, e->path, 1, ok ? label : why.buf);
			if (ok)
				found = 1;
		}
		free(target);
	}
	strbuf_release(&err);
	strbuf_release(&name);
	strbuf_release(&why);
	return found;
}

/* The headings of m, for a message: "found: Install, Usage". */
static void
list_headings(const struct md_file *m, struct strbuf *sb)
{
	size_t i;

	if (m->doc.nheadings == 0) {
		strbuf_addstr(sb, "no headings");
		return;
	}
	strbuf_addstr(sb, "found: ");
	for (i = 0; i < m->doc.nheadings && i < SHOW_HEADINGS; i++)
		strbuf_addf(sb, "%s%s", i ? ", " : "", m->doc.h[i].text);
	if (m->doc.nheadings > SHOW_HEADINGS)
		strbuf_addf(sb, ", and %zu more",
		    m->doc.nheadings - SHOW_HEADINGS);
}

static int
sections_check(const struct rule *r, struct check_ctx *ctx, struct finding *f)
{
	const struct sections *s = r->priv;
	const struct tree_entry *e;
	const struct md_heading *hd;
	struct strbuf looked = STRBUF_INIT, miss = STRBUF_INIT;
	struct strbuf good = STRBUF_INIT, why = STRBUF_INIT;
	struct strbuf err = STRBUF_INIT;
	const struct md_file *m;
	long long intro;
	struct file_query q;
	size_t i, idx;
	int accepted, rc, missing;

	ctx_file_query(r, &q);
	q.names = rule_key(r, "file");
	e = ctx_locate(ctx, &q, &accepted, &looked);
	if (e == NULL) {
		finding_result(f, RESULT_FAIL, "no %s (looked for %s)",
		    q.names->v[0].value, looked.buf);
		goto out;
	}
	if (ctx_usable(ctx, e, f) == -1)
		goto out;
	m = ctx_document(ctx, e, (size_t)rule_int(r, "max_bytes",
	    SECTIONS_DEFAULT_MAX), f);
	if (m == NULL)
		goto out;
	missing = 0;
	intro = rule_int(r, "intro_words", 0);
	if ((long long)m->doc.intro_words < intro) {
		missing++;
		strbuf_addf(&miss, "%zu words of introduction before the first "
		    "section, fewer than %lld", m->doc.intro_words, intro);
		finding_evidence(f, e->path, m->doc.nheadings > 0 ?
		    m->doc.h[0].line : 1, "introduction");
	} else if (intro > 0)
		strbuf_addf(&good, "%zu words of introduction",
		    m->doc.intro_words);
	for (i = 0; i < s->n; i++) {
		rc = md_find_section(&m->doc, s->w[i].re, 0, &idx);
		strbuf_reset(&why);
		if (rc == 1) {
			hd = &m->doc.h[idx];
			if (body_ok(r, hd->has_code, hd->words, &why)) {
				finding_evidence(f, e->path, hd->line,
				    s->w[i].label);
				strbuf_addf(&good, "%s%s at line %d%s", good.len ?
				    "; " : "", s->w[i].label, hd->line,
				    rule_str(r, "needs", NULL) != NULL ?
				    ", with a code block" : "");
				continue;
			}
			if (rule_bool(r, "follow_links", 0) && hd->only_links &&
			    delegate(r, ctx, m, idx, s->w[i].re, f,
			    s->w[i].label)) {
				strbuf_addf(&good, "%s%s delegated to %s",
				    good.len ? "; " : "", s->w[i].label,
				    f->ev[f->nev - 1].path);
				continue;
			}
			missing++;
			finding_evidence(f, e->path, hd->line, why.buf);
			strbuf_addf(&miss, "%s%s at line %d has %s",
			    miss.len ? "; " : "", s->w[i].label, hd->line,
			    why.buf);
			continue;
		}
		if (rc == 0 && rule_bool(r, "follow_links", 0) &&
		    delegate(r, ctx, m, MD_NONE, s->w[i].re, f,
		    s->w[i].label)) {
			strbuf_addf(&good, "%s%s delegated to %s", good.len ?
			    "; " : "", s->w[i].label, f->ev[f->nev - 1].path);
			continue;
		}
		if (rc == -1) {
			finding_result(f, RESULT_UNKNOWN, "%s: the pattern of "
			    "'%s' could not be matched", e->path,
			    s->w[i].label);
			goto out;
		}
		missing++;
		strbuf_addf(&miss, "%sno %s section", miss.len ? "; " : "",
		    s->w[i].label);
	}
	if (missing > 0) {
		strbuf_reset(&why);
		list_headings(m, &why);
		finding_result(f, RESULT_FAIL, "%s: %s (%s)", e->path, miss.buf,
		    why.buf);
		if (f->nev == 0)
			finding_evidence(f, e->path, 0, why.buf);
	} else
		finding_result(f, RESULT_PASS, "%s: %s", e->path,
		    good.len ? good.buf : "present");
	if (accepted) {
		finding_cap_level(f, LEVEL_WARNING);
		if (f->result == RESULT_PASS) {
			f->result = RESULT_FAIL;
			finding_fix(f, "rename %s to %s", e->path,
			    q.names->v[0].value);
		}
		finding_append(f, " (read instead of %s)",
		    q.names->v[0].value);
	}
	if (m->truncated)
		finding_append(f, " (only the first part was read)");
out:
	strbuf_release(&looked);
	strbuf_release(&miss);
	strbuf_release(&good);
	strbuf_release(&why);
	strbuf_release(&err);
	return 0;
}
