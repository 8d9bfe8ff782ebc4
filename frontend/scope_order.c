/* Scope analysis, pass 3: walks the AST again in the order CPython 3.11's compiler emits code,
 * because that order decides co_varnames (locals in order of first load or store), the order
 * of nested code objects in co_consts, and which compile-time error is reported first. It
 * emulates the compiler's block stack, since a `finally` body is compiled where each return,
 * break or continue leaves it as well as after the body. */
#include <stdlib.h>
#include <string.h>

#include "scope_internal.h"

/* CPython's CO_MAXBLOCKS: the compiler's fixed-size stack of loops and try blocks. */
enum { ORDER_MAX_BLOCKS = 20 };

/* CPython's UNPACK_EX packs the count of targets before the star into 8 bits. */
enum { ORDER_MAX_BEFORE_STAR = 1 << 8 };

/* A finally body and which of its two distinct compile contexts have been walked: with the
 * block stack as it was around the try (after the body, or unwinding for break/continue/
 * return of a constant), or with one block more (the exceptional path, or unwinding for a
 * return that keeps its value on the stack). Walking the same context twice can find nothing
 * new, so each is walked once; this keeps nested finally bodies from taking exponential time. */
typedef struct finally_body {
    const ast_stmt_list *body;
    bool walked[2];
} finally_body;

typedef enum block_kind { BLOCK_LOOP, BLOCK_FINALLY_TRY, BLOCK_OTHER } block_kind;

typedef struct block {
    block_kind kind;
    finally_body *finally; /* BLOCK_FINALLY_TRY */
} block;

/* One code object being laid out (CPython's compiler_unit). */
typedef struct unit {
    scope *s;
    block blocks[ORDER_MAX_BLOCKS];
    int nblocks;
    scope **children; /* in compile order */
    int nchildren, children_cap;
} unit;

typedef struct orderer {
    arena *a;
    diag *d;
    ast_module *m;
    unit *u;
    bool failed;
} orderer;

static void walk_expr(orderer *o, ast_expr *e);
static void walk_stmts(orderer *o, const ast_stmt_list *body);
static void compile_scope(orderer *o, scope *s);

static void fail(orderer *o, ast_loc loc, const char *message)
{
    scope_error(o->d, "SyntaxError", loc, "%s", message);
    o->failed = true;
}

static bool is_function_like(const scope *s) { return s->kind != SCOPE_MODULE; }

static void add_varname(orderer *o, scope_symbol *sym)
{
    scope *s = o->u->s;
    struct scope_private *p = s->priv;
    if (s->nvarnames == p->varnames_cap) {
        int cap = p->varnames_cap ? 2 * p->varnames_cap : 8;
        const char **grown = arena_alloc(o->a, (size_t)cap * sizeof *grown);
        if (s->nvarnames)
            memcpy(grown, s->varnames, (size_t)s->nvarnames * sizeof *grown);
        s->varnames = grown;
        p->varnames_cap = cap;
    }
    sym->slot = s->nvarnames;
    s->varnames[s->nvarnames++] = sym->name;
}

/* compiler_nameop: the first load or store of a plain local gives it its varnames slot. A
 * store or delete of __debug__ is refused here, at the compiler's current location. */
static void nameop(orderer *o, const char *name, ast_ctx ctx, ast_loc loc)
{
    if (ctx != CTX_LOAD && strcmp(name, "__debug__") == 0) {
        fail(o, loc, ctx == CTX_STORE ? "cannot assign to __debug__" : "cannot delete __debug__");
        return;
    }
    scope *s = o->u->s;
    if (!is_function_like(s))
        return;
    scope_symbol *sym = scope_find(s, name);
    if (sym && sym->binding == BINDING_LOCAL && sym->slot < 0)
        add_varname(o, sym);
}

static void push_block(orderer *o, block_kind kind, finally_body *fin, ast_loc loc)
{
    unit *u = o->u;
    if (u->nblocks >= ORDER_MAX_BLOCKS) {
        fail(o, loc, "too many statically nested blocks");
        return;
    }
    u->blocks[u->nblocks++] = (block){kind, fin};
}

static void pop_block(orderer *o) { o->u->nblocks--; }

static void walk_finally(orderer *o, finally_body *fin, bool extra_block)
{
    if (fin->walked[extra_block])
        return;
    fin->walked[extra_block] = true;
    walk_stmts(o, fin->body);
}

