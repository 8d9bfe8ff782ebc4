/* Closure conversion, statement half: turns each function's statements into a control-flow graph
 * of IR, with cells for captured variables, explicit closures, and explicit exception edges. The
 * frame-block stack follows CPython's compiler (compile.c) so return/break/continue run finally
 * bodies and restore the handled exception exactly where CPython does. */
#include "lower.h"

#include <string.h>

/* ---- Emitting ---------------------------------------------------------------------------- */

static bool is_terminator(ir_op op)
{
    return op == IR_JUMP || op == IR_BRANCH || op == IR_RETURN || op == IR_RAISE ||
           op == IR_RERAISE || op == IR_FOR_ITER || op == IR_ASSERT_FAIL;
}

/* Code after a terminator (`return; x = 1`) still gets lowered, into a block nothing jumps to,
 * so its compile-time errors are found as CPython finds them; such blocks are pruned at the
 * end of the function. */
ir_instr *lower_emit(lower_state *L, ir_op op, ast_loc loc)
{
    if (!L->cur)
        L->cur = ir_new_block(L->arena, L->f);
    ir_instr *in = ir_emit(L->arena, L->cur, op);
    in->loc = loc;
    if (ir_op_can_fail(op))
        in->handler = L->handler;
    if (is_terminator(op))
        L->cur = NULL;
    return in;
}

ir_instr *lower_effect(lower_state *L, ir_op op, int a, int b, int imm, ast_loc loc)
{
    ir_instr *in = lower_emit(L, op, loc);
    in->a = a;
    in->b = b;
    in->imm = imm;
    return in;
}

int lower_op(lower_state *L, ir_op op, int a, int b, int imm, ast_loc loc)
{
    ir_instr *in = lower_effect(L, op, a, b, imm, loc);
    return in->dst = ir_new_temp(L->f);
}

ir_instr *lower_op_args(lower_state *L, ir_op op, int *items, int n, ast_loc loc)
{
    ir_instr *in = lower_emit(L, op, loc);
    in->dst = ir_new_temp(L->f);
    in->args = items;
    in->nargs = n;
    return in;
}

int lower_call1(lower_state *L, int callee, int arg, ast_loc loc)
{
    int *args = lower_args(L, 1);
    args[0] = arg;
    ir_instr *in = lower_op_args(L, IR_CALL, args, 1, loc);
    in->a = callee;
    return in->dst;
}

int *lower_args(lower_state *L, int n)
{
    return n > 0 ? arena_alloc(L->arena, (size_t)n * sizeof(int)) : NULL;
}

ir_block *lower_block(lower_state *L) { return ir_new_block(L->arena, L->f); }

/* The location of the code just emitted, for the jumps and returns that follow it. */
static ast_loc last_loc(const lower_state *L)
{
    return L->cur->ninstrs ? L->cur->instrs[L->cur->ninstrs - 1].loc : (ast_loc){0};
}

/* Continues in `b`, falling through to it from the current block if that is still open. */
void lower_start(lower_state *L, ir_block *b)
{
    if (L->cur && L->cur != b)
        lower_jump(L, b, last_loc(L));
    L->cur = b;
}

void lower_jump(lower_state *L, ir_block *target, ast_loc loc)
{
    if (L->cur)
        lower_emit(L, IR_JUMP, loc)->target = target;
}

void lower_branch(lower_state *L, int cond, ir_block *if_true, ir_block *if_false, ast_loc loc)
{
    ir_instr *in = lower_emit(L, IR_BRANCH, loc);
    in->a = cond;
    in->target = if_true;
    in->target2 = if_false;
}

int lower_const(lower_state *L, ir_const c, ast_loc loc)
{
    return lower_op(L, IR_CONST, -1, -1, ir_add_const(L->arena, L->f, c), loc);
}

int lower_str_const_index(lower_state *L, const char *s)
{
    ir_const c = {.kind = IRC_STR, .str = s, .str_len = strlen(s)};
    return ir_add_const(L->arena, L->f, c);
}

int lower_str(lower_state *L, const char *s, ast_loc loc)
{
    return lower_op(L, IR_CONST, -1, -1, lower_str_const_index(L, s), loc);
}

int lower_none(lower_state *L, ast_loc loc)
{
    return lower_const(L, (ir_const){.kind = IRC_NONE}, loc);
}

/* Errors CPython's compiler (not its parser) reports; columns as CPython prints them. */
void lower_error(lower_state *L, const char *kind, ast_loc loc, const char *message)
{
    diag_set(L->diag, kind, loc.line, loc.col + 1, loc.end_line, loc.end_col + 1, "%s", message);
}

/* ---- Names and targets ------------------------------------------------------------------- */

/* A variable held by value (scope_symbol.by_value) is only ever read: its owner reads its
 * slot, the functions it is free in read their environment entry. */
static ir_op by_value_op(lower_state *L, const scope_symbol *sym, ir_op local, int *imm)
{
    if (local != IR_LOAD_LOCAL)
        lower_error(L, "SyntaxError", (ast_loc){0}, "internal error: by-value variable rebound");
    if (sym->binding == BINDING_CELL) {
        *imm = sym->slot;
        return IR_LOAD_LOCAL;
    }
    return IR_LOAD_CAPTURED;
}

/* The three ways a name is reached: a slot, a cell (or a value captured instead of one), or
 * the module namespace by name. */
static ir_op name_op(lower_state *L, const char *name, ir_op local, ir_op deref, ir_op global,
                     int *imm)
{
    const scope_symbol *sym = scope_lookup(L->s, name);
    switch (scope_resolve(L->s, name, imm)) {
    case BINDING_LOCAL: return local;
    case BINDING_CELL:
    case BINDING_FREE: return sym->by_value ? by_value_op(L, sym, local, imm) : deref;
    case BINDING_GLOBAL_EXPLICIT:
    case BINDING_GLOBAL_IMPLICIT:
    case BINDING_NAME: break;
    }
    *imm = lower_str_const_index(L, name);
    return global;
}

