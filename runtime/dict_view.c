/* dict views (dict_keys, dict_values, dict_items: live, iterable, sized, and for keys and
 * items set-like) and the dict iterators, forward and reversed, with CPython's "dictionary
 * changed size during iteration" check. */
#include <stdio.h>

#include "call.h"
#include "dict.h"
#include "exception.h"
#include "iter.h"
#include "list.h"
#include "ops.h"
#include "set.h"
#include "str.h"
#include "tuple.h"

typedef struct dict_view {
    rt_object base;
    rt_value dict;
} dict_view;

typedef struct dict_iter {
    rt_object base;
    rt_value dict; /* 0 once exhausted */
    int64_t pos;
    int64_t used; /* the dict's size when iteration began; -1 after a size-change error */
    int64_t len;  /* items still expected */
    int kind;
    bool reversed;
} dict_iter;

static const rt_type *const iter_types[2][3] = {
    {&rt_dict_keyiterator_type, &rt_dict_valueiterator_type, &rt_dict_itemiterator_type},
    {&rt_dict_reversekeyiterator_type, &rt_dict_reversevalueiterator_type,
     &rt_dict_reverseitemiterator_type},
};

static const rt_type *const view_types[3] = {&rt_dict_keys_type, &rt_dict_values_type,
                                              &rt_dict_items_type};

static rt_dict *as_dict(rt_value v) { return (rt_dict *)rt_as_object(v); }
static dict_view *as_view(rt_value v) { return (dict_view *)rt_as_object(v); }
static dict_iter *as_iter(rt_value v) { return (dict_iter *)rt_as_object(v); }

rt_value rt_dict_iter_new(rt_value dict, int kind, bool reversed)
{
    dict_iter *it = rt_alloc(sizeof *it, iter_types[reversed][kind]);
    it->dict = dict;
    it->used = as_dict(dict)->used;
    it->len = it->used;
    it->kind = kind;
    it->reversed = reversed;
    it->pos = reversed ? as_dict(dict)->nentries - 1 : 0;
    return rt_from_object(it);
}

rt_value rt_dict_view_new(rt_value dict, int kind)
{
    dict_view *v = rt_alloc(sizeof *v, view_types[kind]);
    v->dict = dict;
    return rt_from_object(v);
}

/* ---- iterators ---- */

static rt_value entry_result(const rt_dict_entry *e, int kind)
{
    switch (kind) {
    case RT_DICT_KEYS: return e->key;
    case RT_DICT_VALUES: return e->value;
    default: return rt_tuple_pack(2, e->key, e->value);
    }
}

static rt_value dict_iter_next(rt_vm *vm, rt_value self)
{
    dict_iter *it = as_iter(self);
    if (it->dict == 0)
        return RT_ITER_DONE;
    rt_dict *d = as_dict(it->dict);
    if (it->used != d->used) {
        it->used = -1; /* stays broken, as CPython's */
        return rt_raise_msg(vm, &rt_runtime_error_type,
                            "dictionary changed size during iteration");
    }
    int64_t i = it->pos;
    int64_t step = it->reversed ? -1 : 1;
    while (i >= 0 && i < d->nentries && d->entries[i].key == 0)
        i += step;
    if (i < 0 || i >= d->nentries) {
        it->dict = 0;
        return RT_ITER_DONE;
    }
    if (it->len == 0) {
        it->dict = 0;
        return rt_raise_msg(vm, &rt_runtime_error_type,
                            "dictionary keys changed during iteration");
    }
    it->pos = i + step;
    it->len--;
    return entry_result(&d->entries[i], it->kind);
}

static rt_value dict_iter_iter(rt_vm *vm, rt_value self) { return self; }

static rt_value dict_iter_length_hint(rt_vm *vm, rt_value self, size_t nargs,
                                      const rt_value *args, rt_value kwnames)
{
    dict_iter *it = as_iter(self);
    bool live = it->dict != 0 && it->used == as_dict(it->dict)->used;
    return rt_small_int(live ? it->len : 0);
}

static const rt_method dict_iter_methods[] = {
    {"__length_hint__", dict_iter_length_hint, "Private method returning an estimate of len(list(it))."},
    {NULL, NULL, NULL},
};

