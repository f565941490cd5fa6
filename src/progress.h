/*
 * progress.h: the progress line of a run over many repositories: on a
 * terminal only (stderr), "checked 12/200, slowest so far: PATH (4.1s)",
 * rewritten in place with '\r'. Whoever prints to the terminal clears it
 * first and shows it again after, so it never mixes with a report.
 */
#ifndef EC_PROGRESS_H
#define EC_PROGRESS_H

#include <stddef.h>

struct progress {
	int	 on;		/* stderr is a terminal, more than one repository */
	int	 shown;		/* the line is on the screen now */
	size_t	 done;
	size_t	 total;
	double	 slowest;	/* seconds */
	char	*slowest_path;
};

void	 progress_init(struct progress *, size_t);
/* One more repository checked, in secs. */
void	 progress_done(struct progress *, const char *, double);
void	 progress_show(struct progress *);
void	 progress_clear(struct progress *);
void	 progress_release(struct progress *);
/* Seconds on a monotonic clock, for the time a check took. */
double	 progress_now(void);

#endif
