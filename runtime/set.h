/* set and frozenset: CPython's open-addressing table layout, so iteration order matches. */
#ifndef CELLAR_SET_H
#define CELLAR_SET_H

#include "value.h"

rt_value rt_set_new(void);
rt_value rt_set_from_array(rt_vm *vm, size_t n, const rt_value *items);
int rt_set_add(rt_vm *vm, rt_value set, rt_value item);         /* 0 / -1 */
int rt_set_update(rt_vm *vm, rt_value set, rt_value iterable);  /* 0 / -1 */
int rt_set_contains(rt_vm *vm, rt_value set, rt_value item);    /* 1 / 0 / -1 */

/* Added by the set owner: the algebra other containers reuse (dict views). `set` is a set
 * or frozenset; `other` any iterable. */
rt_value rt_set_intersection(rt_vm *vm, rt_value set, rt_value other); /* new set */
int rt_set_difference_update(rt_vm *vm, rt_value set, rt_value other);
int rt_set_symmetric_difference_update(rt_vm *vm, rt_value set, rt_value other);
int64_t rt_set_size(rt_value set);
extern const rt_type rt_set_iterator_type;

/* A set display of more than two constants ({'a', 'b', 'c'}), built the way CPython's
 * compiler does (BUILD_SET 0 + SET_UPDATE of a frozenset constant), whose iteration order can
 * differ from rt_set_from_array's. */
rt_value rt_set_from_constants(rt_vm *vm, size_t n, const rt_value *items);
/* The frozenset constant CPython makes of `for x in {1, 2, 3}` / `x in {1, 2, 3}` (and which
 * the display above merges): built, then rebuilt from its own order by the compiler's
 * constant merging. `for x in {-12, 50, 85, 8, 296, -14}` visits 8, 296, -14, 50, -12, 85. */
rt_value rt_frozenset_from_constants(rt_vm *vm, size_t n, const rt_value *items);
/* Iteration in table order (CPython's); *pos starts at 0. */
bool rt_set_next(rt_value set, int64_t *pos, rt_value *item);

#endif
