#!/usr/bin/env bash
# The fixtures `make valgrind` runs under memcheck: for each framework
# directory under fixtures/, the first fixture of each rule (glNNN_*) and
# the first clean one, so every rule and every framework is covered in a
# few minutes instead of all the fixtures in hours.
# usage: subset.sh ROOT
set -euo pipefail
for dir in "$1"/fixtures/*/; do
  for prefix in $(ls "$dir" | grep -oE '^(gl[0-9]+|clean)_' | sort -u); do
    ls "$dir" | grep -E "^${prefix}.*\.(c|cc|cpp)$" | sort | head -1 | sed "s|^|${dir%/}/|"
  done
done
