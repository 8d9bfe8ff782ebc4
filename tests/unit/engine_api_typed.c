/* Typed native entry points: C function pointers for Python functions, specialised when the
 * body allows and always agreeing with Python — overflow past int64, division by zero, a
 * changed free variable or global, a result of the wrong type — plus the errors a bad
 * signature or function shape gives at creation time. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cellar.h"

typedef int64_t (*fn_ll_l)(int64_t, int64_t);
typedef int64_t (*fn_l_l)(int64_t);
typedef double (*fn_d_d)(double);
typedef double (*fn_ld_d)(int64_t, double);
typedef double (*fn_dd_d)(double, double);
typedef int64_t (*fn_v_l)(void);

static cellar_vm *vm;

static void setup(void)
{
    vm = cellar_vm_new(NULL);
    cr_assert_not_null(vm);
}

static void teardown(void) { cellar_vm_free(vm); }

TestSuite(typed, .init = setup, .fini = teardown);

static void run(const char *source)
{
    cellar_status s = cellar_exec_string(vm, source, strlen(source), "<typed>");
    cr_assert_eq(s, CELLAR_OK, "%s", cellar_error_report(vm));
}

/* The entry point for global `name` with `signature`; *specialised says whether the body was
 * compiled for the types. */
static cellar_native_fn entry(const char *name, const char *signature, bool *specialised)
{
    cellar_value f;
    cr_assert_eq(cellar_get_global(vm, name, &f), CELLAR_OK);
    cellar_native_fn p = NULL;
    cr_assert_eq(cellar_typed_entry(vm, f, signature, &p), CELLAR_OK, "%s: %s",
                 cellar_error_type(vm), cellar_error_report(vm));
    const char *reason;
    bool s = cellar_typed_specialised(vm, &reason);
    if (specialised)
        *specialised = s;
    cellar_release(vm, f);
    return p;
}

Test(typed, add_is_specialised)
{
    run("def add(a, b):\n    return a + b\n");
    bool spec;
    fn_ll_l add = (fn_ll_l)entry("add", "(int64, int64) -> int64", &spec);
    cr_expect(spec);
    cr_expect_eq(add(2, 3), 5);
    cr_expect_eq(add(-7, 7), 0);
    cr_expect_eq(cellar_error_status(vm), CELLAR_OK);
}

Test(typed, overflow_goes_through_python_ints)
{
    run("def add(a, b):\n    return a + b\ndef mid(a, b):\n    return (a + b) // 2\n");
    fn_ll_l add = (fn_ll_l)entry("add", "(int64,int64)->int64", NULL);
    fn_ll_l mid = (fn_ll_l)entry("mid", "(int64, int64) -> int64", NULL);
    cr_expect_eq(mid(INT64_MAX, INT64_MAX - 2), INT64_MAX - 1, "the sum overflows, the result fits");
    cr_expect_eq(cellar_error_status(vm), CELLAR_OK);
    cr_expect_eq(add(INT64_MAX, 1), 0);
    cr_expect_eq(cellar_error_status(vm), CELLAR_RUNTIME_ERROR);
    cr_expect_str_eq(cellar_error_type(vm), "OverflowError");
    cr_expect_str_eq(cellar_error_message(vm), "add() returned an int too large for the int64 result");
}

Test(typed, floor_division_and_modulo_take_the_divisors_sign)
{
    run("def fd(a, b):\n    return a // b\ndef md(a, b):\n    return a % b\n");
    fn_ll_l fd = (fn_ll_l)entry("fd", "(int64, int64) -> int64", NULL);
    fn_ll_l md = (fn_ll_l)entry("md", "(int64, int64) -> int64", NULL);
    int64_t cases[][4] = {{7, 2, 3, 1},     {-7, 2, -4, 1},   {7, -2, -4, -1},
                          {-7, -2, 3, -1},  {6, 3, 2, 0},     {INT64_MIN, -1, 0, 0},
                          {INT64_MIN, 1, INT64_MIN, 0}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cellar_clear_error(vm);
        int64_t q = fd(cases[i][0], cases[i][1]);
        if (cases[i][0] == INT64_MIN && cases[i][1] == -1) {
            cr_expect_eq(cellar_error_status(vm), CELLAR_RUNTIME_ERROR, "2**63 does not fit");
        } else {
            cr_expect_eq(q, cases[i][2], "%lld // %lld", (long long)cases[i][0], (long long)cases[i][1]);
        }
        cr_expect_eq(md(cases[i][0], cases[i][1]), cases[i][3], "%lld %% %lld",
                     (long long)cases[i][0], (long long)cases[i][1]);
    }
    cellar_clear_error(vm);
    cr_expect_eq(fd(1, 0), 0);
    cr_expect_str_eq(cellar_error_type(vm), "ZeroDivisionError");
    cr_expect(strstr(cellar_error_report(vm), "line 2, in fd") != NULL, "%s", cellar_error_report(vm));
}

