#!/usr/bin/env bash
# Runtime oracle for the LibTorch fixtures: compiles each fixtures/torch/*.cpp
# against the system LibTorch (Debian libtorch-dev), runs it, and checks that
# the runtime agrees with the fixture's label:
#   - a fixture with an `expect:` comment is a bug: it must stop with one of
#     LibTorch's autograd errors, or print "ORACLE: untrained";
#   - a fixture without one is clean: it must exit 0 and not print
#     "ORACLE: untrained".
# usage: run_oracle.sh [FIXTURE...]   (default: every fixtures/torch/*.cpp)
# Binaries are cached in build/oracle and rebuilt when the source or oracle.h
# is newer. Compiles run in parallel (ORACLE_JOBS, default: all cores).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
inc=/usr/include/torch/csrc/api/include
if [ ! -f "$inc/torch/torch.h" ]; then
  echo "run_oracle: LibTorch headers not found under $inc (install libtorch-dev, or run 'make oracle')" >&2
  exit 2
fi
out=${ORACLE_BUILD:-$root/build/oracle}
mkdir -p "$out"
jobs=${ORACLE_JOBS:-$(nproc)}
if [ $# -gt 0 ]; then fixtures=("$@"); else fixtures=("$root"/fixtures/torch/*.cpp); fi

compile() {
  local src=$1 out=$2 inc=$3
  local bin="$out/$(basename "${src%.cpp}")"
  local header="$(dirname "$src")/oracle.h"
  if [ -x "$bin" ] && [ "$bin" -nt "$src" ] && [ "$bin" -nt "$header" ]; then return 0; fi
  if ! g++ -std=c++17 -O0 -w -I"$inc" "$src" -o "$bin" -ltorch -ltorch_cpu -lc10 2> "$bin.compile.log"; then
    rm -f "$bin"
    echo "compile failed: $src" >&2
  fi
}
export -f compile
printf '%s\n' "${fixtures[@]}" | xargs -P "$jobs" -I{} bash -c 'compile "$1" "$2" "$3"' _ {} "$out" "$inc"

autograd_errors='does not require grad and does not have a grad_fn|Inference tensors cannot be saved for backward|Trying to backward through the graph a second time|One of the differentiated Tensors appears to not have been used in the graph|derivative for .* is not implemented|Only Tensors of floating point and complex dtype can require gradients'
passed=0 failed=0
for src in "${fixtures[@]}"; do
  name=$(basename "${src%.cpp}")
  bin="$out/$name"
  if [ ! -x "$bin" ]; then
    echo "FAIL $name: does not compile against LibTorch:"; sed 's/^/    /' "$bin.compile.log" | head -20
    failed=$((failed + 1)); continue
  fi
  set +e
  log=$(cd "$out" && timeout 60 "$bin" 2>&1)
  status=$?
  set -e
  evidence=$(printf '%s\n' "$log" | grep -E -o "$autograd_errors|ORACLE: (un)?trained" | head -1 || true)
  if grep -q -- '// expect' "$src"; then
    label=bug
    if { [ $status -ne 0 ] && printf '%s' "$log" | grep -E -q "$autograd_errors"; } ||
       printf '%s' "$log" | grep -q 'ORACLE: untrained'; then ok=1; else ok=0; fi
  else
    label=clean
    if [ $status -eq 0 ] && ! printf '%s' "$log" | grep -q 'ORACLE: untrained'; then ok=1; else ok=0; fi
  fi
  if [ $ok -eq 1 ]; then
    echo "PASS $name ($label): exit $status, ${evidence:-no oracle line}"
    passed=$((passed + 1))
  else
    echo "FAIL $name ($label): exit $status, ${evidence:-no autograd error or oracle line}"
    printf '%s\n' "$log" | tail -5 | sed 's/^/    /'
    failed=$((failed + 1))
  fi
done
echo "oracle: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
