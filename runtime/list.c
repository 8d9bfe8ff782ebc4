/* list: a growable array with CPython's over-allocation, slice assignment and deletion with
 * CPython's errors, in-place concatenation and repetition, and the list methods (sort lives in
 * sort.c). */
#include <string.h>

#include "call.h"
#include "exception.h"
#include "int.h"
#include "iter.h"
#include "list.h"
#include "ops.h"
#include "str.h"
#include "tuple.h"
#include "type.h"

rt_value rt_list_new(int64_t capacity)
{
    rt_list *l = rt_alloc(sizeof *l, &rt_list_type);
    if (capacity > 0) {
        l->items = rt_alloc_raw((size_t)capacity * sizeof(rt_value));
        l->capacity = capacity;
    }
    return rt_from_object(l);
}

/* CPython's list_resize: grow by about 1/8 plus a little, rounded to a multiple of 4, and
 * give memory back only when the list shrinks below half its allocation. */
void rt_list_resize(rt_list *l, int64_t newsize)
{
    if (l->capacity >= newsize && newsize >= (l->capacity >> 1)) {
        l->size = newsize;
        return;
    }
    int64_t alloc = (newsize + (newsize >> 3) + 6) & ~(int64_t)3;
    if (newsize - l->size > alloc - newsize)
        alloc = (newsize + 3) & ~(int64_t)3;
    if (newsize == 0)
        alloc = 0;
    rt_value *items = alloc ? rt_alloc_raw((size_t)alloc * sizeof(rt_value)) : NULL;
    int64_t keep = l->size < newsize ? l->size : newsize;
    if (keep > 0)
        memcpy(items, l->items, (size_t)keep * sizeof(rt_value));
    l->items = items;
    l->capacity = alloc;
    l->size = newsize;
}

rt_value rt_list_from_array(rt_vm *vm, size_t n, const rt_value *items)
{
    (void)vm;
    rt_value v = rt_list_new((int64_t)n);
    if (n > 0)
        memcpy(rt_as_list(v)->items, items, n * sizeof *items);
    rt_as_list(v)->size = (int64_t)n;
    return v;
}

/* CPython's list_preallocate_exact, for a list with no item array yet: room for exactly n
 * items rounded up to even (the allocator's granularity makes the odd slot free). */
static void preallocate_exact(rt_list *l, int64_t n)
{
    int64_t alloc = (n + 1) & ~(int64_t)1;
    l->items = rt_alloc_raw((size_t)alloc * sizeof(rt_value));
    l->capacity = alloc;
}

/* list(iterable): a sized iterable's items are allocated exactly, as list___init__ does. */
rt_value rt_list_from_iterable(rt_vm *vm, rt_value iterable)
{
    rt_value v = rt_list_new(0);
    const rt_type *t = rt_type_of(iterable);
    if (t->length != NULL && !rt_is_type(iterable, &rt_list_type) &&
        !rt_is_type(iterable, &rt_tuple_type)) {
        int64_t n = rt_length(vm, iterable);
        if (n < 0) {
            if (!rt_pending_is(vm, &rt_type_error_type))
                return RT_ERROR;
            vm->pending = 0;
        } else if (n > 0) {
            preallocate_exact(rt_as_list(v), n);
        }
    }
    return rt_list_extend(vm, v, iterable) < 0 ? RT_ERROR : v;
}

int rt_list_append(rt_vm *vm, rt_value list, rt_value item)
{
    (void)vm;
    rt_list *l = rt_as_list(list);
    int64_t n = l->size;
    if (n < l->capacity) {
        l->items[n] = item;
        l->size = n + 1;
        return 0;
    }
    rt_list_resize(l, n + 1);
    l->items[n] = item;
    return 0;
}

