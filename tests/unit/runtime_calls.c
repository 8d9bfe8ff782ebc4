/* Calls: CPython 3.11's argument binding and its TypeErrors (each expectation is what
 * /usr/bin/python3.11 prints for the Python shown beside it), the no-copy fast path, frames
 * and recursion limits, function/cell/code attributes, builtins and functools. */
#include <criterion/criterion.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "builtins.h"
#include "call.h"
#include "dict.h"
#include "exception.h"
#include "float.h"
#include "function.h"
#include "int.h"
#include "list.h"
#include "module.h"
#include "ops.h"
#include "str.h"
#include "tuple.h"
#include "vm.h"

static rt_vm *vm;

static void setup(void) { vm = rt_vm_new(); }

TestSuite(calls, .init = setup);

/* An entry that returns its bound parameter slots as a tuple. */
static rt_value slots_entry(rt_vm *v, rt_frame *frame, const rt_value *args)
{
    return rt_tuple_from_array(v, (size_t)frame->function->code->nparams, args);
}

static const rt_value *last_args;

static rt_value identity_entry(rt_vm *v, rt_frame *frame, const rt_value *args)
{
    (void)v, (void)frame;
    last_args = args;
    return RT_NONE;
}

static rt_value S(const char *s) { return rt_str_intern(vm, s); }

/* def NAME(params): posonly and kwonly counts plus the varargs/varkeywords flags. */
static rt_value make_fn(const char *qualname, const char *const *params, int argcount, int posonly,
                        int kwonly, int flags, rt_value defaults, rt_value kwdefaults)
{
    const char *dot = strrchr(qualname, '.');
    rt_code *co = rt_as_code(rt_code_new(vm, dot ? dot + 1 : qualname, qualname, "prog.py"));
    int n = 0;
    while (params[n] != NULL)
        n++;
    co->varnames = rt_tuple_new(n);
    for (int i = 0; i < n; i++)
        rt_as_tuple(co->varnames)->items[i] = S(params[i]);
    co->argcount = argcount;
    co->posonlyargcount = posonly;
    co->kwonlyargcount = kwonly;
    co->flags |= flags;
    co->nparams = argcount + kwonly + !!(flags & RT_CO_VARARGS) + !!(flags & RT_CO_VARKEYWORDS);
    co->entry = slots_entry;
    return rt_make_function(vm, co, vm->globals, 0, defaults, kwdefaults);
}

static rt_value I(int64_t i) { return rt_small_int(i); }

static rt_value kw(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    rt_value t = rt_tuple_new(n);
    for (int i = 0; i < n; i++)
        rt_as_tuple(t)->items[i] = S(va_arg(ap, const char *));
    va_end(ap);
    return t;
}

/* Calls and expects a TypeError with exactly `message`. */
static void expect_error(rt_value fn, size_t nargs, const rt_value *args, rt_value kwnames,
                         const rt_type *type, const char *message)
{
    vm->pending = 0;
    rt_value r = rt_call(vm, fn, nargs, args, kwnames);
    cr_assert_eq(r, RT_ERROR);
    cr_assert_neq(vm->pending, 0);
    cr_assert_eq(rt_as_object(vm->pending)->type, type, "wrong exception type %s",
                 rt_as_object(vm->pending)->type->name);
    rt_value s = rt_str(vm, vm->pending);
    cr_assert_str_eq(rt_str_data(s), message);
    vm->pending = 0;
}

static rt_value call_ok(rt_value fn, size_t nargs, const rt_value *args, rt_value kwnames)
{
    rt_value r = rt_call(vm, fn, nargs, args, kwnames);
    cr_assert_neq(r, RT_ERROR, "unexpected error: %s",
                  vm->pending ? rt_str_data(rt_str(vm, vm->pending)) : "?");
    return r;
}

static const char *repr_of(rt_value v) { return rt_str_data(rt_repr(vm, v)); }

static const char *const XY[] = {"x", "y", NULL};
static const char *const X[] = {"x", NULL};

Test(calls, too_many_positional)
{
    rt_value a[4] = {I(1), I(2), I(3), I(4)};
    /* def f(x): ... f(1, 2) */
    expect_error(make_fn("f", X, 1, 0, 0, 0, 0, 0), 2, a, 0, &rt_type_error_type,
                 "f() takes 1 positional argument but 2 were given");
    /* def f(): ... f(1) */
    static const char *const none[] = {NULL};
    expect_error(make_fn("f", none, 0, 0, 0, 0, 0, 0), 1, a, 0, &rt_type_error_type,
                 "f() takes 0 positional arguments but 1 was given");
    /* def f(x, y=1): ... f(1, 2, 3) */
    expect_error(make_fn("f", XY, 2, 0, 0, 0, rt_tuple_pack(1, I(1)), 0), 3, a, 0,
                 &rt_type_error_type,
                 "f() takes from 1 to 2 positional arguments but 3 were given");
    /* def outer(): def inner(): ... outer()(1) */
    expect_error(make_fn("outer.<locals>.inner", none, 0, 0, 0, 0, 0, 0), 1, a, 0,
                 &rt_type_error_type,
                 "outer.<locals>.inner() takes 0 positional arguments but 1 was given");
}

