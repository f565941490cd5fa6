/*
 * pep440.h: PEP 440 versions and version specifier sets.
 *
 * A pure module: no I/O. Versions are parsed as the PEP's "permissive"
 * grammar, the one pypa/packaging reads: surrounding white space (ASCII
 * and the Unicode spaces Python's str.strip() removes, in UTF-8), any
 * case, a leading "v", an epoch "N!", release segments of any number and
 * length, pre-releases a/alpha, b/beta, c/rc/pre/preview, post-releases
 * post/rev/r and the implicit "1.0-1", dev releases, local labels "+x.y"
 * with "-" and "_" as separators, and "-", "_" or "." (or nothing) before
 * each suffix. Numbers have no size limit (they are kept as digit
 * strings, so "1" followed by 5000 digits is a version, where Python
 * refuses it); input longer than PEP440_MAX_LEN bytes is refused, so the
 * work is linear and bounded.
 *
 * Versions compare exactly as the PEP orders them: epoch, release with
 * trailing zeros ignored, then dev-only < pre (a < b < rc) < final <
 * post, a dev release before its pre/post/final, local labels last
 * (numeric segments above alphanumeric ones, compared as integers).
 *
 * A specifier set is comma-separated clauses: ==, != (with ".*" prefix
 * matching and local labels), <=, >=, <, >, ~= (at least two release
 * segments) and === (the raw string, without case). Semantics follow
 * the PEP as pypa/packaging 26 reads it: local labels are ignored except
 * by ==/!= naming one; <V admits no pre-release of V (V.devN, V.aN...)
 * unless V is one, and <V.postN admits 1.0.dev0 but not V.postN.devM;
 * >V admits no post-release of V (nor V+local) unless V is one.
 *
 * Pre-releases (a pre or dev segment) are admitted according to the
 * mode given to pep440_spec_admits():
 *   PEP440_PRE_ALLOW    whenever the clauses match;
 *   PEP440_PRE_DEFAULT  only when a clause names one (any clause but !=
 *                       and ==V.* whose version is a pre-release), the
 *                       PEP's rule for choosing among available versions;
 *   PEP440_PRE_NEVER    never.
 * Limits (differences from packaging, on purpose): an empty clause
 * (">=1,,<2", a trailing comma) is refused where packaging skips it;
 * packaging's contains() with no pre-release setting admits a lone
 * pre-release (it has no alternative), which is PEP440_PRE_ALLOW here,
 * not the default.
 */
#ifndef EC_PEP440_H
#define EC_PEP440_H

#include <stddef.h>

#define PEP440_MAX_LEN		65536

#define PEP440_PRE_NEVER	(-1)
#define PEP440_PRE_DEFAULT	0
#define PEP440_PRE_ALLOW	1

struct strbuf;

/*
 * A number or a local label segment: len bytes at off in the version's
 * s. A number has no leading zeros (zero is the empty string).
 */
struct pep440_seg {
	size_t	 off;
	size_t	 len;
	int	 num;		/* local segment: all digits */
};

struct pep440_version {
	char			*raw;	/* the string as given (for ===) */
	char			*s;	/* lowercase trimmed copy the segments index */
	struct pep440_seg	 epoch;
	struct pep440_seg	*release;
	size_t			 nrelease;
	int			 pre;	/* 0, 'a', 'b' or 'c' (rc) */
	struct pep440_seg	 pre_n;
	int			 post;	/* has a post segment */
	struct pep440_seg	 post_n;
	int			 dev;	/* has a dev segment */
	struct pep440_seg	 dev_n;
	struct pep440_seg	*local;
	size_t			 nlocal;
};
#define PEP440_VERSION_INIT { NULL, NULL, { 0, 0, 0 }, NULL, 0, 0, \
	{ 0, 0, 0 }, 0, { 0, 0, 0 }, 0, { 0, 0, 0 }, NULL, 0 }

enum pep440_op {
	PEP440_EQ,		/* == */
	PEP440_NE,		/* != */
	PEP440_LE,		/* <= */
	PEP440_GE,		/* >= */
	PEP440_LT,		/* < */
	PEP440_GT,		/* > */
	PEP440_COMPAT,		/* ~= */
	PEP440_ARBITRARY	/* === */
};

struct pep440_clause {
	enum pep440_op		 op;
	int			 wildcard;	/* ==V.* or !=V.* */
	struct pep440_version	 v;		/* not for === */
	char			*arbitrary;	/* ===: the string */
};

struct pep440_spec {
	struct pep440_clause	*clause;
	size_t			 n;		/* 0: admits every version */
	char			*text;		/* normalised, "," between clauses */
};

/*
 * Parse s into *v (initialised by the call). On error return -1 with
 * the reason in err (if not NULL) and *v empty; 0 on success.
 */
int	 pep440_parse(const char *, struct pep440_version *, struct strbuf *);
void	 pep440_version_clear(struct pep440_version *);
/* Append the normalised form ("1.0rc1.post2.dev3+abc.5") to sb. */
void	 pep440_str(const struct pep440_version *, struct strbuf *);
/* <0, 0, >0 as a orders before, with, after b. */
int	 pep440_cmp(const struct pep440_version *, const struct pep440_version *);
/* Whether v has a pre-release or dev segment. */
int	 pep440_is_prerelease(const struct pep440_version *);

/* Parse a specifier set into a new *spec; -1 and err on error. */
int	 pep440_spec_parse(const char *, struct pep440_spec **,
	    struct strbuf *);
void	 pep440_spec_free(struct pep440_spec *);
/* Whether the spec admits v, pre being one of PEP440_PRE_*. */
int	 pep440_spec_admits(const struct pep440_spec *,
	    const struct pep440_version *, int);
/*
 * The same for a string that may not be a version: such a string is
 * admitted only by === clauses naming it (and no other clause).
 */
int	 pep440_spec_admits_str(const struct pep440_spec *, const char *, int);
/* Whether a clause names a pre-release (PEP440_PRE_DEFAULT admits them). */
int	 pep440_spec_names_prerelease(const struct pep440_spec *);

#endif
