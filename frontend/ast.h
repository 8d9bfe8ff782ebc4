/* The abstract syntax tree. Node kinds, fields and their order mirror CPython 3.11's `ast`
 * module, so `--dump-ast` can print exactly what `ast.dump()` prints and be checked against it.
 * Every node lives in the compilation's arena. */
#ifndef CELLAR_AST_H
#define CELLAR_AST_H

#include <stdbool.h>
#include <stddef.h>

typedef struct ast_expr ast_expr;
typedef struct ast_stmt ast_stmt;
typedef struct scope scope; /* filled in by scope analysis (scope.h) */

/* Source span as CPython records it: 1-based lines, 0-based UTF-8 byte columns. */
typedef struct ast_loc {
    int line, col, end_line, end_col;
} ast_loc;

typedef struct ast_expr_list {
    ast_expr **items;
    int count;
} ast_expr_list;

typedef struct ast_stmt_list {
    ast_stmt **items;
    int count;
} ast_stmt_list;

typedef enum ast_ctx { CTX_LOAD, CTX_STORE, CTX_DEL } ast_ctx;

typedef enum ast_bool_op { BOOL_AND, BOOL_OR } ast_bool_op;

/* Binary operators in CPython's ast order (Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift,
 * RShift, BitOr, BitXor, BitAnd, FloorDiv). */
typedef enum ast_bin_op {
    BIN_ADD, BIN_SUB, BIN_MULT, BIN_MATMULT, BIN_DIV, BIN_MOD, BIN_POW, BIN_LSHIFT,
    BIN_RSHIFT, BIN_BITOR, BIN_BITXOR, BIN_BITAND, BIN_FLOORDIV,
    BIN_OP_COUNT
} ast_bin_op;

typedef enum ast_unary_op { UNARY_INVERT, UNARY_NOT, UNARY_UADD, UNARY_USUB } ast_unary_op;

typedef enum ast_cmp_op {
    CMP_EQ, CMP_NOTEQ, CMP_LT, CMP_LTE, CMP_GT, CMP_GTE, CMP_IS, CMP_ISNOT, CMP_IN, CMP_NOTIN,
    CMP_OP_COUNT
} ast_cmp_op;

typedef enum ast_const_kind {
    CONST_NONE, CONST_TRUE, CONST_FALSE, CONST_ELLIPSIS, CONST_INT, CONST_FLOAT, CONST_STR
} ast_const_kind;

typedef struct ast_constant {
    ast_const_kind kind;
    /* CONST_INT: decimal digits of the value (no sign, no underscores, any length). */
    const char *int_digits;
    /* CONST_FLOAT */
    double float_value;
    /* CONST_STR: UTF-8 bytes, not NUL-terminated semantically (may contain NUL). */
    const char *str;
    size_t str_len;
    /* CONST_STR written with a `u` prefix: CPython's Constant.kind == 'u'. */
    bool kind_u;
} ast_constant;

typedef struct ast_arg {
    const char *name;
    ast_expr *annotation; /* may be NULL */
    ast_loc loc;
} ast_arg;

typedef struct ast_arguments {
    ast_arg *posonlyargs;
    int nposonlyargs;
    ast_arg *args;
    int nargs;
    ast_arg *vararg; /* NULL when absent */
    ast_arg *kwonlyargs;
    int nkwonlyargs;
    ast_expr **kw_defaults; /* nkwonlyargs entries; NULL entry = no default */
    ast_arg *kwarg;         /* NULL when absent */
    ast_expr **defaults;    /* the last ndefaults of posonlyargs+args */
    int ndefaults;
} ast_arguments;

typedef struct ast_keyword {
    const char *arg; /* NULL for **mapping */
    ast_expr *value;
    ast_loc loc;
} ast_keyword;

typedef struct ast_comprehension {
    ast_expr *target;
    ast_expr *iter;
    ast_expr_list ifs;
} ast_comprehension;

typedef struct ast_excepthandler {
    ast_expr *type;   /* NULL for a bare except */
    const char *name; /* NULL without `as` */
    ast_stmt_list body;
    ast_loc loc;
} ast_excepthandler;

typedef struct ast_alias {
    const char *name; /* dotted name for `import a.b` */
    const char *asname; /* NULL when absent */
    ast_loc loc;
} ast_alias;

typedef enum ast_expr_kind {
    EXPR_BOOL_OP, EXPR_BIN_OP, EXPR_UNARY_OP, EXPR_LAMBDA, EXPR_IF_EXP, EXPR_DICT, EXPR_SET,
    EXPR_LIST_COMP, EXPR_SET_COMP, EXPR_DICT_COMP, EXPR_GENERATOR_EXP, EXPR_COMPARE, EXPR_CALL,
    EXPR_FORMATTED_VALUE, EXPR_JOINED_STR, EXPR_CONSTANT, EXPR_ATTRIBUTE, EXPR_SUBSCRIPT,
    EXPR_STARRED, EXPR_NAME, EXPR_LIST, EXPR_TUPLE, EXPR_SLICE
} ast_expr_kind;

