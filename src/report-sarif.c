/*
 * report-sarif.c: SARIF 2.1.0 for GitHub code scanning (ecocheck(1),
 * "SARIF"): one log, one run per repository, each rule of the rule set a
 * reportingDescriptor, each result that needs a person's eye a result
 * with a location GitHub accepts and fingerprints that survive edits.
 * The log is written once all repositories are checked, through the one
 * JSON writer.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "ascii.h"
#include "finding.h"
#include "json.h"
#include "report.h"
#include "rules.h"
#include "strbuf.h"
#include "timeutil.h"
#include "utf8.h"

#define SARIF_SCHEMA	"https://json.schemastore.org/sarif-2.1.0.json"
#define SARIF_VERSION	"2.1.0"
/* The partial fingerprint's name; a new one if its recipe ever changes. */
#define SARIF_PRINT	"ecocheck/v1"
/* Where each rule is described: the release's ecocheck-rules(7). */
#define SARIF_HELP	PACKAGE_URL "/blob/v" PACKAGE_VERSION \
			    "/man/ecocheck-rules.7"

static void	 sarif_repo(FILE *, const struct repo_result *,
		    const struct report_opts *, size_t);
static void	 sarif_end(FILE *, const struct report_opts *,
		    const struct repo_result *, size_t);
static void	 sarif_run(struct json *, const struct repo_result *);
static void	 sarif_provenance(struct json *, const struct repo_result *);
static void	 sarif_invocation(struct json *, const struct repo_result *,
		    int);
static void	 sarif_driver(struct json *, const struct repo_result *);
static void	 sarif_rule(struct json *, const struct ruleset *,
		    const struct rule *);
static void	 sarif_result(struct json *, const struct repo_result *,
		    size_t);
static const struct evidence *first_file(const struct finding *);
static int	 same_place(const struct evidence *,
		    const struct evidence *);
static void	 sarif_related(struct json *, const struct finding *,
		    const struct evidence *);
static void	 sarif_location(struct json *, const char *, int,
		    const char *);
static void	 sarif_text(struct json *, const char *, const char *);
static void	 uri_escape(struct strbuf *, const char *);
static void	 sarif_name(struct strbuf *, const char *);
static const char *fallback_path(const struct repo_result *,
		    const struct finding *, struct strbuf *);
static void	 fingerprint(const struct finding *, const char *,
		    char [17]);
static uint64_t	 fnv(uint64_t, unsigned char);

const struct report_format report_sarif = {
	.name = "sarif",
	.repo = sarif_repo,
	.end = sarif_end,
};

/* The log holds every run; sarif_end writes it when all are known. */
static void
sarif_repo(FILE *fp, const struct repo_result *res,
    const struct report_opts *ro, size_t n)
{
	(void)fp;
	(void)res;
	(void)ro;
	(void)n;
}

static void
sarif_end(FILE *fp, const struct report_opts *ro,
    const struct repo_result *res, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	struct json j;
	size_t i;

	(void)ro;
	json_init(&j, &sb, 1);
	json_object_begin(&j, NULL);
	json_string(&j, "$schema", SARIF_SCHEMA);
	json_string(&j, "version", SARIF_VERSION);
	json_array_begin(&j, "runs");
	for (i = 0; i < n; i++)
		sarif_run(&j, &res[i]);
	json_array_end(&j);
	json_object_end(&j);
	strbuf_addch(&sb, '\n');
	fwrite(sb.buf, 1, sb.len, fp);
	strbuf_release(&sb);
}

/*
 * A repository's run. One that could not be checked is a run with no
 * results whose invocation did not succeed, so that the log still says
 * which repository is missing.
 */
