/* fuzz_compdb: libFuzzer target for compilation databases.
 *
 * The input is a compile_commands.json, loaded as -p loads it (JSON, the
 * shell splitting of each "command", the cleaning of the flags and the
 * normalisation of paths), then looked up for a listed and an unlisted
 * file. The shell splitter and the flag cleaner also get the input
 * directly as one command line, so they are fuzzed without the JSON
 * around it. Built by `make fuzz-parsers`. */
#include "driver/compdb.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void command_line(const char *cmd)
{
    struct arena a;
    arena_init(&a);
    const_str_vec words = {0}, out = {0}, dropped = {0};
    if (compdb_split_command(&a, cmd, &words) && words.n > 0) {
        compdb_clean_args(&a, words.v, words.n, "/build/dir", "src/a.cpp", &out, &dropped);
        (void)compdb_absolute(&a, "/build/dir", words.v[words.n - 1]);
    }
    VEC_FREE(words);
    VEC_FREE(out);
    VEC_FREE(dropped);
    arena_free(&a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_cstr(data, size);
    command_line(text);
    free(text);

    const char *path = fuzz_file("compile_commands.json", data, size);
    struct strbuf err;
    sb_init(&err);
    struct compdb *db = compdb_load(path, &err);
    if (db) {
        bool exact;
        if (db->entries.n > 0)
            (void)compdb_lookup(db, db->entries.v[0].file, &exact);
        (void)compdb_lookup(db, "/nowhere/else/x.h", &exact);
        compdb_free(db);
    } else if (err.len == 0) {
        abort(); /* a refusal must say why */
    }
    sb_free(&err);
    return 0;
}
