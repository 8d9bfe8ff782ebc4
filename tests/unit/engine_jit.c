/* The JIT: hand-built IR compiled and run (constants, parameters, small-int fast paths and
 * their overflow into big ints, closures, handlers, unbound names, bad IR reported as an
 * error), then whole programs from source through parse → scopes → lower → jit, each at -O0
 * and -O2 against the output CPython 3.11 prints. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "call.h"
#include "dict.h"
#include "exception.h"
#include "function.h"
#include "int.h"
#include "ir.h"
#include "jit.h"
#include "ops.h"
#include "parser.h"
#include "scope.h"
#include "str.h"
#include "tuple.h"
#include "vm.h"

static rt_vm *vm;
static arena A;

static void setup(void)
{
    vm = rt_vm_new();
    arena_init(&A);
}

static void teardown(void) { arena_free(&A); }

TestSuite(jit, .init = setup, .fini = teardown);

static const int levels[] = {0, 2};

/* ---- building IR by hand ---- */

static scope *new_scope(scope_kind kind, scope *parent, const char *name)
{
    scope *s = arena_alloc(&A, sizeof *s);
    s->kind = kind;
    s->parent = parent;
    s->name = s->qualname = name;
    return s;
}

static ir_function *new_function(const scope *s)
{
    ir_function *f = arena_alloc(&A, sizeof *f);
    f->scope = s;
    f->name = s->name;
    f->qualname = s->qualname;
    f->firstlineno = 1;
    f->docstring = -1;
    f->nslots = s->nvarnames;
    f->ncells = s->ncellvars + s->nfreevars;
    ir_new_block(&A, f);
    return f;
}

static ir_instr *emit(ir_block *b, ir_op op, int dst, int a, int bb, int imm, int line)
{
    ir_instr *in = ir_emit(&A, b, op);
    in->dst = dst;
    in->a = a;
    in->b = bb;
    in->imm = imm;
    in->loc.line = line;
    return in;
}

static int int_const(ir_function *f, const char *digits)
{
    return ir_add_const(&A, f, (ir_const){.kind = IRC_INT, .int_digits = digits});
}

static int str_const(ir_function *f, const char *s)
{
    return ir_add_const(&A, f, (ir_const){.kind = IRC_STR, .str = s, .str_len = strlen(s)});
}

static int code_const(ir_function *f, ir_function *child)
{
    return ir_add_const(&A, f, (ir_const){.kind = IRC_CODE, .code = child});
}

static void set_args(ir_instr *in, int n, const int *temps)
{
    in->args = arena_alloc(&A, sizeof(int) * (size_t)(n ? n : 1));
    memcpy(in->args, temps, sizeof(int) * (size_t)n);
    in->nargs = n;
}

/* A module whose body is `return <digits>`. */
static ir_module *return_const_module(const char *digits)
{
    ir_function *f = new_function(new_scope(SCOPE_MODULE, NULL, "<module>"));
    int t = ir_new_temp(f);
    emit(f->blocks[0], IR_CONST, t, -1, -1, int_const(f, digits), 1);
    emit(f->blocks[0], IR_RETURN, -1, t, -1, -1, 1);
    ir_module *m = arena_alloc(&A, sizeof *m);
    m->main = f;
    m->filename = "hand.py";
    return m;
}

/* A module whose body returns `def <op>(a, b): return a OP b` built by `binop`. */
static ir_module *binop_function_module(int binop, bool compare)
{
    scope *ms = new_scope(SCOPE_MODULE, NULL, "<module>");
    scope *fs = new_scope(SCOPE_FUNCTION, ms, "op");
    static const char *params[] = {"a", "b"};
    fs->varnames = params;
    fs->nvarnames = 2;
    fs->argcount = 2;
    ir_function *g = new_function(fs);
    ir_block *gb = g->blocks[0];
    int x = ir_new_temp(g), y = ir_new_temp(g), z = ir_new_temp(g);
    emit(gb, IR_LOAD_LOCAL, x, -1, -1, 0, 2);
    emit(gb, IR_LOAD_LOCAL, y, -1, -1, 1, 2);
    emit(gb, compare ? IR_COMPARE : IR_BINARY, z, x, y, binop, 2);
    emit(gb, IR_RETURN, -1, z, -1, -1, 2);

    ir_function *f = new_function(ms);
    int fn = ir_new_temp(f);
    emit(f->blocks[0], IR_MAKE_FUNCTION, fn, -1, -1, code_const(f, g), 1);
    emit(f->blocks[0], IR_RETURN, -1, fn, -1, -1, 1);
    ir_module *m = arena_alloc(&A, sizeof *m);
    m->main = f;
    m->filename = "hand.py";
    return m;
}

