/* Baseline code's half of tiered compilation (tier.h): at the entry and at each loop header,
 * one decrement of the function's countdown and a cold branch to the tier-up call. */
#include <stddef.h>

#include "codegen.h"
#include "tier.h"

bool cg_loop_header(const ir_function *f, int index)
{
    const ir_block *header = f->blocks[index];
    for (int j = index; j < f->nblocks; j++) {
        const ir_block *b = f->blocks[j];
        if (b->ninstrs == 0)
            continue;
        const ir_instr *last = &b->instrs[b->ninstrs - 1];
        bool jumps = last->op == IR_JUMP || last->op == IR_BRANCH || last->op == IR_FOR_ITER;
        if (jumps && (last->target == header || last->target2 == header))
            return true;
    }
    return false;
}

/* countdown -= 1; when it goes negative, continues in a new cold block (returned) and
 * otherwise in `go`, where the builder is left. */
static LLVMBasicBlockRef count_down(cg_function *cg, LLVMBasicBlockRef *go)
{
    LLVMBuilderRef b = cg->b;
    LLVMValueRef counter =
        cg_field(cg, cg_ptr_const(cg, cg->tier), offsetof(jit_tiered, countdown));
    LLVMValueRef left =
        LLVMBuildSub(b, LLVMBuildLoad2(b, cg->u->i64, counter, "countdown"), cg_i64(cg, 1), "");
    LLVMBuildStore(b, left, counter);
    LLVMBasicBlockRef hot = cg_new_block(cg, "tier.hot");
    *go = cg_new_block(cg, "tier.go");
    LLVMValueRef spent = LLVMBuildICmp(b, LLVMIntSLT, left, cg_i64(cg, 0), "");
    LLVMSetMetadata(LLVMBuildCondBr(b, spent, hot, *go), cg->u->prof_kind, cg->u->unlikely);
    LLVMPositionBuilderAtEnd(b, hot);
    return hot;
}

/* When `entry` (from jit_tier_up / jit_tier_osr) is not NULL, the call continues there:
 * return entry(vm, frame, args). Otherwise control goes on at `go`. */
static void continue_in(cg_function *cg, LLVMValueRef entry, LLVMValueRef args,
                        LLVMBasicBlockRef go)
{
    LLVMBuilderRef b = cg->b;
    LLVMBasicBlockRef jump = cg_new_block(cg, "tier.jump");
    LLVMBuildCondBr(b, LLVMBuildIsNull(b, entry, ""), go, jump);
    LLVMPositionBuilderAtEnd(b, jump);
    LLVMTypeRef params[3] = {cg->u->ptr, cg->u->ptr, cg->u->ptr};
    LLVMTypeRef type = LLVMFunctionType(cg->u->i64, params, 3, false);
    LLVMValueRef call_args[3] = {cg->vm, cg->frame, args};
    LLVMBuildRet(b, LLVMBuildCall2(b, type, entry, call_args, 3, ""));
    LLVMPositionBuilderAtEnd(b, go);
}

void cg_tier_entry(cg_function *cg)
{
    if (!cg->tier)
        return;
    LLVMBasicBlockRef go;
    count_down(cg, &go);
    LLVMValueRef args[2] = {cg->vm, cg_ptr_const(cg, cg->tier)};
    continue_in(cg, cg_call(cg, "jit_tier_up", args, 2), cg->args, go);
}

/* The block's variables are all in cg->vars, so they are the state the OSR entry resumes
 * from; nothing else is live at the top of a block. */
void cg_tier_block(cg_function *cg, int index)
{
    if (!cg->tier || !cg_loop_header(cg->ir, index))
        return;
    LLVMBasicBlockRef go;
    count_down(cg, &go);
    LLVMValueRef args[3] = {cg->vm, cg_ptr_const(cg, cg->tier), cg_i32(cg, index)};
    continue_in(cg, cg_call(cg, "jit_tier_osr", args, 3), cg->vars, go);
}
