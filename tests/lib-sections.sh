# lib-sections.sh: what the tests of README and CONTRIBUTING readers share
# (t0004, t0010, t0016, t0017, t0018, t0020), sourced after lib.sh: the
# jq they need, the rule-set options that keep history out of the exit
# status, the repository $R they write into, and its writers.

if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_done
fi

# History is t0009's subject: here it must not decide the exit status.
NOHIST="--set commits.level=off --set contributors.level=off"
R=$TEST_TMP/demo

# readme: write README.md of $R from standard input.
readme() {
	cat >"$R/README.md"
}

# demo_readme: write README.md of $R, the title and introduction of the
# demo project first, then standard input.
demo_readme() {
	{
		printf '# Demo\n\n%s\n\n' \
			'Demo turns repository checklists into something a machine can check for you.' &&
		cat
	} >"$R/README.md"
}

# contributing: write CONTRIBUTING.md of $R from standard input.
contributing() {
	cat >"$R/CONTRIBUTING.md"
}