const rt_type rt_dict_keyiterator_type = {
    .base = {&rt_type_type},
    .name = "dict_keyiterator",
    .base_type = &rt_object_type,
    .iter = dict_iter_iter,
    .next = dict_iter_next,
    .methods = dict_iter_methods,
};

const rt_type rt_dict_valueiterator_type = {
    .base = {&rt_type_type},
    .name = "dict_valueiterator",
    .base_type = &rt_object_type,
    .iter = dict_iter_iter,
    .next = dict_iter_next,
    .methods = dict_iter_methods,
};

const rt_type rt_dict_itemiterator_type = {
    .base = {&rt_type_type},
    .name = "dict_itemiterator",
    .base_type = &rt_object_type,
    .iter = dict_iter_iter,
    .next = dict_iter_next,
    .methods = dict_iter_methods,
};

const rt_type rt_dict_reversekeyiterator_type = {
    .base = {&rt_type_type},
    .name = "dict_reversekeyiterator",
    .base_type = &rt_object_type,
    .iter = dict_iter_iter,
    .next = dict_iter_next,
    .methods = dict_iter_methods,
};

const rt_type rt_dict_reversevalueiterator_type = {
    .base = {&rt_type_type},
    .name = "dict_reversevalueiterator",
    .base_type = &rt_object_type,
    .iter = dict_iter_iter,
    .next = dict_iter_next,
    .methods = dict_iter_methods,
};

const rt_type rt_dict_reverseitemiterator_type = {
    .base = {&rt_type_type},
    .name = "dict_reverseitemiterator",
    .base_type = &rt_object_type,
    .iter = dict_iter_iter,
    .next = dict_iter_next,
    .methods = dict_iter_methods,
};

/* ---- views ---- */

static int view_kind(rt_value v)
{
    const rt_type *t = rt_type_of(v);
    return t == &rt_dict_keys_type ? RT_DICT_KEYS
           : t == &rt_dict_values_type ? RT_DICT_VALUES
                                       : RT_DICT_ITEMS;
}

static bool is_set_like_view(rt_value v)
{
    return rt_is_type(v, &rt_dict_keys_type) || rt_is_type(v, &rt_dict_items_type);
}

static bool is_any_set(rt_value v)
{
    return rt_is_type(v, &rt_set_type) || rt_is_type(v, &rt_frozenset_type);
}

static rt_value view_repr(rt_vm *vm, rt_value self)
{
    if (rt_repr_enter(vm, self))
        return rt_str_from_cstr("...");
    rt_value list = rt_list_from_iterable(vm, self);
    rt_value r = list ? rt_str_printf(vm, "%s(%R)", rt_type_of(self)->name, list) : 0;
    rt_repr_leave(vm, self);
    return r;
}

static int64_t view_length(rt_vm *vm, rt_value self) { return as_dict(as_view(self)->dict)->used; }

static int view_truth(rt_vm *vm, rt_value self) { return as_dict(as_view(self)->dict)->used != 0; }

static rt_value view_iter(rt_vm *vm, rt_value self)
{
    return rt_dict_iter_new(as_view(self)->dict, view_kind(self), false);
}

static int view_contains(rt_vm *vm, rt_value self, rt_value item)
{
    rt_value dict = as_view(self)->dict;
    int kind = view_kind(self);
    if (kind == RT_DICT_KEYS)
        return rt_contains(vm, dict, item);
    if (kind == RT_DICT_VALUES) {
        int64_t pos = 0;
        rt_value k, v;
        while (rt_dict_next(dict, &pos, &k, &v)) {
            int eq = v == item ? 1 : rt_equal(vm, v, item);
            if (eq != 0)
                return eq;
        }
        return 0;
    }
    if (!rt_is_type(item, &rt_tuple_type) || rt_as_tuple(item)->size != 2)
        return 0;
    bool error;
    rt_value v = rt_dict_get(vm, dict, rt_as_tuple(item)->items[0], &error);
    if (v == 0)
        return error ? -1 : 0;
    rt_value want = rt_as_tuple(item)->items[1];
    return v == want ? 1 : rt_equal(vm, v, want);
}

