/* dict: CPython 3.11's compact dict. An index table (open addressing, CPython's perturbed
 * probe) points into an append-only entry array, so iteration is insertion order, a deletion
 * leaves a hole until the next resize, and popitem() takes the last entry — as in CPython. */
#include <string.h>

#include "call.h"
#include "dict.h"
#include "exception.h"
#include "iter.h"
#include "list.h"
#include "ops.h"
#include "set.h"
#include "str.h"
#include "tuple.h"
#include "type.h"
#include "vm.h"

enum {
    LOG2_MINSIZE = 3, /* PyDict_MINSIZE == 8 */
    PERTURB_SHIFT = 5,
    IX_EMPTY = -1,
    IX_DUMMY = -2,
    IX_ERROR = -3
};

static rt_dict *as_dict(rt_value v) { return (rt_dict *)rt_as_object(v); }

/* Also the predicate for the types that are dicts here (no subclasses exist). */
static bool is_dict(rt_value v) { return rt_is_type(v, &rt_dict_type); }

static int64_t usable_fraction(int64_t size) { return (size << 1) / 3; }

rt_value rt_dict_new(void) { return rt_from_object(rt_alloc(sizeof(rt_dict), &rt_dict_type)); }

/* ---- the table ---- */

/* The smallest table with at least `minsize` slots (calculate_log2_keysize). */
static int log2_for(int64_t minsize)
{
    int log2 = LOG2_MINSIZE;
    while (((int64_t)1 << log2) < minsize)
        log2++;
    return log2;
}

/* A free index slot for `hash`; dummies count as free (find_empty_slot). */
static int64_t empty_slot(const rt_dict *d, int64_t hash)
{
    uint64_t mask = ((uint64_t)1 << d->log2_size) - 1;
    uint64_t perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    while (d->indices[i] >= 0) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
    return (int64_t)i;
}

/* dictresize: a new table of 1 << log2 slots holding the live entries, in order. */
static void resize(rt_dict *d, int log2)
{
    int64_t size = (int64_t)1 << log2;
    int32_t *indices = rt_alloc_raw_atomic_uncleared((size_t)size * sizeof *indices);
    memset(indices, 0xff, (size_t)size * sizeof *indices); /* all IX_EMPTY */
    int64_t capacity = usable_fraction(size);
    rt_dict_entry *entries = rt_alloc_raw((size_t)capacity * sizeof *entries);
    int64_t n = 0;
    for (int64_t i = 0; i < d->nentries; i++)
        if (d->entries[i].key != 0)
            entries[n++] = d->entries[i];
    d->log2_size = log2;
    d->indices = indices;
    d->entries = entries;
    d->nentries = n;
    d->layout++;
    d->usable = capacity - n;
    for (int64_t i = 0; i < n; i++)
        indices[empty_slot(d, entries[i].hash)] = i;
}

/* Probes for `key`: its entry index, IX_EMPTY when missing, IX_ERROR when a comparison
 * failed. *slot receives the index-table position of a found key. A comparison that
 * mutates the dict restarts the search, as CPython's lookdict does. */
