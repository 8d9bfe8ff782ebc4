/* Closure conversion, expression half: every expression becomes instructions that leave its
 * value in a temp, in CPython 3.11's evaluation order; short-circuit operators become control
 * flow; each comprehension becomes a nested function called with its first iterator. */
#include "lower.h"

#include <string.h>

/* CPython 3.11 reports an attribute access on the line where the attribute's name is
 * (compile.c sets u_lineno to end_lineno for LOAD_ATTR / STORE_ATTR / DELETE_ATTR). */
ast_loc lower_attr_loc(const ast_expr *e)
{
    ast_loc loc = e->loc;
    if (loc.end_line > 0)
        loc.line = loc.end_line;
    return loc;
}

static void move(lower_state *L, int dst, int src, ast_loc loc)
{
    ir_instr *in = lower_emit(L, IR_MOVE, loc);
    in->dst = dst;
    in->a = src;
}

/* dst = op(args...) for the BUILD_* family. */
static int build(lower_state *L, ir_op op, int *items, int n, ast_loc loc)
{
    return lower_op_args(L, op, items, n, loc)->dst;
}

static int *lower_each(lower_state *L, const ast_expr_list *elts, int first, int n)
{
    int *items = lower_args(L, n);
    for (int i = 0; i < n; i++)
        items[i] = lower_expr(L, elts->items[first + i]);
    return items;
}

/* ---- Constants --------------------------------------------------------------------------- */

static ir_const const_of(const ast_constant *c)
{
    switch (c->kind) {
    case CONST_NONE: return (ir_const){.kind = IRC_NONE};
    case CONST_TRUE: return (ir_const){.kind = IRC_TRUE};
    case CONST_FALSE: return (ir_const){.kind = IRC_FALSE};
    case CONST_ELLIPSIS: return (ir_const){.kind = IRC_ELLIPSIS};
    case CONST_INT: return (ir_const){.kind = IRC_INT, .int_digits = c->int_digits};
    case CONST_FLOAT: return (ir_const){.kind = IRC_FLOAT, .float_value = c->float_value};
    case CONST_STR: break;
    }
    return (ir_const){.kind = IRC_STR, .str = c->str, .str_len = c->str_len};
}

/* The truth value of a constant, for conditions CPython folds (`while True:`). */
static bool const_truth(const ast_constant *c)
{
    switch (c->kind) {
    case CONST_NONE:
    case CONST_FALSE: return false;
    case CONST_TRUE:
    case CONST_ELLIPSIS: return true;
    case CONST_INT: return strspn(c->int_digits, "0") != strlen(c->int_digits);
    case CONST_FLOAT: return c->float_value != 0.0;
    case CONST_STR: return c->str_len != 0;
    }
    return true;
}

/* -<number literal> is a constant, as CPython's AST optimizer makes it. */
static bool fold_negation(lower_state *L, const ast_expr *e, int *result)
{
    const ast_expr *operand = e->as.unary_op.operand;
    if (e->as.unary_op.op != UNARY_USUB || operand->kind != EXPR_CONSTANT)
        return false;
    ir_const c = const_of(&operand->as.constant);
    if (c.kind == IRC_FLOAT) {
        c.float_value = -c.float_value;
    } else if (c.kind == IRC_INT) {
        if (strspn(c.int_digits, "0") != strlen(c.int_digits))
            c.int_digits = arena_printf(L->arena, "-%s", c.int_digits);
    } else {
        return false;
    }
    *result = lower_const(L, c, e->loc);
    return true;
}

/* ---- Operators ----------------------------------------------------------------------------- */

static int lower_unary(lower_state *L, const ast_expr *e)
{
    int folded;
    if (fold_negation(L, e, &folded))
        return folded;
    /* ast_unary_op to enum rt_unary_op */
    static const int ops[] = {[UNARY_INVERT] = RT_INVERT,
                              [UNARY_NOT] = RT_NOT,
                              [UNARY_UADD] = RT_POS,
                              [UNARY_USUB] = RT_NEG};
    int operand = lower_expr(L, e->as.unary_op.operand);
    return lower_op(L, IR_UNARY, operand, -1, ops[e->as.unary_op.op], e->loc);
}

