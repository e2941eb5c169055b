# Fingerprints (SARIF partialFingerprints, GitLab fingerprint) stay the same
# when lines shift or the line is re-indented, across separate runs, and
# change when the flagged line itself changes.
. "$ROOT/tests/cli/lib.sh"
cp "$ROOT/fixtures/torch/oracle.h" .
cp "$ROOT/fixtures/torch/gl001_guard_in_helper.cpp" step.cpp
run_tool a.json --format gitlab step.cpp
run_tool b.json --format gitlab step.cpp
expect_eq "same run twice" "$(jv b.json 0.fingerprint)" "$(jv a.json 0.fingerprint)"
{ printf '// a new comment\n\n// and more\n'; sed 's/^\(  return model->forward\)/    \1/' step.cpp; } > shifted.cpp
mv shifted.cpp step.cpp
run_tool c.json --format gitlab step.cpp
expect_eq "line moved" "$(jv c.json 0.location.lines.begin)" $(($(jv a.json 0.location.lines.begin) + 3))
expect_eq "shifted and re-indented" "$(jv c.json 0.fingerprint)" "$(jv a.json 0.fingerprint)"
run_tool c.sarif --format sarif step.cpp
expect_eq "sarif uses the same" "$(jv c.sarif 'runs.0.results.0.partialFingerprints.tfgradlint/v1')" "$(jv a.json 0.fingerprint)"
sed -i 's/model->forward(x)/model->forward(x * 2)/' step.cpp
run_tool d.json --format gitlab step.cpp
[ "$(jv d.json 0.fingerprint)" != "$(jv a.json 0.fingerprint)" ] || fail "fingerprint ignores the line's text"
