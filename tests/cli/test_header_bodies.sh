# Bodies defined in project headers: a finding in a header included by two
# sources is reported once, in the header, with the header's own
# configuration (not the including source's), and the command line still
# applies to it.
. "$ROOT/tests/cli/lib.sh"
mkdir -p proj/include proj/src
printf 'cmake_minimum_required(VERSION 3.16)\nproject(p CXX)\n' > proj/CMakeLists.txt
cp "$ROOT/fixtures/projects/header_two_includers/model.h" proj/include/
for f in train_a train_b; do
  sed 's|#include "model.h"|#include "../include/model.h"|' "$ROOT/fixtures/projects/header_two_includers/$f.cpp" > proj/src/$f.cpp
done
rules() { "$BIN" --format json "$@" > out.json; jv out.json 'diagnostics.*.rule' | tr '\n' ' '; }

expect_eq "reported once" "$(rules proj)" "GL002 "
expect_eq "in the header" "$(jv out.json diagnostics.0.file):$(jv out.json diagnostics.0.line)" "proj/include/model.h:10"
expect_eq "the header is not a file of the run" "$(jv out.json 'files.*.path' | tr '\n' ' ')" \
  "proj/src/train_a.cpp proj/src/train_b.cpp "
expect_eq "once with absolute paths too" "$(rules "$PWD/proj")" "GL002 "
expect_eq "absolute header path" "$(jv out.json diagnostics.0.file)" "$PWD/proj/include/model.h"
expect_eq "--ignore applies to headers" "$(rules --ignore GL002 proj)" ""

echo '{"ignore": ["GL002"]}' > proj/src/.tfgradlint.json
expect_eq "the sources' config does not hide the header's finding" "$(rules proj)" "GL002 "
rm proj/src/.tfgradlint.json
echo '{"ignore": ["GL002"]}' > proj/include/.tfgradlint.json
expect_eq "the header's config does" "$(rules proj)" ""
echo '{"severity": {"nondiff-on-loss-path": "warning"}}' > proj/include/.tfgradlint.json
expect_eq "severity from the header's config" "$(rules proj)" "GL002 "
expect_eq "is a warning" "$(jv out.json diagnostics.0.severity)" warning
echo '{"exclude": ["model.h"]}' > proj/include/.tfgradlint.json
expect_eq "a header its config excludes reports nothing" "$(rules proj)" ""
