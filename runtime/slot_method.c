/* Dunder methods of builtin objects ([].__len__, f.__call__, (5).__add__(3), x.__eq__):
 * CPython exposes every type slot as a method-wrapper bound to the object; so does this file,
 * each wrapper calling the slot, reached through rt_getattr when the method table has no such
 * name. Which dunders a type has follows CPython type by type (int has __and__, float has not),
 * and dir() lists the same ones (rt_slot_method_names). */
#include <math.h>
#include <string.h>

#include "builtins.h"
#include "call.h"
#include "exception.h"
#include "float.h"
#include "int.h"
#include "dict.h"
#include "iter.h"
#include "list.h"
#include "ops.h"
#include "str.h"
#include "tuple.h"
#include "type.h"
#include "vm.h"

static rt_value w_len(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                      rt_value kwnames)
{
    if (!rt_check_args(vm, "__len__", nargs, kwnames, 0, 0))
        return RT_ERROR;
    int64_t n = rt_length(vm, self);
    return n < 0 ? RT_ERROR : rt_int_from_int64(n);
}

static rt_value w_getitem(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                          rt_value kwnames)
{
    if (!rt_check_args(vm, "__getitem__", nargs, kwnames, 1, 1))
        return RT_ERROR;
    return rt_getitem(vm, self, args[0]);
}

static rt_value w_setitem(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                          rt_value kwnames)
{
    if (!rt_check_args(vm, "__setitem__", nargs, kwnames, 2, 2))
        return RT_ERROR;
    return rt_setitem(vm, self, args[0], args[1]) < 0 ? RT_ERROR : RT_NONE;
}

static rt_value w_delitem(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                          rt_value kwnames)
{
    if (!rt_check_args(vm, "__delitem__", nargs, kwnames, 1, 1))
        return RT_ERROR;
    return rt_delitem(vm, self, args[0]) < 0 ? RT_ERROR : RT_NONE;
}

static rt_value w_contains(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                           rt_value kwnames)
{
    if (!rt_check_args(vm, "__contains__", nargs, kwnames, 1, 1))
        return RT_ERROR;
    int r = rt_contains(vm, self, args[0]);
    return r < 0 ? RT_ERROR : rt_bool(r);
}

static rt_value w_iter(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                       rt_value kwnames)
{
    if (!rt_check_args(vm, "__iter__", nargs, kwnames, 0, 0))
        return RT_ERROR;
    return rt_get_iter(vm, self);
}

static rt_value w_next(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                       rt_value kwnames)
{
    if (!rt_check_args(vm, "__next__", nargs, kwnames, 0, 0))
        return RT_ERROR;
    rt_value v = rt_iter_next(vm, self);
    if (v == RT_ITER_DONE)
        return rt_raise_value(vm, rt_new_exception(vm, &rt_stop_iteration_type, 0));
    return v;
}

static rt_value w_repr(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                       rt_value kwnames)
{
    if (!rt_check_args(vm, "__repr__", nargs, kwnames, 0, 0))
        return RT_ERROR;
    return rt_repr(vm, self);
}

static rt_value w_str(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                      rt_value kwnames)
{
    if (!rt_check_args(vm, "__str__", nargs, kwnames, 0, 0))
        return RT_ERROR;
    return rt_str(vm, self);
}

static rt_value w_hash(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                       rt_value kwnames)
{
    if (!rt_check_args(vm, "__hash__", nargs, kwnames, 0, 0))
        return RT_ERROR;
    int64_t h;
    return rt_hash(vm, self, &h) ? rt_int_from_int64(h) : RT_ERROR;
}

static rt_value w_bool(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                       rt_value kwnames)
{
    if (!rt_check_args(vm, "__bool__", nargs, kwnames, 0, 0))
        return RT_ERROR;
    int t = rt_truthy(vm, self);
    return t < 0 ? RT_ERROR : rt_bool(t);
}

static rt_value w_call(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                       rt_value kwnames)
{
    return rt_call(vm, self, nargs, args, kwnames);
}

static rt_value w_getattribute(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                               rt_value kwnames)
{
    if (!rt_check_args(vm, "__getattribute__", nargs, kwnames, 1, 1))
        return RT_ERROR;
    if (!rt_is_type(args[0], &rt_str_type))
        return rt_raise_format(vm, &rt_type_error_type,
                               "attribute name must be string, not '%T'", args[0]);
    return rt_getattr(vm, self, rt_str_intern_value(vm, args[0]));
}

/* 30-bit digits of an int, at least one, as CPython stores it. */
static int64_t int_digits(rt_value v)
{
    mpz_t z;
    mpz_init(z);
    rt_int_to_mpz(v, z);
    int64_t bits = mpz_sgn(z) == 0 ? 1 : (int64_t)mpz_sizeinbase(z, 2);
    mpz_clear(z);
    return (bits + 29) / 30;
}

