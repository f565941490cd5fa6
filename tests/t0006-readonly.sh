#!/bin/sh
# t0006-readonly.sh: ecocheck never writes to the repository it checks:
# not the index (even when its stat data is stale), no lock files, no
# config, no objects. Every byte under .git is compared before and after.
. "$(dirname "$0")/lib.sh"

R=$TEST_TMP/repo
make_repo "$R" README.md LICENSE.md CONTRIBUTING.md CODEOWNERS docs/a.md >/dev/null

# Every file under the repository with its contents and metadata.
snapshot() {
	(cd "$R" && find . -path ./.git/objects -prune -o -print0 | LC_ALL=C sort -z |
		xargs -0 stat -c "%n %s %Y %a %F" &&
	find .git -type f -print0 | LC_ALL=C sort -z | xargs -0 sha1sum)
}

test_expect_success 'the index is stale after touching tracked files' '
	sleep 1 &&
	touch "$R/README.md" "$R/docs/a.md" &&
	echo "changed" >>"$R/LICENSE.md" &&
	echo "untracked" >"$R/NEW.md"
'

# Each mode with the exit status it must give (1: the repository lacks
# files the default rule set requires; --list-rules judges nothing).
for run in "1:" "1:--staged --absolute" "0:--staged" "1:--rev HEAD" "0:--list-rules" "1:--format json" \
	"1:-r community-health"; do
	code=${run%%:*} mode=${run#*:}
	test_expect_success "nothing under the repository changes: ecocheck $mode" "
		snapshot >before &&
		test_expect_code $code \"\$ECOCHECK\" $mode \"\$R\" >out 2>err &&
		snapshot >after &&
		test_cmp before after &&
		test ! -e \"\$R/.git/index.lock\"
	"
done

test_expect_success JQ 'a read-only repository can be checked' '
	test_when_finished "chmod -R u+w \"\$R\"" &&
	chmod -R a-w "$R" &&
	test_expect_code 1 "$ECOCHECK" --format json "$R" >out.json &&
	jq -e ".results | length > 0" out.json >/dev/null
'

test_expect_success 'git status still sees the stale index afterwards (ecocheck did not refresh it)' '
	sha1sum "$R/.git/index" >before &&
	test_expect_code 1 "$ECOCHECK" "$R" >out 2>err &&
	sha1sum "$R/.git/index" >after &&
	test_cmp before after
'

test_done
