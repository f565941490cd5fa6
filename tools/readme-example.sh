#!/bin/sh
# readme-example.sh: build the young demo project of README.md's example
# in a temporary directory (/tmp/demo), with fixed dates, and run ecocheck
# on it as the README shows. Run by hand when the output changes:
#   tools/readme-example.sh [ECOCHECK]
# and paste what it prints into README.md.
set -eu

ECOCHECK=${1:-src/ecocheck}
SRCDIR=$(cd "$(dirname "$0")/.." && pwd)
D=/tmp/demo
rm -rf "$D"
git init -q "$D"
cd "$D"

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

echo "\$ ecocheck --as-of 2026-11-23"
status=0
"$ECOCHECK" --as-of 2026-11-23 || status=$?
echo "\$ echo \$?"
echo "$status"
