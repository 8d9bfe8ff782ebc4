/* Scope analysis: the driver of its passes, the per-scope symbol tables, and pass 2,
 * which resolves every name to a binding the way CPython 3.11's analyze_name does, turning
 * captured locals into cells and threading free variables through intermediate functions. */
#include "scope.h"

#include <stdio.h>
#include <string.h>

#include "scope_internal.h"

scope *scope_new(arena *a, scope_kind kind, const char *name, scope *parent)
{
    scope *s = arena_alloc(a, sizeof *s);
    s->kind = kind;
    s->name = name;
    s->qualname = name;
    s->parent = parent;
    s->firstlineno = 1;
    s->priv = arena_alloc(a, sizeof *s->priv);
    return s;
}

void scope_add_child(arena *a, scope *s, scope *child)
{
    struct scope_private *p = s->priv;
    if (s->nchildren == p->children_cap) {
        int cap = p->children_cap ? 2 * p->children_cap : 4;
        scope **grown = arena_alloc(a, (size_t)cap * sizeof *grown);
        if (s->nchildren)
            memcpy(grown, s->children, (size_t)s->nchildren * sizeof *grown);
        s->children = grown;
        p->children_cap = cap;
    }
    s->children[s->nchildren++] = child;
}

/* FNV-1a: names are short, and this keeps the table independent of pointer identity (the
 * parser need not intern identifiers). */
static unsigned hash_name(const char *name)
{
    unsigned h = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++)
        h = (h ^ *p) * 16777619u;
    return h;
}

scope_symbol *scope_find(const scope *s, const char *name)
{
    const struct scope_private *p = s->priv;
    if (!p || p->nbuckets == 0)
        return NULL;
    unsigned mask = (unsigned)p->nbuckets - 1;
    for (unsigned i = hash_name(name) & mask;; i = (i + 1) & mask) {
        int entry = p->buckets[i];
        if (entry == 0)
            return NULL;
        if (strcmp(s->symbols[entry - 1].name, name) == 0)
            return &s->symbols[entry - 1];
    }
}

static void insert_bucket(struct scope_private *p, const char *name, int index)
{
    unsigned mask = (unsigned)p->nbuckets - 1;
    unsigned i = hash_name(name) & mask;
    while (p->buckets[i] != 0)
        i = (i + 1) & mask;
    p->buckets[i] = index + 1;
}

/* Grows the symbol array and, past half load, rebuilds the index at twice the size. */
static void reserve_symbol(arena *a, scope *s)
{
    struct scope_private *p = s->priv;
    if (s->nsymbols == p->symbols_cap) {
        int cap = p->symbols_cap ? 2 * p->symbols_cap : 8;
        scope_symbol *grown = arena_alloc(a, (size_t)cap * sizeof *grown);
        if (s->nsymbols)
            memcpy(grown, s->symbols, (size_t)s->nsymbols * sizeof *grown);
        s->symbols = grown;
        p->symbols_cap = cap;
    }
    if (2 * (s->nsymbols + 1) > p->nbuckets) {
        p->nbuckets = p->nbuckets ? 2 * p->nbuckets : 16;
        p->buckets = arena_alloc(a, (size_t)p->nbuckets * sizeof *p->buckets);
        for (int i = 0; i < s->nsymbols; i++)
            insert_bucket(p, s->symbols[i].name, i);
    }
}

scope_symbol *scope_intern(arena *a, scope *s, const char *name)
{
    scope_symbol *sym = scope_find(s, name);
    if (sym)
        return sym;
    reserve_symbol(a, s);
    sym = &s->symbols[s->nsymbols];
    *sym = (scope_symbol){.name = name, .binding = BINDING_LOCAL, .index = -1, .slot = -1};
    insert_bucket(s->priv, name, s->nsymbols++);
    return sym;
}