Test(calls, too_many_with_kwonly)
{
    /* def f(*, k): ... f(1, k=2) */
    static const char *const K[] = {"k", NULL};
    rt_value a[2] = {I(1), I(2)};
    expect_error(make_fn("f", K, 0, 0, 1, 0, 0, 0), 1, a, kw(1, "k"), &rt_type_error_type,
                 "f() takes 0 positional arguments but 1 positional argument (and 1 "
                 "keyword-only argument) were given");
    /* def f(x, y=1, *, k): ... f(1, 2, 3, k=1) */
    static const char *const XYK[] = {"x", "y", "k", NULL};
    rt_value b[4] = {I(1), I(2), I(3), I(1)};
    expect_error(make_fn("f", XYK, 2, 0, 1, 0, rt_tuple_pack(1, I(1)), 0), 3, b, kw(1, "k"),
                 &rt_type_error_type,
                 "f() takes from 1 to 2 positional arguments but 3 positional arguments (and 1 "
                 "keyword-only argument) were given");
}

Test(calls, missing_arguments)
{
    static const char *const XYZ[] = {"x", "y", "z", NULL};
    /* def f(x, y, z): ... f() */
    expect_error(make_fn("f", XYZ, 3, 0, 0, 0, 0, 0), 0, NULL, 0, &rt_type_error_type,
                 "f() missing 3 required positional arguments: 'x', 'y', and 'z'");
    /* def f(x, y): ... f() */
    expect_error(make_fn("f", XY, 2, 0, 0, 0, 0, 0), 0, NULL, 0, &rt_type_error_type,
                 "f() missing 2 required positional arguments: 'x' and 'y'");
    /* def f(x, y=2): ... f(y=1) */
    rt_value a[1] = {I(1)};
    expect_error(make_fn("f", XY, 2, 0, 0, 0, rt_tuple_pack(1, I(2)), 0), 0, a, kw(1, "y"),
                 &rt_type_error_type, "f() missing 1 required positional argument: 'x'");
    /* def f(x, *, k, j, l): ... f(1) */
    static const char *const XKJL[] = {"x", "k", "j", "l", NULL};
    expect_error(make_fn("f", XKJL, 1, 0, 3, 0, 0, 0), 1, a, 0, &rt_type_error_type,
                 "f() missing 3 required keyword-only arguments: 'k', 'j', and 'l'");
    /* def f(*, k): ... f() */
    static const char *const K[] = {"k", NULL};
    expect_error(make_fn("f", K, 0, 0, 1, 0, 0, 0), 0, NULL, 0, &rt_type_error_type,
                 "f() missing 1 required keyword-only argument: 'k'");
}

Test(calls, keyword_errors)
{
    rt_value a[3] = {I(1), I(2), I(3)};
    rt_value f = make_fn("f", X, 1, 0, 0, 0, 0, 0);
    /* f(1, z=1) */
    expect_error(f, 1, a, kw(1, "z"), &rt_type_error_type,
                 "f() got an unexpected keyword argument 'z'");
    /* f(1, x=1) */
    expect_error(f, 1, a, kw(1, "x"), &rt_type_error_type,
                 "f() got multiple values for argument 'x'");
    /* f(1, 2, 3, z=4): the keyword is reported before the count */
    rt_value b[4] = {I(1), I(2), I(3), I(4)};
    expect_error(f, 3, b, kw(1, "z"), &rt_type_error_type,
                 "f() got an unexpected keyword argument 'z'");
    /* def f(a, b, /, c): ... f(a=1, b=2, c=3) */
    static const char *const ABC[] = {"a", "b", "c", NULL};
    rt_value g = make_fn("f", ABC, 3, 2, 0, 0, 0, 0);
    expect_error(g, 0, a, kw(3, "a", "b", "c"), &rt_type_error_type,
                 "f() got some positional-only arguments passed as keyword arguments: 'a, b'");
}

Test(calls, posonly_into_kwargs)
{
    /* def f(a, b, /, c, **k): return (a, b, c, k) ... f(1, 2, a=1, b=2, c=3) */
    static const char *const ABCK[] = {"a", "b", "c", "k", NULL};
    rt_value f = make_fn("f", ABCK, 3, 2, 0, RT_CO_VARKEYWORDS, 0, 0);
    rt_value a[5] = {I(1), I(2), I(10), I(20), I(3)};
    rt_value r = call_ok(f, 2, a, kw(3, "a", "b", "c"));
    cr_assert_str_eq(repr_of(r), "(1, 2, 3, {'a': 10, 'b': 20})");
}

Test(calls, full_binding)
{
    /* def f(a, b=1, *args, c, d=2, **kw) */
    static const char *const P[] = {"a", "b", "c", "d", "args", "kw", NULL};
    rt_value kwd = rt_dict_new();
    rt_dict_set_str(vm, kwd, "d", I(2));
    rt_value f =
        make_fn("f", P, 2, 0, 2, RT_CO_VARARGS | RT_CO_VARKEYWORDS, rt_tuple_pack(1, I(1)), kwd);
    rt_value a[6] = {I(5), I(6), I(7), I(8), I(9), I(10)};
    /* f(5, 6, 7, 8, c=9, e=10) */
    rt_value r = call_ok(f, 4, a, kw(2, "c", "e"));
    cr_assert_str_eq(repr_of(r), "(5, 6, 9, 2, (7, 8), {'e': 10})");
    /* f(5, c=6) */
    r = call_ok(f, 1, a, kw(1, "c"));
    cr_assert_str_eq(repr_of(r), "(5, 1, 6, 2, (), {})");
}

