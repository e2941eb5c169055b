/* check_model_headers: keeps the LibTorch model headers and the LibTorch
 * model in step (issue 12). With libclang it
 *  - parses the model headers (torch/torch.h, ATen/ATen.h, torch/script.h)
 *    under each -std given, and fails on any error;
 *  - fails for every call name of the model (rules/torch.json and the files
 *    it includes) that the headers do not declare, counting the model's
 *    namespace aliases (torch:: also finds at:: and c10::) and the tensor
 *    classes (at::Tensor::X also finds at::TensorBase::X);
 *  - parses each sample source given (calls of several hundred ops in
 *    function and method form) with the model headers, and fails on any
 *    error.
 *
 * usage: check_model_headers RULES_DIR STD... [-- SAMPLE.cpp...] */
#include <cjson/cJSON.h>
#include <clang-c/Index.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_NAMES 200000

static char *names[MAX_NAMES];
static size_t nnames;

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static bool declared(const char *name)
{
    return bsearch(&name, names, nnames, sizeof *names, cmp) != NULL;
}

static bool scope_kind(enum CXCursorKind k)
{
    return k == CXCursor_Namespace || k == CXCursor_ClassDecl || k == CXCursor_StructDecl ||
           k == CXCursor_ClassTemplate || k == CXCursor_ClassTemplatePartialSpecialization;
}

static void qualified(CXCursor c, char *out, size_t cap)
{
    CXString s = clang_getCursorSpelling(c);
    char tail[4096];
    snprintf(tail, sizeof tail, "%s", clang_getCString(s));
    clang_disposeString(s);
    for (CXCursor p = clang_getCursorSemanticParent(c); scope_kind(clang_getCursorKind(p));
         p = clang_getCursorSemanticParent(p)) {
        CXString ps = clang_getCursorSpelling(p);
        char tmp[4096];
        snprintf(tmp, sizeof tmp, "%.1000s::%.3000s", clang_getCString(ps), tail);
        clang_disposeString(ps);
        snprintf(tail, sizeof tail, "%s", tmp);
    }
    snprintf(out, cap, "%s", tail);
}

static enum CXChildVisitResult collect(CXCursor c, CXCursor parent, CXClientData data)
{
    (void)parent;
    (void)data;
    if (clang_Location_isInSystemHeader(clang_getCursorLocation(c)))
        return CXChildVisit_Continue;
    enum CXCursorKind k = clang_getCursorKind(c);
    if (k == CXCursor_FunctionDecl || k == CXCursor_CXXMethod || k == CXCursor_FunctionTemplate ||
        k == CXCursor_ConversionFunction || k == CXCursor_ClassDecl || k == CXCursor_StructDecl ||
        k == CXCursor_ClassTemplate || k == CXCursor_Constructor || k == CXCursor_VarDecl) {
        char q[4096];
        qualified(c, q, sizeof q);
        if (nnames < MAX_NAMES)
            names[nnames++] = strdup(q);
    }
    if (scope_kind(k) || k == CXCursor_LinkageSpec || k == CXCursor_UnexposedDecl)
        return CXChildVisit_Recurse;
    return CXChildVisit_Continue;
}

/* Parses `file` (or the text `unsaved` as it) and returns its error count. */
static unsigned parse(CXIndex idx, const char *file, const char *unsaved, const char *std, const char *inc,
                      CXTranslationUnit *out)
{
    char stdflag[64], incflag[4096];
    snprintf(stdflag, sizeof stdflag, "-std=%s", std);
    snprintf(incflag, sizeof incflag, "-I%s", inc);
    const char *args[] = {"-x", "c++", stdflag, incflag, "-fsyntax-only"};
    struct CXUnsavedFile u = {file, unsaved, unsaved ? (unsigned long)strlen(unsaved) : 0};
    CXTranslationUnit tu = clang_parseTranslationUnit(idx, file, args, 5, unsaved ? &u : NULL, unsaved ? 1 : 0,
                                                      CXTranslationUnit_SkipFunctionBodies * (unsaved != NULL));
    if (!tu) {
        fprintf(stderr, "%s: libclang could not parse it\n", file);
        return 1;
    }
    unsigned errors = 0;
    for (unsigned i = 0; i < clang_getNumDiagnostics(tu); i++) {
        CXDiagnostic d = clang_getDiagnostic(tu, i);
        if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error) {
            CXString s = clang_formatDiagnostic(d, clang_defaultDiagnosticDisplayOptions());
            if (errors < 30)
                fprintf(stderr, "%s (-std=%s): %s\n", file, std, clang_getCString(s));
            clang_disposeString(s);
            errors++;
        }
        clang_disposeDiagnostic(d);
    }
    *out = tu;
    return errors;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    size_t got = fread(buf, 1, (size_t)n, f);
    buf[got] = '\0';
    fclose(f);
    return buf;
}

