/* Internal to lowering: the state of the function being lowered, shared by the statement half
 * (lower.c: functions, closures, control flow, try/except/finally) and the expression half
 * (lower_expr.c: expressions, calls, displays, comprehensions, f-strings). */
#ifndef CELLAR_LOWER_H
#define CELLAR_LOWER_H

#include "ir.h"
/* BINARY / UNARY immediates use the runtime's operator numbering; only the enums are used, the
 * frontend links no runtime code. */
#include "../runtime/value.h"

/* CPython's CO_MAXBLOCKS: no more than 20 loops, try bodies and handlers may be open at once in
 * one function ("SyntaxError: too many statically nested blocks"). Counted the way CPython's
 * compiler counts its frame blocks, so the same programs hit it. */
enum { LOWER_MAX_BLOCKS = 20 };

/* What a return, break or continue must undo on its way out of an enclosing construct. */
typedef enum lower_fblock_kind {
    FB_WHILE_LOOP,
    FB_FOR_LOOP,
    FB_TRY_EXCEPT,        /* a try body that has except clauses: nothing to undo */
    FB_FINALLY_TRY,       /* a try body with a finally: run a copy of the finally body */
    FB_FINALLY_END,       /* the finally body on the exceptional path: drop the exception */
    FB_EXCEPTION_HANDLER, /* matching except clauses: nothing to undo */
    FB_HANDLER_CLEANUP,   /* an except body: restore the handled exception, clear `as` name */
    FB_POP_VALUE          /* a return value held while finally bodies run: nothing to undo */
} lower_fblock_kind;

typedef struct lower_fblock {
    lower_fblock_kind kind;
    ir_block *continue_to, *break_to; /* loops */
    const ast_stmt_list *finalbody;   /* FB_FINALLY_TRY */
    int saved_handling;               /* FB_FINALLY_END, FB_HANDLER_CLEANUP: SET_HANDLING's dst */
    const char *name;                 /* FB_HANDLER_CLEANUP: the `except ... as name`, or NULL */
    ast_loc loc;                      /* the construct, for the code unwinding emits */
    ir_block *outer_handler;          /* the exception target in effect outside the construct */
} lower_fblock;

/* One function being lowered. */
typedef struct lower_state {
    arena *arena;
    diag *diag;
    ir_function *f;
    const scope *s;
    ir_block *cur;     /* where code goes; NULL after a terminator (the rest is unreachable) */
    ir_block *handler; /* exception target of every fallible instruction emitted now */
    lower_fblock fblocks[LOWER_MAX_BLOCKS];
    int nfblocks;
} lower_state;

/* Emitting (lower.c). lower_emit appends to the current block (opening an unreachable one
 * after a terminator), sets loc and, for fallible operations, the current handler; the pointer
 * it returns is valid until the next emit. lower_effect emits `op a, b, imm`; lower_op the same
 * with a new result temp, which it returns; lower_op_args `dst = op(items)`; lower_call1 a
 * one-argument CALL. */
ir_instr *lower_emit(lower_state *L, ir_op op, ast_loc loc);
ir_instr *lower_effect(lower_state *L, ir_op op, int a, int b, int imm, ast_loc loc);
int lower_op(lower_state *L, ir_op op, int a, int b, int imm, ast_loc loc);
ir_instr *lower_op_args(lower_state *L, ir_op op, int *items, int n, ast_loc loc);
int lower_call1(lower_state *L, int callee, int arg, ast_loc loc);
int *lower_args(lower_state *L, int n);
ir_block *lower_block(lower_state *L);
void lower_start(lower_state *L, ir_block *b);
void lower_jump(lower_state *L, ir_block *target, ast_loc loc);
void lower_branch(lower_state *L, int cond, ir_block *if_true, ir_block *if_false, ast_loc loc);
int lower_const(lower_state *L, ir_const c, ast_loc loc);
int lower_str_const_index(lower_state *L, const char *s);
int lower_str(lower_state *L, const char *s, ast_loc loc);
int lower_none(lower_state *L, ast_loc loc);
void lower_error(lower_state *L, const char *kind, ast_loc loc, const char *message);

/* Names and targets (lower.c). */
int lower_load_name(lower_state *L, const char *name, ast_loc loc);
void lower_store_name(lower_state *L, const char *name, int value, ast_loc loc);
void lower_store(lower_state *L, const ast_expr *target, int value);

/* Functions (lower.c): a nested function's state and entry code, its end, and the closure that
 * makes a function object of it in the enclosing function. */
void lower_begin_function(lower_state *child, const lower_state *parent, const scope *s,
                          int firstlineno);
void lower_finish_function(lower_state *child);
int lower_make_closure(lower_state *L, const lower_state *child, int defaults, int kwdefaults,
                       int annotations, ast_loc loc);
int lower_lambda(lower_state *L, const ast_expr *e);

/* Expressions (lower_expr.c). */
int lower_expr(lower_state *L, const ast_expr *e);
int lower_iterable(lower_state *L, const ast_expr *e);
void lower_cond(lower_state *L, const ast_expr *e, ir_block *if_true, ir_block *if_false);
ast_loc lower_attr_loc(const ast_expr *e);

#endif
