/* Scope analysis, pass 1: walks the AST in exactly the order CPython 3.11's symtable.c does,
 * opening a scope for every def, lambda and comprehension and recording how each scope uses
 * each name. The visiting order matters only for which error is reported first. */
#include <string.h>

#include "scope_internal.h"

typedef struct collector {
    arena *a;
    diag *d;
    scope *module;
    scope *cur;
    int depth; /* statements and expressions being visited, for SCOPE_MAX_NESTING */
    bool failed;
} collector;

static void visit_expr(collector *c, ast_expr *e);
static void visit_stmts(collector *c, const ast_stmt_list *body);

/* Adds `flags` to the symbol `name` of the current scope (symtable_add_def). A `global`
 * also marks the module's symbol, as CPython's st_global does, so the module then reads and
 * writes that name with the *_GLOBAL operations. */
static void add_def(collector *c, const char *name, unsigned flags, ast_loc loc)
{
    scope_symbol *sym = scope_intern(c->a, c->cur, name);
    if ((flags & SYM_PARAM) && (sym->flags & SYM_PARAM)) {
        scope_error(c->d, "SyntaxError", loc, "duplicate argument '%s' in function definition",
                    name);
        c->failed = true;
        return;
    }
    sym->flags |= flags;
    if ((flags & SYM_GLOBAL) && c->cur != c->module)
        scope_intern(c->a, c->module, name)->flags |= SYM_GLOBAL;
}

/* Counts nesting; false (with the error recorded) once it passes CPython's limit. */
static bool enter_node(collector *c)
{
    if (c->failed)
        return false;
    if (++c->depth > SCOPE_MAX_NESTING) {
        /* CPython's RecursionError carries no location. */
        diag_set(c->d, "RecursionError", 0, 0, 0, 0,
                 "maximum recursion depth exceeded during compilation");
        c->failed = true;
        return false;
    }
    return true;
}

static scope *enter_scope(collector *c, scope_kind kind, const char *name, int line)
{
    scope *s = scope_new(c->a, kind, name, c->cur);
    s->firstlineno = line;
    scope_add_child(c->a, c->cur, s);
    c->cur = s;
    return s;
}

static void leave_scope(collector *c) { c->cur = c->cur->parent; }

static void visit_exprs(collector *c, const ast_expr_list *l)
{
    for (int i = 0; i < l->count && !c->failed; i++)
        visit_expr(c, l->items[i]);
}

static void visit_optional(collector *c, ast_expr *e)
{
    if (e)
        visit_expr(c, e);
}

static void add_param(collector *c, const ast_arg *arg)
{
    if (!c->failed)
        add_def(c, arg->name, SYM_PARAM, arg->loc);
}

/* symtable_visit_arguments: positional-only, positional, keyword-only, then *args and
 * **kwargs. This is also the order of the parameters in co_varnames. */
static void visit_params(collector *c, const ast_arguments *args)
{
    scope *s = c->cur;
    for (int i = 0; i < args->nposonlyargs; i++)
        add_param(c, &args->posonlyargs[i]);
    for (int i = 0; i < args->nargs; i++)
        add_param(c, &args->args[i]);
    for (int i = 0; i < args->nkwonlyargs; i++)
        add_param(c, &args->kwonlyargs[i]);
    if (args->vararg)
        add_param(c, args->vararg);
    if (args->kwarg)
        add_param(c, args->kwarg);
    s->argcount = args->nposonlyargs + args->nargs;
    s->posonlyargcount = args->nposonlyargs;
    s->kwonlyargcount = args->nkwonlyargs;
    s->has_varargs = args->vararg != NULL;
    s->has_varkeywords = args->kwarg != NULL;
}

/* Defaults belong to the enclosing scope: positional defaults, then keyword-only ones. */
static void visit_defaults(collector *c, const ast_arguments *args)
{
    for (int i = 0; i < args->ndefaults && !c->failed; i++)
        visit_expr(c, args->defaults[i]);
    for (int i = 0; i < args->nkwonlyargs && !c->failed; i++)
        visit_optional(c, args->kw_defaults[i]);
}

