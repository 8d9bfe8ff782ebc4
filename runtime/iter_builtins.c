/* The builtin functions over iterables: sorted, min, max, sum, any, all, iter and next, with
 * CPython 3.11's argument handling and messages. The builtins module registers them; iter's
 * two-argument form makes a callable_iterator, defined here. */
#include "builtins.h"
#include "call.h"
#include "exception.h"
#include "iter.h"
#include "list.h"
#include "ops.h"
#include "str.h"
#include "tuple.h"
#include "vm.h"

static size_t kw_count(rt_value kwnames)
{
    return kwnames ? (size_t)rt_as_tuple(kwnames)->size : 0;
}

/* sorted(iterable, /, *, key=None, reverse=False) */
rt_value rt_builtin_sorted(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                           rt_value kwnames)
{
    (void)self;
    if (nargs != 1)
        return rt_raise_format(vm, &rt_type_error_type, "sorted expected 1 argument, got %zu",
                               nargs);
    rt_value key = RT_NONE, reverse = RT_FALSE;
    if (!rt_sort_args(vm, kwnames, args + nargs, &key, &reverse))
        return RT_ERROR;
    int r = rt_truthy(vm, reverse);
    if (r < 0)
        return RT_ERROR;
    rt_value list = rt_list_new(0);
    if (rt_list_extend(vm, list, args[0]) < 0 || rt_list_sort(vm, list, key, r) < 0)
        return RT_ERROR;
    return list;
}

/* ---- min / max ---- */

typedef struct min_max_args {
    const char *name;
    rt_compare_op op; /* RT_LT for min, RT_GT for max */
    rt_value key;     /* 0 or None: no key */
    rt_value dflt;    /* 0: none given */
} min_max_args;

static bool min_max_keywords(rt_vm *vm, min_max_args *m, size_t nargs, const rt_value *args,
                             rt_value kwnames)
{
    /* CPython parses the keywords alone (key, default), so it counts them before naming one. */
    if (kw_count(kwnames) > 2) {
        rt_raise_format(vm, &rt_type_error_type,
                        "%s() takes at most 2 keyword arguments (%lld given)", m->name,
                        (long long)kw_count(kwnames));
        return false;
    }
    for (size_t k = 0; k < kw_count(kwnames); k++) {
        rt_value name = rt_as_tuple(kwnames)->items[k];
        if (rt_str_equal_cstr(name, "key")) {
            m->key = args[nargs + k];
        } else if (rt_str_equal_cstr(name, "default")) {
            m->dflt = args[nargs + k];
        } else {
            rt_raise_format(vm, &rt_type_error_type, "'%U' is an invalid keyword argument for %s()",
                            name, m->name);
            return false;
        }
    }
    if (m->key == RT_NONE)
        m->key = 0;
    if (nargs == 0) {
        rt_raise_format(vm, &rt_type_error_type, "%s expected at least 1 argument, got 0",
                        m->name);
        return false;
    }
    if (nargs > 1 && m->dflt != 0) {
        rt_raise_format(vm, &rt_type_error_type,
                        "Cannot specify a default for %s() with multiple positional arguments",
                        m->name);
        return false;
    }
    return true;
}

/* CPython's min_max: the first item whose key beats every earlier one (so ties keep the
 * first), comparing new < best for min and new > best for max. */
static rt_value min_max(rt_vm *vm, min_max_args *m, size_t nargs, const rt_value *args,
                        rt_value kwnames)
{
    if (!min_max_keywords(vm, m, nargs, args, kwnames))
        return RT_ERROR;
    rt_value it = nargs == 1 ? rt_get_iter(vm, args[0])
                             : rt_get_iter(vm, rt_tuple_from_array(vm, nargs, args));
    if (it == RT_ERROR)
        return RT_ERROR;
    rt_value best = 0, best_key = 0;
    for (;;) {
        rt_value item = rt_iter_next(vm, it);
        if (item == RT_ERROR)
            return RT_ERROR;
        if (item == RT_ITER_DONE)
            break;
        rt_value k = m->key ? rt_call(vm, m->key, 1, &item, 0) : item;
        if (k == RT_ERROR)
            return RT_ERROR;
        if (best == 0) {
            best = item, best_key = k;
            continue;
        }
        int c = rt_compare_bool(vm, m->op, k, best_key);
        if (c < 0)
            return RT_ERROR;
        if (c > 0)
            best = item, best_key = k;
    }
    if (best != 0)
        return best;
    if (m->dflt != 0)
        return m->dflt;
    return rt_raise_format(vm, &rt_value_error_type, "%s() arg is an empty sequence", m->name);
}

rt_value rt_builtin_min(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                        rt_value kwnames)
{
    (void)self;
    min_max_args m = {"min", RT_LT, 0, 0};
    return min_max(vm, &m, nargs, args, kwnames);
}

rt_value rt_builtin_max(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                        rt_value kwnames)
{
    (void)self;
    min_max_args m = {"max", RT_GT, 0, 0};
    return min_max(vm, &m, nargs, args, kwnames);
}

/* ---- sum ---- */

