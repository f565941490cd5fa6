/*
 * pack.h: the first bytes of a packed blob, read without loading it.
 *
 * libgit2 1.5 reads a packed object whole: it inflates the object and
 * each delta of its chain, and applies them all. A rule that wants the
 * first 2 KiB of a thousand files (the SPDX scan) paid for every byte of
 * them. Here the repository's own packs answer such a read: the pack
 * indexes (version 2) locate the object, a base object is inflated only
 * as far as asked, a delta only as far as the instructions that make the
 * asked bytes, and their copies say how much of the base to read, down
 * the chain.
 *
 * Whatever this does not expect (an object in no pack of the repository's
 * own, an index of version 1 or one naming another pack, a chain deeper
 * than PACK_DEPTH_MAX or holding more than PACK_WANT_MAX bytes, sizes
 * that disagree, a zlib error) is left unanswered, and the caller reads
 * the blob with libgit2, which gives the bytes or the error. Only the
 * bytes read are checked: damage past them goes unseen (zlib's checksum
 * is at a stream's end), as with the bounded stream of a loose object.
 */
#ifndef EC_PACK_H
#define EC_PACK_H

#include <stddef.h>
#include <stdint.h>

#include <git2.h>

struct strbuf;
struct packs;

/* The deepest delta chain followed; git's pack.depth allows 4095. */
#define PACK_DEPTH_MAX	4096
/*
 * The most bytes one read holds (64 MiB): what it asks for, each delta
 * of the chain as far as inflated, and the bytes each level makes.
 */
#define PACK_WANT_MAX	(64u << 20)

/*
 * The packs of an objects directory (ending in '/'), listed and mapped
 * on the first read; never NULL.
 */
struct packs	*packs_new(const char *);
void		 packs_free(struct packs *);

/*
 * Append to out the first cap bytes of the blob id when it has more, and
 * set *size to its size: 0, or 1 when the packs do not answer (out
 * untouched). They do not for a blob of no more than cap bytes, which
 * libgit2 reads whole, with its cache of delta bases; when such a one is
 * stored whole (no delta), they say PACKS_WHOLE and its size, so that
 * its header need not be read again.
 */
#define PACKS_WHOLE	2
int	 packs_read_head(struct packs *, const git_oid *, size_t,
	    struct strbuf *, size_t *);

/*
 * The first want bytes of the target of a whole git delta (len bytes)
 * against the blen bytes of base, appended to out: 0, or -1 when the
 * delta is malformed, does not fit the base, or makes fewer bytes. For
 * the fuzz target: the packs' reads use the same steps.
 */
int	 pack_delta_head(const unsigned char *, size_t, const unsigned char *,
	    size_t, size_t, struct strbuf *);

#endif
