/* Arithmetic: BINARY and UNARY. When both operands are small ints, + - * // % & | ^ << >>
 * and unary - ~ + are computed inline; a result that leaves the small-int range (or a zero
 * divisor, a negative shift count) takes the same runtime call as every other operand type,
 * so the exceptions and big-int results are the runtime's.
 *
 * A small int x is the word 2x+1. Overflow checks work on 4x, which fits an i64 for every
 * small x: an operation on 4x overflows i64 exactly when its result leaves the 62-bit range. */
#include <string.h>

#include "codegen.h"

/* ---- helpers ---- */

static LLVMValueRef one(cg_function *cg) { return cg_i64(cg, 1); }

/* 4x from the tagged word 2x+1. */
static LLVMValueRef times4(cg_function *cg, LLVMValueRef tagged)
{
    return LLVMBuildShl(cg->b, LLVMBuildSub(cg->b, tagged, one(cg), ""), one(cg), "x4");
}

/* x from 2x+1. */
static LLVMValueRef untag(cg_function *cg, LLVMValueRef tagged)
{
    return LLVMBuildAShr(cg->b, tagged, one(cg), "x");
}

/* 2x+1 from x, for an x known to be small. */
static LLVMValueRef tag(cg_function *cg, LLVMValueRef x)
{
    return LLVMBuildOr(cg->b, LLVMBuildShl(cg->b, x, one(cg), ""), one(cg), "");
}

/* 2x+1 from 4x. */
static LLVMValueRef tag4(cg_function *cg, LLVMValueRef x4)
{
    return LLVMBuildOr(cg->b, LLVMBuildAShr(cg->b, x4, one(cg), ""), one(cg), "");
}

/* x fits the 62-bit small-int range: shifting it up by 2 and back loses nothing. */
static LLVMValueRef not_small(cg_function *cg, LLVMValueRef x)
{
    LLVMValueRef two = cg_i64(cg, 2);
    LLVMValueRef back = LLVMBuildAShr(cg->b, LLVMBuildShl(cg->b, x, two, ""), two, "");
    return LLVMBuildICmp(cg->b, LLVMIntNE, back, x, "not_small");
}

static LLVMValueRef is_negative(cg_function *cg, LLVMValueRef x)
{
    return LLVMBuildICmp(cg->b, LLVMIntSLT, x, cg_i64(cg, 0), "");
}

/* llvm.{s}{add,sub,mul}.with.overflow.i64: the result, and the overflow bit in *overflow. */
static LLVMValueRef with_overflow(cg_function *cg, const char *name, LLVMValueRef x, LLVMValueRef y,
                                  LLVMValueRef *overflow)
{
    unsigned id = LLVMLookupIntrinsicID(name, strlen(name));
    LLVMTypeRef i64 = cg->u->i64;
    LLVMValueRef fn = LLVMGetIntrinsicDeclaration(cg->u->module, id, &i64, 1);
    LLVMTypeRef type = LLVMIntrinsicGetType(cg->u->ctx, id, &i64, 1);
    LLVMValueRef args[2] = {x, y};
    LLVMValueRef pair = LLVMBuildCall2(cg->b, type, fn, args, 2, "");
    *overflow = LLVMBuildExtractValue(cg->b, pair, 1, "overflow");
    return LLVMBuildExtractValue(cg->b, pair, 0, "");
}

/* ---- the operators, for two small ints; *bail is set when the runtime must decide ---- */

/* On the tagged values themselves: (2x+1) + (2y+1) - 1 = 2(x+y)+1, and 2(x-y)+1 likewise,
 * cannot overflow 64 bits for 62-bit x and y. The result is small when 2(x+y)+1 lies in
 * [-2**62 + 1, 2**62), that is when adding 2**62 leaves it non-negative (a wrap past the top
 * turns it negative too). Three instructions fewer than going through 4x. */
static LLVMValueRef small_add_sub(cg_function *cg, bool add, LLVMValueRef a, LLVMValueRef b,
                                  LLVMValueRef *bail)
{
    LLVMBuilderRef bld = cg->b;
    LLVMValueRef r = add ? LLVMBuildSub(bld, LLVMBuildAdd(bld, a, b, ""), one(cg), "")
                         : LLVMBuildAdd(bld, LLVMBuildSub(bld, a, b, ""), one(cg), "");
    *bail = is_negative(cg, LLVMBuildAdd(bld, r, cg_i64(cg, (uint64_t)1 << 62), ""));
    return r;
}

/* x * 4y = 4xy. */
static LLVMValueRef small_mul(cg_function *cg, LLVMValueRef a, LLVMValueRef b, LLVMValueRef *bail)
{
    return tag4(cg,
                with_overflow(cg, "llvm.smul.with.overflow", untag(cg, a), times4(cg, b), bail));
}