/* A compact str: a 48-byte header and a byte per character for ASCII, else 72 and 1, 2 or 4
 * bytes per code point; both count the terminating NUL. */
static int64_t str_bytes(rt_value s)
{
    if (rt_as_str(s)->ascii)
        return 48 + rt_str_size(s) + 1;
    uint32_t widest = 0;
    for (int64_t i = 0; i < rt_str_size(s);) {
        size_t len;
        uint32_t c = rt_utf8_decode(rt_str_data(s) + i, &len);
        widest = c > widest ? c : widest;
        i += (int64_t)len;
    }
    int64_t kind = widest < 0x100 ? 1 : widest < 0x10000 ? 2 : 4;
    return 72 + (rt_as_str(s)->length + 1) * kind;
}

/* object.__sizeof__: CPython 3.11's size for the types programs ask about; object's 16 for
 * the types not listed. */
static int64_t cpython_size(rt_value v)
{
    const rt_type *t = rt_type_of(v);
    if (t == &rt_int_type || t == &rt_bool_type)
        return 24 + 4 * int_digits(v);
    if (t == &rt_str_type)
        return str_bytes(v);
    if (t == &rt_tuple_type)
        return 24 + 8 * rt_as_tuple(v)->size;
    if (t == &rt_list_type)
        return 40 + 8 * rt_as_list(v)->capacity;
    if (t == &rt_float_type || t == &rt_cell_type)
        return 24;
    if (t == &rt_function_type)
        return 136;
    if (t == &rt_builtin_type)
        return 56;
    if (t == &rt_range_type)
        return 48;
    if (t == &rt_slice_type)
        return 40;
    return 16;
}

static rt_value w_sizeof(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                         rt_value kwnames)
{
    if (!rt_check_args(vm, "__sizeof__", nargs, kwnames, 0, 0))
        return RT_ERROR;
    return rt_int_from_int64(cpython_size(self));
}

/* ---- the number protocol beyond the operators: abs(), int(), divmod(), round(), ... ---- */

static rt_value call_builtin(rt_vm *vm, const char *name, size_t nargs, const rt_value *args)
{
    rt_value fn = rt_dict_get_str(vm->builtins, rt_str_intern(vm, name));
    return fn ? rt_call(vm, fn, nargs, args, 0) : RT_ERROR;
}

static rt_value as_int(rt_vm *vm, rt_value x)
{
    return rt_int_type.construct(vm, &rt_int_type, 1, &x, 0);
}

static rt_value w_abs(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                      rt_value kwnames)
{
    if (!rt_check_args(vm, "__abs__", nargs, kwnames, 0, 0))
        return RT_ERROR;
    return call_builtin(vm, "abs", 1, &self);
}

static rt_value w_int(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                      rt_value kwnames)
{
    if (!rt_check_args(vm, "__int__", nargs, kwnames, 0, 0))
        return RT_ERROR;
    return as_int(vm, self);
}

static rt_value w_index(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                        rt_value kwnames)
{
    if (!rt_check_args(vm, "__index__", nargs, kwnames, 0, 0))
        return RT_ERROR;
    return as_int(vm, self);
}

static rt_value w_float(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                        rt_value kwnames)
{
    if (!rt_check_args(vm, "__float__", nargs, kwnames, 0, 0))
        return RT_ERROR;
    return rt_float_type.construct(vm, &rt_float_type, 1, &self, 0);
}

/* int's divmod takes ints only, float's ints and floats; anything else is NotImplemented. */
static bool divmod_operand(rt_value self, rt_value other)
{
    return rt_is_int(other) || (rt_is_type(self, &rt_float_type) &&
                                rt_is_type(other, &rt_float_type));
}

static rt_value w_divmod(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                         rt_value kwnames)
{
    if (!rt_check_args(vm, "__divmod__", nargs, kwnames, 1, 1))
        return RT_ERROR;
    rt_value pair[] = {self, args[0]};
    return divmod_operand(self, args[0]) ? call_builtin(vm, "divmod", 2, pair)
                                         : RT_NOT_IMPLEMENTED;
}

static rt_value w_rdivmod(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                          rt_value kwnames)
{
    if (!rt_check_args(vm, "__rdivmod__", nargs, kwnames, 1, 1))
        return RT_ERROR;
    rt_value pair[] = {args[0], self};
    return divmod_operand(self, args[0]) ? call_builtin(vm, "divmod", 2, pair)
                                         : RT_NOT_IMPLEMENTED;
}

static rt_value w_round(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                        rt_value kwnames)
{
    if (!rt_check_args(vm, "__round__", nargs, kwnames, 0, 1))
        return RT_ERROR;
    rt_value both[] = {self, nargs ? args[0] : RT_NONE};
    return call_builtin(vm, "round", 2, both);
}

