#!/bin/sh
# t0049-text-report.sh: the text report laid out for a terminal: wrapped
# at spaces to the width (--width N, 80 in a pipe) under the message,
# widths counted in columns (UTF-8), long lists in messages cut with
# "... and N more" while the JSON keeps them, UNKN apart from WARN, -q
# printing only what fails, a summary line naming the failed rules, JSON
# details holding every line shown under a message; and README.md's
# example, which must be what tools/readme-example.sh prints.
. "$(dirname "$0")/lib.sh"

AS_OF=2026-01-02T00:00:00Z

# check_layout WIDTH FILE: no line is wider than WIDTH columns unless it
# holds one word (after its indent and an "at " or "fix: " label, or the
# status and id of an entry), or is the "PATH: worktree at HEAD," that
# begins a report whatever the width; a
# line the message wraps onto starts at column 32, and the line before
# it could not have held its first word. Widths count a 3-byte UTF-8
# character (the CJK text here) as 2 columns.
check_layout() {
	awk -v w="$1" '
	function width(s,  n) { n = gsub(/[\340-\357]/, "&", s); return length(s) - n }
	function first(s) { sub(/^ +/, "", s); sub(/ .*/, "", s); return s }
	function cont(s) { return substr(s, 1, 31) == sprintf("%31s", "") && substr(s, 32, 1) != " " }
	{ line[NR] = $0 }
	END {
		for (i = 1; i <= NR; i++) {
			s = line[i]
			if (width(s) > w) {
				t = s
				sub(/^ +/, "", t)
				sub(/^(at|fix:) /, "", t)
				sub(/^[A-Z][A-Z][A-Z][A-Z]  [^ ]+ +/, "", t)
				if (index(t, " ") > 0 && t !~ /: worktree at [0-9a-f]+,$/) {
					printf "line %d is %d columns: %s\n", i, width(s), s
					bad = 1
				}
			}
			if (i < NR && cont(line[i + 1]) && (cont(s) || s ~ /^  [A-Z][A-Z][A-Z][A-Z]  /) &&
			    width(s) + 1 + width(first(line[i + 1])) <= w) {
				printf "line %d could hold the next word: %s\n", i, s
				bad = 1
			}
		}
		exit bad
	}' "$2" >&3
}

R=$TEST_TMP/repo
git init -q "$R"
mkdir -p "$R/docs"
EVIL=$(printf 'docs/evil\033[2Jname-with-a-long-tail-that-goes-on-and-on-and-on-and-on.md')
printf x >"$R/$EVIL"
printf '# T\n\nhello\n\n## 中文标题一\n\n## 日本語の見出し二\n\n## 한국어제목셋\n\n## 第四个标题很长很长很长\n' >"$R/README.md"
git -C "$R" add -A
test_tick
git -C "$R" commit -q -m "a readme and a doc"

