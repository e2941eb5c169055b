/* Unit tests: JSON with comments (util/jsonc), .tfgradlint.json
 * (driver/config) and how it combines with the command line
 * (driver/settings). */
#include "suites.h"
#include "driver/config.h"
#include "driver/settings.h"
#include "util/jsonc.h"
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[64];

static void setup(void)
{
    strcpy(dir, "/tmp/tfgradlint-config-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void teardown(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}

static void write_file(const char *rel, const char *text)
{
    char p[256];
    snprintf(p, sizeof p, "%s/%s", dir, rel);
    write_text_file(p, text);
}

/* Loads dir/rel; returns the error text ("" on success; caller frees). */
static char *load(const char *rel, struct config *c)
{
    char p[256];
    snprintf(p, sizeof p, "%s/%s", dir, rel);
    struct strbuf err;
    sb_init(&err);
    if (config_load(p, c, &err))
        sb_add(&err, "");
    char *msg = sb_detach(&err);
    /* Errors name the file; tests compare what follows it. */
    size_t n = strlen(p);
    if (strncmp(msg, p, n) == 0)
        memmove(msg, msg + n, strlen(msg + n) + 1);
    return msg;
}

START_TEST(jsonc_blanks_comments_but_not_strings_and_keeps_lines)
{
    char text[] = "{ // one\n \"a\": \"//x /*y*/\", /* two\n lines */ \"b\": 1 }";
    size_t bad;
    ck_assert(jsonc_strip(text, &bad));
    ck_assert_str_eq(text, "{       \n \"a\": \"//x /*y*/\",       \n          \"b\": 1 }");
    ck_assert_uint_eq(jsonc_line_of(text, strlen(text) - 1), 3);
    char open[] = "{\n\n /* never closed";
    ck_assert(!jsonc_strip(open, &bad));
    ck_assert_uint_eq(jsonc_line_of(open, bad), 3);
}
END_TEST

START_TEST(config_reads_every_key)
{
    write_file(".tfgradlint.json", "{\n  // rules\n  \"select\": [\"GL001\", \"nondiff-on-loss-path\"],\n"
                                   "  \"ignore\": [\"GL002\"], /* for now */\n"
                                   "  \"severity\": {\"GL001\": \"warning\"},\n"
                                   "  \"models\": [\"tools/grad.json\", \"/abs.json\"],\n"
                                   "  \"exclude\": [\"third_party\"]\n}\n");
    struct config c;
    char *err = load(".tfgradlint.json", &c);
    ck_assert_str_eq(err, "");
    free(err);
    ck_assert(c.has_select);
    ck_assert_int_eq(c.nselect, 2);
    ck_assert_int_eq(c.select[1], RULE_GL002);
    ck_assert_int_eq(c.nignore, 1);
    ck_assert_int_eq(c.severity[RULE_GL001], SEV_WARNING);
    ck_assert_int_eq(c.severity[RULE_GL002], 0);
    ck_assert_ptr_nonnull(strstr(c.models.v[0], "/tools/grad.json"));
    ck_assert_str_eq(c.models.v[1], "/abs.json");
    ck_assert_str_eq(c.exclude.v[0], "third_party");
    config_free(&c);
}
END_TEST

START_TEST(config_errors_name_the_line_and_the_problem)
{
    static const struct { const char *text, *want; } cases[] = {
        {"{\n\"select\": [\"GL001\",\n  \"GL999\"]\n}", ":3: unknown rule 'GL999' (see --list-rules)"},
        {"{\n\n \"selct\": []\n}", ":3: unknown key 'selct' (expected select, ignore, severity, models or exclude)"},
        {"{\n \"severity\": {\"GL001\": \"fatal\"}\n}", ":2: the severity of 'GL001' must be \"error\" or \"warning\""},
        {"{\n \"models\": \"x.json\"\n}", ":2: 'models' must be an array of strings"},
        {"{\n \"select\": [\"GL001\"]\n \"ignore\": []\n}", ":3: invalid JSON near '\"ignore\": []'"},
        {"{ /* open\n", ":1: comment not closed"},
        {"[]", ":1: the configuration must be a JSON object"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        write_file("bad.json", cases[i].text);
        struct config c;
        char *err = load("bad.json", &c);
        ck_assert_str_eq(err, cases[i].want);
        free(err);
    }
    /* A long key is found on its own line, not at an earlier string that
     * shares its first few hundred characters. */
    char k300[301], text[800], want[700];
    memset(k300, 'k', 300);
    k300[300] = '\0';
    snprintf(text, sizeof text, "{\n \"exclude\": [\"%sa\"],\n \"%sb\": []\n}", k300, k300);
    write_file("bad.json", text);
    snprintf(want, sizeof want, ":3: unknown key '%sb' (expected select, ignore, severity, models or exclude)", k300);
    struct config c;
    char *err = load("bad.json", &c);
    ck_assert_str_eq(err, want);
    free(err);
}
END_TEST

START_TEST(config_is_found_upward_and_excludes_globs)
{
    char p[256];
    snprintf(p, sizeof p, "%s/a/b/third_party/x", dir);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s'", p);
    ck_assert_int_eq(system(cmd), 0);
    write_file("a/.tfgradlint.json", "{\"exclude\": [\"third_party\", \"b/*_pb.cc\"]}");
    write_file("a/b/third_party/x/y.cpp", "");
    write_file("a/b/train.cpp", "");
    write_file("a/b/m_pb.cc", "");
    snprintf(p, sizeof p, "%s/a/b/train.cpp", dir);
    char *found = config_find(p);
    ck_assert_ptr_nonnull(found);
    ck_assert_ptr_nonnull(strstr(found, "/a/.tfgradlint.json"));
    struct config c;
    struct strbuf err;
    sb_init(&err);
    ck_assert(config_load(found, &c, &err));
    ck_assert(!config_excludes(&c, p));
    snprintf(p, sizeof p, "%s/a/b/third_party/x/y.cpp", dir);
    ck_assert(config_excludes(&c, p));
    snprintf(p, sizeof p, "%s/a/b/m_pb.cc", dir);
    ck_assert(config_excludes(&c, p));
    config_free(&c);
    free(found);
    snprintf(p, sizeof p, "%s/train.cpp", dir); /* nothing above dir (in /tmp) */
    found = config_find(p);
    ck_assert_msg(found == NULL || strncmp(found, dir, strlen(dir)) != 0, "found %s", found);
    free(found);
    sb_free(&err);
}
END_TEST

START_TEST(command_line_wins_over_the_config)
{
    struct config c = {0};
    c.has_select = true;
    c.select[c.nselect++] = RULE_GL001;
    c.ignore[c.nignore++] = RULE_GL002;
    struct options o = {0};
    bool on[RULE_COUNT];
    settings_rule_mask(&o, &c, on);
    ck_assert(on[RULE_GL001] && !on[RULE_GL002]);
    o.select = "GL002"; /* replaces the config's select, overrides its ignore */
    settings_rule_mask(&o, &c, on);
    ck_assert(!on[RULE_GL001] && on[RULE_GL002]);
    o.select = NULL;
    o.ignore = "GL001";
    settings_rule_mask(&o, &c, on);
    ck_assert(!on[RULE_GL001] && !on[RULE_GL002]);
    settings_rule_mask(&o, NULL, on);
    ck_assert(!on[RULE_GL001] && on[RULE_GL002]);
}
END_TEST

Suite *suite_config(void)
{
    Suite *s = suite_create("config");
    TCase *t = tcase_create("config");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, jsonc_blanks_comments_but_not_strings_and_keeps_lines);
    tcase_add_test(t, config_reads_every_key);
    tcase_add_test(t, config_errors_name_the_line_and_the_problem);
    tcase_add_test(t, config_is_found_upward_and_excludes_globs);
    tcase_add_test(t, command_line_wins_over_the_config);
    suite_add_tcase(s, t);
    return s;
}