Test(typed, loops_and_floats)
{
    run("def total(n, x):\n"
        "    s = 0.0\n"
        "    i = 0\n"
        "    while i < n:\n"
        "        s = s + x * i\n"
        "        i += 1\n"
        "    return s\n"
        "def tri(n):\n"
        "    t = 0\n"
        "    for i in range(n):\n"
        "        t += i\n"
        "    return t\n"
        "def evens(n):\n"
        "    c = 0\n"
        "    for i in range(10, n, -3):\n"
        "        if i % 2 == 0 and not i == 4:\n"
        "            c += 1\n"
        "    return c\n");
    bool spec;
    fn_ld_d total = (fn_ld_d)entry("total", "(int64, double) -> double", &spec);
    cr_expect(spec);
    cr_expect_float_eq(total(4, 0.5), 3.0, 1e-12);
    fn_l_l tri = (fn_l_l)entry("tri", "(int64) -> int64", &spec);
    cr_expect(spec);
    cr_expect_eq(tri(100000), 4999950000LL);
    cr_expect_eq(tri(-5), 0);
    fn_l_l evens = (fn_l_l)entry("evens", "(int64) -> int64", &spec);
    cr_expect(spec);
    cr_expect_eq(evens(-20), 4, "10, 4, -2, -8, -14, -20: 10, -2, -8, -14 are even and not 4");
}

Test(typed, a_closure_reads_its_free_variables_each_call)
{
    run("def make_scale(k):\n"
        "    def scale(x):\n"
        "        return x * k\n"
        "    def set_k(v):\n"
        "        nonlocal k\n"
        "        k = v\n"
        "    return scale, set_k\n"
        "scale, set_k = make_scale(3)\n");
    bool spec;
    fn_l_l scale = (fn_l_l)entry("scale", "(int64) -> int64", &spec);
    cr_expect(spec);
    cr_expect_eq(scale(5), 15);
    run("set_k(10)");
    cr_expect_eq(scale(5), 50);
    run("set_k(2.5)"); /* now a float: the generic path computes 12.5, not an int64 */
    cr_expect_eq(scale(5), 0);
    cr_expect_str_eq(cellar_error_type(vm), "TypeError");
    cr_expect_str_eq(cellar_error_message(vm),
                     "make_scale.<locals>.scale() returned float, not int (the entry point returns int64)");
    cellar_clear_error(vm);
    run("set_k(-1)");
    cr_expect_eq(scale(5), -5);
    cr_expect_eq(cellar_error_status(vm), CELLAR_OK);
}

/* k is never reassigned, so the closure holds its value, not a cell: the specialised body
 * treats it as a constant of each function object. */
Test(typed, a_free_variable_held_by_value)
{
    run("def make_scale(k):\n"
        "    return lambda x: x * k\n"
        "triple = make_scale(3)\n"
        "halve = make_scale(0.5)\n"
        "big = make_scale(2 ** 70)\n");
    bool spec;
    fn_l_l triple = (fn_l_l)entry("triple", "(int64) -> int64", &spec);
    cr_expect(spec);
    cr_expect_eq(triple(5), 15);
    cr_expect_eq(triple(-7), -21);
    fn_d_d halve = (fn_d_d)entry("halve", "(double) -> double", &spec);
    cr_expect(spec);
    cr_expect_float_eq(halve(3.0), 1.5, 1e-12);
    fn_l_l big = (fn_l_l)entry("big", "(int64) -> int64", &spec);
    cr_expect_eq(big(0), 0, "0 * 2**70 on the generic path");
    cr_expect_eq(cellar_error_status(vm), CELLAR_OK);
    cr_expect_eq(big(1), 0);
    cr_expect_str_eq(cellar_error_type(vm), "OverflowError");
}

Test(typed, recursion_through_the_global_name)
{
    run("def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n");
    bool spec;
    fn_l_l fib = (fn_l_l)entry("fib", "(int64) -> int64", &spec);
    cr_expect(spec);
    cr_expect_eq(fib(25), 75025);
    /* rebinding the name: the guard sends calls the generic way, which sees the new global */
    run("old = fib\ndef fib(n):\n    return -1\n");
    cr_expect_eq(fib(10), -1 + -1, "old fib(10) calls the new fib twice");
    run("fib = old\n");
    cr_expect_eq(fib(20), 6765);
}