static void visit_arg_annotations(collector *c, const ast_arg *args, int n)
{
    for (int i = 0; i < n && !c->failed; i++)
        visit_optional(c, args[i].annotation);
}

/* symtable_visit_annotations: note that **kwargs comes before the keyword-only arguments. */
static void visit_annotations(collector *c, const ast_arguments *args, ast_expr *returns)
{
    visit_arg_annotations(c, args->posonlyargs, args->nposonlyargs);
    visit_arg_annotations(c, args->args, args->nargs);
    if (args->vararg)
        visit_arg_annotations(c, args->vararg, 1);
    if (args->kwarg)
        visit_arg_annotations(c, args->kwarg, 1);
    visit_arg_annotations(c, args->kwonlyargs, args->nkwonlyargs);
    if (!c->failed)
        visit_optional(c, returns);
}

static bool starts_with_docstring(const ast_stmt_list *body)
{
    if (body->count == 0 || body->items[0]->kind != STMT_EXPR)
        return false;
    const ast_expr *e = body->items[0]->as.expr.value;
    return e->kind == EXPR_CONSTANT && e->as.constant.kind == CONST_STR;
}

/* A def binds its name first; defaults, annotations and decorators are evaluated in the
 * enclosing scope; then the body gets a scope of its own. */
static void visit_function_def(collector *c, ast_stmt *st)
{
    ast_arguments *args = st->as.function_def.args;
    add_def(c, st->as.function_def.name, SYM_ASSIGNED | SYM_STORED, st->loc);
    visit_defaults(c, args);
    visit_annotations(c, args, st->as.function_def.returns);
    visit_exprs(c, &st->as.function_def.decorator_list);
    if (c->failed)
        return;
    const ast_expr_list *decorators = &st->as.function_def.decorator_list;
    int line = decorators->count ? decorators->items[0]->loc.line : st->loc.line;
    scope *s = enter_scope(c, SCOPE_FUNCTION, st->as.function_def.name, line);
    s->priv->def = st;
    s->has_docstring = starts_with_docstring(&st->as.function_def.body);
    st->as.function_def.scope = s;
    visit_params(c, args);
    visit_stmts(c, &st->as.function_def.body);
    leave_scope(c);
}

static void visit_lambda(collector *c, ast_expr *e)
{
    ast_arguments *args = e->as.lambda.args;
    visit_defaults(c, args);
    if (c->failed)
        return;
    scope *s = enter_scope(c, SCOPE_LAMBDA, "<lambda>", e->loc.line);
    s->priv->expr = e;
    e->as.lambda.scope = s;
    visit_params(c, args);
    visit_expr(c, e->as.lambda.body);
    leave_scope(c);
}

static const char *comprehension_name(ast_expr_kind kind)
{
    switch (kind) {
    case EXPR_LIST_COMP: return "<listcomp>";
    case EXPR_SET_COMP: return "<setcomp>";
    case EXPR_DICT_COMP: return "<dictcomp>";
    default: return "<genexpr>";
    }
}

/* symtable_handle_comprehension: the first iterable is evaluated in the enclosing scope and
 * passed in as the implicit parameter `.0`; everything else runs in the comprehension's own
 * scope. A dict comprehension's value is visited before its key. */