/* compiler_unwind_fblock_stack: leaving blocks outward for return (all of them) or break/
 * continue (up to the innermost loop), compiling each finally body on the way with that block
 * popped. Returns whether a loop stopped the unwinding. */
static bool unwind(orderer *o, bool preserve_value, bool to_loop)
{
    unit *u = o->u;
    int n = u->nblocks;
    if (n == 0 || o->failed)
        return false;
    block top = u->blocks[n - 1];
    if (to_loop && top.kind == BLOCK_LOOP)
        return true;
    u->nblocks = n - 1;
    if (top.kind == BLOCK_FINALLY_TRY) {
        if (preserve_value)
            push_block(o, BLOCK_OTHER, NULL, (ast_loc){0});
        if (!o->failed)
            walk_finally(o, top.finally, preserve_value);
        u->nblocks = n - 1; /* also after a failure deep inside, which pops nothing */
    }
    bool found = unwind(o, preserve_value, to_loop);
    u->blocks[n - 1] = top;
    u->nblocks = n;
    return found;
}

static void walk_exprs(orderer *o, const ast_expr_list *l)
{
    for (int i = 0; i < l->count && !o->failed; i++)
        walk_expr(o, l->items[i]);
}

static void walk_optional(orderer *o, ast_expr *e)
{
    if (e && !o->failed)
        walk_expr(o, e);
}

/* Elements of a display or call where `*x` is allowed: the starred value is what runs. */
static void walk_elements(orderer *o, const ast_expr_list *l)
{
    for (int i = 0; i < l->count && !o->failed; i++) {
        ast_expr *e = l->items[i];
        walk_expr(o, e->kind == EXPR_STARRED ? e->as.starred.value : e);
    }
}

/* assignment_helper: an unpacking target allows one star, after fewer than 256 targets. */
static void walk_unpack_target(orderer *o, ast_expr *e)
{
    const ast_expr_list *elts = &e->as.list.elts;
    bool seen_star = false;
    for (int i = 0; i < elts->count; i++) {
        if (elts->items[i]->kind != EXPR_STARRED)
            continue;
        if (seen_star) {
            fail(o, e->loc, "multiple starred expressions in assignment");
            return;
        }
        if (i >= ORDER_MAX_BEFORE_STAR) {
            fail(o, e->loc, "too many expressions in star-unpacking assignment");
            return;
        }
        seen_star = true;
    }
    walk_elements(o, elts);
}

static void walk_sequence(orderer *o, ast_expr *e)
{
    if (e->as.list.ctx == CTX_STORE)
        walk_unpack_target(o, e);
    else if (e->as.list.ctx == CTX_LOAD)
        walk_elements(o, &e->as.list.elts);
    else
        walk_exprs(o, &e->as.list.elts);
}

/* Visits a nested scope where the compiler builds its code object, the first time only (a
 * finally body compiled twice yields one code object: CPython merges equal constants). */
static void compile_child(orderer *o, scope *child)
{
    if (child->priv->ordered)
        return;
    compile_scope(o, child);
    unit *u = o->u;
    if (u->nchildren == u->children_cap) {
        int cap = u->children_cap ? 2 * u->children_cap : 4;
        scope **grown = arena_alloc(o->a, (size_t)cap * sizeof *grown);
        if (u->nchildren)
            memcpy(grown, u->children, (size_t)u->nchildren * sizeof *grown);
        u->children = grown;
        u->children_cap = cap;
    }
    u->children[u->nchildren++] = child;
}

/* compiler_check_debug_args: no parameter may be called __debug__. */
static void check_debug_params(orderer *o, const ast_arguments *args, ast_loc loc)
{
    const ast_arg *groups[] = {args->posonlyargs, args->args, args->vararg, args->kwonlyargs,
                               args->kwarg};
    int counts[] = {args->nposonlyargs, args->nargs, args->vararg != NULL, args->nkwonlyargs,
                    args->kwarg != NULL};
    for (int g = 0; g < 5; g++)
        for (int i = 0; i < counts[g]; i++)
            if (strcmp(groups[g][i].name, "__debug__") == 0) {
                fail(o, loc, "cannot assign to __debug__");
                return;
            }
}

static void walk_defaults(orderer *o, const ast_arguments *args)
{
    for (int i = 0; i < args->ndefaults && !o->failed; i++)
        walk_expr(o, args->defaults[i]);
    for (int i = 0; i < args->nkwonlyargs && !o->failed; i++)
        walk_optional(o, args->kw_defaults[i]);
}

