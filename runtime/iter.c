/* The iterator protocol (rt_get_iter / rt_iter_next), sequence unpacking with CPython's
 * messages, the list and tuple iterators, and the builtin iterator types enumerate, zip, map,
 * filter and reversed. range lives in range.c. */
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
#include "vm.h"

rt_value rt_get_iter(rt_vm *vm, rt_value iterable)
{
    const rt_type *t = rt_type_of(iterable);
    if (t->iter != NULL)
        return t->iter(vm, iterable);
    if (t->next != NULL)
        return iterable;
    if (t->getitem != NULL && !rt_type_is_subtype(t, &rt_dict_type))
        return rt_getitem_iter_new(iterable);
    return rt_raise_format(vm, &rt_type_error_type, "'%T' object is not iterable", iterable);
}

rt_value rt_iter_next(rt_vm *vm, rt_value iterator)
{
    const rt_type *t = rt_type_of(iterator);
    if (t->next == NULL)
        return rt_raise_format(vm, &rt_type_error_type, "'%T' object is not an iterator",
                               iterator);
    return t->next(vm, iterator);
}

rt_value rt_iter_self(rt_vm *vm, rt_value self)
{
    (void)vm;
    return self;
}

/* ---- unpacking ---- */

static int raise_not_enough(rt_vm *vm, int n, int star, int64_t got)
{
    if (star >= 0)
        rt_raise_format(vm, &rt_value_error_type,
                        "not enough values to unpack (expected at least %d, got %lld)", n - 1,
                        (long long)got);
    else
        rt_raise_format(vm, &rt_value_error_type,
                        "not enough values to unpack (expected %d, got %lld)", n, (long long)got);
    return -1;
}

static int raise_too_many(rt_vm *vm, int n)
{
    rt_raise_format(vm, &rt_value_error_type, "too many values to unpack (expected %d)", n);
    return -1;
}

/* The items of a tuple or list, split around the starred target. */
static int unpack_array(rt_vm *vm, const rt_value *items, int64_t size, int n, int star,
                        rt_value *out)
{
    if (star < 0) {
        if (size < n)
            return raise_not_enough(vm, n, star, size);
        if (size > n)
            return raise_too_many(vm, n);
        memcpy(out, items, (size_t)n * sizeof(rt_value));
        return 0;
    }
    int after = n - star - 1;
    if (size < n - 1)
        return raise_not_enough(vm, n, star, size);
    memcpy(out, items, (size_t)star * sizeof(rt_value));
    int64_t middle = size - star - after;
    out[star] = rt_list_from_array(vm, (size_t)middle, items + star);
    memcpy(out + star + 1, items + star + middle, (size_t)after * sizeof(rt_value));
    return 0;
}

/* The general case: take the first targets one by one, collect the rest into a list when
 * there is a star (its tail then moves to the targets after it). */
static int unpack_iterator(rt_vm *vm, rt_value it, int n, int star, rt_value *out)
{
    int before = star < 0 ? n : star;
    for (int i = 0; i < before; i++) {
        rt_value v = rt_iter_next(vm, it);
        if (v == RT_ERROR)
            return -1;
        if (v == RT_ITER_DONE)
            return raise_not_enough(vm, n, star, i);
        out[i] = v;
    }
    if (star < 0) {
        rt_value extra = rt_iter_next(vm, it);
        if (extra == RT_ERROR)
            return -1;
        return extra == RT_ITER_DONE ? 0 : raise_too_many(vm, n);
    }
    rt_value rest = rt_list_new(0);
    if (rt_list_extend(vm, rest, it) < 0)
        return -1;
    rt_list *l = rt_as_list(rest);
    int after = n - star - 1;
    if (l->size < after)
        return raise_not_enough(vm, n, star, star + l->size);
    memcpy(out + star + 1, l->items + l->size - after, (size_t)after * sizeof(rt_value));
    rt_list_resize(l, l->size - after);
    out[star] = rest;
    return 0;
}

int rt_unpack_sequence(rt_vm *vm, rt_value iterable, int n, int star, rt_value *out)
{
    if (rt_is_type(iterable, &rt_tuple_type))
        return unpack_array(vm, rt_as_tuple(iterable)->items, rt_as_tuple(iterable)->size, n,
                            star, out);
    if (rt_is_type(iterable, &rt_list_type))
        return unpack_array(vm, rt_as_list(iterable)->items, rt_as_list(iterable)->size, n,
                            star, out);
    const rt_type *t = rt_type_of(iterable);
    if (t->iter == NULL && t->next == NULL) {
        rt_raise_format(vm, &rt_type_error_type, "cannot unpack non-iterable %T object",
                        iterable);
        return -1;
    }
    rt_value it = rt_get_iter(vm, iterable);
    if (it == RT_ERROR)
        return -1;
    return unpack_iterator(vm, it, n, star, out);
}