/* Compiles `m` at `level` and runs its body; the jit is returned for further calls. */
static rt_value compile_and_run(jit **jp, int level, const ir_module *m, char **llvm_ir)
{
    char *error = NULL;
    *jp = jit_new(vm, level, &error);
    cr_assert_not_null(*jp, "jit_new: %s", error ? error : "");
    rt_value body = jit_compile_module(*jp, m, llvm_ir, &error);
    cr_assert_neq(body, 0, "jit_compile_module: %s", error ? error : "");
    return rt_call_function(vm, body, 0, NULL, 0);
}

static rt_value call2(rt_value f, rt_value a, rt_value b)
{
    rt_value args[2] = {a, b};
    return rt_call_function(vm, f, 2, args, 0);
}

static rt_value big(const char *digits)
{
    bool negative = digits[0] == '-';
    rt_value v = rt_int_from_string(vm, digits + negative, 10);
    return negative ? rt_unary_op(vm, RT_NEG, v) : v;
}

static void assert_int_equals(rt_value v, const char *digits)
{
    cr_assert_neq(v, 0, "raised instead of returning %s", digits);
    cr_assert_eq(rt_equal(vm, v, big(digits)), 1, "expected %s, got %s", digits,
                 rt_str_data(rt_repr(vm, v)));
}

/* ---- hand-built IR ---- */

Test(jit, return_constant)
{
    for (int i = 0; i < 2; i++) {
        jit *j;
        rt_value v = compile_and_run(&j, levels[i], return_const_module("42"), NULL);
        cr_assert_eq(v, rt_small_int(42));
        v = compile_and_run(&j, levels[i], return_const_module("-123456789012345678901234567890"),
                            NULL);
        assert_int_equals(v, "-123456789012345678901234567890");
        jit_free(j);
    }
}

Test(jit, add_and_sub_small_ints_and_their_overflow)
{
    static const char *cases[][4] = {
        {"+", "3", "4", "7"},
        {"+", "-5", "2", "-3"},
        {"+", "2305843009213693950", "1", "2305843009213693951"},
        {"+", "2305843009213693951", "1", "2305843009213693952"}, /* leaves the small range */
        {"+", "2305843009213693951", "2305843009213693951", "4611686018427387902"},
        {"+", "-2305843009213693952", "-1", "-2305843009213693953"},
        {"-", "-2305843009213693951", "1", "-2305843009213693952"},
        {"-", "-2305843009213693952", "1", "-2305843009213693953"},
        {"-", "0", "-2305843009213693952", "2305843009213693952"},
        {"-", "99999999999999999999", "1", "99999999999999999998"}, /* big operand */
    };
    for (int i = 0; i < 2; i++) {
        jit *adder, *subber;
        rt_value add =
            compile_and_run(&adder, levels[i], binop_function_module(RT_ADD, false), NULL);
        rt_value sub = compile_and_run(&subber, levels[i],
                                       binop_function_module(RT_SUB | RT_INPLACE, false), NULL);
        for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
            rt_value f = cases[k][0][0] == '+' ? add : sub;
            assert_int_equals(call2(f, big(cases[k][1]), big(cases[k][2])), cases[k][3]);
        }
        /* Not ints at all: the generic path. */
        rt_value s = call2(add, rt_str_from_cstr("ab"), rt_str_from_cstr("cd"));
        cr_assert(rt_str_equal_cstr(s, "abcd"));
        cr_assert_eq(call2(add, rt_small_int(1), rt_str_from_cstr("x")), 0);
        cr_assert(rt_pending_is(vm, &rt_type_error_type));
        vm->pending = 0;
        jit_free(adder);
        jit_free(subber);
    }
}