/* __floor__, __ceil__, __trunc__: an int is its own; a float rounds as math.floor, ... */
static rt_value integral(rt_vm *vm, const char *name, rt_value self, size_t nargs,
                         rt_value kwnames, double (*round)(double))
{
    if (!rt_check_args(vm, name, nargs, kwnames, 0, 0))
        return RT_ERROR;
    if (!rt_is_type(self, &rt_float_type))
        return as_int(vm, self);
    return rt_int_from_double(vm, round(rt_float_value(self)));
}

static rt_value w_floor(rt_vm *vm, rt_value self, size_t n, const rt_value *a, rt_value kw)
{
    return integral(vm, "__floor__", self, n, kw, floor);
}
static rt_value w_ceil(rt_vm *vm, rt_value self, size_t n, const rt_value *a, rt_value kw)
{
    return integral(vm, "__ceil__", self, n, kw, ceil);
}
static rt_value w_trunc(rt_vm *vm, rt_value self, size_t n, const rt_value *a, rt_value kw)
{
    return integral(vm, "__trunc__", self, n, kw, trunc);
}

/* The arguments that rebuild the value: (int(x),), (x,) for a float or str, (tuple(t),). */
static rt_value w_getnewargs(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                             rt_value kwnames)
{
    if (!rt_check_args(vm, "__getnewargs__", nargs, kwnames, 0, 0))
        return RT_ERROR;
    rt_value v = self;
    if (rt_is_int(self))
        v = as_int(vm, self);
    else if (rt_is_type(self, &rt_tuple_type))
        v = rt_tuple_from_array(vm, (size_t)rt_as_tuple(self)->size, rt_as_tuple(self)->items);
    return v ? rt_tuple_pack(1, v) : RT_ERROR;
}

/* x.__eq__(y) asks x's type only: NotImplemented when it cannot tell, identity for == and
 * != on types without comparison (object.__eq__). */
static rt_value compare_wrapper(rt_vm *vm, const char *name, rt_compare_op op, rt_value self,
                                size_t nargs, const rt_value *args, rt_value kwnames)
{
    if (!rt_check_args(vm, name, nargs, kwnames, 1, 1))
        return RT_ERROR;
    const rt_type *t = rt_type_of(self);
    rt_value r = t->compare ? t->compare(vm, self, args[0], op) : RT_NOT_IMPLEMENTED;
    if (r != RT_NOT_IMPLEMENTED || (op != RT_EQ && op != RT_NE))
        return r;
    return self == args[0] ? rt_bool(op == RT_EQ) : RT_NOT_IMPLEMENTED;
}

static rt_value w_lt(rt_vm *vm, rt_value self, size_t n, const rt_value *a, rt_value kw)
{
    return compare_wrapper(vm, "__lt__", RT_LT, self, n, a, kw);
}
static rt_value w_le(rt_vm *vm, rt_value self, size_t n, const rt_value *a, rt_value kw)
{
    return compare_wrapper(vm, "__le__", RT_LE, self, n, a, kw);
}
static rt_value w_eq(rt_vm *vm, rt_value self, size_t n, const rt_value *a, rt_value kw)
{
    return compare_wrapper(vm, "__eq__", RT_EQ, self, n, a, kw);
}
static rt_value w_ne(rt_vm *vm, rt_value self, size_t n, const rt_value *a, rt_value kw)
{
    return compare_wrapper(vm, "__ne__", RT_NE, self, n, a, kw);
}
static rt_value w_gt(rt_vm *vm, rt_value self, size_t n, const rt_value *a, rt_value kw)
{
    return compare_wrapper(vm, "__gt__", RT_GT, self, n, a, kw);
}
static rt_value w_ge(rt_vm *vm, rt_value self, size_t n, const rt_value *a, rt_value kw)
{
    return compare_wrapper(vm, "__ge__", RT_GE, self, n, a, kw);
}

/* x.__add__(y) / x.__radd__(y): x's own slot only, NotImplemented passed through. The binary
 * slot here also serves mixed operands, which CPython's wrappers do not: int's take ints only
 * ((5).__add__(1.5) is NotImplemented), and a sequence's __mul__ is sq_repeat, whose count
 * must be an index. */
static rt_value binary_wrapper(rt_vm *vm, const char *name, int op, bool reflected,
                               rt_value self, size_t nargs, const rt_value *args,
                               rt_value kwnames)
{
    if (!rt_check_args(vm, name, nargs, kwnames, 1, 1))
        return RT_ERROR;
    const rt_type *t = rt_type_of(self);
    if (rt_type_is_subtype(t, &rt_int_type) && !rt_is_int(args[0]))
        return RT_NOT_IMPLEMENTED;
    int64_t count;
    if (op == RT_MUL && (t == &rt_str_type || t == &rt_list_type || t == &rt_tuple_type) &&
        !rt_int_index(vm, args[0], &count))
        return RT_ERROR;
    return reflected ? t->binary(vm, op, args[0], self) : t->binary(vm, op, self, args[0]);
}

