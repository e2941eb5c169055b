#!/usr/bin/env bash
# Runtime oracle for the LibTorch fixtures: compiles each fixtures/torch/*.cpp
# against the system LibTorch (Debian libtorch-dev), runs it, and checks that
# the runtime agrees with the fixture's label:
#   - bug: the file has an `// expect:` comment. It must stop (non-zero exit)
#     with one of LibTorch's autograd errors, or print "ORACLE: untrained";
#   - clean: no expectation. It must exit 0 and not print "ORACLE: untrained";
#   - warning: only `// expect-warning:` comments (one term of the loss is cut
#     while others still train). It must run, must not print "ORACLE:
#     untrained", and may prove the dead term with "ORACLE: dead term" (a
#     fixture that prints "ORACLE: live term" instead fails).
#
# A multi-file project (a directory of fixtures/projects/ with a main()
# in one of its sources) is one fixture: all its .cpp files are compiled
# together, and its label comes from the expectations of all its files.
#
# usage: run_oracle.sh [FIXTURE.cpp|PROJECT_DIR...]   (default: every
#        fixtures/torch/*.cpp, fixtures/torch/cpp/*.cpp and every project of
#        fixtures/projects/ with a main())
# environment:
#   ORACLE_BUILD    build directory (default: build/oracle)
#   ORACLE_JOBS     parallel compiles (default: nproc)
#   ORACLE_TIMEOUT  seconds a fixture may run (default: 60)
#   ORACLE_PCH      1: always use a precompiled torch/torch.h, 0: never,
#                   unset: use it when 6 or more fixtures need compiling.
#                   (The PCH takes ~20 s and ~550 MB; each compile then
#                   takes ~4 s instead of ~10 s.)
# Binaries are cached: a fixture is recompiled only when its source or
# oracle.h is newer than its binary. Exit status: 0 all passed, 1 some
# failed, 2 LibTorch is not installed.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
inc=/usr/include/torch/csrc/api/include
if [ ! -f "$inc/torch/torch.h" ]; then
  echo "run_oracle: LibTorch not found: $inc/torch/torch.h is missing" >&2
  echo "run_oracle: install it with 'apt-get install libtorch-dev' (or run 'make oracle')" >&2
  exit 2
fi
command -v g++ >/dev/null || { echo "run_oracle: g++ not found" >&2; exit 2; }

