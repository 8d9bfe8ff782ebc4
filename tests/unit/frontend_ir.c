/* Closure conversion and the IR: programs are parsed, analysed and lowered, and the result is
 * checked through ir_dump (cells, environment records, handler targets, evaluation order) and,
 * where the shape matters more than the text, by walking the IR itself. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ir.h"
#include "parser.h"
#include "scope.h"

static arena test_arena;

static void setup(void) { arena_init(&test_arena); }
static void teardown(void) { arena_free(&test_arena); }

TestSuite(ir, .init = setup, .fini = teardown);

/* Parses, analyses and lowers `src`; NULL with *d set on an error. */
static ir_module *lower_source(const char *src, diag *d)
{
    memset(d, 0, sizeof *d);
    ast_module *m = parse_module(&test_arena, src, strlen(src), d);
    if (!m || !scope_analyze(&test_arena, m, d))
        return NULL;
    return lower_module(&test_arena, m, "<test>", d);
}

/* The dump of `src`, kept in the arena's lifetime by a static buffer list. */
static char *dump_of(const char *src)
{
    diag d;
    ir_module *m = lower_source(src, &d);
    cr_assert_not_null(m, "lowering failed: %s: %s (line %d)", d.kind, d.message, d.line);
    char *text = ir_dump(m);
    char *copy = arena_strdup(&test_arena, text);
    free(text);
    return copy;
}

/* The part of a dump that describes the function with this qualname. */
static const char *section(const char *dump, const char *qualname)
{
    char *head = arena_printf(&test_arena, "qualname=%s  ", qualname);
    const char *at = strstr(dump, head);
    cr_assert_not_null(at, "no function %s in:\n%s", qualname, dump);
    while (at > dump && at[-1] != '\n')
        at--;
    const char *end = strstr(at + 1, "\nfunction ");
    size_t n = end ? (size_t)(end - at + 1) : strlen(at);
    return arena_strndup(&test_arena, at, n);
}

#define assert_has(text, needle)                                                                   \
    cr_assert(strstr((text), (needle)) != NULL, "expected \"%s\" in:\n%s", (needle), (text))
#define assert_lacks(text, needle)                                                                 \
    cr_assert(strstr((text), (needle)) == NULL, "did not expect \"%s\" in:\n%s", (needle), (text))

/* Each needle appears, in this order. */
static void assert_in_order(const char *text, const char *const *needles, int n)
{
    const char *at = text;
    for (int i = 0; i < n; i++) {
        const char *found = strstr(at, needles[i]);
        cr_assert_not_null(found, "expected \"%s\" (item %d) after the previous ones in:\n%s",
                           needles[i], i, text);
        at = found + strlen(needles[i]);
    }
}

/* The whole dump line that contains `needle`. */
static const char *line_with(const char *text, const char *needle)
{
    const char *at = strstr(text, needle);
    cr_assert_not_null(at, "expected \"%s\" in:\n%s", needle, text);
    while (at > text && at[-1] != '\n')
        at--;
    const char *end = strchr(at, '\n');
    return arena_strndup(&test_arena, at, end ? (size_t)(end - at) : strlen(at));
}

/* The dump line with `needle` is attributed to source line `line` (and to no handler when
 * `handler` is NULL, else to that one, e.g. "! b3"). */
static void assert_line(const char *text, const char *needle, int line, const char *handler)
{
    const char *l = line_with(text, needle);
    const char *suffix = arena_printf(&test_arena, "; line %d", line);
    size_t n = strlen(l), k = strlen(suffix);
    cr_assert(n >= k && strcmp(l + n - k, suffix) == 0, "expected \"%s\" on line %d", l, line);
    if (handler)
        cr_assert(strstr(l, handler) != NULL, "expected \"%s\" in \"%s\"", handler, l);
    else
        cr_assert(strstr(l, " ! ") == NULL, "expected no handler in \"%s\"", l);
}

static int count_of(const char *text, const char *needle)
{
    int n = 0;
    for (const char *at = strstr(text, needle); at; at = strstr(at + 1, needle))
        n++;
    return n;
}

static const ir_function *find_function(const ir_function *f, const char *qualname)
{
    if (strcmp(f->qualname, qualname) == 0)
        return f;
    for (int i = 0; i < f->nchildren; i++) {
        const ir_function *found = find_function(f->children[i], qualname);
        if (found)
            return found;
    }
    return NULL;
}

/* ---- Closure conversion ------------------------------------------------------------------ */

static const char *seed_003 = "def make_multiplier(coefficient):\n"
                              "    product = 1\n"
                              "\n"
                              "    def multiplier():\n"
                              "        nonlocal product\n"
                              "        product *= coefficient\n"
                              "        return product\n"
                              "\n"
                              "    return multiplier\n"
                              "\n"
                              "multiplier3 = make_multiplier(3)\n"
                              "print(multiplier3())\n";

/* coefficient is a parameter never reassigned, so the environment holds its value; product
 * is rebound through nonlocal and stays a cell. */
Test(ir, seed_multiplier_reads_and_writes_its_environment)
{
    const char *inner = section(dump_of(seed_003), "make_multiplier.<locals>.multiplier");
    assert_has(inner, "  env [coefficient=value, product]\n");
    const char *order[] = {"t0 = LOAD_DEREF product (cell#1)",
                           "t1 = LOAD_CAPTURED coefficient (cell#0)",
                           "t2 = BINARY t0 *= t1",
                           "STORE_DEREF product (cell#1) <- t2",
                           "LOAD_DEREF product (cell#1)",
                           "RETURN"};
    assert_in_order(inner, order, 6);
    assert_lacks(inner, "LOCAL");
    assert_lacks(inner, "GLOBAL");
    assert_lacks(inner, "MAKE_CELL");
}

Test(ir, seed_make_multiplier_owns_the_cells_and_builds_the_closure)
{
    const char *outer = section(dump_of(seed_003), "make_multiplier");
    assert_has(outer, "  env []\n");
    assert_has(outer, "  cells: coefficient=slot#0 product\n");
    assert_has(outer, "  slots: coefficient multiplier\n");
    const char *order[] = {
        "MAKE_CELL product (cell#1) <- empty",
        "STORE_DEREF product (cell#1) <- t0",
        "t1 = LOAD_LOCAL coefficient (slot#0)",
        "t2 = LOAD_CLOSURE product (cell#1)",
        "MAKE_FUNCTION k1 <code make_multiplier.<locals>.multiplier> closure=(t1, t2)",
        "STORE_LOCAL multiplier (slot#1) <- t3",
        "LOAD_LOCAL multiplier (slot#1)"};
    assert_in_order(outer, order, 7);
    assert_lacks(outer, "MAKE_CELL coefficient");
}