static rt_value unary_wrapper(rt_vm *vm, const char *name, int op, rt_value self,
                              size_t nargs, rt_value kwnames)
{
    if (!rt_check_args(vm, name, nargs, kwnames, 0, 0))
        return RT_ERROR;
    return rt_type_of(self)->unary(vm, op, self);
}

static rt_value w_add(rt_vm *vm, rt_value self, size_t n, const rt_value *a, rt_value kw)
{
    return binary_wrapper(vm, "__add__", RT_ADD, false, self, n, a, kw);
}
static rt_value w_radd(rt_vm *vm, rt_value self, size_t n, const rt_value *a, rt_value kw)
{
    return binary_wrapper(vm, "__radd__", RT_ADD, true, self, n, a, kw);
}
static rt_value w_sub(rt_vm *vm, rt_value self, size_t n, const rt_value *a, rt_value kw)
{
    return binary_wrapper(vm, "__sub__", RT_SUB, false, self, n, a, kw);
}
static rt_value w_rsub(rt_vm *vm, rt_value self, size_t n, const rt_value *a, rt_value kw)
{
    return binary_wrapper(vm, "__rsub__", RT_SUB, true, self, n, a, kw);
}
static rt_value w_mul(rt_vm *vm, rt_value self, size_t n, const rt_value *a, rt_value kw)
{
    return binary_wrapper(vm, "__mul__", RT_MUL, false, self, n, a, kw);
}
static rt_value w_rmul(rt_vm *vm, rt_value self, size_t n, const rt_value *a, rt_value kw)
{
    return binary_wrapper(vm, "__rmul__", RT_MUL, true, self, n, a, kw);
}
static rt_value w_matmul(rt_vm *vm, rt_value self, size_t n, const rt_value *a, rt_value kw)
{
    return binary_wrapper(vm, "__matmul__", RT_MATMUL, false, self, n, a, kw);
}
static rt_value w_rmatmul(rt_vm *vm, rt_value self, size_t n, const rt_value *a, rt_value kw)
{
    return binary_wrapper(vm, "__rmatmul__", RT_MATMUL, true, self, n, a, kw);
}
static rt_value w_truediv(rt_vm *vm, rt_value self, size_t n, const rt_value *a, rt_value kw)
{
    return binary_wrapper(vm, "__truediv__", RT_TRUEDIV, false, self, n, a, kw);
}
static rt_value w_rtruediv(rt_vm *vm, rt_value self, size_t n, const rt_value *a, rt_value kw)
{
    return binary_wrapper(vm, "__rtruediv__", RT_TRUEDIV, true, self, n, a, kw);
}
static rt_value w_floordiv(rt_vm *vm, rt_value self, size_t n, const rt_value *a, rt_value kw)
{
    return binary_wrapper(vm, "__floordiv__", RT_FLOORDIV, false, self, n, a, kw);
}
static rt_value w_rfloordiv(rt_vm *vm, rt_value self, size_t n, const rt_value *a, rt_value kw)
{
    return binary_wrapper(vm, "__rfloordiv__", RT_FLOORDIV, true, self, n, a, kw);
}
static rt_value w_mod(rt_vm *vm, rt_value self, size_t n, const rt_value *a, rt_value kw)
{
    return binary_wrapper(vm, "__mod__", RT_MOD, false, self, n, a, kw);
}
static rt_value w_rmod(rt_vm *vm, rt_value self, size_t n, const rt_value *a, rt_value kw)
{
    return binary_wrapper(vm, "__rmod__", RT_MOD, true, self, n, a, kw);
}
static rt_value w_pow(rt_vm *vm, rt_value self, size_t n, const rt_value *a, rt_value kw)
{
    return binary_wrapper(vm, "__pow__", RT_POW, false, self, n, a, kw);
}
static rt_value w_rpow(rt_vm *vm, rt_value self, size_t n, const rt_value *a, rt_value kw)
{
    return binary_wrapper(vm, "__rpow__", RT_POW, true, self, n, a, kw);
}
static rt_value w_lshift(rt_vm *vm, rt_value self, size_t n, const rt_value *a, rt_value kw)
{
    return binary_wrapper(vm, "__lshift__", RT_LSHIFT, false, self, n, a, kw);
}
static rt_value w_rlshift(rt_vm *vm, rt_value self, size_t n, const rt_value *a, rt_value kw)
{
    return binary_wrapper(vm, "__rlshift__", RT_LSHIFT, true, self, n, a, kw);
}
static rt_value w_rshift(rt_vm *vm, rt_value self, size_t n, const rt_value *a, rt_value kw)
{
    return binary_wrapper(vm, "__rshift__", RT_RSHIFT, false, self, n, a, kw);
}
static rt_value w_rrshift(rt_vm *vm, rt_value self, size_t n, const rt_value *a, rt_value kw)
{
    return binary_wrapper(vm, "__rrshift__", RT_RSHIFT, true, self, n, a, kw);
}
static rt_value w_and(rt_vm *vm, rt_value self, size_t n, const rt_value *a, rt_value kw)
{
    return binary_wrapper(vm, "__and__", RT_AND, false, self, n, a, kw);
}
static rt_value w_rand(rt_vm *vm, rt_value self, size_t n, const rt_value *a, rt_value kw)
{
    return binary_wrapper(vm, "__rand__", RT_AND, true, self, n, a, kw);
}
static rt_value w_or(rt_vm *vm, rt_value self, size_t n, const rt_value *a, rt_value kw)
{
    return binary_wrapper(vm, "__or__", RT_OR, false, self, n, a, kw);
}
static rt_value w_ror(rt_vm *vm, rt_value self, size_t n, const rt_value *a, rt_value kw)
{
    return binary_wrapper(vm, "__ror__", RT_OR, true, self, n, a, kw);
}
static rt_value w_xor(rt_vm *vm, rt_value self, size_t n, const rt_value *a, rt_value kw)
{
    return binary_wrapper(vm, "__xor__", RT_XOR, false, self, n, a, kw);
}
static rt_value w_rxor(rt_vm *vm, rt_value self, size_t n, const rt_value *a, rt_value kw)
{
    return binary_wrapper(vm, "__rxor__", RT_XOR, true, self, n, a, kw);
}
static rt_value w_neg(rt_vm *vm, rt_value self, size_t n, const rt_value *a, rt_value kw)
{
    return unary_wrapper(vm, "__neg__", RT_NEG, self, n, kw);
}
static rt_value w_pos(rt_vm *vm, rt_value self, size_t n, const rt_value *a, rt_value kw)
{
    return unary_wrapper(vm, "__pos__", RT_POS, self, n, kw);
}
static rt_value w_invert(rt_vm *vm, rt_value self, size_t n, const rt_value *a, rt_value kw)
{
    return unary_wrapper(vm, "__invert__", RT_INVERT, self, n, kw);
}

