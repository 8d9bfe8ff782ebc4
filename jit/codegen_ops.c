/* Code generation for each IR operation: a runtime call (or a few inline instructions) per
 * op, then the error check the op's result needs. Inline fast paths cover the cases that
 * dominate loops — small-int + and -, small-int comparisons, truth of bools, None and small
 * ints — and fall back to the same runtime call as the general case. */
#include <stddef.h>
#include <string.h>

#include "codegen.h"
#include "exception.h"
#include "function.h"
#include "list.h"
#include "str.h"
#include "tuple.h"
#include "vm.h"

/* ---- helpers ---- */

static LLVMValueRef vm_arg(cg_function *cg) { return cg->vm; }

static LLVMValueRef null_ptr(cg_function *cg) { return LLVMConstNull(cg->u->ptr); }

/* The argument array of a call or display: NULL when empty. */
static LLVMValueRef args_array(cg_function *cg, int n, const int *temps)
{
    return n > 0 ? cg_array(cg, n, temps) : null_ptr(cg);
}

static LLVMValueRef const_value(cg_function *cg, int index)
{
    return cg_i64(cg, cg_const_value(cg, index));
}

static LLVMValueRef const_name(cg_function *cg, int index)
{
    return cg_i64(cg, cg_const_name(cg, index));
}

static LLVMValueRef slot_ref(cg_function *cg, int slot)
{
    if (slot >= 0 && slot < cg->ir->nslots)
        return cg->slots[slot];
    cg_fail_at(cg, "%s: local slot %d out of range", cg->ir->qualname, slot);
    return cg->scratch;
}

static bool cell_ok(cg_function *cg, int cell)
{
    if (cell >= 0 && cell < cg->ir->ncells)
        return true;
    cg_fail_at(cg, "%s: cell %d out of range", cg->ir->qualname, cell);
    return false;
}

static LLVMValueRef is_zero(cg_function *cg, LLVMValueRef v)
{
    return LLVMBuildICmp(cg->b, LLVMIntEQ, v, cg_i64(cg, 0), "unbound");
}

/* When `v` is 0 (an unbound name), raise through `raiser` (rt_raise_unbound_local/free). */
static void check_bound(cg_function *cg, const ir_instr *in, LLVMValueRef v, const char *raiser,
                        rt_value name)
{
    LLVMBasicBlockRef unbound = cg_new_block(cg, "unbound");
    LLVMBasicBlockRef bound = cg_new_block(cg, "bound");
    LLVMValueRef br = LLVMBuildCondBr(cg->b, is_zero(cg, v), unbound, bound);
    LLVMSetMetadata(br, cg->u->prof_kind, cg->u->unlikely);
    LLVMPositionBuilderAtEnd(cg->b, unbound);
    LLVMValueRef args[2] = {vm_arg(cg), cg_i64(cg, name)};
    cg_call(cg, raiser, args, 2);
    LLVMBuildBr(cg->b, cg_fail_target(cg, in));
    LLVMPositionBuilderAtEnd(cg->b, bound);
}

/* ---- locals, cells, globals ---- */

/* A parameter's slot is bound on entry (an argument is never 0) and stays bound unless some
 * DELETE_LOCAL names it, so reading it needs no check. */
static bool always_bound(cg_function *cg, int slot)
{
    const scope *s = cg->ir->scope;
    if (slot < 0 || slot >= s->argcount + s->kwonlyargcount + s->has_varargs + s->has_varkeywords)
        return false;
    for (int i = 0; i < cg->ir->nblocks; i++)
        for (int k = 0; k < cg->ir->blocks[i]->ninstrs; k++) {
            const ir_instr *in = &cg->ir->blocks[i]->instrs[k];
            if (in->op == IR_DELETE_LOCAL && in->imm == slot)
                return false;
        }
    return true;
}

static void emit_load_local(cg_function *cg, const ir_instr *in)
{
    LLVMValueRef v = LLVMBuildLoad2(cg->b, cg->u->i64, slot_ref(cg, in->imm), "");
    if (!always_bound(cg, in->imm))
        check_bound(cg, in, v, "rt_raise_unbound_local", cg_slot_name(cg, in->imm));
    cg_store_temp(cg, in->dst, v);
}

static void emit_delete_local(cg_function *cg, const ir_instr *in)
{
    LLVMValueRef slot = slot_ref(cg, in->imm);
    LLVMValueRef v = LLVMBuildLoad2(cg->b, cg->u->i64, slot, "");
    check_bound(cg, in, v, "rt_raise_unbound_local", cg_slot_name(cg, in->imm));
    LLVMBuildStore(cg->b, cg_i64(cg, 0), slot);
}

