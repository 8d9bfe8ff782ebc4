/* Scope analysis, pass 4: the captured variables that are stored by value (issue 5). A
 * parameter that its function never binds again, and that no inner scope declares nonlocal,
 * has its final value before any closure over it can exist and can never be unbound; so each
 * closure may hold a copy of the value instead of sharing a cell — LuaJIT's immutable upvalues,
 * Chez Scheme's unassigned variables. Cells stay wherever the unit's own source could tell the
 * difference, which it can only do by getting hold of a cell object (docs/language.md). */
#include <string.h>

#include "scope_internal.h"

/* ---- the introspection rule ------------------------------------------------------------ */

/* Cells are reached through `f.__closure__` and written through `cell.cell_contents`. */
static const char *const cell_names[] = {"__closure__", "cell_contents", NULL};

/* What can look up an attribute, or a builtin such as getattr, by a name computed at run time:
 * any mention of these keeps cells, except the plain `getattr(o, 'name', ...)` calls below. */
static const char *const gateways[] = {
    "getattr",  "setattr",      "delattr",          "vars",     "eval", "exec", "compile",
    "__dict__", "__builtins__", "__getattribute__", "builtins", NULL};

static bool listed(const char *const *names, const char *s, size_t n)
{
    for (; *names; names++)
        if (strlen(*names) == n && memcmp(*names, s, n) == 0)
            return true;
    return false;
}

static bool contains(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(s + i, needle, k) == 0)
            return true;
    return false;
}

typedef struct scan {
    bool found;
} scan;

/* An identifier anywhere: a name, an attribute, a parameter, an import, a keyword. */
static void scan_ident(scan *sc, const char *id)
{
    if (id && (listed(cell_names, id, strlen(id)) || listed(gateways, id, strlen(id))))
        sc->found = true;
}

/* A string literal (f-strings included) that names a cell attribute or a gateway, or
 * `__code__` for setattr: swapping the code of a function could pair an environment of
 * values with code that expects cells. */
static void scan_str(scan *sc, const ast_constant *c)
{
    if (c->kind != CONST_STR)
        return;
    for (const char *const *p = cell_names; *p; p++)
        if (contains(c->str, c->str_len, *p))
            sc->found = true;
    if (listed(gateways, c->str, c->str_len) || (c->str_len == 8 && !memcmp(c->str, "__code__", 8)))
        sc->found = true;
}

static void scan_expr(scan *sc, const ast_expr *e);
static void scan_stmts(scan *sc, const ast_stmt_list *body);

static void scan_exprs(scan *sc, const ast_expr_list *l)
{
    for (int i = 0; i < l->count; i++)
        scan_expr(sc, l->items[i]);
}

static void scan_opt(scan *sc, const ast_expr *e)
{
    if (e)
        scan_expr(sc, e);
}

static void scan_arg(scan *sc, const ast_arg *arg)
{
    scan_ident(sc, arg->name);
    scan_opt(sc, arg->annotation);
}

static void scan_arguments(scan *sc, const ast_arguments *a)
{
    for (int i = 0; i < a->nposonlyargs; i++)
        scan_arg(sc, &a->posonlyargs[i]);
    for (int i = 0; i < a->nargs; i++)
        scan_arg(sc, &a->args[i]);
    for (int i = 0; i < a->nkwonlyargs; i++) {
        scan_arg(sc, &a->kwonlyargs[i]);
        scan_opt(sc, a->kw_defaults[i]);
    }
    if (a->vararg)
        scan_arg(sc, a->vararg);
    if (a->kwarg)
        scan_arg(sc, a->kwarg);
    for (int i = 0; i < a->ndefaults; i++)
        scan_expr(sc, a->defaults[i]);
}

/* getattr(o, 'name'), setattr(o, 'name', v), delattr(o, 'name'): the attribute is a literal
 * (which scan_str still checks), so the call reaches nothing a plain `o.name` would not. */
static bool literal_attribute_call(const ast_expr *e)
{
    const ast_expr *fn = e->as.call.func;
    if (fn->kind != EXPR_NAME || e->as.call.nkeywords != 0 || e->as.call.args.count < 2)
        return false;
    const char *id = fn->as.name.id;
    if (strcmp(id, "getattr") != 0 && strcmp(id, "setattr") != 0 && strcmp(id, "delattr") != 0)
        return false;
    for (int i = 0; i < e->as.call.args.count; i++)
        if (e->as.call.args.items[i]->kind == EXPR_STARRED)
            return false;
    const ast_expr *attr = e->as.call.args.items[1];
    return attr->kind == EXPR_CONSTANT && attr->as.constant.kind == CONST_STR;
}

static void scan_call(scan *sc, const ast_expr *e)
{
    if (!literal_attribute_call(e))
        scan_expr(sc, e->as.call.func);
    scan_exprs(sc, &e->as.call.args);
    for (int i = 0; i < e->as.call.nkeywords; i++) {
        scan_ident(sc, e->as.call.keywords[i].arg);
        scan_expr(sc, e->as.call.keywords[i].value);
    }
}

