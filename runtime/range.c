/* range: an immutable arithmetic sequence (start, stop, step and its length), with O(1)
 * len, indexing, slicing and int membership, CPython's hash and ==, and an iterator that
 * yields unboxed small ints without allocating. As in CPython the bounds may be any ints: a
 * range whose bounds and length fit int64 keeps them as machine words (the fast path every
 * loop takes); any other keeps them as int values and computes with GMP ints. */
#include "call.h"
#include "exception.h"
#include "int.h"
#include "iter.h"
#include "ops.h"
#include "str.h"
#include "tuple.h"

/* The fields of a range that does not fit int64, as ints (never bools). */
typedef struct range_big {
    rt_value start, stop, step, length;
} range_big;

typedef struct rt_range {
    rt_object base;
    int64_t start, stop, step, length; /* meaningful when big is NULL */
    const range_big *big;
} rt_range;

static rt_range *as_range(rt_value v) { return (rt_range *)rt_as_object(v); }

static rt_value int_value(int64_t v) { return rt_int_from_int64(v); }

/* ---- int arithmetic for the slow path (ints only, so nothing can fail) ---- */

static rt_value add(rt_vm *vm, rt_value a, rt_value b) { return rt_int_binary(vm, RT_ADD, a, b); }
static rt_value sub(rt_vm *vm, rt_value a, rt_value b) { return rt_int_binary(vm, RT_SUB, a, b); }
static rt_value mul(rt_vm *vm, rt_value a, rt_value b) { return rt_int_binary(vm, RT_MUL, a, b); }

static bool less(rt_vm *vm, rt_value a, rt_value b)
{
    return rt_int_compare(vm, a, b, RT_LT) == RT_TRUE;
}

static bool same_int(rt_vm *vm, rt_value a, rt_value b)
{
    return rt_int_compare(vm, a, b, RT_EQ) == RT_TRUE;
}

/* PyNumber_Index of an int: itself, or 0/1 for a bool. */
static rt_value plain_int(rt_value v)
{
    int64_t x;
    return rt_int_to_int64(v, &x) ? int_value(x) : v;
}

static rt_value start_of(const rt_range *r) { return r->big ? r->big->start : int_value(r->start); }
static rt_value stop_of(const rt_range *r) { return r->big ? r->big->stop : int_value(r->stop); }
static rt_value step_of(const rt_range *r) { return r->big ? r->big->step : int_value(r->step); }
static rt_value length_of(const rt_range *r)
{
    return r->big ? r->big->length : int_value(r->length);
}

/* ---- construction ---- */

/* Number of items in range(start, stop, step); 128-bit so extreme bounds cannot overflow. */
static __int128 range_length(int64_t start, int64_t stop, int64_t step)
{
    __int128 lo = start, hi = stop, st = step;
    if (st > 0)
        return lo < hi ? (hi - lo - 1) / st + 1 : 0;
    return lo > hi ? (lo - hi - 1) / -st + 1 : 0;
}

/* CPython's compute_range_length for ints of any size. */
static rt_value long_length(rt_vm *vm, rt_value start, rt_value stop, rt_value step)
{
    rt_value lo = start, hi = stop;
    if (rt_int_sign(step) < 0) {
        lo = stop;
        hi = start;
        step = sub(vm, rt_small_int(0), step);
    }
    if (!less(vm, lo, hi))
        return rt_small_int(0);
    rt_value span = sub(vm, sub(vm, hi, lo), rt_small_int(1));
    return add(vm, rt_int_binary(vm, RT_FLOORDIV, span, step), rt_small_int(1));
}

