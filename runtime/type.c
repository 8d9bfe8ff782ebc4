/* `type` and `object`: the type of every value (immediates and small ints included), subtype
 * tests, and type objects as Python values — their repr, attributes and calling a type. */
#include <string.h>

#include "builtins.h"
#include "call.h"
#include "exception.h"
#include "ops.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

const rt_type *rt_type_of(rt_value v)
{
    if (rt_is_small_int(v))
        return &rt_int_type;
    switch (v) {
    case RT_NONE: return &rt_none_type;
    case RT_TRUE:
    case RT_FALSE: return &rt_bool_type;
    case RT_NOT_IMPLEMENTED: return &rt_not_implemented_type;
    case RT_ELLIPSIS: return &rt_ellipsis_type;
    default: break;
    }
    if (!rt_is_object(v))
        return &rt_object_type; /* RT_ERROR / RT_ITER_DONE leaked as a value: a runtime bug */
    return rt_as_object(v)->type;
}

bool rt_type_is_subtype(const rt_type *t, const rt_type *base)
{
    if (base == &rt_object_type)
        return true;
    for (; t != NULL; t = t->base_type)
        if (t == base)
            return true;
    return false;
}

/* A static type's name may carry its module, as CPython's tp_name does: "functools.partial". */
const char *rt_type_short_name(const rt_type *t)
{
    const char *dot = strrchr(t->name, '.');
    return dot ? dot + 1 : t->name;
}

static rt_value module_name(const rt_type *t)
{
    const char *dot = strrchr(t->name, '.');
    if (dot == NULL)
        return rt_str_from_cstr("builtins");
    return rt_str_new(t->name, (size_t)(dot - t->name));
}

static const rt_type *as_type(rt_value v) { return (const rt_type *)rt_as_object(v); }

/* CPython's docstring of the type: its tp_name is "functools.partial" or plain "int". */
rt_value rt_type_doc(const rt_type *t)
{
    const char *doc = strchr(t->name, '.') ? rt_doc(t->name) : rt_builtin_doc(t->name);
    return doc ? rt_str_from_cstr(doc) : RT_NONE;
}

static rt_value type_repr(rt_vm *vm, rt_value self)
{
    return rt_str_printf(vm, "<class '%s'>", as_type(self)->name);
}

bool rt_identity_hash(rt_vm *vm, rt_value self, int64_t *out)
{
    (void)vm;
    /* CPython hashes objects by address rotated right by 4 (the alignment bits). */
    uint64_t a = self;
    *out = (int64_t)((a >> 4) | (a << 60));
    if (*out == -1)
        *out = -2;
    return true;
}

static rt_value bases_tuple(const rt_type *t)
{
    if (t->base_type == NULL)
        return rt_tuple_new(0);
    return rt_tuple_pack(1, rt_type_value(t->base_type));
}

static rt_value mro_tuple(const rt_type *t)
{
    /* Every chain ends at object, even a type whose base_type was left NULL. */
    int64_t n = 0;
    const rt_type *last = t;
    for (const rt_type *b = t; b != NULL; b = b->base_type)
        n++, last = b;
    bool add_object = last != &rt_object_type;
    rt_value tuple = rt_tuple_new(n + add_object);
    int64_t i = 0;
    for (const rt_type *b = t; b != NULL; b = b->base_type)
        rt_as_tuple(tuple)->items[i++] = rt_type_value(b);
    if (add_object)
        rt_as_tuple(tuple)->items[i] = rt_type_value(&rt_object_type);
    return tuple;
}

/* Looks `name` up in the method tables of t and its bases. */
const rt_method *rt_type_find_method(const rt_type *t, const char *name)
{
    for (; t != NULL; t = t->base_type)
        for (const rt_method *m = t->methods; m != NULL && m->name != NULL; m++)
            if (strcmp(m->name, name) == 0)
                return m;
    return NULL;
}

bool rt_method_is_static(const rt_method *m)
{
    return m->doc != NULL &&
           (strncmp(m->doc, "@staticmethod", 13) == 0 || strncmp(m->doc, "@classmethod", 12) == 0);
}

static rt_value type_getattr(rt_vm *vm, rt_value self, rt_value name)
{
    const rt_type *t = as_type(self);
    const char *s = rt_str_data(name);
    if (strcmp(s, "__name__") == 0 || strcmp(s, "__qualname__") == 0)
        return rt_str_from_cstr(rt_type_short_name(t));
    if (strcmp(s, "__module__") == 0)
        return module_name(t);
    if (strcmp(s, "__doc__") == 0)
        return rt_type_doc(t);
    if (strcmp(s, "__base__") == 0)
        return t->base_type ? rt_type_value(t->base_type) : RT_NONE;
    if (strcmp(s, "__bases__") == 0)
        return bases_tuple(t);
    if (strcmp(s, "__mro__") == 0)
        return mro_tuple(t);
    const rt_method *m = rt_type_find_method(t, s);
    if (m != NULL && rt_method_is_static(m))
        return rt_builtin_new(m->name, m->fn, self, NULL); /* self: the type itself */
    if (m != NULL)
        return rt_method_descriptor_new(m, t);
    return rt_slot_descriptor(vm, t, name);
}

static rt_value type_call(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                          rt_value kwnames)
{
    const rt_type *t = as_type(self);
    if (t->construct == NULL)
        return rt_raise_format(vm, &rt_type_error_type, "cannot create '%s' instances", t->name);
    return t->construct(vm, t, nargs, args, kwnames);
}

/* type(x) is x's type; type(name, bases, dict) would create a class, which cellar lacks. */
static rt_value type_construct(rt_vm *vm, const rt_type *type, size_t nargs, const rt_value *args,
                               rt_value kwnames)
{
    (void)type;
    size_t nkw = kwnames ? (size_t)rt_as_tuple(kwnames)->size : 0;
    if (nargs == 1 && nkw == 0)
        return rt_type_value(rt_type_of(args[0]));
    if (nargs + nkw == 3)
        return rt_raise_msg(vm, &rt_not_implemented_error_type,
                            "type() with 3 arguments (class creation) is not supported");
    return rt_raise_msg(vm, &rt_type_error_type, "type() takes 1 or 3 arguments");
}

const rt_type rt_type_type = {
    .base = {&rt_type_type},
    .name = "type",
    .base_type = &rt_object_type,
    .repr = type_repr,
    .hash = rt_identity_hash,
    .binary = rt_union_or, /* int | None */
    .call = type_call,
    .getattr = type_getattr,
    .construct = type_construct,
};

static rt_value object_repr(rt_vm *vm, rt_value self)
{
    const rt_type *t = rt_type_of(self);
    return rt_str_printf(vm, "<%s object at %p>", t->name, rt_as_object(self));
}

static rt_value object_construct(rt_vm *vm, const rt_type *type, size_t nargs, const rt_value *args,
                                 rt_value kwnames)
{
    (void)args;
    if (nargs > 0 || (kwnames && rt_as_tuple(kwnames)->size > 0))
        return rt_raise_msg(vm, &rt_type_error_type, "object() takes no arguments");
    return rt_from_object(rt_alloc(sizeof(rt_object), type));
}

const rt_type rt_object_type = {
    .base = {&rt_type_type},
    .name = "object",
    .base_type = NULL,
    .repr = object_repr,
    .hash = rt_identity_hash,
    .construct = object_construct,
};
