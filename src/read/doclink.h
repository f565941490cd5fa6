/*
 * doclink.h: the files of the repository a link of one of its documents
 * may point at: a relative link, a link to a file on GitHub
 * (github.com/OWNER/REPO/blob/REF/PATH), or a page of a documentation site
 * (Read the Docs, GitHub Pages, a docs.* host) whose source is a page under
 * docs/ or doc/, named by the last one or two parts of the URL's path.
 */
#ifndef EC_DOCLINK_H
#define EC_DOCLINK_H

struct strvec;

enum doclink_kind {
	DOCLINK_NONE,		/* an anchor, mail, or another site */
	DOCLINK_RELATIVE,
	DOCLINK_GITHUB,
	DOCLINK_SITE
};

/*
 * Push onto out the repository paths the link dest of the file from may
 * name, the likeliest first (a directory's README.md and index pages
 * after it); none for a path that leaves the repository.
 */
enum doclink_kind doclink_candidates(const char *, const char *,
		    struct strvec *);

#endif
