/* Scope analysis: decides, for every name in every scope (module, function, lambda,
 * comprehension), where it lives at run time — a local slot, a cell the scope owns, a cell
 * captured from an enclosing function, or the module's globals — exactly as CPython 3.11's
 * symtable does, and records co_varnames / co_cellvars / co_freevars in CPython's order. */
#ifndef CELLAR_SCOPE_H
#define CELLAR_SCOPE_H

#include <stdbool.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"

typedef enum scope_kind {
    SCOPE_MODULE,
    SCOPE_FUNCTION,
    SCOPE_LAMBDA,
    SCOPE_COMPREHENSION /* <listcomp>, <setcomp>, <dictcomp>, <genexpr> */
} scope_kind;

/* Where a name lives at run time. */
typedef enum scope_binding {
    BINDING_LOCAL,           /* plain slot, index into varnames */
    BINDING_CELL,            /* local captured by an inner scope; index into cells */
    BINDING_FREE,            /* captured from an enclosing function; index into cells */
    BINDING_GLOBAL_EXPLICIT, /* declared `global` */
    BINDING_GLOBAL_IMPLICIT, /* not bound anywhere enclosing: globals, then builtins */
    BINDING_NAME             /* module level: the module namespace (globals, then builtins) */
} scope_binding;

/* Symbol flags, as the analysis found them in this scope's own text. */
enum {
    SYM_ASSIGNED = 1 << 0,  /* bound here: assignment, for target, def, import, except-as, del */
    SYM_PARAM = 1 << 1,     /* a parameter */
    SYM_USED = 1 << 2,      /* read here */
    SYM_GLOBAL = 1 << 3,    /* `global` declaration */
    SYM_NONLOCAL = 1 << 4,  /* `nonlocal` declaration */
    SYM_CAPTURED = 1 << 5   /* an inner scope refers to it */
};

typedef struct scope_symbol {
    const char *name;
    unsigned flags;
    scope_binding binding;
    /* BINDING_LOCAL: index into varnames. BINDING_CELL / BINDING_FREE: index into the scope's
     * cell array, which is cellvars followed by freevars. For a parameter that is also a cell,
     * `slot` is its index in varnames (where the argument arrives) and `index` its cell. */
    int index;
    int slot;
} scope_symbol;

struct scope {
    scope_kind kind;
    const char *name;     /* co_name: "f", "<lambda>", "<listcomp>", "<module>" */
    const char *qualname; /* __qualname__: "outer.<locals>.inner" */
    scope *parent;
    scope **children; /* nested scopes in source order */
    int nchildren;
    scope_symbol *symbols; /* in order of first appearance */
    int nsymbols;

    /* The code object's name tuples, in CPython 3.11's order. */
    const char **varnames;
    int nvarnames;
    const char **cellvars;
    int ncellvars;
    const char **freevars;
    int nfreevars;

    /* Parameter shape (co_argcount counts positional-only and positional-or-keyword). */
    int argcount, posonlyargcount, kwonlyargcount;
    bool has_varargs, has_varkeywords;
    int firstlineno;
    /* True when the body's first statement is a string constant (the docstring). */
    bool has_docstring;
};

/* Analyses the module, setting the `scope` field of the module, every function_def, lambda
 * and comprehension. Returns the module scope, or NULL with *d set on a SyntaxError. */
scope *scope_analyze(arena *a, ast_module *m, diag *d);

/* The symbol for `name` in scope `s`, or NULL when the scope never mentions it. */
const scope_symbol *scope_lookup(const scope *s, const char *name);

/* Where `name` lives when code in scope `s` refers to it (names the scope never mentions
 * resolve to BINDING_GLOBAL_IMPLICIT in functions and BINDING_NAME at module level). */
scope_binding scope_resolve(const scope *s, const char *name, int *index);

/* A stable readable dump of the whole scope tree (for --dump-scopes); malloc'd. */
char *scope_dump(const scope *module_scope);

#endif
