/* Scope analysis: decides, for every name in every scope (module, function, lambda,
 * comprehension), where it lives at run time — a local slot, a cell the scope owns, a cell
 * captured from an enclosing function, or the module's globals — exactly as CPython 3.11's
 * symtable does, and records co_varnames / co_cellvars / co_freevars in CPython's order. It
 * also finds the captured variables that need no cell because they are never rebound. */
#ifndef CELLAR_SCOPE_H
#define CELLAR_SCOPE_H

#include <stdbool.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"

/* CPython gives up at about 3000 nested statements and expressions (its recursion limit
 * times COMPILER_STACK_FRAME_SCALE); the analysis recurses on nesting, so it stops there too. */
enum { SCOPE_MAX_NESTING = 3000 };

/* A function's by-value environment slots are one 64-bit mask in its code object
 * (rt_code.byvalue), so a variable that would be free variable number 64 or later of some
 * function it passes through stays a cell everywhere. */
enum { SCOPE_MAX_BYVALUE = 64 };

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
    SYM_CAPTURED = 1 << 5,  /* an inner scope refers to it */
    SYM_IMPORTED = 1 << 6,  /* bound by an import (also sets SYM_ASSIGNED) */
    /* Bound by something other than an import (CPython's DEF_LOCAL; also sets SYM_ASSIGNED):
     * what a later `global`/`nonlocal` reports as "assigned to before". */
    SYM_STORED = 1 << 7,
    SYM_ANNOTATED = 1 << 8  /* the simple target of an annotation, `x: T` */
};

typedef struct scope_symbol {
    const char *name;
    unsigned flags;
    scope_binding binding;
    /* BINDING_LOCAL: index into varnames. BINDING_CELL / BINDING_FREE: index into the scope's
     * cell array, which is cellvars followed by freevars. For a parameter that is also a cell,
     * `slot` is its index in varnames (where the argument arrives) and `index` its cell.
     * `slot` is the varnames index of every name in varnames, -1 for the others; `index` is -1
     * for globals, module names, and a local CPython never loads or stores (`x: int` alone). */
    int index;
    int slot;
    /* BINDING_CELL / BINDING_FREE: the variable is captured by value, never in a cell
     * (scope_byvalue.c). Its owner holds it in its slot as an ordinary local, and every
     * environment record it is in holds the value itself. */
    bool by_value;
} scope_symbol;

struct scope {
    scope_kind kind;
    const char *name;     /* co_name: "f", "<lambda>", "<listcomp>", "<module>" */
    const char *qualname; /* __qualname__: "outer.<locals>.inner" */
    scope *parent;
    /* Nested scopes in the order CPython compiles them, which is the order of their code
     * objects in co_consts (decorators before defaults before the body; a comprehension before
     * its first iterable; a `finally` body at the first return/break/continue that runs it).
     * Scopes CPython never compiles (a lambda inside the annotation of a local variable) are
     * left out; their AST node still points at them. Scopes in unreachable code stay, although
     * CPython 3.11 drops their code objects when no reachable instruction loads a constant
     * added after them (its trim_unused_consts cuts only the tail of co_consts). */
    scope **children;
    int nchildren;
    /* In the order CPython's symtable meets them (source order, mostly), then the names that
     * only pass through this scope to an inner one (flags SYM_CAPTURED alone, BINDING_FREE). */
    scope_symbol *symbols;
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
    /* The module scope only: the source could observe cells (their identity, or writes to
     * cell_contents), so no variable of the unit is captured by value (scope_byvalue.c). */
    bool keeps_cells;
    struct scope_private *priv; /* bookkeeping private to scope analysis */
};

/* Analyses the module, setting the `scope` field of the module, every function_def, lambda
 * and comprehension. Returns the module scope, or NULL with *d set on a SyntaxError: those of
 * CPython's symtable (nonlocal/global misuse, duplicate arguments, `import *` in a function)
 * and those its compiler raises before emitting code ('return' outside function, 'break'
 * outside loop, starred assignment targets, too many statically nested blocks, default
 * 'except:' not last), reported in CPython's order. A program nested deeper than
 * SCOPE_MAX_NESTING gets kind "RecursionError", as CPython's compiler does. Last, it marks
 * the captured variables stored by value (scope_symbol.by_value, scope.keeps_cells). */
scope *scope_analyze(arena *a, ast_module *m, diag *d);

/* The symbol for `name` in scope `s`, or NULL when the scope never mentions it. */
const scope_symbol *scope_lookup(const scope *s, const char *name);

/* Where `name` lives when code in scope `s` refers to it (names the scope never mentions
 * resolve to BINDING_GLOBAL_IMPLICIT in functions and BINDING_NAME at module level). */
scope_binding scope_resolve(const scope *s, const char *name, int *index);

/* A stable readable dump of the whole scope tree (for --dump-scopes); malloc'd. */
char *scope_dump(const scope *module_scope);

#endif
