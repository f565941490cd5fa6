#!/bin/sh
# t0008-docs.sh: documentation that cannot drift: every option of the
# check command is in ecocheck(1), every rule type and key in
# ecocheck.ini(5), every shipped rule id in ecocheck-rules(7), every report
# format, command and JSON field in ecocheck(1). The options, types, keys,
# formats and rule ids come from the tables of the library itself, as
# tests/doc-tables prints them; the commands (a table of main.c, outside
# the library) from --help.
. "$(dirname "$0")/lib.sh"

M=$ECOCHECK_SRCDIR/man
TABLES=$(dirname "$ECOCHECK")/../tests/doc-tables

# documented LIST PAGE PATTERN WHAT: every line of LIST (not empty) is in
# the man page PAGE, where PATTERN is a grep pattern with @ for the item.
documented() {
	test -s "$1" || { echo "$1: nothing to look for"; return 1; }
	while read -r _item; do
		grep -q "$(printf "%s" "$3" | sed "s|@|$_item|g")" "$M/$2" ||
			{ echo "$2 lacks $4 $_item"; return 1; }
	done <"$1"
}

test_expect_success 'every option of the check command is documented in ecocheck(1)' '
	"$TABLES" options >opts &&
	documented opts ecocheck.1.in "^\.It .*Fl \\\\-@\\b" option
'

test_expect_success 'every option of the diff command is documented in ecocheck(1)' '
	"$TABLES" diff-options >dopts &&
	documented dopts ecocheck.1.in "^\.It .*Fl \\\\-@\\b" option &&
	sed -n "/^\.Ss Comparing two reviews/,/^\.Sh /p" "$M/ecocheck.1.in" >diff.sec &&
	while read -r _o; do
		grep -q "^\.It .*Fl \\\\-$_o\\b" diff.sec ||
			{ echo "the diff section lacks --$_o"; return 1; }
	done <dopts
'

test_expect_success 'every option of the suggest command is documented in ecocheck(1)' '
	"$TABLES" suggest-options >sopts &&
	sed -n "/^\.Ss Drafts of CODEOWNERS/,/^\.S[hs] /p" "$M/ecocheck.1.in" >suggest.sec &&
	test -s suggest.sec &&
	while read -r _o; do
		grep -q "^\.It .*Fl \\\\-$_o\\b" suggest.sec ||
			{ echo "the suggest section lacks --$_o"; return 1; }
	done <sopts
'

test_expect_success 'every rule type and key is documented in ecocheck.ini(5)' '
	"$TABLES" keys >keys.all &&
	sort -u keys.all >keys &&
	documented keys ecocheck.ini.5 "^\.It Ic @\$" key &&
	"$TABLES" types >types &&
	documented types ecocheck.ini.5 "^\.It Cm @\$" type
'

test_expect_success 'every shipped rule id is documented in ecocheck-rules(7)' '
	"$TABLES" ids "$ECOCHECK_SRCDIR"/rules/*.ini >ids.all &&
	sort -u ids.all >ids &&
	documented ids ecocheck-rules.7 "^\.It Li @\$" rule
'

test_expect_success JQ 'every JSON field ecocheck writes is documented in ecocheck(1)' '
	mkdir r && git -C r init -q && echo x >r/README.md &&
	printf "[commits]\nmin = 1\n[governance]\nexempt = x\nuntil = 9999-12-31\n" \
		>r/.ecocheck.ini &&
	test_expect_code 1 "$ECOCHECK" --format json r >out.json &&
	jq -e ".results[] | select(.changed_by_repo)" out.json >/dev/null &&
	jq -e ".results[] | select(.exempt)" out.json >/dev/null &&
	jq -r "[paths | map(select(type == \"string\")) | last] | unique | .[]" out.json |
		grep -v "^null$" >fields &&
	documented fields ecocheck.1.in "Dq @\\b\\|Li @\\b" "JSON field"
'

test_expect_success JQ 'every JSON field ecocheck diff writes is documented in ecocheck(1)' '
	git -C r add README.md .ecocheck.ini &&
	test_tick &&
	git -C r commit -q -m one &&
	test_expect_code 1 "$ECOCHECK" --format json r >old.json &&
	git -C r rm -q README.md &&
	test_tick &&
	git -C r commit -q -m two &&
	test_expect_code 1 "$ECOCHECK" diff --format json old.json HEAD r >diff.json &&
	jq -e ".changes[0].rule" diff.json >/dev/null &&
	jq -r "[paths | map(select(type == \"string\")) | last] | unique | .[]" diff.json |
		grep -v "^null$" >dfields &&
	documented dfields ecocheck.1.in "Dq @\\b\\|Li @\\b" "JSON field"
'

test_expect_success 'every format and command is documented in ecocheck(1)' '
	"$TABLES" formats >formats &&
	test "$(wc -l <formats)" -ge 3 &&
	documented formats ecocheck.1.in "Cm @\b" format &&
	"$ECOCHECK" --help >help &&
	sed -n "s/^ *\(usage:\)\{0,1\} *ecocheck \([a-z][a-z]*\) .*/\2/p" help >commands &&
	grep -qx diff commands &&
	documented commands ecocheck.1.in "^\.Cm @\$" command
'

test_done
