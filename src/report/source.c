/* report/source: reading source lines and naming files relative to the
 * source root, for snippets, fingerprints and CI paths. */
#include "report.h"
#include "../util/alloc.h"
#include "../util/strbuf.h"
#include <limits.h>
#include <stdlib.h>
#include <string.h>

char *report_source_line(const char *path, unsigned line)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    struct strbuf b;
    sb_init(&b);
    unsigned cur = 1;
    int c;
    while ((c = fgetc(f)) != EOF && cur <= line) {
        if (c == '\n') {
            cur++;
            continue;
        }
        if (cur == line && c != '\r' && b.len < 4096)
            sb_addc(&b, (char)c);
    }
    fclose(f);
    if (cur < line)
        return sb_free(&b), NULL;
    return sb_detach(&b);
}

char *report_relpath(const char *path, const char *root)
{
    char *abs = realpath(path, NULL);
    if (!abs)
        return xstrdup(path);
    size_t n = root ? strlen(root) : 0;
    while (n > 1 && root[n - 1] == '/')
        n--;
    if (n && strncmp(abs, root, n) == 0 && abs[n] == '/') {
        char *rel = xstrdup(abs + n + 1);
        free(abs);
        return rel;
    }
    if (n == 1 && root[0] == '/') { /* everything is under "/" */
        char *rel = xstrdup(abs + 1);
        free(abs);
        return rel;
    }
    return abs;
}

void report_add_uri(struct strbuf *b, const char *path)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("-._~/", *p))
            sb_addc(b, (char)*p);
        else {
            sb_addc(b, '%');
            sb_addc(b, hex[*p >> 4]);
            sb_addc(b, hex[*p & 15]);
        }
    }
}
