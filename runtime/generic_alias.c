/* types.GenericAlias (PEP 585): list[int], dict[str, list[int]], what subscripting a builtin
 * container type gives, so that annotations written with them evaluate. It records the origin
 * and the arguments, prints as the subscript reads, calls the origin, and lends the origin's
 * other attributes (list[int].__name__ is 'list'). */
#include "call.h"
#include "exception.h"
#include "iter.h"
#include "ops.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

typedef struct generic_alias {
    rt_object base;
    rt_value origin; /* a type */
    rt_value args;   /* tuple */
} generic_alias;

static generic_alias *as_alias(rt_value v) { return (generic_alias *)rt_as_object(v); }

/* The builtin types with __class_getitem__ in CPython 3.11, and type (the exception groups,
 * which cellar has by name only, are left out). */
bool rt_type_is_generic(const rt_type *t)
{
    static const rt_type *const generic[] = {
        &rt_list_type,      &rt_dict_type, &rt_tuple_type, &rt_set_type,
        &rt_frozenset_type, &rt_type_type, &rt_enumerate_type,
    };
    for (size_t i = 0; i < sizeof generic / sizeof generic[0]; i++)
        if (t == generic[i])
            return true;
    return false;
}

rt_value rt_generic_alias_new(rt_vm *vm, rt_value origin, rt_value key)
{
    (void)vm;
    generic_alias *a = rt_alloc(sizeof *a, &rt_generic_alias_type);
    a->origin = origin;
    a->args = rt_is_type(key, &rt_tuple_type) ? key : rt_tuple_pack(1, key);
    return rt_from_object(a);
}

/* ga_repr_item: ... for Ellipsis, a class as its qualified name (builtins bare), an alias or
 * anything else as its repr. */
static rt_value item_text(rt_vm *vm, rt_value item)
{
    if (item == RT_ELLIPSIS)
        return rt_str_from_cstr("...");
    if (rt_is_type(item, &rt_generic_alias_type))
        return rt_repr(vm, item);
    rt_value qualname = rt_getattr_optional(vm, item, rt_str_intern(vm, "__qualname__"));
    rt_value module = qualname ? rt_getattr_optional(vm, item, rt_str_intern(vm, "__module__")) : 0;
    if (vm->pending)
        return RT_ERROR;
    if (!qualname || !module || module == RT_NONE)
        return rt_repr(vm, item);
    if (rt_is_type(module, &rt_str_type) && rt_str_equal_cstr(module, "builtins"))
        return rt_str(vm, qualname);
    return rt_str_printf(vm, "%S.%S", module, qualname);
}

static rt_value alias_repr(rt_vm *vm, rt_value self)
{
    generic_alias *a = as_alias(self);
    rt_value text = item_text(vm, a->origin);
    rt_tuple *args = rt_as_tuple(a->args);
    if (!text)
        return RT_ERROR;
    rt_strbuf b;
    rt_strbuf_init(&b);
    rt_strbuf_append(&b, rt_str_data(text), (size_t)rt_str_size(text));
    rt_strbuf_append_cstr(&b, args->size == 0 ? "[()" : "[");
    for (int64_t i = 0; i < args->size; i++) {
        rt_value item = item_text(vm, args->items[i]);
        if (!item)
            return RT_ERROR;
        if (i > 0)
            rt_strbuf_append_cstr(&b, ", ");
        rt_strbuf_append(&b, rt_str_data(item), (size_t)rt_str_size(item));
    }
    rt_strbuf_append_char(&b, ']');
    return rt_strbuf_finish(&b);
}

static rt_value alias_compare(rt_vm *vm, rt_value self, rt_value other, rt_compare_op op)
{
    if (!rt_is_type(other, &rt_generic_alias_type) || (op != RT_EQ && op != RT_NE))
        return RT_NOT_IMPLEMENTED;
    generic_alias *a = as_alias(self), *b = as_alias(other);
    int same = a->origin == b->origin ? rt_equal(vm, a->args, b->args) : 0;
    if (same < 0)
        return RT_ERROR;
    return rt_bool(same == (op == RT_EQ));
}

/* hash(origin) ^ hash(args), as ga_hash. */
static bool alias_hash(rt_vm *vm, rt_value self, int64_t *out)
{
    int64_t h0, h1;
    if (!rt_hash(vm, as_alias(self)->origin, &h0) || !rt_hash(vm, as_alias(self)->args, &h1))
        return false;
    *out = h0 ^ h1;
    if (*out == -1)
        *out = -2;
    return true;
}

/* list[int]() is list(). */
static rt_value alias_call(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                           rt_value kwnames)
{
    return rt_call(vm, as_alias(self)->origin, nargs, args, kwnames);
}

/* Its own __origin__, __args__, __parameters__ and __class__; the origin's for the rest. */
static rt_value alias_getattr(rt_vm *vm, rt_value self, rt_value name)
{
    generic_alias *a = as_alias(self);
    if (rt_str_equal_cstr(name, "__origin__"))
        return a->origin;
    if (rt_str_equal_cstr(name, "__args__"))
        return a->args;
    if (rt_str_equal_cstr(name, "__parameters__"))
        return rt_tuple_new(0);
    if (rt_str_equal_cstr(name, "__class__"))
        return rt_type_value(&rt_generic_alias_type);
    return rt_getattr(vm, a->origin, name);
}

const rt_type rt_generic_alias_type = {
    .base = {&rt_type_type},
    .name = "types.GenericAlias",
    .base_type = &rt_object_type,
    .repr = alias_repr,
    .hash = alias_hash,
    .compare = alias_compare,
    .call = alias_call,
    .getattr = alias_getattr,
};