static void walk_arg_annotations(orderer *o, const ast_arg *args, int n)
{
    for (int i = 0; i < n && !o->failed; i++)
        walk_optional(o, args[i].annotation);
}

/* compiler_visit_annotations: unlike the symtable, positional arguments come before the
 * positional-only ones, and keyword-only ones before **kwargs. */
static void walk_annotations(orderer *o, const ast_arguments *args, ast_expr *returns)
{
    walk_arg_annotations(o, args->args, args->nargs);
    walk_arg_annotations(o, args->posonlyargs, args->nposonlyargs);
    if (args->vararg)
        walk_arg_annotations(o, args->vararg, 1);
    walk_arg_annotations(o, args->kwonlyargs, args->nkwonlyargs);
    if (args->kwarg)
        walk_arg_annotations(o, args->kwarg, 1);
    walk_optional(o, returns);
}

/* compiler_function: decorators, defaults and annotations run first in the enclosing scope,
 * then the body's code object is made, then the name is stored. */
static void walk_function_def(orderer *o, ast_stmt *st)
{
    ast_arguments *args = st->as.function_def.args;
    check_debug_params(o, args, st->loc);
    walk_exprs(o, &st->as.function_def.decorator_list);
    if (!o->failed)
        walk_defaults(o, args);
    if (!o->failed)
        walk_annotations(o, args, st->as.function_def.returns);
    if (!o->failed)
        compile_child(o, st->as.function_def.scope);
    if (!o->failed)
        nameop(o, st->as.function_def.name, CTX_STORE, st->loc);
}

static void walk_lambda(orderer *o, ast_expr *e)
{
    check_debug_params(o, e->as.lambda.args, e->loc);
    if (!o->failed)
        walk_defaults(o, e->as.lambda.args);
    if (!o->failed)
        compile_child(o, e->as.lambda.scope);
}

/* compiler_comprehension: the code object first, then the first iterable, evaluated here. */
static void walk_comprehension(orderer *o, ast_expr *e)
{
    compile_child(o, e->as.comp.scope);
    if (!o->failed)
        walk_expr(o, e->as.comp.generators[0].iter);
}

/* validate_keywords: keyword names may not repeat or be __debug__. */
static void check_keywords(orderer *o, const ast_expr *call)
{
    const ast_keyword *kw = call->as.call.keywords;
    int n = call->as.call.nkeywords;
    for (int i = 0; i < n; i++) {
        if (!kw[i].arg)
            continue;
        if (strcmp(kw[i].arg, "__debug__") == 0) {
            fail(o, call->loc, "cannot assign to __debug__");
            return;
        }
        for (int j = i + 1; j < n; j++) {
            if (kw[j].arg && strcmp(kw[i].arg, kw[j].arg) == 0) {
                scope_error(o->d, "SyntaxError", kw[j].loc, "keyword argument repeated: %s",
                            kw[i].arg);
                o->failed = true;
                return;
            }
        }
    }
}

/* compiler_call: positional arguments (stars included) before all keyword arguments. */
static void walk_call(orderer *o, ast_expr *e)
{
    check_keywords(o, e);
    if (!o->failed)
        walk_expr(o, e->as.call.func);
    walk_elements(o, &e->as.call.args);
    for (int i = 0; i < e->as.call.nkeywords && !o->failed; i++)
        walk_expr(o, e->as.call.keywords[i].value);
}

/* compiler_dict: each key right before its value. */
static void walk_dict(orderer *o, ast_expr *e)
{
    for (int i = 0; i < e->as.dict.count && !o->failed; i++) {
        walk_optional(o, e->as.dict.keys[i]);
        walk_optional(o, e->as.dict.values[i]);
    }
}

static void walk_name(orderer *o, ast_expr *e) { nameop(o, e->as.name.id, e->as.name.ctx, e->loc); }

static void walk_attribute(orderer *o, ast_expr *e)
{
    walk_expr(o, e->as.attribute.value);
    if (!o->failed && e->as.attribute.ctx == CTX_STORE &&
        strcmp(e->as.attribute.attr, "__debug__") == 0)
        fail(o, e->loc, "cannot assign to __debug__");
}

