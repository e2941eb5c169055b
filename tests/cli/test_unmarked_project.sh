# A project with no marker (.git, CMakeLists.txt, ...) above it, as a
# downloaded archive or a copied folder is: the directory named on the
# command line stands for its root, so `#include "model.h"` from src/
# still finds include/model.h and the finding in it is reported. Named
# as a file, the source has no root to search, and the missing header
# leaves it partial and silent.
. "$ROOT/tests/cli/lib.sh"
mkdir -p proj/include proj/src
cp "$ROOT/fixtures/projects/header_two_includers/model.h" proj/include/
cp "$ROOT/fixtures/projects/header_two_includers/train_a.cpp" proj/src/
rules() { "$BIN" --format json "$@" > out.json; jv out.json 'diagnostics.*.rule' | tr '\n' ' '; }

expect_eq "found under the named directory" "$(rules proj)" "GL002 "
expect_eq "in the header" "$(jv out.json diagnostics.0.file)" "proj/include/model.h"
expect_eq "through the named subdirectory too" "$(rules proj/src)" ""
expect_eq "a named file alone: partial, silent" "$(rules proj/src/train_a.cpp)" ""
expect_eq "and says so" "$(jv out.json files.0.partial):$(jv out.json files.0.missing_headers)" "true:1"