int lower_load_name(lower_state *L, const char *name, ast_loc loc)
{
    int imm;
    ir_op op = name_op(L, name, IR_LOAD_LOCAL, IR_LOAD_DEREF, IR_LOAD_GLOBAL, &imm);
    return lower_op(L, op, -1, -1, imm, loc);
}

void lower_store_name(lower_state *L, const char *name, int value, ast_loc loc)
{
    int imm;
    ir_op op = name_op(L, name, IR_STORE_LOCAL, IR_STORE_DEREF, IR_STORE_GLOBAL, &imm);
    lower_effect(L, op, value, -1, imm, loc);
}

static void delete_name(lower_state *L, const char *name, ast_loc loc)
{
    int imm;
    ir_op op = name_op(L, name, IR_DELETE_LOCAL, IR_DELETE_DEREF, IR_DELETE_GLOBAL, &imm);
    lower_effect(L, op, -1, -1, imm, loc);
}

/* `a, *b, c = value`: one UNPACK into fresh temps, then each target left to right. */
static void store_unpack(lower_state *L, const ast_expr *target, int value)
{
    const ast_expr_list *elts = &target->as.list.elts;
    int star = -1; /* scope analysis has rejected a second star */
    for (int i = 0; i < elts->count; i++)
        if (elts->items[i]->kind == EXPR_STARRED)
            star = i;
    ir_instr *in = lower_effect(L, IR_UNPACK, value, -1, star, target->loc);
    int *parts = in->args = lower_args(L, elts->count);
    in->nargs = elts->count;
    for (int i = 0; i < elts->count; i++)
        parts[i] = ir_new_temp(L->f);
    for (int i = 0; i < elts->count; i++) {
        const ast_expr *e = elts->items[i];
        lower_store(L, e->kind == EXPR_STARRED ? e->as.starred.value : e, parts[i]);
    }
}

/* Stores `value` (already evaluated, as CPython evaluates the right-hand side first) into an
 * assignment, for, import or except-as target. */
void lower_store(lower_state *L, const ast_expr *target, int value)
{
    switch (target->kind) {
    case EXPR_NAME: lower_store_name(L, target->as.name.id, value, target->loc); break;
    case EXPR_ATTRIBUTE: {
        int obj = lower_expr(L, target->as.attribute.value);
        int attr = lower_str_const_index(L, target->as.attribute.attr);
        lower_effect(L, IR_SET_ATTR, obj, value, attr, lower_attr_loc(target));
        break;
    }
    case EXPR_SUBSCRIPT: {
        int obj = lower_expr(L, target->as.subscript.value);
        int key = lower_expr(L, target->as.subscript.slice);
        ir_instr *in = lower_emit(L, IR_SET_ITEM, target->loc);
        in->a = obj;
        in->b = key;
        in->c = value;
        break;
    }
    case EXPR_TUPLE:
    case EXPR_LIST: store_unpack(L, target, value); break;
    case EXPR_STARRED:
        lower_error(L, "SyntaxError", target->loc,
                    "starred assignment target must be in a list or tuple");
        break;
    default: lower_error(L, "SyntaxError", target->loc, "cannot assign to expression"); break;
    }
}

/* del target */
static void delete_target(lower_state *L, const ast_expr *target)
{
    switch (target->kind) {
    case EXPR_NAME: delete_name(L, target->as.name.id, target->loc); break;
    case EXPR_ATTRIBUTE: {
        int obj = lower_expr(L, target->as.attribute.value);
        int attr = lower_str_const_index(L, target->as.attribute.attr);
        lower_effect(L, IR_DEL_ATTR, obj, -1, attr, lower_attr_loc(target));
        break;
    }
    case EXPR_SUBSCRIPT: {
        int obj = lower_expr(L, target->as.subscript.value);
        int key = lower_expr(L, target->as.subscript.slice);
        lower_effect(L, IR_DEL_ITEM, obj, key, -1, target->loc);
        break;
    }
    case EXPR_TUPLE:
    case EXPR_LIST:
        for (int i = 0; i < target->as.list.elts.count; i++)
            delete_target(L, target->as.list.elts.items[i]);
        break;
    default: lower_error(L, "SyntaxError", target->loc, "cannot delete expression"); break;
    }
}

/* CPython ends an `except ... as name` clause with `name = None; del name`, so the exception
 * (and the traceback it holds) does not outlive the clause. */
static void clear_name(lower_state *L, const char *name, ast_loc loc)
{
    lower_store_name(L, name, lower_none(L, loc), loc);
    delete_name(L, name, loc);
}

/* ---- Functions and closures -------------------------------------------------------------- */

/* Entry code: one MAKE_CELL per cellvar; a parameter that is captured moves from the slot its
 * argument arrives in into its cell, unless it is held by value and stays in its slot. Free
 * variables need nothing: they arrive in the closure. */
static void make_cells(lower_state *L)
{
    const scope *s = L->s;
    ast_loc loc = {L->f->firstlineno, 0, L->f->firstlineno, 0};
    for (int i = 0; i < s->ncellvars; i++) {
        const scope_symbol *sym = scope_lookup(s, s->cellvars[i]);
        if (sym && sym->by_value)
            continue;
        int init = -1;
        if (sym && (sym->flags & SYM_PARAM))
            init = lower_op(L, IR_LOAD_LOCAL, -1, -1, sym->slot, loc);
        lower_effect(L, IR_MAKE_CELL, init, -1, i, loc);
    }
}

/* ir_function.byvalue: per cell, whether its variable is held by value; NULL when none is. */
static const bool *byvalue_cells(arena *a, const scope *s)
{
    int n = s->ncellvars + s->nfreevars;
    bool *byvalue = arena_alloc(a, (size_t)n + 1);
    bool any = false;
    for (int i = 0; i < n; i++) {
        const char *name = i < s->ncellvars ? s->cellvars[i] : s->freevars[i - s->ncellvars];
        const scope_symbol *sym = scope_lookup(s, name);
        any |= byvalue[i] = sym && sym->by_value;
    }
    return any ? byvalue : NULL;
}