Test(jit, comparisons_of_small_ints_and_others)
{
    /* ast_cmp_op order: EQ NOTEQ LT LTE GT GTE */
    static const int ops[] = {CMP_EQ, CMP_NOTEQ, CMP_LT, CMP_LTE, CMP_GT, CMP_GTE};
    static const bool expect_3_5[] = {false, true, true, true, false, false};
    static const bool expect_5_5[] = {true, false, false, true, false, true};
    for (int i = 0; i < 2; i++)
        for (int k = 0; k < 6; k++) {
            jit *j;
            rt_value f = compile_and_run(&j, levels[i], binop_function_module(ops[k], true), NULL);
            cr_assert_eq(call2(f, rt_small_int(3), rt_small_int(5)), rt_bool(expect_3_5[k]));
            cr_assert_eq(call2(f, rt_small_int(5), rt_small_int(5)), rt_bool(expect_5_5[k]));
            cr_assert_eq(call2(f, rt_small_int(-7), rt_small_int(5)), rt_bool(expect_3_5[k]));
            cr_assert_eq(call2(f, big("100000000000000000000"), big("100000000000000000000")),
                         rt_bool(expect_5_5[k]));
            jit_free(j);
        }
}

/* def outer(): x = 5; def inner(): return x; return inner() */
static ir_module *closure_module(void)
{
    scope *ms = new_scope(SCOPE_MODULE, NULL, "<module>");
    static const char *xs[] = {"x"};
    scope *os = new_scope(SCOPE_FUNCTION, ms, "outer");
    os->cellvars = xs;
    os->ncellvars = 1;
    scope *is = new_scope(SCOPE_FUNCTION, os, "inner");
    is->qualname = "outer.<locals>.inner";
    is->freevars = xs;
    is->nfreevars = 1;

    ir_function *inner = new_function(is);
    int v = ir_new_temp(inner);
    emit(inner->blocks[0], IR_LOAD_DEREF, v, -1, -1, 0, 3);
    emit(inner->blocks[0], IR_RETURN, -1, v, -1, -1, 3);

    ir_function *outer = new_function(os);
    ir_block *ob = outer->blocks[0];
    emit(ob, IR_MAKE_CELL, -1, -1, -1, 0, 1);
    int five = ir_new_temp(outer), cell = ir_new_temp(outer), fn = ir_new_temp(outer);
    int r = ir_new_temp(outer);
    emit(ob, IR_CONST, five, -1, -1, int_const(outer, "5"), 2);
    emit(ob, IR_STORE_DEREF, -1, five, -1, 0, 2);
    emit(ob, IR_LOAD_CLOSURE, cell, -1, -1, 0, 3);
    set_args(emit(ob, IR_MAKE_FUNCTION, fn, -1, -1, code_const(outer, inner), 3), 1, &cell);
    set_args(emit(ob, IR_CALL, r, fn, -1, -1, 4), 0, NULL);
    emit(ob, IR_RETURN, -1, r, -1, -1, 4);

    ir_function *f = new_function(ms);
    int of = ir_new_temp(f), result = ir_new_temp(f);
    emit(f->blocks[0], IR_MAKE_FUNCTION, of, -1, -1, code_const(f, outer), 1);
    set_args(emit(f->blocks[0], IR_CALL, result, of, -1, -1, 5), 0, NULL);
    emit(f->blocks[0], IR_RETURN, -1, result, -1, -1, 5);
    ir_module *m = arena_alloc(&A, sizeof *m);
    m->main = f;
    m->filename = "hand.py";
    return m;
}

Test(jit, closure_reads_a_cell)
{
    for (int i = 0; i < 2; i++) {
        jit *j;
        char *ir = NULL;
        cr_assert_eq(compile_and_run(&j, levels[i], closure_module(), &ir), rt_small_int(5));
        cr_assert_not_null(strstr(ir, "outer.<locals>.inner"));
        free(ir);
        jit_free(j);
    }
}

/* try: return 1 // 0
 * except ZeroDivisionError: return 7 */
