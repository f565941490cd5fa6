/*
 * strbuf.h: the one growable string.
 *
 * buf is never NULL and always NUL-terminated (it may also hold NUL bytes
 * inside, len counts them). Initialise with STRBUF_INIT or strbuf_init();
 * strbuf_release() frees and leaves an empty, usable buffer;
 * strbuf_detach() hands the string to the caller and resets the buffer.
 */
#ifndef EC_STRBUF_H
#define EC_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	char	*buf;
	size_t	 len;
	size_t	 alloc;
};

extern char strbuf_empty[];
#define STRBUF_INIT { strbuf_empty, 0, 0 }

void	 strbuf_init(struct strbuf *);
void	 strbuf_release(struct strbuf *);
char	*strbuf_detach(struct strbuf *, size_t *);
void	 strbuf_grow(struct strbuf *, size_t);
void	 strbuf_reset(struct strbuf *);
void	 strbuf_setlen(struct strbuf *, size_t);
void	 strbuf_add(struct strbuf *, const void *, size_t);
void	 strbuf_addstr(struct strbuf *, const char *);
void	 strbuf_addch(struct strbuf *, int);
void	 strbuf_addf(struct strbuf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 strbuf_vaddf(struct strbuf *, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));
void	 strbuf_trim(struct strbuf *);

/* A growable list of owned strings. */
struct strvec {
	char	**v;
	size_t	  n;
	size_t	  alloc;
};
#define STRVEC_INIT { NULL, 0, 0 }

void	 strvec_push(struct strvec *, const char *);
void	 strvec_push_nodup(struct strvec *, char *);
void	 strvec_clear(struct strvec *);
int	 strvec_has(const struct strvec *, const char *);
/* Sort by strcmp() and drop the repeats. */
void	 strvec_sort_uniq(struct strvec *);

#endif
