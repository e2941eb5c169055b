/* Unit tests: the front end's IR (variables, joins, loops, guards, calls,
 * lambdas, errors). */
#include "suites.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

MINI_TEST_STATE


static unsigned header_lines(void)
{
    unsigned n = 0;
    for (const char *p = MINI_HEADER; *p; p++)
        n += *p == '\n';
    return n;
}

static const struct ir_fn *build_fn(const char *src, const char *name)
{
    struct front_result r = build_source(src, m, &a, &tu);
    ck_assert_msg(r.ok && r.parse_errors == 0, "parse: %s", r.error ? r.error : "");
    const struct ir_fn *fn = find_fn(&tu, name);
    ck_assert_msg(fn != NULL, "no function %s", name);
    for (uint32_t i = 0; i < tu.nfns; i++)
        ck_assert(ir_validate_fn(tu.fns[i], stderr));
    return fn;
}

/* c10 declares kFloat, kLong, ... in one macro expansion: one location
 * for all of them, yet each is its own global (a cast to kLong must not
 * be read as a cast to kFloat). */
START_TEST(globals_declared_by_one_macro_expansion_stay_distinct)
{
    const struct ir_fn *fn = build_fn("#define DEF(_, n) constexpr int k##n = 1;\n"
                                      "#define ALL(m) m(int, A) m(int, B)\n"
                                      "ALL(DEF)\n"
                                      "int f() { return kA + kB; }\n",
                                      "f");
    int seen_a = 0, seen_b = 0;
    for (ir_id i = 0; i < fn->nnodes; i++)
        if (fn->nodes[i].kind == IR_GLOBAL && fn->nodes[i].name) {
            seen_a += strcmp(fn->nodes[i].name, "kA") == 0;
            seen_b += strcmp(fn->nodes[i].name, "kB") == 0;
        }
    ck_assert_int_eq(seen_a, 1);
    ck_assert_int_eq(seen_b, 1);
}
END_TEST

START_TEST(join_of_if_else_makes_a_phi_controlled_by_the_condition)
{
    const struct ir_fn *fn = build_fn("ad::Tensor f(ad::Tensor x, bool c) {\n"
                                      "  ad::Tensor y = x;\n"
                                      "  if (c) y = x * x; else y = x + x;\n"
                                      "  return y;\n"
                                      "}\n",
                                      "f");
    ir_id ret = IR_NONE;
    for (ir_id i = 0; i < fn->nnodes; i++)
        if (fn->nodes[i].kind == IR_RETURN)
            ret = i;
    ck_assert_uint_ne(ret, IR_NONE);
    const struct ir_node *phi = &fn->nodes[fn->nodes[ret].ops[0]];
    ck_assert_int_eq(phi->kind, IR_PHI);
    ck_assert_uint_eq(phi->nops, 2);
    ck_assert_int_gt(phi->aux, 0);
    ck_assert_int_eq(fn->ctrls[phi->aux].arm, ARM_THEN);
    /* both incoming versions are assignments made under the branch */
    for (int k = 0; k < 2; k++) {
        const struct ir_node *in = &fn->nodes[phi->ops[k]];
        ck_assert_int_eq(in->kind, IR_VAR);
        ck_assert(in->flags & IRF_ASSIGN);
        ck_assert_uint_ne(in->ctrl, 0);
    }
}
END_TEST

START_TEST(loop_head_phi_gets_its_back_edge)
{
    const struct ir_fn *fn = build_fn("ad::Tensor f(ad::Tensor x) {\n"
                                      "  ad::Tensor acc = ad::ones(1);\n"
                                      "  for (int i = 0; i < 3; ++i) acc = acc + x;\n"
                                      "  return acc;\n"
                                      "}\n",
                                      "f");
    bool found = false;
    for (ir_id i = 0; i < fn->nnodes; i++) {
        const struct ir_node *n = &fn->nodes[i];
        if (n->kind == IR_PHI && (n->flags & IRF_LOOP_PHI) && n->var > 0 &&
            strcmp(fn->vars[n->var].name, "acc") == 0) {
            ck_assert_uint_eq(n->nops, 2);
            ck_assert_uint_gt(n->ops[1], i); /* back edge from the body */
            found = true;
        }
    }
    ck_assert(found);
}
END_TEST