static void
sarif_run(struct json *j, const struct repo_result *res)
{
	struct strbuf sb = STRBUF_INIT;
	char tbuf[32];
	size_t i;
	int ok;

	ok = res->status != EXIT_TROUBLE;
	json_object_begin(j, NULL);
	sarif_driver(j, res);
	json_object_begin(j, "automationDetails");
	strbuf_addf(&sb, "ecocheck/%s/", res->rs.name != NULL ?
	    res->rs.name : "none");
	json_string(j, "id", sb.buf);
	json_object_end(j);
	if (ok && res->abspath != NULL)
		sarif_provenance(j, res);
	sarif_invocation(j, res, ok);
	json_array_begin(j, "results");
	for (i = 0; ok && i < res->nfindings; i++)
		sarif_result(j, res, i);
	json_array_end(j);
	if (ok) {
		json_object_begin(j, "properties");
		time_format_iso(res->as_of, tbuf, sizeof(tbuf));
		json_string(j, "asOf", tbuf);
		time_format_iso(res->start, tbuf, sizeof(tbuf));
		json_string(j, "windowStart", tbuf);
		json_int(j, "windowDays", res->days);
		json_object_end(j);
	}
	json_object_end(j);
	strbuf_release(&sb);
}

/*
 * Where the paths of the results start (SRCROOT, the repository's root
 * as a file URI) and the commit checked, when there is one.
 */
static void
sarif_provenance(struct json *j, const struct repo_result *res)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addstr(&sb, "file://");
	uri_escape(&sb, res->abspath);
	if (sb.len == 0 || sb.buf[sb.len - 1] != '/')
		strbuf_addch(&sb, '/');
	json_object_begin(j, "originalUriBaseIds");
	json_object_begin(j, "SRCROOT");
	json_string(j, "uri", sb.buf);
	json_object_end(j);
	json_object_end(j);
	if (res->has_head) {
		json_array_begin(j, "versionControlProvenance");
		json_object_begin(j, NULL);
		json_string(j, "repositoryUri", sb.buf);
		json_string(j, "revisionId", res->head);
		json_object_begin(j, "mappedTo");
		json_string(j, "uriBaseId", "SRCROOT");
		json_object_end(j);
		json_object_end(j);
		json_array_end(j);
	}
	strbuf_release(&sb);
}

/* The invocation: whether it succeeded, and why not. */
static void
sarif_invocation(struct json *j, const struct repo_result *res, int ok)
{
	struct strbuf sb = STRBUF_INIT;

	json_array_begin(j, "invocations");
	json_object_begin(j, NULL);
	json_bool(j, "executionSuccessful", ok);
	if (!ok) {
		json_array_begin(j, "toolExecutionNotifications");
		json_object_begin(j, NULL);
		json_string(j, "level", "error");
		strbuf_addstr(&sb, "could not check ");
		strbuf_add_printable(&sb, res->path, strlen(res->path));
		sarif_text(j, "message", sb.buf);
		json_object_end(j);
		json_array_end(j);
	}
	json_object_end(j);
	json_array_end(j);
	strbuf_release(&sb);
}

static void
sarif_driver(struct json *j, const struct repo_result *res)
{
	size_t i;

	json_object_begin(j, "tool");
	json_object_begin(j, "driver");
	json_string(j, "name", PACKAGE_NAME);
	json_string(j, "version", PACKAGE_VERSION);
	json_string(j, "semanticVersion", PACKAGE_VERSION);
	json_string(j, "informationUri", PACKAGE_URL);
	json_array_begin(j, "rules");
	/* The rules the report shows, in the order of the findings. */
	for (i = 0; res->status != EXIT_TROUBLE && i < res->nfindings; i++)
		sarif_rule(j, &res->rs, res->findings[i].rule);
	json_array_end(j);
	json_object_end(j);
	json_object_end(j);
}

/* SARIF's words for a rule's level. */
static const char *
sarif_level(enum level l)
{
	switch (l) {
	case LEVEL_ERROR:
		return "error";
	case LEVEL_WARNING:
		return "warning";
	case LEVEL_INFO:
		return "note";
	case LEVEL_OFF:
	default:
		return "none";
	}
}