/* Python's floor division and modulo from C's truncating ones: when the remainder is nonzero
 * and its sign differs from the divisor's, the quotient drops by one and the remainder gains
 * the divisor. Bails on a zero divisor and on the one overflowing quotient, MIN // -1. */
static LLVMValueRef small_div_mod(cg_function *cg, bool mod, LLVMValueRef a, LLVMValueRef b,
                                  LLVMValueRef *bail)
{
    LLVMBuilderRef bld = cg->b;
    LLVMValueRef x = untag(cg, a), y = untag(cg, b);
    LLVMValueRef zero = cg_i64(cg, 0);
    *bail = LLVMBuildICmp(bld, LLVMIntEQ, y, zero, "by_zero");
    /* The divide must not run on a zero divisor even on the path that bails. */
    LLVMValueRef safe_y = LLVMBuildSelect(bld, *bail, one(cg), y, "");
    LLVMValueRef q = LLVMBuildSDiv(bld, x, safe_y, "");
    LLVMValueRef r = LLVMBuildSRem(bld, x, safe_y, "");
    LLVMValueRef signs_differ = is_negative(cg, LLVMBuildXor(bld, r, safe_y, ""));
    LLVMValueRef adjust =
        LLVMBuildAnd(bld, LLVMBuildICmp(bld, LLVMIntNE, r, zero, ""), signs_differ, "adjust");
    if (mod)
        return tag(cg, LLVMBuildSelect(bld, adjust, LLVMBuildAdd(bld, r, safe_y, ""), r, ""));
    LLVMValueRef floor_q = LLVMBuildSelect(bld, adjust, LLVMBuildSub(bld, q, one(cg), ""), q, "");
    *bail = LLVMBuildOr(bld, *bail, not_small(cg, floor_q), "");
    return tag(cg, floor_q);
}

/* Bitwise operators keep the tag: (2x+1) & (2y+1) = 2(x&y)+1, likewise |; ^ clears it. */
static LLVMValueRef small_bitwise(cg_function *cg, int op, LLVMValueRef a, LLVMValueRef b)
{
    if (op == RT_AND)
        return LLVMBuildAnd(cg->b, a, b, "");
    if (op == RT_OR)
        return LLVMBuildOr(cg->b, a, b, "");
    return LLVMBuildOr(cg->b, LLVMBuildXor(cg->b, a, b, ""), one(cg), "");
}

/* 4x << y, undone by >> y: equal exactly when no bit of x was lost and x << y is small.
 * Counts outside 0..63 (negative ones raise) go to the runtime. */
static LLVMValueRef small_lshift(cg_function *cg, LLVMValueRef a, LLVMValueRef b,
                                 LLVMValueRef *bail)
{
    LLVMBuilderRef bld = cg->b;
    LLVMValueRef y = untag(cg, b);
    LLVMValueRef out_of_range = LLVMBuildICmp(bld, LLVMIntUGE, y, cg_i64(cg, 64), "");
    LLVMValueRef count = LLVMBuildSelect(bld, out_of_range, cg_i64(cg, 0), y, "");
    LLVMValueRef x4 = times4(cg, a);
    LLVMValueRef shifted = LLVMBuildShl(bld, x4, count, "");
    LLVMValueRef lost =
        LLVMBuildICmp(bld, LLVMIntNE, LLVMBuildAShr(bld, shifted, count, ""), x4, "lost");
    *bail = LLVMBuildOr(bld, out_of_range, lost, "");
    return tag4(cg, shifted);
}

/* x >> y for y >= 0: a count past 63 gives what 63 gives (0 or -1). */
static LLVMValueRef small_rshift(cg_function *cg, LLVMValueRef a, LLVMValueRef b,
                                 LLVMValueRef *bail)
{
    LLVMBuilderRef bld = cg->b;
    LLVMValueRef y = untag(cg, b);
    *bail = is_negative(cg, y);
    LLVMValueRef big = LLVMBuildICmp(bld, LLVMIntUGT, y, cg_i64(cg, 63), "");
    LLVMValueRef count = LLVMBuildSelect(bld, big, cg_i64(cg, 63), y, "");
    return tag(cg, LLVMBuildAShr(bld, untag(cg, a), count, ""));
}

static bool has_fast_path(int op)
{
    switch (op) {
    case RT_ADD:
    case RT_SUB:
    case RT_MUL:
    case RT_FLOORDIV:
    case RT_MOD:
    case RT_AND:
    case RT_OR:
    case RT_XOR:
    case RT_LSHIFT:
    case RT_RSHIFT: return true;
    default: return false;
    }
}

