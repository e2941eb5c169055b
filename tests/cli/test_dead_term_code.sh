# GL006 (a dead term of the loss, a warning) and GL002 (no gradient reaches
# the loss, an error) are separate codes: selection, suppression and the
# severity configuration act on each alone.
. "$ROOT/tests/cli/lib.sh"
cp "$ROOT/fixtures/torch/oracle.h" "$ROOT/fixtures/torch/gl002_argmax_loss.cpp" \
  "$ROOT/fixtures/torch/gl006_argmax_term.cpp" .
rules() { "$BIN" --format json "$@" > out.json; jv out.json 'diagnostics.*.rule' | tr '\n' ' '; }
levels() { "$BIN" --format json "$@" > out.json; jv out.json 'diagnostics.*.severity' | tr '\n' ' '; }
expect_eq "both" "$(rules .)" "GL002 GL006 "
expect_eq "default severities" "$(levels .)" "error warning "
expect_eq "--ignore GL006 keeps the error" "$(rules --ignore GL006 .)" "GL002 "
expect_eq "--ignore GL002 keeps the warning" "$(rules --ignore GL002 .)" "GL006 "
expect_eq "--select by name" "$(rules --select dead-loss-term .)" "GL006 "
echo '{"severity": {"GL006": "error"}}' > .tfgradlint.json
expect_eq "severity of GL006 alone" "$(levels .)" "error error "
echo '{"severity": {"GL002": "warning"}}' > .tfgradlint.json
expect_eq "severity of GL002 alone" "$(levels .)" "warning warning "
rm .tfgradlint.json
sed 's|// expect-warning: GL006|// NOLINT(GL002)|' gl006_argmax_term.cpp > nolint_other.cpp
expect_eq "NOLINT(GL002) does not cover GL006" "$(rules nolint_other.cpp)" "GL006 "
sed 's|// expect-warning: GL006|// NOLINT(GL006)|' gl006_argmax_term.cpp > nolint_own.cpp
expect_eq "NOLINT(GL006) does" "$(rules nolint_own.cpp)" ""
