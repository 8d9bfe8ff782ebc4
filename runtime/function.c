/* Code objects, cells and functions as Python values: construction (MAKE_FUNCTION), their
 * reprs, and the attributes Python exposes (__name__, __defaults__, __closure__, __dict__,
 * cell_contents, co_varnames, ...) with CPython's errors for bad assignments. */
#include <string.h>

#include "builtins.h"
#include "call.h"
#include "dict.h"
#include "exception.h"
#include "function.h"
#include "list.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

static bool is(rt_value name, const char *s) { return strcmp(rt_str_data(name), s) == 0; }

/* ---- code objects ---- */

rt_value rt_code_new(rt_vm *vm, const char *name, const char *qualname, const char *filename)
{
    rt_code *c = rt_alloc(sizeof *c, &rt_code_type);
    c->name = rt_str_intern(vm, name);
    c->qualname = rt_str_from_cstr(qualname ? qualname : name);
    c->filename = rt_str_from_cstr(filename);
    c->varnames = rt_tuple_new(0);
    c->cellvars = rt_tuple_new(0);
    c->freevars = rt_tuple_new(0);
    c->names = rt_tuple_new(0);
    c->docstring = RT_NONE;
    c->flags = RT_CO_OPTIMIZED | RT_CO_NEWLOCALS;
    c->firstlineno = 1;
    return rt_from_object(c);
}

static rt_value code_repr(rt_vm *vm, rt_value self)
{
    rt_code *c = rt_as_code(self);
    return rt_str_printf(vm, "<code object %U at %p, file \"%U\", line %d>", c->name, (void *)c,
                         c->filename, (int)c->firstlineno);
}

static rt_value code_getattr(rt_vm *vm, rt_value self, rt_value name)
{
    (void)vm;
    rt_code *c = rt_as_code(self);
    if (is(name, "co_name"))
        return c->name;
    if (is(name, "co_qualname"))
        return c->qualname;
    if (is(name, "co_filename"))
        return c->filename;
    if (is(name, "co_varnames"))
        return c->varnames;
    if (is(name, "co_cellvars"))
        return c->cellvars;
    if (is(name, "co_freevars"))
        return c->freevars;
    if (is(name, "co_names"))
        return c->names ? c->names : rt_tuple_new(0);
    if (is(name, "co_argcount"))
        return rt_small_int(c->argcount);
    if (is(name, "co_posonlyargcount"))
        return rt_small_int(c->posonlyargcount);
    if (is(name, "co_kwonlyargcount"))
        return rt_small_int(c->kwonlyargcount);
    if (is(name, "co_nlocals"))
        return rt_small_int(rt_as_tuple(c->varnames)->size);
    if (is(name, "co_flags"))
        return rt_small_int(c->flags);
    if (is(name, "co_firstlineno"))
        return rt_small_int(c->firstlineno);
    return 0;
}

const rt_type rt_code_type = {
    .base = {&rt_type_type},
    .name = "code",
    .base_type = &rt_object_type,
    .repr = code_repr,
    .hash = rt_identity_hash,
    .getattr = code_getattr,
};

/* ---- cells ---- */

rt_value rt_cell_new(rt_value contents)
{
    rt_cell *cell = rt_alloc(sizeof *cell, &rt_cell_type);
    cell->contents = contents;
    return rt_from_object(cell);
}

/* Unboxed values have no address; their word is as stable and as unique as one. */
static void *address_of(rt_value v) { return (void *)(uintptr_t)v; }

static rt_value cell_repr(rt_vm *vm, rt_value self)
{
    rt_cell *cell = rt_as_cell(self);
    if (cell->contents == 0)
        return rt_str_printf(vm, "<cell at %p: empty>", (void *)cell);
    return rt_str_printf(vm, "<cell at %p: %s object at %p>", (void *)cell,
                         rt_type_of(cell->contents)->name, address_of(cell->contents));
}

static rt_value cell_getattr(rt_vm *vm, rt_value self, rt_value name)
{
    if (!is(name, "cell_contents"))
        return 0;
    rt_value v = rt_as_cell(self)->contents;
    return v ? v : rt_raise_msg(vm, &rt_value_error_type, "Cell is empty");
}

/* Deleting an empty cell's contents is allowed, as in CPython. A copy that __closure__ made of
 * a by-value item refuses: the closure would never see the change. */
static int cell_setattr(rt_vm *vm, rt_value self, rt_value name, rt_value value)
{
    if (!is(name, "cell_contents")) {
        rt_raise_attribute_error(vm, self, name);
        return -1;
    }
    rt_cell *cell = rt_as_cell(self);
    if (cell->copy_of) {
        rt_raise_format(vm, &rt_attribute_error_type,
                        "cell_contents of this cell cannot be changed: cellar captured '%U' by "
                        "value (it is never reassigned), so __closure__ shows a copy",
                        cell->copy_of);
        return -1;
    }
    cell->contents = value;
    return 0;
}