static void init_function(lower_state *L, arena *a, diag *d, const scope *s, int firstlineno)
{
    ir_function *f = arena_alloc(a, sizeof *f);
    f->scope = s;
    f->name = s->name;
    f->qualname = s->qualname;
    f->firstlineno = firstlineno;
    f->nslots = s->nvarnames;
    f->ncells = s->ncellvars + s->nfreevars;
    f->byvalue = byvalue_cells(a, s);
    f->docstring = -1;
    memset(L, 0, sizeof *L);
    L->arena = a;
    L->diag = d;
    L->f = f;
    L->s = s;
    L->cur = ir_new_block(a, f);
    make_cells(L);
}

void lower_begin_function(lower_state *child, const lower_state *parent, const scope *s,
                          int firstlineno)
{
    init_function(child, parent->arena, parent->diag, s, firstlineno);
}

/* Drops blocks that nothing reachable from the entry jumps to (code after a return, the join
 * point of an if whose arms both return) and renumbers the rest in order. */
static void prune_unreachable(arena *a, ir_function *f)
{
    bool *seen = arena_alloc(a, (size_t)f->nblocks);
    ir_block **work = arena_alloc(a, (size_t)f->nblocks * sizeof *work);
    int nwork = 0;
    seen[0] = true;
    work[nwork++] = f->blocks[0];
    while (nwork > 0) {
        ir_block *b = work[--nwork];
        for (int i = 0; i < b->ninstrs; i++) {
            ir_block *succ[3] = {b->instrs[i].target, b->instrs[i].target2, b->instrs[i].handler};
            for (int k = 0; k < 3; k++) {
                if (succ[k] && !seen[succ[k]->id]) {
                    seen[succ[k]->id] = true;
                    work[nwork++] = succ[k];
                }
            }
        }
    }
    int n = 0;
    for (int i = 0; i < f->nblocks; i++)
        if (seen[i])
            f->blocks[n++] = f->blocks[i];
    f->nblocks = n;
    for (int i = 0; i < n; i++)
        f->blocks[i]->id = i;
}

/* The implicit `return None` at the end of a body. */
void lower_finish_function(lower_state *L)
{
    if (L->cur) {
        ast_loc loc = last_loc(L);
        lower_effect(L, IR_RETURN, lower_none(L, loc), -1, -1, loc);
    }
    prune_unreachable(L->arena, L->f);
}

/* The closure: for each free variable of the new function, in its co_freevars order, the cell
 * that holds that name here — a cell this function owns, or one it received itself and passes
 * through (the clox resolveUpvalue chain, decided ahead of time by scope analysis). A variable
 * held by value is passed as its value, from this function's slot or its own environment. */
int lower_make_closure(lower_state *L, const lower_state *child, int defaults, int kwdefaults,
                       int annotations, ast_loc loc)
{
    const scope *inner = child->s;
    int *cells = lower_args(L, inner->nfreevars);
    for (int i = 0; i < inner->nfreevars; i++) {
        int index = -1;
        const scope_symbol *sym = scope_lookup(L->s, inner->freevars[i]);
        scope_binding b = scope_resolve(L->s, inner->freevars[i], &index);
        if (b != BINDING_CELL && b != BINDING_FREE)
            lower_error(L, "SyntaxError", loc, "internal error: free variable without a cell");
        ir_op op = IR_LOAD_CLOSURE;
        if (sym && sym->by_value)
            op = by_value_op(L, sym, IR_LOAD_LOCAL, &index);
        cells[i] = lower_op(L, op, -1, -1, index, loc);
    }
    int code = ir_add_const(L->arena, L->f, (ir_const){.kind = IRC_CODE, .code = child->f});
    ir_instr *in = lower_op_args(L, IR_MAKE_FUNCTION, cells, inner->nfreevars, loc);
    in->imm = code;
    in->a = defaults;
    in->b = kwdefaults;
    in->c = annotations;
    return in->dst;
}

/* Positional defaults as a tuple, then keyword-only defaults as a dict keyed by name (CPython's
 * compiler_default_arguments); -1 for each that is absent. */
static int lower_defaults(lower_state *L, const ast_arguments *args, int *kwdefaults, ast_loc loc)
{
    int defaults = -1;
    if (args->ndefaults > 0) {
        int *items = lower_args(L, args->ndefaults);
        for (int i = 0; i < args->ndefaults; i++)
            items[i] = lower_expr(L, args->defaults[i]);
        defaults = lower_op_args(L, IR_BUILD_TUPLE, items, args->ndefaults, loc)->dst;
    }
    int n = 0;
    for (int i = 0; i < args->nkwonlyargs; i++)
        n += args->kw_defaults[i] != NULL;
    *kwdefaults = -1;
    if (n == 0)
        return defaults;
    int *items = lower_args(L, 2 * n), k = 0;
    for (int i = 0; i < args->nkwonlyargs; i++) {
        if (!args->kw_defaults[i])
            continue;
        items[k++] = lower_str(L, args->kwonlyargs[i].name, loc);
        items[k++] = lower_expr(L, args->kw_defaults[i]);
    }
    *kwdefaults = lower_op_args(L, IR_BUILD_DICT, items, 2 * n, loc)->dst;
    return defaults;
}

/* The growing key/value operands of a def's annotations dict. */
typedef struct annotation_items {
    int *items;
    int n;
} annotation_items;

/* One `name: annotation` pair (compiler_visit_argannotation). `*args: *Ts` unpacks its one
 * value, as CPython's `[value] = [*Ts]`. */
static void add_annotation(lower_state *L, annotation_items *out, const char *name,
                           const ast_expr *annotation)
{
    if (!annotation)
        return;
    out->items[out->n++] = lower_str(L, name, annotation->loc);
    if (annotation->kind == EXPR_STARRED) {
        int value = lower_expr(L, annotation->as.starred.value);
        ir_instr *in = lower_effect(L, IR_UNPACK, value, -1, -1, annotation->loc);
        in->args = lower_args(L, 1);
        in->nargs = 1;
        in->args[0] = out->items[out->n++] = ir_new_temp(L->f);
    } else {
        out->items[out->n++] = lower_expr(L, annotation);
    }
}

