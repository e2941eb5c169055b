/* str: small string predicates shared by modules that must not depend on
 * each other (the front end and the analyses). */
#ifndef TFG_UTIL_STR_H
#define TFG_UTIL_STR_H
#include <stdbool.h>
#include <stddef.h>

/* Whether `s` ends with `suffix`; false for a NULL `s`. */
bool str_has_suffix(const char *s, const char *suffix);
/* Whether `path` lies below the directory `dir` (a path equal to `dir` does
 * not, unless `dir` ends with '/'); false for a NULL or empty `dir`. Both
 * are spelled alike (resolved paths). */
bool str_path_under(const char *path, const char *dir);
/* Whether one of the compiler flags `args` names a language standard
 * (-std=..., --std=...). */
bool str_args_name_std(const char *const *args, size_t n);

#endif