static int64_t find(rt_vm *vm, rt_dict *d, rt_value key, int64_t hash, int64_t *slot)
{
restart:
    if (d->log2_size == 0)
        return IX_EMPTY;
    uint64_t mask = ((uint64_t)1 << d->log2_size) - 1;
    uint64_t perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    for (;;) {
        int64_t ix = d->indices[i];
        if (ix == IX_EMPTY)
            return IX_EMPTY;
        if (ix >= 0) {
            rt_dict_entry *e = &d->entries[ix];
            if (e->key == key) {
                *slot = (int64_t)i;
                return ix;
            }
            if (e->hash == hash) {
                rt_dict_entry *entries = d->entries;
                rt_value start = e->key;
                int eq = rt_equal(vm, start, key);
                if (eq < 0)
                    return IX_ERROR;
                if (entries != d->entries || e->key != start)
                    goto restart;
                if (eq) {
                    *slot = (int64_t)i;
                    return ix;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* insertdict: replaces the value of an existing key (keeping the key object), else appends. */
static int insert(rt_vm *vm, rt_dict *d, rt_value key, int64_t hash, rt_value value)
{
    int64_t slot;
    int64_t ix = find(vm, d, key, hash, &slot);
    if (ix == IX_ERROR)
        return -1;
    if (ix >= 0) {
        d->entries[ix].value = value;
        return 0;
    }
    if (d->log2_size == 0)
        resize(d, LOG2_MINSIZE);
    else if (d->usable <= 0)
        resize(d, log2_for(d->used * 3)); /* GROWTH_RATE */
    d->indices[empty_slot(d, hash)] = d->nentries;
    d->entries[d->nentries] = (rt_dict_entry){hash, key, value};
    d->nentries++;
    d->used++;
    d->usable--;
    d->layout++;
    return 0;
}

static void delete_at(rt_dict *d, int64_t slot, int64_t ix)
{
    d->indices[slot] = IX_DUMMY;
    d->entries[ix].key = 0;
    d->entries[ix].value = 0;
    d->used--;
    d->layout++;
}

static void clear(rt_dict *d)
{
    d->used = d->nentries = d->usable = 0;
    d->log2_size = 0;
    d->indices = NULL;
    d->entries = NULL;
    d->layout++;
}

/* Makes room for `extra` more keys in one resize, as dict_merge does before copying. */
static void reserve(rt_dict *d, int64_t extra)
{
    if (d->usable >= extra)
        return;
    int log2 = log2_for((d->used + extra) * 3 / 2 + 1);
    if (d->log2_size == 0 || log2 > d->log2_size)
        resize(d, log2);
}

/* ---- the C interface ---- */

rt_value rt_dict_get(rt_vm *vm, rt_value dict, rt_value key, bool *error)
{
    *error = false;
    int64_t hash;
    if (!rt_hash(vm, key, &hash)) {
        *error = true;
        return 0;
    }
    return rt_dict_get_hashed(vm, dict, key, hash, error);
}

rt_value rt_dict_get_hashed(rt_vm *vm, rt_value dict, rt_value key, int64_t hash, bool *error)
{
    *error = false;
    int64_t slot;
    int64_t ix = find(vm, as_dict(dict), key, hash, &slot);
    if (ix == IX_ERROR)
        *error = true;
    return ix >= 0 ? as_dict(dict)->entries[ix].value : 0;
}

/* Interned names hit on identity; other str keys compare by text. No exception possible:
 * a str equals only a str. */
rt_value rt_dict_get_str(rt_value dict, rt_value key)
{
    int64_t ix = rt_dict_find_str(dict, key);
    return ix >= 0 ? as_dict(dict)->entries[ix].value : 0;
}

int64_t rt_dict_find_str(rt_value dict, rt_value key)
{
    rt_dict *d = as_dict(dict);
    if (d->log2_size == 0)
        return -1;
    int64_t hash = rt_str_hash(key);
    uint64_t mask = ((uint64_t)1 << d->log2_size) - 1;
    uint64_t perturb = (uint64_t)hash, i = (uint64_t)hash & mask;
    for (;;) {
        int64_t ix = d->indices[i];
        if (ix == IX_EMPTY)
            return -1;
        if (ix >= 0) {
            rt_dict_entry *e = &d->entries[ix];
            if (e->key == key)
                return ix;
            if (e->hash == hash && rt_is_type(e->key, &rt_str_type) && rt_str_equal(e->key, key))
                return ix;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

int rt_dict_set(rt_vm *vm, rt_value dict, rt_value key, rt_value value)
{
    int64_t hash;
    if (!rt_hash(vm, key, &hash))
        return -1;
    return insert(vm, as_dict(dict), key, hash, value);
}

int rt_dict_set_hashed(rt_vm *vm, rt_value dict, rt_value key, int64_t hash, rt_value value)
{
    return insert(vm, as_dict(dict), key, hash, value);
}

int rt_dict_set_str(rt_vm *vm, rt_value dict, const char *key, rt_value value)
{
    return rt_dict_set(vm, dict, rt_str_intern(vm, key), value);
}

int rt_dict_delete(rt_vm *vm, rt_value dict, rt_value key)
{
    int64_t hash;
    if (!rt_hash(vm, key, &hash))
        return -1;
    return rt_dict_delete_hashed(vm, dict, key, hash);
}

int rt_dict_delete_hashed(rt_vm *vm, rt_value dict, rt_value key, int64_t hash)
{
    rt_dict *d = as_dict(dict);
    int64_t slot;
    int64_t ix = find(vm, d, key, hash, &slot);
    if (ix == IX_ERROR)
        return -1;
    if (ix < 0)
        return 0;
    delete_at(d, slot, ix);
    return 1;
}

int64_t rt_dict_size(rt_value dict) { return as_dict(dict)->used; }

bool rt_dict_next_hashed(rt_value dict, int64_t *pos, rt_value *key, rt_value *value,
                       int64_t *hash)
{
    rt_dict *d = as_dict(dict);
    for (int64_t i = *pos; i < d->nentries; i++) {
        rt_dict_entry *e = &d->entries[i];
        if (e->key != 0) {
            *pos = i + 1;
            *key = e->key;
            *value = e->value;
            if (hash != NULL)
                *hash = e->hash;
            return true;
        }
    }
    *pos = d->nentries;
    return false;
}

bool rt_dict_next(rt_value dict, int64_t *pos, rt_value *key, rt_value *value)
{
    return rt_dict_next_hashed(dict, pos, key, value, NULL);
}

/* Copies every entry of `other` (a dict) into d with its stored hash. */
static int merge_dict(rt_vm *vm, rt_dict *d, rt_value other, bool override)
{
    rt_dict *o = as_dict(other);
    if (o == d || o->used == 0)
        return 0;
    reserve(d, o->used);
    for (int64_t i = 0; i < o->nentries; i++) {
        rt_dict_entry e = o->entries[i];
        if (e.key == 0)
            continue;
        if (!override) {
            int64_t slot;
            int64_t ix = find(vm, d, e.key, e.hash, &slot);
            if (ix == IX_ERROR)
                return -1;
            if (ix >= 0)
                continue;
        }
        if (insert(vm, d, e.key, e.hash, e.value) < 0)
            return -1;
        if (i >= o->nentries) /* a comparison shrank `other` */
            break;
    }
    return 0;
}

rt_value rt_dict_copy(rt_vm *vm, rt_value dict)
{
    rt_value copy = rt_dict_new();
    if (merge_dict(vm, as_dict(copy), dict, true) < 0)
        return RT_ERROR;
    return copy;
}

/* PyDict_Merge for a mapping that is not a dict: its keys(), then mapping[key]. */
static int merge_mapping(rt_vm *vm, rt_value dict, rt_value mapping)
{
    rt_value keys = rt_call_method(vm, mapping, rt_str_intern(vm, "keys"), 0, NULL, 0);
    if (keys == RT_ERROR)
        return -1;
    rt_value it = rt_get_iter(vm, keys);
    if (it == RT_ERROR)
        return -1;
    for (;;) {
        rt_value key = rt_iter_next(vm, it);
        if (key == RT_ERROR)
            return -1;
        if (key == RT_ITER_DONE)
            return 0;
        rt_value value = rt_getitem(vm, mapping, key);
        if (value == RT_ERROR || rt_dict_set(vm, dict, key, value) < 0)
            return -1;
    }
}

/* One element of dict(pairs): any iterable of exactly two items. */
static int merge_pair(rt_vm *vm, rt_value dict, rt_value item, int64_t index)
{
    rt_value seq = item;
    if (!rt_is_type(item, &rt_tuple_type) && !rt_is_type(item, &rt_list_type)) {
        seq = rt_list_from_iterable(vm, item);
        if (seq == RT_ERROR) {
            if (!rt_pending_is(vm, &rt_type_error_type))
                return -1;
            vm->pending = 0;
            rt_raise_format(vm, &rt_type_error_type,
                            "cannot convert dictionary update sequence element #%lld to a "
                            "sequence",
                            (long long)index);
            return -1;
        }
    }
    bool tuple = rt_is_type(seq, &rt_tuple_type);
    int64_t n = tuple ? rt_as_tuple(seq)->size : rt_as_list(seq)->size;
    const rt_value *items = tuple ? rt_as_tuple(seq)->items : rt_as_list(seq)->items;
    if (n != 2) {
        rt_raise_format(vm, &rt_value_error_type,
                        "dictionary update sequence element #%lld has length %lld; 2 is required",
                        (long long)index, (long long)n);
        return -1;
    }
    rt_value key = items[0], value = items[1];
    return rt_dict_set(vm, dict, key, value);
}

/* PyDict_MergeFromSeq2. */
static int merge_pairs(rt_vm *vm, rt_value dict, rt_value iterable)
{
    rt_value it = rt_get_iter(vm, iterable);
    if (it == RT_ERROR)
        return -1;
    for (int64_t i = 0;; i++) {
        rt_value item = rt_iter_next(vm, it);
        if (item == RT_ERROR)
            return -1;
        if (item == RT_ITER_DONE)
            return 0;
        if (merge_pair(vm, dict, item, i) < 0)
            return -1;
    }
}

/* dict_update_arg: a dict, anything with keys(), or an iterable of pairs. */
int rt_dict_update_arg(rt_vm *vm, rt_value dict, rt_value arg)
{
    if (is_dict(arg))
        return merge_dict(vm, as_dict(dict), arg, true);
    rt_value keys = rt_getattr_optional(vm, arg, rt_str_intern(vm, "keys"));
    if (keys == 0 && vm->pending != 0)
        return -1;
    if (keys != 0)
        return merge_mapping(vm, dict, arg);
    return merge_pairs(vm, dict, arg);
}

/* DICT_UPDATE ({**m} in a display): PyDict_Update, which takes mappings only. */
int rt_dict_update(rt_vm *vm, rt_value dict, rt_value mapping)
{
    if (is_dict(mapping))
        return merge_dict(vm, as_dict(dict), mapping, true);
    rt_value keys = rt_getattr_optional(vm, mapping, rt_str_intern(vm, "keys"));
    if (keys == 0 && vm->pending != 0)
        return -1;
    if (keys == 0) {
        rt_raise_format(vm, &rt_type_error_type, "'%T' object is not a mapping", mapping);
        return -1;
    }
    return merge_mapping(vm, dict, mapping);
}

static int merge_kwarg(rt_vm *vm, rt_value dict, rt_value key, rt_value value, rt_value func)
{
    bool error;
    if (rt_dict_get(vm, dict, key, &error) != 0) {
        rt_value fs = func ? rt_function_str(vm, func) : rt_str_from_cstr("function");
        if (fs != 0)
            rt_raise_format(vm, &rt_type_error_type,
                            "%U got multiple values for keyword argument '%S'", fs, key);
        return -1;
    }
    return error ? -1 : rt_dict_set(vm, dict, key, value);
}

/* DICT_MERGE: `f(..., **mapping)`. The keys being str is checked by the call itself. */
int rt_dict_merge_kwargs(rt_vm *vm, rt_value dict, rt_value mapping, rt_value func)
{
    rt_value key, value;
    if (is_dict(mapping)) {
        int64_t pos = 0;
        while (rt_dict_next(mapping, &pos, &key, &value))
            if (merge_kwarg(vm, dict, key, value, func) < 0)
                return -1;
        return 0;
    }
    rt_value keys_fn = rt_getattr_optional(vm, mapping, rt_str_intern(vm, "keys"));
    if (keys_fn == 0 && vm->pending != 0)
        return -1;
    if (keys_fn == 0 || rt_type_of(mapping)->getitem == NULL) {
        rt_value fs = func ? rt_function_str(vm, func) : rt_str_from_cstr("function");
        if (fs != 0)
            rt_raise_format(vm, &rt_type_error_type,
                            "%U argument after ** must be a mapping, not %T", fs, mapping);
        return -1;
    }
    rt_value tmp = rt_dict_new();
    if (merge_mapping(vm, tmp, mapping) < 0)
        return -1;
    int64_t pos = 0;
    while (rt_dict_next(tmp, &pos, &key, &value))
        if (merge_kwarg(vm, dict, key, value, func) < 0)
            return -1;
    return 0;
}

/* The last live entry, removed (dict.popitem); false when empty. */
bool rt_dict_pop_last(rt_value dict, rt_value *key, rt_value *value)
{
    rt_dict *d = as_dict(dict);
    if (d->used == 0)
        return false;
    int64_t i = d->nentries - 1;
    while (i >= 0 && d->entries[i].key == 0)
        i--;
    rt_dict_entry *e = &d->entries[i];
    *key = e->key;
    *value = e->value;
    int64_t slot = -1;
    uint64_t mask = ((uint64_t)1 << d->log2_size) - 1;
    uint64_t perturb = (uint64_t)e->hash, j = (uint64_t)e->hash & mask;
    while (d->indices[j] != i) {
        perturb >>= PERTURB_SHIFT;
        j = (j * 5 + perturb + 1) & mask;
    }
    slot = (int64_t)j;
    delete_at(d, slot, i);
    d->nentries = i; /* CPython drops the trailing holes; usable stays as it was */
    return true;
}

/* ---- slots ---- */

static rt_value dict_repr(rt_vm *vm, rt_value self)
{
    rt_dict *d = as_dict(self);
    if (d->used == 0)
        return rt_str_from_cstr("{}");
    int entered = rt_repr_enter(vm, self);
    if (entered != 0)
        return entered > 0 ? rt_str_from_cstr("{...}") : RT_ERROR;
    rt_strbuf b;
    rt_strbuf_init(&b);
    rt_strbuf_append_char(&b, '{');
    bool ok = true, first = true;
    for (int64_t i = 0; ok && i < d->nentries; i++) {
        rt_dict_entry e = d->entries[i];
        if (e.key == 0)
            continue;
        if (!first)
            rt_strbuf_append(&b, ", ", 2);
        first = false;
        ok = rt_strbuf_append_repr_of(vm, &b, e.key);
        if (ok) {
            rt_strbuf_append(&b, ": ", 2);
            ok = rt_strbuf_append_repr_of(vm, &b, e.value);
        }
    }
    rt_repr_leave(vm, self);
    if (!ok)
        return RT_ERROR;
    rt_strbuf_append_char(&b, '}');
    return rt_strbuf_finish(&b);
}

/* dict_equal: same size and every key of a maps to an equal value in b. */
static int dict_equal(rt_vm *vm, rt_value a, rt_value b)
{
    rt_dict *x = as_dict(a), *y = as_dict(b);
    if (x->used != y->used)
        return 0;
    for (int64_t i = 0; i < x->nentries; i++) {
        rt_dict_entry e = x->entries[i];
        if (e.key == 0)
            continue;
        int64_t slot;
        int64_t ix = find(vm, y, e.key, e.hash, &slot);
        if (ix == IX_ERROR)
            return -1;
        if (ix < 0)
            return 0;
        int eq = rt_compare_bool(vm, RT_EQ, e.value, y->entries[ix].value);
        if (eq <= 0)
            return eq;
    }
    return 1;
}

static rt_value dict_compare(rt_vm *vm, rt_value self, rt_value other, rt_compare_op op)
{
    if (!is_dict(self) || !is_dict(other) || (op != RT_EQ && op != RT_NE))
        return RT_NOT_IMPLEMENTED;
    int eq = dict_equal(vm, self, other);
    if (eq < 0)
        return RT_ERROR;
    return rt_bool((eq == 1) == (op == RT_EQ));
}

/* d | other (a new dict) and d |= other (update in place, any mapping or pairs). */
static rt_value dict_binary(rt_vm *vm, int op, rt_value a, rt_value b)
{
    if ((op & ~RT_INPLACE) != RT_OR)
        return RT_NOT_IMPLEMENTED;
    if ((op & RT_INPLACE) && is_dict(a))
        return rt_dict_update_arg(vm, a, b) < 0 ? RT_ERROR : a;
    if (!is_dict(a) || !is_dict(b))
        return RT_NOT_IMPLEMENTED;
    rt_value r = rt_dict_copy(vm, a);
    if (r == RT_ERROR || merge_dict(vm, as_dict(r), b, true) < 0)
        return RT_ERROR;
    return r;
}

static rt_value dict_iter(rt_vm *vm, rt_value self)
{
    return rt_dict_iter_new(self, RT_DICT_KEYS, false);
}

static int dict_truth(rt_vm *vm, rt_value self) { return as_dict(self)->used != 0; }

static int64_t dict_length(rt_vm *vm, rt_value self) { return as_dict(self)->used; }

static int dict_contains(rt_vm *vm, rt_value self, rt_value key)
{
    bool error;
    rt_value v = rt_dict_get(vm, self, key, &error);
    return error ? -1 : v != 0;
}

static rt_value dict_getitem(rt_vm *vm, rt_value self, rt_value key)
{
    bool error;
    rt_value v = rt_dict_get(vm, self, key, &error);
    if (v != 0 || error)
        return v;
    return rt_raise_value(vm, rt_new_exception(vm, &rt_key_error_type, rt_tuple_pack(1, key)));
}

static int dict_setitem(rt_vm *vm, rt_value self, rt_value key, rt_value value)
{
    if (value != 0)
        return rt_dict_set(vm, self, key, value);
    int r = rt_dict_delete(vm, self, key);
    if (r == 0)
        rt_raise_value(vm, rt_new_exception(vm, &rt_key_error_type, rt_tuple_pack(1, key)));
    return r > 0 ? 0 : -1;
}

/* dict(), dict(mapping or pairs), dict(**kw), dict(mapping, **kw). */
static int update_common(rt_vm *vm, rt_value dict, const char *name, size_t nargs,
                         const rt_value *args, rt_value kwnames)
{
    if (!rt_check_args(vm, name, nargs, 0, 0, 1))
        return -1;
    if (nargs == 1 && rt_dict_update_arg(vm, dict, args[0]) < 0)
        return -1;
    int64_t nkw = kwnames ? rt_as_tuple(kwnames)->size : 0;
    for (int64_t i = 0; i < nkw; i++)
        if (rt_dict_set(vm, dict, rt_as_tuple(kwnames)->items[i], args[nargs + (size_t)i]) < 0)
            return -1;
    return 0;
}

static rt_value dict_construct(rt_vm *vm, const rt_type *type, size_t nargs,
                               const rt_value *args, rt_value kwnames)
{
    rt_value d = rt_from_object(rt_alloc(sizeof(rt_dict), type));
    return update_common(vm, d, "dict", nargs, args, kwnames) < 0 ? RT_ERROR : d;
}

/* ---- methods ---- */

/* CPython's METH_FASTCALL methods name themselves "dict.get()" when refusing keywords but
 * "get" when counting positional arguments. */
static bool fastcall_args(rt_vm *vm, const char *name, size_t nargs, rt_value kwnames,
                          size_t min, long max)
{
    if (kwnames != 0 && rt_as_tuple(kwnames)->size > 0) {
        rt_raise_format(vm, &rt_type_error_type, "dict.%s() takes no keyword arguments", name);
        return false;
    }
    return rt_check_args(vm, name, nargs, 0, min, max);
}

static rt_value m_keys(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                       rt_value kwnames)
{
    if (!rt_check_args(vm, "dict.keys", nargs, kwnames, 0, 0))
        return RT_ERROR;
    return rt_dict_view_new(self, RT_DICT_KEYS);
}

static rt_value m_values(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                         rt_value kwnames)
{
    if (!rt_check_args(vm, "dict.values", nargs, kwnames, 0, 0))
        return RT_ERROR;
    return rt_dict_view_new(self, RT_DICT_VALUES);
}

static rt_value m_items(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                        rt_value kwnames)
{
    if (!rt_check_args(vm, "dict.items", nargs, kwnames, 0, 0))
        return RT_ERROR;
    return rt_dict_view_new(self, RT_DICT_ITEMS);
}

static rt_value m_get(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                      rt_value kwnames)
{
    if (!fastcall_args(vm, "get", nargs, kwnames, 1, 2))
        return RT_ERROR;
    bool error;
    rt_value v = rt_dict_get(vm, self, args[0], &error);
    if (error)
        return RT_ERROR;
    return v ? v : nargs == 2 ? args[1] : RT_NONE;
}

static rt_value m_setdefault(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                             rt_value kwnames)
{
    if (!fastcall_args(vm, "setdefault", nargs, kwnames, 1, 2))
        return RT_ERROR;
    int64_t hash;
    if (!rt_hash(vm, args[0], &hash))
        return RT_ERROR;
    bool error;
    rt_value v = rt_dict_get_hashed(vm, self, args[0], hash, &error);
    if (error)
        return RT_ERROR;
    if (v != 0)
        return v;
    v = nargs == 2 ? args[1] : RT_NONE;
    return insert(vm, as_dict(self), args[0], hash, v) < 0 ? RT_ERROR : v;
}

static rt_value m_pop(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                      rt_value kwnames)
{
    if (!fastcall_args(vm, "pop", nargs, kwnames, 1, 2))
        return RT_ERROR;
    rt_dict *d = as_dict(self);
    int64_t hash, slot, ix = IX_EMPTY;
    if (d->used > 0) { /* CPython answers an empty dict without hashing the key */
        if (!rt_hash(vm, args[0], &hash))
            return RT_ERROR;
        ix = find(vm, d, args[0], hash, &slot);
        if (ix == IX_ERROR)
            return RT_ERROR;
    }
    if (ix < 0) {
        if (nargs == 2)
            return args[1];
        return rt_raise_value(vm,
                              rt_new_exception(vm, &rt_key_error_type, rt_tuple_pack(1, args[0])));
    }
    rt_value v = d->entries[ix].value;
    delete_at(d, slot, ix);
    return v;
}

static rt_value m_popitem(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                          rt_value kwnames)
{
    if (!rt_check_args(vm, "dict.popitem", nargs, kwnames, 0, 0))
        return RT_ERROR;
    rt_value key, value;
    if (!rt_dict_pop_last(self, &key, &value))
        return rt_raise_msg(vm, &rt_key_error_type, "popitem(): dictionary is empty");
    return rt_tuple_pack(2, key, value);
}

static rt_value m_update(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                         rt_value kwnames)
{
    return update_common(vm, self, "update", nargs, args, kwnames) < 0 ? RT_ERROR : RT_NONE;
}

/* dict.fromkeys(iterable, value=None): bound to the type (or an instance) like a classmethod. */
rt_value rt_dict_fromkeys(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                          rt_value kwnames)
{
    if (!fastcall_args(vm, "fromkeys", nargs, kwnames, 1, 2))
        return RT_ERROR;
    rt_value value = nargs == 2 ? args[1] : RT_NONE;
    rt_value d = rt_dict_new();
    rt_value key, ignored;
    int64_t pos = 0, hash;
    if (is_dict(args[0])) {
        reserve(as_dict(d), rt_dict_size(args[0]));
        while (rt_dict_next_hashed(args[0], &pos, &key, &ignored, &hash))
            if (insert(vm, as_dict(d), key, hash, value) < 0)
                return RT_ERROR;
        return d;
    }
    rt_value it = rt_get_iter(vm, args[0]);
    if (it == RT_ERROR)
        return RT_ERROR;
    for (;;) {
        key = rt_iter_next(vm, it);
        if (key == RT_ERROR)
            return RT_ERROR;
        if (key == RT_ITER_DONE)
            return d;
        if (rt_dict_set(vm, d, key, value) < 0)
            return RT_ERROR;
    }
}

static rt_value m_clear(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                        rt_value kwnames)
{
    if (!rt_check_args(vm, "dict.clear", nargs, kwnames, 0, 0))
        return RT_ERROR;
    clear(as_dict(self));
    return RT_NONE;
}

static rt_value m_copy(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                       rt_value kwnames)
{
    if (!rt_check_args(vm, "dict.copy", nargs, kwnames, 0, 0))
        return RT_ERROR;
    return rt_dict_copy(vm, self);
}

static rt_value m_contains(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                           rt_value kwnames)
{
    if (!rt_check_args(vm, "dict.__contains__", nargs, kwnames, 1, 1))
        return RT_ERROR;
    int r = dict_contains(vm, self, args[0]);
    return r < 0 ? RT_ERROR : rt_bool(r);
}

static rt_value m_getitem(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                          rt_value kwnames)
{
    if (!rt_check_args(vm, "dict.__getitem__", nargs, kwnames, 1, 1))
        return RT_ERROR;
    return dict_getitem(vm, self, args[0]);
}

static rt_value m_reversed(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                           rt_value kwnames)
{
    if (!rt_check_args(vm, "dict.__reversed__", nargs, kwnames, 0, 0))
        return RT_ERROR;
    return rt_dict_iter_new(self, RT_DICT_KEYS, true);
}

static const rt_method dict_methods[] = {
    {"__contains__", m_contains, NULL},
    {"__getitem__", m_getitem, NULL},
    {"get", m_get, NULL},
    {"setdefault", m_setdefault, NULL},
    {"pop", m_pop, NULL},
    {"popitem", m_popitem, NULL},
    {"keys", m_keys, NULL},
    {"items", m_items, NULL},
    {"values", m_values, NULL},
    {"update", m_update, NULL},
    {"fromkeys", rt_dict_fromkeys, "@classmethod fromkeys(iterable, value=None)"},
    {"clear", m_clear, NULL},
    {"copy", m_copy, NULL},
    {"__reversed__", m_reversed, NULL},
    {NULL, NULL, NULL},
};

const rt_type rt_dict_type = {
    .base = {&rt_type_type},
    .name = "dict",
    .base_type = &rt_object_type,
    .repr = dict_repr,
    .compare = dict_compare,
    .binary = dict_binary,
    .truth = dict_truth,
    .length = dict_length,
    .contains = dict_contains,
    .getitem = dict_getitem,
    .setitem = dict_setitem,
    .iter = dict_iter,
    .methods = dict_methods,
    .construct = dict_construct,
};
