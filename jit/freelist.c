/* The jit's free lists (freelist.h). */
#include "freelist.h"

#include <gc.h>
#include <gc/gc_inline.h>
#include <gc/gc_mark.h>
#include <pthread.h>

#include "value.h"

_Static_assert(JIT_FREELISTS <= GC_TINY_FREELISTS, "more lists than the collector's tiny sizes");
_Static_assert(GC_GRANULE_BYTES == 16, "jit_granules assumes 16-byte granules");

/* The collector's kind for these objects: scanned like GC_I_NORMAL (the whole object is its
 * descriptor) but never cleared, because optimised code stores every word of an object it
 * pops (codegen_alloc.c). Clearing reclaimed blocks was a sixth of church's time. The kind is
 * the collector's registration, process-wide like the collector itself, and never changes
 * once made. */
static pthread_once_t kind_once = PTHREAD_ONCE_INIT;
static int uncleared_kind;

static void make_kind(void)
{
    uncleared_kind = (int)GC_new_kind(GC_new_free_list(), GC_DS_LENGTH, 1, 0);
}

void **jit_freelists_new(void)
{
    pthread_once(&kind_once, make_kind);
    return GC_MALLOC_UNCOLLECTABLE(JIT_FREELISTS * sizeof(void *));
}

void jit_freelists_free(void **lists)
{
    if (lists)
        GC_FREE(lists);
}

void *jit_freelist_refill(void **lists, size_t granules)
{
    void **list = lists + granules;
    if (*list == NULL)
        GC_generic_malloc_many(GC_RAW_BYTES_FROM_INDEX(granules), uncleared_kind, list);
    void **object = *list;
    if (object == NULL) /* rt_alloc_raw ends the process when memory is exhausted */
        return rt_alloc_raw(granules * GC_GRANULE_BYTES - 1);
    *list = *object;
    return object;
}
