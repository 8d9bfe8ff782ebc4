/* LOAD_GLOBAL and STORE_GLOBAL through per-site inline caches (global_cache.h): a hit is two
 * compares (the dict, its layout word) and one load or store of the entry's value; a miss
 * calls the handler, which does the generic lookup or store and refills the cache.
 * DELETE_GLOBAL stays a runtime call: the deletion bumps the layout, which invalidates the
 * caches.
 *
 * Optimised code is compiled while its function runs, so its caches are filled at compile
 * time from that activation's globals and baked into the code: the dict, its layout and the
 * entry's address become constants, and a hit is one load of the layout word and one of the
 * value. That the function runs with those globals is checked once, at its entry
 * (codegen.c, guard_globals). A baked
 * cache is never refilled (its miss handler is given none), so a name whose entry has moved
 * takes the generic path from then on. */
#include <stddef.h>

#include "codegen.h"
#include "global_cache.h"

static LLVMValueRef cache_load(cg_function *cg, LLVMTypeRef t, LLVMValueRef cache, size_t at)
{
    return cg_load_field(cg, t, cache, at);
}

static LLVMValueRef equal(cg_function *cg, LLVMValueRef a, LLVMValueRef b)
{
    return LLVMBuildICmp(cg->b, LLVMIntEQ, a, b, "");
}

/* i1: the cache was filled for this function's globals and their layout is unchanged. */
static LLVMValueRef globals_hold(cg_function *cg, LLVMValueRef cache)
{
    LLVMTypeRef i64 = cg->u->i64;
    LLVMValueRef globals = cache_load(cg, i64, cache, offsetof(jit_global_cache, globals));
    LLVMValueRef layout = cg_load_field(cg, i64, cg->globals, offsetof(rt_dict, layout));
    LLVMValueRef cached = cache_load(cg, i64, cache, offsetof(jit_global_cache, layout));
    return LLVMBuildAnd(cg->b, equal(cg, globals, cg->globals), equal(cg, layout, cached), "");
}

/* Branches to `hit` when the cache holds: the globals' check, then for a builtins entry the
 * builtins' layout. */
static void check_load_cache(cg_function *cg, LLVMValueRef cache, LLVMBasicBlockRef hit,
                             LLVMBasicBlockRef miss)
{
    LLVMTypeRef i64 = cg->u->i64;
    LLVMBasicBlockRef kind = cg_new_block(cg, "global.kind");
    LLVMBasicBlockRef builtin = cg_new_block(cg, "global.builtin");
    cg_branch_hot(cg, globals_hold(cg, cache), kind, miss);

    LLVMPositionBuilderAtEnd(cg->b, kind);
    LLVMValueRef builtins = cache_load(cg, i64, cache, offsetof(jit_global_cache, builtins));
    LLVMBuildCondBr(cg->b, equal(cg, builtins, cg_i64(cg, 0)), hit, builtin);

    LLVMPositionBuilderAtEnd(cg->b, builtin);
    LLVMValueRef layout = cg_load_field(cg, i64, builtins, offsetof(rt_dict, layout));
    LLVMValueRef cached = cache_load(cg, i64, cache, offsetof(jit_global_cache, builtins_layout));
    cg_branch_hot(cg, equal(cg, layout, cached), hit, miss);
}

/* The cached value field (valid in the hit block). */
static LLVMValueRef value_field(cg_function *cg, LLVMValueRef cache)
{
    return cache_load(cg, cg->u->ptr, cache, offsetof(jit_global_cache, value));
}

/* Branches to `hit` when the cache holds an entry of this function's globals themselves. */
static void check_own_cache(cg_function *cg, LLVMValueRef cache, LLVMBasicBlockRef hit,
                            LLVMBasicBlockRef miss)
{
    LLVMValueRef builtins = cache_load(cg, cg->u->i64, cache, offsetof(jit_global_cache, builtins));
    LLVMValueRef own =
        LLVMBuildAnd(cg->b, globals_hold(cg, cache), equal(cg, builtins, cg_i64(cg, 0)), "");
    cg_branch_hot(cg, own, hit, miss);
}

/* i1: the layout word of the dict `d` (a constant) is still `layout`. */
static LLVMValueRef layout_is(cg_function *cg, rt_value d, uint64_t layout)
{
    LLVMValueRef word = cg_ptr_const(cg, &((rt_dict *)rt_as_object(d))->layout);
    return equal(cg, LLVMBuildLoad2(cg->b, cg->u->i64, word, ""), cg_i64(cg, layout));
}

/* The check of a cache filled at compile time, its fields as constants. */
static void check_baked(cg_function *cg, const jit_global_cache *cache, LLVMBasicBlockRef hit,
                        LLVMBasicBlockRef miss)
{
    LLVMValueRef hold = layout_is(cg, cache->globals, cache->layout);
    if (cache->builtins)
        hold =
            LLVMBuildAnd(cg->b, hold, layout_is(cg, cache->builtins, cache->builtins_layout), "");
    cg_branch_hot(cg, hold, hit, miss);
}

/* Fills `cache` now when optimised code knows its globals (codegen.h, globals_now). */
static bool bake(cg_function *cg, LLVMValueRef name, bool own, jit_global_cache *cache)
{
    rt_value globals = cg->u->globals_now;
    return !cg->u->baseline && globals && cg->globals_baked &&
           jit_cache_fill_now(cg->u->vm, globals, LLVMConstIntGetZExtValue(name), own, cache);
}

/* A site's check: baked when `cache` could be filled now, else loading the cache's fields.
 * Returns the value field's address (valid in `hit`) and sets *handler_cache to the cache
 * the miss handler refills (a null pointer for a baked one). */