Test(calls, fast_path_passes_args_through)
{
    rt_code *co = rt_as_code(rt_code_new(vm, "f", "f", "prog.py"));
    co->varnames = rt_tuple_pack(2, S("x"), S("y"));
    co->argcount = 2;
    co->nparams = 2;
    co->entry = identity_entry;
    rt_value f = rt_make_function(vm, co, vm->globals, 0, 0, 0);
    rt_value a[2] = {I(1), I(2)};
    call_ok(f, 2, a, 0);
    cr_assert_eq(last_args, a);
}

static rt_value recursive_entry(rt_vm *v, rt_frame *frame, const rt_value *args)
{
    (void)args;
    return rt_call(v, rt_from_object(frame->function), 0, NULL, 0);
}

Test(calls, recursion_limit)
{
    rt_code *co = rt_as_code(rt_code_new(vm, "f", "f", "prog.py"));
    co->entry = recursive_entry;
    co->firstlineno = 1;
    rt_value f = rt_make_function(vm, co, vm->globals, 0, 0, 0);
    cr_assert_eq(rt_call(vm, f, 0, NULL, 0), RT_ERROR);
    cr_assert(rt_pending_is(vm, &rt_recursion_error_type));
    cr_assert_str_eq(rt_str_data(rt_str(vm, vm->pending)), "maximum recursion depth exceeded");
    cr_assert_eq(vm->depth, 0);
    cr_assert_null(vm->frame);
    rt_value text = rt_format_exception(vm, vm->pending);
    cr_assert(strstr(rt_str_data(text), "[Previous line repeated 997 more times]") != NULL, "%s",
              rt_str_data(text));
}

Test(calls, c_stack_guard)
{
    /* sys.setrecursionlimit(10**8) and unbounded recursion: RecursionError, not a crash */
    rt_code *co = rt_as_code(rt_code_new(vm, "f", "f", "prog.py"));
    co->entry = recursive_entry;
    rt_value f = rt_make_function(vm, co, vm->globals, 0, 0, 0);
    vm->recursion_limit = 100000000;
    cr_assert_eq(rt_call(vm, f, 0, NULL, 0), RT_ERROR);
    cr_assert(rt_pending_is(vm, &rt_recursion_error_type));
    cr_assert_eq(vm->depth, 0);
}

static rt_value countdown_entry(rt_vm *v, rt_frame *frame, const rt_value *args)
{
    int64_t n = rt_small_int_value(args[0]);
    if (n == 0)
        return rt_small_int(0);
    rt_value next = rt_small_int(n - 1);
    return rt_call(v, rt_from_object(frame->function), 1, &next, 0);
}

static void *deep_call(void *arg)
{
    rt_vm *v = rt_vm_new();
    rt_code *co = rt_as_code(rt_code_new(v, "d", "d", "prog.py"));
    co->varnames = rt_tuple_pack(1, rt_str_intern(v, "n"));
    co->argcount = 1;
    co->nparams = 1;
    co->entry = countdown_entry;
    rt_value f = rt_make_function(v, co, v->globals, 0, 0, 0);
    v->recursion_limit = 1000000;
    rt_value n = rt_small_int(*(int64_t *)arg);
    return rt_call(v, f, 1, &n, 0) == RT_ERROR ? NULL : arg;
}

Test(calls, deep_recursion_on_a_large_stack)
{
    /* sys.setrecursionlimit(10**6); d(300000) works in CPython 3.11 */
    int64_t depth = 300000;
    void *result = NULL;
    cr_assert_eq(rt_run_with_stack((size_t)512 << 20, deep_call, &depth, &result), 0);
    cr_assert_eq(result, &depth);
}

Test(calls, not_callable)
{
    expect_error(I(5), 0, NULL, 0, &rt_type_error_type, "'int' object is not callable");
    expect_error(RT_NONE, 0, NULL, 0, &rt_type_error_type, "'NoneType' object is not callable");
}

Test(calls, call_ex_and_kwargs_errors)
{
    static const char *const P[] = {"a", "b", NULL};
    rt_value f = make_fn("f", P, 2, 0, 0, 0, 0, 0);
    rt_value d = rt_dict_new();
    rt_dict_set_str(vm, d, "b", I(2));
    rt_value r = rt_call_ex(vm, f, rt_tuple_pack(1, I(1)), d);
    cr_assert_str_eq(repr_of(r), "(1, 2)");
    /* f(*1) */
    cr_assert_eq(rt_call_ex(vm, f, I(1), 0), RT_ERROR);
    cr_assert_str_eq(rt_str_data(rt_str(vm, vm->pending)),
                     "__main__.f() argument after * must be an iterable, not int");
    vm->pending = 0;
    /* f(0, *1): the compiled call extends its argument list first */
    cr_assert_eq(rt_extend_call_args(vm, rt_list_new(0), I(1), f), -1);
    cr_assert_str_eq(rt_str_data(rt_str(vm, vm->pending)),
                     "__main__.f() argument after * must be an iterable, not int");
    vm->pending = 0;
    /* f(**1) */
    cr_assert_eq(rt_call_ex(vm, f, rt_tuple_new(0), I(1)), RT_ERROR);
    cr_assert_str_eq(rt_str_data(rt_str(vm, vm->pending)),
                     "__main__.f() argument after ** must be a mapping, not int");
    vm->pending = 0;
}