Test(ir, seed_module_uses_globals)
{
    const char *module = section(dump_of(seed_003), "<module>");
    assert_has(module, "STORE_GLOBAL make_multiplier <- t0");
    assert_has(module, "LOAD_GLOBAL make_multiplier");
    assert_has(module, "STORE_GLOBAL multiplier3");
    assert_has(module, "LOAD_GLOBAL print");
    assert_lacks(module, "LOCAL");
    assert_lacks(module, "DEREF");
}

Test(ir, functions_are_dumped_in_pre_order)
{
    const char *dump = dump_of("def a():\n"
                               "    def b():\n"
                               "        def c(): pass\n"
                               "    def d(): pass\n"
                               "def e(): pass\n");
    const char *order[] = {"qualname=<module> ",     "qualname=a ",
                           "qualname=a.<locals>.b ", "qualname=a.<locals>.b.<locals>.c ",
                           "qualname=a.<locals>.d ", "qualname=e "};
    assert_in_order(dump, order, 6);
}

Test(ir, pass_through_free_variable)
{
    const char *dump = dump_of("def outer():\n"
                               "    x = 1\n"
                               "    def middle():\n"
                               "        def inner():\n"
                               "            return x\n"
                               "        return inner\n"
                               "    return middle\n");
    const char *middle = section(dump, "outer.<locals>.middle");
    assert_has(middle, "  env [x]\n");
    assert_has(middle, "  cells:\n");
    const char *order[] = {
        "t0 = LOAD_CLOSURE x (cell#0)",
        "MAKE_FUNCTION k0 <code outer.<locals>.middle.<locals>.inner> closure=(t0)"};
    assert_in_order(middle, order, 2);
    assert_lacks(middle, "MAKE_CELL");
    assert_lacks(middle, "DEREF");
    const char *inner = section(dump, "outer.<locals>.middle.<locals>.inner");
    assert_has(inner, "  env [x]\n");
    assert_has(inner, "t0 = LOAD_DEREF x (cell#0)");
    const char *outer = section(dump, "outer");
    assert_has(outer, "MAKE_CELL x (cell#0) <- empty");
    assert_has(outer, "LOAD_CLOSURE x (cell#0)");
}

/* The middle function of church.py's successor passes n on without reading it: by value, it
 * forwards the value from its own environment. */
Test(ir, pass_through_by_value)
{
    const char *dump = dump_of("succ = lambda n: lambda f: lambda x: f(n(f)(x))\n");
    const char *outer = section(dump, "<lambda>");
    assert_has(outer, "  cells: n=slot#0\n");
    assert_has(outer, "t0 = LOAD_LOCAL n (slot#0)");
    assert_lacks(outer, "CELL");
    const char *middle = section(dump, "<lambda>.<locals>.<lambda>");
    assert_has(middle, "  env [n=value]\n");
    assert_has(middle, "  cells: f=slot#0\n");
    const char *order[] = {"t0 = LOAD_LOCAL f (slot#0)", "t1 = LOAD_CAPTURED n (cell#1)",
                           "closure=(t0, t1)"};
    assert_in_order(middle, order, 3);
    assert_lacks(middle, "CLOSURE n");
    const char *inner = section(dump, "<lambda>.<locals>.<lambda>.<locals>.<lambda>");
    assert_has(inner, "  env [f=value, n=value]\n");
    assert_has(inner, "LOAD_CAPTURED n (cell#1)");
    assert_lacks(inner, "DEREF");
}

Test(ir, uncaptured_locals_are_plain_slots)
{
    const char *f = section(dump_of("def f(a):\n"
                                    "    b = a + 1\n"
                                    "    del a\n"
                                    "    return b\n"),
                            "f");
    assert_has(f, "  cells:\n");
    assert_has(f, "  env []\n");
    const char *order[] = {"t0 = LOAD_LOCAL a (slot#0)", "BINARY t0 + t1",
                           "STORE_LOCAL b (slot#1) <- t2", "DELETE_LOCAL a (slot#0)",
                           "LOAD_LOCAL b (slot#1)"};
    assert_in_order(f, order, 5);
    assert_lacks(f, "CELL");
    assert_lacks(f, "DEREF");
    assert_lacks(f, "GLOBAL");
}

Test(ir, captured_parameter_moves_from_its_slot_into_its_cell)
{
    const char *f = section(dump_of("def f(a, b):\n"
                                    "    def g():\n"
                                    "        return b\n"
                                    "    b = 2\n"
                                    "    return a, g\n"),
                            "f");
    assert_has(f, "  cells: b\n");
    assert_has(f, "  slots: a b g\n");
    const char *order[] = {"t0 = LOAD_LOCAL b (slot#1)", "MAKE_CELL b (cell#0) <- t0",
                           "LOAD_CLOSURE b (cell#0)"};
    assert_in_order(f, order, 3);
    assert_has(f, "LOAD_LOCAL a (slot#0)");
    assert_lacks(f, "MAKE_CELL a");
}

Test(ir, nonlocal_through_two_levels)
{
    const char *dump = dump_of("def a():\n"
                               "    x = 0\n"
                               "    def b():\n"
                               "        def c():\n"
                               "            nonlocal x\n"
                               "            x += 1\n"
                               "            return x\n"
                               "        return c\n"
                               "    return b\n");
    const char *a = section(dump, "a");
    assert_has(a, "MAKE_CELL x (cell#0) <- empty");
    assert_has(a, "STORE_DEREF x (cell#0)");
    const char *b = section(dump, "a.<locals>.b");
    assert_has(b, "  env [x]\n");
    assert_has(b, "LOAD_CLOSURE x (cell#0)");
    assert_lacks(b, "MAKE_CELL");
    const char *c = section(dump, "a.<locals>.b.<locals>.c");
    assert_has(c, "  env [x]\n");
    const char *order[] = {"t0 = LOAD_DEREF x (cell#0)", "BINARY t0 += t1",
                           "STORE_DEREF x (cell#0) <- t2", "LOAD_DEREF x (cell#0)"};
    assert_in_order(c, order, 4);
}

Test(ir, global_declaration_and_implicit_globals)
{
    const char *f = section(dump_of("def f():\n"
                                    "    global g\n"
                                    "    g = len\n"
                                    "    del g\n"),
                            "f");
    assert_has(f, "LOAD_GLOBAL len");
    assert_has(f, "STORE_GLOBAL g <- t0");
    assert_has(f, "DELETE_GLOBAL g");
    assert_has(f, "  slots:\n");
}