static void extend_array(rt_list *l, int64_t n, const rt_value *items)
{
    if (n == 0)
        return;
    int64_t old = l->size;
    /* items may be l's own array, which the resize replaces: copy the source first. */
    rt_value *src = rt_alloc_raw((size_t)n * sizeof(rt_value));
    memcpy(src, items, (size_t)n * sizeof(rt_value));
    if (l->items == NULL) {
        preallocate_exact(l, n);
        l->size = n;
    } else {
        rt_list_resize(l, old + n);
    }
    memcpy(l->items + old, src, (size_t)n * sizeof(rt_value));
}

/* PyObject_LengthHint(o, 8): len(o), else o.__length_hint__(), else 8; -1 on error. */
static int64_t length_hint(rt_vm *vm, rt_value o)
{
    const rt_type *t = rt_type_of(o);
    if (t->length != NULL) {
        int64_t n = rt_length(vm, o);
        if (n >= 0 || !rt_pending_is(vm, &rt_type_error_type))
            return n;
        vm->pending = 0;
    }
    const rt_method *m = rt_type_find_method(t, "__length_hint__");
    if (m == NULL)
        return 8;
    rt_value r = m->fn(vm, o, 0, NULL, 0);
    if (r == RT_ERROR)
        return -1;
    int64_t n;
    if (r == RT_NOT_IMPLEMENTED || !rt_int_to_int64(r, &n))
        return 8;
    if (n < 0) {
        rt_raise_msg(vm, &rt_value_error_type, "__length_hint__() should return >= 0");
        return -1;
    }
    return n;
}

/* CPython's list_extend: lists and tuples are copied at once; any other iterable is run to
 * exhaustion into room made from its length hint, and the room left over is given back. */
int rt_list_extend(rt_vm *vm, rt_value list, rt_value iterable)
{
    rt_list *l = rt_as_list(list);
    if (rt_is_type(iterable, &rt_list_type)) {
        extend_array(l, rt_as_list(iterable)->size, rt_as_list(iterable)->items);
        return 0;
    }
    if (rt_is_type(iterable, &rt_tuple_type)) {
        extend_array(l, rt_as_tuple(iterable)->size, rt_as_tuple(iterable)->items);
        return 0;
    }
    rt_value it = rt_get_iter(vm, iterable);
    if (it == 0)
        return -1;
    int64_t n = length_hint(vm, iterable);
    if (n < 0)
        return -1;
    int64_t m = l->size;
    if (l->items == NULL) {
        if (n > 0)
            preallocate_exact(l, n);
    } else if (n <= INT64_MAX / 2 - m) {
        rt_list_resize(l, m + n);
        l->size = m;
    }
    for (;;) {
        rt_value item = rt_iter_next(vm, it);
        if (item == RT_ERROR)
            return -1;
        if (item == RT_ITER_DONE)
            break;
        rt_list_append(vm, list, item);
    }
    if (l->size < l->capacity)
        rt_list_resize(l, l->size);
    return 0;
}

rt_value rt_list_to_tuple(rt_vm *vm, rt_value list)
{
    return rt_tuple_from_array(vm, (size_t)rt_as_list(list)->size, rt_as_list(list)->items);
}

/* ---- repr, comparison, arithmetic ---- */

static rt_value list_repr(rt_vm *vm, rt_value self)
{
    if (rt_as_list(self)->size == 0)
        return rt_str_from_cstr("[]");
    if (rt_repr_enter(vm, self))
        return rt_str_from_cstr("[...]");
    rt_strbuf b;
    rt_strbuf_init(&b);
    rt_strbuf_append_char(&b, '[');
    bool ok = rt_sequence_repr_items(vm, &b, self);
    rt_repr_leave(vm, self);
    if (!ok)
        return RT_ERROR;
    rt_strbuf_append_char(&b, ']');
    return rt_strbuf_finish(&b);
}

static rt_value list_compare(rt_vm *vm, rt_value self, rt_value other, rt_compare_op op)
{
    if (!rt_is_type(other, &rt_list_type))
        return RT_NOT_IMPLEMENTED;
    return rt_sequence_compare(vm, self, other, op);
}

