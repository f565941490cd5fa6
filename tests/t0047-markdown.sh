#!/bin/sh
# t0047-markdown.sh: the markdown format (the Working Group's review
# table, to paste into the application issue or $GITHUB_STEP_SUMMARY) and
# the application format (a draft of the application issue). Both are
# pinned by golden files of a repository built here; the table is also
# rendered with a real GitHub-flavoured Markdown renderer (cmark-gfm with
# its table extension) and its cells compared, hostile text included.
#
# To regenerate the expected files after an intended change, run
#	ECOCHECK_REGEN_GOLDEN=1 make check TESTS=tests/t0047-markdown.sh
# and review the diff of tests/golden/*.md before committing it.
. "$(dirname "$0")/lib.sh"

GOLDEN=$ECOCHECK_SRCDIR/tests/golden
AS_OF=2026-01-02T00:00:00Z


# golden NAME FORMAT [options]: the FORMAT report of $TEST_TMP/NAME, the
# temporary directory as @TMP@, must be tests/golden/NAME.md.
golden() {
	_name=$1 _fmt=$2
	shift 2
	golden_status=0
	"$ECOCHECK" -f "$_fmt" --as-of "$AS_OF" "$@" "$TEST_TMP/$_name" \
		>"$TEST_TMP/$_name.raw" 2>"$TEST_TMP/$_name.err" ||
		golden_status=$?
	test_must_be_empty "$TEST_TMP/$_name.err" &&
	sed "s|$TEST_TMP|@TMP@|g" "$TEST_TMP/$_name.raw" >"$TEST_TMP/$_name.md" &&
	if [ -n "${ECOCHECK_REGEN_GOLDEN-}" ]; then
		cp "$TEST_TMP/$_name.md" "$GOLDEN/$_name.md"
	fi &&
	test_cmp "$GOLDEN/$_name.md" "$TEST_TMP/$_name.md"
}

# render FILE: FILE as HTML by cmark-gfm with tables, to FILE.html, and
# the cells of the first table's body, one "ROW<TAB>COL<TAB>TEXT" a line,
# to FILE.cells (cmark-gfm writes each cell on a line of its own).
render() {
	cmark-gfm -e table "$1" >"$1.html" &&
	awk '
		/<table>/ { t++ }
		t == 1 && /<tbody>/ { body = 1 }
		t == 1 && /<\/tbody>/ { body = 0 }
		body && /^<tr>/ { row++; col = 0 }
		body && /^<td/ { col++; s = $0; sub(/^<td[^>]*>/, "", s);
			sub(/<\/td>$/, "", s); print row "\t" col "\t" s }
	' "$1.html" >"$1.cells"
}

# cell FILE ROW COL: the text of one cell.
cell() {
	awk -F '\t' -v r="$2" -v c="$3" '$1 == r && $2 == c { print $3 }' \
		"$1.cells"
}

# A project with every status: most passes, LICENSE instead of LICENSE.md
# (Caution), no governance and no CODEOWNERS (Fail), too few contributors
# (Fail), stars and maintenance not given (Needs human judgment).
R=$TEST_TMP/demo
git init -q "$R"
write_demo_docs "$R"
printf '%s\n' "$LF_COC" >"$R/CODE_OF_CONDUCT.md"
cp "$ECOCHECK_SRCDIR/tests/fixtures/licenses/mit-plain.txt" "$R/LICENSE"
git -C "$R" add -A
test_tick
git -C "$R" commit -q -m "a demo project"
commits "$R" 31 3

test_expect_success 'markdown: the review table and its evidence, pinned' '
	golden demo markdown &&
	test_eq "$golden_status" 1
'

