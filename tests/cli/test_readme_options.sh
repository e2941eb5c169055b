# The README's option table and --help list the same options: every option
# in one appears in the other.
. "$ROOT/tests/cli/lib.sh"
"$BIN" --help > help.txt || fail "--help failed"
# --help: the first column of each option line (up to two spaces).
sed -n 's/^  \(-[^ ].*\)$/\1/p' help.txt | sed 's/  .*//' | grep -oE -- '--?[a-zA-Z][a-zA-Z-]*' | sort -u > from_help.txt
# README: the first cell of each row of the table under "## Options".
awk '/^## Options/ { on = 1; next } /^## / { on = 0 } on && /^\| `/' "$ROOT/README.md" | sed 's/\\|//g' \
  | awk -F'|' '{ print $2 }' | grep -oE -- '--?[a-zA-Z][a-zA-Z-]*' | sort -u > from_readme.txt
[ -s from_help.txt ] || fail "no option found in --help"
[ -s from_readme.txt ] || fail "no option table found under '## Options' in README.md"
only_help=$(comm -23 from_help.txt from_readme.txt | tr '\n' ' ')
only_readme=$(comm -13 from_help.txt from_readme.txt | tr '\n' ' ')
expect_eq "options in --help missing from the README's table" "$only_help" ""
expect_eq "options in the README's table that --help does not list" "$only_readme" ""
