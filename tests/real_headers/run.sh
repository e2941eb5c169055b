#!/usr/bin/env bash
# Same findings in both modes: every LibTorch fixture is analysed once with
# the built-in model headers and once with the real headers of Debian's
# libtorch-dev, the latter through a compilation database as a project
# would give it, and the two reports must be identical (findings, messages,
# notes, positions), with every file parsed cleanly in the mode asked for.
# A difference is a bug in the model headers or the analysis, not here.
# usage: run.sh TFGRADLINT
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
inc=/usr/include/torch/csrc/api/include
[ -f "$inc/torch/torch.h" ] || { echo "check-real-headers: needs libtorch-dev ($inc/torch/torch.h)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"
# The fixtures, and the construct matrix of issue 13 in fixtures/torch/cpp/.
files=(fixtures/torch/*.cpp fixtures/torch/cpp/*.cpp)
{
  echo "["
  sep=""
  for f in "${files[@]}"; do
    printf '%s {"directory": "%s", "file": "%s", "command": "c++ -std=c++17 -I%s -c %s -o /dev/null"}\n' \
      "$sep" "$root" "$f" "$inc" "$f"
    sep=","
  done
  echo "]"
} > "$tmp/compile_commands.json"

status=0
"$bin" --headers model "${files[@]}" > "$tmp/model.txt" 2> "$tmp/model.err" || status=$?
[ "$status" -le 1 ] || { echo "FAIL: model-header run could not analyse every file:"; cat "$tmp/model.err"; exit 1; }
status=0
"$bin" -v --headers real -p "$tmp" > "$tmp/real.txt" 2> "$tmp/real.err" || status=$?
[ "$status" -le 1 ] || { echo "FAIL: real-header run could not analyse every file:"; grep -v ': parsed with' "$tmp/real.err"; exit 1; }
n=${#files[@]}
real=$(grep -c ': parsed with real headers' "$tmp/real.err" || true)
[ "$real" -eq "$n" ] || { echo "FAIL: $real of $n files were parsed with the real headers"; cat "$tmp/real.err"; exit 1; }
if ! diff -u "$tmp/model.txt" "$tmp/real.txt" > "$tmp/diff"; then
  echo "FAIL: the findings differ between model headers (-) and real headers (+):"
  cat "$tmp/diff"
  exit 1
fi
# The op-call, option-call and module-call samples the model headers are checked with
# (make model-headers) are valid LibTorch code.
for sample in tests/model_headers/op_calls.cpp tests/model_headers/option_calls.cpp tests/model_headers/module_calls.cpp; do
  ${CXX:-c++} -std=c++17 -fsyntax-only -I"$inc" "$sample" ||
    { echo "FAIL: $sample does not parse with the real headers"; exit 1; }
done
echo "real headers: $n LibTorch fixtures, same $(grep -c ': error: \|: warning: ' "$tmp/model.txt") findings with model and real headers"
