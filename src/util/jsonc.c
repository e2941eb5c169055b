/* jsonc: comment stripping that keeps offsets. */
#include "jsonc.h"

static void blank(char *p)
{
    if (*p != '\n' && *p != '\r')
        *p = ' ';
}

bool jsonc_strip(char *text, size_t *bad)
{
    bool in_string = false;
    for (char *p = text; *p; p++) {
        if (in_string) {
            if (*p == '\\' && p[1])
                p++;
            else if (*p == '"')
                in_string = false;
        } else if (*p == '"') {
            in_string = true;
        } else if (p[0] == '/' && p[1] == '/') {
            for (; *p && *p != '\n'; p++)
                blank(p);
            if (!*p)
                break;
        } else if (p[0] == '/' && p[1] == '*') {
            char *start = p;
            blank(p++), blank(p++);
            for (; *p && !(p[0] == '*' && p[1] == '/'); p++)
                blank(p);
            if (!*p) {
                *bad = (size_t)(start - text);
                return false;
            }
            blank(p++), blank(p);
        }
    }
    return true;
}

unsigned jsonc_line_of(const char *text, size_t offset)
{
    unsigned line = 1;
    for (size_t i = 0; i < offset && text[i]; i++)
        line += text[i] == '\n';
    return line;
}