/* range(start, stop, step) for ints (or bools) of any size. */
static rt_value range_make(rt_vm *vm, rt_value start, rt_value stop, rt_value step)
{
    if (rt_int_sign(step) == 0)
        return rt_raise_msg(vm, &rt_value_error_type, "range() arg 3 must not be zero");
    int64_t a, b, c;
    if (rt_int_to_int64(start, &a) && rt_int_to_int64(stop, &b) && rt_int_to_int64(step, &c)) {
        __int128 n = range_length(a, b, c);
        if (n <= INT64_MAX) {
            rt_range *r = rt_alloc_atomic(sizeof *r, &rt_range_type); /* big stays NULL */
            r->start = a;
            r->stop = b;
            r->step = c;
            r->length = (int64_t)n;
            return rt_from_object(r);
        }
    }
    range_big *big = rt_alloc_raw(sizeof *big);
    big->start = plain_int(start);
    big->stop = plain_int(stop);
    big->step = plain_int(step);
    big->length = long_length(vm, big->start, big->stop, big->step);
    rt_range *r = rt_alloc(sizeof *r, &rt_range_type);
    r->big = big;
    return rt_from_object(r);
}

rt_value rt_range_new(rt_vm *vm, int64_t start, int64_t stop, int64_t step)
{
    return range_make(vm, int_value(start), int_value(stop), int_value(step));
}

static rt_value range_construct(rt_vm *vm, const rt_type *type, size_t nargs,
                                const rt_value *args, rt_value kwnames)
{
    if (kwnames && rt_as_tuple(kwnames)->size > 0)
        return rt_raise_msg(vm, &rt_type_error_type, "range() takes no keyword arguments");
    if (!rt_check_args(vm, "range", nargs, 0, 1, 3))
        return RT_ERROR;
    for (size_t i = 0; i < nargs; i++)
        if (!rt_is_int(args[i]))
            return rt_raise_format(vm, &rt_type_error_type,
                                   "'%T' object cannot be interpreted as an integer", args[i]);
    if (nargs == 1)
        return range_make(vm, rt_small_int(0), args[0], rt_small_int(1));
    return range_make(vm, args[0], args[1], nargs == 3 ? args[2] : rt_small_int(1));
}

/* ---- repr, hash, comparison, truth, len ---- */

static rt_value range_repr(rt_vm *vm, rt_value self)
{
    rt_range *r = as_range(self);
    if (step_of(r) == rt_small_int(1))
        return rt_str_printf(vm, "range(%R, %R)", start_of(r), stop_of(r));
    return rt_str_printf(vm, "range(%R, %R, %R)", start_of(r), stop_of(r), step_of(r));
}

/* CPython's range_hash: hash((len, start, step)) with None for what the length hides. */
static bool range_hash(rt_vm *vm, rt_value self, int64_t *out)
{
    rt_range *r = as_range(self);
    rt_value length = length_of(r), start = RT_NONE, step = RT_NONE;
    if (rt_int_sign(length) != 0)
        start = start_of(r);
    if (length != rt_small_int(0) && length != rt_small_int(1))
        step = step_of(r);
    return rt_hash(vm, rt_tuple_pack(3, length, start, step), out);
}

/* Ranges are equal when they give the same sequence. */
static bool range_same(rt_vm *vm, rt_range *a, rt_range *b)
{
    rt_value length = length_of(a);
    if (!same_int(vm, length, length_of(b)))
        return false;
    if (length == rt_small_int(0))
        return true;
    if (!same_int(vm, start_of(a), start_of(b)))
        return false;
    return length == rt_small_int(1) || same_int(vm, step_of(a), step_of(b));
}

static rt_value range_compare(rt_vm *vm, rt_value self, rt_value other, rt_compare_op op)
{
    if (!rt_is_type(other, &rt_range_type) || (op != RT_EQ && op != RT_NE))
        return RT_NOT_IMPLEMENTED;
    bool same = self == other || range_same(vm, as_range(self), as_range(other));
    return rt_bool(same == (op == RT_EQ));
}

static int range_truth(rt_vm *vm, rt_value self)
{
    return rt_int_sign(length_of(as_range(self))) != 0;
}

