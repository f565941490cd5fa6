#!/bin/sh
# t0012-read-outcomes.sh: every rule type that reads a file says the same
# of a file it cannot read as asked (ecocheck.ini(5), RULE TYPES): a link
# fails naming its target, a file that cannot be read is unknown, a
# binary file fails contains, a submodule is not a file. Then the types
# that read a file of their own (license, codeowners, maintainers, ci,
# tests, python-dependency, python-package): a link, an unreadable blob, a file
# gone from the working tree or replaced there by a directory, and NUL
# bytes, each in the read judge's words in every rule that reads it.
. "$(dirname "$0")/lib.sh"

if ! test_have_prereq JQ; then
	skip_all='jq not installed'
	test_done
fi

cat >"$TEST_TMP/read.ini" <<'EOF_INI'
[ruleset]
name = read-outcomes

[f]
type = file
path = DOC.md
min_bytes = 10

[c]
type = contains
file = DOC.md
pattern = hello

[s]
type = sections
file = DOC.md
section = Usage: usage
EOF_INI

# The result, message or evidence note of the three rules, one a line.
three() {
	for _r in f c s; do
		result_of "$_r" "$1" || return 1
	done
}

R=$TEST_TMP/repo
make_repo "$R" >/dev/null
printf '# Doc\n\nhello there, this is the document.\n\n## Usage\n\nRun it.\n' >"$R/DOC.md"
git -C "$R" add DOC.md && test_tick && git -C "$R" commit -q -m doc

test_expect_success 'a readable file: the three rules pass' '
	ec_json 0 -r "$TEST_TMP/read.ini" "$R" &&
	three result >got &&
	printf "pass\npass\npass\n" >want &&
	test_cmp want got
'

test_expect_success 'an unreadable file is unknown in every type, named, error printed' '
	U=$TEST_TMP/unreadable &&
	cp -R "$R" "$U" &&
	blob=$(git -C "$U" rev-parse HEAD:DOC.md) &&
	obj=$U/.git/objects/$(printf %s "$blob" | cut -c1-2)/$(printf %s "$blob" | cut -c3-) &&
	test -f "$obj" &&
	rm -f "$obj" &&
	ec_json 0 -r "$TEST_TMP/read.ini" --rev HEAD "$U" &&
	three result >got &&
	printf "unknown\nunknown\nunknown\n" >want &&
	test_cmp want got &&
	three message | sort -u >msgs &&
	echo "DOC.md cannot be read" >want &&
	test_cmp want msgs &&
	for r in f c s; do
		jq -e --arg r "$r" ".results[] | select(.rule == \$r) |
			.evidence[0].path == \"DOC.md\" and .evidence[0].note == \"unreadable\"" \
			"$TEST_TMP/out.json" >/dev/null || exit 1
	done &&
	grep -c "DOC.md" "$TEST_TMP/err" >n &&
	echo 1 >want &&
	test_cmp want n &&
	test_expect_code 1 "$ECOCHECK" -r "$TEST_TMP/read.ini" --rev HEAD --strict \
		"$U" >/dev/null 2>&1
'

test_expect_success 'a symbolic link fails in every type, naming its target' '
	L=$TEST_TMP/link &&
	git clone -q "$R" "$L" &&
	git -C "$L" mv DOC.md REAL.md &&
	ln -s REAL.md "$L/DOC.md" &&
	ec_json 1 -r "$TEST_TMP/read.ini" "$L" &&
	three result >got &&
	printf "fail\nfail\nfail\n" >want &&
	test_cmp want got &&
	three message | sort -u >msgs &&
	echo "DOC.md is a symbolic link to REAL.md; links are not followed" >want &&
	test_cmp want msgs &&
	three fix | sort -u >fixes &&
	echo "replace the link DOC.md with the file itself" >want &&
	test_cmp want fixes
'

test_expect_success 'a submodule where the file should be is no file in every type' '
	S=$TEST_TMP/submodule &&
	git clone -q "$R" "$S" &&
	git -C "$S" rm -q --cached DOC.md &&
	rm "$S/DOC.md" &&
	git -C "$S" update-index --add --cacheinfo 160000,$(git -C "$R" rev-parse HEAD),DOC.md &&
	ec_json 1 -r "$TEST_TMP/read.ini" --staged --absolute "$S" &&
	three result >got &&
	printf "fail\nfail\nfail\n" >want &&
	test_cmp want got &&
	three message | grep -c "no DOC.md" >n &&
	echo 3 >want &&
	test_cmp want n
'

test_expect_success 'a binary file fails contains; it exists for file; sections reads it' '
	B=$TEST_TMP/binary &&
	git clone -q "$R" "$B" &&
	printf "# Doc\n\nhello \000 there\n\n## Usage\n\nRun it.\n" >"$B/DOC.md" &&
	ec_json 1 -r "$TEST_TMP/read.ini" "$B" &&
	test_eq "$(result_of f)" pass &&
	test_eq "$(result_of c)" fail &&
	test_eq "$(result_of c message)" "DOC.md is a binary file" &&
	test_eq "$(result_of c evidence[0].note)" binary &&
	test_eq "$(result_of s)" pass
'


# --- every other rule type that reads a file ----------------------------

cat >"$TEST_TMP/every.ini" <<'EOF_INI'
[ruleset]
name = every-reader
[l]
type = license
file = LICENSE
[o]
type = codeowners
path = CODEOWNERS
dirs = .
[m]
type = maintainers
file = MAINTAINERS.md
min = 1
[ci]
type = ci
[t]
type = tests
[pd]
type = python-dependency
package = torch
admit = 2.15 2.14
[pp]
type = python-package
EOF_INI
EVERY="-r $TEST_TMP/every.ini"

