/* Generic operations: what compiled code calls for operators, truth, hashing, len, repr,
 * subscripts and attributes. Each dispatches on the operands' type slots in CPython's order
 * (reflected operands, subtype first) and raises CPython's TypeError when nothing applies. */
#include <string.h>

#include "builtins.h"
#include "call.h"
#include "dict.h"
#include "exception.h"
#include "int.h"
#include "iter.h"
#include "list.h"
#include "ops.h"
#include "str.h"
#include "tuple.h"
#include "type.h"
#include "vm.h"

/* ---- binary and unary operators ---- */

static const char *const binary_symbols[RT_BINARY_OP_COUNT] = {
    "+", "-", "*", "@", "/", "%", "**", "<<", ">>", "|", "^", "&", "//"};

static rt_value raise_binary_error(rt_vm *vm, int op, rt_value a, rt_value b)
{
    int base = op & ~RT_INPLACE;
    const char *sym = base >= 0 && base < RT_BINARY_OP_COUNT ? binary_symbols[base] : "?";
    if (op & RT_INPLACE)
        return rt_raise_format(vm, &rt_type_error_type,
                               "unsupported operand type(s) for %s=: '%T' and '%T'", sym, a, b);
    if (base == RT_POW)
        sym = "** or pow()";
    return rt_raise_format(vm, &rt_type_error_type,
                           "unsupported operand type(s) for %s: '%T' and '%T'", sym, a, b);
}

/* CPython's binary_op1: the left operand's slot, then the right's, except that a right
 * operand whose type derives from the left's goes first. */
static rt_value binary_dispatch(rt_vm *vm, int op, rt_value a, rt_value b)
{
    const rt_type *ta = rt_type_of(a), *tb = rt_type_of(b);
    bool right_first = tb != ta && tb->binary != NULL && ta->binary != tb->binary &&
                       rt_type_is_subtype(tb, ta);
    rt_value r;
    if (right_first) {
        r = tb->binary(vm, op, a, b);
        if (r != RT_NOT_IMPLEMENTED)
            return r;
    }
    if (ta->binary != NULL) {
        r = ta->binary(vm, op, a, b);
        if (r != RT_NOT_IMPLEMENTED)
            return r;
    }
    if (!right_first && tb != ta && tb->binary != NULL && tb->binary != ta->binary)
        return tb->binary(vm, op, a, b);
    return RT_NOT_IMPLEMENTED;
}

/* Small-int + and - without a call into int.c: the common loop counter case. */
static bool small_int_fast(int op, rt_value a, rt_value b, rt_value *out)
{
    int64_t x = rt_small_int_value(a), y = rt_small_int_value(b), r;
    switch (op & ~RT_INPLACE) {
    case RT_ADD: r = x + y; break; /* cannot overflow int64: both fit in 62 bits */
    case RT_SUB: r = x - y; break;
    default: return false;
    }
    if (r < RT_SMALL_INT_MIN || r > RT_SMALL_INT_MAX)
        return false;
    *out = rt_small_int(r);
    return true;
}

rt_value rt_binary_op(rt_vm *vm, int op, rt_value a, rt_value b)
{
    rt_value r;
    if (rt_is_small_int(a) && rt_is_small_int(b) && small_int_fast(op, a, b, &r))
        return r;
    /* In-place: the left operand's slot sees the RT_INPLACE bit (list += extends in place);
     * when it declines, the ordinary operator follows, as CPython's binary_iop1. */
    if (op & RT_INPLACE) {
        const rt_type *ta = rt_type_of(a);
        if (ta->binary != NULL) {
            r = ta->binary(vm, op, a, b);
            if (r != RT_NOT_IMPLEMENTED)
                return r;
        }
    }
    r = binary_dispatch(vm, op & ~RT_INPLACE, a, b);
    if (r == RT_NOT_IMPLEMENTED)
        return raise_binary_error(vm, op, a, b);
    return r;
}

