/*
 * notls.c: keep libgit2 from loading the system's CA certificates, which
 * ecocheck never needs: it opens no network connection, only repositories
 * on the disk.
 *
 * libgit2 built with mbedTLS (Debian's libgit2 1.5) parses the whole CA
 * bundle in git_libgit2_init(), for its HTTPS transport: some 140
 * certificates, 4 of the 6 ms that init takes, a fifth of a whole check
 * of git.git. There is no option to skip it. This definition, in the
 * program and not in libecocheck.a, takes the place of mbedTLS's for
 * libgit2, as the dynamic linker looks in the program before the
 * libraries: the bundle is not read. Were a TLS connection ever made,
 * it would trust no certificate and fail. A libgit2 built with another
 * TLS library never calls this.
 */
#include "config.h"

/* mbedTLS's prototype, its chain a mbedtls_x509_crt *. */
int	 mbedtls_x509_crt_parse_file(void *, const char *);

int
mbedtls_x509_crt_parse_file(void *chain, const char *path)
{
	(void)chain;
	(void)path;
	return 0;	/* no certificate failed to parse: none was read */
}
