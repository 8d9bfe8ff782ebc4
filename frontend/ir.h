/* The closure-converted IR. Each function is a control-flow graph of blocks of instructions over
 * numbered temporaries. Closures are explicit: a function's environment record is its list of
 * free variables (co_freevars order), each a cell or, for a variable never rebound, its value;
 * captured locals live in cells the function creates when it starts, unless held by value;
 * everything else is a plain local slot. Every instruction that can
 * raise names the block its exception goes to (its handler), so exception flow is as explicit
 * as the rest of the control flow. See docs/ir.md for each operation. */
#ifndef CELLAR_IR_H
#define CELLAR_IR_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "scope.h"

/* The operations, defined once: name, and whether it can raise (can_fail). Operand use per op
 * is documented in docs/ir.md; the `dst`, `a`, `b`, `c` fields hold temporaries (-1 = none),
 * `imm`/`imm2` immediates (slot, cell, constant index, operator), `args` a list of temps. */
#define IR_OPS(X)                                                                             \
    X(CONST, false)          /* dst = consts[imm] */                                          \
    X(MOVE, false)           /* dst = a */                                                    \
    X(LOAD_LOCAL, true)      /* dst = slot imm; UnboundLocalError when unbound */             \
    X(STORE_LOCAL, false)    /* slot imm = a */                                               \
    X(DELETE_LOCAL, true)    /* unbind slot imm (must be bound) */                            \
    X(MAKE_CELL, false)      /* cell imm = new cell holding a (or empty when a == -1) */      \
    X(LOAD_DEREF, true)      /* dst = contents of cell imm */                                 \
    X(STORE_DEREF, false)    /* contents of cell imm = a */                                   \
    X(DELETE_DEREF, true)    /* empty cell imm (must be full) */                              \
    X(LOAD_CLOSURE, false)   /* dst = the cell object imm itself (to build a closure) */      \
    X(LOAD_CAPTURED, false)  /* dst = free variable imm, held by value: never empty */        \
    X(LOAD_GLOBAL, true)     /* dst = globals/builtins[consts[imm]] */                        \
    X(STORE_GLOBAL, true)    /* globals[consts[imm]] = a */                                   \
    X(DELETE_GLOBAL, true)   /* del globals[consts[imm]] */                                   \
    X(SETUP_ANNOTATIONS, true) /* globals.setdefault('__annotations__', {}) */                \
    X(BINARY, true)          /* dst = a <imm> b; imm is rt_binary_op, maybe | RT_INPLACE */   \
    X(UNARY, true)           /* dst = <imm> a; imm is rt_unary_op (RT_NOT gives a bool) */    \
    X(COMPARE, true)         /* dst = a <imm> b; imm is ast_cmp_op */                         \
    X(JUMP, false)           /* goto target */                                                \
    X(BRANCH, true)          /* if truth(a) goto target else goto target2 */                  \
    X(RETURN, false)         /* return a */                                                   \
    X(CALL, true)            /* dst = a(args...); consts[imm] = kwnames tuple or imm == -1 */ \
    X(CALL_EX, true)         /* dst = a(*b, **c); b a tuple, c a dict or -1 */                \
    X(CALL_METHOD, true)     /* dst = a.consts[imm](args...); imm2 = kwnames or -1 */         \
    X(GET_ATTR, true)        /* dst = a.consts[imm] */                                        \
    X(SET_ATTR, true)        /* a.consts[imm] = b */                                          \
    X(DEL_ATTR, true)        /* del a.consts[imm] */                                          \
    X(GET_ITEM, true)        /* dst = a[b] */                                                 \
    X(SET_ITEM, true)        /* a[b] = c */                                                   \
    X(DEL_ITEM, true)        /* del a[b] */                                                   \
    X(BUILD_SLICE, true)     /* dst = slice(a, b, c); -1 operands are None */                 \
    X(BUILD_TUPLE, true)     /* dst = (args...) */                                            \
    X(BUILD_LIST, true)      /* dst = [args...] */                                            \
    X(BUILD_SET, true)       /* dst = {args...}; imm: ir_set_build or -1 */                   \
    X(BUILD_DICT, true)      /* dst = {args[0]: args[1], ...} */                              \
    X(LIST_APPEND, true)     /* a.append(b) */                                                \
    X(LIST_EXTEND, true)     /* a.extend(b) (star in displays and calls) */                   \
    X(SET_ADD, true)         /* a.add(b) */                                                   \
    X(SET_UPDATE, true)      /* a.update(b) */                                                \
    X(DICT_SET, true)        /* a[b] = c on a dict being built */                             \
    X(DICT_UPDATE, true)     /* a.update(b) ({**m} displays) */                               \
    X(DICT_MERGE, true)      /* merge **b into call kwargs a; c = callee for messages */      \
    X(LIST_TO_TUPLE, false)  /* dst = tuple(a) for a list a */                                \
    X(GET_ITER, true)        /* dst = iter(a) */                                              \
    X(FOR_ITER, true)        /* dst = next(a), goto target2; exhausted: goto target */        \
    X(UNPACK, true)          /* args... = a; imm = index of the starred target or -1 */       \
    X(MAKE_FUNCTION, true)   /* dst = function(consts[imm], closure=args, defaults=a (tuple), \
                                kwdefaults=b (dict), annotations=c (dict)); -1: none */       \
    X(RAISE, true)           /* raise a from b; a == -1: bare raise; always raises */         \
    X(FETCH_EXC, false)      /* dst = the exception that brought control to this handler */   \
    X(EXC_MATCH, true)       /* dst = bool: does exception a match type (or tuple) b */       \
    X(SET_HANDLING, false)   /* dst = exception being handled; it becomes a */                \
    X(RESTORE_HANDLING, false) /* the exception being handled becomes a again */              \
    X(RERAISE, true)         /* propagate exception a unchanged; always raises */             \
    X(IMPORT_NAME, true)     /* dst = import consts[imm] */                                   \
    X(IMPORT_FROM, true)     /* dst = from a import consts[imm] */                            \
    X(FORMAT_VALUE, true)    /* dst = format(a, b) after conversion imm (0/'s'/'r'/'a') */    \
    X(BUILD_STRING, true)    /* dst = "".join(args) */                                        \
    X(ASSERT_FAIL, true)     /* raise AssertionError(a) (a == -1: no message) */

