/* str: small string predicates. */
#include "str.h"
#include <string.h>

bool str_has_suffix(const char *s, const char *suffix)
{
    size_t n = s ? strlen(s) : 0, k = strlen(suffix);
    return s && n >= k && strcmp(s + n - k, suffix) == 0;
}
