/* list: a growable array of values, with CPython's growth pattern and timsort. */
#ifndef CELLAR_LIST_H
#define CELLAR_LIST_H

#include "value.h"

typedef struct rt_list {
    rt_object base;
    int64_t size, capacity;
    rt_value *items;
} rt_list;

static inline rt_list *rt_as_list(rt_value v) { return (rt_list *)rt_as_object(v); }
rt_value rt_list_new(int64_t capacity);
rt_value rt_list_from_array(rt_vm *vm, size_t n, const rt_value *items);
rt_value rt_list_from_iterable(rt_vm *vm, rt_value iterable);
int rt_list_append(rt_vm *vm, rt_value list, rt_value item); /* 0, or -1 on error */
int rt_list_extend(rt_vm *vm, rt_value list, rt_value iterable);
rt_value rt_list_to_tuple(rt_vm *vm, rt_value list);
/* list.sort(key=, reverse=) semantics; 0 or -1. */
int rt_list_sort(rt_vm *vm, rt_value list, rt_value key, bool reverse);
/* Sets the size, reallocating with CPython's over-allocation when needed. */
void rt_list_resize(rt_list *l, int64_t newsize);
/* Parses the keyword-only key= and reverse= of sort() and sorted() into *key / *reverse
 * (left as they are when absent): "'x' is an invalid keyword argument for sort()". */
bool rt_sort_args(rt_vm *vm, rt_value kwnames, const rt_value *kwvalues, rt_value *key,
                  rt_value *reverse);

#endif
