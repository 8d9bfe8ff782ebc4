/* Direct calls. A CALL without keywords whose callee turns out, at run time, to be a compiled
 * function taking exactly that many positional parameters (no defaults needed, no keyword-only
 * parameters, no *args or **kwargs) skips rt_call: the generated code pushes the callee's
 * frame itself and calls its native entry with the caller's argument array as the parameter
 * slots — what rt_call_function's fast path and run() do, inline:
 *
 *   callee is a function ─▶ code takes n simple params ─▶ depth and stack ok ─▶ push frame
 *        │ no                     │ no                          │ no               │
 *        └────────────────────────┴──────────── rt_call ◀───────┘          entry(vm, frame, args)
 *                                          (binds, raises RecursionError)         │ 0: traceback
 *                                                                              pop frame
 *
 * The frame is one alloca per caller, shared by its call sites: a callee's frame lives only
 * while the caller waits for it. Every other case, and every error message, is rt_call's. */
#include <stddef.h>

#include "codegen.h"
#include "vm.h"

/* The inline push below fills every field of rt_frame; a new field needs filling there too. */
_Static_assert(sizeof(rt_frame) == 2 * sizeof(void *) + 8, "rt_frame changed: update push_frame");

static LLVMValueRef equal(cg_function *cg, LLVMValueRef a, LLVMValueRef b)
{
    return LLVMBuildICmp(cg->b, LLVMIntEQ, a, b, "");
}

static LLVMValueRef load_i32(cg_function *cg, LLVMValueRef base, size_t at)
{
    return cg_load_field(cg, cg->u->i32, base, at);
}

/* i1: `v` is a heap object (rt_is_object). */
static LLVMValueRef is_object(cg_function *cg, LLVMValueRef v)
{
    LLVMValueRef untagged =
        equal(cg, LLVMBuildAnd(cg->b, v, cg_i64(cg, 1), ""), cg_i64(cg, 0));
    LLVMValueRef above =
        LLVMBuildICmp(cg->b, LLVMIntUGE, v, cg_i64(cg, RT_IMMEDIATE_LIMIT), "");
    return LLVMBuildAnd(cg->b, untagged, above, "is_object");
}

/* Continues in `yes` when `cond` holds, in `no` otherwise. */
static void branch(cg_function *cg, LLVMValueRef cond, LLVMBasicBlockRef yes,
                   LLVMBasicBlockRef no)
{
    LLVMBuildCondBr(cg->b, cond, yes, no);
    LLVMPositionBuilderAtEnd(cg->b, yes);
}

/* The callee's code when it is a function object; branches to `slow` otherwise. */
static LLVMValueRef function_code(cg_function *cg, LLVMValueRef callee, LLVMBasicBlockRef slow)
{
    branch(cg, is_object(cg, callee), cg_new_block(cg, "call.object"), slow);
    LLVMValueRef type = cg_load_field(cg, cg->u->ptr, callee, offsetof(rt_object, type));
    branch(cg, equal(cg, type, cg_ptr_const(cg, &rt_function_type)),
           cg_new_block(cg, "call.function"), slow);
    return cg_load_field(cg, cg->u->ptr, callee, offsetof(rt_function, code));
}

/* The code's native entry when its parameters are exactly `n` positional ones and it is
 * compiled (rt_call_function's fast-path test); branches to `slow` otherwise. */
static LLVMValueRef simple_entry(cg_function *cg, LLVMValueRef code, LLVMValueRef n,
                                 LLVMBasicBlockRef slow)
{
    LLVMBuilderRef b = cg->b;
    LLVMValueRef n32 = LLVMBuildTrunc(b, n, cg->u->i32, "n");
    /* n is a tuple's size when it is not a constant: one past int32 must not pass as small. */
    LLVMValueRef fits = LLVMBuildICmp(b, LLVMIntULE, n, cg_i64(cg, 0x7fffffff), "");
    LLVMValueRef argcount = load_i32(cg, code, offsetof(rt_code, argcount));
    LLVMValueRef kwonly = load_i32(cg, code, offsetof(rt_code, kwonlyargcount));
    LLVMValueRef flags = load_i32(cg, code, offsetof(rt_code, flags));
    LLVMValueRef entry = cg_load_field(cg, cg->u->ptr, code, offsetof(rt_code, entry));
    LLVMValueRef star = LLVMBuildAnd(b, flags, cg_i32(cg, RT_CO_VARARGS | RT_CO_VARKEYWORDS), "");
    LLVMValueRef ok = LLVMBuildAnd(b, LLVMBuildAnd(b, fits, equal(cg, argcount, n32), ""),
                                   equal(cg, LLVMBuildOr(b, kwonly, star, ""), cg_i32(cg, 0)), "");
    ok = LLVMBuildAnd(b, ok, LLVMBuildIsNotNull(b, entry, ""), "simple");
    branch(cg, ok, cg_new_block(cg, "call.simple"), slow);
    return entry;
}

/* Branches to `slow` when one more frame would pass the recursion limit or the C stack's
 * reserve; rt_call then raises the RecursionError. Returns the current depth. */
