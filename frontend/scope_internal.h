/* Private to scope analysis: the bookkeeping its passes share. scope_collect.c walks the AST in
 * CPython's symtable order collecting symbols; scope.c resolves every name to a binding;
 * scope_order.c walks again in CPython's compiler order to lay out varnames and children;
 * scope_byvalue.c then decides which captured variables need no cell. */
#ifndef CELLAR_SCOPE_INTERNAL_H
#define CELLAR_SCOPE_INTERNAL_H

#include <stdarg.h>

#include "scope.h"

/* A `global` or `nonlocal` statement naming a symbol: CPython reports the errors it finds while
 * resolving a name at the first such statement. */
typedef struct scope_directive {
    const char *name;
    ast_loc loc;
} scope_directive;

struct scope_private {
    /* Open-addressing index over `symbols`: entry = symbol index + 1, 0 = empty. The table size
     * is a power of two kept at least twice the symbol count. */
    int *buckets;
    int nbuckets;
    int symbols_cap;
    int children_cap;
    int varnames_cap;
    scope_directive *directives;
    int ndirectives, directives_cap;
    /* The node that opens the scope: a function_def, or a lambda / comprehension expression
     * (both NULL for the module). */
    ast_stmt *def;
    ast_expr *expr;
    bool ordered; /* the compile-order pass has laid it out */
};

/* A new scope, not yet linked into its parent's children. */
scope *scope_new(arena *a, scope_kind kind, const char *name, scope *parent);

/* Appends `child` to `s->children`. */
void scope_add_child(arena *a, scope *s, scope *child);

/* The symbol for `name` in `s`, or NULL. */
scope_symbol *scope_find(const scope *s, const char *name);

/* The symbol for `name` in `s`, created (flags 0, BINDING_LOCAL, no slot) when missing. Pointers
 * into `s->symbols` are invalidated when a symbol is created. */
scope_symbol *scope_intern(arena *a, scope *s, const char *name);

/* Records a SyntaxError (or `kind`) at CPython's caret position for node span `loc`
 * (0-based columns become 1-based, as CPython's SyntaxError.offset). */
void scope_error(diag *d, const char *kind, ast_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Pass 1: builds the scope tree (children in symtable order) and every symbol's flags,
 * reporting the errors CPython's symtable raises while visiting. */
bool scope_collect(arena *a, ast_module *m, scope *module, diag *d);

/* Pass 3: reorders children into compile order and fills varnames, cellvars, freevars,
 * qualnames and symbol indices, reporting the errors CPython's compiler raises. */
bool scope_order(arena *a, ast_module *m, scope *module, diag *d);

/* Pass 4: marks the captured variables that are stored by value (scope_symbol.by_value), unless
 * the unit could observe cells (scope.keeps_cells). Never fails and changes no name tuple. */
void scope_byvalue(ast_module *m, scope *module);

#endif
