/*
 * pep440-check.c: answer PEP 440 questions read from stdin, one a line,
 * for tests/bench/pep440-conformance.sh.
 *
 * Fields are separated by tabs; in a field "\\", "\t", "\n" and "\xHH"
 * stand for a backslash, a tab, a line feed and any byte. Questions and
 * the answer line printed for each:
 *   V <version>                 "valid <normalised>" or "invalid"
 *   C <a> <b>                   "-1", "0" or "1"; "invalid" if one is not a version
 *   S <specifier set>           "valid <normalised>" or "invalid"
 *   A <set> <item> <pre>        "1" or "0" (admitted); "invalid" for a bad set;
 *                               pre is allow, default or never
 */
#define _POSIX_C_SOURCE 200809L
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "read/pep440.h"
#include "strbuf.h"
#include "xalloc.h"

#define MAXF	4

static size_t	 split(char *, char **);
static void	 answer(char **, size_t);

/* Split line at tabs into at most MAXF fields, unescaping each in place. */
static size_t
split(char *line, char **f)
{
	size_t n = 0;
	char *r, *w;

	f[n++] = line;
	for (r = w = line; *r != '\0'; r++) {
		if (*r == '\t') {
			*w++ = '\0';
			if (n == MAXF)
				return n;
			f[n++] = w;
		} else if (*r == '\\' && r[1] == 't') {
			*w++ = '\t';
			r++;
		} else if (*r == '\\' && r[1] == 'n') {
			*w++ = '\n';
			r++;
		} else if (*r == '\\' && r[1] == '\\') {
			*w++ = '\\';
			r++;
		} else if (*r == '\\' && r[1] == 'x' && ascii_hexval(r[2]) >= 0 &&
		    ascii_hexval(r[3]) >= 0) {
			*w++ = (char)(ascii_hexval(r[2]) * 16 + ascii_hexval(r[3]));
			r += 3;
		} else
			*w++ = *r;
	}
	*w = '\0';
	return n;
}

static void
answer(char **f, size_t n)
{
	struct pep440_version a, b;
	struct pep440_spec *spec;
	struct strbuf sb = STRBUF_INIT;
	int pre, c;

	if (n == 2 && strcmp(f[0], "V") == 0) {
		if (pep440_parse(f[1], &a, NULL) == -1) {
			puts("invalid");
			return;
		}
		pep440_str(&a, &sb);
		printf("valid\t%s\n", sb.buf);
		pep440_version_clear(&a);
	} else if (n == 3 && strcmp(f[0], "C") == 0) {
		if (pep440_parse(f[1], &a, NULL) == -1) {
			puts("invalid");
			return;
		}
		if (pep440_parse(f[2], &b, NULL) == -1) {
			pep440_version_clear(&a);
			puts("invalid");
			return;
		}
		c = pep440_cmp(&a, &b);
		printf("%d\n", c < 0 ? -1 : c > 0);
		pep440_version_clear(&a);
		pep440_version_clear(&b);
	} else if (n == 2 && strcmp(f[0], "S") == 0) {
		if (pep440_spec_parse(f[1], &spec, NULL) == -1) {
			puts("invalid");
			return;
		}
		printf("valid\t%s\n", spec->text);
		pep440_spec_free(spec);
	} else if (n == 4 && strcmp(f[0], "A") == 0) {
		pre = strcmp(f[3], "allow") == 0 ? PEP440_PRE_ALLOW :
		    strcmp(f[3], "never") == 0 ? PEP440_PRE_NEVER :
		    PEP440_PRE_DEFAULT;
		if (pep440_spec_parse(f[1], &spec, NULL) == -1) {
			puts("invalid");
			return;
		}
		printf("%d\n", pep440_spec_admits_str(spec, f[2], pre));
		pep440_spec_free(spec);
	} else
		puts("error: unknown question");
	strbuf_release(&sb);
}

int
main(void)
{
	char *line = NULL, *f[MAXF];
	size_t cap = 0, n;
	ssize_t len;

	while ((len = getline(&line, &cap, stdin)) != -1) {
		if (len > 0 && line[len - 1] == '\n')
			line[len - 1] = '\0';
		n = split(line, f);
		answer(f, n);
	}
	free(line);
	return 0;
}
