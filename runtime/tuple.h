/* tuple: an immutable array of values; also the shape of a closure's environment record. */
#ifndef CELLAR_TUPLE_H
#define CELLAR_TUPLE_H

#include "value.h"

typedef struct rt_tuple {
    rt_object base;
    int64_t size;
    rt_value items[];
} rt_tuple;

static inline rt_tuple *rt_as_tuple(rt_value v) { return (rt_tuple *)rt_as_object(v); }
rt_value rt_tuple_new(int64_t size); /* items zero-filled: the caller fills every slot */
rt_value rt_tuple_from_array(rt_vm *vm, size_t n, const rt_value *items);
rt_value rt_tuple_pack(size_t n, ...); /* n rt_value arguments */
rt_value rt_tuple_from_iterable(rt_vm *vm, rt_value iterable);

#endif