static bool sum_arguments(rt_vm *vm, size_t nargs, const rt_value *args, rt_value kwnames,
                          rt_value *start)
{
    size_t nkw = kw_count(kwnames);
    if (nargs + nkw > 2) {
        rt_raise_format(vm, &rt_type_error_type, "sum() takes at most 2 arguments (%zu given)",
                        nargs + nkw);
        return false;
    }
    for (size_t k = 0; k < nkw; k++) {
        rt_value name = rt_as_tuple(kwnames)->items[k];
        if (!rt_str_equal_cstr(name, "start")) {
            rt_raise_format(vm, &rt_type_error_type,
                            "'%U' is an invalid keyword argument for sum()", name);
            return false;
        }
        if (nargs > 1) {
            rt_raise_msg(vm, &rt_type_error_type,
                         "argument for sum() given by name ('start') and position (2)");
            return false;
        }
        *start = args[nargs + k];
    }
    if (nargs == 0) {
        rt_raise_msg(vm, &rt_type_error_type,
                     "sum() takes at least 1 positional argument (0 given)");
        return false;
    }
    if (nargs == 2)
        *start = args[1];
    if (rt_is_type(*start, &rt_str_type)) {
        rt_raise_msg(vm, &rt_type_error_type,
                     "sum() can't sum strings [use ''.join(seq) instead]");
        return false;
    }
    return true;
}

/* sum(iterable, /, start=0): left-to-right `+`, which for floats is plain double addition
 * as in CPython 3.11 (no compensated summation). */
rt_value rt_builtin_sum(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                        rt_value kwnames)
{
    (void)self;
    rt_value total = rt_small_int(0);
    if (!sum_arguments(vm, nargs, args, kwnames, &total))
        return RT_ERROR;
    rt_value it = rt_get_iter(vm, args[0]);
    if (it == RT_ERROR)
        return RT_ERROR;
    for (;;) {
        rt_value item = rt_iter_next(vm, it);
        if (item == RT_ERROR)
            return RT_ERROR;
        if (item == RT_ITER_DONE)
            return total;
        total = rt_binary_op(vm, RT_ADD, total, item);
        if (total == RT_ERROR)
            return RT_ERROR;
    }
}

/* ---- any / all ---- */

/* any() stops at the first true item, all() at the first false one. */
static rt_value any_all(rt_vm *vm, const char *name, bool stop_on, size_t nargs,
                        const rt_value *args, rt_value kwnames)
{
    if (!rt_check_args(vm, name, nargs, kwnames, 1, 1))
        return RT_ERROR;
    rt_value it = rt_get_iter(vm, args[0]);
    if (it == RT_ERROR)
        return RT_ERROR;
    for (;;) {
        rt_value item = rt_iter_next(vm, it);
        if (item == RT_ERROR)
            return RT_ERROR;
        if (item == RT_ITER_DONE)
            return rt_bool(!stop_on);
        int t = rt_truthy(vm, item);
        if (t < 0)
            return RT_ERROR;
        if ((t != 0) == stop_on)
            return rt_bool(stop_on);
    }
}

rt_value rt_builtin_any(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                        rt_value kwnames)
{
    (void)self;
    return any_all(vm, "any", true, nargs, args, kwnames);
}

rt_value rt_builtin_all(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                        rt_value kwnames)
{
    (void)self;
    return any_all(vm, "all", false, nargs, args, kwnames);
}

/* ---- iter / next ---- */

/* iter(callable, sentinel): calls until the result equals the sentinel. */
typedef struct callable_iterator {
    rt_object base;
    rt_value callable; /* 0 once exhausted */
    rt_value sentinel;
} callable_iterator;

static rt_value callable_iterator_next(rt_vm *vm, rt_value self)
{
    callable_iterator *c = (callable_iterator *)rt_as_object(self);
    if (c->callable == 0)
        return RT_ITER_DONE;
    rt_value v = rt_call(vm, c->callable, 0, NULL, 0);
    if (v == RT_ERROR) {
        if (rt_pending_is(vm, &rt_stop_iteration_type)) {
            vm->pending = 0;
            c->callable = 0;
            return RT_ITER_DONE;
        }
        return RT_ERROR;
    }
    int eq = v == c->sentinel ? 1 : rt_equal(vm, v, c->sentinel);
    if (eq < 0)
        return RT_ERROR;
    if (eq) {
        c->callable = 0;
        return RT_ITER_DONE;
    }
    return v;
}

static const rt_type callable_iterator_type = {
    .base = {&rt_type_type},
    .name = "callable_iterator",
    .base_type = &rt_object_type,
    .iter = rt_iter_self,
    .next = callable_iterator_next,
};

rt_value rt_builtin_iter(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                         rt_value kwnames)
{
    (void)self;
    if (!rt_check_args(vm, "iter", nargs, kwnames, 1, 2))
        return RT_ERROR;
    if (nargs == 1)
        return rt_get_iter(vm, args[0]);
    if (!rt_is_callable(args[0]))
        return rt_raise_msg(vm, &rt_type_error_type, "iter(v, w): v must be callable");
    callable_iterator *c = rt_alloc(sizeof *c, &callable_iterator_type);
    c->callable = args[0];
    c->sentinel = args[1];
    return rt_from_object(c);
}

rt_value rt_builtin_next(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                         rt_value kwnames)
{
    (void)self;
    if (!rt_check_args(vm, "next", nargs, kwnames, 1, 2))
        return RT_ERROR;
    if (rt_type_of(args[0])->next == NULL)
        return rt_raise_format(vm, &rt_type_error_type, "'%T' object is not an iterator",
                               args[0]);
    rt_value v = rt_iter_next(vm, args[0]);
    if (v == RT_ITER_DONE) {
        if (nargs == 2)
            return args[1];
        rt_value exc = rt_new_exception(vm, &rt_stop_iteration_type, rt_tuple_new(0));
        return exc == RT_ERROR ? RT_ERROR : rt_raise_value(vm, exc);
    }
    if (v == RT_ERROR && nargs == 2 && rt_pending_is(vm, &rt_stop_iteration_type)) {
        vm->pending = 0;
        return args[1];
    }
    return v;
}