static ir_module *try_except_module(void)
{
    ir_function *f = new_function(new_scope(SCOPE_MODULE, NULL, "<module>"));
    ir_block *body = f->blocks[0], *dispatch = ir_new_block(&A, f);
    ir_block *caught = ir_new_block(&A, f), *unmatched = ir_new_block(&A, f);
    int one = ir_new_temp(f), zero = ir_new_temp(f), q = ir_new_temp(f);
    emit(body, IR_CONST, one, -1, -1, int_const(f, "1"), 2);
    emit(body, IR_CONST, zero, -1, -1, int_const(f, "0"), 2);
    emit(body, IR_BINARY, q, one, zero, RT_FLOORDIV, 2)->handler = dispatch;
    emit(body, IR_RETURN, -1, q, -1, -1, 2);
    int exc = ir_new_temp(f), saved = ir_new_temp(f), type = ir_new_temp(f), m = ir_new_temp(f);
    emit(dispatch, IR_FETCH_EXC, exc, -1, -1, -1, 3);
    emit(dispatch, IR_SET_HANDLING, saved, exc, -1, -1, 3);
    emit(dispatch, IR_LOAD_GLOBAL, type, -1, -1, str_const(f, "ZeroDivisionError"), 3);
    emit(dispatch, IR_EXC_MATCH, m, exc, type, -1, 3);
    ir_instr *br = emit(dispatch, IR_BRANCH, -1, m, -1, -1, 3);
    br->target = caught;
    br->target2 = unmatched;
    int seven = ir_new_temp(f);
    emit(caught, IR_RESTORE_HANDLING, -1, saved, -1, -1, 4);
    emit(caught, IR_CONST, seven, -1, -1, int_const(f, "7"), 4);
    emit(caught, IR_RETURN, -1, seven, -1, -1, 4);
    emit(unmatched, IR_RESTORE_HANDLING, -1, saved, -1, -1, 3);
    emit(unmatched, IR_RERAISE, -1, exc, -1, -1, 3);
    ir_module *mod = arena_alloc(&A, sizeof *mod);
    mod->main = f;
    mod->filename = "hand.py";
    return mod;
}

Test(jit, try_except_catches_zero_division)
{
    for (int i = 0; i < 2; i++) {
        jit *j;
        cr_assert_eq(compile_and_run(&j, levels[i], try_except_module(), NULL), rt_small_int(7));
        cr_assert_eq(vm->pending, 0);
        cr_assert_eq(vm->handling, 0);
        jit_free(j);
    }
}

/* def f(): return x; x = 1  — x is local to f and read before it is bound. */
Test(jit, unbound_local_raises_with_the_line)
{
    for (int i = 0; i < 2; i++) {
        scope *ms = new_scope(SCOPE_MODULE, NULL, "<module>");
        ir_function *f = new_function(ms);
        static const char *xs[] = {"x"};
        ms->varnames = xs; /* a module-level function scope stand-in: slot 0 is x */
        ms->nvarnames = 1;
        f->nslots = 1;
        int t = ir_new_temp(f);
        emit(f->blocks[0], IR_LOAD_LOCAL, t, -1, -1, 0, 9);
        emit(f->blocks[0], IR_RETURN, -1, t, -1, -1, 9);
        ir_module m = {.main = f, .filename = "hand.py"};
        jit *j;
        cr_assert_eq(compile_and_run(&j, levels[i], &m, NULL), 0);
        cr_assert(rt_pending_is(vm, &rt_unbound_local_error_type));
        rt_value exc = rt_fetch(vm);
        rt_value text = rt_format_exception(vm, exc);
        cr_assert_not_null(strstr(rt_str_data(text), "line 9"), "%s", rt_str_data(text));
        cr_assert_not_null(strstr(rt_str_data(text), "'x'"), "%s", rt_str_data(text));
        vm->pending = 0;
        jit_free(j);
    }
}

