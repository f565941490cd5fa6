/* wrap.c: text wrapped to a terminal's width, long lists cut (wrap.h) */
#include "config.h"

#include <string.h>

#include "strbuf.h"
#include "utf8.h"
#include "wrap.h"

static void	 add_spaces(struct strbuf *, size_t);
static size_t	 list_at(const char *, size_t, const char **, const char **);
static size_t	 item_core(const char *, size_t);

static void
add_spaces(struct strbuf *sb, size_t n)
{
	while (n-- > 0)
		strbuf_addch(sb, ' ');
}

size_t
wrap_text(struct strbuf *out, const char *s, size_t col, size_t indent,
    size_t width)
{
	size_t lead, gap, wlen, ww;
	const char *w;
	int placed;

	if (width == 0) {
		strbuf_addstr(out, s);
		return col + utf8_width(s, strlen(s));
	}
	for (lead = 0; s[lead] == ' '; lead++)
		;
	add_spaces(out, lead);
	col += lead;
	indent += lead;
	s += lead;
	/* Text after something else on its line may have to start below. */
	placed = col > indent;
	while (*s != '\0') {
		for (gap = 0; s[gap] == ' '; gap++)
			;
		w = s + gap;
		if (*w == '\0')
			break;
		wlen = strcspn(w, " ");
		ww = utf8_width(w, wlen);
		if (placed && col + gap + ww > width) {
			strbuf_addch(out, '\n');
			add_spaces(out, indent);
			col = indent;
			gap = 0;
		}
		add_spaces(out, gap);
		strbuf_add(out, w, wlen);
		col += gap + ww;
		placed = 1;
		s = w + wlen;
	}
	return col;
}

/*
 * The length of an item of a list without the punctuation that ends
 * the sentence around it: "Travis)" is "Travis", "docs/;" is "docs/".
 */
static size_t
item_core(const char *p, size_t len)
{
	while (len > 1 && strchr(")];:,", p[len - 1]) != NULL)
		len--;
	return len;
}

/*
 * The items of the list that starts at p: words of no spaces, each but
 * the last followed by ", ", the last perhaps followed by " or WORD" or
 * " and WORD" (a number there is "and 9 more", not an item). *cut gets
 * the start of item keep + 1 (when there is one), *end the end of the
 * last item, before the punctuation after it.
 */
static size_t
list_at(const char *p, size_t keep, const char **cut, const char **end)
{
	size_t n, len, k;

	for (n = 0;; ) {
		if ((len = strcspn(p, " ")) == 0)
			return n;
		if (++n == keep + 1)
			*cut = p;
		if (len >= 2 && p[len - 1] == ',' && p[len] == ' ' &&
		    p[len + 1] != ' ' && p[len + 1] != '\0') {
			p += len + 1;
			continue;
		}
		*end = p + item_core(p, len);
		if (strncmp(p + len, " or ", 4) == 0)
			k = 4;
		else if (strncmp(p + len, " and ", 5) == 0)
			k = 5;
		else
			return n;
		p += len + k;
		len = strcspn(p, " ");
		if (len == 0 || strspn(p, "0123456789") == len)
			return n;
		if (++n == keep + 1)
			*cut = p;
		*end = p + item_core(p, len);
		return n;
	}
}

void
wrap_cut_lists(struct strbuf *out, const char *s, size_t max, size_t keep)
{
	const char *p, *cut, *end;
	size_t n;

	for (p = s; *p != '\0'; ) {
		cut = end = NULL;
		if ((p == s || p[-1] == ' ' || p[-1] == '(') &&
		    (n = list_at(p, keep, &cut, &end)) > max && cut != NULL) {
			strbuf_add(out, p, (size_t)(cut - p));
			strbuf_addf(out, "... and %zu more", n - keep);
			p = end;
			continue;
		}
		strbuf_addch(out, *p);
		p++;
	}
}