static rt_value list_concat(rt_vm *vm, rt_value a, rt_value b)
{
    if (!rt_is_type(b, &rt_list_type))
        return rt_raise_format(vm, &rt_type_error_type,
                               "can only concatenate list (not \"%T\") to list", b);
    rt_list *x = rt_as_list(a), *y = rt_as_list(b);
    rt_value r = rt_list_new(x->size + y->size);
    rt_list *z = rt_as_list(r);
    if (x->size)
        memcpy(z->items, x->items, (size_t)x->size * sizeof(rt_value));
    if (y->size)
        memcpy(z->items + x->size, y->items, (size_t)y->size * sizeof(rt_value));
    z->size = x->size + y->size;
    return r;
}

/* Repeats the first `size` items of `items` n times into `dest` (which has room). */
static void repeat_into(rt_value *dest, const rt_value *items, int64_t size, int64_t n)
{
    for (int64_t i = 0; i < n; i++)
        memcpy(dest + i * size, items, (size_t)size * sizeof(rt_value));
}

static rt_value list_repeat(rt_vm *vm, rt_value list, rt_value count)
{
    rt_list *l = rt_as_list(list);
    int64_t n;
    if (!rt_sequence_repeat_count(vm, count, l->size, &n))
        return RT_ERROR;
    rt_value r = rt_list_new(l->size * n);
    repeat_into(rt_as_list(r)->items, l->items, l->size, n);
    rt_as_list(r)->size = l->size * n;
    return r;
}

static rt_value list_inplace_repeat(rt_vm *vm, rt_value list, rt_value count)
{
    rt_list *l = rt_as_list(list);
    int64_t n;
    if (!rt_sequence_repeat_count(vm, count, l->size, &n))
        return RT_ERROR;
    if (n == 0 || l->size == 0) {
        rt_list_resize(l, 0);
        return list;
    }
    int64_t size = l->size;
    rt_value *copy = rt_alloc_raw((size_t)size * sizeof(rt_value));
    memcpy(copy, l->items, (size_t)size * sizeof(rt_value));
    rt_list_resize(l, size * n);
    repeat_into(l->items, copy, size, n);
    return list;
}

static rt_value list_binary(rt_vm *vm, int op, rt_value a, rt_value b)
{
    bool left = rt_is_type(a, &rt_list_type);
    switch (op) {
    case RT_INPLACE + RT_ADD:
        if (left)
            return rt_list_extend(vm, a, b) < 0 ? RT_ERROR : a;
        return RT_NOT_IMPLEMENTED;
    case RT_INPLACE + RT_MUL:
        return left ? list_inplace_repeat(vm, a, b) : list_repeat(vm, b, a);
    case RT_ADD:
        return left ? list_concat(vm, a, b) : RT_NOT_IMPLEMENTED;
    case RT_MUL:
        return left ? list_repeat(vm, a, b) : list_repeat(vm, b, a);
    default: return RT_NOT_IMPLEMENTED;
    }
}

static int list_truth(rt_vm *vm, rt_value self) { return rt_as_list(self)->size != 0; }

static int64_t list_length(rt_vm *vm, rt_value self) { return rt_as_list(self)->size; }

/* ---- subscripts ---- */

static rt_value list_slice(rt_vm *vm, rt_value self, rt_value slice)
{
    rt_list *l = rt_as_list(self);
    int64_t start, stop, step, count;
    if (rt_slice_indices(vm, slice, l->size, &start, &stop, &step, &count) < 0)
        return RT_ERROR;
    rt_value r = rt_list_new(count);
    rt_list *out = rt_as_list(r);
    for (int64_t i = 0, j = start; i < count; i++, j += step)
        out->items[i] = l->items[j];
    out->size = count;
    return r;
}

static rt_value list_getitem(rt_vm *vm, rt_value self, rt_value key)
{
    rt_list *l = rt_as_list(self);
    int64_t i;
    if (rt_is_small_int(key)) {
        i = rt_small_int_value(key);
    } else {
        int kind = rt_sequence_key(vm, key, "list", &i);
        if (kind < 0)
            return RT_ERROR;
        if (kind == 0)
            return list_slice(vm, self, key);
    }
    if (i < 0)
        i += l->size;
    if (i < 0 || i >= l->size)
        return rt_raise_msg(vm, &rt_index_error_type, "list index out of range");
    return l->items[i];
}