/* Every item of a is in b (CPython's all_contained_in). */
static int all_contained_in(rt_vm *vm, rt_value a, rt_value b)
{
    rt_value it = rt_get_iter(vm, a);
    if (it == 0)
        return -1;
    for (;;) {
        rt_value x = rt_iter_next(vm, it);
        if (x == RT_ITER_DONE)
            return 1;
        if (x == RT_ERROR)
            return -1;
        int r = rt_contains(vm, b, x);
        if (r <= 0)
            return r;
    }
}

static rt_value view_compare(rt_vm *vm, rt_value self, rt_value other, rt_compare_op op)
{
    if (!is_set_like_view(self) || (!is_any_set(other) && !is_set_like_view(other)))
        return RT_NOT_IMPLEMENTED;
    int64_t na = rt_length(vm, self), nb = rt_length(vm, other);
    if (nb < 0)
        return RT_ERROR;
    int r = 0;
    switch (op) {
    case RT_EQ:
    case RT_NE: r = na == nb ? all_contained_in(vm, self, other) : 0; break;
    case RT_LT: r = na < nb ? all_contained_in(vm, self, other) : 0; break;
    case RT_LE: r = na <= nb ? all_contained_in(vm, self, other) : 0; break;
    case RT_GT: r = na > nb ? all_contained_in(vm, other, self) : 0; break;
    case RT_GE: r = na >= nb ? all_contained_in(vm, other, self) : 0; break;
    }
    if (r < 0)
        return RT_ERROR;
    return rt_bool(op == RT_NE ? !r : r);
}

/* dictviews_to_set: set(view), from the dict itself for keys (set() reads a dict's stored
 * hashes and sizes its table up front, which shows in the order). */
static rt_value view_to_set(rt_vm *vm, rt_value v)
{
    rt_value source = rt_is_type(v, &rt_dict_keys_type) ? as_view(v)->dict : v;
    rt_value r = rt_set_new();
    return rt_set_update(vm, r, source) < 0 ? RT_ERROR : r;
}

/* _PyDictView_Intersect: a set at least as large as the view does the work itself;
 * otherwise the smaller operand is iterated and looked up in the larger view. */
static rt_value view_intersect(rt_vm *vm, rt_value self, rt_value other)
{
    if (!is_set_like_view(self)) {
        rt_value t = self;
        self = other;
        other = t;
    }
    int64_t len_self = view_length(vm, self);
    if (rt_is_type(other, &rt_set_type) && len_self <= rt_set_size(other))
        return rt_set_intersection(vm, other, self);
    if (is_set_like_view(other) && view_length(vm, other) > len_self) {
        rt_value t = self;
        self = other;
        other = t;
    }
    rt_value result = rt_set_new();
    rt_value it = rt_get_iter(vm, other);
    if (it == RT_ERROR)
        return RT_ERROR;
    for (;;) {
        rt_value key = rt_iter_next(vm, it);
        if (key == RT_ERROR)
            return RT_ERROR;
        if (key == RT_ITER_DONE)
            return result;
        int r = view_contains(vm, self, key);
        if (r < 0 || (r > 0 && rt_set_add(vm, result, key) < 0))
            return RT_ERROR;
    }
}

/* dictitems_xor: pairs of either dict whose key is missing from, or maps to a different
 * value in, the other; d2's pairs first, then what is left of d1. */
static rt_value items_xor(rt_vm *vm, rt_value a, rt_value b)
{
    rt_value temp = rt_dict_copy(vm, as_view(a)->dict);
    rt_value result = rt_set_new();
    rt_value d2 = as_view(b)->dict, key, value;
    int64_t pos = 0, hash;
    if (temp == RT_ERROR)
        return RT_ERROR;
    while (rt_dict_next_hashed(d2, &pos, &key, &value, &hash)) {
        bool error;
        rt_value mine = rt_dict_get_hashed(vm, temp, key, hash, &error);
        if (error)
            return RT_ERROR;
        int same = mine != 0 ? rt_compare_bool(vm, RT_EQ, mine, value) : 0;
        if (same < 0)
            return RT_ERROR;
        if (same) {
            if (rt_dict_delete_hashed(vm, temp, key, hash) < 0)
                return RT_ERROR;
        } else if (rt_set_add(vm, result, rt_tuple_pack(2, key, value)) < 0) {
            return RT_ERROR;
        }
    }
    rt_value rest = rt_dict_view_new(temp, RT_DICT_ITEMS);
    return rt_set_update(vm, result, rest) < 0 ? RT_ERROR : result;
}