static const char *deref_raiser(cg_function *cg, int cell)
{
    return cell < cg->ir->scope->ncellvars ? "rt_raise_unbound_local" : "rt_raise_unbound_free";
}

/* LOAD_DEREF / DELETE_DEREF: the cell's contents, raising when the cell is empty. */
static LLVMValueRef bound_cell(cg_function *cg, const ir_instr *in, LLVMValueRef *cell)
{
    *cell = LLVMBuildLoad2(cg->b, cg->u->i64, cg->cells[in->imm], "");
    LLVMValueRef v = cg_load_field(cg, cg->u->i64, *cell, offsetof(rt_cell, contents));
    check_bound(cg, in, v, deref_raiser(cg, in->imm), cg_cell_name(cg, in->imm));
    return v;
}

static void emit_cell_op(cg_function *cg, const ir_instr *in)
{
    if (!cell_ok(cg, in->imm))
        return;
    LLVMValueRef cell;
    switch (in->op) {
    case IR_MAKE_CELL: cg_emit_make_cell(cg, in, cg_load_opt(cg, in->a, 0)); break;
    case IR_LOAD_DEREF: cg_store_temp(cg, in->dst, bound_cell(cg, in, &cell)); break;
    case IR_STORE_DEREF:
        cell = LLVMBuildLoad2(cg->b, cg->u->i64, cg->cells[in->imm], "");
        cg_store_field(cg, cell, offsetof(rt_cell, contents), cg_load_temp(cg, in->a));
        break;
    case IR_DELETE_DEREF:
        bound_cell(cg, in, &cell);
        cg_store_field(cg, cell, offsetof(rt_cell, contents), cg_i64(cg, 0));
        break;
    case IR_LOAD_CLOSURE:  /* the cell object */
    case IR_LOAD_CAPTURED: /* the value a by-value environment entry holds instead */
        cg_store_temp(cg, in->dst, LLVMBuildLoad2(cg->b, cg->u->i64, cg->cells[in->imm], ""));
        break;
    default: break;
    }
}

static void emit_global_op(cg_function *cg, const ir_instr *in)
{
    LLVMValueRef args[4] = {vm_arg(cg), cg->globals, const_name(cg, in->imm), NULL};
    if (in->op == IR_LOAD_GLOBAL) {
        cg_emit_load_global(cg, in, args[2]);
    } else if (in->op == IR_STORE_GLOBAL) {
        cg_emit_store_global(cg, in, args[2]);
    } else {
        cg_int_call(cg, in, "rt_delete_global", args, 3);
    }
}

/* ---- operators ---- */

/* The truth of `v` as an i1. True, False, None and small ints are decided inline by a chain
 * of branches (not selects), so that when `v` is a known constant on some path — a comparison's
 * inline result — jump threading can send that path straight to the right successor. */
LLVMValueRef cg_truth(cg_function *cg, const ir_instr *in, LLVMValueRef v)
{
    LLVMBuilderRef b = cg->b;
    if (cg->u->baseline) {
        LLVMValueRef args[2] = {vm_arg(cg), v};
        LLVMValueRef r = cg_int_call(cg, in, "rt_truthy", args, 2);
        return LLVMBuildICmp(b, LLVMIntNE, r, cg_i32(cg, 0), "truth");
    }
    LLVMBasicBlockRef start = LLVMGetInsertBlock(b);
    LLVMBasicBlockRef not_true = cg_new_block(cg, "truth.not_true");
    LLVMBasicBlockRef not_false = cg_new_block(cg, "truth.not_false");
    LLVMBasicBlockRef small = cg_new_block(cg, "truth.int");
    LLVMBasicBlockRef slow = cg_new_block(cg, "truth.call");
    LLVMBasicBlockRef done = cg_new_block(cg, "truth.done");
    LLVMBuildCondBr(b, LLVMBuildICmp(b, LLVMIntEQ, v, cg_i64(cg, RT_TRUE), ""), done, not_true);

    LLVMPositionBuilderAtEnd(b, not_true);
    LLVMValueRef falsy = LLVMBuildOr(b, LLVMBuildICmp(b, LLVMIntEQ, v, cg_i64(cg, RT_FALSE), ""),
                                     LLVMBuildICmp(b, LLVMIntEQ, v, cg_i64(cg, RT_NONE), ""), "");
    LLVMBuildCondBr(b, falsy, done, not_false);

    LLVMPositionBuilderAtEnd(b, not_false);
    LLVMBuildCondBr(b, LLVMBuildTrunc(b, v, cg->u->i1, "is_int"), small, slow);

    LLVMPositionBuilderAtEnd(b, small);
    LLVMValueRef nonzero = LLVMBuildICmp(b, LLVMIntNE, v, cg_i64(cg, rt_small_int(0)), "");
    LLVMBuildBr(b, done);

    LLVMPositionBuilderAtEnd(b, slow);
    LLVMValueRef args[2] = {vm_arg(cg), v};
    LLVMValueRef r = cg_int_call(cg, in, "rt_truthy", args, 2);
    LLVMValueRef slow_result = LLVMBuildICmp(b, LLVMIntNE, r, cg_i32(cg, 0), "");
    LLVMBasicBlockRef slow_end = LLVMGetInsertBlock(b);
    LLVMBuildBr(b, done);

    LLVMPositionBuilderAtEnd(b, done);
    LLVMValueRef phi = LLVMBuildPhi(b, cg->u->i1, "truth");
    LLVMValueRef values[4] = {LLVMConstInt(cg->u->i1, 1, false), LLVMConstInt(cg->u->i1, 0, false),
                              nonzero, slow_result};
    LLVMBasicBlockRef blocks[4] = {start, not_true, small, slow_end};
    LLVMAddIncoming(phi, values, blocks, 4);
    return phi;
}

