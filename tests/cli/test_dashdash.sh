# Files after `--` are compiler flags; when they name existing C or C++
# files (what `... | xargs tfgradlint -- -Iinclude` makes), a warning names
# them and says how to put them first.
. "$ROOT/tests/cli/lib.sh"
cp "$ROOT/fixtures/torch/oracle.h" "$ROOT/fixtures/torch/gl002_argmax_loss.cpp" .
touch empty.cpp helper.h
"$BIN" -- -Iinclude gl002_argmax_loss.cpp helper.h > out.txt 2> err.txt
expect_eq "only files after -- status" $? 2
expect_grep "names the files" "^tfgradlint: warning: 'gl002_argmax_loss.cpp', 'helper.h' come after '--', so they are passed to the compiler as flags and not analysed; name files before '--'" err.txt
expect_grep "hint for pipes" "xargs sh -c 'tfgradlint \"\\\$@\" -- FLAGS' sh" err.txt
expect_grep "still no input" "^tfgradlint: error: no input files" err.txt
# With a file before `--` too, the warning explains why libclang then
# cannot parse it (two inputs).
"$BIN" empty.cpp -- -Iinclude gl002_argmax_loss.cpp > out.txt 2> err.txt
expect_eq "file before -- status" $? 2
expect_grep "one file named" "^tfgradlint: warning: 'gl002_argmax_loss.cpp' comes after '--', so it is passed to the compiler as a flag" err.txt
# No warning for the value of a flag, a file that does not exist, or -q.
"$BIN" empty.cpp -- -include helper.h -Iinclude missing.cpp > out.txt 2> err.txt
grep -q "after '--'" err.txt && fail "warned about a flag's value or a missing file: $(cat err.txt)"
"$BIN" -q empty.cpp -- gl002_argmax_loss.cpp > out.txt 2> err.txt
grep -q "after '--'" err.txt && fail "warned with --quiet: $(cat err.txt)"
# Where the files belong, they are analysed.
"$BIN" gl002_argmax_loss.cpp -- -Iinclude > out.txt 2> err.txt
expect_eq "files before --" $? 1
exit 0
