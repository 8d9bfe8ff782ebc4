/* dict: CPython's compact insertion-ordered hash table (an index table over an entry array),
 * so iteration order and the observable effects of mutation match CPython. */
#ifndef CELLAR_DICT_H
#define CELLAR_DICT_H

#include "value.h"

/* One slot of the entry array; key 0 marks a deleted entry. */
typedef struct rt_dict_entry {
    int64_t hash;
    rt_value key, value;
} rt_dict_entry;

typedef struct rt_dict {
    rt_object base;
    int64_t used;      /* live entries */
    int64_t usable;    /* entries that can still be appended before a resize */
    int64_t nentries;  /* entries appended so far, deleted ones included */
    int log2_size;     /* the index table has 2**log2_size slots; no table yet when NULL */
    /* entry index, -1 empty, -2 dummy (deleted). 32 bits (changed by the JIT owner: half the
     * cache misses of a big table's probes, 17% off memo_dict): an entry index fits while the
     * table has at most 2**31 slots, and the entry array of a bigger one (some 68 GB) cannot
     * be allocated. */
    int32_t *indices;
    rt_dict_entry *entries;
    /* Added by the JIT owner: bumped whenever an entry is added, removed or moved (insertion
     * of a new key, deletion, resize, clear) — everything but a value replaced in place. While
     * it is unchanged, an entry found earlier still holds its key, so the JIT's global caches
     * keep a pointer to the value and check this one word (jit/global_cache.h). */
    uint64_t layout;
} rt_dict;

rt_value rt_dict_new(void);
/* Lookup: the value, or 0. `*error` tells a missing key (false, no exception) from an error
 * (true with an exception pending, e.g. unhashable key). */
rt_value rt_dict_get(rt_vm *vm, rt_value dict, rt_value key, bool *error);
/* Fast lookup for str keys (no exception possible). 0 when missing. */
rt_value rt_dict_get_str(rt_value dict, rt_value key);
/* Added by the JIT owner: the index in `entries` of str key `key`, or -1 when missing. */
int64_t rt_dict_find_str(rt_value dict, rt_value key);
int rt_dict_set(rt_vm *vm, rt_value dict, rt_value key, rt_value value); /* 0 / -1 */
int rt_dict_set_str(rt_vm *vm, rt_value dict, const char *key, rt_value value);
/* 1 deleted, 0 missing (no exception), -1 error. */
int rt_dict_delete(rt_vm *vm, rt_value dict, rt_value key);
int64_t rt_dict_size(rt_value dict);
/* Iteration by position: returns false at the end. `*pos` starts at 0. */
bool rt_dict_next(rt_value dict, int64_t *pos, rt_value *key, rt_value *value);
/* d.update(mapping) for a dict or any object with keys(); 0 / -1. */
int rt_dict_update(rt_vm *vm, rt_value dict, rt_value mapping);
/* Merging `**mapping` into call keyword arguments: TypeError "keywords must be strings",
 * "... got multiple values for keyword argument 'x'" (func names the callee for messages). */
int rt_dict_merge_kwargs(rt_vm *vm, rt_value dict, rt_value mapping, rt_value func);
rt_value rt_dict_copy(rt_vm *vm, rt_value dict);

/* Added by the dict owner. */
/* Lookup and store with a hash the caller already has (sets, kwargs). */
rt_value rt_dict_get_hashed(rt_vm *vm, rt_value dict, rt_value key, int64_t hash, bool *error);
int rt_dict_set_hashed(rt_vm *vm, rt_value dict, rt_value key, int64_t hash, rt_value value);
int rt_dict_delete_hashed(rt_vm *vm, rt_value dict, rt_value key, int64_t hash); /* 1/0/-1 */
/* rt_dict_next that also gives the stored hash (hash may be NULL). */
bool rt_dict_next_hashed(rt_value dict, int64_t *pos, rt_value *key, rt_value *value,
                         int64_t *hash);
/* Removes the last entry (popitem's order); false when the dict is empty. */
bool rt_dict_pop_last(rt_value dict, rt_value *key, rt_value *value);
/* dict(arg) / d.update(arg) / d |= arg: a dict, an object with keys(), or an iterable of
 * pairs, with CPython's "dictionary update sequence element #0 ..." errors. 0 / -1. */
int rt_dict_update_arg(rt_vm *vm, rt_value dict, rt_value arg);
/* dict.fromkeys(iterable, value=None) as an rt_cfunc (self is ignored). Its method-table entry
 * is documented "@classmethod", so type.c binds `dict.fromkeys` to the type and rt_getattr
 * binds `d.fromkeys` to the instance. */
rt_value rt_dict_fromkeys(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                          rt_value kwnames);

/* Views and iterators (dict_view.c). */
enum { RT_DICT_KEYS, RT_DICT_VALUES, RT_DICT_ITEMS };
rt_value rt_dict_view_new(rt_value dict, int kind);
rt_value rt_dict_iter_new(rt_value dict, int kind, bool reversed);
extern const rt_type rt_dict_keys_type, rt_dict_values_type, rt_dict_items_type,
    rt_dict_keyiterator_type, rt_dict_valueiterator_type, rt_dict_itemiterator_type,
    rt_dict_reversekeyiterator_type, rt_dict_reversevalueiterator_type,
    rt_dict_reverseitemiterator_type;

#endif
