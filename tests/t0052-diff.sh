#!/bin/sh
# t0052-diff.sh: ecocheck diff OLD NEW [PATH]: two revisions of a
# repository, each judged as of its own commit date (the history window
# moves with it), or two saved JSON reports, compared rule by rule; text,
# json and markdown; exit 1 only when a rule regressed; reports of another
# schema, malformed reports and unknown revisions refused in one line.
. "$(dirname "$0")/lib.sh"


# v1: a healthy project, 31 commits by five people in its last 90 days,
# no CODEOWNERS. v2, 200 days later: LICENSE.md deleted, a CODEOWNERS
# added, and no commit in the 90 days before but its own. v3, a minute
# after: LICENSE.md back.
R=$TEST_TMP/demo
git init -q "$R"
write_demo_docs "$R"
printf '%s\n' "$LF_COC" >"$R/CODE_OF_CONDUCT.md"
cp "$ECOCHECK_SRCDIR/tests/fixtures/licenses/mit-plain.txt" "$R/LICENSE.md"
git -C "$R" add -A
test_tick
git -C "$R" commit -q -m "a demo project"
commits "$R" 31 5
git -C "$R" tag v1
test_time=$((test_time + 200 * 86400))
git -C "$R" rm -q LICENSE.md
printf '* @ada\n' >"$R/CODEOWNERS"
git -C "$R" add -A
test_tick
git -C "$R" commit -q -m "license out, codeowners in"
git -C "$R" tag v2
cp "$ECOCHECK_SRCDIR/tests/fixtures/licenses/mit-plain.txt" "$R/LICENSE.md"
git -C "$R" add -A
test_tick
git -C "$R" commit -q -m "license back"
git -C "$R" tag v3

# diff_of STATUS ARGS...: ecocheck diff ARGS... into out and err, exiting
# with STATUS.
diff_of() {
	_want=$1
	shift
	_st=0
	"$ECOCHECK" diff "$@" >out 2>err || _st=$?
	if [ "$_st" -ne "$_want" ]; then
		echo "exit status $_st, want $_want: ecocheck diff $*" >&3
		cat err >&3
		return 1
	fi
}

test_expect_success 'two revisions: what regressed, what was fixed, exit 1' '
	diff_of 1 v1 v2 "$R" &&
	test_must_be_empty err &&
	grep -q "^was: v1 (revision, commit [0-9a-f]\{12\}, as of 2026-01-01)$" out &&
	grep -q "^now: v2 (revision, commit [0-9a-f]\{12\}, as of 2026-07-20)$" out &&
	grep -q "^regressed  license-file  *pass -> fail: no LICENSE\.md (looked for" out &&
	grep -q "^regressed  commits  *pass -> fail: 1 commit in the 90 days before 2026-07-20, fewer than 30$" out &&
	grep -q "^regressed  contributors  *pass -> fail: " out &&
	grep -q "^fixed      codeowners  *fail -> caution: CODEOWNERS: 1 owner" out &&
	grep -q "^[0-9][0-9]* unchanged$" out &&
	! grep -q "^unchanged " out &&
	sed -n "/^regressed/,/^fixed/p" out | tail -1 | grep -q "^fixed" &&
	test_eq "$(grep -c "^fixed" out)" 1 &&
	tail -1 out | grep -q " unchanged$"
'

test_expect_success 'a revision against itself: nothing changed, exit 0' '
	diff_of 0 v1 v1 "$R" &&
	test_eq "$(grep -c "^regressed\|^fixed\|^new\|^gone" out)" 0 &&
	grep -q "^[1-9][0-9]* unchanged$" out
'

test_expect_success 'only fixes: exit 0; the reverse of a fix is a regression' '
	diff_of 0 v2 v3 "$R" &&
	grep -q "^fixed      license-file  *fail -> pass: found LICENSE\.md$" out &&
	! grep -q "^regressed" out &&
	diff_of 1 v2 v1 "$R" &&
	grep -q "^regressed  codeowners  *caution -> fail: no CODEOWNERS" out &&
	grep -q "^fixed      commits  *fail -> pass: " out
'

test_expect_success 'PATH defaults to the current directory; a folder inside works' '
	(cd "$R" && "$ECOCHECK" diff v2 v3 >../cwd.out) &&
	(cd "$R/tests" && "$ECOCHECK" diff v2 v3 >../../sub.out) &&
	diff_of 0 v2 v3 "$R" &&
	test_cmp out cwd.out &&
	test_cmp out sub.out