Test(jit, ir_that_falls_off_a_block_is_an_error_not_a_crash)
{
    ir_function *f = new_function(new_scope(SCOPE_MODULE, NULL, "<module>"));
    int t = ir_new_temp(f);
    emit(f->blocks[0], IR_CONST, t, -1, -1, int_const(f, "1"), 1); /* no terminator */
    ir_module m = {.main = f, .filename = "hand.py"};
    char *error = NULL;
    jit *j = jit_new(vm, 2, &error);
    cr_assert_eq(jit_compile_module(j, &m, NULL, &error), 0);
    cr_assert_not_null(error);
    cr_assert_not_null(strstr(error, "falls off"), "%s", error);
    cr_assert_eq(vm->pending, 0);
    free(error);
    /* The jit is still usable afterwards. */
    rt_value body = jit_compile_module(j, return_const_module("3"), NULL, &error);
    cr_assert_eq(rt_call_function(vm, body, 0, NULL, 0), rt_small_int(3));
    jit_free(j);
}

Test(jit, function_names_are_unique_across_compiles)
{
    char *error = NULL, *ir1 = NULL, *ir2 = NULL;
    jit *j = jit_new(vm, 1, &error);
    rt_value a = jit_compile_module(j, return_const_module("1"), &ir1, &error);
    rt_value b = jit_compile_module(j, return_const_module("2"), &ir2, &error);
    cr_assert(a && b, "%s", error ? error : "");
    cr_assert_not_null(strstr(ir1, "@\"cellar.0.<module>\""), "%s", ir1);
    cr_assert_not_null(strstr(ir2, "@\"cellar.1.<module>\""), "%s", ir2);
    cr_assert_eq(rt_call_function(vm, a, 0, NULL, 0), rt_small_int(1));
    cr_assert_eq(rt_call_function(vm, b, 0, NULL, 0), rt_small_int(2));
    free(ir1);
    free(ir2);
    jit_free(j);
}

Test(jit, two_jits_on_one_vm_are_independent)
{
    char *error = NULL;
    jit *j1 = jit_new(vm, 0, &error), *j2 = jit_new(vm, 3, &error);
    rt_value a = jit_compile_module(j1, return_const_module("10"), NULL, &error);
    rt_value b = jit_compile_module(j2, return_const_module("20"), NULL, &error);
    cr_assert_eq(rt_call_function(vm, a, 0, NULL, 0), rt_small_int(10));
    jit_free(j1);
    cr_assert_eq(rt_call_function(vm, b, 0, NULL, 0), rt_small_int(20));
    /* j1's code is gone: its functions raise instead of jumping into freed memory. */
    cr_assert_eq(rt_call_function(vm, a, 0, NULL, 0), 0);
    cr_assert(rt_pending_is(vm, &rt_runtime_error_type));
    vm->pending = 0;
    jit_free(j2);
}

/* ---- whole programs ---- */

static char output[1 << 16];
static double compile_ms; /* of the last run_source's jit_compile_module */
static size_t output_len;

static void capture(void *user_data, const char *text, size_t len)
{
    (void)user_data;
    if (output_len + len < sizeof output) {
        memcpy(output + output_len, text, len);
        output_len += len;
        output[output_len] = '\0';
    }
}

/* Runs `source` at `level`; returns the body's result and leaves what it printed in output. */
static rt_value run_source(const char *source, int level, char **llvm_ir)
{
    rt_vm *fresh = rt_vm_new();
    vm = fresh;
    vm->write_out = capture;
    output_len = 0;
    output[0] = '\0';
    diag d = {0};
    ast_module *ast = parse_module(&A, source, strlen(source), &d);
    cr_assert_not_null(ast, "parse: %s", d.message);
    cr_assert_not_null(scope_analyze(&A, ast, &d), "scopes: %s", d.message);
    ir_module *m = lower_module(&A, ast, "prog.py", &d);
    cr_assert_not_null(m, "lower: %s", d.message);
    char *error = NULL;
    jit *j = jit_new(vm, level, &error);
    cr_assert_not_null(j, "%s", error ? error : "");
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    rt_value body = jit_compile_module(j, m, llvm_ir, &error);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    compile_ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
    cr_assert_neq(body, 0, "jit: %s", error ? error : "");
    rt_vm_add_source(vm, "prog.py", source, strlen(source));
    rt_value result = rt_call_function(vm, body, 0, NULL, 0);
    /* The jit stays alive with the VM: functions the program made may still be called. */
    return result;
}

