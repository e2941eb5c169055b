// Found by fuzz_body (UBSan): the join after an `if` in a function that had
// assigned no variable yet copied zero bytes from the still-NULL list of
// assigned variables ("applying zero offset to null pointer"). A sanitizer
// build (make check SANITIZE=1) aborted on it.
void branch_first(bool flag) {
  if (flag) {
  }
}
