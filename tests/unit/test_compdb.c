/* Unit tests: compilation databases (driver/compdb). */
#include "suites.h"
#include "driver/compdb.h"
#include "util/strbuf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The words of a vec joined by single spaces, for compact assertions. */
static char *joined(const const_str_vec *v)
{
    struct strbuf b;
    sb_init(&b);
    for (size_t i = 0; i < v->n; i++)
        sb_printf(&b, "%s%s", i ? " " : "", v->v[i]);
    return sb_detach(&b);
}

static char *clean(struct arena *a, const char *cmd, const char *dir, const char *file, char **dropped)
{
    const_str_vec argv = {0}, out = {0}, drop = {0};
    ck_assert(compdb_split_command(a, cmd, &argv));
    compdb_clean_args(a, argv.v, argv.n, dir, file, &out, &drop);
    char *s = joined(&out);
    *dropped = joined(&drop);
    VEC_FREE(argv);
    VEC_FREE(out);
    VEC_FREE(drop);
    return s;
}

START_TEST(split_command_follows_shell_quoting)
{
    struct arena a;
    arena_init(&a);
    const_str_vec w = {0};
    ck_assert(compdb_split_command(&a, "c++  -DA='x y' \"-DB=\\\"q\\\"\" -I\\ dir\tf.cpp", &w));
    ck_assert_uint_eq(w.n, 5);
    ck_assert_str_eq(w.v[1], "-DA=x y");
    ck_assert_str_eq(w.v[2], "-DB=\"q\"");
    ck_assert_str_eq(w.v[3], "-I dir");
    ck_assert_str_eq(w.v[4], "f.cpp");
    w.n = 0;
    ck_assert(!compdb_split_command(&a, "c++ 'unterminated", &w));
    VEC_FREE(w);
    arena_free(&a);
}
END_TEST

START_TEST(clean_args_drops_outputs_and_makes_include_paths_absolute)
{
    struct arena a;
    arena_init(&a);
    char *dropped;
    char *s = clean(&a, "/usr/bin/c++ -Iinc -isystem ../third -I/abs -iquote x -DX=1 -std=c++17 -c -o f.o -MD -MF f.d "
                        "src/f.cpp -Wall",
                    "/proj/build", "src/f.cpp", &dropped);
    ck_assert_str_eq(s, "-I/proj/build/inc -isystem /proj/third -I/abs -iquote /proj/build/x -DX=1 -std=c++17 -Wall");
    ck_assert_str_eq(dropped, "");
    free(s);
    free(dropped);
    s = clean(&a, "cc -I./a/../b -isystem/x/./y -ofile.o /proj/f.c", "/proj", "f.c", &dropped);
    ck_assert_str_eq(s, "-I/proj/b -isystem/x/y");
    free(s);
    free(dropped);
    arena_free(&a);
}
END_TEST

START_TEST(clean_args_drops_every_way_of_loading_a_plugin)
{
    struct arena a;
    arena_init(&a);
    char *dropped;
    char *s = clean(&a,
                    "clang++ -fplugin=/x/p.so -DKEEP -Xclang -load -Xclang /x/l.so -Xclang -add-plugin -Xclang chk "
                    "-fpass-plugin=/x/pp.so -Xclang -plugin-arg-chk -Xclang v -Xclang -fno-validate-pch f.cpp",
                    "/p", "f.cpp", &dropped);
    ck_assert_str_eq(s, "-DKEEP -Xclang -fno-validate-pch");
    ck_assert_str_eq(dropped, "-fplugin=/x/p.so -Xclang -load -Xclang /x/l.so -Xclang -add-plugin -Xclang chk "
                              "-fpass-plugin=/x/pp.so -Xclang -plugin-arg-chk -Xclang v");
    free(s);
    free(dropped);
    arena_free(&a);
}
END_TEST

static char *write_db(const char *dir, const char *json)
{
    char *path = malloc(strlen(dir) + 32);
    sprintf(path, "%s/compile_commands.json", dir);
    write_text_file(path, json);
    return path;
}

