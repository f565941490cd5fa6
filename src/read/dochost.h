/*
 * dochost.h: what a project declares of its own documentation site, read
 * from the files that declare it: mkdocs.yml (site_url, docs_dir),
 * .readthedocs.yaml (the folder of sphinx.configuration or
 * mkdocs.configuration), a Sphinx conf.py (html_baseurl) and a CNAME file
 * (the custom domain of GitHub Pages or Read the Docs).
 */
#ifndef EC_READ_DOCHOST_H
#define EC_READ_DOCHOST_H

struct reader;

#define DOCHOST_MAX_EVENTS	100000	/* YAML events read of one file */

struct dochost {
	char	*host;	/* doclink_host_of() of the URL declared, or NULL */
	int	 line;	/* where it is declared */
	char	*root;	/* a folder of the docs' sources it names, or NULL */
};

extern const struct reader reader_mkdocs;
extern const struct reader reader_rtdconf;
extern const struct reader reader_sphinxconf;
extern const struct reader reader_cname;

/* The reader of a file declaring the site, by its name; NULL: none. */
const struct reader *dochost_reader(const char *);

#endif
