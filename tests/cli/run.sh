#!/usr/bin/env bash
# End-to-end tests of the tfgradlint binary: runs every tests/cli/test_*.sh
# with BIN (the binary), JGET (tests/cli/jget.c built), ROOT (the
# repository) and WORK (a fresh temporary directory) in the environment.
# A test exits 0 to pass, 77 to skip (printing why), anything else to fail.
# usage: run.sh TFGRADLINT JGET
set -uo pipefail
export BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
export JGET=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
export ROOT=$(cd "$(dirname "$0")/../.." && pwd)
passed=0 failed=0 skipped=0
for t in "$ROOT"/tests/cli/test_*.sh; do
  name=$(basename "$t" .sh)
  WORK=$(mktemp -d /tmp/tfgradlint-cli-XXXXXX)
  export WORK
  out=$(cd "$WORK" && bash "$t" 2>&1)
  rc=$?
  case $rc in
    0) passed=$((passed + 1)) ;;
    77) skipped=$((skipped + 1)); echo "SKIP $name: $out" ;;
    *) failed=$((failed + 1)); echo "FAIL $name:"; printf '%s\n' "$out" | sed 's/^/  /' ;;
  esac
  rm -rf "$WORK"
done
echo "cli: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
