#!/bin/sh
# t0043-maintainers-where.sh: core-maintainers finds maintainers where
# projects name them (a "maintained by" sentence in a Contributors, Team
# or Authors section, a docs page of the team, a page the README links
# to, a GOVERNANCE table whose Name cells carry the handles), counts
# people once, never counts thanked contributors, paper or BibTeX
# authors, makes a contributors section that shows people a Caution,
# and names every place it looked when too few are named.
. "$(dirname "$0")/lib.sh"
asan_fast_unwind

if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_done
fi

# commit_all DIR: commit what DIR holds.
commit_all() {
	git -C "$1" add -A &&
	test_tick &&
	git -C "$1" commit -q -m people
}

# fresh NAME: an empty repository holding x.py, its path in $R.
fresh() {
	R=$TEST_TMP/$1
	rm -rf "$R" &&
	make_repo "$R" x.py >/dev/null
}

# result and level of core-maintainers, one a line.
maint() {
	result_of core-maintainers result &&
	result_of core-maintainers level
}

seventeen_readme() {
	cat <<-\EOT
	# Proj

	A library for things.

	## Contributors

	Proj is written and maintained by Ana Silva, Ben Okafor,
	[Chloé Martin](https://chloe.example.org), @dkumar, Erik Johansson,
	Fatima Zahra, Gao Wei, Hana Novak, Ivan Petrov, Julia Rossi, Kenji Sato,
	Lena Fischer, Marco Bianchi, Nadia Haddad, Omar Farouk, Priya Nair and
	Quentin Moreau.

	We thank everyone who sent a pull request:

	- Zoe Adams
	- Yusuf Kaya
	- Xavier Dupont
	EOT
}

thanks_readme() {
	cat <<-\EOT
	# Proj

	A library for things.

	## Contributors

	Thanks goes to these wonderful people:

	<a href="https://github.com/x/proj/graphs/contributors">
	  <img src="https://contrib.rocks/image?repo=x/proj" />
	</a>

	## License

	MIT
	EOT
}

all_contributors_readme() {
	cat <<-\EOT
	# Proj

	## Contributors ✨

	Thanks goes to these people:

	<!-- ALL-CONTRIBUTORS-LIST:START -->
	<table>
	  <tr>
	    <td align="center"><a href="https://github.com/zadams"><img src="https://avatars.githubusercontent.com/u/1?v=4" width="100px;" alt=""/><br /><sub><b>Zoe Adams</b></sub></a><br />💻</td>
	    <td align="center"><a href="https://github.com/ykaya"><img src="https://avatars.githubusercontent.com/u/2?v=4" width="100px;" alt=""/><br /><sub><b>Yusuf Kaya</b></sub></a><br />📖</td>
	  </tr>
	</table>
	<!-- ALL-CONTRIBUTORS-LIST:END -->
	EOT
}

acknowledged_readme() {
	cat <<-\EOT
	# Proj

	## Acknowledgements

	### Contributors

	Thanks to the contributors who made pull requests!

	| Contributor | Highlights |
	| -- | -- |
	| [zadams](https://github.com/zadams) | a loss |
	| [ykaya](https://github.com/ykaya) | a miner |
	EOT
}

team_list_readme() {
	cat <<-\EOT
	# Proj

	## Authors

	Proj is developed and maintained by:

	- [Ana Silva](https://ana.example.org) (University of X)
	- Ben Okafor (Company Y)

	## Citation

	If you use Proj, please cite Jane Doe, John Smith and Mary Major,
	"Proj: a library", 2021.

	```bibtex
	@article{doe2021,
	  author = {Doe, Jane and Smith, John and Major, Mary},
	  title = {Proj},
	}
	```
	EOT
}

citation_readme() {
	cat <<-\EOT
	# Proj

	## Citation

	Proj was written by Jane Doe, John Smith and Mary Major.

	```bibtex
	@article{doe2021,
	  author = {Doe, Jane and Smith, John and Major, Mary},
	}
	```

	## Contributors

	We welcome contributions! See CONTRIBUTING.md.
	EOT
}

docs_team_page() {
	cat <<-\EOT
	About us
	========

	Core developers
	---------------

	- Ana Silva
	- Ben Okafor
	- Chloé Martin
	EOT
}

linked_page() {
	cat <<-\EOT
	# Team

	The core developers of Proj:

	- Ana Silva
	- Ben Okafor
	EOT
}

governance_table() {
	cat <<-\EOT
	# Governance

	## Maintainers

	| Name | Affiliation |
	| ---- | ----------- |
	| [Ana Silva](https://github.com/asilva) | University of X |
	| Ben Okafor (@bokafor) | Company Y |
	EOT
}

test_expect_success 'a Contributors section "written and maintained by" 17 people passes with them' '
	fresh c17 &&
	seventeen_readme >"$R/README.md" &&
	commit_all "$R" &&
	ec_json 1 "$R" &&
	printf "pass\nerror\n" >want &&
	maint >got &&
	test_cmp want got &&
	test_eq "$(result_of core-maintainers value)" 17 &&
	result_of core-maintainers message >msg &&
	grep "^17 maintainers named: Ana Silva (README.md:7), Ben Okafor (README.md:7), Chloé Martin (README.md:8), @dkumar (README.md:8)" msg &&
	grep "and 5 more" msg &&
	test_eq "$(result_of core-maintainers "evidence | length")" 17 &&
	test_eq "$(result_of core-maintainers "evidence[16].line")" 11 &&
	! grep -e "Zoe Adams" -e "Yusuf Kaya" msg &&
	! jq -r ".results[] | select(.rule == \"core-maintainers\") |
		.evidence[].line" "$TEST_TMP/out.json" | grep -e 15 -e 16 -e 17
'

test_expect_success 'only the people of the sentence: one maintainer and thanked people fail' '
	fresh c1 &&
	printf "# P\n\n## Contributors\n\nP is maintained by Ana Silva.\nThanks to:\n\n- Zoe Adams\n- Yusuf Kaya\n- Xavier Dupont\n" >"$R/README.md" &&
	commit_all "$R" &&
	ec_json 1 "$R" &&
	printf "fail\nerror\n" >want &&
	maint >got &&
	test_cmp want got &&
	test_eq "$(result_of core-maintainers value)" 1 &&
	result_of core-maintainers message |
		grep "^only 1 maintainer named: Ana Silva (README.md:5); looked in README.md;"
'

test_expect_success 'a Contributors section that only thanks and shows an image is a Caution naming it' '
	fresh img &&
	thanks_readme >"$R/README.md" &&
	commit_all "$R" &&
	ec_json 1 "$R" &&
	printf "fail\nwarning\n" >want &&
	maint >got &&
	test_cmp want got &&
	test_eq "$(result_of core-maintainers value)" 0 &&
	result_of core-maintainers message >msg &&
	grep "^no maintainers named in README.md;" msg &&
	grep "; README.md .Contributors. at line 5 lists contributors; whether they are core maintainers a person decides" msg &&
	test_eq "$(result_of core-maintainers "evidence[0].path")" README.md &&
	test_eq "$(result_of core-maintainers "evidence[0].line")" 5
'

test_expect_success 'an all-contributors table is a Caution too, its people never counted' '
	fresh allc &&
	all_contributors_readme >"$R/README.md" &&
	commit_all "$R" &&
	ec_json 1 "$R" &&
	printf "fail\nwarning\n" >want &&
	maint >got &&
	test_cmp want got &&
	test_eq "$(result_of core-maintainers value)" 0 &&
	result_of core-maintainers message >msg &&
	grep "README.md .Contributors ✨. at line 3 lists contributors" msg &&
	! grep -e zadams -e "Zoe Adams" msg
'

test_expect_success 'contributors thanked under Acknowledgements are no sign: a failure' '
	fresh ack &&
	acknowledged_readme >"$R/README.md" &&
	commit_all "$R" &&
	ec_json 1 "$R" &&
	printf "fail\nerror\n" >want &&
	maint >got &&
	test_cmp want got &&
	test_eq "$(result_of core-maintainers value)" 0 &&
	! result_of core-maintainers message | grep -e "lists contributors" -e zadams
'

test_expect_success 'Authors "developed and maintained by:" a list counts it, not the paper or BibTeX authors' '
	fresh auth &&
	team_list_readme >"$R/README.md" &&
	commit_all "$R" &&
	ec_json 1 "$R" &&
	printf "pass\nerror\n" >want &&
	maint >got &&
	test_cmp want got &&
	test_eq "$(result_of core-maintainers value)" 2 &&
	result_of core-maintainers message >msg &&
	grep "^2 maintainers named: Ana Silva (README.md:7), Ben Okafor (README.md:8)$" msg
'

test_expect_success 'authors of a citation and a BibTeX entry are nobody; a Contributors section naming none is no sign' '
	fresh cite &&
	citation_readme >"$R/README.md" &&
	commit_all "$R" &&
	ec_json 1 "$R" &&
	printf "fail\nerror\n" >want &&
	maint >got &&
	test_cmp want got &&
	test_eq "$(result_of core-maintainers value)" 0 &&
	! result_of core-maintainers message | grep -e Doe -e Smith -e "lists contributors"
'

test_expect_success 'too few named: the message names every place looked in and looked for' '
	result_of core-maintainers message >msg &&
	grep "^no maintainers named in README.md; no MAINTAINERS, GOVERNANCE, docs/\*\*/governance, CONTRIBUTING, docs/\*\*/team, docs/\*\*/people\*, docs/\*\*/contributors\*, docs/\*\*/about\*/team\* or CODEOWNERS found; at least 2 are needed$" msg
'

test_expect_success 'a docs page of the team naming core developers counts, with path:line' '
	fresh docs &&
	mkdir -p "$R/docs/source/about" &&
	docs_team_page >"$R/docs/source/about/team.rst" &&
	printf "# Proj\n\nA library.\n" >"$R/README.md" &&
	commit_all "$R" &&
	ec_json 1 "$R" &&
	printf "pass\nerror\n" >want &&
	maint >got &&
	test_cmp want got &&
	result_of core-maintainers message |
		grep "^3 maintainers named: Ana Silva (docs/source/about/team.rst:7), Ben Okafor (docs/source/about/team.rst:8), Chloé Martin (docs/source/about/team.rst:9)$"
'

test_expect_success 'a page the README links to, headed Team, counts; an unlinked one does not' '
	fresh link &&
	mkdir -p "$R/site" &&
	linked_page >"$R/site/who.md" &&
	printf "# Proj\n\nA library.\n\n## Community\n\nMeet [the people behind it](site/who.md).\n" >"$R/README.md" &&
	commit_all "$R" &&
	ec_json 1 "$R" &&
	test_eq "$(result_of core-maintainers result)" pass &&
	result_of core-maintainers message |
		grep "^2 maintainers named: Ana Silva (site/who.md:5), Ben Okafor (site/who.md:6)$" &&
	printf "# Proj\n\nA library.\n" >"$R/README.md" &&
	commit_all "$R" &&
	ec_json 1 "$R" &&
	test_eq "$(result_of core-maintainers result)" fail
'

test_expect_success 'a page linked that is a recipe with its author is no team page' '
	fresh recipe &&
	mkdir -p "$R/egs/a" &&
	printf "# Recipe A\n\n## Contact the author\n\nMail jane.doe@example.org or john.roe@example.org\n" >"$R/egs/a/README.md" &&
	printf "# Proj\n\nSee [recipe A](egs/a/README.md).\n" >"$R/README.md" &&
	commit_all "$R" &&
	ec_json 1 "$R" &&
	test_eq "$(result_of core-maintainers value)" 0
'

test_expect_success 'a GOVERNANCE table with handles in its Name cells: each person once, CODEOWNERS the same people' '
	fresh gov &&
	governance_table >"$R/GOVERNANCE.md" &&
	mkdir -p "$R/.github" &&
	printf "* @asilva @BOkafor\n/docs/ @asilva\n" >"$R/.github/CODEOWNERS" &&
	commit_all "$R" &&
	ec_json 1 "$R" &&
	printf "pass\nerror\n" >want &&
	maint >got &&
	test_cmp want got &&
	test_eq "$(result_of core-maintainers value)" 2 &&
	result_of core-maintainers message |
		grep "^2 maintainers named: Ana Silva (@asilva) (GOVERNANCE.md:7), Ben Okafor (@bokafor) (GOVERNANCE.md:8)$"
'

test_done