/* The slots a name stands for, and when the type offers it. */
enum need { ALWAYS, LENGTH, GETITEM, SETITEM, CONTAINS, ITER, NEXT, CALL, NUMBER };

typedef struct slot_method {
    const char *name;
    rt_cfunc fn;
    enum need need;
} slot_method;

static const slot_method slot_methods[] = {
    {"__len__", w_len, LENGTH},           {"__getitem__", w_getitem, GETITEM},
    {"__setitem__", w_setitem, SETITEM},  {"__delitem__", w_delitem, SETITEM},
    {"__contains__", w_contains, CONTAINS}, {"__iter__", w_iter, ITER},
    {"__next__", w_next, NEXT},           {"__call__", w_call, CALL},
    {"__repr__", w_repr, ALWAYS},         {"__str__", w_str, ALWAYS},
    {"__hash__", w_hash, ALWAYS},         {"__getattribute__", w_getattribute, ALWAYS},
    {"__sizeof__", w_sizeof, ALWAYS},     {"__lt__", w_lt, ALWAYS},
    {"__le__", w_le, ALWAYS},             {"__eq__", w_eq, ALWAYS},
    {"__ne__", w_ne, ALWAYS},             {"__gt__", w_gt, ALWAYS},
    {"__ge__", w_ge, ALWAYS},             {"__bool__", w_bool, NUMBER},
    {"__add__", w_add, NUMBER},           {"__radd__", w_radd, NUMBER},
    {"__sub__", w_sub, NUMBER},           {"__rsub__", w_rsub, NUMBER},
    {"__mul__", w_mul, NUMBER},           {"__rmul__", w_rmul, NUMBER},
    {"__matmul__", w_matmul, NUMBER},     {"__rmatmul__", w_rmatmul, NUMBER},
    {"__truediv__", w_truediv, NUMBER},   {"__rtruediv__", w_rtruediv, NUMBER},
    {"__floordiv__", w_floordiv, NUMBER}, {"__rfloordiv__", w_rfloordiv, NUMBER},
    {"__mod__", w_mod, NUMBER},           {"__rmod__", w_rmod, NUMBER},
    {"__pow__", w_pow, NUMBER},           {"__rpow__", w_rpow, NUMBER},
    {"__lshift__", w_lshift, NUMBER},     {"__rlshift__", w_rlshift, NUMBER},
    {"__rshift__", w_rshift, NUMBER},     {"__rrshift__", w_rrshift, NUMBER},
    {"__and__", w_and, NUMBER},           {"__rand__", w_rand, NUMBER},
    {"__or__", w_or, NUMBER},             {"__ror__", w_ror, NUMBER},
    {"__xor__", w_xor, NUMBER},           {"__rxor__", w_rxor, NUMBER},
    {"__neg__", w_neg, NUMBER},           {"__pos__", w_pos, NUMBER},
    {"__invert__", w_invert, NUMBER},     {"__abs__", w_abs, NUMBER},
    {"__int__", w_int, NUMBER},           {"__float__", w_float, NUMBER},
    {"__index__", w_index, NUMBER},       {"__divmod__", w_divmod, NUMBER},
    {"__rdivmod__", w_rdivmod, NUMBER},   {"__round__", w_round, NUMBER},
    {"__floor__", w_floor, NUMBER},       {"__ceil__", w_ceil, NUMBER},
    {"__trunc__", w_trunc, NUMBER},       {"__getnewargs__", w_getnewargs, NUMBER},
    {NULL, NULL, ALWAYS},
};

