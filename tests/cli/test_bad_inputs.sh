# The bad-input matrix: every input a pull request can contain gets a clear
# answer. A file that cannot be analysed is one message naming it and the
# problem, a JSON files[] entry with "status": "error", and exit status 2;
# the good file analysed next to it is still reported (its GL001 finding).
. "$ROOT/tests/cli/lib.sh"
cp "$ROOT"/fixtures/torch/{gl001_guard_in_helper.cpp,oracle.h} .
mv gl001_guard_in_helper.cpp good.cpp

# check_bad NAME ERROR_REGEX ARGS...: runs `--format json good.cpp ARGS...`,
# expects exit 2, the bad file (files[1]) in error with a message matching
# ERROR_REGEX, the same message on stderr, and good.cpp still analysed.
check_bad() {
  local name=$1 want=$2; shift 2
  "$BIN" --format json good.cpp "$@" > out.json 2> err.txt
  local st=$?
  expect_eq "$name: exit status" "$st" 2
  expect_eq "$name: status" "$(jv out.json files.1.status)" error
  expect_grep "$name: error" "$want" <(jv out.json files.1.error)
  expect_grep "$name: stderr names the file" "^$(jv out.json files.1.path): error: .*($want)" err.txt
  expect_eq "$name: good file analysed" "$(jv out.json files.0.status)" analyzed
  expect_eq "$name: good file reported" "$(jv out.json 'diagnostics.*.file' | sort -u)" good.cpp
  iconv -f UTF-8 -t UTF-8 out.json > /dev/null || fail "$name: JSON is not valid UTF-8"
}

# check_ok NAME FILE ARGS...: FILE is analysed without error next to good.cpp.
check_ok() {
  local name=$1 file=$2; shift 2
  "$BIN" --format json good.cpp "$file" "$@" > out.json 2> err.txt
  local st=$?
  expect_eq "$name: exit status" "$st" 1
  expect_eq "$name: status" "$(jv out.json files.1.status)" analyzed
  expect_eq "$name: good file reported" "$(jv out.json 'diagnostics.*.file' | sort -u)" good.cpp
}

check_bad "missing file" 'cannot open: No such file or directory' missing.cpp

printf 'int a;\0int b;\n' > nul.cpp
check_bad "NUL bytes" 'binary file \(contains NUL bytes\)' nul.cpp
head -c 4096 /dev/urandom > binary.cpp
printf '\0' >> binary.cpp
check_bad "binary file" 'binary file' binary.cpp

if [ "$(id -u)" -ne 0 ]; then
  echo 'int x;' > unreadable.cpp && chmod 000 unreadable.cpp
  check_bad "unreadable file" 'cannot open: Permission denied' unreadable.cpp
fi

: > empty.cpp
check_ok "empty file" empty.cpp
"$JGET" out.json files.1.error > /dev/null 2>&1 && fail "empty file: has an error"

# Invalid UTF-8 in an identifier is clang's error; in strings and comments
# the file is analysed, and every output stays valid.
printf 'int f\xff\xfe(int a) { return a; }\n' > badutf8_ident.cpp
check_bad "invalid UTF-8 identifier --strict" 'not valid UTF-8' badutf8_ident.cpp --strict
"$BIN" --format json badutf8_ident.cpp > out.json 2> err.txt
expect_eq "invalid UTF-8 identifier: exit status" $? 0
expect_eq "invalid UTF-8 identifier: partial" "$(jv out.json files.0.partial)" true
expect_grep "invalid UTF-8 identifier: first error" 'not valid UTF-8' <(jv out.json files.0.first_parse_error)
printf 'const char *s = "\xc3\x28 \x1b[2J";\n// comment \xe2\x82 \xff\n' > badutf8_text.cpp
check_ok "invalid UTF-8 in strings and comments" badutf8_text.cpp
iconv -f UTF-8 -t UTF-8 out.json > /dev/null || fail "JSON is not valid UTF-8"

# File names with escape sequences and invalid UTF-8 never reach the
# terminal raw, and every format stays valid.
evil=$(printf 'evil\033]0;pwned\a\033[31m\xff.cpp')
cp good.cpp "$evil"
"$BIN" "$evil" missing.cpp > out.txt 2> err.txt
expect_eq "evil name: exit status" $? 2
LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f\xff]' out.txt err.txt && fail "control bytes or invalid UTF-8 reached the terminal"
expect_grep "evil name: finding printed" '^evil\?\]0;pwned\?\?\[31m\?\.cpp:8:10: error' out.txt
for fmt in json sarif gitlab; do
  "$BIN" --format $fmt "$evil" missing.cpp > out.$fmt 2>/dev/null
  "$JGET" out.$fmt '' > /dev/null || fail "--format $fmt is not valid JSON"
  iconv -f UTF-8 -t UTF-8 out.$fmt > /dev/null || fail "--format $fmt is not valid UTF-8"
