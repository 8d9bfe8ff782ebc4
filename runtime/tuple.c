/* tuple: construction, CPython 3.11's xxHash-based hash, lexicographic comparison, concat and
 * repeat, indexing and slicing, count/index (the iterator is in iter.c). Also the sequence
 * helpers list.c shares (declared in tuple.h). */
#include <stdarg.h>
#include <string.h>

#include "call.h"
#include "exception.h"
#include "int.h"
#include "iter.h"
#include "list.h"
#include "ops.h"
#include "str.h"
#include "tuple.h"
#include "vm.h"

/* The largest item count a tuple or list may hold: CPython's PY_SSIZE_T_MAX / sizeof(void*),
 * past which repetition raises MemoryError instead of trying to allocate. */
#define MAX_ITEMS ((int64_t)(INT64_MAX / (int64_t)sizeof(rt_value)))

rt_value rt_tuple_new(int64_t size)
{
    rt_tuple *t = rt_alloc(sizeof(rt_tuple) + (size_t)size * sizeof(rt_value), &rt_tuple_type);
    t->size = size;
    return rt_from_object(t);
}

rt_value rt_tuple_from_array(rt_vm *vm, size_t n, const rt_value *items)
{
    (void)vm;
    rt_value t = rt_tuple_new((int64_t)n);
    if (n > 0)
        memcpy(rt_as_tuple(t)->items, items, n * sizeof(rt_value));
    return t;
}

rt_value rt_tuple_pack(size_t n, ...)
{
    rt_value t = rt_tuple_new((int64_t)n);
    va_list ap;
    va_start(ap, n);
    for (size_t i = 0; i < n; i++)
        rt_as_tuple(t)->items[i] = va_arg(ap, rt_value);
    va_end(ap);
    return t;
}

rt_value rt_tuple_from_iterable(rt_vm *vm, rt_value iterable)
{
    if (rt_is_type(iterable, &rt_tuple_type))
        return iterable;
    if (rt_is_type(iterable, &rt_list_type))
        return rt_list_to_tuple(vm, iterable);
    rt_value list = rt_list_from_iterable(vm, iterable);
    return list ? rt_list_to_tuple(vm, list) : RT_ERROR;
}

/* ---- sequence helpers shared with list.c (declared in tuple.h) ---- */

/* A tuple's or list's items; a list's may move or shrink while user code runs, so callers
 * re-read them after every comparison. */
static void items_of(rt_value seq, rt_value **items, int64_t *size)
{
    if (rt_is_type(seq, &rt_list_type)) {
        *items = rt_as_list(seq)->items;
        *size = rt_as_list(seq)->size;
    } else {
        *items = rt_as_tuple(seq)->items;
        *size = rt_as_tuple(seq)->size;
    }
}

/* PyObject_RichCompareBool's equality: identity first, so a NaN equals itself in a tuple. */
static int item_equal(rt_vm *vm, rt_value a, rt_value b)
{
    return a == b ? 1 : rt_equal(vm, a, b);
}

static rt_value compare_sizes(int64_t na, int64_t nb, rt_compare_op op)
{
    switch (op) {
    case RT_LT: return rt_bool(na < nb);
    case RT_LE: return rt_bool(na <= nb);
    case RT_EQ: return rt_bool(na == nb);
    case RT_NE: return rt_bool(na != nb);
    case RT_GT: return rt_bool(na > nb);
    default: return rt_bool(na >= nb);
    }
}

/* CPython's tuple/list richcompare: skip the equal prefix, then compare the first differing
 * items with `op` itself, or the lengths when one sequence is a prefix of the other. */