/* a and b / a or b: the value of the operand that decided, not a bool. */
static int lower_bool_op(lower_state *L, const ast_expr *e)
{
    const ast_expr_list *values = &e->as.bool_op.values;
    int result = ir_new_temp(L->f);
    ir_block *done = lower_block(L);
    for (int i = 0; i < values->count; i++) {
        move(L, result, lower_expr(L, values->items[i]), e->loc);
        if (i == values->count - 1)
            break;
        ir_block *next = lower_block(L);
        if (e->as.bool_op.op == BOOL_AND)
            lower_branch(L, result, next, done, values->items[i]->loc);
        else
            lower_branch(L, result, done, next, values->items[i]->loc);
        lower_start(L, next);
    }
    lower_start(L, done);
    return result;
}

/* Comparator i of a comparison; the last one, when it is the right operand of `in` or `not in`,
 * is an iterable as CPython's fold_compare sees it. */
static int comparator(lower_state *L, const ast_expr *e, int i)
{
    const ast_expr_list *rights = &e->as.compare.comparators;
    ast_cmp_op op = e->as.compare.ops[i];
    if (i == rights->count - 1 && (op == CMP_IN || op == CMP_NOTIN))
        return lower_iterable(L, rights->items[i]);
    return lower_expr(L, rights->items[i]);
}

/* a < b < c: b is evaluated once, and c not at all when a < b is false. */
static int lower_compare(lower_state *L, const ast_expr *e)
{
    const ast_expr_list *rights = &e->as.compare.comparators;
    int left = lower_expr(L, e->as.compare.left);
    if (rights->count == 1)
        return lower_op(L, IR_COMPARE, left, comparator(L, e, 0), (int)e->as.compare.ops[0],
                        e->loc);
    int result = ir_new_temp(L->f);
    ir_block *done = lower_block(L);
    for (int i = 0; i < rights->count; i++) {
        int right = comparator(L, e, i);
        move(L, result, lower_op(L, IR_COMPARE, left, right, (int)e->as.compare.ops[i], e->loc),
             e->loc);
        if (i == rights->count - 1)
            break;
        ir_block *next = lower_block(L);
        lower_branch(L, result, next, done, e->loc);
        lower_start(L, next);
        left = right;
    }
    lower_start(L, done);
    return result;
}

/* Jumps to if_true or if_false on the truth of e, short-circuiting through and/or/not without
 * materialising their values (CPython's compiler_jump_if). */
void lower_cond(lower_state *L, const ast_expr *e, ir_block *if_true, ir_block *if_false)
{
    if (e->kind == EXPR_UNARY_OP && e->as.unary_op.op == UNARY_NOT) {
        lower_cond(L, e->as.unary_op.operand, if_false, if_true);
    } else if (e->kind == EXPR_BOOL_OP) {
        const ast_expr_list *values = &e->as.bool_op.values;
        bool is_and = e->as.bool_op.op == BOOL_AND;
        for (int i = 0; i < values->count - 1; i++) {
            ir_block *next = lower_block(L);
            lower_cond(L, values->items[i], is_and ? next : if_true, is_and ? if_false : next);
            lower_start(L, next);
        }
        lower_cond(L, values->items[values->count - 1], if_true, if_false);
    } else if (e->kind == EXPR_CONSTANT) {
        lower_jump(L, const_truth(&e->as.constant) ? if_true : if_false, e->loc);
    } else {
        lower_branch(L, lower_expr(L, e), if_true, if_false, e->loc);
    }
}