static bool name_is_declared(const char *name)
{
    if (declared(name))
        return true;
    static const char *const aliases[] = {"torch::", "at::", "c10::"};
    for (size_t i = 0; i < 3; i++) {
        size_t l = strlen(aliases[i]);
        if (strncmp(name, aliases[i], l) != 0)
            continue;
        for (size_t j = 0; j < 3; j++) {
            char alt[1024];
            snprintf(alt, sizeof alt, "%s%s", aliases[j], name + l);
            if (declared(alt))
                return true;
        }
    }
    if (strncmp(name, "at::Tensor::", 12) == 0) {
        char alt[1024];
        snprintf(alt, sizeof alt, "at::TensorBase::%s", name + 12);
        return declared(alt);
    }
    return false;
}

/* Checks the call names of one model file and of the files it includes;
 * returns the number missing from the headers. */
static unsigned check_model(const char *path, int depth)
{
    char *text = slurp(path);
    if (!text) {
        fprintf(stderr, "%s: cannot read\n", path);
        return 1;
    }
    cJSON *root = cJSON_Parse(text);
    free(text);
    if (!root) {
        fprintf(stderr, "%s: invalid JSON\n", path);
        return 1;
    }
    unsigned missing = 0;
    const cJSON *inc = cJSON_GetObjectItemCaseSensitive(root, "include");
    for (const cJSON *e = inc ? inc->child : NULL; e && depth < 4; e = e->next) {
        char sub[4096];
        const char *slash = strrchr(path, '/');
        snprintf(sub, sizeof sub, "%.*s%s", slash ? (int)(slash - path + 1) : 0, path, e->valuestring);
        missing += check_model(sub, depth + 1);
    }
    const cJSON *calls = cJSON_GetObjectItemCaseSensitive(root, "calls");
    for (const cJSON *c = calls ? calls->child : NULL; c; c = c->next)
        for (const cJSON *n = cJSON_GetObjectItemCaseSensitive(c, "names")->child; n; n = n->next)
            if (!strchr(n->valuestring, '*') && !name_is_declared(n->valuestring)) {
                fprintf(stderr, "%s: %s is not declared in the model headers\n", path, n->valuestring);
                missing++;
            }
    cJSON_Delete(root);
    return missing;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: check_model_headers RULES_DIR STD... [-- SAMPLE.cpp...]\n");
        return 2;
    }
    char inc[4096], model[4096];
    snprintf(inc, sizeof inc, "%s/include", argv[1]);
    snprintf(model, sizeof model, "%s/torch.json", argv[1]);
    int i = 2;
    const char *stds[8];
    int nstd = 0;
    for (; i < argc && strcmp(argv[i], "--") != 0 && nstd < 8; i++)
        stds[nstd++] = argv[i];
    CXIndex idx = clang_createIndex(0, 0);
    unsigned failures = 0;
    static const char *const headers_src =
        "#include <torch/torch.h>\n#include <torch/script.h>\n#include <ATen/ATen.h>\n";
    for (int s = 0; s < nstd; s++) {
        CXTranslationUnit tu;
        unsigned e = parse(idx, "model_headers.cpp", headers_src, stds[s], inc, &tu);
        failures += e;
        if (s == 0 && tu) {
            clang_visitChildren(clang_getTranslationUnitCursor(tu), collect, NULL);
            qsort(names, nnames, sizeof *names, cmp);
        }
        if (tu)
            clang_disposeTranslationUnit(tu);
    }
    unsigned missing = check_model(model, 0);
    failures += missing;
    unsigned samples = 0;
    for (i = i < argc ? i + 1 : i; i < argc; i++)
        for (int s = 0; s < nstd; s++) {
            CXTranslationUnit tu;
            failures += parse(idx, argv[i], NULL, stds[s], inc, &tu);
            if (tu)
                clang_disposeTranslationUnit(tu);
            samples++;
        }
    clang_disposeIndex(idx);
    printf("model headers: %zu declarations, %u model names missing, %u sample parses, %s\n", nnames, missing,
           samples, failures ? "FAILED" : "ok");
    return failures ? 1 : 0;
}