/* len() needs a machine-sized length, which a big range may not have. */
static int64_t range_length_slot(rt_vm *vm, rt_value self)
{
    rt_range *r = as_range(self);
    int64_t n = r->length;
    if (r->big && !rt_int_to_int64(r->big->length, &n)) {
        rt_raise_msg(vm, &rt_overflow_error_type, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return n;
}

/* ---- items ---- */

/* Item i (0 <= i < length) of an int64 range. */
static rt_value range_item(rt_range *r, int64_t i)
{
    __int128 v = (__int128)r->start + (__int128)i * r->step;
    return int_value((int64_t)v);
}

/* CPython's compute_item: start + i * step, with no bounds check. */
static rt_value item_at(rt_vm *vm, rt_range *r, rt_value i)
{
    return add(vm, start_of(r), mul(vm, i, step_of(r)));
}

/* r[i] for an int of any size, counting from the end when negative. */
static rt_value long_item(rt_vm *vm, rt_range *r, rt_value i)
{
    rt_value length = length_of(r);
    if (rt_int_sign(i) < 0)
        i = add(vm, i, length);
    if (rt_int_sign(i) < 0 || !less(vm, i, length))
        return rt_raise_msg(vm, &rt_index_error_type, "range object index out of range");
    return item_at(vm, r, i);
}

/* CPython's compute_slice: the items the slice selects, as a range. */
static rt_value range_slice(rt_vm *vm, rt_range *r, rt_value slice)
{
    rt_value bounds[3];
    if (!rt_slice_long_indices(vm, slice, length_of(r), bounds))
        return RT_ERROR;
    return range_make(vm, item_at(vm, r, bounds[0]), item_at(vm, r, bounds[1]),
                      mul(vm, bounds[2], step_of(r)));
}

static rt_value range_getitem(rt_vm *vm, rt_value self, rt_value key)
{
    rt_range *r = as_range(self);
    if (rt_is_type(key, &rt_slice_type))
        return range_slice(vm, r, key);
    if (!rt_is_int(key))
        return rt_raise_format(vm, &rt_type_error_type,
                               "range indices must be integers or slices, not %T", key);
    int64_t i;
    if (r->big || !rt_int_to_int64(key, &i))
        return long_item(vm, r, plain_int(key));
    if (i < 0)
        i += r->length;
    if (i < 0 || i >= r->length)
        return rt_raise_msg(vm, &rt_index_error_type, "range object index out of range");
    return range_item(r, i);
}

/* ---- membership ---- */

/* Index of the int x in a range of any size, or 0 when x is not an item. */
static rt_value long_index_of(rt_vm *vm, rt_range *r, rt_value x)
{
    rt_value start = start_of(r), stop = stop_of(r), step = step_of(r);
    bool inside = rt_int_sign(step) > 0 ? !less(vm, x, start) && less(vm, x, stop)
                                        : !less(vm, start, x) && less(vm, stop, x);
    if (!inside)
        return 0;
    rt_value offset = sub(vm, x, start);
    if (rt_int_sign(rt_int_binary(vm, RT_MOD, offset, step)) != 0)
        return 0;
    return rt_int_binary(vm, RT_FLOORDIV, offset, step);
}

/* Index of the int v in r (as an int), or 0 when v is not an item. */
static rt_value int_index_in(rt_vm *vm, rt_range *r, rt_value v)
{
    int64_t x;
    if (r->big || !rt_int_to_int64(v, &x))
        return long_index_of(vm, r, plain_int(v));
    __int128 off = (__int128)x - r->start;
    if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop))
        return 0;
    if (off % r->step != 0)
        return 0;
    return int_value((int64_t)(off / r->step));
}

static rt_value range_iter(rt_vm *vm, rt_value self);

/* Generic membership for non-int items: compare with the elements in turn, as CPython does.
 * Returns the index of the first equal one (-1 if none, -2 on error); with `count` it goes on
 * to the end counting them, without it stops at the first (so 3.0 in range(10**20) ends). */
