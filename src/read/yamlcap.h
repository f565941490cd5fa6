/*
 * yamlcap.h: one budget for every YAML file ecocheck reads (CI
 * configurations, conda environments and recipes), checked on libyaml's
 * events as they come: a cap on events, on the nesting of collections
 * and on anchors. Aliases are never expanded by the readers; the caps
 * keep libyaml's own work linear, since its loader compares each anchor
 * with every one before it and its scanner keeps a possible key for
 * every open flow collection. A file past a cap is not read: the reader
 * says which cap and the line, as a limit.
 */
#ifndef EC_YAMLCAP_H
#define EC_YAMLCAP_H

#include <stddef.h>

#include <yaml.h>

struct strbuf;

#define YCAP_MAX_EVENTS		2000000
#define YCAP_MAX_DEPTH		64
#define YCAP_MAX_ANCHORS	1000

struct ycap {
	size_t		 events;
	size_t		 anchors;
	int		 depth;
};

#define YCAP_INIT { 0, 0, 0 }

/*
 * Count the event ev against the caps: 0 within them, or -1 with why
 * (a static phrase naming the cap) set.
 */
int	 ycap_event(struct ycap *, const yaml_event_t *, const char **);

/*
 * Whether the text's first document stays within the caps, walked before a loader
 * is given it: 0, or -1 with why appended to sb and *line the line of
 * the event past the cap. A text libyaml cannot parse is 0: the loader
 * says what is wrong with it.
 */
int	 ycap_text(const char *, size_t, struct strbuf *, int *);

/*
 * Walk the events of buf under the caps: each event goes to fn, which
 * returns 0 to go on, 1 when done and -1 when it stops (saying why
 * itself). A text libyaml cannot parse, or past a cap, stops with -1,
 * *error (allocated) saying why and *line its line. Returns what
 * stopped the walk.
 */
int	 ycap_walk(const char *, size_t, int (*)(void *, const yaml_event_t *),
	    void *, char **, int *);

#endif