/* BUILD_SET's imm: how CPython builds a display whose items are all constants (docs/ir.md);
 * -1 (any other set) adds the items one by one. */
typedef enum ir_set_build {
    IR_SET_CONSTANTS = 1, /* 3+ constants: BUILD_SET 0 + SET_UPDATE of a frozenset constant */
    IR_SET_FROZEN = 2     /* a frozenset constant (`for x in {...}`, `x in {...}`) */
} ir_set_build;

typedef enum ir_op {
#define IR_OP_ENUM(name, can_fail) IR_##name,
    IR_OPS(IR_OP_ENUM)
#undef IR_OP_ENUM
    IR_OP_COUNT
} ir_op;

const char *ir_op_name(ir_op op);
bool ir_op_can_fail(ir_op op);

typedef enum ir_const_kind {
    IRC_NONE, IRC_TRUE, IRC_FALSE, IRC_ELLIPSIS,
    IRC_INT,    /* int_digits: decimal digits, '-' prefix allowed */
    IRC_FLOAT,  /* float_value */
    IRC_STR,    /* str, str_len (UTF-8) */
    IRC_CODE,   /* code: a nested function */
    IRC_NAMES   /* names/nnames: a tuple of str (keyword names of a call) */
} ir_const_kind;

typedef struct ir_function ir_function;

typedef struct ir_const {
    ir_const_kind kind;
    const char *int_digits;
    double float_value;
    const char *str;
    size_t str_len;
    ir_function *code;
    const char **names;
    int nnames;
} ir_const;

typedef struct ir_block ir_block;

typedef struct ir_instr {
    ir_op op;
    int dst, a, b, c;
    int imm, imm2;
    int *args;
    int nargs;
    ir_block *target, *target2;
    ir_block *handler; /* where an exception goes; NULL: out of the function */
    ast_loc loc;       /* source span (loc.line is what tracebacks show) */
} ir_instr;

struct ir_block {
    int id;
    ir_instr *instrs;
    int ninstrs, capacity;
};

struct ir_function {
    const scope *scope; /* names, varnames/cellvars/freevars, parameter shape */
    const char *name, *qualname;
    int firstlineno;
    int nslots; /* local slots: one per varnames entry, parameters first */
    int ncells; /* cellvars then freevars; freevars arrive in the closure (environment) */
    /* Per cell index, or NULL when there is none: the variable is held by value (scope_symbol.
     * by_value). A by-value cellvar is no cell at all but its parameter's slot; a by-value
     * freevar's environment entry is the value itself, read with LOAD_CAPTURED. */
    const bool *byvalue;
    int ntemps;
    ir_block **blocks; /* blocks[0] is the entry */
    int nblocks, blocks_capacity;
    ir_const *consts;
    int nconsts, consts_capacity;
    ir_function **children; /* functions whose code objects appear in consts */
    int nchildren, children_capacity;
    /* consts index of the docstring, or -1 */
    int docstring;
};

typedef struct ir_module {
    ir_function *main; /* the module body, a function of no parameters named <module> */
    const char *filename;
} ir_module;

/* Closure conversion: lowers an analysed module to IR. NULL with *d set on an error that only
 * shows here (e.g. a construct lowering doesn't support). */
ir_module *lower_module(arena *a, const ast_module *m, const char *filename, diag *d);

/* Building blocks, used by lowering (ir.c). */
ir_block *ir_new_block(arena *a, ir_function *f);
ir_instr *ir_emit(arena *a, ir_block *b, ir_op op);
int ir_new_temp(ir_function *f);
int ir_add_const(arena *a, ir_function *f, ir_const c);

/* A stable readable dump of the IR of every function (for --emit-ir); malloc'd. */
char *ir_dump(const ir_module *m);

#endif
