/* Inline caches for LOAD_GLOBAL and STORE_GLOBAL. Each site of a compiled function owns one
 * jit_global_cache; the generated code checks it inline (codegen_global.c) and calls the
 * miss handlers here when the check fails, which do the lookup and refill the cache.
 *
 * A cache points at the value field of the entry holding the name: in the globals or, when
 * the globals do not have it, in the builtins. It holds while the function's globals are the
 * dict it was filled for and their layout word (rt_dict.layout, bumped by every insertion,
 * deletion and move of an entry) is unchanged — for a builtins entry, the builtins' layout
 * too — since an unchanged layout means the entry is still there and a new global cannot
 * shadow the builtin. A value replaced in place keeps the layout, so a hit reads and writes
 * the value directly. Caches live in uncollectable GC memory, so every pointer in them keeps
 * its object alive and can never be a reused address. */
#ifndef CELLAR_JIT_GLOBAL_CACHE_H
#define CELLAR_JIT_GLOBAL_CACHE_H

#include <stdint.h>

#include "dict.h"
#include "value.h"

typedef struct jit_global_cache {
    rt_value globals;         /* the dict the cache was filled for; 0 while empty */
    uint64_t layout;          /* its layout then */
    rt_value *value;          /* the value field of the name's entry */
    rt_value builtins;        /* for a builtins entry, the builtins dict; else 0 */
    uint64_t builtins_layout; /* its layout then */
} jit_global_cache;

/* Fills `cache` for `name` as the globals and builtins hold it now — only the globals' own
 * entry when `own` (stores, globals-only reads) — for optimised code that bakes the filled
 * cache into its checks (codegen_global.c). false, leaving it empty, when there is no entry
 * or the lookup cannot be cached. Raises nothing. */
bool jit_cache_fill_now(rt_vm *vm, rt_value globals, rt_value name, bool own,
                        jit_global_cache *cache);

/* The miss handlers below refill `cache` unless it is NULL: a baked cache stays as filled. */

/* LOAD_GLOBAL after a failed check: rt_load_global, refilling `cache` on success. */
rt_value jit_load_global_miss(rt_vm *vm, rt_value globals, rt_value name, jit_global_cache *cache);
/* STORE_GLOBAL after a failed check: rt_store_global, refilling `cache`. 0 / -1. */
int jit_store_global_miss(rt_vm *vm, rt_value globals, rt_value name, rt_value value,
                          jit_global_cache *cache);

/* globals[name] with neither builtins nor exception, 0 when missing (MAKE_FUNCTION's
 * __module__), refilling `cache` when found. */
rt_value jit_globals_get_miss(rt_vm *vm, rt_value globals, rt_value name, jit_global_cache *cache);

/* The whole of LOAD_GLOBAL, STORE_GLOBAL and the globals-only read, check and miss, as one
 * call each: what baseline code (codegen.h, cg_unit.baseline) calls instead of the inline
 * check. */
rt_value jit_load_global(rt_vm *vm, rt_value globals, rt_value name, jit_global_cache *cache);
int jit_store_global(rt_vm *vm, rt_value globals, rt_value name, rt_value value,
                     jit_global_cache *cache);
rt_value jit_globals_get(rt_vm *vm, rt_value globals, rt_value name, jit_global_cache *cache);

/* Caches come from blocks of uncollectable memory that the jit frees with its code. */
typedef struct jit_cache_blocks {
    void **blocks;
    int nblocks, capacity;
    int used; /* caches taken from the last block */
} jit_cache_blocks;

/* A zeroed (empty) cache; NULL when out of memory. */
jit_global_cache *jit_cache_new(jit_cache_blocks *b);
/* Moves every block of `from` into `to` (leaving `from` empty); false when out of memory. */
bool jit_cache_blocks_take(jit_cache_blocks *to, jit_cache_blocks *from);
void jit_cache_blocks_free(jit_cache_blocks *b);

#endif