E=$TEST_TMP/every
git init -q "$E"
cp "$ECOCHECK_SRCDIR/LICENSE.md" "$E/LICENSE"
echo "* @alice @bob" >"$E/CODEOWNERS"
printf '# Maintainers\n\n- Alice Smith (@alice)\n- Bob Jones (@bob)\n' >"$E/MAINTAINERS.md"
mkdir -p "$E/.github/workflows" "$E/tests" "$E/ci"
printf 'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pip install "torch>=2.14"\n      - run: pytest\n' >"$E/.github/workflows/test.yml"
printf 'def test_x():\n    assert 1\n' >"$E/tests/test_x.py"
printf '[build-system]\nrequires = ["setuptools"]\nbuild-backend = "setuptools.build_meta"\n[project]\nname = "demo"\nversion = "1.0"\ndependencies = ["torch>=2.14"]\n' >"$E/pyproject.toml"
git -C "$E" add -A && test_tick && git -C "$E" commit -q -m every

# The rules that read FILE, in every.ini.
readers_of() {
	case $1 in
	LICENSE) echo l ;;
	CODEOWNERS) echo o ;;
	MAINTAINERS.md) echo m ;;
	.github/workflows/test.yml) echo ci t ;;
	pyproject.toml) echo pd pp ;;
	esac
}

# The exit status when FILE cannot be judged: its CI rules are unknown
# (a CI file that cannot be read leaves open whether CI runs tests), so
# is core-maintainers (another document may name them), the others fail.
status_of() {
	case $1 in
	.github/* | MAINTAINERS.md) echo 0 ;;
	*) echo 1 ;;
	esac
}

# judged FILE MESSAGE: every rule that reads FILE is fail or unknown with
# the read judge's MESSAGE in its own, and the other rules still pass.
judged() {
	for _r in l o m ci t pd pp; do
		_res=$(result_of "$_r") &&
		case " $(readers_of "$1") " in
		*" $_r "*)
			case $_res in fail | unknown) ;; *) echo "$_r: $_res" >&3; return 1 ;; esac &&
			result_of "$_r" message | grep -qF "$2" ||
				{ echo "$_r: $(result_of "$_r" message)" >&3; return 1; } ;;
		*)
			test_eq "$_r:$_res" "$_r:pass" || return 1 ;;
		esac
	done
}

test_expect_success 'every reader: the sound repository passes' '
	ec_json 0 $EVERY "$E" &&
	judged NONE ""
'

for file in LICENSE CODEOWNERS MAINTAINERS.md .github/workflows/test.yml pyproject.toml
do
	test_expect_success "every reader: $file as a symbolic link is named as a link" "
		rm -rf \"\$TEST_TMP/el\" && git clone -q \"\$E\" \"\$TEST_TMP/el\" &&
		mkdir -p \"\$TEST_TMP/el/ci\" &&
		git -C \"\$TEST_TMP/el\" mv $file ci/real &&
		ln -s \"\$(echo $file | sed 's|[^/]*/|../|g; s|[^/]*\$||')ci/real\" \"\$TEST_TMP/el/$file\" &&
		ec_json \$(status_of $file) $EVERY \"\$TEST_TMP/el\" &&
		judged $file \"$file is a symbolic link to \" &&
		result_of \"\$(readers_of $file | cut -d\" \" -f1)\" message |
			grep -qF \"; links are not followed\"
	"

	test_expect_success "every reader: $file that cannot be read is unknown, one line on stderr" "
		rm -rf \"\$TEST_TMP/eu\" && cp -R \"\$E\" \"\$TEST_TMP/eu\" &&
		blob=\$(git -C \"\$TEST_TMP/eu\" rev-parse HEAD:$file) &&
		rm \"\$TEST_TMP/eu/.git/objects/\$(echo \$blob | cut -c1-2)/\$(echo \$blob | cut -c3-)\" &&
		ec_json 0 $EVERY --rev HEAD \"\$TEST_TMP/eu\" &&
		judged $file \"$file cannot be read\" &&
		test_line_count 1 \"\$TEST_TMP/err\" &&
		grep -qF \"$file\" \"\$TEST_TMP/err\"
	"
done

for file in CODEOWNERS .github/workflows/test.yml pyproject.toml
do
	test_expect_success "every reader: $file gone from the working tree is named missing" "
		rm -rf \"\$TEST_TMP/em\" && git clone -q \"\$E\" \"\$TEST_TMP/em\" &&
		rm \"\$TEST_TMP/em/$file\" &&
		ec_json \$(status_of $file) $EVERY \"\$TEST_TMP/em\" &&
		judged $file \"$file is missing from the working tree\"
	"

	test_expect_success "every reader: $file replaced by a directory is not a regular file" "
		rm -rf \"\$TEST_TMP/ed\" && git clone -q \"\$E\" \"\$TEST_TMP/ed\" &&
		rm \"\$TEST_TMP/ed/$file\" && mkdir \"\$TEST_TMP/ed/$file\" &&
		echo x >\"\$TEST_TMP/ed/$file/x\" &&
		ec_json \$(status_of $file) $EVERY \"\$TEST_TMP/ed\" &&
		judged $file \"$file is not a regular file\"
	"
done

for file in LICENSE MAINTAINERS.md .github/workflows/test.yml pyproject.toml
do
	test_expect_success "every reader: $file with NUL bytes is a binary file" "
		rm -rf \"\$TEST_TMP/eb\" && git clone -q \"\$E\" \"\$TEST_TMP/eb\" &&
		printf 'x\\000y\\n' >\"\$TEST_TMP/eb/$file\" &&
		git -C \"\$TEST_TMP/eb\" add $file &&
		ec_json \$(status_of $file) $EVERY --staged \"\$TEST_TMP/eb\" &&
		judged $file \"$file is a binary file\"
	"
done

test_done
