/* Calls: one generic entry point for every callable, CPython's argument binding with its exact
 * TypeError messages, and a fast path for positional calls that match a plain function's
 * arity, which allocates nothing. */
#ifndef CELLAR_CALL_H
#define CELLAR_CALL_H

#include "function.h"
#include "value.h"

/* Calls any callable with the rt_cfunc argument convention. */
rt_value rt_call(rt_vm *vm, rt_value callee, size_t nargs, const rt_value *args, rt_value kwnames);
/* f(*args, **kwargs): args is a tuple (or list), kwargs a dict or 0. */
rt_value rt_call_ex(rt_vm *vm, rt_value callee, rt_value args, rt_value kwargs);
/* Convenience for C code: positional arguments only. */
rt_value rt_call0(rt_vm *vm, rt_value callee);
rt_value rt_call1(rt_vm *vm, rt_value callee, rt_value a);
rt_value rt_call2(rt_vm *vm, rt_value callee, rt_value a, rt_value b);
/* Calls a compiled function: binds arguments, pushes a frame, runs the native entry, records
 * a traceback entry if it fails, pops the frame. */
rt_value rt_call_function(rt_vm *vm, rt_value function, size_t nargs, const rt_value *args,
                          rt_value kwnames);
/* Added by the JIT owner (issue 5). The parameter slots a direct call from compiled code
 * may pass to a compiled function that does not take exactly `nargs` positional parameters:
 * the arguments with __defaults__ filling the missing ones, or those of a wrapper that only
 * forwards its star parameters (rt_code.forwards; its tuple built in `space`, or `tuple`
 * itself, an exact tuple whose items are `args`, passed on; 0 when there is none). They are
 * written into `space` (`words` words), which is returned; NULL when neither applies or they
 * do not fit, and rt_call must bind. Never raises. */
rt_value *rt_call_slots(rt_value function, size_t nargs, const rt_value *args, rt_value tuple,
                        rt_value *space, size_t words);
/* Sets co->forwards to `forwards` (RT_FORWARDS_ARGS/KWARGS, from the compiler) for a code
 * whose parameters are set, adding RT_FORWARDS_WRAPPER (and making empty_kwargs) when it is a
 * pure wrapper. */
void rt_code_set_forwards(rt_code *co, int32_t forwards);

/* Helpers for builtins to parse their arguments with CPython-style messages.
 * rt_check_args words its errors as CPython's C functions do: "name() takes no keyword
 * arguments", "name() takes no arguments (1 given)", "name() takes exactly one argument
 * (2 given)", "name expected at least 2 arguments, got 1", "name expected 2 arguments, got 3".
 * max < 0: unlimited. false with exception pending. */
bool rt_check_args(rt_vm *vm, const char *name, size_t nargs, rt_value kwnames, size_t min,
                   long max);
/* Finds keyword `name` among kwnames; returns its value or 0. */
rt_value rt_kwarg(rt_value kwnames, const rt_value *kwvalues, const char *name);
/* How call-site errors name a callee: "mod.f()" for functions (qualified by their module
 * unless it is builtins), "print()" for builtins, "int object" for anything else. */
rt_value rt_function_str(rt_vm *vm, rt_value callee);
/* LIST_EXTEND for the positional arguments of f(*x) (the IR's c operand is the callee): like
 * rt_list_extend, but a non-iterable x raises CPython's "mod.f() argument after * must be an
 * iterable, not int". 0 / -1. */
int rt_extend_call_args(rt_vm *vm, rt_value list, rt_value iterable, rt_value callee);

#endif