/*
 * A rule's reportingDescriptor: its title is the short description, its
 * help the full description and the help GitHub shows beside an alert,
 * its requirements (numbers and the rule set's titles) properties and
 * tags to filter alerts by.
 */
static void
sarif_rule(struct json *j, const struct ruleset *rs, const struct rule *r)
{
	struct strbuf sb = STRBUF_INIT;
	const char *title, *help, *rt;
	size_t i;

	title = r->title != NULL ? r->title : r->id;
	help = r->help != NULL ? r->help : title;
	json_object_begin(j, NULL);
	json_string(j, "id", r->id);
	/* SARIF wants a name unlike the id (SARIF1001), or none. */
	sarif_name(&sb, r->id);
	if (strcasecmp(sb.buf, r->id) != 0)
		json_string(j, "name", sb.buf);
	strbuf_reset(&sb);
	sarif_text(j, "shortDescription", title);
	sarif_text(j, "fullDescription", help);
	strbuf_addf(&sb, "%s\n\nSee ecocheck-rules(7), rule %s.", help, r->id);
	sarif_text(j, "help", sb.buf);
	strbuf_reset(&sb);
	strbuf_addstr(&sb, SARIF_HELP "#");
	uri_escape(&sb, r->id);
	json_string(j, "helpUri", sb.buf);
	json_object_begin(j, "defaultConfiguration");
	json_string(j, "level", sarif_level(r->level));
	json_bool(j, "enabled", r->level != LEVEL_OFF);
	json_object_end(j);
	json_object_begin(j, "properties");
	json_string(j, "type", r->type->name);
	json_array_begin(j, "requirements");
	for (i = 0; i < r->nreq; i++)
		json_int(j, NULL, r->req[i]);
	json_array_end(j);
	json_array_begin(j, "tags");
	for (i = 0; i < r->nreq; i++) {
		strbuf_reset(&sb);
		rt = ruleset_requirement_title(rs, r->req[i]);
		strbuf_addf(&sb, "%d %s", r->req[i], rt != NULL ? rt :
		    "requirement");
		json_string(j, NULL, sb.buf);
	}
	json_array_end(j);
	json_object_end(j);
	json_object_end(j);
	strbuf_release(&sb);
}

/*
 * GitHub code scanning opens an alert for every result it is given, at
 * any level, "none" included: a passing rule sent as a result would be
 * an alert saying nothing is wrong. So passes and skipped rules are left
 * out, and an alert that an earlier analysis opened is closed as fixed
 * when the rule passes, because the next analysis of the same category
 * no longer holds it. Fail is an error, Caution a warning, Needs human
 * judgment a note (the Working Group's statuses, finding.h).
 */
static const char *
result_level(enum wg_status st)
{
	switch (st) {
	case WG_FAIL:
		return "error";
	case WG_CAUTION:
		return "warning";
	case WG_JUDGMENT:
		return "note";
	case WG_PASS:
	case WG_SKIP:
	default:
		return NULL;
	}
}

static void
sarif_result(struct json *j, const struct repo_result *res, size_t n)
{
	struct strbuf sb = STRBUF_INIT, fb = STRBUF_INIT;
	const struct finding *f = &res->findings[n];
	const struct evidence *first;
	const char *level, *path;
	char print[17];

	if ((level = result_level(finding_wg_status(f))) == NULL)
		return;
	first = first_file(f);
	path = first != NULL ? first->path : fallback_path(res, f, &fb);
	json_object_begin(j, NULL);
	json_string(j, "ruleId", f->rule->id);
	json_int(j, "ruleIndex", (long long)n);
	json_string(j, "level", level);
	strbuf_addstr(&sb, f->message != NULL ? f->message : "");
	if (f->fix != NULL)
		strbuf_addf(&sb, "\nFix: %s", f->fix);
	sarif_text(j, "message", sb.buf);
	json_array_begin(j, "locations");
	sarif_location(j, path, first != NULL ? first->line : 0, NULL);
	json_array_end(j);
	sarif_related(j, f, first);
	fingerprint(f, path, print);
	json_object_begin(j, "partialFingerprints");
	json_string(j, SARIF_PRINT, print);
	json_string(j, "primaryLocationLineHash", print);
	json_object_end(j);
	json_object_begin(j, "properties");
	json_string(j, "result", result_name(f->result));
	json_string(j, "status", wg_status_name(finding_wg_status(f)));
	json_object_end(j);
	json_object_end(j);
	strbuf_release(&sb);
	strbuf_release(&fb);
}

