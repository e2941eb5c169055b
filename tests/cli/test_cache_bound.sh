# The PCH cache stays within --cache-max-size: a run that builds a PCH
# removes the least recently used ones (never its own) and the leftovers
# of dead builds, leaves files that are not the cache's, and the tool
# still works; --clear-cache empties it.
. "$ROOT/tests/cli/lib.sh"
cp "$ROOT/examples/train_nograd.cpp" .
# The bound is 1 MB above the size of the run's own PCH (measured in a
# cache of its own), so every old key must go whatever that size is (a
# fixed 20M bound kept two old keys once the PCH shrank to 13.8 MB).
"$BIN" --cache-dir "$WORK/measure" train_nograd.cpp > /dev/null 2>&1
pch_size=$(du -cb "$WORK/measure"/*.pch | tail -n 1 | cut -f1)
[ "$pch_size" -gt 0 ] || fail "setup: no PCH was built to measure"
bound=$((pch_size + 1024 * 1024))
cache=$WORK/cache
mkdir -p "$cache"
# Ten old keys of 3 MB each, as earlier runs with other flags leave them.
for i in 0 1 2 3 4 5 6 7 8 9; do
  key=00000000000000a$i
  head -c 3000000 /dev/zero > "$cache/$key-00000000000000ff.pch"
  echo manifest > "$cache/$key.manifest"
  echo '#include <torch/torch.h>' > "$cache/$key.h"
  : > "$cache/$key.lock"
  touch -d "2 days ago" "$cache/$key"*
done
# A dead build's temporary file and a key without a PCH.
echo partial > "$cache/00000000000000a0.manifest.tmp.Ab12Cd"
echo '#include <x.h>' > "$cache/00000000000000b0.h"
echo mine > "$cache/README.txt"
before=$(du -sb "$cache" | cut -f1)
[ "$before" -gt "$bound" ] || fail "setup: the cache holds only $before bytes"

"$BIN" -v --cache-dir "$cache" --cache-max-size "$bound" train_nograd.cpp > out.txt 2> err.txt
expect_eq "status with the bound" $? 1
expect_grep "the finding" "GL001" out.txt
expect_grep "built its PCH" "PCH built" err.txt
after=$(du -sb "$cache" | cut -f1)
[ "$after" -le $((bound + 4096)) ] || fail "cache not under the bound: $after bytes; $(ls -l "$cache")"
ls "$cache" | grep -q '^00000000000000a' && fail "old keys kept: $(ls "$cache")"
[ -e "$cache/00000000000000b0.h" ] && fail "leftover of a key without a PCH kept"
[ -e "$cache/README.txt" ] || fail "a file that is not the cache's was removed"
[ "$(ls "$cache"/*.pch | wc -l)" -eq 1 ] || fail "the run's own PCH is not there: $(ls "$cache")"

# The PCH kept is the one the next run uses.
"$BIN" -v --cache-dir "$cache" --cache-max-size "$bound" train_nograd.cpp > out.txt 2> err.txt
expect_eq "status of the warm run" $? 1
expect_grep "reused" "PCH reused" err.txt

# A bound that is not a size is a usage error.
"$BIN" --cache-dir "$cache" --cache-max-size lots train_nograd.cpp > out.txt 2> err.txt
expect_eq "bad size status" $? 2
expect_grep "bad size message" "^tfgradlint: error: --cache-max-size needs a size such as 500M or 2G, not 'lots'" err.txt

# --clear-cache removes the cache's files, and nothing else.
"$BIN" --clear-cache --cache-dir "$cache" > out.txt 2> err.txt
expect_eq "clear status" $? 0
expect_grep "clear message" "^tfgradlint: .*/cache: removed [0-9]+ files" err.txt
expect_eq "left after clearing" "$(ls "$cache")" "README.txt"
"$BIN" -v --cache-dir "$cache" train_nograd.cpp > out.txt 2> err.txt
expect_eq "status after clearing" $? 1
expect_grep "rebuilt" "PCH built" err.txt
exit 0