Test(ir, comprehension_is_a_closure_called_with_its_first_iterator)
{
    const char *dump = dump_of("def f(n, xs):\n"
                               "    return [x * n for x in xs if x]\n");
    const char *f = section(dump, "f");
    const char *order[] = {"t0 = LOAD_LOCAL n (slot#0)",
                           "t1 = MAKE_FUNCTION k0 <code f.<locals>.<listcomp>> closure=(t0)",
                           "t2 = LOAD_LOCAL xs (slot#1)",
                           "t3 = GET_ITER t2",
                           "t4 = CALL t1(t3)",
                           "RETURN t4"};
    assert_in_order(f, order, 6);
    const char *comp = section(dump, "f.<locals>.<listcomp>");
    assert_has(comp, "function <listcomp>  ");
    assert_has(comp, "args=1 ");
    assert_has(comp, "  env [n=value]\n");
    assert_has(comp, "  slots: .0 x\n");
    const char *body[] = {"t0 = BUILD_LIST ()",
                          "t1 = LOAD_LOCAL .0 (slot#0)",
                          "t2 = FOR_ITER t1 -> b2, exhausted -> b3",
                          "STORE_LOCAL x (slot#1) <- t2",
                          "BRANCH t3 ? b4 : b1",
                          "b3:",
                          "RETURN t0",
                          "b4:",
                          "LOAD_CAPTURED n (cell#0)",
                          "LIST_APPEND t0 <- t6",
                          "JUMP b1"};
    assert_in_order(comp, body, 11);
}

Test(ir, comprehension_variable_captured_by_a_lambda_is_a_cell_of_the_comprehension)
{
    const char *dump = dump_of("fs = [lambda: i for i in range(3)]\n");
    const char *comp = section(dump, "<listcomp>");
    assert_has(comp, "  cells: i\n");
    assert_has(comp, "MAKE_CELL i (cell#0) <- empty");
    assert_has(comp, "STORE_DEREF i (cell#0) <- t2");
    assert_has(comp, "MAKE_FUNCTION k0 <code <listcomp>.<lambda>> closure=(t3)");
    assert_has(section(dump, "<listcomp>.<lambda>"), "LOAD_DEREF i (cell#0)");
}

Test(ir, dict_set_and_generator_comprehensions)
{
    const char *dump = dump_of("d = {k: v for k, v in p}\n"
                               "s = {x for x in p for y in x}\n"
                               "g = (x for x in p)\n");
    const char *d = section(dump, "<dictcomp>");
    const char *dict_order[] = {"BUILD_DICT ()", "UNPACK t2 -> (t3, t4)", "DICT_SET t0[t5] <- t6"};
    assert_in_order(d, dict_order, 3);
    const char *s = section(dump, "<setcomp>");
    const char *set_order[] = {"BUILD_SET ()", "FOR_ITER", "GET_ITER", "FOR_ITER", "SET_ADD"};
    assert_in_order(s, set_order, 5);
    /* Eager generator expressions: a list, then an iterator over it. */
    const char *g = section(dump, "<genexpr>");
    const char *gen_order[] = {"t0 = BUILD_LIST ()", "LIST_APPEND t0", "t4 = GET_ITER t0",
                               "RETURN t4"};
    assert_in_order(g, gen_order, 4);
}

Test(ir, decorators_evaluate_first_and_apply_bottom_up)
{
    const char *dump = dump_of("@first\n"
                               "@second(1)\n"
                               "def f(a=2):\n"
                               "    pass\n");
    const char *module = section(dump, "<module>");
    const char *order[] = {
        "t0 = LOAD_GLOBAL first", "t1 = LOAD_GLOBAL second",
        "t3 = CALL t1(t2)",       "t4 = CONST",
        "t5 = BUILD_TUPLE (t4)",  "t6 = MAKE_FUNCTION k4 <code f> closure=() defaults=t5",
        "t7 = CALL t3(t6)",       "t8 = CALL t0(t7)",
        "STORE_GLOBAL f <- t8"};
    assert_in_order(module, order, 9);
    assert_line(module, "t7 = CALL t3(t6)", 2, NULL);
    assert_line(module, "t8 = CALL t0(t7)", 1, NULL);
    /* co_firstlineno of a decorated function is its first decorator's line. */
    assert_has(section(dump, "f"), "function f  qualname=f  line=1  args=1 ");
}

Test(ir, keyword_only_defaults_are_a_dict_by_name)
{
    const char *module = section(dump_of("def f(a, *, b, c=3): pass\n"), "<module>");
    const char *order[] = {"t0 = CONST k0 'c'", "t1 = CONST k1 3", "t2 = BUILD_DICT (t0, t1)",
                           "MAKE_FUNCTION k2 <code f> closure=() kwdefaults=t2"};
    assert_in_order(module, order, 4);
}

Test(ir, docstrings_are_constants_not_code)
{
    const char *dump = dump_of("'module doc'\n"
                               "def f():\n"
                               "    'function doc'\n"
                               "    return 1\n");
    const char *f = section(dump, "f");
    assert_has(f, "k0='function doc'");
    assert_has(f, "  docstring: k0\n");
    assert_lacks(f, "CONST k0");
    const char *module = section(dump, "<module>");
    const char *order[] = {"t0 = CONST k0 'module doc'", "STORE_GLOBAL __doc__ <- t0"};
    assert_in_order(module, order, 2);
}

/* ---- Exceptions -------------------------------------------------------------------------- */

static const char *try_program = "def f(x):\n"
                                 "    try:\n"
                                 "        y = g(x)\n"
                                 "        h(y.attr)\n"
                                 "    except ValueError as e:\n"
                                 "        print(e)\n"
                                 "    finally:\n"
                                 "        done()\n"
                                 "    return y\n";

/* The block that starts with FETCH_EXC and goes on to match an except clause. */
static const ir_block *dispatch_block(const ir_function *f)
{
    for (int i = 0; i < f->nblocks; i++) {
        const ir_block *b = f->blocks[i];
        if (b->ninstrs > 3 && b->instrs[0].op == IR_FETCH_EXC &&
            b->instrs[1].op == IR_SET_HANDLING && b->instrs[b->ninstrs - 2].op == IR_EXC_MATCH)
            return b;
    }
    return NULL;
}