/* The first evidence that names a file, or NULL. */
static const struct evidence *
first_file(const struct finding *f)
{
	size_t i;

	for (i = 0; i < f->nev; i++)
		if (report_evidence_is_file(&f->ev[i]))
			return &f->ev[i];
	return NULL;
}

/*
 * Whether two pieces of evidence make the same SARIF location (a line
 * not known is line 1).
 */
static int
same_place(const struct evidence *a, const struct evidence *b)
{
	if (strcmp(a->path, b->path) != 0 ||
	    (a->line > 0 ? a->line : 1) != (b->line > 0 ? b->line : 1))
		return 0;
	if (a->note == NULL || b->note == NULL)
		return a->note == b->note;
	return strcmp(a->note, b->note) == 0;
}

/*
 * The files of the evidence after the first, with their notes, each
 * once: SARIF wants the related locations unique, and a README line
 * naming several versions is evidence once for each.
 */
static void
sarif_related(struct json *j, const struct finding *f,
    const struct evidence *first)
{
	size_t i, k;
	int any;

	any = 0;
	for (i = 0; i < f->nev; i++) {
		if (&f->ev[i] == first || !report_evidence_is_file(&f->ev[i]) ||
		    (first != NULL && same_place(first, &f->ev[i])))
			continue;
		for (k = 0; k < i; k++)
			if (report_evidence_is_file(&f->ev[k]) &&
			    &f->ev[k] != first && same_place(&f->ev[k], &f->ev[i]))
				break;
		if (k < i)
			continue;
		if (!any)
			json_array_begin(j, "relatedLocations");
		any = 1;
		sarif_location(j, f->ev[i].path, f->ev[i].line,
		    f->ev[i].note);
	}
	if (any)
		json_array_end(j);
}

/*
 * A location: the path, relative to the repository's root (SRCROOT),
 * and its line; line 1 when the evidence names a file but no line, as
 * GitHub places an alert on a line.
 */
static void
sarif_location(struct json *j, const char *path, int line, const char *note)
{
	struct strbuf sb = STRBUF_INIT;

	uri_escape(&sb, path);
	json_object_begin(j, NULL);
	json_object_begin(j, "physicalLocation");
	json_object_begin(j, "artifactLocation");
	json_string(j, "uri", sb.buf);
	json_string(j, "uriBaseId", "SRCROOT");
	json_object_end(j);
	json_object_begin(j, "region");
	json_int(j, "startLine", line > 0 ? line : 1);
	json_object_end(j);
	json_object_end(j);
	if (note != NULL)
		sarif_text(j, "message", note);
	json_object_end(j);
	strbuf_release(&sb);
}

/*
 * A message object: {"text": ...}. The text may come from the checked
 * repository, so it goes through the sanitiser, line breaks kept.
 */
static void
sarif_text(struct json *j, const char *key, const char *text)
{
	struct strbuf sb = STRBUF_INIT;
	const char *nl;

	while ((nl = strchr(text, '\n')) != NULL) {
		strbuf_add_printable(&sb, text, (size_t)(nl - text));
		strbuf_addch(&sb, '\n');
		text = nl + 1;
	}
	strbuf_add_printable(&sb, text, strlen(text));
	json_object_begin(j, key);
	json_string(j, "text", sb.buf);
	json_object_end(j);
	strbuf_release(&sb);
}