/* ast_cmp_op (EQ, NOTEQ, LT, LTE, GT, GTE) to rt_compare_op and the matching signed icmp,
 * which orders tagged small ints as it orders their values. */
static bool rich_compare(int cmp, rt_compare_op *op, LLVMIntPredicate *pred)
{
    switch (cmp) {
    case CMP_EQ:
        *op = RT_EQ;
        *pred = LLVMIntEQ;
        return true;
    case CMP_NOTEQ:
        *op = RT_NE;
        *pred = LLVMIntNE;
        return true;
    case CMP_LT:
        *op = RT_LT;
        *pred = LLVMIntSLT;
        return true;
    case CMP_LTE:
        *op = RT_LE;
        *pred = LLVMIntSLE;
        return true;
    case CMP_GT:
        *op = RT_GT;
        *pred = LLVMIntSGT;
        return true;
    case CMP_GTE:
        *op = RT_GE;
        *pred = LLVMIntSGE;
        return true;
    default: return false;
    }
}

static void emit_rich_compare(cg_function *cg, const ir_instr *in, LLVMValueRef a, LLVMValueRef b,
                              rt_compare_op op, LLVMIntPredicate pred)
{
    if (cg->u->baseline) {
        LLVMValueRef args[4] = {vm_arg(cg), cg_i32(cg, (int)op), a, b};
        cg_value_call(cg, in, "rt_compare", args, 4);
        return;
    }
    LLVMBasicBlockRef fast = cg_new_block(cg, "int");
    LLVMBasicBlockRef slow = cg_new_block(cg, "generic");
    LLVMBasicBlockRef done = cg_new_block(cg, "done");
    cg_branch_hot(cg, cg_both_small(cg, a, b), fast, slow);

    LLVMPositionBuilderAtEnd(cg->b, fast);
    LLVMValueRef fast_result = cg_bool_value(cg, LLVMBuildICmp(cg->b, pred, a, b, ""));
    LLVMBuildBr(cg->b, done);

    LLVMPositionBuilderAtEnd(cg->b, slow);
    LLVMValueRef args[4] = {vm_arg(cg), cg_i32(cg, (int)op), a, b};
    LLVMValueRef slow_result = cg_call(cg, "rt_compare", args, 4);
    cg_check_value(cg, in, slow_result);
    LLVMBasicBlockRef slow_end = LLVMGetInsertBlock(cg->b);
    LLVMBuildBr(cg->b, done);

    LLVMPositionBuilderAtEnd(cg->b, done);
    cg_store_temp(cg, in->dst, cg_phi2(cg, cg->u->i64, fast_result, fast, slow_result, slow_end));
}

static void emit_compare(cg_function *cg, const ir_instr *in)
{
    LLVMValueRef a = cg_load_temp(cg, in->a), b = cg_load_temp(cg, in->b);
    rt_compare_op op;
    LLVMIntPredicate pred;
    if (rich_compare(in->imm, &op, &pred)) {
        emit_rich_compare(cg, in, a, b, op, pred);
    } else if (in->imm == CMP_IS || in->imm == CMP_ISNOT) {
        LLVMIntPredicate p = in->imm == CMP_IS ? LLVMIntEQ : LLVMIntNE;
        cg_store_temp(cg, in->dst, cg_bool_value(cg, LLVMBuildICmp(cg->b, p, a, b, "")));
    } else if (in->imm == CMP_IN || in->imm == CMP_NOTIN) {
        LLVMValueRef args[3] = {vm_arg(cg), b, a}; /* container, item */
        LLVMValueRef r = cg_int_call(cg, in, "rt_contains", args, 3);
        LLVMIntPredicate p = in->imm == CMP_IN ? LLVMIntNE : LLVMIntEQ;
        cg_store_temp(cg, in->dst,
                      cg_bool_value(cg, LLVMBuildICmp(cg->b, p, r, cg_i32(cg, 0), "")));
    } else {
        cg_fail_at(cg, "%s: unknown comparison %d", cg->ir->qualname, in->imm);
    }
}