test_expect_success 'markdown: heading, 19 rows in order, statuses from the one mapping' '
	f=$TEST_TMP/demo.md &&
	grep -q "^## ecocheck review: demo$" "$f" &&
	grep -q "^- Commit: [0-9a-f]\{12\} ([0-9a-f]\{40\})$" "$f" &&
	grep -q "^- As of: 2026-01-02 (history window 2025-10-04 to 2026-01-02, 90 days)$" "$f" &&
	test_eq "$(grep -c "^| [0-9]*\. " "$f")" 19 &&
	grep "^| [0-9]*\. " "$f" | cut -d"|" -f2 | sed "s/^ //; s/\. .*//" >"$TEST_TMP/nums" &&
	seq 1 19 >"$TEST_TMP/want" &&
	test_cmp "$TEST_TMP/want" "$TEST_TMP/nums" &&
	grep -q "^| 3\. Governance | ❌ Fail | nothing found" "$f" &&
	grep -q "^| 15\. LICENSE\.md | ⚠️ Caution | license-file: LICENSE found, but LICENSE\.md is asked for · third-party-licenses: " "$f" &&
	grep -q "^| 14\. Stars | ❓ Needs human judgment | stars cannot be seen offline |$" "$f" &&
	grep -q "^| 7\. Permissive licensing | ✅ Pass | LICENSE is MIT" "$f" &&
	grep -q "^| 12\. Contributors | ❌ Fail | 4 contributors in the 90 days before 2026-01-02, fewer than 5 (window 2025-10-04 to 2026-01-02) |$" "$f" &&
	grep -q "^| 5\. Quick start | ✅ Pass | README\.md: quick start at line 6, with a code block; at README\.md:6 |$" "$f"
'

test_expect_success 'markdown: an evidence entry per row, with each rule, its evidence and fix' '
	f=$TEST_TMP/demo.md &&
	test_eq "$(grep -c "^#### [0-9]*\. " "$f")" 19 &&
	sed -n "/^#### 15\. /,/^#### 16\. /p" "$f" >"$TEST_TMP/e15" &&
	grep -q "^- \*\*license-file\*\*: ⚠️ Caution (fail, level warning): LICENSE found, but LICENSE\.md is asked for$" "$TEST_TMP/e15" &&
	grep -q "^  - at LICENSE$" "$TEST_TMP/e15" &&
	grep -q "^  - fix: rename LICENSE to LICENSE\.md$" "$TEST_TMP/e15" &&
	grep -q "^- \*\*third-party-licenses\*\*: ✅ Pass" "$TEST_TMP/e15" &&
	sed -n "/^#### 7\. /,/^#### 8\. /p" "$f" >"$TEST_TMP/e7" &&
	! grep -q "fix:" "$TEST_TMP/e7"
'

test_expect_success 'markdown: a rule of no requirement is under Other checks; a skipped row says so' '
	cat >"$TEST_TMP/o.ini" <<-\INI &&
	[ruleset]
	name = other
	requirement = 1 Read me
	requirement = 2 Notice
	[readme]
	type = file
	path = README.md
	requirement = 1
	[notice]
	type = file
	path = NOTICE
	level = off
	requirement = 2
	[security]
	type = file
	path = SECURITY.md
	INI
	test_expect_code 1 "$ECOCHECK" -f markdown -r "$TEST_TMP/o.ini" "$R" >"$TEST_TMP/o.md" &&
	grep -q "^| 1\. Read me | ✅ Pass | found README\.md |$" "$TEST_TMP/o.md" &&
	grep -q "^| 2\. Notice | Skipped | " "$TEST_TMP/o.md" &&
	sed -n "/^#### Other checks/,\$p" "$TEST_TMP/o.md" >"$TEST_TMP/other" &&
	grep -q "^- \*\*security\*\*: ❌ Fail (fail, level error): " "$TEST_TMP/other" &&
	! grep -q "^| .*security" "$TEST_TMP/o.md"
'

test_expect_success 'markdown: several repositories, one report each, a rule between' '
	cp -R "$R" "$TEST_TMP/demo2" &&
	test_expect_code 1 "$ECOCHECK" -f markdown --as-of "$AS_OF" "$R" "$TEST_TMP/demo2" >"$TEST_TMP/two.md" &&
	test_eq "$(grep -c "^## ecocheck review: " "$TEST_TMP/two.md")" 2 &&
	grep -B1 -A1 "^---$" "$TEST_TMP/two.md" >"$TEST_TMP/sep" &&
	test_eq "$(grep -c "^---$" "$TEST_TMP/two.md")" 1 &&
	test_eq "$(sed -n 1p "$TEST_TMP/sep")" "" &&
	test_eq "$(sed -n 3p "$TEST_TMP/sep")" ""
'

