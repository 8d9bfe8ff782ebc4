/* Host functions: C functions registered as builtins or made as values, called from Python with
 * positional and keyword arguments; raising Python exceptions; exceptions crossing the boundary
 * in both directions (a script exception inside a callback, a host exception inside a script);
 * host functions as decorators wrapping script closures; and the import policy. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "cellar.h"

typedef struct output {
    char text[16384];
    size_t len;
} output;

static void capture(void *user_data, const char *text, size_t len)
{
    output *o = user_data;
    if (o->len + len < sizeof o->text) {
        memcpy(o->text + o->len, text, len);
        o->len += len;
        o->text[o->len] = '\0';
    }
}

static output out;
static cellar_vm *vm;

static cellar_vm *new_vm(cellar_config *c)
{
    c->write = capture;
    c->write_error = capture;
    c->user_data = &out;
    cellar_vm *v = cellar_vm_new(c);
    cr_assert_not_null(v);
    return v;
}

static void setup(void)
{
    memset(&out, 0, sizeof out);
    cellar_config c;
    cellar_config_init(&c);
    vm = new_vm(&c);
}

static void teardown(void) { cellar_vm_free(vm); }

TestSuite(host, .init = setup, .fini = teardown);

static cellar_status run(const char *source)
{
    return cellar_exec_string(vm, source, strlen(source), "<host>");
}

static void run_ok(const char *source)
{
    cr_assert_eq(run(source), CELLAR_OK, "%s", cellar_error_report(vm));
}

/* ---- host functions ---- */

/* add(a, b, scale=1): sums ints, the C closure's data is a call counter. */
static cellar_status host_add(cellar_vm *v, const cellar_host_call *call, cellar_value *result)
{
    int *calls = call->data;
    ++*calls;
    if (call->nargs != 2)
        return cellar_raise(v, "TypeError", "add() takes exactly 2 arguments");
    int64_t a, b, scale = 1;
    cellar_status s;
    if ((s = cellar_to_int(v, call->args[0], &a)) != CELLAR_OK ||
        (s = cellar_to_int(v, call->args[1], &b)) != CELLAR_OK)
        return s;
    if (call->kwargs) {
        cellar_value key, value;
        if (cellar_new_str(v, "scale", 5, &key) != CELLAR_OK)
            return CELLAR_RUNTIME_ERROR;
        s = cellar_get_item(v, *call->kwargs, key, &value);
        cellar_release(v, key);
        if (s != CELLAR_OK)
            return s;
        s = cellar_to_int(v, value, &scale);
        cellar_release(v, value);
        if (s != CELLAR_OK)
            return s;
    }
    return cellar_new_int(v, (a + b) * scale, result);
}

Test(host, a_registered_function_is_a_builtin)
{
    int calls = 0;
    cr_assert_eq(cellar_register_function(vm, "add", host_add, &calls), CELLAR_OK);
    run_ok("print(add(2, 3), add(1, 1, scale=10))\n"
           "def f():\n    return add(40, 2)\nprint(f(), add.__name__, add)\n");
    cr_expect_str_eq(out.text, "5 20\n42 add <built-in function add>\n");
    cr_expect_eq(calls, 3);
}

Test(host, argument_errors_become_python_exceptions)
{
    int calls = 0;
    cr_assert_eq(cellar_register_function(vm, "add", host_add, &calls), CELLAR_OK);
    run_ok("try:\n    add('x', 1)\nexcept TypeError as e:\n    print('caught:', e)\n"
           "try:\n    add(1)\nexcept TypeError as e:\n    print('caught:', e)\n");
    cr_expect_str_eq(out.text, "caught: 'str' object cannot be interpreted as an integer\n"
                               "caught: add() takes exactly 2 arguments\n");
}

static cellar_status host_fail(cellar_vm *v, const cellar_host_call *call, cellar_value *result)
{
    (void)call, (void)result;
    return cellar_raise(v, "KeyError", "no such thing");
}

