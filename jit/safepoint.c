/* Safepoints: a countdown in the VM that compiled code decrements once per function entry and
 * once per loop iteration, calling jit_safepoint when it drops below zero — the check costs a
 * load, a subtract, a store and a well-predicted branch. Which blocks count as a loop
 * iteration: those a back edge enters (a JUMP, BRANCH or FOR_ITER from the block itself or a
 * later one), since any cycle in the control-flow graph has such an edge. Lowering closes every
 * loop with a jump back to its header, so exception edges, which only ever point to handler
 * blocks, need no check of their own. Nothing is emitted unless vm->safepoints is set when the
 * module is compiled. */
#include "safepoint.h"

#include <stddef.h>

#include "vm.h"

int jit_safepoint(rt_vm *vm)
{
    if (vm->safepoint)
        return vm->safepoint(vm);
    vm->countdown = INT64_MAX;
    return 0;
}

static bool targets(const ir_block *from, const ir_block *to)
{
    if (from->ninstrs == 0)
        return false;
    const ir_instr *last = &from->instrs[from->ninstrs - 1];
    switch (last->op) {
    case IR_JUMP:
    case IR_BRANCH:
    case IR_FOR_ITER: return last->target == to || last->target2 == to;
    default: return false;
    }
}

/* Whether a back edge enters block `index`. */
static bool loop_header(const ir_function *f, int index)
{
    for (int j = index; j < f->nblocks; j++)
        if (targets(f->blocks[j], f->blocks[index]))
            return true;
    return false;
}

/* countdown -= 1; if it went negative, record the line and call jit_safepoint, going to
 * `fail` when that raised. The builder continues in a fresh block. */
static void emit_check(cg_function *cg, LLVMBasicBlockRef fail, int line)
{
    cg_unit *u = cg->u;
    LLVMBuilderRef b = cg->b;
    LLVMValueRef counter = cg_field(cg, cg->vm, offsetof(rt_vm, countdown));
    LLVMValueRef left =
        LLVMBuildSub(b, LLVMBuildLoad2(b, u->i64, counter, "countdown"), cg_i64(cg, 1), "");
    LLVMBuildStore(b, left, counter);
    LLVMBasicBlockRef slow = cg_new_block(cg, "safepoint"), go = cg_new_block(cg, "go");
    LLVMValueRef spent = LLVMBuildICmp(b, LLVMIntSLT, left, cg_i64(cg, 0), "");
    LLVMSetMetadata(LLVMBuildCondBr(b, spent, slow, go), u->prof_kind, u->unlikely);
    LLVMPositionBuilderAtEnd(b, slow);
    LLVMBuildStore(b, cg_i32(cg, line), cg_field(cg, cg->frame, offsetof(rt_frame, line)));
    LLVMValueRef args[1] = {cg->vm};
    LLVMValueRef raised =
        LLVMBuildICmp(b, LLVMIntSLT, cg_call(cg, "jit_safepoint", args, 1), cg_i32(cg, 0), "");
    LLVMSetMetadata(LLVMBuildCondBr(b, raised, fail, go), u->prof_kind, u->unlikely);
    LLVMPositionBuilderAtEnd(b, go);
}

void cg_safepoint_entry(cg_function *cg)
{
    if (cg->u->vm->safepoints)
        emit_check(cg, cg->error_exit, cg->ir->firstlineno);
}

/* An exception at the top of a block goes where its first fallible instruction's would. */
void cg_safepoint_block(cg_function *cg, int index)
{
    const ir_block *block = cg->ir->blocks[index];
    if (!cg->u->vm->safepoints || !loop_header(cg->ir, index))
        return;
    for (int i = 0; i < block->ninstrs; i++)
        if (ir_op_can_fail(block->instrs[i].op)) {
            emit_check(cg, cg_fail_target(cg, &block->instrs[i]), block->instrs[i].loc.line);
            return;
        }
    emit_check(cg, cg->error_exit, block->ninstrs > 0 ? block->instrs[0].loc.line : 0);
}