/* keys() & x, | x, - x, ^ x: CPython's dictviews_* (either operand may be the view). */
static rt_value view_binary(rt_vm *vm, int op, rt_value a, rt_value b)
{
    op &= ~RT_INPLACE;
    if (op == RT_AND)
        return view_intersect(vm, a, b);
    if (op == RT_XOR && rt_is_type(a, &rt_dict_items_type) && rt_is_type(b, &rt_dict_items_type))
        return items_xor(vm, a, b);
    if (op != RT_OR && op != RT_SUB && op != RT_XOR)
        return RT_NOT_IMPLEMENTED;
    rt_value result = view_to_set(vm, a);
    if (result == RT_ERROR)
        return RT_ERROR;
    int r;
    switch (op) {
    case RT_OR: r = rt_set_update(vm, result, b); break;
    case RT_SUB: r = rt_set_difference_update(vm, result, b); break;
    default: r = rt_set_symmetric_difference_update(vm, result, b); break;
    }
    return r < 0 ? RT_ERROR : result;
}

/* "dict_keys.isdisjoint", as CPython's argument errors name a view's methods. */
static const char *view_method_name(rt_value self, const char *method)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%s.%s", rt_type_of(self)->name, method);
    return rt_str_data(rt_str_from_cstr(buf));
}

static rt_value view_isdisjoint(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                                rt_value kwnames)
{
    if (!rt_check_args(vm, view_method_name(self, "isdisjoint"), nargs, kwnames, 1, 1))
        return RT_ERROR;
    rt_value it = rt_get_iter(vm, args[0]);
    if (it == 0)
        return RT_ERROR;
    for (;;) {
        rt_value x = rt_iter_next(vm, it);
        if (x == RT_ITER_DONE)
            return RT_TRUE;
        if (x == RT_ERROR)
            return RT_ERROR;
        int r = view_contains(vm, self, x);
        if (r < 0)
            return RT_ERROR;
        if (r)
            return RT_FALSE;
    }
}

static rt_value view_reversed(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                              rt_value kwnames)
{
    if (!rt_check_args(vm, view_method_name(self, "__reversed__"), nargs, kwnames, 0, 0))
        return RT_ERROR;
    return rt_dict_iter_new(as_view(self)->dict, view_kind(self), true);
}

static const rt_method set_view_methods[] = {
    {"isdisjoint", view_isdisjoint, "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", view_reversed, "Return a reverse iterator over the dict keys."},
    {NULL, NULL, NULL},
};

static const rt_method values_view_methods[] = {
    {"__reversed__", view_reversed, "Return a reverse iterator over the dict values."},
    {NULL, NULL, NULL},
};

const rt_type rt_dict_keys_type = {
    .base = {&rt_type_type},
    .name = "dict_keys",
    .base_type = &rt_object_type,
    .repr = view_repr,
    .compare = view_compare,
    .binary = view_binary,
    .truth = view_truth,
    .length = view_length,
    .contains = view_contains,
    .iter = view_iter,
    .methods = set_view_methods,
};

const rt_type rt_dict_items_type = {
    .base = {&rt_type_type},
    .name = "dict_items",
    .base_type = &rt_object_type,
    .repr = view_repr,
    .compare = view_compare,
    .binary = view_binary,
    .truth = view_truth,
    .length = view_length,
    .contains = view_contains,
    .iter = view_iter,
    .methods = set_view_methods,
};

const rt_type rt_dict_values_type = {
    .base = {&rt_type_type},
    .name = "dict_values",
    .base_type = &rt_object_type,
    .repr = view_repr,
    .truth = view_truth,
    .length = view_length,
    .contains = view_contains,
    .iter = view_iter,
    .methods = values_view_methods,
};
