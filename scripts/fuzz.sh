#!/usr/bin/env bash
# Runs every fuzz target under libFuzzer with ASan and UBSan for a set time
# (make fuzz; FUZZ_SECONDS, default 60), growing a corpus per target in the
# build tree, and prints the executions per target. Exits non-zero when a
# target finds a crash, a leak, a sanitizer report or a broken invariant; the
# input is kept in build/fuzz/artifacts/TARGET/ and the log in build/fuzz/logs/.
#   scripts/fuzz.sh [TARGET...]      all targets when none is named
#   FUZZ_PARALLEL=N                  run N targets at once (default 1)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-60}
build=build/fuzz
test -f $build/CMakeCache.txt || cmake --preset fuzz
cmake --build $build -j "${FUZZ_JOBS:-$(nproc)}" --target fuzz_targets

if (( $# > 0 )); then
  targets=("$@")
else
  targets=()
  for dir in tests/fuzz/corpus/*/; do targets+=("$(basename "$dir")"); done
fi

mkdir -p $build/logs

# Runs one target; leaves its table row in logs/TARGET.row.
run_target() {
  local target=$1
  local corpus=$build/corpus/$target artifacts=$build/artifacts/$target log=$build/logs/$target.log
  mkdir -p "$corpus" "$artifacts"
  local result=ok
  # The first directory receives what the run finds; the checked-in seeds are read too.
  if ! ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} \
       UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1} \
       $build/tests/fuzz/fuzz_"$target" -max_total_time="$seconds" -timeout=10 \
         -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/" \
         "$corpus" "tests/fuzz/corpus/$target" >"$log" 2>&1; then
    result="FAILED (see $log)"
  fi
  local executions rate size
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  size=$(find "$corpus" -type f | wc -l)
  printf '%-18s %12s %10s %8s  %s\n' "$target" "${executions:-?}" "${rate:-?}" "$size" "$result" \
    >"$build/logs/$target.row"
}

# FUZZ_PARALLEL targets at a time (default 1: each has the machine to itself).
parallel=${FUZZ_PARALLEL:-1}
for target in "${targets[@]}"; do
  rm -f "$build/logs/$target.row"
  while (( $(jobs -rp | wc -l) >= parallel )); do wait -n || true; done
  run_target "$target" &
done
wait

failed=()
printf '%-18s %12s %10s %8s  %s\n' target executions 'exec/s' corpus result
for target in "${targets[@]}"; do
  cat "$build/logs/$target.row"
  grep -q FAILED "$build/logs/$target.row" && failed+=("$target")
done

if (( ${#failed[@]} > 0 )); then
  echo "fuzz: ${#failed[@]} target(s) failed: ${failed[*]}" >&2
  for target in "${failed[@]}"; do
    grep -m1 -E 'ERROR: |invariant failed|runtime error' "$build/logs/$target.log" >&2 || true
  done
  exit 1
fi
echo "fuzz: ${#targets[@]} targets, ${seconds} s each, no failures"
