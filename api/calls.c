/* Host -> script: reading and binding __main__'s globals, and calling any callable with
 * positional and keyword arguments through the runtime's one generic call path. */
#include <string.h>

#include "api.h"
#include "call.h"
#include "dict.h"
#include "exception.h"
#include "ops.h"
#include "str.h"
#include "tuple.h"

/* Arguments of most calls fit on the stack; longer lists go to GC memory, which the
 * collector scans like the stack. */
enum { SMALL_ARGS = 8 };

/* An interned str for a global's name, or 0 after reporting a bad name. */
static rt_value global_name(cellar_vm *vm, const char *name, const char *who)
{
    if (!name || !api_utf8_valid(name, strlen(name))) {
        api_misuse(vm, "%s: the name is NULL or not UTF-8", who);
        return 0;
    }
    return rt_str_intern(vm->rt, name);
}

cellar_status cellar_get_global(cellar_vm *vm, const char *name, cellar_value *out)
{
    api_begin(vm);
    if (!out)
        return api_misuse(vm, "cellar_get_global: the result pointer is NULL");
    rt_value key = global_name(vm, name, "cellar_get_global");
    if (!key)
        return CELLAR_API_ERROR;
    rt_value v = rt_load_global(vm->rt, vm->rt->globals, key);
    return v ? api_out(vm, v, out) : api_fail(vm, CELLAR_RUNTIME_ERROR);
}

cellar_status cellar_set_global(cellar_vm *vm, const char *name, cellar_value value)
{
    api_begin(vm);
    rt_value key = global_name(vm, name, "cellar_set_global"), v = 0;
    if (!key)
        return CELLAR_API_ERROR;
    cellar_status s = api_get(vm, value, "cellar_set_global: the value", &v);
    if (s != CELLAR_OK)
        return s;
    return rt_dict_set(vm->rt, vm->rt->globals, key, v) < 0 ? api_fail(vm, CELLAR_RUNTIME_ERROR)
                                                            : CELLAR_OK;
}

/* Runs the call itself: rt_call for positional arguments, rt_call_ex with a kwargs dict. */
static rt_value run_call(cellar_vm *vm, rt_value f, size_t nargs, const rt_value *argv,
                         rt_value kwargs)
{
    rt_vm *rt = vm->rt;
    api_enter(vm);
    rt_value r = kwargs ? rt_call_ex(rt, f, rt_tuple_from_array(rt, nargs, argv), kwargs)
                        : rt_call(rt, f, nargs, argv, 0);
    api_leave(vm);
    return r;
}

cellar_status cellar_call(cellar_vm *vm, cellar_value callee, size_t nargs,
                          const cellar_value *args, const cellar_value *kwargs, cellar_value *out)
{
    api_begin(vm);
    if (!out)
        return api_misuse(vm, "cellar_call: the result pointer is NULL");
    rt_value f = 0, kw = 0;
    cellar_status s = api_get(vm, callee, "cellar_call: the callee", &f);
    if (s == CELLAR_OK && kwargs)
        s = api_get(vm, *kwargs, "cellar_call: the keyword arguments", &kw);
    if (s != CELLAR_OK)
        return s;
    rt_value small[SMALL_ARGS];
    rt_value *argv = nargs <= SMALL_ARGS ? small : rt_alloc_raw(nargs * sizeof *argv);
    s = api_get_array(vm, nargs, args, argv);
    if (s != CELLAR_OK)
        return s;
    rt_value r = run_call(vm, f, nargs, argv, kw);
    if (!r)
        return api_fail(vm, CELLAR_RUNTIME_ERROR);
    *out = api_handle(vm, r);
    return CELLAR_OK;
}