rt_value rt_unary_op(rt_vm *vm, int op, rt_value a)
{
    if (op == RT_NOT) {
        int t = rt_truthy(vm, a);
        return t < 0 ? RT_ERROR : rt_bool(!t);
    }
    if (rt_is_small_int(a) && op == RT_NEG && a != rt_small_int(RT_SMALL_INT_MIN))
        return rt_small_int(-rt_small_int_value(a));
    const rt_type *t = rt_type_of(a);
    rt_value r = t->unary != NULL ? t->unary(vm, op, a) : RT_NOT_IMPLEMENTED;
    if (r != RT_NOT_IMPLEMENTED)
        return r;
    const char *sym = op == RT_NEG ? "-" : op == RT_POS ? "+" : "~";
    return rt_raise_format(vm, &rt_type_error_type, "bad operand type for unary %s: '%T'", sym,
                           a);
}

/* ---- comparisons ---- */

static const char *const compare_symbols[] = {"<", "<=", "==", "!=", ">", ">="};
static const rt_compare_op swapped_ops[] = {RT_GT, RT_GE, RT_EQ, RT_NE, RT_LT, RT_LE};

rt_value rt_raise_compare_error(rt_vm *vm, rt_compare_op op, rt_value a, rt_value b)
{
    return rt_raise_format(vm, &rt_type_error_type,
                           "'%s' not supported between instances of '%T' and '%T'",
                           compare_symbols[op], a, b);
}

static rt_value small_int_compare(rt_compare_op op, int64_t x, int64_t y)
{
    switch (op) {
    case RT_LT: return rt_bool(x < y);
    case RT_LE: return rt_bool(x <= y);
    case RT_EQ: return rt_bool(x == y);
    case RT_NE: return rt_bool(x != y);
    case RT_GT: return rt_bool(x > y);
    default: return rt_bool(x >= y);
    }
}

/* CPython's do_richcompare: the reflected operation first when the right operand's type
 * derives from the left's, then the left's slot, then the reflected one; == and != fall back
 * to identity. */
rt_value rt_compare(rt_vm *vm, rt_compare_op op, rt_value a, rt_value b)
{
    if (rt_is_small_int(a) && rt_is_small_int(b))
        return small_int_compare(op, rt_small_int_value(a), rt_small_int_value(b));
    const rt_type *ta = rt_type_of(a), *tb = rt_type_of(b);
    bool checked_reverse = false;
    rt_value r;
    if (ta != tb && tb->compare != NULL && rt_type_is_subtype(tb, ta)) {
        checked_reverse = true;
        r = tb->compare(vm, b, a, swapped_ops[op]);
        if (r != RT_NOT_IMPLEMENTED)
            return r;
    }
    if (ta->compare != NULL) {
        r = ta->compare(vm, a, b, op);
        if (r != RT_NOT_IMPLEMENTED)
            return r;
    }
    if (!checked_reverse && tb->compare != NULL) {
        r = tb->compare(vm, b, a, swapped_ops[op]);
        if (r != RT_NOT_IMPLEMENTED)
            return r;
    }
    if (op == RT_EQ)
        return rt_bool(a == b);
    if (op == RT_NE)
        return rt_bool(a != b);
    return rt_raise_compare_error(vm, op, a, b);
}

/* PyObject_RichCompareBool: identical objects are equal without asking them. */
int rt_compare_bool(rt_vm *vm, rt_compare_op op, rt_value a, rt_value b)
{
    if (a == b && (op == RT_EQ || op == RT_NE))
        return op == RT_EQ;
    rt_value r = rt_compare(vm, op, a, b);
    if (r == RT_TRUE)
        return 1;
    if (r == RT_FALSE)
        return 0;
    if (r == RT_ERROR)
        return -1;
    return rt_truthy(vm, r);
}

/* a == b as a truth value, without the identity shortcut (nan != nan): containers test
 * identity themselves first, as PyObject_RichCompareBool does. */
int rt_equal(rt_vm *vm, rt_value a, rt_value b)
{
    if (rt_is_small_int(a) && rt_is_small_int(b))
        return a == b;
    if (rt_is_type(a, &rt_str_type) && rt_is_type(b, &rt_str_type))
        return rt_str_equal(a, b);
    rt_value r = rt_compare(vm, RT_EQ, a, b);
    if (r == RT_TRUE || r == RT_FALSE)
        return r == RT_TRUE;
    return r == RT_ERROR ? -1 : rt_truthy(vm, r);
}

/* ---- containment, truth, hash, len ---- */

