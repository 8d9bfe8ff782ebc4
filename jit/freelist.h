/* The jit's own free lists of small scanned objects, which optimised code pops inline
 * (codegen_alloc.c) instead of calling rt_alloc. Same scheme as runtime/alloc.c — one list per
 * size in granules, refilled by GC_generic_malloc_many, heads in uncollectable memory — but
 * the objects are of a kind the collector does not clear (freelist.c), and the heads belong
 * to the jit, and so to its VM, which one thread uses at a time: generated code reaches them
 * at a fixed address, with no thread-local lookup. */
#ifndef CELLAR_JIT_FREELIST_H
#define CELLAR_JIT_FREELIST_H

#include <stddef.h>

/* Sizes up to this many granules (16 bytes) have a list. */
enum { JIT_FREELISTS = 25 };

/* The granules of an object of `size` bytes. GC_MALLOC adds a byte past the end, so that a
 * pointer just past an object still keeps it alive; nothing forms such a pointer to the
 * objects these lists serve (cells, functions and their closure tuples), so they take their
 * exact size: a 2-item closure block 80 bytes instead of 96, a function without one 48. */
static inline size_t jit_granules(size_t size) { return (size + 15) / 16; }

/* A zeroed array of JIT_FREELISTS heads in uncollectable memory; NULL when out of memory. */
void **jit_freelists_new(void);
void jit_freelists_free(void **lists);
/* Refills the empty list for `granules` and pops an object from it. Its words hold whatever
 * they held before (the kind is not cleared): the caller stores every one of them, from the
 * type to the last of the granules. Never NULL: running out of memory ends the
 * process, as in rt_alloc. */
void *jit_freelist_refill(void **lists, size_t granules);

#endif
