/* Star-argument forwarding: `fn(*args, **kwargs)`, the body of every decorator wrapper.
 * Lowering builds the call's arguments as CPython's bytecode does:
 *
 *   L = BUILD_LIST ()          D = BUILD_DICT ()
 *   LIST_EXTEND L <- args      DICT_MERGE D <- kwargs (callee fn)
 *   T = LIST_TO_TUPLE L        CALL_EX fn(*T, **D)
 *
 * which copies both containers on every call. When the list and the dict are used nowhere
 * else and T is only CALL_EX's positional tuple (so its identity cannot be observed), the copy
 * is skipped at run time for the common case: `args` already a tuple becomes T itself, and
 * `kwargs` an empty dict means no keywords (D = 0, which CALL_EX reads as none). Anything else
 * runs the three original instructions, with their exact error messages.
 *
 * CALL_EX itself, with no keywords, goes through the direct-call path of codegen_call.c with
 * the tuple's items as the argument array. */
#include <stddef.h>
#include <stdlib.h>

#include "codegen.h"
#include "dict.h"
#include "tier.h"
#include "tuple.h"

/* ---- finding the patterns ---- */

/* How many instructions of `f` name temp `t` as an operand, and how many assign it. */
static void count_temp(const ir_function *f, int t, int *reads, int *writes)
{
    *reads = *writes = 0;
    for (int i = 0; i < f->nblocks; i++)
        for (int k = 0; k < f->blocks[i]->ninstrs; k++) {
            const ir_instr *in = &f->blocks[i]->instrs[k];
            *reads += (in->a == t) + (in->b == t) + (in->c == t);
            for (int n = 0; n < in->nargs; n++)
                *reads += in->args[n] == t;
            *writes += in->dst == t;
        }
}

static bool used_exactly(const ir_function *f, int t, int reads, int writes)
{
    int r, w;
    count_temp(f, t, &r, &w);
    return r == reads && w == writes;
}

/* The CALL_EX after `from` in block `b` whose operand `which` ('b' or 'c') is temp t. */
static const ir_instr *call_ex_using(const ir_block *b, int from, int t, char which)
{
    for (int k = from; k < b->ninstrs; k++) {
        const ir_instr *in = &b->instrs[k];
        if (in->op == IR_CALL_EX && (which == 'b' ? in->b : in->c) == t)
            return in;
    }
    return NULL;
}

/* BUILD_LIST () L ... LIST_EXTEND L <- x; T = LIST_TO_TUPLE L ... CALL_EX f(*T ...). */
static bool tuple_pattern(const ir_function *f, const ir_block *b, int i, cg_forward *out)
{
    const ir_instr *build = &b->instrs[i];
    if (build->op != IR_BUILD_LIST || build->nargs != 0 || build->dst < 0)
        return false;
    int list = build->dst;
    for (int k = i + 1; k + 1 < b->ninstrs; k++) {
        const ir_instr *merge = &b->instrs[k], *finish = &b->instrs[k + 1];
        if (merge->op != IR_LIST_EXTEND || merge->a != list)
            continue;
        if (finish->op != IR_LIST_TO_TUPLE || finish->a != list || finish->dst < 0 ||
            !used_exactly(f, list, 2, 1) || !used_exactly(f, finish->dst, 1, 1) ||
            !call_ex_using(b, k + 2, finish->dst, 'b'))
            return false;
        *out = (cg_forward){build, merge, finish};
        return true;
    }
    return false;
}

/* BUILD_DICT () D ... DICT_MERGE D <- m ... CALL_EX f(..., **D). */
static bool dict_pattern(const ir_function *f, const ir_block *b, int i, cg_forward *out)
{
    const ir_instr *build = &b->instrs[i];
    if (build->op != IR_BUILD_DICT || build->nargs != 0 || build->dst < 0)
        return false;
    int dict = build->dst;
    for (int k = i + 1; k < b->ninstrs; k++) {
        const ir_instr *merge = &b->instrs[k];
        if (merge->op != IR_DICT_MERGE || merge->a != dict)
            continue;
        if (!used_exactly(f, dict, 2, 1) || !call_ex_using(b, k + 1, dict, 'c'))
            return false;
        *out = (cg_forward){build, merge, NULL};
        return true;
    }
    return false;
}