/* ---- list and tuple iterators ---- */

/* One struct serves list_iterator, list_reverseiterator and tuple_iterator. The sequence is
 * dropped (0) once exhausted, as CPython drops its reference, so an exhausted iterator stays
 * exhausted even if the list grows. */
/* seq_iterator: iter.h (its layout is read by the JIT's inline FOR_ITER). */

static seq_iterator *as_seq_iterator(rt_value v) { return (seq_iterator *)rt_as_object(v); }

static int64_t seq_size(rt_value seq)
{
    return rt_is_type(seq, &rt_list_type) ? rt_as_list(seq)->size : rt_as_tuple(seq)->size;
}

static rt_value seq_item(rt_value seq, int64_t i)
{
    return rt_is_type(seq, &rt_list_type) ? rt_as_list(seq)->items[i]
                                          : rt_as_tuple(seq)->items[i];
}

rt_value rt_sequence_iter_new(rt_value seq)
{
    const rt_type *t = rt_is_type(seq, &rt_list_type) ? &rt_list_iterator_type
                                                      : &rt_tuple_iterator_type;
    seq_iterator *it = rt_alloc(sizeof *it, t);
    it->seq = seq;
    return rt_from_object(it);
}

rt_value rt_list_reversed_new(rt_value list)
{
    seq_iterator *it = rt_alloc(sizeof *it, &rt_list_reverseiterator_type);
    it->seq = list;
    it->index = rt_as_list(list)->size - 1;
    return rt_from_object(it);
}

static rt_value seq_iterator_next(rt_vm *vm, rt_value self)
{
    seq_iterator *it = as_seq_iterator(self);
    if (it->seq == 0)
        return RT_ITER_DONE;
    if (it->index >= seq_size(it->seq)) {
        it->seq = 0;
        return RT_ITER_DONE;
    }
    return seq_item(it->seq, it->index++);
}

static rt_value list_reverseiterator_next(rt_vm *vm, rt_value self)
{
    seq_iterator *it = as_seq_iterator(self);
    if (it->seq == 0 || it->index < 0 || it->index >= seq_size(it->seq)) {
        it->seq = 0;
        return RT_ITER_DONE;
    }
    return seq_item(it->seq, it->index--);
}

static rt_value seq_length_hint(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                rt_value kwnames)
{
    if (!rt_check_args(vm, "__length_hint__", nargs, kwnames, 0, 0))
        return RT_ERROR;
    seq_iterator *it = as_seq_iterator(self);
    int64_t n = 0;
    if (it->seq != 0 && rt_type_of(self) == &rt_list_reverseiterator_type)
        n = it->index < seq_size(it->seq) ? it->index + 1 : 0;
    else if (it->seq != 0)
        n = seq_size(it->seq) - it->index;
    return rt_small_int(n < 0 ? 0 : n);
}

static const rt_method seq_iterator_methods[] = {
    {"__length_hint__", seq_length_hint, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, NULL}};

const rt_type rt_list_iterator_type = {
    .base = {&rt_type_type},
    .name = "list_iterator",
    .base_type = &rt_object_type,
    .iter = rt_iter_self,
    .next = seq_iterator_next,
    .methods = seq_iterator_methods,
};

const rt_type rt_list_reverseiterator_type = {
    .base = {&rt_type_type},
    .name = "list_reverseiterator",
    .base_type = &rt_object_type,
    .iter = rt_iter_self,
    .next = list_reverseiterator_next,
    .methods = seq_iterator_methods,
};

const rt_type rt_tuple_iterator_type = {
    .base = {&rt_type_type},
    .name = "tuple_iterator",
    .base_type = &rt_object_type,
    .iter = rt_iter_self,
    .next = seq_iterator_next,
    .methods = seq_iterator_methods,
};

/* CPython's sequence iterator ("iterator"): seq[0], seq[1], ... until IndexError or
 * StopIteration, for objects with a getitem slot but no iter slot. */
rt_value rt_getitem_iter_new(rt_value seq)
{
    seq_iterator *it = rt_alloc(sizeof *it, &rt_getitem_iterator_type);
    it->seq = seq;
    return rt_from_object(it);
}

