/* xalloc.h: allocation wrappers that never return NULL */
#ifndef EC_XALLOC_H
#define EC_XALLOC_H

#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));

/* Grow *arr (of *alloc elements of size sz) so that it holds at least n. */
#define XGROW(arr, n, alloc) do {					\
	if ((n) > (alloc)) {						\
		size_t xg_new_ = (alloc) < 8 ? 8 : (alloc) * 2;		\
		while (xg_new_ < (n))					\
			xg_new_ *= 2;					\
		(arr) = xreallocarray((arr), xg_new_, sizeof(*(arr)));	\
		(alloc) = xg_new_;					\
	}								\
} while (0)

#endif
