/* datadir.h: where ecocheck finds its data (rule sets, and more to come) */
#ifndef EC_DATADIR_H
#define EC_DATADIR_H

struct strvec;

/*
 * Append to out the directories searched for the data subdirectory sub
 * ("rules"), lowest layer first: the shipped one, then
 * $(sysconfdir)/ecocheck/SUB, then $XDG_CONFIG_HOME/ecocheck/SUB (or
 * ~/.config/ecocheck/SUB). The shipped one is $ECOCHECK_<SUB>_DIR when
 * set (SUB in capitals, other than letters and digits as '_': for rules,
 * $ECOCHECK_RULES_DIR), else the source tree's SUB when the program runs
 * from its build tree, else $(pkgdatadir)/SUB.
 */
void	 datadir_search_path(const char *, struct strvec *);
/*
 * Append to out, sorted and each once, the names of the files of every
 * directory of sub's search path that end in suffix, without it
 * ("pytorch-ecosystem" for rules/pytorch-ecosystem.ini): what a name
 * mistyped in a usage error may have meant.
 */
void	 datadir_names(const char *, const char *, struct strvec *);

#endif