/* The number-protocol dunders (and __bool__) CPython defines on each type, among those above:
 * one binary slot here serves them all, so it cannot tell that int has __and__ and float has
 * not, or that list has __add__ and no __sub__. Subtypes inherit (bool finds int's). */
static const char *const int_numbers[] = {
    "__bool__", "__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__",
    "__truediv__", "__rtruediv__", "__floordiv__", "__rfloordiv__", "__mod__", "__rmod__",
    "__pow__", "__rpow__", "__lshift__", "__rlshift__", "__rshift__", "__rrshift__", "__and__",
    "__rand__", "__or__", "__ror__", "__xor__", "__rxor__", "__neg__", "__pos__", "__invert__",
    "__abs__", "__int__", "__float__", "__index__", "__divmod__", "__rdivmod__", "__round__",
    "__floor__", "__ceil__", "__trunc__", "__getnewargs__", NULL};
static const char *const float_numbers[] = {
    "__bool__", "__add__", "__radd__", "__sub__", "__rsub__", "__mul__", "__rmul__",
    "__truediv__", "__rtruediv__", "__floordiv__", "__rfloordiv__", "__mod__", "__rmod__",
    "__pow__", "__rpow__", "__neg__", "__pos__", "__abs__", "__int__", "__float__",
    "__divmod__", "__rdivmod__", "__round__", "__floor__", "__ceil__", "__trunc__",
    "__getnewargs__", NULL};
static const char *const set_numbers[] = {"__and__", "__rand__", "__or__", "__ror__", "__xor__",
                                          "__rxor__", "__sub__", "__rsub__", NULL};
static const char *const list_numbers[] = {"__add__", "__mul__", "__rmul__", NULL};
static const char *const tuple_numbers[] = {"__add__", "__mul__", "__rmul__", "__getnewargs__",
                                            NULL};
static const char *const str_numbers[] = {"__add__", "__mul__", "__rmul__", "__mod__",
                                          "__rmod__", "__getnewargs__", NULL};
static const char *const dict_numbers[] = {"__or__", "__ror__", NULL};
static const char *const bool_only[] = {"__bool__", NULL};
static const char *const bool_numbers[] = {"__and__", "__rand__", "__or__", "__ror__",
                                           "__xor__", "__rxor__", NULL}; /* bool's own */

typedef struct type_numbers {
    const rt_type *type;
    const char *const *names;
} type_numbers;

static const type_numbers numbers_by_type[] = {
    {&rt_bool_type, bool_numbers},      {&rt_int_type, int_numbers},
    {&rt_float_type, float_numbers},
    {&rt_str_type, str_numbers},        {&rt_list_type, list_numbers},
    {&rt_tuple_type, tuple_numbers},    {&rt_set_type, set_numbers},
    {&rt_frozenset_type, set_numbers},  {&rt_dict_keys_type, set_numbers},
    {&rt_dict_items_type, set_numbers}, {&rt_dict_type, dict_numbers},
    {&rt_none_type, bool_only},         {&rt_not_implemented_type, bool_only},
    {&rt_range_type, bool_only},
};

static bool has_number(const rt_type *t, const char *name)
{
    for (; t != NULL; t = t->base_type)
        for (size_t i = 0; i < sizeof numbers_by_type / sizeof numbers_by_type[0]; i++)
            if (numbers_by_type[i].type == t)
                for (const char *const *n = numbers_by_type[i].names; *n != NULL; n++)
                    if (strcmp(*n, name) == 0)
                        return true;
    return false;
}