static void expect_output(const char *source, const char *expected)
{
    for (int i = 0; i < 2; i++) {
        rt_value r = run_source(source, levels[i], NULL);
        if (!r) {
            rt_value text = rt_format_exception(vm, rt_fetch(vm));
            cr_assert_fail("-O%d raised:\n%s\noutput so far:\n%s", levels[i],
                           text ? rt_str_data(text) : "?", output);
        }
        cr_assert_str_eq(output, expected, "at -O%d", levels[i]);
    }
}

Test(jit, source_arithmetic_and_print)
{
    expect_output("x = 2 ** 64\n"
                  "print(x + 1, x - x, 7 // 2, -7 // 2, 7 % -3, 1 / 4)\n"
                  "print(2305843009213693951 + 1, -2305843009213693952 - 1)\n"
                  "print(1 < 2 <= 2, 3 == 3.0, 'a' < 'b', not 0, not [1])\n",
                  "18446744073709551617 0 3 -4 -2 0.25\n"
                  "2305843009213693952 -2305843009213693953\n"
                  "True True True True False\n");
}

Test(jit, source_loops_and_branches)
{
    expect_output("total = 0\n"
                  "for i in range(10):\n"
                  "    if i % 2:\n"
                  "        continue\n"
                  "    total += i\n"
                  "n = 0\n"
                  "while n < 5:\n"
                  "    n += 1\n"
                  "else:\n"
                  "    print('done', n)\n"
                  "print(total, [x * x for x in range(4) if x], {k: k * 2 for k in 'ab'})\n",
                  "done 5\n20 [1, 4, 9] {'a': 'aa', 'b': 'bb'}\n");
}

Test(jit, source_closures_and_nonlocal)
{
    expect_output("def counter():\n"
                  "    n = 0\n"
                  "    def inc(step=1):\n"
                  "        nonlocal n\n"
                  "        n += step\n"
                  "        return n\n"
                  "    return inc\n"
                  "c = counter()\n"
                  "c(); c(); print(c(10))\n"
                  "def outer(a):\n"
                  "    def middle():\n"
                  "        def inner():\n"
                  "            return a * 2\n"
                  "        return inner\n"
                  "    return middle()()\n"
                  "print(outer(21), c.__code__.co_freevars, counter.__code__.co_cellvars)\n",
                  "12\n42 ('n',) ('n',)\n");
}

Test(jit, source_decorators_and_keywords)
{
    expect_output("def trace(f):\n"
                  "    def wrapper(*args, **kwargs):\n"
                  "        print('call', f.__name__, args, kwargs)\n"
                  "        return f(*args, **kwargs)\n"
                  "    return wrapper\n"
                  "@trace\n"
                  "def area(w, h=2, *, scale=1):\n"
                  "    return w * h * scale\n"
                  "print(area(3), area(3, h=4, scale=10))\n",
                  "call area (3,) {}\ncall area (3,) {'h': 4, 'scale': 10}\n6 120\n");
}

Test(jit, source_exceptions)
{
    expect_output("def f(x):\n"
                  "    try:\n"
                  "        return 10 // x\n"
                  "    except ZeroDivisionError as e:\n"
                  "        print('caught', e)\n"
                  "        return -1\n"
                  "    finally:\n"
                  "        print('finally', x)\n"
                  "print(f(2), f(0))\n"
                  "try:\n"
                  "    try:\n"
                  "        raise ValueError('inner')\n"
                  "    except ValueError:\n"
                  "        raise KeyError('outer')\n"
                  "except KeyError as k:\n"
                  "    print(repr(k), repr(k.__context__))\n"
                  "try:\n"
                  "    assert 1 == 2, 'nope'\n"
                  "except AssertionError as a:\n"
                  "    print('assert', a)\n",
                  "finally 2\ncaught integer division or modulo by zero\nfinally 0\n5 -1\n"
                  "KeyError('outer') ValueError('inner')\nassert nope\n");
}

