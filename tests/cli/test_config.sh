# .tfgradlint.json on real files: found upward from each file, select,
# ignore, severity, models and exclude applied, command line winning, and
# a malformed file named with its line.
. "$ROOT/tests/cli/lib.sh"
mkdir -p proj/src/third_party other
cp "$ROOT/fixtures/torch/oracle.h" "$ROOT/fixtures/torch/gl001_guard_in_helper.cpp" "$ROOT/fixtures/torch/gl002_argmax_loss.cpp" proj/src/
cp "$ROOT/fixtures/torch/oracle.h" "$ROOT/fixtures/torch/gl001_guard_in_helper.cpp" proj/src/third_party/
cp "$ROOT/fixtures/torch/oracle.h" "$ROOT/fixtures/torch/gl001_guard_in_helper.cpp" other/
rules() { "$BIN" --format json "$@" > out.json; jv out.json 'diagnostics.*.rule' | tr '\n' ' '; }

expect_eq "no config" "$(rules proj/src)" "GL001 GL002 GL001 "
cat > proj/.tfgradlint.json <<'JSON'
{
  // GL002 is handled by review for now
  "ignore": ["GL002"],
  /* vendored code is not ours */
  "exclude": ["third_party"],
  "severity": {"loss-outside-tape": "warning"}
}
JSON
expect_eq "config found upward" "$(rules proj/src)" "GL001 "
expect_eq "severity from config" "$(jv out.json diagnostics.0.severity)" warning
expect_eq "excluded file is not listed" "$(jv out.json 'files.*.path' | grep -c third_party)" 0
expect_eq "excluded even when named" "$(rules proj/src/third_party/gl001_guard_in_helper.cpp)" ""
expect_eq "a file outside the project has no config" "$(rules other/gl001_guard_in_helper.cpp)" "GL001 "
expect_eq "and keeps the rule's severity" "$(jv out.json diagnostics.0.severity)" error
expect_eq "--select overrides the config's ignore" "$(rules --select GL002 proj/src)" "GL002 "
expect_eq "--ignore adds to it" "$(rules --ignore GL001 proj/src)" ""
cat > cli.json <<'JSON'
{"select": ["GL002"]}
JSON
expect_eq "--config replaces discovery" "$(rules --config cli.json proj/src)" "GL002 "

# Extra models: a user framework described in JSON, path relative to the config.
mkdir mini && cp "$ROOT"/fixtures/mini/* mini/
expect_eq "without the model" "$(rules mini/gl001_guard_in_step.cpp)" ""
echo '{"models": ["mini.json"]}' > mini/.tfgradlint.json
expect_eq "model from config" "$(rules mini/gl001_guard_in_step.cpp)" "GL001 "

# Malformed: each file under it is an error naming the configuration, its
# line and the problem (exit 2); a file elsewhere is still analysed.
printf '{\n  "select": ["GL001"],\n  "ignore": ["GL042"]\n}\n' > proj/.tfgradlint.json
mkdir elsewhere && cp "$ROOT"/fixtures/torch/{gl001_guard_in_helper.cpp,oracle.h} elsewhere/
"$BIN" proj/src/gl002_argmax_loss.cpp elsewhere/gl001_guard_in_helper.cpp > out.txt 2> err.txt
expect_eq "bad config status" $? 2
expect_eq "bad config message" "$(cat err.txt)" \
  "proj/src/gl002_argmax_loss.cpp: error: $PWD/proj/.tfgradlint.json:3: unknown rule 'GL042' (see --list-rules)"
expect_grep "the other file is analysed" '^elsewhere/gl001_guard_in_helper.cpp:8:10: error: .*\[GL001' out.txt
printf '{\n  "select": ["GL001"]\n  "ignore": []\n}\n' > proj/.tfgradlint.json
"$BIN" proj/src 2> err.txt
expect_grep "syntax error line" '\.tfgradlint\.json:3: invalid JSON' err.txt
"$BIN" --config missing.json proj/src 2> err.txt
expect_eq "missing --config" "$(cat err.txt)" "tfgradlint: error: missing.json: cannot read configuration file"