static int lower_if_exp(lower_state *L, const ast_expr *e)
{
    int result = ir_new_temp(L->f);
    ir_block *body = lower_block(L), *orelse = lower_block(L), *done = lower_block(L);
    lower_cond(L, e->as.if_exp.test, body, orelse);
    lower_start(L, body);
    move(L, result, lower_expr(L, e->as.if_exp.body), e->loc);
    lower_jump(L, done, e->loc);
    lower_start(L, orelse);
    move(L, result, lower_expr(L, e->as.if_exp.orelse), e->loc);
    lower_start(L, done);
    return result;
}

/* ---- Displays ---------------------------------------------------------------------------- */

typedef enum seq_kind { SEQ_LIST, SEQ_TUPLE, SEQ_SET } seq_kind;

/* What CPython's AST optimizer (ast_opt.c) turns into a constant, by kind: 'i' an int or
 * bool, 'f' a float, 'o' any other constant (a str, None, ..., or a tuple of constants), 0 not
 * a constant. Literals fold, and so do unary operators on them that succeed and tuples of
 * them. Binary operators are not followed (see docs/ir.md). */
static char folded_kind(const ast_expr *e)
{
    if (e->kind == EXPR_CONSTANT) {
        ast_const_kind k = e->as.constant.kind;
        return k == CONST_INT || k == CONST_TRUE || k == CONST_FALSE ? 'i'
               : k == CONST_FLOAT                                    ? 'f'
                                                                     : 'o';
    }
    if (e->kind == EXPR_UNARY_OP) {
        char k = folded_kind(e->as.unary_op.operand);
        switch (e->as.unary_op.op) {
        case UNARY_NOT: return k ? 'i' : 0;
        case UNARY_INVERT: return k == 'i' ? 'i' : 0;
        case UNARY_UADD:
        case UNARY_USUB: return k == 'i' || k == 'f' ? k : 0;
        }
    }
    if (e->kind == EXPR_TUPLE) {
        for (int i = 0; i < e->as.list.elts.count; i++)
            if (!folded_kind(e->as.list.elts.items[i]))
                return 0;
        return 'o';
    }
    return 0;
}

static bool all_constant(const ast_expr_list *elts)
{
    for (int i = 0; i < elts->count; i++)
        if (!folded_kind(elts->items[i]))
            return false;
    return true;
}

/* [a, *b, c] and friends, as CPython's starunpack_helper: without a star, one BUILD; with one,
 * the elements before the first star are built, then each later one is appended or extended,
 * and a tuple is converted from the list at the end. `callee` goes into LIST_EXTEND's c for
 * the message of f(*x) (see docs/ir.md). */
static int build_seq(lower_state *L, const ast_expr_list *elts, seq_kind kind, ast_loc loc,
                     int callee)
{
    int first_star = -1;
    for (int i = 0; i < elts->count && first_star < 0; i++)
        if (elts->items[i]->kind == EXPR_STARRED)
            first_star = i;
    int n = first_star < 0 ? elts->count : first_star;
    ir_op op = kind == SEQ_SET                       ? IR_BUILD_SET
               : kind == SEQ_TUPLE && first_star < 0 ? IR_BUILD_TUPLE
                                                     : IR_BUILD_LIST;
    int seq = build(L, op, lower_each(L, elts, 0, n), n, loc);
    if (first_star < 0)
        return seq;
    for (int i = first_star; i < elts->count; i++) {
        const ast_expr *elt = elts->items[i];
        bool star = elt->kind == EXPR_STARRED;
        int value = lower_expr(L, star ? elt->as.starred.value : elt);
        ir_op add = kind == SEQ_SET ? (star ? IR_SET_UPDATE : IR_SET_ADD)
                                    : (star ? IR_LIST_EXTEND : IR_LIST_APPEND);
        ir_instr *in = lower_emit(L, add, loc);
        in->a = seq;
        in->b = value;
        in->c = star ? callee : -1;
    }
    return kind == SEQ_TUPLE ? lower_op(L, IR_LIST_TO_TUPLE, seq, -1, -1, loc) : seq;
}

