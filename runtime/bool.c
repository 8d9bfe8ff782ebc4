/* bool (a subtype of int whose &, | and ^ stay bool) and the singleton types of None,
 * NotImplemented and Ellipsis. All four values are immediates, so these types only supply
 * reprs, hashes, truth and the constructors. */
#include "call.h"
#include "exception.h"
#include "int.h"
#include "ops.h"
#include "str.h"
#include "tuple.h"

static rt_value bool_repr(rt_vm *vm, rt_value self)
{
    return rt_str_from_cstr(self == RT_TRUE ? "True" : "False");
}

/* True & False is a bool; anything else is int arithmetic. */
static rt_value bool_binary(rt_vm *vm, int op, rt_value a, rt_value b)
{
    int base = op & ~RT_INPLACE;
    bool both = (a == RT_TRUE || a == RT_FALSE) && (b == RT_TRUE || b == RT_FALSE);
    if (both && (base == RT_AND || base == RT_OR || base == RT_XOR)) {
        bool x = a == RT_TRUE, y = b == RT_TRUE;
        return rt_bool(base == RT_AND ? (x && y) : base == RT_OR ? (x || y) : (x != y));
    }
    return rt_int_binary(vm, op, a, b);
}

static int bool_truth(rt_vm *vm, rt_value self) { return self == RT_TRUE; }

static rt_value bool_construct(rt_vm *vm, const rt_type *type, size_t nargs, const rt_value *args,
                               rt_value kwnames)
{
    if (kwnames && rt_as_tuple(kwnames)->size > 0)
        return rt_raise_msg(vm, &rt_type_error_type, "bool() takes no keyword arguments");
    if (nargs > 1)
        return rt_raise_format(vm, &rt_type_error_type, "bool expected at most 1 argument, got %zu",
                               nargs);
    if (nargs == 0)
        return RT_FALSE;
    int t = rt_truthy(vm, args[0]);
    return t < 0 ? RT_ERROR : rt_bool(t);
}

const rt_type rt_bool_type = {
    .base = {&rt_type_type},
    .name = "bool",
    .base_type = &rt_int_type,
    .repr = bool_repr,
    .hash = rt_int_hash_slot,
    .compare = rt_int_compare,
    .binary = bool_binary,
    .unary = rt_int_unary,
    .truth = bool_truth,
    .getattr = rt_int_getattr,
    .construct = bool_construct,
};

/* The singletons hash by a fixed value: CPython 3.11 hashes them by address, which no program
 * can rely on. */
static bool singleton_hash(rt_vm *vm, rt_value self, int64_t *out)
{
    *out = (int64_t)(self * 0x9E3779B1u) >> 4;
    return true;
}

/* NoneType(), type(NotImplemented)() and type(...)() return the singleton. */
static rt_value singleton_construct(rt_vm *vm, const rt_type *type, size_t nargs,
                                    const rt_value *args, rt_value kwnames)
{
    if (nargs > 0 || (kwnames && rt_as_tuple(kwnames)->size > 0))
        return rt_raise_format(vm, &rt_type_error_type, "%s takes no arguments", type->name);
    return type == &rt_none_type ? RT_NONE
         : type == &rt_ellipsis_type ? RT_ELLIPSIS : RT_NOT_IMPLEMENTED;
}

static rt_value none_repr(rt_vm *vm, rt_value self) { return rt_str_from_cstr("None"); }

static int none_truth(rt_vm *vm, rt_value self) { return 0; }

const rt_type rt_none_type = {
    .base = {&rt_type_type},
    .name = "NoneType",
    .base_type = &rt_object_type,
    .repr = none_repr,
    .hash = singleton_hash,
    .truth = none_truth,
    .construct = singleton_construct,
};

static rt_value not_implemented_repr(rt_vm *vm, rt_value self)
{
    return rt_str_from_cstr("NotImplemented");
}

const rt_type rt_not_implemented_type = {
    .base = {&rt_type_type},
    .name = "NotImplementedType",
    .base_type = &rt_object_type,
    .repr = not_implemented_repr,
    .hash = singleton_hash,
    .construct = singleton_construct,
};

static rt_value ellipsis_repr(rt_vm *vm, rt_value self) { return rt_str_from_cstr("Ellipsis"); }

const rt_type rt_ellipsis_type = {
    .base = {&rt_type_type},
    .name = "ellipsis",
    .base_type = &rt_object_type,
    .repr = ellipsis_repr,
    .hash = singleton_hash,
    .construct = singleton_construct,
};