static bool offers(const rt_type *t, const slot_method *m)
{
    switch (m->need) {
    case LENGTH: return t->length != NULL;
    case GETITEM: return t->getitem != NULL;
    case SETITEM: return t->setitem != NULL;
    case CONTAINS: return t->contains != NULL;
    case ITER: return t->iter != NULL;
    case NEXT: return t->next != NULL;
    case CALL: return t->call != NULL;
    case NUMBER: return has_number(t, m->name);
    default: return true;
    }
}

/* An unhashable type's __hash__ is None, as in CPython. */
static bool unhashable(const rt_type *t) { return t->hash == NULL && t->compare != NULL; }

/* Dunders CPython defines as plain methods rather than slot wrappers, so they are
 * builtin_function_or_method: object's __sizeof__, the numbers' __round__, __floor__, __ceil__,
 * __trunc__ and __getnewargs__, and list's and dict's __getitem__ and the sets' and dict's
 * __contains__ (METH_COEXIST, for speed). */
static bool is_plain_method(const rt_type *t, const slot_method *m)
{
    if (m->fn == w_sizeof || m->fn == w_round || m->fn == w_floor || m->fn == w_ceil ||
        m->fn == w_trunc || m->fn == w_getnewargs)
        return true;
    if (m->fn == w_getitem)
        return t == &rt_list_type || t == &rt_dict_type;
    if (m->fn == w_contains)
        return t == &rt_dict_type || t == &rt_set_type || t == &rt_frozenset_type;
    return false;
}

/* ---- method-wrapper: a slot dunder bound to its object ---- */

typedef struct method_wrapper {
    rt_object base;
    const slot_method *slot;
    rt_value self;
} method_wrapper;

static const rt_type method_wrapper_type;

static method_wrapper *as_wrapper(rt_value v) { return (method_wrapper *)rt_as_object(v); }

static rt_value wrapper_repr(rt_vm *vm, rt_value self)
{
    method_wrapper *w = as_wrapper(self);
    return rt_str_printf(vm, "<method-wrapper '%s' of %s object at %p>", w->slot->name,
                         rt_type_of(w->self)->name, rt_as_object(w->self));
}

static rt_value wrapper_call(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                             rt_value kwnames)
{
    method_wrapper *w = as_wrapper(self);
    return w->slot->fn(vm, w->self, nargs, args, kwnames);
}

/* Equal when they wrap the same slot of the same object. */
static rt_value wrapper_compare(rt_vm *vm, rt_value self, rt_value other, rt_compare_op op)
{
    if (!rt_is_type(other, &method_wrapper_type) || (op != RT_EQ && op != RT_NE))
        return RT_NOT_IMPLEMENTED;
    method_wrapper *a = as_wrapper(self), *b = as_wrapper(other);
    return rt_bool((a->slot == b->slot && a->self == b->self) == (op == RT_EQ));
}

static bool wrapper_hash(rt_vm *vm, rt_value self, int64_t *out)
{
    method_wrapper *w = as_wrapper(self);
    int64_t h;
    if (!rt_identity_hash(vm, w->self, &h))
        return false;
    *out = h ^ rt_str_hash(rt_str_intern(vm, w->slot->name));
    if (*out == -1)
        *out = -2;
    return true;
}

static rt_value wrapper_getattr(rt_vm *vm, rt_value self, rt_value name)
{
    method_wrapper *w = as_wrapper(self);
    const rt_type *t = rt_type_of(w->self);
    if (rt_str_equal_cstr(name, "__name__"))
        return rt_str_from_cstr(w->slot->name);
    if (rt_str_equal_cstr(name, "__qualname__"))
        return rt_str_printf(vm, "%s.%s", rt_type_short_name(t), w->slot->name);
    if (rt_str_equal_cstr(name, "__self__"))
        return w->self;
    if (rt_str_equal_cstr(name, "__objclass__"))
        return rt_type_value(t);
    return 0;
}

static const rt_type method_wrapper_type = {
    .base = {&rt_type_type},
    .name = "method-wrapper",
    .base_type = &rt_object_type,
    .repr = wrapper_repr,
    .hash = wrapper_hash,
    .compare = wrapper_compare,
    .call = wrapper_call,
    .getattr = wrapper_getattr,
};

/* ---- wrapper_descriptor: a slot dunder taken from the type (int.__add__) ---- */

typedef struct slot_descriptor {
    rt_object base;
    const slot_method *slot;
    const rt_type *owner; /* the type in the chain that defines it: bool.__add__ is int's */
} slot_descriptor;

static const rt_type wrapper_descriptor_type;

static slot_descriptor *as_descriptor(rt_value v) { return (slot_descriptor *)rt_as_object(v); }

static rt_value descriptor_repr(rt_vm *vm, rt_value self)
{
    slot_descriptor *d = as_descriptor(self);
    return rt_str_printf(vm, "<slot wrapper '%s' of '%s' objects>", d->slot->name, d->owner->name);
}

