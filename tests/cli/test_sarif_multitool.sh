# Microsoft's SARIF Multitool validates our SARIF (schema and its SARIF
# rules, plus the GitHub ingestion rules): no errors and no warnings. Its
# informational notes (SARIF2002 message ids, SARIF2010/2011 snippets,
# SARIF2012 help URIs and Pascal-case names, ...) are suggestions, and
# README says why tfgradlint does not follow them. `make deps` installs the
# tool into build/tools when npm is available; otherwise this test skips.
. "$ROOT/tests/cli/lib.sh"
tool=${SARIF_MULTITOOL:-$ROOT/build/tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool}
if [ ! -x "$tool" ]; then
  echo "SARIF Multitool not installed (needs npm; run make deps)"
  exit 77
fi
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
cp "$ROOT/fixtures/torch/oracle.h" "$ROOT/fixtures/torch/gl001_guard_in_helper.cpp" "$ROOT/fixtures/torch/gl002_argmax_loss.cpp" .
printf 'void f() {}\n// NOLINTBEGIN(GL001)\n' > unmatched.cpp
"$BIN" --format sarif gl001_guard_in_helper.cpp gl002_argmax_loss.cpp unmatched.cpp missing.cpp > findings.sarif 2>/dev/null
"$BIN" --format sarif "$ROOT/fixtures/torch/clean_regression_loop.cpp" > clean.sarif
for log in findings.sarif clean.sarif; do
  "$tool" validate "$log" --rule-kind "Sarif;Gh" -o "$log.validation" > "$log.out" 2>&1
  rc=$?
  if [ $rc -ne 0 ] || grep -Eq '(error|warning) [A-Z]+[0-9]+' "$log.out"; then
    echo "Multitool on $log (exit $rc):"
    cat "$log.out"
    exit 1
  fi
  expect_grep "Multitool finished on $log" 'Analysis completed successfully' "$log.out"
  expect_eq "Multitool results on $log" "$(jv "$log.validation" runs.0.results.#)" 0
done
