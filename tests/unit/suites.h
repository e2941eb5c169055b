/* The Check suites, one per module, and helpers shared by them. */
#ifndef TFG_TESTS_SUITES_H
#define TFG_TESTS_SUITES_H
#include "front/front.h"
#include "ir/ir.h"
#include "model/model.h"
#include "util/arena.h"
#include <check.h>

Suite *suite_util(void);
Suite *suite_model(void);
Suite *suite_front(void);
Suite *suite_recording(void);
Suite *suite_flow(void);
Suite *suite_trained(void);
Suite *suite_graph(void);
Suite *suite_rules(void);
Suite *suite_report(void);
Suite *suite_driver(void);
Suite *suite_docinfo(void);
Suite *suite_formats(void);
Suite *suite_nolint(void);
Suite *suite_config(void);
Suite *suite_compdb(void);
Suite *suite_pch(void);
Suite *suite_includes(void);
Suite *suite_project(void);
Suite *suite_project_std(void);
Suite *suite_optypes(void);
Suite *suite_wire(void);
Suite *suite_xfile(void);
Suite *suite_bound_calls(void);

/* A tiny autodiff framework (namespace ad) and its model, so that tests of
 * the front end and analyses depend on no framework headers: the text of
 * fixtures/mini/mini.h and fixtures/mini/mini.json, read at start-up. */
extern const char *MINI_HEADER;
extern const char *MINI_MODEL_JSON;
struct model *mini_model(void);

/* The per-test state of suites that build mini-framework code: the model,
 * the TU arena and the IR, set up and freed around each test. */
#define MINI_TEST_STATE                                                                                      \
    static struct model *m;                                                                                  \
    static struct arena a;                                                                                   \
    static struct ir_tu tu __attribute__((unused));                                                          \
    static void setup(void)                                                                                  \
    {                                                                                                        \
        m = mini_model();                                                                                    \
        arena_init(&a);                                                                                      \
    }                                                                                                        \
    static void teardown(void)                                                                               \
    {                                                                                                        \
        arena_free(&a);                                                                                      \
        model_free(m);                                                                                       \
    }

/* Writes `source` (prefixed with MINI_HEADER) to a temporary .cpp file and
 * builds its IR into `out`. Returns the front end result. */
struct front_result build_source(const char *source, const struct model *m, struct arena *a, struct ir_tu *out);
/* The function of `tu` named `name`, or NULL. */
const struct ir_fn *find_fn(const struct ir_tu *tu, const char *name);
/* First node of `fn` that is a call to a callee whose name ends in `callee`
 * (or, for IR_VAR, named `callee`), starting the search at `from`. */
ir_id find_call(const struct ir_fn *fn, const char *callee, ir_id from);
/* Writes `text` to the file `path` (the test fails when it cannot). */
void write_text_file(const char *path, const char *text);
/* Runs the tool binary (TFGRADLINT_BIN) with `args`; returns its exit
 * status and its stdout in *out (free it). */
int run_tool(const char *args, char **out);

#endif
