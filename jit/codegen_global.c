/* LOAD_GLOBAL and STORE_GLOBAL through per-site inline caches (global_cache.h): a hit is a few
 * compares and one load or store of the dict entry's value; a miss calls the handler, which
 * does the generic lookup or store and refills the cache. DELETE_GLOBAL stays a runtime call:
 * clearing the entry's key is what invalidates the caches that point at it. */
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

/* The cached entry, and in *valid whether it still is the name's entry in the cache's holder:
 * the holder still has the cached entry array, and the entry still holds the cached key. */
static LLVMValueRef cached_entry(cg_function *cg, LLVMValueRef cache, LLVMValueRef *valid)
{
    LLVMTypeRef ptr = cg->u->ptr, i64 = cg->u->i64;
    LLVMValueRef entries = cache_load(cg, ptr, cache, offsetof(jit_global_cache, entries));
    LLVMValueRef holder = cache_load(cg, i64, cache, offsetof(jit_global_cache, holder));
    LLVMValueRef current = cg_load_field(cg, ptr, holder, offsetof(rt_dict, entries));
    LLVMValueRef index = cache_load(cg, i64, cache, offsetof(jit_global_cache, index));
    LLVMValueRef offset =
        LLVMBuildMul(cg->b, index, cg_i64(cg, sizeof(rt_dict_entry)), "entry_offset");
    LLVMValueRef entry =
        LLVMBuildGEP2(cg->b, LLVMInt8TypeInContext(cg->u->ctx), entries, &offset, 1, "entry");
    LLVMValueRef key = cg_load_field(cg, i64, entry, offsetof(rt_dict_entry, key));
    LLVMValueRef cached_key = cache_load(cg, i64, cache, offsetof(jit_global_cache, key));
    *valid = LLVMBuildAnd(cg->b, equal(cg, current, entries), equal(cg, key, cached_key), "");
    return entry;
}

/* Branches to `hit` when the cache was filled for this function's globals and still holds. A
 * builtins entry also needs the globals to have gained no key since. */
static LLVMValueRef check_load_cache(cg_function *cg, LLVMValueRef cache, LLVMBasicBlockRef hit,
                                     LLVMBasicBlockRef miss)
{
    LLVMTypeRef i64 = cg->u->i64;
    LLVMBasicBlockRef entry_check = cg_new_block(cg, "global.entry");
    LLVMBasicBlockRef kind_check = cg_new_block(cg, "global.kind");
    LLVMBasicBlockRef added_check = cg_new_block(cg, "global.builtin");
    LLVMValueRef globals = cache_load(cg, i64, cache, offsetof(jit_global_cache, globals));
    LLVMBuildCondBr(cg->b, equal(cg, globals, cg->globals), entry_check, miss);

    LLVMPositionBuilderAtEnd(cg->b, entry_check);
    LLVMValueRef valid;
    LLVMValueRef entry = cached_entry(cg, cache, &valid);
    LLVMBuildCondBr(cg->b, valid, kind_check, miss);

    LLVMPositionBuilderAtEnd(cg->b, kind_check);
    LLVMValueRef holder = cache_load(cg, i64, cache, offsetof(jit_global_cache, holder));
    LLVMBuildCondBr(cg->b, equal(cg, holder, cg->globals), hit, added_check);

    LLVMPositionBuilderAtEnd(cg->b, added_check);
    LLVMValueRef added = cg_load_field(cg, i64, cg->globals, offsetof(rt_dict, keys_added));
    LLVMValueRef cached = cache_load(cg, i64, cache, offsetof(jit_global_cache, globals_added));
    LLVMBuildCondBr(cg->b, equal(cg, added, cached), hit, miss);
    return entry;
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
    LLVMValueRef c = cg_ptr_const(cg, cache);
    if (cg->u->baseline) {
        LLVMValueRef args[4] = {cg->vm, cg->globals, name, c};
        cg_value_call(cg, in, "jit_load_global", args, 4);
        return;
    }
    LLVMBasicBlockRef hit = cg_new_block(cg, "global.hit");
    LLVMBasicBlockRef miss = cg_new_block(cg, "global.miss");
    LLVMBasicBlockRef done = cg_new_block(cg, "global.done");
    LLVMValueRef entry = check_load_cache(cg, c, hit, miss);

    LLVMPositionBuilderAtEnd(cg->b, hit);
    LLVMValueRef cached = cg_load_field(cg, cg->u->i64, entry, offsetof(rt_dict_entry, value));
    LLVMBuildBr(cg->b, done);

    LLVMPositionBuilderAtEnd(cg->b, miss);
    LLVMValueRef args[4] = {cg->vm, cg->globals, name, c};
    LLVMValueRef looked_up = cg_call(cg, "jit_load_global_miss", args, 4);
    cg_check_value(cg, in, looked_up);
    LLVMBasicBlockRef miss_end = LLVMGetInsertBlock(cg->b);
    LLVMBuildBr(cg->b, done);

    LLVMPositionBuilderAtEnd(cg->b, done);
    cg_store_temp(cg, in->dst, cg_phi2(cg, cg->u->i64, cached, hit, looked_up, miss_end));
}

