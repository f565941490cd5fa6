/* rule-file.h: where a file rule finds its file, shared with contains */
#ifndef EC_RULE_FILE_H
#define EC_RULE_FILE_H

struct rule;
struct tree;
struct tree_entry;
struct strbuf;

/*
 * The first entry matching the rule's path list (then its accept list)
 * in each of its dirs. *accepted is set when only an accept name was
 * found. looked gets the candidates tried, for messages.
 */
const struct tree_entry *file_locate(const struct rule *, const struct tree *,
			    int *, struct strbuf *);
/* The same search from explicit lists: names, accept names, dirs. */
struct rule_key;
const struct tree_entry *file_find(const struct rule_key *,
			    const struct rule_key *, const struct rule_key *,
			    const struct tree *, int, int *, struct strbuf *);

#endif