/* {a, b, c} as BUILD_SET of its items, marked (imm) the way CPython compiles it when every
 * item is a constant: a frozenset constant where the optimizer's fold_iter makes one (`frozen`:
 * `for x in {...}`, `x in {...}`), else from three items on BUILD_SET 0 + SET_UPDATE of a
 * frozenset constant (starunpack_helper). Each order of building can iterate differently. */
static int lower_set(lower_state *L, const ast_expr *e, bool frozen)
{
    const ast_expr_list *elts = &e->as.set.elts;
    if (!all_constant(elts) || (!frozen && elts->count < 3))
        return build_seq(L, elts, SEQ_SET, e->loc, -1);
    ir_instr *in =
        lower_op_args(L, IR_BUILD_SET, lower_each(L, elts, 0, elts->count), elts->count, e->loc);
    in->imm = frozen ? IR_SET_FROZEN : IR_SET_CONSTANTS;
    return in->dst;
}

/* The iterable of a for loop or comprehension, or the right operand of `in` / `not in`: a set
 * display of constants there is a frozenset constant in CPython. */
int lower_iterable(lower_state *L, const ast_expr *e)
{
    return e->kind == EXPR_SET ? lower_set(L, e, true) : lower_expr(L, e);
}

/* One BUILD_DICT of keys[first..end) (all plain key: value entries). */
static int build_dict_run(lower_state *L, const ast_expr *e, int first, int end)
{
    int *items = lower_args(L, 2 * (end - first));
    for (int i = first; i < end; i++) {
        items[2 * (i - first)] = lower_expr(L, e->as.dict.keys[i]);
        items[2 * (i - first) + 1] = lower_expr(L, e->as.dict.values[i]);
    }
    return build(L, IR_BUILD_DICT, items, 2 * (end - first), e->loc);
}

/* {k: v, **m, ...}: runs of key: value pairs are built whole and merged in order
 * (CPython's compiler_dict), so keys hash after their run's values are evaluated. */
static int lower_dict(lower_state *L, const ast_expr *e)
{
    int dict = -1, run = 0;
    for (int i = 0; i <= e->as.dict.count; i++) {
        bool unpack = i < e->as.dict.count && !e->as.dict.keys[i];
        if (i < e->as.dict.count && !unpack) {
            run++;
            continue;
        }
        if (run > 0 || dict < 0) {
            int part = build_dict_run(L, e, i - run, i);
            if (dict < 0)
                dict = part;
            else
                lower_effect(L, IR_DICT_UPDATE, dict, part, -1, e->loc);
            run = 0;
        }
        if (unpack)
            lower_effect(L, IR_DICT_UPDATE, dict, lower_expr(L, e->as.dict.values[i]), -1, e->loc);
    }
    return dict;
}

/* ---- Calls ------------------------------------------------------------------------------- */

static bool has_unpacking(const ast_expr *call)
{
    for (int i = 0; i < call->as.call.args.count; i++)
        if (call->as.call.args.items[i]->kind == EXPR_STARRED)
            return true;
    for (int i = 0; i < call->as.call.nkeywords; i++)
        if (!call->as.call.keywords[i].arg)
            return true;
    return false;
}

/* The kwnames constant of a call with keyword arguments, or -1. */
static int kwnames_const(lower_state *L, const ast_expr *call)
{
    int n = call->as.call.nkeywords;
    if (n == 0)
        return -1;
    const char **names = arena_alloc(L->arena, (size_t)n * sizeof *names);
    for (int i = 0; i < n; i++)
        names[i] = call->as.call.keywords[i].arg;
    return ir_add_const(L->arena, L->f, (ir_const){.kind = IRC_NAMES, .names = names, .nnames = n});
}

