/* Dunder methods of builtin objects ([].__len__, d.__getitem__, (5).__add__(3), x.__eq__):
 * CPython exposes every type slot as a method wrapper; here each is a bound builtin that
 * calls the slot, reached through rt_getattr when the method table has no such name. */
#include <string.h>

#include "builtins.h"
#include "call.h"
#include "exception.h"
#include "int.h"
#include "iter.h"
#include "ops.h"
#include "str.h"
#include "type.h"

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

/* x.__add__(y) / x.__radd__(y): x's own slot only, NotImplemented passed through. */
static rt_value binary_wrapper(rt_vm *vm, const char *name, int op, bool reflected,
                               rt_value self, size_t nargs, const rt_value *args,
                               rt_value kwnames)
{
    if (!rt_check_args(vm, name, nargs, kwnames, 1, 1))
        return RT_ERROR;
    const rt_type *t = rt_type_of(self);
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
enum need { ALWAYS, LENGTH, GETITEM, SETITEM, CONTAINS, ITER, NEXT, TRUTH, BINARY, UNARY };

typedef struct slot_method {
    const char *name;
    rt_cfunc fn;
    enum need need;
} slot_method;

static const slot_method slot_methods[] = {
    {"__len__", w_len, LENGTH},           {"__getitem__", w_getitem, GETITEM},
    {"__setitem__", w_setitem, SETITEM},  {"__delitem__", w_delitem, SETITEM},
    {"__contains__", w_contains, CONTAINS}, {"__iter__", w_iter, ITER},
    {"__next__", w_next, NEXT},           {"__repr__", w_repr, ALWAYS},
    {"__str__", w_str, ALWAYS},           {"__hash__", w_hash, ALWAYS},
    {"__bool__", w_bool, TRUTH},          {"__lt__", w_lt, ALWAYS},
    {"__le__", w_le, ALWAYS},             {"__eq__", w_eq, ALWAYS},
    {"__ne__", w_ne, ALWAYS},             {"__gt__", w_gt, ALWAYS},
    {"__ge__", w_ge, ALWAYS},
    {"__add__", w_add, BINARY},
    {"__radd__", w_radd, BINARY},
    {"__sub__", w_sub, BINARY},
    {"__rsub__", w_rsub, BINARY},
    {"__mul__", w_mul, BINARY},
    {"__rmul__", w_rmul, BINARY},
    {"__matmul__", w_matmul, BINARY},
    {"__rmatmul__", w_rmatmul, BINARY},
    {"__truediv__", w_truediv, BINARY},
    {"__rtruediv__", w_rtruediv, BINARY},
    {"__floordiv__", w_floordiv, BINARY},
    {"__rfloordiv__", w_rfloordiv, BINARY},
    {"__mod__", w_mod, BINARY},
    {"__rmod__", w_rmod, BINARY},
    {"__pow__", w_pow, BINARY},
    {"__rpow__", w_rpow, BINARY},
    {"__lshift__", w_lshift, BINARY},
    {"__rlshift__", w_rlshift, BINARY},
    {"__rshift__", w_rshift, BINARY},
    {"__rrshift__", w_rrshift, BINARY},
    {"__and__", w_and, BINARY},
    {"__rand__", w_rand, BINARY},
    {"__or__", w_or, BINARY},
    {"__ror__", w_ror, BINARY},
    {"__xor__", w_xor, BINARY},
    {"__rxor__", w_rxor, BINARY},
    {"__neg__", w_neg, UNARY},
    {"__pos__", w_pos, UNARY},
    {"__invert__", w_invert, UNARY},
    {NULL, NULL, ALWAYS},
};

static bool offers(const rt_type *t, enum need need)
{
    switch (need) {
    case LENGTH: return t->length != NULL;
    case GETITEM: return t->getitem != NULL;
    case SETITEM: return t->setitem != NULL;
    case CONTAINS: return t->contains != NULL;
    case ITER: return t->iter != NULL;
    case NEXT: return t->next != NULL;
    case TRUTH: return t->truth != NULL;
    case BINARY: return t->binary != NULL;
    case UNARY: return t->unary != NULL;
    default: return true;
    }
}

/* An unhashable type's __hash__ is None, as in CPython. */
static bool unhashable(const rt_type *t) { return t->hash == NULL && t->compare != NULL; }

rt_value rt_slot_method(rt_vm *vm, rt_value obj, rt_value name)
{
    (void)vm;
    const char *s = rt_str_data(name);
    if (s[0] != '_' || s[1] != '_')
        return 0;
    const rt_type *t = rt_type_of(obj);
    for (const slot_method *m = slot_methods; m->name != NULL; m++) {
        if (strcmp(m->name, s) != 0)
            continue;
        if (!offers(t, m->need))
            return 0;
        if (m->fn == w_hash && unhashable(t))
            return RT_NONE;
        return rt_builtin_new(m->name, m->fn, obj, NULL);
    }
    return 0;
}