static LLVMValueRef check_site(cg_function *cg, jit_global_cache *cache, LLVMValueRef name,
                               bool own, LLVMBasicBlockRef hit, LLVMBasicBlockRef miss,
                               LLVMValueRef *handler_cache)
{
    LLVMValueRef c = cg_ptr_const(cg, cache);
    if (bake(cg, name, own, cache)) {
        check_baked(cg, cache, hit, miss);
        *handler_cache = LLVMConstNull(cg->u->ptr);
        return cg_ptr_const(cg, cache->value);
    }
    if (own)
        check_own_cache(cg, c, hit, miss);
    else
        check_load_cache(cg, c, hit, miss);
    *handler_cache = c;
    LLVMPositionBuilderAtEnd(cg->b, hit);
    return value_field(cg, c);
}

static jit_global_cache *new_cache(cg_function *cg)
{
    jit_global_cache *cache = jit_cache_new(&cg->u->caches);
    if (!cache)
        cg_fail_at(cg, "out of memory for a global cache");
    return cache;
}

void cg_emit_load_global(cg_function *cg, const ir_instr *in, LLVMValueRef name)
{
    jit_global_cache *cache = new_cache(cg);
    if (!cache)
        return;
    if (cg->u->baseline) {
        LLVMValueRef args[4] = {cg->vm, cg->globals, name, cg_ptr_const(cg, cache)};
        cg_value_call(cg, in, "jit_load_global", args, 4);
        return;
    }
    LLVMBasicBlockRef hit = cg_new_block(cg, "global.hit");
    LLVMBasicBlockRef miss = cg_new_block(cg, "global.miss");
    LLVMBasicBlockRef done = cg_new_block(cg, "global.done");
    LLVMValueRef handler_cache;
    LLVMValueRef field = check_site(cg, cache, name, false, hit, miss, &handler_cache);

    LLVMPositionBuilderAtEnd(cg->b, hit);
    LLVMValueRef cached = LLVMBuildLoad2(cg->b, cg->u->i64, field, "");
    LLVMBuildBr(cg->b, done);

    LLVMPositionBuilderAtEnd(cg->b, miss);
    LLVMValueRef args[4] = {cg->vm, cg->globals, name, handler_cache};
    LLVMValueRef looked_up = cg_call(cg, "jit_load_global_miss", args, 4);
    cg_check_value(cg, in, looked_up);
    LLVMBasicBlockRef miss_end = LLVMGetInsertBlock(cg->b);
    LLVMBuildBr(cg->b, done);

    LLVMPositionBuilderAtEnd(cg->b, done);
    cg_store_temp(cg, in->dst, cg_phi2(cg, cg->u->i64, cached, hit, looked_up, miss_end));
}

void cg_emit_store_global(cg_function *cg, const ir_instr *in, LLVMValueRef name)
{
    jit_global_cache *cache = new_cache(cg);
    if (!cache)
        return;
    LLVMValueRef value = cg_load_temp(cg, in->a);
    if (cg->u->baseline) {
        LLVMValueRef args[5] = {cg->vm, cg->globals, name, value, cg_ptr_const(cg, cache)};
        cg_int_call(cg, in, "jit_store_global", args, 5);
        return;
    }
    LLVMBasicBlockRef hit = cg_new_block(cg, "global.hit");
    LLVMBasicBlockRef miss = cg_new_block(cg, "global.miss");
    LLVMBasicBlockRef done = cg_new_block(cg, "global.done");
    LLVMValueRef handler_cache;
    LLVMValueRef field = check_site(cg, cache, name, true, hit, miss, &handler_cache);

    LLVMPositionBuilderAtEnd(cg->b, hit);
    LLVMBuildStore(cg->b, value, field);
    LLVMBuildBr(cg->b, done);

    LLVMPositionBuilderAtEnd(cg->b, miss);
    LLVMValueRef args[5] = {cg->vm, cg->globals, name, value, handler_cache};
    cg_int_call(cg, in, "jit_store_global_miss", args, 5);
    LLVMBuildBr(cg->b, done);

    LLVMPositionBuilderAtEnd(cg->b, done);
}

LLVMValueRef cg_globals_get(cg_function *cg, LLVMValueRef name)
{
    jit_global_cache *cache = new_cache(cg);
    if (!cache)
        return cg_i64(cg, 0);
    if (cg->u->baseline) {
        LLVMValueRef args[4] = {cg->vm, cg->globals, name, cg_ptr_const(cg, cache)};
        return cg_call(cg, "jit_globals_get", args, 4);
    }
    LLVMBasicBlockRef hit = cg_new_block(cg, "global.hit");
    LLVMBasicBlockRef miss = cg_new_block(cg, "global.miss");
    LLVMBasicBlockRef done = cg_new_block(cg, "global.done");
    LLVMValueRef handler_cache;
    LLVMValueRef field = check_site(cg, cache, name, true, hit, miss, &handler_cache);

    LLVMPositionBuilderAtEnd(cg->b, hit);
    LLVMValueRef cached = LLVMBuildLoad2(cg->b, cg->u->i64, field, "");
    LLVMBuildBr(cg->b, done);

    LLVMPositionBuilderAtEnd(cg->b, miss);
    LLVMValueRef args[4] = {cg->vm, cg->globals, name, handler_cache};
    LLVMValueRef looked_up = cg_call(cg, "jit_globals_get_miss", args, 4);
    LLVMBuildBr(cg->b, done);

    LLVMPositionBuilderAtEnd(cg->b, done);
    return cg_phi2(cg, cg->u->i64, cached, hit, looked_up, miss);
}