static LLVMValueRef check_depth(cg_function *cg, LLVMBasicBlockRef slow)
{
    LLVMBuilderRef b = cg->b;
    LLVMValueRef depth = load_i32(cg, cg->vm, offsetof(rt_vm, depth));
    LLVMValueRef limit = load_i32(cg, cg->vm, offsetof(rt_vm, recursion_limit));
    LLVMValueRef stack = cg_load_field(cg, cg->u->i64, cg->vm, offsetof(rt_vm, stack_limit));
    LLVMValueRef here = LLVMBuildPtrToInt(b, cg->callee_frame, cg->u->i64, "");
    LLVMValueRef deep = LLVMBuildOr(b, LLVMBuildICmp(b, LLVMIntSGE, depth, limit, ""),
                                    LLVMBuildICmp(b, LLVMIntULT, here, stack, ""), "too_deep");
    LLVMValueRef br = LLVMBuildCondBr(b, deep, slow, cg_new_block(cg, "call.push"));
    LLVMSetMetadata(br, cg->u->prof_kind, cg->u->unlikely);
    LLVMPositionBuilderAtEnd(b, LLVMGetSuccessor(br, 1));
    return depth;
}

/* run(): frame = {vm->frame, callee, co_firstlineno}; vm->frame = &frame; depth + 1. */
static LLVMValueRef push_frame(cg_function *cg, LLVMValueRef callee, LLVMValueRef code,
                               LLVMValueRef depth)
{
    LLVMValueRef frame = cg->callee_frame;
    LLVMValueRef back = cg_load_field(cg, cg->u->ptr, cg->vm, offsetof(rt_vm, frame));
    cg_store_field(cg, frame, offsetof(rt_frame, back), back);
    cg_store_field(cg, frame, offsetof(rt_frame, function), callee);
    cg_store_field(cg, frame, offsetof(rt_frame, line),
                   load_i32(cg, code, offsetof(rt_code, firstlineno)));
    cg_store_field(cg, cg->vm, offsetof(rt_vm, frame), frame);
    cg_store_field(cg, cg->vm, offsetof(rt_vm, depth),
                   LLVMBuildAdd(cg->b, depth, cg_i32(cg, 1), ""));
    return back;
}

/* entry(vm, frame, args); a failure records the callee's frame in the traceback; then the
 * frame is popped. */
static LLVMValueRef call_entry(cg_function *cg, LLVMValueRef entry, LLVMValueRef args,
                               LLVMValueRef back, LLVMValueRef depth)
{
    LLVMTypeRef params[3] = {cg->u->ptr, cg->u->ptr, cg->u->ptr};
    LLVMTypeRef type = LLVMFunctionType(cg->u->i64, params, 3, false);
    LLVMValueRef call_args[3] = {cg->vm, cg->callee_frame, args};
    LLVMValueRef result = LLVMBuildCall2(cg->b, type, entry, call_args, 3, "");
    LLVMBasicBlockRef failed = cg_new_block(cg, "call.traceback");
    LLVMBasicBlockRef pop = cg_new_block(cg, "call.pop");
    LLVMValueRef br = LLVMBuildCondBr(cg->b, equal(cg, result, cg_i64(cg, RT_ERROR)), failed, pop);
    LLVMSetMetadata(br, cg->u->prof_kind, cg->u->unlikely);
    LLVMPositionBuilderAtEnd(cg->b, failed);
    LLVMValueRef tb_args[2] = {cg->vm, cg->callee_frame};
    cg_call(cg, "rt_traceback_add", tb_args, 2);
    LLVMBuildBr(cg->b, pop);
    LLVMPositionBuilderAtEnd(cg->b, pop);
    cg_store_field(cg, cg->vm, offsetof(rt_vm, frame), back);
    cg_store_field(cg, cg->vm, offsetof(rt_vm, depth), depth);
    return result;
}

LLVMValueRef cg_direct_call(cg_function *cg, LLVMValueRef callee, LLVMValueRef n,
                            LLVMValueRef args)
{
    if (cg->u->baseline) {
        LLVMValueRef call_args[5] = {cg->vm, callee, n, args, cg_i64(cg, 0)};
        return cg_call(cg, "rt_call", call_args, 5);
    }
    LLVMBasicBlockRef slow = cg_new_block(cg, "call.generic");
    LLVMBasicBlockRef done = cg_new_block(cg, "call.done");
    LLVMValueRef code = function_code(cg, callee, slow);
    LLVMValueRef entry = simple_entry(cg, code, n, slow);
    LLVMValueRef depth = check_depth(cg, slow);
    LLVMValueRef back = push_frame(cg, callee, code, depth);
    LLVMValueRef direct = call_entry(cg, entry, args, back, depth);
    LLVMBasicBlockRef direct_end = LLVMGetInsertBlock(cg->b);
    LLVMBuildBr(cg->b, done);

    LLVMPositionBuilderAtEnd(cg->b, slow);
    LLVMValueRef call_args[5] = {cg->vm, callee, n, args, cg_i64(cg, 0)};
    LLVMValueRef generic = cg_call(cg, "rt_call", call_args, 5);
    LLVMBuildBr(cg->b, done);

    LLVMPositionBuilderAtEnd(cg->b, done);
    return cg_phi2(cg, cg->u->i64, direct, direct_end, generic, slow);
}

void cg_emit_positional_call(cg_function *cg, const ir_instr *in, LLVMValueRef callee, int n,
                             LLVMValueRef args)
{
    LLVMValueRef result = cg_direct_call(cg, callee, cg_i64(cg, (uint64_t)n), args);
    cg_check_value(cg, in, result);
    cg_store_temp(cg, in->dst, result);
}
