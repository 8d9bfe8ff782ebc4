/* range: an immutable arithmetic sequence (start, stop, step and its length), with O(1)
 * len, indexing, slicing and int membership, CPython's hash and ==, and an iterator that
 * yields unboxed small ints without allocating. Bounds are limited to int64. */
#include "call.h"
#include "exception.h"
#include "int.h"
#include "iter.h"
#include "ops.h"
#include "str.h"
#include "tuple.h"

typedef struct rt_range {
    rt_object base;
    int64_t start, stop, step, length;
} rt_range;

static rt_range *as_range(rt_value v) { return (rt_range *)rt_as_object(v); }

/* Number of items in range(start, stop, step); 128-bit so extreme bounds cannot overflow. */
static __int128 range_length(int64_t start, int64_t stop, int64_t step)
{
    __int128 lo = start, hi = stop, st = step;
    if (st > 0)
        return lo < hi ? (hi - lo - 1) / st + 1 : 0;
    return lo > hi ? (lo - hi - 1) / -st + 1 : 0;
}

static bool fits_small(__int128 v) { return v >= RT_SMALL_INT_MIN && v <= RT_SMALL_INT_MAX; }

rt_value rt_range_new(rt_vm *vm, int64_t start, int64_t stop, int64_t step)
{
    if (step == 0)
        return rt_raise_msg(vm, &rt_value_error_type, "range() arg 3 must not be zero");
    __int128 n = range_length(start, stop, step);
    if (n > INT64_MAX)
        return rt_raise_msg(vm, &rt_overflow_error_type,
                            "Python int too large to convert to C ssize_t");
    rt_range *r = rt_alloc_atomic(sizeof *r, &rt_range_type);
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->length = (int64_t)n;
    return rt_from_object(r);
}

static rt_value int_value(int64_t v) { return rt_int_from_int64(v); }

/* Item i (0 <= i < length) as an int value. */
static rt_value range_item(rt_range *r, int64_t i)
{
    __int128 v = (__int128)r->start + (__int128)i * r->step;
    return int_value((int64_t)v);
}

/* A range bound: an int (or bool); big ints are outside what cellar's range supports. */
static bool range_arg(rt_vm *vm, rt_value v, int64_t *out)
{
    if (!rt_int_index(vm, v, out)) {
        if (rt_pending_is(vm, &rt_overflow_error_type)) {
            vm->pending = 0;
            rt_raise_msg(vm, &rt_overflow_error_type,
                         "range() bounds beyond 64 bits are not supported");
        }
        return false;
    }
    return true;
}

static rt_value range_construct(rt_vm *vm, const rt_type *type, size_t nargs,
                                const rt_value *args, rt_value kwnames)
{
    if (kwnames && rt_as_tuple(kwnames)->size > 0)
        return rt_raise_msg(vm, &rt_type_error_type, "range() takes no keyword arguments");
    if (!rt_check_args(vm, "range", nargs, 0, 1, 3))
        return RT_ERROR;
    int64_t v[3] = {0, 0, 1};
    for (size_t i = 0; i < nargs; i++)
        if (!range_arg(vm, args[i], &v[i]))
            return RT_ERROR;
    if (nargs == 1)
        return rt_range_new(vm, 0, v[0], 1);
    return rt_range_new(vm, v[0], v[1], v[2]);
}

static rt_value range_repr(rt_vm *vm, rt_value self)
{
    rt_range *r = as_range(self);
    if (r->step == 1)
        return rt_str_printf(vm, "range(%lld, %lld)", (long long)r->start, (long long)r->stop);
    return rt_str_printf(vm, "range(%lld, %lld, %lld)", (long long)r->start, (long long)r->stop,
                         (long long)r->step);
}

/* CPython's range_hash: hash((len, start, step)) with None for what the length hides. */
static bool range_hash(rt_vm *vm, rt_value self, int64_t *out)
{
    rt_range *r = as_range(self);
    rt_value start = RT_NONE, step = RT_NONE;
    if (r->length > 0)
        start = int_value(r->start);
    if (r->length > 1)
        step = int_value(r->step);
    return rt_hash(vm, rt_tuple_pack(3, int_value(r->length), start, step), out);
}