Test(jit, source_unpacking_fstrings_and_containers)
{
    expect_output("a, *b, c = range(5)\n"
                  "d = {'x': 1}\n"
                  "d['y'] = 2\n"
                  "del d['x']\n"
                  "s = {1, 2} | {3}\n"
                  "t = (*b, *'hi')\n"
                  "print(a, b, c, d, 3 in s, len(s), t, t[1:3], f'{a:>3}|{c!r}|{3.5:.2f}')\n",
                  "0 [1, 2, 3] 4 {'y': 2} True 3 (1, 2, 3, 'h', 'i') (2, 3)   0|4|3.50\n");
}

Test(jit, source_uncaught_exception_reports_lines)
{
    const char *source = "def g(n):\n"
                         "    return n + undefined_name\n"
                         "def f():\n"
                         "    return g(1)\n"
                         "f()\n";
    for (int i = 0; i < 2; i++) {
        cr_assert_eq(run_source(source, levels[i], NULL), 0);
        cr_assert(rt_pending_is(vm, &rt_name_error_type));
        rt_value text = rt_format_exception(vm, rt_fetch(vm));
        const char *s = rt_str_data(text);
        cr_assert_not_null(strstr(s, "line 5, in <module>"), "%s", s);
        cr_assert_not_null(strstr(s, "line 4, in f"), "%s", s);
        cr_assert_not_null(strstr(s, "line 2, in g"), "%s", s);
        cr_assert_not_null(strstr(s, "NameError: name 'undefined_name' is not defined"), "%s", s);
    }
}

Test(jit, code_objects_describe_their_functions)
{
    run_source("def f(a, b=1, /, c=2, *args, d, e=3, **kw):\n"
               "    'doc'\n"
               "    def g():\n"
               "        return a\n"
               "    return g\n",
               2, NULL);
    rt_value f = rt_dict_get_str(vm->globals, rt_str_intern(vm, "f"));
    cr_assert_neq(f, 0);
    rt_code *code = rt_as_function(f)->code;
    cr_assert_eq(code->argcount, 3);
    cr_assert_eq(code->posonlyargcount, 2);
    cr_assert_eq(code->kwonlyargcount, 2);
    cr_assert_eq(code->nparams, 7);
    cr_assert_eq(code->flags,
                 RT_CO_OPTIMIZED | RT_CO_NEWLOCALS | RT_CO_VARARGS | RT_CO_VARKEYWORDS);
    cr_assert(rt_str_equal_cstr(code->docstring, "doc"));
    cr_assert_eq(rt_as_tuple(code->cellvars)->size, 1);
    cr_assert_eq(rt_as_tuple(code->varnames)->size, 8);
    cr_assert_not_null(code->entry);
}

Test(jit, co_names_lists_globals_and_attributes_in_first_use_order)
{
    expect_output("import math\n"
                  "def f(x):\n"
                  "    y = math.sqrt(x)\n"
                  "    global g\n"
                  "    g = len(str(y)).bit_length()\n"
                  "    return x.real\n"
                  "print(f.__code__.co_names, f(4), g)\n",
                  "('math', 'sqrt', 'len', 'str', 'bit_length', 'g', 'real') 4 2\n");
}

Test(jit, star_args_of_a_non_iterable_name_the_callee)
{
    expect_output("def f(*a):\n"
                  "    return a\n"
                  "print(f(*'ab'), f(*range(3)))\n"
                  "try:\n"
                  "    f(*None)\n"
                  "except TypeError as e:\n"
                  "    print(e)\n"
                  "try:\n"
                  "    [*None]\n"
                  "except TypeError as e:\n"
                  "    print(e)\n",
                  "('a', 'b') (0, 1, 2)\n"
                  "__main__.f() argument after * must be an iterable, not NoneType\n"
                  "Value after * must be an iterable, not NoneType\n");
}

Test(jit, co_flags_match_cpython_3_11)
{
    expect_output(
        "def f():\n"
        "    x = 1\n"
        "    def g(*a, **k):\n"
        "        return x\n"
        "    return g\n"
        "def h():\n"
        "    pass\n"
        "print(hex(f.__code__.co_flags), hex(f().__code__.co_flags), hex(h.__code__.co_flags),\n"
        "      hex((lambda: [y for y in ()]).__code__.co_flags))\n",
        "0x3 0x1f 0x3 0x3\n");
}

