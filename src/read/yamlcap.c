/*
 * yamlcap.c: the YAML budget of yamlcap.h.
 */
#include "config.h"

#include <stdlib.h>

#include "read/yamlcap.h"
#include "strbuf.h"
#include "xalloc.h"

/* A cap's number in its phrase. */
#define YCAP_STR_(n)	#n
#define YCAP_STR(n)	YCAP_STR_(n)

static int	 has_anchor(const yaml_event_t *);

/* Whether ev carries an anchor. */
static int
has_anchor(const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		return ev->data.scalar.anchor != NULL;
	case YAML_SEQUENCE_START_EVENT:
		return ev->data.sequence_start.anchor != NULL;
	case YAML_MAPPING_START_EVENT:
		return ev->data.mapping_start.anchor != NULL;
	default:
		return 0;
	}
}

int
ycap_event(struct ycap *c, const yaml_event_t *ev, const char **why)
{
	if (has_anchor(ev))
		c->anchors++;
	if (ev->type == YAML_SEQUENCE_START_EVENT ||
	    ev->type == YAML_MAPPING_START_EVENT)
		c->depth++;
	else if ((ev->type == YAML_SEQUENCE_END_EVENT ||
	    ev->type == YAML_MAPPING_END_EVENT) && c->depth > 0)
		c->depth--;
	if (c->depth > YCAP_MAX_DEPTH)
		*why = "nested deeper than " YCAP_STR(YCAP_MAX_DEPTH) " levels";
	else if (c->anchors > YCAP_MAX_ANCHORS)
		*why = "more than " YCAP_STR(YCAP_MAX_ANCHORS) " YAML anchors";
	else if (++c->events > YCAP_MAX_EVENTS)
		*why = "more than " YCAP_STR(YCAP_MAX_EVENTS) " YAML events";
	else
		return 0;
	return -1;
}

int
ycap_text(const char *text, size_t len, struct strbuf *sb, int *line)
{
	struct ycap c = YCAP_INIT;
	yaml_parser_t parser;
	yaml_event_t ev;
	const char *why = NULL;
	int rc = 0, done = 0;

	if (!yaml_parser_initialize(&parser))
		abort();
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	while (rc == 0 && !done) {
		if (!yaml_parser_parse(&parser, &ev))
			break;		/* the loader says what is wrong */
		*line = (int)ev.start_mark.line + 1;
		rc = ycap_event(&c, &ev, &why);
		/* a loader loads the first document */
		done = ev.type == YAML_STREAM_END_EVENT ||
		    ev.type == YAML_DOCUMENT_END_EVENT;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	if (rc != 0)
		strbuf_addstr(sb, why);
	return rc;
}

int
ycap_walk(const char *buf, size_t len,
    int (*fn)(void *, const yaml_event_t *), void *arg, char **error,
    int *line)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	struct ycap cap = YCAP_INIT;
	const char *why = NULL;
	int rc;

	if (!yaml_parser_initialize(&parser))
		abort();
	yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
	for (rc = 0; rc == 0; ) {
		if (!yaml_parser_parse(&parser, &ev)) {
			*error = xasprintf("not YAML: %s",
			    parser.problem != NULL ? parser.problem :
			    "cannot be parsed");
			*line = (int)parser.problem_mark.line + 1;
			rc = -1;
			break;
		}
		/* the budget, before the walk sees the event */
		if ((rc = ycap_event(&cap, &ev, &why)) != 0) {
			*error = xasprintf("%s (a limit)", why);
			*line = (int)ev.start_mark.line + 1;
		} else
			rc = fn(arg, &ev);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	return rc;
}
