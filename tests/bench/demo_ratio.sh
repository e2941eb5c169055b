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
  local best=999999 start end
  for _ in $(seq "$n"); do
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    best=$(awk -v s="$start" -v e="$end" -v b="$best" 'BEGIN { t = e - s; print (t < b) ? t : b }')
  done
  printf '%.3f\n' "$best"
}
tool=$(best "$bin" --exit-zero "$file")
clang=$(best clang++ -std=c++17 -fsyntax-only -I"$inc" "$file")
model=$(best clang++ -std=c++17 -fsyntax-only -isystem "$root/rules/include" "$file")
echo "tfgradlint (zero-config) on $(basename "$file"): ${tool}s"
echo "clang++ -fsyntax-only with the real LibTorch headers: ${clang}s"
echo "clang++ -fsyntax-only with tfgradlint's model headers: ${model}s"
awk -v a="$clang" -v b="$tool" 'BEGIN { printf "ratio: %.1fx\n", a / b }'