/* CALL / CALL_METHOD of `target`: positional values then keyword values as operands. */
static int emit_call(lower_state *L, ir_op op, int target, int imm, int imm2, const ast_expr *call)
{
    int npos = call->as.call.args.count, nkw = call->as.call.nkeywords;
    int *items = lower_args(L, npos + nkw);
    for (int i = 0; i < npos; i++)
        items[i] = lower_expr(L, call->as.call.args.items[i]);
    for (int i = 0; i < nkw; i++)
        items[npos + i] = lower_expr(L, call->as.call.keywords[i].value);
    ir_instr *in = lower_op_args(L, op, items, npos + nkw, call->loc);
    in->a = target;
    in->imm = imm;
    in->imm2 = imm2;
    return in->dst;
}

/* One BUILD_DICT of the keyword arguments [first, end) of a call. */
static int kwargs_run(lower_state *L, const ast_expr *call, int first, int end)
{
    int *items = lower_args(L, 2 * (end - first));
    for (int i = first; i < end; i++) {
        const ast_keyword *kw = &call->as.call.keywords[i];
        items[2 * (i - first)] = lower_str(L, kw->arg, kw->loc);
        items[2 * (i - first) + 1] = lower_expr(L, kw->value);
    }
    return build(L, IR_BUILD_DICT, items, 2 * (end - first), call->loc);
}

/* The kwargs dict of f(..., k=v, **m, ...): runs of k=v are built whole and every part is
 * merged with DICT_MERGE, so a repeated keyword raises "f() got multiple values for keyword
 * argument 'k'" as in CPython's compiler_call_helper. -1 when there are no keywords. */
static int call_kwargs(lower_state *L, const ast_expr *call, int callee)
{
    int kwargs = -1, run = 0, n = call->as.call.nkeywords;
    for (int i = 0; i <= n; i++) {
        bool unpack = i < n && !call->as.call.keywords[i].arg;
        if (i < n && !unpack) {
            run++;
            continue;
        }
        if (run > 0 || (unpack && kwargs < 0)) {
            int part = kwargs_run(L, call, i - run, i);
            if (kwargs < 0)
                kwargs = part;
            else
                lower_effect(L, IR_DICT_MERGE, kwargs, part, -1, call->loc)->c = callee;
            run = 0;
        }
        if (unpack) {
            int m = lower_expr(L, call->as.call.keywords[i].value);
            ir_instr *in = lower_emit(L, IR_DICT_MERGE, call->loc);
            in->a = kwargs;
            in->b = m;
            in->c = callee;
        }
    }
    return kwargs;
}

/* f(*args, **kwargs) in general: a tuple of the positional arguments and a dict of the rest. */
static int lower_call_ex(lower_state *L, const ast_expr *call, int callee)
{
    const ast_expr_list *args = &call->as.call.args;
    bool only_star = args->count == 1 && args->items[0]->kind == EXPR_STARRED;
    int pos = build_seq(L, args, SEQ_TUPLE, call->loc, only_star ? callee : -1);
    int kwargs = call_kwargs(L, call, callee);
    ir_instr *in = lower_emit(L, IR_CALL_EX, call->loc);
    in->dst = ir_new_temp(L->f);
    in->a = callee;
    in->b = pos;
    in->c = kwargs;
    return in->dst;
}

/* f(a, k=v) is CALL; obj.name(a, k=v) is CALL_METHOD; any *x or **m makes it CALL_EX. */
static int lower_call(lower_state *L, const ast_expr *e)
{
    const ast_expr *func = e->as.call.func;
    bool unpacking = has_unpacking(e);
    if (func->kind == EXPR_ATTRIBUTE && !unpacking) {
        int obj = lower_expr(L, func->as.attribute.value);
        int name = lower_str_const_index(L, func->as.attribute.attr);
        return emit_call(L, IR_CALL_METHOD, obj, name, kwnames_const(L, e), e);
    }
    int callee = lower_expr(L, func);
    if (unpacking)
        return lower_call_ex(L, e, callee);
    return emit_call(L, IR_CALL, callee, kwnames_const(L, e), -1, e);
}

/* ---- Comprehensions ------------------------------------------------------------------------ */

