/* GET_ITER and FOR_ITER in optimised code. FOR_ITER steps the two iterators of nearly every
 * loop inline — range and list iterators, whose layouts iter.h publishes — and calls
 * rt_iter_next for every other iterator (and for a range item that is not a small int):
 *
 *   type == range_iterator ─▶ remaining > 0 ? next, advanced by step : RT_ITER_DONE
 *   type == list_iterator  ─▶ index < len(list) ? items[index++] : (seq = 0) RT_ITER_DONE
 *   otherwise              ─▶ rt_iter_next(vm, it)
 *
 * A `for` loop's iterator is a temp only FOR_ITER reads, invisible to Python code: over an
 * exact list, GET_ITER builds it in the function's own frame instead of on the heap, so an
 * inner loop over a list allocates nothing per pass. */
#include <stddef.h>

#include "codegen.h"
#include "iter.h"
#include "list.h"

static LLVMValueRef field(cg_function *cg, LLVMValueRef base, size_t at)
{
    return cg_load_field(cg, cg->u->i64, base, at);
}

/* The range iterator's next item when it is a small int; branches to `slow` (the iterator
 * untouched) for one beyond that range. */
static LLVMValueRef range_next(cg_function *cg, LLVMValueRef it, LLVMBasicBlockRef slow)
{
    LLVMBuilderRef b = cg->b;
    LLVMValueRef zero = cg_i64(cg, 0);
    LLVMBasicBlockRef start = LLVMGetInsertBlock(b);
    LLVMBasicBlockRef item = cg_new_block(cg, "range.item");
    LLVMBasicBlockRef step = cg_new_block(cg, "range.step");
    LLVMBasicBlockRef done = cg_new_block(cg, "range.done");
    LLVMValueRef remaining = field(cg, it, offsetof(range_iterator, remaining));
    LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntSGT, remaining, zero, ""), item, done);

    LLVMPositionBuilderAtEnd(b, item);
    LLVMValueRef v = field(cg, it, offsetof(range_iterator, next));
    LLVMValueRef small = LLVMBuildAnd(
        b, LLVMBuildICmp(b, LLVMIntSGE, v, cg_i64(cg, (uint64_t)RT_SMALL_INT_MIN), ""),
        LLVMBuildICmp(b, LLVMIntSLE, v, cg_i64(cg, (uint64_t)RT_SMALL_INT_MAX), ""), "");
    LLVMBuildCondBr(b, small, step, slow);

    LLVMPositionBuilderAtEnd(b, step);
    LLVMValueRef left = LLVMBuildSub(b, remaining, cg_i64(cg, 1), "");
    cg_store_field(cg, it, offsetof(range_iterator, remaining), left);
    LLVMValueRef advanced = LLVMBuildAdd(b, v, field(cg, it, offsetof(range_iterator, step)), "");
    LLVMValueRef more = LLVMBuildICmp(b, LLVMIntSGT, left, zero, "");
    cg_store_field(cg, it, offsetof(range_iterator, next),
                   LLVMBuildSelect(b, more, advanced, v, ""));
    LLVMValueRef tagged = LLVMBuildOr(b, LLVMBuildShl(b, v, cg_i64(cg, 1), ""), cg_i64(cg, 1), "");
    LLVMBuildBr(b, done);

    LLVMPositionBuilderAtEnd(b, done);
    return cg_phi2(cg, cg->u->i64, cg_i64(cg, RT_ITER_DONE), start, tagged, step);
}

