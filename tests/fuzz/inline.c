/* inline.c: fuzz the inline-markup reader (read/inline.c) at every offset */
#include "config.h"

#include "read/inline.h"
#include "fuzz.h"

FUZZ_TARGET(inline)
{
	struct inline_piece p;
	const char *s = (const char *)data;
	size_t i;

	fuzz_quiet();
	/* As the readers scan: a piece, then on after it. */
	for (i = 0; i < size;) {
		if (inline_at(s, size, i, &p) && p.end > i) {
			if (p.start > p.end || p.end > size ||
			    p.text > p.text_end || p.text_end > size)
				__builtin_trap();	/* a piece outside */
			i = p.end;
		} else
			i++;
	}
	if (size > 4)
		(void)inline_comment_end(s, size, 4);
	return 0;
}
