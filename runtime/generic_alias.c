/* The two objects that annotations written with builtin types evaluate to: types.GenericAlias
 * (PEP 585), what subscripting a builtin container type gives (list[int]), and types.UnionType
 * (PEP 604), what `|` between types gives (int | None). A generic alias records the origin and
 * the arguments, prints as the subscript reads, calls the origin, and lends the origin's other
 * attributes (list[int].__name__ is 'list'); a union holds its distinct members. */
#include "call.h"
#include "exception.h"
#include "iter.h"
#include "list.h"
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

/* ---- types.UnionType ---- */

typedef struct union_type {
    rt_object base;
    rt_value args; /* tuple of the distinct members, NoneType for None */
} union_type;

static union_type *as_union(rt_value v) { return (union_type *)rt_as_object(v); }

/* is_unionable: None, a type, a generic alias or a union. */
static bool unionable(rt_value v)
{
    return v == RT_NONE || rt_is_type(v, &rt_type_type) || rt_is_type(v, &rt_generic_alias_type) ||
           rt_is_type(v, &rt_union_type);
}

/* Appends v's members to `members` unless already there: a type by identity, a generic alias
 * by equality (dedup_and_flatten_args). */
static int add_members(rt_vm *vm, rt_value members, rt_value v)
{
    if (rt_is_type(v, &rt_union_type)) {
        rt_tuple *args = rt_as_tuple(as_union(v)->args);
        for (int64_t i = 0; i < args->size; i++)
            if (add_members(vm, members, args->items[i]) < 0)
                return -1;
        return 0;
    }
    if (v == RT_NONE)
        v = rt_type_value(&rt_none_type);
    for (int64_t i = 0; i < rt_as_list(members)->size; i++) {
        rt_value m = rt_as_list(members)->items[i];
        bool both_aliases = rt_is_type(m, &rt_generic_alias_type) &&
                            rt_is_type(v, &rt_generic_alias_type);
        int same = both_aliases ? rt_equal(vm, m, v) : m == v;
        if (same != 0)
            return same;
    }
    return rt_list_append(vm, members, v);
}

/* a | b for types, aliases, unions and None (_Py_union_type_or); int | int is int. */
rt_value rt_union_or(rt_vm *vm, int op, rt_value a, rt_value b)
{
    if ((op & ~RT_INPLACE) != RT_OR || !unionable(a) || !unionable(b))
        return RT_NOT_IMPLEMENTED;
    rt_value members = rt_list_new(0);
    if (add_members(vm, members, a) < 0 || add_members(vm, members, b) < 0)
        return RT_ERROR;
    if (rt_as_list(members)->size == 1)
        return rt_as_list(members)->items[0];
    union_type *u = rt_alloc(sizeof *u, &rt_union_type);
    u->args = rt_list_to_tuple(vm, members);
    return rt_from_object(u);
}

static rt_value union_repr(rt_vm *vm, rt_value self)
{
    rt_tuple *args = rt_as_tuple(as_union(self)->args);
    rt_strbuf b;
    rt_strbuf_init(&b);
    for (int64_t i = 0; i < args->size; i++) {
        rt_value m = args->items[i];
        rt_value text = m == rt_type_value(&rt_none_type) ? rt_str_from_cstr("None")
                                                          : item_text(vm, m);
        if (!text)
            return RT_ERROR;
        if (i > 0)
            rt_strbuf_append_cstr(&b, " | ");
        rt_strbuf_append(&b, rt_str_data(text), (size_t)rt_str_size(text));
    }
    return rt_strbuf_finish(&b);
}

/* frozenset(u.__args__): what unions compare and hash by. */
static rt_value member_set(rt_vm *vm, rt_value u)
{
    return rt_frozenset_type.construct(vm, &rt_frozenset_type, 1, &as_union(u)->args, 0);
}

/* Unions are equal when they have the same members in any order. */
static rt_value union_compare(rt_vm *vm, rt_value self, rt_value other, rt_compare_op op)
{
    if (!rt_is_type(other, &rt_union_type) || (op != RT_EQ && op != RT_NE))
        return RT_NOT_IMPLEMENTED;
    rt_value a = member_set(vm, self);
    rt_value b = a ? member_set(vm, other) : 0;
    return b ? rt_compare(vm, op, a, b) : RT_ERROR;
}

static bool union_hash(rt_vm *vm, rt_value self, int64_t *out)
{
    rt_value members = member_set(vm, self);
    return members && rt_hash(vm, members, out);
}

static rt_value union_getattr(rt_vm *vm, rt_value self, rt_value name)
{
    if (rt_str_equal_cstr(name, "__args__"))
        return as_union(self)->args;
    if (rt_str_equal_cstr(name, "__parameters__"))
        return rt_tuple_new(0);
    return 0;
}

rt_value rt_union_members(rt_value u) { return as_union(u)->args; }

const rt_type rt_union_type = {
    .base = {&rt_type_type},
    .name = "types.UnionType",
    .base_type = &rt_object_type,
    .repr = union_repr,
    .hash = union_hash,
    .compare = union_compare,
    .binary = rt_union_or,
    .getattr = union_getattr,
};

const rt_type rt_generic_alias_type = {
    .base = {&rt_type_type},
    .name = "types.GenericAlias",
    .base_type = &rt_object_type,
    .repr = alias_repr,
    .hash = alias_hash,
    .compare = alias_compare,
    .binary = rt_union_or,
    .call = alias_call,
    .getattr = alias_getattr,
};