/* `item in iterable` for types without a contains slot: PySequence_Contains's iteration. */
static int contains_by_iteration(rt_vm *vm, rt_value container, rt_value item)
{
    rt_value it = rt_get_iter(vm, container);
    if (it == RT_ERROR)
        return -1;
    for (;;) {
        rt_value v = rt_iter_next(vm, it);
        if (v == RT_ERROR)
            return -1;
        if (v == RT_ITER_DONE)
            return 0;
        int eq = v == item ? 1 : rt_equal(vm, v, item);
        if (eq != 0)
            return eq;
    }
}

int rt_contains(rt_vm *vm, rt_value container, rt_value item)
{
    const rt_type *t = rt_type_of(container);
    if (t->contains != NULL)
        return t->contains(vm, container, item);
    if (t->iter != NULL || t->next != NULL || t->getitem != NULL)
        return contains_by_iteration(vm, container, item);
    rt_raise_format(vm, &rt_type_error_type, "argument of type '%T' is not iterable",
                    container);
    return -1;
}

int rt_truthy(rt_vm *vm, rt_value v)
{
    if (v == RT_TRUE)
        return 1;
    if (v == RT_FALSE || v == RT_NONE)
        return 0;
    if (rt_is_small_int(v))
        return v != rt_small_int(0);
    const rt_type *t = rt_type_of(v);
    if (t->truth != NULL)
        return t->truth(vm, v);
    if (t->length != NULL) {
        int64_t n = t->length(vm, v);
        return n < 0 ? -1 : n > 0;
    }
    return 1;
}

/* A type without a hash slot is hashable by identity unless it defines comparison, the rule
 * CPython applies when a class sets __eq__ but not __hash__ (list, dict, set, slice). */
bool rt_hash(rt_vm *vm, rt_value v, int64_t *out)
{
    if (rt_is_small_int(v)) {
        *out = rt_small_int_hash(v);
        return true;
    }
    const rt_type *t = rt_type_of(v);
    if (t == &rt_str_type) {
        *out = rt_str_hash(v);
        return true;
    }
    if (t->hash != NULL)
        return t->hash(vm, v, out);
    if (t->compare == NULL)
        return rt_identity_hash(vm, v, out);
    rt_raise_format(vm, &rt_type_error_type, "unhashable type: '%T'", v);
    return false;
}

int64_t rt_length(rt_vm *vm, rt_value v)
{
    const rt_type *t = rt_type_of(v);
    if (t->length != NULL)
        return t->length(vm, v);
    rt_raise_format(vm, &rt_type_error_type, "object of type '%T' has no len()", v);
    return -1;
}

/* ---- repr and str ---- */

/* Nested containers recurse through repr; CPython bounds that by the recursion limit. */
static bool repr_depth_enter(rt_vm *vm)
{
    if (vm->depth >= vm->recursion_limit ||
        (vm->stack_limit > 1 && (uintptr_t)&vm < vm->stack_limit)) {
        rt_raise_msg(vm, &rt_recursion_error_type,
                     "maximum recursion depth exceeded while getting the repr of an object");
        return false;
    }
    vm->depth++;
    return true;
}

static rt_value default_repr(rt_vm *vm, rt_value v)
{
    return rt_str_printf(vm, "<%s object at %p>", rt_type_of(v)->name, rt_as_object(v));
}

rt_value rt_repr(rt_vm *vm, rt_value v)
{
    const rt_type *t = rt_type_of(v);
    if (t == &rt_str_type)
        return rt_str_repr(vm, v);
    if (t->repr == NULL)
        return default_repr(vm, v);
    if (!repr_depth_enter(vm))
        return RT_ERROR;
    rt_value r = t->repr(vm, v);
    vm->depth--;
    if (r != RT_ERROR && !rt_is_type(r, &rt_str_type))
        return rt_raise_format(vm, &rt_type_error_type, "__repr__ returned non-string (type %T)",
                               r);
    return r;
}

rt_value rt_str(rt_vm *vm, rt_value v)
{
    const rt_type *t = rt_type_of(v);
    if (t == &rt_str_type)
        return v;
    if (t->str == NULL)
        return rt_repr(vm, v);
    if (!repr_depth_enter(vm))
        return RT_ERROR;
    rt_value r = t->str(vm, v);
    vm->depth--;
    return r;
}

