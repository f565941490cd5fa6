#!/bin/sh
# run.sh: run the libFuzzer targets of a build configured with
# --enable-fuzzing, one after another on one core.
#
# Usage: tests/fuzz/run.sh BUILDDIR SECONDS [TARGET]...
#
# Each target TARGET (all of BUILDDIR/tests/fuzz/fuzz-* by default) runs
# for SECONDS with -timeout=2 (an input slower than 2 s is a failure, as a
# crash or a leak is), from a working corpus BUILDDIR/fuzz/corpus/TARGET
# seeded with tests/fuzz/corpus/TARGET, tests/fuzz/regress/TARGET and the
# test fixtures tests/fuzz/seeds names for TARGET. FUZZ_SEED (default 0:
# libFuzzer picks one) fixes the sequence of inputs, so that a run in CI
# repeats what the same seed did here; FUZZ_TIMEOUT changes the 2 s.
# What fails is kept as BUILDDIR/fuzz/artifacts/TARGET-*: add it under
# tests/fuzz/regress/TARGET with the fix. One line per target says its
# executions and coverage (libFuzzer's cov: and ft:); the status is 1 when
# any target failed.
set -u
if [ $# -lt 2 ]; then
	echo "usage: $0 BUILDDIR SECONDS [TARGET]..." >&2
	exit 2
fi
build=$(cd "$1" && pwd) || exit 2
secs=$2
shift 2
top=$(cd "$(dirname "$0")" && pwd)
srcdir=$(cd "$top/../.." && pwd)
if [ $# -eq 0 ]; then
	for f in "$build"/tests/fuzz/fuzz-*; do
		[ -x "$f" ] && set -- "$@" "${f##*/fuzz-}"
	done
fi
if [ $# -eq 0 ]; then
	echo "$0: no fuzz targets in $build/tests/fuzz: configure with --enable-fuzzing" >&2
	exit 2
fi
mkdir -p "$build/fuzz/artifacts" "$build/fuzz/logs"
status=0
for t in "$@"; do
	corpus=$build/fuzz/corpus/$t
	log=$build/fuzz/logs/$t.log
	mkdir -p "$corpus"
	for d in "$top/corpus/$t" "$top/regress/$t"; do
		[ -d "$d" ] && cp "$d"/* "$corpus"/ 2>/dev/null
	done
	# The fixtures' globs, expanded from the source tree's top.
	(cd "$srcdir" &&
	for f in $(awk -v t="$t" '$1 == t { print $2 }' "$top/seeds"); do
		cp "$f" "$corpus"/
	done)
	rc=0
	ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
	"$build/tests/fuzz/fuzz-$t" -max_total_time="$secs" \
		-timeout="${FUZZ_TIMEOUT:-2}" -seed="${FUZZ_SEED:-0}" \
		-rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
		-artifact_prefix="$build/fuzz/artifacts/$t-" \
		"$corpus" >"$log" 2>&1 || rc=$?
	done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -1)
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	cov=$(echo "$done_line" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
	ft=$(echo "$done_line" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
	if [ "$rc" -ne 0 ]; then
		status=1
		echo "$t: FAILED (exit $rc) after ${execs:-?} execs; $log:"
		grep -E 'ERROR|SUMMARY|Test unit written|timeout' "$log" | head -5
	else
		echo "$t: ${execs:-?} execs in ${secs}s, cov ${cov:-?}, ft ${ft:-?}"
	fi
done
exit "$status"
