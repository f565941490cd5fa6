#!/bin/sh
# license.sh: time license identification and compare ecocheck, licensecheck and licensee on the fixtures
#
# Usage: tests/bench/license.sh [FILE...]
#
# LICENSE_ID is the driver tests/license-id (built by "make check";
# default: next to $ECOCHECK's build). It prints the mean microseconds
# per identification, corpus load included, over $RUNS runs (default
# 50) of each fixture of tests/fixtures/licenses (or of the FILEs).
# Then, for each fixture with an expected id in expected.tsv, it asks
# ecocheck, "licensecheck" (Debian) and, where installed, "licensee
# detect" and counts, for each tool, the answers right, wrong (another
# license named) and none (no license or unknown). Expected NONE or
# NOASSERTION is right when the tool names no license.
set -eu

ECOCHECK=${ECOCHECK:-./src/ecocheck}
RUNS=${RUNS:-50}
SRCDIR=$(cd "$(dirname "$0")/../.." && pwd)
FIX=$SRCDIR/tests/fixtures/licenses
CORPUS=$SRCDIR/rules/licenses
LICENSE_ID=${LICENSE_ID:-$(dirname "$ECOCHECK")/../tests/license-id}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

if [ $# -gt 0 ]; then
	"$LICENSE_ID" -c "$CORPUS" -n "$RUNS" "$@" >/dev/null
	exec "$LICENSE_ID" -c "$CORPUS" "$@"
fi

echo "time per identification (corpus load included, $RUNS runs a file):"
"$LICENSE_ID" -c "$CORPUS" -n "$RUNS" "$FIX"/* 2>&1 >/dev/null | sed 's/^/  /'

# Map a tool's answer to an SPDX id, NONE for none.
norm() {
	sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' \
	    -e 's/^Expat$/MIT/' -e 's/^Apache-2.0$/Apache-2.0/' \
	    -e 's/^BSD-3-clause$/BSD-3-Clause/' -e 's/^BSD-2-clause$/BSD-2-Clause/' \
	    -e 's/^GPL-2$/GPL-2.0-only/' -e 's/^GPL-2+$/GPL-2.0-or-later/' \
	    -e 's/^GPL-3$/GPL-3.0-only/' -e 's/^GPL-3+$/GPL-3.0-or-later/' \
	    -e 's/^LGPL-2.1$/LGPL-2.1-only/' -e 's/^LGPL-3$/LGPL-3.0-only/' \
	    -e 's/^\(GPL-[23].0\)$/\1-only/' -e 's/^\(LGPL-2.1\)$/\1-only/' \
	    -e 's/^\(LGPL-3.0\)$/\1-only/' -e 's/^\(AGPL-3.0\)$/\1-only/' \
	    -e 's/^ISC$/ISC/' -e 's/^0BSD$/0BSD/' \
	    -e 's/^UNKNOWN$/NONE/' -e 's/^NOASSERTION$/NONE/' -e 's/^other$/NONE/' \
	    -e 's/^$/NONE/'
}

# Whether the answer is right for the expected id: 1 right, 0 none, -1 wrong.
judge() {
	want=$1 got=$2
	case "$want" in NONE|NOASSERTION) want=NONE ;; esac
	if [ "$got" = "$want" ]; then echo right
	elif [ "$got" = NONE ]; then echo none
	else echo wrong
	fi
}

have_licensee=0
command -v licensee >/dev/null 2>&1 && have_licensee=1
printf '\n%-34s %-18s %-18s %-18s %s\n' file expected ecocheck licensecheck licensee
for t in ecocheck licensecheck licensee; do
	for k in right wrong none; do eval "${t}_$k=0"; done
done
grep -v '^#' "$FIX/expected.tsv" | while IFS='	' read -r f want others; do
	e=$("$LICENSE_ID" -c "$CORPUS" "$FIX/$f" | cut -f2 | sed 's/^NOASSERTION$/NONE/')
	lc=$(licensecheck --shortname-scheme=spdx -m "$FIX/$f" 2>/dev/null |
	    cut -f2 | sed 's/ and\/or .*//; s/ or .*//' | norm)
	if [ $have_licensee = 1 ]; then
		mkdir -p "$TMP/r" && rm -f "$TMP/r"/* && cp "$FIX/$f" "$TMP/r/LICENSE"
		ld=$(licensee detect --json "$TMP/r" 2>/dev/null | ruby -rjson -e \
		    'j = JSON.parse(STDIN.read); l = j["licenses"].first; puts(l ? l["spdx_id"] : "")' 2>/dev/null | norm)
	else
		ld=-
	fi
	printf '%-34s %-18s %-18s %-18s %s\n' "$f" "$want" "$e" "$lc" "$ld"
	echo "ecocheck $(judge "$want" "$e")" >>"$TMP/tally"
	echo "licensecheck $(judge "$want" "$lc")" >>"$TMP/tally"
	[ $have_licensee = 1 ] && echo "licensee $(judge "$want" "$ld")" >>"$TMP/tally"
	:
done
echo
for t in ecocheck licensecheck licensee; do
	[ -f "$TMP/tally" ] || break
	r=$(grep -c "^$t right" "$TMP/tally" || true)
	w=$(grep -c "^$t wrong" "$TMP/tally" || true)
	n=$(grep -c "^$t none" "$TMP/tally" || true)
	[ $((r + w + n)) -gt 0 ] && printf '%-13s right %3d  wrong %3d  none %3d\n' "$t" "$r" "$w" "$n"
done