done
"$BIN" --format github "$evil" > out.github
LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f\xff]' out.github && fail "control bytes in --format github"
expect_eq "github: one command per finding" "$(grep -c '^::error file=evil' out.github)" 1

# A 1 MB line and a 10 MB generated file (not under valgrind, where
# parsing 10 MB takes longer than the time limit).
{ printf 'int v[] = {'; yes '1,' | head -n 500000 | tr -d '\n'; printf '1};\n'; } > longline.cpp
check_ok "1 MB line" longline.cpp
# (sed, not awk: mawk's sub() with a replacement built from NR is quadratic
# here, minutes of CPU for 280,000 lines.)
seq 280000 | sed 's/.*/int f&(int x) { return x * 2 + 1; }/' > huge.cpp
[ "$(stat -c %s huge.cpp)" -gt 10000000 ] || fail "huge.cpp is not 10 MB"
[ -n "${TFGRADLINT_UNDER_VALGRIND:-}" ] || check_ok "10 MB file" huge.cpp

# Nesting 10,000 deep: past the IR builder's depth cap the construct is
# unknown (no finding, no crash).
n=10000
{ printf 'int g(int x) { return '; printf '(%.0s' $(seq $n); printf 'x'; printf ')%.0s' $(seq $n); printf '; }\n'; } > deepexpr.cpp
{ printf 'void g() { int x = 0; '; printf '{%.0s' $(seq $n); printf 'x++;'; printf '}%.0s' $(seq $n); printf ' }\n'; } > deepblock.cpp
{ printf 'void g(int x) { '; printf 'if (x) %.0s' $(seq $n); printf 'x++; }\n'; } > deepif.cpp
check_ok "10,000 nested parentheses" deepexpr.cpp -- -fbracket-depth=20000
check_ok "10,000 nested blocks" deepblock.cpp -- -fbracket-depth=20000
check_ok "10,000 nested ifs" deepif.cpp
check_bad "clang's bracket limit" 'bracket nesting level exceeded' deepexpr.cpp --strict

# An expression of 300,000 terms overflows libclang's own stack: the crash
# is contained to its file.
{ printf 'int a = 1'; yes '+1' | head -n 300000 | tr -d '\n'; printf ';\n'; } > longexpr.cpp
# (Under valgrind the crash is valgrind's to report.)
[ -n "${TFGRADLINT_UNDER_VALGRIND:-}" ] || check_bad "crash in libclang" 'the analysis crashed \(signal 11' longexpr.cpp

# A per-file time limit. The test hook makes the child for slow.cpp hang
# for ever, so the outcome does not depend on the machine's speed; the
# limit is long enough for good.cpp on a loaded machine (under memcheck,
# where it takes ten times longer, a longer one).
printf 'int main() { return 0; }\n' > slow.cpp
limit=20
[ -z "${TFGRADLINT_UNDER_VALGRIND:-}" ] || limit=120
TFGRADLINT_TEST_HANG=slow.cpp check_bad "timeout" "timed out after $limit s \\(--timeout\\)" slow.cpp --timeout $limit

# A syntax error halfway through a training function: the file is
# analysed partially, the functions before and after it as usual, and the
# exit status comes from the findings alone.
{ sed -n '1,9p' good.cpp
  printf 'void broken(torch::nn::Sequential& model, torch::Tensor x) {\n  auto loss = predict(model, x).sum() * ;\n  loss.backward();\n}\n'
  sed -n '10,$p' good.cpp; } > halfway.cpp
