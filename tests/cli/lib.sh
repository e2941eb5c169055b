# Helpers sourced by the tests/cli/test_*.sh scripts.
set -uo pipefail

fail() { echo "$*"; exit 1; }

# expect_eq WHAT GOT WANT
expect_eq() { [ "$2" = "$3" ] || fail "$1: got '$2', want '$3'"; }

# expect_grep WHAT PATTERN FILE: an extended regex must match a line.
expect_grep() { grep -Eq -- "$2" "$3" || { echo "$1: no line matches /$2/ in:"; cat "$3"; exit 1; }; }

# jv FILE PATH: one JSON value (fails the test when missing).
jv() { "$JGET" "$1" "$2" || fail "missing $2 in $1"; }

# run_tool OUT ARGS...: runs the binary with stdout to OUT; sets $status.
run_tool() { local out=$1; shift; "$BIN" "$@" > "$out"; status=$?; }
