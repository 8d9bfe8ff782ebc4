/* Exceptions: the hierarchy, construction, str/repr, raise statement rules, implicit and
 * explicit chaining, matching, NameError/AttributeError suggestions and the traceback text
 * (expectations are CPython 3.11's output for the Python shown beside each). */
#include <criterion/criterion.h>
#include <string.h>

#include "builtins.h"
#include "call.h"
#include "dict.h"
#include "exception.h"
#include "function.h"
#include "list.h"
#include "ops.h"
#include "str.h"
#include "tuple.h"
#include "vm.h"

static rt_vm *vm;

static void setup(void) { vm = rt_vm_new(); }

TestSuite(exceptions, .init = setup);

static rt_value S(const char *s) { return rt_str_intern(vm, s); }
static rt_value T(const rt_type *t) { return rt_type_value(t); }
static const char *str_of(rt_value v) { return rt_str_data(rt_str(vm, v)); }
static const char *repr_of(rt_value v) { return rt_str_data(rt_repr(vm, v)); }

static rt_value make(const rt_type *t, const char *message)
{
    rt_value args = message ? rt_tuple_pack(1, rt_str_from_cstr(message)) : rt_tuple_new(0);
    return rt_new_exception(vm, t, args);
}

Test(exceptions, hierarchy)
{
    cr_assert(rt_type_is_subtype(&rt_zero_division_error_type, &rt_arithmetic_error_type));
    cr_assert(rt_type_is_subtype(&rt_key_error_type, &rt_lookup_error_type));
    cr_assert(rt_type_is_subtype(&rt_unbound_local_error_type, &rt_name_error_type));
    cr_assert(rt_type_is_subtype(&rt_recursion_error_type, &rt_runtime_error_type));
    cr_assert(rt_type_is_subtype(&rt_module_not_found_error_type, &rt_import_error_type));
    cr_assert(rt_type_is_subtype(&rt_file_not_found_error_type, &rt_os_error_type));
    cr_assert(rt_type_is_subtype(&rt_unicode_error_type, &rt_value_error_type));
    cr_assert(!rt_type_is_subtype(&rt_system_exit_type, &rt_exception_type));
    cr_assert(!rt_type_is_subtype(&rt_keyboard_interrupt_type, &rt_exception_type));
    cr_assert(rt_type_is_subtype(&rt_generator_exit_type, &rt_base_exception_type));
    /* print(ValueError.__mro__) */
    cr_assert_str_eq(repr_of(rt_getattr(vm, T(&rt_value_error_type), S("__mro__"))),
                     "(<class 'ValueError'>, <class 'Exception'>, <class 'BaseException'>, "
                     "<class 'object'>)");
}

Test(exceptions, str_and_repr)
{
    /* repr(ValueError()), repr(ValueError(1, 2)), repr(ValueError('a')) */
    cr_assert_str_eq(repr_of(make(&rt_value_error_type, NULL)), "ValueError()");
    rt_value two = rt_new_exception(vm, &rt_value_error_type,
                                    rt_tuple_pack(2, rt_small_int(1), rt_small_int(2)));
    cr_assert_str_eq(repr_of(two), "ValueError(1, 2)");
    cr_assert_str_eq(str_of(two), "(1, 2)");
    cr_assert_str_eq(repr_of(make(&rt_value_error_type, "a")), "ValueError('a')");
    /* str(KeyError('k')) == "'k'" */
    cr_assert_str_eq(str_of(make(&rt_key_error_type, "k")), "'k'");
    cr_assert_str_eq(str_of(make(&rt_key_error_type, NULL)), "");
    /* constructing through the type: ValueError('m').args */
    rt_value m = rt_str_from_cstr("m");
    rt_value e = rt_call(vm, T(&rt_value_error_type), 1, &m, 0);
    cr_assert_str_eq(repr_of(rt_getattr(vm, e, S("args"))), "('m',)");
    /* ValueError(x=1) */
    rt_value kw = rt_tuple_pack(1, S("x"));
    cr_assert_eq(rt_call(vm, T(&rt_value_error_type), 0, &m, kw), RT_ERROR);
    cr_assert_str_eq(str_of(vm->pending), "ValueError() takes no keyword arguments");
}

