/* The jit's free lists (freelist.h). */
#include "freelist.h"

#include <gc.h>
#include <gc/gc_inline.h>

#include "value.h"

_Static_assert(JIT_FREELISTS <= GC_TINY_FREELISTS, "more lists than the collector's tiny sizes");
_Static_assert(GC_GRANULE_BYTES == 16, "jit_granules assumes 16-byte granules");

void **jit_freelists_new(void) { return GC_MALLOC_UNCOLLECTABLE(JIT_FREELISTS * sizeof(void *)); }

void jit_freelists_free(void **lists)
{
    if (lists)
        GC_FREE(lists);
}

void *jit_freelist_refill(void **lists, size_t granules)
{
    void **list = lists + granules;
    if (*list == NULL)
        GC_generic_malloc_many(GC_RAW_BYTES_FROM_INDEX(granules), GC_I_NORMAL, list);
    void **object = *list;
    if (object == NULL) /* rt_alloc_raw ends the process when memory is exhausted */
        return rt_alloc_raw(granules * GC_GRANULE_BYTES - 1);
    *list = *object;
    *object = NULL;
    return object;
}