/* The items of `v` for slice assignment: a snapshot, so a[:] = a works. */
static rt_value slice_source(rt_vm *vm, rt_value v, const char *error)
{
    if (rt_is_type(v, &rt_list_type))
        return rt_list_to_tuple(vm, v);
    if (rt_is_type(v, &rt_tuple_type))
        return v;
    rt_value it = rt_get_iter(vm, v);
    if (it == 0) {
        if (rt_pending_is(vm, &rt_type_error_type)) {
            vm->pending = 0;
            rt_raise_msg(vm, &rt_type_error_type, error);
        }
        return RT_ERROR;
    }
    rt_value list = rt_list_new(0);
    if (rt_list_extend(vm, list, it) < 0)
        return RT_ERROR;
    return rt_list_to_tuple(vm, list);
}

/* a[lo:hi] = items (n of them): CPython's list_ass_slice. */
static void replace_range(rt_list *l, int64_t lo, int64_t hi, int64_t n, const rt_value *items)
{
    int64_t old = l->size, delta = n - (hi - lo);
    rt_value *tail = NULL;
    int64_t ntail = old - hi;
    if (ntail > 0) {
        tail = rt_alloc_raw((size_t)ntail * sizeof(rt_value));
        memcpy(tail, l->items + hi, (size_t)ntail * sizeof(rt_value));
    }
    rt_list_resize(l, old + delta);
    if (n > 0)
        memcpy(l->items + lo, items, (size_t)n * sizeof(rt_value));
    if (ntail > 0)
        memcpy(l->items + lo + n, tail, (size_t)ntail * sizeof(rt_value));
}

static int delete_extended(rt_list *l, int64_t start, int64_t step, int64_t count)
{
    if (step < 0) {
        start = start + step * (count - 1);
        step = -step;
    }
    int64_t w = start;
    for (int64_t r = start; r < l->size; r++) {
        bool removed = r >= start && (r - start) % step == 0 && (r - start) / step < count;
        if (!removed)
            l->items[w++] = l->items[r];
    }
    rt_list_resize(l, w);
    return 0;
}

static int list_assign_slice(rt_vm *vm, rt_value self, rt_value slice, rt_value value)
{
    rt_list *l = rt_as_list(self);
    int64_t start, stop, step, count;
    if (rt_slice_indices(vm, slice, l->size, &start, &stop, &step, &count) < 0)
        return -1;
    if (value == 0 && step == 1) {
        replace_range(l, start, start + count, 0, NULL);
        return 0;
    }
    if (value == 0)
        return delete_extended(l, start, step, count);
    if (step == 1) {
        rt_value src = slice_source(vm, value, "can only assign an iterable");
        if (src == 0)
            return -1;
        if (stop < start)
            stop = start;
        replace_range(l, start, stop, rt_as_tuple(src)->size, rt_as_tuple(src)->items);
        return 0;
    }
    rt_value src = slice_source(vm, value, "must assign iterable to extended slice");
    if (src == 0)
        return -1;
    if (rt_as_tuple(src)->size != count) {
        rt_raise_format(vm, &rt_value_error_type,
                        "attempt to assign sequence of size %lld to extended slice of size %lld",
                        (long long)rt_as_tuple(src)->size, (long long)count);
        return -1;
    }
    for (int64_t i = 0, j = start; i < count; i++, j += step)
        l->items[j] = rt_as_tuple(src)->items[i];
    return 0;
}