const rt_type rt_cell_type = {
    .base = {&rt_type_type},
    .name = "cell",
    .base_type = &rt_object_type,
    .repr = cell_repr,
    .hash = rt_identity_hash,
    .getattr = cell_getattr,
    .setattr = cell_setattr,
};

/* ---- functions ---- */

/* The function's rarely set attributes, allocated on first use. */
static rt_function_extra *extra_of(rt_function *f)
{
    if (f->extra == NULL)
        f->extra = rt_alloc_raw(sizeof *f->extra);
    return f->extra;
}

/* The first function of a code caches the module on the code, so that the functions after
 * it, whose module is nearly always the same, need no rt_function_extra for it. */
rt_value rt_function_init_module(rt_value function, rt_value module)
{
    rt_function *f = rt_as_function(function);
    if (f->code->module == 0)
        f->code->module = module;
    else if (module != f->code->module)
        extra_of(f)->module = module;
    return function;
}

/* The fields MAKE_FUNCTION sets; `f` is freshly allocated (zeroed). __name__, __qualname__
 * and __doc__ are the code's until set. */
static rt_value init_function(rt_function *f, rt_code *code, rt_value globals, rt_value closure,
                              rt_value defaults, rt_value kwdefaults, rt_value module)
{
    f->code = code;
    f->globals = globals;
    f->closure = closure ? closure : RT_NONE;
    f->defaults = defaults ? defaults : RT_NONE;
    if (kwdefaults != 0 && kwdefaults != RT_NONE)
        extra_of(f)->kwdefaults = kwdefaults;
    rt_value function = rt_from_object(f);
    module = module ? module : RT_NONE;
    return module == code->module ? function : rt_function_init_module(function, module);
}

rt_value rt_make_function(rt_vm *vm, rt_code *code, rt_value globals, rt_value closure,
                          rt_value defaults, rt_value kwdefaults)
{
    rt_function *f = rt_alloc(sizeof *f, &rt_function_type);
    rt_value module = globals ? rt_dict_get_str(globals, rt_str_intern(vm, "__name__")) : 0;
    return init_function(f, code, globals, closure, defaults, kwdefaults, module);
}

/* One allocation for both objects: the tuple, a complete object placed right after the
 * function, keeps the whole block alive on its own (the collector recognises interior
 * pointers), so it may outlive the function as CPython's would. */
rt_value rt_make_closure(rt_vm *vm, rt_code *code, rt_value globals, size_t ncells,
                         const rt_value *cells, rt_value defaults, rt_value kwdefaults,
                         rt_value module)
{
    (void)vm;
    size_t tuple_bytes = ncells ? sizeof(rt_tuple) + ncells * sizeof(rt_value) : 0;
    rt_function *f = rt_alloc(sizeof *f + tuple_bytes, &rt_function_type);
    rt_value closure = 0;
    if (ncells) {
        rt_tuple *t = (rt_tuple *)(void *)(f + 1);
        t->base.type = &rt_tuple_type;
        t->size = (int64_t)ncells;
        for (size_t i = 0; i < ncells; i++) /* a closure has few cells: no memcpy call */
            t->items[i] = cells[i];
        closure = rt_from_object(t);
    }
    return init_function(f, code, globals, closure, defaults, kwdefaults, module);
}

rt_value rt_function_set_annotations(rt_value function, rt_value annotations)
{
    extra_of(rt_as_function(function))->annotations = annotations;
    return function;
}

rt_value rt_function_dict(rt_function *f)
{
    rt_function_extra *x = extra_of(f);
    if (x->dict == 0)
        x->dict = rt_dict_new();
    return x->dict;
}

/* The __dict__ if there is one yet, else 0: reads need not create it. */
static rt_value dict_if_any(const rt_function *f) { return f->extra ? f->extra->dict : 0; }

static rt_value function_repr(rt_vm *vm, rt_value self)
{
    rt_function *f = rt_as_function(self);
    return rt_str_printf(vm, "<function %S at %p>", rt_function_qualname(f), (void *)f);
}

/* __closure__: the closure tuple itself, or for code that holds some variables by value a
 * tuple in which each such value is in a read-only cell of its own (rt_cell.copy_of), made on
 * the first read and kept: the closure cannot change after (__code__ keeps the layout). */