rt_value rt_sequence_compare(rt_vm *vm, rt_value a, rt_value b, rt_compare_op op)
{
    rt_value *x, *y;
    int64_t na, nb;
    items_of(a, &x, &na);
    items_of(b, &y, &nb);
    if ((op == RT_EQ || op == RT_NE) && na != nb)
        return rt_bool(op == RT_NE);
    int64_t i = 0;
    for (;; i++) {
        items_of(a, &x, &na);
        items_of(b, &y, &nb);
        if (i >= na || i >= nb)
            return compare_sizes(na, nb, op);
        int eq = item_equal(vm, x[i], y[i]);
        if (eq < 0)
            return RT_ERROR;
        if (!eq)
            break;
    }
    items_of(a, &x, &na);
    items_of(b, &y, &nb);
    if (i >= na || i >= nb)
        return compare_sizes(na, nb, op);
    if (op == RT_EQ || op == RT_NE)
        return rt_bool(op == RT_NE);
    return rt_compare(vm, op, x[i], y[i]);
}

bool rt_sequence_repr_items(rt_vm *vm, rt_strbuf *b, rt_value seq)
{
    rt_value *items;
    int64_t size;
    items_of(seq, &items, &size);
    for (int64_t i = 0; i < size; i++) {
        if (i > 0)
            rt_strbuf_append(b, ", ", 2);
        if (!rt_strbuf_append_repr_of(vm, b, items[i]))
            return false;
        items_of(seq, &items, &size); /* a repr may have mutated a list */
    }
    return true;
}

int64_t rt_sequence_find(rt_vm *vm, rt_value seq, rt_value item, int64_t start, int64_t stop)
{
    rt_value *items;
    int64_t size;
    items_of(seq, &items, &size);
    for (int64_t i = start < 0 ? 0 : start; i < stop && i < size; i++) {
        int eq = item_equal(vm, items[i], item);
        if (eq < 0)
            return -2;
        if (eq)
            return i;
        items_of(seq, &items, &size);
    }
    return -1;
}

int rt_sequence_contains(rt_vm *vm, rt_value seq, rt_value item)
{
    int64_t i = rt_sequence_find(vm, seq, item, 0, INT64_MAX);
    return i == -2 ? -1 : i >= 0;
}

int64_t rt_sequence_count(rt_vm *vm, rt_value seq, rt_value item)
{
    rt_value *items;
    int64_t size, n = 0;
    items_of(seq, &items, &size);
    for (int64_t i = 0; i < size; i++) {
        int eq = item_equal(vm, items[i], item);
        if (eq < 0)
            return -1;
        n += eq;
        items_of(seq, &items, &size);
    }
    return n;
}

/* index(x[, start[, stop]]): the bounds are clamped like slice bounds (negative ones count
 * from the end), as CPython's _PyEval_SliceIndexNotNone does. */
bool rt_sequence_index_args(rt_vm *vm, const char *name, size_t nargs, const rt_value *args,
                            rt_value kwnames, int64_t size, int64_t *start, int64_t *stop)
{
    if (!rt_check_args(vm, name, nargs, kwnames, 1, 3))
        return false;
    *start = 0, *stop = INT64_MAX;
    for (size_t k = 1; k < nargs; k++) {
        int64_t v;
        if (!rt_is_int(args[k])) {
            rt_raise_msg(vm, &rt_type_error_type,
                         "slice indices must be integers or have an __index__ method");
            return false;
        }
        if (!rt_int_to_int64(args[k], &v))
            v = rt_int_sign(args[k]) < 0 ? INT64_MIN : INT64_MAX;
        if (v < 0) {
            v += size;
            if (v < 0)
                v = 0;
        }
        if (k == 1)
            *start = v;
        else
            *stop = v;
    }
    return true;
}

bool rt_sequence_repeat_count(rt_vm *vm, rt_value n, int64_t size, int64_t *out)
{
    if (!rt_is_int(n)) {
        rt_raise_format(vm, &rt_type_error_type,
                        "can't multiply sequence by non-int of type '%T'", n);
        return false;
    }
    int64_t count;
    if (!rt_int_index(vm, n, &count))
        return false;
    if (count < 0)
        count = 0;
    if (size > 0 && count > MAX_ITEMS / size) {
        rt_raise_msg(vm, &rt_memory_error_type, "");
        return false;
    }
    *out = count;
    return true;
}

