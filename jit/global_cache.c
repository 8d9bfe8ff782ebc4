/* The run-time half of the global inline caches: the miss handlers that generated code calls
 * when a cache does not hold, and the memory caches live in. See global_cache.h. */
#include "global_cache.h"

#include <gc.h>
#include <stdlib.h>

#include "ops.h"
#include "vm.h"

/* Caches per block: one block covers a few functions' worth of sites. */
enum { CACHES_PER_BLOCK = 64 };

static rt_dict *as_dict(rt_value v) { return (rt_dict *)rt_as_object(v); }

/* Points `cache` at entry `index` of `holder` (globals or builtins), which holds the name. */
static void fill(jit_global_cache *cache, rt_value globals, rt_value holder, int64_t index)
{
    rt_dict *d = as_dict(holder);
    cache->globals = globals;
    cache->layout = as_dict(globals)->layout;
    cache->value = &d->entries[index].value;
    cache->builtins = holder == globals ? 0 : holder;
    cache->builtins_layout = d->layout;
}

/* Only a str name in an exact dict is cached; anything else stays on the slow path. */
static bool cacheable(rt_value globals, rt_value name)
{
    return rt_is_type(globals, &rt_dict_type) && rt_is_type(name, &rt_str_type);
}

/* Fills `cache` for `name` as found now: in the globals, else in the builtins. false when
 * neither has it or the lookup cannot be cached. Raises nothing. */
static bool fill_for(rt_vm *vm, jit_global_cache *cache, rt_value globals, rt_value name, bool own)
{
    if (!cacheable(globals, name))
        return false;
    int64_t index = rt_dict_find_str(globals, name);
    if (index >= 0) {
        fill(cache, globals, globals, index);
        return true;
    }
    if (own || !rt_is_type(vm->builtins, &rt_dict_type))
        return false;
    index = rt_dict_find_str(vm->builtins, name);
    if (index < 0)
        return false;
    fill(cache, globals, vm->builtins, index);
    return true;
}

bool jit_cache_fill_now(rt_vm *vm, rt_value globals, rt_value name, bool own,
                        jit_global_cache *cache)
{
    return fill_for(vm, cache, globals, name, own);
}

rt_value jit_load_global_miss(rt_vm *vm, rt_value globals, rt_value name, jit_global_cache *cache)
{
    rt_value v = rt_load_global(vm, globals, name);
    if (v != 0 && cache)
        fill_for(vm, cache, globals, name, false);
    return v;
}

int jit_store_global_miss(rt_vm *vm, rt_value globals, rt_value name, rt_value value,
                          jit_global_cache *cache)
{
    if (rt_store_global(vm, globals, name, value) < 0)
        return -1;
    if (cache)
        fill_for(vm, cache, globals, name, true);
    return 0;
}

rt_value jit_globals_get_miss(rt_vm *vm, rt_value globals, rt_value name, jit_global_cache *cache)
{
    (void)vm;
    if (!cacheable(globals, name))
        return 0;
    int64_t index = rt_dict_find_str(globals, name);
    if (index < 0)
        return 0;
    if (cache)
        fill(cache, globals, globals, index);
    return as_dict(globals)->entries[index].value;
}

/* ---- the checks in C, for baseline code (codegen_global.c emits the same ones inline) ---- */

/* The cached value field when the cache holds for `globals`; `own` asks for an entry of the
 * globals themselves (stores, globals-only reads). */
static rt_value *holding(const jit_global_cache *cache, rt_value globals, bool own)
{
    if (cache->globals != globals || as_dict(globals)->layout != cache->layout)
        return NULL;
    if (cache->builtins == 0)
        return cache->value;
    if (own || as_dict(cache->builtins)->layout != cache->builtins_layout)
        return NULL;
    return cache->value;
}

rt_value jit_load_global(rt_vm *vm, rt_value globals, rt_value name, jit_global_cache *cache)
{
    rt_value *value = holding(cache, globals, false);
    return value ? *value : jit_load_global_miss(vm, globals, name, cache);
}

int jit_store_global(rt_vm *vm, rt_value globals, rt_value name, rt_value value,
                     jit_global_cache *cache)
{
    rt_value *slot = holding(cache, globals, true);
    if (!slot)
        return jit_store_global_miss(vm, globals, name, value, cache);
    *slot = value;
    return 0;
}

rt_value jit_globals_get(rt_vm *vm, rt_value globals, rt_value name, jit_global_cache *cache)
{
    rt_value *value = holding(cache, globals, true);
    return value ? *value : jit_globals_get_miss(vm, globals, name, cache);
}

/* ---- memory ---- */

jit_global_cache *jit_cache_new(jit_cache_blocks *b)
{
    if (b->nblocks == 0 || b->used == CACHES_PER_BLOCK) {
        if (b->nblocks == b->capacity) {
            int capacity = b->capacity ? 2 * b->capacity : 4;
            void **grown = realloc(b->blocks, (size_t)capacity * sizeof *grown);
            if (!grown)
                return NULL;
            b->blocks = grown;
            b->capacity = capacity;
        }
        /* Scanned by the collector but never collected: freed by jit_cache_blocks_free. */
        void *block = GC_MALLOC_UNCOLLECTABLE(CACHES_PER_BLOCK * sizeof(jit_global_cache));
        if (!block)
            return NULL;
        b->blocks[b->nblocks++] = block;
        b->used = 0;
    }
    jit_global_cache *cache = (jit_global_cache *)b->blocks[b->nblocks - 1] + b->used++;
    *cache = (jit_global_cache){0};
    return cache;
}

bool jit_cache_blocks_take(jit_cache_blocks *to, jit_cache_blocks *from)
{
    for (int i = 0; i < from->nblocks; i++) {
        if (to->nblocks == to->capacity) {
            int capacity = to->capacity ? 2 * to->capacity : 4;
            void **grown = realloc(to->blocks, (size_t)capacity * sizeof *grown);
            if (!grown)
                return false;
            to->blocks = grown;
            to->capacity = capacity;
        }
        to->blocks[to->nblocks++] = from->blocks[i];
        from->blocks[i] = NULL;
    }
    to->used = CACHES_PER_BLOCK; /* the next cache of `to` starts a block of its own */
    free(from->blocks);
    *from = (jit_cache_blocks){0};
    return true;
}

void jit_cache_blocks_free(jit_cache_blocks *b)
{
    for (int i = 0; i < b->nblocks; i++)
        if (b->blocks[i])
            GC_FREE(b->blocks[i]);
    free(b->blocks);
    *b = (jit_cache_blocks){0};
}