START_TEST(guard_scope_sets_and_restores_the_recording_mode)
{
    const struct ir_fn *fn = build_fn("void f(ad::Tensor x) {\n"
                                      "  { ad::NoGrad g; ad::Tensor a = x * x; }\n"
                                      "  ad::Tensor b = x * x;\n"
                                      "}\n",
                                      "f");
    ir_id first = find_call(fn, "operator*", 0);
    ir_id second = find_call(fn, "operator*", first + 1);
    ck_assert_uint_ne(second, IR_NONE);
    const struct ir_node *m1 = &fn->nodes[fn->nodes[first].mode];
    ck_assert_int_eq(m1->kind, IR_MODE);
    ck_assert_int_eq(m1->sub, MODE_SET);
    ck_assert_int_eq(m1->aux, TRI_OFF);
    ck_assert(m1->flags & IRF_GUARD);
    ck_assert_uint_eq(m1->loc.line, header_lines() + 2); /* the guard's declaration */
    ck_assert_uint_eq(fn->nodes[second].mode, fn->entry_mode);
    ck_assert_uint_eq(fn->exit_mode, fn->entry_mode);
}
END_TEST

START_TEST(switch_and_calls_into_the_tu_make_mode_versions)
{
    const struct ir_fn *fn = build_fn("void off() { ad::GradMode::set_enabled(false); }\n"
                                      "void f(ad::Tensor x) {\n"
                                      "  off();\n"
                                      "  ad::Tensor a = x * x;\n"
                                      "}\n",
                                      "f");
    ir_id call = find_call(fn, "off", 0);
    ck_assert_uint_ne(call, IR_NONE);
    ck_assert_int_ge(fn->nodes[call].callee, 0);
    ir_id mul = find_call(fn, "operator*", 0);
    const struct ir_node *mode = &fn->nodes[fn->nodes[mul].mode];
    ck_assert_int_eq(mode->sub, MODE_AFTER_CALL);
    ck_assert_int_eq(mode->aux, (int32_t)call);
    const struct ir_fn *off = find_fn(&tu, "off");
    ck_assert_int_eq(off->nodes[off->exit_mode].kind, IR_MODE);
    ck_assert_int_eq(off->nodes[off->exit_mode].sub, MODE_SET);
}
END_TEST

START_TEST(lambda_is_its_own_function_with_captures_as_inputs)
{
    build_fn("void f(ad::Tensor w, ad::Tensor x) {\n"
             "  auto loss_of = [&](ad::Tensor in) { return (in * w).sum(); };\n"
             "  ad::Tensor l = loss_of(x);\n"
             "  l.backward();\n"
             "}\n",
             "f");
    const struct ir_fn *lam = NULL;
    for (uint32_t i = 0; i < tu.nfns; i++)
        if (tu.fns[i]->is_lambda)
            lam = tu.fns[i];
    ck_assert_ptr_nonnull(lam);
    ck_assert_uint_eq(lam->nparams, 1);
    ck_assert_uint_eq(lam->ninputs, 2);
    ck_assert_str_eq(lam->inputs[1].name, "w");
    const struct ir_fn *f = find_fn(&tu, "f");
    ir_id call = find_call(f, "operator()", 0);
    ck_assert_int_eq(f->nodes[call].callee, (int32_t)lam->index);
    ck_assert_uint_eq(f->nodes[call].nops, 3); /* closure, x, captured w */
    ck_assert_int_eq(f->nodes[f->nodes[call].ops[2]].kind, IR_PARAM);
}
END_TEST

