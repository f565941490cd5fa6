# lib.sh: what the benchmarks share: a fixed git environment, timing of a
# command over $RUNS runs, and seconds for printing. Sourced after the
# script has set CACHE (its repositories, and HOME) and RUNS.

export GIT_CONFIG_NOSYSTEM=1 HOME="$CACHE" LC_ALL=C
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@example.org
export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@example.org
export GIT_AUTHOR_DATE='2024-01-01T00:00:00Z'
export GIT_COMMITTER_DATE='2024-01-01T00:00:00Z'
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE 2>/dev/null || true

# Nanoseconds of each of $RUNS runs of "$@" after one warm-up run, one a
# line.
runs() {
	"$@" >/dev/null 2>&1 || true
	i=0
	while [ $i -lt "$RUNS" ]; do
		t0=$(date +%s%N)
		"$@" >/dev/null 2>&1 || true
		t1=$(date +%s%N)
		echo $((t1 - t0))
		i=$((i + 1))
	done
}

# Nanoseconds of the best run.
best() {
	runs "$@" | sort -n | head -1
}

# Nanoseconds of the mean run.
mean() {
	runs "$@" | awk '{ s += $1 } END { printf "%d\n", s / NR }'
}

# Milliseconds of CPU (task-clock, user and system) of one run of "$@",
# with perf(1).
cpu_ms() {
	perf stat -x, -e task-clock "$@" 2>&1 >/dev/null |
	    awk -F, '/task-clock/ { print $1 }'
}

# The smaller of two numbers ("" is none yet): a best of rounds kept as
# the rounds go, for benchmarks that interleave their commands, so that a
# shared machine whose speed drifts moves both sides of a ratio alike.
least() {
	awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b + 0 < a + 0) ? b : a }'
}

seconds() {
	awk -v ns="$1" 'BEGIN { printf "%.3f", ns / 1e9 }'
}