static rt_value getitem_iterator_next(rt_vm *vm, rt_value self)
{
    seq_iterator *it = as_seq_iterator(self);
    if (it->seq == 0)
        return RT_ITER_DONE;
    rt_value item = rt_getitem(vm, it->seq, rt_int_from_int64(it->index));
    if (item == RT_ERROR) {
        if (rt_pending_is(vm, &rt_index_error_type) ||
            rt_pending_is(vm, &rt_stop_iteration_type)) {
            vm->pending = 0;
            it->seq = 0;
            return RT_ITER_DONE;
        }
        return RT_ERROR;
    }
    it->index++;
    return item;
}

const rt_type rt_getitem_iterator_type = {
    .base = {&rt_type_type},
    .name = "iterator",
    .base_type = &rt_object_type,
    .iter = rt_iter_self,
    .next = getitem_iterator_next,
};

/* ---- argument helpers ---- */

static size_t kw_count(rt_value kwnames)
{
    return kwnames ? (size_t)rt_as_tuple(kwnames)->size : 0;
}

static bool no_keywords(rt_vm *vm, const char *name, rt_value kwnames)
{
    if (kw_count(kwnames) == 0)
        return true;
    rt_raise_format(vm, &rt_type_error_type, "%s() takes no keyword arguments", name);
    return false;
}

/* Iterators over each of args[0..n). */
static rt_value *iterators_of(rt_vm *vm, size_t n, const rt_value *args)
{
    rt_value *its = rt_alloc_raw((n ? n : 1) * sizeof(rt_value));
    for (size_t i = 0; i < n; i++) {
        its[i] = rt_get_iter(vm, args[i]);
        if (its[i] == RT_ERROR)
            return NULL;
    }
    return its;
}

/* ---- enumerate ---- */

typedef struct enumerate_object {
    rt_object base;
    rt_value it;
    rt_value count; /* an int; small until it outgrows the small range */
} enumerate_object;

/* enumerate(iterable, start=0) */
static rt_value enumerate_construct(rt_vm *vm, const rt_type *type, size_t nargs,
                                    const rt_value *args, rt_value kwnames)
{
    rt_value iterable = nargs > 0 ? args[0] : 0, start = nargs > 1 ? args[1] : 0;
    size_t nkw = kw_count(kwnames);
    if (nargs + nkw > 2)
        return rt_raise_format(vm, &rt_type_error_type,
                               "enumerate() takes at most 2 arguments (%zu given)", nargs + nkw);
    for (size_t k = 0; k < nkw; k++) {
        rt_value name = rt_as_tuple(kwnames)->items[k];
        rt_value *slot = rt_str_equal_cstr(name, "iterable") ? &iterable
                         : rt_str_equal_cstr(name, "start")  ? &start
                                                             : NULL;
        if (slot == NULL)
            return rt_raise_format(vm, &rt_type_error_type,
                                   "'%U' is an invalid keyword argument for enumerate()", name);
        *slot = args[nargs + k];
    }
    if (iterable == 0)
        return rt_raise_msg(vm, &rt_type_error_type,
                            "enumerate() missing required argument 'iterable'");
    if (start != 0 && !rt_is_int(start))
        return rt_raise_format(vm, &rt_type_error_type,
                               "'%T' object cannot be interpreted as an integer", start);
    rt_value it = rt_get_iter(vm, iterable);
    if (it == RT_ERROR)
        return RT_ERROR;
    enumerate_object *e = rt_alloc(sizeof *e, type);
    e->it = it;
    e->count = start ? (rt_is_type(start, &rt_bool_type) ? rt_small_int(start == RT_TRUE) : start)
                     : rt_small_int(0);
    return rt_from_object(e);
}

static rt_value enumerate_next(rt_vm *vm, rt_value self)
{
    enumerate_object *e = (enumerate_object *)rt_as_object(self);
    rt_value item = rt_iter_next(vm, e->it);
    if (item == RT_ERROR || item == RT_ITER_DONE)
        return item;
    rt_value index = e->count;
    rt_value next = rt_binary_op(vm, RT_ADD, index, rt_small_int(1));
    if (next == RT_ERROR)
        return RT_ERROR;
    e->count = next;
    return rt_tuple_pack(2, index, item);
}

const rt_type rt_enumerate_type = {
    .base = {&rt_type_type},
    .name = "enumerate",
    .base_type = &rt_object_type,
    .iter = rt_iter_self,
    .next = enumerate_next,
    .construct = enumerate_construct,
};

/* ---- zip ---- */

typedef struct zip_object {
    rt_object base;
    size_t n;
    rt_value *its;
    bool strict;
    bool done;
} zip_object;