static void scan_comprehension(scan *sc, const ast_expr *e)
{
    for (int i = 0; i < e->as.comp.ngenerators; i++) {
        scan_expr(sc, e->as.comp.generators[i].target);
        scan_expr(sc, e->as.comp.generators[i].iter);
        scan_exprs(sc, &e->as.comp.generators[i].ifs);
    }
    scan_opt(sc, e->as.comp.elt);
    scan_opt(sc, e->as.comp.key);
    scan_opt(sc, e->as.comp.value);
}

static void scan_attribute(scan *sc, const ast_expr *e)
{
    scan_ident(sc, e->as.attribute.attr);
    if (e->as.attribute.ctx != CTX_LOAD && strcmp(e->as.attribute.attr, "__code__") == 0)
        sc->found = true; /* f.__code__ = ...: see scan_str */
    scan_expr(sc, e->as.attribute.value);
}

static void scan_expr(scan *sc, const ast_expr *e)
{
    switch (e->kind) {
    case EXPR_BOOL_OP: scan_exprs(sc, &e->as.bool_op.values); break;
    case EXPR_BIN_OP:
        scan_expr(sc, e->as.bin_op.left);
        scan_expr(sc, e->as.bin_op.right);
        break;
    case EXPR_UNARY_OP: scan_expr(sc, e->as.unary_op.operand); break;
    case EXPR_LAMBDA:
        scan_arguments(sc, e->as.lambda.args);
        scan_expr(sc, e->as.lambda.body);
        break;
    case EXPR_IF_EXP:
        scan_expr(sc, e->as.if_exp.test);
        scan_expr(sc, e->as.if_exp.body);
        scan_expr(sc, e->as.if_exp.orelse);
        break;
    case EXPR_DICT:
        for (int i = 0; i < e->as.dict.count; i++) {
            scan_opt(sc, e->as.dict.keys[i]);
            scan_expr(sc, e->as.dict.values[i]);
        }
        break;
    case EXPR_SET: scan_exprs(sc, &e->as.set.elts); break;
    case EXPR_LIST_COMP:
    case EXPR_SET_COMP:
    case EXPR_DICT_COMP:
    case EXPR_GENERATOR_EXP: scan_comprehension(sc, e); break;
    case EXPR_COMPARE:
        scan_expr(sc, e->as.compare.left);
        scan_exprs(sc, &e->as.compare.comparators);
        break;
    case EXPR_CALL: scan_call(sc, e); break;
    case EXPR_FORMATTED_VALUE:
        scan_expr(sc, e->as.formatted_value.value);
        scan_opt(sc, e->as.formatted_value.format_spec);
        break;
    case EXPR_JOINED_STR: scan_exprs(sc, &e->as.joined_str.values); break;
    case EXPR_CONSTANT: scan_str(sc, &e->as.constant); break;
    case EXPR_ATTRIBUTE: scan_attribute(sc, e); break;
    case EXPR_SUBSCRIPT:
        scan_expr(sc, e->as.subscript.value);
        scan_expr(sc, e->as.subscript.slice);
        break;
    case EXPR_STARRED: scan_expr(sc, e->as.starred.value); break;
    case EXPR_NAME: scan_ident(sc, e->as.name.id); break;
    case EXPR_LIST:
    case EXPR_TUPLE: scan_exprs(sc, &e->as.list.elts); break;
    case EXPR_SLICE:
        scan_opt(sc, e->as.slice.lower);
        scan_opt(sc, e->as.slice.upper);
        scan_opt(sc, e->as.slice.step);
        break;
    }
}

static void scan_aliases(scan *sc, const ast_alias *names, int n)
{
    for (int i = 0; i < n; i++) {
        scan_ident(sc, names[i].name);
        scan_ident(sc, names[i].asname);
    }
}

static void scan_function_def(scan *sc, const ast_stmt *st)
{
    scan_ident(sc, st->as.function_def.name);
    scan_exprs(sc, &st->as.function_def.decorator_list);
    scan_arguments(sc, st->as.function_def.args);
    scan_opt(sc, st->as.function_def.returns);
    scan_stmts(sc, &st->as.function_def.body);
}

static void scan_try(scan *sc, const ast_stmt *st)
{
    scan_stmts(sc, &st->as.try_.body);
    for (int i = 0; i < st->as.try_.nhandlers; i++) {
        scan_opt(sc, st->as.try_.handlers[i].type);
        scan_ident(sc, st->as.try_.handlers[i].name);
        scan_stmts(sc, &st->as.try_.handlers[i].body);
    }
    scan_stmts(sc, &st->as.try_.orelse);
    scan_stmts(sc, &st->as.try_.finalbody);
}