void scope_error(diag *d, const char *kind, ast_loc loc, const char *fmt, ...)
{
    char message[DIAG_MESSAGE_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    diag_set(d, kind, loc.line, loc.col + 1, loc.end_line, loc.end_col + 1, "%s", message);
}

/* error_at_directive: resolution errors point at the first global/nonlocal naming `name`. */
static bool directive_error(const scope *s, const char *name, diag *d, const char *fmt)
{
    const struct scope_private *p = s->priv;
    ast_loc loc = {0, -1, 0, -1};
    for (int i = 0; i < p->ndirectives; i++) {
        if (strcmp(p->directives[i].name, name) == 0) {
            loc = p->directives[i].loc;
            break;
        }
    }
    scope_error(d, "SyntaxError", loc, fmt, name);
    return false;
}

static bool binds_locally(unsigned flags)
{
    return (flags & (SYM_ASSIGNED | SYM_PARAM)) && !(flags & (SYM_GLOBAL | SYM_NONLOCAL));
}

/* CPython's `bound` set: is `name` a local of some enclosing function, with no `global`
 * declaration on the way out? The module's own names never count. */
static bool bound_outside(const scope *s, const char *name)
{
    for (const scope *p = s->parent; p && p->kind != SCOPE_MODULE; p = p->parent) {
        const scope_symbol *sym = scope_find(p, name);
        if (!sym)
            continue;
        if (sym->flags & SYM_GLOBAL)
            return false;
        if (binds_locally(sym->flags))
            return true;
    }
    return false;
}

/* clox's resolveUpvalue in CPython's terms: walks out from `p`, making `name` free in every
 * function that merely passes it through, until the owner, whose local becomes a cell. An
 * enclosing scope where the name is already free has threaded it further out itself, since
 * scopes are resolved outside-in. */
static void capture(arena *a, scope *p, const char *name)
{
    for (; p && p->kind != SCOPE_MODULE; p = p->parent) {
        scope_symbol *sym = scope_find(p, name);
        if (!sym) {
            sym = scope_intern(a, p, name);
            sym->flags = SYM_CAPTURED;
            sym->binding = BINDING_FREE;
            continue;
        }
        sym->flags |= SYM_CAPTURED;
        if (sym->binding == BINDING_LOCAL)
            sym->binding = BINDING_CELL;
        return;
    }
}

/* analyze_name: global beats nonlocal beats bound beats free beats implicit global. */
static bool resolve_symbol(arena *a, scope *s, int i, diag *d)
{
    const char *name = s->symbols[i].name;
    unsigned flags = s->symbols[i].flags;
    bool module = s->kind == SCOPE_MODULE;
    scope_binding binding;
    if (flags & SYM_GLOBAL) {
        if (flags & SYM_NONLOCAL)
            return directive_error(s, name, d, "name '%s' is nonlocal and global");
        binding = BINDING_GLOBAL_EXPLICIT;
    } else if (flags & SYM_NONLOCAL) {
        if (module)
            return directive_error(s, name, d, "nonlocal declaration not allowed at module level");
        if (!bound_outside(s, name))
            return directive_error(s, name, d, "no binding for nonlocal '%s' found");
        binding = BINDING_FREE;
    } else if (flags & (SYM_ASSIGNED | SYM_PARAM)) {
        binding = module ? BINDING_NAME : BINDING_LOCAL;
    } else if (!module && bound_outside(s, name)) {
        binding = BINDING_FREE;
    } else {
        binding = module ? BINDING_NAME : BINDING_GLOBAL_IMPLICIT;
    }
    s->symbols[i].binding = binding;
    if (binding == BINDING_FREE)
        capture(a, s->parent, name);
    return true;
}

/* analyze_block: a scope's own names first (in symbol order), then its children in symtable
 * order, so errors come out in CPython's order. Children only ever append pass-through
 * symbols to this scope after its own names are done. */
static bool resolve_scope(arena *a, scope *s, diag *d)
{
    int own = s->nsymbols;
    for (int i = 0; i < own; i++)
        if (!resolve_symbol(a, s, i, d))
            return false;
    for (int i = 0; i < s->nchildren; i++)
        if (!resolve_scope(a, s->children[i], d))
            return false;
    return true;
}

scope *scope_analyze(arena *a, ast_module *m, diag *d)
{
    scope *module = scope_new(a, SCOPE_MODULE, "<module>", NULL);
    m->scope = module;
    if (!scope_collect(a, m, module, d) || !resolve_scope(a, module, d) ||
        !scope_order(a, m, module, d))
        return NULL;
    scope_byvalue(m, module);
    return module;
}

const scope_symbol *scope_lookup(const scope *s, const char *name) { return scope_find(s, name); }

scope_binding scope_resolve(const scope *s, const char *name, int *index)
{
    const scope_symbol *sym = scope_find(s, name);
    if (index)
        *index = sym ? sym->index : -1;
    if (sym)
        return sym->binding;
    return s->kind == SCOPE_MODULE ? BINDING_NAME : BINDING_GLOBAL_IMPLICIT;
}
