#!/usr/bin/env bash
# Seeds for fuzz_body (function bodies after a fixed prefix of framework
# includes): the hand-written bodies of tests/fuzz/seeds/body, and every
# LibTorch and TensorFlow fixture turned into a body that closes the wrapper function ("}"), holds
# the fixture's code and opens a last function for the wrapper's "}". The
# fixtures' #include lines are blanked by the target; the lines that use
# oracle.h (runtime evidence for `make oracle`) are dropped here.
# usage: seeds_body.sh CORPUS_DIR
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
out=$1
mkdir -p "$out"
cp -n "$ROOT"/tests/fuzz/seeds/body/* "$out"/ 2>/dev/null || true
for f in "$ROOT"/fixtures/torch/*.cpp "$ROOT"/fixtures/tensorflow/*.c*; do
  seed="$out/fixture-$(basename "$(dirname "$f")")-$(basename "$f")"
  [ -e "$seed" ] && continue
  case $f in */tensorflow/*_cc_*.cpp) sel=C ;; *) sel= ;; esac
  { echo "$sel}"; grep -v -e oracle -e '^#' "$f"; echo "void tfg_fuzz_end() {"; } > "$seed"
done