static void add_arg_annotations(lower_state *L, annotation_items *out, const ast_arg *args, int n)
{
    for (int i = 0; i < n; i++)
        add_annotation(L, out, args[i].name, args[i].annotation);
}

/* A def's annotations are evaluated when it runs (no `from __future__ import annotations`), in
 * CPython's order (compiler_visit_annotations): args, posonlyargs, *args, kwonlyargs,
 * **kwargs, return. They become the dict MAKE_FUNCTION stores as __annotations__; -1 when the
 * def has none (its __annotations__ is then made empty on first use). */
static int lower_annotations(lower_state *L, const ast_arguments *args, const ast_expr *returns,
                             ast_loc loc)
{
    int most = 2 * (args->nargs + args->nposonlyargs + args->nkwonlyargs + 3);
    annotation_items out = {lower_args(L, most), 0};
    add_arg_annotations(L, &out, args->args, args->nargs);
    add_arg_annotations(L, &out, args->posonlyargs, args->nposonlyargs);
    if (args->vararg)
        add_arg_annotations(L, &out, args->vararg, 1);
    add_arg_annotations(L, &out, args->kwonlyargs, args->nkwonlyargs);
    if (args->kwarg)
        add_arg_annotations(L, &out, args->kwarg, 1);
    add_annotation(L, &out, "return", returns);
    if (out.n == 0)
        return -1;
    return lower_op_args(L, IR_BUILD_DICT, out.items, out.n, loc)->dst;
}

static bool is_docstring(const ast_stmt_list *body)
{
    if (body->count == 0 || body->items[0]->kind != STMT_EXPR)
        return false;
    const ast_expr *e = body->items[0]->as.expr.value;
    return e->kind == EXPR_CONSTANT && e->as.constant.kind == CONST_STR;
}

static int docstring_const(lower_state *L, const ast_stmt_list *body)
{
    const ast_constant *c = &body->items[0]->as.expr.value->as.constant;
    ir_const k = {.kind = IRC_STR, .str = c->str, .str_len = c->str_len};
    return L->f->docstring = ir_add_const(L->arena, L->f, k);
}

static void lower_stmts_from(lower_state *L, const ast_stmt_list *body, int first);

/* def name(...): body — decorators (top to bottom), defaults, annotations, the closure, then
 * the decorators applied bottom-up, then the name bound. */
static void lower_function_def(lower_state *L, const ast_stmt *s)
{
    const ast_expr_list *decos = &s->as.function_def.decorator_list;
    int *deco = lower_args(L, decos->count);
    for (int i = 0; i < decos->count; i++)
        deco[i] = lower_expr(L, decos->items[i]);
    int kwdefaults;
    int defaults = lower_defaults(L, s->as.function_def.args, &kwdefaults, s->loc);
    int annotations =
        lower_annotations(L, s->as.function_def.args, s->as.function_def.returns, s->loc);

    /* co_firstlineno of a decorated function is its first decorator's line. */
    int firstlineno = decos->count ? decos->items[0]->loc.line : s->loc.line;
    lower_state child;
    lower_begin_function(&child, L, s->as.function_def.scope, firstlineno);
    const ast_stmt_list *body = &s->as.function_def.body;
    bool doc = is_docstring(body);
    if (doc)
        docstring_const(&child, body);
    lower_stmts_from(&child, body, doc ? 1 : 0);
    lower_finish_function(&child);

    int fn = lower_make_closure(L, &child, defaults, kwdefaults, annotations, s->loc);
    for (int i = decos->count - 1; i >= 0; i--)
        fn = lower_call1(L, deco[i], fn, decos->items[i]->loc);
    lower_store_name(L, s->as.function_def.name, fn, s->loc);
}

/* lambda args: body */
int lower_lambda(lower_state *L, const ast_expr *e)
{
    int kwdefaults;
    int defaults = lower_defaults(L, e->as.lambda.args, &kwdefaults, e->loc);
    lower_state child;
    lower_begin_function(&child, L, e->as.lambda.scope, e->loc.line);
    int value = lower_expr(&child, e->as.lambda.body);
    lower_effect(&child, IR_RETURN, value, -1, -1, e->as.lambda.body->loc);
    lower_finish_function(&child);
    return lower_make_closure(L, &child, defaults, kwdefaults, -1, e->loc);
}

/* ---- Frame blocks: what return, break and continue unwind -------------------------------- */

/* Scope analysis reports too many nested blocks first, counting as we do; this check only
 * keeps the array in bounds. */
static lower_fblock *push_fblock(lower_state *L, lower_fblock_kind kind, ast_loc loc)
{
    if (L->nfblocks >= LOWER_MAX_BLOCKS) {
        lower_error(L, "SyntaxError", loc, "too many statically nested blocks");
        return NULL;
    }
    lower_fblock *fb = &L->fblocks[L->nfblocks++];
    memset(fb, 0, sizeof *fb);
    fb->kind = kind;
    fb->loc = loc;
    fb->outer_handler = L->handler;
    fb->saved_handling = -1;
    return fb;
}

static void pop_fblock(lower_state *L) { L->nfblocks--; }

static bool is_loop(const lower_fblock *fb)
{
    return fb->kind == FB_WHILE_LOOP || fb->kind == FB_FOR_LOOP;
}

/* The exception being handled becomes the one from before the except/finally clause again. */
static void restore_handling(lower_state *L, int saved, ast_loc loc)
{
    lower_effect(L, IR_RESTORE_HANDLING, saved, -1, -1, loc);
}

