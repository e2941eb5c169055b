# --select, --ignore, --exit-zero, --statistics and --quiet on real files.
. "$ROOT/tests/cli/lib.sh"
cp "$ROOT/fixtures/torch/oracle.h" "$ROOT/fixtures/torch/gl001_guard_in_helper.cpp" \
  "$ROOT/fixtures/torch/gl001_inference_mode.cpp" "$ROOT/fixtures/torch/gl002_argmax_loss.cpp" .
rules() { "$BIN" --format json "$@" > out.json; jv out.json 'diagnostics.*.rule' | tr '\n' ' '; }
expect_eq "all" "$(rules .)" "GL001 GL001 GL002 "
expect_eq "--select id" "$(rules --select GL002 .)" "GL002 "
expect_eq "--select name" "$(rules --select loss-outside-tape .)" "GL001 GL001 "
expect_eq "--ignore" "$(rules --ignore GL001 .)" "GL002 "
expect_eq "--select and --ignore" "$(rules --select GL001,GL002 --ignore nondiff-on-loss-path .)" "GL001 GL001 "
"$BIN" --select GL007 . 2> err.txt
expect_eq "unknown rule status" $? 2
expect_eq "unknown rule" "$(cat err.txt)" "tfgradlint: error: unknown rule 'GL007' (see --list-rules)"

"$BIN" . > /dev/null
expect_eq "findings exit 1" $? 1
"$BIN" --exit-zero . > /dev/null
expect_eq "--exit-zero" $? 0

"$BIN" --statistics . > stats.txt
expect_eq "--statistics status" $? 1
expect_eq "--statistics" "$(cat stats.txt)" "$(printf '    2  GL001             loss-outside-tape\n    1  GL002             nondiff-on-loss-path')"
"$BIN" --statistics --format json . 2> err.txt
expect_eq "--statistics with json" $? 2

# --quiet: the findings and nothing else (no suppression count, no warnings).
sed 's|// expect: GL001|// NOLINT|' gl001_guard_in_helper.cpp > suppressed.cpp
"$BIN" suppressed.cpp gl002_argmax_loss.cpp > out.txt 2> err.txt
expect_eq "suppression count" "$(cat err.txt)" "tfgradlint: 1 finding suppressed by NOLINT comments"
"$BIN" -q suppressed.cpp gl002_argmax_loss.cpp > quiet.txt 2> err.txt
expect_eq "--quiet status" $? 1
expect_eq "--quiet stderr" "$(cat err.txt)" ""
expect_eq "--quiet keeps the findings" "$(cat quiet.txt)" "$(cat out.txt)"
TFGRADLINT_DATADIR=/nonexistent "$BIN" --exit-zero suppressed.cpp > /dev/null 2> err.txt
expect_grep "warning without --quiet" 'no framework model found' err.txt
TFGRADLINT_DATADIR=/nonexistent "$BIN" -q --strict --exit-zero suppressed.cpp > /dev/null 2> err.txt
grep -q 'no framework model' err.txt && fail "--quiet printed the warning"
expect_grep "--quiet --strict still reports the file it could not parse" 'suppressed.cpp: error: ' err.txt
