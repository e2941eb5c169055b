/* rules/docinfo: slicing rule docs into summary and description. */
#include "docinfo.h"
#include "../util/alloc.h"
#include "../util/strbuf.h"
#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Start of the line after `p`'s line, or the terminating NUL. */
static const char *next_line(const char *p)
{
    const char *nl = strchr(p, '\n');
    return nl ? nl + 1 : p + strlen(p);
}

static bool is_heading(const char *line, const char *heading)
{
    size_t n = strlen(heading);
    return strncmp(line, "## ", 3) == 0 && strncmp(line + 3, heading, n) == 0 &&
           (line[3 + n] == '\n' || line[3 + n] == '\r' || line[3 + n] == '\0');
}

char *rule_doc_section(const char *doc, const char *heading)
{
    const char *p = doc;
    while (*p && !is_heading(p, heading))
        p = next_line(p);
    if (!*p)
        return NULL;
    const char *start = next_line(p), *end = start;
    while (*end && strncmp(end, "## ", 3) != 0)
        end = next_line(end);
    while (start < end && isspace((unsigned char)*start))
        start++;
    while (end > start && isspace((unsigned char)end[-1]))
        end--;
    return xstrndup(start, (size_t)(end - start));
}

char *rule_doc_description(const char *doc)
{
    char *md = rule_doc_section(doc, "What it does");
    if (!md)
        return NULL;
    struct strbuf b;
    sb_init(&b);
    for (const char *p = md; *p; p++) {
        if (*p == '`')
            continue;
        if (isspace((unsigned char)*p)) {
            /* Collapse runs of white space (line breaks, indentation). */
            if (b.len && b.s[b.len - 1] != ' ')
                sb_addc(&b, ' ');
            continue;
        }
        sb_addc(&b, *p);
    }
    free(md);
    return sb_detach(&b);
}

char *rule_doc_summary(const char *doc)
{
    char *text = rule_doc_description(doc);
    if (!text)
        return NULL;
    /* A sentence ends at '.' or ':' followed by a space or the end, so a
     * '.' inside a name (`torch.json`) does not end it. */
    for (char *p = text; *p; p++)
        if ((*p == '.' || *p == ':') && (p[1] == ' ' || p[1] == '\0')) {
            *p = '\0';
            break;
        }
    return text;
}
