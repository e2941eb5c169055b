#!/usr/bin/env bash
# Runs every input under tests/fuzz/regressions/ (reproducers of crashes,
# hangs and leaks fuzzing found) through the binary: each must be
# analysed or refused with a message, never crash or time out. With a
# sanitizer build, a sanitizer report aborts the child and shows up here
# as a crash.
# usage: run_regressions.sh TFGRADLINT
set -uo pipefail
BIN=$1
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
passed=0 failed=0
for f in "$ROOT"/tests/fuzz/regressions/*; do
  err=$("$BIN" -q --format json --timeout 120 "$f" -- -I"$ROOT/fixtures/torch" 2>&1 >/dev/null)
  st=$?
  if [ "$st" -gt 2 ] || grep -qE 'crashed|timed out|process failed|Sanitizer' <<<"$err"; then
    failed=$((failed + 1))
    echo "FAIL $(basename "$f") (exit $st):"
    printf '%s\n' "$err" | sed 's/^/  /' | head -20
  else
    passed=$((passed + 1))
  fi
done
echo "fuzz regressions: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
