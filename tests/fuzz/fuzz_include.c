/* fuzz_include: libFuzzer target for the include scanner and resolver
 * (front/includes.c), which reads every project file of a zero-config run
 * before any parse.
 *
 * The input is a source file's text. It is written as the main file of a
 * small project (a CMakeLists.txt marks the root) and also as a header
 * under include/ and next to it, so that quoted includes, inferred
 * directories, cycles and the transitive scan all see hostile text. The
 * directives are parsed, the file is scanned with -Iinclude and the model
 * headers, and an index lookup is made for every name found. The caches
 * are cleared each time: the files change between inputs. Built by
 * `make fuzz-parsers`. */
#include "front/includes.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *project(void)
{
    static char root[256];
    if (!root[0]) {
        snprintf(root, sizeof root, "%s/proj", fuzz_dir());
        char sub[300];
        mkdir(root, 0700);
        snprintf(sub, sizeof sub, "%s/include", root);
        mkdir(sub, 0700);
        snprintf(sub, sizeof sub, "%s/CMakeLists.txt", root);
        FILE *f = fopen(sub, "w");
        if (f)
            fclose(f);
    }
    return root;
}

static void write_at(const char *path, const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    if (size && fwrite(data, 1, size, f) != size)
        abort();
    fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *root = project();
    char main_path[300], header[300], local[300], inc_flag[300];
    snprintf(main_path, sizeof main_path, "%s/train.cpp", root);
    snprintf(header, sizeof header, "%s/include/a.h", root);
    snprintf(local, sizeof local, "%s/a.h", root);
    snprintf(inc_flag, sizeof inc_flag, "-I%s/include", root);
    write_at(main_path, data, size);
    write_at(header, data, size);
    write_at(local, data, size);
    inc_cache_clear();

    char *text = fuzz_cstr(data, size);
    struct arena a;
    arena_init(&a);
    inc_directive_vec dirs = {0};
    inc_parse_directives(text, &a, &dirs);
    for (size_t i = 0; i < dirs.n; i++)
        if (!dirs.v[i].name)
            abort();
    const char *args[] = {inc_flag};
    const char *datadir = getenv("TFGRADLINT_DATADIR");
    char model_dir[4096];
    snprintf(model_dir, sizeof model_dir, "%s/include", datadir ? datadir : "rules");
    struct inc_config cfg = {args, 1, model_dir, false, inc_project_root(main_path), NULL};
    struct inc_scan scan;
    inc_scan_file(main_path, text, &cfg, &a, &scan);
    for (size_t i = 0; i < dirs.n && i < 64; i++)
        (void)inc_index_lookup(root, dirs.v[i].name, root);
    inc_scan_free(&scan);
    VEC_FREE(dirs);
    arena_free(&a);
    free(text);
    return 0;
}