/* `op` on two small ints; *bail (i1) is false when the result is exact. */
static LLVMValueRef small_binary(cg_function *cg, int op, LLVMValueRef a, LLVMValueRef b,
                                 LLVMValueRef *bail)
{
    *bail = LLVMConstInt(cg->u->i1, 0, false);
    switch (op) {
    case RT_ADD:
    case RT_SUB: return small_add_sub(cg, op == RT_ADD, a, b, bail);
    case RT_MUL: return small_mul(cg, a, b, bail);
    case RT_FLOORDIV:
    case RT_MOD: return small_div_mod(cg, op == RT_MOD, a, b, bail);
    case RT_LSHIFT: return small_lshift(cg, a, b, bail);
    case RT_RSHIFT: return small_rshift(cg, a, b, bail);
    default: return small_bitwise(cg, op, a, b);
    }
}

/* ---- emission ---- */

/* The inline result of `op` on a and b (b is NULL for unary operators), with *bail set when
 * the runtime must decide instead. */
typedef LLVMValueRef (*fast_fn)(cg_function *cg, int op, LLVMValueRef a, LLVMValueRef b,
                                LLVMValueRef *bail);

/* When `guard` holds, compute inline; otherwise, or when that bails, call the runtime. */
static void emit_guarded(cg_function *cg, const ir_instr *in, LLVMValueRef guard, fast_fn compute,
                         int op, const char *slow_name, LLVMValueRef *slow_args, unsigned nslow)
{
    LLVMBasicBlockRef fast = cg_new_block(cg, "int");
    LLVMBasicBlockRef slow = cg_new_block(cg, "generic");
    LLVMBasicBlockRef done = cg_new_block(cg, "done");
    cg_branch_hot(cg, guard, fast, slow);

    LLVMPositionBuilderAtEnd(cg->b, fast);
    LLVMValueRef bail;
    LLVMValueRef b = nslow == 4 ? slow_args[3] : NULL;
    LLVMValueRef fast_result = compute(cg, op, slow_args[2], b, &bail);
    LLVMBasicBlockRef fast_end = LLVMGetInsertBlock(cg->b);
    cg_branch_cold(cg, bail, slow, done);

    LLVMPositionBuilderAtEnd(cg->b, slow);
    LLVMValueRef slow_result = cg_call(cg, slow_name, slow_args, nslow);
    cg_check_value(cg, in, slow_result);
    LLVMBasicBlockRef slow_end = LLVMGetInsertBlock(cg->b);
    LLVMBuildBr(cg->b, done);

    LLVMPositionBuilderAtEnd(cg->b, done);
    cg_store_temp(cg, in->dst,
                  cg_phi2(cg, cg->u->i64, fast_result, fast_end, slow_result, slow_end));
}

void cg_emit_binary(cg_function *cg, const ir_instr *in)
{
    LLVMValueRef a = cg_load_temp(cg, in->a), b = cg_load_temp(cg, in->b);
    LLVMValueRef args[4] = {cg->vm, cg_i32(cg, in->imm), a, b};
    int op = in->imm & ~RT_INPLACE;
    if (!has_fast_path(op) || cg->u->baseline) {
        cg_value_call(cg, in, "rt_binary_op", args, 4);
        return;
    }
    emit_guarded(cg, in, cg_both_small(cg, a, b), small_binary, op, "rt_binary_op", args, 4);
}

/* -x (bails on -MIN), ~x = 2(-x-1)+1 = (~(2x+1)) | 1, +x = x. */
static LLVMValueRef small_unary(cg_function *cg, int op, LLVMValueRef a, LLVMValueRef unused,
                                LLVMValueRef *bail)
{
    (void)unused;
    *bail = LLVMConstInt(cg->u->i1, 0, false);
    if (op == RT_NEG)
        return small_add_sub(cg, false, cg_i64(cg, rt_small_int(0)), a, bail);
    if (op == RT_INVERT)
        return LLVMBuildOr(cg->b, LLVMBuildNot(cg->b, a, ""), one(cg), "");
    return a;
}

void cg_emit_unary(cg_function *cg, const ir_instr *in)
{
    LLVMValueRef a = cg_load_temp(cg, in->a);
    if (in->imm == RT_NOT) {
        LLVMValueRef truth = cg_truth(cg, in, a);
        cg_store_temp(cg, in->dst, cg_bool_value(cg, LLVMBuildNot(cg->b, truth, "")));
        return;
    }
    LLVMValueRef args[3] = {cg->vm, cg_i32(cg, in->imm), a};
    if (cg->u->baseline) {
        cg_value_call(cg, in, "rt_unary_op", args, 3);
        return;
    }
    LLVMValueRef is_small = LLVMBuildTrunc(cg->b, a, cg->u->i1, "small");
    emit_guarded(cg, in, is_small, small_unary, in->imm, "rt_unary_op", args, 3);
}