/*
 * A rule's name for people, which SARIF wants unlike its id: the id's
 * words run together, each capitalised ("code-of-conduct" is
 * "CodeOfConduct"); an id of one word has none.
 */
static void
sarif_name(struct strbuf *sb, const char *id)
{
	int up;

	for (up = 1; *id != '\0'; id++) {
		if (*id == '-' || *id == '_' || *id == '.') {
			up = 1;
			continue;
		}
		strbuf_addch(sb, up && *id >= 'a' && *id <= 'z' ?
		    *id - 'a' + 'A' : *id);
		up = 0;
	}
	if (sb->len == 0)
		strbuf_addstr(sb, "Rule");
}

/*
 * Percent-encode a path for a URI reference: every byte but RFC 3986's
 * unreserved characters and '/' (a file named "a b#c" is "a%20b%23c").
 */
static void
uri_escape(struct strbuf *sb, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	unsigned char c;

	for (; *s != '\0'; s++) {
		c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || strchr("-._~/", c) != NULL)
			strbuf_addch(sb, c);
		else {
			strbuf_addch(sb, '%');
			strbuf_addch(sb, hex[c >> 4]);
			strbuf_addch(sb, hex[c & 15]);
		}
	}
}

/*
 * Where a result with no evidence is placed (GitHub refuses a result
 * without a location): the README at the root when some rule found one,
 * else the file the rule asks for (its first plain path), else
 * README.md. The rule's own file would often be one that is missing.
 */
static const char *
fallback_path(const struct repo_result *res, const struct finding *f,
    struct strbuf *sb)
{
	const char *p;
	size_t i, k, len;

	for (i = 0; i < res->nfindings; i++)
		for (k = 0; k < res->findings[i].nev; k++) {
			p = res->findings[i].ev[k].path;
			if (strncasecmp(p, "README", 6) == 0 &&
			    strchr(p, '/') == NULL)
				return p;
		}
	p = rule_str(f->rule, "path", NULL);
	if (p != NULL) {
		len = strcspn(p, " \t");
		if (len > 0 && strcspn(p, "*?[/") >= len) {
			strbuf_add(sb, p, len);
			return sb->buf;
		}
	}
	return "README.md";
}

/*
 * The partial fingerprint: FNV-1a (64 bits) of the rule id, the path of
 * the location and a key of the message, so that counts, dates and line
 * numbers, which change with each commit, do not make a new alert, and a
 * result on another file or saying another thing does. The key is the
 * message with every run of digits one '#' and the final 's' of every
 * word dropped ("1 commit" and "2 commits" have one key).
 */
static void
fingerprint(const struct finding *f, const char *path, char out[17])
{
	const char *parts[3];
	const unsigned char *s;
	uint64_t h;
	size_t i;

	parts[0] = f->rule->id;
	parts[1] = path;
	parts[2] = f->message != NULL ? f->message : "";
	h = UINT64_C(0xcbf29ce484222325);
	for (i = 0; i < 3; i++) {
		for (s = (const unsigned char *)parts[i]; *s != '\0'; s++) {
			if (i == 2 && *s >= '0' && *s <= '9') {
				while (s[1] >= '0' && s[1] <= '9')
					s++;
				h = fnv(h, '#');
			} else if (i == 2 && *s == 's' && s > (const unsigned
			    char *)parts[2] && ascii_isalpha(s[-1]) && !ascii_isalnum(s[1]))
				continue;
			else
				h = fnv(h, *s);
		}
		h = fnv(h, 0);
	}
	snprintf(out, 17, "%016llx", (unsigned long long)h);
}

/* One byte more of an FNV-1a hash. */
static uint64_t
fnv(uint64_t h, unsigned char c)
{
	return (h ^ c) * UINT64_C(0x100000001b3);
}