Test(ir, every_fallible_instruction_in_a_try_body_names_the_dispatch_block)
{
    diag d;
    ir_module *m = lower_source(try_program, &d);
    cr_assert_not_null(m);
    const ir_function *f = find_function(m->main, "f");
    cr_assert_not_null(f);
    const ir_block *dispatch = dispatch_block(f);
    cr_assert_not_null(dispatch, "no except dispatch block");
    int checked = 0;
    for (int i = 0; i < f->nblocks; i++) {
        for (int k = 0; k < f->blocks[i]->ninstrs; k++) {
            const ir_instr *in = &f->blocks[i]->instrs[k];
            if (in->loc.line < 3 || in->loc.line > 4)
                continue;
            if (ir_op_can_fail(in->op)) {
                cr_assert_eq(in->handler, dispatch, "%s on line %d goes to %d, not b%d",
                             ir_op_name(in->op), in->loc.line, in->handler ? in->handler->id : -1,
                             dispatch->id);
                checked++;
            } else {
                cr_assert_null(in->handler, "%s cannot fail but has a handler", ir_op_name(in->op));
            }
        }
    }
    cr_assert_geq(checked, 6, "only %d fallible instructions in the try body", checked);
}

Test(ir, handler_bodies_and_finally_are_wired_outward)
{
    diag d;
    ir_module *m = lower_source(try_program, &d);
    const ir_function *f = find_function(m->main, "f");
    const ir_block *dispatch = dispatch_block(f);
    /* Matching errors go to a cleanup that restores the handled exception and re-raises to
     * the finally's exceptional path; so do the handler body's, through the `as e` cleanup. */
    const ir_block *cleanup = dispatch->instrs[2].handler;
    cr_assert_not_null(cleanup);
    cr_assert_eq(cleanup->instrs[0].op, IR_FETCH_EXC);
    cr_assert_eq(cleanup->instrs[1].op, IR_RESTORE_HANDLING);
    cr_assert_eq(cleanup->instrs[1].a, dispatch->instrs[1].dst);
    cr_assert_eq(cleanup->instrs[2].op, IR_RERAISE);
    const ir_block *finally_path = cleanup->instrs[2].handler;
    cr_assert_not_null(finally_path);
    cr_assert_eq(finally_path->instrs[0].op, IR_FETCH_EXC);
    cr_assert_eq(finally_path->instrs[1].op, IR_SET_HANDLING);
    /* Instructions after the try statement are outside every handler. */
    for (int i = 0; i < f->nblocks; i++)
        for (int k = 0; k < f->blocks[i]->ninstrs; k++)
            if (f->blocks[i]->instrs[k].loc.line == 9)
                cr_assert_null(f->blocks[i]->instrs[k].handler);
}

Test(ir, except_as_name_is_cleared_and_handling_restored)
{
    const char *f = section(dump_of(try_program), "f");
    /* Normal end of the clause: restore, then `e = None; del e`, then on to the finally. */
    const char *order[] = {"STORE_LOCAL e (slot#2) <- t7",
                           "LOAD_GLOBAL print  ! b8",
                           "RESTORE_HANDLING t8",
                           "CONST k5 None",
                           "STORE_LOCAL e (slot#2)",
                           "DELETE_LOCAL e (slot#2)  ! b1",
                           "JUMP b4"};
    assert_in_order(f, order, 7);
    const char *normal_finally[] = {"b4:", "LOAD_GLOBAL done", "JUMP b2", "b5:"};
    assert_in_order(f, normal_finally, 4);
    /* The clause body has its own cleanup clearing e before re-raising. */
    const char *cleanup[] = {"(handler)",     "FETCH_EXC",      "None",
                             "STORE_LOCAL e", "DELETE_LOCAL e", "RERAISE"};
    assert_in_order(f, cleanup, 6);
    /* No clause matched: restore and re-raise the same exception. */
    assert_has(f, "RERAISE t");
    /* The finally body runs twice: on the normal path and on the exceptional one. */
    cr_assert_eq(count_of(f, "LOAD_GLOBAL done"), 2);
}

Test(ir, return_in_try_finally_runs_the_finally_after_evaluating_the_value)
{
    const char *f = section(dump_of("def f(x):\n"
                                    "    try:\n"
                                    "        return x.y\n"
                                    "    finally:\n"
                                    "        cleanup()\n"),
                            "f");
    const char *order[] = {"t0 = LOAD_LOCAL x (slot#0)", "t1 = GET_ATTR t0.y",
                           "LOAD_GLOBAL cleanup", "CALL", "RETURN t1"};
    assert_in_order(f, order, 5);
    /* The copy on the return path is outside the try: its errors leave the function. */
    assert_line(f, "t2 = LOAD_GLOBAL cleanup", 5, NULL);
    assert_line(f, "t8 = LOAD_GLOBAL cleanup", 5, "! b2");
}

Test(ir, break_and_continue_run_finally_bodies_on_the_way_out)
{
    const char *f = section(dump_of("def f(xs):\n"
                                    "    for x in xs:\n"
                                    "        try:\n"
                                    "            if x:\n"
                                    "                break\n"
                                    "            continue\n"
                                    "        finally:\n"
                                    "            tidy()\n"
                                    "    return 0\n"),
                            "f");
    /* The exceptional path, break and continue (the normal path is unreachable). */
    cr_assert_eq(count_of(f, "LOAD_GLOBAL tidy"), 3, "%s", f);
    const char *brk[] = {"t4 = LOAD_GLOBAL tidy", "JUMP b3"};
    assert_in_order(f, brk, 2);
    assert_line(f, "JUMP b3", 5, NULL);
    const char *cont[] = {"t6 = LOAD_GLOBAL tidy", "JUMP b1"};
    assert_in_order(f, cont, 2);
    assert_line(f, "t6 = LOAD_GLOBAL tidy", 8, NULL);
}

Test(ir, return_inside_except_restores_the_handled_exception)
{
    const char *f = section(dump_of("def f():\n"
                                    "    try:\n"
                                    "        g()\n"
                                    "    except E as e:\n"
                                    "        return e\n"),
                            "f");
    const char *order[] = {"STORE_LOCAL e",          "LOAD_LOCAL e (slot#0)", "RESTORE_HANDLING",
                           "STORE_LOCAL e (slot#0)", "DELETE_LOCAL e",        "RETURN"};
    assert_in_order(f, order, 6);
}

Test(ir, bare_raise_and_raise_from)
{
    const char *module = section(dump_of("try:\n"
                                         "    g()\n"
                                         "except:\n"
                                         "    raise\n"
                                         "raise A from B\n"),
                                 "<module>");
    assert_has(module, "RAISE (re-raise the handled exception)  ! b");
    const char *order[] = {"LOAD_GLOBAL A", "LOAD_GLOBAL B", "RAISE t"};
    assert_has(module, " from t");
    assert_in_order(module, order, 3);
}