/* int.__add__(5, 3): the first argument is self, which must be an instance of the owner. */
static rt_value descriptor_call(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                rt_value kwnames)
{
    slot_descriptor *d = as_descriptor(self);
    if (nargs == 0)
        return rt_raise_format(vm, &rt_type_error_type,
                               "descriptor '%s' of '%s' object needs an argument", d->slot->name,
                               d->owner->name);
    if (!rt_isinstance_type(args[0], d->owner))
        return rt_raise_format(vm, &rt_type_error_type,
                               "descriptor '%s' requires a '%s' object but received a '%T'",
                               d->slot->name, d->owner->name, args[0]);
    return d->slot->fn(vm, args[0], nargs - 1, args + 1, kwnames);
}

static rt_value descriptor_getattr(rt_vm *vm, rt_value self, rt_value name)
{
    slot_descriptor *d = as_descriptor(self);
    if (rt_str_equal_cstr(name, "__name__"))
        return rt_str_from_cstr(d->slot->name);
    if (rt_str_equal_cstr(name, "__qualname__"))
        return rt_str_printf(vm, "%s.%s", rt_type_short_name(d->owner), d->slot->name);
    if (rt_str_equal_cstr(name, "__objclass__"))
        return rt_type_value(d->owner);
    return 0;
}

static const rt_type wrapper_descriptor_type = {
    .base = {&rt_type_type},
    .name = "wrapper_descriptor",
    .base_type = &rt_object_type,
    .repr = descriptor_repr,
    .hash = rt_identity_hash,
    .call = descriptor_call,
    .getattr = descriptor_getattr,
};

/* The type that defines m for t, as CPython's type dicts do: a number dunder's first type in
 * the chain that lists it, object's comparison, hash and str for types without their own. */
static const rt_type *owner_of(const rt_type *t, const slot_method *m)
{
    if (m->need == NUMBER) {
        for (const rt_type *b = t; b != NULL; b = b->base_type)
            for (size_t i = 0; i < sizeof numbers_by_type / sizeof numbers_by_type[0]; i++)
                if (numbers_by_type[i].type == b)
                    for (const char *const *n = numbers_by_type[i].names; *n != NULL; n++)
                        if (strcmp(*n, m->name) == 0)
                            return b;
        return t;
    }
    bool own = m->need != ALWAYS || (m->fn == w_repr && t->repr != NULL) ||
               (m->fn == w_hash && t->hash != NULL && t->hash != rt_identity_hash) ||
               (m->fn == w_str && t->str != NULL) ||
               (t->compare != NULL && (m->fn == w_lt || m->fn == w_le || m->fn == w_eq ||
                                       m->fn == w_ne || m->fn == w_gt || m->fn == w_ge));
    return own ? t : &rt_object_type;
}

/* ---- lookup ---- */

static const slot_method *find_slot(const rt_type *t, const char *name)
{
    if (name[0] != '_' || name[1] != '_')
        return NULL;
    for (const slot_method *m = slot_methods; m->name != NULL; m++)
        if (strcmp(m->name, name) == 0)
            return offers(t, m) ? m : NULL;
    return NULL;
}

rt_value rt_slot_method(rt_vm *vm, rt_value obj, rt_value name)
{
    (void)vm;
    const rt_type *t = rt_type_of(obj);
    const slot_method *m = find_slot(t, rt_str_data(name));
    if (m == NULL)
        return 0;
    if (m->fn == w_hash && unhashable(t))
        return RT_NONE;
    if (is_plain_method(t, m))
        return rt_builtin_new(m->name, m->fn, obj, NULL);
    method_wrapper *w = rt_alloc(sizeof *w, &method_wrapper_type);
    w->slot = m;
    w->self = obj;
    return rt_from_object(w);
}

void rt_slot_method_names(rt_vm *vm, const rt_type *t, rt_value names)
{
    for (const slot_method *m = slot_methods; m->name != NULL; m++)
        if (offers(t, m))
            rt_dict_set_str(vm, names, m->name, RT_TRUE);
}

rt_value rt_slot_descriptor(rt_vm *vm, const rt_type *t, rt_value name)
{
    (void)vm;
    const slot_method *m = find_slot(t, rt_str_data(name));
    if (m == NULL)
        return 0;
    if (m->fn == w_hash && unhashable(t))
        return RT_NONE;
    const rt_type *owner = owner_of(t, m);
    if (is_plain_method(t, m)) {
        rt_method *method = rt_alloc_raw(sizeof *method);
        *method = (rt_method){m->name, m->fn, NULL};
        return rt_method_descriptor_new(method, owner);
    }
    slot_descriptor *d = rt_alloc(sizeof *d, &wrapper_descriptor_type);
    d->slot = m;
    d->owner = owner;
    return rt_from_object(d);
}