static void visit_comprehension(collector *c, ast_expr *e)
{
    ast_comprehension *gens = e->as.comp.generators;
    visit_expr(c, gens[0].iter);
    if (c->failed)
        return;
    scope *s = enter_scope(c, SCOPE_COMPREHENSION, comprehension_name(e->kind), e->loc.line);
    s->priv->expr = e;
    e->as.comp.scope = s;
    add_def(c, ".0", SYM_PARAM, e->loc);
    s->argcount = 1;
    visit_expr(c, gens[0].target);
    visit_exprs(c, &gens[0].ifs);
    for (int i = 1; i < e->as.comp.ngenerators && !c->failed; i++) {
        visit_expr(c, gens[i].target);
        visit_expr(c, gens[i].iter);
        visit_exprs(c, &gens[i].ifs);
    }
    if (e->kind == EXPR_DICT_COMP) {
        visit_expr(c, e->as.comp.value);
        visit_expr(c, e->as.comp.key);
    } else {
        visit_expr(c, e->as.comp.elt);
    }
    leave_scope(c);
}

static void visit_name(collector *c, ast_expr *e)
{
    if (e->as.name.ctx == CTX_LOAD)
        add_def(c, e->as.name.id, SYM_USED, e->loc);
    else
        add_def(c, e->as.name.id, SYM_ASSIGNED | SYM_STORED, e->loc);
}

static void visit_call(collector *c, ast_expr *e)
{
    visit_expr(c, e->as.call.func);
    visit_exprs(c, &e->as.call.args);
    for (int i = 0; i < e->as.call.nkeywords && !c->failed; i++)
        visit_expr(c, e->as.call.keywords[i].value);
}

/* A dict display: CPython visits all the keys, then all the values. */
static void visit_dict(collector *c, ast_expr *e)
{
    for (int i = 0; i < e->as.dict.count && !c->failed; i++)
        visit_optional(c, e->as.dict.keys[i]);
    for (int i = 0; i < e->as.dict.count && !c->failed; i++)
        visit_expr(c, e->as.dict.values[i]);
}

static void visit_expr(collector *c, ast_expr *e)
{
    if (!enter_node(c))
        return;
    switch (e->kind) {
    case EXPR_BOOL_OP: visit_exprs(c, &e->as.bool_op.values); break;
    case EXPR_BIN_OP:
        visit_expr(c, e->as.bin_op.left);
        visit_expr(c, e->as.bin_op.right);
        break;
    case EXPR_UNARY_OP: visit_expr(c, e->as.unary_op.operand); break;
    case EXPR_LAMBDA: visit_lambda(c, e); break;
    case EXPR_IF_EXP:
        visit_expr(c, e->as.if_exp.test);
        visit_expr(c, e->as.if_exp.body);
        visit_expr(c, e->as.if_exp.orelse);
        break;
    case EXPR_DICT: visit_dict(c, e); break;
    case EXPR_SET: visit_exprs(c, &e->as.set.elts); break;
    case EXPR_LIST_COMP:
    case EXPR_SET_COMP:
    case EXPR_DICT_COMP:
    case EXPR_GENERATOR_EXP: visit_comprehension(c, e); break;
    case EXPR_COMPARE:
        visit_expr(c, e->as.compare.left);
        visit_exprs(c, &e->as.compare.comparators);
        break;
    case EXPR_CALL: visit_call(c, e); break;
    case EXPR_FORMATTED_VALUE:
        visit_expr(c, e->as.formatted_value.value);
        visit_optional(c, e->as.formatted_value.format_spec);
        break;
    case EXPR_JOINED_STR: visit_exprs(c, &e->as.joined_str.values); break;
    case EXPR_CONSTANT: break;
    case EXPR_ATTRIBUTE: visit_expr(c, e->as.attribute.value); break;
    case EXPR_SUBSCRIPT:
        visit_expr(c, e->as.subscript.value);
        visit_expr(c, e->as.subscript.slice);
        break;
    case EXPR_STARRED: visit_expr(c, e->as.starred.value); break;
    case EXPR_NAME: visit_name(c, e); break;
    case EXPR_LIST:
    case EXPR_TUPLE: visit_exprs(c, &e->as.list.elts); break;
    case EXPR_SLICE:
        visit_optional(c, e->as.slice.lower);
        visit_optional(c, e->as.slice.upper);
        visit_optional(c, e->as.slice.step);
        break;
    }
    c->depth--;
}

