# NOLINT comments in a real training file: each form suppresses exactly the
# named rules on the covered lines, and unmatched regions are reported.
. "$ROOT/tests/cli/lib.sh"
cp "$ROOT/fixtures/torch/oracle.h" .
src="$ROOT/fixtures/torch/gl001_guard_in_helper.cpp"   # GL001 on line 8
flag='return model->forward(x);'
count() { "$BIN" --format json "$@" > out.json; jv out.json 'diagnostics.#'; }

variant() { sed "$1" "$src" > step.cpp; }
variant "s|$flag.*|$flag  // NOLINT|"
expect_eq "NOLINT" "$(count step.cpp)" 0
expect_eq "exit status when all are suppressed" "$("$BIN" step.cpp > /dev/null; echo $?)" 0
variant "s|$flag.*|$flag  // NOLINT(GL002)|"
expect_eq "NOLINT(other rule)" "$(count step.cpp)" 1
variant "s|$flag.*|$flag  // NOLINT(tfgradlint-loss-outside-tape)|"
expect_eq "NOLINT(prefixed name)" "$(count step.cpp)" 0
variant "8i\\  // NOLINTNEXTLINE(GL002, GL001)"
expect_eq "NOLINTNEXTLINE" "$(count step.cpp)" 0
variant "7i\\  // NOLINTNEXTLINE(GL001)"
expect_eq "NOLINTNEXTLINE on the wrong line" "$(count step.cpp)" 1
variant "6i\\// NOLINTBEGIN(GL001)
9a\\// NOLINTEND(GL001)"
expect_eq "NOLINTBEGIN/END" "$(count step.cpp)" 0

# Unmatched: the finding stays, and the comment is itself reported.
variant "6i\\// NOLINTBEGIN(GL001)
9a\\// NOLINTEND(GL002)"
count step.cpp > /dev/null
expect_eq "unmatched rules" "$(jv out.json 'diagnostics.*.rule' | tr '\n' ' ')" "tfgradlint-nolint GL001 tfgradlint-nolint "
expect_eq "unmatched BEGIN line" "$(jv out.json diagnostics.0.line)" 6
expect_grep "unmatched END message" "^unmatched 'NOLINTEND\(GL002\)' comment without a previous 'NOLINTBEGIN'" \
  <(jv out.json diagnostics.2.message)
expect_eq "pseudo-rule has a doc" "$("$BIN" --explain tfgradlint-nolint | head -1)" "# tfgradlint-nolint unmatched-nolint"
