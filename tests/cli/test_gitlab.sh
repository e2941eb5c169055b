# --format gitlab: a Code Quality report, an array of issues with the
# fields GitLab requires, and unique fingerprints.
. "$ROOT/tests/cli/lib.sh"
cp "$ROOT/fixtures/torch/oracle.h" "$ROOT/fixtures/torch/gl001_guard_in_helper.cpp" "$ROOT/fixtures/torch/gl002_argmax_loss.cpp" .
run_tool out.json --format gitlab gl001_guard_in_helper.cpp gl002_argmax_loss.cpp
expect_eq "exit status" "$status" 1
expect_eq issues "$(jv out.json '#')" 2
expect_eq check_name "$(jv out.json '*.check_name' | tr '\n' ' ')" "GL001 GL002 "
expect_grep description 'recording off' <(jv out.json 0.description)
expect_eq severity "$(jv out.json '*.severity' | sort -u)" major
expect_eq path "$(jv out.json 0.location.path)" gl001_guard_in_helper.cpp
expect_eq begin "$(jv out.json 0.location.lines.begin)" 8
expect_grep fingerprint '^[0-9a-f]{16}$' <(jv out.json '*.fingerprint')
expect_eq "unique fingerprints" "$(jv out.json '*.fingerprint' | sort -u | wc -l)" 2
run_tool clean.json --format gitlab "$ROOT/fixtures/torch/clean_regression_loop.cpp"
expect_eq "clean report" "$(jv clean.json '#')" 0