/* The element step of the innermost loop: append / add / set the item on the result. */
static void comp_element(lower_state *C, const ast_expr *e, int result)
{
    if (e->kind == EXPR_DICT_COMP) {
        int key = lower_expr(C, e->as.comp.key);
        int value = lower_expr(C, e->as.comp.value);
        ir_instr *in = lower_emit(C, IR_DICT_SET, e->loc);
        in->a = result;
        in->b = key;
        in->c = value;
        return;
    }
    int value = lower_expr(C, e->as.comp.elt);
    ir_op op = e->kind == EXPR_SET_COMP ? IR_SET_ADD : IR_LIST_APPEND;
    lower_effect(C, op, result, value, -1, e->loc);
}

/* The slot of the comprehension's parameter `.0` (its first iterator). */
static int dot_zero_slot(const scope *s)
{
    int index;
    return scope_resolve(s, ".0", &index) == BINDING_LOCAL ? index : 0;
}

/* Loop `index` of a comprehension, with the loops after it nested inside. The first loop
 * iterates the `.0` parameter; later ones evaluate their iterable here, in the function. */
static void comp_loop(lower_state *C, const ast_expr *e, int index, int result)
{
    const ast_comprehension *gen = &e->as.comp.generators[index];
    int it;
    if (index == 0)
        it = lower_op(C, IR_LOAD_LOCAL, -1, -1, dot_zero_slot(C->s), e->loc);
    else
        it = lower_op(C, IR_GET_ITER, lower_iterable(C, gen->iter), -1, -1, e->loc);
    ir_block *head = lower_block(C), *body = lower_block(C), *exit = lower_block(C);
    lower_start(C, head);
    ir_instr *next = lower_emit(C, IR_FOR_ITER, e->loc);
    int item = next->dst = ir_new_temp(C->f);
    next->a = it;
    next->target = exit;
    next->target2 = body;
    lower_start(C, body);
    lower_store(C, gen->target, item);
    for (int i = 0; i < gen->ifs.count; i++) {
        ir_block *pass = lower_block(C);
        lower_cond(C, gen->ifs.items[i], pass, head);
        lower_start(C, pass);
    }
    if (index + 1 < e->as.comp.ngenerators)
        comp_loop(C, e, index + 1, result);
    else
        comp_element(C, e, result);
    lower_jump(C, head, e->loc);
    lower_start(C, exit);
}

/* [elt for ...] and friends: a function of one parameter `.0`, made into a closure here and
 * called at once with iter() of the first iterable, which is evaluated in this scope. A
 * generator expression builds its items eagerly (no generators yet) and returns an iterator
 * over them. */
static int lower_comprehension(lower_state *L, const ast_expr *e)
{
    lower_state C;
    lower_begin_function(&C, L, e->as.comp.scope, e->loc.line);
    ir_op op = e->kind == EXPR_SET_COMP    ? IR_BUILD_SET
               : e->kind == EXPR_DICT_COMP ? IR_BUILD_DICT
                                           : IR_BUILD_LIST;
    int result = build(&C, op, NULL, 0, e->loc);
    comp_loop(&C, e, 0, result);
    if (e->kind == EXPR_GENERATOR_EXP)
        result = lower_op(&C, IR_GET_ITER, result, -1, -1, e->loc);
    lower_effect(&C, IR_RETURN, result, -1, -1, e->loc);
    lower_finish_function(&C);

    int fn = lower_make_closure(L, &C, -1, -1, -1, e->loc);
    int iterable = lower_iterable(L, e->as.comp.generators[0].iter);
    int it = lower_op(L, IR_GET_ITER, iterable, -1, -1, e->loc);
    return lower_call1(L, fn, it, e->loc);
}

/* ---- f-strings --------------------------------------------------------------------------- */