static rt_value closure_cells(rt_function *f)
{
    if (f->closure == RT_NONE || f->code->byvalue == 0)
        return f->closure;
    if (f->extra && f->extra->closure_cells)
        return f->extra->closure_cells;
    const rt_tuple *items = rt_as_tuple(f->closure);
    rt_value t = rt_tuple_new(items->size);
    for (int64_t i = 0; i < items->size; i++) {
        rt_value v = items->items[i];
        if (rt_code_byvalue(f->code, i)) {
            v = rt_cell_new(v);
            rt_as_cell(v)->copy_of = rt_as_tuple(f->code->freevars)->items[i];
        }
        rt_as_tuple(t)->items[i] = v;
    }
    extra_of(f)->closure_cells = t;
    return t;
}

/* The data descriptors of CPython's function type; they shadow __dict__. */
static rt_value function_special(rt_vm *vm, rt_function *f, rt_value name)
{
    if (is(name, "__name__"))
        return rt_function_name(f);
    if (is(name, "__qualname__"))
        return rt_function_qualname(f);
    if (is(name, "__doc__"))
        return rt_function_doc(f);
    if (is(name, "__module__"))
        return rt_function_module(f);
    if (is(name, "__defaults__"))
        return f->defaults;
    if (is(name, "__kwdefaults__"))
        return rt_function_kwdefaults(f);
    if (is(name, "__closure__"))
        return closure_cells(f);
    if (is(name, "__code__"))
        return rt_from_object(f->code);
    if (is(name, "__globals__"))
        return f->globals;
    if (is(name, "__dict__"))
        return rt_function_dict(f);
    if (is(name, "__builtins__"))
        return vm->builtins;
    return 0;
}

static rt_value function_getattr(rt_vm *vm, rt_value self, rt_value name)
{
    rt_function *f = rt_as_function(self);
    rt_value v = function_special(vm, f, name);
    if (v != 0)
        return v;
    if (is(name, "__annotations__")) {
        rt_function_extra *x = extra_of(f);
        if (x->annotations == 0)
            x->annotations = rt_dict_new(); /* created on first access and then kept */
        return x->annotations;
    }
    rt_value dict = dict_if_any(f);
    v = dict ? rt_dict_get_str(dict, name) : 0;
    if (v != 0)
        return v;
    if (is(name, "__class__"))
        return rt_type_value(&rt_function_type);
    return 0; /* not found: rt_getattr goes on to the slot dunders (__call__, __eq__, ...) */
}

static int type_error(rt_vm *vm, const char *message)
{
    rt_raise_msg(vm, &rt_type_error_type, message);
    return -1;
}

/* A function keeps the names, docstring and module it was made with when its __code__ is
 * replaced (CPython copies them at MAKE_FUNCTION), so the ones it read from its old code
 * become its own. */
static void keep_code_attributes(rt_function *f)
{
    rt_function_extra *x = extra_of(f);
    x->name = rt_function_name(f);
    x->qualname = rt_function_qualname(f);
    x->doc = rt_function_doc(f);
    x->module = rt_function_module(f);
}

