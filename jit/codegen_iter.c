/* FOR_ITER's next item. Optimised code steps the two iterators of nearly every loop inline —
 * range and list iterators, whose layouts iter.h publishes — and calls rt_iter_next for every
 * other iterator (and for a range item that is not a small int):
 *
 *   type == range_iterator ─▶ remaining > 0 ? next, advanced by step : RT_ITER_DONE
 *   type == list_iterator  ─▶ index < len(list) ? items[index++] : (seq = 0) RT_ITER_DONE
 *   otherwise              ─▶ rt_iter_next(vm, it) */
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
    cg_store_field(cg, it, offsetof(range_iterator, next), LLVMBuildSelect(b, more, advanced, v, ""));
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
    cg_store_field(cg, it, offsetof(seq_iterator, index), LLVMBuildAdd(b, index, cg_i64(cg, 1), ""));
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
    LLVMBasicBlockRef object = cg_new_block(cg, "iter.object");
    LLVMValueRef untagged = LLVMBuildICmp(b, LLVMIntEQ, LLVMBuildAnd(b, it, cg_i64(cg, 1), ""),
                                          cg_i64(cg, 0), "");
    LLVMValueRef above = LLVMBuildICmp(b, LLVMIntUGE, it, cg_i64(cg, RT_IMMEDIATE_LIMIT), "");
    LLVMBuildCondBr(b, LLVMBuildAnd(b, untagged, above, ""), object, slow);
    LLVMPositionBuilderAtEnd(b, object);
    LLVMValueRef type = cg_load_field(cg, cg->u->ptr, it, offsetof(rt_object, type));
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