START_TEST(inplace_method_updates_its_receiver)
{
    const struct ir_fn *fn = build_fn("ad::Tensor f(ad::Tensor x, ad::Tensor y) {\n"
                                      "  x.add_(y);\n"
                                      "  x += y;\n"
                                      "  return x;\n"
                                      "}\n",
                                      "f");
    ir_id add = find_call(fn, "add_", 0);
    ck_assert(fn->nodes[add].flags & IRF_INPLACE);
    ck_assert(fn->nodes[add].flags & IRF_RECEIVER);
    ir_id upd = find_call(fn, "x", add + 1);
    ck_assert_uint_ne(upd, IR_NONE);
    ck_assert_uint_eq(fn->nodes[upd].ops[1], add);
    ir_id pluseq = find_call(fn, "operator+=", 0);
    ck_assert(fn->nodes[pluseq].flags & IRF_INPLACE);
}
END_TEST

/* The member read of field `field` (first from `from`). */
static ir_id member_read(const struct ir_fn *fn, const char *field, ir_id from)
{
    for (ir_id i = from; i < fn->nnodes; i++)
        if (fn->nodes[i].kind == IR_MEMBER && fn->nodes[i].name && strcmp(fn->nodes[i].name, field) == 0)
            return i;
    return IR_NONE;
}

static ir_id param_node(const struct ir_fn *fn, const char *name)
{
    for (uint32_t i = 0; i < fn->ninputs; i++)
        if (strcmp(fn->inputs[i].name, name) == 0)
            return fn->inputs[i].node;
    return IR_NONE;
}

static ir_id read_source(const struct ir_fn *fn, ir_id member)
{
    ck_assert_uint_ne(member, IR_NONE);
    ck_assert(fn->nodes[member].flags & IRF_ELEMENT);
    return ir_element_source(fn, fn->nodes[member].ops[0], (uint32_t)fn->nodes[member].aux);
}

/* A braced initialiser puts each value in its field; assigning one field
 * replaces that field only; a join where both ways hold the same value
 * keeps it known. */
START_TEST(struct_fields_are_known_through_braces_writes_and_joins)
{
    const struct ir_fn *fn = build_fn("struct S { ad::Tensor a; ad::Tensor b; };\n"
                                      "void use(ad::Tensor t);\n"
                                      "void f(ad::Tensor x, ad::Tensor y, ad::Tensor z, bool c) {\n"
                                      "  S s{x, y};\n"
                                      "  s.b = z;\n"
                                      "  if (c) s.b = x;\n"
                                      "  use(s.a);\n"
                                      "  use(s.b);\n"
                                      "}\n",
                                      "f");
    ir_id fa = member_read(fn, "a", 0);
    ck_assert_uint_eq(read_source(fn, fa), param_node(fn, "x"));
    /* s.b is z on one way in and x on the other: not one value. */
    ck_assert_uint_eq(read_source(fn, member_read(fn, "b", fa)), IR_NONE);
}
END_TEST

/* Brace elision (a nested struct's fields listed flat) and designators
 * that skip a field do not list the fields in order: no element is
 * claimed. Designators in order are the fields. */
START_TEST(braced_values_out_of_field_order_are_not_fields)
{
    const struct ir_fn *fn = build_fn("struct In { ad::Tensor p; ad::Tensor q; };\n"
                                      "struct N { In in; ad::Tensor t; };\n"
                                      "struct S { ad::Tensor a; ad::Tensor b; ad::Tensor c; };\n"
                                      "void use(ad::Tensor t);\n"
                                      "void f(ad::Tensor x, ad::Tensor y, ad::Tensor z) {\n"
                                      "  N n{x, y, z};\n"
                                      "  use(n.t);\n"
                                      "  S gap{.a = x, .c = z};\n"
                                      "  use(gap.b);\n"
                                      "  S all{.a = x, .b = y, .c = z};\n"
                                      "  use(all.c);\n"
                                      "}\n",
                                      "f");
    ir_id t = member_read(fn, "t", 0);
    ck_assert_uint_eq(read_source(fn, t), IR_NONE);
    ir_id b = member_read(fn, "b", t);
    ck_assert_uint_eq(read_source(fn, b), IR_NONE);
    ir_id c = read_source(fn, member_read(fn, "c", b));
    ck_assert_uint_ne(c, IR_NONE);
    ck_assert_uint_eq(fn->nodes[c].ops[0], param_node(fn, "z")); /* the designated value */
}
END_TEST