/* Assignment to one of the descriptors; 1 when `name` is not one of them. */
static int function_set_special(rt_vm *vm, rt_function *f, rt_value name, rt_value value)
{
    bool none_or_del = value == 0 || value == RT_NONE;
    if (is(name, "__name__") || is(name, "__qualname__")) {
        if (value == 0 || !rt_is_type(value, &rt_str_type))
            return type_error(vm, is(name, "__name__")
                                      ? "__name__ must be set to a string object"
                                      : "__qualname__ must be set to a string object");
        rt_function_extra *x = extra_of(f);
        *(is(name, "__name__") ? &x->name : &x->qualname) = value;
        return 0;
    }
    if (is(name, "__doc__") || is(name, "__module__")) {
        rt_function_extra *x = extra_of(f);
        *(is(name, "__doc__") ? &x->doc : &x->module) = value ? value : RT_NONE;
        return 0;
    }
    if (is(name, "__defaults__")) {
        if (!none_or_del && !rt_is_type(value, &rt_tuple_type))
            return type_error(vm, "__defaults__ must be set to a tuple object");
        f->defaults = none_or_del ? RT_NONE : value;
        return 0;
    }
    if (is(name, "__kwdefaults__")) {
        if (!none_or_del && !rt_is_type(value, &rt_dict_type))
            return type_error(vm, "__kwdefaults__ must be set to a dict object");
        if (!none_or_del || f->extra != NULL)
            extra_of(f)->kwdefaults = none_or_del ? 0 : value;
        return 0;
    }
    if (is(name, "__dict__")) {
        if (value == 0)
            return type_error(vm, "cannot delete __dict__");
        if (!rt_is_type(value, &rt_dict_type)) {
            rt_raise_format(vm, &rt_type_error_type,
                            "__dict__ must be set to a dictionary, not a '%T'", value);
            return -1;
        }
        extra_of(f)->dict = value;
        return 0;
    }
    if (is(name, "__annotations__")) {
        if (value != 0 && value != RT_NONE && !rt_is_type(value, &rt_dict_type))
            return type_error(vm, "__annotations__ must be set to a dict object");
        if (value != 0 && value != RT_NONE)
            extra_of(f)->annotations = value;
        else if (f->extra != NULL)
            f->extra->annotations = 0;
        return 0;
    }
    if (is(name, "__code__")) {
        if (value == 0 || !rt_is_type(value, &rt_code_type))
            return type_error(vm, "__code__ must be set to a code object");
        int64_t nfree = rt_as_tuple(rt_as_code(value)->freevars)->size;
        int64_t nclosure = f->closure == RT_NONE ? 0 : rt_as_tuple(f->closure)->size;
        if (nfree != nclosure) {
            rt_raise_format(vm, &rt_value_error_type,
                            "%U() requires a code object with %lld free vars, not %lld",
                            rt_function_name(f), (long long)nclosure, (long long)nfree);
            return -1;
        }
        if (rt_as_code(value)->byvalue != f->code->byvalue) {
            rt_raise_format(vm, &rt_value_error_type,
                            "%U() holds its free variables differently (by value or in cells) "
                            "from the new code object; cellar cannot switch them",
                            rt_function_name(f));
            return -1;
        }
        keep_code_attributes(f);
        f->code = rt_as_code(value);
        return 0;
    }
    if (is(name, "__closure__") || is(name, "__globals__") || is(name, "__builtins__")) {
        rt_raise_msg(vm, &rt_attribute_error_type, "readonly attribute");
        return -1;
    }
    return 1;
}

static int function_setattr(rt_vm *vm, rt_value self, rt_value name, rt_value value)
{
    rt_function *f = rt_as_function(self);
    int r = function_set_special(vm, f, name, value);
    if (r <= 0)
        return r;
    rt_value d = rt_function_dict(f);
    if (value != 0)
        return rt_dict_set(vm, d, name, value);
    r = rt_dict_delete(vm, d, name);
    if (r == 0)
        rt_raise_attribute_error(vm, self, name);
    return r > 0 ? 0 : -1;
}

static rt_value function_call(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                              rt_value kwnames)
{
    return rt_call_function(vm, self, nargs, args, kwnames);
}

const rt_type rt_function_type = {
    .base = {&rt_type_type},
    .name = "function",
    .base_type = &rt_object_type,
    .repr = function_repr,
    .hash = rt_identity_hash,
    .call = function_call,
    .getattr = function_getattr,
    .setattr = function_setattr,
};

/* What dir() shows for any function, before the names in its __dict__. */
static const char *const function_attributes[] = {"__annotations__",  "__builtins__",
                                                  "__call__",         "__class__",
                                                  "__closure__",      "__code__",
                                                  "__defaults__",     "__delattr__",
                                                  "__dict__",         "__dir__",
                                                  "__doc__",          "__eq__",
                                                  "__format__",       "__ge__",
                                                  "__get__",          "__getattribute__",
                                                  "__getstate__",     "__globals__",
                                                  "__gt__",           "__hash__",
                                                  "__init__",         "__init_subclass__",
                                                  "__kwdefaults__",   "__le__",
                                                  "__lt__",           "__module__",
                                                  "__name__",         "__ne__",
                                                  "__new__",          "__qualname__",
                                                  "__reduce__",       "__reduce_ex__",
                                                  "__repr__",         "__setattr__",
                                                  "__sizeof__",       "__str__",
                                                  "__subclasshook__", NULL};

rt_value rt_function_dir(rt_vm *vm, rt_value function)
{
    rt_value names = rt_list_new(0);
    rt_value seen = rt_dict_new();
    for (const char *const *p = function_attributes; *p != NULL; p++) {
        rt_value s = rt_str_from_cstr(*p);
        if (rt_list_append(vm, names, s) < 0 || rt_dict_set(vm, seen, s, RT_TRUE) < 0)
            return 0;
    }
    rt_function *f = rt_as_function(function);
    rt_value key, value;
    int64_t pos = 0;
    rt_value dict = dict_if_any(f);
    while (dict && rt_dict_next(dict, &pos, &key, &value))
        if (rt_is_type(key, &rt_str_type) && rt_dict_get_str(seen, key) == 0 &&
            rt_list_append(vm, names, key) < 0)
            return 0;
    rt_sort_names(names);
    return names;
}
