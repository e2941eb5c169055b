#!/usr/bin/env bash
# IR golden tests: `tfgradlint --dump-ir` of each tests/golden/*.cpp must
# equal the .ir file next to it. With --update, rewrites the .ir files.
# usage: run.sh TFGRADLINT [--update]
set -uo pipefail
bin=$1
dir=$(dirname "$0")
passed=0 failed=0
for src in "$dir"/*.cpp; do
  want=${src%.cpp}.ir
  got=$("$bin" --dump-ir --model "$dir/../../fixtures/mini/mini.json" "$src" 2>&1)
  if [ "${2:-}" = "--update" ]; then
    printf '%s\n' "$got" > "$want"
    continue
  fi
  if diff -u "$want" <(printf '%s\n' "$got") > /tmp/tfgradlint-golden.diff; then
    passed=$((passed + 1))
  else
    echo "FAIL $src: IR differs from $want:"
    cat /tmp/tfgradlint-golden.diff
    failed=$((failed + 1))
  fi
done
[ "${2:-}" = "--update" ] && exit 0
echo "golden: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
