/* dict: CPython's compact insertion-ordered hash table (an index table over an entry array),
 * so iteration order and the observable effects of mutation match CPython. */
#ifndef CELLAR_DICT_H
#define CELLAR_DICT_H

#include "value.h"

rt_value rt_dict_new(void);
/* Lookup: the value, or 0. `*found` tells a missing key (false, no exception) from an error
 * (false with an exception pending, e.g. unhashable key). */
rt_value rt_dict_get(rt_vm *vm, rt_value dict, rt_value key, bool *error);
/* Fast lookup for str keys (no exception possible). 0 when missing. */
rt_value rt_dict_get_str(rt_value dict, rt_value key);
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

#endif
