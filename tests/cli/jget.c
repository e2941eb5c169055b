/* jget: prints values out of a JSON file so that shell tests can check the
 * structure of tfgradlint's JSON, SARIF and GitLab output without python.
 *
 *   jget FILE PATH     PATH is dot-separated: object keys, array indices,
 *                      '*' for every element (one output line each), and a
 *                      final '#' for the number of elements.
 *
 * Strings print raw, numbers as integers when they are, booleans as
 * true/false, null as null, objects and arrays as <object>/<array>. Exits 1
 * naming the first missing component (for '*', in any element), 2 when the
 * file is not JSON. FILE '-' reads stdin. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *slurp(const char *path)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, len = 0, got;
    char *buf = malloc(cap);
    while (buf && (got = fread(buf + len, 1, cap - len - 1, f)) > 0)
        if ((len += got) + 1 == cap)
            buf = realloc(buf, cap *= 2);
    if (buf)
        buf[len] = '\0';
    if (f != stdin)
        fclose(f);
    return buf;
}

static void print(const cJSON *v)
{
    if (cJSON_IsString(v))
        puts(v->valuestring);
    else if (cJSON_IsNumber(v) && v->valuedouble == (double)(long long)v->valuedouble)
        printf("%lld\n", (long long)v->valuedouble);
    else if (cJSON_IsNumber(v))
        printf("%g\n", v->valuedouble);
    else if (cJSON_IsBool(v))
        puts(cJSON_IsTrue(v) ? "true" : "false");
    else if (cJSON_IsNull(v))
        puts("null");
    else
        puts(cJSON_IsArray(v) ? "<array>" : "<object>");
}

/* Walks `path` (NUL-separated components, ending with an empty one) from `v`. */
static int walk(const cJSON *v, const char *path, const char *full)
{
    if (!*path) {
        print(v);
        return 0;
    }
    const char *rest = path + strlen(path) + 1;
    if (strcmp(path, "#") == 0 && (cJSON_IsArray(v) || cJSON_IsObject(v))) {
        printf("%d\n", cJSON_GetArraySize(v));
        return 0;
    }
    if (strcmp(path, "*") == 0 && (cJSON_IsArray(v) || cJSON_IsObject(v))) {
        int rc = 0;
        for (const cJSON *e = v->child; e; e = e->next)
            rc |= walk(e, rest, full);
        return rc;
    }
    const cJSON *next = NULL;
    char *end;
    long idx = strtol(path, &end, 10);
    if (cJSON_IsArray(v) && *end == '\0' && end != path)
        next = cJSON_GetArrayItem(v, (int)idx);
    else if (cJSON_IsObject(v))
        next = cJSON_GetObjectItemCaseSensitive(v, path);
    if (!next) {
        fprintf(stderr, "jget: %s: no '%s'\n", full, path);
        return 1;
    }
    return walk(next, rest, full);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fputs("usage: jget FILE PATH\n", stderr);
        return 2;
    }
    char *text = slurp(argv[1]);
    cJSON *root = text ? cJSON_Parse(text) : NULL;
    if (!root) {
        fprintf(stderr, "jget: %s: not JSON\n", argv[1]);
        free(text);
        return 2;
    }
    size_t n = strlen(argv[2]);
    char *path = calloc(n + 2, 1);
    memcpy(path, argv[2], n);
    for (char *p = path; *p; p++)
        if (*p == '.')
            *p = '\0';
    int rc = n ? walk(root, path, argv[2]) : (print(root), 0);
    free(path);
    cJSON_Delete(root);
    free(text);
    return rc;
}
