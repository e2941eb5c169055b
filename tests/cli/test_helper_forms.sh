# A training graph built through helpers that take the op type as a
# parameter reports what the same graph built inline reports: every
# fixture marked `// helper-form-of: INLINE` must give the same rules, the
# same number of times, as INLINE (the fixture runner checks the lines).
. "$ROOT/tests/cli/lib.sh"
rules() { "$BIN" --format json "$1" > out.json; jv out.json 'diagnostics.*.rule' | sort | tr '\n' ' '; }
pairs=0
for helper in $(grep -rl '^// helper-form-of: ' "$ROOT/fixtures"); do
  inline="$(dirname "$helper")/$(sed -n 's|^// helper-form-of: ||p' "$helper")"
  [ -f "$inline" ] || fail "$helper: no inline form $inline"
  got=$(rules "$helper")
  want=$(rules "$inline")
  [ -n "$want" ] || fail "$inline: reports nothing, so the comparison proves nothing"
  expect_eq "$(basename "$helper") vs $(basename "$inline")" "$got" "$want"
  pairs=$((pairs + 1))
done
[ "$pairs" -ge 5 ] || fail "only $pairs helper forms (want at least 5)"