/* Py_ReprEnter: the objects whose repr is being built, innermost last. */
int rt_repr_enter(rt_vm *vm, rt_value obj)
{
    if (vm->repr_active == 0)
        vm->repr_active = rt_list_new(0);
    rt_list *l = rt_as_list(vm->repr_active);
    for (int64_t i = 0; i < l->size; i++)
        if (l->items[i] == obj)
            return 1;
    return rt_list_append(vm, vm->repr_active, obj) < 0 ? -1 : 0;
}

void rt_repr_leave(rt_vm *vm, rt_value obj)
{
    if (vm->repr_active == 0)
        return;
    rt_list *l = rt_as_list(vm->repr_active);
    for (int64_t i = l->size - 1; i >= 0; i--) {
        if (l->items[i] == obj) {
            memmove(l->items + i, l->items + i + 1, (size_t)(l->size - i - 1) * sizeof(rt_value));
            l->size--;
            l->items[l->size] = 0;
            return;
        }
    }
}

/* ---- subscripts ---- */

int rt_sequence_key(rt_vm *vm, rt_value key, const char *type_name, int64_t *index)
{
    if (rt_is_small_int(key)) {
        *index = rt_small_int_value(key);
        return 1;
    }
    if (rt_is_type(key, &rt_slice_type))
        return 0;
    if (!rt_is_int(key)) {
        rt_raise_format(vm, &rt_type_error_type, "%s indices must be integers or slices, not %T",
                        type_name, key);
        return -1;
    }
    if (!rt_int_to_int64(key, index)) {
        rt_raise_msg(vm, &rt_index_error_type, "cannot fit 'int' into an index-sized integer");
        return -1;
    }
    return 1;
}

/* lst[i] and tup[i] for a small int in range: no slot call. */
static bool fast_index(rt_value obj, rt_value key, rt_value *out)
{
    if (!rt_is_small_int(key) || !rt_is_object(obj))
        return false;
    const rt_type *t = rt_as_object(obj)->type;
    int64_t i = rt_small_int_value(key), n;
    const rt_value *items;
    if (t == &rt_list_type) {
        n = rt_as_list(obj)->size;
        items = rt_as_list(obj)->items;
    } else if (t == &rt_tuple_type) {
        n = rt_as_tuple(obj)->size;
        items = rt_as_tuple(obj)->items;
    } else {
        return false;
    }
    if (i < 0)
        i += n;
    if (i < 0 || i >= n)
        return false;
    *out = items[i];
    return true;
}

rt_value rt_getitem(rt_vm *vm, rt_value obj, rt_value key)
{
    rt_value v;
    if (fast_index(obj, key, &v))
        return v;
    const rt_type *t = rt_type_of(obj);
    if (t->getitem != NULL)
        return t->getitem(vm, obj, key);
    if (t == &rt_type_type && rt_type_is_generic((const rt_type *)rt_as_object(obj)))
        return rt_generic_alias_new(vm, obj, key); /* list[int] */
    if (t == &rt_type_type)
        return rt_raise_format(vm, &rt_type_error_type, "type '%s' is not subscriptable",
                               ((const rt_type *)rt_as_object(obj))->name);
    return rt_raise_format(vm, &rt_type_error_type, "'%T' object is not subscriptable", obj);
}

int rt_setitem(rt_vm *vm, rt_value obj, rt_value key, rt_value value)
{
    const rt_type *t = rt_type_of(obj);
    if (t->setitem != NULL)
        return t->setitem(vm, obj, key, value);
    rt_raise_format(vm, &rt_type_error_type, "'%T' object does not support item assignment",
                    obj);
    return -1;
}

/* CPython words it "doesn't" for sequences (types that can be indexed) and "does not" for
 * everything else. */
int rt_delitem(rt_vm *vm, rt_value obj, rt_value key)
{
    const rt_type *t = rt_type_of(obj);
    if (t->setitem != NULL)
        return t->setitem(vm, obj, key, 0);
    rt_raise_format(vm, &rt_type_error_type,
                    t->getitem != NULL ? "'%T' object doesn't support item deletion"
                                       : "'%T' object does not support item deletion",
                    obj);
    return -1;
}

/* ---- attributes ---- */