/* What leaving one construct early needs (CPython's compiler_unwind_fblock). */
static void unwind_one(lower_state *L, const lower_fblock *fb, bool preserve_value)
{
    L->handler = fb->outer_handler;
    switch (fb->kind) {
    case FB_FINALLY_TRY:
        if (preserve_value && !push_fblock(L, FB_POP_VALUE, fb->loc))
            return;
        lower_stmts_from(L, fb->finalbody, 0);
        if (preserve_value)
            pop_fblock(L);
        break;
    case FB_FINALLY_END: restore_handling(L, fb->saved_handling, fb->loc); break;
    case FB_HANDLER_CLEANUP:
        restore_handling(L, fb->saved_handling, fb->loc);
        if (fb->name)
            clear_name(L, fb->name, fb->loc);
        break;
    default: break;
    }
}

/* Unwinds the open constructs innermost first, stopping at the innermost loop when `loop` is
 * not NULL (and copying it there). Each finally body is lowered with only the constructs
 * outside it open, as CPython does; the stack is put back for the code that follows. */
static void unwind(lower_state *L, bool preserve_value, lower_fblock *loop)
{
    if (L->nfblocks == 0)
        return;
    lower_fblock top = L->fblocks[L->nfblocks - 1];
    if (loop && is_loop(&top)) {
        *loop = top;
        return;
    }
    L->nfblocks--;
    unwind_one(L, &top, preserve_value);
    unwind(L, preserve_value, loop);
    L->fblocks[L->nfblocks++] = top;
}

static bool in_loop(const lower_state *L)
{
    for (int i = 0; i < L->nfblocks; i++)
        if (is_loop(&L->fblocks[i]))
            return true;
    return false;
}

/* return [value]: the value first, then every finally body on the way out. (The parser
 * rejects a return outside a function, and break/continue outside a loop; the checks here
 * only keep lowering from jumping nowhere.) */
static void lower_return(lower_state *L, const ast_stmt *s)
{
    const ast_expr *value = s->as.return_.value;
    if (L->s->kind == SCOPE_MODULE) {
        lower_error(L, "SyntaxError", s->loc, "'return' outside function");
        return;
    }
    int v = value ? lower_expr(L, value) : -1;
    ir_block *handler = L->handler;
    unwind(L, value && value->kind != EXPR_CONSTANT, NULL);
    if (v < 0)
        v = lower_none(L, s->loc);
    lower_effect(L, IR_RETURN, v, -1, -1, s->loc);
    L->handler = handler;
}

/* break / continue */
static void lower_loop_exit(lower_state *L, const ast_stmt *s)
{
    bool is_break = s->kind == STMT_BREAK;
    if (!in_loop(L)) {
        lower_error(L, "SyntaxError", s->loc,
                    is_break ? "'break' outside loop" : "'continue' not properly in loop");
        return;
    }
    ir_block *handler = L->handler;
    lower_fblock loop;
    unwind(L, false, &loop);
    lower_jump(L, is_break ? loop.break_to : loop.continue_to, s->loc);
    L->handler = handler;
}

/* ---- Compound statements ----------------------------------------------------------------- */

static void lower_if(lower_state *L, const ast_stmt *s)
{
    ir_block *then = lower_block(L), *after = lower_block(L);
    ir_block *orelse = s->as.if_.orelse.count ? lower_block(L) : after;
    lower_cond(L, s->as.if_.test, then, orelse);
    lower_start(L, then);
    lower_stmts_from(L, &s->as.if_.body, 0);
    if (orelse != after) {
        lower_jump(L, after, s->loc);
        lower_start(L, orelse);
        lower_stmts_from(L, &s->as.if_.orelse, 0);
    }
    lower_start(L, after);
}

/* The loop body with the loop open for break and continue. */
static void loop_body(lower_state *L, const ast_stmt *s, lower_fblock_kind kind,
                      const ast_stmt_list *body, ir_block *head, ir_block *after)
{
    lower_fblock *fb = push_fblock(L, kind, s->loc);
    if (!fb)
        return;
    fb->continue_to = head;
    fb->break_to = after;
    lower_stmts_from(L, body, 0);
    pop_fblock(L);
    lower_jump(L, head, s->loc);
}

static void lower_while(lower_state *L, const ast_stmt *s)
{
    ir_block *head = lower_block(L), *body = lower_block(L), *after = lower_block(L);
    ir_block *orelse = s->as.while_.orelse.count ? lower_block(L) : after;
    lower_start(L, head);
    lower_cond(L, s->as.while_.test, body, orelse);
    lower_start(L, body);
    loop_body(L, s, FB_WHILE_LOOP, &s->as.while_.body, head, after);
    if (orelse != after) {
        lower_start(L, orelse);
        lower_stmts_from(L, &s->as.while_.orelse, 0);
    }
    lower_start(L, after);
}

/* for target in iter: body else: orelse — FOR_ITER goes to the body with the next item, or
 * to the else clause when the iterator is exhausted; break skips the else clause. */
static void lower_for(lower_state *L, const ast_stmt *s)
{
    int iterable = lower_iterable(L, s->as.for_.iter);
    int it = lower_op(L, IR_GET_ITER, iterable, -1, -1, s->loc);
    ir_block *head = lower_block(L), *body = lower_block(L), *after = lower_block(L);
    ir_block *orelse = s->as.for_.orelse.count ? lower_block(L) : after;
    lower_start(L, head);
    ir_instr *next = lower_emit(L, IR_FOR_ITER, s->loc);
    int item = next->dst = ir_new_temp(L->f);
    next->a = it;
    next->target = orelse;
    next->target2 = body;
    lower_start(L, body);
    lower_store(L, s->as.for_.target, item);
    loop_body(L, s, FB_FOR_LOOP, &s->as.for_.body, head, after);
    if (orelse != after) {
        lower_start(L, orelse);
        lower_stmts_from(L, &s->as.for_.orelse, 0);
    }
    lower_start(L, after);
}

/* ---- try / except / finally ---------------------------------------------------------------- */

/* A handler's own cleanup: an exception raised while an except or finally clause runs leaves
 * it, so the previously handled exception is restored before it propagates further. */
static void restore_and_reraise(lower_state *L, int saved, ast_loc loc)
{
    int exc = lower_op(L, IR_FETCH_EXC, -1, -1, -1, loc);
    restore_handling(L, saved, loc);
    lower_effect(L, IR_RERAISE, exc, -1, -1, loc);
}