/* {value!conversion:spec}: the value, then the spec (itself an f-string), then FORMAT_VALUE. */
static int lower_formatted_value(lower_state *L, const ast_expr *e)
{
    int value = lower_expr(L, e->as.formatted_value.value);
    int spec = -1;
    if (e->as.formatted_value.format_spec)
        spec = lower_expr(L, e->as.formatted_value.format_spec);
    int conversion = e->as.formatted_value.conversion;
    return lower_op(L, IR_FORMAT_VALUE, value, spec, conversion < 0 ? 0 : conversion, e->loc);
}

/* A one-part f-string is that part (already a str); otherwise BUILD_STRING joins the parts. */
static int lower_joined_str(lower_state *L, const ast_expr *e)
{
    const ast_expr_list *parts = &e->as.joined_str.values;
    if (parts->count == 1)
        return lower_expr(L, parts->items[0]);
    return build(L, IR_BUILD_STRING, lower_each(L, parts, 0, parts->count), parts->count, e->loc);
}

/* ---- Dispatch ------------------------------------------------------------------------------ */

static int lower_slice(lower_state *L, const ast_expr *e)
{
    ir_instr *in;
    int lower = e->as.slice.lower ? lower_expr(L, e->as.slice.lower) : -1;
    int upper = e->as.slice.upper ? lower_expr(L, e->as.slice.upper) : -1;
    int step = e->as.slice.step ? lower_expr(L, e->as.slice.step) : -1;
    in = lower_emit(L, IR_BUILD_SLICE, e->loc);
    in->dst = ir_new_temp(L->f);
    in->a = lower;
    in->b = upper;
    in->c = step;
    return in->dst;
}

int lower_expr(lower_state *L, const ast_expr *e)
{
    switch (e->kind) {
    case EXPR_BOOL_OP: return lower_bool_op(L, e);
    case EXPR_BIN_OP: {
        int left = lower_expr(L, e->as.bin_op.left);
        int right = lower_expr(L, e->as.bin_op.right);
        return lower_op(L, IR_BINARY, left, right, (int)e->as.bin_op.op, e->loc);
    }
    case EXPR_UNARY_OP: return lower_unary(L, e);
    case EXPR_LAMBDA: return lower_lambda(L, e);
    case EXPR_IF_EXP: return lower_if_exp(L, e);
    case EXPR_DICT: return lower_dict(L, e);
    case EXPR_SET: return lower_set(L, e, false);
    case EXPR_LIST_COMP:
    case EXPR_SET_COMP:
    case EXPR_DICT_COMP:
    case EXPR_GENERATOR_EXP: return lower_comprehension(L, e);
    case EXPR_COMPARE: return lower_compare(L, e);
    case EXPR_CALL: return lower_call(L, e);
    case EXPR_FORMATTED_VALUE: return lower_formatted_value(L, e);
    case EXPR_JOINED_STR: return lower_joined_str(L, e);
    case EXPR_CONSTANT: return lower_const(L, const_of(&e->as.constant), e->loc);
    case EXPR_ATTRIBUTE: {
        int obj = lower_expr(L, e->as.attribute.value);
        return lower_op(L, IR_GET_ATTR, obj, -1, lower_str_const_index(L, e->as.attribute.attr),
                        lower_attr_loc(e));
    }
    case EXPR_SUBSCRIPT: {
        int obj = lower_expr(L, e->as.subscript.value);
        int key = lower_expr(L, e->as.subscript.slice);
        return lower_op(L, IR_GET_ITEM, obj, key, -1, e->loc);
    }
    case EXPR_STARRED:
        lower_error(L, "SyntaxError", e->loc, "can't use starred expression here");
        return lower_none(L, e->loc);
    case EXPR_NAME: return lower_load_name(L, e->as.name.id, e->loc);
    case EXPR_LIST: return build_seq(L, &e->as.list.elts, SEQ_LIST, e->loc, -1);
    case EXPR_TUPLE: return build_seq(L, &e->as.list.elts, SEQ_TUPLE, e->loc, -1);
    case EXPR_SLICE: return lower_slice(L, e);
    }
    return lower_none(L, e->loc);
}
