#!/usr/bin/env bash
# Runs each parser fuzz target (build-fuzz/fuzz_<name>) for RUNS executions
# from its seeds (tests/fuzz/seeds/<name>, plus the repository's models for
# `model` and generated messages for `wire`) with its dictionary
# (tests/fuzz/dict/<name>.dict), one job at a time, and prints one line of
# figures per target: executions, seconds, executions per second, the
# coverage (cov: edges) and features (ft) reached. Crashes, leaks and UBSan
# reports stop the run and leave the input in build-fuzz/artifacts/<name>.
# usage: run_parsers.sh BUILD_DIR RUNS [TARGET...]
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "$1" && pwd)
runs=$2
shift 2
targets=${*:-config model compdb nolint options wire wire_encode include}
status=0
summary=()
for t in $targets; do
  bin=$build/fuzz_$t dir=$build/run-$t
  mkdir -p "$dir/corpus" "$build/artifacts/$t"
  cp -n "$ROOT"/tests/fuzz/seeds/"$t"/* "$dir/corpus/" 2>/dev/null
  cp -n "$ROOT"/tests/fuzz/regressions/"$t"/* "$dir/corpus/" 2>/dev/null
  case $t in
    model) for f in "$ROOT"/rules/*.json "$ROOT"/fixtures/*/*.json; do cp -n "$f" "$dir/corpus/model-$(basename "$f")"; done ;;
    wire) FUZZ_WIRE_SEEDS=$dir/corpus "$bin" -runs=0 >/dev/null 2>&1 ;;
  esac
  dict=()
  [ -f "$ROOT/tests/fuzz/dict/$t.dict" ] && dict=(-dict="$ROOT/tests/fuzz/dict/$t.dict")
  start=$(date +%s.%N)
  (cd "$dir" && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$bin" "${dict[@]}" -runs="$runs" -timeout=10 -rss_limit_mb=2048 -max_len=4096 -jobs=1 -workers=1 \
    -print_final_stats=1 -artifact_prefix="$build/artifacts/$t/" corpus >/dev/null 2>&1)
  st=$?
  end=$(date +%s.%N)
  log=$dir/fuzz-0.log
  execs=$(grep -oP 'stat::number_of_executed_units: \K[0-9]+' "$log" | tail -1)
  cov=$(grep -oP 'cov: \K[0-9]+' "$log" | tail -1)
  ft=$(grep -oP 'ft: \K[0-9]+' "$log" | tail -1)
  secs=$(echo "$end - $start" | bc)
  rate=$(echo "${execs:-0} / $secs" | bc)
  line=$(printf '%-12s executions %9s  seconds %6.0f  exec/s %6s  cov %5s  ft %6s  %s' \
    "$t" "${execs:-?}" "$secs" "$rate" "${cov:-?}" "${ft:-?}" "$([ $st -eq 0 ] && echo ok || echo "FAILED (exit $st, see $log)")")
  echo "$line"
  summary+=("$line")
  [ $st -eq 0 ] || { status=1; grep -E 'ERROR|SUMMARY|runtime error' "$log" | head -5; }
done
echo "--- fuzz-parsers, $(date -u +%FT%TZ), commit $(git -C "$ROOT" rev-parse --short HEAD), $runs runs each"
printf '%s\n' "${summary[@]}"
exit $status