Test(host, a_host_function_raising)
{
    cr_assert_eq(cellar_register_function(vm, "lookup", host_fail, NULL), CELLAR_OK);
    run_ok("try:\n    lookup()\nexcept LookupError as e:\n    print(type(e).__name__, e)\n");
    cr_expect_str_eq(out.text, "KeyError 'no such thing'\n");
    cr_assert_eq(run("def outer():\n    return lookup()\nouter()\n"), CELLAR_RUNTIME_ERROR);
    cr_expect_str_eq(cellar_error_type(vm), "KeyError");
    const char *report = cellar_error_report(vm);
    cr_expect(strstr(report, "line 2, in outer\n") != NULL, "%s", report);
    cr_expect(strstr(report, "KeyError: 'no such thing'\n") != NULL, "%s", report);
    run_ok("print('usable')");
}

static cellar_status host_silent(cellar_vm *v, const cellar_host_call *call, cellar_value *result)
{
    (void)v, (void)call, (void)result;
    return CELLAR_RUNTIME_ERROR; /* a failure without raising: a bug in the host */
}

static cellar_status host_none(cellar_vm *v, const cellar_host_call *call, cellar_value *result)
{
    (void)v, (void)call, (void)result;
    return CELLAR_OK;
}

static cellar_status host_unknown_type(cellar_vm *v, const cellar_host_call *call, cellar_value *result)
{
    (void)call, (void)result;
    return cellar_raise(v, "NoSuchError", "x");
}

Test(host, host_bugs_are_system_errors)
{
    cr_assert_eq(cellar_register_function(vm, "silent", host_silent, NULL), CELLAR_OK);
    cr_assert_eq(cellar_register_function(vm, "nothing", host_none, NULL), CELLAR_OK);
    cr_assert_eq(cellar_register_function(vm, "odd", host_unknown_type, NULL), CELLAR_OK);
    cr_assert_eq(run("silent()"), CELLAR_RUNTIME_ERROR);
    cr_expect_str_eq(cellar_error_type(vm), "SystemError");
    cr_expect_str_eq(cellar_error_message(vm),
                     "silent() returned a failure status without raising an exception");
    run_ok("print(nothing())");
    cr_expect_str_eq(out.text, "None\n");
    cr_assert_eq(run("odd()"), CELLAR_RUNTIME_ERROR);
    cr_expect_str_eq(cellar_error_type(vm), "SystemError");
    cr_expect_str_eq(cellar_error_message(vm), "cellar_raise: unknown exception type 'NoSuchError'");
}

/* apply(f, x): calls back into Python; an exception there propagates out of the host
 * function into the script, which can catch it. */
static cellar_status host_apply(cellar_vm *v, const cellar_host_call *call, cellar_value *result)
{
    if (call->nargs != 2)
        return cellar_raise(v, "TypeError", "apply(f, x)");
    return cellar_call(v, call->args[0], 1, &call->args[1], NULL, result);
}

Test(host, exception_inside_a_callback)
{
    cr_assert_eq(cellar_register_function(vm, "apply", host_apply, NULL), CELLAR_OK);
    run_ok("def inv(x):\n    return 1 / x\n"
           "print(apply(inv, 4))\n"
           "try:\n    apply(inv, 0)\nexcept ZeroDivisionError as e:\n    print('caught', e)\n"
           "print(apply(lambda y: apply(inv, y) * 2, 8))\n");
    cr_expect_str_eq(out.text, "0.25\ncaught division by zero\n0.25\n");
    cr_assert_eq(run("def top():\n    return apply(inv, 0)\ntop()\n"), CELLAR_RUNTIME_ERROR);
    const char *report = cellar_error_report(vm);
    cr_expect(strstr(report, "in top\n") != NULL, "%s", report);
    cr_expect(strstr(report, "in inv\n") != NULL, "the traceback runs through the callback: %s",
              report);
    cr_expect(strstr(report, "ZeroDivisionError: division by zero\n") != NULL, "%s", report);
}