Test(typed, deep_recursion_raises_recursion_error)
{
    run("def down(n):\n    if n == 0:\n        return 0\n    return down(n - 1) + 1\n");
    fn_l_l down = (fn_l_l)entry("down", "(int64) -> int64", NULL);
    cr_expect_eq(down(500), 500);
    cr_expect_eq(cellar_error_status(vm), CELLAR_OK);
    cr_expect_eq(down(100000), 0);
    cr_expect_str_eq(cellar_error_type(vm), "RecursionError");
}

Test(typed, doubles)
{
    run("def hyp(a, b):\n    return (a * a + b * b) ** 0.5\n"
        "def half(x):\n    return x / 2\n"
        "def fmodish(a, b):\n    return a % b + a // b\n");
    bool spec;
    fn_dd_d hyp = (fn_dd_d)entry("hyp", "(double, double) -> double", &spec);
    cr_expect(spec);
    cr_expect_float_eq(hyp(3, 4), 5.0, 1e-12);
    fn_d_d half = (fn_d_d)entry("half", "(double) -> double", NULL);
    cr_expect_eq(half(3.0), 1.5);
    fn_dd_d fm = (fn_dd_d)entry("fmodish", "(double, double) -> double", NULL);
    cr_expect_float_eq(fm(-7.5, 2.0), 0.5 + -4.0, 1e-12);
    cr_expect_float_eq(fm(7.5, -2.0), -0.5 + -4.0, 1e-12);
    cellar_clear_error(vm);
    cr_expect_eq(fm(1.0, 0.0), 0.0);
    cr_expect_str_eq(cellar_error_type(vm), "ZeroDivisionError");
    cr_expect_str_eq(cellar_error_message(vm), "float modulo");
}

Test(typed, int_results_convert_to_double)
{
    run("def count(n):\n    return n * 2\n");
    fn_d_d count = (fn_d_d)entry("count", "(double) -> double", NULL);
    cr_expect_eq(count(1.5), 3.0);
    run("def as_int(x):\n    return 7\n");
    fn_d_d seven = (fn_d_d)entry("as_int", "(double) -> double", NULL);
    cr_expect_eq(seven(0.0), 7.0);
}

Test(typed, not_specialised_still_works)
{
    run("def greet(n):\n    return len('x' * n)\n");
    bool spec = true;
    fn_l_l greet = (fn_l_l)entry("greet", "(int64) -> int64", &spec);
    cr_expect(!spec);
    const char *reason;
    cellar_typed_specialised(vm, &reason);
    cr_expect(strlen(reason) > 0);
    cr_expect_eq(greet(4), 4);
    run("def mixed(n):\n    x = 1\n    if n:\n        x = 2.5\n    return n\n");
    fn_l_l mixed = (fn_l_l)entry("mixed", "(int64) -> int64", &spec);
    cr_expect(!spec);
    cr_expect_eq(mixed(3), 3);
}

Test(typed, exception_inside_is_reported_through_the_vm)
{
    run("def check(x):\n    if x < 0:\n        raise ValueError('negative')\n    return x * 2\n");
    fn_l_l check = (fn_l_l)entry("check", "(int64) -> int64", NULL);
    cr_expect_eq(check(21), 42);
    cr_expect_eq(cellar_error_status(vm), CELLAR_OK);
    cr_expect_eq(check(-1), 0);
    cr_expect_eq(cellar_error_status(vm), CELLAR_RUNTIME_ERROR);
    cr_expect_str_eq(cellar_error_type(vm), "ValueError");
    cr_expect(strstr(cellar_error_report(vm), "line 3, in check") != NULL);
    cr_expect_eq(check(1), 2, "a success leaves the error for the host to see");
    cr_expect_eq(cellar_error_status(vm), CELLAR_RUNTIME_ERROR);
    cellar_clear_error(vm);
    cr_expect_eq(cellar_error_status(vm), CELLAR_OK);
}

Test(typed, wrong_result_type)
{
    run("def name(x):\n    return 'n' * x\n");
    fn_l_l name = (fn_l_l)entry("name", "(int64) -> int64", NULL);
    cr_expect_eq(name(2), 0);
    cr_expect_str_eq(cellar_error_type(vm), "TypeError");
    cr_expect_str_eq(cellar_error_message(vm), "name() returned str, not int (the entry point returns int64)");
}