/* ---- control flow ---- */

static void emit_branch(cg_function *cg, const ir_instr *in)
{
    LLVMValueRef truth = cg_truth(cg, in, cg_load_temp(cg, in->a));
    LLVMBuildCondBr(cg->b, truth, cg_block_of(cg, in->target), cg_block_of(cg, in->target2));
    cg->terminated = true;
}

static void emit_for_iter(cg_function *cg, const ir_instr *in)
{
    LLVMValueRef v = cg_iter_next(cg, in, cg_load_temp(cg, in->a));
    LLVMBasicBlockRef next = cg_new_block(cg, "next");
    LLVMValueRef done = LLVMBuildICmp(cg->b, LLVMIntEQ, v, cg_i64(cg, RT_ITER_DONE), "done");
    LLVMBuildCondBr(cg->b, done, cg_block_of(cg, in->target), next);
    LLVMPositionBuilderAtEnd(cg->b, next);
    cg_store_temp(cg, in->dst, v);
    cg_jump(cg, cg_block_of(cg, in->target2));
}

static void emit_return(cg_function *cg, const ir_instr *in)
{
    LLVMBuildRet(cg->b, cg_load_opt(cg, in->a, RT_NONE));
    cg->terminated = true;
}

/* ---- calls and functions ---- */

/* Keyword names of a call: consts[index] (a tuple of str) and how many arguments it names. */
static LLVMValueRef kwnames_of(cg_function *cg, int index, int *nkw)
{
    *nkw = 0;
    if (index < 0)
        return cg_i64(cg, 0);
    if (index < cg->ir->nconsts && cg->ir->consts[index].kind == IRC_NAMES)
        *nkw = cg->ir->consts[index].nnames;
    return const_value(cg, index);
}

static bool held_by_value(cg_function *cg, int cell)
{
    return cg->ir->byvalue && cg->ir->byvalue[cell];
}

/* The current value of cell `cell`: its contents, or the variable itself when it is held by
 * value (LOAD_CAPTURED's word). */
static LLVMValueRef cell_value(cg_function *cg, int cell)
{
    LLVMValueRef v = LLVMBuildLoad2(cg->b, cg->u->i64, cg->cells[cell], "");
    if (held_by_value(cg, cell))
        return v;
    return cg_load_field(cg, cg->u->i64, v, offsetof(rt_cell, contents));
}

/* The function's variables in CPython's locals() order — varnames (a cell parameter read
 * from its cell, a by-value one from its slot), then the other cellvars, then the freevars —
 * as a rooted tuple of names and, in the argument array, their current values (0 when
 * unbound). */
static LLVMValueRef locals_snapshot(cg_function *cg, rt_value *names_out, int *count)
{
    const scope *s = cg->ir->scope;
    rt_value names = rt_tuple_new(s->nvarnames + s->ncellvars + s->nfreevars);
    int n = 0;
    for (int i = 0; i < s->nvarnames; i++) {
        int cell;
        scope_binding b = scope_resolve(s, s->varnames[i], &cell);
        LLVMValueRef v = b == BINDING_CELL && !held_by_value(cg, cell)
                             ? cell_value(cg, cell)
                             : LLVMBuildLoad2(cg->b, cg->u->i64, cg->slots[i], "");
        cg_store_field(cg, cg->array, (size_t)n * sizeof(rt_value), v);
        rt_as_tuple(names)->items[n++] = rt_str_intern(cg->u->vm, s->varnames[i]);
    }
    for (int c = 0; c < s->ncellvars + s->nfreevars; c++) {
        const char *name = c < s->ncellvars ? s->cellvars[c] : s->freevars[c - s->ncellvars];
        const scope_symbol *sym = scope_lookup(s, name);
        if (c < s->ncellvars && sym && (sym->flags & SYM_PARAM))
            continue; /* already listed with the parameters */
        LLVMValueRef v = cell_value(cg, c);
        cg_store_field(cg, cg->array, (size_t)n * sizeof(rt_value), v);
        rt_as_tuple(names)->items[n++] = rt_str_intern(cg->u->vm, name);
    }
    rt_as_tuple(names)->size = n;
    rt_list_append(cg->u->vm, cg->u->vm->constants, names);
    *names_out = names;
    *count = n;
    return cg->array;
}

