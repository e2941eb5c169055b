#!/usr/bin/env bash
# Benchmarks (not tests): tfgradlint against clang on the same inputs, in
# one run, printed as ratios with wall time and peak memory (max RSS of the
# largest process). Needs libtorch-dev and clang-tidy.
#
#   1. zero-config on one file (warm PCH cache) vs clang++ -fsyntax-only of
#      the same file with the real LibTorch headers;
#   2. real-header mode on 20 LibTorch files through a compilation database,
#      cold cache and warm cache, vs clang++ -fsyntax-only and vs clang-tidy
#      (its default checks) on the same files, all using every core;
#   3. analysis time (IR build, analyses, rules) vs parse time on a
#      generated 20,000-line training function, and 10,000 lines for scale
#      (CPU time of each phase as -v reports it);
#   4. the speed-up of -j 2 over -j 1 (real headers, warm cache).
#
# usage: bench.sh [TFGRADLINT]
# BENCH_SECTIONS="1 3" runs only those sections (default: all four).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$root/build/tfgradlint}
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
inc=/usr/include/torch/csrc/api/include
[ -f "$inc/torch/torch.h" ] || { echo "bench: needs libtorch-dev (make torch-dev)" >&2; exit 2; }
command -v clang-tidy >/dev/null || { echo "bench: needs clang-tidy" >&2; exit 2; }
jobs=$(nproc)
sections=${BENCH_SECTIONS:-1 2 3 4}
want() { [[ " $sections " == *" $1 "* ]]; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"

# measure NAME CMD...: runs CMD once; sets T_NAME (wall s), C_NAME (user +
# system CPU s, the children's included) and M_NAME (MB). Times come from
# bash's `time` (millisecond resolution; GNU time's are 10 ms) around GNU
# time, which reports the peak memory; that wrapper adds about a
# millisecond to each time.
measure() {
  local name=$1 TIMEFORMAT='%3R %3U %3S'
  shift
  { time /usr/bin/time -f "%M" -o "$tmp/mem" "$@" >/dev/null 2>&1; } 2> "$tmp/time" || true
  read -r t u s < <(tail -n 1 "$tmp/time")
  read -r m < <(tail -n 1 "$tmp/mem")
  printf -v "T_$name" '%s' "$t"
  printf -v "C_$name" '%s' "$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.3f", u + s }')"
  printf -v "M_$name" '%s' "$(awk -v k="$m" 'BEGIN { printf "%.0f", k / 1024 }')"
}
# best NAME N CMD...: the fastest of N runs (memory of that run), and the
# least CPU of the N (CPU time is less disturbed by other processes).
best() {
  local name=$1 n=$2 bt=999999 bm=0 bc=999999 i
  shift 2
  for ((i = 0; i < n; i++)); do
    measure one "$@"
    if awk -v a="$T_one" -v b="$bt" 'BEGIN { exit !(a < b) }'; then bt=$T_one; bm=$M_one; fi
    if awk -v a="$C_one" -v b="$bc" 'BEGIN { exit !(a < b) }'; then bc=$C_one; fi
  done
  printf -v "T_$name" '%s' "$bt"
  printf -v "C_$name" '%s' "$bc"
  printf -v "M_$name" '%s' "$bm"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1fx", a / b }'; }
row() { printf '  %-62s %8.3f s %6s MB\n' "$1" "$2" "$3"; }

# (No `ls | head`: with pipefail, ls killed by SIGPIPE ends the script.)
all_files=(fixtures/torch/*.cpp)
files="${all_files[*]:0:20}"
{
  echo "["
  sep=""
  for f in $files; do
    printf '%s {"directory": "%s", "file": "%s", "arguments": ["c++", "-std=c++17", "-I%s", "-c", "%s"]}\n' \
      "$sep" "$root" "$f" "$inc" "$f"
    sep=","
  done
  echo "]"
} > "$tmp/compile_commands.json"
demo=examples/train_nograd.cpp
cache="$tmp/cache"

echo "tfgradlint benchmarks ($(nproc) cores; $(clang --version | sed -n 1p))"
echo
if want 1; then
echo "1. one file, zero-config vs the real-header parse: $demo (load average $(cut -d' ' -f1 /proc/loadavg))"
measure zc_cold "$bin" --cache-dir "$cache" "$demo"
best zc 10 "$bin" --cache-dir "$cache" "$demo"
best clang1 2 clang++ -std=c++17 -fsyntax-only -I"$inc" "$demo"
pch_mb=$(find "$cache" -name '*.pch' -printf '%s\n' | sort -n | tail -1 | awk '{ printf "%.1f", $1 / 1e6 }')
row "tfgradlint, zero-config, cold cache (builds the model-header PCH)" "$T_zc_cold" "$M_zc_cold"
row "tfgradlint, zero-config, warm cache (best of 10)" "$T_zc" "$M_zc"
row "clang++ -fsyntax-only, real LibTorch headers (best of 2)" "$T_clang1" "$M_clang1"
printf '  %-62s %8.3f s / %.3f s\n' "CPU (user + system, best): tfgradlint warm / clang++" "$C_zc" "$C_clang1"
echo "  model-header PCH: $pch_mb MB"
echo "  ratio: zero-config is $(ratio "$T_clang1" "$T_zc") faster (target: 100x);" \
     "CPU: $(ratio "$C_clang1" "$C_zc")"
echo
fi

if want 2; then
echo "2. 20 LibTorch files with the real headers, -p compile_commands.json, $jobs jobs each"
rm -rf "$cache"
measure real_cold "$bin" --headers real --cache-dir "$cache" -p "$tmp"
best real_warm 3 "$bin" --headers real --cache-dir "$cache" -p "$tmp"
# shellcheck disable=SC2086
measure clang20 xargs -P "$jobs" -n 1 clang++ -std=c++17 -fsyntax-only -I"$inc" <<< "$(echo $files | tr ' ' '\n')"
# shellcheck disable=SC2086
measure tidy20 xargs -P "$jobs" -n 1 clang-tidy --quiet -p "$tmp" <<< "$(echo $files | tr ' ' '\n')"
row "tfgradlint --headers real, cold cache (builds the LibTorch PCH)" "$T_real_cold" "$M_real_cold"
row "tfgradlint --headers real, warm cache" "$T_real_warm" "$M_real_warm"
row "clang++ -fsyntax-only" "$T_clang20" "$M_clang20"
row "clang-tidy (default checks)" "$T_tidy20" "$M_tidy20"
echo "  ratio: warm is $(ratio "$T_clang20" "$T_real_warm") faster than clang -fsyntax-only," \
     "$(ratio "$T_tidy20" "$T_real_warm") faster than clang-tidy (target: 5x)"
echo "  ratio: cold is $(ratio "$T_clang20" "$T_real_cold") faster than clang -fsyntax-only," \
     "$(ratio "$T_tidy20" "$T_real_cold") faster than clang-tidy"
echo
fi

if want 3; then
echo "3. analysis vs parse on one long training function (zero-config, warm cache)"
for n in 10000 20000; do
  bash tests/bench/gen_long_function.sh "$n" > "$tmp/long$n.cpp"
  "$bin" --cache-dir "$cache" "$tmp/long$n.cpp" >/dev/null 2>&1 || true
  best long$n 3 "$bin" --cache-dir "$cache" "$tmp/long$n.cpp"
  # Each phase: the fastest of 3 runs, as -v reports it.
  parse=999 ir=999 an=999
  for _ in 1 2 3; do
    line=$("$bin" -v --cache-dir "$cache" "$tmp/long$n.cpp" 2>&1 >/dev/null | grep ': parsed with' || true)
    parse=$(awk -v a="$parse" -v b="$(sed -E 's/.*parse ([0-9.]+) s.*/\1/' <<< "$line")" 'BEGIN { print (b < a) ? b : a }')
    ir=$(awk -v a="$ir" -v b="$(sed -E 's/.*ir ([0-9.]+) s.*/\1/' <<< "$line")" 'BEGIN { print (b < a) ? b : a }')
    an=$(awk -v a="$an" -v b="$(sed -E 's/.*analysis ([0-9.]+) s.*/\1/' <<< "$line")" 'BEGIN { print (b < a) ? b : a }')
  done
  printf -v "P_$n" '%s' "$parse"
  printf -v "I_$n" '%s' "$ir"
  printf -v "A_$n" '%s' "$an"
  row "$n lines: whole run" "$(eval echo "\$T_long$n")" "$(eval echo "\$M_long$n")"
  printf '  %-62s %8.3f s\n' "$n lines: parse (libclang), CPU" "$parse" "$n lines: IR build, CPU" "$ir" \
    "$n lines: analyses and rules, CPU" "$an"
done
echo "  ratio: analyses and rules take $(awk -v a="$A_20000" -v p="$P_20000" 'BEGIN { printf "%.1f%%", 100 * a / p }')" \
     "of the parse (target: under 10%); the IR build $(awk -v a="$I_20000" -v p="$P_20000" 'BEGIN { printf "%.1f%%", 100 * a / p }')"
echo "  scale: 2x the lines costs $(ratio "$A_20000" "$A_10000") in analyses and rules," \
     "$(ratio "$I_20000" "$I_10000") in IR build, $(ratio "$P_20000" "$P_10000") in parse"
echo
fi

if want 4; then
echo "4. -j 2 vs -j 1, 20 LibTorch files, real headers, warm cache"
"$bin" --headers real --cache-dir "$cache" -p "$tmp" >/dev/null 2>&1 || true # warm, if section 2 did not run
# Interleaved, best of 3 each, so that load from other processes hits both.
T_j1=999999 T_j2=999999
for _ in 1 2 3; do
  for j in 1 2; do
    measure one "$bin" -j "$j" --headers real --cache-dir "$cache" -p "$tmp"
    if awk -v a="$T_one" -v b="$(eval echo "\$T_j$j")" 'BEGIN { exit !(a < b) }'; then
      printf -v "T_j$j" '%s' "$T_one"
      printf -v "M_j$j" '%s' "$M_one"
    fi
  done
done
# What the machine offers at the same moment: 8 independent clang parses
# one after the other vs two at a time (other users' load shows here too).
printf '%s\n' $files | sed -n 1,8p > "$tmp/eight"
best ref1 2 xargs -a "$tmp/eight" -P 1 -n 1 clang++ -std=c++17 -fsyntax-only -isystem "$root/rules/include"
best ref2 2 xargs -a "$tmp/eight" -P 2 -n 1 clang++ -std=c++17 -fsyntax-only -isystem "$root/rules/include"
row "tfgradlint -j 1" "$T_j1" "$M_j1"
row "tfgradlint -j 2" "$T_j2" "$M_j2"
row "reference: 8 clang++ parses (model headers), 1 at a time" "$T_ref1" "$M_ref1"
row "reference: the same, 2 at a time" "$T_ref2" "$M_ref2"
echo "  ratio: -j 2 is $(ratio "$T_j1" "$T_j2") faster (target: 1.8x);" \
     "two independent processes got $(ratio "$T_ref1" "$T_ref2") on this machine at the same time"
fi