Test(calls, function_attributes)
{
    rt_value f = make_fn("outer.<locals>.inner", X, 1, 0, 0, 0, 0, 0);
    cr_assert(strncmp(repr_of(f), "<function outer.<locals>.inner at 0x", 36) == 0);
    cr_assert_str_eq(rt_str_data(rt_getattr(vm, f, S("__name__"))), "inner");
    cr_assert_str_eq(rt_str_data(rt_getattr(vm, f, S("__module__"))), "__main__");
    cr_assert_eq(rt_getattr(vm, f, S("__closure__")), RT_NONE);
    cr_assert_eq(rt_getattr(vm, f, S("__defaults__")), RT_NONE);
    /* f.__name__ = 1 */
    cr_assert_eq(rt_setattr(vm, f, S("__name__"), I(1)), -1);
    cr_assert_str_eq(rt_str_data(rt_str(vm, vm->pending)),
                     "__name__ must be set to a string object");
    vm->pending = 0;
    /* f.calls = 0; f.calls */
    cr_assert_eq(rt_setattr(vm, f, S("calls"), I(0)), 0);
    cr_assert_eq(rt_getattr(vm, f, S("calls")), I(0));
    cr_assert_str_eq(repr_of(rt_getattr(vm, f, S("__dict__"))), "{'calls': 0}");
    cr_assert_eq(rt_setattr(vm, f, S("calls"), 0), 0);
    cr_assert_eq(rt_setattr(vm, f, S("calls"), 0), -1);
    cr_assert_str_eq(rt_str_data(rt_str(vm, vm->pending)),
                     "'function' object has no attribute 'calls'");
    vm->pending = 0;
    /* f.__closure__ = 1 */
    cr_assert_eq(rt_setattr(vm, f, S("__closure__"), I(1)), -1);
    cr_assert_str_eq(rt_str_data(rt_str(vm, vm->pending)), "readonly attribute");
    vm->pending = 0;
}

Test(calls, function_extra_only_when_needed)
{
    /* A plain function reads its names, docstring and module through its code: no extra. */
    rt_code *co = rt_as_code(rt_code_new(vm, "g", "f.<locals>.g", "prog.py"));
    rt_function *a = rt_as_function(rt_make_closure(vm, co, vm->globals, 0, NULL, 0, 0, S("m")));
    rt_function *b = rt_as_function(rt_make_closure(vm, co, vm->globals, 0, NULL, 0, 0, S("m")));
    cr_assert_null(a->extra);
    cr_assert_null(b->extra);
    cr_assert_eq(co->module, S("m"));
    cr_assert_eq(rt_getattr(vm, rt_from_object(b), S("__module__")), S("m"));
    cr_assert_eq(rt_getattr(vm, rt_from_object(b), S("__doc__")), RT_NONE);
    cr_assert_eq(rt_getattr(vm, rt_from_object(b), S("__kwdefaults__")), RT_NONE);
    /* __name__ = 'other' between two defs of one code (0: absent, None) */
    rt_function *c = rt_as_function(rt_make_closure(vm, co, vm->globals, 0, NULL, 0, 0, S("o")));
    rt_function *d = rt_as_function(rt_make_closure(vm, co, vm->globals, 0, NULL, 0, 0, 0));
    cr_assert_not_null(c->extra);
    cr_assert_eq(rt_getattr(vm, rt_from_object(c), S("__module__")), S("o"));
    cr_assert_eq(rt_getattr(vm, rt_from_object(d), S("__module__")), RT_NONE);
    cr_assert_eq(rt_getattr(vm, rt_from_object(a), S("__module__")), S("m"));
    /* b.__qualname__ = 'q' leaves a alone */
    cr_assert_eq(rt_setattr(vm, rt_from_object(b), S("__qualname__"), S("q")), 0);
    cr_assert_not_null(b->extra);
    cr_assert_str_eq(rt_str_data(rt_getattr(vm, rt_from_object(b), S("__qualname__"))), "q");
    cr_assert_str_eq(rt_str_data(rt_getattr(vm, rt_from_object(a), S("__qualname__"))),
                     "f.<locals>.g");
    cr_assert_null(a->extra);
}

Test(calls, cells_and_code)
{
    rt_value cell = rt_cell_new(0);
    cr_assert(strstr(repr_of(cell), ": empty>") != NULL);
    cr_assert_eq(rt_getattr(vm, cell, S("cell_contents")), RT_ERROR);
    cr_assert_str_eq(rt_str_data(rt_str(vm, vm->pending)), "Cell is empty");
    vm->pending = 0;
    rt_setattr(vm, cell, S("cell_contents"), I(3));
    cr_assert_eq(rt_getattr(vm, cell, S("cell_contents")), I(3));
    cr_assert(strstr(repr_of(cell), ": int object at 0x") != NULL);
    rt_value code = rt_code_new(vm, "inner", "outer.<locals>.inner", "prog.py");
    rt_as_code(code)->firstlineno = 3;
    cr_assert(strstr(repr_of(code), "<code object inner at 0x") == repr_of(code) ||
              strncmp(repr_of(code), "<code object inner at 0x", 24) == 0);
    cr_assert(strstr(repr_of(code), ", file \"prog.py\", line 3>") != NULL);
    cr_assert_str_eq(rt_str_data(rt_getattr(vm, code, S("co_qualname"))), "outer.<locals>.inner");
}