bool cg_find_forwards(cg_function *cg)
{
    const ir_function *f = cg->ir;
    if (cg->u->baseline)
        return true; /* baseline code copies, as the IR says */
    for (int i = 0; i < f->nblocks; i++) {
        const ir_block *b = f->blocks[i];
        for (int k = 0; k < b->ninstrs; k++) {
            cg_forward found;
            if (!tuple_pattern(f, b, k, &found) && !dict_pattern(f, b, k, &found))
                continue;
            cg_forward *grown = realloc(cg->forwards, (size_t)(cg->nforwards + 1) * sizeof *grown);
            if (!grown)
                return false;
            cg->forwards = grown;
            cg->forwards[cg->nforwards++] = found;
        }
    }
    return true;
}

/* ---- star parameters that are only forwarded ---- */

/* The slot is never assigned or deleted, and each read of it (LOAD_LOCAL) goes to exactly one
 * instruction, of kind `reader`, as its operand b: LIST_EXTEND and DICT_MERGE only read b. */
static bool only_forwarded(const ir_function *f, int slot, ir_op reader)
{
    for (int i = 0; i < f->nblocks; i++)
        for (int k = 0; k < f->blocks[i]->ninstrs; k++) {
            const ir_instr *in = &f->blocks[i]->instrs[k];
            if ((in->op == IR_STORE_LOCAL || in->op == IR_DELETE_LOCAL) && in->imm == slot)
                return false;
            if (in->op != IR_LOAD_LOCAL || in->imm != slot)
                continue;
            if (in->dst < 0 || !used_exactly(f, in->dst, 1, 1))
                return false;
            bool read_by_reader = false;
            for (int j = 0; j < f->nblocks; j++)
                for (int m = 0; m < f->blocks[j]->ninstrs; m++) {
                    const ir_instr *use = &f->blocks[j]->instrs[m];
                    read_by_reader |= use->op == reader && use->b == in->dst;
                }
            if (!read_by_reader)
                return false;
        }
    return true;
}

int32_t cg_forwarded_params(const ir_function *f)
{
    const scope *s = f->scope;
    if (s->kind == SCOPE_MODULE || cg_mentions_locals(f))
        return 0;
    int32_t forwards = 0;
    int slot = s->argcount + s->kwonlyargcount;
    if (s->has_varargs && only_forwarded(f, slot, IR_LIST_EXTEND))
        forwards |= RT_FORWARDS_ARGS;
    slot += s->has_varargs;
    if (s->has_varkeywords && only_forwarded(f, slot, IR_DICT_MERGE))
        forwards |= RT_FORWARDS_KWARGS;
    return forwards;
}

/* ---- emitting them ---- */

static LLVMValueRef is_exact(cg_function *cg, LLVMValueRef v, const rt_type *type)
{
    LLVMBuilderRef b = cg->b;
    LLVMBasicBlockRef start = LLVMGetInsertBlock(b);
    LLVMBasicBlockRef object = cg_new_block(cg, "forward.object");
    LLVMBasicBlockRef done = cg_new_block(cg, "forward.typed");
    LLVMBuildCondBr(b, cg_is_object(cg, v), object, done);
    LLVMPositionBuilderAtEnd(b, object);
    LLVMValueRef t = cg_load_field(cg, cg->u->ptr, v, offsetof(rt_object, type));
    LLVMValueRef same = LLVMBuildICmp(b, LLVMIntEQ, t, cg_ptr_const(cg, type), "");
    LLVMBuildBr(b, done);
    LLVMPositionBuilderAtEnd(b, done);
    return cg_phi2(cg, cg->u->i1, LLVMConstInt(cg->u->i1, 0, false), start, same, object);
}