cat >"$TEST_TMP/s.ini" <<'INI'
[ruleset]
name = t
requirement = 1 Files
[many]
type = file
path = A1.md
path = A2.md
path = A3.md
path = A4.md
path = A5.md
path = A6.md
path = A7.md
path = A8.md
path = A9.md
path = A10.md
requirement = 1
[warned]
type = file
path = NOTICE
level = warning
requirement = 1
[present]
type = file
path = README.md
requirement = 1
[absent]
type = file
path = SECURITY.md
[stars]
type = fact
fact = stars
min = 10
[docs]
type = file
path = docs/*
[release]
type = sections
file = README.md
section = release: ^releases$
INI

ec() {
	"$ECOCHECK" --color never --as-of "$AS_OF" -r "$TEST_TMP/s.ini" "$@" "$R"
}

test_expect_success 'at --width 60 and 80 lines fit, break at spaces, under the message' '
	test_expect_code 1 ec --width 60 >w60 &&
	check_layout 60 w60 &&
	test_expect_code 1 ec --width 80 >w80 &&
	check_layout 80 w80 &&
	cat >expect <<-\EOT &&
	  FAIL  many                   no A1.md (looked for A1.md,
	                               A2.md, A3.md, A4.md, ... and
	                               6 more)
	                              fix: add the file
	EOT
	sed -n "/ many  /,/fix:/p" w60 >actual &&
	test_cmp expect actual &&
	grep -q "^  FAIL  many                   no A1.md (looked for A1.md, A2.md, A3.md, A4.md,$" w80
'

test_expect_success 'the pytorch-ecosystem report fits 80 and 60 columns' '
	test_expect_code 1 "$ECOCHECK" --color never --as-of "$AS_OF" --width 80 "$R" >p80 &&
	check_layout 80 p80 &&
	test_expect_code 1 "$ECOCHECK" --color never --as-of "$AS_OF" --width 60 "$R" >p60 &&
	check_layout 60 p60 &&
	grep -q "^                              window: 2025-10-04 to 2026-01-02 (90 days, both$" p80 &&
	grep -q "^                                      ends included)$" p80
'

test_expect_success 'a pipe gives 80 columns, whatever COLUMNS says' '
	COLUMNS=40 ec | cat >piped &&
	test_expect_code 1 ec --width 80 >w80 &&
	test_cmp w80 piped &&
	awk "length > 60 { n++ } END { exit !n }" piped
'

test_expect_success 'a word longer than the line has a line of its own, unbroken and sanitised' '
	test_expect_code 1 ec --width 60 >w60 &&
	grep -q "^                               docs/evil?\\[2Jname-with-a-long-tail-that-goes-on-and-on-and-on-and-on\\.md$" w60 &&
	grep -q "^  PASS  docs                   found$" w60 &&
	! grep -q "$(printf "\\033")" w60
'

test_expect_success 'UTF-8 is wrapped by display width: a CJK character takes two columns' '
	test_expect_code 1 ec --width 80 >w80 &&
	check_layout 80 w80 &&
	grep -q "^  FAIL  release                README.md: no release section (found: T,$" w80 &&
	grep -q "^                               中文标题一, 日本語の見出し二, 한국어제목셋,$" w80 &&
	grep -q "^                               第四个标题很长很长很长)$" w80
'

test_expect_success 'a long list is cut in the text; the JSON keeps every item' '
	test_expect_code 1 ec --width 200 >text &&
	grep -q "A4.md, ... and 6 more)" text &&
	! grep -q "A5\\.md" text &&
	ec_json 1 --as-of "$AS_OF" -r "$TEST_TMP/s.ini" "$R" &&
	test_eq "$(result_of many message)" \
		"no A1.md (looked for A1.md, A2.md, A3.md, A4.md, A5.md, A6.md, A7.md, A8.md, A9.md, A10.md)"
'

test_expect_success '--width 0 neither wraps nor cuts: one line a message' '
	test_expect_code 1 ec --width 0 >w0 &&
	grep -q "^  FAIL  many                   no A1.md (looked for A1.md, A2.md, A3.md, A4.md, A5.md, A6.md, A7.md, A8.md, A9.md, A10.md)$" w0
'

test_expect_success 'below 60 columns the message starts under the id' '
	test_expect_code 1 ec --width 40 >w40 &&
	check_layout 40 w40 &&
	grep -A1 "^  FAIL  many$" w40 >actual &&
	test_eq "$(sed -n 2p actual)" "        no A1.md (looked for A1.md,"
'

test_expect_success 'a bad --width is a usage error' '
	test_expect_code 2 "$ECOCHECK" --width 5 "$R" 2>err &&
	grep -q "width: bad number .5." err &&
	test_expect_code 2 "$ECOCHECK" --width x "$R" 2>err &&
	grep -q "width: bad number .x." err
'

test_expect_success 'unknown is UNKN, apart from WARN in words and colours' '
	test_expect_code 1 ec >text &&
	grep -q "^  UNKN  stars " text &&
	grep -q "^  WARN  warned " text &&
	test_expect_code 1 "$ECOCHECK" --color always --as-of "$AS_OF" \
		-r "$TEST_TMP/s.ini" "$R" >colour &&
	grep -q "$(printf "\\033")\\[36mUNKN" colour &&
	grep -q "$(printf "\\033")\\[33mWARN" colour
'

test_expect_success 'the summary line names the rules that fail at level error' '
	test_expect_code 1 ec >text &&
	test_eq "$(tail -1 text)" \
		"2 pass, 4 fail, 1 unknown, 0 skip (3 at level error: many, absent, release)" &&
	test_expect_code 1 ec --strict --width 200 >strict &&
	test_eq "$(tail -1 strict)" \
		"2 pass, 4 fail, 1 unknown, 0 skip (3 at level error: many, absent, release; 1 unknown, failing with --strict: stars)"
'

test_expect_success '-q prints only what fails: errors, and unknown with --strict' '
	test_expect_code 1 ec -q >quiet &&
	head -1 quiet | grep -q "^$R: worktree" &&
	grep -q "^  FAIL  many " quiet &&
	grep -q "^  FAIL  absent " quiet &&
	! grep -q "WARN\\|PASS\\|UNKN" quiet &&
	grep -q "^2 pass, 4 fail" quiet &&
	test_expect_code 1 ec -q --strict >quiet &&
	grep -q "^  UNKN  stars " quiet &&
	! grep -q "WARN\\|PASS" quiet
'

test_expect_success '-q prints nothing when nothing fails' '
	test_expect_code 0 ec -q --set many.level=warning --set absent.level=off \
		--set release.level=info >quiet &&
	test_must_be_empty quiet &&
	test_expect_code 0 ec --set many.level=warning --set absent.level=off \
		--set release.level=info >loud &&
	grep -q "^  WARN  many " loud
'

test_expect_success JQ 'JSON details hold every line the text shows under a message' '
	ec_json 1 --as-of "$AS_OF" "$R" &&
	result_of contributors "details[0]" | grep -q "^window: 2025-10-04 to 2026-01-02" &&
	result_of contributors "details[1]" | grep -q "^1  A U Thor <author@example.com>$" &&
	test_eq "$(jq "[.results[] | select(.details == []) ] | length" out.json)" 0 &&
	test_expect_code 1 "$ECOCHECK" --as-of "$AS_OF" --width 0 "$R" >w0 &&
	jq -r ".results[] | .details // [] | .[]" out.json >details &&
	test "$(wc -l <details)" -gt 1 &&
	while read -r d; do
		grep -qF -- "$d" w0 || { echo "not in the text: $d" >&3; exit 1; }
	done <details
'

test_expect_success 'README.md shows what tools/readme-example.sh prints' '
	sh "$ECOCHECK_SRCDIR/tools/readme-example.sh" "$ECOCHECK" "$TEST_TMP" >example &&
	sed -n "/^\\\$ ecocheck --as-of 2026-11-23\$/,/^\`\`\`\$/p" \
		"$ECOCHECK_SRCDIR/README.md" | sed "\$d" >readme &&
	test "$(wc -l <readme)" -gt 40 &&
	test_cmp readme example
'

test_done
