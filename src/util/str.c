/* str: small string predicates. */
#include "str.h"
#include <string.h>

bool str_has_suffix(const char *s, const char *suffix)
{
    size_t n = s ? strlen(s) : 0, k = strlen(suffix);
    return s && n >= k && strcmp(s + n - k, suffix) == 0;
}

bool str_path_under(const char *path, const char *dir)
{
    size_t n = dir ? strlen(dir) : 0;
    return n && strncmp(path, dir, n) == 0 && (path[n] == '/' || dir[n - 1] == '/');
}

bool str_args_name_std(const char *const *args, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strncmp(args[i], "-std=", 5) == 0 || strncmp(args[i], "--std=", 6) == 0)
            return true;
    return false;
}