/* ---- slots ---- */

static rt_value tuple_repr(rt_vm *vm, rt_value self)
{
    rt_tuple *t = rt_as_tuple(self);
    if (t->size == 0)
        return rt_str_new("()", 2);
    /* A tuple can contain itself through a list: t = ([],); t[0].append(t) -> ([(...)],) */
    if (rt_repr_enter(vm, self))
        return rt_str_new("(...)", 5);
    rt_strbuf b;
    rt_strbuf_init(&b);
    rt_strbuf_append_char(&b, '(');
    bool ok = rt_sequence_repr_items(vm, &b, self);
    rt_repr_leave(vm, self);
    if (!ok)
        return RT_ERROR;
    if (t->size == 1)
        rt_strbuf_append_char(&b, ',');
    rt_strbuf_append_char(&b, ')');
    return rt_strbuf_finish(&b);
}

/* CPython 3.11's tuplehash (xxHash's round and merge over the items' hashes). */
static bool tuple_hash(rt_vm *vm, rt_value self, int64_t *out)
{
    const uint64_t prime1 = 11400714785074694791ULL, prime2 = 14029467366897019727ULL,
                   prime5 = 2870177450012600261ULL;
    rt_tuple *t = rt_as_tuple(self);
    uint64_t acc = prime5;
    for (int64_t i = 0; i < t->size; i++) {
        int64_t h;
        if (!rt_hash(vm, t->items[i], &h))
            return false;
        acc += (uint64_t)h * prime2;
        acc = (acc << 31) | (acc >> 33);
        acc *= prime1;
    }
    acc += (uint64_t)t->size ^ (prime5 ^ 3527539UL);
    *out = acc == (uint64_t)-1 ? 1546275796 : (int64_t)acc;
    return true;
}

static rt_value tuple_compare(rt_vm *vm, rt_value self, rt_value other, rt_compare_op op)
{
    if (!rt_is_type(self, &rt_tuple_type) || !rt_is_type(other, &rt_tuple_type))
        return RT_NOT_IMPLEMENTED;
    return rt_sequence_compare(vm, self, other, op);
}

static rt_value tuple_concat(rt_vm *vm, rt_value a, rt_value b)
{
    if (!rt_is_type(b, &rt_tuple_type))
        return rt_raise_format(vm, &rt_type_error_type,
                               "can only concatenate tuple (not \"%T\") to tuple", b);
    rt_tuple *x = rt_as_tuple(a), *y = rt_as_tuple(b);
    if (y->size == 0)
        return a;
    if (x->size == 0)
        return b;
    rt_value r = rt_tuple_new(x->size + y->size);
    memcpy(rt_as_tuple(r)->items, x->items, (size_t)x->size * sizeof(rt_value));
    memcpy(rt_as_tuple(r)->items + x->size, y->items, (size_t)y->size * sizeof(rt_value));
    return r;
}

static rt_value tuple_repeat(rt_vm *vm, rt_value t, rt_value count)
{
    rt_tuple *x = rt_as_tuple(t);
    int64_t n;
    if (!rt_sequence_repeat_count(vm, count, x->size, &n))
        return RT_ERROR;
    if (n == 1)
        return t;
    rt_value r = rt_tuple_new(x->size * n);
    for (int64_t k = 0; k < n; k++)
        memcpy(rt_as_tuple(r)->items + k * x->size, x->items, (size_t)x->size * sizeof(rt_value));
    return r;
}

static rt_value tuple_binary(rt_vm *vm, int op, rt_value a, rt_value b)
{
    bool left = rt_is_type(a, &rt_tuple_type);
    switch (op & ~RT_INPLACE) {
    case RT_ADD: return left ? tuple_concat(vm, a, b) : RT_NOT_IMPLEMENTED;
    case RT_MUL: return left ? tuple_repeat(vm, a, b) : tuple_repeat(vm, b, a);
    default: return RT_NOT_IMPLEMENTED;
    }
}

