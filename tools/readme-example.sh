#!/bin/sh
# readme-example.sh: build the young demo project of README.md's example
# with fixed dates and run ecocheck on it as the README shows, in a pipe
# (80 columns):
#   tools/readme-example.sh [ECOCHECK [DIR]]
# builds DIR/demo (default /tmp/demo) and prints what README.md's block
# "$ ecocheck --as-of 2026-11-23" holds, the path as /tmp/demo. Paste it
# there when the output changes; tests/t0049-text-report.sh fails until
# the two agree.
set -eu

SRCDIR=$(cd "$(dirname "$0")/.." && pwd)
ECOCHECK=${1:-src/ecocheck}
case $ECOCHECK in
/*) ;;
*) ECOCHECK=$(pwd)/$ECOCHECK ;;
esac
D=${2:-/tmp}/demo
: "${ECOCHECK_RULES_DIR:=$SRCDIR/rules}"
export ECOCHECK_RULES_DIR
rm -rf "$D"
git init -q "$D"
cd "$D"
OUT=$D.out
trap 'rm -f "$OUT"' EXIT

commit() {
	# commit AUTHOR EMAIL DATE MESSAGE
	GIT_AUTHOR_NAME=$1 GIT_AUTHOR_EMAIL=$2 GIT_AUTHOR_DATE=$3 \
	GIT_COMMITTER_NAME=$1 GIT_COMMITTER_EMAIL=$2 GIT_COMMITTER_DATE=$3 \
		git -c user.useConfigOnly=false commit -q -m "$4"
}
cat >README.md <<'MD'
# demo

Demo turns PyTorch training logs into plots you can share with your team.
MD
cp "$SRCDIR/tests/fixtures/licenses/mit-plain.txt" LICENSE
git add -A
commit "Alice Smith" alice@users.noreply.github.com 2026-10-01T10:00:00Z "initial import"

mkdir -p .github
printf '* @alice\n' >.github/CODEOWNERS
git add -A
commit "Alice Smith" alice@users.noreply.github.com 2026-10-08T10:00:00Z "add CODEOWNERS"

cat >CODE_OF_CONDUCT.md <<'MD'
# Contributor Covenant Code of Conduct

## Our Pledge

We as members, contributors, and leaders pledge to make participation in our
community a harassment-free experience for everyone.
MD
git add -A
commit "Bob Jones" bob@users.noreply.github.com 2026-10-15T10:00:00Z "add a code of conduct"

printf '\nplots.png\n' >>README.md
git add -A
commit "dependabot[bot]" 49699333+dependabot[bot]@users.noreply.github.com 2026-10-22T10:00:00Z "bump actions/checkout"

printf 'print("plot")\n' >plot.py
git add -A
commit "Carol Wu" carol@users.noreply.github.com 2026-11-01T10:00:00Z "add the plot script"

printf 'print("plot", flush=True)\n' >plot.py
git add -A
commit "Alice Smith" alice@users.noreply.github.com 2026-11-15T10:00:00Z "flush the output"

# The first line names the demo's path on a line of its own (it is
# longer than 80 columns with a path as long as /tmp/demo or longer), so
# /tmp/demo can stand for DIR/demo.
echo "\$ ecocheck --as-of 2026-11-23"
status=0
"$ECOCHECK" --as-of 2026-11-23 >"$OUT" || status=$?
sed "s|$D|/tmp/demo|g" "$OUT"
echo "\$ echo \$?"
echo "$status"