test_expect_success CMARK_GFM 'markdown: rendered by cmark-gfm, 19 rows of three cells, statuses in order' '
	render "$TEST_TMP/demo.md" &&
	test_eq "$(cut -f1 "$TEST_TMP/demo.md.cells" | sort -un | wc -l)" 19 &&
	test_eq "$(wc -l <"$TEST_TMP/demo.md.cells")" 57 &&
	awk -F "\t" "\$2 == 1 { sub(/\\. .*/, \"\", \$3); print \$3 }" \
		"$TEST_TMP/demo.md.cells" >"$TEST_TMP/nums" &&
	seq 1 19 >"$TEST_TMP/want" &&
	test_cmp "$TEST_TMP/want" "$TEST_TMP/nums" &&
	test_eq "$(cell "$TEST_TMP/demo.md" 3 2)" "❌ Fail" &&
	test_eq "$(cell "$TEST_TMP/demo.md" 7 2)" "✅ Pass" &&
	test_eq "$(cell "$TEST_TMP/demo.md" 14 2)" "❓ Needs human judgment" &&
	test_eq "$(cell "$TEST_TMP/demo.md" 15 2)" "⚠️ Caution" &&
	test_eq "$(cell "$TEST_TMP/demo.md" 19 1)" "19. CODE_OF_CONDUCT.md" &&
	grep "^<h4>" "$TEST_TMP/demo.md.html" >"$TEST_TMP/h4" &&
	test_eq "$(wc -l <"$TEST_TMP/h4")" 20 &&
	test_eq "$(tail -n 1 "$TEST_TMP/h4")" "<h4>Other checks</h4>"
'

# Hostile text from the repository: headings and a test file name with
# pipes, backticks, emphasis, brackets and HTML.
H=$TEST_TMP/hostile
git init -q "$H"
mkdir -p "$H/tests"
cat >"$H/README.md" <<'MD'
# Hostile | `tick` <script>alert(1)</script>

A project whose README tries to break a table with pipes and markup.

## A | B `code` <b>bold</b> *em* _u_ [x](http://e.org) ~~s~~

Words.

## 1. - + #

## Star \*x\* \<i\> \[y\](z)

More.
MD
printf 'def test_x():\n    pass\n' >"$H/tests/test_a|b\`c<script>.py"
git -C "$H" add -A
test_tick
git -C "$H" commit -q -m hostile

test_expect_success 'markdown: hostile text is escaped, line by line' '
	bt=$(printf "\\140") &&
	test_expect_code 1 "$ECOCHECK" -f markdown --as-of "$AS_OF" "$H" >"$TEST_TMP/h.md" &&
	test_eq "$(grep -c "^| [0-9]*\. " "$TEST_TMP/h.md")" 19 &&
	! grep -q "<script>" "$TEST_TMP/h.md" &&
	grep "^| 16\. " "$TEST_TMP/h.md" >"$TEST_TMP/r16" &&
	grep -qF "(found: Hostile \\| tick alert(1), A \\| B code bold em u x \\~\\~s\\~\\~, 1. - +, Star \\*x\\* \\<i\\> \\[y\\](z))" "$TEST_TMP/r16" &&
	grep "^| 8\. " "$TEST_TMP/h.md" | grep -qF "test_a\\|b\\${bt}c\\<script\\>.py"
'

test_expect_success CMARK_GFM 'markdown: hostile text renders as itself, in its cell' '
	render "$TEST_TMP/h.md" &&
	test_eq "$(cut -f1 "$TEST_TMP/h.md.cells" | sort -un | wc -l)" 19 &&
	test_eq "$(wc -l <"$TEST_TMP/h.md.cells")" 57 &&
	! grep -q "<script>\|<b>\|<em>\|<code>\|<del>\|<a " "$TEST_TMP/h.md.cells" &&
	bt=$(printf "\\140") &&
	cell "$TEST_TMP/h.md" 16 3 >"$TEST_TMP/c16" &&
	grep -qF "(found: Hostile | tick alert(1), A | B code bold em u x ~~s~~, 1. - +, Star *x* &lt;i&gt; [y](z))" "$TEST_TMP/c16" &&
	cell "$TEST_TMP/h.md" 8 3 >"$TEST_TMP/c8" &&
	grep -qF "tests/test_a|b${bt}c&lt;script&gt;.py" "$TEST_TMP/c8" &&
	! grep -q "<script>" "$TEST_TMP/h.md.html"
'

test_expect_success JQ 'readme-value: the title and first sentence of the introduction are evidence' '
	ec_json 1 --as-of "$AS_OF" "$R" &&
	jq -r ".results[] | select(.rule == \"readme-value\") | .evidence[] | \"\(.path):\(.line) \(.note)\"" \
		"$TEST_TMP/out.json" >ev &&
	printf "%s\n" "README.md:1 title: Demo" \
		"README.md:3 summary: Demo is a small library that shows what a healthy project looks like to the reviewers of the PyTorch Ecosystem Working Group." >want &&
	test_cmp want ev