static rt_value zip_construct(rt_vm *vm, const rt_type *type, size_t nargs,
                              const rt_value *args, rt_value kwnames)
{
    size_t nkw = kw_count(kwnames);
    bool strict = false;
    if (nkw > 1)
        return rt_raise_format(vm, &rt_type_error_type,
                               "zip() takes at most 1 keyword argument (%zu given)", nkw);
    if (nkw == 1) {
        rt_value name = rt_as_tuple(kwnames)->items[0];
        if (!rt_str_equal_cstr(name, "strict"))
            return rt_raise_format(vm, &rt_type_error_type,
                                   "'%U' is an invalid keyword argument for zip()", name);
        int t = rt_truthy(vm, args[nargs]);
        if (t < 0)
            return RT_ERROR;
        strict = t;
    }
    rt_value *its = iterators_of(vm, nargs, args);
    if (its == NULL)
        return RT_ERROR;
    zip_object *z = rt_alloc(sizeof *z, type);
    z->n = nargs;
    z->its = its;
    z->strict = strict;
    return rt_from_object(z);
}

/* zip(strict=True) found iterator i exhausted: "argument 2 is shorter than argument 1" when
 * an earlier one still had items, else check that every later one is exhausted too. */
static rt_value zip_strict_end(rt_vm *vm, zip_object *z, size_t i)
{
    if (i > 0)
        return rt_raise_format(vm, &rt_value_error_type,
                               "zip() argument %zu is shorter than argument%s %s%zu", i + 1,
                               i == 1 ? "" : "s", i == 1 ? "" : "1-", i);
    for (i = 1; i < z->n; i++) {
        rt_value v = rt_iter_next(vm, z->its[i]);
        if (v == RT_ERROR)
            return RT_ERROR;
        if (v != RT_ITER_DONE)
            return rt_raise_format(vm, &rt_value_error_type,
                                   "zip() argument %zu is longer than argument%s %s%zu", i + 1,
                                   i == 1 ? "" : "s", i == 1 ? "" : "1-", i);
    }
    return RT_ITER_DONE;
}

static rt_value zip_next(rt_vm *vm, rt_value self)
{
    zip_object *z = (zip_object *)rt_as_object(self);
    if (z->n == 0 || z->done)
        return RT_ITER_DONE;
    rt_value result = rt_tuple_new((int64_t)z->n);
    for (size_t i = 0; i < z->n; i++) {
        rt_value v = rt_iter_next(vm, z->its[i]);
        if (v == RT_ERROR)
            return RT_ERROR;
        if (v == RT_ITER_DONE) {
            z->done = true;
            return z->strict ? zip_strict_end(vm, z, i) : RT_ITER_DONE;
        }
        rt_as_tuple(result)->items[i] = v;
    }
    return result;
}

const rt_type rt_zip_type = {
    .base = {&rt_type_type},
    .name = "zip",
    .base_type = &rt_object_type,
    .iter = rt_iter_self,
    .next = zip_next,
    .construct = zip_construct,
};

/* ---- map ---- */

typedef struct map_object {
    rt_object base;
    rt_value func;
    size_t n;
    rt_value *its;
} map_object;

static rt_value map_construct(rt_vm *vm, const rt_type *type, size_t nargs,
                              const rt_value *args, rt_value kwnames)
{
    if (!no_keywords(vm, "map", kwnames))
        return RT_ERROR;
    if (nargs < 2)
        return rt_raise_msg(vm, &rt_type_error_type, "map() must have at least two arguments.");
    rt_value *its = iterators_of(vm, nargs - 1, args + 1);
    if (its == NULL)
        return RT_ERROR;
    map_object *m = rt_alloc(sizeof *m, type);
    m->func = args[0];
    m->n = nargs - 1;
    m->its = its;
    return rt_from_object(m);
}

static rt_value map_next(rt_vm *vm, rt_value self)
{
    map_object *m = (map_object *)rt_as_object(self);
    rt_value small[4];
    rt_value *argv = m->n <= 4 ? small : rt_alloc_raw(m->n * sizeof(rt_value));
    for (size_t i = 0; i < m->n; i++) {
        argv[i] = rt_iter_next(vm, m->its[i]);
        if (argv[i] == RT_ERROR || argv[i] == RT_ITER_DONE)
            return argv[i];
    }
    return rt_call(vm, m->func, m->n, argv, 0);
}

const rt_type rt_map_type = {
    .base = {&rt_type_type},
    .name = "map",
    .base_type = &rt_object_type,
    .iter = rt_iter_self,
    .next = map_next,
    .construct = map_construct,
};

/* ---- filter ---- */

typedef struct filter_object {
    rt_object base;
    rt_value func; /* None: the items' own truth */
    rt_value it;
} filter_object;