/* Branches to `hit` when the cache holds an entry of this function's globals themselves. */
static LLVMValueRef check_own_cache(cg_function *cg, LLVMValueRef cache, LLVMBasicBlockRef hit,
                                    LLVMBasicBlockRef miss)
{
    LLVMTypeRef i64 = cg->u->i64;
    LLVMBasicBlockRef entry_check = cg_new_block(cg, "global.entry");
    LLVMValueRef globals = cache_load(cg, i64, cache, offsetof(jit_global_cache, globals));
    LLVMValueRef holder = cache_load(cg, i64, cache, offsetof(jit_global_cache, holder));
    LLVMValueRef mine = LLVMBuildAnd(cg->b, equal(cg, globals, cg->globals),
                                     equal(cg, holder, cg->globals), "");
    LLVMBuildCondBr(cg->b, mine, entry_check, miss);

    LLVMPositionBuilderAtEnd(cg->b, entry_check);
    LLVMValueRef valid;
    LLVMValueRef entry = cached_entry(cg, cache, &valid);
    LLVMBuildCondBr(cg->b, valid, hit, miss);
    return entry;
}

void cg_emit_store_global(cg_function *cg, const ir_instr *in, LLVMValueRef name)
{
    jit_global_cache *cache = new_cache(cg);
    if (!cache)
        return;
    LLVMValueRef c = cg_ptr_const(cg, cache);
    LLVMValueRef value = cg_load_temp(cg, in->a);
    if (cg->u->baseline) {
        LLVMValueRef args[5] = {cg->vm, cg->globals, name, value, c};
        cg_int_call(cg, in, "jit_store_global", args, 5);
        return;
    }
    LLVMBasicBlockRef hit = cg_new_block(cg, "global.hit");
    LLVMBasicBlockRef miss = cg_new_block(cg, "global.miss");
    LLVMBasicBlockRef done = cg_new_block(cg, "global.done");
    LLVMValueRef entry = check_own_cache(cg, c, hit, miss);

    LLVMPositionBuilderAtEnd(cg->b, hit);
    cg_store_field(cg, entry, offsetof(rt_dict_entry, value), value);
    LLVMBuildBr(cg->b, done);

    LLVMPositionBuilderAtEnd(cg->b, miss);
    LLVMValueRef args[5] = {cg->vm, cg->globals, name, value, c};
    cg_int_call(cg, in, "jit_store_global_miss", args, 5);
    LLVMBuildBr(cg->b, done);

    LLVMPositionBuilderAtEnd(cg->b, done);
}

LLVMValueRef cg_globals_get(cg_function *cg, LLVMValueRef name)
{
    jit_global_cache *cache = new_cache(cg);
    if (!cache)
        return cg_i64(cg, 0);
    LLVMValueRef c = cg_ptr_const(cg, cache);
    if (cg->u->baseline) {
        LLVMValueRef args[4] = {cg->vm, cg->globals, name, c};
        return cg_call(cg, "jit_globals_get", args, 4);
    }
    LLVMBasicBlockRef hit = cg_new_block(cg, "global.hit");
    LLVMBasicBlockRef miss = cg_new_block(cg, "global.miss");
    LLVMBasicBlockRef done = cg_new_block(cg, "global.done");
    LLVMValueRef entry = check_own_cache(cg, c, hit, miss);

    LLVMPositionBuilderAtEnd(cg->b, hit);
    LLVMValueRef cached = cg_load_field(cg, cg->u->i64, entry, offsetof(rt_dict_entry, value));
    LLVMBuildBr(cg->b, done);

    LLVMPositionBuilderAtEnd(cg->b, miss);
    LLVMValueRef args[4] = {cg->vm, cg->globals, name, c};
    LLVMValueRef looked_up = cg_call(cg, "jit_globals_get_miss", args, 4);
    LLVMBuildBr(cg->b, done);

    LLVMPositionBuilderAtEnd(cg->b, done);
    return cg_phi2(cg, cg->u->i64, cached, hit, looked_up, miss);
}
