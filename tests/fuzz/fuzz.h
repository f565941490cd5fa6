/*
 * fuzz.h: what every harness of tests/fuzz/ shares.
 *
 * A harness is one source file defining its entry with FUZZ_TARGET(name).
 * Built with --enable-fuzzing, the entry is libFuzzer's
 * LLVMFuzzerTestOneInput and the file is a program of its own
 * (tests/fuzz/fuzz-NAME). Built for "make check" (FUZZ_REGRESS), the
 * entry is fuzz_NAME() and every harness is linked into one driver,
 * tests/fuzz/replay, which feeds it the files of tests/fuzz/regress/NAME
 * and tests/fuzz/corpus/NAME. Either way a harness frees all it made:
 * a leak is a failure as a crash is.
 */
#ifndef EC_FUZZ_H
#define EC_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#ifdef FUZZ_REGRESS
#define FUZZ_TARGET(name) \
	int fuzz_##name(const uint8_t *, size_t); \
	int fuzz_##name(const uint8_t *data, size_t size)
#else
#define FUZZ_TARGET(name) \
	int LLVMFuzzerTestOneInput(const uint8_t *, size_t); \
	int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
#endif

/*
 * Send ecocheck's error lines nowhere: the readers tell bad input on
 * stderr, which would only slow the fuzzer down. Idempotent.
 */
void	 fuzz_quiet(void);
/* A NUL-terminated copy of the input (xmalloc'd). */
char	*fuzz_str(const uint8_t *, size_t);
/*
 * Split the input at its first NUL (or newline when nl): *a and *b are
 * NUL-terminated xmalloc'd copies of the two parts (b empty without one).
 */
void	 fuzz_split(const uint8_t *, size_t, int, char **, char **);

#endif
