# --format sarif: the SARIF 2.1.0 structure GitHub code scanning reads,
# with rule metadata from the docs and root-relative URIs.
. "$ROOT/tests/cli/lib.sh"
cp "$ROOT/fixtures/torch/gl001_guard_in_helper.cpp" "$ROOT/fixtures/torch/gl002_argmax_loss.cpp" .
cp -R "$ROOT/fixtures/torch/oracle.h" .
run_tool out.sarif --format sarif gl001_guard_in_helper.cpp gl002_argmax_loss.cpp missing.cpp 2>/dev/null
expect_eq "exit status" "$status" 2
expect_eq '$schema' "$(jv out.sarif '$schema')" https://json.schemastore.org/sarif-2.1.0.json
expect_eq version "$(jv out.sarif version)" 2.1.0
d=runs.0.tool.driver
expect_eq name "$(jv out.sarif $d.name)" tfgradlint
expect_eq version "$(jv out.sarif $d.version)" "$("$BIN" --version | cut -d' ' -f2)"
expect_grep informationUri '^https?://' <(jv out.sarif $d.informationUri)
# One rule entry per registered rule (and the NOLINT pseudo-rule), in
# --list-rules order, each with the doc's texts and a default level.
nrules=$("$BIN" --list-rules | wc -l)
expect_eq "rules" "$(jv out.sarif $d.rules.#)" $((nrules + 1))
expect_eq "rule ids" "$(jv out.sarif "$d.rules.*.id" | head -n "$nrules")" "$("$BIN" --list-rules | cut -d' ' -f1)"
for i in $(seq 0 $((nrules - 1))); do
  id=$(jv out.sarif $d.rules.$i.id)
  summary=$("$BIN" --list-rules | grep "^$id " | sed -E 's/^[^ ]+ +[^ ]+ +[^ ]+ +//')
  expect_eq "$id shortDescription" "$(jv out.sarif $d.rules.$i.shortDescription.text)" "$summary"
  expect_grep "$id fullDescription" "^$summary" <(jv out.sarif $d.rules.$i.fullDescription.text)
  expect_grep "$id help" "^# $id" <(jv out.sarif $d.rules.$i.help.markdown)
  expect_grep "$id level" '^(error|warning|note)$' <(jv out.sarif $d.rules.$i.defaultConfiguration.level)
  expect_eq "$id name" "$(jv out.sarif $d.rules.$i.name)" "$("$BIN" --list-rules | grep "^$id " | awk '{print $2}')"
done
r=runs.0.results
expect_eq results "$(jv out.sarif $r.#)" 2
expect_eq ruleIds "$(jv out.sarif "$r.*.ruleId" | tr '\n' ' ')" "GL001 GL002 "
expect_eq ruleIndex "$(jv out.sarif $r.1.ruleIndex)" 1
expect_eq level "$(jv out.sarif $r.0.level)" error
expect_grep message 'recording off' <(jv out.sarif $r.0.message.text)
p=$r.0.locations.0.physicalLocation
expect_eq uri "$(jv out.sarif $p.artifactLocation.uri)" gl001_guard_in_helper.cpp
expect_eq uriBaseId "$(jv out.sarif $p.artifactLocation.uriBaseId)" SRCROOT
expect_eq startLine "$(jv out.sarif $p.region.startLine)" 8
expect_eq startColumn "$(jv out.sarif $p.region.startColumn)" 10
expect_eq endLine "$(jv out.sarif $p.region.endLine)" 8
expect_eq endColumn "$(jv out.sarif $p.region.endColumn)" 27
expect_eq "SRCROOT" "$(jv out.sarif runs.0.originalUriBaseIds.SRCROOT.uri)" "file://$PWD/"
# Notes become related locations with their messages.
expect_eq related "$(jv out.sarif $r.0.relatedLocations.#)" 2
expect_eq "related line" "$(jv out.sarif $r.0.relatedLocations.0.physicalLocation.region.startLine)" 7
expect_grep "related message" 'turned off here' <(jv out.sarif $r.0.relatedLocations.0.message.text)
expect_grep fingerprint '^[0-9a-f]{16}$' <(jv out.sarif "$r.*.partialFingerprints.tfgradlint/v1")
# The file that could not be analysed is a tool execution notification.
inv=runs.0.invocations.0
expect_eq executionSuccessful "$(jv out.sarif $inv.executionSuccessful)" false
expect_grep notification '^missing.cpp: cannot open' <(jv out.sarif $inv.toolExecutionNotifications.0.message.text)
# --root: URIs are relative to it; a file outside it gets an absolute URI.
mkdir sub && cp gl001_guard_in_helper.cpp oracle.h sub/
run_tool root.sarif --format sarif --root sub sub/gl001_guard_in_helper.cpp gl002_argmax_loss.cpp
# (Results are sorted by path as given: gl002_argmax_loss.cpp < sub/...)
expect_eq "uri outside --root" "$(jv root.sarif $p.artifactLocation.uri)" "file://$PWD/gl002_argmax_loss.cpp"
expect_eq "uri under --root" "$(jv root.sarif runs.0.results.1.locations.0.physicalLocation.artifactLocation.uri)" \
  gl001_guard_in_helper.cpp
# A clean run is a valid log with no results.
run_tool clean.sarif --format sarif "$ROOT/fixtures/torch/clean_regression_loop.cpp"
expect_eq "clean status" "$status" 0
expect_eq "clean results" "$(jv clean.sarif runs.0.results.#)" 0