/* A `*x` anywhere but a display, a call or an unpacking target. */
static void walk_starred(orderer *o, ast_expr *e)
{
    fail(o, e->loc, e->as.starred.ctx == CTX_STORE
                        ? "starred assignment target must be in a list or tuple"
                        : "can't use starred expression here");
}

static void walk_expr(orderer *o, ast_expr *e)
{
    if (o->failed)
        return;
    switch (e->kind) {
    case EXPR_BOOL_OP: walk_exprs(o, &e->as.bool_op.values); break;
    case EXPR_BIN_OP:
        walk_expr(o, e->as.bin_op.left);
        walk_expr(o, e->as.bin_op.right);
        break;
    case EXPR_UNARY_OP: walk_expr(o, e->as.unary_op.operand); break;
    case EXPR_LAMBDA: walk_lambda(o, e); break;
    case EXPR_IF_EXP:
        walk_expr(o, e->as.if_exp.test);
        walk_expr(o, e->as.if_exp.body);
        walk_expr(o, e->as.if_exp.orelse);
        break;
    case EXPR_DICT: walk_dict(o, e); break;
    case EXPR_SET: walk_elements(o, &e->as.set.elts); break;
    case EXPR_LIST_COMP:
    case EXPR_SET_COMP:
    case EXPR_DICT_COMP:
    case EXPR_GENERATOR_EXP: walk_comprehension(o, e); break;
    case EXPR_COMPARE:
        walk_expr(o, e->as.compare.left);
        walk_exprs(o, &e->as.compare.comparators);
        break;
    case EXPR_CALL: walk_call(o, e); break;
    case EXPR_FORMATTED_VALUE:
        walk_expr(o, e->as.formatted_value.value);
        walk_optional(o, e->as.formatted_value.format_spec);
        break;
    case EXPR_JOINED_STR: walk_exprs(o, &e->as.joined_str.values); break;
    case EXPR_CONSTANT: break;
    case EXPR_ATTRIBUTE: walk_attribute(o, e); break;
    case EXPR_SUBSCRIPT:
        walk_expr(o, e->as.subscript.value);
        walk_expr(o, e->as.subscript.slice);
        break;
    case EXPR_STARRED: walk_starred(o, e); break;
    case EXPR_NAME: walk_name(o, e); break;
    case EXPR_LIST:
    case EXPR_TUPLE: walk_sequence(o, e); break;
    case EXPR_SLICE:
        walk_optional(o, e->as.slice.lower);
        walk_optional(o, e->as.slice.upper);
        walk_optional(o, e->as.slice.step);
        break;
    }
}

/* compiler_augassign: the target is loaded, the value computed, the target stored. */
static void walk_aug_assign(orderer *o, ast_stmt *st)
{
    ast_expr *target = st->as.aug_assign.target;
    if (target->kind == EXPR_NAME)
        nameop(o, target->as.name.id, CTX_LOAD, target->loc);
    else if (target->kind == EXPR_ATTRIBUTE)
        walk_expr(o, target->as.attribute.value);
    else if (target->kind == EXPR_SUBSCRIPT) {
        walk_expr(o, target->as.subscript.value);
        walk_expr(o, target->as.subscript.slice);
    }
    walk_expr(o, st->as.aug_assign.value);
    if (target->kind == EXPR_NAME && !o->failed)
        nameop(o, target->as.name.id, CTX_STORE, target->loc);
}

/* check_ann_subscr: without a value, a subscript target's parts are evaluated one by one. */
static void walk_ann_subscript(orderer *o, ast_expr *e)
{
    if (e->kind == EXPR_SLICE) {
        walk_optional(o, e->as.slice.lower);
        walk_optional(o, e->as.slice.upper);
        walk_optional(o, e->as.slice.step);
    } else if (e->kind == EXPR_TUPLE) {
        for (int i = 0; i < e->as.list.elts.count && !o->failed; i++)
            walk_ann_subscript(o, e->as.list.elts.items[i]);
    } else {
        walk_expr(o, e);
    }
}

/* compiler_annassign: the assignment first; annotations are evaluated only at module level
 * (a simple name's right after the store, any other target's last). */
