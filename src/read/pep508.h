/*
 * pep508.h: PEP 508 requirement strings and the lines of requirements.txt.
 *
 * A pure module: no I/O. pep508_parse() reads "name[extra,...] spec ;
 * marker" or "name[extra] @ url ; marker" (the spec with or without
 * parentheses), names compared after PEP 503 ("Foo_Bar.baz" is
 * "foo-bar-baz"). Markers are parsed fully (and, or, parentheses, every
 * marker variable of PEP 508 and the later specifications, the legacy
 * dotted names, quoted strings, comparison, in and not in) but not
 * evaluated for this machine: the flags say what the requirement depends
 * on. PEP508_EXTRA_ONLY is set when the marker is false whatever the
 * platform and Python as long as no extra is requested (so "extra ==
 * 'gpu'" and "extra == 'gpu' and sys_platform == 'linux'", not "extra ==
 * 'gpu' or python_version < '3.9'"); the extras the marker names are in
 * marker_extras. Markers nest at most PEP508_MAX_DEPTH parentheses deep
 * and a requirement is at most PEP440_MAX_LEN bytes: the work is bounded.
 *
 * reqline_next() reads requirements.txt as pip does: "\" at the end of a
 * line joins the next one, "#" at the start of a line or after white
 * space starts a comment, -r/--requirement and -c/--constraint name a
 * file (returned, not followed), -e/--editable a path or URL, other
 * options (-i, --index-url, --pre...) are returned as they are, and a
 * requirement may carry --hash=ALG:HEX and other per-requirement options.
 * A line that is a path or URL instead of a PEP 508 requirement
 * ("./pkg", "https://host/x.whl", "git+https://...#egg=x") is returned as
 * REQLINE_PATH; the caller cannot know its version.
 */
#ifndef EC_PEP508_H
#define EC_PEP508_H

#include <stddef.h>

#include "strbuf.h"

struct pep440_spec;

#define PEP508_MAX_DEPTH	32

#define PEP508_EXTRA_ONLY	0x01	/* applies only with an extra requested */
#define PEP508_PLATFORM		0x02	/* the marker tests the OS or machine */
#define PEP508_PYTHON		0x04	/* the marker tests Python's version or implementation */
#define PEP508_URL		0x08	/* name @ url */

struct pep508_req {
	char			*name;		/* as written */
	char			*key;		/* normalised after PEP 503 */
	struct strvec		 extras;	/* normalised */
	char			*spec_text;	/* normalised; "" when none */
	struct pep440_spec	*spec;		/* never NULL once parsed */
	char			*url;		/* NULL unless name @ url */
	char			*marker;	/* as written, trimmed; NULL: none */
	struct strvec		 marker_extras;	/* the extras the marker names */
	unsigned		 flags;		/* PEP508_* */
};

/* Parse s into *req; -1 with err (if not NULL) and *req empty on error. */
int	 pep508_parse(const char *, struct pep508_req *, struct strbuf *);
void	 pep508_release(struct pep508_req *);
/* Append the PEP 503 form of the name (n bytes at s) to sb. */
void	 pep503_normalize(const char *, size_t, struct strbuf *);
/* Whether two project names are the same after PEP 503. */
int	 pep503_name_eq(const char *, const char *);

enum reqline_kind {
	REQLINE_REQ,		/* a PEP 508 requirement: req */
	REQLINE_PATH,		/* a path or URL standing for a requirement */
	REQLINE_INCLUDE,	/* -r FILE */
	REQLINE_CONSTRAINT,	/* -c FILE */
	REQLINE_EDITABLE,	/* -e PATH|URL */
	REQLINE_OPTION		/* any other option line, as written */
};

struct reqline {
	enum reqline_kind	 kind;
	int			 lineno;	/* of its first physical line */
	char			*text;		/* requirement, file, path or option */
	struct strvec		 hashes;	/* "sha256:..." of --hash */
	struct strvec		 options;	/* other per-requirement options */
	struct pep508_req	 req;		/* REQLINE_REQ only */
};

struct reqline_reader {
	const char	*buf;
	size_t		 len;
	size_t		 pos;
	int		 lineno;	/* of the last physical line read */
};

void	 reqline_init(struct reqline_reader *, const char *, size_t);
/*
 * The next logical line into *line (initialised by the call): 1, or 0
 * at the end. -1 when the line is neither a requirement, a path nor a
 * known option: err says why, line->lineno where; the next call goes on
 * with the following line.
 */
int	 reqline_next(struct reqline_reader *, struct reqline *,
	    struct strbuf *);
void	 reqline_release(struct reqline *);

#endif
