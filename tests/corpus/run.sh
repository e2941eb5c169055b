#!/usr/bin/env bash
# tests/corpus/run.sh: run tfgradlint in zero-config mode on real repositories
# and print, per repository: files, files that reach a framework header,
# analysed fully / partially / failed, failure causes, findings per rule,
# seconds and files per second. Not a test: a measurement for
# tests/corpus/RESULTS.md (the repositories themselves are never committed).
#
#   tests/corpus/run.sh [-b BINARY] [-j N] [--cold] [--json-dir DIR] DIR...
#
# --cold runs with an empty PCH cache; --json-dir keeps each repository's
# JSON output (to triage the findings).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin="$here/../../build/tfgradlint"
jobs=2
cold=0
json_dir=""
while [ $# -gt 0 ]; do
  case "$1" in
    -b) bin=$2; shift 2 ;;
    -j) jobs=$2; shift 2 ;;
    --cold) cold=1; shift ;;
    --json-dir) json_dir=$2; shift 2 ;;
    -h|--help) sed -n 2,12p "$0"; exit 0 ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || { echo "usage: $0 [-b BINARY] [-j N] [--cold] [--json-dir DIR] DIR..." >&2; exit 2; }
[ -x "$bin" ] || { echo "$0: $bin is not built (run make)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -z "$json_dir" ] || mkdir -p "$json_dir"
for dir in "$@"; do
  name=$(basename "$dir")
  out="$work/$name.json"
  cache="${XDG_CACHE_HOME:-$HOME/.cache}"
  [ $cold -eq 0 ] || cache="$work/cache-$name"
  start=$(date +%s.%N)
  XDG_CACHE_HOME="$cache" "$bin" -j "$jobs" --format json --timeout 120 "$dir" > "$out" 2> "$work/$name.err" || true
  end=$(date +%s.%N)
  [ -z "$json_dir" ] || cp "$out" "$json_dir/$name.json"
  python3 "$here/summarize.py" "$dir" "$out" "$start" "$end"
done | python3 "$here/summarize.py" --total
