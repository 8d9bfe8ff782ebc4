/* set and frozenset: CPython's open-addressing table layout, so iteration order matches. */
#ifndef CELLAR_SET_H
#define CELLAR_SET_H

#include "value.h"

rt_value rt_set_new(void);
rt_value rt_set_from_array(rt_vm *vm, size_t n, const rt_value *items);
int rt_set_add(rt_vm *vm, rt_value set, rt_value item);         /* 0 / -1 */
int rt_set_update(rt_vm *vm, rt_value set, rt_value iterable);  /* 0 / -1 */
int rt_set_contains(rt_vm *vm, rt_value set, rt_value item);    /* 1 / 0 / -1 */

#endif