static void walk_ann_assign(orderer *o, ast_stmt *st)
{
    ast_expr *target = st->as.ann_assign.target;
    bool module = !is_function_like(o->u->s), simple = st->as.ann_assign.simple;
    if (st->as.ann_assign.value) {
        walk_expr(o, st->as.ann_assign.value);
        walk_expr(o, target);
    }
    if (o->failed)
        return;
    if (target->kind == EXPR_NAME) {
        if (!st->as.ann_assign.value && strcmp(target->as.name.id, "__debug__") == 0)
            fail(o, st->loc, "cannot assign to __debug__");
        else if (simple && module)
            walk_expr(o, st->as.ann_assign.annotation);
    } else if (!st->as.ann_assign.value && target->kind == EXPR_ATTRIBUTE) {
        walk_expr(o, target->as.attribute.value);
    } else if (!st->as.ann_assign.value && target->kind == EXPR_SUBSCRIPT) {
        walk_expr(o, target->as.subscript.value);
        if (!o->failed)
            walk_ann_subscript(o, target->as.subscript.slice);
    }
    if (!simple && module && !o->failed)
        walk_expr(o, st->as.ann_assign.annotation);
}

static void walk_return(orderer *o, ast_stmt *st)
{
    ast_expr *value = st->as.return_.value;
    if (!is_function_like(o->u->s)) {
        fail(o, st->loc, "'return' outside function");
        return;
    }
    walk_optional(o, value);
    if (!o->failed)
        unwind(o, value && value->kind != EXPR_CONSTANT, false);
}

static void walk_loop_exit(orderer *o, ast_stmt *st)
{
    bool found = unwind(o, false, true);
    if (!found && !o->failed)
        fail(o, st->loc, st->kind == STMT_BREAK ? "'break' outside loop"
                                                : "'continue' not properly in loop");
}

/* compiler_try_except: body, else clause, then the handlers, each storing its name before
 * its body runs. */
static void walk_try_except(orderer *o, ast_stmt *st)
{
    push_block(o, BLOCK_OTHER, NULL, st->loc);
    walk_stmts(o, &st->as.try_.body);
    if (o->failed)
        return;
    pop_block(o);
    walk_stmts(o, &st->as.try_.orelse);
    push_block(o, BLOCK_OTHER, NULL, st->loc);
    int n = st->as.try_.nhandlers;
    for (int i = 0; i < n && !o->failed; i++) {
        ast_excepthandler *h = &st->as.try_.handlers[i];
        if (!h->type && i < n - 1) {
            fail(o, h->loc, "default 'except:' must be last");
            return;
        }
        walk_optional(o, h->type);
        if (h->name && !o->failed)
            nameop(o, h->name, CTX_STORE, h->loc);
        push_block(o, BLOCK_OTHER, NULL, h->loc);
        walk_stmts(o, &h->body);
        if (!o->failed)
            pop_block(o);
    }
    if (!o->failed)
        pop_block(o);
}

/* compiler_try_finally: the finally body is compiled after the body and again for the
 * exceptional path (and by every unwinding in between). */
static void walk_try(orderer *o, ast_stmt *st)
{
    if (st->as.try_.finalbody.count == 0) {
        walk_try_except(o, st);
        return;
    }
    finally_body fin = {.body = &st->as.try_.finalbody};
    push_block(o, BLOCK_FINALLY_TRY, &fin, st->loc);
    if (st->as.try_.nhandlers)
        walk_try_except(o, st);
    else
        walk_stmts(o, &st->as.try_.body);
    if (o->failed)
        return;
    pop_block(o);
    walk_finally(o, &fin, false);
    push_block(o, BLOCK_OTHER, NULL, st->loc);
    if (!o->failed)
        walk_finally(o, &fin, true);
    if (!o->failed)
        pop_block(o);
}

/* compiler_for / compiler_while: the else clause runs outside the loop. The test of a while
 * loop is compiled twice by CPython; the second copy adds nothing. */
static void walk_loop(orderer *o, ast_stmt *st)
{
    push_block(o, BLOCK_LOOP, NULL, st->loc);
    if (st->kind == STMT_FOR) {
        walk_expr(o, st->as.for_.iter);
        walk_expr(o, st->as.for_.target);
        walk_stmts(o, &st->as.for_.body);
    } else {
        walk_expr(o, st->as.while_.test);
        walk_stmts(o, &st->as.while_.body);
    }
    if (o->failed)
        return;
    pop_block(o);
    walk_stmts(o, st->kind == STMT_FOR ? &st->as.for_.orelse : &st->as.while_.orelse);
}

