/* Script -> host: C functions as Python callables. A host function is a builtin object whose C
 * function is one trampoline; its data points at a GC record holding the host's function, its
 * data pointer and the value bound to it. The trampoline turns the arguments into borrowed
 * handles, calls the host, and turns the status it returns back into a value or a raised
 * exception, so an error crosses the boundary in either direction as a Python exception. */
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "builtins.h"
#include "dict.h"
#include "exception.h"
#include "str.h"
#include "tuple.h"

/* Positional arguments of most calls get their handles on the stack. */
enum { SMALL_ARGS = 8 };

/* What a host function object carries (GC memory, reachable from the builtin's data). */
typedef struct host_record {
    cellar_host_fn fn;
    void *data;
    rt_value bound; /* 0: none */
} host_record;

/* The keyword arguments of a call as a dict, for call->kwargs. */
static rt_value kwargs_dict(rt_vm *rt, const rt_value *values, rt_value kwnames)
{
    rt_value d = rt_dict_new();
    rt_tuple *names = rt_as_tuple(kwnames);
    for (int64_t i = 0; i < names->size; i++)
        rt_dict_set(rt, d, names->items[i], values[i]);
    return d;
}

/* The failure a host function reported, as the exception to raise in the script. */
static rt_value host_failure(cellar_vm *vm, const char *name)
{
    if (vm->in_flight)
        return vm->in_flight;
    rt_raise_format(vm->rt, &rt_system_error_type,
                    "%s() returned a failure status without raising an exception", name);
    rt_value exc = vm->rt->pending;
    vm->rt->pending = 0;
    return exc;
}

/* The value a successful host function returned: its result handle's, or None. */
static rt_value host_result(cellar_vm *vm, cellar_value result, const char *name)
{
    rt_value r = 0;
    if (api_lookup(vm, result, &r))
        return r;
    if (result.id == 0)
        return RT_NONE;
    return rt_raise_format(vm->rt, &rt_system_error_type,
                           "%s() returned a handle that is not live", name);
}

/* Calls the host function with borrowed handles, reads what it returned, then releases
 * every handle the call made (the result may be one of the arguments). */
static rt_value call_host(cellar_vm *vm, const rt_builtin *b, cellar_host_call *call,
                          cellar_value *handles, cellar_value kwargs)
{
    const host_record *rec = b->data;
    cellar_value bound = {0}, result = {0};
    if (rec->bound) {
        bound = api_handle(vm, rec->bound);
        call->bound = &bound;
    }
    cellar_status status = rec->fn(vm, call, &result);
    rt_value r = status == CELLAR_OK ? host_result(vm, result, b->name)
                                     : rt_restore(vm->rt, host_failure(vm, b->name));
    for (size_t i = 0; i < call->nargs; i++)
        cellar_release(vm, handles[i]);
    cellar_release(vm, kwargs);
    cellar_release(vm, bound);
    cellar_release(vm, result);
    return r;
}

static rt_value trampoline(rt_vm *rt, rt_value self, size_t nargs, const rt_value *args,
                           rt_value kwnames)
{
    cellar_vm *vm = rt->host;
    const rt_builtin *b = (const rt_builtin *)rt_as_object(self);
    cellar_value small[SMALL_ARGS];
    cellar_value *handles = nargs <= SMALL_ARGS ? small : malloc(nargs * sizeof *handles);
    if (!handles)
        return rt_raise_msg(rt, &rt_memory_error_type, "");
    for (size_t i = 0; i < nargs; i++)
        handles[i] = api_handle(vm, args[i]);
    cellar_value kwargs = {0};
    if (kwnames && rt_as_tuple(kwnames)->size > 0)
        kwargs = api_handle(vm, kwargs_dict(rt, args + nargs, kwnames));
    const host_record *rec = b->data;
    cellar_host_call call = {rec->data, NULL, nargs, handles, kwargs.id ? &kwargs : NULL};
    rt_value saved = vm->in_flight;
    vm->in_flight = 0;
    rt_value r = call_host(vm, b, &call, handles, kwargs);
    vm->in_flight = saved;
    if (handles != small)
        free(handles);
    return r;
}

/* A GC copy of `name`, referenced from the builtin (which the collector scans). */
static const char *gc_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *copy = rt_alloc_raw_atomic(n);
    memcpy(copy, s, n);
    return copy;
}

/* A host function object, or 0 after reporting the misuse. */
static rt_value new_function(cellar_vm *vm, const char *name, cellar_host_fn fn, void *data,
                             rt_value bound, const char *who)
{
    if (!name || !fn || !api_utf8_valid(name, strlen(name))) {
        api_misuse(vm, "%s: the name (UTF-8) and the function must not be NULL", who);
        return 0;
    }
    host_record *rec = rt_alloc_raw(sizeof *rec);
    *rec = (host_record){fn, data, bound};
    return rt_builtin_new(gc_strdup(name), trampoline, 0, rec);
}

cellar_status cellar_new_function(cellar_vm *vm, const char *name, cellar_host_fn fn, void *data,
                                  const cellar_value *bound, cellar_value *out)
{
    api_begin(vm);
    rt_value b = 0;
    if (bound) {
        cellar_status s = api_get(vm, *bound, "cellar_new_function: the bound value", &b);
        if (s != CELLAR_OK)
            return s;
    }
    if (!out)
        return api_misuse(vm, "cellar_new_function: the result pointer is NULL");
    rt_value f = new_function(vm, name, fn, data, b, "cellar_new_function");
    return f ? api_out(vm, f, out) : CELLAR_API_ERROR;
}

cellar_status cellar_register_function(cellar_vm *vm, const char *name, cellar_host_fn fn,
                                       void *data)
{
    api_begin(vm);
    rt_value f = new_function(vm, name, fn, data, 0, "cellar_register_function");
    if (!f)
        return CELLAR_API_ERROR;
    rt_dict_set(vm->rt, vm->rt->builtins, rt_str_intern(vm->rt, name), f);
    return CELLAR_OK;
}

cellar_status cellar_remove_builtin(cellar_vm *vm, const char *name)
{
    api_begin(vm);
    if (!name || !api_utf8_valid(name, strlen(name)))
        return api_misuse(vm, "cellar_remove_builtin: the name is NULL or not UTF-8");
    rt_vm *rt = vm->rt;
    rt_value key = rt_str_intern(rt, name);
    if (rt_dict_delete(rt, rt->builtins, key) > 0)
        return CELLAR_OK;
    rt_raise_format(rt, &rt_name_error_type, "name '%s' is not defined", name);
    return api_fail(vm, CELLAR_RUNTIME_ERROR);
}

/* The builtin exception type called `name`, or NULL. */
static const rt_type *exception_type(const char *name)
{
    for (const rt_type *const *t = rt_exception_types; *t; t++)
        if (strcmp((*t)->name, name) == 0)
            return *t;
    return NULL;
}

cellar_status cellar_raise(cellar_vm *vm, const char *type, const char *message)
{
    const rt_type *t = type ? exception_type(type) : NULL;
    if (!t)
        return api_misuse(vm, "cellar_raise: unknown exception type '%s'", type ? type : "NULL");
    if (!message)
        message = "";
    if (!api_utf8_valid(message, strlen(message)))
        return api_misuse(vm, "cellar_raise: the message is not UTF-8");
    rt_raise_msg(vm->rt, t, message);
    return api_fail(vm, CELLAR_RUNTIME_ERROR);
}