out=${ORACLE_BUILD:-$root/build/oracle}
jobs=${ORACLE_JOBS:-$(nproc)}
limit=${ORACLE_TIMEOUT:-60}
mkdir -p "$out"
out=$(cd "$out" && pwd)
if [ $# -gt 0 ]; then
  fixtures=()
  for f in "$@"; do fixtures+=("$(cd "$(dirname "$f")" && pwd)/$(basename "$f")"); done
else
  # The construct matrix of issue 13 lives in fixtures/torch/cpp/.
  fixtures=("$root"/fixtures/torch/*.cpp "$root"/fixtures/torch/cpp/*.cpp)
  for d in "$root"/fixtures/projects/*/; do
    grep -l -E -q 'int[[:space:]]+main[[:space:]]*\(' "$d"*.cpp 2>/dev/null && fixtures+=("${d%/}")
  done
fi

# A fixture's text for labels: the file, or every file of the project.
texts() { if [ -d "$1" ]; then find "$1" -type f \( -name '*.cpp' -o -name '*.h' \); else printf '%s\n' "$1"; fi; }
bin_name() { if [ -d "$1" ]; then echo "project_$(basename "$1")"; else basename "${1%.cpp}"; fi; }
[ -e "${fixtures[0]}" ] || { echo "run_oracle: no fixtures found" >&2; exit 2; }

# --- compile (parallel, cached) -------------------------------------------
stale=()
for src in "${fixtures[@]}"; do
  bin="$out/$(bin_name "$src")"
  header="$(dirname "$src")/oracle.h"
  [ -d "$src" ] && header="$root/fixtures/torch/oracle.h"
  if [ -x "$bin" ] && [ -z "$(texts "$src" | while read -r f; do [ "$f" -nt "$bin" ] && echo "$f"; done)" ] &&
     { [ ! -f "$header" ] || [ "$bin" -nt "$header" ]; }; then
    continue
  fi
  stale+=("$src")
done

pch_flags=""
use_pch=${ORACLE_PCH:-auto}
if [ "$use_pch" = auto ]; then
  if [ ${#stale[@]} -ge 6 ] || [ -f "$out/pch/torch_all.h.gch" ]; then use_pch=1; else use_pch=0; fi
fi
if [ "$use_pch" = 1 ] && [ ${#stale[@]} -gt 0 ]; then
  mkdir -p "$out/pch"
  printf '#include <torch/torch.h>\n' > "$out/pch/torch_all.h.tmp"
  cmp -s "$out/pch/torch_all.h.tmp" "$out/pch/torch_all.h" 2>/dev/null ||
    mv "$out/pch/torch_all.h.tmp" "$out/pch/torch_all.h"
  rm -f "$out/pch/torch_all.h.tmp"
  if [ ! -f "$out/pch/torch_all.h.gch" ] || [ "$inc/torch/torch.h" -nt "$out/pch/torch_all.h.gch" ]; then
    echo "run_oracle: precompiling torch/torch.h (once)"
    if ! g++ -std=c++17 -O0 -w -I"$inc" -x c++-header "$out/pch/torch_all.h" \
         -o "$out/pch/torch_all.h.gch" 2> "$out/pch/pch.log"; then
      echo "run_oracle: precompiled header failed (see $out/pch/pch.log); compiling without it"
      rm -f "$out/pch/torch_all.h.gch"
    fi
  fi
  # If the .gch is missing or stale, g++ falls back to the plain header.
  [ -f "$out/pch/torch_all.h.gch" ] && pch_flags="-include $out/pch/torch_all.h"
fi

# Stand-ins for third-party headers that project fixtures include to show
# one missing where the linter runs (<cuda_runtime.h>: the analysis sees a
# file that parses partially). They are written outside the repository for
# the compiles only: a header of that name in the tree would be found by
# the linter's header index, and the fixture would no longer show it.
stubs=$(mktemp -d "${TMPDIR:-/tmp}/tfgradlint-oracle-stubs-XXXXXX")
trap 'rm -rf "$stubs"' EXIT
cat > "$stubs/cuda_runtime.h" <<'STUB'
#pragma once
typedef int cudaError_t;
enum { cudaSuccess = 0 };
inline cudaError_t cudaGetDeviceCount(int* count) { *count = 0; return cudaSuccess; }
STUB

compile() {
  local src=$1 out=$2 inc=$3 pch_flags=$4 stubs=$5 bin
  local -a files
  if [ -d "$src" ]; then
    bin="$out/project_$(basename "$src")"
    files=("$src"/*.cpp)
  else
    bin="$out/$(basename "${src%.cpp}")"
    files=("$src")
  fi
  # shellcheck disable=SC2086
  if g++ -std=c++17 -O0 -w $pch_flags -I"$inc" -I"$stubs" "${files[@]}" -o "$bin.tmp" \
       -ltorch -ltorch_cpu -lc10 > "$bin.compile.log" 2>&1; then
    mv "$bin.tmp" "$bin"
  else
    rm -f "$bin" "$bin.tmp"
  fi
  return 0
}
export -f compile
if [ ${#stale[@]} -gt 0 ]; then
  echo "run_oracle: compiling ${#stale[@]} fixture(s) with $jobs job(s)"
  # shellcheck disable=SC2016  # $1..$5 expand in the child bash
  printf '%s\0' "${stale[@]}" |
    xargs -0 -P "$jobs" -I{} bash -c 'compile "$1" "$2" "$3" "$4" "$5"' _ {} "$out" "$inc" "$pch_flags" "$stubs"
fi

# --- run and judge ----------------------------------------------------------
autograd_errors='does not require grad and does not have a grad_fn'
autograd_errors+='|Inference tensors cannot be saved for backward'
autograd_errors+='|Trying to backward through the graph a second time'
autograd_errors+='|One of the differentiated Tensors appears to not have been used in the graph'
autograd_errors+='|One of the differentiated Tensors does not require grad'
autograd_errors+='|modified by an inplace operation'
autograd_errors+='|derivative for [^ ]+ is not implemented'
autograd_errors+='|Only Tensors of floating point and complex dtype can require gradients'

ulimit -c 0 2>/dev/null || true
passed=0 failed=0
for src in "${fixtures[@]}"; do
  name=$(bin_name "$src")
  bin="$out/$name"
  mapfile -t text < <(texts "$src")
  if grep -E -q '//[[:space:]]*expect:' "${text[@]}"; then label=bug
  elif grep -E -q '//[[:space:]]*expect-warning:' "${text[@]}"; then label=warning
  else label=clean; fi
  if [ ! -x "$bin" ]; then
    echo "FAIL $name ($label): does not compile against LibTorch"
    sed 's/^/    /' "$bin.compile.log" 2>/dev/null | grep -m 8 -E 'error|^    In' || true
    failed=$((failed + 1))
    continue
  fi
  status=0
  log=$(cd "$out" && timeout "$limit" "$bin" 2>&1) || status=$?
  error=$(printf '%s\n' "$log" | grep -E -o -m 1 "$autograd_errors" || true)
  verdict=$(printf '%s\n' "$log" | grep -E -o 'ORACLE: (un)?trained' | tail -n 1 || true)
  case $status in
    0) how="exit 0" ;;
    124) how="timed out after ${limit}s" ;;
    134) how="aborted (uncaught exception, exit 134)" ;;
    *) how="exit $status" ;;
  esac
  ok=0
  if [ $label = bug ]; then
    if [ $status -ne 0 ] && [ $status -ne 124 ] && [ -n "$error" ]; then ok=1; evidence="$how: $error"
    elif [ "$verdict" = "ORACLE: untrained" ]; then ok=1; evidence="$how: $verdict"
    else evidence="$how: ${error:-${verdict:-no autograd error and no ORACLE line}}"; fi
  else
    term=$(printf '%s\n' "$log" | grep -E -o 'ORACLE: (dead|live) term' | tail -n 1 || true)
    evidence="$how: ${verdict:-no ORACLE line (does not train)}${term:+, $term}"
    [ -n "$error" ] && evidence+=" [$error]"
    if [ $status -eq 0 ] && [ "$verdict" != "ORACLE: untrained" ] &&
       { [ $label = clean ] || [ "$term" != "ORACLE: live term" ]; }; then ok=1; fi
  fi
  if [ $ok = 1 ]; then
    echo "PASS $name ($label): $evidence"
    passed=$((passed + 1))
  else
    echo "FAIL $name ($label): $evidence"
    printf '%s\n' "$log" | grep -v -E '^(frame #|Exception raised from)' | tail -n 5 | sed 's/^/    /'
    failed=$((failed + 1))
  fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