/* f() in a function that names locals or vars: the callee may be that builtin. */
static void emit_call_or_locals(cg_function *cg, const ir_instr *in)
{
    rt_value names;
    int n;
    LLVMValueRef values = locals_snapshot(cg, &names, &n);
    LLVMValueRef args[5] = {vm_arg(cg), cg_load_temp(cg, in->a), cg_i64(cg, (uint64_t)n),
                            cg_ptr_const(cg, rt_as_tuple(names)->items), values};
    cg_value_call(cg, in, "rt_call_or_locals", args, 5);
}

static void emit_call(cg_function *cg, const ir_instr *in)
{
    if (in->nargs == 0 && cg_mentions_locals(cg->ir)) {
        emit_call_or_locals(cg, in);
        return;
    }
    int nkw;
    LLVMValueRef kwnames = kwnames_of(cg, in->imm, &nkw);
    if (nkw > in->nargs)
        cg_fail_at(cg, "%s: call names more keywords than it passes", cg->ir->qualname);
    LLVMValueRef args[5] = {vm_arg(cg), cg_load_temp(cg, in->a),
                            cg_i64(cg, (uint64_t)(in->nargs - nkw)),
                            args_array(cg, in->nargs, in->args), kwnames};
    if (nkw == 0)
        cg_emit_positional_call(cg, in, args[1], in->nargs, args[3]);
    else
        cg_value_call(cg, in, "rt_call", args, 5);
}

static void emit_call_method(cg_function *cg, const ir_instr *in)
{
    int nkw;
    LLVMValueRef kwnames = kwnames_of(cg, in->imm2, &nkw);
    if (nkw > in->nargs)
        cg_fail_at(cg, "%s: call names more keywords than it passes", cg->ir->qualname);
    LLVMValueRef args[6] = {vm_arg(cg),
                            cg_load_temp(cg, in->a),
                            const_name(cg, in->imm),
                            cg_i64(cg, (uint64_t)(in->nargs - nkw)),
                            args_array(cg, in->nargs, in->args),
                            kwnames};
    cg_value_call(cg, in, "rt_call_method", args, 6);
}

/* The def's annotations dict (docs/ir.md), when MAKE_FUNCTION has one. */
static void emit_annotations(cg_function *cg, const ir_instr *in)
{
    if (in->c >= 0) {
        LLVMValueRef set[2] = {cg_load_temp(cg, in->dst), cg_load_temp(cg, in->c)};
        cg_call(cg, "rt_function_set_annotations", set, 2);
    }
}

static void emit_make_function(cg_function *cg, const ir_instr *in)
{
    const ir_function *f = cg->ir;
    if (in->imm < 0 || in->imm >= f->nconsts || f->consts[in->imm].kind != IRC_CODE) {
        cg_fail_at(cg, "%s: MAKE_FUNCTION without a code constant", f->qualname);
        return;
    }
    rt_code *code = cg_code_of(cg, f->consts[in->imm].code);
    LLVMValueRef module = cg_globals_get(cg, cg_i64(cg, rt_str_intern(cg->u->vm, "__name__")));
    if (cg_emit_make_function_inline(cg, in, code, module)) {
        emit_annotations(cg, in);
        return;
    }
    LLVMValueRef args[8] = {vm_arg(cg),
                            cg_ptr_const(cg, code),
                            cg->globals,
                            cg_i64(cg, (uint64_t)in->nargs),
                            args_array(cg, in->nargs, in->args),
                            cg_load_opt(cg, in->a, 0),
                            cg_load_opt(cg, in->b, 0),
                            module};
    cg_value_call(cg, in, "rt_make_closure", args, 8);
    emit_annotations(cg, in);
}

/* ---- containers ---- */

static void emit_build(cg_function *cg, const ir_instr *in, const char *name)
{
    LLVMValueRef args[3] = {vm_arg(cg), cg_i64(cg, (uint64_t)in->nargs),
                            args_array(cg, in->nargs, in->args)};
    cg_value_call(cg, in, name, args, 3);
}

static void emit_build_dict(cg_function *cg, const ir_instr *in)
{
    if (in->nargs % 2 != 0) {
        cg_fail_at(cg, "%s: BUILD_DICT with an odd operand count", cg->ir->qualname);
        return;
    }
    LLVMValueRef dict = cg_call(cg, "rt_dict_new", NULL, 0);
    cg_check_value(cg, in, dict);
    for (int i = 0; i < in->nargs; i += 2) {
        LLVMValueRef args[4] = {vm_arg(cg), dict, cg_load_temp(cg, in->args[i]),
                                cg_load_temp(cg, in->args[i + 1])};
        cg_int_call(cg, in, "rt_dict_set", args, 4);
    }
    cg_store_temp(cg, in->dst, dict);
}