START_TEST(load_reads_entries_and_looks_files_up)
{
    char dir[] = "/tmp/tfgradlint-db-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char json[2048];
    snprintf(json, sizeof json,
             "[{\"directory\": \"%s\", \"file\": \"a.cpp\", \"arguments\": [\"c++\", \"-Iinc\", \"-c\", \"a.cpp\"]},\n"
             " {\"directory\": \"%s/sub\", \"command\": \"c++ -DB -fplugin=evil.so -c ../b.cpp\", \"file\": \"../b.cpp\"},\n"
             " {\"directory\": \"%s\", \"file\": \"a.cpp\", \"arguments\": [\"c++\", \"-DSECOND\"]}]",
             dir, dir, dir);
    char *path = write_db(dir, json);
    struct strbuf err;
    sb_init(&err);
    struct compdb *db = compdb_load(dir, &err);
    ck_assert_msg(db != NULL, "%s", sb_str(&err));
    ck_assert_uint_eq(db->entries.n, 2); /* a file's first entry wins */
    ck_assert_uint_eq(db->dropped.n, 1);
    ck_assert_str_eq(db->dropped.v[0], "-fplugin=evil.so");
    char file[512];
    snprintf(file, sizeof file, "%s/a.cpp", dir);
    bool exact;
    const struct compdb_entry *e = compdb_lookup(db, file, &exact);
    ck_assert(exact);
    ck_assert_uint_eq(e->nargs, 1);
    ck_assert_str_eq(e->args[0] + strlen(e->args[0]) - 4, "/inc");
    snprintf(file, sizeof file, "%s/b.h", dir); /* not listed: borrows the nearest entry's flags */
    e = compdb_lookup(db, file, &exact);
    ck_assert(!exact);
    ck_assert_ptr_nonnull(e);
    compdb_free(db);
    char sub[512];
    snprintf(sub, sizeof sub, "%s/sub/deeper/x.cpp", dir);
    char *found = compdb_discover(sub);
    ck_assert_str_eq(found, path);
    free(found);
    unlink(path);
    free(path);
    sb_free(&err);
    rmdir(dir);
}
END_TEST

START_TEST(load_names_the_file_and_the_problem)
{
    char dir[] = "/tmp/tfgradlint-db-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    static const struct {
        const char *json, *problem;
    } cases[] = {
        {"[{\"directory\": \"/\",\n \"file\": \"a.cpp\", ]", "line 2: invalid JSON"},
        {"{}", "a compilation database is a JSON array of entries"},
        {"[{\"file\": \"a.cpp\", \"command\": \"cc a.cpp\"}]", "entry 0: needs string fields \"directory\" and \"file\""},
        {"[{\"directory\": \"/\", \"file\": \"a.cpp\"}]", "entry 0: needs \"arguments\""},
        {"[{\"directory\": \"/\", \"file\": \"a.cpp\", \"arguments\": [\"cc\", 3]}]", "entry 0: \"arguments\" must hold only strings"},
        {"[{\"directory\": \"/\", \"file\": \"a.cpp\", \"command\": \"cc 'a.cpp\"}]", "entry 0: unterminated quote"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *path = write_db(dir, cases[i].json);
        struct strbuf err;
        sb_init(&err);
        ck_assert_ptr_null(compdb_load(path, &err));
        ck_assert_msg(strncmp(sb_str(&err), path, strlen(path)) == 0, "%s", sb_str(&err));
        ck_assert_msg(strstr(sb_str(&err), cases[i].problem), "case %zu: %s", i, sb_str(&err));
        sb_free(&err);
        unlink(path);
        free(path);
    }
    struct strbuf err;
    sb_init(&err);
    ck_assert_ptr_null(compdb_load(dir, &err));
    ck_assert(strstr(sb_str(&err), "cannot read compilation database: No such file"));
    sb_free(&err);
    rmdir(dir);
}
END_TEST

Suite *suite_compdb(void)
{
    Suite *s = suite_create("compdb");
    TCase *t = tcase_create("compdb");
    tcase_add_test(t, split_command_follows_shell_quoting);
    tcase_add_test(t, clean_args_drops_outputs_and_makes_include_paths_absolute);
    tcase_add_test(t, clean_args_drops_every_way_of_loading_a_plugin);
    tcase_add_test(t, load_reads_entries_and_looks_files_up);
    tcase_add_test(t, load_names_the_file_and_the_problem);
    suite_add_tcase(s, t);
    return s;
}
