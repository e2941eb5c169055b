# The pre-commit hook of .pre-commit-hooks.yaml, run by the real pre-commit
# (Debian package pre-commit) on a throw-away repository: it fails on a
# buggy training file, passes on a clean one, and ignores other files.
. "$ROOT/tests/cli/lib.sh"
if ! command -v pre-commit > /dev/null || ! command -v git > /dev/null; then
  echo "pre-commit or git not installed (apt-get install pre-commit)"
  exit 77
fi
export PATH="$(dirname "$BIN"):$PATH" PRE_COMMIT_HOME="$WORK/cache" HOME="$WORK"
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.invalid GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.invalid
# try-repo wants a repository: snapshot the hook file the way it is now.
mkdir hookrepo && cp "$ROOT/.pre-commit-hooks.yaml" hookrepo/
git -C hookrepo init -q && git -C hookrepo add . && git -C hookrepo commit -qm hook
mkdir proj && cd proj && git init -q
cp "$ROOT/fixtures/torch/oracle.h" "$ROOT/fixtures/torch/gl001_guard_in_helper.cpp" "$ROOT/fixtures/torch/clean_regression_loop.cpp" .
echo 'not C++' > notes.txt
git add .
pre-commit try-repo ../hookrepo tfgradlint --files gl001_guard_in_helper.cpp notes.txt > bug.txt 2>&1
expect_eq "hook fails on a bug" $? 1
expect_grep "finding shown" 'gl001_guard_in_helper.cpp:8:10: error: .*\[GL001 loss-outside-tape\]' bug.txt
pre-commit try-repo ../hookrepo tfgradlint --files clean_regression_loop.cpp oracle.h > clean.txt 2>&1
expect_eq "hook passes on clean code" $? 0
expect_grep "hook ran" '^tfgradlint\.+Passed' clean.txt
pre-commit try-repo ../hookrepo tfgradlint --files notes.txt > none.txt 2>&1
expect_grep "no C or C++ files" '^tfgradlint\.+\(no files to check\)Skipped' none.txt