Test(jit, deleting_and_reading_unbound_locals_and_cells)
{
    expect_output("def f():\n"
                  "    x = 1\n"
                  "    del x\n"
                  "    try:\n"
                  "        print(x)\n"
                  "    except UnboundLocalError as e:\n"
                  "        print(type(e).__name__, e)\n"
                  "    def g():\n"
                  "        return y\n"
                  "    try:\n"
                  "        g()\n"
                  "    except NameError as e:\n"
                  "        print(type(e).__name__, e)\n"
                  "    y = 2\n"
                  "    print(g())\n"
                  "    del y\n"
                  "    try:\n"
                  "        del y\n"
                  "    except NameError as e:\n"
                  "        print(type(e).__name__, e)\n"
                  "    try:\n"
                  "        del x\n"
                  "    except NameError as e:\n"
                  "        print(type(e).__name__, e)\n"
                  "f()\n",
                  "UnboundLocalError cannot access local variable 'x' where it is not associated "
                  "with a value\n"
                  "NameError cannot access free variable 'y' where it is not associated with a "
                  "value in enclosing scope\n"
                  "2\n"
                  "UnboundLocalError cannot access local variable 'y' where it is not associated "
                  "with a value\n"
                  "UnboundLocalError cannot access local variable 'x' where it is not associated "
                  "with a value\n");
}

/* Compile time of a small module (printed, not asserted: the machine varies). */
Test(jit, compile_time_of_a_small_module)
{
    const char *source = "def fib(n):\n"
                         "    return n if n < 2 else fib(n - 1) + fib(n - 2)\n"
                         "def make(k):\n"
                         "    return lambda x: x + k\n"
                         "print(fib(20), make(1)(2), [i * 2 for i in range(3)])\n";
    for (int level = 0; level <= 3; level++) {
        run_source(source, level, NULL);
        cr_assert_str_eq(output, "6765 3 [0, 2, 4]\n");
        cr_log_info("-O%d: jit_compile_module of a 5-line module (4 functions): %.2f ms", level,
                    compile_ms);
    }
}

/* Optimised code bakes the globals it was compiled with into its global caches and checks
 * once, at its entry, that it runs with them (jit/codegen.c, guard_globals): a function of
 * the same code made with other globals falls back to baseline code and reads its own. */
Test(jit, optimised_code_run_with_other_globals_reads_them)
{
    static const char source[] = "g = 5\n"
                                 "def f(x):\n"
                                 "    return x + g\n"
                                 "t = 0\n"
                                 "for i in range(30000):\n"
                                 "    t += f(i)\n";
    rt_vm *fresh = rt_vm_new();
    vm = fresh;
    diag d = {0};
    ast_module *ast = parse_module(&A, source, strlen(source), &d);
    cr_assert_not_null(ast);
    cr_assert_not_null(scope_analyze(&A, ast, &d));
    ir_module *m = lower_module(&A, ast, "prog.py", &d);
    cr_assert_not_null(m);
    char *error = NULL;
    jit *j = jit_new(vm, 2, &error);
    cr_assert_not_null(j);
    jit_enable_tiering(j); /* f is optimised after its first 10,000 calls */
    rt_value body = jit_compile_module(j, m, NULL, &error);
    cr_assert_neq(body, 0, "%s", error ? error : "");
    cr_assert_neq(rt_call_function(vm, body, 0, NULL, 0), 0);
    rt_value f = rt_dict_get_str(vm->globals, rt_str_intern(vm, "f"));
    cr_assert_neq(f, 0);
    rt_value other = rt_dict_new();
    cr_assert_eq(rt_dict_set_str(vm, other, "g", rt_small_int(100)), 0);
    cr_assert_eq(rt_dict_set_str(vm, other, "__builtins__", vm->builtins), 0);
    rt_value twin = rt_make_function(vm, rt_as_function(f)->code, other, 0, 0, 0);
    cr_assert_neq(twin, 0);
    rt_value arg = rt_small_int(1);
    for (int i = 0; i < 3; i++) {
        cr_assert_eq(rt_call_function(vm, twin, 1, &arg, 0), rt_small_int(101));
        cr_assert_eq(rt_call_function(vm, f, 1, &arg, 0), rt_small_int(6));
    }
    jit_free(j);
}