/* Ranges are equal when they give the same sequence. */
static bool range_same(rt_range *a, rt_range *b)
{
    if (a->length != b->length)
        return false;
    if (a->length == 0)
        return true;
    if (a->start != b->start)
        return false;
    return a->length == 1 || a->step == b->step;
}

static rt_value range_compare(rt_vm *vm, rt_value self, rt_value other, rt_compare_op op)
{
    if (!rt_is_type(other, &rt_range_type) || (op != RT_EQ && op != RT_NE))
        return RT_NOT_IMPLEMENTED;
    bool same = self == other || range_same(as_range(self), as_range(other));
    return rt_bool(same == (op == RT_EQ));
}

static int range_truth(rt_vm *vm, rt_value self) { return as_range(self)->length != 0; }

static int64_t range_length_slot(rt_vm *vm, rt_value self) { return as_range(self)->length; }

/* Index of the int v in r, or -1. */
static int64_t int_index_in(rt_range *r, rt_value v)
{
    int64_t x;
    if (!rt_int_to_int64(v, &x))
        return -1;
    __int128 off = (__int128)x - r->start;
    if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop))
        return -1;
    if (off % r->step != 0)
        return -1;
    return (int64_t)(off / r->step);
}

/* Generic membership for non-int items: compare with every element, as CPython does. */
static int64_t search(rt_vm *vm, rt_range *r, rt_value item, int64_t *count)
{
    int64_t first = -1;
    *count = 0;
    for (int64_t i = 0; i < r->length; i++) {
        int eq = rt_equal(vm, range_item(r, i), item);
        if (eq < 0)
            return -2;
        if (eq) {
            if (first < 0)
                first = i;
            (*count)++;
        }
    }
    return first;
}

static int range_contains(rt_vm *vm, rt_value self, rt_value item)
{
    if (rt_is_int(item))
        return int_index_in(as_range(self), item) >= 0;
    int64_t count;
    int64_t i = search(vm, as_range(self), item, &count);
    return i == -2 ? -1 : i >= 0;
}

static rt_value range_slice(rt_vm *vm, rt_range *r, rt_value slice)
{
    int64_t start, stop, step, count;
    if (rt_slice_indices(vm, slice, r->length, &start, &stop, &step, &count) < 0)
        return RT_ERROR;
    __int128 nstart = (__int128)r->start + (__int128)start * r->step;
    __int128 nstop = (__int128)r->start + (__int128)stop * r->step;
    __int128 nstep = (__int128)step * r->step;
    if (!fits_small(nstart) || !fits_small(nstop) || !fits_small(nstep))
        return rt_raise_msg(vm, &rt_overflow_error_type,
                            "range() bounds beyond 64 bits are not supported");
    return rt_range_new(vm, (int64_t)nstart, (int64_t)nstop, (int64_t)nstep);
}

static rt_value range_getitem(rt_vm *vm, rt_value self, rt_value key)
{
    rt_range *r = as_range(self);
    int64_t i;
    int kind = rt_sequence_key(vm, key, "range", &i);
    if (kind < 0)
        return RT_ERROR;
    if (kind == 0)
        return range_slice(vm, r, key);
    if (i < 0)
        i += r->length;
    if (i < 0 || i >= r->length)
        return rt_raise_msg(vm, &rt_index_error_type, "range object index out of range");
    return range_item(r, i);
}

/* ---- iterator ---- */

typedef struct range_iterator {
    rt_object base;
    int64_t next, step, remaining;
} range_iterator;

static rt_value range_iter_new(int64_t start, int64_t step, int64_t length)
{
    range_iterator *it = rt_alloc_atomic(sizeof *it, &rt_range_iterator_type);
    it->next = start;
    it->step = step;
    it->remaining = length;
    return rt_from_object(it);
}

