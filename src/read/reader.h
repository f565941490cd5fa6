/*
 * reader.h: a reader turns the bytes of one file into a model.
 *
 * Readers are pure: bytes in, a model out. A reader knows nothing of
 * where the bytes came from (no tree source, check context or libgit2:
 * t0013 pins it), so that one reader serves the working tree, the index,
 * a commit and the unit tests alike. The check context (ctx.h,
 * ctx_model()) reads a file once through its one read judge (a link, a
 * missing or unreadable file, not a file, binary, too large) and builds
 * each model once per check. Each reader is one row, defined beside its
 * parser as `const struct reader reader_<name>`; readers.c lists them.
 */
#ifndef EC_READ_READER_H
#define EC_READ_READER_H

#include <stddef.h>

/* What a reader is handed. */
struct reader_input {
	const char	*buf;		/* not NUL-terminated */
	size_t		 len;
	const char	*path;		/* in the repository, for messages */
	int		 truncated;	/* only the first len bytes were read */
};

/* How the context prepares the bytes before parse() sees them. */
#define READER_TEXT	0x1	/* a NUL in the first 8000 bytes: binary */
#define READER_DOC	0x2	/* a document: UTF-16 with a byte order mark
				   is decoded; git's text heuristic tells
				   binary (more than one control byte in 32) */
#define READER_BOM	0x4	/* UTF-16 with a byte order mark is decoded
				   before READER_TEXT looks (pip reads a
				   requirements file so) */

struct reader {
	const char	*name;		/* unique; in messages: "Markdown" */
	unsigned	 flags;		/* READER_* */
	/* The model of the input, or NULL when the reader refuses it. */
	void		*(*parse)(const struct reader_input *);
	void		 (*free)(void *);
};

/* Every reader, NULL-terminated (readers.c). */
extern const struct reader *const readers[];

#endif
