/* tuple: an immutable array of values; also the shape of a closure's environment record. */
#ifndef CELLAR_TUPLE_H
#define CELLAR_TUPLE_H

#include "str.h"
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

/* Sequence helpers shared by tuple and list (each works on either type). */
/* Lexicographic rich comparison of two tuples or two lists, as CPython's. */
rt_value rt_sequence_compare(rt_vm *vm, rt_value a, rt_value b, rt_compare_op op);
/* Appends the items' reprs separated by ", "; false with an exception pending. */
bool rt_sequence_repr_items(rt_vm *vm, rt_strbuf *b, rt_value seq);
/* First index of item in seq[start:stop] (identity, then ==); -1 missing, -2 error. */
int64_t rt_sequence_find(rt_vm *vm, rt_value seq, rt_value item, int64_t start, int64_t stop);
int64_t rt_sequence_count(rt_vm *vm, rt_value seq, rt_value item); /* -1 on error */
/* `item in seq`, the contains slot of tuple and list: 1, 0, or -1 on error. */
int rt_sequence_contains(rt_vm *vm, rt_value seq, rt_value item);
/* index(x[, start[, stop]]) arguments, clamped like slice bounds. */
bool rt_sequence_index_args(rt_vm *vm, const char *name, size_t nargs, const rt_value *args,
                            rt_value kwnames, int64_t size, int64_t *start, int64_t *stop);
/* The n of seq * n (negative counts as 0), with CPython's TypeError / MemoryError. */
bool rt_sequence_repeat_count(rt_vm *vm, rt_value n, int64_t size, int64_t *out);

#endif