static rt_value range_iter_next(rt_vm *vm, rt_value self)
{
    range_iterator *it = (range_iterator *)rt_as_object(self);
    if (it->remaining <= 0)
        return RT_ITER_DONE;
    int64_t v = it->next;
    it->remaining--;
    if (it->remaining > 0)
        it->next = v + it->step; /* never past the last item, so no overflow */
    return v >= RT_SMALL_INT_MIN && v <= RT_SMALL_INT_MAX ? rt_small_int(v)
                                                          : rt_int_from_int64(v);
}

static rt_value self_iter(rt_vm *vm, rt_value self) { return self; }

static rt_value range_iter_length_hint(rt_vm *vm, rt_value self, size_t nargs,
                                       const rt_value *args, rt_value kwnames)
{
    return rt_int_from_int64(((range_iterator *)rt_as_object(self))->remaining);
}

static const rt_method range_iter_methods[] = {
    {"__length_hint__", range_iter_length_hint, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, NULL},
};

const rt_type rt_range_iterator_type = {
    .base = {&rt_type_type},
    .name = "range_iterator",
    .base_type = &rt_object_type,
    .iter = self_iter,
    .next = range_iter_next,
    .methods = range_iter_methods,
};

static rt_value range_iter(rt_vm *vm, rt_value self)
{
    rt_range *r = as_range(self);
    return range_iter_new(r->start, r->step, r->length);
}

/* ---- methods and attributes ---- */

static rt_value range_reversed(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                               rt_value kwnames)
{
    if (!rt_check_args(vm, "range.__reversed__", nargs, kwnames, 0, 0))
        return RT_ERROR;
    rt_range *r = as_range(self);
    if (r->length == 0)
        return range_iter_new(r->start, -r->step, 0);
    __int128 last = (__int128)r->start + (__int128)(r->length - 1) * r->step;
    return range_iter_new((int64_t)last, -r->step, r->length);
}

static rt_value range_count(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                            rt_value kwnames)
{
    if (!rt_check_args(vm, "range.count", nargs, kwnames, 1, 1))
        return RT_ERROR;
    if (rt_is_int(args[0]))
        return rt_small_int(int_index_in(as_range(self), args[0]) >= 0);
    int64_t count;
    if (search(vm, as_range(self), args[0], &count) == -2)
        return RT_ERROR;
    return rt_int_from_int64(count);
}

static rt_value range_index(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                            rt_value kwnames)
{
    if (!rt_check_args(vm, "range.index", nargs, kwnames, 1, 1))
        return RT_ERROR;
    int64_t i, count;
    if (rt_is_int(args[0]))
        i = int_index_in(as_range(self), args[0]);
    else if ((i = search(vm, as_range(self), args[0], &count)) == -2)
        return RT_ERROR;
    if (i < 0 && rt_is_int(args[0]))
        return rt_raise_format(vm, &rt_value_error_type, "%R is not in range", args[0]);
    if (i < 0)
        return rt_raise_msg(vm, &rt_value_error_type, "sequence.index(x): x not in sequence");
    return rt_int_from_int64(i);
}

static const rt_method range_methods[] = {
    {"__reversed__", range_reversed, "Return a reverse iterator."},
    {"count", range_count, "rangeobject.count(value) -> integer -- return number of occurrences of value"},
    {"index", range_index, "rangeobject.index(value) -> integer -- return index of value."},
    {NULL, NULL, NULL},
};

static rt_value range_getattr(rt_vm *vm, rt_value self, rt_value name)
{
    rt_range *r = as_range(self);
    if (rt_str_equal_cstr(name, "start"))
        return int_value(r->start);
    if (rt_str_equal_cstr(name, "stop"))
        return int_value(r->stop);
    if (rt_str_equal_cstr(name, "step"))
        return int_value(r->step);
    return 0;
}

const rt_type rt_range_type = {
    .base = {&rt_type_type},
    .name = "range",
    .base_type = &rt_object_type,
    .repr = range_repr,
    .hash = range_hash,
    .compare = range_compare,
    .truth = range_truth,
    .length = range_length_slot,
    .contains = range_contains,
    .getitem = range_getitem,
    .iter = range_iter,
    .getattr = range_getattr,
    .methods = range_methods,
    .construct = range_construct,
};