Test(ir, assert_branches_to_assert_fail_with_the_message)
{
    const char *module = section(dump_of("assert x, 'bad'\n"), "<module>");
    const char *order[] = {"t0 = LOAD_GLOBAL x", "BRANCH t0 ? b1 : b2",
                           "b2:", "t1 = CONST k1 'bad'", "ASSERT_FAIL t1"};
    assert_in_order(module, order, 5);
}

/* ---- Expressions and statements ------------------------------------------------------------ */

Test(ir, chained_comparison_evaluates_the_middle_once_and_short_circuits)
{
    const char *module = section(dump_of("r = a < b < c\n"), "<module>");
    cr_assert_eq(count_of(module, "LOAD_GLOBAL b"), 1);
    const char *order[] = {"t0 = LOAD_GLOBAL a",   "t2 = LOAD_GLOBAL b",
                           "t3 = COMPARE t0 < t2", "t1 = MOVE t3",
                           "BRANCH t1 ? b2 : b1",  "b1:",
                           "STORE_GLOBAL r <- t1", "b2:",
                           "t4 = LOAD_GLOBAL c",   "t5 = COMPARE t2 < t4",
                           "t1 = MOVE t5",         "JUMP b1"};
    assert_in_order(module, order, 12);
}

Test(ir, and_or_give_the_deciding_operand)
{
    const char *module = section(dump_of("r = a or b\n"), "<module>");
    const char *order[] = {"t1 = LOAD_GLOBAL a",
                           "t0 = MOVE t1",
                           "BRANCH t0 ? b1 : b2",
                           "b1:",
                           "STORE_GLOBAL r <- t0",
                           "b2:",
                           "t2 = LOAD_GLOBAL b",
                           "t0 = MOVE t2",
                           "JUMP b1"};
    assert_in_order(module, order, 9);
    /* In a condition, no value is materialised. */
    const char *cond = section(dump_of("if a and not b:\n    pass\n"), "<module>");
    assert_lacks(cond, "MOVE");
    assert_lacks(cond, "UNARY");
}

Test(ir, calls_with_keywords_methods_and_unpacking)
{
    const char *module = section(dump_of("f(1, k=2)\n"
                                         "o.m(x, key=y)\n"
                                         "g(0, *a, k=1, **m)\n"),
                                 "<module>");
    assert_has(module, "CALL t0(t1, t2) kwnames=('k',)");
    assert_has(module, "CALL_METHOD t4.m(t5, t6) kwnames=('key',)");
    const char *order[] = {"t8 = LOAD_GLOBAL g",     "t10 = BUILD_LIST (t9)",
                           "LIST_EXTEND t10 <- t11", "t12 = LIST_TO_TUPLE t10",
                           "BUILD_DICT (t13, t14)",  "DICT_MERGE t15 <- t16 (callee t8)",
                           "CALL_EX t8(*t12, **t15)"};
    assert_in_order(module, order, 7);
}

Test(ir, fstring_with_conversion_and_nested_spec)
{
    const char *module = section(dump_of("s = f'{x!r:>{w}} y'\n"), "<module>");
    const char *order[] = {"t0 = LOAD_GLOBAL x",
                           "t1 = CONST",
                           "'>'",
                           "t2 = LOAD_GLOBAL w",
                           "t3 = FORMAT_VALUE t2",
                           "t4 = BUILD_STRING (t1, t3)",
                           "t5 = FORMAT_VALUE t0 !r spec=t4",
                           "CONST",
                           "' y'",
                           "BUILD_STRING (t5, t6)"};
    assert_in_order(module, order, 10);
}

Test(ir, augmented_assignment_evaluates_the_target_once)
{
    const char *module = section(dump_of("a.b += 1\n"
                                         "c[i] -= 2\n"),
                                 "<module>");
    cr_assert_eq(count_of(module, "LOAD_GLOBAL a"), 1);
    cr_assert_eq(count_of(module, "LOAD_GLOBAL i"), 1);
    const char *order[] = {"t1 = GET_ATTR t0.b",   "BINARY t1 += t2", "SET_ATTR t0.b <- t3",
                           "t6 = GET_ITEM t4[t5]", "BINARY t6 -= t7", "SET_ITEM t4[t5] <- t8"};
    assert_in_order(module, order, 6);
}

Test(ir, unpacking_with_a_star_and_nesting)
{
    const char *module = section(dump_of("a, *b, (c, d) = z\n"), "<module>");
    const char *order[] = {"UNPACK t0 -> (t1, *t2, t3)", "STORE_GLOBAL a <- t1",
                           "STORE_GLOBAL b <- t2",       "UNPACK t3 -> (t4, t5)",
                           "STORE_GLOBAL c <- t4",       "STORE_GLOBAL d <- t5"};
    assert_in_order(module, order, 6);
}

Test(ir, chained_assignment_evaluates_the_value_once)
{
    const char *module = section(dump_of("a = b.c = d[0] = v\n"), "<module>");
    const char *order[] = {"t0 = LOAD_GLOBAL v", "STORE_GLOBAL a <- t0", "SET_ATTR t1.c <- t0",
                           "SET_ITEM t2[t3] <- t0"};
    assert_in_order(module, order, 4);
}

Test(ir, displays_with_starred_items)
{
    const char *module = section(dump_of("t = (1, *x, 2)\n"
                                         "d = {'k': 1, **m}\n"),
                                 "<module>");
    const char *order[] = {"t1 = BUILD_LIST (t0)",     "LIST_EXTEND t1 <- t2",
                           "LIST_APPEND t1 <- t3",     "t4 = LIST_TO_TUPLE t1",
                           "t7 = BUILD_DICT (t5, t6)", "DICT_UPDATE t7 <- t8"};
    assert_in_order(module, order, 6);
}

Test(ir, imports_bind_the_top_package_or_the_alias)
{
    const char *module = section(dump_of("import math\n"
                                         "import a.b\n"
                                         "import a.b.c as d\n"
                                         "from m import x, y as z\n"),
                                 "<module>");
    const char *order[] = {
        "t0 = IMPORT_NAME math", "STORE_GLOBAL math <- t0", "t1 = IMPORT_NAME a.b",
        "STORE_GLOBAL a <- t1",  "t2 = IMPORT_NAME a.b.c",  "t3 = IMPORT_FROM t2.b",
        "t4 = IMPORT_FROM t3.c", "STORE_GLOBAL d <- t4",    "t5 = IMPORT_NAME m",
        "t6 = IMPORT_FROM t5.x", "STORE_GLOBAL x <- t6",    "t7 = IMPORT_FROM t5.y",
        "STORE_GLOBAL z <- t7"};
    assert_in_order(module, order, 13);
}