/* The TypeError CPython gives when LIST_EXTEND meets a non-iterable: the call's wording when
 * the list holds the positional arguments of `callee(*x)` (c is the callee), the display's
 * otherwise. Falls through to the failure target. */
static void raise_not_iterable(cg_function *cg, const ir_instr *in, LLVMValueRef x)
{
    static const char call_message[] = "%U argument after * must be an iterable, not %T";
    static const char display_message[] = "Value after * must be an iterable, not %T";
    cg_store_field(cg, cg->vm, offsetof(rt_vm, pending), cg_i64(cg, 0));
    LLVMValueRef args[5] = {vm_arg(cg), cg_ptr_const(cg, &rt_type_error_type),
                            cg_ptr_const(cg, display_message), x, NULL};
    if (in->c >= 0) {
        LLVMValueRef sargs[2] = {vm_arg(cg), cg_load_temp(cg, in->c)};
        LLVMValueRef fs = cg_call(cg, "rt_function_str", sargs, 2);
        LLVMBasicBlockRef format = cg_new_block(cg, "format");
        LLVMBuildCondBr(cg->b, is_zero(cg, fs), cg_fail_target(cg, in), format);
        LLVMPositionBuilderAtEnd(cg->b, format);
        args[2] = cg_ptr_const(cg, call_message);
        args[3] = fs;
        args[4] = x;
    }
    cg_call(cg, "rt_raise_format", args, in->c >= 0 ? 5 : 4);
    LLVMBuildBr(cg->b, cg_fail_target(cg, in));
}

/* LIST_EXTEND (star items of displays and calls): getting the iterator first tells "not
 * iterable", which CPython words for the construct, from errors while iterating. */
static void emit_list_extend(cg_function *cg, const ir_instr *in)
{
    LLVMValueRef x = cg_load_temp(cg, in->b);
    LLVMValueRef args[3] = {vm_arg(cg), x};
    LLVMValueRef it = cg_call(cg, "rt_get_iter", args, 2);
    LLVMBasicBlockRef bad = cg_new_block(cg, "not_iterable");
    LLVMBasicBlockRef good = cg_new_block(cg, "iterable");
    LLVMValueRef br = LLVMBuildCondBr(cg->b, is_zero(cg, it), bad, good);
    LLVMSetMetadata(br, cg->u->prof_kind, cg->u->unlikely);
    LLVMPositionBuilderAtEnd(cg->b, bad);
    raise_not_iterable(cg, in, x);

    LLVMPositionBuilderAtEnd(cg->b, good);
    args[1] = cg_load_temp(cg, in->a);
    args[2] = it;
    cg_int_call(cg, in, "rt_list_extend", args, 3);
}

/* a.op(b [, c]) on a container being built: LIST_APPEND ... DICT_MERGE. */
static void emit_container_update(cg_function *cg, const ir_instr *in, const char *name)
{
    LLVMValueRef args[4] = {vm_arg(cg), cg_load_temp(cg, in->a), cg_load_temp(cg, in->b), NULL};
    unsigned n = 3;
    if (in->op == IR_DICT_SET)
        args[n++] = cg_load_temp(cg, in->c);
    else if (in->op == IR_DICT_MERGE)
        args[n++] = cg_load_opt(cg, in->c, 0);
    cg_int_call(cg, in, name, args, n);
}

static void emit_unpack(cg_function *cg, const ir_instr *in)
{
    if (in->nargs <= 0) {
        cg_fail_at(cg, "%s: UNPACK without targets", cg->ir->qualname);
        return;
    }
    LLVMValueRef out = cg_array(cg, in->nargs, NULL);
    LLVMValueRef args[5] = {vm_arg(cg), cg_load_temp(cg, in->a), cg_i32(cg, in->nargs),
                            cg_i32(cg, in->imm), out};
    cg_int_call(cg, in, "rt_unpack_sequence", args, 5);
    for (int i = 0; i < in->nargs; i++)
        cg_store_temp(cg, in->args[i],
                      cg_load_field(cg, cg->u->i64, out, (size_t)i * sizeof(rt_value)));
}

/* ---- attributes and subscripts ---- */

static void emit_attr(cg_function *cg, const ir_instr *in)
{
    LLVMValueRef args[4] = {vm_arg(cg), cg_load_temp(cg, in->a), const_name(cg, in->imm), NULL};
    if (in->op == IR_GET_ATTR) {
        cg_value_call(cg, in, "rt_getattr", args, 3);
        return;
    }
    args[3] = in->op == IR_SET_ATTR ? cg_load_temp(cg, in->b) : cg_i64(cg, 0);
    cg_int_call(cg, in, "rt_setattr", args, 4);
}