/* The blocks and temps every except clause of one try statement shares. */
typedef struct try_handlers {
    int exc;           /* the exception being matched (FETCH_EXC) */
    int saved;         /* the exception handled before it (SET_HANDLING) */
    ir_block *outer;   /* where exceptions go outside the try statement */
    ir_block *cleanup; /* restores `saved`, then re-raises to `outer` */
    ir_block *after;   /* the code after the try statement */
} try_handlers;

/* One except clause's body, entered with the exception matched: binds the `as` name, runs the
 * body, restores the handled exception and clears the name, then goes on after the try. An
 * exception in the body clears the name and goes to the cleanup. */
static void handler_body(lower_state *L, const ast_excepthandler *h, const try_handlers *t)
{
    ir_block *body_handler = t->cleanup;
    if (h->name) {
        lower_store_name(L, h->name, t->exc, h->loc);
        body_handler = lower_block(L);
    }
    lower_fblock *fb = push_fblock(L, FB_HANDLER_CLEANUP, h->loc);
    if (!fb)
        return;
    fb->saved_handling = t->saved;
    fb->name = h->name;
    fb->outer_handler = t->outer;
    L->handler = body_handler;
    lower_stmts_from(L, &h->body, 0);
    pop_fblock(L);
    L->handler = t->outer;
    restore_handling(L, t->saved, h->loc);
    if (h->name)
        clear_name(L, h->name, h->loc);
    lower_jump(L, t->after, h->loc);
    L->handler = t->cleanup;
    if (h->name) {
        lower_start(L, body_handler);
        int e = lower_op(L, IR_FETCH_EXC, -1, -1, -1, h->loc);
        clear_name(L, h->name, h->loc);
        lower_effect(L, IR_RERAISE, e, -1, -1, h->loc);
    }
}

/* The dispatch block a try body's exceptions go to: take the exception, make it the one being
 * handled, and try each except clause in order; none matching re-raises it. Exceptions while
 * matching or in a clause body go to the cleanup, which restores the handled exception. */
static void lower_handlers(lower_state *L, const ast_stmt *s, ir_block *outer, ir_block *after)
{
    try_handlers t = {.outer = outer, .cleanup = lower_block(L), .after = after};
    t.exc = lower_op(L, IR_FETCH_EXC, -1, -1, -1, s->loc);
    t.saved = lower_op(L, IR_SET_HANDLING, t.exc, -1, -1, s->loc);
    if (!push_fblock(L, FB_EXCEPTION_HANDLER, s->loc))
        return;
    L->handler = t.cleanup;
    for (int i = 0; i < s->as.try_.nhandlers; i++) {
        const ast_excepthandler *h = &s->as.try_.handlers[i];
        ir_block *next = NULL;
        if (h->type) {
            int type = lower_expr(L, h->type);
            int match = lower_op(L, IR_EXC_MATCH, t.exc, type, -1, h->loc);
            ir_block *body = lower_block(L);
            next = lower_block(L);
            lower_branch(L, match, body, next, h->loc);
            lower_start(L, body);
        }
        handler_body(L, h, &t);
        if (next)
            lower_start(L, next);
    }
    pop_fblock(L);
    L->handler = outer;
    if (L->cur) { /* no clause matched */
        restore_handling(L, t.saved, s->loc);
        lower_effect(L, IR_RERAISE, t.exc, -1, -1, s->loc);
    }
    lower_start(L, t.cleanup);
    restore_and_reraise(L, t.saved, s->loc);
}

/* try: body except...: handlers else: orelse — the else clause runs outside the handlers'
 * reach, after a body that finished normally. */
static void lower_try_except(lower_state *L, const ast_stmt *s)
{
    ir_block *outer = L->handler;
    ir_block *dispatch = lower_block(L), *after = lower_block(L);
    if (!push_fblock(L, FB_TRY_EXCEPT, s->loc))
        return;
    L->handler = dispatch;
    lower_stmts_from(L, &s->as.try_.body, 0);
    L->handler = outer;
    pop_fblock(L);
    lower_stmts_from(L, &s->as.try_.orelse, 0);
    lower_jump(L, after, s->loc);
    lower_start(L, dispatch);
    lower_handlers(L, s, outer, after);
    lower_start(L, after);
}

/* The finally body on the exceptional path: the exception is being handled while it runs,
 * and is re-raised unchanged at its end. */
static void finally_on_exception(lower_state *L, const ast_stmt *s, ir_block *outer)
{
    ir_block *cleanup = lower_block(L);
    int exc = lower_op(L, IR_FETCH_EXC, -1, -1, -1, s->loc);
    int saved = lower_op(L, IR_SET_HANDLING, exc, -1, -1, s->loc);
    lower_fblock *fb = push_fblock(L, FB_FINALLY_END, s->loc);
    if (!fb)
        return;
    fb->saved_handling = saved;
    L->handler = cleanup;
    lower_stmts_from(L, &s->as.try_.finalbody, 0);
    pop_fblock(L);
    L->handler = outer;
    restore_handling(L, saved, s->loc);
    lower_effect(L, IR_RERAISE, exc, -1, -1, s->loc);
    lower_start(L, cleanup);
    restore_and_reraise(L, saved, s->loc);
}

/* try: ... finally: final — the finally body is copied onto every way out: falling off the end
 * here, each return/break/continue (by unwind), and the exceptional path. */
static void lower_try_finally(lower_state *L, const ast_stmt *s)
{
    ir_block *outer = L->handler;
    ir_block *on_exception = lower_block(L), *after = lower_block(L);
    lower_fblock *fb = push_fblock(L, FB_FINALLY_TRY, s->loc);
    if (!fb)
        return;
    fb->finalbody = &s->as.try_.finalbody;
    L->handler = on_exception;
    if (s->as.try_.nhandlers > 0)
        lower_try_except(L, s);
    else
        lower_stmts_from(L, &s->as.try_.body, 0);
    L->handler = outer;
    pop_fblock(L);
    lower_stmts_from(L, &s->as.try_.finalbody, 0);
    lower_jump(L, after, s->loc);
    lower_start(L, on_exception);
    finally_on_exception(L, s, outer);
    lower_start(L, after);
}