/* catch_all(f): calls f and swallows any exception, returning its type name. */
static cellar_status host_catch(cellar_vm *v, const cellar_host_call *call, cellar_value *result)
{
    cellar_value r;
    if (cellar_call(v, call->args[0], 0, NULL, NULL, &r) == CELLAR_OK)
        return cellar_new_str(v, "ok", 2, result);
    char copy[64];
    snprintf(copy, sizeof copy, "%s", cellar_error_type(v));
    return cellar_new_str(v, copy, strlen(copy), result);
}

Test(host, a_host_function_can_handle_a_script_exception)
{
    cr_assert_eq(cellar_register_function(vm, "catch_all", host_catch, NULL), CELLAR_OK);
    run_ok("def bad():\n    raise ValueError('x')\n"
           "try:\n    raise KeyError('outer')\nexcept KeyError:\n    print(catch_all(bad), catch_all(lambda: 1))\n"
           "print('after')\n");
    cr_expect_str_eq(out.text, "ValueError ok\nafter\n");
}

/* ---- decorators ---- */

typedef struct counter {
    int calls;
} counter;

/* The wrapper a decorator returns: counts, then calls the function it holds (call->bound). */
static cellar_status counted_call(cellar_vm *v, const cellar_host_call *call, cellar_value *result)
{
    counter *c = call->data;
    c->calls++;
    return cellar_call(v, *call->bound, call->nargs, call->args, call->kwargs, result);
}

/* @count_calls: wraps its argument in a host function bound to it. */
static cellar_status count_calls(cellar_vm *v, const cellar_host_call *call, cellar_value *result)
{
    if (call->nargs != 1 || !cellar_is_callable(v, call->args[0]))
        return cellar_raise(v, "TypeError", "count_calls expects one callable");
    return cellar_new_function(v, "counted", counted_call, call->data, &call->args[0], result);
}

Test(host, a_host_function_as_a_decorator_around_a_closure)
{
    counter c = {0};
    cr_assert_eq(cellar_register_function(vm, "count_calls", count_calls, &c), CELLAR_OK);
    run_ok("def make_adder(n):\n"
           "    @count_calls\n"
           "    def add(x, *, times=1):\n"
           "        return (x + n) * times\n"
           "    return add\n"
           "add5 = make_adder(5)\n"
           "print(add5(1), add5(2, times=3), [add5(i) for i in range(3)])\n");
    cr_expect_str_eq(out.text, "6 21 [5, 6, 7]\n");
    cr_expect_eq(c.calls, 5);
    run_ok("print(add5.__name__, add5)\n");
    cr_expect(strstr(out.text, "counted <built-in function counted>\n") != NULL, "%s", out.text);
}

Test(host, the_bound_value_survives_collections)
{
    counter c = {0};
    cr_assert_eq(cellar_register_function(vm, "count_calls", count_calls, &c), CELLAR_OK);
    run_ok("def make():\n    k = [1, 2, 3]\n    return count_calls(lambda: sum(k))\nf = make()\ndel make\n");
    for (int i = 0; i < 5; i++) {
        cellar_collect(vm);
        run_ok("junk = [[j] * 20 for j in range(3000)]\n");
    }
    run_ok("print(f())");
    cr_expect_str_eq(out.text, "6\n");
}

static cellar_status timed_call(cellar_vm *v, const cellar_host_call *call, cellar_value *result)
{
    double *total = call->data;
    *total += 1.0;
    return cellar_call(v, *call->bound, call->nargs, call->args, call->kwargs, result);
}

static cellar_status timed(cellar_vm *v, const cellar_host_call *call, cellar_value *result)
{
    return cellar_new_function(v, "timed", timed_call, call->data, &call->args[0], result);
}

Test(host, stacked_host_and_script_decorators)
{
    double total = 0;
    cr_assert_eq(cellar_register_function(vm, "timed", timed, &total), CELLAR_OK);
    run_ok("import functools\n"
           "def twice(f):\n"
           "    @functools.wraps(f)\n"
           "    def w(*a, **k):\n"
           "        return f(*a, **k) + f(*a, **k)\n"
           "    return w\n"
           "@twice\n@timed\ndef sq(x):\n    return x * x\n"
           "print(sq(3), sq.__name__)\n");
    cr_expect_str_eq(out.text, "18 timed\n");
    cr_expect_eq(total, 2.0);
}