/* Records a `global`/`nonlocal` statement against `name`, where resolution errors point. */
static void add_directive(collector *c, const char *name, ast_loc loc)
{
    struct scope_private *p = c->cur->priv;
    if (p->ndirectives == p->directives_cap) {
        int cap = p->directives_cap ? 2 * p->directives_cap : 4;
        scope_directive *grown = arena_alloc(c->a, (size_t)cap * sizeof *grown);
        if (p->ndirectives)
            memcpy(grown, p->directives, (size_t)p->ndirectives * sizeof *grown);
        p->directives = grown;
        p->directives_cap = cap;
    }
    p->directives[p->ndirectives++] = (scope_directive){name, loc};
}

/* The message for a `global`/`nonlocal` that follows another use of the name in this scope,
 * checked in CPython's order; NULL when the declaration is allowed. */
static const char *declaration_conflict(unsigned flags, bool global)
{
    if (flags & SYM_PARAM)
        return global ? "name '%s' is parameter and global" : "name '%s' is parameter and nonlocal";
    if (flags & SYM_USED)
        return global ? "name '%s' is used prior to global declaration"
                      : "name '%s' is used prior to nonlocal declaration";
    if (flags & SYM_ANNOTATED)
        return global ? "annotated name '%s' can't be global" : "annotated name '%s' can't be nonlocal";
    if (flags & SYM_STORED)
        return global ? "name '%s' is assigned to before global declaration"
                      : "name '%s' is assigned to before nonlocal declaration";
    return NULL;
}

static void visit_declaration(collector *c, ast_stmt *st, bool global)
{
    for (int i = 0; i < st->as.global.count && !c->failed; i++) {
        const char *name = st->as.global.names[i];
        const scope_symbol *sym = scope_find(c->cur, name);
        const char *conflict = declaration_conflict(sym ? sym->flags : 0, global);
        if (conflict) {
            scope_error(c->d, "SyntaxError", st->loc, conflict, name);
            c->failed = true;
            return;
        }
        add_def(c, name, global ? SYM_GLOBAL : SYM_NONLOCAL, st->loc);
        add_directive(c, name, st->loc);
    }
}

/* `import a.b` binds `a`; `import a.b as c` binds `c`; `*` binds nothing and is allowed only
 * at module level. */
static void visit_alias(collector *c, const ast_alias *alias)
{
    const char *name = alias->asname ? alias->asname : alias->name;
    if (strcmp(name, "*") == 0) {
        if (c->cur != c->module) {
            scope_error(c->d, "SyntaxError", alias->loc, "import * only allowed at module level");
            c->failed = true;
        }
        return;
    }
    const char *dot = strchr(name, '.');
    if (dot)
        name = arena_strndup(c->a, name, (size_t)(dot - name));
    add_def(c, name, SYM_ASSIGNED | SYM_IMPORTED, alias->loc);
}

/* `x: T = v`: a simple name target is local even without a value, and a global or nonlocal
 * one is an error; the annotation is visited before the value. */
static void visit_ann_assign(collector *c, ast_stmt *st)
{
    ast_expr *target = st->as.ann_assign.target;
    bool simple = st->as.ann_assign.simple;
    if (target->kind == EXPR_NAME) {
        const char *name = target->as.name.id;
        const scope_symbol *sym = scope_find(c->cur, name);
        unsigned flags = sym ? sym->flags : 0;
        if ((flags & (SYM_GLOBAL | SYM_NONLOCAL)) && c->cur != c->module && simple) {
            scope_error(c->d, "SyntaxError", st->loc,
                        (flags & SYM_GLOBAL) ? "annotated name '%s' can't be global"
                                             : "annotated name '%s' can't be nonlocal",
                        name);
            c->failed = true;
            return;
        }
        if (simple)
            add_def(c, name, SYM_ANNOTATED | SYM_ASSIGNED | SYM_STORED, target->loc);
        else if (st->as.ann_assign.value)
            add_def(c, name, SYM_ASSIGNED | SYM_STORED, target->loc);
    } else {
        visit_expr(c, target);
    }
    if (!c->failed)
        visit_expr(c, st->as.ann_assign.annotation);
    if (!c->failed)
        visit_optional(c, st->as.ann_assign.value);
}