Test(ir, loops_and_their_else_clauses)
{
    const char *module = section(dump_of("for i in r:\n"
                                         "    if i: break\n"
                                         "else:\n"
                                         "    done()\n"
                                         "while True:\n"
                                         "    pass\n"),
                                 "<module>");
    const char *order[] = {"t1 = GET_ITER t0",
                           "JUMP b1",
                           "b1:",
                           "t2 = FOR_ITER t1 -> b2, exhausted -> b4",
                           "STORE_GLOBAL i <- t2",
                           "b4:",
                           "LOAD_GLOBAL done"};
    assert_in_order(module, order, 7);
    /* `while True` needs no test. */
    assert_lacks(module, "True");
}

Test(ir, unreachable_code_is_pruned)
{
    const char *f = section(dump_of("def f():\n"
                                    "    return 1\n"
                                    "    x = 2\n"),
                            "f");
    assert_lacks(f, "STORE_LOCAL");
    assert_lacks(f, "b1:");
}

Test(ir, negative_literals_are_constants)
{
    const char *module = section(dump_of("x = -5\ny = -2.5\nz = -n\n"), "<module>");
    assert_has(module, "CONST k0 -5");
    assert_has(module, "CONST k2 -2.5");
    assert_has(module, "UNARY - t");
}

Test(ir, lambda_with_defaults)
{
    const char *dump = dump_of("f = lambda a, b=x: a + b\n");
    const char *order[] = {"t0 = LOAD_GLOBAL x", "t1 = BUILD_TUPLE (t0)",
                           "t2 = MAKE_FUNCTION k1 <code <lambda>> closure=() defaults=t1",
                           "STORE_GLOBAL f <- t2"};
    assert_in_order(section(dump, "<module>"), order, 4);
    const char *body[] = {"t0 = LOAD_LOCAL a (slot#0)", "t1 = LOAD_LOCAL b (slot#1)",
                          "t2 = BINARY t0 + t1", "RETURN t2"};
    assert_in_order(section(dump, "<lambda>"), body, 4);
}

Test(ir, attribute_errors_are_reported_on_the_attribute_line)
{
    diag d;
    ir_module *m = lower_source("x = (a\n"
                                "     .b)\n"
                                "f(1,\n"
                                "  g)\n",
                                &d);
    cr_assert_not_null(m);
    bool saw_attr = false, saw_call = false;
    const ir_function *f = m->main;
    for (int i = 0; i < f->nblocks; i++) {
        for (int k = 0; k < f->blocks[i]->ninstrs; k++) {
            const ir_instr *in = &f->blocks[i]->instrs[k];
            if (in->op == IR_GET_ATTR) {
                cr_assert_eq(in->loc.line, 2);
                saw_attr = true;
            }
            if (in->op == IR_CALL) {
                cr_assert_eq(in->loc.line, 3);
                saw_call = true;
            }
        }
    }
    cr_assert(saw_attr && saw_call);
}

Test(ir, annotations_are_evaluated_only_at_module_level)
{
    const char *dump = dump_of("x: int = 1\n"
                               "def f():\n"
                               "    y: undefined_name = 2\n");
    const char *order[] = {"STORE_GLOBAL x <- t0", "LOAD_GLOBAL int"};
    assert_in_order(section(dump, "<module>"), order, 2);
    assert_lacks(section(dump, "f"), "undefined_name");
}

Test(ir, def_annotations_are_a_dict_given_to_make_function)
{
    /* CPython's order: args, then posonlyargs, *args, kwonlyargs, **kwargs, return; after the
     * defaults, before the closure. */
    const char *module = section(dump_of("def f(a: A, /, b: B = 1, *c: C, d: D, **e: E) -> R:\n"
                                         "    pass\n"
                                         "def g(x):\n"
                                         "    pass\n"
                                         "h = lambda y: y\n"),
                                 "<module>");
    const char *order[] = {"BUILD_TUPLE",
                           "'b'",
                           "LOAD_GLOBAL B",
                           "'a'",
                           "LOAD_GLOBAL A",
                           "'c'",
                           "LOAD_GLOBAL C",
                           "'d'",
                           "LOAD_GLOBAL D",
                           "'e'",
                           "LOAD_GLOBAL E",
                           "'return'",
                           "LOAD_GLOBAL R",
                           "t14 = BUILD_DICT (t2, t3, t4, t5, t6, t7, t8, t9, t10, t11, t12, t13)",
                           "<code f> closure=() defaults=t1 annotations=t14"};
    assert_in_order(module, order, 15);
    cr_expect_eq(count_of(module, "annotations="), 1); /* not g, not the lambda */
    assert_lacks(module, "SETUP_ANNOTATIONS");
}

Test(ir, module_annotations_fill_the_module_annotations_dict)
{
    const char *dump = dump_of("\"\"\"doc\"\"\"\n"
                               "x: int = 1\n"
                               "(y): str = 2\n"
                               "z: list\n"
                               "o.a: float\n");
    const char *module = section(dump, "<module>");
    const char *order[] = {"SETUP_ANNOTATIONS",
                           "STORE_GLOBAL __doc__",
                           "STORE_GLOBAL x <- t1",
                           "t2 = LOAD_GLOBAL int",
                           "t3 = LOAD_GLOBAL __annotations__",
                           "t4 = CONST k3 'x'",
                           "SET_ITEM t3[t4] <- t2",
                           "STORE_GLOBAL y <- t5",
                           "t6 = LOAD_GLOBAL str",
                           "t7 = LOAD_GLOBAL list",
                           "t8 = LOAD_GLOBAL __annotations__",
                           "SET_ITEM t8[t9] <- t7",
                           "LOAD_GLOBAL o",
                           "LOAD_GLOBAL float"};
    assert_in_order(module, order, 14);
    cr_expect_eq(count_of(module, "SET_ITEM"), 2); /* not for (y) nor o.a */
    /* CPython's find_ann looks into compound statements, not into functions */
    cr_expect_eq(count_of(dump_of("if c:\n    pass\nelse:\n    while d:\n        v: int\n"),
                          "SETUP_ANNOTATIONS"),
                 1);
    assert_lacks(dump_of("def f():\n    v: int = 1\n"), "SETUP_ANNOTATIONS");
}

