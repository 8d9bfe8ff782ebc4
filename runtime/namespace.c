/* Global names: LOAD_GLOBAL / STORE_GLOBAL / DELETE_GLOBAL, and SETUP_ANNOTATIONS. A global
 * is looked up in the function's globals dict, then in the builtins; missing names raise
 * CPython's NameError, whose "Did you mean" hint the traceback printer adds. */
#include "dict.h"
#include "exception.h"
#include "ops.h"
#include "str.h"
#include "vm.h"

rt_value rt_load_global(rt_vm *vm, rt_value globals, rt_value name)
{
    rt_value v = rt_dict_get_str(globals, name);
    if (v != 0)
        return v;
    v = rt_dict_get_str(vm->builtins, name);
    if (v != 0)
        return v;
    return rt_raise_name_error(vm, name, globals);
}

int rt_store_global(rt_vm *vm, rt_value globals, rt_value name, rt_value value)
{
    return rt_dict_set(vm, globals, name, value);
}

/* CPython's SETUP_ANNOTATIONS: a module with annotations gets an __annotations__ dict unless
 * it has one (__main__ starts with one). */
int rt_setup_annotations(rt_vm *vm, rt_value globals)
{
    rt_value name = rt_str_intern(vm, "__annotations__");
    if (rt_dict_get_str(globals, name) != 0)
        return 0;
    return rt_dict_set(vm, globals, name, rt_dict_new());
}

int rt_delete_global(rt_vm *vm, rt_value globals, rt_value name)
{
    int r = rt_dict_delete(vm, globals, name);
    if (r == 0)
        rt_raise_name_error(vm, name, globals);
    return r > 0 ? 0 : -1;
}