struct ast_expr {
    ast_expr_kind kind;
    ast_loc loc;
    union {
        struct { ast_bool_op op; ast_expr_list values; } bool_op;
        struct { ast_expr *left; ast_bin_op op; ast_expr *right; } bin_op;
        struct { ast_unary_op op; ast_expr *operand; } unary_op;
        struct { ast_arguments *args; ast_expr *body; scope *scope; } lambda;
        struct { ast_expr *test, *body, *orelse; } if_exp;
        /* keys[i] == NULL marks a `**mapping` entry */
        struct { ast_expr **keys; ast_expr **values; int count; } dict;
        struct { ast_expr_list elts; } set;
        /* list/set comprehensions and generator expressions; dict comprehensions use key+value */
        struct {
            ast_expr *elt;   /* NULL for dict comprehensions */
            ast_expr *key;   /* dict comprehensions only */
            ast_expr *value; /* dict comprehensions only */
            ast_comprehension *generators;
            int ngenerators;
            scope *scope;
        } comp;
        struct { ast_expr *left; ast_cmp_op *ops; ast_expr_list comparators; } compare;
        struct { ast_expr *func; ast_expr_list args; ast_keyword *keywords; int nkeywords; } call;
        /* conversion is -1 (none), 's', 'r' or 'a'; format_spec is a JoinedStr or NULL */
        struct { ast_expr *value; int conversion; ast_expr *format_spec; } formatted_value;
        struct { ast_expr_list values; } joined_str;
        ast_constant constant;
        struct { ast_expr *value; const char *attr; ast_ctx ctx; } attribute;
        struct { ast_expr *value; ast_expr *slice; ast_ctx ctx; } subscript;
        struct { ast_expr *value; ast_ctx ctx; } starred;
        struct { const char *id; ast_ctx ctx; } name;
        struct { ast_expr_list elts; ast_ctx ctx; } list; /* also used for EXPR_TUPLE */
        struct { ast_expr *lower, *upper, *step; } slice;
    } as;
};

typedef enum ast_stmt_kind {
    STMT_FUNCTION_DEF, STMT_RETURN, STMT_DELETE, STMT_ASSIGN, STMT_AUG_ASSIGN, STMT_ANN_ASSIGN,
    STMT_FOR, STMT_WHILE, STMT_IF, STMT_RAISE, STMT_TRY, STMT_ASSERT, STMT_IMPORT,
    STMT_IMPORT_FROM, STMT_GLOBAL, STMT_NONLOCAL, STMT_EXPR, STMT_PASS, STMT_BREAK, STMT_CONTINUE
} ast_stmt_kind;

struct ast_stmt {
    ast_stmt_kind kind;
    ast_loc loc;
    union {
        struct {
            const char *name;
            ast_arguments *args;
            ast_stmt_list body;
            ast_expr_list decorator_list;
            ast_expr *returns; /* may be NULL */
            scope *scope;
        } function_def;
        struct { ast_expr *value; } return_; /* value may be NULL */
        struct { ast_expr_list targets; } delete_;
        struct { ast_expr_list targets; ast_expr *value; } assign;
        struct { ast_expr *target; ast_bin_op op; ast_expr *value; } aug_assign;
        struct { ast_expr *target; ast_expr *annotation; ast_expr *value; bool simple; } ann_assign;
        /* STMT_FOR */
        struct { ast_expr *target, *iter; ast_stmt_list body, orelse; } for_;
        /* STMT_WHILE and STMT_IF */
        struct { ast_expr *test; ast_stmt_list body, orelse; } while_;
        struct { ast_expr *test; ast_stmt_list body, orelse; } if_;
        struct { ast_expr *exc, *cause; } raise; /* both may be NULL */
        struct {
            ast_stmt_list body;
            ast_excepthandler *handlers;
            int nhandlers;
            ast_stmt_list orelse, finalbody;
        } try_;
        struct { ast_expr *test, *msg; } assert_;
        struct { ast_alias *names; int count; } import;
        struct { const char *module; ast_alias *names; int count; int level; } import_from;
        struct { const char **names; int count; } global; /* also STMT_NONLOCAL */
        struct { ast_expr *value; } expr;
    } as;
};

typedef struct ast_module {
    ast_stmt_list body;
    scope *scope;
} ast_module;

#endif
