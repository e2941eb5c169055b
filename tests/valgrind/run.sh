#!/usr/bin/env bash
# make valgrind: the unit suites, the fixtures of tests/valgrind/fixtures.txt,
# the fuzz regressions and the CLI tests (the bad-input matrix among them),
# all under memcheck, in two streams at a time; then one verdict from
# valgrind's own logs.
#
# Every valgrind process (the tool and the child it forks to analyse each
# file, the unit tests and the child Check forks for each test) writes its
# report to a log of its own, so nothing is lost to a test that throws
# stderr away or ignores an exit status. With -q a log holds only errors
# and definite leaks: any error in a log fails the run, as does any failed
# test (a child with a memcheck error exits 99, and the file it analysed
# is reported as failed).
#
# Why the PCHs are built first, natively (by a native run of the same
# fixtures, regressions and CLI tests): under memcheck a LibTorch PCH takes
# minutes to build, and a run after the first one finds it anyway;
# building PCHs under memcheck stays covered by the unit tests of pch.c,
# which use caches of their own.
#
# usage: run.sh BUILD-DIR   (tfgradlint and the test binaries built there)
# env:   VALGRIND_CMD  valgrind and its options (the Makefile's)
#        VG_STREAMS    parts run at a time (default 2)
#        VG_TIMEOUT    --timeout for the tool's files (default 3600 s)
#        CK_TIMEOUT_MULTIPLIER  for the unit suites (default 50)
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=$(cd "$1" && pwd)
OUT=$BUILD/valgrind
STREAMS=${VG_STREAMS:-2}
: "${VALGRIND_CMD:?VALGRIND_CMD is not set (run make valgrind)}"
export XDG_CACHE_HOME=$BUILD/cache TFGRADLINT_UNDER_VALGRIND=1
export CK_TIMEOUT_MULTIPLIER=${CK_TIMEOUT_MULTIPLIER:-50}
export FIXTURE_TIMEOUT=${VG_TIMEOUT:-3600}

rm -rf "$OUT"
mkdir -p "$OUT/logs" "$OUT/bin"
VG="$VALGRIND_CMD --log-file=$OUT/logs/%p.log"

# The tool under memcheck, named tfgradlint so that a test putting its
# directory on PATH (the pre-commit hook) finds it.
printf '#!/bin/sh\nexec %s %s "$@"\n' "$VG" "$BUILD/tfgradlint" > "$OUT/bin/tfgradlint"
chmod +x "$OUT/bin/tfgradlint"
TOOL=$OUT/bin/tfgradlint

# The fixture list: paths (first word of each line), and a check that it
# covers every rule prefix and the clean fixtures of every framework
# directory, and the projects.
mapfile -t FIXTURES < <(sed -e 's/#.*//' "$ROOT/tests/valgrind/fixtures.txt" | awk 'NF { print $1 }')
uncovered=0
need() {
  printf '%s\n' "${FIXTURES[@]}" | grep -qE "^$1" && return
  echo "tests/valgrind/fixtures.txt: nothing matches $1"
  uncovered=1
}
need fixtures/projects/
for dir in "$ROOT"/fixtures/*/; do
  fw=$(basename "$dir")
  [ "$fw" != projects ] || continue
  for p in $(find "$dir" -name '*.c' -o -name '*.cc' -o -name '*.cpp' | xargs -n1 basename |
    grep -oE '^(gl[0-9]+[a-z]*|clean)_' | sort -u); do
    need "fixtures/$fw/(.*/)?$p"
  done
done
for f in "${FIXTURES[@]}"; do
  [ -e "$ROOT/$f" ] || { echo "tests/valgrind/fixtures.txt: no $f"; uncovered=1; }
done
[ "$uncovered" -eq 0 ] || exit 1

echo "building the PCHs natively (every fixture, regression and CLI test, as the tests run them)"
(cd "$ROOT" && "$BUILD/tests/fixture_runner" "$BUILD/tfgradlint" fixtures > /dev/null
 "$BUILD/tfgradlint" -q tests/fuzz/regressions/* -- -I"$ROOT/fixtures/torch" > /dev/null 2>&1
 env -u TFGRADLINT_UNDER_VALGRIND bash tests/cli/run.sh "$BUILD/tfgradlint" "$BUILD/tests/jget" > /dev/null 2>&1; true)

# The parts. Each writes its output to $OUT/<part>.out and its wall time
# to $OUT/<part>.time.
# The unit suites: the test process and the child Check forks for each
# test are checked (valgrind follows fork() always). The binary some tests
# start through popen() runs natively (--trace-children=no): the three
# other parts run it under memcheck, and one of these tests alone runs it
# over 140 fixtures three times, an hour under memcheck here.
part_unit() {
  TFGRADLINT_BIN=$BUILD/tfgradlint TFGRADLINT_ROOT=$ROOT $VG --trace-children=no "$BUILD/tests/unit_tests"
}
# The fixtures in two halves (alternate lines of the list), one per stream.
part_fixtures1() {
  local i half=()
  for ((i = 0; i < ${#FIXTURES[@]}; i += 2)); do half+=("${FIXTURES[i]}"); done
  (cd "$ROOT" && "$BUILD/tests/fixture_runner" "$TOOL" "${half[@]}")
}
part_fixtures2() {
  local i half=()
  for ((i = 1; i < ${#FIXTURES[@]}; i += 2)); do half+=("${FIXTURES[i]}"); done
  (cd "$ROOT" && "$BUILD/tests/fixture_runner" "$TOOL" "${half[@]}")
}
part_fuzz() {
  bash "$ROOT/tests/fuzz/run_regressions.sh" "$TOOL"
}
part_cli() {
  bash "$ROOT/tests/cli/run.sh" "$TOOL" "$BUILD/tests/jget"
}
# Runs a part, keeping its output, status, wall time and CPU time (the
# second line of `times`: every process it waited for, valgrind's included).
run_part() {
  local name=$1 start=$SECONDS
  echo "start $name ($(date -u +%H:%M:%S))"
  ("part_$name" > "$OUT/$name.out" 2>&1; rc=$?; times > "$OUT/$name.times"; exit $rc)
  local rc=$?
  echo $((SECONDS - start)) > "$OUT/$name.time"
  echo "$rc" > "$OUT/$name.rc"
  echo "done  $name in $((SECONDS - start)) s, status $rc"
}

# The load average, sampled every 30 s while the parts run.
(while :; do uptime >> "$OUT/load.txt"; sleep 30; done) &
sampler=$!
trap 'kill $sampler 2>/dev/null' EXIT

# The parts, longest first, STREAMS at a time.
start=$SECONDS
pids=()
for p in cli fixtures1 fixtures2 unit fuzz; do
  if [ "${#pids[@]}" -ge "$STREAMS" ]; then
    wait -n "${pids[@]}"
    for i in "${!pids[@]}"; do kill -0 "${pids[i]}" 2>/dev/null || unset 'pids[i]'; done
    pids=("${pids[@]}")
  fi
  run_part "$p" &
  pids+=($!)
done
wait "${pids[@]}"
wall=$((SECONDS - start))
kill $sampler 2>/dev/null

bash "$ROOT/tests/valgrind/report.sh" "$OUT" "$wall"