Test(typed, no_parameters)
{
    run("def answer():\n    return 42\n");
    fn_v_l answer = (fn_v_l)entry("answer", "() -> int64", NULL);
    cr_expect_eq(answer(), 42);
}

Test(typed, code_reassignment_is_seen)
{
    run("def f(x):\n    return x + 1\ndef g(x):\n    return x * 100\n");
    fn_l_l f = (fn_l_l)entry("f", "(int64) -> int64", NULL);
    cr_expect_eq(f(1), 2);
    run("f.__code__ = g.__code__\n");
    cr_expect_eq(f(1), 100);
}

Test(typed, mismatched_and_malformed_signatures)
{
    run("def two(a, b):\n    return a\ndef star(*a):\n    return 1\n");
    cellar_value f, s, n;
    cr_assert_eq(cellar_get_global(vm, "two", &f), CELLAR_OK);
    cellar_native_fn p = NULL;
    cr_expect_eq(cellar_typed_entry(vm, f, "(int64) -> int64", &p), CELLAR_API_ERROR);
    cr_expect_str_eq(cellar_error_type(vm), "TypeError");
    cr_expect_str_eq(cellar_error_message(vm),
                     "two() does not take exactly 1 positional arguments, as the signature says");
    const char *bad[] = {"int64(int64)", "(int64, int64)", "(int64, float) -> int64", "(int64,) -> int64",
                         "(int64) -> int64 x", "(int64_t, int64) -> int64", "",
                         "(int64, int64, int64, int64, int64, int64, int64, int64, int64) -> int64"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cr_expect_eq(cellar_typed_entry(vm, f, bad[i], &p), CELLAR_API_ERROR, "%s", bad[i]);
        cr_expect(strstr(cellar_error_message(vm), "malformed signature") != NULL, "%s",
                  cellar_error_message(vm));
    }
    cr_assert_eq(cellar_get_global(vm, "star", &s), CELLAR_OK);
    cr_expect_eq(cellar_typed_entry(vm, s, "() -> int64", &p), CELLAR_API_ERROR);
    cr_assert_eq(cellar_get_global(vm, "len", &n), CELLAR_OK);
    cr_expect_eq(cellar_typed_entry(vm, n, "(int64) -> int64", &p), CELLAR_API_ERROR);
    cr_expect_str_eq(cellar_error_message(vm),
                     "a typed entry point needs a Python function, not builtin_function_or_method");
    cr_expect_eq(cellar_typed_entry(vm, f, NULL, &p), CELLAR_API_ERROR);
}

Test(typed, same_names_in_two_execs)
{
    run("def f(x):\n    return x + 1\n");
    fn_l_l f1 = (fn_l_l)entry("f", "(int64) -> int64", NULL);
    run("def f(x):\n    return x * 3\n");
    bool spec;
    fn_l_l f2 = (fn_l_l)entry("f", "(int64) -> int64", &spec);
    cr_expect(spec, "each exec's IR is found by the code object, not the name");
    cr_expect_eq(f1(10), 11);
    cr_expect_eq(f2(10), 30);
}

Test(typed, many_calls_match_python)
{
    run("def poly(x, y):\n"
        "    r = 3 * x * x - 2 * x * y + (y << 2) - (x >> 1) + (x ^ y) - (~x & 7)\n"
        "    if r > 1000 or -r > 1000:\n"
        "        r = r % 997\n"
        "    return r\n");
    fn_ll_l poly = (fn_ll_l)entry("poly", "(int64, int64) -> int64", NULL);
    cellar_value f;
    cr_assert_eq(cellar_get_global(vm, "poly", &f), CELLAR_OK);
    for (int64_t x = -40; x <= 40; x += 3)
        for (int64_t y = -40; y <= 40; y += 7) {
            cellar_value args[2], r;
            cr_assert_eq(cellar_new_int(vm, x, &args[0]), CELLAR_OK);
            cr_assert_eq(cellar_new_int(vm, y, &args[1]), CELLAR_OK);
            cr_assert_eq(cellar_call(vm, f, 2, args, NULL, &r), CELLAR_OK);
            int64_t want;
            cr_assert_eq(cellar_to_int(vm, r, &want), CELLAR_OK);
            cr_assert_eq(poly(x, y), want, "poly(%lld, %lld)", (long long)x, (long long)y);
            cellar_release(vm, args[0]);
            cellar_release(vm, args[1]);
            cellar_release(vm, r);
        }
}