Test(ir, set_displays_of_constants_are_built_as_cpython_compiles_them)
{
    const char *dump = dump_of("a = {1, -2, (3, 'x'), not 0}\n"
                               "b = {1, 2}\n"
                               "c = {1, 2, n}\n"
                               "d = {1, 2, 3, *n}\n"
                               "e = n in {1} or n not in {1, m} or n in {1, 2} == m\n"
                               "for v in {4, 5}:\n"
                               "    pass\n"
                               "f = [w for w in {6, 7} for u in {8}]\n");
    const char *module = section(dump, "<module>");
    const char *order[] = {"t7 = BUILD_SET (t0, t1, t4, t6) constants",
                           "t10 = BUILD_SET (t8, t9)  ",
                           "t14 = BUILD_SET (t11, t12, t13)  ",
                           "t18 = BUILD_SET (t15, t16, t17)  ",
                           "t23 = BUILD_SET (t22) frozen",
                           "t28 = BUILD_SET (t26, t27)  ",
                           "t34 = BUILD_SET (t32, t33)  "};
    assert_in_order(module, order, 7);
    cr_expect_eq(count_of(module, " constants "), 1);
    cr_expect_eq(count_of(module, " frozen "), 3); /* n in {1}, for v in {4, 5}, {6, 7} */
    cr_expect_eq(count_of(section(dump, "<listcomp>"), " frozen "), 1); /* for u in {8} */
}

Test(ir, twenty_nested_blocks_lower)
{
    /* 17 loops, then try/except/finally: the handler body has exactly CPython's limit of 20
     * frame blocks open (loops, FINALLY_TRY, EXCEPTION_HANDLER, HANDLER_CLEANUP). */
    char src[4096] = "";
    int n = 17;
    for (int i = 0; i < n; i++)
        sprintf(src + strlen(src), "%*sfor x%d in y:\n", 4 * i, "", i);
    sprintf(src + strlen(src),
            "%*stry:\n%*spass\n%*sexcept E as e:\n%*sbreak\n%*sfinally:\n"
            "%*spass\n",
            4 * n, "", 4 * n + 4, "", 4 * n, "", 4 * n + 4, "", 4 * n, "", 4 * n + 4, "");
    diag d;
    cr_assert_not_null(lower_source(src, &d), "%s: %s", d.kind, d.message);
}

Test(ir, unsupported_imports_are_diagnosed)
{
    diag d;
    cr_assert_null(lower_source("from m import *\n", &d));
    cr_assert_str_eq(d.kind, "NotImplementedError");
    cr_assert_eq(d.line, 1);
    cr_assert_null(lower_source("from . import x\n", &d));
    cr_assert_str_eq(d.kind, "NotImplementedError");
}

/* ---- Invariants codegen relies on, over the whole golden corpus ------------------------------ */

static bool is_terminator(ir_op op)
{
    return op == IR_JUMP || op == IR_BRANCH || op == IR_RETURN || op == IR_FOR_ITER ||
           op == IR_RAISE || op == IR_RERAISE || op == IR_ASSERT_FAIL;
}

static bool uses_slot(ir_op op)
{
    return op == IR_LOAD_LOCAL || op == IR_STORE_LOCAL || op == IR_DELETE_LOCAL;
}

static bool uses_cell(ir_op op)
{
    return op == IR_MAKE_CELL || op == IR_LOAD_DEREF || op == IR_STORE_DEREF ||
           op == IR_DELETE_DEREF || op == IR_LOAD_CLOSURE;
}

static bool held_by_value(const ir_function *f, int cell)
{
    return f->byvalue && cell >= 0 && cell < f->ncells && f->byvalue[cell];
}

/* The operation that assigns temp t (closure operands are assigned once). */
static ir_op defining_op(const ir_function *f, int t)
{
    for (int i = 0; i < f->nblocks; i++)
        for (int k = 0; k < f->blocks[i]->ninstrs; k++)
            if (f->blocks[i]->instrs[k].dst == t)
                return f->blocks[i]->instrs[k].op;
    return IR_OP_COUNT;
}

/* Each closure item has the form the new function's environment expects: a by-value entry
 * gets a value (LOAD_LOCAL from the owner's slot, LOAD_CAPTURED passing it on), a cell entry a
 * cell (LOAD_CLOSURE). */
static void check_closure(const ir_function *f, const ir_instr *in, const ir_function *inner)
{
    const scope *is = inner->scope;
    for (int i = 0; i < in->nargs; i++) {
        ir_op op = defining_op(f, in->args[i]);
        if (held_by_value(inner, is->ncellvars + i))
            cr_assert(op == IR_LOAD_LOCAL || op == IR_LOAD_CAPTURED, "%s: closure item %s of %s",
                      f->qualname, is->freevars[i], inner->qualname);
        else
            cr_assert_eq(op, IR_LOAD_CLOSURE, "%s: closure item %s of %s", f->qualname,
                         is->freevars[i], inner->qualname);
    }
}

static void check_temp(const ir_function *f, int t, const char *what)
{
    cr_assert(t >= -1 && t < f->ntemps, "%s: temp %d of %s out of range", f->qualname, t, what);
}

static bool in_function(const ir_function *f, const ir_block *b)
{
    return b && b->id >= 0 && b->id < f->nblocks && f->blocks[b->id] == b;
}

static void check_instr(const ir_function *f, const ir_instr *in)
{
    const char *op = ir_op_name(in->op);
    check_temp(f, in->dst, op);
    check_temp(f, in->a, op);
    check_temp(f, in->b, op);
    check_temp(f, in->c, op);
    for (int i = 0; i < in->nargs; i++)
        check_temp(f, in->args[i], op);
    if (uses_slot(in->op))
        cr_assert(in->imm >= 0 && in->imm < f->nslots, "%s: %s slot %d", f->qualname, op, in->imm);
    if (uses_cell(in->op)) {
        cr_assert(in->imm >= 0 && in->imm < f->ncells, "%s: %s cell %d", f->qualname, op, in->imm);
        cr_assert(!held_by_value(f, in->imm), "%s: %s of a by-value variable", f->qualname, op);
    }
    if (in->op == IR_LOAD_CAPTURED)
        cr_assert(in->imm >= f->scope->ncellvars && held_by_value(f, in->imm),
                  "%s: LOAD_CAPTURED of cell %d", f->qualname, in->imm);
    if (in->op == IR_CONST || in->op == IR_LOAD_GLOBAL || in->op == IR_GET_ATTR ||
        in->op == IR_MAKE_FUNCTION || in->op == IR_CALL_METHOD || in->op == IR_IMPORT_NAME)
        cr_assert(in->imm >= 0 && in->imm < f->nconsts, "%s: %s const %d", f->qualname, op,
                  in->imm);
    if (in->op == IR_MAKE_FUNCTION) {
        const ir_const *c = &f->consts[in->imm];
        cr_assert_eq(c->kind, IRC_CODE);
        cr_assert_eq(in->nargs, c->code->scope->nfreevars, "%s: closure of %s", f->qualname,
                     c->code->qualname);
        check_closure(f, in, c->code);
    }
    if (in->target)
        cr_assert(in_function(f, in->target), "%s: %s jumps outside", f->qualname, op);
    if (in->target2)
        cr_assert(in_function(f, in->target2), "%s: %s jumps outside", f->qualname, op);
    if (ir_op_can_fail(in->op))
        cr_assert(!in->handler || in_function(f, in->handler), "%s: bad handler", f->qualname);
    else
        cr_assert_null(in->handler, "%s: %s cannot fail but has a handler", f->qualname, op);
}