static int64_t search(rt_vm *vm, rt_value self, rt_value item, int64_t *count)
{
    rt_value it = range_iter(vm, self), v;
    int64_t first = -1;
    for (int64_t i = 0; (v = rt_iter_next(vm, it)) != RT_ITER_DONE; i++) {
        int eq = rt_equal(vm, v, item);
        if (eq < 0)
            return -2;
        if (eq && first < 0)
            first = i;
        if (eq && !count)
            break;
        if (eq)
            (*count)++;
    }
    return first;
}

static int range_contains(rt_vm *vm, rt_value self, rt_value item)
{
    if (rt_is_int(item))
        return int_index_in(vm, as_range(self), item) != 0;
    int64_t i = search(vm, self, item, NULL);
    return i == -2 ? -1 : i >= 0;
}

/* ---- iterators ---- */

/* range_iterator: iter.h (its layout is read by the JIT's inline FOR_ITER). */
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

/* CPython's longrange_iterator: the iterator of a range beyond int64, on int values. */
typedef struct long_range_iterator {
    rt_object base;
    rt_value next, step, remaining;
} long_range_iterator;

static const rt_type long_range_iterator_type;

static rt_value long_iter_new(rt_value start, rt_value step, rt_value length)
{
    long_range_iterator *it = rt_alloc(sizeof *it, &long_range_iterator_type);
    it->next = start;
    it->step = step;
    it->remaining = length;
    return rt_from_object(it);
}

static rt_value long_iter_next(rt_vm *vm, rt_value self)
{
    long_range_iterator *it = (long_range_iterator *)rt_as_object(self);
    if (rt_int_sign(it->remaining) <= 0)
        return RT_ITER_DONE;
    rt_value v = it->next;
    it->next = add(vm, v, it->step);
    it->remaining = sub(vm, it->remaining, rt_small_int(1));
    return v;
}

static rt_value long_iter_length_hint(rt_vm *vm, rt_value self, size_t nargs,
                                      const rt_value *args, rt_value kwnames)
{
    return ((long_range_iterator *)rt_as_object(self))->remaining;
}

static const rt_method long_iter_methods[] = {
    {"__length_hint__", long_iter_length_hint, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, NULL},
};

static const rt_type long_range_iterator_type = {
    .base = {&rt_type_type},
    .name = "longrange_iterator",
    .base_type = &rt_object_type,
    .iter = self_iter,
    .next = long_iter_next,
    .methods = long_iter_methods,
};

static rt_value range_iter(rt_vm *vm, rt_value self)
{
    rt_range *r = as_range(self);
    if (r->big)
        return long_iter_new(r->big->start, r->big->step, r->big->length);
    return range_iter_new(r->start, r->step, r->length);
}

/* ---- methods and attributes ---- */

static rt_value range_reversed(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                               rt_value kwnames)
{
    if (!rt_check_args(vm, "range.__reversed__", nargs, kwnames, 0, 0))
        return RT_ERROR;
    rt_range *r = as_range(self);
    if (r->big || r->step == INT64_MIN) { /* -step would not fit */
        rt_value length = length_of(r);
        rt_value last = item_at(vm, r, sub(vm, length, rt_small_int(1)));
        return long_iter_new(last, sub(vm, rt_small_int(0), step_of(r)), length);
    }
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
        return rt_small_int(int_index_in(vm, as_range(self), args[0]) != 0);
    int64_t count = 0;
    if (search(vm, self, args[0], &count) == -2)
        return RT_ERROR;
    return rt_int_from_int64(count);
}

static rt_value range_index(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                            rt_value kwnames)
{
    if (!rt_check_args(vm, "range.index", nargs, kwnames, 1, 1))
        return RT_ERROR;
    if (rt_is_int(args[0])) {
        rt_value i = int_index_in(vm, as_range(self), args[0]);
        return i ? i : rt_raise_format(vm, &rt_value_error_type, "%R is not in range", args[0]);
    }
    int64_t i = search(vm, self, args[0], NULL);
    if (i == -2)
        return RT_ERROR;
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
        return start_of(r);
    if (rt_str_equal_cstr(name, "stop"))
        return stop_of(r);
    if (rt_str_equal_cstr(name, "step"))
        return step_of(r);
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