Test(exceptions, attributes)
{
    rt_value e = make(&rt_value_error_type, "x");
    cr_assert_eq(rt_getattr(vm, e, S("__cause__")), RT_NONE);
    cr_assert_eq(rt_getattr(vm, e, S("__suppress_context__")), RT_FALSE);
    /* e.__cause__ = 1 */
    cr_assert_eq(rt_setattr(vm, e, S("__cause__"), rt_small_int(1)), -1);
    cr_assert_str_eq(str_of(vm->pending),
                     "exception cause must be None or derive from BaseException");
    vm->pending = 0;
    /* e.add_note('hi'); e.__notes__ */
    rt_value note = rt_str_from_cstr("hi");
    cr_assert_neq(rt_call_method(vm, e, S("add_note"), 1, &note, 0), 0);
    cr_assert_str_eq(repr_of(rt_getattr(vm, e, S("__notes__"))), "['hi']");
    rt_value one = rt_small_int(1);
    cr_assert_eq(rt_call_method(vm, e, S("add_note"), 1, &one, 0), 0);
    cr_assert_str_eq(str_of(vm->pending), "note must be a str, not 'int'");
    vm->pending = 0;
    /* StopIteration(5).value, SystemExit().code */
    rt_value five = rt_small_int(5);
    rt_value si = rt_call(vm, T(&rt_stop_iteration_type), 1, &five, 0);
    cr_assert_eq(rt_getattr(vm, si, S("value")), five);
    rt_value se = rt_call(vm, T(&rt_system_exit_type), 0, NULL, 0);
    cr_assert_eq(rt_getattr(vm, se, S("code")), RT_NONE);
}

Test(exceptions, raise_statement)
{
    /* raise 1 */
    cr_assert_eq(rt_raise_stmt(vm, rt_small_int(1), 0), RT_ERROR);
    cr_assert_str_eq(str_of(vm->pending), "exceptions must derive from BaseException");
    vm->pending = 0;
    /* raise ValueError from 1 */
    rt_raise_stmt(vm, T(&rt_value_error_type), rt_small_int(1));
    cr_assert_str_eq(str_of(vm->pending), "exception causes must derive from BaseException");
    vm->pending = 0;
    /* raise ValueError from KeyError: a class is instantiated, cause set, context suppressed */
    rt_raise_stmt(vm, T(&rt_value_error_type), T(&rt_key_error_type));
    rt_exception *e = (rt_exception *)rt_as_object(vm->pending);
    cr_assert_eq(rt_as_object(vm->pending)->type, &rt_value_error_type);
    cr_assert_eq(rt_as_object(e->cause)->type, &rt_key_error_type);
    cr_assert(e->suppress_context);
    vm->pending = 0;
    /* raise ValueError from None */
    rt_raise_stmt(vm, T(&rt_value_error_type), RT_NONE);
    e = (rt_exception *)rt_as_object(vm->pending);
    cr_assert_eq(e->cause, 0);
    cr_assert(e->suppress_context);
    vm->pending = 0;
    /* bare raise with nothing handled */
    rt_reraise(vm);
    cr_assert(rt_pending_is(vm, &rt_runtime_error_type));
    cr_assert_str_eq(str_of(vm->pending), "No active exception to reraise");
}

Test(exceptions, implicit_chaining)
{
    rt_value first = make(&rt_zero_division_error_type, "division by zero");
    vm->handling = first;
    rt_raise_msg(vm, &rt_value_error_type, "second");
    rt_value second = rt_fetch(vm);
    cr_assert_eq(((rt_exception *)rt_as_object(second))->context, first);
    /* re-raising the handled exception does not chain it to itself */
    rt_raise_value(vm, first);
    cr_assert_eq(((rt_exception *)rt_as_object(first))->context, 0);
    vm->pending = 0;
    vm->handling = 0;
    rt_value text = rt_format_exception(vm, second);
    cr_assert_str_eq(rt_str_data(text),
                     "ZeroDivisionError: division by zero\n"
                     "\nDuring handling of the above exception, another exception occurred:\n\n"
                     "ValueError: second\n");
}