/* `import a.b` stores `a`; `import a.b as c` stores `c`. */
static void walk_import(orderer *o, ast_stmt *st, const ast_alias *names, int count)
{
    for (int i = 0; i < count && !o->failed; i++) {
        const char *name = names[i].asname ? names[i].asname : names[i].name;
        if (strcmp(name, "*") == 0)
            continue;
        const char *dot = strchr(name, '.');
        if (dot)
            name = arena_strndup(o->a, name, (size_t)(dot - name));
        nameop(o, name, CTX_STORE, st->loc);
    }
}

static void walk_stmt(orderer *o, ast_stmt *st)
{
    switch (st->kind) {
    case STMT_FUNCTION_DEF: walk_function_def(o, st); break;
    case STMT_RETURN: walk_return(o, st); break;
    case STMT_DELETE: walk_exprs(o, &st->as.delete_.targets); break;
    case STMT_ASSIGN:
        walk_expr(o, st->as.assign.value);
        walk_exprs(o, &st->as.assign.targets);
        break;
    case STMT_AUG_ASSIGN: walk_aug_assign(o, st); break;
    case STMT_ANN_ASSIGN: walk_ann_assign(o, st); break;
    case STMT_FOR:
    case STMT_WHILE: walk_loop(o, st); break;
    case STMT_IF:
        walk_expr(o, st->as.if_.test);
        walk_stmts(o, &st->as.if_.body);
        walk_stmts(o, &st->as.if_.orelse);
        break;
    case STMT_RAISE:
        walk_optional(o, st->as.raise.exc);
        walk_optional(o, st->as.raise.cause);
        break;
    case STMT_TRY: walk_try(o, st); break;
    case STMT_ASSERT:
        walk_expr(o, st->as.assert_.test);
        walk_optional(o, st->as.assert_.msg);
        break;
    case STMT_IMPORT: walk_import(o, st, st->as.import.names, st->as.import.count); break;
    case STMT_IMPORT_FROM:
        walk_import(o, st, st->as.import_from.names, st->as.import_from.count);
        break;
    case STMT_EXPR: walk_expr(o, st->as.expr.value); break;
    case STMT_BREAK:
    case STMT_CONTINUE: walk_loop_exit(o, st); break;
    case STMT_GLOBAL:
    case STMT_NONLOCAL:
    case STMT_PASS: break;
    }
}

static void walk_stmts(orderer *o, const ast_stmt_list *body)
{
    for (int i = 0; i < body->count && !o->failed; i++)
        walk_stmt(o, body->items[i]);
}

/* compiler_set_qualname: nested names get `<parent>.<locals>.` in front, or just `<parent>.`
 * inside a comprehension; a def whose name its parent declares global keeps its bare name. */
static const char *make_qualname(arena *a, const scope *s)
{
    const scope *p = s->parent;
    if (!p || p->kind == SCOPE_MODULE)
        return s->name;
    if (s->kind == SCOPE_FUNCTION) {
        const scope_symbol *sym = scope_find(p, s->name);
        if (sym && sym->binding == BINDING_GLOBAL_EXPLICIT)
            return s->name;
    }
    if (p->kind == SCOPE_COMPREHENSION)
        return arena_printf(a, "%s.%s", p->qualname, s->name);
    return arena_printf(a, "%s.<locals>.%s", p->qualname, s->name);
}

static void add_param(orderer *o, const char *name)
{
    scope_symbol *sym = scope_find(o->u->s, name);
    if (sym && sym->slot < 0)
        add_varname(o, sym);
}

/* Parameters open co_varnames in the symtable's order: positional-only, positional,
 * keyword-only, *args, **kwargs; a comprehension's only parameter is `.0`. */
static void add_params(orderer *o, const scope *s)
{
    if (s->kind == SCOPE_COMPREHENSION) {
        add_param(o, ".0");
        return;
    }
    const ast_arguments *args = s->priv->def ? s->priv->def->as.function_def.args
                                             : s->priv->expr->as.lambda.args;
    for (int i = 0; i < args->nposonlyargs; i++)
        add_param(o, args->posonlyargs[i].name);
    for (int i = 0; i < args->nargs; i++)
        add_param(o, args->args[i].name);
    for (int i = 0; i < args->nkwonlyargs; i++)
        add_param(o, args->kwonlyargs[i].name);
    if (args->vararg)
        add_param(o, args->vararg->name);
    if (args->kwarg)
        add_param(o, args->kwarg->name);
}

/* compiler_comprehension_generator: generator by generator (the first one's iterable is the
 * `.0` argument), then the element; a dict comprehension's key before its value. */
