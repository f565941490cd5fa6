/* options.h: the options of the check command, parsed once into struct options */
#ifndef EC_OPTIONS_H
#define EC_OPTIONS_H

#include <stdint.h>
#include <stdio.h>

#include "report.h"
#include "strbuf.h"

struct options {
	struct strvec	 rules;		/* -r, in order */
	const struct report_format *format;
	int		 has_as_of;
	int		 as_of_head;
	int64_t		 as_of;
	const char	*rev;
	int		 staged;
	int		 absolute;	/* --staged judged alone */
	struct strvec	 sets;		/* --set RULE.KEY=VAL */
	struct strvec	 facts;		/* --fact NAME=VAL */
	int		 no_repo_config;
	int		 strict;
	int		 jobs;
	const char	*each;
	int		 list_rules;
	enum color	 color;
	int		 quiet;
	int		 width;		/* --width N, -1 when not given */
	struct strvec	 paths;
};

/* Option table shared by the parser and --help (and checked by tests). */
struct option_doc {
	const char	*name;
	int		 shortopt;	/* 0 when none */
	const char	*arg;		/* NULL when it takes none */
	const char	*help;
};
extern const struct option_doc option_docs[];

/* 0 to go on, 1 when done (help or version printed), -1 usage error. */
int	 options_parse(struct options *, int, char **);
void	 options_release(struct options *);
void	 options_usage(FILE *);
/* The report options of the command line (colour decided for fp). */
void	 options_report(const struct options *, FILE *, struct report_opts *);

#endif