static rt_value builtin(const char *name) { return rt_dict_get_str(vm->builtins, S(name)); }

Test(calls, builtins_basics)
{
    cr_assert_str_eq(repr_of(builtin("print")), "<built-in function print>");
    cr_assert_str_eq(repr_of(builtin("int")), "<class 'int'>");
    cr_assert_str_eq(repr_of(builtin("ValueError")), "<class 'ValueError'>");
    rt_value a[2] = {I(7), I(2)};
    cr_assert_str_eq(repr_of(call_ok(builtin("divmod"), 2, a, 0)), "(3, 1)");
    rt_value b[1] = {I(-5)};
    cr_assert_eq(call_ok(builtin("abs"), 1, b, 0), I(5));
    rt_value c[1] = {I(255)};
    cr_assert_str_eq(rt_str_data(call_ok(builtin("hex"), 1, c, 0)), "0xff");
    /* len(1, 2) */
    expect_error(builtin("len"), 2, a, 0, &rt_type_error_type,
                 "len() takes exactly one argument (2 given)");
    /* isinstance(1, 2) */
    expect_error(builtin("isinstance"), 2, a, 0, &rt_type_error_type,
                 "isinstance() arg 2 must be a type, a tuple of types, or a union");
    rt_value d[2] = {I(1), rt_tuple_pack(2, builtin("str"), builtin("int"))};
    cr_assert_eq(call_ok(builtin("isinstance"), 2, d, 0), RT_TRUE);
    /* pow(3, -1, 7) == 5 */
    rt_value e[3] = {I(3), I(-1), I(7)};
    cr_assert_eq(call_ok(builtin("pow"), 3, e, 0), I(5));
    /* type(1) is int */
    cr_assert_eq(call_ok(builtin("type"), 1, a, 0), builtin("int"));
    /* ord('ab') */
    rt_value f[1] = {rt_str_from_cstr("ab")};
    expect_error(builtin("ord"), 1, f, 0, &rt_type_error_type,
                 "ord() expected a character, but string of length 2 found");
}