/* The list iterator's next item, or RT_ITER_DONE (dropping the list, as seq_iterator_next). */
static LLVMValueRef list_next(cg_function *cg, LLVMValueRef it)
{
    LLVMBuilderRef b = cg->b;
    LLVMBasicBlockRef live = cg_new_block(cg, "list.live");
    LLVMBasicBlockRef item = cg_new_block(cg, "list.item");
    LLVMBasicBlockRef end = cg_new_block(cg, "list.end");
    LLVMBasicBlockRef done = cg_new_block(cg, "list.done");
    LLVMBasicBlockRef start = LLVMGetInsertBlock(b);
    LLVMValueRef seq = field(cg, it, offsetof(seq_iterator, seq));
    LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntEQ, seq, cg_i64(cg, 0), ""), done, live);

    LLVMPositionBuilderAtEnd(b, live);
    LLVMValueRef index = field(cg, it, offsetof(seq_iterator, index));
    LLVMValueRef size = field(cg, seq, offsetof(rt_list, size));
    LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntSLT, index, size, ""), item, end);

    LLVMPositionBuilderAtEnd(b, item);
    LLVMValueRef items = cg_load_field(cg, cg->u->ptr, seq, offsetof(rt_list, items));
    LLVMValueRef at = LLVMBuildGEP2(b, cg->u->i64, items, &index, 1, "");
    LLVMValueRef v = LLVMBuildLoad2(b, cg->u->i64, at, "");
    cg_store_field(cg, it, offsetof(seq_iterator, index),
                   LLVMBuildAdd(b, index, cg_i64(cg, 1), ""));
    LLVMBuildBr(b, done);

    LLVMPositionBuilderAtEnd(b, end);
    cg_store_field(cg, it, offsetof(seq_iterator, seq), cg_i64(cg, 0));
    LLVMBuildBr(b, done);

    LLVMPositionBuilderAtEnd(b, done);
    LLVMValueRef phi = LLVMBuildPhi(b, cg->u->i64, "");
    LLVMValueRef values[3] = {cg_i64(cg, RT_ITER_DONE), v, cg_i64(cg, RT_ITER_DONE)};
    LLVMBasicBlockRef blocks[3] = {start, item, end};
    LLVMAddIncoming(phi, values, blocks, 3);
    return phi;
}

/* rt_iter_next(vm, it), checked. */
static LLVMValueRef generic_next(cg_function *cg, const ir_instr *in, LLVMValueRef it)
{
    LLVMValueRef args[2] = {cg->vm, it};
    LLVMValueRef v = cg_call(cg, "rt_iter_next", args, 2);
    cg_check_value(cg, in, v);
    return v;
}

/* Continues in `yes` when the iterator's type is `type`, in a new block (returned) if not. */
static LLVMBasicBlockRef type_is(cg_function *cg, LLVMValueRef type, const rt_type *want,
                                 LLVMBasicBlockRef yes)
{
    LLVMBasicBlockRef no = cg_new_block(cg, "iter.other");
    LLVMValueRef same = LLVMBuildICmp(cg->b, LLVMIntEQ, type, cg_ptr_const(cg, want), "");
    LLVMBuildCondBr(cg->b, same, yes, no);
    return no;
}

LLVMValueRef cg_iter_next(cg_function *cg, const ir_instr *in, LLVMValueRef it)
{
    if (cg->u->baseline)
        return generic_next(cg, in, it);
    LLVMBuilderRef b = cg->b;
    LLVMBasicBlockRef range = cg_new_block(cg, "iter.range");
    LLVMBasicBlockRef list = cg_new_block(cg, "iter.list");
    LLVMBasicBlockRef slow = cg_new_block(cg, "iter.generic");
    LLVMBasicBlockRef done = cg_new_block(cg, "iter.done");
    /* FOR_ITER's operand comes from GET_ITER, an iterator object; anything else takes the
     * generic path, which raises. */
    LLVMValueRef type = cg_object_type(cg, it, slow);
    LLVMPositionBuilderAtEnd(b, type_is(cg, type, &rt_range_iterator_type, range));
    LLVMBasicBlockRef other = type_is(cg, type, &rt_list_iterator_type, list);
    LLVMPositionBuilderAtEnd(b, other);
    LLVMBuildBr(b, slow);

    LLVMPositionBuilderAtEnd(b, range);
    LLVMValueRef from_range = range_next(cg, it, slow);
    LLVMBasicBlockRef range_end = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, done);

    LLVMPositionBuilderAtEnd(b, list);
    LLVMValueRef from_list = list_next(cg, it);
    LLVMBasicBlockRef list_end = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, done);

    LLVMPositionBuilderAtEnd(b, slow);
    LLVMValueRef from_call = generic_next(cg, in, it);
    LLVMBasicBlockRef slow_end = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, done);

    LLVMPositionBuilderAtEnd(b, done);
    LLVMValueRef phi = LLVMBuildPhi(b, cg->u->i64, "item");
    LLVMValueRef values[3] = {from_range, from_list, from_call};
    LLVMBasicBlockRef blocks[3] = {range_end, list_end, slow_end};
    LLVMAddIncoming(phi, values, blocks, 3);
    return phi;
}

