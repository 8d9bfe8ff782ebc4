/* Iteration: the iterator protocol, range, and the builtin iterators (enumerate, zip, map,
 * filter, reversed, and the iterators of list, tuple, str, dict and set). */
#ifndef CELLAR_ITER_H
#define CELLAR_ITER_H

#include "value.h"

rt_value rt_get_iter(rt_vm *vm, rt_value iterable); /* TypeError: 'int' object is not iterable */
/* The next item, RT_ITER_DONE when exhausted, or RT_ERROR. */
rt_value rt_iter_next(rt_vm *vm, rt_value iterator);
/* Unpacks exactly n values into out (CPython's "not enough values to unpack (expected 3, got
 * 2)" / "too many values to unpack (expected 2)"). With star >= 0, out[star] becomes a list
 * of the middle values and `n` counts the starred target too. 0 / -1. */
int rt_unpack_sequence(rt_vm *vm, rt_value iterable, int n, int star, rt_value *out);
/* Builtin iterator types; calling the type constructs one (enumerate(xs, start=1), ...). */
extern const rt_type rt_enumerate_type, rt_zip_type, rt_map_type, rt_filter_type,
    rt_reversed_type;

rt_value rt_range_new(rt_vm *vm, int64_t start, int64_t stop, int64_t step);

/* Added by the iteration owner. */
extern const rt_type rt_range_iterator_type, rt_list_iterator_type, rt_tuple_iterator_type,
    rt_list_reverseiterator_type, rt_getitem_iterator_type;
/* The iterator of a list or tuple. */
rt_value rt_sequence_iter_new(rt_value seq);

/* Added by the JIT owner: the layouts of the two iterators optimised code steps inline
 * (jit/codegen_iter.c); the .c files that own them are the only writers otherwise. */
/* rt_range_iterator_type: `remaining` items left, the next one is `next` (not advanced past
 * the last item, so next + step never overflows). */
typedef struct range_iterator {
    rt_object base;
    int64_t next, step, remaining;
} range_iterator;
/* rt_list_iterator_type and rt_tuple_iterator_type: seq[index] is next; seq is 0 once the
 * iterator is exhausted. */
typedef struct seq_iterator {
    rt_object base;
    rt_value seq;
    int64_t index;
} seq_iterator;
/* CPython's sequence iterator for objects with only __getitem__: seq[0], seq[1], ... */
rt_value rt_getitem_iter_new(rt_value seq);

/* The iter slot of every iterator: returns self. */
rt_value rt_iter_self(rt_vm *vm, rt_value self);
/* reversed(list): a list_reverseiterator. */
rt_value rt_list_reversed_new(rt_value list);

/* Builtin functions over iterables (iter_builtins.c), with the rt_cfunc convention; the
 * builtins module registers them. */
rt_value rt_builtin_sorted(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                           rt_value kwnames);
rt_value rt_builtin_min(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                        rt_value kwnames);
rt_value rt_builtin_max(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                        rt_value kwnames);
rt_value rt_builtin_sum(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                        rt_value kwnames);
rt_value rt_builtin_any(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                        rt_value kwnames);
rt_value rt_builtin_all(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                        rt_value kwnames);
rt_value rt_builtin_iter(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                         rt_value kwnames);
rt_value rt_builtin_next(rt_vm *vm, rt_value self, size_t nargs, const rt_value *args,
                         rt_value kwnames);

#endif
