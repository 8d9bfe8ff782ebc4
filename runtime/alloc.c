/* GC allocation: every runtime object comes from Boehm's collector through these few calls,
 * so the GC stress switch (collect every N allocations) has one place to live. */
#define GC_THREADS /* declares GC_set_markers_count */
#include <gc.h>
#include <gc/gc_inline.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "value.h"

#ifdef CELLAR_GC_STRESS
/* A debug-only counter: the one piece of process-wide mutable state, compiled in only with
 * -DCELLAR_GC_STRESS=ON, where finding a missing root matters more than isolation. */
enum { STRESS_INTERVAL = 64 };
static _Thread_local unsigned stress_count;

static void stress(void)
{
    if (++stress_count % STRESS_INTERVAL == 0)
        GC_gcollect();
}
#else
static void stress(void) {}
#endif

/* Added by the JIT owner (issue 5). The collector's own defaults suit a small heap poorly:
 * starting at 64 KiB it collects after every few hundred KiB allocated, thousands of times
 * per second in closure-heavy code, and each collection scans the 2 MiB of static data the
 * statically linked LLVM brings and wakes a second marker thread. An 8 MiB starting heap
 * makes collections rare (about 30% off closure_factory, church and decorated_fib, see
 * docs/performance.md) while the heap still fits the caches; one marker avoids the thread
 * hand-offs on a small heap. GC_MARKERS and GC_INITIAL_HEAP_SIZE in the environment still
 * apply. */
enum { INITIAL_HEAP_BYTES = 8 << 20 };

void rt_alloc_init(void)
{
    if (!GC_is_init_called()) {
        /* Freed blocks stay mapped: unmapping them (the default after a few collections)
         * makes each reuse a page fault and a kernel page clear, 5% of closure_factory.
         * The collector reads this only from the environment; a value there wins. */
        (void)setenv("GC_UNMAP_THRESHOLD", "0", 0);
        GC_set_markers_count(1);
        GC_INIT();
        size_t heap = GC_get_heap_size();
        if (heap < INITIAL_HEAP_BYTES)
            (void)GC_expand_hp(INITIAL_HEAP_BYTES - heap);
    }
    GC_INIT();
}

/* Running out of memory is the one failure the error protocol cannot report: raising needs
 * memory too. */
static void *check(void *p, size_t size)
{
    if (p == NULL && size != 0) {
        fprintf(stderr, "cellar: out of memory allocating %zu bytes\n", size);
        abort();
    }
    return p;
}

/* ---- small objects from this thread's own free lists ---- */

/* Added by the JIT owner (issue 5). GC_MALLOC reaches the collector's thread-local free lists
 * through a call, a TLS lookup in libgc.so and its size computation — some 15% of the time of
 * closure-heavy programs. Small scanned objects come instead from free lists of our own, one
 * per size in granules (gc_inline.h's scheme), refilled a block at a time by
 * GC_generic_malloc_many, whose objects are zeroed apart from the link word. The list heads
 * live in uncollectable (scanned) memory, so the objects waiting on them stay reachable; the
 * thread's pointer to that array needs no scanning itself. A thread's lists are given back to
 * the collector when it exits. */
static pthread_once_t lists_once = PTHREAD_ONCE_INIT;
static pthread_key_t lists_key;
static _Thread_local __attribute__((tls_model("initial-exec"))) void **thread_lists;

static void release_lists(void *lists) { GC_FREE(lists); }

static void make_lists_key(void) { (void)pthread_key_create(&lists_key, release_lists); }

static void **lists_here(void)
{
    if (thread_lists == NULL) {
        pthread_once(&lists_once, make_lists_key);
        thread_lists = GC_MALLOC_UNCOLLECTABLE(GC_TINY_FREELISTS * sizeof(void *));
        if (thread_lists == NULL)
            return NULL;
        (void)pthread_setspecific(lists_key, thread_lists);
    }
    return thread_lists;
}

/* A zeroed scanned object of `size` bytes (GC_MALLOC's size class: one extra byte, so that a
 * pointer just past the end still counts). */
static void *malloc_small(size_t size)
{
    size_t granules = (size + GC_GRANULE_BYTES) / GC_GRANULE_BYTES;
    void **lists = granules < GC_TINY_FREELISTS ? lists_here() : NULL;
    if (lists == NULL)
        return GC_MALLOC(size);
    void **list = lists + granules;
    if (*list == NULL) {
        GC_generic_malloc_many(GC_RAW_BYTES_FROM_INDEX(granules), GC_I_NORMAL, list);
        if (*list == NULL)
            return GC_MALLOC(size);
    }
    void **object = *list;
    *list = *object;
    *object = NULL;
    return object;
}

void *rt_alloc(size_t size, const rt_type *type)
{
    stress();
    rt_object *o = check(malloc_small(size), size);
    o->type = type;
    return o;
}

void *rt_alloc_atomic(size_t size, const rt_type *type)
{
    stress();
    rt_object *o = check(GC_MALLOC_ATOMIC(size), size);
    memset(o, 0, size); /* GC_MALLOC_ATOMIC does not clear */
    o->type = type;
    return o;
}

void *rt_alloc_raw(size_t size)
{
    stress();
    return check(malloc_small(size), size);
}

void *rt_alloc_raw_atomic(size_t size)
{
    stress();
    void *p = check(GC_MALLOC_ATOMIC(size), size);
    memset(p, 0, size);
    return p;
}

void *rt_alloc_raw_atomic_uncleared(size_t size)
{
    stress();
    return check(GC_MALLOC_ATOMIC(size), size);
}

void *rt_realloc_raw(void *p, size_t size)
{
    stress();
    return check(GC_REALLOC(p, size), size);
}