'

test_expect_success JQ 'readme-value: badges and a bar of links are no summary; a tagline is' '
	B=$TEST_TMP/badges &&
	git init -q "$B" &&
	cat >"$B/README.md" <<-\MD &&
	<h1 align="center">Badged</h1>
	<h3 align="center">Train models anywhere with one line of code</h3>

	[![CI](https://e.org/ci.svg)](https://e.org/ci) [![PyPI](https://e.org/p.svg)](https://e.org/p)

	[Docs](https://e.org/docs) | [Install](https://e.org/install) | [Community](https://e.org/c)

	## Install

	pip install badged
	MD
	git -C "$B" add -A && test_tick && git -C "$B" commit -q -m badges &&
	ec_json 1 --as-of "$AS_OF" "$B" &&
	test_eq "$(result_of readme-value)" pass &&
	jq -r ".results[] | select(.rule == \"readme-value\") | .evidence[] | .note" "$TEST_TMP/out.json" >notes &&
	printf "%s\n" "title: Badged" "summary: Train models anywhere with one line of code" >want &&
	test_cmp want notes
'

test_expect_success 'application: the form drafted from the findings, pinned' '
	cp -R "$R" "$TEST_TMP/demo-app" &&
	golden demo-app application &&
	test_eq "$golden_status" 1
'

test_expect_success 'application: each field from its finding, blanks marked, the same table' '
	f=$TEST_TMP/demo-app.md &&
	test_eq "$(sed -n 1p "$f")" "## Ecosystem application draft: Demo" &&
	sed -n "/^### Project summary$/,/^### /p" "$f" >sum &&
	grep -qx "Demo is a small library that shows what a healthy project looks like to the reviewers of the PyTorch Ecosystem Working Group." sum &&
	sed -n "/^### Project license$/,/^### /p" "$f" >lic &&
	grep -qx "MIT (SPDX)" lic &&
	grep -q "(ecocheck rule license-permissive: ✅ Pass)$" lic &&
	sed -n "/^### GitHub handles of the maintainers$/,/^### /p" "$f" >who &&
	grep -qx "@ada, @aturing" who &&
	sed -n "/^### Version of PyTorch$/,/^### /p" "$f" >torch &&
	grep -q "^torch\\\\>=2.14 (pyproject.toml:7) admits 2.15 and 2.14" torch &&
	sed -n "/^### How the project is built and tested (CI)$/,/^### /p" "$f" >ci &&
	grep -q "^GitHub Actions runs tests: pytest at .github/workflows/tests.yml:9" ci &&
	for field in "Contact emails" "Project description" "Project repo URL" \
	    "Backing entity" "Components of PyTorch" \
	    "How long the project will be maintained"; do
		sed -n "/^### $field\$/,/^### /p" "$f" >blank &&
		grep -q "^_(to fill in: .*)_" blank || exit 1
	done &&
	grep "^| " "$f" >app-table &&
	grep "^| " "$TEST_TMP/demo.md" >md-table &&
	test_cmp md-table app-table &&
	test_eq "$(grep -c "^| [0-9]*\. " "$f")" 19
'

test_expect_success 'application: a maintenance commitment given as a fact fills its field' '
	test_expect_code 1 "$ECOCHECK" -f application --fact maintenance-commitment=yes "$R" >app.md &&
	sed -n "/^### How long the project will be maintained$/,/^### /p" app.md >m &&
	! grep -q "to fill in" m &&
	grep -q "(ecocheck rule maintenance: " m
'

if command -v nm >/dev/null 2>&1; then
	test_set_prereq NM
fi

test_expect_success NM 'markdown and application read the findings only: no file, tree or context call' '
	O=$(dirname "$ECOCHECK") &&
	for o in report-markdown.o report-application.o; do
		test -f "$O/$o" &&
		nm -u "$O/$o" | sed -n "s/^ *U //p" >syms &&
		if grep -E "^(ctx_|tree_|git_|open|open64|fopen|fopen64|stat|read|md_parse)" syms; then
			echo "$o reads by itself" && exit 1
		fi || exit 1
	done
'

test_done