START_TEST(dump_is_deterministic)
{
    const char *src = "ad::Tensor f(ad::Tensor x, bool c) { if (c) return x * x; return x; }\n";
    char *out[2];
    for (int k = 0; k < 2; k++) {
        struct arena a2;
        arena_init(&a2);
        struct ir_tu t2;
        build_source(src, m, &a2, &t2);
        size_t len;
        FILE *f = open_memstream(&out[k], &len);
        ir_dump_tu(f, &t2);
        fclose(f);
        arena_free(&a2);
    }
    ck_assert_str_eq(out[0], out[1]);
    ck_assert_ptr_nonnull(strstr(out[0], "fn0 f @"));
    free(out[0]);
    free(out[1]);
}
END_TEST

START_TEST(unreadable_inputs_are_errors_naming_the_file)
{
    struct front_options fo = {0};
    struct front_result r;
    front_analyze_file("/nonexistent/train.cpp", &fo, m, &a, &tu, &r);
    ck_assert(!r.ok);
    ck_assert_ptr_nonnull(strstr(r.error, "cannot open"));
    char path[] = "/tmp/tfgradlint-bin-XXXXXX.cpp";
    int fd = mkstemps(path, 4);
    ck_assert_int_eq(write(fd, "int\0x", 5), 5);
    close(fd);
    front_analyze_file(path, &fo, m, &a, &tu, &r);
    unlink(path);
    ck_assert(!r.ok);
    ck_assert_ptr_nonnull(strstr(r.error, "binary file"));
}
END_TEST

START_TEST(syntax_errors_are_counted_and_the_rest_is_built)
{
    struct front_result r = build_source("void broken() { int x = ; }\nvoid fine(ad::Tensor t) { t.backward(); }\n",
                                         m, &a, &tu);
    ck_assert(r.ok);
    ck_assert_uint_ge(r.parse_errors, 1);
    ck_assert_ptr_nonnull(strstr(r.error, "expected expression"));
    ck_assert_ptr_nonnull(find_fn(&tu, "fine"));
}
END_TEST

/* The version of variable `name` declared in `fn`. */
static const struct ir_node *declared(const struct ir_fn *fn, const char *name)
{
    for (ir_id i = 0; i < fn->nnodes; i++)
        if (fn->nodes[i].kind == IR_VAR && fn->nodes[i].name && strcmp(fn->nodes[i].name, name) == 0)
            return &fn->nodes[i];
    ck_abort_msg("no variable %s", name);
    return NULL;
}

static bool holds_unresolved(const struct ir_fn *fn, const struct ir_node *var)
{
    return var->nops == 1 && (fn->nodes[var->ops[0]].flags & IRF_UNRESOLVED);
}

/* A dropped initialiser or declaration is an unresolved value, never the
 * default one; a declaration with no initialiser in the source is not. */
START_TEST(dropped_declarations_are_unresolved)
{
    struct front_result r = build_source("ad::Tensor f(ad::Tensor x) {\n"
                                         "  auto crit = Undeclared(3);\n"
                                         "  ad::Tensor loss = crit(x);\n"
                                         "  ad::Tensor plain;\n"
                                         "  ad::Tensor fine = x * x;\n"
                                         "  return loss;\n}\n",
                                         m, &a, &tu);
    ck_assert(r.ok && r.parse_errors == 1);
    const struct ir_fn *fn = find_fn(&tu, "f");
    ck_assert(fn->partial);
    ck_assert(holds_unresolved(fn, declared(fn, "crit")));
    ck_assert(holds_unresolved(fn, declared(fn, "loss")));
    ck_assert(!holds_unresolved(fn, declared(fn, "plain")));
    ck_assert(!holds_unresolved(fn, declared(fn, "fine")));
    ck_assert_uint_eq(ir_count_unresolved(&tu), 2); /* Undeclared(3) (crit is built on it), loss */
}
END_TEST