"$BIN" --format json halfway.cpp > out.json 2> err.txt
expect_eq "syntax error: exit status from the findings" $? 1
expect_eq "syntax error: status" "$(jv out.json files.0.status)" analyzed
expect_eq "syntax error: partial" "$(jv out.json files.0.partial)" true
expect_grep "syntax error: names line and problem" 'halfway.cpp:11:[0-9]+: error: expected expression' <(jv out.json files.0.first_parse_error)
expect_eq "syntax error: finding before it" "$(jv out.json 'diagnostics.*.line')" 8
expect_grep "syntax error: function after it analysed" 'gradients of the loss are requested here' <(jv out.json 'diagnostics.0.notes.*.message')
"$BIN" halfway.cpp > out.txt 2> err.txt
expect_eq "syntax error: quiet about it by default" "$(grep -c 'partially analysed' err.txt)" 0
"$BIN" --show-partial halfway.cpp > out.txt 2> err.txt
expect_grep "syntax error: --show-partial summary" '^halfway.cpp: partially analysed: 1 parse error, [0-9]+ unresolved names?, 0 missing headers; first: halfway.cpp:11' err.txt
"$BIN" -v halfway.cpp > out.txt 2> err.txt
expect_grep "syntax error: -v summary" '^halfway.cpp: partially analysed' err.txt
# --strict: any parse error fails the run, as before partial analysis.
"$BIN" --strict --format json halfway.cpp > out.json 2> err.txt
expect_eq "syntax error --strict: exit status" $? 2
expect_eq "syntax error --strict: status" "$(jv out.json files.0.status)" error
expect_grep "syntax error --strict: names line and problem" 'halfway.cpp:11:[0-9]+: error: expected expression' <(jv out.json files.0.error)
expect_eq "syntax error --strict: finding kept" "$(jv out.json 'diagnostics.*.line')" 8

# Unknown compiler flags are clang errors: with --strict they fail every
# file they are given to, with clang's message; the findings are still
# reported. (Without it, the files are partial and the message is in
# first_parse_error.)
"$BIN" --strict --format json good.cpp -- --no-such-flag > out.json 2> err.txt
expect_eq "unknown flag: exit status" $? 2
expect_grep "unknown flag: message" "unsupported option '--no-such-flag'" <(jv out.json files.0.error)
expect_eq "unknown flag: finding kept" "$(jv out.json 'diagnostics.*.rule')" GL001

# A symlink loop in a walked directory: walked once, no hang.
mkdir -p tree/sub && cp good.cpp oracle.h tree/ && ln -s .. tree/sub/up && ln -s self tree/self.cpp
"$BIN" --format json tree > out.json 2> err.txt
st=$?
expect_eq "symlink loop: good file analysed" "$(jv out.json 'files.*.path' | grep -c 'tree/good.cpp')" 1
expect_eq "symlink loop: a self-link is no file to analyse" \
  "$(paste <(jv out.json 'files.*.path') <(jv out.json 'files.*.status') | grep self.cpp | grep -vc error)" 0
[ "$st" -le 2 ] || fail "symlink loop: exit status $st"

# Malformed model and configuration files: the file, its line and the problem.
printf '{\n  "name": "x",\n  "types": [1,\n' > badmodel.json
"$BIN" --model badmodel.json good.cpp > out.txt 2> err.txt
expect_eq "malformed model: exit status" $? 2
expect_eq "malformed model: message" "$(cat err.txt)" "good.cpp: error: badmodel.json: line 4: invalid JSON"
mkdir -p cfg && cp good.cpp oracle.h cfg/ && printf '{\n  "select": ["GL001",]\n}\n' > cfg/.tfgradlint.json
check_bad "malformed config" '\.tfgradlint\.json:2: invalid JSON' cfg/good.cpp
mkdir adir
"$BIN" --model adir good.cpp > out.txt 2> err.txt
expect_eq "directory as model: exit status" $? 2
expect_eq "directory as model: message" "$(cat err.txt)" "good.cpp: error: adir: cannot read model file: read error"
"$BIN" --config adir good.cpp > out.txt 2> err.txt
expect_eq "directory as config: exit status" $? 2
expect_eq "directory as config: message" "$(cat err.txt)" "tfgradlint: error: adir: cannot read configuration file"

# A compilation database that lists a missing file.
mkdir db
printf '[{"directory": "%s", "file": "gone.cpp", "arguments": ["c++", "-c", "gone.cpp"]},\n {"directory": "%s", "file": "good.cpp", "arguments": ["c++", "-c", "good.cpp"]}]\n' "$PWD" "$PWD" > db/compile_commands.json
"$BIN" --format json -p db > out.json 2> err.txt
expect_eq "database with a missing file: exit status" $? 2
expect_grep "database with a missing file: message" 'gone.cpp: error: cannot open: No such file or directory' err.txt
expect_eq "database with a missing file: other file" "$(jv out.json 'diagnostics.*.rule')" GL001
exit 0