static void emit_item(cg_function *cg, const ir_instr *in)
{
    LLVMValueRef args[4] = {vm_arg(cg), cg_load_temp(cg, in->a), cg_load_temp(cg, in->b), NULL};
    if (in->op == IR_GET_ITEM) {
        cg_value_call(cg, in, "rt_getitem", args, 3);
    } else if (in->op == IR_SET_ITEM) {
        args[3] = cg_load_temp(cg, in->c);
        cg_int_call(cg, in, "rt_setitem", args, 4);
    } else {
        cg_int_call(cg, in, "rt_delitem", args, 3);
    }
}

/* ---- exceptions ---- */

static void emit_raise(cg_function *cg, const ir_instr *in)
{
    if (in->a < 0) {
        LLVMValueRef vm = vm_arg(cg);
        cg_call(cg, "rt_reraise", &vm, 1);
    } else {
        LLVMValueRef args[3] = {vm_arg(cg), cg_load_temp(cg, in->a), cg_load_opt(cg, in->b, 0)};
        cg_call(cg, "rt_raise_stmt", args, 3);
    }
    cg_raise(cg, in);
}

static void emit_handling(cg_function *cg, const ir_instr *in)
{
    size_t at = offsetof(rt_vm, handling);
    if (in->op == IR_SET_HANDLING)
        cg_store_temp(cg, in->dst, cg_load_field(cg, cg->u->i64, cg->vm, at));
    cg_store_field(cg, cg->vm, at, cg_load_opt(cg, in->a, 0));
}

static void emit_exc_match(cg_function *cg, const ir_instr *in)
{
    LLVMValueRef args[3] = {vm_arg(cg), cg_load_temp(cg, in->a), cg_load_temp(cg, in->b)};
    LLVMValueRef r = cg_int_call(cg, in, "rt_exception_matches", args, 3);
    cg_store_temp(cg, in->dst,
                  cg_bool_value(cg, LLVMBuildICmp(cg->b, LLVMIntNE, r, cg_i32(cg, 0), "")));
}

/* ---- dispatch ---- */

/* frame->line for tracebacks, stored before an op that can fail when it changes. */
static void store_line(cg_function *cg, const ir_instr *in)
{
    if (!ir_op_can_fail(in->op) || in->loc.line == cg->last_line)
        return;
    cg_store_field(cg, cg->frame, offsetof(rt_frame, line), cg_i32(cg, in->loc.line));
    cg->last_line = in->loc.line;
}

void cg_instr(cg_function *cg, const ir_instr *in)
{
    if (cg->nforwards > 0 && cg_forward_instr(cg, in))
        return;
    cg_instr_plain(cg, in);
}