static void walk_generators(orderer *o, ast_expr *e)
{
    ast_comprehension *gens = e->as.comp.generators;
    for (int i = 0; i < e->as.comp.ngenerators && !o->failed; i++) {
        if (i > 0)
            walk_expr(o, gens[i].iter);
        walk_expr(o, gens[i].target);
        walk_exprs(o, &gens[i].ifs);
    }
    if (e->kind == EXPR_DICT_COMP) {
        walk_expr(o, e->as.comp.key);
        walk_expr(o, e->as.comp.value);
    } else {
        walk_expr(o, e->as.comp.elt);
    }
}

static void walk_body(orderer *o, scope *s)
{
    switch (s->kind) {
    case SCOPE_MODULE: walk_stmts(o, &o->m->body); break;
    case SCOPE_FUNCTION: walk_stmts(o, &s->priv->def->as.function_def.body); break;
    case SCOPE_LAMBDA: walk_expr(o, s->priv->expr->as.lambda.body); break;
    case SCOPE_COMPREHENSION: walk_generators(o, s->priv->expr); break;
    }
}

static int compare_names(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* co_cellvars: the parameters that are cells in parameter order, then the other cells sorted
 * by name; co_freevars: sorted by name (dictbytype sorts, and 3.11's localsplus layout puts
 * cells that are also arguments first). Then every symbol learns its index. */
static void lay_out_cells(arena *a, scope *s)
{
    int ncells = 0, nfree = 0;
    for (int i = 0; i < s->nsymbols; i++) {
        ncells += s->symbols[i].binding == BINDING_CELL;
        nfree += s->symbols[i].binding == BINDING_FREE;
    }
    s->cellvars = arena_alloc(a, (size_t)(ncells + 1) * sizeof *s->cellvars);
    s->freevars = arena_alloc(a, (size_t)(nfree + 1) * sizeof *s->freevars);
    for (int i = 0; i < s->nvarnames; i++)
        if (scope_find(s, s->varnames[i])->binding == BINDING_CELL)
            s->cellvars[s->ncellvars++] = s->varnames[i];
    int params = s->ncellvars;
    for (int i = 0; i < s->nsymbols; i++) {
        const scope_symbol *sym = &s->symbols[i];
        if (sym->binding == BINDING_CELL && sym->slot < 0)
            s->cellvars[s->ncellvars++] = sym->name;
        else if (sym->binding == BINDING_FREE)
            s->freevars[s->nfreevars++] = sym->name;
    }
    qsort(s->cellvars + params, (size_t)(s->ncellvars - params), sizeof *s->cellvars, compare_names);
    qsort(s->freevars, (size_t)s->nfreevars, sizeof *s->freevars, compare_names);
    for (int i = 0; i < s->nsymbols; i++)
        if (s->symbols[i].binding == BINDING_LOCAL)
            s->symbols[i].index = s->symbols[i].slot;
    for (int i = 0; i < s->ncellvars; i++)
        scope_find(s, s->cellvars[i])->index = i;
    for (int i = 0; i < s->nfreevars; i++)
        scope_find(s, s->freevars[i])->index = s->ncellvars + i;
}

/* Scopes CPython never compiles (a lambda in a local variable's annotation) still get their
 * tables laid out, but their compile errors are never reported, as CPython never sees them. */
static void compile_unreached(orderer *o, scope *s)
{
    for (int i = 0; i < s->nchildren; i++) {
        scope *child = s->children[i];
        if (child->priv->ordered)
            continue;
        diag *real = o->d;
        diag ignored = {0};
        o->d = &ignored;
        compile_scope(o, child);
        o->d = real;
        o->failed = false;
    }
}

static void compile_scope(orderer *o, scope *s)
{
    unit u = {.s = s};
    unit *outer = o->u;
    o->u = &u;
    s->priv->ordered = true;
    s->qualname = make_qualname(o->a, s);
    if (is_function_like(s))
        add_params(o, s);
    walk_body(o, s);
    if (!o->failed)
        compile_unreached(o, s);
    s->children = u.children;
    s->nchildren = u.nchildren;
    lay_out_cells(o->a, s);
    o->u = outer;
}

bool scope_order(arena *a, ast_module *m, scope *module, diag *d)
{
    orderer o = {.a = a, .d = d, .m = m};
    compile_scope(&o, module);
    return !o.failed;
}