/* try: CPython 3.11 visits the body, the else clause, the handlers, then the finally body. */
static void visit_try(collector *c, ast_stmt *st)
{
    visit_stmts(c, &st->as.try_.body);
    visit_stmts(c, &st->as.try_.orelse);
    for (int i = 0; i < st->as.try_.nhandlers && !c->failed; i++) {
        ast_excepthandler *h = &st->as.try_.handlers[i];
        visit_optional(c, h->type);
        if (h->name && !c->failed)
            add_def(c, h->name, SYM_ASSIGNED | SYM_STORED, h->loc);
        visit_stmts(c, &h->body);
    }
    visit_stmts(c, &st->as.try_.finalbody);
}

static void visit_stmt(collector *c, ast_stmt *st)
{
    if (!enter_node(c))
        return;
    switch (st->kind) {
    case STMT_FUNCTION_DEF: visit_function_def(c, st); break;
    case STMT_RETURN: visit_optional(c, st->as.return_.value); break;
    case STMT_DELETE: visit_exprs(c, &st->as.delete_.targets); break;
    case STMT_ASSIGN:
        visit_exprs(c, &st->as.assign.targets);
        visit_expr(c, st->as.assign.value);
        break;
    case STMT_AUG_ASSIGN:
        visit_expr(c, st->as.aug_assign.target);
        visit_expr(c, st->as.aug_assign.value);
        break;
    case STMT_ANN_ASSIGN: visit_ann_assign(c, st); break;
    case STMT_FOR:
        visit_expr(c, st->as.for_.target);
        visit_expr(c, st->as.for_.iter);
        visit_stmts(c, &st->as.for_.body);
        visit_stmts(c, &st->as.for_.orelse);
        break;
    case STMT_WHILE:
    case STMT_IF:
        visit_expr(c, st->as.while_.test);
        visit_stmts(c, &st->as.while_.body);
        visit_stmts(c, &st->as.while_.orelse);
        break;
    case STMT_RAISE:
        if (st->as.raise.exc) {
            visit_expr(c, st->as.raise.exc);
            visit_optional(c, st->as.raise.cause);
        }
        break;
    case STMT_TRY: visit_try(c, st); break;
    case STMT_ASSERT:
        visit_expr(c, st->as.assert_.test);
        visit_optional(c, st->as.assert_.msg);
        break;
    case STMT_IMPORT:
        for (int i = 0; i < st->as.import.count && !c->failed; i++)
            visit_alias(c, &st->as.import.names[i]);
        break;
    case STMT_IMPORT_FROM:
        for (int i = 0; i < st->as.import_from.count && !c->failed; i++)
            visit_alias(c, &st->as.import_from.names[i]);
        break;
    case STMT_GLOBAL: visit_declaration(c, st, true); break;
    case STMT_NONLOCAL: visit_declaration(c, st, false); break;
    case STMT_EXPR: visit_expr(c, st->as.expr.value); break;
    case STMT_PASS:
    case STMT_BREAK:
    case STMT_CONTINUE: break;
    }
    c->depth--;
}

static void visit_stmts(collector *c, const ast_stmt_list *body)
{
    for (int i = 0; i < body->count && !c->failed; i++)
        visit_stmt(c, body->items[i]);
}

bool scope_collect(arena *a, ast_module *m, scope *module, diag *d)
{
    collector c = {.a = a, .d = d, .module = module, .cur = module};
    module->has_docstring = starts_with_docstring(&m->body);
    visit_stmts(&c, &m->body);
    return !c.failed;
}