/* The member read named `name` in `fn`. */
static const struct ir_node *template_member(const struct ir_fn *fn, const char *name)
{
    for (ir_id i = 0; i < fn->nnodes; i++)
        if (fn->nodes[i].kind == IR_MEMBER && fn->nodes[i].name && strcmp(fn->nodes[i].name, name) == 0)
            return &fn->nodes[i];
    ck_abort_msg("no member read %s", name);
    return NULL;
}

/* In a class template, a member whose type is a template parameter (or a
 * pointer to one), and the result of a call on it (a dependent
 * expression), are not known to be numbers; a double member is. */
START_TEST(template_parameter_types_are_not_numbers)
{
    const struct ir_fn *fn = build_fn("template <class M> struct T {\n"
                                      "  M model_; M* loss_; double cap_;\n"
                                      "  void step() { model_.run(loss_, cap_); }\n"
                                      "};\n",
                                      "T::step");
    ck_assert(!template_member(fn, "model_")->type_is_scalar);
    ck_assert(!template_member(fn, "loss_")->type_is_scalar);
    ck_assert(template_member(fn, "cap_")->type_is_scalar);
    bool call_seen = false;
    for (ir_id i = 0; i < fn->nnodes; i++)
        if (fn->nodes[i].kind == IR_UNKNOWN && fn->nodes[i].nops == 3) {
            ck_assert(!fn->nodes[i].type_is_scalar); /* `model_.run(...)` */
            call_seen = true;
        }
    ck_assert(call_seen);
}
END_TEST

START_TEST(bodies_without_errors_are_not_partial)
{
    build_source("void broken() { int x = ; }\nvoid fine(ad::Tensor t) { t.backward(); }\n", m, &a, &tu);
    ck_assert(find_fn(&tu, "broken")->partial);
    ck_assert(!find_fn(&tu, "fine")->partial);
    ck_assert_uint_eq(ir_count_unresolved(&tu), 1); /* x */
}
END_TEST

/* --headers model with no model headers installed is an error, not a
 * parse with a missing include path. */
START_TEST(model_mode_without_model_headers_fails_clearly)
{
    char path[] = "/tmp/tfgradlint-nomodel-XXXXXX.cpp";
    int fd = mkstemps(path, 4);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, "int x;\n", 7), 7);
    close(fd);
    struct front_options fo = {NULL, 0, NULL, HEADERS_MODEL, NULL, NULL, NULL};
    struct arena mem;
    arena_init(&mem);
    struct ir_tu out;
    struct front_result res;
    front_analyze_file(path, &fo, NULL, &mem, &out, &res);
    ck_assert(!res.ok);
    ck_assert_ptr_nonnull(strstr(res.error, "model headers were not found"));
    arena_free(&mem);
    unlink(path);
}
END_TEST

Suite *suite_front(void)
{
    Suite *s = suite_create("front");
    TCase *t = tcase_create("ir");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, join_of_if_else_makes_a_phi_controlled_by_the_condition);
    tcase_add_test(t, globals_declared_by_one_macro_expansion_stay_distinct);
    tcase_add_test(t, model_mode_without_model_headers_fails_clearly);
    tcase_add_test(t, loop_head_phi_gets_its_back_edge);
    tcase_add_test(t, guard_scope_sets_and_restores_the_recording_mode);
    tcase_add_test(t, switch_and_calls_into_the_tu_make_mode_versions);
    tcase_add_test(t, lambda_is_its_own_function_with_captures_as_inputs);
    tcase_add_test(t, inplace_method_updates_its_receiver);
    tcase_add_test(t, dump_is_deterministic);
    tcase_add_test(t, unreadable_inputs_are_errors_naming_the_file);
    tcase_add_test(t, syntax_errors_are_counted_and_the_rest_is_built);
    tcase_add_test(t, dropped_declarations_are_unresolved);
    tcase_add_test(t, template_parameter_types_are_not_numbers);
    tcase_add_test(t, bodies_without_errors_are_not_partial);
    tcase_add_test(t, struct_fields_are_known_through_braces_writes_and_joins);
    tcase_add_test(t, braced_values_out_of_field_order_are_not_fields);
    suite_add_tcase(s, t);
    return s;
}