static int tuple_truth(rt_vm *vm, rt_value self) { return rt_as_tuple(self)->size != 0; }

static int64_t tuple_length(rt_vm *vm, rt_value self) { return rt_as_tuple(self)->size; }

static rt_value tuple_slice(rt_vm *vm, rt_value self, rt_value slice)
{
    rt_tuple *t = rt_as_tuple(self);
    int64_t start, stop, step, count;
    if (rt_slice_indices(vm, slice, t->size, &start, &stop, &step, &count) < 0)
        return RT_ERROR;
    if (step == 1 && count == t->size)
        return self;
    rt_value r = rt_tuple_new(count);
    for (int64_t k = 0, i = start; k < count; k++, i += step)
        rt_as_tuple(r)->items[k] = t->items[i];
    return r;
}

static rt_value tuple_getitem(rt_vm *vm, rt_value self, rt_value key)
{
    if (rt_is_type(key, &rt_slice_type))
        return tuple_slice(vm, self, key);
    rt_tuple *t = rt_as_tuple(self);
    int64_t i;
    if (rt_is_small_int(key)) {
        i = rt_small_int_value(key);
    } else if (!rt_is_int(key)) {
        return rt_raise_format(vm, &rt_type_error_type,
                               "tuple indices must be integers or slices, not %T", key);
    } else if (!rt_int_to_int64(key, &i)) {
        return rt_raise_msg(vm, &rt_index_error_type,
                            "cannot fit 'int' into an index-sized integer");
    }
    if (i < 0)
        i += t->size;
    if (i < 0 || i >= t->size)
        return rt_raise_msg(vm, &rt_index_error_type, "tuple index out of range");
    return t->items[i];
}

/* ---- methods ---- */

static rt_value tuple_count(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                            rt_value kwnames)
{
    if (!rt_check_args(vm, "tuple.count", nargs, kwnames, 1, 1))
        return RT_ERROR;
    int64_t n = rt_sequence_count(vm, self, args[0]);
    return n < 0 ? RT_ERROR : rt_small_int(n);
}

static rt_value tuple_index(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                            rt_value kwnames)
{
    int64_t start, stop;
    if (!rt_sequence_index_args(vm, "index", nargs, args, kwnames, rt_as_tuple(self)->size,
                                &start, &stop))
        return RT_ERROR;
    int64_t i = rt_sequence_find(vm, self, args[0], start, stop);
    if (i == -2)
        return RT_ERROR;
    if (i < 0)
        return rt_raise_msg(vm, &rt_value_error_type, "tuple.index(x): x not in tuple");
    return rt_small_int(i);
}

static const rt_method tuple_methods[] = {
    {"count", tuple_count, "Return number of occurrences of value."},
    {"index", tuple_index, "Return first index of value."},
    {NULL, NULL, NULL}};

static rt_value tuple_construct(rt_vm *vm, const rt_type *type, size_t nargs,
                                const rt_value *args, rt_value kwnames)
{
    (void)type;
    if (!rt_check_args(vm, "tuple", nargs, kwnames, 0, 1))
        return RT_ERROR;
    return nargs == 0 ? rt_tuple_new(0) : rt_tuple_from_iterable(vm, args[0]);
}

static rt_value tuple_iter(rt_vm *vm, rt_value self) { return rt_sequence_iter_new(self); }

const rt_type rt_tuple_type = {
    .base = {&rt_type_type},
    .name = "tuple",
    .base_type = &rt_object_type,
    .repr = tuple_repr,
    .hash = tuple_hash,
    .compare = tuple_compare,
    .binary = tuple_binary,
    .truth = tuple_truth,
    .length = tuple_length,
    .contains = rt_sequence_contains,
    .getitem = tuple_getitem,
    .iter = tuple_iter,
    .methods = tuple_methods,
    .construct = tuple_construct,
};