Test(calls, round_builtin)
{
    /* round(2.5), round(3.5), round(1250, -2), round(1350, -2), round(2.675, 2) */
    rt_value a[2] = {rt_float_new(2.5), 0};
    cr_assert_eq(call_ok(builtin("round"), 1, a, 0), I(2));
    a[0] = rt_float_new(3.5);
    cr_assert_eq(call_ok(builtin("round"), 1, a, 0), I(4));
    rt_value b[2] = {I(1250), I(-2)};
    cr_assert_eq(call_ok(builtin("round"), 2, b, 0), I(1200));
    b[0] = I(1350);
    cr_assert_eq(call_ok(builtin("round"), 2, b, 0), I(1400));
    rt_value c[2] = {rt_float_new(2.675), I(2)};
    cr_assert_str_eq(repr_of(call_ok(builtin("round"), 2, c, 0)), "2.67");
    /* print(round(15.0,-1), round(25.0,-1), round(1e300,2), round(5.0,-1), round(6.0,-1),
     *       round(0.125,2), round(123.456,-2), round(1e23,-22)) */
    static const struct {
        double x;
        int n;
        const char *expect;
    } cases[] = {{15.0, -1, "20.0"},     {25.0, -1, "20.0"},  {1e300, 2, "1e+300"},
                 {5.0, -1, "0.0"},       {6.0, -1, "10.0"},   {0.125, 2, "0.12"},
                 {123.456, -2, "100.0"}, {1e23, -22, "1e+23"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        rt_value d[2] = {rt_float_new(cases[i].x), I(cases[i].n)};
        cr_assert_str_eq(repr_of(call_ok(builtin("round"), 2, d, 0)), cases[i].expect);
    }
}

static rt_value print_capture;

static void capture(void *user, const char *text, size_t len)
{
    (void)user;
    rt_value s = rt_str_new(text, len);
    print_capture = print_capture ? rt_str_concat(vm, print_capture, s) : s;
}

Test(calls, print_options)
{
    vm->write_out = capture;
    print_capture = 0;
    rt_value a[4] = {I(1), I(2), rt_str_from_cstr("-"), rt_str_from_cstr("!\n")};
    call_ok(builtin("print"), 2, a, kw(2, "sep", "end"));
    cr_assert_str_eq(rt_str_data(print_capture), "1-2!\n");
    /* print(1, sep=1) */
    rt_value b[2] = {I(1), I(1)};
    expect_error(builtin("print"), 1, b, kw(1, "sep"), &rt_type_error_type,
                 "sep must be None or a string, not int");
    expect_error(builtin("print"), 1, b, kw(1, "foo"), &rt_type_error_type,
                 "'foo' is an invalid keyword argument for print()");
}

/* functools, driven through its module as a program would. */
static rt_value functools(const char *name)
{
    rt_value m = rt_import_name(vm, S("functools"));
    cr_assert_neq(m, 0);
    return rt_getattr(vm, m, S(name));
}

Test(calls, reduce)
{
    rt_value add = make_fn("add", XY, 2, 0, 0, 0, 0, 0); /* returns the tuple (x, y) */
    rt_value list = rt_list_new(0);
    rt_list_append(vm, list, I(1));
    rt_list_append(vm, list, I(2));
    rt_list_append(vm, list, I(3));
    rt_value a[2] = {add, list};
    cr_assert_str_eq(repr_of(call_ok(functools("reduce"), 2, a, 0)), "((1, 2), 3)");
    rt_value b[2] = {add, rt_list_new(0)};
    expect_error(functools("reduce"), 2, b, 0, &rt_type_error_type,
                 "reduce() of empty iterable with no initial value");
}

Test(calls, partial)
{
    static const char *const P[] = {"a", "b", "c", NULL};
    rt_value f = make_fn("f", P, 3, 0, 0, 0, rt_tuple_pack(2, I(0), I(0)), 0);
    rt_value a[3] = {f, I(1), I(2)};
    rt_value p = call_ok(functools("partial"), 2, a, kw(1, "c"));
    cr_assert(strncmp(repr_of(p), "functools.partial(<function f at 0x", 35) == 0);
    cr_assert(strstr(repr_of(p), ">, 1, c=2)") != NULL, "%s", repr_of(p));
    rt_value b[1] = {I(5)};
    cr_assert_str_eq(repr_of(call_ok(p, 1, b, 0)), "(1, 5, 2)");
    /* partial(partial(f, 1), 9) flattens */
    rt_value c[2] = {p, I(9)};
    rt_value q = call_ok(functools("partial"), 2, c, 0);
    cr_assert_eq(rt_getattr(vm, q, S("func")), f);
    cr_assert_str_eq(repr_of(rt_getattr(vm, q, S("args"))), "(1, 9)");
    cr_assert_str_eq(repr_of(rt_getattr(vm, q, S("keywords"))), "{'c': 2}");
}

static int64_t calls_made;

static rt_value counting_entry(rt_vm *v, rt_frame *frame, const rt_value *args)
{
    (void)v, (void)frame;
    calls_made++;
    return args[0];
}

Test(calls, lru_cache)
{
    rt_code *co = rt_as_code(rt_code_new(vm, "ident", "ident", "prog.py"));
    co->varnames = rt_tuple_pack(1, S("x"));
    co->argcount = 1;
    co->nparams = 1;
    co->entry = counting_entry;
    rt_value f = rt_make_function(vm, co, vm->globals, 0, 0, 0);
    rt_value two[1] = {I(2)};
    rt_value deco = call_ok(functools("lru_cache"), 0, two, kw(1, "maxsize"));
    rt_value fa[1] = {f};
    rt_value cached = call_ok(deco, 1, fa, 0);
    calls_made = 0;
    /* for v in [1, 2, 1, 3, 1, 2]: ident(v) -> computes 1, 2, 3, 2 */
    int64_t seq[] = {1, 2, 1, 3, 1, 2};
    for (int i = 0; i < 6; i++) {
        rt_value a[1] = {I(seq[i])};
        call_ok(cached, 1, a, 0);
    }
    cr_assert_eq(calls_made, 4);
    rt_value info = rt_call_method(vm, cached, S("cache_info"), 0, NULL, 0);
    cr_assert_str_eq(repr_of(info), "CacheInfo(hits=2, misses=4, maxsize=2, currsize=2)");
    cr_assert_str_eq(rt_str_data(rt_getattr(vm, cached, S("__name__"))), "ident");
    cr_assert_eq(rt_getattr(vm, cached, S("__wrapped__")), f);
    rt_call_method(vm, cached, S("cache_clear"), 0, NULL, 0);
    info = rt_call_method(vm, cached, S("cache_info"), 0, NULL, 0);
    cr_assert_str_eq(repr_of(info), "CacheInfo(hits=0, misses=0, maxsize=2, currsize=0)");
    /* @lru_cache directly */
    rt_value plain = call_ok(functools("lru_cache"), 1, fa, 0);
    rt_value a[1] = {I(4)};
    call_ok(plain, 1, a, 0);
    call_ok(plain, 1, a, 0);
    info = rt_call_method(vm, plain, S("cache_info"), 0, NULL, 0);
    cr_assert_str_eq(repr_of(info), "CacheInfo(hits=1, misses=1, maxsize=128, currsize=1)");
}

Test(calls, wraps)
{
    rt_value inner = make_fn("inner", X, 1, 0, 0, 0, 0, 0);
    rt_value wrapper = make_fn("deco.<locals>.wrapper", X, 1, 0, 0, 0, 0, 0);
    rt_setattr(vm, inner, S("__doc__"), rt_str_from_cstr("Doc."));
    rt_setattr(vm, inner, S("tag"), I(7));
    rt_value a[1] = {inner};
    rt_value deco = call_ok(functools("wraps"), 1, a, 0);
    rt_value b[1] = {wrapper};
    cr_assert_eq(call_ok(deco, 1, b, 0), wrapper);
    cr_assert_str_eq(rt_str_data(rt_getattr(vm, wrapper, S("__name__"))), "inner");
    cr_assert_str_eq(rt_str_data(rt_getattr(vm, wrapper, S("__qualname__"))), "inner");
    cr_assert_str_eq(rt_str_data(rt_getattr(vm, wrapper, S("__doc__"))), "Doc.");
    cr_assert_eq(rt_getattr(vm, wrapper, S("tag")), I(7));
    cr_assert_eq(rt_getattr(vm, wrapper, S("__wrapped__")), inner);
}

Test(calls, modules_and_imports)
{
    rt_value math = rt_import_name(vm, S("math"));
    cr_assert_str_eq(repr_of(math), "<module 'math' (built-in)>");
    cr_assert_eq(rt_import_name(vm, S("nope")), RT_ERROR);
    cr_assert(rt_pending_is(vm, &rt_module_not_found_error_type));
    cr_assert_str_eq(rt_str_data(rt_str(vm, vm->pending)), "No module named 'nope'");
    vm->pending = 0;
    cr_assert_eq(rt_import_from(vm, math, S("foo")), RT_ERROR);
    cr_assert_str_eq(rt_str_data(rt_str(vm, vm->pending)),
                     "cannot import name 'foo' from 'math' (unknown location)");
    vm->pending = 0;
    cr_assert_eq(rt_getattr(vm, math, S("sqr")), RT_ERROR);
    cr_assert_str_eq(rt_str_data(rt_str(vm, vm->pending)), "module 'math' has no attribute 'sqr'");
    rt_value text = rt_format_exception(vm, vm->pending);
    cr_assert_str_eq(
        rt_str_data(text),
        "AttributeError: module 'math' has no attribute 'sqr'. Did you mean: 'sqrt'?\n");
    vm->pending = 0;
    rt_value main_name = rt_dict_get_str(vm->globals, S("__name__"));
    cr_assert_str_eq(rt_str_data(main_name), "__main__");
}

static rt_value module_attr(const char *module, const char *name)
{
    rt_value m = rt_import_name(vm, S(module));
    cr_assert_neq(m, 0);
    rt_value v = rt_getattr(vm, m, S(name));
    cr_assert_neq(v, 0, "%s.%s missing", module, name);
    return v;
}

static rt_value err_capture;

static void capture_err(void *user, const char *text, size_t len)
{
    (void)user;
    rt_value s = rt_str_new(text, len);
    err_capture = err_capture ? rt_str_concat(vm, err_capture, s) : s;
}

Test(calls, logging_implicit_config)
{
    vm->write_err = capture_err;
    err_capture = 0;
    /* logging.info('hidden'); logging.warning('warn %s %d', 'x', 3); logging.error('err') */
    rt_value a[3] = {rt_str_from_cstr("hidden")};
    call_ok(module_attr("logging", "info"), 1, a, 0);
    rt_value b[3] = {rt_str_from_cstr("warn %s %d"), rt_str_from_cstr("x"), I(3)};
    call_ok(module_attr("logging", "warning"), 3, b, 0);
    rt_value c[1] = {rt_str_from_cstr("err")};
    call_ok(module_attr("logging", "error"), 1, c, 0);
    cr_assert_str_eq(rt_str_data(err_capture), "WARNING:root:warn x 3\nERROR:root:err\n");
    /* a later basicConfig(filename=...) is ignored: the root logger has a handler */
    rt_value d[1] = {rt_str_from_cstr("/nonexistent-dir/x.log")};
    call_ok(module_attr("logging", "basicConfig"), 0, d, kw(1, "filename"));
}

Test(calls, logging_file)
{
    char path[] = "/tmp/cellar_log_XXXXXX";
    int fd = mkstemp(path);
    cr_assert(fd >= 0);
    close(fd);
    /* logging.basicConfig(filename=path, level=logging.INFO, filemode='w') */
    rt_value a[3] = {rt_str_from_cstr(path), module_attr("logging", "INFO"), rt_str_from_cstr("w")};
    call_ok(module_attr("logging", "basicConfig"), 0, a, kw(3, "filename", "level", "filemode"));
    rt_value b[3] = {rt_str_from_cstr("Running \"%s\" with %r"), rt_str_from_cstr("add"),
                     rt_tuple_pack(2, I(3), I(3))};
    call_ok(module_attr("logging", "info"), 3, b, 0);
    rt_value c[1] = {rt_str_from_cstr("dropped")};
    call_ok(module_attr("logging", "debug"), 1, c, 0);
    FILE *f = fopen(path, "r");
    char buf[256] = "";
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    remove(path);
    cr_assert_str_eq(buf, "INFO:root:Running \"add\" with (3, 3)\n");
}

Test(calls, math_and_sys)
{
    rt_value a[2] = {I(-1)};
    expect_error(module_attr("math", "sqrt"), 1, a, 0, &rt_value_error_type, "math domain error");
    rt_value b[1] = {I(20)};
    cr_assert_str_eq(repr_of(call_ok(module_attr("math", "factorial"), 1, b, 0)),
                     "2432902008176640000");
    rt_value c[1] = {rt_float_new(-0.5)};
    cr_assert_eq(call_ok(module_attr("math", "floor"), 1, c, 0), I(-1));
    rt_value d[3] = {I(12), I(18), I(4)};
    cr_assert_eq(call_ok(module_attr("math", "gcd"), 3, d, 0), I(2));
    rt_value e[2] = {I(8), I(2)};
    cr_assert_str_eq(repr_of(call_ok(module_attr("math", "log"), 2, e, 0)), "3.0");
    cr_assert_str_eq(repr_of(module_attr("math", "pi")), "3.141592653589793");
    cr_assert_eq(call_ok(module_attr("sys", "getrecursionlimit"), 0, NULL, 0), I(1000));
    rt_value f[1] = {I(0)};
    expect_error(module_attr("sys", "setrecursionlimit"), 1, f, 0, &rt_value_error_type,
                 "recursion limit must be greater or equal than 1");
    rt_value g[1] = {rt_float_new(-1.0)};
    expect_error(module_attr("time", "sleep"), 1, g, 0, &rt_value_error_type,
                 "sleep length must be non-negative");
}

Test(calls, lru_cache_typed_and_keywords)
{
    rt_code *co = rt_as_code(rt_code_new(vm, "kind", "kind", "prog.py"));
    co->varnames = rt_tuple_pack(1, S("x"));
    co->argcount = 1;
    co->nparams = 1;
    co->entry = counting_entry;
    rt_value f = rt_make_function(vm, co, vm->globals, 0, 0, 0);
    /* @lru_cache(maxsize=8, typed=True): kind(1), kind(1.0), kind(1) */
    rt_value opts[2] = {I(8), RT_TRUE};
    rt_value deco = call_ok(functools("lru_cache"), 0, opts, kw(2, "maxsize", "typed"));
    rt_value fa[1] = {f};
    rt_value cached = call_ok(deco, 1, fa, 0);
    rt_value one[1] = {I(1)}, onef[1] = {rt_float_new(1.0)};
    call_ok(cached, 1, one, 0);
    call_ok(cached, 1, onef, 0);
    call_ok(cached, 1, one, 0);
    cr_assert_str_eq(repr_of(rt_call_method(vm, cached, S("cache_info"), 0, NULL, 0)),
                     "CacheInfo(hits=1, misses=2, maxsize=8, currsize=2)");
    cr_assert_str_eq(repr_of(rt_call_method(vm, cached, S("cache_parameters"), 0, NULL, 0)),
                     "{'maxsize': 8, 'typed': True}");
    /* @functools.cache: f(1), f(x=1) are different keys */
    rt_value c = call_ok(functools("cache"), 1, fa, 0);
    call_ok(c, 1, one, 0);
    call_ok(c, 0, one, kw(1, "x"));
    call_ok(c, 1, one, 0);
    cr_assert_str_eq(repr_of(rt_call_method(vm, c, S("cache_info"), 0, NULL, 0)),
                     "CacheInfo(hits=1, misses=2, maxsize=None, currsize=2)");
    cr_assert(strncmp(repr_of(c), "<functools._lru_cache_wrapper object at 0x", 42) == 0);
}

/* " ".join(vars(builtins)) under python3.11 (a script run, so site's exit/quit/... exist) */
Test(calls, builtins_namespace_order)
{
    static const char *const expected =
        "__name__ __doc__ __package__ __loader__ __spec__ __build_class__ __import__ abs all "
        "any ascii bin breakpoint callable chr compile delattr dir divmod eval exec format "
        "getattr globals hasattr hash hex id input isinstance issubclass iter aiter len "
        "locals max min next anext oct ord pow print repr round setattr sorted sum vars None "
        "Ellipsis NotImplemented False True bool memoryview bytearray bytes classmethod "
        "complex dict enumerate filter float frozenset property int list map object range "
        "reversed set slice staticmethod str super tuple type zip __debug__ BaseException "
        "BaseExceptionGroup Exception GeneratorExit KeyboardInterrupt SystemExit "
        "ArithmeticError AssertionError AttributeError BufferError EOFError ImportError "
        "LookupError MemoryError NameError OSError ReferenceError RuntimeError "
        "StopAsyncIteration StopIteration SyntaxError SystemError TypeError ValueError "
        "Warning FloatingPointError OverflowError ZeroDivisionError BytesWarning "
        "DeprecationWarning EncodingWarning FutureWarning ImportWarning "
        "PendingDeprecationWarning ResourceWarning RuntimeWarning SyntaxWarning "
        "UnicodeWarning UserWarning BlockingIOError ChildProcessError ConnectionError "
        "FileExistsError FileNotFoundError InterruptedError IsADirectoryError "
        "NotADirectoryError PermissionError ProcessLookupError TimeoutError IndentationError "
        "IndexError KeyError ModuleNotFoundError NotImplementedError RecursionError "
        "UnboundLocalError UnicodeError BrokenPipeError ConnectionAbortedError "
        "ConnectionRefusedError ConnectionResetError TabError UnicodeDecodeError "
        "UnicodeEncodeError UnicodeTranslateError ExceptionGroup EnvironmentError IOError "
        "open quit exit copyright credits license help ";
    rt_strbuf b;
    rt_strbuf_init(&b);
    rt_value key, value;
    int64_t pos = 0;
    while (rt_dict_next(vm->builtins, &pos, &key, &value)) {
        rt_strbuf_append_cstr(&b, rt_str_data(key));
        rt_strbuf_append_char(&b, ' ');
    }
    cr_assert_str_eq(rt_str_data(rt_strbuf_finish(&b)), expected);
}