Test(host, a_function_value_and_set_global)
{
    int calls = 0;
    cellar_value f;
    cr_assert_eq(cellar_new_function(vm, "plus", host_add, &calls, NULL, &f), CELLAR_OK);
    cr_expect_eq(cellar_type_of(vm, f), CELLAR_TYPE_BUILTIN);
    cr_assert_eq(cellar_set_global(vm, "plus", f), CELLAR_OK);
    cellar_value args[2], r;
    cr_assert_eq(cellar_new_int(vm, 20, &args[0]), CELLAR_OK);
    cr_assert_eq(cellar_new_int(vm, 22, &args[1]), CELLAR_OK);
    cr_assert_eq(cellar_call(vm, f, 2, args, NULL, &r), CELLAR_OK);
    int64_t i;
    cr_assert_eq(cellar_to_int(vm, r, &i), CELLAR_OK);
    cr_expect_eq(i, 42);
    run_ok("print(plus(1, 2))");
    cr_expect_str_eq(out.text, "3\n");
    cr_expect_eq(cellar_new_function(vm, NULL, host_add, NULL, NULL, &f), CELLAR_API_ERROR);
    cr_expect_eq(cellar_new_function(vm, "x", NULL, NULL, NULL, &f), CELLAR_API_ERROR);
}

/* identity(x): returns its argument handle itself. */
static cellar_status identity(cellar_vm *v, const cellar_host_call *call, cellar_value *result)
{
    (void)v;
    *result = call->args[0];
    return CELLAR_OK;
}

Test(host, returning_an_argument_and_no_leaked_handles)
{
    cr_assert_eq(cellar_register_function(vm, "identity", identity, NULL), CELLAR_OK);
    size_t base = cellar_handle_count(vm);
    run_ok("x = [identity(i) for i in range(1000)]\nprint(sum(x), identity('s'))\n");
    cr_expect_str_eq(out.text, "499500 s\n");
    cr_expect_eq(cellar_handle_count(vm), base);
}

Test(host, remove_a_builtin)
{
    cr_assert_eq(cellar_remove_builtin(vm, "open"), CELLAR_OK);
    cr_assert_eq(run("open('/tmp/x', 'w')"), CELLAR_RUNTIME_ERROR);
    cr_expect_str_eq(cellar_error_message(vm), "name 'open' is not defined");
    cr_expect_eq(cellar_remove_builtin(vm, "open"), CELLAR_RUNTIME_ERROR);
}

/* ---- the import policy ---- */

static bool no_logging(void *user_data, const char *module)
{
    (void)user_data;
    return strcmp(module, "logging") != 0;
}

Test(host, refused_modules_cannot_be_imported)
{
    cellar_config c;
    cellar_config_init(&c);
    c.import = no_logging;
    cellar_vm *v = new_vm(&c);
    const char *ok = "import math, sys, functools\nprint(math.sqrt(16.0))\n";
    cr_assert_eq(cellar_exec_string(v, ok, strlen(ok), NULL), CELLAR_OK, "%s", cellar_error_report(v));
    const char *bad = "import logging\nlogging.basicConfig(filename='/tmp/cellar-x.log')\n";
    cr_assert_eq(cellar_exec_string(v, bad, strlen(bad), NULL), CELLAR_RUNTIME_ERROR);
    cr_expect_str_eq(cellar_error_type(v), "ModuleNotFoundError");
    cr_expect_str_eq(cellar_error_message(v), "No module named 'logging'");
    const char *from = "from logging import getLogger\n";
    cr_assert_eq(cellar_exec_string(v, from, strlen(from), NULL), CELLAR_RUNTIME_ERROR);
    cellar_vm_free(v);
}
