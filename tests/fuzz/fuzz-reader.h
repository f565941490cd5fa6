/* fuzz-reader.h: the generic harness of the readers' table (reader.c) */
#ifndef EC_FUZZ_READER_H
#define EC_FUZZ_READER_H

#include <stddef.h>
#include <stdint.h>

struct reader;

/* The reader's name as a folder's: "conda YAML" is "conda-yaml". */
void	 fuzz_reader_slug(const char *, char *, size_t);
/* The reader of that slug, or NULL. */
const struct reader *fuzz_reader_find(const char *);
/* Hand the input to the reader, free its model. */
int	 fuzz_reader_run(const struct reader *, const uint8_t *, size_t);

#endif
