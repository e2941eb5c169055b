#!/usr/bin/env bash
# Benchmark (not a test): time of `tfgradlint` on the demo file in
# zero-config mode against `clang++ -fsyntax-only` of the same file with the
# real LibTorch headers, measured in one run, as a ratio. Best of N runs each.
# usage: demo_ratio.sh [TFGRADLINT] [FILE] [N]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$root/build/tfgradlint}
file=${2:-$root/examples/train_nograd.cpp}
n=${3:-3}
inc=/usr/include/torch/csrc/api/include
[ -f "$inc/torch/torch.h" ] || { echo "demo_ratio: needs libtorch-dev (make oracle installs it)" >&2; exit 2; }
best() { # best wall time in seconds of N runs of "$@"
  local best=999999 t
  for _ in $(seq "$n"); do
    t=$( { /usr/bin/time -f %e "$@" >/dev/null 2>/dev/null; } 2>&1 | tail -1)
    best=$(echo "$t $best" | awk '{print ($1 < $2) ? $1 : $2}')
  done
  echo "$best"
}
tool=$(best "$bin" --exit-zero "$file")
clang=$(best clang++ -std=c++17 -fsyntax-only -I"$inc" "$file")
echo "tfgradlint (zero-config) on $(basename "$file"): ${tool}s"
echo "clang++ -fsyntax-only with the real LibTorch headers: ${clang}s"
awk -v a="$clang" -v b="$tool" 'BEGIN { printf "ratio: %.1fx\n", a / b }'