static void scan_stmt(scan *sc, const ast_stmt *st)
{
    switch (st->kind) {
    case STMT_FUNCTION_DEF: scan_function_def(sc, st); break;
    case STMT_RETURN: scan_opt(sc, st->as.return_.value); break;
    case STMT_DELETE: scan_exprs(sc, &st->as.delete_.targets); break;
    case STMT_ASSIGN:
        scan_exprs(sc, &st->as.assign.targets);
        scan_expr(sc, st->as.assign.value);
        break;
    case STMT_AUG_ASSIGN:
        scan_expr(sc, st->as.aug_assign.target);
        scan_expr(sc, st->as.aug_assign.value);
        break;
    case STMT_ANN_ASSIGN:
        scan_expr(sc, st->as.ann_assign.target);
        scan_expr(sc, st->as.ann_assign.annotation);
        scan_opt(sc, st->as.ann_assign.value);
        break;
    case STMT_FOR:
        scan_expr(sc, st->as.for_.target);
        scan_expr(sc, st->as.for_.iter);
        scan_stmts(sc, &st->as.for_.body);
        scan_stmts(sc, &st->as.for_.orelse);
        break;
    case STMT_WHILE:
    case STMT_IF:
        scan_expr(sc, st->as.while_.test);
        scan_stmts(sc, &st->as.while_.body);
        scan_stmts(sc, &st->as.while_.orelse);
        break;
    case STMT_RAISE:
        scan_opt(sc, st->as.raise.exc);
        scan_opt(sc, st->as.raise.cause);
        break;
    case STMT_TRY: scan_try(sc, st); break;
    case STMT_ASSERT:
        scan_expr(sc, st->as.assert_.test);
        scan_opt(sc, st->as.assert_.msg);
        break;
    case STMT_IMPORT: scan_aliases(sc, st->as.import.names, st->as.import.count); break;
    case STMT_IMPORT_FROM:
        scan_ident(sc, st->as.import_from.module);
        scan_aliases(sc, st->as.import_from.names, st->as.import_from.count);
        break;
    case STMT_GLOBAL:
    case STMT_NONLOCAL:
        for (int i = 0; i < st->as.global.count; i++)
            scan_ident(sc, st->as.global.names[i]);
        break;
    case STMT_EXPR: scan_expr(sc, st->as.expr.value); break;
    case STMT_PASS:
    case STMT_BREAK:
    case STMT_CONTINUE: break;
    }
}

static void scan_stmts(scan *sc, const ast_stmt_list *body)
{
    for (int i = 0; i < body->count && !sc->found; i++)
        scan_stmt(sc, body->items[i]);
}

/* ---- immutable variables ---------------------------------------------------------------- */

/* The symbol of the function that owns the variable `name` is free in `s`: the nearest
 * enclosing scope where it is a cell (the scopes in between have it free too). */
static scope_symbol *owner_of(const scope *s, const char *name)
{
    for (const scope *p = s->parent; p; p = p->parent) {
        scope_symbol *sym = scope_find(p, name);
        if (sym && sym->binding == BINDING_CELL)
            return sym;
    }
    return NULL;
}

/* A cell that is a parameter nothing in its function binds again: no assignment, augmented
 * assignment, del, for target, import, except-as, def or annotation of that name
 * (SYM_ASSIGNED covers them all). */
static void mark_parameters(scope *s)
{
    for (int i = 0; i < s->nsymbols; i++) {
        scope_symbol *sym = &s->symbols[i];
        sym->by_value = sym->binding == BINDING_CELL && (sym->flags & SYM_PARAM) &&
                        !(sym->flags & SYM_ASSIGNED);
    }
    for (int i = 0; i < s->nchildren; i++)
        mark_parameters(s->children[i]);
}

/* A nonlocal declaration anywhere inside lets that scope rebind (or delete) the variable; a
 * free variable past SCOPE_MAX_BYVALUE of any function does not fit its mask. */
static void unmark_rebound(scope *s)
{
    for (int i = 0; i < s->nsymbols; i++) {
        const scope_symbol *sym = &s->symbols[i];
        if (sym->binding != BINDING_FREE)
            continue;
        bool rebound = sym->flags & SYM_NONLOCAL;
        bool beyond_mask = sym->index - s->ncellvars >= SCOPE_MAX_BYVALUE;
        scope_symbol *owner = owner_of(s, sym->name);
        if (owner && (rebound || beyond_mask))
            owner->by_value = false;
    }
    for (int i = 0; i < s->nchildren; i++)
        unmark_rebound(s->children[i]);
}

/* Every function the variable is free in, passing through or reading it, holds it as its owner
 * does, so a closure's environment always has the shape its code expects. */
static void mark_free(scope *s)
{
    for (int i = 0; i < s->nsymbols; i++) {
        scope_symbol *sym = &s->symbols[i];
        if (sym->binding == BINDING_FREE) {
            const scope_symbol *owner = owner_of(s, sym->name);
            sym->by_value = owner && owner->by_value;
        }
    }
    for (int i = 0; i < s->nchildren; i++)
        mark_free(s->children[i]);
}

void scope_byvalue(ast_module *m, scope *module)
{
    scan sc = {false};
    scan_stmts(&sc, &m->body);
    module->keeps_cells = sc.found;
    if (module->keeps_cells)
        return;
    mark_parameters(module);
    unmark_rebound(module);
    mark_free(module);
}
