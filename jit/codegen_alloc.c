/* Allocation in optimised code: MAKE_CELL and MAKE_FUNCTION build their objects inline, from
 * the jit's free lists (freelist.h), instead of calling rt_cell_new and rt_make_closure:
 *
 *   head = lists[granules] ── NULL ──▶ jit_freelist_refill(lists, granules)
 *        │                                     │
 *        └── lists[granules] = *head ──────────┴──▶ object->type = type; fields stored
 *
 * No call can come between the pop and the store that makes the object reachable, so the
 * collector never sees it unowned. Baseline code, and GC stress builds (whose point is the
 * collections rt_alloc triggers), keep the calls. */
#include <stddef.h>

#include "codegen.h"
#include "freelist.h"
#include "tuple.h"

/* The inline path is taken for objects a free list serves. */
static bool inline_alloc(cg_function *cg, size_t size)
{
#ifdef CELLAR_GC_STRESS
    (void)cg, (void)size;
    return false;
#else
    return !cg->u->baseline && cg->u->freelists && jit_granules(size) < JIT_FREELISTS;
#endif
}

/* A new object of `size` bytes with its type set: an i64 value. The free lists' objects come
 * uncleared (freelist.h), so the words past `size` up to the end of its size class are zeroed
 * here — stale pointers there would keep garbage alive — and the caller stores every field. */
static LLVMValueRef alloc_object(cg_function *cg, size_t size, const rt_type *type)
{
    LLVMBuilderRef b = cg->b;
    size_t granules = jit_granules(size);
    LLVMValueRef list = cg_ptr_const(cg, cg->u->freelists + granules);
    LLVMBasicBlockRef start = LLVMGetInsertBlock(b);
    LLVMBasicBlockRef pop = cg_new_block(cg, "alloc.pop");
    LLVMBasicBlockRef refill = cg_new_block(cg, "alloc.refill");
    LLVMBasicBlockRef done = cg_new_block(cg, "alloc.done");
    LLVMValueRef head = LLVMBuildLoad2(b, cg->u->ptr, list, "head");
    LLVMValueRef br = LLVMBuildCondBr(b, LLVMBuildIsNull(b, head, ""), refill, pop);
    LLVMSetMetadata(br, cg->u->prof_kind, cg->u->unlikely);
    (void)start;

    LLVMPositionBuilderAtEnd(b, pop);
    LLVMBuildStore(b, LLVMBuildLoad2(b, cg->u->ptr, head, "next"), list);
    LLVMBuildBr(b, done);

    LLVMPositionBuilderAtEnd(b, refill);
    LLVMValueRef args[2] = {cg_ptr_const(cg, cg->u->freelists), cg_i64(cg, granules)};
    LLVMValueRef fresh = cg_call(cg, "jit_freelist_refill", args, 2);
    LLVMBuildBr(b, done);

    LLVMPositionBuilderAtEnd(b, done);
    LLVMValueRef object = cg_phi2(cg, cg->u->ptr, head, pop, fresh, refill);
    LLVMBuildStore(b, cg_ptr_const(cg, type), object);
    LLVMValueRef value = LLVMBuildPtrToInt(b, object, cg->u->i64, "object");
    for (size_t at = (size + 7) / 8 * 8; at < granules * 16; at += 8)
        cg_store_field(cg, value, at, cg_i64(cg, 0));
    return value;
}

void cg_emit_make_cell(cg_function *cg, const ir_instr *in, LLVMValueRef contents)
{
    LLVMValueRef cell;
    if (inline_alloc(cg, sizeof(rt_cell))) {
        cell = alloc_object(cg, sizeof(rt_cell), &rt_cell_type);
        cg_store_field(cg, cell, offsetof(rt_cell, contents), contents);
        cg_store_field(cg, cell, offsetof(rt_cell, copy_of), cg_i64(cg, 0));
    } else {
        cell = cg_call(cg, "rt_cell_new", &contents, 1);
    }
    LLVMBuildStore(cg->b, cell, cg->cells[in->imm]);
}

/* A new function's __module__ (globals['__name__'], or None when absent) is nearly always the
 * code's cached one, which needs nothing stored; rt_function_init_module takes the rest (the
 * code's first function, a module that rebound __name__). */
