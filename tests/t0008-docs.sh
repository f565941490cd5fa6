#!/bin/sh
# t0008-docs.sh: documentation that cannot drift: every option of --help is
# in ecocheck(1), every rule type and key in ecocheck.ini(5), every shipped
# rule id in ecocheck-rules(7), and every JSON field in ecocheck(1)
. "$(dirname "$0")/lib.sh"

M=$ECOCHECK_SRCDIR/man

test_expect_success 'every option of --help is documented in ecocheck(1)' '
	"$ECOCHECK" --help | sed -n "s/.*--\([a-z-]*\).*/\1/p" | sort -u >opts &&
	test -s opts &&
	while read -r o; do
		grep -q "^\.It .*Fl \\\\-$o\\b" "$M/ecocheck.1" ||
			{ echo "ecocheck.1 lacks --$o"; exit 1; }
	done <opts
'

test_expect_success 'every rule type and key is documented in ecocheck.ini(5)' '
	cat "$ECOCHECK_SRCDIR"/src/rule-*.c "$ECOCHECK_SRCDIR"/src/rules.c |
		sed -n "s/^[[:space:]]*{ \"\([a-z_]*\)\", KEY_.*/\1/p" | sort -u >keys &&
	test -s keys &&
	while read -r k; do
		grep -q "^\.It Ic $k\$" "$M/ecocheck.ini.5" ||
			{ echo "ecocheck.ini.5 lacks key $k"; exit 1; }
	done <keys &&
	sed -n "s/^[[:space:]]*\.name = \"\([a-z-]*\)\",/\1/p" "$ECOCHECK_SRCDIR"/src/rule-*.c >types &&
	test -s types &&
	while read -r t; do
		grep -q "^\.It Cm $t\$" "$M/ecocheck.ini.5" ||
			{ echo "ecocheck.ini.5 lacks type $t"; exit 1; }
	done <types
'

test_expect_success 'every shipped rule id is documented in ecocheck-rules(7)' '
	for f in "$ECOCHECK_SRCDIR"/rules/*.ini; do
		sed -n "s/^\[\([a-z0-9_-]*\)\]\$/\1/p" "$f" | grep -v -x -e ruleset -e facts
	done | sort -u >ids &&
	test -s ids &&
	while read -r id; do
		grep -q "^\.It Li $id\$" "$M/ecocheck-rules.7" ||
			{ echo "ecocheck-rules.7 lacks rule $id"; exit 1; }
	done <ids
'

test_expect_success 'every JSON field ecocheck writes is documented in ecocheck(1)' '
	mkdir r && git -C r init -q && echo x >r/README.md &&
	"$ECOCHECK" --format json r >out.json || :
	jq -r "[paths | map(select(type == \"string\")) | last] | unique | .[]" out.json |
		grep -v "^null$" >fields &&
	test -s fields &&
	while read -r f; do
		grep -q "Dq $f\\b\|Li $f\\b" "$M/ecocheck.1" ||
			{ echo "ecocheck.1 lacks JSON field $f"; exit 1; }
	done <fields
'

test_done