void cg_instr_plain(cg_function *cg, const ir_instr *in)
{
    store_line(cg, in);
    LLVMValueRef vm = vm_arg(cg);
    switch (in->op) {
    case IR_CONST: cg_store_temp(cg, in->dst, const_value(cg, in->imm)); break;
    case IR_MOVE: cg_store_temp(cg, in->dst, cg_load_temp(cg, in->a)); break;
    case IR_LOAD_LOCAL: emit_load_local(cg, in); break;
    case IR_STORE_LOCAL:
        LLVMBuildStore(cg->b, cg_load_temp(cg, in->a), slot_ref(cg, in->imm));
        break;
    case IR_DELETE_LOCAL: emit_delete_local(cg, in); break;
    case IR_MAKE_CELL:
    case IR_LOAD_DEREF:
    case IR_STORE_DEREF:
    case IR_DELETE_DEREF:
    case IR_LOAD_CLOSURE:
    case IR_LOAD_CAPTURED: emit_cell_op(cg, in); break;
    case IR_LOAD_GLOBAL:
    case IR_STORE_GLOBAL:
    case IR_DELETE_GLOBAL: emit_global_op(cg, in); break;
    case IR_SETUP_ANNOTATIONS: {
        LLVMValueRef args[2] = {vm, cg->globals};
        cg_check_int(cg, in, cg_call(cg, "rt_setup_annotations", args, 2));
        break;
    }
    case IR_BINARY: cg_emit_binary(cg, in); break;
    case IR_UNARY: cg_emit_unary(cg, in); break;
    case IR_COMPARE: emit_compare(cg, in); break;
    case IR_JUMP: cg_jump(cg, cg_block_of(cg, in->target)); break;
    case IR_BRANCH: emit_branch(cg, in); break;
    case IR_RETURN: emit_return(cg, in); break;
    case IR_CALL: emit_call(cg, in); break;
    case IR_CALL_EX: cg_emit_call_ex(cg, in); break;
    case IR_CALL_METHOD: emit_call_method(cg, in); break;
    case IR_GET_ATTR:
    case IR_SET_ATTR:
    case IR_DEL_ATTR: emit_attr(cg, in); break;
    case IR_GET_ITEM:
    case IR_SET_ITEM:
    case IR_DEL_ITEM: emit_item(cg, in); break;
    case IR_BUILD_SLICE: {
        LLVMValueRef args[4] = {vm, cg_load_opt(cg, in->a, RT_NONE),
                                cg_load_opt(cg, in->b, RT_NONE), cg_load_opt(cg, in->c, RT_NONE)};
        cg_value_call(cg, in, "rt_slice_new", args, 4);
        break;
    }
    case IR_BUILD_TUPLE: emit_build(cg, in, "rt_tuple_from_array"); break;
    case IR_BUILD_LIST: emit_build(cg, in, "rt_list_from_array"); break;
    case IR_BUILD_SET: /* a display of constants is built as CPython's compiler does */
        emit_build(cg, in,
                   in->imm == IR_SET_CONSTANTS ? "rt_set_from_constants"
                   : in->imm == IR_SET_FROZEN  ? "rt_frozenset_from_constants"
                                               : "rt_set_from_array");
        break;
    case IR_BUILD_DICT: emit_build_dict(cg, in); break;
    case IR_LIST_APPEND: emit_container_update(cg, in, "rt_list_append"); break;
    case IR_LIST_EXTEND: emit_list_extend(cg, in); break;
    case IR_SET_ADD: emit_container_update(cg, in, "rt_set_add"); break;
    case IR_SET_UPDATE: emit_container_update(cg, in, "rt_set_update"); break;
    case IR_DICT_SET: emit_container_update(cg, in, "rt_dict_set"); break;
    case IR_DICT_UPDATE: emit_container_update(cg, in, "rt_dict_update"); break;
    case IR_DICT_MERGE: emit_container_update(cg, in, "rt_dict_merge_kwargs"); break;
    case IR_LIST_TO_TUPLE: {
        LLVMValueRef args[2] = {vm, cg_load_temp(cg, in->a)};
        cg_store_temp(cg, in->dst, cg_call(cg, "rt_list_to_tuple", args, 2));
        break;
    }
    case IR_GET_ITER: cg_emit_get_iter(cg, in); break;
    case IR_FOR_ITER: emit_for_iter(cg, in); break;
    case IR_UNPACK: emit_unpack(cg, in); break;
    case IR_MAKE_FUNCTION: emit_make_function(cg, in); break;
    case IR_RAISE: emit_raise(cg, in); break;
    case IR_FETCH_EXC: cg_store_temp(cg, in->dst, cg_call(cg, "rt_fetch", &vm, 1)); break;
    case IR_EXC_MATCH: emit_exc_match(cg, in); break;
    case IR_SET_HANDLING:
    case IR_RESTORE_HANDLING: emit_handling(cg, in); break;
    case IR_RERAISE: {
        LLVMValueRef args[2] = {vm, cg_load_temp(cg, in->a)};
        cg_call(cg, "rt_restore", args, 2);
        cg_raise(cg, in);
        break;
    }
    case IR_IMPORT_NAME: {
        LLVMValueRef args[2] = {vm, const_name(cg, in->imm)};
        cg_value_call(cg, in, "rt_import_name", args, 2);
        break;
    }
    case IR_IMPORT_FROM: {
        LLVMValueRef args[3] = {vm, cg_load_temp(cg, in->a), const_name(cg, in->imm)};
        cg_value_call(cg, in, "rt_import_from", args, 3);
        break;
    }
    case IR_FORMAT_VALUE: {
        LLVMValueRef args[4] = {vm, cg_load_temp(cg, in->a), cg_i32(cg, in->imm),
                                cg_load_opt(cg, in->b, 0)};
        cg_value_call(cg, in, "rt_format_value", args, 4);
        break;
    }
    case IR_BUILD_STRING: emit_build(cg, in, "rt_build_string"); break;
    case IR_ASSERT_FAIL: {
        LLVMValueRef args[2] = {vm, cg_load_opt(cg, in->a, 0)};
        cg_call(cg, "rt_raise_assertion", args, 2);
        cg_raise(cg, in);
        break;
    }
    case IR_OP_COUNT:
    default: cg_fail_at(cg, "%s: unknown IR operation %d", cg->ir->qualname, (int)in->op); break;
    }
}