static void init_module(cg_function *cg, LLVMValueRef f, rt_code *code, LLVMValueRef module)
{
    LLVMBuilderRef b = cg->b;
    LLVMValueRef none = cg_i64(cg, RT_NONE);
    LLVMValueRef absent = LLVMBuildICmp(b, LLVMIntEQ, module, cg_i64(cg, 0), "");
    module = LLVMBuildSelect(b, absent, none, module, "module");
    LLVMValueRef cached =
        cg_load_field(cg, cg->u->i64, cg_ptr_const(cg, code), offsetof(rt_code, module));
    LLVMBasicBlockRef other = cg_new_block(cg, "module.other");
    LLVMBasicBlockRef done = cg_new_block(cg, "module.done");
    LLVMValueRef br =
        LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntNE, module, cached, ""), other, done);
    LLVMSetMetadata(br, cg->u->prof_kind, cg->u->unlikely);

    LLVMPositionBuilderAtEnd(b, other);
    LLVMValueRef args[2] = {f, module};
    (void)cg_call(cg, "rt_function_init_module", args, 2);
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, done);
}

/* rt_make_closure's fields. __name__, __qualname__ and __doc__ are read from the code until
 * set, so a function without keyword defaults (the only kind built here) has nothing for
 * its rt_function_extra, which is NULL. */
static void init_function(cg_function *cg, const ir_instr *in, LLVMValueRef f, rt_code *code,
                          LLVMValueRef closure, LLVMValueRef module)
{
    LLVMValueRef defaults = in->a >= 0 ? cg_load_temp(cg, in->a) : cg_i64(cg, RT_NONE);
    cg_store_field(cg, f, offsetof(rt_function, code), cg_ptr_const(cg, code));
    cg_store_field(cg, f, offsetof(rt_function, globals), cg->globals);
    cg_store_field(cg, f, offsetof(rt_function, closure), closure);
    cg_store_field(cg, f, offsetof(rt_function, defaults), defaults);
    cg_store_field(cg, f, offsetof(rt_function, extra), cg_i64(cg, 0));
    init_module(cg, f, code, module);
}

/* The inline MAKE_FUNCTION fills every field of rt_function, extra with NULL; a new field
 * needs a line in init_function. */
_Static_assert(sizeof(rt_function) == 6 * sizeof(rt_value), "rt_function changed");
_Static_assert(offsetof(rt_function, extra) == 5 * sizeof(rt_value), "rt_function changed");

/* Function and closure tuple in one block, as rt_make_closure lays them out: 48 bytes, then
 * 16 and 8 a cell: 72 bytes for a 1-cell closure, 80 for a 2-cell one, both 80 in the
 * collector (freelist.h). */
bool cg_emit_make_function_inline(cg_function *cg, const ir_instr *in, rt_code *code,
                                  LLVMValueRef module)
{
    size_t tuple_bytes = in->nargs ? sizeof(rt_tuple) + (size_t)in->nargs * sizeof(rt_value) : 0;
    size_t size = sizeof(rt_function) + tuple_bytes;
    if (in->b >= 0 || !inline_alloc(cg, size))
        return false; /* keyword defaults live in an rt_function_extra: rt_make_closure */
    LLVMValueRef f = alloc_object(cg, size, &rt_function_type);
    LLVMValueRef closure = cg_i64(cg, RT_NONE);
    if (in->nargs > 0) {
        closure = LLVMBuildAdd(cg->b, f, cg_i64(cg, sizeof(rt_function)), "closure");
        cg_store_field(cg, closure, offsetof(rt_object, type), cg_ptr_const(cg, &rt_tuple_type));
        cg_store_field(cg, closure, offsetof(rt_tuple, size), cg_i64(cg, (uint64_t)in->nargs));
        for (int i = 0; i < in->nargs; i++)
            cg_store_field(cg, closure, offsetof(rt_tuple, items) + (size_t)i * sizeof(rt_value),
                           cg_load_temp(cg, in->args[i]));
    }
    init_function(cg, in, f, code, closure, module);
    cg_store_temp(cg, in->dst, f);
    return true;
}