static int list_setitem(rt_vm *vm, rt_value self, rt_value key, rt_value value)
{
    rt_list *l = rt_as_list(self);
    int64_t i;
    int kind = rt_sequence_key(vm, key, "list", &i);
    if (kind < 0)
        return -1;
    if (kind == 0)
        return list_assign_slice(vm, self, key, value);
    if (i < 0)
        i += l->size;
    if (i < 0 || i >= l->size) {
        rt_raise_msg(vm, &rt_index_error_type, "list assignment index out of range");
        return -1;
    }
    if (value != 0) {
        l->items[i] = value;
        return 0;
    }
    memmove(l->items + i, l->items + i + 1, (size_t)(l->size - i - 1) * sizeof(rt_value));
    rt_list_resize(l, l->size - 1);
    return 0;
}

static rt_value list_iter(rt_vm *vm, rt_value self) { return rt_sequence_iter_new(self); }

static rt_value list_construct(rt_vm *vm, const rt_type *type, size_t nargs,
                               const rt_value *args, rt_value kwnames)
{
    if (kwnames && rt_as_tuple(kwnames)->size > 0)
        return rt_raise_msg(vm, &rt_type_error_type, "list() takes no keyword arguments");
    if (!rt_check_args(vm, "list", nargs, 0, 0, 1))
        return RT_ERROR;
    return nargs == 0 ? rt_list_new(0) : rt_list_from_iterable(vm, args[0]);
}

/* ---- methods ---- */

static rt_value list_append_method(rt_vm *vm, rt_value self, size_t nargs,
                                   const rt_value *args, rt_value kwnames)
{
    if (!rt_check_args(vm, "list.append", nargs, kwnames, 1, 1))
        return RT_ERROR;
    rt_list_append(vm, self, args[0]);
    return RT_NONE;
}

static rt_value list_extend_method(rt_vm *vm, rt_value self, size_t nargs,
                                   const rt_value *args, rt_value kwnames)
{
    if (!rt_check_args(vm, "list.extend", nargs, kwnames, 1, 1))
        return RT_ERROR;
    return rt_list_extend(vm, self, args[0]) < 0 ? RT_ERROR : RT_NONE;
}

static rt_value list_insert(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                            rt_value kwnames)
{
    if (!rt_check_args(vm, "insert", nargs, kwnames, 2, 2))
        return RT_ERROR;
    int64_t i;
    if (!rt_int_index(vm, args[0], &i)) {
        if (!rt_pending_is(vm, &rt_overflow_error_type))
            return RT_ERROR;
        vm->pending = 0; /* CPython clamps huge indexes */
        i = rt_int_sign(args[0]) < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
    }
    rt_list *l = rt_as_list(self);
    int64_t n = l->size;
    if (i < 0) {
        i += n;
        if (i < 0)
            i = 0;
    }
    if (i > n)
        i = n;
    rt_list_resize(l, n + 1);
    memmove(l->items + i + 1, l->items + i, (size_t)(n - i) * sizeof(rt_value));
    l->items[i] = args[1];
    return RT_NONE;
}

static rt_value list_pop(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                         rt_value kwnames)
{
    if (!rt_check_args(vm, "pop", nargs, kwnames, 0, 1))
        return RT_ERROR;
    rt_list *l = rt_as_list(self);
    int64_t i = -1;
    if (nargs == 1 && !rt_int_index(vm, args[0], &i))
        return RT_ERROR;
    if (l->size == 0)
        return rt_raise_msg(vm, &rt_index_error_type, "pop from empty list");
    if (i < 0)
        i += l->size;
    if (i < 0 || i >= l->size)
        return rt_raise_msg(vm, &rt_index_error_type, "pop index out of range");
    rt_value item = l->items[i];
    memmove(l->items + i, l->items + i + 1, (size_t)(l->size - i - 1) * sizeof(rt_value));
    rt_list_resize(l, l->size - 1);
    return item;
}

static rt_value list_remove(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                            rt_value kwnames)
{
    if (!rt_check_args(vm, "list.remove", nargs, kwnames, 1, 1))
        return RT_ERROR;
    int64_t i = rt_sequence_find(vm, self, args[0], 0, INT64_MAX);
    if (i == -2)
        return RT_ERROR;
    if (i < 0)
        return rt_raise_msg(vm, &rt_value_error_type, "list.remove(x): x not in list");
    rt_list *l = rt_as_list(self);
    memmove(l->items + i, l->items + i + 1, (size_t)(l->size - i - 1) * sizeof(rt_value));
    rt_list_resize(l, l->size - 1);
    return RT_NONE;
}