/* The attribute, or 0: with an exception pending on error, without one when missing. */
static rt_value lookup_attr(rt_vm *vm, rt_value obj, rt_value name)
{
    const rt_type *t = rt_type_of(obj);
    rt_value v;
    if (t->getattr != NULL) {
        v = t->getattr(vm, obj, name);
        if (v != 0 || vm->pending != 0)
            return v;
    }
    const rt_method *m = rt_type_find_method(t, rt_str_data(name));
    if (m != NULL)
        return rt_builtin_new(m->name, m->fn, obj, NULL);
    if (rt_str_equal_cstr(name, "__class__"))
        return rt_type_value(t);
    if (rt_str_equal_cstr(name, "__doc__")) /* the type's, seen through the instance */
        return rt_type_doc(t);
    return rt_slot_method(vm, obj, name);
}

rt_value rt_getattr(rt_vm *vm, rt_value obj, rt_value name)
{
    rt_value v = lookup_attr(vm, obj, name);
    if (v == 0 && vm->pending == 0)
        return rt_raise_attribute_error(vm, obj, name);
    return v;
}

rt_value rt_getattr_optional(rt_vm *vm, rt_value obj, rt_value name)
{
    rt_value v = lookup_attr(vm, obj, name);
    if (v == 0 && rt_pending_is(vm, &rt_attribute_error_type))
        vm->pending = 0;
    return v;
}

/* Whether `name` is an attribute the type's getattr slot serves (int.real, len.__name__):
 * those are read-only on objects without a setattr slot. */
static bool has_slot_attribute(rt_vm *vm, const rt_type *t, rt_value obj, rt_value name)
{
    if (t->getattr == NULL)
        return false;
    rt_value v = t->getattr(vm, obj, name);
    if (v == 0 && vm->pending != 0)
        vm->pending = 0;
    return v != 0;
}

/* Objects without a setattr slot have no writable attributes; CPython's message depends on
 * what the name is: a getset attribute, a method, __class__, or nothing. */
int rt_setattr(rt_vm *vm, rt_value obj, rt_value name, rt_value value)
{
    const rt_type *t = rt_type_of(obj);
    if (t->setattr != NULL)
        return t->setattr(vm, obj, name, value);
    if (t == &rt_type_type)
        rt_raise_format(vm, &rt_type_error_type,
                        "cannot set '%U' attribute of immutable type '%s'", name,
                        ((const rt_type *)rt_as_object(obj))->name);
    else if (value != 0 && rt_str_equal_cstr(name, "__class__"))
        rt_raise_msg(vm, &rt_type_error_type,
                     "__class__ assignment only supported for mutable types or ModuleType "
                     "subclasses");
    else if (has_slot_attribute(vm, t, obj, name))
        rt_raise_format(vm, &rt_attribute_error_type, "attribute '%U' of '%s' objects is not writable",
                        name, t->name);
    else if (rt_type_find_method(t, rt_str_data(name)) != NULL)
        rt_raise_format(vm, &rt_attribute_error_type, "'%T' object attribute '%U' is read-only",
                        obj, name);
    else
        rt_raise_format(vm, &rt_attribute_error_type, "'%T' object has no attribute '%U'", obj,
                        name);
    return -1;
}

rt_value rt_call_method(rt_vm *vm, rt_value obj, rt_value name, size_t nargs,
                        const rt_value *args, rt_value kwnames)
{
    const rt_type *t = rt_type_of(obj);
    /* Instance attributes (a module's functions, a function's __dict__) come first; a type's
     * own getattr handles type objects (str.join, dict.fromkeys). */
    if (t != &rt_type_type) {
        if (t->getattr != NULL) {
            rt_value v = t->getattr(vm, obj, name);
            if (v != 0)
                return rt_call(vm, v, nargs, args, kwnames);
            if (vm->pending != 0)
                return RT_ERROR;
        }
        const rt_method *m = rt_type_find_method(t, rt_str_data(name));
        if (m != NULL)
            return m->fn(vm, obj, nargs, args, kwnames);
    }
    rt_value callee = rt_getattr(vm, obj, name);
    if (callee == RT_ERROR)
        return RT_ERROR;
    return rt_call(vm, callee, nargs, args, kwnames);
}

bool rt_isinstance_type(rt_value v, const rt_type *t)
{
    return rt_type_is_subtype(rt_type_of(v), t);
}
