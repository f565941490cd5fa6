#!/bin/sh
# worktree.sh: time listing a 100,000-file working tree against "git ls-files -co --exclude-standard"
#
# Usage: tests/bench/worktree.sh [REPO]
#
# Builds, once, a checkout of 100,000 tracked files in 2,000 directories,
# with .gitignore files and a few thousand untracked and ignored files,
# cached under ${TMPDIR:-/tmp}/ecocheck-bench-worktree (or at REPO). Then
# times, best of 5 runs each, "git ls-files -co --exclude-standard | wc -l"
# and "$ECOCHECK -r RULES --format json REPO" (default ./src/ecocheck),
# where RULES holds one "file" rule, so that the run is mostly the
# working-tree listing. The target is a ratio under 1.5.
#
# Then the deep case (issue 10, item 3): for each of DEPTHS (default
# 1000 2000 10000), a repository whose untracked tree is one chain of
# directories that deep, timed the same way, also under "ulimit -n 64".
set -eu

ECOCHECK=${ECOCHECK:-./src/ecocheck}
CACHE=${TMPDIR:-/tmp}/ecocheck-bench-worktree
REPO=${1:-$CACHE/repo}
RUNS=${RUNS:-5}
VERSION=1		# bump when the generated repository changes

. "$(dirname "$0")/lib.sh"

# The fast-import stream of one commit: 40 x 50 directories of 50 files,
# every 97th file executable, a .gitignore in every top directory.
stream() {
	awk 'BEGIN {
		print "commit refs/heads/main"
		print "committer bench <bench@example.org> 1704067200 +0000"
		print "data 6"; print "bench"
		s = "# bench\n"; print "M 100644 inline README.md"
		printf "data %d\n%s\n", length(s), s
		s = "node_modules/\n*.o\n"
		print "M 100644 inline .gitignore"
		printf "data %d\n%s\n", length(s), s
		n = 0
		for (m = 0; m < 40; m++) {
			s = "*.tmp\nbuild/\n"
			printf "M 100644 inline mod%02d/.gitignore\n", m
			printf "data %d\n%s\n", length(s), s
			for (d = 0; d < 50; d++)
				for (f = 0; f < 50; f++) {
					n++
					s = sprintf("file %d\n", n)
					printf "M %s inline mod%02d/sub%02d/%s%02d.%s\n", \
					    n % 97 == 0 ? "100755" : "100644", \
					    m, d, f % 3 ? "file" : "test_", f, \
					    f % 2 ? "py" : "txt"
					printf "data %d\n%s\n", length(s), s
				}
		}
	}'
}

build() {
	rm -rf "$REPO" "$CACHE/ok"
	mkdir -p "$REPO"
	git init -q -b main "$REPO"
	stream | git -C "$REPO" fast-import --quiet
	git -C "$REPO" reset -q --hard main
	cd "$REPO"
	# Untracked: a notes file in 1,500 directories and a scratch tree.
	for m in $(seq -w 0 29); do
		for d in $(seq -w 0 49); do
			echo notes > "mod$m/sub$d/notes.txt"
		done
	done
	mkdir -p scratch/a scratch/b
	for i in $(seq 1 100); do
		: > "scratch/a/s$i.txt"; : > "scratch/b/s$i.txt"
	done
	# Ignored: *.tmp files, build/ directories, node_modules/.
	for m in $(seq -w 0 39); do
		for d in $(seq -w 0 24); do
			: > "mod$m/sub$d/cache.tmp"
		done
	done
	for m in $(seq -w 0 19); do
		mkdir -p "mod$m/build/obj"
		for i in $(seq 1 50); do
			: > "mod$m/build/obj/o$i.o"
		done
	done
	mkdir -p node_modules/pkg
	for i in $(seq 1 500); do
		: > "node_modules/pkg/m$i.js"
	done
	cd - >/dev/null
	echo "$VERSION" > "$CACHE/ok"
}

gitls() {
	git -C "$REPO" ls-files -co --exclude-standard | wc -l
}

ecocheck() {
	"$ECOCHECK" -r "$RULES" --format json "$REPO"
}

mkdir -p "$CACHE"
if [ "${1:-}" = "" ] && { [ ! -f "$CACHE/ok" ] ||
    [ "$(cat "$CACHE/ok")" != "$VERSION" ]; }; then
	echo "building $REPO (once)..." >&2
	build
fi
if [ ! -x "$ECOCHECK" ]; then
	echo "worktree.sh: $ECOCHECK: not built (set ECOCHECK)" >&2
	exit 1
fi
RULES=$CACHE/bench.ini
printf '[readme]\ntype = file\npath = README.md\n' > "$RULES"

echo "paths listed by git: $(gitls)"
g=$(best gitls)
e=$(best ecocheck)
echo "git ls-files: $(seconds "$g") s"
echo "ecocheck: $(seconds "$e") s"
awk -v g="$g" -v e="$e" 'BEGIN { printf "ratio: %.2fx (target < 1.5x)\n", e / g }'

# Peak memory, when GNU time is installed (Debian package "time").
if [ -x /usr/bin/time ]; then
	gm=$(/usr/bin/time -f %M git -C "$REPO" ls-files -co --exclude-standard 2>&1 >/dev/null | tail -1)
	em=$(/usr/bin/time -f %M "$ECOCHECK" -r "$RULES" --format json "$REPO" 2>&1 >/dev/null | tail -1)
	awk -v g="$gm" -v e="$em" 'BEGIN { printf "peak memory: git %d KB, ecocheck %d KB, ratio %.2fx\n", g, e, e / g }'
fi

# deep N: a repository with an untracked chain N directories deep, a file
# every hundred levels, built a hundred levels at a time (no long paths).
deep() {
	d=$CACHE/deep-$1
	[ -f "$d.ok" ] && return 0
	rm -rf "$d" "$CACHE/chain" "$CACHE/next"
	git init -q -b main "$d"
	echo "# deep" >"$d/README.md"
	git -C "$d" add README.md
	git -C "$d" -c user.name=bench -c user.email=bench@example.org \
	    commit -q -m deep
	p=$(awk 'BEGIN { for (i = 0; i < 100; i++) printf "d/" }')
	mkdir -p "$CACHE/chain/$p"
	echo x >"$CACHE/chain/${p}f.md"
	i=100
	while [ "$i" -lt "$1" ]; do
		mkdir -p "$CACHE/next/$p"
		echo x >"$CACHE/next/d/g.md"
		mv "$CACHE/chain/d" "$CACHE/next/$p"
		rm -rf "$CACHE/chain"
		mv "$CACHE/next" "$CACHE/chain"
		i=$((i + 100))
	done
	mv "$CACHE/chain/d" "$d/d"
	rm -rf "$CACHE/chain"
	: >"$d.ok"
}

for n in ${DEPTHS:-1000 2000 10000}; do
	deep "$n"
	REPO=$CACHE/deep-$n
	g=$(best gitls 2>/dev/null)
	e=$(best ecocheck 2>/dev/null)
	u=$( (ulimit -n 64; best ecocheck 2>/dev/null) )
	echo "deep $n: git $(seconds "$g") s, ecocheck $(seconds "$e") s," \
	    "ecocheck under ulimit -n 64 $(seconds "$u") s"
done