/* ---- GET_ITER ---- */

/* Temp `t` is assigned once and read only as FOR_ITER's iterator. */
static bool only_stepped(const ir_function *f, int t)
{
    int writes = 0;
    for (int i = 0; i < f->nblocks; i++)
        for (int k = 0; k < f->blocks[i]->ninstrs; k++) {
            const ir_instr *in = &f->blocks[i]->instrs[k];
            if ((in->a == t && in->op != IR_FOR_ITER) || in->b == t || in->c == t)
                return false;
            for (int n = 0; n < in->nargs; n++)
                if (in->args[n] == t)
                    return false;
            writes += in->dst == t;
        }
    return writes == 1;
}

/* A list iterator's memory in the function's frame: an alloca at the top of its entry block,
 * so that it is one stack slot however often the loop starts. */
static LLVMValueRef frame_iterator(cg_function *cg)
{
    LLVMBasicBlockRef entry = LLVMGetEntryBasicBlock(cg->fn);
    LLVMBuilderRef at = LLVMCreateBuilderInContext(cg->u->ctx);
    LLVMValueRef first = LLVMGetFirstInstruction(entry);
    if (first)
        LLVMPositionBuilderBefore(at, first);
    else
        LLVMPositionBuilderAtEnd(at, entry);
    LLVMTypeRef words = LLVMArrayType2(cg->u->i64, sizeof(seq_iterator) / sizeof(int64_t));
    LLVMValueRef slot = LLVMBuildAlloca(at, words, "list_iterator");
    LLVMDisposeBuilder(at);
    return slot;
}

void cg_emit_get_iter(cg_function *cg, const ir_instr *in)
{
    LLVMValueRef iterable = cg_load_temp(cg, in->a);
    LLVMValueRef args[2] = {cg->vm, iterable};
    if (cg->u->baseline || in->dst < 0 || !only_stepped(cg->ir, in->dst)) {
        cg_value_call(cg, in, "rt_get_iter", args, 2);
        return;
    }
    LLVMBuilderRef b = cg->b;
    LLVMBasicBlockRef list = cg_new_block(cg, "get_iter.list");
    LLVMBasicBlockRef other = cg_new_block(cg, "get_iter.other");
    LLVMBasicBlockRef done = cg_new_block(cg, "get_iter.done");
    LLVMValueRef type = cg_object_type(cg, iterable, other);
    LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntEQ, type, cg_ptr_const(cg, &rt_list_type), ""), list,
                    other);

    LLVMPositionBuilderAtEnd(b, list);
    LLVMValueRef it = frame_iterator(cg);
    cg_store_field(cg, it, offsetof(seq_iterator, base.type),
                   cg_ptr_const(cg, &rt_list_iterator_type));
    cg_store_field(cg, it, offsetof(seq_iterator, seq), iterable);
    cg_store_field(cg, it, offsetof(seq_iterator, index), cg_i64(cg, 0));
    LLVMValueRef in_frame = LLVMBuildPtrToInt(b, it, cg->u->i64, "");
    LLVMBuildBr(b, done);

    LLVMPositionBuilderAtEnd(b, other);
    LLVMValueRef made = cg_call(cg, "rt_get_iter", args, 2);
    cg_check_value(cg, in, made);
    LLVMBasicBlockRef other_end = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, done);

    LLVMPositionBuilderAtEnd(b, done);
    cg_store_temp(cg, in->dst, cg_phi2(cg, cg->u->i64, in_frame, list, made, other_end));
}