static rt_value list_index(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                           rt_value kwnames)
{
    int64_t start, stop;
    if (!rt_sequence_index_args(vm, "index", nargs, args, kwnames, rt_as_list(self)->size,
                                &start, &stop))
        return RT_ERROR;
    int64_t i = rt_sequence_find(vm, self, args[0], start, stop);
    if (i == -2)
        return RT_ERROR;
    if (i < 0)
        return rt_raise_format(vm, &rt_value_error_type, "%R is not in list", args[0]);
    return rt_small_int(i);
}

static rt_value list_count(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                           rt_value kwnames)
{
    if (!rt_check_args(vm, "list.count", nargs, kwnames, 1, 1))
        return RT_ERROR;
    int64_t n = rt_sequence_count(vm, self, args[0]);
    return n < 0 ? RT_ERROR : rt_small_int(n);
}

static rt_value list_clear(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                           rt_value kwnames)
{
    if (!rt_check_args(vm, "list.clear", nargs, kwnames, 0, 0))
        return RT_ERROR;
    rt_list *l = rt_as_list(self);
    l->items = NULL;
    l->size = l->capacity = 0;
    return RT_NONE;
}

static rt_value list_copy(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                          rt_value kwnames)
{
    if (!rt_check_args(vm, "list.copy", nargs, kwnames, 0, 0))
        return RT_ERROR;
    return rt_list_from_array(vm, (size_t)rt_as_list(self)->size, rt_as_list(self)->items);
}

static rt_value list_reverse(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                             rt_value kwnames)
{
    if (!rt_check_args(vm, "list.reverse", nargs, kwnames, 0, 0))
        return RT_ERROR;
    rt_list *l = rt_as_list(self);
    for (int64_t i = 0, j = l->size - 1; i < j; i++, j--) {
        rt_value t = l->items[i];
        l->items[i] = l->items[j];
        l->items[j] = t;
    }
    return RT_NONE;
}

/* sort(*, key=None, reverse=False) */
static rt_value list_sort_method(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                 rt_value kwnames)
{
    rt_value key = RT_NONE, reverse = RT_FALSE;
    if (nargs > 0)
        return rt_raise_msg(vm, &rt_type_error_type, "sort() takes no positional arguments");
    if (!rt_sort_args(vm, kwnames, args, &key, &reverse))
        return RT_ERROR;
    int r = rt_truthy(vm, reverse);
    if (r < 0)
        return RT_ERROR;
    return rt_list_sort(vm, self, key, r) < 0 ? RT_ERROR : RT_NONE;
}

static const rt_method list_methods[] = {
    {"append", list_append_method, "Append object to the end of the list."},
    {"clear", list_clear, "Remove all items from list."},
    {"copy", list_copy, "Return a shallow copy of the list."},
    {"count", list_count, "Return number of occurrences of value."},
    {"extend", list_extend_method, "Extend list by appending elements from the iterable."},
    {"index", list_index, "Return first index of value."},
    {"insert", list_insert, "Insert object before index."},
    {"pop", list_pop, "Remove and return item at index (default last)."},
    {"remove", list_remove, "Remove first occurrence of value."},
    {"reverse", list_reverse, "Reverse *IN PLACE*."},
    {"sort", list_sort_method, "Sort the list in ascending order and return None."},
    {NULL, NULL, NULL},
};

const rt_type rt_list_type = {
    .base = {&rt_type_type},
    .name = "list",
    .base_type = &rt_object_type,
    .repr = list_repr,
    .compare = list_compare,
    .binary = list_binary,
    .truth = list_truth,
    .length = list_length,
    .contains = rt_sequence_contains,
    .getitem = list_getitem,
    .setitem = list_setitem,
    .iter = list_iter,
    .methods = list_methods,
    .construct = list_construct,
};