Test(exceptions, explicit_cause_text)
{
    rt_value cause = make(&rt_key_error_type, "k");
    rt_value exc = make(&rt_runtime_error_type, NULL);
    rt_raise_stmt(vm, exc, cause);
    vm->pending = 0;
    cr_assert_str_eq(rt_str_data(rt_format_exception(vm, exc)),
                     "KeyError: 'k'\n"
                     "\nThe above exception was the direct cause of the following exception:\n\n"
                     "RuntimeError\n");
}

Test(exceptions, matching)
{
    rt_value e = make(&rt_zero_division_error_type, NULL);
    cr_assert_eq(rt_exception_matches(vm, e, T(&rt_arithmetic_error_type)), 1);
    cr_assert_eq(rt_exception_matches(vm, e, T(&rt_value_error_type)), 0);
    rt_value tuple = rt_tuple_pack(2, T(&rt_value_error_type), T(&rt_exception_type));
    cr_assert_eq(rt_exception_matches(vm, e, tuple), 1);
    /* except (ZeroDivisionError, 1): */
    rt_value bad = rt_tuple_pack(2, T(&rt_zero_division_error_type), rt_small_int(1));
    cr_assert_eq(rt_exception_matches(vm, e, bad), -1);
    cr_assert_str_eq(str_of(vm->pending),
                     "catching classes that do not inherit from BaseException is not allowed");
    vm->pending = 0;
    cr_assert_eq(rt_exception_matches(vm, e, T(&rt_int_type)), -1);
}

Test(exceptions, unbound_messages)
{
    rt_raise_unbound_local(vm, S("x"));
    cr_assert(rt_pending_is(vm, &rt_unbound_local_error_type));
    cr_assert_str_eq(str_of(vm->pending),
                     "cannot access local variable 'x' where it is not associated with a value");
    vm->pending = 0;
    rt_raise_unbound_free(vm, S("x"));
    cr_assert_eq(rt_as_object(vm->pending)->type, &rt_name_error_type);
    cr_assert_str_eq(str_of(vm->pending),
                     "cannot access free variable 'x' where it is not associated with a value "
                     "in enclosing scope");
    vm->pending = 0;
    rt_raise_assertion(vm, 0);
    cr_assert_str_eq(repr_of(vm->pending), "AssertionError()");
}

/* A module-level frame for code in prog.py, so tracebacks have entries. */
static rt_frame *module_frame(rt_frame *frame, int line, const char *name)
{
    rt_code *code = rt_as_code(rt_code_new(vm, name, name, "prog.py"));
    frame->function = rt_as_function(rt_make_function(vm, code, vm->globals, 0, 0, 0));
    frame->line = line;
    frame->back = NULL;
    return frame;
}

