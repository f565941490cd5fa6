/*
 * rule-sections.c: the "sections" rule type: a Markdown file has the
 * sections a reader looks for, found by its headings as a reader sees
 * them (see markdown.c), each optionally with a code block or some words,
 * and a value proposition (intro) before the first section.
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
	    .doc = "Markdown files to read, first found wins" },
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
	.summary = "a Markdown file has the required sections",
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
		lm = ctx_markdown(ctx, e, SECTIONS_DEFAULT_MAX, NULL);
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

/*
 * Delegate section w to a linked file from any heading matching it whose
 * body only points elsewhere. Returns 1 when one such file has it.
 */
static int
delegate_matches(const struct rule *r, struct check_ctx *ctx,
    const struct md_file *m, const struct want *w, struct finding *f)
{
	size_t i, idx;

	for (i = 0; md_find_section(&m->doc, w->re, i, &idx) == 1;
	    i = idx + 1)
		if (m->doc.h[idx].only_links &&
		    delegate(r, ctx, m, idx, w->re, f, w->label))
			return 1;
	return 0;
}

/* The headings of m (taglines aside), for a message: "found: Install, Usage". */
static void
list_headings(const struct md_file *m, struct strbuf *sb)
{
	size_t i, n, shown;

	for (i = n = 0; i < m->doc.nheadings; i++)
		n += (m->doc.h[i].flags & MD_TAGLINE) == 0;
	if (n == 0) {
		strbuf_addstr(sb, "no headings");
		return;
	}
	strbuf_addstr(sb, "found: ");
	for (i = shown = 0; i < m->doc.nheadings && shown < SHOW_HEADINGS; i++)
		if ((m->doc.h[i].flags & MD_TAGLINE) == 0)
			strbuf_addf(sb, "%s%s", shown++ ? ", " : "",
			    m->doc.h[i].text);
	if (n > SHOW_HEADINGS)
		strbuf_addf(sb, ", and %zu more", n - SHOW_HEADINGS);
}

/*
 * Where the introduction of m was found, for a message: "before the
 * first section", "in the HTML tagline at line 5", "in section 'About',
 * line 12", joined with "and".
 */
static void
intro_where(const struct md_file *m, struct strbuf *sb)
{
	const struct md_doc *d = &m->doc;
	size_t before, sec, tag;
	int n;

	sec = d->intro_section < d->nheadings ? d->intro_section_words : 0;
	tag = d->tagline_line > 0 ? d->tagline_words : 0;
	if (sec + tag > d->intro_words)
		return;
	before = d->intro_words - sec - tag;
	n = 0;
	strbuf_addstr(sb, " (");
	if (before > 0 || d->intro_words == 0) {
		strbuf_addstr(sb, "before the first section");
		n++;
	}
	if (tag > 0) {
		strbuf_addf(sb, "%sin the HTML tagline at line %d",
		    n++ ? " and " : "", d->tagline_line);
	}
	if (sec > 0)
		strbuf_addf(sb, "%sin section '%s', line %d",
		    n++ ? " and " : "", d->h[d->intro_section].text,
		    d->h[d->intro_section].line);
	strbuf_addch(sb, ')');
}

/* "1 word", "2 words". */
static const char *
words_noun(size_t n)
{
	return n == 1 ? "word" : "words";
}

/*
 * Find section w of m whose body meets needs and min_words, trying every
 * heading that matches, in order. Returns 1 and sets *idx, 0 (with why
 * each match fell short in miss, and, with f, evidence for each) or -1
 * when the pattern cannot be matched.
 */
static int
find_good_section(const struct rule *r, const struct md_file *m,
    const struct want *w, struct finding *f, size_t *idx, size_t *nmatch,
    struct strbuf *miss)
{
	struct strbuf why = STRBUF_INIT;
	const struct md_heading *hd;
	size_t i;
	int rc;

	*nmatch = 0;
	for (i = 0; (rc = md_find_section(&m->doc, w->re, i, idx)) == 1;
	    i = *idx + 1) {
		hd = &m->doc.h[*idx];
		strbuf_reset(&why);
		if (body_ok(r, hd->has_code, hd->words, &why)) {
			strbuf_release(&why);
			return 1;
		}
		if ((*nmatch)++ < SHOW_HEADINGS) {
			if (f != NULL)
				finding_evidence(f, m->e->path, hd->line,
				    why.buf);
			strbuf_addf(miss, "%s'%s' at line %d has %s",
			    *nmatch > 1 ? ", " : "", hd->text, hd->line,
			    why.buf);
		}
	}
	strbuf_release(&why);
	return rc;
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
	size_t i, idx, nmatch;
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
	m = ctx_markdown(ctx, e, (size_t)rule_int(r, "max_bytes",
	    SECTIONS_DEFAULT_MAX), f);
	if (m == NULL)
		goto out;
	missing = 0;
	intro = rule_int(r, "intro_words", 0);
	if ((long long)m->doc.intro_words < intro) {
		missing++;
		strbuf_addf(&miss, "%zu %s of introduction",
		    m->doc.intro_words, words_noun(m->doc.intro_words));
		intro_where(m, &miss);
		strbuf_addf(&miss, ", fewer than %lld", intro);
		finding_evidence(f, e->path, m->doc.nheadings > 0 ?
		    m->doc.h[0].line : 1, "introduction");
	} else if (intro > 0) {
		strbuf_addf(&good, "%zu %s of introduction",
		    m->doc.intro_words, words_noun(m->doc.intro_words));
		intro_where(m, &good);
	}
	for (i = 0; i < s->n; i++) {
		strbuf_reset(&why);
		rc = find_good_section(r, m, &s->w[i], NULL, &idx, &nmatch,
		    &why);
		if (rc == 1) {
			hd = &m->doc.h[idx];
			finding_evidence(f, e->path, hd->line, s->w[i].label);
			strbuf_addf(&good, "%s%s at line %d%s", good.len ?
			    "; " : "", s->w[i].label, hd->line,
			    rule_str(r, "needs", NULL) != NULL ?
			    ", with a code block" : "");
			continue;
		}
		if (rc == 0 && nmatch > 0) {
			if (rule_bool(r, "follow_links", 0) &&
			    delegate_matches(r, ctx, m, &s->w[i], f)) {
				strbuf_addf(&good, "%s%s delegated to %s",
				    good.len ? "; " : "", s->w[i].label,
				    f->ev[f->nev - 1].path);
				continue;
			}
			missing++;
			strbuf_addf(&miss, "%s%s: %s", miss.len ? "; " : "",
			    s->w[i].label, why.buf);
			strbuf_reset(&why);
			(void)find_good_section(r, m, &s->w[i], f, &idx,
			    &nmatch, &why);
			if (nmatch > SHOW_HEADINGS)
				strbuf_addf(&miss, ", and %zu more",
				    nmatch - SHOW_HEADINGS);
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
