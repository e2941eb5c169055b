# Project roots. A project with no marker (.git, CMakeLists.txt, ...) above it, as a
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

# A project nested in a repository whose build reaches the repository's
# shared headers (`include_directories(../../utils)`): a header the nested
# project lacks is found in the roots around it, then in the named directory.
mkdir -p repo/examples/gan/src repo/utils
printf 'cmake_minimum_required(VERSION 3.16)\nproject(gan CXX)\n' > repo/examples/gan/CMakeLists.txt
cp "$ROOT/fixtures/projects/header_two_includers/model.h" repo/utils/
cp "$ROOT/fixtures/projects/header_two_includers/train_a.cpp" repo/examples/gan/src/
expect_eq "shared header of the named repository" "$(rules repo)" "GL002 "
expect_eq "in the shared header" "$(jv out.json diagnostics.0.file)" "repo/utils/model.h"
expect_eq "the nested project named alone: not found" "$(rules repo/examples/gan)" ""
mkdir repo/.git
expect_eq "found through the repository's marker" "$(rules repo/examples/gan)" "GL002 "
