# Plain `make` builds with what is installed and never runs apt-get; `make
# check` and `make demo` install what is missing first (make deps).
. "$ROOT/tests/cli/lib.sh"
unset MAKEFLAGS MFLAGS MAKELEVEL  # not the flags of the make running the tests
command -v make > /dev/null || { echo "make is not installed"; exit 77; }
make -n -C "$ROOT" BUILD="$WORK/build" all > all.txt 2>&1 || fail "make -n all failed: $(cat all.txt)"
grep -Eq 'apt-get|dpkg-query' all.txt && fail "plain make would install packages: $(grep -E 'apt-get|dpkg-query' all.txt)"
grep -q 'embed_docs' all.txt || fail "make -n all printed no build command: $(cat all.txt)"
for target in check demo; do
  make -n -C "$ROOT" BUILD="$WORK/build" $target > $target.txt 2>&1
  grep -q 'dpkg-query' $target.txt || fail "make $target no longer installs what is missing"
done
exit 0
