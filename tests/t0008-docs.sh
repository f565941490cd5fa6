#!/bin/sh
# t0008-docs.sh: documentation that cannot drift: every option of --help is
# in ecocheck(1), every rule type and key in ecocheck.ini(5), every shipped
# rule id in ecocheck-rules(7), and every JSON field in ecocheck(1)
. "$(dirname "$0")/lib.sh"

M=$ECOCHECK_SRCDIR/man

# documented LIST PAGE PATTERN WHAT: every line of LIST (not empty) is in
# the man page PAGE, where PATTERN is a grep pattern with @ for the item.
documented() {
	test -s "$1" || { echo "$1: nothing to look for"; return 1; }
	while read -r _item; do
		grep -q "$(printf "%s" "$3" | sed "s|@|$_item|g")" "$M/$2" ||
			{ echo "$2 lacks $4 $_item"; return 1; }
	done <"$1"
}

test_expect_success 'every option of --help is documented in ecocheck(1)' '
	"$ECOCHECK" --help | sed -n "s/.*--\([a-z-]*\).*/\1/p" | sort -u >opts &&
	documented opts ecocheck.1 "^\.It .*Fl \\\\-@\\b" option
'

test_expect_success 'every rule type and key is documented in ecocheck.ini(5)' '
	cat "$ECOCHECK_SRCDIR"/src/rule-*.c "$ECOCHECK_SRCDIR"/src/rules.c |
		sed -n "s/^[[:space:]]*{ \"\([a-z_]*\)\", KEY_.*/\1/p" | sort -u >keys &&
	documented keys ecocheck.ini.5 "^\.It Ic @\$" key &&
	sed -n "s/^[[:space:]]*\.name = \"\([a-z-]*\)\",/\1/p" "$ECOCHECK_SRCDIR"/src/rule-*.c >types &&
	documented types ecocheck.ini.5 "^\.It Cm @\$" type
'

test_expect_success 'every shipped rule id is documented in ecocheck-rules(7)' '
	for f in "$ECOCHECK_SRCDIR"/rules/*.ini; do
		sed -n "s/^\[\([a-z0-9_-]*\)\]\$/\1/p" "$f" | grep -v -x -e ruleset -e facts
	done | sort -u >ids &&
	documented ids ecocheck-rules.7 "^\.It Li @\$" rule
'

test_expect_success JQ 'every JSON field ecocheck writes is documented in ecocheck(1)' '
	mkdir r && git -C r init -q && echo x >r/README.md &&
	test_expect_code 1 "$ECOCHECK" --format json r >out.json &&
	jq -r "[paths | map(select(type == \"string\")) | last] | unique | .[]" out.json |
		grep -v "^null$" >fields &&
	documented fields ecocheck.1 "Dq @\\b\\|Li @\\b" "JSON field"
'

test_expect_success 'every format and command of --help is documented in ecocheck(1)' '
	"$ECOCHECK" --help >help &&
	sed -n "s/^Formats://p" help | tr -d "()" | tr " " "\n" |
		grep -v -e "^\$" -e "planned:" >formats &&
	test "$(wc -l <formats)" -ge 3 &&
	documented formats ecocheck.1 "Cm @\b" format &&
	sed -n "s/^ *\(usage:\)\{0,1\} *ecocheck \([a-z][a-z]*\) .*/\2/p" help >commands &&
	grep -qx diff commands &&
	documented commands ecocheck.1 "^\.Cm @\$" command
'

test_done