/* Every block is non-empty, ends with its only terminator, and has its index as id. */
static int check_function(const ir_function *f)
{
    cr_assert_eq(f->nslots, f->scope->nvarnames);
    cr_assert_eq(f->ncells, f->scope->ncellvars + f->scope->nfreevars);
    cr_assert_gt(f->nblocks, 0);
    for (int i = 0; i < f->nblocks; i++) {
        const ir_block *b = f->blocks[i];
        cr_assert_eq(b->id, i);
        cr_assert_gt(b->ninstrs, 0, "%s: b%d is empty", f->qualname, i);
        for (int k = 0; k < b->ninstrs; k++) {
            check_instr(f, &b->instrs[k]);
            cr_assert_eq(is_terminator(b->instrs[k].op), k == b->ninstrs - 1,
                         "%s: b%d: %s at %d of %d", f->qualname, i, ir_op_name(b->instrs[k].op), k,
                         b->ninstrs);
        }
    }
    int n = 1;
    for (int i = 0; i < f->nchildren; i++)
        n += check_function(f->children[i]);
    return n;
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = arena_alloc(&test_arena, (size_t)n + 1);
    size_t got = fread(buf, 1, (size_t)n, f);
    buf[got] = '\0';
    fclose(f);
    return buf;
}

Test(ir, golden_corpus_lowers_to_well_formed_ir)
{
    const char *dir = CELLAR_SOURCE_DIR "/tests/programs";
    DIR *d = opendir(dir);
    cr_assert_not_null(d);
    int programs = 0, functions = 0;
    for (struct dirent *e; (e = readdir(d));) {
        size_t n = strlen(e->d_name);
        if (n < 4 || strcmp(e->d_name + n - 3, ".py") != 0)
            continue;
        char *src = read_file(arena_printf(&test_arena, "%s/%s", dir, e->d_name));
        diag dg;
        ir_module *m = lower_source(src, &dg);
        /* A program expected to fail may fail to compile (NAME.err holds CPython's error). */
        char *err = arena_printf(&test_arena, "%s/%.*s.err", dir, (int)(n - 3), e->d_name);
        if (!m && read_file(err))
            continue;
        cr_assert_not_null(m, "%s: %s: %s (line %d)", e->d_name, dg.kind, dg.message, dg.line);
        functions += check_function(m->main);
        free(ir_dump(m));
        programs++;
    }
    closedir(d);
    cr_assert_gt(programs, 100);
    cr_assert_gt(functions, programs);
}

/* ---- ir.c ------------------------------------------------------------------------------- */

Test(ir, op_table)
{
    cr_assert_str_eq(ir_op_name(IR_LOAD_DEREF), "LOAD_DEREF");
    cr_assert_str_eq(ir_op_name(IR_ASSERT_FAIL), "ASSERT_FAIL");
    cr_assert(ir_op_can_fail(IR_CALL));
    cr_assert(!ir_op_can_fail(IR_STORE_LOCAL));
    cr_assert(!ir_op_can_fail(IR_MAKE_CELL));
}

Test(ir, constants_are_shared_and_code_constants_are_children)
{
    ir_function f = {0}, child = {0};
    int a = ir_add_const(&test_arena, &f, (ir_const){.kind = IRC_STR, .str = "x", .str_len = 1});
    int b = ir_add_const(&test_arena, &f, (ir_const){.kind = IRC_INT, .int_digits = "1"});
    int c = ir_add_const(&test_arena, &f, (ir_const){.kind = IRC_STR, .str = "x", .str_len = 1});
    int z = ir_add_const(&test_arena, &f, (ir_const){.kind = IRC_FLOAT, .float_value = 0.0});
    int nz = ir_add_const(&test_arena, &f, (ir_const){.kind = IRC_FLOAT, .float_value = -0.0});
    cr_assert_eq(a, c);
    cr_assert_neq(a, b);
    cr_assert_neq(z, nz);
    int k1 = ir_add_const(&test_arena, &f, (ir_const){.kind = IRC_CODE, .code = &child});
    int k2 = ir_add_const(&test_arena, &f, (ir_const){.kind = IRC_CODE, .code = &child});
    cr_assert_neq(k1, k2);
    cr_assert_eq(f.nchildren, 2);
    cr_assert_eq(f.children[0], &child);
    for (int i = 0; i < 100; i++) /* growth keeps earlier entries */
        ir_add_const(
            &test_arena, &f,
            (ir_const){.kind = IRC_INT, .int_digits = arena_printf(&test_arena, "%d", i + 2)});
    cr_assert_str_eq(f.consts[a].str, "x");
    cr_assert_eq(f.nconsts, 106);
}

Test(ir, emitted_instructions_start_without_operands)
{
    ir_function f = {0};
    ir_block *b0 = ir_new_block(&test_arena, &f);
    ir_block *b1 = ir_new_block(&test_arena, &f);
    cr_assert_eq(b0->id, 0);
    cr_assert_eq(b1->id, 1);
    cr_assert_eq(f.nblocks, 2);
    ir_instr *in = ir_emit(&test_arena, b0, IR_CALL);
    cr_assert_eq(in->op, IR_CALL);
    cr_assert(in->dst == -1 && in->a == -1 && in->b == -1 && in->c == -1);
    cr_assert(in->imm == -1 && in->imm2 == -1);
    cr_assert_null(in->handler);
    cr_assert_eq(ir_new_temp(&f), 0);
    cr_assert_eq(ir_new_temp(&f), 1);
}