Test(exceptions, name_error_suggestion)
{
    /* var = 1; print(par) -> NameError: name 'par' is not defined. Did you mean: 'var'? */
    rt_dict_set_str(vm, vm->globals, "var", rt_small_int(1));
    rt_frame frame;
    module_frame(&frame, 2, "<module>");
    cr_assert_eq(rt_load_global(vm, vm->globals, S("par")), RT_ERROR);
    rt_traceback_add(vm, &frame);
    cr_assert_str_eq(str_of(vm->pending), "name 'par' is not defined");
    const char *src = "var = 1\nprint(par)\n";
    rt_vm_add_source(vm, "prog.py", src, strlen(src));
    cr_assert_str_eq(rt_str_data(rt_format_exception(vm, vm->pending)),
                     "Traceback (most recent call last):\n"
                     "  File \"prog.py\", line 2, in <module>\n"
                     "    print(par)\n"
                     "NameError: name 'par' is not defined. Did you mean: 'var'?\n");
    vm->pending = 0;
    /* prnt('x') -> Did you mean: 'print'? (from the builtins) */
    rt_load_global(vm, vm->globals, S("prnt"));
    rt_traceback_add(vm, &frame);
    cr_assert(strstr(rt_str_data(rt_format_exception(vm, vm->pending)),
                     "NameError: name 'prnt' is not defined. Did you mean: 'print'?\n") != NULL);
    vm->pending = 0;
    /* true -> Did you mean: 'True'? */
    rt_load_global(vm, vm->globals, S("true"));
    rt_traceback_add(vm, &frame);
    cr_assert(strstr(rt_str_data(rt_format_exception(vm, vm->pending)), "Did you mean: 'True'?") !=
              NULL);
    vm->pending = 0;
    /* xyzzy: nothing close */
    rt_load_global(vm, vm->globals, S("xyzzy"));
    rt_traceback_add(vm, &frame);
    cr_assert(strstr(rt_str_data(rt_format_exception(vm, vm->pending)),
                     "NameError: name 'xyzzy' is not defined\n") != NULL);
}

Test(exceptions, attribute_error_suggestion)
{
    /* def f(): pass; f.name = 1; f.nam */
    rt_code *code = rt_as_code(rt_code_new(vm, "f", "f", "prog.py"));
    rt_value f = rt_make_function(vm, code, vm->globals, 0, 0, 0);
    rt_setattr(vm, f, S("name"), rt_small_int(1));
    cr_assert_eq(rt_getattr(vm, f, S("nam")), RT_ERROR);
    cr_assert_str_eq(str_of(vm->pending), "'function' object has no attribute 'nam'");
    rt_value exc = vm->pending;
    cr_assert_str_eq(rt_str_data(rt_format_exception(vm, exc)),
                     "AttributeError: 'function' object has no attribute 'nam'. Did you mean: "
                     "'name'?\n");
}

Test(exceptions, traceback_chain_and_fetch)
{
    /* def inner(): 1/0  (line 2), called from outer (line 4), from <module> (line 5) */
    const char *src = "def inner():\n    return 1/0\ndef outer():\n    return inner()\nouter()\n";
    rt_vm_add_source(vm, "prog.py", src, strlen(src));
    rt_frame mod, outer, inner;
    module_frame(&mod, 5, "<module>");
    module_frame(&outer, 4, "outer");
    module_frame(&inner, 2, "inner");
    rt_raise_msg(vm, &rt_zero_division_error_type, "division by zero");
    rt_traceback_add(vm, &inner);
    rt_traceback_add(vm, &outer);
    /* caught and re-raised in outer: no second entry for outer */
    vm->frame = &outer;
    rt_value e = rt_fetch(vm);
    vm->handling = e;
    rt_reraise(vm);
    vm->handling = 0;
    rt_traceback_add(vm, &outer);
    rt_traceback_add(vm, &mod);
    vm->frame = NULL;
    cr_assert_str_eq(rt_str_data(rt_format_exception(vm, vm->pending)),
                     "Traceback (most recent call last):\n"
                     "  File \"prog.py\", line 5, in <module>\n"
                     "    outer()\n"
                     "  File \"prog.py\", line 4, in outer\n"
                     "    return inner()\n"
                     "  File \"prog.py\", line 2, in inner\n"
                     "    return 1/0\n"
                     "ZeroDivisionError: division by zero\n");
    rt_value tb = rt_getattr(vm, vm->pending, S("__traceback__"));
    cr_assert_eq(rt_getattr(vm, tb, S("tb_lineno")), rt_small_int(5));
}

Test(exceptions, notes_printed)
{
    rt_value e = make(&rt_value_error_type, "bad");
    rt_value note = rt_str_from_cstr("extra context");
    rt_call_method(vm, e, S("add_note"), 1, &note, 0);
    cr_assert_str_eq(rt_str_data(rt_format_exception(vm, e)), "ValueError: bad\nextra context\n");
}