/* x is a tuple: T = x. An empty dict: D = 0. Otherwise the original instructions. */
static void emit_forward(cg_function *cg, const cg_forward *fw)
{
    LLVMValueRef x = cg_load_temp(cg, fw->merge->b);
    LLVMValueRef reuse;
    if (fw->finish) {
        reuse = is_exact(cg, x, &rt_tuple_type);
    } else {
        LLVMBasicBlockRef dict = cg_new_block(cg, "forward.dict");
        LLVMBasicBlockRef decided = cg_new_block(cg, "forward.decided");
        LLVMValueRef is_dict = is_exact(cg, x, &rt_dict_type);
        LLVMBasicBlockRef typed = LLVMGetInsertBlock(cg->b);
        LLVMBuildCondBr(cg->b, is_dict, dict, decided);
        LLVMPositionBuilderAtEnd(cg->b, dict);
        LLVMValueRef used = cg_load_field(cg, cg->u->i64, x, offsetof(rt_dict, used));
        LLVMValueRef empty = LLVMBuildICmp(cg->b, LLVMIntEQ, used, cg_i64(cg, 0), "");
        LLVMBuildBr(cg->b, decided);
        LLVMPositionBuilderAtEnd(cg->b, decided);
        reuse = cg_phi2(cg, cg->u->i1, LLVMConstInt(cg->u->i1, 0, false), typed, empty, dict);
    }
    LLVMBasicBlockRef fast = cg_new_block(cg, "forward.reuse");
    LLVMBasicBlockRef slow = cg_new_block(cg, "forward.copy");
    LLVMBasicBlockRef done = cg_new_block(cg, "forward.done");
    LLVMBuildCondBr(cg->b, reuse, fast, slow);

    LLVMPositionBuilderAtEnd(cg->b, fast);
    if (fw->finish)
        cg_store_temp(cg, fw->finish->dst, x);
    else
        cg_store_temp(cg, fw->build->dst, cg_i64(cg, 0));
    LLVMBuildBr(cg->b, done);

    LLVMPositionBuilderAtEnd(cg->b, slow);
    cg_instr_plain(cg, fw->build);
    cg_instr_plain(cg, fw->merge);
    if (fw->finish)
        cg_instr_plain(cg, fw->finish);
    LLVMBuildBr(cg->b, done);

    LLVMPositionBuilderAtEnd(cg->b, done);
    cg->last_line = -1; /* the two paths stored different lines */
}

bool cg_forward_instr(cg_function *cg, const ir_instr *in)
{
    for (int i = 0; i < cg->nforwards; i++) {
        const cg_forward *fw = &cg->forwards[i];
        if (in == fw->build || in == fw->finish)
            return true; /* emitted with the merge */
        if (in == fw->merge) {
            emit_forward(cg, fw);
            return true;
        }
    }
    return false;
}

/* CALL_EX f(*t) with no keywords: the direct-call path over the tuple's items. */
void cg_emit_call_ex(cg_function *cg, const ir_instr *in)
{
    LLVMValueRef callee = cg_load_temp(cg, in->a), positional = cg_load_temp(cg, in->b);
    LLVMValueRef kwargs = cg_load_opt(cg, in->c, 0);
    if (cg->u->baseline) {
        jit_call_site *site = cg->tier ? jit_tier_site(cg->tier, in, true) : NULL;
        if (cg->tier && !site)
            cg_fail_at(cg, "out of memory for a call profile");
        LLVMValueRef args[5] = {cg->vm, callee, positional, kwargs, cg_ptr_const(cg, site)};
        cg_value_call(cg, in, site ? "jit_call_ex_profiled" : "rt_call_ex", args, site ? 5 : 4);
        return;
    }
    LLVMBasicBlockRef direct = cg_new_block(cg, "call_ex.positional");
    LLVMBasicBlockRef generic = cg_new_block(cg, "call_ex.generic");
    LLVMBasicBlockRef done = cg_new_block(cg, "call_ex.done");
    LLVMValueRef no_kwargs = LLVMBuildICmp(cg->b, LLVMIntEQ, kwargs, cg_i64(cg, 0), "");
    LLVMValueRef tuple = is_exact(cg, positional, &rt_tuple_type);
    LLVMBuildCondBr(cg->b, LLVMBuildAnd(cg->b, no_kwargs, tuple, ""), direct, generic);

    LLVMPositionBuilderAtEnd(cg->b, direct);
    LLVMValueRef fast = cg_direct_call_tuple(cg, in, callee, positional);
    LLVMBasicBlockRef fast_end = LLVMGetInsertBlock(cg->b);
    LLVMBuildBr(cg->b, done);

    LLVMPositionBuilderAtEnd(cg->b, generic);
    LLVMValueRef args[4] = {cg->vm, callee, positional, kwargs};
    LLVMValueRef slow = cg_call(cg, "rt_call_ex", args, 4);
    LLVMBuildBr(cg->b, done);

    LLVMPositionBuilderAtEnd(cg->b, done);
    LLVMValueRef result = cg_phi2(cg, cg->u->i64, fast, fast_end, slow, generic);
    cg_check_value(cg, in, result);
    cg_store_temp(cg, in->dst, result);
}