/* ---- Simple statements ------------------------------------------------------------------- */

/* target op= value: the target's object and index are evaluated once. */
static void lower_aug_assign(lower_state *L, const ast_stmt *s)
{
    const ast_expr *t = s->as.aug_assign.target;
    int op = RT_INPLACE | (int)s->as.aug_assign.op;
    if (t->kind == EXPR_ATTRIBUTE) {
        int obj = lower_expr(L, t->as.attribute.value);
        int attr = lower_str_const_index(L, t->as.attribute.attr);
        int old = lower_op(L, IR_GET_ATTR, obj, -1, attr, lower_attr_loc(t));
        int result = lower_op(L, IR_BINARY, old, lower_expr(L, s->as.aug_assign.value), op, s->loc);
        lower_effect(L, IR_SET_ATTR, obj, result, attr, lower_attr_loc(t));
    } else if (t->kind == EXPR_SUBSCRIPT) {
        int obj = lower_expr(L, t->as.subscript.value);
        int key = lower_expr(L, t->as.subscript.slice);
        int old = lower_op(L, IR_GET_ITEM, obj, key, -1, t->loc);
        int result = lower_op(L, IR_BINARY, old, lower_expr(L, s->as.aug_assign.value), op, s->loc);
        ir_instr *in = lower_emit(L, IR_SET_ITEM, t->loc);
        in->a = obj;
        in->b = key;
        in->c = result;
    } else if (t->kind == EXPR_NAME) {
        int old = lower_load_name(L, t->as.name.id, t->loc);
        int result = lower_op(L, IR_BINARY, old, lower_expr(L, s->as.aug_assign.value), op, s->loc);
        lower_store_name(L, t->as.name.id, result, t->loc);
    } else {
        lower_error(L, "SyntaxError", t->loc, "illegal expression for augmented assignment");
    }
}

/* What CPython evaluates of an annotated subscript target that has no value (check_ann_subscr). */
static void eval_ann_subscript(lower_state *L, const ast_expr *e)
{
    if (e->kind == EXPR_SLICE) {
        const ast_expr *parts[3] = {e->as.slice.lower, e->as.slice.upper, e->as.slice.step};
        for (int i = 0; i < 3; i++)
            if (parts[i])
                lower_expr(L, parts[i]);
    } else if (e->kind == EXPR_TUPLE) {
        for (int i = 0; i < e->as.list.elts.count; i++)
            eval_ann_subscript(L, e->as.list.elts.items[i]);
    } else {
        lower_expr(L, e);
    }
}

/* target: annotation [= value] (compiler_annassign). The value is stored first. Annotations
 * are evaluated only at module level: a simple name's goes into the module's __annotations__
 * (`__annotations__['x'] = annotation`), any other is evaluated and dropped. */
static void lower_ann_assign(lower_state *L, const ast_stmt *s)
{
    const ast_expr *t = s->as.ann_assign.target;
    if (s->as.ann_assign.value) {
        lower_store(L, t, lower_expr(L, s->as.ann_assign.value));
    } else if (t->kind == EXPR_ATTRIBUTE) {
        lower_expr(L, t->as.attribute.value);
    } else if (t->kind == EXPR_SUBSCRIPT) {
        lower_expr(L, t->as.subscript.value);
        eval_ann_subscript(L, t->as.subscript.slice);
    }
    if (L->s->kind != SCOPE_MODULE)
        return;
    int annotation = lower_expr(L, s->as.ann_assign.annotation);
    if (t->kind == EXPR_NAME && s->as.ann_assign.simple) {
        int dict = lower_load_name(L, "__annotations__", s->loc);
        int key = lower_str(L, t->as.name.id, s->loc);
        ir_instr *in = lower_emit(L, IR_SET_ITEM, s->loc);
        in->a = dict;
        in->b = key;
        in->c = annotation;
    }
}

static bool has_annotations(const ast_stmt_list *body);

/* Whether one statement is or holds (outside nested functions) an annotated assignment. */
static bool stmt_has_annotations(const ast_stmt *s)
{
    switch (s->kind) {
    case STMT_ANN_ASSIGN: return true;
    case STMT_FOR: return has_annotations(&s->as.for_.body) || has_annotations(&s->as.for_.orelse);
    case STMT_WHILE:
        return has_annotations(&s->as.while_.body) || has_annotations(&s->as.while_.orelse);
    case STMT_IF: return has_annotations(&s->as.if_.body) || has_annotations(&s->as.if_.orelse);
    case STMT_TRY:
        for (int i = 0; i < s->as.try_.nhandlers; i++)
            if (has_annotations(&s->as.try_.handlers[i].body))
                return true;
        return has_annotations(&s->as.try_.body) || has_annotations(&s->as.try_.finalbody) ||
               has_annotations(&s->as.try_.orelse);
    default: return false;
    }
}

/* CPython's find_ann: a module body that has an annotated assignment anywhere outside its
 * functions, even in code that never runs, starts with SETUP_ANNOTATIONS. */
static bool has_annotations(const ast_stmt_list *body)
{
    for (int i = 0; i < body->count; i++)
        if (stmt_has_annotations(body->items[i]))
            return true;
    return false;
}

static void lower_raise(lower_state *L, const ast_stmt *s)
{
    int exc = s->as.raise.exc ? lower_expr(L, s->as.raise.exc) : -1;
    int cause = s->as.raise.cause ? lower_expr(L, s->as.raise.cause) : -1;
    lower_effect(L, IR_RAISE, exc, cause, -1, s->loc);
}

static void lower_assert(lower_state *L, const ast_stmt *s)
{
    ir_block *ok = lower_block(L), *fail = lower_block(L);
    lower_cond(L, s->as.assert_.test, ok, fail);
    lower_start(L, fail);
    int msg = s->as.assert_.msg ? lower_expr(L, s->as.assert_.msg) : -1;
    lower_effect(L, IR_ASSERT_FAIL, msg, -1, -1, s->loc);
    lower_start(L, ok);
}