'

test_expect_success JQ 'two saved reports: the same changes as the revisions' '
	test_expect_code 1 "$ECOCHECK" -f json --rev v1 --as-of HEAD "$R" >old.json &&
	test_expect_code 1 "$ECOCHECK" -f json --rev v2 --as-of HEAD "$R" >new.json &&
	diff_of 1 old.json new.json &&
	test_must_be_empty err &&
	grep -q "^was: old\.json (report, commit [0-9a-f]\{12\}, as of 2026-01-01)$" out &&
	sed 1,2d out >reports.out &&
	diff_of 1 v1 v2 "$R" &&
	sed 1,2d out >revs.out &&
	test_cmp revs.out reports.out
'

test_expect_success JQ 'a saved report against a revision' '
	diff_of 0 new.json v3 "$R" &&
	grep -q "^was: new\.json (report, " out &&
	grep -q "^now: v3 (revision, " out &&
	grep -q "^fixed      license-file " out
'

test_expect_success JQ 'json: the document and every field of it' '
	diff_of 1 -f json v1 v2 "$R" &&
	test_must_be_empty err &&
	jq -e ".schema == 1 and .tool.name == \"ecocheck\"" out >/dev/null &&
	jq -e ".old.kind == \"revision\" and .old.source == \"v1\" and
		(.old.head | test(\"^[0-9a-f]{40}$\")) and
		(.old.as_of | startswith(\"2026-01-01T\"))" out >/dev/null &&
	jq -e ".new.source == \"v2\" and (.new.as_of | startswith(\"2026-07-20\"))" out >/dev/null &&
	jq -e "[.changes[] | select(.rule == \"license-file\")][0] |
		.change == \"regressed\" and .was == \"pass\" and .now == \"fail\" and
		(.message | startswith(\"no LICENSE.md\"))" out >/dev/null &&
	jq -e "[.changes[] | select(.rule == \"codeowners\")][0] |
		.change == \"fixed\" and .was == \"fail\" and .now == \"caution\"" out >/dev/null &&
	jq -e ".summary.regressed == 4 and .summary.fixed == 1 and
		.summary.new == 0 and .summary.gone == 0 and .summary.unchanged > 10" out >/dev/null &&
	jq -e "[.changes[].change] | index(\"unchanged\") == null" out >/dev/null
'

test_expect_success JQ 'a rule only in one report is new or gone, with none for the other side' '
	jq "del(.results[] | select(.rule == \"stars\"))" old.json >nostars.json &&
	diff_of 1 -f json nostars.json new.json &&
	jq -e "[.changes[] | select(.rule == \"stars\")][0] |
		.change == \"new\" and .was == \"none\"" out >/dev/null &&
	diff_of 1 new.json nostars.json &&
	grep -q "^gone       stars  *judgment -> none: stars cannot be seen offline$" out
'

test_expect_success 'markdown: the review table with a Was column' '
	diff_of 1 -f markdown v1 v2 "$R" &&
	test_must_be_empty err &&
	grep -q "^## ecocheck diff: v1 to v2$" out &&
	grep -q "^| Criterion | Was | Status | Notes |$" out &&
	grep -q "^| --- | --- | --- | --- |$" out &&
	grep -q "^| 15\. LICENSE\.md | ✅ Pass | ❌ Fail | license-file: no LICENSE\.md" out &&
	grep -q "^| 18\. CODEOWNERS | ❌ Fail | ⚠️ Caution | CODEOWNERS: 1 owner" out &&
	grep -q "^| 3\. Governance | ❌ Fail | ❌ Fail | " out &&
	test_eq "$(grep -c "^| [0-9]*\. " out)" 19 &&
	grep -q "^- \*\*license-file\*\* regressed: ✅ Pass to ❌ Fail: no LICENSE\.md" out
'

test_expect_success CMARK_GFM 'markdown: the table renders with four columns, Was second' '
	cmark-gfm -e table out >out.html &&
	grep -q "<th>Was</th>" out.html &&
	awk "/<tbody>/ { b = 1 } /<\/tbody>/ { b = 0 }
		b && /^<tr>/ { r++; c = 0 } b && /^<td/ { c++; if (c > n) n = c
			if (r == 15 && c == 2) was = \$0; if (r == 15 && c == 3) now = \$0 }
		END { print n; print was; print now }" out.html >cells &&
	test_eq "$(sed -n 1p cells)" 4 &&
	sed -n 2p cells | grep -q "Pass" &&
	sed -n 3p cells | grep -q "Fail"
'

test_expect_success JQ 'a report of another schema is refused in one line, exit 2' '
	sed "s/\"schema\": 1,/\"schema\": 2,/" old.json >schema2.json &&
	diff_of 2 schema2.json new.json &&
	test_must_be_empty out &&
	test_line_count 1 err &&
	grep -q "^ecocheck: schema2\.json: a report of schema 2; this ecocheck reads schema 1$" err
'

test_expect_success JQ 'a malformed report: file, line and column, exit 2' '
	head -n 5 old.json >cut.json &&
	diff_of 2 cut.json new.json &&
	test_must_be_empty out &&
	test_line_count 1 err &&
	grep -q "^ecocheck: cut\.json:[0-9]*:[0-9]*: " err &&
	printf "{\n  \"schema\": 1,\n  \"results\": [1 2]\n}\n" >comma.json &&
	diff_of 2 old.json comma.json &&
	grep -q "^ecocheck: comma\.json:3:[0-9]*: " err &&
	printf "{\"schema\": 1}\n" >bare.json &&
	diff_of 2 bare.json new.json &&
	grep -q "^ecocheck: bare\.json: no \"repository\" object$" err
'

test_expect_success JQ 'an array of reports is refused: diff compares one repository' '
	jq -s . old.json new.json >both.json &&
	diff_of 2 both.json new.json &&
	grep -q "^ecocheck: both\.json: an array of 2 reports" err
'

test_expect_success 'a revision that does not exist: exit 2, one line' '
	diff_of 2 v1 nosuch "$R" &&
	test_must_be_empty out &&
	test_line_count 1 err &&
	grep -q "nosuch" err
'

test_expect_success 'a path to a file is a report, anything else a revision' '
	mkdir w &&
	echo "not json" >w/v1 &&
	(cd w && test_expect_code 2 "$ECOCHECK" diff v1 v2 "$R" >../f.out 2>../f.err) &&
	test_line_count 1 f.err &&
	grep -q "^ecocheck: v1:1:[0-9]*: .* near .not.$" f.err &&
	(cd w && test_expect_code 1 "$ECOCHECK" diff "v1^{commit}" v2 "$R" >../f.out) &&
	grep -q "^was: v1^{commit} (revision, " f.out &&
	mkdir w/v3 &&
	(cd w && test_expect_code 0 "$ECOCHECK" diff v2 v3 "$R" >../f.out) &&
	grep -q "^now: v3 (revision, " f.out
'

test_expect_success 'usage: too few or too many operands, options of check refused, --help' '
	diff_of 2 v1 &&
	test_must_be_empty out &&
	grep -q "^ecocheck: diff: needs OLD and NEW (see ecocheck diff --help)$" err &&
	diff_of 2 &&
	diff_of 2 v1 v2 "$R" extra &&
	grep -q "too many operands, from extra" err &&
	diff_of 2 --strict v1 v2 "$R" &&
	grep -q "^ecocheck: diff: --strict: unknown option, an option of check only (see ecocheck diff --help)$" err &&
	diff_of 2 -f sarif v1 v2 "$R" &&
	grep -q "format: not text, json or markdown: sarif" err &&
	diff_of 2 old.json new.json "$R" &&
	grep -q "PATH is for revisions" err &&
	diff_of 0 --help &&
	grep -q "^usage: ecocheck diff \[OPTION\]\.\.\. OLD NEW \[PATH\]$" out &&
	grep -q -- "--no-repo-config" out &&
	! grep -q -- "--staged" out
'

test_expect_success 'ecocheck --help lists every command from the table' '
	"$ECOCHECK" --help >help &&
	grep -q "^usage: ecocheck \[check\] \[OPTION\]\.\.\. \[PATH\]\.\.\.$" help &&
	grep -q "^       ecocheck diff \[OPTION\]\.\.\. OLD NEW \[PATH\]$" help &&
	grep -q "^  diff  *what changed status between two reports or revisions$" help &&
	grep -q "^  check  *check repositories" help
'

test_expect_success 'rules given to diff judge both revisions' '
	printf "[ruleset]\nname = tiny\n[license-file]\ntype = file\npath = LICENSE.md\n" >tiny.ini &&
	diff_of 1 -r "$TEST_TMP/tiny.ini" --no-repo-config v1 v2 "$R" &&
	grep -q "^regressed  license-file  pass -> fail: " out &&
	grep -q "^0 unchanged$" out
'

test_done
