#!/bin/sh
# toml-conformance.sh: how many of toml-test's TOML 1.0 cases src/read/toml.c reads as the suite says
#
# Usage: tests/bench/toml-conformance.sh [-v]
#
# Reads the cases of toml-lang/toml-test from its snapshot at
# $SNAPSHOTS/toml-lang+toml-test/repo (a bare git directory, as fetching
# github:toml-lang/toml-test brings it; without SNAPSHOTS the script skips; or a clone at
# $SNAPSHOTS/toml-lang+toml-test) with "git archive", at $TOML_TEST_REV
# (default HEAD), unpacked into a temporary directory for the run; nothing
# of the suite is copied into this tree. Only the
# cases its tests/files-toml-1.0.0 lists count (the suite also holds TOML
# 1.1 cases). TOML_READ is the driver tests/toml-read (built by "make
# check"; default: next to $ECOCHECK's build).
#
# Every valid/*.toml must be read (exit 0) to the same values as its .json:
# both sides are put in one form with jq (-S sorts the keys; floats compared
# as numbers, nan without its sign; offset date-times as the UTC instant;
# trailing zeros of fractional seconds dropped; 't', 'z' and ' ' of date-times
# as 'T' and 'Z', as toml-test's own comparison does) and compared.
# Every invalid/*.toml must be refused (exit 1; any other status, a crash
# included, is a disagreement). Prints both figures and every
# disagreement (with -v, the differing JSON too); exits 1 when any.
set -eu

ECOCHECK=${ECOCHECK:-./src/ecocheck}
TOML_READ=${TOML_READ:-$(dirname "$ECOCHECK")/../tests/toml-read}
if [ -z "${SNAPSHOTS:-}" ]; then
	echo "toml-conformance.sh: skipped: set SNAPSHOTS to a directory of fetched snapshots (OWNER+NAME/repo, bare git directories; fetch github:toml-lang/toml-test)" >&2
	exit 0
fi
REV=${TOML_TEST_REV:-HEAD}
VERBOSE=0
[ "${1:-}" = -v ] && VERBOSE=1

command -v jq >/dev/null 2>&1 || { echo "toml-conformance.sh: needs jq" >&2; exit 2; }
[ -x "$TOML_READ" ] || {
	echo "toml-conformance.sh: $TOML_READ: not built (make check builds it)" >&2
	exit 2
}
dir=$SNAPSHOTS/toml-lang+toml-test
[ -d "$dir/repo" ] && dir=$dir/repo
git -C "$dir" rev-parse -q --verify "$REV^{commit}" >/dev/null 2>&1 || {
	echo "toml-conformance.sh: no toml-test snapshot at $dir (fetch github:toml-lang/toml-test)" >&2
	exit 2
}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/ecocheck-toml.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# One form for both sides of a comparison.
cat >"$TMP/norm.jq" <<'EOF'
def frac: if . == null then "" else sub("0+$"; "") | if . == "." then "" else . end end;
def dt($t):
  gsub(" "; "T") | gsub("t"; "T") | gsub("z"; "Z") |
  if $t == "datetime" then
    capture("^(?<d>[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2})(?<f>[.][0-9]+)?(?<o>Z|[-+][0-9]{2}:[0-9]{2})$") as $c
    | (if $c.o == "Z" then 0
       else ($c.o[1:3] | tonumber) * 3600 + ($c.o[4:6] | tonumber) * 60
         | if $c.o[0:1] == "-" then -. else . end end) as $off
    | (($c.d + "Z") | fromdateiso8601) - $off | todateiso8601
    | sub("Z$"; ($c.f | frac) + "Z")
  else
    (capture("^(?<a>[^.]*)(?<f>[.][0-9]+)?$") | .a + (.f | frac))
  end;
def norm:
  if type == "object" and (keys | sort) == ["type", "value"] and (.value | type) == "string" then
    .type as $t |
    if $t == "float" then
      .value |= (ascii_downcase |
        if test("nan") then "nan"
        elif test("inf") then (if startswith("-") then "-inf" else "inf" end)
        else tonumber | tostring end)
    elif $t == "bool" then .value |= ascii_downcase
    elif $t == "datetime" or $t == "datetime-local" or $t == "date-local" or $t == "time-local" then
      .value |= dt($t)
    else . end
  elif type == "object" then map_values(norm)
  elif type == "array" then map(norm)
  else . end;
norm
EOF

git -C "$dir" archive "$REV" tests | tar -x -C "$TMP"
grep '\.toml$' "$TMP/tests/files-toml-1.0.0" >"$TMP/list"
nv=0 av=0 ni=0 ri=0
: >"$TMP/bad"
while read -r f; do
	rc=0
	"$TOML_READ" "$TMP/tests/$f" >"$TMP/out.json" 2>"$TMP/err" || rc=$?
	msg=$(sed "s|^$TMP/tests/$f:||" "$TMP/err" | head -1)
	case $f in
	valid/*)
		nv=$((nv + 1))
		if [ $rc -ne 0 ]; then
			echo "  $f: refused (exit $rc): $msg" >>"$TMP/bad"
			continue
		fi
		jq -S -f "$TMP/norm.jq" "$TMP/tests/${f%.toml}.json" >"$TMP/want.n"
		jq -S -f "$TMP/norm.jq" "$TMP/out.json" >"$TMP/out.n" 2>&1 || true
		if cmp -s "$TMP/want.n" "$TMP/out.n"; then
			av=$((av + 1))
		else
			echo "  $f: read to different values" >>"$TMP/bad"
			[ $VERBOSE = 1 ] &&
				diff -u "$TMP/want.n" "$TMP/out.n" | sed 's/^/    /' >>"$TMP/bad"
		fi
		;;
	invalid/*)
		ni=$((ni + 1))
		if [ $rc -eq 1 ]; then
			ri=$((ri + 1))
		elif [ $rc -eq 0 ]; then
			echo "  $f: accepted" >>"$TMP/bad"
		else
			echo "  $f: exit $rc (crash?): $msg" >>"$TMP/bad"
		fi
		;;
	esac
done <"$TMP/list"

rev=$(git -C "$dir" rev-parse "$REV")
echo "toml-test ${rev%"${rev#????????????}"}, TOML 1.0 cases:"
echo "  valid:   $av/$nv read to the same values"
echo "  invalid: $ri/$ni refused"
if [ -s "$TMP/bad" ]; then
	echo "disagreements:"
	cat "$TMP/bad"
	exit 1
fi
