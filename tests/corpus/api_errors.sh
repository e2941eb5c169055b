#!/usr/bin/env bash
# tests/corpus/api_errors.sh: count the parse errors about the LibTorch API
# that the model headers cause on real repositories (issue 12's done-when:
# none for an API LibTorch has). Runs tfgradlint zero-config on each
# directory with TFGRADLINT_DUMP_PARSE_ERRORS=1, keeps the files parsed with
# the model headers, and lets api_errors.py classify every error: LibTorch
# API the real headers have (a gap in the model), LibTorch-looking names the
# real headers lack, and the rest (OpenCV, Boost, missing project headers).
# Not a test: a measurement for tests/corpus/RESULTS.md.
#
#   tests/corpus/api_errors.sh [-b BINARY] [-j N] [--top N] [--save FILE] DIR...
#   tests/corpus/api_errors.sh [--top N] --from FILE     (classify a saved run again)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin="$here/../../build/tfgradlint"
jobs=2
top=60
save=""
from=""
while [ $# -gt 0 ]; do
  case "$1" in
    -b) bin=$2; shift 2 ;;
    -j) jobs=$2; shift 2 ;;
    --top) top=$2; shift 2 ;;
    --save) save=$2; shift 2 ;;
    --from) from=$2; shift 2 ;;
    -h|--help) sed -n 2,12p "$0"; exit 0 ;;
    *) break ;;
  esac
done
classify() {
  python3 "$here/api_errors.py" --real-include /usr/include/torch /usr/include/ATen /usr/include/c10 \
    --top "$top" "$@"
}
if [ -n "$from" ]; then classify --main-prefix "$(head -1 "$from")" < <(tail -n +2 "$from"); exit; fi
[ $# -gt 0 ] || { echo "usage: $0 [-b BINARY] [-j N] [--top N] DIR..." >&2; exit 2; }
[ -x "$bin" ] || { echo "$0: $bin is not built (run make)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$(cd "$(dirname "$1")" && pwd)/
for dir in "$@"; do
  TFGRADLINT_DUMP_PARSE_ERRORS=1 "$bin" -j "$jobs" --format json --timeout 120 "$dir" \
    > "$work/out.json" 2> "$work/err.txt" || true
  # Only the files parsed with the model headers (those that reach LibTorch
  # or TensorFlow; the TensorFlow ones give no LibTorch-scoped errors).
  python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print("\n".join(f["path"] for f in d["files"] if f.get("headers") == "model"))' "$work/out.json" > "$work/model.txt"
  grep -F -f "$work/model.txt" "$work/err.txt" | grep '^tfgradlint: parse error: ' || true
done > "$work/all.txt"
[ -z "$save" ] || { echo "$prefix"; cat "$work/all.txt"; } > "$save"
classify --main-prefix "$prefix" < "$work/all.txt"
