#!/usr/bin/env bash
# Runs every input under tests/fuzz/regressions/ (reproducers of crashes,
# hangs and leaks fuzzing found) through the binary: each must be
# analysed or refused with a message, never crash or time out. With a
# sanitizer build, a sanitizer report aborts the child and shows up here
# as a crash. A reproducer of a wrong result rather than a crash says what
# the JSON output must not show in a line `reject-output: REGEX` (or must
# show, `expect-output: REGEX`). Inputs of the parser targets (under a
# directory named after the target) are run by the fuzz targets' replay
# (tests/fuzz/replay.sh), not here.
# usage: run_regressions.sh TFGRADLINT
set -uo pipefail
BIN=$1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
out=$(mktemp)
trap 'rm -f "$out"' EXIT
passed=0 failed=0
for f in "$ROOT"/tests/fuzz/regressions/*; do
  [ -f "$f" ] || continue
  err=$("$BIN" -q --format json --timeout 120 "$f" -- -I"$ROOT/fixtures/torch" 2>&1 >"$out")
  st=$?
  why=
  if [ "$st" -gt 2 ] || grep -qE 'crashed|timed out|process failed|Sanitizer' <<<"$err"; then
    why="exit $st"
  fi
  while IFS= read -r re; do
    grep -qE -- "$re" "$out" && why="output matches '$re'"
  done < <(grep -a -oP '(?<=reject-output: ).*' "$f")
  while IFS= read -r re; do
    grep -qE -- "$re" "$out" || why="output does not match '$re'"
  done < <(grep -a -oP '(?<=expect-output: ).*' "$f")
  if [ -n "$why" ]; then
    failed=$((failed + 1))
    echo "FAIL $(basename "$f") ($why):"
    printf '%s\n' "$err" | sed 's/^/  /' | head -20
  else
    passed=$((passed + 1))
  fi
done
echo "fuzz regressions: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