static rt_value filter_construct(rt_vm *vm, const rt_type *type, size_t nargs,
                                 const rt_value *args, rt_value kwnames)
{
    if (!no_keywords(vm, "filter", kwnames) ||
        !rt_check_args(vm, "filter", nargs, 0, 2, 2))
        return RT_ERROR;
    rt_value it = rt_get_iter(vm, args[1]);
    if (it == RT_ERROR)
        return RT_ERROR;
    filter_object *f = rt_alloc(sizeof *f, type);
    f->func = args[0];
    f->it = it;
    return rt_from_object(f);
}

static rt_value filter_next(rt_vm *vm, rt_value self)
{
    filter_object *f = (filter_object *)rt_as_object(self);
    for (;;) {
        rt_value item = rt_iter_next(vm, f->it);
        if (item == RT_ERROR || item == RT_ITER_DONE)
            return item;
        rt_value test = item;
        if (f->func != RT_NONE && f->func != rt_type_value(&rt_bool_type)) {
            test = rt_call(vm, f->func, 1, &item, 0);
            if (test == RT_ERROR)
                return RT_ERROR;
        }
        int t = rt_truthy(vm, test);
        if (t < 0)
            return RT_ERROR;
        if (t)
            return item;
    }
}

const rt_type rt_filter_type = {
    .base = {&rt_type_type},
    .name = "filter",
    .base_type = &rt_object_type,
    .iter = rt_iter_self,
    .next = filter_next,
    .construct = filter_construct,
};

/* ---- reversed ---- */

/* The generic reversed object over a sequence's length and subscripts (tuple, str). */
typedef struct reversed_object {
    rt_object base;
    rt_value seq; /* 0 once exhausted */
    int64_t index;
} reversed_object;

/* Sequences CPython's PySequence_Check accepts: a getitem slot, except mappings. */
static bool is_sequence(const rt_type *t)
{
    return t->getitem != NULL && t->length != NULL && !rt_type_is_subtype(t, &rt_dict_type);
}

static rt_value reversed_construct(rt_vm *vm, const rt_type *type, size_t nargs,
                                   const rt_value *args, rt_value kwnames)
{
    if (!no_keywords(vm, "reversed", kwnames))
        return RT_ERROR;
    if (nargs != 1)
        return rt_raise_format(vm, &rt_type_error_type, "reversed expected 1 argument, got %zu",
                               nargs);
    rt_value seq = args[0];
    const rt_type *t = rt_type_of(seq);
    const rt_method *m = rt_type_find_method(t, "__reversed__");
    if (m != NULL)
        return m->fn(vm, seq, 0, NULL, 0);
    if (rt_is_type(seq, &rt_list_type))
        return rt_list_reversed_new(seq);
    if (!is_sequence(t))
        return rt_raise_format(vm, &rt_type_error_type, "'%T' object is not reversible", seq);
    int64_t n = rt_length(vm, seq);
    if (n < 0)
        return RT_ERROR;
    reversed_object *r = rt_alloc(sizeof *r, type);
    r->seq = seq;
    r->index = n - 1;
    return rt_from_object(r);
}

static rt_value reversed_next(rt_vm *vm, rt_value self)
{
    reversed_object *r = (reversed_object *)rt_as_object(self);
    if (r->seq == 0 || r->index < 0) {
        r->seq = 0;
        return RT_ITER_DONE;
    }
    rt_value item = rt_getitem(vm, r->seq, rt_small_int(r->index--));
    if (item == RT_ERROR && (rt_pending_is(vm, &rt_index_error_type) ||
                             rt_pending_is(vm, &rt_stop_iteration_type))) {
        vm->pending = 0;
        r->seq = 0;
        return RT_ITER_DONE;
    }
    return item;
}

static rt_value reversed_length_hint(rt_vm *vm, rt_value self, size_t nargs,
                                     const rt_value *args, rt_value kwnames)
{
    if (!rt_check_args(vm, "__length_hint__", nargs, kwnames, 0, 0))
        return RT_ERROR;
    reversed_object *r = (reversed_object *)rt_as_object(self);
    return rt_small_int(r->seq ? r->index + 1 : 0);
}

static const rt_method reversed_methods[] = {
    {"__length_hint__", reversed_length_hint, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, NULL}};

const rt_type rt_reversed_type = {
    .base = {&rt_type_type},
    .name = "reversed",
    .base_type = &rt_object_type,
    .iter = rt_iter_self,
    .next = reversed_next,
    .methods = reversed_methods,
    .construct = reversed_construct,
};