/* Walks `module` from the package IMPORT_NAME returned down to its last component, the way
 * CPython's `import a.b as c` does with IMPORT_FROM. */
static int import_submodules(lower_state *L, int module, const char *dotted, ast_loc loc)
{
    for (const char *dot = strchr(dotted, '.'); dot; dot = strchr(dot + 1, '.')) {
        const char *end = strchr(dot + 1, '.');
        size_t n = end ? (size_t)(end - dot - 1) : strlen(dot + 1);
        const char *part = arena_strndup(L->arena, dot + 1, n);
        module = lower_op(L, IR_IMPORT_FROM, module, -1, lower_str_const_index(L, part), loc);
    }
    return module;
}

/* import a.b.c binds `a` to the top-level package; import a.b.c as d binds d to a.b.c. */
static void lower_import(lower_state *L, const ast_stmt *s)
{
    for (int i = 0; i < s->as.import.count; i++) {
        const ast_alias *alias = &s->as.import.names[i];
        int module =
            lower_op(L, IR_IMPORT_NAME, -1, -1, lower_str_const_index(L, alias->name), s->loc);
        if (alias->asname) {
            module = import_submodules(L, module, alias->name, s->loc);
            lower_store_name(L, alias->asname, module, s->loc);
        } else {
            const char *dot = strchr(alias->name, '.');
            size_t n = dot ? (size_t)(dot - alias->name) : strlen(alias->name);
            lower_store_name(L, arena_strndup(L->arena, alias->name, n), module, s->loc);
        }
    }
}

static void lower_import_from(lower_state *L, const ast_stmt *s)
{
    const char *name = s->as.import_from.module;
    if (s->as.import_from.level > 0 || !name) {
        lower_error(L, "NotImplementedError", s->loc, "relative imports are not supported");
        return;
    }
    if (s->as.import_from.count == 1 && strcmp(s->as.import_from.names[0].name, "*") == 0) {
        lower_error(L, "NotImplementedError", s->loc, "'from module import *' is not supported");
        return;
    }
    int module = lower_op(L, IR_IMPORT_NAME, -1, -1, lower_str_const_index(L, name), s->loc);
    module = import_submodules(L, module, name, s->loc);
    for (int i = 0; i < s->as.import_from.count; i++) {
        const ast_alias *alias = &s->as.import_from.names[i];
        int value =
            lower_op(L, IR_IMPORT_FROM, module, -1, lower_str_const_index(L, alias->name), s->loc);
        lower_store_name(L, alias->asname ? alias->asname : alias->name, value, s->loc);
    }
}

static void lower_stmt(lower_state *L, const ast_stmt *s)
{
    switch (s->kind) {
    case STMT_FUNCTION_DEF: lower_function_def(L, s); break;
    case STMT_RETURN: lower_return(L, s); break;
    case STMT_DELETE:
        for (int i = 0; i < s->as.delete_.targets.count; i++)
            delete_target(L, s->as.delete_.targets.items[i]);
        break;
    case STMT_ASSIGN: {
        int value = lower_expr(L, s->as.assign.value);
        for (int i = 0; i < s->as.assign.targets.count; i++)
            lower_store(L, s->as.assign.targets.items[i], value);
        break;
    }
    case STMT_AUG_ASSIGN: lower_aug_assign(L, s); break;
    case STMT_ANN_ASSIGN: lower_ann_assign(L, s); break;
    case STMT_FOR: lower_for(L, s); break;
    case STMT_WHILE: lower_while(L, s); break;
    case STMT_IF: lower_if(L, s); break;
    case STMT_RAISE: lower_raise(L, s); break;
    case STMT_TRY:
        if (s->as.try_.finalbody.count > 0)
            lower_try_finally(L, s);
        else
            lower_try_except(L, s);
        break;
    case STMT_ASSERT: lower_assert(L, s); break;
    case STMT_IMPORT: lower_import(L, s); break;
    case STMT_IMPORT_FROM: lower_import_from(L, s); break;
    case STMT_EXPR:
        /* A constant statement (a string used as a comment) does nothing, as in CPython. */
        if (s->as.expr.value->kind != EXPR_CONSTANT)
            lower_expr(L, s->as.expr.value);
        break;
    case STMT_BREAK:
    case STMT_CONTINUE: lower_loop_exit(L, s); break;
    case STMT_GLOBAL:
    case STMT_NONLOCAL:
    case STMT_PASS: break;
    }
}

static void lower_stmts_from(lower_state *L, const ast_stmt_list *body, int first)
{
    for (int i = first; i < body->count && !L->diag->set; i++)
        lower_stmt(L, body->items[i]);
}

/* The module body is the function <module>; its docstring becomes __doc__ as in CPython, after
 * SETUP_ANNOTATIONS when the body has annotations (compiler_body). */
ir_module *lower_module(arena *a, const ast_module *m, const char *filename, diag *d)
{
    if (!m->scope) {
        diag_set(d, "SyntaxError", 1, 0, 1, 0, "internal error: module not analysed");
        return NULL;
    }
    lower_state L;
    init_function(&L, a, d, m->scope, 1);
    if (has_annotations(&m->body))
        lower_emit(&L, IR_SETUP_ANNOTATIONS, m->body.items[0]->loc);
    int first = 0;
    if (is_docstring(&m->body)) {
        ast_loc loc = m->body.items[0]->loc;
        int doc = lower_op(&L, IR_CONST, -1, -1, docstring_const(&L, &m->body), loc);
        lower_store_name(&L, "__doc__", doc, loc);
        first = 1;
    }
    lower_stmts_from(&L, &m->body, first);
    lower_finish_function(&L);
    if (d->set)
        return NULL;
    ir_module *result = arena_alloc(a, sizeof *result);
    result->main = L.f;
    result->filename = filename;
    return result;
}
